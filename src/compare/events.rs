//! Events stated alike: two or more sources that state one event between the same
//! parties, in the same polarity ("the general awarded the envoy a medal" and "the envoy
//! received a medal from the general"; "refused to condemn the coup" and "blocked a
//! resolution condemning the coup").
//!
//! Input: an event group (one story, one event id). Output: agreements of kind
//! `statement`. The facts of the group are bucketed by polarity and by each pair of their
//! parties (one of the two a named entity, not only an occasion), which keeps the work
//! linear in the facts (each has at most eight parties). Buckets are taken most sources
//! first; a fact whose sentence dates its occasion otherwise than the facts already taken
//! (last year's parade beside this year's) stays out, and a fact counts in one agreement
//! only. A statement and its negation, or a fact and a plan, never agree, and events never
//! make a conflict: the words alone cannot tell one occurrence from another.

use std::collections::{BTreeMap, BTreeSet};

use super::{Ctx, Evidence, Finding, Verdict};
use crate::align::{distinct_sources, Group, Ref};
use crate::extract::{DateParts, EventFact, EventParty, Polarity};

/// The longest quote of a source an explanation gives, in characters.
const QUOTE_CHARS: usize = 90;

/// The agreements of one event group.
pub(crate) fn events(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    let members: Vec<(Ref, &EventFact)> = group
        .members
        .iter()
        .filter_map(|&r| Some((r, ctx.extractions.get(r.source)?.events.get(r.item)?)))
        .collect();
    type Key<'f> = (Polarity, &'f str, &'f str);
    let mut buckets: BTreeMap<Key<'_>, Vec<usize>> = BTreeMap::new();
    for (k, (_, f)) in members.iter().enumerate() {
        for (i, a) in f.parties.iter().enumerate() {
            for b in f.parties.iter().skip(i + 1) {
                if a.is_occasion() && b.is_occasion() {
                    continue;
                }
                let (x, y) = if a.key <= b.key { (a, b) } else { (b, a) };
                buckets
                    .entry((f.polarity, x.key.as_str(), y.key.as_str()))
                    .or_default()
                    .push(k);
            }
        }
    }
    let mut order: Vec<(usize, Key<'_>, Vec<usize>)> = buckets
        .into_iter()
        .map(|(key, ks)| {
            let refs: Vec<Ref> = ks.iter().map(|&k| members[k].0).collect();
            (distinct_sources(&refs), key, ks)
        })
        .filter(|(n, _, _)| *n >= 2)
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut used = vec![false; members.len()];
    let mut findings = Vec::new();
    for (_, (_, a, b), ks) in order {
        // taken members are compatible pairwise, so checking a member against the union
        // of their dates checks it against each
        let mut taken: Vec<usize> = Vec::new();
        let mut union = DateParts::default();
        // the places every member taken that names places names
        let mut places: Option<BTreeSet<&str>> = None;
        for k in ks {
            let f = members[k].1;
            let when = f.when.unwrap_or_default();
            let here: BTreeSet<&str> = f
                .parties
                .iter()
                .filter(|p| p.place)
                .map(|p| p.key.as_str())
                .collect();
            let elsewhere =
                !here.is_empty() && places.as_ref().is_some_and(|all| all.is_disjoint(&here));
            if used[k] || elsewhere || !when.compatible(&union) {
                continue;
            }
            union = super::occasions::either(union, when);
            if !here.is_empty() {
                places = Some(match places {
                    Some(all) => all.intersection(&here).copied().collect(),
                    None => here,
                });
            }
            taken.push(k);
        }
        if let Some(chosen) = super::occasions::take(&members, &taken, &mut used) {
            findings.extend(agreement(ctx, [a, b], &chosen));
        }
    }
    findings
}

/// The agreement of `chosen` (one bucket, sharing the parties keyed `pair`), citing each
/// source's first fact.
fn agreement(ctx: &Ctx<'_>, pair: [&str; 2], chosen: &[(Ref, &EventFact)]) -> Option<Finding> {
    let mut first: BTreeMap<usize, (Ref, &EventFact)> = BTreeMap::new();
    for &(r, f) in chosen {
        first.entry(r.source).or_insert((r, f));
    }
    let (_, lead) = first.values().next().copied()?;
    let party = |key: &str| -> Option<&EventParty> { lead.parties.iter().find(|p| p.key == key) };
    let mut shared: Vec<&EventParty> = pair.iter().filter_map(|k| party(k)).collect();
    // a named party before an occasion ("Russia and the coup")
    shared.sort_by_key(|p| p.is_occasion());
    let names: Vec<String> = shared.iter().map(|p| p.name.clone()).collect();
    let evidence: Vec<Evidence> = first
        .values()
        .map(|(r, f)| {
            let shared = f.parties.iter().filter(|p| pair.contains(&p.key.as_str()));
            let start = shared
                .clone()
                .map(|p| p.span.start)
                .chain([f.span.start])
                .chain(f.cue.iter().map(|c| c.start))
                .min()
                .unwrap_or(f.span.start);
            let end = shared
                .map(|p| p.span.end)
                .chain([f.span.end])
                .max()
                .unwrap_or(f.span.end);
            Evidence::at(r.source, start..end, f.sentence_span.clone())
        })
        .collect();
    let quotes: Vec<String> = first
        .values()
        .zip(&evidence)
        .map(|((r, _), e)| format!("'{}' ({})", quote(ctx, e), ctx.sid(*r)))
        .collect();
    let sentences: BTreeSet<String> = evidence
        .iter()
        .filter_map(|e| {
            let text = ctx.sources.get(e.source)?.text.get(e.sentence.clone())?;
            Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    let copies = if sentences.len() < evidence.len() {
        format!(
            "; {} sentences word for word alike (one text, copied)",
            evidence.len() - sentences.len() + 1
        )
    } else {
        String::new()
    };
    let id = lead.id.as_str();
    let how = lead.polarity.describe();
    let with = names.join(" and ");
    Some(Finding {
        verdict: Verdict::Agreement,
        kind: "statement".into(),
        summary: format!("{id}{how}: {with}"),
        explanation: format!(
            "same event `{id}`{how} with {with}, stated by {} sources: {}{copies}",
            first.len(),
            super::explain::list(&quotes, 4)
        ),
        confidence: if first.len() >= 3 { 0.7 } else { 0.6 },
        evidence,
        independent_sources: None,
        diff: None,
    })
}

/// The words an evidence cites, shortened to [`QUOTE_CHARS`] with an ellipsis.
fn quote(ctx: &Ctx<'_>, e: &Evidence) -> String {
    let text = ctx
        .sources
        .get(e.source)
        .and_then(|s| s.text.get(e.span.clone()))
        .unwrap_or("");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= QUOTE_CHARS {
        return text;
    }
    let head: String = text.chars().take(QUOTE_CHARS).collect();
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use crate::ingest::Source;
    use crate::pack::Pack;
    use crate::pipeline::{analyze, Options};

    /// The `statement` agreements over `texts` (one source each, dated 6 May 2024): the
    /// ids of the sources each cites.
    fn agreements(texts: &[&str]) -> Vec<Vec<String>> {
        let pack = Pack::default_pack();
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = format!("Date: 2024-05-06\n\n{t}\n");
                Source::from_text(&format!("s{i}"), &format!("s{i}.txt"), &text, &pack)
            })
            .collect();
        let a = analyze(&pack, sources, &Options::default());
        a.findings
            .iter()
            .filter(|f| f.kind == "statement")
            .map(|f| {
                f.evidence
                    .iter()
                    .map(|e| a.sources[e.source].id.as_str().to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sources_stating_one_event_between_the_same_parties_agree() {
        let got = agreements(&[
            "Admiral Tove Lindqvar was awarded a medal by General Oduya Marrin.",
            "General Oduya Marrin hung a medal on Admiral Tove Lindqvar.",
            "Admiral Tove Lindqvar met General Oduya Marrin.",
        ]);
        assert_eq!(got, [["s0", "s1"]]);
    }

    #[test]
    fn one_source_alone_never_agrees_with_itself() {
        let got = agreements(&[
            "Admiral Tove Lindqvar was awarded a medal by General Oduya Marrin. General \
             Oduya Marrin hung a medal on Admiral Tove Lindqvar.",
            "The harbour was quiet.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_denial_or_a_plan_never_agrees_with_a_fact() {
        let got = agreements(&[
            "The Aster Assembly condemned the raid on Velmora.",
            "The Aster Assembly refused to condemn the raid on Velmora.",
            "The Aster Assembly will condemn the raid on Velmora.",
        ]);
        assert!(got.is_empty(), "{got:?}");
        let got = agreements(&[
            "The Aster Assembly refused to condemn the raid on Velmora.",
            "Two members blocked a motion at the Aster Assembly condemning the raid on Velmora.",
        ]);
        assert_eq!(got, [["s0", "s1"]]);
    }

    #[test]
    fn another_place_or_another_year_is_another_occurrence() {
        let got = agreements(&[
            "The Velmor Farmers Union attended the harvest march in Orveto with Mayor Ilsa Trent.",
            "The Velmor Farmers Union attended the harvest march in Pallas with Mayor Ilsa Trent.",
            "The Velmor Farmers Union attended the harvest march in Orveto on Saturday with \
             Mayor Ilsa Trent.",
            "The Velmor Farmers Union attended the harvest march in Orveto in 2019 with Mayor \
             Ilsa Trent.",
        ]);
        assert_eq!(got, [["s0", "s2"]]);
    }
}

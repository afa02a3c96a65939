//! Who each figure of one count is credited to: an `attribution_variant` over the figures
//! of an agreement, a conflict, a progression or a difference of period, when sources
//! credit them differently, a figure given without any source counting as one credit.
//!
//! Input: the clusters of one finding; output: at most one attribution variant saying
//! which credit gives which figure in which source.

use std::collections::{BTreeMap, BTreeSet};

use crate::compare::explain::finding;
use crate::compare::statements::party_key;
use crate::compare::{explain, interval, Ctx, Finding, Verdict};

use super::Cluster;

/// Credits read from attribution phrases, which the extractor may misparse.
const SAME_FIGURE_CONFIDENCE: f64 = 0.7;

/// Figures that differ, each with its own credit: which figure a claimant gives is plain,
/// but the figures may still be of two moments.
const FIGURES_APART_CONFIDENCE: f64 = 0.6;

/// How the figures of the clusters relate, for the explanation.
pub(super) enum Figures<'w> {
    /// Compatible renderings of one figure, from this many independent upstreams.
    Same(usize),
    /// Figures of one count that differ, and how ("that disagree", "that rise").
    Apart(&'w str),
}

/// Shown for the sources that give the figure and credit it to nobody.
const NO_SOURCE: &str = "no source given";

/// The attribution variant of the clusters' figures, when they are credited to two or
/// more credits across two or more sources, at least one naming who gives the figure.
/// A source that gives the figure with no credit counts as one more credit ("no source
/// given") only when none of its renderings is credited: a headline repeating the
/// credited lede is no uncredited source. Vague amounts ("hundreds of protesters") are
/// background, not the figure credited.
pub(super) fn credit_variant(
    ctx: &Ctx<'_>,
    members: &[&Cluster<'_>],
    figures: Figures<'_>,
) -> Option<Finding> {
    // credit key -> (how it reads, sources, values)
    type Credits<'s> = BTreeMap<String, (String, BTreeSet<&'s str>, BTreeSet<String>)>;
    let mut credits: Credits<'_> = BTreeMap::new();
    let items = || {
        members
            .iter()
            .flat_map(|c| c.items.iter())
            .filter(|i| !i.q.vague)
    };
    let credited: BTreeSet<&str> = items()
        .filter(|i| i.claim.attribution.is_some())
        .map(|i| i.sid)
        .collect();
    let mut cited: BTreeSet<(usize, usize)> = BTreeSet::new();
    for item in items() {
        let value = interval::describe(&item.q.value);
        let (key, shown) = match &item.claim.attribution {
            Some(a) => {
                let mut keys: Vec<String> = a.chain.iter().map(party_key).collect();
                keys.extend(a.speaker.as_ref().map(party_key));
                let shown = a.describe();
                if keys.is_empty() || shown.is_empty() {
                    continue;
                }
                (keys.join("<-"), shown)
            }
            None if !credited.contains(item.sid) => (String::new(), NO_SOURCE.to_owned()),
            None => continue,
        };
        let e = credits
            .entry(key)
            .or_insert((shown, BTreeSet::new(), BTreeSet::new()));
        e.1.insert(item.sid);
        e.2.insert(value);
        cited.insert((item.r.source, item.claim.span.start));
    }
    let sources: BTreeSet<&str> = credits.values().flat_map(|c| c.1.iter().copied()).collect();
    let named = credits.keys().any(|k| !k.is_empty());
    if credits.len() < 2 || sources.len() < 2 || !named {
        return None;
    }
    let summary = explain::quantity_summary(members[0].rep().q, true);
    let (explanation, confidence) = match figures {
        Figures::Same(independent) => {
            let mut parts: BTreeMap<String, (String, BTreeSet<&str>)> = BTreeMap::new();
            let mut values: BTreeSet<String> = BTreeSet::new();
            for (k, (shown, srcs, vals)) in &credits {
                parts.insert(k.clone(), (shown.clone(), srcs.clone()));
                values.extend(vals.iter().cloned());
            }
            let parts = explain::credit_parts(&parts);
            (
                format!(
                    "the same figure ({}) credited differently: {}; {} independent upstream source{}",
                    values.into_iter().collect::<Vec<_>>().join(", "),
                    explain::list(&parts, 4),
                    independent,
                    if independent == 1 { "" } else { "s" }
                ),
                SAME_FIGURE_CONFIDENCE,
            )
        }
        Figures::Apart(how) => {
            let parts: Vec<String> = credits
                .values()
                .map(|(shown, srcs, vals)| {
                    format!(
                        "{shown}: {} ({})",
                        vals.iter().cloned().collect::<Vec<_>>().join(", "),
                        srcs.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                })
                .collect();
            (
                format!(
                    "figures {how}, each credited to its own source: {}",
                    explain::list(&parts, 4)
                ),
                FIGURES_APART_CONFIDENCE,
            )
        }
    };
    let mut f = finding(
        ctx,
        Verdict::AttributionVariant,
        "attribution",
        format!("who {summary} is credited to"),
        explanation,
        confidence,
        members,
    );
    f.evidence
        .retain(|e| cited.contains(&(e.source, e.span.start)));
    Some(f)
}

/// Drops an attribution variant that cites the very claims an earlier one cites (a
/// conflict and a difference of report date between the same figures would credit them
/// twice).
pub(super) fn drop_repeated_credits(findings: &mut Vec<Finding>) {
    let cited = |f: &Finding| -> BTreeSet<(usize, usize)> {
        f.evidence
            .iter()
            .map(|e| (e.source, e.span.start))
            .collect()
    };
    let sets: Vec<Option<BTreeSet<(usize, usize)>>> = findings
        .iter()
        .map(|f| (f.verdict == Verdict::AttributionVariant).then(|| cited(f)))
        .collect();
    let mut seen: BTreeSet<&BTreeSet<(usize, usize)>> = BTreeSet::new();
    let keep: Vec<bool> = sets
        .iter()
        .map(|s| s.as_ref().is_none_or(|s| seen.insert(s)))
        .collect();
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::compare::{Finding, Verdict};
    use jiff::civil::{date, Date};

    const DAY: Date = date(2025, 6, 2);

    /// A source giving `phrase` as the flood's toll on `DAY`, credited to `who` if any.
    fn flood(
        id: &'static str,
        text: &str,
        phrase: &'static str,
        v: f64,
        who: Option<&'static str>,
    ) -> Doc {
        let q = q(phrase, exact(v)).reported(DAY);
        doc(id, text).with(match who {
            Some(w) => q.by(w),
            None => q,
        })
    }

    fn credited(f: &[Finding]) -> Vec<&Finding> {
        f.iter()
            .filter(|x| x.verdict == Verdict::AttributionVariant)
            .collect()
    }

    /// Source `a`: the river authority's toll of 85.
    fn authority_85() -> Doc {
        flood(
            "a",
            "The flood has killed 85 people, the river authority said.",
            "85 people",
            85.0,
            Some("river authority"),
        )
    }

    #[test]
    fn a_figure_credited_in_one_source_and_given_bare_in_another_is_an_attribution_variant() {
        let f = run(vec![
            authority_85(),
            flood(
                "b",
                "The flood has killed 85 people in the valley.",
                "85 people",
                85.0,
                None,
            ),
        ]);
        let v = credited(&f);
        assert_eq!(v.len(), 1, "{f:#?}");
        assert!(
            v[0].explanation
                .contains("no source given (b); river authority (a)"),
            "{}",
            v[0].explanation
        );
        assert_eq!(v[0].evidence.len(), 2);
    }

    #[test]
    fn a_bare_headline_over_a_credited_lede_is_no_uncredited_source() {
        let b = doc(
            "b",
            "Flood kills 85. The flood has killed 85 people, the river authority said.",
        )
        .with(q("Flood kills 85", exact(85.0)).reported(DAY))
        .with(
            q("85 people", exact(85.0))
                .reported(DAY)
                .by("river authority"),
        );
        let f = run(vec![authority_85(), b]);
        assert!(credited(&f).is_empty(), "{f:#?}");
    }

    /// The police's 80 on `DAY` and the river authority's 140 reported on `later` (or
    /// with no report date), found as `verdict`: the explanation of their one credit
    /// variant.
    fn police_then_authority(later: Option<Date>, verdict: &str) -> String {
        let q140 = q("140 people", exact(140.0)).by("river authority");
        let f = run(vec![
            flood(
                "a",
                "The flood has killed 80 people, the police said.",
                "80 people",
                80.0,
                Some("police"),
            ),
            doc(
                "b",
                "The flood has killed 140 people, the river authority said.",
            )
            .with(match later {
                Some(d) => q140.reported(d),
                None => q140,
            }),
        ]);
        assert!(verdicts(&f).contains(&verdict), "{f:#?}");
        let v = credited(&f);
        assert_eq!(v.len(), 1, "{f:#?}");
        v[0].explanation.clone()
    }

    #[test]
    fn a_rising_count_says_who_gives_each_figure() {
        let why = police_then_authority(Some(date(2025, 6, 4)), "progression");
        assert!(
            why.contains("figures that rise from report to report"),
            "{why}"
        );
    }

    #[test]
    fn a_count_that_may_be_an_update_says_who_gives_each_figure() {
        // no report date in b: 140 may be a later count than a's 80
        let why = police_then_authority(None, "different_scope");
        assert!(
            why.contains("figures of one count, perhaps at two moments"),
            "{why}"
        );
    }

    #[test]
    fn disagreeing_figures_say_who_gives_which() {
        let f = run(vec![
            flood(
                "a",
                "The flood has killed 120 people, the organisers said.",
                "120 people",
                120.0,
                Some("organisers"),
            ),
            flood(
                "b",
                "The flood has killed 80 people, the police said.",
                "80 people",
                80.0,
                Some("police"),
            ),
        ]);
        assert!(verdicts(&f).contains(&"conflict"), "{f:#?}");
        let v = credited(&f);
        assert_eq!(v.len(), 1, "{f:#?}");
        assert!(
            v[0].explanation
                .contains("figures that disagree, each credited to its own source: organisers: 120 (a); police: 80 (b)"),
            "{}",
            v[0].explanation
        );
    }
}

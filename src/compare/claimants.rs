//! Claimants named alike: `name_variant` for credits that name one claimant with a
//! country's name in one source and its adjective in another ("Tarnavia's port
//! authority", "the Tarnavian port authority").
//!
//! Input: the attribution parties of every claim, per story. Output: a name variant per
//! claimant written both ways. The entity layer keys capitalised names; a credit that
//! describes its claimant in lowercase words ("chief prosecutor's office") is no entity
//! mention, so two writings of it meet here, by their words with the place word set
//! aside and the place words compared as one place (`normalize::one_place`: a name and
//! its regular adjective). Cost: one pass over the claims and a map keyed by the other
//! words; a key holding more forms than [`MAX_FORMS`] is left alone.

use std::collections::{BTreeMap, BTreeSet};

use super::{explain, Ctx, Evidence, Finding, Verdict};
use crate::align::block::UnionFind;
use crate::align::Group;
use crate::extract::Party;
use crate::normalize::{fold, one_place};

/// A claimant written with the place's name and with its adjective: one claimant most
/// likely, but read from attribution phrases, so no surer than a short name form.
const CLAIMANT_VARIANT_CONFIDENCE: f64 = 0.5;

/// The most forms one key may hold before it is taken for a common phrase, not one
/// claimant ("the * government" of many countries).
const MAX_FORMS: usize = 8;

/// One writing of a claimant: its place word, and per source the first use.
struct Form {
    /// The source id first by id that writes it, and its writing there.
    shown: (String, String),
    place: String,
    uses: BTreeMap<usize, Evidence>,
}

/// Per story and key (the words but the place word), the forms by folded writing, and
/// whether more than [`MAX_FORMS`] came.
type Keyed = BTreeMap<(usize, String), (BTreeMap<String, Form>, bool)>;

/// The name variants of claimants written with a place's name and with its adjective.
/// A story is here the sources joined by any shared group.
pub(crate) fn claimants(ctx: &Ctx<'_>, groups: &[Group]) -> Vec<Finding> {
    let mut stories = UnionFind::new(ctx.extractions.len());
    for g in groups {
        for pair in g.members.windows(2) {
            stories.union(pair[0].source, pair[1].source);
        }
    }
    let mut keyed: Keyed = BTreeMap::new();
    for (s, ex) in ctx.extractions.iter().enumerate() {
        let story = stories.find(s);
        let mut seen: BTreeSet<usize> = BTreeSet::new();
        for c in &ex.claims {
            let Some(a) = &c.attribution else { continue };
            for p in a.chain.iter().chain(a.speaker.iter()) {
                let Some(span) = p.span.clone() else { continue };
                if !seen.insert(span.start) {
                    continue;
                }
                let Some((key, place, written)) = split(p) else {
                    continue;
                };
                let (forms, overflow) = keyed.entry((story, key)).or_default();
                if forms.len() >= MAX_FORMS && !forms.contains_key(&written) {
                    *overflow = true;
                    continue;
                }
                let sid = ctx.sources.get(s).map_or("", |x| x.id.as_str());
                let form = forms.entry(written).or_insert_with(|| Form {
                    shown: (sid.to_owned(), p.name.clone()),
                    place,
                    uses: BTreeMap::new(),
                });
                // shown as the source first by id writes it, whatever the input order
                if sid < form.shown.0.as_str() {
                    form.shown = (sid.to_owned(), p.name.clone());
                }
                form.uses
                    .entry(s)
                    .or_insert_with(|| Evidence::at(s, span, c.sentence_span.clone()));
            }
        }
    }
    let mut out = Vec::new();
    for (forms, overflow) in keyed.into_values() {
        if forms.len() < 2 || overflow {
            continue;
        }
        let places: BTreeSet<&str> = forms.values().map(|f| f.place.as_str()).collect();
        let one = places
            .iter()
            .all(|a| places.iter().all(|b| one_place(a, b)));
        let sources: BTreeSet<usize> = forms
            .values()
            .flat_map(|f| f.uses.keys().copied())
            .collect();
        if places.len() < 2 || !one || sources.len() < 2 {
            continue;
        }
        let parts: Vec<String> = forms
            .values()
            .map(|f| {
                let mut ids: Vec<&str> = f
                    .uses
                    .keys()
                    .filter_map(|&s| ctx.sources.get(s).map(|x| x.id.as_str()))
                    .collect();
                ids.sort_unstable();
                format!("{} ({})", f.shown.1, ids.join(", "))
            })
            .collect();
        let first = forms
            .values()
            .next()
            .map(|f| f.shown.1.clone())
            .unwrap_or_default();
        let mut evidence: Vec<Evidence> = forms
            .into_values()
            .flat_map(|f| f.uses.into_values())
            .collect();
        let id = |e: &Evidence| ctx.sources.get(e.source).map_or("", |x| x.id.as_str());
        evidence.sort_by(|a, b| (id(a), a.span.start).cmp(&(id(b), b.span.start)));
        out.push(Finding {
            verdict: Verdict::NameVariant,
            kind: "name".to_owned(),
            summary: first,
            explanation: format!(
                "one claimant credited in {} writings: {}; the same words with a place's name or its adjective",
                parts.len(),
                explain::list(&parts, 5)
            ),
            confidence: CLAIMANT_VARIANT_CONFIDENCE,
            evidence,
            independent_sources: None,
            diff: None,
        });
    }
    out
}

/// A credit of three or more words, one of them a capitalised place word (a name with or
/// without "'s", or an adjective) and at least one a lowercase word of three letters or
/// more: its key (the folded words, the place word as `*`), its place word and its folded
/// writing. `None` for a credit the entity layer keys (all capitalised) or with several
/// capitalised words.
fn split(p: &Party) -> Option<(String, String, String)> {
    let words: Vec<&str> = p.name.split_whitespace().collect();
    let words = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("the") => &words[1..],
        _ => &words[..],
    };
    if words.len() < 3 {
        return None;
    }
    let bare = |w: &str| -> String {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        fold(w)
    };
    let capital: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().next().is_some_and(char::is_uppercase))
        .collect();
    let [at] = capital[..] else { return None };
    let lower_word = words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && w.len() >= 3);
    if !lower_word {
        return None;
    }
    let place = bare(words[at]);
    if place.len() < 4 {
        return None;
    }
    let key: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == at { "*".to_owned() } else { bare(w) })
        .collect();
    let written: Vec<String> = words.iter().map(|w| fold(w)).collect();
    Some((key.join(" "), place, written.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(name: &str) -> Party {
        Party {
            name: name.to_owned(),
            key: String::new(),
            kind: None,
            span: Some(0..name.len()),
        }
    }

    #[test]
    fn a_credit_splits_into_its_place_word_and_the_rest() {
        let (ka, pa, _) = split(&party("Tarnavia's port authority")).expect("a place and words");
        let (kb, pb, _) = split(&party("The Tarnavian port authority")).expect("a place and words");
        assert_eq!(ka, kb);
        assert_eq!(ka, "* port authority");
        assert!(one_place(&pa, &pb));
        // all capitalised: the entity layer's; too short; no place word
        assert_eq!(split(&party("Tarnavia Port Authority")), None);
        assert_eq!(split(&party("Tarnavian police")), None);
        assert_eq!(split(&party("the port authority office")), None);
    }
}

//! Ratios: "three times larger than last year's rally", "twice the size of the first
//! march", "double that estimated by the organisers" give a multiple of a reference.
//!
//! Input: a sentence's figures and the kind whose `[ratio]` says which words make a
//! multiple a ratio ([`crate::pack::Ratio`]). Output: the one-word multiples ("twice",
//! "triple") as figures, and a figure followed by a comparative as a quantity of the ratio
//! kind whose `counted` is the reference, the words after the comparative up to the end of
//! its clause. "Visited three times", "was arrested twice" are no ratio. Without a
//! `[ratio]` in the pack nothing is a ratio.

use super::classify::quantity;
use super::figure::Figure;
use super::Matchers;
use crate::extract::scope::{self, Clause, LocalDate};
use crate::extract::{Interval, Quantity};
use crate::pack::{Pack, Ratio};
use crate::text::is_whole_word;

/// The comparative that starts `after` (what follows a multiple), longest first: one of
/// `word_comparatives` only after a one-word multiple. Its length.
fn comparative(after: &str, r: &Ratio, word: bool) -> Option<usize> {
    let extra = if word { &r.word_comparatives[..] } else { &[] };
    r.comparatives.iter().chain(extra).find_map(|c| {
        (after.starts_with(c.as_str()) && is_whole_word(after, 0, c.len())).then_some(c.len())
    })
}

/// The one-word multiples of the sentence ("twice", "triple") that a comparative follows,
/// as figures in the ratio unit, unless another figure holds them.
pub(super) fn multiple_figures(lower: &str, m: &Matchers, out: &mut Vec<Figure>) {
    let Some((_, r, unit)) = &m.ratio else {
        return;
    };
    for (word, factor) in &r.multiples {
        for (s, _) in lower.match_indices(word.as_str()) {
            let e = s + word.len();
            if !is_whole_word(lower, s, e)
                || out.iter().any(|f| f.span.start < e && s < f.span.end)
                || comparative(lower[e..].trim_start(), r, true).is_none()
            {
                continue;
            }
            out.push(Figure::in_words(
                s..e,
                Some(*factor),
                Interval::exact(*factor),
                Some(*unit),
            ));
        }
    }
}

/// The figure as a ratio when a comparative follows it ("three times larger than"): a
/// quantity of the ratio kind counting the reference, the words after the comparative to
/// the end of its clause, at `clause_end`. `None` without a comparative or a reference.
pub(super) fn ratio(
    f: &Figure,
    lower: &str,
    clause_end: usize,
    m: &Matchers,
    pack: &Pack,
) -> Option<Quantity> {
    let (kind, r, unit) = m.ratio.as_ref()?;
    if f.unit != Some(*unit) || f.end_with_unit >= clause_end {
        return None;
    }
    let written = lower.get(f.span.clone())?;
    let word = r.multiples.iter().any(|(w, _)| w == written);
    let rest = lower.get(f.end_with_unit..clause_end)?;
    let after = rest.trim_start();
    let len = comparative(after, r, word)?;
    let reference = after[len..]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if reference.is_empty() {
        return None;
    }
    let kind = pack.kinds.get(*kind)?.id.clone();
    Some(quantity(f, kind, r.unit.clone(), Some(reference), None))
}

/// A date or a place in a ratio's reference, from `from` on in sentence `text` (at `base`
/// in the source), scopes what the ratio is compared with, not the ratio: "twice the size
/// of last year's rally", "three times the crowd at the opening in Elmford". The place is
/// read again with the reference blanked out, so a place before the ratio still scopes it.
#[allow(clippy::too_many_arguments)]
pub(super) fn unscope(
    q: &mut Quantity,
    text: &str,
    base: usize,
    dates: &[LocalDate<'_>],
    clauses: &[Clause],
    f: &Figure,
    from: usize,
    pack: &Pack,
) {
    if q.scope
        .time
        .as_ref()
        .is_some_and(|t| t.span.start >= base + from)
    {
        q.scope.time = None;
    }
    if q.scope.place.is_some() {
        // the same byte offsets, every character of the reference a space
        let blanked: String = text
            .char_indices()
            .flat_map(|(i, c)| {
                let n = if i >= from { c.len_utf8() } else { 0 };
                let keep = (i < from).then_some(c);
                keep.into_iter().chain(std::iter::repeat_n(' ', n))
            })
            .collect();
        q.scope.place = scope::place(&blanked, dates, clauses, f.span.clone(), pack);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{pack_with, show, show_in};

    /// Each sentence with what `show` reads in it.
    fn shown(sentences: &[&str]) -> String {
        sentences
            .iter()
            .map(|s| match show(s) {
                r if r.is_empty() => format!("{s} => nothing"),
                r => format!("{s} => {r}"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_multiple_before_a_comparative_is_a_ratio_of_what_follows() {
        insta::assert_snapshot!(shown(&[
            "The parade was three times larger than the harbour festival.",
            "Four times as many riders joined the relay as last spring.",
            "The fair drew twice the size of the regatta crowd.",
            "Its budget is double that of the museum.",
            "Fares are triple the rate charged in Elmford.",
            "The harvest was treble the yield of the dry year.",
            "Sales were quadruple the level of the launch week.",
        ]), @"
    The parade was three times larger than the harbour festival. => 3 [3, 3] times ratios/-/the harbour festival
    Four times as many riders joined the relay as last spring. => 4 [4, 4] times ratios/-/riders joined the relay as last spring
    The fair drew twice the size of the regatta crowd. => 2 [2, 2] times ratios/-/the regatta crowd
    Its budget is double that of the museum. => 2 [2, 2] times ratios/-/of the museum
    Fares are triple the rate charged in Elmford. => 3 [3, 3] times ratios/-/rate charged in elmford
    The harvest was treble the yield of the dry year. => 3 [3, 3] times ratios/-/yield of the dry year
    Sales were quadruple the level of the launch week. => 4 [4, 4] times ratios/-/the launch week
    ");
    }

    #[test]
    fn a_count_of_occurrences_is_no_ratio() {
        insta::assert_snapshot!(shown(&[
            "The minister visited the valley three times.",
            "He was arrested twice in March.",
            "The ferry sails twice a day.",
            "The club won the cup three times in a row.",
        ]), @"
    The minister visited the valley three times. => 3 [3, 3] times counts/visited/-
    He was arrested twice in March. => nothing
    The ferry sails twice a day. => nothing
    The club won the cup three times in a row. => 3 [3, 3] times counts/-/-
    ");
    }

    #[test]
    fn a_place_in_the_reference_does_not_scope_the_ratio() {
        let pack = crate::pack::Pack::default_pack();
        let places = |s: &str| -> Vec<Option<String>> {
            super::super::tests::claims_in(&pack, s)
                .into_iter()
                .filter(|q| q.kind == "ratios")
                .map(|q| q.scope.place)
                .collect()
        };
        let s = "The parade was three times larger than the festival held in Portwick.";
        assert_eq!(places(s), [None]);
        let s = "In Elmford, the parade was three times larger than the festival held in Portwick.";
        assert_eq!(places(s), [Some("elmford".to_owned())]);
    }

    #[test]
    fn ratio_words_come_from_the_pack() {
        let s = "The parade was three times larger than the harbour festival.";
        let ratios = "kinds/ratios.toml";
        let pack = pack_with(&[(ratios, "\"larger than\", ", "")]);
        assert_ne!(show_in(&pack, s), show(s), "no comparative, no ratio");
        let w = "Its budget is double that of the museum.";
        let pack = pack_with(&[(ratios, "double = 2, ", "")]);
        assert_ne!(show_in(&pack, w), show(w), "no multiple word, no ratio");
    }
}

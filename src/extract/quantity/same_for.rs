//! A figure said to hold for other places too: "organisers put the crowd at 20,000, the
//! same tally they gave for Alder Bay and Vossberg" claims 20,000 for Alder Bay and for
//! Vossberg as well.
//!
//! Input: the sentence and where a claim's text ends. Output: each place the restating
//! phrase names after "for" or "in", keyed like any place, with where its name ends. The
//! phrase must follow the claim right away (past a comma); "a similar number in Vossberg"
//! restates nothing.

use crate::extract::lexicon::NOT_NAMES;
use crate::extract::scope::{self, LocalDate};
use crate::pack::Pack;

/// Phrases that say a figure also holds elsewhere, right after the figure.
const SAME_FIGURE: &[&str] = &[
    "the same tally",
    "the same figure",
    "the same number",
    "the same count",
    "the same estimate",
    "the same total",
    "the same toll",
    "the same turnout",
    "an identical figure",
    "an identical number",
];

/// How far after the restating phrase the "for" or "in" before the places may be ("the
/// same tally they reported for").
const PLACES_WITHIN: usize = 40;

/// The places the figure ending at `end` is also claimed for, each keyed, with where its
/// name ends in `text` (sentence-local; `lower` is `text` in ASCII lowercase; `dates`: the
/// sentence's dates, which name no place).
pub(super) fn places(
    text: &str,
    lower: &str,
    end: usize,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Vec<(String, usize)> {
    let Some(rest) = lower.get(end..) else {
        return Vec::new();
    };
    let opened = rest.trim_start_matches([',', ' ']);
    if opened.len() + 2 < rest.len() {
        return Vec::new();
    }
    let Some(phrase) = SAME_FIGURE.iter().find(|p| opened.starts_with(*p)) else {
        return Vec::new();
    };
    let from = end + (rest.len() - opened.len()) + phrase.len();
    let mut limit = lower.len().min(from + PLACES_WITHIN);
    while !lower.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = lower.get(from..limit).unwrap_or("");
    let window = window.split(['.', ';', ',']).next().unwrap_or("");
    let Some(at) = [" for ", " in "]
        .iter()
        .filter_map(|w| window.find(w).map(|i| i + w.len()))
        .min()
    else {
        return Vec::new();
    };
    names(text, from + at, dates)
        .into_iter()
        .map(|(s, e)| (scope::place_key(&text[s..e], pack), e))
        .collect()
}

/// The place names from `at` on ([`scope::place_name_end`], not opening with a word like
/// "The"), joined by commas and "and": "Boston, and Denver", "Alder Bay and Vossberg".
/// Each as a span of `text`.
fn names(text: &str, mut at: usize, dates: &[LocalDate<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let opens_name = |at: usize| {
        let first = text
            .get(at..)
            .unwrap_or("")
            .split([' ', ',', '.'])
            .next()
            .unwrap_or("");
        !NOT_NAMES.contains(&first.to_lowercase().as_str())
    };
    while let Some(end) = opens_name(at)
        .then(|| scope::place_name_end(text, at, dates))
        .flatten()
    {
        out.push((at, end));
        let rest = &text[end..];
        let next = [", and ", " and ", ", "]
            .iter()
            .find(|sep| rest.starts_with(*sep))
            .map(|sep| end + sep.len());
        match next {
            Some(n) => at = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::places;
    use crate::pack::Pack;

    fn of(text: &str, figure: &str) -> Vec<String> {
        let end = text.find(figure).map_or(0, |i| i + figure.len());
        let lower = text.to_ascii_lowercase();
        places(text, &lower, end, &[], &Pack::default_pack())
            .into_iter()
            .map(|(key, e)| format!("{key}@{}", &text[..e]))
            .collect()
    }

    #[test]
    fn a_figure_restated_for_other_places_names_each() {
        let t = "Stewards put the crowd at 20,000, the same tally they gave for Alder Bay, and Vossberg.";
        assert_eq!(
            of(t, "20,000"),
            [
                "alder bay@Stewards put the crowd at 20,000, the same tally they gave for Alder Bay",
                "vossberg@Stewards put the crowd at 20,000, the same tally they gave for Alder Bay, and Vossberg"
            ]
        );
        let t = "Police counted 8,000, the same number as in Port Elden.";
        assert_eq!(of(t, "8,000").len(), 1);
        // a multibyte character where the search for "for" stops
        let t = format!(
            "Police counted 8,000, the same number they gave {}.",
            "\u{00e9}".repeat(20)
        );
        assert!(of(&t, "8,000").is_empty());
    }

    #[test]
    fn a_similar_or_distant_figure_restates_nothing() {
        let t = "Stewards put the crowd at 20,000, a similar number to Alder Bay.";
        assert!(of(t, "20,000").is_empty());
        let t = "Stewards put the crowd at 20,000 and said the same tally was given for Alder Bay.";
        assert!(of(t, "20,000").is_empty());
        let t = "Stewards put the crowd at 20,000, the same tally as on Saturday.";
        assert!(of(t, "20,000").is_empty());
        let t = "Stewards put the crowd at 20,000, the same figure in their own count.";
        assert!(of(t, "20,000").is_empty());
    }
}

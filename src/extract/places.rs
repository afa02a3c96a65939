//! Places inside places, as a text says them: "Savar, on the outskirts of Dhaka", "a
//! factory in Savar", "the Bangladeshi capital Dhaka", "CARACAS, Venezuela (Wire) —".
//!
//! Input: a sentence's text and its dates. Output: [`PlaceLink`]s, each naming an inner
//! and an outer place by their place keys. Compare reads the links of every source to
//! tell a story told at several levels of one place (a suburb, its city, the country)
//! from a story of several places (marches in Boston and in Denver).
//!
//! Only what the sentence says is read, and only between two capitalised names: no
//! gazetteer. A link may join names that are no places ("Modi in Kochi"); that is
//! harmless, since compare only asks about the places figures were scoped to.

use serde::{Deserialize, Serialize};

use super::lexicon::{COORDINATORS, NOT_NAMES};
use super::scope::place_key;
use super::DateRef;
use crate::pack::Pack;

/// One place the text puts inside or next to another, both as place keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceLink {
    /// The smaller place ("savar").
    pub inner: String,
    /// The place it is in or next to ("dhaka").
    pub outer: String,
}

/// Words between two names that put the first in or next to the second, longest first
/// (so that "in the outskirts of" is not read as "in").
const LINKERS: &[&str] = &[
    "on the outskirts of",
    "in the outskirts of",
    "in the suburbs of",
    "a suburb of",
    "a district of",
    "a town in",
    "a city in",
    "a village in",
    "just outside",
    "outside",
    "near",
    "in",
];

/// Nouns after a country's adjective that name a place of it: "the Bangladeshi capital
/// Dhaka", "the Kenyan port city of Mombasa".
const PLACE_OF_A_COUNTRY: &[&str] = &["capital", "city", "port", "town", "province", "state"];

/// The links a sentence states. `text` is the sentence, `base` its offset in the source
/// (the dates' spans are in the source).
pub(crate) fn links(text: &str, base: usize, dates: &[&DateRef], pack: &Pack) -> Vec<PlaceLink> {
    let words = words(text, base, dates);
    let mut out = Vec::new();
    let mut link = |inner: &str, outer: &str| {
        let (inner, outer) = (place_key(inner, pack), place_key(outer, pack));
        if !inner.is_empty() && !outer.is_empty() && inner != outer {
            out.push(PlaceLink { inner, outer });
        }
    };
    let mut i = 0;
    while i < words.len() {
        let Some(inner) = name_at(&words, i) else {
            i += 1;
            continue;
        };
        let after = inner.end;
        let linked = after_linker(&words, after);
        // "the Bangladeshi capital Dhaka": Dhaka is in Bangladesh
        if let Some(country) = country_of(&words, i) {
            link(&inner.text, &country);
        }
        if let Some(at) = linked {
            let at = skip_the(&words, at);
            if let Some(outer) = name_at(&words, at) {
                link(&inner.text, &outer.text);
            }
        } else if i == 0 && inner.capitals && words[inner.end - 1].comma {
            // a dateline: "CARACAS, Venezuela (Wire) —"
            if let Some(outer) = name_at(&words, inner.end) {
                link(&inner.text, &outer.text);
            }
        }
        i = inner.end;
    }
    out
}

/// A word of the sentence: its letters without the punctuation around them.
struct Word<'a> {
    clean: &'a str,
    /// Whether a comma (or other clause mark) follows it.
    comma: bool,
    /// Whether a mark ends the name here (".", ";", ":", a bracket, a possessive).
    stop: bool,
    /// Whether a bracket or quote opens before it ("(Wire)").
    opens: bool,
    /// Whether the word is part of a date.
    dated: bool,
}

fn words<'a>(text: &'a str, base: usize, dates: &[&DateRef]) -> Vec<Word<'a>> {
    text.split_whitespace()
        .map(|w| {
            let at = base + (w.as_ptr() as usize - text.as_ptr() as usize);
            let lead = w.trim_start_matches(['(', '"', '“', '‘', '\'']);
            let clean = lead.trim_end_matches(|c: char| !c.is_alphanumeric());
            let clean = clean
                .strip_suffix("’s")
                .or(clean.strip_suffix("'s"))
                .unwrap_or(clean);
            let tail = &lead[clean.len()..];
            Word {
                opens: lead.len() != w.len(),
                clean,
                comma: tail.starts_with(','),
                stop: !tail.is_empty() && !tail.starts_with(','),
                dated: dates
                    .iter()
                    .any(|d| d.span.start < at + w.len() && at < d.span.end),
            }
        })
        .collect()
}

/// A name: up to three capitalised words, none dated.
struct Name {
    text: String,
    /// Index of the word after the name.
    end: usize,
    /// Whether it is written in capitals ("CARACAS"), as a dateline is.
    capitals: bool,
}

fn name_at(words: &[Word<'_>], at: usize) -> Option<Name> {
    let mut parts: Vec<&str> = Vec::new();
    let mut k = at;
    while let Some(w) = words.get(k) {
        let capital = w.clean.chars().next().is_some_and(char::is_uppercase);
        // a capitalised word that opens a sentence ("And in Boston", "The mill")
        let function = || {
            let lower = w.clean.to_ascii_lowercase();
            [NOT_NAMES, COORDINATORS, LINKERS]
                .iter()
                .any(|list| list.contains(&lower.as_str()))
        };
        if !capital
            || w.dated
            || parts.len() == 3
            || (w.opens && !parts.is_empty())
            || (parts.is_empty() && function())
        {
            break;
        }
        parts.push(w.clean);
        k += 1;
        if w.comma || w.stop {
            break;
        }
    }
    (!parts.is_empty()).then(|| Name {
        capitals: parts
            .iter()
            .all(|p| p.len() > 1 && !p.chars().any(char::is_lowercase)),
        text: parts.join(" "),
        end: k,
    })
}

/// The index after a linker that starts at `at` (after a comma or not): "on the outskirts
/// of", "near", "in".
fn after_linker(words: &[Word<'_>], at: usize) -> Option<usize> {
    if at == 0 || words[at - 1].stop {
        return None;
    }
    LINKERS.iter().find_map(|l| {
        let parts: Vec<&str> = l.split(' ').collect();
        let fits = parts.iter().enumerate().all(|(j, p)| {
            // "in Europe (outside France": an aside, not a link
            words.get(at + j).is_some_and(|w| {
                !w.opens
                    && w.clean.eq_ignore_ascii_case(p)
                    && (j + 1 == parts.len() || !(w.comma || w.stop))
            })
        });
        fits.then_some(at + parts.len())
    })
}

fn skip_the(words: &[Word<'_>], at: usize) -> usize {
    match words.get(at) {
        Some(w) if w.clean.eq_ignore_ascii_case("the") && !w.comma => at + 1,
        _ => at,
    }
}

/// "the Bangladeshi capital" right before `at`: the adjective, which compare reads as
/// its country (`normalize::one_place`).
fn country_of(words: &[Word<'_>], at: usize) -> Option<String> {
    let noun = words.get(at.checked_sub(1)?)?;
    let adjective = words.get(at.checked_sub(2)?)?;
    let capital = adjective
        .clean
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    (PLACE_OF_A_COUNTRY.contains(&noun.clean) && capital && !adjective.comma && !noun.comma)
        .then(|| adjective.clean.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<String> {
        links(text, 0, &[], &Pack::default_pack())
            .into_iter()
            .map(|l| format!("{} < {}", l.inner, l.outer))
            .collect()
    }

    #[test]
    fn a_place_on_the_outskirts_of_or_in_another_is_inside_it() {
        assert_eq!(
            shown("The mill stood in Orlek, on the outskirts of Tamsel, where crews worked."),
            ["orlek < tamsel"]
        );
        assert_eq!(
            shown("Crews searched the Vane Arcade in Orlek near Tamsel."),
            ["vane arcade < orlek", "orlek < tamsel"]
        );
    }

    #[test]
    fn a_country_adjective_before_capital_holds_the_named_city() {
        assert_eq!(
            shown("Protests spread in the Marovian capital Tamsel on Sunday."),
            ["tamsel < marovian"]
        );
    }

    #[test]
    fn a_dateline_puts_its_city_in_its_country() {
        assert_eq!(
            shown("TAMSEL, Marovia (Wire) — Rescuers kept digging."),
            ["tamsel < marovia"]
        );
        // two names in a list are not one inside the other, nor is a place set aside
        // in brackets, and a word opening the sentence is no name
        assert_eq!(
            shown("Marches were held in Tamsel, Orlek and Vane."),
            Vec::<String>::new()
        );
        assert_eq!(
            shown("Fares rose in Europe (outside Marovia) this year."),
            Vec::<String>::new()
        );
        assert_eq!(shown("And in Tamsel the crowd grew."), Vec::<String>::new());
    }
}

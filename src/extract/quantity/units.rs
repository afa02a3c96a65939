//! The words around a figure that say its unit: a currency or unit before it ("$",
//! "magnitude"), a unit after it ("5 km", "20 million euros"), a measure written as an
//! adjective ("a 6,000-ton ship") and the noun it measures, and a modifier after it
//! ("200 or more").

use super::figure::modifier_before;
use super::Matchers;
use crate::extract::lexicon::{COUNTED_PREPOSITIONS, COUNTED_STOP, UNIT_LINKS};
use crate::extract::number::{Form, Numeral};
use crate::pack::{Bound, Dimension, Pack};
use crate::text::is_whole_word;

/// The unit written before number `a` ("$", "US$", "Rs", "€", "magnitude") and where
/// the figure then starts; for digits, also a unit word a few linking words back ("its
/// magnitude at 7.1").
pub(super) fn unit_before(
    text: &str,
    lower: &str,
    m: &Matchers,
    a: &Numeral,
) -> (Option<usize>, usize) {
    let start = a.span.start;
    let mut unit = None;
    let mut prefix_start = start;
    let head = text[..start].trim_end_matches([' ', '\u{a0}']);
    // "a magnitude-7.1 quake": a word prefix joined by a hyphen.
    let word_head = head.strip_suffix('-').unwrap_or(head);
    for (p, u, word) in &m.prefixes {
        if *word && word_head.len() != head.len() {
            let h = word_head;
            if h.len() >= p.len()
                && h.is_char_boundary(h.len() - p.len())
                && h[h.len() - p.len()..].eq_ignore_ascii_case(p)
                && is_whole_word(text, h.len() - p.len(), h.len())
            {
                unit = Some(*u);
                prefix_start = h.len() - p.len();
                break;
            }
        }
        let ok = if *word {
            head.len() >= p.len()
                && head.is_char_boundary(head.len() - p.len())
                && head[head.len() - p.len()..].eq_ignore_ascii_case(p)
                && is_whole_word(text, head.len() - p.len(), head.len())
        } else {
            head.ends_with(p.as_str())
        };
        if ok {
            // A word prefix needs a space ("magnitude 7"), a symbol may be glued ("$5").
            unit = Some(*u);
            prefix_start = head.len() - p.len();
            break;
        }
    }
    if unit.is_none() && a.form == Form::Digits {
        // "its magnitude at 7.1", "a magnitude of 6.8": a unit word a few linking words back.
        let words: Vec<&str> = lower[..start].split(' ').rev().skip(1).take(4).collect();
        for (k, w) in words.iter().enumerate() {
            if let Some((_, u, _)) = m
                .prefixes
                .iter()
                .find(|(p, _, word)| *word && p.eq_ignore_ascii_case(w))
            {
                if words[..k].iter().all(|x| UNIT_LINKS.contains(x)) && k > 0 {
                    unit = Some(*u);
                }
                break;
            }
        }
    }
    (unit, prefix_start)
}

/// "Windows 10", "Route 66", "Apollo 11": whether the digits at `span` follow a
/// capitalised word with one space and no modifier, so are maybe part of a name, unless
/// a unit or a counted noun follows ("visited Russia 6 times", checked in `classify`).
/// The first word of the sentence counts only as a name that speaks ("Channel 4 said").
pub(super) fn follows_name(
    text: &str,
    lower: &str,
    pack: &Pack,
    m: &Matchers,
    span: &std::ops::Range<usize>,
) -> bool {
    let start = span.start;
    let head = &text[..start];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() + 1 != head.len() {
        return false;
    }
    let word: &str = trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let word_start = trimmed.len() - word.len();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if !capitalised || modifier_before(lower, start, m).is_some() {
        return false;
    }
    if !text[..word_start].trim().is_empty() {
        return true;
    }
    // A capitalised word opens any sentence ("Another 40 died"): there, only a word that
    // is no common opener, with a speech verb right after the digits, makes a name that
    // speaks ("Channel 4 said 12 people died").
    let opener = pack.sentence_starters.iter().any(|w| w == word);
    let next = lower[span.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    !opener && m.speech.iter().any(|f| f == next)
}

/// The unit written after the number ending at `end` ("%", "per cent", "km", "yuan",
/// "times", "votes") and where it ends, unless `unit` (written before) is another one.
pub(super) fn unit_after(
    lower: &str,
    m: &Matchers,
    end: usize,
    unit: Option<usize>,
) -> Option<(usize, usize)> {
    let rest = &lower[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let gap = rest.len() - trimmed.len();
    if gap > 1 {
        return None;
    }
    for (s, u) in &m.suffixes {
        if trimmed.starts_with(s.as_str()) {
            let e = end + gap + s.len();
            let alpha_end = s.chars().last().is_some_and(char::is_alphanumeric);
            if alpha_end && lower[e..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            if gap == 0 && s.chars().next().is_some_and(char::is_alphabetic) && s.len() > 3 {
                continue;
            }
            // A currency word after a currency symbol is the same unit ("$5 US dollars").
            return (unit.is_none() || unit == Some(*u)).then_some((*u, e));
        }
    }
    None
}

/// The modifier written right after the figure's unit ("or more", "-plus"): where it
/// ends, the phrase and its bound.
pub(super) fn modifier_after(
    lower: &str,
    end_with_unit: usize,
    m: &Matchers,
) -> Option<(usize, String, Bound)> {
    let rest = &lower[end_with_unit..];
    for (p, b) in &m.after {
        let r = rest.trim_start_matches([' ', '-']);
        // "equal to 5000 or less than 6000": "or less" before "than" and a figure opens
        // another bound ("200 or greater than." is still a floor)
        let than = r.strip_prefix(p.as_str()).is_some_and(|x| {
            x.trim_start()
                .strip_prefix("than")
                .is_some_and(|t| t.trim_start().starts_with(|c: char| c.is_alphanumeric()))
        });
        if r.starts_with(p.as_str())
            && !than
            && (rest.len() - r.len() <= 1)
            && (!p.chars().all(char::is_alphabetic)
                || is_whole_word(
                    lower,
                    end_with_unit + rest.len() - r.len(),
                    end_with_unit + rest.len() - r.len() + p.len(),
                ))
        {
            return Some((
                end_with_unit + rest.len() - r.len() + p.len(),
                p.clone(),
                *b,
            ));
        }
    }
    None
}

/// The noun an adjectival measure describes, written after it: the first word, or the
/// one after up to two adjectives ("commercial building in Savar", "collapsed
/// building": "building"), unless a preposition, a relative pronoun or a punctuation
/// mark comes first.
pub(super) fn measured_noun(rest: &str) -> Option<String> {
    const ENDS: &[&str] = &["that", "which", "who", "where", "with", "and", "or", "as"];
    const ADJECTIVE_ENDINGS: &[&str] = &["al", "ed", "ic", "ous", "ive", "ful", "ern", "ish"];
    let words: Vec<&str> = rest.trim_start().split(' ').take(3).collect();
    let clean = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_owned()
    };
    let word_ok = |w: &str| {
        !w.is_empty()
            && w.chars().all(char::is_alphanumeric)
            && !ENDS.contains(&w)
            && !COUNTED_STOP.contains(&w)
            && !COUNTED_PREPOSITIONS.contains(&w)
    };
    for (i, w) in words.iter().enumerate() {
        let word = clean(w);
        if !word_ok(&word) {
            return None;
        }
        let punctuated = word.len() != w.len();
        let next_ok = words.get(i + 1).is_some_and(|n| word_ok(&clean(n)));
        let adjective = ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e));
        if !(adjective && next_ok && !punctuated && i < 2) {
            return Some(word);
        }
    }
    None
}

/// The unit written right after a figure and a hyphen ("6,000-ton", "nine-storey"), in the
/// singular an adjective takes: its end and index. Only measures are read so: money,
/// shares, counts and durations written as adjectives stay compound adjectives.
pub(super) fn adjective_unit(
    lower: &str,
    at: usize,
    pack: &Pack,
    m: &Matchers,
) -> Option<(usize, usize)> {
    let rest = &lower[at..];
    m.suffixes.iter().find_map(|(s, u)| {
        let e = at + s.len();
        let word = s.starts_with(|c: char| c.is_alphabetic())
            && rest.starts_with(s.as_str())
            && !lower[e..].starts_with(|c: char| c.is_alphanumeric())
            && !lower[e..].starts_with("-old");
        let dim = pack.units.get(*u)?.dimension;
        // a duration adjective ("a 10-day festival") stays no claim
        (word && dim == Dimension::Measure).then_some((e, *u))
    })
}

//! Numbers as news writes them: digits with thousands separators (`3,000`, `3 000`),
//! decimals, number words (`six`, `twenty-one`, `two hundred and five`, `a dozen`,
//! `half a million`), magnitude words and suffixes (`1.5 million`, `835m`, `1.5bn`,
//! `10 crore`) and fractions as words (`a fifth`).
//!
//! Input: one sentence's text. Output: [`Numeral`]s with spans relative to that text.
//! Ordinals (`75th`), times (`10:30`, `3pm`), codes glued to letters (`COVID-19`, `F-35`,
//! `G7`) and phone-like strings are recognised and left out or flagged, never read as
//! counts. The words come from `units.toml` (number words, multipliers, fractions).

mod digits;
mod numerals;
mod references;
mod why;
mod words;

use std::ops::Range;

use digits::{after_unit_word, digits_at, follows_code, vulgar_at};
pub(crate) use numerals::Numerals;
use references::{date_end, phone_spans, reference};
pub(crate) use why::{Skipped, Why};
use words::{words, words_at};

/// A number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    /// Byte span in the sentence text, multiplier included.
    pub(crate) span: Range<usize>,
    /// The value, multipliers applied.
    pub(crate) value: f64,
    /// How it was written.
    pub(crate) form: Form,
    /// Four digits without separators between 1000 and 2199: maybe a year.
    pub(crate) year_like: bool,
    /// A single-letter magnitude suffix ("835m"): only valid after a currency symbol.
    /// Holds the value and end without it.
    pub(crate) short: Option<(f64, usize)>,
    /// The multiplier applied, 1 when none (used to spread "$1-2bn").
    pub(crate) factor: f64,
}

impl Numeral {
    /// A number read at `span` with no multiplier, no year and no short suffix.
    fn new(span: Range<usize>, value: f64, form: Form) -> Numeral {
        Numeral {
            span,
            value,
            form,
            year_like: false,
            short: None,
            factor: 1.0,
        }
    }
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Digits ("3,000", "1.5 million").
    Digits,
    /// Words ("six", "a dozen").
    Words,
    /// A fraction as words, valued as a percentage ("a fifth" = 20).
    Fraction,
}

/// Every number in `text`, in order, not overlapping.
#[cfg(test)]
pub(crate) fn scan(text: &str, n: &Numerals) -> Vec<Numeral> {
    scan_lowered(text, &text.to_ascii_lowercase(), n, true, &mut Vec::new())
}

/// [`scan`], with `lower` the caller's `text.to_ascii_lowercase()`. `words` false says
/// `lower` holds no trigger word ([`Numerals::word_hits`]). Numbers read and left out
/// (ordinals, times, codes, phones) go to `skipped` with why.
pub(crate) fn scan_lowered(
    text: &str,
    lower: &str,
    n: &Numerals,
    words: bool,
    skipped: &mut Vec<Skipped>,
) -> Vec<Numeral> {
    if !n.may_hold_number(text, lower, words) {
        return Vec::new();
    }
    scan_all(text, lower, n, skipped)
}

/// [`scan_lowered`] without the shortcut.
fn scan_all(text: &str, lower: &str, n: &Numerals, skipped: &mut Vec<Skipped>) -> Vec<Numeral> {
    let words = words(text, lower);
    let masked = phone_spans(text, lower);
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut w = 0; // index into `words`
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() && (!follows_code(text, i) || after_unit_word(text, i, n)) {
            if let Some(s) = date_or_phone(text, i, &masked) {
                i = s.span.end;
                skipped.push(s);
                continue;
            }
            let (num, next) = digits_at(text, i, n);
            match num {
                Ok(num) => keep(text, lower, num, &mut out, skipped),
                Err(s) => skipped.push(s),
            }
            i = next.max(i + 1);
            while w < words.len() && words[w].start < i {
                w += 1;
            }
            continue;
        }
        if c.is_ascii_digit() {
            // Skip the whole code ("COVID-19", "F-35").
            let start = token_start(text, i);
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric()) {
                i += 1;
            }
            let version = matches!(bytes.get(start), Some(b'v' | b'V'))
                && bytes.get(start + 1).is_some_and(u8::is_ascii_digit);
            skipped.push(Skipped {
                span: start..i,
                why: if version { Why::Version } else { Why::Code },
                value: None,
            });
            while w < words.len() && words[w].start < i {
                w += 1;
            }
            continue;
        }
        if let Some(num) = (c >= 0x80).then(|| vulgar_at(text, i)).flatten() {
            i = num.span.end;
            keep(text, lower, num, &mut out, skipped);
            continue;
        }
        if w < words.len() && words[w].start == i {
            // "sub-zero", "non-one": a number word after a prefix and a hyphen is no count.
            let prefixed = text[..i].ends_with('-')
                && text[..i - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            if prefixed {
                i = words[w].end;
                w += 1;
                continue;
            }
            if let Some((num, used)) = words_at(text, &words[w..], n) {
                if let Some(o) = ordinal_after(text, &num, words.get(w + used), n) {
                    i = o.span.end;
                    skipped.push(o);
                    w += used + 1;
                    continue;
                }
                i = num.span.end;
                keep(text, lower, num, &mut out, skipped);
                w += used;
                continue;
            }
            if let Some(&v) = n.ordinals.get(&*words[w].lower) {
                // "the third spell", "second week": a rank, no count
                skipped.push(Skipped {
                    span: words[w].start..words[w].end,
                    why: Why::Ordinal,
                    value: Some(v),
                });
            }
            i = words[w].end;
            w += 1;
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    over_fractions(text, lower, n, &mut out);
    out
}

/// "one over three", "1 over 20", "negative one over 20": two whole numbers joined by a
/// word of the pack's `over` are one fraction, when nothing but punctuation follows ("2
/// over 3 years" is none). A bare "one" before it is its numerator.
fn over_fractions(text: &str, lower: &str, n: &Numerals, out: &mut Vec<Numeral>) {
    let whole = |x: &Numeral| x.value.fract() == 0.0 && x.form != Form::Fraction;
    let mut k = 0;
    while k < out.len() {
        let b = &out[k];
        let head = lower[..b.span.start].trim_end_matches(digits::SPACES);
        let over = n.over.iter().find(|w| {
            head.ends_with(w.as_str()) && head[..head.len() - w.len()].ends_with(digits::SPACES)
        });
        let after = text[b.span.end..].trim_start_matches(digits::SPACES);
        let ends = !after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '%' | '$'));
        let (Some(w), true, true) = (over, ends, whole(b) && b.value > 0.0) else {
            k += 1;
            continue;
        };
        let top_end = head[..head.len() - w.len()]
            .trim_end_matches(digits::SPACES)
            .len();
        let previous = k
            .checked_sub(1)
            .filter(|&j| out[j].span.end == top_end && whole(&out[j]));
        let (start, top) = if let Some(j) = previous {
            (out[j].span.start, out[j].value)
        } else if lower[..top_end].ends_with("one")
            && !lower[..top_end - 3].ends_with(|c: char| c.is_alphanumeric())
        {
            let s = top_end - 3;
            let sign = ["minus ", "negative "]
                .iter()
                .find_map(|w| lower[..s].strip_suffix(w))
                .filter(|h| !h.ends_with(|c: char| c.is_alphanumeric()));
            sign.map_or((s, 1.0), |h| (h.len(), -1.0))
        } else {
            k += 1;
            continue;
        };
        let num = Numeral::new(start..b.span.end, top / b.value, Form::Digits);
        match previous {
            Some(j) => {
                out[j] = num;
                out.remove(k);
            }
            None => {
                out[k] = num;
                k += 1;
            }
        }
    }
}

/// The ordinal a number in words runs on into ("twenty-first", "forty third"): a ten
/// and an ordinal word below ten after one hyphen or space.
fn ordinal_after(
    text: &str,
    num: &Numeral,
    next: Option<&words::Word<'_>>,
    n: &Numerals,
) -> Option<Skipped> {
    let next = next?;
    let v = *n.ordinals.get(&*next.lower)?;
    let ten = num.form == Form::Words && num.value >= 20.0 && num.value % 10.0 == 0.0;
    let gap = text.get(num.span.end..next.start)?;
    let joined = matches!(gap, "-" | " " | "\u{2010}");
    // "two hundredth", "three trillionth": a number in words times an ordinal magnitude
    let magnitude = num.form == Form::Words && v >= 100.0 && num.value.fract() == 0.0;
    let value = if ten && v < 10.0 {
        num.value + v
    } else if magnitude {
        num.value * v
    } else {
        return None;
    };
    joined.then_some(Skipped {
        span: num.span.start..next.end,
        why: Why::Ordinal,
        value: Some(value),
    })
}

/// A date in digits ("12/03/2021", "2021-04-05") that starts at byte `i`, or the phone
/// number of `phones` that holds it.
fn date_or_phone(text: &str, i: usize, phones: &[Range<usize>]) -> Option<Skipped> {
    if let Some(end) = date_end(text, i) {
        return Some(Skipped {
            span: i..end,
            why: Why::Date,
            value: None,
        });
    }
    let m = phones.iter().find(|m| m.start <= i && i < m.end)?;
    Some(Skipped {
        span: m.clone(),
        why: if isbn(text, m) { Why::Code } else { Why::Phone },
        value: None,
    })
}

/// Whether the phone-like digits at `m` are a book number: after "ISBN" or "ISSN", or
/// thirteen digits that open with a book prefix (978, 979).
fn isbn(text: &str, m: &Range<usize>) -> bool {
    let head = text[..m.start].trim_end_matches([' ', ':']);
    let label = head.len() >= 4
        && head.is_char_boundary(head.len() - 4)
        && matches!(
            head[head.len() - 4..].to_ascii_lowercase().as_str(),
            "isbn" | "issn"
        );
    let digits: String = text[m.clone()]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    label || (digits.len() == 13 && (digits.starts_with("978") || digits.starts_with("979")))
}

/// Adds `num` to `out`, or to `skipped` when the words around it make it a reference
/// ("page 12", "version 4"), an address ("10 Downing Street") or too large to hold; a
/// sign or "minus" before it makes it negative.
fn keep(
    text: &str,
    lower: &str,
    mut num: Numeral,
    out: &mut Vec<Numeral>,
    skipped: &mut Vec<Skipped>,
) {
    if !num.value.is_finite() {
        skipped.push(Skipped {
            span: num.span,
            why: Why::TooLarge,
            value: Some(f64::MAX),
        });
        return;
    }
    if num.form == Form::Digits {
        if let Some(why) = reference(text, lower, &num.span) {
            skipped.push(Skipped {
                span: num.span.clone(),
                why,
                // "221B": the letter is no magnitude
                value: Some(num.short.map_or(num.value, |s| s.0)),
            });
            return;
        }
    }
    let head = &text[..num.span.start];
    let sign = head
        .strip_suffix('-')
        .or_else(|| head.strip_suffix('\u{2212}'))
        .filter(|h| num.form == Form::Digits && h.chars().next_back().is_none_or(opens));
    if let Some(h) = sign {
        num.span.start = h.len();
        num.value = -num.value;
    } else if let Some(h) = ["minus ", "negative "]
        .iter()
        .find_map(|w| lower[..num.span.start].strip_suffix(w))
        .filter(|h| !h.ends_with(|c: char| c.is_alphanumeric()))
    {
        num.span.start = h.len();
        num.value = -num.value;
    }
    out.push(num);
}

/// Whether `c` may stand right before a minus sign: a space or an opening bracket.
fn opens(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | ':')
}

/// The start of the token of letters, digits and joiners that holds byte `i`.
fn token_start(text: &str, i: usize) -> usize {
    let mut s = i;
    for (j, c) in text[..i].char_indices().rev() {
        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/') {
            s = j;
        } else {
            break;
        }
    }
    // a joiner does not start a token
    while s < i && !text[s..].starts_with(|c: char| c.is_alphanumeric()) {
        s += text[s..].chars().next().map_or(1, char::len_utf8);
    }
    s
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the tests of each part.
    use super::{scan, scan_lowered, Numerals, Why};
    use crate::pack::Pack;

    pub(super) fn numerals() -> &'static Numerals {
        static N: std::sync::OnceLock<Numerals> = std::sync::OnceLock::new();
        N.get_or_init(|| Numerals::new(&Pack::default_pack()))
    }

    pub(super) fn values(text: &str) -> Vec<(String, f64)> {
        scan(text, numerals())
            .into_iter()
            .map(|n| (text[n.span.clone()].to_owned(), n.value))
            .collect()
    }

    pub(super) fn one(text: &str) -> f64 {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].1
    }

    pub(super) fn why(text: &str) -> Vec<(String, Why)> {
        let mut skipped = Vec::new();
        let lower = text.to_ascii_lowercase();
        scan_lowered(text, &lower, numerals(), true, &mut skipped);
        skipped
            .into_iter()
            .map(|s| (text[s.span].to_owned(), s.why))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{numerals, one, values, why};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn signs_make_figures_negative() {
        assert_eq!(one("a balance of -300 points"), -300.0);
        assert_eq!(one("a low of minus 10 degrees"), -10.0);
        assert_eq!(
            values("a 10-15 range"),
            vec![("10".into(), 10.0), ("15".into(), 15.0)]
        );
    }

    #[test]
    fn a_number_too_large_to_hold_is_skipped_with_a_bound() {
        let digits = "9".repeat(300);
        let text = format!("a debt of {digits} trillion dollars");
        assert!(values(&text).is_empty());
        let w = why(&text);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].1, Why::TooLarge);
        let words = "a trillion ".repeat(40) + "trillion";
        let _ = values(&words);
    }

    #[test]
    fn a_number_word_after_a_hyphenated_prefix_is_no_number() {
        assert_eq!(values("in sub-zero cold"), vec![]);
        assert_eq!(one("twenty-one boats"), 21.0);
    }

    #[test]
    fn ordinals_codes_times_and_phones_are_not_numbers() {
        assert!(values("the 75th anniversary").is_empty());
        assert!(values("the COVID-19 pandemic").is_empty());
        assert!(values("an F-35 jet and a G7 summit").is_empty());
        assert!(values("at 10:30 on the dot").is_empty());
        assert!(values("a 3pm curfew").is_empty());
        assert!(values("call 555-123-4567 now").is_empty());
        assert!(values("call +44 20 7946 0958 now").is_empty());
        assert!(values("in the 1990s").is_empty());
        assert!(values("one of the worst").is_empty());
    }

    #[test]
    fn ordinal_words_are_no_numbers_and_say_so() {
        assert!(values("the twenty-first century").is_empty());
        assert_eq!(
            why("the twenty-first century"),
            vec![("twenty-first".into(), Why::Ordinal)]
        );
        assert_eq!(
            why("the third spell in the second week"),
            vec![
                ("third".into(), Why::Ordinal),
                ("second".into(), Why::Ordinal)
            ]
        );
        // a fraction stays a fraction, a count stays a count
        assert_eq!(one("a third of the boats"), 33.33);
        assert_eq!(one("twenty boats came first"), 20.0);
    }

    #[test]
    fn two_numbers_over_each_other_are_a_fraction() {
        assert_eq!(one("one over three"), 1.0 / 3.0);
        assert_eq!(one("the odds were 1 over 20."), 0.05);
        assert_eq!(one("one over one hundred"), 0.01);
        assert_eq!(one("Negative one over 20"), -0.05);
        assert_eq!(one("1 over twenty-one"), 1.0 / 21.0);
        // a word after the second: no fraction
        assert_eq!(
            values("5 over 10 years"),
            vec![("5".into(), 5.0), ("10".into(), 10.0)]
        );
    }

    #[test]
    fn an_ordinal_magnitude_after_a_number_in_words_is_one_ordinal() {
        assert!(values("the two hundredth visitor").is_empty());
        assert_eq!(
            why("the two hundredth visitor"),
            vec![("two hundredth".into(), Why::Ordinal)]
        );
        assert_eq!(
            why("three trillionth"),
            vec![("three trillionth".into(), Why::Ordinal)]
        );
    }

    #[test]
    fn a_house_number_with_a_letter_is_an_address() {
        assert!(values("lived at 221B Baker Street").is_empty());
        assert_eq!(
            why("lived at 221B Baker Street"),
            vec![("221B".into(), Why::Address)]
        );
        let mut skipped = Vec::new();
        let text = "lived at 221B Baker Street";
        scan_lowered(
            text,
            &text.to_ascii_lowercase(),
            numerals(),
            true,
            &mut skipped,
        );
        assert_eq!(skipped[0].value, Some(221.0));
        // after a currency the letter stays a magnitude
        assert_eq!(values("raised $5B in new funding")[0].1, 5e9);
    }

    #[test]
    fn a_book_number_is_a_code_not_a_phone() {
        assert_eq!(
            why("it carries ISBN 978-0-306-40615-7 inside"),
            vec![("978-0-306-40615-7".into(), Why::Code)]
        );
        assert_eq!(
            why("see 978-1-4028-9462-6 inside"),
            vec![("978-1-4028-9462-6".into(), Why::Code)]
        );
        assert_eq!(why("call 555-123-4567 now")[0].1, Why::Phone);
    }

    #[test]
    fn ranges_keep_both_ends_as_separate_numerals() {
        assert_eq!(
            values("between 150 and 170"),
            vec![("150".into(), 150.0), ("170".into(), 170.0)]
        );
        assert_eq!(
            values("150-170 people"),
            vec![("150".into(), 150.0), ("170".into(), 170.0)]
        );
    }

    proptest! {
        /// Digits and number words in any mix never panic and never give a value that
        /// is not finite.
        #[test]
        fn any_mix_of_numbers_reads_finite(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "1", "999", "1,000", "4,5", ".5", "-", "minus", "trillion", "million",
                    "a", "half", "quarter", "of", "and", "hundred", "twenty", "one", "dozen",
                    "€", "$", "%", "(", ")", "km", "10:30", "3rd", "9".repeat(40).leak(),
                ]),
                0..12,
            ),
        ) {
            let text = parts.join(" ");
            for n in scan(&text, numerals()) {
                prop_assert!(n.value.is_finite(), "{}", text);
            }
        }

        #[test]
        fn scanning_never_panics(s in "\\PC{0,80}") {
            let _ = scan(&s, numerals());
        }
    }
}

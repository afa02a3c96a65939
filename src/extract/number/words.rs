//! Numbers in words: compounds, magnitudes, dozens and scores, halves and fractions.

use std::borrow::Cow;

use super::digits::SPACES;
use super::{Form, Numeral, Numerals};
use crate::text::lowercase;

/// A word token: its span and lowercase text.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) lower: Cow<'a, str>,
}

/// The alphabetic runs of `text`; `lower` is `text.to_ascii_lowercase()`, which gives the
/// lowercase of ASCII words without allocating.
pub(super) fn words<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let t = &text[s..i];
            let lower = match lower.get(s..i) {
                Some(l) if t.is_ascii() && lower.len() == text.len() => Cow::Borrowed(l),
                _ => lowercase(t),
            };
            out.push(Word {
                start: s,
                end: i,
                lower,
            });
        }
    }
    out
}

/// What the last word of a number in words was, which decides what may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Nothing yet.
    Start,
    /// "one" to "nine".
    Unit,
    /// "ten" to "nineteen", and any other word worth less than a hundred.
    Teen,
    /// "twenty" to "ninety".
    Ten,
    /// "hundred" or "dozen".
    Hundred,
    /// "thousand", "million" and up.
    Scale,
    /// "and a half": only a magnitude may follow.
    Fraction,
}

/// The part after "and" of a mixed number at `words[0]` ("and a half", "and three
/// quarters", "and one fifth"), from the pack's `fraction_words`: its value and the words
/// it used, and whether it was "a" or "an" ("a dozen and a half" is 18, "one hundred and
/// three quarters" 100.75). Only a proper fraction is a part: "and thirty fifths" is none.
fn and_fraction(text: &str, words: &[Word<'_>], n: &Numerals) -> Option<(f64, bool)> {
    if words.first()?.lower != "and" || words.len() < 3 || !joined(text, &words[..3]) {
        return None;
    }
    let top = match &*words[1].lower {
        "a" | "an" => 1.0,
        w => *n.words.get(w)?,
    };
    let bottom = *n.fraction_words.get(&*words[2].lower)?;
    let article = matches!(&*words[1].lower, "a" | "an");
    (top >= 1.0 && top < bottom).then_some((top / bottom, article))
}

/// Whether "a score" at `words[0..2]` is a number: "of" and a word that is no number
/// follow ("a score of boats"), not "a score of 700" or "a score of three".
fn of_a_noun(text: &str, words: &[Word<'_>], n: &Numerals) -> bool {
    let (Some(of), Some(next)) = (words.get(2), words.get(3)) else {
        return false;
    };
    let after = text[of.end..].trim_start_matches(SPACES);
    of.lower == "of"
        && joined(text, &words[1..3])
        && after.starts_with(|c: char| c.is_alphabetic())
        && !n.first_words.contains(&*next.lower)
        && n.word_multiplier(&next.lower).is_none()
}

/// A number written in words starting at `words[0]`, and how many words it used.
pub(super) fn words_at(text: &str, words: &[Word<'_>], n: &Numerals) -> Option<(Numeral, usize)> {
    if !n.first_words.contains(&*words.first()?.lower) {
        return None;
    }
    // Fractions first ("a fifth", "two-thirds").
    if let Some(found) = fraction_at(text, words, n) {
        return Some(found);
    }
    if let Some(found) = one_part(text, words, n) {
        return Some(found);
    }
    let mut c = Compound::new(text, words, n);
    while c.idx < words.len() && c.step(text, words, n) {}
    let (num, used) = match c.finish(words) {
        Some(found) => found,
        // "minus one": a sign makes a bare "one" a number
        None if words[0].lower == "one" && signed(text, words[0].start) => (
            Numeral::new(words[0].start..words[0].end, 1.0, Form::Words),
            1,
        ),
        None => return None,
    };
    Some(over_fraction_word(text, words, n, num, used))
}

/// Whether "minus" or "negative" stands right before byte `at`.
fn signed(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(SPACES);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    head.len() < at
        && matches!(
            head[start..].to_ascii_lowercase().as_str(),
            "minus" | "negative"
        )
}

/// The divisor at `words[0]`: a word of the pack's `fraction_words` ("fifths",
/// "hundredth", "trillionths"), or a ten and an ordinal below ten ("twenty-fifth",
/// "twenty firsts" = 21); with the words it used and whether it is plural.
fn divisor(text: &str, words: &[Word<'_>], n: &Numerals) -> Option<(f64, usize, bool)> {
    let w0 = words.first()?;
    let ten = n
        .words
        .get(&*w0.lower)
        .filter(|t| (20.0..100.0).contains(*t) && *t % 10.0 == 0.0);
    if let (Some(t), Some(w1)) = (ten, words.get(1)) {
        let plural = w1.lower.ends_with('s');
        let single = if plural {
            &w1.lower[..w1.lower.len() - 1]
        } else {
            &*w1.lower
        };
        if let Some(u) = n.ordinals.get(single).filter(|u| **u < 10.0) {
            return joined(text, &words[..2]).then_some((t + u, 2, plural));
        }
    }
    let d = *n.fraction_words.get(&*w0.lower)?;
    Some((d, 1, w0.lower.ends_with('s')))
}

/// "a hundredth", "a trillionth", "one twenty-fifth", "a half": one part of a divisor,
/// when "of" or no word follows ("a fifth day" is an ordinal, "an hour and a half" no
/// share). Before "of" it is a share, valued as a percentage like the pack's fractions
/// ("a hundredth of the vote" = 1%); alone, its value ("a half" = 0.5).
fn one_part(text: &str, words: &[Word<'_>], n: &Numerals) -> Option<(Numeral, usize)> {
    if !matches!(&*words.first()?.lower, "a" | "an" | "one") {
        return None;
    }
    let (d, used, plural) = divisor(text, &words[1..], n)?;
    let last = &words[used];
    let after = text[last.end..].trim_start_matches(SPACES);
    let of = words.get(used + 1).is_some_and(|w| w.lower == "of");
    let ends = !after.starts_with(|c: char| c.is_alphanumeric() || c == '-') || of;
    let after_and = text[..words[0].start]
        .trim_end_matches(SPACES)
        .to_ascii_lowercase()
        .ends_with("and");
    (!plural && ends && !after_and && joined(text, &words[..=used])).then(|| {
        (
            if of {
                Numeral::new(words[0].start..last.end, share(1.0 / d), Form::Fraction)
            } else {
                Numeral::new(words[0].start..last.end, 1.0 / d, Form::Words)
            },
            used + 1,
        )
    })
}

/// `x` as a percentage, to two decimals as the pack writes fractions ("66.67") when it
/// is one or more, in full below (a trillionth).
fn share(x: f64) -> f64 {
    let p = x * 100.0;
    if p >= 1.0 {
        (p * 100.0).round() / 100.0
    } else {
        p
    }
}

/// A number in words of two or more and a word that divides it ("five eighths",
/// "twenty-three fifths"): a fraction. Before "of" it is a share of a whole, valued as a
/// percentage like the pack's fractions ("five eighths of the crew" = 62.5%); alone, its
/// value ("twenty-three fifths" = 4.6, "a hundred trillionths" = 1e-10). A divisor that is
/// also an ordinal word ends an ordinal instead ("one hundred twenty-fifth"). A ten and a
/// plural ordinal below ten after a whole number are one divisor ("one hundred thirty
/// fifths" = 100/35), unless "and" ties the ten to the number ("one hundred and thirty
/// fifths" = 130/5).
fn over_fraction_word(
    text: &str,
    words: &[Word<'_>],
    n: &Numerals,
    num: Numeral,
    used: usize,
) -> (Numeral, usize) {
    if let Some(found) = ten_and_ordinal_divisor(text, words, n, &num, used) {
        return found;
    }
    let bottom = words
        .get(used)
        .filter(|w| joined(text, &words[used - 1..=used]) && !n.ordinals.contains_key(&*w.lower))
        .and_then(|w| n.fraction_words.get(&*w.lower))
        .map(|b| (*b, 1))
        .or_else(|| {
            // "three twenty-firsts", "twenty twenty fifths": a compound divisor, plural
            let (d, k, plural) = divisor(text, words.get(used..)?, n)?;
            (k == 2 && plural && joined(text, &words[used - 1..=used])).then_some((d, k))
        });
    match bottom {
        Some((bottom, k)) if num.value >= 2.0 && num.value.fract() == 0.0 => (
            part_of(
                text,
                words,
                (num.span.start, used + k - 1),
                num.value / bottom,
            ),
            used + k,
        ),
        _ => (num, used),
    }
}

/// The fraction `x` written from byte `start` to the end of `words[last]`: a share of a
/// whole as a percentage when "of" follows ("five eighths of the crew"), otherwise its
/// value.
fn part_of(text: &str, words: &[Word<'_>], (start, last): (usize, usize), x: f64) -> Numeral {
    let span = start..words[last].end;
    let of = words
        .get(last..=last + 1)
        .is_some_and(|p| p[1].lower == "of" && joined(text, p));
    if of {
        Numeral::new(span, share(x), Form::Fraction)
    } else {
        Numeral::new(span, x, Form::Words)
    }
}

/// "one hundred thirty fifths" = 100/35: a number in words that ends on a ten, with a
/// plural ordinal below ten after it, is the number before the ten over the ten and the
/// ordinal. Not when "and" comes before the ten ("one hundred and thirty fifths") or
/// nothing does ("thirty fifths" = 30/5).
fn ten_and_ordinal_divisor(
    text: &str,
    words: &[Word<'_>],
    n: &Numerals,
    num: &Numeral,
    used: usize,
) -> Option<(Numeral, usize)> {
    if used < 2 || words[used - 2].lower == "and" {
        return None;
    }
    let (d, k, plural) = divisor(text, words.get(used - 1..)?, n)?;
    let ten = d - d % 10.0;
    let top = num.value - ten;
    (k == 2 && plural && top >= 1.0 && top.fract() == 0.0).then(|| {
        (
            part_of(text, words, (num.span.start, used), top / d),
            used + 1,
        )
    })
}

/// A fraction in words at `words[0]` ("a fifth", "two-thirds"), valued as a percentage,
/// or a fraction of a magnitude ("a quarter of a million"), valued as a number.
fn fraction_at(text: &str, words: &[Word<'_>], n: &Numerals) -> Option<(Numeral, usize)> {
    let (phrase, pct) = n.fractions.iter().find(|(phrase, _)| {
        words.len() >= phrase.len()
            && phrase.iter().zip(words).all(|(p, w)| *p == w.lower)
            && joined(text, &words[..phrase.len()])
    })?;
    let used = phrase.len();
    // "a quarter of a million": the fraction of a magnitude is a number.
    let of_a = words.get(used).is_some_and(|w| w.lower == "of")
        && words
            .get(used + 1)
            .is_some_and(|w| w.lower == "a" || w.lower == "an");
    if of_a && words.len() > used + 2 && joined(text, &words[..used + 3]) {
        if let Some(f) = n.word_multiplier(&words[used + 2].lower) {
            return Some((
                Numeral {
                    factor: f,
                    ..Numeral::new(
                        words[0].start..words[used + 2].end,
                        pct / 100.0 * f,
                        Form::Words,
                    )
                },
                used + 3,
            ));
        }
    }
    Some((
        Numeral::new(words[0].start..words[used - 1].end, *pct, Form::Fraction),
        used,
    ))
}

/// A cardinal in words being read word by word ("two hundred and five thousand").
#[derive(Debug)]
struct Compound {
    /// The sum of the groups closed by a magnitude of a thousand or more.
    total: f64,
    /// The open group, below the next such magnitude.
    current: f64,
    /// The words used so far.
    used: usize,
    /// The end of the last word used.
    last_end: usize,
    /// What the last word was.
    last: Last,
    /// The smallest magnitude of a thousand or more so far: "two million three thousand".
    scale: f64,
    /// The open group as it stood when its hundreds were closed ("three hundred" of
    /// "three hundred and two"): a dozen after it multiplies only the rest.
    hundreds: f64,
    /// The last magnitude applied.
    factor: f64,
    /// The next word to read.
    idx: usize,
}

impl Compound {
    /// The start of a number at `words[0]`, past a lead of "half a" ("half a million") or
    /// "a" ("a dozen", "a hundred") before a magnitude.
    fn new(text: &str, words: &[Word<'_>], n: &Numerals) -> Compound {
        let mut c = Compound {
            total: 0.0,
            current: 0.0,
            used: 0,
            last_end: words[0].start,
            last: Last::Start,
            scale: f64::INFINITY,
            hundreds: 0.0,
            factor: 1.0,
            idx: 0,
        };
        let w0 = &words[0];
        let w1 = words.get(1);
        let w2 = words.get(2);
        if w0.lower == "half"
            && w1.is_some_and(|w| w.lower == "a")
            && w2.is_some_and(|w| n.word_multiplier(&w.lower).is_some())
            && words.len() >= 3
            && joined(text, &words[..3])
        {
            c.current = 0.5;
            c.last = Last::Fraction;
            c.idx = 2;
        } else if (w0.lower == "a" || w0.lower == "an")
            && w1.is_some_and(|w| n.word_multiplier(&w.lower).is_some())
            && joined(text, &words[..2])
            && (!w1.is_some_and(|w| n.nouns.contains(&*w.lower)) || of_a_noun(text, words, n))
        {
            c.current = 1.0;
            c.last = Last::Unit;
            c.idx = 1;
        }
        c
    }

    /// Reads `words[self.idx]` and what it takes with it; false when it ends the number.
    fn step(&mut self, text: &str, words: &[Word<'_>], n: &Numerals) -> bool {
        let idx = self.idx;
        let w = &words[idx];
        if idx > 0 && !joined(text, &words[idx - 1..=idx]) && !self.spaced_unit(text, words, n) {
            return false;
        }
        let read = if let Some(&v) = n.words.get(&*w.lower) {
            self.number_word(v)
        } else if let Some(f) = n.word_multiplier(&w.lower) {
            self.magnitude(f)
        } else if n.decimal_points.contains(&*w.lower)
            && matches!(
                self.last,
                Last::Unit | Last::Teen | Last::Ten | Last::Hundred
            )
        {
            // "forty-seven point five", "two point three million", "two hundred point
            // zero three"
            return self.decimals(text, words, n);
        } else if let Some((frac, article)) = (!matches!(self.last, Last::Start | Last::Fraction))
            .then(|| and_fraction(text, &words[idx..], n))
            .flatten()
        {
            // "forty and a half", "two and a half million"; after a magnitude, a part of
            // it: "a million and a half", "a dozen and a half" (18)
            match self.last {
                Last::Scale => self.total += frac * self.factor,
                Last::Hundred if article => self.current += frac * self.factor,
                _ => self.current += frac,
            }
            self.last = Last::Fraction;
            self.last_end = words[idx + 2].end;
            self.idx += 3;
            self.used = self.idx;
            return true;
        } else if w.lower == "and"
            && matches!(self.last, Last::Hundred | Last::Scale)
            && words
                .get(idx + 1)
                .is_some_and(|x| n.words.contains_key(&*x.lower))
            && joined(text, &words[idx..=idx + 1])
        {
            // "two hundred and five"
            self.idx += 1;
            return true;
        } else {
            false
        };
        if read {
            self.last_end = w.end;
            self.used = idx + 1;
            self.idx += 1;
        }
        read
    }

    /// "fifty - two": a unit after a ten and a hyphen with spaces around it is one
    /// compound with the ten, as "fifty-two".
    fn spaced_unit(&self, text: &str, words: &[Word<'_>], n: &Numerals) -> bool {
        let w = &words[self.idx];
        let gap = &text[words[self.idx - 1].end..w.start];
        self.last == Last::Ten
            && gap.trim_matches(SPACES) == "-"
            && n.words
                .get(&*w.lower)
                .is_some_and(|v| (1.0..10.0).contains(v))
    }

    /// Reads the digit words after the decimal point at `words[self.idx]` ("point five
    /// six"); false when none follows. Only a magnitude may come after them.
    fn decimals(&mut self, text: &str, words: &[Word<'_>], n: &Numerals) -> bool {
        let mut digits = String::new();
        let mut k = self.idx + 1;
        while let Some(&v) = words.get(k).and_then(|w| n.words.get(&*w.lower)) {
            if !joined(text, &words[k - 1..=k]) {
                break;
            }
            if v >= 10.0 {
                // "point seventy-one" = .71: a ten and its unit, right after the point
                if k > self.idx + 1 || v >= 100.0 || v.fract() != 0.0 {
                    break;
                }
                digits.push_str(&v.to_string()[..1]);
                let unit = words
                    .get(k + 1)
                    .filter(|_| v % 10.0 == 0.0 && v >= 20.0)
                    .filter(|_| joined(text, &words[k..=k + 1]))
                    .and_then(|w| n.words.get(&*w.lower))
                    .filter(|u| (1.0..10.0).contains(*u));
                match unit {
                    Some(u) => {
                        digits.push_str(&u.to_string());
                        k += 2;
                    }
                    None => {
                        digits.push_str(&v.to_string()[1..]);
                        k += 1;
                    }
                }
                break;
            }
            digits.push_str(&v.to_string());
            k += 1;
        }
        let Ok(value) = format!("{}.{digits}", self.current).parse::<f64>() else {
            return false;
        };
        if digits.is_empty() {
            return false;
        }
        self.current = value;
        self.last = Last::Fraction;
        self.last_end = words[k - 1].end;
        self.idx = k;
        self.used = k;
        true
    }

    /// Adds a number word worth `v`, if it may follow the last word.
    fn number_word(&mut self, v: f64) -> bool {
        let class = if v < 10.0 {
            Last::Unit
        } else if !(20.0..100.0).contains(&v) || v % 10.0 != 0.0 {
            Last::Teen
        } else {
            Last::Ten
        };
        // "twenty one" follows a ten, "forty" a hundred; "five six" is no number.
        let follows = match self.last {
            Last::Start | Last::Hundred | Last::Scale => true,
            Last::Ten => class == Last::Unit,
            Last::Unit | Last::Teen | Last::Fraction => false,
        };
        if !follows || (self.last == Last::Hundred && self.current % 100.0 != 0.0 && v >= 100.0) {
            return false;
        }
        self.current += v;
        self.last = class;
        true
    }

    /// Applies a magnitude `f` ("hundred", "dozen", "thousand"), if one may follow.
    fn magnitude(&mut self, f: f64) -> bool {
        if self.last == Last::Start {
            return false;
        }
        if f < 1000.0 {
            if self.last == Last::Hundred {
                return false;
            }
            // "three hundred and two dozen" = 300 + 2 x 12
            let closed = if f < 100.0 { self.hundreds } else { 0.0 };
            self.current = closed + (self.current - closed) * f;
            self.hundreds = self.current;
            self.last = Last::Hundred;
        } else {
            if f >= self.scale {
                // "a thousand million": the magnitude applies to all before it
                self.total = (self.total + self.current) * f;
            } else {
                self.total += self.current * f;
            }
            self.scale = self.scale.min(f);
            self.current = 0.0;
            self.hundreds = 0.0;
            self.last = Last::Scale;
        }
        self.factor = f;
        true
    }

    /// The number read, if any word was.
    fn finish(self, words: &[Word<'_>]) -> Option<(Numeral, usize)> {
        if self.last == Last::Start || self.used == 0 {
            return None;
        }
        // A bare "one" is a pronoun or an article far more often than a count.
        if self.used == 1 && words[0].lower == "one" {
            return None;
        }
        Some((
            Numeral {
                factor: self.factor,
                ..Numeral::new(
                    words[0].start..self.last_end,
                    self.total + self.current,
                    Form::Words,
                )
            },
            self.used,
        ))
    }
}

/// Whether consecutive words are separated by spaces only ("fifty  two" in hand-typed
/// text) or by one hyphen.
fn joined(text: &str, words: &[Word<'_>]) -> bool {
    words.windows(2).all(|p| {
        let gap = &text[p[0].end..p[1].start];
        matches!(gap, "-" | "‐") || (!gap.is_empty() && gap.chars().all(|c| SPACES.contains(&c)))
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{numerals, one, values};
    use super::super::{scan, Form};
    use super::share;
    use proptest::prelude::*;

    #[test]
    fn compound_number_words_of_any_length() {
        assert_eq!(one("Two hundred and forty soldiers"), 240.0);
        assert_eq!(one("One hundred and forty-two people"), 142.0);
        assert_eq!(one("twelve hundred people"), 1200.0);
        assert_eq!(one("a hundred thousand people"), 100_000.0);
        assert_eq!(
            one("one million two hundred and five thousand and six votes"),
            1_205_006.0
        );
        assert_eq!(one("a thousand million dollars"), 1e9);
        assert_eq!(one("nine hundred ninety-nine"), 999.0);
        assert_eq!(
            values("five six"),
            vec![("five".into(), 5.0), ("six".into(), 6.0)]
        );
        assert_eq!(values("twenty twelve").len(), 2);
    }

    #[test]
    fn halves_quarters_and_dozens() {
        assert_eq!(one("a quarter of a million people"), 250_000.0);
        assert_eq!(one("three quarters of a billion"), 750_000_000.0);
        assert_eq!(one("half a million"), 500_000.0);
        assert_eq!(one("forty and a half percent"), 40.5);
        assert_eq!(one("two and a half million people"), 2_500_000.0);
        assert_eq!(one("half a dozen boats"), 6.0);
        assert_eq!(one("4 dozen eggs"), 48.0);
    }

    #[test]
    fn and_a_half_after_a_magnitude_is_half_of_it() {
        assert_eq!(one("a million and a half people"), 1_500_000.0);
        assert_eq!(one("two million and a half people"), 2_500_000.0);
        assert_eq!(one("a dozen and a half eggs"), 18.0);
        assert_eq!(one("twelve and a half percent"), 12.5);
    }

    #[test]
    fn a_decimal_point_in_words() {
        assert_eq!(one("forty-seven point five percent"), 47.5);
        assert_eq!(one("two point three million people"), 2_300_000.0);
        assert_eq!(one("zero point two five percent"), 0.25);
        assert_eq!(one("two hundred point zero three"), 200.03);
        // no digit word after it: the point is a noun
        assert_eq!(one("five point plan"), 5.0);
    }

    #[test]
    fn a_score_is_twenty_only_as_a_number() {
        assert_eq!(one("A score of houses burned"), 20.0);
        assert_eq!(one("two score boats"), 40.0);
        assert_eq!(one("four score and seven years"), 87.0);
        assert_eq!(one("half a score of ferries"), 10.0);
        assert_eq!(one("Two-score boats"), 40.0);
        // the noun: a result, a rating, a verb
        assert_eq!(values("a score of 700"), vec![("700".into(), 700.0)]);
        assert_eq!(values("a score of three"), vec![("three".into(), 3.0)]);
        assert_eq!(values("a credit score of 700"), vec![("700".into(), 700.0)]);
        assert!(values("players score points").is_empty());
        assert!(values("a score to settle").is_empty());
        assert!(values("after a score, the crowd cheered").is_empty());
        // digits are never multiplied by it
        assert_eq!(
            values("a 3-5 score"),
            vec![("3".into(), 3.0), ("5".into(), 5.0)]
        );
        assert_eq!(one("4 score"), 4.0);
    }

    /// `x` written in words, as a style guide spells it ("two hundred and five thousand").
    fn in_words(x: u64) -> String {
        const SMALL: [&str; 20] = [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        const TENS: [&str; 10] = [
            "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        fn below_thousand(x: u64, out: &mut Vec<String>) {
            let (h, r) = (x / 100, x % 100);
            if h > 0 {
                out.push(format!("{} hundred", SMALL[h as usize]));
                if r > 0 {
                    out.push("and".into());
                }
            }
            if r >= 20 {
                let t = TENS[(r / 10) as usize];
                out.push(if r % 10 > 0 {
                    format!("{t}-{}", SMALL[(r % 10) as usize])
                } else {
                    t.into()
                });
            } else if r > 0 {
                out.push(SMALL[r as usize].into());
            }
        }
        if x == 0 {
            return "zero".into();
        }
        let mut out = Vec::new();
        let mut rest = x;
        for (scale, name) in [
            (1_000_000_000, "billion"),
            (1_000_000, "million"),
            (1000, "thousand"),
        ] {
            if rest >= scale {
                below_thousand(rest / scale, &mut out);
                out.push(name.into());
                rest %= scale;
            }
        }
        below_thousand(rest, &mut out);
        out.join(" ")
    }

    proptest! {
        /// A value written in words reads back as the value.
        #[test]
        fn words_read_back_as_their_value(x in 2u64..1_000_000_000_000u64) {
            let text = format!("they counted {} boats", in_words(x));
            let found = scan(&text, numerals());
            prop_assert_eq!(found.len(), 1, "{}", text);
            prop_assert_eq!(found[0].value, x as f64, "{}", text);
        }
    }

    #[test]
    fn number_words_and_compounds() {
        assert_eq!(one("the team met six times"), 6.0);
        assert_eq!(one("she counted twenty-one boats"), 21.0);
        assert_eq!(one("we saw two hundred and five ships"), 205.0);
        assert_eq!(one("a dozen houses burned"), 12.0);
        assert_eq!(one("half a million refugees fled"), 500_000.0);
        assert_eq!(one("three thousand four hundred voters"), 3400.0);
        assert_eq!(one("two dozen eggs"), 24.0);
        assert_eq!(one("a million people"), 1_000_000.0);
    }

    #[test]
    fn a_number_over_a_fraction_word_is_a_fraction() {
        let f = scan("five eighths of the crew", numerals());
        assert_eq!((f[0].value, f[0].form), (62.5, Form::Fraction));
        assert_eq!(one("twenty-three fifths of it"), 460.0);
        assert_eq!(one("seven tenths of the vote"), 70.0);
        // a count before a word the pack does not list divides nothing
        assert_eq!(one("two seconds later"), 2.0);
        assert_eq!(one("the two halves"), 2.0);
        // a lone ordinal after "one" is no fraction ("one fifth" is the pack's phrase)
        assert_eq!(one("one fifth of it"), 20.0);
    }

    #[test]
    fn a_mixed_number_adds_its_part() {
        assert_eq!(one("three and a fifth metres"), 3.2);
        assert_eq!(one("twenty and three fifths"), 20.6);
        assert_eq!(one("five and a quarter hours"), 5.25);
        assert_eq!(one("one and a fourth"), 1.25);
        assert_eq!(one("one hundred and three quarters"), 100.75);
        // after a magnitude "a" part is a part of the magnitude
        assert_eq!(one("a hundred and a half"), 150.0);
        // no proper fraction, no part: "and" joins two numbers
        assert_eq!(
            values("ten and thirty fifths"),
            vec![("ten".into(), 10.0), ("thirty fifths".into(), 6.0)]
        );
    }

    #[test]
    fn the_part_of_a_mixed_number_comes_from_the_pack() {
        let mut pack = crate::pack::Pack::default_pack();
        pack.numbers.fraction_words.clear();
        let n = super::super::Numerals::new(&pack);
        let read: Vec<f64> = scan("three and a fifth", &n)
            .iter()
            .map(|x| x.value)
            .collect();
        assert_eq!(read, vec![3.0, 20.0]);
        assert_eq!(scan("five eighths", &n)[0].value, 5.0);
    }

    #[test]
    fn a_ten_and_a_unit_across_a_spaced_hyphen_are_one_number() {
        assert_eq!(one("fifty - two boats"), 52.0);
        assert_eq!(one("ninety - five hundred"), 9500.0);
        assert_eq!(one("ninety - five hundred fifths"), 1900.0);
        // two tens, or a unit and a ten, stay two numbers
        assert_eq!(values("twenty - thirty").len(), 2);
        assert_eq!(values("five - twenty").len(), 2);
    }

    #[test]
    fn number_words_apart_by_several_spaces() {
        assert_eq!(one("fifty   two boats"), 52.0);
        assert_eq!(one("Three hundred  and  thirty one"), 331.0);
        assert_eq!(
            values("fifty, two"),
            vec![("fifty".into(), 50.0), ("two".into(), 2.0)]
        );
    }

    #[test]
    fn a_dozen_after_hundreds_multiplies_only_what_follows_them() {
        assert_eq!(one("three hundred and two dozens"), 324.0);
        assert_eq!(one("one thousand two hundred and three dozen"), 1236.0);
        assert_eq!(one("two thousand and four dozen"), 2048.0);
        assert_eq!(one("twelve hundred"), 1200.0);
        assert_eq!(one("two dozen"), 24.0);
    }

    #[test]
    fn dozens_after_a_number_multiply_it() {
        assert_eq!(one("three dozens eggs"), 36.0);
        assert_eq!(one("3 dozens eggs"), 36.0);
        // alone it is a vague amount, read elsewhere
        assert!(values("dozens of boats").is_empty());
    }

    #[test]
    fn one_part_of_a_divisor_alone_or_of_a_whole() {
        assert_eq!(one("it was a half."), 0.5);
        assert_eq!(one("a trillionth"), 1e-12);
        assert_eq!(one("one twenty-fifth"), 0.04);
        let f = scan("a hundredth of the vote", numerals());
        assert_eq!((f[0].value, f[0].form), (1.0, Form::Fraction));
        // an ordinal before a noun, the part of a mixed number
        assert!(values("for a seventh day").is_empty());
        assert!(values("an hour and a half").is_empty());
        assert!(values("a half hour").is_empty());
    }

    #[test]
    fn a_compound_divisor_after_a_number() {
        assert_eq!(one("three twenty-firsts of them"), 14.29);
        assert_eq!(one("three twenty firsts of them"), 14.29);
        assert_eq!(
            values("twenty twenty fifths of them"),
            vec![("twenty twenty fifths".into(), 80.0)]
        );
        assert_eq!(one("a hundred trillionths of it"), 1e-8);
    }

    #[test]
    fn a_ten_and_its_unit_after_a_decimal_point() {
        assert_eq!(one("two hundred point seventy-one"), 200.71);
        assert_eq!(one("five point twelve"), 5.12);
        assert_eq!(one("one point fifty"), 1.5);
    }

    #[test]
    fn a_sign_makes_a_bare_one_a_number() {
        assert_eq!(one("a low of minus one degree"), -1.0);
        assert_eq!(one("it fell to negative one"), -1.0);
        assert!(values("one of them").is_empty());
    }

    #[test]
    fn a_fraction_in_words_with_no_whole_after_it_is_its_value() {
        let f = scan("five eighths", numerals());
        assert_eq!((f[0].value, f[0].form), (0.625, Form::Words));
        assert_eq!(one("twenty-three fifths"), 4.6);
        assert_eq!(one("three twenty-firsts"), 3.0 / 21.0);
        assert_eq!(one("a hundred trillionths"), 1e-10);
        assert_eq!(one("a hundred thousand trillionths"), 1e-7);
        // "of" and a whole after it: a share
        let f = scan("five eighths of the crew", numerals());
        assert_eq!((f[0].value, f[0].form), (62.5, Form::Fraction));
    }

    #[test]
    fn a_ten_and_a_plural_ordinal_after_a_whole_number_divide_it() {
        assert_eq!(one("one hundred thirty fifths"), 100.0 / 35.0);
        assert_eq!(one("one hundred thirty-fifths"), 100.0 / 35.0);
        assert_eq!(one("minus one hundred thirty fifths"), -100.0 / 35.0);
        assert_eq!(one("two thousand forty sixths of it"), share(2000.0 / 46.0));
        // "and" ties the ten to the number, a ten alone is the numerator
        assert_eq!(one("one hundred and thirty fifths"), 26.0);
        assert_eq!(one("thirty fifths"), 6.0);
        assert_eq!(one("one hundred thirty two fifths"), 26.4);
        // a singular ordinal stays an ordinal
        assert!(values("the one hundred thirty fifth day").is_empty());
    }

    #[test]
    fn fractions_are_percentages() {
        assert_eq!(one("a fifth of the budget"), 20.0);
        assert_eq!(one("two-thirds of members"), 66.67);
        assert_eq!(scan("a fifth of it", numerals())[0].form, Form::Fraction);
    }
}

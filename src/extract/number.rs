//! Numbers as news writes them: digits with thousands separators (`3,000`, `3 000`),
//! decimals, number words (`six`, `twenty-one`, `two hundred and five`, `a dozen`,
//! `half a million`), magnitude words and suffixes (`1.5 million`, `835m`, `1.5bn`,
//! `10 crore`) and fractions as words (`a fifth`).
//!
//! Input: one sentence's text. Output: [`Numeral`]s with spans relative to that text.
//! Ordinals (`75th`), times (`10:30`, `3pm`), codes glued to letters (`COVID-19`, `F-35`,
//! `G7`) and phone-like strings are recognised and left out or flagged, never read as
//! counts. The words come from `units.toml` (number words, multipliers, fractions).

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::pack::Pack;
use crate::text::lowercase;

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

/// Number words compiled from the pack once.
#[derive(Debug, Default)]
pub(crate) struct Numerals {
    words: HashMap<String, f64>,
    /// Multipliers by lowercase form: (factor, is short form).
    multipliers: HashMap<String, (f64, bool)>,
    /// Fractions as lowercase word lists, longest first.
    fractions: Vec<(Vec<String>, f64)>,
    /// Unit suffixes that may be glued to digits ("35km", "30pc"), lowercase.
    glued: HashSet<String>,
    /// Unit words written before a figure ("magnitude"), lowercase: "magnitude-7.1" is a
    /// figure, not a code like "F-16".
    prefix_words: HashSet<String>,
    /// The words a number in words can start with (number words, first words of
    /// fractions, "half", "a", "an"): any other word starts none, so [`words_at`] skips it.
    first_words: HashSet<String>,
    /// Words of which a sentence without digits must hold one to hold a number
    /// ([`triggers`]): their automaton for one sentence, and their filter of a whole
    /// source's sentences ([`Numerals::word_hits`]); `None` for no shortcut.
    triggers: Option<(aho_corasick::AhoCorasick, crate::text::PhraseFilter)>,
}

impl Numerals {
    /// Compiles the number words of `pack`.
    pub(crate) fn new(pack: &Pack) -> Numerals {
        let mut multipliers = HashMap::default();
        for m in &pack.numbers.multipliers {
            for f in &m.forms {
                multipliers.insert(f.clone(), (m.factor, m.short.contains(f)));
            }
        }
        let mut fractions: Vec<(Vec<String>, f64)> = pack
            .numbers
            .fractions
            .iter()
            .flat_map(|f| {
                f.phrases.iter().map(move |p| {
                    (
                        p.split([' ', '-'])
                            .filter(|w| !w.is_empty())
                            .map(str::to_owned)
                            .collect(),
                        f.percent,
                    )
                })
            })
            .collect();
        fractions.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        let words: HashMap<String, f64> = pack
            .numbers
            .words
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        let first_words = words
            .keys()
            .cloned()
            .chain(fractions.iter().filter_map(|(p, _)| p.first().cloned()))
            .chain(["half", "a", "an"].map(str::to_owned))
            .collect();
        let triggers = triggers(&words, &multipliers, &fractions).and_then(|w| {
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&w)
                .ok()?;
            Some((ac, crate::text::PhraseFilter::new(&w)))
        });
        Numerals {
            words,
            first_words,
            triggers,
            multipliers,
            fractions,
            glued: pack
                .units
                .iter()
                .flat_map(|u| u.suffixes.iter())
                .map(|x| x.to_lowercase())
                .filter(|x| x.chars().all(|c| c.is_ascii_alphabetic()))
                .collect(),
            prefix_words: pack
                .units
                .iter()
                .flat_map(|u| u.prefixes.iter())
                .filter(|x| x.len() > 3 && x.chars().all(|c| c.is_ascii_alphabetic()))
                .map(|x| x.to_lowercase())
                .collect(),
        }
    }

    /// The factor of a magnitude word or suffix, and whether it is a short form.
    pub(crate) fn multiplier(&self, word: &str) -> Option<(f64, bool)> {
        self.multipliers.get(&*lowercase(word)).copied()
    }

    /// For each sentence span of a source's ASCII lowercase `lower`, whether the sentence
    /// may hold a trigger word: the `words` argument of [`scan_lowered`], from one search
    /// of the whole source ([`crate::text::PhraseFilter`]).
    pub(crate) fn word_hits(&self, lower: &str, spans: &[crate::text::Span]) -> Vec<bool> {
        match &self.triggers {
            Some((_, filter)) => filter.spans(lower, spans),
            None => vec![true; spans.len()],
        }
    }

    fn word_multiplier(&self, word: &str) -> Option<f64> {
        // Spelled-out magnitudes only: "million", "dozen"; not "m" or "bn".
        match self.multiplier(word) {
            Some((f, false)) if word.len() >= 3 && word.chars().all(|c| c.is_alphabetic()) => {
                Some(f)
            }
            _ => None,
        }
    }
}

/// Every number in `text`, in order, not overlapping.
#[cfg(test)]
pub(crate) fn scan(text: &str, n: &Numerals) -> Vec<Numeral> {
    scan_lowered(text, &text.to_ascii_lowercase(), n, true)
}

/// A sentence without digits holds a number only if it holds, as a whole word, a number
/// word ("six"), a spelled-out magnitude ("a dozen", "half a million") or a word of a
/// fraction ("a fifth"): one automaton over the sentence finds any of them. `None` (no
/// shortcut) when the pack has a number word that is not plain ASCII letters, which a
/// search of the ASCII lowercase could miss.
fn triggers(
    words: &HashMap<String, f64>,
    multipliers: &HashMap<String, (f64, bool)>,
    fractions: &[(Vec<String>, f64)],
) -> Option<Vec<String>> {
    let spelled = |w: &str| w.len() >= 3 && w.chars().all(char::is_alphabetic);
    let mut list: Vec<String> = words
        .keys()
        .cloned()
        // a magnitude counts only when spelled out (`word_multiplier`)
        .chain(multipliers.keys().filter(|w| spelled(w)).cloned())
        // a fraction needs all of its words: the longest stands for it
        .chain(
            fractions
                .iter()
                .filter_map(|(p, _)| p.iter().max_by_key(|w| w.len()).cloned()),
        )
        .map(|w| w.to_lowercase())
        .collect();
    if list
        .iter()
        .any(|w| !w.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        // a word of digits or signs is never a word of the scan; anything else is
        // beyond the ASCII search
        if list.iter().any(|w| !w.is_ascii()) {
            return None;
        }
        list.retain(|w| w.bytes().all(|b| b.is_ascii_alphabetic()));
    }
    list.sort_unstable();
    list.dedup();
    Some(list)
}

impl Numerals {
    /// Whether `text` may hold a number: it has a digit, or a trigger word standing as a
    /// whole word. A word is a run of letters, so a run equal to a trigger is found where
    /// it starts (no earlier match of letters can reach over the non-letter before it) and
    /// at its full length. The ASCII lowercase of a word is its lowercase unless the word
    /// has non-ASCII letters, whose lowercase is not ASCII, save the Kelvin sign's ("K").
    /// `words` false says a search for the trigger words cannot find one in `lower`
    /// ([`Numerals::word_hits`]).
    fn may_hold_number(&self, text: &str, lower: &str, words: bool) -> bool {
        let Some((ac, _)) = &self.triggers else {
            return true;
        };
        if text.bytes().any(|b| b.is_ascii_digit())
            || lower.len() != text.len()
            || text.contains('\u{212A}')
        {
            return true;
        }
        if !words {
            return false;
        }
        let letter_at = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        ac.find_iter(lower).any(|m| {
            !letter_at(text[..m.start()].chars().next_back())
                && !letter_at(text[m.end()..].chars().next())
        })
    }
}

/// [`scan`], with `lower` the caller's `text.to_ascii_lowercase()`. `words` false says
/// `lower` holds no trigger word ([`Numerals::word_hits`]).
pub(crate) fn scan_lowered(text: &str, lower: &str, n: &Numerals, words: bool) -> Vec<Numeral> {
    if !n.may_hold_number(text, lower, words) {
        return Vec::new();
    }
    scan_all(text, lower, n)
}

/// [`scan_lowered`] without the shortcut.
fn scan_all(text: &str, lower: &str, n: &Numerals) -> Vec<Numeral> {
    let words = words(text, lower);
    let masked = phone_spans(text);
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut w = 0; // index into `words`
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() && (!follows_code(text, i) || after_unit_word(text, i, n)) {
            if let Some(end) = masked.iter().find(|m| m.start == i).map(|m| m.end) {
                i = end;
                continue;
            }
            let (num, next) = digits_at(text, i, n);
            if let Some(num) = num {
                out.push(num);
            }
            i = next.max(i + 1);
            while w < words.len() && words[w].start < i {
                w += 1;
            }
            continue;
        }
        if c.is_ascii_digit() {
            // Skip the whole code ("COVID-19", "F-35").
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric()) {
                i += 1;
            }
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
                i = num.span.end;
                out.push(num);
                w += used;
                continue;
            }
            i = words[w].end;
            w += 1;
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Parses digits with thousands separators and decimals ("3,000", "3 000", "1.5").
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if clean.is_empty() || clean.starts_with('.') || clean.ends_with('.') {
        return None;
    }
    clean.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A word token: its span and lowercase text.
#[derive(Debug, Clone)]
struct Word<'a> {
    start: usize,
    end: usize,
    lower: Cow<'a, str>,
}

/// The alphabetic runs of `text`; `lower` is `text.to_ascii_lowercase()`, which gives the
/// lowercase of ASCII words without allocating.
fn words<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
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

/// Whether the digit at `i` follows a unit word and a hyphen ("magnitude-7.1").
fn after_unit_word(text: &str, i: usize, n: &Numerals) -> bool {
    let Some(head) = text[..i].strip_suffix('-') else {
        return false;
    };
    let word: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    n.prefix_words.contains(&word.to_ascii_lowercase())
}

/// Whether the digit at `i` is glued to a code: a letter, or a letter and a hyphen, before it.
fn follows_code(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let mut rev = before.chars().rev();
    match rev.next() {
        Some(c) if c.is_alphanumeric() || c == '_' || c == '/' => true,
        Some('.') => rev.next().is_some_and(|c| c.is_alphanumeric()),
        Some('-') => rev.next().is_some_and(|c| c.is_alphabetic()),
        _ => false,
    }
}

const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The digit number at `i`, and the byte where scanning resumes.
fn digits_at(text: &str, i: usize, n: &Numerals) -> (Option<Numeral>, usize) {
    let b = text.as_bytes();
    let run = |from: usize| {
        let mut j = from;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut end = run(i);
    let first_len = end - i;
    let mut grouped = false;
    if first_len <= 3 {
        // Thousands groups: ",ddd" or a space then "ddd", never followed by another digit.
        loop {
            let rest = &text[end..];
            let Some(sep) = rest.chars().next() else {
                break;
            };
            if sep != ',' && !SPACES.contains(&sep) {
                break;
            }
            let g = end + sep.len_utf8();
            let ge = run(g);
            if ge - g == 3 && !(sep != ',' && text[ge..].starts_with(['.', ','])) {
                // "3 000" only when the group ends the number ("27 100 people" is risky
                // but rare); a comma group must not run into more digits.
                end = ge;
                grouped = true;
            } else {
                break;
            }
        }
    }
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = run(end + 1);
    }
    let resume = end;
    // Times: "10:30", "10.30am" handled by the suffix check below.
    if b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return (None, run(end + 1));
    }
    let Some(mut value) = parse_digits(&text[i..end]) else {
        return (None, resume);
    };
    let year_like = !grouped && first_len == 4 && end == i + 4 && (1000.0..2200.0).contains(&value);
    // Letters glued after the digits.
    let mut k = end;
    while k < b.len() && (b[k] as char).is_ascii_alphabetic() {
        k += 1;
    }
    let glued = text[end..k].to_ascii_lowercase();
    let mut short = None;
    let mut factor = 1.0;
    let mut span_end = end;
    if !glued.is_empty() {
        if matches!(
            glued.as_str(),
            "st" | "nd" | "rd" | "th" | "s" | "am" | "pm"
        ) {
            // Ordinals, decades ("1990s") and times are not counts.
            return (None, k);
        }
        match n.multiplier(&glued) {
            Some((f, is_short)) => {
                if is_short {
                    short = Some((value, end));
                }
                value *= f;
                factor = f;
                span_end = k;
            }
            None => {
                // A unit glued on ("35km", "5kg") is read by the quantity stage; anything
                // else ("3D", "4G") is a code.
                if !glued_unit(&glued) && !n.glued.contains(&glued) {
                    return (None, k);
                }
            }
        }
    } else {
        // "1.5 million", "10 crore", "$1.5 bn", "a 3 p.m. curfew".
        let rest = &text[end..];
        // Hard-wrapped text breaks lines anywhere: "$150\nmillion" is one figure.
        let trimmed =
            rest.trim_start_matches(|c: char| SPACES.contains(&c) || c == '\n' || c == '\r');
        let gap = rest.len() - trimmed.len();
        if (1..=3).contains(&gap) {
            let wl: String = trimmed
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let lower = wl.to_ascii_lowercase();
            if matches!(lower.as_str(), "am" | "pm" | "a" | "p")
                && (trimmed[wl.len()..].starts_with('.') || lower.ends_with('m'))
                && (lower != "a" || trimmed.starts_with("a.m"))
                && (lower != "p" || trimmed.starts_with("p.m"))
            {
                return (None, end + gap + wl.len());
            }
            if let Some((f, false)) = n.multiplier(&lower) {
                value *= f;
                factor = f;
                span_end = end + gap + wl.len();
            }
        }
    }
    (
        Some(Numeral {
            span: i..span_end,
            value,
            form: Form::Digits,
            year_like: year_like && factor == 1.0,
            short,
            factor,
        }),
        span_end.max(resume),
    )
}

/// Units that may be glued to digits; the quantity stage decides which unit it is.
fn glued_unit(s: &str) -> bool {
    matches!(
        s,
        "km" | "kg" | "m" | "cm" | "mm" | "ha" | "mph" | "kmh" | "ft" | "lb" | "lbs" | "g" | "t"
    )
}

/// A number written in words starting at `words[0]`, and how many words it used.
fn words_at(text: &str, words: &[Word<'_>], n: &Numerals) -> Option<(Numeral, usize)> {
    if !n.first_words.contains(&*words.first()?.lower) {
        return None;
    }
    // Fractions first ("a fifth", "two-thirds").
    for (phrase, pct) in &n.fractions {
        if words.len() >= phrase.len()
            && phrase.iter().zip(words).all(|(p, w)| *p == w.lower)
            && joined(text, &words[..phrase.len()])
        {
            let last = &words[phrase.len() - 1];
            return Some((
                Numeral {
                    span: words[0].start..last.end,
                    value: *pct,
                    form: Form::Fraction,
                    year_like: false,
                    short: None,
                    factor: 1.0,
                },
                phrase.len(),
            ));
        }
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut last_end = words[0].start;
    let mut any_number = false;
    let mut any_multiplier = false;
    let mut idx = 0;
    // "half a million", "a dozen", "a hundred".
    let mut leading = 0.0;
    if let Some(w0) = words.first() {
        let w1 = words.get(1);
        let w2 = words.get(2);
        if w0.lower == "half"
            && w1.is_some_and(|w| w.lower == "a")
            && w2.is_some_and(|w| n.word_multiplier(&w.lower).is_some())
            && words.len() >= 3
            && joined(text, &words[..3])
        {
            leading = 0.5;
            idx = 2;
        } else if (w0.lower == "a" || w0.lower == "an")
            && w1.is_some_and(|w| n.word_multiplier(&w.lower).is_some())
            && joined(text, &words[..2])
        {
            leading = 1.0;
            idx = 1;
        }
    }
    if leading > 0.0 {
        current = leading;
        any_number = true;
    }
    while idx < words.len() {
        let w = &words[idx];
        if idx > 0 && !joined(text, &words[idx - 1..=idx]) {
            break;
        }
        if let Some(v) = n.words.get(&*w.lower) {
            // "twenty one" follows a ten; "five six" is not a number.
            if any_number && current > 0.0 && (current % 10.0 != 0.0 || *v >= 10.0) {
                break;
            }
            current += v;
            any_number = true;
        } else if let Some(f) = n.word_multiplier(&w.lower) {
            if !any_number {
                break;
            }
            if f < 1000.0 {
                current = if current == 0.0 { f } else { current * f };
            } else {
                total += if current == 0.0 { f } else { current * f };
                current = 0.0;
            }
            any_multiplier = true;
        } else if w.lower == "and"
            && any_multiplier
            && words
                .get(idx + 1)
                .is_some_and(|x| n.words.contains_key(&*x.lower))
        {
            // "two hundred and five"
        } else {
            break;
        }
        last_end = w.end;
        used = idx + 1;
        idx += 1;
    }
    if !any_number || used == 0 {
        return None;
    }
    let value = total + current;
    // A bare "one" is a pronoun or an article far more often than a count.
    if used == 1 && words[0].lower == "one" {
        return None;
    }
    Some((
        Numeral {
            span: words[0].start..last_end,
            value,
            form: Form::Words,
            year_like: false,
            short: None,
            factor: 1.0,
        },
        used,
    ))
}

/// Whether consecutive words are separated by one space or one hyphen only.
fn joined(text: &str, words: &[Word<'_>]) -> bool {
    words.windows(2).all(|p| {
        let gap = &text[p[0].end..p[1].start];
        matches!(gap, " " | "-" | "\u{a0}" | "‐")
    })
}

/// Spans of phone-like strings ("+44 20 7946 0958", "555-123-4567"), never counts.
fn phone_spans(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start_plus = b[i] == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || start_plus) || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = if start_plus { i + 1 } else { i };
        let mut j = start;
        let mut groups = Vec::new();
        let mut seps = Vec::new();
        loop {
            let g = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j == g {
                break;
            }
            groups.push(j - g);
            if j + 1 < b.len() && matches!(b[j], b'-' | b' ' | b'.') && b[j + 1].is_ascii_digit() {
                seps.push(b[j]);
                j += 1;
            } else {
                break;
            }
        }
        let digits: usize = groups.iter().sum();
        let thousands =
            groups.first().is_some_and(|g| *g <= 3) && groups.iter().skip(1).all(|g| *g == 3);
        let decimal = seps.len() == 1 && seps[0] == b'.';
        if groups.len() >= 3 && digits >= 7 && !thousands && !decimal || start_plus && digits >= 7 {
            out.push(start..j);
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn numerals() -> &'static Numerals {
        static N: std::sync::OnceLock<Numerals> = std::sync::OnceLock::new();
        N.get_or_init(|| Numerals::new(&Pack::default_pack()))
    }

    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii_letters_from_outside_ascii() {
        let odd: Vec<char> = (0x80..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, ['\u{212A}']);
    }

    #[test]
    fn the_shortcut_skips_sentences_without_digits_or_number_words() {
        let n = numerals();
        let may = |t: &str| n.may_hold_number(t, &t.to_ascii_lowercase(), true);
        assert!(!may("Rescuers searched the rubble through the night."));
        // "ten" inside "often", "one" inside "someone": no whole word
        assert!(!may("Someone often said so."));
        assert!(may("Rescuers found Six survivors."));
        assert!(may("A dozen homes burned."));
        assert!(may("About a fifth of voters stayed home."));
        assert!(may("It cost 3 lives."));
        assert!(may("“Seven” — said the mayor."));
        assert!(may("\u{212A}ILO")); // the Kelvin sign: no shortcut
    }

    proptest! {
        /// The shortcut never drops a number the full scan finds.
        #[test]
        fn the_shortcut_loses_no_number(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "six", "Six", "SIX", "a", "dozen", "half", "million", "fifth", "often",
                    "someone", "twenty-one", "twenty", "one", "hundred", "and", "Zürich",
                    "sixé", "éten", "\u{212A}", "thirds", "two", "the", "3", "1,500", "x",
                    "“", "—", "bn", "m", "-", "’s",
                ]),
                0..8,
            ),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", "-", ", "]), 8),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            let lower = text.to_ascii_lowercase();
            let n = numerals();
            prop_assert_eq!(scan_lowered(&text, &lower, n, true), scan_all(&text, &lower, n));
        }
    }

    fn values(text: &str) -> Vec<(String, f64)> {
        scan(text, numerals())
            .into_iter()
            .map(|n| (text[n.span.clone()].to_owned(), n.value))
            .collect()
    }

    fn one(text: &str) -> f64 {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].1
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("a crowd of 3,000 gathered"), 3000.0);
        assert_eq!(one("a crowd of 3 000 gathered"), 3000.0);
        assert_eq!(one("a crowd of 1,234,567 gathered"), 1234567.0);
        assert_eq!(one("it rose 2.5 points"), 2.5);
        assert_eq!(one("a tally of 12,500.75 was given"), 12500.75);
    }

    #[test]
    fn a_number_word_after_a_hyphenated_prefix_is_no_number() {
        assert_eq!(values("in sub-zero cold"), vec![]);
        assert_eq!(one("twenty-one boats"), 21.0);
    }

    #[test]
    fn multiplier_after_a_line_break() {
        assert_eq!(one("the levy will raise $40\nbillion a year"), 40e9);
        assert_eq!(one("the levy will raise $40\r\nbillion a year"), 40e9);
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
    fn magnitude_words_and_suffixes() {
        assert_eq!(one("about 1.5 million voters"), 1_500_000.0);
        assert_eq!(one("a $835m contract"), 835_000_000.0);
        assert_eq!(one("a $1.5bn deal"), 1_500_000_000.0);
        assert_eq!(one("debts of 2.3 trillion yen"), 2.3e12);
        assert_eq!(one("Rs 10 crore was paid"), 1e8);
        assert_eq!(one("a fine of €2 bn"), 2e9);
    }

    #[test]
    fn short_suffix_is_flagged_for_the_quantity_stage() {
        let n = scan("a 35m wall", numerals());
        assert_eq!(n[0].short, Some((35.0, 4)));
    }

    #[test]
    fn fractions_are_percentages() {
        assert_eq!(one("a fifth of the budget"), 20.0);
        assert_eq!(one("two-thirds of members"), 66.67);
        assert_eq!(scan("a fifth of it", numerals())[0].form, Form::Fraction);
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
    fn years_are_flagged() {
        let n = scan("a 2020 study", numerals());
        assert!(n[0].year_like);
        let n = scan("2,020 people", numerals());
        assert!(!n[0].year_like);
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
        #[test]
        fn separated_digits_round_trip(x in 0u64..1_000_000_000_000u64, space in any::<bool>()) {
            let sep = if space { " " } else { "," };
            let digits = x.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push_str(sep);
                }
                grouped.push(c);
            }
            let text = format!("a total of {grouped} items");
            let found = scan(&text, numerals());
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].value, x as f64);
            prop_assert_eq!(&text[found[0].span.clone()], grouped.as_str());
        }

        #[test]
        fn scanning_never_panics(s in "\\PC{0,80}") {
            let _ = scan(&s, numerals());
        }
    }
}

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

use crate::extract::lexicon::{
    COUNTED_PREPOSITIONS, COUNTED_STOP, DOTTED_REFERENCES, PHONE_WORDS, REFERENCE_WORDS,
    STREET_WORDS, VERSION_WORDS,
};
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

/// Why a number the scan read is no figure, or a figure no claim: what `extract
/// --all-figures` says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// A year ("in 2019").
    Year,
    /// Part of a date ("March 3").
    Date,
    /// A clock time ("10:30", "3pm").
    Time,
    /// An ordinal ("75th").
    Ordinal,
    /// A decade ("the 1990s").
    Decade,
    /// A phone number.
    Phone,
    /// A code or id glued to letters ("COVID-19", "F-35", "G7").
    Code,
    /// A version number ("2.1.3", "version 4").
    Version,
    /// An IP address.
    Ip,
    /// A page, section, chapter or article number.
    Reference,
    /// A street address ("10 Downing Street").
    Address,
    /// A sports score ("won 3-2").
    Score,
    /// Part of a name ("Apollo 11").
    Name,
    /// An age ("aged 45", "a 45-year-old").
    Age,
    /// A compound adjective without a unit ("a 10-point plan").
    Adjective,
    /// A time window ("the first 10 minutes").
    Window,
    /// A letter after the digits that may be a unit or a code ("a 35m wall").
    Unclear,
    /// The whole a part is taken of ("142 of 255 seats").
    Whole,
    /// The same figure in another unit ("5 miles (8 km)").
    Conversion,
    /// An exchange rate the text gives ("$1.27 to the euro", "€1 = $1.08").
    Rate,
    /// Too large to hold.
    TooLarge,
    /// No kind of the pack takes it: nothing counted, no event.
    NoKind,
    /// A fraction in words taken of something the pack counts nothing of ("half the
    /// time", "a third of the story").
    ShareOfUnknown,
    /// A fraction in words of a counted whole that nothing happens to ("in half the
    /// cases").
    ShareWithoutEvent,
    /// In a boilerplate line (caption, byline, navigation).
    Boilerplate,
}

impl Why {
    /// The reason in words, as `extract --all-figures` prints it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Why::Year => "a year",
            Why::Date => "a date",
            Why::Time => "a time",
            Why::Ordinal => "an ordinal",
            Why::Decade => "a decade",
            Why::Phone => "a phone number",
            Why::Code => "a code",
            Why::Version => "a version",
            Why::Ip => "an IP address",
            Why::Reference => "a page or section number",
            Why::Address => "an address",
            Why::Score => "a sports score",
            Why::Name => "part of a name",
            Why::Age => "an age",
            Why::Adjective => "a compound adjective",
            Why::Window => "a time window",
            Why::Unclear => "a unit or a code",
            Why::Whole => "the whole of a part",
            Why::Conversion => "a conversion of the figure before",
            Why::Rate => "an exchange rate",
            Why::TooLarge => "too large",
            Why::NoKind => "no counted thing",
            Why::ShareOfUnknown => "a share of no counted thing",
            Why::ShareWithoutEvent => "a share with no event",
            Why::Boilerplate => "inside boilerplate",
        }
    }
}

/// A number the scan read and left out: its span, why, and its value when it has one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Skipped {
    /// Byte span in the sentence text.
    pub(crate) span: Range<usize>,
    /// Why it is no figure.
    pub(crate) why: Why,
    /// Its value, when it reads as one (a year, an age).
    pub(crate) value: Option<f64>,
}

/// Number words compiled from the pack once.
#[derive(Debug, Default)]
pub(crate) struct Numerals {
    words: HashMap<String, f64>,
    /// Multipliers by lowercase form: (factor, is short form).
    multipliers: HashMap<String, (f64, bool)>,
    /// Multiplier forms that are also nouns ("score"), lowercase: they multiply only a
    /// number in words ([`Numerals::word_multiplier`]).
    nouns: HashSet<String>,
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
        let mut nouns = HashSet::default();
        for m in &pack.numbers.multipliers {
            for f in &m.forms {
                multipliers.insert(f.clone(), (m.factor, m.short.contains(f)));
                if m.noun {
                    nouns.insert(f.clone());
                }
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
            nouns,
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

    /// The factor of a magnitude word or suffix, and whether it is a short form; `None`
    /// for a word that is also a noun ("a 2-0 score"), which multiplies no digits.
    pub(crate) fn multiplier(&self, word: &str) -> Option<(f64, bool)> {
        let word = lowercase(word);
        if self.nouns.contains(&*word) {
            return None;
        }
        self.multipliers.get(&*word).copied()
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
        // Spelled-out magnitudes only: "million", "dozen", "score"; not "m" or "bn".
        match self.multipliers.get(&*lowercase(word)).copied() {
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
    scan_lowered(text, &text.to_ascii_lowercase(), n, true, &mut Vec::new())
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
            if let Some(m) = masked.iter().find(|m| m.start <= i && i < m.end) {
                let end = m.end;
                skipped.push(Skipped {
                    span: m.start..end,
                    why: Why::Phone,
                    value: None,
                });
                i = end;
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
                keep(text, lower, num, &mut out, skipped);
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
                value: Some(num.value),
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

/// Why the digits at `span` are no figure, from the word before them ("page 12", "No. 4",
/// "version 2") or the words after them ("10 Downing Street").
fn reference(text: &str, lower: &str, span: &Range<usize>) -> Option<Why> {
    let head = lower[..span.start].trim_end_matches([' ', '\u{a0}']);
    if head.ends_with('#') {
        return Some(Why::Reference);
    }
    let dotted = head.ends_with('.');
    let head = head.trim_end_matches('.');
    let word_start = head.len()
        - head
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    let word = &head[word_start..];
    if !word.is_empty() {
        if REFERENCE_WORDS.contains(&word)
            || (dotted
                && DOTTED_REFERENCES.contains(&word)
                && text[word_start..]
                    .starts_with(|c: char| c.is_uppercase() || word == "p" || word == "pp"))
        {
            return Some(Why::Reference);
        }
        if VERSION_WORDS.contains(&word) {
            return Some(Why::Version);
        }
    }
    // "10 Downing Street": capitalised words after the digits, the last a street word.
    let value = &text[span.clone()];
    if value.bytes().all(|b| b.is_ascii_digit()) {
        let mut rest = &text[span.end..];
        for _ in 0..3 {
            let Some(r) = rest.strip_prefix(' ') else {
                break;
            };
            let word: &str = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let lw = word.to_lowercase();
            if !word.starts_with(|c: char| c.is_uppercase())
                || COUNTED_STOP.contains(&lw.as_str())
                || COUNTED_PREPOSITIONS.contains(&lw.as_str())
            {
                break;
            }
            if STREET_WORDS.contains(&lw.as_str()) {
                // "Road Crash": a title-case headline runs on in capitals
                let next = r[word.len()..].trim_start_matches(' ');
                let runs_on = r[word.len()..].starts_with(' ')
                    && next.starts_with(|c: char| c.is_uppercase());
                return (!runs_on).then_some(Why::Address);
            }
            rest = &r[word.len()..];
        }
    }
    None
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

/// The digit number at `i`, or the number read and why it is none; and the byte where
/// scanning resumes.
fn digits_at(text: &str, i: usize, n: &Numerals) -> (Result<Numeral, Skipped>, usize) {
    let b = text.as_bytes();
    let run = |from: usize| {
        let mut j = from;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let skip = |span: Range<usize>, why: Why, value: Option<f64>| Skipped { span, why, value };
    // ".5 percent": a decimal without its leading zero.
    let lead_dot = i > 0
        && b[i - 1] == b'.'
        && (i < 2 || !(b[i - 2].is_ascii_alphanumeric() || b[i - 2] == b'.'));
    let start = if lead_dot { i - 1 } else { i };
    let mut end = run(i);
    let first_len = end - i;
    let mut grouped = false;
    let mut decimal_comma = false;
    if first_len <= 3 && !lead_dot {
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
        // "4,5 percent": a decimal comma, one or two digits that are no thousands group
        // and start no list ("1,2,3").
        let listed = i >= 2 && b[i - 1] == b',' && b[i - 2].is_ascii_digit();
        if !grouped && !listed && b.get(end) == Some(&b',') {
            let ge = run(end + 1);
            let after = &text[ge..];
            if (1..=2).contains(&(ge - end - 1))
                && !(after.starts_with(',') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
                && !after.starts_with('.')
            {
                end = ge;
                decimal_comma = true;
            }
        }
    }
    if !decimal_comma
        && !lead_dot
        && b.get(end) == Some(&b'.')
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end = run(end + 1);
        // "192.168.1.1", "2.1.3": dotted groups are an address or a version.
        if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            while b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
                end = run(end + 1);
            }
            let groups: Vec<&str> = text[i..end].split('.').collect();
            let ip = groups.len() == 4
                && groups
                    .iter()
                    .all(|g| g.len() <= 3 && g.parse::<u16>().is_ok_and(|x| x <= 255));
            let why = if ip { Why::Ip } else { Why::Version };
            return (Err(skip(i..end, why, None)), end);
        }
    }
    let resume = end;
    // Times: "10:30", "10.30am" handled by the suffix check below.
    if b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let e = run(end + 1);
        return (Err(skip(i..e, Why::Time, None)), e);
    }
    // "0958", "007": digits led by a zero are an id or part of a phone number, no count.
    if b[i] == b'0' && first_len >= 2 && !lead_dot {
        return (Err(skip(i..end, Why::Code, None)), end);
    }
    let parsed = if decimal_comma {
        text[i..end].replace(',', ".").parse::<f64>().ok()
    } else if lead_dot {
        format!("0.{}", &text[i..end]).parse::<f64>().ok()
    } else {
        parse_digits(&text[i..end])
    };
    let Some(mut value) = parsed else {
        return (Err(skip(start..end, Why::TooLarge, Some(f64::MAX))), resume);
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
        let why = match glued.as_str() {
            "st" | "nd" | "rd" | "th" => Some(Why::Ordinal),
            "s" => Some(Why::Decade),
            "am" | "pm" => Some(Why::Time),
            _ => None,
        };
        if let Some(why) = why {
            // Ordinals, decades ("1990s") and times are not counts.
            return (Err(skip(start..k, why, Some(value))), k);
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
                    return (Err(skip(start..k, Why::Code, None)), k);
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
                let e = end + gap + wl.len();
                return (Err(skip(start..e, Why::Time, Some(value))), e);
            }
            if let Some((f, false)) = n.multiplier(&lower) {
                value *= f;
                factor = f;
                span_end = end + gap + wl.len();
            }
        }
    }
    (
        Ok(Numeral {
            span: start..span_end,
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

/// The value of "and a half", "and a quarter", "and three quarters" at `words[0]`.
fn and_fraction(text: &str, words: &[Word<'_>]) -> Option<f64> {
    let w = |k: usize| words.get(k).map(|w| &*w.lower);
    if w(0) != Some("and") || words.len() < 3 || !joined(text, &words[..3]) {
        return None;
    }
    match (w(1)?, w(2)?) {
        ("a", "half") => Some(0.5),
        ("a" | "one", "quarter") => Some(0.25),
        ("three", "quarters") => Some(0.75),
        ("a" | "one", "third") => Some(1.0 / 3.0),
        _ => None,
    }
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
                            span: words[0].start..words[used + 2].end,
                            value: pct / 100.0 * f,
                            form: Form::Words,
                            year_like: false,
                            short: None,
                            factor: f,
                        },
                        used + 3,
                    ));
                }
            }
            let last = &words[used - 1];
            return Some((
                Numeral {
                    span: words[0].start..last.end,
                    value: *pct,
                    form: Form::Fraction,
                    year_like: false,
                    short: None,
                    factor: 1.0,
                },
                used,
            ));
        }
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut last_end = words[0].start;
    let mut last = Last::Start;
    // the smallest magnitude of a thousand or more so far: "two million three thousand"
    let mut scale = f64::INFINITY;
    let mut factor = 1.0;
    let mut idx = 0;
    // "half a million", "a dozen", "a hundred".
    if let Some(w0) = words.first() {
        let w1 = words.get(1);
        let w2 = words.get(2);
        if w0.lower == "half"
            && w1.is_some_and(|w| w.lower == "a")
            && w2.is_some_and(|w| n.word_multiplier(&w.lower).is_some())
            && words.len() >= 3
            && joined(text, &words[..3])
        {
            current = 0.5;
            last = Last::Fraction;
            idx = 2;
        } else if (w0.lower == "a" || w0.lower == "an")
            && w1.is_some_and(|w| n.word_multiplier(&w.lower).is_some())
            && joined(text, &words[..2])
            && (!w1.is_some_and(|w| n.nouns.contains(&*w.lower)) || of_a_noun(text, words, n))
        {
            current = 1.0;
            last = Last::Unit;
            idx = 1;
        }
    }
    while idx < words.len() {
        let w = &words[idx];
        if idx > 0 && !joined(text, &words[idx - 1..=idx]) {
            break;
        }
        if let Some(&v) = n.words.get(&*w.lower) {
            let class = if v < 10.0 {
                Last::Unit
            } else if !(20.0..100.0).contains(&v) || v % 10.0 != 0.0 {
                Last::Teen
            } else {
                Last::Ten
            };
            // "twenty one" follows a ten, "forty" a hundred; "five six" is no number.
            let follows = match last {
                Last::Start | Last::Hundred | Last::Scale => true,
                Last::Ten => class == Last::Unit,
                Last::Unit | Last::Teen | Last::Fraction => false,
            };
            if !follows || (last == Last::Hundred && current % 100.0 != 0.0 && v >= 100.0) {
                break;
            }
            current += v;
            last = class;
        } else if let Some(f) = n.word_multiplier(&w.lower) {
            if last == Last::Start {
                break;
            }
            if f < 1000.0 {
                if last == Last::Hundred {
                    break;
                }
                current *= f;
                last = Last::Hundred;
            } else {
                if f >= scale {
                    // "a thousand million": the magnitude applies to all before it
                    total = (total + current) * f;
                } else {
                    total += current * f;
                }
                scale = scale.min(f);
                current = 0.0;
                last = Last::Scale;
            }
            factor = f;
        } else if w.lower == "and"
            && matches!(last, Last::Hundred | Last::Scale)
            && words
                .get(idx + 1)
                .is_some_and(|x| n.words.contains_key(&*x.lower))
            && joined(text, &words[idx..=idx + 1])
        {
            // "two hundred and five"
            idx += 1;
            continue;
        } else if let Some(frac) = (!matches!(last, Last::Start | Last::Fraction))
            .then(|| and_fraction(text, &words[idx..]))
            .flatten()
        {
            // "forty and a half", "two and a half million"
            current += frac;
            last = Last::Fraction;
            last_end = words[idx + 2].end;
            idx += 3;
            used = idx;
            continue;
        } else {
            break;
        }
        last_end = w.end;
        used = idx + 1;
        idx += 1;
    }
    if last == Last::Start || used == 0 {
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
            factor,
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

/// Spans of phone-like strings, never counts, each with its "+" and brackets: a "+" and
/// seven digits or more ("+44 20 7946 0958"), an area code in brackets ("(020)
/// 7946-0958"), groups led by a zero ("01632 960983"), three groups or more that are no
/// thousands ("555-123-4567"), or two groups after a word like "call" ("call 555-1234").
fn phone_spans(text: &str, lower: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let opens = matches!(b[i], b'+' | b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || opens) || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = phone_run(b, i);
        let groups = &run.groups;
        let digits: usize = groups.iter().sum();
        let thousands =
            groups.first().is_some_and(|g| *g <= 3) && groups.iter().skip(1).all(|g| *g == 3);
        let decimal = run.seps.len() == 1 && run.seps[0] == b'.';
        // "192.168.0.1": an IP address, which the digits scan names
        let dotted = run.seps.iter().all(|s| *s == b'.') && groups.iter().all(|g| *g <= 3);
        let plus = b[i] == b'+';
        let cue = {
            let head = lower[..i].trim_end_matches([' ', ':']);
            let head = head.strip_suffix(" on").unwrap_or(head);
            let word = head.rsplit(|c: char| !c.is_ascii_alphabetic()).next();
            word.is_some_and(|w| PHONE_WORDS.contains(&w))
        };
        let phone = if plus {
            digits >= 7
        } else if dotted {
            false
        } else {
            (run.bracketed && groups.len() >= 3 && groups.last().is_some_and(|g| *g >= 4))
                || (run.zero_lead && groups.len() >= 2)
                || (groups.len() >= 3 && !thousands && !decimal)
                || (cue && groups.len() >= 2)
        };
        // "dial 911": after "dial" a number of any length is one to dial
        let dial = cue && lower[..i].trim_end_matches([' ', ':']).ends_with("dial");
        if (phone && digits >= 7 || dial) && run.end > i {
            out.push(i..run.end);
        }
        i = run.end.max(i + 1);
    }
    out
}

/// A run of digit groups that may be a phone number, from [`phone_spans`].
#[derive(Debug, Default)]
struct PhoneRun {
    /// End of the last group.
    end: usize,
    /// The digits in each group.
    groups: Vec<usize>,
    /// The separator after each group but the last.
    seps: Vec<u8>,
    /// A group is in brackets ("(020)").
    bracketed: bool,
    /// The first group has two digits or more and starts with a zero.
    zero_lead: bool,
}

/// The digit groups from byte `i` (a digit, "+" or "("), joined by "-", " " or ".", a
/// group in brackets among them.
fn phone_run(b: &[u8], i: usize) -> PhoneRun {
    let mut run = PhoneRun {
        end: i,
        ..PhoneRun::default()
    };
    let mut j = i + usize::from(b[i] == b'+');
    loop {
        let open = b.get(j) == Some(&b'(');
        let g = j + usize::from(open);
        let mut k = g;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        if k == g || (open && b.get(k) != Some(&b')')) {
            break;
        }
        if run.groups.is_empty() {
            run.zero_lead = b[g] == b'0' && k - g >= 2;
        }
        run.groups.push(k - g);
        if open {
            run.bracketed = true;
            k += 1;
        }
        run.end = k;
        let next_ok = |x: Option<&u8>| x.is_some_and(|c| c.is_ascii_digit() || *c == b'(');
        match b.get(k) {
            Some(&s @ (b'-' | b' ' | b'.')) if next_ok(b.get(k + 1)) => {
                run.seps.push(s);
                j = k + 1;
            }
            // "(0)20 7946 0958"
            Some(c) if open && c.is_ascii_digit() => {
                run.seps.push(b')');
                j = k;
            }
            _ => break,
        }
    }
    run
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
            prop_assert_eq!(
                scan_lowered(&text, &lower, n, true, &mut Vec::new()),
                scan_all(&text, &lower, n, &mut Vec::new())
            );
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

    fn why(text: &str) -> Vec<(String, Why)> {
        let mut skipped = Vec::new();
        let lower = text.to_ascii_lowercase();
        scan_lowered(text, &lower, numerals(), true, &mut skipped);
        skipped
            .into_iter()
            .map(|s| (text[s.span].to_owned(), s.why))
            .collect()
    }

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

    #[test]
    fn phone_numbers_in_their_common_shapes() {
        for (text, phone) in [
            ("call (020) 7946-0958 now", "(020) 7946-0958"),
            ("on +1 (555) 123-4567 today", "+1 (555) 123-4567"),
            ("ring 01632 960983 today", "01632 960983"),
            ("call 555-1234 for help", "555-1234"),
            ("Tel: 555 1234.", "555 1234"),
            ("dial 911 at once", "911"),
            ("the +44 (0)20 7946 0958 line", "+44 (0)20 7946 0958"),
        ] {
            assert_eq!(why(text), vec![(phone.into(), Why::Phone)], "{text}");
            assert!(values(text).is_empty(), "{text}");
        }
        // no cue, no zero, no brackets: a range and counts
        assert_eq!(
            values("between 300-1000 people"),
            vec![("300".into(), 300.0), ("1000".into(), 1000.0)]
        );
        assert_eq!(one("call 300 reservists"), 300.0);
        assert_eq!(
            values("in 2019 (1,200 people)"),
            vec![("2019".into(), 2019.0), ("1,200".into(), 1200.0)]
        );
        // a number led by a zero is an id
        assert_eq!(why("ticket 0958 won"), vec![("0958".into(), Why::Code)]);
        assert_eq!(one("a 0.5 rise"), 0.5);
    }

    #[test]
    fn decimals_without_a_zero_and_with_a_comma() {
        assert_eq!(one("a rise of .5 percent"), 0.5);
        assert_eq!(one("inflation of 4,5 percent"), 4.5);
        assert_eq!(one("a crowd of 4,500 people"), 4500.0);
        assert_eq!(values("rooms 1,2,3").len(), 3);
    }

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
    fn numbers_that_are_no_figures_say_why() {
        assert_eq!(why("the 75th day"), vec![("75th".into(), Why::Ordinal)]);
        assert_eq!(why("at 10:30 sharp"), vec![("10:30".into(), Why::Time)]);
        assert_eq!(
            why("the COVID-19 wave"),
            vec![("COVID-19".into(), Why::Code)]
        );
        assert_eq!(why("see page 12"), vec![("12".into(), Why::Reference)]);
        assert_eq!(
            why("under Article 370"),
            vec![("370".into(), Why::Reference)]
        );
        assert_eq!(why("version 2.1.3"), vec![("2.1.3".into(), Why::Version)]);
        assert_eq!(why("from 10.0.0.1"), vec![("10.0.0.1".into(), Why::Ip)]);
        assert_eq!(why("at 14 Quay Street"), vec![("14".into(), Why::Address)]);
        assert_eq!(
            why("call 555-123-4567"),
            vec![("555-123-4567".into(), Why::Phone)]
        );
        // a headline in title case is no address
        assert!(why("5 Dead In Road Crash").is_empty());
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

//! Which candidate runs end a sentence: the UAX #29 rule (a terminator, closers, space,
//! then anything but a lowercase letter or a comma ends a sentence), repaired for
//! abbreviations, titles, initials, clock times, numbers, ellipses, "!" inside names,
//! and sentences run together without a space. Word lists come from
//! `claims/abbreviations.toml` through [`Lexicon`].

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::boundaries::{is_opener, token_after, token_before, uax29_breaks_at, Cut, Run};
use crate::pack::Pack;

const TITLE: u8 = 1;
const ABBREVIATION: u8 = 2;
const NEVER_FINAL: u8 = 4;
const TIME: u8 = 8;
const TIME_OPENER: u8 = 16;
const KNOWN: u8 = TITLE | ABBREVIATION | NEVER_FINAL | TIME;

/// The word lists of `abbreviations.toml`, ready for lookups (built once per pack).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Lowercase word without the final period → which lists hold it.
    words: HashMap<String, u8, BuildHasherDefault<Fnv>>,
    /// Sentence starters as written ("The").
    starters: HashSet<String, BuildHasherDefault<Fnv>>,
    /// The longest word of `words`, in bytes: longer tokens need no lookup.
    longest: usize,
}

impl Lexicon {
    /// Builds the lookup tables from the pack.
    pub(crate) fn new(pack: &Pack) -> Lexicon {
        let mut lex = Lexicon::default();
        let lists = [
            (&pack.titles, TITLE),
            (&pack.abbreviations, ABBREVIATION),
            (&pack.never_final, NEVER_FINAL),
            (&pack.times, TIME),
            (&pack.time_openers, TIME_OPENER),
        ];
        for (list, flag) in lists {
            for w in list {
                let w = w.to_lowercase();
                lex.longest = lex.longest.max(w.len());
                *lex.words.entry(w).or_default() |= flag;
            }
        }
        lex.starters = pack.sentence_starters.iter().cloned().collect();
        lex
    }

    /// Which lists hold `w`, ignoring case.
    fn flags(&self, w: &str) -> u8 {
        if w.is_empty() || w.len() > self.longest {
            return 0;
        }
        let mut buf = [0u8; 32];
        if w.is_ascii() && w.len() <= buf.len() {
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            return self.words.get(lower).copied().unwrap_or(0);
        }
        self.words.get(&w.to_lowercase()).copied().unwrap_or(0)
    }

    fn is_title(&self, w: &str) -> bool {
        self.flags(w) & TITLE != 0
    }

    fn is_time_opener(&self, w: &str) -> bool {
        self.flags(w) & TIME_OPENER != 0
    }

    fn is_starter(&self, w: &str) -> bool {
        self.starters.contains(w)
    }
}

/// FNV-1a: the lexicon's keys are a few hundred short words from the pack, so a fast
/// hash beats SipHash's protection against chosen keys.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Decides whether `run` ends a sentence of paragraph `p` whose current sentence started
/// at `sentence_start`; returns the cut if so.
pub(crate) fn decide(p: &str, run: &Run, sentence_start: usize, lex: &Lexicon) -> Option<Cut> {
    if run.next >= p.len() {
        return None; // the paragraph ends here anyway
    }
    // A cut inside the token ("Tuesday.Mr. Smith") starts the word afresh.
    let before = token_before(p, run.start);
    let before =
        &before[before.len() - run.start.saturating_sub(sentence_start).min(before.len())..];
    let word = before.trim_start_matches(is_opener);
    let next = token_after(p, run.next);
    let cut = Cut {
        end: run.end,
        next: run.next,
    };
    if run.wide {
        let from = run.start - before.len();
        return uax29_breaks_at(p, from, run.next).then_some(cut);
    }
    if !run.has_space {
        return run_together(run, word, next, lex).then_some(cut);
    }
    let class = classify(next);
    match class {
        Next::Lower | Next::Continue => return None,
        Next::Other => {
            let from = run.start - before.len();
            return uax29_breaks_at(p, from, run.next).then_some(cut);
        }
        Next::Upper | Next::Digit => {}
    }
    if run.stops {
        return Some(cut);
    }
    if run.dots >= 2 {
        return ellipsis(p, run, before, class);
    }
    period(p, word, next, class, sentence_start, run, lex).then_some(cut)
}

/// What the next token starts with, after opening quotes and brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// A lowercase letter: the sentence goes on (UAX #29 SB8).
    Lower,
    /// A comma, semicolon or colon: the sentence goes on (UAX #29 SContinue).
    Continue,
    /// An uppercase letter.
    Upper,
    /// A digit.
    Digit,
    /// Anything else; UAX #29 decides.
    Other,
}

fn classify(next: &str) -> Next {
    let Some(c) = next.chars().find(|&c| !is_opener(c)) else {
        return Next::Other;
    };
    if c.is_lowercase() {
        Next::Lower
    } else if c.is_uppercase() {
        Next::Upper
    } else if c.is_ascii_digit() {
        Next::Digit
    } else if matches!(c, ',' | ';' | ':' | '，' | '；' | '：') {
        Next::Continue
    } else if c.is_ascii() {
        // Dashes, bullets written in ASCII, symbols: a new sentence, as in UAX #29.
        Next::Upper
    } else {
        Next::Other
    }
}

/// Ellipses: "[...]" never ends a sentence; "...." or ". . . ." before a capital does;
/// "word. . . . The" ends after the word and the ellipsis opens the next sentence;
/// a plain "..." or "…" ends one before a capital, a spaced ". . ." does not.
fn ellipsis(p: &str, run: &Run, before: &str, class: Next) -> Option<Cut> {
    if before.ends_with(['[', '(']) || class != Next::Upper {
        return None;
    }
    let attached = !before.is_empty();
    let cut = Cut {
        end: run.end,
        next: run.next,
    };
    if run.spaced {
        if attached {
            let ws = p[run.first_end..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum::<usize>();
            return Some(Cut {
                end: run.first_end,
                next: run.first_end + ws,
            });
        }
        return (run.dots >= 4).then_some(cut);
    }
    Some(cut)
}

/// A single full stop followed by space and a capital or a digit.
fn period(
    p: &str,
    word: &str,
    next: &str,
    class: Next,
    sentence_start: usize,
    run: &Run,
    lex: &Lexicon,
) -> bool {
    let flags = lex.flags(word);
    if class == Next::Digit {
        // "p. 55", "Feb. 1", "No. 3"; but "rose 7%. 5 people"
        return !(flags & KNOWN != 0 || is_initialism(word));
    }
    if flags & (NEVER_FINAL | TITLE) != 0 {
        return false;
    }
    let next_word = bare_word(next);
    if flags & TIME != 0 {
        if is_time_opening(&p[sentence_start.min(run.start)..run.start], lex) {
            return false;
        }
        return lex.is_starter(next_word) || lex.is_title(next_word);
    }
    let starter = lex.is_starter(next_word) && !is_initial_token(next);
    if is_initial(word) {
        // "Jonas E. Smith", "J. R. Smith"; but "you and I. Did you"
        return starter || (word == "I" && previous_word_is_lower(p, run.start - word.len()));
    }
    if flags & ABBREVIATION != 0 || is_initialism(word) {
        return starter;
    }
    true
}

/// The next token without openers and trailing punctuation ("Mr." → "Mr", "“The" → "The").
fn bare_word(next: &str) -> &str {
    next.trim_start_matches(is_opener)
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// A single capital letter: an initial ("E" in "Jonas E. Smith").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether the next token is itself an initial ("A." in "J. A. Smith").
fn is_initial_token(next: &str) -> bool {
    next.strip_suffix('.').is_some_and(is_initial)
}

/// Letters separated by full stops: "U.S", "E.U", "N.Y", "a.m".
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

fn previous_word_is_lower(p: &str, at: usize) -> bool {
    let head = p[..at].trim_end();
    token_before(head, head.len())
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
}

/// Whether the sentence so far is only an opening time phrase ("At 5").
fn is_time_opening(so_far: &str, lex: &Lexicon) -> bool {
    let mut words = so_far.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    lex.is_time_opener(first.trim_start_matches(is_opener)) && words.count() <= 3
}

/// Sentences run together without a space ("Hello world.Today is Tuesday."): a full stop
/// between a plain word or number and a capitalised word ends a sentence. Initialisms,
/// decimals, e-mail addresses, URLs and file names do not.
fn run_together(run: &Run, word: &str, next: &str, lex: &Lexicon) -> bool {
    if run.stops || run.dots != 1 || run.end != run.first_end {
        return false;
    }
    let plain_word = word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphanumeric() || c == ',')
        && word.chars().any(char::is_alphanumeric);
    if !plain_word || lex.flags(word) & KNOWN != 0 {
        return false;
    }
    if next.contains(['@', '/', ':', '\\', '=', '_']) {
        return false;
    }
    let mut chars = next.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let then_lower = chars.next().is_some_and(char::is_lowercase);
    if !(capital && then_lower) {
        return false;
    }
    // "example.Com", "Index.Html": a lowercase word before a dotted name is a host or file.
    let head = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    !head.contains('.')
}

//! Regexes with word boundaries that stay on the regex crate's fast engines.
//!
//! A Unicode `\b` stops the lazy DFA at the first non-ASCII byte of a haystack, and the
//! search falls back to a backtracker or the Pike VM, about thirty times slower. News text
//! is full of non-ASCII bytes that are no letters: curly quotes, dashes, no-break spaces.
//! On a text whose only non-ASCII characters are not word characters, an ASCII `\b` finds
//! exactly the same boundaries (ASCII word characters are word characters in both senses,
//! the others are not), so [`WordRegex`] searches such a text with the ASCII form and
//! keeps the Unicode form, compiled when first needed, for text with non-ASCII letters or
//! digits ("Zürich", "Côte").

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// A regex compiled with ASCII word boundaries, and with the pattern's own (Unicode)
/// boundaries for text that needs them; both give the same matches on any text they are
/// picked for ([`WordRegex::for_text`]).
#[derive(Debug, Clone)]
pub struct WordRegex {
    /// The pattern with each `\b` and `\B` made ASCII.
    ascii: Regex,
    /// The pattern as written, compiled on first use; unset when it has no boundary.
    unicode: OnceLock<Regex>,
    /// The pattern as written.
    pattern: String,
    case_insensitive: bool,
    /// Whether the pattern has a boundary that the ASCII form changed.
    changed: bool,
}

impl WordRegex {
    /// Compiles `pattern`; the error is the pattern's own, as the regex crate gives it.
    pub fn new(pattern: &str, case_insensitive: bool) -> Result<WordRegex, regex::Error> {
        let build = |p: &str| {
            RegexBuilder::new(p)
                .case_insensitive(case_insensitive)
                .build()
        };
        let ascii_pattern = ascii_boundaries(pattern);
        let changed = ascii_pattern != pattern;
        let (ascii, changed) = match build(&ascii_pattern) {
            Ok(r) => (r, changed),
            // the rewrite broke the pattern (a `\b` where the ASCII group cannot go):
            // the pattern as written, or its own error
            Err(_) => (build(pattern)?, false),
        };
        Ok(WordRegex {
            ascii,
            unicode: OnceLock::new(),
            pattern: pattern.to_owned(),
            case_insensitive,
            changed,
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The compiled form that finds in `text` what the pattern as written finds.
    pub fn for_text(&self, text: &str) -> &Regex {
        self.pick(needs_unicode_boundaries(text))
    }

    /// [`WordRegex::for_text`] when the caller already knows whether the text has a
    /// non-ASCII word character ([`needs_unicode_boundaries`]).
    pub fn pick(&self, unicode: bool) -> &Regex {
        if !unicode || !self.changed {
            return &self.ascii;
        }
        self.unicode.get_or_init(|| {
            RegexBuilder::new(&self.pattern)
                .case_insensitive(self.case_insensitive)
                .build()
                // the ASCII form compiled, so the pattern does too; should it not, the
                // ASCII form is the closest there is
                .unwrap_or_else(|_| self.ascii.clone())
        })
    }
}

/// A list of patterns searched in one pass ([`RegexSet`]), with word boundaries as in
/// [`WordRegex`]: a line tested against fifty patterns pays one search, not fifty.
#[derive(Debug, Clone)]
pub struct WordRegexSet {
    ascii: RegexSet,
    unicode: OnceLock<RegexSet>,
    patterns: Vec<String>,
    case_insensitive: bool,
    changed: bool,
}

impl Default for WordRegexSet {
    fn default() -> WordRegexSet {
        WordRegexSet {
            ascii: RegexSet::empty(),
            unicode: OnceLock::new(),
            patterns: Vec::new(),
            case_insensitive: false,
            changed: false,
        }
    }
}

impl WordRegexSet {
    /// Compiles `patterns` as one set.
    pub fn new(
        patterns: Vec<String>,
        case_insensitive: bool,
    ) -> Result<WordRegexSet, regex::Error> {
        let build = |ps: &[String]| {
            RegexSetBuilder::new(ps)
                .case_insensitive(case_insensitive)
                .build()
        };
        let rewritten: Vec<String> = patterns.iter().map(|p| ascii_boundaries(p)).collect();
        let changed = rewritten != patterns;
        let (ascii, changed) = match build(&rewritten) {
            Ok(s) => (s, changed),
            Err(_) => (build(&patterns)?, false),
        };
        Ok(WordRegexSet {
            ascii,
            unicode: OnceLock::new(),
            patterns,
            case_insensitive,
            changed,
        })
    }

    /// The patterns as written.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// The index of the first pattern that matches somewhere in `text`; `unicode` is
    /// [`needs_unicode_boundaries`] of `text`.
    pub fn first_match(&self, text: &str, unicode: bool) -> Option<usize> {
        let set = if !unicode || !self.changed {
            &self.ascii
        } else {
            self.unicode.get_or_init(|| {
                RegexSetBuilder::new(&self.patterns)
                    .case_insensitive(self.case_insensitive)
                    .build()
                    .unwrap_or_else(|_| self.ascii.clone())
            })
        };
        set.matches(text).iter().next()
    }
}

/// Whether `text` has a non-ASCII word character (`\w` in Unicode), where a Unicode `\b`
/// and an ASCII one can disagree.
pub fn needs_unicode_boundaries(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c))
}

/// `pattern` with every `\b` and `\B` written `(?-u:\b)` and `(?-u:\B)`; escaped
/// backslashes and the `\b{start}` family are left alone.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) if chars.peek() != Some(&'{') => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn boundaries_are_rewritten_and_escapes_kept() {
        assert_eq!(ascii_boundaries(r"\bby\b"), r"(?-u:\b)by(?-u:\b)");
        assert_eq!(ascii_boundaries(r"\\b\B"), r"\\b(?-u:\B)");
        assert_eq!(ascii_boundaries(r"\b{start}x"), r"\b{start}x");
        assert_eq!(ascii_boundaries(r"a\d+"), r"a\d+");
    }

    #[test]
    fn non_ascii_letters_need_the_unicode_form() {
        assert!(!needs_unicode_boundaries("“Quoted” — 12 km"));
        assert!(needs_unicode_boundaries("Zürich"));
        assert!(needs_unicode_boundaries("١٢"));
        let r = WordRegex::new(r"\bzu\b", true).expect("valid");
        // "zu" inside "Zürich"'s neighbour "zuñ": no boundary before "ñ" in Unicode
        assert!(!r.for_text("zuñiga").is_match("zuñiga"));
        assert!(r.for_text("“zu”").is_match("“zu”"));
    }

    #[test]
    fn an_invalid_pattern_reports_its_own_error() {
        let err = WordRegex::new(r"\bfoo(", false).expect_err("unclosed group");
        assert!(err.to_string().contains(r"\bfoo("), "{err}");
    }

    #[test]
    fn a_set_reports_the_first_pattern_that_matches() {
        let set = WordRegexSet::new(
            vec![r"^share\b".into(), r"\bzu\b".into(), r"^share this$".into()],
            true,
        )
        .expect("valid");
        assert_eq!(set.first_match("Share this", false), Some(0));
        assert_eq!(set.first_match("im zu haus", false), Some(1));
        assert_eq!(
            set.first_match("zuñiga", needs_unicode_boundaries("zuñiga")),
            None
        );
        assert_eq!(set.first_match("nothing", false), None);
        assert_eq!(WordRegexSet::default().first_match("x", false), None);
    }

    proptest! {
        /// The picked form finds what the pattern as written finds, on any text.
        #[test]
        fn picked_form_matches_like_the_pattern(
            text in r"[a-z0-9 “”—é_.\u{a0}ü’'-]{0,24}",
            word in "(ab|a|é|1|ü)",
        ) {
            let pattern = format!(r"\b{word}\w*\b|\B{word}");
            let r = WordRegex::new(&pattern, true).expect("valid");
            let plain = RegexBuilder::new(&pattern).case_insensitive(true).build().expect("valid");
            let got: Vec<_> = r.for_text(&text).find_iter(&text).map(|m| m.range()).collect();
            let want: Vec<_> = plain.find_iter(&text).map(|m| m.range()).collect();
            prop_assert_eq!(got, want);
        }
    }
}

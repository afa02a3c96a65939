//! The word splitter every extraction stage shares: a sentence's text becomes [`Word`]s,
//! each a run of letters and digits (with inner apostrophes, hyphens and dots: "O'Brien",
//! "al-Assad", "U.S.") with its byte range in that text, its lowercase forms and whether
//! it is capitalised, computed once per word.

use std::borrow::Cow;

use regex::Regex;

/// A word of a sentence with its byte range in the sentence text.
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    /// Ends in a possessive "'s".
    pub(crate) possessive: bool,
    /// `text` lowercase, computed once (borrowed when `text` is already lowercase ASCII).
    lower_text: Cow<'a, str>,
    /// The name part (without a possessive) lowercase, computed once.
    lower_name: Cow<'a, str>,
    /// Capitalised ([`Word::is_cap`]), computed once.
    cap: bool,
}

impl Word<'_> {
    /// End of the name part (before a possessive).
    pub(crate) fn name_end(&self) -> usize {
        if self.possessive {
            self.end - possessive_len(self.text)
        } else {
            self.end
        }
    }

    /// The word without a possessive, lowercase.
    pub(crate) fn lower(&self) -> &str {
        &self.lower_name
    }

    /// The whole word (possessive included), lowercase.
    pub(crate) fn lower_text(&self) -> &str {
        &self.lower_text
    }

    /// Whether the word is capitalised ("Fomin", "d'Ivoire", "al-Assad"), not a code.
    pub(crate) fn is_cap(&self) -> bool {
        self.cap
    }
}

impl Word<'_> {
    fn capitalised(t: &str) -> bool {
        // ASCII fast paths (digits are ASCII, so a byte test finds them all)
        match t.as_bytes().first() {
            Some(b) if b.is_ascii_uppercase() => return !t.bytes().any(|b| b.is_ascii_digit()),
            Some(b) if b.is_ascii() && !t.bytes().any(|b| b == b'\'' || b == b'-' || b >= 0x80) => {
                return false
            }
            _ => {}
        }
        let first = t.chars().next();
        if first.is_some_and(char::is_uppercase) {
            return !t.chars().any(|c| c.is_ascii_digit());
        }
        // "d'Ivoire", "l'Aquila": an elided article before a capital
        if let Some((a, b)) = t.split_once(['\'', '’']) {
            if a.len() == 1
                && a.chars().all(|c| c.is_ascii_lowercase())
                && b.chars().next().is_some_and(char::is_uppercase)
            {
                return true;
            }
        }
        // "al-Assad", "bin-Salman"
        t.split_once('-')
            .is_some_and(|(a, b)| a.len() <= 3 && b.chars().next().is_some_and(char::is_uppercase))
    }
}

fn possessive_len(t: &str) -> usize {
    // ends in "s"/"S" after "'" (1 byte) or "’" (3 bytes); bytes, so no pattern searches
    let b = t.as_bytes();
    match b {
        [.., b'\'', b's' | b'S'] => 2,
        [.., 0xE2, 0x80, 0x99, b's' | b'S'] => 4,
        _ => 0,
    }
}

/// The words of `text` (letters and digits, with inner apostrophes, hyphens and dots).
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    words_lowered(text, None)
}

/// [`words`], with `lower` the caller's `text.to_ascii_lowercase()` (same byte offsets), from
/// which the lowercase forms of ASCII words are borrowed instead of allocated.
pub(crate) fn words_lowered<'a>(text: &'a str, lower: Option<&'a str>) -> Vec<Word<'a>> {
    let lower = lower.filter(|l| l.len() == text.len());
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    scan_words(text, |m, ascii| {
        let t = &text[m.clone()];
        let plen = possessive_len(t);
        // more than two chars: for ASCII, more than two bytes
        let possessive = plen > 0
            && if ascii {
                t.len() > 2
            } else {
                t.chars().count() > 2
            };
        let name_len = if possessive { t.len() - plen } else { t.len() };
        let (lower_text, lower_name) = match lower.and_then(|l| l.get(m.clone())) {
            // ASCII: the ASCII lowercase of the text is the word's lowercase
            Some(l) if ascii => (Cow::Borrowed(l), Cow::Borrowed(&l[..name_len])),
            _ => {
                let lower_text = lowercase(t);
                // For ASCII, lowercasing keeps byte offsets, so the name part is a prefix
                // of the lowercased word; otherwise lowercase it on its own (a final sigma
                // depends on what follows it).
                let lower_name = if !possessive {
                    lower_text.clone()
                } else if ascii {
                    match &lower_text {
                        Cow::Borrowed(l) => Cow::Borrowed(&l[..name_len]),
                        Cow::Owned(l) => Cow::Owned(l[..name_len].to_owned()),
                    }
                } else {
                    lowercase(&t[..name_len])
                };
                (lower_text, lower_name)
            }
        };
        out.push(Word {
            start: m.start,
            end: m.end,
            text: t,
            possessive,
            lower_text,
            lower_name,
            cap: Word::capitalised(t),
        });
    });
    out
}

/// Calls `f` with the span of each word of `text` and whether the word is all ASCII, in one
/// pass over the bytes. The spans are those of `[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*`,
/// leftmost first, as the regex finds them, without running a Unicode regex over every
/// sentence (a hand scan with an ASCII fast path; the regex is the test oracle).
#[inline]
fn scan_words(text: &str, mut f: impl FnMut(std::ops::Range<usize>, bool)) {
    fn is_word_char_non_ascii(c: char) -> bool {
        // Neither alphabetic nor numeric (quotes, dashes, spaces): no letter or number
        // either (checked against the regex over every char).
        if !c.is_alphabetic() && !c.is_numeric() {
            return false;
        }
        static LN: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
            Regex::new(r"\A[\p{L}\p{N}]\z").expect("the letter-or-number class is a valid regex")
        });
        LN.is_match(c.encode_utf8(&mut [0; 4]))
    }
    /// The length of the word char at byte `i` (a char boundary), 0 when there is none.
    #[inline]
    fn word_char_len(text: &str, i: usize) -> usize {
        match text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => usize::from(b.is_ascii_alphanumeric()),
            Some(_) => match text.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if is_word_char_non_ascii(c) => c.len_utf8(),
                _ => 0,
            },
            None => 0,
        }
    }
    /// The end of the run of word chars from `i`; clears `ascii` when it holds a non-ASCII
    /// char.
    #[inline]
    fn run_end(text: &str, mut i: usize, ascii: &mut bool) -> usize {
        let b = text.as_bytes();
        loop {
            while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            match b.get(i) {
                Some(&c) if c >= 0x80 => match word_char_len(text, i) {
                    0 => return i,
                    n => {
                        *ascii = false;
                        i += n;
                    }
                },
                _ => return i,
            }
        }
    }
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c < 0x80 && !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if c >= 0x80 && word_char_len(text, i) == 0 {
            // not a word char: step over the whole char
            i += text
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        let mut ascii = true;
        i = run_end(text, i, &mut ascii);
        loop {
            let sep = match b.get(i..) {
                Some([b'\'' | b'-' | b'.', ..]) => 1,
                Some([0xE2, 0x80, 0x99, ..]) => 3, // ’
                _ => break,
            };
            if word_char_len(text, i + sep) == 0 {
                break;
            }
            if sep == 3 {
                ascii = false;
            }
            i = run_end(text, i + sep, &mut ascii);
        }
        f(start..i, ascii);
    }
}

/// Whether `start..end` of `text` is whole words: no letter or digit right before it or
/// right after it ("war" in "the war ended", not in "software" or "wars"). An offset
/// off a character boundary has no character beside it.
pub(crate) fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// `t.to_lowercase()`, without allocating when `t` is already lowercase ASCII.
pub(crate) fn lowercase(t: &str) -> Cow<'_, str> {
    if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(t)
    } else if t.is_ascii() {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The spans of [`words`].
    fn word_spans(text: &str) -> Vec<std::ops::Range<usize>> {
        words(text).iter().map(|w| w.start..w.end).collect()
    }

    fn regex_word_spans(text: &str) -> Vec<std::ops::Range<usize>> {
        Regex::new(r"[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*")
            .unwrap()
            .find_iter(text)
            .map(|m| m.range())
            .collect()
    }

    #[test]
    fn word_scan_matches_the_word_regex_on_tricky_text() {
        for t in [
            "",
            "O'Brien’s al-Assad U.S. 3.5 -x- a--b a.-b 'a' x’ ‘quoted’",
            "Kraków, Łódź and Naypyitaw; ٢٠٢١ and Ⅻ; e\u{301}tude; 東京 2024-05-01",
            "end. x. .x 1,000 $1.5bn 16% n’t",
        ] {
            assert_eq!(word_spans(t), regex_word_spans(t), "{t:?}");
        }
    }

    #[test]
    fn whole_words_have_no_letter_or_digit_beside_them() {
        let t = "the war ended; software wars, 12war, «war»";
        let at = |w: &str, from: usize| t[from..].find(w).map_or(0, |i| from + i);
        assert!(is_whole_word(t, at("war", 0), at("war", 0) + 3));
        assert!(!is_whole_word(t, at("war", 10), at("war", 10) + 3)); // software
        assert!(!is_whole_word(t, at("wars", 0), at("wars", 0) + 3)); // wars
        assert!(!is_whole_word(t, at("12war", 0) + 2, at("12war", 0) + 5));
        assert!(is_whole_word(t, at("«war»", 0) + 2, at("«war»", 0) + 5));
        assert!(is_whole_word(t, 0, t.len()));
    }

    proptest! {
        #[test]
        fn word_scan_matches_the_word_regex(t in "[a-zA-Z0-9 .,'’\\-éŁ東\u{301}٢Ⅻ“”]{0,40}") {
            prop_assert_eq!(word_spans(&t), regex_word_spans(&t));
        }
    }
}

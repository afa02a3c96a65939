//! The sentence a name is cited in: [`SentenceFinder`] walks from a name's span to the
//! sentence ends around it, on the source text itself (never across a line break).

use crate::pack::Pack;

/// [`SentenceFinder::around`] for one span (test mentions are built one at a time).
#[cfg(test)]
pub(crate) fn sentence_around(
    text: &str,
    span: std::ops::Range<usize>,
    pack: &Pack,
) -> std::ops::Range<usize> {
    SentenceFinder::new(text, pack).around(span)
}

/// The sentence a name is cited in ([`Mention::sentence_span`]): from after the last
/// sentence end ([.!?] then a space, or a line break) before the span to the first one
/// after it. A period after an initial, a title or an abbreviation of the pack ends no
/// sentence. Unlike the segmenter's sentences it never crosses a line break.
///
/// Spans asked in text order share the walks, each stopping where the one before it
/// went: a line of thousands of names is read about once, not once per name.
pub(crate) struct SentenceFinder<'t> {
    text: &'t str,
    pack: &'t Pack,
    /// The last span start walked back from, and the start that walk found.
    back: Option<(usize, usize)>,
    /// The last span end walked on from, and the end that walk found.
    ahead: Option<(usize, usize)>,
}

impl<'t> SentenceFinder<'t> {
    pub(crate) fn new(text: &'t str, pack: &'t Pack) -> SentenceFinder<'t> {
        SentenceFinder {
            text,
            pack,
            back: None,
            ahead: None,
        }
    }

    /// The sentence around `span`.
    pub(crate) fn around(&mut self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let bytes = self.text.as_bytes();
        let (lo, hi) = (span.start.min(bytes.len()), span.end.min(bytes.len()));
        // A walk back from `from` <= lo found `found`: reaching `from`, this one would too.
        let before = self.back.filter(|&(from, _)| from <= lo);
        let mut start = lo;
        loop {
            if let Some((from, found)) = before {
                if start == from {
                    start = found;
                    break;
                }
            }
            if start == 0 {
                break;
            }
            let i = start - 1;
            if bytes[i] == b'\n'
                || (i > 0 && bytes[i].is_ascii_whitespace() && self.ends_sentence(i - 1))
            {
                break;
            }
            start -= 1;
        }
        self.back = Some((lo, start));
        let mut end = hi;
        match self.ahead {
            // no sentence end from `from` up to `found` - 1, where that walk stopped
            Some((from, found)) if from <= hi && hi < found => end = found,
            _ => {
                while end < bytes.len() {
                    if bytes[end] == b'\n' {
                        break;
                    }
                    if self.ends_sentence(end) {
                        end += 1;
                        break;
                    }
                    end += 1;
                }
            }
        }
        self.ahead = Some((hi, end));
        while start < lo && bytes[start].is_ascii_whitespace() {
            start += 1;
        }
        // Keep char boundaries: the bytes tested are ASCII, so both ends are on boundaries.
        start..end.max(hi)
    }

    /// Whether the byte at `i` ends a sentence: [.!?] before a space or the end, and not
    /// the period of an initial, a title or an abbreviation of the pack ("Gen.", "U.S.").
    fn ends_sentence(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        if !matches!(b.get(i), Some(b'.' | b'!' | b'?'))
            || !b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
        {
            return false;
        }
        if b[i] != b'.' {
            return true;
        }
        let from = b[..i]
            .iter()
            .rposition(|c| !(c.is_ascii_alphabetic() || *c == b'.'))
            .map_or(0, |p| p + 1);
        let word = std::str::from_utf8(&b[from..i]).unwrap_or("");
        let is_initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
        !(is_initial
            || self
                .pack
                .titles
                .iter()
                .chain(&self.pack.abbreviations)
                .any(|a| a.trim_end_matches('.') == word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_around_stays_on_the_line() {
        let t = "one\ntwo Fomin here\nthree";
        let r = sentence_around(t, 8..13, &Pack::default_pack());
        assert_eq!(&t[r], "two Fomin here");
    }

    #[test]
    fn sentence_around_finds_the_sentence_inside_a_paragraph() {
        let t =
            "It rained on Friday. Gen. Fomin met Mr. J. Hlaing in the U.S. capital. Then he left.";
        let at = t.find("Fomin").expect("in text");
        let r = sentence_around(t, at..at + 5, &Pack::default_pack());
        assert_eq!(&t[r], "Gen. Fomin met Mr. J. Hlaing in the U.S. capital.");
    }

    proptest::proptest! {
        #[test]
        fn a_shared_finder_finds_what_a_fresh_one_does(
            text in "(Gen\\. |U\\.S\\. |J\\. |[a-z]{1,4}|[.!?]|[ \n])*",
            picks in proptest::collection::vec((0usize..200, 0usize..8), 0..12),
            sorted in proptest::bool::ANY,
        ) {
            let pack = Pack::default_pack();
            let mut spans: Vec<std::ops::Range<usize>> = picks
                .iter()
                .map(|&(at, len)| {
                    let lo = at.min(text.len());
                    lo..(lo + len).min(text.len())
                })
                .collect();
            if sorted {
                spans.sort_by_key(|s| (s.start, s.end));
            }
            let mut shared = SentenceFinder::new(&text, &pack);
            for span in spans {
                let fresh = sentence_around(&text, span.clone(), &pack);
                proptest::prop_assert_eq!(shared.around(span), fresh);
            }
        }
    }
}

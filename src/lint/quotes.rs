//! `unsupported_quote`: a direct quote in the draft that matches no source rendering.
//!
//! Quotes are found in the draft's own text (“curly” or "straight" double quotes, or
//! ‘curly’ single quotes; three words or more, so scare quotes are left alone) and
//! compared as folded word tokens: case, accents, punctuation and quote styles never
//! matter. Elisions (`...`, `…`) and
//! bracketed insertions (`[the minister]`) split a quote into fragments that must each
//! appear. A quote is supported when every fragment appears word for word in a source,
//! or when one source sentence holds at least [`SIMILAR`] of its words in order (a
//! faithful quote with a spelling variant); anything else warns, pointing at the closest
//! source sentence when there is one.

use crate::compare::Evidence;
use crate::normalize::tokens;
use crate::pack::Severity;
use crate::pipeline::Analysis;

use super::{rules, sentence_around, Diagnostic};

/// Share of a quote's words that one source sentence must hold, in order.
const SIMILAR: f64 = 0.9;
/// Below this the closest sentence is not worth showing.
const CLOSEST: f64 = 0.5;
/// Quotes shorter than this many words are scare quotes, not quotations.
const MIN_WORDS: usize = 3;

pub(super) fn check(analysis: &Analysis, draft: usize) -> Vec<Diagnostic> {
    let Some(source) = analysis.sources.get(draft) else {
        return Vec::new();
    };
    let quotes = find_quotes(&source.text, &source.content_spans());
    if quotes.is_empty() {
        return Vec::new();
    }
    let corpus = Corpus::new(analysis, draft);
    let mut out = Vec::new();
    for span in quotes {
        let Some(text) = source.text.get(span.clone()) else {
            continue;
        };
        let fragments = fragments(text);
        let words: usize = fragments.iter().map(Vec::len).sum();
        if words < MIN_WORDS {
            continue;
        }
        if corpus.contains_all(&fragments) {
            continue;
        }
        let best = corpus.closest(&fragments, words);
        if best.as_ref().is_some_and(|b| b.score >= SIMILAR) {
            continue;
        }
        let sentence = sentence_around(analysis, draft, span.start);
        let claim = Evidence::at(draft, span.clone(), sentence);
        let (message, sources) = match best.filter(|b| b.score >= CLOSEST) {
            Some(b) => {
                let id = analysis
                    .sources
                    .get(b.source)
                    .map(|s| s.id.to_string())
                    .unwrap_or_default();
                let span = closest_quote(analysis, &b, &fragments).unwrap_or(b.span.clone());
                (
                    format!(
                        "this quote matches no source rendering; the closest, in `{id}`, shares {:.0}% of its words",
                        b.score * 100.0
                    ),
                    vec![Evidence::at(b.source, span, b.span)],
                )
            }
            None => ("no source contains this quote".to_owned(), Vec::new()),
        };
        let mut claim = claim;
        claim.quote = Some(text.into());
        out.push(Diagnostic {
            severity: Severity::Warning,
            rule: rules::UNSUPPORTED_QUOTE.into(),
            message,
            claim,
            sources,
            kind_file: None,
        });
    }
    out
}

/// Byte spans of the contents of double-quoted passages, without the marks. A quote
/// never runs past a blank line.
pub(super) fn find_quotes(
    text: &str,
    content: &[std::ops::Range<usize>],
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for c in content {
        let Some(part) = text.get(c.clone()) else {
            continue;
        };
        let mut open: Option<(usize, char)> = None;
        let mut last_newline = false;
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        for (k, &(i, ch)) in chars.iter().enumerate() {
            let at = c.start + i;
            // A closing ‘single’ quote is a ’ not followed by a letter ("Myanmar’s" is an
            // apostrophe).
            let ends_word = chars
                .get(k + 1)
                .is_none_or(|&(_, next)| !next.is_alphanumeric());
            match (ch, open) {
                ('\n', Some(_)) if last_newline => open = None,
                ('“', None) => open = Some((at + ch.len_utf8(), '”')),
                ('"', None) => open = Some((at + 1, '"')),
                ('‘', None) => open = Some((at + ch.len_utf8(), '’')),
                ('”', Some((start, '”'))) | ('"', Some((start, '"'))) => {
                    out.push(start..at);
                    open = None;
                }
                ('’', Some((start, '’'))) if ends_word => {
                    out.push(start..at);
                    open = None;
                }
                ('“', Some((_, '”'))) => open = Some((at + ch.len_utf8(), '”')),
                _ => {}
            }
            if ch == '\n' {
                last_newline = true;
            } else if !ch.is_whitespace() {
                last_newline = false;
            }
        }
    }
    out
}

/// Inside the closest sentence, the quoted passage most like the draft's quote, so the
/// snippet points at the rendering rather than the whole sentence.
fn closest_quote(
    analysis: &Analysis,
    best: &Closest,
    fragments: &[Vec<String>],
) -> Option<std::ops::Range<usize>> {
    let source = analysis.sources.get(best.source)?;
    let quotes = find_quotes(&source.text, std::slice::from_ref(&best.span));
    let score = |span: &std::ops::Range<usize>| -> usize {
        let t = tokens(source.text.get(span.clone()).unwrap_or_default());
        fragments.iter().map(|f| lcs(f, &t)).sum()
    };
    quotes
        .into_iter()
        .filter(|q| score(q) > 0)
        .max_by_key(|q| (score(q), std::cmp::Reverse(q.len())))
}

/// Folded word fragments of a quote, split at elisions and bracketed insertions.
fn fragments(quote: &str) -> Vec<Vec<String>> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = quote.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                depth += 1;
                parts.push(std::mem::take(&mut current));
            }
            ']' => depth = depth.saturating_sub(1),
            '…' if depth == 0 => parts.push(std::mem::take(&mut current)),
            '.' if depth == 0 && chars.peek() == Some(&'.') => {
                while chars.peek() == Some(&'.') {
                    chars.next();
                }
                parts.push(std::mem::take(&mut current));
            }
            c if depth == 0 => current.push(c),
            _ => {}
        }
    }
    parts.push(current);
    parts
        .iter()
        .map(|p| tokens(p))
        .filter(|t| !t.is_empty())
        .collect()
}

struct Corpus {
    /// Per source: its whole token stream (for quotes that cross a sentence boundary).
    streams: Vec<Vec<String>>,
    /// Per sentence: source index, span and tokens.
    sentences: Vec<(usize, std::ops::Range<usize>, Vec<String>)>,
}

struct Closest {
    source: usize,
    span: std::ops::Range<usize>,
    score: f64,
}

impl Corpus {
    fn new(analysis: &Analysis, draft: usize) -> Corpus {
        let mut streams = Vec::new();
        let mut sentences = Vec::new();
        for (i, s) in analysis.sources.iter().enumerate() {
            if i == draft {
                continue;
            }
            let mut stream = Vec::new();
            for sentence in analysis.sentences.get(i).map(Vec::as_slice).unwrap_or(&[]) {
                let t = tokens(s.text.get(sentence.span.clone()).unwrap_or_default());
                stream.extend(t.iter().cloned());
                sentences.push((i, sentence.span.clone(), t));
            }
            streams.push(stream);
        }
        Corpus { streams, sentences }
    }

    fn contains_all(&self, fragments: &[Vec<String>]) -> bool {
        fragments
            .iter()
            .all(|f| self.streams.iter().any(|s| contains_run(s, f)))
    }

    fn closest(&self, fragments: &[Vec<String>], words: usize) -> Option<Closest> {
        let mut best: Option<Closest> = None;
        for (source, span, toks) in &self.sentences {
            let kept: usize = fragments.iter().map(|f| lcs(f, toks)).sum();
            let score = kept as f64 / words.max(1) as f64;
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Closest {
                    source: *source,
                    span: span.clone(),
                    score,
                });
            }
        }
        best
    }
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Length of the longest common subsequence of two token lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

//! Shared text primitives: source ids, byte spans and the line index that turns a byte
//! offset into a `line:column` position (columns count characters, not bytes); the word
//! splitter (`Word`) and word-bounded regexes the extraction stages share; items grouped
//! by sentence (`BySentence`).
//!
//! Every later stage keeps byte spans into the original text of a source; only the
//! report turns them into positions, through [`LineIndex`].

mod by_sentence;
mod escape;
mod word_regex;
mod words;

pub(crate) use by_sentence::BySentence;
pub(crate) use escape::escape_map;
pub use escape::{blank_control_sequences, escape, is_unsafe};
pub use word_regex::{needs_unicode_boundaries, WordRegex, WordRegexSet};
pub(crate) use words::{is_whole_word, lowercase, words, words_lowered, Word};

use std::fmt;
use std::ops::Range;

/// A byte range into the original text of one source.
pub type Span = Range<usize>;

/// `v` in a buffer of exactly its length, for a list kept until the report is written.
/// A vector grown by doubling holds up to twice the room it needs, and `shrink_to_fit`
/// gives none of it back under mimalloc, which keeps a block in place when it would
/// shrink by less than half: the items are moved into a new buffer instead (#22).
///
/// A buffer past [`EXACT_MAX_BYTES`] is kept as it is: the room past its items was never
/// written, so it takes no memory, while a copy would hold the items twice for a moment
/// (on a 50 MB line, the mentions' list was the peak of the whole run).
pub(crate) fn exact<T>(mut v: Vec<T>) -> Vec<T> {
    if v.capacity() == v.len() || v.capacity().saturating_mul(size_of::<T>()) > EXACT_MAX_BYTES {
        return v;
    }
    let mut out = Vec::with_capacity(v.len());
    out.append(&mut v);
    out
}

/// The largest buffer [`exact`] copies: past this, the allocator gives a buffer pages of
/// its own, and the ones it never wrote are not in memory.
const EXACT_MAX_BYTES: usize = 1 << 20;

/// The stable, human-readable id of a source (its file stem, or the manifest's `id`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SourceId(pub String);

impl SourceId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `text.to_ascii_lowercase()`: `lower` when the caller has it (it must be that of `text`,
/// byte for byte; one of another length is ignored), else computed.
pub(crate) fn ascii_lower<'a>(text: &str, lower: Option<&'a str>) -> std::borrow::Cow<'a, str> {
    match lower {
        Some(l) if l.len() == text.len() => std::borrow::Cow::Borrowed(l),
        _ => std::borrow::Cow::Owned(text.to_ascii_lowercase()),
    }
}

/// Which sentences of a source may hold one of a list of phrases, from a fast search of the
/// whole source, so that the search of each sentence runs only where it can match.
///
/// It searches the source's ASCII lowercase for one piece of each phrase, its longest
/// word in ASCII lowercase: where a phrase occurs (in any ASCII case), its piece occurs in
/// the lowercase. Each piece is a SIMD substring search keyed on its rarest bytes, which
/// runs at gigabytes a second; the phrase automata step a table per byte.
#[derive(Debug, Clone)]
pub(crate) struct PhraseFilter {
    /// `None` when some phrase has no piece (an empty phrase): every sentence may match.
    pieces: Option<Vec<memchr::memmem::Finder<'static>>>,
}

impl PhraseFilter {
    /// The filter for `phrases`.
    pub(crate) fn new<S: AsRef<str>>(phrases: &[S]) -> PhraseFilter {
        let mut pieces: Vec<String> = Vec::with_capacity(phrases.len());
        for p in phrases {
            let Some(w) = p
                .as_ref()
                .split(|c: char| c.is_ascii_whitespace())
                .max_by_key(|w| w.len())
                .filter(|w| !w.is_empty())
            else {
                return PhraseFilter { pieces: None };
            };
            pieces.push(w.to_ascii_lowercase());
        }
        pieces.sort_unstable();
        pieces.dedup();
        // a piece holding another is found whenever it could be: drop it
        let kept = pieces
            .iter()
            .filter(|p| !pieces.iter().any(|q| q != *p && p.contains(q.as_str())))
            .map(|p| memchr::memmem::Finder::new(p.as_bytes()).into_owned())
            .collect();
        PhraseFilter { pieces: Some(kept) }
    }

    /// For each of `spans` (sorted, disjoint) of a source whose ASCII lowercase is `lower`,
    /// whether the span may hold a phrase: false only where none occurs.
    ///
    /// A piece's search reports non-overlapping occurrences, and an occurrence it skips
    /// overlaps the one before it, which reached into the same span: marking every span
    /// an occurrence intersects misses none.
    pub(crate) fn spans(&self, lower: &str, spans: &[Span]) -> Vec<bool> {
        let ordered = spans.iter().all(|s| s.start <= s.end)
            && spans.windows(2).all(|w| w[0].end <= w[1].start);
        let Some(pieces) = self.pieces.as_ref().filter(|_| ordered) else {
            return vec![true; spans.len()];
        };
        let mut hit = vec![false; spans.len()];
        for piece in pieces {
            for at in piece.find_iter(lower.as_bytes()) {
                let end = at + piece.needle().len();
                let mut k = spans.partition_point(|s| s.end <= at);
                while spans.get(k).is_some_and(|s| s.start < end) {
                    hit[k] = true;
                    k += 1;
                }
            }
        }
        hit
    }
}

/// A 1-based line and 1-based column (in characters) in a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

/// Maps byte offsets to line:column and back. Line breaks are `\n`, `\r\n` and a lone `\r`.
///
/// Both directions cost O(log n) plus at most a KiB or so of character counting,
/// however long the line: a report on a one-line 10 MB page asks for thousands of
/// positions, and counting from the line start each time made it quadratic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts; always starts with 0.
    starts: Vec<usize>,
    /// Inside lines longer than [`MARK_STRIDE`] bytes, a char boundary about every
    /// `MARK_STRIDE` bytes and its 0-based column: `(offset, column)`, sorted by offset.
    marks: Vec<(usize, usize)>,
}

/// Distance in bytes between two column marks of a long line.
const MARK_STRIDE: usize = 1024;

impl LineIndex {
    /// Builds the index of `text` in one pass.
    pub fn new(text: &str) -> LineIndex {
        LineIndex::with_stride(text, MARK_STRIDE)
    }

    /// [`LineIndex::new`] with column marks every `stride` bytes (tests use short strides).
    fn with_stride(text: &str, stride: usize) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue; // the `\n` of this `\r\n` starts the next line
            }
            starts.push(i + 1);
        }
        let mut marks = Vec::new();
        let stride = stride.max(1);
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let (mut prev, mut column) = (start, 0);
            let mut at = start + stride;
            while at < end {
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                if at >= end {
                    break;
                }
                column += text[prev..at].chars().count();
                marks.push((at, column));
                prev = at;
                at += stride;
            }
        }
        // kept with the source until the report is written
        LineIndex {
            starts: exact(starts),
            marks: exact(marks),
        }
    }

    /// The last column mark at or before `offset` on the line starting at `start`, else the
    /// line start itself: `(offset, column)`.
    fn mark_before(&self, start: usize, offset: usize) -> (usize, usize) {
        let i = self.marks.partition_point(|&(at, _)| at <= offset);
        match i.checked_sub(1).and_then(|i| self.marks.get(i)) {
            Some(&(at, column)) if at >= start => (at, column),
            _ => (start, 0),
        }
    }

    /// Number of lines (a text without a final newline still has its last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i).copied())
    }

    /// The position of byte `offset` in `text`. Offsets inside a multi-byte character or
    /// past the end are clamped to the previous character boundary.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (from, before) = self.mark_before(self.starts[line_idx], offset);
        let column = before + text[from..offset].chars().count() + 1;
        Position {
            line: line_idx + 1,
            column,
        }
    }

    /// The byte offset of a position, the inverse of [`LineIndex::position`].
    pub fn offset(&self, text: &str, pos: Position) -> Option<usize> {
        let start = self.line_start(pos.line)?;
        let end = self
            .starts
            .get(pos.line)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        text.get(start..end)?;
        let col = pos.column.checked_sub(1)?;
        // The last mark of this line whose column is at most `col`.
        let lo = self.marks.partition_point(|&(at, _)| at < start);
        let hi = self.marks.partition_point(|&(at, _)| at < end);
        let line_marks = self.marks.get(lo..hi).unwrap_or_default();
        let k = line_marks.partition_point(|&(_, c)| c <= col);
        let (from, before) = k
            .checked_sub(1)
            .and_then(|k| line_marks.get(k))
            .copied()
            .unwrap_or((start, 0));
        let rest = text.get(from..end)?;
        let want = col - before;
        match rest.char_indices().nth(want) {
            Some((i, _)) => Some(from + i),
            None if rest.chars().count() == want => Some(end),
            None => None,
        }
    }

    /// The byte range of 1-based `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = self.line_start(line)?;
        let mut end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some(start..end)
    }
}

/// Iterates over the lines of `text` as byte spans without terminators.
pub fn line_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let index = LineIndex::new(text);
    (1..=index.line_count()).filter_map(move |l| index.line_span(text, l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn exact_leaves_no_spare_room_and_keeps_the_items() {
        let mut v: Vec<u32> = Vec::new();
        for i in 0..1000 {
            v.push(i);
        }
        assert!(v.capacity() > v.len());
        let v = exact(v);
        assert_eq!(v.capacity(), v.len());
        assert_eq!(v, (0..1000).collect::<Vec<u32>>());
    }

    /// A list too large to copy for a moment keeps its buffer (#22).
    #[test]
    fn exact_keeps_a_large_buffer_in_place() {
        let mut v: Vec<u64> = Vec::with_capacity(EXACT_MAX_BYTES / 8 + 100);
        v.extend(0..EXACT_MAX_BYTES as u64 / 8);
        let at = v.as_ptr();
        let v = exact(v);
        assert_eq!(v.as_ptr(), at);
        assert_eq!(v.len(), EXACT_MAX_BYTES / 8);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "héllo\nwörld “x”";
        let idx = LineIndex::new(text);
        let off = text.find('x').unwrap();
        assert_eq!(idx.position(text, off), Position { line: 2, column: 8 });
    }

    #[test]
    fn crlf_and_lone_cr_both_end_lines() {
        let text = "a\r\nb\rc\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(text, text.find('d').unwrap()).line, 4);
        assert_eq!(idx.line_span(text, 1), Some(0..1));
    }

    #[test]
    fn a_long_line_gets_column_marks_on_char_boundaries() {
        let text = "é".repeat(3000) + "\nshort\n" + &"x".repeat(2500);
        let idx = LineIndex::new(&text);
        assert_eq!(idx.marks.len(), 5 + 2, "{:?}", idx.marks);
        assert!(idx.marks.iter().all(|&(at, _)| text.is_char_boundary(at)));
        let last = text.len() - 1;
        assert_eq!(
            idx.position(&text, last),
            Position {
                line: 3,
                column: 2500
            }
        );
        assert_eq!(
            idx.position(&text, 6000),
            Position {
                line: 1,
                column: 3001
            }
        );
        assert_eq!(idx.position(&text, 6001), Position { line: 2, column: 1 });
        assert_eq!(
            idx.position(&text, 2050),
            Position {
                line: 1,
                column: 1026
            }
        );
        assert_eq!(
            idx.offset(
                &text,
                Position {
                    line: 1,
                    column: 3001
                }
            ),
            Some(6000)
        );
        assert_eq!(
            idx.offset(
                &text,
                Position {
                    line: 1,
                    column: 3002
                }
            ),
            Some(6001)
        );
        assert_eq!(
            idx.offset(
                &text,
                Position {
                    line: 1,
                    column: 3003
                }
            ),
            None
        );
    }

    const PHRASES: [&str; 6] = [
        "hundreds of",
        "scores",
        "several thousand",
        "the defence ministry",
        "aa",
        "Ré",
    ];

    #[test]
    fn a_phrase_filter_marks_only_spans_a_phrase_can_reach() {
        let f = PhraseFilter::new(&PHRASES);
        let text = "Scores fled. Nobody spoke. Several Thousand came. The ré vote.";
        let lower = text.to_ascii_lowercase();
        let spans = [0..12, 13..26, 27..49, 50..text.len()];
        assert_eq!(f.spans(&lower, &spans), [true, false, true, true]);
        // an occurrence over a span boundary marks both spans
        assert_eq!(f.spans("xaax", &[0..2, 2..4]), [true, true]);
        // unsorted spans: no claim is made
        assert_eq!(f.spans(&lower, &[13..26, 0..12]), [true, true]);
        // an empty phrase can match anywhere
        assert_eq!(
            PhraseFilter::new(&["", "scores"]).spans("xy", &[0..1, 1..2]),
            [true, true]
        );
    }

    proptest! {
        #[test]
        fn a_phrase_filter_never_hides_a_match(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "hundreds", "of", "Of", "scores", "SCORES", "several", "thousand",
                    "the", "defence", "Ministry", "a", "aa", "ré", "Ré", "RÉ", "x", " ", ".",
                ]),
                0..40,
            ),
            cuts in prop::collection::vec(0usize..200, 0..8),
        ) {
            let text: String = words.iter().flat_map(|w| [*w, " "]).collect();
            let lower = text.to_ascii_lowercase();
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c % (text.len() + 1))
                .filter(|&c| text.is_char_boundary(c))
                .chain([0, text.len()])
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            let spans: Vec<Span> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(PHRASES)
                .expect("phrases build");
            let hit = PhraseFilter::new(&PHRASES).spans(&lower, &spans);
            for (span, hit) in spans.iter().zip(hit) {
                let found = ac.is_match(&text[span.clone()]) || ac.is_match(&lower[span.clone()]);
                prop_assert!(hit || !found, "{:?} in {:?}", span, text);
            }
        }

        #[test]
        fn position_round_trips_with_column_marks(
            text in "(\\PC{0,60}(\r\n|\r|\n)?){0,6}",
            stride in 1usize..8,
            pick in 0usize..400,
        ) {
            let idx = LineIndex::with_stride(&text, stride);
            let plain = LineIndex::with_stride(&text, usize::MAX / 2);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let off = boundaries[pick % boundaries.len()];
            let pos = idx.position(&text, off);
            prop_assert_eq!(pos, plain.position(&text, off));
            prop_assert_eq!(idx.offset(&text, pos), Some(off));
        }

        #[test]
        fn position_round_trips(text in "\\PC{0,40}(\n\\PC{0,20}){0,4}", pick in 0usize..200) {
            let idx = LineIndex::new(&text);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let off = boundaries[pick % boundaries.len()];
            let pos = idx.position(&text, off);
            prop_assert_eq!(idx.offset(&text, pos), Some(off));
        }
    }
}

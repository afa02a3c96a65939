//! Candidate sentence boundaries of one paragraph, found by a fast byte scan.
//!
//! The candidates are those of UAX #29 (a run of terminators, its closing quotes and
//! brackets, then spaces), found without running the full UAX #29 state machine over
//! the text: only bytes that can start a terminator are looked at. [`super::repair`]
//! decides which candidates are boundaries; unusual scripts are handed to the UAX #29
//! implementation of `unicode-segmentation` through [`uax29_breaks_at`].
//!
//! Besides terminators, the paragraph's structure makes boundaries of its own
//! ([`Structure`]): a line that is a headline, a label or a list item ends a sentence even
//! without final punctuation, and list markers and bullets in the middle of a line start
//! one ("1.) The first item 2.) The second item").

use unicode_segmentation::UnicodeSegmentation;

/// A boundary: the previous sentence ends at `end`, the next starts at or after `next`.
/// Bytes in `end..next` are whitespace. Offsets are relative to the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut {
    /// Where the previous sentence ends (exclusive).
    pub(crate) end: usize,
    /// Where the next sentence may start.
    pub(crate) next: usize,
}

/// A run of sentence terminators with its closing punctuation and the space after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    /// First terminator byte.
    pub(crate) start: usize,
    /// After the first terminator character.
    pub(crate) first_end: usize,
    /// After the terminators and closing quotes or brackets: where a sentence would end.
    pub(crate) end: usize,
    /// After the whitespace that follows `end` (equal to `end` when there is none).
    pub(crate) next: usize,
    /// Full stops in the run; a `…` counts as three.
    pub(crate) dots: usize,
    /// Whether the run holds a `!`, `?` or another non-period terminator.
    pub(crate) stops: bool,
    /// Whether the run holds a terminator outside ASCII (`。`, `！`, `।`).
    pub(crate) wide: bool,
    /// Whether full stops are separated by single spaces (". . .").
    pub(crate) spaced: bool,
    /// Whether whitespace follows the run: `end < next`.
    pub(crate) has_space: bool,
}

/// Whether `c` ends a sentence (UAX #29 STerm or ATerm, the common ones).
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '।'
            | '॥'
            | '։'
            | '።'
    )
}

/// Whether `c` may close a sentence after its terminator (UAX #29 Close, plus quotes).
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '］'
            | '〉'
            | '》'
    )
}

/// Whether `c` may open a sentence before its first word.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '„'
    )
}

/// Whether `c` is a list bullet.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '▸'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// Bytes that can start a terminator: the ASCII ones and the lead bytes of the others.
static MAY_START_TERMINATOR: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xD6] = true; // ։
    t[0xD8] = true; // ؟
    t[0xE0] = true; // । ॥
    t[0xE1] = true; // ።
    t[0xE2] = true; // … ‼ ⁇ ⁈ ⁉
    t[0xE3] = true; // 。
    t[0xEF] = true; // ！ ？ ｡
    t
};

/// The terminator runs of `p`, in order.
pub(crate) fn runs(p: &str) -> Runs<'_> {
    Runs { p, at: 0 }
}

/// Iterator over the terminator runs of a paragraph.
pub(crate) struct Runs<'a> {
    p: &'a str,
    at: usize,
}

impl Iterator for Runs<'_> {
    type Item = Run;

    fn next(&mut self) -> Option<Run> {
        let p = self.p;
        let bytes = p.as_bytes();
        loop {
            let rel = bytes
                .get(self.at..)?
                .iter()
                .position(|&b| MAY_START_TERMINATOR[usize::from(b)])?;
            let i = self.at + rel;
            let c = p.get(i..).and_then(|s| s.chars().next())?;
            self.at = i + c.len_utf8();
            if !is_terminator(c) {
                continue;
            }
            let run = scan_run(p, i, c);
            self.at = run.end.max(self.at);
            return Some(run);
        }
    }
}

/// Reads the run that starts with terminator `c` at `i`.
fn scan_run(p: &str, i: usize, c: char) -> Run {
    let mut run = Run {
        start: i,
        first_end: i + c.len_utf8(),
        end: i,
        next: i,
        dots: 0,
        stops: false,
        wide: false,
        spaced: false,
        has_space: false,
    };
    let mut j = i;
    loop {
        let rest = &p[j..];
        let Some(c) = rest.chars().next() else { break };
        if is_terminator(c) {
            match c {
                '.' => run.dots += 1,
                '…' => run.dots += 3,
                _ => run.stops = true,
            }
            run.wide |= !c.is_ascii() && c != '…';
            j += c.len_utf8();
            continue;
        }
        // ". . ." written with single spaces between the stops.
        if c == ' ' && rest.as_bytes().get(1) == Some(&b'.') && run.dots > 0 {
            let after = rest[2..].chars().next();
            if after.is_none_or(|a| a == ' ' || a == '.' || is_closer(a) || is_terminator(a)) {
                run.spaced = true;
                run.dots += 1;
                j += 2;
                continue;
            }
        }
        if is_closer(c) {
            j += c.len_utf8();
            while let Some(c) = p[j..].chars().next().filter(|&c| is_closer(c)) {
                j += c.len_utf8();
            }
            if p[j..].chars().next().is_some_and(is_terminator) {
                continue;
            }
        }
        break;
    }
    run.end = j;
    let ws: usize = p[j..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    run.next = j + ws;
    run.has_space = ws > 0;
    run
}

/// The whitespace-delimited token that ends at `i` (empty when whitespace precedes `i`).
pub(crate) fn token_before(p: &str, i: usize) -> &str {
    let head = &p[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// The whitespace-delimited token that starts at `i`.
pub(crate) fn token_after(p: &str, i: usize) -> &str {
    let tail = &p[i..];
    let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
    &tail[..end]
}

/// Whether UAX #29 puts a sentence boundary at `at`, judged on `p[from..]` with a little
/// context after `at`.
pub(crate) fn uax29_breaks_at(p: &str, from: usize, at: usize) -> bool {
    let mut end = (at + 32).min(p.len());
    while !p.is_char_boundary(end) {
        end += 1;
    }
    let Some(window) = p.get(from..end) else {
        return false;
    };
    window
        .split_sentence_bound_indices()
        .any(|(k, _)| k > 0 && from + k == at)
}

/// How a list item is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// "1.)"
    NumberDotParen,
    /// "1)"
    NumberParen,
    /// "1."
    NumberDot,
    /// "a)"
    LetterParen,
    /// "a."
    LetterDot,
}

/// A list marker ("1.", "2.)", "b)") found in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    /// The position of its full stop, if it has one.
    dot: Option<usize>,
    style: Style,
    value: u32,
    /// At the start of a line, or right after a bullet.
    leading: bool,
    /// Right after a bullet that is not at the start of a line (the bullet makes the cut).
    after_bullet: bool,
}

/// What the layout of a paragraph says about its sentences.
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// Boundaries from line breaks, bullets and list markers, sorted.
    pub(crate) cuts: Vec<Cut>,
    /// Full stops that belong to list markers and never end a sentence, sorted.
    pub(crate) marker_dots: Vec<usize>,
}

impl Structure {
    /// Whether the full stop at `i` belongs to a list marker.
    pub(crate) fn is_marker_dot(&self, i: usize) -> bool {
        self.marker_dots.binary_search(&i).is_ok()
    }
}

/// Finds the layout boundaries of paragraph `p`.
pub(crate) fn structure(p: &str) -> Structure {
    let mut out = Structure::default();
    let lines = line_spans(p);
    let markers = markers(p);
    bullets(p, &mut out.cuts);
    let mut expected: [Option<u32>; 5] = [None; 5];
    for m in &markers {
        let slot = m.style as usize;
        let accepted = if m.leading {
            true
        } else {
            expected[slot] == Some(m.value)
        };
        if !accepted {
            continue;
        }
        expected[slot] = Some(m.value + 1);
        if let Some(d) = m.dot {
            out.marker_dots.push(d);
        }
        if !m.leading && !m.after_bullet {
            out.cuts.push(cut_before(p, m.start));
        }
    }
    hard_line_breaks(p, &lines, &markers, &mut out.cuts);
    out.cuts.sort_by_key(|c| (c.end, c.next));
    out.cuts.dedup();
    out.marker_dots.sort_unstable();
    out
}

/// A cut that makes `at` start a sentence.
fn cut_before(p: &str, at: usize) -> Cut {
    let end = p[..at].trim_end().len();
    Cut { end, next: at }
}

/// Byte spans of the lines of `p` without their terminators (`\n`, `\r\n`, `\r`).
fn line_spans(p: &str) -> Vec<(usize, usize)> {
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            continue; // the `\n` of a `\r\n`
        }
        out.push((start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    out.push((start, bytes.len()));
    out
}

/// Mid-line bullets ("… first item • 10. The second …") start a sentence.
fn bullets(p: &str, cuts: &mut Vec<Cut>) {
    // Every bullet is in U+2000..U+2FFF, whose UTF-8 starts with 0xE2.
    for i in memchr::memchr_iter(0xE2, p.as_bytes()) {
        let Some(c) = p.get(i..).and_then(|s| s.chars().next()) else {
            continue;
        };
        if !is_bullet(c) || p[..i].trim().is_empty() {
            continue;
        }
        let prev_space = p[..i].chars().next_back().is_some_and(char::is_whitespace);
        let next = p[i + c.len_utf8()..].chars().next();
        if prev_space && next.is_some_and(|n| n.is_whitespace() || n.is_ascii_digit()) {
            cuts.push(cut_before(p, i));
        }
    }
}

/// Every list marker of `p`: digits (up to three) or one lowercase letter, then `.)`, `)`
/// or `.`, then whitespace; preceded by the start, whitespace or a bullet.
fn markers(p: &str) -> Vec<Marker> {
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    for k in memchr::memchr2_iter(b'.', b')', bytes) {
        let (dot, close_end, paren) = match bytes[k] {
            b'.' if bytes.get(k + 1) == Some(&b')') => (Some(k), k + 2, true),
            b'.' => (Some(k), k + 1, false),
            _ if k > 0 && bytes[k - 1] == b'.' => continue, // handled at the '.'
            _ => (None, k + 1, true),
        };
        if bytes
            .get(close_end)
            .is_some_and(|b| !b.is_ascii_whitespace())
        {
            continue;
        }
        let digits = bytes[..k]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let (start, style, value) = if (1..=3).contains(&digits) {
            let start = k - digits;
            let value: u32 = p[start..k].parse().unwrap_or(0);
            let style = match (dot.is_some(), paren) {
                (true, true) => Style::NumberDotParen,
                (false, _) => Style::NumberParen,
                (true, false) => Style::NumberDot,
            };
            (start, style, value)
        } else if digits == 0
            && k > 0
            && bytes[k - 1].is_ascii_lowercase()
            && dot.is_some() != paren
        {
            let style = if paren {
                Style::LetterParen
            } else {
                Style::LetterDot
            };
            (k - 1, style, u32::from(bytes[k - 1] - b'a') + 1)
        } else {
            continue;
        };
        let before = p[..start].chars().next_back();
        let after_bullet = before.is_some_and(is_bullet)
            || (before == Some(' ') && p[..start - 1].chars().next_back().is_some_and(is_bullet));
        if !(before.is_none() || before.is_some_and(char::is_whitespace) || after_bullet) {
            continue;
        }
        let line_head = p[..start].trim_end_matches([' ', '\t']);
        let line_head = line_head.trim_end_matches(is_bullet);
        let line_head = line_head.trim_end_matches([' ', '\t']);
        let at_line_start = line_head.is_empty() || line_head.ends_with(['\n', '\r']);
        let bulleted_mid_line = after_bullet && !at_line_start;
        out.push(Marker {
            start,
            dot,
            style,
            value,
            leading: at_line_start || after_bullet,
            after_bullet: bulleted_mid_line,
        });
    }
    out
}

/// Line breaks that end a sentence although no terminator precedes them: before a list
/// item, and after a headline, label or other short line without final punctuation when
/// the next line starts a new block. A break inside hard-wrapped prose is not one.
fn hard_line_breaks(p: &str, lines: &[(usize, usize)], markers: &[Marker], cuts: &mut Vec<Cut>) {
    if lines.len() < 2 {
        return;
    }
    let widest = lines
        .iter()
        .map(|&(s, e)| p[s..e].trim().chars().count())
        .max()
        .unwrap_or(0);
    let all_short = lines
        .iter()
        .all(|&(s, e)| p[s..e].split_whitespace().nth(3).is_none());
    for pair in lines.windows(2) {
        let [(ls, le), (ns, ne)] = [pair[0], pair[1]];
        let line = p[ls..le].trim();
        let next_raw = &p[ns..ne];
        let next = next_raw.trim_start();
        let next_start = ns + (next_raw.len() - next.len());
        if line.is_empty() || next.is_empty() {
            continue;
        }
        let end = ls + (p[ls..le].trim_end().len());
        let cut = Cut {
            end,
            next: next_start,
        };
        if starts_list_item(next)
            || label(next).is_some()
            || markers.iter().any(|m| m.start == next_start)
        {
            cuts.push(cut);
            continue;
        }
        if line.trim_end_matches(is_closer).ends_with(is_terminator) {
            continue; // the terminator run decides
        }
        let last = line.chars().next_back();
        if last.is_some_and(|c| matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '&' | '/'))
        {
            continue;
        }
        if all_short {
            cuts.push(cut); // a menu or tag list: "features\ncontact manager\nevents"
            continue;
        }
        let Some(first) = next.chars().find(|&c| !is_opener(c)) else {
            continue;
        };
        if !(first.is_uppercase() || first.is_ascii_digit()) {
            continue;
        }
        let short = line.chars().count() * 10 < widest * 7;
        if short || is_title_case(line) {
            cuts.push(cut);
        }
    }
}

/// Words of a label ("Madison, Wisconsin:"), at most.
const MAX_LABEL_WORDS: usize = 4;

/// The label opening a labelled line ("Port Elden: 12,500", "Alder Bay, Westmark: 9,000"):
/// its span, and where the text after the colon starts. A label is a few capitalised
/// words without digits, followed by a colon and text that opens with a digit or a
/// capital ("More than 200,000").
pub(crate) fn label(line: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let mut words = 0;
    for w in name.split_whitespace() {
        words += 1;
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || words > MAX_LABEL_WORDS || w.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    let after = &line[colon + 1..];
    let rest = colon + 1 + (after.len() - after.trim_start().len());
    let text_after = rest > colon + 1
        && line[rest..].starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase());
    (words > 0 && text_after).then_some((0..name.trim_end().len(), rest))
}

/// Whether a line starts with a bullet or a dash used as one ("- item", "• item").
fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if is_bullet(c) => true,
        Some('-' | '*' | '–') => chars.next() == Some(' '),
        _ => false,
    }
}

/// Whether most longer words of `line` are capitalised, as in a headline.
fn is_title_case(line: &str) -> bool {
    let mut long = 0;
    let mut capitalised = 0;
    for w in line.split_whitespace() {
        let w = w.trim_start_matches(is_opener);
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        long += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    long >= 2 && capitalised * 5 >= long * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_texts(p: &str) -> Vec<(&str, &str)> {
        runs(p)
            .map(|r| (&p[r.start..r.end], &p[r.end..r.next]))
            .collect()
    }

    #[test]
    fn a_run_takes_closing_quotes_and_the_space_after_it() {
        assert_eq!(
            run_texts("He said \"no.\" Then left?! Ok"),
            vec![(".\"", " "), ("?!", " ")]
        );
    }

    #[test]
    fn spaced_stops_form_one_run() {
        let p = "it was . . . . Next";
        let r: Vec<Run> = runs(p).collect();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].dots, 4);
        assert!(r[0].spaced);
    }

    #[test]
    fn non_ascii_terminators_are_runs_too() {
        let r: Vec<Run> = runs("你好。世界！ Բարև։ …").collect();
        assert_eq!(r.len(), 4);
        assert!(r[0].wide);
    }

    #[test]
    fn tokens_around_a_position() {
        let p = "in the U.S. How";
        assert_eq!(token_before(p, 10), "U.S");
        assert_eq!(token_after(p, 12), "How");
    }

    #[test]
    fn uax29_is_consulted_for_other_scripts() {
        let p = "你好。世界";
        assert!(uax29_breaks_at(p, 0, "你好。".len()));
        assert!(!uax29_breaks_at(p, 0, "你".len()));
    }

    #[test]
    fn numbered_items_on_one_line_are_cut_before_each_marker() {
        let p = "1.) The first item 2.) The second item";
        let s = structure(p);
        assert_eq!(s.cuts, vec![Cut { end: 18, next: 19 }]);
        assert_eq!(s.marker_dots, vec![1, 20]);
    }

    #[test]
    fn a_number_out_of_sequence_is_not_a_marker() {
        let s = structure("1. Turnout rose by 3. Then it fell");
        assert!(s.cuts.is_empty());
        assert_eq!(s.marker_dots, vec![1]);
    }

    #[test]
    fn a_short_headline_line_ends_before_the_body() {
        let p = "Council Backs Budget\nThe city council voted on Monday to approve the plan.";
        assert_eq!(structure(p).cuts, vec![Cut { end: 20, next: 21 }]);
    }

    #[test]
    fn a_block_of_short_lines_is_one_sentence_per_line() {
        let p = "features\ncontact manager\nevents, activities";
        assert_eq!(structure(p).cuts.len(), 2);
    }

    #[test]
    fn a_headline_ending_in_a_quote_still_ends_at_the_line_break() {
        let p = "Minister Calls Ally A “True Friend”\nThe minister spoke at length on Friday about the visit and the parade.";
        assert_eq!(structure(p).cuts.len(), 1);
    }

    #[test]
    fn hard_wrapped_prose_has_no_line_cuts() {
        let p = "The council voted on Monday to approve a budget that\nSmith said was too large, and the mayor\nsigned it.";
        assert!(structure(p).cuts.is_empty());
    }
}

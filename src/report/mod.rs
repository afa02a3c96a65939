//! Report: pure functions from an analysis to text. Human (colour only when asked),
//! JSON (stable, versioned) and Markdown; lint diagnostics live in `diagnostics` and
//! `sarif`. Renderers never query the terminal or the environment: colour and width come
//! in through [`RenderOptions`].

pub mod diagnostics;
pub mod human;
pub mod json;
pub mod markdown;
pub mod model;
pub mod sarif;

use crate::lint::Diagnostic;
use crate::pipeline::Analysis;

/// What the lint renderers show: the analysis (draft and sources) and the diagnostics
/// left after suppression.
#[derive(Debug, Clone, Copy)]
pub struct LintReport<'a> {
    /// The analysis; the draft is one of its sources.
    pub analysis: &'a Analysis,
    /// Index of the draft among the sources.
    pub draft: usize,
    /// Diagnostics on the draft, in draft order.
    pub diagnostics: &'a [Diagnostic],
    /// How many diagnostics were silenced inline or by the allowlist.
    pub suppressed: usize,
}

/// How to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Emit ANSI colour.
    pub color: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            color: false,
            width: 100,
        }
    }
}

/// Escapes control, bidi-override and zero-width characters of untrusted scraped text
/// for a terminal. JSON keeps the exact text.
pub fn sanitize(s: &str) -> String {
    sanitize_map(s, false).0
}

/// [`sanitize`], keeping line breaks when `keep_lines`, and a map from every byte offset
/// of `s` (0..=len) to the matching offset of the result, so spans survive escaping.
pub(crate) fn sanitize_map(s: &str, keep_lines: bool) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = vec![0; s.len() + 1];
    for (i, c) in s.char_indices() {
        for m in map.iter_mut().skip(i).take(c.len_utf8()) {
            *m = out.len();
        }
        match c {
            '\n' if keep_lines => out.push('\n'),
            '\r' if keep_lines => {}
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_unsafe(c) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    map[s.len()] = out.len();
    (out, map)
}

/// Characters that can hide or reorder text on a terminal.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}' | '\u{00ad}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_bidi_and_zero_width_but_keeps_letters() {
        assert_eq!(
            sanitize("a\u{202e}b\u{200b}c\x1b[31m é"),
            "a\\u{202e}b\\u{200b}c\\u{1b}[31m é"
        );
    }

    #[test]
    fn sanitize_map_moves_spans_past_escapes() {
        let s = "\u{202e}ab\ncd";
        let (out, map) = sanitize_map(s, true);
        assert_eq!(out, "\\u{202e}ab\ncd");
        let a = s.find('a').unwrap();
        assert_eq!(&out[map[a]..map[a + 2]], "ab");
        assert_eq!(map[s.len()], out.len());
    }
}

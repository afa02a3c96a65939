//! The one place where outside text (articles, file names, metadata, manifest and record
//! fields) is made safe for a terminal or a line-oriented format.
//!
//! Input: any string. Output: the same text with every character that could move the
//! cursor, clear the screen, forge a line, hide or reorder text written as a visible
//! `\u{...}` escape; tabs and line breaks become spaces (or stay, for multi-line
//! snippets). JSON and SARIF keep the exact text: their encoders escape it.

/// `s` made safe for one line of a terminal.
pub fn escape(s: &str) -> String {
    escape_map(s, false).0
}

/// [`escape`], keeping line breaks when `keep_lines`, and a map from every byte offset
/// of `s` (0..=len) to the matching offset of the result, so spans survive escaping.
pub(crate) fn escape_map(s: &str, keep_lines: bool) -> (String, Vec<usize>) {
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

/// Characters that can hide, reorder or break text on a terminal: controls (C0, DEL,
/// C1, which start escape sequences), format characters (zero-width, bidi controls and
/// isolates, soft hyphen, byte-order mark, tag characters, interlinear annotation marks,
/// invisible operators) and the line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e007f}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_line_breaks_and_invisible_characters_are_made_visible() {
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("x.txt\nerror: forged"), "x.txt error: forged");
        assert_eq!(escape("p\u{2028}q\u{2029}"), "p\\u{2028}q\\u{2029}");
        assert_eq!(escape("t\u{e0041}\u{fff9}"), "t\\u{e0041}\\u{fff9}");
        assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escape("Zürich – “quoted”"), "Zürich – “quoted”");
    }

    #[test]
    fn the_map_points_every_offset_at_its_escaped_place() {
        let (out, map) = escape_map("a\u{7}b\nc", true);
        assert_eq!(out, "a\\u{7}b\nc");
        assert_eq!(map, [0, 1, 6, 7, 8, 9]);
    }
}

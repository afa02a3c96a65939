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

/// `text` with every terminal control sequence (`ESC [ ... m`, `ESC ] ... BEL`, the C1
/// forms, and the bare escape) blanked to spaces of the same byte length: offsets, lines
/// and columns stay those of the file, and no digit of a colour code becomes a figure.
/// An unterminated string sequence (`ESC ]` with no end) is blanked to the end of its line.
pub fn blank_control_sequences(text: String) -> String {
    if !text.contains('\u{1b}') && !text.contains('\u{9b}') && !text.contains('\u{9d}') {
        return text;
    }
    let mut bytes = text.into_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end = match (bytes[i], bytes.get(i + 1)) {
            (0x1b, Some(b'[')) => csi_end(&bytes, i + 2),
            (0xc2, Some(0x9b)) => csi_end(&bytes, i + 2),
            (0x1b, Some(b']' | b'P' | b'X' | b'^' | b'_')) => string_end(&bytes, i + 2),
            (0xc2, Some(0x9d)) => string_end(&bytes, i + 2),
            (0x1b, Some(&b)) if (0x20..=0x2f).contains(&b) => {
                let mut j = i + 1;
                while bytes.get(j).is_some_and(|b| (0x20..=0x2f).contains(b)) {
                    j += 1;
                }
                if bytes.get(j).is_some_and(|b| (0x30..=0x7e).contains(b)) {
                    j + 1
                } else {
                    j
                }
            }
            (0x1b, Some(&b)) if (0x30..=0x7e).contains(&b) => i + 2,
            (0x1b, _) => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        bytes[i..end].fill(b' ');
        i = end;
    }
    // only whole characters were replaced by ASCII, so this is UTF-8 still
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The end of a CSI sequence whose parameters start at `from`: parameter bytes, then
/// intermediate bytes, then one final byte (an ill-formed one ends before what breaks it).
fn csi_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while bytes.get(j).is_some_and(|b| (0x30..=0x3f).contains(b)) {
        j += 1;
    }
    while bytes.get(j).is_some_and(|b| (0x20..=0x2f).contains(b)) {
        j += 1;
    }
    if bytes.get(j).is_some_and(|b| (0x40..=0x7e).contains(b)) {
        j + 1
    } else {
        j
    }
}

/// The end of a string sequence (OSC, DCS, ...) whose body starts at `from`: after BEL
/// or the string terminator (`ESC \\` or C1 `ST`), else at the end of the line.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < bytes.len() {
        match (bytes[j], bytes.get(j + 1)) {
            (0x07, _) => return j + 1,
            (0x1b, Some(b'\\')) | (0xc2, Some(0x9c)) => return j + 2,
            (b'\n' | b'\r', _) => return j,
            _ => j += 1,
        }
    }
    j
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
    fn control_sequences_are_blanked_to_the_same_length() {
        let text = "At least \u{1b}[38;5;196m300\u{1b}[0m died; \u{1b}]8;;http://x/9\u{7}link\u{1b}]8;;\u{1b}\\ \u{9b}31m4";
        let out = blank_control_sequences(text.to_owned());
        assert_eq!(out.len(), text.len());

        assert_eq!(out.matches(char::is_numeric).collect::<String>(), "3004");
        assert!(out.contains("link"));
        let plain = "No escapes here: 12 people.".to_owned();
        assert_eq!(blank_control_sequences(plain.clone()), plain);
        let open = "x \u{1b}]0;title 77\nnext 5";
        assert_eq!(
            blank_control_sequences(open.to_owned()),
            format!("x {}\nnext 5", " ".repeat(12))
        );
    }

    #[test]
    fn the_map_points_every_offset_at_its_escaped_place() {
        let (out, map) = escape_map("a\u{7}b\nc", true);
        assert_eq!(out, "a\\u{7}b\nc");
        assert_eq!(map, [0, 1, 6, 7, 8, 9]);
    }
}

//! Report: pure functions from an analysis to text. Human (colour only when asked),
//! JSON (stable, versioned) and Markdown; lint diagnostics live in `diagnostics` and
//! `sarif`. Renderers never query the terminal or the environment: colour and width come
//! in through [`RenderOptions`].

pub mod human;
pub mod json;
pub mod markdown;
pub mod model;

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
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') =>
            {
                out.push_str(&c.escape_unicode().to_string());
            }
            c => out.push(c),
        }
    }
    out
}

//! The page as a file: a line break before each block element, and the
//! Content-Security-Policy that names the page's own style and script by hash. Input: the
//! rendered markup; output: the bytes written.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The page's style sheet.
pub(super) const STYLE: &str = include_str!("style.css");
/// The page's script: filters, search, checked marks, keyboard moves.
pub(super) const SCRIPT: &str = include_str!("script.js");

/// The elements that start a line of the page: blocks whose surrounding white space
/// does not show (never an element of a source text, which keeps its white space).
const LINE_STARTS: [&str; 27] = [
    "<article",
    "<blockquote",
    "<body",
    "<div",
    "<fieldset",
    "<footer",
    "<form",
    "<h1",
    "<h2",
    "<h3",
    "<head",
    "<header",
    "<li",
    "<main",
    "<meta",
    "<nav",
    "<ol",
    "<p",
    "<script",
    "<section",
    "<style",
    "<table",
    "<tbody",
    "<thead",
    "<title",
    "<tr",
    "<ul",
];

/// `page` with a line break before each block element, so the file reads (and diffs) by
/// line. Every `<` of the page starts a tag (text is escaped); the style and script are
/// copied as they are.
pub(super) fn line_breaks(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 16);
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let starts_line = LINE_STARTS.iter().any(|t| {
            rest.strip_prefix(t)
                .is_some_and(|r| r.starts_with([' ', '>']))
        });
        if starts_line && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        // the style and script bodies are not markup
        let raw_end = ["<style>", "<script>"]
            .iter()
            .find(|t| rest.starts_with(*t))
            .and_then(|t| rest.find(&format!("</{}", &t[1..])));
        let take = raw_end.unwrap_or(1);
        out.push_str(&rest[..take]);
        rest = &rest[take..];
    }
    out.push_str(rest);
    out
}

/// The Content-Security-Policy of the page: nothing may be fetched, and only the page's
/// own style and script (named by hash) run.
pub(super) fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src 'none'; \
         base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(STYLE)
    )
}

/// `sha256-<base64>` of `text`, as a CSP source expression names an inline block.
pub(super) fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_hash_is_computed_like_a_browser_does() {
        // sha256 of "alert(1)", as CSP documentation gives it
        assert_eq!(
            csp_hash("alert(1)"),
            "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }
}

//! The HTML report: one self-contained page (inline style and script, no network) for a
//! fact-checker working in a browser. Input: an [`Analysis`]; output: the page, built with
//! `maud` from the same [`ReportView`] the JSON prints, plus what a reader needs to check
//! it by eye: each source's text (claims highlighted, boilerplate greyed) and its URL.
//!
//! Layout: the overview (story, sources, counts by verdict, one line per conflict), the
//! findings (claims side by side, figure marked in its sentence, attribution,
//! `path:line:column`, a link to the sentence in its source), then the sources' text,
//! each cited sentence with links back to its findings. Every finding has an anchor
//! `#finding-<id>` whose id is a hash of what the finding says, so it stays the same
//! across runs on the same inputs.
//!
//! Safety: maud escapes every string; scraped text also goes through
//! [`sanitize`](crate::report::sanitize), so a bidi or zero-width control shows as a
//! visible escape instead of reordering the page.
//! A Content-Security-Policy forbids every fetch, inline handlers and any script or style
//! but the page's own, which it allows by their SHA-256.
//!
//! Files: `page.rs` gathers what the page shows (source texts in pieces, finding ids,
//! claims split around their text), `markup.rs` renders it, `document.rs` breaks the
//! markup into lines and holds the style, the script and the policy that names them.

mod document;
mod markup;
mod page;

use std::io::{self, Write};

use super::model::ReportView;
use crate::pipeline::Analysis;
use document::line_breaks;
use page::Page;

/// Writes the HTML report.
pub fn render(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let view = ReportView::new(analysis);
    let page = Page::new(&view, analysis);
    out.write_all(line_breaks(&page.markup().into_string()).as_bytes())?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::document::{content_security_policy, csp_hash, SCRIPT, STYLE};
    use super::*;

    fn page_of_sample() -> String {
        let mut out = Vec::new();
        render(&crate::report::sample::analysis(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_policy_names_the_script_and_style_by_hash() {
        let page = page_of_sample();
        let csp = content_security_policy();
        assert!(page.contains(&csp.replace('\'', "&#39;")) || page.contains(&csp));
        assert!(csp.contains(&csp_hash(SCRIPT)));
        assert!(csp.starts_with("default-src 'none';"));
        // the script and style blocks are exactly the hashed text
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
        assert!(!SCRIPT.contains("</script"));
    }

    #[test]
    fn bidi_controls_show_as_escapes_and_claims_are_marked() {
        let page = page_of_sample();
        assert!(!page.contains('\u{202e}'));
        assert!(page.contains("\\u{202e}levee\\u{202c}"));
        assert!(page.contains("<mark>25 people</mark>"));
    }
}

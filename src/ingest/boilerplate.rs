//! Marks scraped-page noise (comment forms, share widgets, newsletter boxes, breadcrumbs,
//! wire codes) from the patterns of `claims/boilerplate.toml`, plus the page header above
//! the headline (mastheads and display dates). Marked spans never yield claims.

use super::Marked;
use crate::pack::Pack;
use crate::text::line_spans;

/// Marks boilerplate in `text`; `title_line` is the 1-based line of the headline, if found.
/// Returns sorted, non-overlapping spans.
pub(crate) fn mark(
    text: &str,
    pack: &Pack,
    title_line: Option<usize>,
    header_dates: &[usize],
) -> Vec<Marked> {
    let bp = &pack.boilerplate;
    let mut out: Vec<Marked> = Vec::new();
    for (i, span) in line_spans(text).enumerate() {
        let line_no = i + 1;
        let raw = &text[span.clone()];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let tspan = span.start + lead..span.start + lead + trimmed.len();
        if let Some(idx) = bp.tail.iter().position(|r| r.is_match(trimmed)) {
            out.push(Marked {
                span: tspan.start..text.len(),
                rule: format!("boilerplate.toml tail[{idx}]"),
            });
            break;
        }
        if let Some(idx) = bp.lines.iter().position(|r| r.is_match(trimmed)) {
            out.push(Marked {
                span: tspan,
                rule: format!("boilerplate.toml lines[{idx}]"),
            });
            continue;
        }
        if header_dates.contains(&line_no) {
            out.push(Marked {
                span: tspan,
                rule: "page header date".into(),
            });
            continue;
        }
        if title_line.is_some_and(|t| line_no < t) && is_masthead(trimmed) {
            out.push(Marked {
                span: tspan,
                rule: "page header above the headline".into(),
            });
            continue;
        }
        for (idx, r) in bp.inline.iter().enumerate() {
            for m in r.find_iter(trimmed) {
                out.push(Marked {
                    span: tspan.start + m.start()..tspan.start + m.end(),
                    rule: format!("boilerplate.toml inline[{idx}]"),
                });
            }
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by(|b, a| b.span.start < a.span.end);
    out
}

/// A short line without sentence punctuation above the headline: a site name or section.
fn is_masthead(line: &str) -> bool {
    line.split_whitespace().count() <= 4 && !line.ends_with(['.', '!', '?', '"', '”'])
}

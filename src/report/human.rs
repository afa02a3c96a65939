//! The human report: a header (sources, counts by verdict), then findings grouped by
//! verdict, conflicts first, each claim with `path:line:column`, outlet, attribution and
//! sentence.

use std::io::{self, Write};

use super::model::{ClaimView, ReportView};
use super::{sanitize, RenderOptions};
use crate::pipeline::Analysis;

/// Writes the human report.
pub fn render(analysis: &Analysis, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let view = ReportView::new(analysis);
    writeln!(
        out,
        "crosscheck report: {} sources, {} findings",
        view.sources.len(),
        view.findings.len()
    )?;
    for s in &view.sources {
        writeln!(
            out,
            "  {} {}{}{}",
            s.id,
            s.outlet
                .as_deref()
                .map(|o| format!("[{}] ", sanitize(o)))
                .unwrap_or_default(),
            s.published.as_deref().unwrap_or("date unknown"),
            s.title
                .as_deref()
                .map(|t| format!(" \"{}\"", sanitize(t)))
                .unwrap_or_default()
        )?;
    }
    if !view.counts.is_empty() {
        let counts: Vec<String> = crate::compare::Verdict::ALL
            .iter()
            .filter_map(|v| {
                view.counts
                    .get(v.as_str())
                    .map(|n| format!("{n} {}", v.as_str()))
            })
            .collect();
        writeln!(out, "  {}", counts.join(", "))?;
    }
    for f in &view.findings {
        writeln!(out)?;
        writeln!(out, "{}: {} ({})", f.verdict, sanitize(&f.summary), f.kind)?;
        writeln!(
            out,
            "  why: {} (confidence {:.2})",
            sanitize(&f.explanation),
            f.confidence
        )?;
        for c in &f.claims {
            write_claim(c, opts, out)?;
        }
    }
    Ok(())
}

fn write_claim(c: &ClaimView, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let _ = opts;
    writeln!(
        out,
        "  {}:{}:{} {}{}",
        c.path,
        c.line,
        c.column,
        sanitize(&c.text),
        c.attribution
            .as_deref()
            .map(|a| format!(" (per {})", sanitize(a)))
            .unwrap_or_default()
    )?;
    writeln!(out, "      {}", sanitize(&c.sentence))
}

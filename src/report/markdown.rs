//! The Markdown report, to paste into a ticket or a CMS note.

use std::io::{self, Write};

use super::model::ReportView;
use crate::pipeline::Analysis;

/// Writes the Markdown report.
pub fn render(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let view = ReportView::new(analysis);
    writeln!(out, "# crosscheck report\n")?;
    writeln!(
        out,
        "| source | outlet | published | title |\n| --- | --- | --- | --- |"
    )?;
    for s in &view.sources {
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            s.id,
            md(s.outlet.as_deref().unwrap_or("")),
            s.published.as_deref().unwrap_or(""),
            md(s.title.as_deref().unwrap_or(""))
        )?;
    }
    for f in &view.findings {
        writeln!(out, "\n## {}: {}\n", f.verdict, md(&f.summary))?;
        writeln!(
            out,
            "{} (confidence {:.2})\n",
            md(&f.explanation),
            f.confidence
        )?;
        for c in &f.claims {
            writeln!(
                out,
                "- `{}:{}:{}` **{}**: {}",
                c.path,
                c.line,
                c.column,
                md(&c.text),
                md(&c.sentence)
            )?;
        }
    }
    Ok(())
}

/// Escapes Markdown table and emphasis characters.
fn md(s: &str) -> String {
    super::sanitize(s)
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

//! `extract` and `segment` for people: the text formats written to a terminal.
//!
//! Input: an [`Analysis`] (and, for `extract --all-figures`, the figures of each source).
//! Output: lines of text, outside text sanitized for the terminal.

use std::io::{self, Write};

use crate::pipeline::Analysis;
use crate::report;

/// `segment --format lines`: each sentence on a line after its `path:line:column`.
pub(super) fn write_segment_lines(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    for (s, sentences) in analysis.sources.iter().zip(&analysis.sentences) {
        for x in sentences {
            let p = s.position(x.span.start);
            writeln!(
                out,
                "{}:{}:{}\t{}",
                report::sanitize(&s.path),
                p.line,
                p.column,
                report::sanitize(x.text(s))
            )?;
        }
    }
    Ok(())
}

/// `extract` for people: per source, its claims with their kind, value, event, scope and
/// credit, and with `--all-figures` every number read.
pub(super) fn write_extract(
    analysis: &Analysis,
    figures: Option<Vec<Vec<report::json::FigureView>>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut figures = figures.map(Vec::into_iter);
    for (s, e) in analysis.sources.iter().zip(&analysis.extractions) {
        writeln!(
            out,
            "{} ({} claims; dates resolved against {})",
            report::sanitize(&s.path),
            e.claims.len(),
            e.anchor.date.map_or_else(
                || "nothing".to_owned(),
                |d| format!("{d}, {}", e.anchor.basis)
            )
        )?;
        for c in &e.claims {
            let v = report::model::ClaimView::from_claim(c, s);
            let what = match (&v.kind, &v.number, &v.value) {
                (Some(k), _, Some(val)) => format!(
                    "{k} {} [{}, {}] {}{}",
                    v.unit.as_deref().unwrap_or(""),
                    val.min.map_or("-inf".into(), |x| serde_json::to_string(&x)
                        .unwrap_or_default()),
                    val.max.map_or("inf".into(), |x| serde_json::to_string(&x)
                        .unwrap_or_default()),
                    v.event.as_deref().unwrap_or("-"),
                    v.scope
                        .as_deref()
                        .map(|s| format!(" ({s})"))
                        .unwrap_or_default()
                ),
                (Some(k), _, None) => k.clone(),
                _ => String::new(),
            };
            writeln!(
                out,
                "  {}:{}\t{}\t{}{}",
                v.line,
                v.column,
                what,
                report::sanitize(&v.text),
                v.attribution
                    .as_deref()
                    .map(|a| format!("  <- {}", report::sanitize(a)))
                    .unwrap_or_default()
            )?;
        }
        if let Some(list) = figures.as_mut().and_then(Iterator::next) {
            write_figures(&list, out)?;
        }
    }
    Ok(())
}

/// `extract --all-figures`: each number read, `+` when it is a claim, `-` and why not.
fn write_figures(list: &[report::json::FigureView], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "  figures ({}):", list.len())?;
    let num = |x: Option<report::model::Num>| {
        x.map_or("-".to_owned(), |x| {
            serde_json::to_string(&x).unwrap_or_default()
        })
    };
    for f in list {
        let value = match (&f.number, &f.value) {
            (Some(n), _) => num(Some(*n)),
            (None, Some(v)) => format!("[{}, {}]", num(v.min), num(v.max)),
            (None, None) => "-".to_owned(),
        };
        writeln!(
            out,
            "  {} {}:{}\t{}{}\t{}{}",
            if f.claim { '+' } else { '-' },
            f.line,
            f.column,
            value,
            f.unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default(),
            report::sanitize(&f.text),
            f.why.map(|w| format!("  ({w})")).unwrap_or_default()
        )?;
    }
    Ok(())
}

//! Compiler-style lint diagnostics (annotate-snippets): the draft line with the claim
//! underlined, then each source line it was checked against, then a summary line.
//!
//! Untrusted text is escaped before it reaches the terminal, with spans moved to match.
//! Long lines (scraped paragraphs are often one line) are cut around the claim to the
//! width in [`RenderOptions`].

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{Level, Renderer, Snippet};

use super::{sanitize, sanitize_map, LintReport, RenderOptions};
use crate::compare::Evidence;
use crate::ingest::Source;
use crate::lint::{rules, severity_name, Diagnostic};
use crate::pack::Severity;
use crate::pipeline::Analysis;

/// Writes every diagnostic of a lint run, then a summary line.
pub fn render(
    report: &LintReport<'_>,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(opts.width.max(40));
    for d in report.diagnostics {
        write_one(d, report.analysis, &renderer, out)?;
        writeln!(out)?;
    }
    write_summary(report, opts, out)
}

/// A snippet's owned text, prepared so the borrowed `annotate_snippets` message can be
/// built over it.
struct Part {
    origin: String,
    text: String,
    line_start: usize,
    range: Range<usize>,
    label: String,
}

fn write_one(
    d: &Diagnostic,
    analysis: &Analysis,
    renderer: &Renderer,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sources = &analysis.sources;
    let Some(main) = part(&d.claim, sources, draft_label(d)) else {
        return Ok(());
    };
    let others: Vec<Part> = d
        .sources
        .iter()
        .filter_map(|e| {
            let s = sources.get(e.source)?;
            let date = analysis
                .extractions
                .get(e.source)
                .and_then(|x| x.anchor.date)
                .or_else(|| s.published());
            part(e, sources, source_label(s, date, e))
        })
        .collect();
    let title = sanitize(&d.message);
    let notes: Vec<String> = d
        .kind_file
        .iter()
        .map(|f| format!("the figure's claim kind is defined in `{f}`"))
        .chain(
            (d.rule == rules::UNSUPPORTED_FIGURE)
                .then(|| "check the figure against a source, or cite one that gives it".to_owned()),
        )
        .collect();
    let level = level_of(d.severity);
    // Error and Warning annotations carry no "info:" prefix on their labels: `^` under
    // an error's figure, `-` under everything else.
    let mark = if d.severity == Severity::Error {
        Level::Error
    } else {
        Level::Warning
    };
    let mut message = level
        .title(&title)
        .id(&d.rule)
        .snippet(snippet(&main, mark));
    for p in &others {
        message = message.snippet(snippet(p, Level::Warning));
    }
    for n in &notes {
        message = message.footer(Level::Note.title(n));
    }
    let rendered = renderer.render(message).to_string();
    writeln!(out, "{rendered}")
}

fn snippet(p: &Part, level: Level) -> Snippet<'_> {
    Snippet::source(&p.text)
        .origin(&p.origin)
        .line_start(p.line_start)
        .annotation(level.span(p.range.clone()).label(&p.label))
}

fn level_of(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Note => Level::Note,
    }
}

fn draft_label(d: &Diagnostic) -> String {
    match d.rule.as_str() {
        rules::CONFLICTING_FIGURE => "the draft's figure".into(),
        rules::UNSUPPORTED_FIGURE => "no source gives this figure".into(),
        rules::UNSUPPORTED_QUOTE => "this quote".into(),
        rules::NAME_MISMATCH => "this spelling".into(),
        _ => String::new(),
    }
}

/// "reuters (Reuters, 2021-03-26), per activist groups"; the date is the one the
/// analysis trusts (a scraped page date the text contradicts is not shown).
fn source_label(s: &Source, date: Option<jiff::civil::Date>, e: &Evidence) -> String {
    let mut meta: Vec<String> = Vec::new();
    if let Some(o) = &s.meta.outlet {
        meta.push(sanitize(&o.value));
    }
    if let Some(d) = date {
        meta.push(d.to_string());
    }
    let mut label = s.id.to_string();
    if !meta.is_empty() {
        label.push_str(&format!(" ({})", meta.join(", ")));
    }
    if let Some(a) = &e.attribution {
        label.push_str(&format!(", per {}", sanitize(a)));
    }
    label
}

/// The whole lines around `e`, escaped, with the span moved to match.
fn part(e: &Evidence, sources: &[Source], label: String) -> Option<Part> {
    let s = sources.get(e.source)?;
    let start = s.text_position(e.span.start);
    let end_line = s
        .text_position(e.span.end.max(e.span.start + 1).min(s.text.len()))
        .line;
    let first = s.lines.line_span(&s.text, start.line)?;
    let last = s.lines.line_span(&s.text, end_line.max(start.line))?;
    let chunk = first.start..last.end.max(first.start);
    let raw = s.text.get(chunk.clone())?;
    let (text, map) = sanitize_map(raw, true);
    let a = e.span.start.clamp(chunk.start, chunk.end) - chunk.start;
    let b = e.span.end.clamp(chunk.start, chunk.end) - chunk.start;
    let range = *map.get(a)?..*map.get(b)?;
    Some(Part {
        origin: sanitize(&s.path),
        text,
        // a web page's article is numbered from the page line where the claim stands
        line_start: s.position(e.span.start).line,
        range,
        label,
    })
}

fn write_summary(
    report: &LintReport<'_>,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sources = &report.analysis.sources;
    let draft = sources
        .get(report.draft)
        .map(|s| sanitize(&s.path))
        .unwrap_or_default();
    let against = sources.len().saturating_sub(1);
    let count = |sev: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == sev)
            .count()
    };
    let mut parts: Vec<String> = Vec::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Note] {
        let n = count(sev);
        if n > 0 {
            let name = severity_name(sev);
            parts.push(format!("{n} {name}{}", if n == 1 { "" } else { "s" }));
        }
    }
    let found = if parts.is_empty() {
        "no problems found".to_owned()
    } else {
        parts.join(", ")
    };
    let silenced = if report.suppressed > 0 {
        format!(" ({} silenced)", report.suppressed)
    } else {
        String::new()
    };
    let style = if !opts.color {
        anstyle::Style::new()
    } else if count(Severity::Error) > 0 {
        anstyle::AnsiColor::Red.on_default().bold()
    } else if count(Severity::Warning) > 0 {
        anstyle::AnsiColor::Yellow.on_default().bold()
    } else {
        anstyle::AnsiColor::Green.on_default().bold()
    };
    if !report.diagnostics.is_empty() {
        let dim = if opts.color {
            anstyle::Style::new().dimmed()
        } else {
            anstyle::Style::new()
        };
        writeln!(
            out,
            "{}to accept one after checking it, put `<!-- crosscheck-ignore RULE -->` on its line or the line before, or list `RULE: text` in an --allowlist file{}",
            dim.render(),
            dim.render_reset()
        )?;
    }
    writeln!(
        out,
        "{}{draft}: checked against {against} source{}: {found}{silenced}{}",
        style.render(),
        if against == 1 { "" } else { "s" },
        style.render_reset()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extraction;
    use crate::pack::Pack;
    use proptest::prelude::*;

    fn render_one(draft: &str, span: std::ops::Range<usize>, color: bool) -> String {
        let pack = Pack::default_pack();
        let sources = vec![
            Source::from_text("draft", "draft.md", draft, &pack),
            Source::from_text(
                "wire",
                "wire.txt",
                "Wire\n\nAt least 40 people died.\n",
                &pack,
            ),
        ];
        let analysis = Analysis {
            extractions: vec![Extraction::default(); 2],
            sentences: vec![Vec::new(); 2],
            sources,
            findings: Vec::new(),
        };
        let evidence = |source: usize, span: std::ops::Range<usize>| Evidence {
            source,
            sentence: span.clone(),
            span,
            number: None,
            value: None,
            unit: None,
            attribution: Some("a \u{202e}ministry".into()),
            quote: None,
            scope: None,
        };
        let diagnostics = vec![Diagnostic {
            severity: Severity::Warning,
            rule: rules::UNSUPPORTED_QUOTE.into(),
            message: "bad\u{1b}[31m quote".into(),
            claim: evidence(0, span),
            sources: vec![evidence(1, 6..24)],
            kind_file: None,
        }];
        let report = LintReport {
            analysis: &analysis,
            draft: 0,
            diagnostics: &diagnostics,
            suppressed: 0,
        };
        let mut out = Vec::new();
        render(&report, &RenderOptions { color, width: 60 }, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn snippet_escapes_untrusted_text_and_keeps_the_underline_on_the_claim() {
        let draft = "Title\n\nHe said \u{201c}we\u{202e} never left\u{201d} twice.\n";
        let start = draft.find("we").unwrap();
        let end = draft.find('\u{201d}').unwrap();
        let text = render_one(draft, start..end, false);
        assert!(
            !text.contains('\u{202e}') && !text.contains('\u{1b}'),
            "{text}"
        );
        insta::assert_snapshot!(text, @r"
        warning[unsupported_quote]: bad\u{1b}[31m quote
         --> draft.md:3:10
          |
        3 | He said “we\u{202e} never left” twice.
          |          --------------------- this quote
          |
         ::: wire.txt:3:1
          |
        3 | At least 40 people died.
          | ------------------ wire, per a \u{202e}ministry
          |

        to accept one after checking it, put `<!-- crosscheck-ignore RULE -->` on its line or the line before, or list `RULE: text` in an --allowlist file
        draft.md: checked against 1 source: 1 warning
        ");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        #[test]
        fn any_text_and_span_render_without_panicking(
            text in "\\PC{0,30}(\r?\n\t?\\PC{0,30}){0,3}",
            a in 0usize..120,
            b in 0usize..120,
            color: bool,
        ) {
            let len = text.len();
            let fix = |x: usize| {
                let mut x = x.min(len);
                while !text.is_char_boundary(x) { x -= 1; }
                x
            };
            let (a, b) = (fix(a.min(b)), fix(a.max(b)));
            let _ = render_one(&text, a..b, color);
        }
    }
}

//! The human report: a header (sources with outlet and date, counts by verdict), then
//! findings grouped by verdict, conflicts first. Each finding shows what it is about, why
//! (the explanation and the confidence), then every claim side by side: the source with
//! its outlet and date, the attribution chain, `path:line:column`, and the sentence with
//! the figure highlighted. Quote variants get a word diff.
//!
//! Colour only when [`RenderOptions::color`] says so; without it the figure is marked
//! `»…«` and the diff `[-…-]{+…+}`. Text is wrapped to [`RenderOptions::width`], and
//! every piece of scraped text goes through [`sanitize`].

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Effects, Style};

use super::model::{ClaimView, FindingView, ReportView, SourceView};
use super::{claims_of, sanitize, RenderOptions};
use crate::compare::{DiffOp, DiffPart, Verdict};
use crate::pipeline::Analysis;

/// Writes the human report.
pub fn render(analysis: &Analysis, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let view = ReportView::new(analysis);
    let p = Painter::new(opts);
    write_header(&view, &p, out)?;
    let sources: BTreeMap<&str, &SourceView> =
        view.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for (verdict, findings) in super::by_verdict(&view, analysis) {
        writeln!(out)?;
        let heading = format!("{} ({})", heading(verdict), findings.len());
        let rule_len = p.width.min(80).saturating_sub(heading.chars().count() + 4);
        writeln!(
            out,
            "{} {}",
            p.paint(&format!("── {heading}"), p.verdict(verdict).bold()),
            p.paint(&"─".repeat(rule_len), p.dim())
        )?;
        for (f, finding) in findings {
            writeln!(out)?;
            let claims = claims_of(finding, &analysis.sources);
            write_finding(f, &claims, verdict, &sources, &p, out)?;
        }
    }
    Ok(())
}

fn write_header(view: &ReportView, p: &Painter, out: &mut dyn Write) -> io::Result<()> {
    let n = view.sources.len();
    let f = view.findings.len();
    writeln!(
        out,
        "{}",
        p.paint(
            &format!(
                "crosscheck report: {n} source{}, {f} finding{}",
                plural(n),
                plural(f)
            ),
            Style::new().bold()
        )
    )?;
    if !view.counts.is_empty() {
        let counts: Vec<String> = Verdict::ALL
            .iter()
            .filter_map(|v| {
                let c = *view.counts.get(v.as_str())?;
                Some(p.paint(&format!("{c} {}", label(*v, c)), p.verdict(*v)))
            })
            .collect();
        writeln!(out, "{}", wrap_words(&counts.join(" · "), p.width, "  "))?;
    }
    writeln!(out)?;
    let id_width = view
        .sources
        .iter()
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(0);
    for s in &view.sources {
        let mut known: Vec<String> = Vec::new();
        known.extend(s.outlet.as_deref().map(sanitize));
        known.extend(s.published.clone());
        let meta = if known.is_empty() {
            "no outlet or date found".to_owned()
        } else {
            known.join(", ")
        };
        let mut line = format!("  {:id_width$}  {meta}", sanitize(&s.id));
        if let Some(t) = &s.title {
            let room = p.width.saturating_sub(line.chars().count() + 3);
            if room > 12 {
                line.push_str(&format!("  {}", truncate(&sanitize(t), room)));
            }
        }
        writeln!(out, "{line}")?;
        if let Some(basis) = s
            .date_basis
            .as_deref()
            .filter(|b| b.contains("distrust") || b.contains("not the"))
        {
            let indent = " ".repeat(id_width + 4);
            writeln!(
                out,
                "{}",
                p.paint(
                    &wrap(&format!("date: {}", sanitize(basis)), p.width, &indent),
                    p.dim()
                )
            )?;
        }
    }
    if view.findings.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "No findings: the sources share no claims that could be compared."
        )?;
    }
    Ok(())
}

fn write_finding(
    f: &FindingView,
    claims: &[(ClaimView, Option<Range<usize>>)],
    verdict: Verdict,
    sources: &BTreeMap<&str, &SourceView>,
    p: &Painter,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        p.paint("▸", p.verdict(verdict)),
        p.paint(&sanitize(&f.summary), Style::new().bold())
    )?;
    let mut facts = vec![
        f.kind.clone(),
        format!("confidence {:.0}%", f.confidence * 100.0),
    ];
    if let Some(n) = f.independent_sources {
        facts.push(format!("{n} independent upstream source{}", plural(n)));
    }
    writeln!(
        out,
        "{}",
        p.paint(&wrap(&facts.join(" · "), p.width, "  "), p.dim())
    )?;
    writeln!(out, "{}", wrap(&sanitize(&f.explanation), p.width, "  "))?;
    if let Some(diff) = &f.diff {
        writeln!(out, "{}", p.paint("  word diff:", p.dim()))?;
        writeln!(out, "{}", wrap_words(&diff_words(diff, p), p.width, "    "))?;
    }
    let mut i = 0;
    while i < claims.len() {
        let (first, _) = &claims[i];
        // Claims of one source come together under one header; claims of one sentence
        // share it, each figure marked.
        let same_source = claims[i..]
            .iter()
            .take_while(|(c, _)| c.source == first.source)
            .count();
        writeln!(out)?;
        write_source(first, sources.get(first.source.as_str()).copied(), p, out)?;
        let group = &claims[i..i + same_source];
        let mut j = 0;
        while j < group.len() {
            let (c, _) = &group[j];
            let same_sentence = group[j..]
                .iter()
                .take_while(|(o, _)| o.line == c.line && o.sentence == c.sentence)
                .count();
            let sentence_claims = &group[j..j + same_sentence];
            for (o, _) in sentence_claims {
                write_place(o, p, out)?;
            }
            let ranges: Vec<Range<usize>> = sentence_claims
                .iter()
                .filter_map(|(o, h)| range_of(o, h.clone()))
                .collect();
            let words = highlighted(&c.sentence, &ranges, p, p.verdict(verdict));
            writeln!(out, "{}", wrap_words(&words, p.width, "    "))?;
            j += same_sentence;
        }
        i += same_source;
    }
    Ok(())
}

/// "wire · Northern Wire · 2024-05-02".
fn write_source(
    c: &ClaimView,
    source: Option<&SourceView>,
    p: &Painter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut who = vec![p.paint(&sanitize(&c.source), Style::new().bold())];
    if let Some(o) = source.and_then(|s| s.outlet.as_deref()) {
        who.push(sanitize(o));
    }
    if let Some(d) = source.and_then(|s| s.published.as_deref()) {
        who.push(d.to_owned());
    }
    writeln!(out, "{}", wrap_words(&who.join(" · "), p.width, "  "))
}

/// "path:line:column · per the attribution chain".
fn write_place(c: &ClaimView, p: &Painter, out: &mut dyn Write) -> io::Result<()> {
    let mut place = p.paint(
        &format!("{}:{}:{}", sanitize(&c.path), c.line, c.column),
        p.dim(),
    );
    if let Some(a) = &c.attribution {
        place.push_str(&format!(" · per {}", sanitize(a)));
    }
    writeln!(out, "{}", wrap_words(&place, p.width, "  "))
}

/// Where the claim's text lies in its sentence.
fn range_of(c: &ClaimView, highlight: Option<Range<usize>>) -> Option<Range<usize>> {
    let sentence = &c.sentence;
    highlight
        .filter(|r| sentence.get(r.clone()).is_some() && r.start < r.end)
        .or_else(|| {
            let at = sentence.find(c.text.as_str())?;
            Some(at..at + c.text.len()).filter(|r| r.start < r.end)
        })
}

/// The sentence with each claim's text marked (overlapping marks merge), one styled
/// run per word so wrapping never splits an escape sequence.
fn highlighted(sentence: &str, ranges: &[Range<usize>], p: &Painter, style: Style) -> String {
    let mut sorted: Vec<Range<usize>> = ranges.to_vec();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::new();
    let mut at = 0;
    for r in merged {
        let (Some(before), Some(mid)) = (sentence.get(at..r.start), sentence.get(r.clone())) else {
            continue;
        };
        out.push_str(&sanitize(before));
        let mid = sanitize(mid);
        if p.color {
            let words: Vec<String> = mid
                .split(' ')
                .map(|w| p.paint(w, style.bold().underline()))
                .collect();
            out.push_str(&words.join(" "));
        } else {
            out.push_str(&format!("»{mid}«"));
        }
        at = r.end;
    }
    out.push_str(&sanitize(sentence.get(at..).unwrap_or_default()));
    out
}

fn diff_words(diff: &[DiffPart], p: &Painter) -> String {
    diff.iter()
        .map(|d| {
            let text = sanitize(d.text.trim());
            match (d.op, p.color) {
                (DiffOp::Equal, _) => text,
                (DiffOp::Delete, true) => paint_words(
                    &text,
                    p,
                    AnsiColor::Red.on_default().effects(Effects::STRIKETHROUGH),
                ),
                (DiffOp::Insert, true) => {
                    paint_words(&text, p, AnsiColor::Green.on_default().underline())
                }
                (DiffOp::Delete, false) => format!("[-{text}-]"),
                (DiffOp::Insert, false) => format!("{{+{text}+}}"),
            }
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn paint_words(text: &str, p: &Painter, style: Style) -> String {
    text.split(' ')
        .map(|w| p.paint(w, style))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Wraps plain text with an indent on every line.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    wrap_words(text, width, indent)
}

/// Wraps text that may hold ANSI styles (textwrap ignores them when measuring).
fn wrap_words(text: &str, width: usize, indent: &str) -> String {
    let opts = textwrap::Options::new(width.max(20))
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false);
    textwrap::fill(text, opts)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn heading(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "Conflicts",
        Verdict::Progression => "Progressions",
        Verdict::DifferentScope => "Different scope",
        Verdict::AttributionVariant => "Attribution variants",
        Verdict::QuoteVariant => "Quote variants",
        Verdict::NameVariant => "Name variants",
        Verdict::Agreement => "Agreements",
    }
}

fn label(v: Verdict, n: usize) -> String {
    let one = match v {
        Verdict::Conflict => "conflict",
        Verdict::Progression => "progression",
        Verdict::DifferentScope => "different scope",
        Verdict::AttributionVariant => "attribution variant",
        Verdict::QuoteVariant => "quote variant",
        Verdict::NameVariant => "name variant",
        Verdict::Agreement => "agreement",
    };
    if n == 1 || v == Verdict::DifferentScope {
        one.to_owned()
    } else {
        format!("{one}s")
    }
}

/// Styles text only when colour is on.
struct Painter {
    color: bool,
    width: usize,
}

impl Painter {
    fn new(opts: &RenderOptions) -> Painter {
        Painter {
            color: opts.color,
            width: opts.width.max(40),
        }
    }

    fn paint(&self, text: &str, style: Style) -> String {
        if self.color && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    fn dim(&self) -> Style {
        Style::new().dimmed()
    }

    fn verdict(&self, v: Verdict) -> Style {
        let c = match v {
            Verdict::Conflict => AnsiColor::Red,
            Verdict::Progression => AnsiColor::Cyan,
            Verdict::DifferentScope => AnsiColor::Yellow,
            Verdict::AttributionVariant => AnsiColor::Blue,
            Verdict::QuoteVariant | Verdict::NameVariant => AnsiColor::Magenta,
            Verdict::Agreement => AnsiColor::Green,
        };
        c.on_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(opts: &RenderOptions) -> String {
        let mut out = Vec::new();
        render(&super::super::sample::analysis(), opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_report_marks_figures_and_has_no_escape_codes() {
        let text = rendered(&RenderOptions {
            color: false,
            width: 80,
        });
        assert!(!text.contains('\u{1b}'));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn colour_report_styles_the_figure_instead_of_marking_it() {
        let text = rendered(&RenderOptions {
            color: true,
            width: 80,
        });
        assert!(text.contains("\u{1b}["));
        assert!(!text.contains('»'));
    }

    #[test]
    fn two_figures_in_one_sentence_are_both_marked_once() {
        let p = Painter::new(&RenderOptions::default());
        let s = "killing 320 people, including 11 on Thursday";
        assert_eq!(
            highlighted(s, &[30..32, 8..18, 8..11], &p, Style::new()),
            "killing »320 people«, including »11« on Thursday"
        );
    }

    #[test]
    fn lines_fit_the_width() {
        let text = rendered(&RenderOptions {
            color: false,
            width: 50,
        });
        for line in text.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 50, "{line}");
        }
    }
}

//! The Markdown report, to paste into a ticket or a CMS note: a sources table, counts by
//! verdict, then one section per verdict (conflicts first) with each finding's claims as
//! quoted sentences, the figure in bold, and `path:line:column` for provenance.
//!
//! Scraped text is escaped twice over: terminal-unsafe characters by [`sanitize`], then
//! Markdown syntax, so a source cannot inject links, HTML or formatting into the note.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use super::model::{ClaimView, FindingView, ReportView, SourceView};
use super::{claims_of, sanitize};
use crate::compare::{DiffOp, Verdict};
use crate::pipeline::Analysis;

/// Writes the Markdown report.
pub fn render(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let view = ReportView::new(analysis);
    writeln!(out, "# crosscheck report\n")?;
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .filter_map(|v| {
            let c = *view.counts.get(v.as_str())?;
            Some(format!("{c} {}", v.as_str().replace('_', " ")))
        })
        .collect();
    writeln!(
        out,
        "{} sources, {} findings{}\n",
        view.sources.len(),
        view.findings.len(),
        if counts.is_empty() {
            String::new()
        } else {
            format!(": {}", counts.join(", "))
        }
    )?;
    writeln!(
        out,
        "| source | outlet | published | title |\n| --- | --- | --- | --- |"
    )?;
    for s in &view.sources {
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            code(&s.id).replace('|', "\\|"),
            md(s.outlet.as_deref().unwrap_or("")),
            s.published.as_deref().unwrap_or("unknown"),
            md(s.title.as_deref().unwrap_or(""))
        )?;
    }
    let sources: BTreeMap<&str, &SourceView> =
        view.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    for (verdict, findings) in super::by_verdict(&view, analysis) {
        writeln!(out, "\n## {} ({})", title(verdict), findings.len())?;
        for (f, finding) in findings {
            let claims = claims_of(finding, &analysis.sources);
            write_finding(f, &claims, &sources, out)?;
        }
    }
    Ok(())
}

fn write_finding(
    f: &FindingView,
    claims: &[(ClaimView, Option<Range<usize>>)],
    sources: &BTreeMap<&str, &SourceView>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "\n### {}\n", md(&f.summary))?;
    let mut facts = vec![
        format!("`{}`", code(&f.kind)),
        format!("confidence {:.0}%", f.confidence * 100.0),
    ];
    if let Some(n) = f.independent_sources {
        facts.push(format!(
            "{n} independent upstream source{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    writeln!(out, "{} — {}\n", md(&f.explanation), facts.join(" · "))?;
    if let Some(diff) = &f.diff {
        let words: Vec<String> = diff
            .iter()
            .map(|d| {
                let t = md(d.text.trim());
                match d.op {
                    DiffOp::Equal => t,
                    DiffOp::Delete => format!("~~{t}~~"),
                    DiffOp::Insert => format!("**{t}**"),
                }
            })
            .filter(|t| !t.is_empty())
            .collect();
        writeln!(out, "Word diff: {}\n", words.join(" "))?;
    }
    for (c, highlight) in claims {
        let source = sources.get(c.source.as_str()).copied();
        write_claim(c, highlight.clone(), source, out)?;
    }
    Ok(())
}

fn write_claim(
    c: &ClaimView,
    highlight: Option<Range<usize>>,
    source: Option<&SourceView>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut who = vec![format!("**{}**", md(&c.source))];
    if let Some(o) = source.and_then(|s| s.outlet.as_deref()) {
        who.push(md(o));
    }
    if let Some(d) = source.and_then(|s| s.published.as_deref()) {
        who.push(d.to_owned());
    }
    if let Some(a) = &c.attribution {
        who.push(format!("per {}", md(a)));
    }
    writeln!(
        out,
        "- {} — `{}:{}:{}`",
        who.join(" · "),
        code(&c.path),
        c.line,
        c.column
    )?;
    writeln!(out, "  > {}", highlighted(c, highlight))
}

fn highlighted(c: &ClaimView, highlight: Option<Range<usize>>) -> String {
    let s = &c.sentence;
    match highlight
        .clone()
        .filter(|r| r.start < r.end && s.get(r.clone()).is_some())
    {
        Some(r) => format!(
            "{}**{}**{}",
            md(&s[..r.start]),
            md(s[r.clone()].trim()),
            md(&s[r.end..])
        ),
        None => md(s),
    }
}

fn title(v: Verdict) -> &'static str {
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

/// Escapes Markdown syntax (emphasis, links, HTML, tables, code) in untrusted text. A
/// word a renderer would turn into a link or a mention on its own (a bare URL, a
/// `www.` address, an `@name` or an e-mail address) is set as a code span, which no
/// renderer links.
fn md(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len());
    for (i, word) in clean.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if would_link(word) {
            out.push('`');
            out.push_str(&word.replace('`', "'").replace('|', "\\|"));
            out.push('`');
            continue;
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Whether a renderer (GitHub's, GitLab's) would link `word` by itself.
fn would_link(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.contains("://")
        || lower.contains("www.")
        || lower.starts_with("mailto:")
        || word.contains('@')
}

/// Text for inside a code span: no backticks (they would close it).
fn code(s: &str) -> String {
    sanitize(s).replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_report_of_the_sample() {
        let mut out = Vec::new();
        render(&super::super::sample::analysis(), &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }

    #[test]
    fn markdown_escapes_links_and_html() {
        assert_eq!(md("[x](e) <b>*"), "\\[x\\](e) \\<b\\>\\*");
        assert_eq!(md("[x](http://e)"), "`[x](http://e)`");
        assert_eq!(
            md("see www.example.org or @newsdesk, a|b"),
            "see `www.example.org` or `@newsdesk,` a\\|b"
        );
    }
}

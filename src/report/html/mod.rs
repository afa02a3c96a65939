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
//! Safety: maud escapes every string; scraped text also goes through [`sanitize`], so a
//! bidi or zero-width control shows as a visible escape instead of reordering the page.
//! A Content-Security-Policy forbids every fetch, inline handlers and any script or style
//! but the page's own, which it allows by their SHA-256.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use base64::Engine as _;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use sha2::{Digest, Sha256};

use super::model::{ClaimView, FindingView, ReportView, SourceView};
use super::{sanitize, sanitize_map};
use crate::compare::{DiffOp, Evidence, Verdict};
use crate::ingest::Source;
use crate::pipeline::Analysis;

/// The page's style sheet.
const STYLE: &str = include_str!("style.css");
/// The page's script: filters, search, checked marks, keyboard moves.
const SCRIPT: &str = include_str!("script.js");

/// Writes the HTML report.
pub fn render(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let view = ReportView::new(analysis);
    let page = Page::new(&view, analysis);
    out.write_all(line_breaks(&page.markup().into_string()).as_bytes())?;
    out.write_all(b"\n")
}

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
fn line_breaks(page: &str) -> String {
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
pub(crate) fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src 'none'; \
         base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(STYLE)
    )
}

/// `sha256-<base64>` of `text`, as a CSP source expression names an inline block.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page to render: the report view and, per source, what the page shows of it.
struct Page<'a> {
    view: &'a ReportView,
    story: String,
    sources: Vec<PageSource<'a>>,
    findings: Vec<PageFinding<'a>>,
}

/// A source: its view, its URL when it is a web address, and its text in pieces.
struct PageSource<'a> {
    view: &'a SourceView,
    anchor: String,
    /// The URL as given, and whether it is a web address to link.
    url: Option<(String, bool)>,
    pieces: Vec<Piece>,
}

/// A finding: its view, its stable id and its claims.
struct PageFinding<'a> {
    view: &'a FindingView,
    id: String,
    number: usize,
    claims: Vec<PageClaim<'a>>,
}

/// A claim: its view, its sentence split around the claim text, and the anchor of that
/// sentence in the source text.
struct PageClaim<'a> {
    view: &'a ClaimView,
    before: String,
    marked: String,
    after: String,
    source: usize,
    anchor: String,
}

/// A run of source text: plain, or a sentence a finding cites (with its anchor and the
/// findings that cite it).
enum Piece {
    Text(Vec<Run>),
    Sentence {
        anchor: String,
        cited_by: CitedBy,
        runs: Vec<Run>,
    },
}

/// The findings citing a sentence: each one's id and its number on the page.
type CitedBy = Vec<(String, usize)>;

/// Text with the same marks throughout.
struct Run {
    text: String,
    boilerplate: bool,
    /// Inside a cited claim: `Some(true)` when inside one that holds no other (a figure,
    /// marked strong), `Some(false)` when only inside larger ones (a statement around it).
    claim: Option<bool>,
}

impl<'a> Page<'a> {
    fn new(view: &'a ReportView, analysis: &'a Analysis) -> Page<'a> {
        let ids = finding_ids(&view.findings);
        // per source: the sentences cited (span -> citing findings) and the claim spans
        let mut cited: Vec<BTreeMap<(usize, usize), CitedBy>> =
            vec![BTreeMap::new(); analysis.sources.len()];
        let mut marks: Vec<Vec<Range<usize>>> = vec![Vec::new(); analysis.sources.len()];
        let evidence: Vec<Vec<&Evidence>> = analysis
            .findings
            .iter()
            .map(|f| {
                super::claims_with_evidence(f, &analysis.sources)
                    .into_iter()
                    .map(|(_, _, e)| e)
                    .collect()
            })
            .collect();
        for (n, (id, ev)) in ids.iter().zip(&evidence).enumerate() {
            for e in ev {
                let Some(c) = cited.get_mut(e.source) else {
                    continue;
                };
                let by = c.entry((e.sentence.start, e.sentence.end)).or_default();
                if !by.iter().any(|(i, _)| i == id) {
                    by.push((id.clone(), n + 1));
                }
                if let Some(m) = marks.get_mut(e.source) {
                    m.push(e.span.clone());
                }
            }
        }
        let mut anchors: Vec<BTreeMap<(usize, usize), String>> = Vec::new();
        let sources = view
            .sources
            .iter()
            .zip(&analysis.sources)
            .zip(cited)
            .zip(marks)
            .enumerate()
            .map(|(i, (((v, s), cited), marks))| {
                let (pieces, anchor_of) = pieces(i, s, &cited, &marks);
                anchors.push(anchor_of);
                PageSource {
                    view: v,
                    anchor: format!("src-{}", i + 1),
                    url: web_address(s),
                    pieces,
                }
            })
            .collect();
        let findings = view
            .findings
            .iter()
            .zip(ids)
            .zip(&evidence)
            .enumerate()
            .map(|(n, ((f, id), ev))| PageFinding {
                view: f,
                id,
                number: n + 1,
                claims: f
                    .claims
                    .iter()
                    .zip(ev)
                    .map(|(c, e)| {
                        let anchor = anchors
                            .get(e.source)
                            .and_then(|a| a.get(&(e.sentence.start, e.sentence.end)))
                            .cloned()
                            .unwrap_or_else(|| format!("src-{}", e.source + 1));
                        let (before, marked, after) = split_sentence(c, e);
                        PageClaim {
                            view: c,
                            before,
                            marked,
                            after,
                            source: e.source,
                            anchor,
                        }
                    })
                    .collect(),
            })
            .collect();
        Page {
            view,
            story: story_name(&view.sources),
            sources,
            findings,
        }
    }

    fn markup(&self) -> Markup {
        let v = self.view;
        let title = format!("crosscheck: {}", self.story);
        let csp = content_security_policy();
        let kinds: std::collections::BTreeSet<&str> =
            v.findings.iter().map(|f| f.kind.as_str()).collect();
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta http-equiv="Content-Security-Policy" content=(csp);
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light dark";
                    meta name="referrer" content="no-referrer";
                    meta name="generator" content=(v.schema);
                    title { (title) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    a.skip href="#findings" { "Skip to the findings" }
                    header {
                        h1 { "crosscheck report: " span.story { (self.story) } }
                        p.lede {
                            (plural(v.sources.len(), "source", "sources")) ", "
                            (plural(v.findings.len(), "finding", "findings"))
                            @if let Some(c) = v.counts.get("conflict") {
                                ", " strong { (plural(*c, "conflict", "conflicts")) }
                            }
                        }
                        nav aria-label="Sections" {
                            ul {
                                li { a href="#conflicts" { "Conflicts" } }
                                li { a href="#overview" { "Sources and counts" } }
                                li { a href="#findings" { "Findings" } }
                                li { a href="#texts" { "Source texts" } }
                            }
                        }
                    }
                    main {
                        (self.conflicts())
                        (self.overview())
                        (self.findings_section(&kinds))
                        (self.texts())
                    }
                    footer {
                        p {
                            "Made by crosscheck from the " code { (v.schema) }
                            " report: every finding here is in the JSON report of the same run. "
                            "Keys: " kbd { "j" } " / " kbd { "k" } " next / previous finding, "
                            kbd { "/" } " search, " kbd { "x" } " mark checked."
                        }
                    }
                    script { (PreEscaped(SCRIPT)) }
                }
            }
        }
    }

    fn conflicts(&self) -> Markup {
        let conflicts: Vec<&PageFinding<'_>> = self
            .findings
            .iter()
            .filter(|f| f.view.verdict == Verdict::Conflict.as_str())
            .collect();
        html! {
            section #conflicts aria-labelledby="conflicts-h" {
                h2 #conflicts-h.v-conflict { span.sym aria-hidden="true" { "✖" } " Conflicts (" (conflicts.len()) ")" }
                @if conflicts.is_empty() {
                    p { "No two sources give figures that cannot both hold." }
                } @else {
                    ol.conflicts {
                        @for f in &conflicts {
                            li { (self.conflict_line(f)) }
                        }
                    }
                }
            }
        }
    }

    /// One line: the figures, who gives each, and why they cannot both hold.
    fn conflict_line(&self, f: &PageFinding<'_>) -> Markup {
        let by_source = by_source(&f.claims);
        html! {
            a href={ "#finding-" (f.id) } { (sanitize(&f.view.summary)) } ": "
            @for (i, (s, claims)) in by_source.iter().enumerate() {
                @if i > 0 { " vs " }
                strong.figure { (figures_of(claims)) }
                " (" (self.source_name(*s))
                @if let Some(a) = claims.iter().find_map(|c| c.view.attribution.as_deref()) {
                    ", per " (sanitize(a))
                }
                ")"
            }
            span.why { " — " (sanitize(&f.view.explanation)) }
        }
    }

    fn source_name(&self, i: usize) -> String {
        self.sources
            .get(i)
            .map(|s| sanitize(&s.view.id))
            .unwrap_or_default()
    }

    fn overview(&self) -> Markup {
        let v = self.view;
        html! {
            section #overview aria-labelledby="overview-h" {
                h2 #overview-h { "Sources and counts" }
                div.table-wrap {
                    table.sources {
                        caption { "The sources read, in input order" }
                        thead {
                            tr {
                                th scope="col" { "Source" }
                                th scope="col" { "Outlet" }
                                th scope="col" { "Published" }
                                th scope="col" { "Date from" }
                                th scope="col" { "Headline" }
                                th scope="col" { "Original" }
                            }
                        }
                        tbody {
                            @for s in &self.sources {
                                tr {
                                    th scope="row" {
                                        a href={ "#" (s.anchor) } { (sanitize(&s.view.id)) }
                                        br;
                                        span.path { (sanitize(&s.view.path)) }
                                    }
                                    td { (opt(s.view.outlet.as_deref())) }
                                    td { time { (s.view.published.as_deref().unwrap_or("unknown")) } }
                                    td { (opt(s.view.date_basis.as_deref())) }
                                    td { (opt(s.view.title.as_deref())) }
                                    td {
                                        @if let Some((u, true)) = &s.url {
                                            a.url href=(u) rel="noopener noreferrer" { (sanitize(u)) }
                                        } @else if let Some((u, false)) = &s.url {
                                            span.url { (sanitize(u)) }
                                        } @else {
                                            span.none { "not known" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                div.table-wrap {
                    table.counts {
                        caption { "Findings by verdict" }
                        thead { tr { th scope="col" { "Verdict" } th scope="col" { "Findings" } th scope="col" { "Meaning" } } }
                        tbody {
                            @for verdict in Verdict::ALL {
                                tr {
                                    th scope="row" { (verdict_badge(verdict.as_str())) }
                                    td.num { (v.counts.get(verdict.as_str()).copied().unwrap_or(0)) }
                                    td { (meaning(verdict)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn findings_section(&self, kinds: &std::collections::BTreeSet<&str>) -> Markup {
        let total = self.findings.len();
        html! {
            section #findings aria-labelledby="findings-h" {
                h2 #findings-h { "Findings (" (total) ")" }
                form #filters aria-label="Filter the findings" hidden {
                    fieldset.verdicts {
                        legend { "Verdict" }
                        @for verdict in Verdict::ALL {
                            @let n = self.view.counts.get(verdict.as_str()).copied().unwrap_or(0);
                            @if n > 0 { label {
                                input type="checkbox" name="verdict" value=(verdict.as_str()) checked;
                                " " (verdict_badge(verdict.as_str())) " " span.count { "(" (n) ")" }
                            } }
                        }
                    }
                    div.selects {
                        label {
                            "Kind "
                            select name="kind" {
                                option value="" { "all kinds" }
                                @for k in kinds { option value=(k) { (sanitize(k)) } }
                            }
                        }
                        label {
                            "Source "
                            select name="source" {
                                option value="" { "all sources" }
                                @for (i, s) in self.sources.iter().enumerate() {
                                    option value=(i + 1) { (sanitize(&s.view.id)) }
                                }
                            }
                        }
                        label {
                            "Search "
                            input type="search" name="q" placeholder="words, figures, names";
                        }
                        label {
                            input type="checkbox" name="unchecked";
                            " hide checked"
                        }
                        button type="reset" { "Show all" }
                    }
                }
                p #shown role="status" aria-live="polite" data-total=(total) {
                    (shown_all(total))
                }
                @for f in &self.findings {
                    (self.finding(f))
                }
            }
        }
    }

    fn finding(&self, f: &PageFinding<'_>) -> Markup {
        let v = f.view;
        let sources: Vec<String> = {
            let mut s: Vec<usize> = f.claims.iter().map(|c| c.source + 1).collect();
            s.sort_unstable();
            s.dedup();
            s.iter().map(usize::to_string).collect()
        };
        html! {
            article.finding id={ "finding-" (f.id) } tabindex="-1"
                data-verdict=(v.verdict) data-kind=(v.kind) data-sources=(sources.join(" "))
                aria-labelledby={ "h-" (f.id) } {
                header {
                    h3 id={ "h-" (f.id) } {
                        span.n { "#" (f.number) " " }
                        (verdict_badge(v.verdict)) " "
                        span.summary { (sanitize(&v.summary)) }
                    }
                    p.explanation { (sanitize(&v.explanation)) }
                    p.facts {
                        span.kind { "kind " code { (sanitize(&v.kind)) } }
                        " · confidence " (format!("{:.0}%", v.confidence * 100.0))
                        @if let Some(n) = v.independent_sources {
                            " · " (plural(n, "independent upstream source", "independent upstream sources"))
                        }
                        " · " a.permalink href={ "#finding-" (f.id) } title="Link to this finding" { "link" }
                        label.check hidden {
                            input type="checkbox" data-finding=(f.id);
                            " checked"
                        }
                    }
                }
                @if let Some(diff) = &v.diff {
                    p.diff {
                        "Word diff: "
                        @for d in diff {
                            @let t = sanitize(d.text.trim());
                            @match d.op {
                                DiffOp::Equal => { (t) " " }
                                DiffOp::Delete => { del { (t) } " " }
                                DiffOp::Insert => { ins { (t) } " " }
                            }
                        }
                    }
                }
                ul.claims {
                    @for (source, claims) in by_source(&f.claims) {
                        li.claim { (self.claims_of_source(source, &claims)) }
                    }
                }
            }
        }
    }

    /// The claims one source makes in a finding: who, then each sentence.
    fn claims_of_source(&self, source: usize, claims: &[&PageClaim<'_>]) -> Markup {
        let s = self.sources.get(source).map(|s| s.view);
        html! {
            p.who {
                strong { (s.map(|s| sanitize(&s.id)).unwrap_or_default()) }
                @if let Some(o) = s.and_then(|s| s.outlet.as_deref()) { " · " (sanitize(o)) }
                @if let Some(d) = s.and_then(|s| s.published.as_deref()) { " · " time { (d) } }
            }
            @for c in claims {
                (self.claim(c))
            }
        }
    }

    fn claim(&self, c: &PageClaim<'_>) -> Markup {
        html! {
            div.said {
                blockquote.sentence {
                    (c.before)
                    @if !c.marked.is_empty() { mark { (c.marked) } }
                    (c.after)
                }
                @if let Some(a) = &c.view.attribution {
                    p.per { "per " (sanitize(a)) }
                }
                @if let Some(scope) = &c.view.scope {
                    p.scope { "scope: " (sanitize(scope)) }
                }
                p.where {
                    a.goto href={ "#" (c.anchor) } title="Show this sentence in its source" {
                        code { (sanitize(&c.view.path)) ":" (c.view.line) ":" (c.view.column) }
                    }
                }
            }
        }
    }

    fn texts(&self) -> Markup {
        html! {
            section #texts aria-labelledby="texts-h" {
                h2 #texts-h { "Source texts" }
                p.legend {
                    mark { "highlighted" } ": a figure or name a finding cites; "
                    span.bp { "grey" } ": boilerplate (navigation, bylines, captions) left out of the reading; "
                    "↩ links go back to the findings that cite a sentence."
                }
                @for s in &self.sources {
                    section.source id=(s.anchor) aria-labelledby={ (s.anchor) "-h" } {
                        h3 id={ (s.anchor) "-h" } {
                            (sanitize(&s.view.id))
                            @if let Some(t) = &s.view.title { ": " span.headline { (sanitize(t)) } }
                        }
                        p.meta {
                            code { (sanitize(&s.view.path)) }
                            @if let Some(o) = &s.view.outlet { " · " (sanitize(o)) }
                            @if let Some(d) = &s.view.published { " · " time { (d) } }
                        }
                        div.text {
                            @for p in &s.pieces {
                                @match p {
                                    Piece::Text(runs) => { (runs_markup(runs)) }
                                    Piece::Sentence { anchor, cited_by, runs } => {
                                        span.cited id=(anchor) tabindex="-1" { (runs_markup(runs)) }
                                        span.back {
                                            @for (id, n) in cited_by {
                                                " " a href={ "#finding-" (id) } aria-label={ "back to finding " (n) } { "↩" (n) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        p.top { a href="#findings" { "Back to the findings" } }
                    }
                }
            }
        }
    }
}

/// The distinct claim texts of `claims`, in order, joined by ` / `.
fn figures_of(claims: &[&PageClaim<'_>]) -> String {
    let mut figures: Vec<String> = claims.iter().map(|c| sanitize(&c.view.text)).collect();
    figures.dedup();
    figures.join(" / ")
}

/// The claims of each source, in order of first appearance.
fn by_source<'c, 'a>(claims: &'c [PageClaim<'a>]) -> Vec<(usize, Vec<&'c PageClaim<'a>>)> {
    let mut by: Vec<(usize, Vec<&PageClaim<'_>>)> = Vec::new();
    for c in claims {
        match by.iter_mut().find(|(s, _)| *s == c.source) {
            Some((_, v)) => v.push(c),
            None => by.push((c.source, vec![c])),
        }
    }
    by
}

fn runs_markup(runs: &[Run]) -> Markup {
    html! {
        @for r in runs {
            @match (r.boilerplate, r.claim) {
                (false, None) => { (r.text) }
                (true, None) => { span.bp { (r.text) } }
                (false, Some(true)) => { mark { (r.text) } }
                (false, Some(false)) => { mark.outer { (r.text) } }
                (true, Some(true)) => { mark.bp { (r.text) } }
                (true, Some(false)) => { mark.bp.outer { (r.text) } }
            }
        }
    }
}

/// The words for a verdict, with a symbol: the page never tells a verdict by colour alone.
fn verdict_badge(verdict: &str) -> Markup {
    let (symbol, word) = match verdict {
        "conflict" => ("✖", "Conflict"),
        "progression" => ("↗", "Progression"),
        "different_scope" => ("≠", "Different scope"),
        "attribution_variant" => ("⇄", "Attribution variant"),
        "quote_variant" => ("❝", "Quote variant"),
        "name_variant" => ("Aa", "Name variant"),
        "agreement" => ("✔", "Agreement"),
        other => ("•", other),
    };
    html! {
        span class={ "verdict v-" (verdict) } {
            span.sym aria-hidden="true" { (symbol) } " " (word)
        }
    }
}

fn meaning(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "same quantity and scope, figures that cannot both hold",
        Verdict::Progression => "a running total that rises from one report date to the next",
        Verdict::DifferentScope => "looks alike, but counts something else or another span",
        Verdict::AttributionVariant => "the same statement credited to different speakers",
        Verdict::QuoteVariant => "one speaker's statement in different words",
        Verdict::NameVariant => "one name spelled in different ways",
        Verdict::Agreement => "same quantity and scope, figures that fit together",
    }
}

fn opt(s: Option<&str>) -> Markup {
    html! {
        @match s {
            Some(s) => { (sanitize(s)) }
            None => { span.none { "not known" } }
        }
    }
}

/// What the status line says while every finding is shown (the script says the same).
fn shown_all(total: usize) -> String {
    match total {
        0 => "No findings.".into(),
        1 => "Showing the one finding.".into(),
        n => format!("Showing all {n} findings."),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A stable id per finding: the first 10 hex digits of a SHA-256 of what it says (verdict,
/// kind, summary, and each claim's source, place and text), with `-2`, `-3`, ... for the
/// rare findings that say the same.
fn finding_ids(findings: &[FindingView]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let mut h = Sha256::new();
            for part in [f.verdict, &f.kind, &f.summary] {
                h.update(part.as_bytes());
                h.update([0]);
            }
            for c in &f.claims {
                h.update(c.source.as_bytes());
                h.update(format!("\0{}:{}\0", c.line, c.column).as_bytes());
                h.update(c.text.as_bytes());
                h.update([0]);
            }
            let hex: String = h.finalize()[..5]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let n = seen.entry(hex.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                hex
            } else {
                format!("{hex}-{n}")
            }
        })
        .collect()
}

/// The story's name: the folder all sources are in, else the number of sources.
fn story_name(sources: &[SourceView]) -> String {
    let dirs: Vec<Option<&std::path::Path>> = sources
        .iter()
        .map(|s| std::path::Path::new(&s.path).parent())
        .collect();
    let name = match dirs.first() {
        Some(Some(first)) if dirs.iter().all(|d| *d == Some(*first)) => first
            .file_name()
            .map(|n| sanitize(&n.to_string_lossy()))
            .filter(|n| !n.is_empty()),
        _ => None,
    };
    name.unwrap_or_else(|| plural(sources.len(), "source", "sources"))
}

/// The source's URL, and whether it is an `http` or `https` address to link: no
/// `javascript:` or other scheme, and nothing a URL cannot hold, ever becomes a link.
fn web_address(s: &Source) -> Option<(String, bool)> {
    let url = s.meta.url.as_ref()?.value.trim();
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && c != '"' && c != '<' && c != '>');
    Some((url.to_owned(), web && clean && sanitize(url) == url))
}

/// A claim's sentence as the text before the claim, the claim, and the text after, each
/// escaped; the whole sentence before the mark when the claim is not inside it.
fn split_sentence(c: &ClaimView, e: &Evidence) -> (String, String, String) {
    let (clean, map) = sanitize_map(&c.sentence, false);
    let inside = e.sentence.start <= e.span.start
        && e.span.end <= e.sentence.end
        && e.span.start < e.span.end;
    let at = |i: usize| map.get(i).copied().unwrap_or(clean.len());
    if inside {
        let (a, b) = (
            at(e.span.start - e.sentence.start),
            at(e.span.end - e.sentence.start),
        );
        if let (Some(x), Some(y), Some(z)) = (clean.get(..a), clean.get(a..b), clean.get(b..)) {
            return (x.to_owned(), y.to_owned(), z.to_owned());
        }
    }
    (clean, String::new(), String::new())
}

/// The text of source `index` as pieces: the sentences cited (each wrapped, with the
/// findings citing it) and the text between, split into runs by boilerplate and claim
/// marks. Also the anchor of every cited sentence span: a span overlapping one already
/// wrapped takes that one's anchor.
fn pieces(
    index: usize,
    s: &Source,
    cited: &BTreeMap<(usize, usize), CitedBy>,
    marks: &[Range<usize>],
) -> (Vec<Piece>, BTreeMap<(usize, usize), String>) {
    let text = &s.text;
    let (clean, map) = sanitize_map(text, true);
    let ok = |r: &Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
    // the sentences to wrap: cited, in order, not overlapping
    let mut wrapped: Vec<(Range<usize>, CitedBy)> = Vec::new();
    let mut anchor_of = BTreeMap::new();
    let anchor = |r: &Range<usize>| format!("src-{}-at-{}", index + 1, r.start);
    for (&(start, end), by) in cited {
        let r = start..end;
        if !ok(&r) {
            continue;
        }
        match wrapped.last_mut() {
            Some((last, last_by)) if r.start < last.end => {
                anchor_of.insert((start, end), anchor(last));
                for b in by {
                    if !last_by.contains(b) {
                        last_by.push(b.clone());
                    }
                }
            }
            _ => {
                anchor_of.insert((start, end), anchor(&r));
                wrapped.push((r, by.clone()));
            }
        }
    }
    let boiler: Vec<Range<usize>> = s
        .boilerplate
        .iter()
        .map(|m| m.span.clone())
        .filter(ok)
        .collect();
    let mut marks: Vec<Range<usize>> = marks.iter().filter(|r| ok(r)).cloned().collect();
    marks.sort_by_key(|r| (r.start, r.end));
    marks.dedup();
    let innermost: Vec<Range<usize>> = marks
        .iter()
        .filter(|m| {
            !marks
                .iter()
                .any(|n| n != *m && m.start <= n.start && n.end <= m.end)
        })
        .cloned()
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in wrapped.iter().map(|(r, _)| r).chain(&boiler).chain(&marks) {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |set: &[Range<usize>], a: usize| set.iter().any(|r| r.start <= a && a < r.end);
    let run = |a: usize, b: usize| Run {
        text: clean
            .get(map.get(a).copied().unwrap_or(0)..map.get(b).copied().unwrap_or(clean.len()))
            .unwrap_or("")
            .to_owned(),
        boilerplate: inside(&boiler, a),
        claim: inside(&marks, a).then(|| inside(&innermost, a)),
    };
    let mut pieces = Vec::new();
    let mut plain = Vec::new();
    let mut next = wrapped.into_iter().peekable();
    let mut i = 0;
    while i + 1 < cuts.len() {
        let (a, b) = (cuts[i], cuts[i + 1]);
        if let Some((r, by)) = next.next_if(|(r, _)| r.start == a) {
            if !plain.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut plain)));
            }
            let mut runs = Vec::new();
            while i + 1 < cuts.len() && cuts[i] < r.end {
                runs.push(run(cuts[i], cuts[i + 1]));
                i += 1;
            }
            pieces.push(Piece::Sentence {
                anchor: anchor(&r),
                cited_by: by,
                runs,
            });
            continue;
        }
        plain.push(run(a, b));
        i += 1;
    }
    if !plain.is_empty() {
        pieces.push(Piece::Text(plain));
    }
    (pieces, anchor_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_of_sample() -> String {
        let mut out = Vec::new();
        render(&super::super::sample::analysis(), &mut out).unwrap();
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
    fn a_known_hash_is_computed_like_a_browser_does() {
        // sha256 of "alert(1)", as CSP documentation gives it
        assert_eq!(
            csp_hash("alert(1)"),
            "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }

    #[test]
    fn finding_ids_are_stable_and_distinct() {
        let a = super::super::sample::analysis();
        let view = ReportView::new(&a);
        let ids = finding_ids(&view.findings);
        assert_eq!(ids, finding_ids(&ReportView::new(&a).findings));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert!(ids.iter().all(|id| id.len() == 10));
    }

    #[test]
    fn bidi_controls_show_as_escapes_and_claims_are_marked() {
        let page = page_of_sample();
        assert!(!page.contains('\u{202e}'));
        assert!(page.contains("\\u{202e}levee\\u{202c}"));
        assert!(page.contains("<mark>25 people</mark>"));
    }

    #[test]
    fn only_web_addresses_become_links() {
        let pack = crate::pack::Pack::default_pack();
        let mut s = Source::from_text("a", "a.txt", "Text.\n", &pack);
        let mut url = |u: &str| {
            s.meta.url = Some(crate::ingest::Field::new(
                u.into(),
                crate::ingest::Origin::Manifest,
            ));
            web_address(&s).is_some_and(|(_, link)| link)
        };
        assert!(url("https://example.org/a?b=1&c=2"));
        assert!(url("HTTP://example.org/"));
        assert!(!url("javascript:alert(1)"));
        assert!(!url("JavaScript:alert(1)"));
        assert!(!url("https://x.org/\u{202e}a"));
        assert!(!url("https://x.org/\"onmouseover=a"));
    }

    #[test]
    fn the_story_is_the_common_folder() {
        let view = ReportView::new(&super::super::sample::analysis());
        assert_eq!(story_name(&view.sources), "stories");
        assert_eq!(story_name(&view.sources[..0]), "0 sources");
    }
}

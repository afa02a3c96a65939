//! The page's markup, built with `maud`: the overview, the findings and the source texts.
//! Input: a [`Page`]; output: its [`Markup`]. maud escapes every string, and scraped text
//! also goes through [`sanitize`].

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::document::{content_security_policy, SCRIPT, STYLE};
use super::page::{Page, PageClaim, PageFinding, Piece, Run};
use crate::compare::{DiffOp, Verdict};
use crate::report::sanitize;

impl Page<'_> {
    pub(super) fn markup(&self) -> Markup {
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

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

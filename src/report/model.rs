//! Serde views of the output contracts (`crosscheck/report@1`, `extract@1`, `segment@1`).
//! Internal types are never serialized directly, so a refactor cannot change the contract.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::compare::{DiffPart, Evidence, Finding};
use crate::extract::{ClaimBody, Extraction, Interval};
use crate::ingest::Source;
use crate::pipeline::Analysis;

/// Schema of the report JSON.
pub const REPORT_SCHEMA: &str = "crosscheck/report@1";

/// A number written as an integer when it is one (`320`, not `320.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            s.serialize_i64(x as i64)
        } else if x.is_finite() {
            s.serialize_f64(x)
        } else {
            s.serialize_none()
        }
    }
}

/// `{"min": .., "max": ..}`; `null` when open.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ValueView {
    /// Lower bound.
    pub min: Option<Num>,
    /// Upper bound.
    pub max: Option<Num>,
}

impl From<&Interval> for ValueView {
    fn from(i: &Interval) -> ValueView {
        ValueView {
            min: i.min.map(Num),
            max: i.max.map(Num),
        }
    }
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct ReportView {
    /// `crosscheck/report@1`.
    pub schema: &'static str,
    /// Every source read.
    pub sources: Vec<SourceView>,
    /// Findings in report order.
    pub findings: Vec<FindingView>,
    /// Number of findings per verdict.
    pub counts: BTreeMap<&'static str, usize>,
}

/// A source in the report.
#[derive(Debug, Serialize)]
pub struct SourceView {
    /// Source id.
    pub id: String,
    /// Path as given.
    pub path: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (YYYY-MM-DD) used for the source.
    pub published: Option<String>,
    /// Where the date came from, and any doubt about it.
    pub date_basis: Option<String>,
}

/// A finding in the report. Its claims are a list of [`ClaimView`]s, or anything that
/// prints as one (the JSON report views each claim as it prints it).
#[derive(Debug, Serialize)]
pub struct FindingView<C = Vec<ClaimView>> {
    /// Verdict name.
    pub verdict: &'static str,
    /// Kind id.
    pub kind: String,
    /// What the claims are about.
    pub summary: String,
    /// Why the verdict.
    pub explanation: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Independent upstream sources, for agreements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent_sources: Option<usize>,
    /// Word diff, for quote variants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
    /// The claims.
    pub claims: C,
}

/// A claim with provenance.
#[derive(Debug, Serialize, Clone)]
pub struct ClaimView {
    /// Source id.
    pub source: String,
    /// Source path.
    pub path: String,
    /// 1-based line of the claim text.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// The sentence.
    pub sentence: String,
    /// The claim's own text.
    pub text: String,
    /// Figure as written.
    pub number: Option<Num>,
    /// Interval asserted.
    pub value: Option<ValueView>,
    /// Unit id.
    pub unit: Option<String>,
    /// Attribution chain.
    pub attribution: Option<String>,
    /// Direct quote.
    pub quote: Option<String>,
    /// Scope as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Kind id (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Event id (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// What is counted (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// The time scope, resolved (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_scope: Option<TimeScopeView>,
    /// Key of the place the figure covers (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The date the figure is reported as of, YYYY-MM-DD (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The modifier as written ("at least") (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// True when the figure is part of a larger one in the sentence (extract output only).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub part: bool,
    /// `estimate`, `expected` or `feared`, when the sentence says so (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// The person or organisation the figure is about, as written (extract output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The same figure written beside it in other units ("5 miles (8 km)", "20 million
    /// euros ($25 million)"), extract output only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub renderings: Vec<RenderingView>,
}

/// One more rendering of a figure, in another unit, as the text writes it.
#[derive(Debug, Clone, Serialize)]
pub struct RenderingView {
    /// The rendering as written ("around Euros 16 million").
    pub text: String,
    /// The interval it asserts.
    pub value: ValueView,
    /// Its unit id (`EUR`).
    pub unit: Option<String>,
}

/// A figure's time scope in extract output.
#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct TimeScopeView {
    /// `day`, `period`, `since` or `rate`.
    pub kind: crate::extract::TimeScopeKind,
    /// The phrase as written.
    pub text: String,
    /// First day covered, YYYY-MM-DD, when resolved.
    pub from: Option<String>,
    /// Last day covered, YYYY-MM-DD, when resolved (null for `since`: up to `as_of`).
    pub to: Option<String>,
}

impl ReportView {
    /// The report view of an analysis.
    pub fn new(analysis: &Analysis) -> ReportView {
        ReportView {
            findings: analysis
                .findings
                .iter()
                .map(|f| FindingView::new(f, &analysis.sources))
                .collect(),
            ..ReportView::without_findings(analysis)
        }
    }

    /// The view of an analysis with its sources and counts but no finding, for a writer
    /// that views and prints the findings a few at a time.
    pub(crate) fn without_findings(analysis: &Analysis) -> ReportView {
        let mut counts = BTreeMap::new();
        for f in &analysis.findings {
            *counts.entry(f.verdict.as_str()).or_insert(0) += 1;
        }
        ReportView {
            schema: REPORT_SCHEMA,
            sources: analysis
                .sources
                .iter()
                .zip(&analysis.extractions)
                .map(|(s, e)| SourceView::new(s, e))
                .collect(),
            findings: Vec::new(),
            counts,
        }
    }
}

impl SourceView {
    /// The view of one source.
    pub fn new(s: &Source, e: &Extraction) -> SourceView {
        // A distrusted page date is not shown as the publication date.
        let date = if e.anchor.warning.is_some() {
            e.anchor.date
        } else {
            e.anchor.date.or(s.published())
        };
        let basis = if e.anchor.date.is_some() || e.anchor.warning.is_some() {
            let mut b = e.anchor.basis.clone();
            if let Some(w) = &e.anchor.warning {
                b.push_str("; ");
                b.push_str(w);
            }
            Some(b)
        } else {
            s.meta.published.as_ref().map(|f| f.origin.to_string())
        };
        SourceView {
            id: s.id.to_string(),
            path: s.path.clone(),
            title: s.meta.title.as_ref().map(|f| f.value.clone()),
            outlet: s.meta.outlet.as_ref().map(|f| f.value.clone()),
            published: date.map(|d| d.to_string()),
            date_basis: basis,
        }
    }
}

impl FindingView {
    /// The view of one finding.
    pub fn new(f: &Finding, sources: &[Source]) -> FindingView {
        let claims = f
            .evidence
            .iter()
            .filter_map(|e| ClaimView::from_evidence(e, sources))
            .collect();
        FindingView::with_claims(f, claims)
    }
}

impl<C> FindingView<C> {
    /// The view of one finding, with `claims` for its claims.
    pub(crate) fn with_claims(f: &Finding, claims: C) -> FindingView<C> {
        FindingView {
            verdict: f.verdict.as_str(),
            kind: f.kind.clone(),
            summary: f.summary.clone(),
            explanation: f.explanation.clone(),
            confidence: (f.confidence * 100.0).round() / 100.0,
            independent_sources: f.independent_sources,
            diff: f.diff.clone(),
            claims,
        }
    }
}

impl ClaimView {
    /// The view of a finding's evidence.
    pub fn from_evidence(e: &Evidence, sources: &[Source]) -> Option<ClaimView> {
        let s = sources.get(e.source)?;
        let pos = s.position(e.span.start);
        Some(ClaimView {
            source: s.id.to_string(),
            path: s.path.clone(),
            line: pos.line,
            column: pos.column,
            sentence: s.text.get(e.sentence.clone())?.to_owned(),
            text: s.text.get(e.span.clone())?.to_owned(),
            number: e.number.map(Num),
            value: e.value.as_ref().map(ValueView::from),
            unit: e.unit.as_deref().map(str::to_owned),
            attribution: e.attribution.as_deref().map(str::to_owned),
            quote: e.quote.as_deref().map(str::to_owned),
            scope: e.scope.as_deref().map(str::to_owned),
            kind: None,
            event: None,
            counted: None,
            time_scope: None,
            place: None,
            as_of: None,
            modifier: None,
            part: false,
            status: None,
            about: None,
            renderings: Vec::new(),
        })
    }

    /// The view of an extracted claim (for `crosscheck extract`).
    pub fn from_claim(c: &crate::extract::Claim, s: &Source) -> ClaimView {
        let pos = s.position(c.span.start);
        let text = |sp: &crate::text::Span| s.text.get(sp.clone()).unwrap_or_default().to_owned();
        let mut v = ClaimView {
            source: s.id.to_string(),
            path: s.path.clone(),
            line: pos.line,
            column: pos.column,
            sentence: text(&c.sentence_span),
            text: text(&c.span),
            number: None,
            value: None,
            unit: None,
            attribution: c.attribution.as_ref().map(|a| a.describe()),
            quote: None,
            scope: None,
            kind: None,
            event: None,
            counted: None,
            time_scope: None,
            place: None,
            as_of: None,
            modifier: None,
            part: false,
            status: None,
            about: None,
            renderings: Vec::new(),
        };
        match &c.body {
            ClaimBody::Quantity(q) => {
                v.number = q.number.map(Num);
                v.value = Some(ValueView::from(&q.value));
                v.unit = Some(q.unit.clone());
                v.kind = Some(q.kind.clone());
                v.event = q.event.clone();
                v.counted = q.counted.clone();
                v.scope = q.scope.time.as_ref().map(|t| t.text.clone());
                v.time_scope = q.scope.time.as_ref().map(|t| TimeScopeView {
                    kind: t.kind,
                    text: t.text.clone(),
                    from: t.from.map(|d| d.to_string()),
                    to: t.to.map(|d| d.to_string()),
                });
                v.as_of = q.scope.as_of.map(|d| d.to_string());
                v.place = q.scope.place.clone();
                v.modifier = q.modifier.as_deref().map(str::to_owned);
                v.part = q.part;
                v.status = q.status.map(|s| s.as_str());
                v.about = q.about.as_ref().map(|a| a.text.clone());
                v.renderings = q
                    .renderings
                    .iter()
                    .map(|r| RenderingView {
                        text: text(&r.span),
                        value: ValueView::from(&r.value),
                        unit: Some(r.unit.clone()),
                    })
                    .collect();
            }
            ClaimBody::Statement(st) => {
                v.kind = Some("statement".into());
                if st.direct {
                    v.quote = Some(text(&st.content));
                }
            }
        }
        v
    }
}

/// Schema of the lint JSON.
pub const LINT_SCHEMA: &str = "crosscheck/lint@1";

/// The lint result (`crosscheck/lint@1`).
#[derive(Debug, Serialize)]
pub struct LintView {
    /// `crosscheck/lint@1`.
    pub schema: &'static str,
    /// Path of the draft.
    pub draft: String,
    /// The sources the draft was checked against.
    pub sources: Vec<SourceView>,
    /// Diagnostics in draft order.
    pub diagnostics: Vec<DiagnosticView>,
    /// Number of diagnostics per severity.
    pub counts: BTreeMap<&'static str, usize>,
    /// Diagnostics silenced inline or by the allowlist.
    pub suppressed: usize,
}

/// One lint diagnostic.
#[derive(Debug, Serialize)]
pub struct DiagnosticView {
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// Rule name.
    pub rule: String,
    /// 1-based line in the draft.
    pub line: usize,
    /// 1-based column (characters) in the draft.
    pub column: usize,
    /// The message.
    pub message: String,
    /// The pack file of the claim kind that fired (`kinds/casualties.toml`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_file: Option<String>,
    /// The draft's claim.
    pub claim: ClaimView,
    /// The source claims it was checked against.
    pub sources: Vec<ClaimView>,
}

impl LintView {
    /// The view of a lint run.
    pub fn new(report: &super::LintReport<'_>) -> LintView {
        let analysis = report.analysis;
        let sources = &analysis.sources;
        let mut counts = BTreeMap::new();
        for d in report.diagnostics {
            *counts
                .entry(crate::lint::severity_name(d.severity))
                .or_insert(0) += 1;
        }
        LintView {
            schema: LINT_SCHEMA,
            draft: sources
                .get(report.draft)
                .map(|s| s.path.clone())
                .unwrap_or_default(),
            sources: sources
                .iter()
                .zip(&analysis.extractions)
                .enumerate()
                .filter(|(i, _)| *i != report.draft)
                .map(|(_, (s, e))| SourceView::new(s, e))
                .collect(),
            diagnostics: report
                .diagnostics
                .iter()
                .filter_map(|d| DiagnosticView::new(d, sources))
                .collect(),
            counts,
            suppressed: report.suppressed,
        }
    }
}

impl DiagnosticView {
    /// The view of one diagnostic; `None` when its spans do not index the sources.
    pub fn new(d: &crate::lint::Diagnostic, sources: &[Source]) -> Option<DiagnosticView> {
        let claim = ClaimView::from_evidence(&d.claim, sources)?;
        Some(DiagnosticView {
            severity: crate::lint::severity_name(d.severity),
            rule: d.rule.clone(),
            line: claim.line,
            column: claim.column,
            message: d.message.clone(),
            kind_file: d.kind_file.clone(),
            sources: d
                .sources
                .iter()
                .filter_map(|e| ClaimView::from_evidence(e, sources))
                .collect(),
            claim,
        })
    }
}

//! Compare: each [`Group`] becomes zero or more [`Finding`]s with a verdict, a one-line
//! explanation and a confidence. Precision first for `conflict`.

use serde::Serialize;

use crate::align::Group;
use crate::extract::{Extraction, Interval};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::text::Span;

/// The verdicts of DESIGN.md, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Same quantity and scope, intervals that cannot both hold.
    Conflict,
    /// A cumulative figure that rises between reports of different dates.
    Progression,
    /// Looks alike but measures something else.
    DifferentScope,
    /// The same statement credited to different speakers or conduits.
    AttributionVariant,
    /// The same speaker's statement in different words.
    QuoteVariant,
    /// One entity spelled differently.
    NameVariant,
    /// Same quantity and scope, compatible values.
    Agreement,
}

impl Verdict {
    /// The snake_case name used in JSON, the CLI and docs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Progression => "progression",
            Verdict::DifferentScope => "different_scope",
            Verdict::AttributionVariant => "attribution_variant",
            Verdict::QuoteVariant => "quote_variant",
            Verdict::NameVariant => "name_variant",
            Verdict::Agreement => "agreement",
        }
    }

    /// Every verdict, in report order.
    pub const ALL: [Verdict; 7] = [
        Verdict::Conflict,
        Verdict::Progression,
        Verdict::DifferentScope,
        Verdict::AttributionVariant,
        Verdict::QuoteVariant,
        Verdict::NameVariant,
        Verdict::Agreement,
    ];
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The verdict.
    pub verdict: Verdict,
    /// Claim kind id (`casualties`), or `quote`, `attribution`, `name`.
    pub kind: String,
    /// What the claims are about ("people killed since the coup").
    pub summary: String,
    /// Why the verdict ("same event and scope; 320 and 250 do not overlap").
    pub explanation: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The claims, one per source side by side, sorted by source then position.
    pub evidence: Vec<Evidence>,
    /// For agreements: how many independent upstream sources back the figure.
    pub independent_sources: Option<usize>,
    /// For quote variants: a word diff between the first two renderings.
    pub diff: Option<Vec<DiffPart>>,
}

/// One claim as shown in a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Index of the source.
    pub source: usize,
    /// Span of the claim text.
    pub span: Span,
    /// Span of the whole sentence.
    pub sentence: Span,
    /// Figure as written, for quantities.
    pub number: Option<f64>,
    /// Interval asserted, for quantities.
    pub value: Option<Interval>,
    /// Unit id, for quantities.
    pub unit: Option<String>,
    /// Attribution chain ("TASS <- Fomin").
    pub attribution: Option<String>,
    /// Direct quote, when the claim is one.
    pub quote: Option<String>,
    /// Scope as written ("since the Feb. 1 coup"), when any.
    pub scope: Option<String>,
}

/// A piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the first rendering) or `insert` (only in the second).
    pub op: DiffOp,
    /// The words.
    pub text: String,
}

/// Word diff operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// In both.
    Equal,
    /// Only in the first.
    Delete,
    /// Only in the second.
    Insert,
}

/// Gives every group its findings, sorted deterministically.
pub fn compare(
    groups: &[Group],
    sources: &[Source],
    extractions: &[Extraction],
    pack: &Pack,
) -> Vec<Finding> {
    let _ = (groups, sources, extractions, pack);
    Vec::new()
}

/// Sorts findings by (verdict rank, kind, first source, line), the report order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            let first = f.evidence.first().map(|e| (e.source, e.span.start));
            (f.verdict, f.kind.clone(), first)
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| b.confidence.total_cmp(&a.confidence))
    });
}

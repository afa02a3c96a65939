//! Lint: every claim of a draft checked against the sources.
//!
//! Input: an [`Analysis`] in which the draft is one of the sources (index `draft`).
//! Output: [`Diagnostic`]s on the draft, each with a rule name, a severity, the draft
//! claim and the source claims it was checked against. Rendering lives in `report`
//! (`diagnostics` for compiler-style snippets, `model` for JSON, `sarif`).
//!
//! Rules:
//! - `conflicting_figure` (severity and message from the claim kind's pack file): a draft
//!   figure that no source supports while a source gives the same quantity with the same
//!   scope, or a `conflict` finding in which the draft's figure is on its own side.
//! - `unsupported_quote` (warning): a direct quote that matches no source rendering.
//! - `unsupported_figure` (note): a figure that no source gives.
//! - `name_mismatch` (warning): a name spelled differently from every source.
//!
//! Precision first: a faithful draft (figures, quotes and names taken from the sources)
//! must get no warning and no error.

mod figures;
mod names;
mod quotes;
mod suppress;

use crate::compare::Evidence;
use crate::extract::{Claim, ClaimBody};
use crate::ingest::Source;
use crate::pack::{Pack, Severity};
use crate::pipeline::Analysis;

pub use suppress::{Allowlist, AllowlistError};

/// One diagnostic on the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// Rule name (`conflicting_figure`, `unsupported_quote`, `name_mismatch`, ...).
    pub rule: String,
    /// Message.
    pub message: String,
    /// The draft claim.
    pub claim: Evidence,
    /// The source claims it was checked against.
    pub sources: Vec<Evidence>,
    /// The pack kind that fired, when any (`kinds/casualties.toml`).
    pub kind_file: Option<String>,
}

/// Rule names, the snake_case vocabulary of the CLI, JSON and SARIF.
pub mod rules {
    /// A figure that contradicts the sources.
    pub const CONFLICTING_FIGURE: &str = "conflicting_figure";
    /// A direct quote that matches no source rendering.
    pub const UNSUPPORTED_QUOTE: &str = "unsupported_quote";
    /// A figure no source gives.
    pub const UNSUPPORTED_FIGURE: &str = "unsupported_figure";
    /// A name spelled differently from every source.
    pub const NAME_MISMATCH: &str = "name_mismatch";
    /// Every rule with a one-line description, for SARIF `tool.driver.rules` and help.
    pub const ALL: [(&str, &str); 4] = [
        (
            CONFLICTING_FIGURE,
            "a figure in the draft contradicts the same quantity, with the same scope, in the sources",
        ),
        (
            UNSUPPORTED_QUOTE,
            "a direct quote in the draft matches no rendering of it in the sources",
        ),
        (
            UNSUPPORTED_FIGURE,
            "a figure in the draft is given by no source",
        ),
        (
            NAME_MISMATCH,
            "a name in the draft is spelled differently from every source",
        ),
    ];
}

/// The snake_case name of a severity (`error`, `warning`, `note`).
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Checks source `draft` of `analysis` against the other sources.
///
/// Diagnostics come sorted by position in the draft, then rule.
pub fn lint(analysis: &Analysis, draft: usize, pack: &Pack) -> Vec<Diagnostic> {
    if draft >= analysis.sources.len() {
        return Vec::new();
    }
    let mut out = figures::check(analysis, draft, pack);
    out.extend(quotes::check(analysis, draft));
    out.extend(names::check(analysis, draft));
    out.sort_by(|a, b| {
        (a.claim.span.start, a.claim.span.end, &a.rule).cmp(&(
            b.claim.span.start,
            b.claim.span.end,
            &b.rule,
        ))
    });
    out.dedup_by(|a, b| a.rule == b.rule && a.claim.span == b.claim.span);
    out
}

/// Drops diagnostics silenced inline in the draft (`<!-- crosscheck-ignore rule -->` or
/// `<!-- crosscheck-ignore -->` on the diagnostic's line or the line before) or by the
/// allowlist. Returns the kept diagnostics and how many were silenced.
pub fn suppress(
    diagnostics: Vec<Diagnostic>,
    draft: &Source,
    allowlist: Option<&Allowlist>,
) -> (Vec<Diagnostic>, usize) {
    suppress::apply(diagnostics, draft, allowlist)
}

/// The evidence view of an extracted claim of source `index`.
pub(crate) fn evidence_of(index: usize, source: &Source, claim: &Claim) -> Evidence {
    let mut e = Evidence {
        source: index,
        span: claim.span.clone(),
        sentence: claim.sentence_span.clone(),
        number: None,
        value: None,
        unit: None,
        attribution: claim
            .attribution
            .as_ref()
            .map(|a| a.describe())
            .filter(|a| !a.is_empty())
            .map(Into::into),
        quote: None,
        scope: None,
    };
    match &claim.body {
        ClaimBody::Quantity(q) => {
            e.number = q.number;
            e.value = Some(q.value);
            e.unit = Some(q.unit.as_str().into());
            e.scope = q.scope.time.as_ref().map(|t| t.text.as_str().into());
        }
        ClaimBody::Statement(st) => {
            if st.direct {
                e.quote = source.text.get(st.content.clone()).map(Into::into);
            }
        }
    }
    e
}

/// The sentence span of `analysis` source `index` that contains byte `offset`, or the
/// line around it when no sentence does.
pub(crate) fn sentence_around(
    analysis: &Analysis,
    index: usize,
    offset: usize,
) -> std::ops::Range<usize> {
    if let Some(s) = analysis.sentences.get(index).and_then(|ss| {
        ss.iter()
            .find(|s| s.span.start <= offset && offset < s.span.end)
    }) {
        return s.span.clone();
    }
    let Some(source) = analysis.sources.get(index) else {
        return offset..offset;
    };
    let line = source.text_position(offset).line;
    source
        .lines
        .line_span(&source.text, line)
        .unwrap_or(offset..offset)
}

#[cfg(test)]
mod tests;

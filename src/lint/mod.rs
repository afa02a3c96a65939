//! Lint: every claim of a draft checked against the sources. Produces diagnostics with a
//! rule name and severity; rendering lives in `report`.

use crate::compare::Evidence;
use crate::pack::{Pack, Severity};
use crate::pipeline::Analysis;

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

/// Checks source `draft` of `analysis` against the other sources.
pub fn lint(analysis: &Analysis, draft: usize, pack: &Pack) -> Vec<Diagnostic> {
    let _ = (analysis, draft, pack);
    Vec::new()
}

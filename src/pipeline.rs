//! The whole pipeline in one call, shared by the CLI, tests and benches.

use rayon::prelude::*;

use crate::compare::Finding;
use crate::extract::Extraction;
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// Settings that change what the analysis reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Findings below this confidence are dropped.
    pub min_confidence: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            min_confidence: 0.0,
        }
    }
}

/// Sources with everything found in them.
#[derive(Debug, Default)]
pub struct Analysis {
    /// The sources, in input order.
    pub sources: Vec<Source>,
    /// Sentences per source (same order as `sources`).
    pub sentences: Vec<Vec<Sentence>>,
    /// Extractions per source (same order as `sources`).
    pub extractions: Vec<Extraction>,
    /// Findings, sorted for the report.
    pub findings: Vec<Finding>,
}

/// Segments, extracts, aligns and compares `sources`.
///
/// Per-source stages run in parallel; the result does not depend on the thread count.
pub fn analyze(pack: &Pack, sources: Vec<Source>, options: &Options) -> Analysis {
    let per_source: Vec<(Vec<Sentence>, Extraction)> = sources
        .par_iter()
        .map(|s| {
            let sentences = crate::segment(s, pack);
            let extraction = crate::extract(s, &sentences, pack);
            (sentences, extraction)
        })
        .collect();
    let (sentences, extractions): (Vec<_>, Vec<_>) = per_source.into_iter().unzip();
    let groups = crate::align(&sources, &extractions, pack);
    let mut findings = crate::compare(&groups, &sources, &extractions, pack);
    findings.retain(|f| f.confidence >= options.min_confidence);
    crate::compare::sort_findings(&mut findings);
    Analysis {
        sources,
        sentences,
        extractions,
        findings,
    }
}

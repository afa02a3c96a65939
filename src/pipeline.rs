//! The whole pipeline in one call, shared by the CLI, tests and benches.

use rayon::prelude::*;

use crate::compare::Finding;
use crate::extract::{self, Anchor, Extraction, Prepared};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::progress::Progress;
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

/// Compiles the built-in regexes every run needs (date phrases, page dates, datelines).
/// Left to first use, they compile inside a parallel stage while the other threads wait
/// for them (about 7 ms); a caller can run this beside [`Pack::load`] instead.
pub fn warm_up() {
    extract::warm_up();
    crate::ingest::warm_up();
}

/// Builds the matchers the extraction stages derive from `pack` (names, figures,
/// attribution), which would otherwise be built by whichever threads reach them first,
/// each its own copy, while the sources wait. A caller can run this while it reads inputs.
pub fn warm_up_pack(pack: &Pack) {
    extract::warm_up_pack(pack);
}

/// Segments, extracts, aligns and compares `sources`.
///
/// Per-source stages run in parallel; the result does not depend on the thread count.
pub fn analyze(pack: &Pack, sources: Vec<Source>, options: &Options) -> Analysis {
    analyze_observed(pack, sources, options, None)
}

/// [`analyze`], counting the sources extracted and the findings into `progress` when given.
pub(crate) fn analyze_observed(
    pack: &Pack,
    sources: Vec<Source>,
    options: &Options,
    progress: Option<&Progress>,
) -> Analysis {
    let sentences: Vec<Vec<Sentence>> = sources
        .par_iter()
        .map(|s| crate::segment(s, pack))
        .collect();
    // Anchors first (cheap), so a source without a date or a year can borrow the year the
    // other sources of the story give.
    let prepared: Vec<Prepared<'_>> = sources
        .par_iter()
        .zip(sentences.par_iter())
        .map(|(s, sentences)| Prepared::new(s, sentences, pack))
        .collect();
    let year = story_year(prepared.iter().map(Prepared::anchor));
    let extractions: Vec<Extraction> = prepared
        .into_par_iter()
        .map(|p| {
            let e = p.in_story(year).extract();
            if let Some(progress) = progress {
                Progress::add(&progress.extracted, 1);
            }
            e
        })
        .collect();
    let mut analysis = analyze_extracted(pack, sources, extractions, options);
    analysis.sentences = sentences;
    if let Some(progress) = progress {
        Progress::add(&progress.findings, analysis.findings.len() as u64);
    }
    analysis
}

/// Aligns and compares sources already extracted (the reduce step of a sharded run: see
/// [`crate::extract::record`]). `extractions` are in the order of `sources`; the
/// analysis has no sentences.
pub fn analyze_extracted(
    pack: &Pack,
    sources: Vec<Source>,
    extractions: Vec<Extraction>,
    options: &Options,
) -> Analysis {
    let groups = crate::align(&sources, &extractions);
    let mut findings = crate::compare(&groups, &sources, &extractions, pack);
    findings.retain(|f| f.confidence >= options.min_confidence);
    crate::compare::sort_findings(&mut findings);
    Analysis {
        sentences: vec![Vec::new(); sources.len()],
        sources,
        extractions,
        findings,
    }
}

/// The median year of the sources that have a trusted anchor date (the lower middle for an
/// even count), none when no source has one.
fn story_year<'a>(anchors: impl Iterator<Item = &'a Anchor>) -> Option<i16> {
    let mut years: Vec<i16> = anchors
        .filter(|a| a.date.is_some() && a.warning.is_none())
        .filter_map(|a| a.year)
        .collect();
    years.sort_unstable();
    years.get(years.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(y: i16) -> Anchor {
        Anchor {
            date: jiff::civil::Date::new(y, 1, 1).ok(),
            year: Some(y),
            basis: "manifest".into(),
            warning: None,
        }
    }

    #[test]
    fn story_year_is_the_median_of_dated_sources() {
        let anchors = [dated(2019), dated(2024), Anchor::default(), dated(2024)];
        assert_eq!(story_year(anchors.iter()), Some(2024));
        assert_eq!(story_year([Anchor::default()].iter()), None);
    }

    #[test]
    fn a_dateline_without_a_year_takes_the_story_year() {
        let pack = Pack::default_pack();
        let dated = crate::ingest::Source::from_text(
            "a",
            "a.txt",
            "Published: June 12, 2023\n\nThe river rose 3 metres on Sunday.",
            &pack,
        );
        let wire = crate::ingest::Source::from_text(
            "b",
            "b.txt",
            "OSLO, June 12 (Nordic Wire) – The river rose 3 metres on Sunday, officials said.",
            &pack,
        );
        let a = analyze(&pack, vec![dated, wire], &Options::default());
        let anchor = &a.extractions[1].anchor;
        assert_eq!(anchor.date, jiff::civil::Date::new(2023, 6, 12).ok());
        assert!(anchor.basis.contains("other sources"), "{}", anchor.basis);
    }
}

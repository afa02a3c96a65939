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
    analyze_dated(pack, sources, options, None).0
}

/// [`analyze`], with the story year (the year a source whose text gives none borrows) set
/// to `story_year` when one is given instead of taken from these sources: the map step of
/// a run split across machines, where one run sees only part of the corpus. Also returns
/// the year each source's own trusted date gives, the years the story year is the median
/// of.
pub fn analyze_dated(
    pack: &Pack,
    sources: Vec<Source>,
    options: &Options,
    given_year: Option<i16>,
) -> (Analysis, Vec<Option<i16>>) {
    analyze_observed(pack, sources, options, given_year, None, Keep::All)
}

/// What [`analyze_observed`] keeps of a source's reading once its claims are extracted;
/// the rest is dropped before the sources are aligned and compared, for a caller that
/// never reads it (#22).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// The sentences and the boilerplate marks (`extract`, `segment`, `lint`).
    All,
    /// The boilerplate marks but no sentence (the HTML report, which shades the marks).
    Marks,
    /// Neither (the other reports): each source's sentence list and marks are empty.
    Claims,
}

/// [`analyze_dated`], counting the sources extracted and the findings into `progress`
/// when given, and keeping of the reading what `keep` says.
pub(crate) fn analyze_observed(
    pack: &Pack,
    mut sources: Vec<Source>,
    options: &Options,
    given_year: Option<i16>,
    progress: Option<&Progress>,
    keep: Keep,
) -> (Analysis, Vec<Option<i16>>) {
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
    let own: Vec<Option<i16>> = prepared.iter().map(|p| trusted_year(p.anchor())).collect();
    let year = given_year.or_else(|| median_year(own.iter().copied()));
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
    // the sentences of 1,000 articles hold about a fifth of their text's size
    let sentences = if keep == Keep::All {
        sentences
    } else {
        drop(sentences);
        vec![Vec::new(); sources.len()]
    };
    // only segmenting and extracting read the marks (1,000 articles hold about 28,000)
    if keep == Keep::Claims {
        for s in &mut sources {
            s.boilerplate = Vec::new();
        }
    }
    let mut analysis = analyze_extracted(pack, sources, extractions, options);
    analysis.sentences = sentences;
    if let Some(progress) = progress {
        Progress::add(&progress.findings, analysis.findings.len() as u64);
    }
    (analysis, own)
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
    let groups = crate::align::align_with(&sources, &extractions, pack);
    let findings = crate::compare(&groups, &sources, &extractions, pack);
    extracted_analysis(sources, extractions, findings, options)
}

/// The analysis of sources read from their claims, with the findings kept and sorted.
fn extracted_analysis(
    sources: Vec<Source>,
    extractions: Vec<Extraction>,
    mut findings: Vec<Finding>,
    options: &Options,
) -> Analysis {
    findings.retain(|f| f.confidence >= options.min_confidence);
    crate::compare::sort_findings(&mut findings);
    Analysis {
        sentences: vec![Vec::new(); sources.len()],
        sources,
        extractions,
        findings,
    }
}

/// The year of an anchor with a trusted date, which the story year is taken from.
fn trusted_year(a: &Anchor) -> Option<i16> {
    a.year.filter(|_| a.date.is_some() && a.warning.is_none())
}

/// Aligns and compares sources already extracted whose stories are known: `stories` gives
/// each source's story (in the order of `sources`; the reduce step of a run that formed
/// its stories elsewhere). Each story is aligned and compared on its own, as one story:
/// no figure, statement or name is compared across stories. The findings are those of
/// [`analyze_extracted`] run on each story alone; the sources come out ordered by story.
pub fn analyze_stories(
    pack: &Pack,
    sources: Vec<Source>,
    extractions: Vec<Extraction>,
    stories: &[String],
    options: &Options,
) -> Analysis {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| stories.get(i));
    let mut slots: Vec<Option<(Source, Extraction)>> =
        sources.into_iter().zip(extractions).map(Some).collect();
    let (sources, extractions): (Vec<Source>, Vec<Extraction>) = order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .unzip();
    // the ranges of the sources of each story, now side by side
    let mut ranges = Vec::new();
    let mut start = 0;
    for at in 1..=order.len() {
        let label = |k: usize| order.get(k).and_then(|&i| stories.get(i));
        if at == order.len() || label(at) != label(start) {
            ranges.push(start..at);
            start = at;
        }
    }
    let findings: Vec<Finding> = ranges
        .into_par_iter()
        .flat_map_iter(|r| {
            let (s, e) = (&sources[r.clone()], &extractions[r.clone()]);
            let groups = crate::align::align_one_story(s, e, pack);
            let mut found = crate::compare(&groups, s, e, pack);
            for ev in found.iter_mut().flat_map(|f| f.evidence.iter_mut()) {
                ev.source += r.start;
            }
            found
        })
        .collect();
    extracted_analysis(sources, extractions, findings, options)
}

/// The median of the years given (the lower middle for an even count), none when no year
/// is given.
fn median_year(years: impl Iterator<Item = Option<i16>>) -> Option<i16> {
    let mut years: Vec<i16> = years.flatten().collect();
    years.sort_unstable();
    years.get(years.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_sentences_finds_the_same() {
        let pack = Pack::default_pack();
        let read = || {
            let text = |n| format!("At least {n} people died, police said.\n\nAdvertisement\n");
            vec![
                Source::from_text("a", "a.txt", &text(40), &pack),
                Source::from_text("b", "b.txt", &text(52), &pack),
            ]
        };
        let options = Options::default();
        let (kept, _) = analyze_observed(&pack, read(), &options, None, None, Keep::All);
        let (marked, _) = analyze_observed(&pack, read(), &options, None, None, Keep::Marks);
        let (lean, _) = analyze_observed(&pack, read(), &options, None, None, Keep::Claims);
        assert!(kept.sentences.iter().all(|s| !s.is_empty()));
        assert!(kept.sources.iter().all(|s| !s.boilerplate.is_empty()));
        let marks = |a: &Analysis| {
            a.sources
                .iter()
                .map(|s| s.boilerplate.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(marks(&marked), marks(&kept));
        assert!(marked.sentences.iter().all(Vec::is_empty));
        assert_eq!(marked.findings, kept.findings);
        assert_eq!(lean.sentences.len(), 2);
        assert!(lean.sentences.iter().all(Vec::is_empty));
        assert!(lean.sources.iter().all(|s| s.boilerplate.is_empty()));
        assert_eq!(lean.findings, kept.findings);
        assert!(!lean.findings.is_empty());
    }

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
        assert_eq!(median_year(anchors.iter().map(trusted_year)), Some(2024));
        assert_eq!(
            median_year([trusted_year(&Anchor::default())].into_iter()),
            None
        );
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

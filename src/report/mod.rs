//! Report: pure functions from an analysis to text. Human (colour only when asked),
//! JSON (stable, versioned), Markdown and a self-contained HTML page; lint diagnostics live in `diagnostics` and
//! `sarif`. Renderers never query the terminal or the environment: colour and width come
//! in through [`RenderOptions`].

pub mod diagnostics;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod model;
pub mod sarif;

use crate::compare::Finding;
use crate::ingest::Source;
use crate::lint::Diagnostic;
use crate::pipeline::Analysis;

/// A finding's claims as report views, each with the byte range of its text inside its
/// sentence (for highlighting), in the order of [`model::FindingView::claims`].
pub(crate) fn claims_of(
    finding: &Finding,
    sources: &[Source],
) -> Vec<(model::ClaimView, Option<std::ops::Range<usize>>)> {
    claims_with_evidence(finding, sources)
        .into_iter()
        .map(|(view, range, _)| (view, range))
        .collect()
}

/// [`claims_of`], each claim with the evidence it was made from (its source and spans).
pub(crate) fn claims_with_evidence<'a>(
    finding: &'a Finding,
    sources: &[Source],
) -> Vec<(
    model::ClaimView,
    Option<std::ops::Range<usize>>,
    &'a crate::compare::Evidence,
)> {
    finding
        .evidence
        .iter()
        .filter_map(|e| {
            let view = model::ClaimView::from_evidence(e, sources)?;
            let inside = e.sentence.start <= e.span.start
                && e.span.end <= e.sentence.end
                && e.span.start < e.span.end;
            let range =
                inside.then(|| e.span.start - e.sentence.start..e.span.end - e.sentence.start);
            Some((view, range, e))
        })
        .collect()
}

/// What the lint renderers show: the analysis (draft and sources) and the diagnostics
/// left after suppression.
#[derive(Debug, Clone, Copy)]
pub struct LintReport<'a> {
    /// The analysis; the draft is one of its sources.
    pub analysis: &'a Analysis,
    /// Index of the draft among the sources.
    pub draft: usize,
    /// Diagnostics on the draft, in draft order.
    pub diagnostics: &'a [Diagnostic],
    /// How many diagnostics were silenced inline or by the allowlist.
    pub suppressed: usize,
}

/// How to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Emit ANSI colour.
    pub color: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            color: false,
            width: 100,
        }
    }
}

/// The findings of each verdict that has any, in report order, each as its view and the
/// finding it was made from (shared by the human and Markdown reports).
pub(crate) fn by_verdict<'a>(
    view: &'a model::ReportView,
    analysis: &'a crate::pipeline::Analysis,
) -> Vec<(
    crate::compare::Verdict,
    Vec<(&'a model::FindingView, &'a crate::compare::Finding)>,
)> {
    crate::compare::Verdict::ALL
        .into_iter()
        .map(|verdict| {
            let findings = view
                .findings
                .iter()
                .zip(&analysis.findings)
                .filter(|(f, _)| f.verdict == verdict.as_str())
                .collect::<Vec<_>>();
            (verdict, findings)
        })
        .filter(|(_, findings)| !findings.is_empty())
        .collect()
}

/// Escapes control, bidi-override, format and zero-width characters of untrusted text
/// for a terminal ([`crate::text::escape`], the one place that decides). JSON keeps the
/// exact text.
pub fn sanitize(s: &str) -> String {
    crate::text::escape(s)
}

/// [`sanitize`], keeping line breaks when `keep_lines`, with a map from every byte offset
/// of `s` to the matching offset of the result.
pub(crate) fn sanitize_map(s: &str, keep_lines: bool) -> (String, Vec<usize>) {
    crate::text::escape_map(s, keep_lines)
}

/// A small hand-built analysis shared by the renderer tests (extraction and comparison
/// are other stages' business; these tests pin only the rendering).
#[cfg(test)]
pub(crate) mod sample {
    use crate::compare::{DiffOp, DiffPart, Evidence, Finding, Verdict};
    use crate::extract::{Extraction, Interval};
    use crate::ingest::{Field, Origin, Source};
    use crate::pack::Pack;
    use crate::pipeline::Analysis;

    const WIRE: &str = "Flood hits the delta\n\nAt least 40 people have been killed since the dam burst on May 1, rescuers said.\n\nThe governor said: \u{201c}We will rebuild every bridge before the rains.\u{201d} Three villages were evacuated.\n";
    const GAZETTE: &str = "Delta floods\n\nThe toll rose to 25 people killed since the dam burst on May 1, according to the Red Cross.\n\nGovernor Mara Okonjo said: \u{201c}Every bridge will be rebuilt before the rains.\u{201d} 3 villages were evacuated.\n";
    const BLOG: &str =
        "Notes\n\nThe governor, Mara Okonkwo, toured the \u{202e}levee\u{202c} on Friday.\n";

    /// Three sources and one finding of each of four verdicts.
    pub(crate) fn analysis() -> Analysis {
        let pack = Pack::default_pack();
        let mut wire = Source::from_text("wire", "stories/wire.txt", WIRE, &pack);
        wire.meta.outlet = Some(Field::new("Northern Wire".into(), Origin::Manifest));
        wire.meta.published = Some(Field::new(jiff::civil::date(2024, 5, 2), Origin::Manifest));
        let mut gazette = Source::from_text("gazette", "stories/gazette.md", GAZETTE, &pack);
        gazette.meta.outlet = Some(Field::new("Delta Gazette".into(), Origin::Manifest));
        gazette.meta.published = Some(Field::new(jiff::civil::date(2024, 5, 3), Origin::Manifest));
        let blog = Source::from_text("blog", "stories/blog.txt", BLOG, &pack);
        let sources = vec![wire, gazette, blog];
        let sentences: Vec<_> = sources.iter().map(|s| crate::segment(s, &pack)).collect();
        let ev = |src: usize, needle: &str| -> Evidence {
            let text = &sources[src].text;
            let start = text.find(needle).expect("needle in sample text");
            let span = start..start + needle.len();
            let sentence = sentences[src]
                .iter()
                .find(|s| s.span.start <= start && start < s.span.end)
                .map_or(span.clone(), |s| s.span.clone());
            Evidence::at(src, span, sentence)
        };
        let figure = |src: usize, needle: &str, n: f64, value: Interval, who: &str| Evidence {
            number: Some(n),
            value: Some(value),
            unit: Some("people".into()),
            attribution: Some(who.into()),
            scope: Some("since the dam burst on May 1".into()),
            ..ev(src, needle)
        };
        let quote = |src: usize, needle: &str| Evidence {
            quote: Some(needle.into()),
            attribution: Some("the governor".into()),
            ..ev(src, needle)
        };
        let findings = vec![
            Finding {
                verdict: Verdict::Conflict,
                kind: "casualties".into(),
                summary: "people killed since the dam burst on May 1".into(),
                explanation: "same event and scope; at least 40 and 25 do not overlap".into(),
                confidence: 0.9,
                evidence: vec![
                    figure(
                        0,
                        "At least 40 people",
                        40.0,
                        Interval::closed(Some(40.0), None),
                        "rescuers",
                    ),
                    figure(1, "25 people", 25.0, Interval::exact(25.0), "Red Cross"),
                ],
                independent_sources: None,
                diff: None,
            },
            Finding {
                verdict: Verdict::QuoteVariant,
                kind: "quote".into(),
                summary: "the governor on rebuilding bridges".into(),
                explanation: "same speaker, same statement, different words".into(),
                confidence: 0.75,
                evidence: vec![
                    quote(0, "We will rebuild every bridge before the rains."),
                    quote(1, "Every bridge will be rebuilt before the rains."),
                ],
                independent_sources: None,
                diff: Some(vec![
                    DiffPart {
                        op: DiffOp::Delete,
                        text: "We will rebuild".into(),
                    },
                    DiffPart {
                        op: DiffOp::Equal,
                        text: "every bridge".into(),
                    },
                    DiffPart {
                        op: DiffOp::Insert,
                        text: "will be rebuilt".into(),
                    },
                    DiffPart {
                        op: DiffOp::Equal,
                        text: "before the rains.".into(),
                    },
                ]),
            },
            Finding {
                verdict: Verdict::NameVariant,
                kind: "name".into(),
                summary: "Mara Okonjo".into(),
                explanation: "one person spelled two ways".into(),
                confidence: 0.8,
                evidence: vec![ev(1, "Mara Okonjo"), ev(2, "Mara Okonkwo")],
                independent_sources: None,
                diff: None,
            },
            Finding {
                verdict: Verdict::Agreement,
                kind: "counts".into(),
                summary: "villages evacuated".into(),
                explanation: "same count in both sources".into(),
                confidence: 0.85,
                evidence: vec![ev(0, "Three villages"), ev(1, "3 villages")],
                independent_sources: Some(2),
                diff: None,
            },
        ];
        Analysis {
            extractions: vec![Extraction::default(); sources.len()],
            sources,
            sentences,
            findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_escapes_bidi_and_zero_width_but_keeps_letters() {
        assert_eq!(
            sanitize("a\u{202e}b\u{200b}c\x1b[31m é"),
            "a\\u{202e}b\\u{200b}c\\u{1b}[31m é"
        );
    }

    #[test]
    fn sanitize_map_moves_spans_past_escapes() {
        let s = "\u{202e}ab\ncd";
        let (out, map) = sanitize_map(s, true);
        assert_eq!(out, "\\u{202e}ab\ncd");
        let a = s.find('a').unwrap();
        assert_eq!(&out[map[a]..map[a + 2]], "ab");
        assert_eq!(map[s.len()], out.len());
    }
}

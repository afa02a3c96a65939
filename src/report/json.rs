//! JSON renderers for `report`, `extract` and `segment`.

use std::io::{self, Write};

use serde::Serialize;

use super::model::{ClaimView, FindingView, Num, RenderingView, ReportView, ValueView};
use crate::pipeline::Analysis;

/// Writes the `crosscheck/report@1` JSON of an analysis.
///
/// The findings, nearly all of the bytes, are viewed and printed in parallel, a few
/// dozen at a time, each as it reads nested in the document; a finding that cites more
/// claims than a batch may hold is printed as it is viewed, with no buffer of its own.
/// The output is byte for byte `serde_json`'s pretty print of [`ReportView`] (a test
/// holds the two together).
pub fn render_report(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    let view = ReportView::without_findings(analysis);
    let viewed = |f| viewed(f, &analysis.sources);
    write_parts(&view, out, |printer| {
        for batch in batches(&analysis.findings) {
            match batch {
                [f] if f.evidence.len() > CLAIMS_AT_ONCE => printer.streamed(&viewed(f))?,
                _ => {
                    let printed: Vec<Vec<u8>> = batch
                        .par_iter()
                        .map(|f| nested(&viewed(f), 2))
                        .collect::<io::Result<_>>()?;
                    for f in printed {
                        printer.printed(&f)?;
                    }
                }
            }
        }
        Ok(())
    })
}

/// `f` with its claims viewed as they are printed.
fn viewed<'a>(
    f: &'a crate::compare::Finding,
    sources: &'a [crate::ingest::Source],
) -> FindingView<Viewed<'a>> {
    let claims = Viewed {
        evidence: &f.evidence,
        sources,
    };
    FindingView::with_claims(f, claims)
}

/// How many findings are viewed and printed at once: enough for the threads to share,
/// few enough that the printed report is never held whole (it can be many times the
/// size of the sources, and one finding of a story's ordinary figures prints a few
/// kilobytes).
const FINDINGS_AT_ONCE: usize = 64;

/// How many cited claims the findings printed at once may hold together (a claim prints
/// about a kilobyte). An agreement over a large corpus cites thousands, and 64 such
/// findings held printed at once were the largest part of a report's peak memory (#22).
const CLAIMS_AT_ONCE: usize = 256;

/// `findings` in order, in batches of at most [`FINDINGS_AT_ONCE`] findings that cite at
/// most [`CLAIMS_AT_ONCE`] claims together; a finding that cites more is a batch alone.
fn batches(findings: &[crate::compare::Finding]) -> Vec<&[crate::compare::Finding]> {
    let mut out = Vec::new();
    let (mut start, mut claims) = (0, 0);
    for (i, f) in findings.iter().enumerate() {
        let n = f.evidence.len();
        if i > start && (i - start == FINDINGS_AT_ONCE || claims + n > CLAIMS_AT_ONCE) {
            out.extend(findings.get(start..i));
            (start, claims) = (i, 0);
        }
        claims += n;
    }
    if start < findings.len() {
        out.extend(findings.get(start..));
    }
    out
}

/// A finding's claims, each viewed as [`ClaimView`] only while it is printed: a finding
/// over a long line of figures cites tens of thousands, and their views held at once
/// took several times the source's size.
struct Viewed<'a> {
    evidence: &'a [crate::compare::Evidence],
    sources: &'a [crate::ingest::Source],
}

impl Serialize for Viewed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.evidence
                .iter()
                .filter_map(|e| ClaimView::from_evidence(e, self.sources)),
        )
    }
}

/// Writes the report JSON of `view` with its own findings, each printed as it is viewed
/// (the path of a finding that cites many claims).
#[cfg(test)]
fn write_report(view: &ReportView, out: &mut dyn Write) -> io::Result<()> {
    write_parts(view, out, |printer| {
        view.findings.iter().try_for_each(|f| printer.streamed(f))
    })
}

/// Writes the report JSON of `view`, whose findings `findings` prints in order through
/// the [`Findings`] it is given (the view's own are not printed).
fn write_parts(
    view: &ReportView,
    out: &mut dyn Write,
    findings: impl FnOnce(&mut Findings<'_>) -> io::Result<()>,
) -> io::Result<()> {
    out.write_all(b"{\n  \"schema\": ")?;
    out.write_all(&nested(&view.schema, 1)?)?;
    out.write_all(b",\n  \"sources\": ")?;
    out.write_all(&nested(&view.sources, 1)?)?;
    out.write_all(b",\n  \"findings\": ")?;
    let mut printer = Findings { out, first: true };
    findings(&mut printer)?;
    let Findings { out, first } = printer;
    out.write_all(if first { b"[]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"counts\": ")?;
    out.write_all(&nested(&view.counts, 1)?)?;
    out.write_all(b"\n}\n")
}

/// Prints the findings array of a report, one finding at a time, each with the separator
/// before it.
struct Findings<'a> {
    out: &'a mut dyn Write,
    first: bool,
}

impl Findings<'_> {
    /// Prints a finding printed already by [`nested`] at depth 2.
    fn printed(&mut self, finding: &[u8]) -> io::Result<()> {
        self.separator()?;
        self.out.write_all(finding)
    }

    /// Prints `finding` at depth 2 as it is serialized.
    fn streamed<T: Serialize>(&mut self, finding: &T) -> io::Result<()> {
        self.separator()?;
        let mut out = Indented {
            out: &mut *self.out,
            indent: 4,
        };
        serde_json::to_writer_pretty(&mut out, finding).map_err(io::Error::from)
    }

    fn separator(&mut self) -> io::Result<()> {
        let separator: &[u8] = if self.first { b"[\n    " } else { b",\n    " };
        self.first = false;
        self.out.write_all(separator)
    }
}

/// `value` pretty-printed as it reads `depth` levels deep in a pretty-printed document:
/// every line after the first indented two spaces per level. Printed JSON has no raw
/// newline inside a string, so every newline is a line break.
fn nested<T: Serialize>(value: &T, depth: usize) -> io::Result<Vec<u8>> {
    let mut out = Indented {
        out: Vec::new(),
        indent: 2 * depth,
    };
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    Ok(out.out)
}

/// Bytes written to `out` with `indent` spaces after every newline, as they are printed
/// (not printed flat first and then copied).
struct Indented<W> {
    out: W,
    indent: usize,
}

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        const SPACES: &[u8] = b"                ";
        let mut from = 0;
        for at in memchr::memchr_iter(b'\n', buf) {
            self.out.write_all(buf.get(from..=at).unwrap_or_default())?;
            let mut left = self.indent;
            while left > 0 {
                let n = left.min(SPACES.len());
                self.out.write_all(SPACES.get(..n).unwrap_or_default())?;
                left -= n;
            }
            from = at + 1;
        }
        self.out.write_all(buf.get(from..).unwrap_or_default())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes the `crosscheck/lint@1` JSON of a lint run.
pub fn render_lint(report: &super::LintReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    write_json(&super::model::LintView::new(report), out)
}

#[derive(Serialize)]
struct ExtractView {
    schema: &'static str,
    sources: Vec<ExtractSource>,
}

#[derive(Serialize)]
struct ExtractSource {
    id: String,
    path: String,
    published: Option<String>,
    date_basis: String,
    date_warning: Option<String>,
    claims: Vec<ClaimView>,
    mentions: Vec<MentionView>,
    dates: Vec<DateView>,
    /// Places the text puts inside others ("Savar, on the outskirts of Dhaka"), as keys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    places: Vec<crate::extract::PlaceLink>,
    /// Exchange rates the text gives ("$1.27 to the euro"): one `per` is `value` of `unit`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rates: Vec<RateView>,
    /// What happened on a day the text gives ("the February 1 coup").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    occasions: Vec<OccasionView>,
    /// What the text states happened between named parties ("awarded the envoy a medal").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventView>,
    /// JSONL with `--story-keys` only: what puts the source in a story.
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<StoryView>,
    /// JSONL only: everything `report --claims-from` needs (see `extract::record`).
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<crate::extract::record::Record>,
    /// `--all-figures` only: every number read, kept or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    figures: Option<Vec<FigureView>>,
}

/// An exchange rate a source gives, as `extract --format json` lists it.
#[derive(Serialize)]
struct RateView {
    text: String,
    line: usize,
    column: usize,
    per: String,
    unit: String,
    number: Option<Num>,
    value: ValueView,
}

/// An occasion a source dates, as `extract --format json` lists it: the occasion id, the
/// words that tie it to its date, the date as written, what the date says of the day and
/// the days it resolves to.
#[derive(Serialize)]
struct OccasionView {
    id: String,
    text: String,
    date: String,
    line: usize,
    column: usize,
    parts: crate::extract::DateParts,
    from: Option<String>,
    to: Option<String>,
}

/// An event a source states, as `extract --format json` lists it: the event id, the
/// trigger as written, the negation or modal cue before it, the polarity and the parties
/// (canonical names; an occasion the sentence names is "the coup").
#[derive(Serialize)]
struct EventView {
    id: String,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    polarity: crate::extract::Polarity,
    parties: Vec<String>,
    line: usize,
    column: usize,
}

/// What puts a source in a story: the name keys it can share with the other sources of
/// its story (two shared keys that are rare in the corpus link two sources, see
/// `align::story`) and the year of its own trusted date (the story year a source without
/// one borrows is the median of these).
#[derive(Serialize)]
struct StoryView {
    keys: Vec<String>,
    year: Option<i16>,
}

/// A number `extract --all-figures` lists.
#[derive(Serialize)]
pub(crate) struct FigureView {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) number: Option<Num>,
    pub(crate) value: Option<ValueView>,
    pub(crate) unit: Option<String>,
    pub(crate) claim: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) why: Option<&'static str>,
    /// The same figure in other units written beside it ("5 miles (8 km)").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) renderings: Vec<RenderingView>,
    /// The value in the base unit of its quantity, when the pack gives the factor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) normalized: Option<NormalizedView>,
}

/// A figure's value in the base unit of its quantity.
#[derive(Serialize)]
pub(crate) struct NormalizedView {
    pub(crate) measures: String,
    pub(crate) value: ValueView,
}

/// The figures of each source of `analysis`, as `extract --all-figures` lists them.
pub(crate) fn figure_views(analysis: &Analysis, pack: &crate::pack::Pack) -> Vec<Vec<FigureView>> {
    analysis
        .sources
        .iter()
        .zip(&analysis.sentences)
        .zip(&analysis.extractions)
        .map(|((s, sentences), e)| {
            crate::extract::quantity::all_figures(s, sentences, e, pack)
                .into_iter()
                .map(|f| {
                    let p = s.position(f.span.start);
                    FigureView {
                        text: s.text.get(f.span.clone()).unwrap_or("").to_owned(),
                        start: f.span.start,
                        end: f.span.end,
                        line: p.line,
                        column: p.column,
                        number: f.number.map(Num),
                        value: f.value.as_ref().map(ValueView::from),
                        unit: f.unit,
                        claim: f.claim,
                        why: f.why.map(crate::extract::number::Why::as_str),
                        renderings: f
                            .renderings
                            .iter()
                            .map(|(r, v, u)| RenderingView {
                                text: s.text.get(r.clone()).unwrap_or("").to_owned(),
                                value: ValueView::from(v),
                                unit: u.clone(),
                            })
                            .collect(),
                        normalized: f.normalized.map(|(v, q)| NormalizedView {
                            measures: q,
                            value: ValueView::from(&v),
                        }),
                    }
                })
                .collect()
        })
        .collect()
}

#[derive(Serialize)]
struct MentionView {
    text: String,
    key: String,
    canonical: String,
    kind: crate::pack::EntityKind,
    title: Option<String>,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct DateView {
    text: String,
    from: Option<String>,
    to: Option<String>,
    relative: bool,
    basis: String,
    line: usize,
    column: usize,
}

/// Writes the `crosscheck/extract@1` JSON: per source, its claims, mentions and dates.
pub fn render_extract(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    write_json(&extract_view(analysis), out)
}

/// [`render_extract`] with each source's `figures` (`extract --all-figures`): every
/// number read, kept or not, and why.
pub fn render_extract_figures(
    analysis: &Analysis,
    pack: &crate::pack::Pack,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut view = extract_view(analysis);
    for (s, f) in view.sources.iter_mut().zip(figure_views(analysis, pack)) {
        s.figures = Some(f);
    }
    write_json(&view, out)
}

/// Writes one JSON object per source per line (`crosscheck/extract@1` sources), the map
/// step of a sharded run. With `years` (the year each source's own trusted date gives,
/// from [`crate::pipeline::analyze_dated`]), each line also says what puts its source in a
/// story (`story`: its name keys and that year).
pub fn render_extract_lines(
    analysis: &Analysis,
    years: Option<&[Option<i16>]>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records = analysis.sources.iter().zip(&analysis.extractions);
    for (i, (mut s, (source, e))) in extract_view(analysis)
        .sources
        .into_iter()
        .zip(records)
        .enumerate()
    {
        s.story = years.map(|years| StoryView {
            keys: crate::align::story::story_keys(&source.text, e)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            year: years.get(i).copied().flatten(),
        });
        s.record = Some(crate::extract::record::Record::new(source, e));
        serde_json::to_writer(&mut *out, &s).map_err(io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The text of a span of `source`, as an occasion or an event cites it; empty for a
/// span outside the text.
fn span_text(source: &crate::ingest::Source, span: &crate::text::Span) -> String {
    source.text.get(span.clone()).unwrap_or("").to_owned()
}

fn extract_view(analysis: &Analysis) -> ExtractView {
    ExtractView {
        schema: "crosscheck/extract@1",
        sources: analysis
            .sources
            .iter()
            .zip(&analysis.extractions)
            .map(|(s, e)| ExtractSource {
                id: s.id.to_string(),
                path: s.path.clone(),
                published: e.anchor.date.map(|d| d.to_string()),
                date_basis: e.anchor.basis.clone(),
                date_warning: e.anchor.warning.clone(),
                claims: e
                    .claims
                    .iter()
                    .map(|c| ClaimView::from_claim(c, s))
                    .collect(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let p = s.position(m.span.start);
                        MentionView {
                            text: m.text.to_string(),
                            key: m.key.to_string(),
                            canonical: m.canonical.to_string(),
                            kind: m.kind,
                            title: m.title.as_deref().map(str::to_owned),
                            line: p.line,
                            column: p.column,
                        }
                    })
                    .collect(),
                story: None,
                record: None,
                figures: None,
                places: e.places.clone(),
                rates: e
                    .rates
                    .iter()
                    .map(|r| {
                        let p = s.position(r.span.start);
                        RateView {
                            text: s.text.get(r.span.clone()).unwrap_or("").to_owned(),
                            line: p.line,
                            column: p.column,
                            per: r.per.clone(),
                            unit: r.unit.clone(),
                            number: r.number.map(Num),
                            value: ValueView::from(&r.value),
                        }
                    })
                    .collect(),
                occasions: e
                    .occasions
                    .iter()
                    .map(|o| {
                        let p = s.position(o.span.start);
                        OccasionView {
                            id: o.id.clone(),
                            text: span_text(s, &o.span),
                            date: span_text(s, &o.date),
                            line: p.line,
                            column: p.column,
                            parts: o.parts,
                            from: o.from.map(|x| x.to_string()),
                            to: o.to.map(|x| x.to_string()),
                        }
                    })
                    .collect(),
                events: e
                    .events
                    .iter()
                    .map(|f| {
                        let p = s.position(f.span.start);
                        EventView {
                            id: f.id.clone(),
                            text: span_text(s, &f.span),
                            cue: f.cue.as_ref().map(|c| span_text(s, c)),
                            polarity: f.polarity,
                            parties: f.parties.iter().map(|x| x.name.clone()).collect(),
                            line: p.line,
                            column: p.column,
                        }
                    })
                    .collect(),
                dates: e
                    .dates
                    .iter()
                    .map(|d| {
                        let p = s.position(d.span.start);
                        DateView {
                            text: d.text.clone(),
                            from: d.from.map(|x| x.to_string()),
                            to: d.to.map(|x| x.to_string()),
                            relative: d.relative,
                            basis: d.basis.clone(),
                            line: p.line,
                            column: p.column,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct SegmentView {
    schema: &'static str,
    sources: Vec<SegmentSource>,
}

#[derive(Serialize)]
struct SegmentSource {
    id: String,
    path: String,
    sentences: Vec<SentenceView>,
}

#[derive(Serialize)]
struct SentenceView {
    text: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

/// Writes the `crosscheck/segment@1` JSON: per source, its sentences with spans.
pub fn render_segment(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let view = SegmentView {
        schema: "crosscheck/segment@1",
        sources: analysis
            .sources
            .iter()
            .zip(&analysis.sentences)
            .map(|(s, sentences)| SegmentSource {
                id: s.id.to_string(),
                path: s.path.clone(),
                sentences: sentences
                    .iter()
                    .map(|x| {
                        let p = s.position(x.span.start);
                        SentenceView {
                            text: x.text(s).to_owned(),
                            start: x.span.start,
                            end: x.span.end,
                            line: p.line,
                            column: p.column,
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    write_json(&view, out)
}

/// Pretty JSON with a final newline.
pub(crate) fn write_json<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parallel writer prints what serde_json prints for the whole view, with
    /// findings and without.
    #[test]
    fn the_report_writer_is_serde_jsons_pretty_print() {
        let mut analysis = super::super::sample::analysis();
        for _ in 0..2 {
            let view = ReportView::new(&analysis);
            let mut ours = Vec::new();
            write_report(&view, &mut ours).unwrap();
            let mut theirs = Vec::new();
            write_json(&view, &mut theirs).unwrap();
            let mut streamed = Vec::new();
            render_report(&analysis, &mut streamed).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs.clone()).unwrap()
            );
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
            analysis.findings.clear();
        }
    }

    /// A finding citing more claims than a batch may hold is a batch alone, printed as it
    /// is viewed; the others share batches of at most 64 findings and 256 claims (#22).
    #[test]
    fn findings_citing_many_claims_are_batched_alone() {
        let one = super::super::sample::analysis().findings[0].clone();
        let citing = |n: usize| {
            let mut f = one.clone();
            f.evidence = vec![crate::compare::Evidence::at(0, 0..1, 0..1); n];
            f
        };
        let findings: Vec<_> = [2, 3, 300, 2, 200, 100]
            .into_iter()
            .map(citing)
            .chain((0..70).map(|_| citing(1)))
            .collect();
        let sizes: Vec<Vec<usize>> = batches(&findings)
            .iter()
            .map(|b| b.iter().map(|f| f.evidence.len()).collect())
            .collect();
        assert_eq!(sizes[..3], [vec![2, 3], vec![300], vec![2, 200]]);
        assert_eq!((sizes[3].len(), sizes[3][0]), (64, 100));
        assert_eq!(sizes[4], [1; 7]);
        assert_eq!(sizes.len(), 5);
    }

    #[test]
    fn report_json_of_the_sample() {
        let mut out = Vec::new();
        render_report(&super::super::sample::analysis(), &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["schema"], "crosscheck/report@1");
        insta::assert_snapshot!(String::from_utf8(out).unwrap());
    }
}

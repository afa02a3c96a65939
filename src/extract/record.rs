//! The claims of one source as a self-contained record, for a map/reduce split.
//!
//! `crosscheck extract --format jsonl` (the map step) writes one [`Record`] per source in
//! the `record` field of each line; `crosscheck report --claims-from` (the reduce step)
//! reads the records back and runs align, compare and report without the texts.
//!
//! A record holds the [`Extraction`] as the pipeline built it, the source's metadata and
//! boilerplate marks, and a text *skeleton*: the lines that hold a claim, a mention or a
//! date, byte for byte, and every other line blanked to spaces. Byte offsets, line numbers
//! and columns of everything extracted are therefore the same as in the original text, so
//! the report from records equals the report from the texts.
//!
//! The record mirrors internal types, so it is only read by the same crosscheck version
//! that wrote it ([`Record::version`]); the stable contract is the rest of the extract@1
//! line.

use serde::{Deserialize, Serialize};

use super::{ClaimBody, Extraction};
use crate::ingest::{Field, Marked, Metadata, Origin, Source};
use crate::text::{LineIndex, SourceId, Span};

/// The version of crosscheck that writes and reads records.
pub const RECORD_VERSION: &str = concat!("crosscheck ", env!("CARGO_PKG_VERSION"));

/// One source's claims, metadata and text skeleton.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// The crosscheck version that wrote it ([`RECORD_VERSION`]).
    pub version: String,
    /// Length of the source text in bytes.
    pub text_len: usize,
    /// Byte offset of the start of every line after the first.
    pub line_starts: Vec<usize>,
    /// The kept lines: byte offset and text (line terminators included).
    pub lines: Vec<(usize, String)>,
    /// Title, outlet, dates.
    pub meta: MetaRecord,
    /// Boilerplate spans and the rule that marked them.
    pub boilerplate: Vec<(Span, String)>,
    /// For a web page: its map from text offsets to page positions (anchors as
    /// `(offset, line, column)`, then where the body starts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageParts>,
    /// Everything extracted.
    pub extraction: Extraction,
}

/// A web page's map in a record: `(offset, line, column)` anchors, then the body start.
pub type PageParts = (Vec<(usize, usize, usize)>, usize);

/// [`Metadata`] in a record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MetaRecord {
    title: Option<FieldRecord<String>>,
    outlet: Option<FieldRecord<String>>,
    url: Option<FieldRecord<String>>,
    published: Option<FieldRecord<jiff::civil::Date>>,
    dateline: Option<FieldRecord<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<FieldRecord<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct FieldRecord<T> {
    value: T,
    /// `None` for the manifest, else the line and what the line was.
    line: Option<(usize, String)>,
}

impl Record {
    /// The record of one analysed source.
    pub fn new(source: &Source, extraction: &Extraction) -> Record {
        let text = &source.text;
        let index = &source.lines;
        let count = index.line_count();
        let mut keep = vec![false; count + 1];
        for span in spans(extraction) {
            let first = source.text_position(span.start).line;
            let last = source.text_position(span.end).line.max(first);
            if let Some(k) = keep.get_mut(first..=last.min(count)) {
                k.fill(true);
            }
        }
        let mut lines = Vec::new();
        let mut l = 1;
        while l <= count {
            if !keep[l] {
                l += 1;
                continue;
            }
            let start = index.line_start(l).unwrap_or(text.len());
            while l <= count && keep[l] {
                l += 1;
            }
            let end = index.line_start(l).unwrap_or(text.len()).min(text.len());
            if let Some(t) = text.get(start..end) {
                lines.push((start, t.to_owned()));
            }
        }
        Record {
            version: RECORD_VERSION.to_owned(),
            text_len: text.len(),
            line_starts: (2..=count).filter_map(|l| index.line_start(l)).collect(),
            lines,
            meta: MetaRecord::new(&source.meta),
            boilerplate: source
                .boilerplate
                .iter()
                .map(|m| (m.span.clone(), m.rule.to_string()))
                .collect(),
            extraction: extraction.clone(),
            page: source.page.as_ref().map(|m| m.to_parts()),
        }
    }

    /// Rebuilds the source (with its text skeleton) and its extraction.
    ///
    /// # Errors
    ///
    /// A message saying what does not fit: another version, offsets outside the text, a
    /// span that does not fall on the kept text.
    pub fn into_source(self, id: &str, path: &str) -> Result<(Source, Extraction), String> {
        self.into_source_limited(id, path, crate::ingest::DEFAULT_MAX_SOURCE_SIZE)
    }

    /// [`Record::into_source`] for a text of at most `max_len` bytes. Every length,
    /// offset and interval is checked before anything is allocated from it.
    ///
    /// # Errors
    ///
    /// As [`Record::into_source`], and a text longer than `max_len`.
    pub fn into_source_limited(
        self,
        id: &str,
        path: &str,
        max_len: u64,
    ) -> Result<(Source, Extraction), String> {
        if self.version != RECORD_VERSION {
            return Err(format!(
                "record written by `{}`, this is `{RECORD_VERSION}`: run `crosscheck extract` again",
                self.version
            ));
        }
        let len = self.text_len;
        if len as u64 > max_len {
            return Err(format!(
                "`text_len` {len} is larger than the maximum source size of {max_len} bytes (`--max-source-size`)"
            ));
        }
        self.check(len)?;
        // a mention's sentence is never empty: this record was written before it was kept
        if self
            .extraction
            .mentions
            .iter()
            .any(|m| m.sentence_span.is_empty())
        {
            return Err(
                "record without the sentences of its mentions (written by an earlier build): run `crosscheck extract` again"
                    .to_owned(),
            );
        }
        let mut bytes = vec![b' '; len];
        for &s in &self.line_starts {
            bytes[s - 1] = b'\n';
        }
        for (start, t) in &self.lines {
            bytes[*start..start + t.len()].copy_from_slice(t.as_bytes());
        }
        let text =
            String::from_utf8(bytes).map_err(|_| "kept lines overlap or split a character")?;
        let lines = LineIndex::new(&text);
        for span in spans(&self.extraction) {
            if span.start > span.end || text.get(span.clone()).is_none() {
                return Err(format!(
                    "span {}..{} is not in the text (length {len})",
                    span.start, span.end
                ));
            }
        }
        let source = Source {
            id: SourceId(id.to_owned()),
            path: path.to_owned(),
            lines,
            meta: self.meta.into_metadata(),
            boilerplate: self
                .boilerplate
                .into_iter()
                .map(|(span, rule)| Marked {
                    span,
                    rule: rule.into(),
                })
                .collect(),
            text,
            // only extraction reads the dateline, and this source is extracted already
            dateline: None,
            page: self
                .page
                .as_ref()
                .map(|(a, b)| std::sync::Arc::new(crate::ingest::PageMap::from_parts(a, *b))),
        };
        let mut extraction = self.extraction;
        super::prepare(&source.text, &mut extraction.claims);
        Ok((source, extraction))
    }
}

impl Record {
    /// Checks every offset and interval against a text of `len` bytes, allocating nothing.
    fn check(&self, len: usize) -> Result<(), String> {
        let mut last = 0;
        for &s in &self.line_starts {
            if s == 0 || s > len || s <= last {
                return Err(format!(
                    "line start {s} is outside the text (length {len}) or out of order"
                ));
            }
            last = s;
        }
        for (start, t) in &self.lines {
            if start.checked_add(t.len()).is_none_or(|e| e > len) {
                return Err(format!(
                    "kept line at {start} runs past the text (length {len})"
                ));
            }
        }
        for (span, _) in &self.boilerplate {
            if span.start > span.end || span.end > len {
                return Err(format!(
                    "boilerplate span {}..{} is not in the text (length {len})",
                    span.start, span.end
                ));
            }
        }
        for c in &self.extraction.claims {
            if let ClaimBody::Quantity(q) = &c.body {
                let v = &q.value;
                let bad = |x: Option<f64>| x.is_some_and(f64::is_nan);
                let reversed = matches!((v.min, v.max), (Some(a), Some(b)) if a > b);
                if bad(v.min) || bad(v.max) || q.number.is_some_and(|n| !n.is_finite()) || reversed
                {
                    return Err(format!(
                        "the figure at {}..{} has a reversed or undefined interval",
                        c.span.start, c.span.end
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Every span an extraction refers to.
fn spans(e: &Extraction) -> Vec<Span> {
    let mut out = Vec::new();
    for c in &e.claims {
        out.push(c.sentence_span.clone());
        out.push(c.span.clone());
        match &c.body {
            ClaimBody::Quantity(q) => {
                if let Some(t) = &q.scope.time {
                    out.push(t.span.clone());
                }
                out.extend(q.renderings.iter().map(|r| r.span.clone()));
            }
            ClaimBody::Statement(s) => out.push(s.content.clone()),
        }
        if let Some(a) = &c.attribution {
            out.push(a.span.clone());
            out.extend(
                a.speaker
                    .iter()
                    .chain(&a.chain)
                    .filter_map(|p| p.span.clone()),
            );
        }
    }
    out.extend(
        e.mentions
            .iter()
            .flat_map(|m| [m.span.clone(), m.sentence_span.clone()]),
    );
    out.extend(e.dates.iter().map(|d| d.span.clone()));
    out.extend(e.rates.iter().map(|r| r.span.clone()));
    out.extend(
        e.occasions
            .iter()
            .flat_map(|o| [o.span.clone(), o.sentence_span.clone()]),
    );
    out.extend(
        e.events
            .iter()
            .flat_map(|f| [f.span.clone(), f.sentence_span.clone()]),
    );
    out
}

impl MetaRecord {
    fn new(m: &Metadata) -> MetaRecord {
        MetaRecord {
            title: m.title.as_ref().map(FieldRecord::new),
            outlet: m.outlet.as_ref().map(FieldRecord::new),
            url: m.url.as_ref().map(FieldRecord::new),
            published: m.published.as_ref().map(FieldRecord::new),
            dateline: m.dateline.as_ref().map(FieldRecord::new),
            author: m.author.as_ref().map(FieldRecord::new),
        }
    }

    fn into_metadata(self) -> Metadata {
        Metadata {
            title: self.title.map(FieldRecord::into_field),
            outlet: self.outlet.map(FieldRecord::into_field),
            url: self.url.map(FieldRecord::into_field),
            published: self.published.map(FieldRecord::into_field),
            dateline: self.dateline.map(FieldRecord::into_field),
            author: self.author.map(FieldRecord::into_field),
        }
    }
}

impl<T: Clone> FieldRecord<T> {
    fn new(f: &Field<T>) -> FieldRecord<T> {
        FieldRecord {
            value: f.value.clone(),
            line: match &f.origin {
                Origin::Manifest => None,
                Origin::Line { line, what } => Some((*line, (*what).to_owned())),
                // a page field has no line: line 0 names it
                Origin::Page { what } => Some((0, (*what).to_owned())),
            },
        }
    }

    fn into_field(self) -> Field<T> {
        let origin = match self.line {
            None => Origin::Manifest,
            Some((0, what)) => Origin::Page {
                what: static_what(&what),
            },
            Some((line, what)) => Origin::Line {
                line,
                what: static_what(&what),
            },
        };
        Field {
            value: self.value,
            origin,
        }
    }
}

/// The `&'static str` ingest uses for a kind of metadata line.
fn static_what(what: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "`Date:` line",
        "`Source:` line",
        "date line in the page header",
        "headline",
        "wire dateline",
    ];
    KNOWN
        .iter()
        .chain(crate::ingest::PAGE_FIELDS)
        .find(|k| **k == what)
        .copied()
        .unwrap_or("line")
}

/// Serde for [`super::Interval`] with its inclusive flags, and figures that need not be
/// finite.
pub(crate) mod interval {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::extract::Interval;

    #[derive(Serialize, Deserialize)]
    struct Raw {
        min: Option<Float>,
        max: Option<Float>,
        min_inclusive: bool,
        max_inclusive: bool,
    }

    /// A float that survives JSON: finite values as numbers, the others as strings.
    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Float {
        Finite(f64),
        Other(String),
    }

    impl From<f64> for Float {
        fn from(x: f64) -> Float {
            if x.is_finite() {
                Float::Finite(x)
            } else {
                Float::Other(x.to_string())
            }
        }
    }

    impl Float {
        fn value(self) -> f64 {
            match self {
                Float::Finite(x) => x,
                Float::Other(s) => s.parse().unwrap_or(f64::NAN),
            }
        }
    }

    pub(crate) fn serialize<S: Serializer>(i: &Interval, s: S) -> Result<S::Ok, S::Error> {
        Raw {
            min: i.min.map(Float::from),
            max: i.max.map(Float::from),
            min_inclusive: i.min_inclusive,
            max_inclusive: i.max_inclusive,
        }
        .serialize(s)
    }

    /// Serde for an optional figure (`Quantity::number`).
    pub(crate) mod number {
        use super::Float;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub(crate) fn serialize<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
            x.map(Float::from).serialize(s)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<f64>, D::Error> {
            Ok(Option::<Float>::deserialize(d)?.map(Float::value))
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Interval, D::Error> {
        let r = Raw::deserialize(d)?;
        Ok(Interval {
            min: r.min.map(Float::value),
            max: r.max.map(Float::value),
            min_inclusive: r.min_inclusive,
            max_inclusive: r.max_inclusive,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;

    fn analysed(text: &str) -> (Source, Extraction) {
        let pack = Pack::default_pack();
        let source = Source::from_text("a", "a.txt", text, &pack);
        let sentences = crate::segment(&source, &pack);
        let e = crate::extract(&source, &sentences, &pack);
        (source, e)
    }

    const TEXT: &str = "Flood update\n\nSHARE THIS\n\nAt least 40 people were killed on Monday, officials said.\r\n“We are overwhelmed,” said Mayor Ana Lüders, who spoke in Kraków.\n\nLeave a Reply\n";

    #[test]
    fn a_record_round_trips_through_json_to_the_same_extraction_and_positions() {
        let (source, e) = analysed(TEXT);
        assert!(!e.claims.is_empty());
        let json = serde_json::to_string(&Record::new(&source, &e)).unwrap();
        let back: Record = serde_json::from_str(&json).unwrap();
        let (s2, e2) = back.into_source("a", "a.txt").unwrap();
        assert_eq!(e2.claims, e.claims);
        assert_eq!(e2.mentions, e.mentions);
        assert_eq!(e2.dates, e.dates);
        assert_eq!(e2.anchor, e.anchor);
        assert_eq!(s2.meta, source.meta);
        assert_eq!(s2.text.len(), source.text.len());
        assert_eq!(s2.lines, source.lines);
        for c in &e.claims {
            assert_eq!(s2.text.get(c.span.clone()), source.text.get(c.span.clone()));
            assert_eq!(s2.position(c.span.start), source.position(c.span.start));
        }
        // boilerplate lines with nothing extracted are blanked
        assert!(!s2.text.contains("Leave a Reply"), "{:?}", s2.text);
        // what compare reads of the claims: extracted, and rebuilt from the record
        for c in &e2.claims {
            match &c.body {
                ClaimBody::Quantity(q) => assert!(!q.sentence_stems.is_empty()),
                ClaimBody::Statement(st) => assert_eq!(
                    s2.text.get(st.content.clone()),
                    source.text.get(st.content.clone())
                ),
            }
        }
    }

    #[test]
    fn infinite_bounds_survive_json() {
        let i = crate::extract::Interval::closed(Some(f64::NEG_INFINITY), Some(f64::INFINITY));
        let mut ser = serde_json::Serializer::new(Vec::new());
        interval::serialize(&i, &mut ser).unwrap();
        let json = String::from_utf8(ser.into_inner()).unwrap();
        let mut de = serde_json::Deserializer::from_str(&json);
        assert_eq!(interval::deserialize(&mut de).unwrap(), i);
    }

    #[test]
    fn a_span_outside_the_text_is_an_error_not_a_panic() {
        let (source, mut e) = analysed(TEXT);
        e.claims[0].span = 5..100_000;
        let err = Record::new(&source, &{
            let mut ok = e.clone();
            ok.claims.clear();
            ok
        });
        let mut bad = err.clone();
        bad.extraction = e;
        let msg = bad.into_source("a", "a.txt").unwrap_err();
        assert!(msg.contains("not in the text"), "{msg}");
    }

    #[test]
    fn a_record_from_another_version_is_refused() {
        let (source, e) = analysed(TEXT);
        let mut r = Record::new(&source, &e);
        r.version = "crosscheck 0.0.1".into();
        assert!(r.into_source("a", "a.txt").unwrap_err().contains("0.0.1"));
    }

    #[test]
    fn a_record_without_the_sentences_of_its_mentions_is_refused() {
        let (source, e) = analysed(TEXT);
        assert!(!e.mentions.is_empty());
        let mut json = serde_json::to_value(Record::new(&source, &e)).unwrap();
        let mentions = json["extraction"]["mentions"].as_array_mut().unwrap();
        for m in mentions {
            m.as_object_mut().unwrap().remove("sentence_span");
        }
        let old: Record = serde_json::from_value(json).unwrap();
        let msg = old.into_source("a", "a.txt").unwrap_err();
        assert!(msg.contains("run `crosscheck extract` again"), "{msg}");
    }

    #[test]
    fn forged_lengths_and_intervals_are_refused_before_allocating() {
        let fresh = || {
            let (s, e) = analysed(TEXT);
            Record::new(&s, &e)
        };
        let mut huge = fresh();
        huge.text_len = 4_294_967_296;
        let msg = huge.into_source("a", "a.txt").unwrap_err();
        assert!(msg.contains("maximum source size"), "{msg}");
        let mut unordered = fresh();
        unordered.line_starts.reverse();
        if unordered.line_starts.len() > 1 {
            assert!(unordered.into_source("a", "a.txt").is_err());
        }
        let mut reversed = fresh();
        let q = reversed
            .extraction
            .claims
            .iter_mut()
            .find_map(|c| match &mut c.body {
                ClaimBody::Quantity(q) => Some(q),
                ClaimBody::Statement(_) => None,
            });
        let q = q.expect("the sample has a figure");
        q.value.min = Some(5000.0);
        q.value.max = Some(1.0);
        let msg = reversed.into_source("a", "a.txt").unwrap_err();
        assert!(msg.contains("reversed"), "{msg}");
    }
}

//! Invariants shared by the fuzz targets. A broken invariant panics, which libFuzzer
//! reports as a crash with the input that broke it.

#![allow(dead_code)] // each target uses a subset

use std::ops::Range;
use std::sync::{LazyLock, Once};

use crosscheck::{Analysis, Pack, Sentence, Source};

/// Compiled once per process: building the pack compiles every pattern.
pub static PACK: LazyLock<Pack> = LazyLock::new(Pack::default_pack);

/// One rayon worker: the machine is shared and one fuzz process must stay one core.
pub fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build_global();
        LazyLock::force(&PACK);
    });
}

/// `span` slices `text` on character boundaries.
pub fn slice<'a>(text: &'a str, span: &Range<usize>, what: &str) -> &'a str {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    match text.get(span.clone()) {
        Some(s) => s,
        None => panic!(
            "{what}: span {span:?} does not slice the text (len {}) on char boundaries",
            text.len()
        ),
    }
}

/// byte offset -> line:column -> byte offset is the identity on char boundaries.
pub fn round_trip(s: &Source, offset: usize, what: &str) {
    assert!(
        s.text.is_char_boundary(offset),
        "{what}: offset {offset} is not a char boundary"
    );
    let pos = s.position(offset);
    assert!(
        pos.line >= 1 && pos.line <= s.lines.line_count() && pos.column >= 1,
        "{what}: position {pos:?} of offset {offset} out of range"
    );
    let back = s.lines.offset(&s.text, pos);
    assert_eq!(
        back,
        Some(offset),
        "{what}: offset {offset} -> {pos:?} -> {back:?}"
    );
}

/// Round-trips both ends of `span` after checking it slices the text.
pub fn span_ok(s: &Source, span: &Range<usize>, what: &str) {
    slice(&s.text, span, what);
    round_trip(s, span.start, what);
    round_trip(s, span.end, what);
}

/// Source-level invariants: boilerplate sorted and disjoint, every line start round-trips.
pub fn check_source(s: &Source) {
    let mut prev_end = 0;
    for m in &s.boilerplate {
        slice(&s.text, &m.span, "boilerplate");
        assert!(
            m.span.start >= prev_end,
            "boilerplate spans overlap or are out of order at {:?}",
            m.span
        );
        prev_end = m.span.end;
    }
    for line in 1..=s.lines.line_count() {
        let start = s.lines.line_start(line).expect("line in range");
        round_trip(s, start, "line start");
        if let Some(span) = s.lines.line_span(&s.text, line) {
            slice(&s.text, &span, "line span");
        }
    }
    round_trip(s, s.text.len(), "end of text");
}

/// Sentence invariants: exact, trimmed, ordered, disjoint, outside boilerplate, and
/// together covering every non-blank character that is not boilerplate.
pub fn check_sentences(s: &Source, sentences: &[Sentence]) {
    let mut prev_end = 0;
    let mut prev_para = 0;
    for x in sentences {
        let t = slice(&s.text, &x.span, "sentence");
        span_ok(s, &x.span, "sentence");
        assert!(!t.is_empty(), "empty sentence at {:?}", x.span);
        assert!(
            x.span.start >= prev_end,
            "sentences overlap or are out of order at {:?} (previous ended at {prev_end})",
            x.span
        );
        assert!(x.paragraph >= prev_para, "paragraph numbers go back");
        assert!(
            !t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace),
            "sentence {:?} is not trimmed: {t:?}",
            x.span
        );
        assert!(
            !s.is_boilerplate(x.span.start),
            "sentence {:?} starts in boilerplate",
            x.span
        );
        prev_end = x.span.end;
        prev_para = x.paragraph;
    }
    // Coverage: walk the content spans and the sentences together.
    let mut i = 0;
    for content in s.content_spans() {
        for (off, c) in s.text[content.clone()].char_indices() {
            let at = content.start + off;
            if c.is_whitespace() {
                continue;
            }
            while i < sentences.len() && sentences[i].span.end <= at {
                i += 1;
            }
            let covered = sentences.get(i).is_some_and(|x| x.span.start <= at);
            assert!(
                covered,
                "non-blank content character {c:?} at byte {at} is in no sentence"
            );
        }
    }
}

/// Everything the pipeline produced points into its source exactly, and the findings point
/// at real sources.
pub fn check_analysis(a: &Analysis) {
    assert_eq!(a.sources.len(), a.sentences.len());
    assert_eq!(a.sources.len(), a.extractions.len());
    for (i, s) in a.sources.iter().enumerate() {
        check_source(s);
        let sentences = &a.sentences[i];
        check_sentences(s, sentences);
        let e = &a.extractions[i];
        let mut prev_sentence = 0;
        for c in &e.claims {
            assert!(
                c.sentence < sentences.len(),
                "claim sentence index out of range"
            );
            assert!(c.sentence >= prev_sentence, "claims out of text order");
            prev_sentence = c.sentence;
            assert_eq!(
                c.sentence_span, sentences[c.sentence].span,
                "claim sentence span"
            );
            span_ok(s, &c.span, "claim");
            match &c.body {
                crosscheck::ClaimBody::Quantity(q) => {
                    assert!(
                        c.span.start >= c.sentence_span.start && c.span.end <= c.sentence_span.end,
                        "quantity claim {:?} outside its sentence {:?}",
                        c.span,
                        c.sentence_span
                    );
                    assert!(!q.number.is_some_and(f64::is_nan), "NaN figure");
                    assert!(!q.value.min.is_some_and(f64::is_nan), "NaN lower bound");
                    assert!(!q.value.max.is_some_and(f64::is_nan), "NaN upper bound");
                    if let (Some(lo), Some(hi)) = (q.value.min, q.value.max) {
                        assert!(lo <= hi, "interval [{lo}, {hi}] is reversed");
                    }
                    if let Some(t) = &q.scope.time {
                        span_ok(s, &t.span, "time scope");
                        if let (Some(f), Some(to)) = (t.from, t.to) {
                            assert!(f <= to, "time scope {f}..{to} reversed");
                        }
                    }
                }
                crosscheck::ClaimBody::Statement(st) => {
                    span_ok(s, &st.content, "statement content");
                    assert!(
                        st.sentences.contains(&c.sentence),
                        "statement sentences {:?} miss its own sentence {}",
                        st.sentences,
                        c.sentence
                    );
                    assert!(
                        st.sentences.end <= sentences.len(),
                        "statement sentences out of range"
                    );
                }
            }
            if let Some(att) = &c.attribution {
                span_ok(s, &att.span, "attribution");
                for p in att.speaker.iter().chain(&att.chain) {
                    if let Some(sp) = &p.span {
                        span_ok(s, sp, "party");
                    }
                }
            }
        }
        for m in &e.mentions {
            span_ok(s, &m.span, "mention");
            assert!(
                m.sentence < sentences.len(),
                "mention sentence out of range"
            );
        }
        for d in &e.dates {
            span_ok(s, &d.span, "date");
            assert!(d.sentence < sentences.len(), "date sentence out of range");
            if let (Some(f), Some(to)) = (d.from, d.to) {
                assert!(f <= to, "date {f}..{to} reversed");
            }
        }
    }
    for f in &a.findings {
        assert!(
            (0.0..=1.0).contains(&f.confidence),
            "confidence {} out of [0, 1]",
            f.confidence
        );
        for ev in &f.evidence {
            let s = a.sources.get(ev.source).expect("evidence names a source");
            span_ok(s, &ev.span, "evidence");
            span_ok(s, &ev.sentence, "evidence sentence");
        }
    }
}

/// Every report renders, and the JSON one is valid JSON.
pub fn render_reports(a: &Analysis) {
    let mut out = Vec::new();
    crosscheck::report::json::render_report(a, &mut out).expect("json report renders");
    serde_json::from_slice::<serde_json::Value>(&out).expect("json report is valid JSON");
    out.clear();
    crosscheck::report::json::render_extract(a, &mut out).expect("extract json renders");
    serde_json::from_slice::<serde_json::Value>(&out).expect("extract json is valid JSON");
    out.clear();
    crosscheck::report::human::render(a, &Default::default(), &mut out)
        .expect("human report renders");
    out.clear();
    crosscheck::report::markdown::render(a, &mut out).expect("markdown report renders");
}

//! Hostile and pathological input: every one either works or gets an error naming the
//! file, provenance stays exact, nothing panics, and work stays near-linear.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use crosscheck::ingest::{ingest, Encoding, Input, InputErrorKind};
use crosscheck::{analyze, Options, Pack, Source};
use proptest::prelude::*;

/// One pack for every test: loading compiles every pattern, which is slow in debug builds.
static PACK: std::sync::LazyLock<Pack> = std::sync::LazyLock::new(Pack::default_pack);

fn run(text: &str) -> crosscheck::Analysis {
    let s = Source::from_text("x", "x.txt", text, &PACK);
    analyze(&PACK, vec![s], &Options::default())
}

/// Every span the pipeline produced slices the original text on char boundaries.
fn assert_spans_exact(a: &crosscheck::Analysis) {
    for (i, s) in a.sources.iter().enumerate() {
        for x in &a.sentences[i] {
            assert!(
                s.text.get(x.span.clone()).is_some(),
                "sentence span {:?}",
                x.span
            );
        }
        for c in &a.extractions[i].claims {
            assert!(
                s.text.get(c.span.clone()).is_some(),
                "claim span {:?}",
                c.span
            );
            assert!(
                c.span.start >= c.sentence_span.start && c.span.end <= c.sentence_span.end
                    || c.span.start < c.sentence_span.end
            );
        }
        for m in &a.extractions[i].mentions {
            assert!(
                s.text.get(m.span.clone()).is_some(),
                "mention span {:?}",
                m.span
            );
        }
    }
    for f in &a.findings {
        for e in &f.evidence {
            let s = &a.sources[e.source];
            assert!(s.text.get(e.span.clone()).is_some());
            assert!(s.text.get(e.sentence.clone()).is_some());
        }
    }
}

#[test]
fn a_ten_megabyte_line_without_newline_is_processed() {
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        text.push_str(
            "Officials said at least 12 people were killed and 40 injured on Monday, and ",
        );
    }
    text.push('.');
    let a = run(&text);
    assert_spans_exact(&a);
}

#[test]
fn deep_brackets_unpaired_quotes_and_huge_numbers_do_not_panic() {
    let mut text = String::from("Headline about nothing at all\n\n");
    text.push_str(&"(".repeat(10_000));
    text.push_str(" “unpaired quote. «another. ");
    text.push_str(&"9".repeat(1_000_000));
    text.push_str(" people died. ");
    text.push_str("A toll of 99999999999999999999999999 people, 1e308 and 1.8e309 dollars were said to be lost.");
    text.push_str(&")".repeat(10_000));
    let a = run(&text);
    assert_spans_exact(&a);
}

#[test]
fn bidi_zero_width_emoji_and_combining_marks_keep_columns_in_characters() {
    let text = "Quake toll rises in the valley\n\n\u{202e}Officials\u{200b} said 👩‍👩‍👧 e\u{301}e\u{301} at least 30 people died on Monday.\n";
    let a = run(text);
    assert_spans_exact(&a);
    let s = &a.sources[0];
    let at = s.text.find("at least").unwrap();
    let p = s.position(at);
    assert_eq!(p.line, 3);
    assert_eq!(
        p.column,
        s.text[s.lines.line_start(3).unwrap()..at].chars().count() + 1
    );
}

#[test]
fn nul_bytes_and_binary_inside_a_directory_are_named_errors() {
    let pack = Pack::default_pack();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Storm hits coast\n\nAt least 3 people died, police said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"text with a NUL \0 byte in it\n").unwrap();
    // a UTF-16 byte-order mark, then a lone surrogate
    std::fs::write(dir.path().join("c.md"), [0xff_u8, 0xfe, 0x00, 0xd8]).unwrap();
    let got = ingest(
        &[Input::Path(dir.path().to_path_buf())],
        Encoding::Utf8,
        &pack,
    );
    assert_eq!(got.sources.len(), 1);
    assert_eq!(got.errors.len(), 2, "{:?}", got.errors);
    assert!(got.errors.iter().all(|e| matches!(
        e.kind,
        InputErrorKind::Binary | InputErrorKind::NotUtf8 { .. } | InputErrorKind::BadUtf16 { .. }
    )));
}

#[test]
fn crlf_and_lone_cr_keep_provenance_exact() {
    let text = "Flood toll rises\r\n\r\nAt least 9 people died on Monday, officials said.\rRescuers found 4 more bodies on Tuesday.\r\n";
    let a = run(text);
    assert_spans_exact(&a);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let a = run(&text);
        assert_spans_exact(&a);
    }

    #[test]
    fn newsy_text_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("At least 320 people"), Just(" were killed"), Just(" since the Feb. 1 coup"), Just(", rights monitors say."),
        Just(" “We are appalled,” he said."), Just(" $1.5bn"), Just(" 16%"), Just(" on Friday"), Just("\n\n"), Just("\n"),
        Just(" Mr. Smith"), Just(" U.S."), Just(" (about 40)"), Just(" 3,000"), Just(" six times"), Just("..."),
        Just(" according to the Association for Detainees' Rights (ADR)"), Just(" Leave a Reply\n"),
        Just(", the same tally they gave for"), Just(" Alder Bay, and"), Just(" Dünmöre"), Just(" éé"),
        Just(" twice the size of"), Just(" three times larger than"), Just(" the Women's March protest"),
    ], 0..40)) {
        let text: String = parts.concat();
        let a = run(&text);
        assert_spans_exact(&a);
    }
}

/// Found by fuzzing (`fuzz/`, target `scale`, `-timeout=10`): line:column lookups counted
/// characters from the start of the line, so every position on a page that is one long line
/// cost the length of the line, and a report on it was quadratic (a fixture paragraph
/// repeated into one 256 KiB line, analysed as two sources, took over 10 s to check). The
/// input is the fuzzer's, repeated the way the target repeats it.
#[test]
fn fuzz_scale_timeout_one_long_line_round_trips_every_span() {
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/fuzz/scale-timeout-one-long-line.txt"
    ))
    .unwrap()
    .replace(['\n', '\r'], " ");
    let text = unit.repeat(256 * 1024 / unit.len() + 1);
    let a = run(&text);
    assert_spans_exact(&a);
    let s = &a.sources[0];
    assert_eq!(s.lines.line_count(), 1);
    let claims = &a.extractions[0].claims;
    assert!(claims.len() > 1_000, "{} claims", claims.len());
    for c in claims {
        for off in [c.span.start, c.span.end] {
            let pos = s.position(off);
            assert_eq!(s.lines.offset(&s.text, pos), Some(off));
        }
    }
}

/// The mechanism behind the finding above, without the pipeline: lookups near the end of
/// a 4 MB line. Counting from the line start did 14,000 × 4 MB of work (minutes); with
/// column marks each lookup counts at most a kilobyte.
#[test]
fn positions_near_the_end_of_one_huge_line_round_trip() {
    // Correctness only (no timing in tests): with the per-line character checkpoints a
    // lookup counts at most ~1 KiB, so this is quick; the cost on long lines is
    // measured by the `scale` fuzz target and the benches.
    let text = "Officials said 12 people died, ".repeat((4 << 20) / 31);
    let index = crosscheck::text::LineIndex::new(&text);
    for i in (0..100_000).step_by(7) {
        let off = text.len() - 1 - i;
        let pos = index.position(&text, off);
        assert_eq!(pos.line, 1);
        assert_eq!(
            pos.column,
            off + 1,
            "ASCII: the column is the byte offset plus one"
        );
        assert_eq!(index.offset(&text, pos), Some(off));
    }
}

//! Arbitrary bytes through the whole pipeline, as the CLI would read them.
//!
//! The input is split on NUL bytes into up to three articles (a NUL makes a file binary, so
//! it is free to use as a separator). Each is ingested as standard input twice: as UTF-8,
//! which must either succeed with the exact text (terminal control sequences blanked to
//! spaces) or fail naming the first bad byte, and as Latin-1, which always decodes. Input
//! behind a UTF-16 byte-order mark is decoded as UTF-16 either way: only its outcome count
//! is checked. The Latin-1 sources are then segmented, extracted,
//! aligned and compared together, every span is checked against its source, and every
//! report is rendered.

#![no_main]

mod common;

use crosscheck::ingest::{ingest, Encoding, Input, InputErrorKind};
use crosscheck::{analyze, Options};
use libfuzzer_sys::fuzz_target;

use common::{check_analysis, init, render_reports, PACK};

fuzz_target!(|data: &[u8]| {
    init();
    let mut sources = Vec::new();
    for part in data.split(|&b| b == 0).take(3) {
        let input = [Input::Stdin(part.to_vec())];
        let utf8 = ingest(&input, Encoding::Utf8, &PACK);
        let latin = ingest(&input, Encoding::Latin1, &PACK);
        assert_eq!(
            utf8.sources.len() + utf8.errors.len(),
            1,
            "one input, one outcome"
        );
        assert_eq!(
            latin.sources.len() + latin.errors.len(),
            1,
            "one input, one outcome"
        );
        if part.starts_with(&[0xFF, 0xFE]) || part.starts_with(&[0xFE, 0xFF]) {
            sources.extend(latin.sources);
            continue;
        }
        let decoded: String = match std::str::from_utf8(part) {
            Ok(t) => t.to_owned(),
            Err(e) => {
                // UTF-8 reading fails (unless the bytes are binary or blank) at the first bad byte.
                if let Some(err) = utf8.errors.first() {
                    if let InputErrorKind::NotUtf8 { offset, line } = err.kind {
                        assert_eq!(offset, e.valid_up_to(), "not-UTF-8 offset");
                        let want = part[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
                        assert_eq!(line, want, "not-UTF-8 line");
                    }
                } else {
                    panic!("invalid UTF-8 was read as UTF-8");
                }
                part.iter().map(|&b| char::from(b)).collect()
            }
        };
        let want = crosscheck::text::blank_control_sequences(
            decoded
                .strip_prefix('\u{feff}')
                .unwrap_or(&decoded)
                .to_owned(),
        );
        if let Some(s) = utf8.sources.first() {
            assert_eq!(s.text, want, "UTF-8 source text is the input exactly");
        }
        if let Some(s) = latin.sources.into_iter().next() {
            assert_eq!(s.text, want, "Latin-1 source text is the input exactly");
            sources.push(s);
        }
    }
    if sources.is_empty() {
        return;
    }
    let analysis = analyze(&PACK, sources, &Options::default());
    check_analysis(&analysis);
    render_reports(&analysis);
});

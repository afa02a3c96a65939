//! Super-linear behaviour: the input (as text, line breaks made spaces) is repeated into
//! one line of about 256 KiB, one paragraph and often one huge sentence, and run through
//! the whole pipeline as two sources. A linear pipeline does this in well under a second; a quadratic step on one
//! huge sentence or paragraph exceeds libFuzzer's `-timeout` or `-rss_limit_mb`, which
//! report it as a finding.

#![no_main]

mod common;

use crosscheck::{analyze, Options, Source};
use libfuzzer_sys::fuzz_target;

use common::{check_analysis, init, PACK};

const TARGET_BYTES: usize = 256 * 1024;

fuzz_target!(|data: &[u8]| {
    init();
    let unit = String::from_utf8_lossy(data).replace(['\n', '\r'], " ");
    if unit.trim().is_empty() {
        return;
    }
    let copies = TARGET_BYTES / unit.len() + 1;
    let text = unit.repeat(copies);
    let a = Source::from_text("a", "a.txt", &text, &PACK);
    let b = Source::from_text("b", "b.txt", &text, &PACK);
    let analysis = analyze(&PACK, vec![a, b], &Options::default());
    check_analysis(&analysis);
});

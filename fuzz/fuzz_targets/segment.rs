//! Arbitrary text through segmentation alone (faster than the whole pipeline, so it gets
//! deeper into the boundary rules): sentences must be exact, trimmed, ordered, disjoint and
//! cover every non-blank character that is not boilerplate.

#![no_main]

mod common;

use crosscheck::{segment, Source};
use libfuzzer_sys::fuzz_target;

use common::{check_sentences, check_source, init, PACK};

fuzz_target!(|data: &[u8]| {
    init();
    let text = String::from_utf8_lossy(data);
    let source = Source::from_text("f", "f.txt", &text, &PACK);
    check_source(&source);
    let sentences = segment(&source, &PACK);
    check_sentences(&source, &sentences);
});

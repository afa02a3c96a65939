//! Throughput of the `segment` stage over generated news-like text.
//!
//! Run with `cargo bench --bench segment`; the bytes counter gives MB/s per core.

use crosscheck::{Pack, Source};
use divan::counter::BytesCount;

// The allocator of the `crosscheck` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Deterministic news-like text of about `target` bytes: headline, dateline, paragraphs
/// with abbreviations, quotes, numbers and decimals.
fn news(target: usize) -> String {
    const SENTENCES: [&str; 12] = [
        "The city council approved a budget of $1.25 billion on Feb. 3, officials said.",
        "Mayor Jane R. Doe told reporters at 10 a.m. that the plan would add 300 jobs.",
        "\"This is a historic day for the city,\" she said. \"We kept our promise.\"",
        "Critics, including Sen. Mark Hill of the U.S. Senate, called the figures optimistic.",
        "About 4.5 percent of the money goes to schools, according to the report.",
        "The vote was 7-2. Two members, Dr. Ann Lee and Mr. Tom Ray, voted against it.",
        "Was the plan rushed? Some residents think so!",
        "Officials from the U.N. and the E.U. were not available for comment.",
        "Construction is expected to start in Jan. 2027 (weather permitting).",
        "The firm, Acme Inc., said its shares rose 2.3% to $45.10 in early trading.",
        "Earlier, some 1,200 people attended the hearing... It lasted four hours.",
        "Police said the suspect, identified as J. Smith, 34, was released on bail.",
    ];
    let mut out = String::with_capacity(target + 512);
    let mut i = 0usize;
    let mut para = 0usize;
    while out.len() < target {
        if para.is_multiple_of(20) {
            out.push_str("City Approves Record Budget After Long Debate\n\n");
            out.push_str("SPRINGFIELD (Wire) – ");
        }
        for _ in 0..(3 + para % 4) {
            out.push_str(SENTENCES[i % SENTENCES.len()]);
            out.push(' ');
            i = i.wrapping_mul(7).wrapping_add(5) % 9973;
        }
        out.push_str("\n\n");
        para += 1;
    }
    out
}

#[divan::bench(args = [64 * 1024, 1024 * 1024])]
fn segment_news(bencher: divan::Bencher, size: usize) {
    let pack = Pack::default_pack();
    let source = Source::from_text("bench", "bench.txt", &news(size), &pack);
    bencher
        .counter(BytesCount::new(source.text.len()))
        .bench(|| {
            let sentences = crosscheck::segment(divan::black_box(&source), &pack);
            assert!(sentences.len() > 10, "news text has sentences");
            sentences
        });
}

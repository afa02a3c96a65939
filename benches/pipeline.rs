//! Benchmarks of each stage and of the whole pipeline over generated corpora of 10, 100
//! and 1,000 sources (about 4.5 KB each), with byte counters so divan prints MB/s.
//!
//! Stage benches run on one thread (per-core throughput); `analyze` uses the global rayon
//! pool, as the CLI does. 10,000 sources are measured by `examples/scale_eval.rs`.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```

use std::hint::black_box;

use crosscheck::{Options, Pack, Sentence, Source};
use divan::counter::BytesCount;
use divan::Bencher;

#[path = "corpus/mod.rs"]
mod corpus;

const SIZES: [usize; 3] = [10, 100, 1000];

// The allocator of the `crosscheck` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The generated articles of an `n`-source corpus, and their size in bytes.
fn articles(n: usize) -> (Vec<corpus::Article>, usize) {
    let c = corpus::generate(&corpus::Config::new(n));
    let bytes = c.bytes();
    (c.articles, bytes)
}

fn sources(pack: &Pack, articles: &[corpus::Article]) -> Vec<Source> {
    articles
        .iter()
        .map(|a| Source::from_text(&a.id, &a.path, &a.text, pack))
        .collect()
}

/// Source::from_text: boilerplate marking, metadata and the line index.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn ingest(bencher: Bencher, n: usize) {
    let pack = Pack::default_pack();
    let (articles, bytes) = articles(n);
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let sources = sources(&pack, black_box(&articles));
        black_box(sources.iter().map(|s| s.boilerplate.len()).sum::<usize>())
    });
}

/// segment, per source, on one thread.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn segment(bencher: Bencher, n: usize) {
    let pack = Pack::default_pack();
    let (articles, bytes) = articles(n);
    let sources = sources(&pack, &articles);
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut count = 0;
        for s in black_box(&sources) {
            count += crosscheck::segment(s, &pack).len();
        }
        black_box(count)
    });
}

/// extract, per source, on one thread (sentences computed beforehand).
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn extract(bencher: Bencher, n: usize) {
    let pack = Pack::default_pack();
    let (articles, bytes) = articles(n);
    let sources = sources(&pack, &articles);
    let sentences: Vec<Vec<Sentence>> = sources
        .iter()
        .map(|s| crosscheck::segment(s, &pack))
        .collect();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut count = 0;
        for (s, sent) in black_box(&sources).iter().zip(&sentences) {
            count += crosscheck::extract(s, sent, &pack).claims.len();
        }
        black_box(count)
    });
}

/// align + compare over the extractions of the whole corpus.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn align_compare(bencher: Bencher, n: usize) {
    let pack = Pack::default_pack();
    let (articles, bytes) = articles(n);
    let sources = sources(&pack, &articles);
    let extractions: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::extract(s, &crosscheck::segment(s, &pack), &pack))
        .collect();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let groups = crosscheck::align(black_box(&sources), &extractions);
        let findings = crosscheck::compare(&groups, &sources, &extractions, &pack);
        black_box(findings.len())
    });
}

/// The whole pipeline (analyze) on the global rayon pool, sources already ingested.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn analyze(bencher: Bencher, n: usize) {
    let pack = Pack::default_pack();
    let (articles, bytes) = articles(n);
    let sources = sources(&pack, &articles);
    let options = Options::default();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| sources.clone())
        .bench_local_values(|sources| {
            let analysis = crosscheck::analyze(&pack, sources, &options);
            black_box(analysis.findings.len())
        });
}

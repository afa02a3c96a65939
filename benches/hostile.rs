//! Size sweeps over the hostile shapes of issue #22, to show that the work grows
//! linearly with the input: one sentence repeated through a file beside one other
//! source, two articles dense with distinct names and figures, and one long line without
//! a sentence end beside one other source. Each size doubles the last; time per byte
//! (divan's MB/s) should stay flat across a sweep.
//!
//! ```text
//! cargo bench --bench hostile
//! ```

use std::hint::black_box;

use crosscheck::{analyze, Options, Pack, Source};
use divan::counter::BytesCount;
use divan::Bencher;

// The allocator of the `crosscheck` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Input sizes in KiB.
const SIZES: [usize; 4] = [128, 256, 512, 1024];

const OTHER: &str = "Harbour storm\n\nRescuers said 15 boats sank in the harbour on Sunday, according to the port authority.\n";

fn main() {
    divan::main();
}

/// `unit` repeated up to `kib` KiB.
fn repeated(unit: &str, kib: usize) -> String {
    unit.repeat((kib << 10) / unit.len() + 1)
}

/// A text of about `kib` KiB in which every sentence names three people not named
/// before and gives its own figure (a small deterministic generator, no randomness).
fn name_dense(kib: usize, seed: u64) -> String {
    const SYLLABLES: [&str; 15] = [
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sha", "dor", "len", "mar", "bek",
        "tin",
    ];
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    let mut next = move || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as usize
    };
    let word = |next: &mut dyn FnMut() -> usize| {
        let w: String = (0..3)
            .map(|_| SYLLABLES[next() % SYLLABLES.len()])
            .collect();
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let mut text = String::new();
    while text.len() < kib << 10 {
        let names: Vec<String> = (0..6).map(|_| word(&mut next)).collect();
        text.push_str(&format!(
            "{} {} met {} {} and {} {} said {} people attended. ",
            names[0],
            names[1],
            names[2],
            names[3],
            names[4],
            names[5],
            2 + next() % 900
        ));
    }
    text
}

fn run(bencher: Bencher, texts: Vec<String>) {
    let pack = Pack::default_pack();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source::from_text(&format!("s{i}"), &format!("s{i}.txt"), t, &pack))
            .collect();
        let a = analyze(&pack, black_box(sources), &Options::default());
        black_box(a.findings.len())
    });
}

/// One sentence repeated through the file, beside one other source.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn repeated_sentence(bencher: Bencher, kib: usize) {
    let unit = "Officials said at least 12 people were killed on Monday in the harbour town. ";
    run(bencher, vec![repeated(unit, kib), OTHER.to_owned()]);
}

/// Two articles dense with distinct names and figures.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn distinct_names(bencher: Bencher, kib: usize) {
    run(
        bencher,
        vec![name_dense(kib / 2, 1), name_dense(kib / 2, 2)],
    );
}

/// One line with no sentence end, beside one other source.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn one_long_line(bencher: Bencher, kib: usize) {
    let unit = "the council said 40 homes were damaged and 3 people were hurt on Monday, and ";
    let mut line = repeated(unit, kib);
    line.push('.');
    run(bencher, vec![line, OTHER.to_owned()]);
}

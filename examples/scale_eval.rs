//! Speed and accuracy at scale: generates corpora of N sources, runs the whole pipeline
//! (ingest from memory, then `crosscheck::analyze`), and prints wall time, MB/s, peak
//! memory, a per-stage breakdown and the recall/precision of the injected conflicts.
//!
//! ```text
//! cargo run --release --example scale_eval -- --sizes 1000,10000
//! ```
//!
//! Stage rows: `ingest` as run (rayon pool), then `ingest`, `segment` and `extract` again
//! on ONE thread over the same texts (per-core MB/s); `align` and `compare` are timed on
//! the one-thread extractions. Wall is ingest + analyze, as a user waits for it.
//!
//! With `--html KB`, each corpus is run a second time as saved web pages of about KB
//! kilobytes each (the same texts in a news page's markup, `corpus::page`), read with
//! `Source::from_html`, and the wall time of pages against text is printed.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use crosscheck::{Options, Pack, Source, Verdict};
use rayon::prelude::*;

struct Args {
    sizes: Vec<usize>,
    stories: Option<usize>,
    seed: Option<u64>,
    stages: bool,
    /// Also run the corpus as web pages of about this many KB each.
    html_kb: Option<usize>,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut out = Args {
        sizes: vec![10_000],
        stories: None,
        seed: None,
        stages: true,
        html_kb: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("`{a}` needs a value"))
        };
        match a.as_str() {
            "--sources" | "--sizes" => {
                out.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse())
                    .collect::<Result<_, _>>()?;
            }
            "--stories" => out.stories = Some(value()?.parse()?),
            "--seed" => out.seed = Some(value()?.parse()?),
            "--no-stages" => out.stages = false,
            "--html" => out.html_kb = Some(value()?.parse()?),
            "-h" | "--help" => {
                println!(
                    "usage: scale_eval [--sizes N[,N...]] [--stories M] [--seed S] [--no-stages] [--html KB]"
                );
                std::process::exit(0);
            }
            other => anyhow::bail!("unknown argument `{other}`"),
        }
    }
    Ok(out)
}

struct Run {
    n: usize,
    mb: f64,
    wall: Duration,
}

// The allocator of the `crosscheck` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let pack = Pack::default_pack();
    println!(
        "machine: {} threads (rayon), {}",
        rayon::current_num_threads(),
        cpu_model()
    );
    let mut runs = Vec::new();
    for &n in &args.sizes {
        let mut cfg = corpus::Config::new(n);
        if let Some(m) = args.stories {
            cfg.stories = m;
        }
        if let Some(s) = args.seed {
            cfg.seed = s;
        }
        runs.push(run(&pack, &cfg, args.stages, args.html_kb));
    }
    if runs.len() > 1 {
        let first = &runs[0];
        for r in &runs[1..] {
            println!(
                "scaling: {} sources took {:.2}x the time of {} ({:.1}x the bytes)",
                r.n,
                r.wall.as_secs_f64() / first.wall.as_secs_f64(),
                first.n,
                r.mb / first.mb
            );
        }
    }
    Ok(())
}

fn run(pack: &Pack, cfg: &corpus::Config, stages: bool, html_kb: Option<usize>) -> Run {
    let t = Instant::now();
    let corpus = corpus::generate(cfg);
    let gen_time = t.elapsed();
    let bytes = corpus.bytes();
    let mb = bytes as f64 / 1e6;
    println!(
        "\n== {} sources, {} stories, {:.1} MB, {} injected conflicts (generated in {:.2} s)",
        corpus.articles.len(),
        cfg.stories,
        mb,
        corpus.conflicts.len(),
        gen_time.as_secs_f64()
    );

    let load = load_average();
    let (ingest_t, sources) = timed(|| {
        corpus
            .articles
            .par_iter()
            .map(|a| Source::from_text(&a.id, &a.path, &a.text, pack))
            .collect::<Vec<Source>>()
    });
    let (analyze_t, analysis) = timed(|| crosscheck::analyze(pack, sources, &Options::default()));
    let (ingest, analyze) = (ingest_t.wall, analyze_t.wall);
    let wall = ingest + analyze;
    let cpu = ingest_t.cpu.zip(analyze_t.cpu).map(|(a, b)| a + b);
    let hwm = peak_memory_kb();

    let claims: usize = analysis.extractions.iter().map(|e| e.claims.len()).sum();
    let sentences: usize = analysis.sentences.iter().map(Vec::len).sum();
    let (score, by_verdict) = outcome(&corpus, &analysis.findings);

    println!(
        "wall {:.2} s ({:.1} MB/s): ingest {:.2} s + analyze {:.2} s; CPU {}; peak memory (VmHWM) {}; load average {load}",
        wall.as_secs_f64(),
        mb / wall.as_secs_f64(),
        ingest.as_secs_f64(),
        analyze.as_secs_f64(),
        cpu.map_or_else(|| "n/a".to_owned(), |c| format!("{c:.2} s")),
        hwm.map_or_else(
            || "n/a".to_owned(),
            |kb| format!("{:.0} MB", kb as f64 / 1024.0)
        )
    );
    println!(
        "{} sentences, {} claims, {} findings {:?}",
        sentences,
        claims,
        analysis.findings.len(),
        by_verdict
    );
    println!(
        "injected conflicts: recall {:.3} ({}/{} detectable found), precision {:.3} ({}/{} conflict findings correct)",
        score.recall(),
        score.found,
        score.injected,
        score.precision(),
        score.correct,
        score.reported
    );

    if stages {
        println!("stage         wall       CPU   MB/s wall  MB/s CPU   threads");
        row("ingest", ingest_t, mb, rayon::current_num_threads());
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool can always be built");
        let (ing1, again) = one.install(|| {
            timed(|| {
                corpus
                    .articles
                    .iter()
                    .map(|a| Source::from_text(&a.id, &a.path, &a.text, pack))
                    .collect::<Vec<_>>()
            })
        });
        row("ingest", ing1, mb, 1);
        drop(again);
        let (seg, sentences) = one.install(|| {
            timed(|| {
                analysis
                    .sources
                    .iter()
                    .map(|s| crosscheck::segment(s, pack))
                    .collect::<Vec<_>>()
            })
        });
        row("segment", seg, mb, 1);
        let (ext, extractions) = one.install(|| {
            timed(|| {
                analysis
                    .sources
                    .iter()
                    .zip(&sentences)
                    .map(|(s, sent)| crosscheck::extract(s, sent, pack))
                    .collect::<Vec<_>>()
            })
        });
        row("extract", ext, mb, 1);
        drop(sentences);
        let (al, groups) = timed(|| crosscheck::align(&analysis.sources, &extractions));
        row("align", al, mb, rayon::current_num_threads());
        let (cmp, findings) =
            timed(|| crosscheck::compare(&groups, &analysis.sources, &extractions, pack));
        row("compare", cmp, mb, rayon::current_num_threads());
        black_box(findings.len());
        println!("{} groups", groups.len());
    }
    if let Some(kb) = html_kb {
        let prints = fingerprints(&analysis);
        drop(analysis);
        as_pages(pack, &corpus, kb, wall, &prints, &score);
    }
    Run {
        n: corpus.articles.len(),
        mb,
        wall,
    }
}

/// The corpus again as web pages of about `kb` KB: ingest with `Source::from_html`, then
/// the same analysis; prints its wall time against the text run's, and whether the
/// findings and the injected-conflict scores are the text run's.
fn as_pages(
    pack: &Pack,
    corpus: &corpus::Corpus,
    kb: usize,
    text_wall: Duration,
    text_prints: &[String],
    text_score: &corpus::Score,
) {
    let pages: Vec<String> = corpus
        .articles
        .par_iter()
        .map(|a| corpus::page(a, kb * 1000))
        .collect();
    let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let load = load_average();
    let (ingest_t, sources) = timed(|| {
        corpus
            .articles
            .par_iter()
            .zip(&pages)
            .map(|(a, p)| {
                let path = a.path.replace(".txt", ".html");
                Source::from_html(&a.id, &path, p.as_bytes(), pack)
                    .unwrap_or_else(|e| panic!("a generated page gives an article: {e}"))
            })
            .collect::<Vec<Source>>()
    });
    let (analyze_t, analysis) = timed(|| crosscheck::analyze(pack, sources, &Options::default()));
    let wall = ingest_t.wall + analyze_t.wall;
    let (score, by_verdict) = outcome(corpus, &analysis.findings);
    println!(
        "as web pages ({mb:.1} MB of HTML, {:.0} KB a page): wall {:.2} s = {:.2}x the text run: \
         ingest {:.2} s ({:.1} MB/s) + analyze {:.2} s; load average {load}",
        mb * 1000.0 / corpus.articles.len().max(1) as f64,
        wall.as_secs_f64(),
        wall.as_secs_f64() / text_wall.as_secs_f64(),
        ingest_t.wall.as_secs_f64(),
        mb / ingest_t.wall.as_secs_f64(),
        analyze_t.wall.as_secs_f64(),
    );
    let prints = fingerprints(&analysis);
    let only_pages: Vec<&String> = prints
        .iter()
        .filter(|p| text_prints.binary_search(p).is_err())
        .collect();
    let only_text: Vec<&String> = text_prints
        .iter()
        .filter(|p| prints.binary_search(p).is_err())
        .collect();
    println!(
        "  findings {} {:?}: {} only as pages, {} only as text; injected conflicts: recall \
         {:.3}, precision {:.3} (as text {:.3}, {:.3})",
        analysis.findings.len(),
        by_verdict,
        only_pages.len(),
        only_text.len(),
        score.recall(),
        score.precision(),
        text_score.recall(),
        text_score.precision(),
    );
    let short = |p: &str| p.chars().take(160).collect::<String>();
    for p in only_pages.iter().take(3) {
        println!("  only as pages: {}", short(p));
    }
    for p in only_text.iter().take(3) {
        println!("  only as text: {}", short(p));
    }
}

/// Each finding as one line (verdict, kind, and per claim the source, figure and
/// sentence), sorted: what a page and its text should share, whatever the positions.
fn fingerprints(analysis: &crosscheck::Analysis) -> Vec<String> {
    let mut out: Vec<String> = analysis
        .findings
        .iter()
        .map(|f| {
            let claims: Vec<String> = f
                .evidence
                .iter()
                .map(|e| {
                    let s = &analysis.sources[e.source];
                    let sentence = s.text.get(e.sentence.clone()).unwrap_or("");
                    format!("{} {:?} {}", s.id.0, e.number, sentence.trim())
                })
                .collect();
            format!("{} {}: {}", f.verdict.as_str(), f.kind, claims.join(" | "))
        })
        .collect();
    out.sort();
    out
}

/// The injected-conflict score of `findings` and their count by verdict.
fn outcome(
    corpus: &corpus::Corpus,
    findings: &[crosscheck::Finding],
) -> (corpus::Score, BTreeMap<&'static str, usize>) {
    let conflicts: Vec<Vec<corpus::ConflictClaim>> = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .map(|f| f.evidence.iter().map(|e| (e.source, e.number)).collect())
        .collect();
    let mut by_verdict = BTreeMap::new();
    for f in findings {
        *by_verdict.entry(f.verdict.as_str()).or_insert(0usize) += 1;
    }
    (corpus::score(corpus, &conflicts), by_verdict)
}

/// Wall time and process CPU time of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (Times, T) {
    let cpu = cpu_seconds();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed();
    let cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    (Times { wall, cpu }, out)
}

#[derive(Clone, Copy)]
struct Times {
    wall: Duration,
    /// CPU seconds of the whole process (user + system), when /proc says.
    cpu: Option<f64>,
}

fn row(stage: &str, t: Times, mb: f64, threads: usize) {
    let wall = t.wall.as_secs_f64().max(1e-9);
    let cpu = t
        .cpu
        .map_or("      n/a".to_owned(), |c| format!("{c:>7.2} s"));
    let per_cpu = t
        .cpu
        .filter(|c| *c >= 0.05)
        .map_or("n/a".to_owned(), |c| format!("{:.1}", mb / c));
    println!(
        "{stage:<10} {wall:>7.3} s {cpu} {:>9.1} {per_cpu:>10}   {threads}",
        mb / wall,
    );
}

/// User + system CPU seconds of this process so far (`/proc/self/stat`, 100 Hz ticks).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The 1-minute load average: other work on the machine skews wall times.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "n/a".to_owned())
}

/// Peak resident set size of this process in kB (`VmHWM`), on Linux.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

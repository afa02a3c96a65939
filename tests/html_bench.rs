//! Provenance over real saved news pages: every claim of every page of the html-bench
//! collection points into the page where its text starts, and so does its sentence.
//!
//! The collection (real pages, gzip-compressed, see its README) is not part of the
//! project: the test is ignored and, when run with `cargo test --test html_bench --
//! --ignored`, looks for it in `$CROSSCHECK_HTML_BENCH`, then `../shared/html-bench` beside
//! the checkout, then `/work/shared/html-bench`, and passes with a note when none exists.
//!
//! A position is checked by reading the page from that line:column on, with tags skipped
//! and entities decoded (the tokenizer's), and comparing the first characters without
//! whitespace with the expected text, up to its first line break: spacing and line breaks
//! in the source are free, and the next block of the article need not follow in the page.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)] // test report

use std::io::Read;
use std::path::{Path, PathBuf};

use html5gum::{Token, Tokenizer};

use crosscheck::text::{LineIndex, Position};
use crosscheck::{Pack, Source};

/// Non-whitespace characters compared at each position.
const COMPARED: usize = 30;

fn collection() -> Option<PathBuf> {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/html-bench");
    std::env::var_os("CROSSCHECK_HTML_BENCH")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside, PathBuf::from("/work/shared/html-bench")])
        .find(|d| d.join("html").is_dir())
}

/// The page's bytes, gunzipped when the name ends in `.gz`.
fn page_bytes(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|x| x == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        raw
    }
}

/// The first `n` non-whitespace characters of `s`.
fn squeezed(s: &str, n: usize) -> String {
    s.chars().filter(|c| !c.is_whitespace()).take(n).collect()
}

/// The page's text from byte `offset` on, tags skipped and entities decoded: the first
/// `n` non-whitespace characters.
fn page_text_at(html: &str, offset: usize, n: usize) -> String {
    let mut end = (offset + 64 * n).min(html.len());
    while !html.is_char_boundary(end) {
        end += 1;
    }
    let mut out = String::new();
    for token in Tokenizer::new(&html[offset..end]).flatten() {
        if let Token::String(s) = token {
            out.extend(
                String::from_utf8_lossy(&s.value)
                    .chars()
                    .filter(|c| !c.is_whitespace()),
            );
            if out.chars().count() >= n {
                break;
            }
        }
    }
    out.chars().take(n).collect()
}

/// Whether `pos` in the page is where `want` starts; else what stands there.
fn check(html: &str, lines: &LineIndex, pos: Position, want: &str) -> Result<(), String> {
    let Some(offset) = lines.offset(html, pos) else {
        return Err(format!("{}:{} is not in the page", pos.line, pos.column));
    };
    // past a line break the article text goes on with the next block, which need not
    // follow in the page (what stood between was left out)
    let want = squeezed(want.split('\n').next().unwrap_or(want), COMPARED);
    let got = page_text_at(html, offset, want.chars().count());
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{}:{} reads `{got}`, expected `{want}`",
            pos.line, pos.column
        ))
    }
}

#[test]
#[ignore = "reads the html-bench pages, which a fresh clone does not have"]
fn every_claim_of_every_bench_page_points_at_its_text() {
    let Some(dir) = collection() else {
        eprintln!("html-bench collection not found: nothing checked");
        return;
    };
    let pack = Pack::default_pack();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let (mut pages, mut no_article, mut claims, mut sentences) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for path in &paths {
        let bytes = page_bytes(path);
        let shown = path.display().to_string();
        let source = match Source::from_html("page", &shown, &bytes, &pack) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{shown}: {e}");
                no_article += 1;
                continue;
            }
        };
        pages += 1;
        // the page as crosscheck decodes it (every page of the collection is UTF-8)
        let html = encoding_rs::UTF_8.decode(&bytes).0.into_owned();
        let lines = LineIndex::new(&html);
        let segmented = crosscheck::segment(&source, &pack);
        let extraction = crosscheck::extract(&source, &segmented, &pack);
        let mut page_failures = 0;
        for claim in &extraction.claims {
            claims += 1;
            let text = &source.text[claim.span.clone()];
            let sentence = &source.text[claim.sentence_span.clone()];
            for (what, at, want) in [
                ("claim", claim.span.start, text),
                ("sentence", claim.sentence_span.start, sentence),
            ] {
                if what == "sentence" {
                    sentences += 1;
                }
                if let Err(e) = check(&html, &lines, source.position(at), want) {
                    page_failures += 1;
                    failures.push(format!("{shown}: {what} `{want}`: {e}"));
                }
            }
        }
        if page_failures > 0 {
            eprintln!("{shown}: {page_failures} positions off");
        }
    }
    eprintln!(
        "html-bench: {pages} pages read ({no_article} without an article), {claims} claims \
         and {sentences} claim sentences checked, {} positions off",
        failures.len()
    );
    for f in failures.iter().take(20) {
        eprintln!("  {f}");
    }
    assert!(pages > 0, "no page read in {}", dir.display());
    assert!(failures.is_empty(), "{} positions off", failures.len());
}

//! Web pages and web archives: a folder of saved pages, and a WARC built from them, give
//! the same findings as the same articles as text; every claim points into the page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::Path;

use serde_json::Value;

use crosscheck::ingest::{ingest, write_warc, Encoding, Input};
use crosscheck::report;
use crosscheck::{analyze, Options, Pack, Source};

#[path = "../benches/corpus/mod.rs"]
mod corpus;

const PAGES: &str = "fixtures/island-ferry-pages";
const TEXTS: &str = "tests/data/ferry-as-text";

fn report_of(path: &Path) -> (Value, Vec<String>) {
    let pack = Pack::default_pack();
    let got = ingest(&[Input::Path(path.to_path_buf())], Encoding::Utf8, &pack);
    let errors = got.errors.iter().map(ToString::to_string).collect();
    (report_of_sources(&pack, got.sources), errors)
}

fn report_of_sources(pack: &Pack, sources: Vec<Source>) -> Value {
    let analysis = analyze(pack, sources, &Options::default());
    let mut out = Vec::new();
    report::json::render_report(&analysis, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// The findings without where they stand: verdict, kind, and each claim's source id,
/// sentence and figure.
fn findings(report: &Value) -> Vec<String> {
    let mut out: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut claims: Vec<String> = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| format!("{} | {} | {}", c["source"], c["sentence"], c["number"]))
                .collect();
            claims.sort();
            format!(
                "{} {} {} {:?}",
                f["verdict"], f["kind"], f["explanation"], claims
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn saved_pages_give_the_findings_of_the_same_articles_as_text() {
    let (pages, errors) = report_of(Path::new(PAGES));
    assert!(errors.is_empty(), "{errors:?}");
    let (texts, _) = report_of(Path::new(TEXTS));
    assert!(!findings(&texts).is_empty());
    assert_eq!(findings(&pages), findings(&texts));
}

#[test]
fn a_generated_corpus_as_pages_gives_the_findings_of_its_texts() {
    // the corpus of the scale benchmark, and its pages as `scale_eval --html` builds them
    let pack = Pack::default_pack();
    let mut cfg = corpus::Config::new(40);
    cfg.stories = 4;
    cfg.conflict_rate = 0.2;
    let c = corpus::generate(&cfg);
    let texts = c
        .articles
        .iter()
        .map(|a| Source::from_text(&a.id, &a.path, &a.text, &pack))
        .collect();
    let pages = c
        .articles
        .iter()
        .map(|a| {
            let page = corpus::page(a, 20_000);
            assert!((19_000..21_000).contains(&page.len()), "{}", page.len());
            let path = a.path.replace(".txt", ".html");
            Source::from_html(&a.id, &path, page.as_bytes(), &pack).unwrap()
        })
        .collect();
    let texts = report_of_sources(&pack, texts);
    let pages = report_of_sources(&pack, pages);
    assert!(findings(&texts).len() > 20, "{}", findings(&texts).len());
    assert_eq!(findings(&pages), findings(&texts));
}

#[test]
fn a_web_archive_of_the_pages_gives_the_same_findings() {
    let mut pages = Vec::new();
    for name in [
        "01-alder-bay-notes",
        "02-coastline-courier",
        "03-tidewater-radio",
    ] {
        let bytes = std::fs::read(Path::new(PAGES).join(format!("{name}.html"))).unwrap();
        pages.push((format!("https://pages.example/{name}.html"), bytes));
    }
    let refs: Vec<(&str, &str, &[u8])> = pages
        .iter()
        .map(|(u, b)| (u.as_str(), "2025-03-05T12:00:00Z", b.as_slice()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("ferry.warc.gz");
    std::fs::write(&warc, write_warc(&refs, true)).unwrap();
    let (archived, errors) = report_of(&warc);
    assert!(errors.is_empty(), "{errors:?}");
    let (texts, _) = report_of(Path::new(TEXTS));
    assert_eq!(findings(&archived), findings(&texts));
    // claims point into the record: FILE#N with a line inside the payload
    let path = archived["findings"][0]["claims"][0]["path"]
        .as_str()
        .unwrap();
    assert!(path.contains("ferry.warc.gz#"), "{path}");
}

#[test]
fn every_claim_points_at_its_text_in_the_page() {
    let (pages, _) = report_of(Path::new(PAGES));
    let mut checked = 0;
    for f in pages["findings"].as_array().unwrap() {
        for c in f["claims"].as_array().unwrap() {
            let path = c["path"].as_str().unwrap();
            let bytes = std::fs::read(path).unwrap();
            let html = if path.contains("courier") {
                encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned()
            } else {
                String::from_utf8(bytes).unwrap()
            };
            let line = html
                .lines()
                .nth(c["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            let at: String = line
                .chars()
                .skip(c["column"].as_u64().unwrap() as usize - 1)
                .collect();
            let text = c["text"].as_str().unwrap();
            assert!(at.starts_with(text), "{path}: `{text}` not at `{at}`");
            checked += 1;
        }
    }
    assert!(checked >= 10);
}

#[test]
fn a_truncated_archive_is_named_and_its_earlier_records_still_read() {
    let page = std::fs::read(Path::new(PAGES).join("03-tidewater-radio.html")).unwrap();
    let bytes = write_warc(
        &[("https://a.example/one", "2025-03-05T12:00:00Z", &page[..]); 2],
        false,
    );
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("cut.warc");
    std::fs::write(&warc, &bytes[..bytes.len() - 200]).unwrap();
    let pack = Pack::default_pack();
    let got = ingest(&[Input::Path(warc)], Encoding::Utf8, &pack);
    assert_eq!(got.sources.len(), 1);
    assert_eq!(got.errors.len(), 1);
    assert!(
        got.errors[0].to_string().contains("cut.warc#3"),
        "{}",
        got.errors[0]
    );
}

//! Fixture stories: for every `fixtures/<story>/`, the human, Markdown, JSON and HTML
//! reports are snapshotted, and its `expect.toml` is asserted exactly: every listed finding
//! appears, no listed trap appears, and the number of conflicts is exact.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crosscheck::ingest::{ingest, Encoding, Input};
use crosscheck::report::{self, RenderOptions};
use crosscheck::{analyze, Analysis, Options, Pack};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    story: String,
    #[serde(default)]
    description: String,
    conflicts: usize,
    #[serde(default)]
    finding: Vec<Entry>,
    #[serde(default)]
    absent: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    verdict: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    values: Vec<f64>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    texts: Vec<String>,
    #[serde(default)]
    why: String,
    /// A known gap, with its reason: the finding is expected but not found yet. The test
    /// checks that it is still missing, so a fix must also remove the `pending` mark.
    #[serde(default)]
    pending: Option<String>,
}

fn analyze_dir(dir: &Path) -> Analysis {
    let pack = Pack::default_pack();
    let got = ingest(&[Input::Path(dir.to_path_buf())], Encoding::Utf8, &pack);
    assert!(
        got.errors.is_empty(),
        "fixture inputs must all read: {:?}",
        got.errors
    );
    analyze(&pack, got.sources, &Options::default())
}

fn report_json(a: &Analysis) -> Value {
    let mut out = Vec::new();
    report::json::render_report(a, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// Whether a reported finding matches an expect entry.
fn matches(f: &Value, e: &Entry) -> bool {
    if f["verdict"] != e.verdict.as_str() {
        return false;
    }
    if let Some(k) = &e.kind {
        if f["kind"] != k.as_str() {
            return false;
        }
    }
    let claims = f["claims"].as_array().cloned().unwrap_or_default();
    let numbers: Vec<f64> = claims.iter().filter_map(|c| c["number"].as_f64()).collect();
    let values_ok = e.values.iter().all(|v| {
        numbers
            .iter()
            .any(|n| (n - v).abs() <= 1e-6 * v.abs().max(1.0))
    });
    let files: Vec<String> = claims
        .iter()
        .filter_map(|c| c["path"].as_str())
        .map(|p| {
            Path::new(p)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let sources_ok = e.sources.iter().all(|s| files.iter().any(|f| f == s));
    let texts_ok = e.texts.iter().all(|t| {
        claims.iter().any(|c| {
            c["text"].as_str().is_some_and(|x| x.contains(t.as_str()))
                || c["sentence"]
                    .as_str()
                    .is_some_and(|x| x.contains(t.as_str()))
        })
    });
    values_ok && sources_ok && texts_ok
}

fn describe(e: &Entry) -> String {
    format!(
        "{} kind={:?} values={:?} sources={:?} texts={:?} ({})",
        e.verdict, e.kind, e.values, e.sources, e.texts, e.why
    )
}

#[test]
fn fixture_stories_meet_their_expectations() {
    let mut failures = Vec::new();
    let mut stories = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let dir = entry.unwrap().path();
        let expect_path = dir.join("expect.toml");
        if !expect_path.is_file() {
            continue;
        }
        stories += 1;
        let text = std::fs::read_to_string(&expect_path).unwrap();
        let expect: Expect =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let _ = &expect.description;
        let analysis = analyze_dir(&dir);
        let json = report_json(&analysis);
        let findings = json["findings"].as_array().cloned().unwrap_or_default();
        let name = &expect.story;
        for e in &expect.finding {
            let found = findings.iter().any(|f| matches(f, e));
            match (&e.pending, found) {
                (None, false) => failures.push(format!("{name}: missing finding {}", describe(e))),
                (Some(_), true) => failures.push(format!(
                    "{name}: pending finding is now found, remove its `pending` mark: {}",
                    describe(e)
                )),
                _ => {}
            }
        }
        for e in &expect.absent {
            if let Some(f) = findings.iter().find(|f| matches(f, e)) {
                failures.push(format!(
                    "{name}: trap reported {} -> {}",
                    describe(e),
                    f["explanation"]
                ));
            }
        }
        let conflicts = findings
            .iter()
            .filter(|f| f["verdict"] == "conflict")
            .count();
        // Genuine conflicts not found yet are listed as pending findings.
        let pending = expect
            .finding
            .iter()
            .filter(|e| e.verdict == "conflict" && e.pending.is_some())
            .count();
        let want = expect.conflicts - pending.min(expect.conflicts);
        if conflicts != want {
            failures.push(format!(
                "{name}: {conflicts} conflicts reported, expected exactly {want} ({} genuine, {pending} pending)",
                expect.conflicts
            ));
        }
    }
    assert!(
        stories >= 3,
        "at least three fixture stories with expect.toml"
    );
    assert!(
        failures.is_empty(),
        "{} expectation(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn fixture_reports_snapshot() {
    insta::glob!("../fixtures", "*/expect.toml", |path| {
        // Relative paths keep the snapshots the same in any checkout.
        let dir = path.parent().unwrap();
        let dir = dir.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(dir);
        let analysis = analyze_dir(dir);
        let mut human = Vec::new();
        report::human::render(
            &analysis,
            &RenderOptions {
                color: false,
                width: 100,
            },
            &mut human,
        )
        .unwrap();
        insta::assert_snapshot!("human", String::from_utf8(human).unwrap());
        let mut md = Vec::new();
        report::markdown::render(&analysis, &mut md).unwrap();
        insta::assert_snapshot!("markdown", String::from_utf8(md).unwrap());
        insta::assert_json_snapshot!("json", report_json(&analysis));
        let mut html = Vec::new();
        report::html::render(&analysis, &mut html).unwrap();
        insta::assert_snapshot!("html", String::from_utf8(html).unwrap());
    });
}

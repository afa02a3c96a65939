//! Lint on fixture drafts: a faithful draft passes with no warning (exit 0); a draft with
//! planted errors gets a diagnostic with the planted rule on exactly the planted lines
//! (exit 1). The planted errors are listed in `tests/data/drafts/<story>-planted.expect.toml`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a panic is the failure report

use std::path::Path;

use crosscheck::cli::{run, Io, Status};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Planted {
    draft: String,
    against: String,
    error: Vec<PlantedError>,
}

#[derive(Debug, Deserialize)]
struct PlantedError {
    line: u64,
    rule: String,
    text: String,
    #[serde(default)]
    #[allow(dead_code)]
    why: String,
}

fn lint(draft: &Path, against: &str) -> (Status, serde_json::Value, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut stdin = std::io::empty();
    let mut io = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut stdin,
        stdout_is_terminal: false,
        no_color: true,
        term_dumb: false,
        width: Some(100),
    };
    let argv = [
        "crosscheck",
        "lint",
        &draft.to_string_lossy(),
        "--against",
        against,
        "--format",
        "json",
    ];
    let status = run(argv, &mut io);
    let json = serde_json::from_slice(&out).unwrap_or(serde_json::Value::Null);
    (status, json, String::from_utf8_lossy(&err).into_owned())
}

#[test]
fn planted_errors_are_found_on_exactly_their_lines_and_faithful_drafts_pass() {
    let dir = Path::new("tests/data/drafts");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(story) = name.strip_suffix("-planted.expect.toml") else {
            continue;
        };
        let planted: Planted = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let against = planted.against.clone();

        let (status, json, stderr) = lint(&dir.join(&planted.draft), &against);
        assert_eq!(
            status,
            Status::LintFailed,
            "{story}: planted draft must fail: {stderr}"
        );
        let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
        let mut got: Vec<(u64, String)> = diags
            .iter()
            .filter(|d| d["severity"] != "note")
            .map(|d| {
                (
                    d["line"].as_u64().unwrap_or(0),
                    d["rule"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        got.sort();
        let mut want: Vec<(u64, String)> = planted
            .error
            .iter()
            .map(|e| (e.line, e.rule.clone()))
            .collect();
        want.sort();
        assert_eq!(
            got, want,
            "{story}: warnings and errors on exactly the planted lines"
        );
        let draft_text = std::fs::read_to_string(dir.join(&planted.draft)).unwrap();
        for e in &planted.error {
            let line = draft_text
                .lines()
                .nth(e.line as usize - 1)
                .unwrap_or_default();
            assert!(
                line.contains(&e.text),
                "{story}: expect file out of date: line {} lacks `{}`",
                e.line,
                e.text
            );
        }

        let faithful = dir.join(format!("{story}-faithful.md"));
        let (status, json, stderr) = lint(&faithful, &against);
        let warnings: Vec<_> = json["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|d| d["severity"] != "note")
            .collect();
        assert!(
            warnings.is_empty(),
            "{story}: faithful draft warned: {warnings:#?}"
        );
        assert_eq!(
            status,
            Status::Ok,
            "{story}: faithful draft must pass: {stderr}"
        );
        checked += 1;
    }
    assert!(checked >= 2, "at least two stories have planted drafts");
}

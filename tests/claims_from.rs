//! The reduce step (issue #8): `crosscheck report --claims-from` over the JSON lines that
//! `crosscheck extract --format jsonl` wrote gives the same report as `crosscheck report`
//! over the texts, for every fixture story; bad lines are named by file and line.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::path::Path;

mod common;
use common::{run_cli, Run};

fn cli(args: &[&str], stdin: &[u8]) -> Run {
    run_cli(args, stdin, false, Some(80))
}

fn fixture_dirs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.display().to_string())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn report_from_claims_equals_report_from_texts_for_every_fixture() {
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 4, "{dirs:?}");
    let tmp = tempfile::tempdir().unwrap();
    for dir in &dirs {
        let extracted = cli(&["extract", "--format", "jsonl", dir], b"");
        assert_eq!(extracted.status, 0, "{}", extracted.stderr);
        let jsonl = tmp.path().join("claims.jsonl");
        std::fs::write(&jsonl, &extracted.stdout).unwrap();
        let jsonl = jsonl.display().to_string();
        for format in ["json", "human", "markdown"] {
            let direct = cli(&["report", "--format", format, dir], b"");
            let reduced = cli(
                &["report", "--format", format, "--claims-from", &jsonl],
                b"",
            );
            assert_eq!(reduced.status, 0, "{dir}: {}", reduced.stderr);
            assert_eq!(reduced.stderr, direct.stderr, "{dir} ({format})");
            assert_eq!(reduced.stdout, direct.stdout, "{dir} ({format})");
        }
        let json: serde_json::Value =
            serde_json::from_str(&cli(&["report", "--format", "json", dir], b"").stdout).unwrap();
        assert!(
            !json["findings"].as_array().unwrap().is_empty(),
            "{dir}: the comparison must cover some findings"
        );
    }
}

#[test]
fn claims_of_several_shards_and_stdin_reduce_to_the_report_of_all_texts() {
    let dirs = fixture_dirs();
    let story = &dirs[0];
    let files: Vec<String> = {
        let mut f: Vec<String> = std::fs::read_dir(story)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
            .map(|p| p.display().to_string())
            .collect();
        f.sort();
        f
    };
    assert!(files.len() >= 3);
    let (first, rest) = files.split_at(2);
    let tmp = tempfile::tempdir().unwrap();
    let shard = |paths: &[String]| {
        let mut args = vec!["extract", "--format", "jsonl"];
        args.extend(paths.iter().map(String::as_str));
        cli(&args, b"").stdout
    };
    let a = tmp.path().join("a.jsonl");
    std::fs::write(&a, shard(first)).unwrap();
    let b = shard(rest);
    let mut all = vec!["report", "--format", "json"];
    all.extend(files.iter().map(String::as_str));
    let direct = cli(&all, b"");
    let reduced = cli(
        &[
            "report",
            "--format",
            "json",
            "--claims-from",
            &a.display().to_string(),
            "-",
        ],
        b.as_bytes(),
    );
    assert_eq!(reduced.status, 0, "{}", reduced.stderr);
    assert_eq!(reduced.stdout, direct.stdout);
}

#[test]
fn a_malformed_line_is_named_and_the_other_files_are_still_reported() {
    let story = &fixture_dirs()[0];
    let good = cli(&["extract", "--format", "jsonl", story], b"").stdout;
    let tmp = tempfile::tempdir().unwrap();
    let good_path = tmp.path().join("good.jsonl");
    std::fs::write(&good_path, &good).unwrap();
    let bad_path = tmp.path().join("bad.jsonl");
    let first = good.lines().next().unwrap();
    std::fs::write(
        &bad_path,
        "{\"id\": \"x\", \"path\": \"x.txt\", \"claims\": []}\n\nnot json\n",
    )
    .unwrap();
    let r = cli(
        &[
            "report",
            "--format",
            "json",
            "--claims-from",
            &bad_path.display().to_string(),
            &good_path.display().to_string(),
        ],
        b"",
    );
    assert_eq!(r.status, 2);
    let stderr = r.stderr.replace(&tmp.path().display().to_string(), "[TMP]");
    insta::assert_snapshot!(stderr, @r"
    error: `[TMP]/bad.jsonl` line 1: no `record` field: write the claims with `crosscheck extract --format jsonl`
    error: `[TMP]/bad.jsonl` line 3: not a `crosscheck extract --format jsonl` line: expected ident at line 1 column 2
    ");
    let direct = cli(&["report", "--format", "json", story], b"");
    assert_eq!(
        r.stdout, direct.stdout,
        "the good file is still reported in full"
    );
    // the same line twice: the second is refused, the report is unchanged
    std::fs::write(&bad_path, format!("{first}\n")).unwrap();
    let twice = cli(
        &[
            "report",
            "--format",
            "json",
            "--claims-from",
            &good_path.display().to_string(),
            &bad_path.display().to_string(),
        ],
        b"",
    );
    assert_eq!(twice.status, 2);
    assert!(
        twice.stderr.contains("line 1: source id"),
        "{}",
        twice.stderr
    );
    assert_eq!(twice.stdout, direct.stdout);
}

#[test]
fn no_readable_claims_is_exit_2() {
    let r = cli(
        &["report", "--claims-from", "/nonexistent/claims.jsonl"],
        b"",
    );
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("cannot read `/nonexistent/claims.jsonl`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("no readable claims"), "{}", r.stderr);
}

#[test]
fn claims_from_and_texts_together_is_a_usage_error() {
    let r = cli(&["report", "a.txt", "--claims-from", "b.jsonl"], b"");
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
}

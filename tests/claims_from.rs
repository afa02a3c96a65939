//! The reduce step (issue #8): `crosscheck report --claims-from` over the JSON lines that
//! `crosscheck extract --format jsonl` wrote gives the same report as `crosscheck report`
//! over the texts, for every fixture story; bad lines are named by file and line. Runs
//! split by story (issue #25): `extract --story-keys` says what puts each source in a
//! story, `extract --story-year` gives a shard the corpus's story year, and lines labelled
//! with a `story_id` are reported each story on its own.

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

/// `report --format json --claims-from FILE`.
fn reduce_json(jsonl: &Path) -> Run {
    cli(
        &[
            "report",
            "--format",
            "json",
            "--claims-from",
            &jsonl.display().to_string(),
        ],
        b"",
    )
}

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The findings of a JSON report, each printed with sorted keys, sorted.
fn sorted_findings(report: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(report).unwrap();
    let mut f: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.to_string())
        .collect();
    f.sort();
    f
}

#[test]
fn story_keys_are_added_to_each_line_and_change_nothing_else() {
    let dir = &fixture_dirs()[0];
    let plain = cli(&["extract", "--format", "jsonl", dir], b"");
    let keyed = cli(&["extract", "--format", "jsonl", "--story-keys", dir], b"");
    assert_eq!(keyed.status, 0, "{}", keyed.stderr);
    let (plain, keyed) = (lines(&plain.stdout), lines(&keyed.stdout));
    assert_eq!(plain.len(), keyed.len());
    for (p, k) in plain.iter().zip(&keyed) {
        let story = &k["story"];
        let keys = story["keys"].as_array().unwrap();
        assert!(keys.len() >= 2, "{story}");
        let mut sorted = keys.clone();
        sorted.sort_by_key(|k| k.as_str().unwrap().to_owned());
        sorted.dedup();
        assert_eq!(&sorted, keys, "keys are sorted and distinct");
        assert!(story["year"].is_null() || story["year"].as_i64().is_some());
        let mut without = k.clone();
        without.as_object_mut().unwrap().remove("story");
        assert_eq!(&without, p);
    }
    // the reduce reads the lines with keys as it reads those without
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("claims.jsonl");
    let out = cli(&["extract", "--format", "jsonl", "--story-keys", dir], b"").stdout;
    std::fs::write(&jsonl, out).unwrap();
    let reduced = reduce_json(&jsonl);
    let direct = cli(&["report", "--format", "json", dir], b"");
    assert_eq!(reduced.stdout, direct.stdout);
}

#[test]
fn a_shard_given_the_story_year_dates_its_sources_as_the_whole_run_does() {
    let dir = fixture_dirs()
        .into_iter()
        .find(|d| d.ends_with("quake-toll-rises"))
        .unwrap();
    let all = lines(&cli(&["extract", "--format", "jsonl", "--story-keys", &dir], b"").stdout);
    let borrowed: Vec<&serde_json::Value> = all
        .iter()
        .filter(|l| l["story"]["year"].is_null())
        .collect();
    assert!(!borrowed.is_empty(), "a source without a year of its own");
    let year = all
        .iter()
        .find_map(|l| l["story"]["year"].as_i64())
        .unwrap()
        .to_string();
    for line in borrowed {
        let path = line["path"].as_str().unwrap();
        let alone = lines(&cli(&["extract", "--format", "jsonl", path], b"").stdout);
        assert_ne!(alone[0]["published"], line["published"], "{path}");
        let given = cli(
            &["extract", "--format", "jsonl", "--story-year", &year, path],
            b"",
        );
        let given = lines(&given.stdout);
        assert_eq!(given[0]["published"], line["published"], "{path}");
        assert_eq!(given[0]["record"], line["record"], "{path}");
    }
    let bad = cli(&["extract", "--story-year", "0", &dir], b"");
    assert_eq!(bad.status, 2);
}

#[test]
fn labelled_stories_are_each_reported_alone() {
    // every fixture, extracted on its own, labelled with its folder as its story
    let tmp = tempfile::tempdir().unwrap();
    let mut labelled = String::new();
    let mut expected = Vec::new();
    for dir in fixture_dirs() {
        let name = Path::new(&dir).file_name().unwrap().to_string_lossy();
        // ids made distinct across fixtures ("03-tv-station" is in two)
        let out: String = cli(&["extract", "--format", "jsonl", &dir], b"")
            .stdout
            .lines()
            .map(|l| format!("{}{name}/{}\n", &l[..7], &l[7..]))
            .collect();
        assert!(out.starts_with("{\"id\":\""), "{out}");
        let jsonl = tmp.path().join("one.jsonl");
        std::fs::write(&jsonl, &out).unwrap();
        let alone = reduce_json(&jsonl);
        expected.extend(sorted_findings(&alone.stdout));
        for line in out.lines() {
            labelled.push_str(&format!("{{\"story_id\":\"{name}\",{}\n", &line[1..]));
        }
    }
    expected.sort();
    let r = cli(
        &["report", "--format", "json", "--claims-from", "-"],
        labelled.as_bytes(),
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(sorted_findings(&r.stdout), expected);
    // a label on some lines only is ignored, with a warning
    let mut some = labelled.lines();
    let first = some.next().unwrap();
    let rest: Vec<String> = some
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let mut v = v.as_object().unwrap().clone();
            v.remove("story_id");
            serde_json::Value::Object(v).to_string()
        })
        .collect();
    let partial = format!("{first}\n{}\n", rest.join("\n"));
    let r = cli(&["report", "--claims-from", "-"], partial.as_bytes());
    assert_eq!(r.status, 0);
    assert!(
        r.stderr.contains("have a `story_id`: ignored"),
        "{}",
        r.stderr
    );
}

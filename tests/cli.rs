//! The CLI in-process (`cli::run` over in-memory handles), snapshotting {status, stdout,
//! stderr}; a few tests spawn the binary for stdin and a closed pipe.
//!
//! Every text here is written for the tests (a river-flood story), never copied from the
//! seeds. Temporary paths are filtered to `[TMP]`.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{run_cli, Run};

const WIRE: &str = "Floods sweep the river valley\n\nRIVERTON (Northern Wire) - At least 40 people have been killed since the dam burst on May 1, rescuers said on Friday.\n\nThe governor, Mara Okonjo, said: \u{201c}We will rebuild every bridge before the autumn rains arrive.\u{201d}\n\nAbout 12% of the farmland in the province is under water, the agriculture ministry said.\n";
const GAZETTE: &str = "Valley counts its dead\n\nForty people have died since the dam burst on May 1, according to the Red Cross.\n\n\u{201c}We will rebuild every bridge before the autumn rains arrive,\u{201d} Governor Mara Okonjo told reporters.\n\nThe ministry said 12% of farmland was flooded.\n";
const BLOG: &str = "What the flood left behind\n\nAt least 40 people were killed after the dam burst on May 1. Governor Mara Okonjo promised new bridges.\n";

const FAITHFUL: &str = "# Valley floods\n\nAt least 40 people have been killed since the dam burst on May 1, rescuers said.\n\nGovernor Mara Okonjo said: \u{201c}We will rebuild every bridge before the autumn rains arrive.\u{201d}\n\nAbout 12% of the farmland in the province is under water.\n";
const PLANTED: &str = "# Valley floods\n\nAt least 90 people have been killed since the dam burst on May 1, rescuers said.\n\nGovernor Mara Okonjo said: \u{201c}Every road will be paved again before the first snow.\u{201d}\n\nAbout 30% of the farmland in the province is under water.\n";

fn run_with(args: &[&str], stdin: &[u8], terminal: bool) -> Run {
    run_cli(args, stdin, terminal, Some(80))
}

fn cli(args: &[&str]) -> Run {
    run_with(args, b"", false)
}

fn shown(r: &Run) -> String {
    format!(
        "status: {}\n--- stdout\n{}--- stderr\n{}",
        r.status, r.stdout, r.stderr
    )
}

/// Snapshots with the temporary directory replaced by `[TMP]`.
macro_rules! snap {
    ($dir:expr, $name:expr, $value:expr) => {{
        let mut settings = insta::Settings::clone_current();
        let dir = $dir.to_string_lossy().into_owned();
        settings.add_filter(&regex_escape(&dir), "[TMP]");
        settings.add_filter(&regex_escape(&dir.replace('/', "%2F")), "[TMP]");
        settings.bind(|| insta::assert_snapshot!($name, $value));
    }};
}

fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    std::fs::write(sources.join("01-wire.txt"), WIRE).unwrap();
    std::fs::write(sources.join("02-gazette.md"), GAZETTE).unwrap();
    std::fs::write(sources.join("03-blog.txt"), BLOG).unwrap();
    std::fs::write(dir.path().join("faithful.md"), FAITHFUL).unwrap();
    std::fs::write(dir.path().join("planted.md"), PLANTED).unwrap();
    dir
}

fn path(dir: &Path, rel: &str) -> String {
    dir.join(rel).to_string_lossy().into_owned()
}

#[test]
fn report_in_every_format() {
    let dir = corpus();
    let sources = path(dir.path(), "sources");
    for format in ["human", "json", "markdown"] {
        let r = cli(&["report", &sources, "--format", format]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        snap!(dir.path(), format!("report_{format}"), shown(&r));
    }
}

#[test]
fn report_json_is_valid_json_with_the_schema() {
    let dir = corpus();
    let r = cli(&["report", &path(dir.path(), "sources"), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["schema"], "crosscheck/report@1");
    assert_eq!(v["sources"].as_array().map(Vec::len), Some(3));
}

#[test]
fn lint_faithful_draft_passes_in_every_format() {
    let dir = corpus();
    let sources = path(dir.path(), "sources");
    let draft = path(dir.path(), "faithful.md");
    for format in ["human", "json", "sarif"] {
        let r = cli(&["lint", &draft, "--against", &sources, "--format", format]);
        assert_eq!(r.status, 0, "{}", shown(&r));
        snap!(dir.path(), format!("lint_faithful_{format}"), shown(&r));
    }
}

#[test]
fn lint_planted_draft_fails_in_every_format() {
    let dir = corpus();
    let sources = path(dir.path(), "sources");
    let draft = path(dir.path(), "planted.md");
    for format in ["human", "json", "sarif"] {
        let r = cli(&["lint", &draft, "--against", &sources, "--format", format]);
        assert_eq!(r.status, 1, "{}", shown(&r));
        snap!(dir.path(), format!("lint_planted_{format}"), shown(&r));
    }
}

#[test]
fn lint_planted_quote_is_a_warning_on_its_line() {
    let dir = corpus();
    let r = cli(&[
        "lint",
        &path(dir.path(), "planted.md"),
        "--against",
        &path(dir.path(), "sources"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let quote = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unsupported_quote")
        .expect("the altered quote is reported");
    assert_eq!(quote["severity"], "warning");
    assert_eq!(quote["line"], 5);
}

#[test]
fn lint_deny_error_lets_warnings_pass() {
    let dir = corpus();
    let draft = dir.path().join("quote-only.md");
    std::fs::write(
        &draft,
        "# Note\n\nThe governor said: \u{201c}Every road will be paved again before the first snow.\u{201d}\n",
    )
    .unwrap();
    let draft = draft.to_string_lossy().into_owned();
    let sources = path(dir.path(), "sources");
    let warn = cli(&["lint", &draft, "--against", &sources]);
    assert_eq!(warn.status, 1, "{}", shown(&warn));
    let error_only = cli(&["lint", &draft, "--against", &sources, "--deny", "error"]);
    assert_eq!(error_only.status, 0, "{}", shown(&error_only));
}

#[test]
fn lint_inline_ignore_and_allowlist_silence_diagnostics() {
    let dir = corpus();
    let sources = path(dir.path(), "sources");
    let ignored = dir.path().join("ignored.md");
    std::fs::write(
        &ignored,
        "# Note\n\n<!-- crosscheck-ignore unsupported_quote -->\nThe governor said: \u{201c}Every road will be paved again before the first snow.\u{201d}\n",
    )
    .unwrap();
    let r = cli(&["lint", &ignored.to_string_lossy(), "--against", &sources]);
    assert_eq!(r.status, 0, "{}", shown(&r));
    assert!(r.stdout.contains("1 silenced"), "{}", r.stdout);

    let allow = dir.path().join("allow.txt");
    std::fs::write(
        &allow,
        "# reviewed by the desk\nunsupported_quote: first snow\n",
    )
    .unwrap();
    let r = cli(&[
        "lint",
        &path(dir.path(), "planted.md"),
        "--against",
        &sources,
        "--allowlist",
        &allow.to_string_lossy(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["rule"] != "unsupported_quote"));
    assert_eq!(v["suppressed"], 1);
}

#[test]
fn lint_bad_allowlist_is_a_usage_error() {
    let dir = corpus();
    let allow = dir.path().join("allow.txt");
    std::fs::write(&allow, "unsuported_quote\n").unwrap();
    let r = cli(&[
        "lint",
        &path(dir.path(), "faithful.md"),
        "--against",
        &path(dir.path(), "sources"),
        "--allowlist",
        &allow.to_string_lossy(),
    ]);
    assert_eq!(r.status, 2);
    snap!(dir.path(), "lint_bad_allowlist", shown(&r));
}

#[test]
fn lint_unreadable_source_exits_2_after_reporting() {
    let dir = corpus();
    std::fs::write(dir.path().join("sources/04-broken.txt"), b"Caf\xe9 toll\n").unwrap();
    let r = cli(&[
        "lint",
        &path(dir.path(), "faithful.md"),
        "--against",
        &path(dir.path(), "sources"),
    ]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("04-broken.txt"), "{}", r.stderr);
    assert!(
        r.stdout.contains("checked against 3 sources"),
        "{}",
        r.stdout
    );
}

#[test]
fn pack_check_good_and_broken() {
    let good = cli(&["pack", "check"]);
    assert_eq!(good.status, 0);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("kinds")).unwrap();
    std::fs::write(
        dir.path().join("kinds/tolls.toml"),
        "id = \"tolls\"\ndescription = 1\n",
    )
    .unwrap();
    let bad = cli(&["pack", "check", &dir.path().to_string_lossy()]);
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("tolls.toml"), "{}", bad.stderr);
    // The counts change whenever the pack grows; the verdict line is what matters.
    assert!(
        good.stdout.starts_with("ok: claims pack `default` ("),
        "{}",
        good.stdout
    );
    snap!(dir.path(), "pack_check_broken", shown(&bad));
}

#[test]
fn non_utf8_file_is_named_and_the_others_still_reported() {
    let dir = corpus();
    let sources = dir.path().join("sources");
    std::fs::write(
        sources.join("00-latin1.txt"),
        b"Caf\xe9 owners count 40 dead\n",
    )
    .unwrap();
    let r = cli(&["report", &sources.to_string_lossy()]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("00-latin1.txt"), "{}", r.stderr);
    assert!(r.stdout.contains("3 sources"), "{}", r.stdout);
    snap!(dir.path(), "non_utf8_among_good", shown(&r));
}

#[test]
fn empty_file_is_an_error_naming_it() {
    let dir = corpus();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let r = cli(&["report", &empty.to_string_lossy()]);
    assert_eq!(r.status, 2);
    snap!(dir.path(), "empty_file", shown(&r));
}

#[test]
fn directory_with_a_binary_file_reports_the_text_ones() {
    let dir = corpus();
    let sources = dir.path().join("sources");
    std::fs::write(sources.join("scan.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(sources.join("photo.jpg"), b"\xff\xd8\xff\xe0\0\x10JFIF").unwrap();
    let r = cli(&["report", &sources.to_string_lossy(), "--format", "json"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("scan.txt"), "{}", r.stderr);
    assert!(!r.stderr.contains("photo.jpg"), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["sources"].as_array().map(Vec::len), Some(3));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = corpus();
    let sources = path(dir.path(), "sources");
    let always = cli(&["report", &sources, "--color", "always"]);
    let never = run_with(&["report", &sources, "--color", "never"], b"", true);
    let auto_pipe = cli(&["report", &sources]);
    let auto_tty = run_with(&["report", &sources], b"", true);
    assert!(always.stdout.contains('\u{1b}'));
    assert!(auto_tty.stdout.contains('\u{1b}'));
    assert!(!never.stdout.contains('\u{1b}'));
    assert!(!auto_pipe.stdout.contains('\u{1b}'));
    let lint_always = cli(&[
        "lint",
        &path(dir.path(), "planted.md"),
        "--against",
        &sources,
        "--color",
        "always",
    ]);
    assert!(lint_always.stdout.contains('\u{1b}'));
}

#[test]
fn help_texts() {
    let top = cli(&["--help"]);
    assert_eq!(top.status, 0);
    insta::assert_snapshot!("help", shown(&top));
    let lint = cli(&["lint", "--help"]);
    assert_eq!(lint.status, 0);
    insta::assert_snapshot!("help_lint", shown(&lint));
}

#[test]
fn usage_error_exits_2() {
    let r = cli(&["report"]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("SOURCES"), "{}", r.stderr);
}

#[test]
fn binary_reads_stdin_for_dash() {
    let dir = corpus();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "--no-config",
            "lint",
            "-",
            "--against",
            &path(dir.path(), "sources"),
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PLANTED.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["draft"], "<stdin>");
}

#[test]
fn binary_exits_0_quietly_on_a_closed_pipe() {
    let dir = corpus();
    // Enough sources that the report is far larger than a pipe buffer.
    let sources = dir.path().join("sources");
    for i in 0..40 {
        std::fs::write(sources.join(format!("copy-{i:02}.txt")), WIRE).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "--no-config",
            "report",
            &sources.to_string_lossy(),
            "--format",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn lint_draft_inside_the_source_directory_does_not_vouch_for_itself() {
    let dir = corpus();
    let sources = dir.path().join("sources");
    std::fs::write(sources.join("zz-draft.md"), PLANTED).unwrap();
    let r = cli(&[
        "lint",
        &sources.join("zz-draft.md").to_string_lossy(),
        "--against",
        &sources.to_string_lossy(),
    ]);
    assert_eq!(r.status, 1, "{}", shown(&r));
    assert!(
        r.stdout.contains("checked against 3 sources"),
        "{}",
        r.stdout
    );
}

#[test]
fn extract_all_figures_lists_every_number_and_why() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/figures/harbour-fire.txt");
    let page = page.to_string_lossy().into_owned();
    let dir = page.trim_end_matches("harbour-fire.txt").to_owned();
    for format in ["human", "json"] {
        let r = cli(&["extract", "--all-figures", "--format", format, &page]);
        assert_eq!(r.status, 0, "{}", r.stderr);
        snap!(
            Path::new(&dir),
            format!("extract_all_figures_{format}"),
            shown(&r)
        );
    }
    // without the flag, no `figures`
    let r = cli(&["extract", "--format", "json", &page]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["sources"][0].get("figures").is_none());
    let r = cli(&["extract", "--all-figures", "--format", "json", &page]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let figures = v["sources"][0]["figures"].as_array().unwrap();
    for f in figures {
        for field in [
            "text", "start", "end", "line", "column", "number", "value", "unit", "claim",
        ] {
            assert!(f.get(field).is_some(), "{field} in {f}");
        }
        assert_eq!(
            f["claim"].as_bool() == Some(false),
            f.get("why").is_some(),
            "{f}"
        );
    }
}

#[test]
fn report_converts_units_and_compares_currencies_only_at_the_text_s_rate() {
    // a path relative to the package root (where cargo runs tests), so that the wrapped
    // report is the same in every checkout
    let root = "tests/data/conversions/";
    let r = cli(&["report", "--color", "never", root]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    insta::assert_snapshot!("report_conversions_human", shown(&r));
    let r = cli(&["report", "--format", "json", root]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let explanations: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["explanation"].as_str())
        .collect();
    // every comparison across units says which conversion it relied on
    for needle in [
        "5 miles = 8.05 km",
        "20 miles = 32.2 km",
        "1,000 acres = 405 hectares",
        "nearly USD 22 million, given by its source as about EUR 16 million",
        // a rate stated once by a source converts its own figures (#21)
        "USD 25 million = about EUR 20 million at its source's rate, USD 1.25 to the EUR",
    ] {
        assert!(
            explanations.iter().any(|e| e.contains(needle)),
            "{needle} in {explanations:?}"
        );
    }
    // EUR 20 million and USD 26 million a day, with no rate in either text, fit each other
    // at 2024's reference rates (#28): not set apart as two currencies, and too roughly
    // converted to be called one figure
    assert!(
        !explanations
            .iter()
            .any(|e| e.contains("no rate between them")),
        "{explanations:?}"
    );
    let r = cli(&["extract", "--format", "json", root]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rendered: Vec<&serde_json::Value> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["claims"].as_array().unwrap())
        .filter_map(|c| c.get("renderings"))
        .collect();
    assert_eq!(rendered.len(), 1, "{rendered:?}");
    assert_eq!(rendered[0][0]["text"], "around Euros 16 million");
    assert_eq!(rendered[0][0]["unit"], "EUR");
    // the rate a source gives is listed with it, never as a claim
    let rates: Vec<&serde_json::Value> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.get("rates"))
        .flat_map(|r| r.as_array().unwrap())
        .collect();
    assert_eq!(rates.len(), 1, "{rates:?}");
    assert_eq!(rates[0]["text"], "about $1.25 to the euro");
    assert_eq!(
        (&rates[0]["per"], &rates[0]["unit"]),
        (&"EUR".into(), &"USD".into())
    );
}

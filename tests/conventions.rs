//! The conventions a command-line tool is expected to follow: shell completions and a man
//! page from the clap definitions (and a README that lists what the man page lists), a
//! project config file under the environment and the flags, `-o FILE` written atomically,
//! and a progress bar only on a terminal's stderr.
//!
//! Every text here is written for the tests. In-process runs use `run_with` and a `Host`
//! made here; spawned runs pass `--no-config` or name their file, so no config file
//! above the temporary folders counts.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crosscheck::cli::{run_with, Host, Io};

const NORTH: &str = "Bridge reopens after repairs\n\nNORTHPORT (Coast Wire) - The city council spent $4 million on repairs to the old bridge, the mayor said on Tuesday.\n\nAbout 3,000 cars cross it each day, officials said.\n";
const SOUTH: &str = "Old bridge open again\n\nThe mayor said on Tuesday that repairs to the old bridge cost the council $9 million.\n\nOfficials said about 3,000 cars use it daily.\n";
const DRAFT: &str = "# Bridge\n\nRepairs to the old bridge cost $4 million, the mayor said.\n";

/// What one run gave.
struct Run {
    status: u8,
    stdout: String,
    stderr: String,
}

/// `crosscheck ARGS` in-process, on `host`.
fn run_on(args: &[&str], host: &Host) -> Run {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut input: &[u8] = b"";
    let mut io = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut input,
        stdout_is_terminal: false,
        no_color: false,
        term_dumb: false,
        width: Some(80),
    };
    let mut argv = vec!["crosscheck"];
    argv.extend_from_slice(args);
    let status = run_with(argv, &mut io, host).code();
    Run {
        status,
        stdout: String::from_utf8(out).unwrap(),
        stderr: String::from_utf8(err).unwrap(),
    }
}

/// A host in `cwd` with these `CROSSCHECK_*` variables.
fn host(cwd: &Path, vars: &[(&str, &str)]) -> Host {
    Host {
        cwd: Some(cwd.to_owned()),
        vars: vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect(),
        stderr_is_terminal: false,
    }
}

/// A story folder: `sources/` with two articles, and a draft.
fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    std::fs::write(sources.join("north.txt"), NORTH).unwrap();
    std::fs::write(sources.join("south.txt"), SOUTH).unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    dir
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The commands of the clap tree as `crosscheck man` names them (`pack check`).
const COMMANDS: [&str; 10] = [
    "report",
    "lint",
    "extract",
    "segment",
    "text",
    "pack check",
    "pack dump",
    "config dump",
    "completions",
    "man",
];

#[test]
fn completions_generate_for_every_shell_and_name_every_command() {
    let h = Host::default();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = run_on(&["completions", shell], &h);
        assert_eq!(r.status, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.len() > 500, "{shell}: {}", r.stdout);
        for command in COMMANDS.iter().flat_map(|c| c.split(' ')) {
            assert!(r.stdout.contains(command), "{shell} lacks {command}");
        }
        // fish writes `-l output`, the others `--output`
        for flag in ["format", "output", "no-config", "against", "claims-from"] {
            assert!(r.stdout.contains(flag), "{shell} lacks {flag}");
        }
    }
    let r = run_on(&["completions", "tcsh"], &h);
    assert_eq!(r.status, 2);
}

/// The long flags a text names (`--max-source-size`), roff escapes undone.
fn long_flags(text: &str) -> BTreeSet<String> {
    let text = text
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "");
    let re = regex::Regex::new(r"(?:^|[^\w-])(--[a-z][a-z-]*[a-z])").unwrap();
    re.captures_iter(&text).map(|c| c[1].to_owned()).collect()
}

fn man_page() -> String {
    let r = run_on(&["man"], &Host::default());
    assert_eq!(r.status, 0, "{}", r.stderr);
    r.stdout
}

/// Every command and long flag of the parser, read from `--help` of each command.
fn parser_flags() -> BTreeSet<String> {
    let mut all = long_flags(&run_on(&["--help"], &Host::default()).stdout);
    for c in COMMANDS {
        let mut args: Vec<&str> = c.split(' ').collect();
        args.push("--help");
        let r = run_on(&args, &Host::default());
        assert_eq!(r.status, 0, "{c}: {}", r.stderr);
        all.extend(long_flags(&r.stdout));
    }
    all
}

#[test]
fn the_man_page_has_a_section_per_command_and_every_flag() {
    let page = man_page();
    assert!(page.contains(".TH crosscheck 1"), "{page}");
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SS \"crosscheck "))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert_eq!(sections, COMMANDS);
    assert_eq!(long_flags(&page), parser_flags());
    for heading in ["EXIT STATUS", "FILES", "ENVIRONMENT"] {
        assert!(page.contains(heading), "{heading}");
    }
    assert!(page.contains("CROSSCHECK_REPORT_FORMAT"));
}

/// The README's CLI section: from `## The CLI` to the next `## ` heading.
fn readme_cli() -> String {
    let readme = include_str!("../README.md");
    let start = readme.find("\n## The CLI").unwrap();
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    rest[..end].to_owned()
}

#[test]
fn the_readme_cli_section_lists_the_commands_and_flags_of_the_man_page() {
    let cli = readme_cli();
    let commands: BTreeSet<String> = cli
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("crosscheck "))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().take(2).collect();
            match words.as_slice() {
                [first @ ("pack" | "config"), second, ..] => format!("{first} {second}"),
                [first, ..] => (*first).to_owned(),
                [] => String::new(),
            }
        })
        .collect();
    let expected: BTreeSet<String> = COMMANDS.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(commands, expected, "README command lines");
    // `cargo bench --bench hostile` names cargo's flags, not ours
    let ours: String = cli
        .lines()
        .filter(|l| !l.contains("cargo "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(long_flags(&ours), long_flags(&man_page()), "README flags");
}

#[test]
fn a_config_file_found_upward_sets_the_defaults_under_env_and_flags() {
    let dir = story();
    let sub = dir.path().join("desk");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "# the desk's choices\n[report]\nformat = \"json\"\n[lint]\ndeny = \"error\"\n",
    )
    .unwrap();
    let sources = s(&dir.path().join("sources"));
    let in_sub = host(&sub, &[]);
    let r = run_on(&["report", &sources], &in_sub);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with('{'), "file: json\n{}", r.stdout);
    let env = host(&sub, &[("CROSSCHECK_REPORT_FORMAT", "markdown")]);
    let r = run_on(&["report", &sources], &env);
    assert!(r.stdout.starts_with("# crosscheck report"), "env: markdown");
    let r = run_on(&["report", "--format", "human", &sources], &env);
    assert!(r.stdout.starts_with("crosscheck report:"), "flag: human");
    let r = run_on(&["--no-config", "report", &sources], &in_sub);
    assert!(r.stdout.starts_with("crosscheck report:"), "no config");
    // the run in-process sees nothing around it
    let r = run_on(&["report", &sources], &Host::default());
    assert!(r.stdout.starts_with("crosscheck report:"), "hermetic");
    let r = run_on(
        &["--no-config", "report", "--format", "human", &sources],
        &in_sub,
    );
    assert_eq!(r.status, 0);
}

#[test]
fn config_dump_says_where_each_setting_came_from() {
    let dir = story();
    std::fs::write(
        dir.path().join(".crosscheck.toml"),
        "claims = \"pack\"\nmax-source-size = \"2M\"\n[report]\nmin-confidence = 0.25\n",
    )
    .unwrap();
    let h = host(dir.path(), &[("CROSSCHECK_LINT_FORMAT", "sarif")]);
    let r = run_on(&["config", "dump", "--encoding", "latin1"], &h);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let root = s(dir.path());
    let out = r.stdout.replace(&root, "[TMP]");
    // the comments line up after the longest line, which holds the temporary path
    let out = regex::Regex::new(" +#").unwrap().replace_all(&out, " #");
    insta::assert_snapshot!(out, @r#"
    # settings in effect: flags > CROSSCHECK_* variables > config file > defaults
    # config file: [TMP]/.crosscheck.toml
    claims = "[TMP]/pack" # file:[TMP]/.crosscheck.toml
    color = "auto" # default
    encoding = "latin1" # flag
    max-source-size = 2097152 # file:[TMP]/.crosscheck.toml

    [report]
    format = "human" # default
    min-confidence = 0.25 # file:[TMP]/.crosscheck.toml

    [lint]
    format = "sarif" # env CROSSCHECK_LINT_FORMAT
    deny = "warning" # default
    # allowlist = (not set) # default

    [extract]
    format = "human" # default

    [segment]
    format = "lines" # default

    [text]
    format = "human" # default
    "#);
}

#[test]
fn a_bad_key_in_the_config_file_is_named_with_its_line() {
    let dir = story();
    let file = dir.path().join("team.toml");
    std::fs::write(&file, "color = \"never\"\n\n[lint]\ndenny = \"error\"\n").unwrap();
    let r = run_on(
        &[
            "--config",
            &s(&file),
            "report",
            &s(&dir.path().join("sources")),
        ],
        &Host::default(),
    );
    assert_eq!(r.status, 2);
    assert_eq!(r.stdout, "");
    let err = r.stderr.replace(&s(dir.path()), "[TMP]");
    insta::assert_snapshot!(err, @r"
    error: invalid config file `[TMP]/team.toml` (1 problem)
      [TMP]/team.toml:4:1: key `denny`: unknown field `denny`, expected one of `format`, `deny`, `allowlist`, did you mean `deny`?
    ");
    let r = run_on(
        &["report", "x"],
        &host(dir.path(), &[("CROSSCHECK_MIN_CONFIDENCE", "2")]),
    );
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("CROSSCHECK_MIN_CONFIDENCE"),
        "{}",
        r.stderr
    );
    let r = run_on(
        &["--config", "/nonexistent/c.toml", "man"],
        &Host::default(),
    );
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("config file"), "{}", r.stderr);
}

#[test]
fn a_config_allowlist_and_deny_reach_lint() {
    let dir = story();
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "[lint]\nformat = \"json\"\nallowlist = \"allow.txt\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("allow.txt"), "conflicting_figure\n").unwrap();
    let draft = s(&dir.path().join("draft.md"));
    let sources = s(&dir.path().join("sources"));
    let args = ["lint", &draft, "--against", &sources];
    let without = run_on(&args, &Host::default());
    let with = run_on(&args, &host(dir.path(), &[]));
    assert!(without.stdout.contains("error"), "{}", without.stdout);
    let v: serde_json::Value = serde_json::from_str(&with.stdout).unwrap();
    assert_eq!(with.status, 0, "{}", with.stdout);
    assert!(v["suppressed"].as_u64().unwrap_or(0) >= 1, "{v}");
}

#[test]
fn every_command_writes_the_same_bytes_to_a_file_with_o() {
    let dir = story();
    let sources = s(&dir.path().join("sources"));
    let draft = s(&dir.path().join("draft.md"));
    let h = Host::default();
    let cases: Vec<Vec<&str>> = vec![
        vec!["report", &sources],
        vec!["report", "--format", "json", &sources],
        vec!["report", "--format", "markdown", &sources],
        vec!["lint", &draft, "--against", &sources],
        vec!["lint", &draft, "--against", &sources, "--format", "sarif"],
        vec!["extract", "--format", "jsonl", &sources],
        vec!["segment", &sources],
        vec!["text", "--format", "jsonl", &sources],
        vec!["pack", "dump"],
        vec!["pack", "check"],
        vec!["config", "dump"],
        vec!["completions", "bash"],
        vec!["man"],
    ];
    for (i, args) in cases.iter().enumerate() {
        let to_stdout = run_on(args, &h);
        let target = dir.path().join(format!("out-{i}"));
        let mut with_o = args.clone();
        let t = s(&target);
        with_o.extend(["-o", &t]);
        let to_file = run_on(&with_o, &h);
        assert_eq!(to_file.status, to_stdout.status, "{args:?}");
        assert_eq!(to_file.stdout, "", "{args:?}");
        let written = std::fs::read_to_string(&target).unwrap();
        assert_eq!(written, to_stdout.stdout, "{args:?}");
    }
    // nothing but the targets: no temporary file left behind
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_failed_run_leaves_the_old_output_file_alone() {
    let dir = story();
    let target = dir.path().join("report.json");
    std::fs::write(&target, "yesterday's report\n").unwrap();
    let missing = s(&dir.path().join("missing"));
    let t = s(&target);
    let r = run_on(&["report", &missing, "-o", &t], &Host::default());
    assert_eq!(r.status, 2);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "yesterday's report\n"
    );
    // a folder that does not exist is named
    let nowhere = s(&dir.path().join("no/such/dir/r.json"));
    let r = run_on(&["man", "-o", &nowhere], &Host::default());
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
}

/// A folder of `n` short articles: a run long enough for a progress bar.
fn many(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("a{i:04}.txt")),
            format!("Dock strike\n\nUnion leaders said {i} dockers walked out on Monday.\n"),
        )
        .unwrap();
    }
    dir
}

/// The binary in `dir`, with none of the `CROSSCHECK_*` variables of the test's own
/// environment.
fn bare(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(dir);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("CROSSCHECK_") {
            c.env_remove(k);
        }
    }
    c
}

/// [`bare`], reading no config file, on an ordinary terminal type.
fn bin(dir: &Path) -> Command {
    let mut c = bare(dir);
    c.arg("--no-config")
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    c
}

/// Runs the binary with stdout on a pipe and stderr on a pseudo-terminal; returns the
/// exit code, stdout and what reached the terminal.
#[cfg(unix)]
fn on_a_terminal(mut cmd: Command) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    use std::io::Read;
    let pty = nix::pty::openpty(None, None).unwrap();
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::from(pty.slave));
    let mut child = cmd.spawn().unwrap();
    drop(cmd); // our copy of the terminal's slave side: the reader ends when the child's does
    let mut master = std::fs::File::from(pty.master);
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        // Linux ends a pseudo-terminal read with EIO once the other side is closed
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        seen
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), stdout, reader.join().unwrap())
}

#[cfg(unix)]
#[test]
fn a_long_run_shows_progress_on_a_terminal_and_none_on_a_pipe() {
    let dir = many(320);
    let report = |extra: &[&str]| {
        let mut c = bin(dir.path());
        c.args(["report", "--format", "json", "."]).args(extra);
        c
    };
    let piped = report(&[]).output().unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&piped.stderr),
        "",
        "no bar on a pipe"
    );

    let (code, stdout, tty) = on_a_terminal(report(&[]));
    assert_eq!(code, Some(0));
    let tty = String::from_utf8_lossy(&tty);
    assert!(tty.contains("320 sources read"), "{tty:?}");
    assert_eq!(stdout, piped.stdout, "stdout never carries the bar");

    let (code, stdout, tty) = on_a_terminal(report(&["-q"]));
    assert_eq!(code, Some(0));
    assert_eq!(String::from_utf8_lossy(&tty), "", "-q: no bar");
    assert_eq!(stdout, piped.stdout);

    // a short run on a terminal: no bar either
    let few = story();
    let mut c = bin(few.path());
    c.args(["report", "sources"]);
    let (code, _, tty) = on_a_terminal(c);
    assert_eq!(code, Some(0));
    assert_eq!(String::from_utf8_lossy(&tty), "", "short run");
}

#[test]
fn the_binary_finds_the_config_file_from_its_working_directory() {
    let dir = story();
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "[extract]\nformat = \"jsonl\"\n",
    )
    .unwrap();
    let out = bare(dir.path())
        .args(["extract", "sources"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let first = String::from_utf8_lossy(&out.stdout);
    assert!(first.starts_with("{\"id\":\"north\""), "{first}");
}

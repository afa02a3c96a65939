//! The settings a run starts from, in rising precedence: the defaults, a project config
//! file (`crosscheck.toml` or `.crosscheck.toml`, the nearest one upward from the working
//! directory, or `--config FILE`), `CROSSCHECK_*` environment variables, and flags.
//!
//! Input: the parsed command line and which of its values were typed, the host's working
//! directory and `CROSSCHECK_*` variables. Output: [`Settings`], each value with where it
//! came from; [`Settings::apply`] writes the values that did not come from a flag or a
//! default into the command line, and `config dump` prints them. A config file is checked
//! with the claims pack's code: every problem at once, each with line, column and key, an
//! unknown key or value with a "did you mean".

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, ValueEnum};
use serde::Deserialize;
use toml::Spanned;

use super::args::{self, Cli, Command};
use super::Host;
use crate::pack::{did_you_mean, FileCtx, PackError};
use crate::report::sanitize;

/// The names a config file may have, looked for in this order in each directory.
pub(super) const FILE_NAMES: [&str; 2] = ["crosscheck.toml", ".crosscheck.toml"];

/// The variable naming a config file, as `--config` does.
const CONFIG_VAR: &str = "CROSSCHECK_CONFIG";

/// The largest config file read.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// How a value is written and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One of the flag's possible values.
    Choice,
    /// A path; in a config file, relative to the file's directory.
    Path,
    /// A size (`16M`, or bytes).
    Size,
    /// A number from 0 to 1.
    Confidence,
}

/// One setting: its key in the file, the command it belongs to (none: every command), the
/// flag's argument id and the environment variable.
struct Spec {
    key: &'static str,
    command: Option<&'static str>,
    id: &'static str,
    var: &'static str,
    kind: Kind,
}

const fn spec(
    key: &'static str,
    command: Option<&'static str>,
    id: &'static str,
    var: &'static str,
    kind: Kind,
) -> Spec {
    Spec {
        key,
        command,
        id,
        var,
        kind,
    }
}

/// Every setting, in the order `config dump` prints them.
const SPECS: [Spec; 12] = [
    spec("claims", None, "claims", "CROSSCHECK_CLAIMS", Kind::Path),
    spec("color", None, "color", "CROSSCHECK_COLOR", Kind::Choice),
    spec(
        "encoding",
        None,
        "encoding",
        "CROSSCHECK_ENCODING",
        Kind::Choice,
    ),
    spec(
        "max-source-size",
        None,
        "max_source_size",
        "CROSSCHECK_MAX_SOURCE_SIZE",
        Kind::Size,
    ),
    spec(
        "format",
        Some("report"),
        "format",
        "CROSSCHECK_REPORT_FORMAT",
        Kind::Choice,
    ),
    spec(
        "min-confidence",
        Some("report"),
        "min_confidence",
        "CROSSCHECK_MIN_CONFIDENCE",
        Kind::Confidence,
    ),
    spec(
        "format",
        Some("lint"),
        "format",
        "CROSSCHECK_LINT_FORMAT",
        Kind::Choice,
    ),
    spec(
        "deny",
        Some("lint"),
        "deny",
        "CROSSCHECK_DENY",
        Kind::Choice,
    ),
    spec(
        "allowlist",
        Some("lint"),
        "allowlist",
        "CROSSCHECK_ALLOWLIST",
        Kind::Path,
    ),
    spec(
        "format",
        Some("extract"),
        "format",
        "CROSSCHECK_EXTRACT_FORMAT",
        Kind::Choice,
    ),
    spec(
        "format",
        Some("segment"),
        "format",
        "CROSSCHECK_SEGMENT_FORMAT",
        Kind::Choice,
    ),
    spec(
        "format",
        Some("text"),
        "format",
        "CROSSCHECK_TEXT_FORMAT",
        Kind::Choice,
    ),
];

/// The `CROSSCHECK_*` variable of each setting, in the order of [`SPECS`].
pub(super) fn variables() -> impl Iterator<Item = &'static str> {
    SPECS.iter().map(|s| s.var)
}

impl Spec {
    /// `report.format`, `claims`.
    fn dotted(&self) -> String {
        match self.command {
            Some(c) => format!("{c}.{}", self.key),
            None => self.key.to_owned(),
        }
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Origin {
    /// The built-in default.
    Default,
    /// A config file.
    File(PathBuf),
    /// A `CROSSCHECK_*` variable.
    Env(&'static str),
    /// The command line.
    Flag,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(p) => write!(f, "file:{}", sanitize(&p.display().to_string())),
            Origin::Env(v) => write!(f, "env {v}"),
            Origin::Flag => f.write_str("flag"),
        }
    }
}

/// A value as written: text, or a path made absolute against the config file's folder.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Path(PathBuf),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Path(p) => p.display().to_string(),
        }
    }
}

/// Which config file was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FileState {
    /// `--no-config`.
    Disabled,
    /// None was named and none found upward from the working directory (or the run has
    /// no working directory to look from).
    NotFound,
    /// This one.
    Read(PathBuf),
}

/// The effective settings.
#[derive(Debug)]
pub(super) struct Settings {
    file: FileState,
    /// Per entry of [`SPECS`]: the value (none: unset) and its origin.
    values: Vec<(Option<Value>, Origin)>,
}

/// A setting whose value cannot be used; the message is ready to print after `error: `.
#[derive(Debug)]
pub(super) struct ConfigError(pub(super) String);

impl Settings {
    /// Layers the defaults, the config file, the environment and the flags.
    pub(super) fn resolve(
        cli: &Cli,
        matches: &ArgMatches,
        host: &Host,
    ) -> Result<Settings, ConfigError> {
        let (file, from_file) = read_file(cli, host)?;
        let cmd = Cli::command();
        let sub = matches.subcommand();
        let file_origin = match &file {
            FileState::Read(path) => Some(Origin::File(path.clone())),
            FileState::Disabled | FileState::NotFound => None,
        };
        let mut values = Vec::with_capacity(SPECS.len());
        for (i, spec) in SPECS.iter().enumerate() {
            let on_this_command = spec.command.is_none() || spec.command == sub.map(|s| s.0);
            let typed = |m: &ArgMatches| {
                m.try_get_raw(spec.id)
                    .ok()
                    .flatten()
                    .filter(|_| m.value_source(spec.id) == Some(ValueSource::CommandLine))
                    .and_then(|mut v| v.next())
                    .map(|v| v.to_string_lossy().into_owned())
            };
            let flag = if on_this_command {
                typed(matches).or_else(|| sub.and_then(|(_, m)| typed(m)))
            } else {
                None
            };
            let value = if let Some(f) = flag {
                (Some(raw_value(spec, f)), Origin::Flag)
            } else if let Some(v) = host.var(spec.var).filter(|v| !v.is_empty()) {
                let text = v
                    .to_str()
                    .ok_or_else(|| ConfigError(format!("`{}` is not UTF-8 text", spec.var)))?;
                check(&cmd, spec, text).map_err(|e| ConfigError(format!("{}: {e}", spec.var)))?;
                (
                    Some(raw_value(spec, text.to_owned())),
                    Origin::Env(spec.var),
                )
            } else if let (Some(v), Some(origin)) = (&from_file[i], &file_origin) {
                (Some(v.clone()), origin.clone())
            } else {
                (default_of(&cmd, spec).map(Value::Text), Origin::Default)
            };
            values.push(value);
        }
        Ok(Settings { file, values })
    }

    /// Writes the values from the file and the environment into `cli`: flags and defaults
    /// are there already.
    pub(super) fn apply(&self, cli: &mut Cli) -> Result<(), ConfigError> {
        for (spec, (value, origin)) in SPECS.iter().zip(&self.values) {
            if matches!(origin, Origin::Default | Origin::Flag) {
                continue;
            }
            let Some(value) = value else { continue };
            set(cli, spec, value).map_err(|e| ConfigError(format!("{}: {e}", spec.dotted())))?;
        }
        Ok(())
    }

    /// `config dump`: the settings as a config file would give them, each with its origin.
    pub(super) fn dump(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "# settings in effect: flags > CROSSCHECK_* variables > config file > defaults"
        )?;
        match &self.file {
            FileState::Disabled => writeln!(out, "# config file: none (--no-config)")?,
            FileState::NotFound => writeln!(out, "# config file: none found")?,
            FileState::Read(p) => {
                writeln!(out, "# config file: {}", sanitize(&p.display().to_string()))?
            }
        }
        let mut lines: Vec<(Option<&str>, String, String)> = Vec::new();
        for (spec, (value, origin)) in SPECS.iter().zip(&self.values) {
            let body = match value {
                Some(v) => format!("{} = {}", spec.key, shown(spec, v)),
                None => format!("# {} = (not set)", spec.key),
            };
            lines.push((spec.command, body, origin.to_string()));
        }
        let width = lines.iter().map(|l| l.1.chars().count()).max().unwrap_or(0);
        let mut section = None;
        for (command, body, origin) in lines {
            if command != section {
                section = command;
                if let Some(c) = command {
                    writeln!(out, "\n[{c}]")?;
                }
            }
            writeln!(out, "{body:width$}  # {origin}")?;
        }
        Ok(())
    }
}

/// A value written on the command line or in a variable: paths are as given.
fn raw_value(spec: &Spec, text: String) -> Value {
    match spec.kind {
        Kind::Path => Value::Path(PathBuf::from(text)),
        _ => Value::Text(text),
    }
}

/// A value for `config dump`: TOML, outside text escaped.
fn shown(spec: &Spec, v: &Value) -> String {
    let text = v.text();
    match spec.kind {
        Kind::Size => match args::parse_size(&text) {
            Ok(n) => n.to_string(),
            Err(_) => toml::Value::String(sanitize(&text)).to_string(),
        },
        Kind::Confidence => match args::parse_confidence(&text) {
            Ok(x) => toml::Value::Float(x).to_string(),
            Err(_) => toml::Value::String(sanitize(&text)).to_string(),
        },
        Kind::Choice | Kind::Path => toml::Value::String(sanitize(&text)).to_string(),
    }
}

/// The argument a setting stands for.
fn arg_of<'a>(cmd: &'a clap::Command, spec: &Spec) -> Option<&'a clap::Arg> {
    let cmd = match spec.command {
        Some(c) => cmd.find_subcommand(c)?,
        None => cmd,
    };
    cmd.get_arguments().find(|a| a.get_id() == spec.id)
}

/// The flag's default, as written.
fn default_of(cmd: &clap::Command, spec: &Spec) -> Option<String> {
    arg_of(cmd, spec)?
        .get_default_values()
        .first()
        .map(|v| v.to_string_lossy().into_owned())
}

/// Checks a value as written; the error says what is expected.
fn check(cmd: &clap::Command, spec: &Spec, text: &str) -> Result<(), String> {
    match spec.kind {
        Kind::Path if text.is_empty() => Err("an empty path".to_owned()),
        Kind::Path => Ok(()),
        Kind::Size => args::parse_size(text).map(drop),
        Kind::Confidence => args::parse_confidence(text).map(drop),
        Kind::Choice => {
            let names: Vec<String> = arg_of(cmd, spec)
                .map(|a| {
                    a.get_possible_values()
                        .iter()
                        .map(|p| p.get_name().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            if names.iter().any(|n| n == text) {
                return Ok(());
            }
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            Err(format!(
                "unknown value `{}`, expected one of {}{}",
                sanitize(text),
                list.join(", "),
                did_you_mean(text, names.iter().map(String::as_str))
            ))
        }
    }
}

fn choice<T: ValueEnum>(text: &str) -> Result<T, String> {
    T::from_str(text, false)
}

/// Writes one checked value into the command line, when the setting applies to it.
fn set(cli: &mut Cli, spec: &Spec, value: &Value) -> Result<(), String> {
    let text = value.text();
    let path = || match value {
        Value::Path(p) => p.clone(),
        Value::Text(t) => PathBuf::from(t),
    };
    let g = &mut cli.global;
    match (spec.command, spec.id, &mut cli.command) {
        (None, "claims", _) => g.claims = Some(path()),
        (None, "color", _) => g.color = choice(&text)?,
        (None, "encoding", _) => g.encoding = choice(&text)?,
        (None, "max_source_size", _) => g.max_source_size = args::parse_size(&text)?,
        (Some("report"), "format", Command::Report(a)) => a.format = choice(&text)?,
        (Some("report"), "min_confidence", Command::Report(a)) => {
            a.min_confidence = args::parse_confidence(&text)?;
        }
        (Some("lint"), "format", Command::Lint(a)) => a.format = choice(&text)?,
        (Some("lint"), "deny", Command::Lint(a)) => a.deny = choice(&text)?,
        (Some("lint"), "allowlist", Command::Lint(a)) => a.allowlist = Some(path()),
        (Some("extract"), "format", Command::Extract(a)) => a.format = choice(&text)?,
        (Some("segment"), "format", Command::Segment(a)) => a.format = choice(&text)?,
        (Some("text"), "format", Command::Text(a)) => a.format = choice(&text)?,
        _ => {}
    }
    Ok(())
}

/// A config file as written: every key optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileView {
    claims: Option<Spanned<toml::Value>>,
    color: Option<Spanned<toml::Value>>,
    encoding: Option<Spanned<toml::Value>>,
    max_source_size: Option<Spanned<toml::Value>>,
    report: Option<ReportView>,
    lint: Option<LintView>,
    extract: Option<FormatView>,
    segment: Option<FormatView>,
    text: Option<FormatView>,
}

/// `[report]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ReportView {
    format: Option<Spanned<toml::Value>>,
    min_confidence: Option<Spanned<toml::Value>>,
}

/// `[lint]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LintView {
    format: Option<Spanned<toml::Value>>,
    deny: Option<Spanned<toml::Value>>,
    allowlist: Option<Spanned<toml::Value>>,
}

/// `[extract]`, `[segment]`, `[text]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FormatView {
    format: Option<Spanned<toml::Value>>,
}

impl FileView {
    /// The value written for each entry of [`SPECS`].
    fn entries(&self) -> [Option<&Spanned<toml::Value>>; 12] {
        let report = self.report.as_ref();
        let lint = self.lint.as_ref();
        fn format(v: &Option<FormatView>) -> Option<&Spanned<toml::Value>> {
            v.as_ref().and_then(|v| v.format.as_ref())
        }
        [
            self.claims.as_ref(),
            self.color.as_ref(),
            self.encoding.as_ref(),
            self.max_source_size.as_ref(),
            report.and_then(|r| r.format.as_ref()),
            report.and_then(|r| r.min_confidence.as_ref()),
            lint.and_then(|l| l.format.as_ref()),
            lint.and_then(|l| l.deny.as_ref()),
            lint.and_then(|l| l.allowlist.as_ref()),
            format(&self.extract),
            format(&self.segment),
            format(&self.text),
        ]
    }
}

/// Finds and reads the config file, checking every value in it.
fn read_file(cli: &Cli, host: &Host) -> Result<(FileState, Vec<Option<Value>>), ConfigError> {
    let none = vec![None; SPECS.len()];
    if cli.global.no_config {
        return Ok((FileState::Disabled, none));
    }
    let named = match (&cli.global.config, host.var(CONFIG_VAR)) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(v)) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => None,
    };
    let path = match named {
        Some(p) => p,
        None => match host.cwd.as_deref().and_then(find_upward) {
            Some(p) => p,
            None => return Ok((FileState::NotFound, none)),
        },
    };
    let shown = sanitize(&path.display().to_string());
    let bytes = crate::ingest::read_file(&path, MAX_FILE_BYTES).map_err(|kind| {
        let e = crate::ingest::InputError {
            path: path.display().to_string(),
            kind,
        };
        ConfigError(format!("the config file {e}"))
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ConfigError(format!("the config file `{shown}` is not UTF-8 text")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let dir = path.parent().unwrap_or(Path::new("")).to_owned();
    let values = check_file(&shown, text, &dir)?;
    Ok((FileState::Read(path), values))
}

/// The first `crosscheck.toml` or `.crosscheck.toml` in `dir` or a folder above it.
fn find_upward(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// Parses and checks a config file's text; paths are taken against `dir`.
fn check_file(origin: &str, text: &str, dir: &Path) -> Result<Vec<Option<Value>>, ConfigError> {
    let ctx = FileCtx::new(origin, text);
    let mut errs: Vec<PackError> = Vec::new();
    let Some(view) = ctx.parse::<FileView>(&mut errs) else {
        return Err(file_errors(origin, errs));
    };
    let cmd = Cli::command();
    let mut out = Vec::with_capacity(SPECS.len());
    for (spec, v) in SPECS.iter().zip(view.entries()) {
        let Some(v) = v else {
            out.push(None);
            continue;
        };
        let text = match (spec.kind, v.get_ref()) {
            (_, toml::Value::String(s)) => s.clone(),
            (Kind::Size, toml::Value::Integer(n)) => n.to_string(),
            (Kind::Confidence, toml::Value::Integer(n)) => n.to_string(),
            (Kind::Confidence, toml::Value::Float(x)) => x.to_string(),
            (_, other) => {
                let want = match spec.kind {
                    Kind::Size => "a size (a string such as \"16M\", or bytes)",
                    Kind::Confidence => "a number from 0 to 1",
                    Kind::Path => "a path (a string)",
                    Kind::Choice => "a string",
                };
                errs.push(ctx.at(
                    v,
                    &spec.dotted(),
                    format!("expected {want}, found {}", with_article(other.type_str())),
                ));
                out.push(None);
                continue;
            }
        };
        match check(&cmd, spec, &text) {
            Ok(()) => out.push(Some(match spec.kind {
                Kind::Path => Value::Path(dir.join(&text)),
                _ => Value::Text(text),
            })),
            Err(e) => {
                errs.push(ctx.at(v, &spec.dotted(), e));
                out.push(None);
            }
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(file_errors(origin, errs))
    }
}

/// `an integer`, `a float`.
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Every problem of a config file, one per line, as the claims pack reports its own.
fn file_errors(origin: &str, errs: Vec<PackError>) -> ConfigError {
    let n = errs.len();
    let mut message = format!(
        "invalid config file `{origin}` ({n} problem{})",
        if n == 1 { "" } else { "s" }
    );
    for e in errs {
        message.push_str(&format!("\n  {e}"));
    }
    ConfigError(message)
}

impl Host {
    /// A `CROSSCHECK_*` variable of the run.
    fn var(&self, name: &str) -> Option<&OsString> {
        self.vars.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(text: &str) -> Result<Vec<Option<Value>>, String> {
        check_file("crosscheck.toml", text, Path::new("/proj")).map_err(|e| e.0)
    }

    #[test]
    fn every_spec_names_a_real_argument_and_the_file_view_covers_it() {
        let cmd = Cli::command();
        for spec in &SPECS {
            assert!(arg_of(&cmd, spec).is_some(), "{}", spec.dotted());
        }
        let all = "claims = \"p\"\ncolor = \"never\"\nencoding = \"latin1\"\nmax-source-size = 1024\n\
            [report]\nformat = \"json\"\nmin-confidence = 0.5\n\
            [lint]\nformat = \"sarif\"\ndeny = \"error\"\nallowlist = \"a.txt\"\n\
            [extract]\nformat = \"jsonl\"\n[segment]\nformat = \"json\"\n[text]\nformat = \"jsonl\"\n";
        let values = checked(all).expect("valid");
        assert!(values.iter().all(Option::is_some), "{values:?}");
        assert_eq!(values[0], Some(Value::Path(PathBuf::from("/proj/p"))));
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line_and_a_guess() {
        let e = checked("color = \"never\"\n\n[report]\nfromat = \"json\"\n").expect_err("bad");
        insta::assert_snapshot!(e, @r"
        invalid config file `crosscheck.toml` (1 problem)
          crosscheck.toml:4:1: key `fromat`: unknown field `fromat`, expected `format` or `min-confidence`, did you mean `format`?
        ");
    }

    #[test]
    fn bad_values_are_all_named_at_once() {
        let e = checked("max-source-size = \"lots\"\n[report]\nformat = \"markdwn\"\nmin-confidence = 2\n[lint]\ndeny = 3\n")
            .expect_err("bad");
        insta::assert_snapshot!(e, @r#"
        invalid config file `crosscheck.toml` (4 problems)
          crosscheck.toml:1:19: key `max-source-size`: `lots` is not a size: write bytes, or a number with K, M or G
          crosscheck.toml:3:10: key `report.format`: unknown value `markdwn`, expected one of `human`, `json`, `markdown`, `html`, did you mean `markdown`?
          crosscheck.toml:4:18: key `report.min-confidence`: `2` is not a confidence: give a number from 0 to 1
          crosscheck.toml:6:8: key `lint.deny`: expected a string, found an integer
        "#);
    }
}

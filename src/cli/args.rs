//! Command-line arguments (clap derive). No clap type leaves `cli`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Cross-reference claims across news articles about one story.
#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-reference claims across news articles about one story and report where the sources disagree, with provenance",
    after_help = "Exit codes: 0 success (lint: nothing at or above --deny); 1 lint found something at or above --deny; \
2 bad usage, a bad claims pack, or an input that could not be read (the readable sources are still reported)."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Options shared by every command.
    #[command(flatten)]
    pub global: Global,
}

/// Options shared by every command.
#[derive(Debug, Args)]
pub struct Global {
    /// Colour: auto (only on a terminal, unless NO_COLOR is set or TERM=dumb), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// A claims pack directory whose files replace or add to the built-in pack.
    #[arg(long, value_name = "DIR", global = true)]
    pub claims: Option<PathBuf>,
    /// How to decode inputs that are not UTF-8.
    #[arg(long, value_enum, default_value_t = EncodingChoice::Utf8, global = true)]
    pub encoding: EncodingChoice,
    /// No warnings on stderr (errors are still printed).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More detail on stderr (-v notes, -vv per-stage counts).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// The largest source (or `--claims-from` record) read, in bytes, or with a K, M or G
    /// suffix (powers of 1024); a larger one is named on stderr and skipped (exit 2).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size, global = true)]
    pub max_source_size: u64,
    /// Write the results to FILE instead of stdout, atomically: a temporary file in the
    /// same directory is renamed into place once the output is complete.
    #[arg(short, long, value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,
    /// Read settings from FILE instead of the `crosscheck.toml` or `.crosscheck.toml`
    /// found upward from the working directory.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Read no config file (nor `CROSSCHECK_CONFIG`): only flags, `CROSSCHECK_*`
    /// variables and the defaults.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
}

/// A size in bytes: digits, then an optional K, M or G (KiB, MiB, GiB; a trailing `B` or
/// `iB` is accepted).
pub(super) fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let body = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (digits, shift) = match body.chars().last() {
        Some('K') => (&body[..body.len() - 1], 10),
        Some('M') => (&body[..body.len() - 1], 20),
        Some('G') => (&body[..body.len() - 1], 30),
        _ => (body, 0),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size: write bytes, or a number with K, M or G"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is out of range: give a size from 1 byte to 16E"))
}

/// A confidence: a finite number from 0 to 1.
pub(super) fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "`{s}` is not a confidence: give a number from 0 to 1"
        )),
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report where the sources agree, disagree, or only seem to disagree.
    Report(ReportArgs),
    /// Check a draft's claims against sources (compiler-style diagnostics, exit 1 on findings).
    Lint(LintArgs),
    /// Print the claims found in each source.
    Extract(ExtractArgs),
    /// Print the sentences of each source with exact spans.
    Segment(SegmentArgs),
    /// Print the text crosscheck reads from each source (a web page's article) and its metadata.
    Text(TextArgs),
    /// Validate or print the claims pack.
    #[command(subcommand)]
    Pack(PackCommand),
    /// Show the settings in effect (config file, `CROSSCHECK_*` variables, flags).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `crosscheck man -o crosscheck.1`.
    Man,
}

/// `crosscheck config ...`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective settings, each with where it came from.
    Dump,
}

/// `crosscheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files, directories (read recursively: .txt, .md), a manifest (.toml) or `-` for stdin.
    #[arg(required_unless_present = "claims_from", value_name = "SOURCES")]
    pub sources: Vec<PathBuf>,
    /// Report from the claims `crosscheck extract --format jsonl` wrote (one or more files,
    /// `-` for stdin) instead of from texts: the reduce step of a sharded run.
    #[arg(long, value_name = "FILE.jsonl", num_args = 1.., conflicts_with = "sources")]
    pub claims_from: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Drop findings below this confidence (0 to 1).
    #[arg(long, default_value_t = 0.0, value_name = "X", value_parser = parse_confidence)]
    pub min_confidence: f64,
}

/// `crosscheck lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The draft to check (`-` for stdin).
    #[arg(value_name = "DRAFT")]
    pub draft: PathBuf,
    /// The sources to check it against.
    #[arg(long, required = true, num_args = 1.., value_name = "SOURCES")]
    pub against: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Exit 1 when a diagnostic at or above this level is found.
    #[arg(long, value_enum, default_value_t = DenyLevel::Warning)]
    pub deny: DenyLevel,
    /// A file of accepted diagnostics, one `rule` or `rule: text` per line.
    #[arg(long, value_name = "FILE")]
    pub allowlist: Option<PathBuf>,
}

/// `crosscheck extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories, a manifest or `-` for stdin.
    #[arg(required = true, value_name = "SOURCES")]
    pub sources: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
    pub format: ExtractFormat,
    /// Also list every number read, claim or not, and why one is not (JSON: `figures`).
    #[arg(long)]
    pub all_figures: bool,
    /// With `--format jsonl`: add what puts each source in a story (`story`: its name keys
    /// and the year of its own date), for grouping sources into stories elsewhere.
    #[arg(long)]
    pub story_keys: bool,
    /// The year a source whose text gives none takes (default: the median year of the
    /// sources read together), for a map step that reads only part of a corpus.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i16).range(1..=9999))]
    pub story_year: Option<i16>,
}

/// `crosscheck segment`.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Files, directories, a manifest or `-` for stdin.
    #[arg(required = true, value_name = "SOURCES")]
    pub sources: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SegmentFormat::Lines)]
    pub format: SegmentFormat,
}

/// `crosscheck pack ...`.
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Validate a pack directory (or the built-in pack); exit 0 if valid, 2 if not.
    Check {
        /// The pack directory (default: the built-in pack, plus --claims if given).
        dir: Option<PathBuf>,
    },
    /// Print the merged pack (built-in files, replaced or extended by --claims).
    Dump,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people, on a terminal.
    Human,
    /// `crosscheck/report@1`.
    Json,
    /// To paste into a ticket.
    Markdown,
    /// One self-contained page to open in a browser.
    Html,
}

/// Lint formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Compiler-style diagnostics with snippets.
    Human,
    /// `crosscheck/lint@1`.
    Json,
    /// SARIF 2.1.0.
    Sarif,
}

/// `crosscheck text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// Files, directories (.txt, .md, .html, .warc, .warc.gz), a manifest or `-` for stdin.
    #[arg(required = true, value_name = "SOURCES")]
    pub sources: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextFormat::Human)]
    pub format: TextFormat,
}

/// Text formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// Each source's metadata (with where each value came from), then its text.
    Human,
    /// One JSON object per source per line: `path`, `id`, `title`, `outlet`, `published`,
    /// `author`, `url`, `body` and `origins`.
    Jsonl,
}

/// Extract formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One line per claim.
    Human,
    /// `crosscheck/extract@1`.
    Json,
    /// One JSON object per source per line.
    Jsonl,
}

/// Segment formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// One sentence per line: `path:line:column<TAB>text`.
    Lines,
    /// `crosscheck/segment@1`.
    Json,
}

/// `--deny` levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on anything.
    Note,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Only on a terminal, unless NO_COLOR is set or TERM=dumb.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingChoice {
    /// UTF-8 only: other bytes are an error naming the offset.
    Utf8,
    /// Read bytes that are not UTF-8 as Latin-1.
    Latin1,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes_and_refuse_nonsense() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64MB"), Ok(64 << 20));
        for bad in [
            "",
            "0",
            "-1",
            "1.5M",
            "M",
            "99999999999999999999",
            "17179869184G",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_confidence_is_a_finite_number_from_zero_to_one() {
        assert_eq!(parse_confidence("0.5"), Ok(0.5));
        assert_eq!(parse_confidence("1"), Ok(1.0));
        for bad in ["NaN", "nan", "inf", "-inf", "1.01", "-0.1", "x"] {
            assert!(parse_confidence(bad).is_err(), "{bad}");
        }
    }
}

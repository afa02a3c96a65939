//! The only code that knows argv, terminals, the environment, stdin/stdout and exit codes.

mod args;
mod config;
mod exit;
mod human;
mod manual;
mod output;
mod progress;
mod text;

use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, FromArgMatches};

pub use args::{
    Cli, ColorChoice, Command, ConfigCommand, DenyLevel, LintFormat, PackCommand, ReportFormat,
};
pub use exit::Status;

use crate::ingest::{Encoding, Ingested, Input};
use crate::pack::Pack;
use crate::pipeline::{analyze_observed, Analysis, Keep, Options};
use crate::report::{self, RenderOptions};

/// The handles and facts about the process a run may use.
pub struct Io<'a> {
    /// Results.
    pub stdout: &'a mut dyn Write,
    /// Warnings and errors.
    pub stderr: &'a mut dyn Write,
    /// Standard input, read only for `-`.
    pub stdin: &'a mut dyn Read,
    /// Whether stdout is a terminal.
    pub stdout_is_terminal: bool,
    /// Whether `NO_COLOR` is set (non-empty).
    pub no_color: bool,
    /// Whether `TERM=dumb`.
    pub term_dumb: bool,
    /// Terminal width, when known.
    pub width: Option<usize>,
}

/// What a run may learn of the process beyond [`Io`]: where to look for a config file, the
/// `CROSSCHECK_*` variables, whether a progress bar may be drawn. [`run`] uses
/// [`Host::default`], which has none of them, so in-process runs depend on nothing
/// around them; the binary passes [`Host::from_process`].
#[derive(Debug, Clone, Default)]
pub struct Host {
    /// The working directory, from which a config file is looked for upward; `None`: none
    /// is looked for.
    pub cwd: Option<PathBuf>,
    /// The `CROSSCHECK_*` environment variables, by name.
    pub vars: Vec<(String, OsString)>,
    /// Whether stderr is a terminal on which a progress bar may be drawn.
    pub stderr_is_terminal: bool,
}

impl Host {
    /// The process's working directory, `CROSSCHECK_*` variables and stderr.
    pub fn from_process() -> Host {
        Host {
            cwd: std::env::current_dir().ok(),
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v)))
                .filter(|(k, _)| k.starts_with("CROSSCHECK_"))
                .collect(),
            stderr_is_terminal: io::stderr().is_terminal(),
        }
    }
}

/// Entry point of the binary.
pub fn main() -> std::process::ExitCode {
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let mut out = io::BufWriter::new(stdout.lock());
    // A closed or broken stderr must not end the run nor change its exit status.
    let mut err = Lenient(io::stderr());
    let mut stdin = io::stdin();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let term_dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let width = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    let mut io = Io {
        stdout: &mut out,
        stderr: &mut err,
        stdin: &mut stdin,
        stdout_is_terminal: is_terminal,
        no_color,
        term_dumb,
        width,
    };
    let status = run_with(std::env::args_os(), &mut io, &Host::from_process());
    let flushed = out.flush();
    match flushed {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(io::stderr(), "error: cannot write output: {e}");
            std::process::ExitCode::from(Status::Usage.code())
        }
        _ => std::process::ExitCode::from(status.code()),
    }
}

/// A writer whose failures are ignored (stderr: the exit status still tells).
struct Lenient<W>(W);

impl<W: Write> Write for Lenient<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _ = self.0.write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

/// The status of a command that read its inputs (`Usage` when one could not be read)
/// once its output is written. A reader that closed the pipe early (`| head`) is no
/// failure, but it does not turn a skipped input's exit 2 into 0.
fn written<E: Into<anyhow::Error>>(result: Result<(), E>, read_ok: bool) -> anyhow::Result<Status> {
    let status = if read_ok { Status::Ok } else { Status::Usage };
    match result.map_err(Into::into) {
        Ok(()) => Ok(status),
        Err(e) if is_broken_pipe(&e) => Ok(status),
        Err(e) => Err(e),
    }
}

/// Runs one command line. Never panics on user input; returns the exit status. Reads no
/// config file unless `--config` names one, and no environment: see [`run_with`].
pub fn run<I, T>(argv: I, io: &mut Io<'_>) -> Status
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(argv, io, &Host::default())
}

/// Runs one command line with what `host` gives: the config file found from its working
/// directory and its `CROSSCHECK_*` variables under the flags, a progress bar on a
/// terminal's stderr.
pub fn run_with<I, T>(argv: I, io: &mut Io<'_>, host: &Host) -> Status
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let parsed = Cli::command()
        .try_get_matches_from(argv)
        .and_then(|m| Cli::from_arg_matches(&m).map(|c| (c, m)));
    let (mut cli, matches) = match parsed {
        Ok(c) => c,
        Err(e) => {
            let text = e.render().to_string();
            let is_help = matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            );
            if is_help {
                let _ = write!(io.stdout, "{text}");
                return Status::Ok;
            }
            let _ = write!(io.stderr, "{text}");
            return Status::Usage;
        }
    };
    let settings = config::Settings::resolve(&cli, &matches, host).and_then(|s| {
        s.apply(&mut cli)?;
        Ok(s)
    });
    let settings = match settings {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(io.stderr, "error: {}", e.0);
            return Status::Usage;
        }
    };
    let run = Run {
        cli: &cli,
        settings: &settings,
        host,
    };
    match cli.global.output.as_deref() {
        None => finish(dispatch(&run, io), io),
        Some(path) => output::to_file(&run, path, io),
    }
}

/// A parsed command line with its settings applied, and the host it runs on.
struct Run<'a> {
    cli: &'a Cli,
    settings: &'a config::Settings,
    host: &'a Host,
}

/// The status of a finished command, its error printed.
fn finish(result: anyhow::Result<Status>, io: &mut Io<'_>) -> Status {
    match result {
        Ok(status) => status,
        Err(e) if is_broken_pipe(&e) => Status::Ok,
        Err(e) => {
            let _ = writeln!(io.stderr, "error: {e:#}");
            Status::Usage
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn dispatch(run: &Run<'_>, io: &mut Io<'_>) -> anyhow::Result<Status> {
    let cli = run.cli;
    match &cli.command {
        Command::Pack(cmd) => return pack_command(cmd, cli, io),
        Command::Config(ConfigCommand::Dump) => {
            run.settings.dump(io.stdout)?;
            return Ok(Status::Ok);
        }
        Command::Completions { shell } => {
            manual::completions(*shell, io.stdout)?;
            return Ok(Status::Ok);
        }
        Command::Man => {
            manual::man(io.stdout)?;
            return Ok(Status::Ok);
        }
        _ => {}
    }
    // the pack's patterns and the built-in date regexes compile side by side
    let (pack, ()) = rayon::join(
        || Pack::load(cli.global.claims.as_deref()),
        crate::pipeline::warm_up,
    );
    let pack = match pack {
        Ok(p) => p,
        Err(e) => {
            writeln!(io.stderr, "error: {e}")?;
            return Ok(Status::Usage);
        }
    };
    let render = RenderOptions {
        color: use_color(cli.global.color, io),
        width: io.width.unwrap_or(100).clamp(40, 200),
    };
    match &cli.command {
        Command::Report(a) => {
            let (analysis, read_ok) = if a.claims_from.is_empty() {
                // the HTML report shades boilerplate; nothing else reads it after extraction
                let keep = match a.format {
                    ReportFormat::Html => Keep::Marks,
                    _ => Keep::Claims,
                };
                read_and_analyze(&a.sources, run, &pack, io, a.min_confidence, keep)?
            } else {
                read_claims_and_analyze(&a.claims_from, cli, &pack, io, a.min_confidence)?
            };
            let Some(analysis) = analysis else {
                return Ok(Status::Usage);
            };
            let result = match a.format {
                ReportFormat::Human => report::human::render(&analysis, &render, io.stdout),
                ReportFormat::Json => report::json::render_report(&analysis, io.stdout),
                ReportFormat::Markdown => report::markdown::render(&analysis, io.stdout),
                ReportFormat::Html => report::html::render(&analysis, io.stdout),
            };
            written(result, read_ok)
        }
        Command::Extract(a) => {
            let (analysis, read_ok) =
                read_and_analyze_dated(&a.sources, run, &pack, io, 0.0, a.story_year, Keep::All)?;
            let Some((analysis, years)) = analysis else {
                return Ok(Status::Usage);
            };
            let result = match a.format {
                args::ExtractFormat::Json if a.all_figures => {
                    report::json::render_extract_figures(&analysis, &pack, io.stdout)
                }
                args::ExtractFormat::Json => report::json::render_extract(&analysis, io.stdout),
                args::ExtractFormat::Jsonl => {
                    let years = a.story_keys.then_some(years.as_slice());
                    report::json::render_extract_lines(&analysis, years, io.stdout)
                }
                args::ExtractFormat::Human => {
                    let figures = a
                        .all_figures
                        .then(|| report::json::figure_views(&analysis, &pack));
                    human::write_extract(&analysis, figures, io.stdout)
                }
            };
            written(result, read_ok)
        }
        Command::Segment(a) => {
            let (analysis, read_ok) = read_and_analyze(&a.sources, run, &pack, io, 0.0, Keep::All)?;
            let Some(analysis) = analysis else {
                return Ok(Status::Usage);
            };
            let result = match a.format {
                args::SegmentFormat::Json => report::json::render_segment(&analysis, io.stdout),
                args::SegmentFormat::Lines => human::write_segment_lines(&analysis, io.stdout),
            };
            written(result, read_ok)
        }
        Command::Lint(a) => lint_command(a, run, &pack, io, &render),
        Command::Text(a) => {
            let meter = meter(run, io);
            let ingested = read_inputs(&a.sources, cli, &pack, io, meter.counters())?;
            meter.finish();
            if ingested.sources.is_empty() {
                writeln!(io.stderr, "error: no readable source among the inputs")?;
                return Ok(Status::Usage);
            }
            match a.format {
                args::TextFormat::Human => text::write_human(&ingested.sources, io.stdout)?,
                args::TextFormat::Jsonl => text::write_jsonl(&ingested.sources, io.stdout)?,
            }
            Ok(if ingested.errors.is_empty() {
                Status::Ok
            } else {
                Status::Usage
            })
        }
        Command::Pack(_) | Command::Config(_) | Command::Completions { .. } | Command::Man => {
            unreachable!("handled above")
        }
    }
}

fn use_color(choice: ColorChoice, io: &Io<'_>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io.stdout_is_terminal && !io.no_color && !io.term_dumb,
    }
}

/// Reads the inputs, reports unreadable ones on stderr, analyses the rest; the analysis
/// keeps of the reading what `keep` says (see [`analyze_observed`]).
/// Returns `None` when nothing at all could be read.
fn read_and_analyze(
    paths: &[PathBuf],
    run: &Run<'_>,
    pack: &Pack,
    io: &mut Io<'_>,
    min_confidence: f64,
    keep: Keep,
) -> anyhow::Result<(Option<Analysis>, bool)> {
    let (analysis, ok) = read_and_analyze_dated(paths, run, pack, io, min_confidence, None, keep)?;
    Ok((analysis.map(|(a, _)| a), ok))
}

/// An analysis with the year of each source's own date (see
/// [`crate::pipeline::analyze_dated`]).
type Dated = (Analysis, Vec<Option<i16>>);

/// [`read_and_analyze`] with the story year given or not (see
/// [`crate::pipeline::analyze_dated`]); also returns the year of each source's own date.
fn read_and_analyze_dated(
    paths: &[PathBuf],
    run: &Run<'_>,
    pack: &Pack,
    io: &mut Io<'_>,
    min_confidence: f64,
    story_year: Option<i16>,
    keep: Keep,
) -> anyhow::Result<(Option<Dated>, bool)> {
    let cli = run.cli;
    let meter = meter(run, io);
    let ingested = std::thread::scope(|s| {
        // the pack's matchers build while the inputs are read
        s.spawn(|| crate::pipeline::warm_up_pack(pack));
        read_inputs(paths, cli, pack, io, meter.counters())
    })?;
    let ok = ingested.errors.is_empty();
    if ingested.sources.is_empty() {
        writeln!(io.stderr, "error: no readable source among the inputs")?;
        return Ok((None, false));
    }
    let options = Options { min_confidence };
    let (analysis, years) = analyze_observed(
        pack,
        ingested.sources,
        &options,
        story_year,
        meter.counters(),
        keep,
    );
    meter.finish();
    if cli.global.verbose >= 2 {
        for (s, e) in analysis.sources.iter().zip(&analysis.extractions) {
            writeln!(
                io.stderr,
                "note: `{}`: {} claims, anchor {}",
                report::sanitize(&s.path),
                e.claims.len(),
                e.anchor.basis
            )?;
        }
    }
    Ok((Some((analysis, years)), ok))
}

/// The reduce step: reads `extract --format jsonl` lines back and aligns and compares
/// them. A bad line is reported (file and line) and skipped; the rest are still reported.
/// Returns `None` when no line at all could be read.
fn read_claims_and_analyze(
    paths: &[PathBuf],
    cli: &Cli,
    pack: &Pack,
    io: &mut Io<'_>,
    min_confidence: f64,
) -> anyhow::Result<(Option<Analysis>, bool)> {
    /// The fields of an extract@1 line the reduce step reads.
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        path: String,
        record: Option<crate::extract::record::Record>,
        /// The story the source was put in by whoever split the corpus.
        #[serde(default)]
        story_id: Option<String>,
    }
    let limit = cli.global.max_source_size;
    // a record's JSON runs to a few times its text; past that, a line is no record
    let line_limit = limit.saturating_mul(RECORD_LINE_FACTOR);
    let mut ok = true;
    let mut sources = Vec::new();
    let mut extractions = Vec::new();
    let mut stories: Vec<Option<String>> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut stdin_used = false;
    let mut seen_files = std::collections::HashSet::new();
    for p in paths {
        let (name, reader): (String, Box<dyn io::BufRead + '_>) = if p.as_os_str() == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            ("-".to_owned(), Box::new(io::BufReader::new(&mut *io.stdin)))
        } else {
            let name = report::sanitize(&p.display().to_string());
            if let Ok(c) = std::fs::canonicalize(p) {
                if !seen_files.insert(c) {
                    if !cli.global.quiet {
                        writeln!(io.stderr, "warning: `{name}` was named already: read once")?;
                    }
                    continue;
                }
            }
            match std::fs::File::open(p) {
                Ok(f) => (name, Box::new(io::BufReader::new(f))),
                Err(e) => {
                    writeln!(io.stderr, "error: cannot read `{name}`: {e}")?;
                    ok = false;
                    continue;
                }
            }
        };
        let name = report::sanitize(&name);
        let mut lines = JsonLines {
            reader,
            limit: line_limit,
            number: 0,
        };
        loop {
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(e) => {
                    writeln!(io.stderr, "error: `{name}` line {}: {e}", lines.number)?;
                    ok = false;
                    if e.kind() == io::ErrorKind::InvalidData {
                        continue;
                    }
                    break;
                }
            };
            let n = lines.number;
            if line.trim().is_empty() {
                continue;
            }
            let parsed = match serde_json::from_str::<Line>(&line) {
                Ok(l) => l,
                Err(e) => {
                    writeln!(
                        io.stderr,
                        "error: `{name}` line {n}: not a `crosscheck extract --format jsonl` line: {e}"
                    )?;
                    ok = false;
                    continue;
                }
            };
            let Some(record) = parsed.record else {
                writeln!(
                    io.stderr,
                    "error: `{name}` line {n}: no `record` field: write the claims with `crosscheck extract --format jsonl`"
                )?;
                ok = false;
                continue;
            };
            if !ids.insert(parsed.id.clone()) {
                writeln!(
                    io.stderr,
                    "error: `{name}` line {n}: source id `{}` was already read",
                    report::sanitize(&parsed.id)
                )?;
                ok = false;
                continue;
            }
            match record.into_source_limited(&parsed.id, &parsed.path, limit) {
                Ok((s, e)) => {
                    sources.push(s);
                    extractions.push(e);
                    stories.push(parsed.story_id);
                }
                Err(msg) => {
                    writeln!(
                        io.stderr,
                        "error: `{name}` line {n}: {}",
                        report::sanitize(&msg)
                    )?;
                    ok = false;
                }
            }
        }
    }
    if sources.is_empty() {
        writeln!(io.stderr, "error: no readable claims among the inputs")?;
        return Ok((None, false));
    }
    let options = Options { min_confidence };
    let labelled = stories.iter().filter(|s| s.is_some()).count();
    if labelled > 0 && labelled < stories.len() && !cli.global.quiet {
        writeln!(
            io.stderr,
            "warning: {labelled} of {} sources have a `story_id`: ignored, stories are formed from shared names",
            stories.len()
        )?;
    }
    let analysis = if labelled == stories.len() {
        let stories: Vec<String> = stories.into_iter().flatten().collect();
        crate::pipeline::analyze_stories(pack, sources, extractions, &stories, &options)
    } else {
        crate::pipeline::analyze_extracted(pack, sources, extractions, &options)
    };
    Ok((Some(analysis), ok))
}

/// How many times the maximum source size one `--claims-from` line may take.
const RECORD_LINE_FACTOR: u64 = 4;

/// The lines of a JSONL input, each at most `limit` bytes, a byte-order mark opening the
/// first one dropped. A longer line, or one that is not UTF-8, is an `InvalidData` error
/// and skipped to its end; any other error ends the input.
struct JsonLines<'a> {
    reader: Box<dyn io::BufRead + 'a>,
    limit: u64,
    /// The 1-based number of the last line returned.
    number: usize,
}

impl JsonLines<'_> {
    fn next_line(&mut self) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        let read = (&mut self.reader)
            .take(self.limit.saturating_add(1))
            .read_until(b'\n', &mut buf)?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        if buf.len() as u64 > self.limit && buf.last() != Some(&b'\n') {
            // skip the rest of the line without holding it
            loop {
                let chunk = self.reader.fill_buf()?;
                if chunk.is_empty() {
                    break;
                }
                match memchr::memchr(b'\n', chunk) {
                    Some(i) => {
                        self.reader.consume(i + 1);
                        break;
                    }
                    None => {
                        let n = chunk.len();
                        self.reader.consume(n);
                    }
                }
            }
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "longer than {} bytes ({RECORD_LINE_FACTOR} times `--max-source-size`); skipped",
                    self.limit
                ),
            ));
        }
        if self.number == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        String::from_utf8(buf)
            .map(Some)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
    }
}

/// The progress meter of a run that reads sources: it may draw only on a terminal's
/// stderr, never with `-q` nor `TERM=dumb`.
fn meter(run: &Run<'_>, io: &Io<'_>) -> progress::Meter {
    progress::Meter::start(run.host.stderr_is_terminal && !run.cli.global.quiet && !io.term_dumb)
}

fn read_inputs(
    paths: &[PathBuf],
    cli: &Cli,
    pack: &Pack,
    io: &mut Io<'_>,
    progress: Option<&crate::progress::Progress>,
) -> anyhow::Result<Ingested> {
    let limit = cli.global.max_source_size;
    let mut inputs = Vec::new();
    let mut stdin_error = None;
    let mut stdin_used = false;
    for p in paths {
        if p.as_os_str() == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            match crate::ingest::read_limited(&mut *io.stdin, limit) {
                Ok(bytes) => inputs.push(Input::Stdin(bytes)),
                Err(kind) => {
                    stdin_error = Some(crate::ingest::InputError {
                        path: "-".into(),
                        kind,
                    })
                }
            }
        } else {
            inputs.push(Input::Path(p.clone()));
        }
    }
    let encoding = match cli.global.encoding {
        args::EncodingChoice::Utf8 => Encoding::Utf8,
        args::EncodingChoice::Latin1 => Encoding::Latin1,
    };
    let limits = crate::ingest::Limits {
        max_source_size: limit,
    };
    let mut ingested = crate::ingest::ingest_observed(&inputs, encoding, limits, pack, progress);
    if let Some(e) = stdin_error {
        ingested.errors.insert(0, e);
    }
    for e in &ingested.errors {
        writeln!(io.stderr, "error: {e}")?;
    }
    if !cli.global.quiet {
        for n in &ingested.notes {
            writeln!(io.stderr, "note: {n}")?;
        }
        for r in &ingested.repeats {
            writeln!(
                io.stderr,
                "warning: `{}` is the same file as `{}`: read once",
                report::sanitize(&r.path),
                report::sanitize(&r.first)
            )?;
        }
    }
    if cli.global.verbose >= 1 && !cli.global.quiet {
        for s in &ingested.skipped {
            writeln!(
                io.stderr,
                "note: skipped `{}`: {}",
                report::sanitize(&s.path),
                s.reason
            )?;
        }
        for p in &ingested.outside {
            writeln!(
                io.stderr,
                "note: manifest entry `{}` lies outside the manifest's folder",
                report::sanitize(p)
            )?;
        }
    }
    Ok(ingested)
}

fn pack_command(cmd: &PackCommand, cli: &Cli, io: &mut Io<'_>) -> anyhow::Result<Status> {
    match cmd {
        PackCommand::Check { dir } => {
            let dir: Option<&Path> = dir.as_deref().or(cli.global.claims.as_deref());
            match Pack::load(dir) {
                Ok(p) => {
                    writeln!(
                        io.stdout,
                        "ok: claims pack `{}` ({} kinds, {} units, {} aliases, {} speech verbs)",
                        p.name,
                        p.kinds.len(),
                        p.units.len(),
                        p.aliases.len(),
                        p.speech_verbs.len()
                    )?;
                    Ok(Status::Ok)
                }
                Err(e) => {
                    writeln!(io.stderr, "error: {e}")?;
                    Ok(Status::Usage)
                }
            }
        }
        PackCommand::Dump => match Pack::load(cli.global.claims.as_deref()) {
            Ok(p) => {
                write!(io.stdout, "{}", p.dump())?;
                Ok(Status::Ok)
            }
            Err(e) => {
                writeln!(io.stderr, "error: {e}")?;
                Ok(Status::Usage)
            }
        },
    }
}

fn lint_command(
    a: &args::LintArgs,
    run: &Run<'_>,
    pack: &Pack,
    io: &mut Io<'_>,
    render: &RenderOptions,
) -> anyhow::Result<Status> {
    let cli = run.cli;
    let allowlist = match &a.allowlist {
        None => None,
        Some(path) => {
            let shown = report::sanitize(&path.display().to_string());
            let read = crate::ingest::read_file(path, cli.global.max_source_size)
                .map_err(|kind| crate::ingest::InputError {
                    path: path.display().to_string(),
                    kind,
                })
                .and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|e| crate::ingest::InputError {
                        path: path.display().to_string(),
                        kind: crate::ingest::InputErrorKind::NotUtf8 {
                            offset: e.utf8_error().valid_up_to(),
                            line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                                .iter()
                                .filter(|&&b| b == b'\n')
                                .count(),
                        },
                    })
                });
            let text = match read {
                Ok(t) => t,
                Err(e) => {
                    writeln!(io.stderr, "error: the allowlist {e}")?;
                    return Ok(Status::Usage);
                }
            };
            // a byte-order mark is no part of the first rule
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            match crate::lint::Allowlist::parse(text) {
                Ok(list) => Some(list),
                Err(e) => {
                    writeln!(
                        io.stderr,
                        "error: allowlist `{shown}`: {}",
                        report::sanitize(&e.to_string())
                    )?;
                    return Ok(Status::Usage);
                }
            }
        }
    };
    let mut paths = vec![a.draft.clone()];
    paths.extend(a.against.iter().cloned());
    let meter = meter(run, io);
    let mut ingested = read_inputs(&paths, cli, pack, io, meter.counters())?;
    let read_ok = ingested.errors.is_empty();
    let draft_path = if a.draft.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        a.draft.display().to_string()
    };
    let Some(draft) = ingested.sources.iter().position(|s| s.path == draft_path) else {
        writeln!(
            io.stderr,
            "error: the draft `{}` could not be read",
            report::sanitize(&draft_path)
        )?;
        return Ok(Status::Usage);
    };
    // A draft that sits inside a source directory must not vouch for itself.
    let canonical = |p: &str| std::fs::canonicalize(p).ok();
    let draft_canonical = canonical(&draft_path);
    let mut index = 0;
    ingested.sources.retain(|s| {
        let keep = index == draft
            || (s.path != draft_path
                && (draft_canonical.is_none() || canonical(&s.path) != draft_canonical));
        index += 1;
        keep
    });
    let draft = ingested
        .sources
        .iter()
        .position(|s| s.path == draft_path)
        .unwrap_or(0);
    if ingested.sources.len() < 2 {
        writeln!(
            io.stderr,
            "error: no readable source to check the draft against"
        )?;
        return Ok(Status::Usage);
    }
    let (analysis, _) = analyze_observed(
        pack,
        ingested.sources,
        &Options::default(),
        None,
        meter.counters(),
        Keep::All,
    );
    meter.finish();
    let found = crate::lint::lint(&analysis, draft, pack);
    let (diagnostics, suppressed) =
        crate::lint::suppress(found, &analysis.sources[draft], allowlist.as_ref());
    let lint_report = report::LintReport {
        analysis: &analysis,
        draft,
        diagnostics: &diagnostics,
        suppressed,
    };
    let result = match a.format {
        LintFormat::Human => report::diagnostics::render(&lint_report, render, io.stdout),
        LintFormat::Json => report::json::render_lint(&lint_report, io.stdout),
        LintFormat::Sarif => report::sarif::render(&lint_report, io.stdout),
    };
    if written(result, read_ok)? == Status::Usage {
        return Ok(Status::Usage);
    }
    let deny = match a.deny {
        DenyLevel::Error => crate::pack::Severity::Error,
        DenyLevel::Warning => crate::pack::Severity::Warning,
        DenyLevel::Note => crate::pack::Severity::Note,
    };
    Ok(if diagnostics.iter().any(|d| d.severity >= deny) {
        Status::LintFailed
    } else {
        Status::Ok
    })
}

//! Ingest: paths, directories, stdin and manifests become [`Source`]s.
//!
//! Input: what the user named. Output: sources (original text, line index, metadata,
//! boilerplate spans) plus an error for every input that could not be read; one bad
//! file never stops the others, and every input named or found is either read or
//! named with the reason (an error, a warning, or a note under `-v` for files that are
//! not articles). Nothing reads more than [`Limits::max_source_size`] bytes of one
//! input; the same file named twice is one source. Invariant: `Source::text` is the
//! file's text exactly (less a UTF-8 byte-order mark; UTF-16 behind a byte-order mark
//! and Latin-1 on request decoded; terminal control sequences blanked to spaces of the
//! same length, so that no colour code yields a figure), so every later span indexes
//! what the user sees.

mod boilerplate;
mod dateline;
mod error;
mod html;
mod manifest;
mod metadata;
mod read;
mod warc;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

pub use dateline::{Dateline, DatelineDate};
pub use error::{InputError, InputErrorKind};
pub use html::PageMap;
pub(crate) use html::PAGE_FIELDS;
pub(crate) use metadata::month_number;
pub(crate) use read::{read_file, read_limited};
pub use read::{Limits, DEFAULT_MAX_SOURCE_SIZE};
pub use warc::write_warc;

use crate::pack::Pack;
use crate::progress::Progress;
use crate::text::{LineIndex, Position, SourceId, Span};

/// One article.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id (file stem, disambiguated when two files share one).
    pub id: SourceId,
    /// The path as given or found; `<stdin>` for standard input.
    pub path: String,
    /// The original text.
    pub text: String,
    /// Byte offset ↔ line:column.
    pub lines: LineIndex,
    /// Title, outlet, dates, each with where it came from.
    pub meta: Metadata,
    /// Boilerplate spans, sorted and non-overlapping.
    pub boilerplate: Vec<Marked>,
    /// The wire dateline opening the text, where it stands and the date it gives: read
    /// once here for the extract stage. A source rebuilt from an extract record (`report
    /// --claims-from`) has none: it is extracted already.
    pub dateline: Option<Dateline>,
    /// For a web page: where each character of `text` (the article) stands in the page.
    pub page: Option<std::sync::Arc<PageMap>>,
}

/// A span of boilerplate and the rule that marked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte span in the source text.
    pub span: Span,
    /// Which pattern or heuristic marked it: one shared string per rule, not one per
    /// marked line (a scraped page marks dozens of lines by a handful of rules).
    pub rule: std::sync::Arc<str>,
}

/// Metadata of a source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Headline.
    pub title: Option<Field<String>>,
    /// Outlet (from a manifest, a `Source:` line or a wire dateline).
    pub outlet: Option<Field<String>>,
    /// URL (manifest or page).
    pub url: Option<Field<String>>,
    /// Author (page metadata).
    pub author: Option<Field<String>>,
    /// Publication date as claimed by the manifest or the page.
    pub published: Option<Field<Date>>,
    /// Wire dateline place ("MOSCOW").
    pub dateline: Option<Field<String>>,
}

/// A metadata value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub origin: Origin,
}

impl<T> Field<T> {
    pub(crate) fn new(value: T, origin: Origin) -> Field<T> {
        Field { value, origin }
    }
}

/// Where a metadata value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The story manifest (wins over the text).
    Manifest,
    /// A line of the text.
    Line {
        /// 1-based line.
        line: usize,
        /// What kind of line ("headline", "wire dateline").
        what: &'static str,
    },
    /// A field of a web page's own metadata (JSON-LD, meta tags) or of its WARC record.
    Page {
        /// Which field ("JSON-LD `datePublished`").
        what: &'static str,
    },
}

impl Origin {
    pub(crate) fn line(line: usize, what: &'static str) -> Origin {
        Origin::Line { line, what }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Manifest => f.write_str("manifest"),
            Origin::Line { line, what } => write!(f, "{what}, line {line}"),
            Origin::Page { what } => write!(f, "page {what}"),
        }
    }
}

impl Source {
    /// Builds a source from text already in memory (used for stdin, tests and benches).
    pub fn from_text(id: &str, path: &str, text: &str, pack: &Pack) -> Source {
        Source::from_string(id, path, text.to_owned(), pack)
    }

    /// [`Source::from_text`] taking the text it keeps, with no copy of it: a file read
    /// is held once, not read and then copied (#22).
    pub fn from_string(id: &str, path: &str, mut text: String, pack: &Pack) -> Source {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        // a pipe read by doubling leaves up to as much room again: kept for the whole run
        if text.capacity() - text.len() > text.len() / 16 + 64 {
            text = text.as_str().to_owned();
        }
        let text = crate::text::blank_control_sequences(text);
        let patterns = boilerplate::mark(&text, pack);
        let (meta, header) = metadata::read(&text, &patterns);
        let mut marks = patterns.marks;
        marks.extend(header);
        let boilerplate = boilerplate::normalize(marks);
        let dateline = dateline::find(&text, &patterns.lines, &boilerplate);
        Source {
            id: SourceId(id.to_owned()),
            path: path.to_owned(),
            lines: LineIndex::new(&text),
            text,
            meta,
            boilerplate,
            dateline,
            page: None,
        }
    }

    /// Builds a source from a web page already in memory (used for benches, tests and
    /// embedding): the article text, its map into the page and the page's metadata, as for
    /// an `.html` file.
    ///
    /// # Errors
    ///
    /// [`InputError`] naming `path` when the page is too large, has no markup or no
    /// article ([`InputErrorKind::NoArticle`]).
    pub fn from_html(
        id: &str,
        path: &str,
        bytes: &[u8],
        pack: &Pack,
    ) -> Result<Source, InputError> {
        html::read(id, path, bytes, None, pack).map_err(|e| html::page_error(path, e))
    }

    /// The 1-based line:column of a byte offset in the file the user has: in the text, or
    /// for a web page in the page where the character stands.
    pub fn position(&self, offset: usize) -> Position {
        match &self.page {
            Some(map) => map.position(&self.text, offset),
            None => self.lines.position(&self.text, offset),
        }
    }

    /// The 1-based line:column of a byte offset in [`Source::text`] itself.
    pub fn text_position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// Whether byte `offset` lies in boilerplate.
    pub fn is_boilerplate(&self, offset: usize) -> bool {
        let i = self.boilerplate.partition_point(|m| m.span.end <= offset);
        self.boilerplate
            .get(i)
            .is_some_and(|m| m.span.start <= offset)
    }

    /// The spans of the text that are not boilerplate, in order.
    pub fn content_spans(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = 0;
        for m in &self.boilerplate {
            if m.span.start > at {
                out.push(at..m.span.start);
            }
            at = at.max(m.span.end);
        }
        if at < self.text.len() {
            out.push(at..self.text.len());
        }
        out
    }

    /// The publication date, when known.
    pub fn published(&self) -> Option<Date> {
        self.meta.published.as_ref().map(|f| f.value)
    }
}

/// What the user asked to read.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file, a directory (read recursively) or a manifest (`.toml`).
    Path(PathBuf),
    /// Bytes already read from standard input.
    Stdin(Vec<u8>),
}

/// How to decode inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 only; anything else is an error naming the offset.
    #[default]
    Utf8,
    /// Read bytes that are not UTF-8 as Latin-1 (ISO-8859-1).
    Latin1,
}

/// The result of ingesting: every readable source, and an error for each input that was not.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Sources in a deterministic order (as named; directory entries sorted).
    pub sources: Vec<Source>,
    /// Inputs that could not be read.
    pub errors: Vec<InputError>,
    /// Files skipped on purpose (not an article file, or hidden, inside a directory).
    pub skipped: Vec<Skipped>,
    /// Inputs read but without an article (a web page that is a login wall or an index).
    pub notes: Vec<InputError>,
    /// Inputs read once though named twice, and what they repeat (shown unless `-q`).
    pub repeats: Vec<Repeat>,
    /// Manifest entries whose path leads outside the manifest's folder (shown under `-v`):
    /// allowed, since a manifest is the user's own, but named.
    pub outside: Vec<String>,
}

/// A file found in a directory and left alone on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path as found.
    pub path: String,
    /// Why ("not a .txt, .md, .html or .warc article", "hidden").
    pub reason: &'static str,
}

/// The same file named or found a second time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// The path of the repeat.
    pub path: String,
    /// The path under which it is read.
    pub first: String,
}

/// Compiles the regexes reading a page's header needs now rather than at first use.
pub(crate) fn warm_up() {
    metadata::warm_up();
    dateline::warm_up();
}

/// Reads every input into sources under the default [`Limits`]. Never fails as a whole:
/// see [`Ingested::errors`].
pub fn ingest(inputs: &[Input], encoding: Encoding, pack: &Pack) -> Ingested {
    ingest_limited(inputs, encoding, Limits::default(), pack)
}

/// Reads every input into sources, none larger than `limits` allows. Never fails as a
/// whole: see [`Ingested::errors`].
pub fn ingest_limited(
    inputs: &[Input],
    encoding: Encoding,
    limits: Limits,
    pack: &Pack,
) -> Ingested {
    ingest_observed(inputs, encoding, limits, pack, None)
}

/// [`ingest_limited`], counting inputs, bytes and sources into `progress` when given.
pub(crate) fn ingest_observed(
    inputs: &[Input],
    encoding: Encoding,
    limits: Limits,
    pack: &Pack,
    progress: Option<&Progress>,
) -> Ingested {
    let mut out = Ingested::default();
    let mut planned: Vec<Planned> = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin(bytes) => planned.push(Planned {
                path: "<stdin>".into(),
                fs: None,
                bytes: Some(bytes.clone()),
                entry: None,
            }),
            Input::Path(p) => plan_path(p, limits, &mut planned, &mut out),
        }
    }
    let planned = once_each(planned, &mut out.repeats);
    let sizes = progress.map(|progress| plan_progress(&planned, progress));
    let read: Vec<Result<Source, InputError>> = planned
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, p)| {
            let Some(progress) = progress else {
                return read_planned(p, encoding, limits, pack, None);
            };
            let got = read_planned(p, encoding, limits, pack, Some(progress));
            if !p.fs.as_deref().is_some_and(warc::is_warc) {
                let size = sizes.as_ref().and_then(|s| s.get(i)).copied();
                Progress::add(&progress.bytes_read, size.unwrap_or(0));
            }
            Progress::add(
                &progress.sources,
                got.iter().filter(|r| r.is_ok()).count() as u64,
            );
            got
        })
        .collect();
    let mut used = std::collections::BTreeSet::new();
    for r in read {
        match r {
            Ok(mut s) => {
                if !used.insert(s.id.0.clone()) {
                    s.id = SourceId(unique_id(&s.path, &used));
                    used.insert(s.id.0.clone());
                }
                out.sources.push(s);
            }
            Err(e) if e.kind == InputErrorKind::NoArticle => out.notes.push(e),
            Err(e) => out.errors.push(e),
        }
    }
    out
}

/// Counts the planned inputs and their bytes into `progress`; returns each one's size.
fn plan_progress(planned: &[Planned], progress: &Progress) -> Vec<u64> {
    let sizes: Vec<u64> = planned
        .iter()
        .map(|p| match (&p.bytes, &p.fs) {
            (Some(b), _) => b.len() as u64,
            (None, Some(fs)) => std::fs::metadata(fs).map_or(0, |m| m.len()),
            (None, None) => 0,
        })
        .collect();
    let archive = planned
        .iter()
        .zip(&sizes)
        .filter(|(p, _)| p.fs.as_deref().is_some_and(warc::is_warc))
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    Progress::add(&progress.inputs, planned.len() as u64);
    Progress::add(&progress.bytes, sizes.iter().sum());
    Progress::add(&progress.largest_archive, archive);
    progress
        .planned
        .store(true, std::sync::atomic::Ordering::Release);
    sizes
}

struct Planned {
    path: String,
    fs: Option<PathBuf>,
    bytes: Option<Vec<u8>>,
    entry: Option<manifest::Entry>,
}

/// The plan with every file that is one already planned (by its canonical path, so
/// `a.txt`, `./a.txt` and a link to it are one) left out and listed in `repeats`.
fn once_each(planned: Vec<Planned>, repeats: &mut Vec<Repeat>) -> Vec<Planned> {
    let mut seen: std::collections::HashMap<PathBuf, String> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(planned.len());
    for p in planned {
        if let Some(canonical) = p.fs.as_ref().and_then(|f| std::fs::canonicalize(f).ok()) {
            if let Some(first) = seen.get(&canonical) {
                repeats.push(Repeat {
                    path: p.path,
                    first: first.clone(),
                });
                continue;
            }
            seen.insert(canonical, p.path.clone());
        }
        out.push(p);
    }
    out
}

fn plan_path(p: &Path, limits: Limits, planned: &mut Vec<Planned>, out: &mut Ingested) {
    let shown = p.display().to_string();
    if p.is_dir() {
        plan_dir(p, planned, out);
    } else if p.extension().is_some_and(|x| x == "toml") {
        let text = match read::read_file(p, limits.max_source_size) {
            Ok(b) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    let line = memchr::memchr_iter(b'\n', &e.as_bytes()[..offset]).count() + 1;
                    out.errors.push(InputError {
                        path: shown,
                        kind: InputErrorKind::Manifest {
                            line: Some(line),
                            column: None,
                            message: format!(
                                "not valid UTF-8 at byte {offset}; a manifest is read as UTF-8 whatever `--encoding` says"
                            ),
                        },
                    });
                    return;
                }
            },
            Err(kind) => {
                out.errors.push(InputError { path: shown, kind });
                return;
            }
        };
        let (entries, errors) = manifest::parse(p, &text);
        out.errors.extend(errors);
        let base = p.parent().unwrap_or_else(|| Path::new(""));
        for e in entries {
            let shown = e.path.display().to_string();
            // the path as the manifest wrote it, `..` resolved as written
            let written = lexical_normal(e.path.strip_prefix(base).unwrap_or(&e.path));
            if written.is_absolute() || written.starts_with("..") {
                out.outside.push(shown.clone());
            }
            planned.push(Planned {
                path: shown,
                fs: Some(e.path.clone()),
                bytes: None,
                entry: Some(e),
            });
        }
    } else {
        planned.push(Planned {
            path: shown,
            fs: Some(p.to_path_buf()),
            bytes: None,
            entry: None,
        });
    }
}

/// The articles of a directory, read recursively in name order. Links are followed (a
/// loop is an error); a FIFO, socket or device with an article's name, and a dangling
/// link, are errors naming the path; other files are skipped with the reason.
fn plan_dir(p: &Path, planned: &mut Vec<Planned>, out: &mut Ingested) {
    let shown = p.display().to_string();
    let walk = walkdir::WalkDir::new(p)
        .follow_links(true)
        .sort_by_file_name();
    for e in walk {
        let e = match e {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map_or(shown.clone(), |q| q.display().to_string());
                let dangling = err.loop_ancestor().is_none()
                    && err.path().is_some_and(|q| q.is_symlink() && !q.exists());
                let kind = if let Some(ancestor) = err.loop_ancestor() {
                    InputErrorKind::Io(format!("a link loop back to `{}`", ancestor.display()))
                } else if dangling {
                    if err.path().is_some_and(|q| !is_article_path(q)) {
                        out.skipped.push(Skipped {
                            path,
                            reason: "a dangling link, not an article file",
                        });
                        continue;
                    }
                    InputErrorKind::Io("a link to nothing (dangling symbolic link)".into())
                } else {
                    InputErrorKind::Io(err.to_string())
                };
                out.errors.push(InputError { path, kind });
                continue;
            }
        };
        let ft = e.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = e.path().display().to_string();
        if e.file_name().to_string_lossy().starts_with('.') {
            out.skipped.push(Skipped {
                path,
                reason: "hidden",
            });
            continue;
        }
        if !is_article_path(e.path()) {
            out.skipped.push(Skipped {
                path,
                reason: "not a .txt, .md, .html or .warc article",
            });
            continue;
        }
        if !ft.is_file() {
            out.errors.push(InputError {
                path,
                kind: InputErrorKind::NotAFile(special_kind(&ft)),
            });
            continue;
        }
        planned.push(Planned {
            path,
            fs: Some(e.into_path()),
            bytes: None,
            entry: None,
        });
    }
}

/// What a file that is neither a regular file nor a directory is.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    let _ = ft;
    "a special file"
}

/// `p` with `.` and `..` components resolved as written (no file-system access).
fn lexical_normal(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn is_article_path(p: &Path) -> bool {
    p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        matches!(
            x.to_ascii_lowercase().as_str(),
            "txt" | "md" | "markdown" | "text"
        )
    }) || html::is_page(p)
        || warc::is_warc(p)
}

/// Reads one planned input: a text, a web page, or every record of a web archive.
fn read_planned(
    p: &Planned,
    encoding: Encoding,
    limits: Limits,
    pack: &Pack,
    progress: Option<&Progress>,
) -> Vec<Result<Source, InputError>> {
    match &p.fs {
        Some(fs) if p.bytes.is_none() && warc::is_warc(fs) => warc::read(p, limits, pack, progress),
        Some(fs) if p.bytes.is_none() && html::is_page(fs) => {
            vec![html::read_planned(p, limits, pack)]
        }
        _ => vec![read_one(p, encoding, limits, pack)],
    }
}

/// The bytes of a planned input, never more than the maximum source size.
fn load(p: &Planned, limits: Limits) -> Result<Vec<u8>, InputError> {
    let fail = |kind| InputError {
        path: p.path.clone(),
        kind,
    };
    let bytes = match (&p.bytes, &p.fs) {
        (Some(b), _) => b.clone(),
        (None, Some(fs)) => read::read_file(fs, limits.max_source_size).map_err(fail)?,
        (None, None) => return Err(fail(InputErrorKind::Io("nothing to read".into()))),
    };
    if bytes.len() as u64 > limits.max_source_size {
        return Err(fail(InputErrorKind::TooLarge {
            size: Some(bytes.len() as u64),
            limit: limits.max_source_size,
        }));
    }
    Ok(bytes)
}

fn read_one(
    p: &Planned,
    encoding: Encoding,
    limits: Limits,
    pack: &Pack,
) -> Result<Source, InputError> {
    let fail = |kind| InputError {
        path: p.path.clone(),
        kind,
    };
    let bytes = load(p, limits)?;
    let text = read::decode(bytes, encoding).map_err(fail)?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(fail(InputErrorKind::Empty));
    }
    let mut source = Source::from_string(&planned_id(p), &p.path, text, pack);
    apply_entry(&mut source, p.entry.as_ref());
    Ok(source)
}

/// The id a planned input's source gets: the manifest's, else the file stem.
fn planned_id(p: &Planned) -> String {
    p.entry
        .as_ref()
        .and_then(|e| e.id.clone())
        .unwrap_or_else(|| stem(&p.path))
}

/// What a manifest entry says wins over what the text or page says.
fn apply_entry(source: &mut Source, entry: Option<&manifest::Entry>) {
    if let Some(e) = entry {
        if let Some(o) = &e.outlet {
            source.meta.outlet = Some(Field::new(o.clone(), Origin::Manifest));
        }
        if let Some(u) = &e.url {
            source.meta.url = Some(Field::new(u.clone(), Origin::Manifest));
        }
        if let Some(t) = &e.title {
            source.meta.title = Some(Field::new(t.clone(), Origin::Manifest));
        }
        if let Some(d) = e.published {
            source.meta.published = Some(Field::new(d, Origin::Manifest));
        }
    }
}

fn stem(path: &str) -> String {
    if path == "<stdin>" {
        return "stdin".into();
    }
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
}

fn unique_id(path: &str, used: &std::collections::BTreeSet<String>) -> String {
    let base = Path::new(path)
        .with_extension("")
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join("/");
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

//! Errors for inputs that could not be read. Each names the file; ingest collects them
//! and goes on with the other sources.

use std::fmt;

/// One input that could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// The path as the user gave it (or as found in a directory or manifest).
    pub path: String,
    /// What went wrong.
    pub kind: InputErrorKind,
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputErrorKind {
    /// No such file or directory.
    NotFound,
    /// Bytes that are not UTF-8, at this byte offset and 1-based line.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The file looks binary (NUL bytes or a binary signature).
    Binary,
    /// The file is empty or holds only whitespace.
    Empty,
    /// A manifest that could not be parsed or that names a bad source.
    Manifest {
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// Any other I/O error.
    Io(String),
    /// A web page with no article text (a note, not an error).
    NoArticle,
    /// A web page or web archive that could not be read; the message says why.
    Page(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            InputErrorKind::NotFound => write!(f, "`{}`: no such file or directory", self.path),
            InputErrorKind::NotUtf8 { offset, line } => write!(
                f,
                "`{}`: not valid UTF-8 at byte {offset} (line {line}); convert it to UTF-8 or pass `--encoding latin1`",
                self.path
            ),
            InputErrorKind::Binary => write!(f, "`{}`: looks like a binary file, expected text", self.path),
            InputErrorKind::Empty => write!(f, "`{}`: empty file, expected an article", self.path),
            InputErrorKind::Manifest { line, column, message } => {
                write!(f, "`{}`", self.path)?;
                if let Some(l) = line {
                    write!(f, ":{l}")?;
                    if let Some(c) = column {
                        write!(f, ":{c}")?;
                    }
                }
                write!(f, ": invalid manifest: {message}")
            }
            InputErrorKind::Io(e) => write!(f, "`{}`: cannot read: {e}", self.path),
            InputErrorKind::NoArticle => write!(
                f,
                "`{}`: no article text found on the page (a login wall, an index or an empty page?); no claims read",
                self.path
            ),
            InputErrorKind::Page(why) => write!(f, "`{}`: {why}", self.path),
        }
    }
}

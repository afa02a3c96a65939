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
    /// Larger than the maximum source size (`--max-source-size`).
    TooLarge {
        /// The size, when known before reading (a regular file).
        size: Option<u64>,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A byte-order mark promised UTF-16 and this byte offset breaks it.
    BadUtf16 {
        /// Byte offset of the bad code unit.
        offset: usize,
    },
    /// Found in a directory, but not a regular file (a FIFO, socket or device), which
    /// reading could block on or never finish.
    NotAFile(&'static str),
    /// Any other I/O error.
    Io(String),
    /// A web page with no article text (a note, not an error).
    NoArticle,
    /// A web page or web archive that could not be read; the message says why.
    Page(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the path is outside text: escaped, so a file name cannot forge or clear a line
        let path = crate::text::escape(&self.path);
        match &self.kind {
            InputErrorKind::NotFound => write!(f, "`{path}`: no such file or directory"),
            InputErrorKind::NotUtf8 { offset, line } => write!(
                f,
                "`{path}`: not valid UTF-8 at byte {offset} (line {line}); convert it to UTF-8 or pass `--encoding latin1`"
            ),
            InputErrorKind::Binary => write!(f, "`{path}`: looks like a binary file, expected text"),
            InputErrorKind::Empty => write!(f, "`{path}`: empty file, expected an article"),
            InputErrorKind::Manifest { line, column, message } => {
                write!(f, "`{path}`")?;
                if let Some(l) = line {
                    write!(f, ":{l}")?;
                    if let Some(c) = column {
                        write!(f, ":{c}")?;
                    }
                }
                write!(f, ": invalid manifest: {}", crate::text::escape(message))
            }
            InputErrorKind::NoArticle => write!(
                f,
                "`{path}`: no article text found on the page (a login wall, an index or an empty page?); no claims read"
            ),
            InputErrorKind::Page(why) => write!(f, "`{path}`: {}", crate::text::escape(why)),
            InputErrorKind::TooLarge { size, limit } => {
                write!(f, "`{path}`: ")?;
                match size {
                    Some(s) => write!(f, "{s} bytes, larger than")?,
                    None => write!(f, "larger than")?,
                }
                write!(
                    f,
                    " the maximum source size of {limit} bytes; skipped (raise it with `--max-source-size`)"
                )
            }
            InputErrorKind::BadUtf16 { offset } => write!(
                f,
                "`{path}`: a UTF-16 byte-order mark, but not valid UTF-16 at byte {offset}"
            ),
            InputErrorKind::NotAFile(what) => {
                write!(f, "`{path}`: {what}, not a regular file; skipped")
            }
            InputErrorKind::Io(e) => write!(f, "`{path}`: cannot read: {}", crate::text::escape(e)),
        }
    }
}

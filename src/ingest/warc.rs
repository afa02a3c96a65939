//! Web archives (`.warc`, `.warc.gz`): every `response` (or `resource`) record whose payload
//! is HTML or plain text becomes a source.
//!
//! Input: a planned WARC file. Output: one result per kept record, in file order. A source
//! is named `FILE#N` (N counts every record of the file from 1), its positions are lines
//! and columns inside the record's payload, its address is the record's `WARC-Target-URI`
//! and, when the page gives no date, its date is the record's `WARC-Date`. A truncated
//! record or a gzip error is an error naming the file and record; the records before it
//! are still read.
//!
//! Limits: a record's payload (after any HTTP content coding is undone) is a source, so
//! one larger than `--max-source-size` is named and skipped. The article records of one
//! archive may hold at most [`ARCHIVE_FACTOR`] times `--max-source-size` together and be
//! at most [`MAX_ARCHIVE_SOURCES`] sources: the record that would pass either is named,
//! and it and the rest of the archive are skipped (the records before it are kept).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::html::{self, page_error, PageError};
use super::read::Limits;
use super::{Field, InputError, InputErrorKind, Origin, Planned, Source};
use crate::pack::Pack;
use crate::progress::{Counted, Progress};

/// Records with a block larger than this are skipped with an error.
const MAX_RECORD_BYTES: u64 = html::MAX_PAGE_BYTES as u64 * 2;
/// A header line longer than this is not WARC.
const MAX_HEADER_LINE: usize = 64 << 10;
/// The article records of one archive hold at most this many times `--max-source-size`
/// of payload together (64 MB by default).
pub(crate) const ARCHIVE_FACTOR: u64 = 4;
/// One archive gives at most this many sources.
pub(crate) const MAX_ARCHIVE_SOURCES: usize = 10_000;

/// What is left of an archive's allowance ([`ARCHIVE_FACTOR`], [`MAX_ARCHIVE_SOURCES`]).
struct Budget {
    limits: Limits,
    /// Payload bytes the archive's sources may still hold.
    bytes: u64,
    /// Sources the archive may still give.
    sources: usize,
    /// Set when a record did not fit: the archive is read no further.
    spent: bool,
}

impl Budget {
    fn new(limits: Limits) -> Budget {
        Budget {
            limits,
            bytes: limits.max_source_size.saturating_mul(ARCHIVE_FACTOR),
            sources: MAX_ARCHIVE_SOURCES,
            spent: false,
        }
    }

    /// Takes a payload of `len` bytes from the allowance, or says why it does not fit.
    fn take(&mut self, name: &str, len: usize) -> Result<(), InputError> {
        let len = len as u64;
        if len > self.limits.max_source_size {
            return Err(InputError {
                path: name.to_owned(),
                kind: InputErrorKind::TooLarge {
                    size: Some(len),
                    limit: self.limits.max_source_size,
                },
            });
        }
        let why = if self.sources == 0 {
            format!("the archive gives more than {MAX_ARCHIVE_SOURCES} articles")
        } else if len > self.bytes {
            format!(
                "the archive's articles hold more than {} bytes together ({ARCHIVE_FACTOR} times `--max-source-size`)",
                self.limits.max_source_size.saturating_mul(ARCHIVE_FACTOR)
            )
        } else {
            self.bytes -= len;
            self.sources -= 1;
            return Ok(());
        };
        self.spent = true;
        Err(error(
            name,
            format!("{why}; this record and the rest of the archive are skipped"),
        ))
    }
}

/// Whether `path` names a web archive (`.warc`, `.warc.gz`).
pub(super) fn is_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Reads every article record of a planned WARC file.
/// When `progress` is given, the bytes of the file are counted into it as they are read.
pub(super) fn read(
    p: &Planned,
    limits: Limits,
    pack: &Pack,
    progress: Option<&Progress>,
) -> Vec<Result<Source, InputError>> {
    let Some(fs) = &p.fs else {
        return vec![Err(error(&p.path, "nothing to read".into()))];
    };
    let file = match std::fs::File::open(fs) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(InputError {
                path: p.path.clone(),
                kind: super::read::io_kind(&e),
            })]
        }
    };
    let file: Box<dyn Read + '_> = match progress {
        Some(progress) => Box::new(Counted {
            inner: file,
            progress,
        }),
        None => Box::new(file),
    };
    let gz = p.path.to_ascii_lowercase().ends_with(".gz");
    let stream: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else {
        file
    };
    read_records(&p.path, BufReader::new(stream), limits, pack)
}

/// Reads records from `stream`, naming them after `path`, within `limits`.
pub(crate) fn read_records(
    path: &str,
    mut stream: impl BufRead,
    limits: Limits,
    pack: &Pack,
) -> Vec<Result<Source, InputError>> {
    let mut budget = Budget::new(limits);
    let mut out = Vec::new();
    let mut n = 0;
    loop {
        n += 1;
        let name = format!("{path}#{n}");
        let header = match read_header(&mut stream) {
            Ok(Some(h)) => h,
            Ok(None) => break,
            Err(e) => {
                out.push(Err(error(&name, e)));
                break;
            }
        };
        let Some(len) = header
            .get("content-length")
            .and_then(|v| v.parse::<u64>().ok())
        else {
            out.push(Err(error(
                &name,
                "WARC record without a valid `Content-Length`".into(),
            )));
            break;
        };
        if len > MAX_RECORD_BYTES {
            out.push(Err(error(
                &name,
                format!("record of {len} bytes is larger than a web page may be; skipped"),
            )));
            if let Err(e) = std::io::copy(&mut (&mut stream).take(len), &mut std::io::sink()) {
                out.push(Err(error(&name, format!("cannot read on: {e}"))));
                break;
            }
            continue;
        }
        let mut block = Vec::with_capacity(len.min(1 << 24) as usize);
        match (&mut stream).take(len).read_to_end(&mut block) {
            Ok(k) if k as u64 == len => {}
            Ok(k) => {
                out.push(Err(error(
                    &name,
                    format!("truncated WARC record: {k} of {len} bytes"),
                )));
                break;
            }
            Err(e) => {
                out.push(Err(error(&name, format!("cannot read the record: {e}"))));
                break;
            }
        }
        let kind = header.get("warc-type").map(String::as_str).unwrap_or("");
        if matches!(kind, "response" | "resource") {
            if let Some(r) = record(&name, kind, &header, &block, &mut budget, pack) {
                out.push(r);
            }
            if budget.spent {
                break;
            }
        }
    }
    out
}

/// A record's header fields, names in lowercase.
type Header = std::collections::BTreeMap<String, String>;

/// Reads the `WARC/1.x` line and the fields after it; `None` at the end of the stream.
fn read_header(stream: &mut impl BufRead) -> Result<Option<Header>, String> {
    let mut line = Vec::new();
    // blank lines between records
    loop {
        if !read_line(stream, &mut line)? {
            return Ok(None);
        }
        if !line.trim_ascii().is_empty() {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err("not a WARC record: no `WARC/1.x` line where a record should start".into());
    }
    let mut header = Header::new();
    loop {
        if !read_line(stream, &mut line)? {
            return Err("truncated WARC record: the stream ends inside its header".into());
        }
        let text = String::from_utf8_lossy(line.trim_ascii());
        if text.is_empty() {
            return Ok(Some(header));
        }
        if let Some((k, v)) = text.split_once(':') {
            header.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
}

/// Reads one line (at most [`MAX_HEADER_LINE`] bytes) into `line`; false at the end.
fn read_line(stream: &mut impl BufRead, line: &mut Vec<u8>) -> Result<bool, String> {
    line.clear();
    let k = stream
        .by_ref()
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', line)
        .map_err(|e| format!("cannot read the record: {e}"))?;
    Ok(k > 0)
}

/// The source of one `response` or `resource` record, if its payload is HTML or text and
/// fits in what is left of the archive's `budget`.
fn record(
    name: &str,
    kind: &str,
    header: &Header,
    block: &[u8],
    budget: &mut Budget,
    pack: &Pack,
) -> Option<Result<Source, InputError>> {
    // a payload may be decoded to at most one byte more than a source may hold
    let cap = budget.limits.max_source_size.saturating_add(1);
    let (content_type, payload) = if kind == "response" {
        let (http, body) = split_http(block)?;
        let mut payload = body.to_vec();
        if http
            .get("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
        {
            payload = dechunk(&payload);
        }
        match http.get("content-encoding").map(|v| v.to_ascii_lowercase()) {
            Some(enc) if enc.contains("gzip") || enc.contains("deflate") => {
                let mut plain = Vec::new();
                let mut d = flate2::read::MultiGzDecoder::new(payload.as_slice()).take(cap);
                if enc.contains("deflate") {
                    let mut z = flate2::read::ZlibDecoder::new(payload.as_slice()).take(cap);
                    if z.read_to_end(&mut plain).is_err() {
                        return Some(Err(error(name, "payload deflate error".into())));
                    }
                } else if let Err(e) = d.read_to_end(&mut plain) {
                    return Some(Err(error(name, format!("payload gzip error: {e}"))));
                }
                payload = plain;
            }
            _ => {}
        }
        (
            http.get("content-type").cloned().unwrap_or_default(),
            payload,
        )
    } else {
        (
            header.get("content-type").cloned().unwrap_or_default(),
            block.to_vec(),
        )
    };
    let ct = content_type.to_ascii_lowercase();
    let is_html = ct.contains("html");
    if !is_html && !ct.starts_with("text/plain") {
        return None;
    }
    if let Err(e) = budget.take(name, payload.len()) {
        return Some(Err(e));
    }
    let charset = ct
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'', ' ']).to_owned());
    let uri = header
        .get("warc-target-uri")
        .map(|u| u.trim_matches(['<', '>']).to_owned());
    let id = uri.as_deref().and_then(slug).unwrap_or_else(|| {
        Path::new(name)
            .file_stem()
            .map_or_else(|| "record".to_owned(), |s| s.to_string_lossy().into_owned())
    });
    let source = if is_html {
        html::read(&id, name, &payload, charset.as_deref(), pack)
    } else {
        let (text, _) =
            encoding_rs::Encoding::for_label(charset.as_deref().unwrap_or("utf-8").as_bytes())
                .unwrap_or(encoding_rs::UTF_8)
                .decode_with_bom_removal(&payload);
        if text.trim().is_empty() {
            Err(PageError::NoArticle)
        } else {
            Ok(Source::from_text(&id, name, &text, pack))
        }
    };
    Some(source.map_err(|e| page_error(name, e)).map(|mut s| {
        if let Some(u) = uri {
            if s.meta.url.is_none() {
                s.meta.url = Some(Field::new(
                    u,
                    Origin::Page {
                        what: "WARC-Target-URI",
                    },
                ));
            }
        }
        if s.meta.published.is_none() {
            if let Some(d) = header
                .get("warc-date")
                .and_then(|d| super::html::parse_date(d))
            {
                s.meta.published = Some(Field::new(
                    d,
                    Origin::Page {
                        what: "WARC-Date (when archived)",
                    },
                ));
            }
        }
        s
    }))
}

/// The HTTP response header fields and the body of a response block.
fn split_http(block: &[u8]) -> Option<(Header, &[u8])> {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut fields = Header::new();
    for line in head.lines().skip(1) {
        if let Some((k, v)) = line.split_once(':') {
            fields.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    Some((fields, &block[end.1..]))
}

/// Undoes HTTP chunked transfer coding; a malformed tail is kept as it is.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut at = 0;
    while at < body.len() {
        let Some(nl) = memchr::memchr(b'\n', &body[at..]) else {
            break;
        };
        let size_line = String::from_utf8_lossy(&body[at..at + nl]);
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            return body.to_vec();
        };
        at += nl + 1;
        if size == 0 {
            break;
        }
        let end = (at + size).min(body.len());
        out.extend_from_slice(&body[at..end]);
        at = end;
        while at < body.len() && matches!(body[at], b'\r' | b'\n') && at < end + 2 {
            at += 1;
        }
    }
    out
}

/// A readable id from an address: its last path segment, else its host.
fn slug(uri: &str) -> Option<String> {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let rest = rest.split(['?', '#']).next()?;
    let seg = rest.trim_end_matches('/').rsplit('/').next()?;
    let seg = seg
        .rsplit_once('.')
        .map_or(seg, |(a, b)| if b.len() <= 5 { a } else { seg });
    let slug: String = seg
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .chars()
        .take(60)
        .collect();
    (!slug.is_empty()).then_some(slug)
}

fn error(path: &str, why: String) -> InputError {
    InputError {
        path: path.to_owned(),
        kind: InputErrorKind::Page(why),
    }
}

/// Writes a WARC file (gzip-compressed when `gzip`) holding one `response` record per
/// `(uri, date, html)`, after a `warcinfo` record: what the tests and benches read.
pub fn write_warc(pages: &[(&str, &str, &[u8])], gzip: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut push = |record: Vec<u8>| {
        if gzip {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            // writing into a Vec cannot fail
            let _ = e.write_all(&record);
            out.extend(e.finish().unwrap_or_default());
        } else {
            out.extend(record);
        }
    };
    let info = b"software: crosscheck tests\r\n";
    push(record_bytes(
        "warcinfo",
        None,
        "2024-01-01T00:00:00Z",
        "application/warc-fields",
        info,
    ));
    for (uri, date, html) in pages {
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            html.len()
        )
        .into_bytes();
        block.extend_from_slice(html);
        push(record_bytes(
            "response",
            Some(uri),
            date,
            "application/http; msgtype=response",
            &block,
        ));
    }
    out
}

fn record_bytes(
    kind: &str,
    uri: Option<&str>,
    date: &str,
    content_type: &str,
    block: &[u8],
) -> Vec<u8> {
    let mut r = format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\n").into_bytes();
    if let Some(u) = uri {
        r.extend(format!("WARC-Target-URI: {u}\r\n").bytes());
    }
    r.extend(
        format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .bytes(),
    );
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>Ferry</title></head><body><article><h1>Ferry saved</h1><p>The harbour board met on Tuesday evening, and after a long debate it voted to keep the old ferry running for two more years.</p><p>Its chair said the vote was close, five to four, and that the money would come from mooring fees.</p></article></body></html>";

    #[test]
    fn records_become_sources_named_by_file_and_record() {
        let pack = Pack::default_pack();
        for gzip in [false, true] {
            let bytes = write_warc(
                &[
                    (
                        "https://harbour.example/news/ferry-saved.html",
                        "2024-05-02T10:00:00Z",
                        PAGE.as_bytes(),
                    ),
                    (
                        "https://harbour.example/login",
                        "2024-05-02T10:00:01Z",
                        b"<html><body><form>Log in</form></body></html>",
                    ),
                ],
                false,
            );
            let bytes = if gzip {
                use std::io::Write;
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                let _ = e.write_all(&bytes);
                e.finish().unwrap_or_default()
            } else {
                bytes
            };
            let stream: Box<dyn Read> = if gzip {
                Box::new(flate2::read::MultiGzDecoder::new(bytes.as_slice()))
            } else {
                Box::new(bytes.as_slice())
            };
            let got = read_records("c.warc", BufReader::new(stream), Limits::default(), &pack);
            assert_eq!(got.len(), 2, "{got:?}");
            let s = got[0].as_ref().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(s.path, "c.warc#2");
            assert_eq!(s.id.0, "ferry-saved");
            assert_eq!(
                s.meta
                    .published
                    .as_ref()
                    .map(|f| (f.value, f.origin.to_string())),
                Some((
                    jiff::civil::date(2024, 5, 2),
                    "page WARC-Date (when archived)".into()
                ))
            );
            assert_eq!(
                s.position(s.text.find("Its chair").unwrap_or(0)).column,
                PAGE.find("Its chair").unwrap_or(0) + 1
            );
            assert_eq!(
                got[1].as_ref().err().map(|e| e.kind.clone()),
                Some(InputErrorKind::NoArticle)
            );
        }
    }

    #[test]
    fn a_truncated_record_is_named_and_the_ones_before_it_kept() {
        let pack = Pack::default_pack();
        let bytes = write_warc(
            &[(
                "https://a.example/x",
                "2024-05-02T10:00:00Z",
                PAGE.as_bytes(),
            ); 2],
            false,
        );
        let cut = &bytes[..bytes.len() - 100];
        let got = read_records("c.warc", cut, Limits::default(), &pack);
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        let e = got[1]
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(e.contains("c.warc#3") && e.contains("truncated"), "{e}");
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
            b"hello world"
        );
    }
}

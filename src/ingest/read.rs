//! Reading one input's bytes under the size limit, and decoding them to text.
//!
//! Input: a path (or bytes already read) and [`Limits`]. Output: the decoded text, or an
//! [`InputErrorKind`] saying why not. Nothing reads past `max_source_size + 1` bytes, so
//! `/dev/zero`, an endless pipe or a huge file costs at most the limit in memory.

use std::io::Read;
use std::path::Path;

use super::{Encoding, InputErrorKind};

/// The default largest source, in bytes (16 MiB): far above any article, far below what
/// would exhaust memory.
pub const DEFAULT_MAX_SOURCE_SIZE: u64 = 16 << 20;

/// Limits on what one run reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest source read, in bytes; a larger one is named and skipped.
    pub max_source_size: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_source_size: DEFAULT_MAX_SOURCE_SIZE,
        }
    }
}

/// Reads at most `limit` bytes from `reader`; more is [`InputErrorKind::TooLarge`].
pub(crate) fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    read_sized(reader, limit, 0)
}

/// [`read_limited`] into a buffer of room for `size` bytes first (a regular file's
/// length): read in one go, with no room to spare when it is kept as the source's text.
fn read_sized(reader: impl Read, limit: u64, size: u64) -> Result<Vec<u8>, InputErrorKind> {
    let room = usize::try_from(size.min(limit))
        .unwrap_or(0)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(if size == 0 { 0 } else { room });
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputErrorKind::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(InputErrorKind::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// Reads the file at `path` under `limit`. A regular file larger than the limit is
/// refused before any byte is read; anything else (a pipe, a device) is read up to it.
pub(crate) fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let file = std::fs::File::open(path).map_err(|e| io_kind(&e))?;
    let meta = file.metadata().map_err(|e| io_kind(&e))?;
    if meta.is_dir() {
        return Err(InputErrorKind::Io("is a directory".into()));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(InputErrorKind::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    read_sized(file, limit, if meta.is_file() { meta.len() } else { 0 })
}

/// The error kind of an I/O error.
pub(crate) fn io_kind(e: &std::io::Error) -> InputErrorKind {
    if e.kind() == std::io::ErrorKind::NotFound {
        InputErrorKind::NotFound
    } else {
        InputErrorKind::Io(e.to_string())
    }
}

/// Decodes a source's bytes: UTF-16 when a UTF-16 byte-order mark opens them, else
/// UTF-8 (less a UTF-8 byte-order mark), else Latin-1 when asked.
pub(crate) fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String, InputErrorKind> {
    if let Some(text) = decode_utf16(&bytes) {
        return text;
    }
    if content_inspector::inspect(&bytes).is_binary() {
        return Err(InputErrorKind::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => match encoding {
            Encoding::Latin1 => Ok(e.as_bytes().iter().map(|&b| char::from(b)).collect()),
            Encoding::Utf8 => {
                let offset = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                let line =
                    memchr::memchr_iter(b'\n', &bytes[..offset.min(bytes.len())]).count() + 1;
                Err(InputErrorKind::NotUtf8 { offset, line })
            }
        },
    }
}

/// UTF-16 text behind a byte-order mark (`FF FE` little-endian, `FE FF` big-endian),
/// decoded; `None` without one.
fn decode_utf16(bytes: &[u8]) -> Option<Result<String, InputErrorKind>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    let units = body.chunks(2).map(|c| match (c, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xD800, // an odd byte at the end: not UTF-16
    });
    let mut text = String::with_capacity(body.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok('\0') => return Some(Err(InputErrorKind::Binary)),
            Ok(c) => text.push(c),
            Err(_) => return Some(Err(InputErrorKind::BadUtf16 { offset: 2 + 2 * i })),
        }
    }
    Some(Ok(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_past_the_limit_is_too_large_and_read_no_further() {
        let endless = std::io::repeat(b'x');
        assert_eq!(
            read_limited(endless, 1000),
            Err(InputErrorKind::TooLarge {
                size: None,
                limit: 1000
            })
        );
        assert_eq!(read_limited(&b"short"[..], 5), Ok(b"short".to_vec()));
    }

    /// A file is read into a buffer of its size, kept as the source's text with no room
    /// to spare (#22).
    #[test]
    fn a_file_is_read_with_no_room_to_spare() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Flood: 12 dead. ".repeat(700)).unwrap();
        let bytes = read_file(&path, 1 << 20).unwrap();
        assert_eq!(bytes.len(), 16 * 700);
        assert!(bytes.capacity() <= bytes.len() + 1, "{}", bytes.capacity());
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Flood: 12 dead".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le, Encoding::Utf8), Ok("Flood: 12 dead".into()));
        let mut be = vec![0xFE, 0xFF];
        be.extend("été".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be, Encoding::Utf8), Ok("été".into()));
        // a lone surrogate, and an odd byte at the end
        let bad = decode(vec![0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8], Encoding::Utf8);
        assert_eq!(bad, Err(InputErrorKind::BadUtf16 { offset: 4 }));
        let odd = decode(vec![0xFF, 0xFE, 0x41, 0x00, 0x42], Encoding::Utf8);
        assert_eq!(odd, Err(InputErrorKind::BadUtf16 { offset: 4 }));
    }
}

//! The character encoding of a web page, and its text.
//!
//! Input: the page's bytes and, from a WARC record, the HTTP `Content-Type` charset.
//! Output: the page as UTF-8 text and the encoding used. The order is the browsers': a
//! byte-order mark, then the HTTP header, then a `<meta charset>` (or `http-equiv`) near
//! the top, then UTF-8 when the bytes are valid UTF-8, else windows-1252.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 4096;

#[allow(clippy::expect_used)]
static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("charset regex is valid")
});

/// Decodes `bytes`, honouring `http_charset` (from a response header) when given.
pub(crate) fn decode(bytes: &[u8], http_charset: Option<&str>) -> (String, &'static Encoding) {
    let encoding = sniff(bytes, http_charset);
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used)
}

fn sniff(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return e;
    }
    let declared = http_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| {
            let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
            META_CHARSET
                .captures(head)
                .and_then(|c| c.get(1))
                .and_then(|m| Encoding::for_label(m.as_bytes()))
        });
    match declared {
        // a page read as bytes that declares UTF-16 without a BOM is ASCII-compatible
        Some(e) if (e == UTF_16LE || e == UTF_16BE) && !looks_utf16(bytes) => UTF_8,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    }
}

/// UTF-16 text of mostly ASCII has a NUL in every other byte.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    head.iter().filter(|&&b| b == 0).count() * 4 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_and_sniffed_encodings_decode() {
        let (t, e) = decode(
            b"<meta charset=\"windows-1252\"><p>caf\xe9 \x93quoted\x94</p>",
            None,
        );
        assert_eq!(e, WINDOWS_1252);
        assert!(t.contains("café “quoted”"), "{t}");
        let (t, _) = decode(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"><p>\xb1</p>", None);
        assert!(t.contains('ą'), "{t}");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("<p>東京</p>");
        let (t, _) = decode(&sjis, Some("Shift_JIS"));
        assert!(t.contains("東京"), "{t}");
        let mut utf16 = vec![0xff, 0xfe];
        for u in "<p>hé</p>".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None).0, "<p>hé</p>");
        assert_eq!(decode(b"<p>caf\xe9</p>", None).0, "<p>café</p>");
        assert_eq!(decode("<p>café</p>".as_bytes(), None).0, "<p>café</p>");
    }
}

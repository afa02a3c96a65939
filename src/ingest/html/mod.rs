//! Web pages (`.html`, `.htm`, `.xhtml`, WARC payloads) as sources.
//!
//! Input: a page's bytes (and the HTTP charset when a WARC record gives one). Output: a
//! [`Source`] whose text is the article (headline, blank line, paragraphs), with a
//! [`PageMap`] that turns every offset of that text into the line:column of the page where
//! the character stands, and with the page's own metadata ([`meta`]) over what the text's
//! header gave. A page without an article gives [`PageError::NoArticle`].

mod decode;
mod extract;
mod meta;
mod tree;

pub(crate) use meta::{parse_date, PAGE_FIELDS};

use std::sync::Arc;

use std::path::Path;

use super::{Field, InputError, InputErrorKind, Origin, Planned, Source};
use crate::pack::Pack;
use crate::text::{LineIndex, Position};

/// Pages larger than this are refused (no news page comes near it).
pub(crate) const MAX_PAGE_BYTES: usize = 16 << 20;

/// Why a page gave no source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PageError {
    /// No article text found: a login wall, an index page, an empty template.
    NoArticle,
    /// Larger than [`MAX_PAGE_BYTES`].
    TooLarge(usize),
    /// Markup nested deeper than the tree keeps.
    TooDeep,
    /// No markup at all.
    NotHtml,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::NoArticle => f.write_str(
                "no article text found on the page (a login wall, an index or an empty page?)",
            ),
            PageError::TooLarge(n) => write!(
                f,
                "page of {:.1} MB is larger than the {} MB a web page may have",
                *n as f64 / 1e6,
                MAX_PAGE_BYTES >> 20
            ),
            PageError::TooDeep => write!(
                f,
                "broken markup: elements nested more than {} deep",
                tree::MAX_DEPTH
            ),
            PageError::NotHtml => f.write_str("broken markup: no HTML element found"),
        }
    }
}

/// Where each character of an article's text stands in the page it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMap {
    /// `(text offset, page position)`, sorted by text offset. Between two anchors text and
    /// page advance together on one line.
    anchors: Vec<(usize, Position)>,
    /// Where the body starts in the text (after the headline paragraph, if any).
    body_start: usize,
}

impl PageMap {
    /// The map as plain numbers: `(text offset, line, column)` anchors and the body start.
    pub(crate) fn to_parts(&self) -> (Vec<(usize, usize, usize)>, usize) {
        let anchors = self
            .anchors
            .iter()
            .map(|(o, p)| (*o, p.line, p.column))
            .collect();
        (anchors, self.body_start)
    }

    /// The map [`PageMap::to_parts`] gave.
    pub(crate) fn from_parts(anchors: &[(usize, usize, usize)], body_start: usize) -> PageMap {
        PageMap {
            anchors: anchors
                .iter()
                .map(|&(o, line, column)| (o, Position { line, column }))
                .collect(),
            body_start,
        }
    }

    /// The page position of byte `offset` of `text` (the article text).
    pub(crate) fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let i = self.anchors.partition_point(|&(o, _)| o <= offset);
        let Some(&(o, p)) = i.checked_sub(1).and_then(|i| self.anchors.get(i)) else {
            return self
                .anchors
                .first()
                .map_or(Position { line: 1, column: 1 }, |a| a.1);
        };
        // a blank line or space between anchors belongs to the next anchor's place
        let gap = text.get(o..offset).unwrap_or("");
        if gap.contains('\n') {
            if let Some(&(_, next)) = self.anchors.get(i) {
                return next;
            }
        }
        Position {
            line: p.line,
            column: p.column + gap.chars().count(),
        }
    }
}

/// The article text and metadata of a page, as a source.
///
/// # Errors
///
/// [`PageError`] when the page is too large, has no markup or no article.
pub(crate) fn read(
    id: &str,
    path: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
    pack: &Pack,
) -> Result<Source, PageError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge(bytes.len()));
    }
    let (html, _) = decode::decode(bytes, http_charset);
    let page = tree::Tree::parse(&html);
    if page.deepest > tree::MAX_DEPTH {
        return Err(PageError::TooDeep);
    }
    if page.elements().nth(1).is_none() && page.title.is_none() {
        return Err(PageError::NotHtml);
    }
    let article = extract::article(&page, &html);
    if article.text.trim().is_empty() {
        return Err(PageError::NoArticle);
    }
    let page_meta = meta::read(&page);
    let lines = LineIndex::new(&html);
    let anchors = article
        .anchors
        .iter()
        .map(|&(o, p)| (o, lines.position(&html, p)))
        .collect();
    let mut source = Source::from_text(id, path, &article.text, pack);
    source.page = Some(Arc::new(PageMap {
        anchors,
        body_start: article.body_start,
    }));
    let m = &mut source.meta;
    let page_field = |what: &'static str| Origin::Page { what };
    // a `<title>` often carries the site's name: the page's `<h1>` is the better headline
    match (page_meta.title, article.headline) {
        (Some((v, w)), _) if w != "`<title>`" => m.title = Some(Field::new(v, page_field(w))),
        (_, Some(h)) => m.title = Some(Field::new(h, page_field("`<h1>` headline"))),
        (Some((v, w)), None) => m.title = Some(Field::new(v, page_field(w))),
        (None, None) => {}
    }
    if let Some((v, w)) = page_meta.outlet {
        m.outlet = Some(Field::new(v, page_field(w)));
    }
    if let Some((v, w)) = page_meta.published {
        m.published = Some(Field::new(v, page_field(w)));
    }
    if let Some((v, w)) = page_meta.author {
        m.author = Some(Field::new(v, page_field(w)));
    }
    if let Some((v, w)) = page_meta.url {
        m.url = Some(Field::new(v, page_field(w)));
    }
    Ok(source)
}

/// Whether `path` names a web page (`.html`, `.htm`, `.xhtml`).
pub(super) fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

/// Reads a planned web page file.
pub(super) fn read_planned(
    p: &Planned,
    limits: super::Limits,
    pack: &Pack,
) -> Result<Source, InputError> {
    let bytes = super::load(p, limits)?;
    if content_inspector::inspect(&bytes).is_binary()
        && !bytes.starts_with(&[0xff, 0xfe])
        && !bytes.starts_with(&[0xfe, 0xff])
    {
        return Err(InputError {
            path: p.path.clone(),
            kind: InputErrorKind::Binary,
        });
    }
    let mut source = read(&super::planned_id(p), &p.path, &bytes, None, pack)
        .map_err(|e| page_error(&p.path, e))?;
    super::apply_entry(&mut source, p.entry.as_ref());
    Ok(source)
}

/// The input error of a page that gave no source.
pub(super) fn page_error(path: &str, e: PageError) -> InputError {
    InputError {
        path: path.to_owned(),
        kind: match e {
            PageError::NoArticle => InputErrorKind::NoArticle,
            other => InputErrorKind::Page(other.to_string()),
        },
    }
}

impl Source {
    /// The article text without its headline: for a web page what follows the headline,
    /// else the text less its boilerplate.
    pub fn body(&self) -> String {
        let from = self.page.as_ref().map_or(0, |m| m.body_start);
        let mut out = String::new();
        for span in self.content_spans() {
            let span = span.start.max(from)..span.end.max(from);
            if let Some(t) = self.text.get(span) {
                out.push_str(t);
            }
        }
        out.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_point_into_the_page() {
        let html = "<html><body>\n<article>\n<h1>Ferry &amp; port</h1>\n<p>The harbour board met on Tuesday evening, and after a long debate it voted to keep the old ferry running.</p>\n  <p>Its chair said the vote was close &#8211; five to four &#8211; and that the money would come from fees.</p>\n</article></body></html>";
        let pack = Pack::default_pack();
        let s = read("a", "a.html", html.as_bytes(), None, &pack).unwrap_or_else(|e| panic!("{e}"));
        let at = |needle: &str| s.position(s.text.find(needle).unwrap_or(0));
        assert_eq!(at("Ferry"), Position { line: 3, column: 5 });
        assert_eq!(
            at("port"),
            Position {
                line: 3,
                column: 17
            }
        );
        assert_eq!(at("The harbour"), Position { line: 4, column: 4 });
        assert_eq!(
            at("five"),
            Position {
                line: 5,
                column: 48
            }
        );
        assert_eq!(
            s.meta.title.as_ref().map(|t| t.value.as_str()),
            Some("Ferry & port")
        );
    }

    #[test]
    fn bad_pages_are_named() {
        let pack = Pack::default_pack();
        let deep = "<div>".repeat(5000);
        assert_eq!(
            read("a", "a", deep.as_bytes(), None, &pack).err(),
            Some(PageError::TooDeep)
        );
        assert_eq!(
            read(
                "a",
                "a",
                b"<html><body><a href=/login>Log in</a></body></html>",
                None,
                &pack
            )
            .err(),
            Some(PageError::NoArticle)
        );
        assert_eq!(
            read("a", "a", b"just words", None, &pack).err(),
            Some(PageError::NotHtml)
        );
    }
}

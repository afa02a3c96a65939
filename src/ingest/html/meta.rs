//! What a page says about itself: headline, outlet, dates, author and address, from JSON-LD
//! (`NewsArticle` and kin), OpenGraph and `article:` meta tags, `<meta name="date">`-style
//! tags, `<link rel="canonical">`, `<time datetime>` and `<title>`.
//!
//! Input: a [`Tree`]. Output: [`PageMeta`], each value with the field that gave it. The
//! first source in each list below wins; a published date beats a modified one.

use jiff::civil::Date;
use serde_json::Value;

use super::tree::{Element, Tree};

/// A value and the page field it came from.
pub(crate) type Found<T> = Option<(T, &'static str)>;

/// The page's own metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageMeta {
    pub(crate) title: Found<String>,
    pub(crate) outlet: Found<String>,
    pub(crate) published: Found<Date>,
    pub(crate) author: Found<String>,
    pub(crate) url: Found<String>,
}

/// Every page field a value may come from (the names a source's metadata shows).
pub(crate) const PAGE_FIELDS: &[&str] = &[
    "JSON-LD `headline`",
    "JSON-LD `datePublished`",
    "JSON-LD `dateModified`",
    "JSON-LD `author`",
    "JSON-LD `publisher`",
    "JSON-LD `url`",
    "`og:title` meta tag",
    "`og:site_name` meta tag",
    "`og:url` meta tag",
    "`article:published_time` meta tag",
    "`article:modified_time` meta tag",
    "`datePublished` microdata",
    "`<meta name=\"date\">`-style tag",
    "`author` meta tag",
    "`application-name` meta tag",
    "`<link rel=\"canonical\">`",
    "`<time datetime>` element",
    "`<title>`",
    "host of the page address",
    "`<h1>` headline",
    "WARC-Target-URI",
    "WARC-Date (when archived)",
];

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
];

/// Reads the metadata of `tree`.
pub(crate) fn read(tree: &Tree) -> PageMeta {
    let mut r = Reading::default();
    for raw in &tree.json_ld {
        r.json_ld(raw);
    }
    for (_, e) in tree.elements() {
        match e.tag.as_str() {
            "meta" => r.meta_tag(e),
            "link" => {
                let canonical = e.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if let (true, Some(href)) = (canonical, e.attr("href")) {
                    if href.starts_with("http") {
                        set(
                            &mut r.m.url,
                            Some(href.trim().to_owned()),
                            "`<link rel=\"canonical\">`",
                        );
                    }
                }
            }
            "time" => {
                if let Some(d) = e.attr("datetime").and_then(parse_date) {
                    set(&mut r.m.published, Some(d), "`<time datetime>` element");
                }
            }
            _ => {}
        }
    }
    let Reading { mut m, modified } = r;
    if let Some((t, _)) = &tree.title {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            set(&mut m.title, Some(t), "`<title>`");
        }
    }
    if m.published.is_none() {
        m.published = modified;
    }
    if m.outlet.is_none() {
        if let Some((u, _)) = &m.url {
            set(&mut m.outlet, host(u), "host of the page address");
        }
    }
    m
}

/// The metadata read so far, and the modified date that stands in for a published one
/// the page does not give.
#[derive(Default)]
struct Reading {
    m: PageMeta,
    modified: Found<Date>,
}

impl Reading {
    /// One JSON-LD block: every article object in it, nested in arrays and `@graph`s.
    fn json_ld(&mut self, raw: &str) {
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            return;
        };
        let mut todo = vec![&v];
        while let Some(v) = todo.pop() {
            match v {
                Value::Array(a) => todo.extend(a.iter().rev()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        todo.push(g);
                    }
                    if is_article(o.get("@type")) {
                        self.article(o);
                    }
                }
                _ => {}
            }
        }
    }

    /// The fields of one JSON-LD article object.
    fn article(&mut self, o: &serde_json::Map<String, Value>) {
        let m = &mut self.m;
        set(&mut m.title, text(o.get("headline")), "JSON-LD `headline`");
        set(
            &mut m.published,
            date_of(o.get("datePublished")),
            "JSON-LD `datePublished`",
        );
        set(
            &mut self.modified,
            date_of(o.get("dateModified")),
            "JSON-LD `dateModified`",
        );
        set(&mut m.author, name(o.get("author")), "JSON-LD `author`");
        set(
            &mut m.outlet,
            name(o.get("publisher")),
            "JSON-LD `publisher`",
        );
        set(
            &mut m.url,
            text(o.get("url")).filter(|u| u.starts_with("http")),
            "JSON-LD `url`",
        );
    }

    /// One `<meta>` tag: OpenGraph, `article:`, date-style, author and application name.
    fn meta_tag(&mut self, e: &Element) {
        let key = e
            .attr("property")
            .or_else(|| e.attr("name"))
            .or_else(|| e.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = e.attr("content").or_else(|| e.attr("datetime")) else {
            return;
        };
        let content = content.trim();
        if content.is_empty() {
            return;
        }
        let m = &mut self.m;
        match key.as_str() {
            "og:title" => set(
                &mut m.title,
                Some(content.to_owned()),
                "`og:title` meta tag",
            ),
            "og:site_name" => set(
                &mut m.outlet,
                Some(content.to_owned()),
                "`og:site_name` meta tag",
            ),
            "og:url" => set(&mut m.url, Some(content.to_owned()), "`og:url` meta tag"),
            "article:published_time" => set(
                &mut m.published,
                parse_date(content),
                "`article:published_time` meta tag",
            ),
            "article:modified_time" | "og:updated_time" => set(
                &mut self.modified,
                parse_date(content),
                "`article:modified_time` meta tag",
            ),
            "datepublished" => set(
                &mut m.published,
                parse_date(content),
                "`datePublished` microdata",
            ),
            "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "dcterms.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published"
            | "citation_publication_date"
            | "original-publish-date"
            | "cxenseparse:recs:publishtime" => set(
                &mut m.published,
                parse_date(content),
                "`<meta name=\"date\">`-style tag",
            ),
            "author" | "article:author" | "dc.creator" | "sailthru.author" | "parsely-author"
                if !content.starts_with("http") =>
            {
                set(&mut m.author, Some(content.to_owned()), "`author` meta tag")
            }
            "application-name" => set(
                &mut m.outlet,
                Some(content.to_owned()),
                "`application-name` meta tag",
            ),
            _ => {}
        }
    }
}

fn set<T>(slot: &mut Found<T>, value: Option<T>, what: &'static str) {
    if slot.is_none() {
        if let Some(v) = value {
            *slot = Some((v, what));
        }
    }
}

fn is_article(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(a)) => a.iter().any(|v| is_article(Some(v))),
        _ => false,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            (!s.is_empty()).then_some(s)
        }
        Value::Array(a) => a.iter().find_map(|v| text(Some(v))),
        _ => None,
    }
}

/// A name: a string, an object's `name`, or the names of a list joined.
fn name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(o) => text(o.get("name")),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(|v| name(Some(v))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        other => text(Some(other)).filter(|s| !s.starts_with("http")),
    }
}

fn date_of(v: Option<&Value>) -> Option<Date> {
    text(v).and_then(|s| parse_date(&s))
}

/// The calendar date of an ISO 8601 timestamp or a written date.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        if let Ok(d) = head.parse::<Date>() {
            return Some(d);
        }
    }
    if s.len() >= 8 && s.bytes().take(8).all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (s.get(0..4)?, s.get(4..6)?, s.get(6..8)?);
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    crate::ingest::metadata::find_date(s).map(|(d, _)| d)
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_beats_meta_tags_and_published_beats_modified() {
        let html = r#"<html><head><title>Ferry saved | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times Online">
<meta property="article:modified_time" content="2024-05-04T10:00:00Z">
<link rel="canonical" href="https://www.harbour.example/ferry">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"Ferry saved","datePublished":"2024-05-02T08:00:00+02:00",
"dateModified":"2024-05-03","author":[{"@type":"Person","name":"Ada Quill"}],"publisher":{"@type":"Organization","name":"Harbour Times"}}]}</script>
</head><body></body></html>"#;
        let m = read(&Tree::parse(html));
        assert_eq!(m.title, Some(("Ferry saved".into(), "JSON-LD `headline`")));
        assert_eq!(
            m.published,
            Some((jiff::civil::date(2024, 5, 2), "JSON-LD `datePublished`"))
        );
        assert_eq!(
            m.outlet,
            Some(("Harbour Times".into(), "JSON-LD `publisher`"))
        );
        assert_eq!(m.author, Some(("Ada Quill".into(), "JSON-LD `author`")));
        assert_eq!(
            m.url,
            Some((
                "https://www.harbour.example/ferry".into(),
                "`<link rel=\"canonical\">`"
            ))
        );
    }

    #[test]
    fn meta_tags_and_time_elements_fill_in() {
        let html = r#"<head><meta name="date" content="2023-11-19"><meta property="og:url" content="https://news.example.org/a"></head><body><time datetime="2023-11-20">x</time></body>"#;
        let m = read(&Tree::parse(html));
        assert_eq!(
            m.published,
            Some((
                jiff::civil::date(2023, 11, 19),
                "`<meta name=\"date\">`-style tag"
            ))
        );
        assert_eq!(
            m.outlet,
            Some(("news.example.org".into(), "host of the page address"))
        );
        let m = read(&Tree::parse(
            r#"<p>x<time datetime="2023-11-20T09:00">Monday</time>"#,
        ));
        assert_eq!(
            m.published.map(|p| p.0),
            Some(jiff::civil::date(2023, 11, 20))
        );
        let m = read(&Tree::parse(
            r#"<meta property="article:modified_time" content="2022-01-05">"#,
        ));
        assert_eq!(
            m.published,
            Some((
                jiff::civil::date(2022, 1, 5),
                "`article:modified_time` meta tag"
            ))
        );
    }
}

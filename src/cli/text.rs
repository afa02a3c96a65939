//! `crosscheck text`: the text crosscheck reads from each source and its metadata.
//!
//! Input: ingested sources. Output: for people, a header of metadata lines (each value
//! with the field or line it came from) and the body; as JSON lines, one object per source
//! with `path`, `id`, `title`, `outlet`, `published`, `author`, `url`, `body` and `origins`.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::ingest::{Field, Source};
use crate::report::sanitize;

/// One object per source per line.
pub(super) fn write_jsonl(sources: &[Source], out: &mut dyn Write) -> io::Result<()> {
    for s in sources {
        let m = &s.meta;
        let mut origins = Map::new();
        let mut note = |name: &str, origin: Option<String>| {
            if let Some(o) = origin {
                origins.insert(name.to_owned(), Value::String(o));
            }
        };
        note("title", origin(&m.title));
        note("outlet", origin(&m.outlet));
        note("published", origin(&m.published));
        note("author", origin(&m.author));
        note("url", origin(&m.url));
        let line = json!({
            "path": s.path,
            "id": s.id.0,
            "title": m.title.as_ref().map(|f| &f.value),
            "outlet": m.outlet.as_ref().map(|f| &f.value),
            "published": m.published.as_ref().map(|f| f.value.to_string()),
            "author": m.author.as_ref().map(|f| &f.value),
            "url": m.url.as_ref().map(|f| &f.value),
            "body": s.body(),
            "origins": origins,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Metadata lines, then the text, per source.
pub(super) fn write_human(sources: &[Source], out: &mut dyn Write) -> io::Result<()> {
    for (i, s) in sources.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "== {}", sanitize(&s.path))?;
        let m = &s.meta;
        let published = m
            .published
            .as_ref()
            .map(|f| Field::new(f.value.to_string(), f.origin.clone()));
        for (name, f) in [
            ("title", &m.title),
            ("outlet", &m.outlet),
            ("published", &published),
            ("author", &m.author),
            ("url", &m.url),
        ] {
            if let Some(f) = f {
                writeln!(out, "{name}: {} ({})", sanitize(&f.value), f.origin)?;
            }
        }
        writeln!(out)?;
        for line in s.body().lines() {
            writeln!(out, "{}", sanitize(line))?;
        }
    }
    Ok(())
}

fn origin<T>(f: &Option<Field<T>>) -> Option<String> {
    f.as_ref().map(|f| f.origin.to_string())
}

//! Story manifests: a TOML file naming each source with optional outlet, url, title and
//! published date. Manifest values override what is read from the text.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{InputError, InputErrorKind};
use crate::text::LineIndex;

/// A parsed manifest entry, with its path resolved against the manifest's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) path: PathBuf,
    pub(crate) id: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<jiff::civil::Date>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    story: Option<String>,
    #[serde(default)]
    source: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    path: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<toml::Spanned<String>>,
}

/// Parses the manifest at `path` whose text is `text`.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Vec<Entry>, InputError> {
    let lines = LineIndex::new(text);
    let fail = |span: Option<std::ops::Range<usize>>, message: String| {
        let pos = span.map(|s| lines.position(text, s.start));
        InputError {
            path: path.display().to_string(),
            kind: InputErrorKind::Manifest {
                line: pos.map(|p| p.line),
                column: pos.map(|p| p.column),
                message,
            },
        }
    };
    let raw: RawManifest =
        toml::from_str(text).map_err(|e| fail(e.span(), e.message().trim().to_owned()))?;
    let _ = raw.story;
    if raw.source.is_empty() {
        return Err(fail(
            None,
            "no `[[source]]` entries, expected at least one".into(),
        ));
    }
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    raw.source
        .into_iter()
        .map(|e| {
            let published = match e.published {
                Some(p) => Some(p.get_ref().parse::<jiff::civil::Date>().map_err(|err| {
                    fail(
                        Some(p.span()),
                        format!(
                            "`published` value `{}` is not a date, expected YYYY-MM-DD ({err})",
                            p.get_ref()
                        ),
                    )
                })?),
                None => None,
            };
            Ok(Entry {
                path: base.join(&e.path),
                id: e.id,
                outlet: e.outlet,
                url: e.url,
                title: e.title,
                published,
            })
        })
        .collect()
}

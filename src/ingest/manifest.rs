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
    /// A name for the story: accepted, as it has been since the first manifests, and
    /// ignored (stories are told apart by the align stage). Dropping it would make every
    /// manifest that names its story an error, since unknown keys are.
    #[serde(default, rename = "story")]
    _story: Option<String>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Vec<Entry>, InputError> {
        parse(Path::new("stories/quake.toml"), text)
    }

    #[test]
    fn a_story_name_is_accepted_and_ignored() {
        let with = parsed("story = \"Quake\"\n\n[[source]]\npath = \"a.txt\"\n");
        let without = parsed("[[source]]\npath = \"a.txt\"\n");
        assert_eq!(with, without);
        assert_eq!(
            with.map(|e| e.iter().map(|e| e.path.clone()).collect::<Vec<_>>()),
            Ok(vec![PathBuf::from("stories/a.txt")])
        );
    }

    #[test]
    fn other_unknown_keys_are_errors() {
        let err = parsed("title = \"Quake\"\n\n[[source]]\npath = \"a.txt\"\n");
        assert!(
            matches!(
                &err,
                Err(InputError {
                    kind: InputErrorKind::Manifest { .. },
                    ..
                })
            ),
            "{err:?}"
        );
        let err = parsed("story = 3\n\n[[source]]\npath = \"a.txt\"\n");
        assert!(err.is_err(), "a story name is a string");
    }
}

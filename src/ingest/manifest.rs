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

/// Parses the manifest at `path` whose text is `text`: the good entries, and an error for
/// each bad one (a bad entry does not drop the others). A manifest that is not valid TOML
/// is one error.
pub(crate) fn parse(path: &Path, text: &str) -> (Vec<Entry>, Vec<InputError>) {
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
    // a byte-order mark is no part of the TOML
    let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let raw: RawManifest = match toml::from_str(&text[offset..]) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().map(|s| s.start + offset..s.end + offset);
            return (Vec::new(), vec![fail(span, e.message().trim().to_owned())]);
        }
    };
    if raw.source.is_empty() {
        return (
            Vec::new(),
            vec![fail(
                None,
                "no `[[source]]` entries, expected at least one".into(),
            )],
        );
    }
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for e in raw.source {
        let published = match e.published {
            Some(p) => match p.get_ref().parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(err) => {
                    let span = p.span();
                    errors.push(fail(
                        Some(span.start + offset..span.end + offset),
                        format!(
                            "`published` value `{}` is not a date, expected YYYY-MM-DD ({err}); entry `{}` skipped",
                            p.get_ref(),
                            e.path
                        ),
                    ));
                    continue;
                }
            },
            None => None,
        };
        entries.push(Entry {
            path: base.join(&e.path),
            id: e.id,
            outlet: e.outlet,
            url: e.url,
            title: e.title,
            published,
        });
    }
    (entries, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Vec<Entry>, InputError> {
        let (entries, mut errors) = parse(Path::new("stories/quake.toml"), text);
        match errors.pop() {
            Some(e) => Err(e),
            None => Ok(entries),
        }
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

    #[test]
    fn one_bad_entry_leaves_the_others_and_every_bad_one_is_named() {
        let text = "[[source]]\npath = \"a.txt\"\npublished = \"soon\"\n\n[[source]]\npath = \"b.txt\"\n\n[[source]]\npath = \"c.txt\"\npublished = \"later\"\n";
        let (entries, errors) = parse(Path::new("m.toml"), text);
        let paths: Vec<_> = entries.iter().map(|e| e.path.clone()).collect();
        assert_eq!(paths, [PathBuf::from("b.txt")]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[1].to_string().contains("`m.toml`:10:"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn a_byte_order_mark_does_not_change_the_manifest() {
        let plain = parsed("[[source]]\npath = \"a.txt\"\n");
        assert_eq!(parsed("\u{feff}[[source]]\npath = \"a.txt\"\n"), plain);
    }
}

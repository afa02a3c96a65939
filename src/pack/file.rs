//! One pack file under validation: parsing it into its serde view (the first pass) and
//! locating a problem in it by line, column and key, with the checks several files share
//! (word lists, regular expressions) and the "did you mean" of every message.
//!
//! Input: a file's origin and text. Output: its raw value, or [`PackError`]s pushed onto
//! the caller's list; [`super::validate`] makes the pack. The CLI's config file is checked
//! with the same pieces.

use serde::de::DeserializeOwned;
use toml::Spanned;

use super::PackError;
use crate::text::LineIndex;

/// `, did you mean `x`?` when a candidate is close to `found`, else nothing.
pub(crate) fn did_you_mean<'a>(found: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    candidates
        .map(|c| (strsim::jaro_winkler(found, c), c))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!(", did you mean `{c}`?"))
        .unwrap_or_default()
}

/// One pack file: where it came from, its text, and its lines for locating problems.
pub(crate) struct FileCtx<'a> {
    origin: &'a str,
    text: &'a str,
    lines: LineIndex,
}

impl<'a> FileCtx<'a> {
    pub(crate) fn new(origin: &'a str, text: &'a str) -> FileCtx<'a> {
        FileCtx {
            origin,
            text,
            lines: LineIndex::new(text),
        }
    }

    pub(crate) fn parse<T: DeserializeOwned>(&self, errs: &mut Vec<PackError>) -> Option<T> {
        match toml::from_str::<T>(self.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let (line, column) = match e.span() {
                    Some(span) => {
                        let p = self.lines.position(self.text, span.start);
                        (Some(p.line), Some(p.column))
                    }
                    None => (None, None),
                };
                let mut message = e.message().trim().to_owned();
                if let Some(hint) = unknown_field_hint(&message) {
                    message.push_str(&hint);
                }
                let key = e.span().and_then(|s| key_at(self.text, s.start));
                errs.push(PackError {
                    file: self.origin.to_owned(),
                    line,
                    column,
                    key,
                    message,
                });
                None
            }
        }
    }

    pub(crate) fn at<T>(&self, v: &Spanned<T>, key: &str, message: String) -> PackError {
        let p = self.lines.position(self.text, v.span().start);
        PackError {
            file: self.origin.to_owned(),
            line: Some(p.line),
            column: Some(p.column),
            key: Some(key.to_owned()),
            message,
        }
    }

    /// Abbreviations: single words, without their final period.
    pub(super) fn words(
        &self,
        items: Vec<Spanned<String>>,
        key: &str,
        errs: &mut Vec<PackError>,
    ) -> Vec<String> {
        let clean = |w: &str| {
            let t = w.trim().trim_end_matches('.');
            (!t.is_empty() && !t.contains(char::is_whitespace)).then(|| t.to_owned())
        };
        let problem = |w: &str| {
            format!("`{w}` is not a single word, expected an abbreviation such as `Gen.`")
        };
        self.entries(items, key, errs, clean, problem)
    }

    /// The entries, trimmed; an empty one is an error.
    pub(super) fn trimmed(
        &self,
        items: Vec<Spanned<String>>,
        key: &str,
        errs: &mut Vec<PackError>,
    ) -> Vec<String> {
        let clean = |w: &str| Some(w.trim().to_owned()).filter(|t| !t.is_empty());
        self.entries(items, key, errs, clean, |_| "empty entry".to_owned())
    }

    /// The entries `clean` keeps, as it cleans them; each one it rejects is an error,
    /// worded by `problem`.
    pub(super) fn entries(
        &self,
        items: Vec<Spanned<String>>,
        key: &str,
        errs: &mut Vec<PackError>,
        clean: impl Fn(&str) -> Option<String>,
        problem: impl Fn(&str) -> String,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (i, w) in items.into_iter().enumerate() {
            match clean(w.get_ref()) {
                Some(t) => out.push(t),
                None => errs.push(self.at(&w, &format!("{key}[{i}]"), problem(w.get_ref()))),
            }
        }
        out
    }

    /// Patterns searched as one set: each is checked on its own by the regex parser (for
    /// an error that names it), then all compile together.
    pub(super) fn pattern_set(
        &self,
        items: Vec<Spanned<String>>,
        key: &str,
        errs: &mut Vec<PackError>,
    ) -> crate::text::WordRegexSet {
        let mut valid = Vec::new();
        let mut first = None;
        for (i, p) in items.into_iter().enumerate() {
            let parsed = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p.get_ref());
            match parsed {
                Ok(_) => {
                    first.get_or_insert_with(|| p.clone());
                    valid.push(p.into_inner());
                }
                Err(e) => errs.push(self.at(
                    &p,
                    &format!("{key}[{i}]"),
                    format!(
                        "pattern `{}` does not compile: {}",
                        p.get_ref(),
                        last_line(&e.to_string())
                    ),
                )),
            }
        }
        match crate::text::WordRegexSet::new(valid, true) {
            Ok(set) => set,
            Err(e) => {
                if let Some(p) = &first {
                    errs.push(self.at(
                        p,
                        key,
                        format!("the patterns do not compile: {}", last_line(&e.to_string())),
                    ));
                }
                crate::text::WordRegexSet::default()
            }
        }
    }

    pub(super) fn regexes(
        &self,
        items: Vec<Spanned<String>>,
        key: &str,
        errs: &mut Vec<PackError>,
    ) -> Vec<crate::text::WordRegex> {
        let mut out = Vec::new();
        for (i, p) in items.into_iter().enumerate() {
            match crate::text::WordRegex::new(p.get_ref(), true) {
                Ok(r) => out.push(r),
                Err(e) => {
                    let detail = last_line(&e.to_string());
                    errs.push(self.at(
                        &p,
                        &format!("{key}[{i}]"),
                        format!("pattern `{}` does not compile: {detail}", p.get_ref()),
                    ));
                }
            }
        }
        out
    }
}

/// The last line of a regex error ("error: unclosed group"), the part that says what is
/// wrong under the pattern and its caret.
fn last_line(message: &str) -> String {
    message.lines().last().unwrap_or_default().trim().to_owned()
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" adds a "did you mean".
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (found, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let hint = did_you_mean(found, expected.into_iter());
    (!hint.is_empty()).then_some(hint)
}

/// The key written at the start of the line holding `offset`, for error context.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_owned())
}

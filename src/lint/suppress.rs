//! Silencing diagnostics: inline comments in the draft and an allowlist file.
//!
//! Inline: `<!-- crosscheck-ignore -->` silences every rule, `<!-- crosscheck-ignore
//! rule other_rule -->` only those, on the comment's own line and the line after it.
//! Allowlist: one entry a line, `rule` (silence the rule everywhere) or `rule: fragment`
//! (only where the claim or its sentence contains the fragment, case-insensitively);
//! blank lines and `#` comments are skipped.

use crate::ingest::Source;
use crate::normalize::fold;

use super::{rules, Diagnostic};

/// Accepted diagnostics, read from an allowlist file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowlist {
    entries: Vec<(String, Option<String>)>,
}

/// A line of an allowlist that names no known rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: unknown rule `{rule}`, expected one of {expected}{hint}")]
pub struct AllowlistError {
    /// 1-based line.
    pub line: usize,
    /// The rule as written.
    pub rule: String,
    /// The known rules, listed.
    pub expected: String,
    /// A "; did you mean" hint, when a rule is close.
    pub hint: String,
}

impl Allowlist {
    /// Parses allowlist text.
    ///
    /// # Errors
    /// The first line that names an unknown rule.
    pub fn parse(text: &str) -> Result<Allowlist, AllowlistError> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_text = line.trim();
            if line_text.is_empty() || line_text.starts_with('#') {
                continue;
            }
            let (rule, fragment) = match line_text.split_once(':') {
                Some((r, f)) => (r.trim(), Some(f.trim()).filter(|f| !f.is_empty())),
                None => (line_text, None),
            };
            if !rules::ALL.iter().any(|(r, _)| *r == rule) {
                let close = rules::ALL
                    .iter()
                    .map(|(r, _)| (strsim::jaro_winkler(r, rule), *r))
                    .filter(|(s, _)| *s > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                return Err(AllowlistError {
                    line: i + 1,
                    rule: rule.to_owned(),
                    expected: rules::ALL
                        .iter()
                        .map(|(r, _)| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    hint: close
                        .map(|(_, r)| format!("; did you mean `{r}`?"))
                        .unwrap_or_default(),
                });
            }
            entries.push((rule.to_owned(), fragment.map(fold)));
        }
        Ok(Allowlist { entries })
    }

    fn allows(&self, d: &Diagnostic, draft: &Source) -> bool {
        let claim = fold(draft.text.get(d.claim.span.clone()).unwrap_or_default());
        let sentence = fold(draft.text.get(d.claim.sentence.clone()).unwrap_or_default());
        self.entries.iter().any(|(rule, fragment)| {
            *rule == d.rule
                && fragment
                    .as_ref()
                    .is_none_or(|f| claim.contains(f.as_str()) || sentence.contains(f.as_str()))
        })
    }
}

pub(super) fn apply(
    diagnostics: Vec<Diagnostic>,
    draft: &Source,
    allowlist: Option<&Allowlist>,
) -> (Vec<Diagnostic>, usize) {
    let before = diagnostics.len();
    let kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| !ignored_inline(d, draft) && !allowlist.is_some_and(|a| a.allows(d, draft)))
        .collect();
    let silenced = before - kept.len();
    (kept, silenced)
}

fn ignored_inline(d: &Diagnostic, draft: &Source) -> bool {
    let line = draft.text_position(d.claim.span.start).line;
    [line, line.saturating_sub(1)]
        .into_iter()
        .filter(|&l| l >= 1)
        .filter_map(|l| draft.lines.line_span(&draft.text, l))
        .filter_map(|span| draft.text.get(span))
        .any(|text| ignores(text, &d.rule))
}

/// Whether a line holds an ignore comment that covers `rule`.
fn ignores(line: &str, rule: &str) -> bool {
    const MARK: &str = "<!--";
    let mut rest = line;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let (body, next) = match after.find("-->") {
            Some(end) => (&after[..end], &after[end + 3..]),
            None => (after, ""),
        };
        let mut words = body
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        if words.next() == Some("crosscheck-ignore") {
            let named: Vec<&str> = words.collect();
            if named.is_empty() || named.contains(&rule) {
                return true;
            }
        }
        rest = next;
    }
    false
}

//! `name_mismatch`: a name in the draft spelled differently from every source.
//!
//! Works on words, not whole names, so "Fomin" alone is fine when the sources write
//! "Alexander Fomin": a draft name is flagged only when one of its words appears in no
//! source name while a source name has a word spelled almost the same ("Alexandr" vs
//! "Alexander", "Naypyidow" vs "Naypyidaw"). Different names for one entity (Burma and
//! Myanmar) are aliases, not misspellings, and never warn. `name_variant` findings that
//! include the draft are checked the same way.

use std::collections::BTreeMap;

use crate::compare::{Evidence, Verdict};
use crate::normalize::tokens;
use crate::pack::{EntityKind, Severity};
use crate::pipeline::Analysis;

use super::{rules, Diagnostic};

/// Jaro-Winkler similarity above which two different words are one name misspelt.
const CLOSE: f64 = 0.88;
/// Shorter words ("Li", "Wu") are too short to call a misspelling.
const MIN_LEN: usize = 4;

pub(super) fn check(analysis: &Analysis, draft: usize) -> Vec<Diagnostic> {
    let Some(draft_source) = analysis.sources.get(draft) else {
        return Vec::new();
    };
    // Every word of every source name, with one place it was seen.
    let mut known: BTreeMap<String, Evidence> = BTreeMap::new();
    for (i, e) in analysis.extractions.iter().enumerate() {
        if i == draft {
            continue;
        }
        for m in &e.mentions {
            if !is_name(m.kind) {
                continue;
            }
            let sentence = sentence_span(analysis, i, m.sentence).unwrap_or(m.span.clone());
            for t in tokens(&m.text) {
                known
                    .entry(t)
                    .or_insert_with(|| Evidence::at(i, m.span.clone(), sentence.clone()));
            }
        }
    }
    for f in &analysis.findings {
        if f.verdict != Verdict::NameVariant {
            continue;
        }
        for e in f.evidence.iter().filter(|e| e.source != draft) {
            let Some(text) = analysis
                .sources
                .get(e.source)
                .and_then(|s| s.text.get(e.span.clone()))
            else {
                continue;
            };
            for t in tokens(text) {
                known.entry(t).or_insert_with(|| e.clone());
            }
        }
    }
    if known.is_empty() {
        return Vec::new();
    }
    let mut candidates: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    if let Some(e) = analysis.extractions.get(draft) {
        for m in e.mentions.iter().filter(|m| is_name(m.kind)) {
            let sentence = sentence_span(analysis, draft, m.sentence).unwrap_or(m.span.clone());
            candidates.push((m.span.clone(), sentence));
        }
    }
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::NameVariant)
    {
        for e in f.evidence.iter().filter(|e| e.source == draft) {
            candidates.push((e.span.clone(), e.sentence.clone()));
        }
    }
    candidates.sort_by_key(|(s, _)| (s.start, s.end));
    candidates.dedup_by(|a, b| a.0 == b.0);
    let mut out = Vec::new();
    for (span, sentence) in candidates {
        let Some(text) = draft_source.text.get(span.clone()) else {
            continue;
        };
        let mut wrong: Vec<(String, String, Evidence)> = Vec::new();
        for t in tokens(text) {
            if known.contains_key(&t) || t.chars().count() < MIN_LEN {
                continue;
            }
            if let Some((k, e)) = closest(&t, &known) {
                wrong.push((t, k.to_owned(), e.clone()));
            }
        }
        if wrong.is_empty() {
            continue;
        }
        let spelled: Vec<String> = wrong
            .iter()
            .map(|(t, k, _)| format!("`{t}` where the sources have `{k}`"))
            .collect();
        out.push(Diagnostic {
            severity: Severity::Warning,
            rule: rules::NAME_MISMATCH.into(),
            message: format!(
                "`{text}` is spelled differently from every source: {}",
                spelled.join(", ")
            ),
            claim: Evidence::at(draft, span, sentence),
            sources: wrong.into_iter().map(|(_, _, e)| e).collect(),
            kind_file: None,
        });
    }
    out
}

/// People and places. Organisation names are left out: their words are common nouns
/// ("Ministry", "Minister", "Council") that look like misspellings of one another.
fn is_name(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Person | EntityKind::Place)
}

fn sentence_span(
    analysis: &Analysis,
    source: usize,
    sentence: usize,
) -> Option<std::ops::Range<usize>> {
    analysis
        .sentences
        .get(source)?
        .get(sentence)
        .map(|s| s.span.clone())
}

/// The known word spelled almost like `word`; a word that extends another ("Russian",
/// "Russia") is a different word, not a misspelling.
fn closest<'k>(
    word: &str,
    known: &'k BTreeMap<String, Evidence>,
) -> Option<(&'k str, &'k Evidence)> {
    let len = word.chars().count();
    known
        .iter()
        .filter(|(k, _)| {
            let klen = k.chars().count();
            klen >= MIN_LEN
                && klen.abs_diff(len) <= 1
                && !k.starts_with(word)
                && !word.starts_with(k.as_str())
                && k.chars().next() == word.chars().next()
                && !k.chars().all(|c| c.is_ascii_digit())
        })
        .map(|(k, e)| (strsim::jaro_winkler(word, k), k, e))
        .filter(|(s, _, _)| *s >= CLOSE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k, e)| (k.as_str(), e))
}

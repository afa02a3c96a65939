//! `conflicting_figure` and `unsupported_figure`: each figure of the draft against the
//! figures of the sources.
//!
//! A figure is supported when a source gives a compatible value for the same quantity
//! (an `agreement` finding, or a source claim of the same kind, unit, event and thing
//! counted whose interval overlaps), or the same number in the same unit anywhere. An
//! unsupported figure is a conflict when a source gives the same quantity with the same
//! scope (a value the draft understates or overstates), else a note.

use crate::compare::{Evidence, Verdict};
use crate::extract::{ClaimBody, Quantity};
use crate::normalize::{fold, tokens};
use crate::pack::{Pack, Severity};
use crate::pipeline::Analysis;

use super::{evidence_of, rules, Diagnostic};

pub(super) fn check(analysis: &Analysis, draft: usize, pack: &Pack) -> Vec<Diagnostic> {
    let Some(extraction) = analysis.extractions.get(draft) else {
        return Vec::new();
    };
    let Some(draft_source) = analysis.sources.get(draft) else {
        return Vec::new();
    };
    let others = other_quantities(analysis, draft);
    let mut out = Vec::new();
    for claim in &extraction.claims {
        let ClaimBody::Quantity(q) = &claim.body else {
            continue;
        };
        let mine = evidence_of(draft, draft_source, claim);
        let from_findings = findings_about(analysis, draft, &mine);
        if from_findings.supported {
            continue;
        }
        let cumulative = pack.kind(&q.kind).is_some_and(|k| k.cumulative);
        // Claims with the very same scope decide; claims whose scope is unknown on one
        // side only support a figure nothing contradicts ("over 90" with no date must
        // not excuse "160 since the coup" when a source gives "at least 260" for it).
        let mut same_scope_agrees = false;
        let mut loosely_supported = false;
        let mut conflicting: Vec<Evidence> = Vec::new();
        for (i, other, oq) in &others {
            if same_number(q, oq) {
                loosely_supported = true;
            }
            if !same_quantity(q, oq) {
                continue;
            }
            let overlaps = q.value.overlaps(&oq.value);
            if same_scope(q, oq) {
                if overlaps && backs(oq, q) {
                    same_scope_agrees = true;
                } else if !is_progression(q, oq, cumulative) {
                    let source = &analysis.sources[*i];
                    conflicting.push(evidence_of(*i, source, other));
                }
            } else if overlaps && compatible_scope(q, oq) {
                loosely_supported = true;
            }
        }
        let supported = same_scope_agrees || (conflicting.is_empty() && loosely_supported);
        if supported {
            continue;
        }
        for e in from_findings.conflicting {
            if !conflicting
                .iter()
                .any(|c| c.source == e.source && c.span == e.span)
            {
                conflicting.push(e);
            }
        }
        let draft_text = text_of(analysis, &mine);
        if conflicting.is_empty() {
            out.push(Diagnostic {
                severity: Severity::Note,
                rule: rules::UNSUPPORTED_FIGURE.into(),
                message: format!("no source gives `{draft_text}` for {}", summary(q)),
                claim: mine,
                sources: Vec::new(),
                kind_file: pack.kind(&q.kind).map(|k| k.file.clone()),
            });
            continue;
        }
        conflicting.sort_by_key(|e| (e.source, e.span.start));
        let kind = pack.kind(&q.kind);
        let summary = from_findings.summary.unwrap_or_else(|| summary(q));
        let sources = describe_sources(analysis, &conflicting);
        let template = kind.map_or(
            "the draft gives {draft} for {summary}; the sources give {sources}",
            |k| k.message.as_str(),
        );
        let message = template
            .replace("{draft}", &format!("`{draft_text}`"))
            .replace("{summary}", &summary)
            .replace("{sources}", &sources);
        out.push(Diagnostic {
            severity: kind.map_or(Severity::Error, |k| k.severity),
            rule: rules::CONFLICTING_FIGURE.into(),
            message,
            claim: mine,
            sources: conflicting,
            kind_file: kind.map(|k| k.file.clone()),
        });
    }
    out
}

/// What the findings of the analysis say about one draft figure.
#[derive(Default)]
struct FromFindings {
    supported: bool,
    conflicting: Vec<Evidence>,
    summary: Option<String>,
}

fn findings_about(analysis: &Analysis, draft: usize, mine: &Evidence) -> FromFindings {
    let mut out = FromFindings::default();
    for f in &analysis.findings {
        let has_me = f
            .evidence
            .iter()
            .any(|e| e.source == draft && e.span == mine.span);
        if !has_me {
            continue;
        }
        let others: Vec<&Evidence> = f.evidence.iter().filter(|e| e.source != draft).collect();
        if others.is_empty() {
            continue;
        }
        match f.verdict {
            // Compare calls overlapping intervals an agreement; the draft must also not
            // claim more than the source it agrees with ("at least 36%" vs "at least 16%").
            Verdict::Agreement => {
                let Some(v) = mine.value else { continue };
                if others.iter().any(|e| {
                    e.value.is_some_and(|o| {
                        o.overlaps(&v) && backs_values(e.number, &o, mine.number, &v)
                    })
                }) {
                    out.supported = true;
                }
            }
            Verdict::Conflict => {
                let Some(v) = mine.value else { continue };
                let against: Vec<&Evidence> = others
                    .iter()
                    .copied()
                    .filter(|e| e.value.is_some_and(|o| !o.overlaps(&v)))
                    .collect();
                // The draft sides with some source: the sources disagree among
                // themselves, which is the report's business, not the draft's fault.
                if against.len() < others.len() {
                    out.supported = true;
                    continue;
                }
                out.conflicting.extend(against.into_iter().cloned());
                out.summary.get_or_insert_with(|| f.summary.clone());
            }
            _ => {}
        }
    }
    out
}

fn other_quantities(analysis: &Analysis, draft: usize) -> Vec<(usize, &crate::Claim, &Quantity)> {
    let mut out = Vec::new();
    for (i, e) in analysis.extractions.iter().enumerate() {
        if i == draft || i >= analysis.sources.len() {
            continue;
        }
        for c in &e.claims {
            if let ClaimBody::Quantity(q) = &c.body {
                out.push((i, c, q.as_ref()));
            }
        }
    }
    out
}

/// The same figure as written, in the same unit: `16%` anywhere supports `16%`.
fn same_number(a: &Quantity, b: &Quantity) -> bool {
    match (a.number, b.number) {
        (Some(x), Some(y)) => a.unit == b.unit && (x - y).abs() <= f64::EPSILON * x.abs().max(1.0),
        _ => false,
    }
}

/// Whether a source figure backs an overlapping draft figure of the same scope: the
/// draft gives the same number, or asserts no more than the source (`more than 300` is
/// backed by `at least 320`; `at least 350` is not: it overstates the known figure). A
/// vague source figure ("hundreds") backs anything it overlaps.
fn backs(source: &Quantity, draft: &Quantity) -> bool {
    let src_number = if source.vague { None } else { source.number };
    backs_values(src_number, &source.value, draft.number, &draft.value)
}

/// [`backs`] on bare figures; a source without a number (vague) backs anything.
fn backs_values(
    src_number: Option<f64>,
    src: &crate::extract::Interval,
    draft_number: Option<f64>,
    draft: &crate::extract::Interval,
) -> bool {
    let Some(x) = src_number else {
        return true;
    };
    if draft_number.is_some_and(|y| (x - y).abs() <= 1e-9 * x.abs().max(1.0)) {
        return true;
    }
    let low = match (draft.min, src.min) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => a <= b,
    };
    let high = match (draft.max, src.max) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => a >= b,
    };
    low && high
}

/// Same kind, unit, event and thing counted: the figures measure the same quantity.
fn same_quantity(a: &Quantity, b: &Quantity) -> bool {
    a.kind == b.kind
        && a.unit == b.unit
        && match (&a.event, &b.event) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
        && a.part == b.part
        && match (&a.counted, &b.counted) {
            (Some(x), Some(y)) => same_counted(x, y),
            _ => true,
        }
}

/// "weapons" and "weaponry", "civilian protesters" and "protesters": the same thing
/// counted, written two ways (same head word, or one word extends the other's stem).
fn same_counted(x: &str, y: &str) -> bool {
    let key = |s: &str| -> Option<String> {
        let last = tokens(s).pop()?;
        Some(last.strip_suffix('s').map(str::to_owned).unwrap_or(last))
    };
    match (key(x), key(y)) {
        (Some(a), Some(b)) => {
            a == b || (a.len().min(b.len()) >= 5 && (a.starts_with(&b) || b.starts_with(&a)))
        }
        _ => fold(x) == fold(y),
    }
}

/// Scopes that may describe the same thing (one side unknown is compatible).
fn compatible_scope(a: &Quantity, b: &Quantity) -> bool {
    let time = match (&a.scope.time, &b.scope.time) {
        (Some(x), Some(y)) => same_time(x, y),
        _ => true,
    };
    let place = match (&a.scope.place, &b.scope.place) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    time && place
}

/// Scopes known to be the same: only then can two values contradict each other.
fn same_scope(a: &Quantity, b: &Quantity) -> bool {
    let time = match (&a.scope.time, &b.scope.time) {
        (Some(x), Some(y)) => same_time(x, y),
        (None, None) => true,
        _ => false,
    };
    let place = match (&a.scope.place, &b.scope.place) {
        (Some(x), Some(y)) => x == y,
        (None, None) => true,
        _ => false,
    };
    time && place
}

/// A cumulative figure reported on different days may rightly differ: a later, higher
/// toll is a progression. A toll lower than an earlier report's is still a conflict
/// (tolls do not fall). Unknown dates count as the same day.
fn is_progression(draft: &Quantity, source: &Quantity, cumulative: bool) -> bool {
    if !cumulative {
        return false;
    }
    match (draft.scope.as_of, source.scope.as_of) {
        (Some(d), Some(s)) if d != s => {
            let falls = d > s
                && matches!((draft.value.max, source.value.min), (Some(hi), Some(lo)) if hi < lo);
            !falls
        }
        _ => false,
    }
}

fn same_time(x: &crate::extract::TimeScope, y: &crate::extract::TimeScope) -> bool {
    if x.kind != y.kind {
        return false;
    }
    let resolved = |t: &crate::extract::TimeScope| t.from.is_some() || t.to.is_some();
    if resolved(x) && resolved(y) {
        return x.from == y.from && x.to == y.to;
    }
    if crate::compare::scope_words(x) == crate::compare::scope_words(y) {
        return true;
    }
    // "since the coup" and "since the Feb. 1 coup": the same start named with or
    // without its date, so the same head word ends both phrases. Only for cumulative
    // scopes: a day or a period must resolve to the same dates.
    x.kind == crate::extract::TimeScopeKind::Since && {
        let head = |t: &str| {
            tokens(t)
                .pop()
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        };
        head(&x.text).is_some_and(|h| Some(h) == head(&y.text))
    }
}

/// "people killed since the Feb. 1 coup".
fn summary(q: &Quantity) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(q.counted.clone().unwrap_or_else(|| q.unit.clone()));
    if let Some(e) = &q.event {
        parts.push(e.clone());
    }
    if let Some(t) = &q.scope.time {
        parts.push(t.text.clone());
    }
    parts.join(" ")
}

fn text_of<'a>(analysis: &'a Analysis, e: &Evidence) -> &'a str {
    analysis
        .sources
        .get(e.source)
        .and_then(|s| s.text.get(e.span.clone()))
        .unwrap_or_default()
}

/// "`at least 320` (reuters), `320` (ft)".
fn describe_sources(analysis: &Analysis, evidence: &[Evidence]) -> String {
    const SHOWN: usize = 3;
    let mut parts: Vec<String> = evidence
        .iter()
        .take(SHOWN)
        .map(|e| {
            let id = analysis
                .sources
                .get(e.source)
                .map(|s| s.id.to_string())
                .unwrap_or_default();
            format!("`{}` ({id})", text_of(analysis, e))
        })
        .collect();
    if evidence.len() > SHOWN {
        parts.push(format!("and {} more", evidence.len() - SHOWN));
    }
    parts.join(", ")
}

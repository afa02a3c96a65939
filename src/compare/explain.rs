//! The words of a finding: evidence built from claims, summaries ("people killed since
//! the coup"), credits, and the word diff of quote variants.

use std::sync::Arc;

use similar::ChangeTag;

use super::{Ctx, DiffOp, DiffPart, Evidence, Finding, Verdict};
use crate::extract::{Claim, ClaimBody, Extraction, Mention};

/// What a finding cites: the claims its evidence lists, in that order, each with the
/// index of its source. Figures cite their clusters, statements what each source said.
pub(crate) trait Cited {
    /// The cited claims, in evidence order.
    fn cited<'c>(&'c self, ctx: &'c Ctx<'_>) -> Vec<(usize, &'c Claim)>;
}

/// A finding with the evidence of every claim `cited` lists.
pub(crate) fn finding<T>(
    ctx: &Ctx<'_>,
    verdict: Verdict,
    kind: &str,
    summary: String,
    explanation: String,
    confidence: f64,
    cited: &[T],
) -> Finding
where
    [T]: Cited,
{
    // the claims one finding cites mostly share their unit, and many their speaker
    let mut shared = Shared::default();
    let evidence = cited
        .cited(ctx)
        .into_iter()
        .map(|(i, claim)| claim_evidence(i, claim, ctx.text(i, content_span(claim)), &mut shared))
        .collect();
    Finding {
        verdict,
        kind: kind.to_owned(),
        summary,
        explanation,
        confidence,
        evidence,
        independent_sources: None,
        diff: None,
    }
}

/// The strings of one finding's evidence, each held once however many entries show it: an
/// agreement over a large corpus cites thousands of claims of one unit (#22).
#[derive(Default)]
struct Shared(rustc_hash::FxHashSet<Arc<str>>);

impl Shared {
    fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return Arc::clone(a);
        }
        let a: Arc<str> = s.into();
        self.0.insert(Arc::clone(&a));
        a
    }
}

/// The span of a statement's content ([`claim_evidence`] quotes it); empty for a figure.
fn content_span(claim: &Claim) -> &crate::text::Span {
    match &claim.body {
        ClaimBody::Statement(st) => &st.content,
        ClaimBody::Quantity(_) => &(0..0),
    }
}

/// One evidence entry for a claim; `content` is the text of a statement's content.
fn claim_evidence(
    source_index: usize,
    claim: &Claim,
    content: &str,
    shared: &mut Shared,
) -> Evidence {
    let attribution = claim
        .attribution
        .as_ref()
        .map(|a| a.describe())
        .filter(|d| !d.is_empty())
        .map(|d| shared.get(&d));
    match &claim.body {
        ClaimBody::Quantity(q) => Evidence {
            source: source_index,
            span: claim.span.clone(),
            sentence: claim.sentence_span.clone(),
            number: q.number,
            value: Some(q.value),
            unit: Some(shared.get(&q.unit)),
            attribution,
            quote: None,
            scope: scope_text(q).map(|t| shared.get(&t)),
        },
        ClaimBody::Statement(st) => Evidence {
            source: source_index,
            span: claim.span.clone(),
            sentence: claim.sentence_span.clone(),
            number: None,
            value: None,
            unit: None,
            attribution,
            quote: st.direct.then(|| content.into()),
            scope: None,
        },
    }
}

/// One evidence entry for an entity mention; the sentence span comes from a claim of the
/// same sentence when there is one, else from the mention ([`Mention::sentence_span`]).
pub(crate) fn mention_evidence(
    source_index: usize,
    extraction: &Extraction,
    index: Option<&super::SentenceIndex>,
    mention: &Mention,
) -> Evidence {
    let sentence = index
        .and_then(|ix| ix.first_claim(mention.sentence))
        .and_then(|i| extraction.claims.get(i))
        .map(|c| c.sentence_span.clone())
        .unwrap_or_else(|| mention.sentence_span.clone());
    Evidence::at(source_index, mention.span.clone(), sentence)
}

/// The scope as written: time phrase, then place.
pub(crate) fn scope_text(q: &crate::extract::Quantity) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(t) = &q.scope.time {
        parts.push(t.text.clone());
    }
    if let Some(p) = &q.scope.place {
        parts.push(format!("in {p}"));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "people killed" (+ " since the coup" when `with_scope`).
pub(crate) fn quantity_summary(q: &crate::extract::Quantity, with_scope: bool) -> String {
    let mut s = q.counted.clone().unwrap_or_else(|| q.unit.clone());
    if let Some(e) = &q.event {
        if !s.contains(e.as_str()) {
            s.push(' ');
            s.push_str(e);
        }
    }
    if with_scope {
        if let Some(t) = scope_text(q) {
            s.push(' ');
            s.push_str(&t);
        }
    }
    s
}

/// A word-level diff of two renderings: whitespace-separated words compared as units,
/// consecutive words of one operation merged; every part but the first starts with a
/// space, so concatenating the parts of one side gives that side back (spaces normalised).
pub(crate) fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let diff = similar::TextDiff::configure().diff_slices(&wa, &wb);
    let mut out: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        let word = change.value();
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(word);
            }
            Some(_) => out.push(DiffPart {
                op,
                text: format!(" {word}"),
            }),
            None => out.push(DiffPart {
                op,
                text: word.to_owned(),
            }),
        }
    }
    out
}

/// Each credit as written with the sources that give it: "the CNE (01_cnn, 03_tass)".
/// `credits` maps a credit's key to how it reads and its sources.
pub(crate) fn credit_parts(
    credits: &std::collections::BTreeMap<String, (String, std::collections::BTreeSet<&str>)>,
) -> Vec<String> {
    credits
        .values()
        .map(|(shown, srcs)| {
            format!(
                "{shown} ({})",
                srcs.iter().copied().collect::<Vec<_>>().join(", ")
            )
        })
        .collect()
}

/// "a, b and 3 more" for lists in one-line explanations.
pub(crate) fn list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        return items.join("; ");
    }
    format!(
        "{}; and {} more",
        items[..max].join("; "),
        items.len() - max
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_evidence_of_one_finding_shares_its_strings() {
        let (_, ex) = crate::extract::extract_text(
            "Police said 40 people were hurt in the north. Police said 12 people were hurt in \
             the south.",
        );
        let mut shared = Shared::default();
        let ev: Vec<Evidence> = ex
            .claims
            .iter()
            .filter(|c| matches!(c.body, ClaimBody::Quantity(_)))
            .map(|c| claim_evidence(0, c, "", &mut shared))
            .collect();
        assert_eq!(ev.len(), 2, "{ev:?}");
        let (a, b) = (&ev[0], &ev[1]);
        assert_eq!(a.unit.as_deref(), Some("people"));
        assert_eq!(a.attribution.as_deref(), Some("Police"));
        let same = |x: &Option<Arc<str>>, y: &Option<Arc<str>>| {
            x.as_ref()
                .zip(y.as_ref())
                .is_some_and(|(x, y)| Arc::ptr_eq(x, y))
        };
        assert!(same(&a.unit, &b.unit));
        assert!(same(&a.attribution, &b.attribution));
    }

    #[test]
    fn word_diff_marks_changed_words_only() {
        let d = word_diff(
            "blacklisted by several Western countries",
            "blacklisted by a growing number of countries",
        );
        let ops: Vec<(DiffOp, &str)> = d.iter().map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (DiffOp::Equal, "blacklisted by"),
                (DiffOp::Delete, " several Western"),
                (DiffOp::Insert, " a growing number of"),
                (DiffOp::Equal, " countries"),
            ]
        );
    }
}

//! Compare: each [`Group`] becomes zero or more [`Finding`]s with a verdict, a one-line
//! explanation and a confidence. Precision first for `conflict`.
//!
//! Rules, precision first (a false conflict costs the fact-checker's trust):
//!
//! - `conflict`: same kind, unit, event, thing counted, place and subject (the nearest
//!   person or organisation outside the attribution); a known, equal time scope (or, for a
//!   cumulative kind with no scope, the same report date); intervals that do not overlap;
//!   sentences that share wording; no source giving both figures; not a power of 1,000
//!   apart (a misread multiplier). Two named claimants whose figures for one quantity
//!   cannot both hold are a conflict that names both ("organisers: 250,000; police:
//!   150,000"); a falling cumulative figure between report dates is a conflict unless it
//!   falls more than twofold (then one of the two is of another date or count).
//! - `different_scope`: one day vs cumulative, two periods, a part vs a whole, different
//!   things counted, other places, a rate vs a total, or a scope stated on one side only.
//! - `progression`: a cumulative figure that rises between report dates.
//! - `agreement`: compatible figures (a vague amount never conflicts), with the number of
//!   independent upstreams (an unnamed "activist groups" next to a named group is one).
//! - `quote_variant` / `attribution_variant` / `name_variant`: see below.
//!
//! Where each verdict is decided:
//!
//! - `conflict`, `progression`, `different_scope`, `agreement` and the credit variant
//!   of a figure: `quantities/` (clusters of identical signature in `cluster.rs`, then
//!   pairs in `mod.rs`), which asks `relation/` how two figures relate (the ladder in
//!   `mod.rs`: subject, status, claimants, report date, with the thresholds;
//!   `relation/scope.rs` says whether they measure one thing: period, event, part, thing
//!   counted, place); each verdict's findings are built in the file of its name
//!   (`quantities/conflict.rs`, `progression.rs`, `different_scope.rs`, `agreement.rs`);
//! - independent upstream sources of an agreement: `upstream.rs`;
//! - `quote_variant` and `attribution_variant` of statements: `statements.rs`;
//! - `name_variant`: `names.rs`; of one claimant credited with a place's name and with its
//!   adjective ("X's press office", "the Xian press office"): `claimants.rs`;
//! - agreements on dated occasions: `occasions.rs`; on events stated between the same
//!   parties (kind `statement`): `events.rs`;
//! - `interval.rs` relates and writes intervals; `explain.rs` builds evidence, summaries
//!   and word diffs.
//!
//! Output does not depend on the order of the sources: everything inside a group is
//! ordered by source id and position, and findings are sorted by [`sort_findings`].

mod claimants;
mod convert;
mod events;
mod explain;
mod interval;
mod names;
mod occasions;
mod places;
mod quantities;
mod relation;
mod statements;
#[cfg(test)]
mod test_support;
mod upstream;
pub(crate) use relation::scope_words;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{Group, Ref, Topic};
use crate::extract::{Claim, Extraction, Interval};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::text::{BySentence, Span};

/// The verdicts of DESIGN.md, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Same quantity and scope, intervals that cannot both hold.
    Conflict,
    /// A cumulative figure that rises between reports of different dates.
    Progression,
    /// Looks alike but measures something else.
    DifferentScope,
    /// The same statement credited to different speakers or conduits.
    AttributionVariant,
    /// The same speaker's statement in different words.
    QuoteVariant,
    /// One entity spelled differently.
    NameVariant,
    /// Same quantity and scope, compatible values.
    Agreement,
}

impl Verdict {
    /// The snake_case name used in JSON, the CLI and docs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Progression => "progression",
            Verdict::DifferentScope => "different_scope",
            Verdict::AttributionVariant => "attribution_variant",
            Verdict::QuoteVariant => "quote_variant",
            Verdict::NameVariant => "name_variant",
            Verdict::Agreement => "agreement",
        }
    }

    /// Every verdict, in report order.
    pub const ALL: [Verdict; 7] = [
        Verdict::Conflict,
        Verdict::Progression,
        Verdict::DifferentScope,
        Verdict::AttributionVariant,
        Verdict::QuoteVariant,
        Verdict::NameVariant,
        Verdict::Agreement,
    ];
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The verdict.
    pub verdict: Verdict,
    /// Claim kind id (`casualties`), or `quote`, `attribution`, `name`.
    pub kind: String,
    /// What the claims are about ("people killed since the coup").
    pub summary: String,
    /// Why the verdict ("same event and scope; 320 and 250 do not overlap").
    pub explanation: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The claims, one per source side by side, sorted by source then position.
    pub evidence: Vec<Evidence>,
    /// For agreements: how many independent upstream sources back the figure.
    pub independent_sources: Option<usize>,
    /// For quote variants: a word diff between the first two renderings.
    pub diff: Option<Vec<DiffPart>>,
}

/// One claim as shown in a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Index of the source.
    pub source: usize,
    /// Span of the claim text.
    pub span: Span,
    /// Span of the whole sentence.
    pub sentence: Span,
    /// Figure as written, for quantities.
    pub number: Option<f64>,
    /// Interval asserted, for quantities.
    pub value: Option<Interval>,
    /// Unit id, for quantities.
    pub unit: Option<Arc<str>>,
    /// Attribution chain ("TASS <- Fomin").
    pub attribution: Option<Arc<str>>,
    /// Direct quote, when the claim is one.
    pub quote: Option<Arc<str>>,
    /// Scope as written ("since the Feb. 1 coup"), when any.
    pub scope: Option<Arc<str>>,
}

impl Evidence {
    /// Evidence for a bare span of a source: no figure, attribution, quote or scope.
    pub fn at(source: usize, span: Span, sentence: Span) -> Evidence {
        Evidence {
            source,
            span,
            sentence,
            number: None,
            value: None,
            unit: None,
            attribution: None,
            quote: None,
            scope: None,
        }
    }
}

/// A piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the first rendering) or `insert` (only in the second).
    pub op: DiffOp,
    /// The words.
    pub text: String,
}

/// Word diff operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// In both.
    Equal,
    /// Only in the first.
    Delete,
    /// Only in the second.
    Insert,
}

/// Shared inputs of one comparison.
pub(crate) struct Ctx<'a> {
    pub(crate) sources: &'a [Source],
    pub(crate) extractions: &'a [Extraction],
    pub(crate) pack: &'a Pack,
    /// Per source, what each sentence holds: looked up per claim and per mention, where a
    /// scan of the whole extraction made a source dense with names quadratic.
    pub(crate) by_sentence: Vec<SentenceIndex>,
    /// Per source, the index in `place_trees` of its story's places.
    story_of: Vec<usize>,
    /// What each story's sources say of which place is in which.
    place_trees: Vec<places::PlaceTree>,
}

/// The mentions and the first claim of each sentence of one extraction.
#[derive(Default)]
pub(crate) struct SentenceIndex {
    /// The mentions of each sentence.
    mentions: BySentence,
    /// Sentence → the first claim in it.
    first_claim: BTreeMap<usize, usize>,
}

impl SentenceIndex {
    pub(crate) fn new(e: &Extraction) -> SentenceIndex {
        let mentions = BySentence::new(e.mentions.iter().map(|m| m.sentence));
        let mut first_claim = BTreeMap::new();
        for (i, c) in e.claims.iter().enumerate() {
            first_claim.entry(c.sentence).or_insert(i);
        }
        SentenceIndex {
            mentions,
            first_claim,
        }
    }

    /// The indices of the mentions of `sentence`, in their order in the extraction.
    pub(crate) fn mentions(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        self.mentions.of(sentence)
    }

    /// The first claim of `sentence`, if any.
    pub(crate) fn first_claim(&self, sentence: usize) -> Option<usize> {
        self.first_claim.get(&sentence).copied()
    }
}

impl<'a> Ctx<'a> {
    fn sid(&self, r: Ref) -> &'a str {
        self.sources.get(r.source).map_or("", |s| s.id.as_str())
    }

    /// The text of `span` in source `source`; empty when the span does not index it.
    fn text(&self, source: usize, span: &Span) -> &'a str {
        self.sources
            .get(source)
            .and_then(|s| s.text.get(span.clone()))
            .unwrap_or("")
    }

    fn claim(&self, r: Ref) -> Option<&'a Claim> {
        self.extractions.get(r.source)?.claims.get(r.item)
    }

    /// The places of the story of the source of `r`.
    fn places(&self, r: Ref) -> Option<&places::PlaceTree> {
        self.place_trees.get(*self.story_of.get(r.source)?)
    }
}

/// Gives every group its findings, sorted deterministically.
pub fn compare(
    groups: &[Group],
    sources: &[Source],
    extractions: &[Extraction],
    pack: &Pack,
) -> Vec<Finding> {
    let (story_of, place_trees) = places::trees(groups, extractions);
    let ctx = Ctx {
        sources,
        extractions,
        pack,
        by_sentence: extractions.par_iter().map(SentenceIndex::new).collect(),
        story_of,
        place_trees,
    };
    // Groups are independent: compared in parallel, collected in group order.
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .flat_map_iter(|g| {
            let mut found = match &g.topic {
                Topic::Quantity { .. } => quantities::quantities(&ctx, g),
                Topic::Statement { .. } => statements::statements(&ctx, g),
                Topic::Entity { .. } => names::names(&ctx, g),
                Topic::Occasion { .. } => occasions::occasions(&ctx, g),
                Topic::Event { .. } => events::events(&ctx, g),
            };
            // a group joined from sampled pairs says so in each of its findings
            if let Some(note) = &g.sample {
                for f in &mut found {
                    f.explanation.push_str(note);
                }
            }
            // kept until the report is written: a list of cited mentions, collected
            // without knowing its length, held up to twice its room (#22)
            for f in &mut found {
                f.evidence = crate::text::exact(std::mem::take(&mut f.evidence));
            }
            found
        })
        .collect();
    findings.extend(claimants::claimants(&ctx, groups));
    sort_findings(&mut findings);
    findings
}

/// Sorts findings by (verdict rank, kind, first source, line), the report order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            let first = f.evidence.first().map(|e| (e.source, e.span.start));
            (f.verdict, f.kind.clone(), first)
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| b.confidence.total_cmp(&a.confidence))
    });
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use jiff::civil::date;

    fn corpus() -> Vec<Doc> {
        let coup = date(2021, 2, 1);
        let mut docs = Vec::new();
        let ids = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"];
        for (i, id) in ids.into_iter().enumerate() {
            let text = "At least 320 people were killed since the coup; 250 people on Tuesday; Alexander Fomin said the talks were frank and useful for both sides.";
            let mut d = doc(id, text)
                .with(
                    q("At least 320 people", at_least(320.0))
                        .since("since the coup", coup)
                        .by("AAPP"),
                )
                .said(
                    "the talks were frank and useful for both sides",
                    "Fomin",
                    if i % 2 == 0 { &["TASS"] } else { &[] },
                )
                .named("Alexander Fomin", "alexander fomin");
            let v = if i % 3 == 0 { 250.0 } else { 300.0 };
            d = d.with(q("250 people", exact(v)).day("on Tuesday", QUAKE_DAY));
            docs.push(d);
        }
        docs
    }

    fn by_id(findings: &[Finding], order: &[&str]) -> Vec<String> {
        findings
            .iter()
            .map(|f| {
                let ev: Vec<String> = f
                    .evidence
                    .iter()
                    .map(|e| format!("{}@{}", order[e.source], e.span.start))
                    .collect();
                format!(
                    "{}|{}|{}|{}|{:?}",
                    f.verdict.as_str(),
                    f.kind,
                    f.explanation,
                    f.confidence,
                    ev
                )
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        #[test]
        fn findings_do_not_depend_on_source_order(seed in 0u64..1000) {
            let base = corpus();
            let order: Vec<&str> = base.iter().map(|d| d.id).collect();
            let expected = by_id(&run(base), &order);
            let mut docs = corpus();
            // Fisher-Yates with a tiny deterministic generator.
            let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            for i in (1..docs.len()).rev() {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                docs.swap(i, (x >> 33) as usize % (i + 1));
            }
            let order: Vec<&str> = docs.iter().map(|d| d.id).collect();
            let mut got = by_id(&run(docs), &order);
            let mut want = expected.clone();
            got.sort();
            want.sort();
            proptest::prop_assert_eq!(got, want);
        }
    }
}

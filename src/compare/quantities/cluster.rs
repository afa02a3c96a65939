//! Clusters of one quantity group: members with the same signature (value, scope, part,
//! thing counted, report date, subject) collapse into one, so a figure repeated by
//! thousands of sources costs one comparison; with each member the context words and the
//! companion figures of its sentence.

use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

use crate::align::score;
use crate::align::Ref;
use crate::compare::relation::counted_class;
use crate::compare::{explain, Ctx};
use crate::extract::{Claim, ClaimBody, Quantity};
use crate::normalize::fold;
use crate::normalize::stems::StemSet;

/// The figures of a sentence looked at for a companion: a line of figures (a results
/// table) pairs with anything, and is no snapshot of one moment.
const COMPANIONS_MAX: usize = 4;

pub(in crate::compare) struct Item<'a> {
    pub(in crate::compare) r: Ref,
    pub(in crate::compare) sid: &'a str,
    pub(in crate::compare) claim: &'a Claim,
    pub(in crate::compare) q: &'a Quantity,
    /// The person or organisation the figure is about: the nearest such mention in the
    /// sentence that is not part of the attribution ("the RPU won 142 seats").
    pub(in crate::compare) subject: Option<(String, String)>,
    /// Content stems of the sentence, numbers left out, plus entity keys: one set per
    /// sentence, shared by the figures of that sentence (a 2,000-byte sentence cut from a
    /// line of figures holds dozens).
    pub(in crate::compare) context: Arc<StemSet>,
    /// How the figure reads in an explanation when it was converted into another unit
    /// for the comparison ("5 miles"); `None`: its interval as it is.
    pub(in crate::compare) shown: Option<String>,
    /// The numbers of every figure of the sentence, this one's too: one list per
    /// sentence, shared by its figures (see `relation::shared_companion`).
    pub(in crate::compare) companions: Rc<Vec<f64>>,
}

impl<'a> Item<'a> {
    /// This figure as `q` (the same figure in another unit), read as `shown`.
    pub(super) fn view<'b>(&self, q: &'b Quantity, shown: String) -> Item<'b>
    where
        'a: 'b,
    {
        Item {
            r: self.r,
            sid: self.sid,
            claim: self.claim,
            q,
            subject: self.subject.clone(),
            context: Arc::default(),
            shown: Some(shown),
            companions: Rc::clone(&self.companions),
        }
    }
}

pub(in crate::compare) struct Cluster<'a> {
    pub(in crate::compare) items: Vec<Item<'a>>,
}

impl<'a> Cluster<'a> {
    pub(in crate::compare) fn rep(&self) -> &Item<'a> {
        &self.items[0]
    }
    pub(in crate::compare) fn sources(&self) -> BTreeSet<&'a str> {
        self.items.iter().map(|i| i.sid).collect()
    }
}

pub(super) fn signature(q: &Quantity) -> String {
    let t = q.scope.time.as_ref().map(|t| {
        (
            t.kind,
            t.from.map(|d| d.to_string()),
            t.to.map(|d| d.to_string()),
            fold(&t.text),
        )
    });
    format!(
        "{}|{:?}|{:?}|{}|{}|{}|{:?}|{:?}|{:?}|{:?}",
        q.unit,
        (
            q.value.min,
            q.value.max,
            q.value.min_inclusive,
            q.value.max_inclusive
        ),
        q.number,
        q.vague,
        q.part,
        counted_class(q).unwrap_or_default(),
        t,
        q.scope.place.as_deref().map(fold),
        q.scope.as_of.map(|d| d.to_string()),
        (&q.event, q.status),
    )
}

/// How alike the sentences of two clusters are: the best Jaccard of their stems over the
/// first few members of each, so a terse headline standing first in a cluster does not
/// hide the body sentence that repeats its figure.
pub(super) fn context_similarity(a: &Cluster<'_>, b: &Cluster<'_>) -> f64 {
    const MEMBERS: usize = 4;
    a.items
        .iter()
        .take(MEMBERS)
        .flat_map(|x| {
            b.items
                .iter()
                .take(MEMBERS)
                .map(move |y| score::jaccard(&x.context, &y.context))
        })
        .fold(0.0, f64::max)
}
/// The context words of a claim's sentence: its content stems, numbers left out (as
/// extract recorded them), plus the keys of the names in it. Depends on the claim's
/// source and sentence only. A sentence without names shares extract's set.
pub(super) fn context(ctx: &Ctx<'_>, r: Ref, claim: &Claim, q: &Quantity) -> Arc<StemSet> {
    let mut keys = Vec::new();
    if let Some(ex) = ctx.extractions.get(r.source) {
        let in_sentence = ctx
            .by_sentence
            .get(r.source)
            .into_iter()
            .flat_map(|ix| ix.mentions(claim.sentence))
            .filter_map(|i| ex.mentions.get(i));
        keys.extend(in_sentence.map(|m| format!("@{}", m.key)));
    }
    if keys.is_empty() {
        return Arc::clone(&q.sentence_stems);
    }
    Arc::new(q.sentence_stems.with(keys))
}

/// The numbers of the figures of one sentence, as written ("87 vessels and 18 aircraft":
/// 87 and 18); none for a sentence of more than [`COMPANIONS_MAX`] figures.
pub(super) fn numbers_of_sentence(ctx: &Ctx<'_>, source: usize, sentence: usize) -> Vec<f64> {
    let (Some(ex), Some(ix)) = (ctx.extractions.get(source), ctx.by_sentence.get(source)) else {
        return Vec::new();
    };
    let Some(first) = ix.first_claim(sentence) else {
        return Vec::new();
    };
    let numbers = ex.claims[first..]
        .iter()
        .take_while(|c| c.sentence == sentence)
        .filter_map(|c| match &c.body {
            ClaimBody::Quantity(q) => q.number,
            ClaimBody::Statement(_) => None,
        })
        .take(COMPANIONS_MAX + 1)
        .collect::<Vec<f64>>();
    if numbers.len() > COMPANIONS_MAX {
        return Vec::new();
    }
    numbers
}

/// A figure finding cites the claims of its clusters, by source id and place.
impl explain::Cited for [&Cluster<'_>] {
    fn cited<'c>(&'c self, ctx: &'c Ctx<'_>) -> Vec<(usize, &'c Claim)> {
        let mut refs: Vec<(&str, usize, Ref)> = self
            .iter()
            .flat_map(|c| c.items.iter())
            .map(|i| (i.sid, i.claim.span.start, i.r))
            .collect();
        refs.sort();
        refs.dedup();
        refs.iter()
            .filter_map(|&(_, _, r)| Some((r.source, ctx.claim(r)?)))
            .collect()
    }
}
#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::compare::{Finding, Verdict};

    use jiff::civil::date;

    #[test]
    fn figures_beside_one_same_other_figure_are_one_moment() {
        // two reports of a search fleet, each with `h` helicopters beside its ships
        let fleets = |h: &'static str| {
            let fleet = |id, text: String, ships: (&'static str, f64, &'static str)| {
                let helicopters: &'static str =
                    Box::leak(format!("{h} helicopters").into_boxed_str());
                doc(id, &text)
                    .with(
                        q(ships.0, exact(ships.1))
                            .kind("counts", "items", "", ships.2)
                            .no_event(),
                    )
                    .also(
                        q(helicopters, exact(h.parse().unwrap_or(0.0)))
                            .kind("counts", "items", "", "helicopters")
                            .no_event(),
                    )
            };
            run(vec![
                fleet(
                    "a",
                    format!("Rescuers sent 40 vessels and {h} helicopters to the reef."),
                    ("40 vessels", 40.0, "vessels"),
                ),
                fleet(
                    "b",
                    format!("A search is under way with 25 ships and {h} helicopters taking part."),
                    ("25 ships", 25.0, "ships"),
                ),
            ])
        };
        let f = fleets("12");
        let conflicts: Vec<&Finding> = f
            .iter()
            .filter(|x| x.verdict == Verdict::Conflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{f:#?}");
        assert!(
            conflicts[0]
                .explanation
                .contains("both sentences also give 12"),
            "{}",
            conflicts[0].explanation
        );
        // a shared "2" is in too many sentences to say anything
        let f = fleets("2");
        assert!(f.iter().all(|x| x.verdict != Verdict::Conflict), "{f:#?}");
        // without the shared 12, the two sentences say nothing alike
        let f = run(vec![
            doc("a", "Rescuers sent 40 vessels to the reef.").with(
                q("40 vessels", exact(40.0))
                    .kind("counts", "items", "", "vessels")
                    .no_event(),
            ),
            doc("b", "A search is under way with 25 ships taking part.").with(
                q("25 ships", exact(25.0))
                    .kind("counts", "items", "", "ships")
                    .no_event(),
            ),
        ]);
        assert!(f.iter().all(|x| x.verdict != Verdict::Conflict), "{f:#?}");
    }

    #[test]
    fn a_terse_headline_first_in_a_cluster_does_not_hide_a_same_day_conflict() {
        let day = date(2025, 3, 4);
        let text = "Quake toll climbs to 2,300\n\nThe number of people killed by the \
                    earthquake has risen to 2,300, the agency said at its evening briefing on Tuesday.";
        let headline = find(text, "Quake toll climbs to 2,300");
        let a = doc("a", text)
            .with(q("2,300", exact(2300.0)).reported(day))
            .with(q("to 2,300,", exact(2300.0)).reported(day));
        let mut a = a;
        a.ex.claims[0].span = find(text, "2,300");
        a.ex.claims[0].sentence_span = headline;
        let b = doc(
            "b",
            "The agency put the death toll from the earthquake at 1,650 at its evening briefing on Tuesday.",
        )
        .with(q("1,650", exact(1650.0)).reported(day));
        let f = run(vec![a, b]);
        assert_eq!(verdicts(&f), ["conflict"]);
        assert!(f[0].explanation.contains("2,300 and 1,650 do not overlap"));
    }
}

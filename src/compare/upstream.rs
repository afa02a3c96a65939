//! Who a figure comes from: a claim's upstream, and how many independent upstreams stand
//! behind agreeing figures.
//!
//! Input: a claim, or the clusters of an agreement; output: its [`Upstream`], or the
//! count and names of independent upstream sources (republished copies counted once).

use std::collections::{BTreeMap, BTreeSet};

use super::quantities::Cluster;
use crate::align::{block, score};
use crate::extract::Claim;
use crate::normalize::fold;
use crate::normalize::stems::StemSet;

pub(super) struct Upstream {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) named: bool,
}

/// The upstream of a claim: the speaker, else the innermost conduit. `named` is false for
/// unnamed groups ("activist groups", "officials"): no capital letter in the name.
pub(super) fn upstream(claim: &Claim) -> Option<Upstream> {
    let a = claim.attribution.as_ref()?;
    let party = a.speaker.as_ref().or(a.chain.last())?;
    let key = if party.key.is_empty() {
        fold(&party.name)
    } else {
        party.key.clone()
    };
    Some(Upstream {
        key,
        name: party.name.clone(),
        named: party.name.chars().any(char::is_uppercase),
    })
}

/// Independent upstream sources behind compatible figures: distinct named upstreams; an
/// unnamed or missing credit next to a named one is assumed to repeat it (the values
/// match); with no named upstream, distinct unnamed credits plus distinct uncredited
/// sources. Vague amounts ("hundreds") count only when no member gives a figure: they
/// join an agreement, they do not name its upstream. Uncredited sources that carry nearly
/// the same sentence (one wire paragraph republished, lightly edited) count once; past
/// [`COPIES_CHECKED`] of them none is checked, and the third part is the note that says so.
pub(super) fn independent_sources(
    members: &[&Cluster<'_>],
) -> (usize, Vec<String>, Option<String>) {
    let mut named: BTreeMap<String, String> = BTreeMap::new();
    let mut unnamed: BTreeSet<String> = BTreeSet::new();
    let mut bare: BTreeMap<&str, Vec<&StemSet>> = BTreeMap::new();
    let precise = members.iter().any(|c| !c.rep().q.vague);
    for c in members.iter().filter(|c| !precise || !c.rep().q.vague) {
        for item in &c.items {
            match upstream(item.claim) {
                Some(u) if u.named => {
                    named.entry(u.key).or_insert(u.name);
                }
                Some(u) => {
                    unnamed.insert(u.key);
                }
                None => bare.entry(item.sid).or_default().push(&item.context),
            }
        }
    }
    if !named.is_empty() {
        let names: Vec<String> = named.into_values().collect();
        return (names.len(), names, None);
    }
    let names: Vec<String> = unnamed.iter().cloned().collect();
    let note = (bare.len() > COPIES_CHECKED).then(|| {
        format!(
            "; not checked for copies: {} uncredited sources, more than the {COPIES_CHECKED} compared with each other, each counted as independent",
            bare.len()
        )
    });
    ((unnamed.len() + copied_once(&bare)).max(1), names, note)
}

/// The most uncredited sources compared with each other for copies: past it every
/// source counts (no pairwise work on thousands), and the finding says so.
const COPIES_CHECKED: usize = 64;

/// Uncredited sources, counting once those that share a near-identical long sentence.
/// Past a few dozen sources every source counts (no pairwise work on thousands).
fn copied_once(bare: &BTreeMap<&str, Vec<&StemSet>>) -> usize {
    /// Stems a sentence needs before its repetition says "copy", not "coincidence".
    const COPY_MIN_STEMS: usize = 8;
    /// Stem overlap (Jaccard) of a republished paragraph with light edits.
    const COPY_MIN_OVERLAP: f64 = 0.6;
    if bare.len() > COPIES_CHECKED {
        return bare.len();
    }
    let sources: Vec<&Vec<&StemSet>> = bare.values().collect();
    let copies = |a: &StemSet, b: &StemSet| {
        a.len().min(b.len()) >= COPY_MIN_STEMS && score::jaccard(a, b) >= COPY_MIN_OVERLAP
    };
    let mut uf = block::UnionFind::new(sources.len());
    for i in 0..sources.len() {
        for j in i + 1..sources.len() {
            if sources[i]
                .iter()
                .any(|a| sources[j].iter().any(|b| copies(a, b)))
            {
                uf.union(i, j);
            }
        }
    }
    uf.components().len()
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::extract::Interval;
    use jiff::civil::date;

    #[test]
    fn one_agency_repeated_by_two_outlets_counts_once_and_unnamed_groups_join_it() {
        let coup = date(2021, 2, 1);
        let f = run(vec![
            doc(
                "a",
                "Activist groups count at least 320 people killed since the coup.",
            )
            .with(
                q("at least 320 people", at_least(320.0))
                    .since("since the coup", coup)
                    .by("activist groups"),
            ),
            doc(
                "b",
                "Police killed 320 people since the coup, according to the AAPP.",
            )
            .with(
                q("320 people", exact(320.0))
                    .since("since the coup", coup)
                    .by("AAPP"),
            ),
            doc("c", "The AAPP says 320 people were killed since the coup.").with(
                q("320 people", exact(320.0))
                    .since("since the coup", coup)
                    .by("AAPP"),
            ),
        ]);
        assert_eq!(verdicts(&f), ["attribution_variant", "agreement"]);
        let (variant, agreement) = (&f[0], &f[1]);
        assert_eq!(agreement.independent_sources, Some(1));
        assert_eq!(agreement.evidence.len(), 3);
        assert_eq!(agreement.summary, "people killed since the coup");
        assert!(
            variant
                .explanation
                .contains("AAPP (b, c); activist groups (a)"),
            "{}",
            variant.explanation
        );
    }

    /// `n` sources that carry one uncredited wire sentence with its figure.
    fn wire_copies(n: usize) -> Vec<crate::compare::Finding> {
        let text = "The storm at Port Elden destroyed 140 homes along the northern shore of \
                    the bay before crews could reach the harbour district.";
        run((0..n)
            .map(|i| {
                doc(id(i), text).with(q("140 homes", exact(140.0)).kind(
                    "counts",
                    "homes",
                    "destroyed",
                    "homes",
                ))
            })
            .collect())
    }

    #[test]
    fn uncredited_sources_past_the_copy_check_say_they_were_not_checked() {
        let f = wire_copies(70);
        assert_eq!(verdicts(&f), ["agreement"], "{f:?}");
        assert_eq!(f[0].independent_sources, Some(70));
        assert!(
            f[0].explanation.ends_with(
                "; not checked for copies: 70 uncredited sources, more than the 64 compared \
                 with each other, each counted as independent"
            ),
            "{}",
            f[0].explanation
        );
        // checked: the copies count once, and nothing is said
        let f = wire_copies(60);
        assert_eq!(f[0].independent_sources, Some(1));
        assert!(
            !f[0].explanation.contains("checked"),
            "{}",
            f[0].explanation
        );
    }

    #[test]
    fn a_republished_paragraph_is_one_upstream_but_separate_reporting_is_two() {
        let wire = "Military links between the two governments have deepened over the past \
                    decade, with Moscow schooling thousands of soldiers and supplying weapons to \
                    an army under Western sanctions.";
        let edited = "Military links between Russia and Myanmar have deepened over the past \
                      decade, with Moscow schooling thousands of soldiers and supplying weapons \
                      to an army under sanctions by several Western states.";
        let own = "Officers told us that thousands of soldiers have studied at Russian academies.";
        let soldiers = |id, text: &str| {
            doc(id, text).with(
                q(
                    "thousands of soldiers",
                    Interval::closed(Some(2000.0), Some(19999.0)),
                )
                .kind("counts", "people", "trained", "soldiers")
                .vague(),
            )
        };
        let copied = run(vec![soldiers("a", wire), soldiers("b", edited)]);
        assert_eq!(verdicts(&copied), ["agreement"]);
        assert_eq!(copied[0].independent_sources, Some(1));
        let separate = run(vec![soldiers("a", wire), soldiers("c", own)]);
        assert_eq!(verdicts(&separate), ["agreement"]);
        assert_eq!(separate[0].independent_sources, Some(2));
    }
}

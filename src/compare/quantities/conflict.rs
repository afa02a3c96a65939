//! Conflicts of one quantity group: the conflicting pairs of clusters merged per pair of
//! agreeing sides, and the checks that a source giving both figures is no rival count.

use std::collections::{BTreeMap, BTreeSet};

use crate::compare::explain::finding;
use crate::compare::interval::is_above;
use crate::compare::relation::same_party;
use crate::compare::upstream::upstream;
use crate::compare::{explain, Ctx, Finding, Verdict};

use super::credits::{credit_variant, Figures};
use super::{Cluster, Sourced};
use crate::extract::Quantity;

/// At most this many conflict findings come from one group, the most confident first; each
/// says how many there were. Hundreds of distinct figures credited to as many claimants
/// (text written to provoke it) would otherwise give one conflict per pair of figures,
/// each listing every claim of both, an output of hundreds of times the input.
const CONFLICTS_LISTED: usize = 64;

/// One conflict finding per pair of agreeing sides: when 2,300 (two wordings, two
/// sources) and 1,650 disagree, that is one disagreement, not one per wording. The
/// strongest pair explains it; the others are counted. At most [`CONFLICTS_LISTED`] are
/// built.
pub(super) fn merged_conflicts(
    ctx: &Ctx<'_>,
    kind_id: &str,
    clusters: &[Cluster<'_>],
    cliques: &[Vec<usize>],
    conflicts: Vec<(usize, usize, f64, String)>,
) -> Vec<Finding> {
    let mut clique_of = vec![usize::MAX; clusters.len()];
    for (k, clique) in cliques.iter().enumerate() {
        for &i in clique {
            if let Some(slot) = clique_of.get_mut(i) {
                *slot = k;
            }
        }
    }
    let side = |i: usize| clique_of.get(i).copied().unwrap_or(usize::MAX);
    // (side, side) -> (clusters, (confidence, explanation) of each pair)
    type Merged = BTreeMap<(usize, usize), (BTreeSet<usize>, Vec<(f64, String)>)>;
    let mut merged: Merged = BTreeMap::new();
    for (a, b, confidence, why) in conflicts {
        let key = (side(a).min(side(b)), side(a).max(side(b)));
        let e = merged.entry(key).or_default();
        e.0.extend([a, b]);
        e.1.push((confidence, why));
    }
    let mut merged: Vec<(BTreeSet<usize>, f64, String)> = merged
        .into_values()
        .filter_map(|(members, mut whys)| {
            // strongest first; equal confidence keeps the pair order
            whys.sort_by(|x, y| y.0.total_cmp(&x.0));
            let (confidence, mut why) = whys.first().cloned()?;
            if whys.len() > 1 {
                let more = whys.len() - 1;
                why.push_str(&format!(
                    "; {more} other pair{} of these figures disagree{} the same way",
                    if more == 1 { "" } else { "s" },
                    if more == 1 { "s" } else { "" }
                ));
            }
            Some((members, confidence, why))
        })
        .collect();
    let total = merged.len();
    if total > CONFLICTS_LISTED {
        // the most confident, in their own order; the note says how many there were
        let mut by_confidence: Vec<usize> = (0..total).collect();
        by_confidence.sort_by(|&a, &b| merged[b].1.total_cmp(&merged[a].1));
        let mut keep = vec![false; total];
        for &i in by_confidence.iter().take(CONFLICTS_LISTED) {
            keep[i] = true;
        }
        let mut kept = keep.into_iter();
        merged.retain(|_| kept.next().unwrap_or(false));
        for (_, _, why) in &mut merged {
            why.push_str(&format!(
                "; {total} conflicts among these figures, the {CONFLICTS_LISTED} most confident listed"
            ));
        }
    }
    let mut findings = Vec::new();
    for (members, confidence, why) in merged {
        let members: Vec<&Cluster<'_>> = members.iter().map(|&i| &clusters[i]).collect();
        let Some(first) = members.first() else {
            continue;
        };
        findings.push(finding(
            ctx,
            Verdict::Conflict,
            kind_id,
            explain::quantity_summary(first.rep().q, true),
            why,
            confidence,
            &members,
        ));
        // who says what: "organisers: 250,000; police: 150,000"
        findings.extend(credit_variant(
            ctx,
            &members,
            Figures::Apart("that disagree"),
        ));
    }
    findings
}
/// Whether source `s` of cluster `c` also writes, for the same event and not credited to
/// another party, a figure of a cluster other than `c` and `other` that `fits`. Bounded
/// by the clusters of the source.
fn also_writes(
    sourced: &Sourced<'_, '_>,
    s: &str,
    (c, other): (usize, usize),
    fits: impl Fn(&Quantity) -> bool,
) -> bool {
    let clusters = sourced.clusters;
    let q = clusters[c].rep().q;
    sourced.by_source.get(s).is_some_and(|own| {
        own.iter().any(|&o| {
            let qo = clusters[o].rep().q;
            o != c
                && o != other
                && qo.event == q.event
                && fits(qo)
                && !credits_differ(clusters, c, o, s)
        })
    })
}

/// Whether a source of cluster `a` also writes, for the same event, the number of cluster
/// `b` ("477" in a caption, "459" in the text): that source knows both numbers. A bound
/// that merely contains it ("more than 280" beside 291) is not the number, and a source
/// that credits the two numbers to two different parties ("organisers said 750,000,
/// police put it at 500,000") reports their dispute rather than correcting itself.
pub(super) fn knows(sourced: &Sourced<'_, '_>, a: usize, b: usize) -> bool {
    let qb = sourced.clusters[b].rep().q;
    sourced.sources[a].iter().any(|s| {
        also_writes(sourced, s, (a, b), |qc| {
            qc.number.is_some() && qc.number == qb.number && qc.unit == qb.unit
        })
    })
}

/// Whether the lower of clusters `a` and `b` is, in each of its sources, overtaken by a
/// figure of its own for a running count ([`outgrown`]) whose lower bound reaches the
/// higher cluster's: its lower figure is an earlier state of the count (a stale headline
/// over an updated body: "kills 150" over "320 bodies so far"), not its report of that
/// date. A bound like "more than 280" reaches nothing above 280.
pub(super) fn overtaken(sourced: &Sourced<'_, '_>, a: usize, b: usize) -> bool {
    let clusters = sourced.clusters;
    let (qa, qb) = (clusters[a].rep().q, clusters[b].rep().q);
    let (low, high) = if is_above(&qa.value, &qb.value) {
        (b, a)
    } else if is_above(&qb.value, &qa.value) {
        (a, b)
    } else {
        return false;
    };
    let Some(floor) = clusters[high].rep().q.value.min else {
        return false;
    };
    outgrown(sourced, (low, high), |m| m >= floor)
}

/// Whether the later of two rising clusters `a` and `b` is a stale figure: each of its
/// sources has outgrown it on that report date ([`outgrown`], a figure whose lower bound
/// is above its upper one: a headline under a higher body). It is no step of the count.
pub(super) fn stale_step(sourced: &Sourced<'_, '_>, a: usize, b: usize) -> bool {
    let clusters = sourced.clusters;
    let (qa, qb) = (clusters[a].rep().q, clusters[b].rep().q);
    let (late, early) = if qa.scope.as_of > qb.scope.as_of {
        (a, b)
    } else {
        (b, a)
    };
    let Some(top) = clusters[late].rep().q.value.max else {
        return false;
    };
    outgrown(sourced, (late, early), |m| m > top)
}

/// Whether each source of cluster `c` also writes ([`also_writes`], a cluster other than
/// `c` and `other`), in the same unit and at the same report date, a figure whose lower
/// bound `reaches`: for a running count, `c` is an earlier state of that source's count.
fn outgrown(
    sourced: &Sourced<'_, '_>,
    (c, other): (usize, usize),
    reaches: impl Fn(f64) -> bool,
) -> bool {
    let q = sourced.clusters[c].rep().q;
    let sources = &sourced.sources[c];
    !sources.is_empty()
        && sources.iter().all(|s| {
            also_writes(sourced, s, (c, other), |qo| {
                qo.unit == q.unit
                    && qo.scope.as_of == q.scope.as_of
                    && qo.value.min.is_some_and(&reaches)
            })
        })
}

/// Whether source `s` credits its figures in clusters `a` and `b` to two different
/// parties ("organisers said 750,000, police put it at 500,000"): it reports a dispute.
pub(super) fn credits_differ(clusters: &[Cluster<'_>], a: usize, b: usize, s: &str) -> bool {
    let credit = |c: usize| {
        clusters[c]
            .items
            .iter()
            .find(|i| i.sid == s)
            .and_then(|i| upstream(i.claim))
            .map(|u| u.key)
    };
    match (credit(a), credit(b)) {
        (Some(x), Some(y)) => !same_party(&x, &y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::compare::{Finding, Verdict};

    use jiff::civil::{date, Date};

    #[test]
    fn one_disagreement_repeated_by_two_agreeing_sources_is_one_conflict() {
        let seats = |id, v: f64, phrase: &'static str, d: Date| {
            doc(
                id,
                &format!("The ruling party won {phrase} in Sunday's parliamentary election."),
            )
            .with(
                q(phrase, exact(v))
                    .kind("votes", "seats", "won", "seats")
                    .reported(d),
            )
        };
        let f = run(vec![
            seats("a", 142.0, "142 seats", date(2024, 11, 21)),
            seats("b", 142.0, "142 seats", date(2024, 11, 22)),
            seats("c", 124.0, "124 seats", date(2024, 11, 22)),
        ]);
        let conflicts: Vec<&Finding> = f
            .iter()
            .filter(|f| f.verdict == Verdict::Conflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{f:#?}");
        assert_eq!(conflicts[0].evidence.len(), 3);
        assert!(conflicts[0]
            .explanation
            .ends_with("1 other pair of these figures disagrees the same way"));
    }

    #[test]
    fn a_source_that_gives_both_figures_is_not_contradicting_anyone() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc(
                "a",
                "To close a $310m budget gap the city draws $85m from its reserve budget.",
            )
            .with(money("$310m", 3.1e8))
            .with(money("$85m", 8.5e7)),
            doc(
                "b",
                "To close a $310m budget gap the city draws on its reserve budget.",
            )
            .with(money("$310m", 3.1e8)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert!(verdicts(&f).contains(&"agreement"));
    }
}

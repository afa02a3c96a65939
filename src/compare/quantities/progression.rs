//! Progressions of one quantity group: clusters linked by rises, in report-date order.

use std::collections::{BTreeMap, BTreeSet};

use crate::align::block;
use crate::compare::explain::finding;
use crate::compare::{explain, interval, Ctx, Finding, Verdict};

use super::credits::{credit_variant, Figures};
use super::Cluster;

/// A rise between report dates is plain from the figures; only a misread date undoes it.
const PROGRESSION_CONFIDENCE: f64 = 0.8;

/// One progression finding per chain of clusters linked by rises.
pub(super) fn progressions(
    ctx: &Ctx<'_>,
    kind_id: &str,
    clusters: &[Cluster<'_>],
    rises: &[(usize, usize)],
) -> Vec<Finding> {
    let n = clusters.len();
    let mut findings = Vec::new();
    // Progressions: clusters linked by rises, in report-date order.
    // A chain is keyed by its smallest cluster (the union-find representative).
    let mut uf = block::UnionFind::new(n);
    for &(a, b) in rises {
        uf.union(a, b);
    }
    let mut chains: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &(a, b) in rises {
        let r = uf.find(a);
        chains.entry(r).or_default().extend([a, b]);
    }
    for chain in chains.values() {
        let mut members: Vec<&Cluster<'_>> = chain.iter().map(|&i| &clusters[i]).collect();
        members.sort_by_key(|c| c.rep().q.scope.as_of);
        let steps = progression_steps(&members);
        findings.push(finding(
            ctx,
            Verdict::Progression,
            kind_id,
            explain::quantity_summary(members[0].rep().q, true),
            format!(
                "cumulative figure rises between reports: {}",
                steps.join(" -> ")
            ),
            PROGRESSION_CONFIDENCE,
            &members,
        ));
        findings.extend(credit_variant(
            ctx,
            &members,
            Figures::Apart("that rise from report to report"),
        ));
    }
    findings
}

/// The steps of a progression, one per report date: the figures of that date, lowest
/// first, and a note when sources disagree on one date (that pair is reported as a
/// conflict of its own; one source's headline and body are not a disagreement).
fn progression_steps(members: &[&Cluster<'_>]) -> Vec<String> {
    let mut by_date: BTreeMap<Option<jiff::civil::Date>, Vec<&Cluster<'_>>> = BTreeMap::new();
    for c in members {
        by_date.entry(c.rep().q.scope.as_of).or_default().push(c);
    }
    by_date
        .into_iter()
        .map(|(date, mut cs)| {
            let low = |c: &Cluster<'_>| c.rep().q.number.or(c.rep().q.value.min);
            cs.sort_by(|a, b| {
                low(a)
                    .unwrap_or(f64::MIN)
                    .total_cmp(&low(b).unwrap_or(f64::MIN))
            });
            let mut shown: Vec<String> = Vec::new();
            for c in &cs {
                let d = interval::describe(&c.rep().q.value);
                if !shown.contains(&d) {
                    shown.push(d);
                }
            }
            let disagree = cs.iter().enumerate().any(|(i, a)| {
                cs[i + 1..].iter().any(|b| {
                    !a.rep().q.value.overlaps(&b.rep().q.value)
                        && a.sources().is_disjoint(&b.sources())
                })
            });
            let date = date.map_or_else(|| "undated".to_owned(), |d| d.to_string());
            format!(
                "{} ({date}{})",
                shown.join(" / "),
                if disagree { ", not consistent" } else { "" }
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;

    use jiff::civil::date;

    #[test]
    fn a_progression_lists_each_report_date_once_and_flags_a_same_day_disagreement() {
        let f = run(vec![
            toll("a", 1200.0, "1,200 people", date(2025, 3, 3)),
            toll("b", 2300.0, "2,300 people", date(2025, 3, 4)),
            toll("c", 1650.0, "1,650 people", date(2025, 3, 4)),
            toll("d", 3100.0, "3,100 people", date(2025, 3, 6)),
        ]);
        assert_eq!(verdicts(&f), ["conflict", "progression"]);
        assert!(f[0].explanation.contains("as of 2025-03-04"));
        assert!(
            f[1].explanation.ends_with(
                "1,200 (2025-03-03) -> 1,650 / 2,300 (2025-03-04, not consistent) -> 3,100 (2025-03-06)"
            ),
            "{}",
            f[1].explanation
        );
    }
}

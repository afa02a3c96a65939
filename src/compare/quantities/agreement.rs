//! Agreements of one quantity group: greedy cliques of pairwise-compatible clusters, one
//! agreement per clique of two sources or more, and who each is credited to.

use std::collections::{BTreeMap, BTreeSet};

use crate::compare::convert;
use crate::compare::explain::finding;
use crate::compare::upstream::independent_sources;
use crate::compare::{explain, interval, Ctx, Finding, Verdict};

use super::credits::{credit_variant, Figures};
use super::Cluster;

/// Compatible values, one stated scope on both sides.
const AGREEMENT_CONFIDENCE: f64 = 0.9;

/// Compatible values whose scope is stated on one side only, or that stand next to two
/// different names: they may still measure different things.
const WEAK_AGREEMENT_CONFIDENCE: f64 = 0.6;

/// Two written figures this close (larger over smaller) are renderings of one figure
/// ("an estimated 4,625,000" and "over 4.6 million"), not merely compatible values.
const NEAR_RENDERING_MAX_RATIO: f64 = 1.05;

/// Greedy cliques of the agreeing pairs of clusters (`agree`), `weak` links counting
/// less; every cluster is in one clique.
pub(super) fn cliques(
    clusters: &[Cluster<'_>],
    agree: &BTreeSet<(usize, usize)>,
    weak: &BTreeSet<(usize, usize)>,
) -> Vec<Vec<usize>> {
    let n = clusters.len();
    // Agreements: greedy cliques of pairwise-compatible clusters, biggest clusters first. Vague amounts go last, so that they join the figures they fit rather than
    // gathering unrelated ones; a cluster joins the compatible clique that holds the most
    // figures written as it is, then nearly as it is, then the one with which it has the
    // most same-scope links.
    // Only a clique holding one of a cluster's agreeing neighbours can take it, so those
    // are the only ones looked at (in clique order, as a scan of all would meet them):
    // thousands of figures that agree with nothing cost no scan of thousands of cliques.
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in agree {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let number = |j: usize| clusters[j].rep().q.number;
    let near = |i: usize, j: usize| match (number(i), number(j)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 && x != y => {
            x.max(y) / x.min(y) <= NEAR_RENDERING_MAX_RATIO
        }
        _ => false,
    };
    // Of clusters of one size, figures with a near rendering among their neighbours go
    // first, so that the two renderings meet before either joins a looser agreement that
    // the other cannot.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        (
            clusters[i].rep().q.vague,
            std::cmp::Reverse(clusters[i].items.len()),
            !neighbours[i].iter().any(|&j| near(i, j)),
        )
    });
    let mut clique_of: Vec<Option<usize>> = vec![None; n];
    let mut cliques: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let key = |a: usize, b: usize| (a.min(b), a.max(b));
        let edge = |a: usize, b: usize| agree.contains(&key(a, b));
        // the same figure as written first ("at least 3 million" twice), then a figure
        // written nearly alike ("4,625,000" and "over 4.6 million", rather than "more
        // than a million"), then strong links
        let strong = |c: &Vec<usize>| {
            (
                c.iter()
                    .filter(|&&j| number(j).is_some() && number(j) == number(i))
                    .count(),
                c.iter().filter(|&&j| near(i, j)).count(),
                c.iter().filter(|&&j| !weak.contains(&key(i, j))).count(),
            )
        };
        let candidates: BTreeSet<usize> =
            neighbours[i].iter().filter_map(|&j| clique_of[j]).collect();
        let best = candidates
            .into_iter()
            .filter(|&k| cliques[k].iter().all(|&j| edge(i, j)))
            .fold(None::<((usize, usize, usize), usize)>, |best, k| {
                let s = strong(&cliques[k]);
                match best {
                    Some((bs, b)) if bs >= s => Some((bs, b)),
                    _ => Some((s, k)),
                }
            });
        let k = match best {
            Some((_, k)) => k,
            None => {
                cliques.push(Vec::new());
                cliques.len() - 1
            }
        };
        cliques[k].push(i);
        clique_of[i] = Some(k);
    }
    cliques
}

/// One agreement per clique of two sources or more, and its credit variant if any.
pub(super) fn agreements(
    ctx: &Ctx<'_>,
    kind_id: &str,
    clusters: &[Cluster<'_>],
    cliques: Vec<Vec<usize>>,
    weak: &BTreeSet<(usize, usize)>,
    notes: &BTreeMap<(usize, usize), String>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for clique in cliques {
        let members: Vec<&Cluster<'_>> = clique.iter().map(|&i| &clusters[i]).collect();
        let sources: BTreeSet<&str> = members.iter().flat_map(|c| c.sources()).collect();
        if sources.len() < 2 {
            continue;
        }
        let is_weak = clique
            .iter()
            .any(|&a| clique.iter().any(|&b| a < b && weak.contains(&(a, b))));
        let independent = independent_sources(&members);
        let units: BTreeSet<&str> = members.iter().map(|c| c.rep().q.unit.as_str()).collect();
        let values: BTreeSet<String> = members
            .iter()
            .map(|c| {
                let q = c.rep().q;
                match ctx.pack.unit(&q.unit).filter(|_| units.len() > 1) {
                    Some(u) => convert::show(q, u),
                    None => interval::describe(&q.value),
                }
            })
            .collect();
        let values: Vec<String> = values.into_iter().collect();
        // Every conversion the agreement relies on, once.
        let mut converted: Vec<&str> = Vec::new();
        for (i, &a) in clique.iter().enumerate() {
            for &b in &clique[i + 1..] {
                let note = notes.get(&(a.min(b), a.max(b)));
                if let Some(n) = note.filter(|n| !converted.contains(&n.as_str())) {
                    converted.push(n);
                }
            }
        }
        let scope = members
            .iter()
            .find_map(|c| explain::scope_text(c.rep().q))
            .unwrap_or_else(|| "no stated period".to_owned());
        let explanation = format!(
            "compatible values ({}) in {} sources, {}; {} independent upstream source{}{}",
            values.join(", "),
            sources.len(),
            if is_weak {
                format!("scope only partly stated ({scope})")
            } else {
                format!("same scope ({scope})")
            },
            independent.0,
            if independent.0 == 1 { "" } else { "s" },
            if independent.1.is_empty() {
                String::new()
            } else {
                format!(": {}", independent.1.join(", "))
            }
        );
        let mut explanation = if converted.is_empty() {
            explanation
        } else {
            format!("{explanation}; {}", converted.join("; "))
        };
        if let Some(note) = &independent.2 {
            explanation.push_str(note);
        }
        let summary = members
            .iter()
            .find(|c| explain::scope_text(c.rep().q).is_some())
            .unwrap_or(&members[0])
            .rep()
            .q;
        let mut f = finding(
            ctx,
            Verdict::Agreement,
            kind_id,
            explain::quantity_summary(summary, true),
            explanation,
            if is_weak {
                WEAK_AGREEMENT_CONFIDENCE
            } else {
                AGREEMENT_CONFIDENCE
            },
            &members,
        );
        f.independent_sources = Some(independent.0);
        findings.push(f);
        if let Some(mut v) = credit_variant(ctx, &members, Figures::Same(independent.0)) {
            if let Some(note) = &independent.2 {
                v.explanation.push_str(note);
            }
            findings.push(v);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::compare::Verdict;
    use crate::extract::Interval;
    use jiff::civil::date;

    #[test]
    fn a_figure_joins_the_agreement_of_the_same_figure() {
        let marched = |id, text: &str, phrase, v: Interval| {
            doc(id, text).with(q(phrase, v).kind("counts", "people", "attended", "people"))
        };
        let saturday = date(2017, 1, 21);
        // "at least 3 million" (b) fits both the other "at least 3 million" (a, which
        // names the day) and the 4.6 million of c and d; it joins its twin, where the
        // most links of the same scope would put it with c and d
        let a = doc(
            "a",
            "At least 3 million people marched across the country on Saturday.",
        )
        .with(
            q("At least 3 million people", at_least(3e6))
                .kind("counts", "people", "attended", "people")
                .day("on Saturday", saturday),
        );
        let f = run(vec![
            a,
            marched(
                "b",
                "At least 3 million people marched across the country.",
                "At least 3 million people",
                at_least(3e6),
            ),
            marched(
                "c",
                "About 4.6 million people marched across the country.",
                "4.6 million people",
                exact(4.6e6),
            ),
            marched(
                "d",
                "About 4.6 million people marched across the country.",
                "4.6 million people",
                exact(4.6e6),
            ),
        ]);
        let agreements: Vec<Vec<usize>> = f
            .iter()
            .filter(|x| x.verdict == Verdict::Agreement)
            .map(|x| x.evidence.iter().map(|e| e.source).collect())
            .collect();
        assert!(
            agreements.iter().any(|a| a.contains(&0) && a.contains(&1)),
            "{agreements:?}"
        );
    }

    #[test]
    fn thousands_of_outlets_repeating_one_agency_give_one_agreement_with_one_upstream() {
        let day = date(2023, 2, 7);
        let docs: Vec<Doc> = (0..1500)
            .map(|i| {
                let id: &'static str = Box::leak(format!("s{i:04}").into_boxed_str());
                let v = if i % 2 == 0 {
                    exact(250.0)
                } else {
                    at_least(200.0)
                };
                doc(
                    id,
                    "The toll stood at 250 people on Tuesday, the agency said.",
                )
                .with(
                    q("250 people", v)
                        .day("on Tuesday", day)
                        .by("National Emergency Agency"),
                )
            })
            .collect();
        let f = run(docs);
        assert_eq!(verdicts(&f), ["agreement"]);
        assert_eq!(f[0].independent_sources, Some(1));
        assert_eq!(f[0].evidence.len(), 1500);
    }
}

//! Different scopes of one quantity group: one finding per sort of difference, and the
//! figures of minor events set against the main one.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::align::score;
use crate::compare::explain::finding;
use crate::compare::relation::{describe_time, Why};
use crate::compare::{explain, interval, Ctx, Finding, Verdict};

use super::credits::{credit_variant, Figures};
use super::Cluster;

/// A scope stated on one side only, or a report date missing: the figures may be one.
const UNSURE_SCOPE_CONFIDENCE: f64 = 0.5;

/// A forecast or fear beside a figure stated as fact: status words are easily misread.
const STATUS_SCOPE_CONFIDENCE: f64 = 0.6;

/// Both sides state what differs (period, part, thing counted, place, subject).
const DIFFERENT_SCOPE_CONFIDENCE: f64 = 0.8;

/// A minor event's figure set against the most alike main figure: the pairing is a guess.
const OTHER_EVENT_CONFIDENCE: f64 = 0.7;

/// Clusters that differ in one way, and the ways written out (in order of first
/// appearance, each once: the set answers "seen already?" in constant time, where a scan of
/// the list made thousands of distinct figures quadratic).
pub(super) type Differences = (BTreeSet<usize>, Vec<String>, HashSet<String>);

/// The different-scope findings: for a cumulative kind the minor events first, then one
/// per sort of difference.
pub(super) fn different_scopes(
    ctx: &Ctx<'_>,
    kind_id: &str,
    clusters: &[Cluster<'_>],
    cumulative: bool,
    diff: BTreeMap<(Option<&str>, Why), Differences>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Different scopes, one finding per sort of difference.
    if cumulative {
        // Tolls: killed, missing, recovered, injured are easy to mix up. Other kinds mix
        // things no reader would compare (tents and aftershocks).
        findings.extend(other_events(ctx, kind_id, clusters));
    }
    for ((_, why), (set, texts, _)) in diff {
        let members: Vec<&Cluster<'_>> = set.iter().map(|&i| &clusters[i]).collect();
        let confidence = match why {
            Why::Unknown | Why::ReportDate => UNSURE_SCOPE_CONFIDENCE,
            Why::Status => STATUS_SCOPE_CONFIDENCE,
            _ => DIFFERENT_SCOPE_CONFIDENCE,
        };
        // a march in many cities: each pair of places is the same difference
        let explanation = match why {
            _ if texts.len() <= PAIRS_LISTED => None,
            Why::Place => apart(&members, "places", |q| {
                q.scope
                    .place
                    .as_ref()
                    .map(|p| (p.clone(), format!("in {p}")))
            }),
            // "since 8 August" and "since August 8" are one period: keyed by its days
            Why::Period => apart(&members, "periods", |q| {
                q.scope.time.as_ref().map(|t| {
                    let key = match (t.from, t.to) {
                        (None, None) => t.text.to_lowercase(),
                        (from, to) => format!("{:?} {from:?} {to:?}", t.kind),
                    };
                    (key, describe_time(t))
                })
            }),
            _ => None,
        };
        findings.push(finding(
            ctx,
            Verdict::DifferentScope,
            kind_id,
            explain::quantity_summary(members[0].rep().q, false),
            explanation.unwrap_or_else(|| explain::list(&texts, PAIRS_LISTED)),
            confidence,
            &members,
        ));
        // one count perhaps at two moments, in part, or as estimated by another body:
        // who gives which figure of it (figures of different periods are two counts)
        let how = match why {
            Why::ReportDate => Some("of one count, perhaps at two moments"),
            Why::Part => Some("of one count, one of them a part of it"),
            Why::Status => Some("of one count, of different standing or measured differently"),
            _ => None,
        };
        if let Some(how) = how {
            findings.extend(credit_variant(ctx, &members, Figures::Apart(how)));
        }
    }
    findings
}

/// How many differing pairs a different-scope finding lists before "and N more".
const PAIRS_LISTED: usize = 3;

/// How many places or periods a finding on figures of many names before "and N more".
const SCOPES_LISTED: usize = 6;

/// "figures for 12 places, each a count of its own: in boston; in chicago; ...": what
/// differs among figures of many places or periods (`what`), said once instead of pair by
/// pair; `scope` keys a figure's place or period and writes it (the first writing of each
/// key is shown, in key order). `None` with fewer than two.
fn apart(
    members: &[&Cluster<'_>],
    what: &str,
    scope: impl Fn(&crate::extract::Quantity) -> Option<(String, String)>,
) -> Option<String> {
    let mut keyed: BTreeMap<String, String> = BTreeMap::new();
    for (key, shown) in members
        .iter()
        .flat_map(|c| c.items.iter().filter_map(|i| scope(i.q)))
    {
        keyed.entry(key).or_insert(shown);
    }
    let written: Vec<String> = keyed.into_values().collect();
    (written.len() > 1).then(|| {
        format!(
            "figures for {} {what}, each a count of its own: {}",
            written.len(),
            explain::list(&written, SCOPES_LISTED)
        )
    })
}

/// Figures of other events in the same block ("146 bodies recovered" next to a death
/// toll): each minor event is set against the most alike figure of the main event (the
/// one with most claims) from another source, one finding per minor event.
fn other_events(ctx: &Ctx<'_>, kind_id: &str, clusters: &[Cluster<'_>]) -> Vec<Finding> {
    let mut by_event: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        if let Some(e) = c.rep().q.event.as_deref() {
            by_event.entry(e).or_default().push(i);
        }
    }
    let size = |ix: &Vec<usize>| ix.iter().map(|&i| clusters[i].items.len()).sum::<usize>();
    let Some((main, main_ix)) = by_event
        .iter()
        .max_by(|a, b| size(a.1).cmp(&size(b.1)).then_with(|| b.0.cmp(a.0)))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (event, ix) in &by_event {
        if event == main {
            continue;
        }
        let minor: Vec<&Cluster<'_>> = ix.iter().map(|&i| &clusters[i]).collect();
        let minor_sources: BTreeSet<&str> = minor.iter().flat_map(|c| c.sources()).collect();
        let first = minor[0].rep();
        let best = main_ix
            .iter()
            .map(|&i| &clusters[i])
            .filter(|c| !c.sources().is_subset(&minor_sources))
            .map(|c| {
                let same_day = c.rep().q.scope.as_of == first.q.scope.as_of;
                (
                    same_day,
                    score::jaccard(&first.context, &c.rep().context),
                    c,
                )
            })
            .max_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| a.1.total_cmp(&b.1))
                    .then_with(|| a.2.items.len().cmp(&b.2.items.len()))
            });
        let Some((_, _, best)) = best else {
            continue;
        };
        let figures: Vec<String> = minor
            .iter()
            .map(|c| interval::describe(&c.rep().q.value))
            .collect();
        let explanation = format!(
            "{} {} vs {} {}: different things counted",
            figures.join(", "),
            explain::quantity_summary(first.q, true),
            interval::describe(&best.rep().q.value),
            explain::quantity_summary(best.rep().q, true),
        );
        let mut members = minor;
        members.push(best);
        out.push(finding(
            ctx,
            Verdict::DifferentScope,
            kind_id,
            format!(
                "{} vs {}",
                explain::quantity_summary(first.q, false),
                explain::quantity_summary(best.rep().q, false)
            ),
            explanation,
            OTHER_EVENT_CONFIDENCE,
            &members,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;

    use jiff::civil::date;

    #[test]
    fn a_figure_of_another_event_is_set_against_the_main_one() {
        let killed = |d: Doc, phrase: &'static str, v: f64| {
            d.with(q(phrase, exact(v)).reported(date(2023, 2, 7)))
        };
        let a = killed(
            doc("a", "The quake killed 2,300 people."),
            "2,300 people",
            2300.0,
        );
        let b = killed(
            doc("b", "The quake killed 2,300 people."),
            "2,300 people",
            2300.0,
        );
        let c = doc(
            "c",
            "Rescuers pulled 146 bodies from the rubble on Wednesday.",
        )
        .with(
            q("146 bodies", exact(146.0))
                .kind("casualties", "people", "recovered", "bodies")
                .day("on Wednesday", date(2023, 2, 8)),
        );
        let f = run(vec![a, b, c]);
        assert_eq!(verdicts(&f), ["different_scope", "agreement"]);
        assert!(
            f[0].explanation.contains("146 bodies recovered"),
            "{}",
            f[0].explanation
        );
        assert!(f[0].explanation.contains("different things counted"));
    }

    #[test]
    fn figures_of_many_periods_name_each_period_once() {
        let toll = |phrase: &'static str, v: f64| q(phrase, exact(v));
        let f = run(vec![
            doc(
                "a",
                "Floods have killed 80 people since May 2, officials said.",
            )
            .with(toll("80 people", 80.0).since("since May 2", date(2024, 5, 2))),
            doc(
                "b",
                "Floods have killed 95 people since 2 May, officials said.",
            )
            .with(toll("95 people", 95.0).since("since 2 May", date(2024, 5, 2))),
            doc("c", "Floods killed 12 people on Friday, officials said.")
                .with(toll("12 people", 12.0).day("on Friday", date(2024, 5, 10))),
            doc("d", "Floods killed 20 people on Saturday, officials said.")
                .with(toll("20 people", 20.0).day("on Saturday", date(2024, 5, 11))),
        ]);
        let e = f
            .iter()
            .find(|f| f.verdict == crate::compare::Verdict::DifferentScope)
            .map(|f| f.explanation.clone())
            .unwrap_or_default();
        assert!(
            e.starts_with("figures for 3 periods, each a count of its own: "),
            "{e}"
        );
        assert_eq!(
            e.matches("May 2").count() + e.matches("2 May").count(),
            1,
            "{e}"
        );
        assert!(
            e.contains("one day (\u{201c}on Friday\u{201d}, 2024-05-10)"),
            "{e}"
        );
    }
}

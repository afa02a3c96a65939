//! Verdicts for one group.
//!
//! Quantities: members with the same signature (value, scope, part, thing counted, report
//! date) collapse into one cluster first; clusters are then compared pairwise, so a figure
//! repeated by thousands of sources costs one comparison. Precision first: a conflict
//! needs the same event, the same thing counted, the same place and a known, equal time
//! scope (or, for a cumulative toll, the same report date); anything unknown or different
//! is `different_scope` or nothing.

use std::collections::{BTreeMap, BTreeSet};

use super::explain;
use super::interval;
use super::{Finding, Verdict};
use crate::align::{block, score};
use crate::align::{Group, Ref};
use crate::extract::{Claim, ClaimBody, Extraction, Quantity, TimeScope, TimeScopeKind};
use crate::ingest::Source;
use crate::normalize::fold;
use crate::pack::{EntityKind, Pack};

/// Shared inputs of one comparison.
pub(crate) struct Ctx<'a> {
    pub(crate) sources: &'a [Source],
    pub(crate) extractions: &'a [Extraction],
    pub(crate) pack: &'a Pack,
}

impl<'a> Ctx<'a> {
    fn sid(&self, r: Ref) -> &'a str {
        self.sources.get(r.source).map_or("", |s| s.id.as_str())
    }

    fn claim(&self, r: Ref) -> Option<&'a Claim> {
        self.extractions.get(r.source)?.claims.get(r.item)
    }
}

// ---------------------------------------------------------------------------------------
// Quantities
// ---------------------------------------------------------------------------------------

struct Item<'a> {
    r: Ref,
    sid: &'a str,
    claim: &'a Claim,
    q: &'a Quantity,
    /// The person or organisation the figure is about: the nearest such mention in the
    /// sentence that is not part of the attribution ("the RPU won 142 seats").
    subject: Option<(String, String)>,
    /// Content stems of the sentence, numbers left out, plus entity keys.
    context: score::StemSet,
}

/// Two sentences must share at least this share of stems (Jaccard) for their disjoint
/// figures to be called a conflict; below it they may be counting different things.
const CONFLICT_CONTEXT_MIN: f64 = 0.1;

/// The same, when neither figure states a period (non-cumulative kinds): the sentences
/// themselves must show that the figures speak of the same thing.
const UNTIMED_CONFLICT_CONTEXT_MIN: f64 = 0.25;

/// Figures whose relation is unknown (one states a period or a thing counted, the other
/// does not) and that lie further apart than this factor are not similar claims: "$4.2bn"
/// and "$310m" in one budget story are not a scope question worth a reader's time.
const UNKNOWN_SCOPE_MAX_RATIO: f64 = 3.0;

/// Two reports of one running count (a toll) that differ by more than this factor are not
/// a dispute over one count: "4 dead" and "292 died" in one ferry story, or a toll of
/// "over 1,000" in a page's later headline over a body of 243, measure other things (a
/// past disaster, another date). Real disputes over a toll stay within this factor.
const CUMULATIVE_DISPUTE_MAX_RATIO: f64 = 2.0;

/// Figures for one quantity this many times apart are not rival values of it: an
/// ex-gratia payment beside a relief fund, one city's march beside a nation's, 650 rallies
/// beside 2.5 million marchers. Disputes between organisers and police, or a commission
/// and an exit poll, and typos stay within it (8.1 million against 2 million voters is
/// about fourfold); a misread multiplier is caught apart (`is_multiplier_apart`).
const RIVAL_FIGURES_MAX_RATIO: f64 = 5.0;

/// Figures of one specific thing counted ("14 teachers" and "15 teachers") this close
/// together (the larger at most this factor above the smaller) are two renderings of one
/// number even when the sentences around them share few words: a reporter who counts
/// teachers counts the same teachers.
const NEAR_FIGURE_MAX_RATIO: f64 = 1.25;

struct Cluster<'a> {
    items: Vec<Item<'a>>,
}

impl<'a> Cluster<'a> {
    fn rep(&self) -> &Item<'a> {
        &self.items[0]
    }
    fn sources(&self) -> BTreeSet<&'a str> {
        self.items.iter().map(|i| i.sid).collect()
    }
}

/// Why two figures measure different things; also the order of different-scope findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Why {
    Status,
    Period,
    Subject,
    Part,
    Counted,
    Place,
    ReportDate,
    Unknown,
}

/// How a kind's figures are compared (from the claims pack).
#[derive(Debug, Clone, Copy)]
struct Rules<'p> {
    cumulative: bool,
    event_day: bool,
    /// Named bodies measure by methods of their own: claimants differing is not a dispute.
    method_dependent: bool,
    /// Sets of counted nouns that name one thing (`same_counted`).
    same_counted: &'p [Vec<String>],
}

enum Rel {
    Same,
    Unknown(String),
    Different(Why, String),
}

enum Pair {
    Agree {
        weak: bool,
    },
    /// `dispute`: two named claimants' figures, which one source may report side by side
    /// ("the prosecutor counted 10 dead; the opposition said 14").
    Conflict {
        confidence: f64,
        why: String,
        dispute: bool,
    },
    Rise,
    DiffScope {
        why: Why,
        text: String,
    },
    Nothing,
}

/// Clusters that differ in one way, and the ways written out.
type Differences = (BTreeSet<usize>, Vec<String>);

/// Findings of a quantity group.
pub(crate) fn quantities(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    let mut items: Vec<Item<'_>> = group
        .members
        .iter()
        .filter_map(|&r| {
            let claim = ctx.claim(r)?;
            match &claim.body {
                ClaimBody::Quantity(q) => {
                    let (subject, context) = surroundings(ctx, r, claim);
                    Some(Item {
                        r,
                        sid: ctx.sid(r),
                        claim,
                        q,
                        subject,
                        context,
                    })
                }
                ClaimBody::Statement(_) => None,
            }
        })
        .collect();
    items.sort_by(|a, b| {
        (a.sid, a.claim.span.start, a.claim.span.end).cmp(&(
            b.sid,
            b.claim.span.start,
            b.claim.span.end,
        ))
    });
    let Some(first) = items.first() else {
        return Vec::new();
    };
    let kind_id = first.q.kind.clone();
    let kind = ctx.pack.kind(&kind_id);
    let rules = Rules {
        cumulative: kind.is_some_and(|k| k.cumulative),
        event_day: kind.is_some_and(|k| k.event_day),
        method_dependent: kind.is_some_and(|k| k.method_dependent),
        same_counted: kind.map_or(&[], |k| k.same_counted.as_slice()),
    };
    let cumulative = rules.cumulative;

    // Clusters of identical signature, in order of their first member.
    let mut by_sig: BTreeMap<String, usize> = BTreeMap::new();
    let mut clusters: Vec<Cluster<'_>> = Vec::new();
    for item in items {
        let sig = format!(
            "{}|{:?}",
            signature(item.q),
            item.subject.as_ref().map(|s| &s.0)
        );
        match by_sig.get(&sig) {
            Some(&i) => clusters[i].items.push(item),
            None => {
                by_sig.insert(sig, clusters.len());
                clusters.push(Cluster { items: vec![item] });
            }
        }
    }

    let n = clusters.len();
    let mut agree: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut weak: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut rises: Vec<(usize, usize)> = Vec::new();
    let mut conflicts: Vec<(usize, usize, f64, String)> = Vec::new();
    let mut diff: BTreeMap<(Option<&str>, Why), Differences> = BTreeMap::new();
    let mut findings = Vec::new();
    // Biggest clusters first: past the cap, small clusters are compared with the big
    // ones only, which keeps thousands of distinct figures near-linear.
    let mut by_size: Vec<usize> = (0..n).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(clusters[i].items.len()));
    for (a, b) in block::bucket_pairs(&by_size) {
        {
            let (ca, cb) = (&clusters[a], &clusters[b]);
            if let (Some(x), Some(y)) = (&ca.rep().q.event, &cb.rep().q.event) {
                if x != y {
                    continue; // other events: see `other_events` below
                }
            }
            let context = context_similarity(ca, cb);
            match pair(ca.rep(), cb.rep(), rules, context) {
                Pair::Agree { weak: w } => {
                    agree.insert((a, b));
                    if w {
                        weak.insert((a, b));
                    }
                }
                Pair::Conflict {
                    confidence,
                    why,
                    dispute,
                } => {
                    if !dispute && !ca.sources().is_disjoint(&cb.sources()) {
                        // A source that gives both figures treats them as two different
                        // things ("a $310 million gap ... draws $85 million"), unless it
                        // credits them to two claimants: then it reports their dispute.
                        continue;
                    }
                    conflicts.push((a, b, confidence, why));
                }
                Pair::Rise => rises.push((a, b)),
                Pair::DiffScope { why, text } => {
                    if ca.sources() == cb.sources() && ca.sources().len() == 1 && why != Why::Part {
                        continue;
                    }
                    let e = diff.entry((ca.rep().q.event.as_deref(), why)).or_default();
                    e.0.insert(a);
                    e.0.insert(b);
                    if !e.1.contains(&text) {
                        e.1.push(text);
                    }
                }
                Pair::Nothing => {}
            }
        }
    }

    // Progressions: clusters linked by rises, in report-date order.
    let mut uf: Vec<usize> = (0..n).collect();
    fn root(uf: &mut [usize], mut x: usize) -> usize {
        while uf[x] != x {
            uf[x] = uf[uf[x]];
            x = uf[x];
        }
        x
    }
    for &(a, b) in &rises {
        let (ra, rb) = (root(&mut uf, a), root(&mut uf, b));
        uf[ra.max(rb)] = ra.min(rb);
    }
    let mut chains: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &(a, b) in &rises {
        let r = root(&mut uf, a);
        chains.entry(r).or_default().extend([a, b]);
    }
    for chain in chains.values() {
        let mut members: Vec<&Cluster<'_>> = chain.iter().map(|&i| &clusters[i]).collect();
        members.sort_by_key(|c| c.rep().q.scope.as_of);
        let steps = progression_steps(&members);
        findings.push(finding(
            ctx,
            Verdict::Progression,
            &kind_id,
            explain::quantity_summary(members[0].rep().q, true),
            format!(
                "cumulative figure rises between reports: {}",
                steps.join(" -> ")
            ),
            0.8,
            &members,
        ));
    }

    // Different scopes, one finding per sort of difference.
    if cumulative {
        // Tolls: killed, missing, recovered, injured are easy to mix up. Other kinds mix
        // things no reader would compare (tents and aftershocks).
        findings.extend(other_events(ctx, &kind_id, &clusters));
    }
    for ((_, why), (set, texts)) in diff {
        let members: Vec<&Cluster<'_>> = set.iter().map(|&i| &clusters[i]).collect();
        let confidence = match why {
            Why::Unknown | Why::ReportDate => 0.5,
            Why::Status => 0.6,
            _ => 0.8,
        };
        findings.push(finding(
            ctx,
            Verdict::DifferentScope,
            &kind_id,
            explain::quantity_summary(members[0].rep().q, false),
            explain::list(&texts, 3),
            confidence,
            &members,
        ));
    }

    // Agreements: greedy cliques of pairwise-compatible clusters, biggest clusters first.
    // Vague amounts go last, so that they join the figures they fit rather than
    // gathering unrelated ones; a cluster joins the compatible clique with which it has
    // the most same-scope links.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        (
            clusters[i].rep().q.vague,
            std::cmp::Reverse(clusters[i].items.len()),
        )
    });
    let mut cliques: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let key = |a: usize, b: usize| (a.min(b), a.max(b));
        let edge = |a: usize, b: usize| agree.contains(&key(a, b));
        let strong = |c: &Vec<usize>| c.iter().filter(|&&j| !weak.contains(&key(i, j))).count();
        let best = cliques
            .iter_mut()
            .filter(|c| c.iter().all(|&j| edge(i, j)))
            .fold(None::<(usize, &mut Vec<usize>)>, |best, c| {
                let s = strong(c);
                match best {
                    Some((bs, b)) if bs >= s => Some((bs, b)),
                    _ => Some((s, c)),
                }
            });
        match best {
            Some((_, c)) => c.push(i),
            None => cliques.push(vec![i]),
        }
    }
    findings.extend(merged_conflicts(
        ctx, &kind_id, &clusters, &cliques, conflicts,
    ));
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
        let values: BTreeSet<String> = members
            .iter()
            .map(|c| interval::describe(&c.rep().q.value))
            .collect();
        let values: Vec<String> = values.into_iter().collect();
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
        let summary = members
            .iter()
            .find(|c| explain::scope_text(c.rep().q).is_some())
            .unwrap_or(&members[0])
            .rep()
            .q;
        let mut f = finding(
            ctx,
            Verdict::Agreement,
            &kind_id,
            explain::quantity_summary(summary, true),
            explanation,
            if is_weak { 0.6 } else { 0.9 },
            &members,
        );
        f.independent_sources = Some(independent.0);
        findings.push(f);
        if let Some(v) = credit_variant(ctx, &members, independent.0) {
            findings.push(v);
        }
    }
    findings
}

/// One conflict finding per pair of agreeing sides: when 2,300 (two wordings, two
/// sources) and 1,650 disagree, that is one disagreement, not one per wording. The
/// strongest pair explains it; the others are counted.
fn merged_conflicts(
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
    merged
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
            let members: Vec<&Cluster<'_>> = members.iter().map(|&i| &clusters[i]).collect();
            let first = members.first()?.rep().q;
            Some(finding(
                ctx,
                Verdict::Conflict,
                kind_id,
                explain::quantity_summary(first, true),
                why,
                confidence,
                &members,
            ))
        })
        .collect()
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
            0.7,
            &members,
        ));
    }
    out
}

/// Compatible figures credited to different upstreams ("activist groups say" next to
/// "according to the AAPP"): an `attribution_variant` saying who credits whom.
fn credit_variant(ctx: &Ctx<'_>, members: &[&Cluster<'_>], independent: usize) -> Option<Finding> {
    let mut credits: BTreeMap<String, (String, BTreeSet<&str>)> = BTreeMap::new();
    // Vague amounts ("hundreds of protesters") are background, not the figure credited.
    for item in members
        .iter()
        .flat_map(|c| c.items.iter())
        .filter(|i| !i.q.vague)
    {
        let Some(a) = &item.claim.attribution else {
            continue;
        };
        let mut keys: Vec<String> = a.chain.iter().map(party_key).collect();
        keys.extend(a.speaker.as_ref().map(party_key));
        let shown = a.describe();
        if keys.is_empty() || shown.is_empty() {
            continue;
        }
        credits
            .entry(keys.join("<-"))
            .or_insert((shown, BTreeSet::new()))
            .1
            .insert(item.sid);
    }
    let sources: BTreeSet<&str> = credits.values().flat_map(|c| c.1.iter().copied()).collect();
    if credits.len() < 2 || sources.len() < 2 {
        return None;
    }
    let parts: Vec<String> = credits
        .values()
        .map(|(shown, srcs)| {
            format!(
                "{shown} ({})",
                srcs.iter().copied().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let values: BTreeSet<String> = members
        .iter()
        .map(|c| interval::describe(&c.rep().q.value))
        .collect();
    let mut f = finding(
        ctx,
        Verdict::AttributionVariant,
        "attribution",
        format!(
            "who {} is credited to",
            explain::quantity_summary(members[0].rep().q, true)
        ),
        format!(
            "the same figure ({}) credited differently: {}; {} independent upstream source{}",
            values.into_iter().collect::<Vec<_>>().join(", "),
            explain::list(&parts, 4),
            independent,
            if independent == 1 { "" } else { "s" }
        ),
        0.7,
        members,
    );
    f.evidence.retain(|e| e.attribution.is_some());
    Some(f)
}

fn signature(q: &Quantity) -> String {
    let t = q.scope.time.as_ref().map(|t| {
        (
            t.kind,
            t.from.map(|d| d.to_string()),
            t.to.map(|d| d.to_string()),
            fold(&t.text),
        )
    });
    format!(
        "{:?}|{:?}|{}|{}|{}|{:?}|{:?}|{:?}|{:?}",
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

/// The thing counted, or `None` when it is only the unit itself ("people" for people).
fn counted_class(q: &Quantity) -> Option<String> {
    let c = class_of(q.counted.as_deref()?);
    (c != class_of(&q.unit)).then_some(c)
}

/// A counted noun folded and singular: "vote" and "votes" count the same thing.
fn class_of(s: &str) -> String {
    let f = fold(s);
    f.strip_suffix('s').map(str::to_owned).unwrap_or(f)
}

/// Whether two counted classes are in one of the kind's `same_counted` sets.
fn one_thing(sets: &[Vec<String>], x: &str, y: &str) -> bool {
    sets.iter().any(|set| {
        let has = |c: &str| set.iter().any(|m| class_of(m) == c);
        has(x) && has(y)
    })
}

/// Whether nothing but the unit says what a figure measures: no event ("killed",
/// "spent") and no thing counted.
fn unnamed(q: &Quantity) -> bool {
    q.event.is_none() && counted_class(q).is_none()
}

/// How alike the sentences of two clusters are: the best Jaccard of their stems over the
/// first few members of each, so a terse headline standing first in a cluster does not
/// hide the body sentence that repeats its figure.
fn context_similarity(a: &Cluster<'_>, b: &Cluster<'_>) -> f64 {
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

/// How two cluster representatives relate; `context` is their sentences' likeness
/// (`context_similarity`).
fn pair(a: &Item<'_>, b: &Item<'_>, rules: Rules<'_>, context: f64) -> Pair {
    let (qa, qb) = (a.q, b.q);
    let overlap = qa.value.overlaps(&qb.value);
    let show = |q: &Quantity| interval::describe(&q.value);
    if let (Some((ka, na)), Some((kb, nb))) = (&a.subject, &b.subject) {
        if !same_party(ka, kb) {
            if !overlap {
                return Pair::DiffScope {
                    why: Why::Subject,
                    text: format!("{} for {na} vs {} for {nb}", show(qa), show(qb)),
                };
            }
            // The same figure next to two different names: the subject guess is
            // uncertain (a sentence names several parties), so the figures may still
            // agree, but only weakly.
            return match pair_in_scope(a, b, rules, context) {
                Pair::Agree { .. } => Pair::Agree { weak: true },
                other => other,
            };
        }
    }
    pair_in_scope(a, b, rules, context)
}

/// `pair` once the subjects are known not to differ.
fn pair_in_scope(a: &Item<'_>, b: &Item<'_>, rules: Rules<'_>, context: f64) -> Pair {
    let cumulative = rules.cumulative;
    let (qa, qb) = (a.q, b.q);
    let overlap = qa.value.overlaps(&qb.value);
    let show = |q: &Quantity| interval::describe(&q.value);
    match scope_rel(qa, qb, rules) {
        Rel::Different(why, text) => Pair::DiffScope { why, text },
        Rel::Unknown(text) => {
            if overlap && (qa.vague || qb.vague || mutual(qa, qb)) {
                Pair::Agree { weak: true }
            } else if qa.vague
                || qb.vague
                || context < CONFLICT_CONTEXT_MIN
                || far_apart(qa, qb, UNKNOWN_SCOPE_MAX_RATIO)
            {
                // a vague amount, unrelated sentences or figures of different orders:
                // nothing to tell the reader
                Pair::Nothing
            } else {
                Pair::DiffScope {
                    why: Why::Unknown,
                    text: format!("{} vs {}: {text}", show(qa), show(qb)),
                }
            }
        }
        Rel::Same => {
            if qa.vague || qb.vague {
                // a vague amount never contradicts a figure
                return if overlap {
                    Pair::Agree { weak: false }
                } else {
                    Pair::Nothing
                };
            }
            let timeless_or_since = |q: &Quantity| {
                q.scope
                    .time
                    .as_ref()
                    .map_or(true, |t| t.kind == TimeScopeKind::Since)
            };
            let cumulative = cumulative && timeless_or_since(qa) && timeless_or_since(qb);
            if cumulative && reported_far_apart(qa, qb) {
                // A toll of one report and another's months later: most likely two
                // events; nothing a reader should set side by side.
                return Pair::Nothing;
            }
            let rises = cumulative.then(|| rise(qa, qb)).flatten();
            if rises == Some(true) {
                return Pair::Rise;
            }
            if overlap {
                return Pair::Agree { weak: false };
            }
            let untimed = qa.scope.time.is_none();
            let min_context = if untimed && !cumulative {
                UNTIMED_CONFLICT_CONTEXT_MIN
            } else {
                CONFLICT_CONTEXT_MIN
            };
            if context < min_context && !near_same_thing(qa, qb) {
                return Pair::Nothing; // too little in common to call it anything
            }
            if unnamed(qa) && unnamed(qb) {
                // "$85 million" and "$310m" with no event and no thing counted: nothing
                // says the two measure the same thing
                return Pair::Nothing;
            }
            if is_multiplier_apart(qa, qb) {
                // "$150" next to "$150m": a figure read without its multiplier, not a
                // disagreement between sources.
                return Pair::Nothing;
            }
            if let Some(Rel::Different(why, text)) = status_rel(qa, qb) {
                // a forecast or a fear that would otherwise conflict with a stated figure
                return Pair::DiffScope { why, text };
            }
            let within_margin = || Pair::DiffScope {
                why: Why::Status,
                text: format!(
                    "{} vs {}: an estimate within its margin of the other figure",
                    show(qa),
                    show(qb)
                ),
            };
            if cumulative {
                if within_estimate_margin(qa, qb) {
                    return within_margin();
                }
                return cumulative_pair(a, b);
            }
            if far_apart(qa, qb, RIVAL_FIGURES_MAX_RATIO) {
                // what each counts differs in a way the text did not say (place, group)
                return Pair::Nothing;
            }
            let (ua, ub) = (upstream(a.claim), upstream(b.claim));
            if let (Some(x), Some(y)) = (&ua, &ub) {
                if x.key != y.key && x.named && y.named {
                    if rules.method_dependent {
                        return Pair::DiffScope {
                            why: Why::Status,
                            text: format!(
                                "{} according to {} vs {} according to {}: two bodies may measure differently",
                                show(qa),
                                x.name,
                                show(qb),
                                y.name
                            ),
                        };
                    }
                    if within_estimate_margin(qa, qb) {
                        return Pair::DiffScope {
                            why: Why::Status,
                            text: format!(
                                "{} according to {} vs {} according to {}: an estimate within its margin of the other figure",
                                show(qa),
                                x.name,
                                show(qb),
                                y.name
                            ),
                        };
                    }
                    // Two claimants' figures for one quantity that cannot both hold: a
                    // dispute the reader must see ("organisers: 250,000; police: 150,000").
                    return Pair::Conflict {
                        dispute: true,
                        confidence: if untimed { 0.55 } else { 0.7 },
                        why: format!(
                            "two claimants give figures for the same {} that cannot both hold: {}: {}; {}: {}",
                            if untimed { "event and thing counted" } else { "event and scope" },
                            x.name,
                            show(qa),
                            y.name,
                            show(qb)
                        ),
                    };
                }
            }
            if within_estimate_margin(qa, qb) {
                return within_margin();
            }
            let one_sided = ua.as_ref().map(|u| &u.key) != ub.as_ref().map(|u| &u.key);
            let confidence = match (untimed, one_sided) {
                (false, false) => 0.85,
                (true, false) => 0.6,
                (false, true) => 0.6,
                (true, true) => 0.45,
            };
            Pair::Conflict {
                dispute: false,
                confidence,
                why: format!(
                    "same {}; {} and {} do not overlap",
                    if untimed {
                        "event and thing counted, no period stated by either".to_owned()
                    } else {
                        "event and scope".to_owned()
                    },
                    show(qa),
                    show(qb)
                ),
            }
        }
    }
}

/// Whether two entity keys name one party: equal, or the words of one all in the other
/// ("city council" and "halverston city council").
fn same_party(a: &str, b: &str) -> bool {
    let words = |k: &str| -> BTreeSet<String> {
        k.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    a == b || (!wa.is_empty() && !wb.is_empty() && (wa.is_subset(&wb) || wb.is_subset(&wa)))
}

/// Whether two figures lie more than `ratio` times apart (nearest ends of their
/// intervals); never for a figure of zero or without bounds.
fn far_apart(a: &Quantity, b: &Quantity, ratio: f64) -> bool {
    let ends = |q: &Quantity| (q.value.min.or(q.value.max), q.value.max.or(q.value.min));
    let ((Some(a_lo), Some(a_hi)), (Some(b_lo), Some(b_hi))) = (ends(a), ends(b)) else {
        return false;
    };
    let (lo_hi, hi_lo) = if a_hi < b_lo {
        (a_hi, b_lo)
    } else if b_hi < a_lo {
        (b_hi, a_lo)
    } else {
        return false;
    };
    lo_hi > 0.0 && hi_lo / lo_hi > ratio
}

/// The relative margin of an estimate (a crowd count, a sample-based turnout): a monitor's
/// 58% next to a commission's 61.4% is within it; an exit poll's 18.5% next to 41.5% is not.
const ESTIMATE_MARGIN: f64 = 0.1;

/// Whether two figures overlap once the estimate among them is widened by its margin.
fn within_estimate_margin(a: &Quantity, b: &Quantity) -> bool {
    use crate::extract::frame::Status;
    let widen = |q: &Quantity| {
        let mut v = q.value;
        if q.status == Some(Status::Estimate) {
            v.min = v.min.map(|x| x * (1.0 - ESTIMATE_MARGIN));
            v.max = v.max.map(|x| x * (1.0 + ESTIMATE_MARGIN));
        }
        v
    };
    (a.status == Some(Status::Estimate) || b.status == Some(Status::Estimate))
        && widen(a).overlaps(&widen(b))
}

/// How many times the larger figure is the smaller, rounded ("4", "73").
fn ratio_text(a: &Quantity, b: &Quantity) -> String {
    let mid = |q: &Quantity| {
        q.number
            .or(q.value.min)
            .or(q.value.max)
            .unwrap_or(0.0)
            .abs()
    };
    let (x, y) = (mid(a), mid(b));
    let (lo, hi) = (x.min(y), x.max(y));
    if lo == 0.0 {
        return "many".to_owned();
    }
    format!("{:.0}", hi / lo)
}

/// Whether two exact-enough figures count one specific thing ("14 teachers", "15
/// teachers") and lie within `NEAR_FIGURE_MAX_RATIO` of each other.
fn near_same_thing(a: &Quantity, b: &Quantity) -> bool {
    let specific = matches!((counted_class(a), counted_class(b)), (Some(x), Some(y)) if x == y);
    let (Some(x), Some(y)) = (a.number, b.number) else {
        return false;
    };
    let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
    specific && !a.vague && !b.vague && lo > 0.0 && hi / lo <= NEAR_FIGURE_MAX_RATIO
}

/// Whether two figures differ by a power of 1,000 with the same digits (150 and
/// 150,000,000): one was most likely read without its multiplier.
fn is_multiplier_apart(a: &Quantity, b: &Quantity) -> bool {
    let (Some(x), Some(y)) = (
        a.number.or(a.value.min).or(a.value.max),
        b.number.or(b.value.min).or(b.value.max),
    ) else {
        return false;
    };
    let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
    if lo == 0.0 {
        return false;
    }
    [1e3, 1e6, 1e9, 1e12]
        .iter()
        .any(|m| ((hi / lo) / m - 1.0).abs() < 1e-6)
}

/// Whether each figure as written lies inside the other's interval ("at least 320" and
/// "320"), which is stronger than overlapping ("more than 114" and "320" overlap).
fn mutual(a: &Quantity, b: &Quantity) -> bool {
    match (a.number, b.number) {
        (Some(x), Some(y)) => x == y || (a.value.contains(y) && b.value.contains(x)),
        _ => a.value.overlaps(&b.value),
    }
}

/// The subject and the context words of a claim's sentence.
fn surroundings(
    ctx: &Ctx<'_>,
    r: Ref,
    claim: &Claim,
) -> (Option<(String, String)>, score::StemSet) {
    let source = ctx.sources.get(r.source);
    let words = source
        .and_then(|s| s.text.get(claim.sentence_span.clone()))
        .map(score::word_stems)
        .unwrap_or_default();
    let Some(ex) = ctx.extractions.get(r.source) else {
        return (None, score::StemSet::new(words));
    };
    let mut context = words;
    let attribution_keys: BTreeSet<&str> = claim
        .attribution
        .iter()
        .flat_map(|a| a.chain.iter().chain(a.speaker.iter()))
        .map(|p| p.key.as_str())
        .collect();
    let in_attribution = |span: &std::ops::Range<usize>| {
        claim
            .attribution
            .as_ref()
            .is_some_and(|a| span.start < a.span.end && a.span.start < span.end)
    };
    // The outlet's own name ("MOSCOW (Reuters) –") and a name in brackets ("the
    // agency (NEMA)") credit or gloss; they are not what a figure is about.
    // A wire dateline opening the sentence ("N'DJAMENA/MINSK (Atlas Wire) –"): names in
    // it are where and who filed the story.
    let dateline_end = source
        .and_then(|s| s.text.get(claim.sentence_span.clone()))
        .and_then(|t| {
            let head = t.get(..t.len().min(120)).or(Some(t))?;
            [") –", ") —", ") -", ") --"]
                .iter()
                .filter_map(|d| head.find(d))
                .min()
        })
        .map(|at| claim.sentence_span.start + at);
    let credits: Vec<String> = source
        .into_iter()
        .flat_map(|s| [s.meta.outlet.as_ref(), s.meta.dateline.as_ref()])
        .flatten()
        .map(|f| fold(&f.value))
        .collect();
    let bracketed = |span: &std::ops::Range<usize>| {
        source.is_some_and(|s| {
            let before = s.text.get(..span.start).unwrap_or("").trim_end();
            let after = s.text.get(span.end..).unwrap_or("").trim_start();
            before.ends_with('(') && (after.starts_with(')') || after.starts_with('/'))
        })
    };
    let mut best: Option<(usize, &crate::extract::Mention)> = None;
    for m in ex.mentions.iter().filter(|m| m.sentence == claim.sentence) {
        context.push(format!("@{}", m.key));
        let is_party = matches!(m.kind, EntityKind::Person | EntityKind::Organization);
        if !is_party
            || attribution_keys.contains(m.key.as_str())
            || in_attribution(&m.span)
            || credits.contains(&fold(&m.text))
            || dateline_end.is_some_and(|end| m.span.end <= end)
            || bracketed(&m.span)
            || m.span.start < claim.sentence_span.start
            || m.span.end > claim.sentence_span.end
        {
            continue;
        }
        // Nearest mention, preferring one written before the figure.
        let distance = if m.span.end <= claim.span.start {
            claim.span.start - m.span.end
        } else if m.span.start >= claim.span.end {
            (m.span.start - claim.span.end).saturating_add(1 << 20)
        } else {
            continue; // inside the claim text itself
        };
        if best.map_or(true, |(d, _)| distance < d) {
            best = Some((distance, m));
        }
    }
    (
        best.map(|(_, m)| (m.key.clone(), m.text.clone())),
        score::StemSet::new(context),
    )
}

/// For two cumulative figures reported on different dates: `Some(true)` when the later
/// one is higher (the figure as written, else the whole interval), `Some(false)` when it
/// is not, `None` when a report date is missing or both are the same.
fn rise(a: &Quantity, b: &Quantity) -> Option<bool> {
    let (da, db) = (a.scope.as_of?, b.scope.as_of?);
    if da == db {
        return None;
    }
    let (early, late) = if da < db { (a, b) } else { (b, a) };
    Some(match (early.number, late.number) {
        // "at least 1,200" then "3,100" is a rise; "about 1,200" then "1,210" is not.
        (Some(x), Some(y)) => {
            (y > x && (early.value.max.is_none() || !early.value.contains(y)))
                || interval::is_above(&late.value, &early.value)
        }
        _ => interval::is_above(&late.value, &early.value),
    })
}

/// Whether two reports of a cumulative count are too far apart to be updates of one
/// count: a toll rises over days and weeks, not years.
fn reported_far_apart(a: &Quantity, b: &Quantity) -> bool {
    /// Days between two reports of one running count, at most.
    const UPDATE_WINDOW_DAYS: i32 = 92;
    match (a.scope.as_of, b.scope.as_of) {
        (Some(x), Some(y)) => (x - y)
            .get_days()
            .checked_abs()
            .is_some_and(|d| d > UPDATE_WINDOW_DAYS),
        _ => false,
    }
}

/// Two cumulative figures with the same start: their report dates decide.
fn cumulative_pair(a: &Item<'_>, b: &Item<'_>) -> Pair {
    let (qa, qb) = (a.q, b.q);
    let show = |q: &Quantity| interval::describe(&q.value);
    match (qa.scope.as_of, qb.scope.as_of) {
        (Some(da), Some(db)) if da != db => {
            let (early, late, de, dl) = if da < db {
                (qa, qb, da, db)
            } else {
                (qb, qa, db, da)
            };
            if rise(early, late) == Some(true) {
                Pair::Rise
            } else if far_apart(early, late, CUMULATIVE_DISPUTE_MAX_RATIO) {
                Pair::DiffScope {
                    why: Why::ReportDate,
                    text: format!(
                        "{} as of {de} vs {} as of {dl}: a running count does not fall {}-fold; one of them is of another date or another count",
                        show(early),
                        show(late),
                        ratio_text(early, late)
                    ),
                }
            } else {
                Pair::Conflict {
                    dispute: false,
                    confidence: 0.75,
                    why: format!(
                        "a cumulative figure cannot fall: {} as of {de}, then {} as of {dl}",
                        show(early),
                        show(late)
                    ),
                }
            }
        }
        (Some(d), Some(_)) if far_apart(qa, qb, CUMULATIVE_DISPUTE_MAX_RATIO) => Pair::DiffScope {
            why: Why::Counted,
            text: format!(
                "{} vs {} as of {d}: {}-fold apart, more than two reports of one running count differ; most likely different counts",
                show(qa),
                show(qb),
                ratio_text(qa, qb)
            ),
        },
        (Some(d), Some(_)) => {
            let named = match (upstream(a.claim), upstream(b.claim)) {
                (Some(x), Some(y)) if x.key != y.key && x.named && y.named => {
                    Some(format!(" ({} vs {})", x.name, y.name))
                }
                _ => None,
            };
            Pair::Conflict {
                dispute: named.is_some(),
                confidence: if named.is_some() { 0.7 } else { 0.85 },
                why: format!(
                    "same cumulative count reported as of {d}; {} and {} do not overlap{}",
                    show(qa),
                    show(qb),
                    named.unwrap_or_default()
                ),
            }
        }
        _ => Pair::DiffScope {
            why: Why::ReportDate,
            text: format!(
                "{} vs {}: a cumulative count with no report date on one side may be an update",
                show(qa),
                show(qb)
            ),
        },
    }
}

fn scope_rel(a: &Quantity, b: &Quantity, rules: Rules<'_>) -> Rel {
    let event_day = rules.event_day;
    let (ta, tb) = (a.scope.time.as_ref(), b.scope.time.as_ref());
    let is_day = |t: Option<&TimeScope>| t.is_some_and(|t| t.kind == TimeScopeKind::Day);
    if event_day && is_day(ta) != is_day(tb) && ta.is_some() && tb.is_some() {
        // "passed on Thursday" next to "for fiscal 2026": the day of the vote says
        // nothing about the period the figure covers.
        let day = if is_day(ta) { ta } else { tb };
        return match what_rel(a, b, rules.same_counted) {
            Rel::Same => Rel::Unknown(format!(
                "“{}” dates the event, not the period the figure covers",
                day.map_or("", |t| t.text.as_str())
            )),
            other => other,
        };
    }
    if event_day
        && (is_day(ta) && tb.is_none() || is_day(tb) && ta.is_none())
        && !far_apart(a, b, RIVAL_FIGURES_MAX_RATIO)
    {
        // "cast ballots on Sunday" next to "voted" in a story of one vote: the day dates
        // the event both figures are of; only what they count can tell them apart. Figures
        // orders of magnitude apart ("Rs 100 crore announced on August 12" and an "Rs 2
        // lakh" grant) stay unknown: nothing says they are one amount.
        return what_rel(a, b, rules.same_counted);
    }
    let is_rate = |t: Option<&TimeScope>| t.is_some_and(|t| t.kind == TimeScopeKind::Rate);
    if is_rate(ta) && is_rate(tb) && a.scope.as_of != b.scope.as_of {
        // "10 to 15 million euros a day" on the first day of a strike and "20 million a
        // day" a week later: a rate can change; each report gives the rate of its day.
        return Rel::Different(
            Why::ReportDate,
            format!(
                "rates reported on different dates ({} and {})",
                a.scope
                    .as_of
                    .map_or_else(|| "undated".to_owned(), |d| d.to_string()),
                b.scope
                    .as_of
                    .map_or_else(|| "undated".to_owned(), |d| d.to_string())
            ),
        );
    }
    match time_rel(ta, tb) {
        Rel::Same => what_rel(a, b, rules.same_counted),
        other => other,
    }
}

/// A forecast or a fear next to a figure stated as fact, when the two do not overlap: not
/// one quantity ("100,000 expected" and the 750,000 who came). Where they overlap they
/// may agree: a plan carried out is the figure. Estimates are compared as figures (their
/// margin is applied where claimants are weighed).
fn status_rel(a: &Quantity, b: &Quantity) -> Option<Rel> {
    use crate::extract::frame::Status;
    let firm = |s: Option<Status>| matches!(s, None | Some(Status::Estimate));
    if a.status == b.status || (firm(a.status) && firm(b.status)) || a.value.overlaps(&b.value) {
        return None;
    }
    let (odd, other) = if firm(a.status) { (b, a) } else { (a, b) };
    let word = |q: &Quantity| match q.status {
        Some(Status::Expected) => "a forecast or plan",
        Some(Status::Feared) => "a fear",
        Some(Status::Estimate) => "an estimate",
        None => "a figure stated as fact",
    };
    Some(Rel::Different(
        Why::Status,
        format!(
            "{} is {}, {} {}",
            interval::describe(&odd.value),
            word(odd),
            interval::describe(&other.value),
            word(other)
        ),
    ))
}

/// Everything but the period: event, part or whole, thing counted, place.
fn what_rel(a: &Quantity, b: &Quantity, same_counted: &[Vec<String>]) -> Rel {
    match (&a.event, &b.event) {
        (Some(x), Some(y)) if x != y => {
            return Rel::Different(Why::Counted, format!("one counts {x}, the other {y}"))
        }
        (Some(x), None) | (None, Some(x)) => {
            return Rel::Unknown(format!("only one says the figure is of {x}"))
        }
        _ => {}
    }
    if a.part != b.part {
        let (part, whole) = if a.part { (a, b) } else { (b, a) };
        return Rel::Different(
            Why::Part,
            format!(
                "{} is a part of a larger figure, {} a whole",
                interval::describe(&part.value),
                interval::describe(&whole.value)
            ),
        );
    }
    match (counted_class(a), counted_class(b)) {
        (Some(x), Some(y)) if x != y && !one_thing(same_counted, &x, &y) => {
            let written = |q: &Quantity| q.counted.clone().unwrap_or_default();
            return Rel::Different(
                Why::Counted,
                format!("one counts {}, the other {}", written(a), written(b)),
            );
        }
        (Some(x), None) | (None, Some(x)) => {
            return Rel::Unknown(format!("only one says it counts {x}"))
        }
        _ => {}
    }
    match (&a.scope.place, &b.scope.place) {
        (Some(x), Some(y)) if fold(x) != fold(y) => {
            Rel::Different(Why::Place, format!("in {x} vs in {y}"))
        }
        _ => Rel::Same,
    }
}

fn time_rel(a: Option<&TimeScope>, b: Option<&TimeScope>) -> Rel {
    let is_rate = |t: Option<&TimeScope>| t.is_some_and(|t| t.kind == TimeScopeKind::Rate);
    if is_rate(a) != is_rate(b) {
        // "10 to 15 million euros a day" and a strike's 330 million euros: a rate and a
        // total never measure one thing, stated period or not.
        let (rate, other) = if is_rate(a) { (a, b) } else { (b, a) };
        return Rel::Different(
            Why::Period,
            format!(
                "a rate (“{}”) vs {}",
                rate.map_or("", |t| t.text.as_str()),
                other.map_or_else(|| "a total".to_owned(), describe_time)
            ),
        );
    }
    match (a, b) {
        (None, None) => Rel::Same,
        (Some(t), None) | (None, Some(t)) => {
            Rel::Unknown(format!("only one states a period (“{}”)", t.text))
        }
        (Some(x), Some(y)) if x.kind != y.kind => Rel::Different(
            Why::Period,
            format!("{} vs {}", describe_time(x), describe_time(y)),
        ),
        (Some(x), Some(y)) => {
            let resolved = |t: &TimeScope| t.from.is_some() || t.to.is_some();
            if resolved(x) && resolved(y) {
                if (x.from, x.to) == (y.from, y.to) {
                    Rel::Same
                } else {
                    Rel::Different(
                        Why::Period,
                        format!("{} vs {}", describe_time(x), describe_time(y)),
                    )
                }
            } else if scope_words(x) == scope_words(y) {
                Rel::Same
            } else {
                Rel::Unknown(format!(
                    "periods “{}” and “{}” could not be resolved to dates",
                    x.text, y.text
                ))
            }
        }
    }
}

/// The words of a period that could not be resolved, without the connective that opens
/// it: "since the dam burst on May 1" and "after the dam burst on May 1" are one scope.
pub(crate) fn scope_words(t: &TimeScope) -> String {
    let folded = fold(&t.text);
    let connectives: &[&str] = match t.kind {
        TimeScopeKind::Since => &["since ", "after ", "following "],
        _ => &[],
    };
    connectives
        .iter()
        .find_map(|c| folded.strip_prefix(c))
        .map_or_else(|| folded.clone(), str::to_owned)
}

fn describe_time(t: &TimeScope) -> String {
    let dates = match (t.from, t.to) {
        (Some(f), Some(to)) if f == to => format!(", {f}"),
        (Some(f), Some(to)) => format!(", {f} to {to}"),
        (Some(f), None) => format!(", from {f}"),
        _ => String::new(),
    };
    let sort = match t.kind {
        TimeScopeKind::Day => "one day",
        TimeScopeKind::Period => "a period",
        TimeScopeKind::Since => "cumulative",
        TimeScopeKind::Rate => "a rate",
    };
    format!("{sort} (“{}”{dates})", t.text)
}

struct Upstream {
    key: String,
    name: String,
    named: bool,
}

/// The upstream of a claim: the speaker, else the innermost conduit. `named` is false for
/// unnamed groups ("activist groups", "officials"): no capital letter in the name.
fn upstream(claim: &Claim) -> Option<Upstream> {
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
/// the same sentence (one wire paragraph republished, lightly edited) count once.
fn independent_sources(members: &[&Cluster<'_>]) -> (usize, Vec<String>) {
    let mut named: BTreeMap<String, String> = BTreeMap::new();
    let mut unnamed: BTreeSet<String> = BTreeSet::new();
    let mut bare: BTreeMap<&str, Vec<&score::StemSet>> = BTreeMap::new();
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
        return (names.len(), names);
    }
    let names: Vec<String> = unnamed.iter().cloned().collect();
    ((unnamed.len() + copied_once(&bare)).max(1), names)
}

/// Uncredited sources, counting once those that share a near-identical long sentence.
/// Past a few dozen sources every source counts (no pairwise work on thousands).
fn copied_once(bare: &BTreeMap<&str, Vec<&score::StemSet>>) -> usize {
    /// Stems a sentence needs before its repetition says "copy", not "coincidence".
    const COPY_MIN_STEMS: usize = 8;
    /// Stem overlap (Jaccard) of a republished paragraph with light edits.
    const COPY_MIN_OVERLAP: f64 = 0.6;
    const MAX_SOURCES: usize = 64;
    if bare.len() > MAX_SOURCES {
        return bare.len();
    }
    let sources: Vec<&Vec<&score::StemSet>> = bare.values().collect();
    let copies = |a: &score::StemSet, b: &score::StemSet| {
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

fn finding(
    ctx: &Ctx<'_>,
    verdict: Verdict,
    kind: &str,
    summary: String,
    explanation: String,
    confidence: f64,
    clusters: &[&Cluster<'_>],
) -> Finding {
    let mut refs: Vec<(&str, usize, Ref)> = clusters
        .iter()
        .flat_map(|c| c.items.iter())
        .map(|i| (i.sid, i.claim.span.start, i.r))
        .collect();
    refs.sort();
    refs.dedup();
    let evidence = refs
        .iter()
        .filter_map(|&(_, _, r)| {
            let src = ctx.sources.get(r.source)?;
            Some(explain::claim_evidence(r.source, src, ctx.claim(r)?))
        })
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

// ---------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------

struct Said<'a> {
    r: Ref,
    sid: &'a str,
    claim: &'a Claim,
    content: &'a str,
}

/// Findings of a statement group: `quote_variant` when the wording differs across
/// sources, `attribution_variant` when the credit does.
pub(crate) fn statements(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    let mut said: Vec<Said<'_>> = group
        .members
        .iter()
        .filter_map(|&r| {
            let claim = ctx.claim(r)?;
            let ClaimBody::Statement(st) = &claim.body else {
                return None;
            };
            let content = ctx.sources.get(r.source)?.text.get(st.content.clone())?;
            Some(Said {
                r,
                sid: ctx.sid(r),
                claim,
                content,
            })
        })
        .collect();
    said.sort_by(|a, b| (a.sid, a.claim.span.start).cmp(&(b.sid, b.claim.span.start)));
    let mut findings = Vec::new();

    // Wordings: folded, punctuation-free content → sources using it.
    let mut wordings: BTreeMap<String, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for (i, s) in said.iter().enumerate() {
        let e = wordings
            .entry(crate::align::score::folded_words(s.content))
            .or_insert((i, BTreeSet::new()));
        e.1.insert(s.sid);
    }
    let sources: BTreeSet<&str> = said.iter().map(|s| s.sid).collect();
    let direct = |s: &Said<'_>| matches!(&s.claim.body, ClaimBody::Statement(st) if st.direct);
    // A paraphrase next to a paraphrase is not a quote: at least one rendering must be
    // in quotation marks.
    if wordings.len() >= 2 && sources.len() >= 2 && said.iter().any(direct) {
        let mut firsts: Vec<usize> = wordings.values().map(|w| w.0).collect();
        firsts.sort_unstable();
        let a = &said[firsts[0]];
        let b = firsts[1..]
            .iter()
            .map(|&i| &said[i])
            .find(|s| s.sid != a.sid)
            .unwrap_or(&said[firsts[1]]);
        let speaker = said
            .iter()
            .find_map(|s| s.claim.attribution.as_ref()?.speaker.as_ref())
            .map_or_else(|| "an unnamed speaker".to_owned(), |p| p.name.clone());
        let mut f = statement_finding(
            ctx,
            Verdict::QuoteVariant,
            "quote",
            format!("statement by {speaker}"),
            {
                let keys: Vec<&String> = wordings.keys().collect();
                let nested = keys.len() == 2
                    && (keys[0].contains(keys[1].as_str()) || keys[1].contains(keys[0].as_str()));
                if nested {
                    format!(
                        "the same words, but one source quotes more of the statement than the other ({})",
                        group.reason
                    )
                } else {
                    format!(
                        "the same statement in {} wordings across {} sources ({})",
                        wordings.len(),
                        sources.len(),
                        group.reason
                    )
                }
            },
            (0.5 + 0.4 * group.score).min(0.9),
            &said,
        );
        f.diff = Some(explain::word_diff(a.content, b.content));
        findings.push(f);
    }

    // Credits: speaker and conduit keys → sources using them.
    let mut credits: BTreeMap<String, (String, BTreeSet<&str>)> = BTreeMap::new();
    for s in &said {
        let (key, shown) = match &s.claim.attribution {
            Some(a) => {
                let mut keys: Vec<String> = a.chain.iter().map(party_key).collect();
                keys.extend(a.speaker.as_ref().map(party_key));
                (keys.join("<-"), a.describe())
            }
            None => (String::new(), String::new()),
        };
        let shown = if shown.is_empty() {
            "no attribution".to_owned()
        } else {
            shown
        };
        credits
            .entry(key)
            .or_insert((shown, BTreeSet::new()))
            .1
            .insert(s.sid);
    }
    let credit_sources: BTreeSet<&str> =
        credits.values().flat_map(|c| c.1.iter().copied()).collect();
    let all_same_everywhere = credits.values().all(|c| c.1.len() == credit_sources.len());
    if credits.len() >= 2 && credit_sources.len() >= 2 && !all_same_everywhere {
        let parts: Vec<String> = credits
            .values()
            .map(|(shown, srcs)| {
                format!(
                    "{shown} ({})",
                    srcs.iter().copied().collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        findings.push(statement_finding(
            ctx,
            Verdict::AttributionVariant,
            "attribution",
            "who the statement is credited to".to_owned(),
            format!("credited differently: {}", explain::list(&parts, 4)),
            (0.4 + 0.4 * group.score).min(0.8),
            &said,
        ));
    }
    findings
}

fn party_key(p: &crate::extract::Party) -> String {
    if p.key.is_empty() {
        fold(&p.name)
    } else {
        p.key.clone()
    }
}

fn statement_finding(
    ctx: &Ctx<'_>,
    verdict: Verdict,
    kind: &str,
    summary: String,
    explanation: String,
    confidence: f64,
    said: &[Said<'_>],
) -> Finding {
    let evidence = said
        .iter()
        .filter_map(|s| {
            let src = ctx.sources.get(s.r.source)?;
            Some(explain::claim_evidence(s.r.source, src, s.claim))
        })
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

// ---------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------

/// A spelling as first written, and per source where it is first used.
type Spelling<'a> = (String, BTreeMap<&'a str, (usize, Ref)>);

/// A `name_variant` when two sources write one entity differently; says which sources
/// use which spelling. One evidence per (source, spelling), at its first use.
pub(crate) fn names(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    // spelling key → (shown spelling, sources, first (sid, start, ref) per source)
    let mut forms: BTreeMap<String, Spelling<'_>> = BTreeMap::new();
    let mut canonical: Option<String> = None;
    for &r in &group.members {
        let Some(m) = ctx
            .extractions
            .get(r.source)
            .and_then(|e| e.mentions.get(r.item))
        else {
            continue;
        };
        let sid = ctx.sid(r);
        canonical.get_or_insert_with(|| m.canonical.clone());
        let key = score::spelling_key(&m.text);
        let e = forms
            .entry(key)
            .or_insert_with(|| (m.text.clone(), BTreeMap::new()));
        let slot = e.1.entry(sid).or_insert((m.span.start, r));
        if m.span.start < slot.0 {
            *slot = (m.span.start, r);
        }
    }
    let sources: BTreeSet<&str> = forms.values().flat_map(|f| f.1.keys().copied()).collect();
    let everywhere = forms.values().all(|f| f.1.len() == sources.len());
    if forms.len() < 2 || sources.len() < 2 || everywhere {
        return Vec::new();
    }
    let parts: Vec<String> = forms
        .values()
        .map(|(shown, srcs)| {
            format!(
                "{shown} ({})",
                srcs.keys().copied().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let mut refs: Vec<(&str, usize, Ref)> = forms
        .values()
        .flat_map(|f| f.1.iter().map(|(sid, (start, r))| (*sid, *start, *r)))
        .collect();
    refs.sort();
    let evidence = refs
        .iter()
        .filter_map(|&(_, _, r)| {
            let src = ctx.sources.get(r.source)?;
            let ex = ctx.extractions.get(r.source)?;
            Some(explain::mention_evidence(
                r.source,
                src,
                ex,
                ex.mentions.get(r.item)?,
                ctx.pack,
            ))
        })
        .collect();
    // Only short forms ("Fomin" next to "Alexander Fomin") is a weaker finding than two
    // spellings of the full name.
    // So is an acronym next to the name it stands for ("CNE", "US").
    let keys: Vec<&String> = forms.keys().collect();
    let is_short = |k: &str| {
        keys.iter()
            .any(|other| other.len() > k.len() && other.ends_with(&format!(" {k}")))
    };
    let is_acronym = |shown: &str| {
        let letters: Vec<char> = shown.chars().filter(|c| *c != '.').collect();
        (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
    };
    let full_forms = forms
        .iter()
        .filter(|(k, (shown, _))| !is_short(k) && !is_acronym(shown))
        .count();
    let name = canonical.unwrap_or_default();
    vec![Finding {
        verdict: Verdict::NameVariant,
        kind: "name".to_owned(),
        summary: name.clone(),
        explanation: format!(
            "{name} is written {} ways: {} ({})",
            forms.len(),
            explain::list(&parts, 5),
            group.reason
        ),
        confidence: match (full_forms >= 2, group.score >= 1.0) {
            (true, true) => 0.9,
            (true, false) => 0.7,
            (false, _) => 0.5,
        },
        evidence,
        independent_sources: None,
        diff: None,
    }]
}

//! Quantity verdicts for one group: clusters, then pairs, then findings.
//!
//! Input: a quantity [`Group`]; output: its conflicts, progressions, different scopes,
//! agreements and credit variants. Members with the same signature (value, scope, part,
//! thing counted, report date) collapse into one cluster first; clusters are then
//! compared pairwise (`relation::pair`), so a figure repeated by thousands of sources
//! costs one comparison. Precision first: a conflict needs the same event, the same thing
//! counted, the same place and a known, equal time scope (or, for a cumulative toll, the
//! same report date); anything unknown or different is `different_scope` or nothing.
//!
//! Where each verdict of a figure is decided: the pairs here, with `relation` (the
//! ladder); [`cluster`] builds the clusters and their context; [`conflict`] merges the
//! conflicting pairs; [`progression`] chains the rises; [`different_scope`] lists the
//! differences and sets minor events against the main one; [`agreement`] gathers the
//! compatible clusters and their credit variants.

mod agreement;
mod cluster;
mod conflict;
mod credits;
mod different_scope;
mod progression;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

use super::convert::{self, Converted};
use super::places::PlaceTree;
use super::relation::{pair, Pair, Rules, Why};
use super::{interval, Ctx, Finding};
use crate::align::block;
use crate::align::Group;
use crate::extract::ClaimBody;
use crate::normalize::stems::StemSet;
use crate::text::Span;

use cluster::{context, context_similarity, numbers_of_sentence, signature};
pub(super) use cluster::{Cluster, Item};
use conflict::{credits_differ, knows, overtaken, stale_step};
use different_scope::Differences;

/// Findings of a quantity group.
pub(crate) fn quantities(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    let items = items(ctx, group);
    let Some(first) = items.first() else {
        return Vec::new();
    };
    let kind_id = first.q.kind.clone();
    let kind = ctx.pack.kind(&kind_id);
    // The places named by the figures of each event ("attended" in Chicago and in Boston).
    let mut places: BTreeMap<Option<&str>, BTreeSet<&str>> = BTreeMap::new();
    for i in &items {
        if let Some(p) = i.q.scope.place.as_deref() {
            places.entry(i.q.event.as_deref()).or_default().insert(p);
        }
    }
    // What the story's sources say of which place is in which ("Savar, near Dhaka").
    let tree = ctx.places(first.r);
    let measures = ctx
        .pack
        .unit(&first.q.unit)
        .is_some_and(|u| u.dimension == crate::pack::Dimension::Measure);
    let rules = Rules {
        several_places: false,
        measures,
        places: tree,
        cumulative: kind.is_some_and(|k| k.cumulative),
        event_day: kind.is_some_and(|k| k.event_day),
        method_dependent: kind.is_some_and(|k| k.method_dependent),
        same_counted: kind.map_or(&[], |k| k.same_counted.as_slice()),
        kinds_of: kind.map_or(&[], |k| k.kinds_of.as_slice()),
        events: kind.map_or(&[], |k| k.events.as_slice()),
        references: kind
            .and_then(|k| k.ratio.as_ref())
            .map(|r| r.generic_references.as_slice()),
    };
    let cumulative = rules.cumulative;
    let clusters = clusters(ctx, items);
    let n = clusters.len();
    let sourced = Sourced::new(&clusters, cumulative);
    let mut several_by_events: BTreeMap<[Option<&str>; 2], bool> = BTreeMap::new();
    let mut verdicts = Verdicts::default();
    // Biggest clusters first: past the cap, small clusters are compared with the big
    // ones only, which keeps thousands of distinct figures near-linear.
    let mut by_size: Vec<usize> = (0..n).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(clusters[i].items.len()));
    for (a, b) in block::capped_pairs(&by_size, pairwise_cap(n)) {
        let (ca, cb) = (&clusters[a], &clusters[b]);
        if let (Some(x), Some(y)) = (&ca.rep().q.event, &cb.rep().q.event) {
            if x != y {
                continue; // other events: see `other_events` below
            }
        }
        let context = context_similarity(ca, cb);
        // Decided once per pair of events, not once per pair of clusters.
        let events = [ca.rep().q.event.as_deref(), cb.rep().q.event.as_deref()];
        let several = *several_by_events.entry(events).or_insert_with(|| {
            let named: BTreeSet<&str> = events
                .iter()
                .filter_map(|e| places.get(e))
                .flatten()
                .copied()
                .collect();
            tree.map_or_else(|| PlaceTree::unlinked(&named), |t| t.several(&named))
        });
        let rules = Rules {
            several_places: several,
            ..rules
        };
        let (verdict, note) = pair_in_units(ctx, ca.rep(), cb.rep(), rules, context);
        verdicts.record(&sourced, (a, b), verdict, note);
    }

    let Verdicts {
        agree,
        notes,
        weak,
        rises,
        conflicts,
        diff,
    } = verdicts;
    let mut findings = Vec::new();
    findings.extend(progression::progressions(ctx, &kind_id, &clusters, &rises));
    findings.extend(different_scope::different_scopes(
        ctx, &kind_id, &clusters, cumulative, diff,
    ));
    let cliques = agreement::cliques(&clusters, &agree, &weak);
    findings.extend(conflict::merged_conflicts(
        ctx, &kind_id, &clusters, &cliques, conflicts,
    ));
    findings.extend(agreement::agreements(
        ctx, &kind_id, &clusters, cliques, &weak, &notes,
    ));
    credits::drop_repeated_credits(&mut findings);
    if n > pairwise_cap(n) {
        // the pairs were a sample: say so where the reader looks
        let note = format!(
            "; compared as a sample: {n} distinct figures, the {} most repeated with each other, every other one with those only",
            pairwise_cap(n)
        );
        for f in &mut findings {
            f.explanation.push_str(&note);
        }
    }
    findings
}

/// The group's figures, each with its subject, its sentence's context and the numbers
/// of its sentence (one set and one list per sentence, shared by its figures), in
/// source and text order.
fn items<'c>(ctx: &Ctx<'c>, group: &Group) -> Vec<Item<'c>> {
    let mut contexts: HashMap<(usize, usize, Span), Arc<StemSet>> = HashMap::new();
    let mut companions: HashMap<(usize, usize), Rc<Vec<f64>>> = HashMap::new();
    let mut items: Vec<Item<'_>> = group
        .members
        .iter()
        .filter_map(|&r| {
            let claim = ctx.claim(r)?;
            match &claim.body {
                ClaimBody::Quantity(q) => Some(Item {
                    r,
                    sid: ctx.sid(r),
                    claim,
                    q,
                    subject: q.about.as_ref().map(|a| (a.key.clone(), a.text.clone())),
                    context: Arc::clone(
                        contexts
                            .entry((r.source, claim.sentence, claim.sentence_span.clone()))
                            .or_insert_with(|| context(ctx, r, claim, q)),
                    ),
                    shown: None,
                    companions: Rc::clone(
                        companions
                            .entry((r.source, claim.sentence))
                            .or_insert_with(|| {
                                Rc::new(numbers_of_sentence(ctx, r.source, claim.sentence))
                            }),
                    ),
                }),
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
    items
}

/// Clusters of identical signature (and subject, and the rates its source gives), in
/// order of their first member.
fn clusters<'a>(ctx: &Ctx<'a>, items: Vec<Item<'a>>) -> Vec<Cluster<'a>> {
    let mut by_sig: BTreeMap<String, usize> = BTreeMap::new();
    let mut clusters: Vec<Cluster<'_>> = Vec::new();
    for item in items {
        // a figure its source gives a rate for converts by it: never one cluster with the
        // same figure of a source that gives none
        let rates: Vec<String> = ctx
            .extractions
            .get(item.r.source)
            .map_or(&[][..], |e| e.rates.as_slice())
            .iter()
            .filter(|r| r.per == item.q.unit || r.unit == item.q.unit)
            .map(|r| format!("{}/{}={:?}", r.unit, r.per, r.value))
            .collect();
        let sig = format!(
            "{}|{:?}|{}",
            signature(item.q),
            item.subject.as_ref().map(|s| &s.0),
            rates.join(",")
        );
        match by_sig.get(&sig) {
            Some(&i) => clusters[i].items.push(item),
            None => {
                by_sig.insert(sig, clusters.len());
                clusters.push(Cluster { items: vec![item] });
            }
        }
    }
    clusters
}

/// The clusters with their sources: each cluster's sources once, not once per pair it is
/// in, and the clusters of each source.
struct Sourced<'s, 'c> {
    clusters: &'s [Cluster<'c>],
    /// The kind counts a running total: a source's lower figure may be an earlier state.
    cumulative: bool,
    sources: Vec<BTreeSet<&'c str>>,
    by_source: BTreeMap<&'c str, Vec<usize>>,
}

impl<'s, 'c> Sourced<'s, 'c> {
    fn new(clusters: &'s [Cluster<'c>], cumulative: bool) -> Self {
        let sources: Vec<BTreeSet<&str>> = clusters.iter().map(Cluster::sources).collect();
        let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, sources) in sources.iter().enumerate() {
            for s in sources {
                by_source.entry(s).or_default().push(i);
            }
        }
        Sourced {
            clusters,
            cumulative,
            sources,
            by_source,
        }
    }
}

/// What the pairs of clusters came to, gathered for the findings.
#[derive(Default)]
struct Verdicts<'c> {
    agree: BTreeSet<(usize, usize)>,
    /// The conversion each agreeing pair of clusters in two units relied on.
    notes: BTreeMap<(usize, usize), String>,
    weak: BTreeSet<(usize, usize)>,
    rises: Vec<(usize, usize)>,
    conflicts: Vec<(usize, usize, f64, String)>,
    diff: BTreeMap<(Option<&'c str>, Why), Differences>,
}

impl<'c> Verdicts<'c> {
    /// Records the verdict on clusters `a` and `b`, with the conversion it relied on.
    fn record(
        &mut self,
        s: &Sourced<'_, 'c>,
        (a, b): (usize, usize),
        verdict: Pair,
        note: Option<String>,
    ) {
        let clusters = s.clusters;
        let cluster_sources = &s.sources;
        match verdict {
            Pair::Agree { weak: w } => {
                self.agree.insert((a, b));
                if let Some(note) = note {
                    self.notes.insert((a, b), note);
                }
                if w {
                    self.weak.insert((a, b));
                }
            }
            Pair::Conflict {
                confidence,
                why,
                dispute,
            } => {
                let in_both = cluster_sources[a].intersection(&cluster_sources[b]);
                if !dispute
                    && in_both
                        .into_iter()
                        .any(|s| !credits_differ(clusters, a, b, s))
                {
                    // A source that gives both figures treats them as two different
                    // things ("a $310 million gap ... draws $85 million"), unless it
                    // credits them to two claimants: then it reports their dispute.
                    return;
                }
                if !dispute && (knows(s, a, b) || knows(s, b, a)) {
                    // A source that also gives the other side's figure for the same
                    // event ("carrying 477 people" in an old caption, "459 people" in
                    // its text) carries an update or a correction, not a rival count.
                    return;
                }
                if !dispute && s.cumulative && overtaken(s, a, b) {
                    // Each source of the lower figure has since written a higher one.
                    return;
                }
                let why = match note {
                    Some(note) => format!("{why}; {note}"),
                    None => why,
                };
                self.conflicts.push((a, b, confidence, why));
            }
            Pair::Rise => {
                if s.cumulative && stale_step(s, a, b) {
                    // the later figure is a stale one its own source has since outgrown
                    // (a headline under a higher body): no step of the count
                    return;
                }
                self.rises.push((a, b));
            }
            Pair::DiffScope { why, text } => {
                if cluster_sources[a] == cluster_sources[b]
                    && cluster_sources[a].len() == 1
                    && why != Why::Part
                {
                    return;
                }
                let text = match note {
                    Some(note) => format!("{text} ({note})"),
                    None => text,
                };
                let event = clusters[a].rep().q.event.as_deref();
                let e = self.diff.entry((event, why)).or_default();
                e.0.insert(a);
                e.0.insert(b);
                if e.2.insert(text.clone()) {
                    e.1.push(text);
                }
            }
            Pair::Nothing => {}
        }
    }
}

/// How two cluster representatives relate once in one unit ([`convert::common`]), and
/// the conversion relied on, written out for the explanation. Figures in two currencies
/// with no rate in the text are never agreement, conflict or rise: at most a different
/// scope that names the two currencies.
fn pair_in_units(
    ctx: &Ctx<'_>,
    a: &Item<'_>,
    b: &Item<'_>,
    rules: Rules<'_>,
    context: f64,
) -> (Pair, Option<String>) {
    let rates = |i: &Item<'_>| {
        ctx.extractions
            .get(i.r.source)
            .map_or(&[][..], |e| e.rates.as_slice())
    };
    match convert::common(a.q, b.q, [rates(a), rates(b)], ctx.pack) {
        Converted::Same => (misconverted(ctx, a, b, pair(a, b, rules, context)), None),
        Converted::Unrelated => (Pair::Nothing, None),
        Converted::Views {
            a: qa,
            b: qb,
            shown: [sa, sb],
            note,
            rough,
        } => (
            match pair(&a.view(&qa, sa), &b.view(&qb, sb), rules, context) {
                // figures that meet only within the wide margin of reference rates are
                // not shown to be one figure: only figures well apart say something
                Pair::Agree { .. } | Pair::Rise if rough => Pair::Nothing,
                other => other,
            },
            Some(note),
        ),
        Converted::Apart(apart) => {
            let shown = |i: &Item<'_>| match ctx.pack.unit(&i.q.unit) {
                Some(u) => convert::show(i.q, u),
                None => interval::describe(&i.q.value),
            };
            let verdict = match pair(a, b, rules, context) {
                Pair::Agree { .. } | Pair::Conflict { .. } | Pair::Rise => Pair::DiffScope {
                    why: Why::Unit,
                    text: format!("{} vs {}: {apart}", shown(a), shown(b)),
                },
                Pair::DiffScope { why, text } => Pair::DiffScope {
                    why,
                    text: format!("{text} ({apart})"),
                },
                Pair::Nothing => Pair::Nothing,
            };
            (verdict, None)
        }
    }
}

/// A source's own conversion into another currency that fits, at reference rates,
/// neither its figure nor another figure for about the same amount: a conflict.
const MISCONVERTED_CONFIDENCE: f64 = 0.5;

/// `verdict` on two figures in one currency, unless one is given by its source in
/// another currency as well and that conversion fits neither figure at the reference
/// rates of its year ([`convert::misconverted`]): then a conflict over that conversion
/// ("over EUR 400 million (GBP 247.9 million)" beside "EUR 416 million"). Only figures
/// that agree, or whose scope is unknown, are so read: figures set apart by their period,
/// subject or thing counted stay apart. The conflict stands where one source gives both
/// figures: it is that source's conversion that does not fit.
fn misconverted(ctx: &Ctx<'_>, a: &Item<'_>, b: &Item<'_>, verdict: Pair) -> Pair {
    if !matches!(
        verdict,
        Pair::Agree { .. }
            | Pair::DiffScope {
                why: Why::Unknown,
                ..
            }
    ) {
        return verdict;
    }
    match convert::misconverted(a.q, b.q, ctx.pack)
        .or_else(|| convert::misconverted(b.q, a.q, ctx.pack))
    {
        Some(why) => Pair::Conflict {
            confidence: MISCONVERTED_CONFIDENCE,
            why,
            dispute: true,
        },
        None => verdict,
    }
}

/// A group of up to this many distinct figures has every pair compared (at most about
/// 18,000 pairs): the figures of one ordinary story, even a running list of cities'
/// turnouts, stay well inside it, and a figure given once in two sources is still set
/// beside the other.
const FULL_PAIRING_MAX: usize = 192;

/// How many of a group's `n` distinct figures are compared with each other: all of them
/// up to [`FULL_PAIRING_MAX`]; past it the [`block::BUCKET_PAIRWISE_CAP`] most repeated,
/// every other one with those only, which keeps thousands of distinct figures linear.
fn pairwise_cap(n: usize) -> usize {
    if n <= FULL_PAIRING_MAX {
        n
    } else {
        block::BUCKET_PAIRWISE_CAP
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::extract::Interval;

    /// The figures (as written) of each agreement, sorted.
    fn agreed(findings: &[crate::compare::Finding]) -> Vec<Vec<f64>> {
        findings
            .iter()
            .filter(|f| f.verdict.as_str() == "agreement")
            .map(|f| {
                let mut v: Vec<f64> = f.evidence.iter().filter_map(|e| e.number).collect();
                v.sort_by(f64::total_cmp);
                v
            })
            .collect()
    }

    fn crowd(id: &'static str, phrase: &'static str, value: Interval) -> Doc {
        doc(
            id,
            &format!("Organisers said {phrase} joined the marches worldwide."),
        )
        .with(q(phrase, value).kind("counts", "people", "attended", "people"))
    }

    #[test]
    fn a_figure_joins_its_near_rendering_before_a_looser_agreement() {
        let above = |x: f64| Interval {
            min: Some(x),
            max: None,
            min_inclusive: false,
            max_inclusive: false,
        };
        let f = run(vec![
            crowd("a", "more than a million people", above(1e6)),
            crowd("b", "an estimated 4,625,000 people", exact(4_625_000.0)),
            crowd("c", "over 4.6 million people", above(4.6e6)),
        ]);
        assert_eq!(agreed(&f), [vec![4_600_000.0, 4_625_000.0]], "{f:#?}");
    }

    #[test]
    fn two_figures_given_once_in_a_group_of_a_hundred_are_still_compared() {
        // 98 other figures given once, each far from every other one: with a 64-figure
        // sample the last two would never be set side by side
        let mut docs: Vec<Doc> = (0..98)
            .map(|i| {
                let v = 1000.0 * 1.5f64.powi(i);
                let phrase: &'static str = Box::leak(format!("{v} people").into_boxed_str());
                crowd(id(i as usize), phrase, exact(v))
            })
            .collect();
        let about = Interval::closed(Some(9000.0), Some(9200.0));
        docs.push(crowd(id(98), "9,000 to 9,200 people", about));
        docs.push(crowd(id(99), "9,100 people", exact(9100.0)));
        let f = run(docs);
        assert!(
            agreed(&f).contains(&vec![9000.0, 9100.0]),
            "{:?}",
            agreed(&f)
        );
    }

    #[test]
    fn marchers_and_people_at_one_march_are_one_count() {
        let a = doc("a", "Some 40,000 people marched in Vossberg on Sunday.").with(
            q("40,000 people", exact(40000.0)).kind("counts", "people", "attended", "people"),
        );
        let b = doc("b", "Police counted 25,000 marchers in Vossberg on Sunday.").with(
            q("25,000 marchers", exact(25000.0)).kind("counts", "people", "attended", "marchers"),
        );
        let f = run(vec![a, b]);
        assert_eq!(verdicts(&f), ["conflict"]);
    }

    #[test]
    fn lower_bounds_far_apart_are_no_agreement() {
        let marched = |id, text: &str, phrase, v: f64| {
            doc(id, text)
                .with(q(phrase, at_least(v)).kind("counts", "people", "attended", "people"))
        };
        let f = run(vec![
            marched(
                "a",
                "More than 100,000 people marched in the rain.",
                "More than 100,000 people",
                100000.0,
            ),
            marched(
                "b",
                "At least 3 million people marched in the rain.",
                "At least 3 million people",
                3e6,
            ),
        ]);
        assert!(verdicts(&f).is_empty(), "{f:#?}");
        // near bounds still agree
        let f = run(vec![
            marched(
                "a",
                "More than 2.5 million people marched in the rain.",
                "More than 2.5 million people",
                2.5e6,
            ),
            marched(
                "b",
                "At least 3 million people marched in the rain.",
                "At least 3 million people",
                3e6,
            ),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
    }
}

//! Quantity verdicts for one group: clusters, then pairs, then findings.
//!
//! Input: a quantity [`Group`]; output: its conflicts, progressions, different scopes,
//! agreements and credit variants. Members with the same signature (value, scope, part,
//! thing counted, report date) collapse into one cluster first; clusters are then
//! compared pairwise (`relation::pair`), so a figure repeated by thousands of sources
//! costs one comparison. Precision first: a conflict needs the same event, the same thing
//! counted, the same place and a known, equal time scope (or, for a cumulative toll, the
//! same report date); anything unknown or different is `different_scope` or nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use super::convert::{self, Converted};
use super::explain::finding;
use super::relation::{counted_class, pair, same_party, Pair, Rules, Why};
use super::statements::party_key;
use super::upstream::{independent_sources, upstream};
use super::{explain, interval, Ctx, Finding, Verdict};
use crate::align::{block, score};
use crate::align::{Group, Ref};
use crate::extract::{Claim, ClaimBody, Quantity};
use crate::normalize::stems::StemSet;
use crate::normalize::{fold, one_place};
use crate::text::Span;

/// A rise between report dates is plain from the figures; only a misread date undoes it.
const PROGRESSION_CONFIDENCE: f64 = 0.8;

/// A scope stated on one side only, or a report date missing: the figures may be one.
const UNSURE_SCOPE_CONFIDENCE: f64 = 0.5;

/// A forecast or fear beside a figure stated as fact: status words are easily misread.
const STATUS_SCOPE_CONFIDENCE: f64 = 0.6;

/// Both sides state what differs (period, part, thing counted, place, subject).
const DIFFERENT_SCOPE_CONFIDENCE: f64 = 0.8;

/// Compatible values, one stated scope on both sides.
const AGREEMENT_CONFIDENCE: f64 = 0.9;

/// Compatible values whose scope is stated on one side only, or that stand next to two
/// different names: they may still measure different things.
const WEAK_AGREEMENT_CONFIDENCE: f64 = 0.6;

/// A minor event's figure set against the most alike main figure: the pairing is a guess.
const OTHER_EVENT_CONFIDENCE: f64 = 0.7;

/// Credits read from attribution phrases, which the extractor may misparse.
const CREDIT_VARIANT_CONFIDENCE: f64 = 0.7;

/// The figures of a sentence looked at for a companion: a line of figures (a results
/// table) pairs with anything, and is no snapshot of one moment.
const COMPANIONS_MAX: usize = 4;

/// At most this many conflict findings come from one group, the most confident first; each
/// says how many there were. Hundreds of distinct figures credited to as many claimants
/// (text written to provoke it) would otherwise give one conflict per pair of figures,
/// each listing every claim of both, an output of hundreds of times the input.
const CONFLICTS_LISTED: usize = 64;

pub(super) struct Item<'a> {
    pub(super) r: Ref,
    pub(super) sid: &'a str,
    pub(super) claim: &'a Claim,
    pub(super) q: &'a Quantity,
    /// The person or organisation the figure is about: the nearest such mention in the
    /// sentence that is not part of the attribution ("the RPU won 142 seats").
    pub(super) subject: Option<(String, String)>,
    /// Content stems of the sentence, numbers left out, plus entity keys: one set per
    /// sentence, shared by the figures of that sentence (a 2,000-byte sentence cut from a
    /// line of figures holds dozens).
    pub(super) context: Arc<StemSet>,
    /// How the figure reads in an explanation when it was converted into another unit
    /// for the comparison ("5 miles"); `None`: its interval as it is.
    pub(super) shown: Option<String>,
    /// The numbers of every figure of the sentence, this one's too: one list per
    /// sentence, shared by its figures (see `relation::shared_companion`).
    pub(super) companions: Rc<Vec<f64>>,
}

impl<'a> Item<'a> {
    /// This figure as `q` (the same figure in another unit), read as `shown`.
    fn view<'b>(&self, q: &'b Quantity, shown: String) -> Item<'b>
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

pub(super) struct Cluster<'a> {
    pub(super) items: Vec<Item<'a>>,
}

impl<'a> Cluster<'a> {
    pub(super) fn rep(&self) -> &Item<'a> {
        &self.items[0]
    }
    pub(super) fn sources(&self) -> BTreeSet<&'a str> {
        self.items.iter().map(|i| i.sid).collect()
    }
}

/// Clusters that differ in one way, and the ways written out (in order of first
/// appearance, each once: the set answers "seen already?" in constant time, where a scan of
/// the list made thousands of distinct figures quadratic).
type Differences = (BTreeSet<usize>, Vec<String>, HashSet<String>);

/// Findings of a quantity group.
pub(crate) fn quantities(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
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
    let rules = Rules {
        several_places: false,
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
    // each cluster's sources once, not once per pair it is in
    let cluster_sources: Vec<BTreeSet<&str>> = clusters.iter().map(Cluster::sources).collect();
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, sources) in cluster_sources.iter().enumerate() {
        for s in sources {
            by_source.entry(s).or_default().push(i);
        }
    }
    let mut several_by_events: BTreeMap<[Option<&str>; 2], bool> = BTreeMap::new();
    let mut agree: BTreeSet<(usize, usize)> = BTreeSet::new();
    // The conversion each agreeing pair of clusters in two units relied on.
    let mut notes: BTreeMap<(usize, usize), String> = BTreeMap::new();
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
            // Decided once per pair of events, not once per pair of clusters.
            let events = [ca.rep().q.event.as_deref(), cb.rep().q.event.as_deref()];
            let several = *several_by_events.entry(events).or_insert_with(|| {
                let named: BTreeSet<&str> = events
                    .iter()
                    .filter_map(|e| places.get(e))
                    .flatten()
                    .copied()
                    .collect();
                several_places(&named)
            });
            let rules = Rules {
                several_places: several,
                ..rules
            };
            let (verdict, note) = pair_in_units(ctx, ca.rep(), cb.rep(), rules, context);
            match verdict {
                Pair::Agree { weak: w } => {
                    agree.insert((a, b));
                    if let Some(note) = note {
                        notes.insert((a, b), note);
                    }
                    if w {
                        weak.insert((a, b));
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
                            .any(|s| !credits_differ(&clusters, a, b, s))
                    {
                        // A source that gives both figures treats them as two different
                        // things ("a $310 million gap ... draws $85 million"), unless it
                        // credits them to two claimants: then it reports their dispute.
                        continue;
                    }
                    if !dispute
                        && (knows(&clusters, &cluster_sources, &by_source, a, b)
                            || knows(&clusters, &cluster_sources, &by_source, b, a))
                    {
                        // A source that also gives the other side's figure for the same
                        // event ("carrying 477 people" in an old caption, "459 people" in
                        // its text) carries an update or a correction, not a rival count.
                        continue;
                    }
                    let why = match note {
                        Some(note) => format!("{why}; {note}"),
                        None => why,
                    };
                    conflicts.push((a, b, confidence, why));
                }
                Pair::Rise => rises.push((a, b)),
                Pair::DiffScope { why, text } => {
                    if cluster_sources[a] == cluster_sources[b]
                        && cluster_sources[a].len() == 1
                        && why != Why::Part
                    {
                        continue;
                    }
                    let text = match note {
                        Some(note) => format!("{text} ({note})"),
                        None => text,
                    };
                    let e = diff.entry((ca.rep().q.event.as_deref(), why)).or_default();
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

    // Progressions: clusters linked by rises, in report-date order.
    // A chain is keyed by its smallest cluster (the union-find representative).
    let mut uf = block::UnionFind::new(n);
    for &(a, b) in &rises {
        uf.union(a, b);
    }
    let mut chains: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &(a, b) in &rises {
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
            &kind_id,
            explain::quantity_summary(members[0].rep().q, true),
            format!(
                "cumulative figure rises between reports: {}",
                steps.join(" -> ")
            ),
            PROGRESSION_CONFIDENCE,
            &members,
        ));
    }

    // Different scopes, one finding per sort of difference.
    if cumulative {
        // Tolls: killed, missing, recovered, injured are easy to mix up. Other kinds mix
        // things no reader would compare (tents and aftershocks).
        findings.extend(other_events(ctx, &kind_id, &clusters));
    }
    for ((_, why), (set, texts, _)) in diff {
        let members: Vec<&Cluster<'_>> = set.iter().map(|&i| &clusters[i]).collect();
        let confidence = match why {
            Why::Unknown | Why::ReportDate => UNSURE_SCOPE_CONFIDENCE,
            Why::Status => STATUS_SCOPE_CONFIDENCE,
            _ => DIFFERENT_SCOPE_CONFIDENCE,
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
    // gathering unrelated ones; a cluster joins the compatible clique that holds the most
    // figures written as it is, then the one with which it has the most same-scope links.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        (
            clusters[i].rep().q.vague,
            std::cmp::Reverse(clusters[i].items.len()),
        )
    });
    // Only a clique holding one of a cluster's agreeing neighbours can take it, so those
    // are the only ones looked at (in clique order, as a scan of all would meet them):
    // thousands of figures that agree with nothing cost no scan of thousands of cliques.
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &agree {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut clique_of: Vec<Option<usize>> = vec![None; n];
    let mut cliques: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let key = |a: usize, b: usize| (a.min(b), a.max(b));
        let edge = |a: usize, b: usize| agree.contains(&key(a, b));
        // the same figure as written first ("at least 3 million" twice), then strong links
        let number = |j: usize| clusters[j].rep().q.number;
        let strong = |c: &Vec<usize>| {
            (
                c.iter()
                    .filter(|&&j| number(j).is_some() && number(j) == number(i))
                    .count(),
                c.iter().filter(|&&j| !weak.contains(&key(i, j))).count(),
            )
        };
        let candidates: BTreeSet<usize> =
            neighbours[i].iter().filter_map(|&j| clique_of[j]).collect();
        let best = candidates
            .into_iter()
            .filter(|&k| cliques[k].iter().all(|&j| edge(i, j)))
            .fold(None::<((usize, usize), usize)>, |best, k| {
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
            &kind_id,
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
        if let Some(mut v) = credit_variant(ctx, &members, independent.0) {
            if let Some(note) = &independent.2 {
                v.explanation.push_str(note);
            }
            findings.push(v);
        }
    }
    if n > block::BUCKET_PAIRWISE_CAP {
        // the pairs were a sample: say so where the reader looks
        let note = format!(
            "; compared as a sample: {n} distinct figures, the {} most repeated with each other, every other one with those only",
            block::BUCKET_PAIRWISE_CAP
        );
        for f in &mut findings {
            f.explanation.push_str(&note);
        }
    }
    findings
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
    match convert::common(a.q, b.q, ctx.pack) {
        Converted::Same => (pair(a, b, rules, context), None),
        Converted::Unrelated => (Pair::Nothing, None),
        Converted::Views {
            a: qa,
            b: qb,
            shown: [sa, sb],
            note,
        } => (
            pair(&a.view(&qa, sa), &b.view(&qb, sb), rules, context),
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

/// One conflict finding per pair of agreeing sides: when 2,300 (two wordings, two
/// sources) and 1,650 disagree, that is one disagreement, not one per wording. The
/// strongest pair explains it; the others are counted. At most [`CONFLICTS_LISTED`] are
/// built.
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
    merged
        .into_iter()
        .filter_map(|(members, confidence, why)| {
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
            OTHER_EVENT_CONFIDENCE,
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
        CREDIT_VARIANT_CONFIDENCE,
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

/// Whether a source of cluster `a` also writes, for the same event, the number of cluster
/// `b` ("477" in a caption, "459" in the text): that source knows both numbers. A bound
/// that merely contains it ("more than 280" beside 291) is not the number, and a source
/// that credits the two numbers to two different parties ("organisers said 750,000,
/// police put it at 500,000") reports their dispute rather than correcting itself.
/// Bounded by the clusters per source.
fn knows(
    clusters: &[Cluster<'_>],
    cluster_sources: &[BTreeSet<&str>],
    by_source: &BTreeMap<&str, Vec<usize>>,
    a: usize,
    b: usize,
) -> bool {
    let (qa, qb) = (clusters[a].rep().q, clusters[b].rep().q);
    cluster_sources[a].iter().any(|s| {
        by_source.get(s).is_some_and(|own| {
            own.iter().any(|&c| {
                let qc = clusters[c].rep().q;
                c != a
                    && c != b
                    && qc.event == qa.event
                    && qc.number.is_some()
                    && qc.number == qb.number
                    && qc.unit == qb.unit
                    && !credits_differ(clusters, a, c, s)
            })
        })
    })
}

/// Whether source `s` credits its figures in clusters `a` and `b` to two different
/// parties ("organisers said 750,000, police put it at 500,000"): it reports a dispute.
fn credits_differ(clusters: &[Cluster<'_>], a: usize, b: usize, s: &str) -> bool {
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

/// Whether the places named by one event's figures are several: two that are not one
/// inside the other's name ("south korea" and "south korea ferry" read from a headline
/// are one place; "chicago" and "boston" are two).
fn several_places(places: &BTreeSet<&str>) -> bool {
    let places: Vec<&str> = places.iter().copied().collect();
    places
        .iter()
        .enumerate()
        .any(|(i, a)| places[i + 1..].iter().any(|b| !one_place(a, b)))
}

/// The context words of a claim's sentence: its content stems, numbers left out (as
/// extract recorded them), plus the keys of the names in it. Depends on the claim's
/// source and sentence only. A sentence without names shares extract's set.
fn context(ctx: &Ctx<'_>, r: Ref, claim: &Claim, q: &Quantity) -> Arc<StemSet> {
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
fn numbers_of_sentence(ctx: &Ctx<'_>, source: usize, sentence: usize) -> Vec<f64> {
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
    use crate::extract::Interval;
    use jiff::civil::{date, Date};

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

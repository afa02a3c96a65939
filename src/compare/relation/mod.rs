//! How two quantity figures relate: the relation ladder.
//!
//! Input: two cluster representatives ([`Item`]s), the kind's [`Rules`] and how alike
//! their sentences are; output: a [`Pair`] (agree, conflict, rise, different scope or
//! nothing). `pair` checks the subjects, `pair_in_scope` the status, period and claimants,
//! `cumulative_pair` the report dates of a running count; below them [`scope`] says
//! whether two figures measure one thing.

mod scope;

use std::collections::BTreeSet;

use super::interval;
use super::quantities::Item;
use super::upstream::{upstream, Upstream};
use crate::extract::{Quantity, TimeScopeKind};
use crate::normalize::{fold, one_place};
pub(in crate::compare) use scope::describe_time;
pub(crate) use scope::scope_words;
use scope::{scope_rel, status_rel, what_rel, Rel};

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

/// A conflict with everything known and equal: same scope, same upstream or none.
const CONFLICT_CONFIDENCE: f64 = 0.85;

/// Two named claimants' figures that cannot both hold: a real dispute, though either
/// side may count by a method of its own.
const DISPUTE_CONFIDENCE: f64 = 0.7;

/// The same, when neither figure states a period: only the sentences tie them together.
const UNTIMED_DISPUTE_CONFIDENCE: f64 = 0.55;

/// A conflict of figures that state no period: only the sentences tie them together.
const UNTIMED_CONFLICT_CONFIDENCE: f64 = 0.6;

/// A conflict where the two sides credit different upstreams (or one credits none).
const ONE_SIDED_CONFLICT_CONFIDENCE: f64 = 0.6;

/// Untimed and credited differently: both doubts at once.
const UNTIMED_ONE_SIDED_CONFLICT_CONFIDENCE: f64 = 0.45;

/// A running count that falls between report dates: one of the two dates may be misread.
const FALLING_COUNT_CONFIDENCE: f64 = 0.75;

/// Why two figures measure different things; also the order of different-scope findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Why {
    Status,
    Period,
    Subject,
    Part,
    Counted,
    Place,
    ReportDate,
    /// Two units that do not convert (two currencies, no rate given by the text).
    Unit,
    Unknown,
}

/// How a kind's figures are compared (from the claims pack).
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules<'p> {
    pub(super) cumulative: bool,
    pub(super) event_day: bool,
    /// Named bodies measure by methods of their own: claimants differing is not a dispute.
    pub(super) method_dependent: bool,
    /// Sets of counted nouns that name one thing (`same_counted`).
    pub(super) same_counted: &'p [Vec<String>],
    /// Counted nouns and the narrower ones that name kinds of them (`kinds_of`).
    pub(super) kinds_of: &'p [(String, Vec<String>)],
    /// For ratios ("twice the size of last year's rally", whose `counted` is the
    /// reference): the words of a reference that do not say what it is
    /// ([`crate::pack::Ratio::generic_references`]).
    pub(super) references: Option<&'p [String]>,
    /// The kind's events, for the wholes their shares are of (`whole`).
    pub(super) events: &'p [crate::pack::Event],
    /// The group's figures name two or more places (a march in many cities): a figure
    /// that names none may be any of them, so it conflicts with nothing.
    pub(super) several_places: bool,
    /// The group's figures are physical measures (lengths, areas, weights): a vague one
    /// ("a few kilometres") means its range literally.
    pub(super) measures: bool,
    /// What the story's sources say of which place is in which.
    pub(super) places: Option<&'p super::places::PlaceTree>,
}

pub(super) enum Pair {
    Agree {
        weak: bool,
    },
    /// `dispute`: a conflict one source may report side by side: two named claimants'
    /// figures ("the prosecutor counted 10 dead; the opposition said 14"), or a source's
    /// own conversion that does not fit its figure (`quantities::misconverted`).
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

/// The thing counted, or `None` when it is only the unit itself ("people" for people).
pub(super) fn counted_class(q: &Quantity) -> Option<String> {
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

/// (`context_similarity`).
pub(super) fn pair(a: &Item<'_>, b: &Item<'_>, rules: Rules<'_>, context: f64) -> Pair {
    let (qa, qb) = (a.q, b.q);
    if rules
        .references
        .is_some_and(|generic| shared_reference(qa, qb, generic).is_none())
    {
        // "twice last year's march" and "three times the harbour festival": multiples of
        // two things, never compared
        return Pair::Nothing;
    }
    let overlap = meet(qa, qb);
    if let (Some((ka, na)), Some((kb, nb))) = (&a.subject, &b.subject) {
        if !same_party(ka, kb) {
            if !overlap {
                return Pair::DiffScope {
                    why: Why::Subject,
                    text: format!("{} for {na} vs {} for {nb}", shown(a), shown(b)),
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

/// A word the references of two ratios share that says what they are (not one of
/// `generic`, such as "crowd" or "size"): "last year's rally in Portwick" and "the
/// Portwick rally of last year" share "portwick".
fn shared_reference<'q>(a: &'q Quantity, b: &'q Quantity, generic: &[String]) -> Option<&'q str> {
    let words = |q: &'q Quantity| {
        q.counted
            .as_deref()
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(|w| w.trim_end_matches("'s").trim_matches('\''))
            .filter(|w| w.len() > 2 && !generic.iter().any(|g| g == w))
    };
    let theirs: Vec<&str> = words(b).collect();
    words(a).find(|w| theirs.iter().any(|t| class_of(t) == class_of(w)))
}

/// `pair` once the subjects are known not to differ.
fn pair_in_scope(a: &Item<'_>, b: &Item<'_>, rules: Rules<'_>, context: f64) -> Pair {
    match scope_rel(a.q, b.q, rules) {
        Rel::Different(why, text) => Pair::DiffScope { why, text },
        Rel::PartOverWhole(text) => part_over_whole(a, b, rules, context, text),
        Rel::Unknown(text) => match day_toll_over_report(a, b, rules) {
            Some(why) => Pair::Conflict {
                dispute: false,
                confidence: DAY_TOLL_CONFIDENCE,
                why,
            },
            // a period stated by one only: nothing to tell when what the two count
            // differs as well ("two countries" visited, "two junta-linked companies")
            None if matches!(what_rel(a.q, b.q, rules), Rel::Different(Why::Counted, _)) => {
                Pair::Nothing
            }
            None => unknown_scope_pair(a, b, context, &text),
        },
        Rel::Same => same_scope_pair(a, b, rules, context),
    }
}

/// A narrower group counted above the wider one it is part of, in sentences tied as a
/// conflict's must be: one of the two counts is wrong, or one of them is of another
/// moment or place the text did not say.
const PART_OVER_WHOLE_CONFIDENCE: f64 = 0.55;

/// A part counted above its whole (`Rel::PartOverWhole`, `text` says which): a conflict
/// when the two are tied as any conflict's figures must be (`Disjoint::tied`), neither is
/// a forecast or a fear, and they are not orders of magnitude apart.
fn part_over_whole(
    a: &Item<'_>,
    b: &Item<'_>,
    rules: Rules<'_>,
    context: f64,
    text: String,
) -> Pair {
    let (qa, qb) = (a.q, b.q);
    if far_apart(qa, qb, RIVAL_FIGURES_MAX_RATIO) || status_rel(qa, qb).is_some() {
        return Pair::Nothing;
    }
    let d = Disjoint::new(a, b, rules, false);
    if !d.tied(context, shared_companion(a, b).is_some()) {
        return Pair::Nothing;
    }
    Pair::Conflict {
        dispute: false,
        confidence: PART_OVER_WHOLE_CONFIDENCE,
        why: format!("{text}: a part cannot be larger than its whole"),
    }
}

/// A running count stated for one day and exceeding the untimed count another source
/// reported that same day: two readings of the day, each doubtful in its own way.
const DAY_TOLL_CONFIDENCE: f64 = 0.6;

/// A running count stated for a day ("at least 292 dead on Thursday") above the same
/// count that another source, untimed, reported on that very day ("the toll rose to 243",
/// dated Thursday): whether the day's figure is the toll as of that day or the deaths of
/// that day alone, it cannot exceed the whole toll reported the same day. Below it, it
/// may be the day's share, so nothing is said; a day not resolved to a date, a report
/// date on another day, or figures of different events or things say nothing either.
fn day_toll_over_report(a: &Item<'_>, b: &Item<'_>, rules: Rules<'_>) -> Option<String> {
    let (qa, qb) = (a.q, b.q);
    if !rules.cumulative || qa.vague || qb.vague || qa.event.is_none() || qa.event != qb.event {
        return None;
    }
    let day = |q: &Quantity| {
        q.scope
            .time
            .as_ref()
            .filter(|t| t.kind == TimeScopeKind::Day && t.from.is_some() && t.from == t.to)
            .and_then(|t| t.from)
    };
    let (dated, untimed) = match (day(qa), day(qb)) {
        (Some(_), None) if qb.scope.time.is_none() => (a, b),
        (None, Some(_)) if qa.scope.time.is_none() => (b, a),
        _ => return None,
    };
    let d = day(dated.q)?;
    if untimed.q.scope.as_of != Some(d)
        || far_apart(qa, qb, CUMULATIVE_DISPUTE_MAX_RATIO)
        || !matches!(what_rel(qa, qb, rules), Rel::Same)
    {
        return None;
    }
    let (Some(lo), Some(hi)) = (dated.q.value.min, untimed.q.value.max) else {
        return None;
    };
    let above = lo >= hi && !dated.q.value.overlaps(&untimed.q.value);
    above.then(|| {
        format!(
            "{} for {d} is more than the {} the same count stood at in a report of that day; whether it is the count as of that day or that day's alone, it cannot exceed it",
            shown(dated),
            shown(untimed)
        )
    })
}

/// How far past a vague amount's range a figure must lie to contradict it, as a ratio
/// to the range's near end.
const VAGUE_CONTRADICTION_RATIO: f64 = 2.0;

/// Whether, of a vague amount and a figure, the figure lies more than
/// [`VAGUE_CONTRADICTION_RATIO`] times past the end of the amount's range.
fn far_past_vague(qa: &Quantity, qb: &Quantity) -> bool {
    let (vague, exact) = if qa.vague { (qa, qb) } else { (qb, qa) };
    let above = matches!((vague.value.max, exact.value.min), (Some(v), Some(x))
        if v > 0.0 && x > v * VAGUE_CONTRADICTION_RATIO);
    let below = matches!((vague.value.min, exact.value.max), (Some(v), Some(x))
        if x >= 0.0 && x * VAGUE_CONTRADICTION_RATIO < v);
    above || below
}

/// Two figures whose scope relation is unknown (`text` says why): a weak agreement when
/// they overlap and one reads as the other, a scope question for the reader when they are
/// close and their sentences alike, else nothing.
fn unknown_scope_pair(a: &Item<'_>, b: &Item<'_>, context: f64, text: &str) -> Pair {
    let (qa, qb) = (a.q, b.q);
    if meet(qa, qb) && ceiling_far_above(qa, qb) {
        Pair::Nothing
    } else if meet(qa, qb) && (qa.vague || qb.vague || mutual(qa, qb)) {
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
            text: format!("{} vs {}: {text}", shown(a), shown(b)),
        }
    }
}

/// Two figures of one scope: an agreement when they overlap, a rise when a running
/// count grew between reports, else what [`Disjoint::pair`] makes of them.
fn same_scope_pair(a: &Item<'_>, b: &Item<'_>, rules: Rules<'_>, context: f64) -> Pair {
    let (qa, qb) = (a.q, b.q);
    let overlap = meet(qa, qb);
    if qa.vague || qb.vague {
        if overlap {
            return Pair::Agree { weak: false };
        }
        // A vague count is loose ("thousands marched" of a crowd put at 50,000 is no
        // contradiction), and no vague amount contradicts another; a vague physical
        // measure contradicts a figure only from more than twice past its far end ("a
        // few kilometres" and 20 km from one island; not "several miles" and 12 miles).
        if rules.cumulative || !rules.measures || qa.vague == qb.vague || !far_past_vague(qa, qb) {
            return Pair::Nothing;
        }
    }
    let timeless_or_since = |q: &Quantity| {
        q.scope
            .time
            .as_ref()
            .is_none_or(|t| t.kind == TimeScopeKind::Since)
    };
    let cumulative = rules.cumulative && timeless_or_since(qa) && timeless_or_since(qb);
    if cumulative && reported_far_apart(qa, qb) {
        // A toll of one report and another's months later: most likely two
        // events; nothing a reader should set side by side.
        return Pair::Nothing;
    }
    let rises = cumulative.then(|| rise(qa, qb)).flatten();
    if rises == Some(true) {
        return Pair::Rise;
    }
    if overlap && (one_way_bounds_apart(qa, qb) || ceiling_far_above(qa, qb)) {
        // "more than 100,000" and "at least 3 million": both fit any large enough
        // crowd; that they overlap says nothing of one count
        return Pair::Nothing;
    }
    if overlap {
        return Pair::Agree { weak: false };
    }
    Disjoint::new(a, b, rules, cumulative).pair(context)
}

/// Two figures of one scope that do not overlap, with what their credits say.
struct Disjoint<'a, 'i> {
    a: &'a Item<'i>,
    b: &'a Item<'i>,
    rules: Rules<'a>,
    /// A running count compared as one (no period, or one since a start).
    cumulative: bool,
    /// Neither figure states a period.
    untimed: bool,
    ua: Option<Upstream>,
    ub: Option<Upstream>,
    /// Two claimants, both named or both not, that are not one party.
    rivals: bool,
}

impl<'a, 'i> Disjoint<'a, 'i> {
    fn new(a: &'a Item<'i>, b: &'a Item<'i>, rules: Rules<'a>, cumulative: bool) -> Self {
        let (ua, ub) = (upstream(a.claim), upstream(b.claim));
        // Two claimants, both named ("the CNE", "Torino Capital") or both not
        // ("police", "the organisers"), giving figures for one event: their sentences
        // need not be alike. An unnamed credit next to a named one ("the electoral
        // commission", "the CNE") may be the same body.
        let rivals = match (&ua, &ub) {
            (Some(x), Some(y)) => x.named == y.named && !same_party(&x.key, &y.key),
            _ => false,
        };
        Disjoint {
            a,
            b,
            rules,
            cumulative,
            untimed: a.q.scope.time.is_none(),
            ua,
            ub,
            rivals,
        }
    }

    /// A conflict, a dispute between claimants, an estimate within its margin, a
    /// forecast set apart, or nothing when too little ties the figures together.
    fn pair(&self, context: f64) -> Pair {
        let (a, b) = (self.a, self.b);
        let (qa, qb) = (a.q, b.q);
        let companion = shared_companion(a, b);
        if !self.tied(context, companion.is_some()) {
            return Pair::Nothing;
        }
        if let Some(Rel::Different(why, text)) = status_rel(qa, qb) {
            // a forecast or a fear that would otherwise conflict with a stated figure
            return Pair::DiffScope { why, text };
        }
        if self.cumulative {
            if within_estimate_margin(qa, qb) {
                return self.within_margin();
            }
            return cumulative_pair(a, b);
        }
        if far_apart(qa, qb, RIVAL_FIGURES_MAX_RATIO) {
            // what each counts differs in a way the text did not say (place, group)
            return Pair::Nothing;
        }
        if self.rules.references.is_some() {
            return self.ratio_conflict();
        }
        if let (Some(x), Some(y)) = (&self.ua, &self.ub) {
            if self.rivals {
                return self.rival_pair(x, y);
            }
        }
        if within_estimate_margin(qa, qb) {
            return self.within_margin();
        }
        self.conflict(companion)
    }

    /// Whether enough ties the two figures together to call their difference anything:
    /// alike sentences, or something said alike (`said_alike`), and something that says
    /// what they measure, one place each where the story has several, and no figure read
    /// without its multiplier.
    fn tied(&self, context: f64, companion: bool) -> bool {
        let (qa, qb) = (self.a.q, self.b.q);
        // An event named on both sides ("taken shelter", "moved to relief camps") says
        // what both count; only figures with none need their sentences to say it.
        let same_event = qa.event.is_some() && qa.event == qb.event;
        let min_context = if self.untimed && !self.cumulative && !same_event {
            UNTIMED_CONFLICT_CONTEXT_MIN
        } else {
            CONFLICT_CONTEXT_MIN
        };
        let claimed_event = qa.event.is_some() && qb.event.is_some();
        // "Vossberg: 40,000" in a list and "in Vossberg, ... between 55,000 and 60,000
        // people": one event in one named place says what both count.
        let placed_event = same_event
            && matches!((&qa.scope.place, &qb.scope.place), (Some(x), Some(y)) if one_place(x, y));
        // two ratios reach here only when their references share a word that says what
        // they are ([`pair`])
        let said_alike = near_same_thing(qa, qb, self.rules.same_counted)
            || self.rules.references.is_some()
            || self.rivals && claimed_event
            || placed_event
            || companion;
        if context < min_context && !said_alike {
            return false; // too little in common to call it anything
        }
        if unnamed(qa) && unnamed(qb) {
            // "$85 million" and "$310m" with no event and no thing counted: nothing
            // says the two measure the same thing
            return false;
        }
        if self.rules.several_places && (qa.scope.place.is_none() || qb.scope.place.is_none()) {
            return false;
        }
        // "$150" next to "$150m": a figure read without its multiplier, not a
        // disagreement between sources.
        !is_multiplier_apart(qa, qb)
    }

    /// An estimate within its margin of the other figure: not a conflict.
    fn within_margin(&self) -> Pair {
        Pair::DiffScope {
            why: Why::Status,
            text: format!(
                "{} vs {}: an estimate within its margin of the other figure",
                shown(self.a),
                shown(self.b)
            ),
        }
    }

    /// Two rival claimants' figures (`x` credits the first, `y` the second).
    fn rival_pair(&self, x: &Upstream, y: &Upstream) -> Pair {
        let (a, b) = (self.a, self.b);
        let not_rivals = |reason: &str| Pair::DiffScope {
            why: Why::Status,
            text: format!(
                "{} according to {} vs {} according to {}: {reason}",
                shown(a),
                x.name,
                shown(b),
                y.name
            ),
        };
        if self.rules.method_dependent {
            return not_rivals("two bodies may measure differently");
        }
        if within_estimate_margin(a.q, b.q) {
            return not_rivals("an estimate within its margin of the other figure");
        }
        // Two claimants' figures for one quantity that cannot both hold: a
        // dispute the reader must see ("organisers: 250,000; police: 150,000").
        let untimed = self.untimed;
        Pair::Conflict {
            dispute: true,
            confidence: if untimed {
                UNTIMED_DISPUTE_CONFIDENCE
            } else {
                DISPUTE_CONFIDENCE
            },
            why: format!(
                "two claimants give figures for the same {} that cannot both hold: {}: {}; {}: {}",
                if untimed {
                    "event and thing counted"
                } else {
                    "event and scope"
                },
                x.name,
                shown(a),
                y.name,
                shown(b)
            ),
        }
    }

    /// A conflict, as sure as the period and the credits allow; `companion`: a figure
    /// both sentences also give.
    /// Two multiples of one reference ("twice the size of last year's rally", "three
    /// times larger than last year's rally"): both cannot hold.
    fn ratio_conflict(&self) -> Pair {
        let (a, b) = (self.a, self.b);
        let times = |i: &Item<'_>| format!("{} times", interval::describe(&i.q.value));
        let credit = |u: &Option<Upstream>| {
            u.as_ref()
                .map_or_else(String::new, |u| format!(" (per {})", u.name))
        };
        Pair::Conflict {
            dispute: self.rivals,
            confidence: UNTIMED_CONFLICT_CONFIDENCE,
            why: format!(
                "{}{} vs {}{} the same reference, \u{201c}{}\u{201d}: one reference cannot be both multiples",
                times(a),
                credit(&self.ua),
                times(b),
                credit(&self.ub),
                a.q.counted.as_deref().unwrap_or("the same reference"),
            ),
        }
    }

    fn conflict(&self, companion: Option<f64>) -> Pair {
        let (a, b, untimed) = (self.a, self.b, self.untimed);
        let one_sided = self.ua.as_ref().map(|u| &u.key) != self.ub.as_ref().map(|u| &u.key);
        let confidence = match (untimed, one_sided) {
            (false, false) => CONFLICT_CONFIDENCE,
            (true, false) => UNTIMED_CONFLICT_CONFIDENCE,
            (false, true) => ONE_SIDED_CONFLICT_CONFIDENCE,
            (true, true) => UNTIMED_ONE_SIDED_CONFLICT_CONFIDENCE,
        };
        Pair::Conflict {
            dispute: false,
            confidence,
            why: format!(
                "same {}; {} and {} do not overlap{}",
                if untimed {
                    "event and thing counted, no period stated by either".to_owned()
                } else {
                    "event and scope".to_owned()
                },
                shown(a),
                shown(b),
                companion.map_or_else(String::new, |x| format!(
                    "; both sentences also give {}, as reports of one moment would",
                    interval::describe(&crate::extract::Interval::exact(x))
                ))
            ),
        }
    }
}

/// How a figure reads in an explanation: its interval, or, when it was converted for the
/// comparison, the figure as written with its unit ("5 miles").
fn shown(i: &Item<'_>) -> String {
    i.shown
        .clone()
        .unwrap_or_else(|| interval::describe(&i.q.value))
}

/// Whether two entity keys name one party: equal, or the words of one all in the other
/// ("city council" and "halverston city council").
pub(super) fn same_party(a: &str, b: &str) -> bool {
    let words = |k: &str| -> BTreeSet<String> {
        k.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    a == b || (!wa.is_empty() && !wb.is_empty() && (wa.is_subset(&wb) || wb.is_subset(&wa)))
}

/// Whether two figures overlap, or touch at the number both write: "over 3,000 relief
/// camps" and "3,000 relief camps" are one round figure, not a disagreement, though the
/// open bound of the first leaves out 3,000 itself.
fn meet(a: &Quantity, b: &Quantity) -> bool {
    let touch = |hi: Option<f64>, lo: Option<f64>| matches!((hi, lo), (Some(x), Some(y)) if x == y);
    a.value.overlaps(&b.value)
        || touch(a.value.max, b.value.min)
        || touch(b.value.max, a.value.min)
        || rounded_alike(a, b)
}

/// Whether two exact figures with a fraction are one figure rounded to fewer places:
/// "41.53%" and "41.5%", "41.53%" and "42%". Whole numbers are not read so ("8,089,320"
/// and "8,100,000" are not one figure by this test): a count written whole is exact.
fn rounded_alike(a: &Quantity, b: &Quantity) -> bool {
    /// Most places after the point a rendering is read with.
    const MAX_PLACES: usize = 6;
    let point = |q: &Quantity| match (q.value.min, q.value.max) {
        (Some(x), Some(y)) if x == y && q.modifier.is_none() => Some(x),
        _ => None,
    };
    let places = |x: f64| {
        (0..=MAX_PLACES).find(|&p| {
            let scale = 10f64.powi(p as i32);
            ((x * scale).round() - x * scale).abs() < 1e-9 * scale.max(1.0)
        })
    };
    let (Some(x), Some(y)) = (point(a), point(b)) else {
        return false;
    };
    let (Some(px), Some(py)) = (places(x), places(y)) else {
        return false;
    };
    let (precise, coarse, p) = if px > py { (x, y, py) } else { (y, x, px) };
    if px == py || px.max(py) == 0 {
        return false;
    }
    let scale = 10f64.powi(p as i32);
    ((precise * scale).round() / scale - coarse).abs() < 1e-9 * coarse.abs().max(1.0)
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

/// How far apart two bounds open the same way may lie and still say one count: "more
/// than 4.6 million" and "at least 3 million" still do, "more than 100,000" and "at least 3
/// million" do not.
const ONE_WAY_BOUNDS_MAX_RATIO: f64 = 2.0;

/// Whether both figures are bounds open the same way (both "at least", or both "up to")
/// and their bounds lie more than [`ONE_WAY_BOUNDS_MAX_RATIO`] apart: they always
/// overlap, and that they do is no agreement.
fn one_way_bounds_apart(a: &Quantity, b: &Quantity) -> bool {
    let apart = |x: f64, y: f64| {
        let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
        lo > 0.0 && hi / lo > ONE_WAY_BOUNDS_MAX_RATIO
    };
    match (a.value.min, a.value.max, b.value.min, b.value.max) {
        (Some(x), None, Some(y), None) | (None, Some(x), None, Some(y)) => apart(x, y),
        _ => false,
    }
}

/// How far below a ceiling ("up to 1,000") a figure may lie and still be read as the same
/// count: "up to 1,000 trapped" and "40 trapped" overlap, but say nothing of one count.
const CEILING_MAX_RATIO: f64 = 5.0;

/// Whether one figure is a ceiling from nothing ("up to 1,000": 0 to 1,000) and the other
/// lies wholly more than [`CEILING_MAX_RATIO`] times below it ("40", "at most 150").
fn ceiling_far_above(a: &Quantity, b: &Quantity) -> bool {
    let far = |c: &Quantity, x: &Quantity| match (c.value.min, c.value.max, x.value.max) {
        (Some(lo), Some(hi), Some(m)) => lo == 0.0 && m > 0.0 && m * CEILING_MAX_RATIO < hi,
        _ => false,
    };
    far(a, b) || far(b, a)
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
    match smaller_larger(a, b) {
        Some((lo, hi)) if lo != 0.0 => format!("{:.0}", hi / lo),
        _ => "many".to_owned(),
    }
}

/// The two figures as written (else a bound), in absolute value, smaller first.
fn smaller_larger(a: &Quantity, b: &Quantity) -> Option<(f64, f64)> {
    let point = |q: &Quantity| q.number.or(q.value.min).or(q.value.max).map(f64::abs);
    let (x, y) = (point(a)?, point(b)?);
    Some((x.min(y), x.max(y)))
}

/// Whether two exact-enough figures count one specific thing ("14 teachers", "15
/// teachers"; or two names the kind gives one thing, `same_counted`: "half the fleet",
/// "60 percent of its planes") and lie within `NEAR_FIGURE_MAX_RATIO` of each other.
fn near_same_thing(a: &Quantity, b: &Quantity, same_counted: &[Vec<String>]) -> bool {
    let specific = matches!((counted_class(a), counted_class(b)),
        (Some(x), Some(y)) if x == y || one_thing(same_counted, &x, &y));
    let (Some(x), Some(y)) = (a.number, b.number) else {
        return false;
    };
    let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
    specific && !a.vague && !b.vague && lo > 0.0 && hi / lo <= NEAR_FIGURE_MAX_RATIO
}

/// The other figure the sentences of two figures both give, if any ("87 vessels and 18
/// aircraft", "34 ships and 18 helicopters"): reports of one moment of the event, which
/// say alike what the two count however differently they are worded. Figures below
/// [`COMPANION_MIN`] ("one", "two") are in too many sentences to tell anything.
fn shared_companion(a: &Item<'_>, b: &Item<'_>) -> Option<f64> {
    let own = |x: f64| x.abs() < COMPANION_MIN || Some(x) == a.q.number || Some(x) == b.q.number;
    if a.q.number == b.q.number {
        return None;
    }
    a.companions
        .iter()
        .copied()
        .find(|&x| !own(x) && b.companions.contains(&x))
}

/// The smallest figure that makes two sentences reports of one moment when both give it.
const COMPANION_MIN: f64 = 3.0;

/// Whether two figures differ by a power of 1,000 with the same digits (150 and
/// 150,000,000): one was most likely read without its multiplier.
fn is_multiplier_apart(a: &Quantity, b: &Quantity) -> bool {
    let Some((lo, hi)) = smaller_larger(a, b) else {
        return false;
    };
    if lo == 0.0 {
        return false;
    }
    [1e3, 1e6, 1e9, 1e12]
        .iter()
        .any(|m| ((hi / lo) / m - 1.0).abs() < 1e-6)
}

/// Whether each figure as written lies inside the other's interval ("at least 320" and
/// "320"), which is stronger than overlapping ("more than 114" and "320" overlap).
pub(super) fn mutual(a: &Quantity, b: &Quantity) -> bool {
    match (a.number, b.number) {
        (Some(x), Some(y)) => x == y || (a.value.contains(y) && b.value.contains(x)),
        _ => a.value.overlaps(&b.value),
    }
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
    match (qa.scope.as_of, qb.scope.as_of) {
        (Some(da), Some(db)) if da != db => {
            let (early, late, de, dl) = if da < db {
                (qa, qb, da, db)
            } else {
                (qb, qa, db, da)
            };
            let (shown_early, shown_late) = if da < db {
                (shown(a), shown(b))
            } else {
                (shown(b), shown(a))
            };
            if rise(early, late) == Some(true) {
                Pair::Rise
            } else if far_apart(early, late, CUMULATIVE_DISPUTE_MAX_RATIO) {
                Pair::DiffScope {
                    why: Why::ReportDate,
                    text: format!(
                        "{} as of {de} vs {} as of {dl}: a running count does not fall {}-fold; one of them is of another date or another count",
                        shown_early,
                        shown_late,
                        ratio_text(early, late)
                    ),
                }
            } else {
                Pair::Conflict {
                    dispute: false,
                    confidence: FALLING_COUNT_CONFIDENCE,
                    why: format!(
                        "a cumulative figure cannot fall: {} as of {de}, then {} as of {dl}",
                        shown_early,
                        shown_late
                    ),
                }
            }
        }
        (Some(d), Some(_)) if far_apart(qa, qb, CUMULATIVE_DISPUTE_MAX_RATIO) => Pair::DiffScope {
            why: Why::Counted,
            text: format!(
                "{} vs {} as of {d}: {}-fold apart, more than two reports of one running count differ; most likely different counts",
                shown(a),
                shown(b),
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
                confidence: if named.is_some() {
                    DISPUTE_CONFIDENCE
                } else {
                    CONFLICT_CONFIDENCE
                },
                why: format!(
                    "same cumulative count reported as of {d}; {} and {} do not overlap{}",
                    shown(a),
                    shown(b),
                    named.unwrap_or_default()
                ),
            }
        }
        _ => Pair::DiffScope {
            why: Why::ReportDate,
            text: format!(
                "{} vs {}: a cumulative count with no report date on one side may be an update",
                shown(a),
                shown(b)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::compare::Verdict;
    use crate::extract::{Interval, TimeScopeKind};
    use jiff::civil::date;

    #[test]
    fn an_unknown_scope_between_figures_of_different_orders_is_not_reported() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let pair = |other: &'static str, v: f64| {
            run(vec![
                doc(
                    "a",
                    "The city budget for fiscal 2026 totals $4.2bn, the council said.",
                )
                .with(money("$4.2bn", 4.2e9).time(
                    TimeScopeKind::Period,
                    "fiscal 2026",
                    Some(date(2026, 1, 1)),
                    Some(date(2026, 12, 31)),
                )),
                doc(
                    "b",
                    &format!("The city budget totals {other}, the council said."),
                )
                .with(money(other, v)),
            ])
        };
        // one states a period, the other does not: worth a look when the figures are close
        assert_eq!(verdicts(&pair("$3.96bn", 3.96e9)), ["different_scope"]);
        // not when they are of different orders
        assert_eq!(verdicts(&pair("$310m", 310e6)), Vec::<&str>::new());
    }

    #[test]
    fn figures_that_say_nothing_of_what_they_measure_never_conflict() {
        // "$85 million" and "$310m": no event, no thing counted, only the unit
        let money = |phrase: &'static str, v: f64| {
            let mut m = q(phrase, exact(v)).kind("money", "USD", "spent", "USD");
            m.q.event = None;
            m.q.counted = None;
            m
        };
        let f = run(vec![
            doc(
                "a",
                "The plan draws $85 million from the city's reserve fund on Thursday.",
            )
            .with(money("$85 million", 85e6)),
            doc(
                "b",
                "The plan closes US$310m from the city's reserve fund on Thursday.",
            )
            .with(money("US$310m", 310e6)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:#?}");
        // the same sentences with the thing counted named do conflict
        let f = run(vec![
            doc(
                "a",
                "The plan draws $85 million from the city's reserve fund on Thursday.",
            )
            .with(money("$85 million", 85e6).counted("reserve draw")),
            doc(
                "b",
                "The plan closes US$310m from the city's reserve fund on Thursday.",
            )
            .with(money("US$310m", 310e6).counted("reserve draw")),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
    }

    #[test]
    fn same_day_same_toll_with_disjoint_values_is_a_conflict() {
        let f = run(vec![
            doc("a", "The toll stood at 250 people on Tuesday.")
                .with(q("250 people", exact(250.0)).day("on Tuesday", QUAKE_DAY)),
            doc("b", "At least 320 people were killed on Tuesday.")
                .with(q("At least 320 people", at_least(320.0)).day("on Tuesday", QUAKE_DAY)),
        ]);
        assert_eq!(verdicts(&f), ["conflict"]);
        assert!(f[0].confidence >= 0.8);
        assert_eq!(
            f[0].explanation,
            "same event and scope; 250 and at least 320 do not overlap"
        );
        assert_eq!(f[0].evidence.len(), 2);
    }

    #[test]
    fn compatible_bounds_are_an_agreement_not_a_conflict() {
        let f = run(vec![
            doc("a", "At least 40 people died on Monday.")
                .with(q("At least 40 people", at_least(40.0)).day("on Monday", QUAKE_DAY)),
            doc("b", "About 120 people died on Monday.").with(
                q(
                    "About 120 people",
                    Interval::closed(Some(108.0), Some(132.0)),
                )
                .day("on Monday", QUAKE_DAY),
            ),
        ]);
        assert_eq!(verdicts(&f), ["agreement"]);
    }

    #[test]
    fn a_day_toll_above_the_toll_reported_that_day_is_a_conflict() {
        let thursday = date(2023, 2, 9);
        let day_toll = |phrase: &'static str, v: f64| {
            doc(
                "b",
                &format!("Earlier on Thursday, rescuers counted {phrase} in the flattened town."),
            )
            .with(
                q(phrase, at_least(v))
                    .counted("dead people")
                    .day("on Thursday", thursday)
                    .reported(date(2023, 2, 10)),
            )
        };
        let f = run(vec![
            toll("a", 143.0, "143 people", thursday),
            day_toll("at least 190 dead people", 190.0),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:?}");
        assert!(
            f[0].explanation.contains("cannot exceed"),
            "{}",
            f[0].explanation
        );
        // below the day's report, the day's figure may be that day's deaths alone
        let f = run(vec![
            toll("a", 143.0, "143 people", thursday),
            day_toll("at least 90 dead people", 90.0),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        // reported on another day, the untimed toll may be older or newer
        let f = run(vec![
            toll("a", 143.0, "143 people", date(2023, 2, 8)),
            day_toll("at least 190 dead people", 190.0),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    #[test]
    fn unknown_scope_on_one_side_is_never_a_conflict() {
        let f = run(vec![
            doc("a", "The toll stood at 250 people on Tuesday.")
                .with(q("250 people", exact(250.0)).day("on Tuesday", QUAKE_DAY)),
            doc("b", "Some 320 people were killed.").with(q("320 people", exact(320.0))),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert_eq!(verdicts(&f), ["different_scope"]);
    }

    #[test]
    fn rising_cumulative_toll_is_a_progression_and_a_fall_is_a_conflict() {
        let rising = run(vec![
            doc("a", "The death toll rose to 1,200 people.")
                .with(q("1,200 people", exact(1200.0)).reported(date(2023, 2, 6))),
            doc("b", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&rising), ["progression"]);
        let falling = run(vec![
            doc("a", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 6))),
            doc("b", "The death toll rose to 2,900 people.")
                .with(q("2,900 people", exact(2900.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&falling), ["conflict"]);
        assert!(falling[0].explanation.contains("cannot fall"));
    }

    #[test]
    fn a_toll_so_far_is_the_toll_of_its_report() {
        // "so far" states no period a toll without it lacks: one count, one report date
        let f = run(vec![
            doc(
                "a",
                "The flood has killed 310 people so far, officials said.",
            )
            .with(
                q("310 people", exact(310.0))
                    .time(TimeScopeKind::Since, "so far", None, None)
                    .reported(date(2024, 9, 2)),
            ),
            doc("b", "The flood has killed 240 people, officials said.")
                .with(q("240 people", exact(240.0)).reported(date(2024, 9, 2))),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
        // a start the text names ("since the dam burst") is a period of its own
        let f = run(vec![
            doc("a", "The flood has killed 310 people since the dam burst.").with(
                q("310 people", exact(310.0))
                    .time(TimeScopeKind::Since, "since the dam", None, None)
                    .reported(date(2024, 9, 2)),
            ),
            doc("b", "The flood has killed 240 people, officials said.")
                .with(q("240 people", exact(240.0)).reported(date(2024, 9, 2))),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:#?}");
    }

    #[test]
    fn a_stale_headline_under_a_higher_body_is_no_fall() {
        // The later page's headline keeps an early toll (1,900) while its body gives 3,600:
        // the page reports 3,600, so nothing fell from the 2,800 of the day before.
        let page = "Quake toll rose to 1,900 people. The death toll rose to 3,600 people.";
        let f = run(vec![
            doc("a", "The death toll rose to 2,800 people.")
                .with(q("2,800 people", exact(2800.0)).reported(date(2023, 2, 6))),
            doc("b", page)
                .with(q("1,900 people", exact(1900.0)).reported(date(2023, 2, 7)))
                .with(q("3,600 people", exact(3600.0)).reported(date(2023, 2, 7))),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:#?}");
        assert!(verdicts(&f).contains(&"progression"), "{f:#?}");
        // a page whose every figure is below the earlier one still reports a fall (the
        // body's figure read as 2,600)
        let f = run(vec![
            doc("a", "The death toll rose to 2,800 people.")
                .with(q("2,800 people", exact(2800.0)).reported(date(2023, 2, 6))),
            doc("b", page)
                .with(q("1,900 people", exact(1900.0)).reported(date(2023, 2, 7)))
                .with(q("3,600 people", exact(2600.0)).reported(date(2023, 2, 7))),
        ]);
        assert!(verdicts(&f).contains(&"conflict"), "{f:#?}");
    }

    #[test]
    fn a_toll_that_falls_more_than_twofold_is_another_count_not_a_conflict() {
        // A later page's headline over an older body, or a past disaster's toll: a running
        // count does not fall from 3,400 to 1,200 in a day.
        let falling = run(vec![
            doc("a", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 6))),
            doc("b", "The death toll rose to 1,200 people.")
                .with(q("1,200 people", exact(1200.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&falling), ["different_scope"]);
        assert!(falling[0].explanation.contains("does not fall 3-fold"));
    }

    #[test]
    fn open_cumulative_bound_then_a_higher_figure_is_a_progression() {
        let f = run(vec![
            doc("a", "The quake has killed at least 1,200 people.")
                .with(q("at least 1,200 people", at_least(1200.0)).reported(date(2023, 2, 6))),
            doc("b", "The quake has killed 3,100 people.")
                .with(q("3,100 people", exact(3100.0)).reported(date(2023, 2, 9))),
        ]);
        assert_eq!(verdicts(&f), ["progression"]);
        assert!(f[0]
            .explanation
            .contains("at least 1,200 (2023-02-06) -> 3,100 (2023-02-09)"));
    }

    #[test]
    fn cumulative_figures_without_report_dates_are_not_a_conflict() {
        let f = run(vec![
            doc("a", "The death toll rose to 1,200 people.").with(q("1,200 people", exact(1200.0))),
            doc("b", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&f), ["different_scope"]);
    }

    #[test]
    fn vague_amounts_never_conflict() {
        let f = run(vec![
            doc("a", "Scores of people were killed on Saturday.").with(
                q("Scores of people", Interval::closed(Some(20.0), Some(99.0)))
                    .vague()
                    .day("on Saturday", QUAKE_DAY),
            ),
            doc("b", "More than 300 people were killed on Saturday.")
                .with(q("300 people", at_least(300.0)).day("on Saturday", QUAKE_DAY)),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_vague_measure_contradicts_a_figure_only_more_than_twice_past_its_range() {
        let ship = |id: &'static str, text: &'static str, phrase: &'static str, v: Interval| {
            let q = q(phrase, v)
                .kind("measures", "km", "distance", "distance")
                .place("tolvik");
            doc(id, text).with(if phrase.starts_with("a few") {
                q.vague()
            } else {
                q
            })
        };
        let few = || {
            ship(
                "b",
                "The ship sank a few kilometres from Tolvik.",
                "a few kilometres",
                Interval::closed(Some(2.0), Some(9.0)),
            )
        };
        let f = run(vec![
            ship("a", "The ship sank 20 km off Tolvik.", "20 km", exact(20.0)),
            few(),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
        // 15 km is past "a few" but within twice its far end: nothing to tell
        let f = run(vec![
            ship("a", "The ship sank 15 km off Tolvik.", "15 km", exact(15.0)),
            few(),
        ]);
        assert!(f.iter().all(|f| f.verdict != Verdict::Conflict), "{f:#?}");
        // a vague count is loose: "thousands" of a crowd others put at 50,000
        let f = run(vec![
            doc("a", "Thousands of people attended the rally in Orlek.").with(
                q(
                    "Thousands of people",
                    Interval::closed(Some(2000.0), Some(19999.0)),
                )
                .vague()
                .kind("counts", "people", "attended", "people"),
            ),
            doc("b", "Some 50,000 people attended the rally in Orlek.").with(
                q("50,000 people", exact(50000.0)).kind("counts", "people", "attended", "people"),
            ),
        ]);
        assert!(f.iter().all(|f| f.verdict != Verdict::Conflict), "{f:#?}");
    }

    #[test]
    fn two_agencies_measuring_a_magnitude_differently_is_not_a_confident_conflict() {
        let f = run(vec![
            doc("a", "The quake measured 7.8, the USGS said.").with(
                q("7.8", exact(7.8))
                    .kind("measures", "magnitude", "magnitude", "magnitude")
                    .by("USGS"),
            ),
            doc("b", "The quake measured 7.4, the EMSC said.").with(
                q("7.4", exact(7.4))
                    .kind("measures", "magnitude", "magnitude", "magnitude")
                    .by("EMSC"),
            ),
        ]);
        assert!(
            f.iter()
                .all(|f| f.verdict != Verdict::Conflict || f.confidence < 0.5),
            "{f:?}"
        );
        // and who gives which magnitude (`quantities::credits`)
        assert_eq!(verdicts(&f), ["different_scope", "attribution_variant"]);
        assert!(f[0].explanation.contains("USGS") && f[0].explanation.contains("EMSC"));
    }

    #[test]
    fn figures_for_different_parties_are_not_a_conflict() {
        let seats = |d: Doc, phrase: &'static str, v: f64| {
            d.with(q(phrase, exact(v)).kind("votes", "seats", "won", "seats"))
        };
        let a = seats(
            doc(
                "a",
                "The RPU won 142 seats and the Democratic Front took 61 seats.",
            )
            .named("RPU", "rpu")
            .named("Democratic Front", "democratic front"),
            "142 seats",
            142.0,
        );
        let a = seats(a, "61 seats", 61.0);
        let b = seats(
            doc("b", "The Democratic Front won 61 seats.")
                .named("Democratic Front", "democratic front"),
            "61 seats",
            61.0,
        );
        let f = run(vec![a, b]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert!(verdicts(&f).contains(&"agreement"));
    }

    /// Two sources counting the craft at a search: `a` as aircraft, `b` as `b_noun`.
    fn craft(a: f64, b_noun: &'static str, b: f64) -> Vec<crate::compare::Finding> {
        let count = |phrase: &'static str, v: f64, noun: &str| {
            q(phrase, exact(v))
                .kind("counts", "items", "deployed", noun)
                .no_event()
        };
        let pa: &'static str = Box::leak(format!("{a} aircraft").into_boxed_str());
        let pb: &'static str = Box::leak(format!("{b} {b_noun}").into_boxed_str());
        run(vec![
            doc(
                "a",
                &format!("At least 40 boats and {pa} searched the bay off Karsholm on Friday."),
            )
            .with(count(pa, a, "aircraft")),
            doc(
                "b",
                &format!("Some 40 boats and {pb} searched the bay off Karsholm on Friday."),
            )
            .with(count(pb, b, b_noun)),
        ])
    }

    #[test]
    fn a_kind_of_a_thing_counted_alike_agrees_and_above_it_conflicts() {
        // helicopters are aircraft (the pack's `kinds_of`): the same count agrees
        assert_eq!(verdicts(&craft(18.0, "helicopters", 18.0)), ["agreement"]);
        // more helicopters than aircraft: a part larger than its whole
        let f = craft(12.0, "helicopters", 20.0);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
        assert!(f[0]
            .explanation
            .contains("a part cannot be larger than its whole"));
        // fewer: some of the aircraft were helicopters, nothing to say
        assert!(!verdicts(&craft(18.0, "helicopters", 10.0)).contains(&"conflict"));
        // a noun that is no kind of aircraft is another thing counted
        assert!(!verdicts(&craft(12.0, "trucks", 20.0)).contains(&"conflict"));
    }

    #[test]
    fn a_counted_noun_with_more_words_is_a_narrower_group_of_the_same_head() {
        let units = |phrase: &'static str, v: f64, noun: &str| {
            q(phrase, exact(v))
                .kind("counts", "items", "x", noun)
                .no_event()
        };
        let f = run(vec![
            doc(
                "a",
                "The block housed five garment units making shirts for export.",
            )
            .with(units("five garment units", 5.0, "garment units")),
            doc(
                "b",
                "The block housed 5 readymade garment units making shirts for export.",
            )
            .with(units(
                "5 readymade garment units",
                5.0,
                "readymade garment units",
            )),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
    }

    #[test]
    fn a_part_of_a_count_above_the_whole_count_is_a_conflict() {
        let voters = |phrase: &'static str, v: Interval| {
            q(phrase, v).kind("votes", "people", "cast", "people")
        };
        let pair = |part_value: f64| {
            let phrase: &'static str =
                Box::leak(format!("{} people", part_value / 1e6).into_boxed_str());
            run(vec![
                doc(
                    "a",
                    &format!("Internal figures show {phrase} had voted in the referendum by 4pm."),
                )
                .with(voters(phrase, exact(part_value)).part()),
                doc(
                    "b",
                    "Only about 2.1 million people voted in the referendum, the opposition said.",
                )
                .with(voters(
                    "about 2.1 million people",
                    Interval::closed(Some(1.9e6), Some(2.3e6)),
                )),
            ])
        };
        let f = pair(3.4e6);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
        assert!(f[0].explanation.contains("only a part of the count"));
        // a part below the whole, or above it by no more than rounding: nothing to say
        assert!(!verdicts(&pair(1.2e6)).contains(&"conflict"));
        assert!(!verdicts(&pair(2.35e6)).contains(&"conflict"));
    }

    #[test]
    fn open_bound_next_to_an_unscoped_figure_is_not_an_agreement() {
        let f = run(vec![
            doc("a", "More than 114 people died on Saturday.")
                .with(q("114 people", more_than(114.0)).day("Saturday", date(2021, 3, 27))),
            doc("b", "Troops have killed 320 people.").with(q("320 people", exact(320.0))),
        ]);
        assert!(!verdicts(&f).contains(&"agreement"), "{f:?}");
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    #[test]
    fn untimed_figures_in_unrelated_sentences_are_not_a_conflict() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc(
                "a",
                "Public safety, with fire and ambulance crews, gets $1.75bn.",
            )
            .with(money("$1.75bn", 1.75e9)),
            doc("b", "The police department budget is $960m.").with(money("$960m", 9.6e8)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    #[test]
    fn untimed_figures_in_alike_sentences_are_a_conflict_of_middling_confidence() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc("a", "The police department operating budget will be $960m.")
                .with(money("$960m", 9.6e8)),
            doc(
                "b",
                "The police department operating budget will be $1.2bn.",
            )
            .with(money("$1.2bn", 1.2e9)),
        ]);
        assert_eq!(verdicts(&f), ["conflict"]);
        assert!(f[0].confidence < 0.8 && f[0].confidence >= 0.5);
    }

    #[test]
    fn one_figure_next_to_two_different_names_is_a_weak_agreement() {
        let f = run(vec![
            doc(
                "a",
                "The Progressive Caucus carried 31 votes on the motion.",
            )
            .with(q("31 votes", exact(31.0)).kind("votes", "votes", "passed", "votes"))
            .named("Progressive Caucus", "progressive caucus"),
            doc("b", "The City Council passed it with 31 votes.")
                .with(q("31 votes", exact(31.0)).kind("votes", "votes", "passed", "votes"))
                .named("City Council", "city council"),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
        assert!((f[0].confidence - 0.6).abs() < 1e-9);
    }

    #[test]
    fn tolls_reported_years_apart_are_not_set_side_by_side() {
        let f = run(vec![
            toll("a", 1057.0, "1,057 people", date(2020, 7, 30)),
            toll("b", 637.0, "637 people", date(2023, 10, 23)),
        ]);
        assert!(verdicts(&f).is_empty(), "{f:#?}");
        let f = run(vec![
            toll("a", 1057.0, "1,057 people", date(2023, 8, 30)),
            toll("b", 637.0, "637 people", date(2023, 10, 23)),
        ]);
        assert_eq!(
            verdicts(&f),
            ["conflict"],
            "within weeks a falling toll conflicts"
        );
    }

    #[test]
    fn a_figure_read_without_its_multiplier_is_not_a_conflict() {
        let money = |phrase: &'static str, v: Interval| {
            q(phrase, v).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc("a", "The hiring freeze will save the budget $150 million.")
                .with(money("$150", exact(150.0))),
            doc("b", "The hiring freeze will save the budget $150m.")
                .with(money("$150m", exact(1.5e8))),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    #[test]
    fn unnamed_rival_claimants_are_a_dispute_whatever_their_wording() {
        let crowd = |id, text: &str, phrase, v, who| {
            doc(id, text).with(
                q(phrase, exact(v))
                    .kind("counts", "people", "attended", "people")
                    .by(who),
            )
        };
        let f = run(vec![
            crowd(
                "a",
                "Police counted 12,000 people along the quay by the evening.",
                "12,000 people",
                12000.0,
                "police",
            ),
            crowd(
                "b",
                "Dockers rallying for the pay deal were 30,000 people, the organisers insisted.",
                "30,000 people",
                30000.0,
                "organisers",
            ),
        ]);
        // and who gives which figure (`quantities::credits`)
        assert_eq!(verdicts(&f), ["conflict", "attribution_variant"], "{f:#?}");
        assert!(f[0].explanation.contains("two claimants"), "{f:#?}");
    }

    /// A marchers' count, in `place` when given.
    fn crowd(
        id: &'static str,
        text: &str,
        phrase: &'static str,
        v: f64,
        place: Option<&str>,
    ) -> Doc {
        let q = q(phrase, exact(v)).kind("counts", "people", "attended", "people");
        doc(id, text).with(match place {
            Some(p) => q.place(p),
            None => q,
        })
    }

    #[test]
    fn a_figure_without_a_place_conflicts_with_none_when_the_story_has_several() {
        let f = run(vec![
            crowd(
                "a",
                "In Alder Bay 9,000 people marched.",
                "9,000 people",
                9000.0,
                Some("alder bay"),
            ),
            crowd(
                "b",
                "In Vossberg 40,000 people marched.",
                "40,000 people",
                40000.0,
                Some("vossberg"),
            ),
            crowd(
                "c",
                "Some 25,000 people marched.",
                "25,000 people",
                25000.0,
                None,
            ),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:#?}");
    }

    /// "9,000 in Orlek" and `tamsel` people in Tamsel; `linked`: a source says Orlek is
    /// on the outskirts of Tamsel.
    fn orlek_and_tamsel(linked: bool, tamsel: (&'static str, &str, f64)) -> Vec<Doc> {
        let (phrase, text, v) = tamsel;
        let b = crowd("b", text, phrase, v, Some("tamsel"));
        vec![
            crowd(
                "a",
                "In Orlek 9,000 people marched to the square, stewards said.",
                "9,000 people",
                9000.0,
                Some("orlek"),
            ),
            if linked {
                b.inside("orlek", "tamsel")
            } else {
                b
            },
        ]
    }

    #[test]
    fn a_suburb_and_its_city_are_one_place_for_a_figure_without_one() {
        // "Orlek, on the outskirts of Tamsel": the places of the story are one place
        // named at two levels, so a figure with no place is of it
        let story = |linked: bool| {
            let mut docs = orlek_and_tamsel(
                linked,
                (
                    "9,000 people",
                    "In Tamsel 9,000 people marched to the square, stewards said.",
                    9000.0,
                ),
            );
            docs.push(crowd(
                "c",
                "Some 25,000 people marched to the square, stewards said.",
                "25,000 people",
                25000.0,
                None,
            ));
            docs
        };
        assert!(verdicts(&run(story(true))).contains(&"conflict"));
        assert!(!verdicts(&run(story(false))).contains(&"conflict"));
    }

    #[test]
    fn figures_of_a_suburb_and_its_city_are_an_unknown_scope_that_names_both() {
        // "9,000 in Orlek" and "12,000 in Tamsel", where a source says Orlek is on the
        // outskirts of Tamsel: not two places, not one figure either
        let tamsel = (
            "12,000 people",
            "In Tamsel 12,000 people marched to the square, stewards said.",
            12000.0,
        );
        let f = run(orlek_and_tamsel(true, tamsel));
        assert_eq!(verdicts(&f), ["different_scope"], "{f:#?}");
        assert!(
            f[0].explanation.contains("orlek lies in tamsel"),
            "{}",
            f[0].explanation
        );
        let f = run(orlek_and_tamsel(false, tamsel));
        assert!(f[0].explanation.contains("in orlek vs in tamsel"), "{f:#?}");
    }

    #[test]
    fn a_figure_rounded_to_fewer_places_agrees_with_the_precise_one() {
        // the commission's 41.53% beside another report's figure, as written
        let against = |written: &'static str, v: f64| {
            let share = |id, text: String, phrase, v| {
                doc(id, &text).with(
                    q(phrase, exact(v))
                        .kind("shares", "percent", "turnout", "percent")
                        .day("on Sunday", date(2026, 3, 1)),
                )
            };
            let said = |x: &str| format!("Turnout on Sunday was {x}, the commission said.");
            run(vec![
                share("a", said("41.53%"), "41.53%", 41.53),
                share("b", said(written), written, v),
            ])
        };
        let f = against("41.5%", 41.5);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
        let f = against("41.6%", 41.6);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
    }

    #[test]
    fn a_counted_noun_that_is_the_event_word_counts_nothing_more() {
        // "61% turnout" counts what "61 percent voted" does: the event's own word is no
        // thing counted, so the two are one scope and disagree
        let share = |id, text: &str, phrase: &'static str, v: f64, counted: &str| {
            let mut s = q(phrase, exact(v)).kind("shares", "percent", "turnout", counted);
            if counted.is_empty() {
                s.q.counted = None;
            }
            doc(id, text).with(s.reported(date(2026, 3, 2)))
        };
        let f = run(vec![
            share(
                "a",
                "The vote drew 61% turnout across the province.",
                "61% turnout",
                61.0,
                "turnout",
            ),
            share(
                "b",
                "The vote drew 44 percent of the province to the polls.",
                "44 percent",
                44.0,
                "",
            ),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
    }

    #[test]
    fn the_same_small_figure_of_two_things_counted_is_no_agreement() {
        // "two countries" and "two companies": what the two count differs, whether or not
        // an event or a period is stated on one side only
        let two = |noun: &str, event: Option<&str>, day: bool| {
            let phrase: &'static str = Box::leak(format!("two {noun}").into_boxed_str());
            let mut f = q(phrase, exact(2.0)).kind("counts", "items", "visited", noun);
            f.q.event = event.map(str::to_owned);
            if day {
                f = f.day("on Wednesday", date(2026, 5, 6));
            }
            f
        };
        for (event, day) in [(Some("visited"), false), (None, true)] {
            let f = run(vec![
                doc(
                    "a",
                    "The minister's tour of the region took in two countries on Wednesday.",
                )
                .with(two("countries", event, day)),
                doc(
                    "b",
                    "The minister's tour of the region named two companies on Wednesday.",
                )
                .with(two("companies", None, false)),
            ]);
            assert!(
                !verdicts(&f).contains(&"agreement"),
                "{event:?} {day}: {f:#?}"
            );
        }
    }

    #[test]
    fn one_event_in_one_named_place_conflicts_whatever_the_sentences_share() {
        // a list line shares no words with the other sentence: the event and the place
        // say what both count
        let crowd = |id, text: &str, phrase, v, place: &str| {
            doc(id, text).with(
                q(phrase, exact(v))
                    .kind("counts", "people", "attended", "people")
                    .place(place),
            )
        };
        let f = run(vec![
            crowd("a", "Alder Bay: 9,000", "9,000", 9000.0, "alder bay"),
            crowd(
                "b",
                "Stewards in the port of Alder Bay reckoned that 20,000 people had marched there.",
                "20,000 people",
                20000.0,
                "alder bay",
            ),
        ]);
        assert!(verdicts(&f).contains(&"conflict"), "{f:#?}");
    }

    #[test]
    fn places_named_by_another_event_do_not_hide_a_conflict() {
        // The injured are counted for the whole wreck; "killed in Port Ellin" and "from
        // Saltmarsh" name places of other figures, not of these.
        let hurt = |id, text: &str, phrase, v| {
            doc(id, text).with(
                q(phrase, exact(v))
                    .kind("casualties", "people", "injured", "people")
                    .reported(date(2026, 5, 2)),
            )
        };
        let f = run(vec![
            hurt(
                "a",
                "At least 30 people were injured in the derailment.",
                "30 people",
                30.0,
            ),
            hurt(
                "b",
                "Officials said 21 people were injured in the derailment.",
                "21 people",
                21.0,
            ),
            doc("c", "Two people were killed in Port Ellin.").with(
                q("Two people", exact(2.0))
                    .kind("casualties", "people", "killed", "people")
                    .place("port ellin")
                    .reported(date(2026, 5, 2)),
            ),
            doc("d", "Three students from Saltmarsh died.").with(
                q("Three students", exact(3.0))
                    .kind("casualties", "people", "killed", "students")
                    .place("saltmarsh")
                    .reported(date(2026, 5, 2)),
            ),
        ]);
        let conflicts: Vec<_> = f
            .iter()
            .filter(|x| x.verdict == Verdict::Conflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{f:#?}");
        assert!(conflicts[0].summary.contains("injured"), "{f:#?}");
    }

    #[test]
    fn a_round_figure_and_more_than_it_agree() {
        let camps = |id, text: &str, phrase, v: Interval| {
            doc(id, text).with(q(phrase, v).kind("counts", "items", "sheltered", "relief camps"))
        };
        let over = Interval {
            min_inclusive: false,
            ..at_least(3000.0)
        };
        let f = run(vec![
            camps(
                "a",
                "Families moved into over 3,000 relief camps.",
                "over 3,000 relief camps",
                over,
            ),
            camps(
                "b",
                "Families moved into 3,000 relief camps.",
                "3,000 relief camps",
                exact(3000.0),
            ),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
    }

    #[test]
    fn untimed_figures_of_one_named_event_need_no_alike_sentences() {
        let camps = |id, text: &str, phrase, v| {
            doc(id, text).with(q(phrase, exact(v)).kind("counts", "people", "sheltered", "people"))
        };
        let f = run(vec![
            camps("a", "Some 120,000 people have taken shelter in schools.", "120,000 people", 120000.0),
            camps("b", "With the river still rising, 210,000 people are sleeping in relief camps run by the army.", "210,000 people", 210000.0),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
    }

    #[test]
    fn shares_of_one_whole_by_two_names_conflict_in_unalike_sentences() {
        let pair = |other: &str| {
            run(vec![
                doc("a", "Half the Vossberg Air fleet was grounded during the walkout.").with(
                    q("Half the Vossberg Air fleet", exact(50.0))
                        .kind("shares", "percent", "cancelled", "fleet"),
                ),
                doc(
                    "b",
                    "Its owners reported that around 60 percent of its planes sat idle for a fortnight.",
                )
                .with(
                    q(
                        "around 60 percent of its planes",
                        Interval::closed(Some(54.0), Some(66.0)),
                    )
                    .kind("shares", "percent", "cancelled", other),
                ),
            ])
        };
        // "fleet" and "planes" are one set in claims/kinds/shares.toml
        assert_eq!(verdicts(&pair("planes")), ["conflict"]);
        // "flights" is not in it: nothing the sentences share says they count one thing
        assert!(!verdicts(&pair("flights")).contains(&"conflict"));
    }

    #[test]
    fn a_source_that_writes_both_numbers_is_not_a_rival() {
        let aboard = |phrase, v| q(phrase, exact(v)).kind("counts", "people", "aboard", "people");
        let f = run(vec![
            doc(
                "a",
                "The ferry was carrying 477 people. Later, officials said 459 were on board.",
            )
            .with(aboard("477 people", 477.0))
            .with(aboard("459", 459.0)),
            doc("b", "The ferry sank with 459 people on board.").with(aboard("459 people", 459.0)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:#?}");
    }

    #[test]
    fn a_source_that_credits_both_numbers_to_two_parties_reports_their_dispute() {
        // "b" writes a's 9,000 too, but as the organisers' figure beside the police's
        // 6,000: it reports a dispute, it does not correct itself
        let crowd = |phrase, v| {
            q(phrase, exact(v))
                .kind("counts", "people", "attended", "people")
                .place("alder bay")
        };
        let f = run(vec![
            doc("a", "In Alder Bay 9,000 people marched.").with(crowd("9,000 people", 9000.0)),
            doc(
                "b",
                "In Alder Bay organisers said 9,000 people marched; police put it at 6,000 people.",
            )
            .with(crowd("9,000 people", 9000.0).by("organisers"))
            .with(crowd("6,000 people", 6000.0).by("police")),
        ]);
        assert!(verdicts(&f).contains(&"conflict"), "{f:#?}");
    }

    /// Two sources giving the Elmford regatta as a multiple of a reference each: "twice"
    /// `a_reference`, "three times" `b_reference`.
    fn regattas(
        a_reference: &'static str,
        b_reference: &'static str,
    ) -> Vec<crate::compare::Finding> {
        let ratio = |phrase: &'static str, v: f64, reference: &'static str| {
            let mut r = q(phrase, exact(v)).kind("ratios", "times", "-", reference);
            r.q.event = None;
            r
        };
        run(vec![
            doc(
                "a",
                &format!("The Elmford regatta was twice the size of {a_reference}."),
            )
            .with(ratio("twice", 2.0, a_reference)),
            doc(
                "b",
                &format!("Stewards put the boats at three times larger than {b_reference}."),
            )
            .with(ratio("three times", 3.0, b_reference)),
        ])
    }

    #[test]
    fn two_multiples_of_one_reference_conflict() {
        let f = regattas("the autumn regatta", "the regatta held in autumn");
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
        assert_eq!(
            f[0].explanation,
            "2 times vs 3 times the same reference, \u{201c}the autumn regatta\u{201d}: one reference cannot be both multiples"
        );
    }

    #[test]
    fn multiples_of_two_references_never_compare() {
        let f = regattas("the autumn regatta", "the harbour festival");
        assert!(verdicts(&f).is_empty(), "{f:#?}");
        // a reference of generic words alone names no one thing
        let f = regattas("the crowd last year", "the crowd of last year");
        assert!(verdicts(&f).is_empty(), "{f:#?}");
    }

    #[test]
    fn a_ceiling_far_above_a_figure_says_nothing_of_it() {
        use crate::extract::Interval;
        let up_to = |x: f64| Interval::closed(Some(0.0), Some(x));
        let trapped = |other: &'static str, v: f64| {
            run(vec![
                doc("a", "Up to 1,000 people are trapped in the rubble.")
                    .with(q("Up to 1,000 people", up_to(1000.0))),
                doc("b", other).with(q("people", exact(v))),
            ])
        };
        let f = trapped("Rescuers said 40 people are trapped in the rubble.", 40.0);
        assert!(!verdicts(&f).contains(&"agreement"), "{f:#?}");
        let f = trapped("Rescuers said 800 people are trapped in the rubble.", 800.0);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
    }
}

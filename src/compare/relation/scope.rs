//! Whether two figures measure one thing: the scope relation below the ladder.
//!
//! Input: two quantities and the kind's [`Rules`]; output: a [`Rel`] (same scope, unknown
//! or different, with why). `scope_rel` weighs the period (`time_rel`) and everything
//! else (`what_rel`: event, part or whole, thing counted, place); `status_rel` sets a
//! forecast or a fear apart from a figure stated as fact.

use std::collections::BTreeSet;

use super::{class_of, far_apart, mutual, one_thing, Rules, Why, RIVAL_FIGURES_MAX_RATIO};
use crate::compare::interval;
use crate::extract::{Quantity, TimeScope, TimeScopeKind};
use crate::normalize::{fold, one_place};

/// Whether two figures measure one thing, and if not, why.
pub(super) enum Rel {
    Same,
    Unknown(String),
    Different(Why, String),
    /// One figure counts a narrower group than the other ("3,500 workers" of "2,000
    /// people in the building") and is above it: a part larger than its whole. The text
    /// says so.
    PartOverWhole(String),
}

/// Whether two figures measure one thing: their periods, then everything else.
pub(super) fn scope_rel(a: &Quantity, b: &Quantity, rules: Rules<'_>) -> Rel {
    let event_day = rules.event_day;
    let (ta, tb) = (a.scope.time.as_deref(), b.scope.time.as_deref());
    let is_day = |t: Option<&TimeScope>| t.is_some_and(|t| t.kind == TimeScopeKind::Day);
    if event_day && is_day(ta) != is_day(tb) && ta.is_some() && tb.is_some() {
        // "passed on Thursday" next to "for fiscal 2026": the day of the vote says
        // nothing about the period the figure covers.
        let day = if is_day(ta) { ta } else { tb };
        return match what_rel(a, b, rules) {
            Rel::Same => Rel::Unknown(format!(
                "“{}” dates the event, not the period the figure covers",
                day.map_or("", |t| t.text.as_str())
            )),
            other => other,
        };
    }
    let one_day_one_untimed = is_day(ta) && tb.is_none() || is_day(tb) && ta.is_none();
    if one_day_one_untimed
        && (event_day || !rules.cumulative && day_of_untimed_report(a, b))
        && !far_apart(a, b, RIVAL_FIGURES_MAX_RATIO)
    {
        // "cast ballots on Sunday" next to "voted" in a story of one vote: the day dates
        // the event both figures are of; only what they count can tell them apart. Figures
        // orders of magnitude apart ("Rs 100 crore announced on August 12" and an "Rs 2
        // lakh" grant) stay unknown: nothing says they are one amount.
        return what_rel(a, b, rules);
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
    // "3,350 have died so far" is the toll as of its report, as an untimed toll is
    let (ta, tb) = if rules.cumulative {
        (ta.filter(|t| !to_date(t)), tb.filter(|t| !to_date(t)))
    } else {
        (ta, tb)
    };
    match time_rel(ta, tb) {
        Rel::Same => what_rel(a, b, rules),
        other => other,
    }
}

/// A running total up to the report with no start ("so far", "to date"): for a
/// cumulative kind, what a figure with no period already is.
fn to_date(t: &TimeScope) -> bool {
    t.kind == TimeScopeKind::Since
        && t.from.is_none()
        && t.to.is_none()
        && crate::extract::lexicon::RUNNING_TOTAL.contains(&fold(&t.text).as_str())
}

/// How many days after a dated figure an untimed one may be reported and still be read
/// as of that day: a Saturday march in Sunday's paper, a Sunday vote in Tuesday's.
const DAY_REPORT_WINDOW_DAYS: i32 = 2;

/// For one figure dated to a day ("380,000 troops on Sunday") and one untimed: whether the
/// untimed one was reported on that day or within `DAY_REPORT_WINDOW_DAYS` after it, so
/// both speak of the day's event (a count that is not a running total: who took part,
/// who was deployed). A report date unknown on the untimed side, or a day left
/// unresolved, says nothing, and the figures stay apart.
fn day_of_untimed_report(a: &Quantity, b: &Quantity) -> bool {
    let (dated, untimed) = if a.scope.time.is_some() {
        (a, b)
    } else {
        (b, a)
    };
    let Some(day) = dated.scope.time.as_ref().and_then(|t| t.from) else {
        return false;
    };
    let Some(reported) = untimed.scope.as_of else {
        return false;
    };
    let after = (reported - day).get_days();
    (0..=DAY_REPORT_WINDOW_DAYS).contains(&after)
}

/// A forecast or a fear next to a figure stated as fact, when the two do not overlap: not
/// one quantity ("100,000 expected" and the 750,000 who came). Where they overlap they
/// may agree: a plan carried out is the figure. Estimates are compared as figures (their
/// margin is applied where claimants are weighed).
pub(super) fn status_rel(a: &Quantity, b: &Quantity) -> Option<Rel> {
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

/// Whether counted class `c` names the whole a share of `event` is of by definition
/// ("registered venezuelan voter" for turnout, through the event's `whole`).
fn whole_of(events: &[crate::pack::Event], event: Option<&str>, c: &str) -> bool {
    let Some(e) = event.and_then(|id| events.iter().find(|e| e.id == id)) else {
        return false;
    };
    let words: BTreeSet<&str> = c.split(' ').collect();
    e.whole.iter().any(|w| {
        let w = class_of(w);
        w.split(' ').all(|x| words.contains(x))
    })
}

/// [`counted_class`](super::counted_class), less a first word that names the figure's
/// own event: "at least 292 dead people" counts people killed, as "292 people killed"
/// does; none when the counted noun is the event's own word ("41.5% turnout").
fn counted_of_event(q: &Quantity, rules: Rules<'_>) -> Option<String> {
    let counted = q.counted.as_deref()?;
    let triggers = q
        .event
        .as_deref()
        .and_then(|e| rules.events.iter().find(|x| x.id == e))
        .map_or(&[][..], |e| e.triggers.as_slice());
    // "41.5% turnout": the event's own word is no thing counted
    if triggers.iter().any(|t| t.eq_ignore_ascii_case(counted)) {
        return None;
    }
    let rest = counted.split_once(' ').and_then(|(first, rest)| {
        triggers
            .iter()
            .any(|t| t.eq_ignore_ascii_case(first))
            .then_some(rest)
    });
    let c = class_of(rest.unwrap_or(counted));
    (c != class_of(&q.unit)).then_some(c)
}

/// Everything but the period: event, part or whole, thing counted, place.
pub(super) fn what_rel(a: &Quantity, b: &Quantity, rules: Rules<'_>) -> Rel {
    let same_counted = rules.same_counted;
    // One says what happened and the other does not: unknown, unless what they count
    // already differs ("two countries" visited, "two junta-linked companies")
    let event_unknown = match (&a.event, &b.event) {
        (Some(x), Some(y)) if x != y => {
            return Rel::Different(Why::Counted, format!("one counts {x}, the other {y}"))
        }
        (Some(x), None) | (None, Some(x)) => {
            Some(Rel::Unknown(format!("only one says the figure is of {x}")))
        }
        _ => None,
    };
    // A part ("3.7 million had voted by 5.30pm") above the whole of the same count
    // ("about 2 million voted"): kept, to be told once the rest is known to be alike.
    let mut part_above = None;
    if a.part != b.part && event_unknown.is_none() {
        let (part, whole) = if a.part { (a, b) } else { (b, a) };
        let different = Rel::Different(
            Why::Part,
            format!(
                "{} is a part of a larger figure, {} a whole",
                interval::describe(&part.value),
                interval::describe(&whole.value)
            ),
        );
        if part.vague || whole.vague || !clearly_above(part, whole) {
            return different;
        }
        part_above = Some((
            format!(
                "{}, only a part of the count, is more than {} for the whole",
                interval::describe(&part.value),
                interval::describe(&whole.value)
            ),
            different,
        ));
    }
    // "41.5% of registered voters" and "41.5% turnout": a share of what the event's shares
    // are of by definition says no more than one that names nothing
    let whole = |c: &Option<String>| {
        c.as_deref()
            .is_some_and(|c| whole_of(rules.events, a.event.as_deref(), c))
    };
    let (ca, cb) = if rules.references.is_some() {
        // two ratios' references, already known to share a word that says what they are
        (None, None)
    } else {
        (counted_of_event(a, rules), counted_of_event(b, rules))
    };
    let (ca, cb) = match (whole(&ca), whole(&cb)) {
        (true, true) => (None, None),
        (true, false) if cb.is_none() => (None, None),
        (false, true) if ca.is_none() => (None, None),
        _ => (ca, cb),
    };
    // Two counted things where one is a narrower group of the other ("garment units" of
    // "units"): whether `a`'s is, and what the counted nouns alone make of them.
    let mut narrow: Option<(bool, Rel)> = None;
    match (ca, cb) {
        (Some(x), Some(y)) if x != y && !one_thing(same_counted, &x, &y) => {
            let different = Rel::Different(
                Why::Counted,
                format!("one counts {}, the other {}", written(a), written(b)),
            );
            match narrower(&x, &y, rules.kinds_of) {
                Some(a_narrow) => narrow = Some((a_narrow, different)),
                None => return different,
            }
        }
        // "4.6 million marchers" and "4.6 million people" where the kind takes marchers
        // for people
        (Some(x), None) if one_thing(same_counted, &x, &class_of(&b.unit)) => {}
        (None, Some(x)) if one_thing(same_counted, &x, &class_of(&a.unit)) => {}
        (Some(x), None) | (None, Some(x)) => {
            return Rel::Unknown(format!("only one says it counts {x}"))
        }
        _ => {}
    }
    if let Some(unknown) = event_unknown {
        return unknown;
    }
    let place = match (&a.scope.place, &b.scope.place) {
        (Some(x), Some(y)) if !one_place(x, y) => match rules.places.and_then(|t| t.nested(x, y)) {
            // "in Savar" and "in Bangladesh": the figure of the smaller place may be all of
            // the larger one's or only a part
            Some((inner, outer)) => Rel::Unknown(format!("{inner} lies in {outer}")),
            None => Rel::Different(Why::Place, format!("in {x} vs in {y}")),
        },
        _ => Rel::Same,
    };
    match (part_above, narrow, place) {
        (Some((text, _)), None, Rel::Same) => Rel::PartOverWhole(text),
        (Some((_, different)), _, _) => different,
        (None, Some(n), Rel::Same) => narrower_rel(a, b, n, rules),
        (None, Some((_, counted)), _) => counted,
        (None, None, place) => place,
    }
}

/// The thing a figure counts, as written ("" when none).
fn written(q: &Quantity) -> String {
    q.counted.clone().unwrap_or_default()
}

/// How far a part must be above its whole to tell: rounded figures ("3.7 million",
/// "3.6 million") and counts taken a little apart differ by a few percent.
const PART_OVER_WHOLE_MIN_RATIO: f64 = 1.05;

/// Whether figure `part` is above `whole` by more than rounding
/// ([`PART_OVER_WHOLE_MIN_RATIO`]).
fn clearly_above(part: &Quantity, whole: &Quantity) -> bool {
    let (Some(lo), Some(hi)) = (part.value.min, whole.value.max) else {
        return false;
    };
    interval::is_above(&part.value, &whole.value)
        && hi > 0.0
        && lo >= hi * PART_OVER_WHOLE_MIN_RATIO
}

/// Whether counted class `x` names a narrower group than `y` (`Some(true)`), a wider one
/// (`Some(false)`), or neither: a kind of it in the pack's `kinds_of` ("helicopters" of
/// "aircraft"), or the same head noun with more words before it ("garment unit" of
/// "unit", "readymade garment unit" of "garment unit").
fn narrower(x: &str, y: &str, kinds_of: &[(String, Vec<String>)]) -> Option<bool> {
    let within = |long: &str, short: &str| {
        let listed = kinds_of.iter().any(|(wide, narrow)| {
            class_of(wide) == short && narrow.iter().any(|n| class_of(n) == long)
        });
        listed
            || long.len() > short.len()
                && long.ends_with(short)
                && long[..long.len() - short.len()].ends_with(' ')
    };
    if within(x, y) {
        Some(true)
    } else if within(y, x) {
        Some(false)
    } else {
        None
    }
}

/// Two figures of one scope where one counts a narrower group: the same figure is the
/// same count ("18 helicopters", "18 aircraft"); the narrower group above the wider one
/// is a part larger than its whole, for a count of one moment (not a running count
/// reported on two days, which may have grown between); anything else stays as the
/// counted nouns alone would have it (`otherwise`).
fn narrower_rel(
    a: &Quantity,
    b: &Quantity,
    (a_narrow, otherwise): (bool, Rel),
    rules: Rules<'_>,
) -> Rel {
    if a.vague || b.vague {
        return otherwise;
    }
    if mutual(a, b) {
        return Rel::Same;
    }
    let (part, whole) = if a_narrow { (a, b) } else { (b, a) };
    let one_moment =
        !rules.cumulative || (a.scope.as_of.is_some() && a.scope.as_of == b.scope.as_of);
    if one_moment && clearly_above(part, whole) {
        return Rel::PartOverWhole(format!(
            "{} {} are more than the {} {} they are among",
            interval::describe(&part.value),
            written(part),
            interval::describe(&whole.value),
            written(whole)
        ));
    }
    otherwise
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
    if t.kind == TimeScopeKind::Rate {
        // "a day", "per day" and "daily" are one rate
        if let Some(p) = crate::extract::rate::period(&t.text) {
            return format!("per {p}");
        }
    }
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

/// A time scope as an explanation writes it: its sort, the phrase and its days
/// ("cumulative (“since May 1”, from 2024-05-01)").
pub(in crate::compare) fn describe_time(t: &TimeScope) -> String {
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

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::extract::TimeScopeKind;
    use jiff::civil::date;

    #[test]
    fn counted_nouns_of_one_pack_set_are_one_thing() {
        let share = |phrase: &'static str, counted: &str| {
            q(phrase, at_least(14.0)).kind("shares", "percent", "supplied", counted)
        };
        let run_with = |a: &str, b: &str| {
            run(vec![
                doc(
                    "a",
                    "At least 14% of weaponry bought by Chad came from Belarus.",
                )
                .with(share("At least 14%", a)),
                doc(
                    "b",
                    "Belarus supplied at least 14% of Chad's weapons imports.",
                )
                .with(share("at least 14%", b)),
            ])
        };
        // "weaponry" and "weapons imports" are one set in claims/kinds/shares.toml
        assert_eq!(
            verdicts(&run_with("weaponry", "weapons imports")),
            ["agreement"]
        );
        // "exports" is not in it
        assert_eq!(
            verdicts(&run_with("weaponry", "exports")),
            ["different_scope"]
        );
    }

    #[test]
    fn one_day_vs_cumulative_is_different_scope() {
        let coup = date(2021, 2, 1);
        let f = run(vec![
            doc("a", "Over 114 people died on Saturday.")
                .with(q("Over 114 people", more_than(114.0)).day("Saturday", date(2021, 3, 27))),
            doc(
                "b",
                "Since the coup, troops have killed at least 320 people.",
            )
            .with(q("at least 320 people", at_least(320.0)).since("since the coup", coup)),
        ]);
        assert_eq!(verdicts(&f), ["different_scope"]);
        assert!(f[0].explanation.contains("one day"), "{}", f[0].explanation);
        assert!(
            f[0].explanation.contains("cumulative"),
            "{}",
            f[0].explanation
        );
    }

    #[test]
    fn part_of_a_total_is_different_scope() {
        let coup = date(2021, 2, 1);
        let f = run(vec![
            doc(
                "a",
                "Troops have shot dead 320 people, 11 of them on Thursday.",
            )
            .with(q("320 people", exact(320.0)))
            .with(q("11", exact(11.0)).part()),
            doc("b", "A total of 320 people were killed.").with(q("320 people", exact(320.0))),
        ]);
        let _ = coup;
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert!(verdicts(&f).contains(&"different_scope"));
        assert!(verdicts(&f).contains(&"agreement"));
    }

    #[test]
    fn different_things_counted_are_different_scope() {
        let f = run(vec![
            doc("a", "120 soldiers were killed on Tuesday.").with(
                q("120 soldiers", exact(120.0))
                    .counted("soldiers")
                    .day("on Tuesday", QUAKE_DAY),
            ),
            doc("b", "40 civilians were killed on Tuesday.").with(
                q("40 civilians", exact(40.0))
                    .counted("civilians")
                    .day("on Tuesday", QUAKE_DAY),
            ),
        ]);
        assert_eq!(verdicts(&f), ["different_scope"]);
        assert!(f[0].explanation.contains("civilians"));
    }

    #[test]
    fn the_day_of_a_vote_is_not_the_period_a_budget_covers() {
        let budget = |phrase: &'static str| {
            q(phrase, exact(4.2e9))
                .kind("money", "USD", "spent", "budget")
                .counted("budget")
        };
        let thursday = Some(date(2025, 6, 12));
        let f = run(vec![
            doc(
                "a",
                "The council on Thursday passed a $4.2 billion budget for the city.",
            )
            .with(budget("$4.2 billion").time(
                TimeScopeKind::Day,
                "on Thursday",
                thursday,
                thursday,
            )),
            doc(
                "b",
                "The council passed a $4.2 billion budget for the city's fiscal 2026.",
            )
            .with(budget("$4.2 billion").time(
                TimeScopeKind::Period,
                "fiscal 2026",
                Some(date(2026, 1, 1)),
                Some(date(2026, 12, 31)),
            )),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
        assert!(f[0].explanation.contains("scope only partly stated"));
    }

    #[test]
    fn a_share_of_the_whole_its_event_is_of_counts_as_a_share_of_nothing_named() {
        // "61% of registered voters" and "turnout of 38%": turnout is a share of the
        // registered voters by definition (the event's `whole` in the pack)
        let share = |id, text: &str, phrase, v, counted| {
            doc(id, text).with(
                q(phrase, exact(v))
                    .kind("shares", "percent", "turnout", counted)
                    .day("on Sunday", date(2026, 3, 1)),
            )
        };
        let f = run(vec![
            share(
                "a",
                "The commission said 61% of registered voters cast ballots on Sunday.",
                "61% of registered voters",
                61.0,
                "registered voters",
            ),
            share(
                "b",
                "The commission said turnout on Sunday was 38%.",
                "38%",
                38.0,
                "percent",
            ),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
    }

    #[test]
    fn a_day_count_and_an_untimed_one_reported_that_week_are_one_event() {
        // Sunday's 9,500 troops, and 6,200 troops in a report of the given day, untimed.
        let pair_reported = |reported| {
            let troops =
                |phrase, v| q(phrase, exact(v)).kind("counts", "people", "deployed", "troops");
            run(vec![
                doc("a", "Some 9,500 troops guarded polling stations on Sunday.").with(
                    troops("9,500 troops", 9500.0)
                        .reported(date(2026, 8, 3))
                        .day("on Sunday", date(2026, 8, 2)),
                ),
                doc("b", "The vote went ahead under the watch of 6,200 troops.")
                    .with(troops("6,200 troops", 6200.0).reported(reported)),
            ])
        };
        let f = pair_reported(date(2026, 8, 3));
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
        // reported a month later, the untimed figure may be of another day
        let late = pair_reported(date(2026, 9, 3));
        assert!(!verdicts(&late).contains(&"conflict"), "{late:#?}");
    }
}

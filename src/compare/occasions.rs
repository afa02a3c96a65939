//! Occasions dated alike: two or more sources giving one occasion of a story the same day
//! ("the February 1 coup" and "a Feb. 1 coup"; "marches on Saturday" in a source dated
//! that Saturday and "on Saturday" in an undated one).
//!
//! Input: an occasion group (one story, one occasion id). Output: agreements. The
//! members are bucketed by what their dates say, most precise first: the resolved day,
//! then month and day, weekday, year and month, month, year. A bucket whose members can
//! all be one day (no part of two dates differs) and come from two or more sources is an
//! agreement; a member counts in one agreement only. Dates that differ are never a
//! conflict: another day may be another occurrence (a second round of talks, the second
//! week of a strike), which the dates alone cannot tell.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{Ctx, Evidence, Finding, Verdict};
use crate::align::{distinct_sources, Group, Ref};
use crate::extract::{DateParts, Occasion};

/// How precise a bucket is, most precise first, with the confidence of its agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Precision {
    Day,
    MonthDay,
    Weekday,
    YearMonth,
    Month,
    Year,
}

impl Precision {
    const ALL: [Precision; 6] = [
        Precision::Day,
        Precision::MonthDay,
        Precision::Weekday,
        Precision::YearMonth,
        Precision::Month,
        Precision::Year,
    ];

    /// The bucket of `parts` at this precision, when the parts say that much.
    fn key(self, p: &DateParts) -> Option<(i16, i8, i8)> {
        match self {
            Precision::Day => Some((p.year?, p.month?, p.day?)),
            Precision::MonthDay => Some((0, p.month?, p.day?)),
            Precision::Weekday => Some((0, 0, p.weekday?)),
            Precision::YearMonth => Some((p.year?, p.month?, 0)),
            Precision::Month => Some((0, p.month?, 0)),
            Precision::Year => Some((p.year?, 0, 0)),
        }
    }

    /// Confidence of an agreement at this precision: a day two sources name alike is
    /// strong; a shared weekday or month, with no year to pin it, less so.
    fn confidence(self) -> f64 {
        match self {
            Precision::Day | Precision::MonthDay => 0.8,
            Precision::Weekday | Precision::YearMonth => 0.65,
            Precision::Month => 0.55,
            Precision::Year => 0.5,
        }
    }
}

/// The agreements of one occasion group.
pub(crate) fn occasions(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    let members: Vec<(Ref, &Occasion)> = group
        .members
        .iter()
        .filter_map(|&r| Some((r, ctx.extractions.get(r.source)?.occasions.get(r.item)?)))
        .collect();
    let mut used = vec![false; members.len()];
    let mut findings = Vec::new();
    for precision in Precision::ALL {
        let mut buckets: BTreeMap<(i16, i8, i8), Vec<usize>> = BTreeMap::new();
        for (k, (_, o)) in members.iter().enumerate() {
            if let Some(key) = precision.key(&o.parts).filter(|_| !used[k]) {
                buckets.entry(key).or_default().push(k);
            }
        }
        for bucket in buckets.into_values() {
            // taken members are compatible pairwise, so each part has one value among
            // them: checking a member against their union checks it against each
            let mut taken: Vec<usize> = Vec::new();
            let mut union = DateParts::default();
            for k in bucket {
                let parts = &members[k].1.parts;
                if parts.compatible(&union) {
                    union = either(union, *parts);
                    taken.push(k);
                }
            }
            if let Some(chosen) = take(&members, &taken, &mut used) {
                findings.push(agreement(ctx, precision, &chosen));
            }
        }
    }
    findings
}

/// The members `taken` of one bucket, marked used, when they come from two or more
/// sources.
pub(super) fn take<T: Copy>(
    members: &[(Ref, T)],
    taken: &[usize],
    used: &mut [bool],
) -> Option<Vec<(Ref, T)>> {
    let refs: Vec<Ref> = taken
        .iter()
        .filter_map(|&k| members.get(k))
        .map(|m| m.0)
        .collect();
    if distinct_sources(&refs) < 2 {
        return None;
    }
    for &k in taken {
        if let Some(u) = used.get_mut(k) {
            *u = true;
        }
    }
    Some(
        taken
            .iter()
            .filter_map(|&k| members.get(k))
            .copied()
            .collect(),
    )
}

/// The agreement of `chosen` (one bucket), citing each source's first occasion.
fn agreement(ctx: &Ctx<'_>, precision: Precision, chosen: &[(Ref, &Occasion)]) -> Finding {
    // members are in (source, item) order and a source's occasions in text order: the
    // first of each source is its earliest
    let mut first: BTreeMap<usize, (Ref, &Occasion)> = BTreeMap::new();
    for &(r, o) in chosen {
        first.entry(r.source).or_insert((r, o));
    }
    let id = chosen.first().map_or("", |(_, o)| o.id.as_str());
    // what every cited date says alike, for the summary
    let day = first
        .values()
        .map(|(_, o)| o.parts)
        .reduce(common)
        .unwrap_or_default();
    // each cites its date as written
    let evidence: Vec<Evidence> = first
        .values()
        .map(|(r, o)| {
            let mut e = Evidence::at(r.source, o.span.clone(), o.sentence_span.clone());
            e.scope = ctx
                .sources
                .get(r.source)
                .and_then(|s| s.text.get(o.date.clone()))
                .map(|t| t.trim().into());
            e
        })
        .collect();
    let written: Vec<String> = first
        .values()
        .zip(&evidence)
        .map(|((r, _), e)| format!("'{}' ({})", e.scope.as_deref().unwrap_or(""), ctx.sid(*r)))
        .collect();
    let resolved = first.values().filter(|(_, o)| o.from.is_some()).count();
    let basis = if resolved == first.len() {
        "each resolved against its source's date"
    } else if resolved == 0 {
        "as written: no source's date resolves them"
    } else {
        "relative dates resolved against their source's date where it has one"
    };
    Finding {
        verdict: Verdict::Agreement,
        kind: "date".into(),
        summary: format!("{id} {}", describe(&day)),
        explanation: format!(
            "same occasion (`{id}`) dated alike by {} sources: {} ({basis})",
            first.len(),
            super::explain::list(&written, 4)
        ),
        confidence: precision.confidence(),
        evidence,
        independent_sources: None,
        diff: None,
    }
}

/// The parts either gives (the two are compatible).
pub(super) fn either(a: DateParts, b: DateParts) -> DateParts {
    DateParts {
        year: a.year.or(b.year),
        month: a.month.or(b.month),
        day: a.day.or(b.day),
        weekday: a.weekday.or(b.weekday),
    }
}

/// The parts both give alike.
fn common(a: DateParts, b: DateParts) -> DateParts {
    fn both<T: PartialEq>(a: Option<T>, b: Option<T>) -> Option<T> {
        a.filter(|x| b.as_ref() == Some(x))
    }
    DateParts {
        year: both(a.year, b.year),
        month: both(a.month, b.month),
        day: both(a.day, b.day),
        weekday: both(a.weekday, b.weekday),
    }
}

/// "on Friday 26 March 2021", "on 1 February", "on a Saturday", "in November 2020".
fn describe(p: &DateParts) -> String {
    // names from the calendar: any year has the month, and 1 January 2024 was a Monday
    let month = p
        .month
        .and_then(|m| Date::new(2024, m, 1).ok())
        .map(|d| d.strftime("%B").to_string());
    let weekday = p
        .weekday
        .and_then(|w| Date::new(2024, 1, w).ok())
        .map(|d| d.strftime("%A").to_string());
    let year = p.year.map(|y| format!(" {y}")).unwrap_or_default();
    match (weekday, p.day, month) {
        (w, Some(d), Some(m)) => {
            let w = w.map(|w| format!("{w} ")).unwrap_or_default();
            format!("on {w}{d} {m}{year}")
        }
        (Some(w), _, _) => format!("on a {w}"),
        (None, _, Some(m)) => format!("in {m}{year}"),
        _ if p.year.is_some() => format!("in{year}"),
        _ => "on one date".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(y: Option<i16>, m: Option<i8>, d: Option<i8>, w: Option<i8>) -> DateParts {
        DateParts {
            year: y,
            month: m,
            day: d,
            weekday: w,
        }
    }

    #[test]
    fn a_date_is_described_by_what_its_sources_give() {
        let day = DateParts::of_day(Date::new(2021, 3, 26).expect("date"));
        assert_eq!(describe(&day), "on Friday 26 March 2021");
        assert_eq!(
            describe(&parts(None, Some(2), Some(1), None)),
            "on 1 February"
        );
        assert_eq!(describe(&parts(None, None, None, Some(6))), "on a Saturday");
        assert_eq!(
            describe(&parts(Some(2020), Some(11), None, None)),
            "in November 2020"
        );
        assert_eq!(describe(&parts(Some(2020), None, None, None)), "in 2020");
    }

    #[test]
    fn buckets_are_keyed_by_what_the_parts_say() {
        let md = parts(None, Some(2), Some(1), None);
        assert_eq!(Precision::Day.key(&md), None);
        assert_eq!(Precision::MonthDay.key(&md), Some((0, 2, 1)));
        assert_eq!(Precision::Month.key(&md), Some((0, 2, 0)));
        assert_eq!(Precision::Weekday.key(&md), None);
    }
}

//! Resolution: each date phrase of a sentence becomes the days it may mean, resolved
//! against the source's anchor.
//!
//! Input: a sentence's [`Phrase`]s and the [`Anchor`]. Output: [`DateRef`]s with a first and
//! last day and how they were found ("anchor 2023-06-09 (manifest) - Friday on or before the
//! anchor"). Absolute dates need no anchor; relative ones without an anchor date stay
//! unresolved, and say so.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::phrases::{Part, Phrase, PhraseKind, Unit};
use crate::extract::{Anchor, DateRef};
use crate::ingest::Source;
use crate::segment::Sentence;

/// The dates of sentence `index`, from its date phrases ([`super::phrases_of`]), resolved
/// against `anchor`.
pub(crate) fn dates_of(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    anchor: &Anchor,
    found: Vec<Phrase>,
) -> Vec<DateRef> {
    let text = sentence.text(source);
    let base = sentence.span.start;
    let dateline = source.dateline.as_ref().map(|d| d.span.clone());
    found
        .into_iter()
        .map(|p| {
            let (from, to, basis) = resolve(&p.kind, anchor);
            let span = base + p.span.start..base + p.span.end;
            DateRef {
                text: text[p.span.clone()].to_owned(),
                from,
                to,
                relative: p.kind.is_relative(),
                basis,
                sentence: index,
                dateline: dateline
                    .as_ref()
                    .is_some_and(|d| d.start <= span.start && span.end <= d.end),
                span,
            }
        })
        .collect()
}

/// A phrase resolved: first day, last day and how they were found.
type Resolved = (Option<Date>, Option<Date>, String);

/// Resolves a phrase against the anchor: first day, last day and how.
fn resolve(kind: &PhraseKind, anchor: &Anchor) -> Resolved {
    match *kind {
        PhraseKind::Full(d) => (Some(d), Some(d), "absolute date".into()),
        PhraseKind::Year(y) => (
            Date::new(y, 1, 1).ok(),
            Date::new(y, 12, 31).ok(),
            "absolute year".into(),
        ),
        PhraseKind::Years(a, b) => (
            Date::new(a, 1, 1).ok(),
            Date::new(b, 12, 31).ok(),
            "absolute years".into(),
        ),
        PhraseKind::MonthYear(m, y, part) => {
            let (f, t) = month_range(y, m, part);
            (f, t, "absolute month".into())
        }
        PhraseKind::MonthDay(m, d) => month_day(m, d, anchor),
        PhraseKind::Month(m, offset, part) => month(m, offset, part, anchor),
        PhraseKind::Weekday(w, rel) => weekday(w, rel, anchor),
        PhraseKind::Day(o) => match anchor.date {
            Some(a) => {
                let d = a.saturating_add((o as i64).days());
                (Some(d), Some(d), format!("{} - day offset {o}", at(anchor)))
            }
            None => unresolved("a relative day"),
        },
        PhraseKind::RelUnit(unit, o) => relative_unit(unit, o, anchor),
        PhraseKind::EarlierThis(unit) => match anchor.date {
            Some(a) => {
                let start = match unit {
                    Unit::Year => Date::new(a.year(), 1, 1).ok(),
                    Unit::Month => Some(a.first_of_month()),
                    Unit::Week | Unit::Day => {
                        Some(a.saturating_sub((a.weekday().to_monday_zero_offset() as i64).days()))
                    }
                };
                (
                    start,
                    Some(a),
                    format!("{} - earlier in the same period", at(anchor)),
                )
            }
            None => unresolved("a relative period"),
        },
        PhraseKind::Ago(n, unit) => match anchor.date {
            Some(a) => {
                let d = match unit {
                    Unit::Day => a.saturating_sub(n.days()),
                    Unit::Week => a.saturating_sub((7 * n).days()),
                    Unit::Month => a.saturating_sub(n.months()),
                    Unit::Year => a.saturating_sub(n.years()),
                };
                (Some(d), Some(d), format!("{} - counted back", at(anchor)))
            }
            None => unresolved("a time ago"),
        },
    }
}

/// How the anchor date was found, as a basis opens ("anchor 2023-06-09 (manifest)"), or
/// nothing without one.
fn at(anchor: &Anchor) -> String {
    anchor
        .date
        .map(|d| format!("anchor {d} ({})", anchor.basis))
        .unwrap_or_default()
}

/// The same for the anchor year ("anchor year 2023 (manifest)").
fn year_at(anchor: &Anchor) -> String {
    anchor
        .year
        .map(|y| format!("anchor year {y} ({})", anchor.basis))
        .unwrap_or_default()
}

/// The anchor date's basis, else the anchor year's.
fn date_or_year_at(anchor: &Anchor) -> String {
    let at = at(anchor);
    if at.is_empty() {
        year_at(anchor)
    } else {
        at
    }
}

/// No day for a relative phrase (`what`) without an anchor.
fn unresolved(what: &str) -> Resolved {
    (None, None, format!("unresolved: {what} and no anchor date"))
}

/// "March 3": in the anchor's year, or the year before when that puts it more than a
/// month after the anchor.
fn month_day(m: i8, d: i8, anchor: &Anchor) -> Resolved {
    match anchor.date {
        Some(a) => {
            let mut y = a.year();
            if let Ok(this) = Date::new(y, m, d) {
                if this > a.saturating_add(31.days()) {
                    y -= 1;
                }
            }
            let date = Date::new(y, m, d).ok();
            (
                date,
                date,
                format!("{} - month and day, year from the anchor", at(anchor)),
            )
        }
        None => match anchor.year {
            Some(y) => {
                let date = Date::new(y, m, d).ok();
                (date, date, format!("{} - month and day", year_at(anchor)))
            }
            None => unresolved("month and day without a year"),
        },
    }
}

/// "in March", "last March": the month of the anchor's year (or the year `offset`
/// away), the year before when the month is later than the anchor's.
fn month(m: i8, offset: Option<i16>, part: Option<Part>, anchor: &Anchor) -> Resolved {
    match (offset, anchor.date, anchor.year) {
        (Some(o), _, Some(y)) => {
            let (f, t) = month_range(y + o, m, part);
            let how = if o < 0 { "last year" } else { "next year" };
            (f, t, format!("{} - month {how}", date_or_year_at(anchor)))
        }
        (None, Some(a), _) => {
            let y = if m > a.month() {
                a.year() - 1
            } else {
                a.year()
            };
            let (f, t) = month_range(y, m, part);
            let how = if y < a.year() {
                "later in the year than the anchor, so the year before"
            } else {
                "in the anchor's year"
            };
            (f, t, format!("{} - month {how}", at(anchor)))
        }
        _ => unresolved("a month"),
    }
}

/// "on Friday", "last Friday", "next Friday" (`rel` -1, 0 or 1) against the anchor day.
fn weekday(w: Weekday, rel: i8, anchor: &Anchor) -> Resolved {
    let Some(a) = anchor.date else {
        return unresolved("a weekday");
    };
    let back = (a.weekday().to_monday_zero_offset() - w.to_monday_zero_offset()).rem_euclid(7);
    let d = match rel {
        -1 => a.saturating_sub(if back == 0 { 7 } else { back }.days()),
        1 => {
            let fwd = (7 - back) % 7;
            a.saturating_add(if fwd == 0 { 7 } else { fwd }.days())
        }
        _ => a.saturating_sub(back.days()),
    };
    let how = match rel {
        -1 => "the one before the anchor",
        1 => "the next one after the anchor",
        _ => "on or before the anchor",
    };
    (Some(d), Some(d), format!("{} - {w:?} {how}", at(anchor)))
}

/// "last year", "next month", "this week": the whole unit `o` away from the anchor's.
fn relative_unit(unit: Unit, o: i8, anchor: &Anchor) -> Resolved {
    match (unit, anchor.date, anchor.year) {
        (Unit::Year, _, Some(y)) => {
            let y = y + o as i16;
            (
                Date::new(y, 1, 1).ok(),
                Date::new(y, 12, 31).ok(),
                format!("{} - year offset {o}", date_or_year_at(anchor)),
            )
        }
        (Unit::Month, Some(a), _) => {
            let first = a.first_of_month().saturating_add((o as i64).months());
            (
                Some(first),
                Some(first.last_of_month()),
                format!("{} - month offset {o}", at(anchor)),
            )
        }
        (Unit::Week | Unit::Day, Some(a), _) => {
            let monday = a.saturating_sub((a.weekday().to_monday_zero_offset() as i64).days());
            let start = monday.saturating_add((7 * o as i64).days());
            (
                Some(start),
                Some(start.saturating_add(6.days())),
                format!("{} - week offset {o}", at(anchor)),
            )
        }
        _ => unresolved("a relative period"),
    }
}

fn month_range(y: i16, m: i8, part: Option<Part>) -> (Option<Date>, Option<Date>) {
    let Ok(first) = Date::new(y, m, 1) else {
        return (None, None);
    };
    let last = first.last_of_month();
    match part {
        None => (Some(first), Some(last)),
        Some(Part::Early) => (Some(first), Date::new(y, m, 10).ok()),
        Some(Part::Mid) => (Date::new(y, m, 11).ok(), Date::new(y, m, 20).ok()),
        Some(Part::Late) => (Date::new(y, m, 21).ok(), Some(last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::phrases::phrases;
    use crate::extract::time::tests::anchored;

    fn dates(text: &str, anchor: &Anchor) -> Vec<(String, String)> {
        phrases(text, &["people".into()])
            .into_iter()
            .map(|p| {
                let (f, t, _) = resolve(&p.kind, anchor);
                let show = |d: Option<Date>| d.map_or("-".to_owned(), |d| d.to_string());
                (text[p.span].to_owned(), format!("{}..{}", show(f), show(t)))
            })
            .collect()
    }

    fn one(text: &str, anchor: &Anchor) -> String {
        let d = dates(text, anchor);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        format!("{} = {}", d[0].0, d[0].1)
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_the_anchor() {
        // 2023-06-09 is a Friday.
        let a = anchored("2023-06-09");
        assert_eq!(
            one("talks ended on Friday", &a),
            "Friday = 2023-06-09..2023-06-09"
        );
        assert_eq!(
            one("he left on Thursday", &a),
            "Thursday = 2023-06-08..2023-06-08"
        );
        assert_eq!(
            one("rain since Monday night", &a),
            "Monday night = 2023-06-05..2023-06-05"
        );
        assert_eq!(
            one("last Friday it rained", &a),
            "last Friday = 2023-06-02..2023-06-02"
        );
        assert_eq!(
            one("Saturday's vote", &a),
            "Saturday's = 2023-06-03..2023-06-03"
        );
    }

    #[test]
    fn months_later_than_the_anchor_month_are_last_year() {
        let a = anchored("2023-06-09");
        assert_eq!(
            one("a poll in November", &a),
            "November = 2022-11-01..2022-11-30"
        );
        assert_eq!(one("a poll in April", &a), "April = 2023-04-01..2023-04-30");
        assert_eq!(
            one("a summit in late May", &a),
            "late May = 2023-05-21..2023-05-31"
        );
        assert_eq!(
            one("a trip in August last year", &a),
            "August last year = 2022-08-01..2022-08-31"
        );
    }

    #[test]
    fn relative_periods() {
        let a = anchored("2023-06-09");
        assert_eq!(
            one("prices rose last month", &a),
            "last month = 2023-05-01..2023-05-31"
        );
        assert_eq!(
            one("prices rose last year", &a),
            "last year = 2022-01-01..2022-12-31"
        );
        assert_eq!(
            one("it rained yesterday", &a),
            "yesterday = 2023-06-08..2023-06-08"
        );
        assert_eq!(
            one("two weeks ago it rained", &a),
            "two weeks ago = 2023-05-26..2023-05-26"
        );
        assert_eq!(
            one("earlier this month it rained", &a),
            "earlier this month = 2023-06-01..2023-06-09"
        );
    }

    #[test]
    fn absolute_dates() {
        let a = anchored("2023-06-09");
        assert_eq!(
            one("since the Jan. 5 vote", &a),
            "Jan. 5 = 2023-01-05..2023-01-05"
        );
        assert_eq!(
            one("on 3 March 2019 it", &a),
            "3 March 2019 = 2019-03-03..2019-03-03"
        );
        assert_eq!(
            one("on March 3, 2019, it", &a),
            "March 3, 2019 = 2019-03-03..2019-03-03"
        );
        assert_eq!(
            one("data from 2010-2015 show", &a),
            "from 2010-2015 = 2010-01-01..2015-12-31"
        );
        assert_eq!(
            one("growth since 2004 was", &a),
            "2004 = 2004-01-01..2004-12-31"
        );
        assert_eq!(one("a 2018 report", &a), "2018 = 2018-01-01..2018-12-31");
        assert_eq!(
            one("in June 2020 it", &a),
            "June 2020 = 2020-06-01..2020-06-30"
        );
        assert_eq!(
            one("on 2020-02-29 it", &a),
            "2020-02-29 = 2020-02-29..2020-02-29"
        );
    }

    #[test]
    fn counts_and_verbs_are_not_dates() {
        let a = anchored("2023-06-09");
        assert!(dates("some 2000 people marched", &a).is_empty());
        assert!(dates("they may march", &a).is_empty());
        assert!(dates("it cost $2019", &a).is_empty());
    }

    #[test]
    fn without_an_anchor_relative_dates_stay_unresolved() {
        let a = Anchor::default();
        assert_eq!(one("talks ended on Friday", &a), "Friday = -..-");
        assert_eq!(one("since 2008 it", &a), "2008 = 2008-01-01..2008-12-31");
    }
}

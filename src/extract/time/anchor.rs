//! The anchor: the date a source's relative dates resolve against, and why.
//!
//! Input: a source, its sentences and their date phrases. Output: an [`Anchor`]. The
//! manifest date wins; a page date is distrusted (and the warning recorded) when the text
//! cannot be from then: it speaks of dates after it, or the latest year it mentions is well
//! before it (a re-scraped page), and then the anchor year is inferred from the text when it
//! can be. [`story_anchor`] completes an anchor from the wire dateline and the year the
//! other sources of the story give.

use jiff::civil::Date;
use jiff::ToSpan;

use super::phrases::{Phrase, PhraseKind, Unit};
use crate::extract::Anchor;
use crate::ingest::{DatelineDate, Origin, Source};
use crate::segment::Sentence;

/// The date a source's relative dates resolve against, and why, from its manifest or page
/// date, the page date checked against `phrases`, the date phrases of each sentence
/// ([`super::phrases_of`]).
pub(super) fn published_anchor(
    source: &Source,
    sentences: &[Sentence],
    phrases: &[Vec<Phrase>],
) -> Anchor {
    let Some(field) = &source.meta.published else {
        return Anchor::default();
    };
    if field.origin == Origin::Manifest {
        return Anchor {
            date: Some(field.value),
            year: Some(field.value.year()),
            basis: "manifest".into(),
            warning: None,
        };
    }
    let header = field.value;
    let basis = field.origin.to_string();
    let mut latest_year: Option<i16> = None;
    let mut latest_dated: Option<i16> = None;
    let mut after: Option<Date> = None;
    let mut last_year_refs = false;
    // The news dated by weekday ("on Monday", "this week") and the latest month of the
    // header's year the text names ("in March", "Feb. 1"): an article whose news is days
    // old but whose latest named month is long before its page date is not from then.
    let mut weekday_news = false;
    let mut latest_month: Option<i8> = None;
    let header_line = match field.origin {
        Origin::Line { line, .. } => Some(line),
        Origin::Manifest | Origin::Page { .. } => None,
    };
    for (s, found) in sentences.iter().zip(phrases) {
        if found.is_empty() {
            continue; // no phrase: nothing below would look at the sentence
        }
        let text = s.text(source);
        if !may_date_the_page(text) && !may_name_a_day_or_month(text) {
            continue;
        }
        // the date line itself ("Thursday, October 21, 2021") says nothing of the news
        let on_header = header_line == Some(source.text_position(s.span.start).line);
        for p in found {
            match p.kind {
                _ if on_header => {}
                PhraseKind::Weekday(_, 0) | PhraseKind::RelUnit(Unit::Week, 0) => {
                    weekday_news = true;
                }
                PhraseKind::Month(m, None, _) | PhraseKind::MonthDay(m, _) => {
                    latest_month = latest_month.max(Some(m));
                }
                PhraseKind::MonthYear(m, y, _) if y == header.year() => {
                    latest_month = latest_month.max(Some(m));
                }
                PhraseKind::Full(d) if d.year() == header.year() => {
                    latest_month = latest_month.max(Some(d.month()));
                }
                _ => {}
            }
            if let Some(y) = p.kind.explicit_year().filter(|_| !open_year(text, p)) {
                latest_year = latest_year.max(Some(y));
                // a bare year after the page date is most often a plan ("fiscal 2026",
                // "elections in 2027"); a month of a later year is news from after it
                if !matches!(p.kind, PhraseKind::Year(_) | PhraseKind::Years(..)) {
                    latest_dated = latest_dated.max(Some(y));
                }
            }
            if let PhraseKind::Full(d) = p.kind {
                if d > header.saturating_add(2.days()) {
                    after = after.max(Some(d));
                }
            }
            if matches!(
                p.kind,
                PhraseKind::RelUnit(Unit::Year, -1) | PhraseKind::Month(_, Some(-1), _)
            ) {
                last_year_refs = true;
            }
        }
    }
    let warning = if let Some(d) = after {
        Some(format!(
            "page date {header} ({basis}) is not the article's date: the text speaks of {d}, after it"
        ))
    } else if let Some(y) = latest_year.filter(|y| y + STALE_YEARS <= header.year()) {
        Some(format!(
            "page date {header} ({basis}) is not the article's date: the latest year the text mentions is {y}"
        ))
    } else if latest_dated.is_some_and(|y| y > header.year()) {
        Some(format!(
            "page date {header} ({basis}) is not the article's date: the text mentions a later year"
        ))
    } else {
        latest_month
            .filter(|m| weekday_news && *m <= header.month() && header.month() - *m >= STALE_MONTHS)
            .map(|m| {
                format!(
                    "page date {header} ({basis}) is not the article's date: the text dates its news by weekday, but the latest month it names is month {m}, {} months before",
                    header.month() - m
                )
            })
    };
    match warning {
        None => Anchor {
            date: Some(header),
            year: Some(header.year()),
            basis,
            warning: None,
        },
        Some(w) => {
            let year = latest_year.map(|y| if last_year_refs { y + 1 } else { y });
            let basis = match (latest_year, year) {
                (Some(l), Some(y)) if y != l => format!(
                    "year {y} inferred from the text (latest year mentioned {l}, plus 'last year' references)"
                ),
                (Some(_), Some(y)) => {
                    format!("year {y} inferred from the text (latest year mentioned)")
                }
                _ => "none".into(),
            };
            Anchor {
                date: None,
                year,
                basis,
                warning: Some(w),
            }
        }
    }
}

/// Whether a bare year says nothing of when the text was written: the start of a period
/// ("since 2019", "from 2015"), a thing's origin ("built in Japan in 1994"), a reference level ("back to 2019 levels") or a fiscal year ("fiscal 2026", "FY2026", "the 2025-26
/// fiscal year"), which budgets name years ahead.
fn open_year(text: &str, p: &Phrase) -> bool {
    if !matches!(p.kind, PhraseKind::Year(_) | PhraseKind::Years(..)) {
        return false;
    }
    let before = text.get(..p.span.start).unwrap_or("");
    let word_before = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let after = text.get(p.span.end..).unwrap_or("").trim_start();
    let phrase = text.get(p.span.clone()).unwrap_or("");
    // "built in 1994", "founded by his father in 1971": a thing's origin, recalled
    let clause = before
        .rsplit([',', ';', '.', '(', ')'])
        .next()
        .unwrap_or("");
    let origin = word_before == "in"
        && clause
            .split_whitespace()
            .rev()
            .take(ORIGIN_LOOKBACK_WORDS)
            .any(|w| {
                crate::extract::lexicon::ORIGIN_VERBS
                    .iter()
                    .any(|o| w.eq_ignore_ascii_case(o))
            });
    origin
        || matches!(word_before.as_str(), "since" | "from" | "fiscal" | "fy")
        || phrase
            .get(..2)
            .is_some_and(|h| h.eq_ignore_ascii_case("fy"))
        || before.to_ascii_lowercase().ends_with("fy")
        || ["fiscal", "level"].iter().any(|w| {
            after
                .get(..w.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(w))
        })
}

/// Completes `anchor` from the source's dateline and, for the year, from `story_year` (the
/// year the other sources of the story agree on). A manifest or trusted page date is kept; a
/// distrusted page date stays distrusted (only a missing year is filled in).
pub(super) fn story_anchor(
    anchor: Anchor,
    dateline: Option<DatelineDate>,
    story_year: Option<i16>,
) -> Anchor {
    if anchor.date.is_some() {
        return anchor;
    }
    if anchor.warning.is_none() {
        if let Some(DatelineDate {
            month: m,
            day: d,
            year: y,
        }) = dateline
        {
            let (year, basis) = match (y, anchor.year, story_year) {
                (Some(y), _, _) => (Some(y), "dateline".to_owned()),
                (None, Some(y), _) => (
                    Some(y),
                    format!("{} (dateline month and day)", anchor.basis),
                ),
                (None, None, Some(y)) => (
                    Some(y),
                    "dateline month and day; year from the other sources of the story".to_owned(),
                ),
                (None, None, None) => (None, String::new()),
            };
            if let Some(date) = year.and_then(|y| Date::new(y, m, d).ok()) {
                return Anchor {
                    date: Some(date),
                    year: Some(date.year()),
                    basis,
                    warning: None,
                };
            }
        }
    }
    if anchor.year.is_none() {
        if let Some(y) = story_year {
            return Anchor {
                year: Some(y),
                basis: "year from the other sources of the story".to_owned(),
                ..anchor
            };
        }
    }
    anchor
}

/// The date of a source with no date of its own, from its text: the latest full date it
/// writes ("April 27, 2013" in a photo caption, "22 September 2014"), when the news it
/// dates by weekday ("on Saturday", "today (Monday)") names that date's weekday. A full
/// date alone may be an event recalled or a later caption; a weekday alone has no week;
/// together they say when the text was written. `None` without both.
pub(super) fn text_anchor(phrases: &[Vec<Phrase>]) -> Option<Anchor> {
    let all = || phrases.iter().flatten().map(|p| &p.kind);
    let latest = all()
        .filter_map(|k| match *k {
            PhraseKind::Full(d) => Some(d),
            _ => None,
        })
        .max()?;
    let named = all().any(|k| matches!(*k, PhraseKind::Weekday(w, 0) if w == latest.weekday()));
    named.then(|| Anchor {
        date: Some(latest),
        year: Some(latest.year()),
        basis: format!(
            "the latest date the text writes ({latest}, a {:?}, the weekday its news names)",
            latest.weekday()
        ),
        warning: None,
    })
}

/// How many years a page date may be after the latest year the text names: news often
/// recalls a contract or an election of two years before and names no later year.
const STALE_YEARS: i16 = 3;

/// How many words before "in <year>" an origin verb may stand ("built in Japan in 1994").
const ORIGIN_LOOKBACK_WORDS: usize = 5;

/// How many months a page date may be after the latest month the text names while the
/// text dates its news by weekday ("on Monday").
const STALE_MONTHS: i8 = 4;

/// Whether `text` may name a weekday or "this week" ("day", "week") or a month (a
/// capitalised month abbreviation): the other phrases the anchor looks at.
fn may_name_a_day_or_month(text: &str) -> bool {
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let b = text.as_bytes();
    b.windows(3).any(|w| {
        // every needle starts with one of these bytes: a cheap test before the others
        matches!(
            w[0],
            b'd' | b'D' | b'w' | b'W' | b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N'
        ) && (w.eq_ignore_ascii_case(b"day")
            || w.eq_ignore_ascii_case(b"wee")
            || MONTHS.contains(&w))
    })
}

/// Whether `text` may hold a phrase the anchor looks at: an explicit year or full date
/// (ASCII digits: `read` parses no others) or "last"/"past" ("last year", "June last
/// year"). Other sentences are skipped without trying the date shapes.
fn may_date_the_page(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(u8::is_ascii_digit)
        || b.windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"last") || w.eq_ignore_ascii_case(b"past"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::tests::anchored;
    use crate::extract::time::{dates_of, phrases_of};
    use crate::extract::DateRef;
    use crate::pack::Pack;

    fn source(text: &str) -> (Source, Vec<Sentence>, Pack) {
        let pack = Pack::default_pack();
        let s = Source::from_text("t", "t.txt", text, &pack);
        let sentences = crate::segment(&s, &pack);
        (s, sentences, pack)
    }

    /// The source's own anchor, from the date phrases of its sentences.
    fn anchor(s: &Source, ss: &[Sentence], p: &Pack) -> Anchor {
        published_anchor(s, ss, &phrases_of(s, ss, p))
    }

    #[test]
    fn header_date_trusted_when_the_text_fits() {
        let (s, ss, p) = source(
            "June 9, 2023\n\nFloods hit the valley town\n\nThe river rose on Thursday after storms in 2022 and 2023.\n",
        );
        let a = anchor(&s, &ss, &p);
        assert_eq!(a.date, "2023-06-09".parse().ok());
        assert_eq!(a.warning, None);
    }

    #[test]
    fn a_year_of_a_things_origin_does_not_make_the_page_date_stale() {
        let (s, ss, p) = source(
            "Date: 2014-04-16\n\nThe ferry, which was built in Japan in 1994, sank on Wednesday.\n",
        );
        let a = anchor(&s, &ss, &p);
        assert_eq!(a.date, "2014-04-16".parse().ok(), "{a:?}");
        // a year the text tells as news still does
        let (s, ss, p) = source(
            "Date: 2014-04-16\n\nThe ferry sank in 1994 and the inquiry reported in 1995.\n",
        );
        assert_eq!(anchor(&s, &ss, &p).date, None);
    }

    #[test]
    fn stale_header_date_is_distrusted_and_the_year_inferred() {
        let (s, ss, p) = source(
            "June 9, 2025\n\nFloods hit the valley town again\n\nA 2019 survey and data from 2010-2018 warned of floods. The river rose last year too.\n",
        );
        let a = anchor(&s, &ss, &p);
        assert_eq!(a.date, None);
        assert_eq!(a.year, Some(2020));
        assert!(a.warning.as_deref().unwrap_or("").contains("2019"), "{a:?}");
        let d: Vec<DateRef> = ss
            .iter()
            .zip(phrases_of(&s, &ss, &p))
            .enumerate()
            .flat_map(|(i, (x, found))| dates_of(&s, i, x, &a, found))
            .collect();
        let last = d.iter().find(|d| d.text == "last year").expect("last year");
        assert_eq!(last.from, "2019-01-01".parse().ok());
    }

    #[test]
    fn header_date_months_after_weekday_news_is_distrusted() {
        // the news is "on Tuesday", the latest month named is February, the page says October
        let (s, ss, p) = source(
            "Friday, October 13, 2023\n\nBridge reopens\n\nThe bridge reopened on Tuesday after repairs that began in February, the council said.\n",
        );
        let a = anchor(&s, &ss, &p);
        assert_eq!(a.date, None, "{a:?}");
        assert!(
            a.warning.as_deref().unwrap_or("").contains("weekday"),
            "{a:?}"
        );
        // a recent month fits
        let (s, ss, p) = source(
            "Friday, October 13, 2023\n\nBridge reopens\n\nThe bridge reopened on Tuesday after repairs that began in August, the council said.\n",
        );
        assert_eq!(anchor(&s, &ss, &p).warning, None);
        // an old month without weekday news fits too
        let (s, ss, p) = source(
            "Friday, October 13, 2023\n\nBridge reopens\n\nRepairs began in February and the bridge is open again.\n",
        );
        assert_eq!(anchor(&s, &ss, &p).warning, None);
    }

    #[test]
    fn period_starts_and_fiscal_years_do_not_date_the_page() {
        // "since 2019" is the start of a period and "fiscal 2026" a budget year ahead:
        // neither says the June 2025 page date is wrong
        let (s, ss, p) = source(
            "June 13, 2025\n\nCouncil passes budget\n\nThe council on Thursday passed the budget for the 2025-26 fiscal year. Police spending rises to $1bn in fiscal 2026. Costs have risen every year since 2019 under contracts signed in 2023. Jobs are cut to 2018 levels.\n",
        );
        let a = anchor(&s, &ss, &p);
        assert_eq!(a.warning, None, "{a:?}");
        assert_eq!(a.date, "2025-06-13".parse().ok());
        // a month of a later year is news from after the page date
        let (s, ss, p) =
            source("June 13, 2025\n\nCouncil passes budget\n\nThe budget passed in March 2026.\n");
        assert!(anchor(&s, &ss, &p).warning.is_some());
    }

    #[test]
    fn header_date_before_the_events_is_distrusted() {
        let (s, ss, p) = source(
            "June 9, 2019\n\nFloods hit the valley town again\n\nThe river rose on March 3, 2021, officials said.\n",
        );
        let a = anchor(&s, &ss, &p);
        assert!(a.warning.is_some(), "{a:?}");
    }

    #[test]
    fn story_anchor_keeps_dates_and_distrust() {
        let aug14 = Some(DatelineDate {
            month: 8,
            day: 14,
            year: None,
        });
        let dated = anchored("2022-08-15");
        assert_eq!(story_anchor(dated.clone(), aug14, Some(2020)), dated);
        let undated = story_anchor(Anchor::default(), aug14, Some(2022));
        assert_eq!(undated.date, Date::new(2022, 8, 14).ok());
        let distrusted = Anchor {
            warning: Some("scrape date".into()),
            ..Anchor::default()
        };
        let got = story_anchor(distrusted, aug14, Some(2022));
        assert_eq!((got.date, got.year), (None, Some(2022)));
        assert!(got.warning.is_some());
        let bare = story_anchor(Anchor::default(), None, Some(2022));
        assert_eq!(bare.basis, "year from the other sources of the story");
    }
}

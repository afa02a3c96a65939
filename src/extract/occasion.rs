//! Occasions: what happens on a day that a sentence dates ("the February 1 coup", "met in
//! the capital on Friday", "marches across the world Saturday"), named by the triggers of
//! the pack's `occasions.toml`.
//!
//! Input: one sentence, its dates ([`DateRef`]) with what each date phrase writes
//! ([`DateParts`]). Output: [`Occasion`]s, each a trigger tied to one date. Dates and
//! triggers are paired nearest first, each used once: in "the ferry, which sank on
//! Wednesday, was built in 1994", 1994 dates nothing; in "talks with the chief on
//! Thursday, then a flotilla parade on Sunday", Sunday dates the parade and Thursday the
//! talks. A day a statement was made ("said on Friday", "at its briefing on Tuesday"),
//! the start of a count ("since May 29") and the wire dateline date no occasion.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::scope::{self, LocalDate};
use super::DateRef;
use crate::pack::Pack;
use crate::text::{is_whole_word, Span};

/// The most words between a date and the trigger it dates ("met in the capital
/// Naypyitaw on Friday": four).
pub(crate) const MAX_GAP_WORDS: usize = 10;

/// Words right before a date that make it where a count or a period starts or ends, not
/// the day something happened ("since May 29", "until Friday").
const BOUND_WORDS: &[&str] = &[
    "since", "from", "until", "till", "through", "by", "before", "after",
];

/// Something that happened on a day the source gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occasion {
    /// Occasion id from the pack (`coup`).
    pub id: String,
    /// From the first to the last byte of the trigger and the date ("February 1 military
    /// coup", "met in the capital on Friday").
    pub span: Span,
    /// The date phrase.
    pub date: Span,
    /// Index of the sentence.
    pub sentence: usize,
    /// Span of the sentence.
    pub sentence_span: Span,
    /// First day the date may mean, when resolved.
    pub from: Option<Date>,
    /// Last day the date may mean, when resolved.
    pub to: Option<Date>,
    /// What the date phrase says of the day, resolved or not.
    pub parts: DateParts,
}

/// What a date phrase says of a day, whether or not it could be resolved: "Feb. 1" gives a
/// month and a day, "on Friday" a weekday, "a 2020 election" a year. A resolved day gives
/// all four.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateParts {
    /// The year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i16>,
    /// The month, 1 to 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<i8>,
    /// The day of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i8>,
    /// The weekday, 1 (Monday) to 7 (Sunday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<i8>,
}

impl DateParts {
    /// The parts of one day.
    pub fn of_day(d: Date) -> DateParts {
        DateParts {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
            weekday: Some(d.weekday().to_monday_one_offset()),
        }
    }

    /// Completed by what a resolved range `from..=to` fixes: every part for one day, the
    /// year and month for a range inside one month, the year for one inside a year.
    pub fn resolved(self, from: Option<Date>, to: Option<Date>) -> DateParts {
        let (Some(f), Some(t)) = (from, to) else {
            return self;
        };
        let mut out = self;
        if f == t {
            return DateParts::of_day(f);
        }
        if f.year() == t.year() {
            out.year = Some(f.year());
            if f.month() == t.month() {
                out.month = Some(f.month());
            }
        }
        out
    }

    /// Whether the phrase says anything of the day.
    pub fn is_empty(&self) -> bool {
        *self == DateParts::default()
    }

    /// Whether the two can be the same day: every part both give is the same.
    pub fn compatible(&self, other: &DateParts) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        same(self.year, other.year)
            && same(self.month, other.month)
            && same(self.day, other.day)
            && same(self.weekday, other.weekday)
    }
}

/// The pack's triggers, matched together, longest first.
pub(crate) struct Triggers {
    matcher: Option<AhoCorasick>,
    /// The occasion id of each pattern.
    ids: Vec<String>,
}

impl Triggers {
    fn new(pack: &Pack) -> Triggers {
        Triggers::of(&pack.occasions)
    }

    /// The matcher of `named` (the occasions or the events of a pack).
    pub(crate) fn of(named: &[crate::pack::Occasion]) -> Triggers {
        let mut patterns = Vec::new();
        let mut ids = Vec::new();
        for o in named {
            for t in &o.triggers {
                patterns.push(t.clone());
                ids.push(o.id.clone());
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Triggers { matcher, ids }
    }

    /// Whole-word triggers in `lower` (a lowercase sentence): span and occasion id.
    pub(crate) fn find<'t>(&'t self, lower: &str) -> Vec<(Range<usize>, &'t str)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.find_iter(lower)
            .filter(|f| is_whole_word(lower, f.start(), f.end()))
            .filter_map(|f| {
                let id = self.ids.get(f.pattern().as_usize())?;
                Some((f.start()..f.end(), id.as_str()))
            })
            .collect()
    }
}

/// Builds the trigger matcher of `pack` now rather than at first use.
pub(crate) fn warm_up(pack: &Pack) {
    pack.prepared(Triggers::new);
}

/// The occasion triggers of `lower` (a lowercase sentence): span and occasion id.
pub(crate) fn named_in(lower: &str, pack: &Pack) -> Vec<(Range<usize>, String)> {
    pack.prepared(Triggers::new)
        .find(lower)
        .into_iter()
        .map(|(r, id)| (r, id.to_owned()))
        .collect()
}

/// The occasions of one sentence: `sentence` its index and span, `lower` its text in
/// ASCII lowercase, and `dates` its dates with their parts.
pub(crate) fn occasions_of(
    sentence: (usize, &Span),
    lower: &str,
    dates: &[(&DateRef, DateParts)],
    pack: &Pack,
) -> Vec<Occasion> {
    let (index, sentence_span) = sentence;
    // the forms of the speech verbs, as the figures read them
    let speech = &pack.prepared(super::quantity::Matchers::new).speech;
    let base = sentence_span.start;
    let local: Vec<(LocalDate<'_>, DateParts)> = dates
        .iter()
        .filter(|(d, parts)| !d.dateline && !parts.is_empty())
        .filter_map(|&(d, parts)| {
            let span = d.span.start.checked_sub(base)?..d.span.end.checked_sub(base)?;
            lower.get(span.clone())?;
            Some((LocalDate { span, date: d }, parts))
        })
        .filter(|(d, _)| !scope::is_reporting(lower, d, speech, pack) && !bounds_a_period(lower, d))
        .collect();
    if local.is_empty() {
        return Vec::new();
    }
    let triggers = pack.prepared(Triggers::new);
    let found: Vec<(Range<usize>, &str)> = triggers
        .find(lower)
        .into_iter()
        // a trigger inside a date phrase is no trigger
        .filter(|(t, _)| {
            !local
                .iter()
                .any(|(d, _)| t.start < d.span.end && d.span.start < t.end)
        })
        .collect();
    let words = Gaps::new(lower);
    // every date and trigger close enough, nearest first (then the trigger after its date:
    // "a Feb. 1 coup"); each date and each trigger is taken once. The triggers are in text
    // order, so each date walks out from where it stands and stops at the first trigger
    // too far away: the work grows with the dates, not dates times triggers.
    let mut pairs: Vec<(usize, bool, usize, usize)> = Vec::new();
    for (k, (d, _)) in local.iter().enumerate() {
        let at = found.partition_point(|(t, _)| t.start < d.span.start);
        for (t, (trigger, _)) in found.iter().enumerate().take(at).rev() {
            let Some(g) = words.gap(trigger.end, d.span.start) else {
                break;
            };
            pairs.push((g, true, k, t));
        }
        for (t, (trigger, _)) in found.iter().enumerate().skip(at) {
            let Some(g) = words.gap(d.span.end, trigger.start) else {
                break;
            };
            pairs.push((g, false, k, t));
        }
    }
    pairs.sort_unstable();
    let (mut date_taken, mut trigger_taken) = (vec![false; local.len()], vec![false; found.len()]);
    let mut out = Vec::new();
    for (_, _, k, t) in pairs {
        if date_taken[k] || trigger_taken[t] {
            continue;
        }
        date_taken[k] = true;
        trigger_taken[t] = true;
        let ((d, parts), (trigger, id)) = (&local[k], &found[t]);
        out.push(Occasion {
            id: (*id).to_owned(),
            span: base + d.span.start.min(trigger.start)..base + d.span.end.max(trigger.end),
            date: d.date.span.clone(),
            sentence: index,
            sentence_span: sentence_span.clone(),
            from: d.date.from,
            to: d.date.to,
            parts: *parts,
        });
    }
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out
}

/// Word gaps in a lowercase sentence, each found by two binary searches.
struct Gaps<'s> {
    lower: &'s str,
    /// Where each run of non-space characters starts.
    starts: Vec<usize>,
    /// Where each semicolon stands.
    semicolons: Vec<usize>,
}

impl<'s> Gaps<'s> {
    fn new(lower: &'s str) -> Gaps<'s> {
        let mut starts = Vec::new();
        let mut semicolons = Vec::new();
        let mut space = true;
        for (i, c) in lower.char_indices() {
            if c == ';' {
                semicolons.push(i);
            }
            if !c.is_whitespace() && space {
                starts.push(i);
            }
            space = c.is_whitespace();
        }
        Gaps {
            lower,
            starts,
            semicolons,
        }
    }

    /// The words between byte `from` and byte `to` (as many as whitespace splits there),
    /// unless more than [`MAX_GAP_WORDS`] or a semicolon (a clause break: the date is of
    /// another clause) stands between.
    fn gap(&self, from: usize, to: usize) -> Option<usize> {
        if to < from {
            return None;
        }
        let semicolon = self.semicolons.partition_point(|&p| p < from);
        if self.semicolons.get(semicolon).is_some_and(|&p| p < to) {
            return None;
        }
        let after = self.starts.partition_point(|&p| p <= from);
        let before = self.starts.partition_point(|&p| p < to);
        // a word the range opens inside counts too
        let inside = self
            .lower
            .get(from..to)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| !c.is_whitespace());
        let n = before.saturating_sub(after) + usize::from(inside);
        (n <= MAX_GAP_WORDS).then_some(n)
    }
}

/// Whether the word before the date makes it a bound of a period ("since May 29", "by
/// Wednesday").
fn bounds_a_period(lower: &str, d: &LocalDate<'_>) -> bool {
    let before = lower
        .get(..d.span.start)
        .and_then(|h| h.split_whitespace().next_back())
        .unwrap_or("");
    BOUND_WORDS.contains(&before.trim_matches(|c: char| !c.is_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extraction;
    use crate::ingest::Source;

    /// The occasions of `text`, published on `date` when given: id, span text, parts.
    fn found(text: &str, date: Option<&str>) -> Vec<(String, String, DateParts)> {
        let pack = Pack::default_pack();
        let full = match date {
            Some(d) => format!("Date: {d}\n\n{text}"),
            None => text.to_owned(),
        };
        let source = Source::from_text("t", "t.txt", &full, &pack);
        let sentences = crate::segment(&source, &pack);
        let e: Extraction = crate::extract::extract(&source, &sentences, &pack);
        e.occasions
            .iter()
            .map(|o| (o.id.clone(), full[o.span.clone()].to_owned(), o.parts))
            .collect()
    }

    fn md(month: i8, day: i8) -> DateParts {
        DateParts {
            month: Some(month),
            day: Some(day),
            ..DateParts::default()
        }
    }

    #[test]
    fn a_date_before_its_noun_dates_it() {
        let got = found(
            "The army has ruled since the February 1 military coup.",
            None,
        );
        assert_eq!(
            got,
            [("coup".into(), "February 1 military coup".into(), md(2, 1))]
        );
    }

    #[test]
    fn a_weekday_dates_the_nearest_trigger_and_a_resolved_day_gives_every_part() {
        let got = found(
            "The two ministers met in the port city on Friday.",
            Some("2023-05-14"),
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "meeting");
        assert_eq!(got[0].1, "met in the port city on Friday");
        assert_eq!(
            got[0].2,
            DateParts::of_day(Date::new(2023, 5, 12).expect("date"))
        );
    }

    #[test]
    fn the_day_of_a_statement_or_the_start_of_a_count_dates_nothing() {
        assert!(found(
            "The union said on Monday that the strike would go on.",
            None
        )
        .is_empty());
        assert!(found(
            "Rains have killed 40 people since May 29 across the valley.",
            None
        )
        .is_empty());
    }

    #[test]
    fn each_trigger_takes_its_nearest_date_only() {
        let got = found(
            "The barge, which sank on Wednesday near the delta, had been refitted in 1994.",
            None,
        );
        let ids: Vec<&str> = got.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(ids, ["sinking"]);
        assert_eq!(got[0].2.weekday, Some(3));
    }

    #[test]
    fn a_trigger_taken_by_a_nearer_date_leaves_the_next_nearest() {
        let got = found(
            "The envoy held talks with the navy chief on Thursday, then watched the \
             flotilla parade on Sunday.",
            None,
        );
        let ids: Vec<(&str, Option<i8>)> = got
            .iter()
            .map(|(id, _, p)| (id.as_str(), p.weekday))
            .collect();
        assert_eq!(ids, [("meeting", Some(4)), ("parade", Some(7))]);
    }

    proptest::proptest! {
        #[test]
        fn a_gap_counts_the_words_whitespace_splits(
            text in "[a-c ;’]{0,40}",
            x in 0usize..40,
            y in 0usize..40,
        ) {
            let gaps = Gaps::new(&text);
            let (from, to) = (x.min(y), x.max(y));
            if let Some(between) = text.get(from..to) {
                let naive = Some(between.split_whitespace().count())
                    .filter(|n| *n <= MAX_GAP_WORDS && !between.contains(';'));
                proptest::prop_assert_eq!(gaps.gap(from, to), naive);
            }
        }
    }

    #[test]
    fn parts_are_compatible_when_no_part_differs() {
        let friday = DateParts {
            weekday: Some(5),
            ..DateParts::default()
        };
        let day = DateParts::of_day(Date::new(2021, 3, 26).expect("date"));
        assert!(friday.compatible(&day));
        assert!(md(3, 26).compatible(&day));
        assert!(!md(3, 27).compatible(&day));
        let march =
            DateParts::default().resolved(Date::new(2021, 3, 1).ok(), Date::new(2021, 3, 31).ok());
        assert_eq!(
            (march.year, march.month, march.day),
            (Some(2021), Some(3), None)
        );
    }
}

//! Dates: absolute ("March 27", "Feb. 1", "2014-2019") and relative ("on Friday",
//! "last month", "June last year") dates, resolved against the source's anchor date.
//!
//! The anchor is the manifest date, else the page's own date line, else none. A page date
//! is distrusted (and the warning recorded) when the text cannot be from then: it speaks of
//! dates after it, or the latest year it mentions is well before it (a re-scraped page).
//! Then the anchor year is inferred from the text when it can be. With no anchor, relative
//! dates are still listed, unresolved.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::{Anchor, DateRef};
use crate::ingest::{month_number, DatelineDate, Origin, Source};
use crate::pack::Pack;
use crate::segment::Sentence;
use crate::text::{needs_unicode_boundaries, WordRegex};

/// The date a source's relative dates resolve against, and why.
pub(crate) fn anchor(source: &Source, sentences: &[Sentence], pack: &Pack) -> Anchor {
    anchor_with(source, sentences, pack, None)
}

/// The date phrases of each sentence of a source (what [`phrases`] gives), computed once
/// for both the anchor and the dates.
pub(crate) fn phrases_of(source: &Source, sentences: &[Sentence], pack: &Pack) -> Vec<Vec<Phrase>> {
    let stopwords = pack.prepared(NotYear::new);
    sentences
        .iter()
        .map(|s| phrases(s.text(source), &stopwords.0))
        .collect()
}

/// [`anchor`], with the date phrases of each sentence when already computed
/// ([`phrases_of`]).
pub(crate) fn anchor_with(
    source: &Source,
    sentences: &[Sentence],
    pack: &Pack,
    known: Option<&[Vec<Phrase>]>,
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
    let stopwords = pack.prepared(NotYear::new);
    let stopwords = &stopwords.0;
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
        Origin::Manifest => None,
    };
    for (i, s) in sentences.iter().enumerate() {
        let text = s.text(source);
        let given = known.and_then(|k| k.get(i));
        if given.is_some_and(Vec::is_empty) {
            continue; // no phrase: nothing below would look at the sentence
        }
        if !may_date_the_page(text) && !may_name_a_day_or_month(text) {
            continue;
        }
        // the date line itself ("Thursday, October 21, 2021") says nothing of the news
        let on_header = header_line == Some(source.position(s.span.start).line);
        let computed;
        let found: &[Phrase] = match given {
            Some(list) => list,
            None => {
                computed = phrases(text, stopwords);
                &computed
            }
        };
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
/// ("since 2019", "from 2015"), a reference level ("back to 2019 levels") or a fiscal year ("fiscal 2026", "FY2026", "the 2025-26
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
    matches!(word_before.as_str(), "since" | "from" | "fiscal" | "fy")
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
pub(crate) fn story_anchor(
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

/// How many years a page date may be after the latest year the text names: news often
/// recalls a contract or an election of two years before and names no later year.
const STALE_YEARS: i16 = 3;

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

/// Dates in sentence `index`.
#[cfg(test)]
pub(crate) fn find_dates(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    anchor: &Anchor,
    pack: &Pack,
) -> Vec<DateRef> {
    let stopwords = pack.prepared(NotYear::new);
    let found = phrases(sentence.text(source), &stopwords.0);
    dates_of(source, index, sentence, anchor, found)
}

/// [`find_dates`] from the sentence's date phrases ([`phrases_of`]).
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

/// The pack's not-a-year words, computed once per pack.
struct NotYear(Vec<String>);

impl NotYear {
    fn new(pack: &Pack) -> NotYear {
        NotYear(not_year_words(pack))
    }
}

/// Words that, after a four-digit number, make it a count rather than a year
/// ("2000 people", "1500 tents"): the pack's counted nouns and unit words.
pub(crate) fn not_year_words(pack: &Pack) -> Vec<String> {
    let mut out: Vec<String> = pack
        .kinds
        .iter()
        .flat_map(|k| k.counted.iter().cloned())
        .chain(
            pack.units
                .iter()
                .flat_map(|u| u.suffixes.iter().map(|s| s.to_lowercase())),
        )
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A date phrase before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrase {
    /// Span in the sentence text.
    pub(crate) span: std::ops::Range<usize>,
    /// What it says.
    pub(crate) kind: PhraseKind,
}

/// Calendar units of relative phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Part of a month ("early March").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Mid,
    Late,
}

/// What a date phrase says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PhraseKind {
    /// A full date ("March 27, 2021", "2021-03-27").
    Full(Date),
    /// Month and day without a year ("Feb. 1").
    MonthDay(i8, i8),
    /// A month of a given year ("June 2021").
    MonthYear(i8, i16, Option<Part>),
    /// A month alone, maybe with a year offset ("in November", "June last year").
    Month(i8, Option<i16>, Option<Part>),
    /// A year.
    Year(i16),
    /// A span of years ("2014-2019").
    Years(i16, i16),
    /// A weekday with "last" (-1), "next" (1) or none (0).
    Weekday(Weekday, i8),
    /// today (0), yesterday (-1), tomorrow (1).
    Day(i8),
    /// "last month" (Month, -1), "this year" (Year, 0), "next week" (Week, 1).
    RelUnit(Unit, i8),
    /// "earlier this month": from the start of the unit to the anchor.
    EarlierThis(Unit),
    /// "three days ago".
    Ago(i64, Unit),
}

impl PhraseKind {
    fn explicit_year(&self) -> Option<i16> {
        match *self {
            PhraseKind::Full(d) => Some(d.year()),
            PhraseKind::MonthYear(_, y, _) | PhraseKind::Year(y) => Some(y),
            PhraseKind::Years(_, y) => Some(y),
            _ => None,
        }
    }

    /// Relative phrases name a date through the anchor ("on Friday", "last month", "June
    /// last year"); a calendar date without its year ("Feb. 1", "in November") is absolute,
    /// its year taken from the anchor.
    fn is_relative(&self) -> bool {
        !matches!(
            self,
            PhraseKind::Full(_)
                | PhraseKind::MonthYear(..)
                | PhraseKind::Year(_)
                | PhraseKind::Years(..)
                | PhraseKind::MonthDay(..)
                | PhraseKind::Month(_, None, _)
        )
    }
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const SMALL: &str =
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})";

/// Compiles the date-phrase regexes now rather than at first use.
pub(crate) fn warm_up() {
    LazyLock::force(&SHAPES);
}

/// One regex per phrase shape, tried in priority order; earlier shapes win overlaps.
static SHAPES: LazyLock<Vec<(Shape, WordRegex)>> = LazyLock::new(|| {
    let m = MONTH;
    let part = r"(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[- ])?";
    let list = [
        (Shape::Iso, r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b".to_owned()),
        (
            Shape::Mdy,
            format!(r"\b(?P<m>{m})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
        ),
        (
            Shape::Dmy,
            format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{m}),?\s+(?P<y>\d{{4}})\b"),
        ),
        (
            Shape::MonthRel,
            format!(r"\b{part}(?P<m>{m})\s+(?P<rel>last|this|next)\s+year\b"),
        ),
        (
            Shape::RelMonth,
            format!(r"\b(?P<rel>last|this|next)\s+(?P<m>{m})\b"),
        ),
        (Shape::MonthYear, format!(r"\b{part}(?P<m>{m}),?\s+(?P<y>\d{{4}})\b")),
        (Shape::Md, format!(r"\b(?P<m>{m})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b")),
        (Shape::Dm, format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{m})\b")),
        (
            Shape::YearRange,
            r"\b(?:(?:from|between)\s+)?(?P<y>\d{4})\s*(?:-|–|—|/|to|and|until|through)\s*(?P<y2>\d{4}|\d{2})\b"
                .to_owned(),
        ),
        (
            Shape::Month,
            format!(
                r"(?:\b(?:in|since|by|until|till|from|through|during|of|before|after|to|between|and|or|on|for|last|next|this)\s+|\b){part}(?P<m>{m})\b"
            ),
        ),
        (
            Shape::Weekday,
            format!(
                r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<w>{WEEKDAY})(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
            ),
        ),
        (
            Shape::Day,
            r"(?i)\b(?P<day>today|yesterday|tomorrow|tonight)\b".to_owned(),
        ),
        (
            Shape::EarlierThis,
            r"(?i)\bearlier\s+this\s+(?P<u>week|month|year)\b".to_owned(),
        ),
        (
            Shape::RelUnit,
            r"(?i)\b(?P<rel>last|this|next|past)\s+(?P<u>week|weekend|month|year)\b".to_owned(),
        ),
        (
            Shape::Ago,
            format!(r"(?i)\b(?P<n>{SMALL})\s+(?P<u>day|week|month|year)s?\s+ago\b"),
        ),
        (Shape::Year, r"\b(?P<y>1[89]\d\d|20\d\d|21\d\d)\b".to_owned()),
    ];
    list.into_iter()
        .map(|(s, r)| {
            #[allow(clippy::expect_used)]
            let re = WordRegex::new(&r, false).expect("date regexes are valid");
            (s, re)
        })
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Iso,
    Mdy,
    Dmy,
    MonthRel,
    RelMonth,
    MonthYear,
    Md,
    Dm,
    YearRange,
    Month,
    Weekday,
    Day,
    EarlierThis,
    RelUnit,
    Ago,
    Year,
}

/// Every date phrase of `text`, in order, not overlapping.
pub(crate) fn phrases(text: &str, not_year: &[String]) -> Vec<Phrase> {
    let mut found: Vec<Phrase> = Vec::new();
    let cues = Cues::of(text);
    let unicode = needs_unicode_boundaries(text);
    for (shape, re) in SHAPES.iter() {
        if !cues.allow(*shape) {
            continue;
        }
        for c in re.pick(unicode).captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            let Some((kind, span)) = read(*shape, &c, text, not_year) else {
                continue;
            };
            let span = span.unwrap_or(whole.start()..whole.end());
            if found
                .iter()
                .any(|f| f.span.start < span.end && span.start < f.span.end)
            {
                continue;
            }
            found.push(Phrase { span, kind });
        }
    }
    found.sort_by_key(|p| p.span.start);
    found
}

/// What a sentence contains that some shapes cannot match without: a cheap test that
/// skips most shape regexes on most sentences, with the same result as trying them.
struct Cues {
    /// An ASCII digit: the shapes with numbers only read ASCII digits (`parse` rejects
    /// other digits), so without one they yield nothing.
    digit: bool,
    /// The first three letters of a month name, as the case-sensitive `MONTH` needs.
    month: bool,
    /// "day", which every (case-sensitive) `WEEKDAY` contains.
    weekday: bool,
    /// For the case-insensitive shapes, a piece of their words in any ASCII case. No piece
    /// has a `k` or an `s`: Unicode case folding also matches "K" (Kelvin) and "ſ" (long s)
    /// for those, and it matches no other non-ASCII letter to an ASCII one.
    /// "today", "tomorrow", "tonight", "yes-terday".
    day: bool,
    /// "earlier".
    earlier: bool,
    /// "wee(k)", "month", "year".
    unit: bool,
    /// "ago".
    ago: bool,
}

impl Cues {
    fn of(text: &str) -> Cues {
        // One overlapping pass finds every piece: the case-insensitive ones, and the
        // case-sensitive ones (month abbreviations, "day") in any case, kept only when
        // the text has them in the exact case.
        static PIECES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
            #[allow(clippy::expect_used)]
            aho_corasick::AhoCorasickBuilder::new()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .build(CI_PIECES.iter().chain(&CS_PIECES))
                .expect("date word pieces build an automaton")
        });
        let mut cues = Cues {
            digit: text.bytes().any(|b| b.is_ascii_digit()),
            month: false,
            weekday: false,
            day: false,
            earlier: false,
            unit: false,
            ago: false,
        };
        for m in PIECES.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            match CI_PIECES.get(p) {
                Some(&("today" | "tomorrow" | "tonight" | "terday")) => cues.day = true,
                Some(&"earlier") => cues.earlier = true,
                Some(&("wee" | "month" | "year")) => cues.unit = true,
                Some(&"ago") => cues.ago = true,
                Some(_) => {}
                None => {
                    let Some(exact) = CS_PIECES.get(p - CI_PIECES.len()) else {
                        continue;
                    };
                    if text.as_bytes().get(m.start()..m.end()) == Some(exact.as_bytes()) {
                        if *exact == "day" {
                            cues.weekday = true;
                        } else {
                            cues.month = true;
                        }
                    }
                }
            }
        }
        cues
    }

    /// Whether `shape` can match at all.
    fn allow(&self, shape: Shape) -> bool {
        match shape {
            Shape::Iso | Shape::YearRange | Shape::Year => self.digit,
            Shape::Mdy | Shape::Dmy | Shape::MonthYear | Shape::Md | Shape::Dm => {
                self.digit && self.month
            }
            Shape::MonthRel | Shape::RelMonth | Shape::Month => self.month,
            Shape::Weekday => self.weekday,
            Shape::Day => self.day,
            Shape::EarlierThis => self.earlier,
            Shape::RelUnit => self.unit,
            Shape::Ago => self.ago,
        }
    }
}

/// Pieces of the words of the case-insensitive shapes (see [`Cues`]).
const CI_PIECES: [&str; 9] = [
    "today", "tomorrow", "tonight", "terday", "earlier", "wee", "month", "year", "ago",
];

/// The case-sensitive pieces: a month name's first three letters, as `MONTH` needs, and
/// "day", which every `WEEKDAY` contains.
const CS_PIECES: [&str; 13] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day",
];

type Span = std::ops::Range<usize>;

fn read(
    shape: Shape,
    c: &regex::Captures<'_>,
    text: &str,
    not_year: &[String],
) -> Option<(PhraseKind, Option<Span>)> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = || {
        c.name("m")
            .and_then(|m| month_number(m.as_str().trim_end_matches('.')))
    };
    let part = || {
        c.name("part")
            .map(|p| match p.as_str().to_ascii_lowercase().as_str() {
                "early" => Part::Early,
                "mid" => Part::Mid,
                _ => Part::Late,
            })
    };
    let rel = || match c.name("rel").map(|r| r.as_str().to_ascii_lowercase()) {
        Some(r) if r == "last" || r == "past" => -1,
        Some(r) if r == "next" => 1,
        _ => 0,
    };
    let year = |y: i64| (1000..=2199).contains(&y).then_some(y as i16);
    let date = |y: i64, m: i64, d: i64| {
        Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()
    };
    let unit = |u: &str| match u.to_ascii_lowercase().as_str() {
        "day" => Unit::Day,
        "week" | "weekend" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    };
    let whole = c.get(0)?;
    let kind = match shape {
        Shape::Iso => PhraseKind::Full(date(num("y")?, num("mo")?, num("d")?)?),
        Shape::Mdy | Shape::Dmy => PhraseKind::Full(date(num("y")?, month()?, num("d")?)?),
        Shape::MonthRel => PhraseKind::Month(month()? as i8, Some(rel() as i16), part()),
        Shape::RelMonth => {
            let r = rel();
            PhraseKind::Month(month()? as i8, (r != 0).then_some(r as i16), None)
        }
        Shape::MonthYear => PhraseKind::MonthYear(month()? as i8, year(num("y")?)?, part()),
        Shape::Md | Shape::Dm => {
            let d = num("d")?;
            let m = month()?;
            date(2000, m, d)?; // a real day of that month (2000 is a leap year)
            PhraseKind::MonthDay(m as i8, d as i8)
        }
        Shape::YearRange => {
            let y1 = year(num("y")?)?;
            let raw2 = c.name("y2")?.as_str();
            let y2 = if raw2.len() == 2 {
                y1 / 100 * 100 + raw2.parse::<i16>().ok()?
            } else {
                year(raw2.parse().ok()?)?
            };
            if !(1800..=2199).contains(&y1) || y2 <= y1 || y2 - y1 > 100 {
                return None;
            }
            PhraseKind::Years(y1, y2)
        }
        Shape::Month => {
            let m = c.name("m")?;
            let word = m.as_str();
            // "May" and "March" are words too: a bare month needs a preposition or a
            // part of the month before it, and "May" needs more than that.
            let lead = &text[whole.start()..m.start()];
            if lead.trim().is_empty() || (word == "May" && part().is_none()) {
                return None;
            }
            let start = c.name("part").map_or(m.start(), |p| p.start());
            let r = lead.split_whitespace().next().map(str::to_ascii_lowercase);
            let offset = match r.as_deref() {
                Some("last") => Some(-1),
                Some("next") => Some(1),
                _ => None,
            };
            let start = if offset.is_some() {
                whole.start()
            } else {
                start
            };
            return Some((
                PhraseKind::Month(month()? as i8, offset, part()),
                Some(start..m.end()),
            ));
        }
        Shape::Weekday => {
            let w = match c.name("w")?.as_str() {
                "Monday" => Weekday::Monday,
                "Tuesday" => Weekday::Tuesday,
                "Wednesday" => Weekday::Wednesday,
                "Thursday" => Weekday::Thursday,
                "Friday" => Weekday::Friday,
                "Saturday" => Weekday::Saturday,
                _ => Weekday::Sunday,
            };
            PhraseKind::Weekday(w, rel() as i8)
        }
        Shape::Day => match c.name("day")?.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => PhraseKind::Day(-1),
            "tomorrow" => PhraseKind::Day(1),
            _ => PhraseKind::Day(0),
        },
        Shape::EarlierThis => PhraseKind::EarlierThis(unit(c.name("u")?.as_str())),
        Shape::RelUnit => PhraseKind::RelUnit(unit(c.name("u")?.as_str()), rel() as i8),
        Shape::Ago => {
            let n = c.name("n")?.as_str().to_ascii_lowercase();
            let n = match n.as_str() {
                "a" | "an" | "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "seven" => 7,
                "eight" => 8,
                "nine" => 9,
                "ten" => 10,
                "eleven" => 11,
                "twelve" => 12,
                d => d.parse().ok()?,
            };
            PhraseKind::Ago(n, unit(c.name("u")?.as_str()))
        }
        Shape::Year => {
            let y = year(num("y")?)?;
            if !is_year_use(text, whole.start(), whole.end(), not_year) {
                return None;
            }
            PhraseKind::Year(y)
        }
    };
    Some((kind, None))
}

/// Whether a bare four-digit number at `start..end` is a year, not a count or an amount.
fn is_year_use(text: &str, start: usize, end: usize, not_year: &[String]) -> bool {
    let before = text[..start].trim_end();
    if before.ends_with(['$', '€', '£', '¥', '₹', '#', ',', '.'])
        || before.ends_with("No")
        || before.ends_with("no.")
    {
        return false;
    }
    let after = &text[end..];
    if after.starts_with([',', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with(['%', ':'])
    {
        return false;
    }
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    !(next.len() > 1 && not_year.contains(&next))
}

/// Resolves a phrase against the anchor: first day, last day and how.
fn resolve(kind: &PhraseKind, anchor: &Anchor) -> (Option<Date>, Option<Date>, String) {
    let at = anchor
        .date
        .map(|d| format!("anchor {d} ({})", anchor.basis))
        .unwrap_or_default();
    let year_at = anchor
        .year
        .map(|y| format!("anchor year {y} ({})", anchor.basis))
        .unwrap_or_default();
    let unresolved = |what: &str| (None, None, format!("unresolved: {what} and no anchor date"));
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
        PhraseKind::MonthDay(m, d) => match anchor.date {
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
                    format!("{at} - month and day, year from the anchor"),
                )
            }
            None => match anchor.year {
                Some(y) => {
                    let date = Date::new(y, m, d).ok();
                    (date, date, format!("{year_at} - month and day"))
                }
                None => unresolved("month and day without a year"),
            },
        },
        PhraseKind::Month(m, offset, part) => match (offset, anchor.date, anchor.year) {
            (Some(o), _, Some(y)) => {
                let (f, t) = month_range(y + o, m, part);
                let how = if o < 0 { "last year" } else { "next year" };
                (
                    f,
                    t,
                    format!(
                        "{} - month {how}",
                        if at.is_empty() { &year_at } else { &at }
                    ),
                )
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
                (f, t, format!("{at} - month {how}"))
            }
            _ => unresolved("a month"),
        },
        PhraseKind::Weekday(w, rel) => match anchor.date {
            Some(a) => {
                let back =
                    (a.weekday().to_monday_zero_offset() - w.to_monday_zero_offset()).rem_euclid(7);
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
                (Some(d), Some(d), format!("{at} - {w:?} {how}"))
            }
            None => unresolved("a weekday"),
        },
        PhraseKind::Day(o) => match anchor.date {
            Some(a) => {
                let d = a.saturating_add((o as i64).days());
                (Some(d), Some(d), format!("{at} - day offset {o}"))
            }
            None => unresolved("a relative day"),
        },
        PhraseKind::RelUnit(unit, o) => match (unit, anchor.date, anchor.year) {
            (Unit::Year, _, Some(y)) => {
                let y = y + o as i16;
                (
                    Date::new(y, 1, 1).ok(),
                    Date::new(y, 12, 31).ok(),
                    format!(
                        "{} - year offset {o}",
                        if at.is_empty() { &year_at } else { &at }
                    ),
                )
            }
            (Unit::Month, Some(a), _) => {
                let first = a.first_of_month().saturating_add((o as i64).months());
                (
                    Some(first),
                    Some(first.last_of_month()),
                    format!("{at} - month offset {o}"),
                )
            }
            (Unit::Week | Unit::Day, Some(a), _) => {
                let monday = a.saturating_sub((a.weekday().to_monday_zero_offset() as i64).days());
                let start = monday.saturating_add((7 * o as i64).days());
                (
                    Some(start),
                    Some(start.saturating_add(6.days())),
                    format!("{at} - week offset {o}"),
                )
            }
            _ => unresolved("a relative period"),
        },
        PhraseKind::EarlierThis(unit) => match anchor.date {
            Some(a) => {
                let start = match unit {
                    Unit::Year => Date::new(a.year(), 1, 1).ok(),
                    Unit::Month => Some(a.first_of_month()),
                    Unit::Week | Unit::Day => {
                        Some(a.saturating_sub((a.weekday().to_monday_zero_offset() as i64).days()))
                    }
                };
                (start, Some(a), format!("{at} - earlier in the same period"))
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
                (Some(d), Some(d), format!("{at} - counted back"))
            }
            None => unresolved("a time ago"),
        },
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
    use crate::text::SourceId;

    fn anchored(d: &str) -> Anchor {
        let date: Date = d.parse().expect("test date");
        Anchor {
            date: Some(date),
            year: Some(date.year()),
            basis: "test".into(),
            warning: None,
        }
    }

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

    #[test]
    fn cues_never_skip_a_shape_whose_regex_matches() {
        // Case variants, and the two non-ASCII letters Unicode case folding matches to
        // ASCII ones (Kelvin sign for k, long s for s), which the cue pieces avoid.
        let texts = [
            "Officials said YESTERDAY that the count rose.",
            "It happened toNIGHT, Earlier This Month and Three Years Ago.",
            "The vote came la\u{17F}t wee\u{212A} and pa\u{17F}t month.",
            "Ye\u{17F}terday and two wee\u{212A}s ago, on Monday 3 March 2021.",
            "No date here at all.",
            "In May 2020, between 2014 and 2019, since June last year.",
        ];
        for text in texts {
            let cues = Cues::of(text);
            for (shape, re) in SHAPES.iter() {
                if re.for_text(text).is_match(text) {
                    assert!(cues.allow(*shape), "{shape:?} skipped on {text:?}");
                }
            }
        }
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

    fn source(text: &str) -> (Source, Vec<Sentence>, Pack) {
        let pack = Pack::default_pack();
        let s = Source::from_text("t", "t.txt", text, &pack);
        let sentences = crate::segment(&s, &pack);
        let _ = SourceId("t".into());
        (s, sentences, pack)
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
            .enumerate()
            .flat_map(|(i, x)| find_dates(&s, i, x, &a, &p))
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

//! Date phrases: where a sentence names a date and what it says, before resolution.
//!
//! Input: a sentence's text and the pack's not-a-year words. Output: [`Phrase`]s, in order
//! and not overlapping: full dates ("March 27, 2021"), months and days ("Feb. 1"), years and
//! spans of years ("2014-2019"), weekdays ("on Friday"), relative days and periods
//! ("yesterday", "last month", "three days ago"). One regex per shape, tried in priority
//! order; a cheap scan for cue words ([`Cues`]) skips the shapes a sentence cannot match.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};

use crate::ingest::month_number;
use crate::pack::Pack;
use crate::text::{needs_unicode_boundaries, Span, WordRegex};

/// The pack's not-a-year words, computed once per pack.
pub(super) struct NotYear(pub(super) Vec<String>);

impl NotYear {
    pub(super) fn new(pack: &Pack) -> NotYear {
        NotYear(not_year_words(pack))
    }
}

/// Words that, after a four-digit number, make it a count rather than a year
/// ("2000 people", "1500 tents"): the pack's counted nouns and unit words.
fn not_year_words(pack: &Pack) -> Vec<String> {
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
    /// The year the phrase writes, if any ("March 2021", "2014-2019": the last).
    pub(super) fn explicit_year(&self) -> Option<i16> {
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
    pub(super) fn is_relative(&self) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

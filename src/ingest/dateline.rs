//! Wire datelines, read once for every later stage: the place, date and outlet that open a
//! wire story ("PARIS, France, March 4, 2025 (Wire) –", "MOSCOW (Reuters) –", "MOSCOW,
//! July 31. /TASS/.").
//!
//! Input: the text, its trimmed lines and its boilerplate spans. Output: the [`Dateline`]
//! opening one of the first lines of content, if any, with the date it gives; and, for the
//! page's metadata, the place and outlet of a credited dateline ([`place_and_outlet`]).

use std::sync::LazyLock;

use regex::Regex;

use super::metadata::month_number;
use super::Marked;
use crate::text::Span;

/// A wire dateline opening the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place, its date and the outlet in brackets, as far as the text writes them
    /// ("PARIS, March 3 (Wire)", "MOSCOW, July 31"), without the dash after them. A date
    /// inside says when the story was filed, never what a figure covers.
    pub span: Span,
    /// The month and day written after the place, when they are ("PARIS, March 3").
    pub date: Option<DatelineDate>,
}

/// The date a dateline gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelineDate {
    /// 1-based month.
    pub month: i8,
    /// Day of the month.
    pub day: i8,
    /// The year, when written ("PARIS, France, March 4, 2025").
    pub year: Option<i16>,
}

/// How many lines of content a dateline may open, counted from the first: a headline and
/// a standfirst may stand before it.
const DATELINE_LINES: usize = 3;

/// The dateline opening one of the first [`DATELINE_LINES`] lines of content (lines that
/// are neither blank nor boilerplate), the first such line that reads as one. `lines` are
/// the trimmed spans of the lines of `text`; `boilerplate` is sorted and non-overlapping.
pub(super) fn find(text: &str, lines: &[Span], boilerplate: &[Marked]) -> Option<Dateline> {
    let in_boilerplate = |at: usize| {
        let i = boilerplate.partition_point(|m| m.span.end <= at);
        boilerplate.get(i).is_some_and(|m| m.span.start <= at)
    };
    lines
        .iter()
        .filter(|l| !l.is_empty() && !in_boilerplate(l.start))
        .take(DATELINE_LINES)
        .find_map(|l| read(text.get(l.clone())?, l.start))
}

/// The dateline opening `line` (at byte `base` of the text): a place and a date ("PARIS,
/// France, March 4, 2025", maybe with an outlet in brackets after them), else a place and
/// an outlet in brackets before a dash ("N'DJAMENA/MINSK (Atlas Wire) –").
fn read(line: &str, base: usize) -> Option<Dateline> {
    if let Some(c) = DATED.captures(line) {
        if c.get(1).is_some_and(|head| is_place(head.as_str())) {
            let date = (|| {
                let month = i8::try_from(month_number(c.get(2)?.as_str())?).ok()?;
                let day = c.get(3)?.as_str().parse().ok()?;
                let year = c.get(4).and_then(|y| y.as_str().parse().ok());
                Some(DatelineDate { month, day, year })
            })();
            let end = c.get(0).map_or(0, |m| m.end());
            let end = end + OUTLET.find(&line[end..]).map_or(0, |m| m.end());
            return Some(Dateline {
                span: base..base + end,
                date,
            });
        }
    }
    let c = CREDITED.captures(line)?;
    Some(Dateline {
        span: base..base + c.get(1)?.end(),
        date: None,
    })
}

/// A place and a date opening a line: "DUSHANBE, March 3", "PARIS, France, March 4, 2025".
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(
        r"^([A-Z][\p{L}.'-]*(?:[ ,]+[A-Z][\p{L}.'-]*)*,)\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\b",
    )
    .expect("literal dateline regex")
});

/// The outlet in brackets after a dated dateline's date: " (Atlas Wire)".
static OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"^\s*\([^()\n]{1,60}\)").expect("literal outlet regex")
});

/// A place in capitals and an outlet in brackets before a dash, opening a line: "MOSCOW
/// (Reuters) –", "LOS ANGELES, United States (AFP) —", "N'DJAMENA/MINSK (Atlas Wire) –".
static CREDITED: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(
        r"^(\p{Lu}[\p{Lu}\p{M}'’./-]+(?:[ ,]+\p{Lu}[\p{L}\p{M}'’./-]*)*(?:,?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\([^()\n]{1,60}\))\s*[–—-]",
    )
    .expect("literal credited dateline regex")
});

/// Whether `head` is the place of a wire dateline: capitalised place words and commas only
/// ("DUSHANBE, ", "PARIS, France, "), the first word in capitals, ending in a comma.
fn is_place(head: &str) -> bool {
    let h = head.trim_end();
    let Some(h) = h.strip_suffix(',') else {
        return false;
    };
    let first = h.split([' ', ',']).next().unwrap_or("");
    first.len() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '\'')
        && h.len() <= 60
        && h.split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "MOSCOW (Reuters) –", "NAYPYITAW, Myanmar (AP) —", "DUSHANBE, March 3 (Atlas Wire) -":
/// the place (group 1) and the outlet (group 2) the page's metadata records.
static PLACE_AND_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"^([A-Z][A-Z'’.\- ]{2,}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?(?:,\s*\d{4})?)?)\s*\(([^)]{2,40})\)\s*[–—-]")
        .expect("dateline regex is valid")
});

/// The place ("MOSCOW", "DUSHANBE, March 3") and the outlet ("Reuters") of a credited
/// dateline opening `line`, for the page's metadata.
pub(super) fn place_and_outlet(line: &str) -> Option<(&str, &str)> {
    let c = PLACE_AND_OUTLET.captures(line)?;
    Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
}

/// Compiles the dateline regexes now rather than at first use.
pub(super) fn warm_up() {
    LazyLock::force(&DATED);
    LazyLock::force(&OUTLET);
    LazyLock::force(&CREDITED);
    LazyLock::force(&PLACE_AND_OUTLET);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Source;
    use crate::pack::Pack;

    fn dateline_of(text: &str) -> Option<(String, Option<DatelineDate>)> {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        let d = source.dateline?;
        Some((source.text[d.span].to_owned(), d.date))
    }

    fn date(month: i8, day: i8, year: Option<i16>) -> Option<DatelineDate> {
        Some(DatelineDate { month, day, year })
    }

    #[test]
    fn wire_datelines_give_month_day_and_year() {
        assert_eq!(
            dateline_of(
                "Floods hit the capital\n\nQUITO, Aug 14 (Andes Wire) – The river burst its banks."
            ),
            Some(("QUITO, Aug 14 (Andes Wire)".into(), date(8, 14, None)))
        );
        assert_eq!(
            dateline_of("Floods\n\nQUITO, Ecuador, Aug. 14 (Andes Wire) — The river burst."),
            Some((
                "QUITO, Ecuador, Aug. 14 (Andes Wire)".into(),
                date(8, 14, None)
            ))
        );
        assert_eq!(
            dateline_of(
                "Floods\n\nPARIS, France, March 4, 2025 – The river burst its banks and \
                 flooded the old town overnight, officials said."
            ),
            Some((
                "PARIS, France, March 4, 2025".into(),
                date(3, 4, Some(2025))
            ))
        );
        assert_eq!(
            dateline_of("Floods\n\nMOSCOW, July 31. /TASS/. The river burst."),
            Some(("MOSCOW, July 31".into(), date(7, 31, None)))
        );
    }

    #[test]
    fn credited_datelines_have_a_span_but_no_date() {
        for (text, want) in [
            (
                "Talks\n\nMOSCOW (Reuters) – Russia wants ties.",
                "MOSCOW (Reuters)",
            ),
            (
                "Talks\n\nN'DJAMENA/MINSK (Atlas Wire) – Belarus will sell arms.",
                "N'DJAMENA/MINSK (Atlas Wire)",
            ),
            (
                "Talks\n\nLOS ANGELES, United States (AFP) — Crowds marched.",
                "LOS ANGELES, United States (AFP)",
            ),
        ] {
            assert_eq!(dateline_of(text), Some((want.into(), None)), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_dateline() {
        // not a place in capitals before the date
        assert_eq!(dateline_of("Officials, March 3 was the worst day."), None);
        // not among the first lines of content
        assert_eq!(
            dateline_of("One.\n\nTwo.\n\nThree.\n\nPARIS, March 3 (Wire) – Four."),
            None
        );
        // a bracket in the middle of a sentence
        assert_eq!(
            dateline_of("The agency (NEMA) – which runs the camps – said 40 died."),
            None
        );
    }

    #[test]
    fn credited_dateline_gives_the_page_its_place_and_outlet() {
        assert_eq!(
            place_and_outlet("MOSCOW (Reuters) – Russia wants ties."),
            Some(("MOSCOW ", "Reuters"))
        );
        assert_eq!(
            place_and_outlet("Officials said (in a statement) – no."),
            None
        );
    }
}

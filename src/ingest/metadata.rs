//! Metadata read from the text itself: headline, header date lines, `Source:` and `Date:`
//! lines, wire datelines ("MOSCOW (Reuters) –"). Each value records where it came from.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::{Field, Metadata, Origin};
use crate::text::line_spans;

/// How many non-blank lines from the top count as the page header.
const HEADER_LINES: usize = 8;

/// Reads metadata from `text`. Returns it with the 1-based lines holding header dates.
pub(crate) fn read(text: &str) -> (Metadata, Vec<usize>) {
    let mut meta = Metadata::default();
    let mut header_dates = Vec::new();
    let mut seen = 0;
    for (i, span) in line_spans(text).enumerate() {
        let line_no = i + 1;
        let line = text[span].trim();
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if let Some(rest) = strip_label(line, "date") {
            if let Some(d) = parse_date_line(rest) {
                meta.published
                    .get_or_insert(Field::new(d, Origin::line(line_no, "`Date:` line")));
                header_dates.push(line_no);
                continue;
            }
        }
        if let Some(rest) = strip_label(line, "source") {
            if !rest.is_empty() && rest.len() <= 60 && !rest.ends_with('.') {
                meta.outlet.get_or_insert(Field::new(
                    rest.to_owned(),
                    Origin::line(line_no, "`Source:` line"),
                ));
            }
            continue;
        }
        if seen <= HEADER_LINES {
            if let Some(d) = parse_date_line(line) {
                meta.published.get_or_insert(Field::new(
                    d,
                    Origin::line(line_no, "date line in the page header"),
                ));
                header_dates.push(line_no);
                continue;
            }
            if meta.title.is_none() && is_headline(line) && !looks_like_breadcrumb(line) {
                meta.title = Some(Field::new(
                    line.to_owned(),
                    Origin::line(line_no, "headline"),
                ));
                continue;
            }
        }
        if meta.dateline.is_none() && seen <= HEADER_LINES + 4 {
            if let Some(c) = DATELINE.captures(line) {
                let place = c.get(1).map_or("", |m| m.as_str()).trim().to_owned();
                meta.dateline = Some(Field::new(place, Origin::line(line_no, "wire dateline")));
                if let Some(o) = c.get(2) {
                    meta.outlet.get_or_insert(Field::new(
                        o.as_str().trim().to_owned(),
                        Origin::line(line_no, "wire dateline"),
                    ));
                }
            }
        }
    }
    (meta, header_dates)
}

/// "MOSCOW (Reuters) –", "NAYPYITAW, Myanmar (AP) —", "ANKARA, March 4 (Wire) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"^([A-Z][A-Z'’.\- ]{2,}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?)\s*\(([^)]{2,40})\)\s*[–—-]")
        .expect("dateline regex is valid")
});

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(concat!(
        r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
        r"(?:(?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})",
        r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[a-z]{3,9})\.?,?\s+(?P<y2>\d{4})",
        r"|(?P<y3>\d{4})-(?P<mo3>\d{2})-(?P<d3>\d{2}))",
        r"(?:\s*[,|•·-]?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$"
    ))
    .expect("date line regex is valid")
});

/// Parses a line that is nothing but a date ("Thursday, October 21, 2021", "May 20, 2024",
/// "21 June 2021", "2021-06-21").
pub(crate) fn parse_date_line(line: &str) -> Option<Date> {
    let c = DATE_LINE.captures(line.trim())?;
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
    let (y, m, d) = if let Some(y) = num("y1") {
        (y, month_number(c.name("m1")?.as_str())?, num("d1")?)
    } else if let Some(y) = num("y2") {
        (y, month_number(c.name("m2")?.as_str())?, num("d2")?)
    } else {
        (num("y3")?, num("mo3")?, num("d3")?)
    };
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// 1-based month number of an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<i64> {
    let n = name.to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| n.len() >= 3 && (m.starts_with(&n) || (n == "sept" && *m == "september")))
        .map(|i| i as i64 + 1)
}

fn strip_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let (head, rest) = line.split_once(':')?;
    head.trim().eq_ignore_ascii_case(label).then(|| rest.trim())
}

fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (4..=30).contains(&words) && !line.ends_with(['.', ':', ';', ',']) && line.len() <= 250
}

fn looks_like_breadcrumb(line: &str) -> bool {
    line.contains(" > ") || line.contains(" » ") || line.contains(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_in_common_shapes_parse() {
        assert_eq!(
            parse_date_line("Thursday, October 21, 2021"),
            Some(jiff::civil::date(2021, 10, 21))
        );
        assert_eq!(
            parse_date_line("May 20, 2024"),
            Some(jiff::civil::date(2024, 5, 20))
        );
        assert_eq!(
            parse_date_line("21 June 2021"),
            Some(jiff::civil::date(2021, 6, 21))
        );
        assert_eq!(
            parse_date_line("2021-03-26"),
            Some(jiff::civil::date(2021, 3, 26))
        );
        assert_eq!(
            parse_date_line("Sept. 3, 2022 10:15 a.m. EDT"),
            Some(jiff::civil::date(2022, 9, 3))
        );
        assert_eq!(
            parse_date_line("March 27 was one of the deadliest days"),
            None
        );
    }

    #[test]
    fn wire_dateline_gives_place_and_outlet() {
        let (m, _) = read("Headline words are here\n\nMOSCOW (Reuters) – Russia wants ties.\n");
        assert_eq!(m.dateline.map(|f| f.value).as_deref(), Some("MOSCOW"));
        assert_eq!(m.outlet.map(|f| f.value).as_deref(), Some("Reuters"));
    }
}

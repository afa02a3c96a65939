//! Metadata read from the text itself: headline, page-header date lines, `Source:` and
//! `Date:` lines, the place and outlet of a wire dateline ("MOSCOW (Reuters) –", read by
//! `dateline`). Each value records where it came from. The page header above the first
//! body paragraph (mastheads, display dates) is marked as boilerplate here.

use std::sync::LazyLock;

use jiff::civil::Date;

use super::boilerplate::{strip_markup, PatternMarks};
use super::{dateline, Field, Marked, Metadata, Origin};

/// Words outside the date that a header date line may carry ("Posted on ... by the desk").
const DATE_LINE_MAX_OTHER_WORDS: usize = 10;
/// A header paragraph above the headline this short is a masthead or section label.
const MASTHEAD_MAX_WORDS: usize = 6;

/// Reads metadata from `text`, given the boilerplate lines the patterns found.
/// Returns it with the header spans to mark as boilerplate.
pub(crate) fn read(text: &str, pm: &PatternMarks) -> (Metadata, Vec<Marked>) {
    let mut meta = Metadata::default();
    let mut marks = Vec::new();
    let paragraphs = paragraphs(pm);
    // A date in the address of the `Source:` line: read last, when nothing else dates
    // the page.
    let mut url_published: Option<(Date, usize)> = None;
    // Labelled lines anywhere: `Date:` and `Source:`.
    for (i, span) in pm.lines.iter().enumerate() {
        let line = strip_markup(&text[span.clone()]);
        if let Some(rest) = strip_label(line, "source") {
            if let Some(d) = url_date(rest) {
                url_published.get_or_insert((d, i + 1));
            }
            if !rest.is_empty() && rest.len() <= 60 && !rest.ends_with('.') {
                meta.outlet.get_or_insert(Field::new(
                    rest.to_owned(),
                    Origin::line(i + 1, "`Source:` line"),
                ));
            }
        }
        if let Some(rest) = strip_label(line, "date") {
            if let Some((d, _)) = find_date(rest) {
                meta.published
                    .get_or_insert(Field::new(d, Origin::line(i + 1, "`Date:` line")));
                marks.push(Marked {
                    span: span.clone(),
                    rule: "`Date:` line".into(),
                });
            }
        }
    }
    // The header: paragraphs before the first body paragraph.
    let mut title: Option<usize> = None;
    let mut header: Vec<usize> = Vec::new();
    let mut body: Option<usize> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        if p.noise {
            continue;
        }
        let ptext = p.text(text, pm);
        let first = strip_markup(&text[pm.lines[p.first].clone()]);
        if let Some((d, _)) = date_line(&ptext) {
            meta.published.get_or_insert(Field::new(
                d,
                Origin::line(p.first + 1, "date line in the page header"),
            ));
            marks.push(Marked {
                span: p.span(pm),
                rule: "page header date".into(),
            });
            continue;
        }
        if title.is_none() && text[pm.lines[p.first].clone()].starts_with("# ") {
            title = Some(pi);
            continue;
        }
        if is_body(&ptext) || dateline::place_and_outlet(first).is_some() {
            body = Some(pi);
            break;
        }
        header.push(pi);
    }
    if body.is_none() {
        // No body paragraph: a short text or a list, not a scraped page. Mark nothing more.
        header.clear();
    }
    if title.is_none() {
        title = header
            .iter()
            .rev()
            .copied()
            .find(|&pi| words(&paragraphs[pi].text(text, pm)) >= 3);
    }
    if let Some(ti) = title {
        let p = &paragraphs[ti];
        let t = strip_markup(&text[pm.lines[p.first].clone()])
            .trim_start_matches('#')
            .trim();
        meta.title = Some(Field::new(
            t.to_owned(),
            Origin::line(p.first + 1, "headline"),
        ));
        for &pi in header.iter().filter(|&&pi| pi < ti) {
            let p = &paragraphs[pi];
            let ptext = p.text(text, pm);
            if words(&ptext) <= MASTHEAD_MAX_WORDS && !ptext.ends_with(['.', '!', '?', ':']) {
                marks.push(Marked {
                    span: p.span(pm),
                    rule: "page header above the headline".into(),
                });
            }
        }
    }
    if let Some(bi) = body {
        let p = &paragraphs[bi];
        let line_no = p.first + 1;
        let first = strip_markup(&text[pm.lines[p.first].clone()]);
        if let Some((place, outlet)) = dateline::place_and_outlet(first) {
            let place = place.trim().trim_end_matches(',').to_owned();
            meta.dateline = Some(Field::new(place, Origin::line(line_no, "wire dateline")));
            meta.outlet.get_or_insert(Field::new(
                outlet.trim().to_owned(),
                Origin::line(line_no, "wire dateline"),
            ));
            if meta.published.is_none() {
                if let Some((d, _)) = find_date(first) {
                    meta.published
                        .get_or_insert(Field::new(d, Origin::line(line_no, "wire dateline")));
                }
            }
        }
    }
    if let Some((d, line)) = url_published {
        meta.published.get_or_insert(Field::new(
            d,
            Origin::line(line, "date in the `Source:` address"),
        ));
    }
    (meta, marks)
}

/// A full date in the path of a web address, as news sites write one
/// ("/2014/04/16/", "-20140416-", "/2014-04-16/"); a year and month alone
/// ("/2017/01/") or a number that only looks like one is none.
fn url_date(s: &str) -> Option<Date> {
    static URL_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        #[allow(clippy::expect_used)]
        regex::Regex::new(concat!(
            r"[/_.-](?P<y>(?:19|20)\d\d)(?:/(?P<m1>[01]?\d)/(?P<d1>[0-3]?\d)/",
            r"|(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?:[/_.-]|$)",
            r"|-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?:[/_.-]|$))"
        ))
        .expect("URL date regex is valid")
    });
    let path = s.trim().split_once("://").map_or(s, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path = &path[path.find('/')?..];
    URL_DATE.captures_iter(path).find_map(|c| {
        let num = |k: &str| c.name(k)?.as_str().parse::<i8>().ok();
        let y = c.name("y")?.as_str().parse::<i16>().ok()?;
        let (m, d) = num("m1")
            .zip(num("d1"))
            .or_else(|| num("m2").zip(num("d2")))
            .or_else(|| num("m3").zip(num("d3")))?;
        Date::new(y, m, d).ok()
    })
}

struct Paragraph {
    first: usize,
    last: usize,
    noise: bool,
}

impl Paragraph {
    fn text(&self, text: &str, pm: &PatternMarks) -> String {
        (self.first..=self.last)
            .filter(|&i| !pm.noise[i])
            .map(|i| strip_markup(&text[pm.lines[i].clone()]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn span(&self, pm: &PatternMarks) -> std::ops::Range<usize> {
        pm.lines[self.first].start..pm.lines[self.last].end
    }
}

fn paragraphs(pm: &PatternMarks) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false;
    for (i, span) in pm.lines.iter().enumerate() {
        if span.is_empty() {
            open = false;
            continue;
        }
        if open {
            if let Some(p) = out.last_mut() {
                p.last = i;
                p.noise &= pm.noise[i];
            }
        } else {
            out.push(Paragraph {
                first: i,
                last: i,
                noise: pm.noise[i],
            });
            open = true;
        }
    }
    out
}

/// A body paragraph: at least six words and ends like a sentence.
fn is_body(p: &str) -> bool {
    let t = p.trim_end_matches(['*', '_', ' ']);
    words(t) >= 6 && t.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')'])
}

fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A paragraph that is a display date, possibly with a few words around it
/// ("Posted on March 5, 2025 by the desk", "Thursday, March 6, 2025 | World Digest").
fn date_line(p: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let (d, span) = find_date(p)?;
    let other = words(&p[..span.start]) + words(&p[span.end..]);
    (other <= DATE_LINE_MAX_OTHER_WORDS && !is_body_sentence(p, &span)).then_some((d, span))
}

/// Whether the words around the date read like a sentence ("The quake struck on March 2, 2025.").
fn is_body_sentence(p: &str, span: &std::ops::Range<usize>) -> bool {
    let before = p[..span.start].trim_end().to_ascii_lowercase();
    ["on", "since", "until", "by", "from", "before", "after"]
        .iter()
        .any(|w| {
            before.ends_with(&format!(" {w}"))
                && !before.starts_with("posted")
                && !before.starts_with("published")
                && !before.starts_with("updated")
        })
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DATE: LazyLock<crate::text::WordRegex> = LazyLock::new(|| {
    let pattern = format!(
        concat!(
            r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
            r"(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})",
            r"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{m})\.?,?\s+(?P<y2>\d{{4}})",
            r"|(?P<y3>\d{{4}})-(?P<mo3>\d{{2}})-(?P<d3>\d{{2}}))\b"
        ),
        m = MONTH
    );
    #[allow(clippy::expect_used)]
    crate::text::WordRegex::new(&pattern, false).expect("date regex is valid")
});

/// Compiles the page-date regex now rather than at first use.
pub(crate) fn warm_up() {
    LazyLock::force(&DATE);
}

/// The first full date (day, month and year) in `s`, with its span.
pub(crate) fn find_date(s: &str) -> Option<(Date, std::ops::Range<usize>)> {
    DATE.for_text(s).captures_iter(s).find_map(|c| {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
        let (y, m, d) = if let Some(y) = num("y1") {
            (y, month_number(c.name("m1")?.as_str())?, num("d1")?)
        } else if let Some(y) = num("y2") {
            (y, month_number(c.name("m2")?.as_str())?, num("d2")?)
        } else {
            (num("y3")?, num("mo3")?, num("d3")?)
        };
        let date = Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()?;
        let whole = c.get(0)?;
        Some((date, whole.start()..whole.end()))
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;

    fn meta(text: &str) -> Metadata {
        let pack = Pack::default_pack();
        let pm = super::super::boilerplate::mark(text, &pack);
        read(text, &pm).0
    }

    #[test]
    fn date_lines_in_common_shapes_parse() {
        let parse_date_line = |s: &str| date_line(s).map(|(d, _)| d);
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
            parse_date_line("March 27 proved the bloodiest day of the month"),
            None
        );
    }

    #[test]
    fn wire_dateline_gives_place_and_outlet() {
        let m = meta("Headline words are here\n\nMOSCOW (Reuters) – Russia wants ties with its neighbours, officials said.\n");
        assert_eq!(m.dateline.map(|f| f.value).as_deref(), Some("MOSCOW"));
        assert_eq!(m.outlet.map(|f| f.value).as_deref(), Some("Reuters"));
    }

    #[test]
    fn headline_is_the_line_above_the_first_body_paragraph() {
        let m = meta("May 20, 2024\n\nMotoring Today\n\nPort reopens after the storm\n\nThe port of Elm Bay reopened on Friday after a week of closures.\n");
        assert_eq!(
            m.title.map(|f| f.value).as_deref(),
            Some("Port reopens after the storm")
        );
        assert_eq!(
            m.published.map(|f| f.value),
            Some(jiff::civil::date(2024, 5, 20))
        );
    }

    #[test]
    fn dated_header_lines_with_words_around_them_are_dates() {
        let m = meta("# Storm closes port\n\nPosted on March 5, 2025 by the coast desk\n\nThe port of Elm Bay closed on Tuesday as winds reached 120 km/h.\n");
        assert_eq!(
            m.published.map(|f| f.value),
            Some(jiff::civil::date(2025, 3, 5))
        );
        assert_eq!(
            m.title.map(|f| f.value).as_deref(),
            Some("Storm closes port")
        );
    }

    #[test]
    fn without_a_body_paragraph_nothing_is_a_masthead() {
        let text = "A line without a period\n\nnext one here.\n\nAnd one more";
        let pack = Pack::default_pack();
        let pm = super::super::boilerplate::mark(text, &pack);
        let (m, marks) = read(text, &pm);
        assert!(marks.is_empty(), "{marks:?}");
        assert_eq!(m.title, None);
    }

    #[test]
    fn a_dated_body_sentence_is_not_a_header_date() {
        let m = meta("Storm closes port\n\nThe port closed on March 5, 2025.\n");
        assert_eq!(m.published, None);
    }

    #[test]
    fn a_full_date_in_the_source_address_dates_an_undated_page() {
        let body = "\n\nThe ferry sank on Wednesday with 400 people aboard, officials said.\n";
        let published = |url: &str| meta(&format!("Source: {url}{body}")).published;
        for url in [
            "https://news.example.com/world/ferry-sinks-20140416-story.html",
            "https://news.example.com/news/2014/04/16/asia/ferry-sinks/",
            "http://example.org/2014-04-16/ferry-sinks",
        ] {
            let p = published(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(p.value.to_string(), "2014-04-16", "{url}");
        }
        // a year and month, an article number or a query string date no day
        for url in [
            "https://example.com/news-and-politics/2017/01/march-crowds.html",
            "https://example.com/article/news-ians/strike-114091600955_1.html",
            "https://example.com/story?d=20140416",
        ] {
            assert_eq!(published(url), None, "{url}");
        }
        // a date line of the page wins over the address
        let m = meta(&format!(
            "Source: https://example.com/2014/04/16/ferry\nDate: 2014-04-17{body}"
        ));
        assert_eq!(
            m.published.map(|p| p.value.to_string()).as_deref(),
            Some("2014-04-17")
        );
    }
}

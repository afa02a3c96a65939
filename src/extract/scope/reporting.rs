//! Reporting dates: a date that says when a figure was reported, not what it covers.

use jiff::civil::Date;

use crate::pack::Pack;

use super::LocalDate;

/// The date the sentence's figures are reported as of: a day next to a speech verb
/// ("said on Tuesday", "on Tuesday said"); `speech` are the forms of the pack's verbs.
/// `lower` is the sentence text in ASCII lowercase.
pub(crate) fn reporting_date(
    lower: &str,
    dates: &[LocalDate<'_>],
    speech: &[String],
    pack: &Pack,
) -> Option<Date> {
    dates
        .iter()
        .filter(|d| is_reporting(lower, d, speech, pack))
        .find_map(|d| d.date.from.filter(|f| Some(*f) == d.date.to))
}

/// Whether `d` is the day something was said: next to a speech verb ("said on Tuesday",
/// "on Tuesday said") or a [`report_time`].
pub(crate) fn is_reporting(lower: &str, d: &LocalDate<'_>, speech: &[String], pack: &Pack) -> bool {
    let before: Vec<&str> = lower[..d.span.start]
        .split_whitespace()
        .rev()
        .take(2)
        .collect();
    let after: Vec<&str> = lower[d.span.end..].split_whitespace().take(1).collect();
    let is_verb = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        speech.iter().any(|s| s == w)
    };
    // "reported on Friday", "said Tuesday", "on Friday said".
    report_time(lower, d, pack)
        || (before.first() == Some(&"on") && before.get(1).is_some_and(is_verb))
        || before.first().is_some_and(is_verb)
        || after.first().is_some_and(is_verb)
}

/// A reporting date by the pack's `reporting_forms` only: "reported on Friday", "said on
/// Friday".
pub(super) fn is_reporting_simple(lower: &str, d: &LocalDate<'_>, pack: &Pack) -> bool {
    let before: Vec<&str> = lower[..d.span.start]
        .split_whitespace()
        .rev()
        .take(2)
        .collect();
    let after = lower[d.span.end..].split_whitespace().next().unwrap_or("");
    let verb = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        pack.reporting_forms.iter().any(|f| f == w)
    };
    report_time(lower, d, pack)
        || (before.first() == Some(&"on") && before.get(1).is_some_and(|w| verb(w)))
        || verb(after)
}

/// Whether a date says when a figure was reported rather than what it covers: "as of
/// Thursday", "at its briefing on Tuesday", or a wire dateline ("PARIS, March 3 (Wire) –").
pub(super) fn report_time(lower: &str, d: &LocalDate<'_>, pack: &Pack) -> bool {
    let head = lower[..d.span.start].trim_end();
    if head.ends_with(" as of") || head == "as of" {
        return true;
    }
    let before: Vec<&str> = head.split_whitespace().rev().take(2).collect();
    if before.first() == Some(&"on")
        && before.get(1).is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            pack.report_occasions.iter().any(|o| o == w)
        })
    {
        return true;
    }
    d.date.dateline
}

//! Rates: a figure "per day", "a week", "annually" is a rate, not a total.
//!
//! Input: a sentence in ASCII lowercase and the end of a figure (unit included). Output:
//! the span and words of a rate phrase that follows the figure, a "daily" that stands
//! right before it, or a "per day" in the subject the figure is the value of. A rate becomes the figure's time scope ([`TimeScopeKind::Rate`]), so
//! "losses of 10 to 15 million euros a day" is never set against a strike's 330 million
//! euro total, nor a grant "to each family" against the fund it comes from, while two
//! daily figures compare as one scope.
//!
//! [`TimeScopeKind::Rate`]: crate::extract::TimeScopeKind::Rate

use std::ops::Range;

use crate::text::is_whole_word;

/// The periods a rate may be given per, as the words that follow "a"/"per"/"each"/"every".
const PERIODS: &[&str] = &["day", "week", "month", "year", "hour", "minute", "second"];

/// Adverbs and adjectives that make a figure a rate on their own.
const RATE_WORDS: &[(&str, &str)] = &[
    ("daily", "day"),
    ("weekly", "week"),
    ("monthly", "month"),
    ("annually", "year"),
    ("yearly", "year"),
    ("hourly", "hour"),
];

/// How far after the figure a rate phrase may start: room for a short aside such as a
/// conversion in brackets ("20 million euros ($25 million) a day").
const AFTER_WINDOW: usize = 28;

/// The rate phrase after the figure ending at `end` in `lower`: its span in `lower` and
/// the period it is per ("day").
pub(crate) fn after(lower: &str, end: usize) -> Option<(Range<usize>, &'static str)> {
    let rest = lower.get(end..)?;
    let mut at = 0;
    // Skip one bracketed aside, then spaces.
    let trimmed = rest.trim_start();
    at += rest.len() - trimmed.len();
    if trimmed.starts_with('(') {
        let close = trimmed.find(')')?;
        if close > AFTER_WINDOW {
            return None;
        }
        let after_close = &trimmed[close + 1..];
        at += close + 1 + (after_close.len() - after_close.trim_start().len());
    }
    let tail = rest.get(at..)?;
    for lead in ["a ", "an ", "per ", "each ", "every "] {
        if let Some(t) = tail.strip_prefix(lead) {
            for p in PERIODS {
                if t.starts_with(p) && is_whole_word(t, 0, p.len()) {
                    let start = end + at;
                    return Some((start..start + lead.len() + p.len(), p));
                }
            }
        }
    }
    for (w, p) in RATE_WORDS.iter().chain(PER_HEAD) {
        if tail.starts_with(w) && is_whole_word(tail, 0, w.len()) {
            let start = end + at;
            return Some((start..start + w.len(), p));
        }
    }
    None
}

/// Amounts per person or per household ("Rs 2 lakh each to the families", "$500 per
/// family"): a payment to each, never a total.
const PER_HEAD: &[(&str, &str)] = &[
    ("each", "head"),
    ("apiece", "head"),
    ("per person", "head"),
    ("per head", "head"),
    ("per capita", "head"),
    ("per family", "head"),
    ("per household", "head"),
    ("per victim", "head"),
    ("to each", "head"),
];

/// A rate word right before the figure that starts at `start`, or before a short noun
/// phrase and "of" that lead to it ("daily losses of 20 million euros", "a daily average
/// of 300", "300 daily"); not "the daily paper said 20 people died".
pub(crate) fn before(lower: &str, start: usize) -> Option<(Range<usize>, &'static str)> {
    let head = lower.get(..start)?.trim_end();
    // The words between the rate word and the figure: none, or up to two and "of".
    let lead = head.strip_suffix(" of").map_or(head, str::trim_end);
    let skipped = if lead.len() == head.len() { 0 } else { 2 };
    let mut end = lead.len();
    for _ in 0..=skipped {
        let word_start = lead[..end].rfind(' ').map_or(0, |i| i + 1);
        let word = &lead[word_start..end];
        if let Some((_, p)) = RATE_WORDS
            .iter()
            .find(|(w, _)| *w == word && *w != "annually")
        {
            return Some((word_start..end, p));
        }
        if word_start == 0 || word.contains(|c: char| !c.is_ascii_alphabetic()) {
            return None;
        }
        end = word_start - 1;
    }
    None
}

/// The period a rate phrase as written is per ("a day", "per day", "daily" → "day"), so
/// that two wordings of one rate compare as one scope.
pub(crate) fn period(phrase: &str) -> Option<&'static str> {
    let lower = phrase.trim().to_lowercase();
    let bare = ["a ", "an ", "per ", "each ", "every "]
        .iter()
        .find_map(|l| lower.strip_prefix(l))
        .unwrap_or(&lower);
    PERIODS.iter().find(|p| **p == bare).copied().or_else(|| {
        RATE_WORDS
            .iter()
            .chain(PER_HEAD)
            .find(|(w, _)| *w == lower)
            .map(|(_, p)| *p)
    })
}

/// Verbs that set a subject equal to the figure after them: "the cost per day is
/// estimated at", "losses per week were put at".
const LINKS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "stands",
    "stood",
    "put",
    "estimated",
];

/// A "per day" in the subject of the clause from `from` to the figure at `start`, when a
/// linking verb stands between and no other number stands before ("the loss per day to
/// the port is put at $3 million"): the figure is that rate.
pub(crate) fn in_subject(
    lower: &str,
    from: usize,
    start: usize,
) -> Option<(Range<usize>, &'static str)> {
    let head = lower.get(from..start)?;
    let (at, period) = PERIODS.iter().find_map(|p| {
        let phrase = format!("per {p}");
        let at = head.rfind(&phrase)?;
        is_whole_word(head, at, at + phrase.len()).then_some((at, *p))
    })?;
    let end = at + 4 + period.len();
    let between = &head[end..];
    let linked = between
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| LINKS.contains(&w));
    // a number anywhere before the figure may be what the rate is of ("5 tickets per day")
    (linked && !head.contains(|c: char| c.is_ascii_digit()))
        .then_some((from + at..from + end, period))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate_after(s: &str, figure: &str) -> Option<&'static str> {
        let end = s.find(figure).map(|i| i + figure.len())?;
        after(s, end).map(|(_, p)| p)
    }

    #[test]
    fn a_period_after_the_figure_makes_a_rate() {
        assert_eq!(
            rate_after("losses of 12 million dollars a day", "12 million dollars"),
            Some("day")
        );
        assert_eq!(
            rate_after("it burns 40 tonnes per hour of fuel", "40 tonnes"),
            Some("hour")
        );
        assert_eq!(rate_after("fees of $300 each year", "$300"), Some("year"));
        assert_eq!(rate_after("it earns $5m annually", "$5m"), Some("year"));
    }

    #[test]
    fn a_rate_in_the_subject_makes_the_figure_a_rate() {
        let s = "the cost of the closure per day to the port is put at about $3 million";
        let at = s.find("about").unwrap_or(0);
        assert_eq!(in_subject(s, 0, at).map(|(_, p)| p), Some("day"));
        let s = "the cost per day rose, and 40 people lost $3 million";
        let at = s.find("$3").unwrap_or(0);
        assert_eq!(in_subject(s, 0, at), None);
        let s = "it sold 5 tickets per day and was worth $3 million";
        let at = s.find("$3").unwrap_or(0);
        assert_eq!(in_subject(s, 0, at), None);
    }

    #[test]
    fn wordings_of_one_rate_have_one_period() {
        for phrase in ["a day", "per day", "Each day", "daily"] {
            assert_eq!(period(phrase), Some("day"), "{phrase}");
        }
        assert_eq!(period("per household"), Some("head"));
        assert_eq!(period("a fortnight"), None);
    }

    #[test]
    fn an_amount_to_each_is_a_rate_per_head() {
        assert_eq!(
            rate_after("a grant of $4,000 each to the families", "$4,000"),
            Some("head")
        );
        assert_eq!(
            rate_after("aid of $500 per household", "$500"),
            Some("head")
        );
    }

    #[test]
    fn a_bracketed_conversion_may_stand_between() {
        assert_eq!(
            rate_after(
                "it costs 8 million pounds ($10 million) a week",
                "8 million pounds"
            ),
            Some("week")
        );
    }

    #[test]
    fn totals_and_other_words_are_not_rates() {
        assert_eq!(
            rate_after(
                "a loss of 90 million dollars a dayton firm said",
                "90 million dollars"
            ),
            None
        );
        assert_eq!(
            rate_after(
                "a loss of 90 million dollars, a day after",
                "90 million dollars"
            ),
            None
        );
        assert_eq!(
            rate_after("90 million dollars in total", "90 million dollars"),
            None
        );
        assert_eq!(
            rate_after(
                "lost 90 million dollars as daylight fell",
                "90 million dollars"
            ),
            None
        );
    }

    #[test]
    fn daily_before_the_figure_makes_a_rate() {
        let s = "daily losses of 20 million dollars";
        assert_eq!(
            before(s, s.find("20").unwrap()).map(|(_, p)| p),
            Some("day")
        );
        let s = "a daily average of 300 patients";
        assert_eq!(
            before(s, s.find("300").unwrap()).map(|(_, p)| p),
            Some("day")
        );
        let s = "the daily paper said 20 people died";
        assert_eq!(before(s, s.find("20").unwrap()).map(|(_, p)| p), None);
    }
}

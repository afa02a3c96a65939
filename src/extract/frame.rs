//! The status of a figure: what kind of statement the number is, beside what it counts.
//!
//! Input: a sentence in ASCII lowercase, the clause a figure belongs to and the figure's
//! span. Output: a [`Status`] when the clause marks the figure as an estimate, a forecast
//! or plan, or a fear, and `None` for a figure stated as fact.
//!
//! Compare reads it: a forecast ("expects to operate 48 per cent of flights", "a permit
//! for 200,000 marchers", "plans to announce 8.5 million") never conflicts with an outcome;
//! a feared toll is not a confirmed one; an estimate carries a margin, so a monitor's
//! sample that lands within a tenth of the official count is not a dispute.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::lexicon::{ESTIMATE_WORDS, EXPECTED_WORDS, FEARED_WORDS, PUT_AT};
use crate::pack::Pack;

/// What kind of statement a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// An estimate by a method with a margin ("estimated", "exit poll", "sample").
    Estimate,
    /// What is expected, planned, forecast, permitted or possible, not what happened.
    Expected,
    /// A fear, not a count ("feared dead", "could rise to").
    Feared,
}

impl Status {
    /// The snake_case name used in JSON and explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Estimate => "estimate",
            Status::Expected => "expected",
            Status::Feared => "feared",
        }
    }
}

/// The status of the figure at `figure` (modifier and unit included) in the clause
/// `window` of `lower`: the grammar words of the lexicon, then the beat phrases of the
/// pack (`vague_quantities.toml` `[status]`).
pub(crate) fn status(
    lower: &str,
    window: &Range<usize>,
    figure: &Range<usize>,
    pack: &Pack,
) -> Option<Status> {
    let clause = lower.get(window.start.min(figure.start)..window.end.max(figure.end))?;
    let has = |words: &[&str]| words.iter().any(|w| has_word(clause, w));
    let has_any = |phrases: &[String]| phrases.iter().any(|w| has_word(clause, w));
    let phrases = &pack.status_phrases;
    if has(EXPECTED_WORDS) || has_any(&phrases.expected) {
        Some(Status::Expected)
    } else if has(FEARED_WORDS) || has_any(&phrases.feared) {
        Some(Status::Feared)
    } else if has(ESTIMATE_WORDS)
        || has_any(&phrases.estimate)
        || (has(PUT_AT)
            && lower
                .get(..figure.start)
                .is_some_and(|h| h.trim_end().ends_with(" at")))
    {
        Some(Status::Estimate)
    } else {
        None
    }
}

/// Whether `w` occurs in `s` as whole words.
fn has_word(s: &str, w: &str) -> bool {
    let mut from = 0;
    while let Some(i) = s[from..].find(w) {
        let (start, end) = (from + i, from + i + w.len());
        if crate::text::is_whole_word(s, start, end) {
            return true;
        }
        from = end;
    }
    false
}

/// Whether the figure's clause counts only up to a time of day ("had voted by 5.30pm",
/// "by noon", "as of 3 p.m."): a running count taken before the day's end, a part of the
/// day's total rather than a rival to it.
pub(crate) fn until_time_of_day(lower: &str, window: &Range<usize>) -> bool {
    static UNTIL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = UNTIL.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:by|as of|until|till)\s+(?:(?:about|around)\s+)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midday|mid-?morning|mid-?afternoon|lunchtime|nightfall)",
        )
        .expect("the time-of-day pattern is a valid regex")
    });
    lower.get(window.clone()).is_some_and(|c| re.is_match(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str, figure: &str) -> Option<Status> {
        let lower = s.to_ascii_lowercase();
        let at = lower.find(figure).expect("figure in sentence");
        status(
            &lower,
            &(0..lower.len()),
            &(at..at + figure.len()),
            &Pack::default_pack(),
        )
    }

    #[test]
    fn forecasts_plans_and_permits_are_expected() {
        assert_eq!(
            of(
                "The airline expects to run 55 per cent of its trains",
                "55 per cent"
            ),
            Some(Status::Expected)
        );
        assert_eq!(
            of("Organisers hold a permit for 80,000 people", "80,000"),
            Some(Status::Expected)
        );
        assert_eq!(
            of("The region expects 300 teachers to apply", "300"),
            Some(Status::Expected)
        );
        // the plain future states an amount
        assert_eq!(
            of("The fund will be $40 million next year", "$40 million"),
            None
        );
    }

    #[test]
    fn fears_and_estimates_are_told_apart() {
        assert_eq!(
            of("Some 40 miners are feared dead", "40"),
            Some(Status::Feared)
        );
        assert_eq!(
            of(
                "Monitors estimated turnout at 52% from a sample of stations",
                "52%"
            ),
            Some(Status::Estimate)
        );
        assert_eq!(
            of("Police put the crowd at 15,000", "15,000"),
            Some(Status::Estimate)
        );
        assert_eq!(of("The mayor put forward 15,000 new homes", "15,000"), None);
    }

    #[test]
    fn beat_phrases_come_from_the_pack() {
        let s = "an exit poll gave the party 52% of the vote";
        let at = s.find("52%").expect("figure in sentence");
        let of_pack = |pack: &Pack| status(s, &(0..s.len()), &(at..at + 3), pack);
        let mut pack = Pack::default_pack();
        assert_eq!(of_pack(&pack), Some(Status::Estimate));
        pack.status_phrases.estimate.clear();
        assert_eq!(of_pack(&pack), None);
    }

    #[test]
    fn a_plain_statement_has_no_status() {
        assert_eq!(of("At least 12 people died in the fire", "12"), None);
        // "willing" is not "will", "estimatedly" is no word
        assert_eq!(of("Some 12 volunteers were willing to stay", "12"), None);
    }

    #[test]
    fn a_count_up_to_a_time_of_day_is_partial() {
        let until = |t: &str| until_time_of_day(t, &(0..t.len()));
        assert!(until("only 900 had signed by 4.30pm local time"));
        assert!(until("1,200 had crossed as of 3 p.m."));
        assert!(until("some 400 had arrived by noon"));
        assert!(!until("900 signed by the end of the week"));
        assert!(!until("the fund grew by 12 percent"));
    }
}

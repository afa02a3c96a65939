//! Time scopes of figures: the date or period a figure covers.

use std::ops::Range;

use crate::extract::lexicon::{CALENDAR, COMPARISON_BASES as BASES, RELATIVES};
use crate::extract::{TimeScope, TimeScopeKind};
use crate::pack::Pack;

use super::clause::{window, Clause};
use super::reporting::is_reporting_simple;
use super::LocalDate;

/// The time scope of a figure at `figure`: the nearest date of its clause that is not a
/// reporting date; else, for a whole (not part) figure, a date of the sentence's main
/// clauses; else a "since the coup" phrase without a date. `lower` is `text` in ASCII
/// lowercase (same byte offsets).
///
/// Each test of a date looks at a few words around it, never the whole sentence, and the
/// comparison-base test (the words between the figure and a later date) runs only for
/// the dates of the figure's clause: the cost per figure does not grow with the sentence.
#[allow(clippy::too_many_arguments)]
pub(crate) fn time_scope(
    text: &str,
    lower: &str,
    base: usize,
    dates: &[LocalDate<'_>],
    clauses: &[Clause],
    figure: Range<usize>,
    part: bool,
    pack: &Pack,
) -> Option<TimeScope> {
    let w = window(clauses, figure.start);
    // (a test, not a list: only the dates a rule below considers are tested)
    let usable = |d: &&LocalDate<'_>| {
        !is_reporting_simple(lower, d, pack)
            && !after_superlative(lower, d.span.start)
            && !possessive_day(text, d)
            && !comparison_base(lower, &figure, d)
            && !of_relative_clause(lower, clauses, d, &figure, pack)
    };
    let dist = |d: &LocalDate<'_>| {
        if d.span.start >= figure.end {
            d.span.start - figure.end
        } else {
            figure.start.saturating_sub(d.span.end) + 1
        }
    };
    let own_aside = clauses
        .iter()
        .find(|c| c.span.contains(&figure.start))
        .is_some_and(|c| c.aside);
    let in_aside = |d: &LocalDate<'_>| {
        clauses
            .iter()
            .find(|c| c.span.contains(&d.span.start))
            .is_some_and(|c| c.aside)
    };
    let in_clause = dates
        .iter()
        .filter(|d| d.span.start >= w.start && d.span.end <= w.end)
        .filter(|d| own_aside || !in_aside(d))
        .filter(usable)
        .min_by_key(|d| dist(d));
    if in_clause.is_none() {
        if let Some(t) = this_period(text, base, &w, &figure) {
            return Some(t);
        }
    }
    let chosen = in_clause.or_else(|| {
        if part {
            return None;
        }
        // Only dates before the figure: trailing clauses are asides and attributions
        // ("three visits, officials said, the last one in May").
        // A period the sentence is about ("the budget for fiscal 2026, ... up 6%") wins
        // over the day of the event ("on Thursday").
        dates
            .iter()
            .filter(|d| d.span.end <= figure.start)
            .filter(|d| {
                // a dashed aside ("— the third spell this year —") is no main clause
                clauses
                    .iter()
                    .find(|c| c.span.contains(&d.span.start))
                    .is_some_and(|c| !c.aside && !c.dashed)
            })
            .filter(usable)
            .min_by_key(|d| (is_day(d), dist(d)))
    });
    match chosen {
        Some(d) => Some(describe(text, lower, base, d, &figure)),
        None => since_phrase(text, lower, base, &w),
    }
}

/// A period named by "this" right after a figure in its own clause ("over 300 this
/// monsoon", "12 goals this season"): the figure covers that period, not a date of an
/// earlier clause ("164 died since August 8 - taking the toll to over 300 this monsoon").
/// Left unresolved: only another figure of the same words is the same period.
fn this_period(
    text: &str,
    base: usize,
    clause: &Range<usize>,
    figure: &Range<usize>,
) -> Option<TimeScope> {
    /// How far after the figure the phrase may start (a unit or a counted noun between).
    const AFTER: usize = 24;
    let end = clause.end.min(text.len());
    let after = text.get(figure.end..end)?;
    let lower = after.to_ascii_lowercase();
    let at = lower.find(" this ")?;
    if at > AFTER {
        return None;
    }
    let word_start = at + " this ".len();
    let word_len = lower[word_start..]
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(lower.len() - word_start);
    let word = &lower[word_start..word_start + word_len];
    let rest = &lower[word_start + word_len..];
    // Calendar words are dates, read (or deliberately dropped) by the date rules; "this
    // year's plan" owns the noun after it; "over this year's" is a comparison base.
    let between = &lower[..at];
    if word_len < 3
        || CALENDAR.contains(&word)
        || rest.starts_with("'s")
        || rest.starts_with("\u{2019}s")
        || between
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| BASES.contains(&w))
    {
        return None;
    }
    let start = figure.end + at + 1;
    let stop = figure.end + word_start + word_len;
    Some(TimeScope {
        kind: TimeScopeKind::Period,
        text: text.get(start..stop)?.to_owned(),
        span: base + start..base + stop,
        from: None,
        to: None,
    })
}

/// "Sunday's earthquake", "Tuesday's vote": a day in the possessive names the event, not the
/// period a figure covers.
fn possessive_day(text: &str, d: &LocalDate<'_>) -> bool {
    let rest = &text[d.span.end..];
    let own = &text[d.span.clone()];
    (rest.starts_with("'s") || rest.starts_with("’s") || own.ends_with("'s") || own.ends_with("’s"))
        && (d.date.from.is_some_and(|f| Some(f) == d.date.to) || names_a_day(&d.date.text))
}

/// "six percent bigger than last year", "a 6 percent increase over this year's": a date after
/// the figure that is the base of a comparison, not its scope.
fn comparison_base(lower: &str, figure: &Range<usize>, d: &LocalDate<'_>) -> bool {
    if d.span.start < figure.end {
        return false;
    }
    let words: Vec<&str> = lower[figure.end..d.span.start]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let change = |w: &&str| {
        matches!(
            *w,
            "increase"
                | "rise"
                | "up"
                | "down"
                | "growth"
                | "drop"
                | "fall"
                | "cut"
                | "more"
                | "less"
                | "fewer"
                | "higher"
                | "lower"
                | "bigger"
                | "smaller"
                | "larger"
        )
    };
    // "up 6 per cent from the $3.9bn approved for 2024": the change word comes first.
    let change_before = lower[..figure.start]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .any(|w| change(&w));
    let base = |w: &&str| matches!(*w, "over" | "from" | "on");
    words
        .iter()
        .any(|w| matches!(*w, "than" | "compared" | "versus" | "vs"))
        || words
            .iter()
            .position(change)
            .is_some_and(|i| words[i + 1..].iter().any(base))
        || (change_before && words.iter().any(base))
}

/// Whether a date dates the verb of a relative clause that does not hold the figure: "Rana
/// Plaza, the building that collapsed yesterday, housed five factories" (when it fell,
/// not when the factories were counted), "41 were found in the block that fell on
/// Monday". The relative clause opens with "that", "which", "who" or "whose" a few words
/// before the date, after a word that is no speech verb ("officials said that on Monday
/// 30 died" is a report, its date the figure's), and runs to the end of the date's clause.
fn of_relative_clause(
    lower: &str,
    clauses: &[Clause],
    d: &LocalDate<'_>,
    figure: &Range<usize>,
    pack: &Pack,
) -> bool {
    /// How many words may stand between the relative word and the date ("that had been
    /// evacuated on Tuesday").
    const MAX_GAP: usize = 5;
    let Some(clause) = clauses.iter().find(|c| c.span.contains(&d.span.start)) else {
        return false;
    };
    let head = &lower[clause.span.start..d.span.start];
    let words: Vec<(usize, &str)> = head
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
        .collect();
    let Some(i) = words
        .iter()
        .rposition(|(_, w)| RELATIVES.contains(w))
        .filter(|i| words.len() - i - 1 <= MAX_GAP)
    else {
        return false;
    };
    let opener = words[i].0;
    // At the start of its clause ("the ferry, which sank on Wednesday,") the word is
    // relative; after a speech verb ("said that") it opens what was said.
    let reported = i.checked_sub(1).is_some_and(|j| {
        let w = words[j].1.trim_matches(|c: char| !c.is_alphabetic());
        pack.speech_verbs
            .iter()
            .any(|v| v.forms.iter().any(|f| f == w))
    });
    !reported && !(opener..clause.span.end).contains(&figure.start)
}

/// "the deadliest day since 2010", "the first since March": a comparison, not a scope.
fn after_superlative(lower: &str, at: usize) -> bool {
    let words: Vec<&str> = lower[..at].split_whitespace().rev().take(6).collect();
    let Some(since) = words.iter().position(|w| *w == "since") else {
        return false;
    };
    // Only the words right before "since": "the deadliest days since" compares, while
    // "the second-largest source of arms since 2008" is a scope.
    words.iter().skip(since + 1).take(3).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        (w.ends_with("est") && w.len() > 4) || w == "first" || w == "most"
    })
}

/// The scope phrase around a date: its preposition, and the event noun when the date is
/// used as an adjective ("since the Feb. 1 coup").
fn describe(
    text: &str,
    lower: &str,
    base: usize,
    d: &LocalDate<'_>,
    figure: &Range<usize>,
) -> TimeScope {
    let head = lower[..d.span.start].trim_end();
    let mut start = d.span.start;
    let mut end = d.span.end;
    let mut prep = None;
    let mut with_the = false;
    let mut h = head;
    if let Some(x) = h
        .strip_suffix(" the")
        .or_else(|| (h == "the").then_some(""))
    {
        with_the = true;
        h = x.trim_end();
    }
    for p in [
        "since", "from", "between", "during", "in", "on", "by", "until", "through", "as of",
        "over", "for",
    ] {
        if h.ends_with(p) && (h.len() == p.len() || h[..h.len() - p.len()].ends_with(' ')) {
            prep = Some(p);
            start = h.len() - p.len();
            break;
        }
    }
    if with_the && prep.is_none() {
        start = d.span.start;
    }
    // "since a magnitude 6.9 quake struck Mipele on Monday": the day dates the event a
    // cumulative count starts from, so the figure is counted since that day.
    if matches!(prep, None | Some("on")) {
        // (not for a figure inside that clause: "since a magnitude 6.9 quake struck")
        if let Some(at) = since_clause_start(&lower[..start])
            .filter(|&at| !(at <= figure.start && figure.end <= d.span.end))
        {
            prep = Some("since");
            start = at;
        }
    }
    if with_the {
        // "the Feb. 1 coup": take the noun after the date.
        let rest = &text[end..];
        let word: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if !word.is_empty() && word.chars().next().is_some_and(char::is_lowercase) {
            end += rest.len() - rest.trim_start().len() + word.len();
        }
    }
    let single_day = d.date.from.is_some() && d.date.from == d.date.to;
    let kind = match prep {
        Some("since") => TimeScopeKind::Since,
        Some("on") => TimeScopeKind::Day,
        _ if single_day => TimeScopeKind::Day,
        _ if d.date.from.is_none() && names_a_day(&d.date.text) => {
            // An unresolved weekday or month-and-day is still one day.
            TimeScopeKind::Day
        }
        _ => TimeScopeKind::Period,
    };
    TimeScope {
        kind,
        text: text[start..end].to_owned(),
        span: base + start..base + end,
        from: d.date.from,
        to: if kind == TimeScopeKind::Since {
            None
        } else {
            d.date.to
        },
    }
}

/// Where a "since <event>" clause that runs up to `head`'s end starts: "since" (or
/// "after", "following") within a few words, with no clause break or other conjunction
/// between it and the date.
fn since_clause_start(head: &str) -> Option<usize> {
    const MAX_GAP: usize = 90;
    // the window may start inside a character ("–" in a dateline): from the next one
    let mut from = head.len().saturating_sub(MAX_GAP);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    let window = &head[from..];
    let (at, word) = ["since ", "after ", "following "]
        .iter()
        .filter_map(|w| window.rfind(w).map(|at| (at, w.len())))
        .max()?;
    if at > 0
        && window[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let between = &window[at + word..];
    let breaks = [
        ",",
        ";",
        ". ",
        ":",
        "(",
        " and ",
        " but ",
        " while ",
        " including ",
    ];
    (!between.trim().is_empty() && !breaks.iter().any(|b| between.contains(b))).then_some(from + at)
}

/// Whether a date names a single day (resolved, or a weekday or month-and-day).
pub(super) fn is_day(d: &LocalDate<'_>) -> bool {
    (d.date.from.is_some() && d.date.from == d.date.to) || names_a_day(&d.date.text)
}

/// Whether a date phrase names one day: a weekday, or a month and day ("March 27").
pub(super) fn names_a_day(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let weekday = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let digits: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .collect();
    // "today", "yesterday", "last night" in a text with no date of its own
    let relative_day = ["today", "yesterday", "tomorrow", "tonight", "last night"]
        .iter()
        .any(|w| lower.contains(w));
    weekday || relative_day || (digits.len() == 1 && digits[0].len() <= 2)
}

/// "since the coup", "since the quake began", "so far": a cumulative scope with no date.
fn since_phrase(text: &str, lower: &str, base: usize, w: &Range<usize>) -> Option<TimeScope> {
    let region = &lower[w.clone()];
    let Some(at) = region.find("since the ") else {
        return running_total(text, lower, base, w);
    };
    let s = w.start + at;
    if after_superlative(lower, s + "since".len()) {
        return None;
    }
    let after = s + "since the ".len();
    let word_len = lower[after..]
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .map(char::len_utf8)
        .sum::<usize>();
    if word_len == 0 {
        return None;
    }
    undated_since(text, base, s..after + word_len)
}

/// "so far", "to date" in the figure's clause: a running total since a start the text
/// does not name ([`crate::extract::lexicon::RUNNING_TOTAL`]). Not "up to date".
fn running_total(text: &str, lower: &str, base: usize, w: &Range<usize>) -> Option<TimeScope> {
    let region = lower.get(w.clone())?;
    let (at, len) = crate::extract::lexicon::RUNNING_TOTAL
        .iter()
        .flat_map(|p| region.match_indices(p).map(|(i, _)| (i, p.len())))
        .filter(|&(i, n)| {
            crate::text::is_whole_word(region, i, i + n) && !region[..i].ends_with("up ")
        })
        .min()?;
    undated_since(text, base, w.start + at..w.start + at + len)
}

/// A cumulative scope written at `at` (sentence-local) with no start date the text gives.
fn undated_since(text: &str, base: usize, at: Range<usize>) -> Option<TimeScope> {
    Some(TimeScope {
        kind: TimeScopeKind::Since,
        text: text.get(at.clone())?.to_owned(),
        span: base + at.start..base + at.end,
        from: None,
        to: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::scope::clauses;

    #[test]
    fn superlative_since_is_a_comparison() {
        let t = "the deadliest day since the March 3 vote";
        assert!(after_superlative(t, t.find("March").unwrap_or(0)));
        let t = "killed since the March 3 vote";
        assert!(!after_superlative(t, t.find("March").unwrap_or(0)));
    }

    #[test]
    fn so_far_makes_a_running_total() {
        let scope = |text: &str, figure: &str| {
            let at = text.find(figure).unwrap_or(0);
            let w = window(&clauses(text), at);
            running_total(text, &text.to_ascii_lowercase(), 0, &w).map(|t| (t.kind, t.text))
        };
        assert_eq!(
            scope("About 6,000 people have moved to shelters so far.", "6,000"),
            Some((TimeScopeKind::Since, "so far".to_owned()))
        );
        assert_eq!(scope("The 6,000 maps are kept up to date.", "6,000"), None);
    }

    #[test]
    fn a_since_clause_is_found_behind_a_wide_character() {
        // the 90-byte window starts inside the dash of a dateline
        let head = "PORT ELLA (Harbour Wire) \u{2013} At least 52 people have died in the port since a storm surge hit the bay of Ellamere on ";
        let at = head.find("since").expect("since");
        assert!(
            !head.is_char_boundary(head.len() - 90),
            "the window must start inside the dash"
        );
        assert_eq!(since_clause_start(head), Some(at));
    }

    #[test]
    fn a_period_named_by_this_after_the_figure_is_its_scope() {
        let text = "At least 40 cattle died in the storm since June 2 - taking the losses to over 90 this season.";
        let cut = clauses(text);
        let at = text.find("90").expect("figure");
        let t = this_period(text, 0, &window(&cut, at), &(at..at + 2)).expect("a period");
        assert_eq!(
            (t.kind, t.text.as_str()),
            (TimeScopeKind::Period, "this season")
        );
        let text = "Over 90 cattle died, and this is the worst storm.";
        let at = text.find("90").expect("figure");
        assert!(this_period(text, 0, &window(&clauses(text), at), &(at..at + 2)).is_none());
    }
}

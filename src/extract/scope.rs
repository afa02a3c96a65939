//! Scopes of figures: the clause a figure belongs to, the time span it covers ("on March
//! 27", "since the Feb. 1 coup", "from 2014-2019") and the date it is reported as of
//! ("said on Tuesday").
//!
//! Input: a sentence's text and its resolved dates. Output: clause spans and
//! [`TimeScope`]s. A date that only says when something was *reported* ("state media
//! reported on Friday") or that follows a superlative ("the deadliest day since 2010") is
//! never a figure's scope.

use std::ops::Range;

use jiff::civil::Date;

use super::lexicon::{
    ASIDES, CALENDAR, COMPARISON_BASES as BASES, ELSEWHERE, NOT_NAMES, PLACE_NOUNS, RELATIVES,
    SUPERLATIVES,
};
use super::{DateRef, TimeScope, TimeScopeKind};
use crate::normalize;
use crate::pack::Pack;

/// A date of the sentence with its span relative to the sentence text.
#[derive(Debug, Clone)]
pub(crate) struct LocalDate<'a> {
    /// Span in the sentence text.
    pub(crate) span: Range<usize>,
    /// The resolved date.
    pub(crate) date: &'a DateRef,
}

/// A clause of a sentence: a span between commas, semicolons, dashes, brackets and quotes.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    /// Span in the sentence text.
    pub(crate) span: Range<usize>,
    /// An aside that qualifies the clause before it ("including 11 on Thursday").
    pub(crate) aside: bool,
    /// An aside set off by a dash on each side ("The toll — the highest this year —
    /// reached 194").
    pub(crate) dashed: bool,
}

/// The clauses of `text`, in order, covering it.
pub(crate) fn clauses(text: &str) -> Vec<Clause> {
    let mut cuts = vec![0];
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let next = text[i + c.len_utf8()..].chars().next();
        let cut = match c {
            ';' | '(' | ')' | '“' | '”' | '"' | '—' => true,
            ':' => !next.is_some_and(|n| n.is_ascii_digit()),
            ',' => next.is_some_and(char::is_whitespace),
            '–' | '-' => {
                // A spaced dash ("shields – used by"), never a range ("150-170").
                i > 0 && b[i - 1] == b' ' && next == Some(' ')
            }
            _ => false,
        };
        if cut {
            cuts.push(i + c.len_utf8());
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    let after_dash = |at: usize| {
        let head = text[..at].trim_end();
        head.ends_with('—') || head.ends_with(" –") || head.ends_with(" -")
    };
    let mut out: Vec<Clause> = cuts
        .windows(2)
        .map(|w| {
            let lead = text[w[0]..w[1]].to_ascii_lowercase();
            let lead = lead.trim_start();
            Clause {
                span: w[0]..w[1],
                aside: ASIDES.iter().any(|a| lead.starts_with(a)),
                dashed: false,
            }
        })
        .collect();
    // the clauses from one opened by a dash to one closed by a dash, commas between
    let mut open: Option<usize> = None;
    for i in 0..out.len() {
        let span = out[i].span.clone();
        if span.start > 0 && after_dash(span.start) {
            open = Some(i);
        }
        if let Some(o) = open {
            if span.end < text.len() && after_dash(span.end) {
                out[o..=i].iter_mut().for_each(|c| c.dashed = true);
                open = None;
            }
        }
    }
    out
}

/// `window` reaching back over a dashed aside right before it to the clause the aside
/// interrupts ("The death toll — the highest in a decade — reached 194"): the words a
/// figure may draw its kind from, where its scope stays its own clause.
pub(crate) fn across_dashed_aside(clauses: &[Clause], window: &Range<usize>) -> Range<usize> {
    let Some(i) = clauses.iter().position(|c| c.span.start == window.start) else {
        return window.clone();
    };
    if clauses[i].dashed {
        return window.clone();
    }
    let mut k = i;
    while k > 0 && clauses[k - 1].dashed {
        k -= 1;
    }
    match k.checked_sub(1) {
        Some(before) if k < i => clauses[before].span.start..window.end,
        _ => window.clone(),
    }
}

/// The words a figure at `at` may draw its kind from: its clause, and when an aside
/// follows, the clause after the aside ("12 people, including 3 children, were killed").
pub(crate) fn window(clauses: &[Clause], at: usize) -> Range<usize> {
    let Some(i) = clauses.iter().position(|c| c.span.contains(&at)) else {
        return at..at;
    };
    let own = &clauses[i];
    let mut end = own.span.end;
    if !own.aside {
        let mut j = i + 1;
        while clauses.get(j).is_some_and(|c| c.aside) {
            j += 1;
        }
        if j > i + 1 {
            if let Some(c) = clauses.get(j) {
                end = c.span.end;
            }
        }
    }
    own.span.start..end
}

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

fn is_reporting(lower: &str, d: &LocalDate<'_>, speech: &[String], pack: &Pack) -> bool {
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

/// The place a figure covers: a capitalised name after "in", "across", "throughout" or
/// "near" in the figure's clause ("killed in Mandalay", "across the Philippines"), keyed
/// through the pack's alias tables ("Burma" and "Myanmar" give one key). Dates are skipped.
pub(crate) fn place(
    text: &str,
    dates: &[LocalDate<'_>],
    clauses: &[Clause],
    figure: Range<usize>,
    pack: &Pack,
) -> Option<String> {
    let w = window(clauses, figure.start);
    after_preposition(text, &w, dates, pack, figure.start)
        .or_else(|| where_place(text, &w, dates, pack))
        .or_else(|| gathering_place(text, &w, dates, pack))
        .or_else(|| opening_place(text, dates, pack))
        .or_else(|| sole_place(text, &w, dates, pack))
}

/// The name after "in", "across", "throughout", … in `w` nearest to `figure_start`.
fn after_preposition(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
    figure_start: usize,
) -> Option<String> {
    names_after_prepositions(text, w, dates, pack)
        .into_iter()
        .min_by_key(|(at, _)| at.abs_diff(figure_start))
        .map(|(_, key)| key)
}

/// Every name after "in", "across", "throughout", … in `w`, with where it starts.
fn names_after_prepositions(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Vec<(usize, String)> {
    let Some(region) = text.get(w.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for prep in [
        "in ",
        "across ",
        "throughout ",
        "near ",
        "inside ",
        "streets of ",
        "city of ",
    ] {
        let mut from = 0;
        while let Some(pos) = region[from..].find(prep) {
            let at = from + pos;
            from = at + prep.len();
            if at > 0
                && region[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let mut rest = &region[from..];
            if let Some(r) = rest.strip_prefix("the ") {
                rest = r;
            }
            let rest = after_place_noun(rest);
            let name_start = w.start + (region.len() - rest.len());
            let Some(name_end) = place_name_end(text, name_start, dates) else {
                continue;
            };
            out.push((name_start, place_key(&text[name_start..name_end], pack)));
        }
    }
    out
}

/// "Heavy rain kept falling in flood-hit Alderia, where the toll rose to 120": a figure in
/// a clause opened by "where" is in the place named right before it, after "in", "to",
/// "at", "across", "throughout" or "from" (with at most two words between, "flood-hit").
fn where_place(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<String> {
    let head = text.get(..w.start)?.trim_end();
    let clause = text.get(w.clone())?.trim_start();
    if !clause.starts_with("where ") || !head.ends_with(',') {
        return None;
    }
    let head = &head[..head.len() - 1];
    let words: Vec<&str> = head.rsplit(' ').take(6).collect();
    let name_words = words
        .iter()
        .take(3)
        .take_while(|x| x.chars().next().is_some_and(char::is_uppercase))
        .count();
    if name_words == 0 {
        return None;
    }
    let before = &words[name_words..];
    let prep_at = before
        .iter()
        .take(3)
        .position(|x| ["in", "to", "at", "across", "throughout", "from"].contains(x))?;
    if before[..prep_at]
        .iter()
        .any(|x| x.chars().next().is_some_and(char::is_uppercase) || x.contains(','))
    {
        return None;
    }
    let len: usize = words[..name_words]
        .iter()
        .map(|x| x.len() + 1)
        .sum::<usize>()
        - 1;
    let (start, end) = (head.len() - len, head.len());
    (!dated(dates, start..end)).then(|| place_key(&text[start..end], pack))
}

/// "Stewards of the Port Elden rally counted 80,000, though the police said 45,000": when
/// the figure's clause names no place and the whole sentence names exactly one, the
/// figure is scoped to it, unless its clause says "elsewhere" or "nationwide".
fn sole_place(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<String> {
    let clause = text.get(w.clone())?.to_lowercase();
    if ELSEWHERE.iter().any(|x| clause.contains(x)) {
        return None;
    }
    let all = 0..text.len();
    let mut found: Vec<String> = Vec::new();
    for c in clauses(text) {
        let lower = text.get(c.span.clone()).unwrap_or("").to_ascii_lowercase();
        let opening = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        // "according to the ministry in X", "speaking at a briefing in X": where the source
        // sits or spoke
        let credit = pack
            .source_phrases
            .iter()
            .any(|p| opening.starts_with(p.as_str()));
        let setting_or_field = lower
            .split(|ch: char| !ch.is_alphabetic())
            .any(|x| SUPERLATIVES.contains(&x) || pack.report_occasions.iter().any(|o| o == x));
        if credit || setting_or_field {
            // where the source sits or spoke, or the field of a comparison ("the
            // deadliest in Central Asia"): neither is where the figure is
            continue;
        }
        found.extend(
            names_after_prepositions(text, &c.span, dates, pack)
                .into_iter()
                .map(|(_, key)| key),
        );
        found.extend(gathering_place(text, &c.span, dates, pack));
    }
    found.extend(gathering_place(text, &all, dates, pack));
    found.sort();
    found.dedup();
    let first = found.first()?;
    let one = found.iter().all(|p| normalize::one_place(p, first));
    one.then(|| found.iter().max_by_key(|p| p.len()).cloned())
        .flatten()
}

/// "The Los Angeles march's organisers claimed 750,000", "organisers of the Denver rally":
/// a capitalised name (not a possessive: "the Women's march") right before a gathering
/// noun in the figure's clause is the place of the gathering.
fn gathering_place(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<String> {
    let region = text.get(w.clone())?;
    // the pack's gathering nouns (`entities.toml` `gatherings`), each after a space
    for word in &pack.entities.gatherings {
        let noun = format!(" {word}");
        let noun = noun.as_str();
        let mut from = 0;
        while let Some(pos) = region[from..].find(noun) {
            let at = from + pos;
            from = at + noun.len();
            let after = region[from..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            // the capitalised words right before the noun, at most three
            let head = &region[..at];
            let words: Vec<&str> = head.rsplit(' ').take(3).collect();
            let name_words = words
                .iter()
                .take_while(|x| {
                    x.chars().next().is_some_and(char::is_uppercase)
                        && !x.ends_with("'s")
                        && !x.ends_with("\u{2019}s")
                        && !x.ends_with(',')
                        && !NOT_NAMES.contains(&x.to_ascii_lowercase().as_str())
                })
                .count();
            if name_words == 0 {
                continue;
            }
            let len: usize = words[..name_words]
                .iter()
                .map(|x| x.len() + 1)
                .sum::<usize>()
                - 1;
            let start = w.start + at - len;
            let end = w.start + at;
            if !dated(dates, start..end) {
                return Some(place_key(&text[start..end], pack));
            }
        }
    }
    None
}

/// "In New York City, officials estimated 200,000": a place set off by a comma at the
/// head of the sentence scopes every figure of it that names no place of its own.
fn opening_place(text: &str, dates: &[LocalDate<'_>], pack: &Pack) -> Option<String> {
    let mut lead = text.len() - text.trim_start().len();
    // "And in Boston, officials said ...": a conjunction may open the sentence.
    for conj in ["And ", "But ", "Meanwhile, ", "Elsewhere, "] {
        if text[lead..].starts_with(conj) {
            lead += conj.len();
            break;
        }
    }
    let rest = &text[lead..];
    let prep = [
        "In ",
        "in ",
        "Across ",
        "across ",
        "Throughout ",
        "throughout ",
    ]
    .into_iter()
    .find(|p| rest.starts_with(p))?;
    let mut name_start = lead + prep.len();
    if text[name_start..].starts_with("the ") {
        name_start += "the ".len();
    }
    name_start = text.len() - after_place_noun(&text[name_start..]).len();
    let name_end = place_name_end(text, name_start, dates)?;
    if !text[name_end..].starts_with(',') {
        return None;
    }
    Some(place_key(&text[name_start..name_end], pack))
}

/// What follows "the southern state of", "the coastal town of", "the province of": the
/// place a figure is in is the name after the place noun, not the adjective before it
/// ("in the Indian state of Kerala" is in Kerala). `rest` is the text after "in the";
/// it is returned as it is when no place noun and "of" open it within three words.
fn after_place_noun(rest: &str) -> &str {
    let mut at = 0;
    for _ in 0..3 {
        let Some(word) = rest.get(at..).and_then(|r| r.split(' ').next()) else {
            return rest;
        };
        let next = at + word.len() + 1;
        if PLACE_NOUNS.contains(&word) {
            return rest
                .get(next..)
                .and_then(|r| r.strip_prefix("of "))
                .map_or(rest, |r| r.strip_prefix("the ").unwrap_or(r));
        }
        if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            return rest;
        }
        at = next;
    }
    rest
}

/// The end of the capitalised name (up to three words) starting at `name_start`, unless
/// none starts there or a date overlaps it.
fn place_name_end(text: &str, name_start: usize, dates: &[LocalDate<'_>]) -> Option<usize> {
    let rest = text.get(name_start..)?;
    let mut name_end = name_start;
    let mut words = 0;
    for word in rest.split(' ') {
        let clean = word.trim_end_matches([',', '.', ';', ':', '’', '\'']);
        let clean = clean
            .strip_suffix("’s")
            .or(clean.strip_suffix("'s"))
            .unwrap_or(clean);
        if words == 3 || !clean.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        // `word` is a slice of `rest`: its offset there is its pointer difference.
        let offset = word.as_ptr() as usize - rest.as_ptr() as usize;
        name_end = name_start + offset + clean.len();
        words += 1;
        if clean.len() != word.len() {
            break;
        }
    }
    (words > 0 && !dated(dates, name_start..name_end)).then_some(name_end)
}

/// Whether a date overlaps `span`: a name there is part of a date ("March", "May").
fn dated(dates: &[LocalDate<'_>], span: Range<usize>) -> bool {
    dates
        .iter()
        .any(|d| d.span.start < span.end && span.start < d.span.end)
}

/// A place's key through the pack's alias tables ("Burma" and "Myanmar" give one key).
pub(crate) fn place_key(name: &str, pack: &Pack) -> String {
    normalize::alias(pack, name)
        .map(normalize::fold)
        .unwrap_or_else(|| normalize::fold(name))
}

/// A reporting date by the pack's `reporting_forms` only: "reported on Friday", "said on
/// Friday".
fn is_reporting_simple(lower: &str, d: &LocalDate<'_>, pack: &Pack) -> bool {
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
fn report_time(lower: &str, d: &LocalDate<'_>, pack: &Pack) -> bool {
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
    let from = head.len().saturating_sub(MAX_GAP);
    let window = head.get(from..)?;
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
fn is_day(d: &LocalDate<'_>) -> bool {
    (d.date.from.is_some() && d.date.from == d.date.to) || names_a_day(&d.date.text)
}

/// Whether a date phrase names one day: a weekday, or a month and day ("March 27").
fn names_a_day(text: &str) -> bool {
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

    #[test]
    fn clauses_split_on_commas_but_not_on_thousands() {
        let c = clauses("destroying 3,000 homes, including 11 in the capital, the ministry said");
        let spans: Vec<(&str, bool)> = c
            .iter()
            .map(|c| {
                (
                    &"destroying 3,000 homes, including 11 in the capital, the ministry said"
                        [c.span.clone()],
                    c.aside,
                )
            })
            .collect();
        assert_eq!(
            spans,
            vec![
                ("destroying 3,000 homes,", false),
                (" including 11 in the capital,", true),
                (" the ministry said", false)
            ]
        );
    }

    #[test]
    fn window_skips_an_aside() {
        let t = "Police said 12 people, including 3 children, were killed";
        let c = clauses(t);
        let w = window(&c, t.find("12").unwrap_or(0));
        assert!(t[w].ends_with("were killed"));
    }

    #[test]
    fn place_is_the_name_after_in_keyed_by_alias() {
        let pack = Pack::default_pack();
        let t = "At least 12 people died in Burma on Monday";
        let c = clauses(t);
        let f = t.find("12").unwrap_or(0);
        assert_eq!(
            place(t, &[], &c, f..f + 2, &pack).as_deref(),
            Some("myanmar")
        );
        let t = "Floods killed 40 people across the Mekong Delta";
        let c = clauses(t);
        let f = t.find("40").unwrap_or(0);
        assert_eq!(
            place(t, &[], &c, f..f + 2, &pack).as_deref(),
            Some("mekong delta")
        );
        let t = "Some 40 people were hurt in the blast";
        let c = clauses(t);
        assert_eq!(place(t, &[], &c, 5..7, &pack), None);
    }

    /// The place `place` gives the first `figure` in `t`, with the default pack.
    fn place_of(t: &str, figure: &str) -> Option<String> {
        let f = t.find(figure).unwrap_or(0);
        place(
            t,
            &[],
            &clauses(t),
            f..f + figure.len(),
            &Pack::default_pack(),
        )
    }

    #[test]
    fn the_place_after_a_place_noun_is_the_figures_place() {
        let t = "In the northern province of Alderia, the toll reached 120.";
        assert_eq!(place_of(t, "120").as_deref(), Some("alderia"));
        let t = "At least 40 people died in the coastal town of Port Elden.";
        assert_eq!(place_of(t, "40").as_deref(), Some("port elden"));
        // no place noun: the name after "in the" as before
        let t = "At least 40 people died in the Alder Bay district.";
        assert_eq!(place_of(t, "40").as_deref(), Some("alder bay"));
    }

    #[test]
    fn a_figure_in_a_where_clause_is_in_the_place_before_it() {
        let t = "Rain kept falling in flood-hit Alderia, where the toll rose to 120.";
        assert_eq!(place_of(t, "120").as_deref(), Some("alderia"));
        let t = "The army flew to Vossberg, where 300 people were rescued.";
        assert_eq!(place_of(t, "300").as_deref(), Some("vossberg"));
        // no place before "where": a person, not a place
        let t = "She thanked Ana Ruiz, where 3 people had failed.";
        assert_eq!(place_of(t, "3"), None);
    }

    #[test]
    fn a_place_opening_the_sentence_scopes_its_figures() {
        let t = "In Port Elden, stewards counted about 30,000 marchers.";
        assert_eq!(place_of(t, "30,000").as_deref(), Some("port elden"));
        // a place of the figure's own clause wins
        let t = "In Port Elden, stewards said 900 people marched in Vossberg.";
        assert_eq!(place_of(t, "900").as_deref(), Some("vossberg"));
        // not an opening adverbial: no comma after the name
        let t = "In March 4,000 people marched.";
        assert_eq!(place_of(t, "4,000"), None);
        // after a conjunction
        let t = "And in Port Elden, stewards counted about 30,000 marchers.";
        assert_eq!(place_of(t, "30,000").as_deref(), Some("port elden"));
    }

    #[test]
    fn a_name_before_a_gathering_or_after_streets_of_is_its_place() {
        let t = "The Port Elden march's organisers claimed a turnout of 30,000.";
        assert_eq!(place_of(t, "30,000").as_deref(), Some("port elden"));
        let t = "Some 12,000 people filled the streets of Vossberg.";
        assert_eq!(place_of(t, "12,000").as_deref(), Some("vossberg"));
        // a demonstrative or a possessive is not a place
        let t = "That march drew an estimated 5,000 people.";
        assert_eq!(place_of(t, "5,000"), None);
        let t = "The Dockers' Union's rally drew 5,000 people.";
        assert_eq!(place_of(t, "5,000"), None);
    }

    #[test]
    fn the_one_place_of_a_sentence_scopes_a_figure_whose_clause_names_none() {
        let t = "Organisers of the Alder Bay march said 9,000 came, though the police reckoned that figure nearer 6,000.";
        assert_eq!(place_of(t, "6,000").as_deref(), Some("alder bay"));
        // two places: the sentence does not say which
        let t = "Marches in Alder Bay and in Vossberg drew crowds, and police counted 6,000.";
        assert_eq!(place_of(t, "6,000"), None);
        // "elsewhere" puts the figure in no named place
        let t = "Five people died in Alder Bay, while 12 died elsewhere.";
        assert_eq!(place_of(t, "12"), None);
        // where the source sits, or the field of a superlative, is not the figure's place
        let t = "The toll of 829 includes 75 children, according to the ministry in Vossberg.";
        assert_eq!(place_of(t, "829"), None);
        let t = "At least 310 people died, making it the deadliest quake in Central Asia.";
        assert_eq!(place_of(t, "310"), None);
    }

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

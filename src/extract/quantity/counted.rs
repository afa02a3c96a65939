//! The counted noun: what a figure counts, written after it ("40 new schools", "$5m worth
//! of aid") or, for money and percentages, before it ("a budget of $5bn").
//!
//! Input: a figure, its clause and the sentence in ASCII lowercase. Output: the counted
//! phrase, and whether the pack knows it (a kind's `counted` nouns) or it only looks like a
//! plural noun.

use std::ops::Range;

use super::figure::Figure;
use super::Matchers;
use crate::extract::lexicon::{COUNTED_PREPOSITIONS, COUNTED_SKIP, COUNTED_STOP, MONEY_LINKS};
use crate::text::is_whole_word;

/// Where what a figure counts may start: right after it, or after the bracket that closes
/// its own conversion ("212 million euros ($237 million) in lost revenue"): the figure and
/// its rendering are one figure, and what follows them is said of both (#28).
fn past_renderings(lower: &str, f: &Figure) -> usize {
    closing_bracket(lower, f).unwrap_or(f.end_with_unit)
}

/// Just past the bracket that closes a figure's last rendering, when one does.
fn closing_bracket(lower: &str, f: &Figure) -> Option<usize> {
    let last = f.renderings.last()?;
    let rest = lower.get(last.span.end..)?;
    let gap = rest.len() - rest.trim_start().len();
    rest[gap..]
        .starts_with(')')
        .then_some(last.span.end + gap + 1)
}

/// A figure's clause, carried on past its own conversion in brackets: the bracket cuts the
/// clause in two, but what follows it ("in lost revenue", "a day") is still the figure's.
pub(super) fn past_conversion(
    clauses: &[crate::extract::scope::Clause],
    window: Range<usize>,
    lower: &str,
    f: &Figure,
) -> Range<usize> {
    match closing_bracket(lower, f) {
        Some(after) if after < lower.len() && after >= window.end => {
            let next = crate::extract::scope::window(clauses, after);
            window.start..window.end.max(next.end)
        }
        _ => window,
    }
}

/// What the figure counts, written after it: ("civilian protesters", found in the pack).
pub(super) fn counted_after(
    text: &str,
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    m: &Matchers,
    money: bool,
) -> Option<(String, bool)> {
    let from = past_renderings(lower, f);
    let mut limit = window.end.min(from + 60);
    while limit > from && !lower.is_char_boundary(limit) {
        limit -= 1;
    }
    if from >= limit {
        return None;
    }
    let region = lower.get(from..limit)?;
    if !money {
        // the list runs past the clause, which ends at its first comma
        let mut list_limit = lower.len().min(from + 80);
        while !lower.is_char_boundary(list_limit) {
            list_limit -= 1;
        }
        if let Some((noun, known)) = after_coordinated_modifiers(&lower[from..list_limit], m) {
            let (s, e) = (from + noun.start, from + noun.end);
            return Some((text[s..e].to_lowercase(), known));
        }
    }
    // Words after the figure, up to a stop word.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut after_of = false;
    let mut linked = false;
    for w in region.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}')))
    {
        // `w` is a slice of `region`: its offset is the pointer difference (separators may
        // be wider than one byte).
        let s = w.as_ptr() as usize - region.as_ptr() as usize;
        if w.is_empty() {
            continue;
        }
        // "cost 330 million euros on its operating income": what an amount was taken
        // from or spent on
        let measure_link = money && MONEY_LINKS.contains(&w);
        if words.is_empty() && (COUNTED_SKIP.contains(&w) || measure_link) {
            linked |= measure_link;
            after_of |= w == "of";
            continue;
        }
        if words.is_empty() && (w.ends_with("'s") || w.ends_with("’s")) {
            // "14% of Chad's weapons imports": the owner is not what is counted.
            continue;
        }
        if words.is_empty()
            && (after_of || f.of_whole)
            && f.unit.is_none()
            && w.chars().all(|c| c.is_ascii_digit() || c == ',')
        {
            // "142 of 255 seats", "half the 1,200 passengers": the figure counts what its
            // total counts.
            continue;
        }
        if COUNTED_STOP.contains(&w)
            || (!words.is_empty() && COUNTED_PREPOSITIONS.contains(&w))
            || w.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        words.push((from + s, from + s + w.len()));
        if words.len() >= 4 {
            break;
        }
        // Stop at punctuation.
        if region
            .get((s + w.len()).min(region.len())..)
            .unwrap_or("")
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric() && c != ' ' && c != '-')
        {
            break;
        }
    }
    let first = words.first()?.0;
    let span_end = words.last()?.1;
    // The first pack noun, run on through pack nouns right after it: "aid workers", not
    // "aid"; "families", not "families lost their homes".
    let mut head: Option<(usize, usize)> = None;
    for hit in m.counted.find_iter(lower.get(first..span_end)?) {
        let (s, e) = (first + hit.start(), first + hit.end());
        if !is_whole_word(lower, s, e) {
            continue;
        }
        match head {
            None => head = Some((s, e)),
            Some((h0, h)) if s == h + 1 => head = Some((h0, e)),
            Some(_) => break,
        }
    }
    if let Some((s, e)) = head {
        // after "on": the measure itself, not its owner ("the carrier's operating income")
        let s = if linked { s } else { first };
        return Some((text[s..e].to_lowercase(), true));
    }
    if linked {
        return None;
    }
    // No pack noun: the first or second word when it looks like a plural noun ("400
    // tents", "40 new hospitals").
    if !(f.unit.is_none() || after_of) {
        return None;
    }
    for &(s, e) in words.iter().take(2) {
        let w = &lower[s..e];
        if !text[s..e].chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        if w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && !w.ends_with("is")
            && !w.ends_with("us")
        {
            return Some((lower[first..e].to_owned(), false));
        }
    }
    None
}

/// "34 naval, coastguard and civilian ships": modifiers in a list joined by "and" or "or"
/// before one noun say which sorts the figure adds up, so it counts the noun ("ships"),
/// every sort together. The span of that noun in `region` (the text right after the
/// figure) and whether it is a pack noun, when it is one or looks like a plural noun; a
/// list of nouns ("men, women and children") is no such list.
fn after_coordinated_modifiers(region: &str, m: &Matchers) -> Option<(Range<usize>, bool)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in region.split(' ') {
        if words.len() >= 8 {
            break;
        }
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    let bare = |w: &str| {
        w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !COUNTED_STOP.contains(&w)
    };
    // one or more "word," then "word", an optional comma, "and"/"or", "word", the noun
    let mut i = 0;
    while i < words.len() && words[i].1.strip_suffix(',').is_some_and(bare) {
        i += 1;
    }
    if i == 0 || i + 3 >= words.len() {
        return None;
    }
    let last = words[i].1.strip_suffix(',').unwrap_or(words[i].1);
    let (joiner, modifier, noun) = (words[i + 1].1, words[i + 2].1, words[i + 3]);
    let noun_word = noun.1.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    let plural = |w: &str| w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss");
    let listed = words[..i]
        .iter()
        .map(|(_, w)| w.trim_end_matches(','))
        .chain([last, modifier]);
    let pack_noun = |w: &str| {
        m.counted
            .find_iter(w)
            .any(|h| h.start() == 0 && h.end() == w.len())
    };
    let modifiers_ok =
        listed.clone().all(bare) && !listed.clone().any(|w| plural(w) || pack_noun(w));
    let known = pack_noun(noun_word);
    (matches!(joiner, "and" | "or")
        && modifiers_ok
        && bare(noun_word)
        && (known || plural(noun_word)))
    .then(|| (noun.0..noun.0 + noun_word.len(), known))
}

/// What a money or percent figure counts, written before it ("a budget of $5bn").
pub(super) fn counted_before(
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    m: &Matchers,
) -> Option<String> {
    let mut start = window.start.max(f.start_with_modifier.saturating_sub(40));
    while !lower.is_char_boundary(start) {
        start += 1;
    }
    let region = lower.get(start..f.start_with_modifier)?;
    let mut last = None;
    for hit in m.counted.find_iter(region) {
        let (s, e) = (start + hit.start(), start + hit.end());
        if is_whole_word(lower, s, e) && !counted_by_figure_before(&lower[window.start..s]) {
            last = Some(lower[s..e].to_owned());
        }
    }
    last
}

/// Whether the noun after `head` is what a figure right before it counts ("60 percent of
/// the airline's jets", "40 jets"): that figure's, never a later money or percent figure's.
fn counted_by_figure_before(head: &str) -> bool {
    const LINKS: &[&str] = &["of", "the", "its", "their", "his", "her", "our", "all"];
    let Some(w) = head
        .split(|c: char| c.is_whitespace())
        .rev()
        .filter(|w| !w.is_empty())
        .find(|w| !LINKS.contains(w) && !w.ends_with("'s") && !w.ends_with('\u{2019}'))
    else {
        return false;
    };
    w.ends_with(|c: char| c.is_ascii_digit() || c == '%') || matches!(w, "percent" | "cent")
}

/// Whether the word after `at` is a counted noun of the pack or looks like a plural noun.
pub(super) fn plural_noun_next(lower: &str, at: usize, m: &Matchers) -> bool {
    let rest = &lower[at..];
    let trimmed = rest.trim_start_matches(' ');
    if rest.len() - trimmed.len() != 1 {
        return false;
    }
    let word: &str = trimmed
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if word.len() < 3 {
        return false;
    }
    let in_pack = m
        .counted
        .find(word)
        .is_some_and(|h| h.start() == 0 && h.end() == word.len());
    in_pack || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::show;

    #[test]
    fn plain_counts_of_named_things() {
        insta::assert_snapshot!(
            show("The city will build 40 new schools, and the 1,200 staff of the agency kept their jobs."),
            @r"
        40 [40, 40] items counts/-/new schools
        1200 [1200, 1200] items counts/-/staff
        "
        );
    }

    #[test]
    fn modifiers_in_a_list_count_their_noun() {
        insta::assert_snapshot!(
            show("The search involved 40 navy, fire and coastguard boats, and 9 aircraft."),
            @r"
        40 [40, 40] items counts/-/boats
        9 [9, 9] items counts/-/aircraft
        "
        );
        // a list of nouns is no list of modifiers: the figure does not count the last
        insta::assert_snapshot!(
            show("The blast injured 30 men, women and young girls near the market."),
            @"30 [30, 30] people casualties/injured/men"
        );
    }

    #[test]
    fn counted_phrase_stops_at_the_verb() {
        insta::assert_snapshot!(
            show("Around 500 families lost their homes in the fire."),
            @"500 [450, 550] items counts/-/families"
        );
    }

    #[test]
    fn percent_of_what() {
        insta::assert_snapshot!(
            show("The country supplied at least 30% of weapons imported by the army."),
            @"30 [30, -] percent shares/supplied/weapons"
        );
    }

    #[test]
    fn an_owner_before_the_counted_noun_is_skipped() {
        insta::assert_snapshot!(
            show("Norway supplied 12% of Peru's arms imports in 2019."),
            @"12 [12, 12] percent shares/supplied/arms imports @Period:in 2019"
        );
    }
}

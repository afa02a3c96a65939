//! Capitalised runs: the word ranges of a sentence that may be names, with connectors
//! ("of", "and") inside one organisation's name and never between a person and an
//! organisation.

use super::lexicon::Lexicon;
use crate::normalize::{alias_entry, is_acronym};
use crate::pack::Pack;
use crate::text::Word;

/// Word-index ranges of the capitalised runs of a sentence, trimmed of openers and
/// connectors.
pub(super) fn runs(
    text: &str,
    words: &[Word<'_>],
    lex: &Lexicon,
    pack: &Pack,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_cap() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].possessive {
            let gap = &text[words[end - 1].end..words[end].start];
            // "U.S. Geological Survey": the final dot of an acronym stays in the name, and
            // so does an initial's ("George W. Bush", "K. J. Alphons")
            let initial = words[end - 1].text.len() == 1 && words[end - 1].is_cap();
            let dotted = (words[end - 1].text.contains('.') || initial) && gap == ". ";
            if gap != " " && !dotted {
                break;
            }
            if words[end].is_cap() && !lex.not_names.contains(words[end].lower()) {
                end += 1;
                continue;
            }
            // connectors inside a name, only when a capitalised word follows
            let mut j = end;
            while j < words.len()
                && lex.connectors.contains(words[j].lower())
                && text[words[j - 1].end..words[j].start] == *" "
            {
                j += 1;
            }
            if j > end
                && j < words.len()
                && words[j].is_cap()
                && text[words[j - 1].end..words[j].start] == *" "
                && !person_of_org(words, start..end, j, lex)
            {
                end = j + 1;
                continue;
            }
            if let Some(after) = org_join(words, text, start..end, lex, pack) {
                end = after;
                continue;
            }
            break;
        }
        i = end;
        // trim openers and connectors at the start, connectors at the end
        let mut s = start;
        while s < end
            && ((lex.not_names.contains(words[s].lower()) && !is_acronym(words[s].text))
                || lex.connectors.contains(words[s].lower()))
        {
            s += 1;
        }
        let mut e = end;
        while e > s && lex.connectors.contains(words[e - 1].lower()) {
            e -= 1;
        }
        if s < e && words[s].is_cap() {
            out.push(s..e);
        }
    }
    out
}

/// When the word after `left` joins it to the rest of one organisation's name ("Justice
/// and Memory Collective", "Office of Management and Budget"; see `org_joiners` in
/// `claims/entities.toml`), the index of the first word after that name.
fn org_join(
    words: &[Word<'_>],
    text: &str,
    left: std::ops::Range<usize>,
    lex: &Lexicon,
    pack: &Pack,
) -> Option<usize> {
    let joiner = left.end;
    let single = |i: usize| text.get(words[i - 1].end..words[i].start) == Some(" ");
    if !lex.org_joiners.contains(words.get(joiner)?.lower())
        || words[left.end - 1].possessive
        || !single(joiner)
    {
        return None;
    }
    // the capitalised words after the joiner, with connectors inside
    let mut end = joiner + 1;
    while end < words.len()
        && single(end)
        && (words[end].is_cap()
            || (lex.connectors.contains(words[end].lower())
                && words.get(end + 1).is_some_and(|n| n.is_cap())))
        && !lex.not_names.contains(words[end].lower())
    {
        end += 1;
        if words[end - 1].possessive {
            break;
        }
    }
    // "the Defence Ministry and Russia": a known name after the joiner stands alone
    if end == joiner + 1 {
        return None;
    }
    let right_text = text.get(words[joiner + 1].start..words[end - 1].name_end())?;
    if alias_entry(pack, right_text).is_some() {
        return None;
    }
    let is_org = |w: &Word<'_>| lex.org_words.contains(w.lower());
    let left_org = words[left.clone()].iter().any(is_org);
    let right_org = words[joiner + 1..end].iter().any(is_org);
    // "Office of Management": an organisation word, then "of"
    let org_of = words[left.clone()]
        .windows(2)
        .any(|p| is_org(&p[0]) && p[1].lower() == "of");
    let short_tail = end - joiner - 1 <= 2;
    ((right_org && !left_org) || (org_of && short_tail)).then_some(end)
}

/// Whether joining `left` to the capitalised words from `right` would glue a person to
/// the organisation named after them ("Maria Neira of the World Health Organization"):
/// the right part has an organisation word and the left part has none.
fn person_of_org(
    words: &[Word<'_>],
    left: std::ops::Range<usize>,
    right: usize,
    lex: &Lexicon,
) -> bool {
    let is_org = |w: &Word<'_>| lex.org_words.contains(w.lower());
    let left_org = words[left].iter().any(is_org);
    let right_org = words[right..]
        .iter()
        .take_while(|w| w.is_cap() || lex.connectors.contains(w.lower()))
        .any(is_org);
    right_org && !left_org
}

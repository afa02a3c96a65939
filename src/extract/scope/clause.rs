//! Clauses of a sentence: the spans a figure draws its kind and scope from.

use std::ops::Range;

use crate::extract::lexicon::ASIDES;

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

/// The most words a quoted phrase may hold and still be read as a part of its clause
/// (`that "99 percent and more" of voters turned out`), not a quotation of its own.
const QUOTED_PHRASE_MAX_WORDS: usize = 6;

/// The byte offsets of the quote marks around short quoted phrases inside a clause: a
/// few words with no punctuation of their own, words on both sides (scare quotes, a
/// phrase cited as said). Such quotes cut no clause.
fn phrase_quotes(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let marks: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '“' | '”' | '"'))
        .collect();
    for pair in marks.windows(2) {
        let ((open, oc), (close, cc)) = (pair[0], pair[1]);
        if oc == '”' || cc == '“' {
            continue;
        }
        let inside = &text[open + oc.len_utf8()..close];
        let before = text[..open].trim_end();
        let after = text[close + cc.len_utf8()..].trim_start();
        let words = inside.split_whitespace().count();
        let plain = !inside.contains(['.', ',', ';', ':', '!', '?']);
        let in_clause = before.ends_with(|c: char| c.is_alphanumeric())
            && after.starts_with(|c: char| c.is_alphanumeric());
        if plain && in_clause && (1..=QUOTED_PHRASE_MAX_WORDS).contains(&words) {
            out.extend([open, close]);
        }
    }
    out
}

/// The clauses of `text`, in order, covering it.
pub(crate) fn clauses(text: &str) -> Vec<Clause> {
    let mut cuts = vec![0];
    let b = text.as_bytes();
    let phrase_quotes = phrase_quotes(text);
    for (i, c) in text.char_indices() {
        let next = text[i + c.len_utf8()..].chars().next();
        let cut = match c {
            '“' | '”' | '"' => !phrase_quotes.contains(&i),
            ';' | '(' | ')' | '—' => true,
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
}

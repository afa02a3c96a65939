//! What a figure is about: the person or organisation a quantity describes.
//!
//! Input: a source, the claims of one sentence with their attributions, and the entity
//! mentions of that sentence. Output: for each quantity, the nearest person or
//! organisation named in its sentence that is neither the figure's source nor a credit
//! ("the RPU won 142 seats" is about the RPU), preferring a name written before the
//! figure. Compare reads it to keep figures about different parties apart.
//!
//! Left out as credits, not subjects: names in the attribution, the outlet's own name and
//! the wire dateline ("MOSCOW (Atlas Wire) –" says who filed the story and where), and a
//! name in brackets glossing another ("the agency (NEMA)").

use serde::{Deserialize, Serialize};

use super::lexicon::CLAUSE_WORDS;
use super::{Claim, Mention};
use crate::ingest::Source;
use crate::normalize::fold;
use crate::pack::{EntityKind, Pack};

/// The party a figure is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct About {
    /// Canonical key of the name (the entity's key).
    pub key: String,
    /// The name as written.
    pub text: String,
}

/// Sets what a quantity claim is about, from the mentions of its sentence; statements
/// are left as they are.
pub(crate) fn set_about(source: &Source, claim: &mut Claim, mentions: &[&Mention], pack: &Pack) {
    let subject = about(source, claim, mentions, pack);
    if let super::ClaimBody::Quantity(q) = &mut claim.body {
        q.about = subject.map(Box::new);
    }
}

/// The party `claim` is about, among the mentions of its sentence.
fn about(source: &Source, claim: &Claim, mentions: &[&Mention], pack: &Pack) -> Option<About> {
    let attribution_keys: Vec<&str> = claim
        .attribution
        .iter()
        .flat_map(|a| a.chain.iter().chain(a.speaker.iter()))
        .map(|p| p.key.as_str())
        .collect();
    let in_attribution = |span: &super::Span| {
        claim
            .attribution
            .as_ref()
            .is_some_and(|a| span.start < a.span.end && a.span.start < span.end)
    };
    let dateline = source.dateline.as_ref().map(|d| d.span.clone());
    let credits: Vec<String> = [source.meta.outlet.as_ref(), source.meta.dateline.as_ref()]
        .into_iter()
        .flatten()
        .map(|f| fold(&f.value))
        .collect();
    let bracketed = |span: &super::Span| {
        let before = source.text.get(..span.start).unwrap_or("").trim_end();
        let after = source.text.get(span.end..).unwrap_or("").trim_start();
        before.ends_with('(') && (after.starts_with(')') || after.starts_with('/'))
    };
    // "USD 20 million": a currency code read as a name is the figure's unit.
    let is_unit = |m: &Mention| {
        pack.units
            .iter()
            .any(|u| u.prefixes.iter().chain(&u.suffixes).any(|w| **w == *m.text))
    };
    let mut best: Option<(usize, &Mention)> = None;
    for &m in mentions {
        let is_party = matches!(m.kind, EntityKind::Person | EntityKind::Organization);
        if !is_party
            || attribution_keys.contains(&&*m.key)
            || in_attribution(&m.span)
            || credits.contains(&fold(&m.text))
            || dateline
                .as_ref()
                .is_some_and(|d| d.start <= m.span.start && m.span.end <= d.end)
            || bracketed(&m.span)
            || is_unit(m)
            || m.span.start < claim.sentence_span.start
            || m.span.end > claim.sentence_span.end
        {
            continue;
        }
        // Nearest mention, preferring one written before the figure; only a name that
        // governs the figure counts (see `governs_before`, `governs_after`).
        let distance = if m.span.end <= claim.span.start {
            let between = source.text.get(m.span.end..claim.span.start).unwrap_or(",");
            if !governs_before(between) {
                continue;
            }
            claim.span.start - m.span.end
        } else if m.span.start >= claim.span.end {
            let between = source.text.get(claim.span.end..m.span.start).unwrap_or(",");
            if !governs_after(between) {
                continue;
            }
            (m.span.start - claim.span.end).saturating_add(1 << 20)
        } else {
            continue; // inside the claim text itself
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, m));
        }
    }
    best.map(|(_, m)| About {
        key: m.key.to_string(),
        text: m.text.to_string(),
    })
}

/// Words at most between a name and the figure it governs ("the RPU won 142 seats",
/// "the network measured its magnitude at 7.1").
const GOVERNING_GAP_WORDS: usize = 4;

/// The lowercase words of `between`, brackets and their content left out ("the Democratic
/// Front (FD) won"), and capitalised words too: they continue a name ("Rally for Progress
/// and Unity") or are another ("as measured by Tajikistan's survey").
fn linking_words(between: &str) -> Vec<String> {
    let mut plain = String::with_capacity(between.len());
    let mut depth = 0usize;
    for c in between.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            // "and" inside a name: "Rally for Progress and Unity"
            let joins_name = **w == "and"
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
            !capital && !joins_name
        })
        .map(|(_, w)| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w != "the")
        .collect()
}

/// Whether a name written before a figure, with `between` in between, is what the figure
/// is about: the same clause (no comma, colon, dash or quote), a few words, none of which
/// opens a new clause or reports speech. "PRESS RELEASE: More than 8 million" or
/// "Torino Capital, a consultancy, estimated that 3.6 million" are not.
fn governs_before(between: &str) -> bool {
    let breaks = |c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '"' | '\u{201c}' | '\u{201d}' | '\u{2013}' | '\u{2014}' | '\n'
        )
    };
    if between.chars().any(breaks) || between.contains(". ") {
        return false;
    }
    let words = linking_words(between);
    words.len() <= GOVERNING_GAP_WORDS && !words.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str()))
}

/// Whether a name written after a figure is what it is about: only right after "for",
/// "to" or "by" ("142 seats for the RPU", "40% went to the Greens", "a 6.8 quake, as
/// measured by the survey"). A comma may stand before "by" only.
fn governs_after(between: &str) -> bool {
    let words = linking_words(between);
    let last = words.last().map(String::as_str);
    let comma_ok = last == Some("by") || !between.contains(',');
    words.len() <= GOVERNING_GAP_WORDS
        && matches!(last, Some("for" | "to" | "by"))
        && comma_ok
        && !between.contains([';', ':', '\n'])
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract_text, ClaimBody};

    /// Each quantity's text and what it is about, as written.
    fn abouts(text: &str) -> Vec<(String, Option<String>)> {
        let (source, ex) = extract_text(text);
        ex.claims
            .into_iter()
            .filter_map(|c| match c.body {
                ClaimBody::Quantity(q) => {
                    Some((source.text[c.span].to_owned(), q.about.map(|a| a.text)))
                }
                ClaimBody::Statement(_) => None,
            })
            .collect()
    }

    #[test]
    fn the_party_named_before_a_figure_is_what_it_is_about() {
        let got = abouts("The Harbour Party won 142 seats in the council, officials said.");
        assert_eq!(got, [("142 seats".into(), Some("Harbour Party".into()))]);
    }

    #[test]
    fn the_source_of_a_figure_is_not_what_it_is_about() {
        let got = abouts("The Grain Board said 40 silos were damaged.");
        assert_eq!(got, [("40 silos".into(), None)]);
    }

    #[test]
    fn names_in_a_wire_dateline_are_credits_not_subjects() {
        // "MINSK" reads as an organisation in capitals; in the dateline it is a place.
        let got = abouts(
            "OSLO/MINSK (Coastline Wire) – Storms destroyed 300 homes on Tuesday, the \
             coastguard said.\n",
        );
        assert_eq!(got, [("300 homes".into(), None)]);
    }

    #[test]
    fn a_name_in_another_clause_is_not_what_a_figure_is_about() {
        let got = abouts(
            "NEWS DIGEST: More than 8,000 people voted early in the port town on Monday.\n\n\
             The Tidewater Institute, a think tank, estimated that 3,100 people voted.\n\n\
             About 2,000 people marched through the old town, the Harbour Party said.",
        );
        assert!(got.iter().all(|(_, about)| about.is_none()), "{got:?}");
    }

    #[test]
    fn a_name_after_for_or_to_is_what_a_figure_is_about() {
        let got = abouts("In the final count 142 seats went to the Harbour Party, officials said.");
        assert_eq!(got, [("142 seats".into(), Some("Harbour Party".into()))]);
    }
}

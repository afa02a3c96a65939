//! Events: what a sentence states happened between named parties ("the general awarded
//! the envoy a medal", "the council refused to condemn the raid", "the two governments
//! imposed sanctions on the firm"), named by the triggers of the pack's `events.toml`.
//!
//! Input: one sentence in lowercase, its entity mentions, the spans of who it credits
//! (attribution), and its dated occasions. Output: [`EventFact`]s, each a trigger with
//! the parties near it, the statement's polarity (affirmed, negated, planned or possible)
//! and the date of the sentence's occasion nearest the trigger. A party is a person,
//! organisation, place or named event within [`PARTY_WINDOW`] words of the trigger, not
//! across a semicolon, or an occasion the sentence names ("the coup"); a title and whoever
//! the sentence credits with saying it ("TASS quoted the minister") are no party. A fact
//! with fewer than two parties says too little to compare and is not kept.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use super::occasion::{DateParts, Triggers};
use super::{Mention, Occasion};
use crate::pack::{EntityKind, Pack};
use crate::text::{is_whole_word, Span};

/// The most words between a trigger and a party of it.
pub(crate) const PARTY_WINDOW: usize = 15;

/// The most words before a trigger in which a negation or a modal governs it ("blocked a
/// resolution at the council condemning": six).
const CUE_WINDOW: usize = 10;

/// Words that open another clause: a cue before one governs that clause, not the trigger
/// ("did not say whether the council condemned").
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "whether", "which", "who", "that", "after", "before", "because", "as",
    "when", "although", "though", "if",
];

/// The most parties kept per fact, nearest first: compare pairs them.
const MAX_PARTIES: usize = 8;

/// What a sentence states of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// It happened ("awarded a medal").
    Affirmed,
    /// It did not ("refused to condemn", "did not attend").
    Negated,
    /// It is planned, wished or possible ("will attend", "plans to impose").
    Modal,
}

impl Polarity {
    /// How a report words the polarity after the event id ("", ", denied").
    pub fn describe(self) -> &'static str {
        match self {
            Polarity::Affirmed => "",
            Polarity::Negated => " (stated as not having happened)",
            Polarity::Modal => " (stated as planned or possible)",
        }
    }
}

/// One party of an event: an entity by its canonical key, or an occasion the sentence
/// names (key `occasion:coup`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventParty {
    /// Canonical key.
    pub key: String,
    /// The name reports show ("Min Aung Hlaing", "the coup").
    pub name: String,
    /// Where the sentence names it.
    pub span: Span,
    /// Whether it is a place: facts naming places but none in common are of different
    /// occurrences (the march in one city and the march in another).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub place: bool,
}

impl EventParty {
    /// Whether the party is an occasion the sentence names, not a named entity.
    pub fn is_occasion(&self) -> bool {
        self.key.starts_with("occasion:")
    }
}

/// An event a sentence states, with its parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFact {
    /// Event id from the pack (`award`).
    pub id: String,
    /// The trigger ("medal", "condemning").
    pub span: Span,
    /// The negation or modal cue before the trigger, when any ("refused to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// What the sentence states of the event.
    pub polarity: Polarity,
    /// The parties, nearest the trigger first, one per key.
    pub parties: Vec<EventParty>,
    /// What the date of the sentence's occasion nearest the trigger says, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<DateParts>,
    /// Index of the sentence.
    pub sentence: usize,
    /// Span of the sentence.
    pub sentence_span: Span,
}

/// The event triggers and the cues of a pack, matched together.
pub(crate) struct Matchers {
    triggers: Triggers,
    /// Negations then modals, longest first.
    cues: Option<AhoCorasick>,
    negations: usize,
}

impl Matchers {
    fn new(pack: &Pack) -> Matchers {
        let c = &pack.event_cues;
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(c.negations.iter().chain(&c.modals))
            .ok();
        Matchers {
            triggers: Triggers::of(&pack.events),
            cues,
            negations: c.negations.len(),
        }
    }

    /// The polarity the words of `before` (the clause before a trigger) give it, with
    /// the cue's range in `before`: a negation wins over a modal ("will not attend").
    fn polarity(&self, before: &str) -> (Polarity, Option<Range<usize>>) {
        let Some(m) = &self.cues else {
            return (Polarity::Affirmed, None);
        };
        let mut modal = None;
        for f in m.find_iter(before) {
            if !is_whole_word(before, f.start(), f.end()) {
                continue;
            }
            if f.pattern().as_usize() < self.negations {
                return (Polarity::Negated, Some(f.start()..f.end()));
            }
            modal.get_or_insert(f.start()..f.end());
        }
        match modal {
            Some(r) => (Polarity::Modal, Some(r)),
            None => (Polarity::Affirmed, None),
        }
    }
}

/// Builds the event matchers of `pack` now rather than at first use.
pub(crate) fn warm_up(pack: &Pack) {
    pack.prepared(Matchers::new);
}

/// Words of a sentence that credit a statement: a conduit ("TASS quoted") is never a
/// party; a speaker is none of the events of what it is credited with saying, but may be
/// one of an event outside it ("the general, calling the envoy a friend, awarded him a
/// medal").
#[derive(Debug, Clone)]
pub(crate) struct Credit {
    /// The words naming who is credited (or the attribution phrase).
    pub(crate) span: Span,
    /// What the speaker is credited with saying; `None` for a whole sentence.
    pub(crate) content: Option<Span>,
    /// Whether the words name a conduit.
    pub(crate) conduit: bool,
}

impl Credit {
    /// Whether the words at `span` name no party of the event triggered at `trigger`
    /// (both absolute).
    fn excludes(&self, span: &Span, trigger: &Span) -> bool {
        let overlaps = self.span.start < span.end && span.start < self.span.end;
        overlaps
            && (self.conduit
                || self
                    .content
                    .as_ref()
                    .is_none_or(|c| c.start <= trigger.start && trigger.end <= c.end))
    }
}

/// One sentence as [`events_of`] reads it.
pub(crate) struct EventSentence<'a> {
    /// Index of the sentence.
    pub(crate) index: usize,
    /// Its span in the source.
    pub(crate) span: &'a Span,
    /// Its text in ASCII lowercase.
    pub(crate) lower: &'a str,
    /// Its mentions.
    pub(crate) mentions: &'a [&'a Mention],
    /// Who it credits.
    pub(crate) credited: &'a [Credit],
    /// Its dated occasions.
    pub(crate) occasions: &'a [Occasion],
}

/// The events one sentence states.
pub(crate) fn events_of(s: &EventSentence<'_>, pack: &Pack) -> Vec<EventFact> {
    if pack.events.is_empty() {
        return Vec::new();
    }
    let m = pack.prepared(Matchers::new);
    let found = m.triggers.find(s.lower);
    if found.is_empty() {
        return Vec::new();
    }
    let base = s.span.start;
    let words = WordIndex::new(s.lower);
    let named = super::occasion::named_in(s.lower, pack);
    let mut out: Vec<EventFact> = Vec::new();
    for (t, id) in found {
        let clause = clause_start(s.lower, t.start, &words);
        let from = words.back(t.start, CUE_WINDOW).max(clause);
        let (polarity, cue) = m.polarity(s.lower.get(from..t.start).unwrap_or(""));
        if out.iter().any(|f| f.id == id && f.polarity == polarity) {
            continue;
        }
        let parties = parties(s, &t, &named, &words);
        if parties.len() < 2 {
            continue;
        }
        let when = s
            .occasions
            .iter()
            .min_by_key(|o| {
                let o = o.span.start.saturating_sub(base)..o.span.end.saturating_sub(base);
                distance(&o, &t)
            })
            .map(|o| o.parts);
        out.push(EventFact {
            id: id.to_owned(),
            span: base + t.start..base + t.end,
            cue: cue.map(|c| base + from + c.start..base + from + c.end),
            polarity,
            parties,
            when,
            sentence: s.index,
            sentence_span: s.span.clone(),
        });
    }
    out
}

/// The parties of the trigger at `t` (relative to the sentence), nearest first.
fn parties(
    s: &EventSentence<'_>,
    t: &Range<usize>,
    named: &[(Range<usize>, String)],
    words: &WordIndex<'_>,
) -> Vec<EventParty> {
    let base = s.span.start;
    let mut found: Vec<(usize, EventParty)> = Vec::new();
    let trigger = base + t.start..base + t.end;
    for mention in s.mentions {
        if mention.kind == EntityKind::Title
            || s.credited
                .iter()
                .any(|c| c.excludes(&mention.span, &trigger))
        {
            continue;
        }
        let (Some(start), Some(end)) = (
            mention.span.start.checked_sub(base),
            mention.span.end.checked_sub(base),
        ) else {
            continue;
        };
        if start < t.end && t.start < end {
            continue;
        }
        if let Some(gap) = words.gap(&(start..end), t) {
            found.push((
                gap,
                EventParty {
                    key: mention.key.to_string(),
                    name: mention.canonical.to_string(),
                    span: mention.span.clone(),
                    place: mention.kind == EntityKind::Place,
                },
            ));
        }
    }
    for (r, id) in named {
        if r.start < t.end && t.start < r.end {
            continue;
        }
        if let Some(gap) = words.gap(r, t) {
            found.push((
                gap,
                EventParty {
                    key: format!("occasion:{id}"),
                    name: format!("the {id}"),
                    span: base + r.start..base + r.end,
                    place: false,
                },
            ));
        }
    }
    found.sort_by_key(|(gap, p)| (*gap, p.span.start));
    let mut out: Vec<EventParty> = Vec::new();
    for (_, p) in found {
        if out.len() < MAX_PARTIES && !out.iter().any(|q| q.key == p.key) {
            out.push(p);
        }
    }
    out
}

/// Bytes between two ranges (0 when they touch or overlap).
fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Where the clause holding byte `at` starts: after the last comma, semicolon, colon,
/// dash or bracket before it, or at the last of the [`CLAUSE_WORDS`] within
/// [`CUE_WINDOW`] words before it.
fn clause_start(lower: &str, at: usize, words: &WordIndex<'_>) -> usize {
    let mark = lower
        .get(..at)
        .and_then(|h| h.rfind([',', ';', ':', '(', ')', '\u{2013}', '\u{2014}']))
        .map_or(0, |p| p + 1);
    let from = words.back(at, CUE_WINDOW).max(mark);
    let first = words.starts.partition_point(|&p| p < from);
    let last = words.starts.partition_point(|&p| p < at);
    words
        .starts
        .get(first..last)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|&&p| {
            lower
                .get(p..)
                .and_then(|w| w.split_whitespace().next())
                .is_some_and(|w| CLAUSE_WORDS.contains(&w))
        })
        .copied()
        .unwrap_or(mark)
        .max(mark)
}

/// Word positions of a lowercase sentence.
struct WordIndex<'s> {
    lower: &'s str,
    /// Where each run of non-space characters starts.
    starts: Vec<usize>,
}

impl<'s> WordIndex<'s> {
    fn new(lower: &'s str) -> WordIndex<'s> {
        let mut starts = Vec::new();
        let mut space = true;
        for (i, c) in lower.char_indices() {
            if !c.is_whitespace() && space {
                starts.push(i);
            }
            space = c.is_whitespace();
        }
        WordIndex { lower, starts }
    }

    /// Where the `n`th word before byte `at` starts (the sentence start when fewer).
    fn back(&self, at: usize, n: usize) -> usize {
        let k = self.starts.partition_point(|&p| p < at);
        k.checked_sub(n)
            .and_then(|i| self.starts.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The words between two ranges, unless more than [`PARTY_WINDOW`] or a semicolon
    /// stands between.
    fn gap(&self, a: &Range<usize>, b: &Range<usize>) -> Option<usize> {
        let (from, to) = if a.end <= b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        if to < from || self.lower.get(from..to).is_none_or(|t| t.contains(';')) {
            return None;
        }
        let n =
            self.starts.partition_point(|&p| p < to) - self.starts.partition_point(|&p| p < from);
        (n <= PARTY_WINDOW).then_some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;

    /// Each event of `text`: id, trigger, polarity and party names.
    fn events(text: &str) -> Vec<(String, String, Polarity, Vec<String>)> {
        let (source, ex) = extract_text(text);
        ex.events
            .iter()
            .map(|f| {
                (
                    f.id.clone(),
                    source.text[f.span.clone()].to_owned(),
                    f.polarity,
                    f.parties.iter().map(|p| p.name.clone()).collect(),
                )
            })
            .collect()
    }

    fn polarities(text: &str) -> Vec<Polarity> {
        events(text).into_iter().map(|e| e.2).collect()
    }

    #[test]
    fn a_refusal_or_a_blocked_motion_denies_the_event() {
        assert_eq!(
            polarities("The Aster Assembly refused to condemn the raid on Velmora."),
            [Polarity::Negated]
        );
        assert_eq!(
            polarities(
                "Two members blocked a motion at the Aster Assembly condemning the raid on \
                 Velmora."
            ),
            [Polarity::Negated]
        );
        assert_eq!(
            polarities("The Aster Assembly condemned the raid on Velmora."),
            [Polarity::Affirmed]
        );
    }

    #[test]
    fn a_plan_or_a_possibility_is_modal() {
        assert_eq!(
            polarities("The Aster Assembly will condemn the raid on Velmora."),
            [Polarity::Modal]
        );
        // a negation wins over a modal
        assert_eq!(
            polarities("The Aster Assembly will not condemn the raid on Velmora."),
            [Polarity::Negated]
        );
    }

    #[test]
    fn a_cue_of_another_clause_does_not_govern_the_trigger() {
        assert_eq!(
            polarities("The ministry did not say whether the Aster Assembly condemned Velmora."),
            [Polarity::Affirmed]
        );
    }

    #[test]
    fn parties_are_the_names_near_the_trigger_and_the_occasions_named() {
        let got = events("The Velmor Farmers Union attended the harvest march in Orveto.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "attendance");
        assert_eq!(
            got[0].3,
            ["Velmor Farmers Union", "the protest", "Orveto"],
            "{got:?}"
        );
    }

    #[test]
    fn a_conduit_is_no_party_and_a_speaker_is_none_of_what_it_says() {
        // the wire relays the general: it gave no medal
        let got = events(
            "The Coast Wire quoted General Oduya Marrin as saying Admiral Tove Lindqvar was \
             awarded a medal in Port Odrin.",
        );
        let parties: Vec<&str> = got
            .iter()
            .flat_map(|e| e.3.iter().map(String::as_str))
            .collect();
        assert!(!parties.contains(&"Coast Wire"), "{got:?}");
        assert!(!parties.contains(&"Oduya Marrin"), "{got:?}");
        // a speaker is a party of an event outside its words
        let got = events(
            "General Oduya Marrin, calling her \"a true friend\", awarded Admiral Tove \
             Lindqvar a medal.",
        );
        assert!(
            got.iter().any(|e| e.3.iter().any(|p| p == "Oduya Marrin")),
            "{got:?}"
        );
    }
}

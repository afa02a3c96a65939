//! Attribution: who said what, through whom; direct and reported speech.
//!
//! Works on a whole source, because quotes run across sentences and paragraphs and a
//! pronoun speaker ("He called ...") stands for a person named earlier. Every sentence
//! with an attribution phrase yields a statement claim:
//!
//! - a speech verb from `claims/speech_verbs.toml` with its speaker before it ("Fomin on
//!   Friday said"), after a quote ("...,” said Fomin"), as a passive agent ("described by
//!   MRTV as"), or trailing its clause ("..., activist groups say");
//! - a conduit verb: "TASS quoted Fomin as telling" (chain TASS, speaker Fomin), "...,
//!   Interfax reported" (a conduit of the statement before it, or the source of its clause);
//! - a source phrase: "according to X", "as reported by X".
//!
//! The content is the quoted words when a quote belongs to the verb (direct), else the
//! reported clause. A quote paragraph that follows an attributed quote keeps its
//! attribution. Nothing here is a guess about the world: a verb with no speaker found
//! yields no statement.
//!
//! Input: a source, its sentences (with the source text in ASCII lowercase, from which
//! each sentence's words are split when it is read) and the entity mentions found in
//! them, and the pack's speech lexicon. Output: statement claims sorted by
//! (sentence, start), each with an [`Attribution`]; [`for_sentence`] and [`for_figure`]
//! then give the attribution that covers a sentence or a figure. Every span is an
//! absolute byte range of the source text; a claim's sentence lies in the range of
//! sentences its statement covers.
//!
//! This file holds the entry points and the types the parts share: [`Cx`] (one
//! source being read), [`Sent`] (one sentence prepared for matching) and [`Draft`] (a
//! statement being built). The parts: `quotes` (quote marks, and which quote belongs to
//! a verb), `lexicon` (the speech lexicon of the pack), `subjects` (the speaker
//! and other noun phrases), `verbs` (the patterns around a speech verb) and `phrases`
//! (source phrases).

mod lexicon;
mod phrases;
mod quotes;
mod subjects;
mod verbs;

use std::sync::Arc;

use super::{Attribution, Claim, ClaimBody, Mention, Party, Statement};
use crate::extract::lexicon::COORDINATORS;
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;
use crate::text::{BySentence, Span, Word};
use lexicon::Lexicon;
use quotes::{quotes, Quote};

/// Statement claims of a source, each with its attribution. Works across sentences
/// (quotes that run on, pronoun speakers).
#[cfg(test)]
pub(crate) fn find(
    source: &Source,
    sentences: &[Sentence],
    mentions: &[Mention],
    pack: &Pack,
) -> Vec<Claim> {
    let lower = source.text.to_ascii_lowercase();
    let index = crate::text::BySentence::new(mentions.iter().map(|m| m.sentence));
    find_lowered(source, sentences, &lower, mentions, &index, pack)
}

/// Builds the lexicon this stage takes from the pack, ahead of the first sentence.
pub(crate) fn warm_up(pack: &Pack) {
    let _ = pack.prepared(Lexicon::new);
}

/// [`find`] with `lower`, the caller's `source.text.to_ascii_lowercase()`, from which the
/// lowercase forms of the words are borrowed, and the mentions of each sentence
/// (`mentions_of`, built from `mentions`, shared with what figures are about). The words
/// of a sentence are split when it is read and dropped after it: never held for the
/// whole source.
pub(crate) fn find_lowered<'a>(
    source: &'a Source,
    sentences: &'a [Sentence],
    lower: &'a str,
    mentions: &'a [Mention],
    mentions_of: &'a BySentence,
    pack: &Pack,
) -> Vec<Claim> {
    let lex = pack.prepared(Lexicon::new);
    let quotes = quotes(source, sentences);
    let cx = Cx {
        source,
        sentences,
        mentions,
        mentions_of,
        lex: &lex,
        quotes: &quotes,
        lower,
    };
    let mut out: Vec<Claim> = Vec::new();
    for i in 0..sentences.len() {
        let Some(sent) = cx.sentence(i) else {
            continue;
        };
        let drafts = cx.drafts(&sent);
        if drafts.is_empty() {
            if let Some(c) = cx.continuation(&sent, &out) {
                out.push(c);
            }
            continue;
        }
        for d in drafts {
            out.push(cx.claim(&sent, d));
        }
    }
    // `for_sentence` binary-searches by sentence (a claim starts where its quote opens)
    out.sort_by_key(|c| (c.sentence, c.span.start));
    out
}

/// The attribution that covers sentence `index`, if any (from the statements found).
///
/// `statements` are in sentence order (as [`find`] returns them), so this is a binary
/// search plus a short look back for a statement that started earlier and runs on.
pub(crate) fn for_sentence(statements: &[Claim], index: usize) -> Option<&Arc<Attribution>> {
    let lo = statements.partition_point(|c| c.sentence < index);
    let hi = statements.partition_point(|c| c.sentence <= index);
    let covers = |c: &Claim| match &c.body {
        ClaimBody::Statement(st) => c.sentence == index || st.sentences.contains(&index),
        ClaimBody::Quantity(_) => false,
    };
    let own = statements.get(lo..hi).unwrap_or_default().iter();
    let earlier = statements
        .get(..lo)
        .unwrap_or_default()
        .iter()
        .rev()
        .take(8);
    own.chain(earlier)
        .filter(|c| covers(c))
        .find_map(|c| c.attribution.as_ref())
}

/// The attribution of a figure at `span` in sentence `index`: the sentence's own
/// ([`for_sentence`]), unless the figure comes after every attribution of the sentence,
/// outside the words they report, behind a word that opens background (`background` in
/// `speech_verbs.toml`: "Moscow plans to sell more arms, state television said on Monday,
/// after talks with generals accused of killing hundreds"). Such a figure is the writer's,
/// credited to no one; "..., according to the budget office, up from $890m" stays the
/// office's.
pub(crate) fn for_figure<'a>(
    source: &Source,
    statements: &'a [Claim],
    index: usize,
    span: &Span,
    pack: &Pack,
) -> Option<&'a Arc<Attribution>> {
    let lo = statements.partition_point(|c| c.sentence < index);
    let hi = statements.partition_point(|c| c.sentence <= index);
    let own: Vec<(&Span, &Arc<Attribution>)> = statements
        .get(lo..hi)
        .unwrap_or_default()
        .iter()
        .filter_map(|c| match (&c.body, &c.attribution) {
            (ClaimBody::Statement(st), Some(a)) => Some((&st.content, a)),
            _ => None,
        })
        .collect();
    let background = |from: usize| {
        source
            .text
            .get(from..span.start)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                pack.background_openers
                    .iter()
                    .any(|b| b.eq_ignore_ascii_case(w))
            })
    };
    let after_all = !own.is_empty()
        && own.iter().all(|(content, a)| {
            a.span.end <= span.start
                && !(content.start <= span.start && span.end <= content.end)
                && background(a.span.end.max(content.end.min(span.start)))
        });
    if after_all {
        return None;
    }
    // "Stewards counted 80,000; the police reckoned that figure nearer 45,000": the
    // innermost statement whose words hold the figure is its source.
    let holding = |c: &&(&Span, &Arc<Attribution>)| c.0.start <= span.start && span.end <= c.0.end;
    if own.iter().any(|c| holding(&c)) {
        return own
            .iter()
            .filter(holding)
            .min_by_key(|(content, _)| content.end - content.start)
            .map(|(_, a)| *a);
    }
    for_sentence(statements, index)
}

struct Cx<'a> {
    source: &'a Source,
    sentences: &'a [Sentence],
    mentions: &'a [Mention],
    /// The mentions of each sentence, as indices into `mentions`.
    mentions_of: &'a BySentence,
    lex: &'a Lexicon,
    quotes: &'a [Quote],
    /// The source text in ASCII lowercase (same byte offsets).
    lower: &'a str,
}

/// One sentence prepared for matching.
struct Sent<'a> {
    i: usize,
    base: usize,
    text: &'a str,
    words: Vec<Word<'a>>,
    mentions: Vec<&'a Mention>,
}

/// A statement being built; spans are absolute.
#[derive(Debug, Clone)]
struct Draft {
    speaker: Option<Party>,
    chain: Vec<Party>,
    verb: String,
    attr: Span,
    content: Span,
    direct: bool,
    /// Clause-level: reported content may be clipped by a later draft.
    reported_open: bool,
    /// A trailing conduit phrase merged into this statement (", TASS said").
    extra: Option<Span>,
}

impl<'a> Cx<'a> {
    fn sentence(&self, i: usize) -> Option<Sent<'a>> {
        let s = self.sentences.get(i)?;
        let text = self.source.text.get(s.span.clone())?;
        let mut mentions = self.mentions_in(i);
        mentions.retain(|m| m.span.start >= s.span.start && m.span.end <= s.span.end);
        Some(Sent {
            i,
            base: s.span.start,
            text,
            words: crate::text::words_lowered(text, self.lower.get(s.span.clone())),
            mentions,
        })
    }

    /// The mentions of sentence `i`, in text order (those at one start in the order found).
    fn mentions_in(&self, i: usize) -> Vec<&'a Mention> {
        let mut found: Vec<&'a Mention> = self
            .mentions_of
            .of(i)
            .filter_map(|k| self.mentions.get(k))
            .collect();
        found.sort_by_key(|m| m.span.start);
        found
    }

    fn claim(&self, s: &Sent<'_>, d: Draft) -> Claim {
        let content = d.content.clone();
        let quote_span = if d.direct {
            let i = self
                .quotes
                .partition_point(|q| q.content.start < content.start);
            self.quotes
                .get(i)
                .filter(|q| q.content == content)
                .map_or(content.clone(), |q| q.open..q.end)
        } else {
            content.clone()
        };
        // the attribution phrase counts in the span only when written in this sentence
        // (a continuation quote keeps the attribution of an earlier one)
        let own = s.base..s.base + s.text.len();
        let mut span = quote_span.clone();
        for a in std::iter::once(&d.attr).chain(&d.extra) {
            if a.start >= own.start && a.end <= own.end {
                span = span.start.min(a.start)..span.end.max(a.end);
            }
        }
        let first = self.sentence_of(span.start).unwrap_or(s.i).min(s.i);
        let last = self
            .sentence_of(span.end.saturating_sub(1))
            .unwrap_or(s.i)
            .max(s.i);
        // a quote opened in an earlier sentence: the claim starts there
        let sentence_span = self.sentences.get(first).map_or(own, |x| x.span.clone());
        Claim {
            sentence: first,
            sentence_span,
            span,
            body: ClaimBody::Statement(Box::new(Statement {
                content,
                direct: d.direct,
                sentences: first..last + 1,
            })),
            attribution: Some(Arc::new(Attribution {
                speaker: d.speaker,
                chain: d.chain,
                verb: Some(d.verb),
                span: d.attr,
            })),
        }
    }

    fn sentence_of(&self, abs: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= abs);
        self.sentences
            .get(i)
            .filter(|s| s.span.start <= abs)
            .map(|_| i)
    }

    /// Trims spaces, final punctuation and a dangling coordinator from reported content.
    fn trim_content(&self, span: Span) -> Span {
        let text = &self.source.text;
        let Some(t) = text.get(span.clone()) else {
            return span.start..span.start;
        };
        let mut t = t.trim_end();
        loop {
            let before = t.len();
            t = t.trim_end_matches([',', '.', ';', ':', ' ', '–', '—']);
            for c in COORDINATORS {
                if let Some(rest) = t.strip_suffix(c) {
                    if rest.ends_with(' ') {
                        t = rest;
                    }
                }
            }
            if t.len() == before {
                break;
            }
        }
        let lead = t.len() - t.trim_start().len();
        span.start + lead..span.start + t.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entity;
    use crate::segment::segment;

    /// The default pack, shared by the tests of every part of this module.
    pub(super) static PACK: std::sync::LazyLock<Pack> =
        std::sync::LazyLock::new(Pack::default_pack);

    pub(super) fn statements(text: &str) -> (Source, Vec<Claim>) {
        let pack = &*PACK;
        let source = Source::from_text("t", "t.txt", text, pack);
        let sentences = segment(&source, pack);
        let mut mentions = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            mentions.extend(entity::find_mentions(&source, i, s, pack));
        }
        entity::link(&mut mentions, pack);
        let claims = find(&source, &sentences, &mentions, pack);
        (source, claims)
    }

    /// One line per statement: attribution (conduits first), verb, direct/reported, content.
    pub(super) fn show(text: &str) -> String {
        let (source, claims) = statements(text);
        claims
            .iter()
            .map(|c| {
                let ClaimBody::Statement(st) = &c.body else {
                    return String::new();
                };
                let a = c.attribution.as_deref();
                format!(
                    "{} [{}] {}: {}",
                    a.map(Attribution::describe).unwrap_or_default(),
                    a.and_then(|a| a.verb.clone()).unwrap_or_default(),
                    if st.direct { "quote" } else { "reported" },
                    &source.text[st.content.clone()]
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn quote_running_across_sentences_covers_each_sentence() {
        let text = "Judge Amy Rowe said: “This is over. The court has ruled.”";
        let (_, claims) = statements(text);
        assert_eq!(claims.len(), 1);
        let ClaimBody::Statement(st) = &claims[0].body else {
            panic!("not a statement");
        };
        assert_eq!(st.sentences, 0..2);
        assert!(for_sentence(&claims, 1).is_some());
        assert!(st.direct);
    }

    #[test]
    fn speaker_after_a_two_sentence_quote_covers_both_sentences() {
        let text = "“The dam is safe. We checked it twice,” the engineer Ana Ruiz said.";
        let (_, claims) = statements(text);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].sentence, 0);
        assert!(for_sentence(&claims, 0).is_some());
        assert!(for_sentence(&claims, 1).is_some());
        assert!(for_sentence(&claims, 2).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Arbitrary news-like text never panics, and every statement's spans lie in the
        /// text on character boundaries with the content inside the claim span.
        #[test]
        fn arbitrary_text_never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("said".to_owned()),
                    proptest::strategy::Just("according to".to_owned()),
                    proptest::strategy::Just("quoted".to_owned()),
                    proptest::strategy::Just("as saying".to_owned()),
                    proptest::strategy::Just("He".to_owned()),
                    proptest::strategy::Just("the".to_owned()),
                    proptest::strategy::Just("Mr Dan Roe".to_owned()),
                    proptest::strategy::Just("AAPP".to_owned()),
                    "[“”\"‘’,.:;()–\n ]{1,3}",
                    "[A-Z][a-zé’']{0,6}",
                    "[a-z]{1,7}",
                ],
                0..40,
            )
        ) {
            let text = parts.join(" ");
            let (source, claims) = statements(&text);
            for c in &claims {
                proptest::prop_assert!(source.text.get(c.span.clone()).is_some());
                if let ClaimBody::Statement(st) = &c.body {
                    proptest::prop_assert!(source.text.get(st.content.clone()).is_some());
                    proptest::prop_assert!(st.sentences.contains(&c.sentence));
                }
                if let Some(a) = &c.attribution {
                    proptest::prop_assert!(source.text.get(a.span.clone()).is_some());
                }
            }
        }
    }
}

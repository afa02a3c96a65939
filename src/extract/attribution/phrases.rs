//! Source phrases: "according to X", "as reported by X" (the phrases of the pack).
//!
//! Input: a prepared sentence. Output: each phrase outside quotes with the party it
//! names ("according to figures from X" names X; "according to figures" names none),
//! its words and span, and where reported content before it ends; then the statement
//! of each phrase that no speech verb took.

use super::verbs::{first_word_start, Found};
use super::{Cx, Draft, Sent};
use crate::extract::Party;
use crate::text::Span;

/// "according to X" and the like, found in one sentence.
pub(super) struct Phrase {
    pub(super) phrase: String,
    /// Word indices of the phrase and its noun phrase.
    pub(super) words: Vec<usize>,
    pub(super) span: Span,
    pub(super) party: Option<Party>,
    /// Where reported content before it ends.
    pub(super) clip: usize,
    pub(super) used: std::cell::Cell<bool>,
}

impl<'a> Cx<'a> {
    /// Source phrases ("according to X") of a sentence.
    pub(super) fn phrases(&self, s: &Sent<'_>) -> Vec<Phrase> {
        let mut out = Vec::new();
        for k in 0..s.words.len() {
            for p in &self.lex.phrases {
                let n = p.len();
                if k + n > s.words.len() {
                    continue;
                }
                let matched = p
                    .iter()
                    .zip(&s.words[k..k + n])
                    .all(|(a, w)| w.text.eq_ignore_ascii_case(a));
                if !matched || self.in_quote(s.base + s.words[k].start) {
                    continue;
                }
                // "according to figures from X" credits X; "according to figures" alone
                // names no source
                let np = self
                    .data_source(s, k + n)
                    .and_then(|at| self.np_words_after(s, at))
                    .or_else(|| self.np_words_after(s, k + n))
                    .filter(|(p, _)| !self.lex.data_nouns.contains(&p.name.to_lowercase()));
                let (party, end_word) = match np {
                    Some((p, e)) => (Some(p), e),
                    None => (None, k + n),
                };
                let end = s.words[end_word - 1].end;
                // clip reported content before ", according to"
                let lead = s.text.get(..s.words[k].start).unwrap_or("").trim_end();
                let clip = s.base + lead.len() - usize::from(lead.ends_with(','));
                out.push(Phrase {
                    phrase: p.join(" "),
                    words: (k..end_word).collect(),
                    span: s.base + s.words[k].start..s.base + end,
                    party,
                    clip,
                    used: std::cell::Cell::new(false),
                });
            }
        }
        out
    }

    /// Where the source of published figures starts, when the words from `k` name such
    /// figures: "[official] figures from | the budget office", "data released by | X".
    /// Up to two modifiers may precede the data noun; the link follows it directly.
    fn data_source(&self, s: &Sent<'_>, k: usize) -> Option<usize> {
        let noun = (k..(k + 3).min(s.words.len()))
            .find(|&i| self.lex.data_nouns.contains(s.words[i].lower_text()))?;
        let plain = |i: usize| {
            s.words[i].text.chars().all(|c| !c.is_uppercase())
                && s.text.get(s.words[i - 1].end..s.words[i].start) == Some(" ")
        };
        if (k + 1..=noun).any(|i| !plain(i)) || s.words[k].text.chars().any(char::is_uppercase) {
            return None;
        }
        self.lex.data_links.iter().find_map(|link| {
            let end = noun + 1 + link.len();
            let fits = end < s.words.len()
                && (noun + 1..end).all(&plain)
                && link
                    .iter()
                    .zip(&s.words[noun + 1..end])
                    .all(|(a, w)| w.lower_text() == a);
            fits.then_some(end)
        })
    }
    /// The phrases that no verb took as an appositive ("X, according to Y, said"), each
    /// a conduit of the statement found before it in the sentence, else a statement of
    /// its own: about the rest of the sentence when it opens it ("According to X, ..."),
    /// else about the clause before it.
    pub(super) fn phrase_drafts(&self, s: &Sent<'_>, found: &mut Found) {
        for p in &found.phrases {
            if p.used.get() {
                continue;
            }
            let Some(party) = p.party.clone() else {
                continue;
            };
            if let Some(d) = found
                .drafts
                .iter_mut()
                .rev()
                .find(|d| d.attr.start < p.span.start)
            {
                d.chain.insert(0, party);
                d.extra = Some(p.span.clone());
                found.clips.push(p.clip);
                continue;
            }
            let content = if p.span.start <= s.base + first_word_start(s) {
                // "According to X, ..." — the rest of the sentence
                let after = s
                    .text
                    .get(p.span.end - s.base..)
                    .and_then(|t| t.find(',').map(|c| p.span.end + c + 1))
                    .unwrap_or(p.span.end);
                after..s.base + s.text.len()
            } else {
                s.base + self.content_start(s)..p.clip
            };
            let verb = if p.phrase.starts_with("according") {
                "according to".to_owned()
            } else {
                p.phrase.clone()
            };
            let (speaker, chain) = if verb == "according to" {
                (Some(party), Vec::new())
            } else {
                (None, vec![party])
            };
            found.drafts.push(Draft {
                speaker,
                chain,
                verb,
                attr: p.span.clone(),
                content,
                direct: false,
                reported_open: true,
                extra: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::show;

    #[test]
    fn according_to_an_organisation() {
        insta::assert_snapshot!(
            show("Prices rose 4% last year, according to the National Statistics Office."),
            @"National Statistics Office [according to] reported: Prices rose 4% last year"
        );
    }

    #[test]
    fn according_to_figures_from_credits_the_publisher() {
        insta::assert_snapshot!(
            show("The fire service budget will be $80m, according to figures from the Office of Management and Budget."),
            @"Office of Management and Budget [according to] reported: The fire service budget will be $80m"
        );
        insta::assert_snapshot!(
            show("Unemployment fell to 5%, according to official data released by the Labour Ministry."),
            @"Labour Ministry [according to] reported: Unemployment fell to 5%"
        );
        // "figures" alone names no publisher, so no source
        insta::assert_snapshot!(
            show("Unemployment fell to 5%, according to figures from last year."),
            @""
        );
    }

    #[test]
    fn a_passive_speech_verb_credits_its_agent() {
        insta::assert_snapshot!(
            show("The port gets $40m in aid, announced by the Transport Ministry on Friday."),
            @"Transport Ministry [announced by] reported: The port gets $40m in aid"
        );
    }

    #[test]
    fn leading_according_to() {
        insta::assert_snapshot!(
            show("According to Kyodo, the vote was delayed by a week."),
            @"Kyodo [according to] reported: the vote was delayed by a week"
        );
    }

    #[test]
    fn according_to_after_a_generic_speaker_is_a_conduit() {
        insta::assert_snapshot!(
            show("Rescue workers said the bridge fell at dawn, according to the broadcaster RTP."),
            @"RTP <- Rescue workers [say] reported: the bridge fell at dawn"
        );
    }

    #[test]
    fn as_reported_by_a_generic_source_with_a_place() {
        insta::assert_snapshot!(
            show("As reported by Kenyan state media, the talks will resume."),
            @"Kenyan state media [as reported by] reported: the talks will resume"
        );
    }
}

//! Verb patterns: the statements around the speech verbs of one sentence.
//!
//! Input: a prepared sentence, its source phrases and the quotes of the source. Output:
//! drafts in text order. A speech verb yields a draft when a speaker is found: a passive
//! agent ("described by X as"), a conduit with an inner speaker ("TASS quoted X as
//! saying"), or the subject before it. Its content is the quote before the speaker, the
//! clause a trailing attribution closes ("..., officials said"), a quote opening a few
//! words after it, or the clause after it (after "that" or ":" for a weak verb). A
//! trailing conduit or "citing X" adds to the statement before instead.

use std::collections::HashSet;

use super::lexicon::{DETERMINERS, NP_STOPS, OBJECTS, PASSIVE_AUX, PREPOSITIONS};
use super::phrases::Phrase;
use super::{Cx, Draft, Sent};
use crate::extract::entity::words;
use crate::extract::Party;
use crate::pack::SpeechRole;

impl<'a> Cx<'a> {
    /// The statements of one sentence.
    pub(super) fn drafts(&self, s: &Sent<'_>) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        let mut consumed: HashSet<usize> = HashSet::new();
        let mut clips: Vec<usize> = Vec::new();
        // Source phrases first: "according to X" inside an appositive belongs to the verb.
        let phrases = self.phrases(s);
        for v in 0..s.words.len() {
            if consumed.contains(&v) {
                continue;
            }
            let w = &s.words[v];
            let lower = w.lower_text();
            let Some((lemma, role, weak)) = self.lex.forms.get(lower) else {
                continue;
            };
            let (role, weak) = (*role, *weak);
            if self.in_quote(s.base + w.start) || self.is_noun_use(s, v) {
                continue;
            }
            if phrases.iter().any(|p| p.words.contains(&v)) {
                continue;
            }
            if let Some(d) = self.verb_draft(
                s,
                v,
                lemma,
                role,
                weak,
                &phrases,
                &mut drafts,
                &mut consumed,
                &mut clips,
            ) {
                drafts.push(d);
            }
        }
        for p in &phrases {
            if p.used.get() {
                continue;
            }
            let Some(party) = p.party.clone() else {
                continue;
            };
            if let Some(d) = drafts
                .iter_mut()
                .rev()
                .find(|d| d.attr.start < p.span.start)
            {
                d.chain.insert(0, party);
                d.extra = Some(p.span.clone());
                clips.push(p.clip);
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
            drafts.push(Draft {
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
        // Clip reported content at the next attribution and at trailing attributions.
        let starts: Vec<usize> = drafts.iter().map(|d| d.attr.start).collect();
        for d in drafts.iter_mut() {
            if !d.reported_open {
                continue;
            }
            let mut end = d.content.end;
            for &c in starts.iter().chain(&clips) {
                if c > d.content.start && c < end {
                    end = c;
                }
            }
            d.content = self.trim_content(d.content.start..end);
        }
        drafts.retain(|d| d.content.end > d.content.start);
        drafts.sort_by_key(|d| d.attr.start.min(d.content.start));
        drafts
    }

    #[allow(clippy::too_many_arguments)]
    fn verb_draft(
        &self,
        s: &Sent<'_>,
        v: usize,
        lemma: &str,
        role: SpeechRole,
        weak: bool,
        phrases: &[Phrase],
        drafts: &mut [Draft],
        consumed: &mut HashSet<usize>,
        clips: &mut Vec<usize>,
    ) -> Option<Draft> {
        let w = &s.words[v];
        let mut lemma = lemma.to_owned();
        let mut verb_end = w.end;
        let mut speaker: Option<Party> = None;
        let mut chain: Vec<Party> = Vec::new();
        let mut attr_start = w.start;
        let prev_lower = v.checked_sub(1).map(|p| s.words[p].lower_text());
        let next_lower = s.words.get(v + 1).map(|n| n.lower_text());

        // "..., the Chronicle reported, citing city documents": the source of the
        // statement before.
        let after_comma = s
            .text
            .get(..w.start)
            .is_some_and(|t| t.trim_end().ends_with(','));
        if role == SpeechRole::Conduit && w.text.ends_with("ing") && after_comma {
            if let Some(d) = drafts.last_mut() {
                if let Some((party, end)) = self.np_after(s, v + 1) {
                    if d.speaker.is_none() {
                        d.speaker = Some(party);
                    }
                    let start = d.extra.as_ref().map_or(w.start + s.base, |e| e.start);
                    d.extra = Some(start..s.base + end);
                }
                return None;
            }
        }
        // Passive with an agent: "described by MRTV as", "as reported by X", "a video
        // shown on Zvezda TV".
        let agent = match next_lower {
            Some("by") => true,
            Some("on") => role == SpeechRole::Conduit && w.text.ends_with('n'),
            _ => false,
        };
        if agent && s.text.get(w.end..s.words[v + 1].start) == Some(" ") {
            let (party, end) = self.np_after(s, v + 2)?;
            // "footage broadcast by X showed ...": the main verb carries it
            let k = s.words.partition_point(|x| x.start < end);
            if s.words
                .get(k)
                .is_some_and(|x| self.is_strong_form(x.lower_text()))
            {
                return None;
            }
            verb_end = end;
            match role {
                SpeechRole::Speaker => speaker = Some(party),
                SpeechRole::Conduit => chain.push(party),
            }
        } else {
            // A passive without an agent: "Lee was quoted as saying" makes Lee the
            // speaker; "he was told to leave" is no statement.
            let passive = prev_lower.is_some_and(|p| PASSIVE_AUX.contains(&p));
            let mut role = role;
            if passive {
                let is_as = next_lower == Some("as");
                let inner_verb = s
                    .words
                    .get(v + 2)
                    .and_then(|x| self.lex.forms.get(x.lower_text()));
                match (is_as, inner_verb) {
                    (true, Some((l, _, _))) => {
                        lemma.clone_from(l);
                        consumed.insert(v + 2);
                        verb_end = s.words[v + 2].end;
                        role = SpeechRole::Speaker;
                    }
                    _ => return None,
                }
            }
            // Conduit with an inner speaker: "TASS quoted Fomin as telling".
            let mut inner: Option<(Party, usize)> = None;
            if role == SpeechRole::Conduit {
                if let Some((party, np_end_word)) = self.np_words_after(s, v + 1) {
                    let as_i = np_end_word;
                    let is_as = s
                        .words
                        .get(as_i)
                        .is_some_and(|x| x.text.eq_ignore_ascii_case("as"));
                    let inner_verb = s
                        .words
                        .get(as_i + 1)
                        .and_then(|x| self.lex.forms.get(x.lower_text()));
                    if let (true, Some((l, _, _))) = (is_as, inner_verb) {
                        lemma.clone_from(l);
                        consumed.insert(as_i + 1);
                        verb_end = s.words[as_i + 1].end;
                        inner = Some((party, as_i + 1));
                    }
                }
            }
            let subject = self.subject_before(s, v, phrases);
            let subject = match subject {
                Some(sub) => Some(sub),
                None => self.inverted_or_inherited(s, v, prev_lower, drafts),
            };
            let subject = match subject {
                Some(sub) => Some(sub),
                None => self.fallback_subject(s, v),
            };
            let sub = subject?;
            attr_start = sub.start.min(attr_start);
            if let Some(e) = sub.end {
                verb_end = verb_end.max(e);
            }
            chain.extend(sub.conduits);
            match (role, inner) {
                (_, Some((party, _))) => {
                    chain.push(sub.party);
                    speaker = Some(party);
                }
                (SpeechRole::Speaker, None) => speaker = Some(sub.party),
                (SpeechRole::Conduit, None) => chain.push(sub.party),
            }
        }
        // "in a statement published by Interfax": an outer conduit after the verb.
        let mut content_from = verb_end;
        if let Some((party, end, by)) = self.published_by(s, verb_end) {
            chain.insert(0, party);
            content_from = end;
            consumed.insert(by - 1);
        }
        let attr = s.base + attr_start..s.base + verb_end;
        // A quote that ends right before the speaker: “...,” TASS quoted Fomin.
        if let Some(q) = self.quote_before(s.base + attr_start) {
            return Some(Draft {
                speaker,
                chain,
                verb: lemma,
                attr,
                content: q.content.clone(),
                direct: true,
                reported_open: false,
                extra: None,
            });
        }
        // A trailing attribution: "..., activist groups say." / "..., TASS said, during".
        if self.is_trailing(s, attr_start, content_from) {
            let comma = s.text.get(..attr_start)?.rfind(',')?;
            let start = s.base + self.content_start(s);
            clips.push(s.base + comma);
            if let Some(d) = drafts
                .iter_mut()
                .rev()
                .find(|d| d.attr.end <= s.base + comma)
            {
                let outer = speaker.take().into_iter().chain(chain.drain(..));
                let outer: Vec<Party> = outer.collect();
                for p in outer.into_iter().rev() {
                    d.chain.insert(0, p);
                }
                d.extra = Some(attr);
                return None;
            }
            return Some(Draft {
                speaker,
                chain,
                verb: lemma,
                attr,
                content: start..s.base + comma,
                direct: false,
                reported_open: false,
                extra: None,
            });
        }
        // The clause after the verb: an object for "tell", then "that" or ":".
        let mut k = s.words.partition_point(|x| x.start < content_from);
        if lemma == "tell" {
            k = self.object_end(s, k);
        }
        // "said in a statement that", "wrote on Twitter that": skip to "that"
        let mut that = false;
        for n in 0..6 {
            let Some(x) = s.words.get(k + n) else {
                break;
            };
            if n > 0 {
                let gap = s.text.get(s.words[k + n - 1].end..x.start).unwrap_or(",");
                if gap.trim() != "" {
                    break;
                }
            }
            if x.text.eq_ignore_ascii_case("that") {
                that = true;
                k += n + 1;
                break;
            }
            let lower = x.lower_text();
            if n == 0 && !PREPOSITIONS.contains(&lower) && !self.lex.skip.contains(lower) {
                break;
            }
        }
        let clause_start = s.words.get(k).map_or(s.text.len(), |x| x.start);
        let colon = s
            .text
            .get(content_from..clause_start)
            .is_some_and(|g| g.contains(':'));
        // A quote opening within a few words: direct speech.
        if let Some(q) = self.quote_after(s, content_from) {
            let gap_words = s
                .words
                .iter()
                .filter(|x| x.start >= content_from && s.base + x.end <= q.open)
                .count();
            let before_next_verb = !s.words.iter().skip(v + 1).any(|x| {
                s.base + x.start < q.open
                    && self.lex.forms.contains_key(x.lower_text())
                    && !consumed.contains(&s.words.partition_point(|y| y.start < x.start))
            });
            if before_next_verb && gap_words <= 4 {
                return Some(Draft {
                    speaker,
                    chain,
                    verb: lemma,
                    attr,
                    content: q.content.clone(),
                    direct: true,
                    reported_open: false,
                    extra: None,
                });
            }
        }
        if weak && !that && !colon && !self.sets_figure_at(s, v) {
            return None;
        }
        let end = s.base + s.text.len();
        let start = s.base + clause_start;
        if start >= end {
            return None;
        }
        Some(Draft {
            speaker,
            chain,
            verb: lemma,
            attr,
            content: start..end,
            direct: false,
            reported_open: true,
            extra: None,
        })
    }

    /// The word after the object of "tell" starting at word `k` (a name, a pronoun, or
    /// up to three words ending in a noun for people: "reporters", "the junta leader").
    fn object_end(&self, s: &Sent<'_>, k: usize) -> usize {
        let Some(w) = s.words.get(k) else {
            return k;
        };
        if let Some(m) = s.mentions.iter().find(|m| m.span.start == s.base + w.start) {
            return s.words.partition_point(|x| s.base + x.start < m.span.end);
        }
        for n in 0..3 {
            let Some(x) = s.words.get(k + n) else {
                break;
            };
            let lower = x.lower_text();
            if OBJECTS.contains(&lower) || self.lex.generic.contains(lower) {
                return k + n + 1;
            }
        }
        k
    }

    /// Where a clause that opens the sentence starts: after a dateline ("MOSCOW
    /// (Reuters) –").
    pub(super) fn content_start(&self, s: &Sent<'_>) -> usize {
        static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"^\p{Lu}[\p{Lu}\s.'’-]+(?:,[\p{Lu}\s.'’-]+)*(?:,\s*\p{L}+\.?\s+\d{1,2})?\s*(?:\([^)]*\))?\s*[–—-]+\s*",
            )
                .expect("the dateline pattern is a valid regex")
        });
        DATELINE
            .find(s.text)
            .map_or_else(|| first_word_start(s), |m| m.end())
    }

    /// Whether the verb at word `v` sets a figure "at" a number within its clause: "put
    /// the death toll at 1,200", "estimated the number of dead at about 40".
    fn sets_figure_at(&self, s: &Sent<'_>, v: usize) -> bool {
        if !self.lex.figure_at.contains(s.words[v].lower_text()) {
            return false;
        }
        for i in v + 1..(v + 12).min(s.words.len()) {
            // the object ends at a clause break
            let gap = s
                .text
                .get(s.words[i - 1].end..s.words[i].start)
                .unwrap_or(",");
            if gap.contains([',', ';', ':', '(', '"', '“']) {
                return false;
            }
            if !s.words[i].text.eq_ignore_ascii_case("at") {
                continue;
            }
            // "at 1,650", "at about 300", "at more than 40", "at least 12" ("put it at least")
            return s.words[i + 1..]
                .iter()
                .take(3)
                .any(|x| x.text.starts_with(|c: char| c.is_ascii_digit()));
        }
        false
    }

    /// "in a statement published by X" right after the verb: X and the end of the phrase.
    fn published_by(&self, s: &Sent<'_>, from: usize) -> Option<(Party, usize, usize)> {
        let k = s.words.partition_point(|x| x.start < from);
        for j in k..(k + 6).min(s.words.len()) {
            let w = &s.words[j];
            let gap = s.text.get(s.words[j.saturating_sub(1)].end..w.start)?;
            if j > k && gap.contains([',', '“', '”', '"', '.']) {
                return None;
            }
            if w.text.eq_ignore_ascii_case("by") && j > k {
                let prev = s.words[j - 1].lower_text();
                let conduit = self
                    .lex
                    .forms
                    .get(prev)
                    .is_some_and(|(_, r, _)| *r == SpeechRole::Conduit);
                if conduit {
                    return self.np_after(s, j + 1).map(|(p, e)| (p, e, j));
                }
                return None;
            }
        }
        None
    }

    /// Whether the attribution at `attr_start..verb_end` trails its clause: a comma
    /// before it, words before that, and nothing but adverbials after it.
    fn is_trailing(&self, s: &Sent<'_>, attr_start: usize, verb_end: usize) -> bool {
        let Some(before) = s.text.get(..attr_start) else {
            return false;
        };
        // the subject may carry a role before it: ", council member Dana Price said"
        let Some(comma) = before.rfind(',') else {
            return false;
        };
        let role = before.get(comma + 1..).unwrap_or("");
        let role_ok = role.split_whitespace().take(4).count() <= 3
            && words(role).iter().all(|w| {
                let l = w.lower_text();
                !self.lex.forms.contains_key(l) && !NP_STOPS.contains(&l)
                    || DETERMINERS.contains(&l)
            });
        if !role_ok || before[..comma].split_whitespace().take(3).count() < 3 {
            return false;
        }
        let Some(after) = s.text.get(verb_end..) else {
            return false;
        };
        for w in words(after) {
            let gap_before = after.get(..w.start).unwrap_or("");
            if gap_before.contains([',', '.', ';', ':', '(', '[']) {
                return true;
            }
            if !self.lex.skip.contains(w.lower_text()) {
                return false;
            }
        }
        true
    }
}

fn first_word_start(s: &Sent<'_>) -> usize {
    s.words.first().map_or(0, |w| w.start)
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::show;

    #[test]
    fn reported_speech_with_that() {
        insta::assert_snapshot!(
            show("The county engineer Ruth Obi said that the levee held overnight."),
            @"Ruth Obi [say] reported: the levee held overnight"
        );
    }

    #[test]
    fn trailing_generic_source() {
        insta::assert_snapshot!(
            show("At least 40 homes were flooded in the valley, local officials say."),
            @"local officials [say] reported: At least 40 homes were flooded in the valley"
        );
    }

    #[test]
    fn trailing_conduit_wraps_the_statement_before_it() {
        insta::assert_snapshot!(
            show("Finance minister Karl Berg said the budget would balance by 2026, Bloomberg reported."),
            @"Bloomberg <- Karl Berg [say] reported: the budget would balance by 2026"
        );
    }

    #[test]
    fn conduit_quoted_speaker_as_saying() {
        insta::assert_snapshot!(
            show("Xinhua quoted Wei Lan as saying “the talks were frank.”"),
            @"Xinhua <- Wei Lan [say] quote: the talks were frank."
        );
    }

    #[test]
    fn quote_before_conduit_with_inner_speaker() {
        insta::assert_snapshot!(
            show("“We will rebuild,” AFP quoted Nadia Farouk as telling residents."),
            @"AFP <- Nadia Farouk [tell] quote: We will rebuild,"
        );
    }

    #[test]
    fn statement_published_by_an_agency() {
        insta::assert_snapshot!(
            show("The Premier League said in a statement published by Reuters that the match was off."),
            @"Reuters <- Premier League [say] reported: the match was off"
        );
    }

    #[test]
    fn two_verbs_in_one_sentence_give_two_statements() {
        insta::assert_snapshot!(
            show("Sara Holm called the plan “reckless” and stressed that the city “cannot pay”."),
            @r"
        Sara Holm [call] quote: reckless
        Sara Holm [stress] quote: cannot pay
        "
        );
    }

    #[test]
    fn passive_agent_is_the_speaker() {
        insta::assert_snapshot!(
            show("The damage was described by Ines Duarte as “the worst in decades”."),
            @"Ines Duarte [describe] quote: the worst in decades"
        );
    }

    #[test]
    fn weak_verb_without_quote_or_that_is_not_speech() {
        insta::assert_snapshot!(show("Police put the suspect under arrest and called for calm."), @"");
    }

    #[test]
    fn verb_setting_a_figure_at_a_number_attributes_it() {
        insta::assert_snapshot!(
            show("The Red Cross put the number of injured at 46 late on Friday."),
            @"Red Cross [put] reported: the number of injured at 46 late on Friday"
        );
        insta::assert_snapshot!(
            show("Hospital officials estimated the number of patients at about 90."),
            @"Hospital officials [estimate] reported: the number of patients at about 90"
        );
        insta::assert_snapshot!(
            show("The Finance Ministry pegged the repair bill at 3 million euros."),
            @"Finance Ministry [peg] reported: the repair bill at 3 million euros"
        );
        // no figure after "at": the verb is not a statement
        insta::assert_snapshot!(show("The mayor set the ribbon at the gate."), @"");
        insta::assert_snapshot!(show("They put the boxes at the door, 40 in all."), @"");
    }

    #[test]
    fn citing_names_the_source_of_a_conduit() {
        insta::assert_snapshot!(
            show("The dam will be rebuilt, the Courier reported, citing local officials."),
            @"Courier <- local officials [report] reported: The dam will be rebuilt"
        );
    }

    #[test]
    fn footage_from_a_broadcaster_is_attributed_to_it() {
        insta::assert_snapshot!(
            show("Footage from the broadcaster NTV on Monday showed flooded streets."),
            @"NTV [show] reported: flooded streets"
        );
        insta::assert_snapshot!(
            show("In a clip shown on Rai News, the mayor is seen leaving."),
            @"Rai News [show] reported: the mayor is seen leaving"
        );
    }

    #[test]
    fn day_between_verb_and_that() {
        insta::assert_snapshot!(
            show("Mayor Ivo Tan said Tuesday that the bridge would reopen."),
            @"Ivo Tan [say] reported: the bridge would reopen"
        );
    }

    #[test]
    fn trailing_speaker_with_a_role() {
        insta::assert_snapshot!(
            show("The board approved the plan on Monday, board member Ivo Lentz said."),
            @"Ivo Lentz [say] reported: The board approved the plan on Monday"
        );
    }

    #[test]
    fn dateline_with_date_is_not_part_of_the_content() {
        insta::assert_snapshot!(
            show("QUITO, Feb 7 (AFP) - Six people died in the floods, officials said."),
            @"officials [say] reported: Six people died in the floods"
        );
    }

    #[test]
    fn told_reporters_skips_the_audience() {
        insta::assert_snapshot!(
            show("Coach Lars Berg told reporters the team would appeal."),
            @"Lars Berg [tell] reported: the team would appeal"
        );
    }

    #[test]
    fn trailing_conduit_with_a_day() {
        insta::assert_snapshot!(
            show("Kenya plans to build two dams, state media reported on Sunday, citing officials."),
            @"state media <- officials [report] reported: Kenya plans to build two dams"
        );
    }

    #[test]
    fn passive_speech_verbs() {
        insta::assert_snapshot!(
            show("Omar Haddad was quoted as saying the port was closed."),
            @"Omar Haddad [say] reported: the port was closed"
        );
        insta::assert_snapshot!(show("Omar Haddad was told to leave the port."), @"");
    }

    #[test]
    fn dateline_is_not_part_of_the_content() {
        insta::assert_snapshot!(
            show("LIMA (AFP) – Two bridges collapsed overnight, officials said."),
            @"officials [say] reported: Two bridges collapsed overnight"
        );
    }

    #[test]
    fn that_after_an_adverbial_phrase() {
        insta::assert_snapshot!(
            show("The Harbour Board said in a statement that ferries would resume."),
            @"Harbour Board [say] reported: ferries would resume"
        );
    }

    #[test]
    fn trailing_outlet_after_the() {
        insta::assert_snapshot!(
            show("The repairs will cost $3 million, the Gazette reported."),
            @"Gazette [report] reported: The repairs will cost $3 million"
        );
    }
}

//! Verb patterns: the statements around the speech verbs of one sentence.
//!
//! Input: a prepared sentence, its source phrases and the quotes of the source. Output:
//! drafts in text order. A speech verb yields a draft when a speaker is found: a passive
//! agent ("described by X as"), a conduit with an inner speaker ("TASS quoted X as
//! saying"), or the subject before it. Its content is the quote before the speaker, the
//! clause a trailing attribution closes ("..., officials said"), a quote opening a few
//! words after it, or the clause after it (after "that" or ":" for a weak verb). A
//! trailing conduit or "citing X" adds to the statement before instead.
//!
//! Each pattern is one function over [`Speech`], the verb and the attribution built
//! around it so far, and [`Found`], what the sentence has yielded so far.

use std::collections::HashSet;

use super::lexicon::VerbEntry;
use super::phrases::Phrase;
use super::quotes::Quote;
use super::{Cx, Draft, Sent};
use crate::extract::lexicon::{
    ADVERBIAL_PREPOSITIONS, DETERMINERS, FIGURE_BOUNDS, NP_STOPS, OBJECT_PRONOUNS, PASSIVE_AUX,
};
use crate::extract::Party;
use crate::pack::SpeechRole;
use crate::text::words;
use crate::text::Span;

/// What one sentence has yielded so far: every pattern of every verb in it reads it, and
/// may add to it.
pub(super) struct Found {
    /// The source phrases of the sentence, found before the verbs: "according to X"
    /// inside an appositive belongs to the verb.
    pub(super) phrases: Vec<Phrase>,
    /// The statements found, in the order found.
    pub(super) drafts: Vec<Draft>,
    /// Words that the pattern of an earlier verb took ("saying" in "quoted X as
    /// saying"): not verbs of their own.
    consumed: HashSet<usize>,
    /// Where reported content ends before a trailing attribution.
    pub(super) clips: Vec<usize>,
}

/// A speech verb and the attribution built around it so far (offsets relative to the
/// sentence).
struct Speech {
    /// The word of the verb.
    v: usize,
    /// The lemma the statement takes (the inner verb's in "quoted X as saying").
    lemma: String,
    /// The verb whose lemma the statement takes has an audience for object ("told
    /// reporters").
    takes_audience: bool,
    role: SpeechRole,
    /// A weak verb ("put", "state") speaks only with "that", ":", a quote or a figure.
    weak: bool,
    speaker: Option<Party>,
    /// Conduits, outermost first.
    chain: Vec<Party>,
    /// Where the attribution starts: the verb, or its subject.
    attr_start: usize,
    /// Where the attribution ends: the verb, or a speaker, agent or inner verb after it.
    verb_end: usize,
}

/// How the content of a draft was found.
#[derive(Clone, Copy)]
enum ContentKind {
    /// The words of a quote: direct speech.
    Quote,
    /// A reported clause with its end known (before a trailing attribution).
    Clause,
    /// A reported clause to the end of the sentence, clipped later at the next
    /// attribution.
    OpenClause,
}

impl Speech {
    /// The verb at word `v`, with its lexicon entry (lemma, role, weak), attributed to no
    /// one yet.
    fn new(s: &Sent<'_>, v: usize, entry: &VerbEntry) -> Speech {
        let w = &s.words[v];
        Speech {
            v,
            lemma: entry.lemma.clone(),
            takes_audience: entry.takes_audience,
            role: entry.role,
            weak: entry.weak,
            speaker: None,
            chain: Vec::new(),
            attr_start: w.start,
            verb_end: w.end,
        }
    }

    /// The attribution phrase (absolute).
    fn attr(&self, s: &Sent<'_>) -> Span {
        s.base + self.attr_start..s.base + self.verb_end
    }

    /// The statement of this verb with `content` (absolute), found as `kind`.
    fn draft(self, s: &Sent<'_>, kind: ContentKind, content: Span) -> Draft {
        Draft {
            attr: self.attr(s),
            speaker: self.speaker,
            chain: self.chain,
            verb: self.lemma,
            content,
            direct: matches!(kind, ContentKind::Quote),
            reported_open: matches!(kind, ContentKind::OpenClause),
            extra: None,
        }
    }
}

impl<'a> Cx<'a> {
    /// The statements of one sentence.
    pub(super) fn drafts(&self, s: &Sent<'_>) -> Vec<Draft> {
        let mut found = Found {
            phrases: self.phrases(s),
            drafts: Vec::new(),
            consumed: HashSet::new(),
            clips: Vec::new(),
        };
        for v in 0..s.words.len() {
            if found.consumed.contains(&v) {
                continue;
            }
            let w = &s.words[v];
            let Some(entry) = self.lex.forms.get(w.lower_text()) else {
                continue;
            };
            if self.in_quote(s.base + w.start) || self.is_noun_use(s, v) {
                continue;
            }
            if found.phrases.iter().any(|p| p.words.contains(&v)) {
                continue;
            }
            if let Some(d) = self.verb_draft(s, &mut found, Speech::new(s, v, entry)) {
                found.drafts.push(d);
            }
        }
        self.phrase_drafts(s, &mut found);
        let Found {
            mut drafts, clips, ..
        } = found;
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

    /// The statement of a speech verb, when its patterns find a speaker and content. A
    /// verb may instead add to a statement found before it ("citing X", a trailing
    /// conduit) and yield none of its own.
    fn verb_draft(&self, s: &Sent<'_>, found: &mut Found, mut speech: Speech) -> Option<Draft> {
        if self.citing(s, found, &speech) {
            return None;
        }
        if self.has_agent(s, &speech) {
            self.passive_agent(s, &mut speech)?;
        } else {
            self.subject(s, found, &mut speech)?;
        }
        let content_from = self.publisher_after(s, found, &mut speech);
        // A quote that ends right before the speaker: “...,” TASS quoted Fomin.
        if let Some(q) = self.quote_before(s.base + speech.attr_start) {
            return Some(speech.draft(s, ContentKind::Quote, q.content.clone()));
        }
        if self.is_trailing(s, speech.attr_start, content_from) {
            return self.trailing(s, found, speech);
        }
        self.clause_after(s, found, speech, content_from)
    }

    /// "..., the Chronicle reported, citing city documents": a conduit participle after a
    /// comma names the source of the statement before. Whether the verb is one (and so
    /// yields no statement of its own).
    fn citing(&self, s: &Sent<'_>, found: &mut Found, speech: &Speech) -> bool {
        let w = &s.words[speech.v];
        let after_comma = s
            .text
            .get(..w.start)
            .is_some_and(|t| t.trim_end().ends_with(','));
        if speech.role != SpeechRole::Conduit || !w.text.ends_with("ing") || !after_comma {
            return false;
        }
        let Some(d) = found.drafts.last_mut() else {
            return false;
        };
        if let Some((party, end)) = self.np_after(s, speech.v + 1) {
            if d.speaker.is_none() {
                d.speaker = Some(party);
            }
            let start = d.extra.as_ref().map_or(w.start + s.base, |e| e.start);
            d.extra = Some(start..s.base + end);
        }
        true
    }

    /// Whether a passive agent follows the verb: "described by MRTV as", "as reported by
    /// X", "a video shown on Zvezda TV".
    fn has_agent(&self, s: &Sent<'_>, speech: &Speech) -> bool {
        let w = &s.words[speech.v];
        let agent = match s.words.get(speech.v + 1).map(|n| n.lower_text()) {
            Some("by") => true,
            Some("on") => speech.role == SpeechRole::Conduit && w.text.ends_with('n'),
            _ => false,
        };
        agent && s.text.get(w.end..s.words[speech.v + 1].start) == Some(" ")
    }

    /// The passive agent is the speaker (or the conduit), and the attribution runs to its
    /// end. None when the agent names no party, or when a main verb after it carries the
    /// statement ("footage broadcast by X showed ...").
    fn passive_agent(&self, s: &Sent<'_>, speech: &mut Speech) -> Option<()> {
        let (party, end) = self.np_after(s, speech.v + 2)?;
        let k = s.words.partition_point(|x| x.start < end);
        if s.words
            .get(k)
            .is_some_and(|x| self.is_strong_form(x.lower_text()))
        {
            return None;
        }
        speech.verb_end = end;
        match speech.role {
            SpeechRole::Speaker => speech.speaker = Some(party),
            SpeechRole::Conduit => speech.chain.push(party),
        }
        Some(())
    }

    /// The speaker of a verb without an agent: the subject before it (else the speaker
    /// after it, or of the statement before; else the first name before it), with the
    /// inner speaker a conduit quotes. None when no speaker is found, or for a passive
    /// that is no statement.
    fn subject(&self, s: &Sent<'_>, found: &mut Found, speech: &mut Speech) -> Option<()> {
        let role = self.passive_as(s, found, speech)?;
        let inner = match role {
            SpeechRole::Conduit => self.quoted_as(s, found, speech),
            SpeechRole::Speaker => None,
        };
        let v = speech.v;
        let prev = v.checked_sub(1).map(|p| s.words[p].lower_text());
        let sub = self
            .subject_before(s, v, &found.phrases)
            .or_else(|| self.inverted_or_inherited(s, v, prev, &found.drafts))
            .or_else(|| self.participle_subject(s, v, &found.phrases))
            .or_else(|| self.fallback_subject(s, v))?;
        speech.attr_start = sub.start.min(speech.attr_start);
        if let Some(e) = sub.end {
            speech.verb_end = speech.verb_end.max(e);
        }
        speech.chain.extend(sub.conduits);
        match (role, inner) {
            (_, Some(party)) => {
                speech.chain.push(sub.party);
                speech.speaker = Some(party);
            }
            (SpeechRole::Speaker, None) => speech.speaker = Some(sub.party),
            (SpeechRole::Conduit, None) => speech.chain.push(sub.party),
        }
        Some(())
    }

    /// The role of the verb after a passive auxiliary: "Lee was quoted as saying" makes
    /// Lee the speaker of "saying"; "he was told to leave" is no statement (None). A verb
    /// not after an auxiliary keeps its role.
    fn passive_as(
        &self,
        s: &Sent<'_>,
        found: &mut Found,
        speech: &mut Speech,
    ) -> Option<SpeechRole> {
        let v = speech.v;
        let prev = v.checked_sub(1).map(|p| s.words[p].lower_text());
        if !prev.is_some_and(|p| PASSIVE_AUX.contains(&p)) {
            return Some(speech.role);
        }
        if s.words.get(v + 1).map(|n| n.lower_text()) != Some("as") {
            return None;
        }
        self.verb_after_as(s, found, speech, v + 2)?;
        Some(SpeechRole::Speaker)
    }

    /// The inner speaker of a conduit: Fomin in "TASS quoted Fomin as telling", where the
    /// attribution runs to "telling" and the statement takes its lemma.
    fn quoted_as(&self, s: &Sent<'_>, found: &mut Found, speech: &mut Speech) -> Option<Party> {
        let (party, as_i) = self.np_words_after(s, speech.v + 1)?;
        let is_as = s
            .words
            .get(as_i)
            .is_some_and(|x| x.text.eq_ignore_ascii_case("as"));
        if !is_as {
            return None;
        }
        self.verb_after_as(s, found, speech, as_i + 1)?;
        Some(party)
    }

    /// The speech verb at word `i`, right after "as" ("quoted as saying", "quoted Fomin
    /// as telling"): the statement takes its lemma, the attribution runs to it, and it is
    /// no verb of its own. None when the word is no speech verb.
    fn verb_after_as(
        &self,
        s: &Sent<'_>,
        found: &mut Found,
        speech: &mut Speech,
        i: usize,
    ) -> Option<()> {
        let inner = s
            .words
            .get(i)
            .and_then(|x| self.lex.forms.get(x.lower_text()))?;
        speech.lemma.clone_from(&inner.lemma);
        speech.takes_audience = inner.takes_audience;
        found.consumed.insert(i);
        speech.verb_end = s.words[i].end;
        Some(())
    }

    /// "said in a statement published by Interfax": an outer conduit after the verb,
    /// first in the chain. Where the content may start (after the phrase, or the verb).
    fn publisher_after(&self, s: &Sent<'_>, found: &mut Found, speech: &mut Speech) -> usize {
        let Some((party, end, by)) = self.published_by(s, speech.verb_end) else {
            return speech.verb_end;
        };
        speech.chain.insert(0, party);
        found.consumed.insert(by - 1);
        end
    }

    /// A trailing attribution: "..., activist groups say." / "..., TASS said, during". It
    /// closes the clause before its comma. When a statement was found before the comma,
    /// its parties go first in that statement's chain instead (a conduit of it).
    fn trailing(&self, s: &Sent<'_>, found: &mut Found, speech: Speech) -> Option<Draft> {
        let comma = s.text.get(..speech.attr_start)?.rfind(',')?;
        let start = s.base + self.content_start(s);
        found.clips.push(s.base + comma);
        if let Some(d) = found
            .drafts
            .iter_mut()
            .rev()
            .find(|d| d.attr.end <= s.base + comma)
        {
            d.extra = Some(speech.attr(s));
            let outer = speech.speaker.into_iter().chain(speech.chain);
            d.chain.splice(0..0, outer);
            return None;
        }
        Some(speech.draft(s, ContentKind::Clause, start..s.base + comma))
    }

    /// The clause after the verb: a quote opening within a few words (direct), else the
    /// words to the end of the sentence (reported; a weak verb speaks only with "that",
    /// ":" or a figure set "at" a number).
    fn clause_after(
        &self,
        s: &Sent<'_>,
        found: &Found,
        speech: Speech,
        content_from: usize,
    ) -> Option<Draft> {
        let (clause_start, that) = self.clause_start(s, &speech, content_from);
        let colon = s
            .text
            .get(content_from..clause_start)
            .is_some_and(|g| g.contains(':'));
        if let Some(q) = self.quote_opening(s, found, &speech, content_from) {
            return Some(speech.draft(s, ContentKind::Quote, q.content.clone()));
        }
        if speech.weak && !that && !colon && !self.sets_figure_at(s, speech.v) {
            return None;
        }
        let end = s.base + s.text.len();
        let start = s.base + clause_start;
        if start >= end {
            return None;
        }
        Some(speech.draft(s, ContentKind::OpenClause, start..end))
    }

    /// Where the clause after the verb starts (relative), looking from `content_from`
    /// past the audience of a verb that takes one ("told reporters") and past "that" a few words on ("said in a statement
    /// that", "wrote on Twitter that"), and whether "that" opens it.
    fn clause_start(&self, s: &Sent<'_>, speech: &Speech, content_from: usize) -> (usize, bool) {
        let mut k = s.words.partition_point(|x| x.start < content_from);
        if speech.takes_audience {
            k = self.object_end(s, k);
        }
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
            if n == 0 && !ADVERBIAL_PREPOSITIONS.contains(&lower) && !self.lex.skip.contains(lower)
            {
                break;
            }
        }
        (s.words.get(k).map_or(s.text.len(), |x| x.start), that)
    }

    /// A quote opening after the verb, at most four words on and before any other speech
    /// verb: the verb's direct speech.
    fn quote_opening(
        &self,
        s: &Sent<'_>,
        found: &Found,
        speech: &Speech,
        content_from: usize,
    ) -> Option<&'a Quote> {
        let q = self.quote_after(s, content_from)?;
        let gap_words = s
            .words
            .iter()
            .filter(|x| x.start >= content_from && s.base + x.end <= q.open)
            .count();
        let before_next_verb = !s.words.iter().skip(speech.v + 1).any(|x| {
            s.base + x.start < q.open
                && self.lex.forms.contains_key(x.lower_text())
                && !found
                    .consumed
                    .contains(&s.words.partition_point(|y| y.start < x.start))
        });
        (before_next_verb && gap_words <= 4).then_some(q)
    }

    /// The word after the audience of a verb ("told reporters") starting at word `k` (a name, a pronoun, or
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
            if OBJECT_PRONOUNS.contains(&lower)
                || self.lex.audiences.contains(lower)
                || self.lex.generic.contains(lower)
            {
                return k + n + 1;
            }
        }
        k
    }

    /// Where a clause that opens the sentence starts: after the source's wire dateline
    /// ([`Source::dateline`](crate::ingest::Source), "MOSCOW (Reuters)") and the dash that
    /// follows it, when the sentence opens with them.
    pub(super) fn content_start(&self, s: &Sent<'_>) -> usize {
        self.source
            .dateline
            .as_ref()
            .filter(|d| d.span.start == s.base)
            .and_then(|d| after_dash(s.text.get(d.span.end - s.base..)?))
            .map_or_else(|| first_word_start(s), |rest| s.text.len() - rest.len())
    }

    /// Whether the verb at word `v` sets a figure "at" a number within its clause: "put
    /// the death toll at 1,200", "estimated the number of dead at about 40", or takes a
    /// figure as its object ("estimated 40 dead").
    fn sets_figure_at(&self, s: &Sent<'_>, v: usize) -> bool {
        /// Marks that end the verb's object.
        const CLAUSE_BREAKS: [char; 6] = [',', ';', ':', '(', '"', '“'];
        if !self.lex.figure_at.contains(s.words[v].lower_text()) {
            return false;
        }
        // "organisers estimated some 750,000 people came": the figure is the object,
        // right after the verb or after a word that bounds it ("some", "at least").
        const FIGURE_OBJECT_WORDS: usize = 3;
        let mut figure_object = false;
        let mut end = s.words[v].end;
        for w in s.words[v + 1..].iter().take(FIGURE_OBJECT_WORDS) {
            let gap = s.text.get(end..w.start).unwrap_or(",");
            if gap.contains(CLAUSE_BREAKS) {
                break;
            }
            if w.text.starts_with(|c: char| c.is_ascii_digit()) {
                figure_object = gap.trim().is_empty() || gap.trim() == "$";
                break;
            }
            if !FIGURE_BOUNDS.contains(&w.lower_text()) {
                break;
            }
            end = w.end;
        }
        if figure_object {
            return true;
        }
        for i in v + 1..(v + 12).min(s.words.len()) {
            // the object ends at a clause break
            let gap = s
                .text
                .get(s.words[i - 1].end..s.words[i].start)
                .unwrap_or(",");
            if gap.contains(CLAUSE_BREAKS) {
                return false;
            }
            // "at 1,650", "at about 300", "at more than 40", "at least 12" ("put it at
            // least"); "put that figure nearer to 45,000"
            if !matches!(s.words[i].lower_text(), "at" | "closer" | "nearer" | "near") {
                continue;
            }
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
                    .is_some_and(|e| e.role == SpeechRole::Conduit);
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

pub(super) fn first_word_start(s: &Sent<'_>) -> usize {
    s.words.first().map_or(0, |w| w.start)
}

/// What follows the dash after a dateline (" – The river burst": "The river burst"), or
/// `None` when no dash follows.
fn after_dash(text: &str) -> Option<&str> {
    let rest = text.trim_start();
    let after = rest.trim_start_matches(['–', '—', '-']);
    (after.len() < rest.len()).then(|| after.trim_start())
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
            show("Organisers claimed 90,000, but the police put the figure nearer to 60,000."),
            @"police [put] reported: the figure nearer to 60,000"
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
    fn a_dateline_with_a_country_or_two_places_is_not_part_of_the_content() {
        insta::assert_snapshot!(
            show("ACCRA, Ghana (Coast Wire) — Nine ferries sank in the storm, port officials said."),
            @"port officials [say] reported: Nine ferries sank in the storm"
        );
        insta::assert_snapshot!(
            show("LOME/ACCRA (Coast Wire) – Two ports closed for the week, the agency said."),
            @"agency [say] reported: Two ports closed for the week"
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

    #[test]
    fn a_participle_after_a_main_clause_speaks_for_its_subject() {
        insta::assert_snapshot!(
            show("Dock unions disputed the port's tally, saying only about 900 ships called."),
            @"Dock unions [say] reported: only about 900 ships called"
        );
        insta::assert_snapshot!(
            show("The Lake Ferry Company cut its forecast, saying sales fell 12 percent."),
            @"Lake Ferry Company [say] reported: sales fell 12 percent"
        );
    }

    #[test]
    fn an_estimate_takes_a_figure_as_its_object() {
        insta::assert_snapshot!(
            show("Stewards estimated some 40,000 fans filled the stadium."),
            @"Stewards [estimate] reported: some 40,000 fans filled the stadium"
        );
    }
}

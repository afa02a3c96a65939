//! Subjects and noun phrases: who speaks through a speech verb.
//!
//! Input: a prepared sentence with its mentions and the index of a word. Output: the
//! [`Subject`] of a verb (the party, where its phrase starts, conduits met in an
//! appositive), or the party a noun phrase names with where the phrase ends. A party is
//! a person or organisation mention, a generic source ("activist groups", with no
//! kind), or a pronoun resolved to the person or organisation named last before it.

use super::phrases::Phrase;
use super::{Cx, Draft, Sent};
use crate::extract::lexicon::{
    ADVERBIAL_PREPOSITIONS, COORDINATORS, DETERMINERS, NP_LEFT_STOPS, NP_STOPS,
};
use crate::extract::{Mention, Party};
use crate::normalize::fold;
use crate::pack::EntityKind;

/// The subject found before a verb.
pub(super) struct Subject {
    pub(super) party: Party,
    pub(super) start: usize,
    /// End of the speaker when written after the verb (`,” said Fomin`).
    pub(super) end: Option<usize>,
    pub(super) conduits: Vec<Party>,
}

impl<'a> Cx<'a> {
    /// The speaker written before verb `v`, skipping adverbials and an appositive.
    pub(super) fn subject_before(
        &self,
        s: &Sent<'_>,
        v: usize,
        phrases: &[Phrase],
    ) -> Option<Subject> {
        let mut conduits = Vec::new();
        let mut j = v;
        let mut cursor = s.words[v].start;
        let mut allow_comma = false;
        let mut appositives = 0;
        // "Health officials in Gaza say": a place after a preposition qualifies the
        // source before it; the source's name runs to the end of the place.
        let mut qualifier_end: Option<usize> = None;
        while j > 0 {
            let w = &s.words[j - 1];
            let gap = s.text.get(w.end..cursor)?;
            if gap.contains(['“', '”', '"']) {
                return None;
            }
            if gap.contains(',') && !allow_comma {
                // an appositive: ", a representative for X," / ", according to MRTV,"
                if appositives > 0 {
                    return None;
                }
                appositives += 1;
                let k = self.appositive_start(s, j, phrases, &mut conduits)?;
                j = k;
                cursor = s.words[k].start;
                allow_comma = true;
                continue;
            }
            allow_comma = false;
            let lower = w.lower_text();
            if let Some(m) = s
                .mentions
                .iter()
                .find(|m| m.span.start <= s.base + w.start && s.base + w.start < m.span.end)
            {
                if m.kind == EntityKind::Title {
                    return None;
                }
                let first = s.words.partition_point(|x| s.base + x.start < m.span.start);
                let prep = first.checked_sub(1).filter(|&p| {
                    ADVERBIAL_PREPOSITIONS.contains(&s.words[p].lower_text())
                        && s.text.get(s.words[p].end..s.words[first].start) == Some(" ")
                });
                if let (EntityKind::Place, Some(p), None) = (m.kind, prep, qualifier_end) {
                    qualifier_end = Some(m.span.end);
                    j = p;
                    cursor = s.words[p].start;
                    continue;
                }
                let start = self.np_start(s, m);
                return Some(Subject {
                    party: party_of(m),
                    start,
                    end: None,
                    conduits,
                });
            }
            if let Some(p) = self.pronoun(s, j - 1) {
                return Some(Subject {
                    party: p,
                    start: w.start,
                    end: None,
                    conduits,
                });
            }
            if self.lex.generic.contains(lower) {
                let (mut party, start) = self.generic_np(s, j - 1)?;
                if let (Some(end), None) = (qualifier_end, party.kind) {
                    if let Some(name) = s.text.get(start..end - s.base) {
                        party.name = name.to_owned();
                        party.key = fold(name);
                        party.span = Some(s.base + start..end);
                    }
                }
                return Some(Subject {
                    party,
                    start,
                    end: None,
                    conduits,
                });
            }
            if qualifier_end.is_none() {
                if let Some(p) = self.lowercase_place(s, j) {
                    qualifier_end = Some(s.base + w.end);
                    j = p;
                    cursor = s.words[p].start;
                    continue;
                }
            }
            if let Some((party, start)) = self.familiar_source(s, j) {
                return Some(Subject {
                    party,
                    start,
                    end: None,
                    conduits,
                });
            }
            if self.lex.skip.contains(lower) {
                j -= 1;
                cursor = w.start;
                continue;
            }
            return None;
        }
        None
    }

    /// Where an appositive that ends before word `j` starts (", a representative for X,",
    /// ", 45,", ", according to MRTV,"), met walking back from a verb to its subject. A
    /// source phrase there is a conduit of the subject (and no statement of its own).
    /// None when the words after the comma open no appositive.
    fn appositive_start(
        &self,
        s: &Sent<'_>,
        j: usize,
        phrases: &[Phrase],
        conduits: &mut Vec<Party>,
    ) -> Option<usize> {
        let k = (j.saturating_sub(12)..j).rev().find(|&k| {
            k > 0
                && s.text
                    .get(s.words[k - 1].end..s.words[k].start)
                    .is_some_and(|g| g.contains(','))
        })?;
        let first = s.words[k].lower_text();
        if let Some(p) = phrases.iter().find(|p| p.words.first() == Some(&k)) {
            p.used.set(true);
            if let Some(party) = p.party.clone() {
                conduits.push(party);
            }
        } else if !(DETERMINERS.contains(&first)
            || first.chars().all(|c| c.is_ascii_digit())
            || ["who", "which", "whose", "himself", "herself"].contains(&first))
        {
            return None;
        }
        Some(k)
    }

    /// "rescue workers in the rebel-held northwest said": a source qualified by a place
    /// written in lowercase that ends at word `j - 1`. The preposition that opens the
    /// place, right after a generic source.
    fn lowercase_place(&self, s: &Sent<'_>, j: usize) -> Option<usize> {
        let p = (j.saturating_sub(5)..j - 1).rev().find(|&p| {
            p > 0
                && ADVERBIAL_PREPOSITIONS.contains(&s.words[p].lower_text())
                && self.lex.generic.contains(s.words[p - 1].lower_text())
        })?;
        let plain = s
            .text
            .get(s.words[p].start..s.words[j - 1].end)
            .is_some_and(|t| !t.contains([',', '“', '”', '"', ';']));
        plain.then_some(p)
    }

    /// "a source familiar with the matter said": the source and where it starts, when
    /// word `j - 1` ends such a phrase.
    fn familiar_source(&self, s: &Sent<'_>, j: usize) -> Option<(Party, usize)> {
        let topic = matches!(
            s.words[j - 1].lower_text(),
            "matter"
                | "situation"
                | "plans"
                | "talks"
                | "discussions"
                | "negotiations"
                | "investigation"
                | "decision"
        );
        if j < 4 || !topic {
            return None;
        }
        let close = s.words[j - 4].lower_text();
        let with = s.words[j - 3].lower_text();
        if !(matches!(close, "familiar" | "close") && matches!(with, "with" | "to")) {
            return None;
        }
        j.checked_sub(5).and_then(|h| self.generic_np(s, h))
    }

    /// Start of a subject noun phrase ending in a mention: include a possessive or
    /// modifier run right before it ("state-run TASS", "Russia’s defence ministry").
    fn np_start(&self, s: &Sent<'_>, m: &Mention) -> usize {
        let mut rel = m.span.start - s.base;
        if let Some(t) = &m.title {
            let before = s.text.get(..rel).unwrap_or("");
            let trimmed = before.trim_end_matches([' ', ',']);
            if trimmed.ends_with(&**t) && before.len() - trimmed.len() <= 2 {
                rel = trimmed.len() - t.len();
            }
        }
        let k = s.words.partition_point(|x| x.start < rel);
        if k == 0 {
            return rel;
        }
        let w = &s.words[k - 1];
        let glued = s.text.get(w.end..rel) == Some(" ");
        if glued && (w.possessive || w.text.contains('-')) {
            w.start
        } else {
            rel
        }
    }

    /// A generic source ending at word `h` ("activist groups", "Myanmar state media"),
    /// or `None` when indefinite ("a statement").
    fn generic_np(&self, s: &Sent<'_>, h: usize) -> Option<(Party, usize)> {
        let mut start = h;
        while start > 0 && h - start < 3 {
            let w = &s.words[start - 1];
            if s.text.get(w.end..s.words[start].start) != Some(" ") {
                break;
            }
            let lower = w.lower_text();
            // "WHO officials": a capitalised modifier is never a stop word
            let written_lower = w.text.chars().next().is_some_and(char::is_lowercase);
            let opener = !written_lower
                && self.lex.not_names.contains(lower)
                && !crate::normalize::is_acronym(w.text);
            if DETERMINERS.contains(&lower)
                || opener
                || written_lower
                    && (self.lex.skip.contains(lower)
                        || NP_STOPS.contains(&lower)
                        || NP_LEFT_STOPS.contains(&lower)
                        || self.is_strong_form(lower))
            {
                break;
            }
            start -= 1;
        }
        // "some 750,000 people showed up": a head after a figure is what is counted,
        // not a source.
        let numeric = |w: &crate::text::Word<'_>| w.text.starts_with(|c: char| c.is_ascii_digit());
        let after_figure = start.checked_sub(1).is_some_and(|p| {
            numeric(&s.words[p]) && s.text.get(s.words[p].end..s.words[start].start) == Some(" ")
        });
        if after_figure || s.words[start..=h].iter().any(numeric) {
            return None;
        }
        // "issued a statement saying": an indefinite object is not a speaker, but "A
        // ministry spokesman said" opening a clause is.
        if let Some(p) = start.checked_sub(1) {
            let article = matches!(s.words[p].text, "a" | "an");
            let opens_clause = p == 0
                || s.text
                    .get(s.words[p - 1].end..s.words[p].start)
                    .is_some_and(|g| g.contains([',', ';', ':']));
            if article && !opens_clause {
                return None;
            }
        }
        // "The MRTV report said": the named outlet is the source.
        let span = s.base + s.words[start].start..s.base + s.words[h].end;
        if let Some(m) = s
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .find(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Person))
        {
            return Some((party_of(m), s.words[start].start));
        }
        let name = s.text.get(s.words[start].start..s.words[h].end)?.to_owned();
        Some((
            Party {
                key: fold(&name),
                name,
                kind: None,
                span: Some(span),
            },
            s.words[start].start,
        ))
    }

    /// A pronoun subject at word `k`, resolved to the person (he, she) or organisation
    /// (it) named last before it: the first such mention of the nearest sentence that
    /// has one, which prefers the subject of that sentence.
    fn pronoun(&self, s: &Sent<'_>, k: usize) -> Option<Party> {
        let w = &s.words[k];
        let kind = match w.lower_text() {
            "he" | "she" => EntityKind::Person,
            "it" => EntityKind::Organization,
            _ => return None,
        };
        let at = s.base + w.start;
        let same: Vec<&Mention> = s
            .mentions
            .iter()
            .copied()
            .filter(|m| m.kind == kind && m.span.end <= at)
            .collect();
        let found = if let Some(m) = same.first() {
            Some(*m)
        } else {
            (s.i.saturating_sub(10)..s.i)
                .rev()
                .find_map(|i| self.mentions_in(i).into_iter().find(|m| m.kind == kind))
        }?;
        Some(Party {
            name: found.canonical.to_string(),
            key: found.key.to_string(),
            kind: Some(kind),
            span: Some(at..s.base + w.end),
        })
    }

    /// ", saying ..." after a main clause: the participle speaks for the subject of the
    /// sentence ("Union leaders rejected the city's count, saying only 9,000 came"). The
    /// subject is a party (a name or an unnamed source) opening the sentence right before
    /// its first lowercase word; the attribution is the participle alone, so figures in the
    /// main clause between them stay outside it.
    pub(super) fn participle_subject(
        &self,
        s: &Sent<'_>,
        v: usize,
        phrases: &[Phrase],
    ) -> Option<Subject> {
        let w = &s.words[v];
        if !w.lower_text().ends_with("ing") || !s.text.get(..w.start)?.trim_end().ends_with(',') {
            return None;
        }
        const SUBJECT_WORDS: usize = 8;
        for k in 1..v.min(SUBJECT_WORDS) {
            let (prev, next) = (&s.words[k - 1], &s.words[k]);
            if s.text.get(prev.end..next.start)?.trim() != "" {
                return None;
            }
            let lower = next.lower_text();
            if next.text.starts_with(|c: char| c.is_uppercase())
                || DETERMINERS.contains(&lower)
                || ADVERBIAL_PREPOSITIONS.contains(&lower)
                || COORDINATORS.contains(&lower)
                || self.lex.generic.contains(lower)
            {
                continue;
            }
            let party_ends_here = self.lex.generic.contains(prev.lower_text())
                || s.mentions.iter().any(|m| {
                    m.span.end == s.base + prev.end
                        && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                });
            if !party_ends_here {
                return None;
            }
            let sub = self.subject_before(s, k, phrases)?;
            return Some(Subject {
                start: w.start,
                end: None,
                ..sub
            });
        }
        None
    }

    /// `,” said Fomin` (speaker after the verb) or `... and emphasised` (the speaker of
    /// the statement before, in the same sentence).
    pub(super) fn inverted_or_inherited(
        &self,
        s: &Sent<'_>,
        v: usize,
        prev: Option<&str>,
        drafts: &[Draft],
    ) -> Option<Subject> {
        let w = &s.words[v];
        let before = s.text.get(..w.start)?.trim_end();
        if before.ends_with([',', '”', '"']) || before.is_empty() {
            if let Some(n) = s.words.get(v + 1) {
                if let Some(m) = s
                    .mentions
                    .iter()
                    .find(|m| m.span.start == s.base + n.start)
                    .filter(|m| matches!(m.kind, EntityKind::Person | EntityKind::Organization))
                {
                    return Some(Subject {
                        party: party_of(m),
                        start: w.start,
                        end: Some(m.span.end - s.base),
                        conduits: Vec::new(),
                    });
                }
            }
        }
        if prev.is_some_and(|p| COORDINATORS.contains(&p)) {
            let d = drafts.last()?;
            let party = d.speaker.clone().or_else(|| d.chain.last().cloned())?;
            return Some(Subject {
                party,
                start: w.start,
                end: None,
                conduits: Vec::new(),
            });
        }
        None
    }

    /// The first person (else organisation) named before verb `v`, outside quotes: the
    /// subject of a sentence whose verb is far from it ("X, ..., reciprocated by calling").
    pub(super) fn fallback_subject(&self, s: &Sent<'_>, v: usize) -> Option<Subject> {
        let at = s.base + s.words[v].start;
        let after_preposition = |m: &Mention| {
            let rel = m.span.start - s.base;
            let k = s.words.partition_point(|x| x.start < rel);
            let mut j = k;
            while j > 0 && DETERMINERS.contains(&s.words[j - 1].lower_text()) {
                j -= 1;
            }
            j > 0 && ADVERBIAL_PREPOSITIONS.contains(&s.words[j - 1].lower_text())
        };
        let pick = |kind: EntityKind| {
            s.mentions.iter().find(|m| {
                m.kind == kind
                    && m.span.end <= at
                    && !self.in_quote(m.span.start)
                    && !after_preposition(m)
            })
        };
        let m = pick(EntityKind::Person).or_else(|| pick(EntityKind::Organization))?;
        // only a subject set off by commas ("X, ..., reciprocated by calling") or a
        // few words from the verb
        let between = s.text.get(m.span.end - s.base..s.words[v].start)?;
        let by_ing = between.trim_end().ends_with(" by") && s.words[v].text.ends_with("ing");
        if !between.contains(',') && !by_ing && between.split_whitespace().count() > 3 {
            return None;
        }
        Some(Subject {
            party: party_of(m),
            start: m.span.start - s.base,
            end: None,
            conduits: Vec::new(),
        })
    }

    /// The party named by the noun phrase starting at word `k` and the end (relative) of
    /// that phrase: its last organisation or person, else a generic source, else any name.
    pub(super) fn np_after(&self, s: &Sent<'_>, k: usize) -> Option<(Party, usize)> {
        let (party, end_word) = self.np_words_after(s, k)?;
        let end = s.words.get(end_word - 1).map_or(s.text.len(), |w| w.end);
        Some((party, end))
    }

    /// Like [`Cx::np_after`], returning the index of the first word after the phrase.
    pub(super) fn np_words_after(&self, s: &Sent<'_>, k: usize) -> Option<(Party, usize)> {
        let mut e = k;
        while e < s.words.len() {
            let w = &s.words[e];
            if e > k {
                let gap = s.text.get(s.words[e - 1].end..w.start)?;
                if gap.contains([',', '.', ';', ':', '“', '”', '"', '(', ')', '–', '—']) {
                    break;
                }
            }
            let inside = s
                .mentions
                .iter()
                .any(|m| m.span.start < s.base + w.start && s.base + w.start < m.span.end);
            let lower = w.lower_text();
            if !inside && e > k && (NP_STOPS.contains(&lower) || self.is_strong_form(lower)) {
                break;
            }
            e += 1;
            if e - k > 10 {
                return None;
            }
        }
        if e == k {
            return None;
        }
        let span = s.base + s.words[k].start..s.base + s.words[e - 1].end;
        let inner: Vec<&&Mention> = s
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .collect();
        let last_word = s.words[e - 1].lower_text();
        if let Some(m) = inner
            .iter()
            .rev()
            .find(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Person))
        {
            if !self.lex.generic.contains(last_word) || m.span.end == span.end {
                return Some((party_of(m), e));
            }
        }
        if self.lex.generic.contains(last_word) {
            if let Some((p, _)) = self.generic_np(s, e - 1) {
                return Some((p, e));
            }
        }
        if let Some(m) = inner.last() {
            return Some((party_of(m), e));
        }
        if let Some(p) = self.pronoun(s, k) {
            return Some((p, k + 1));
        }
        None
    }
}

fn party_of(m: &Mention) -> Party {
    Party {
        name: m.text.to_string(),
        key: m.key.to_string(),
        kind: Some(m.kind),
        span: Some(m.span.clone()),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::{show, statements};

    #[test]
    fn appositive_between_speaker_and_verb() {
        insta::assert_snapshot!(
            show("Maria Lopez, a spokeswoman for the Red Cross, said supplies were low."),
            @"Maria Lopez [say] reported: supplies were low"
        );
    }

    #[test]
    fn according_to_inside_an_appositive_is_a_conduit() {
        insta::assert_snapshot!(
            show("Governor Ben Cole, according to NHK, told officials he would resign."),
            @"NHK <- Ben Cole [tell] reported: he would resign"
        );
    }

    #[test]
    fn pronoun_speaker_resolves_to_the_subject_of_the_sentence_before() {
        insta::assert_snapshot!(
            show("Tariq Noor met Elena Sousa in Lisbon. He called the deal “a turning point”."),
            @"Tariq Noor [call] quote: a turning point"
        );
    }

    #[test]
    fn indefinite_generic_speaker_opening_the_sentence() {
        insta::assert_snapshot!(
            show("A police spokesman, who declined to be named, said two men were held."),
            @"police spokesman [say] reported: two men were held"
        );
    }

    #[test]
    fn generic_source_qualified_by_a_place() {
        insta::assert_snapshot!(
            show("Health officials in Tigray say 40 people have died."),
            @"Health officials in Tigray [say] reported: 40 people have died"
        );
    }

    #[test]
    fn source_familiar_with_the_matter() {
        insta::assert_snapshot!(
            show("The merger will close in May, a source familiar with the matter said."),
            @"source [say] reported: The merger will close in May"
        );
    }

    #[test]
    fn sentence_opener_is_not_part_of_a_generic_source() {
        insta::assert_snapshot!(
            show("But officials said the road was open."),
            @"officials [say] reported: the road was open"
        );
    }

    #[test]
    fn source_qualified_by_a_lowercase_place() {
        insta::assert_snapshot!(
            show("Medics said 12 died, while volunteers in the flooded south said 30 had died."),
            @r"
        Medics [say] reported: 12 died
        volunteers in the flooded south [say] reported: 30 had died
        "
        );
    }

    #[test]
    fn subject_of_a_by_participle() {
        insta::assert_snapshot!(
            show("The Daily Mirror defended the story by arguing that it was true."),
            @"Daily Mirror [argue] reported: it was true"
        );
    }

    #[test]
    fn inverted_speaker_is_inside_the_attribution_span() {
        let (source, claims) = statements("“Nobody warned us,” said Ada Kim, a nurse.");
        let a = claims[0]
            .attribution
            .as_ref()
            .map(|a| &source.text[a.span.clone()]);
        assert_eq!(a, Some("said Ada Kim"));
    }

    #[test]
    fn age_appositive_between_speaker_and_verb() {
        insta::assert_snapshot!(
            show("Lina Sato, 45, said she had not been told."),
            @"Lina Sato [say] reported: she had not been told"
        );
    }

    #[test]
    fn speaker_is_not_taken_from_a_prepositional_phrase() {
        insta::assert_snapshot!(
            show("In an interview with the BBC, the minister said the plan was unworkable."),
            @"minister [say] reported: the plan was unworkable"
        );
    }

    #[test]
    fn generic_parties_share_a_folded_key() {
        let (_, claims) = statements("Forty people died, rights groups say.");
        let key = claims[0]
            .attribution
            .as_ref()
            .and_then(|a| a.speaker.as_ref())
            .map(|p| p.key.clone());
        assert_eq!(key.as_deref(), Some("rights groups"));
    }
}

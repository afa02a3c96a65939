//! The speech lexicon: what the pack lists (speech verbs and their forms, source
//! phrases, generic sources, words to skip, data nouns and their links), prepared once
//! per pack; the grammar words the patterns read are in [`crate::extract::lexicon`].
//!
//! Input: a [`Pack`]. Output: a [`Lexicon`], the word lists, and whether a word of a
//! sentence is a speech verb used as a verb (not "a report", "state media").

use std::collections::HashSet;

use super::{Cx, Sent};
use crate::extract::lexicon::DETERMINERS;
use crate::pack::{Pack, SpeechRole};
use rustc_hash::FxHashMap;

/// Speech lexicon of a pack, prepared once.
pub(super) struct Lexicon {
    /// Lowercase form → its verb.
    pub(super) forms: FxHashMap<String, VerbEntry>,
    /// Lowercase forms of verbs that set a figure "at" a number ("put", "estimated").
    pub(super) figure_at: HashSet<String>,
    pub(super) skip: HashSet<String>,
    pub(super) generic: HashSet<String>,
    /// Objects of "tell" that are its audience ("reporters"), from the pack.
    pub(super) audiences: HashSet<String>,
    pub(super) not_names: HashSet<String>,
    pub(super) phrases: Vec<Vec<String>>,
    /// "figures", "data": published figures whose source follows a link word.
    pub(super) data_nouns: HashSet<String>,
    /// "from", "released by": the links, as words.
    pub(super) data_links: Vec<Vec<String>>,
}

/// A speech verb as the patterns read it.
pub(super) struct VerbEntry {
    /// The dictionary form the statement takes ("say").
    pub(super) lemma: String,
    pub(super) role: SpeechRole,
    /// Speaks only with "that", ":", a quote or a figure.
    pub(super) weak: bool,
    /// Its object is an audience before what is said ("told reporters the team ...").
    pub(super) takes_audience: bool,
}

impl Lexicon {
    pub(super) fn new(pack: &Pack) -> Lexicon {
        let mut forms = FxHashMap::default();
        let mut figure_at = HashSet::new();
        for v in &pack.speech_verbs {
            for f in &v.forms {
                forms.entry(f.to_lowercase()).or_insert_with(|| VerbEntry {
                    lemma: v.lemma.clone(),
                    role: v.role,
                    weak: v.weak,
                    takes_audience: v.takes_audience,
                });
                if v.figure_at {
                    figure_at.insert(f.to_lowercase());
                }
            }
        }
        Lexicon {
            forms,
            figure_at,
            skip: pack.speech_skip.iter().cloned().collect(),
            audiences: pack.speech_audiences.iter().cloned().collect(),
            not_names: pack
                .entities
                .not_names
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            generic: pack
                .entities
                .generic_sources
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            phrases: pack
                .source_phrases
                .iter()
                .map(|p| p.split_whitespace().map(str::to_owned).collect())
                .collect(),
            data_nouns: pack.data_nouns.iter().cloned().collect(),
            data_links: pack
                .data_links
                .iter()
                .map(|p| p.split_whitespace().map(str::to_owned).collect())
                .collect(),
        }
    }
}

impl<'a> Cx<'a> {
    /// Whether `lower` is a form of a speech verb that is not weak ("said", not "state").
    pub(super) fn is_strong_form(&self, lower: &str) -> bool {
        self.lex.forms.get(lower).is_some_and(|e| !e.weak)
    }

    /// Whether a verb form is used as a noun here ("a report", "reports of").
    pub(super) fn is_noun_use(&self, s: &Sent<'_>, v: usize) -> bool {
        let prev = v.checked_sub(1).map(|p| s.words[p].lower_text());
        let next = s.words.get(v + 1).map(|n| n.lower_text());
        if prev.is_some_and(|p| DETERMINERS.contains(&p)) {
            return true;
        }
        if next == Some("of") {
            return true;
        }
        // "The MRTV report said": a form followed by a verb is its subject
        let glued = s
            .words
            .get(v + 1)
            .and_then(|n| s.text.get(s.words[v].end..n.start))
            == Some(" ");
        if glued && next.is_some_and(|n| self.is_strong_form(n)) {
            return true;
        }
        // "state-run", "state media": a word glued by a hyphen is not a verb
        let w = &s.words[v];
        w.text.contains('-')
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::show;

    #[test]
    fn noun_uses_of_verb_forms_are_not_speech() {
        insta::assert_snapshot!(show("The report of the committee is due in June."), @"");
        insta::assert_snapshot!(
            show("The NHK report said the dam was safe."),
            @"NHK [say] reported: the dam was safe"
        );
    }
}

//! The entity lexicon of a pack, prepared once: titles, organisation, place and event
//! words, connectors, alias phrases, and the tests a capitalised run is put to (its
//! title, its kind, whether a speech verb follows).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::normalize::{fold, is_acronym};
use crate::pack::{EntityKind, Pack};
use crate::text::Word;

/// The entity lexicon of a pack, prepared once.
pub(super) struct Lexicon {
    titles: Vec<Vec<String>>,
    /// Indices in `titles` (in its order) by first word: a title can only match words
    /// starting with its first word.
    titles_by_first: FxHashMap<String, Vec<usize>>,
    /// Whether some title has no words (it would match anywhere).
    empty_title: bool,
    pub(super) org_words: FxHashSet<String>,
    pub(super) outlets: FxHashSet<String>,
    place_words: FxHashSet<String>,
    event_words: FxHashSet<String>,
    place_cues: FxHashSet<String>,
    pub(super) connectors: FxHashSet<String>,
    pub(super) org_joiners: FxHashSet<String>,
    pub(super) not_names: FxHashSet<String>,
    pub(super) adjective_endings: Vec<String>,
    speech_forms: FxHashSet<String>,
    speech_skip: FxHashSet<String>,
    all_speech_forms: FxHashSet<String>,
    pub(super) generic: FxHashSet<String>,
    pub(super) aliases: AhoCorasick,
    pub(super) alias_filter: crate::text::PhraseFilter,
    pub(super) alias_kinds: Vec<EntityKind>,
}

impl Lexicon {
    pub(super) fn new(pack: &Pack) -> Lexicon {
        let e = &pack.entities;
        let set =
            |v: &[String]| -> FxHashSet<String> { v.iter().map(|w| w.to_lowercase()).collect() };
        let mut titles: Vec<Vec<String>> = e
            .titles
            .iter()
            .map(|t| t.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        titles.sort_by_key(|t: &Vec<String>| std::cmp::Reverse(t.len()));
        let mut titles_by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in titles.iter().enumerate() {
            if let Some(w) = t.first() {
                titles_by_first.entry(w.clone()).or_default().push(i);
            }
        }
        let empty_title = titles.iter().any(Vec::is_empty);
        let mut patterns = Vec::new();
        let mut alias_kinds = Vec::new();
        for a in &pack.aliases {
            for v in std::iter::once(&a.canonical).chain(&a.variants) {
                // Only lowercase phrases: capitalised names are found as runs.
                if v.chars().next().is_some_and(char::is_lowercase) {
                    patterns.push(v.clone());
                    alias_kinds.push(a.kind);
                }
            }
        }
        #[allow(clippy::expect_used)]
        let aliases = AhoCorasickBuilder::new()
            // a full DFA: one table step per byte of every sentence, built once per pack
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("alias phrases build an automaton");
        Lexicon {
            titles,
            titles_by_first,
            empty_title,
            org_words: set(&e.organization_words),
            outlets: e.outlets.iter().map(|o| fold(o)).collect(),
            place_words: set(&e.place_words),
            event_words: set(&e.event_words),
            place_cues: set(&e.place_cues),
            connectors: set(&e.connectors),
            org_joiners: set(&e.org_joiners),
            not_names: set(&e.not_names),
            adjective_endings: e
                .adjective_endings
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            speech_forms: pack
                .speech_verbs
                .iter()
                .filter(|v| !v.weak)
                .flat_map(|v| v.forms.iter().cloned())
                .collect(),
            speech_skip: pack.speech_skip.iter().cloned().collect(),
            all_speech_forms: pack
                .speech_verbs
                .iter()
                .flat_map(|v| v.forms.iter().cloned())
                .collect(),
            generic: set(&e.generic_sources),
            alias_filter: crate::text::PhraseFilter::new(&patterns),
            aliases,
            alias_kinds,
        }
    }

    /// Whether a strong speech verb follows word index `from`, past adverbials
    /// ("Smith later said").
    pub(super) fn speaks_after(&self, words: &[Word<'_>], from: usize) -> bool {
        for w in words.iter().skip(from).take(4) {
            let lower = w.lower();
            if self.all_speech_forms.contains(lower) {
                return true;
            }
            let number = lower.chars().all(|c| c.is_ascii_digit());
            if !self.speech_skip.contains(lower) && !number {
                return false;
            }
        }
        false
    }

    /// Whether a single word is a national or other adjective ("Turkish", "Chinese").
    fn is_adjective(&self, w: &Word<'_>) -> bool {
        let lower = w.lower();
        self.adjective_endings
            .iter()
            .any(|e| lower.ends_with(e.as_str()))
    }

    /// Number of leading words of a capitalised run that are the title of the name after
    /// them: a listed title, or titles in a row ("Chief Minister"), after a national
    /// adjective ("Turkish President Tayyip Erdogan") or after the body the holder
    /// belongs to ("Electoral Council President Ana Ruiz", "Harbour Trust Chief
    /// Executive Tom Okafor"). Zero when what follows names an organisation ("Justice
    /// Ministry" is not Mr Ministry with the title Justice), and a title after other
    /// words needs two name words after it.
    pub(super) fn title_words(&self, ws: &[Word<'_>]) -> usize {
        let is_org = |w: &Word<'_>| self.org_words.contains(w.lower());
        let chain = |from: usize| {
            let mut end = from + self.title_prefix(&ws[from..]);
            while end > from && end < ws.len() {
                let more = self.title_prefix(&ws[end..]);
                if more == 0 || end + more >= ws.len() {
                    break;
                }
                end += more;
            }
            end
        };
        // found once, so that a long run costs linear time
        let last_org = ws.iter().rposition(is_org);
        let name_after =
            |end: usize, min: usize| ws.len() >= end + min && last_org.is_none_or(|i| i < end);
        let end = chain(0);
        if end > 0 {
            return if name_after(end, 0) { end } else { 0 };
        }
        if ws.len() > 2 && self.is_adjective(&ws[0]) {
            let end = chain(1);
            if end > 1 && name_after(end, 1) {
                return end;
            }
        }
        for from in 1..ws.len().saturating_sub(2) {
            if ws[from - 1].possessive || self.connectors.contains(ws[from].lower()) {
                continue;
            }
            let end = chain(from);
            if end > from && name_after(end, 2) {
                return end;
            }
        }
        0
    }

    /// Number of leading words of `ws` that form the longest title before a name (a
    /// capitalised word, or nothing).
    fn title_prefix(&self, ws: &[Word<'_>]) -> usize {
        self.title_prefix_before(ws, |next| next.is_none_or(Word::is_cap))
    }

    /// Number of leading words of `ws` that form the longest title in an appositive
    /// ("head of the Harbour Trust", "a spokesman"): the title ends the words or "of",
    /// "for" or "at" follows it.
    pub(super) fn appositive_title(&self, ws: &[Word<'_>]) -> usize {
        self.title_prefix_before(ws, |next| {
            next.is_none_or(|w| matches!(w.lower(), "of" | "for" | "at"))
        })
    }

    /// Number of leading words of `ws` that form the longest title with `follows` true of
    /// the word after it.
    fn title_prefix_before(
        &self,
        ws: &[Word<'_>],
        follows: impl Fn(Option<&Word<'_>>) -> bool,
    ) -> usize {
        // Only titles starting with the first word can match (all of them when a title
        // is empty), tried in the same order.
        let candidates: Box<dyn Iterator<Item = &Vec<String>>> = match ws.first() {
            Some(w) if !self.empty_title => Box::new(
                self.titles_by_first
                    .get(w.lower())
                    .into_iter()
                    .flatten()
                    .filter_map(|&i| self.titles.get(i)),
            ),
            _ => Box::new(self.titles.iter()),
        };
        for t in candidates {
            if t.len() <= ws.len()
                && t.iter().zip(ws).all(|(a, w)| *a == w.lower())
                && !ws[..t.len()].iter().any(|w| w.possessive)
                && follows(ws.get(t.len()))
            {
                return t.len();
            }
        }
        0
    }

    /// A lowercase title right before word `at` (after a space or ", ").
    pub(super) fn title_before(&self, text: &str, words: &[Word<'_>], at: usize) -> Option<String> {
        let first = words.get(at)?;
        let mut j = at;
        let mut cursor = first.start;
        let mut seq: Vec<usize> = Vec::new();
        while j > 0 && seq.len() < 4 {
            let w = &words[j - 1];
            let gap = &text[w.end..cursor];
            let ok_gap = gap == " " || (seq.is_empty() && gap == ", ");
            if !ok_gap || w.is_cap() || w.possessive && !seq.is_empty() {
                break;
            }
            seq.push(j - 1);
            cursor = w.start;
            j -= 1;
        }
        seq.reverse();
        // the longest suffix of `seq` that is a title
        for k in 0..seq.len() {
            if !self.titles_by_first.contains_key(words[seq[k]].lower()) {
                continue; // no title starts with this word
            }
            let cand: Vec<String> = seq[k..]
                .iter()
                .map(|&i| words[i].lower().to_owned())
                .collect();
            if self
                .titles_by_first
                .get(&cand[0])
                .is_some_and(|ids| ids.iter().any(|&t| self.titles.get(t) == Some(&cand)))
            {
                let s = words[seq[k]].start;
                let e = words[seq[seq.len() - 1]].end;
                return Some(text[s..e].to_owned());
            }
        }
        None
    }

    pub(super) fn classify(
        &self,
        ws: &[Word<'_>],
        titled: bool,
        outlet: bool,
        prev: Option<&Word<'_>>,
        next: Option<&Word<'_>>,
        _text: &str,
    ) -> EntityKind {
        let lower: Vec<&str> = ws.iter().map(Word::lower).collect();
        if outlet || lower.iter().any(|w| self.org_words.contains(*w)) {
            return EntityKind::Organization;
        }
        if lower.last().is_some_and(|w| self.event_words.contains(*w)) {
            return EntityKind::Event;
        }
        if titled {
            return EntityKind::Person;
        }
        if ws.len() == 1 && is_acronym(ws[0].text) {
            return EntityKind::Organization;
        }
        if lower.iter().any(|w| self.place_words.contains(*w)) {
            return EntityKind::Place;
        }
        if prev.is_some_and(|p| self.place_cues.contains(p.lower_text())) {
            return EntityKind::Place;
        }
        // "the Chronicle reported": a single name after "the" is an organisation
        if ws.len() == 1 && prev.is_some_and(|p| p.text == "the") {
            return EntityKind::Organization;
        }
        let speaks = next.is_some_and(|n| self.speech_forms.contains(n.lower()));
        let significant = lower
            .iter()
            .filter(|w| !self.connectors.contains(**w))
            .count();
        if speaks || (significant >= 2 && significant == lower.len()) {
            return EntityKind::Person;
        }
        if significant >= 2 {
            return EntityKind::Organization;
        }
        EntityKind::Place
    }
}

//! Stories: which sources report the same story, so that figures of one earthquake are
//! never compared with figures of another when a corpus mixes stories.
//!
//! Two sources are in one story when they share at least [`SHARED_NAMES`] names (people,
//! organisations, places) that are rare in the corpus: a name in more than
//! [`rare_limit`] sources (a wire agency, the UN) says nothing about the story. A source
//! that links to no other joins the biggest story, so that nothing is left uncompared;
//! a handful of articles about one story is always one story.

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};

use super::block::UnionFind;
use crate::extract::{Extraction, Mention};
use crate::ingest::Source;
use crate::pack::EntityKind;

/// Names two sources must share to be put in one story.
pub(crate) const SHARED_NAMES: usize = 2;

/// The most sources a name may appear in and still tell stories apart.
pub(crate) fn rare_limit(sources: usize) -> usize {
    (sources / 64).max(64)
}

/// The mentions of a source's `text` that can tell stories apart. Not a name in brackets
/// (the outlet of a dateline, "(Global Desk)", which publishes every story), nor a lone
/// word that the text capitalises only where a sentence opens ("Tents were set up",
/// "Engineers warned", "More than 1,050"): most likely a common noun, shared by every story
/// of its kind. The text is searched once, for all such words together.
fn telling<'m>(mentions: &'m [Mention], text: &str) -> Vec<&'m Mention> {
    let bracketed = |m: &Mention| {
        text.get(..m.span.start)
            .unwrap_or("")
            .trim_end()
            .ends_with('(')
    };
    let opener =
        |m: &Mention| !m.text.trim().contains(char::is_whitespace) && opens(text, m.span.start);
    let mut openers: Vec<&str> = mentions
        .iter()
        .filter(|m| !bracketed(m) && opener(m))
        .map(|m| m.text.trim())
        .filter(|w| !w.is_empty())
        .collect();
    openers.sort_unstable();
    openers.dedup();
    // the opening words the text also writes capitalised mid-sentence
    let mut mid: FxHashSet<&str> = FxHashSet::default();
    // built for one pass over one text: an NFA, which costs a fraction of a DFA to build
    let ac = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(&openers);
    if let Ok(ac) = ac {
        for found in ac.find_overlapping_iter(text) {
            let (at, end) = (found.start(), found.end());
            if crate::text::is_whole_word(text, at, end) && !opens(text, at) {
                if let Some(w) = openers.get(found.pattern().as_usize()) {
                    mid.insert(w);
                }
            }
        }
    }
    mentions
        .iter()
        .filter(|m| !bracketed(m) && (!opener(m) || mid.contains(m.text.trim())))
        .collect()
}

/// Whether byte `at` of `text` opens a sentence or a clause in quotes or brackets.
fn opens(text: &str, at: usize) -> bool {
    text.get(..at)
        .unwrap_or("")
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| ".!?:;–—\"“”(".contains(c))
}

/// The names of a source (its text and extraction) that can put it in a story with
/// another: the keys of its telling people, organisations and places, sorted. Two sources
/// are linked when they share [`SHARED_NAMES`] keys that are rare in the corpus.
pub(crate) fn story_keys<'e>(text: &str, ex: &'e Extraction) -> BTreeSet<&'e str> {
    telling(&ex.mentions, text)
        .into_iter()
        .filter(|m| {
            matches!(
                m.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Place
            )
        })
        .map(|m| &*m.key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The story of each source (an index into the stories, which are numbered from the
/// story holding the smallest source id), and the number of stories.
pub(crate) fn stories(sources: &[Source], extractions: &[Extraction]) -> (Vec<usize>, usize) {
    let n = extractions.len();
    let names: Vec<BTreeSet<&str>> = extractions
        .iter()
        .enumerate()
        .map(|(i, ex)| story_keys(sources.get(i).map_or("", |s| s.text.as_str()), ex))
        .collect();
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (s, keys) in names.iter().enumerate() {
        for k in keys {
            postings.entry(k).or_default().push(s);
        }
    }
    let limit = rare_limit(n);
    let mut uf = UnionFind::new(n);
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for list in postings
        .values()
        .filter(|l| l.len() >= 2 && l.len() <= limit)
    {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let count = shared.entry((a, b)).or_insert(0);
                *count += 1;
                if *count == SHARED_NAMES {
                    uf.union(a, b);
                }
            }
        }
    }
    let mut components = uf.components();
    let id = |s: usize| sources.get(s).map_or("", |src| src.id.as_str());
    // Lone sources join the biggest story (ties: the one with the smallest source id).
    let (alone, mut linked): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        components.drain(..).partition(|c| c.len() == 1);
    let first_id = |c: &Vec<usize>| c.iter().map(|&s| id(s)).min().unwrap_or("");
    let biggest = linked
        .iter()
        .enumerate()
        .max_by(|(_, a), (_, b)| {
            a.len()
                .cmp(&b.len())
                .then_with(|| first_id(b).cmp(first_id(a)))
        })
        .map(|(i, _)| i);
    match biggest {
        Some(i) => linked[i].extend(alone.into_iter().flatten()),
        None => linked.push(alone.into_iter().flatten().collect()),
    }
    linked.retain(|c| !c.is_empty());
    linked.sort_by(|a, b| first_id(a).cmp(first_id(b)));
    let mut story = vec![0; n];
    for (i, c) in linked.iter().enumerate() {
        for &s in c {
            story[s] = i;
        }
    }
    (story, linked.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;

    fn source(id: &str, names: &[&str]) -> (Source, Extraction) {
        let pack = Pack::default_pack();
        let text = format!("News from {}.", names.join(" and "));
        let src = Source::from_text(id, &format!("{id}.txt"), &text, &pack);
        let mut ex = Extraction::default();
        for n in names {
            let start = text.find(n).unwrap_or(0);
            let span = start..start + n.len();
            ex.mentions.push(Mention {
                sentence_span: crate::extract::entity::sentence_around(&text, span.clone(), &pack),
                span,
                text: (*n).into(),
                key: n.to_lowercase().into(),
                canonical: n.to_lowercase().into(),
                kind: EntityKind::Place,
                title: None,
                sentence: 0,
            });
        }
        (src, ex)
    }

    fn run(docs: &[(&str, &[&str])]) -> (Vec<usize>, usize) {
        let (sources, extractions): (Vec<Source>, Vec<Extraction>) =
            docs.iter().map(|(id, names)| source(id, names)).unzip();
        stories(&sources, &extractions)
    }

    #[test]
    fn sentence_openers_and_bracketed_outlets_do_not_tell_stories() {
        let pack = Pack::default_pack();
        let text = "PELU (Global Desk) – Tents were set up. Engineers warned. Aid reached \
                    Mipele. Mipele is cut off. Vinka was hit.";
        let src = Source::from_text("a", "a.txt", text, &pack);
        let mention = |word: &str| {
            let start = text.find(word).unwrap_or(0);
            let span = start..start + word.len();
            Mention {
                sentence_span: crate::extract::entity::sentence_around(text, span.clone(), &pack),
                span,
                text: word.into(),
                key: word.to_lowercase().into(),
                canonical: word.to_lowercase().into(),
                kind: EntityKind::Place,
                title: None,
                sentence: 0,
            }
        };
        let mentions: Vec<Mention> = ["Global Desk", "Tents", "Engineers", "Mipele", "Vinka"]
            .into_iter()
            .map(mention)
            .collect();
        let telling_words: Vec<&str> = telling(&mentions, &src.text)
            .into_iter()
            .map(|m| &*m.text)
            .collect();
        // Mipele is also written mid-sentence; Vinka only opens a sentence
        assert_eq!(telling_words, ["Mipele"]);
    }

    #[test]
    fn sources_sharing_two_names_are_one_story_and_others_another() {
        let (story, n) = run(&[
            ("a", &["Mipele", "Tavu", "Ana Oru"]),
            ("b", &["Tavu", "Mipele"]),
            ("c", &["Kessa", "Lorn", "Ana Oru"]),
            ("d", &["Lorn", "Kessa"]),
        ]);
        assert_eq!(n, 2);
        assert_eq!(story, [0, 0, 1, 1]);
    }

    #[test]
    fn a_source_sharing_nothing_joins_the_biggest_story() {
        let (story, n) = run(&[
            ("a", &["Mipele", "Tavu"]),
            ("b", &["Tavu", "Mipele"]),
            ("c", &["Mipele", "Tavu"]),
            ("d", &["Kessa", "Lorn"]),
            ("e", &["Lorn", "Kessa"]),
            ("z", &[]),
        ]);
        assert_eq!(n, 2);
        assert_eq!(story, [0, 0, 0, 1, 1, 0]);
    }

    #[test]
    fn sources_without_names_are_one_story() {
        let (story, n) = run(&[("a", &[]), ("b", &[])]);
        assert_eq!((story, n), (vec![0, 0], 1));
    }

    #[test]
    fn the_story_partition_does_not_depend_on_input_order() {
        let docs: [(&str, &[&str]); 4] = [
            ("a", &["Mipele", "Tavu"]),
            ("b", &["Tavu", "Mipele"]),
            ("c", &["Kessa", "Lorn"]),
            ("d", &["Lorn", "Kessa"]),
        ];
        let (fwd, _) = run(&docs);
        let mut rev = docs;
        rev.reverse();
        let (back, _) = run(&rev);
        let back: Vec<usize> = back.into_iter().rev().collect();
        assert_eq!(fwd, back);
    }
}

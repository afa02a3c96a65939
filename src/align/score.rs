//! Fuzzy scores used inside a block: token-stem overlap for sentences and statements,
//! Jaro-Winkler for names. Scores are in [0, 1]; nothing here allocates per pair beyond
//! the two inputs.

use crate::normalize;

/// Two folded names at or above this Jaro-Winkler similarity are merged as one entity.
///
/// 0.93 joins transliterations and one-letter spelling variants ("aleksandr fomin" /
/// "alexander fomin" ≈ 0.94, "naypyitaw" / "naypyidaw" ≈ 0.96) while keeping apart
/// names that share only a prefix ("austria" / "australia" ≈ 0.91).
pub(crate) const NAME_MERGE_THRESHOLD: f64 = 0.93;

/// Statements by the same speaker whose stem overlap reaches this are one statement
/// rendered in different words (translations share few words, hence the low bar).
pub(crate) const SAME_SPEAKER_STATEMENT: f64 = 0.3;

/// When each of two sources quotes a speaker directly only once, the two quotes need
/// only this overlap: two translations of one line share little more than a noun or two
/// ("widen and deepen its military partnership" / "expand and strengthen military
/// cooperation").
pub(crate) const SOLE_QUOTE_STATEMENT: f64 = 0.1;

/// Statements by different (or unknown) speakers need this much overlap to be grouped.
pub(crate) const OTHER_SPEAKER_STATEMENT: f64 = 0.6;

/// A set of short keys that is scored by overlap many times over: every key of at most
/// 15 bytes is one `u128` (its bytes, then its length in the last byte), so an
/// intersection merges integers; the rare longer key (a long number, an entity key) is
/// kept apart as a string. Both lists are sorted and free of repeats. The order is not
/// the strings' order and nothing relies on it: only sizes and overlaps are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct StemSet {
    short: Vec<u128>,
    long: Vec<String>,
}

impl StemSet {
    /// The set of `keys`.
    pub(crate) fn new<I, S>(keys: I) -> StemSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = StemSet::default();
        for k in keys {
            set.push(k.as_ref());
        }
        set.finish();
        set
    }

    /// Sorts the lists and drops repeats after a run of `push`.
    fn finish(&mut self) {
        self.short.sort_unstable();
        self.short.dedup();
        self.long.sort_unstable();
        self.long.dedup();
    }

    /// Adds one key, leaving the lists unsorted until `finish`.
    fn push(&mut self, key: &str) {
        match pack(key) {
            Some(v) => self.short.push(v),
            None => self.long.push(key.to_owned()),
        }
    }

    /// How many keys the set holds.
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Whether the set holds no key.
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes of every key, in the set's own order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = KeyBytes<'_>> + '_ {
        self.short
            .iter()
            .map(|&v| KeyBytes::Short(v.to_be_bytes()))
            .chain(self.long.iter().map(|s| KeyBytes::Long(s.as_bytes())))
    }
}

/// One key of a [`StemSet`], as bytes.
pub(crate) enum KeyBytes<'a> {
    /// A packed key: its bytes, then padding, then its length in the last byte.
    Short([u8; 16]),
    /// A key longer than 15 bytes.
    Long(&'a [u8]),
}

impl KeyBytes<'_> {
    /// The key's bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            KeyBytes::Short(b) => &b[..usize::from(b[15])],
            KeyBytes::Long(b) => b,
        }
    }
}

/// A key of at most 15 bytes as one integer: distinct keys give distinct integers,
/// since the length is part of it.
fn pack(key: &str) -> Option<u128> {
    let b = key.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut w = [0u8; 16];
    w[..b.len()].copy_from_slice(b);
    w[15] = b.len() as u8;
    Some(u128::from_be_bytes(w))
}

/// Content stems of a text: folded word tokens of five or more characters cut to their
/// first four ("strategy" and "strategic" meet, so do "Ivorians" and "Ivoire"), and
/// numbers whole. Short words are mostly function words and add noise.
pub(crate) fn stems(text: &str) -> StemSet {
    let mut set = StemSet::default();
    each_stem(text, |t| set.push(t));
    set.finish();
    set
}

/// [`stems`] without the numbers: the words a figure's sentence says about it.
pub(crate) fn word_stems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_stem(text, |t| {
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            out.push(t.to_owned());
        }
    });
    out
}

/// Calls `f` with each stem of [`stems`], repeats included, as a slice of one folded
/// copy of the text.
fn each_stem(text: &str, mut f: impl FnMut(&str)) {
    let folded = normalize::fold(text);
    for t in folded.split(|c: char| !c.is_alphanumeric()) {
        if t.is_empty() {
            continue;
        }
        if t.chars().all(|c| c.is_ascii_digit()) {
            f(t);
        } else if let Some((fifth, _)) = t.char_indices().nth(4) {
            // five characters or more: the four before the fifth
            f(&t[..fifth]);
        }
    }
}

/// Jaccard overlap of two stem sets; 0 when both are empty.
pub(crate) fn jaccard(a: &StemSet, b: &StemSet) -> f64 {
    let inter = merge_count(&a.short, &b.short) + merge_count(&a.long, &b.long);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// How many items two sorted, repeat-free slices share.
fn merge_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    use std::cmp::Ordering;
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Similarity of two names already folded by [`folded_words`] (case, accents, a leading
/// "the"): callers fold each name once and compare it with several others.
pub(crate) fn key_similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b)
}

/// [`key_similarity`] of two names as written.
#[cfg(test)]
fn name_similarity(a: &str, b: &str) -> f64 {
    key_similarity(&folded_words(a), &folded_words(b))
}

/// The folded words of a name or a statement, one space between them: no case, accents,
/// leading "the", possessive or punctuation ("The Defence Ministry's" → "defence
/// ministry"). What names are compared by ([`key_similarity`]) and wordings grouped by.
pub(crate) fn folded_words(name: &str) -> String {
    let folded = normalize::fold(name);
    let folded = folded.strip_prefix("the ").unwrap_or(&folded);
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("'"))
        .unwrap_or(folded);
    // the alphanumeric runs, one space between them
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// How a name is spelled, for telling spellings apart: case, a leading "the", a
/// possessive and the shape of apostrophes and spaces are ignored, accents are not
/// ("Konan-Diabaté" and "Konan-Diabate" are two spellings).
pub(crate) fn spelling_key(name: &str) -> String {
    let lower: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_of_one_statement_share_stems() {
        // "policy" and "political" meet on their stem, as "strategy" and "strategic" would
        let a = stems(
            "determined to follow a policy of deepening the partnership between the two countries",
        );
        let b = stems(
            "holds to the political course of expanding the partnership between the two countries",
        );
        assert!(
            jaccard(&a, &b) >= SAME_SPEAKER_STATEMENT,
            "{}",
            jaccard(&a, &b)
        );
    }

    #[test]
    fn two_translations_of_a_victory_line_share_stems() {
        let a = stems("Ivorians have chosen stability, and we will not betray their trust");
        let b = stems(
            "The people of the republic chose stability, and we shall not betray that confidence",
        );
        assert!(
            jaccard(&a, &b) >= SAME_SPEAKER_STATEMENT,
            "{}",
            jaccard(&a, &b)
        );
    }

    #[test]
    fn unrelated_statements_do_not_share_stems() {
        let a = stems("the bridge will reopen next spring after repairs");
        let b = stems("we will not negotiate with the rebels under any condition");
        assert!(jaccard(&a, &b) < SAME_SPEAKER_STATEMENT);
    }

    proptest::proptest! {
        #[test]
        fn stem_sets_hold_and_share_what_string_sets_do(
            a in proptest::collection::vec("[a\\x00b0-9é]{0,20}", 0..12),
            b in proptest::collection::vec("[a\\x00b0-9é]{0,20}", 0..12),
        ) {
            use std::collections::BTreeSet;
            let (sa, sb): (BTreeSet<&String>, BTreeSet<&String>) =
                (a.iter().collect(), b.iter().collect());
            let (ta, tb) = (StemSet::new(&a), StemSet::new(&b));
            proptest::prop_assert_eq!(ta.len(), sa.len());
            let keys: BTreeSet<Vec<u8>> = ta.keys().map(|k| k.bytes().to_vec()).collect();
            let want: BTreeSet<Vec<u8>> = sa.iter().map(|s| s.as_bytes().to_vec()).collect();
            proptest::prop_assert_eq!(keys, want);
            let inter = sa.intersection(&sb).count();
            let union = sa.union(&sb).count();
            let expected = if union == 0 { 0.0 } else { inter as f64 / union as f64 };
            proptest::prop_assert_eq!(jaccard(&ta, &tb), expected);
        }
    }

    #[test]
    fn stems_are_four_letter_heads_of_long_words_and_whole_numbers() {
        let got: Vec<Vec<u8>> = {
            let mut v: Vec<Vec<u8>> =
                stems("The Strategic 2024 plan, année 1234567890123456789 ok")
                    .keys()
                    .map(|k| k.bytes().to_vec())
                    .collect();
            v.sort();
            v
        };
        let want: Vec<Vec<u8>> = ["1234567890123456789", "2024", "anne", "stra"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        assert_eq!(got, want);
        assert_eq!(
            word_stems("killed 320 people in Duala"),
            ["kill", "peop", "dual"]
        );
    }

    #[test]
    fn transliterated_names_merge_but_prefix_sharing_names_do_not() {
        assert!(name_similarity("Aleksandr Fomin", "Alexander Fomin") >= NAME_MERGE_THRESHOLD);
        assert!(name_similarity("Naypyitaw", "Naypyidaw") >= NAME_MERGE_THRESHOLD);
        assert!(name_similarity("Austria", "Australia") < NAME_MERGE_THRESHOLD);
        assert!(name_similarity("John Smith", "Jane Smith") < NAME_MERGE_THRESHOLD);
    }

    #[test]
    fn spelling_key_keeps_accents_but_not_case_or_possessive() {
        assert_ne!(spelling_key("Konan-Diabaté"), spelling_key("Konan-Diabate"));
        assert_eq!(
            spelling_key("the Defence Ministry’s"),
            spelling_key("Defence Ministry")
        );
    }

    #[test]
    fn folded_words_ignore_case_article_and_possessive() {
        assert_eq!(folded_words("The Defence Ministry's"), "defence ministry");
        assert_eq!(folded_words("Côte d’Ivoire"), "cote d ivoire");
    }
}

//! Fuzzy scores used inside a block: token-stem overlap for sentences and statements,
//! Jaro-Winkler for names. Scores are in [0, 1]; nothing here allocates per pair beyond
//! the two inputs.

use std::collections::BTreeSet;

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

/// Content stems of a text: folded word tokens of five or more characters cut to their
/// first four ("strategy" and "strategic" meet, so do "Ivorians" and "Ivoire"), and
/// numbers whole. Short words are mostly function words and add noise.
pub(crate) fn stems(text: &str) -> BTreeSet<String> {
    normalize::tokens(text)
        .into_iter()
        .filter_map(|t| {
            if t.chars().all(|c| c.is_ascii_digit()) {
                Some(t)
            } else if t.chars().count() >= 5 {
                Some(t.chars().take(4).collect())
            } else {
                None
            }
        })
        .collect()
}

/// Jaccard overlap of two stem sets; 0 when both are empty.
pub(crate) fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let inter = intersection_count(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// `a.intersection(b).count()`, merging the two sorted sets with a comparison that reads
/// the first eight bytes of each stem as one integer: stems are short, and the general
/// string order calls `memcmp` for every step of the merge.
fn intersection_count(a: &BTreeSet<String>, b: &BTreeSet<String>) -> usize {
    use std::cmp::Ordering;
    fn head(s: &str) -> u64 {
        let b = s.as_bytes();
        let mut w = [0u8; 8];
        let n = b.len().min(8);
        w[..n].copy_from_slice(&b[..n]);
        u64::from_be_bytes(w)
    }
    // Byte order of the padded heads is the strings' order, except that a tie may be a
    // prefix or a NUL-padding coincidence: the full comparison settles it.
    let cmp = |x: &String, y: &String| match head(x).cmp(&head(y)) {
        Ordering::Equal if x.len() <= 8 && x.len() == y.len() => Ordering::Equal,
        Ordering::Equal => x.as_bytes().cmp(y.as_bytes()),
        o => o,
    };
    let (mut ia, mut ib) = (a.iter(), b.iter());
    let (mut x, mut y) = (ia.next(), ib.next());
    let mut n = 0;
    while let (Some(p), Some(q)) = (x, y) {
        match cmp(p, q) {
            Ordering::Less => x = ia.next(),
            Ordering::Greater => y = ib.next(),
            Ordering::Equal => {
                n += 1;
                x = ia.next();
                y = ib.next();
            }
        }
    }
    n
}

/// Similarity of two names after folding (case, accents, a leading "the").
pub(crate) fn name_similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&name_key(a), &name_key(b))
}

/// The folded form of a name used to tell spellings apart: no case, accents, leading
/// "the", possessive or punctuation.
pub(crate) fn name_key(name: &str) -> String {
    let folded = normalize::fold(name);
    let folded = folded.strip_prefix("the ").unwrap_or(&folded);
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("'"))
        .unwrap_or(folded);
    folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
        let a = stems(
            "committed to a strategy aimed at bolstering relations between the two countries",
        );
        let b = stems(
            "adheres to the strategic course of enhancing relations between the two countries",
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
        fn intersection_count_is_the_sets_intersection(
            a in proptest::collection::btree_set("[a\\x00b0-9]{0,12}", 0..12),
            b in proptest::collection::btree_set("[a\\x00b0-9]{0,12}", 0..12),
        ) {
            proptest::prop_assert_eq!(intersection_count(&a, &b), a.intersection(&b).count());
        }
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
    fn name_key_ignores_case_article_and_possessive() {
        assert_eq!(name_key("The Defence Ministry's"), "defence ministry");
        assert_eq!(name_key("Côte d’Ivoire"), "cote d ivoire");
    }
}

//! Fuzzy scores used inside a block: token-stem overlap for sentences and statements,
//! Jaro-Winkler for names. Scores are in [0, 1]; nothing here allocates per pair beyond
//! the two inputs.

use crate::normalize;
use crate::normalize::stems::StemSet;

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

/// Words in quotation marks that make a reported statement partly a quote: the count
/// "never came near 40% of the roll" quotes the speaker's own words.
const QUOTED_WORDS_MIN: usize = 4;

/// Whether a reported wording holds a quotation of at least [`QUOTED_WORDS_MIN`] words
/// (in straight or curly double quotes): the speaker's own words, not a scare quote.
pub(crate) fn quotes_words(text: &str) -> bool {
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"' | '\u{201c}', None) => open = Some(i + c.len_utf8()),
            ('"' | '\u{201d}', Some(start)) => {
                let inner = text.get(start..i).unwrap_or("");
                if inner.split_whitespace().count() >= QUOTED_WORDS_MIN {
                    return true;
                }
                open = None;
            }
            _ => {}
        }
    }
    // a quotation left open at the end of the wording
    open.is_some_and(|start| {
        text.get(start..)
            .is_some_and(|t| t.split_whitespace().count() >= QUOTED_WORDS_MIN)
    })
}

/// Jaccard overlap of two stem sets; 0 when both are empty.
pub(crate) fn jaccard(a: &StemSet, b: &StemSet) -> f64 {
    let inter = a.shared(b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
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

/// How a name is spelled, for telling spellings apart: the case of a word's first letter
/// and of a word in capitals ("SEOUL" in a dateline, "Ferry Disaster" in a headline), a
/// leading "the", a possessive and the shape of apostrophes and spaces are ignored;
/// accents and the case inside a word are not ("Konan-Diabaté" and "Konan-Diabate",
/// "Gyeong-Og" and "Gyeong-og", "McAllister" and "Mcallister" are two spellings each).
pub(crate) fn spelling_key(name: &str) -> String {
    let plain: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            c => c,
        })
        .collect();
    let words: Vec<String> = plain.split_whitespace().map(word_spelling).collect();
    let mut key = words.join(" ");
    if let Some(rest) = key.strip_prefix("the ") {
        key = rest.to_owned();
    }
    if let Some(rest) = key.strip_suffix("'s").or_else(|| key.strip_suffix('\'')) {
        key = rest.to_owned();
    }
    key
}

/// Lowercase words that may follow a name and its class word ("the Alder Tower building
/// in the port", "the Kestrel ferry was"); any other lowercase word makes the class word a
/// modifier of a compound ("the Kestrel ferry disaster").
const AFTER_A_NAME: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "off",
    "near",
    "outside",
    "inside",
    "was",
    "were",
    "is",
    "are",
    "has",
    "had",
    "have",
    "which",
    "that",
    "where",
    "who",
    "and",
    "or",
    "but",
    "with",
    "to",
    "for",
    "from",
    "by",
    "as",
    "when",
    "after",
    "before",
    "since",
    "into",
    "onto",
    "said",
    "says",
    "been",
    "will",
    "would",
    "could",
    "can",
    "collapsed",
    "sank",
    "capsized",
];

/// A name's form for telling forms apart: its [`spelling_key`] with a lowercase class
/// word written right after it or before it ("Alder Tower building", "the building Alder
/// Tower", "the island of Varn", "a ferry named Kestrel"), the form as shown, and whether
/// it holds a class word. A name written with a word for what it is and without one are
/// two forms of it. A class word after the name names the thing only when no other noun
/// follows it ("the Varn ferry sinking" is a sinking) and the name is not a place's (in
/// "the collapsed Varnland building" it says where).
pub(crate) fn written_form(
    text: &str,
    mention: &crate::extract::Mention,
    entities: &crate::pack::Entities,
) -> (String, String, bool) {
    let key = spelling_key(&mention.text);
    let is_in = |list: &[String], w: &str| {
        !w.is_empty()
            && !w.chars().any(char::is_uppercase)
            && list.iter().any(|c| c.eq_ignore_ascii_case(w))
    };
    let is_class = |w: &str| is_in(&entities.class_words, w);
    let is_class_before = |w: &str| is_class(w) || is_in(&entities.class_words_before, w);
    let quotes: &[char] = &['\'', '\u{2018}', '\u{2019}', '"', '\u{201c}', '\u{201d}'];
    // after: "Alder Tower building", "the 'Kestrel' ferry"
    let after = (mention.kind != crate::pack::EntityKind::Place)
        .then(|| text.get(mention.span.end..))
        .flatten();
    if let Some(rest) = after {
        let rest = rest.strip_prefix(quotes).unwrap_or(rest);
        if let Some(rest) = rest.strip_prefix(' ') {
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            let tail = &rest[word.len()..];
            let next = tail.chars().next();
            let then: String = tail
                .strip_prefix(' ')
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let compound =
                then.starts_with(char::is_lowercase) && !AFTER_A_NAME.contains(&then.as_str());
            if is_class(&word)
                && !compound
                && !next.is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                return (
                    format!("{key} {word}"),
                    format!("{} {word}", mention.text),
                    true,
                );
            }
        }
    }
    // before: "the building Alder Tower", "the island of Varn", "a ferry named Kestrel"
    let head = text.get(..mention.span.start).unwrap_or("");
    let head = head.strip_suffix(quotes).unwrap_or(head);
    let mut words = head
        .strip_suffix(' ')
        .unwrap_or("")
        .rsplit(' ')
        .take(2)
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphabetic()));
    let (w1, w2) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let before = if is_class_before(w1) {
        Some(w1.to_owned())
    } else if matches!(w1, "of" | "named" | "called") && is_class_before(w2) {
        Some(format!("{w2} {w1}"))
    } else {
        None
    };
    match before {
        Some(b) => (format!("{b} {key}"), format!("{b} {}", mention.text), true),
        None => (key, mention.text.to_string(), false),
    }
}

/// One word of [`spelling_key`]: lower case when written in capitals, else with its first
/// letter lowered and the rest as written.
fn word_spelling(word: &str) -> String {
    if !word.chars().any(char::is_lowercase) {
        return word.chars().flat_map(char::to_lowercase).collect();
    }
    let mut chars = word.chars();
    chars
        .next()
        .into_iter()
        .flat_map(char::to_lowercase)
        .chain(chars)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::stems::stems;

    #[test]
    fn a_quotation_of_several_words_makes_a_wording_partly_a_quote() {
        assert!(quotes_words(
            "the count \"never came near half the roll\" on Sunday"
        ));
        assert!(quotes_words(
            "the count \u{201c}never came near half the roll"
        ));
        assert!(!quotes_words("a \"historic\" turnout, the mayor said"));
        assert!(!quotes_words("turnout was less than half the roll"));
    }

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
    fn transliterated_names_merge_but_prefix_sharing_names_do_not() {
        assert!(name_similarity("Aleksandr Fomin", "Alexander Fomin") >= NAME_MERGE_THRESHOLD);
        assert!(name_similarity("Naypyitaw", "Naypyidaw") >= NAME_MERGE_THRESHOLD);
        assert!(name_similarity("Austria", "Australia") < NAME_MERGE_THRESHOLD);
        assert!(name_similarity("John Smith", "Jane Smith") < NAME_MERGE_THRESHOLD);
    }

    #[test]
    fn spelling_key_keeps_accents_and_inner_case_but_not_possessive() {
        assert_ne!(spelling_key("Konan-Diabaté"), spelling_key("Konan-Diabate"));
        assert_ne!(spelling_key("Lee Jae-Sun"), spelling_key("Lee Jae-sun"));
        assert_ne!(spelling_key("McAllister"), spelling_key("Mcallister"));
        assert_eq!(spelling_key("PORT ELDEN"), spelling_key("Port Elden"));
        assert_eq!(
            spelling_key("Alder Bay Harbour"),
            spelling_key("Alder Bay harbour")
        );
        assert_eq!(spelling_key("The Alder Bay"), spelling_key("Alder Bay"));
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

//! The number words of the pack, compiled once, and the shortcut that skips a
//! sentence with no digit and no number word.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::pack::Pack;
use crate::text::lowercase;

/// Number words compiled from the pack once.
#[derive(Debug, Default)]
pub(crate) struct Numerals {
    pub(super) words: HashMap<String, f64>,
    /// Ordinal words ("third"), lowercase, and their values.
    pub(super) ordinals: HashMap<String, f64>,
    /// Words for a decimal point ("point"), lowercase.
    pub(super) decimal_points: HashSet<String>,
    /// Words between the two numbers of a fraction ("over"), lowercase.
    pub(super) over: HashSet<String>,
    /// Words before digits over digits that make them a date ("on 3/4"), lowercase.
    pub(super) dated_by: HashSet<String>,
    /// Multipliers by lowercase form: (factor, is short form).
    multipliers: HashMap<String, (f64, bool)>,
    /// Short multiplier forms that also count after a space, alone ("2.33 k"), lowercase.
    pub(super) spaced: HashSet<String>,
    /// Multiplier forms that are also nouns ("score"), lowercase: they multiply only a
    /// number in words ([`Numerals::word_multiplier`]).
    pub(super) nouns: HashSet<String>,
    /// Fractions as lowercase word lists, longest first.
    pub(super) fractions: Vec<(Vec<String>, f64)>,
    /// Unit suffixes that may be glued to digits ("35km", "30pc", "5g"), lowercase:
    /// the alphabetic suffixes of the pack's units and its `[glued]` forms.
    pub(super) glued: HashSet<String>,
    /// Words that divide the number before them ("fifths" = 5), lowercase.
    pub(super) fraction_words: HashMap<String, f64>,
    /// Unit words written before a figure ("magnitude"), lowercase: "magnitude-7.1" is a
    /// figure, not a code like "F-16".
    pub(super) prefix_words: HashSet<String>,
    /// The words a number in words can start with (number words, first words of
    /// fractions, "half", "a", "an"): any other word starts none, so
    /// [`words_at`](super::words::words_at) skips it.
    pub(super) first_words: HashSet<String>,
    /// Words of which a sentence without digits must hold one to hold a number
    /// ([`triggers`]): their automaton for one sentence, and their filter of a whole
    /// source's sentences ([`Numerals::word_hits`]); `None` for no shortcut.
    triggers: Option<(aho_corasick::AhoCorasick, crate::text::PhraseFilter)>,
}

impl Numerals {
    /// Compiles the number words of `pack`.
    pub(crate) fn new(pack: &Pack) -> Numerals {
        let mut multipliers = HashMap::default();
        let mut nouns = HashSet::default();
        let mut spaced = HashSet::default();
        for m in &pack.numbers.multipliers {
            for f in &m.forms {
                multipliers.insert(f.clone(), (m.factor, m.short.contains(f)));
                if m.noun {
                    nouns.insert(f.clone());
                }
            }
            spaced.extend(m.spaced.iter().cloned());
        }
        let mut fractions: Vec<(Vec<String>, f64)> = pack
            .numbers
            .fractions
            .iter()
            .flat_map(|f| {
                f.phrases.iter().map(move |p| {
                    (
                        p.split([' ', '-'])
                            .filter(|w| !w.is_empty())
                            .map(str::to_owned)
                            .collect(),
                        f.percent,
                    )
                })
            })
            .collect();
        fractions.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        let words: HashMap<String, f64> = pack
            .numbers
            .words
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        let first_words = words
            .keys()
            .cloned()
            .chain(fractions.iter().filter_map(|(p, _)| p.first().cloned()))
            .chain(["half", "a", "an"].map(str::to_owned))
            .collect();
        let ordinals: HashMap<String, f64> = pack
            .numbers
            .ordinals
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        let triggers = triggers(&words, &ordinals, &multipliers, &fractions).and_then(|w| {
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&w)
                .ok()?;
            Some((ac, crate::text::PhraseFilter::new(&w)))
        });
        Numerals {
            words,
            ordinals,
            decimal_points: pack.numbers.decimal_points.iter().cloned().collect(),
            over: pack.numbers.over.iter().cloned().collect(),
            dated_by: pack.numbers.dated_by.iter().cloned().collect(),
            first_words,
            triggers,
            multipliers,
            nouns,
            spaced,
            fractions,
            glued: pack
                .units
                .iter()
                .flat_map(|u| u.suffixes.iter())
                .map(|x| x.to_lowercase())
                .filter(|x| x.chars().all(|c| c.is_ascii_alphabetic()))
                .chain(pack.numbers.glued.iter().cloned())
                .collect(),
            fraction_words: pack
                .numbers
                .fraction_words
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            prefix_words: pack
                .units
                .iter()
                .flat_map(|u| u.prefixes.iter())
                .filter(|x| x.len() > 3 && x.chars().all(|c| c.is_ascii_alphabetic()))
                .map(|x| x.to_lowercase())
                .collect(),
        }
    }

    /// The factor of a magnitude word or suffix, and whether it is a short form; `None`
    /// for a word that is also a noun ("a 2-0 score"), which multiplies no digits.
    pub(crate) fn multiplier(&self, word: &str) -> Option<(f64, bool)> {
        let word = lowercase(word);
        if self.nouns.contains(&*word) {
            return None;
        }
        self.multipliers.get(&*word).copied()
    }

    /// For each sentence span of a source's ASCII lowercase `lower`, whether the sentence
    /// may hold a trigger word: the `words` argument of [`scan_lowered`](super::scan_lowered), from one search
    /// of the whole source ([`crate::text::PhraseFilter`]).
    pub(crate) fn word_hits(&self, lower: &str, spans: &[crate::text::Span]) -> Vec<bool> {
        match &self.triggers {
            Some((_, filter)) => filter.spans(lower, spans),
            None => vec![true; spans.len()],
        }
    }

    pub(super) fn word_multiplier(&self, word: &str) -> Option<f64> {
        // Spelled-out magnitudes only: "million", "dozen", "score"; not "m" or "bn".
        match self.multipliers.get(&*lowercase(word)).copied() {
            Some((f, false)) if word.len() >= 3 && word.chars().all(|c| c.is_alphabetic()) => {
                Some(f)
            }
            _ => None,
        }
    }
}

/// A sentence without digits holds a number only if it holds, as a whole word, a number
/// word ("six"), an ordinal word (listed as no figure, "third"), a spelled-out magnitude ("a dozen", "half a million") or a word of a
/// fraction ("a fifth"): one automaton over the sentence finds any of them. `None` (no
/// shortcut) when the pack has a number word that is not plain ASCII letters, which a
/// search of the ASCII lowercase could miss.
fn triggers(
    words: &HashMap<String, f64>,
    ordinals: &HashMap<String, f64>,
    multipliers: &HashMap<String, (f64, bool)>,
    fractions: &[(Vec<String>, f64)],
) -> Option<Vec<String>> {
    let spelled = |w: &str| w.len() >= 3 && w.chars().all(char::is_alphabetic);
    let mut list: Vec<String> = words
        .keys()
        .chain(ordinals.keys())
        .cloned()
        // a magnitude counts only when spelled out (`word_multiplier`)
        .chain(multipliers.keys().filter(|w| spelled(w)).cloned())
        // a fraction needs all of its words: the longest stands for it
        .chain(
            fractions
                .iter()
                .filter_map(|(p, _)| p.iter().max_by_key(|w| w.len()).cloned()),
        )
        .map(|w| w.to_lowercase())
        .collect();
    if list
        .iter()
        .any(|w| !w.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        // a word of digits or signs is never a word of the scan; anything else is
        // beyond the ASCII search
        if list.iter().any(|w| !w.is_ascii()) {
            return None;
        }
        list.retain(|w| w.bytes().all(|b| b.is_ascii_alphabetic()));
    }
    list.sort_unstable();
    list.dedup();
    Some(list)
}

impl Numerals {
    /// Whether `text` may hold a number: it has a digit, or a trigger word standing as a
    /// whole word. A word is a run of letters, so a run equal to a trigger is found where
    /// it starts (no earlier match of letters can reach over the non-letter before it) and
    /// at its full length. The ASCII lowercase of a word is its lowercase unless the word
    /// has non-ASCII letters, whose lowercase is not ASCII, save the Kelvin sign's ("K").
    /// `words` false says a search for the trigger words cannot find one in `lower`
    /// ([`Numerals::word_hits`]).
    pub(super) fn may_hold_number(&self, text: &str, lower: &str, words: bool) -> bool {
        let Some((ac, _)) = &self.triggers else {
            return true;
        };
        if text.bytes().any(|b| b.is_ascii_digit())
            || lower.len() != text.len()
            || text.contains('\u{212A}')
            || super::digits::has_vulgar(text)
        {
            return true;
        }
        if !words {
            return false;
        }
        let letter_at = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        ac.find_iter(lower).any(|m| {
            !letter_at(text[..m.start()].chars().next_back())
                && !letter_at(text[m.end()..].chars().next())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::number::testing::numerals;
    use crate::extract::number::{scan_all, scan_lowered};
    use proptest::prelude::*;

    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii_letters_from_outside_ascii() {
        let odd: Vec<char> = (0x80..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, ['\u{212A}']);
    }

    #[test]
    fn the_shortcut_skips_sentences_without_digits_or_number_words() {
        let n = numerals();
        let may = |t: &str| n.may_hold_number(t, &t.to_ascii_lowercase(), true);
        assert!(!may("Rescuers searched the rubble through the night."));
        // "ten" inside "often", "one" inside "someone": no whole word
        assert!(!may("Someone often said so."));
        assert!(may("Rescuers found Six survivors."));
        assert!(may("A dozen homes burned."));
        assert!(may("About a fifth of voters stayed home."));
        assert!(may("It cost 3 lives."));
        assert!(may("“Seven” — said the mayor."));
        assert!(may("\u{212A}ILO")); // the Kelvin sign: no shortcut
        assert!(may("About ¾ of homes flooded."));
    }

    proptest! {
        /// The shortcut never drops a number the full scan finds.
        #[test]
        fn the_shortcut_loses_no_number(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "six", "Six", "SIX", "a", "dozen", "half", "million", "fifth", "often",
                    "someone", "twenty-one", "twenty", "one", "hundred", "and", "Zürich",
                    "sixé", "éten", "\u{212A}", "thirds", "two", "the", "3", "1,500", "x",
                    "“", "—", "bn", "m", "-", "’s", "¾", "½",
                ]),
                0..8,
            ),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "", "-", ", "]), 8),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            let lower = text.to_ascii_lowercase();
            let n = numerals();
            prop_assert_eq!(
                scan_lowered(&text, &lower, n, true, &mut Vec::new()),
                scan_all(&text, &lower, n, &mut Vec::new())
            );
        }
    }
}

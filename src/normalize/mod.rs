//! Matching keys: case folding, NFKC, transliteration to ASCII, alias lookup, token sets.
//! Keys are for comparison only; nothing displayed is ever normalised.
//!
//! A name's canonical key (`canonical_key`) is a deterministic function of the name and
//! the pack, never of other sources, so that keys from different sources can be grouped
//! by the align stage: fold (NFKC, ASCII, lowercase), drop a leading article and a
//! possessive, look the name up in the alias tables, put "Ministry of Health" in the order
//! "Health Ministry", key an organisation of three or more capitalised words as its
//! acronym, and respell each word by the pack's `respell` rules (Aleksandr and Alexander
//! both become `alexandr`).
//!
//! Keys only make equal what is certainly equal. Near names (Naypyitaw / Naypyidaw
//! without an alias, a shortened name in another source) are for the align stage to
//! merge inside a block, by a Jaro-Winkler similarity whose threshold is documented and
//! tested there (`align::score::NAME_MERGE_THRESHOLD`).

pub(crate) mod stems;

use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::UnicodeNormalization;

use crate::pack::{EntityKind, Pack};

/// Whether two place keys name one place: one's words are all in the other's ("new
/// york" and "new york city", "south korea" and "south korea ferry" read from a headline),
/// a country's adjective standing for the country ("the bangladeshi capital" is in
/// "bangladesh", "south korean" waters in "south korea"); "chicago" and "boston", or "north
/// korea" and "south korea", are two.
pub(crate) fn one_place(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let (x, y): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let within = |x: &[&str], y: &[&str]| {
        x.iter()
            .all(|w| y.iter().any(|v| w == v || demonym(w, v) || demonym(v, w)))
    };
    within(&x, &y) || within(&y, &x)
}

/// Whether `adjective` is the regular adjective of the place name `place`: the name with
/// "-i", "-n", "-an", "-ian" or "-ese" ("bangladeshi", "venezuelan", "jordanian",
/// "sudanese"), or with its last vowel replaced by one of them ("italian", "chinese").
/// Irregular ones ("french", "dutch") are not read; a name of fewer than four letters
/// has none.
fn demonym(adjective: &str, place: &str) -> bool {
    const ENDINGS: &[&str] = &["i", "n", "an", "ian", "ese"];
    if place.len() < 4 || adjective.len() < place.len() {
        return false;
    }
    let stems = [
        Some(place),
        place
            .strip_suffix(['a', 'e', 'o', 'y'])
            .filter(|s| s.len() >= 3),
    ];
    stems.into_iter().flatten().any(|stem| {
        adjective
            .strip_prefix(stem)
            .is_some_and(|end| ENDINGS.contains(&end))
    })
}

/// A comparison key: NFKC, ASCII transliteration, lowercase, straight quotes, single spaces.
pub(crate) fn fold(s: &str) -> String {
    // Text below U+007F is its own NFKC form and its own transliteration (deunicode's
    // own fast path stops at the same byte), so most names skip both passes.
    if s.bytes().all(|b| b < 0x7F) {
        return fold_ascii(s);
    }
    collapse(&transliterate(s))
}

/// NFKC, then ASCII transliteration, of `s`, passing only the stretches around its
/// non-ASCII characters through both: a news sentence has a few curly quotes and dashes
/// among a hundred ASCII letters. A stretch runs from the ASCII character before a
/// non-ASCII run (a combining mark composes with it) to the ASCII character after (the
/// transliteration of a character looks at the next one), so every cut falls between two
/// ASCII characters, where neither NFKC nor the transliteration carries anything across;
/// an ASCII character stands for itself in both (tested).
fn transliterate(s: &str) -> String {
    use deunicode::AsciiChars;
    let slow = |b: u8| b >= 0x7F;
    let b = s.as_bytes();
    // The transliteration copies the text up to its first byte from U+007F on (after
    // NFKC) as it is, and drops control characters (newlines, tabs) after it: so does
    // this, with `prefix` true until that byte.
    let mut prefix = true;
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < b.len() {
        // a control character composes with nothing: it never leads a stretch
        let lead = !slow(b[i]) && b[i] >= 0x20;
        let run_next = b.get(i + 1).is_some_and(|&x| slow(x));
        if !(slow(b[i]) || lead && run_next) {
            if b[i] >= 0x20 || prefix {
                out.push(char::from(b[i]));
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut j = if lead { i + 1 } else { i };
        loop {
            while j < b.len() && slow(b[j]) {
                j += 1;
            }
            if j < b.len() {
                j += 1; // the ASCII character after the run
            }
            if !(j < b.len() && slow(b[j])) {
                break;
            }
        }
        let nfkc: String = s.get(start..j).unwrap_or("").nfkc().collect();
        let mut rest = nfkc.as_str();
        if prefix {
            let cut = nfkc.bytes().position(slow).unwrap_or(nfkc.len());
            out.push_str(&nfkc[..cut]);
            rest = &nfkc[cut..];
            prefix = rest.is_empty();
        }
        out.extend(rest.ascii_chars().map(|c| c.unwrap_or("[?]")));
        i = j;
    }
    out
}

/// Lowercase with runs of whitespace made one space, none at either end.
fn collapse(ascii: &str) -> String {
    let mut out = String::with_capacity(ascii.len());
    let mut space = false;
    for c in ascii.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold`] of ASCII text, byte by byte: for ASCII, `char::is_whitespace` and
/// `char::to_lowercase` are their ASCII forms.
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for b in s.bytes() {
        if char::from(b).is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    out
}

/// Word tokens of the folded text (letters and digits only).
pub(crate) fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The canonical name of `name` in the pack's alias tables, if it is listed.
pub(crate) fn alias<'p>(pack: &'p Pack, name: &str) -> Option<&'p str> {
    alias_entry(pack, name).map(|a| a.canonical.as_str())
}

/// The alias set `name` belongs to, if any (a leading "the" and a possessive are ignored).
pub(crate) fn alias_entry<'p>(pack: &'p Pack, name: &str) -> Option<&'p crate::pack::Alias> {
    let index = pack.prepared(AliasIndex::new);
    let i = *index.0.get(&alias_fold(name))?;
    pack.aliases.get(i)
}

/// Folded alias spelling → index in `pack.aliases`.
struct AliasIndex(HashMap<String, usize>);

impl AliasIndex {
    fn new(pack: &Pack) -> AliasIndex {
        let mut map = HashMap::default();
        for (i, a) in pack.aliases.iter().enumerate() {
            for v in std::iter::once(&a.canonical).chain(&a.variants) {
                map.entry(alias_fold(v)).or_insert(i);
            }
        }
        AliasIndex(map)
    }
}

/// Fold for alias lookup: no leading article, no possessive, no dots ("U.S." = "US").
fn alias_fold(name: &str) -> String {
    let f = fold(strip_name(name));
    if f.contains('.') {
        f.replace('.', "")
    } else {
        f
    }
}

/// `name` without a leading "the" and a trailing possessive "'s".
pub(crate) fn strip_name(name: &str) -> &str {
    let mut s = name.trim();
    for art in ["the ", "The ", "THE "] {
        if let Some(rest) = s.strip_prefix(art) {
            s = rest.trim_start();
        }
    }
    for pos in ["’s", "'s", "’", "'"] {
        if let Some(rest) = s.strip_suffix(pos) {
            s = rest;
            break;
        }
    }
    s
}

/// The canonical key of an entity name. Deterministic in the name and the pack:
/// an alias gives the folded canonical name; else the folded, respelled words; an
/// organisation of three or more capitalised words keys as its acronym, so that
/// "Assistance Association of Political Prisoners" and "AAPP" share `aapp`.
pub(crate) fn canonical_key(pack: &Pack, name: &str, kind: Option<EntityKind>) -> String {
    if let Some(a) = alias(pack, name) {
        return respell_all(pack, a);
    }
    let name = strip_name(name);
    // "Ministry of Health" = "Health Ministry": one word order for the key
    let inverted = invert(pack, name);
    let name = inverted.as_deref().unwrap_or(name);
    if inverted.is_some() {
        if let Some(a) = alias(pack, name) {
            return respell_all(pack, a);
        }
    }
    // "Jeju Island" = "Jeju"
    let name = match (kind, name.rsplit_once(' ')) {
        (Some(EntityKind::Place), Some((rest, last)))
            if pack
                .entities
                .droppable_suffixes
                .iter()
                .any(|s| s.eq_ignore_ascii_case(last)) =>
        {
            rest
        }
        _ => name,
    };
    if kind == Some(EntityKind::Organization) {
        if let Some(acr) = acronym(pack, name) {
            return acr;
        }
        if is_acronym(name) {
            return fold(name).replace('.', "");
        }
    }
    respell_all(pack, name)
}

/// "Ministry of Health" → "Health Ministry" for the pack's `inverted_heads`, else `None`.
fn invert(pack: &Pack, name: &str) -> Option<String> {
    let (head, rest) = name.split_once(" of ")?;
    let head = head.trim();
    let rest = rest.trim().strip_prefix("the ").unwrap_or(rest.trim());
    let listed = pack
        .entities
        .inverted_heads
        .iter()
        .any(|h| h.eq_ignore_ascii_case(head));
    (listed && !rest.is_empty() && !rest.contains(" of ")).then(|| format!("{rest} {head}"))
}

/// Whether `word` is written as an acronym ("AAPP", "U.N.", "MRTV").
pub(crate) fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.iter().any(|c| c.is_uppercase())
}

/// The lowercase acronym of a name of three or more capitalised words (connectors
/// skipped), else `None`.
fn acronym(pack: &Pack, name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    for w in &words {
        if pack
            .entities
            .connectors
            .iter()
            .any(|c| c.eq_ignore_ascii_case(w))
        {
            continue;
        }
        let first = w.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        out.push_str(&fold(&first.to_string()));
    }
    (out.chars().count() >= 3).then_some(out)
}

/// Folded tokens of `name`, each respelled by the pack rules, joined by single spaces.
pub(crate) fn respell_all(pack: &Pack, name: &str) -> String {
    joined_initials(tokens(name))
        .iter()
        .map(|t| respell(pack, t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Initials in a row as one token: "K. J. Alphons", "K J Alphons" and "KJ Alphons" are
/// one name, whatever the dots and spaces between the initials. A lone initial ("George
/// W. Bush") stays as it is.
fn joined_initials(tokens: Vec<String>) -> Vec<String> {
    let initial = |t: &str| t.chars().count() == 1 && t.chars().all(char::is_alphabetic);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut run = 0;
    for t in tokens {
        if initial(&t) {
            run += 1;
            if run > 1 {
                if let Some(last) = out.last_mut() {
                    last.push_str(&t);
                    continue;
                }
            }
        } else {
            run = 0;
        }
        out.push(t);
    }
    out
}

/// One folded word respelled by the pack's `respell` rules, in order.
pub(crate) fn respell(pack: &Pack, word: &str) -> String {
    let mut w = word.to_owned();
    for (from, to) in &pack.entities.respell {
        if let Some(f) = from.strip_suffix('$') {
            if let Some(stem) = w.strip_suffix(f) {
                if !stem.is_empty() {
                    w = format!("{stem}{to}");
                }
            }
        } else if let Some(f) = from.strip_prefix('^') {
            if let Some(rest) = w.strip_prefix(f) {
                if !rest.is_empty() {
                    w = format!("{to}{rest}");
                }
            }
        } else {
            w = w.replace(from.as_str(), to);
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_key_alike_with_or_without_dots_and_spaces() {
        let pack = Pack::default_pack();
        let key = |n: &str| canonical_key(&pack, n, Some(EntityKind::Person));
        assert_eq!(key("K. J. Alphons"), key("KJ Alphons"));
        assert_eq!(key("K J Alphons"), key("KJ Alphons"));
        assert_ne!(key("George W. Bush"), key("George Bush"));
    }

    #[test]
    fn places_nested_by_name_are_one() {
        assert!(one_place("new york", "new york city"));
        assert!(one_place("New York", "new york city"));
        // a country's adjective stands for the country, not for another one
        assert!(one_place("bangladeshi", "bangladesh"));
        assert!(one_place("South Korean", "south korea"));
        assert!(one_place("italian", "italy"));
        assert!(one_place("chinese", "china"));
        assert!(!one_place("north korean", "south korea"));
        assert!(!one_place("indian", "indiana"));
        assert!(one_place("roman", "rome"));
        assert!(!one_place("georgian", "georgetown"));
        assert!(!one_place("north korea", "south korea"));
        assert!(!one_place("chicago", "boston"));
    }

    fn pack() -> Pack {
        Pack::default_pack()
    }

    #[test]
    fn fold_transliterates_and_collapses() {
        assert_eq!(fold("  Côte   d’Ivoire "), "cote d'ivoire");
        assert_eq!(fold("SÁNCHEZ"), "sanchez");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        let p = pack();
        let k = |s: &str| canonical_key(&p, s, Some(EntityKind::Person));
        assert_eq!(k("Aleksandr Petrov"), k("Alexander Petrov"));
        assert_eq!(k("Dmitriy Ivanov"), k("Dmitry Ivanov"));
        assert_eq!(k("Yevgeny Orlov"), k("Evgeny Orlov"));
        assert_eq!(k("Sergei Lavrov"), k("Sergey Lavrov"));
        assert_ne!(k("John Smith"), k("Jane Smith"));
        // romanisations of one Korean name
        assert_eq!(k("Park Seong-chul"), k("Park Sung-chul"));
        assert_eq!(k("Harold MacAllister"), k("Harold McAllister"));
        let place = |s: &str| canonical_key(&p, s, Some(EntityKind::Place));
        assert_eq!(place("Hwaseong Island"), place("Hwasung"));
        assert_ne!(place("Mexico City"), place("Mexico"));
    }

    #[test]
    fn spelling_variants_share_a_key() {
        let p = pack();
        assert_eq!(
            canonical_key(&p, "Defence Council", None),
            canonical_key(&p, "Defense Council", None)
        );
        assert_eq!(
            canonical_key(&p, "Labour Organisation", None),
            canonical_key(&p, "Labor Organization", None)
        );
    }

    #[test]
    fn aliases_share_the_canonical_key() {
        let p = pack();
        assert_eq!(
            canonical_key(&p, "Burma", None),
            canonical_key(&p, "Myanmar", Some(EntityKind::Place))
        );
        assert_eq!(
            canonical_key(&p, "the U.N.", None),
            canonical_key(&p, "UN", None)
        );
        assert_eq!(
            canonical_key(&p, "Ivory Coast", None),
            canonical_key(&p, "Côte d'Ivoire", None)
        );
    }

    #[test]
    fn head_of_x_keys_as_x_head() {
        let p = pack();
        let org = Some(EntityKind::Organization);
        assert_eq!(
            canonical_key(&p, "Ministry of Health", org),
            canonical_key(&p, "Health Ministry", org)
        );
        assert_eq!(
            canonical_key(&p, "Department of Transportation", org),
            canonical_key(&p, "Transportation Department", org)
        );
        assert_eq!(
            canonical_key(&p, "Ministry of Foreign Affairs", org),
            canonical_key(&p, "Foreign Ministry", org)
        );
    }

    #[test]
    fn long_organisation_names_key_as_their_acronym() {
        let p = pack();
        let org = Some(EntityKind::Organization);
        assert_eq!(
            canonical_key(&p, "Federal Bureau of Investigation", org),
            canonical_key(&p, "FBI", org)
        );
        assert_eq!(
            canonical_key(&p, "Justice for Peace", org),
            "justice for peace"
        );
    }

    #[test]
    fn ascii_stands_for_itself_in_the_transliteration_but_control_characters_go() {
        for b in 0u8..0x7F {
            let c = char::from(b);
            let want = if b < 0x20 {
                String::new()
            } else {
                c.to_string()
            };
            assert_eq!(deunicode::deunicode_char(c), Some(want.as_str()), "{b:#x}");
        }
    }

    proptest::proptest! {
        /// Folding by stretches is folding the whole text at once.
        #[test]
        fn fold_by_stretches_is_fold_of_the_whole(
            s in "[a-zA-Z .,e\u{301}\u{308}’“”—é北京ｆｉﬁ\u{7f}\u{a0}\u{212b}Å\u{1100}\u{1161}한\n\t\r\u{0}]{0,16}",
        ) {
            let whole = collapse(&deunicode::deunicode(&s.nfkc().collect::<String>()));
            let whole = if s.bytes().all(|b| b < 0x7F) { fold_ascii(&s) } else { whole };
            proptest::prop_assert_eq!(fold(&s), whole);
        }
    }

    #[test]
    fn respell_rules_anchor_at_word_ends() {
        let p = pack();
        assert_eq!(respell(&p, "aleksandr"), "alexandr");
        assert_eq!(respell(&p, "alexander"), "alexandr");
        assert_eq!(respell(&p, "yevgeny"), "evgeny");
        assert_eq!(respell(&p, "ye"), "ye");
    }
}

//! Matching keys: case folding, NFKC, transliteration to ASCII, alias lookup, token sets.
//! Keys are for comparison only; nothing displayed is ever normalised.

use unicode_normalization::UnicodeNormalization;

use crate::pack::Pack;

/// A comparison key: NFKC, ASCII transliteration, lowercase, straight quotes, single spaces.
pub(crate) fn fold(s: &str) -> String {
    let nfkc: String = s.nfkc().collect();
    let ascii = deunicode::deunicode(&nfkc);
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
    let key = fold(name.trim_start_matches("the ").trim_start_matches("The "));
    pack.aliases
        .iter()
        .find(|a| {
            fold(&a.canonical) == key
                || a.variants
                    .iter()
                    .any(|v| fold(v.trim_start_matches("the ")) == key)
        })
        .map(|a| a.canonical.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_transliterates_and_collapses() {
        assert_eq!(fold("  Côte   d’Ivoire "), "cote d'ivoire");
        assert_eq!(fold("SÁNCHEZ"), "sanchez");
    }
}

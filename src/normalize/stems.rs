//! Stem sets: the content stems of a text (folded words of five or more characters cut
//! to their first four, and whole numbers) in a set that is cheap to intersect. Input: a
//! text, or keys; output: a [`StemSet`]. What align scores sentences and statements by
//! (`align::score::jaccard`), and what extract records of a figure's sentence.

use super::fold;

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

    /// Sorts the lists and drops repeats after a run of `push`, and gives back the room
    /// the pushes left over: a set is kept for every sentence with a figure.
    fn finish(&mut self) {
        self.short.sort_unstable();
        self.short.dedup();
        self.short.shrink_to_fit();
        self.long.sort_unstable();
        self.long.dedup();
        self.long.shrink_to_fit();
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

    /// How many keys the two sets share.
    pub(crate) fn shared(&self, other: &StemSet) -> usize {
        merge_count(&self.short, &other.short) + merge_count(&self.long, &other.long)
    }

    /// This set with `keys` added.
    pub(crate) fn with<I, S>(&self, keys: I) -> StemSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = self.clone();
        for k in keys {
            set.push(k.as_ref());
        }
        set.finish();
        set
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
    let folded = fold(text);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

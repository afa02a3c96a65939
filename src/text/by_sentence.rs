//! Items of a source grouped by the sentence they stand in: mentions, looked up per
//! sentence by attribution, by extract (what a figure is about) and by compare.
//!
//! Input: the sentence of each item, in the items' order. Output: a [`BySentence`] that
//! gives the indices of the items of one sentence, in the items' order, by a binary search.

/// The items of each sentence, as indices into the list the index was built from.
#[derive(Debug, Clone, Default)]
pub(crate) struct BySentence {
    /// (sentence, item index), by sentence; the items of one sentence in their order.
    pairs: Vec<(usize, usize)>,
}

impl BySentence {
    /// The index of items whose sentences are `sentences`, in the items' order.
    pub(crate) fn new(sentences: impl IntoIterator<Item = usize>) -> BySentence {
        let mut pairs: Vec<(usize, usize)> = sentences
            .into_iter()
            .enumerate()
            .map(|(i, s)| (s, i))
            .collect();
        // stable: the items of one sentence keep their order
        pairs.sort_by_key(|&(sentence, _)| sentence);
        BySentence { pairs }
    }

    /// The indices of the items of `sentence`, in their order.
    pub(crate) fn of(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.pairs.partition_point(|&(s, _)| s < sentence);
        self.pairs[from..]
            .iter()
            .take_while(move |&&(s, _)| s == sentence)
            .map(|&(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_a_sentence_come_in_their_order() {
        let index = BySentence::new([2, 0, 2, 1, 0]);
        assert_eq!(index.of(0).collect::<Vec<_>>(), [1, 4]);
        assert_eq!(index.of(2).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(index.of(1).collect::<Vec<_>>(), [3]);
        assert_eq!(index.of(5).count(), 0);
    }
}

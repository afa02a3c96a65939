//! Dates: absolute and relative dates resolved against the source's anchor date.

use super::{Anchor, DateRef};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// The date a source's relative dates resolve against, and why.
pub(crate) fn anchor(source: &Source, sentences: &[Sentence], pack: &Pack) -> Anchor {
    let _ = (sentences, pack);
    match &source.meta.published {
        Some(f) => Anchor {
            date: Some(f.value),
            basis: f.origin.to_string(),
            warning: None,
        },
        None => Anchor::default(),
    }
}

/// Dates in sentence `index`.
pub(crate) fn find_dates(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    anchor: &Anchor,
    pack: &Pack,
) -> Vec<DateRef> {
    let _ = (source, index, sentence, anchor, pack);
    Vec::new()
}

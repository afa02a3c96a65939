//! Quantity claims: a number, its interval, unit, kind, event, what is counted and its scope.

use super::{Anchor, Attribution, Claim, DateRef};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// Quantity claims of sentence `index`.
pub(crate) fn find(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    pack: &Pack,
    dates: &[&DateRef],
    anchor: &Anchor,
    attribution: Option<&Attribution>,
) -> Vec<Claim> {
    let _ = (source, index, sentence, pack, dates, anchor, attribution);
    Vec::new()
}

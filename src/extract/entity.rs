//! Entity mentions: people, organisations, places and titles with a canonical key.

use super::Mention;
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// Entity mentions in sentence `index`.
pub(crate) fn find_mentions(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    pack: &Pack,
) -> Vec<Mention> {
    let _ = (source, index, sentence, pack);
    Vec::new()
}

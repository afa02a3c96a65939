//! Attribution: who said what, through whom; direct and reported speech.

use super::{Attribution, Claim, ClaimBody, Mention};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// Statement claims of a source, each with its attribution. Works across sentences
/// (quotes that run on, pronoun speakers).
pub(crate) fn find(
    source: &Source,
    sentences: &[Sentence],
    mentions: &[Mention],
    pack: &Pack,
) -> Vec<Claim> {
    let _ = (source, sentences, mentions, pack);
    Vec::new()
}

/// The attribution that covers sentence `index`, if any (from the statements found).
pub(crate) fn for_sentence(statements: &[Claim], index: usize) -> Option<&Attribution> {
    statements
        .iter()
        .filter(|c| c.sentence == index && matches!(c.body, ClaimBody::Statement(_)))
        .find_map(|c| c.attribution.as_ref())
}

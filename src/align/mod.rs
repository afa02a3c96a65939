//! Align: claims from different sources that speak of the same thing become [`Group`]s.
//!
//! Blocking on cheap keys first (story, claim kind and unit, speaker, entity key) keeps
//! the work near-linear in the corpus; fuzzy scoring happens only inside a block. Never
//! all pairs over the corpus.
//!
//! - quantities: one block per (story, kind, unit), a story being the sources that share
//!   rare names (`story.rs`), blocks of units that compare merged (km and miles by the
//!   pack's factors; two currencies only when a rendering in the text links them);
//!   event, thing counted, scope and value are judged by `compare`, which clusters
//!   identical signatures before comparing them;
//! - statements: blocked on the speaker and on min-hash keys of the wording, exact
//!   repeats collapsed to one representative, joined by stem overlap (`score.rs`);
//! - occasions: one block per (story, occasion id); compare sorts them by the day each
//!   source gives, one bucket per day;
//! - events: one block per (story, event id); compare joins the facts of a block that
//!   share two parties and a polarity;
//! - entities: blocked on canonical key, near keys merged by Jaro-Winkler
//!   (`score::NAME_MERGE_THRESHOLD`, 0.93).
//!
//! Output is sorted and does not depend on the order of the sources beyond their ids.

pub(crate) mod block;
mod group;
pub(crate) mod score;
pub(crate) mod story;

use crate::extract::{ClaimBody, Extraction, Quantity};
use crate::ingest::Source;
use crate::pack::Pack;

/// A reference to one claim (or mention, for entity groups) of one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref {
    /// Index of the source in the analysed sources.
    pub source: usize,
    /// Index of the claim in its extraction (or of the mention, for [`Topic::Entity`]).
    pub item: usize,
}

/// What a group is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// Quantity claims of one kind and unit, in one story.
    Quantity {
        /// Kind id.
        kind: String,
        /// Event id, when every member has the same one.
        event: Option<String>,
        /// What is counted (folded), when every member counts the same thing.
        counted: Option<String>,
    },
    /// Statements by one speaker that say the same thing.
    Statement {
        /// Canonical key of the speaker.
        speaker: String,
    },
    /// Occasions of one id in one story ("coup"), each with the day a source gives it.
    Occasion {
        /// Occasion id.
        id: String,
    },
    /// Events of one id in one story ("award"), each with its parties and polarity.
    Event {
        /// Event id.
        id: String,
    },
    /// Mentions of one entity.
    Entity {
        /// Canonical key.
        key: String,
    },
}

/// Claims that speak of the same thing, with why they were grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// What the group is about.
    pub topic: Topic,
    /// Members, sorted.
    pub members: Vec<Ref>,
    /// Why these were grouped (blocking key and score).
    pub reason: String,
    /// Alignment score in [0, 1].
    pub score: f64,
    /// When the members were joined from a sample of the candidate pairs (a block of more
    /// than 64), the note saying so; every finding of the group ends with it.
    pub sample: Option<String>,
}

/// Groups claims across sources.
///
/// Units are read with the default claims pack; [`align_with`] takes another.
pub fn align(sources: &[Source], extractions: &[Extraction]) -> Vec<Group> {
    align_with(sources, extractions, &Pack::default_pack())
}

/// [`align`] with the units of `pack`: figures in units of one quantity that the pack
/// converts (km and miles), or in currencies that a rendering in the text links, share a
/// group.
pub fn align_with(sources: &[Source], extractions: &[Extraction], pack: &Pack) -> Vec<Group> {
    align_stories(sources, extractions, false, pack)
}

/// Groups claims across sources that are known to report one story: [`align`] without
/// telling stories apart by shared names.
pub(crate) fn align_one_story(
    sources: &[Source],
    extractions: &[Extraction],
    pack: &Pack,
) -> Vec<Group> {
    align_stories(sources, extractions, true, pack)
}

fn align_stories(
    sources: &[Source],
    extractions: &[Extraction],
    one_story: bool,
    pack: &Pack,
) -> Vec<Group> {
    // The three kinds of groups are independent: built side by side.
    let (mut groups, (statements, entities)) = rayon::join(
        || group::quantity_groups(sources, extractions, one_story, pack),
        || {
            rayon::join(
                || group::statement_groups(sources, extractions),
                || group::entity_groups(sources, extractions, pack),
            )
        },
    );
    groups.extend(statements);
    groups.extend(entities);
    // Order by topic, then by the ids of the member sources, so that the input order
    // of the sources does not change the output.
    let id = |r: &Ref| sources.get(r.source).map(|s| s.id.as_str()).unwrap_or("");
    groups.sort_by(|a, b| {
        let ka: Vec<(&str, usize)> = a.members.iter().map(|r| (id(r), r.item)).collect();
        let kb: Vec<(&str, usize)> = b.members.iter().map(|r| (id(r), r.item)).collect();
        a.topic.cmp(&b.topic).then_with(|| ka.cmp(&kb))
    });
    groups
}

/// How many sources the members come from.
pub(crate) fn distinct_sources(members: &[Ref]) -> usize {
    members
        .iter()
        .map(|r| r.source)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// The quantity behind a reference, if it is one.
pub(crate) fn quantity(extractions: &[Extraction], r: Ref) -> Option<&Quantity> {
    match &extractions.get(r.source)?.claims.get(r.item)?.body {
        ClaimBody::Quantity(q) => Some(q),
        ClaimBody::Statement(_) => None,
    }
}

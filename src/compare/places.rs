//! Whether the places a story's figures are scoped to are several, or one place named at
//! several levels.
//!
//! Input: the place keys of one event's figures, and the [`PlaceLink`]s the group's
//! sources state ("Savar, on the outskirts of Dhaka", "the Bangladeshi capital Dhaka").
//! Output: whether two of the places are unrelated (marches in Boston and in Denver), in
//! which case a figure with no place could be about either and is not compared with a
//! placed one. A suburb, its city and its country are one story's place.

use std::collections::{BTreeMap, BTreeSet};

use crate::align::block::UnionFind;
use crate::align::{Group, Topic};
use crate::extract::{Extraction, PlaceLink};
use crate::normalize::{fold, one_place};

/// The most links kept per story, those the most sources state: each lookup walks them,
/// so this bounds its cost whatever the story's size.
const MAX_LINKS: usize = 512;

/// The most places of one event whose pairs are looked up in the links; a story of more
/// places (marches in dozens of cities) is of several places.
const MAX_PLACES: usize = 24;

/// How many links a chain may follow from one place to the place it is in (a factory in
/// a suburb of a city of a country).
const MAX_DEPTH: usize = 4;

/// The place links of a story's sources, keyed alike.
#[derive(Debug)]
pub(super) struct PlaceTree {
    links: BTreeSet<(String, String)>,
}

/// Each source's story and each story's place links. A story is here the sources joined
/// by shared quantity groups (align groups quantities within one story), so the links of
/// one story never join the places of another.
pub(super) fn trees(groups: &[Group], extractions: &[Extraction]) -> (Vec<usize>, Vec<PlaceTree>) {
    let mut stories = UnionFind::new(extractions.len());
    for g in groups {
        if matches!(g.topic, Topic::Quantity { .. }) {
            for pair in g.members.windows(2) {
                stories.union(pair[0].source, pair[1].source);
            }
        }
    }
    let mut story_of = vec![0; extractions.len()];
    let trees = stories
        .components()
        .into_iter()
        .enumerate()
        .map(|(k, members)| {
            for &s in &members {
                story_of[s] = k;
            }
            PlaceTree::new(members.iter().flat_map(|&s| &extractions[s].places))
        })
        .collect();
    (story_of, trees)
}

impl PlaceTree {
    /// Whether `places` are several with no links at all.
    pub(super) fn unlinked(places: &BTreeSet<&str>) -> bool {
        any_unrelated(places, one_place)
    }

    /// The links, at most [`MAX_LINKS`] of them: those the most sources state.
    pub(super) fn new<'a>(links: impl IntoIterator<Item = &'a PlaceLink>) -> PlaceTree {
        let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        for l in links {
            *counts.entry((fold(&l.inner), fold(&l.outer))).or_default() += 1;
        }
        let mut ranked: Vec<((String, String), usize)> = counts.into_iter().collect();
        // most stated first; ties in key order (stable sort), so the cut is deterministic
        ranked.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        PlaceTree {
            links: ranked.into_iter().take(MAX_LINKS).map(|(k, _)| k).collect(),
        }
    }

    /// Whether `places` are several: two of them neither one place ("new york" and "new
    /// york city", "bangladeshi" and "bangladesh") nor one inside the other by the links.
    pub(super) fn several(&self, places: &BTreeSet<&str>) -> bool {
        if places.len() > MAX_PLACES {
            // a story of that many places (marches in dozens of cities) is of several
            // places; its links are not walked
            return PlaceTree::unlinked(places);
        }
        any_unrelated(places, |a, b| {
            one_place(a, b) || self.inside(a, b) || self.inside(b, a)
        })
    }

    /// When one of two places lies in the other by the links: (inner, outer).
    pub(super) fn nested<'s>(&self, a: &'s str, b: &'s str) -> Option<(&'s str, &'s str)> {
        if self.inside(a, b) {
            Some((a, b))
        } else if self.inside(b, a) {
            Some((b, a))
        } else {
            None
        }
    }

    /// Whether the links lead from `inner` to `outer`, each step from a place to one it
    /// is in, a step's ends matched as one place.
    fn inside(&self, inner: &str, outer: &str) -> bool {
        let mut reached: Vec<&str> = vec![inner];
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for _ in 0..MAX_DEPTH {
            let next: Vec<&str> = self
                .links
                .iter()
                .filter(|(i, o)| {
                    !seen.contains(o.as_str()) && reached.iter().any(|r| one_place(r, i))
                })
                .map(|(_, o)| o.as_str())
                .collect();
            if next.iter().any(|o| one_place(o, outer)) {
                return true;
            }
            if next.is_empty() {
                return false;
            }
            seen.extend(next.iter().copied());
            reached = next;
        }
        false
    }
}

/// Whether two of `places` are not `related`.
fn any_unrelated(places: &BTreeSet<&str>, related: impl Fn(&str, &str) -> bool) -> bool {
    let places: Vec<&str> = places.iter().copied().collect();
    places
        .iter()
        .enumerate()
        .any(|(i, a)| places[i + 1..].iter().any(|b| !related(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(links: &[(&str, &str)]) -> PlaceTree {
        let links: Vec<PlaceLink> = links
            .iter()
            .map(|(i, o)| PlaceLink {
                inner: (*i).to_owned(),
                outer: (*o).to_owned(),
            })
            .collect();
        PlaceTree::new(&links)
    }

    fn set<'a>(places: &[&'a str]) -> BTreeSet<&'a str> {
        places.iter().copied().collect()
    }

    #[test]
    fn a_suburb_its_city_and_its_country_are_one_place() {
        let t = tree(&[("orlek", "tamsel"), ("tamsel", "marovian")]);
        assert!(!t.several(&set(&["orlek", "tamsel", "marovia"])));
        // without the links, three places
        assert!(tree(&[]).several(&set(&["orlek", "tamsel", "marovia"])));
    }

    #[test]
    fn two_cities_of_one_country_are_several() {
        let t = tree(&[("tamsel", "marovia"), ("orlek", "marovia")]);
        assert!(t.several(&set(&["tamsel", "orlek"])));
        assert!(!t.several(&set(&["tamsel", "marovia"])));
        // which of two places lies in the other, for the explanation
        assert_eq!(t.nested("marovia", "orlek"), Some(("orlek", "marovia")));
        assert_eq!(t.nested("tamsel", "orlek"), None);
    }

    #[test]
    fn past_the_place_cap_a_story_is_of_several_places() {
        let names: Vec<String> = (0..=MAX_PLACES).map(|i| format!("ward {i}")).collect();
        let links: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "tamsel")).collect();
        let t = tree(&links);
        let mut few = set(&["tamsel"]);
        few.insert(&names[0]);
        assert!(!t.several(&few));
        let mut all = set(&["tamsel"]);
        all.extend(names.iter().map(String::as_str));
        assert!(t.several(&all));
    }
}

//! Keys of names: [`entity_key`] gives a name's canonical key and display name, and
//! [`KeyCache`] remembers them per pack.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::normalize::{alias_entry, canonical_key};
use crate::pack::{EntityKind, Pack};

/// [`entity_key`] results of one pack, remembered: a name recurs within a source and
/// across the sources of a story, and keying it (alias lookup, respelling) costs far more
/// than a lookup. Stops remembering past [`KeyCache::MAX`] names, so memory stays bounded.
#[derive(Default)]
pub(super) struct KeyCache(std::sync::RwLock<FxHashMap<EntityKind, FxHashMap<String, KeyAndName>>>);

/// A canonical key and display name, shared by the mentions of one name.
type KeyAndName = (Arc<str>, Arc<str>);

impl KeyCache {
    const MAX: usize = 1 << 16;

    /// `entity_key(pack, name, kind)`, from the cache when it was computed before.
    pub(super) fn key(&self, pack: &Pack, name: &str, kind: EntityKind) -> KeyAndName {
        if let Ok(map) = self.0.read() {
            if let Some(k) = map.get(&kind).and_then(|m| m.get(name)) {
                return k.clone();
            }
        }
        let (key, canonical) = entity_key(pack, name, kind);
        let k: KeyAndName = (key.into(), canonical.into());
        if let Ok(mut map) = self.0.write() {
            let len: usize = map.values().map(FxHashMap::len).sum();
            if len < KeyCache::MAX {
                map.entry(kind)
                    .or_default()
                    .insert(name.to_owned(), k.clone());
            }
        }
        k
    }
}

/// Key and canonical display name of a name of `kind`. A national adjective before a
/// listed name keys as the listed name ("Russian Defence Ministry" = "defence ministry").
pub(crate) fn entity_key(pack: &Pack, name: &str, kind: EntityKind) -> (String, String) {
    if let Some(a) = alias_entry(pack, name) {
        return (canonical_key(pack, name, Some(kind)), a.canonical.clone());
    }
    if let Some((first, rest)) = name.split_once(' ') {
        let adjective = pack
            .entities
            .adjective_endings
            .iter()
            .any(|e| first.to_lowercase().ends_with(e.as_str()));
        if adjective {
            if let Some(a) = alias_entry(pack, rest) {
                return (canonical_key(pack, rest, Some(kind)), a.canonical.clone());
            }
        }
    }
    (canonical_key(pack, name, Some(kind)), name.to_owned())
}

//! Linking within one source: short names and acronyms take the key of the full name
//! they stand for.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::extract::Mention;
use crate::normalize::{alias_entry, fold, is_acronym};
use crate::pack::{EntityKind, Pack};

/// Source-level linking of the mentions of one source: a bare surname or a shortened
/// name ("Fomin", "Aung Hlaing") takes the key of the one longer person name in the
/// source that ends with it, and an acronym defined as "Name (ACR)" anywhere in the
/// source takes that name's key everywhere. Two people who share a surname ("John
/// Smith", "Jane Smith") leave the bare surname with its own key.
pub(crate) fn link(mentions: &mut [Mention], pack: &Pack) {
    let mut people: BTreeMap<Arc<str>, (Vec<String>, Arc<str>)> = BTreeMap::new();
    for m in mentions.iter() {
        if m.kind == EntityKind::Person {
            let toks: Vec<String> = m.key.split(' ').map(str::to_owned).collect();
            if toks.len() >= 2 {
                people
                    .entry(m.key.clone())
                    .or_insert((toks, m.canonical.clone()));
            }
        }
    }
    // Each proper tail of a person's name ("aung hlaing" of "min aung hlaing") → the first
    // two people whose name ends with it, in key order: a lookup per mention instead of a
    // scan of every person, which made a source dense with names quadratic.
    let mut tails: FxHashMap<&str, Vec<&Arc<str>>> = FxHashMap::default();
    for (key, (full, _)) in &people {
        let mut at = 0;
        for tok in &full[..full.len() - 1] {
            at += tok.len() + 1;
            let owners = tails.entry(&key[at..]).or_default();
            if owners.len() < 2 {
                owners.push(key);
            }
        }
    }
    let mut acronyms: BTreeMap<String, (Arc<str>, Arc<str>, EntityKind)> = BTreeMap::new();
    for m in mentions.iter() {
        if is_acronym(&m.text) && fold(&m.key) != fold(&m.text).replace('.', "") {
            acronyms.insert(
                m.text.to_string(),
                (m.key.clone(), m.canonical.clone(), m.kind),
            );
        }
    }
    for m in mentions.iter_mut() {
        if let Some((key, canonical, kind)) = acronyms.get(&*m.text) {
            m.key.clone_from(key);
            m.canonical.clone_from(canonical);
            m.kind = *kind;
            continue;
        }
        if !matches!(m.kind, EntityKind::Person | EntityKind::Place)
            || alias_entry(pack, &m.text).is_some()
        {
            continue;
        }
        let owner = match tails.get(&*m.key).map(Vec::as_slice) {
            Some([key]) => people.get(*key).map(|(_, canonical)| (*key, canonical)),
            _ => None,
        };
        if let Some((key, canonical)) = owner {
            m.key.clone_from(key);
            m.canonical.clone_from(canonical);
            m.kind = EntityKind::Person;
        } else if people.contains_key(&m.key) {
            // "from Min Aung Hlaing" looked like a place; the source names the person
            m.kind = EntityKind::Person;
        }
    }
}

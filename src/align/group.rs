//! The four sorts of groups: quantities (blocked on story, kind and unit) with occasions
//! (blocked on story and occasion id, since both need the stories), statements
//! (blocked on speaker and min-hash of their wording, scored by stem overlap) and entity
//! mentions (blocked on canonical key, near keys merged by Jaro-Winkler).

use std::collections::{BTreeMap, BTreeSet};

use super::block::{self, UnionFind};
use super::score;
use super::{distinct_sources, Group, Ref, Topic};
use crate::extract::{ClaimBody, Extraction};
use crate::ingest::Source;
use crate::normalize::stems::{self, StemSet};
use crate::pack::Pack;

/// Quantity claims blocked on (story, kind, unit); one group per block with members in
/// two or more sources. Stories (`story::stories`) keep a corpus of many stories from
/// comparing one story's toll with another's. Event, scope, place and thing counted are compared inside the group by
/// `compare`, which clusters identical signatures first and turns differences into
/// `different_scope` ("146 bodies recovered on one day" next to a cumulative death toll).
/// With `one_story`, the sources are taken as one story. The occasions of one story and
/// id make a group of their own ([`occasion_groups`]).
pub(crate) fn quantity_groups(
    sources: &[Source],
    extractions: &[Extraction],
    one_story: bool,
    pack: &Pack,
) -> Vec<Group> {
    type Key = (usize, String, String);
    let (story, stories) = if one_story {
        (vec![0; extractions.len()], 1)
    } else {
        super::story::stories(sources, extractions)
    };
    let mut blocks: BTreeMap<Key, Vec<Ref>> = BTreeMap::new();
    for (s, ex) in extractions.iter().enumerate() {
        let st = story.get(s).copied().unwrap_or(0);
        for (i, c) in ex.claims.iter().enumerate() {
            if let ClaimBody::Quantity(q) = &c.body {
                let key = (st, q.kind.clone(), q.unit.clone());
                blocks
                    .entry(key)
                    .or_default()
                    .push(Ref { source: s, item: i });
            }
        }
    }
    let blocks = comparable_units(blocks, extractions, pack);
    let mut groups = occasion_groups(extractions, &story, stories);
    groups.extend(event_groups(extractions, &story, stories));
    for ((st, kind, unit), members) in blocks {
        if distinct_sources(&members) < 2 {
            continue;
        }
        let events: BTreeSet<Option<&str>> = members
            .iter()
            .filter_map(|r| super::quantity(extractions, *r))
            .map(|q| q.event.as_deref())
            .collect();
        let event = match events.len() {
            1 => events.into_iter().next().flatten().map(str::to_owned),
            _ => None,
        };
        let counted: BTreeSet<Option<String>> = members
            .iter()
            .filter_map(|r| super::quantity(extractions, *r))
            .map(|q| q.counted.as_deref().map(crate::normalize::fold))
            .collect();
        let counted = match counted.len() {
            1 => counted.into_iter().next().flatten(),
            _ => None,
        };
        let score = context_score(sources, extractions, &members);
        let mut reason = format!(
            "same kind `{kind}`, {unit}, event `{}`; sentence wording {:.0}% alike",
            event.as_deref().unwrap_or("several"),
            score * 100.0
        );
        if stories > 1 {
            reason.push_str(&format!(
                "; story {} of {stories} (sources sharing rare names)",
                st + 1
            ));
        }
        groups.push(Group {
            topic: Topic::Quantity {
                kind,
                event,
                counted,
            },
            members,
            reason,
            score,
            sample: None,
        });
    }
    groups
}

/// Occasions blocked on (story, occasion id); one group per block with members in two or
/// more sources.
fn occasion_groups(extractions: &[Extraction], story: &[usize], stories: usize) -> Vec<Group> {
    id_groups(
        extractions,
        (story, stories),
        |ex| ex.occasions.iter().map(|o| o.id.as_str()).collect(),
        ("occasion", |id| Topic::Occasion { id }),
    )
}

/// Event facts blocked on (story, event id); one group per block with members in two or
/// more sources.
fn event_groups(extractions: &[Extraction], story: &[usize], stories: usize) -> Vec<Group> {
    id_groups(
        extractions,
        (story, stories),
        |ex| ex.events.iter().map(|f| f.id.as_str()).collect(),
        ("event", |id| Topic::Event { id }),
    )
}

/// Items blocked on (story, id), `ids` giving the id of each item of an extraction; one
/// group per block with members in two or more sources, its topic made by `topic` (with
/// the word naming the items in its reason).
fn id_groups<'e>(
    extractions: &'e [Extraction],
    (story, stories): (&[usize], usize),
    ids: impl Fn(&'e Extraction) -> Vec<&'e str>,
    (what, topic): (&str, fn(String) -> Topic),
) -> Vec<Group> {
    let mut blocks: BTreeMap<(usize, &str), Vec<Ref>> = BTreeMap::new();
    for (s, ex) in extractions.iter().enumerate() {
        let st = story.get(s).copied().unwrap_or(0);
        for (i, id) in ids(ex).into_iter().enumerate() {
            blocks
                .entry((st, id))
                .or_default()
                .push(Ref { source: s, item: i });
        }
    }
    blocks
        .into_iter()
        .filter(|(_, members)| distinct_sources(members) >= 2)
        .map(|((st, id), members)| {
            let mut reason = format!("same {what} `{id}`");
            if stories > 1 {
                reason.push_str(&format!(
                    "; story {} of {stories} (sources sharing rare names)",
                    st + 1
                ));
            }
            Group {
                topic: topic(id.to_owned()),
                members,
                reason,
                score: 1.0,
                sample: None,
            }
        })
        .collect()
}

/// Blocks of one story and kind whose units compare merged into one, keyed by the
/// units they hold (written "unit `km`" or "units `km`, `miles`"): units of one quantity
/// that the pack converts (km and miles), and currencies that a rendering in the text
/// links ("20 million euros ($25 million)": EUR and USD) or a rate one of their sources
/// gives ("$1.27 to the euro"). Other currencies stay apart.
fn comparable_units(
    blocks: BTreeMap<(usize, String, String), Vec<Ref>>,
    extractions: &[Extraction],
    pack: &Pack,
) -> BTreeMap<(usize, String, String), Vec<Ref>> {
    // Units linked by a rendering, per story and kind.
    let mut linked: BTreeSet<(usize, String, String, String)> = BTreeSet::new();
    for ((st, kind, unit), members) in &blocks {
        for r in members {
            let Some(q) = super::quantity(extractions, *r) else {
                continue;
            };
            for rendering in &q.renderings {
                let (x, y) = if *unit <= rendering.unit {
                    (unit, &rendering.unit)
                } else {
                    (&rendering.unit, unit)
                };
                linked.insert((*st, kind.clone(), x.clone(), y.clone()));
            }
        }
        // "$1.27 to the euro": a rate its source gives links that source's currencies
        let sources: BTreeSet<usize> = members.iter().map(|r| r.source).collect();
        for rate in sources
            .into_iter()
            .filter_map(|s| extractions.get(s))
            .flat_map(|e| &e.rates)
            .filter(|rate| rate.per == *unit || rate.unit == *unit)
        {
            let (x, y) = if rate.per <= rate.unit {
                (&rate.per, &rate.unit)
            } else {
                (&rate.unit, &rate.per)
            };
            linked.insert((*st, kind.clone(), x.clone(), y.clone()));
        }
    }
    // Keys are sorted, so the blocks of one story and kind lie together.
    let keys: Vec<&(usize, String, String)> = blocks.keys().collect();
    let mut uf = UnionFind::new(keys.len());
    for (i, a) in keys.iter().enumerate() {
        for (j, b) in keys.iter().enumerate().skip(i + 1) {
            if (a.0, &a.1) != (b.0, &b.1) {
                break;
            }
            let converts = matches!(
                (pack.unit(&a.2), pack.unit(&b.2)),
                (Some(x), Some(y)) if x.converts_to(y)
            );
            // a.2 < b.2: the keys are sorted
            if converts || linked.contains(&(a.0, a.1.clone(), a.2.clone(), b.2.clone())) {
                uf.union(i, j);
            }
        }
    }
    let mut merged: BTreeMap<usize, (BTreeSet<String>, Vec<Ref>)> = BTreeMap::new();
    let keys: Vec<(usize, String, String)> = blocks.keys().cloned().collect();
    for (i, (key, members)) in blocks.into_iter().enumerate() {
        let e = merged.entry(uf.find(i)).or_default();
        e.0.insert(key.2);
        e.1.extend(members);
    }
    merged
        .into_iter()
        .filter_map(|(root, (units, mut members))| {
            let (st, kind, _) = keys.get(root)?.clone();
            members.sort();
            let units: Vec<String> = units.iter().map(|u| format!("`{u}`")).collect();
            let label = if units.len() == 1 {
                format!("unit {}", units.join(""))
            } else {
                format!("units {}", units.join(", "))
            };
            Some(((st, kind, label), members))
        })
        .collect()
}

/// Statements blocked on the speaker key and on min-hash keys of their wording, then
/// joined when their stems overlap enough. Exact repeats (same wording, same credit)
/// collapse into one representative first.
pub(crate) fn statement_groups(sources: &[Source], extractions: &[Extraction]) -> Vec<Group> {
    let (mut reps, quotes) = statement_reps(sources, extractions);
    // Speakers spelled two ways ("Dmitri" / "Dmitry Voronko") are one speaker.
    let (canon, names_sampled) =
        merge_names(reps.iter().filter_map(|r| r.speaker.clone()).collect());
    // per representative: the largest block its speaker's name was compared in as a sample
    let mut speaker_sampled = vec![0; reps.len()];
    for (rep, slot) in reps.iter_mut().zip(&mut speaker_sampled) {
        if let Some(sp) = &rep.speaker {
            *slot = names_sampled.get(sp).copied().unwrap_or(0);
            if let Some(c) = canon.get(sp) {
                rep.speaker = Some(c.clone());
            }
        }
    }
    let mut quotes_canon: BTreeMap<(usize, String), BTreeSet<String>> = BTreeMap::new();
    for ((src, sp), q) in quotes {
        let sp = canon.get(&sp).cloned().unwrap_or(sp);
        quotes_canon.entry((src, sp)).or_default().extend(q);
    }
    let mut joined = join_statements(&reps, &quotes_canon);
    let mut groups = Vec::new();
    for comp in joined.uf.components() {
        if let Some(g) = statement_group(&comp, &reps, &joined, &speaker_sampled) {
            groups.push(g);
        }
    }
    groups
}

/// One statement wording with one credit, and every claim that repeats it exactly.
struct Rep {
    members: Vec<Ref>,
    speaker: Option<String>,
    stems: StemSet,
    direct: bool,
    /// The figures of the wording, digits only ("15%" and "15" are both "15").
    figures: BTreeSet<String>,
}

/// Distinct direct quotes per (source, speaker).
type Quotes = BTreeMap<(usize, String), BTreeSet<String>>;

/// Exact repeats collapsed: (folded content, credit) → one representative, in key
/// order; and the distinct direct quotes per (source, speaker): a source that quotes a
/// speaker once is quoting "the" statement, which lets two translations of it meet.
fn statement_reps(sources: &[Source], extractions: &[Extraction]) -> (Vec<Rep>, Quotes) {
    let mut quotes: Quotes = BTreeMap::new();
    let mut exact: BTreeMap<(String, String), Rep> = BTreeMap::new();
    for (s, ex) in extractions.iter().enumerate() {
        for (i, c) in ex.claims.iter().enumerate() {
            let ClaimBody::Statement(st) = &c.body else {
                continue;
            };
            let Some(text) = sources
                .get(s)
                .and_then(|src| src.text.get(st.content.clone()))
            else {
                continue;
            };
            let stems = stems::stems(text);
            if stems.len() < 2 {
                continue;
            }
            let credit = c
                .attribution
                .as_ref()
                .map(|a| crate::normalize::fold(&a.describe()))
                .unwrap_or_default();
            let speaker = c
                .attribution
                .as_ref()
                .and_then(|a| a.speaker.as_ref())
                .map(|p| p.key.clone())
                .filter(|k| !k.is_empty());
            if let (true, Some(sp)) = (st.direct, &speaker) {
                quotes
                    .entry((s, sp.clone()))
                    .or_default()
                    .insert(crate::normalize::fold(text));
            }
            let rep = exact
                .entry((crate::normalize::fold(text), credit))
                .or_insert_with(|| Rep {
                    members: Vec::new(),
                    speaker,
                    stems,
                    direct: st.direct || score::quotes_words(text),
                    figures: figures_of(text),
                });
            rep.members.push(Ref { source: s, item: i });
        }
    }
    (exact.into_values().collect(), quotes)
}

/// The figures of a wording that can tell one statement: digits only, at least two of
/// them, and no year ("in 2017" is in many statements of a story).
fn figures_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_digit())
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect::<String>()
        })
        .filter(|f| f.chars().filter(char::is_ascii_digit).count() >= 2)
        .filter(|f| !(f.len() == 4 && (f.starts_with("19") || f.starts_with("20"))))
        .collect()
}

/// Representatives joined by their wording: the sets, each one's best score with a
/// partner, per representative the largest block it was compared in as a sample, and
/// those joined as a quote and a paraphrase of one figure.
struct Joined {
    uf: UnionFind,
    best: BTreeMap<usize, f64>,
    sampled: Vec<usize>,
    by_figure: BTreeSet<usize>,
}

/// Joins representatives blocked together (the speaker, and min-hash keys of the
/// wording) whose stems overlap by the threshold for their speakers.
fn join_statements(reps: &[Rep], quotes: &Quotes) -> Joined {
    let sole_quote = |rep: &Rep| {
        rep.direct
            && rep.speaker.as_ref().is_some_and(|sp| {
                rep.members.iter().all(|m| {
                    quotes
                        .get(&(m.source, sp.clone()))
                        .is_some_and(|q| q.len() == 1)
                })
            })
    };
    // Blocking keys: the speaker, and min-hash keys of the wording.
    let mut buckets: BTreeMap<(u64, u64, String), Vec<usize>> = BTreeMap::new();
    for (i, rep) in reps.iter().enumerate() {
        if let Some(sp) = &rep.speaker {
            buckets
                .entry((u64::MAX, 0, sp.clone()))
                .or_default()
                .push(i);
        }
        for (seed, h) in block::minhash_keys(&rep.stems) {
            buckets.entry((seed, h, String::new())).or_default().push(i);
        }
    }
    // Every candidate pair once, seen from its later representative: only one
    // representative's partners are held at a time (a block of thousands holds 64 times
    // as many pairs). Unions and best scores do not depend on the order of the pairs.
    let sampled = block::sampled_sizes(reps.len(), buckets.values());
    let mut uf = UnionFind::new(reps.len());
    let mut best: BTreeMap<usize, f64> = BTreeMap::new();
    let mut by_figure: BTreeSet<usize> = BTreeSet::new();
    block::each_partner(reps.len(), buckets.values(), |a, b| {
        let (ra, rb) = (&reps[a], &reps[b]);
        let same_speaker = ra.speaker.is_some() && ra.speaker == rb.speaker;
        let threshold = if same_speaker {
            score::SAME_SPEAKER_STATEMENT
        } else {
            score::OTHER_SPEAKER_STATEMENT
        };
        let threshold = if same_speaker && sole_quote(ra) && sole_quote(rb) {
            score::SOLE_QUOTE_STATEMENT
        } else {
            threshold
        };
        let sim = score::jaccard(&ra.stems, &rb.stems);
        // A speaker quoted in one source and paraphrased in another with the same
        // figure ("the count 'never came near 40% of the roll'" / "said turnout was under 40%")
        // made one statement, however few other words the two share.
        let quote_and_paraphrase =
            same_speaker && ra.direct != rb.direct && !ra.figures.is_disjoint(&rb.figures);
        if sim >= threshold || quote_and_paraphrase {
            uf.union(a, b);
            for x in [a, b] {
                let e = best.entry(x).or_insert(0.0);
                *e = e.max(sim);
            }
            if sim < threshold {
                by_figure.extend([a, b]);
            }
        }
    });
    Joined {
        uf,
        best,
        sampled,
        by_figure,
    }
}

/// The group of one set of joined representatives, if its members are in two or more
/// sources: its speaker, its weakest link as the score, and why.
fn statement_group(
    comp: &[usize],
    reps: &[Rep],
    joined: &Joined,
    speaker_sampled: &[usize],
) -> Option<Group> {
    let mut members: Vec<Ref> = comp
        .iter()
        .flat_map(|&i| reps[i].members.iter().copied())
        .collect();
    members.sort();
    if distinct_sources(&members) < 2 {
        return None;
    }
    let speakers: BTreeSet<&str> = comp
        .iter()
        .filter_map(|&i| reps[i].speaker.as_deref())
        .collect();
    let speaker = speakers.iter().next().copied().unwrap_or("").to_owned();
    let score = if comp.len() == 1 {
        1.0
    } else {
        comp.iter()
            .filter_map(|i| joined.best.get(i))
            .fold(1.0_f64, |m, &x| m.min(x))
    };
    let reason = if comp.len() == 1 {
        "the same words credited the same way".to_owned()
    } else if comp.iter().any(|i| joined.by_figure.contains(i)) {
        format!("a quote and a paraphrase by `{speaker}` giving the same figure")
    } else {
        format!(
            "wording overlaps by at least {:.0}% (content stems){}",
            score * 100.0,
            if speakers.len() == 1 {
                format!(", same speaker `{speaker}`")
            } else {
                String::new()
            }
        )
    };
    let most = |of: &[usize]| comp.iter().filter_map(|&i| of.get(i)).copied().max();
    let sample = match (most(&joined.sampled), most(speaker_sampled)) {
        (Some(n), _) if n > 0 => Some(block::sample_note(n, "statements")),
        (_, Some(n)) if n > 0 => Some(block::sample_note(n, "speaker names")),
        _ => None,
    };
    Some(Group {
        topic: Topic::Statement { speaker },
        members,
        reason,
        score,
        sample,
    })
}

/// Entity keys (each with its kind) that name one entity in two spellings: near keys of
/// one kind merged when their folded words are alike (Jaro-Winkler at least
/// [`score::NAME_MERGE_THRESHOLD`]), compared only within a bucket of the same kind and
/// last word or first four letters. Returns the sets over the keys' indices and the
/// indices merged with another key, and per key the largest block past the cap it was
/// compared in ([`block::sampled_sizes`]).
fn near_keys<'k>(
    keys: impl Iterator<Item = (&'k str, &'k str)>,
) -> (UnionFind, BTreeSet<usize>, Vec<usize>) {
    let mut folded_keys: Vec<String> = Vec::new();
    let mut buckets: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
    for (i, (kind, key)) in keys.enumerate() {
        // each key folded once, not once per candidate pair
        let folded = score::folded_words(key);
        if let Some(last) = folded.split(' ').next_back() {
            buckets
                .entry((kind, format!("last:{last}")))
                .or_default()
                .push(i);
        }
        let prefix: String = folded.chars().take(4).collect();
        buckets
            .entry((kind, format!("prefix:{prefix}")))
            .or_default()
            .push(i);
        folded_keys.push(folded);
    }
    let mut uf = UnionFind::new(folded_keys.len());
    let mut fuzzy: BTreeSet<usize> = BTreeSet::new();
    for members in buckets.values() {
        for (a, b) in block::bucket_pairs(members) {
            if score::key_similarity(&folded_keys[a], &folded_keys[b])
                >= score::NAME_MERGE_THRESHOLD
            {
                uf.union(a, b);
                fuzzy.insert(a);
                fuzzy.insert(b);
            }
        }
    }
    let sampled = block::sampled_sizes(folded_keys.len(), buckets.values());
    (uf, fuzzy, sampled)
}

/// Mentions grouped by canonical key, whatever kind each source's cues gave the name
/// ("the Sewol" read as a place in one source and an organisation in another), with near
/// keys of the same entity kind merged (blocked on the key's most frequent kind plus last
/// word, and on that kind plus the first four letters). A group is kept only when two
/// sources write the entity in two different ways, or give it two different titles.
pub(crate) fn entity_groups(
    sources: &[Source],
    extractions: &[Extraction],
    pack: &Pack,
) -> Vec<Group> {
    let mut by_key: BTreeMap<String, Vec<Ref>> = BTreeMap::new();
    let mut kinds: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for (s, ex) in extractions.iter().enumerate() {
        for (i, m) in ex.mentions.iter().enumerate() {
            if m.key.is_empty() {
                continue;
            }
            *kinds.entry((&m.key, format!("{:?}", m.kind))).or_default() += 1;
            by_key
                .entry(m.key.to_string())
                .or_default()
                .push(Ref { source: s, item: i });
        }
    }
    // each key with its most frequent kind (the first in order on a tie)
    let mut main_kind: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for ((key, kind), n) in &kinds {
        let best = main_kind.entry(key).or_insert((*n, kind));
        if *n > best.0 {
            *best = (*n, kind);
        }
    }
    let keys: Vec<(String, String)> = by_key
        .keys()
        .map(|k| {
            let kind = main_kind.get(k.as_str()).map_or("", |b| b.1);
            (kind.to_owned(), k.clone())
        })
        .collect();
    let (mut uf, fuzzy, sampled) =
        near_keys(keys.iter().map(|(kind, key)| (kind.as_str(), key.as_str())));
    let mut groups = Vec::new();
    for comp in uf.components() {
        let mut members: Vec<Ref> = comp
            .iter()
            .filter_map(|&i| by_key.get(&keys[i].1))
            .flatten()
            .copied()
            .collect();
        members.sort();
        if distinct_sources(&members) < 2 {
            continue;
        }
        // spellings, a word for what the name is ("the X building") telling forms apart
        let forms: BTreeSet<String> = members
            .iter()
            .filter_map(|r| {
                let m = extractions.get(r.source)?.mentions.get(r.item)?;
                let text = sources.get(r.source).map_or("", |s| s.text.as_str());
                Some(score::written_form(text, m, &pack.entities).0)
            })
            .collect();
        // titles, for one name under titles that change with the outlet
        let titles: BTreeSet<String> = members
            .iter()
            .filter_map(|r| {
                let m = extractions.get(r.source)?.mentions.get(r.item)?;
                m.title.as_deref().map(score::folded_words)
            })
            .collect();
        if forms.len() < 2 && titles.len() < 2 {
            continue;
        }
        let merged = comp.iter().any(|i| fuzzy.contains(i));
        let key = keys[comp[0]].1.clone();
        let (reason, score) = if merged {
            let names: Vec<&str> = comp.iter().map(|&i| keys[i].1.as_str()).collect();
            (
                format!(
                    "names {} alike (Jaro-Winkler >= {})",
                    names.join(" / "),
                    score::NAME_MERGE_THRESHOLD
                ),
                score::NAME_MERGE_THRESHOLD,
            )
        } else {
            (format!("same canonical entity `{key}`"), 1.0)
        };
        let sample = comp
            .iter()
            .filter_map(|&i| sampled.get(i))
            .copied()
            .max()
            .filter(|&n| n > 0)
            .map(|n| block::sample_note(n, "names"));
        groups.push(Group {
            topic: Topic::Entity { key },
            members,
            reason,
            score,
            sample,
        });
    }
    groups
}

/// Near names merged (Jaro-Winkler at [`score::NAME_MERGE_THRESHOLD`], blocked on the
/// last word and on the first four letters): each name → the smallest name of its set;
/// and each name compared in a block past the cap → that block's size.
fn merge_names(names: BTreeSet<String>) -> (BTreeMap<String, String>, BTreeMap<String, usize>) {
    let names: Vec<String> = names.into_iter().collect();
    // each name folded once, not once per candidate pair
    let folded_names: Vec<String> = names.iter().map(|n| score::folded_words(n)).collect();
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, folded) in folded_names.iter().enumerate() {
        if let Some(last) = folded.split(' ').next_back() {
            buckets.entry(format!("last:{last}")).or_default().push(i);
        }
        let prefix: String = folded.chars().take(4).collect();
        buckets
            .entry(format!("prefix:{prefix}"))
            .or_default()
            .push(i);
    }
    let mut uf = UnionFind::new(names.len());
    for members in buckets.values() {
        for (a, b) in block::bucket_pairs(members) {
            if score::key_similarity(&folded_names[a], &folded_names[b])
                >= score::NAME_MERGE_THRESHOLD
            {
                uf.union(a, b);
            }
        }
    }
    let sampled: BTreeMap<String, usize> = block::sampled_sizes(names.len(), buckets.values())
        .into_iter()
        .zip(&names)
        .filter(|(n, _)| *n > 0)
        .map(|(n, name)| (name.clone(), n))
        .collect();
    let mut out = BTreeMap::new();
    for comp in uf.components() {
        for &i in &comp {
            out.insert(names[i].clone(), names[comp[0]].clone());
        }
    }
    (out, sampled)
}

/// Mean, over the distinct sentences of a block (capped), of each sentence's best stem
/// overlap with another sentence of the block: how alike their wording is.
fn context_score(sources: &[Source], extractions: &[Extraction], members: &[Ref]) -> f64 {
    let mut sentences: BTreeMap<String, StemSet> = BTreeMap::new();
    for r in members {
        let Some(c) = extractions.get(r.source).and_then(|e| e.claims.get(r.item)) else {
            continue;
        };
        if let Some(text) = sources
            .get(r.source)
            .and_then(|s| s.text.get(c.sentence_span.clone()))
        {
            let folded = crate::normalize::fold(text);
            sentences
                .entry(folded)
                .or_insert_with(|| stems::stems(text));
            if sentences.len() >= block::BUCKET_PAIRWISE_CAP {
                break;
            }
        }
    }
    let sets: Vec<&StemSet> = sentences.values().collect();
    if sets.len() < 2 {
        return 1.0;
    }
    // each sentence's best overlap with another; the overlap is symmetric, so each pair
    // is scored once
    let mut best = vec![0.0_f64; sets.len()];
    for (i, a) in sets.iter().enumerate() {
        for (j, b) in sets.iter().enumerate().skip(i + 1) {
            let sim = score::jaccard(a, b);
            best[i] = best[i].max(sim);
            best[j] = best[j].max(sim);
        }
    }
    let total: f64 = best.iter().sum();
    total / sets.len() as f64
}

//! Cheap blocking: deterministic hashes, min-hash keys over stem sets, and a union-find
//! to turn candidate pairs into groups. Work inside a block is bounded by comparing
//! distinct representatives, never every member, so a claim repeated by thousands of
//! sources costs one comparison.

use crate::normalize::stems::StemSet;

/// How many min-hash keys a stem set gets. Two sets with overlap J share at least one
/// key with probability 1 - (1 - J)^8 (0.996 at J = 0.5).
pub(crate) const MINHASH_KEYS: u64 = 8;

/// At most this many representatives are compared pairwise inside one bucket; the rest
/// are compared with these only, which keeps a huge bucket linear.
pub(crate) const BUCKET_PAIRWISE_CAP: usize = 64;

/// FNV-1a with a seed: stable across runs and platforms (std's hasher is randomised).
pub(crate) fn fnv(seed: u64, s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Min-hash keys of a stem set, one per seed; empty for an empty set.
pub(crate) fn minhash_keys(stems: &StemSet) -> Vec<(u64, u64)> {
    if stems.is_empty() {
        return Vec::new();
    }
    let mut min = [u64::MAX; MINHASH_KEYS as usize];
    for key in stems.keys() {
        for (seed, m) in (0..MINHASH_KEYS).zip(min.iter_mut()) {
            *m = (*m).min(fnv(seed, key.bytes()));
        }
    }
    (0..MINHASH_KEYS).zip(min).collect()
}

/// Candidate pairs (i < j) among the members of one bucket: all pairs among the first
/// [`BUCKET_PAIRWISE_CAP`], then each later member against those only. Yielded one at a
/// time: a bucket of thousands holds 64 times as many pairs.
pub(crate) fn bucket_pairs(members: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    capped_pairs(members, BUCKET_PAIRWISE_CAP)
}

/// [`bucket_pairs`] with a cap of the caller's: all pairs among the first `cap` members,
/// then each later member against those only.
pub(crate) fn capped_pairs(
    members: &[usize],
    cap: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let head = members.len().min(cap);
    members.iter().enumerate().flat_map(move |(i, &a)| {
        members[..i.min(head)]
            .iter()
            .map(move |&b| (a.min(b), a.max(b)))
    })
}

/// The candidate partners of every item over all its buckets, each once: the members
/// before it in a bucket, within the first [`BUCKET_PAIRWISE_CAP`] — the pairs of
/// [`bucket_pairs`] over every bucket, without repeats, seen from their later member.
/// Members of a bucket must be in increasing order; `f` gets (partner, item), partner
/// first and smaller. Only one item's partners are held at a time.
pub(crate) fn each_partner<'b>(
    n: usize,
    buckets: impl Iterator<Item = &'b Vec<usize>>,
    mut f: impl FnMut(usize, usize),
) {
    let buckets: Vec<&Vec<usize>> = buckets.collect();
    // per item, where it stands: (bucket, position)
    let mut at: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    for (k, members) in buckets.iter().enumerate() {
        for (p, &m) in members.iter().enumerate() {
            if let Some(slot) = at.get_mut(m) {
                slot.push((k as u32, p as u32));
            }
        }
    }
    let mut partners: Vec<usize> = Vec::new();
    for (item, places) in at.iter().enumerate() {
        partners.clear();
        for &(k, p) in places {
            let members = buckets[k as usize];
            partners.extend(&members[..(p as usize).min(BUCKET_PAIRWISE_CAP)]);
        }
        partners.sort_unstable();
        partners.dedup();
        for &b in &partners {
            f(b, item);
        }
    }
}

/// For each of `n` items, the size of the largest bucket past [`BUCKET_PAIRWISE_CAP`]
/// that holds it (0: every pair it was in was compared): its comparisons were a sample.
pub(crate) fn sampled_sizes<'b>(
    n: usize,
    buckets: impl Iterator<Item = &'b Vec<usize>>,
) -> Vec<usize> {
    let mut out = vec![0; n];
    for members in buckets.filter(|m| m.len() > BUCKET_PAIRWISE_CAP) {
        for &i in members {
            if let Some(slot) = out.get_mut(i) {
                *slot = (*slot).max(members.len());
            }
        }
    }
    out
}

/// The note a finding gets when the group it comes from was built from sampled
/// comparisons: `n` items of one sort (`what`) shared a block.
pub(crate) fn sample_note(n: usize, what: &str) -> String {
    format!(
        "; compared as a sample: {n} {what} shared a block, the first {BUCKET_PAIRWISE_CAP} compared with each other, every other one with those only"
    )
}

/// Disjoint sets over `0..n` with path halving; `find` of a set is its smallest member,
/// so components come out in a stable order.
#[derive(Debug, Clone)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons.
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The representative (smallest member) of `x`'s set.
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }

    /// The sets with their members, both sorted.
    pub(crate) fn components(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for x in 0..n {
            let r = self.find(x);
            by_root.entry(r).or_default().push(x);
        }
        by_root.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable_and_seeded() {
        // seed 0 is plain 64-bit FNV-1a: the published value, the same on every platform
        assert_eq!(fnv(0, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(0, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(0, b"abc"), 0xe71f_a219_0541_574b);
        assert_ne!(fnv(0, b"abc"), fnv(1, b"abc"));
    }

    #[test]
    fn identical_sets_share_every_minhash_key() {
        // the same stems in another order and with repeats: one set, the same keys
        let a = StemSet::new(["relat", "betwe", "count"]);
        let b = StemSet::new(["count", "relat", "betwe", "relat"]);
        assert_eq!(minhash_keys(&a), minhash_keys(&b));
        assert_eq!(minhash_keys(&a).len(), MINHASH_KEYS as usize);
        // each key is the least hash over the set: more stems never raise one
        let more = StemSet::new(["relat", "betwe", "count", "milit", "partn"]);
        for ((seed, k), (seed_more, k_more)) in
            minhash_keys(&a).into_iter().zip(minhash_keys(&more))
        {
            assert_eq!(seed, seed_more);
            assert!(k_more <= k);
        }
        assert!(minhash_keys(&StemSet::default()).is_empty());
    }

    #[test]
    fn bucket_pairs_stay_linear_past_the_cap() {
        let members: Vec<usize> = (0..1000).collect();
        let cap = BUCKET_PAIRWISE_CAP;
        assert_eq!(
            bucket_pairs(&members).count(),
            cap * (cap - 1) / 2 + (1000 - cap) * cap
        );
    }

    #[test]
    fn each_partner_gives_the_pairs_of_every_bucket_once() {
        // overlapping buckets, one past the cap: the same pairs as bucket_pairs, no repeat
        let big: Vec<usize> = (0..200).collect();
        let buckets: [Vec<usize>; 3] = [big, vec![3, 70, 150, 199], (60..130).step_by(2).collect()];
        let mut want: Vec<(usize, usize)> = buckets.iter().flat_map(|m| bucket_pairs(m)).collect();
        want.sort_unstable();
        want.dedup();
        let mut got = Vec::new();
        each_partner(200, buckets.iter(), |a, b| got.push((a, b)));
        let n = got.len();
        got.sort_unstable();
        got.dedup();
        assert_eq!(got.len(), n, "a pair came twice");
        assert_eq!(got, want);
    }

    #[test]
    fn union_find_components_are_sorted() {
        let mut uf = UnionFind::new(5);
        uf.union(4, 1);
        uf.union(3, 0);
        assert_eq!(uf.components(), vec![vec![0, 3], vec![1, 4], vec![2]]);
    }
}

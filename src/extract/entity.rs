//! Entity mentions: people, organisations, places and titles with a canonical key.
//!
//! Names are runs of capitalised words ("Assistance Association of Political Prisoners",
//! with small connectors such as "of" allowed inside), minus sentence openers and other
//! capitalised words that are not names (the pack's `not_names`). A title at the start of
//! a run or just before it ("Senior General", "Kremlin spokesman") is split off the name.
//! Each name is classified by cues from `claims/entities.toml` and keyed by
//! [`crate::normalize::canonical_key`], so keys compare across sources. [`link`] then works on a
//! whole source: a bare surname takes the key of the one full name ending with it, and an
//! acronym defined in parentheses takes the key of the name before it.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use super::Mention;
use crate::ingest::Source;
use crate::normalize::{alias_entry, canonical_key, fold, is_acronym, strip_name};
use crate::pack::{EntityKind, Pack};
use crate::segment::Sentence;
use crate::text::Word;

/// Entity mentions in sentence `index`, found as extraction finds them: the sentence's
/// words borrowed from the source's ASCII lowercase, the alias phrases searched only when
/// [`alias_hits`] says they may occur.
#[cfg(test)]
pub(crate) fn find_mentions(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    pack: &Pack,
) -> Vec<Mention> {
    let lower = source.text.to_ascii_lowercase();
    let span = sentence.span.clone();
    let words = crate::text::words_lowered(
        source.text.get(span.clone()).unwrap_or(""),
        lower.get(span.clone()),
    );
    let aliases = alias_hits(&lower, &[span], pack);
    let aliases = aliases.first().copied().unwrap_or(true);
    let mut cite = SentenceFinder::new(&source.text, pack);
    find_mentions_in(source, index, sentence, &words, pack, aliases, &mut cite)
}

/// Builds the name lexicon this stage takes from the pack, ahead of the first sentence.
pub(crate) fn warm_up(pack: &Pack) {
    let _ = pack.prepared(Lexicon::new);
}

/// For each sentence span of `source`, whether it may hold a lowercase alias phrase ("the
/// defence ministry"): the `aliases` argument of [`find_mentions_in`], from one search of
/// the whole source ([`crate::text::PhraseFilter`]).
pub(crate) fn alias_hits(lower: &str, spans: &[std::ops::Range<usize>], pack: &Pack) -> Vec<bool> {
    pack.prepared(Lexicon::new).alias_filter.spans(lower, spans)
}

/// [`find_mentions`] with the sentence's [`words`] computed by the caller (shared with
/// attribution). `aliases` false says the sentence holds no lowercase alias phrase
/// ([`alias_hits`]); `cite`, shared by the sentences of the source in text order, finds
/// the sentence each name is cited in.
pub(crate) fn find_mentions_in(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    words: &[Word<'_>],
    pack: &Pack,
    aliases: bool,
    cite: &mut SentenceFinder<'_>,
) -> Vec<Mention> {
    let lex = pack.prepared(Lexicon::new);
    let Some(text) = source.text.get(sentence.span.clone()) else {
        return Vec::new();
    };
    let base = sentence.span.start;
    let mut out: Vec<Mention> = Vec::new();
    let mut pending_title: Option<(String, usize)> = None;
    // In a title-case headline every word is capitalised: only listed names count.
    let caps = words.iter().filter(|w| w.is_cap()).count();
    let unpunctuated = !text.trim_end().ends_with(['.', '!', '?', '"', '”', '’']);
    let headline = unpunctuated && caps >= 4 && {
        let long = words.iter().filter(|w| w.text.chars().count() >= 4).count();
        caps * 10 >= long * 7
    };
    for run in runs(text, words, &lex, pack) {
        let mut ws = &words[run.clone()];
        let mut title: Option<String> = None;
        let mut title_span = None;
        let n = lex.title_words(ws);
        if n > 0 {
            let t = &text[ws[0].start..ws[n - 1].end];
            title_span = Some(ws[0].start..ws[n - 1].end);
            title = Some(t.to_owned());
            ws = &ws[n..];
        }
        if ws.is_empty() {
            // A title on its own ("Deputy Defense Minister, Aleksandr Fomin").
            if let (Some(t), Some(sp)) = (title, title_span) {
                if t.split_whitespace().count() >= 2 {
                    out.push(mention(
                        pack,
                        &source.text,
                        base + sp.start..base + sp.end,
                        EntityKind::Title,
                        None,
                        index,
                    ));
                }
                pending_title = Some((t, sp.end));
            }
            continue;
        }
        let first = &ws[0];
        let last = &ws[ws.len() - 1];
        let span = first.start..last.name_end();
        let name = &text[span.clone()];
        // A title just before the run, lowercase ("junta leader", "deputy defence minister,").
        if title.is_none() {
            title = lex.title_before(text, words, run.start);
            if title.is_none() {
                if let Some((t, end)) = pending_title.take() {
                    if text[end..first.start].trim() == "," {
                        title = Some(t);
                    }
                }
            }
        }
        pending_title = None;
        let known = alias_entry(pack, name).map(|a| a.kind);
        let outlet = lex.outlets.contains(&fold(name));
        if headline && known.is_none() && !outlet {
            continue;
        }
        if known.is_none() && !outlet && ws.len() == 1 {
            let lower = first.lower();
            if lex
                .adjective_endings
                .iter()
                .any(|e| lower.ends_with(e.as_str()))
            {
                continue;
            }
            // A common noun for a source ("Residents told ...") is not a name.
            if lex.generic.contains(lower) {
                continue;
            }
            // A lone capitalised word opening the sentence is most often a common word,
            // unless it speaks ("Smith later said"), the source names it elsewhere, or
            // it is an acronym ("LAPD officers said") other than a wire dateline's place in
            // capitals ("LOKSA (Wire) –", which says where the story was filed).
            let opener = text[..first.start].chars().all(|c| !c.is_alphanumeric());
            let in_dateline = source
                .dateline
                .as_ref()
                .is_some_and(|d| d.span.contains(&(base + first.start)));
            let acronym = is_acronym(first.text) && first.text.chars().count() <= 6 && !in_dateline;
            if opener
                && !acronym
                && !last.possessive
                && !lex.speaks_after(words, run.end)
                && !named_elsewhere(&source.text, base, first.text)
            {
                continue;
            }
        }
        let prev = run.start.checked_sub(1).map(|i| &words[i]);
        let next = next_word(words, run.end - 1);
        let kind =
            known.unwrap_or_else(|| lex.classify(ws, title.is_some(), outlet, prev, next, text));
        let span = base + span.start..base + span.end;
        out.push(mention(pack, &source.text, span, kind, title, index));
    }
    // Lowercase alias phrases ("the defence ministry", "deputy defence minister").
    let alias_matches = aliases.then(|| lex.aliases.find_iter(text));
    for m in alias_matches.into_iter().flatten() {
        let (s, e) = (m.start(), m.end());
        if !crate::text::is_whole_word(text, s, e) {
            continue;
        }
        if out
            .iter()
            .any(|x| x.span.start - base < e && s < x.span.end - base)
        {
            continue;
        }
        let Some(a) = lex.alias_kinds.get(m.pattern().as_usize()) else {
            continue;
        };
        let span = base + s..base + e;
        out.push(mention(pack, &source.text, span, *a, None, index));
    }
    out.sort_by_key(|m| m.span.start);
    // "Name (ACR)": the acronym names the same entity.
    for i in 1..out.len() {
        let gap = text
            .get(out[i - 1].span.end - base..out[i].span.start - base)
            .unwrap_or("");
        let after = text.get(out[i].span.end - base..).unwrap_or("");
        if gap.trim() == "("
            && after.starts_with(')')
            && is_acronym(&out[i].text)
            && abbreviates(&out[i].text, &out[i - 1].text)
        {
            let (key, canonical, kind) = (
                out[i - 1].key.clone(),
                out[i - 1].canonical.clone(),
                out[i - 1].kind,
            );
            let m = &mut out[i];
            m.key = key;
            m.canonical = canonical;
            m.kind = kind;
        }
    }
    for m in &mut out {
        m.sentence_span = cite.around(m.span.clone());
    }
    out
}

/// Whether `acronym` may stand for `name`: at least half its letters are initials of the
/// name's words, in any order ("CNE" for "National Electoral Council", "RMG" for
/// "Readymade Garment"), unlike an agency's credit after a dateline ("Seoul, South Korea
/// (AP)").
fn abbreviates(acronym: &str, name: &str) -> bool {
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let hits = letters.iter().filter(|c| initials.contains(c)).count();
    !letters.is_empty() && hits * 2 >= letters.len()
}

/// Source-level linking of the mentions of one source: a bare surname or a shortened
/// name ("Fomin", "Aung Hlaing") takes the key of the one longer person name in the
/// source that ends with it, and an acronym defined as "Name (ACR)" anywhere in the
/// source takes that name's key everywhere. Two people who share a surname ("John
/// Smith", "Jane Smith") leave the bare surname with its own key.
pub(crate) fn link(mentions: &mut [Mention], pack: &Pack) {
    let mut people: BTreeMap<String, (Vec<String>, String)> = BTreeMap::new();
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
    let mut tails: FxHashMap<&str, Vec<&String>> = FxHashMap::default();
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
    let mut acronyms: BTreeMap<String, (String, String, EntityKind)> = BTreeMap::new();
    for m in mentions.iter() {
        if is_acronym(&m.text) && fold(&m.key) != fold(&m.text).replace('.', "") {
            acronyms.insert(m.text.clone(), (m.key.clone(), m.canonical.clone(), m.kind));
        }
    }
    for m in mentions.iter_mut() {
        if let Some((key, canonical, kind)) = acronyms.get(&m.text) {
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
        let owner = match tails.get(m.key.as_str()).map(Vec::as_slice) {
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

/// The mention of the name at `span` of the source `text`, with its key.
fn mention(
    pack: &Pack,
    text: &str,
    span: std::ops::Range<usize>,
    kind: EntityKind,
    title: Option<String>,
    sentence: usize,
) -> Mention {
    let written = &text[span.clone()];
    let name = strip_name(written);
    let (key, canonical) = pack.prepared(|_| KeyCache::default()).key(pack, name, kind);
    Mention {
        // filled by `find_mentions_in` once the sentence's names are in text order
        sentence_span: 0..0,
        span,
        text: written.to_owned(),
        key,
        canonical,
        kind,
        title,
        sentence,
    }
}

/// [`SentenceFinder::around`] for one span (test mentions are built one at a time).
#[cfg(test)]
pub(crate) fn sentence_around(
    text: &str,
    span: std::ops::Range<usize>,
    pack: &Pack,
) -> std::ops::Range<usize> {
    SentenceFinder::new(text, pack).around(span)
}

/// The sentence a name is cited in ([`Mention::sentence_span`]): from after the last
/// sentence end ([.!?] then a space, or a line break) before the span to the first one
/// after it. A period after an initial, a title or an abbreviation of the pack ends no
/// sentence. Unlike the segmenter's sentences it never crosses a line break.
///
/// Spans asked in text order share the walks, each stopping where the one before it
/// went: a line of thousands of names is read about once, not once per name.
pub(crate) struct SentenceFinder<'t> {
    text: &'t str,
    pack: &'t Pack,
    /// The last span start walked back from, and the start that walk found.
    back: Option<(usize, usize)>,
    /// The last span end walked on from, and the end that walk found.
    ahead: Option<(usize, usize)>,
}

impl<'t> SentenceFinder<'t> {
    pub(crate) fn new(text: &'t str, pack: &'t Pack) -> SentenceFinder<'t> {
        SentenceFinder {
            text,
            pack,
            back: None,
            ahead: None,
        }
    }

    /// The sentence around `span`.
    pub(crate) fn around(&mut self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let bytes = self.text.as_bytes();
        let (lo, hi) = (span.start.min(bytes.len()), span.end.min(bytes.len()));
        // A walk back from `from` <= lo found `found`: reaching `from`, this one would too.
        let before = self.back.filter(|&(from, _)| from <= lo);
        let mut start = lo;
        loop {
            if let Some((from, found)) = before {
                if start == from {
                    start = found;
                    break;
                }
            }
            if start == 0 {
                break;
            }
            let i = start - 1;
            if bytes[i] == b'\n'
                || (i > 0 && bytes[i].is_ascii_whitespace() && self.ends_sentence(i - 1))
            {
                break;
            }
            start -= 1;
        }
        self.back = Some((lo, start));
        let mut end = hi;
        match self.ahead {
            // no sentence end from `from` up to `found` - 1, where that walk stopped
            Some((from, found)) if from <= hi && hi < found => end = found,
            _ => {
                while end < bytes.len() {
                    if bytes[end] == b'\n' {
                        break;
                    }
                    if self.ends_sentence(end) {
                        end += 1;
                        break;
                    }
                    end += 1;
                }
            }
        }
        self.ahead = Some((hi, end));
        while start < lo && bytes[start].is_ascii_whitespace() {
            start += 1;
        }
        // Keep char boundaries: the bytes tested are ASCII, so both ends are on boundaries.
        start..end.max(hi)
    }

    /// Whether the byte at `i` ends a sentence: [.!?] before a space or the end, and not
    /// the period of an initial, a title or an abbreviation of the pack ("Gen.", "U.S.").
    fn ends_sentence(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        if !matches!(b.get(i), Some(b'.' | b'!' | b'?'))
            || !b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
        {
            return false;
        }
        if b[i] != b'.' {
            return true;
        }
        let from = b[..i]
            .iter()
            .rposition(|c| !(c.is_ascii_alphabetic() || *c == b'.'))
            .map_or(0, |p| p + 1);
        let word = std::str::from_utf8(&b[from..i]).unwrap_or("");
        let is_initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
        !(is_initial
            || self
                .pack
                .titles
                .iter()
                .chain(&self.pack.abbreviations)
                .any(|a| a.trim_end_matches('.') == word))
    }
}

/// [`entity_key`] results of one pack, remembered: a name recurs within a source and
/// across the sources of a story, and keying it (alias lookup, respelling) costs far more
/// than a lookup. Stops remembering past [`KeyCache::MAX`] names, so memory stays bounded.
#[derive(Default)]
struct KeyCache(std::sync::RwLock<FxHashMap<EntityKind, FxHashMap<String, KeyAndName>>>);

/// A canonical key and display name.
type KeyAndName = (String, String);

impl KeyCache {
    const MAX: usize = 1 << 16;

    /// `entity_key(pack, name, kind)`, from the cache when it was computed before.
    fn key(&self, pack: &Pack, name: &str, kind: EntityKind) -> (String, String) {
        if let Ok(map) = self.0.read() {
            if let Some(k) = map.get(&kind).and_then(|m| m.get(name)) {
                return k.clone();
            }
        }
        let k = entity_key(pack, name, kind);
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

/// Whether `word` appears capitalised in `text` after a word or a comma, not only at
/// the start of sentences. Looks within 8,000 bytes of `near`, so that a huge source
/// costs linear time.
fn named_elsewhere(text: &str, near: usize, word: &str) -> bool {
    let mut lo = near.saturating_sub(8_000);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (near + 8_000).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let text = &text[lo..hi];
    // `text.match_indices(word)`, SIMD-searched (both give the leftmost non-overlapping
    // matches)
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|i| {
        let after = text[i + word.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        let before = text[..i].trim_end_matches([' ', '\t']);
        if before.len() == text[..i].len() {
            return false; // glued to the word before
        }
        // on its own there: not inside a longer name ("Defence" in "Defence Ministry")
        let rest = &text[i + word.len()..];
        let rest = rest
            .strip_prefix("’s")
            .or_else(|| rest.strip_prefix("'s"))
            .unwrap_or(rest)
            .trim_start();
        let next_cap = rest.chars().next().is_some_and(char::is_uppercase);
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let prev_cap = prev_word.chars().next().is_some_and(char::is_uppercase);
        !next_cap
            && !prev_cap
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

fn next_word<'w, 'a>(words: &'w [Word<'a>], i: usize) -> Option<&'w Word<'a>> {
    words.get(i + 1)
}

/// Word-index ranges of the capitalised runs of a sentence, trimmed of openers and
/// connectors.
fn runs(text: &str, words: &[Word<'_>], lex: &Lexicon, pack: &Pack) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_cap() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].possessive {
            let gap = &text[words[end - 1].end..words[end].start];
            // "U.S. Geological Survey": the final dot of an acronym stays in the name, and
            // so does an initial's ("George W. Bush", "K. J. Alphons")
            let initial = words[end - 1].text.len() == 1 && words[end - 1].is_cap();
            let dotted = (words[end - 1].text.contains('.') || initial) && gap == ". ";
            if gap != " " && !dotted {
                break;
            }
            if words[end].is_cap() && !lex.not_names.contains(words[end].lower()) {
                end += 1;
                continue;
            }
            // connectors inside a name, only when a capitalised word follows
            let mut j = end;
            while j < words.len()
                && lex.connectors.contains(words[j].lower())
                && text[words[j - 1].end..words[j].start] == *" "
            {
                j += 1;
            }
            if j > end
                && j < words.len()
                && words[j].is_cap()
                && text[words[j - 1].end..words[j].start] == *" "
                && !person_of_org(words, start..end, j, lex)
            {
                end = j + 1;
                continue;
            }
            if let Some(after) = org_join(words, text, start..end, lex, pack) {
                end = after;
                continue;
            }
            break;
        }
        i = end;
        // trim openers and connectors at the start, connectors at the end
        let mut s = start;
        while s < end
            && ((lex.not_names.contains(words[s].lower()) && !is_acronym(words[s].text))
                || lex.connectors.contains(words[s].lower()))
        {
            s += 1;
        }
        let mut e = end;
        while e > s && lex.connectors.contains(words[e - 1].lower()) {
            e -= 1;
        }
        if s < e && words[s].is_cap() {
            out.push(s..e);
        }
    }
    out
}

/// When the word after `left` joins it to the rest of one organisation's name ("Justice
/// and Memory Collective", "Office of Management and Budget"; see `org_joiners` in
/// `claims/entities.toml`), the index of the first word after that name.
fn org_join(
    words: &[Word<'_>],
    text: &str,
    left: std::ops::Range<usize>,
    lex: &Lexicon,
    pack: &Pack,
) -> Option<usize> {
    let joiner = left.end;
    let single = |i: usize| text.get(words[i - 1].end..words[i].start) == Some(" ");
    if !lex.org_joiners.contains(words.get(joiner)?.lower())
        || words[left.end - 1].possessive
        || !single(joiner)
    {
        return None;
    }
    // the capitalised words after the joiner, with connectors inside
    let mut end = joiner + 1;
    while end < words.len()
        && single(end)
        && (words[end].is_cap()
            || (lex.connectors.contains(words[end].lower())
                && words.get(end + 1).is_some_and(|n| n.is_cap())))
        && !lex.not_names.contains(words[end].lower())
    {
        end += 1;
        if words[end - 1].possessive {
            break;
        }
    }
    // "the Defence Ministry and Russia": a known name after the joiner stands alone
    if end == joiner + 1 {
        return None;
    }
    let right_text = text.get(words[joiner + 1].start..words[end - 1].name_end())?;
    if alias_entry(pack, right_text).is_some() {
        return None;
    }
    let is_org = |w: &Word<'_>| lex.org_words.contains(w.lower());
    let left_org = words[left.clone()].iter().any(is_org);
    let right_org = words[joiner + 1..end].iter().any(is_org);
    // "Office of Management": an organisation word, then "of"
    let org_of = words[left.clone()]
        .windows(2)
        .any(|p| is_org(&p[0]) && p[1].lower() == "of");
    let short_tail = end - joiner - 1 <= 2;
    ((right_org && !left_org) || (org_of && short_tail)).then_some(end)
}

/// Whether joining `left` to the capitalised words from `right` would glue a person to
/// the organisation named after them ("Maria Neira of the World Health Organization"):
/// the right part has an organisation word and the left part has none.
fn person_of_org(
    words: &[Word<'_>],
    left: std::ops::Range<usize>,
    right: usize,
    lex: &Lexicon,
) -> bool {
    let is_org = |w: &Word<'_>| lex.org_words.contains(w.lower());
    let left_org = words[left].iter().any(is_org);
    let right_org = words[right..]
        .iter()
        .take_while(|w| w.is_cap() || lex.connectors.contains(w.lower()))
        .any(is_org);
    right_org && !left_org
}

/// The entity lexicon of a pack, prepared once.
struct Lexicon {
    titles: Vec<Vec<String>>,
    /// Indices in `titles` (in its order) by first word: a title can only match words
    /// starting with its first word.
    titles_by_first: FxHashMap<String, Vec<usize>>,
    /// Whether some title has no words (it would match anywhere).
    empty_title: bool,
    org_words: FxHashSet<String>,
    outlets: FxHashSet<String>,
    place_words: FxHashSet<String>,
    event_words: FxHashSet<String>,
    place_cues: FxHashSet<String>,
    connectors: FxHashSet<String>,
    org_joiners: FxHashSet<String>,
    not_names: FxHashSet<String>,
    adjective_endings: Vec<String>,
    speech_forms: FxHashSet<String>,
    speech_skip: FxHashSet<String>,
    all_speech_forms: FxHashSet<String>,
    generic: FxHashSet<String>,
    aliases: AhoCorasick,
    alias_filter: crate::text::PhraseFilter,
    alias_kinds: Vec<EntityKind>,
}

impl Lexicon {
    fn new(pack: &Pack) -> Lexicon {
        let e = &pack.entities;
        let set =
            |v: &[String]| -> FxHashSet<String> { v.iter().map(|w| w.to_lowercase()).collect() };
        let mut titles: Vec<Vec<String>> = e
            .titles
            .iter()
            .map(|t| t.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        titles.sort_by_key(|t: &Vec<String>| std::cmp::Reverse(t.len()));
        let mut titles_by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in titles.iter().enumerate() {
            if let Some(w) = t.first() {
                titles_by_first.entry(w.clone()).or_default().push(i);
            }
        }
        let empty_title = titles.iter().any(Vec::is_empty);
        let mut patterns = Vec::new();
        let mut alias_kinds = Vec::new();
        for a in &pack.aliases {
            for v in std::iter::once(&a.canonical).chain(&a.variants) {
                // Only lowercase phrases: capitalised names are found as runs.
                if v.chars().next().is_some_and(char::is_lowercase) {
                    patterns.push(v.clone());
                    alias_kinds.push(a.kind);
                }
            }
        }
        #[allow(clippy::expect_used)]
        let aliases = AhoCorasickBuilder::new()
            // a full DFA: one table step per byte of every sentence, built once per pack
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("alias phrases build an automaton");
        Lexicon {
            titles,
            titles_by_first,
            empty_title,
            org_words: set(&e.organization_words),
            outlets: e.outlets.iter().map(|o| fold(o)).collect(),
            place_words: set(&e.place_words),
            event_words: set(&e.event_words),
            place_cues: set(&e.place_cues),
            connectors: set(&e.connectors),
            org_joiners: set(&e.org_joiners),
            not_names: set(&e.not_names),
            adjective_endings: e
                .adjective_endings
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            speech_forms: pack
                .speech_verbs
                .iter()
                .filter(|v| !v.weak)
                .flat_map(|v| v.forms.iter().cloned())
                .collect(),
            speech_skip: pack.speech_skip.iter().cloned().collect(),
            all_speech_forms: pack
                .speech_verbs
                .iter()
                .flat_map(|v| v.forms.iter().cloned())
                .collect(),
            generic: set(&e.generic_sources),
            alias_filter: crate::text::PhraseFilter::new(&patterns),
            aliases,
            alias_kinds,
        }
    }

    /// Whether a strong speech verb follows word index `from`, past adverbials
    /// ("Smith later said").
    fn speaks_after(&self, words: &[Word<'_>], from: usize) -> bool {
        for w in words.iter().skip(from).take(4) {
            let lower = w.lower();
            if self.all_speech_forms.contains(lower) {
                return true;
            }
            let number = lower.chars().all(|c| c.is_ascii_digit());
            if !self.speech_skip.contains(lower) && !number {
                return false;
            }
        }
        false
    }

    /// Whether a single word is a national or other adjective ("Turkish", "Chinese").
    fn is_adjective(&self, w: &Word<'_>) -> bool {
        let lower = w.lower();
        self.adjective_endings
            .iter()
            .any(|e| lower.ends_with(e.as_str()))
    }

    /// Number of leading words of a capitalised run that are the title of the name after
    /// them: a listed title, or titles in a row ("Chief Minister"), after a national
    /// adjective ("Turkish President Tayyip Erdogan") or after the body the holder
    /// belongs to ("Electoral Council President Ana Ruiz", "Harbour Trust Chief
    /// Executive Tom Okafor"). Zero when what follows names an organisation ("Justice
    /// Ministry" is not Mr Ministry with the title Justice), and a title after other
    /// words needs two name words after it.
    fn title_words(&self, ws: &[Word<'_>]) -> usize {
        let is_org = |w: &Word<'_>| self.org_words.contains(w.lower());
        let chain = |from: usize| {
            let mut end = from + self.title_prefix(&ws[from..]);
            while end > from && end < ws.len() {
                let more = self.title_prefix(&ws[end..]);
                if more == 0 || end + more >= ws.len() {
                    break;
                }
                end += more;
            }
            end
        };
        // found once, so that a long run costs linear time
        let last_org = ws.iter().rposition(is_org);
        let name_after =
            |end: usize, min: usize| ws.len() >= end + min && last_org.is_none_or(|i| i < end);
        let end = chain(0);
        if end > 0 {
            return if name_after(end, 0) { end } else { 0 };
        }
        if ws.len() > 2 && self.is_adjective(&ws[0]) {
            let end = chain(1);
            if end > 1 && name_after(end, 1) {
                return end;
            }
        }
        for from in 1..ws.len().saturating_sub(2) {
            if ws[from - 1].possessive || self.connectors.contains(ws[from].lower()) {
                continue;
            }
            let end = chain(from);
            if end > from && name_after(end, 2) {
                return end;
            }
        }
        0
    }

    /// Number of leading words of `ws` that form the longest title.
    fn title_prefix(&self, ws: &[Word<'_>]) -> usize {
        // Only titles starting with the first word can match (all of them when a title
        // is empty), tried in the same order.
        let candidates: Box<dyn Iterator<Item = &Vec<String>>> = match ws.first() {
            Some(w) if !self.empty_title => Box::new(
                self.titles_by_first
                    .get(w.lower())
                    .into_iter()
                    .flatten()
                    .filter_map(|&i| self.titles.get(i)),
            ),
            _ => Box::new(self.titles.iter()),
        };
        for t in candidates {
            if t.len() <= ws.len()
                && t.iter().zip(ws).all(|(a, w)| *a == w.lower())
                && !ws[..t.len()].iter().any(|w| w.possessive)
                && ws.get(t.len()).is_none_or(Word::is_cap)
            {
                return t.len();
            }
        }
        0
    }

    /// A lowercase title right before word `at` (after a space or ", ").
    fn title_before(&self, text: &str, words: &[Word<'_>], at: usize) -> Option<String> {
        let first = words.get(at)?;
        let mut j = at;
        let mut cursor = first.start;
        let mut seq: Vec<usize> = Vec::new();
        while j > 0 && seq.len() < 4 {
            let w = &words[j - 1];
            let gap = &text[w.end..cursor];
            let ok_gap = gap == " " || (seq.is_empty() && gap == ", ");
            if !ok_gap || w.is_cap() || w.possessive && !seq.is_empty() {
                break;
            }
            seq.push(j - 1);
            cursor = w.start;
            j -= 1;
        }
        seq.reverse();
        // the longest suffix of `seq` that is a title
        for k in 0..seq.len() {
            if !self.titles_by_first.contains_key(words[seq[k]].lower()) {
                continue; // no title starts with this word
            }
            let cand: Vec<String> = seq[k..]
                .iter()
                .map(|&i| words[i].lower().to_owned())
                .collect();
            if self
                .titles_by_first
                .get(&cand[0])
                .is_some_and(|ids| ids.iter().any(|&t| self.titles.get(t) == Some(&cand)))
            {
                let s = words[seq[k]].start;
                let e = words[seq[seq.len() - 1]].end;
                return Some(text[s..e].to_owned());
            }
        }
        None
    }

    fn classify(
        &self,
        ws: &[Word<'_>],
        titled: bool,
        outlet: bool,
        prev: Option<&Word<'_>>,
        next: Option<&Word<'_>>,
        _text: &str,
    ) -> EntityKind {
        let lower: Vec<&str> = ws.iter().map(Word::lower).collect();
        if outlet || lower.iter().any(|w| self.org_words.contains(*w)) {
            return EntityKind::Organization;
        }
        if lower.last().is_some_and(|w| self.event_words.contains(*w)) {
            return EntityKind::Event;
        }
        if titled {
            return EntityKind::Person;
        }
        if ws.len() == 1 && is_acronym(ws[0].text) {
            return EntityKind::Organization;
        }
        if lower.iter().any(|w| self.place_words.contains(*w)) {
            return EntityKind::Place;
        }
        if prev.is_some_and(|p| self.place_cues.contains(p.lower_text())) {
            return EntityKind::Place;
        }
        // "the Chronicle reported": a single name after "the" is an organisation
        if ws.len() == 1 && prev.is_some_and(|p| p.text == "the") {
            return EntityKind::Organization;
        }
        let speaks = next.is_some_and(|n| self.speech_forms.contains(n.lower()));
        let significant = lower
            .iter()
            .filter(|w| !self.connectors.contains(**w))
            .count();
        if speaks || (significant >= 2 && significant == lower.len()) {
            return EntityKind::Person;
        }
        if significant >= 2 {
            return EntityKind::Organization;
        }
        EntityKind::Place
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Source;
    use crate::segment::segment;

    #[test]
    fn sentence_around_stays_on_the_line() {
        let t = "one\ntwo Fomin here\nthree";
        let r = sentence_around(t, 8..13, &Pack::default_pack());
        assert_eq!(&t[r], "two Fomin here");
    }

    #[test]
    fn sentence_around_finds_the_sentence_inside_a_paragraph() {
        let t =
            "It rained on Friday. Gen. Fomin met Mr. J. Hlaing in the U.S. capital. Then he left.";
        let at = t.find("Fomin").expect("in text");
        let r = sentence_around(t, at..at + 5, &Pack::default_pack());
        assert_eq!(&t[r], "Gen. Fomin met Mr. J. Hlaing in the U.S. capital.");
    }

    proptest::proptest! {
        #[test]
        fn a_shared_finder_finds_what_a_fresh_one_does(
            text in "(Gen\\. |U\\.S\\. |J\\. |[a-z]{1,4}|[.!?]|[ \n])*",
            picks in proptest::collection::vec((0usize..200, 0usize..8), 0..12),
            sorted in proptest::bool::ANY,
        ) {
            let pack = Pack::default_pack();
            let mut spans: Vec<std::ops::Range<usize>> = picks
                .iter()
                .map(|&(at, len)| {
                    let lo = at.min(text.len());
                    lo..(lo + len).min(text.len())
                })
                .collect();
            if sorted {
                spans.sort_by_key(|s| (s.start, s.end));
            }
            let mut shared = SentenceFinder::new(&text, &pack);
            for span in spans {
                let fresh = sentence_around(&text, span.clone(), &pack);
                proptest::prop_assert_eq!(shared.around(span), fresh);
            }
        }
    }

    fn mentions(text: &str) -> Vec<Mention> {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        let sentences = segment(&source, &pack);
        let mut out = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            out.extend(find_mentions(&source, i, s, &pack));
        }
        link(&mut out, &pack);
        out
    }

    #[test]
    fn every_mention_carries_the_sentence_it_is_cited_in() {
        let text = "Aid came on Friday.\nGen. Vossberg met the mayor of Port Elden. He left.\n";
        let ms = mentions(text);
        let cited: Vec<(&str, &str)> = ms
            .iter()
            .map(|m| (m.text.as_str(), &text[m.sentence_span.clone()]))
            .collect();
        let sentence = "Gen. Vossberg met the mayor of Port Elden.";
        assert_eq!(cited, [("Vossberg", sentence), ("Port Elden", sentence)]);
    }

    fn show(ms: &[Mention]) -> String {
        ms.iter()
            .map(|m| {
                format!(
                    "{} [{:?} {}{}]",
                    m.text,
                    m.kind,
                    m.key,
                    m.title
                        .as_ref()
                        .map(|t| format!(" / {t}"))
                        .unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn titles_are_split_off_person_names() {
        let ms = mentions("Talks were held with Field Marshal Ana Ruiz and Mayor Tom Okafor.");
        insta::assert_snapshot!(show(&ms), @r"
        Ana Ruiz [Person ana ruiz / Field Marshal]
        Tom Okafor [Person tom okafor / Mayor]
        ");
    }

    #[test]
    fn and_joins_the_parts_of_one_organisation_only() {
        let ms = mentions(
            "The Justice and Memory Collective and the Office of Management and Budget \
             disagreed. Russia and China abstained. The Defence Ministry and Russia signed. \
             Ana Ruiz and Tom Okafor met the Food and Drug Administration.",
        );
        insta::assert_snapshot!(show(&ms), @r"
        Justice and Memory Collective [Organization justice and memory collective]
        Office of Management and Budget [Organization management and budget office]
        Russia [Place russia]
        China [Place china]
        Defence Ministry [Organization defense ministry]
        Russia [Place russia]
        Ana Ruiz [Person ana ruiz]
        Tom Okafor [Person tom okafor]
        Food and Drug Administration [Organization food and drug administration]
        ");
    }

    #[test]
    fn pm_is_a_title_and_guards_mark_an_organisation() {
        let ms = mentions("PM Okafor thanked the Northern Coast Guards on Friday.");
        let shown = show(&ms);
        assert!(shown.contains("Okafor [Person okafor / PM]"), "{shown}");
        assert!(shown.contains("Coast Guards [Organization"), "{shown}");
    }

    #[test]
    fn lowercase_title_before_a_name_is_kept() {
        let ms = mentions(
            "The talks angered Chile’s foreign minister, Ines Vidal, and army spokesman Raul Soto.",
        );
        insta::assert_snapshot!(show(&ms), @r"
        Chile [Place chile]
        Ines Vidal [Person ines vidal / foreign minister]
        Raul Soto [Person raul soto / spokesman]
        ");
    }

    #[test]
    fn organisations_and_their_acronyms_share_a_key() {
        let ms = mentions(
            "Figures come from the National Office of Seismic Records (NOSR). Later the NOSR revised them.",
        );
        let keys: Vec<&str> = ms.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["nosr", "nosr", "nosr"]);
        assert!(ms.iter().all(|m| m.kind == EntityKind::Organization));
    }

    #[test]
    fn an_agency_credit_after_a_place_is_not_its_acronym() {
        let ms = mentions_one("The ferry sank off Vossberg (AP) on Monday.");
        let ap = ms.iter().find(|m| m.text == "AP").map(|m| m.key.as_str());
        assert_eq!(ap, Some("ap"), "{}", show(&ms));
        assert!(abbreviates("CNE", "National Electoral Council"));
        assert!(!abbreviates("AP", "South Korea"));
    }

    #[test]
    fn bare_surname_attaches_to_the_one_full_name() {
        let ms = mentions("Mayor Pavel Orlov opened the bridge. Orlov said it cost little.");
        assert_eq!(ms[1].text, "Orlov");
        assert_eq!(ms[1].key, ms[0].key);
        assert_eq!(ms[1].kind, EntityKind::Person);
    }

    #[test]
    fn opening_word_is_a_name_when_it_speaks_or_recurs() {
        let ms = mentions("Okafor, 52, said little. Okafor later added more. Harbour staff left.");
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Okafor", "Okafor"]);
    }

    #[test]
    fn an_acronym_opening_a_sentence_is_a_name() {
        let ms = mentions("VHPD officers closed the road. Harbour staff left.");
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["VHPD"]);
        // not the place of a wire dateline, written in capitals
        let ms = mentions("ELDEN (Harbour Wire) - the ferries stopped. VHPD officers left.");
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Harbour Wire", "VHPD"]);
    }

    /// Mentions of `text` taken as one sentence (independent of the segmenter).
    fn mentions_one(text: &str) -> Vec<Mention> {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        let sentence = Sentence {
            span: 0..text.len(),
            paragraph: 0,
        };
        find_mentions(&source, 0, &sentence, &pack)
    }

    #[test]
    fn dotted_acronym_stays_inside_a_name() {
        let ms = mentions_one("Data came from the U.S. Geological Survey on Monday.");
        insta::assert_snapshot!(show(&ms), @"U.S. Geological Survey [Organization united states geological survey]");
    }

    #[test]
    fn person_is_not_glued_to_the_organisation_after_of() {
        let ms =
            mentions_one("Talks with Ana Lima of the Red Cross Federation and the Bank of Spain.");
        insta::assert_snapshot!(show(&ms), @r"
        Ana Lima [Person ana lima]
        Red Cross Federation [Organization rcf]
        Bank of Spain [Organization bank of spain]
        ");
    }

    #[test]
    fn national_adjective_before_a_title_is_not_part_of_the_name() {
        let ms = mentions_one("Talks began after Chilean President Rosa Vidal arrived.");
        insta::assert_snapshot!(show(&ms), @"Rosa Vidal [Person rosa vidal / Chilean President]");
    }

    #[test]
    fn titles_in_a_row_and_the_body_before_a_title_are_not_the_name() {
        let ms = mentions_one(
            "Chief Minister Paulo Venn met Harbour Council President Ida Marr and \
             Finance Director Tom Okafor at the Justice Ministry.",
        );
        insta::assert_snapshot!(show(&ms), @r"
        Paulo Venn [Person paulo venn / Chief Minister]
        Ida Marr [Person ida marr / Harbour Council President]
        Tom Okafor [Person tom okafor / Finance Director]
        Justice Ministry [Organization justice ministry]
        ");
    }

    #[test]
    fn acronym_that_spells_a_common_word_is_kept() {
        let ms = mentions_one("WHO officials met on Monday.");
        insta::assert_snapshot!(show(&ms), @"WHO [Organization world health organization]");
    }

    #[test]
    fn shortened_name_attaches_to_the_longer_name() {
        let ms = mentions("Senior General Ko Min Tun spoke. Later General Min Tun left.");
        assert_eq!(ms[1].text, "Min Tun");
        assert_eq!(ms[1].key, "ko min tun");
    }

    #[test]
    fn shared_surname_of_two_people_is_not_merged() {
        let ms = mentions(
            "John Smith met Jane Smith in the capital Lima. Smith said the meeting went well.",
        );
        let smith = ms.iter().find(|m| m.text == "Smith").map(|m| m.key.clone());
        assert_eq!(smith.as_deref(), Some("smith"));
        assert_ne!(ms[0].key, ms[1].key);
    }

    #[test]
    fn places_come_from_aliases_and_cues() {
        let ms = mentions("Aid reached Burma on Monday, and more went to the capital Quito.");
        insta::assert_snapshot!(show(&ms), @r"
        Burma [Place myanmar]
        Quito [Place quito]
        ");
    }

    #[test]
    fn names_with_an_elided_article_are_one_place() {
        // opening a sentence and after "of": the whole name, keyed through its alias
        let ms = mentions("Côte d'Ivoire exports cocoa. Prices rose in Côte d’Ivoire.");
        insta::assert_snapshot!(show(&ms), @r"
        Côte d'Ivoire [Place cote d ivoire]
        Côte d’Ivoire [Place cote d ivoire]
        ");
        let ms = mentions("Floods struck near L'Aquila and in Ivory Coast.");
        insta::assert_snapshot!(show(&ms), @r"
        L'Aquila [Place l aquila]
        Ivory Coast [Place cote d ivoire]
        ");
    }

    #[test]
    fn lowercase_alias_phrases_are_mentions() {
        let ms = mentions("A statement from the defense ministry was read out.");
        insta::assert_snapshot!(show(&ms), @"defense ministry [Organization defense ministry]");
    }

    #[test]
    fn sentence_openers_and_adjectives_are_not_names() {
        let ms = mentions(
            "Yesterday the Chilean navy sailed. However, Peruvian boats stayed. Harbour ties grew. \
             The Harbour Authority met.",
        );
        let ms: Vec<Mention> = ms
            .into_iter()
            .filter(|m| m.text != "Harbour Authority")
            .collect();
        assert!(ms.is_empty(), "{}", show(&ms));
    }

    #[test]
    fn transliterations_share_a_key_across_texts() {
        let a = mentions("The envoy Aleksandr Volkov arrived.");
        let b = mentions("The envoy Alexander Volkov arrived.");
        assert_eq!(a[0].key, b[0].key);
        assert_ne!(a[0].text, b[0].text);
    }
}

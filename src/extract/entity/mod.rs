//! Entity mentions: people, organisations, places and titles with a canonical key.
//!
//! Names are runs of capitalised words ("Assistance Association of Political Prisoners",
//! with small connectors such as "of" allowed inside), minus sentence openers and other
//! capitalised words that are not names (the pack's `not_names`). A title at the start of
//! a run or just before it ("Senior General", "Kremlin spokesman") is split off the name;
//! a person's title may also stand in an appositive ("Ana Ruiz, head of the port board,").
//! Each name is classified by cues from `claims/entities.toml` and keyed by
//! [`crate::normalize::canonical_key`], so keys compare across sources. [`link`] then works on a
//! whole source: a bare surname takes the key of the one full name ending with it, and an
//! acronym defined in parentheses takes the key of the name before it.

//!
//! Layout: this file finds the mentions of one sentence, step by step
//! ([`find_mentions_in`]); `runs` finds the capitalised runs, `lexicon` holds what the
//! pack says about names (titles, kinds), `key` keys them, `link` links them within a
//! source, and `cite` finds the sentence each is cited in.

mod cite;
mod key;
mod lexicon;
mod link;
mod runs;

#[cfg(test)]
pub(crate) use cite::sentence_around;
pub(crate) use cite::SentenceFinder;
pub(crate) use link::link;

use super::Mention;
use crate::ingest::Source;
use crate::normalize::{alias_entry, fold, is_acronym, strip_name};
use crate::pack::{EntityKind, Pack};
use crate::segment::Sentence;
use crate::text::Word;
use key::KeyCache;
use lexicon::Lexicon;
use runs::runs;

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
    let s = Sent {
        source,
        index,
        base: sentence.span.start,
        text,
        words,
        pack,
        lex: &lex,
    };
    let mut out = s.run_mentions();
    if aliases {
        s.alias_mentions(&mut out);
    }
    out.sort_by_key(|m| m.span.start);
    s.key_defined_acronyms(&mut out);
    for m in &mut out {
        m.sentence_span = cite.around(m.span.clone());
    }
    out
}

/// One sentence being searched for names, and what the search reads.
struct Sent<'s, 'w> {
    source: &'s Source,
    /// The sentence's index in its source.
    index: usize,
    /// Where the sentence starts in the source.
    base: usize,
    text: &'s str,
    words: &'s [Word<'w>],
    pack: &'s Pack,
    lex: &'s Lexicon,
}

/// A title split off the start of a run (or a run that is only a title), with its span
/// in the sentence.
type RunTitle = Option<(String, std::ops::Range<usize>)>;

impl Sent<'_, '_> {
    /// The mentions of the capitalised runs, each with its title: one at the start of
    /// the run, just before it, or a title run of its own before ", Name".
    fn run_mentions(&self) -> Vec<Mention> {
        let (text, words) = (self.text, self.words);
        let mut out: Vec<Mention> = Vec::new();
        let mut pending_title: Option<(String, usize)> = None;
        let headline = is_headline(text, words);
        for run in runs(text, words, self.lex, self.pack) {
            let (title, ws) = self.split_title(&words[run.clone()]);
            if ws.is_empty() {
                // A title on its own ("Deputy Defense Minister, Aleksandr Fomin").
                if let Some((t, sp)) = title {
                    if t.split_whitespace().count() >= 2 {
                        out.push(self.mention(sp.clone(), EntityKind::Title, None));
                    }
                    pending_title = Some((t, sp.end));
                }
                continue;
            }
            let first = &ws[0];
            let span = first.start..ws[ws.len() - 1].name_end();
            let pending = pending_title.take();
            let title = title
                .map(|(t, _)| t)
                .or_else(|| self.title_before_run(run.start, first, pending));
            let name = &text[span.clone()];
            let known = alias_entry(self.pack, name).map(|a| a.kind);
            let outlet = self.lex.outlets.contains(&fold(name));
            if headline && known.is_none() && !outlet {
                continue;
            }
            if known.is_none() && !outlet && ws.len() == 1 && self.is_common_word(run.end, first) {
                continue;
            }
            let prev = run.start.checked_sub(1).map(|i| &words[i]);
            let next = words.get(run.end);
            let kind = known.unwrap_or_else(|| {
                self.lex
                    .classify(ws, title.is_some(), outlet, prev, next, text)
            });
            let title = match (title, kind) {
                (None, EntityKind::Person) => self
                    .appositive_after(run.end)
                    .or_else(|| self.appositive_before(run.start)),
                (title, _) => title,
            };
            out.push(self.mention(span, kind, title));
        }
        out
    }

    /// A title just before the run starting at word `at`: lowercase ("junta leader",
    /// "deputy defence minister,"), or the title run of its own just before it
    /// (`pending`, with where it ends) when only a comma stands between them.
    fn title_before_run(
        &self,
        at: usize,
        first: &Word<'_>,
        pending: Option<(String, usize)>,
    ) -> Option<String> {
        self.lex
            .title_before(self.text, self.words, at)
            .or_else(|| {
                let (t, end) = pending?;
                (self.text[end..first.start].trim() == ",").then_some(t)
            })
    }

    /// A title in an appositive after the name ending before word `end`: "Ana Ruiz, head
    /// of the harbour board, said" or "Ana Ruiz, a spokeswoman." (", " then an optional
    /// article, a listed title, and "of ..." up to the end of the appositive).
    fn appositive_after(&self, end: usize) -> Option<String> {
        let (text, words) = (self.text, self.words);
        let prev = words.get(end.checked_sub(1)?)?;
        let mut k = end;
        if text.get(prev.name_end()..words.get(k)?.start)? != ", " {
            return None;
        }
        if ARTICLES.contains(&words[k].lower()) {
            k += 1;
        }
        let last = self.clause_end(k)?;
        let after = text.get(words[last].end..)?.trim_start();
        let closed = after.is_empty() || after.starts_with([',', '.', ';', ')']);
        self.appositive_title(k, last).filter(|_| closed)
    }

    /// A title in an appositive before the name starting at word `start`: "The head of
    /// the harbour board, Ana Ruiz, said" (a clause of an optional article, a listed
    /// title and "of ...", then ", " and the name).
    fn appositive_before(&self, start: usize) -> Option<String> {
        let (text, words) = (self.text, self.words);
        let name = words.get(start)?;
        let before = text.get(..name.start)?.strip_suffix(", ")?;
        let from = before
            .rfind([',', ';', ':', '(', '“', '"', '—', '–'])
            .map_or(0, |i| i + 1);
        let mut k = words.partition_point(|w| w.start < from);
        if words.get(k).is_some_and(|w| ARTICLES.contains(&w.lower())) {
            k += 1;
        }
        let last = self.clause_end(k)?;
        (last + 1 == start && words[last].end == before.len())
            .then(|| self.appositive_title(k, last))
            .flatten()
    }

    /// The title that words `k..=last` are: a listed title first, then only "of", "for"
    /// or "at" and what follows, at most [`APPOSITIVE_MAX_WORDS`] words past the title.
    fn appositive_title(&self, k: usize, last: usize) -> Option<String> {
        let n = self.lex.appositive_title(self.words.get(k..=last)?);
        (n > 0 && last + 1 - (k + n) <= APPOSITIVE_MAX_WORDS)
            .then(|| self.text[self.words[k].start..self.words[last].end].to_owned())
    }

    /// The last word of the clause starting at word `k`: words on to the first break
    /// other than one space.
    fn clause_end(&self, k: usize) -> Option<usize> {
        let (text, words) = (self.text, self.words);
        words.get(k)?;
        let mut last = k;
        while let Some(w) = words.get(last + 1) {
            if text.get(words[last].end..w.start)? != " " {
                break;
            }
            last += 1;
        }
        Some(last)
    }

    /// The title at the start of a run's words ("Senior General"), and the words after
    /// it.
    fn split_title<'r, 'a>(&self, ws: &'r [Word<'a>]) -> (RunTitle, &'r [Word<'a>]) {
        let n = self.lex.title_words(ws);
        if n == 0 {
            return (None, ws);
        }
        let sp = ws[0].start..ws[n - 1].end;
        (Some((self.text[sp.clone()].to_owned(), sp)), &ws[n..])
    }

    /// Whether the one word `first` of a run ending at word `end` is a common word, not a
    /// name: a national or other adjective, a common noun for a source ("Residents told
    /// ..."), or a lone capitalised word opening the sentence. An opener is a name when
    /// it speaks ("Smith later said"), the source names it elsewhere, or it is an acronym
    /// ("LAPD officers said") other than a wire dateline's place in capitals ("LOKSA
    /// (Wire) –", which says where the story was filed).
    fn is_common_word(&self, end: usize, first: &Word<'_>) -> bool {
        let lex = self.lex;
        let lower = first.lower();
        if lex
            .adjective_endings
            .iter()
            .any(|e| lower.ends_with(e.as_str()))
        {
            return true;
        }
        if lex.generic.contains(lower) {
            return true;
        }
        let opener = self.text[..first.start]
            .chars()
            .all(|c| !c.is_alphanumeric());
        let in_dateline = self
            .source
            .dateline
            .as_ref()
            .is_some_and(|d| d.span.contains(&(self.base + first.start)));
        let acronym = is_acronym(first.text) && first.text.chars().count() <= 6 && !in_dateline;
        opener
            && !acronym
            && !first.possessive
            && !lex.speaks_after(self.words, end)
            && !named_elsewhere(&self.source.text, self.base, first.text)
    }

    /// Lowercase alias phrases ("the defence ministry", "deputy defence minister") that
    /// overlap no mention found before.
    fn alias_mentions(&self, out: &mut Vec<Mention>) {
        let base = self.base;
        for m in self.lex.aliases.find_iter(self.text) {
            let (s, e) = (m.start(), m.end());
            if !crate::text::is_whole_word(self.text, s, e) {
                continue;
            }
            if out
                .iter()
                .any(|x| x.span.start - base < e && s < x.span.end - base)
            {
                continue;
            }
            let Some(a) = self.lex.alias_kinds.get(m.pattern().as_usize()) else {
                continue;
            };
            out.push(self.mention(s..e, *a, None));
        }
    }

    /// "Name (ACR)": the acronym names the same entity, and takes the name's key, display
    /// name and kind. `out` is in text order.
    fn key_defined_acronyms(&self, out: &mut [Mention]) {
        let (text, base) = (self.text, self.base);
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
    }

    /// The mention at `span` of the sentence.
    fn mention(
        &self,
        span: std::ops::Range<usize>,
        kind: EntityKind,
        title: Option<String>,
    ) -> Mention {
        let span = self.base + span.start..self.base + span.end;
        mention(self.pack, &self.source.text, span, kind, title, self.index)
    }
}

/// Articles that may open an appositive title ("a spokesman", "the head of ...").
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// The most words an appositive title runs past its listed title ("head" + "of the
/// national harbour and river board"): longer, it is a clause, not a title.
const APPOSITIVE_MAX_WORDS: usize = 6;

/// Whether a sentence is a title-case headline, where every word is capitalised and only
/// listed names count: no final punctuation, at least four capitalised words and seven in
/// ten of the longer words capitalised.
fn is_headline(text: &str, words: &[Word<'_>]) -> bool {
    let caps = words.iter().filter(|w| w.is_cap()).count();
    let unpunctuated = !text.trim_end().ends_with(['.', '!', '?', '"', '”', '’']);
    unpunctuated && caps >= 4 && {
        let long = words.iter().filter(|w| w.text.chars().count() >= 4).count();
        caps * 10 >= long * 7
    }
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
        text: if *canonical == *written {
            std::sync::Arc::clone(&canonical)
        } else {
            written.into()
        },
        key,
        canonical,
        kind,
        title: title.map(String::into_boxed_str),
        sentence,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Source;
    use crate::segment::segment;

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
            .map(|m| (&*m.text, &text[m.sentence_span.clone()]))
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
        let keys: Vec<&str> = ms.iter().map(|m| &*m.key).collect();
        assert_eq!(keys, ["nosr", "nosr", "nosr"]);
        assert!(ms.iter().all(|m| m.kind == EntityKind::Organization));
    }

    #[test]
    fn an_agency_credit_after_a_place_is_not_its_acronym() {
        let ms = mentions_one("The ferry sank off Vossberg (AP) on Monday.");
        let ap = ms.iter().find(|m| &*m.text == "AP").map(|m| &*m.key);
        assert_eq!(ap, Some("ap"), "{}", show(&ms));
        assert!(abbreviates("CNE", "National Electoral Council"));
        assert!(!abbreviates("AP", "South Korea"));
    }

    #[test]
    fn bare_surname_attaches_to_the_one_full_name() {
        let ms = mentions("Mayor Pavel Orlov opened the bridge. Orlov said it cost little.");
        assert_eq!(&*ms[1].text, "Orlov");
        assert_eq!(ms[1].key, ms[0].key);
        assert_eq!(ms[1].kind, EntityKind::Person);
    }

    #[test]
    fn opening_word_is_a_name_when_it_speaks_or_recurs() {
        let ms = mentions("Okafor, 52, said little. Okafor later added more. Harbour staff left.");
        let names: Vec<&str> = ms.iter().map(|m| &*m.text).collect();
        assert_eq!(names, ["Okafor", "Okafor"]);
    }

    #[test]
    fn an_acronym_opening_a_sentence_is_a_name() {
        let ms = mentions("VHPD officers closed the road. Harbour staff left.");
        let names: Vec<&str> = ms.iter().map(|m| &*m.text).collect();
        assert_eq!(names, ["VHPD"]);
        // not the place of a wire dateline, written in capitals
        let ms = mentions("ELDEN (Harbour Wire) - the ferries stopped. VHPD officers left.");
        let names: Vec<&str> = ms.iter().map(|m| &*m.text).collect();
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
    fn a_title_in_an_appositive_is_the_persons_title() {
        let ms = mentions_one(
            "The head of the Varn harbour board, Ana Ruiz, met Tom Okafor, a spokesman, and \
             Ida Marr, Speaker of the Assembly of Elden.",
        );
        insta::assert_snapshot!(show(&ms), @r"
        Varn [Organization varn]
        Ana Ruiz [Person ana ruiz / head of the Varn harbour board]
        Tom Okafor [Person tom okafor / spokesman]
        Ida Marr [Person ida marr / Speaker of the Assembly of Elden]
        Assembly of Elden [Organization assembly of elden]
        ");
        // not a clause after the comma, nor another name
        let ms = mentions_one("Ana Ruiz, head of the board since the storm of last year, left.");
        assert_eq!(ms[0].title, None, "{}", show(&ms));
        let ms = mentions_one("Ana Ruiz, President Okafor said, left.");
        assert_eq!(ms[0].title, None, "{}", show(&ms));
    }

    #[test]
    fn acronym_that_spells_a_common_word_is_kept() {
        let ms = mentions_one("WHO officials met on Monday.");
        insta::assert_snapshot!(show(&ms), @"WHO [Organization world health organization]");
    }

    #[test]
    fn the_mentions_of_one_name_share_its_key_and_display_name() {
        let ms = mentions("Mayor Orla Vantane spoke on Monday. Orla Vantane left at noon.");
        let named: Vec<&Mention> = ms.iter().filter(|m| &*m.text == "Orla Vantane").collect();
        assert_eq!(named.len(), 2, "{}", show(&ms));
        assert!(std::sync::Arc::ptr_eq(&named[0].key, &named[1].key));
        assert!(std::sync::Arc::ptr_eq(
            &named[0].canonical,
            &named[1].canonical
        ));
    }

    #[test]
    fn shortened_name_attaches_to_the_longer_name() {
        let ms = mentions("Senior General Ko Min Tun spoke. Later General Min Tun left.");
        assert_eq!(&*ms[1].text, "Min Tun");
        assert_eq!(&*ms[1].key, "ko min tun");
    }

    #[test]
    fn shared_surname_of_two_people_is_not_merged() {
        let ms = mentions(
            "John Smith met Jane Smith in the capital Lima. Smith said the meeting went well.",
        );
        let smith = ms
            .iter()
            .find(|m| &*m.text == "Smith")
            .map(|m| m.key.clone());
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
            .filter(|m| &*m.text != "Harbour Authority")
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

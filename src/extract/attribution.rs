//! Attribution: who said what, through whom; direct and reported speech.
//!
//! Works on a whole source, because quotes run across sentences and paragraphs and a
//! pronoun speaker ("He called ...") stands for a person named earlier. Every sentence
//! with an attribution phrase yields a statement claim:
//!
//! - a speech verb from `claims/speech_verbs.toml` with its speaker before it ("Fomin on
//!   Friday said"), after a quote ("...,” said Fomin"), as a passive agent ("described by
//!   MRTV as"), or trailing its clause ("..., activist groups say");
//! - a conduit verb: "TASS quoted Fomin as telling" (chain TASS, speaker Fomin), "...,
//!   Interfax reported" (a conduit of the statement before it, or the source of its clause);
//! - a source phrase: "according to X", "as reported by X".
//!
//! The content is the quoted words when a quote belongs to the verb (direct), else the
//! reported clause. A quote paragraph that follows an attributed quote keeps its
//! attribution. Nothing here is a guess about the world: a verb with no speaker found
//! yields no statement.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::{Attribution, Claim, ClaimBody, Mention, Party, Statement};
use crate::ingest::Source;
use crate::normalize::fold;
use crate::pack::{EntityKind, Pack, SpeechRole};
use crate::segment::Sentence;
use crate::text::{words, Span, Word};

/// Statement claims of a source, each with its attribution. Works across sentences
/// (quotes that run on, pronoun speakers).
#[cfg(test)]
pub(crate) fn find(
    source: &Source,
    sentences: &[Sentence],
    mentions: &[Mention],
    pack: &Pack,
) -> Vec<Claim> {
    let words: Vec<Vec<Word<'_>>> = sentences
        .iter()
        .map(|s| words(source.text.get(s.span.clone()).unwrap_or("")))
        .collect();
    find_with_words(source, sentences, &words, mentions, pack)
}

/// Builds the lexicon this stage takes from the pack, ahead of the first sentence.
pub(crate) fn warm_up(pack: &Pack) {
    let _ = pack.prepared(Lexicon::new);
}

/// [`find`] with the [`words`] of each sentence computed by the caller (shared with
/// entity mentions).
pub(crate) fn find_with_words<'a>(
    source: &'a Source,
    sentences: &'a [Sentence],
    words: &'a [Vec<Word<'a>>],
    mentions: &[Mention],
    pack: &Pack,
) -> Vec<Claim> {
    let lex = pack.prepared(Lexicon::new);
    let quotes = quotes(source, sentences);
    // mentions by sentence, so that each lookup is a binary search, not a scan
    let mut by_sentence: Vec<&Mention> = mentions.iter().collect();
    by_sentence.sort_by_key(|m| (m.sentence, m.span.start));
    let cx = Cx {
        source,
        sentences,
        mentions: &by_sentence,
        lex: &lex,
        quotes: &quotes,
        words,
    };
    let mut out: Vec<Claim> = Vec::new();
    for i in 0..sentences.len() {
        let Some(sent) = cx.sentence(i) else {
            continue;
        };
        let drafts = cx.drafts(&sent);
        if drafts.is_empty() {
            if let Some(c) = cx.continuation(&sent, &out) {
                out.push(c);
            }
            continue;
        }
        for d in drafts {
            out.push(cx.claim(&sent, d));
        }
    }
    // `for_sentence` binary-searches by sentence (a claim starts where its quote opens)
    out.sort_by_key(|c| (c.sentence, c.span.start));
    out
}

/// The attribution that covers sentence `index`, if any (from the statements found).
///
/// `statements` are in sentence order (as [`find`] returns them), so this is a binary
/// search plus a short look back for a statement that started earlier and runs on.
pub(crate) fn for_sentence(statements: &[Claim], index: usize) -> Option<&Attribution> {
    let lo = statements.partition_point(|c| c.sentence < index);
    let hi = statements.partition_point(|c| c.sentence <= index);
    let covers = |c: &Claim| match &c.body {
        ClaimBody::Statement(st) => c.sentence == index || st.sentences.contains(&index),
        ClaimBody::Quantity(_) => false,
    };
    let own = statements.get(lo..hi).unwrap_or_default().iter();
    let earlier = statements
        .get(..lo)
        .unwrap_or_default()
        .iter()
        .rev()
        .take(8);
    own.chain(earlier)
        .filter(|c| covers(c))
        .find_map(|c| c.attribution.as_ref())
}

/// The attribution of a figure at `span` in sentence `index`: the sentence's own
/// ([`for_sentence`]), unless the figure comes after every attribution of the sentence,
/// outside the words they report, behind a word that opens background (`background` in
/// `speech_verbs.toml`: "Russia wants closer ties, state media reported on Friday, after a
/// meeting with a junta condemned for killing hundreds"). Such a figure is the writer's,
/// credited to no one; "..., according to the budget office, up from $890m" stays the
/// office's.
pub(crate) fn for_figure<'a>(
    source: &Source,
    statements: &'a [Claim],
    index: usize,
    span: &Span,
    pack: &Pack,
) -> Option<&'a Attribution> {
    let lo = statements.partition_point(|c| c.sentence < index);
    let hi = statements.partition_point(|c| c.sentence <= index);
    let own: Vec<(&Span, &Attribution)> = statements
        .get(lo..hi)
        .unwrap_or_default()
        .iter()
        .filter_map(|c| match (&c.body, &c.attribution) {
            (ClaimBody::Statement(st), Some(a)) => Some((&st.content, a)),
            _ => None,
        })
        .collect();
    let background = |from: usize| {
        source
            .text
            .get(from..span.start)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                pack.background_openers
                    .iter()
                    .any(|b| b.eq_ignore_ascii_case(w))
            })
    };
    let after_all = !own.is_empty()
        && own.iter().all(|(content, a)| {
            a.span.end <= span.start
                && !(content.start <= span.start && span.end <= content.end)
                && background(a.span.end.max(content.end.min(span.start)))
        });
    if after_all {
        return None;
    }
    for_sentence(statements, index)
}

/// A quotation: its marks and the words between them (absolute byte offsets).
#[derive(Debug, Clone)]
struct Quote {
    /// Offset of the opening mark.
    open: usize,
    /// Offset just past the closing mark (the paragraph end when never closed).
    end: usize,
    /// The words inside the marks.
    content: Span,
}

/// Quotes of a source: curly double, straight double, curly single and straight single
/// marks. A quote left open runs to the end of its paragraph (the next paragraph may
/// open another), except a straight single one: that mark is also an apostrophe, so it
/// counts only when it closes in its paragraph ('We will stay', not "the '90s", "don't",
/// "Myanmar's").
fn quotes(source: &Source, sentences: &[Sentence]) -> Vec<Quote> {
    let text = &source.text;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut para_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        let new_para = i == 0 || sentences[i - 1].paragraph != s.paragraph;
        if new_para {
            if let Some((o, m)) = open.take().filter(|&(_, m)| m != '\'') {
                out.push(Quote {
                    open: o,
                    end: para_end,
                    content: o + m.len_utf8()..para_end,
                });
            }
        }
        para_end = s.span.end;
        let Some(st) = text.get(s.span.clone()) else {
            continue;
        };
        // Only quote marks matter: the ASCII ones, and the curly ones, which all start
        // with the byte 0xE2 in UTF-8.
        for off in memchr::memchr3_iter(b'"', b'\'', 0xE2, st.as_bytes()) {
            let Some(c) = st.get(off..).and_then(|r| r.chars().next()) else {
                continue;
            };
            if !matches!(c, '“' | '”' | '"' | '‘' | '\'' | '’') {
                continue;
            }
            let at = s.span.start + off;
            let prev = st[..off].chars().next_back();
            let next = st[off + c.len_utf8()..].chars().next();
            match (c, open) {
                ('“', _) => open = Some((at, c)),
                ('”', Some((o, m))) if m != '‘' => {
                    out.push(Quote {
                        open: o,
                        end: at + c.len_utf8(),
                        content: o + m.len_utf8()..at,
                    });
                    open = None;
                }
                ('"', None) if !next.is_some_and(char::is_whitespace) => open = Some((at, c)),
                ('"', Some((o, '"'))) => {
                    out.push(Quote {
                        open: o,
                        end: at + 1,
                        content: o + 1..at,
                    });
                    open = None;
                }
                ('‘', None)
                    if !prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric) =>
                {
                    open = Some((at, c));
                }
                ('\'', None)
                    if !prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphabetic) =>
                {
                    open = Some((at, c));
                }
                ('\'', Some((o, '\'')))
                    if !next.is_some_and(char::is_alphanumeric)
                        && !prev.is_some_and(char::is_whitespace) =>
                {
                    out.push(Quote {
                        open: o,
                        end: at + 1,
                        content: o + 1..at,
                    });
                    open = None;
                }
                ('’', Some((o, '‘'))) if !next.is_some_and(char::is_alphanumeric) => {
                    out.push(Quote {
                        open: o,
                        end: at + c.len_utf8(),
                        content: o + '‘'.len_utf8()..at,
                    });
                    open = None;
                }
                _ => {}
            }
        }
    }
    if let Some((o, m)) = open.filter(|&(_, m)| m != '\'') {
        out.push(Quote {
            open: o,
            end: para_end,
            content: o + m.len_utf8()..para_end,
        });
    }
    out
}

/// Speech lexicon of a pack, prepared once.
struct Lexicon {
    /// Lowercase form → (lemma, role, weak).
    forms: FxHashMap<String, (String, SpeechRole, bool)>,
    /// Lowercase forms of verbs that set a figure "at" a number ("put", "estimated").
    figure_at: HashSet<String>,
    skip: HashSet<String>,
    generic: HashSet<String>,
    not_names: HashSet<String>,
    phrases: Vec<Vec<String>>,
    /// "figures", "data": published figures whose source follows a link word.
    data_nouns: HashSet<String>,
    /// "from", "released by": the links, as words.
    data_links: Vec<Vec<String>>,
}

impl Lexicon {
    fn new(pack: &Pack) -> Lexicon {
        let mut forms = FxHashMap::default();
        let mut figure_at = HashSet::new();
        for v in &pack.speech_verbs {
            for f in &v.forms {
                forms
                    .entry(f.to_lowercase())
                    .or_insert((v.lemma.clone(), v.role, v.weak));
                if v.figure_at {
                    figure_at.insert(f.to_lowercase());
                }
            }
        }
        Lexicon {
            forms,
            figure_at,
            skip: pack.speech_skip.iter().cloned().collect(),
            not_names: pack
                .entities
                .not_names
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            generic: pack
                .entities
                .generic_sources
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            phrases: pack
                .source_phrases
                .iter()
                .map(|p| p.split_whitespace().map(str::to_owned).collect())
                .collect(),
            data_nouns: pack.data_nouns.iter().cloned().collect(),
            data_links: pack
                .data_links
                .iter()
                .map(|p| p.split_whitespace().map(str::to_owned).collect())
                .collect(),
        }
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "my", "your",
];
const COORDINATORS: &[&str] = &["and", "but", "or", "while"];
/// Auxiliaries that make a speech verb passive ("was told", "were quoted").
const PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "get", "got",
];
/// Prepositions that open an adverbial between a verb and its clause, or a phrase a
/// subject is never inside ("in an interview with the BBC").
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "with", "from", "by", "for", "of", "during", "after", "before", "via",
    "through", "over", "into",
];

/// Objects of "tell" that are not part of what was said.
const OBJECTS: &[&str] = &[
    "reporters",
    "journalists",
    "him",
    "her",
    "them",
    "us",
    "me",
    "parliament",
    "lawmakers",
    "leader",
    "audience",
    "crowd",
    "supporters",
    "residents",
    "officials",
    "counterpart",
];
const NP_STOPS: &[&str] = &[
    "that", "as", "on", "in", "who", "which", "when", "during", "after", "before", "since", "and",
    "but", "to", "at", "with", "for", "from", "about", "while", "because",
];
/// Words that end a generic source read backwards ("reported by | state media").
const NP_LEFT_STOPS: &[&str] = &["by", "of", "according", "as", "said", "says", "say"];

struct Cx<'a> {
    source: &'a Source,
    sentences: &'a [Sentence],
    /// Mentions sorted by (sentence, start).
    mentions: &'a [&'a Mention],
    lex: &'a Lexicon,
    quotes: &'a [Quote],
    /// The words of each sentence.
    words: &'a [Vec<Word<'a>>],
}

/// One sentence prepared for matching.
struct Sent<'a> {
    i: usize,
    base: usize,
    text: &'a str,
    words: &'a [Word<'a>],
    mentions: Vec<&'a Mention>,
}

/// A statement being built; spans are absolute.
#[derive(Debug, Clone)]
struct Draft {
    speaker: Option<Party>,
    chain: Vec<Party>,
    verb: String,
    attr: Span,
    content: Span,
    direct: bool,
    /// Clause-level: reported content may be clipped by a later draft.
    reported_open: bool,
    /// A trailing conduit phrase merged into this statement (", TASS said").
    extra: Option<Span>,
}

/// The subject found before a verb.
struct Subject {
    party: Party,
    start: usize,
    /// End of the speaker when written after the verb (`,” said Fomin`).
    end: Option<usize>,
    conduits: Vec<Party>,
}

impl<'a> Cx<'a> {
    fn sentence(&self, i: usize) -> Option<Sent<'a>> {
        let s = self.sentences.get(i)?;
        let text = self.source.text.get(s.span.clone())?;
        Some(Sent {
            i,
            base: s.span.start,
            text,
            words: self.words.get(i).map_or(&[], Vec::as_slice),
            mentions: self
                .mentions_of(i)
                .iter()
                .copied()
                .filter(|m| m.span.start >= s.span.start && m.span.end <= s.span.end)
                .collect(),
        })
    }

    /// The mentions of sentence `i`.
    fn mentions_of(&self, i: usize) -> &'a [&'a Mention] {
        let lo = self.mentions.partition_point(|m| m.sentence < i);
        let hi = self.mentions.partition_point(|m| m.sentence <= i);
        self.mentions.get(lo..hi).unwrap_or_default()
    }

    fn in_quote(&self, abs: usize) -> bool {
        // quotes are in text order and never overlap: only the last one opened before
        // `abs` can contain it
        let i = self.quotes.partition_point(|q| q.open < abs);
        i.checked_sub(1)
            .and_then(|i| self.quotes.get(i))
            .is_some_and(|q| abs < q.end)
    }

    /// The statements of one sentence.
    fn drafts(&self, s: &Sent<'_>) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        let mut consumed: HashSet<usize> = HashSet::new();
        let mut clips: Vec<usize> = Vec::new();
        // Source phrases first: "according to X" inside an appositive belongs to the verb.
        let phrases = self.phrases(s);
        for v in 0..s.words.len() {
            if consumed.contains(&v) {
                continue;
            }
            let w = &s.words[v];
            let lower = w.lower_text();
            let Some((lemma, role, weak)) = self.lex.forms.get(lower) else {
                continue;
            };
            let (role, weak) = (*role, *weak);
            if self.in_quote(s.base + w.start) || self.is_noun_use(s, v) {
                continue;
            }
            if phrases.iter().any(|p| p.words.contains(&v)) {
                continue;
            }
            if let Some(d) = self.verb_draft(
                s,
                v,
                lemma,
                role,
                weak,
                &phrases,
                &mut drafts,
                &mut consumed,
                &mut clips,
            ) {
                drafts.push(d);
            }
        }
        for p in &phrases {
            if p.used.get() {
                continue;
            }
            let Some(party) = p.party.clone() else {
                continue;
            };
            if let Some(d) = drafts
                .iter_mut()
                .rev()
                .find(|d| d.attr.start < p.span.start)
            {
                d.chain.insert(0, party);
                d.extra = Some(p.span.clone());
                clips.push(p.clip);
                continue;
            }
            let content = if p.span.start <= s.base + first_word_start(s) {
                // "According to X, ..." — the rest of the sentence
                let after = s
                    .text
                    .get(p.span.end - s.base..)
                    .and_then(|t| t.find(',').map(|c| p.span.end + c + 1))
                    .unwrap_or(p.span.end);
                after..s.base + s.text.len()
            } else {
                s.base + self.content_start(s)..p.clip
            };
            let verb = if p.phrase.starts_with("according") {
                "according to".to_owned()
            } else {
                p.phrase.clone()
            };
            let (speaker, chain) = if verb == "according to" {
                (Some(party), Vec::new())
            } else {
                (None, vec![party])
            };
            drafts.push(Draft {
                speaker,
                chain,
                verb,
                attr: p.span.clone(),
                content,
                direct: false,
                reported_open: true,
                extra: None,
            });
        }
        // Clip reported content at the next attribution and at trailing attributions.
        let starts: Vec<usize> = drafts.iter().map(|d| d.attr.start).collect();
        for d in drafts.iter_mut() {
            if !d.reported_open {
                continue;
            }
            let mut end = d.content.end;
            for &c in starts.iter().chain(&clips) {
                if c > d.content.start && c < end {
                    end = c;
                }
            }
            d.content = self.trim_content(d.content.start..end);
        }
        drafts.retain(|d| d.content.end > d.content.start);
        drafts.sort_by_key(|d| d.attr.start.min(d.content.start));
        drafts
    }

    #[allow(clippy::too_many_arguments)]
    fn verb_draft(
        &self,
        s: &Sent<'_>,
        v: usize,
        lemma: &str,
        role: SpeechRole,
        weak: bool,
        phrases: &[Phrase],
        drafts: &mut [Draft],
        consumed: &mut HashSet<usize>,
        clips: &mut Vec<usize>,
    ) -> Option<Draft> {
        let w = &s.words[v];
        let mut lemma = lemma.to_owned();
        let mut verb_end = w.end;
        let mut speaker: Option<Party> = None;
        let mut chain: Vec<Party> = Vec::new();
        let mut attr_start = w.start;
        let prev_lower = v.checked_sub(1).map(|p| s.words[p].lower_text());
        let next_lower = s.words.get(v + 1).map(|n| n.lower_text());

        // "..., the Chronicle reported, citing city documents": the source of the
        // statement before.
        let after_comma = s
            .text
            .get(..w.start)
            .is_some_and(|t| t.trim_end().ends_with(','));
        if role == SpeechRole::Conduit && w.text.ends_with("ing") && after_comma {
            if let Some(d) = drafts.last_mut() {
                if let Some((party, end)) = self.np_after(s, v + 1) {
                    if d.speaker.is_none() {
                        d.speaker = Some(party);
                    }
                    let start = d.extra.as_ref().map_or(w.start + s.base, |e| e.start);
                    d.extra = Some(start..s.base + end);
                }
                return None;
            }
        }
        // Passive with an agent: "described by MRTV as", "as reported by X", "a video
        // shown on Zvezda TV".
        let agent = match next_lower {
            Some("by") => true,
            Some("on") => role == SpeechRole::Conduit && w.text.ends_with('n'),
            _ => false,
        };
        if agent && s.text.get(w.end..s.words[v + 1].start) == Some(" ") {
            let (party, end) = self.np_after(s, v + 2)?;
            // "footage broadcast by X showed ...": the main verb carries it
            let k = s.words.partition_point(|x| x.start < end);
            if s.words
                .get(k)
                .is_some_and(|x| self.is_strong_form(x.lower_text()))
            {
                return None;
            }
            verb_end = end;
            match role {
                SpeechRole::Speaker => speaker = Some(party),
                SpeechRole::Conduit => chain.push(party),
            }
        } else {
            // A passive without an agent: "Lee was quoted as saying" makes Lee the
            // speaker; "he was told to leave" is no statement.
            let passive = prev_lower.is_some_and(|p| PASSIVE_AUX.contains(&p));
            let mut role = role;
            if passive {
                let is_as = next_lower == Some("as");
                let inner_verb = s
                    .words
                    .get(v + 2)
                    .and_then(|x| self.lex.forms.get(x.lower_text()));
                match (is_as, inner_verb) {
                    (true, Some((l, _, _))) => {
                        lemma.clone_from(l);
                        consumed.insert(v + 2);
                        verb_end = s.words[v + 2].end;
                        role = SpeechRole::Speaker;
                    }
                    _ => return None,
                }
            }
            // Conduit with an inner speaker: "TASS quoted Fomin as telling".
            let mut inner: Option<(Party, usize)> = None;
            if role == SpeechRole::Conduit {
                if let Some((party, np_end_word)) = self.np_words_after(s, v + 1) {
                    let as_i = np_end_word;
                    let is_as = s
                        .words
                        .get(as_i)
                        .is_some_and(|x| x.text.eq_ignore_ascii_case("as"));
                    let inner_verb = s
                        .words
                        .get(as_i + 1)
                        .and_then(|x| self.lex.forms.get(x.lower_text()));
                    if let (true, Some((l, _, _))) = (is_as, inner_verb) {
                        lemma.clone_from(l);
                        consumed.insert(as_i + 1);
                        verb_end = s.words[as_i + 1].end;
                        inner = Some((party, as_i + 1));
                    }
                }
            }
            let subject = self.subject_before(s, v, phrases);
            let subject = match subject {
                Some(sub) => Some(sub),
                None => self.inverted_or_inherited(s, v, prev_lower, drafts),
            };
            let subject = match subject {
                Some(sub) => Some(sub),
                None => self.fallback_subject(s, v),
            };
            let sub = subject?;
            attr_start = sub.start.min(attr_start);
            if let Some(e) = sub.end {
                verb_end = verb_end.max(e);
            }
            chain.extend(sub.conduits);
            match (role, inner) {
                (_, Some((party, _))) => {
                    chain.push(sub.party);
                    speaker = Some(party);
                }
                (SpeechRole::Speaker, None) => speaker = Some(sub.party),
                (SpeechRole::Conduit, None) => chain.push(sub.party),
            }
        }
        // "in a statement published by Interfax": an outer conduit after the verb.
        let mut content_from = verb_end;
        if let Some((party, end, by)) = self.published_by(s, verb_end) {
            chain.insert(0, party);
            content_from = end;
            consumed.insert(by - 1);
        }
        let attr = s.base + attr_start..s.base + verb_end;
        // A quote that ends right before the speaker: “...,” TASS quoted Fomin.
        if let Some(q) = self.quote_before(s.base + attr_start) {
            return Some(Draft {
                speaker,
                chain,
                verb: lemma,
                attr,
                content: q.content.clone(),
                direct: true,
                reported_open: false,
                extra: None,
            });
        }
        // A trailing attribution: "..., activist groups say." / "..., TASS said, during".
        if self.is_trailing(s, attr_start, content_from) {
            let comma = s.text.get(..attr_start)?.rfind(',')?;
            let start = s.base + self.content_start(s);
            clips.push(s.base + comma);
            if let Some(d) = drafts
                .iter_mut()
                .rev()
                .find(|d| d.attr.end <= s.base + comma)
            {
                let outer = speaker.take().into_iter().chain(chain.drain(..));
                let outer: Vec<Party> = outer.collect();
                for p in outer.into_iter().rev() {
                    d.chain.insert(0, p);
                }
                d.extra = Some(attr);
                return None;
            }
            return Some(Draft {
                speaker,
                chain,
                verb: lemma,
                attr,
                content: start..s.base + comma,
                direct: false,
                reported_open: false,
                extra: None,
            });
        }
        // The clause after the verb: an object for "tell", then "that" or ":".
        let mut k = s.words.partition_point(|x| x.start < content_from);
        if lemma == "tell" {
            k = self.object_end(s, k);
        }
        // "said in a statement that", "wrote on Twitter that": skip to "that"
        let mut that = false;
        for n in 0..6 {
            let Some(x) = s.words.get(k + n) else {
                break;
            };
            if n > 0 {
                let gap = s.text.get(s.words[k + n - 1].end..x.start).unwrap_or(",");
                if gap.trim() != "" {
                    break;
                }
            }
            if x.text.eq_ignore_ascii_case("that") {
                that = true;
                k += n + 1;
                break;
            }
            let lower = x.lower_text();
            if n == 0 && !PREPOSITIONS.contains(&lower) && !self.lex.skip.contains(lower) {
                break;
            }
        }
        let clause_start = s.words.get(k).map_or(s.text.len(), |x| x.start);
        let colon = s
            .text
            .get(content_from..clause_start)
            .is_some_and(|g| g.contains(':'));
        // A quote opening within a few words: direct speech.
        if let Some(q) = self.quote_after(s, content_from) {
            let gap_words = s
                .words
                .iter()
                .filter(|x| x.start >= content_from && s.base + x.end <= q.open)
                .count();
            let before_next_verb = !s.words.iter().skip(v + 1).any(|x| {
                s.base + x.start < q.open
                    && self.lex.forms.contains_key(x.lower_text())
                    && !consumed.contains(&s.words.partition_point(|y| y.start < x.start))
            });
            if before_next_verb && gap_words <= 4 {
                return Some(Draft {
                    speaker,
                    chain,
                    verb: lemma,
                    attr,
                    content: q.content.clone(),
                    direct: true,
                    reported_open: false,
                    extra: None,
                });
            }
        }
        if weak && !that && !colon && !self.sets_figure_at(s, v) {
            return None;
        }
        let end = s.base + s.text.len();
        let start = s.base + clause_start;
        if start >= end {
            return None;
        }
        Some(Draft {
            speaker,
            chain,
            verb: lemma,
            attr,
            content: start..end,
            direct: false,
            reported_open: true,
            extra: None,
        })
    }

    /// The word after the object of "tell" starting at word `k` (a name, a pronoun, or
    /// up to three words ending in a noun for people: "reporters", "the junta leader").
    fn object_end(&self, s: &Sent<'_>, k: usize) -> usize {
        let Some(w) = s.words.get(k) else {
            return k;
        };
        if let Some(m) = s.mentions.iter().find(|m| m.span.start == s.base + w.start) {
            return s.words.partition_point(|x| s.base + x.start < m.span.end);
        }
        for n in 0..3 {
            let Some(x) = s.words.get(k + n) else {
                break;
            };
            let lower = x.lower_text();
            if OBJECTS.contains(&lower) || self.lex.generic.contains(lower) {
                return k + n + 1;
            }
        }
        k
    }

    /// Where a clause that opens the sentence starts: after a dateline ("MOSCOW
    /// (Reuters) –").
    fn content_start(&self, s: &Sent<'_>) -> usize {
        static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"^\p{Lu}[\p{Lu}\s.'’-]+(?:,[\p{Lu}\s.'’-]+)*(?:,\s*\p{L}+\.?\s+\d{1,2})?\s*(?:\([^)]*\))?\s*[–—-]+\s*",
            )
                .expect("the dateline pattern is a valid regex")
        });
        DATELINE
            .find(s.text)
            .map_or_else(|| first_word_start(s), |m| m.end())
    }

    /// Whether the verb at word `v` sets a figure "at" a number within its clause: "put
    /// the death toll at 1,200", "estimated the number of dead at about 40".
    fn sets_figure_at(&self, s: &Sent<'_>, v: usize) -> bool {
        if !self.lex.figure_at.contains(s.words[v].lower_text()) {
            return false;
        }
        for i in v + 1..(v + 12).min(s.words.len()) {
            // the object ends at a clause break
            let gap = s
                .text
                .get(s.words[i - 1].end..s.words[i].start)
                .unwrap_or(",");
            if gap.contains([',', ';', ':', '(', '"', '“']) {
                return false;
            }
            if !s.words[i].text.eq_ignore_ascii_case("at") {
                continue;
            }
            // "at 1,650", "at about 300", "at more than 40", "at least 12" ("put it at least")
            return s.words[i + 1..]
                .iter()
                .take(3)
                .any(|x| x.text.starts_with(|c: char| c.is_ascii_digit()));
        }
        false
    }

    /// Whether `lower` is a form of a speech verb that is not weak ("said", not "state").
    fn is_strong_form(&self, lower: &str) -> bool {
        self.lex.forms.get(lower).is_some_and(|(_, _, weak)| !weak)
    }

    /// Whether a verb form is used as a noun here ("a report", "reports of").
    fn is_noun_use(&self, s: &Sent<'_>, v: usize) -> bool {
        let prev = v.checked_sub(1).map(|p| s.words[p].lower_text());
        let next = s.words.get(v + 1).map(|n| n.lower_text());
        if prev.is_some_and(|p| DETERMINERS.contains(&p)) {
            return true;
        }
        if next == Some("of") {
            return true;
        }
        // "The MRTV report said": a form followed by a verb is its subject
        let glued = s
            .words
            .get(v + 1)
            .and_then(|n| s.text.get(s.words[v].end..n.start))
            == Some(" ");
        if glued && next.is_some_and(|n| self.is_strong_form(n)) {
            return true;
        }
        // "state-run", "state media": a word glued by a hyphen is not a verb
        let w = &s.words[v];
        w.text.contains('-')
    }

    /// The speaker written before verb `v`, skipping adverbials and an appositive.
    fn subject_before(&self, s: &Sent<'_>, v: usize, phrases: &[Phrase]) -> Option<Subject> {
        let mut conduits = Vec::new();
        let mut j = v;
        let mut cursor = s.words[v].start;
        let mut allow_comma = false;
        let mut appositives = 0;
        // "Health officials in Gaza say": a place after a preposition qualifies the
        // source before it; the source's name runs to the end of the place.
        let mut qualifier_end: Option<usize> = None;
        while j > 0 {
            let w = &s.words[j - 1];
            let gap = s.text.get(w.end..cursor)?;
            if gap.contains(['“', '”', '"']) {
                return None;
            }
            if gap.contains(',') && !allow_comma {
                // an appositive: ", a representative for X," / ", according to MRTV,"
                if appositives > 0 {
                    return None;
                }
                appositives += 1;
                let k = (j.saturating_sub(12)..j).rev().find(|&k| {
                    k > 0
                        && s.text
                            .get(s.words[k - 1].end..s.words[k].start)
                            .is_some_and(|g| g.contains(','))
                })?;
                let first = s.words[k].lower_text();
                if let Some(p) = phrases.iter().find(|p| p.words.first() == Some(&k)) {
                    p.used.set(true);
                    if let Some(party) = p.party.clone() {
                        conduits.push(party);
                    }
                } else if !(DETERMINERS.contains(&first)
                    || first.chars().all(|c| c.is_ascii_digit())
                    || ["who", "which", "whose", "himself", "herself"].contains(&first))
                {
                    return None;
                }
                j = k;
                cursor = s.words[k].start;
                allow_comma = true;
                continue;
            }
            allow_comma = false;
            let lower = w.lower_text();
            if let Some(m) = s
                .mentions
                .iter()
                .find(|m| m.span.start <= s.base + w.start && s.base + w.start < m.span.end)
            {
                if m.kind == EntityKind::Title {
                    return None;
                }
                let first = s.words.partition_point(|x| s.base + x.start < m.span.start);
                let prep = first.checked_sub(1).filter(|&p| {
                    PREPOSITIONS.contains(&s.words[p].lower_text())
                        && s.text.get(s.words[p].end..s.words[first].start) == Some(" ")
                });
                if let (EntityKind::Place, Some(p), None) = (m.kind, prep, qualifier_end) {
                    qualifier_end = Some(m.span.end);
                    j = p;
                    cursor = s.words[p].start;
                    continue;
                }
                let start = self.np_start(s, m);
                return Some(Subject {
                    party: party_of(m),
                    start,
                    end: None,
                    conduits,
                });
            }
            if let Some(p) = self.pronoun(s, j - 1) {
                return Some(Subject {
                    party: p,
                    start: w.start,
                    end: None,
                    conduits,
                });
            }
            if self.lex.generic.contains(lower) {
                let (mut party, start) = self.generic_np(s, j - 1)?;
                if let (Some(end), None) = (qualifier_end, party.kind) {
                    if let Some(name) = s.text.get(start..end - s.base) {
                        party.name = name.to_owned();
                        party.key = fold(name);
                        party.span = Some(s.base + start..end);
                    }
                }
                return Some(Subject {
                    party,
                    start,
                    end: None,
                    conduits,
                });
            }
            // "rescue workers in the rebel-held northwest said": a source qualified by a
            // place written in lowercase
            if qualifier_end.is_none() {
                let back = (j.saturating_sub(5)..j - 1).rev().find(|&p| {
                    p > 0
                        && PREPOSITIONS.contains(&s.words[p].lower_text())
                        && self.lex.generic.contains(s.words[p - 1].lower_text())
                });
                if let Some(p) = back {
                    let plain = s
                        .text
                        .get(s.words[p].start..w.end)
                        .is_some_and(|t| !t.contains([',', '“', '”', '"', ';']));
                    if plain {
                        qualifier_end = Some(s.base + w.end);
                        j = p;
                        cursor = s.words[p].start;
                        continue;
                    }
                }
            }
            // "a source familiar with the matter said"
            if j >= 4
                && matches!(
                    lower,
                    "matter"
                        | "situation"
                        | "plans"
                        | "talks"
                        | "discussions"
                        | "negotiations"
                        | "investigation"
                        | "decision"
                )
            {
                let close = s.words[j - 4].lower_text();
                let with = s.words[j - 3].lower_text();
                if matches!(close, "familiar" | "close") && matches!(with, "with" | "to") {
                    if let Some((party, start)) =
                        j.checked_sub(5).and_then(|h| self.generic_np(s, h))
                    {
                        return Some(Subject {
                            party,
                            start,
                            end: None,
                            conduits,
                        });
                    }
                }
            }
            if self.lex.skip.contains(lower) {
                j -= 1;
                cursor = w.start;
                continue;
            }
            return None;
        }
        None
    }

    /// Start of a subject noun phrase ending in a mention: include a possessive or
    /// modifier run right before it ("state-run TASS", "Russia’s defence ministry").
    fn np_start(&self, s: &Sent<'_>, m: &Mention) -> usize {
        let mut rel = m.span.start - s.base;
        if let Some(t) = &m.title {
            let before = s.text.get(..rel).unwrap_or("");
            let trimmed = before.trim_end_matches([' ', ',']);
            if trimmed.ends_with(t.as_str()) && before.len() - trimmed.len() <= 2 {
                rel = trimmed.len() - t.len();
            }
        }
        let k = s.words.partition_point(|x| x.start < rel);
        if k == 0 {
            return rel;
        }
        let w = &s.words[k - 1];
        let glued = s.text.get(w.end..rel) == Some(" ");
        if glued && (w.possessive || w.text.contains('-')) {
            w.start
        } else {
            rel
        }
    }

    /// A generic source ending at word `h` ("activist groups", "Myanmar state media"),
    /// or `None` when indefinite ("a statement").
    fn generic_np(&self, s: &Sent<'_>, h: usize) -> Option<(Party, usize)> {
        let mut start = h;
        while start > 0 && h - start < 3 {
            let w = &s.words[start - 1];
            if s.text.get(w.end..s.words[start].start) != Some(" ") {
                break;
            }
            let lower = w.lower_text();
            // "WHO officials": a capitalised modifier is never a stop word
            let written_lower = w.text.chars().next().is_some_and(char::is_lowercase);
            let opener = !written_lower
                && self.lex.not_names.contains(lower)
                && !crate::normalize::is_acronym(w.text);
            if DETERMINERS.contains(&lower)
                || opener
                || written_lower
                    && (self.lex.skip.contains(lower)
                        || NP_STOPS.contains(&lower)
                        || NP_LEFT_STOPS.contains(&lower)
                        || self.is_strong_form(lower))
            {
                break;
            }
            start -= 1;
        }
        // "issued a statement saying": an indefinite object is not a speaker, but "A
        // ministry spokesman said" opening a clause is.
        if let Some(p) = start.checked_sub(1) {
            let article = matches!(s.words[p].text, "a" | "an");
            let opens_clause = p == 0
                || s.text
                    .get(s.words[p - 1].end..s.words[p].start)
                    .is_some_and(|g| g.contains([',', ';', ':']));
            if article && !opens_clause {
                return None;
            }
        }
        // "The MRTV report said": the named outlet is the source.
        let span = s.base + s.words[start].start..s.base + s.words[h].end;
        if let Some(m) = s
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .find(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Person))
        {
            return Some((party_of(m), s.words[start].start));
        }
        let name = s.text.get(s.words[start].start..s.words[h].end)?.to_owned();
        Some((
            Party {
                key: fold(&name),
                name,
                kind: None,
                span: Some(span),
            },
            s.words[start].start,
        ))
    }

    /// A pronoun subject at word `k`, resolved to the person (he, she) or organisation
    /// (it) named last before it: the first such mention of the nearest sentence that
    /// has one, which prefers the subject of that sentence.
    fn pronoun(&self, s: &Sent<'_>, k: usize) -> Option<Party> {
        let w = &s.words[k];
        let kind = match w.lower_text() {
            "he" | "she" => EntityKind::Person,
            "it" => EntityKind::Organization,
            _ => return None,
        };
        let at = s.base + w.start;
        let same: Vec<&Mention> = s
            .mentions
            .iter()
            .copied()
            .filter(|m| m.kind == kind && m.span.end <= at)
            .collect();
        let found = if let Some(m) = same.first() {
            Some(*m)
        } else {
            (s.i.saturating_sub(10)..s.i)
                .rev()
                .find_map(|i| self.mentions_of(i).iter().copied().find(|m| m.kind == kind))
        }?;
        Some(Party {
            name: found.canonical.clone(),
            key: found.key.clone(),
            kind: Some(kind),
            span: Some(at..s.base + w.end),
        })
    }

    /// `,” said Fomin` (speaker after the verb) or `... and emphasised` (the speaker of
    /// the statement before, in the same sentence).
    fn inverted_or_inherited(
        &self,
        s: &Sent<'_>,
        v: usize,
        prev: Option<&str>,
        drafts: &[Draft],
    ) -> Option<Subject> {
        let w = &s.words[v];
        let before = s.text.get(..w.start)?.trim_end();
        if before.ends_with([',', '”', '"']) || before.is_empty() {
            if let Some(n) = s.words.get(v + 1) {
                if let Some(m) = s
                    .mentions
                    .iter()
                    .find(|m| m.span.start == s.base + n.start)
                    .filter(|m| matches!(m.kind, EntityKind::Person | EntityKind::Organization))
                {
                    return Some(Subject {
                        party: party_of(m),
                        start: w.start,
                        end: Some(m.span.end - s.base),
                        conduits: Vec::new(),
                    });
                }
            }
        }
        if prev.is_some_and(|p| COORDINATORS.contains(&p)) {
            let d = drafts.last()?;
            let party = d.speaker.clone().or_else(|| d.chain.last().cloned())?;
            return Some(Subject {
                party,
                start: w.start,
                end: None,
                conduits: Vec::new(),
            });
        }
        None
    }

    /// The first person (else organisation) named before verb `v`, outside quotes: the
    /// subject of a sentence whose verb is far from it ("X, ..., reciprocated by calling").
    fn fallback_subject(&self, s: &Sent<'_>, v: usize) -> Option<Subject> {
        let at = s.base + s.words[v].start;
        let after_preposition = |m: &Mention| {
            let rel = m.span.start - s.base;
            let k = s.words.partition_point(|x| x.start < rel);
            let mut j = k;
            while j > 0 && DETERMINERS.contains(&s.words[j - 1].lower_text()) {
                j -= 1;
            }
            j > 0 && PREPOSITIONS.contains(&s.words[j - 1].lower_text())
        };
        let pick = |kind: EntityKind| {
            s.mentions.iter().find(|m| {
                m.kind == kind
                    && m.span.end <= at
                    && !self.in_quote(m.span.start)
                    && !after_preposition(m)
            })
        };
        let m = pick(EntityKind::Person).or_else(|| pick(EntityKind::Organization))?;
        // only a subject set off by commas ("X, ..., reciprocated by calling") or a
        // few words from the verb
        let between = s.text.get(m.span.end - s.base..s.words[v].start)?;
        let by_ing = between.trim_end().ends_with(" by") && s.words[v].text.ends_with("ing");
        if !between.contains(',') && !by_ing && between.split_whitespace().count() > 3 {
            return None;
        }
        Some(Subject {
            party: party_of(m),
            start: m.span.start - s.base,
            end: None,
            conduits: Vec::new(),
        })
    }

    /// The party named by the noun phrase starting at word `k` and the end (relative) of
    /// that phrase: its last organisation or person, else a generic source, else any name.
    fn np_after(&self, s: &Sent<'_>, k: usize) -> Option<(Party, usize)> {
        let (party, end_word) = self.np_words_after(s, k)?;
        let end = s.words.get(end_word - 1).map_or(s.text.len(), |w| w.end);
        Some((party, end))
    }

    /// Like [`Cx::np_after`], returning the index of the first word after the phrase.
    fn np_words_after(&self, s: &Sent<'_>, k: usize) -> Option<(Party, usize)> {
        let mut e = k;
        while e < s.words.len() {
            let w = &s.words[e];
            if e > k {
                let gap = s.text.get(s.words[e - 1].end..w.start)?;
                if gap.contains([',', '.', ';', ':', '“', '”', '"', '(', ')', '–', '—']) {
                    break;
                }
            }
            let inside = s
                .mentions
                .iter()
                .any(|m| m.span.start < s.base + w.start && s.base + w.start < m.span.end);
            let lower = w.lower_text();
            if !inside && e > k && (NP_STOPS.contains(&lower) || self.is_strong_form(lower)) {
                break;
            }
            e += 1;
            if e - k > 10 {
                return None;
            }
        }
        if e == k {
            return None;
        }
        let span = s.base + s.words[k].start..s.base + s.words[e - 1].end;
        let inner: Vec<&&Mention> = s
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .collect();
        let last_word = s.words[e - 1].lower_text();
        if let Some(m) = inner
            .iter()
            .rev()
            .find(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Person))
        {
            if !self.lex.generic.contains(last_word) || m.span.end == span.end {
                return Some((party_of(m), e));
            }
        }
        if self.lex.generic.contains(last_word) {
            if let Some((p, _)) = self.generic_np(s, e - 1) {
                return Some((p, e));
            }
        }
        if let Some(m) = inner.last() {
            return Some((party_of(m), e));
        }
        if let Some(p) = self.pronoun(s, k) {
            return Some((p, k + 1));
        }
        None
    }

    /// "in a statement published by X" right after the verb: X and the end of the phrase.
    fn published_by(&self, s: &Sent<'_>, from: usize) -> Option<(Party, usize, usize)> {
        let k = s.words.partition_point(|x| x.start < from);
        for j in k..(k + 6).min(s.words.len()) {
            let w = &s.words[j];
            let gap = s.text.get(s.words[j.saturating_sub(1)].end..w.start)?;
            if j > k && gap.contains([',', '“', '”', '"', '.']) {
                return None;
            }
            if w.text.eq_ignore_ascii_case("by") && j > k {
                let prev = s.words[j - 1].lower_text();
                let conduit = self
                    .lex
                    .forms
                    .get(prev)
                    .is_some_and(|(_, r, _)| *r == SpeechRole::Conduit);
                if conduit {
                    return self.np_after(s, j + 1).map(|(p, e)| (p, e, j));
                }
                return None;
            }
        }
        None
    }

    /// The quote ending right before `abs` (only a comma and spaces between). A quote
    /// that ends a sentence (“... over.” He said) belongs to the speaker only when the
    /// next word is lowercase (“... over.” he said).
    fn quote_before(&self, abs: usize) -> Option<&'a Quote> {
        let text = &self.source.text;
        let i = self.quotes.partition_point(|q| q.end <= abs);
        let nearest = i.checked_sub(1).and_then(|i| self.quotes.get(i));
        nearest.filter(|q| {
            let Some(gap) = text.get(q.end..abs) else {
                return false;
            };
            // only a comma, or a short lowercase role: “...,” the engineer Ana Ruiz said,
            // “...,” RPU leader Ana Ruiz said (an acronym may name the role's body)
            let plain = gap.chars().all(|c| c == ',' || c.is_whitespace());
            let comma_before = gap.contains(',')
                || text
                    .get(q.content.clone())
                    .is_some_and(|c| c.trim_end().ends_with(','));
            let role = comma_before
                && gap.split_whitespace().filter(|w| *w != ",").take(4).count() <= 3
                && !gap
                    .split_whitespace()
                    .any(|w| COORDINATORS.contains(&w.trim_matches(',')))
                && gap.split_whitespace().all(|w| {
                    crate::normalize::is_acronym(w.trim_matches(','))
                        || w.chars().all(|c| c == ',' || c == '-' || c.is_lowercase())
                });
            if q.end > abs || !(plain || role) {
                return false;
            }
            let inner = text.get(q.content.clone()).unwrap_or("").trim_end();
            let closed = inner.ends_with(['.', '…']) && !gap.contains(',');
            !closed
                || text
                    .get(abs..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_lowercase)
        })
    }

    /// The first quote opening at or after relative offset `rel` in the sentence.
    fn quote_after(&self, s: &Sent<'_>, rel: usize) -> Option<&'a Quote> {
        let from = s.base + rel;
        let to = s.base + s.text.len();
        let i = self.quotes.partition_point(|q| q.open < from);
        self.quotes.get(i).filter(|q| q.open < to)
    }

    /// Whether the attribution at `attr_start..verb_end` trails its clause: a comma
    /// before it, words before that, and nothing but adverbials after it.
    fn is_trailing(&self, s: &Sent<'_>, attr_start: usize, verb_end: usize) -> bool {
        let Some(before) = s.text.get(..attr_start) else {
            return false;
        };
        // the subject may carry a role before it: ", council member Dana Price said"
        let Some(comma) = before.rfind(',') else {
            return false;
        };
        let role = before.get(comma + 1..).unwrap_or("");
        let role_ok = role.split_whitespace().take(4).count() <= 3
            && words(role).iter().all(|w| {
                let l = w.lower_text();
                !self.lex.forms.contains_key(l) && !NP_STOPS.contains(&l)
                    || DETERMINERS.contains(&l)
            });
        if !role_ok || before[..comma].split_whitespace().take(3).count() < 3 {
            return false;
        }
        let Some(after) = s.text.get(verb_end..) else {
            return false;
        };
        for w in words(after) {
            let gap_before = after.get(..w.start).unwrap_or("");
            if gap_before.contains([',', '.', ';', ':', '(', '[']) {
                return true;
            }
            if !self.lex.skip.contains(w.lower_text()) {
                return false;
            }
        }
        true
    }

    /// Source phrases ("according to X") of a sentence.
    fn phrases(&self, s: &Sent<'_>) -> Vec<Phrase> {
        let mut out = Vec::new();
        for k in 0..s.words.len() {
            for p in &self.lex.phrases {
                let n = p.len();
                if k + n > s.words.len() {
                    continue;
                }
                let matched = p
                    .iter()
                    .zip(&s.words[k..k + n])
                    .all(|(a, w)| w.text.eq_ignore_ascii_case(a));
                if !matched || self.in_quote(s.base + s.words[k].start) {
                    continue;
                }
                // "according to figures from X" credits X; "according to figures" alone
                // names no source
                let np = self
                    .data_source(s, k + n)
                    .and_then(|at| self.np_words_after(s, at))
                    .or_else(|| self.np_words_after(s, k + n))
                    .filter(|(p, _)| !self.lex.data_nouns.contains(&p.name.to_lowercase()));
                let (party, end_word) = match np {
                    Some((p, e)) => (Some(p), e),
                    None => (None, k + n),
                };
                let end = s.words[end_word - 1].end;
                // clip reported content before ", according to"
                let lead = s.text.get(..s.words[k].start).unwrap_or("").trim_end();
                let clip = s.base + lead.len() - usize::from(lead.ends_with(','));
                out.push(Phrase {
                    phrase: p.join(" "),
                    words: (k..end_word).collect(),
                    span: s.base + s.words[k].start..s.base + end,
                    party,
                    clip,
                    used: std::cell::Cell::new(false),
                });
            }
        }
        out
    }

    /// Where the source of published figures starts, when the words from `k` name such
    /// figures: "[official] figures from | the budget office", "data released by | X".
    /// Up to two modifiers may precede the data noun; the link follows it directly.
    fn data_source(&self, s: &Sent<'_>, k: usize) -> Option<usize> {
        let noun = (k..(k + 3).min(s.words.len()))
            .find(|&i| self.lex.data_nouns.contains(s.words[i].lower_text()))?;
        let plain = |i: usize| {
            s.words[i].text.chars().all(|c| !c.is_uppercase())
                && s.text.get(s.words[i - 1].end..s.words[i].start) == Some(" ")
        };
        if (k + 1..=noun).any(|i| !plain(i)) || s.words[k].text.chars().any(char::is_uppercase) {
            return None;
        }
        self.lex.data_links.iter().find_map(|link| {
            let end = noun + 1 + link.len();
            let fits = end < s.words.len()
                && (noun + 1..end).all(&plain)
                && link
                    .iter()
                    .zip(&s.words[noun + 1..end])
                    .all(|(a, w)| w.lower_text() == a);
            fits.then_some(end)
        })
    }

    /// A sentence that only continues a quotation: it opens with a quote mark and the
    /// statement before it (covering the previous sentence) was direct.
    fn continuation(&self, s: &Sent<'_>, before: &[Claim]) -> Option<Claim> {
        let lead = s.text.trim_start();
        if !lead.starts_with(['“', '"', '‘']) {
            return None;
        }
        let q = self
            .quotes
            .get(self.quotes.partition_point(|q| q.open < s.base))
            .filter(|q| q.open == s.base)?;
        // a sentence with its own speech verb (whose speaker was not found) is not a
        // continuation of the statement before
        let speaks = s
            .words
            .iter()
            .any(|w| self.is_strong_form(w.lower_text()) && !self.in_quote(s.base + w.start));
        if speaks {
            return None;
        }
        let last = before.last()?;
        let ClaimBody::Statement(st) = &last.body else {
            return None;
        };
        if !st.direct || st.sentences.end + 1 < s.i || st.sentences.end > s.i {
            return None;
        }
        let attribution = last.attribution.clone();
        Some(
            self.claim(
                s,
                Draft {
                    speaker: attribution.as_ref().and_then(|a| a.speaker.clone()),
                    chain: attribution
                        .as_ref()
                        .map(|a| a.chain.clone())
                        .unwrap_or_default(),
                    verb: attribution
                        .as_ref()
                        .and_then(|a| a.verb.clone())
                        .unwrap_or_default(),
                    attr: attribution.map_or(q.open..q.end, |a| a.span),
                    content: q.content.clone(),
                    direct: true,
                    reported_open: false,
                    extra: None,
                },
            ),
        )
    }

    fn claim(&self, s: &Sent<'_>, d: Draft) -> Claim {
        let content = d.content.clone();
        let quote_span = if d.direct {
            let i = self
                .quotes
                .partition_point(|q| q.content.start < content.start);
            self.quotes
                .get(i)
                .filter(|q| q.content == content)
                .map_or(content.clone(), |q| q.open..q.end)
        } else {
            content.clone()
        };
        // the attribution phrase counts in the span only when written in this sentence
        // (a continuation quote keeps the attribution of an earlier one)
        let own = s.base..s.base + s.text.len();
        let mut span = quote_span.clone();
        for a in std::iter::once(&d.attr).chain(&d.extra) {
            if a.start >= own.start && a.end <= own.end {
                span = span.start.min(a.start)..span.end.max(a.end);
            }
        }
        let first = self.sentence_of(span.start).unwrap_or(s.i).min(s.i);
        let last = self
            .sentence_of(span.end.saturating_sub(1))
            .unwrap_or(s.i)
            .max(s.i);
        // a quote opened in an earlier sentence: the claim starts there
        let sentence_span = self.sentences.get(first).map_or(own, |x| x.span.clone());
        Claim {
            sentence: first,
            sentence_span,
            span,
            body: ClaimBody::Statement(Statement {
                content,
                direct: d.direct,
                sentences: first..last + 1,
            }),
            attribution: Some(Attribution {
                speaker: d.speaker,
                chain: d.chain,
                verb: Some(d.verb),
                span: d.attr,
            }),
        }
    }

    fn sentence_of(&self, abs: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= abs);
        self.sentences
            .get(i)
            .filter(|s| s.span.start <= abs)
            .map(|_| i)
    }

    /// Trims spaces, final punctuation and a dangling coordinator from reported content.
    fn trim_content(&self, span: Span) -> Span {
        let text = &self.source.text;
        let Some(t) = text.get(span.clone()) else {
            return span.start..span.start;
        };
        let mut t = t.trim_end();
        loop {
            let before = t.len();
            t = t.trim_end_matches([',', '.', ';', ':', ' ', '–', '—']);
            for c in COORDINATORS {
                if let Some(rest) = t.strip_suffix(c) {
                    if rest.ends_with(' ') {
                        t = rest;
                    }
                }
            }
            if t.len() == before {
                break;
            }
        }
        let lead = t.len() - t.trim_start().len();
        span.start + lead..span.start + t.len()
    }
}

/// "according to X" and the like, found in one sentence.
struct Phrase {
    phrase: String,
    /// Word indices of the phrase and its noun phrase.
    words: Vec<usize>,
    span: Span,
    party: Option<Party>,
    /// Where reported content before it ends.
    clip: usize,
    used: std::cell::Cell<bool>,
}

fn first_word_start(s: &Sent<'_>) -> usize {
    s.words.first().map_or(0, |w| w.start)
}

fn party_of(m: &Mention) -> Party {
    Party {
        name: m.text.clone(),
        key: m.key.clone(),
        kind: Some(m.kind),
        span: Some(m.span.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entity;
    use crate::segment::segment;

    static PACK: std::sync::LazyLock<Pack> = std::sync::LazyLock::new(Pack::default_pack);

    fn statements(text: &str) -> (Source, Vec<Claim>) {
        let pack = &*PACK;
        let source = Source::from_text("t", "t.txt", text, pack);
        let sentences = segment(&source, pack);
        let mut mentions = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            mentions.extend(entity::find_mentions(&source, i, s, pack));
        }
        entity::link(&mut mentions, pack);
        let claims = find(&source, &sentences, &mentions, pack);
        (source, claims)
    }

    /// One line per statement: attribution (conduits first), verb, direct/reported, content.
    fn show(text: &str) -> String {
        let (source, claims) = statements(text);
        claims
            .iter()
            .map(|c| {
                let ClaimBody::Statement(st) = &c.body else {
                    return String::new();
                };
                let a = c.attribution.as_ref();
                format!(
                    "{} [{}] {}: {}",
                    a.map(Attribution::describe).unwrap_or_default(),
                    a.and_then(|a| a.verb.clone()).unwrap_or_default(),
                    if st.direct { "quote" } else { "reported" },
                    &source.text[st.content.clone()]
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn quote_then_said_speaker() {
        insta::assert_snapshot!(
            show("“The bridge will reopen in May,” Mayor Lena Park said on Tuesday."),
            @"Lena Park [say] quote: The bridge will reopen in May,"
        );
    }

    #[test]
    fn straight_single_marks_quote_but_apostrophes_do_not() {
        insta::assert_snapshot!(
            show("'The pumps are working again,' Mayor Ines Kolar said."),
            @"Ines Kolar [say] quote: The pumps are working again,"
        );
        // apostrophes inside and before words, and a mark that never closes
        let (source, _) = statements("Kolar's crews don't rest since the '90s floods.");
        let sentences = segment(&source, &PACK);
        assert!(quotes(&source, &sentences).is_empty());
        let (source, _) = statements("The 'old bridge was shut. It reopens in May.");
        let sentences = segment(&source, &PACK);
        assert!(quotes(&source, &sentences).is_empty());
    }

    #[test]
    fn inverted_said_after_a_straight_quote() {
        insta::assert_snapshot!(
            show("\"We need more pumps,\" said Omar Haddad, a farmer."),
            @"Omar Haddad [say] quote: We need more pumps,"
        );
    }

    #[test]
    fn reported_speech_with_that() {
        insta::assert_snapshot!(
            show("The county engineer Ruth Obi said that the levee held overnight."),
            @"Ruth Obi [say] reported: the levee held overnight"
        );
    }

    #[test]
    fn according_to_an_organisation() {
        insta::assert_snapshot!(
            show("Prices rose 4% last year, according to the National Statistics Office."),
            @"National Statistics Office [according to] reported: Prices rose 4% last year"
        );
    }

    #[test]
    fn according_to_figures_from_credits_the_publisher() {
        insta::assert_snapshot!(
            show("The fire service budget will be $80m, according to figures from the Office of Management and Budget."),
            @"Office of Management and Budget [according to] reported: The fire service budget will be $80m"
        );
        insta::assert_snapshot!(
            show("Unemployment fell to 5%, according to official data released by the Labour Ministry."),
            @"Labour Ministry [according to] reported: Unemployment fell to 5%"
        );
        // "figures" alone names no publisher, so no source
        insta::assert_snapshot!(
            show("Unemployment fell to 5%, according to figures from last year."),
            @""
        );
    }

    #[test]
    fn leading_according_to() {
        insta::assert_snapshot!(
            show("According to Kyodo, the vote was delayed by a week."),
            @"Kyodo [according to] reported: the vote was delayed by a week"
        );
    }

    #[test]
    fn trailing_generic_source() {
        insta::assert_snapshot!(
            show("At least 40 homes were flooded in the valley, local officials say."),
            @"local officials [say] reported: At least 40 homes were flooded in the valley"
        );
    }

    #[test]
    fn trailing_conduit_wraps_the_statement_before_it() {
        insta::assert_snapshot!(
            show("Finance minister Karl Berg said the budget would balance by 2026, Bloomberg reported."),
            @"Bloomberg <- Karl Berg [say] reported: the budget would balance by 2026"
        );
    }

    #[test]
    fn conduit_quoted_speaker_as_saying() {
        insta::assert_snapshot!(
            show("Xinhua quoted Wei Lan as saying “the talks were frank.”"),
            @"Xinhua <- Wei Lan [say] quote: the talks were frank."
        );
    }

    #[test]
    fn quote_before_conduit_with_inner_speaker() {
        insta::assert_snapshot!(
            show("“We will rebuild,” AFP quoted Nadia Farouk as telling residents."),
            @"AFP <- Nadia Farouk [tell] quote: We will rebuild,"
        );
    }

    #[test]
    fn quote_before_a_speaker_whose_role_names_a_body_by_acronym() {
        insta::assert_snapshot!(
            show("“We have won,” RPU leader Ana Diallo told supporters in Abidjan on Thursday night, as crowds danced."),
            @"Ana Diallo [tell] quote: We have won,"
        );
    }

    #[test]
    fn statement_published_by_an_agency() {
        insta::assert_snapshot!(
            show("The Premier League said in a statement published by Reuters that the match was off."),
            @"Reuters <- Premier League [say] reported: the match was off"
        );
    }

    #[test]
    fn appositive_between_speaker_and_verb() {
        insta::assert_snapshot!(
            show("Maria Lopez, a spokeswoman for the Red Cross, said supplies were low."),
            @"Maria Lopez [say] reported: supplies were low"
        );
    }

    #[test]
    fn according_to_inside_an_appositive_is_a_conduit() {
        insta::assert_snapshot!(
            show("Governor Ben Cole, according to NHK, told officials he would resign."),
            @"NHK <- Ben Cole [tell] reported: he would resign"
        );
    }

    #[test]
    fn pronoun_speaker_resolves_to_the_subject_of_the_sentence_before() {
        insta::assert_snapshot!(
            show("Tariq Noor met Elena Sousa in Lisbon. He called the deal “a turning point”."),
            @"Tariq Noor [call] quote: a turning point"
        );
    }

    #[test]
    fn quote_running_across_sentences_covers_each_sentence() {
        let text = "Judge Amy Rowe said: “This is over. The court has ruled.”";
        let (_, claims) = statements(text);
        assert_eq!(claims.len(), 1);
        let ClaimBody::Statement(st) = &claims[0].body else {
            panic!("not a statement");
        };
        assert_eq!(st.sentences, 0..2);
        assert!(for_sentence(&claims, 1).is_some());
        assert!(st.direct);
    }

    #[test]
    fn sentence_final_quote_does_not_belong_to_the_next_speaker() {
        insta::assert_snapshot!(
            show("Omar Diallo said the rain “will not stop.” He added “Stay home.”"),
            @r"
        Omar Diallo [say] quote: will not stop.
        Omar Diallo [add] quote: Stay home.
        "
        );
    }

    #[test]
    fn speaker_after_a_two_sentence_quote_covers_both_sentences() {
        let text = "“The dam is safe. We checked it twice,” the engineer Ana Ruiz said.";
        let (_, claims) = statements(text);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].sentence, 0);
        assert!(for_sentence(&claims, 0).is_some());
        assert!(for_sentence(&claims, 1).is_some());
        assert!(for_sentence(&claims, 2).is_none());
    }

    #[test]
    fn quote_paragraph_continues_the_previous_speaker() {
        insta::assert_snapshot!(
            show("“The water is rising,” said Paul Ng.\n\n“We have to leave now.”"),
            @r"
        Paul Ng [say] quote: The water is rising,
        Paul Ng [say] quote: We have to leave now.
        "
        );
    }

    #[test]
    fn two_verbs_in_one_sentence_give_two_statements() {
        insta::assert_snapshot!(
            show("Sara Holm called the plan “reckless” and stressed that the city “cannot pay”."),
            @r"
        Sara Holm [call] quote: reckless
        Sara Holm [stress] quote: cannot pay
        "
        );
    }

    #[test]
    fn passive_agent_is_the_speaker() {
        insta::assert_snapshot!(
            show("The damage was described by Ines Duarte as “the worst in decades”."),
            @"Ines Duarte [describe] quote: the worst in decades"
        );
    }

    #[test]
    fn weak_verb_without_quote_or_that_is_not_speech() {
        insta::assert_snapshot!(show("Police put the suspect under arrest and called for calm."), @"");
    }

    #[test]
    fn verb_setting_a_figure_at_a_number_attributes_it() {
        insta::assert_snapshot!(
            show("The Red Cross put the number of injured at 46 late on Friday."),
            @"Red Cross [put] reported: the number of injured at 46 late on Friday"
        );
        insta::assert_snapshot!(
            show("Hospital officials estimated the number of patients at about 90."),
            @"Hospital officials [estimate] reported: the number of patients at about 90"
        );
        insta::assert_snapshot!(
            show("The Finance Ministry pegged the repair bill at 3 million euros."),
            @"Finance Ministry [peg] reported: the repair bill at 3 million euros"
        );
        // no figure after "at": the verb is not a statement
        insta::assert_snapshot!(show("The mayor set the ribbon at the gate."), @"");
        insta::assert_snapshot!(show("They put the boxes at the door, 40 in all."), @"");
    }

    #[test]
    fn citing_names_the_source_of_a_conduit() {
        insta::assert_snapshot!(
            show("The dam will be rebuilt, the Courier reported, citing local officials."),
            @"Courier <- local officials [report] reported: The dam will be rebuilt"
        );
    }

    #[test]
    fn footage_from_a_broadcaster_is_attributed_to_it() {
        insta::assert_snapshot!(
            show("Footage from the broadcaster NTV on Monday showed flooded streets."),
            @"NTV [show] reported: flooded streets"
        );
        insta::assert_snapshot!(
            show("In a clip shown on Rai News, the mayor is seen leaving."),
            @"Rai News [show] reported: the mayor is seen leaving"
        );
    }

    #[test]
    fn indefinite_generic_speaker_opening_the_sentence() {
        insta::assert_snapshot!(
            show("A police spokesman, who declined to be named, said two men were held."),
            @"police spokesman [say] reported: two men were held"
        );
    }

    #[test]
    fn according_to_after_a_generic_speaker_is_a_conduit() {
        insta::assert_snapshot!(
            show("Rescue workers said the bridge fell at dawn, according to the broadcaster RTP."),
            @"RTP <- Rescue workers [say] reported: the bridge fell at dawn"
        );
    }

    #[test]
    fn quote_with_its_own_unresolved_verb_is_not_a_continuation() {
        insta::assert_snapshot!(
            show("“We will rebuild,” said Omar Ali.\n\n“Water is short,” said the.\n"),
            @"Omar Ali [say] quote: We will rebuild,"
        );
    }

    #[test]
    fn generic_source_qualified_by_a_place() {
        insta::assert_snapshot!(
            show("Health officials in Tigray say 40 people have died."),
            @"Health officials in Tigray [say] reported: 40 people have died"
        );
    }

    #[test]
    fn source_familiar_with_the_matter() {
        insta::assert_snapshot!(
            show("The merger will close in May, a source familiar with the matter said."),
            @"source [say] reported: The merger will close in May"
        );
    }

    #[test]
    fn day_between_verb_and_that() {
        insta::assert_snapshot!(
            show("Mayor Ivo Tan said Tuesday that the bridge would reopen."),
            @"Ivo Tan [say] reported: the bridge would reopen"
        );
    }

    #[test]
    fn sentence_opener_is_not_part_of_a_generic_source() {
        insta::assert_snapshot!(
            show("But officials said the road was open."),
            @"officials [say] reported: the road was open"
        );
    }

    #[test]
    fn source_qualified_by_a_lowercase_place() {
        insta::assert_snapshot!(
            show("Medics said 12 died, while volunteers in the flooded south said 30 had died."),
            @r"
        Medics [say] reported: 12 died
        volunteers in the flooded south [say] reported: 30 had died
        "
        );
    }

    #[test]
    fn trailing_speaker_with_a_role() {
        insta::assert_snapshot!(
            show("The board approved the plan on Monday, board member Ivo Lentz said."),
            @"Ivo Lentz [say] reported: The board approved the plan on Monday"
        );
    }

    #[test]
    fn dateline_with_date_is_not_part_of_the_content() {
        insta::assert_snapshot!(
            show("QUITO, Feb 7 (AFP) - Six people died in the floods, officials said."),
            @"officials [say] reported: Six people died in the floods"
        );
    }

    #[test]
    fn told_reporters_skips_the_audience() {
        insta::assert_snapshot!(
            show("Coach Lars Berg told reporters the team would appeal."),
            @"Lars Berg [tell] reported: the team would appeal"
        );
    }

    #[test]
    fn trailing_conduit_with_a_day() {
        insta::assert_snapshot!(
            show("Kenya plans to build two dams, state media reported on Sunday, citing officials."),
            @"state media <- officials [report] reported: Kenya plans to build two dams"
        );
    }

    #[test]
    fn subject_of_a_by_participle() {
        insta::assert_snapshot!(
            show("The Daily Mirror defended the story by arguing that it was true."),
            @"Daily Mirror [argue] reported: it was true"
        );
    }

    #[test]
    fn passive_speech_verbs() {
        insta::assert_snapshot!(
            show("Omar Haddad was quoted as saying the port was closed."),
            @"Omar Haddad [say] reported: the port was closed"
        );
        insta::assert_snapshot!(show("Omar Haddad was told to leave the port."), @"");
    }

    #[test]
    fn dateline_is_not_part_of_the_content() {
        insta::assert_snapshot!(
            show("LIMA (AFP) – Two bridges collapsed overnight, officials said."),
            @"officials [say] reported: Two bridges collapsed overnight"
        );
    }

    #[test]
    fn that_after_an_adverbial_phrase() {
        insta::assert_snapshot!(
            show("The Harbour Board said in a statement that ferries would resume."),
            @"Harbour Board [say] reported: ferries would resume"
        );
    }

    #[test]
    fn inverted_speaker_is_inside_the_attribution_span() {
        let (source, claims) = statements("“Nobody warned us,” said Ada Kim, a nurse.");
        let a = claims[0]
            .attribution
            .as_ref()
            .map(|a| &source.text[a.span.clone()]);
        assert_eq!(a, Some("said Ada Kim"));
    }

    #[test]
    fn trailing_outlet_after_the() {
        insta::assert_snapshot!(
            show("The repairs will cost $3 million, the Gazette reported."),
            @"Gazette [report] reported: The repairs will cost $3 million"
        );
    }

    #[test]
    fn age_appositive_between_speaker_and_verb() {
        insta::assert_snapshot!(
            show("Lina Sato, 45, said she had not been told."),
            @"Lina Sato [say] reported: she had not been told"
        );
    }

    #[test]
    fn speaker_is_not_taken_from_a_prepositional_phrase() {
        insta::assert_snapshot!(
            show("In an interview with the BBC, the minister said the plan was unworkable."),
            @"minister [say] reported: the plan was unworkable"
        );
    }

    #[test]
    fn noun_uses_of_verb_forms_are_not_speech() {
        insta::assert_snapshot!(show("The report of the committee is due in June."), @"");
        insta::assert_snapshot!(
            show("The NHK report said the dam was safe."),
            @"NHK [say] reported: the dam was safe"
        );
    }

    #[test]
    fn as_reported_by_a_generic_source_with_a_place() {
        insta::assert_snapshot!(
            show("As reported by Kenyan state media, the talks will resume."),
            @"Kenyan state media [as reported by] reported: the talks will resume"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Arbitrary news-like text never panics, and every statement's spans lie in the
        /// text on character boundaries with the content inside the claim span.
        #[test]
        fn arbitrary_text_never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("said".to_owned()),
                    proptest::strategy::Just("according to".to_owned()),
                    proptest::strategy::Just("quoted".to_owned()),
                    proptest::strategy::Just("as saying".to_owned()),
                    proptest::strategy::Just("He".to_owned()),
                    proptest::strategy::Just("the".to_owned()),
                    proptest::strategy::Just("Mr Dan Roe".to_owned()),
                    proptest::strategy::Just("AAPP".to_owned()),
                    "[“”\"‘’,.:;()–\n ]{1,3}",
                    "[A-Z][a-zé’']{0,6}",
                    "[a-z]{1,7}",
                ],
                0..40,
            )
        ) {
            let text = parts.join(" ");
            let (source, claims) = statements(&text);
            for c in &claims {
                proptest::prop_assert!(source.text.get(c.span.clone()).is_some());
                if let ClaimBody::Statement(st) = &c.body {
                    proptest::prop_assert!(source.text.get(st.content.clone()).is_some());
                    proptest::prop_assert!(st.sentences.contains(&c.sentence));
                }
                if let Some(a) = &c.attribution {
                    proptest::prop_assert!(source.text.get(a.span.clone()).is_some());
                }
            }
        }
    }

    #[test]
    fn generic_parties_share_a_folded_key() {
        let (_, claims) = statements("Forty people died, rights groups say.");
        let key = claims[0]
            .attribution
            .as_ref()
            .and_then(|a| a.speaker.as_ref())
            .map(|p| p.key.clone());
        assert_eq!(key.as_deref(), Some("rights groups"));
    }
}

//! Extract: per sentence, typed claims.
//!
//! Input: a [`Source`] and its [`Sentence`]s. Output: an [`Extraction`]: quantity claims
//! (a number as an interval, with what is counted, the event, the scope and the
//! attribution), statement claims (who said what, through whom), entity mentions with a
//! canonical key, and dates resolved against the source's anchor date. Boilerplate never
//! yields claims: it is never segmented.

pub(crate) mod about;
pub(crate) mod attribution;
pub(crate) mod entity;
pub(crate) mod event;
pub(crate) mod frame;
pub(crate) mod lexicon;
pub(crate) mod number;
pub(crate) mod occasion;
pub(crate) mod places;
pub(crate) mod quantity;
pub(crate) mod rate;
pub mod record;
pub(crate) mod scope;
pub(crate) mod time;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use event::{EventFact, EventParty, Polarity};
pub use occasion::{DateParts, Occasion};
pub use places::PlaceLink;

use crate::ingest::Source;
use crate::pack::{EntityKind, Pack};
use crate::segment::Sentence;
use crate::text::{exact, Span};

/// Everything extracted from one source.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Extraction {
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// Entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// Dates and relative dates in text order.
    pub dates: Vec<DateRef>,
    /// The date relative dates were resolved against.
    pub anchor: Anchor,
    /// Places the text puts inside others ("Savar, on the outskirts of Dhaka").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceLink>,
    /// Exchange rates the text gives ("$1.27 to the euro"), in text order: what compare
    /// converts the source's figures in one currency to another by.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<ExchangeRate>,
    /// What happened on a day the text gives ("the February 1 coup"), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occasions: Vec<Occasion>,
    /// What the text states happened between named parties ("awarded the envoy a
    /// medal", "refused to condemn the coup"), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventFact>,
}

/// An exchange rate a source gives: one unit of `per` is worth `value` of `unit` ("$1.27
/// to the euro": one EUR is 1.27 USD). Never a claim; compare converts the source's own
/// figures by it, and by no rate the text does not give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeRate {
    /// Where the rate is written ("about $1.27 to the euro", "€1 = $1.08").
    pub span: Span,
    /// The currency one unit of which is priced (`EUR`).
    pub per: String,
    /// The currency it is priced in (`USD`).
    pub unit: String,
    /// What one unit of `per` is worth, as written; `None` for a range.
    #[serde(with = "record::interval::number")]
    pub number: Option<f64>,
    /// The interval the text gives for it.
    #[serde(with = "record::interval")]
    pub value: Interval,
}

/// One claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of the sentence (in the source's sentence list).
    pub sentence: usize,
    /// Span of that sentence.
    pub sentence_span: Span,
    /// Span of the claim's own text ("At least 320 people").
    pub span: Span,
    /// What is claimed.
    pub body: ClaimBody,
    /// Who says so, when the text says: shared by the figures credited to one statement
    /// (a claim is kept for every figure of every source, and a line of figures holds one
    /// every few dozen bytes).
    pub attribution: Option<std::sync::Arc<Attribution>>,
}

/// The two kinds of claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ClaimBody {
    /// A figure (boxed: the claims of a source are held in one vector, which grows by
    /// doubling).
    Quantity(Box<Quantity>),
    /// A statement credited to someone (boxed too: most claims are figures, and every
    /// claim is as large as its largest body).
    Statement(Box<Statement>),
}

/// A quantity claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The figure as written, multipliers applied (`$1.5bn` → 1.5e9); `None` for vague amounts.
    #[serde(with = "record::interval::number")]
    pub number: Option<f64>,
    /// The interval the text asserts.
    #[serde(with = "record::interval")]
    pub value: Interval,
    /// Claim kind id from the pack (`casualties`).
    pub kind: String,
    /// Unit id from the pack (`people`, `USD`, `percent`).
    pub unit: String,
    /// What is counted, lowercase singular-or-plural as written ("civilians").
    pub counted: Option<String>,
    /// Event id from the kind (`killed`).
    pub event: Option<String>,
    /// Time and place the figure covers.
    pub scope: Scope,
    /// The modifier as written ("at least", "almost"); boxed, with the rarely set `about`
    /// and `scope.time`, to keep a figure in 256 bytes (#22: 5,600 of them at 1,000
    /// articles, each in the allocator's next size class up when larger).
    pub modifier: Option<Box<str>>,
    /// True for "hundreds", "dozens", "scores".
    pub vague: bool,
    /// True when the figure is a part of a larger one in the same sentence ("including 11").
    pub part: bool,
    /// An estimate, a forecast or a fear, when the clause says so; `None` for a figure
    /// stated as fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<frame::Status>,
    /// The person or organisation the figure is about, when its sentence names one
    /// that is not its source ("the RPU won 142 seats").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Box<about::About>>,
    /// The content stems of the claim's sentence, numbers left out
    /// ([`word_stems`](crate::normalize::stems::word_stems)): what compare tells how alike
    /// two figures' sentences are by. Filled by [`prepare`]; a record does not keep it.
    /// Shared by the figures of one sentence (a line of figures holds thousands).
    #[serde(skip)]
    pub(crate) sentence_stems: std::sync::Arc<crate::normalize::stems::StemSet>,
    /// The same figure written again beside it in another unit: the text's own conversion
    /// ("5 miles (8 km)", "20 million euros ($25 million)"). Compare reads a figure in
    /// another currency only through these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renderings: Vec<Rendering>,
}

/// One more rendering of a figure, in another unit, written by the text beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    /// Where the rendering is written, modifier and unit included ("around Euros 16 million").
    pub span: Span,
    /// The rendering as written, multipliers applied; `None` for a range.
    #[serde(with = "record::interval::number")]
    pub number: Option<f64>,
    /// The interval it asserts.
    #[serde(with = "record::interval")]
    pub value: Interval,
    /// Unit id from the pack (`EUR`, `km`).
    pub unit: String,
}

/// A numeric interval; `None` bounds are open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// Whether `min` itself is included.
    #[serde(skip)]
    pub min_inclusive: bool,
    /// Whether `max` itself is included.
    #[serde(skip)]
    pub max_inclusive: bool,
}

impl Interval {
    /// Exactly `x`.
    pub fn exact(x: f64) -> Interval {
        Interval {
            min: Some(x),
            max: Some(x),
            min_inclusive: true,
            max_inclusive: true,
        }
    }

    /// `[min, max]` with both bounds inclusive; `None` is open.
    pub fn closed(min: Option<f64>, max: Option<f64>) -> Interval {
        Interval {
            min,
            max,
            min_inclusive: true,
            max_inclusive: true,
        }
    }

    /// Whether some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        fn below(max: Option<f64>, max_inc: bool, min: Option<f64>, min_inc: bool) -> bool {
            match (max, min) {
                (Some(hi), Some(lo)) => hi < lo || (hi == lo && !(max_inc && min_inc)),
                _ => false,
            }
        }
        !below(self.max, self.max_inclusive, other.min, other.min_inclusive)
            && !below(other.max, other.max_inclusive, self.min, self.min_inclusive)
    }

    /// Whether `x` lies in the interval.
    pub fn contains(&self, x: f64) -> bool {
        self.overlaps(&Interval::exact(x))
    }
}

/// The time and place a figure covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    /// The time scope, when the sentence gives one (boxed: most figures have none).
    pub time: Option<Box<TimeScope>>,
    /// Canonical key of the place, when the sentence gives one.
    pub place: Option<String>,
    /// The date the figure is reported as of (publication or "said on Tuesday").
    pub as_of: Option<Date>,
}

/// A time scope: "on March 27", "since the Feb. 1 coup", "from 2014-2019", "last year".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeScope {
    /// What sort of scope.
    pub kind: TimeScopeKind,
    /// The phrase as written.
    pub text: String,
    /// Its span in the source.
    pub span: Span,
    /// First day covered, when resolved.
    pub from: Option<Date>,
    /// Last day covered, when resolved.
    pub to: Option<Date>,
}

/// Sorts of time scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeScopeKind {
    /// One day ("on Saturday", "on March 27").
    Day,
    /// A bounded period ("from 2014-2019", "last year", "in June").
    Period,
    /// Cumulative from a start ("since the Feb. 1 coup", "since 2008").
    Since,
    /// A rate per period ("a day", "per year", "daily"), not a total.
    Rate,
}

/// A statement claim: content credited to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The content: the quoted words (without quote marks) or the reported clause.
    pub content: Span,
    /// Whether `content` is a direct quotation.
    pub direct: bool,
    /// Indices of the sentences the statement covers (a quote may run on); always
    /// contains the claim's own `sentence`.
    pub sentences: std::ops::Range<usize>,
}

/// Who says so, and through whom.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Attribution {
    /// The original speaker ("Fomin", "activist groups").
    pub speaker: Option<Party>,
    /// Conduits from the outermost in: "TASS quoted Fomin" → `[TASS]`.
    pub chain: Vec<Party>,
    /// Lemma of the speech verb ("say", "quote", "according to").
    pub verb: Option<String>,
    /// Span of the attribution phrase.
    pub span: Span,
}

impl Attribution {
    /// "TASS <- Fomin" style description, conduits first.
    pub fn describe(&self) -> String {
        let mut parts: Vec<&str> = self.chain.iter().map(|p| p.name.as_str()).collect();
        if let Some(s) = &self.speaker {
            parts.push(&s.name);
        }
        parts.join(" <- ")
    }

    /// The canonical key of the upstream source: the speaker, else the innermost conduit.
    pub fn upstream_key(&self) -> Option<&str> {
        self.speaker
            .as_ref()
            .or(self.chain.last())
            .map(|p| p.key.as_str())
    }
}

/// A person, organisation or outlet in an attribution.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Party {
    /// As written (with a resolved pronoun replaced by the name it stands for).
    pub name: String,
    /// Canonical key for matching.
    pub key: String,
    /// Kind of entity, when known.
    pub kind: Option<EntityKind>,
    /// Span in the source of the words naming it.
    pub span: Option<Span>,
}

/// An entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Span of the name (without a leading title).
    pub span: Span,
    /// The name as written: the display name itself when written as it is displayed
    /// (shared, as most mentions are, #22).
    pub text: std::sync::Arc<str>,
    /// Canonical key (alias table, folding, fuzzy match): shared by the mentions of one
    /// name, which recur in a source and across the sources of a story.
    pub key: std::sync::Arc<str>,
    /// The canonical display name, shared as the key is.
    pub canonical: std::sync::Arc<str>,
    /// Person, organisation, place, title or event.
    pub kind: EntityKind,
    /// A title written before the name ("Senior General").
    pub title: Option<Box<str>>,
    /// Index of the sentence.
    pub sentence: usize,
    /// The sentence the name is cited in, as evidence: from the sentence end before it
    /// ([.!?] then a space, not after an initial, a title or an abbreviation of the pack)
    /// to the one after it, never past a line break. Empty only in a record written before
    /// it was kept, which [`record::Record::into_source`] refuses.
    #[serde(default)]
    pub sentence_span: Span,
}

/// A date or relative date, resolved when possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateRef {
    /// Span of the phrase.
    pub span: Span,
    /// The phrase as written.
    pub text: String,
    /// First day it may mean.
    pub from: Option<Date>,
    /// Last day it may mean.
    pub to: Option<Date>,
    /// Whether it was relative ("on Friday", "last year").
    pub relative: bool,
    /// How it was resolved ("anchor 2021-03-26 (text) - Friday before").
    pub basis: String,
    /// Index of the sentence.
    pub sentence: usize,
    /// Whether the phrase is the date of the source's wire dateline
    /// ([`Source::dateline`]): when the story was filed, never what a figure covers. Only
    /// extraction reads it; a record does not keep it.
    #[serde(skip)]
    pub dateline: bool,
}

/// The date a source's relative dates are resolved against.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    /// The date, when any.
    pub date: Option<Date>,
    /// The year, when known (also when only the year could be inferred from the text).
    pub year: Option<i16>,
    /// Where it came from ("manifest", "page header date line 1", "inferred from the text").
    pub basis: String,
    /// Why a page date was distrusted, when it was.
    pub warning: Option<String>,
}

/// Builds what extraction needs that does not depend on the pack (the date-phrase
/// regexes), rather than at first use.
pub(crate) fn warm_up() {
    time::warm_up();
}

/// Builds the matchers extraction derives from `pack` (names, figures, attribution),
/// rather than at first use.
pub(crate) fn warm_up_pack(pack: &Pack) {
    entity::warm_up(pack);
    quantity::warm_up(pack);
    attribution::warm_up(pack);
    occasion::warm_up(pack);
    event::warm_up(pack);
}

/// Extracts every claim, mention and date of one source on its own: [`Prepared`] then
/// [`Prepared::extract`]. A source that is one of a story's gets its year from the others
/// through [`Prepared::in_story`] first.
pub fn extract(source: &Source, sentences: &[Sentence], pack: &Pack) -> Extraction {
    Prepared::new(source, sentences, pack).extract()
}

/// A source ready for extraction: the date phrases of its sentences, found once, and the
/// anchor its relative dates will resolve against.
///
/// The anchor is the source's own ([`Prepared::anchor`]): its manifest or page date, else
/// its wire dateline's date when that gives a year. [`Prepared::in_story`] completes it
/// with the year the other sources of the story give, which needs every source's own
/// anchor first.
#[derive(Debug)]
pub struct Prepared<'a> {
    source: &'a Source,
    sentences: &'a [Sentence],
    pack: &'a Pack,
    /// The date phrases of each sentence, for both the anchor and the dates.
    phrases: Vec<Vec<time::Phrase>>,
    anchor: Anchor,
}

impl<'a> Prepared<'a> {
    /// Finds the date phrases of each sentence of `source` and the source's own anchor.
    pub fn new(source: &'a Source, sentences: &'a [Sentence], pack: &'a Pack) -> Prepared<'a> {
        let phrases = time::phrases_of(source, sentences, pack);
        let anchor = time::own_anchor(source, sentences, &phrases);
        Prepared {
            source,
            sentences,
            pack,
            phrases,
            anchor,
        }
    }

    /// The anchor the dates will resolve against.
    pub fn anchor(&self) -> &Anchor {
        &self.anchor
    }

    /// Completes the anchor with `story_year`, the year the other sources of the story
    /// give: a dateline "PARIS, March 3" becomes a full date, an undated source gets a year.
    /// The anchor's basis says so. A manifest or trusted page date is kept.
    pub fn in_story(self, story_year: Option<i16>) -> Prepared<'a> {
        let anchor = time::in_story(self.anchor, self.source, story_year);
        Prepared { anchor, ..self }
    }

    /// Extracts every claim, mention and date of the source.
    pub fn extract(self) -> Extraction {
        extract_prepared(self)
    }
}

fn extract_prepared(prepared: Prepared<'_>) -> Extraction {
    let Prepared {
        source,
        sentences,
        pack,
        phrases,
        anchor,
    } = prepared;
    let mut dates = Vec::new();
    let mut occasions = Vec::new();
    let mut mentions = Vec::new();
    // The source in ASCII lowercase (same byte offsets), from which each stage borrows
    // lowercase words and sentences instead of allocating them.
    let lower = source.text.to_ascii_lowercase();
    let spans: Vec<Span> = sentences.iter().map(|s| s.span.clone()).collect();
    let aliases = entity::alias_hits(&lower, &spans, pack);
    let mut cite = entity::SentenceFinder::new(&source.text, pack);
    for (((i, s), found), aliases) in sentences.iter().enumerate().zip(phrases).zip(aliases) {
        let parts: Vec<DateParts> = found.iter().map(|p| time::parts(&p.kind)).collect();
        let here = time::dates_of(source, i, s, &anchor, found);
        if !here.is_empty() {
            let dated: Vec<(&DateRef, DateParts)> = here
                .iter()
                .zip(parts)
                .map(|(d, p)| (d, p.resolved(d.from, d.to)))
                .collect();
            let lowered = lower.get(s.span.clone()).unwrap_or("");
            occasions.extend(occasion::occasions_of((i, &s.span), lowered, &dated, pack));
        }
        dates.extend(here);
        // The words of one sentence at a time (attribution splits them again): held for
        // the whole source, they took ten times its size.
        let words = crate::text::words_lowered(
            source.text.get(s.span.clone()).unwrap_or(""),
            lower.get(s.span.clone()),
        );
        mentions.extend(entity::find_mentions_in(
            source, i, s, &words, pack, aliases, &mut cite,
        ));
    }
    entity::link(&mut mentions, pack);
    let mentions_of = crate::text::BySentence::new(mentions.iter().map(|m| m.sentence));
    let statements =
        attribution::find_lowered(source, sentences, &lower, &mentions, &mentions_of, pack);
    let events = events_of(
        sentences,
        &lower,
        &mentions,
        &mentions_of,
        &statements,
        &occasions,
        pack,
    );
    let mut claims = Vec::new();
    let mut rates = Vec::new();
    // the dates of each sentence, in one pass (not one pass over all dates per sentence)
    let mut by_sentence: Vec<Vec<&DateRef>> = vec![Vec::new(); sentences.len()];
    for d in &dates {
        if let Some(v) = by_sentence.get_mut(d.sentence) {
            v.push(d);
        }
    }
    let hints: Vec<quantity::Hint<'static>> = quantity::hints(pack, &lower, &spans)
        .into_iter()
        .map(quantity::Hint::unborrowed)
        .collect();
    // Nothing after this reads the lowercase copy: it goes before the figures are read,
    // whose claims would otherwise add up with it (on a 50 MB line, its size again at
    // the peak). Each sentence with a figure lowers itself instead (#22).
    drop(lower);
    let places = sentences
        .iter()
        .zip(&by_sentence)
        .flat_map(|(s, d)| places::links(s.text(source), s.span.start, d, pack))
        .collect();
    let mentions_in =
        |i: usize| -> Vec<&Mention> { mentions_of.of(i).filter_map(|k| mentions.get(k)).collect() };
    let credit = |mut c: Claim, here: &[&Mention]| {
        let i = c.sentence;
        c.attribution = attribution::for_figure(source, &statements, i, &c.span, pack).cloned();
        about::set_about(source, &mut c, here, pack);
        c
    };
    for (((i, s), sentence_dates), hint) in sentences
        .iter()
        .enumerate()
        .zip(&by_sentence)
        .zip(hints.iter().copied())
    {
        let (found, given) = quantity::find(source, i, s, pack, sentence_dates, &anchor, hint);
        rates.extend(given);
        if found.is_empty() {
            continue;
        }
        let here = mentions_in(i);
        // a figure too large for a float (300 digits times "trillion") is no figure
        claims.extend(
            found
                .into_iter()
                .filter(has_finite_figure)
                .map(|c| credit(c, &here)),
        );
    }
    // "Port Elden: 12,500" in a list of towns: the list says what its figures count
    let listed = quantity::list_items(
        source,
        sentences,
        &mut claims,
        pack,
        &by_sentence,
        &anchor,
        &hints,
    );
    claims.extend(listed.into_iter().filter(has_finite_figure).map(|c| {
        let here = mentions_in(c.sentence);
        credit(c, &here)
    }));
    claims.extend(
        statements
            .into_iter()
            .filter(|c| matches!(c.body, ClaimBody::Statement(_))),
    );
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    quantity::spell_out_acronyms(&mut claims, &mentions);
    prepare(&source.text, &mut claims);
    // kept until the report is written, while the room left by doubling is not needed
    drop(hints);
    drop(by_sentence);
    Extraction {
        claims: exact(claims),
        mentions: exact(mentions),
        dates: exact(dates),
        anchor,
        places: exact(places),
        rates: exact(rates),
        occasions: exact(occasions),
        events: exact(events),
    }
}

/// The events each sentence states ([`event::events_of`]), leaving out as parties whoever
/// `statements` credit.
fn events_of(
    sentences: &[Sentence],
    lower: &str,
    mentions: &[Mention],
    mentions_of: &crate::text::BySentence,
    statements: &[Claim],
    occasions: &[Occasion],
    pack: &Pack,
) -> Vec<EventFact> {
    if pack.events.is_empty() {
        return Vec::new();
    }
    // who each statement credits: its conduits, and its speaker with what it said (a
    // statement with no content of its own, a figure's, covers its whole sentence)
    let mut credited: Vec<event::Credit> = statements
        .iter()
        .filter_map(|c| {
            let a = c.attribution.as_deref()?;
            let content = match &c.body {
                ClaimBody::Statement(st) => Some(st.content.clone()),
                ClaimBody::Quantity(_) => None,
            };
            let speaker = std::iter::once(a.span.clone())
                .chain(a.speaker.iter().filter_map(|p| p.span.clone()))
                .map(|s| (s, content.clone(), false));
            let conduits = a
                .chain
                .iter()
                .filter_map(|p| p.span.clone())
                .map(|s| (s, None, true));
            Some(speaker.chain(conduits).collect::<Vec<_>>())
        })
        .flatten()
        .map(|(span, content, conduit)| event::Credit {
            span,
            content,
            conduit,
        })
        .collect();
    credited.sort_by_key(|c| (c.span.start, c.span.end));
    let mut out = Vec::new();
    let mut next_occasion = 0;
    for (i, s) in sentences.iter().enumerate() {
        // occasions are in sentence order
        let first = next_occasion;
        while occasions
            .get(next_occasion)
            .is_some_and(|o| o.sentence <= i)
        {
            next_occasion += 1;
        }
        let here_occasions: Vec<Occasion> = occasions
            .get(first..next_occasion)
            .unwrap_or(&[])
            .iter()
            .filter(|o| o.sentence == i)
            .cloned()
            .collect();
        let here: Vec<&Mention> = mentions_of.of(i).filter_map(|k| mentions.get(k)).collect();
        let from = credited.partition_point(|c| c.span.start < s.span.start);
        let to = credited.partition_point(|c| c.span.start < s.span.end);
        let sentence = event::EventSentence {
            index: i,
            span: &s.span,
            lower: lower.get(s.span.clone()).unwrap_or(""),
            mentions: &here,
            credited: credited.get(from..to.max(from)).unwrap_or(&[]),
            occasions: &here_occasions,
        };
        out.extend(event::events_of(&sentence, pack));
    }
    out
}

/// Fills what compare reads of a figure's sentence: its word stems. Extraction calls it
/// last, and so does [`record::Record::into_source`], since a record does not keep them.
/// A statement's words are not copied: compare reads them from the source's text by the
/// content's span (a record keeps the text of every line holding a claim).
pub(crate) fn prepare(text: &str, claims: &mut [Claim]) {
    // claims are in text order: the figures of one sentence share its stems
    let mut last: Option<(Span, std::sync::Arc<crate::normalize::stems::StemSet>)> = None;
    for c in claims {
        match &mut c.body {
            ClaimBody::Quantity(q) => {
                let stems = match &last {
                    Some((span, stems)) if *span == c.sentence_span => stems.clone(),
                    _ => {
                        let words = text
                            .get(c.sentence_span.clone())
                            .map(crate::normalize::stems::word_stems)
                            .unwrap_or_default();
                        let stems =
                            std::sync::Arc::new(crate::normalize::stems::StemSet::new(words));
                        last = Some((c.sentence_span.clone(), stems.clone()));
                        stems
                    }
                };
                q.sentence_stems = stems;
            }
            // compare reads a statement's wording from the source's text by its span
            ClaimBody::Statement(_) => {}
        }
    }
}

/// A text read as source `t` with the default pack, and its extraction (for tests).
#[cfg(test)]
pub(crate) fn extract_text(text: &str) -> (Source, Extraction) {
    let pack = Pack::default_pack();
    let source = Source::from_text("t", "t.txt", text, &pack);
    let sentences = crate::segment(&source, &pack);
    let ex = extract(&source, &sentences, &pack);
    (source, ex)
}

/// Whether a quantity claim's figure and bounds are numbers a comparison can use: the
/// figure finite, no bound NaN, no lower bound of +inf nor upper bound of -inf.
fn has_finite_figure(c: &Claim) -> bool {
    let ClaimBody::Quantity(q) = &c.body else {
        return true;
    };
    let v = &q.value;
    q.number.is_none_or(f64::is_finite)
        && !v.min.is_some_and(|x| x.is_nan() || x == f64::INFINITY)
        && !v.max.is_some_and(|x| x.is_nan() || x == f64::NEG_INFINITY)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A figure fits the allocator's 256-byte size class and a mention is 112 bytes: a
    /// large corpus holds one of each for every figure and name it reads (#22).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn figures_and_mentions_stay_small() {
        assert!(std::mem::size_of::<Quantity>() <= 256);
        assert!(std::mem::size_of::<Mention>() <= 112);
    }

    /// Each quantity's text and who it is credited to.
    fn credits(text: &str) -> Vec<(String, Option<String>)> {
        let (source, ex) = extract_text(text);
        ex.claims
            .into_iter()
            .filter(|c| matches!(c.body, ClaimBody::Quantity(_)))
            .map(|c| {
                let who = c
                    .attribution
                    .and_then(|a| a.speaker.clone())
                    .map(|p| p.name);
                (source.text[c.span].to_owned(), who)
            })
            .collect()
    }

    /// A claim is kept for every figure: its body is a pointer, its attribution one
    /// shared by the figures credited to the same statement.
    #[test]
    fn claims_are_small_and_share_their_attribution() {
        assert!(std::mem::size_of::<Claim>() <= 64);
        let (_, ex) = extract_text(
            "The council of Port Elden said 412 homes were damaged and 17 people were hurt.",
        );
        let credited: Vec<&std::sync::Arc<Attribution>> = ex
            .claims
            .iter()
            .filter(|c| matches!(c.body, ClaimBody::Quantity(_)))
            .filter_map(|c| c.attribution.as_ref())
            .collect();
        assert_eq!(credited.len(), 2, "{:?}", ex.claims);
        assert!(std::sync::Arc::ptr_eq(credited[0], credited[1]));
    }

    /// A rate the text gives is kept with the source, per one unit of the currency priced,
    /// and is no claim (#21).
    #[test]
    fn a_source_keeps_the_exchange_rates_it_gives() {
        let (source, ex) = extract_text(
            "The ministry put the bill at 40 million euros, at about $1.27 to the euro. A \
             later note gave 100 yen = $0.67.",
        );
        let rates: Vec<(&str, &str, &str, Option<f64>)> = ex
            .rates
            .iter()
            .map(|r| {
                (
                    &source.text[r.span.clone()],
                    r.per.as_str(),
                    r.unit.as_str(),
                    r.number,
                )
            })
            .collect();
        assert_eq!(
            rates,
            [
                ("about $1.27 to the euro", "EUR", "USD", Some(1.27)),
                ("100 yen = $0.67", "JPY", "USD", Some(0.0067)),
            ]
        );
        let money: Vec<&str> = ex
            .claims
            .iter()
            .filter(|c| matches!(c.body, ClaimBody::Quantity(_)))
            .map(|c| &source.text[c.span.clone()])
            .collect();
        assert_eq!(money, ["40 million euros"]);
    }

    #[test]
    fn a_figure_in_background_after_the_attribution_is_credited_to_no_one() {
        let got = credits(
            "Moscow plans to sell more arms, state television said on Monday, after talks \
             with generals accused of killing 320 protesters.",
        );
        assert_eq!(got, [("320 protesters".to_owned(), None)]);
        // "up from" continues the office's own figures
        let got = credits(
            "The police budget will grow to $960 million, according to the Budget Office, up \
             from $890 million last year.",
        );
        let who: Vec<Option<&str>> = got.iter().map(|(_, w)| w.as_deref()).collect();
        assert_eq!(
            who,
            [Some("Budget Office"), Some("Budget Office")],
            "{got:?}"
        );
    }
}

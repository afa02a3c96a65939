//! Serde views of the pack files, exactly as written. `deny_unknown_fields` and enums for
//! closed sets make the first validation pass; [`super::validate`] does the second.

use serde::Deserialize;
use toml::Spanned;

/// `pack.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub(crate) name: String,
    pub(crate) version: Spanned<u32>,
    #[serde(default)]
    pub(crate) description: String,
}

/// `abbreviations.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAbbreviations {
    /// Titles that precede a name and never end a sentence ("Gen.", "Dr.").
    #[serde(default)]
    pub(crate) titles: Vec<Spanned<String>>,
    /// Abbreviations that usually do not end a sentence but may ("U.S.", "Inc.").
    #[serde(default)]
    pub(crate) abbreviations: Vec<Spanned<String>>,
    /// Abbreviations that never end a sentence, whatever follows ("e.g.", "i.e.").
    #[serde(default)]
    pub(crate) never_final: Vec<Spanned<String>>,
    /// Clock abbreviations ("a.m.", "p.m.").
    #[serde(default)]
    pub(crate) times: Vec<Spanned<String>>,
    /// Words before a clock time that open a sentence ("At 5 a.m. Mr. Smith left").
    #[serde(default)]
    pub(crate) time_openers: Vec<Spanned<String>>,
    /// Capitalised words that start a new sentence after an abbreviation ("The", "He").
    #[serde(default)]
    pub(crate) sentence_starters: Vec<Spanned<String>>,
}

/// `aliases.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAliases {
    #[serde(default)]
    pub(crate) alias: Vec<RawAlias>,
}

/// One alias set: a canonical name and the spellings that mean the same entity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAlias {
    pub(crate) canonical: Spanned<String>,
    pub(crate) variants: Vec<Spanned<String>>,
    pub(crate) kind: EntityKind,
}

/// `entities.toml`: how entity mentions are found and classified.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntities {
    /// Titles and roles written before a person's name.
    #[serde(default)]
    pub(crate) titles: Vec<Spanned<String>>,
    /// Words that make a capitalised run an organisation.
    #[serde(default)]
    pub(crate) organization_words: Vec<Spanned<String>>,
    /// Outlets and agencies that are organisations without a cue word.
    #[serde(default)]
    pub(crate) outlets: Vec<Spanned<String>>,
    /// Words that make a capitalised run a place.
    #[serde(default)]
    pub(crate) place_words: Vec<Spanned<String>>,
    /// Words that make a capitalised run an event.
    #[serde(default)]
    pub(crate) event_words: Vec<Spanned<String>>,
    /// Lowercase words before a run that make it a place.
    #[serde(default)]
    pub(crate) place_cues: Vec<Spanned<String>>,
    /// Small words allowed inside a name.
    #[serde(default)]
    pub(crate) connectors: Vec<Spanned<String>>,
    /// Words that join two parts of an organisation's name.
    #[serde(default)]
    pub(crate) org_joiners: Vec<Spanned<String>>,
    /// Capitalised words that are not names.
    #[serde(default)]
    pub(crate) not_names: Vec<Spanned<String>>,
    /// Endings of single capitalised words that are adjectives.
    #[serde(default)]
    pub(crate) adjective_endings: Vec<Spanned<String>>,
    /// Head nouns of unnamed sources ("activist groups").
    #[serde(default)]
    pub(crate) generic_sources: Vec<Spanned<String>>,
    /// Heads written before "of" or after their complement ("Ministry of Health" =
    /// "Health Ministry").
    #[serde(default)]
    pub(crate) inverted_heads: Vec<Spanned<String>>,
    /// Last words a place's name may drop ("Jeju Island" = "Jeju").
    #[serde(default)]
    pub(crate) droppable_suffixes: Vec<Spanned<String>>,
    /// Lowercase nouns that say what a named thing is ("the Alder Tower building").
    #[serde(default)]
    pub(crate) class_words: Vec<Spanned<String>>,
    /// Lowercase nouns that say what a named thing is only before it ("the state capital
    /// Varn").
    #[serde(default)]
    pub(crate) class_words_before: Vec<Spanned<String>>,
    /// `[from, to]` spelling rules for name keys; `^`/`$` anchor them.
    #[serde(default)]
    pub(crate) respell: Vec<Spanned<Vec<String>>>,
    /// Nouns of a gathering a place name may qualify ("the Los Angeles march").
    #[serde(default)]
    pub(crate) gatherings: Vec<Spanned<String>>,
}

/// The kinds of entities the pack knows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, agency, outlet or institution.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// A title or role ("deputy defence minister").
    Title,
    /// An event ("Second World War").
    Event,
}

/// `boilerplate.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBoilerplate {
    /// A whole line matching one of these (case-insensitive regex) is boilerplate.
    #[serde(default)]
    pub(crate) lines: Vec<Spanned<String>>,
    /// A line matching one of these starts a trailing block (comment form, related
    /// articles) that is boilerplate to the end of the text.
    #[serde(default)]
    pub(crate) tail: Vec<Spanned<String>>,
    /// A line matching one of these starts a block that is boilerplate up to the next
    /// blank line ("Read also:" followed by headlines).
    #[serde(default)]
    pub(crate) block: Vec<Spanned<String>>,
    /// Spans inside a line that are boilerplate (wire codes such as `[L1N2LO05L]`).
    #[serde(default)]
    pub(crate) inline: Vec<Spanned<String>>,
}

/// `occasions.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOccasions {
    #[serde(default)]
    pub(crate) occasion: Vec<RawOccasion>,
}

/// `exchange_rates.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExchangeRates {
    /// The currency every rate is given against ("EUR").
    pub(crate) base: Spanned<String>,
    /// How far, as a share, a converted figure may lie from its value at the rate.
    pub(crate) tolerance: Spanned<f64>,
    /// Per currency, per year: how much of it one unit of `base` was worth on average.
    #[serde(default)]
    pub(crate) per_base: std::collections::BTreeMap<
        String,
        Spanned<std::collections::BTreeMap<String, Spanned<f64>>>,
    >,
}

/// `events.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvents {
    /// Words before a trigger that deny it ("refused to").
    #[serde(default)]
    pub(crate) negations: Vec<Spanned<String>>,
    /// Words before a trigger that make it a plan or a possibility ("will").
    #[serde(default)]
    pub(crate) modals: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) event: Vec<RawOccasion>,
}

/// One occasion (or event) and the words that name it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOccasion {
    pub(crate) id: Spanned<String>,
    pub(crate) triggers: Vec<Spanned<String>>,
}

/// `speech_verbs.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpeechVerbs {
    /// Phrases naming a source ("according to").
    #[serde(default)]
    pub(crate) source_phrases: Vec<Spanned<String>>,
    /// Words allowed between a speaker and the verb ("on Friday", "has also").
    #[serde(default)]
    pub(crate) skip: Vec<Spanned<String>>,
    /// Nouns for published figures ("figures", "data").
    #[serde(default)]
    pub(crate) data_nouns: Vec<Spanned<String>>,
    /// Words linking a data noun to its source ("from", "released by").
    #[serde(default)]
    pub(crate) data_links: Vec<Spanned<String>>,
    /// Words that open background after an attribution.
    #[serde(default)]
    pub(crate) background_openers: Vec<Spanned<String>>,
    /// Objects of a verb with `takes_audience` that are its audience, not what was said
    /// ("told reporters").
    #[serde(default)]
    pub(crate) audiences: Vec<Spanned<String>>,
    /// Nouns of the occasion of a report ("at its briefing on Tuesday").
    #[serde(default)]
    pub(crate) occasions: Vec<Spanned<String>>,
    /// Verb forms that make a day next to them the date of a report ("said on Friday").
    #[serde(default)]
    pub(crate) reporting_forms: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) verb: Vec<RawSpeechVerb>,
}

/// A speech verb and its inflected forms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpeechVerb {
    pub(crate) lemma: Spanned<String>,
    pub(crate) forms: Vec<Spanned<String>>,
    pub(crate) role: SpeechRole,
    /// A weak verb ("call", "put", "add") attributes only a direct quote or a
    /// `that`-clause, never bare words after it.
    #[serde(default)]
    pub(crate) weak: bool,
    /// The verb sets a figure "at" a number ("put the toll at 300", "estimated the
    /// dead at 40"): its subject is the source of that figure.
    #[serde(default)]
    pub(crate) figure_at: bool,
    /// The verb's object is the audience, not the start of what was said ("told
    /// reporters the team would appeal").
    #[serde(default)]
    pub(crate) takes_audience: bool,
}

/// What a speech verb says about its subject.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SpeechRole {
    /// The subject makes the statement ("said", "told", "stated").
    Speaker,
    /// The subject relays someone else's statement ("quoted", "reported", "cited").
    Conduit,
}

/// `units.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUnits {
    #[serde(default)]
    pub(crate) unit: Vec<RawUnit>,
    /// Number words and their values ("six" = 6, "twenty" = 20).
    #[serde(default)]
    pub(crate) number_words: std::collections::BTreeMap<String, Spanned<f64>>,
    /// Ordinal words and their values ("third" = 3, "twentieth" = 20).
    #[serde(default)]
    pub(crate) ordinal_words: std::collections::BTreeMap<String, Spanned<f64>>,
    /// The words for a decimal point in a number in words ("two point three").
    #[serde(default)]
    pub(crate) decimal: Option<RawDecimal>,
    /// Magnitude words and suffixes ("million", "bn").
    #[serde(default)]
    pub(crate) multiplier: Vec<RawMultiplier>,
    /// Fractions written as words ("a fifth").
    #[serde(default)]
    pub(crate) fraction: Vec<RawFraction>,
    /// Words that divide the number before them ("fifths" = 5: "three fifths").
    #[serde(default)]
    pub(crate) fraction_words: std::collections::BTreeMap<String, Spanned<f64>>,
    /// Unit forms that count only glued to digits ("5g", "10t").
    #[serde(default)]
    pub(crate) glued: Option<RawGlued>,
    /// How fractions are written with two numbers ("one over three", "3/4").
    #[serde(default)]
    pub(crate) fraction_forms: Option<RawFractionForms>,
}

/// `[fraction_forms]`: the words between the two numbers of a fraction, and the words
/// before digits over digits that make them a date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFractionForms {
    #[serde(default)]
    pub(crate) over: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) dated_by: Vec<Spanned<String>>,
}

/// `[glued]`: unit forms that count only written straight after the digits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGlued {
    pub(crate) forms: Vec<Spanned<String>>,
}

/// A magnitude word or suffix and its factor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMultiplier {
    pub(crate) forms: Vec<Spanned<String>>,
    pub(crate) factor: Spanned<f64>,
    /// Single-letter forms only valid straight after the digits of a money amount.
    #[serde(default)]
    pub(crate) short: Vec<Spanned<String>>,
    /// Short forms that also count after a space when they stand alone ("2.33 k").
    #[serde(default)]
    pub(crate) spaced: Vec<Spanned<String>>,
    /// The word is also a common noun ("score"): it multiplies only a number in words,
    /// and after "a" only before "of" and a noun.
    #[serde(default)]
    pub(crate) noun: bool,
}

/// A fraction written as words and the percentage it stands for.
/// `[decimal]`: the words for a decimal point.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDecimal {
    pub(crate) words: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFraction {
    pub(crate) phrases: Vec<Spanned<String>>,
    pub(crate) percent: Spanned<f64>,
}

/// One unit and the ways news text writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUnit {
    pub(crate) id: Spanned<String>,
    pub(crate) dimension: Dimension,
    /// Symbols or codes written before the number (`$`, `US$`, `€`, `Rs`).
    #[serde(default)]
    pub(crate) prefixes: Vec<String>,
    /// Words or symbols written after the number (`dollars`, `%`, `per cent`, `km`).
    #[serde(default)]
    pub(crate) suffixes: Vec<String>,
    /// The unit counts people: a figure without a unit counts in it when its kind lists it
    /// (only a `count` unit may).
    #[serde(default)]
    pub(crate) counts_people: bool,
    /// The quantity a measure unit measures ("length", "mass"): figures in units of one
    /// quantity compare once normalised ([`Self::base`]).
    #[serde(default)]
    pub(crate) measures: Option<Spanned<String>>,
    /// How many of its quantity's base unit one of this unit is (a mile: 1609.344 metres).
    #[serde(default)]
    pub(crate) base: Option<Spanned<f64>>,
    /// Added after multiplying by `base`, for scales whose zero is not the base unit's
    /// (a degree Fahrenheit: base 5/9, offset -160/9 degrees Celsius).
    #[serde(default)]
    pub(crate) offset: Option<Spanned<f64>>,
    /// A currency this unit is a hundredth of, written after an amount in it ("$5 and 20
    /// cents" = $5.20): the ids of those currencies.
    #[serde(default)]
    pub(crate) cents_of: Vec<String>,
}

/// What a unit measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// A count of things or people.
    Count,
    /// An amount of money.
    Currency,
    /// A percentage or share.
    Percent,
    /// A physical measure (length, magnitude, area, mass).
    Measure,
    /// A duration.
    Duration,
}

/// `vague_quantities.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVague {
    #[serde(default)]
    pub(crate) vague: Vec<RawVagueQuantity>,
    /// Widths of the approximate modifiers.
    pub(crate) approximation: Option<RawApproximation>,
    /// Modifiers ("at least", "almost") and the interval they make.
    #[serde(default)]
    pub(crate) modifier: Vec<RawModifier>,
    /// Beat phrases that mark a figure's status.
    pub(crate) status: Option<RawStatus>,
}

/// `[status]`: beat phrases that make a figure an expectation, a fear or an estimate.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStatus {
    /// What is expected, planned or permitted ("permit").
    #[serde(default)]
    pub(crate) expected: Vec<Spanned<String>>,
    /// A fear.
    #[serde(default)]
    pub(crate) feared: Vec<Spanned<String>>,
    /// An estimate ("exit poll").
    #[serde(default)]
    pub(crate) estimate: Vec<Spanned<String>>,
}

/// Widths of approximate modifiers, as fractions of the figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawApproximation {
    /// "almost 3,000" covers [3000 * (1 - below), 3000).
    pub(crate) below: Spanned<f64>,
    /// "about 300" covers [300 * (1 - around), 300 * (1 + around)].
    pub(crate) around: Spanned<f64>,
    /// A fraction in words with no modifier ("half") covers [50 * (1 - fraction), 50 *
    /// (1 + fraction)]; 0.05 when not given, 0 for an exact share.
    #[serde(default)]
    pub(crate) fraction: Option<Spanned<f64>>,
}

/// Modifier phrases sharing one bound.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawModifier {
    pub(crate) phrases: Vec<Spanned<String>>,
    pub(crate) bound: Bound,
    /// Written after the figure ("300 or more").
    #[serde(default)]
    pub(crate) after: bool,
}

/// The interval a modifier makes of a figure `x`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// `[x, inf)`.
    AtLeast,
    /// `(x, inf)`.
    MoreThan,
    /// `[0, x]`.
    AtMost,
    /// `[0, x)`.
    LessThan,
    /// `[x * (1 - below), x)`.
    Almost,
    /// `[x * (1 - around), x * (1 + around)]`.
    About,
}

/// A vague amount ("dozens") and the range it stands for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVagueQuantity {
    pub(crate) phrase: Spanned<String>,
    pub(crate) min: Spanned<f64>,
    pub(crate) max: Option<Spanned<f64>>,
    /// Words of which one must follow the phrase ("scores" of, "scores" more).
    #[serde(default)]
    pub(crate) followed_by: Vec<Spanned<String>>,
}

/// `kinds/<kind>.toml`: one claim kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKind {
    pub(crate) id: Spanned<String>,
    pub(crate) description: String,
    /// Words that make a sentence a candidate for this kind.
    #[serde(default)]
    pub(crate) triggers: Vec<String>,
    /// Unit ids (from `units.toml`) this kind measures in.
    pub(crate) units: Vec<Spanned<String>>,
    /// Nouns naming what is counted ("people", "civilians", "soldiers").
    #[serde(default)]
    pub(crate) counted: Vec<String>,
    /// Sets of counted nouns that name one thing ("weaponry", "weapons imports").
    #[serde(default)]
    pub(crate) same_counted: Vec<Vec<String>>,
    /// Counted nouns and the narrower ones that name a kind of them ("aircraft":
    /// "helicopters", "planes").
    #[serde(default)]
    pub(crate) kinds_of: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
    /// Events of this kind ("killed", "injured").
    #[serde(default)]
    pub(crate) events: Vec<RawEvent>,
    /// Whether figures of this kind accumulate over time (a toll), so that a later,
    /// higher figure is a progression and a lower one a conflict.
    #[serde(default)]
    pub(crate) cumulative: bool,
    /// Whether a single day next to a figure of this kind dates the event (the vote, the
    /// signing) rather than the period the figure measures: such a day is compared only
    /// with another day.
    #[serde(default)]
    pub(crate) event_day: bool,
    /// Whether named bodies measure this kind by methods of their own, so that two
    /// claimants' different figures are a different scope, not a dispute.
    #[serde(default)]
    pub(crate) method_dependent: bool,
    /// The catch-all kind: a figure with no event that counts a named thing ("40 new
    /// schools") belongs to it. One kind of the pack at most.
    #[serde(default)]
    pub(crate) generic: Option<Spanned<bool>>,
    /// Every counted noun of this kind names people, so that a count of one of them in the
    /// generic kind ("1,200 soldiers") is a count of people.
    #[serde(default)]
    pub(crate) counted_are_people: bool,
    /// Nouns naming this kind's running total before its figure ("the toll ... at 640").
    #[serde(default)]
    pub(crate) totals: Vec<Spanned<String>>,
    /// How a vote tally ("passed 31-14") reads as two figures of this kind. One kind of
    /// the pack at most.
    pub(crate) tally: Option<RawTally>,
    /// How "three times as many", "twice the size of" read as a multiple of a reference.
    pub(crate) ratio: Option<RawRatio>,
    /// Lint severity when a draft contradicts the sources on this kind.
    pub(crate) severity: Severity,
    /// Lint message template; `{draft}`, `{sources}` and `{summary}` are filled in.
    pub(crate) message: String,
}

/// `[ratio]` of a kind: the words that make a multiple a ratio ("three times larger
/// than", "twice the size of").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRatio {
    /// Words after "N times" or a one-word multiple that make it a ratio ("as many",
    /// "larger than"); what follows them is the reference.
    pub(crate) comparatives: Vec<Spanned<String>>,
    /// Words that make a ratio after a one-word multiple only ("twice the", "double
    /// that"), never after "N times" ("visited three times that year").
    #[serde(default)]
    pub(crate) word_comparatives: Vec<Spanned<String>>,
    /// One-word multiples and their factors ("twice" = 2, "triple" = 3).
    #[serde(default)]
    pub(crate) multiples: std::collections::BTreeMap<String, Spanned<f64>>,
    /// Words of a reference that do not say what it is ("crowd", "size", "last"): two
    /// ratios are compared only when their references share another word.
    #[serde(default)]
    pub(crate) generic_references: Vec<Spanned<String>>,
}

/// `[tally]` of a kind: the two figures of "passed 31-14", "by 31 votes to 14".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTally {
    /// Event id of the first, larger figure (the votes for).
    #[serde(rename = "for")]
    pub(crate) for_event: Spanned<String>,
    /// Event id of the second, smaller figure (the votes against).
    pub(crate) against: Spanned<String>,
    /// Unit id of both figures, one of the kind's units.
    pub(crate) unit: Spanned<String>,
    /// What both figures count; the unit id when absent.
    pub(crate) counted: Option<String>,
    /// Words, among the four before the first figure, that make "31-14" a tally rather
    /// than a score or a range ("passed", "approved").
    #[serde(default)]
    pub(crate) cues: Vec<Spanned<String>>,
    /// Words written between the two figures that make them a tally by themselves ("by
    /// 31 votes to 14").
    #[serde(default)]
    pub(crate) between: Vec<Spanned<String>>,
}

/// One event of a claim kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub(crate) id: Spanned<String>,
    #[serde(default)]
    pub(crate) triggers: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) nouns: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) units: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) whole: Vec<Spanned<String>>,
}

/// Diagnostic severity, also the `--deny` levels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational.
    Note,
    /// Probably wrong.
    Warning,
    /// Contradicts the sources.
    Error,
}

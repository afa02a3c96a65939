//! The claims pack: everything crosscheck knows about language and news beats, as TOML
//! under `claims/`. The default pack is embedded; `--claims DIR` replaces files of the
//! same name and adds new ones. Loading validates in two passes (serde, then semantic
//! checks) and reports every problem with file, line, column and key.

mod embedded;
mod error;
mod file;
mod raw;
mod validate;

use std::any::{Any, TypeId};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

pub use error::{PackError, PackErrors};
pub(crate) use file::{did_you_mean, FileCtx};
pub use raw::{Bound, Dimension, EntityKind, Severity, SpeechRole};

/// A loaded, validated claims pack.
///
/// Treat a loaded pack as read-only: clones share the matchers derived from it.
#[derive(Debug, Default, Clone)]
pub struct Pack {
    /// `pack.toml` name.
    pub name: String,
    /// `pack.toml` format version (1).
    pub version: u32,
    /// `pack.toml` description.
    pub description: String,
    /// Titles that never end a sentence ("Gen", "Dr"), without the final period.
    pub titles: Vec<String>,
    /// Abbreviations that usually do not end a sentence ("U.S", "Inc"), without the final period.
    pub abbreviations: Vec<String>,
    /// Abbreviations that never end a sentence ("e.g", "i.e"), without the final period.
    pub never_final: Vec<String>,
    /// Clock abbreviations ("a.m", "p.m"), without the final period.
    pub times: Vec<String>,
    /// Words that open a sentence with a clock time ("At", "By").
    pub time_openers: Vec<String>,
    /// Capitalised words that start a sentence after an abbreviation ("The", "He").
    pub sentence_starters: Vec<String>,
    /// Alias sets: canonical name and variants.
    pub aliases: Vec<Alias>,
    /// Boilerplate patterns.
    pub boilerplate: Boilerplate,
    /// Speech and conduit verbs.
    pub speech_verbs: Vec<SpeechVerb>,
    /// Phrases naming a source ("according to", "as reported by"), lowercase.
    pub source_phrases: Vec<String>,
    /// Words allowed between a speaker and the verb ("on", "friday", "has"), lowercase.
    pub speech_skip: Vec<String>,
    /// Nouns for figures a source publishes ("figures", "data"), lowercase: "according to
    /// figures from X" credits X.
    pub data_nouns: Vec<String>,
    /// Words linking a data noun to its source ("from", "released by"), lowercase.
    pub data_links: Vec<String>,
    /// Words that open background after an attribution ("after", "despite", "which"): a
    /// figure behind one is the writer's, not the speaker's.
    pub background_openers: Vec<String>,
    /// Objects of "tell" that are its audience, not the start of what was said
    /// ("told reporters the port was closed"), lowercase single words.
    pub speech_audiences: Vec<String>,
    /// Nouns of the occasion of a report ("at its briefing on Tuesday"): a day after "on"
    /// and one of them is when a figure was reported. Lowercase single words.
    pub report_occasions: Vec<String>,
    /// Forms of the speech verbs that, right next to a day ("said on Friday", "reported
    /// Tuesday"), make it the date a figure was reported, not the period it covers.
    pub reporting_forms: Vec<String>,
    /// Entity lexicon from `entities.toml`: titles, cue words, spelling rules.
    pub entities: Entities,
    /// Units with their written forms.
    pub units: Vec<Unit>,
    /// Vague amounts and their ranges.
    pub vague: Vec<VagueQuantity>,
    /// Number words, multipliers and fractions from `units.toml`.
    pub numbers: NumberWords,
    /// Modifiers ("at least", "almost") from `vague_quantities.toml`.
    pub modifiers: Vec<Modifier>,
    /// Widths of approximate modifiers from `vague_quantities.toml`.
    pub approximation: Approximation,
    /// Phrases of a beat that mark a figure's status, from `vague_quantities.toml`
    /// `[status]`; the grammar words ("expected", "feared", "estimated") are built in.
    pub status_phrases: StatusPhrases,
    /// Claim kinds, sorted by id.
    pub kinds: Vec<Kind>,
    /// Occasions a story's sources date ("the February 1 coup"), from `occasions.toml`.
    pub occasions: Vec<Occasion>,
    /// Events sources state between named parties ("awarded a medal", "imposed
    /// sanctions"), from `events.toml`: an id and its triggers each.
    pub events: Vec<Occasion>,
    /// What denies an event or makes it a plan, from `events.toml`.
    pub event_cues: EventCues,
    /// Approximate yearly reference exchange rates, from `exchange_rates.toml`.
    pub exchange_rates: ExchangeRates,
    files: BTreeMap<String, PackFile>,
    cache: Cache,
}

/// An alias set from `aliases.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The name shown in reports.
    pub canonical: String,
    /// Other spellings of the same entity.
    pub variants: Vec<String>,
    /// What kind of entity it is.
    pub kind: EntityKind,
}

/// Compiled boilerplate patterns from `boilerplate.toml`.
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    /// Whole-line patterns.
    pub lines: crate::text::WordRegexSet,
    /// Patterns that start a trailing boilerplate block.
    pub tail: crate::text::WordRegexSet,
    /// Patterns that start a block of boilerplate up to the next blank line.
    pub block: crate::text::WordRegexSet,
    /// Inline span patterns.
    pub inline: Vec<crate::text::WordRegex>,
}

/// Words before an event's trigger that change what a sentence states of it, from
/// `events.toml`, lowercase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventCues {
    /// The event did not happen ("refused to condemn", "did not attend").
    pub negations: Vec<String>,
    /// The event is planned, wished or possible ("will attend", "plans to impose").
    pub modals: Vec<String>,
}

/// An occasion from `occasions.toml`: something that happens on a day ("coup", "strike");
/// or an event from `events.toml` ("award", "sanctions").
#[derive(Debug, Clone, PartialEq)]
pub struct Occasion {
    /// Id shown in reports ("coup").
    pub id: String,
    /// Words and phrases naming it, lowercase ("coup", "seized power").
    pub triggers: Vec<String>,
}

/// Approximate reference exchange rates from `exchange_rates.toml`: yearly averages
/// against one base currency, read with a wide margin.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExchangeRates {
    /// The currency every rate is given against ("EUR").
    pub base: String,
    /// How far, as a share, a converted figure may lie from its value at the year's
    /// average rate (0.2: 100 reads as 100/1.2 to 100*1.2).
    pub tolerance: f64,
    /// Per currency id, per year: how much of it one unit of `base` was worth on average.
    pub per_base: BTreeMap<String, BTreeMap<i16, f64>>,
}

impl ExchangeRates {
    /// `x` of currency `from` in currency `to` at the average rates of `year`, when both
    /// currencies have one for that year.
    pub fn convert(&self, x: f64, from: &str, to: &str, year: i16) -> Option<f64> {
        let rate = |c: &str| {
            if c == self.base {
                Some(1.0)
            } else {
                self.per_base.get(c)?.get(&year).copied()
            }
        };
        Some(x / rate(from)? * rate(to)?)
    }
}

/// A speech verb from `speech_verbs.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeechVerb {
    /// Dictionary form ("say").
    pub lemma: String,
    /// Inflected forms, lowercase ("said", "says", "saying").
    pub forms: Vec<String>,
    /// Speaker or conduit.
    pub role: SpeechRole,
    /// Attributes only a direct quote or a `that`-clause ("call", "put").
    pub weak: bool,
    /// Also attributes a figure it sets "at" a number ("put the toll at 300").
    pub figure_at: bool,
    /// Its object is the audience before what is said ("told reporters the team ...").
    pub takes_audience: bool,
}

/// Phrases of a beat that make a figure in their clause a forecast, a fear or an
/// estimate rather than a fact; lowercase, matched as whole words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusPhrases {
    /// What is expected, planned or permitted ("permit", "capacity").
    pub expected: Vec<String>,
    /// A fear, not a count.
    pub feared: Vec<String>,
    /// An estimate by a method with a margin ("exit poll", "crowd counting").
    pub estimate: Vec<String>,
}

/// The entity lexicon from `entities.toml`. Word lists are kept as written; matching
/// ignores case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// Titles and roles written before a person's name.
    pub titles: Vec<String>,
    /// Words that make a capitalised run an organisation.
    pub organization_words: Vec<String>,
    /// Outlets and agencies that are organisations without a cue word.
    pub outlets: Vec<String>,
    /// Words that make a capitalised run a place.
    pub place_words: Vec<String>,
    /// Words that make a capitalised run an event ("Day", "War", "Prize").
    pub event_words: Vec<String>,
    /// Lowercase words before a run that make it a place ("in", "capital").
    pub place_cues: Vec<String>,
    /// Small words allowed inside a name ("of", "for", "al").
    pub connectors: Vec<String>,
    /// Words that join two parts of one organisation's name ("and": "Office of Management
    /// and Budget", "Justice and Memory Collective").
    pub org_joiners: Vec<String>,
    /// Capitalised words that are not names (openers, days, months).
    pub not_names: Vec<String>,
    /// Endings of single capitalised words that are adjectives ("ian", "ese").
    pub adjective_endings: Vec<String>,
    /// Head nouns of unnamed sources ("groups", "media").
    pub generic_sources: Vec<String>,
    /// Heads keyed after their complement ("Ministry of Health" = "Health Ministry").
    pub inverted_heads: Vec<String>,
    /// Last words a place's name may drop and still name it ("Jeju Island" = "Jeju").
    pub droppable_suffixes: Vec<String>,
    /// Lowercase nouns written next to a name to say what it is ("the Alder Tower
    /// building", "the island of Varn"): a name with and without one is a name variant.
    pub class_words: Vec<String>,
    /// Lowercase nouns that say what a named thing is only before its name ("the state
    /// capital Varn"): after one they name another thing ("the Varnish capital").
    pub class_words_before: Vec<String>,
    /// Spelling rules `(from, to)` for name keys; `^`/`$` anchor them.
    pub respell: Vec<(String, String)>,
    /// Nouns of a gathering ("march", "rally"), lowercase single words: a capitalised
    /// name right before one ("the Denver rally") is the place of the gathering's figures.
    pub gatherings: Vec<String>,
}

/// A unit from `units.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Id used by kinds and in output (`USD`, `percent`, `people`).
    pub id: String,
    /// What it measures.
    pub dimension: Dimension,
    /// Forms written before the number.
    pub prefixes: Vec<String>,
    /// Forms written after the number.
    pub suffixes: Vec<String>,
    /// Counts people (`counts_people`): a figure without a unit whose kind lists this
    /// unit counts in it, unless the kind is generic and what it counts is not people.
    pub counts_people: bool,
    /// The quantity a measure unit measures ("length"), when the pack says.
    pub measures: Option<String>,
    /// How many of its quantity's base unit one of this unit is, when the pack says.
    pub base: Option<f64>,
    /// Added after multiplying by `base` (a scale whose zero is not the base unit's: °F).
    pub offset: f64,
    /// The ids of the currencies this unit is a hundredth of ("cents" of "USD"): written
    /// after an amount in one of them, it adds to it ("$5 and 20 cents" = $5.20).
    pub cents_of: Vec<String>,
}

impl Unit {
    /// `x` of this unit in the base unit of its quantity, when the pack gives the factor.
    pub fn normalize(&self, x: f64) -> Option<f64> {
        self.base.map(|b| x * b + self.offset)
    }

    /// `x` in the base unit of this unit's quantity, written in this unit (the inverse of
    /// [`Self::normalize`]).
    pub fn from_base(&self, x: f64) -> Option<f64> {
        self.base.map(|b| (x - self.offset) / b)
    }

    /// Whether figures in this unit and in `other` can be converted into each other by
    /// the factors of the pack: two units of one quantity, each with a `base`.
    pub fn converts_to(&self, other: &Unit) -> bool {
        self.base.is_some()
            && other.base.is_some()
            && self.measures.is_some()
            && self.measures == other.measures
    }
}

/// A vague amount from `vague_quantities.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct VagueQuantity {
    /// The phrase, lowercase ("dozens", "tens of thousands").
    pub phrase: String,
    /// Lower bound (inclusive).
    pub min: f64,
    /// Upper bound (inclusive); `None` when open.
    pub max: Option<f64>,
    /// Lowercase words of which one must follow the phrase, empty for any: "scores" is a
    /// vague amount only before "of" or "more", not in "Vossberg scores twice".
    pub followed_by: Vec<String>,
}

/// How numbers are written in words (`units.toml`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NumberWords {
    /// Lowercase word and value ("six" = 6).
    pub words: BTreeMap<String, f64>,
    /// Lowercase ordinal word and value ("third" = 3): no count ("the third spell").
    pub ordinals: BTreeMap<String, f64>,
    /// Lowercase words for a decimal point ("point": "two point three" = 2.3).
    pub decimal_points: Vec<String>,
    /// Magnitude words and suffixes.
    pub multipliers: Vec<Multiplier>,
    /// Fractions as words.
    pub fractions: Vec<Fraction>,
    /// Lowercase words that divide the number before them and their divisor
    /// ("fifths" = 5: "three fifths" = 3/5; "half" = 2: "forty and a half").
    pub fraction_words: BTreeMap<String, f64>,
    /// Lowercase unit forms that count only glued to digits ("5g", "10t"): such digits
    /// are a figure, not a code like "4G".
    pub glued: Vec<String>,
    /// Lowercase words between the two numbers of a fraction ("over": "one over three").
    pub over: Vec<String>,
    /// Lowercase words before digits over digits that make them a date ("on 3/4").
    pub dated_by: Vec<String>,
}

/// A magnitude word or suffix.
#[derive(Debug, Clone, PartialEq)]
pub struct Multiplier {
    /// Lowercase forms ("million", "mn", "m").
    pub forms: Vec<String>,
    /// The factor (1e6).
    pub factor: f64,
    /// Forms that count only straight after the digits of a money amount.
    pub short: Vec<String>,
    /// Short forms that also count after a space when they stand alone ("2.33 k").
    pub spaced: Vec<String>,
    /// The word is also a common noun ("score"): it multiplies only a number in words
    /// ("two score"), and after "a" only before "of" and no number ("a score of
    /// boats", not "a score of 700").
    pub noun: bool,
}

/// A fraction written as words.
#[derive(Debug, Clone, PartialEq)]
pub struct Fraction {
    /// Lowercase phrases ("a fifth").
    pub phrases: Vec<String>,
    /// The percentage (20).
    pub percent: f64,
}

/// A modifier that turns a figure into an interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Modifier {
    /// Lowercase phrases ("at least").
    pub phrases: Vec<String>,
    /// The interval it makes.
    pub bound: Bound,
    /// Written after the figure.
    pub after: bool,
}

/// Widths of approximate modifiers, as fractions of the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Approximation {
    /// "almost x" covers `[x * (1 - below), x)`.
    pub below: f64,
    /// "about x" covers `[x * (1 - around), x * (1 + around)]`.
    pub around: f64,
    /// A fraction in words without a modifier ("half the fleet") covers
    /// `[x * (1 - fraction), x * (1 + fraction)]`: news rounds a share to a word.
    pub fraction: f64,
}

impl Default for Approximation {
    fn default() -> Approximation {
        Approximation {
            below: 0.1,
            around: 0.1,
            fraction: 0.05,
        }
    }
}

/// A claim kind from `kinds/<id>.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Kind {
    /// Id, equal to the file stem (`casualties`).
    pub id: String,
    /// One-line description.
    pub description: String,
    /// Words that make a sentence a candidate for this kind.
    pub triggers: Vec<String>,
    /// Unit ids.
    pub units: Vec<String>,
    /// Nouns naming what is counted.
    pub counted: Vec<String>,
    /// Sets of counted nouns that name one thing, lowercase ("weaponry", "weapons
    /// imports"): compare treats them as one thing counted.
    pub same_counted: Vec<Vec<String>>,
    /// Counted nouns, lowercase, each with the narrower nouns that name a kind of it
    /// ("aircraft": "helicopters", "planes"): the same figure for both is one count, the
    /// narrower one above the wider a part larger than its whole.
    pub kinds_of: Vec<(String, Vec<String>)>,
    /// Events.
    pub events: Vec<Event>,
    /// Whether figures accumulate over time.
    pub cumulative: bool,
    /// Whether a single day next to a figure dates the event, not the period measured.
    pub event_day: bool,
    /// Named bodies measure this kind by their own methods (a quake's magnitude on two
    /// agencies' scales): two claimants' different figures are a different scope, not a
    /// dispute.
    pub method_dependent: bool,
    /// The catch-all kind (`generic`): a figure with no event that counts a named thing
    /// belongs to it. One kind at most.
    pub generic: bool,
    /// Every counted noun names people (`counted_are_people`): a count of one of them in
    /// the generic kind is a count of people.
    pub counted_are_people: bool,
    /// Nouns naming the kind's running total before its figure ("toll"), lowercase.
    pub totals: Vec<String>,
    /// How a vote tally reads as two figures of this kind. One kind at most.
    pub tally: Option<Tally>,
    /// How a multiple reads as a ratio of a reference ("twice the size of"). One kind at
    /// most.
    pub ratio: Option<Ratio>,
    /// Lint severity.
    pub severity: Severity,
    /// Lint message template.
    pub message: String,
    /// The pack file it came from, for diagnostics (`kinds/casualties.toml`).
    pub file: String,
}

/// A kind's `[ratio]`: the words that make "three times" or "twice" a multiple of what
/// follows them, the reference ("three times larger than last year's rally").
#[derive(Debug, Clone, PartialEq)]
pub struct Ratio {
    /// Comparatives after any multiple ("as many", "larger than"), lowercase, longest
    /// first.
    pub comparatives: Vec<String>,
    /// Comparatives after a one-word multiple only ("the", "that"), lowercase.
    pub word_comparatives: Vec<String>,
    /// One-word multiples and their factors ("twice" = 2), lowercase.
    pub multiples: Vec<(String, f64)>,
    /// The unit of every ratio: the kind's first unit.
    pub unit: String,
    /// Words of a reference that do not say what it is ("crowd", "size"), lowercase:
    /// two ratios are compared only when their references share another word.
    pub generic_references: Vec<String>,
}

/// A kind's `[tally]`: how "passed 31-14" or "by 31 votes to 14" reads as two figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Event id of the first, larger figure ("passed").
    pub for_event: String,
    /// Event id of the second, smaller figure ("against").
    pub against_event: String,
    /// Unit id of both figures, one of the kind's units.
    pub unit: String,
    /// What both figures count.
    pub counted: String,
    /// Words, among the four before the first figure, that make "31-14" a tally,
    /// lowercase.
    pub cues: Vec<String>,
    /// Words between the two figures that make them a tally by themselves ("votes"),
    /// lowercase, longest first.
    pub between: Vec<String>,
}

/// An event of a claim kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Id ("killed").
    pub id: String,
    /// Trigger words, lowercase.
    pub triggers: Vec<String>,
    /// Triggers that name what the figure counts ("rescuers" for `deployed`): they
    /// mark the event only for a figure of them ("300 rescuers", "hundreds of rescue
    /// workers"), not for another figure of their clause ("rescuers found 41
    /// survivors"). Lowercase.
    pub nouns: Vec<String>,
    /// The units of the figures the event can mark, when it is not every unit of its
    /// kind: "took" marks seats and votes won, never people ("2,000 people taking part").
    /// A figure without a unit qualifies by its counted noun ("took 40 of the seats").
    pub units: Vec<String>,
    /// What a share of this event is a share of by definition, lowercase ("registered
    /// voters" for turnout): a share that names it and a share that names nothing, or
    /// another of these wholes, count alike. A counted noun names it when it holds all
    /// its words ("registered venezuelan voters" holds "voters").
    pub whole: Vec<String>,
}

/// One file of the merged pack and where it came from.
#[derive(Debug, Clone)]
struct PackFile {
    origin: String,
    text: String,
}

impl Pack {
    /// Loads the embedded default pack, then the files of `dir` over it.
    ///
    /// # Errors
    /// Every unreadable file and every invalid value, each with file, line, column and key.
    pub fn load(dir: Option<&Path>) -> Result<Pack, PackErrors> {
        let mut files: BTreeMap<String, PackFile> = embedded::FILES
            .iter()
            .map(|(name, text)| {
                let file = PackFile {
                    origin: format!("<embedded>/claims/{name}"),
                    text: (*text).to_owned(),
                };
                ((*name).to_owned(), file)
            })
            .collect();
        let mut errors = Vec::new();
        if let Some(dir) = dir {
            read_overrides(dir, &mut files, &mut errors);
        }
        if !errors.is_empty() {
            return Err(PackErrors(errors));
        }
        validate::build(files.into_iter().map(|(k, f)| (k, f.origin, f.text)))
    }

    /// The embedded default pack.
    ///
    /// # Panics
    /// Never in a released build: `tests/pack.rs` validates the embedded pack.
    pub fn default_pack() -> Pack {
        /// Parsed and compiled once per process; later calls clone it (cheap, and the
        /// clones share the derived matchers).
        static DEFAULT: std::sync::LazyLock<Pack> = std::sync::LazyLock::new(|| {
            #[allow(clippy::expect_used)]
            Pack::load(None).expect("the embedded claims pack is valid (checked by tests/pack.rs)")
        });
        DEFAULT.clone()
    }

    /// The merged pack as TOML text, one section per file with its origin.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for (name, file) in &self.files {
            out.push_str(&format!("# ---- {name} (from {})\n", file.origin));
            out.push_str(file.text.trim_end());
            out.push_str("\n\n");
        }
        out
    }

    /// The files of the merged pack with where each came from: `(name, origin)`.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .map(|(n, f)| (n.as_str(), f.origin.as_str()))
    }

    /// The kind with this id.
    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// A value derived from the pack once and shared afterwards (compiled matchers).
    /// Stages call this once per source with their own type.
    pub(crate) fn prepared<T: Any + Send + Sync>(&self, build: impl FnOnce(&Pack) -> T) -> Arc<T> {
        let id = TypeId::of::<T>();
        if let Ok(map) = self.cache.0.read() {
            if let Some(v) = map.get(&id) {
                if let Ok(v) = Arc::clone(v).downcast::<T>() {
                    return v;
                }
            }
        }
        let value = Arc::new(build(self));
        if let Ok(mut map) = self.cache.0.write() {
            map.entry(id)
                .or_insert_with(|| Arc::clone(&value) as Arc<dyn Any + Send + Sync>);
        }
        value
    }
}

/// Type-keyed cache of derived values, shared by clones of one pack; never compared.
#[derive(Default, Clone)]
struct Cache(Arc<RwLock<rustc_hash::FxHashMap<TypeId, Arc<dyn Any + Send + Sync>>>>);

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

fn read_overrides(dir: &Path, files: &mut BTreeMap<String, PackFile>, errors: &mut Vec<PackError>) {
    let fail = |path: &Path, message: String| PackError {
        file: path.display().to_string(),
        line: None,
        column: None,
        key: None,
        message,
    };
    if !dir.is_dir() {
        errors.push(fail(
            dir,
            "not a directory: `--claims` takes a pack directory".into(),
        ));
        return;
    }
    // links are followed (a loop or a dangling link is an error, as is a `.toml` entry
    // that is not a file): a pack file is never left out without a word
    let mut paths: Vec<PathBuf> = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let e = match e {
            Ok(e) => e,
            Err(err) => {
                let at = err.path().unwrap_or(dir);
                errors.push(fail(at, format!("cannot read: {err}")));
                continue;
            }
        };
        if e.file_type().is_dir() || e.path().extension().is_none_or(|x| x != "toml") {
            continue;
        }
        if !e.file_type().is_file() {
            errors.push(fail(e.path(), "not a regular file".into()));
            continue;
        }
        paths.push(e.into_path());
    }
    paths.sort();
    for path in paths {
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    files.insert(
                        rel,
                        PackFile {
                            origin: path.display().to_string(),
                            text,
                        },
                    );
                }
                Err(e) => errors.push(fail(
                    &path,
                    format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                )),
            },
            Err(e) => errors.push(fail(&path, format!("cannot read: {e}"))),
        }
    }
}

//! Grammar words of English news text that no beat owns: the words that link a figure to
//! its unit, bound what it counts, set it against another or make it part of one; and the
//! words around a speech verb and its speaker (determiners, auxiliaries, prepositions).
//!
//! Input: none. Output: constant word lists, lowercase, each named for what its reader
//! asks of it. Knowledge of a beat (which words name a kind, an event, a unit, a tally or
//! a running total) belongs in the claims pack (`docs/claims-pack.md`); these lists are
//! the same whatever the pack, which is why they live in code, in this one place.

/// Words between a unit word and its figure: "magnitude at 7.1", "magnitude of about 6".
pub(crate) const UNIT_LINKS: &[&str] = &[
    "at",
    "of",
    "was",
    "is",
    "as",
    "put",
    "measured",
    "estimated",
    "around",
    "about",
];

/// The word before a duration that makes it a time window, not a claim: "the first 10
/// minutes", "the past three years", "within 48 hours".
pub(crate) const DURATION_WINDOW: &[&str] = &[
    "first", "last", "next", "past", "previous", "final", "initial", "opening", "coming", "recent",
    "within", "for", "in", "after", "over", "the",
];

/// Words among the three before a figure that set it against an earlier one: "compared
/// with $1.5bn", "against 12%".
pub(crate) const COMPARISONS: &[&str] = &[
    "compared", "against", "versus", "vs", "than", "from", "while", "whereas",
];

/// Words right before a figure that make it part of a larger one: "including 11", "among
/// them 3", "of whom 12".
pub(crate) const PART_OPENERS: &[&str] = &[
    "including",
    "among them",
    "of whom",
    "of them",
    "among whom",
    "incl.",
];

/// Nouns that point back to a figure already given ("the police reckoned that figure nearer
/// 45,000"): a figure they introduce restates the earlier one's measure.
pub(crate) const RESTATING_NOUNS: &[&str] = &[
    "the number",
    "that number",
    "this number",
    "the figure",
    "that figure",
    "this figure",
    "the tally",
    "the count",
    "the estimate",
    "that estimate",
];

/// Words that open an aside qualifying the clause before it ("12 people, including 3
/// children, were killed", "mostly civilians").
pub(crate) const ASIDES: &[&str] = &[
    "including",
    "among them",
    "among whom",
    "of whom",
    "of them",
    "mostly",
    "many of them",
    "most of them",
    "incl.",
];

/// Conjunctions between a figure and an event word that give the event to another figure
/// ("40 went missing and 3 were rescued"), written with their spaces and searched inside
/// the words between.
pub(crate) const CONJUNCTIONS: &[&str] = &[" and ", " but ", " while ", " whereas "];

/// Words before a count that make it a reference to things already named ("the two
/// countries", "their two militaries"), not a claim.
pub(crate) const DEFINITE: &[&str] = &[
    "the", "these", "those", "their", "its", "his", "her", "our", "both",
];

/// Words between an amount of money and the measure it was taken from or spent on ("330
/// million euros on its operating income", "$4m off its revenue").
pub(crate) const MONEY_LINKS: &[&str] = &["on", "off"];

/// Words skipped between a figure and what it counts ("320 more people", "$5m worth of
/// aid").
pub(crate) const COUNTED_SKIP: &[&str] = &[
    "of",
    "the",
    "worth",
    "more",
    "additional",
    "other",
    "its",
    "their",
    "his",
    "her",
    "all",
    "in",
    "a",
    "an",
    "those",
    "these",
];

/// Verbs of change before "from X to Y" ("rose from 120 to 150", "was cut from 40 to
/// 12"): the two numbers are a value before and after, not a range.
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "jumped",
    "jump",
    "jumps",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "cut",
    "cuts",
    "cutting",
    "reduced",
    "reduce",
    "reduces",
    "raised",
    "raise",
    "raises",
    "lowered",
    "lower",
    "lowers",
    "grew",
    "grown",
    "grow",
    "grows",
    "growing",
    "declined",
    "decline",
    "declines",
    "doubled",
    "tripled",
    "halved",
    "slashed",
    "soared",
    "surged",
    "plunged",
    "plummeted",
    "swelled",
    "shrank",
    "shrunk",
    "revised",
    "upped",
    "changed",
    "moved",
    "went",
    "gone",
    "up",
    "down",
];

/// How many words may stand between a verb of change and the "from" of its change
/// ("rose sharply from", "was revised upward from").
pub(crate) const CHANGE_VERB_WORDS: usize = 4;

/// Words that end the search for what a figure counts: verbs, conjunctions, pronouns,
/// time words.
pub(crate) const COUNTED_STOP: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "be",
    "been",
    "and",
    "or",
    "by",
    "from",
    "on",
    "at",
    "to",
    "for",
    "with",
    "that",
    "which",
    "who",
    "since",
    "as",
    "than",
    "but",
    "this",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "there",
    "after",
    "before",
    "during",
    "while",
    "according",
    "said",
    "says",
    "year",
    "years",
    "last",
    "ago",
    "per",
];

/// Prepositions that end what a figure counts after its first word ("40 schools in the
/// north"). Not the prepositions before a speaker's name, which attribution keeps.
pub(crate) const COUNTED_PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "into",
    "across",
    "near",
    "among",
    "over",
    "under",
    "against",
    "about",
    "off",
    "out",
    "up",
    "down",
    "through",
    "toward",
    "towards",
    "within",
    "without",
    "including",
];

/// Idioms that hold an event word without its sense: "the count took place with 900
/// stewards watching" names no votes won. Matched as the longest phrase, they hide the
/// trigger inside them.
pub(crate) const NOT_EVENTS: &[&str] = &[
    "took place",
    "take place",
    "takes place",
    "taking place",
    "taken place",
];

/// Words right before digits that make them a reference, not a figure: "page 12",
/// "section 4", "article 370".
pub(crate) const REFERENCE_WORDS: &[&str] = &[
    "page",
    "pages",
    "section",
    "sections",
    "chapter",
    "chapters",
    "article",
    "articles",
    "paragraph",
    "clause",
    "annex",
    "appendix",
    "exhibit",
    "footnote",
];

/// Abbreviations that make digits a reference only when written with their dot and, but
/// for the page ones, capitalised: "No. 4", "p. 12", "Art. 5", "Sec. 3".
pub(crate) const DOTTED_REFERENCES: &[&str] = &["no", "p", "pp", "art", "sec", "ch", "fig", "vol"];

/// Words right before digits that make them a version: "version 4", "release 2.1".
/// Nouns that a number after them makes an ordinal ("on day 3", "in round 2": the third
/// day, the second round) after a preposition or when capitalised ("Day 3 began").
pub(crate) const ORDINAL_NOUNS: &[&str] = &[
    "day", "week", "round", "stage", "phase", "game", "leg", "lap", "heat", "level",
];

/// Prepositions before an ordinal noun ([`ORDINAL_NOUNS`]).
pub(crate) const ORDINAL_PREPOSITIONS: &[&str] = &[
    "on", "by", "of", "in", "until", "till", "from", "after", "before", "since", "to", "through",
    "into", "during",
];

pub(crate) const VERSION_WORDS: &[&str] = &["version", "release", "firmware"];

/// Words right before a phone number ("call 555-1234", "Tel: 01632 960983"): digits in
/// two groups or more after them are a number to dial, not a count.
pub(crate) const PHONE_WORDS: &[&str] = &[
    "call",
    "phone",
    "telephone",
    "tel",
    "fax",
    "hotline",
    "helpline",
    "dial",
    "dialled",
    "dialed",
    "mobile",
];

/// Street words that end an address after its number: "10 Downing Street".
pub(crate) const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "boulevard",
    "blvd",
    "drive",
    "place",
    "square",
    "terrace",
    "crescent",
    "close",
    "way",
];

/// Endings right after a figure that make it an age: "a 45-year-old", "45 years old".
pub(crate) const AGE_ENDINGS: &[&str] = &[
    "-year-old",
    "-years-old",
    " years old",
    " year old",
    "-month-old",
    " months old",
    "-week-old",
    "-day-old",
];

// Attribution: the words around a speech verb and its speaker.

/// Determiners and possessives before a noun: a speech-verb form after one is a noun
/// ("a report"), and a noun phrase may open with one.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "my", "your",
];
/// Coordinators that join clauses: one dangling at the end of reported content is
/// trimmed ("the port was closed and").
pub(crate) const COORDINATORS: &[&str] = &["and", "but", "or", "while"];
/// Auxiliaries that make a speech verb passive ("was told", "were quoted").
pub(crate) const PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "get", "got",
];
/// Prepositions that open an adverbial between a verb and its clause, or a phrase a
/// subject is never inside ("in an interview with the BBC").
pub(crate) const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "with", "from", "by", "for", "of", "during", "after", "before", "via",
    "through", "over", "into",
];

/// Words that end a noun phrase read forwards: a speaker or an object ("officials | in the
/// capital").
pub(crate) const NP_STOPS: &[&str] = &[
    "that", "as", "on", "in", "who", "which", "when", "during", "after", "before", "since", "and",
    "but", "to", "at", "with", "for", "from", "about", "while", "because",
];
/// Words that end a generic source read backwards ("reported by | state media").
pub(crate) const NP_LEFT_STOPS: &[&str] = &["by", "of", "according", "as", "said", "says", "say"];
/// Words that may stand between a verb and the figure it takes as its object: "estimated
/// some 750,000", "put at least 40".
pub(crate) const FIGURE_BOUNDS: &[&str] = &[
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "at",
    "least",
    "up",
    "to",
    "as",
    "many",
    "approximately",
    "only",
];
/// Pronouns that are the object of "tell", not the start of what was told ("told them
/// the port was closed"); the pack's `audiences` name the nouns ("told reporters").
pub(crate) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me"];
/// Words between a name and a later figure that end the name's hold on it (`about`): a
/// report of what someone said ("X said that 40 ...") makes X a source, not the subject.
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "that",
    "said",
    "says",
    "say",
    "told",
    "according",
    "reported",
    "estimated",
    "when",
    "where",
    "while",
    "as",
    "after",
    "before",
    "since",
    "and",
    "but",
    "which",
    "who",
];
/// Phrases that make a figure a running total up to the report ("6,000 have been moved to
/// camps so far"): counted since a start the text does not name.
pub(crate) const RUNNING_TOTAL: &[&str] = &[
    "so far",
    "thus far",
    "to date",
    "until now",
    "till now",
    "up to now",
];
/// Words that open a clause of time ("when it collapsed", "after the ferry sank"): an
/// event word in it is the moment's, not the event of a figure before it.
pub(crate) const SUBORDINATORS: &[&str] = &["when", "after", "before", "until", "once", "whenever"];

/// Words that open a relative clause ("the building that collapsed yesterday").
pub(crate) const RELATIVES: &[&str] = &["that", "which", "who", "whose"];

/// Words after "this" that make a date, not a period of a figure ("this year", "this
/// morning"): the date rules read them.
pub(crate) const CALENDAR: &[&str] = &["year", "week", "month", "morning", "afternoon", "evening"];
/// Words before "this ..." that make it the base of a comparison ("up 4% over this
/// season"), not the period the figure covers.
pub(crate) const COMPARISON_BASES: &[&str] =
    &["over", "than", "from", "compared", "against", "versus"];
/// Nouns for a kind of place, before "of" and its name ("the southern state of Kerala",
/// "the coastal town of Alder Bay"): the figure is in the named place.
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "state",
    "province",
    "region",
    "district",
    "county",
    "city",
    "town",
    "village",
    "island",
    "islands",
    "capital",
    "country",
    "republic",
    "kingdom",
    "emirate",
    "territory",
    "municipality",
    "prefecture",
    "governorate",
    "department",
    "suburb",
    "port",
    "area",
];

/// Words of a clause that put its figure somewhere other than a place named elsewhere in
/// the sentence ("while 12 died elsewhere").
pub(crate) const ELSEWHERE: &[&str] = &[
    "elsewhere",
    "nationwide",
    "worldwide",
    "globally",
    "abroad",
    "across the country",
    "around the world",
    "around the country",
];
/// Superlatives whose "in X" names the field of a comparison ("the deadliest in Central
/// Asia"), not where a figure was counted.
pub(crate) const SUPERLATIVES: &[&str] = &[
    "deadliest",
    "worst",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "greatest",
    "most",
    "strongest",
    "heaviest",
    "smallest",
    "longest",
    "fewest",
    "least",
    "best",
];
/// Capitalised words at the head of a sentence that are not names ("That march drew").
pub(crate) const NOT_NAMES: &[&str] = &[
    "the", "that", "this", "these", "those", "a", "an", "its", "their", "our", "his", "her",
    "each", "every", "one", "another", "last", "next", "first", "saturday", "sunday",
];
/// Words that make a figure a forecast or plan (`frame::status`), matched as whole words in
/// its clause; the pack adds the phrases of a beat ("permit", "capacity").
/// Not the bare future ("will", "would"): a budget "will be $1.2bn" states the amount
/// every source cites, and a "projected" gap is the gap.
pub(crate) const EXPECTED_WORDS: &[&str] = &[
    "expected",
    "expects",
    "expecting",
    "anticipates",
    "anticipated",
    "anticipating",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "planned",
    "hoped for",
    "hoping for",
    "hopes for",
    "plans to",
    "plan to",
    "planning to",
    "intends to",
    "aims to",
];
/// Words that make a figure a fear.
pub(crate) const FEARED_WORDS: &[&str] =
    &["feared", "fears", "fear", "could rise", "may rise", "might"];
/// Words that make a figure an estimate; the pack adds the phrases of a beat ("exit poll").
pub(crate) const ESTIMATE_WORDS: &[&str] = &[
    "estimated",
    "estimate",
    "estimates",
    "estimating",
    "extrapolated",
];
/// Verbs of "put the crowd at 150,000": an estimate when the figure follows "at".
pub(crate) const PUT_AT: &[&str] = &["put", "puts", "putting", "placed", "places"];

/// Verbs of a thing's origin before "in <year>" ("built in 1994", "founded in 1971"): the
/// year is history the text recalls, never when the text was written.
pub(crate) const ORIGIN_VERBS: &[&str] = &[
    "built",
    "founded",
    "established",
    "born",
    "opened",
    "launched",
    "created",
    "formed",
    "constructed",
    "completed",
    "inaugurated",
    "commissioned",
    "incorporated",
    "introduced",
];

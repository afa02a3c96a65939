//! Second validation pass: semantic checks located by span, and the build of [`Pack`].
//!
//! [`build`] hands each file to the function named after it (`units.toml` to `units`,
//! `kinds/<id>.toml` to `kinds`); each parses its file (the first pass), checks it and
//! fills its part of the pack. Kinds come last: they name the units of `units.toml`.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::file::{did_you_mean, FileCtx};
use super::raw::{
    RawAbbreviations, RawAliases, RawApproximation, RawBoilerplate, RawEntities, RawEvent,
    RawEvents, RawExchangeRates, RawFraction, RawKind, RawMeta, RawModifier, RawMultiplier,
    RawOccasion, RawOccasions, RawRatio, RawSpeechVerbs, RawTally, RawUnit, RawUnits, RawVague,
    RawVagueQuantity,
};
use super::{
    Alias, Approximation, Boilerplate, Dimension, Entities, Event, EventCues, ExchangeRates,
    Fraction, Kind, Modifier, Multiplier, Occasion, Pack, PackError, PackErrors, PackFile, Ratio,
    SpeechVerb, StatusPhrases, Tally, Unit, VagueQuantity,
};

const FIXED_FILES: &[&str] = &[
    "pack.toml",
    "abbreviations.toml",
    "aliases.toml",
    "boilerplate.toml",
    "entities.toml",
    "events.toml",
    "exchange_rates.toml",
    "occasions.toml",
    "speech_verbs.toml",
    "units.toml",
    "vague_quantities.toml",
];

/// Every problem found so far, in the order found.
type Errors = Vec<PackError>;

/// A kind file, parsed, waiting for the units: (name, origin, text, parsed).
type KindFile = (String, String, String, RawKind);

/// Parses and validates every file, then builds the pack, or returns every problem.
pub(crate) fn build(
    files: impl Iterator<Item = (String, String, String)>,
) -> Result<Pack, PackErrors> {
    let mut pack = Pack::default();
    let mut errs = Vec::new();
    let files: Vec<(String, String, String)> = files.collect();
    let mut raw_kinds = Vec::new();
    let mut raw_rates = None;
    for (name, origin, text) in &files {
        let f = FileCtx::new(origin, text);
        let (p, e) = (&mut pack, &mut errs);
        match name.as_str() {
            "pack.toml" => meta(&f, p, e),
            "abbreviations.toml" => abbreviations(&f, p, e),
            "aliases.toml" => aliases(&f, p, e),
            "boilerplate.toml" => boilerplate(&f, p, e),
            "speech_verbs.toml" => speech_verbs(&f, p, e),
            "entities.toml" => entities(&f, p, e),
            "occasions.toml" => occasions(&f, p, e),
            "events.toml" => event_words(&f, p, e),
            "units.toml" => units(&f, p, e),
            "exchange_rates.toml" => {
                if let Some(raw) = f.parse::<RawExchangeRates>(e) {
                    raw_rates = Some((origin.clone(), text.clone(), raw));
                }
            }
            "vague_quantities.toml" => vague_quantities(&f, p, e),
            other if other.starts_with("kinds/") => {
                if let Some(raw) = f.parse::<RawKind>(e) {
                    raw_kinds.push((other.to_owned(), origin.clone(), text.clone(), raw));
                }
            }
            other => e.push(unknown_file(origin, other)),
        }
    }
    // Kinds refer to the units and the other files: when one of those has an error, every
    // reference to it would be a follow-on problem, so the kinds are checked once the
    // files they rely on are right (their own syntax errors are reported above).
    if errs.is_empty() {
        kinds(raw_kinds, &mut pack, &mut errs);
        if let Some((origin, text, raw)) = raw_rates {
            exchange_rates(&FileCtx::new(&origin, &text), raw, &mut pack, &mut errs);
        }
    }
    for fixed in FIXED_FILES {
        if !files.iter().any(|(n, _, _)| n == fixed) {
            errs.push(PackError {
                file: format!("claims/{fixed}"),
                line: None,
                column: None,
                key: None,
                message: "required pack file is missing".into(),
            });
        }
    }
    if !errs.is_empty() {
        return Err(PackErrors(errs));
    }
    pack.kinds.sort_by(|a, b| a.id.cmp(&b.id));
    pack.files = files
        .into_iter()
        .map(|(n, origin, text)| (n, PackFile { origin, text }))
        .collect();
    Ok(pack)
}

/// A file whose name the pack does not know.
fn unknown_file(origin: &str, name: &str) -> PackError {
    let known: Vec<&str> = FIXED_FILES
        .iter()
        .copied()
        .chain(["kinds/<kind>.toml"])
        .collect();
    PackError {
        file: origin.to_owned(),
        line: None,
        column: None,
        key: None,
        message: format!(
            "unknown pack file `{name}`, expected one of {}{}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
            did_you_mean(name, FIXED_FILES.iter().copied())
        ),
    }
}

/// `pack.toml`: name, version (1) and description.
fn meta(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawMeta>(errs) else {
        return;
    };
    if *raw.version.get_ref() != 1 {
        errs.push(f.at(
            &raw.version,
            "version",
            format!(
                "unsupported pack version `{}`, expected `1`",
                raw.version.get_ref()
            ),
        ));
    }
    pack.name = raw.name;
    pack.version = raw.version.into_inner();
    pack.description = raw.description;
}

/// `abbreviations.toml`: single words, without their final period.
fn abbreviations(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawAbbreviations>(errs) else {
        return;
    };
    pack.titles = f.words(raw.titles, "titles", errs);
    pack.abbreviations = f.words(raw.abbreviations, "abbreviations", errs);
    pack.never_final = f.words(raw.never_final, "never_final", errs);
    pack.times = f.words(raw.times, "times", errs);
    pack.time_openers = f.words(raw.time_openers, "time_openers", errs);
    pack.sentence_starters = f.words(raw.sentence_starters, "sentence_starters", errs);
}

/// `aliases.toml`: a name belongs to one alias set only.
fn aliases(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawAliases>(errs) else {
        return;
    };
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (i, a) in raw.alias.into_iter().enumerate() {
        let canonical = a.canonical.get_ref().clone();
        for v in std::iter::once(&a.canonical).chain(&a.variants) {
            let key = v.get_ref().to_lowercase();
            if let Some(other) = seen.get(&key).filter(|o| **o != canonical) {
                errs.push(f.at(
                    v,
                    &format!("alias[{i}]"),
                    format!("`{}` is already an alias of `{other}`", v.get_ref()),
                ));
            }
            seen.insert(key, canonical.clone());
        }
        pack.aliases.push(Alias {
            canonical,
            variants: a.variants.into_iter().map(Spanned::into_inner).collect(),
            kind: a.kind,
        });
    }
}

/// `boilerplate.toml`: patterns that compile.
fn boilerplate(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawBoilerplate>(errs) else {
        return;
    };
    pack.boilerplate = Boilerplate {
        lines: f.pattern_set(raw.lines, "lines", errs),
        tail: f.pattern_set(raw.tail, "tail", errs),
        block: f.pattern_set(raw.block, "block", errs),
        inline: f.regexes(raw.inline, "inline", errs),
    };
}

/// `exchange_rates.toml` (checked once the units are known): a base and rates in
/// currency units of `units.toml`, a tolerance between 0 and 1, years as numbers and
/// rates above zero.
fn exchange_rates(f: &FileCtx<'_>, raw: RawExchangeRates, pack: &mut Pack, errs: &mut Errors) {
    let currency = |id: &str| {
        pack.unit(id)
            .is_some_and(|u| u.dimension == Dimension::Currency)
    };
    let currencies = || {
        pack.units
            .iter()
            .filter(|u| u.dimension == Dimension::Currency)
            .map(|u| u.id.as_str())
    };
    if !currency(raw.base.get_ref()) {
        errs.push(f.at(
            &raw.base,
            "base",
            format!(
                "unknown currency `{}`, expected a `currency` unit of `units.toml`{}",
                raw.base.get_ref(),
                did_you_mean(raw.base.get_ref(), currencies())
            ),
        ));
    }
    let tolerance = *raw.tolerance.get_ref();
    if !(tolerance > 0.0 && tolerance < 1.0) {
        errs.push(f.at(
            &raw.tolerance,
            "tolerance",
            format!("`{tolerance}` is no margin, expected a share between 0 and 1 such as `0.2`"),
        ));
    }
    let mut per_base = BTreeMap::new();
    for (id, years) in &raw.per_base {
        let key = format!("per_base.{id}");
        if !currency(id) || *id == *raw.base.get_ref() {
            errs.push(f.at(
                years,
                &key,
                format!(
                    "`{id}` is not a currency other than the base, expected a `currency` unit of `units.toml`{}",
                    did_you_mean(id, currencies())
                ),
            ));
            continue;
        }
        let mut rates = BTreeMap::new();
        for (year, rate) in years.get_ref() {
            match year.parse::<i16>() {
                Ok(y) if (1900..=2100).contains(&y) => {
                    if rate.get_ref().is_finite() && *rate.get_ref() > 0.0 {
                        rates.insert(y, *rate.get_ref());
                    } else {
                        errs.push(f.at(
                            rate,
                            &format!("{key}.{year}"),
                            format!("rate `{}` is not above zero", rate.get_ref()),
                        ));
                    }
                }
                _ => errs.push(f.at(
                    years,
                    &key,
                    format!("`{year}` is not a year, expected a year such as `2014`"),
                )),
            }
        }
        per_base.insert(id.clone(), rates);
    }
    pack.exchange_rates = ExchangeRates {
        base: raw.base.into_inner(),
        tolerance,
        per_base,
    };
}

/// `occasions.toml`: each id once, each with triggers, and no trigger in two occasions.
fn occasions(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawOccasions>(errs) else {
        return;
    };
    pack.occasions = named_triggers(f, raw.occasion, "occasion", errs);
}

/// `events.toml`: each event id once, each with triggers, no trigger in two events, and
/// the negation and modal cues as lowercase phrases.
fn event_words(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawEvents>(errs) else {
        return;
    };
    let lower = |v: Vec<String>| v.into_iter().map(|t| t.to_lowercase()).collect();
    pack.event_cues = EventCues {
        negations: lower(f.trimmed(raw.negations, "negations", errs)),
        modals: lower(f.trimmed(raw.modals, "modals", errs)),
    };
    pack.events = named_triggers(f, raw.event, "event", errs);
}

/// The `[[occasion]]` or `[[event]]` tables of one file (`what` names the table): each id
/// once, each with triggers, and no trigger in two of them.
fn named_triggers(
    f: &FileCtx<'_>,
    raw: Vec<RawOccasion>,
    what: &str,
    errs: &mut Errors,
) -> Vec<Occasion> {
    let mut out: Vec<Occasion> = Vec::new();
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    for (i, o) in raw.into_iter().enumerate() {
        let id = o.id.get_ref().trim().to_owned();
        if id.is_empty() {
            errs.push(f.at(&o.id, &format!("{what}[{i}].id"), "empty id".into()));
            continue;
        }
        if out.iter().any(|known| known.id == id) {
            errs.push(f.at(
                &o.id,
                &format!("{what}[{i}].id"),
                format!("{what} `{id}` is defined twice"),
            ));
            continue;
        }
        let key = format!("{what}[{i}].triggers");
        let listed = o.triggers.clone();
        let triggers: Vec<String> = f
            .trimmed(o.triggers, &key, errs)
            .into_iter()
            .map(|t| t.to_lowercase())
            .collect();
        if triggers.is_empty() {
            errs.push(f.at(&o.id, &key, format!("{what} `{id}` has no trigger")));
        }
        for (t, at) in triggers.iter().zip(&listed) {
            if let Some(other) = owner.insert(t.clone(), id.clone()) {
                errs.push(f.at(at, &key, format!("`{t}` is already a trigger of `{other}`")));
            }
        }
        out.push(Occasion { id, triggers });
    }
    out
}

/// `speech_verbs.toml`: word lists in lowercase, and verbs with at least one form.
fn speech_verbs(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawSpeechVerbs>(errs) else {
        return;
    };
    pack.source_phrases = lowered(raw.source_phrases);
    pack.speech_skip = lowered(raw.skip);
    pack.data_nouns = lowered(raw.data_nouns);
    pack.data_links = lowered(raw.data_links);
    pack.background_openers = lowered(raw.background_openers);
    pack.speech_audiences = single_words(f, raw.audiences, "audiences", errs);
    pack.report_occasions = single_words(f, raw.occasions, "occasions", errs);
    let reporting_forms = raw.reporting_forms.clone();
    for (i, v) in raw.verb.into_iter().enumerate() {
        if v.forms.is_empty() {
            errs.push(f.at(
                &v.lemma,
                &format!("verb[{i}].forms"),
                "a verb needs at least one form".into(),
            ));
        }
        pack.speech_verbs.push(SpeechVerb {
            lemma: v.lemma.into_inner(),
            forms: v
                .forms
                .into_iter()
                .map(|s| s.into_inner().to_lowercase())
                .collect(),
            role: v.role,
            weak: v.weak,
            figure_at: v.figure_at,
            takes_audience: v.takes_audience,
        });
    }
    for (i, w) in reporting_forms.iter().enumerate() {
        let form = w.get_ref().trim().to_lowercase();
        if !pack.speech_verbs.iter().any(|v| v.forms.contains(&form)) {
            errs.push(f.at(
                w,
                &format!("reporting_forms[{i}]"),
                format!("`{form}` is not a form of any `[[verb]]`"),
            ));
        }
    }
    pack.reporting_forms = single_words(f, raw.reporting_forms, "reporting_forms", errs);
}

/// A list of single words, trimmed and lowercase; an empty entry or one of several words
/// is an error.
fn single_words(
    f: &FileCtx<'_>,
    items: Vec<Spanned<String>>,
    key: &str,
    errs: &mut Errors,
) -> Vec<String> {
    let clean = |w: &str| {
        let t = w.trim();
        (!t.is_empty() && !t.contains(char::is_whitespace)).then(|| t.to_lowercase())
    };
    f.entries(items, key, errs, clean, |w| {
        format!("`{w}` is not a single word")
    })
}

/// `entities.toml`: non-empty word lists, and spelling rules that are lowercase pairs.
fn entities(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawEntities>(errs) else {
        return;
    };
    let mut list = |items: Vec<Spanned<String>>, key: &str| f.trimmed(items, key, errs);
    let mut e = Entities {
        titles: list(raw.titles, "titles"),
        organization_words: list(raw.organization_words, "organization_words"),
        outlets: list(raw.outlets, "outlets"),
        place_words: list(raw.place_words, "place_words"),
        event_words: list(raw.event_words, "event_words"),
        place_cues: list(raw.place_cues, "place_cues"),
        connectors: list(raw.connectors, "connectors"),
        org_joiners: list(raw.org_joiners, "org_joiners"),
        not_names: list(raw.not_names, "not_names"),
        adjective_endings: list(raw.adjective_endings, "adjective_endings"),
        generic_sources: list(raw.generic_sources, "generic_sources"),
        inverted_heads: list(raw.inverted_heads, "inverted_heads"),
        droppable_suffixes: list(raw.droppable_suffixes, "droppable_suffixes"),
        class_words: list(raw.class_words, "class_words"),
        class_words_before: list(raw.class_words_before, "class_words_before"),
        respell: Vec::new(),
        gatherings: Vec::new(),
    };
    e.gatherings = single_words(f, raw.gatherings, "gatherings", errs);
    for (i, r) in raw.respell.into_iter().enumerate() {
        match r.get_ref().as_slice() {
            [from, to]
                if !from.trim_matches(['^', '$']).is_empty()
                    && from == &from.to_lowercase()
                    && to == &to.to_lowercase() =>
            {
                e.respell.push((from.clone(), to.clone()));
            }
            _ => errs.push(f.at(
                &r,
                &format!("respell[{i}]"),
                "expected a lowercase pair `[from, to]` such as `[\"ks\", \"x\"]`".into(),
            )),
        }
    }
    pack.entities = e;
}

/// `units.toml`: units, number words, multipliers and fractions.
fn units(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawUnits>(errs) else {
        return;
    };
    pack.units = unit_list(f, raw.unit, errs);
    pack.numbers.words = whole_words(f, "number_words", raw.number_words, errs);
    pack.numbers.ordinals = whole_words(f, "ordinal_words", raw.ordinal_words, errs);
    pack.numbers.decimal_points = raw
        .decimal
        .map(|d| {
            d.words
                .into_iter()
                .map(|w| w.into_inner().to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    pack.numbers.multipliers = multipliers(f, raw.multiplier, errs);
    pack.numbers.fractions = fractions(f, raw.fraction, errs);
    for (word, d) in &raw.fraction_words {
        if *d.get_ref() < 2.0 {
            errs.push(f.at(
                d,
                &format!("fraction_words.{word}"),
                format!(
                    "`{}` divides nothing, expected a divisor of 2 or more such as `5`",
                    d.get_ref()
                ),
            ));
        }
    }
    pack.numbers.fraction_words = whole_words(f, "fraction_words", raw.fraction_words, errs);
    let lowered = |v: Vec<Spanned<String>>| -> Vec<String> {
        v.into_iter()
            .map(|w| w.into_inner().to_lowercase())
            .collect()
    };
    if let Some(ff) = raw.fraction_forms {
        pack.numbers.over = lowered(ff.over);
        pack.numbers.dated_by = lowered(ff.dated_by);
    }
    pack.numbers.glued = raw
        .glued
        .map(|g| {
            g.forms
                .into_iter()
                .filter_map(|w| {
                    let form = w.get_ref().to_lowercase();
                    if !form.is_empty() && form.chars().all(|c| c.is_alphabetic()) {
                        return Some(form);
                    }
                    errs.push(f.at(
                        &w,
                        "glued.forms",
                        format!(
                            "`{}` is not a unit form, expected letters such as `g`",
                            w.get_ref()
                        ),
                    ));
                    None
                })
                .collect()
        })
        .unwrap_or_default();
}

/// A table of words and whole values (`number_words`, `ordinal_words`), lowercase.
fn whole_words(
    f: &FileCtx<'_>,
    key: &str,
    raw: std::collections::BTreeMap<String, Spanned<f64>>,
    errs: &mut Errors,
) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    for (word, value) in raw {
        if *value.get_ref() < 0.0 || value.get_ref().fract() != 0.0 {
            errs.push(f.at(
                &value,
                &format!("{key}.{word}"),
                format!(
                    "`{}` is not a whole number, expected a value such as `6`",
                    value.get_ref()
                ),
            ));
        }
        out.insert(word.to_lowercase(), value.into_inner());
    }
    out
}

/// `[[unit]]`: unique ids; only a count unit counts people.
fn unit_list(f: &FileCtx<'_>, raw: Vec<RawUnit>, errs: &mut Errors) -> Vec<Unit> {
    let mut ids = BTreeSet::new();
    let mut out = Vec::new();
    for (i, u) in raw.into_iter().enumerate() {
        if !ids.insert(u.id.get_ref().clone()) {
            errs.push(f.at(
                &u.id,
                &format!("unit[{i}].id"),
                format!("duplicate unit id `{}`", u.id.get_ref()),
            ));
        }
        if u.counts_people && u.dimension != Dimension::Count {
            errs.push(f.at(
                &u.id,
                &format!("unit[{i}].counts_people"),
                format!(
                    "unit `{}` counts people but is not a `count` unit, expected `dimension = \"count\"`",
                    u.id.get_ref()
                ),
            ));
        }
        if let Some(b) = &u.base {
            if !(b.get_ref().is_finite() && *b.get_ref() > 0.0) || u.measures.is_none() {
                errs.push(f.at(
                    b,
                    &format!("unit[{i}].base"),
                    format!(
                        "unit `{}` has base {}, expected a positive factor and `measures` naming its quantity",
                        u.id.get_ref(),
                        b.get_ref()
                    ),
                ));
            }
        }
        if let Some(o) = &u.offset {
            if !o.get_ref().is_finite() || u.base.is_none() {
                errs.push(f.at(
                    o,
                    &format!("unit[{i}].offset"),
                    format!(
                        "unit `{}` has offset {}, expected a finite number next to `base`",
                        u.id.get_ref(),
                        o.get_ref()
                    ),
                ));
            }
        }
        out.push(Unit {
            id: u.id.into_inner(),
            dimension: u.dimension,
            prefixes: u.prefixes,
            suffixes: u.suffixes,
            counts_people: u.counts_people,
            measures: u.measures.map(Spanned::into_inner),
            base: u.base.map(Spanned::into_inner),
            offset: u.offset.map_or(0.0, Spanned::into_inner),
            cents_of: u.cents_of,
        });
    }
    out
}

/// `[[multiplier]]`: factors above 1; short forms among the forms, spaced forms among
/// the short ones.
fn multipliers(f: &FileCtx<'_>, raw: Vec<RawMultiplier>, errs: &mut Errors) -> Vec<Multiplier> {
    let mut out = Vec::new();
    for (i, m) in raw.into_iter().enumerate() {
        if *m.factor.get_ref() <= 1.0 {
            errs.push(f.at(
                &m.factor,
                &format!("multiplier[{i}].factor"),
                format!("factor `{}` must be above 1", m.factor.get_ref()),
            ));
        }
        let forms: Vec<String> = m
            .forms
            .into_iter()
            .map(|s| s.into_inner().to_lowercase())
            .collect();
        let short = among(f, &format!("multiplier[{i}].short"), m.short, &forms, errs);
        let spaced = among(
            f,
            &format!("multiplier[{i}].spaced"),
            m.spaced,
            &short,
            errs,
        );
        out.push(Multiplier {
            forms,
            factor: m.factor.into_inner(),
            short,
            spaced,
            noun: m.noun,
        });
    }
    out
}

/// The lowercase `items` at `key`, each of which must be one of `of` (the forms of a
/// multiplier, or its short forms).
fn among(
    f: &FileCtx<'_>,
    key: &str,
    items: Vec<Spanned<String>>,
    of: &[String],
    errs: &mut Errors,
) -> Vec<String> {
    let field = key.rsplit('.').next().unwrap_or(key);
    let (within, key_of) = if field == "short" {
        ("forms", "forms")
    } else {
        ("short forms", "short")
    };
    let mut out = Vec::new();
    for s in items {
        let lower = s.get_ref().to_lowercase();
        if !of.contains(&lower) {
            let name = if field == "short" {
                "short form"
            } else {
                "spaced form"
            };
            errs.push(f.at(
                &s,
                key,
                format!(
                    "{name} `{}` is not one of the {within}, expected one of `{key_of}`",
                    s.get_ref()
                ),
            ));
        }
        out.push(lower);
    }
    out
}

/// `[[fraction]]`: percentages from 0 to 100.
fn fractions(f: &FileCtx<'_>, raw: Vec<RawFraction>, errs: &mut Errors) -> Vec<Fraction> {
    let mut out = Vec::new();
    for (i, fr) in raw.into_iter().enumerate() {
        if !(0.0..=100.0).contains(fr.percent.get_ref()) {
            errs.push(f.at(
                &fr.percent,
                &format!("fraction[{i}].percent"),
                format!(
                    "`{}` is not a percentage, expected 0 to 100",
                    fr.percent.get_ref()
                ),
            ));
        }
        out.push(Fraction {
            phrases: fr
                .phrases
                .into_iter()
                .map(|s| s.into_inner().to_lowercase())
                .collect(),
            percent: fr.percent.into_inner(),
        });
    }
    out
}

/// `vague_quantities.toml`: vague amounts, approximation widths and modifiers.
fn vague_quantities(f: &FileCtx<'_>, pack: &mut Pack, errs: &mut Errors) {
    let Some(raw) = f.parse::<RawVague>(errs) else {
        return;
    };
    pack.vague = vague_list(f, raw.vague, errs);
    if let Some(a) = raw.approximation {
        pack.approximation = approximation(f, a, errs);
    }
    pack.modifiers = modifiers(f, raw.modifier, errs);
    if let Some(s) = raw.status {
        let mut phrases = |items: Vec<Spanned<String>>, key: &str| {
            f.trimmed(items, &format!("status.{key}"), errs)
                .into_iter()
                .map(|p| p.to_lowercase())
                .collect()
        };
        pack.status_phrases = StatusPhrases {
            expected: phrases(s.expected, "expected"),
            feared: phrases(s.feared, "feared"),
            estimate: phrases(s.estimate, "estimate"),
        };
    }
}

/// `[[vague]]`: unique phrases; `0 <= min <= max`.
fn vague_list(
    f: &FileCtx<'_>,
    raw: Vec<RawVagueQuantity>,
    errs: &mut Errors,
) -> Vec<VagueQuantity> {
    let mut phrases = BTreeSet::new();
    let mut out = Vec::new();
    for (i, v) in raw.into_iter().enumerate() {
        let key = format!("vague[{i}]");
        if !phrases.insert(v.phrase.get_ref().to_lowercase()) {
            errs.push(f.at(
                &v.phrase,
                &format!("{key}.phrase"),
                format!("duplicate vague phrase `{}`", v.phrase.get_ref()),
            ));
        }
        if let Some(max) = v.max.as_ref().filter(|max| max.get_ref() < v.min.get_ref()) {
            errs.push(f.at(
                max,
                &format!("{key}.max"),
                format!(
                    "`max` ({}) is below `min` ({}): expected min <= max",
                    max.get_ref(),
                    v.min.get_ref()
                ),
            ));
        }
        if *v.min.get_ref() < 0.0 {
            errs.push(f.at(
                &v.min,
                &format!("{key}.min"),
                "`min` must not be negative".into(),
            ));
        }
        out.push(VagueQuantity {
            phrase: v.phrase.into_inner().to_lowercase(),
            min: v.min.into_inner(),
            max: v.max.map(Spanned::into_inner),
            followed_by: f
                .trimmed(v.followed_by, &format!("{key}.followed_by"), errs)
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
        });
    }
    out
}

/// `[approximation]`: widths from 0 to below 1.
fn approximation(f: &FileCtx<'_>, a: RawApproximation, errs: &mut Errors) -> Approximation {
    let fraction = a.fraction.as_ref();
    for (key, w) in [
        ("below", Some(&a.below)),
        ("around", Some(&a.around)),
        ("fraction", fraction),
    ]
    .into_iter()
    .filter_map(|(k, w)| Some((k, w?)))
    {
        if !(0.0..1.0).contains(w.get_ref()) {
            errs.push(f.at(
                w,
                &format!("approximation.{key}"),
                format!(
                    "width `{}` is out of range, expected a fraction from 0 to below 1",
                    w.get_ref()
                ),
            ));
        }
    }
    Approximation {
        below: a.below.into_inner(),
        around: a.around.into_inner(),
        fraction: a
            .fraction
            .map_or(Approximation::default().fraction, Spanned::into_inner),
    }
}

/// `[[modifier]]`: a phrase once on each side of the figure.
fn modifiers(f: &FileCtx<'_>, raw: Vec<RawModifier>, errs: &mut Errors) -> Vec<Modifier> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, m) in raw.into_iter().enumerate() {
        for p in &m.phrases {
            if !seen.insert((m.after, p.get_ref().to_lowercase())) {
                errs.push(f.at(
                    p,
                    &format!("modifier[{i}].phrases"),
                    format!("duplicate modifier phrase `{}`", p.get_ref()),
                ));
            }
        }
        out.push(Modifier {
            phrases: m
                .phrases
                .into_iter()
                .map(|s| s.into_inner().to_lowercase())
                .collect(),
            bound: m.bound,
            after: m.after,
        });
    }
    out
}

/// What the kinds checked so far have claimed: ids, the generic kind, the tally.
#[derive(Default)]
struct KindsSeen {
    ids: BTreeSet<String>,
    generic: Option<String>,
    tally: Option<String>,
    ratio: Option<String>,
}

/// `kinds/<id>.toml`, after `units.toml`: each kind with ids and units checked.
fn kinds(raw_kinds: Vec<KindFile>, pack: &mut Pack, errs: &mut Errors) {
    let unit_ids: Vec<String> = pack.units.iter().map(|u| u.id.clone()).collect();
    let mut seen = KindsSeen::default();
    for (name, origin, text, raw) in raw_kinds {
        let f = FileCtx::new(&origin, &text);
        let kind = kind(&f, name, raw, &unit_ids, &mut seen, errs);
        pack.kinds.push(kind);
    }
}

/// One kind: its id is its file stem and unique, its units are known, its events unique
/// with triggers; one generic kind and one tally in the pack.
fn kind(
    f: &FileCtx<'_>,
    name: String,
    raw: RawKind,
    unit_ids: &[String],
    seen: &mut KindsSeen,
    errs: &mut Errors,
) -> Kind {
    let stem = name.trim_start_matches("kinds/").trim_end_matches(".toml");
    if raw.id.get_ref() != stem {
        errs.push(f.at(
            &raw.id,
            "id",
            format!(
                "kind id `{}` does not match its file name, expected `{stem}`",
                raw.id.get_ref()
            ),
        ));
    }
    if !seen.ids.insert(raw.id.get_ref().clone()) {
        errs.push(f.at(
            &raw.id,
            "id",
            format!("duplicate kind id `{}`", raw.id.get_ref()),
        ));
    }
    for (i, u) in raw.units.iter().enumerate() {
        if !unit_ids.contains(u.get_ref()) {
            errs.push(f.at(
                u,
                &format!("units[{i}]"),
                format!(
                    "unknown unit `{}`, expected a unit id from units.toml{}",
                    u.get_ref(),
                    did_you_mean(u.get_ref(), unit_ids.iter().map(String::as_str))
                ),
            ));
        }
    }
    let events = events(f, raw.events, &raw.units, errs);
    let kinds_of = kinds_of(f, raw.kinds_of, errs);
    let generic = raw.generic.as_ref().is_some_and(|g| *g.get_ref());
    if let Some(g) = raw.generic.as_ref().filter(|g| *g.get_ref()) {
        match &seen.generic {
            Some(other) => errs.push(f.at(
                g,
                "generic",
                format!("kind `{other}` is already generic, expected one generic kind"),
            )),
            None => seen.generic = Some(raw.id.get_ref().clone()),
        }
    }
    let totals = lowercase(f.trimmed(raw.totals, "totals", errs));
    let tally = raw.tally.and_then(|t| {
        let read = ("tally", "tallies");
        only_kind(f, &mut seen.tally, &raw.id, &t.for_event, read, errs);
        tally(f, t, &events, &raw.units, errs)
    });
    let ratio = raw.ratio.and_then(|r| {
        only_kind(
            f,
            &mut seen.ratio,
            &raw.id,
            &raw.id,
            ("ratio", "ratios"),
            errs,
        );
        ratio(f, r, &raw.id, &raw.units, errs)
    });
    Kind {
        id: raw.id.into_inner(),
        description: raw.description,
        triggers: raw.triggers.into_iter().map(|t| t.to_lowercase()).collect(),
        units: raw.units.into_iter().map(Spanned::into_inner).collect(),
        counted: raw.counted.into_iter().map(|t| t.to_lowercase()).collect(),
        same_counted: raw
            .same_counted
            .into_iter()
            .map(|set| set.into_iter().map(|t| t.trim().to_lowercase()).collect())
            .collect(),
        kinds_of,
        events,
        cumulative: raw.cumulative,
        event_day: raw.event_day,
        method_dependent: raw.method_dependent,
        generic,
        counted_are_people: raw.counted_are_people,
        totals,
        tally,
        ratio,
        severity: raw.severity,
        message: raw.message,
        file: name,
    }
}

/// `[[events]]` of a kind: unique ids, each with a trigger or a noun at least, and units
/// of the kind only.
fn events(
    f: &FileCtx<'_>,
    raw: Vec<RawEvent>,
    kind_units: &[Spanned<String>],
    errs: &mut Errors,
) -> Vec<Event> {
    let mut ids = BTreeSet::new();
    let mut out = Vec::new();
    for (i, e) in raw.into_iter().enumerate() {
        if !ids.insert(e.id.get_ref().clone()) {
            errs.push(f.at(
                &e.id,
                &format!("events[{i}].id"),
                format!("duplicate event id `{}`", e.id.get_ref()),
            ));
        }
        if e.triggers.is_empty() && e.nouns.is_empty() {
            errs.push(f.at(
                &e.id,
                &format!("events[{i}].triggers"),
                "an event needs at least one trigger or noun".into(),
            ));
        }
        out.push(Event {
            id: e.id.into_inner(),
            triggers: e
                .triggers
                .into_iter()
                .map(|t| t.into_inner().to_lowercase())
                .collect(),
            nouns: lowered(e.nouns),
            units: e
                .units
                .into_iter()
                .filter(|u| {
                    let known = kind_units.iter().any(|k| k.get_ref() == u.get_ref());
                    if !known {
                        errs.push(f.at(
                            u,
                            &format!("events[{i}].units"),
                            format!(
                                "unit `{}` is not one of the kind's units, expected one of `units`",
                                u.get_ref()
                            ),
                        ));
                    }
                    known
                })
                .map(Spanned::into_inner)
                .collect(),
            whole: lowered(e.whole),
        });
    }
    out
}

/// Phrases trimmed and lowercased, empty ones left out.
fn lowered(phrases: Vec<Spanned<String>>) -> Vec<String> {
    phrases
        .into_iter()
        .map(|t| t.into_inner().trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A kind's `[tally]`: its events and unit must be the kind's own, its cues single
/// words. `None` when they are not.
fn tally(
    f: &FileCtx<'_>,
    raw: RawTally,
    events: &[Event],
    units: &[Spanned<String>],
    errs: &mut Errors,
) -> Option<Tally> {
    let before = errs.len();
    for (key, e) in [
        ("tally.for", &raw.for_event),
        ("tally.against", &raw.against),
    ] {
        let ids = || events.iter().map(|x| x.id.as_str());
        if !ids().any(|id| id == e.get_ref()) {
            errs.push(f.at(
                e,
                key,
                format!(
                    "unknown event `{}`, expected an event id of this kind{}",
                    e.get_ref(),
                    did_you_mean(e.get_ref(), ids())
                ),
            ));
        }
    }
    let unit_ids = || units.iter().map(|u| u.get_ref().as_str());
    if !unit_ids().any(|u| u == raw.unit.get_ref()) {
        errs.push(f.at(
            &raw.unit,
            "tally.unit",
            format!(
                "unit `{}` is not one of the kind's units, expected one of `units`{}",
                raw.unit.get_ref(),
                did_you_mean(raw.unit.get_ref(), unit_ids())
            ),
        ));
    }
    let word = |w: &str| {
        let t = w.trim();
        (!t.is_empty() && t.chars().all(|c| c.is_ascii_alphabetic())).then(|| t.to_owned())
    };
    let problem = |w: &str| format!("`{w}` is not a single word, expected a word such as `passed`");
    let cues = lowercase(f.entries(raw.cues, "tally.cues", errs, word, problem));
    let mut between = lowercase(f.trimmed(raw.between, "tally.between", errs));
    between.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let unit = raw.unit.into_inner();
    (errs.len() == before).then(|| Tally {
        for_event: raw.for_event.into_inner(),
        against_event: raw.against.into_inner(),
        counted: raw
            .counted
            .map_or_else(|| unit.clone(), |c| c.trim().to_lowercase()),
        unit,
        cues,
        between,
    })
}

/// A kind's `[ratio]`: a comparative at least, multiples above 1, and a unit for the
/// ratios (the kind's first). `None` when not.
fn ratio(
    f: &FileCtx<'_>,
    raw: RawRatio,
    id: &Spanned<String>,
    units: &[Spanned<String>],
    errs: &mut Errors,
) -> Option<Ratio> {
    let before = errs.len();
    let mut comparatives = lowercase(f.trimmed(raw.comparatives, "ratio.comparatives", errs));
    comparatives.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut word_comparatives =
        lowercase(f.trimmed(raw.word_comparatives, "ratio.word_comparatives", errs));
    word_comparatives.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let generic_references =
        lowercase(f.trimmed(raw.generic_references, "ratio.generic_references", errs));
    let mut multiples = Vec::new();
    for (word, x) in raw.multiples {
        let factor = *x.get_ref();
        if !(factor.is_finite() && factor > 1.0) || word.trim().is_empty() {
            errs.push(f.at(
                &x,
                &format!("ratio.multiples.{word}"),
                format!("multiple `{word}` = {factor}, expected a word and a factor above 1"),
            ));
        }
        multiples.push((word.trim().to_lowercase(), factor));
    }
    let Some(unit) = units.first() else {
        errs.push(f.at(
            id,
            "units",
            "a kind with `[ratio]` has no unit, expected its ratios' unit first".to_owned(),
        ));
        return None;
    };
    (errs.len() == before && !comparatives.is_empty()).then(|| Ratio {
        comparatives,
        word_comparatives,
        multiples,
        unit: unit.get_ref().clone(),
        generic_references,
    })
}

/// Each of `words` in lowercase.
/// Records kind `id` as the one kind of the pack with a `[key]` table, reading `what`
/// (`read`: the key and what it reads, "tally" and "tallies"): a second kind with one is
/// an error at `at`.
fn only_kind<T>(
    f: &FileCtx<'_>,
    first: &mut Option<String>,
    id: &Spanned<String>,
    at: &Spanned<T>,
    (key, what): (&str, &str),
    errs: &mut Errors,
) {
    if let Some(other) = first {
        errs.push(f.at(
            at,
            key,
            format!("kind `{other}` already reads {what}, expected one `[{key}]`"),
        ));
    }
    first.get_or_insert_with(|| id.get_ref().clone());
}

fn lowercase(words: Vec<String>) -> Vec<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

/// A kind's `kinds_of`, lowercase: each counted noun with the nouns that name kinds of it.
/// An empty entry, or a noun listed as a kind of itself, is an error.
fn kinds_of(
    f: &FileCtx<'_>,
    raw: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
    errs: &mut Errors,
) -> Vec<(String, Vec<String>)> {
    raw.into_iter()
        .map(|(wide, narrow)| {
            let wide = wide.trim().to_lowercase();
            let key = format!("kinds_of.{wide}");
            for n in narrow
                .iter()
                .filter(|n| n.get_ref().trim().eq_ignore_ascii_case(&wide))
            {
                errs.push(f.at(
                    n,
                    &key,
                    format!("`{}` is listed as a kind of itself", n.get_ref().trim()),
                ));
            }
            let narrow = lowercase(f.trimmed(narrow, &key, errs))
                .into_iter()
                .filter(|n| *n != wide)
                .collect();
            (wide, narrow)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: &str, text: &str) -> Result<Pack, PackErrors> {
        let files = super::super::embedded::FILES.iter().map(|(n, t)| {
            let t = if *n == name { text } else { t };
            ((*n).to_owned(), format!("claims/{n}"), t.to_owned())
        });
        build(files)
    }

    #[test]
    fn number_words_multipliers_and_modifiers_load() {
        let pack = with("pack.toml", "name = \"default\"\nversion = 1\n").expect("valid");
        assert_eq!(pack.numbers.words.get("twenty"), Some(&20.0));
        assert!(pack
            .numbers
            .multipliers
            .iter()
            .any(|m| m.factor == 1e9 && m.short == ["b"]));
        assert!(pack
            .modifiers
            .iter()
            .any(|m| m.phrases.contains(&"at least".to_owned())));
        assert_eq!(pack.approximation.below, 0.1);
    }

    #[test]
    fn an_event_needs_a_trigger_or_a_noun() {
        let triggers =
            "triggers = [\"deployed\", \"sent\", \"dispatched\", \"mobilised\", \"mobilized\"]\n";
        // nouns alone make an event, lowercased
        let nouns_only = edited("kinds/counts.toml", triggers, "").replacen(
            "nouns = [\"rescuers\"",
            "nouns = [\"Rescuers\"",
            1,
        );
        let pack = with("kinds/counts.toml", &nouns_only).expect("valid");
        let deployed = pack
            .kind("counts")
            .and_then(|k| k.events.iter().find(|e| e.id == "deployed"));
        assert_eq!(
            deployed.map(|e| (e.triggers.len(), e.nouns[0].as_str())),
            Some((0, "rescuers"))
        );
        // an event's units are its kind's
        let votes = edited(
            "kinds/votes.toml",
            "units = [\"votes\", \"seats\"]\n\n[[events]]\nid = \"cast\"",
            "units = [\"votes\", \"km\"]\n\n[[events]]\nid = \"cast\"",
        );
        let errs = with("kinds/votes.toml", &votes).expect_err("invalid");
        assert!(errs
            .0
            .iter()
            .any(|e| e.message
                == "unit `km` is not one of the kind's units, expected one of `units`"));
        // neither is an error
        let neither = nouns_only.replacen("nouns = [\"Rescuers\", \"rescue workers\"]\n", "", 1);
        let errs = with("kinds/counts.toml", &neither).expect_err("invalid");
        assert!(errs
            .0
            .iter()
            .any(|e| e.message == "an event needs at least one trigger or noun"));
    }

    #[test]
    fn bad_multiplier_and_approximation_are_located() {
        let units = "[[unit]]\nid = \"people\"\ndimension = \"count\"\n\n[[multiplier]]\nforms = [\"million\"]\nfactor = 1\nshort = [\"m\"]\n";
        let errs = with("units.toml", units).expect_err("invalid");
        let text = errs
            .0
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(text.contains("factor `1` must be above 1"), "{text}");
        assert!(
            text.contains("short form `m` is not one of the forms"),
            "{text}"
        );
        let units = "[[unit]]\nid = \"people\"\ndimension = \"count\"\n\n[[multiplier]]\nforms = [\"thousand\", \"k\"]\nfactor = 1000\nspaced = [\"k\"]\n";
        let errs = with("units.toml", units).expect_err("invalid");
        assert!(
            errs.0.iter().any(|e| e.message
                == "spaced form `k` is not one of the short forms, expected one of `short`"),
            "{errs:?}"
        );
        let vague = "[approximation]\nbelow = 1.5\naround = 0.1\n";
        let errs = with("vague_quantities.toml", vague).expect_err("invalid");
        assert!(errs
            .0
            .iter()
            .any(|e| e.key.as_deref() == Some("approximation.below")));
    }

    /// The embedded pack with `name` replaced by `text`, built.
    fn build_with(name: &str, text: &str) -> Result<Pack, PackErrors> {
        build(super::super::embedded::FILES.iter().map(|(n, t)| {
            let t = if *n == name { text } else { *t };
            ((*n).to_owned(), format!("claims/{n}"), t.to_owned())
        }))
    }

    #[test]
    fn bad_respell_rule_is_located() {
        let err = build_with(
            "entities.toml",
            "titles = [\"Dr\"]\nrespell = [[\"KS\", \"x\"], [\"y\"]]\n",
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        insta::assert_snapshot!(err, @r#"
        invalid claims pack (2 problems)
          claims/entities.toml:2:12: key `respell[0]`: expected a lowercase pair `[from, to]` such as `["ks", "x"]`
          claims/entities.toml:2:25: key `respell[1]`: expected a lowercase pair `[from, to]` such as `["ks", "x"]`
        "#);
    }

    #[test]
    fn kinds_of_loads_lowercase_and_refuses_a_noun_as_a_kind_of_itself() {
        let counts = super::super::embedded::FILES
            .iter()
            .find(|(n, _)| *n == "kinds/counts.toml")
            .map(|(_, t)| *t)
            .expect("counts.toml is embedded");
        let with_kinds = |line: &str| {
            let text = counts
                .lines()
                .filter(|l| !l.starts_with("kinds_of"))
                .collect::<Vec<_>>()
                .join("\n")
                .replacen("generic = true", &format!("{line}\ngeneric = true"), 1);
            build_with("kinds/counts.toml", &text)
        };
        let pack = with_kinds("kinds_of = { Aircraft = [\"Helicopters\"] }").expect("valid");
        let kind = pack.kind("counts").expect("counts kind");
        assert_eq!(
            kind.kinds_of,
            [("aircraft".to_owned(), vec!["helicopters".to_owned()])]
        );
        let err = with_kinds("kinds_of = { aircraft = [\"aircraft\", \"\"] }")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("`aircraft` is listed as a kind of itself"),
            "{err}"
        );
        assert!(err.contains("empty entry"), "{err}");
    }

    #[test]
    fn a_second_kind_reading_tallies_or_ratios_is_refused() {
        let money = include_str!("../../claims/kinds/money.toml");
        let err = |table: &str| {
            build_with("kinds/money.toml", &format!("{money}\n{table}"))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let e = err("[ratio]\ncomparatives = [\"as many\"]\n");
        assert!(
            e.contains("already reads ratios, expected one `[ratio]`"),
            "{e}"
        );
        let e = err("[tally]\nfor = \"passed\"\nagainst = \"against\"\nunit = \"votes\"\n");
        assert!(
            e.contains("already reads tallies, expected one `[tally]`"),
            "{e}"
        );
    }

    #[test]
    fn exchange_rates_load_and_refuse_unknown_currencies_years_and_margins() {
        let pack = build_with(
            "exchange_rates.toml",
            "base = \"EUR\"\ntolerance = 0.2\n[per_base.GBP]\n2014 = 0.8\n",
        )
        .expect("valid");
        let r = &pack.exchange_rates;
        assert_eq!(r.convert(80.0, "GBP", "EUR", 2014), Some(100.0));
        assert_eq!(r.convert(80.0, "GBP", "EUR", 2015), None);
        assert_eq!(r.convert(80.0, "GBP", "USD", 2014), None);
        let err = build_with(
            "exchange_rates.toml",
            "base = \"EUX\"\ntolerance = 2.0\n[per_base.GBX]\n2014 = 0.8\n\
             [per_base.USD]\nlast = 1.3\n2014 = 0.0\n",
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(err.contains("unknown currency `EUX`"), "{err}");
        assert!(err.contains("`2` is no margin"), "{err}");
        assert!(
            err.contains("`GBX` is not a currency other than the base"),
            "{err}"
        );
        assert!(err.contains("`last` is not a year"), "{err}");
        assert!(err.contains("rate `0` is not above zero"), "{err}");
    }

    #[test]
    fn occasions_load_lowercase_and_refuse_a_trigger_of_two() {
        let pack = build_with(
            "occasions.toml",
            "[[occasion]]\nid = \"coup\"\ntriggers = [\"Coup\", \"seized power\"]\n",
        )
        .expect("valid");
        assert_eq!(
            pack.occasions,
            [Occasion {
                id: "coup".into(),
                triggers: vec!["coup".into(), "seized power".into()],
            }]
        );
        let err = build_with(
            "occasions.toml",
            "[[occasion]]\nid = \"coup\"\ntriggers = [\"coup\"]\n\
             [[occasion]]\nid = \"putsch\"\ntriggers = [\"coup\"]\n\
             [[occasion]]\nid = \"coup\"\ntriggers = [\"x\"]\n\
             [[occasion]]\nid = \"march\"\ntriggers = []\n",
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(
            err.contains("`coup` is already a trigger of `coup`"),
            "{err}"
        );
        assert!(err.contains("occasion `coup` is defined twice"), "{err}");
        assert!(err.contains("occasion `march` has no trigger"), "{err}");
    }

    #[test]
    fn unknown_entities_key_suggests_the_right_one() {
        let err = build_with("entities.toml", "title = [\"Dr\"]\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("did you mean `titles`?"), "{err}");
    }

    #[test]
    fn speech_verbs_keep_weak_flag_and_skip_words() {
        let pack = build_with(
            "speech_verbs.toml",
            "skip = [\"Earlier\"]\n[[verb]]\nlemma = \"put\"\nforms = [\"put\"]\nrole = \"speaker\"\nweak = true\n",
        );
        let pack = pack.ok();
        assert_eq!(
            pack.as_ref().map(|p| p.speech_skip.clone()),
            Some(vec!["earlier".to_owned()])
        );
        assert_eq!(pack.as_ref().map(|p| p.speech_verbs[0].weak), Some(true));
    }

    #[test]
    fn reporting_forms_are_forms_of_a_verb_and_lists_are_single_words() {
        let verb = "[[verb]]\nlemma = \"say\"\nforms = [\"say\", \"said\"]\nrole = \"speaker\"\n";
        let pack = build_with(
            "speech_verbs.toml",
            &format!("reporting_forms = [\"Said\"]\noccasions = [\"briefing\"]\n{verb}"),
        );
        assert_eq!(
            pack.as_ref().ok().map(|p| p.reporting_forms.clone()),
            Some(vec!["said".to_owned()])
        );
        let errors = errors_of(build_with(
            "speech_verbs.toml",
            &format!("reporting_forms = [\"wrote\"]\naudiences = [\"the press\"]\n{verb}"),
        ));
        assert!(errors.contains("reporting_forms[0]"), "{errors}");
        assert!(
            errors.contains("`wrote` is not a form of any `[[verb]]`"),
            "{errors}"
        );
        assert!(errors.contains("audiences[0]"), "{errors}");
        assert!(
            errors.contains("`the press` is not a single word"),
            "{errors}"
        );
    }

    #[test]
    fn gatherings_are_single_lowercase_words() {
        let pack = build_with(
            "entities.toml",
            &edited(
                "entities.toml",
                "gatherings = [\"march\"",
                "gatherings = [\"Parade\"",
            ),
        );
        assert_eq!(
            pack.as_ref()
                .ok()
                .and_then(|p| p.entities.gatherings.first().cloned()),
            Some("parade".to_owned())
        );
        let errors = errors_of(build_with(
            "entities.toml",
            &edited(
                "entities.toml",
                "gatherings = [\"march\"",
                "gatherings = [\"street march\"",
            ),
        ));
        assert!(errors.contains("gatherings[0]"), "{errors}");
    }

    #[test]
    fn status_phrases_are_lowercase_and_not_empty() {
        let (from, to) = ("expected = [\"permit\"", "expected = [\"Permit Holders\"");
        let pack = build_with(
            "vague_quantities.toml",
            &edited("vague_quantities.toml", from, to),
        );
        assert_eq!(
            pack.as_ref()
                .ok()
                .and_then(|p| p.status_phrases.expected.first().cloned()),
            Some("permit holders".to_owned())
        );
        let (from, to) = ("estimate = [\"exit poll\"", "estimate = [\" \"");
        let errors = errors_of(build_with(
            "vague_quantities.toml",
            &edited("vague_quantities.toml", from, to),
        ));
        assert!(errors.contains("status.estimate[0]"), "{errors}");
    }

    /// The embedded text of `name` with `from` replaced by `to`.
    fn edited(name: &str, from: &str, to: &str) -> String {
        let text = super::super::embedded::FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        assert!(text.contains(from), "{name} holds {from:?}");
        text.replacen(from, to, 1)
    }

    fn errors_of(pack: Result<Pack, PackErrors>) -> String {
        pack.err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn flags_load_on_the_kinds_and_units_that_set_them() {
        let pack = Pack::default_pack();
        let generic: Vec<&str> = pack
            .kinds
            .iter()
            .filter(|k| k.generic)
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(generic, ["counts"]);
        let people: Vec<&str> = pack
            .kinds
            .iter()
            .filter(|k| k.counted_are_people)
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(people, ["arrests", "casualties"]);
        let tally = pack.kind("votes").and_then(|k| k.tally.as_ref());
        assert_eq!(
            tally.map(|t| t.between.clone()),
            Some(vec!["votes".to_owned(), "vote".to_owned()])
        );
        assert_eq!(pack.unit("people").map(|u| u.counts_people), Some(true));
        assert_eq!(pack.unit("items").map(|u| u.counts_people), Some(false));
    }

    #[test]
    fn a_second_generic_kind_and_a_bad_tally_are_located() {
        let money = edited("kinds/money.toml", "severity", "generic = true\nseverity");
        insta::assert_snapshot!(errors_of(build_with("kinds/money.toml", &money)), @r"
        invalid claims pack (1 problem)
          claims/kinds/money.toml:11:11: key `generic`: kind `counts` is already generic, expected one generic kind
        ");
        let votes = edited("kinds/votes.toml", "for = \"passed\"", "for = \"pased\"");
        let votes = votes.replacen("unit = \"votes\"", "unit = \"km\"", 1);
        let votes = votes.replacen("cues = [\"passed\"", "cues = [\"passed by\"", 1);
        insta::assert_snapshot!(errors_of(build_with("kinds/votes.toml", &votes)), @r"
        invalid claims pack (3 problems)
          claims/kinds/votes.toml:35:7: key `tally.for`: unknown event `pased`, expected an event id of this kind, did you mean `passed`?
          claims/kinds/votes.toml:37:8: key `tally.unit`: unit `km` is not one of the kind's units, expected one of `units`
          claims/kinds/votes.toml:39:9: key `tally.cues[0]`: `passed by` is not a single word, expected a word such as `passed`
        ");
    }

    #[test]
    fn only_a_count_unit_counts_people() {
        let units = edited(
            "units.toml",
            "dimension = \"percent\"",
            "dimension = \"percent\"\ncounts_people = true",
        );
        insta::assert_snapshot!(errors_of(build_with("units.toml", &units)), @r#"
        invalid claims pack (1 problem)
          claims/units.toml:129:6: key `unit[19].counts_people`: unit `percent` counts people but is not a `count` unit, expected `dimension = "count"`
        "#);
    }
}

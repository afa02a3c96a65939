//! Quantity claims: a number, its interval, unit, kind, event, what is counted and its scope.
//!
//! Input: one sentence and its dates. Output: quantity [`Claim`]s, whose attribution the
//! caller sets (`attribution::for_figure`). A figure becomes a claim when its kind is known
//! from the words of its own clause (an event such as "killed" or "arrested", or a counted
//! noun), or when it carries an explicit unit (money, percentages, measures): precision
//! first. Years, dates, ordinals, times and codes are never counted (see [`super::number`]
//! and [`super::time`]).
//!
//! One file a step: [`figure`] finds the figures of a sentence with their units and
//! modifiers, [`classify`] gives each its kind and event, [`counted`] finds what it
//! counts, [`tally`] reads a vote tally as two figures and [`ratio`] a multiple of a reference
//! ("twice the size of"). This module runs them over a
//! sentence, carries a kind from one figure to the next ("including 11", "compared with
//! $1.5bn", "or 2.3 million votes") and scopes each claim in time and place.

mod classify;
mod counted;
mod figure;
mod list;
mod ratio;
mod same_for;
mod seen;
mod tally;
mod units;

pub(crate) use list::items as list_items;
pub(crate) use seen::all_figures;

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use self::figure::Figure;
use super::lexicon::{COMPARISONS, NOT_EVENTS, PART_OPENERS, RESTATING_NOUNS};
use super::number::Numerals;
use super::scope;
use super::{
    Anchor, Claim, ClaimBody, DateRef, ExchangeRate, Interval, Quantity, Rendering, Scope,
    TimeScope, TimeScopeKind,
};
use crate::ingest::Source;
use crate::pack::{Bound, Pack};
use crate::segment::Sentence;

/// Builds the matchers this stage takes from the pack, ahead of the first sentence.
pub(crate) fn warm_up(pack: &Pack) {
    let _ = pack.prepared(Matchers::new);
}

/// What the whole-source passes know of a sentence: its ASCII lowercase, and what one
/// search of the whole source says it may hold, so that the sentence's own searches for
/// what it cannot hold are skipped ([`crate::text::PhraseFilter`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hint<'a> {
    /// The sentence in ASCII lowercase, borrowed from the source's.
    lower: Option<&'a str>,
    /// A vague amount's phrase.
    vague: bool,
    /// A number word ([`super::number::scan_lowered`]).
    number_words: bool,
}

impl Hint<'_> {
    /// The hint without the sentence's lowercase, which the sentence then lowers itself:
    /// the source's lowercase, as large as its text, can go before its figures are read
    /// (#22).
    pub(crate) fn unborrowed(self) -> Hint<'static> {
        Hint {
            lower: None,
            vague: self.vague,
            number_words: self.number_words,
        }
    }
}

/// The [`Hint`] of each sentence span of a source whose ASCII lowercase is `lower`.
pub(crate) fn hints<'a>(pack: &Pack, lower: &'a str, spans: &[Range<usize>]) -> Vec<Hint<'a>> {
    let m = pack.prepared(Matchers::new);
    let vague = m.vague_filter.spans(lower, spans);
    let words = m.numerals.word_hits(lower, spans);
    spans
        .iter()
        .zip(vague)
        .zip(words)
        .map(|((span, vague), number_words)| Hint {
            lower: lower.get(span.clone()),
            vague,
            number_words,
        })
        .collect()
}

/// Quantity claims of sentence `index`.
pub(crate) fn find(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    pack: &Pack,
    dates: &[&DateRef],
    anchor: &Anchor,
    hint: Hint<'_>,
) -> (Vec<Claim>, Vec<ExchangeRate>) {
    let m = pack.prepared(Matchers::new);
    let (text, lower, local_dates, mut figures) = read(source, sentence, pack, dates, hint);
    let lower: &str = &lower;
    let base = sentence.span.start;
    let rates = exchange_rates(&mut figures, base, pack);
    if figures.is_empty() {
        return (Vec::new(), rates);
    }
    let clauses = scope::clauses(text);
    let as_of = scope::reporting_date(lower, &local_dates, &m.speech, pack).or(anchor.date);
    let mut out: Vec<Claim> = Vec::new();
    let mut previous: Vec<Quantity> = Vec::new();
    for f in figures {
        let window = scope::window(&clauses, f.span.start);
        let part = is_part(lower, f.start_with_modifier);
        if let Some(against) = f.against {
            // A tally gives two claims: the votes for (the figure) and the votes against.
            for q in tally::claims(&f, against, pack, &m) {
                let q = with_scope(
                    q,
                    text,
                    lower,
                    base,
                    &local_dates,
                    &clauses,
                    &f,
                    as_of,
                    false,
                    pack,
                );
                out.push(claim(index, sentence, base, &f, f.end_with_unit, q, pack));
            }
            continue;
        }
        // "The death toll — the third in a week — reached 194": the total before the aside
        let kind_window = scope::across_dashed_aside(&clauses, &window);
        let kind_window = counted::past_conversion(&clauses, kind_window, lower, &f);
        // "three times larger than last year's rally": a ratio of a reference
        let ratio = ratio::ratio(&f, lower, window.end, &m, pack);
        let reference = ratio.is_some().then_some(f.end_with_unit);
        let Some(mut q) =
            ratio.or_else(|| classify::classify(text, lower, &f, &kind_window, pack, &m))
        else {
            // "killing 320 people, including 11 on Thursday": 11 counts the same thing as
            // 320. "Stewards counted 80,000; the police reckoned that figure nearer 45,000":
            // so does 45,000, as a rival estimate of it.
            let restates = !part && restates(&lower[window.start..f.start_with_modifier]);
            if part || restates {
                if let Some(prev) = previous.last() {
                    let q = Quantity {
                        number: f.number,
                        value: f.value,
                        kind: prev.kind.clone(),
                        unit: prev.unit.clone(),
                        counted: prev.counted.clone(),
                        event: prev.event.clone(),
                        scope: Scope::default(),
                        modifier: f.modifier.as_deref().map(Box::from),
                        vague: f.vague,
                        part,
                        status: super::frame::status(
                            lower,
                            &window,
                            &(f.start_with_modifier..f.end_with_unit),
                            pack,
                        ),
                        about: None,
                        sentence_stems: Default::default(),
                        renderings: Vec::new(),
                    };
                    let mut q = with_scope(
                        q,
                        text,
                        lower,
                        base,
                        &local_dates,
                        &clauses,
                        &f,
                        as_of,
                        part,
                        pack,
                    );
                    if restates && q.scope.place.is_none() {
                        q.scope.place = prev.scope.place.clone();
                    }
                    out.push(claim(index, sentence, base, &f, f.span.end, q, pack));
                    previous.push(out_quantity(&out));
                }
            }
            continue;
        };
        q.part = part || part_of_the_day(pack, &q, lower, &clauses, &window, f.span.start);
        let figure = f.start_with_modifier..f.end_with_unit;
        q.status = super::frame::status(lower, &window, &figure, pack);
        if (q.counted.is_none() || q.event.is_none())
            && compares(&lower[window.start..f.start_with_modifier])
        {
            // "arms sales of $835m, compared with $1.5bn": the second figure counts the
            // same thing as the first of its kind in the sentence.
            if let Some(prev) = previous
                .iter()
                .rev()
                .find(|p| p.kind == q.kind && p.unit == q.unit)
            {
                if q.counted.is_none() {
                    q.counted = prev.counted.clone();
                }
                if q.event.is_none() {
                    q.event = prev.event.clone();
                }
            }
        }
        let lead = lower.get(window.start..f.start_with_modifier).unwrap_or("");
        if q.event.is_none() && lead.trim_start() == "or " {
            // "47.2% of the vote, or 2.3 million votes": the same result in another unit.
            if let Some(ev) = previous.last().and_then(|p| p.event.clone()) {
                let known = pack
                    .kinds
                    .iter()
                    .find(|k| k.id == q.kind)
                    .is_some_and(|k| k.events.iter().any(|e| e.id == ev));
                if known {
                    q.event = Some(ev);
                }
            }
        }
        let end = q_end(&f, &q, lower);
        let mut q = with_scope(
            q,
            text,
            lower,
            base,
            &local_dates,
            &clauses,
            &f,
            as_of,
            part,
            pack,
        );
        if let Some(from) = reference {
            ratio::unscope(&mut q, text, base, &local_dates, &clauses, &f, from, pack);
        }
        // "200,000, the same tally they gave for Alder Bay": a claim for each place too
        let also = same_for::places(text, lower, end, &local_dates, pack);
        for (key, name_end) in &also {
            let mut elsewhere = q.clone();
            elsewhere.scope.place = Some(key.clone());
            out.push(claim(index, sentence, base, &f, *name_end, elsewhere, pack));
        }
        out.push(claim(index, sentence, base, &f, end, q, pack));
        previous.push(out_quantity(&out));
    }
    (out, rates)
}

/// The exchange rates among `figures` ([`Figure::per`]), taken out of them: a rate is
/// never a claim, it is what the source converts one currency to another by.
fn exchange_rates(figures: &mut Vec<Figure>, base: usize, pack: &Pack) -> Vec<ExchangeRate> {
    let mut rates = Vec::new();
    figures.retain(|f| {
        let Some((per, amount)) = f.per else {
            return true;
        };
        let id = |u: usize| pack.units.get(u).map(|u| u.id.clone());
        if let (Some(per), Some(unit)) = (id(per), f.unit.and_then(id)) {
            let one = |x: Option<f64>| x.map(|x| x / amount);
            rates.push(ExchangeRate {
                span: base + f.start_with_modifier..base + f.end_with_unit,
                per,
                unit,
                number: one(f.number),
                value: Interval {
                    min: one(f.value.min),
                    max: one(f.value.max),
                    ..f.value
                },
            });
        }
        false
    });
    rates
}

/// A sentence read for its figures: its text, the text in ASCII lowercase (the caller's,
/// when it has it), its dates and its figures.
fn read<'a, 'd>(
    source: &'a Source,
    sentence: &Sentence,
    pack: &Pack,
    dates: &[&'d DateRef],
    hint: Hint<'a>,
) -> (
    &'a str,
    std::borrow::Cow<'a, str>,
    Vec<scope::LocalDate<'d>>,
    Vec<Figure>,
) {
    let m = pack.prepared(Matchers::new);
    let text = sentence.text(source);
    let lower = crate::text::ascii_lower(text, hint.lower);
    let local = local_dates(dates, &sentence.span);
    let figures = figure::figures(text, &lower, pack, &m, &local, hint, &mut Vec::new());
    (text, lower, local, figures)
}

/// The `dates` inside the sentence at `span`, with spans relative to it.
fn local_dates<'a>(dates: &[&'a DateRef], span: &Range<usize>) -> Vec<scope::LocalDate<'a>> {
    dates
        .iter()
        .filter(|d| d.span.start >= span.start && d.span.end <= span.end)
        .map(|d| scope::LocalDate {
            span: d.span.start - span.start..d.span.end - span.start,
            date: d,
        })
        .collect()
}

/// "compared with $1.5bn", "against 12%": the figure is set against an earlier one.
fn compares(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    words
        .iter()
        .any(|w| COMPARISONS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// "the police reckoned that figure nearer 45,000", "the tally was 200,000": a noun pointing
/// back to an earlier figure, a few words before this one (`lead`: the clause up to it).
fn restates(lead: &str) -> bool {
    RESTATING_NOUNS.iter().any(|noun| {
        lead.rfind(noun).is_some_and(|at| {
            crate::text::is_whole_word(lead, at, at + noun.len())
                && lead[at + noun.len()..].split_whitespace().count() <= 3
        })
    })
}

/// "including 11", "among them 3", "of whom 12": the figure is part of a larger one.
fn is_part(lower: &str, start: usize) -> bool {
    let head = lower[..start].trim_end();
    PART_OPENERS.iter().any(|p| head.ends_with(p))
}

fn out_quantity(out: &[Claim]) -> Quantity {
    match out.last().map(|c| &c.body) {
        Some(ClaimBody::Quantity(q)) => Quantity::clone(q),
        _ => Quantity {
            number: None,
            value: Interval::closed(None, None),
            kind: String::new(),
            unit: String::new(),
            counted: None,
            event: None,
            scope: Scope::default(),
            modifier: None,
            vague: false,
            part: false,
            status: None,
            about: None,
            sentence_stems: Default::default(),
            renderings: Vec::new(),
        },
    }
}

fn claim(
    index: usize,
    sentence: &Sentence,
    base: usize,
    f: &Figure,
    end: usize,
    mut q: Quantity,
    pack: &Pack,
) -> Claim {
    q.renderings = f
        .renderings
        .iter()
        .filter_map(|r| {
            Some(Rendering {
                span: base + r.span.start..base + r.span.end,
                number: r.number,
                value: r.value,
                unit: pack.units.get(r.unit?)?.id.clone(),
            })
        })
        .collect();
    Claim {
        sentence: index,
        sentence_span: sentence.span.clone(),
        span: base + f.start_with_modifier..base + end.max(f.span.end),
        body: ClaimBody::Quantity(Box::new(q)),
        // set by the caller, who knows the sentence's statements
        attribution: None,
    }
}

/// Where the claim text ends: after the counted noun when it follows the figure (`lower`:
/// the sentence in ASCII lowercase).
fn q_end(f: &Figure, q: &Quantity, lower: &str) -> usize {
    let mut end = f.end_with_unit;
    if let Some(c) = &q.counted {
        if let Some(pos) = lower[end..].find(c.as_str()) {
            if pos <= 24 {
                end += pos + c.len();
            }
        }
    }
    end
}

#[allow(clippy::too_many_arguments)]
fn with_scope(
    mut q: Quantity,
    text: &str,
    lower: &str,
    base: usize,
    dates: &[scope::LocalDate<'_>],
    clauses: &[scope::Clause],
    f: &Figure,
    as_of: Option<jiff::civil::Date>,
    part: bool,
    pack: &Pack,
) -> Quantity {
    let rate = super::rate::after(lower, f.end_with_unit)
        .or_else(|| super::rate::before(lower, f.start_with_modifier))
        .or_else(|| {
            let clause = scope::window(clauses, f.span.start);
            super::rate::in_subject(lower, clause.start, f.start_with_modifier)
        });
    let time = match rate {
        // "a nine-storey building", "the 6,000-ton ferry": a property of the thing, which
        // the day of the clause ("collapsed on Wednesday") does not date
        None if f.measures.is_some() => None,
        Some((span, _)) => Some(TimeScope {
            kind: TimeScopeKind::Rate,
            text: text.get(span.clone()).unwrap_or_default().to_owned(),
            span: base + span.start..base + span.end,
            from: None,
            to: None,
        }),
        None => scope::time_scope(
            text,
            lower,
            base,
            dates,
            clauses,
            f.span.clone(),
            part,
            pack,
        ),
    };
    let anchor = measured_from(text, dates, f, pack);
    if let Some((_, words)) = &anchor {
        // "Karsvik lies 90 km from Saltholm": a place named before it is what it measures
        if q.counted.is_none() {
            q.counted = scope::measured_place(text, f.start_with_modifier, dates);
        }
        // "a few kilometres (miles) from Pelling": the words that tie the figure to its
        // place mark its event when its clause, cut by the brackets, names none
        if q.event.is_none() {
            q.event = pack
                .kind(&q.kind)
                .and_then(|k| {
                    k.events
                        .iter()
                        .find(|e| e.triggers.iter().any(|t| t == words))
                })
                .map(|e| e.id.clone());
        }
    }
    q.scope = Scope {
        time: time.map(Box::new),
        place: anchor
            .map(|(key, _)| key)
            .or_else(|| scope::place(text, dates, clauses, f.span.clone(), pack)),
        as_of,
    };
    q
}

/// The place a distance is measured from ([`scope::anchor`]), for a figure of a
/// physical measure.
fn measured_from(
    text: &str,
    dates: &[scope::LocalDate<'_>],
    f: &Figure,
    pack: &Pack,
) -> Option<(String, &'static str)> {
    let measure = f
        .unit
        .and_then(|u| pack.units.get(u))
        .is_some_and(|u| u.dimension == crate::pack::Dimension::Measure);
    measure
        .then(|| scope::anchor(text, f.end_with_unit, dates, pack))
        .flatten()
}

/// What an event trigger stands for.
struct Trigger {
    /// Kind index.
    kind: usize,
    /// Event index in its kind.
    event: usize,
    /// One of the event's nouns: it marks only the figure that counts it.
    noun: bool,
    /// The units of the figures it can mark; empty: any ([`crate::pack::Event::units`]).
    units: Vec<String>,
}

/// Compiled matchers, built once per pack.
pub(crate) struct Matchers {
    numerals: Numerals,
    /// Event triggers; per pattern, the events it stands for.
    events: AhoCorasick,
    event_of: Vec<Vec<Trigger>>,
    /// Counted nouns; per pattern, the kinds listing it.
    counted: AhoCorasick,
    vague: AhoCorasick,
    /// Which sentences may hold a vague phrase ([`hints`]).
    vague_filter: crate::text::PhraseFilter,
    /// Unit prefixes as (form, unit index, whether the form is a word like "magnitude"
    /// rather than a symbol like "$"), and suffixes as (form, unit index); longest first.
    prefixes: Vec<(String, usize, bool)>,
    suffixes: Vec<(String, usize)>,
    /// Modifiers before and after the figure, longest first.
    before: Vec<(String, Bound)>,
    after: Vec<(String, Bound)>,
    /// Speech verb forms, lowercase.
    pub(crate) speech: Vec<String>,
    /// Per unit index, the kinds listing the unit; and the kinds a figure without a unit
    /// may belong to (those listing a plain count unit, [`classify::is_plain_count`]).
    kinds_of_unit: Vec<Vec<usize>>,
    unitless_kinds: Vec<usize>,
    /// The kind of plain counts of named things ([`crate::pack::Kind::generic`]).
    generic: Option<usize>,
    /// The kind that reads vote tallies, and its tally ([`crate::pack::Kind::tally`]).
    tally: Option<(usize, crate::pack::Tally)>,
    /// The kind that reads ratios, its `[ratio]` and the index of its unit
    /// ([`crate::pack::Kind::ratio`]).
    ratio: Option<(usize, crate::pack::Ratio, usize)>,
    /// Nouns naming a running total before its figure ("toll"), of every kind.
    totals: Vec<String>,
}

impl Matchers {
    pub(crate) fn new(pack: &Pack) -> Matchers {
        let build = |pats: &[String]| {
            #[allow(clippy::expect_used)]
            AhoCorasickBuilder::new()
                // a full DFA: one table step per byte of every sentence, built once per pack
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(pats)
                .expect("pack word lists compile to an automaton")
        };
        let mut trig: Vec<String> = Vec::new();
        let mut event_of: Vec<Vec<Trigger>> = Vec::new();
        for (ki, k) in pack.kinds.iter().enumerate() {
            for (ei, e) in k.events.iter().enumerate() {
                let words = e.triggers.iter().map(|t| (t, false));
                for (t, noun) in words.chain(e.nouns.iter().map(|t| (t, true))) {
                    let trigger = Trigger {
                        kind: ki,
                        event: ei,
                        noun,
                        units: e.units.clone(),
                    };
                    match trig.iter().position(|x| x == t) {
                        Some(p) => event_of[p].push(trigger),
                        None => {
                            trig.push(t.clone());
                            event_of.push(vec![trigger]);
                        }
                    }
                }
            }
        }
        for idiom in NOT_EVENTS {
            if !trig.iter().any(|t| t == idiom) {
                trig.push((*idiom).to_owned());
                event_of.push(Vec::new());
            }
        }
        let mut counted: Vec<String> = pack
            .kinds
            .iter()
            .flat_map(|k| k.counted.iter().cloned())
            .collect();
        counted.sort();
        counted.dedup();
        let vague: Vec<String> = pack.vague.iter().map(|v| v.phrase.clone()).collect();
        let mut prefixes = Vec::new();
        let mut suffixes = Vec::new();
        for (i, u) in pack.units.iter().enumerate() {
            prefixes.extend(
                u.prefixes
                    .iter()
                    .map(|p| (p.clone(), i, p.chars().all(char::is_alphabetic))),
            );
            suffixes.extend(u.suffixes.iter().map(|s| (s.to_lowercase(), i)));
        }
        prefixes.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        suffixes.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        let mut before = Vec::new();
        let mut after = Vec::new();
        for md in &pack.modifiers {
            let list = if md.after { &mut after } else { &mut before };
            list.extend(md.phrases.iter().map(|p| (p.clone(), md.bound)));
        }
        before.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        after.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        let kinds_where = |keep: &dyn Fn(&crate::pack::Kind) -> bool| -> Vec<usize> {
            (0..pack.kinds.len())
                .filter(|&i| keep(&pack.kinds[i]))
                .collect()
        };
        let kinds_of_unit = pack
            .units
            .iter()
            .map(|u| kinds_where(&|k| k.units.contains(&u.id)))
            .collect();
        let unitless_kinds =
            kinds_where(&|k| k.units.iter().any(|id| classify::is_plain_count(pack, id)));
        Matchers {
            kinds_of_unit,
            unitless_kinds,
            generic: pack.kinds.iter().position(|k| k.generic),
            tally: pack
                .kinds
                .iter()
                .enumerate()
                .find_map(|(i, k)| Some((i, k.tally.clone()?))),
            ratio: pack.kinds.iter().enumerate().find_map(|(i, k)| {
                let r = k.ratio.clone()?;
                let unit = pack.units.iter().position(|u| u.id == r.unit)?;
                Some((i, r, unit))
            }),
            totals: pack.kinds.iter().flat_map(|k| k.totals.clone()).collect(),
            numerals: Numerals::new(pack),
            events: build(&trig),
            event_of,
            counted: build(&counted),
            vague: build(&vague),
            vague_filter: crate::text::PhraseFilter::new(&vague),
            prefixes,
            suffixes,
            before,
            after,
            speech: pack
                .speech_verbs
                .iter()
                .flat_map(|v| v.forms.iter().cloned())
                .collect(),
        }
    }
}

/// Whether a count is given up to a time of day, so is a part of the day's total: "3.7
/// million had voted by 5.30pm" in its clause, or "By mid-afternoon, 293 people remained
/// unaccounted for", a time of day that opens the sentence and dates every figure of it.
/// A temperature "by noon" is a reading, not a part.
fn part_of_the_day(
    pack: &Pack,
    q: &Quantity,
    lower: &str,
    clauses: &[scope::Clause],
    window: &Range<usize>,
    figure_start: usize,
) -> bool {
    let count = pack
        .unit(&q.unit)
        .is_some_and(|u| u.dimension == crate::pack::Dimension::Count);
    let fronted = || {
        clauses.first().is_some_and(|c| {
            let lead = lower.get(c.span.clone()).unwrap_or("").trim_start();
            c.span.end <= figure_start
                && ["by ", "as of ", "until "]
                    .iter()
                    .any(|w| lead.starts_with(w))
                && super::frame::until_time_of_day(lower, &c.span)
        })
    };
    count && (fronted() || super::frame::until_time_of_day(lower, window))
}

/// Spells out in each figure's counted noun an acronym the source defines ("5 RMG
/// units", where the text also writes "Readymade Garment (RMG)"): "readymade garment
/// units", which compare sets beside another source's "garment units". An acronym the
/// source never defines stays as written.
pub(crate) fn spell_out_acronyms(claims: &mut [Claim], mentions: &[super::Mention]) {
    let defined: std::collections::BTreeMap<String, String> = mentions
        .iter()
        .filter(|m| crate::normalize::is_acronym(&m.text) && *m.canonical != *m.text)
        .filter(|m| m.canonical.split_whitespace().count() >= 2)
        .map(|m| {
            (
                m.text.replace('.', "").to_lowercase(),
                m.canonical.to_lowercase(),
            )
        })
        .collect();
    if defined.is_empty() {
        return;
    }
    for c in claims {
        let ClaimBody::Quantity(q) = &mut c.body else {
            continue;
        };
        let Some(counted) = &q.counted else {
            continue;
        };
        let mut changed = false;
        let words: Vec<&str> = counted
            .split(' ')
            .map(|w| match defined.get(w) {
                Some(full) => {
                    changed = true;
                    full.as_str()
                }
                None => w,
            })
            .collect();
        if changed {
            q.counted = Some(words.join(" "));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn claims_in(pack: &Pack, text: &str) -> Vec<Quantity> {
        let source = Source::from_text("t", "t.txt", text, pack);
        let sentences = crate::segment(&source, pack);
        let ex = crate::extract(&source, &sentences, pack);
        ex.claims
            .into_iter()
            .filter_map(|c| match c.body {
                ClaimBody::Quantity(q) => Some(*q),
                ClaimBody::Statement(_) => None,
            })
            .collect()
    }

    pub(super) fn show(text: &str) -> String {
        show_in(&Pack::default_pack(), text)
    }

    pub(super) fn show_in(pack: &Pack, text: &str) -> String {
        claims_in(pack, text)
            .iter()
            .map(|q| {
                let b = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x}"));
                format!(
                    "{} {}{}, {}{} {} {}/{}/{}{}{}",
                    b(q.number),
                    if q.value.min_inclusive { "[" } else { "(" },
                    b(q.value.min),
                    b(q.value.max),
                    if q.value.max_inclusive { "]" } else { ")" },
                    q.unit,
                    q.kind,
                    q.event.as_deref().unwrap_or("-"),
                    q.counted.as_deref().unwrap_or("-"),
                    if q.part { " part" } else { "" },
                    q.scope
                        .time
                        .as_ref()
                        .map(|t| format!(" @{:?}:{}", t.kind, t.text))
                        .unwrap_or_default(),
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The default pack with each `(file, from, to)` replacement made in its file under
    /// `claims/`, loaded from a temporary pack directory.
    pub(super) fn pack_with(edits: &[(&str, &str, &str)]) -> Pack {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let claims = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
        for (file, from, to) in edits {
            let out = dir.path().join(file);
            let text = std::fs::read_to_string(&out)
                .or_else(|_| std::fs::read_to_string(claims.join(file)))
                .expect("a file of the default pack");
            assert!(text.contains(from), "{file} holds {from:?}");
            std::fs::create_dir_all(out.parent().expect("a pack file has a folder"))
                .expect("the folder is created");
            std::fs::write(&out, text.replacen(from, to, 1)).expect("the file is written");
        }
        Pack::load(Some(dir.path())).expect("the edited pack is valid")
    }

    /// `text` gives `default` with the default pack and `edited` with the pack `edits` make.
    pub(super) fn flag_decides(
        text: &str,
        default: &str,
        edits: &[(&str, &str, &str)],
        edited: &str,
    ) {
        assert_eq!(show(text), default, "default pack");
        assert_eq!(
            show_in(&pack_with(edits), text),
            edited,
            "edited: {edits:?}"
        );
    }

    /// `get` of each figure extracted from `text`, in text order.
    fn of_figures<T>(text: &str, get: impl Fn(&Quantity) -> T) -> Vec<T> {
        let (_, ex) = crate::extract::extract_text(text);
        ex.claims
            .iter()
            .filter_map(|c| match &c.body {
                ClaimBody::Quantity(q) => Some(get(q)),
                ClaimBody::Statement(_) => None,
            })
            .collect()
    }

    /// A figure and its own conversion in brackets are one figure: what follows the
    /// bracket is what both count (#28).
    #[test]
    fn what_follows_a_figure_s_conversion_is_what_it_counts() {
        let counted = |text: &str| of_figures(text, |q| q.counted.clone());
        assert_eq!(
            counted(
                "The closure cost the operator 40 million euros ($45 million) in lost revenue."
            ),
            [Some("lost revenue".to_owned())]
        );
        assert_eq!(
            counted("The levy raised 12 million pounds (about 14 million euros) in extra revenue."),
            [Some("extra revenue".to_owned())]
        );
        // a bracket that is no conversion of the figure leaves it as it was
        assert_eq!(
            counted("The closure cost the operator 40 million euros (the union disputes it)."),
            [None]
        );
    }

    #[test]
    fn a_short_quoted_phrase_stays_in_its_clause() {
        // scare quotes around the figure cut no clause: the event word after them is its own
        let events = of_figures(
            "The ministry insisted that \"nearly 90 percent\" of voters were turning out.",
            |q| q.event.clone(),
        );
        assert_eq!(events, [Some("turnout".to_owned())]);
    }

    #[test]
    fn a_noun_trigger_marks_only_the_figure_that_counts_it() {
        let events = |text: &str| of_figures(text, |q| q.event.clone());
        // the noun right after the figure, or after "of": the figure counts it
        assert_eq!(
            events("About 300 rescuers combed the hillside overnight."),
            [Some("deployed".to_owned())]
        );
        assert_eq!(
            events("Hundreds of rescue workers combed the hillside overnight."),
            [Some("deployed".to_owned())]
        );
        // the rescuers found the survivors: the survivors were not deployed
        assert_eq!(
            events("Rescuers pulled 12 survivors from the flooded mine shaft."),
            [Some("rescued".to_owned())]
        );
        assert_eq!(
            events("Rescuers led 12 miners to the surface before noon."),
            [None]
        );
    }

    #[test]
    fn an_event_of_some_units_marks_only_figures_in_them() {
        let frames = |text: &str| {
            of_figures(text, |q| {
                format!("{}/{}", q.kind, q.event.as_deref().unwrap_or("-"))
            })
        };
        // "took" marks seats and votes won
        assert_eq!(
            frames("The Harbour Party took 142 seats in the new chamber."),
            ["votes/won"]
        );
        assert_eq!(
            frames("The Harbour Party received 1.2 million votes."),
            ["votes/won"]
        );
        // never people, bodies or cities
        assert_eq!(
            frames("Volunteers took 30 bodies to the school gym overnight."),
            ["counts/-"]
        );
        assert_eq!(
            frames("The clinic received 45 patients before dawn."),
            ["counts/-"]
        );
    }

    #[test]
    fn a_time_of_day_opening_the_sentence_makes_its_counts_a_part() {
        let parts = |text: &str| of_figures(text, |q| q.part);
        // the toll by mid-afternoon is a part of the day's
        assert_eq!(
            parts("By mid-afternoon, three people had been confirmed dead, the coast guard said."),
            [true]
        );
        // a time of day that does not open the sentence dates another clause
        assert_eq!(
            parts("Three people had been confirmed dead, the coast guard said by mid-afternoon."),
            [false]
        );
    }

    #[test]
    fn an_acronym_the_source_defines_is_spelled_out_in_the_counted_noun() {
        let counted = |text: &str| -> Vec<String> {
            of_figures(text, |q| q.counted.clone())
                .into_iter()
                .flatten()
                .collect()
        };
        let defined = counted(
            "The block held five Textile Export (TXE) units. The owners of 5 TXE units were questioned on Monday.",
        );
        assert!(
            defined.iter().any(|c| c == "textile export units"),
            "{defined:?}"
        );
        assert!(!defined.iter().any(|c| c.contains("txe")), "{defined:?}");
        // never defined: kept as written
        let bare = counted("The owners of 5 TXE units were questioned on Monday.");
        assert!(bare.iter().any(|c| c == "txe units"), "{bare:?}");
    }

    #[test]
    fn a_total_before_a_dashed_aside_gives_the_figure_after_it_its_kind() {
        assert_eq!(
            show("The death toll since May 2 — the worst of the season in the valley, after last year's 40 — reached 194."),
            "194 [194, 194] people casualties/killed/- @Since:since May 2"
        );
        // no aside: the clause before a single dash is not borrowed
        assert_eq!(
            show("Rescuers worked all night - 194 reached the shore."),
            ""
        );
    }

    #[test]
    fn a_figure_after_the_number_restates_the_figure_before_it() {
        assert_eq!(
            show(
                "Organisers said 9,000 people marched; the police reckoned that figure nearer to 6,000."
            ),
            "9000 [9000, 9000] people counts/attended/people\n\
             6000 [5400, 6600] people counts/attended/people"
        );
        // no figure before it: nothing to restate
        assert_eq!(show("Police put the number at 6,000."), "");
    }

    #[test]
    fn casualty_toll_with_modifier_and_since_scope() {
        insta::assert_snapshot!(
            show("At least 45 villagers have died since the March 3 landslide, officials say."),
            @"45 [45, -] people casualties/killed/villagers @Since:since the March 3 landslide"
        );
    }

    #[test]
    fn a_day_that_dates_the_event_a_toll_counts_since_is_a_since_scope() {
        insta::assert_snapshot!(
            show("At least 300 people have been killed since a magnitude 6.9 earthquake struck Mipele on Monday, officials said. Rescuers found 12 bodies on Monday, and the quake has killed 40 people since Sunday."),
            @r"
        300 [300, -] people casualties/killed/people @Since:since a magnitude 6.9 earthquake struck Mipele on Monday
        6.9 [6.9, 6.9] magnitude measures/magnitude/- @Day:on Monday
        12 [12, 12] people counts/-/bodies @Day:on Monday
        40 [40, 40] people casualties/killed/people @Since:since Sunday
        "
        );
    }

    #[test]
    fn part_of_a_toll_is_scoped_to_its_own_day() {
        insta::assert_snapshot!(
            show("Troops opened fire, killing 58 people, including 9 on Tuesday, a monitoring group said."),
            @r"
        58 [58, 58] people casualties/killed/people
        9 [9, 9] people casualties/killed/people part @Day:on Tuesday
        "
        );
    }

    #[test]
    fn the_day_of_a_relative_clause_is_not_the_scope_of_a_figure_outside_it() {
        insta::assert_snapshot!(
            show("Halden Court, the tower that burned on Monday, had 96 flats. Firefighters rescued 12 residents from a block that was evacuated on Sunday."),
            @r"
        96 [96, 96] items counts/-/flats
        12 [12, 12] people casualties/rescued/residents
        "
        );
        // the figure inside the relative clause keeps it; a date after "said that" is
        // what was said
        insta::assert_snapshot!(
            show("Crews reached a village that lost 14 homes on Monday. Officials said that on Monday, 30 people were rescued."),
            @r"
        14 [14, 14] items counts/-/homes @Day:on Monday
        30 [30, 30] people casualties/rescued/people @Day:on Monday
        "
        );
    }

    #[test]
    fn superlative_since_is_not_the_scope_but_the_lead_date_is() {
        insta::assert_snapshot!(
            show("June 3 was the deadliest day since the May 1 ceasefire, leaving more than 40 people dead."),
            @"40 (40, -] people casualties/killed/people @Day:June 3"
        );
    }

    #[test]
    fn since_scope_from_an_earlier_clause() {
        insta::assert_snapshot!(
            show("Norway has been the third-largest supplier of gas since 2012, selling $40bn worth of goods."),
            @"40000000000 [40000000000, 40000000000] USD money/supplied/goods @Since:since 2012"
        );
    }

    #[test]
    fn today_in_an_undated_text_is_one_day() {
        insta::assert_snapshot!(
            show("Rescuers pulled 30 people alive from the rubble today."),
            @"30 [30, 30] people casualties/recovered/people @Day:today"
        );
    }

    #[test]
    fn as_of_is_the_reporting_day_else_the_anchor() {
        let pack = Pack::default_pack();
        let text = "March 10, 2023\n\nFlood toll rises in the valley town\n\nAt least 30 people have died, officials said on Wednesday.\n\nSome 12 people are missing.\n";
        let source = Source::from_text("t", "t.txt", text, &pack);
        let sentences = crate::segment(&source, &pack);
        let ex = crate::extract(&source, &sentences, &pack);
        let as_of: Vec<String> = ex
            .claims
            .iter()
            .filter_map(|c| match &c.body {
                ClaimBody::Quantity(q) => q.scope.as_of.map(|d| d.to_string()),
                ClaimBody::Statement(_) => None,
            })
            .collect();
        assert_eq!(as_of, vec!["2023-03-08", "2023-03-10"]);
    }

    #[test]
    fn cumulative_tolls_are_reported_as_of_a_date_not_scoped_to_it() {
        let pack = Pack::default_pack();
        let text = "May 9, 2024\n\nLIMA, May 9 (Andes Wire) – Mudslides have killed 85 people, the civil defence office said.\n\n96 people have died as of Thursday, officials said.\n\nThe number of people killed by Tuesday's mudslide has risen to 90, the office said at its evening briefing on Wednesday.\n";
        let source = Source::from_text("t", "t.txt", text, &pack);
        let sentences = crate::segment(&source, &pack);
        let ex = crate::extract(&source, &sentences, &pack);
        let got: Vec<String> = ex
            .claims
            .iter()
            .filter_map(|c| match &c.body {
                ClaimBody::Quantity(q) => Some(format!(
                    "{:?} {:?} {} {}",
                    q.number,
                    q.event,
                    q.scope.as_of.map(|d| d.to_string()).unwrap_or_default(),
                    q.scope
                        .time
                        .as_ref()
                        .map(|t| t.text.clone())
                        .unwrap_or_default()
                )),
                ClaimBody::Statement(_) => None,
            })
            .collect();
        assert_eq!(
            got,
            vec![
                "Some(85.0) Some(\"killed\") 2024-05-09 ",
                "Some(96.0) Some(\"killed\") 2024-05-09 ",
                "Some(90.0) Some(\"killed\") 2024-05-08 ",
            ]
        );
    }

    #[test]
    fn a_comparison_base_is_not_the_scope() {
        insta::assert_snapshot!(
            show("The levy is nine percent bigger than the one approved last year."),
            @"9 [9, 9] percent shares/changed/-"
        );
        insta::assert_snapshot!(
            show("Spending, a 4 percent increase over this year's plan, was approved."),
            @"4 [4, 4] percent shares/changed/-"
        );
        insta::assert_snapshot!(
            show("The board adopted the plan in 2024 on Monday, up 4 per cent from the one approved in 2023."),
            @"4 [4, 4] percent shares/changed/- @Period:in 2024"
        );
    }

    #[test]
    fn an_idiom_hides_the_event_word_inside_it() {
        // "took" alone is votes won; "took place" is no event at all
        insta::assert_snapshot!(
            show("The count took place under the watch of 3,000 stewards."),
            @"3000 [3000, 3000] items counts/-/stewards"
        );
        insta::assert_snapshot!(
            show("The Harbour Party took 42 seats."),
            @"42 [42, 42] seats votes/won/-"
        );
    }

    #[test]
    fn a_crowd_put_at_a_figure_is_attendance() {
        insta::assert_snapshot!(
            show("Stewards put the crowd at 3,000."),
            @"3000 [3000, 3000] people counts/attended/-"
        );
    }
}

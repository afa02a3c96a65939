//! Quantity claims: a number, its interval, unit, kind, event, what is counted and its scope.
//!
//! Input: one sentence and its dates. Output: quantity [`Claim`]s, whose attribution the
//! caller sets (`attribution::for_figure`). A figure becomes a claim when its kind is known
//! from the words of its own clause (an event such as "killed" or "arrested", or a counted
//! noun), or when it carries an explicit unit (money, percentages, measures): precision
//! first. Years, dates, ordinals, times and codes are never counted (see [`super::number`]
//! and [`super::time`]).

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::lexicon::{
    COMPARISONS, CONJUNCTIONS, COUNTED_PREPOSITIONS, COUNTED_SKIP, COUNTED_STOP, DEFINITE,
    DURATION_WINDOW, PART_OPENERS, UNIT_LINKS,
};
use super::number::{self, Form, Numeral, Numerals};
use super::scope;
use super::{Anchor, Claim, ClaimBody, DateRef, Interval, Quantity, Scope};
use crate::ingest::Source;
use crate::pack::{Bound, Dimension, Pack};
use crate::segment::Sentence;

/// Builds the matchers this stage takes from the pack, ahead of the first sentence.
pub(crate) fn warm_up(pack: &Pack) {
    let _ = pack.prepared(Matchers::new);
}

/// What the whole-source passes know of a sentence: its ASCII lowercase, and what one
/// search of the whole source says it may hold, so that the sentence's own searches for
/// what it cannot hold are skipped ([`crate::text::PhraseFilter`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hint<'a> {
    /// The sentence in ASCII lowercase, borrowed from the source's.
    lower: Option<&'a str>,
    /// A vague amount's phrase.
    vague: bool,
    /// A number word ([`number::scan_lowered`]).
    number_words: bool,
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
) -> Vec<Claim> {
    let m = pack.prepared(Matchers::new);
    let text = sentence.text(source);
    // `text` in ASCII lowercase: the caller's, when it has it
    let lower = crate::text::ascii_lower(text, hint.lower);
    let lower: &str = &lower;
    let base = sentence.span.start;
    let local_dates: Vec<scope::LocalDate<'_>> = dates
        .iter()
        .filter(|d| d.span.start >= base && d.span.end <= sentence.span.end)
        .map(|d| scope::LocalDate {
            span: d.span.start - base..d.span.end - base,
            date: d,
        })
        .collect();
    let figures = figures(text, lower, pack, &m, &local_dates, hint);
    if figures.is_empty() {
        return Vec::new();
    }
    let clauses = scope::clauses(text);
    let as_of = scope::reporting_date(text, &local_dates, &m.speech).or(anchor.date);
    let mut out: Vec<Claim> = Vec::new();
    let mut previous: Vec<Quantity> = Vec::new();
    for f in figures {
        let window = scope::window(&clauses, f.span.start);
        let part = is_part(lower, f.start_with_modifier);
        if let Some(against) = f.against {
            // A tally gives two claims: the votes for (the figure) and the votes against.
            for q in tally_claims(&f, against, pack, &m) {
                let q = with_scope(
                    q,
                    text,
                    base,
                    &local_dates,
                    &clauses,
                    &f,
                    as_of,
                    false,
                    pack,
                );
                out.push(claim(index, sentence, base, &f, f.end_with_unit, q));
            }
            continue;
        }
        let Some(mut q) = classify(text, lower, &f, &window, pack, &m) else {
            if part {
                if let Some(prev) = previous.last() {
                    // "killing 320 people, including 11 on Thursday": 11 counts the same thing.
                    let q = Quantity {
                        number: f.number,
                        value: f.value,
                        kind: prev.kind.clone(),
                        unit: prev.unit.clone(),
                        counted: prev.counted.clone(),
                        event: prev.event.clone(),
                        scope: Scope::default(),
                        modifier: f.modifier.clone(),
                        vague: f.vague,
                        part: true,
                    };
                    let q =
                        with_scope(q, text, base, &local_dates, &clauses, &f, as_of, true, pack);
                    out.push(claim(index, sentence, base, &f, f.span.end, q));
                    previous.push(out_quantity(&out));
                }
            }
            continue;
        };
        q.part = part;
        if (q.counted.is_none() || q.event.is_none())
            && compares(&lower[window.start..f.start_with_modifier])
        {
            // "$835m worth of products compared with $1.5bn": the second figure counts the
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
        let q = with_scope(q, text, base, &local_dates, &clauses, &f, as_of, part, pack);
        out.push(claim(index, sentence, base, &f, end, q));
        previous.push(out_quantity(&out));
    }
    out
}

/// A vote tally's two counts, the votes for (the figure) and against, in the kind whose
/// `[tally]` names their events, unit and what they count ([`crate::pack::Tally`]).
fn tally_claims(f: &Figure, against: f64, pack: &Pack, m: &Matchers) -> Vec<Quantity> {
    let Some((kind, t)) = m
        .tally
        .as_ref()
        .and_then(|(k, t)| Some((pack.kinds.get(*k)?, t)))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (event, x) in [(&t.for_event, f.number), (&t.against_event, Some(against))] {
        let Some(x) = x else { continue };
        out.push(Quantity {
            number: Some(x),
            value: Interval::exact(x),
            kind: kind.id.clone(),
            unit: t.unit.clone(),
            counted: Some(t.counted.clone()),
            event: Some(event.clone()),
            scope: Scope::default(),
            modifier: None,
            vague: false,
            part: false,
        });
    }
    out
}

fn out_quantity(out: &[Claim]) -> Quantity {
    match out.last().map(|c| &c.body) {
        Some(ClaimBody::Quantity(q)) => q.clone(),
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
        },
    }
}

fn claim(
    index: usize,
    sentence: &Sentence,
    base: usize,
    f: &Figure,
    end: usize,
    q: Quantity,
) -> Claim {
    Claim {
        sentence: index,
        sentence_span: sentence.span.clone(),
        span: base + f.start_with_modifier..base + end.max(f.span.end),
        body: ClaimBody::Quantity(q),
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
    base: usize,
    dates: &[scope::LocalDate<'_>],
    clauses: &[scope::Clause],
    f: &Figure,
    as_of: Option<jiff::civil::Date>,
    part: bool,
    pack: &Pack,
) -> Quantity {
    q.scope = Scope {
        time: scope::time_scope(text, base, dates, clauses, f.span.clone(), part),
        place: scope::place(text, dates, clauses, f.span.clone(), pack),
        as_of,
    };
    q
}

/// A number in context, before its kind is known.
#[derive(Debug, Clone)]
struct Figure {
    /// The number (or range, or vague phrase) itself.
    span: Range<usize>,
    /// Start including the modifier and the currency symbol.
    start_with_modifier: usize,
    /// End including the unit and any trailing modifier.
    end_with_unit: usize,
    number: Option<f64>,
    value: Interval,
    unit: Option<usize>,
    modifier: Option<String>,
    vague: bool,
    /// Written in words ("two").
    words: bool,
    /// Digits right after a capitalised word ("Apollo 11"): maybe a name.
    after_name: bool,
    /// For a vote tally ("passed 31-14", "by 31 votes to 14"): the votes against.
    against: Option<f64>,
}

/// Compiled matchers, built once per pack.
pub(crate) struct Matchers {
    numerals: Numerals,
    /// Event triggers; per pattern, the (kind index, event index) pairs it stands for.
    events: AhoCorasick,
    event_of: Vec<Vec<(usize, usize)>>,
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
    /// may belong to (those listing a plain count unit, [`is_plain_count`]).
    kinds_of_unit: Vec<Vec<usize>>,
    unitless_kinds: Vec<usize>,
    /// The kind of plain counts of named things ([`crate::pack::Kind::generic`]).
    generic: Option<usize>,
    /// The kind that reads vote tallies, and its tally ([`crate::pack::Kind::tally`]).
    tally: Option<(usize, crate::pack::Tally)>,
    /// Nouns naming a running total before its figure ("toll"), of every kind.
    totals: Vec<String>,
}

/// A count unit written without a suffix ("items", not "times"): a figure with no unit
/// may count it.
fn is_plain_count(pack: &Pack, id: &str) -> bool {
    pack.unit(id)
        .is_some_and(|u| u.dimension == Dimension::Count && u.suffixes.is_empty())
}

/// A unit that counts people ([`crate::pack::Unit::counts_people`]).
fn counts_people(pack: &Pack, id: &str) -> bool {
    pack.unit(id).is_some_and(|u| u.counts_people)
}

impl Matchers {
    fn new(pack: &Pack) -> Matchers {
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
        let mut event_of: Vec<Vec<(usize, usize)>> = Vec::new();
        for (ki, k) in pack.kinds.iter().enumerate() {
            for (ei, e) in k.events.iter().enumerate() {
                for t in &e.triggers {
                    match trig.iter().position(|x| x == t) {
                        Some(p) => event_of[p].push((ki, ei)),
                        None => {
                            trig.push(t.clone());
                            event_of.push(vec![(ki, ei)]);
                        }
                    }
                }
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
        let unitless_kinds = kinds_where(&|k| k.units.iter().any(|id| is_plain_count(pack, id)));
        Matchers {
            kinds_of_unit,
            unitless_kinds,
            generic: pack.kinds.iter().position(|k| k.generic),
            tally: pack
                .kinds
                .iter()
                .enumerate()
                .find_map(|(i, k)| Some((i, k.tally.clone()?))),
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

/// Whether `start..end` of `text` is a whole word (or words).
fn is_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Every figure of the sentence: numbers and ranges with unit and modifier, and vague amounts.
fn figures(
    text: &str,
    lower: &str,
    pack: &Pack,
    m: &Matchers,
    dates: &[scope::LocalDate<'_>],
    hint: Hint<'_>,
) -> Vec<Figure> {
    let overlaps_date = |r: &Range<usize>| {
        dates
            .iter()
            .any(|d| d.span.start < r.end && r.start < d.span.end)
    };
    let nums: Vec<Numeral> = number::scan_lowered(text, lower, &m.numerals, hint.number_words)
        .into_iter()
        .filter(|n| !overlaps_date(&n.span))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < nums.len() {
        let mut a = nums[i].clone();
        // Ranges: "150-170", "150 to 170", "between 150 and 170", "two or three".
        let mut hi: Option<Numeral> = None;
        if let Some(b) = nums.get(i + 1) {
            let gap = lower[a.span.end..b.span.start].trim_matches(' ');
            let against = m
                .tally
                .as_ref()
                .and_then(|(_, t)| tally(lower, &a, b, gap, t));
            if let Some(against) = against {
                // "passed 31-14", "by a vote of 31 to 14", "by 31 votes to 14".
                if let Some(mut f) = figure(text, lower, pack, m, &a, None) {
                    f.against = Some(against);
                    f.end_with_unit = f.end_with_unit.max(b.span.end);
                    out.push(f);
                }
                i += 2;
                continue;
            }
            let between = lower[..a.span.start]
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .ends_with("between");
            let joined = matches!(gap, "-" | "–" | "—" | "to")
                || (gap == "and" && between)
                || (gap == "or" && a.form == Form::Words);
            let gap_currency = m
                .prefixes
                .iter()
                .find(|(p, _, _)| gap.ends_with(&p.to_ascii_lowercase()) && gap.len() > p.len());
            if (joined
                || gap_currency.is_some_and(|(p, _, _)| {
                    let g = gap[..gap.len() - p.len()].trim();
                    matches!(g, "-" | "–" | "to" | "and")
                }))
                && !a.year_like
                && !b.year_like
            {
                let mut b = b.clone();
                if a.factor == 1.0 && b.factor > 1.0 {
                    a.value *= b.factor;
                }
                if b.short.is_some() && a.short.is_none() {
                    // "$1-2bn": the suffix belongs to both.
                    b.short = None;
                }
                if b.value > a.value {
                    hi = Some(b);
                    i += 1;
                } else if matches!(gap, "-" | "–") {
                    // "won 3-2": a score, not a range and not two counts.
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
        if let Some(f) = figure(text, lower, pack, m, &a, hi.as_ref()) {
            out.push(f);
        }
    }
    // Vague amounts: "hundreds of", "scores", "several thousand".
    let vague = hint.vague.then(|| m.vague.find_iter(lower));
    for v in vague.into_iter().flatten() {
        let (s, e) = (v.start(), v.end());
        if !is_word(lower, s, e) || out.iter().any(|f| f.span.start < e && s < f.span.end) {
            continue;
        }
        let Some(vq) = pack.vague.get(v.pattern().as_usize()) else {
            continue;
        };
        let mut min = vq.min;
        let mut max = vq.max;
        let mut end = e;
        // "several hundred", "a few thousand".
        let next: String = lower[e..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if let Some((f, false)) = m.numerals.multiplier(&next) {
            if next.len() >= 3 {
                min *= f;
                max = max.map(|x| x * f);
                end = e + (lower[e..].len() - lower[e..].trim_start().len()) + next.len();
            }
        }
        let modifier = modifier_before(lower, s, m);
        let start = modifier.as_ref().map_or(s, |(st, _, _)| *st);
        out.push(Figure {
            span: s..end,
            start_with_modifier: start,
            end_with_unit: end,
            number: None,
            value: Interval::closed(Some(min), max),
            unit: None,
            modifier: modifier.map(|(_, p, _)| p),
            vague: true,
            words: true,
            after_name: false,
            against: None,
        });
    }
    out.sort_by_key(|f| f.span.start);
    out
}

/// One number (or range) with its currency, unit and modifiers.
fn figure(
    text: &str,
    lower: &str,
    pack: &Pack,
    m: &Matchers,
    a: &Numeral,
    hi: Option<&Numeral>,
) -> Option<Figure> {
    let start = a.span.start;
    let last = hi.unwrap_or(a);
    let value = a.value;
    let hi_value = hi.map(|h| h.value);
    let end = last.span.end;
    // Unit written before: "$", "US$", "Rs", "€", "magnitude".
    let mut unit = None;
    let mut prefix_start = start;
    let head = text[..start].trim_end_matches([' ', '\u{a0}']);
    // "a magnitude-7.1 quake": a word prefix joined by a hyphen.
    let word_head = head.strip_suffix('-').unwrap_or(head);
    for (p, u, word) in &m.prefixes {
        if *word && word_head.len() != head.len() {
            let h = word_head;
            if h.len() >= p.len()
                && h.is_char_boundary(h.len() - p.len())
                && h[h.len() - p.len()..].eq_ignore_ascii_case(p)
                && is_word(text, h.len() - p.len(), h.len())
            {
                unit = Some(*u);
                prefix_start = h.len() - p.len();
                break;
            }
        }
        let ok = if *word {
            head.len() >= p.len()
                && head.is_char_boundary(head.len() - p.len())
                && head[head.len() - p.len()..].eq_ignore_ascii_case(p)
                && is_word(text, head.len() - p.len(), head.len())
        } else {
            head.ends_with(p.as_str())
        };
        if ok {
            // A word prefix needs a space ("magnitude 7"), a symbol may be glued ("$5").
            unit = Some(*u);
            prefix_start = head.len() - p.len();
            break;
        }
    }
    if unit.is_none() && a.form == Form::Digits {
        // "its magnitude at 7.1", "a magnitude of 6.8": a unit word a few linking words back.
        let words: Vec<&str> = lower[..start].split(' ').rev().skip(1).take(4).collect();
        for (k, w) in words.iter().enumerate() {
            if let Some((_, u, _)) = m
                .prefixes
                .iter()
                .find(|(p, _, word)| *word && p.eq_ignore_ascii_case(w))
            {
                if words[..k].iter().all(|x| UNIT_LINKS.contains(x)) && k > 0 {
                    unit = Some(*u);
                }
                break;
            }
        }
    }
    let currency = unit.is_some_and(|u| {
        pack.units
            .get(u)
            .is_some_and(|x| x.dimension == Dimension::Currency)
    });
    // A one-letter magnitude ("835m") only counts after a currency symbol; elsewhere the
    // letter makes a code or a unit we cannot tell ("221B", "a 35m wall").
    // British style writes "2.3m people" and "3m doses": a plural or counted noun after it
    // makes the suffix a magnitude too.
    if !currency && (last.short.is_some() || a.short.is_some()) && !plural_noun_next(lower, end, m)
    {
        return None;
    }
    // "Windows 10", "Route 66", "Apollo 11": digits after a capitalised word (not the
    // first of the sentence) are part of a name, unless a unit or a counted noun follows
    // ("visited Russia 6 times", checked in `classify`).
    let mut after_name = false;
    if unit.is_none() && a.form == Form::Digits {
        let head = &text[..start];
        let trimmed = head.trim_end_matches(' ');
        if trimmed.len() + 1 == head.len() {
            let word: &str = trimmed
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let word_start = trimmed.len() - word.len();
            let initial = text[..word_start].trim().is_empty();
            if !initial
                && word.chars().next().is_some_and(char::is_uppercase)
                && modifier_before(lower, start, m).is_none()
            {
                after_name = true;
            }
        }
    }
    // Unit written after: "%", "per cent", "km", "yuan", "times", "votes".
    let mut end_with_unit = end;
    if a.form == Form::Fraction {
        unit = pack
            .units
            .iter()
            .position(|u| u.dimension == Dimension::Percent);
    } else {
        let rest = &lower[end..];
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        let gap = rest.len() - trimmed.len();
        if gap <= 1 {
            for (s, u) in &m.suffixes {
                if trimmed.starts_with(s.as_str()) {
                    let e = end + gap + s.len();
                    let alpha_end = s.chars().last().is_some_and(char::is_alphanumeric);
                    if alpha_end && lower[e..].chars().next().is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                    if gap == 0 && s.chars().next().is_some_and(char::is_alphabetic) && s.len() > 3
                    {
                        continue;
                    }
                    // A currency word after a currency symbol is the same unit ("$5 US dollars").
                    if unit.is_none() || unit == Some(*u) {
                        unit = Some(*u);
                        end_with_unit = e;
                    }
                    break;
                }
            }
        }
    }
    // "a 12-year-old", "a 10-day curfew": a compound adjective, not a count.
    if end_with_unit == end
        && lower[end..].starts_with('-')
        && lower[end + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return None;
    }
    let unit_dim = unit.and_then(|u| pack.units.get(u)).map(|u| u.dimension);
    // "the first 10 minutes", "the past three years": a time window, not a claim.
    if unit_dim == Some(Dimension::Duration) {
        let before = lower[..prefix_start].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        if DURATION_WINDOW.contains(&prev) {
            return None;
        }
    }
    // Modifiers.
    let mut modifier = None;
    let interval_of = |x: f64, b: Bound| match b {
        Bound::AtLeast => Interval::closed(Some(x), None),
        Bound::MoreThan => Interval {
            min: Some(x),
            max: None,
            min_inclusive: false,
            max_inclusive: true,
        },
        Bound::AtMost => Interval::closed(Some(0.0), Some(x)),
        Bound::LessThan => Interval {
            min: Some(0.0),
            max: Some(x),
            min_inclusive: true,
            max_inclusive: false,
        },
        Bound::Almost => Interval {
            min: Some(x * (1.0 - pack.approximation.below)),
            max: Some(x),
            min_inclusive: true,
            max_inclusive: false,
        },
        Bound::About => Interval::closed(
            Some(x * (1.0 - pack.approximation.around)),
            Some(x * (1.0 + pack.approximation.around)),
        ),
    };
    let mut interval = match hi_value {
        Some(h) => Interval::closed(Some(value), Some(h)),
        None => Interval::exact(value),
    };
    let mut start_with_modifier = prefix_start;
    if let Some((s, phrase, bound)) = modifier_before(lower, prefix_start, m) {
        if hi_value.is_none() {
            interval = interval_of(value, bound);
        }
        start_with_modifier = s;
        modifier = Some(phrase);
    }
    let rest = &lower[end_with_unit..];
    for (p, b) in &m.after {
        let r = rest.trim_start_matches([' ', '-']);
        if r.starts_with(p.as_str())
            && (rest.len() - r.len() <= 1)
            && (!p.chars().all(char::is_alphabetic)
                || is_word(
                    lower,
                    end_with_unit + rest.len() - r.len(),
                    end_with_unit + rest.len() - r.len() + p.len(),
                ))
        {
            if hi_value.is_none() {
                interval = interval_of(value, *b);
            }
            end_with_unit += rest.len() - r.len() + p.len();
            modifier = Some(p.clone());
            break;
        }
    }
    let number = if hi_value.is_some() {
        None
    } else {
        Some(tidy(value))
    };
    interval.min = interval.min.map(tidy);
    interval.max = interval.max.map(tidy);
    Some(Figure {
        span: start..end,
        start_with_modifier,
        end_with_unit,
        number,
        value: interval,
        unit,
        modifier,
        vague: false,
        words: a.form == Form::Words,
        after_name,
        against: None,
    })
}

/// The votes against when `a`, `gap`, `b` is a vote tally: "passed 31-14", "approved the plan
/// 9-4", "by a vote of 31 to 14", "by 31 votes to 14". The larger count comes first; the
/// tally's `cues` before the figures or a `between` word joining them (longest first) say
/// it is a tally, not a score or a range.
fn tally(lower: &str, a: &Numeral, b: &Numeral, gap: &str, t: &crate::pack::Tally) -> Option<f64> {
    if a.year_like || b.year_like || a.form != Form::Digits || b.form != Form::Digits {
        return None;
    }
    let voted = t.between.iter().any(|w| gap.starts_with(w.as_str()));
    let gap = t
        .between
        .iter()
        .fold(gap, |g, w| g.trim_start_matches(w.as_str()))
        .trim();
    if !matches!(gap, "-" | "–" | "to") || b.value > a.value || a.value.fract() != 0.0 {
        return None;
    }
    let context = voted
        || lower[..a.span.start]
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .rev()
            .take(4)
            .any(|w| t.cues.iter().any(|c| c == w));
    context.then_some(b.value)
}

/// Whether the word after `at` is a counted noun of the pack or looks like a plural noun.
fn plural_noun_next(lower: &str, at: usize, m: &Matchers) -> bool {
    let rest = &lower[at..];
    let trimmed = rest.trim_start_matches(' ');
    if rest.len() - trimmed.len() != 1 {
        return false;
    }
    let word: &str = trimmed
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if word.len() < 3 {
        return false;
    }
    let in_pack = m
        .counted
        .find(word)
        .is_some_and(|h| h.start() == 0 && h.end() == word.len());
    in_pack || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))
}

/// The modifier phrase ending just before `at`: its start, phrase and bound.
fn modifier_before(lower: &str, at: usize, m: &Matchers) -> Option<(usize, String, Bound)> {
    let head = lower[..at].trim_end();
    for (p, b) in &m.before {
        if head.ends_with(p.as_str()) {
            let s = head.len() - p.len();
            if is_word(lower, s, head.len()) || !p.chars().all(|c| c.is_alphabetic() || c == ' ') {
                return Some((s, p.clone(), *b));
            }
        }
    }
    None
}

/// "compared with $1.5bn", "against 12%": the figure is set against an earlier one.
fn compares(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
    words
        .iter()
        .any(|w| COMPARISONS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// Rounds float noise away (`220.00000000000003` → 220) to 12 significant digits.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    if !(-300..=300).contains(&digits) {
        return x;
    }
    let p = 10f64.powi(digits);
    let r = (x * p).round() / p;
    if r.is_finite() {
        r
    } else {
        x
    }
}

/// "142 of 255 seats", "9 of the 12 members": the figure after "of" is the whole, not a claim.
fn is_total(lower: &str, start: usize) -> bool {
    let head = lower[..start].trim_end();
    let head = head.strip_suffix(" the").unwrap_or(head);
    let Some(head) = head.strip_suffix(" of") else {
        return false;
    };
    head.trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ','))
}

/// "including 11", "among them 3", "of whom 12": the figure is part of a larger one.
fn is_part(lower: &str, start: usize) -> bool {
    let head = lower[..start].trim_end();
    PART_OPENERS.iter().any(|p| head.ends_with(p))
}

/// Kind, event, counted and unit of a figure, from the words of its own clause.
fn classify(
    text: &str,
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    pack: &Pack,
    m: &Matchers,
) -> Option<Quantity> {
    let unit = f.unit.and_then(|u| pack.units.get(u));
    let dim = unit.map(|u| u.dimension);
    if is_total(lower, f.start_with_modifier) {
        return None;
    }
    // Kinds this figure may belong to, by its unit.
    let allowed: &[usize] = match f.unit.and_then(|u| m.kinds_of_unit.get(u)) {
        Some(kinds) => kinds,
        None => &m.unitless_kinds,
    };
    if allowed.is_empty() {
        return None;
    }
    // The nearest event trigger in the clause, among the allowed kinds.
    let mut best = nearest_event(lower, f, window, allowed, m, 60, false);
    let counted = counted_after(text, lower, f, window, m);
    // "The number of people killed by the storm has risen to 2,300", "put the toll at 1,650":
    // with nothing counted after it, a figure takes what its clause counts before it.
    let lead = lower.get(window.start..f.start_with_modifier).unwrap_or("");
    let mut counted_lead = None;
    if unit.is_none() && counted.is_none() {
        if let Some(at) = lead.find("number of ") {
            let after = window.start + at + "number of ".len();
            counted_lead = m
                .counted
                .find(&lower[after..f.start_with_modifier])
                .filter(|h| h.start() == 0)
                .map(|h| lower[after..after + h.end()].to_owned());
        }
        let total = m.totals.iter().any(|t| lead.contains(t.as_str()));
        if best.is_none() && (counted_lead.is_some() || total) {
            best = nearest_event(lower, f, window, allowed, m, usize::MAX, true);
        }
    }
    let counted = counted.or(counted_lead.map(|c| (c, true)));
    if f.after_name && unit.is_none() && counted.is_none() {
        return None;
    }
    let counted_left = || counted_before(lower, f, window, m);
    let (kind_idx, event) = match (best, dim) {
        (Some((_, k, e)), _) => (k, pack.kinds.get(k).and_then(|k| k.events.get(e))),
        (None, Some(Dimension::Count)) if unit.is_some_and(|u| !u.suffixes.is_empty()) => {
            // "2.3 million votes", "142 seats": the unit names the kind.
            (*allowed.first()?, None)
        }
        (None, Some(Dimension::Count)) | (None, None) => {
            // No event: a plain count of a named thing ("thousands of soldiers").
            let generic = m.generic.filter(|k| allowed.contains(k))?;
            // "several countries", "a few officials": too vague to be a claim without an event.
            if f.vague && f.value.max.is_some_and(|x| x < 24.0) {
                return None;
            }
            let by_pack = counted.as_ref().is_some_and(|c| c.1);
            let plural = counted.is_some() && !f.vague;
            if unit.is_none() && !(by_pack || plural) {
                return None;
            }
            // "the two countries": a definite reference, not a claim.
            let head = lower[..f.start_with_modifier].trim_end();
            let last_word = head.rsplit(' ').next().unwrap_or("");
            if unit.is_none() && f.words && DEFINITE.contains(&last_word) {
                return None;
            }
            (generic, None)
        }
        (None, _) => (*allowed.first()?, None),
    };
    let kind = pack.kinds.get(kind_idx)?;
    let unit_id = match unit {
        Some(u) => u.id.clone(),
        // "won 142 of 255 seats": the counted noun is a unit of the kind.
        None if counted
            .as_ref()
            .is_some_and(|(c, _)| !counts_people(pack, c) && kind.units.contains(c)) =>
        {
            counted.as_ref().map(|(c, _)| c.clone()).unwrap_or_default()
        }
        None => {
            let people = counted.as_ref().is_some_and(|(c, _)| is_people(pack, c));
            let people_unit = kind.units.iter().find(|u| counts_people(pack, u));
            match people_unit {
                // "12 people were killed"; in the generic kind, "1,200 soldiers" but not
                // "40 schools".
                Some(u) if !kind.generic || people || counted.is_none() => u.clone(),
                // The plain count unit ("items"), not one written as a word ("times").
                _ => kind
                    .units
                    .iter()
                    .find(|u| !counts_people(pack, u) && is_plain_count(pack, u))
                    .or(kind.units.first())
                    .cloned()
                    .unwrap_or_default(),
            }
        }
    };
    // "its magnitude at 7.1": a unit word is not also what is counted.
    let counted = counted
        .map(|(c, _)| c)
        .or_else(|| if unit.is_some() { counted_left() } else { None })
        .filter(|c| unit.map_or(true, |u| *c != u.id));
    Some(Quantity {
        number: f.number,
        value: f.value,
        kind: kind.id.clone(),
        unit: unit_id,
        counted,
        event: event.map(|e| e.id.clone()),
        scope: Scope::default(),
        modifier: f.modifier.clone(),
        vague: f.vague,
        part: false,
    })
}

/// The nearest event trigger to `f` in its clause among the `allowed` kinds, within `max`
/// bytes (only before the figure when `left_only`): (distance, kind, event).
fn nearest_event(
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    allowed: &[usize],
    m: &Matchers,
    max: usize,
    left_only: bool,
) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for hit in m.events.find_iter(&lower[window.clone()]) {
        let (s, e) = (window.start + hit.start(), window.start + hit.end());
        if !is_word(lower, s, e) || (s < f.end_with_unit && f.start_with_modifier < e) {
            continue;
        }
        if left_only && e > f.start_with_modifier {
            continue;
        }
        let dist = if e <= f.start_with_modifier {
            f.start_with_modifier - e + 1
        } else {
            s.saturating_sub(f.end_with_unit)
        };
        if dist > max {
            continue;
        }
        // "40 went missing and 3 were rescued": an event across a conjunction belongs to
        // the other figure; prefer one on this side.
        let gap = if e <= f.start_with_modifier {
            &lower[e..f.start_with_modifier]
        } else {
            &lower[f.end_with_unit..s]
        };
        let dist = if CONJUNCTIONS.iter().any(|c| gap.contains(c)) {
            dist + 100
        } else {
            dist
        };
        let Some(pairs) = m.event_of.get(hit.pattern().as_usize()) else {
            continue;
        };
        for &(k, ev) in pairs {
            if allowed.contains(&k) && best.map_or(true, |b| dist < b.0) {
                best = Some((dist, k, ev));
            }
        }
    }
    best
}

/// Whether the head of `counted` names people: a counted noun of a kind whose counted
/// nouns all do ([`crate::pack::Kind::counted_are_people`]).
fn is_people(pack: &Pack, counted: &str) -> bool {
    let head = counted.rsplit(' ').next().unwrap_or(counted);
    pack.kinds
        .iter()
        .filter(|k| k.counted_are_people)
        .any(|k| k.counted.iter().any(|c| c == head))
}

/// What the figure counts, written after it: ("civilian protesters", found in the pack).
fn counted_after(
    text: &str,
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    m: &Matchers,
) -> Option<(String, bool)> {
    let from = f.end_with_unit;
    let mut limit = window.end.min(from + 60);
    while limit > from && !lower.is_char_boundary(limit) {
        limit -= 1;
    }
    if from >= limit {
        return None;
    }
    let region = lower.get(from..limit)?;
    // Words after the figure, up to a stop word.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut after_of = false;
    for w in region.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
        // `w` is a slice of `region`: its offset is the pointer difference (separators may
        // be wider than one byte).
        let s = w.as_ptr() as usize - region.as_ptr() as usize;
        if w.is_empty() {
            continue;
        }
        if words.is_empty() && COUNTED_SKIP.contains(&w) {
            after_of |= w == "of";
            continue;
        }
        if words.is_empty() && (w.ends_with("'s") || w.ends_with("’s")) {
            // "14% of Chad's weapons imports": the owner is not what is counted.
            continue;
        }
        if words.is_empty()
            && after_of
            && f.unit.is_none()
            && w.chars().all(|c| c.is_ascii_digit() || c == ',')
        {
            // "142 of 255 seats": the figure counts what its total counts.
            continue;
        }
        if COUNTED_STOP.contains(&w)
            || (!words.is_empty() && COUNTED_PREPOSITIONS.contains(&w))
            || w.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        words.push((from + s, from + s + w.len()));
        if words.len() >= 4 {
            break;
        }
        // Stop at punctuation.
        if region
            .get((s + w.len()).min(region.len())..)
            .unwrap_or("")
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric() && c != ' ' && c != '-')
        {
            break;
        }
    }
    let first = words.first()?.0;
    let span_end = words.last()?.1;
    // The first pack noun, run on through pack nouns right after it: "aid workers", not
    // "aid"; "families", not "families lost their homes".
    let mut head: Option<usize> = None;
    for hit in m.counted.find_iter(lower.get(first..span_end)?) {
        let (s, e) = (first + hit.start(), first + hit.end());
        if !is_word(lower, s, e) {
            continue;
        }
        match head {
            None => head = Some(e),
            Some(h) if s == h + 1 => head = Some(e),
            Some(_) => break,
        }
    }
    if let Some(e) = head {
        return Some((text[first..e].to_lowercase(), true));
    }
    // No pack noun: the first or second word when it looks like a plural noun ("400
    // tents", "40 new hospitals").
    if !(f.unit.is_none() || after_of) {
        return None;
    }
    for &(s, e) in words.iter().take(2) {
        let w = &lower[s..e];
        if !text[s..e].chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        if w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && !w.ends_with("is")
            && !w.ends_with("us")
        {
            return Some((lower[first..e].to_owned(), false));
        }
    }
    None
}

/// What a money or percent figure counts, written before it ("a budget of $5bn").
fn counted_before(lower: &str, f: &Figure, window: &Range<usize>, m: &Matchers) -> Option<String> {
    let mut start = window.start.max(f.start_with_modifier.saturating_sub(40));
    while !lower.is_char_boundary(start) {
        start += 1;
    }
    let region = lower.get(start..f.start_with_modifier)?;
    let mut last = None;
    for hit in m.counted.find_iter(region) {
        let (s, e) = (start + hit.start(), start + hit.end());
        if is_word(lower, s, e) {
            last = Some(lower[s..e].to_owned());
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_in(pack: &Pack, text: &str) -> Vec<Quantity> {
        let source = Source::from_text("t", "t.txt", text, pack);
        let sentences = crate::segment(&source, pack);
        let ex = crate::extract(&source, &sentences, pack);
        ex.claims
            .into_iter()
            .filter_map(|c| match c.body {
                ClaimBody::Quantity(q) => Some(q),
                ClaimBody::Statement(_) => None,
            })
            .collect()
    }

    fn show(text: &str) -> String {
        show_in(&Pack::default_pack(), text)
    }

    /// The default pack with each `(file, from, to)` replacement made in its file under
    /// `claims/`, loaded from a temporary pack directory.
    fn pack_with(edits: &[(&str, &str, &str)]) -> Pack {
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

    fn show_in(pack: &Pack, text: &str) -> String {
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
        6.9 [6.9, 6.9] magnitude measures/magnitude/people @Day:on Monday
        12 [12, 12] people counts/deployed/bodies @Day:on Monday
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
    fn arrests_not_casualties() {
        insta::assert_snapshot!(
            show("Nearly 1,200 people have been detained, charged or jailed."),
            @"1200 [1080, 1200) people arrests/arrested/people"
        );
    }

    #[test]
    fn money_with_magnitude_suffixes() {
        insta::assert_snapshot!(
            show("The firm sold $420m worth of parts, against $2.5bn from its rival."),
            @r"
        420000000 [420000000, 420000000] USD money/supplied/parts
        2500000000 [2500000000, 2500000000] USD money/supplied/parts
        "
        );
    }

    #[test]
    fn currencies_in_words_and_codes() {
        insta::assert_snapshot!(
            show("The state budget of Rs 10 crore includes 2.3 trillion yuan and €40 million in aid, plus US$7 billion."),
            @r"
        100000000 [100000000, 100000000] INR money/spent/budget
        2300000000000 [2300000000000, 2300000000000] CNY money/spent/budget
        40000000 [40000000, 40000000] EUR money/pledged/aid
        7000000000 [7000000000, 7000000000] USD money/-/-
        "
        );
    }

    #[test]
    fn percentages_in_every_form() {
        insta::assert_snapshot!(
            show("Turnout was 16 per cent, up from 12%, and a fifth of voters backed it, while 20 percent abstained."),
            @r"
        16 [16, 16] percent shares/turnout/turnout
        12 [12, 12] percent shares/changed/turnout
        20 [20, 20] percent shares/-/voters
        20 [20, 20] percent shares/-/voters
        "
        );
    }

    #[test]
    fn percent_of_what() {
        insta::assert_snapshot!(
            show("The country supplied at least 30% of weapons imported by the army."),
            @"30 [30, -] percent shares/supplied/weapons"
        );
    }

    #[test]
    fn ranges_in_every_form() {
        insta::assert_snapshot!(
            show("Between 150 and 170 people were injured, 40-60 people went missing and 3 to 5 miners were rescued."),
            @r"
        - [150, 170] people casualties/injured/people
        - [40, 60] people casualties/missing/people
        - [3, 5] people casualties/rescued/miners
        "
        );
    }

    #[test]
    fn modifiers_make_intervals() {
        insta::assert_snapshot!(
            show("More than 70 people were killed. Up to 90 people were injured. About 200 people were arrested. Fewer than 10 people were rescued."),
            @r"
        70 (70, -] people casualties/killed/people
        90 [0, 90] people casualties/injured/people
        200 [180, 220] people arrests/arrested/people
        10 [0, 10) people casualties/rescued/people
        "
        );
    }

    #[test]
    fn a_figure_going_past_a_mark_is_an_open_bound_but_a_passed_budget_is_exact() {
        insta::assert_snapshot!(
            show("The death toll topped 3,000 people. The council passes $4.2 billion budget."),
            @r"
        3000 (3000, -] people casualties/killed/people
        4200000000 [4200000000, 4200000000] USD money/spent/budget
        "
        );
    }

    #[test]
    fn vague_amounts_get_ranges() {
        insta::assert_snapshot!(
            show("Police detained dozens of students, and tens of thousands of residents were evacuated."),
            @r"
        - [24, 199] people arrests/arrested/students
        - [20000, 199999] people casualties/rescued/residents
        "
        );
    }

    #[test]
    fn number_words_counted_with_events() {
        insta::assert_snapshot!(
            show("The envoy has visited Chile six times, and twenty-one aid workers were injured."),
            @r"
        6 [6, 6] times counts/visited/-
        21 [21, 21] people casualties/injured/aid workers
        "
        );
    }

    #[test]
    fn measures_with_units() {
        insta::assert_snapshot!(
            show("A magnitude 6.4 quake struck at a depth of 10 km, some 12 miles from the town, and 4,000 tents were delivered."),
            @r"
        6.4 [6.4, 6.4] magnitude measures/magnitude/-
        10 [10, 10] km measures/depth/depth
        12 [10.8, 13.2] miles measures/distance/-
        4000 [4000, 4000] items counts/supplied/tents
        "
        );
    }

    #[test]
    fn years_dates_ordinals_and_codes_are_not_quantities() {
        assert_eq!(
            show("On its 50th anniversary, a 2019 survey of the 2010-2015 period, held on Jan. 4 during the COVID-19 crisis, filled the first 15 minutes of the show."),
            ""
        );
    }

    #[test]
    fn plain_counts_of_named_things() {
        insta::assert_snapshot!(
            show("The city will build 40 new schools, and the 1,200 staff of the agency kept their jobs."),
            @r"
        40 [40, 40] items counts/-/new schools
        1200 [1200, 1200] items counts/-/staff
        "
        );
    }

    #[test]
    fn scores_names_and_codes_are_not_counts() {
        assert_eq!(
            show("The hosts won 3-2 after the Apollo 11 launch was shown, and she lives at 221B Elm Road."),
            ""
        );
    }

    #[test]
    fn counted_phrase_stops_at_the_verb() {
        insta::assert_snapshot!(
            show("Around 500 families lost their homes in the fire."),
            @"500 [450, 550] items counts/-/families"
        );
    }

    #[test]
    fn short_magnitude_before_a_plural_noun() {
        insta::assert_snapshot!(
            show("Floods displaced 2.3m people and the 35m tower fell, but prices rose 4pc."),
            @r"
        2300000 [2300000, 2300000] people casualties/rescued/people
        4 [4, 4] percent shares/changed/-
        "
        );
    }

    #[test]
    fn compound_adjectives_are_not_counts() {
        assert_eq!(show("A 9-year-old girl saw a 10-day festival."), "");
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
    fn a_number_with_no_kind_is_not_a_claim() {
        assert_eq!(show("He said it was one of the two best ideas."), "");
    }

    #[test]
    fn figure_without_currency_keeps_short_suffix_out() {
        insta::assert_snapshot!(show("The 35m tower cost $3m."), @"3000000 [3000000, 3000000] USD money/lost/-");
    }

    #[test]
    fn a_toll_counted_before_its_figure() {
        insta::assert_snapshot!(
            show("The number of people killed by Sunday's floods in the north has climbed to 640, the ministry said."),
            @"640 [640, 640] people casualties/killed/people"
        );
        insta::assert_snapshot!(
            show("The ministry put the death toll from the floods at 640 on Friday."),
            @"640 [640, 640] people casualties/killed/- @Day:on Friday"
        );
        insta::assert_snapshot!(show("Flood toll passes 700"), @"700 [700, 700] people casualties/killed/-");
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
    fn vote_tallies_give_the_votes_for_and_against() {
        insta::assert_snapshot!(show("The assembly passed the bill 52-17 on Monday."), @"
        52 [52, 52] votes votes/passed/votes @Day:on Monday
        17 [17, 17] votes votes/against/votes @Day:on Monday
        ");
        insta::assert_snapshot!(show("It was adopted by a vote of 52 to 17."), @"
        52 [52, 52] votes votes/passed/votes
        17 [17, 17] votes votes/against/votes
        ");
        insta::assert_snapshot!(show("The board approved it by 7 votes to 2."), @"
        7 [7, 7] votes votes/passed/votes
        2 [2, 2] votes votes/against/votes
        ");
        insta::assert_snapshot!(show("Seventeen deputies voted no."), @"17 [17, 17] people votes/against/deputies");
        insta::assert_snapshot!(show("The home side won 3-1 on Saturday."), @"");
    }

    #[test]
    fn seats_and_votes_won() {
        insta::assert_snapshot!(show("The Green League won 88 of 200 seats in the vote."), @"88 [88, 88] seats votes/won/seats");
        insta::assert_snapshot!(show("Greens win 88 seats"), @"88 [88, 88] seats votes/won/-");
        insta::assert_snapshot!(show("The party took 31% of the vote, or 1.2 million votes."), @"
        31 [31, 31] percent shares/won/vote
        1200000 [1200000, 1200000] votes votes/won/-
        ");
    }

    #[test]
    fn shares_that_change_and_turnout() {
        insta::assert_snapshot!(show("The school budget rose by 4 per cent."), @"4 [4, 4] percent shares/changed/budget");
        insta::assert_snapshot!(show("Turnout was 55.3% on polling day."), @"55.3 [55.3, 55.3] percent shares/turnout/turnout");
        insta::assert_snapshot!(show("Turnout reached 55.3%, officials said."), @"55.3 [55.3, 55.3] percent shares/turnout/turnout");
        insta::assert_snapshot!(show("Observers reported 52% turnout."), @"52 [52, 52] percent shares/turnout/turnout");
    }

    #[test]
    fn magnitude_written_around_the_figure() {
        insta::assert_snapshot!(show("A magnitude-6.2 quake shook the coast."), @"6.2 [6.2, 6.2] magnitude measures/magnitude/-");
        insta::assert_snapshot!(show("The survey put its magnitude at 6.2."), @"6.2 [6.2, 6.2] magnitude measures/magnitude/-");
        insta::assert_snapshot!(show("A magnitude 6.2 earthquake struck."), @"6.2 [6.2, 6.2] magnitude measures/magnitude/-");
    }

    #[test]
    fn money_range_over_a_line_break() {
        insta::assert_snapshot!(
            show("The plan would save $40\nmillion to $55 million a year."),
            @"- [40000000, 55000000] USD money/-/-"
        );
    }

    #[test]
    fn an_owner_before_the_counted_noun_is_skipped() {
        insta::assert_snapshot!(
            show("Norway supplied 12% of Peru's arms imports in 2019."),
            @"12 [12, 12] percent shares/supplied/arms imports @Period:in 2019"
        );
    }

    /// `text` gives `default` with the default pack and `edited` with the pack `edits` make.
    fn flag_decides(text: &str, default: &str, edits: &[(&str, &str, &str)], edited: &str) {
        assert_eq!(show(text), default, "default pack");
        assert_eq!(
            show_in(&pack_with(edits), text),
            edited,
            "edited: {edits:?}"
        );
    }

    #[test]
    fn the_generic_kind_takes_plain_counts_of_named_things() {
        flag_decides(
            "The city will build 40 new schools.",
            "40 [40, 40] items counts/-/new schools",
            &[("kinds/counts.toml", "generic = true", "generic = false")],
            "",
        );
    }

    #[test]
    fn people_nouns_count_in_the_unit_that_counts_people() {
        let text = "The army sent 1,200 soldiers.";
        let people = "1200 [1200, 1200] people counts/deployed/soldiers";
        let items = "1200 [1200, 1200] items counts/deployed/soldiers";
        // no unit counts people
        flag_decides(
            text,
            people,
            &[("units.toml", "counts_people = true", "")],
            items,
        );
        // no kind's counted nouns name people
        let edits = [
            ("kinds/casualties.toml", "counted_are_people = true", ""),
            ("kinds/arrests.toml", "counted_are_people = true", ""),
        ];
        flag_decides(text, people, &edits, items);
    }

    #[test]
    fn a_total_named_far_before_its_figure_gives_the_event() {
        flag_decides(
            "The death toll from the floods in the mountain villages of the north has now risen to 640.",
            "640 [640, 640] people casualties/killed/-",
            &[("kinds/casualties.toml", "totals = [\"toll\"]", "")],
            "",
        );
    }

    #[test]
    fn a_tally_reads_its_events_unit_cues_and_between_words_from_the_pack() {
        let passed = "The assembly passed the bill 52-17.";
        let carried = "The motion carried by 31 votes to 14.";
        assert_eq!(
            show(passed),
            "52 [52, 52] votes votes/passed/votes\n17 [17, 17] votes votes/against/votes"
        );
        assert_eq!(
            show(carried),
            "31 [31, 31] votes votes/passed/votes\n14 [14, 14] votes votes/against/votes"
        );
        let votes = "kinds/votes.toml";
        let pack = pack_with(&[
            (votes, "for = \"passed\"", "for = \"won\""),
            (votes, "unit = \"votes\"", "unit = \"seats\""),
            (votes, "counted = \"votes\"", "counted = \"ballots\""),
        ]);
        assert_eq!(
            show_in(&pack, passed),
            "52 [52, 52] seats votes/won/ballots\n17 [17, 17] seats votes/against/ballots"
        );
        let pack = pack_with(&[(votes, "cues = [\"passed\", ", "cues = [")]);
        assert_eq!(show_in(&pack, passed), "", "a score, not a tally");
        let pack = pack_with(&[(votes, "between = [\"votes\", \"vote\"]", "")]);
        assert_ne!(show_in(&pack, carried), show(carried));
    }
}

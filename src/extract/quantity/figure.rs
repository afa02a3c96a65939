//! Figures: each number, range or vague amount of a sentence with its unit and the
//! modifiers that make it an interval ("at least 300", "$1-2bn", "dozens of").
//!
//! Input: a sentence's text, its ASCII lowercase and the spans of its dates. Output:
//! [`Figure`]s in text order, before their kind is known. A number inside a date, a
//! score ("won 3-2"), a compound adjective ("a 10-day curfew"), a time window ("the first
//! 10 minutes") or a short magnitude that could be a code ("221B", "a 35m wall") is no
//! figure; a vote tally ("passed 31-14") is one figure with the votes against
//! ([`super::tally`]).

use std::ops::Range;

use super::units::{
    adjective_unit, follows_name, measured_noun, modifier_after, unit_after, unit_before,
};
use super::{counted, tally, Hint, Matchers};
use crate::extract::lexicon::{AGE_ENDINGS, CHANGE_VERBS, CHANGE_VERB_WORDS, DURATION_WINDOW};
use crate::extract::number::{self, Form, Numeral, Skipped, Why};
use crate::extract::{scope, Interval};
use crate::pack::{Bound, Dimension, Pack};
use crate::text::is_whole_word;

/// A number in context, before its kind is known.
#[derive(Debug, Clone)]
pub(super) struct Figure {
    /// The number (or range, or vague phrase) itself.
    pub(super) span: Range<usize>,
    /// Start including the modifier and the currency symbol.
    pub(super) start_with_modifier: usize,
    /// End including the unit and any trailing modifier.
    pub(super) end_with_unit: usize,
    pub(super) number: Option<f64>,
    pub(super) value: Interval,
    pub(super) unit: Option<usize>,
    pub(super) modifier: Option<String>,
    pub(super) vague: bool,
    /// Written in words ("two").
    pub(super) words: bool,
    /// A fraction in words ("two thirds"), valued as a percentage.
    pub(super) fraction: bool,
    /// Digits right after a capitalised word ("Apollo 11"): maybe a name.
    pub(super) after_name: bool,
    /// For a vote tally ("passed 31-14", "by 31 votes to 14"): the votes against.
    pub(super) against: Option<f64>,
    /// A measure written as an adjective ("a 6,000-ton ship"): the noun it measures.
    pub(super) measures: Option<String>,
    /// The same figure in other units, written after it in brackets ("5 miles (8 km)",
    /// "20 million euros ($25 million)").
    pub(super) renderings: Vec<Written>,
    /// The figure is a fraction of the whole written after it ("three quarters of the
    /// 1,200 passengers"): its value is that part of the whole.
    pub(super) of_whole: bool,
    /// The figure is the whole a fraction before it is taken of: no claim of its own.
    pub(super) whole: bool,
    /// The figure is an exchange rate the text gives ("$1.27 to the euro", "(€1 =
    /// $1.08)"): its value is worth this many of that currency (unit index, amount).
    /// No claim: the source's rate ([`super::super::ExchangeRate`]).
    pub(super) per: Option<(usize, f64)>,
}

impl Figure {
    /// A figure written in words at `span`, with no modifier: a vague amount ("a few
    /// thousand") or a one-word multiple ("twice").
    pub(super) fn in_words(
        span: Range<usize>,
        number: Option<f64>,
        value: Interval,
        unit: Option<usize>,
    ) -> Figure {
        Figure {
            start_with_modifier: span.start,
            end_with_unit: span.end,
            span,
            number,
            value,
            unit,
            modifier: None,
            vague: false,
            words: true,
            fraction: false,
            after_name: false,
            against: None,
            measures: None,
            renderings: Vec::new(),
            of_whole: false,
            whole: false,
            per: None,
        }
    }
}

/// A figure written again in another unit: its span (sentence-local), number, value and
/// unit index.
#[derive(Debug, Clone)]
pub(super) struct Written {
    pub(super) span: Range<usize>,
    pub(super) number: Option<f64>,
    pub(super) value: Interval,
    pub(super) unit: Option<usize>,
}

/// Every figure of the sentence: numbers and ranges with unit and modifier, and vague
/// amounts. Numbers read and left out go to `skipped` with why.
pub(super) fn figures(
    text: &str,
    lower: &str,
    pack: &Pack,
    m: &Matchers,
    dates: &[scope::LocalDate<'_>],
    hint: Hint<'_>,
    skipped: &mut Vec<Skipped>,
) -> Vec<Figure> {
    let overlaps_date = |r: &Range<usize>| {
        dates
            .iter()
            .any(|d| d.span.start < r.end && r.start < d.span.end)
    };
    let nums: Vec<Numeral> =
        number::scan_lowered(text, lower, &m.numerals, hint.number_words, skipped)
            .into_iter()
            .filter(|n| {
                let date = overlaps_date(&n.span);
                if date {
                    skipped.push(Skipped {
                        span: n.span.clone(),
                        why: if n.year_like { Why::Year } else { Why::Date },
                        value: Some(n.value),
                    });
                }
                !date
            })
            .collect();
    let mut out = numeral_figures(text, lower, pack, m, &nums, skipped);
    conversions(lower, pack, &mut out, skipped);
    cents(lower, pack, &mut out);
    exchange_rates(lower, pack, m, &mut out);
    fractions_of_wholes(lower, &mut out);
    if hint.vague {
        vague_figures(lower, pack, m, &mut out);
    }
    super::ratio::multiple_figures(lower, m, &mut out);
    out.sort_by_key(|f| f.span.start);
    out
}

/// The sentence's numbers (dates left out) as figures, in text order: two numbers
/// joined into a range or a vote tally, a score and a number that is no figure left out
/// (to `skipped`, with why).
fn numeral_figures(
    text: &str,
    lower: &str,
    pack: &Pack,
    m: &Matchers,
    nums: &[Numeral],
    skipped: &mut Vec<Skipped>,
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < nums.len() {
        let mut a = nums[i].clone();
        // Ranges: "150-170", "150 to 170", "between 150 and 170", "two or three".
        let mut hi: Option<Numeral> = None;
        if let Some(b) = nums.get(i + 1) {
            match join(lower, m, &mut a, b, &out) {
                Join::Tally(against) => {
                    // "passed 31-14", "by a vote of 31 to 14", "by 31 votes to 14".
                    if let Ok(mut f) = figure(text, lower, pack, m, &a, None) {
                        f.against = Some(against);
                        f.end_with_unit = f.end_with_unit.max(b.span.end);
                        out.push(f);
                    }
                    i += 2;
                    continue;
                }
                Join::Score => {
                    // "won 3-2": a score, not a range and not two counts.
                    skipped.push(Skipped {
                        span: a.span.start..b.span.end,
                        why: Why::Score,
                        value: None,
                    });
                    i += 2;
                    continue;
                }
                Join::Range(b) => {
                    hi = Some(b);
                    i += 1;
                }
                Join::Change => {
                    // "rose from 120 to 150 people": the figure is the value after
                    skipped.push(Skipped {
                        span: a.span.clone(),
                        why: Why::Earlier,
                        value: Some(a.value),
                    });
                    i += 1;
                    continue;
                }
                Join::Apart => {}
            }
        }
        i += 1;
        match figure(text, lower, pack, m, &a, hi.as_ref()) {
            Ok(f) => out.push(f),
            Err(why) => skipped.push(Skipped {
                span: a.span.start..hi.as_ref().map_or(a.span.end, |h| h.span.end),
                why,
                value: Some(a.value),
            }),
        }
    }
    out
}

/// How a number joins the one before it.
enum Join {
    /// A vote tally ("passed 31-14"): the votes against.
    Tally(f64),
    /// A range: its upper end.
    Range(Numeral),
    /// A score ("won 3-2"): no figure.
    Score,
    /// A change ("rose from 120 to 150"): the first is the value before it, no figure.
    Change,
    /// Two figures of their own.
    Apart,
}

/// How `b` joins `a`, the number before it (`out`: the figures so far). Joined in a
/// range, `a` may take `b`'s multiplier ("$1-2bn") or swap values with it ("between 500
/// and 200").
fn join(lower: &str, m: &Matchers, a: &mut Numeral, b: &Numeral, out: &[Figure]) -> Join {
    let gap = lower[a.span.end..b.span.start].trim_matches(' ');
    let against = m
        .tally
        .as_ref()
        .and_then(|(_, t)| tally::against(lower, a, b, gap, t));
    if let Some(against) = against {
        return Join::Tally(against);
    }
    // "between 4 and 6 million euros ($4.3 and $6.5 million)": the range
    // in brackets after a range renders it, so its "and" joins a range too.
    let between = lower[..a.span.start]
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .ends_with("between")
        || renders_range(lower, a.span.start, out, m);
    let joined = matches!(gap, "-" | "–" | "—" | "~" | "to" | "through" | "thru")
        || (gap == "and" && between)
        || (gap == "or" && a.form == Form::Words)
        || suspended(lower, a, gap);
    if let Some(range) = two_bounds(lower, m, a, b, gap) {
        return range;
    }
    let gap_currency = m
        .prefixes
        .iter()
        .find(|(p, _, _)| gap.ends_with(&p.to_ascii_lowercase()) && gap.len() > p.len());
    if (joined
        || gap_currency.is_some_and(|(p, _, _)| {
            let g = gap[..gap.len() - p.len()].trim();
            // "$1.5bn and Rs 500 crore" are two amounts, not a range
            matches!(g, "-" | "–" | "to") || (g == "and" && between)
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
        if (gap == "to" || gap.starts_with("to ")) && after_change_verb(lower, a.span.start) {
            return Join::Change;
        }
        if b.value > a.value {
            return Join::Range(b);
        } else if between && gap == "and" && b.value < a.value {
            // "between 500 and 200": a range written backwards is still one range.
            std::mem::swap(&mut a.value, &mut b.value);
            return Join::Range(b);
        } else if matches!(gap, "-" | "–") {
            return Join::Score;
        }
    }
    Join::Apart
}

/// "8- to 16-metre", "20- to 30-year-old": the first end of a range whose unit, written
/// after the second end, is left hanging after its hyphen.
fn suspended(lower: &str, a: &Numeral, gap: &str) -> bool {
    lower[a.span.end..].starts_with('-') && matches!(gap, "- to" | "- or" | "- and" | "-to")
}

/// "more than 5 but less than 10", "at most 100 and at least 20", "above 1000 and below
/// 1500": a lower bound and an upper bound of one thing, joined by "and", "but" or a
/// comma, are one range between them, in either order.
fn two_bounds(lower: &str, m: &Matchers, a: &mut Numeral, b: &Numeral, gap: &str) -> Option<Join> {
    let (b_start, _, b_bound) = modifier_before(lower, b.span.start, m)?;
    let (_, _, a_bound) = modifier_before(lower, a.span.start, m)?;
    let link = lower.get(a.span.end..b_start)?.trim_matches([' ', ',']);
    if !matches!(link, "" | "and" | "but" | "but also" | "and also") || gap.is_empty() {
        return None;
    }
    let floor = |x: Bound| matches!(x, Bound::AtLeast | Bound::MoreThan);
    let ceiling = |x: Bound| matches!(x, Bound::AtMost | Bound::LessThan);
    let mut b = b.clone();
    // "more than 5 but less than 10 thousand": the multiplier applies to both ends
    let x = if a.factor == 1.0 && b.factor > 1.0 {
        a.value * b.factor
    } else {
        a.value
    };
    if floor(a_bound) && ceiling(b_bound) && x < b.value {
        a.value = x;
        return Some(Join::Range(b));
    }
    if ceiling(a_bound) && floor(b_bound) && b.value < x {
        a.value = b.value;
        b.value = x;
        return Some(Join::Range(b));
    }
    None
}

/// Whether the number at `start` follows "from" and, a few words before it, a verb of
/// change ("the toll rose sharply from 120"): "from X to Y" is then a change, not a range.
fn after_change_verb(lower: &str, start: usize) -> bool {
    let head = lower[..start].trim_end_matches(|c: char| !c.is_alphanumeric());
    let Some(before) = head.strip_suffix("from") else {
        return false;
    };
    if before.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    before
        .split_whitespace()
        .rev()
        .take(CHANGE_VERB_WORDS)
        .any(|w| CHANGE_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// Vague amounts: "hundreds of", "scores", "several thousand", where no figure of `out`
/// stands.
fn vague_figures(lower: &str, pack: &Pack, m: &Matchers, out: &mut Vec<Figure>) {
    for v in m.vague.find_iter(lower) {
        let (s, e) = (v.start(), v.end());
        if !is_whole_word(lower, s, e) || out.iter().any(|f| f.span.start < e && s < f.span.end) {
            continue;
        }
        let Some(vq) = pack.vague.get(v.pattern().as_usize()) else {
            continue;
        };
        if !followed_as_amount(lower, e, &vq.followed_by, out) {
            continue;
        }
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
        // "a few kilometres", "several hundred metres": a vague length, area or weight
        // is a measure in its unit (a vague count names what it counts instead)
        let (unit, end_with_unit) = match unit_after(lower, m, end, None) {
            Some((u, e))
                if pack
                    .units
                    .get(u)
                    .is_some_and(|x| x.dimension == Dimension::Measure) =>
            {
                (Some(u), e)
            }
            _ => (None, end),
        };
        let modifier = modifier_before(lower, s, m);
        let start = modifier.as_ref().map_or(s, |(st, _, _)| *st);
        out.push(Figure {
            start_with_modifier: start,
            end_with_unit,
            modifier: modifier.map(|(_, p, _)| p),
            vague: true,
            ..Figure::in_words(s..end, None, Interval::closed(Some(min), max), unit)
        });
    }
}

/// Whether the vague phrase ending at `end` is followed as its pack entry asks: by one of
/// `words` when it lists any ("scores of", "scores more"; not "Vossberg scores twice"),
/// and then not by "of" and a figure of `out` ("scores of 80 and 90" are results).
fn followed_as_amount(lower: &str, end: usize, words: &[String], out: &[Figure]) -> bool {
    if words.is_empty() {
        return true;
    }
    let rest = lower[end..].trim_start();
    let next = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if !words.iter().any(|w| w == next) {
        return false;
    }
    let after = rest[next.len()..].trim_start();
    let at = lower.len() - after.len();
    !(next == "of"
        && (after.starts_with(|c: char| c.is_ascii_digit())
            || out.iter().any(|f| f.start_with_modifier == at)))
}

/// "5 miles (8 km)", "20 million euros ($25 million)": a figure in brackets right after
/// one of the same measure in another unit, or of another currency, is the same figure,
/// one more rendering of it, not a figure of its own. The text's own rate is the only one
/// two currencies are ever compared by.
fn conversions(lower: &str, pack: &Pack, out: &mut Vec<Figure>, skipped: &mut Vec<Skipped>) {
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let gap = lower
            .get(a.end_with_unit..b.start_with_modifier)
            .unwrap_or("");
        let close = lower
            .get(b.end_with_unit..)
            .is_some_and(|r| r.trim_start().starts_with(')'));
        let unit = |f: &Figure| f.unit.and_then(|u| pack.units.get(u));
        let other_unit = match (unit(a), unit(b)) {
            (Some(x), Some(y)) => {
                x.id != y.id
                    && ((x.measures.is_some() && x.measures == y.measures)
                        || (x.dimension == Dimension::Currency
                            && y.dimension == Dimension::Currency))
            }
            _ => false,
        };
        if gap.trim() == "(" && close && other_unit && a.against.is_none() && !b.vague {
            let b = out.remove(k);
            skipped.push(Skipped {
                span: b.start_with_modifier..b.end_with_unit,
                why: Why::Conversion,
                value: b.number,
            });
            out[k - 1].renderings.push(Written {
                span: b.start_with_modifier..b.end_with_unit,
                number: b.number,
                value: b.value,
                unit: b.unit,
            });
            continue;
        }
        k += 1;
    }
}

/// "$5 and 20 cents", "3 dollars 50 cents", "thirteen dollars and forty-five cents": an
/// amount of a currency's hundredths right after an amount of the currency, with
/// nothing or "and" between, is part of that amount, not a figure of its own.
fn cents(lower: &str, pack: &Pack, out: &mut Vec<Figure>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let major = a.unit.and_then(|u| pack.units.get(u));
        let minor = b.unit.and_then(|u| pack.units.get(u));
        let part = match (major, minor, a.number, b.number) {
            (Some(major), Some(minor), Some(_), Some(x))
                if minor.cents_of.contains(&major.id)
                    && (0.0..100.0).contains(&x)
                    && b.modifier.is_none()
                    && lower
                        .get(a.end_with_unit..b.start_with_modifier)
                        .is_some_and(|g| matches!(g.trim_matches([' ', ',']), "" | "and")) =>
            {
                x / 100.0
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let b = out.remove(i + 1);
        let a = &mut out[i];
        a.number = a.number.map(|n| tidy(n + part));
        a.value.min = a.value.min.map(|m| tidy(m + part));
        a.value.max = a.value.max.map(|m| tidy(m + part));
        a.span.end = b.span.end;
        a.end_with_unit = b.end_with_unit;
        i += 1;
    }
}

/// Words before a fraction in words that make it exact ("exactly half").
const EXACTLY: &[&str] = &["exactly", "precisely"];

/// Words between a figure in one currency and the currency it is a rate of: "$1.27 to
/// the euro", "1.1 dollars per euro", "83 rupees for every dollar". After "per" and "for"
/// a word that is also another unit ("per pound") is a price, not a rate.
const RATE_LINKS: &[(&str, bool)] = &[
    ("to the", false),
    ("to one", false),
    ("to a", false),
    ("to 1", false),
    ("to each", false),
    ("against one", false),
    ("per", true),
    ("for each", true),
    ("for every", true),
    ("for one", true),
];

/// "$1.27 to the euro", "at 1.1 dollars per euro", "(€1 = $1.08)": a figure in one
/// currency given as what one unit of another is worth is the text's exchange rate, not
/// an amount of money. The figure stays, marked with what it is a rate of ([`Figure::per`]);
/// "€1" before "=" is part of the rate and no figure of its own.
fn exchange_rates(lower: &str, pack: &Pack, m: &Matchers, out: &mut Vec<Figure>) {
    let currency = |u: Option<usize>| {
        u.filter(|&u| {
            pack.units
                .get(u)
                .is_some_and(|x| x.dimension == Dimension::Currency)
        })
    };
    let mut k = 0;
    while k < out.len() {
        let Some(unit) = currency(out[k].unit) else {
            k += 1;
            continue;
        };
        // "€1 = $1.08", "$1 = Rs 83"
        if let Some((next, x)) = out.get(k + 1).zip(out[k].number) {
            let gap = lower
                .get(out[k].end_with_unit..next.start_with_modifier)
                .unwrap_or("");
            let other = currency(next.unit).filter(|&v| v != unit);
            if let (Some(_), "=", true) = (other, gap.trim(), x > 0.0) {
                let a = out.remove(k);
                out[k].start_with_modifier = a.start_with_modifier;
                out[k].per = Some((unit, x));
                k += 1;
                continue;
            }
        }
        let f = &out[k];
        let rest = lower.get(f.end_with_unit..).unwrap_or("");
        let rest_trim = rest.trim_start();
        let at = f.end_with_unit + rest.len() - rest_trim.len();
        let per = RATE_LINKS.iter().find_map(|(link, price_like)| {
            let r = rest_trim.strip_prefix(link)?.strip_prefix(' ')?;
            let w = at + link.len() + 1 + (r.len() - r.trim_start().len());
            let (e, v) = currency_word(lower, w, pack, m, *price_like)?;
            (v != unit).then_some((e, v))
        });
        if let Some((e, v)) = per {
            out[k].per = Some((v, 1.0));
            out[k].end_with_unit = e;
            // "about $1.27 and £0.79 per euro": rates listed before it are per the same
            let mut j = k;
            while j > 0 && out[j - 1].per.is_none() && currency(out[j - 1].unit).is_some() {
                let gap = lower
                    .get(out[j - 1].end_with_unit..out[j].start_with_modifier)
                    .unwrap_or("");
                if !matches!(gap.trim(), "and" | "," | "or") || out[j - 1].unit == Some(v) {
                    break;
                }
                out[j - 1].per = Some((v, 1.0));
                j -= 1;
            }
        }
        k += 1;
    }
}

/// The currency named by the word at `at` ("euro", "dollar", "pound"): its end and unit
/// index. With `price_like`, a word that is also another unit's ("pound") is none.
fn currency_word(
    lower: &str,
    at: usize,
    pack: &Pack,
    m: &Matchers,
    price_like: bool,
) -> Option<(usize, usize)> {
    let rest = lower.get(at..)?;
    let is_currency = |u: usize| {
        pack.units
            .get(u)
            .is_some_and(|x| x.dimension == Dimension::Currency)
    };
    let (s, u) = m.suffixes.iter().find_map(|(s, u)| {
        if !s.starts_with(|c: char| c.is_alphabetic()) || !is_currency(*u) {
            return None;
        }
        // "to the pound": the singular of a plural form, where no price can be meant
        let form = if rest.starts_with(s.as_str()) {
            s.as_str()
        } else {
            s.strip_suffix('s')
                .filter(|one| !price_like && rest.starts_with(one))?
        };
        is_whole_word(lower, at, at + form.len()).then_some((form, *u))
    })?;
    let also_other = m.suffixes.iter().any(|(t, v)| t == s && !is_currency(*v));
    (!(price_like && also_other)).then_some((at + s.len(), u))
}

/// Whether the number at `start` opens a bracket (a currency symbol or code may stand
/// between) written right after a range figure: the first end of that range's rendering.
fn renders_range(lower: &str, start: usize, out: &[Figure], m: &Matchers) -> bool {
    let Some(prev) = out.last() else {
        return false;
    };
    let range = prev.number.is_none() && !prev.vague && prev.value.min != prev.value.max;
    let mut head = lower[..start].trim_end();
    if let Some((p, _, _)) = m
        .prefixes
        .iter()
        .find(|(p, _, _)| head.ends_with(&p.to_ascii_lowercase()))
    {
        head = head[..head.len() - p.len()].trim_end();
    }
    range
        && head.ends_with('(')
        && lower
            .get(prev.end_with_unit..head.len() - 1)
            .is_some_and(|g| g.trim().is_empty())
}

/// "three quarters of the 1,200 passengers", "half the 1,200 passengers": a fraction
/// followed by "of (the)" and a count is that part of the count; the count is the whole
/// ([`Why::Whole`], see `classify`).
fn fractions_of_wholes(lower: &str, out: &mut [Figure]) {
    for k in 1..out.len() {
        let (head, tail) = out.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &mut tail[0]);
        let gap = lower
            .get(a.end_with_unit..b.start_with_modifier)
            .unwrap_or("");
        // "half of the 1,200", "half the 1,200": the fraction's own phrase may end in the
        // link ("half of", "half the")
        let phrase = lower.get(a.span.clone()).unwrap_or("");
        let tail = phrase.rsplit(' ').next().filter(|_| phrase.contains(' '));
        let link = match tail {
            Some("of") => format!("of {}", gap.trim()),
            _ => gap.trim().to_owned(),
        };
        let of = matches!(
            link.trim(),
            "of" | "of the" | "of its" | "of their" | "of all"
        ) || (matches!(tail, Some("the" | "its" | "their")) && gap.trim().is_empty());
        if !(a.fraction && of && b.unit.is_none() && !b.vague) {
            continue;
        }
        let (Some(share), Some(whole)) = (a.number, b.number) else {
            continue;
        };
        let x = tidy((share / 100.0 * whole).round());
        let part = |s: Option<f64>| s.map(|s| tidy(s / 100.0 * whole));
        a.number = Some(x);
        a.value = Interval {
            min: part(a.value.min),
            max: part(a.value.max),
            ..a.value
        };
        a.unit = None;
        a.of_whole = true;
        b.whole = true;
    }
}

/// One number (or range) with its currency, unit and modifiers, or why it is none.
fn figure(
    text: &str,
    lower: &str,
    pack: &Pack,
    m: &Matchers,
    a: &Numeral,
    hi: Option<&Numeral>,
) -> Result<Figure, Why> {
    let start = a.span.start;
    let last = hi.unwrap_or(a);
    let value = a.value;
    let hi_value = hi.map(|h| h.value);
    let end = last.span.end;
    // "aged 45", "a 45-year-old", "45 years old": an age, not a count.
    let head_word = lower[..start].trim_end().rsplit(' ').next().unwrap_or("");
    let tail = &lower[end..];
    if matches!(head_word, "aged" | "age" | "ages")
        || AGE_ENDINGS.iter().any(|e| tail.starts_with(e))
    {
        return Err(Why::Age);
    }
    let (mut unit, prefix_start) = unit_before(text, lower, m, a);
    let currency = unit.is_some_and(|u| {
        pack.units
            .get(u)
            .is_some_and(|x| x.dimension == Dimension::Currency)
    });
    // A one-letter magnitude ("835m") only counts after a currency symbol; elsewhere the
    // letter makes a code or a unit we cannot tell ("221B", "a 35m wall").
    // British style writes "2.3m people" and "3m doses": a plural or counted noun after it
    // makes the suffix a magnitude too.
    if !currency
        && (last.short.is_some() || a.short.is_some())
        && !counted::plural_noun_next(lower, end, m)
    {
        return Err(Why::Unclear);
    }
    let after_name = unit.is_none()
        && a.form == Form::Digits
        && follows_name(text, lower, pack, m, &(start..last.span.end));
    // Unit written after: "%", "per cent", "km", "yuan", "times", "votes".
    let mut end_with_unit = end;
    if a.form == Form::Fraction {
        unit = pack
            .units
            .iter()
            .position(|u| u.dimension == Dimension::Percent);
    } else if let Some((u, e)) = unit_after(lower, m, end, unit) {
        unit = Some(u);
        end_with_unit = e;
    }
    // "a 6,000-ton ship", "a nine-storey building": a measure written as an adjective is
    // a measure of the noun after it.
    let mut measures = None;
    if end_with_unit == end && unit.is_none() && lower[end..].starts_with('-') {
        if let Some((e, u)) = adjective_unit(lower, end + 1, pack, m) {
            unit = Some(u);
            end_with_unit = e;
            measures = measured_noun(&lower[e..]);
        }
    }
    // "a 12-point plan", "a 10-man team": a compound adjective, not a count.
    if end_with_unit == end
        && lower[end..].starts_with('-')
        && lower[end + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return Err(Why::Adjective);
    }
    let unit_dim = unit.and_then(|u| pack.units.get(u)).map(|u| u.dimension);
    // "the first 10 minutes", "the past three years": a time window, not a claim.
    if unit_dim == Some(Dimension::Duration) && measures.is_none() {
        let before = lower[..prefix_start].trim_end();
        let prev = before.rsplit(' ').next().unwrap_or("");
        if DURATION_WINDOW.contains(&prev) {
            return Err(Why::Window);
        }
    }
    // Modifiers.
    let mut modifier = None;
    let step = written_step(&lower[start..end]);
    let interval_of = |x: f64, b: Bound| signed(x, b, pack, step);
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
    if let Some((e, phrase, bound)) = modifier_after(lower, end_with_unit, m) {
        if hi_value.is_none() {
            interval = interval_of(value, bound);
        }
        end_with_unit = e;
        modifier = Some(phrase);
    }
    // "half the fleet", "two thirds of voters": a fraction in words is a share rounded to
    // a word (`approximation.fraction`), unless "exactly" says otherwise.
    if a.form == Form::Fraction && modifier.is_none() && hi_value.is_none() {
        let prev = lower[..start_with_modifier]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("");
        let w = pack.approximation.fraction;
        if !EXACTLY.contains(&prev) && w > 0.0 {
            // to a hundredth of a percent, as the pack writes its fractions
            // (a share below one percent, "a millionth", in full)
            let at = |x: f64| {
                if value >= 1.0 {
                    tidy((x * 100.0).round() / 100.0)
                } else {
                    tidy(x)
                }
            };
            let (lo, hi) = (value * (1.0 - w), value * (1.0 + w));
            interval = Interval::closed(Some(at(lo.min(hi))), Some(at(lo.max(hi))));
        }
    }
    let number = if hi_value.is_some() {
        None
    } else {
        Some(tidy(value))
    };
    interval.min = interval.min.map(tidy);
    interval.max = interval.max.map(tidy);
    Ok(Figure {
        span: start..end,
        start_with_modifier,
        end_with_unit,
        number,
        value: interval,
        unit,
        modifier,
        vague: false,
        words: a.form == Form::Words,
        fraction: a.form == Form::Fraction,
        after_name,
        against: None,
        measures,
        renderings: Vec::new(),
        of_whole: false,
        whole: false,
        per: None,
    })
}

/// How many units of its last written decimal place make up one unit of a figure written
/// with decimals, as a fraction of the figure ("41.53" gives 0.01 / 41.53); `None` for a
/// figure written without decimals, whose trailing zeros may be rounding.
fn written_step(written: &str) -> Option<f64> {
    let numeral: &str = written
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .next()?;
    let (whole, decimals) = numeral.split_once('.')?;
    if decimals.is_empty() || whole.is_empty() {
        return None;
    }
    let n: f64 = numeral.replace(',', "").parse().ok()?;
    let places = i32::try_from(decimals.len()).ok()?;
    (n > 0.0).then(|| 10f64.powi(-places) / n)
}

/// Units of the last written decimal place an approximate modifier spans at most on each
/// side ("about 41.53%" is 41.48 to 41.58, not 10% either way).
const APPROXIMATE_STEPS: f64 = 5.0;

/// The interval a modifier makes of `x`, for figures below zero too ("about -10 degrees").
/// `step`: the figure's last written decimal place relative to it ([`written_step`]),
/// which narrows an approximation to the precision the text shows.
fn signed(x: f64, b: Bound, pack: &Pack, step: Option<f64>) -> Interval {
    let width = |w: f64| step.map_or(w, |s| w.min(APPROXIMATE_STEPS * s));
    let open =
        |min: Option<f64>, min_inclusive: bool, max: Option<f64>, max_inclusive: bool| Interval {
            min,
            max,
            min_inclusive,
            max_inclusive,
        };
    let floor = if x < 0.0 { None } else { Some(0.0) };
    match b {
        Bound::AtLeast => Interval::closed(Some(x), None),
        Bound::MoreThan => open(Some(x), false, None, true),
        Bound::AtMost => open(floor, true, Some(x), true),
        Bound::LessThan => open(floor, true, Some(x), false),
        Bound::Almost => {
            let y = x * (1.0 - width(pack.approximation.below));
            open(Some(y.min(x)), true, Some(y.max(x)), false)
        }
        Bound::About => {
            let w = width(pack.approximation.around);
            let (a, b) = (x * (1.0 - w), x * (1.0 + w));
            Interval::closed(Some(a.min(b)), Some(a.max(b)))
        }
    }
}

/// The modifier phrase ending just before `at`: its start, phrase and bound.
pub(super) fn modifier_before(
    lower: &str,
    at: usize,
    m: &Matchers,
) -> Option<(usize, String, Bound)> {
    let head = lower[..at].trim_end();
    for (p, b) in &m.before {
        if head.ends_with(p.as_str()) {
            let s = head.len() - p.len();
            if p == "up to" && after_motion_verb(&head[..s]) {
                // "the toll has gone up to 368": a figure reached, not a ceiling
                return None;
            }
            if is_whole_word(lower, s, head.len())
                || !p.chars().all(|c| c.is_alphabetic() || c == ' ')
            {
                return Some((s, p.clone(), *b));
            }
        }
    }
    None
}

/// Verbs whose particle "up" makes "up to" a change of value ("has gone up to 368",
/// "went up to 12%", "shot up to $90"), not the bound "at most".
const MOTION_VERBS: &[&str] = &[
    "gone", "went", "go", "goes", "going", "shot", "shoots", "climbed", "climbs", "jumped",
    "jumps", "moved", "moves", "risen", "rose", "rises", "crept", "inched", "ticked",
];

/// Whether the text before "up to" ends with a verb of motion.
fn after_motion_verb(before: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| MOTION_VERBS.contains(&w))
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

#[cfg(test)]
mod tests {
    use super::super::tests::show;

    #[test]
    fn gone_up_to_is_a_figure_reached_not_a_ceiling() {
        insta::assert_snapshot!(
            show("The death toll has gone up to 212, officials said."),
            @"212 [212, 212] people casualties/killed/-"
        );
        insta::assert_snapshot!(
            show("Up to 40 people were injured."),
            @"40 [0, 40] people casualties/injured/people"
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
        20 [19, 21] percent shares/-/voters
        20 [20, 20] percent shares/-/voters
        "
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
    fn a_vague_amount_before_a_unit_of_measure_is_a_measure() {
        insta::assert_snapshot!(
            show("The wreck lies a few kilometres from the reef, several hundred metres deep."),
            @r"
        - [2, 9] km measures/distance/-
        - [300, 2000] metres measures/depth/-
        "
        );
        // a measure takes no counted noun its kind does not measure from before it
        insta::assert_snapshot!(
            show("Divers searched for survivors inside the wreck a few kilometres from the reef."),
            @"- [2, 9] km measures/distance/-"
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
    fn magnitude_written_around_the_figure() {
        insta::assert_snapshot!(show("A magnitude-6.2 quake shook the coast."), @"6.2 [6.2, 6.2] magnitude measures/magnitude/-");
        insta::assert_snapshot!(show("The survey put its magnitude at 6.2."), @"6.2 [6.2, 6.2] magnitude measures/magnitude/-");
        insta::assert_snapshot!(show("A magnitude 6.2 earthquake struck."), @"6.2 [6.2, 6.2] magnitude measures/magnitude/-");
    }

    #[test]
    fn money_range_over_a_line_break() {
        insta::assert_snapshot!(
            show("The plan would save $40\nmillion to $55 million a year."),
            @"- [40000000, 55000000] USD money/-/- @Rate:a year"
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
    fn figure_without_currency_keeps_short_suffix_out() {
        insta::assert_snapshot!(show("The 35m tower cost $3m."), @"3000000 [3000000, 3000000] USD money/lost/-");
    }

    #[test]
    fn years_dates_ordinals_and_codes_are_not_quantities() {
        assert_eq!(
            show("On its 50th anniversary, a 2019 survey of the 2010-2015 period, held on Jan. 4 during the COVID-19 crisis, filled the first 15 minutes of the show, see page 4."),
            ""
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
    fn from_and_to_after_a_verb_of_change_is_a_change_not_a_range() {
        insta::assert_snapshot!(
            show("The toll rose sharply from 120 to 150 people on Monday."),
            @"150 [150, 150] people casualties/killed/people @Day:on Monday"
        );
        insta::assert_snapshot!(
            show("From 10 to 15 million people were displaced."),
            @"- [10000000, 15000000] people casualties/rescued/people"
        );
    }

    #[test]
    fn a_name_with_digits_that_opens_a_sentence_and_speaks_is_no_count() {
        insta::assert_snapshot!(
            show("Channel 9 said 12 people died in the blaze."),
            @"12 [12, 12] people casualties/killed/people"
        );
        // a common opener stays a count
        insta::assert_snapshot!(
            show("Another 40 died on Sunday."),
            @"40 [40, 40] people casualties/killed/- @Day:on Sunday"
        );
    }

    #[test]
    fn scores_of_people_are_a_vague_amount_and_scores_of_a_game_none() {
        insta::assert_snapshot!(
            show("Scores of residents were evacuated, and a score of sailors were missing."),
            @r"
        - [40, 199] people casualties/rescued/residents
        20 [20, 20] people casualties/missing/sailors
        "
        );
        assert_eq!(
            show("Vossberg scores goals often, and scores of 80 and 90 were common."),
            ""
        );
        assert_eq!(show("The hosts won after a 2-0 score at the break."), "");
        let of = ["of".to_owned(), "more".to_owned()];
        assert!(super::followed_as_amount("scores of fans", 6, &of, &[]));
        assert!(super::followed_as_amount("scores more", 6, &of, &[]));
        assert!(!super::followed_as_amount(
            "scores of 80 and 90",
            6,
            &of,
            &[]
        ));
        assert!(!super::followed_as_amount("scores twice", 6, &of, &[]));
    }

    #[test]
    fn through_a_tilde_and_a_hanging_hyphen_join_a_range() {
        insta::assert_snapshot!(
            show("From 20 through 100 people were injured and 30~40 miners were rescued."),
            @r"
        - [20, 100] people casualties/injured/people
        - [30, 40] people casualties/rescued/miners
        "
        );
        insta::assert_snapshot!(
            show("Divers searched an 8- to 16-metre deep channel."),
            @"- [8, 16] metres measures/-/deep"
        );
    }

    #[test]
    fn a_floor_and_a_ceiling_of_one_thing_are_one_range() {
        insta::assert_snapshot!(
            show("More than 5 but less than 10 thousand people were evacuated."),
            @"- [5000, 10000] people casualties/rescued/people"
        );
        insta::assert_snapshot!(
            show("At most 100 and at least 20 people were arrested."),
            @"- [20, 100] people arrests/arrested/people"
        );
        // two things counted: two figures
        insta::assert_snapshot!(
            show("More than 300 people were killed and at least 200 injured."),
            @r"
        300 (300, -] people casualties/killed/people
        200 [200, -] people casualties/injured/-
        "
        );
    }

    #[test]
    fn bounds_in_symbols_and_comparatives() {
        insta::assert_snapshot!(
            show("Wages rose for >10 percent of staff and fell for <= 5 percent."),
            @r"
        10 (10, -] percent shares/changed/staff
        5 [0, 5] percent shares/changed/-
        "
        );
        insta::assert_snapshot!(
            show("A level equal to 50 percent or less than 60 percent was set."),
            @r"
        50 [50, 50] percent shares/-/-
        60 [0, 60) percent shares/-/-
        "
        );
    }

    #[test]
    fn volumes_areas_and_data_in_more_forms() {
        insta::assert_snapshot!(
            show("The lake held 2 cubic kilometres over 4 km^2, the link ran at 40 megabits and the cold hit minus 1 degree."),
            @r"
        2 [2, 2] cubic km measures/distance/-
        4 (4, -] square km measures/distance/-
        40 [40, 40] megabits measures/-/-
        -1 [-1, -1] degrees measures/-/-
        "
        );
    }

    #[test]
    fn cents_after_an_amount_are_part_of_it() {
        insta::assert_snapshot!(
            show("The council paid $5 and 20 cents a ticket, and 3 dollars 50 cents a meal."),
            @r"
        5.2 [5.2, 5.2] USD money/-/-
        3.5 [3.5, 3.5] USD money/-/-
        "
        );
        insta::assert_snapshot!(
            show("The council paid £4 and 50 pence a ticket, and 34 cents a meal."),
            @r"
        4.5 [4.5, 4.5] GBP money/-/-
        34 [34, 34] cents money/-/-
        "
        );
    }

    #[test]
    fn a_range_written_backwards_is_one_range() {
        insta::assert_snapshot!(
            show("Between 500 and 200 people were arrested."),
            @"- [200, 500] people arrests/arrested/people"
        );
    }

    #[test]
    fn a_measure_written_as_an_adjective_measures_the_noun() {
        insta::assert_snapshot!(
            show("A 6,000-ton ferry sank beside a nine-storey tower."),
            @r"
        6000 [6000, 6000] tonnes measures/-/ferry
        9 [9, 9] storeys measures/-/tower
        "
        );
        // adjectives before the noun are skipped; the day and the event words of the
        // clause do not date or name a property of the thing
        insta::assert_snapshot!(
            show("Rescuers worked through the night at the eight-storey commercial building that collapsed in Alder Bay on Monday."),
            @"8 [8, 8] storeys measures/-/building"
        );
        insta::assert_snapshot!(
            show("Crews pulled the wreck of the 600-ton collapsed barge 20 km from the port on Sunday."),
            @r"
        600 [600, 600] tonnes measures/-/barge
        20 [20, 20] km measures/distance/- @Day:on Sunday
        "
        );
    }

    #[test]
    fn a_conversion_in_brackets_is_the_same_figure() {
        insta::assert_snapshot!(
            show("The smoke drifted 5 miles (8 km) inland."),
            @"5 [5, 5] miles measures/distance/-"
        );
    }

    #[test]
    fn a_fraction_of_a_whole_is_that_part_of_it() {
        insta::assert_snapshot!(
            show("Three quarters of the 1,200 passengers were rescued."),
            @"900 [855, 945] people casualties/rescued/passengers"
        );
    }

    #[test]
    fn ages_are_not_counts() {
        assert_eq!(
            show("A 45-year-old man and a woman aged 61 were injured."),
            ""
        );
    }

    #[test]
    fn negative_figures_keep_their_intervals_ordered() {
        insta::assert_snapshot!(
            show("Temperatures fell to about minus 10 degrees."),
            @"-10 [-11, -9] degrees measures/-/-"
        );
    }

    #[test]
    fn compound_adjectives_are_not_counts() {
        assert_eq!(show("A 9-year-old girl saw a 10-day festival."), "");
    }
}

//! Figures in two units made comparable: two units of one quantity by the factors of the
//! claims pack (`base`, `offset` in `units.toml`), two currencies only by a rate the text
//! itself gives: a rendering written beside a figure ("20 million euros ($25 million)"),
//! else a rate its source states once ("$1.27 to the euro"), which converts that
//! source's figures only.
//!
//! Input: two quantity figures of one group and the pack. Output: [`Converted`]: both in
//! one unit, each widened to what rounds to it (a figure and its conversion are rounded
//! by their writers: "5 miles" and "8 km" are one distance), how each reads with its unit,
//! and the conversion written out for the explanation ("5 miles = 8.05 km"); or why the
//! two cannot be set side by side. Two currencies with no rate in the text convert at
//! the pack's approximate yearly reference rates (`exchange_rates.toml`), the year of the
//! converted figure's report date choosing the rate, read with the pack's wide
//! tolerance; an undated figure, or a currency with no rate that year, stays apart.
//! [`misconverted`] checks a source's own conversion against the reference rates.

use super::interval;
use crate::extract::{ExchangeRate, Interval, Quantity, Rendering};
use crate::pack::{Dimension, Pack, Unit};

/// How two figures of one group compare.
pub(super) enum Converted {
    /// One unit: compared as they are.
    Same,
    /// Both in one unit.
    Views {
        a: Box<Quantity>,
        b: Box<Quantity>,
        /// How each reads in the explanation: with its own unit ("5 miles"), or as the
        /// rendering compared ("about EUR 15 million").
        shown: [String; 2],
        /// The conversion relied on, as a fact-checker can check it.
        note: String,
        /// Converted at the pack's approximate reference rates, not by the pack's factors
        /// or a rate the text gives: good enough to set figures well apart (a conflict),
        /// too rough to make them one figure (an agreement) or a step of a count.
        rough: bool,
    },
    /// Units that cannot be converted: what they are ("in USD and EUR, and no rate given
    /// by the text").
    Apart(String),
    /// Nothing says the two measure one thing (lengths of time of nothing named).
    Unrelated,
}

/// Whether a figure says what it measures beyond its unit: an event or a thing counted.
fn measured(q: &Quantity) -> bool {
    q.event.is_some() || q.counted.as_deref().is_some_and(|c| c != q.unit)
}

/// `a` and `b` in one unit, when the pack or the text says how; `rates` are the exchange
/// rates the source of each gives, by which only that source's figures convert.
pub(super) fn common(
    a: &Quantity,
    b: &Quantity,
    rates: [&[ExchangeRate]; 2],
    pack: &Pack,
) -> Converted {
    if a.unit == b.unit {
        return Converted::Same;
    }
    let (Some(ua), Some(ub)) = (pack.unit(&a.unit), pack.unit(&b.unit)) else {
        return Converted::Apart(format!("in {} and {}", a.unit, b.unit));
    };
    let shown = [show(a, ua), show(b, ub)];
    // The text's own rendering first: it is what the source itself says.
    if let Some(r) = rendering_in(b, &a.unit) {
        let given = show_rendering(r, ua);
        let note = format!("{}, given by its source as {given}", shown[1]);
        return Converted::Views {
            a: Box::new(a.clone()),
            b: Box::new(as_rendered(b, r)),
            shown: [shown[0].clone(), given],
            note,
            rough: false,
        };
    }
    if let Some(r) = rendering_in(a, &b.unit) {
        let given = show_rendering(r, ub);
        let note = format!("{}, given by its source as {given}", shown[0]);
        return Converted::Views {
            a: Box::new(as_rendered(a, r)),
            b: Box::new(b.clone()),
            shown: [given, shown[1].clone()],
            note,
            rough: false,
        };
    }
    // Then a rate the figure's own source gives ("$1.27 to the euro"): b's, else a's.
    for (k, (q, to, given)) in [(b, ua, rates[1]), (a, ub, rates[0])]
        .into_iter()
        .enumerate()
    {
        let Some((v, rate)) = by_rate(q, to, given) else {
            continue;
        };
        let note = format!(
            "{} = {} at its source's rate, {rate}",
            shown[1 - k],
            show(&v, to)
        );
        return converted_one(k, a, b, v, shown, note, false);
    }
    // Then the pack's reference rates for the year of the converted figure's report:
    // b's, else a's.
    for (k, (q, from, to)) in [(b, ub, ua), (a, ua, ub)].into_iter().enumerate() {
        let Some((v, year)) = at_reference(q, from, to, &pack.exchange_rates) else {
            continue;
        };
        let note = format!(
            "{} is {}",
            show(q, from),
            at_rates(&v, to, year, &pack.exchange_rates)
        );
        let mut shown = shown.clone();
        shown[1 - k] = show(&v, to);
        return converted_one(k, a, b, v, shown, note, true);
    }
    if ub.dimension == Dimension::Duration && !(measured(a) && measured(b)) {
        // "17 days after the collapse" and "trapped for more than 24 hours": lengths of
        // time compare across units only where both say what lasted that long.
        return Converted::Unrelated;
    }
    if ub.converts_to(ua) {
        let Some(v) = convert(b, ub, ua) else {
            return Converted::Apart(format!("in {} and {}", ua.id, ub.id));
        };
        let note = match b.number.and_then(|x| Some((x, to_unit(x, ub, ua)?))) {
            Some((x, y)) => format!(
                "{} = {}",
                with_unit(&amount(x), ub),
                with_unit(&interval::number(rounded(y)), ua)
            ),
            None => format!("{} converted to {}", shown[1], ua.id),
        };
        return Converted::Views {
            a: Box::new(widened(a.clone())),
            b: Box::new(v),
            shown,
            note,
            rough: false,
        };
    }
    let what = if ua.dimension == Dimension::Currency && ub.dimension == Dimension::Currency {
        "and no rate between them given by the text or known for their report dates"
    } else {
        "which do not convert"
    };
    Converted::Apart(format!("in {} and {}, {what}", ua.id, ub.id))
}

/// The views of two figures when one was converted by a rate: `v` is `b` converted when
/// `k` is 0, else `a`; the other figure is widened to what rounds to it.
fn converted_one(
    k: usize,
    a: &Quantity,
    b: &Quantity,
    v: Quantity,
    shown: [String; 2],
    note: String,
    rough: bool,
) -> Converted {
    let other = Box::new(widened(if k == 0 { a.clone() } else { b.clone() }));
    let (a, b) = if k == 0 {
        (other, Box::new(v))
    } else {
        (Box::new(v), other)
    };
    Converted::Views {
        a,
        b,
        shown,
        note,
        rough,
    }
}

/// A figure with its unit, close to how the text writes it: "USD 20 million", "close to
/// USD 20 million", "5 miles", "10-15 km".
pub(super) fn show(q: &Quantity, u: &Unit) -> String {
    match (q.number, &q.modifier) {
        (Some(x), Some(m)) => format!("{m} {}", with_unit(&amount(x), u)),
        (Some(x), None) if q.value.min == q.value.max => with_unit(&amount(x), u),
        _ => with_unit(&interval::describe_with(&q.value, amount), u),
    }
}

fn with_unit(amount: &str, u: &Unit) -> String {
    if u.dimension == Dimension::Currency {
        format!("{} {amount}", u.id)
    } else {
        format!("{amount} {}", u.id)
    }
}

/// A rendering as written, roughly: "about EUR 15 million".
fn show_rendering(r: &Rendering, u: &Unit) -> String {
    match (r.number, r.value.min, r.value.max) {
        (Some(x), Some(lo), Some(hi)) if lo != hi => {
            format!("about {}", with_unit(&amount(x), u))
        }
        (Some(x), Some(_), Some(_)) => with_unit(&amount(x), u),
        _ => with_unit(&interval::describe_with(&r.value, amount), u),
    }
}

/// 20000000 → "20 million", 12940000 → "12.94 million"; smaller amounts as digits.
fn amount(x: f64) -> String {
    for (factor, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let m = x / factor;
        if x.abs() >= factor && ((m * 100.0).round() - m * 100.0).abs() < 1e-6 {
            return format!("{} {word}", interval::number(m));
        }
    }
    interval::number(x)
}

/// Three significant digits, the precision a conversion is worth showing.
fn rounded(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let p = 10f64.powi(2 - x.abs().log10().floor() as i32);
    (x * p).round() / p
}

/// The rendering of `q` in `unit`, when the text gives one.
fn rendering_in<'q>(q: &'q Quantity, unit: &str) -> Option<&'q Rendering> {
    q.renderings.iter().find(|r| r.unit == unit)
}

/// `q` as its rendering `r` gives it: the source's own figure in that unit, compared as
/// written, like any figure in one unit.
fn as_rendered(q: &Quantity, r: &Rendering) -> Quantity {
    Quantity {
        number: r.number,
        value: r.value,
        unit: r.unit.clone(),
        ..q.clone()
    }
}

/// `q` in currency `to` by one of `rates` between its currency and `to`, each figure
/// widened to what rounds to it, and the rate as the text gives it ("USD 1.27 to the
/// EUR").
fn by_rate(q: &Quantity, to: &Unit, rates: &[ExchangeRate]) -> Option<(Quantity, String)> {
    let (r, times) = rates.iter().find_map(|r| {
        if r.per == q.unit && r.unit == to.id {
            Some((r, true))
        } else if r.unit == q.unit && r.per == to.id {
            Some((r, false))
        } else {
            None
        }
    })?;
    let rate = widen(&r.value);
    let (lo, hi) = (rate.min?, rate.max?);
    if lo <= 0.0 {
        return None;
    }
    let w = widen(&q.value);
    // one of `per` is worth lo..hi of `unit`: multiply into `unit`, divide out of it
    let (at_min, at_max) = if times {
        (lo, hi)
    } else {
        (1.0 / hi, 1.0 / lo)
    };
    let mid = r.number.unwrap_or((lo + hi) / 2.0);
    let mid = if times { mid } else { 1.0 / mid };
    let v = Quantity {
        number: q.number.map(|x| rounded(x * mid)),
        value: Interval {
            min: w.min.map(|x| x * if x < 0.0 { at_max } else { at_min }),
            max: w.max.map(|x| x * if x < 0.0 { at_min } else { at_max }),
            ..w
        },
        unit: to.id.clone(),
        modifier: q.modifier.clone().or_else(|| Some("about".into())),
        ..q.clone()
    };
    let given = match r.number {
        Some(x) => format!("{} {} to the {}", r.unit, interval::number(x), r.per),
        None => format!(
            "{} {} to the {}",
            r.unit,
            interval::describe(&r.value),
            r.per
        ),
    };
    Some((v, given))
}

/// A source's own conversion of a figure into another currency that both fits no
/// figure for that amount, at the pack's reference rates for the year of its report, and
/// is set beside another source's figure `y` for about the same amount: how it reads, for
/// a conflict's explanation ("GBP 247.9 million is about EUR 307 million at 2014 average
/// rates ..."). `x` and `y` are in one currency and lie within [`TWIN_MAX_RATIO`] of
/// each other; the conversion, read with the pack's tolerance, must miss both. A
/// conversion that fits, or one with no rate for its year, says nothing.
pub(super) fn misconverted(x: &Quantity, y: &Quantity, pack: &Pack) -> Option<String> {
    let ux = pack.unit(&x.unit)?;
    if ux.dimension != Dimension::Currency || x.unit != y.unit || !twins(x, y) {
        return None;
    }
    x.renderings.iter().find_map(|r| {
        let ur = pack.unit(&r.unit)?;
        if ur.dimension != Dimension::Currency || r.unit == x.unit {
            return None;
        }
        let rendered = Quantity {
            modifier: None,
            ..as_rendered(x, r)
        };
        let (v, year) = at_reference(&rendered, ur, ux, &pack.exchange_rates)?;
        let (wx, wy) = (widen(&x.value), widen(&y.value));
        if v.value.overlaps(&wx) || v.value.overlaps(&wy) {
            return None;
        }
        Some(format!(
            "{} is given by its source as {}, {}, which fits neither it nor {}",
            show(x, ux),
            show_rendering(r, ur),
            at_rates(&v, ux, year, &pack.exchange_rates),
            show(y, ux)
        ))
    })
}

/// Two figures this close (the larger over the smaller, as written) are one amount
/// given twice ("over EUR 400 million" and "EUR 416 million"): a conversion of one must
/// fit the other.
const TWIN_MAX_RATIO: f64 = 1.1;

/// Whether two figures lie within [`TWIN_MAX_RATIO`] of each other, as written.
fn twins(x: &Quantity, y: &Quantity) -> bool {
    let point = |q: &Quantity| q.number.or(q.value.min).or(q.value.max).map(f64::abs);
    match (point(x), point(y)) {
        (Some(p), Some(q)) if p > 0.0 && q > 0.0 => p.max(q) / p.min(q) <= TWIN_MAX_RATIO,
        _ => false,
    }
}

/// `q` in currency `to` at the pack's reference rates for the year of its report,
/// widened by the pack's tolerance, with that year. `None` when `q` is undated or either
/// currency has no rate that year.
fn at_reference(
    q: &Quantity,
    from: &Unit,
    to: &Unit,
    rates: &crate::pack::ExchangeRates,
) -> Option<(Quantity, i16)> {
    let year = q.scope.as_of?.year();
    let factor = rates.convert(1.0, &from.id, &to.id, year)?;
    let t = 1.0 + rates.tolerance;
    let w = widen(&q.value);
    let low = |x: f64| {
        if x < 0.0 {
            x * factor * t
        } else {
            x * factor / t
        }
    };
    let high = |x: f64| {
        if x < 0.0 {
            x * factor / t
        } else {
            x * factor * t
        }
    };
    let v = Quantity {
        number: q.number.map(|x| rounded(x * factor)),
        value: Interval {
            min: w.min.map(low),
            max: w.max.map(high),
            ..w
        },
        unit: to.id.clone(),
        modifier: Some("about".into()),
        ..q.clone()
    };
    Some((v, year))
}

/// How a reference conversion reads: "about EUR 307 million at 2014 average rates (give
/// or take 20%)".
fn at_rates(v: &Quantity, to: &Unit, year: i16, rates: &crate::pack::ExchangeRates) -> String {
    format!(
        "{} at {year} average rates (give or take {:.0}%)",
        show(v, to),
        rates.tolerance * 100.0
    )
}

/// `x` of `from` in `to`.
fn to_unit(x: f64, from: &Unit, to: &Unit) -> Option<f64> {
    to.from_base(from.normalize(x)?)
}

/// `q` in unit `to`, widened to what rounds to it before the conversion.
fn convert(q: &Quantity, from: &Unit, to: &Unit) -> Option<Quantity> {
    let w = widen(&q.value);
    let bound = |x: Option<f64>| match x {
        Some(x) => to_unit(x, from, to).map(Some),
        None => Some(None),
    };
    Some(Quantity {
        number: match q.number {
            Some(x) => Some(to_unit(x, from, to)?),
            None => None,
        },
        value: Interval {
            min: bound(w.min)?,
            max: bound(w.max)?,
            ..w
        },
        unit: to.id.clone(),
        ..q.clone()
    })
}

fn widened(q: Quantity) -> Quantity {
    Quantity {
        value: widen(&q.value),
        ..q
    }
}

/// Each written bound widened by half its last significant digit, at most
/// [`ROUNDING_MAX`] of it: "8" stands for 7.6 to 8.4, "50" for 47.5 to 52.5, "12.94" for
/// 12.935 to 12.945. A writer who converts rounds ("30 miles (50 km)").
fn widen(v: &Interval) -> Interval {
    Interval {
        min: v.min.map(|x| x - half_step(x)),
        max: v.max.map(|x| x + half_step(x)),
        ..*v
    }
}

/// How far a converted figure may lie from what its writer meant, relative to it.
const ROUNDING_MAX: f64 = 0.05;

/// Half the place value of the last non-zero digit of `x`, at most [`ROUNDING_MAX`] of
/// `x` (0 for zero).
fn half_step(x: f64) -> f64 {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return 0.0;
    }
    place_half(x).min(ROUNDING_MAX * x)
}

/// Half the place value of the last non-zero digit of `x` (positive, finite).
fn place_half(x: f64) -> f64 {
    let mut p = 10f64.powi(x.log10().floor() as i32);
    for _ in 0..12 {
        let n = x / p;
        if (n - n.round()).abs() <= 1e-9 * n.max(1.0) {
            return p / 2.0;
        }
        p /= 10.0;
    }
    p * 5.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(number: f64, unit: &str) -> Quantity {
        let mut q = crate::compare::test_support::q("x", Interval::exact(number)).q;
        q.unit = unit.to_owned();
        q
    }

    fn common_(a: &Quantity, b: &Quantity, pack: &Pack) -> Converted {
        common(a, b, [&[], &[]], pack)
    }

    fn overlap(c: &Converted) -> Option<bool> {
        match c {
            Converted::Views { a, b, .. } => Some(a.value.overlaps(&b.value)),
            _ => None,
        }
    }

    #[test]
    fn a_distance_in_miles_and_in_km_is_one_distance_when_they_round_alike() {
        let pack = Pack::default_pack();
        let c = common_(&q(8.0, "km"), &q(5.0, "miles"), &pack);
        assert_eq!(overlap(&c), Some(true));
        let Converted::Views { note, shown, .. } = c else {
            unreachable!("converted above")
        };
        assert_eq!(note, "5 miles = 8.05 km");
        assert_eq!(shown, ["8 km".to_owned(), "5 miles".to_owned()]);
        assert_eq!(
            overlap(&common_(&q(20.0, "km"), &q(2.0, "miles"), &pack)),
            Some(false)
        );
    }

    #[test]
    fn temperatures_convert_with_their_offset() {
        let pack = Pack::default_pack();
        let c = common_(&q(40.0, "celsius"), &q(104.0, "fahrenheit"), &pack);
        assert_eq!(overlap(&c), Some(true));
        let c = common_(&q(-10.0, "celsius"), &q(50.0, "fahrenheit"), &pack);
        assert_eq!(overlap(&c), Some(false));
    }

    #[test]
    fn masses_areas_volumes_speeds_and_data_sizes_convert() {
        let pack = Pack::default_pack();
        for (a, ua, b, ub) in [
            (2.0, "tonnes", 2000.0, "kg"),
            (400.0, "hectares", 4.0, "square km"),
            (1000.0, "acres", 4.0, "square km"),
            (10.0, "gallons", 38.0, "litres"),
            (100.0, "km/h", 62.0, "mph"),
            (2.0, "gigabytes", 2000.0, "megabytes"),
            (3.0, "hours", 180.0, "minutes"),
        ] {
            let c = common_(&q(a, ua), &q(b, ub), &pack);
            assert_eq!(overlap(&c), Some(true), "{a} {ua} vs {b} {ub}");
        }
    }

    #[test]
    fn two_currencies_compare_only_through_the_text_s_own_rate() {
        let pack = Pack::default_pack();
        let euros = q(20e6, "EUR");
        let dollars = q(20e6, "USD");
        assert!(matches!(
            common_(&euros, &dollars, &pack),
            Converted::Apart(ref t) if t == "in EUR and USD, and no rate between them given by the text or known for their report dates"
        ));
        let mut given = dollars.clone();
        given.renderings.push(Rendering {
            span: 0..0,
            number: Some(15e6),
            value: Interval::closed(Some(13.5e6), Some(16.5e6)),
            unit: "EUR".to_owned(),
        });
        let c = common_(&euros, &given, &pack);
        assert_eq!(overlap(&c), Some(false));
        let Converted::Views { note, .. } = c else {
            unreachable!("converted above")
        };
        assert_eq!(
            note,
            "USD 20 million, given by its source as about EUR 15 million"
        );
    }

    fn reported(mut q: Quantity, year: i16) -> Quantity {
        q.scope.as_of = Some(jiff::civil::date(year, 10, 31));
        q
    }

    fn given_as(mut q: Quantity, number: f64, unit: &str) -> Quantity {
        q.renderings.push(Rendering {
            span: 0..0,
            number: Some(number),
            value: Interval::exact(number),
            unit: unit.to_owned(),
        });
        q
    }

    /// Two currencies with no rate in the text convert at the pack's average rates of
    /// the converted figure's report year, read with a wide margin (#28).
    #[test]
    fn two_currencies_convert_at_the_report_year_s_reference_rates() {
        let pack = Pack::default_pack();
        let euros = reported(q(416e6, "EUR"), 2014);
        // EUR 416 million was about USD 553 million at 2014's average rate
        let c = common_(&euros, &reported(q(530e6, "USD"), 2014), &pack);
        assert_eq!(overlap(&c), Some(true));
        let Converted::Views { note, shown, .. } = c else {
            unreachable!("converted above")
        };
        assert_eq!(
            note,
            "USD 530 million is about EUR 399 million at 2014 average rates (give or take 20%)"
        );
        assert_eq!(shown[1], "about EUR 399 million");
        // well past the margin: apart
        let c = common_(&euros, &reported(q(900e6, "USD"), 2014), &pack);
        assert_eq!(overlap(&c), Some(false));
        // no report date, or no rate for the year: not compared
        for other in [q(530e6, "USD"), reported(q(530e6, "USD"), 1990)] {
            let euros = q(416e6, "EUR");
            assert!(matches!(
                common_(&euros, &other, &pack),
                Converted::Apart(_)
            ));
        }
    }

    /// A source's own conversion that fits neither its figure nor another figure for
    /// about the same amount, at the reference rates of its year (#28).
    #[test]
    fn a_source_s_conversion_that_fits_no_figure_at_reference_rates_is_caught() {
        let pack = Pack::default_pack();
        let mut over = reported(q(400e6, "EUR"), 2014);
        over.value = Interval::closed(Some(400e6), None);
        over.modifier = Some("over".into());
        let other = reported(q(416e6, "EUR"), 2014);
        let wrong = given_as(over.clone(), 247.9e6, "GBP");
        assert_eq!(
            misconverted(&wrong, &other, &pack).as_deref(),
            Some(
                "over EUR 400 million is given by its source as GBP 247.9 million, about EUR 308 million at 2014 average rates (give or take 20%), which fits neither it nor EUR 416 million"
            )
        );
        // a conversion that fits the year's rate says nothing
        let right = given_as(over.clone(), 330e6, "GBP");
        assert_eq!(misconverted(&right, &other, &pack), None);
        // nor one beside a figure for another amount
        assert_eq!(
            misconverted(&wrong, &reported(q(500e6, "EUR"), 2014), &pack),
            None
        );
        // nor one with no report date to choose a rate
        let mut undated = wrong.clone();
        undated.scope.as_of = None;
        assert_eq!(misconverted(&undated, &other, &pack), None);
    }

    /// A rate a source gives converts that source's own figures, and no other's (#21).
    #[test]
    fn a_source_s_own_rate_converts_its_figures() {
        let pack = Pack::default_pack();
        let euros = q(40e6, "EUR");
        let dollars = q(50e6, "USD");
        let rate = ExchangeRate {
            span: 0..0,
            per: "EUR".to_owned(),
            unit: "USD".to_owned(),
            number: Some(1.25),
            value: Interval::exact(1.25),
        };
        let given = std::slice::from_ref(&rate);
        // the rate is the dollar source's
        let c = common(&euros, &dollars, [&[], given], &pack);
        assert_eq!(overlap(&c), Some(true));
        let Converted::Views { ref note, .. } = c else {
            unreachable!("converted above")
        };
        assert_eq!(
            note,
            "USD 50 million = about EUR 40 million at its source's rate, USD 1.25 to the EUR"
        );
        // or the euro source's
        assert_eq!(
            overlap(&common(&euros, &q(80e6, "USD"), [given, &[]], &pack)),
            Some(false)
        );
        // a rate between other currencies links nothing
        let other = ExchangeRate {
            per: "GBP".to_owned(),
            ..rate.clone()
        };
        assert!(matches!(
            common(&euros, &dollars, [&[], std::slice::from_ref(&other)], &pack),
            Converted::Apart(_)
        ));
    }

    proptest::proptest! {
        /// A figure and the same figure converted and rounded to three digits, as a
        /// writer gives it, always agree; converting there and back gives the figure.
        #[test]
        fn a_figure_agrees_with_its_own_rounded_conversion(
            x in 0.1f64..1e6,
            pair in 0usize..6,
        ) {
            let pack = Pack::default_pack();
            let (ua, ub) = [
                ("km", "miles"),
                ("kg", "lbs"),
                ("hectares", "acres"),
                ("litres", "gallons"),
                ("celsius", "fahrenheit"),
                ("megabytes", "gigabytes"),
            ][pair];
            let (Some(a), Some(b)) = (pack.unit(ua), pack.unit(ub)) else {
                return Err(proptest::test_runner::TestCaseError::fail("unit missing"));
            };
            let x = rounded(x);
            let y = rounded(to_unit(x, a, b).unwrap_or(f64::NAN));
            let back = to_unit(to_unit(x, a, b).unwrap_or(f64::NAN), b, a).unwrap_or(f64::NAN);
            proptest::prop_assert!((back - x).abs() <= 1e-9 * x.abs().max(1.0));
            proptest::prop_assert_eq!(overlap(&common_(&q(x, ua), &q(y, ub), &pack)), Some(true));
        }
    }

    #[test]
    fn a_figure_stands_for_what_rounds_to_it() {
        assert!((half_step(8.0) - 0.4).abs() < 1e-12);
        assert!((half_step(50.0) - 2.5).abs() < 1e-12);
        assert!((half_step(12.94) - 0.005).abs() < 1e-12);
        assert!((half_step(20e6) - 1e6).abs() < 1e-3);
        assert_eq!(half_step(0.0), 0.0);
    }
}

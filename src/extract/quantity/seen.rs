//! Every number the number layer read in a source, kept or not: what `crosscheck extract
//! --all-figures` lists, the view a claims-pack author debugs with.
//!
//! Input: a source, its sentences, its [`Extraction`] and the pack. Output: [`Seen`]
//! numbers in text order, each with its value and unit when it has them, whether it
//! became a quantity claim and, when not, why ([`Why`]): a year, a time, an ordinal, a
//! code, no counted thing, a line of boilerplate, ...

use std::ops::Range;

use super::figure::{self, Figure};
use super::{classify, hints, local_dates, Matchers};
use crate::extract::number::{self, Skipped, Why};
use crate::extract::{scope, ClaimBody, DateRef, Extraction, Interval};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// A number read in a source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seen {
    /// Byte span in the source text.
    pub(crate) span: Range<usize>,
    /// The figure as written, multipliers applied; `None` for a range or a vague amount.
    pub(crate) number: Option<f64>,
    /// The interval it asserts; `None` when it reads as no value (a code, a phone).
    pub(crate) value: Option<Interval>,
    /// The unit id from the pack.
    pub(crate) unit: Option<String>,
    /// The same figure in other units written beside it ("5 miles (8 km)"): the text, value
    /// and unit of each.
    pub(crate) renderings: Vec<(Range<usize>, Interval, Option<String>)>,
    /// The value in the base unit of its quantity, and that quantity ("length"), when the
    /// pack gives the unit's factor.
    pub(crate) normalized: Option<(Interval, String)>,
    /// Whether it became a quantity claim.
    pub(crate) claim: bool,
    /// Why it did not.
    pub(crate) why: Option<Why>,
}

/// Every number of `source` in text order, from its sentences and its boilerplate.
pub(crate) fn all_figures(
    source: &Source,
    sentences: &[Sentence],
    extraction: &Extraction,
    pack: &Pack,
) -> Vec<Seen> {
    let m = pack.prepared(Matchers::new);
    let lower = source.text.to_ascii_lowercase();
    let spans: Vec<Range<usize>> = sentences.iter().map(|s| s.span.clone()).collect();
    let claims: Vec<&Range<usize>> = extraction
        .claims
        .iter()
        .filter(|c| matches!(c.body, ClaimBody::Quantity(_)))
        .map(|c| &c.span)
        .collect();
    let mut out = Vec::new();
    for ((i, s), hint) in sentences
        .iter()
        .enumerate()
        .zip(hints(pack, &lower, &spans))
    {
        let base = s.span.start;
        let text = s.text(source);
        let sentence_lower = lower.get(s.span.clone()).unwrap_or("");
        let dates: Vec<&DateRef> = extraction
            .dates
            .iter()
            .filter(|d| d.sentence == i)
            .collect();
        let local = local_dates(&dates, &s.span);
        let mut skipped = Vec::new();
        let figures = figure::figures(text, sentence_lower, pack, &m, &local, hint, &mut skipped);
        let clauses = scope::clauses(text);
        for f in &figures {
            // the window `find` classifies the figure in
            let window =
                scope::across_dashed_aside(&clauses, &scope::window(&clauses, f.span.start));
            let share = classify::share_of_whole(text, sentence_lower, f, &window, pack, &m).err();
            out.push(of_figure(f, base, &claims, share, pack));
        }
        out.extend(skipped.into_iter().map(|k| of_skipped(k, base)));
    }
    for b in &source.boilerplate {
        let Some(text) = source.text.get(b.span.clone()) else {
            continue;
        };
        let blower = text.to_ascii_lowercase();
        let mut skipped = Vec::new();
        let found = number::scan_lowered(text, &blower, &m.numerals, true, &mut skipped);
        out.extend(found.into_iter().map(|n| Seen {
            span: b.span.start + n.span.start..b.span.start + n.span.end,
            number: Some(n.value),
            value: Some(Interval::exact(n.value)),
            unit: None,
            renderings: Vec::new(),
            normalized: None,
            claim: false,
            why: Some(Why::Boilerplate),
        }));
        out.extend(skipped.into_iter().map(|k| of_skipped(k, b.span.start)));
    }
    out.sort_by_key(|s| (s.span.start, s.span.end));
    out
}

/// A figure of a sentence starting at `base`, a claim when a quantity claim holds it;
/// `share`: why a fraction in words is no share of its whole, when it is none.
fn of_figure(
    f: &Figure,
    base: usize,
    claims: &[&Range<usize>],
    share: Option<Why>,
    pack: &Pack,
) -> Seen {
    let span = base + f.start_with_modifier..base + f.end_with_unit;
    let number_span = base + f.span.start..base + f.span.end;
    // a claim starts where its figure does, modifier and currency included
    let claim = claims
        .iter()
        .any(|c| c.start == span.start && number_span.end <= c.end);
    let unit = f.unit.and_then(|u| pack.units.get(u));
    let why = if claim {
        None
    } else if f.per.is_some() {
        Some(Why::Rate)
    } else if f.whole {
        Some(Why::Whole)
    } else if f.after_name {
        Some(Why::Name)
    } else if share.is_some() {
        share
    } else {
        Some(Why::NoKind)
    };
    let normalized = unit.and_then(|u| {
        let q = u.measures.clone()?;
        let v = Interval {
            min: f.value.min.and_then(|x| u.normalize(x)),
            max: f.value.max.and_then(|x| u.normalize(x)),
            ..f.value
        };
        Some((v, q))
    });
    Seen {
        span,
        number: f.number,
        value: Some(f.value),
        unit: unit.map(|u| u.id.clone()),
        renderings: f
            .renderings
            .iter()
            .map(|r| {
                (
                    base + r.span.start..base + r.span.end,
                    r.value,
                    r.unit.and_then(|u| pack.units.get(u)).map(|u| u.id.clone()),
                )
            })
            .collect(),
        normalized,
        claim,
        why,
    }
}

/// A number read and left out, in a text starting at `base`.
fn of_skipped(k: Skipped, base: usize) -> Seen {
    Seen {
        span: base + k.span.start..base + k.span.end,
        number: k.value,
        value: k.value.map(Interval::exact),
        unit: None,
        renderings: Vec::new(),
        normalized: None,
        claim: false,
        why: Some(k.why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each number of `text` as `text=number unit claim|why`.
    fn seen(text: &str) -> Vec<String> {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        let sentences = crate::segment(&source, &pack);
        let ex = crate::extract(&source, &sentences, &pack);
        all_figures(&source, &sentences, &ex, &pack)
            .into_iter()
            .map(|s| {
                let v = match (s.number, s.value) {
                    (Some(x), _) => format!("{x}"),
                    (None, Some(v)) => format!(
                        "{}..{}",
                        v.min.map_or("-".into(), |x| x.to_string()),
                        v.max.map_or("-".into(), |x| x.to_string())
                    ),
                    (None, None) => "-".into(),
                };
                format!(
                    "{}={}{}{} {}",
                    &source.text[s.span],
                    v,
                    s.unit.map(|u| format!(" {u}")).unwrap_or_default(),
                    s.renderings
                        .iter()
                        .map(|r| format!(" ({})", &source.text[r.0.clone()]))
                        .collect::<String>(),
                    s.why.map_or("claim", Why::as_str)
                )
            })
            .collect()
    }

    /// The number forms issue #21 lists, one sentence each (written for this test): the
    /// value read and, for a conversion, the rendering it carries.
    #[test]
    fn number_forms_read_as_one_figure_each() {
        let cases: &[(&str, &str)] = &[
            (
                "Twelve hundred volunteers joined the search.",
                "Twelve hundred=1200 claim",
            ),
            (
                "A hundred thousand people lined the route.",
                "A hundred thousand=100000 claim",
            ),
            (
                "Half a million residents lost power.",
                "Half a million=500000 claim",
            ),
            (
                "A quarter of a million leaflets were printed.",
                "A quarter of a million=250000",
            ),
            ("Four dozen boats set out at dawn.", "Four dozen=48 claim"),
            (
                "Forty and a half tonnes of grain were unloaded.",
                "Forty and a half tonnes=40.5 tonnes",
            ),
            (
                "Inflation rose to 4,5 percent last quarter.",
                "4,5 percent=4.5 percent",
            ),
            ("The rate fell to .75 percent.", ".75 percent=0.75 percent"),
            ("The level fell -300 metres.", "-300 metres=-300 metres"),
            (
                "Temperatures dropped to minus 10 degrees.",
                "minus 10 degrees=-10 degrees",
            ),
            (
                "Between 500 and 200 people were evacuated.",
                "500 and 200=200..500",
            ),
            (
                "From 10 to 15 million people were affected.",
                "10 to 15 million=10000000..15000000",
            ),
            ("Prices rose 10-15% in the region.", "10-15%=10..15 percent"),
            ("The backup took 2.5 GB of space.", "2.5 GB=2.5 gigabytes"),
            (
                "Winds of 120 km/h (75 mph) hit the coast.",
                "120 km/h=120 km/h (75 mph)",
            ),
            (
                "Relief of Rs 500 crore was announced.",
                "Rs 500 crore=5000000000 INR",
            ),
            ("Each family got 3 lakh rupees.", "3 lakh rupees=300000 INR"),
            (
                "The firm paid ¥3 billion for it.",
                "¥3 billion=3000000000 JPY",
            ),
            (
                "The deal was worth £247.5 million.",
                "£247.5 million=247500000 GBP",
            ),
            (
                "It lost 20 million euros ($22 million) a day.",
                "20 million euros=20000000 EUR ($22 million)",
            ),
            (
                "It lost USD 22 million (around Euros 16 million).",
                "USD 22 million=22000000 USD (around Euros 16 million)",
            ),
            (
                "The heat reached 40 °C (104 °F) on Monday.",
                "40 °C=40 celsius (104 °F)",
            ),
        ];
        for (text, want) in cases {
            let got = seen(text);
            assert!(
                got.iter().any(|g| g.starts_with(want)),
                "{text}: {got:?}, expected {want}"
            );
            // a conversion in brackets is no figure of its own
            assert!(
                got.iter().all(
                    |g| !g.ends_with("a conversion of the figure before") || want.contains('(')
                ),
                "{text}: {got:?}"
            );
        }
    }

    /// Bounds written out in full and the short spellings of temperatures, from the
    /// pack's modifiers and units (#21).
    #[test]
    fn bounds_in_full_and_short_temperature_spellings() {
        let pack = Pack::default_pack();
        for (text, want) in [
            (
                "Crews of 200 or greater were sent.",
                ("200 or greater", Some(200.0), None),
            ),
            (
                "Crews of 60 or below were sent.",
                ("60 or below", Some(0.0), Some(60.0)),
            ),
            (
                "Crews less than or equal to 90 were sent.",
                ("less than or equal to 90", Some(0.0), Some(90.0)),
            ),
            (
                "Crews equal to or more than 30 were sent.",
                ("equal to or more than 30", Some(30.0), None),
            ),
        ] {
            let source = Source::from_text("t", "t.txt", text, &pack);
            let sentences = crate::segment(&source, &pack);
            let ex = crate::extract(&source, &sentences, &pack);
            let got: Vec<_> = all_figures(&source, &sentences, &ex, &pack)
                .into_iter()
                .filter_map(|s| Some((&source.text[s.span], s.value?)))
                .map(|(t, v)| (t, v.min, v.max))
                .collect();
            assert!(got.contains(&want), "{text}: {got:?}");
        }
        for (text, want) in [
            ("The pool was 12 deg C at dawn.", "12 deg C=12 celsius"),
            ("The air was 40 Celsius at noon.", "40 Celsius=40 celsius"),
            ("The oven hit 90 Fahrenheit.", "90 Fahrenheit=90 fahrenheit"),
        ] {
            let got = seen(text);
            assert!(
                got.iter().any(|g| g.starts_with(want)),
                "{text}: {got:?}, expected {want}"
            );
        }
    }

    /// An exchange rate the text gives is no amount of money: "an exchange rate" (#21).
    #[test]
    fn exchange_rates_are_no_claims() {
        for (text, want) in [
            (
                "The fund holds 40 million euros, at about $1.27 to the euro.",
                "about $1.27 to the euro=1.27 USD an exchange rate",
            ),
            (
                "The loan was repaid at 1.1 dollars per euro.",
                "1.1 dollars per euro=1.1 USD an exchange rate",
            ),
            (
                "The grant came to 2 million euros (€1 = $1.08).",
                "€1 = $1.08=1.08 USD an exchange rate",
            ),
            (
                "The pound traded at 83 rupees to the pound last week.",
                "83 rupees to the pound=83 INR an exchange rate",
            ),
            (
                "Rates stood at about $1.27 and £0.79 per euro.",
                "about $1.27=1.27 USD an exchange rate",
            ),
        ] {
            let got = seen(text);
            assert!(got.iter().any(|g| g == want), "{text}: {got:?}");
        }
        // a price per pound of weight is no rate
        let got = seen("Beef sold for $3 per pound at the market.");
        assert!(
            got.iter().all(|g| !g.ends_with("an exchange rate")),
            "{got:?}"
        );
    }

    #[test]
    fn every_number_is_listed_with_why_it_is_no_claim() {
        assert_eq!(
            seen("At least 240 people were killed in 2019 at 10:30, the 5th time since COVID-19 hit."),
            vec![
                "At least 240=240 claim",
                "2019=2019 a year",
                "10:30=- a time",
                "5th=5 an ordinal",
                "COVID-19=- a code",
            ]
        );
    }

    #[test]
    fn references_addresses_versions_and_ips_are_no_figures() {
        assert_eq!(
            seen("See page 12 and section 4 of the report sent from 10 Downing Street, version 2.1.3, from 192.168.0.1."),
            vec![
                "12=12 a page or section number",
                "4=4 a page or section number",
                "10=10 an address",
                "2.1.3=- a version",
                "192.168.0.1=- an IP address",
            ]
        );
    }

    #[test]
    fn a_fraction_that_is_no_share_says_why() {
        assert_eq!(
            seen("Half the time the ferries ran late."),
            vec!["Half the=50 percent a share of no counted thing"]
        );
        assert_eq!(
            seen("In half the cases, nothing turned up."),
            vec!["half the=50 percent a share with no event"]
        );
        assert_eq!(
            seen("Half the Port Elden fleet was grounded on Friday."),
            vec!["Half the=50 percent claim"]
        );
    }

    #[test]
    fn ages_and_conversions() {
        assert_eq!(
            seen("A 45-year-old man drove 5 miles (8 km) to a woman aged 61."),
            vec![
                "45=45 an age",
                "5 miles=5 miles (8 km) claim",
                "8 km=8 a conversion of the figure before",
                "61=61 an age"
            ]
        );
    }
}

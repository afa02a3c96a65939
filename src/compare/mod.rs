//! Compare: each [`Group`] becomes zero or more [`Finding`]s with a verdict, a one-line
//! explanation and a confidence. Precision first for `conflict`.
//!
//! Rules, precision first (a false conflict costs the fact-checker's trust):
//!
//! - `conflict`: same kind, unit, event, thing counted, place and subject (the nearest
//!   person or organisation outside the attribution); a known, equal time scope (or, for a
//!   cumulative kind with no scope, the same report date); intervals that do not overlap;
//!   sentences that share wording; no source giving both figures; not a power of 1,000
//!   apart (a misread multiplier). Two named claimants whose figures for one quantity
//!   cannot both hold are a conflict that names both ("organisers: 250,000; police:
//!   150,000"); a falling cumulative figure between report dates is a conflict unless it
//!   falls more than twofold (then one of the two is of another date or count).
//! - `different_scope`: one day vs cumulative, two periods, a part vs a whole, different
//!   things counted, other places, a rate vs a total, or a scope stated on one side only.
//! - `progression`: a cumulative figure that rises between report dates.
//! - `agreement`: compatible figures (a vague amount never conflicts), with the number of
//!   independent upstreams (an unnamed "activist groups" next to a named group is one).
//! - `quote_variant` / `attribution_variant` / `name_variant`: see below.
//!
//! Where each verdict is decided:
//!
//! - `conflict`, `progression`, `different_scope`, `agreement` and the credit variant
//!   of a figure: `quantities.rs` (clusters of identical signature, then pairs), which
//!   asks `relation.rs` how two figures relate (the ladder: subject, status, period,
//!   thing counted, report date, claimants; the thresholds live there);
//! - independent upstream sources of an agreement: `upstream.rs`;
//! - `quote_variant` and `attribution_variant` of statements: `statements.rs`;
//! - `name_variant`: `names.rs`;
//! - `interval.rs` relates and writes intervals; `explain.rs` builds evidence, summaries
//!   and word diffs.
//!
//! Output does not depend on the order of the sources: everything inside a group is
//! ordered by source id and position, and findings are sorted by [`sort_findings`].

mod explain;
mod interval;
mod names;
mod quantities;
mod relation;
mod statements;
mod upstream;
pub(crate) use relation::scope_words;

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{Group, Ref, Topic};
use crate::extract::{Claim, Extraction, Interval};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::text::Span;

/// The verdicts of DESIGN.md, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Same quantity and scope, intervals that cannot both hold.
    Conflict,
    /// A cumulative figure that rises between reports of different dates.
    Progression,
    /// Looks alike but measures something else.
    DifferentScope,
    /// The same statement credited to different speakers or conduits.
    AttributionVariant,
    /// The same speaker's statement in different words.
    QuoteVariant,
    /// One entity spelled differently.
    NameVariant,
    /// Same quantity and scope, compatible values.
    Agreement,
}

impl Verdict {
    /// The snake_case name used in JSON, the CLI and docs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Progression => "progression",
            Verdict::DifferentScope => "different_scope",
            Verdict::AttributionVariant => "attribution_variant",
            Verdict::QuoteVariant => "quote_variant",
            Verdict::NameVariant => "name_variant",
            Verdict::Agreement => "agreement",
        }
    }

    /// Every verdict, in report order.
    pub const ALL: [Verdict; 7] = [
        Verdict::Conflict,
        Verdict::Progression,
        Verdict::DifferentScope,
        Verdict::AttributionVariant,
        Verdict::QuoteVariant,
        Verdict::NameVariant,
        Verdict::Agreement,
    ];
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The verdict.
    pub verdict: Verdict,
    /// Claim kind id (`casualties`), or `quote`, `attribution`, `name`.
    pub kind: String,
    /// What the claims are about ("people killed since the coup").
    pub summary: String,
    /// Why the verdict ("same event and scope; 320 and 250 do not overlap").
    pub explanation: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The claims, one per source side by side, sorted by source then position.
    pub evidence: Vec<Evidence>,
    /// For agreements: how many independent upstream sources back the figure.
    pub independent_sources: Option<usize>,
    /// For quote variants: a word diff between the first two renderings.
    pub diff: Option<Vec<DiffPart>>,
}

/// One claim as shown in a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Index of the source.
    pub source: usize,
    /// Span of the claim text.
    pub span: Span,
    /// Span of the whole sentence.
    pub sentence: Span,
    /// Figure as written, for quantities.
    pub number: Option<f64>,
    /// Interval asserted, for quantities.
    pub value: Option<Interval>,
    /// Unit id, for quantities.
    pub unit: Option<String>,
    /// Attribution chain ("TASS <- Fomin").
    pub attribution: Option<String>,
    /// Direct quote, when the claim is one.
    pub quote: Option<String>,
    /// Scope as written ("since the Feb. 1 coup"), when any.
    pub scope: Option<String>,
}

impl Evidence {
    /// Evidence for a bare span of a source: no figure, attribution, quote or scope.
    pub fn at(source: usize, span: Span, sentence: Span) -> Evidence {
        Evidence {
            source,
            span,
            sentence,
            number: None,
            value: None,
            unit: None,
            attribution: None,
            quote: None,
            scope: None,
        }
    }
}

/// A piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the first rendering) or `insert` (only in the second).
    pub op: DiffOp,
    /// The words.
    pub text: String,
}

/// Word diff operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// In both.
    Equal,
    /// Only in the first.
    Delete,
    /// Only in the second.
    Insert,
}

/// Shared inputs of one comparison.
pub(crate) struct Ctx<'a> {
    pub(crate) sources: &'a [Source],
    pub(crate) extractions: &'a [Extraction],
    pub(crate) pack: &'a Pack,
}

impl<'a> Ctx<'a> {
    fn sid(&self, r: Ref) -> &'a str {
        self.sources.get(r.source).map_or("", |s| s.id.as_str())
    }

    fn claim(&self, r: Ref) -> Option<&'a Claim> {
        self.extractions.get(r.source)?.claims.get(r.item)
    }
}

/// Gives every group its findings, sorted deterministically.
pub fn compare(
    groups: &[Group],
    sources: &[Source],
    extractions: &[Extraction],
    pack: &Pack,
) -> Vec<Finding> {
    let ctx = Ctx {
        sources,
        extractions,
        pack,
    };
    // Groups are independent: compared in parallel, collected in group order.
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .flat_map_iter(|g| match &g.topic {
            Topic::Quantity { .. } => quantities::quantities(&ctx, g),
            Topic::Statement { .. } => statements::statements(&ctx, g),
            Topic::Entity { .. } => names::names(&ctx, g),
        })
        .collect();
    sort_findings(&mut findings);
    findings
}

/// Sorts findings by (verdict rank, kind, first source, line), the report order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            let first = f.evidence.first().map(|e| (e.source, e.span.start));
            (f.verdict, f.kind.clone(), first)
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| b.confidence.total_cmp(&a.confidence))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{
        Attribution, Claim, ClaimBody, Mention, Party, Quantity, Scope, Statement, TimeScope,
        TimeScopeKind,
    };
    use crate::pack::EntityKind;
    use jiff::civil::{date, Date};

    /// A hand-made source: its text and the claims and mentions we say it has.
    struct Doc {
        id: &'static str,
        text: String,
        ex: Extraction,
    }

    fn doc(id: &'static str, text: &str) -> Doc {
        Doc {
            id,
            text: text.to_owned(),
            ex: Extraction::default(),
        }
    }

    fn find(text: &str, phrase: &str) -> std::ops::Range<usize> {
        let start = text.find(phrase).expect("test phrase is in the test text");
        start..start + phrase.len()
    }

    /// A quantity under construction.
    struct Q {
        phrase: &'static str,
        q: Quantity,
        by: Option<&'static str>,
    }

    fn q(phrase: &'static str, value: Interval) -> Q {
        Q {
            phrase,
            q: Quantity {
                number: value.min.or(value.max),
                value,
                kind: "casualties".into(),
                unit: "people".into(),
                counted: Some("people".into()),
                event: Some("killed".into()),
                scope: Scope::default(),
                modifier: None,
                vague: false,
                part: false,
                status: None,
            },
            by: None,
        }
    }

    fn exact(x: f64) -> Interval {
        Interval::exact(x)
    }

    fn at_least(x: f64) -> Interval {
        Interval::closed(Some(x), None)
    }

    impl Q {
        fn time(
            mut self,
            kind: TimeScopeKind,
            text: &str,
            from: Option<Date>,
            to: Option<Date>,
        ) -> Q {
            self.q.scope.time = Some(TimeScope {
                kind,
                text: text.into(),
                span: 0..0,
                from,
                to,
            });
            self
        }
        fn since(self, text: &str, from: Date) -> Q {
            self.time(TimeScopeKind::Since, text, Some(from), None)
        }
        fn day(self, text: &str, d: Date) -> Q {
            self.time(TimeScopeKind::Day, text, Some(d), Some(d))
        }
        fn reported(mut self, d: Date) -> Q {
            self.q.scope.as_of = Some(d);
            self
        }
        fn by(mut self, who: &'static str) -> Q {
            self.by = Some(who);
            self
        }
        fn kind(mut self, kind: &str, unit: &str, event: &str, counted: &str) -> Q {
            self.q.kind = kind.into();
            self.q.unit = unit.into();
            self.q.event = Some(event.into());
            self.q.counted = Some(counted.into());
            self
        }
        fn vague(mut self) -> Q {
            self.q.vague = true;
            self.q.number = None;
            self
        }
        fn part(mut self) -> Q {
            self.q.part = true;
            self
        }
        fn counted(mut self, c: &str) -> Q {
            self.q.counted = Some(c.into());
            self
        }
    }

    fn party(name: &str) -> Party {
        Party {
            name: name.into(),
            key: crate::normalize::fold(name),
            kind: None,
            span: None,
        }
    }

    impl Doc {
        fn with(mut self, q: Q) -> Doc {
            let span = find(&self.text, q.phrase);
            self.ex.claims.push(Claim {
                sentence: self.ex.claims.len(),
                sentence_span: 0..self.text.len(),
                span,
                body: ClaimBody::Quantity(q.q),
                attribution: q.by.map(|who| Attribution {
                    speaker: Some(party(who)),
                    chain: Vec::new(),
                    verb: Some("say".into()),
                    span: 0..0,
                }),
            });
            self
        }

        fn said(mut self, content: &str, speaker: &str, chain: &[&str]) -> Doc {
            let span = find(&self.text, content);
            self.ex.claims.push(Claim {
                sentence: self.ex.claims.len(),
                sentence_span: 0..self.text.len(),
                span: span.clone(),
                body: ClaimBody::Statement(Statement {
                    content: span,
                    direct: true,
                    sentences: 0..1,
                }),
                attribution: Some(Attribution {
                    speaker: Some(party(speaker)),
                    chain: chain.iter().map(|c| party(c)).collect(),
                    verb: Some("say".into()),
                    span: 0..0,
                }),
            });
            self
        }

        fn named(mut self, written: &str, key: &str) -> Doc {
            let span = find(&self.text, written);
            self.ex.mentions.push(Mention {
                span,
                text: written.into(),
                key: key.into(),
                canonical: key.into(),
                kind: EntityKind::Person,
                title: None,
                sentence: 0,
            });
            self
        }
    }

    fn run(docs: Vec<Doc>) -> Vec<Finding> {
        let pack = Pack::default_pack();
        let sources: Vec<Source> = docs
            .iter()
            .map(|d| Source::from_text(d.id, &format!("{}.txt", d.id), &d.text, &pack))
            .collect();
        let extractions: Vec<Extraction> = docs.into_iter().map(|d| d.ex).collect();
        let groups = crate::align(&sources, &extractions);
        compare(&groups, &sources, &extractions, &pack)
    }

    fn verdicts(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.verdict.as_str()).collect()
    }

    const QUAKE_DAY: Date = date(2023, 2, 7);

    /// A source giving one cumulative death toll, reported on `d`.
    fn toll(id: &'static str, v: f64, phrase: &'static str, d: Date) -> Doc {
        doc(
            id,
            &format!("The earthquake has killed {phrase}, the agency said."),
        )
        .with(q(phrase, exact(v)).reported(d))
    }

    #[test]
    fn counted_nouns_of_one_pack_set_are_one_thing() {
        let share = |phrase: &'static str, counted: &str| {
            q(phrase, at_least(14.0)).kind("shares", "percent", "supplied", counted)
        };
        let run_with = |a: &str, b: &str| {
            run(vec![
                doc(
                    "a",
                    "At least 14% of weaponry bought by Chad came from Belarus.",
                )
                .with(share("At least 14%", a)),
                doc(
                    "b",
                    "Belarus supplied at least 14% of Chad's weapons imports.",
                )
                .with(share("at least 14%", b)),
            ])
        };
        // "weaponry" and "weapons imports" are one set in claims/kinds/shares.toml
        assert_eq!(
            verdicts(&run_with("weaponry", "weapons imports")),
            ["agreement"]
        );
        // "exports" is not in it
        assert_eq!(
            verdicts(&run_with("weaponry", "exports")),
            ["different_scope"]
        );
    }

    #[test]
    fn an_unknown_scope_between_figures_of_different_orders_is_not_reported() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let pair = |other: &'static str, v: f64| {
            run(vec![
                doc(
                    "a",
                    "The city budget for fiscal 2026 totals $4.2bn, the council said.",
                )
                .with(money("$4.2bn", 4.2e9).time(
                    TimeScopeKind::Period,
                    "fiscal 2026",
                    Some(date(2026, 1, 1)),
                    Some(date(2026, 12, 31)),
                )),
                doc(
                    "b",
                    &format!("The city budget totals {other}, the council said."),
                )
                .with(money(other, v)),
            ])
        };
        // one states a period, the other does not: worth a look when the figures are close
        assert_eq!(verdicts(&pair("$3.96bn", 3.96e9)), ["different_scope"]);
        // not when they are of different orders
        assert_eq!(verdicts(&pair("$310m", 310e6)), Vec::<&str>::new());
    }

    #[test]
    fn figures_that_say_nothing_of_what_they_measure_never_conflict() {
        // "$85 million" and "$310m": no event, no thing counted, only the unit
        let money = |phrase: &'static str, v: f64| {
            let mut m = q(phrase, exact(v)).kind("money", "USD", "spent", "USD");
            m.q.event = None;
            m.q.counted = None;
            m
        };
        let f = run(vec![
            doc(
                "a",
                "The plan draws $85 million from the city's reserve fund on Thursday.",
            )
            .with(money("$85 million", 85e6)),
            doc(
                "b",
                "The plan closes US$310m from the city's reserve fund on Thursday.",
            )
            .with(money("US$310m", 310e6)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:#?}");
        // the same sentences with the thing counted named do conflict
        let f = run(vec![
            doc(
                "a",
                "The plan draws $85 million from the city's reserve fund on Thursday.",
            )
            .with(money("$85 million", 85e6).counted("reserve draw")),
            doc(
                "b",
                "The plan closes US$310m from the city's reserve fund on Thursday.",
            )
            .with(money("US$310m", 310e6).counted("reserve draw")),
        ]);
        assert_eq!(verdicts(&f), ["conflict"], "{f:#?}");
    }

    #[test]
    fn same_day_same_toll_with_disjoint_values_is_a_conflict() {
        let f = run(vec![
            doc("a", "The toll stood at 250 people on Tuesday.")
                .with(q("250 people", exact(250.0)).day("on Tuesday", QUAKE_DAY)),
            doc("b", "At least 320 people were killed on Tuesday.")
                .with(q("At least 320 people", at_least(320.0)).day("on Tuesday", QUAKE_DAY)),
        ]);
        assert_eq!(verdicts(&f), ["conflict"]);
        assert!(f[0].confidence >= 0.8);
        assert_eq!(
            f[0].explanation,
            "same event and scope; 250 and at least 320 do not overlap"
        );
        assert_eq!(f[0].evidence.len(), 2);
    }

    #[test]
    fn compatible_bounds_are_an_agreement_not_a_conflict() {
        let f = run(vec![
            doc("a", "At least 40 people died on Monday.")
                .with(q("At least 40 people", at_least(40.0)).day("on Monday", QUAKE_DAY)),
            doc("b", "About 120 people died on Monday.").with(
                q(
                    "About 120 people",
                    Interval::closed(Some(108.0), Some(132.0)),
                )
                .day("on Monday", QUAKE_DAY),
            ),
        ]);
        assert_eq!(verdicts(&f), ["agreement"]);
    }

    #[test]
    fn one_day_vs_cumulative_is_different_scope() {
        let coup = date(2021, 2, 1);
        let f = run(vec![
            doc("a", "Over 114 people died on Saturday.").with(
                q(
                    "Over 114 people",
                    Interval {
                        min: Some(114.0),
                        max: None,
                        min_inclusive: false,
                        max_inclusive: false,
                    },
                )
                .day("Saturday", date(2021, 3, 27)),
            ),
            doc(
                "b",
                "Since the coup, troops have killed at least 320 people.",
            )
            .with(q("at least 320 people", at_least(320.0)).since("since the coup", coup)),
        ]);
        assert_eq!(verdicts(&f), ["different_scope"]);
        assert!(f[0].explanation.contains("one day"), "{}", f[0].explanation);
        assert!(
            f[0].explanation.contains("cumulative"),
            "{}",
            f[0].explanation
        );
    }

    #[test]
    fn unknown_scope_on_one_side_is_never_a_conflict() {
        let f = run(vec![
            doc("a", "The toll stood at 250 people on Tuesday.")
                .with(q("250 people", exact(250.0)).day("on Tuesday", QUAKE_DAY)),
            doc("b", "Some 320 people were killed.").with(q("320 people", exact(320.0))),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert_eq!(verdicts(&f), ["different_scope"]);
    }

    #[test]
    fn part_of_a_total_is_different_scope() {
        let coup = date(2021, 2, 1);
        let f = run(vec![
            doc(
                "a",
                "Troops have shot dead 320 people, 11 of them on Thursday.",
            )
            .with(q("320 people", exact(320.0)))
            .with(q("11", exact(11.0)).part()),
            doc("b", "A total of 320 people were killed.").with(q("320 people", exact(320.0))),
        ]);
        let _ = coup;
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert!(verdicts(&f).contains(&"different_scope"));
        assert!(verdicts(&f).contains(&"agreement"));
    }

    #[test]
    fn rising_cumulative_toll_is_a_progression_and_a_fall_is_a_conflict() {
        let rising = run(vec![
            doc("a", "The death toll rose to 1,200 people.")
                .with(q("1,200 people", exact(1200.0)).reported(date(2023, 2, 6))),
            doc("b", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&rising), ["progression"]);
        let falling = run(vec![
            doc("a", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 6))),
            doc("b", "The death toll rose to 2,900 people.")
                .with(q("2,900 people", exact(2900.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&falling), ["conflict"]);
        assert!(falling[0].explanation.contains("cannot fall"));
    }

    #[test]
    fn a_toll_that_falls_more_than_twofold_is_another_count_not_a_conflict() {
        // A later page's headline over an older body, or a past disaster's toll: a running
        // count does not fall from 3,400 to 1,200 in a day.
        let falling = run(vec![
            doc("a", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 6))),
            doc("b", "The death toll rose to 1,200 people.")
                .with(q("1,200 people", exact(1200.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&falling), ["different_scope"]);
        assert!(falling[0].explanation.contains("does not fall 3-fold"));
    }

    #[test]
    fn open_cumulative_bound_then_a_higher_figure_is_a_progression() {
        let f = run(vec![
            doc("a", "The quake has killed at least 1,200 people.")
                .with(q("at least 1,200 people", at_least(1200.0)).reported(date(2023, 2, 6))),
            doc("b", "The quake has killed 3,100 people.")
                .with(q("3,100 people", exact(3100.0)).reported(date(2023, 2, 9))),
        ]);
        assert_eq!(verdicts(&f), ["progression"]);
        assert!(f[0]
            .explanation
            .contains("at least 1,200 (2023-02-06) -> 3,100 (2023-02-09)"));
    }

    #[test]
    fn a_figure_of_another_event_is_set_against_the_main_one() {
        let killed = |d: Doc, phrase: &'static str, v: f64| {
            d.with(q(phrase, exact(v)).reported(date(2023, 2, 7)))
        };
        let a = killed(
            doc("a", "The quake killed 2,300 people."),
            "2,300 people",
            2300.0,
        );
        let b = killed(
            doc("b", "The quake killed 2,300 people."),
            "2,300 people",
            2300.0,
        );
        let c = doc(
            "c",
            "Rescuers pulled 146 bodies from the rubble on Wednesday.",
        )
        .with(
            q("146 bodies", exact(146.0))
                .kind("casualties", "people", "recovered", "bodies")
                .day("on Wednesday", date(2023, 2, 8)),
        );
        let f = run(vec![a, b, c]);
        assert_eq!(verdicts(&f), ["different_scope", "agreement"]);
        assert!(
            f[0].explanation.contains("146 bodies recovered"),
            "{}",
            f[0].explanation
        );
        assert!(f[0].explanation.contains("different things counted"));
    }

    #[test]
    fn cumulative_figures_without_report_dates_are_not_a_conflict() {
        let f = run(vec![
            doc("a", "The death toll rose to 1,200 people.").with(q("1,200 people", exact(1200.0))),
            doc("b", "The death toll rose to 3,400 people.")
                .with(q("3,400 people", exact(3400.0)).reported(date(2023, 2, 7))),
        ]);
        assert_eq!(verdicts(&f), ["different_scope"]);
    }

    #[test]
    fn vague_amounts_never_conflict() {
        let f = run(vec![
            doc("a", "Scores of people were killed on Saturday.").with(
                q("Scores of people", Interval::closed(Some(20.0), Some(99.0)))
                    .vague()
                    .day("on Saturday", QUAKE_DAY),
            ),
            doc("b", "More than 300 people were killed on Saturday.")
                .with(q("300 people", at_least(300.0)).day("on Saturday", QUAKE_DAY)),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn two_agencies_measuring_a_magnitude_differently_is_not_a_confident_conflict() {
        let f = run(vec![
            doc("a", "The quake measured 7.8, the USGS said.").with(
                q("7.8", exact(7.8))
                    .kind("measures", "magnitude", "magnitude", "magnitude")
                    .by("USGS"),
            ),
            doc("b", "The quake measured 7.4, the EMSC said.").with(
                q("7.4", exact(7.4))
                    .kind("measures", "magnitude", "magnitude", "magnitude")
                    .by("EMSC"),
            ),
        ]);
        assert!(
            f.iter()
                .all(|f| f.verdict != Verdict::Conflict || f.confidence < 0.5),
            "{f:?}"
        );
        assert_eq!(verdicts(&f), ["different_scope"]);
        assert!(f[0].explanation.contains("USGS") && f[0].explanation.contains("EMSC"));
    }

    #[test]
    fn different_things_counted_are_different_scope() {
        let f = run(vec![
            doc("a", "120 soldiers were killed on Tuesday.").with(
                q("120 soldiers", exact(120.0))
                    .counted("soldiers")
                    .day("on Tuesday", QUAKE_DAY),
            ),
            doc("b", "40 civilians were killed on Tuesday.").with(
                q("40 civilians", exact(40.0))
                    .counted("civilians")
                    .day("on Tuesday", QUAKE_DAY),
            ),
        ]);
        assert_eq!(verdicts(&f), ["different_scope"]);
        assert!(f[0].explanation.contains("civilians"));
    }

    #[test]
    fn one_agency_repeated_by_two_outlets_counts_once_and_unnamed_groups_join_it() {
        let coup = date(2021, 2, 1);
        let f = run(vec![
            doc(
                "a",
                "Activist groups count at least 320 people killed since the coup.",
            )
            .with(
                q("at least 320 people", at_least(320.0))
                    .since("since the coup", coup)
                    .by("activist groups"),
            ),
            doc(
                "b",
                "Police killed 320 people since the coup, according to the AAPP.",
            )
            .with(
                q("320 people", exact(320.0))
                    .since("since the coup", coup)
                    .by("AAPP"),
            ),
            doc("c", "The AAPP says 320 people were killed since the coup.").with(
                q("320 people", exact(320.0))
                    .since("since the coup", coup)
                    .by("AAPP"),
            ),
        ]);
        assert_eq!(verdicts(&f), ["attribution_variant", "agreement"]);
        let (variant, agreement) = (&f[0], &f[1]);
        assert_eq!(agreement.independent_sources, Some(1));
        assert_eq!(agreement.evidence.len(), 3);
        assert_eq!(agreement.summary, "people killed since the coup");
        assert!(
            variant
                .explanation
                .contains("AAPP (b, c); activist groups (a)"),
            "{}",
            variant.explanation
        );
    }

    #[test]
    fn quote_in_other_words_is_a_quote_variant_with_a_diff() {
        let f = run(vec![
            doc("a", "Fomin said Moscow is determined to follow a policy of deepening the partnership between the two countries.")
                .said("determined to follow a policy of deepening the partnership between the two countries", "Fomin", &[]),
            doc("b", "Fomin said Moscow holds to the political course of expanding the partnership between the two countries.")
                .said("holds to the political course of expanding the partnership between the two countries", "Fomin", &[]),
        ]);
        assert_eq!(verdicts(&f), ["quote_variant"]);
        let diff = f[0].diff.as_ref().expect("quote variants carry a diff");
        assert!(diff
            .iter()
            .any(|p| p.op == DiffOp::Equal && p.text.contains("partnership between")));
    }

    #[test]
    fn two_translations_of_a_speakers_only_quote_are_a_quote_variant() {
        let f = run(vec![
            doc("a", "Dmitri Voronko said: Belarus intends to widen its military partnership, whatever pressure comes.")
                .said("Belarus intends to widen its military partnership, whatever pressure comes", "Dmitri Voronko", &[]),
            doc("b", "Dmitry Voronko said: Minsk will strengthen military cooperation regardless of pressure.")
                .said("Minsk will strengthen military cooperation regardless of pressure", "Dmitry Voronko", &[]),
        ]);
        assert!(verdicts(&f).contains(&"quote_variant"), "{f:?}");
    }

    #[test]
    fn paraphrases_without_quotation_marks_are_not_a_quote_variant() {
        let mut a = doc(
            "a",
            "The commission said turnout was 61.4% of registered voters.",
        )
        .said("turnout was 61.4% of registered voters", "commission", &[]);
        let mut b = doc(
            "b",
            "The commission said turnout reached 61.4% of registered voters.",
        )
        .said(
            "turnout reached 61.4% of registered voters",
            "commission",
            &[],
        );
        for d in [&mut a, &mut b] {
            for c in &mut d.ex.claims {
                if let ClaimBody::Statement(st) = &mut c.body {
                    st.direct = false;
                }
            }
        }
        let f = run(vec![a, b]);
        assert!(!verdicts(&f).contains(&"quote_variant"), "{f:?}");
    }

    #[test]
    fn same_words_through_different_conduits_is_an_attribution_variant() {
        let words = "the talks were frank and useful for both sides";
        let f = run(vec![
            doc("a", &format!("TASS quoted Fomin: {words}.")).said(words, "Fomin", &["TASS"]),
            doc("b", &format!("Interfax quoted Fomin: {words}.")).said(
                words,
                "Fomin",
                &["Interfax"],
            ),
        ]);
        assert_eq!(verdicts(&f), ["attribution_variant"]);
        assert!(
            f[0].explanation.contains("TASS <- Fomin (a)"),
            "{}",
            f[0].explanation
        );
    }

    #[test]
    fn different_statements_through_one_conduit_are_not_grouped() {
        let f = run(vec![
            doc(
                "a",
                "Interfax reported that the ministry backs the regime fully.",
            )
            .said(
                "the ministry backs the regime fully",
                "ministry",
                &["Interfax"],
            ),
            doc(
                "b",
                "Interfax reported that the president will not meet the general.",
            )
            .said(
                "the president will not meet the general",
                "Peskov",
                &["Interfax"],
            ),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn spellings_of_one_name_are_a_name_variant_saying_who_uses_which() {
        let f = run(vec![
            doc("a", "Aleksandr Fomin arrived.").named("Aleksandr Fomin", "aleksandr fomin"),
            doc("b", "Alexander Fomin arrived.").named("Alexander Fomin", "alexander fomin"),
            doc("c", "Alexander Fomin left.").named("Alexander Fomin", "alexander fomin"),
        ]);
        assert_eq!(verdicts(&f), ["name_variant"]);
        assert!(
            f[0].explanation.contains("Aleksandr Fomin (a)"),
            "{}",
            f[0].explanation
        );
        assert!(
            f[0].explanation.contains("Alexander Fomin (b, c)"),
            "{}",
            f[0].explanation
        );
        assert_eq!(f[0].evidence.len(), 3);
    }

    #[test]
    fn an_acronym_or_a_bare_surname_is_only_a_weak_name_variant() {
        let f = run(vec![
            doc("a", "The CNE said so.").named("CNE", "nec"),
            doc("b", "The National Elections Commission said so.")
                .named("National Elections Commission", "nec"),
        ]);
        assert_eq!(verdicts(&f), ["name_variant"]);
        assert!(f[0].confidence <= 0.5);
    }

    #[test]
    fn same_spelling_everywhere_is_not_a_name_variant() {
        let f = run(vec![
            doc("a", "Alexander Fomin arrived.").named("Alexander Fomin", "alexander fomin"),
            doc("b", "Alexander Fomin left.").named("Alexander Fomin", "alexander fomin"),
        ]);
        assert!(f.is_empty());
    }

    #[test]
    fn figures_for_different_parties_are_not_a_conflict() {
        let seats = |d: Doc, phrase: &'static str, v: f64| {
            d.with(q(phrase, exact(v)).kind("votes", "seats", "won", "seats"))
        };
        let a = seats(
            doc(
                "a",
                "The RPU won 142 seats and the Democratic Front took 61 seats.",
            )
            .named("RPU", "rpu")
            .named("Democratic Front", "democratic front"),
            "142 seats",
            142.0,
        );
        let a = seats(a, "61 seats", 61.0);
        let b = seats(
            doc("b", "The Democratic Front won 61 seats.")
                .named("Democratic Front", "democratic front"),
            "61 seats",
            61.0,
        );
        let f = run(vec![a, b]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert!(verdicts(&f).contains(&"agreement"));
    }

    #[test]
    fn open_bound_next_to_an_unscoped_figure_is_not_an_agreement() {
        let f = run(vec![
            doc("a", "More than 114 people died on Saturday.").with(
                q(
                    "114 people",
                    Interval {
                        min: Some(114.0),
                        max: None,
                        min_inclusive: false,
                        max_inclusive: false,
                    },
                )
                .day("Saturday", date(2021, 3, 27)),
            ),
            doc("b", "Troops have killed 320 people.").with(q("320 people", exact(320.0))),
        ]);
        assert!(!verdicts(&f).contains(&"agreement"), "{f:?}");
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    #[test]
    fn untimed_figures_in_unrelated_sentences_are_not_a_conflict() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc(
                "a",
                "Public safety, with fire and ambulance crews, gets $1.75bn.",
            )
            .with(money("$1.75bn", 1.75e9)),
            doc("b", "The police department budget is $960m.").with(money("$960m", 9.6e8)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    #[test]
    fn untimed_figures_in_alike_sentences_are_a_conflict_of_middling_confidence() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc("a", "The police department operating budget will be $960m.")
                .with(money("$960m", 9.6e8)),
            doc(
                "b",
                "The police department operating budget will be $1.2bn.",
            )
            .with(money("$1.2bn", 1.2e9)),
        ]);
        assert_eq!(verdicts(&f), ["conflict"]);
        assert!(f[0].confidence < 0.8 && f[0].confidence >= 0.5);
    }

    #[test]
    fn thousands_of_outlets_repeating_one_agency_give_one_agreement_with_one_upstream() {
        let day = date(2023, 2, 7);
        let docs: Vec<Doc> = (0..1500)
            .map(|i| {
                let id: &'static str = Box::leak(format!("s{i:04}").into_boxed_str());
                let v = if i % 2 == 0 {
                    exact(250.0)
                } else {
                    at_least(200.0)
                };
                doc(
                    id,
                    "The toll stood at 250 people on Tuesday, the agency said.",
                )
                .with(
                    q("250 people", v)
                        .day("on Tuesday", day)
                        .by("National Emergency Agency"),
                )
            })
            .collect();
        let f = run(docs);
        assert_eq!(verdicts(&f), ["agreement"]);
        assert_eq!(f[0].independent_sources, Some(1));
        assert_eq!(f[0].evidence.len(), 1500);
    }

    #[test]
    fn a_terse_headline_first_in_a_cluster_does_not_hide_a_same_day_conflict() {
        let day = date(2025, 3, 4);
        let text = "Quake toll climbs to 2,300\n\nThe number of people killed by the \
                    earthquake has risen to 2,300, the agency said at its evening briefing on Tuesday.";
        let headline = find(text, "Quake toll climbs to 2,300");
        let a = doc("a", text)
            .with(q("2,300", exact(2300.0)).reported(day))
            .with(q("to 2,300,", exact(2300.0)).reported(day));
        let mut a = a;
        a.ex.claims[0].span = find(text, "2,300");
        a.ex.claims[0].sentence_span = headline;
        let b = doc(
            "b",
            "The agency put the death toll from the earthquake at 1,650 at its evening briefing on Tuesday.",
        )
        .with(q("1,650", exact(1650.0)).reported(day));
        let f = run(vec![a, b]);
        assert_eq!(verdicts(&f), ["conflict"]);
        assert!(f[0].explanation.contains("2,300 and 1,650 do not overlap"));
    }

    #[test]
    fn a_progression_lists_each_report_date_once_and_flags_a_same_day_disagreement() {
        let f = run(vec![
            toll("a", 1200.0, "1,200 people", date(2025, 3, 3)),
            toll("b", 2300.0, "2,300 people", date(2025, 3, 4)),
            toll("c", 1650.0, "1,650 people", date(2025, 3, 4)),
            toll("d", 3100.0, "3,100 people", date(2025, 3, 6)),
        ]);
        assert_eq!(verdicts(&f), ["conflict", "progression"]);
        assert!(f[0].explanation.contains("as of 2025-03-04"));
        assert!(
            f[1].explanation.ends_with(
                "1,200 (2025-03-03) -> 1,650 / 2,300 (2025-03-04, not consistent) -> 3,100 (2025-03-06)"
            ),
            "{}",
            f[1].explanation
        );
    }

    #[test]
    fn one_disagreement_repeated_by_two_agreeing_sources_is_one_conflict() {
        let seats = |id, v: f64, phrase: &'static str, d: Date| {
            doc(
                id,
                &format!("The ruling party won {phrase} in Sunday's parliamentary election."),
            )
            .with(
                q(phrase, exact(v))
                    .kind("votes", "seats", "won", "seats")
                    .reported(d),
            )
        };
        let f = run(vec![
            seats("a", 142.0, "142 seats", date(2024, 11, 21)),
            seats("b", 142.0, "142 seats", date(2024, 11, 22)),
            seats("c", 124.0, "124 seats", date(2024, 11, 22)),
        ]);
        let conflicts: Vec<&Finding> = f
            .iter()
            .filter(|f| f.verdict == Verdict::Conflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{f:#?}");
        assert_eq!(conflicts[0].evidence.len(), 3);
        assert!(conflicts[0]
            .explanation
            .ends_with("1 other pair of these figures disagrees the same way"));
    }

    #[test]
    fn the_day_of_a_vote_is_not_the_period_a_budget_covers() {
        let budget = |phrase: &'static str| {
            q(phrase, exact(4.2e9))
                .kind("money", "USD", "spent", "budget")
                .counted("budget")
        };
        let thursday = Some(date(2025, 6, 12));
        let f = run(vec![
            doc(
                "a",
                "The council on Thursday passed a $4.2 billion budget for the city.",
            )
            .with(budget("$4.2 billion").time(
                TimeScopeKind::Day,
                "on Thursday",
                thursday,
                thursday,
            )),
            doc(
                "b",
                "The council passed a $4.2 billion budget for the city's fiscal 2026.",
            )
            .with(budget("$4.2 billion").time(
                TimeScopeKind::Period,
                "fiscal 2026",
                Some(date(2026, 1, 1)),
                Some(date(2026, 12, 31)),
            )),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
        assert!(f[0].explanation.contains("scope only partly stated"));
    }

    #[test]
    fn one_figure_next_to_two_different_names_is_a_weak_agreement() {
        let f = run(vec![
            doc(
                "a",
                "The motion passed with 31 votes, the Progressive Caucus said.",
            )
            .with(q("31 votes", exact(31.0)).kind("votes", "votes", "passed", "votes"))
            .named("Progressive Caucus", "progressive caucus"),
            doc("b", "The City Council passed the motion with 31 votes.")
                .with(q("31 votes", exact(31.0)).kind("votes", "votes", "passed", "votes"))
                .named("City Council", "city council"),
        ]);
        assert_eq!(verdicts(&f), ["agreement"], "{f:#?}");
        assert!((f[0].confidence - 0.6).abs() < 1e-9);
    }

    #[test]
    fn a_republished_paragraph_is_one_upstream_but_separate_reporting_is_two() {
        let wire = "Military links between the two governments have deepened over the past \
                    decade, with Moscow schooling thousands of soldiers and supplying weapons to \
                    an army under Western sanctions.";
        let edited = "Military links between Russia and Myanmar have deepened over the past \
                      decade, with Moscow schooling thousands of soldiers and supplying weapons \
                      to an army under sanctions by several Western states.";
        let own = "Officers told us that thousands of soldiers have studied at Russian academies.";
        let soldiers = |id, text: &str| {
            doc(id, text).with(
                q(
                    "thousands of soldiers",
                    Interval::closed(Some(2000.0), Some(19999.0)),
                )
                .kind("counts", "people", "trained", "soldiers")
                .vague(),
            )
        };
        let copied = run(vec![soldiers("a", wire), soldiers("b", edited)]);
        assert_eq!(verdicts(&copied), ["agreement"]);
        assert_eq!(copied[0].independent_sources, Some(1));
        let separate = run(vec![soldiers("a", wire), soldiers("c", own)]);
        assert_eq!(verdicts(&separate), ["agreement"]);
        assert_eq!(separate[0].independent_sources, Some(2));
    }

    #[test]
    fn tolls_reported_years_apart_are_not_set_side_by_side() {
        let f = run(vec![
            toll("a", 1057.0, "1,057 people", date(2020, 7, 30)),
            toll("b", 637.0, "637 people", date(2023, 10, 23)),
        ]);
        assert!(verdicts(&f).is_empty(), "{f:#?}");
        let f = run(vec![
            toll("a", 1057.0, "1,057 people", date(2023, 8, 30)),
            toll("b", 637.0, "637 people", date(2023, 10, 23)),
        ]);
        assert_eq!(
            verdicts(&f),
            ["conflict"],
            "within weeks a falling toll conflicts"
        );
    }

    #[test]
    fn a_source_that_gives_both_figures_is_not_contradicting_anyone() {
        let money = |phrase: &'static str, v: f64| {
            q(phrase, exact(v)).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc(
                "a",
                "To close a $310m budget gap the city draws $85m from its reserve budget.",
            )
            .with(money("$310m", 3.1e8))
            .with(money("$85m", 8.5e7)),
            doc(
                "b",
                "To close a $310m budget gap the city draws on its reserve budget.",
            )
            .with(money("$310m", 3.1e8)),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
        assert!(verdicts(&f).contains(&"agreement"));
    }

    #[test]
    fn a_figure_read_without_its_multiplier_is_not_a_conflict() {
        let money = |phrase: &'static str, v: Interval| {
            q(phrase, v).kind("money", "USD", "spent", "budget")
        };
        let f = run(vec![
            doc("a", "The hiring freeze will save the budget $150 million.")
                .with(money("$150", exact(150.0))),
            doc("b", "The hiring freeze will save the budget $150m.")
                .with(money("$150m", exact(1.5e8))),
        ]);
        assert!(!verdicts(&f).contains(&"conflict"), "{f:?}");
    }

    fn corpus() -> Vec<Doc> {
        let coup = date(2021, 2, 1);
        let mut docs = Vec::new();
        let ids = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"];
        for (i, id) in ids.into_iter().enumerate() {
            let text = "At least 320 people were killed since the coup; 250 people on Tuesday; Alexander Fomin said the talks were frank and useful for both sides.";
            let mut d = doc(id, text)
                .with(
                    q("At least 320 people", at_least(320.0))
                        .since("since the coup", coup)
                        .by("AAPP"),
                )
                .said(
                    "the talks were frank and useful for both sides",
                    "Fomin",
                    if i % 2 == 0 { &["TASS"] } else { &[] },
                )
                .named("Alexander Fomin", "alexander fomin");
            let v = if i % 3 == 0 { 250.0 } else { 300.0 };
            d = d.with(q("250 people", exact(v)).day("on Tuesday", QUAKE_DAY));
            docs.push(d);
        }
        docs
    }

    fn by_id(findings: &[Finding], order: &[&str]) -> Vec<String> {
        findings
            .iter()
            .map(|f| {
                let ev: Vec<String> = f
                    .evidence
                    .iter()
                    .map(|e| format!("{}@{}", order[e.source], e.span.start))
                    .collect();
                format!(
                    "{}|{}|{}|{}|{:?}",
                    f.verdict.as_str(),
                    f.kind,
                    f.explanation,
                    f.confidence,
                    ev
                )
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        #[test]
        fn findings_do_not_depend_on_source_order(seed in 0u64..1000) {
            let base = corpus();
            let order: Vec<&str> = base.iter().map(|d| d.id).collect();
            let expected = by_id(&run(base), &order);
            let mut docs = corpus();
            // Fisher-Yates with a tiny deterministic generator.
            let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            for i in (1..docs.len()).rev() {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                docs.swap(i, (x >> 33) as usize % (i + 1));
            }
            let order: Vec<&str> = docs.iter().map(|d| d.id).collect();
            let mut got = by_id(&run(docs), &order);
            let mut want = expected.clone();
            got.sort();
            want.sort();
            proptest::prop_assert_eq!(got, want);
        }
    }
}

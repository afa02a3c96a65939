//! Lint rules on hand-built analyses, so they do not depend on what extraction finds.

use super::*;
use crate::compare::{Finding, Verdict};
use crate::extract::{
    Claim, ClaimBody, Extraction, Interval, Mention, Quantity, Scope, TimeScope, TimeScopeKind,
};
use crate::pack::EntityKind;

fn analysis(texts: &[(&str, &str)]) -> (Analysis, Pack) {
    let pack = Pack::default_pack();
    let sources: Vec<Source> = texts
        .iter()
        .map(|(id, text)| Source::from_text(id, &format!("{id}.md"), text, &pack))
        .collect();
    let sentences = sources.iter().map(|s| crate::segment(s, &pack)).collect();
    let extractions = vec![Extraction::default(); sources.len()];
    (
        Analysis {
            sources,
            sentences,
            extractions,
            findings: Vec::new(),
        },
        pack,
    )
}

fn sentence_of(a: &Analysis, src: usize, at: usize) -> (usize, std::ops::Range<usize>) {
    a.sentences[src]
        .iter()
        .enumerate()
        .find(|(_, s)| s.span.start <= at && at < s.span.end)
        .map(|(i, s)| (i, s.span.clone()))
        .expect("needle inside a sentence")
}

struct Q<'a> {
    needle: &'a str,
    number: f64,
    value: Interval,
    kind: &'a str,
    unit: &'a str,
    event: &'a str,
    counted: &'a str,
    scope: Option<(TimeScopeKind, &'a str)>,
}

fn add(a: &mut Analysis, src: usize, q: Q<'_>) {
    let start = a.sources[src].text.find(q.needle).expect("needle in text");
    let span = start..start + q.needle.len();
    let (sentence, sentence_span) = sentence_of(a, src, start);
    let time = q.scope.map(|(kind, text)| {
        let at = a.sources[src].text.find(text).expect("scope in text");
        TimeScope {
            kind,
            text: text.to_owned(),
            span: at..at + text.len(),
            from: None,
            to: None,
        }
    });
    a.extractions[src].claims.push(Claim {
        sentence,
        sentence_span,
        span,
        body: ClaimBody::Quantity(Box::new(Quantity {
            number: Some(q.number),
            value: q.value,
            kind: q.kind.into(),
            unit: q.unit.into(),
            counted: Some(q.counted.into()),
            event: Some(q.event.into()),
            scope: Scope {
                time: time.map(Box::new),
                place: None,
                as_of: None,
            },
            modifier: None,
            vague: false,
            part: false,
            status: None,
            about: None,
            sentence_stems: Default::default(),
            renderings: Vec::new(),
        })),
        attribution: None,
    });
}

fn toll<'a>(needle: &'a str, number: f64, value: Interval, scope: &'a str) -> Q<'a> {
    Q {
        needle,
        number,
        value,
        kind: "casualties",
        unit: "people",
        event: "killed",
        counted: "people",
        scope: Some((TimeScopeKind::Since, scope)),
    }
}

const SOURCE: &str = "Clashes in the valley\n\nAt least 40 people have been killed since the March 3 ceasefire, aid groups said.\n\nThe mayor said: \u{201c}We will rebuild every bridge before the rains come.\u{201d}\n";

fn rules_of(d: &[Diagnostic]) -> Vec<(&str, Severity)> {
    d.iter().map(|d| (d.rule.as_str(), d.severity)).collect()
}

#[test]
fn faithful_figure_passes() {
    let draft =
        "Draft\n\nForty? No: at least 40 people have been killed since the March 3 ceasefire.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    add(
        &mut a,
        0,
        toll(
            "at least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    add(
        &mut a,
        1,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    assert_eq!(lint(&a, 0, &pack), vec![]);
}

#[test]
fn changed_toll_with_same_scope_is_an_error_naming_the_kind_file() {
    let draft = "Draft\n\nExactly 25 people have been killed since the March 3 ceasefire.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    add(
        &mut a,
        0,
        toll(
            "25 people",
            25.0,
            Interval::exact(25.0),
            "since the March 3 ceasefire",
        ),
    );
    add(
        &mut a,
        1,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    let d = lint(&a, 0, &pack);
    assert_eq!(rules_of(&d), vec![("conflicting_figure", Severity::Error)]);
    assert_eq!(d[0].kind_file.as_deref(), Some("kinds/casualties.toml"));
    assert_eq!(d[0].sources.len(), 1);
    insta::assert_snapshot!(d[0].message, @"the draft gives `25 people` for people killed since the March 3 ceasefire; the sources give `At least 40 people` (wire)");
}

#[test]
fn figure_with_another_scope_is_only_a_note() {
    let draft =
        "Draft\n\nSome 12 people were killed since the March 3 ceasefire began on Friday.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    let mut q = toll("12 people", 12.0, Interval::exact(12.0), "on Friday");
    q.scope = Some((TimeScopeKind::Day, "on Friday"));
    add(&mut a, 0, q);
    add(
        &mut a,
        1,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    let d = lint(&a, 0, &pack);
    assert_eq!(rules_of(&d), vec![("unsupported_figure", Severity::Note)]);
}

#[test]
fn draft_siding_with_one_source_of_a_conflict_is_not_flagged() {
    let draft = "Draft\n\nAt least 40 people have been killed since the March 3 ceasefire.\n";
    let other =
        "Other\n\nSome 90 people have been killed since the March 3 ceasefire, a militia said.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", SOURCE), ("other", other)]);
    add(
        &mut a,
        0,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), Some(45.0)),
            "since the March 3 ceasefire",
        ),
    );
    add(
        &mut a,
        2,
        toll(
            "Some 90 people",
            90.0,
            Interval::exact(90.0),
            "since the March 3 ceasefire",
        ),
    );
    let ev = |src: usize| {
        let c = &a.extractions[src].claims[0];
        evidence_of(src, &a.sources[src], c)
    };
    let mut wire = ev(0);
    wire.source = 1;
    wire.span = a.sources[1]
        .text
        .find("At least 40")
        .map(|s| s..s + 18)
        .unwrap();
    a.findings.push(Finding {
        verdict: Verdict::Conflict,
        kind: "casualties".into(),
        summary: "people killed".into(),
        explanation: "40 and 90 do not overlap".into(),
        confidence: 0.9,
        evidence: vec![ev(0), wire, ev(2)],
        independent_sources: None,
        diff: None,
    });
    assert!(lint(&a, 0, &pack)
        .iter()
        .all(|d| d.severity != Severity::Error));
}

#[test]
fn verbatim_quote_in_other_typography_does_not_warn() {
    let draft =
        "Draft\n\nThe mayor said: \"we will rebuild every bridge before the rains come\".\n";
    let (a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    assert_eq!(lint(&a, 0, &pack), vec![]);
}

#[test]
fn quote_with_an_elision_does_not_warn() {
    let draft = "Draft\n\nThe mayor said: \u{201c}We will rebuild every bridge \u{2026} before the rains come.\u{201d}\n";
    let (a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    assert_eq!(lint(&a, 0, &pack), vec![]);
}

#[test]
fn altered_quote_warns_and_points_at_the_closest_source_sentence() {
    let draft = "Draft\n\nThe mayor said: \u{201c}We will rebuild every road before the winter comes.\u{201d}\n";
    let (a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    let d = lint(&a, 0, &pack);
    assert_eq!(rules_of(&d), vec![("unsupported_quote", Severity::Warning)]);
    assert_eq!(d[0].sources.len(), 1);
    assert_eq!(d[0].sources[0].source, 1);
    assert_eq!(a.sources[0].position(d[0].claim.span.start).line, 3);
}

#[test]
fn scare_quotes_are_not_quotations() {
    let draft = "Draft\n\nOfficials called it a \"temporary pause\" in the talks.\n";
    let (a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    assert_eq!(lint(&a, 0, &pack), vec![]);
}

fn mention(a: &mut Analysis, src: usize, name: &str, key: &str) {
    let start = a.sources[src].text.find(name).expect("name in text");
    let (sentence, _) = sentence_of(a, src, start);
    let span = start..start + name.len();
    let sentence_span = crate::extract::entity::sentence_around(
        &a.sources[src].text,
        span.clone(),
        &Pack::default_pack(),
    );
    a.extractions[src].mentions.push(Mention {
        span,
        sentence_span,
        text: name.into(),
        key: key.into(),
        canonical: name.into(),
        kind: EntityKind::Person,
        title: None,
        sentence,
    });
}

#[test]
fn misspelt_name_warns_but_surname_alone_does_not() {
    let source = "Visit\n\nEnvoy Aleksandr Petrovsky arrived on Monday.\n";
    let draft = "Draft\n\nEnvoy Aleksander Petrovsky arrived. Petrovsky spoke.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", source)]);
    mention(&mut a, 1, "Aleksandr Petrovsky", "petrovsky");
    mention(&mut a, 0, "Aleksander Petrovsky", "petrovsky");
    let at = draft.rfind("Petrovsky").unwrap();
    let (sentence, _) = sentence_of(&a, 0, at);
    a.extractions[0].mentions.push(Mention {
        span: at..at + 9,
        sentence_span: crate::extract::entity::sentence_around(draft, at..at + 9, &pack),
        text: "Petrovsky".into(),
        key: "petrovsky".into(),
        canonical: "Petrovsky".into(),
        kind: EntityKind::Person,
        title: None,
        sentence,
    });
    let d = lint(&a, 0, &pack);
    assert_eq!(rules_of(&d), vec![("name_mismatch", Severity::Warning)]);
    insta::assert_snapshot!(d[0].message, @"`Aleksander Petrovsky` is spelled differently from every source: `aleksander` where the sources have `aleksandr`");
}

#[test]
fn inline_comment_silences_the_next_line_or_only_named_rules() {
    let draft = "Draft\n\n<!-- crosscheck-ignore unsupported_quote -->\nThe mayor said: \u{201c}We will rebuild every road before the winter comes.\u{201d}\n\nHe added: \u{201c}Nobody will be left without a warm home.\u{201d} <!-- crosscheck-ignore name_mismatch -->\n";
    let (a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    let found = lint(&a, 0, &pack);
    assert_eq!(found.len(), 2);
    let (kept, silenced) = suppress(found, &a.sources[0], None);
    assert_eq!(silenced, 1);
    assert_eq!(a.sources[0].position(kept[0].claim.span.start).line, 6);
}

#[test]
fn allowlist_silences_by_rule_and_fragment() {
    let draft = "Draft\n\nThe mayor said: \u{201c}We will rebuild every road before the winter comes.\u{201d}\n\nHe added: \u{201c}Nobody will be left without a warm home.\u{201d}\n";
    let (a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    let list = Allowlist::parse("# reviewed\nunsupported_quote: WARM HOME\n").unwrap();
    let (kept, silenced) = suppress(lint(&a, 0, &pack), &a.sources[0], Some(&list));
    assert_eq!((kept.len(), silenced), (1, 1));
    let all = Allowlist::parse("unsupported_quote\n").unwrap();
    assert_eq!(suppress(lint(&a, 0, &pack), &a.sources[0], Some(&all)).1, 2);
}

#[test]
fn allowlist_rejects_an_unknown_rule_with_a_hint() {
    let e = Allowlist::parse("\nunsuported_quote\n").unwrap_err();
    insta::assert_snapshot!(e.to_string(), @"line 2: unknown rule `unsuported_quote`, expected one of `conflicting_figure`, `unsupported_quote`, `unsupported_figure`, `name_mismatch`; did you mean `unsupported_quote`?");
}

#[test]
fn later_higher_toll_is_a_progression_but_a_falling_one_conflicts() {
    let source = "Wire\n\nAt least 40 people have been killed since the March 3 ceasefire.\n";
    for (draft_figure, number, expected) in [
        ("At least 55 people", 55.0, "unsupported_figure"),
        ("Only 30 people", 30.0, "conflicting_figure"),
    ] {
        let draft =
            format!("Draft\n\n{draft_figure} have been killed since the March 3 ceasefire.\n");
        let (mut a, pack) = analysis(&[("draft", &draft), ("wire", source)]);
        add(
            &mut a,
            0,
            toll(
                draft_figure,
                number,
                if number > 40.0 {
                    Interval::closed(Some(number), None)
                } else {
                    Interval::exact(number)
                },
                "since the March 3 ceasefire",
            ),
        );
        add(
            &mut a,
            1,
            toll(
                "At least 40 people",
                40.0,
                Interval::closed(Some(40.0), Some(40.0)),
                "since the March 3 ceasefire",
            ),
        );
        for (i, day) in [(0, 9), (1, 5)] {
            if let ClaimBody::Quantity(q) = &mut a.extractions[i].claims[0].body {
                q.scope.as_of = Some(jiff::civil::date(2025, 3, day));
            }
        }
        let d = lint(&a, 0, &pack);
        assert_eq!(
            d.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
            vec![expected],
            "{:#?}",
            a.extractions
        );
    }
}

#[test]
fn an_unscoped_source_figure_does_not_excuse_a_same_scope_conflict() {
    let source = "Wire\n\nOver 15 people died on Saturday alone. At least 40 people have been killed since the March 3 ceasefire.\n";
    let draft = "Draft\n\nExactly 25 people have been killed since the March 3 ceasefire.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", source)]);
    add(
        &mut a,
        0,
        toll(
            "25 people",
            25.0,
            Interval::exact(25.0),
            "since the March 3 ceasefire",
        ),
    );
    let mut loose = toll(
        "Over 15 people",
        15.0,
        Interval::closed(Some(15.0), None),
        "",
    );
    loose.scope = None;
    add(&mut a, 1, loose);
    add(
        &mut a,
        1,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    let d = lint(&a, 0, &pack);
    assert_eq!(rules_of(&d), vec![("conflicting_figure", Severity::Error)]);
}

#[test]
fn a_stronger_lower_bound_overstates_but_a_weaker_one_is_backed() {
    for (figure, value, expected) in [
        (
            "At least 55 people",
            Interval::closed(Some(55.0), None),
            vec![("conflicting_figure", Severity::Error)],
        ),
        (
            "More than 30 people",
            Interval::closed(Some(30.0), None),
            vec![],
        ),
        ("40 people", Interval::exact(40.0), vec![]),
    ] {
        let draft = format!("Draft\n\n{figure} have been killed since the March 3 ceasefire.\n");
        let (mut a, pack) = analysis(&[("draft", &draft), ("wire", SOURCE)]);
        let number = value.min.unwrap();
        add(
            &mut a,
            0,
            toll(figure, number, value, "since the March 3 ceasefire"),
        );
        add(
            &mut a,
            1,
            toll(
                "At least 40 people",
                40.0,
                Interval::closed(Some(40.0), None),
                "since the March 3 ceasefire",
            ),
        );
        assert_eq!(rules_of(&lint(&a, 0, &pack)), expected, "{figure}");
    }
}

#[test]
fn an_agreement_finding_does_not_excuse_an_overstated_bound() {
    let draft = "Draft\n\nAt least 55 people have been killed since the March 3 ceasefire.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    add(
        &mut a,
        0,
        toll(
            "At least 55 people",
            55.0,
            Interval::closed(Some(55.0), None),
            "since the March 3 ceasefire",
        ),
    );
    add(
        &mut a,
        1,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    let evidence: Vec<Evidence> = (0..2)
        .map(|i| evidence_of(i, &a.sources[i], &a.extractions[i].claims[0]))
        .collect();
    a.findings.push(Finding {
        verdict: Verdict::Agreement,
        kind: "casualties".into(),
        summary: "people killed".into(),
        explanation: "bounds overlap".into(),
        confidence: 0.8,
        evidence,
        independent_sources: Some(1),
        diff: None,
    });
    assert_eq!(
        rules_of(&lint(&a, 0, &pack)),
        vec![("conflicting_figure", Severity::Error)]
    );
}

#[test]
fn since_scopes_match_with_or_without_their_date() {
    let draft = "Draft\n\nActivists say 25 people have been killed since the ceasefire.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    add(
        &mut a,
        0,
        toll(
            "25 people",
            25.0,
            Interval::exact(25.0),
            "since the ceasefire",
        ),
    );
    add(
        &mut a,
        1,
        toll(
            "At least 40 people",
            40.0,
            Interval::closed(Some(40.0), None),
            "since the March 3 ceasefire",
        ),
    );
    assert_eq!(
        rules_of(&lint(&a, 0, &pack)),
        vec![("conflicting_figure", Severity::Error)]
    );
}

#[test]
fn weapons_and_weaponry_are_the_same_thing_counted() {
    let source = "Wire\n\nRussia supplied 16% of weaponry bought from 2014-2019.\n";
    let draft = "Draft\n\nRussia supplied 26% of the weapons bought from 2014-2019.\n";
    let (mut a, pack) = analysis(&[("draft", draft), ("wire", source)]);
    let share = |needle: &'static str, n: f64, counted: &'static str| Q {
        needle,
        number: n,
        value: Interval::exact(n),
        kind: "shares",
        unit: "percent",
        event: "supplied",
        counted,
        scope: Some((TimeScopeKind::Period, "from 2014-2019")),
    };
    add(&mut a, 0, share("26% of the weapons", 26.0, "weapons"));
    add(&mut a, 1, share("16% of weaponry", 16.0, "weaponry"));
    assert_eq!(
        rules_of(&lint(&a, 0, &pack)),
        vec![("conflicting_figure", Severity::Error)]
    );
}

#[test]
fn single_curly_quotes_are_quotations_and_apostrophes_are_not() {
    let draft = "Draft\n\nThe mayor’s office said: \u{2018}We will rebuild every road before the winter’s first snow.\u{2019}\n";
    let (a, _) = analysis(&[("draft", draft), ("wire", SOURCE)]);
    let found = quotes::find_quotes(draft, &a.sources[0].content_spans());
    let texts: Vec<&str> = found.iter().map(|r| &draft[r.clone()]).collect();
    assert_eq!(
        texts,
        vec!["We will rebuild every road before the winter’s first snow."]
    );
}

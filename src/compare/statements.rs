//! Statement verdicts for one group: `quote_variant` and `attribution_variant`.
//!
//! Input: a statement [`Group`]; output: a quote variant (with a word diff) when the
//! wording differs across sources, an attribution variant when the credit does.

use std::collections::{BTreeMap, BTreeSet};

use super::{explain, Ctx, Finding, Verdict};
use crate::align::{Group, Ref};
use crate::extract::{Claim, ClaimBody};
use crate::normalize::fold;

/// A quote variant's confidence: this, plus `QUOTE_VARIANT_PER_SCORE` times the group's
/// score (how alike the wordings are), at most `QUOTE_VARIANT_MAX`.
const QUOTE_VARIANT_BASE: f64 = 0.5;
/// How much the likeness of the wordings adds to a quote variant's confidence.
const QUOTE_VARIANT_PER_SCORE: f64 = 0.4;
/// Wordings are matched by shared stems, never sure enough for certainty.
const QUOTE_VARIANT_MAX: f64 = 0.9;

/// An attribution variant's confidence: lower than a quote variant's, since credits are
/// read from attribution phrases the extractor may misparse.
const ATTRIBUTION_VARIANT_BASE: f64 = 0.4;
/// How much the likeness of the wordings adds to an attribution variant's confidence.
const ATTRIBUTION_VARIANT_PER_SCORE: f64 = 0.4;
/// The most an attribution variant may claim.
const ATTRIBUTION_VARIANT_MAX: f64 = 0.8;

struct Said<'a> {
    r: Ref,
    sid: &'a str,
    claim: &'a Claim,
    content: &'a str,
}

/// Findings of a statement group: `quote_variant` when the wording differs across
/// sources, `attribution_variant` when the credit does.
pub(crate) fn statements(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    let mut said: Vec<Said<'_>> = group
        .members
        .iter()
        .filter_map(|&r| {
            let claim = ctx.claim(r)?;
            let ClaimBody::Statement(st) = &claim.body else {
                return None;
            };
            Some(Said {
                r,
                sid: ctx.sid(r),
                claim,
                content: ctx.text(r.source, &st.content),
            })
        })
        .collect();
    said.sort_by(|a, b| (a.sid, a.claim.span.start).cmp(&(b.sid, b.claim.span.start)));
    let mut findings = Vec::new();

    // Wordings: folded, punctuation-free content → sources using it.
    let mut wordings: BTreeMap<String, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for (i, s) in said.iter().enumerate() {
        let e = wordings
            .entry(crate::align::score::folded_words(s.content))
            .or_insert((i, BTreeSet::new()));
        e.1.insert(s.sid);
    }
    let sources: BTreeSet<&str> = said.iter().map(|s| s.sid).collect();
    // a wording that quotes several of the speaker's words is a quote too
    let direct = |s: &Said<'_>| {
        matches!(&s.claim.body, ClaimBody::Statement(st) if st.direct)
            || crate::align::score::quotes_words(s.content)
    };
    let mut firsts: Vec<usize> = wordings.values().map(|w| w.0).collect();
    firsts.sort_unstable();
    // the first wording, and the first other wording from another source
    let pair = (firsts.len() >= 2).then(|| {
        let a = &said[firsts[0]];
        let b = firsts[1..]
            .iter()
            .map(|&i| &said[i])
            .find(|s| s.sid != a.sid)
            .unwrap_or(&said[firsts[1]]);
        (a, b)
    });
    let quoted = said.iter().any(direct);
    // A paraphrase next to a paraphrase is not a quote: at least one rendering must be
    // in quotation marks, unless the two are word for word nearly the same (two
    // versions of one agency copy).
    let copy_likeness = pair
        .filter(|_| !quoted && one_copy(&said))
        .map_or(0.0, |(a, b)| near_verbatim(a.content, b.content));
    if let Some((a, b)) = pair
        .filter(|_| wordings.len() >= 2 && sources.len() >= 2 && (quoted || copy_likeness > 0.0))
    {
        let speaker = said
            .iter()
            .find_map(|s| s.claim.attribution.as_ref()?.speaker.as_ref())
            .map_or_else(|| "an unnamed speaker".to_owned(), |p| p.name.clone());
        let mut f = explain::finding(
            ctx,
            Verdict::QuoteVariant,
            "quote",
            format!("statement by {speaker}"),
            {
                let keys: Vec<&String> = wordings.keys().collect();
                let nested = keys.len() == 2
                    && (keys[0].contains(keys[1].as_str()) || keys[1].contains(keys[0].as_str()));
                if copy_likeness > 0.0 {
                    format!(
                        "reported, not quoted, in nearly the same words by {} sources \
                         ({:.0}% of the words the same, in order), as two versions of one \
                         agency copy would be ({})",
                        sources.len(),
                        copy_likeness * 100.0,
                        group.reason
                    )
                } else if nested {
                    format!(
                        "the same words, but one source quotes more of the statement than the other ({})",
                        group.reason
                    )
                } else {
                    format!(
                        "the same statement in {} wordings across {} sources ({})",
                        wordings.len(),
                        sources.len(),
                        group.reason
                    )
                }
            },
            (QUOTE_VARIANT_BASE + QUOTE_VARIANT_PER_SCORE * group.score).min(QUOTE_VARIANT_MAX),
            &said,
        );
        f.diff = Some(explain::word_diff(a.content, b.content));
        findings.push(f);
    }

    // Credits: speaker and conduit keys → sources using them.
    let mut credits: BTreeMap<String, (String, BTreeSet<&str>)> = BTreeMap::new();
    for s in &said {
        let (key, shown) = match &s.claim.attribution {
            Some(a) => {
                let mut keys: Vec<String> = a.chain.iter().map(party_key).collect();
                keys.extend(a.speaker.as_ref().map(party_key));
                (keys.join("<-"), a.describe())
            }
            None => (String::new(), String::new()),
        };
        let shown = if shown.is_empty() {
            "no attribution".to_owned()
        } else {
            shown
        };
        credits
            .entry(key)
            .or_insert((shown, BTreeSet::new()))
            .1
            .insert(s.sid);
    }
    let credit_sources: BTreeSet<&str> =
        credits.values().flat_map(|c| c.1.iter().copied()).collect();
    let all_same_everywhere = credits.values().all(|c| c.1.len() == credit_sources.len());
    if credits.len() >= 2 && credit_sources.len() >= 2 && !all_same_everywhere {
        let parts = explain::credit_parts(&credits);
        findings.push(explain::finding(
            ctx,
            Verdict::AttributionVariant,
            "attribution",
            "who the statement is credited to".to_owned(),
            format!("credited differently: {}", explain::list(&parts, 4)),
            (ATTRIBUTION_VARIANT_BASE + ATTRIBUTION_VARIANT_PER_SCORE * group.score)
                .min(ATTRIBUTION_VARIANT_MAX),
            &said,
        ));
    }
    findings
}

/// Two reported wordings closer than this, word for word, are one copy edited twice.
const NEAR_VERBATIM: f64 = 0.85;
/// Fewer words than this in the shorter wording are too few to tell a copy by.
const NEAR_VERBATIM_MIN_WORDS: usize = 10;
/// A wording longer than this many words is compared by its first words only.
const NEAR_VERBATIM_MAX_WORDS: usize = 200;

/// How alike two wordings are word for word (the share of words the same, in order),
/// when they are alike enough to be two versions of one copy; else 0.
fn near_verbatim(a: &str, b: &str) -> f64 {
    let (fa, fb) = (
        crate::align::score::folded_words(a),
        crate::align::score::folded_words(b),
    );
    let wa: Vec<&str> = fa.split(' ').take(NEAR_VERBATIM_MAX_WORDS).collect();
    let wb: Vec<&str> = fb.split(' ').take(NEAR_VERBATIM_MAX_WORDS).collect();
    if wa.len().min(wb.len()) < NEAR_VERBATIM_MIN_WORDS {
        return 0.0;
    }
    let ratio = f64::from(similar::TextDiff::configure().diff_slices(&wa, &wb).ratio());
    if ratio >= NEAR_VERBATIM {
        ratio
    } else {
        0.0
    }
}

/// Whether unquoted renderings can be versions of one copy: one speaker, or none named,
/// and the same figures in every rendering. A template line of many stories ("Minister
/// X said 2,499 people were injured") names other speakers and other figures.
fn one_copy(said: &[Said<'_>]) -> bool {
    let figures = |s: &Said<'_>| -> BTreeSet<String> {
        s.content
            .split(|c: char| c.is_whitespace())
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .collect()
    };
    let speakers: BTreeSet<String> = said
        .iter()
        .filter_map(|s| s.claim.attribution.as_ref()?.speaker.as_ref())
        .map(party_key)
        .collect();
    let first = said.first().map(figures);
    speakers.len() <= 1 && said.iter().all(|s| Some(figures(s)) == first)
}

pub(super) fn party_key(p: &crate::extract::Party) -> String {
    if p.key.is_empty() {
        fold(&p.name)
    } else {
        p.key.clone()
    }
}

/// A statement finding cites what each source said, in the group's order.
impl explain::Cited for [Said<'_>] {
    fn cited<'c>(&'c self, _: &'c Ctx<'_>) -> Vec<(usize, &'c Claim)> {
        self.iter().map(|s| (s.r.source, s.claim)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;
    use crate::compare::DiffOp;
    use crate::extract::ClaimBody;

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

    /// A speaker's line paraphrased in one source and partly quoted in another, the
    /// figure of the quote being `figure`.
    fn quote_and_paraphrase(figure: &str) -> Vec<crate::compare::Finding> {
        let a = "turnout was less than 40% of the roll";
        let b = format!("the count \"never came near {figure} of the city's voters on Sunday\"");
        run(unquoted(vec![
            doc("a", &format!("Ana Ruiz said {a}.")).said(a, "Ana Ruiz", &[]),
            doc("b", &format!("According to Ana Ruiz, {b}.")).said(&b, "Ana Ruiz", &[]),
        ]))
    }

    /// The sources with every statement marked as reported, not quoted.
    fn unquoted(mut docs: Vec<Doc>) -> Vec<Doc> {
        for d in &mut docs {
            for c in &mut d.ex.claims {
                if let ClaimBody::Statement(st) = &mut c.body {
                    st.direct = false;
                }
            }
        }
        docs
    }

    #[test]
    fn a_quote_and_a_paraphrase_with_one_figure_are_a_quote_variant() {
        let f = quote_and_paraphrase("40%");
        assert_eq!(verdicts(&f), ["quote_variant"], "{f:?}");
        assert!(
            f[0].explanation
                .contains("a quote and a paraphrase by `ana ruiz` giving the same figure"),
            "{}",
            f[0].explanation
        );
        // another figure: two statements
        let f = quote_and_paraphrase("55%");
        assert!(f.is_empty(), "{f:?}");
    }

    /// Two sources reporting `a` and `b` as what the weather service said, not quoted.
    fn reported(a: &str, b: &str) -> Vec<crate::compare::Finding> {
        run(unquoted(vec![
            doc("a", &format!("The weather service said that {a}.")).said(
                a,
                "weather service",
                &[],
            ),
            doc("b", &format!("The weather service said that {b}.")).said(
                b,
                "weather service",
                &[],
            ),
        ]))
    }

    #[test]
    fn a_template_line_with_other_figures_is_no_copy() {
        // one wire template in two stories: nearly the same words, other figures
        let f = reported(
            "gusts of 120 km/h are expected to continue over the northern islands for the next two days",
            "gusts of 95 km/h are expected to continue over the northern islands for the next two days",
        );
        assert!(!verdicts(&f).contains(&"quote_variant"), "{f:?}");
    }

    #[test]
    fn two_versions_of_one_reported_copy_are_a_quote_variant() {
        let f = reported(
            "strong winds, with gusts along the coast, is expected to continue over the northern islands for the next two days",
            "strong winds, with gusts along the coast, are expected to continue over the northern islands for the next two days",
        );
        assert_eq!(verdicts(&f), ["quote_variant"], "{f:?}");
        assert!(
            f[0].explanation.contains("two versions of one agency copy"),
            "{}",
            f[0].explanation
        );
        let diff = f[0].diff.as_ref().expect("a diff");
        assert!(diff
            .iter()
            .any(|p| p.op == DiffOp::Insert && p.text.contains("are")));
    }

    #[test]
    fn one_report_retold_in_other_words_is_not_a_copy() {
        let f = reported(
            "strong winds, with gusts along the coast, is expected to continue over the northern islands for the next two days",
            "the northern islands should see gusty coastal winds keep blowing hard until the end of the week",
        );
        assert!(!verdicts(&f).contains(&"quote_variant"), "{f:?}");
    }

    /// Two wordings of one quote by `speaker`, and a third source quoting `fillers`
    /// other statements, each by `other(i)`.
    fn quote_among(
        speaker: &str,
        fillers: usize,
        other: impl Fn(usize) -> String,
    ) -> Vec<crate::compare::Finding> {
        let words = filler_words(fillers + 2);
        let mut c = doc("c", "");
        let mut said = Vec::new();
        for (i, pair) in words.windows(3).enumerate() {
            let content = pair.join(" ");
            c.text.push_str(&format!("{} said: {content}. ", other(i)));
            said.push((content, other(i)));
        }
        for (content, who) in &said {
            c = c.said(content, who, &[]);
        }
        let a = "the harbour at Port Elden will reopen to ferries before the winter storms";
        let b = "the harbour at Port Elden is to reopen for ferries ahead of the winter storms";
        run(vec![
            doc("a", &format!("{speaker} said: {a}.")).said(a, speaker, &[]),
            doc("b", &format!("{speaker} said: {b}.")).said(b, speaker, &[]),
            c,
        ])
    }

    #[test]
    fn a_statement_compared_in_a_block_past_the_cap_says_it_was_a_sample() {
        // one speaker quoted 70 more times: the speaker's block holds 72 statements
        let f = quote_among("Mara Vossberg", 70, |_| "Mara Vossberg".to_owned());
        assert_eq!(verdicts(&f), ["quote_variant"], "{f:?}");
        assert!(
            f[0].explanation.ends_with(
                "; compared as a sample: 72 statements shared a block, the first 64 compared \
                 with each other, every other one with those only"
            ),
            "{}",
            f[0].explanation
        );
        let f = quote_among("Mara Vossberg", 50, |_| "Mara Vossberg".to_owned());
        assert_eq!(verdicts(&f), ["quote_variant"], "{f:?}");
        assert!(!f[0].explanation.contains("sample"), "{}", f[0].explanation);
    }

    #[test]
    fn a_speaker_name_compared_in_a_block_past_the_cap_says_it_was_a_sample() {
        // 70 other speakers named Vossberg: one block of 71 names, merged pairwise
        let words = filler_words(200);
        let other = |i: usize| format!("{} Vossberg", words[199 - i]);
        let f = quote_among("Mara Vossberg", 70, other);
        assert_eq!(verdicts(&f), ["quote_variant"], "{f:?}");
        assert!(
            f[0].explanation
                .ends_with("; compared as a sample: 71 speaker names shared a block, the first 64 compared with each other, every other one with those only"),
            "{}",
            f[0].explanation
        );
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
}

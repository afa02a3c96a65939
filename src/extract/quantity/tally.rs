//! Vote tallies: "passed 31-14", "by a vote of 31 to 14", "by 31 votes to 14" are two
//! figures, the votes for and the votes against.
//!
//! Input: two numbers of a sentence and the words around them; the kind whose `[tally]`
//! says how to read them ([`crate::pack::Tally`]). Output: the votes against, which
//! [`super::figure`] keeps with the figure of the votes for, and the two quantities the
//! figure then makes. Without a `[tally]` in the pack nothing is a tally.

use super::figure::Figure;
use super::Matchers;
use crate::extract::number::{Form, Numeral};
use crate::extract::{Interval, Quantity, Scope};
use crate::pack::{Pack, Tally};

/// The votes against when `a`, `gap`, `b` is a vote tally: "passed 31-14", "approved the plan
/// 9-4", "by a vote of 31 to 14", "by 31 votes to 14". The larger count comes first; the
/// tally's `cues` before the figures or a `between` word joining them (longest first) say
/// it is a tally, not a score or a range.
pub(super) fn against(lower: &str, a: &Numeral, b: &Numeral, gap: &str, t: &Tally) -> Option<f64> {
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

/// A vote tally's two counts, the votes for (the figure) and against, in the kind whose
/// `[tally]` names their events, unit and what they count ([`crate::pack::Tally`]).
pub(super) fn claims(f: &Figure, against: f64, pack: &Pack, m: &Matchers) -> Vec<Quantity> {
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
            status: None,
            about: None,
            sentence_stems: Default::default(),
            renderings: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{pack_with, show, show_in};

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

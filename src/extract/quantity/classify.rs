//! Classification: the kind, event and unit of a figure, from the words of its own clause.
//!
//! Input: a [`Figure`], its clause and the compiled matchers. Output: a [`Quantity`]
//! without scope, or nothing when the kind is unknown. The nearest event word of a kind
//! the figure's unit allows decides; without one, a unit that names its kind ("142
//! seats"), or the pack's generic kind for a plain count of a named thing. What the pack
//! says about units and kinds (`counts_people`, `generic`, `counted_are_people`, `totals`)
//! is read here, never their ids.

use std::ops::Range;

use super::figure::Figure;
use super::{counted, Matchers};
use crate::extract::lexicon::{CONJUNCTIONS, DEFINITE, SUBORDINATORS};
use crate::extract::number::Why;
use crate::extract::{Quantity, Scope};
use crate::pack::{Dimension, Pack};
use crate::text::is_whole_word;

/// Kind, event, counted and unit of a figure, from the words of its own clause.
pub(super) fn classify(
    text: &str,
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    pack: &Pack,
    m: &Matchers,
) -> Option<Quantity> {
    let unit = f.unit.and_then(|u| pack.units.get(u));
    let dim = unit.map(|u| u.dimension);
    if f.whole
        || is_total(lower, f.start_with_modifier)
        || share_of_whole(text, lower, f, window, pack, m).is_err()
    {
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
    let money = dim == Some(Dimension::Currency);
    let counted = counted::counted_after(text, lower, f, window, m, money);
    // What the figure is measured in, for events of some units only: its unit, else its
    // counted noun.
    let measured = unit
        .map(|u| u.id.as_str())
        .or(counted.as_ref().map(|c| c.0.as_str()));
    // The nearest event trigger in the clause, among the allowed kinds.
    let mut best = nearest_event(lower, f, window, (allowed, measured), m, 60, false);
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
            best = nearest_event(lower, f, window, (allowed, measured), m, usize::MAX, true);
        }
    }
    let counted = counted
        .or(counted_lead.map(|c| (c, true)))
        .or_else(|| f.measures.clone().map(|c| (c, false)));
    if f.after_name && unit.is_none() && counted.is_none() {
        return None;
    }
    let counted_left = || counted::counted_before(lower, f, window, m);
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
            let people = counted
                .as_ref()
                .is_some_and(|(c, _)| is_people(pack, c) || names_people(pack, kind, c));
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
    // "its magnitude at 7.1": a unit word is not also what is counted. A measure takes
    // only a noun its kind measures from before it: the divers "searched for survivors a
    // few kilometres from the island" measure no survivors.
    let measure = dim == Some(Dimension::Measure);
    let counted = counted
        .map(|(c, _)| c)
        .or_else(|| {
            unit.is_some()
                .then(counted_left)
                .flatten()
                .filter(|c| !measure || kind.counted.contains(c))
        })
        .filter(|c| unit.is_none_or(|u| *c != u.id));
    // "from Rana Plaza, the eight-storey building": a property of the thing, which no
    // event word of the clause is about
    let event = event.filter(|_| f.measures.is_none()).map(|e| e.id.clone());
    Some(quantity(f, kind.id.clone(), unit_id, counted, event))
}

/// The quantity of figure `f` in `kind` and `unit`, counting `counted`, of `event`, before
/// its scope is known.
pub(super) fn quantity(
    f: &Figure,
    kind: String,
    unit: String,
    counted: Option<String>,
    event: Option<String>,
) -> Quantity {
    Quantity {
        number: f.number,
        value: f.value,
        kind,
        unit,
        counted,
        event,
        scope: Scope::default(),
        modifier: f.modifier.as_deref().map(Box::from),
        vague: f.vague,
        part: false,
        status: None,
        about: None,
        sentence_stems: Default::default(),
        renderings: Vec::new(),
    }
}

/// The words a fraction takes its whole with ("half of", "half the", "a third of its").
const PARTITIVE: &[&str] = &[
    "of", "the", "its", "their", "his", "her", "our", "these", "those", "all",
];

/// "Half the carrier's fleet was grounded", "a third of its workers were laid off": a
/// fraction in words taken of a whole written after it is a share of that whole only when
/// the whole is a thing the pack counts, named right after the fraction (one adjective or
/// an owner may stand between), and either the clause has an event of any kind or the
/// whole is one that the share's own kind counts ("a fifth of the budget": the share is
/// the claim). Not "half the time", "a third of the story", "in half the cases". `Ok` for
/// a figure that is no fraction of a whole in words; `Err` says why it is no claim.
pub(super) fn share_of_whole(
    text: &str,
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    pack: &Pack,
    m: &Matchers,
) -> Result<(), Why> {
    if !f.fraction || f.of_whole {
        return Ok(());
    }
    let last = lower
        .get(f.span.clone())
        .and_then(|p| p.rsplit([' ', '-']).next())
        .unwrap_or("");
    let rest = lower.get(f.end_with_unit..).unwrap_or("");
    if !(PARTITIVE.contains(&last) || rest.trim_start().starts_with("of ")) {
        // "cut by a third": a change, not a share of a whole
        return Ok(());
    }
    let noun = match counted::counted_after(text, lower, f, window, m, false) {
        Some((noun, true)) => noun,
        _ => return Err(Why::ShareOfUnknown),
    };
    let head = noun.rsplit(' ').next().unwrap_or(&noun);
    let Some(at) = rest.find(noun.as_str()) else {
        return Err(Why::ShareOfUnknown);
    };
    // the words before the head noun: links, an owner and names ("the Air France
    // fleet"), then at most one adjective
    let lead_end = f.end_with_unit + at + noun.len() - head.len();
    let lead = text.get(f.end_with_unit..lead_end).unwrap_or("");
    let owner = |w: &str| w.ends_with("'s") || w.ends_with("\u{2019}s");
    let name = |w: &str| w.starts_with(char::is_uppercase);
    let mut words = lead
        .split_whitespace()
        .map(|w| (w.to_ascii_lowercase(), name(w)))
        .skip_while(|(w, name)| PARTITIVE.contains(&w.as_str()) || owner(w) || *name);
    let adjective = words.next();
    if adjective.is_some_and(|(w, _)| PARTITIVE.contains(&w.as_str())) || words.next().is_some() {
        // "half the time the flights": a pack noun further on is not the whole
        return Err(Why::ShareOfUnknown);
    }
    let own: &[usize] = f
        .unit
        .and_then(|u| m.kinds_of_unit.get(u))
        .map_or(&[], Vec::as_slice);
    let own_whole = own.iter().any(|&k| {
        pack.kinds
            .get(k)
            .is_some_and(|k| k.counted.iter().any(|c| c == &noun || c == head))
    });
    let every_kind: Vec<usize> = (0..pack.kinds.len()).collect();
    // the whole itself ("the budget", "the aid") is no event that happens to it
    let with_whole = Figure {
        end_with_unit: f.end_with_unit + at + noun.len(),
        ..f.clone()
    };
    let event = nearest_event(
        lower,
        &with_whole,
        window,
        (&every_kind, None),
        m,
        60,
        false,
    );
    if own_whole || event.is_some() {
        Ok(())
    } else {
        Err(Why::ShareWithoutEvent)
    }
}

/// The nearest event trigger to `f` in its clause among the `allowed` kinds, within `max`
/// bytes (only before the figure when `left_only`): (distance, kind, event).
fn nearest_event(
    lower: &str,
    f: &Figure,
    window: &Range<usize>,
    (allowed, measured): (&[usize], Option<&str>),
    m: &Matchers,
    max: usize,
    left_only: bool,
) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for hit in m.events.find_iter(&lower[window.clone()]) {
        let (s, e) = (window.start + hit.start(), window.start + hit.end());
        if !is_whole_word(lower, s, e) || (s < f.end_with_unit && f.start_with_modifier < e) {
            continue;
        }
        if left_only && e > f.start_with_modifier {
            continue;
        }
        if bounds_a_figure(lower, s, e) {
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
        // "164 of those on board were rescued": a trigger behind a partitive "of" names
        // the whole the figure is taken from, not what happened to it.
        let partitive = e > f.start_with_modifier
            && gap.trim_start().starts_with("of ")
            && gap.split_whitespace().count() <= 3;
        let dist = if partitive || CONJUNCTIONS.iter().any(|c| gap.contains(c)) {
            dist + 100
        } else {
            dist
        };
        // "2,000 were in the building when it collapsed": a trigger after the figure in a
        // clause of time names the moment, not what happened to what is counted
        if e > f.start_with_modifier
            && gap
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| SUBORDINATORS.contains(&w))
        {
            continue;
        }
        let Some(pairs) = m.event_of.get(hit.pattern().as_usize()) else {
            continue;
        };
        // "300 rescuers", "hundreds of rescue workers": a noun trigger marks the event of
        // the figure that counts it, right before it, not of the clause's other figures
        let counts_it =
            e > f.start_with_modifier && gap.split_whitespace().filter(|w| *w != "of").count() <= 1;
        for t in pairs {
            if t.noun && !counts_it {
                continue;
            }
            // "2,000 people taking part": "taking" marks seats won, not people
            if !t.units.is_empty() && !measured.is_some_and(|u| t.units.iter().any(|x| x == u)) {
                continue;
            }
            if allowed.contains(&t.kind) && best.is_none_or(|b| dist < b.0) {
                best = Some((dist, t.kind, t.event));
            }
        }
    }
    best
}

/// "More than 8,000,000 people or about 41%", "up to 300": a trigger of change that is the
/// bound of the figure right after it ("more than", "up to") says nothing happened.
fn bounds_a_figure(lower: &str, start: usize, end: usize) -> bool {
    let word = &lower[start..end];
    let rest = lower[end..].trim_start();
    let rest = if word == "up" {
        match rest.strip_prefix("to ") {
            Some(r) => r.trim_start(),
            None => return false,
        }
    } else if word.ends_with(" than") {
        rest
    } else {
        return false;
    };
    rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥'))
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

/// Whether the head of `counted` names people: a counted noun of a kind whose counted
/// nouns all do ([`crate::pack::Kind::counted_are_people`]).
fn is_people(pack: &Pack, counted: &str) -> bool {
    let head = counted.rsplit(' ').next().unwrap_or(counted);
    pack.kinds
        .iter()
        .filter(|k| k.counted_are_people)
        .any(|k| k.counted.iter().any(|c| c == head))
}

/// Whether the kind names `counted` as one thing with a unit that counts people
/// (`same_counted = [["people", "marchers", ...]]`): "4.6 million marchers" counts people.
fn names_people(pack: &Pack, kind: &crate::pack::Kind, counted: &str) -> bool {
    kind.same_counted
        .iter()
        .any(|set| set.iter().any(|c| c == counted) && set.iter().any(|c| counts_people(pack, c)))
}

/// A count unit written without a suffix ("items", not "times"): a figure with no unit
/// may count it.
pub(super) fn is_plain_count(pack: &Pack, id: &str) -> bool {
    pack.unit(id)
        .is_some_and(|u| u.dimension == Dimension::Count && u.suffixes.is_empty())
}

/// A unit that counts people ([`crate::pack::Unit::counts_people`]).
fn counts_people(pack: &Pack, id: &str) -> bool {
    pack.unit(id).is_some_and(|u| u.counts_people)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{flag_decides, show};

    #[test]
    fn arrests_not_casualties() {
        insta::assert_snapshot!(
            show("Nearly 1,200 people have been detained, charged or jailed."),
            @"1200 [1080, 1200) people arrests/arrested/people"
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
    fn an_event_in_a_clause_of_time_after_the_figure_is_not_its_event() {
        assert_eq!(
            show("Some 300 people were inside the hall when it collapsed."),
            "300 [270, 330] people counts/-/people"
        );
        // before the clause of time, the figure's own event
        assert_eq!(
            show("At least 12 people were killed when the hall collapsed."),
            "12 [12, -] people casualties/killed/people"
        );
    }

    #[test]
    fn people_aboard_are_not_the_missing() {
        insta::assert_snapshot!(
            show("The barge sank with 212 on board; 40 are still missing."),
            @r"
        212 [212, 212] people counts/aboard/-
        40 [40, 40] people casualties/missing/-
        "
        );
        insta::assert_snapshot!(
            show("Only 93 of those on board were rescued."),
            @"93 [93, 93] people casualties/rescued/-"
        );
    }

    #[test]
    fn turning_up_is_turnout_not_a_rise() {
        insta::assert_snapshot!(
            show("The vote went ahead with only 38.2% of the electorate turning up."),
            @"38.2 [38.2, 38.2] percent shares/turnout/electorate"
        );
    }

    #[test]
    fn marchers_who_took_to_the_streets_are_people_who_attended() {
        insta::assert_snapshot!(
            show("Organisers counted 40,000 marchers, and 9,000 more took to the streets in Vossberg."),
            @r"
        40000 [40000, 40000] people counts/attended/marchers
        9000 [9000, 9000] people counts/attended/-
        "
        );
    }

    #[test]
    fn an_amount_on_a_measure_of_the_accounts_counts_that_measure() {
        insta::assert_snapshot!(
            show("The strike cost 90 million euros on Vossberg Air’s operating income."),
            @"90000000 [90000000, 90000000] EUR money/lost/operating income"
        );
        insta::assert_snapshot!(
            show("The strike cost 90 million euros on Monday."),
            @"90000000 [90000000, 90000000] EUR money/lost/- @Day:on Monday"
        );
    }

    #[test]
    fn a_number_with_no_kind_is_not_a_claim() {
        assert_eq!(show("He said it was one of the two best ideas."), "");
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
        // "more than" bounding the other figure is no change; after a figure it is one
        insta::assert_snapshot!(show("More than 700 pupils, or 41% of the roll, stayed home."), @"
        700 (700, -] items counts/-/pupils
        41 [41, 41] percent shares/-/-
        ");
        insta::assert_snapshot!(show("Its share was 3 percent more than last year."), @"3 [3, 3] percent shares/changed/-");
        // "about" on a figure written with decimals keeps to the precision it shows
        insta::assert_snapshot!(show("Turnout was about 41.53% on polling day."), @"41.53 [41.48, 41.58] percent shares/turnout/turnout");
        insta::assert_snapshot!(show("Turnout was about 42% on polling day."), @"42 [37.8, 46.2] percent shares/turnout/turnout");
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
    fn a_fraction_of_a_counted_whole_is_a_share_of_it() {
        insta::assert_snapshot!(
            show("Half the airline's fleet was grounded during the strike."),
            @"50 [47.5, 52.5] percent shares/cancelled/fleet"
        );
        insta::assert_snapshot!(
            show("Vossberg cancelled half its flights on Monday."),
            @"50 [47.5, 52.5] percent shares/cancelled/flights @Day:on Monday"
        );
        // the whole a share is itself the claim of needs no event
        insta::assert_snapshot!(
            show("Pensions will take about a fifth of the budget."),
            @"20 [18, 22] percent shares/-/budget"
        );
        // an event of another kind says something happened to the share
        insta::assert_snapshot!(
            show("Two thirds of the passengers were rescued by fishing boats."),
            @"66.67 [63.34, 70] percent shares/-/passengers"
        );
        // "cut by a third" takes no whole: a change, as before
        insta::assert_snapshot!(
            show("The grant was cut by a third."),
            @"33.33 [31.66, 35] percent shares/changed/grant"
        );
    }

    #[test]
    fn a_fraction_of_no_counted_whole_is_no_claim() {
        // idioms: nothing the pack counts, whatever else the sentence says
        assert_eq!(show("Half the time the ferry ran late."), "");
        assert_eq!(
            show("Half the story was never told, and it was cancelled."),
            ""
        );
        assert_eq!(
            show("A quarter of the way through, the talks were called off."),
            ""
        );
    }

    #[test]
    fn a_counted_noun_further_on_is_not_the_whole() {
        assert_eq!(show("Half the time the flights were cancelled."), "");
        assert_eq!(show("Half the noisy old planes were grounded."), "");
    }

    #[test]
    fn a_fraction_of_a_whole_nothing_happens_to_is_no_claim() {
        assert_eq!(show("In half the cases, nothing turned up."), "");
        assert_eq!(show("A third of the workers walked out."), "");
    }

    /// A fraction in words is a share rounded to a word: "half" stands for 47.5-52.5%, so
    /// it agrees with "49%" and not with "80%"; "exactly half" and "about half" say how
    /// precise they are (#21).
    #[test]
    fn half_is_a_rounded_share_unless_exactly() {
        insta::assert_snapshot!(
            show("Half the fleet was grounded on Tuesday. Exactly half the fleet was grounded on Monday. About half the fleet was grounded on Sunday."),
            @r"
        50 [47.5, 52.5] percent shares/cancelled/fleet @Day:on Tuesday
        50 [50, 50] percent shares/cancelled/fleet @Day:on Monday
        50 [45, 55] percent shares/cancelled/fleet @Day:on Sunday
        "
        );
    }

    /// A counted noun that a figure before it counts ("60 percent of the planes") is not
    /// what a later money figure of the clause counts (#21).
    #[test]
    fn a_noun_another_figure_counts_is_not_a_money_figure_s() {
        insta::assert_snapshot!(
            show("A walkout that kept 60 percent of the airline's planes idle cost it 300 million euros."),
            @r"
        60 [60, 60] percent shares/-/planes
        300000000 [300000000, 300000000] EUR money/lost/-
        "
        );
        // what a money figure is the value of, named before it, is still read
        insta::assert_snapshot!(
            show("The council's budget of $5bn was approved."),
            @"5000000000 [5000000000, 5000000000] USD money/spent/budget"
        );
    }

    #[test]
    fn half_a_count_is_that_part_of_it() {
        insta::assert_snapshot!(
            show("Half the 1,200 passengers were rescued."),
            @"600 [570, 630] people casualties/rescued/passengers"
        );
        insta::assert_snapshot!(
            show("Half of the 1,200 passengers were rescued."),
            @"600 [570, 630] people casualties/rescued/passengers"
        );
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
}

//! Name verdicts for one group: `name_variant`.
//!
//! Input: an entity [`Group`]; output: a name variant when sources spell one entity
//! differently, saying which sources use which spelling.

use std::collections::{BTreeMap, BTreeSet};

use super::{explain, Ctx, Finding, Verdict};
use crate::align::{score, Group, Ref};

/// Two or more full spellings in a group of full score.
const NAME_VARIANT_CONFIDENCE: f64 = 0.9;

/// Two or more full spellings, but a group scored below 1: less sure they are one entity.
const LOW_SCORE_NAME_VARIANT_CONFIDENCE: f64 = 0.7;

/// Only short forms or acronyms ("Fomin", "CNE") next to a name: they may stand for
/// another entity.
const SHORT_FORM_NAME_VARIANT_CONFIDENCE: f64 = 0.5;

/// One name, spelled the same, under titles that differ across sources ("Ana Ruiz, head
/// of the port board" / "port board chair Ana Ruiz"): the outlets title one person
/// differently, or two posts are meant.
const TITLE_VARIANT_CONFIDENCE: f64 = 0.5;

/// Per folded title: the title as first written, and per source where it is first used.
type Titled<'a> = BTreeMap<String, (String, BTreeMap<&'a str, (usize, Ref)>)>;

/// A spelling as first written, and per source where it is first used.
/// And the name as written without a word for what it is ("the X building"), and
/// whether the form holds one.
type Spelling<'a> = (String, BTreeMap<&'a str, (usize, Ref)>, String, bool);

/// A `name_variant` when two sources write one entity differently; says which sources
/// use which spelling. One evidence per (source, spelling), at its first use.
pub(crate) fn names(ctx: &Ctx<'_>, group: &Group) -> Vec<Finding> {
    // spelling key → (shown spelling, sources, first (sid, start, ref) per source)
    let mut forms: BTreeMap<String, Spelling<'_>> = BTreeMap::new();
    let mut canonical: Option<String> = None;
    let mut titles: Titled<'_> = BTreeMap::new();
    for &r in &group.members {
        let Some(m) = ctx
            .extractions
            .get(r.source)
            .and_then(|e| e.mentions.get(r.item))
        else {
            continue;
        };
        let sid = ctx.sid(r);
        canonical.get_or_insert_with(|| m.canonical.to_string());
        let text = ctx.sources.get(r.source).map_or("", |s| s.text.as_str());
        let (key, shown, classed) = score::written_form(text, m, &ctx.pack.entities);
        let e = forms
            .entry(key)
            .or_insert_with(|| (shown, BTreeMap::new(), m.text.to_string(), classed));
        first_use(e.1.entry(sid), m.span.start, r);
        if let Some(t) = m.title.as_deref() {
            let e = titles
                .entry(score::folded_words(t))
                .or_insert_with(|| (t.to_owned(), BTreeMap::new()));
            first_use(e.1.entry(sid), m.span.start, r);
        }
    }
    let sources: BTreeSet<&str> = forms.values().flat_map(|f| f.1.keys().copied()).collect();
    let everywhere = forms.values().all(|f| f.1.len() == sources.len());
    if forms.len() < 2 || sources.len() < 2 || everywhere {
        return title_variant(ctx, group, canonical.unwrap_or_default(), &titles)
            .into_iter()
            .collect();
    }
    let (parts, refs) = uses(forms.values().map(|f| (&f.0, &f.1)));
    let evidence = evidence(ctx, &refs);
    // Only short forms ("Fomin" next to "Alexander Fomin") is a weaker finding than two
    // spellings of the full name.
    // So is an acronym next to the name it stands for ("CNE", "US").
    let keys: BTreeSet<String> = forms.values().map(|f| score::spelling_key(&f.2)).collect();
    let is_short = |k: &str| {
        keys.iter()
            .any(|other| other.len() > k.len() && other.ends_with(&format!(" {k}")))
    };
    let is_acronym = |shown: &str| {
        let letters: Vec<char> = shown.chars().filter(|c| *c != '.').collect();
        (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
    };
    // So is the name with and without a word for what it is ("X building", "the X"); a
    // word for what it is in every form ("the capital X" / "the capital Y") is no such pair.
    let full_forms = forms
        .values()
        .map(|f| &f.2)
        .filter(|bare| !is_acronym(bare))
        .map(|bare| score::spelling_key(bare))
        .filter(|k| !is_short(k))
        .collect::<BTreeSet<_>>()
        .len();
    let with_class = if !(forms.values().any(|f| f.3) && forms.values().any(|f| !f.3)) {
        String::new()
    } else {
        "; the same name with and without a word for what it is".to_owned()
    };
    let name = canonical.unwrap_or_default();
    vec![Finding {
        verdict: Verdict::NameVariant,
        kind: "name".to_owned(),
        summary: name.clone(),
        explanation: format!(
            "{name} is written {} ways: {}{with_class} ({})",
            forms.len(),
            explain::list(&parts, 5),
            group.reason
        ),
        confidence: match (full_forms >= 2, group.score >= 1.0) {
            (true, true) => NAME_VARIANT_CONFIDENCE,
            (true, false) => LOW_SCORE_NAME_VARIANT_CONFIDENCE,
            (false, _) => SHORT_FORM_NAME_VARIANT_CONFIDENCE,
        },
        evidence,
        independent_sources: None,
        diff: None,
    }]
}

/// The parts of an explanation ("X (a, b)" per form or title, in key order) and every
/// first use of each, in source order.
#[allow(clippy::type_complexity)]
fn uses<'a, 'b>(
    forms: impl Iterator<Item = (&'b String, &'b BTreeMap<&'a str, (usize, Ref)>)> + Clone,
) -> (Vec<String>, Vec<(&'a str, usize, Ref)>)
where
    'a: 'b,
{
    let parts = forms
        .clone()
        .map(|(shown, srcs)| {
            format!(
                "{shown} ({})",
                srcs.keys().copied().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let mut refs: Vec<(&str, usize, Ref)> = forms
        .flat_map(|(_, srcs)| srcs.iter().map(|(sid, (start, r))| (*sid, *start, *r)))
        .collect();
    refs.sort();
    (parts, refs)
}

/// Keeps in `slot` the earliest use of a spelling or title in one source.
fn first_use(
    slot: std::collections::btree_map::Entry<'_, &str, (usize, Ref)>,
    start: usize,
    r: Ref,
) {
    let slot = slot.or_insert((start, r));
    if start < slot.0 {
        *slot = (start, r);
    }
}

/// The evidence of the mentions at `refs`, in their order.
fn evidence(ctx: &Ctx<'_>, refs: &[(&str, usize, Ref)]) -> Vec<super::Evidence> {
    refs.iter()
        .filter_map(|&(_, _, r)| {
            let ex = ctx.extractions.get(r.source)?;
            Some(explain::mention_evidence(
                r.source,
                ex,
                ctx.by_sentence.get(r.source),
                ex.mentions.get(r.item)?,
            ))
        })
        .collect()
}

/// A `name_variant` for a name spelled alike everywhere but titled differently: two or
/// more titles, used in two or more sources, and not every source using them all.
fn title_variant(
    ctx: &Ctx<'_>,
    group: &Group,
    name: String,
    titles: &Titled<'_>,
) -> Option<Finding> {
    let sources: BTreeSet<&str> = titles.values().flat_map(|t| t.1.keys().copied()).collect();
    let everywhere = titles.values().all(|t| t.1.len() == sources.len());
    if titles.len() < 2 || sources.len() < 2 || everywhere {
        return None;
    }
    let (parts, mut refs) = uses(titles.values().map(|t| (&t.0, &t.1)));
    refs.dedup_by_key(|x| x.2);
    Some(Finding {
        verdict: Verdict::NameVariant,
        kind: "name".to_owned(),
        summary: name.clone(),
        explanation: format!(
            "{name} is spelled alike but titled {} ways: {} ({})",
            titles.len(),
            explain::list(&parts, 5),
            group.reason
        ),
        confidence: TITLE_VARIANT_CONFIDENCE,
        evidence: evidence(ctx, &refs),
        independent_sources: None,
        diff: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::compare::test_support::*;

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
    fn one_name_read_as_two_kinds_is_still_one_entity() {
        use crate::pack::EntityKind::{Organization, Place};
        let f = run(vec![
            doc("a", "The Sea Lark sank.").named_as("Sea Lark", "sea lark", Place),
            doc("b", "The Sea-Lark sank.").named_as("Sea-Lark", "sea lark", Organization),
        ]);
        assert_eq!(verdicts(&f), ["name_variant"]);
    }

    /// Two spellings of Alder Bay next to `fillers` other places whose keys also end in
    /// "bay": one block of names compared pairwise.
    fn alder_bay_among(fillers: usize) -> Vec<crate::compare::Finding> {
        use crate::pack::EntityKind::Place;
        let words = filler_words(fillers);
        let text: String = words
            .iter()
            .map(|w| format!("Boats reached {w} Bay. "))
            .collect();
        let mut c = doc("c", &text);
        for w in &words {
            c = c.named_as(&format!("{w} Bay"), &format!("{w} bay"), Place);
        }
        run(vec![
            doc("a", "Ferries left Alder Bay at dawn.").named_as("Alder Bay", "alder bay", Place),
            doc("b", "Ferries left Alder-Bay at dawn.").named_as("Alder-Bay", "alder bay", Place),
            c,
        ])
    }

    #[test]
    fn a_name_compared_in_a_block_past_the_cap_says_it_was_a_sample() {
        let f = alder_bay_among(70);
        assert_eq!(verdicts(&f), ["name_variant"], "{f:?}");
        assert!(
            f[0].explanation.ends_with(
                "; compared as a sample: 71 names shared a block, the first 64 compared with \
                 each other, every other one with those only"
            ),
            "{}",
            f[0].explanation
        );
        // under the cap every pair was compared: no note
        let f = alder_bay_among(60);
        assert_eq!(verdicts(&f), ["name_variant"], "{f:?}");
        assert!(!f[0].explanation.contains("sample"), "{}", f[0].explanation);
    }

    #[test]
    fn a_name_with_and_without_its_class_word_is_a_weak_name_variant() {
        let f = run(vec![
            doc("a", "Crews searched the Alder Tower building in the port.")
                .named("Alder Tower", "alder tower"),
            doc("b", "Crews searched Alder Tower at dawn.").named("Alder Tower", "alder tower"),
            doc("c", "Ferries sailed for the island of Varn.").named("Varn", "varn"),
            doc("d", "Ferries sailed for Varn.").named("Varn", "varn"),
        ]);
        assert_eq!(verdicts(&f), ["name_variant", "name_variant"], "{f:?}");
        let all: Vec<&str> = f.iter().map(|x| x.explanation.as_str()).collect();
        assert!(
            all.iter()
                .any(|e| e.contains("Alder Tower building (a)") && e.contains("Alder Tower (b)")),
            "{all:?}"
        );
        assert!(
            all.iter().any(|e| e.contains("island of Varn (c)")),
            "{all:?}"
        );
        assert!(all
            .iter()
            .all(|e| e.contains("with and without a word for what it is")));
        assert!(f.iter().all(|x| x.confidence <= 0.5), "{f:?}");
    }

    #[test]
    fn a_name_before_a_compound_or_a_place_before_a_class_word_is_no_class_form() {
        use crate::pack::EntityKind::Place;
        let f = run(vec![
            // "ferry disaster": the class word starts a compound
            doc("a", "The Kestrel ferry disaster shocked the town.").named("Kestrel", "kestrel"),
            doc("b", "The Kestrel sank.").named("Kestrel", "kestrel"),
            // a place before a class word says where the thing is
            doc("c", "Rescuers reached the collapsed Varnland building")
                .named_as("Varnland", "varnland", Place),
            doc("d", "Rescuers reached Varnland.").named_as("Varnland", "varnland", Place),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn one_name_under_titles_that_change_with_the_outlet_is_a_weak_name_variant() {
        let f = run(vec![
            doc("a", "The head of the port board, Ana Ruiz, spoke.")
                .named("Ana Ruiz", "ana ruiz")
                .titled("head of the port board"),
            doc("b", "Ana Ruiz, chair of the port board, spoke.")
                .named("Ana Ruiz", "ana ruiz")
                .titled("chair of the port board"),
            doc("c", "Ana Ruiz spoke.").named("Ana Ruiz", "ana ruiz"),
        ]);
        assert_eq!(verdicts(&f), ["name_variant"], "{f:?}");
        assert!(
            f[0].explanation.starts_with(
                "ana ruiz is spelled alike but titled 2 ways: chair of the port board (b); \
                 head of the port board (a)"
            ),
            "{}",
            f[0].explanation
        );
        assert!(f[0].confidence <= 0.5);
        assert_eq!(f[0].evidence.len(), 2);
        // one title, written alike (case, article) in every source that titles her
        let f = run(vec![
            doc("a", "The Mayor, Ana Ruiz, spoke.")
                .named("Ana Ruiz", "ana ruiz")
                .titled("the Mayor"),
            doc("b", "Mayor Ana Ruiz spoke.")
                .named("Ana Ruiz", "ana ruiz")
                .titled("mayor"),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_class_word_only_before_the_name_says_what_it_names() {
        use crate::pack::EntityKind::Place;
        let f = run(vec![
            doc("a", "Rain hit the state capital Varn overnight.").named_as("Varn", "varn", Place),
            doc("b", "Rain hit Varn overnight.").named_as("Varn", "varn", Place),
        ]);
        assert_eq!(verdicts(&f), ["name_variant"], "{f:?}");
        assert!(
            f[0].explanation.contains("capital Varn (a)"),
            "{}",
            f[0].explanation
        );
        // a class word in every form: two spellings, not a form with and without one
        let f = run(vec![
            doc("a", "Rain hit the capital Varna.").named_as("Varna", "varna", Place),
            doc("b", "Rain hit the capital Warna.").named_as("Warna", "varna", Place),
        ]);
        assert_eq!(verdicts(&f), ["name_variant"], "{f:?}");
        assert!(
            !f[0].explanation.contains("with and without"),
            "{}",
            f[0].explanation
        );
        // after the name it names another place: the capital of Elden is not Elden
        let f = run(vec![
            doc("a", "Rain hit the Elden capital overnight.").named("Elden", "elden"),
            doc("b", "Rain hit Elden overnight.").named("Elden", "elden"),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn same_spelling_everywhere_is_not_a_name_variant() {
        let f = run(vec![
            doc("a", "Alexander Fomin arrived.").named("Alexander Fomin", "alexander fomin"),
            doc("b", "Alexander Fomin left.").named("Alexander Fomin", "alexander fomin"),
        ]);
        assert!(f.is_empty());
    }
}

//! Places of figures: the place a figure covers, keyed through the pack's aliases.

use std::ops::Range;

use crate::extract::lexicon::{ELSEWHERE, NOT_NAMES, PLACE_NOUNS, SUPERLATIVES};
use crate::normalize;
use crate::pack::Pack;

use super::clause::{clauses, window, Clause};
use super::LocalDate;

/// The place a figure covers: a capitalised name after "in", "across", "throughout" or
/// "near" in the figure's clause ("killed in Mandalay", "across the Philippines"), keyed
/// through the pack's alias tables ("Burma" and "Myanmar" give one key). Dates are skipped.
pub(crate) fn place(
    text: &str,
    dates: &[LocalDate<'_>],
    clauses: &[Clause],
    figure: Range<usize>,
    pack: &Pack,
) -> Option<String> {
    let w = window(clauses, figure.start);
    after_preposition(text, &w, dates, pack, figure.start)
        .or_else(|| where_place(text, &w, dates, pack))
        .or_else(|| gathering_place(text, &w, dates, pack))
        .or_else(|| opening_place(text, dates, pack))
        .or_else(|| sole_place(text, &w, dates, pack))
}

/// The name after "in", "across", "throughout", … in `w` nearest to `figure_start`.
fn after_preposition(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
    figure_start: usize,
) -> Option<String> {
    names_after_prepositions(text, w, dates, pack)
        .into_iter()
        .min_by_key(|(at, _)| at.abs_diff(figure_start))
        .map(|(_, key)| key)
}

/// Every name after "in", "across", "throughout", … in `w`, with where it starts.
fn names_after_prepositions(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Vec<(usize, String)> {
    let Some(region) = text.get(w.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for prep in [
        "in ",
        "across ",
        "throughout ",
        "near ",
        "inside ",
        "streets of ",
        "city of ",
    ] {
        let mut from = 0;
        while let Some(pos) = region[from..].find(prep) {
            let at = from + pos;
            from = at + prep.len();
            if at > 0
                && region[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let mut rest = &region[from..];
            if let Some(r) = rest.strip_prefix("the ") {
                rest = r;
            }
            let rest = after_place_noun(rest);
            let name_start = w.start + (region.len() - rest.len());
            let Some(name_end) = place_name_end(text, name_start, dates) else {
                continue;
            };
            out.push((name_start, place_key(&text[name_start..name_end], pack)));
        }
    }
    out
}

/// Words that tie a distance to the place it is measured from, right after the figure
/// ("20 km off the island of Pelling", "12 miles north of Cape Arno").
const ANCHORS: &[&str] = &[
    "off the coast of ",
    "off ",
    "away from ",
    "from ",
    "outside ",
    "north of ",
    "south of ",
    "east of ",
    "west of ",
    "northeast of ",
    "northwest of ",
    "southeast of ",
    "southwest of ",
    "north-east of ",
    "north-west of ",
    "south-east of ",
    "south-west of ",
];

/// The place a distance is measured from: the capitalised name right after the figure
/// and one of [`ANCHORS`] (`after`: where the figure and its unit end, in `text`), past a
/// bracketed conversion ("12 miles (19 km) north of Cape Arno") and a place noun ("off
/// the southern island of Pelling"). Keyed by the name's canonical key, so that two
/// spellings the pack respells alike, or a name with and without "Island", meet: "20 km
/// off Pelling" and "a few kilometres from Pelling Island" measure from one place. With
/// the key, the words that tie the figure to it ("off", "north of").
pub(crate) fn anchor(
    text: &str,
    after: usize,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<(String, &'static str)> {
    let mut rest = text.get(after..)?.trim_start();
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')').filter(|&c| c <= 40)?;
        rest = inner[close + 1..].trim_start();
    }
    let prep = ANCHORS.iter().find(|p| rest.starts_with(*p))?;
    rest = &rest[prep.len()..];
    rest = rest.strip_prefix("the ").unwrap_or(rest);
    rest = after_place_noun(rest);
    let name_start = text.len() - rest.len();
    let name_end = place_name_end(text, name_start, dates)?;
    let key = normalize::canonical_key(
        pack,
        &text[name_start..name_end],
        Some(crate::pack::EntityKind::Place),
    );
    (!key.is_empty()).then_some((key, prep.trim_end()))
}

/// Verbs that say where a named place lies ("Karsvik lies 90 km from Saltholm").
const LIES: &[&str] = &["lies", "lie", "is", "sits", "stands", "located", "situated"];

/// The named place a distance measures, when the text names it right before the figure
/// (`before`: where the figure and its modifier start, in `text`): "Karsvik lies 90 km
/// from Saltholm", "Savar, 30 km outside Dhaka". Folded, as a counted thing: a distance
/// between two places is not the distance of a ship from one of them.
pub(crate) fn measured_place(text: &str, before: usize, dates: &[LocalDate<'_>]) -> Option<String> {
    let head = text.get(..before)?.trim_end();
    let head = match head.strip_suffix(',') {
        Some(h) => h.trim_end(),
        None => {
            let (rest, verb) = head.rsplit_once(' ')?;
            if !LIES.contains(&verb) {
                return None;
            }
            let rest = rest.trim_end();
            rest.strip_suffix(" is").unwrap_or(rest).trim_end()
        }
    };
    let name_start = trailing_name_start(head)?;
    let name_end = place_name_end(text, name_start, dates)?;
    let name = text.get(name_start..name_end)?;
    let first = name.split(' ').next().unwrap_or("");
    (!NOT_NAMES.contains(&first)).then(|| normalize::fold(name))
}

/// "Heavy rain kept falling in flood-hit Alderia, where the toll rose to 120": a figure in
/// a clause opened by "where" is in the place named right before it, after "in", "to",
/// "at", "across", "throughout" or "from" (with at most two words between, "flood-hit").
fn where_place(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<String> {
    let head = text.get(..w.start)?.trim_end();
    let clause = text.get(w.clone())?.trim_start();
    if !clause.starts_with("where ") || !head.ends_with(',') {
        return None;
    }
    let head = &head[..head.len() - 1];
    let start = trailing_name_start(head)?;
    // the words before the name, nearest first
    let before: Vec<&str> = match start.checked_sub(1) {
        Some(space) => head[..space].rsplit(' ').take(3).collect(),
        None => Vec::new(),
    };
    let prep_at = before
        .iter()
        .take(3)
        .position(|x| ["in", "to", "at", "across", "throughout", "from"].contains(x))?;
    if before[..prep_at]
        .iter()
        .any(|x| x.chars().next().is_some_and(char::is_uppercase) || x.contains(','))
    {
        return None;
    }
    let end = head.len();
    (!dated(dates, start..end)).then(|| place_key(&text[start..end], pack))
}

/// Where the capitalised words that end `head`, at most three, start: the name written
/// last ("flood-hit Alderia", "Karsvik" in "Karsvik lies"). `None` when `head` ends in a
/// lowercase word.
fn trailing_name_start(head: &str) -> Option<usize> {
    let words: Vec<&str> = head.rsplit(' ').take(3).collect();
    let n = words
        .iter()
        .take_while(|x| x.chars().next().is_some_and(char::is_uppercase))
        .count();
    let len = words[..n].iter().map(|x| x.len() + 1).sum::<usize>();
    (n > 0).then(|| head.len() + 1 - len)
}

/// "Stewards of the Port Elden rally counted 80,000, though the police said 45,000": when
/// the figure's clause names no place and the whole sentence names exactly one, the
/// figure is scoped to it, unless its clause says "elsewhere" or "nationwide".
fn sole_place(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<String> {
    let clause = text.get(w.clone())?.to_lowercase();
    if ELSEWHERE.iter().any(|x| clause.contains(x)) {
        return None;
    }
    let all = 0..text.len();
    let mut found: Vec<String> = Vec::new();
    for c in clauses(text) {
        let lower = text.get(c.span.clone()).unwrap_or("").to_ascii_lowercase();
        let opening = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        // "according to the ministry in X", "speaking at a briefing in X": where the source
        // sits or spoke
        let credit = pack
            .source_phrases
            .iter()
            .any(|p| opening.starts_with(p.as_str()));
        let setting_or_field = lower
            .split(|ch: char| !ch.is_alphabetic())
            .any(|x| SUPERLATIVES.contains(&x) || pack.report_occasions.iter().any(|o| o == x));
        if credit || setting_or_field {
            // where the source sits or spoke, or the field of a comparison ("the
            // deadliest in Central Asia"): neither is where the figure is
            continue;
        }
        found.extend(
            names_after_prepositions(text, &c.span, dates, pack)
                .into_iter()
                .map(|(_, key)| key),
        );
        found.extend(gathering_place(text, &c.span, dates, pack));
    }
    found.extend(gathering_place(text, &all, dates, pack));
    found.sort();
    found.dedup();
    let first = found.first()?;
    let one = found.iter().all(|p| normalize::one_place(p, first));
    one.then(|| found.iter().max_by_key(|p| p.len()).cloned())
        .flatten()
}

/// "The Los Angeles march's organisers claimed 750,000", "organisers of the Denver rally":
/// a capitalised name (not a possessive: "the Women's march") right before a gathering
/// noun in the figure's clause is the place of the gathering.
fn gathering_place(
    text: &str,
    w: &Range<usize>,
    dates: &[LocalDate<'_>],
    pack: &Pack,
) -> Option<String> {
    let region = text.get(w.clone())?;
    // the pack's gathering nouns (`entities.toml` `gatherings`), each after a space
    for word in &pack.entities.gatherings {
        let noun = format!(" {word}");
        let noun = noun.as_str();
        let mut from = 0;
        while let Some(pos) = region[from..].find(noun) {
            let at = from + pos;
            from = at + noun.len();
            let after = region[from..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            // the capitalised words right before the noun, at most three
            let head = &region[..at];
            let words: Vec<&str> = head.rsplit(' ').take(3).collect();
            let name_words = words
                .iter()
                .take_while(|x| {
                    x.chars().next().is_some_and(char::is_uppercase)
                        && !possessive(x)
                        && !x.ends_with(',')
                        && !NOT_NAMES.contains(&x.to_ascii_lowercase().as_str())
                })
                .count();
            // "the Women's March protest": a name that goes on from a capitalised
            // possessive names the gathering itself, not where it is
            let named_gathering = words
                .get(name_words)
                .is_some_and(|x| x.chars().next().is_some_and(char::is_uppercase) && possessive(x));
            if name_words == 0 || named_gathering {
                continue;
            }
            let len: usize = words[..name_words]
                .iter()
                .map(|x| x.len() + 1)
                .sum::<usize>()
                - 1;
            let start = w.start + at - len;
            let end = w.start + at;
            if !dated(dates, start..end) {
                return Some(place_key(&text[start..end], pack));
            }
        }
    }
    None
}

/// A possessive word: "Women's", "Farmers'".
fn possessive(word: &str) -> bool {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .any(|p| word.ends_with(p))
}

/// "In New York City, officials estimated 200,000": a place set off by a comma at the
/// head of the sentence scopes every figure of it that names no place of its own.
fn opening_place(text: &str, dates: &[LocalDate<'_>], pack: &Pack) -> Option<String> {
    let mut lead = text.len() - text.trim_start().len();
    // "And in Boston, officials said ...": a conjunction may open the sentence.
    for conj in ["And ", "But ", "Meanwhile, ", "Elsewhere, "] {
        if text[lead..].starts_with(conj) {
            lead += conj.len();
            break;
        }
    }
    let rest = &text[lead..];
    let prep = [
        "In ",
        "in ",
        "Across ",
        "across ",
        "Throughout ",
        "throughout ",
    ]
    .into_iter()
    .find(|p| rest.starts_with(p))?;
    let mut name_start = lead + prep.len();
    if text[name_start..].starts_with("the ") {
        name_start += "the ".len();
    }
    name_start = text.len() - after_place_noun(&text[name_start..]).len();
    let name_end = place_name_end(text, name_start, dates)?;
    if !text[name_end..].starts_with(',') {
        return None;
    }
    Some(place_key(&text[name_start..name_end], pack))
}

/// What follows "the southern state of", "the coastal town of", "the province of": the
/// place a figure is in is the name after the place noun, not the adjective before it
/// ("in the Indian state of Kerala" is in Kerala). `rest` is the text after "in the";
/// it is returned as it is when no place noun and "of" open it within three words.
fn after_place_noun(rest: &str) -> &str {
    let mut at = 0;
    for _ in 0..3 {
        let Some(word) = rest.get(at..).and_then(|r| r.split(' ').next()) else {
            return rest;
        };
        let next = at + word.len() + 1;
        if PLACE_NOUNS.contains(&word) {
            return rest
                .get(next..)
                .and_then(|r| r.strip_prefix("of "))
                .map_or(rest, |r| r.strip_prefix("the ").unwrap_or(r));
        }
        if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
            return rest;
        }
        at = next;
    }
    rest
}

/// The end of the capitalised name (up to three words) starting at `name_start`, unless
/// none starts there or a date overlaps it.
pub(crate) fn place_name_end(
    text: &str,
    name_start: usize,
    dates: &[LocalDate<'_>],
) -> Option<usize> {
    let rest = text.get(name_start..)?;
    let mut name_end = name_start;
    let mut words = 0;
    for word in rest.split(' ') {
        let clean = word.trim_end_matches([',', '.', ';', ':', '’', '\'']);
        let clean = clean
            .strip_suffix("’s")
            .or(clean.strip_suffix("'s"))
            .unwrap_or(clean);
        if words == 3 || !clean.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        // `word` is a slice of `rest`: its offset there is its pointer difference.
        let offset = word.as_ptr() as usize - rest.as_ptr() as usize;
        name_end = name_start + offset + clean.len();
        words += 1;
        if clean.len() != word.len() {
            break;
        }
    }
    (words > 0 && !dated(dates, name_start..name_end)).then_some(name_end)
}

/// Whether a date overlaps `span`: a name there is part of a date ("March", "May").
fn dated(dates: &[LocalDate<'_>], span: Range<usize>) -> bool {
    dates
        .iter()
        .any(|d| d.span.start < span.end && span.start < d.span.end)
}

/// A place's key through the pack's alias tables ("Burma" and "Myanmar" give one key).
pub(crate) fn place_key(name: &str, pack: &Pack) -> String {
    normalize::alias(pack, name)
        .map(normalize::fold)
        .unwrap_or_else(|| normalize::fold(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor_of(t: &str, figure: &str) -> Option<(String, &'static str)> {
        let f = t.find(figure).unwrap_or(0);
        anchor(t, f + figure.len(), &[], &Pack::default_pack())
    }

    #[test]
    fn a_distance_is_measured_from_the_place_named_right_after_it() {
        let key = |t: &str, figure: &str| anchor_of(t, figure).map(|(k, _)| k);
        assert_eq!(
            anchor_of(
                "A trawler went down 20 km off the northern island of Tolvik.",
                "20 km"
            ),
            Some(("tolvik".to_owned(), "off"))
        );
        // past a bracketed conversion; "Island" is dropped from the key
        assert_eq!(
            key(
                "Divers searched a few kilometres (miles) from Tolvik Island.",
                "a few kilometres"
            ),
            key("The ship sank 20 km off Tolvik.", "20 km")
        );
        assert_eq!(
            anchor_of(
                "It ran aground 12 miles (19 km) north of Cape Arno.",
                "12 miles"
            ),
            Some(("cape arno".to_owned(), "north of"))
        );
        // no place right after the figure: no anchor
        assert_eq!(
            key("They walked 20 km from the camp to the river.", "20 km"),
            None
        );
        assert_eq!(key("The road runs 20 km through Tolvik.", "20 km"), None);
    }

    #[test]
    fn a_place_named_before_a_distance_is_what_it_measures() {
        let of = |t: &str, figure: &str| measured_place(t, t.find(figure).unwrap_or(0), &[]);
        assert_eq!(
            of("Karsvik lies 90 km from Tolvik Island.", "90 km"),
            Some("karsvik".into())
        );
        assert_eq!(
            of("the suburb of Old Savar, 30 km outside Dhaka", "30 km"),
            Some("old savar".into())
        );
        assert_eq!(
            of("Its last call placed it 30 km off Tolvik.", "30 km"),
            None
        );
        assert_eq!(of("The ship sank 20 km off Tolvik.", "20 km"), None);
    }

    #[test]
    fn place_is_the_name_after_in_keyed_by_alias() {
        let pack = Pack::default_pack();
        let t = "At least 12 people died in Burma on Monday";
        let c = clauses(t);
        let f = t.find("12").unwrap_or(0);
        assert_eq!(
            place(t, &[], &c, f..f + 2, &pack).as_deref(),
            Some("myanmar")
        );
        let t = "Floods killed 40 people across the Mekong Delta";
        let c = clauses(t);
        let f = t.find("40").unwrap_or(0);
        assert_eq!(
            place(t, &[], &c, f..f + 2, &pack).as_deref(),
            Some("mekong delta")
        );
        let t = "Some 40 people were hurt in the blast";
        let c = clauses(t);
        assert_eq!(place(t, &[], &c, 5..7, &pack), None);
    }

    /// The place `place` gives the first `figure` in `t`, with the default pack.
    fn place_of(t: &str, figure: &str) -> Option<String> {
        let f = t.find(figure).unwrap_or(0);
        place(
            t,
            &[],
            &clauses(t),
            f..f + figure.len(),
            &Pack::default_pack(),
        )
    }

    #[test]
    fn the_place_after_a_place_noun_is_the_figures_place() {
        let t = "In the northern province of Alderia, the toll reached 120.";
        assert_eq!(place_of(t, "120").as_deref(), Some("alderia"));
        let t = "At least 40 people died in the coastal town of Port Elden.";
        assert_eq!(place_of(t, "40").as_deref(), Some("port elden"));
        // no place noun: the name after "in the" as before
        let t = "At least 40 people died in the Alder Bay district.";
        assert_eq!(place_of(t, "40").as_deref(), Some("alder bay"));
    }

    #[test]
    fn a_figure_in_a_where_clause_is_in_the_place_before_it() {
        let t = "Rain kept falling in flood-hit Alderia, where the toll rose to 120.";
        assert_eq!(place_of(t, "120").as_deref(), Some("alderia"));
        let t = "The army flew to Vossberg, where 300 people were rescued.";
        assert_eq!(place_of(t, "300").as_deref(), Some("vossberg"));
        // no place before "where": a person, not a place
        let t = "She thanked Ana Ruiz, where 3 people had failed.";
        assert_eq!(place_of(t, "3"), None);
    }

    #[test]
    fn a_place_opening_the_sentence_scopes_its_figures() {
        let t = "In Port Elden, stewards counted about 30,000 marchers.";
        assert_eq!(place_of(t, "30,000").as_deref(), Some("port elden"));
        // a place of the figure's own clause wins
        let t = "In Port Elden, stewards said 900 people marched in Vossberg.";
        assert_eq!(place_of(t, "900").as_deref(), Some("vossberg"));
        // not an opening adverbial: no comma after the name
        let t = "In March 4,000 people marched.";
        assert_eq!(place_of(t, "4,000"), None);
        // after a conjunction
        let t = "And in Port Elden, stewards counted about 30,000 marchers.";
        assert_eq!(place_of(t, "30,000").as_deref(), Some("port elden"));
    }

    #[test]
    fn a_name_before_a_gathering_or_after_streets_of_is_its_place() {
        let t = "The Port Elden march's organisers claimed a turnout of 30,000.";
        assert_eq!(place_of(t, "30,000").as_deref(), Some("port elden"));
        let t = "Some 12,000 people filled the streets of Vossberg.";
        assert_eq!(place_of(t, "12,000").as_deref(), Some("vossberg"));
        // a demonstrative or a possessive is not a place
        let t = "That march drew an estimated 5,000 people.";
        assert_eq!(place_of(t, "5,000"), None);
        let t = "The Dockers' Union's rally drew 5,000 people.";
        assert_eq!(place_of(t, "5,000"), None);
        // a name that goes on from a possessive names the gathering itself
        let t = "The Farmers\u{2019} Harvest Parade protest drew 5,000 people.";
        assert_eq!(place_of(t, "5,000"), None);
        let t = "The Miners' Gala protest drew 5,000 people.";
        assert_eq!(place_of(t, "5,000"), None);
    }

    #[test]
    fn the_one_place_of_a_sentence_scopes_a_figure_whose_clause_names_none() {
        let t = "Organisers of the Alder Bay march said 9,000 came, though the police reckoned that figure nearer 6,000.";
        assert_eq!(place_of(t, "6,000").as_deref(), Some("alder bay"));
        // two places: the sentence does not say which
        let t = "Marches in Alder Bay and in Vossberg drew crowds, and police counted 6,000.";
        assert_eq!(place_of(t, "6,000"), None);
        // "elsewhere" puts the figure in no named place
        let t = "Five people died in Alder Bay, while 12 died elsewhere.";
        assert_eq!(place_of(t, "12"), None);
        // where the source sits, or the field of a superlative, is not the figure's place
        let t = "The toll of 829 includes 75 children, according to the ministry in Vossberg.";
        assert_eq!(place_of(t, "829"), None);
        let t = "At least 310 people died, making it the deadliest quake in Central Asia.";
        assert_eq!(place_of(t, "310"), None);
    }
}

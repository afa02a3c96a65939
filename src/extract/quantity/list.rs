//! Figures in a list of labelled lines: "Port Elden: 12,500", "Vossberg: 40,000, according
//! to the Vossberg Herald". Such a line has no counted noun or event of its own; the list does.
//!
//! Input: the sentences of a source and the claims found sentence by sentence. Output:
//! claims for the unlabelled-kind items of lists of at least [`MIN_ITEMS`] lines whose
//! labelled figures include one whose kind is known, which lends its kind, unit, event and
//! thing counted to the others. The label is each item's place. A list with no item of
//! known kind gives no claims (precision first).

use std::ops::Range;

use super::figure::Figure;
use super::{claim, read, with_scope, Hint, Matchers};
use crate::extract::{scope, Anchor, Claim, ClaimBody, DateRef, Quantity};
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::{label, Sentence};

/// Fewer labelled lines than this are not a list (a "Note: 3 of them" aside).
const MIN_ITEMS: usize = 3;

/// Lines without a figure a list may hold between items ("NATIONAL MARCHES"), at most
/// this many words each.
const MAX_HEADING_WORDS: usize = 4;

/// Claims for the items of the lists of a source that the per-sentence pass left without
/// a kind, and the place of every item's claim set to its label. `claims` holds the
/// quantity claims found so far, sorted by sentence.
pub(crate) fn items(
    source: &Source,
    sentences: &[Sentence],
    claims: &mut [Claim],
    pack: &Pack,
    dates: &[Vec<&DateRef>],
    anchor: &Anchor,
    hints: &[Hint<'_>],
) -> Vec<Claim> {
    let mut out = Vec::new();
    // the claims of sentence `i` holding the figure right after its label (`claims` are
    // in sentence order: a binary search, not a scan per item)
    let at_label = |claims: &[Claim], i: usize, rest: usize| -> Vec<usize> {
        let lo = claims.partition_point(|c| c.sentence < i);
        let hi = claims.partition_point(|c| c.sentence <= i);
        let start = sentences[i].span.start + rest;
        (lo..hi)
            .filter(|&k| claims[k].span.start == start)
            .collect()
    };
    for run in runs(source, sentences) {
        let template = run.iter().find_map(|&(i, _, rest)| {
            at_label(claims, i, rest)
                .into_iter()
                .find_map(|k| match &claims[k].body {
                    ClaimBody::Quantity(q) => Some(q.clone()),
                    ClaimBody::Statement(_) => None,
                })
        });
        let Some(template) = template else {
            continue;
        };
        for &(i, ref label, rest) in &run {
            let s = &sentences[i];
            let text = s.text(source);
            let key = scope::place_key(&text[label.clone()], pack);
            let held = at_label(claims, i, rest);
            for &k in &held {
                if let ClaimBody::Quantity(q) = &mut claims[k].body {
                    q.scope.place.get_or_insert(key.clone());
                }
            }
            if !held.is_empty() {
                continue;
            }
            let hint = hints.get(i).copied().unwrap_or_default();
            let day = dates.get(i).map_or(&[][..], Vec::as_slice);
            out.extend(item(
                source, i, s, pack, day, anchor, hint, &template, rest, key,
            ));
        }
    }
    out
}

/// The labelled lines of each list: (sentence, label span, start of the text after it).
fn runs(source: &Source, sentences: &[Sentence]) -> Vec<Vec<(usize, Range<usize>, usize)>> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, Range<usize>, usize)> = Vec::new();
    let mut flush = |run: &mut Vec<_>| {
        if run.len() >= MIN_ITEMS {
            out.push(std::mem::take(run));
        }
        run.clear();
    };
    for (i, s) in sentences.iter().enumerate() {
        let text = s.text(source);
        let starts_line = s.span.start == 0 || source.text[..s.span.start].ends_with('\n');
        match label(text).filter(|_| starts_line) {
            Some((l, rest)) => run.push((i, l, rest)),
            None => {
                let heading = starts_line
                    && text.split_whitespace().count() <= MAX_HEADING_WORDS
                    && !text.contains(|c: char| c.is_ascii_digit());
                if !heading {
                    flush(&mut run);
                }
            }
        }
    }
    flush(&mut run);
    out
}

/// The claim of one list item: its first figure, right after the label, measured as
/// `template` measures.
#[allow(clippy::too_many_arguments)]
fn item(
    source: &Source,
    index: usize,
    sentence: &Sentence,
    pack: &Pack,
    dates: &[&DateRef],
    anchor: &Anchor,
    hint: Hint<'_>,
    template: &Quantity,
    rest: usize,
    place: String,
) -> Option<Claim> {
    let m = pack.prepared(Matchers::new);
    let (text, lower, local, figures) = read(source, sentence, pack, dates, hint);
    let lower: &str = &lower;
    let f: &Figure = figures.iter().find(|f| f.start_with_modifier == rest)?;
    let unit = match f.unit {
        Some(u) => pack.units.get(u)?.id.clone(),
        None => template.unit.clone(),
    };
    if unit != template.unit || f.against.is_some() {
        return None;
    }
    let clauses = scope::clauses(text);
    let window = scope::window(&clauses, f.span.start);
    let q = Quantity {
        number: f.number,
        value: f.value,
        kind: template.kind.clone(),
        unit,
        counted: template.counted.clone(),
        event: template.event.clone(),
        scope: Default::default(),
        modifier: f.modifier.as_deref().map(Box::from),
        vague: f.vague,
        part: false,
        status: crate::extract::frame::status(
            lower,
            &window,
            &(f.start_with_modifier..f.end_with_unit),
            pack,
        ),
        about: None,
        sentence_stems: Default::default(),
        renderings: Vec::new(),
    };
    let as_of = scope::reporting_date(lower, &local, &m.speech, pack).or(anchor.date);
    let base = sentence.span.start;
    let mut q = with_scope(
        q, text, lower, base, &local, &clauses, f, as_of, false, pack,
    );
    q.scope.place = Some(place);
    Some(claim(index, sentence, base, f, f.end_with_unit, q, pack))
}

#[cfg(test)]
mod tests {
    use super::super::tests::claims_in;
    use crate::pack::Pack;

    /// Each quantity claim of `text` as `number unit event @place`.
    fn show(text: &str) -> Vec<String> {
        claims_in(&Pack::default_pack(), text)
            .iter()
            .map(|q| {
                format!(
                    "{} {} {} @{}",
                    q.number.unwrap_or(f64::NAN),
                    q.unit,
                    q.event.as_deref().unwrap_or("-"),
                    q.scope.place.as_deref().unwrap_or("-")
                )
            })
            .collect()
    }

    #[test]
    fn a_list_lends_its_kind_to_items_without_one_and_labels_are_places() {
        let text = "Crowds by city:\nAlder Bay: 9,000\nVossberg: 40,000 people marched, police said.\nPort Elden, Westmark: 12,500\n";
        assert_eq!(
            show(text),
            [
                "9000 people attended @alder bay",
                "40000 people attended @vossberg",
                "12500 people attended @port elden, westmark",
            ]
        );
    }

    #[test]
    fn a_list_without_an_item_of_known_kind_gives_no_claims() {
        let text = "Scores:\nAlder Bay: 9,000\nVossberg: 40,000\nPort Elden: 12,500\n";
        assert!(show(text).is_empty(), "{:?}", show(text));
    }

    #[test]
    fn two_labelled_lines_are_not_a_list() {
        let text = "Vossberg: 40,000 people marched.\nAlder Bay: 9,000\n";
        assert_eq!(show(text), ["40000 people attended @-"]);
    }
}

//! Dates: absolute ("March 27", "Feb. 1", "2014-2019") and relative ("on Friday",
//! "last month", "June last year") dates, resolved against the source's anchor date.
//!
//! Input: a source and its sentences. Output: the source's [`Anchor`] and its
//! [`DateRef`](super::DateRef)s, in three steps: `phrases` finds the date phrases of each sentence, once
//! for both others ([`phrases_of`]); `anchor` dates the source: the manifest date, else
//! the page's own date line checked against the phrases, else the wire dateline's date
//! ([`own_anchor`], completed by [`in_story`] with the year the story's other sources
//! give); `resolution` resolves each phrase against the anchor ([`dates_of`]). With no
//! anchor, relative dates are still listed, unresolved.

mod anchor;
mod phrases;
mod resolution;

pub(crate) use phrases::{warm_up, Phrase};
pub(crate) use resolution::dates_of;

use super::DateParts;
use phrases::PhraseKind;

/// What a date phrase writes of its day, before resolution: "Feb. 1" a month and a day,
/// "on Friday" (or "last Friday") a weekday, "June 2021" a year and a month.
pub(crate) fn parts(kind: &PhraseKind) -> DateParts {
    let none = DateParts::default();
    match *kind {
        PhraseKind::Full(d) => DateParts::of_day(d),
        PhraseKind::MonthDay(month, day) => DateParts {
            month: Some(month),
            day: Some(day),
            ..none
        },
        PhraseKind::MonthYear(month, year, _) => DateParts {
            year: Some(year),
            month: Some(month),
            ..none
        },
        PhraseKind::Month(month, _, _) => DateParts {
            month: Some(month),
            ..none
        },
        PhraseKind::Year(year) => DateParts {
            year: Some(year),
            ..none
        },
        PhraseKind::Weekday(w, _) => DateParts {
            weekday: Some(w.to_monday_one_offset()),
            ..none
        },
        PhraseKind::Years(..)
        | PhraseKind::Day(_)
        | PhraseKind::RelUnit(..)
        | PhraseKind::EarlierThis(_)
        | PhraseKind::Ago(..) => none,
    }
}

use super::Anchor;
use crate::ingest::Source;
use crate::pack::Pack;
use crate::segment::Sentence;

/// The date phrases of each sentence of a source, computed once for both the anchor and
/// the dates.
pub(crate) fn phrases_of(source: &Source, sentences: &[Sentence], pack: &Pack) -> Vec<Vec<Phrase>> {
    let stopwords = pack.prepared(phrases::NotYear::new);
    sentences
        .iter()
        .map(|s| phrases::phrases(s.text(source), &stopwords.0))
        .collect()
}

/// The anchor of `source` on its own: its manifest or page date, the page date checked
/// against `phrases` (the [`phrases_of`] its sentences), else its wire dateline's date
/// when that gives a year, else the full date in the text on the weekday its news names
/// ([`anchor::text_anchor`]).
pub(crate) fn own_anchor(
    source: &Source,
    sentences: &[Sentence],
    phrases: &[Vec<Phrase>],
) -> Anchor {
    let anchor = in_story(
        anchor::published_anchor(source, sentences, phrases),
        source,
        None,
    );
    if anchor.date.is_none() && anchor.warning.is_none() {
        if let Some(found) = anchor::text_anchor(phrases) {
            return found;
        }
    }
    anchor
}

/// Completes `anchor` from the wire dateline of `source` and, for the year, from
/// `story_year` (the year the other sources of the story agree on). A manifest or trusted
/// page date is kept; a distrusted page date stays distrusted (only a missing year is
/// filled in).
pub(crate) fn in_story(anchor: Anchor, source: &Source, story_year: Option<i16>) -> Anchor {
    let dateline = source.dateline.as_ref().and_then(|d| d.date);
    anchor::story_anchor(anchor, dateline, story_year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::DateRef;

    /// An anchor on the date `d` (YYYY-MM-DD).
    pub(super) fn anchored(d: &str) -> Anchor {
        let date: jiff::civil::Date = d.parse().expect("test date");
        Anchor {
            date: Some(date),
            year: Some(date.year()),
            basis: "test".into(),
            warning: None,
        }
    }

    #[test]
    fn a_dateline_dates_a_source_without_a_page_date() {
        let pack = Pack::default_pack();
        let source = Source::from_text(
            "t",
            "t.txt",
            "Floods\n\nQUITO, Ecuador, Aug. 14, 2024 (Andes Wire) — The river burst its banks \
             on Tuesday, officials said.",
            &pack,
        );
        let sentences = crate::segment(&source, &pack);
        let phrases = phrases_of(&source, &sentences, &pack);
        let anchor = own_anchor(&source, &sentences, &phrases);
        assert_eq!(anchor.date, jiff::civil::Date::new(2024, 8, 14).ok());
        assert_eq!(anchor.basis, "dateline");
        let dates: Vec<DateRef> = sentences
            .iter()
            .zip(phrases)
            .enumerate()
            .flat_map(|(i, (s, found))| dates_of(&source, i, s, &anchor, found))
            .collect();
        // the dateline's own date is flagged; "on Tuesday" resolves against it
        let flagged: Vec<(&str, bool)> = dates
            .iter()
            .map(|d| (d.text.as_str(), d.dateline))
            .collect();
        assert_eq!(flagged, [("Aug. 14, 2024", true), ("Tuesday", false)]);
        assert_eq!(dates[1].from, jiff::civil::Date::new(2024, 8, 13).ok());
    }

    /// The anchor of an undated source of `text`.
    fn anchor_of(text: &str) -> Anchor {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        let sentences = crate::segment(&source, &pack);
        let phrases = phrases_of(&source, &sentences, &pack);
        own_anchor(&source, &sentences, &phrases)
    }

    #[test]
    fn a_full_date_on_the_weekday_the_news_names_dates_an_undated_source() {
        // a photo caption's date (a Saturday) and news "on Saturday": written then
        let anchor = anchor_of(
            "Quarry slide\n\nDiggers clear the road above Tollanby, March 9, 2024. Crews \
             reached the last cut-off farm on Saturday, the county said.",
        );
        assert_eq!(anchor.date, jiff::civil::Date::new(2024, 3, 9).ok());
        assert!(anchor.basis.contains("2024-03-09"), "{}", anchor.basis);
        // the same date with news of another weekday, or of no weekday, dates nothing:
        // a date alone may be a past event recalled, or a later caption
        for text in [
            "Quarry slide\n\nThe road above Tollanby was shut on March 9, 2024. Crews \
             reached the last farm on Tuesday.",
            "Quarry slide\n\nThe road above Tollanby was shut on March 9, 2024.",
        ] {
            assert_eq!(anchor_of(text).date, None, "{text}");
        }
    }
}

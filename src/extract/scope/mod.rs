//! Scopes of figures: the clause a figure belongs to, the time span it covers ("on March
//! 27", "since the Feb. 1 coup", "from 2014-2019") and the date it is reported as of
//! ("said on Tuesday").
//!
//! Input: a sentence's text and its resolved dates. Output: clause spans and
//! [`TimeScope`](super::TimeScope)s. A date that only says when something was *reported*
//! ("state media reported on Friday") or that follows a superlative ("the deadliest day
//! since 2010") is never a figure's scope.
//!
//! [`clause`] cuts the sentence into clauses; [`reporting`] tells a reporting date from a
//! figure's own; [`time`] finds the time scope; [`place`] the place.

mod clause;
mod place;
mod reporting;
mod time;

use std::ops::Range;

use super::DateRef;

pub(crate) use clause::{across_dashed_aside, clauses, window, Clause};
pub(crate) use place::{anchor, measured_place, place, place_key, place_name_end};
pub(crate) use reporting::{is_reporting, reporting_date};
pub(crate) use time::time_scope;

/// A date of the sentence with its span relative to the sentence text.
#[derive(Debug, Clone)]
pub(crate) struct LocalDate<'a> {
    /// Span in the sentence text.
    pub(crate) span: Range<usize>,
    /// The resolved date.
    pub(crate) date: &'a DateRef,
}

//! Why a number read is no figure, or a figure no claim.

use std::ops::Range;

/// Why a number the scan read is no figure, or a figure no claim: what `extract
/// --all-figures` says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// A year ("in 2019").
    Year,
    /// Part of a date ("March 3").
    Date,
    /// A clock time ("10:30", "3pm").
    Time,
    /// An ordinal ("75th").
    Ordinal,
    /// A decade ("the 1990s").
    Decade,
    /// A phone number.
    Phone,
    /// A code or id glued to letters ("COVID-19", "F-35", "G7").
    Code,
    /// A version number ("2.1.3", "version 4").
    Version,
    /// An IP address.
    Ip,
    /// A page, section, chapter or article number.
    Reference,
    /// A street address ("10 Downing Street").
    Address,
    /// A sports score ("won 3-2").
    Score,
    /// Part of a name ("Apollo 11").
    Name,
    /// An age ("aged 45", "a 45-year-old").
    Age,
    /// A compound adjective without a unit ("a 10-point plan").
    Adjective,
    /// A time window ("the first 10 minutes").
    Window,
    /// A letter after the digits that may be a unit or a code ("a 35m wall").
    Unclear,
    /// The whole a part is taken of ("142 of 255 seats").
    Whole,
    /// The value before a change ("rose from 120 to 150"): the figure is the one after.
    Earlier,
    /// The same figure in another unit ("5 miles (8 km)").
    Conversion,
    /// An exchange rate the text gives ("$1.27 to the euro", "€1 = $1.08").
    Rate,
    /// Too large to hold.
    TooLarge,
    /// No kind of the pack takes it: nothing counted, no event.
    NoKind,
    /// A fraction in words taken of something the pack counts nothing of ("half the
    /// time", "a third of the story").
    ShareOfUnknown,
    /// A fraction in words of a counted whole that nothing happens to ("in half the
    /// cases").
    ShareWithoutEvent,
    /// In a boilerplate line (caption, byline, navigation).
    Boilerplate,
}

impl Why {
    /// The reason in words, as `extract --all-figures` prints it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Why::Year => "a year",
            Why::Date => "a date",
            Why::Time => "a time",
            Why::Ordinal => "an ordinal",
            Why::Decade => "a decade",
            Why::Phone => "a phone number",
            Why::Code => "a code",
            Why::Version => "a version",
            Why::Ip => "an IP address",
            Why::Reference => "a page or section number",
            Why::Address => "an address",
            Why::Score => "a sports score",
            Why::Name => "part of a name",
            Why::Age => "an age",
            Why::Adjective => "a compound adjective",
            Why::Window => "a time window",
            Why::Unclear => "a unit or a code",
            Why::Whole => "the whole of a part",
            Why::Earlier => "the value before a change",
            Why::Conversion => "a conversion of the figure before",
            Why::Rate => "an exchange rate",
            Why::TooLarge => "too large",
            Why::NoKind => "no counted thing",
            Why::ShareOfUnknown => "a share of no counted thing",
            Why::ShareWithoutEvent => "a share with no event",
            Why::Boilerplate => "inside boilerplate",
        }
    }
}

/// A number the scan read and left out: its span, why, and its value when it has one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Skipped {
    /// Byte span in the sentence text.
    pub(crate) span: Range<usize>,
    /// Why it is no figure.
    pub(crate) why: Why,
    /// Its value, when it reads as one (a year, an age).
    pub(crate) value: Option<f64>,
}

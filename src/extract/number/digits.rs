//! Numbers in digits: separators, decimals, glued suffixes and magnitude words.

use std::ops::Range;

use super::{Form, Numeral, Numerals, Skipped, Why};

/// Parses digits with thousands separators and decimals ("3,000", "3 000", "1.5").
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if clean.is_empty() || clean.starts_with('.') || clean.ends_with('.') {
        return None;
    }
    clean.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Whether the digit at `i` follows a unit word and a hyphen ("magnitude-7.1").
pub(super) fn after_unit_word(text: &str, i: usize, n: &Numerals) -> bool {
    let Some(head) = text[..i].strip_suffix('-') else {
        return false;
    };
    let word: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    n.prefix_words.contains(&word.to_ascii_lowercase())
}

/// Whether the digit at `i` is glued to a code: a letter, or a letter and a hyphen, before it,
/// or the power of a unit ("km^2").
pub(super) fn follows_code(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let mut rev = before.chars().rev();
    match rev.next() {
        Some(c) if c.is_alphanumeric() || c == '_' || c == '/' => true,
        Some('^') => rev.next().is_some_and(char::is_alphabetic),
        Some('.') => rev.next().is_some_and(|c| c.is_alphanumeric()),
        Some('-') => rev.next().is_some_and(|c| c.is_alphabetic()),
        _ => false,
    }
}

pub(super) const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The digit number at `i`, or the number read and why it is none; and the byte where
/// scanning resumes.
pub(super) fn digits_at(text: &str, i: usize, n: &Numerals) -> (Result<Numeral, Skipped>, usize) {
    let w = written(text, i);
    if let Some(none) = w.no_figure(text, i) {
        return none;
    }
    if let Some(read) = slashed(text, i, &w, n) {
        return read;
    }
    let Some(value) = w.value(text, i) else {
        return (
            Err(skip(w.start..w.end, Why::TooLarge, Some(f64::MAX))),
            w.end,
        );
    };
    let mut num = Numeral::new(w.start..w.end, value, Form::Digits);
    let mixed = mixed_fraction(text, &w, &mut num);
    if !mixed && !w.grouped {
        if let Err(none) = exponent(text, &mut num) {
            return none;
        }
    }
    if !mixed {
        if let Err(none) = power(text, &mut num) {
            return none;
        }
    }
    let glued_end = num.span.end
        + text[num.span.end..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    let suffix = if glued_end > num.span.end {
        glued_suffix(text, &mut num, glued_end, n)
    } else {
        spaced_magnitude(text, &mut num, n)
    };
    if let Err(none) = suffix {
        return none;
    }
    let year_like =
        !w.grouped && w.first_len == 4 && w.end == i + 4 && (1000.0..2200.0).contains(&value);
    num.year_like = year_like && num.factor == 1.0 && !mixed;
    let next = num.span.end.max(w.end);
    (Ok(num), next)
}

/// A power of ten in scientific notation glued after the digits ("1e10", "12.32e+14",
/// "4.5E-3"), applied to `num`; a value too large to hold is no figure.
fn exponent(text: &str, num: &mut Numeral) -> Result<(), NoFigure> {
    let rest = &text[num.span.end..];
    let Some(after_e) = rest.strip_prefix(['e', 'E']) else {
        return Ok(());
    };
    let unsigned = after_e.trim_start_matches(['+', '-']);
    let sign_len = after_e.len() - unsigned.len();
    let digits = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    let ends = !unsigned[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    if sign_len > 1 || !(1..=3).contains(&digits) || !ends {
        return Ok(());
    }
    let power: i32 = unsigned[..digits].parse().unwrap_or(0);
    let power = if after_e.starts_with('-') {
        -power
    } else {
        power
    };
    let end = num.span.end + 1 + sign_len + digits;
    let value = num.value * 10f64.powi(power);
    if !value.is_finite() {
        return Err((Err(skip(num.span.start..end, Why::TooLarge, None)), end));
    }
    num.value = value;
    num.span.end = end;
    Ok(())
}

/// A power written with a caret after the digits of `num` ("10^6", "1.1^23", "2.5^-1"),
/// or a number times a power ("3×10^3", "8x2^10", "2.48×10−5" where the superscript was
/// lost): applied to `num`. A value too large to hold is no figure.
fn power(text: &str, num: &mut Numeral) -> Result<(), NoFigure> {
    let rest = &text[num.span.end..];
    // "3×10^3": the factor and the base of the power after it
    let mut factor = 1.0;
    let mut at = 0;
    let times = rest
        .strip_prefix(['×', 'x', '*'])
        .map(|r| r.trim_start_matches(SPACES))
        .or_else(|| {
            rest.strip_prefix([' ', '\u{a0}'])
                .and_then(|r| r.strip_prefix(['×', '*']))
                .map(|r| r.trim_start_matches(SPACES))
        });
    let mut base = num.value;
    if let Some(r) = times {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        let after = &r[digits..];
        let ten_minus = r.starts_with("10") && digits == 2 && after.starts_with('\u{2212}');
        if digits == 0 || !(after.starts_with('^') || ten_minus) {
            return Ok(());
        }
        factor = num.value;
        base = r[..digits].parse().unwrap_or(1.0);
        at = rest.len() - after.len();
        if ten_minus {
            // "2.48×10−5": the exponent's sign is the minus itself
            return apply_power(num, at, factor, base, &rest[at..]);
        }
    }
    let Some(exp) = rest[at..].strip_prefix('^') else {
        return Ok(());
    };
    apply_power(num, at + 1, factor, base, exp)
}

/// Raises `base` to the signed digits at the start of `exp` (which starts `at` bytes
/// after `num`) and multiplies by `factor` into `num`; nothing when no digits follow or
/// letters run on.
fn apply_power(
    num: &mut Numeral,
    at: usize,
    factor: f64,
    base: f64,
    exp: &str,
) -> Result<(), NoFigure> {
    let unsigned = exp.trim_start_matches(['+', '-', '\u{2212}']);
    let minus = exp[..exp.len() - unsigned.len()]
        .chars()
        .filter(|c| *c != '+')
        .count();
    let digits = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits)
        || unsigned[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    {
        return Ok(());
    }
    let power: i32 = unsigned[..digits].parse().unwrap_or(0);
    // an even number of minus signs cancels out ("1.1^--23")
    let power = if minus % 2 == 1 { -power } else { power };
    let end = num.span.end + at + (exp.len() - unsigned.len()) + digits;
    // "2.48×10−5" as written, not 2.48 times a rounded 10^-5
    let value = if base == 10.0 {
        format!("{factor}e{power}").parse().unwrap_or(f64::INFINITY)
    } else {
        factor * base.powi(power)
    };
    if !value.is_finite() {
        return Err((Err(skip(num.span.start..end, Why::TooLarge, None)), end));
    }
    num.value = value;
    num.span.end = end;
    Ok(())
}

/// Vulgar fractions and their values.
const VULGAR: [(char, f64); 15] = [
    ('½', 0.5),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

/// Whether `text` holds a vulgar fraction ("¾"), a number without digits or words.
pub(super) fn has_vulgar(text: &str) -> bool {
    !text.is_ascii() && text.contains(|c: char| VULGAR.iter().any(|(v, _)| *v == c))
}

/// A vulgar fraction at byte `i` that no digit leads ("¾ of the homes", "½ mile"): a
/// fraction of a whole as a percentage when "of" follows, as [`slashed`] reads "3/4 of",
/// otherwise its value.
pub(super) fn vulgar_at(text: &str, i: usize) -> Option<Numeral> {
    let &(c, f) = VULGAR.iter().find(|(c, _)| text[i..].starts_with(*c))?;
    let end = i + c.len_utf8();
    let of = text[end..]
        .strip_prefix(SPACES)
        .is_some_and(|r| r.starts_with("of "));
    Some(Numeral::new(
        i..end,
        if of { percent(f) } else { f },
        if of { Form::Fraction } else { Form::Digits },
    ))
}

/// `f` as a percentage to two decimals, as the pack writes fractions ("66.67").
fn percent(f: f64) -> f64 {
    (f * 10_000.0).round() / 100.0
}

/// A fraction after whole digits: a vulgar one glued on ("2½ miles") or digits over
/// digits after a space ("1 1/2 miles"). Adds it to `num`; whether there was one.
fn mixed_fraction(text: &str, w: &Written, num: &mut Numeral) -> bool {
    if w.grouped || w.decimal_comma || w.lead_dot || num.value.fract() != 0.0 {
        return false;
    }
    let rest = &text[num.span.end..];
    if let Some((c, f)) = VULGAR.iter().find(|(c, _)| rest.starts_with(*c)) {
        num.value += f;
        num.span.end += c.len_utf8();
        return true;
    }
    // "in 2019 1/3 of voters": a year and a fraction
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let Some(b) = (1..=2)
        .contains(&spaces)
        .then(|| &rest.as_bytes()[spaces..])
        .filter(|_| num.value < 1000.0)
    else {
        return false;
    };
    let top = digit_run(b, 0);
    if !(1..=2).contains(&top) || b.get(top) != Some(&b'/') {
        return false;
    }
    let end = digit_run(b, top + 1);
    let ends = match b.get(end) {
        Some(c) if c.is_ascii_alphanumeric() || matches!(c, b'/' | b',') => false,
        Some(b'.') => !b.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => true,
    };
    let part = |r: Range<usize>| std::str::from_utf8(&b[r]).ok()?.parse::<u32>().ok();
    match (part(0..top), part(top + 1..end)) {
        (Some(t), Some(d)) if ends && end - top - 1 <= 2 && (1..d).contains(&t) && d <= 16 => {
            num.value += f64::from(t) / f64::from(d);
            num.span.end += spaces + end;
            true
        }
        _ => false,
    }
}

/// A number read and why it is none, with the byte where scanning resumes.
type NoFigure = (Result<Numeral, Skipped>, usize);

fn skip(span: Range<usize>, why: Why, value: Option<f64>) -> Skipped {
    Skipped { span, why, value }
}

/// The end of the run of ASCII digits from byte `from`.
fn digit_run(b: &[u8], from: usize) -> usize {
    from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// How the digits at `i` are written, before any suffix.
#[derive(Debug)]
struct Written {
    /// Where the number starts: at `i`, or at the dot of ".5".
    start: usize,
    /// Where its digits end.
    end: usize,
    /// The digits of the first group.
    first_len: usize,
    /// Thousands groups follow the first ("3,000", "3 000").
    grouped: bool,
    /// A decimal comma ("4,5").
    decimal_comma: bool,
    /// A decimal without its leading zero (".5").
    lead_dot: bool,
    /// Dotted groups after a decimal ("2.1.3", "10.0.0.1"): a version or an IP address.
    dotted: bool,
}

/// The digits at `i` with their thousands groups, decimal comma or decimal point.
fn written(text: &str, i: usize) -> Written {
    let b = text.as_bytes();
    // ".5 percent": a decimal without its leading zero.
    let lead_dot = i > 0
        && b[i - 1] == b'.'
        && (i < 2 || !(b[i - 2].is_ascii_alphanumeric() || b[i - 2] == b'.'));
    let end = digit_run(b, i);
    let mut w = Written {
        start: if lead_dot { i - 1 } else { i },
        end,
        first_len: end - i,
        grouped: false,
        decimal_comma: false,
        lead_dot,
        dotted: false,
    };
    if w.first_len <= 3 && !lead_dot {
        thousands_groups(text, &mut w);
        decimal_comma(text, i, &mut w);
    }
    if !w.decimal_comma
        && !lead_dot
        && b.get(w.end) == Some(&b'.')
        && b.get(w.end + 1).is_some_and(u8::is_ascii_digit)
    {
        w.end = digit_run(b, w.end + 1);
        // "192.168.1.1", "2.1.3": dotted groups are an address or a version.
        while b.get(w.end) == Some(&b'.') && b.get(w.end + 1).is_some_and(u8::is_ascii_digit) {
            w.end = digit_run(b, w.end + 1);
            w.dotted = true;
        }
    }
    w
}

/// Thousands groups: ",ddd" or a space then "ddd", never followed by another digit.
fn thousands_groups(text: &str, w: &mut Written) {
    while let Some(sep) = text[w.end..].chars().next() {
        if sep != ',' && !SPACES.contains(&sep) {
            break;
        }
        let g = w.end + sep.len_utf8();
        let ge = digit_run(text.as_bytes(), g);
        if ge - g == 3 && !(sep != ',' && text[ge..].starts_with(['.', ','])) {
            // "3 000" only when the group ends the number ("27 100 people" is risky
            // but rare); a comma group must not run into more digits.
            w.end = ge;
            w.grouped = true;
        } else {
            break;
        }
    }
}

/// "4,5 percent": a decimal comma, one or two digits that are no thousands group and
/// start no list ("1,2,3").
fn decimal_comma(text: &str, i: usize, w: &mut Written) {
    let b = text.as_bytes();
    let listed = i >= 2 && b[i - 1] == b',' && b[i - 2].is_ascii_digit();
    if w.grouped || listed || b.get(w.end) != Some(&b',') {
        return;
    }
    let ge = digit_run(b, w.end + 1);
    let after = &text[ge..];
    if (1..=2).contains(&(ge - w.end - 1))
        && !(after.starts_with(',') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        && !after.starts_with('.')
    {
        w.end = ge;
        w.decimal_comma = true;
    }
}

impl Written {
    /// The digits read as no figure by their shape: a version or an IP address, a clock
    /// time ("10:30"), an id led by a zero ("0958").
    fn no_figure(&self, text: &str, i: usize) -> Option<NoFigure> {
        let b = text.as_bytes();
        let end = self.end;
        if self.dotted {
            let groups: Vec<&str> = text[i..end].split('.').collect();
            let ip = groups.len() == 4
                && groups
                    .iter()
                    .all(|g| g.len() <= 3 && g.parse::<u16>().is_ok_and(|x| x <= 255));
            let why = if ip { Why::Ip } else { Why::Version };
            return Some((Err(skip(i..end, why, None)), end));
        }
        // Times: "10:30", "10.30am" handled by the suffix check.
        if b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            let e = digit_run(b, end + 1);
            return Some((Err(skip(i..e, Why::Time, None)), e));
        }
        // "0958", "007": digits led by a zero are an id or part of a phone number, no count.
        if b[i] == b'0' && self.first_len >= 2 && !self.lead_dot {
            return Some((Err(skip(i..end, Why::Code, None)), end));
        }
        None
    }

    /// The value of the digits, `None` when too large to hold.
    fn value(&self, text: &str, i: usize) -> Option<f64> {
        let digits = &text[i..self.end];
        if self.decimal_comma {
            digits.replace(',', ".").parse::<f64>().ok()
        } else if self.lead_dot {
            format!("0.{digits}").parse::<f64>().ok()
        } else {
            parse_digits(digits)
        }
    }
}

/// Denominators of digits over digits read as a fraction ("3/4", "1/40", "7/10"): the
/// usual ones. "9/11" and "24/7" are codes.
const DENOMINATORS: [u32; 17] = [
    2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64, 100, 1000,
];

/// Digits joined by a slash to more digits ("24/7", "3/4"; dates are read before): a
/// fraction of a whole when "of" follows ("3/4 of the 400 homes" is 75 percent of them),
/// a fraction with a usual denominator and a smaller numerator ("a 1/4 mile", "3/4")
/// unless a word of the pack's `dated_by` comes before ("on 3/4": a date), otherwise a
/// code, never a count of its first digits.
fn slashed(text: &str, i: usize, w: &Written, n: &Numerals) -> Option<NoFigure> {
    let b = text.as_bytes();
    if b.get(w.end) != Some(&b'/') || !b.get(w.end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut end = w.end;
    while b.get(end) == Some(&b'/') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digit_run(b, end + 1);
    }
    let of = text[end..]
        .strip_prefix(SPACES)
        .is_some_and(|r| r.starts_with("of "));
    let parts = text[i..end].split_once('/');
    let part = |p: &str| p.parse::<u32>().ok();
    let fraction = parts.and_then(|(t, b)| Some((part(t)?, part(b)?)));
    if let Some((top, bottom)) =
        fraction.filter(|(t, b)| of && w.start == i && (1..*b).contains(t) && *b <= 10)
    {
        let num = Numeral::new(
            i..end,
            percent(f64::from(top) / f64::from(bottom)),
            Form::Fraction,
        );
        return Some((Ok(num), end));
    }
    let runs_on = text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '/');
    if let Some((top, bottom)) = fraction.filter(|(t, b)| {
        w.start == i && !runs_on && (1..*b).contains(t) && DENOMINATORS.contains(b)
    }) {
        if !dated(text, i, n) {
            let num = Numeral::new(i..end, f64::from(top) / f64::from(bottom), Form::Digits);
            return Some((Ok(num), end));
        }
        return Some((Err(skip(i..end, Why::Date, None)), end));
    }
    Some((Err(skip(w.start..end, Why::Code, None)), end))
}

/// Whether the word right before byte `i` is one of the pack's `dated_by` ("on 3/4").
fn dated(text: &str, i: usize, n: &Numerals) -> bool {
    let head = text[..i]
        .trim_end_matches(SPACES)
        .trim_end_matches(['-', '\u{2212}']);
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    !word.is_empty() && n.dated_by.contains(&word.to_lowercase())
}

/// Letters glued after the digits of `num`, up to `k`: an ordinal ("75th"), a decade
/// ("1990s"), a time ("3pm"), a magnitude ("835m", "1.5bn"), a unit ("35km") or a code
/// ("3D", "4G").
fn glued_suffix(text: &str, num: &mut Numeral, k: usize, n: &Numerals) -> Result<(), NoFigure> {
    let end = num.span.end;
    let glued = text[end..k].to_ascii_lowercase();
    let why = match glued.as_str() {
        "st" | "nd" | "rd" | "th" => Some(Why::Ordinal),
        "s" => Some(Why::Decade),
        "am" | "pm" => Some(Why::Time),
        _ => None,
    };
    if let Some(why) = why {
        // Ordinals, decades ("1990s") and times are not counts.
        return Err((Err(skip(num.span.start..k, why, Some(num.value))), k));
    }
    match n.multiplier(&glued) {
        Some((f, is_short)) => {
            if is_short {
                num.short = Some((num.value, end));
            }
            num.value *= f;
            num.factor = f;
            num.span.end = k;
        }
        // A unit glued on ("35km", "5kg") is read by the quantity stage; anything else
        // ("3D", "4G") is a code.
        None if !n.glued.contains(&glued) => {
            return Err((Err(skip(num.span.start..k, Why::Code, None)), k));
        }
        None => {}
    }
    Ok(())
}

/// A word after a space: a magnitude ("1.5 million", "10 crore", "$1.5 bn", "2.33 k") or
/// a clock time ("a 3 p.m. curfew").
fn spaced_magnitude(text: &str, num: &mut Numeral, n: &Numerals) -> Result<(), NoFigure> {
    let end = num.span.end;
    let rest = &text[end..];
    // Hard-wrapped text breaks lines anywhere: "$150\nmillion" is one figure.
    let trimmed = rest.trim_start_matches(|c: char| SPACES.contains(&c) || c == '\n' || c == '\r');
    let gap = rest.len() - trimmed.len();
    if !(1..=3).contains(&gap) {
        return Ok(());
    }
    let wl: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let lower = wl.to_ascii_lowercase();
    if matches!(lower.as_str(), "am" | "pm" | "a" | "p")
        && (trimmed[wl.len()..].starts_with('.') || lower.ends_with('m'))
        && (lower != "a" || trimmed.starts_with("a.m"))
        && (lower != "p" || trimmed.starts_with("p.m"))
    {
        // the whole "p.m."
        let dots = if lower.len() == 1 {
            [".m.", ".m"]
                .iter()
                .find(|d| trimmed[1..].starts_with(**d))
                .map_or(0, |d| d.len())
        } else {
            0
        };
        let e = end + gap + wl.len() + dots;
        return Err((Err(skip(num.span.start..e, Why::Time, Some(num.value))), e));
    }
    // "2.33 k": a short form the pack allows after a space, alone on its line
    let alone = n.spaced.contains(&lower)
        && rest[..gap].chars().all(|c| SPACES.contains(&c))
        && !trimmed[wl.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-');
    match n.multiplier(&lower) {
        Some((f, short)) if !short || alone => {
            num.value *= f;
            num.factor = f;
            num.span.end = end + gap + wl.len();
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{numerals, one, values, why};
    use super::super::{scan, scan_lowered, Form, Why};
    use proptest::prelude::*;

    #[test]
    fn a_spaced_short_magnitude_alone_multiplies() {
        assert_eq!(one("about 2.33 k"), 2330.0);
        assert_eq!(one("some 10  K, give or take"), 10_000.0);
        // a letter that runs on, another short form, a unit
        assert_eq!(one("a 5 km run"), 5.0);
        assert_eq!(one("group 5 k-means"), 5.0);
        assert_eq!(one("a 35 m wall"), 35.0);
        // from the pack: without spaced forms the letter is none
        let mut pack = crate::pack::Pack::default_pack();
        for m in &mut pack.numbers.multipliers {
            m.spaced.clear();
        }
        let n = super::super::Numerals::new(&pack);
        assert_eq!(scan("about 2.33 k", &n)[0].value, 2.33);
    }

    #[test]
    fn decimals_without_a_zero_and_with_a_comma() {
        assert_eq!(one("a rise of .5 percent"), 0.5);
        assert_eq!(one("inflation of 4,5 percent"), 4.5);
        assert_eq!(one("a crowd of 4,500 people"), 4500.0);
        assert_eq!(values("rooms 1,2,3").len(), 3);
    }

    #[test]
    fn digits_joined_by_a_slash_are_a_code_or_a_fraction_of_a_whole() {
        assert!(values("crews worked 24/7 on it").is_empty());
        assert!(values("the 9/11 attacks").is_empty());
        assert!(values("a 1,000/2 split").is_empty());
        let f = scan("3/4 of the 400 homes", numerals());
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].value, f[0].form), (75.0, Form::Fraction));
        assert_eq!(scan("2/3 of them", numerals())[0].value, 66.67);
        assert!(values("4/3 of them").is_empty());
    }

    #[test]
    fn digits_over_a_usual_denominator_are_a_fraction_unless_dated() {
        assert_eq!(one("a 1/4 mile track"), 0.25);
        assert_eq!(one("it was 3/4."), 0.75);
        assert_eq!(one("a reading of -4/5 here"), -0.8);
        assert_eq!(one("about 1/40 here"), 0.025);
        assert_eq!(one("a 2  1/4 mile walk"), 2.25);
        // a date, a code
        assert!(values("the vote on 3/4 passed").is_empty());
        assert_eq!(why("the vote on 3/4 passed")[0].1, Why::Date);
        assert!(values("the 9/11 attacks").is_empty());
        assert!(values("open 24/7 now").is_empty());
        assert!(values("a 3/4x part").is_empty());
    }

    #[test]
    fn powers_with_a_caret_and_times_ten_to_the() {
        assert_eq!(one("about 10^6 cells"), 1e6);
        assert_eq!(one("some 3×10^3 tonnes"), 3000.0);
        assert_eq!(one("a 3 × 10^3 rise"), 3000.0);
        assert_eq!(one("a factor of 2.5^-1 here"), 0.4);
        assert_eq!(one("x is 2^--3"), 8.0);
        assert_eq!(one("a drift of 2.48×10\u{2212}5 seen"), 2.48e-5);
        assert_eq!(one("exactly 8x2^10 bits"), 8192.0);
        assert!(values("a 4x4 car").is_empty());
        assert!(values("9^999 grains").is_empty());
    }

    #[test]
    fn vulgar_fractions_and_mixed_numbers() {
        assert_eq!(one("a 2½ mile walk"), 2.5);
        assert_eq!(one("a 1 1/2 mile walk"), 1.5);
        assert_eq!(one("a ½ mile walk"), 0.5);
        let f = scan("¾ of the 400 homes", numerals());
        assert_eq!((f[0].value, f[0].form), (75.0, Form::Fraction));
        assert_eq!(
            values("in 2019 1/3 of voters"),
            vec![("2019".into(), 2019.0), ("1/3".into(), 33.33)]
        );
        assert_eq!(
            values("5 10/3 and 3 1/2/4"),
            vec![("5".into(), 5.0), ("3".into(), 3.0)]
        );
    }

    #[test]
    fn a_clock_time_with_dots_is_one_time() {
        let mut skipped = Vec::new();
        let text = "left at 3 p.m. and 4 a.m. with 40 people";
        let found = scan_lowered(text, text, numerals(), true, &mut skipped);
        let times: Vec<&str> = skipped.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(times, ["3 p.m.", "4 a.m."]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("a crowd of 3,000 gathered"), 3000.0);
        assert_eq!(one("a crowd of 3 000 gathered"), 3000.0);
        assert_eq!(one("a crowd of 1,234,567 gathered"), 1234567.0);
        assert_eq!(one("it rose 2.5 points"), 2.5);
        assert_eq!(one("a tally of 12,500.75 was given"), 12500.75);
    }

    #[test]
    fn multiplier_after_a_line_break() {
        assert_eq!(one("the levy will raise $40\nbillion a year"), 40e9);
        assert_eq!(one("the levy will raise $40\r\nbillion a year"), 40e9);
    }

    #[test]
    fn magnitude_words_and_suffixes() {
        assert_eq!(one("about 1.5 million voters"), 1_500_000.0);
        assert_eq!(one("a $835m contract"), 835_000_000.0);
        assert_eq!(one("a $1.5bn deal"), 1_500_000_000.0);
        assert_eq!(one("debts of 2.3 trillion yen"), 2.3e12);
        assert_eq!(one("Rs 10 crore was paid"), 1e8);
        assert_eq!(one("a fine of €2 bn"), 2e9);
    }

    #[test]
    fn scientific_notation_is_a_power_of_ten() {
        assert_eq!(one("a rate of 1e10 a second"), 1e10);
        assert_eq!(one("about 12.32e+14 of them"), 1.232e15);
        assert_eq!(one("a dose of 2.5E-3 units"), 2.5e-3);
        // letters after the power make it a code
        assert!(values("model 1e10x").is_empty());
        assert!(values("9e999 grains").is_empty());
    }

    #[test]
    fn short_unit_forms_glued_to_digits_come_from_the_pack() {
        assert_eq!(one("a 10t truck"), 10.0);
        assert_eq!(one("a 5g sachet"), 5.0);
        assert!(values("a 4x4 car").is_empty());
        let mut pack = crate::pack::Pack::default_pack();
        pack.numbers.glued.clear();
        let n = super::super::Numerals::new(&pack);
        assert!(scan("a 10t truck", &n).is_empty());
        // longer unit suffixes count glued without being listed
        assert_eq!(scan("a 35km walk", &n)[0].value, 35.0);
    }

    #[test]
    fn short_suffix_is_flagged_for_the_quantity_stage() {
        let n = scan("a 35m wall", numerals());
        assert_eq!(n[0].short, Some((35.0, 4)));
    }

    #[test]
    fn years_are_flagged() {
        let n = scan("a 2020 study", numerals());
        assert!(n[0].year_like);
        let n = scan("2,020 people", numerals());
        assert!(!n[0].year_like);
    }

    proptest! {
        #[test]
        fn separated_digits_round_trip(x in 0u64..1_000_000_000_000u64, space in any::<bool>()) {
            let sep = if space { " " } else { "," };
            let digits = x.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push_str(sep);
                }
                grouped.push(c);
            }
            let text = format!("a total of {grouped} items");
            let found = scan(&text, numerals());
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].value, x as f64);
            prop_assert_eq!(&text[found[0].span.clone()], grouped.as_str());
        }

    }
}

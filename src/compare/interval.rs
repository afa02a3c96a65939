//! Interval relations and how to write an interval in an explanation.

use crate::extract::Interval;

/// Whether every value of `a` is above every value of `b` (they do not overlap and `a`
/// lies higher).
pub(crate) fn is_above(a: &Interval, b: &Interval) -> bool {
    !a.overlaps(b) && matches!((a.min, b.max), (Some(lo), Some(hi)) if lo >= hi)
}

/// A short human form: "320", "at least 320", "more than 114", "at most 3,000", "less
/// than 5", "2,700-3,000", "any amount".
pub(crate) fn describe(v: &Interval) -> String {
    describe_with(v, number)
}

/// [`describe`] with each bound written by `write`.
pub(crate) fn describe_with(v: &Interval, write: fn(f64) -> String) -> String {
    match (v.min, v.max) {
        (Some(a), Some(b)) if a == b => write(a),
        (Some(a), None) if v.min_inclusive => format!("at least {}", write(a)),
        (Some(a), None) => format!("more than {}", write(a)),
        (None, Some(b)) if v.max_inclusive => format!("at most {}", write(b)),
        (None, Some(b)) => format!("less than {}", write(b)),
        (Some(a), Some(b)) => format!("{}-{}", write(a), write(b)),
        (None, None) => "any amount".to_owned(),
    }
}

/// A number with thousands separators and no needless decimals.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x.fract() != 0.0 || x.abs() >= 1e15 {
        let s = format!("{x:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    let digits = format!("{}", x.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_bounds_are_not_above_anything_they_overlap() {
        let at_least_320 = Interval::closed(Some(320.0), None);
        let exact_250 = Interval::exact(250.0);
        assert!(is_above(&at_least_320, &exact_250));
        assert!(!is_above(&exact_250, &at_least_320));
        let about_120 = Interval::closed(Some(108.0), Some(132.0));
        let at_least_40 = Interval::closed(Some(40.0), None);
        assert!(!is_above(&about_120, &at_least_40));
        assert!(!is_above(&at_least_40, &about_120));
    }

    #[test]
    fn intervals_read_like_the_text() {
        assert_eq!(describe(&Interval::exact(3000.0)), "3,000");
        assert_eq!(
            describe(&Interval::closed(Some(320.0), None)),
            "at least 320"
        );
        assert_eq!(describe(&Interval::exact(1.5)), "1.5");
        assert_eq!(number(835_000_000.0), "835,000,000");
    }
}

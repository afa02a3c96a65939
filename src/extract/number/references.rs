//! Numbers that are no figures by the words around them: references ("page 12"),
//! versions, street addresses, and phone numbers.

use std::ops::Range;

use super::Why;
use crate::extract::lexicon::{
    COUNTED_PREPOSITIONS, COUNTED_STOP, DOTTED_REFERENCES, ORDINAL_NOUNS, ORDINAL_PREPOSITIONS,
    PHONE_WORDS, REFERENCE_WORDS, STREET_WORDS, VERSION_WORDS,
};

/// Why the digits at `span` are no figure, from the word before them ("page 12", "No. 4",
/// "version 2") or the words after them ("10 Downing Street").
pub(super) fn reference(text: &str, lower: &str, span: &Range<usize>) -> Option<Why> {
    let head = lower[..span.start].trim_end_matches([' ', '\u{a0}']);
    if head.ends_with('#') {
        return Some(Why::Reference);
    }
    let dotted = head.ends_with('.');
    let head = head.trim_end_matches('.');
    let word_start = head.len()
        - head
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    let word = &head[word_start..];
    if !word.is_empty() {
        if REFERENCE_WORDS.contains(&word)
            || (dotted
                && DOTTED_REFERENCES.contains(&word)
                && text[word_start..]
                    .starts_with(|c: char| c.is_uppercase() || word == "p" || word == "pp"))
        {
            return Some(Why::Reference);
        }
        if VERSION_WORDS.contains(&word) {
            return Some(Why::Version);
        }
        if !dotted && ORDINAL_NOUNS.contains(&word) {
            let before = head[..word_start].trim_end_matches([' ', '\u{a0}']);
            let prior = &before[before.len()
                - before
                    .bytes()
                    .rev()
                    .take_while(u8::is_ascii_alphabetic)
                    .count()..];
            if ORDINAL_PREPOSITIONS.contains(&prior)
                || text[word_start..].starts_with(|c: char| c.is_uppercase())
            {
                return Some(Why::Ordinal);
            }
        }
    }
    // "10 Downing Street": capitalised words after the digits, the last a street word;
    // the digits may hold one capital letter ("221B Baker Street"), no magnitude there.
    let value = &text[span.clone()];
    let value = value
        .strip_suffix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(value);
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let mut rest = &text[span.end..];
        for _ in 0..3 {
            let Some(r) = rest.strip_prefix(' ') else {
                break;
            };
            let word: &str = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let lw = word.to_lowercase();
            if !word.starts_with(|c: char| c.is_uppercase())
                || COUNTED_STOP.contains(&lw.as_str())
                || COUNTED_PREPOSITIONS.contains(&lw.as_str())
            {
                break;
            }
            if STREET_WORDS.contains(&lw.as_str()) {
                // "Road Crash": a title-case headline runs on in capitals
                let next = r[word.len()..].trim_start_matches(' ');
                let runs_on = r[word.len()..].starts_with(' ')
                    && next.starts_with(|c: char| c.is_uppercase());
                return (!runs_on).then_some(Why::Address);
            }
            rest = &r[word.len()..];
        }
    }
    None
}

/// The end of a date written in digits at byte `i`, which starts a token: day, month and
/// year joined by slashes, hyphens or dots ("12/03/2021", "3.5.2021", "2021-04-05"), or
/// a season of two years ("2020/21"). A day or month past its range is no date.
pub(super) fn date_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let digits = |j: usize| b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    let sep = *b.get(i + digits(i))?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let mut groups = Vec::with_capacity(3);
    let mut j = i;
    loop {
        let len = digits(j);
        if len == 0 || len > 4 {
            return None;
        }
        groups.push(&text[j..j + len]);
        j += len;
        let more = b.get(j) == Some(&sep) && b.get(j + 1).is_some_and(u8::is_ascii_digit);
        if groups.len() == 3 || !more {
            break;
        }
        j += 1;
    }
    // a letter, a digit or a joiner right after: an id, an address or a version
    let after = b.get(j).copied();
    if after.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-'))
        || (after == Some(b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    let num = |g: &str| g.parse::<u32>().unwrap_or(0);
    let day_month = |d: &str, m: &str| {
        d.len() <= 2 && m.len() <= 2 && (1..=31).contains(&num(d)) && (1..=12).contains(&num(m))
    };
    let year = |y: &str| y.len() == 4 && (1000..2200).contains(&num(y));
    let date = match groups[..] {
        [y, m, d] if year(y) && sep != b'.' => day_month(d, m),
        [d, m, y] if year(y) || (y.len() == 2 && sep == b'/') => day_month(d, m) || day_month(m, d),
        // "the 2020/21 season"
        [y, next] if sep == b'/' && year(y) && next.len() == 2 => num(next) == (num(y) + 1) % 100,
        _ => false,
    };
    date.then_some(j)
}

/// Spans of phone-like strings, never counts, each with its "+" and brackets: a "+" and
/// seven digits or more ("+44 20 7946 0958"), an area code in brackets ("(020)
/// 7946-0958"), groups led by a zero ("01632 960983"), three groups or more that are no
/// thousands ("555-123-4567"), or two groups after a word like "call" ("call 555-1234").
pub(super) fn phone_spans(text: &str, lower: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let opens = matches!(b[i], b'+' | b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || opens) || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = phone_run(b, i);
        let groups = &run.groups;
        let digits: usize = groups.iter().sum();
        let thousands =
            groups.first().is_some_and(|g| *g <= 3) && groups.iter().skip(1).all(|g| *g == 3);
        let decimal = run.seps.len() == 1 && run.seps[0] == b'.';
        // "192.168.0.1": an IP address, which the digits scan names
        let dotted = run.seps.iter().all(|s| *s == b'.') && groups.iter().all(|g| *g <= 3);
        let plus = b[i] == b'+';
        let cue = {
            let head = lower[..i].trim_end_matches([' ', ':']);
            let head = head.strip_suffix(" on").unwrap_or(head);
            let word = head.rsplit(|c: char| !c.is_ascii_alphabetic()).next();
            word.is_some_and(|w| PHONE_WORDS.contains(&w))
        };
        let phone = if plus {
            digits >= 7
        } else if dotted {
            false
        } else {
            (run.bracketed && groups.len() >= 3 && groups.last().is_some_and(|g| *g >= 4))
                || (run.zero_lead && groups.len() >= 2)
                || (groups.len() >= 3 && !thousands && !decimal)
                || (cue && groups.len() >= 2)
        };
        // "dial 911": after "dial" a number of any length is one to dial
        let dial = cue && lower[..i].trim_end_matches([' ', ':']).ends_with("dial");
        if (phone && digits >= 7 || dial) && run.end > i {
            out.push(i..run.end);
        }
        i = run.end.max(i + 1);
    }
    out
}

/// A run of digit groups that may be a phone number, from [`phone_spans`].
#[derive(Debug, Default)]
struct PhoneRun {
    /// End of the last group.
    end: usize,
    /// The digits in each group.
    groups: Vec<usize>,
    /// The separator after each group but the last.
    seps: Vec<u8>,
    /// A group is in brackets ("(020)").
    bracketed: bool,
    /// The first group has two digits or more and starts with a zero.
    zero_lead: bool,
}

/// The digit groups from byte `i` (a digit, "+" or "("), joined by "-", " " or ".", a
/// group in brackets among them.
fn phone_run(b: &[u8], i: usize) -> PhoneRun {
    let mut run = PhoneRun {
        end: i,
        ..PhoneRun::default()
    };
    let mut j = i + usize::from(b[i] == b'+');
    loop {
        let open = b.get(j) == Some(&b'(');
        let g = j + usize::from(open);
        let mut k = g;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        if k == g || (open && b.get(k) != Some(&b')')) {
            break;
        }
        if run.groups.is_empty() {
            run.zero_lead = b[g] == b'0' && k - g >= 2;
        }
        run.groups.push(k - g);
        if open {
            run.bracketed = true;
            k += 1;
        }
        run.end = k;
        let next_ok = |x: Option<&u8>| x.is_some_and(|c| c.is_ascii_digit() || *c == b'(');
        match b.get(k) {
            Some(&s @ (b'-' | b' ' | b'.')) if next_ok(b.get(k + 1)) => {
                run.seps.push(s);
                j = k + 1;
            }
            // "(0)20 7946 0958"
            Some(c) if open && c.is_ascii_digit() => {
                run.seps.push(b')');
                j = k;
            }
            _ => break,
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::super::testing::{one, values, why};
    use super::super::Why;

    #[test]
    fn phone_numbers_in_their_common_shapes() {
        for (text, phone) in [
            ("call (020) 7946-0958 now", "(020) 7946-0958"),
            ("on +1 (555) 123-4567 today", "+1 (555) 123-4567"),
            ("ring 01632 960983 today", "01632 960983"),
            ("call 555-1234 for help", "555-1234"),
            ("Tel: 555 1234.", "555 1234"),
            ("dial 911 at once", "911"),
            ("the +44 (0)20 7946 0958 line", "+44 (0)20 7946 0958"),
        ] {
            assert_eq!(why(text), vec![(phone.into(), Why::Phone)], "{text}");
            assert!(values(text).is_empty(), "{text}");
        }
        // no cue, no zero, no brackets: a range and counts
        assert_eq!(
            values("between 300-1000 people"),
            vec![("300".into(), 300.0), ("1000".into(), 1000.0)]
        );
        assert_eq!(one("call 300 reservists"), 300.0);
        assert_eq!(
            values("in 2019 (1,200 people)"),
            vec![("2019".into(), 2019.0), ("1,200".into(), 1200.0)]
        );
        // a number led by a zero is an id
        assert_eq!(why("ticket 0958 won"), vec![("0958".into(), Why::Code)]);
        assert_eq!(one("a 0.5 rise"), 0.5);
    }

    #[test]
    fn dates_in_digits_are_one_date() {
        for (text, date) in [
            ("on 12/03/2021 at noon", "12/03/2021"),
            ("on 3/12/21 at noon", "3/12/21"),
            ("on 2021-04-05 at noon", "2021-04-05"),
            ("on 5.3.2021 at noon", "5.3.2021"),
            ("in the 2020/21 season", "2020/21"),
        ] {
            assert_eq!(why(text), vec![(date.into(), Why::Date)], "{text}");
        }
        // no date: a range, a phone number, a version
        assert_eq!(values("10-12 people").len(), 2);
        assert_eq!(
            why("call 555-123-4567"),
            vec![("555-123-4567".into(), Why::Phone)]
        );
        assert_eq!(why("version 2.1.3"), vec![("2.1.3".into(), Why::Version)]);
        assert_eq!(why("on 40/13/2021"), vec![("40/13/2021".into(), Why::Code)]);
    }

    #[test]
    fn a_number_after_day_or_round_is_an_ordinal() {
        assert_eq!(
            why("found on day 3 of it"),
            vec![("3".into(), Why::Ordinal)]
        );
        assert_eq!(why("Day 3 began"), vec![("3".into(), Why::Ordinal)]);
        assert_eq!(why("lost in round 2"), vec![("2".into(), Why::Ordinal)]);
        // a count after the noun
        assert_eq!(one("every day 3 people die"), 3.0);
        assert_eq!(one("within a week 500 people fled"), 500.0);
    }

    #[test]
    fn numbers_that_are_no_figures_say_why() {
        assert_eq!(why("the 75th day"), vec![("75th".into(), Why::Ordinal)]);
        assert_eq!(why("at 10:30 sharp"), vec![("10:30".into(), Why::Time)]);
        assert_eq!(
            why("the COVID-19 wave"),
            vec![("COVID-19".into(), Why::Code)]
        );
        assert_eq!(why("see page 12"), vec![("12".into(), Why::Reference)]);
        assert_eq!(
            why("under Article 370"),
            vec![("370".into(), Why::Reference)]
        );
        assert_eq!(why("version 2.1.3"), vec![("2.1.3".into(), Why::Version)]);
        assert_eq!(why("from 10.0.0.1"), vec![("10.0.0.1".into(), Why::Ip)]);
        assert_eq!(why("at 14 Quay Street"), vec![("14".into(), Why::Address)]);
        assert_eq!(
            why("call 555-123-4567"),
            vec![("555-123-4567".into(), Why::Phone)]
        );
        // a headline in title case is no address
        assert!(why("5 Dead In Road Crash").is_empty());
    }
}

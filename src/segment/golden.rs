//! The English "Golden Rules" of sentence boundary detection (Pragmatic Segmenter,
//! as used by pySBD): 48 tricky cases, each checked end to end through [`super::segment`]
//! on a source built from the text alone, the way `crosscheck segment -` reads stdin.

use crate::ingest::Source;
use crate::pack::Pack;

/// (rule name, input, expected sentences)
const GOLDEN_RULES: &[(&str, &str, &[&str])] = &[
    ("simple period", "Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]),
    ("question mark", "What is your name? My name is Jonas.", &["What is your name?", "My name is Jonas."]),
    ("exclamation point", "There it is! I found it.", &["There it is!", "I found it."]),
    ("one letter upper case abbreviation", "My name is Jonas E. Smith.", &["My name is Jonas E. Smith."]),
    ("one letter lower case abbreviation", "Please turn to p. 55.", &["Please turn to p. 55."]),
    ("two letter lower case abbreviation mid sentence", "Were Jane and co. at the party?", &["Were Jane and co. at the party?"]),
    ("two letter upper case abbreviation mid sentence", "They closed the deal with Pitt, Briggs & Co. at noon.", &["They closed the deal with Pitt, Briggs & Co. at noon."]),
    ("two letter lower case abbreviation ends sentence", "Let's ask Jane and co. They should know.", &["Let's ask Jane and co.", "They should know."]),
    ("two letter upper case abbreviation ends sentence", "They closed the deal with Pitt, Briggs & Co. It closed yesterday.", &["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."]),
    ("two letter prepositive abbreviation", "I can see Mt. Fuji from here.", &["I can see Mt. Fuji from here."]),
    ("two letter prepositive and postpositive abbreviations", "St. Michael's Church is on 5th st. near the light.", &["St. Michael's Church is on 5th st. near the light."]),
    ("possessive abbreviation", "That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]),
    ("multi-period abbreviation mid sentence", "I visited the U.S.A. last year.", &["I visited the U.S.A. last year."]),
    ("multi-period abbreviation ends sentence", "I live in the E.U. How about you?", &["I live in the E.U.", "How about you?"]),
    ("U.S. ends sentence", "I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]),
    ("U.S. before a capitalised word", "I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]),
    ("U.S. before a lowercase word", "I have lived in the U.S. for 20 years.", &["I have lived in the U.S. for 20 years."]),
    ("a.m. and P.M.", "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.", &["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."]),
    ("number with decimal", "She has $100.00 in her bag.", &["She has $100.00 in her bag."]),
    ("number ends sentence", "She has $100.00. It is in her bag.", &["She has $100.00.", "It is in her bag."]),
    ("parenthetical sentence", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.", &["He teaches science (He previously worked for 5 years as an engineer.) at the local University."]),
    ("email address", "Her email is Jane.Doe@example.com. I sent her an email.", &["Her email is Jane.Doe@example.com.", "I sent her an email."]),
    ("web address", "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.", &["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."]),
    ("single quotations inside sentence", "She turned to him, 'This is great.' she said.", &["She turned to him, 'This is great.' she said."]),
    ("double quotations inside sentence", "She turned to him, \"This is great.\" she said.", &["She turned to him, \"This is great.\" she said."]),
    ("double quotations at end of sentence", "She turned to him, \"This is great.\" She held the book out to show him.", &["She turned to him, \"This is great.\"", "She held the book out to show him."]),
    ("double exclamation", "Hello!! Long time no see.", &["Hello!!", "Long time no see."]),
    ("double question", "Hello?? Who is there?", &["Hello??", "Who is there?"]),
    ("exclamation then question", "Hello!? Is that you?", &["Hello!?", "Is that you?"]),
    ("question then exclamation", "Hello?! Is that you?", &["Hello?!", "Is that you?"]),
    ("list 1.) without periods", "1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"]),
    ("list 1.) with periods", "1.) The first item. 2.) The second item.", &["1.) The first item.", "2.) The second item."]),
    ("list 1) without periods", "1) The first item 2) The second item", &["1) The first item", "2) The second item"]),
    ("list 1) with periods", "1) The first item. 2) The second item.", &["1) The first item.", "2) The second item."]),
    ("list 1. without periods", "1. The first item 2. The second item", &["1. The first item", "2. The second item"]),
    ("list 1. with periods", "1. The first item. 2. The second item.", &["1. The first item.", "2. The second item."]),
    ("list with bullets", "• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]),
    ("list with hyphen bullets", "⁃9. The first item ⁃10. The second item", &["⁃9. The first item", "⁃10. The second item"]),
    ("alphabetical list", "a. The first item b. The second item c. The third list item", &["a. The first item", "b. The second item", "c. The third list item"]),
    ("errant period", "You can find it at N°. 1026.253.553. That is where the treasure is.", &["You can find it at N°. 1026.253.553.", "That is where the treasure is."]),
    ("exclamation in a name", "She works at Yahoo! in the accounting department.", &["She works at Yahoo! in the accounting department."]),
    ("I as a sentence boundary and I as an abbreviation", "We make a good team, you and I. Did you see Albert I. Jones yesterday?", &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]),
    ("ellipsis at end of quotation", "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”", &["Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"]),
    ("ellipsis with square brackets", "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).", &["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."]),
    ("four-dot spaced ellipsis", "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.", &["If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .", "Next sentence."]),
    ("four consecutive periods", "I never meant that.... She left the store.", &["I never meant that....", "She left the store."]),
    ("ellipses inside a sentence", "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.", &["I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."]),
    ("ellipsis opening the next sentence", "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .", &["One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.", ". . . The practice was not abandoned. . . ."]),
];

fn sentences(text: &str) -> Vec<String> {
    let pack = Pack::default_pack();
    let source = Source::from_text("golden", "<stdin>", text, &pack);
    super::segment(&source, &pack)
        .iter()
        .map(|s| s.text(&source).to_owned())
        .collect()
}

#[test]
fn there_are_48_golden_rules() {
    assert_eq!(GOLDEN_RULES.len(), 48);
}

#[test]
fn every_golden_rule_passes() {
    let mut failed = Vec::new();
    for (name, text, expected) in GOLDEN_RULES {
        let got = sentences(text);
        if got != *expected {
            failed.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of 48 failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn golden_rules_also_pass_with_a_trailing_newline() {
    for (name, text, expected) in GOLDEN_RULES {
        assert_eq!(sentences(&format!("{text}\n")), *expected, "{name}");
    }
}

/// pySBD's "clean" and "pdf" English cases, compared with runs of whitespace collapsed
/// (pySBD rewrites line breaks; our spans keep the original text).
const CLEAN_AND_PDF: &[(&str, &[&str])] = &[
    ("It was a cold \nnight in the city.", &["It was a cold night in the city."]),
    ("features\ncontact manager\nevents, activities\n", &["features", "contact manager", "events, activities"]),
    ("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.", &["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."]),
    ("This is a sentence\ncut off in the middle because pdf.", &["This is a sentence cut off in the middle because pdf."]),
    ("Organising your care early \nmeans you'll have months to build a good relationship with your midwife or doctor, ready for \nthe birth.", &["Organising your care early means you'll have months to build a good relationship with your midwife or doctor, ready for the birth."]),
    ("10. Get some rest \n \nYou have the best chance of having a problem-free pregnancy and a healthy baby if you follow \na few simple guidelines:", &["10. Get some rest", "You have the best chance of having a problem-free pregnancy and a healthy baby if you follow a few simple guidelines:"]),
    ("• 9. Stop smoking \n• 10. Get some rest \n \nYou have the best chance of having a problem-free pregnancy and a healthy baby if you follow \na few simple guidelines:  \n\n1. Organise your pregnancy care early", &["• 9. Stop smoking", "• 10. Get some rest", "You have the best chance of having a problem-free pregnancy and a healthy baby if you follow a few simple guidelines:", "1. Organise your pregnancy care early"]),
];

#[test]
fn pysbd_clean_and_pdf_cases_pass_up_to_whitespace() {
    for (text, expected) in CLEAN_AND_PDF {
        let got: Vec<String> = sentences(text)
            .iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(got, *expected, "{text:?}");
    }
}

//! Segment: a source's non-boilerplate text becomes [`Sentence`]s.
//!
//! Input: a [`Source`]. Output: sentences in text order whose spans index the original
//! text exactly; they never overlap, and together they cover every non-blank,
//! non-boilerplate character. A blank line always ends a sentence; a single line break
//! ends one only after a headline, a label or before a list item (hard-wrapped prose
//! runs on). Candidate boundaries are those of UAX #29, found by a fast scan
//! (`boundaries`); `repair` fixes what UAX #29 gets wrong with the word lists of
//! `claims/abbreviations.toml`. Must not: print, panic, or drop text.

mod boundaries;

pub(crate) use boundaries::label;
mod repair;

#[cfg(test)]
mod golden;

use crate::ingest::Source;
use crate::pack::Pack;
use crate::text::Span;

use boundaries::Cut;
use repair::Lexicon;

/// One sentence of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the source text (trimmed of surrounding whitespace).
    pub span: Span,
    /// 0-based paragraph number (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text in `source`.
    pub fn text<'a>(&self, source: &'a Source) -> &'a str {
        &source.text[self.span.clone()]
    }
}

/// Splits the non-boilerplate text of `source` into sentences.
pub fn segment(source: &Source, pack: &Pack) -> Vec<Sentence> {
    let lex = pack.prepared(Lexicon::new);
    let mut out = Vec::new();
    let mut paragraph = 0;
    for content in source.content_spans() {
        let text = &source.text[content.clone()];
        for para in paragraphs(text) {
            let base = content.start + para.start;
            split_paragraph(&text[para], base, paragraph, &lex, &mut out);
            paragraph += 1;
        }
    }
    // kept until the report is written
    crate::text::exact(cap_length(&source.text, out))
}

/// No real sentence is this long; longer runs (a scraped page without punctuation, a
/// 10 MB line) are cut at a clause or word break so later stages stay linear.
const MAX_SENTENCE_BYTES: usize = 2_000;

/// Cuts sentences longer than [`MAX_SENTENCE_BYTES`] at the last `, `/`; `/space before the
/// limit (or at a character boundary). Spans stay exact, ordered and covering.
fn cap_length(text: &str, sentences: Vec<Sentence>) -> Vec<Sentence> {
    if sentences.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.span.start;
        while s.span.end - start > MAX_SENTENCE_BYTES {
            let mut limit = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let window = &text[start..limit];
            let cut = window
                .rfind("; ")
                .or_else(|| window.rfind(", "))
                .map(|i| i + 1)
                .filter(|&i| i > MAX_SENTENCE_BYTES / 4)
                .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
                .map_or(limit, |i| start + i);
            let piece = text[start..cut].trim_end();
            if !piece.is_empty() {
                out.push(Sentence {
                    span: start..start + piece.len(),
                    paragraph: s.paragraph,
                });
            }
            let rest = &text[cut..s.span.end];
            start = cut + (rest.len() - rest.trim_start().len());
        }
        if start < s.span.end {
            out.push(Sentence {
                span: start..s.span.end,
                paragraph: s.paragraph,
            });
        }
    }
    out
}

/// Splits one paragraph `p` (at byte `base` of the source) into sentences.
fn split_paragraph(p: &str, base: usize, paragraph: usize, lex: &Lexicon, out: &mut Vec<Sentence>) {
    let layout = boundaries::structure(p);
    let mut cuts: Vec<Cut> = Vec::new();
    let mut sentence_start = 0;
    let mut next_layout = 0;
    for run in boundaries::runs(p) {
        while let Some(c) = layout.cuts.get(next_layout).filter(|c| c.next <= run.start) {
            sentence_start = sentence_start.max(c.next);
            next_layout += 1;
        }
        if layout.is_marker_dot(run.start) {
            continue;
        }
        if let Some(cut) = repair::decide(p, &run, sentence_start, lex) {
            sentence_start = cut.next;
            cuts.push(cut);
        }
    }
    cuts.extend_from_slice(&layout.cuts);
    cuts.sort_by_key(|c| (c.end, c.next));
    let mut at = 0;
    for cut in cuts {
        if cut.end < at {
            continue;
        }
        push_trimmed(p, at..cut.end, base, paragraph, out);
        at = cut.next.max(cut.end);
    }
    push_trimmed(p, at..p.len(), base, paragraph, out);
}

/// Pushes `p[span]` less its surrounding whitespace, unless nothing is left.
fn push_trimmed(p: &str, span: Span, base: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &p[span.clone()];
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = base + span.start + (s.len() - s.trim_start().len());
    out.push(Sentence {
        span: start..start + trimmed.len(),
        paragraph,
    });
}

/// Paragraph spans of `text`: runs of lines that are not blank.
fn paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut para: Option<Span> = None;
    let mut line_start = 0;
    let flush = |line: Span, para: &mut Option<Span>, out: &mut Vec<Span>| {
        if text[line.clone()].trim().is_empty() {
            if let Some(p) = para.take() {
                out.push(p);
            }
        } else {
            match para {
                Some(p) => p.end = line.end,
                None => *para = Some(line),
            }
        }
    };
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < line_start {
            continue; // the `\n` of a `\r\n`
        }
        flush(line_start..i, &mut para, &mut out);
        line_start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    flush(line_start..bytes.len(), &mut para, &mut out);
    if let Some(p) = para {
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_run_without_sentence_ends_is_cut_at_clause_breaks_within_the_cap() {
        let text = "officials said 12 people died, and ".repeat(500);
        let cut = cap_length(
            &text,
            vec![Sentence {
                span: 0..text.trim_end().len(),
                paragraph: 0,
            }],
        );
        assert!(cut.len() > 5);
        assert!(cut.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
        assert!(cut.windows(2).all(|w| w[0].span.end < w[1].span.start));
        assert!(cut
            .iter()
            .all(|s| text[s.span.clone()].ends_with(',') || s.span.end == text.trim_end().len()));
        let joined: String = cut
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text.trim_end());
    }

    fn split(text: &str) -> Vec<String> {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        segment(&source, &pack)
            .iter()
            .map(|s| s.text(&source).to_owned())
            .collect()
    }

    /// The sentences joined by " | ", for inline snapshots.
    fn joined(text: &str) -> String {
        split(text).join(" | ")
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split("Gen. Ana Ruiz met Sen. Hill and Dr. Lee on Monday. They talked."),
            [
                "Gen. Ana Ruiz met Sen. Hill and Dr. Lee on Monday.",
                "They talked."
            ]
        );
    }

    #[test]
    fn month_abbreviation_before_a_day_does_not_end_a_sentence() {
        assert_eq!(
            split("The vote on Feb. 1 was close. Turnout was low."),
            ["The vote on Feb. 1 was close.", "Turnout was low."]
        );
    }

    #[test]
    fn abbreviation_ends_a_sentence_before_a_sentence_starter() {
        insta::assert_snapshot!(
            joined("Prices rose in the U.S. The next day they fell. Talks at the U.N. Security Council stalled."),
            @"Prices rose in the U.S. | The next day they fell. | Talks at the U.N. Security Council stalled."
        );
    }

    #[test]
    fn company_and_number_abbreviations_stay_inside() {
        assert_eq!(
            split("Acme Inc. said No. 3 plant will close. Shares of Acme Inc. It fell."),
            [
                "Acme Inc. said No. 3 plant will close.",
                "Shares of Acme Inc.",
                "It fell."
            ]
        );
    }

    #[test]
    fn e_g_and_i_e_never_end_a_sentence() {
        assert_eq!(
            split("Some towns, e.g. Dover and Hull, agreed, i.e. Most of the coast did."),
            ["Some towns, e.g. Dover and Hull, agreed, i.e. Most of the coast did."]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            split("The report by J. R. Smith was cited. It was long."),
            ["The report by J. R. Smith was cited.", "It was long."]
        );
    }

    #[test]
    fn decimals_and_versions_do_not_end_a_sentence() {
        assert_eq!(
            split("Version 2.0.1 shipped. Growth was 3.5 percent, or $1.2bn."),
            [
                "Version 2.0.1 shipped.",
                "Growth was 3.5 percent, or $1.2bn."
            ]
        );
    }

    #[test]
    fn clock_times_end_a_sentence_only_before_a_new_one() {
        insta::assert_snapshot!(
            joined("The blast came at 5 a.m. local time. Polls close at 8 p.m. Monday. Polls close at 8 p.m. The count starts then."),
            @"The blast came at 5 a.m. local time. | Polls close at 8 p.m. Monday. | Polls close at 8 p.m. | The count starts then."
        );
    }

    #[test]
    fn ellipsis_ends_a_sentence_only_before_a_capital() {
        assert_eq!(
            split("He paused... then left. It was over… The crowd went home."),
            [
                "He paused... then left.",
                "It was over…",
                "The crowd went home."
            ]
        );
    }

    #[test]
    fn repeated_punctuation_ends_one_sentence() {
        assert_eq!(
            split("Really?! Yes!!! Fine."),
            ["Really?!", "Yes!!!", "Fine."]
        );
    }

    #[test]
    fn exclamation_before_a_lowercase_word_does_not_end_a_sentence() {
        assert_eq!(
            split("Shares of Yahoo! rose. “Stop!” he shouted."),
            ["Shares of Yahoo! rose.", "“Stop!” he shouted."]
        );
    }

    #[test]
    fn final_quotes_and_brackets_stay_with_their_sentence() {
        insta::assert_snapshot!(
            joined("“We will win,” he said. “The vote is ours.” (The count was later revised.) Officials declined to comment."),
            @"“We will win,” he said. | “The vote is ours.” | (The count was later revised.) | Officials declined to comment."
        );
    }

    #[test]
    fn a_quote_spanning_sentences_is_split_at_each_sentence() {
        assert_eq!(
            split("“We are ready. We have waited long enough,” she said."),
            ["“We are ready.", "We have waited long enough,” she said."]
        );
    }

    #[test]
    fn parenthesised_sentence_inside_a_sentence_stays_inside() {
        assert_eq!(
            split("The mayor (she took office in May.) spoke first."),
            ["The mayor (she took office in May.) spoke first."]
        );
    }

    #[test]
    fn list_items_and_headlines_without_final_punctuation_are_sentences() {
        insta::assert_snapshot!(
            joined("Council Approves Budget After Long Debate\nThe council voted 7-2 on Monday to approve the spending plan for next year.\nKey points:\n- Taxes unchanged\n- Parks get more money\n• Schools too"),
            @"Council Approves Budget After Long Debate | The council voted 7-2 on Monday to approve the spending plan for next year. | Key points: | - Taxes unchanged | - Parks get more money | • Schools too"
        );
    }

    #[test]
    fn a_line_break_inside_a_paragraph_is_not_a_boundary() {
        assert_eq!(
            split("The council voted on Monday to approve a budget that\nSmith said was too large, and the mayor signed it\nlate at night. Critics said it was rushed."),
            [
                "The council voted on Monday to approve a budget that\nSmith said was too large, and the mayor signed it\nlate at night.",
                "Critics said it was rushed."
            ]
        );
    }

    #[test]
    fn a_labelled_line_starts_a_sentence() {
        assert_eq!(
            split("Crowds by city:\nAlder Bay: 9,000\nVossberg: More than 40,000\nPort Elden, Westmark: 12,500"),
            [
                "Crowds by city:",
                "Alder Bay: 9,000",
                "Vossberg: More than 40,000",
                "Port Elden, Westmark: 12,500"
            ]
        );
        // a colon inside wrapped prose is no label
        assert_eq!(
            split(
                "The mayor gave the reason in one line\nof her statement: the roads were closed."
            ),
            ["The mayor gave the reason in one line\nof her statement: the roads were closed."]
        );
    }

    #[test]
    fn a_blank_line_always_ends_a_sentence() {
        assert_eq!(
            split("A sentence without a period\n\nnext paragraph starts here.\r\n\r\nAnd one more"),
            [
                "A sentence without a period",
                "next paragraph starts here.",
                "And one more"
            ]
        );
    }

    #[test]
    fn emails_and_urls_keep_their_dots() {
        assert_eq!(
            split("Write to news@example.org. See www.example.com/page.html for details. Thanks."),
            [
                "Write to news@example.org.",
                "See www.example.com/page.html for details.",
                "Thanks."
            ]
        );
    }

    #[test]
    fn numbered_and_lettered_lists_split_at_each_item() {
        assert_eq!(
            split("a) raise taxes b) cut spending c) do nothing"),
            ["a) raise taxes", "b) cut spending", "c) do nothing"]
        );
        assert_eq!(
            split("1. Sign up first.\n2. Pay the fee\n3. Wait"),
            ["1. Sign up first.", "2. Pay the fee", "3. Wait"]
        );
    }

    #[test]
    fn a_number_in_prose_is_not_a_list_item() {
        assert_eq!(
            split("The toll rose to 12. Rescuers kept digging."),
            ["The toll rose to 12.", "Rescuers kept digging."]
        );
    }

    #[test]
    fn wire_dateline_stays_in_the_first_sentence() {
        assert_eq!(
            split("MOSCOW (Reuters) – Russia said on Friday it would act. Officials agreed."),
            [
                "MOSCOW (Reuters) – Russia said on Friday it would act.",
                "Officials agreed."
            ]
        );
    }

    #[test]
    fn sentences_run_together_without_a_space_are_split() {
        assert_eq!(
            split("Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot."),
            [
                "Hello world.",
                "Today is Tuesday.",
                "Mr. Smith bought 1,000.",
                "That is a lot."
            ]
        );
    }

    #[test]
    fn other_scripts_follow_uax29() {
        assert_eq!(
            split("你好。世界很大！再见"),
            ["你好。", "世界很大！", "再见"]
        );
    }

    #[test]
    fn boilerplate_lines_are_not_sentences() {
        assert_eq!(
            split("The bridge reopened. Traffic resumed.\n\nShare this article\n\nCrews left."),
            ["The bridge reopened.", "Traffic resumed.", "Crews left."]
        );
    }

    #[test]
    fn paragraph_numbers_count_blank_line_blocks() {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", "One. Two.\n\nThree.", &pack);
        let paras: Vec<usize> = segment(&source, &pack)
            .iter()
            .map(|s| s.paragraph)
            .collect();
        assert_eq!(paras, [0, 0, 1]);
    }

    /// Checks the span invariants of `segment` on `text`.
    fn check_invariants(text: &str) -> Result<(), TestCaseError> {
        let pack = Pack::default_pack();
        let source = Source::from_text("t", "t.txt", text, &pack);
        let text = &source.text;
        let sentences = segment(&source, &pack);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for s in &sentences {
            prop_assert!(s.span.start < s.span.end, "empty sentence {:?}", s.span);
            prop_assert!(
                s.span.start >= last_end,
                "overlap or disorder at {:?}",
                s.span
            );
            prop_assert!(
                text.get(s.span.clone()).is_some(),
                "not a char span {:?}",
                s.span
            );
            let t = &text[s.span.clone()];
            prop_assert_eq!(t, t.trim(), "untrimmed sentence");
            for (i, _) in t.char_indices() {
                prop_assert!(
                    !source.is_boilerplate(s.span.start + i),
                    "boilerplate in sentence"
                );
                covered[s.span.start + i] = true;
            }
            last_end = s.span.end;
        }
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() && !source.is_boilerplate(i) {
                prop_assert!(covered[i], "char {:?} at {} not covered", c, i);
            }
        }
        Ok(())
    }

    const PIECES: &[&str] = &[
        "word",
        "The",
        "said",
        "Mr.",
        "U.S.",
        "e.g.",
        "a.m.",
        "Inc.",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        ".",
        ". ",
        "...",
        ". . .",
        "?!",
        "!",
        "“",
        "”",
        "\"",
        "'",
        "(",
        ")",
        "[...]",
        "1.",
        "2.)",
        "a)",
        "b.",
        "• ",
        "⁃",
        "I.",
        "J.",
        "3.5",
        "é",
        "。",
        "！",
        "\t",
        ",",
        "–",
        "Share",
        "Share this article\n",
        "N°.",
        "x@y.com.",
    ];

    proptest! {
        #[test]
        fn spans_hold_on_news_like_text(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..60)) {
            check_invariants(&pieces.concat())?;
        }

        #[test]
        fn spans_hold_on_arbitrary_text(text in "(\\PC|[\n\r\t .!?…。\"”)\\]•])*") {
            check_invariants(&text)?;
        }
    }
}

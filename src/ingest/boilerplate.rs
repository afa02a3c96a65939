//! Marks scraped-page noise (comment forms, share widgets, newsletter boxes, breadcrumbs,
//! captions, wire codes) from the patterns of `claims/boilerplate.toml`. The page header
//! above the headline (mastheads, bylines, display dates) is marked by `metadata`.
//! Marked spans never yield claims.

use std::sync::Arc;

use super::Marked;
use crate::pack::Pack;
use crate::text::{line_spans, needs_unicode_boundaries, Span};

/// What the patterns found, line by line.
pub(crate) struct PatternMarks {
    /// Marked spans, sorted.
    pub(crate) marks: Vec<Marked>,
    /// For each line (0-based), whether the whole line is boilerplate.
    pub(crate) noise: Vec<bool>,
    /// Trimmed span of each line (0-based), empty for blank lines.
    pub(crate) lines: Vec<Span>,
}

/// Applies the pack's boilerplate patterns to every line of `text`.
pub(crate) fn mark(text: &str, pack: &Pack) -> PatternMarks {
    let bp = &pack.boilerplate;
    let mut out = PatternMarks {
        marks: Vec::new(),
        noise: Vec::new(),
        lines: Vec::new(),
    };
    let rules = pack.prepared(RuleNames::new);
    let mut in_block: Option<usize> = None;
    let mut tail_from: Option<usize> = None;
    for span in line_spans(text) {
        let raw = &text[span.clone()];
        let trimmed = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        let tspan = span.start + lead..span.start + lead + trimmed.len();
        out.lines.push(tspan.clone());
        if tail_from.is_some() {
            out.noise.push(!trimmed.is_empty());
            continue;
        }
        if trimmed.is_empty() {
            in_block = None;
            out.noise.push(false);
            continue;
        }
        let bare = strip_markup(trimmed);
        // (markup and spaces are no word characters: `bare` needs what `trimmed` needs)
        let unicode = needs_unicode_boundaries(trimmed);
        if let Some(idx) = bp.tail.first_match(bare, unicode) {
            out.marks.push(Marked {
                span: tspan.start..text.len(),
                rule: rules.name("tail", idx),
            });
            tail_from = Some(tspan.start);
            out.noise.push(true);
            continue;
        }
        if let Some(idx) = in_block {
            out.marks.push(Marked {
                span: tspan,
                rule: rules.name("block", idx),
            });
            out.noise.push(true);
            continue;
        }
        if let Some(idx) = bp.block.first_match(bare, unicode) {
            out.marks.push(Marked {
                span: tspan,
                rule: rules.name("block", idx),
            });
            in_block = Some(idx);
            out.noise.push(true);
            continue;
        }
        if let Some(idx) = bp.lines.first_match(bare, unicode) {
            out.marks.push(Marked {
                span: tspan,
                rule: rules.name("lines", idx),
            });
            out.noise.push(true);
            continue;
        }
        out.noise.push(false);
        for (idx, r) in bp.inline.iter().enumerate() {
            for m in r.pick(unicode).find_iter(trimmed) {
                out.marks.push(Marked {
                    span: tspan.start + m.start()..tspan.start + m.end(),
                    rule: rules.name("inline", idx),
                });
            }
        }
    }
    out
}

/// The name of each pattern that may mark a line ("boilerplate.toml lines[3]"), made
/// once per pack and shared by the marks it names in every source (#22: one string per
/// rule and source took a tenth of the sources' size).
struct RuleNames(Vec<(&'static str, Vec<Arc<str>>)>);

impl RuleNames {
    fn new(pack: &Pack) -> RuleNames {
        let bp = &pack.boilerplate;
        let tables = [
            ("tail", bp.tail.patterns().len()),
            ("block", bp.block.patterns().len()),
            ("lines", bp.lines.patterns().len()),
            ("inline", bp.inline.len()),
        ];
        RuleNames(
            tables
                .into_iter()
                .map(|(table, n)| (table, (0..n).map(|i| Self::named(table, i)).collect()))
                .collect(),
        )
    }

    fn named(table: &str, idx: usize) -> Arc<str> {
        format!("boilerplate.toml {table}[{idx}]").into()
    }

    fn name(&self, table: &'static str, idx: usize) -> Arc<str> {
        self.0
            .iter()
            .find(|(t, _)| *t == table)
            .and_then(|(_, names)| names.get(idx))
            .map_or_else(|| Self::named(table, idx), Arc::clone)
    }
}

/// Merges marks into sorted, non-overlapping spans.
pub(crate) fn normalize(mut marks: Vec<Marked>) -> Vec<Marked> {
    marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut out: Vec<Marked> = Vec::with_capacity(marks.len());
    for m in marks {
        match out.last_mut() {
            Some(last) if m.span.start < last.span.end => {
                last.span.end = last.span.end.max(m.span.end);
            }
            _ => out.push(m),
        }
    }
    // kept with the source until the report is written
    crate::text::exact(out)
}

/// A line without Markdown emphasis, heading or quote markers around it, for matching.
pub(crate) fn strip_markup(line: &str) -> &str {
    line.trim_matches(|c: char| matches!(c, '*' | '_' | '#' | '>' | '|') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::ingest::Source;
    use crate::pack::Pack;

    #[test]
    fn the_marks_of_one_rule_share_its_name() {
        let pack = Pack::default_pack();
        let text = "The ferry left at noon.\n\nAdvertisement\n\nIt docked at six.\n\n\
                    Advertisement\n\nThe crew of nine was safe.\n";
        let s = Source::from_text("a", "a.txt", text, &pack);
        let marks: Vec<_> = s
            .boilerplate
            .iter()
            .filter(|m| m.rule.starts_with("boilerplate.toml lines["))
            .collect();
        assert_eq!(marks.len(), 2, "{:?}", s.boilerplate);
        assert_eq!(marks[0].rule, marks[1].rule);
        assert!(Arc::ptr_eq(&marks[0].rule, &marks[1].rule));
    }

    #[test]
    fn the_sources_read_with_one_pack_share_a_rule_name() {
        let pack = Pack::default_pack();
        let read = |id: &str, text: &str| Source::from_text(id, "a.txt", text, &pack);
        let a = read(
            "a",
            "The ferry left at noon.\n\nAdvertisement\n\nIt docked at six.\n",
        );
        let b = read("b", "Advertisement\n\nThe crew of nine was safe.\n");
        let (Some(ma), Some(mb)) = (a.boilerplate.first(), b.boilerplate.first()) else {
            panic!("{:?} {:?}", a.boilerplate, b.boilerplate);
        };
        assert_eq!(ma.rule, mb.rule);
        assert!(Arc::ptr_eq(&ma.rule, &mb.rule));
    }
}

//! What the page shows: per source its text in pieces (cited sentences wrapped, claims and
//! boilerplate marked), per finding a stable id and its claims with their sentences split
//! around the claim text. Input: the [`ReportView`] and the [`Analysis`] it was built
//! from; output: a [`Page`] for `markup` to render.

use std::collections::BTreeMap;
use std::ops::Range;

use sha2::{Digest, Sha256};

use super::markup::plural;
use crate::compare::Evidence;
use crate::ingest::Source;
use crate::pipeline::Analysis;
use crate::report::model::{ClaimView, FindingView, ReportView, SourceView};
use crate::report::{sanitize, sanitize_map};

/// The page to render: the report view and, per source, what the page shows of it.
pub(super) struct Page<'a> {
    pub(super) view: &'a ReportView,
    pub(super) story: String,
    pub(super) sources: Vec<PageSource<'a>>,
    pub(super) findings: Vec<PageFinding<'a>>,
}

/// A source: its view, its URL when it is a web address, and its text in pieces.
pub(super) struct PageSource<'a> {
    pub(super) view: &'a SourceView,
    pub(super) anchor: String,
    /// The URL as given, and whether it is a web address to link.
    pub(super) url: Option<(String, bool)>,
    pub(super) pieces: Vec<Piece>,
}

/// A finding: its view, its stable id and its claims.
pub(super) struct PageFinding<'a> {
    pub(super) view: &'a FindingView,
    pub(super) id: String,
    pub(super) number: usize,
    pub(super) claims: Vec<PageClaim<'a>>,
}

/// A claim: its view, its sentence split around the claim text, and the anchor of that
/// sentence in the source text.
pub(super) struct PageClaim<'a> {
    pub(super) view: &'a ClaimView,
    pub(super) before: String,
    pub(super) marked: String,
    pub(super) after: String,
    pub(super) source: usize,
    pub(super) anchor: String,
}

/// A run of source text: plain, or a sentence a finding cites (with its anchor and the
/// findings that cite it).
pub(super) enum Piece {
    Text(Vec<Run>),
    Sentence {
        anchor: String,
        cited_by: CitedBy,
        runs: Vec<Run>,
    },
}

/// The findings citing a sentence: each one's id and its number on the page.
pub(super) type CitedBy = Vec<(String, usize)>;

/// Text with the same marks throughout.
pub(super) struct Run {
    pub(super) text: String,
    pub(super) boilerplate: bool,
    /// Inside a cited claim: `Some(true)` when inside one that holds no other (a figure,
    /// marked strong), `Some(false)` when only inside larger ones (a statement around it).
    pub(super) claim: Option<bool>,
}

impl<'a> Page<'a> {
    pub(super) fn new(view: &'a ReportView, analysis: &'a Analysis) -> Page<'a> {
        let ids = finding_ids(&view.findings);
        // per source: the sentences cited (span -> citing findings) and the claim spans
        let mut cited: Vec<BTreeMap<(usize, usize), CitedBy>> =
            vec![BTreeMap::new(); analysis.sources.len()];
        let mut marks: Vec<Vec<Range<usize>>> = vec![Vec::new(); analysis.sources.len()];
        let evidence: Vec<Vec<&Evidence>> = analysis
            .findings
            .iter()
            .map(|f| {
                crate::report::claims_with_evidence(f, &analysis.sources)
                    .into_iter()
                    .map(|(_, _, e)| e)
                    .collect()
            })
            .collect();
        for (n, (id, ev)) in ids.iter().zip(&evidence).enumerate() {
            for e in ev {
                let Some(c) = cited.get_mut(e.source) else {
                    continue;
                };
                let by = c.entry((e.sentence.start, e.sentence.end)).or_default();
                if !by.iter().any(|(i, _)| i == id) {
                    by.push((id.clone(), n + 1));
                }
                if let Some(m) = marks.get_mut(e.source) {
                    m.push(e.span.clone());
                }
            }
        }
        let mut anchors: Vec<BTreeMap<(usize, usize), String>> = Vec::new();
        let sources = view
            .sources
            .iter()
            .zip(&analysis.sources)
            .zip(cited)
            .zip(marks)
            .enumerate()
            .map(|(i, (((v, s), cited), marks))| {
                let (pieces, anchor_of) = pieces(i, s, &cited, &marks);
                anchors.push(anchor_of);
                PageSource {
                    view: v,
                    anchor: format!("src-{}", i + 1),
                    url: web_address(s),
                    pieces,
                }
            })
            .collect();
        let findings = view
            .findings
            .iter()
            .zip(ids)
            .zip(&evidence)
            .enumerate()
            .map(|(n, ((f, id), ev))| PageFinding {
                view: f,
                id,
                number: n + 1,
                claims: f
                    .claims
                    .iter()
                    .zip(ev)
                    .map(|(c, e)| {
                        let anchor = anchors
                            .get(e.source)
                            .and_then(|a| a.get(&(e.sentence.start, e.sentence.end)))
                            .cloned()
                            .unwrap_or_else(|| format!("src-{}", e.source + 1));
                        let (before, marked, after) = split_sentence(c, e);
                        PageClaim {
                            view: c,
                            before,
                            marked,
                            after,
                            source: e.source,
                            anchor,
                        }
                    })
                    .collect(),
            })
            .collect();
        Page {
            view,
            story: story_name(&view.sources),
            sources,
            findings,
        }
    }
}

/// A stable id per finding: the first 10 hex digits of a SHA-256 of what it says (verdict,
/// kind, summary, and each claim's source, place and text), with `-2`, `-3`, ... for the
/// rare findings that say the same.
fn finding_ids(findings: &[FindingView]) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let mut h = Sha256::new();
            for part in [f.verdict, &f.kind, &f.summary] {
                h.update(part.as_bytes());
                h.update([0]);
            }
            for c in &f.claims {
                h.update(c.source.as_bytes());
                h.update(format!("\0{}:{}\0", c.line, c.column).as_bytes());
                h.update(c.text.as_bytes());
                h.update([0]);
            }
            let hex: String = h.finalize()[..5]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            let n = seen.entry(hex.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                hex
            } else {
                format!("{hex}-{n}")
            }
        })
        .collect()
}

/// The story's name: the folder all sources are in, else the number of sources.
fn story_name(sources: &[SourceView]) -> String {
    let dirs: Vec<Option<&std::path::Path>> = sources
        .iter()
        .map(|s| std::path::Path::new(&s.path).parent())
        .collect();
    let name = match dirs.first() {
        Some(Some(first)) if dirs.iter().all(|d| *d == Some(*first)) => first
            .file_name()
            .map(|n| sanitize(&n.to_string_lossy()))
            .filter(|n| !n.is_empty()),
        _ => None,
    };
    name.unwrap_or_else(|| plural(sources.len(), "source", "sources"))
}

/// The source's URL, and whether it is an `http` or `https` address to link: no
/// `javascript:` or other scheme, and nothing a URL cannot hold, ever becomes a link.
fn web_address(s: &Source) -> Option<(String, bool)> {
    let url = s.meta.url.as_ref()?.value.trim();
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && c != '"' && c != '<' && c != '>');
    Some((url.to_owned(), web && clean && sanitize(url) == url))
}

/// A claim's sentence as the text before the claim, the claim, and the text after, each
/// escaped; the whole sentence before the mark when the claim is not inside it.
fn split_sentence(c: &ClaimView, e: &Evidence) -> (String, String, String) {
    let (clean, map) = sanitize_map(&c.sentence, false);
    let inside = e.sentence.start <= e.span.start
        && e.span.end <= e.sentence.end
        && e.span.start < e.span.end;
    let at = |i: usize| map.get(i).copied().unwrap_or(clean.len());
    if inside {
        let (a, b) = (
            at(e.span.start - e.sentence.start),
            at(e.span.end - e.sentence.start),
        );
        if let (Some(x), Some(y), Some(z)) = (clean.get(..a), clean.get(a..b), clean.get(b..)) {
            return (x.to_owned(), y.to_owned(), z.to_owned());
        }
    }
    (clean, String::new(), String::new())
}

/// The text of source `index` as pieces: the sentences cited (each wrapped, with the
/// findings citing it) and the text between, split into runs by boilerplate and claim
/// marks. Also the anchor of every cited sentence span: a span overlapping one already
/// wrapped takes that one's anchor.
fn pieces(
    index: usize,
    s: &Source,
    cited: &BTreeMap<(usize, usize), CitedBy>,
    marks: &[Range<usize>],
) -> (Vec<Piece>, BTreeMap<(usize, usize), String>) {
    let text = &s.text;
    let (clean, map) = sanitize_map(text, true);
    let ok = |r: &Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
    // the sentences to wrap: cited, in order, not overlapping
    let mut wrapped: Vec<(Range<usize>, CitedBy)> = Vec::new();
    let mut anchor_of = BTreeMap::new();
    let anchor = |r: &Range<usize>| format!("src-{}-at-{}", index + 1, r.start);
    for (&(start, end), by) in cited {
        let r = start..end;
        if !ok(&r) {
            continue;
        }
        match wrapped.last_mut() {
            Some((last, last_by)) if r.start < last.end => {
                anchor_of.insert((start, end), anchor(last));
                for b in by {
                    if !last_by.contains(b) {
                        last_by.push(b.clone());
                    }
                }
            }
            _ => {
                anchor_of.insert((start, end), anchor(&r));
                wrapped.push((r, by.clone()));
            }
        }
    }
    let boiler: Vec<Range<usize>> = s
        .boilerplate
        .iter()
        .map(|m| m.span.clone())
        .filter(ok)
        .collect();
    let mut marks: Vec<Range<usize>> = marks.iter().filter(|r| ok(r)).cloned().collect();
    marks.sort_by_key(|r| (r.start, r.end));
    marks.dedup();
    let innermost: Vec<Range<usize>> = marks
        .iter()
        .filter(|m| {
            !marks
                .iter()
                .any(|n| n != *m && m.start <= n.start && n.end <= m.end)
        })
        .cloned()
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in wrapped.iter().map(|(r, _)| r).chain(&boiler).chain(&marks) {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |set: &[Range<usize>], a: usize| set.iter().any(|r| r.start <= a && a < r.end);
    let run = |a: usize, b: usize| Run {
        text: clean
            .get(map.get(a).copied().unwrap_or(0)..map.get(b).copied().unwrap_or(clean.len()))
            .unwrap_or("")
            .to_owned(),
        boilerplate: inside(&boiler, a),
        claim: inside(&marks, a).then(|| inside(&innermost, a)),
    };
    let mut pieces = Vec::new();
    let mut plain = Vec::new();
    let mut next = wrapped.into_iter().peekable();
    let mut i = 0;
    while i + 1 < cuts.len() {
        let (a, b) = (cuts[i], cuts[i + 1]);
        if let Some((r, by)) = next.next_if(|(r, _)| r.start == a) {
            if !plain.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut plain)));
            }
            let mut runs = Vec::new();
            while i + 1 < cuts.len() && cuts[i] < r.end {
                runs.push(run(cuts[i], cuts[i + 1]));
                i += 1;
            }
            pieces.push(Piece::Sentence {
                anchor: anchor(&r),
                cited_by: by,
                runs,
            });
            continue;
        }
        plain.push(run(a, b));
        i += 1;
    }
    if !plain.is_empty() {
        pieces.push(Piece::Text(plain));
    }
    (pieces, anchor_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_ids_are_stable_and_distinct() {
        let a = crate::report::sample::analysis();
        let view = ReportView::new(&a);
        let ids = finding_ids(&view.findings);
        assert_eq!(ids, finding_ids(&ReportView::new(&a).findings));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert!(ids.iter().all(|id| id.len() == 10));
    }

    #[test]
    fn only_web_addresses_become_links() {
        let pack = crate::pack::Pack::default_pack();
        let mut s = Source::from_text("a", "a.txt", "Text.\n", &pack);
        let mut url = |u: &str| {
            s.meta.url = Some(crate::ingest::Field::new(
                u.into(),
                crate::ingest::Origin::Manifest,
            ));
            web_address(&s).is_some_and(|(_, link)| link)
        };
        assert!(url("https://example.org/a?b=1&c=2"));
        assert!(url("HTTP://example.org/"));
        assert!(!url("javascript:alert(1)"));
        assert!(!url("JavaScript:alert(1)"));
        assert!(!url("https://x.org/\u{202e}a"));
        assert!(!url("https://x.org/\"onmouseover=a"));
    }

    #[test]
    fn the_story_is_the_common_folder() {
        let view = ReportView::new(&crate::report::sample::analysis());
        assert_eq!(story_name(&view.sources), "stories");
        assert_eq!(story_name(&view.sources[..0]), "0 sources");
    }
}

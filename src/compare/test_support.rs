//! Builders shared by the compare tests: hand-made sources with the claims and mentions
//! we say they have, and a run of align and compare over them.

use super::{compare, Finding};
use crate::extract::{
    Attribution, Claim, ClaimBody, Extraction, Interval, Mention, Party, Quantity, Scope,
    Statement, TimeScope, TimeScopeKind,
};
use crate::ingest::Source;
use crate::pack::{EntityKind, Pack};
use jiff::civil::{date, Date};

/// A hand-made source: its text and the claims and mentions we say it has.
pub(super) struct Doc {
    pub(super) id: &'static str,
    pub(super) text: String,
    pub(super) ex: Extraction,
}

pub(super) fn doc(id: &'static str, text: &str) -> Doc {
    Doc {
        id,
        text: text.to_owned(),
        ex: Extraction::default(),
    }
}

pub(super) fn find(text: &str, phrase: &str) -> std::ops::Range<usize> {
    let start = text.find(phrase).expect("test phrase is in the test text");
    start..start + phrase.len()
}

/// A quantity under construction.
pub(super) struct Q {
    pub(super) phrase: &'static str,
    pub(super) q: Quantity,
    pub(super) by: Option<&'static str>,
}

pub(super) fn q(phrase: &'static str, value: Interval) -> Q {
    Q {
        phrase,
        q: Quantity {
            number: value.min.or(value.max),
            value,
            kind: "casualties".into(),
            unit: "people".into(),
            counted: Some("people".into()),
            event: Some("killed".into()),
            scope: Scope::default(),
            modifier: None,
            vague: false,
            part: false,
            status: None,
            about: None,
            sentence_stems: Default::default(),
            renderings: Vec::new(),
        },
        by: None,
    }
}

pub(super) fn exact(x: f64) -> Interval {
    Interval::exact(x)
}

pub(super) fn at_least(x: f64) -> Interval {
    Interval::closed(Some(x), None)
}

/// Above `x`, not `x` itself ("more than 114").
pub(super) fn more_than(x: f64) -> Interval {
    Interval {
        min: Some(x),
        max: None,
        min_inclusive: false,
        max_inclusive: false,
    }
}

impl Q {
    pub(super) fn time(
        mut self,
        kind: TimeScopeKind,
        text: &str,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Q {
        self.q.scope.time = Some(Box::new(TimeScope {
            kind,
            text: text.into(),
            span: 0..0,
            from,
            to,
        }));
        self
    }
    pub(super) fn since(self, text: &str, from: Date) -> Q {
        self.time(TimeScopeKind::Since, text, Some(from), None)
    }
    pub(super) fn day(self, text: &str, d: Date) -> Q {
        self.time(TimeScopeKind::Day, text, Some(d), Some(d))
    }
    pub(super) fn reported(mut self, d: Date) -> Q {
        self.q.scope.as_of = Some(d);
        self
    }
    pub(super) fn by(mut self, who: &'static str) -> Q {
        self.by = Some(who);
        self
    }
    pub(super) fn kind(mut self, kind: &str, unit: &str, event: &str, counted: &str) -> Q {
        self.q.kind = kind.into();
        self.q.unit = unit.into();
        self.q.event = Some(event.into());
        self.q.counted = Some(counted.into());
        self
    }
    /// No event word: a plain count of a named thing ("40 vessels").
    pub(super) fn no_event(mut self) -> Q {
        self.q.event = None;
        self
    }
    pub(super) fn place(mut self, p: &str) -> Q {
        self.q.scope.place = Some(p.into());
        self
    }

    pub(super) fn vague(mut self) -> Q {
        self.q.vague = true;
        self.q.number = None;
        self
    }
    pub(super) fn part(mut self) -> Q {
        self.q.part = true;
        self
    }
    pub(super) fn counted(mut self, c: &str) -> Q {
        self.q.counted = Some(c.into());
        self
    }
}

pub(super) fn party(name: &str) -> Party {
    Party {
        name: name.into(),
        key: crate::normalize::fold(name),
        kind: None,
        span: None,
    }
}

impl Doc {
    pub(super) fn with(mut self, q: Q) -> Doc {
        let span = find(&self.text, q.phrase);
        self.ex.claims.push(Claim {
            sentence: self.ex.claims.len(),
            sentence_span: 0..self.text.len(),
            span,
            body: ClaimBody::Quantity(Box::new(q.q)),
            attribution: q.by.map(|who| {
                std::sync::Arc::new(Attribution {
                    speaker: Some(party(who)),
                    chain: Vec::new(),
                    verb: Some("say".into()),
                    span: 0..0,
                })
            }),
        });
        self
    }

    /// [`Doc::with`], the figure in the sentence of the one before it.
    pub(super) fn also(self, q: Q) -> Doc {
        let mut d = self.with(q);
        let n = d.ex.claims.len();
        if n >= 2 {
            d.ex.claims[n - 1].sentence = d.ex.claims[n - 2].sentence;
        }
        d
    }

    pub(super) fn said(mut self, content: &str, speaker: &str, chain: &[&str]) -> Doc {
        let span = find(&self.text, content);
        self.ex.claims.push(Claim {
            sentence: self.ex.claims.len(),
            sentence_span: 0..self.text.len(),
            span: span.clone(),
            body: ClaimBody::Statement(Box::new(Statement {
                content: span,
                direct: true,
                sentences: 0..1,
            })),
            attribution: Some(std::sync::Arc::new(Attribution {
                speaker: Some(party(speaker)),
                chain: chain.iter().map(|c| party(c)).collect(),
                verb: Some("say".into()),
                span: 0..0,
            })),
        });
        self
    }

    pub(super) fn named(self, written: &str, key: &str) -> Doc {
        self.named_as(written, key, EntityKind::Person)
    }

    /// A place link the text states: `inner` is in or near `outer` (both place keys).
    pub(super) fn inside(mut self, inner: &str, outer: &str) -> Doc {
        self.ex.places.push(crate::extract::PlaceLink {
            inner: inner.into(),
            outer: outer.into(),
        });
        self
    }

    /// The last mention added, titled `title`.
    pub(super) fn titled(mut self, title: &str) -> Doc {
        if let Some(m) = self.ex.mentions.last_mut() {
            m.title = Some(title.into());
        }
        self
    }

    /// A mention of `written` keyed `key`, of `kind`.
    pub(super) fn named_as(mut self, written: &str, key: &str, kind: EntityKind) -> Doc {
        let span = find(&self.text, written);
        let sentence_span = crate::extract::entity::sentence_around(
            &self.text,
            span.clone(),
            &Pack::default_pack(),
        );
        self.ex.mentions.push(Mention {
            span,
            sentence_span,
            text: written.into(),
            key: key.into(),
            canonical: key.into(),
            kind,
            title: None,
            sentence: 0,
        });
        self
    }
}

pub(super) fn run(docs: Vec<Doc>) -> Vec<Finding> {
    let pack = Pack::default_pack();
    let sources: Vec<Source> = docs
        .iter()
        .map(|d| Source::from_text(d.id, &format!("{}.txt", d.id), &d.text, &pack))
        .collect();
    // What each figure is about, as extract finds it.
    let extractions: Vec<Extraction> = docs
        .into_iter()
        .zip(&sources)
        .map(|(mut d, source)| {
            let mentions = d.ex.mentions.clone();
            for c in &mut d.ex.claims {
                let here: Vec<&Mention> = mentions
                    .iter()
                    .filter(|m| m.sentence == c.sentence)
                    .collect();
                crate::extract::about::set_about(source, c, &here, &pack);
            }
            crate::extract::prepare(&source.text, &mut d.ex.claims);
            d.ex
        })
        .collect();
    let groups = crate::align(&sources, &extractions);
    compare(&groups, &sources, &extractions, &pack)
}

/// `n` distinct invented words ("bakof", "dirum", ...), unlike each other and any English
/// word: filler that takes a block past its cap without joining what the test compares.
pub(super) fn filler_words(n: usize) -> Vec<String> {
    const C: &[u8] = b"bdfgklmnprstvz";
    const V: &[u8] = b"aeiou";
    (0..n)
        .map(|i| {
            [
                C[i % C.len()],
                V[(i / C.len()) % V.len()],
                C[(i * 5 + 3) % C.len()],
                V[(i * 3) % V.len()],
                C[(i * 11 + 7) % C.len()],
                V[(i / (C.len() * V.len())) % V.len()],
            ]
            .iter()
            .map(|&b| char::from(b))
            .collect()
        })
        .collect()
}

/// A source id made at run time, for tests that need dozens of sources.
pub(super) fn id(n: usize) -> &'static str {
    Box::leak(format!("s{n:03}").into_boxed_str())
}

pub(super) fn verdicts(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.verdict.as_str()).collect()
}

pub(super) const QUAKE_DAY: Date = date(2023, 2, 7);

/// A source giving one cumulative death toll, reported on `d`.
pub(super) fn toll(id: &'static str, v: f64, phrase: &'static str, d: Date) -> Doc {
    doc(
        id,
        &format!("The earthquake has killed {phrase}, the agency said."),
    )
    .with(q(phrase, exact(v)).reported(d))
}

//! crosscheck reads several articles about one story and tells a fact-checker where the
//! sources agree, where they disagree, and where they only seem to disagree. Every
//! finding points back to the exact sentence in each source (file, line, column).
//!
//! ```text
//! ingest ──> segment ──> extract ──> align ──> compare ──> report
//! Source     Sentence    Claim       Group     Finding     human / json / markdown / sarif
//! ```
//!
//! ```
//! use crosscheck::{analyze, Options, Pack, Source};
//!
//! let pack = Pack::default_pack();
//! let a = Source::from_text("a", "a.txt", "Quake hits the coast\n\nAt least 40 people were killed on Monday, officials said.\n", &pack);
//! let b = Source::from_text("b", "b.txt", "Deadly quake\n\nAbout 120 people were killed on Monday, officials said.\n", &pack);
//! let analysis = analyze(&pack, vec![a, b], &Options::default());
//! assert_eq!(analysis.sources.len(), 2);
//! // "at least 40" and "about 120" are compatible bounds: never a conflict.
//! assert!(analysis.findings.iter().all(|f| f.verdict != crosscheck::Verdict::Conflict));
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod cli;
pub mod compare;
pub mod extract;
pub mod ingest;
pub mod lint;
pub mod normalize;
pub mod pack;
pub mod pipeline;
pub(crate) mod progress;
pub mod report;
pub mod segment;
pub mod text;

pub use align::{align, Group};
pub use compare::{compare, Evidence, Finding, Verdict};
pub use extract::{extract, Claim, ClaimBody, Extraction, Interval, Quantity};
pub use ingest::{ingest, Input, Source};
pub use pack::Pack;
pub use pipeline::{analyze, Analysis, Options};
pub use segment::{segment, Sentence};

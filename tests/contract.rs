//! The JSON contracts of DESIGN.md (`crosscheck/report@1`, `crosscheck/lint@1`), parsed
//! into structs that hold only the fixed fields. Every field is required (nullable ones
//! too), so a renamed or dropped field fails here loudly; new fields are allowed.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use serde::{Deserialize, Deserializer};

mod common;

const WIRE: &str = "Storm batters the coast\n\nPORT ELLIS (Coastal Wire) - At least 14 people have died since the storm made landfall on Sunday, officials said.\n\nThe mayor said: \u{201c}Our sea wall held, and that saved the old town.\u{201d}\n";
const PAPER: &str = "Coast counts the cost\n\nOfficials said 14 people had died since the storm made landfall on Sunday.\n\n\u{201c}Our sea wall held, and that saved the old town,\u{201d} the mayor said.\n";
const DRAFT: &str = "# Storm\n\nAt least 14 people have died since the storm made landfall on Sunday.\n\nThe mayor said: \u{201c}The harbour wall failed and the old town flooded.\u{201d}\n";

/// A nullable field that must still be present.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(d)
}

#[derive(Debug, Deserialize)]
struct Report {
    schema: String,
    sources: Vec<SourceV>,
    findings: Vec<FindingV>,
}

#[derive(Debug, Deserialize)]
struct SourceV {
    id: String,
    path: String,
    #[serde(deserialize_with = "present")]
    title: Option<String>,
    #[serde(deserialize_with = "present")]
    outlet: Option<String>,
    #[serde(deserialize_with = "present")]
    published: Option<String>,
}

#[derive(Debug, Deserialize)]
struct FindingV {
    verdict: String,
    kind: String,
    summary: String,
    explanation: String,
    confidence: f64,
    claims: Vec<ClaimV>,
}

#[derive(Debug, Deserialize)]
struct ClaimV {
    source: String,
    path: String,
    line: usize,
    column: usize,
    sentence: String,
    text: String,
    #[serde(deserialize_with = "present")]
    number: Option<f64>,
    #[serde(deserialize_with = "present")]
    value: Option<ValueV>,
    #[serde(deserialize_with = "present")]
    unit: Option<String>,
    #[serde(deserialize_with = "present")]
    attribution: Option<String>,
    #[serde(deserialize_with = "present")]
    quote: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ValueV {
    #[serde(deserialize_with = "present")]
    min: Option<f64>,
    #[serde(deserialize_with = "present")]
    max: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct Lint {
    schema: String,
    draft: String,
    diagnostics: Vec<DiagnosticV>,
}

#[derive(Debug, Deserialize)]
struct DiagnosticV {
    severity: String,
    rule: String,
    line: usize,
    column: usize,
    message: String,
    claim: ClaimV,
    sources: Vec<ClaimV>,
}

fn cli(args: &[&str]) -> (u8, String) {
    let r = common::run_cli(args, b"", false, None);
    assert!(r.status != 2, "run failed: {}", r.stderr);
    (r.status, r.stdout)
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/wire.txt"), WIRE).unwrap();
    std::fs::write(dir.path().join("sources/paper.md"), PAPER).unwrap();
    std::fs::write(dir.path().join("draft.md"), DRAFT).unwrap();
    dir
}

const VERDICTS: [&str; 7] = [
    "conflict",
    "agreement",
    "different_scope",
    "progression",
    "quote_variant",
    "attribution_variant",
    "name_variant",
];

fn check_claim(c: &ClaimV) {
    assert!(c.line >= 1 && c.column >= 1, "{c:?}");
    assert!(!c.source.is_empty() && !c.path.is_empty());
    assert!(
        c.sentence.contains(c.text.trim()),
        "the claim text lies in its sentence: {c:?}"
    );
    if let (Some(n), Some(v)) = (c.number, &c.value) {
        assert!(v.min.is_none_or(|m| m <= n) || v.max.is_none_or(|m| n <= m));
    }
    let _ = (&c.unit, &c.attribution, &c.quote);
}

#[test]
fn report_json_holds_the_fixed_fields() {
    let dir = corpus();
    let (_, json) = cli(&[
        "report",
        &dir.path().join("sources").to_string_lossy(),
        "--format",
        "json",
    ]);
    let report: Report = serde_json::from_str(&json).expect("report@1 fields");
    assert_eq!(report.schema, "crosscheck/report@1");
    assert_eq!(report.sources.len(), 2);
    let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["paper", "wire"]);
    assert!(report
        .sources
        .iter()
        .all(|s| s.path.ends_with(".txt") || s.path.ends_with(".md")));
    let _ = report
        .sources
        .iter()
        .map(|s| (&s.title, &s.outlet, &s.published));
    for f in &report.findings {
        assert!(VERDICTS.contains(&f.verdict.as_str()), "{}", f.verdict);
        assert!(!f.kind.is_empty() && !f.summary.is_empty() && !f.explanation.is_empty());
        assert!((0.0..=1.0).contains(&f.confidence));
        f.claims.iter().for_each(check_claim);
    }
}

#[test]
fn lint_json_holds_the_fixed_fields() {
    let dir = corpus();
    let draft = dir.path().join("draft.md").to_string_lossy().into_owned();
    let (status, json) = cli(&[
        "lint",
        &draft,
        "--against",
        &dir.path().join("sources").to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(status, 1, "{json}");
    let lint: Lint = serde_json::from_str(&json).expect("lint@1 fields");
    assert_eq!(lint.schema, "crosscheck/lint@1");
    assert_eq!(lint.draft, draft);
    let quote = lint
        .diagnostics
        .iter()
        .find(|d| d.rule == "unsupported_quote")
        .expect("the invented quote is reported");
    assert_eq!((quote.severity.as_str(), quote.line), ("warning", 5));
    assert!(quote.column >= 1 && !quote.message.is_empty());
    for d in &lint.diagnostics {
        assert!(["error", "warning", "note"].contains(&d.severity.as_str()));
        check_claim(&d.claim);
        d.sources.iter().for_each(check_claim);
    }
}

#[test]
fn a_renamed_field_fails_to_parse() {
    let json = r#"{"schema": "crosscheck/report@1", "sources": [{"id": "a", "path": "a.txt", "title": null, "outlet": null, "date": null}], "findings": []}"#;
    let err = serde_json::from_str::<Report>(json).unwrap_err();
    assert!(err.to_string().contains("published"), "{err}");
}

//! SARIF 2.1.0 for lint, from our own serde view structs (only the parts we use).
//!
//! One run; every rule in `tool.driver.rules` (each result names its `ruleIndex`); the
//! draft location in `locations` and the source claims in `relatedLocations`. Columns
//! count Unicode scalar values, declared with `columnKind: unicodeCodePoints`.

use std::io::{self, Write};

use serde::Serialize;

use super::json::write_json;
use super::LintReport;
use crate::compare::Evidence;
use crate::ingest::Source;
use crate::lint::{rules, severity_name};
use crate::pack::Severity;

/// Writes the SARIF log of a lint run.
pub fn render(report: &LintReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    write_json(&log(report), out)
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    snippet: Text,
}

fn log(report: &LintReport<'_>) -> Log {
    let sources = &report.analysis.sources;
    let results = report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let main = location(&d.claim, sources, None, None)?;
            let related = d
                .sources
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let id = sources.get(e.source).map(|s| s.id.to_string());
                    let text = match (&e.attribution, id) {
                        (Some(a), Some(id)) => format!("{id}, per {a}"),
                        (None, Some(id)) => id,
                        _ => String::new(),
                    };
                    location(e, sources, Some(i), Some(text))
                })
                .collect();
            Some(SarifResult {
                rule_id: d.rule.clone(),
                rule_index: rules::ALL.iter().position(|(r, _)| *r == d.rule),
                level: severity_name(d.severity),
                message: Text {
                    text: d.message.clone(),
                },
                locations: vec![main],
                related_locations: related,
            })
        })
        .collect();
    Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "crosscheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules::ALL
                        .iter()
                        .map(|(id, description)| Rule {
                            id,
                            name: camel(id),
                            short_description: Text {
                                text: (*description).to_owned(),
                            },
                            default_configuration: Configuration {
                                level: severity_name(default_level(id)),
                            },
                        })
                        .collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

fn default_level(rule: &str) -> Severity {
    match rule {
        rules::CONFLICTING_FIGURE => Severity::Error,
        rules::UNSUPPORTED_FIGURE => Severity::Note,
        _ => Severity::Warning,
    }
}

/// `conflicting_figure` → `ConflictingFigure` (SARIF's rule `name` convention).
fn camel(id: &str) -> String {
    id.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn location(
    e: &Evidence,
    sources: &[Source],
    id: Option<usize>,
    message: Option<String>,
) -> Option<Location> {
    let s = sources.get(e.source)?;
    let start = s.position(e.span.start);
    let end = s.position(e.span.end.max(e.span.start));
    Some(Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(&s.path) },
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
                snippet: Text {
                    text: s.text.get(e.span.clone()).unwrap_or_default().to_owned(),
                },
            },
        },
        message: message.map(|text| Text { text }),
    })
}

/// A relative URI reference for a path: `/` separators, everything outside the
/// unreserved set percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Diagnostic;

    /// Property names the SARIF 2.1.0 schema allows on each object we emit (it sets
    /// `additionalProperties: false` everywhere), and the ones it requires.
    fn check(value: &serde_json::Value, object: &str) {
        let (allowed, required): (&[&str], &[&str]) = match object {
            "log" => (
                &[
                    "$schema",
                    "version",
                    "runs",
                    "inlineExternalProperties",
                    "properties",
                ],
                &["version", "runs"],
            ),
            "run" => (
                &[
                    "tool",
                    "results",
                    "columnKind",
                    "artifacts",
                    "invocations",
                    "originalUriBaseIds",
                    "properties",
                ],
                &["tool"],
            ),
            "tool" => (&["driver", "extensions", "properties"], &["driver"]),
            "driver" => (
                &[
                    "name",
                    "version",
                    "semanticVersion",
                    "informationUri",
                    "rules",
                    "fullName",
                    "organization",
                    "properties",
                ],
                &["name"],
            ),
            "rule" => (
                &[
                    "id",
                    "name",
                    "shortDescription",
                    "fullDescription",
                    "defaultConfiguration",
                    "helpUri",
                    "help",
                    "properties",
                ],
                &["id"],
            ),
            "result" => (
                &[
                    "ruleId",
                    "ruleIndex",
                    "level",
                    "message",
                    "locations",
                    "relatedLocations",
                    "kind",
                    "properties",
                ],
                &["message"],
            ),
            "location" => (
                &[
                    "id",
                    "physicalLocation",
                    "message",
                    "logicalLocations",
                    "annotations",
                    "relationships",
                    "properties",
                ],
                &[],
            ),
            "physical" => (
                &[
                    "artifactLocation",
                    "region",
                    "contextRegion",
                    "address",
                    "properties",
                ],
                &[],
            ),
            "region" => (
                &[
                    "startLine",
                    "startColumn",
                    "endLine",
                    "endColumn",
                    "charOffset",
                    "charLength",
                    "byteOffset",
                    "byteLength",
                    "snippet",
                    "message",
                    "sourceLanguage",
                    "properties",
                ],
                &[],
            ),
            _ => unreachable!(),
        };
        let map = value.as_object().expect("an object");
        for k in map.keys() {
            assert!(
                allowed.contains(&k.as_str()),
                "`{k}` is not a SARIF {object} property"
            );
        }
        for r in required {
            assert!(map.contains_key(*r), "SARIF {object} requires `{r}`");
        }
    }

    #[test]
    fn sarif_uses_only_schema_properties() {
        let analysis = crate::report::sample::analysis();
        let f = &analysis.findings[0];
        let diagnostics = vec![Diagnostic {
            severity: Severity::Error,
            rule: rules::CONFLICTING_FIGURE.into(),
            message: "the draft gives `25 people`".into(),
            claim: f.evidence[1].clone(),
            sources: vec![f.evidence[0].clone()],
            kind_file: Some("kinds/casualties.toml".into()),
        }];
        let report = LintReport {
            analysis: &analysis,
            draft: 1,
            diagnostics: &diagnostics,
            suppressed: 0,
        };
        let mut out = Vec::new();
        render(&report, &mut out).unwrap();
        let log: serde_json::Value = serde_json::from_slice(&out).unwrap();
        check(&log, "log");
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        check(run, "run");
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        check(&run["tool"], "tool");
        check(&run["tool"]["driver"], "driver");
        for r in run["tool"]["driver"]["rules"].as_array().unwrap() {
            check(r, "rule");
            assert!(["error", "warning", "note"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
        }
        let result = &run["results"][0];
        check(result, "result");
        assert_eq!(result["ruleIndex"], 0);
        assert_eq!(result["level"], "error");
        for loc in result["locations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(result["relatedLocations"].as_array().unwrap())
        {
            check(loc, "location");
            check(&loc["physicalLocation"], "physical");
            check(&loc["physicalLocation"]["region"], "region");
        }
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            (Some(3), Some(18))
        );
        assert_eq!(region["snippet"]["text"], "25 people");
        assert_eq!(result["relatedLocations"][0]["id"], 0);
    }

    #[test]
    fn uri_encodes_spaces_and_angle_brackets() {
        assert_eq!(uri("my dir/<stdin>"), "my%20dir/%3Cstdin%3E");
        assert_eq!(uri(r"a\b.txt"), "a/b.txt");
    }

    #[test]
    fn rule_names_are_camel_case() {
        assert_eq!(camel("conflicting_figure"), "ConflictingFigure");
    }
}

//! SARIF 2.1.0 (the OASIS standard GitHub code scanning reads): every rule in `tool.driver.rules`
//! with its documentation, one result per diagnostic with a relative `artifactLocation` under
//! `%SRCROOT%`, regions in Unicode code points (`columnKind`), related locations, a
//! `partialFingerprints` entry that does not change when unrelated lines move, and `fixes` for
//! diagnostics that carry edits. Files that could not be read or parsed are
//! `toolExecutionNotifications` of the invocation.

use std::path::Path;

use serde_json::{Value, json};

use crate::diagnostic::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules;
use crate::source::Position;

/// The schema URL GitHub's documentation uses for SARIF 2.1.0.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base of every relative artifact URI.
pub const SRCROOT: &str = "%SRCROOT%";
/// The key of connlint's fingerprint in `partialFingerprints` (see `src/fingerprint.rs`).
pub const FINGERPRINT_KEY: &str = "connlint/v1";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `per-request-client` → `PerRequestClient` (SARIF's `name` is an identifier-like label).
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The first paragraph of a rule's Markdown documentation that is prose (not its title).
fn first_paragraph(doc: &str) -> String {
    doc.split("\n\n")
        .map(|p| {
            p.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|p| !p.trim().is_empty() && !p.trim_start().starts_with("```"))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The artifact location of a display path: relative to `%SRCROOT%`, or a `file://` URI for a
/// path outside the working directory.
fn artifact(path: &str) -> Value {
    if let Some(uri) = crate::uri::file_uri(Path::new(path)) {
        return json!({ "uri": uri });
    }
    // `../x` leaves the source root: GitHub would resolve it against the repository root and
    // point at the wrong file. Such a path is an absolute `file://` URI instead.
    if path == ".." || path.starts_with("../") {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut abs = std::path::PathBuf::new();
        for c in cwd.join(path).components() {
            match c {
                std::path::Component::ParentDir => {
                    abs.pop();
                }
                std::path::Component::CurDir => {}
                other => abs.push(other),
            }
        }
        if let Some(uri) = crate::uri::file_uri(&abs) {
            return json!({ "uri": uri });
        }
    }
    json!({ "uri": crate::uri::encode_path(path), "uriBaseId": SRCROOT })
}

fn region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn rule_descriptor(rule: &dyn rules::Rule) -> Value {
    let m = rule.meta();
    json!({
        "id": m.id,
        "name": pascal(m.id),
        "shortDescription": { "text": m.summary },
        "fullDescription": { "text": first_paragraph(m.doc) },
        "help": { "text": m.doc, "markdown": m.doc },
        "helpUri": rules::doc_url(m.id),
        "defaultConfiguration": { "level": level(m.default_severity) },
        "properties": {
            "code": m.code,
            "tags": ["connections", "reliability"],
            "precision": "high",
        },
    })
}

fn result(d: &Diagnostic, fingerprint: &str, source: Option<&str>) -> Value {
    let rule_index = rules::ALL
        .iter()
        .position(|r| r.meta().id == d.rule)
        .unwrap_or(0);
    let mut r = json!({
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": { "text": format!("{}\n{}", d.message, d.help) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact(&d.path),
                "region": region(d.start, d.end),
            }
        }],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
        "properties": { "code": d.code },
    });
    if let Some(text) = source.and_then(|t| t.get(d.span.range())) {
        r["locations"][0]["physicalLocation"]["region"]["snippet"] = json!({ "text": text });
    }
    if !d.related.is_empty() {
        r["relatedLocations"] = d
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                json!({
                    "id": i + 1,
                    "message": { "text": rel.message },
                    "physicalLocation": {
                        "artifactLocation": artifact(&rel.path),
                        "region": { "startLine": rel.start.line, "startColumn": rel.start.column },
                    },
                })
            })
            .collect();
    }
    if let Some((fix, edits)) = &d.fix
        && !edits.is_empty()
    {
        // One artifactChange per file, in the order the edits name them.
        let mut files: Vec<&str> = Vec::new();
        for e in edits {
            if !files.contains(&e.path.as_str()) {
                files.push(&e.path);
            }
        }
        let changes: Vec<Value> = files
            .iter()
            .map(|f| {
                let replacements: Vec<Value> = edits
                    .iter()
                    .filter(|e| e.path == *f)
                    .map(|e| {
                        json!({
                            "deletedRegion": region(e.start, e.end),
                            "insertedContent": { "text": e.content },
                        })
                    })
                    .collect();
                json!({ "artifactLocation": artifact(f), "replacements": replacements })
            })
            .collect();
        r["fixes"] = json!([{
            "description": { "text": format!("{} ({})", fix.message, fix.applicability.as_str()) },
            "artifactChanges": changes,
        }]);
    }
    r
}

pub fn to_value(report: &Report) -> Value {
    let cwd = std::env::current_dir().unwrap_or_default();
    let fingerprints = crate::fingerprint::of_report(report);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .zip(&fingerprints)
        .map(|(d, f)| result(d, f, report.sources.get(&d.path).map(|t| &**t)))
        .collect();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            let mut n = json!({
                "level": if e.is_skip() { "warning" } else { "error" },
                "message": { "text": format!("{}: {}", e.location(), e.message) },
                "descriptor": { "id": if e.is_skip() { "file-skipped" } else { "file-error" } },
            });
            if !e.path.is_empty() {
                let mut loc = json!({ "artifactLocation": artifact(&e.path) });
                if let Some(line) = e.line {
                    loc["region"] =
                        json!({ "startLine": line, "startColumn": e.column.unwrap_or(1) });
                }
                n["locations"] = json!([{ "physicalLocation": loc }]);
            }
            n
        })
        .collect();
    let mut srcroot = crate::uri::file_uri(&cwd).unwrap_or_else(|| "file:///".to_string());
    if !srcroot.ends_with('/') {
        srcroot.push('/');
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "connlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": rules::DOCS_URL.trim_end_matches("/rules").trim_end_matches("/blob/main"),
                    "rules": rules::ALL.iter().map(|r| rule_descriptor(*r)).collect::<Vec<_>>(),
                }
            },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { SRCROOT: { "uri": srcroot } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(report)).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_escaped() {
        assert_eq!(
            artifact("app/api/[id]/route.ts")["uri"],
            "app/api/%5Bid%5D/route.ts"
        );
        assert_eq!(artifact("a b/c#d.py")["uri"], "a%20b/c%23d.py");
        assert_eq!(artifact("a/b.rs")["uriBaseId"], SRCROOT);
        assert_eq!(artifact("/x/y z.ts")["uri"], "file:///x/y%20z.ts");
        assert!(artifact("/x/y.ts").get("uriBaseId").is_none());
    }

    #[test]
    fn rule_names_and_descriptions() {
        assert_eq!(pascal("per-request-client"), "PerRequestClient");
        assert_eq!(
            first_paragraph(
                "# per-request-client\n\n## What it does\nBuilds a client\nper request.\n\n## Why"
            ),
            "Builds a client per request."
        );
    }
}

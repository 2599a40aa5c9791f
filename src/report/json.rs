//! The JSON document (version 1). CI scripts read it: keep it stable (DESIGN.md "JSON output").

use serde_json::{Value, json};

use crate::diagnostic::Report;

pub fn to_value(report: &Report) -> Value {
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let fix = match &d.fix {
                None => Value::Null,
                Some((fix, edits)) => json!({
                    "applicability": fix.applicability.as_str(),
                    "message": fix.message,
                    "edits": edits.iter().map(|e| {
                        let mut edit = json!({
                            "line": e.start.line, "column": e.start.column,
                            "end_line": e.end.line, "end_column": e.end.column,
                            "content": e.content,
                        });
                        // Only edits in another file (a factory fixed where it is defined) name
                        // their path; the others apply to the diagnostic's own file.
                        if e.path != d.path {
                            edit["path"] = json!(e.path);
                        }
                        edit
                    }).collect::<Vec<_>>(),
                }),
            };
            json!({
                "rule": d.rule,
                "code": d.code,
                "severity": d.severity.as_str(),
                "path": d.path,
                "line": d.start.line,
                "column": d.start.column,
                "end_line": d.end.line,
                "end_column": d.end.column,
                "message": d.message,
                "help": d.help,
                "fix": fix,
                "related": d.related.iter().map(|r| json!({
                    "path": r.path, "line": r.start.line, "column": r.start.column, "message": r.message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "version": 1,
        "tool": {"name": "connlint", "version": env!("CARGO_PKG_VERSION")},
        "files_checked": report.files_checked,
        "diagnostics": diagnostics,
        "errors": report.errors.iter().map(|e| json!({
            "path": e.path, "line": e.line, "column": e.column, "message": e.message,
        })).collect::<Vec<_>>(),
    })
}

pub fn render(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(&to_value(report)).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

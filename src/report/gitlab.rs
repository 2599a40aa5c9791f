//! GitLab Code Quality (a JSON array GitLab shows in merge requests): `description`,
//! `check_name` (the rule id), `fingerprint` (see `src/fingerprint.rs`), `severity` (an error is
//! `major`, a warning `minor`), `location.path` and `location.lines.begin`. A file that could not
//! be read or parsed is an entry of its own, `check_name` `file-error` and severity `info`, so the
//! report never hides it.

use serde_json::{Value, json};

use crate::diagnostic::Report;
use crate::diagnostic::Severity;

pub fn to_value(report: &Report) -> Value {
    let fingerprints = crate::fingerprint::of_report(report);
    let mut out: Vec<Value> = report
        .diagnostics
        .iter()
        .zip(&fingerprints)
        .map(|(d, fp)| {
            json!({
                "type": "issue",
                "description": format!("{} ({}): {}", d.rule, d.code, d.message),
                "content": { "body": d.help },
                "check_name": d.rule,
                "categories": ["Bug Risk"],
                "fingerprint": fp,
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                "location": {
                    "path": d.path,
                    "lines": { "begin": d.start.line, "end": d.end.line },
                },
            })
        })
        .collect();
    out.extend(report.errors.iter().map(|e| {
        let fp = crate::fingerprint::fingerprint("file-error", &e.path, &e.message, 0);
        json!({
            "type": "issue",
            "description": format!("connlint could not check this file: {}", e.message),
            "check_name": "file-error",
            "categories": ["Bug Risk"],
            "fingerprint": fp,
            "severity": "info",
            "location": { "path": e.path, "lines": { "begin": e.line.unwrap_or(1) } },
        })
    }));
    Value::Array(out)
}

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(report)).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

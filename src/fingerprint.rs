//! Stable fingerprints of diagnostics, shared by baselines (`--write-baseline` / `--baseline`),
//! SARIF `partialFingerprints` and GitLab Code Quality `fingerprint`.
//!
//! A fingerprint hashes the rule id, the file's path, the source text of the diagnostic's span
//! with whitespace collapsed, and the index of this (rule, path, text) among identical ones in the
//! file (the second identical construction in a file gets index 1). It never includes a line or
//! column number, so it stays the same when unrelated lines are added or removed above it.
//! The hash is XXH3-128 (a fixed, documented algorithm, stable across connlint versions), printed
//! as 32 lowercase hex digits.

use std::collections::HashMap;

use crate::diagnostic::Report;

/// The text a fingerprint is computed from: the span's text with runs of whitespace collapsed to
/// one space (re-indenting or re-wrapping a construction keeps its fingerprint).
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of one (rule, path, normalised text, index).
pub fn fingerprint(rule: &str, path: &str, normalised: &str, index: usize) -> String {
    let mut bytes = Vec::with_capacity(rule.len() + path.len() + normalised.len() + 24);
    for part in [rule, path, normalised] {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0);
    }
    bytes.extend_from_slice(index.to_string().as_bytes());
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes))
}

/// One fingerprint per diagnostic of `report`, in the same order. The span's text is read from
/// `report.sources` (every file a diagnostic points into is there).
pub fn of_report(report: &Report) -> Vec<String> {
    of_report_with_paths(report, |p| p.to_string())
}

/// [`of_report`] with each diagnostic's path as `path` gives it (a baseline hashes paths relative
/// to its own directory, so that it works from any working directory).
pub fn of_report_with_paths(report: &Report, path: impl Fn(&str) -> String) -> Vec<String> {
    let mut seen: HashMap<(&str, &str, String), usize> = HashMap::new();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let text = report
                .sources
                .get(&d.path)
                .and_then(|t| t.get(d.span.range()))
                .map(normalise)
                .unwrap_or_default();
            let n = seen
                .entry((d.rule, d.path.as_str(), text.clone()))
                .or_insert(0);
            let index = *n;
            *n += 1;
            fingerprint(d.rule, &path(&d.path), &text, index)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_does_not_change_a_fingerprint_but_text_does() {
        let a = fingerprint("r", "a.ts", &normalise("new  Pool(\n  x)"), 0);
        let b = fingerprint("r", "a.ts", &normalise("new Pool( x)"), 0);
        let c = fingerprint("r", "a.ts", &normalise("new Pool(y)"), 0);
        let d = fingerprint("r", "a.ts", &normalise("new Pool( x)"), 1);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        assert_eq!(a.len(), 32);
    }
}

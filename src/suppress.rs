//! Suppression comments: `connlint-ignore: rule-a, rule-b -- reason` on the reported line or the
//! line above, and `connlint-ignore-file: rule-a` anywhere in a file. Comment syntax does not
//! matter (`//`, `#`, `/* */`, `{/* */}`): the marker is found in the line's text.

use crate::source::SourceFile;

/// The suppressions of one file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Suppressions {
    /// (0-based line of the comment, rule names; empty = every rule)
    lines: Vec<(usize, Vec<String>)>,
    file: Vec<String>,
}

fn parse_names(rest: &str) -> Vec<String> {
    let rest = rest.split("--").next().unwrap_or("");
    let rest = rest
        .trim()
        .trim_end_matches("*/")
        .trim_end_matches('}')
        .trim_end_matches("*/");
    rest.split(',')
        .map(|s| s.trim().trim_end_matches("*/").trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

impl Suppressions {
    pub fn scan(file: &SourceFile) -> Suppressions {
        let mut s = Suppressions::default();
        if !file.text.contains("connlint-ignore") {
            return s;
        }
        for (i, line) in file.text.lines().enumerate() {
            if let Some(pos) = line.find("connlint-ignore-file:") {
                s.file
                    .extend(parse_names(&line[pos + "connlint-ignore-file:".len()..]));
            } else if let Some(pos) = line.find("connlint-ignore:") {
                s.lines
                    .push((i, parse_names(&line[pos + "connlint-ignore:".len()..])));
            } else if line.contains("connlint-ignore") && !line.contains("connlint-ignore-") {
                s.lines.push((i, Vec::new()));
            }
        }
        s
    }

    /// Is `rule` (or its `code`) suppressed on 0-based `line`?
    pub fn is_suppressed(&self, rule: &str, code: &str, line: usize) -> bool {
        let names = |v: &Vec<String>| {
            v.is_empty() || v.iter().any(|n| n == rule || n.eq_ignore_ascii_case(code))
        };
        if self
            .file
            .iter()
            .any(|n| n == rule || n.eq_ignore_ascii_case(code) || n == "all")
        {
            return true;
        }
        self.lines
            .iter()
            .any(|(l, v)| (*l == line || *l + 1 == line) && names(v))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::project::Project;
    use std::sync::Arc;

    #[test]
    fn same_line_and_line_above() {
        let text = "a\n// connlint-ignore: per-request-client -- cached elsewhere\nconst c = new X();\nconst d = new Y(); # connlint-ignore: CL101\n";
        let f = SourceFile::in_memory("a.ts", text, Arc::new(Project::with_deps(&[]))).unwrap();
        let s = Suppressions::scan(&f);
        assert!(s.is_suppressed("per-request-client", "CL101", 2));
        assert!(s.is_suppressed("per-request-client", "CL101", 3));
        assert!(!s.is_suppressed("per-request-client", "CL101", 0));
        assert!(!s.is_suppressed("unclosed-session", "CL202", 2));
    }

    #[test]
    fn whole_file() {
        let f = SourceFile::in_memory(
            "a.py",
            "# connlint-ignore-file: per-request-client\nx = 1\n",
            Arc::new(Project::with_deps(&[])),
        )
        .unwrap();
        let s = Suppressions::scan(&f);
        assert!(s.is_suppressed("per-request-client", "CL101", 1));
        assert!(!s.is_suppressed("hot-reload-client", "CL102", 1));
    }
}

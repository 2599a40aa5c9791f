//! Suppression comments: `connlint-ignore: rule-a, rule-b -- reason` on the reported line or the
//! line above, and `connlint-ignore-file: rule-a` anywhere in a file. Any comment syntax works
//! (`//`, `#`, `/* */`, `{/* */}`): the marker must directly follow the comment's opener.
//!
//! The engine marks which suppressions suppressed a finding; `invalid-suppression` and
//! `unused-suppression` (`src/rules/`) judge the comments from that.

use crate::source::{SourceFile, Span};

const MARKER: &str = "connlint-ignore";

/// Does `text` hold a suppression comment's marker?
pub fn mentions(text: &str) -> bool {
    text.contains(MARKER)
}

/// One rule name in a suppression comment, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    /// Bytes of the name in the file.
    pub span: Span,
    /// Did it suppress a finding in this run?
    pub used: bool,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// 0-based line of the comment.
    pub line: usize,
    /// `connlint-ignore-file`.
    pub file_level: bool,
    /// The whole comment, from its opener (`//`, `#`, `/*`, `{/*`) to its end (`*/`, `*/}` or the
    /// end of the line).
    pub comment: Span,
    /// From `connlint-ignore` to the end of the rule list (what a finding points at).
    pub directive: Span,
    /// The rules named; empty = every rule (a line suppression) or none (a file suppression
    /// without names, which is invalid).
    pub names: Vec<Name>,
    /// A comment without names suppressed a finding in this run.
    pub used: bool,
}

impl Suppression {
    fn matches(name: &str, rule: &str, code: &str) -> bool {
        name == rule || name.eq_ignore_ascii_case(code) || name == "all"
    }
}

/// The suppressions of one file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Suppressions {
    pub items: Vec<Suppression>,
    /// Ids of the rules that ran on this file (after `--select`, `--ignore` and configuration):
    /// only their names can be judged unused.
    pub ran: Vec<&'static str>,
}

/// The comment opener directly before `pos` (whitespace aside): its start, and whether it opens
/// a block comment (and a JSX `{/*`).
fn opener(line: &str, pos: usize) -> Option<(usize, bool)> {
    let before = line[..pos].trim_end();
    // A continuation line of a block comment (` * connlint-ignore: …`).
    let star = before.trim_start();
    if !star.is_empty() && star.chars().all(|c| c == '*') {
        return Some((before.len() - star.len(), false));
    }
    if let Some(stars) = before.strip_suffix('*') {
        let stars = stars.trim_end_matches('*');
        let slash = stars.strip_suffix('/')?;
        let start = slash.len();
        let jsx = slash.trim_end();
        return Some(match jsx.strip_suffix('{') {
            Some(b) => (b.len(), true),
            None => (start, true),
        });
    }
    if before.ends_with("//") {
        return Some((before.trim_end_matches('/').len(), false));
    }
    if before.ends_with('#') {
        return Some((before.trim_end_matches('#').len(), false));
    }
    None
}

/// Parse the suppression on one line (`line` without its line ending, starting at byte `at`).
fn parse_line(line: &str, at: usize, index: usize) -> Option<Suppression> {
    let pos = line.find(MARKER)?;
    let (start, block) = opener(line, pos)?;
    // `"// connlint-ignore: …"` is a string, not a comment.
    let open_string = |q: char| line[..start].chars().filter(|c| *c == q).count() % 2 == 1;
    if open_string('"') || open_string('`') {
        return None;
    }
    let jsx = block && line[start..].starts_with('{');
    let mut rest_at = pos + MARKER.len();
    let file_level = line[rest_at..].starts_with("-file");
    if file_level {
        rest_at += "-file".len();
    }
    let rest = &line[rest_at..];
    // `connlint-ignored`, `connlint-ignore-next-line`: not ours.
    if !(rest.is_empty()
        || rest.starts_with(':')
        || rest.starts_with(char::is_whitespace)
        || rest.starts_with("*/"))
    {
        return None;
    }
    let end = if block {
        match line[rest_at..].find("*/") {
            Some(i) => {
                let mut e = rest_at + i + 2;
                let after = &line[e..];
                if jsx && after.trim_start().starts_with('}') {
                    e += after.len() - after.trim_start().len() + 1;
                }
                e
            }
            None => line.len(),
        }
    } else {
        // A line comment ends at the line's end, or where another comment follows it before any
        // reason (`# connlint-ignore: CL101  # noqa: E501`).
        let tail = &line[rest_at..];
        let reason = tail.find("--").unwrap_or(tail.len());
        match [tail.find('#'), tail.find("//")]
            .into_iter()
            .flatten()
            .min()
        {
            Some(i) if i < reason => rest_at + tail[..i].trim_end().len(),
            _ => line.len(),
        }
    };
    let mut names = Vec::new();
    let mut directive_end = rest_at;
    if let Some(list) = rest.strip_prefix(':') {
        let list_at = rest_at + 1;
        // The names end at the reason, the comment's end, or another comment (`# noqa`).
        let stop = [
            list.find("--"),
            list.find("*/"),
            list.find('#'),
            list.find("//"),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(list.len());
        let mut i = 0;
        for piece in list[..stop].split(|c: char| c == ',' || c.is_whitespace()) {
            // A comment naming hundreds of "rules" is not a suppression anyone wrote: the first
            // [`MAX_NAMES`] are read (and judged), the rest are not (each finding is matched
            // against every name: 50,000 names made a run of minutes).
            if names.len() == MAX_NAMES {
                break;
            }
            if !piece.is_empty() {
                let s = at + list_at + i;
                names.push(Name {
                    text: piece.to_string(),
                    span: Span::new(s, s + piece.len()),
                    used: false,
                });
                directive_end = list_at + i + piece.len();
            }
            i += piece.len() + 1;
        }
        if names.is_empty() {
            directive_end = list_at;
        }
    }
    Some(Suppression {
        line: index,
        file_level,
        comment: Span::new(at + start, at + end),
        directive: Span::new(at + pos, at + directive_end),
        names,
        used: false,
    })
}

impl Suppressions {
    pub fn scan(file: &SourceFile) -> Suppressions {
        // A text let go held no suppression comment (see `engine`): it is not read again.
        if !file.text.is_held() {
            return Suppressions::default();
        }
        Suppressions::scan_text(&file.text)
    }

    pub fn scan_text(text: &str) -> Suppressions {
        let mut s = Suppressions::default();
        if !text.contains(MARKER) {
            return s;
        }
        let mut at = 0;
        for (i, raw) in text.split_inclusive('\n').enumerate() {
            let line = raw.trim_end_matches('\n').trim_end_matches('\r');
            if let Some(item) = parse_line(line, at, i) {
                s.items.push(item);
            }
            at += raw.len();
        }
        s
    }

    /// The suppressions that cover `rule` (or its `code`) on 0-based `line`: (item, name index;
    /// `None` for a comment without names).
    /// The findings about suppressions (`invalid-suppression`, `unused-suppression`) are
    /// suppressed only by their name (`by_name_only`): a blanket `connlint-ignore` or `all`
    /// would silence the report about itself.
    fn covering(
        &self,
        rule: &str,
        code: &str,
        line: usize,
        by_name_only: bool,
    ) -> Vec<(usize, Option<usize>)> {
        let mut out = Vec::new();
        for (k, s) in self.items.iter().enumerate() {
            if !s.file_level && s.line != line && s.line + 1 != line {
                continue;
            }
            if s.names.is_empty() {
                if !s.file_level && !by_name_only {
                    out.push((k, None));
                }
                continue;
            }
            for (n, name) in s.names.iter().enumerate() {
                let blanket = name.text == "all" && by_name_only;
                if !blanket && Suppression::matches(&name.text, rule, code) {
                    out.push((k, Some(n)));
                }
            }
        }
        out
    }

    /// Is `rule` (or its `code`) suppressed on 0-based `line`? (`by_name_only`: see
    /// [`Suppressions::covering`].)
    pub fn is_suppressed(&self, rule: &str, code: &str, line: usize, by_name_only: bool) -> bool {
        !self.covering(rule, code, line, by_name_only).is_empty()
    }

    /// Like [`Suppressions::is_suppressed`], and marks every suppression that covers the finding
    /// as used.
    pub fn mark(&mut self, rule: &str, code: &str, line: usize, by_name_only: bool) -> bool {
        let covering = self.covering(rule, code, line, by_name_only);
        for (k, n) in &covering {
            if let Some(s) = self.items.get_mut(*k) {
                match n {
                    Some(n) => {
                        if let Some(name) = s.names.get_mut(*n) {
                            name.used = true;
                        }
                    }
                    None => s.used = true,
                }
            }
        }
        !covering.is_empty()
    }
}

/// The most rule names one suppression comment is read for.
pub const MAX_NAMES: usize = 64;

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
        assert!(s.is_suppressed("per-request-client", "CL101", 2, false));
        assert!(s.is_suppressed("per-request-client", "CL101", 3, false));
        assert!(!s.is_suppressed("per-request-client", "CL101", 0, false));
        assert!(!s.is_suppressed("unclosed-session", "CL202", 2, false));
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
        assert!(s.is_suppressed("per-request-client", "CL101", 1, false));
        assert!(!s.is_suppressed("hot-reload-client", "CL102", 1, false));
    }

    #[test]
    fn comment_spans_and_names() {
        let text = "x = 1  # connlint-ignore: a, b c -- why\n{/* connlint-ignore: d */} <p/>\n  /* connlint-ignore */\n";
        let s = Suppressions::scan_text(text);
        assert_eq!(s.items.len(), 3);
        let slice = |sp: Span| &text[sp.range()];
        assert_eq!(
            slice(s.items[0].comment),
            "# connlint-ignore: a, b c -- why"
        );
        let names: Vec<&str> = s.items[0].names.iter().map(|n| slice(n.span)).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(slice(s.items[0].directive), "connlint-ignore: a, b c");
        assert_eq!(slice(s.items[1].comment), "{/* connlint-ignore: d */}");
        assert_eq!(s.items[1].names[0].text, "d");
        assert_eq!(slice(s.items[2].comment), "/* connlint-ignore */");
        assert!(s.items[2].names.is_empty());
        let doc = "/**\n * connlint-ignore: a -- why\n */\n";
        let s = Suppressions::scan_text(doc);
        assert_eq!(
            &doc[s.items[0].comment.range()],
            "* connlint-ignore: a -- why"
        );
    }

    #[test]
    fn names_end_at_another_comment() {
        let s = Suppressions::scan_text("x = f()  # connlint-ignore: CL101  # noqa: E501\n");
        let names: Vec<&str> = s.items[0].names.iter().map(|n| n.text.as_ref()).collect();
        assert_eq!(names, ["CL101"]);
        let text =
            "x = f()  # connlint-ignore  # noqa: E501\ny = 1  # connlint-ignore: a -- see #12\n";
        let s = Suppressions::scan_text(text);
        assert_eq!(&text[s.items[0].comment.range()], "# connlint-ignore");
        assert_eq!(
            &text[s.items[1].comment.range()],
            "# connlint-ignore: a -- see #12"
        );
    }

    #[test]
    fn only_comments_count() {
        let s = Suppressions::scan_text(
            "const s = \"connlint-ignore: x\";\n// connlint-ignored\n// see connlint-ignore\nlet s = \"// connlint-ignore: x\";\n",
        );
        assert!(s.items.is_empty());
    }

    #[test]
    fn marking() {
        let mut s = Suppressions::scan_text("// connlint-ignore: a, CL202\nx\n");
        assert!(s.mark("b", "CL202", 1, false));
        assert!(!s.items[0].names[0].used);
        assert!(s.items[0].names[1].used);
    }
}

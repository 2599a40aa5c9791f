//! `unused-suppression` (CL902): a suppression comment that suppressed nothing in this run (like
//! ruff's RUF100). Only names of rules that ran on the file are judged; a comment without names
//! (or `all`) only when every rule ran on it. The safe fix removes the comment (its whole line when it stands alone) or
//! only the unused names. Docs: rules/unused-suppression.md

use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::rules::{self, ProjectCx, Check};
use crate::source::{Lang, Span};
use crate::suppress::Suppression;

crate::declare_rule! {
    UnusedSuppression {
        id: "unused-suppression",
        code: "CL902",
        summary: "a suppression comment suppressed nothing: the finding it was written for is gone",
        langs: [Lang::Ts, Lang::Tsx, Lang::Js, Lang::Py, Lang::Rs, Lang::Env],
        severity: Warning,
        fix: Always,
    }
}

impl Check for UnusedSuppression {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, sup) in cx.suppressions.iter().enumerate() {
            let Some(file) = cx.files.get(fi) else {
                continue;
            };
            let text = file.source.text.as_str();
            // A blanket suppression stands for every rule: it can be judged only when all ran.
            let all_ran = rules::ALL
                .iter()
                .map(|r| r.meta().id)
                .filter(|id| !rules::judges_suppressions(id))
                .all(|id| sup.ran.contains(&id));
            for s in &sup.items {
                let (message, edit, fix_message) = if s.names.is_empty() {
                    if s.file_level || s.used || !all_ran {
                        continue;
                    }
                    (
                        "unused suppression: this `connlint-ignore` suppressed nothing".to_string(),
                        remove_comment(text, s.comment),
                        "Remove the unused suppression".to_string(),
                    )
                } else {
                    // Names of rules that ran here and suppressed nothing. Unknown names are
                    // `invalid-suppression`'s; this rule's own name is never judged (it runs last).
                    let judged = |n: &&crate::suppress::Name| {
                        !n.used
                            && (n.text == "all" && all_ran
                                || rules::lookup(&n.text).is_some_and(|r| {
                                    r.meta().id != META.id && sup.ran.contains(&r.meta().id)
                                }))
                    };
                    let unused: Vec<&str> = s
                        .names
                        .iter()
                        .filter(judged)
                        .map(|n| n.text.as_str())
                        .collect();
                    if unused.is_empty() {
                        continue;
                    }
                    let quoted: Vec<String> = unused.iter().map(|n| format!("`{n}`")).collect();
                    let scope = if s.file_level { "in this file" } else { "here" };
                    let message = format!(
                        "unused suppression: {} suppressed nothing {scope}",
                        quoted.join(", ")
                    );
                    let (edit, fix_message) = if unused.len() == s.names.len() {
                        (
                            remove_comment(text, s.comment),
                            "Remove the unused suppression".to_string(),
                        )
                    } else {
                        (
                            remove_names(s, |n| unused.contains(&n)),
                            format!("Remove {} from the suppression", quoted.join(", ")),
                        )
                    };
                    (message, edit, fix_message)
                };
                out.push(Finding {
                    rule: META.id,
                    file: fi,
                    span: s.directive,
                    severity: META.default_severity,
                    message,
                    help: format!(
                        "remove it (`connlint --fix` does): a suppression that suppresses nothing would hide the next finding {}",
                        if s.file_level { "in this file" } else { "on this line" }
                    ),
                    label: None,
                    related: Vec::new(),
                    fix: Some(Fix {
                        message: fix_message,
                        applicability: Applicability::Safe,
                        edits: vec![edit],
                        related_edits: Vec::new(),
                    }),
                });
            }
        }
    }
}

/// Remove a whole comment: its line when nothing else is on it, else the comment and the
/// whitespace that separates it from the code beside it.
fn remove_comment(text: &str, comment: Span) -> Edit {
    let (cs, ce) = (comment.start as usize, comment.end as usize);
    let line_start = text[..cs].rfind('\n').map_or(0, |i| i + 1);
    let newline = text[ce..].find('\n').map(|i| ce + i);
    let content_end = {
        let e = newline.unwrap_or(text.len());
        if text[..e].ends_with('\r') { e - 1 } else { e }
    };
    let before = &text[line_start..cs];
    let after = &text[ce..content_end];
    let span = if before.trim().is_empty() && after.trim().is_empty() {
        Span::new(line_start, newline.map_or(text.len(), |n| n + 1))
    } else if after.trim().is_empty() {
        Span::new(cs - (before.len() - before.trim_end().len()), content_end)
    } else {
        Span::new(cs, ce + (after.len() - after.trim_start().len()))
    };
    Edit {
        span,
        content: String::new(),
    }
}

/// Rewrite the rule list of `s` without the names `drop` selects.
fn remove_names(s: &Suppression, drop: impl Fn(&str) -> bool) -> Edit {
    let start = s.names.first().map_or(0, |n| n.span.start);
    let end = s.names.last().map_or(0, |n| n.span.end);
    let kept: Vec<&str> = s
        .names
        .iter()
        .map(|n| n.text.as_str())
        .filter(|n| !drop(n))
        .collect();
    Edit {
        span: Span::new(start as usize, end as usize),
        content: kept.join(", "),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;
    use crate::suppress::Suppressions;

    fn removed(text: &str) -> String {
        let s = Suppressions::scan_text(text);
        apply_edits(text, &[remove_comment(text, s.items[0].comment)]).0
    }

    #[test]
    fn comment_removal_keeps_the_code() {
        assert_eq!(removed("a\n  // connlint-ignore: x\nb\n"), "a\nb\n");
        assert_eq!(removed("a\r\n# connlint-ignore\r\nb\r\n"), "a\r\nb\r\n");
        assert_eq!(
            removed("f(x)  # connlint-ignore: x -- why\nb\n"),
            "f(x)\nb\n"
        );
        assert_eq!(removed("f(x); // connlint-ignore: x\r\n"), "f(x);\r\n");
        assert_eq!(removed("f(/* connlint-ignore: x */ y);\n"), "f(y);\n");
        assert_eq!(
            removed("  <p>{/* connlint-ignore: x */}</p>\n"),
            "  <p></p>\n"
        );
        assert_eq!(removed("a\n    {/* connlint-ignore */}\n"), "a\n");
        assert_eq!(
            removed("f(x)  # connlint-ignore: x  # noqa: E501\n"),
            "f(x)  # noqa: E501\n"
        );
        assert_eq!(removed("a\n# connlint-ignore-file: x"), "a\n");
    }

    #[test]
    fn only_the_unused_names_go() {
        let text = "x = 1  # connlint-ignore: a, b,c -- why\n";
        let s = Suppressions::scan_text(text);
        let e = remove_names(&s.items[0], |n| n == "b");
        assert_eq!(
            apply_edits(text, &[e]).0,
            "x = 1  # connlint-ignore: a, c -- why\n"
        );
    }
}

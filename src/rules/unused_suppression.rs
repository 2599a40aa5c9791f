//! `unused-suppression` (CL902): a suppression comment that suppressed nothing in this run (like
//! ruff's RUF100). Only names of rules that ran on the file are judged; a comment without names
//! (or `all`) only when every rule ran on it. The safe fix removes the comment (its whole line when it stands alone) or
//! only the unused names. Docs: rules/unused-suppression.md

use crate::diagnostic::{Applicability, Finding, Fix};
use crate::fixgen::suppression::{remove_comment, remove_names};
use crate::rules::{self, Check, ProjectCx};
use crate::source::Lang;

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
            let Some(file) = cx.files.get(fi).filter(|_| !sup.items.is_empty()) else {
                continue;
            };
            let text = file.source.text.as_ref();
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
                        .map(|n| n.text.as_ref())
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

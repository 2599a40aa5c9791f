//! `invalid-suppression` (CL901): a `connlint-ignore:` / `connlint-ignore-file:` comment names a
//! rule id or code that does not exist (a typo suppresses nothing), or a file suppression names
//! no rule. Docs: rules/invalid-suppression.md

use crate::diagnostic::{Finding};
use crate::rules::{self, ProjectCx, Check};
use crate::source::Lang;

crate::declare_rule! {
    InvalidSuppression {
        id: "invalid-suppression",
        code: "CL901",
        summary: "a suppression comment names a rule that does not exist, so it suppresses nothing",
        langs: [Lang::Ts, Lang::Tsx, Lang::Js, Lang::Py, Lang::Rs, Lang::Env],
        severity: Warning,
        fix: None,
    }
}

/// What `name` was probably meant to be: the closest rule id, or the code one typo away (with its
/// id), if any is close enough to be a typo.
pub fn closest_rule(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let metas = rules::ALL.iter().map(|r| r.meta());
    if lower.starts_with("cl") && lower.len() == 5 {
        return metas
            .map(|m| {
                (
                    strsim::damerau_levenshtein(&lower, &m.code.to_lowercase()),
                    m,
                )
            })
            .filter(|(d, _)| *d <= 1)
            .min_by_key(|(d, _)| *d)
            .map(|(_, m)| format!("`{}` (`{}`)", m.code, m.id));
    }
    metas
        .map(|m| (strsim::jaro_winkler(&lower, m.id), m.id))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| format!("`{id}`"))
}

impl Check for InvalidSuppression {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, sup) in cx.suppressions.iter().enumerate() {
            for s in &sup.items {
                if s.file_level && s.names.is_empty() {
                    out.push(Finding {
                        rule: META.id,
                        file: fi,
                        span: s.directive,
                        severity: META.default_severity,
                        message: "`connlint-ignore-file` names no rule, so it suppresses nothing"
                            .into(),
                        help: "name the rules it suppresses: `connlint-ignore-file: rule-a, rule-b -- reason` (`all` for every rule)".into(),
                        label: None,
                        related: Vec::new(),
                        fix: None,
                    });
                }
                for n in &s.names {
                    if n.text == "all" || rules::lookup(&n.text).is_some() {
                        continue;
                    }
                    let help = match closest_rule(&n.text) {
                        Some(rule) => format!("did you mean {rule}? `connlint rules` lists the rules"),
                        None => "use a rule id or code from `connlint rules`; separate a reason with ` -- `".into(),
                    };
                    out.push(Finding {
                        rule: META.id,
                        file: fi,
                        span: n.span,
                        severity: META.default_severity,
                        message: format!(
                            "`{}` is not a connlint rule, so this suppression does not suppress it",
                            n.text
                        ),
                        help,
                        label: None,
                        related: Vec::new(),
                        fix: None,
                    });
                }
            }
        }
    }
}

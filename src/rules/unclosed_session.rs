//! `unclosed-session` (CL202): a session, connection or checked-out pool client that is not
//! closed or released on every path. Docs: rules/unclosed-session.md

use crate::diagnostic::{Finding, Severity};
use crate::facts::{ClientKind, Closing, ScopeKind, SessionSite};
use crate::fixgen::try_finally::{help, wrap_fix};
use crate::rules::{Check, ProjectCx};
use crate::source::Lang;

crate::declare_rule! {
    UnclosedSession {
        id: "unclosed-session",
        code: "CL202",
        summary: "a session, connection or checked-out pool client is not closed or released on every path",
        langs: [Lang::Ts, Lang::Js, Lang::Py],
        severity: Error,
        fix: Sometimes,
        // `requests.Session()` built per request and never closed: hoisting it fixes both
        yields_to: ["per-request-client"],
    }
}

impl Check for UnclosedSession {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, file) in cx.files.iter().enumerate() {
            for s in &file.facts.sessions {
                // Module-level sessions live as long as the process; startup code and tests run
                // once and exit.
                if matches!(
                    s.scope.kind,
                    ScopeKind::Module | ScopeKind::Startup | ScopeKind::Test
                ) {
                    continue;
                }
                let pooled = s.kind == ClientKind::Checkout;
                let (severity, what) = match (s.closing, pooled) {
                    (Closing::Always | Closing::HandedOver, _) => continue,
                    (Closing::Never, true) => (Severity::Error, "is never returned to the pool"),
                    (Closing::Never, false) => (Severity::Error, "is never closed"),
                    (Closing::NotOnErrorPaths, true) => (
                        Severity::Warning,
                        "is not returned to the pool when an exception is raised",
                    ),
                    (Closing::NotOnErrorPaths, false) => (
                        Severity::Warning,
                        "is not closed when an exception is raised",
                    ),
                };
                let library = cx
                    .catalog
                    .by_id(&s.client)
                    .map(|d| d.library.as_str())
                    .unwrap_or("");
                let on_owner = cx
                    .catalog
                    .by_id(&s.client)
                    .is_some_and(|d| d.release_on_owner);
                let fix = if cx.memo.fix_allowed(fi, file.source.text.len()) {
                    wrap_fix(s, &file.source, on_owner)
                } else {
                    None
                };
                out.push(Finding {
                    rule: META.id,
                    file: fi,
                    span: s.span,
                    severity,
                    message: format!("{} `{}` ({library}) {what}", noun(s), s.ctor),
                    help: help(s, file.source.lang),
                    label: None,
                    related: Vec::new(),
                    fix,
                });
            }
        }
    }
}

fn noun(s: &SessionSite) -> &'static str {
    match s.kind {
        ClientKind::Session => "the session",
        ClientKind::Checkout => "the pooled connection",
        ClientKind::Connection => "the connection",
        _ => "the client",
    }
}

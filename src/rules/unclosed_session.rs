//! `unclosed-session` (CL202): a session, connection or checked-out pool client that is not
//! closed or released on every path. Docs: rules/unclosed-session.md

use crate::diagnostic::{Finding, Severity};
use crate::facts::{Closing, ScopeKind, SessionSite};
use crate::rules::{FixAvailability, ProjectCx, Rule, RuleMeta};
use crate::source::Lang;

pub static META: RuleMeta = RuleMeta {
    id: "unclosed-session",
    code: "CL202",
    summary: "a session, connection or checked-out pool client is not closed or released on every path",
    langs: &[Lang::Ts, Lang::Js, Lang::Py],
    default_severity: Severity::Error,
    fix: FixAvailability::None,
    doc: include_str!("../../rules/unclosed-session.md"),
};

pub struct UnclosedSession;

impl Rule for UnclosedSession {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

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
                let pooled = s.kind == crate::facts::ClientKind::Checkout;
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
                out.push(Finding {
                    rule: META.id,
                    file: fi,
                    span: s.span,
                    severity,
                    message: format!("{} `{}` ({library}) {what}", noun(s), s.ctor),
                    help: help(s, file.source.lang),
                    label: None,
                    related: Vec::new(),
                    fix: None,
                });
            }
        }
    }
}

fn noun(s: &SessionSite) -> &'static str {
    use crate::facts::ClientKind;
    match s.kind {
        ClientKind::Session => "the session",
        ClientKind::Checkout => "the pooled connection",
        ClientKind::Connection => "the connection",
        _ => "the client",
    }
}

fn help(s: &SessionSite, lang: Lang) -> String {
    let Some(release) = s.release.as_deref() else {
        return format!(
            "open it with `with {}` (or `async with`): only the context manager gives it back",
            s.ctor
        );
    };
    let Some(name) = s.binding.as_deref() else {
        return match lang {
            Lang::Py => format!(
                "bind it and close it: `with {} as x:` (or `x.{release}()` in a `finally:` block)",
                s.ctor
            ),
            _ => format!(
                "bind it to a variable and call `.{release}()` on it in a `finally {{ … }}` block"
            ),
        };
    };
    match lang {
        Lang::Py if s.in_generator => format!(
            "wrap the `yield` in `try: yield {name}` / `finally: {name}.{release}()` (or open it with `with`): code after a dependency's `yield` does not run when the request fails"
        ),
        Lang::Py if release == "putconn" => format!(
            "return it to the pool in a `finally:` block (`pool.putconn({name})`), so an exception cannot leak it"
        ),
        Lang::Py => format!(
            "open it with `with` / `async with`, or call `{name}.{release}()` in a `finally:` block"
        ),
        _ => format!(
            "call `{name}.{release}()` in a `finally {{ … }}` block after using it, so an exception cannot leak it; the pool runs out of connections otherwise"
        ),
    }
}

//! `unclosed-session` (CL202): a session, connection or checked-out pool client that is not
//! closed or released on every path. Docs: rules/unclosed-session.md

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::facts::{Closing, ScopeKind, SessionSite};
use crate::rules::{FixAvailability, ProjectCx, Rule, RuleMeta};
use crate::source::Lang;
use crate::source::SourceFile;

pub static META: RuleMeta = RuleMeta {
    id: "unclosed-session",
    code: "CL202",
    summary: "a session, connection or checked-out pool client is not closed or released on every path",
    langs: &[Lang::Ts, Lang::Js, Lang::Py],
    default_severity: Severity::Error,
    fix: FixAvailability::Sometimes,
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
                let on_owner = cx
                    .catalog
                    .by_id(&s.client)
                    .is_some_and(|d| d.release_on_owner);
                let fix = wrap_fix(s, &file.source, on_owner);
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

/// Wrap the statements after the acquisition in `try … finally` with the release (Python,
/// TS/JS). A trailing release already there (`db.close()` after `yield db`) moves into the
/// `finally`. Unsafe: it changes control flow. `None` where the anchors are missing.
fn wrap_fix(s: &SessionSite, source: &SourceFile, on_owner: bool) -> Option<Fix> {
    let release = s.release.as_deref()?;
    let name = s.binding.as_deref()?;
    // A `with` that does not close (psycopg2) needs `contextlib.closing(…)` around the call, not
    // a `try` after the block: no automatic fix.
    let stmt = source.slice(s.anchors.statement?).trim_start();
    if stmt.starts_with("with ") || stmt.starts_with("async with ") {
        return None;
    }
    // `pool.putconn(conn)`: the owner is the receiver of the acquiring call.
    let owner = if on_owner {
        let ctor = source.slice(s.span);
        let call = ctor.rfind('(').map(|i| &ctor[..i]).unwrap_or(ctor);
        Some(
            call.rsplit_once('.')?
                .0
                .trim_start_matches("await ")
                .trim()
                .to_string(),
        )
    } else {
        None
    };
    let mut rest_span = s.anchors.rest_of_block?;
    // The block may start right after the acquiring statement, before a trailing comment on its
    // line: start at the next line then, where every line carries its own indentation.
    let raw = source.slice(rest_span);
    let mut line_start = false;
    if let Some(nl) = raw.find('\n') {
        let head = raw[..nl].trim();
        if head.is_empty() || head.starts_with('#') || head.starts_with("//") {
            rest_span =
                crate::source::Span::new(rest_span.start as usize + nl + 1, rest_span.end as usize);
            line_start = true;
        }
    }
    let rest = source.slice(rest_span);
    if rest.trim().is_empty() {
        return None;
    }
    let indent = &s.anchors.indent;
    let newline = if source.text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut lines: Vec<&str> = rest.lines().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let is_release = |l: &str| {
        let t = l.trim().trim_end_matches(';');
        t == format!("{name}.{release}()")
            || t == format!("await {name}.{release}()")
            || (t.ends_with(&format!(".{release}({name})")) && on_owner)
    };
    let awaited = lines
        .iter()
        .any(|l| l.trim() == format!("await {name}.{release}()"))
        || (source.lang == Lang::Py
            && (release == "aclose"
                || s.ctor.contains("Async")
                || rest.contains(&format!("await {name}."))));
    // Move an existing release into the `finally`: drop it where it is written at the block's own
    // level; a release nested deeper (in an `if`) cannot move safely.
    let level = |l: &str| l.len() - l.trim_start().len();
    let top = lines
        .iter()
        .skip(usize::from(!line_start))
        .map(|l| level(l))
        .filter(|n| *n > 0)
        .min();
    let mut kept = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if is_release(l) {
            let at_top = (i == 0 && !line_start) || Some(level(l)) == top;
            if !at_top {
                return None;
            }
            continue;
        }
        kept.push(*l);
    }
    lines = kept;
    if lines.iter().all(|l| l.trim().is_empty()) {
        return None;
    }
    let call = match &owner {
        Some(o) => format!(
            "{}{o}.{release}({name})",
            if awaited { "await " } else { "" }
        ),
        None => format!("{}{name}.{release}()", if awaited { "await " } else { "" }),
    };
    let body: Vec<String> = lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!(
                    "{}{l}",
                    if source.lang == Lang::Py {
                        "    "
                    } else {
                        "  "
                    }
                )
            }
        })
        .collect();
    // Otherwise `rest_of_block` starts at the first statement's text: its first line has no
    // indentation in the slice.
    let mut first = !line_start;
    let body: Vec<String> = body
        .into_iter()
        .map(|l| {
            if first {
                first = false;
                let t = l.trim_start();
                format!(
                    "{indent}{}{t}",
                    if source.lang == Lang::Py {
                        "    "
                    } else {
                        "  "
                    }
                )
            } else {
                l
            }
        })
        .collect();
    let lead = if line_start { indent.as_str() } else { "" };
    let text = match source.lang {
        Lang::Py => format!(
            "{lead}try:{newline}{}{newline}{indent}finally:{newline}{indent}    {call}",
            body.join(newline)
        ),
        _ => format!(
            "{lead}try {{{newline}{}{newline}{indent}}} finally {{{newline}{indent}  {call};{newline}{indent}}}",
            body.join(newline)
        ),
    };
    Some(Fix {
        message: format!("Release it in `finally` (`{call}`)"),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: rest_span,
            content: text,
        }],
        related_edits: Vec::new(),
    })
}

//! `unclosed-session` (CL202): a session, connection or checked-out pool client that is not
//! closed or released on every path. Docs: rules/unclosed-session.md

use crate::diagnostic::{Finding, Severity};
use crate::catalog::ClientDef;
use crate::facts::{CheckoutField, ClientKind, Closing, Parked, ScopeKind, SessionSite};
use crate::fixgen::try_finally::{help, wrap_fix};
use crate::rules::{Check, ProjectCx};
use crate::source::Lang;

crate::declare_rule! {
    UnclosedSession {
        id: "unclosed-session",
        code: "CL202",
        summary: "a session, connection or checked-out pool client is not closed or released on every path",
        langs: [Lang::Ts, Lang::Js, Lang::Py, Lang::Rs],
        severity: Error,
        fix: Sometimes,
        // `requests.Session()` built per request and never closed: hoisting it fixes both
        yields_to: ["per-request-client"],
    }
}

impl Check for UnclosedSession {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        parked(cx, out);
        from_factories(cx, out);
        for (fi, file) in cx.files.iter().enumerate() {
            for s in &file.facts.sessions {
                // A loop that goes on past an open transaction (`continue`) keeps going however
                // often its function runs.
                let loop_exit = s.sql_state.as_ref().is_some_and(|st| st.loop_exit);
                // Module-level sessions live as long as the process; startup code and tests run
                // once and exit.
                if matches!(s.scope.kind, ScopeKind::Module | ScopeKind::Test)
                    || s.scope.kind == ScopeKind::Startup && !loop_exit
                {
                    continue;
                }
                // A function only start-up code calls (`initDatabase()` from each server's
                // `start`) runs once too: an exception there ends the start-up.
                // (Its loops run over a bounded set, once: `[engine.connect() for _ in
                // range(20)]` warming a pool up.)
                if matches!(s.scope.kind, ScopeKind::Function | ScopeKind::Loop)
                    && !loop_exit
                    && s.in_fn
                        .is_some_and(|f| cx.graph.startup_only.contains(&(fi, f)))
                {
                    continue;
                }
                if s
                    .receiver_import
                    .as_ref()
                    .is_some_and(|r| !keeps_client(cx, fi, r))
                {
                    continue;
                }
                let pooled = s.kind == ClientKind::Checkout;
                let early = s.early_return.is_some();
                let (severity, what) = match (s.closing, pooled) {
                    (Closing::Always | Closing::HandedOver, _) => continue,
                    (Closing::Never, true) => (Severity::Error, "is never returned to the pool"),
                    (Closing::Never, false) => (Severity::Error, "is never closed"),
                    // A `return` before its release (or before the `try` whose `finally`
                    // releases it): that path always leaves it out, not only an exception.
                    (Closing::NotOnErrorPaths, true) if early => (
                        Severity::Error,
                        "is not returned to the pool on an early `return` before its release",
                    ),
                    (Closing::NotOnErrorPaths, false) if early => (
                        Severity::Error,
                        "is not closed on an early `return` before it is closed",
                    ),
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
                if let Some(state) = &s.sql_state {
                    out.push(sql_state_finding(fi, s, state, library));
                    continue;
                }
                let on_owner = cx
                    .catalog
                    .by_id(&s.client)
                    .is_some_and(|d| d.release_on_owner);
                let transaction = cx.catalog.by_id(&s.client).is_some_and(|d| d.transaction);
                let fix = if transaction || (early && s.early_before_try) {
                    // Committing in `finally` would commit failed work; a `try` of its own
                    // around the rest would release it twice.
                    None
                } else if cx.memo.fix_allowed(fi, file.source.text.len()) {
                    wrap_fix(s, &file.source, on_owner)
                } else {
                    None
                };
                let help = if early && !transaction {
                    let name = s.binding.as_deref().unwrap_or("it");
                    format!(
                        "release `{name}` before that `return` (or in a `finally`), or acquire it after the checks that return early"
                    )
                } else if transaction {
                    let name = s.binding.as_deref().unwrap_or("it");
                    format!(
                        "end `{name}` on every path: `commit()` when the work succeeds, `rollback()` in a `catch` otherwise (or use the library's callback form, which does both)"
                    )
                } else {
                    help(s, file.source.lang)
                };
                out.push(Finding {
                    rule: META.id,
                    file: fi,
                    span: s.span,
                    severity,
                    message: format!("{} `{}` ({library}) {what}", noun(s), s.ctor),
                    help,
                    label: None,
                    related: s
                        .early_return
                        .map(|r| (fi, r, "returns here without releasing it".to_string()))
                        .into_iter()
                        .collect(),
                    fix,
                });
            }
        }
    }
}

/// Raw SQL that opened session state on a pooled connection (`BEGIN`) that some path does not
/// end: the connection goes back to the pool with it.
fn sql_state_finding(
    fi: usize,
    s: &SessionSite,
    state: &crate::facts::SqlState,
    library: &str,
) -> Finding {
    let conn = s
        .binding
        .as_deref()
        .map(|b| format!(" `{b}`"))
        .unwrap_or_default();
    // A single connection the caller handed over (`fn reserve(pg: &mut Client)`), not a checkout.
    let (on, after) = if s.kind == ClientKind::Connection {
        (
            "the connection",
            "the caller's connection stays in it for whatever runs on it next",
        )
    } else {
        (
            "the pooled connection",
            "the connection goes back to the pool with it open",
        )
    };
    let (severity, message) = if s.closing == Closing::Never {
        (
            Severity::Error,
            format!(
                "`{}` opens a {} on {on}{conn} ({library}) and nothing ends it: {after}",
                state.statement, state.what
            ),
        )
    } else {
        let skips = if state.loop_exit {
            "a `continue` or `break`"
        } else {
            "an error or an early return"
        };
        (
            Severity::Warning,
            format!(
                "`{}` opens a {} on {on}{conn} ({library}) that {skips} skips ending: {after}",
                state.statement, state.what
            ),
        )
    };
    Finding {
        rule: META.id,
        file: fi,
        span: s.span,
        severity,
        message,
        help: format!(
            "end it ({}) on every path: run the fallible work first and end it whatever the outcome, or use the library's transaction type (sqlx `pool.begin()`, tokio-postgres `client.transaction()`), which rolls back when dropped",
            state.ends
        ),
        label: None,
        related: Vec::new(),
        fix: None,
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

/// Does the module a checkout's receiver is imported from keep a client of the expected entry
/// under that name (`export const db = new pg.Pool(…)`)?
fn keeps_client(cx: &ProjectCx<'_>, fi: usize, r: &crate::facts::ImportedReceiver) -> bool {
    let root = &cx.files[fi].source.project.root;
    cx.files.iter().any(|f| {
        f.source.project.root == *root
            && r.module.names_any(&f.facts.module_keys)
            && f.facts.clients.iter().any(|c| {
                c.scope.kind == ScopeKind::Module
                    && c.client == r.on
                    && c.binding.as_deref().is_some_and(|b| {
                        b == r.name
                            // `import type { Db } from "./db"` with `export type Db = typeof pool`.
                            || f.facts
                                .type_aliases
                                .iter()
                                .any(|(alias, value)| *alias == r.name && value == b)
                    })
            })
    })
}

/// Rust: a checkout or transaction put into a collection kept in a struct field or a `static`
/// that holds such values (`self.held.lock().await.insert(peer, conn)` with `held:
/// Mutex<HashMap<SocketAddr, PooledConnection<…>>>`, the struct in any file of the project;
/// `OPEN.lock().await.insert(token, tx)` with `static OPEN: LazyLock<Mutex<HashMap<Uuid,
/// Transaction<…>>>>`). Dropping it would give the connection back; kept there, it stays
/// checked out until other code takes it out again, and a peer that never asks for that (or goes
/// away first) keeps it for good. Start-up code that parks a connection for the life of the
/// process is left alone.
/// Is struct `owner` built only by start-up code: it has a constructor (`new`, `default`, …: a
/// method of its `impl` returning `Self`, by name, or with `associated` any of its associated
/// functions that take no `self`) and every one is called only once (from
/// `main`, a start-up function)? Then it lives as long as the process (an actor, a registry).
fn built_at_startup_only(cx: &ProjectCx<'_>, owner: &str, associated: bool) -> bool {
    let mut ctors = cx.files.iter().enumerate().flat_map(|(fi, f)| {
        f.facts
            .functions
            .iter()
            .enumerate()
            .filter(move |(_, func)| {
                // (Or, with `associated`, any associated function of its `impl` that takes no
                // `self`: `Recorder::start(&pool, house)`.)
                func.owner.as_deref() == Some(owner)
                    && (matches!(func.name.as_str(), "new" | "default" | "with_pool" | "connect" | "init" | "create" | "open")
                        || (associated && func.method && !func.receiver))
            })
            .map(move |(i, _)| (fi, i))
    });
    let mut any = false;
    let all = ctors.all(|id| {
        any = true;
        cx.graph.startup_only.contains(&id)
    });
    any && all
}

fn parked(cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
    let mut fields: std::collections::HashMap<(&std::path::Path, &str), Vec<&CheckoutField>> =
        std::collections::HashMap::new();
    for file in cx.files.iter() {
        for f in &file.facts.checkout_fields {
            fields
                .entry((file.source.project.root.as_path(), f.field.as_str()))
                .or_default()
                .push(f);
        }
    }
    for (fi, file) in cx.files.iter().enumerate() {
        for p in &file.facts.parked {
            if p.scope.kind == ScopeKind::Test {
                continue;
            }
            // (In start-up code, for the life of the process; in a function run per peer, for the
            // peer's: as many connections held as there are peers.)
            if p.across_loop {
                out.push(held_across_loop(fi, p));
                continue;
            }
            let Some(field) = fields
                .get(&(file.source.project.root.as_path(), p.field.as_str()))
                .and_then(|fs| {
                    fs.iter()
                        .find(|f| p.owner.as_deref().is_none_or(|o| o == f.owner))
                })
            else {
                continue;
            };
            let Some(def) = cx.catalog.by_id(&field.client) else {
                continue;
            };
            // One checkout kept where it lives as long as the process: a `static`, or the field
            // of a struct only start-up code builds. Start-up code doing it is the case.
            if field.single {
                // (A transaction a unit-of-work type begins in its `start` ends with its commit:
                // only a connection's holder is read by any associated constructor.)
                let associated = def.kind != ClientKind::Session;
                if field.owner.is_empty() || built_at_startup_only(cx, &field.owner, associated) {
                    out.push(kept_for_good(fi, p, field, def));
                }
                continue;
            }
            if matches!(p.scope.kind, ScopeKind::Module | ScopeKind::Startup)
                || p.in_fn
                    .is_some_and(|f| cx.graph.startup_only.contains(&(fi, f)))
            {
                continue;
            }
            // A struct's own collection outlives the call only when the struct does.
            if field.own && !built_at_startup_only(cx, &field.owner, false) {
                continue;
            }
            let (what, stays) = match def.kind {
                ClientKind::Session => ("transaction", "its connection stays"),
                _ => ("pooled connection", "it stays"),
            };
            // A static has no owner: `OPEN`, not `Leases.held`.
            let place = if field.owner.is_empty() {
                field.field.clone()
            } else {
                format!("{}.{}", field.owner, field.field)
            };
            out.push(Finding {
                rule: META.id,
                file: fi,
                span: p.span,
                severity: Severity::Error,
                message: format!(
                    "the {what} `{}` ({}) is kept in `{place}`, which outlives this call: {stays} \
                     checked out of the pool until other code takes it out",
                    p.ctor, def.library
                ),
                help: format!(
                    "hold a pooled connection for one request only; if it must outlive the \
                     request, take it out of `{}` on every path that ends its use \
                     (disconnect, error, timeout), for example in a guard's `Drop`",
                    field.field
                ),
                label: Some((p.at, format!("kept in `{}` here", field.field))),
                related: Vec::new(),
                fix: None,
            });
        }
    }
}

/// A checkout held by a loop that does not end (see [`Parked::across_loop`]).
fn held_across_loop(fi: usize, p: &Parked) -> Finding {
    if p.idle {
        return Finding {
            rule: META.id,
            file: fi,
            span: p.span,
            severity: Severity::Warning,
            message: format!(
                "the pooled connection `{}` stays checked out while a loop that does not end \
                 runs: it is never given back to the pool",
                p.ctor
            ),
            help: format!(
                "give it back once its work is done, before the loop: `drop({})` (or check it out \
                 in a block of its own)",
                p.field
            ),
            label: Some((p.at, format!("`{}` is still held while this loop runs, which never ends", p.field))),
            related: Vec::new(),
            fix: None,
        };
    }
    Finding {
        rule: META.id,
        file: fi,
        span: p.span,
        severity: Severity::Warning,
        message: format!(
            "the pooled connection `{}` is held by a loop that does not end: it is never given \
             back, and the pool can neither check nor replace it (after a database restart or \
             failover, every use of it fails until the process restarts)",
            p.ctor
        ),
        help: format!(
            "check a connection out of the pool inside the loop, where it is used, and let it \
             drop at the end of each iteration (or use a plain connection that reconnects \
             instead of `{}`)",
            p.field
        ),
        label: Some((p.at, format!("`{}` is used in this loop, which never ends", p.field))),
        related: Vec::new(),
        fix: None,
    }
}

/// A checkout kept in a single slot for the life of the process (see [`CheckoutField::single`]).
fn kept_for_good(fi: usize, p: &Parked, field: &CheckoutField, def: &ClientDef) -> Finding {
    let what = match def.kind {
        ClientKind::Session => "transaction",
        _ => "pooled connection",
    };
    let place = if field.owner.is_empty() {
        field.field.clone()
    } else {
        format!("{}.{}", field.owner, field.field)
    };
    Finding {
        rule: META.id,
        file: fi,
        span: p.span,
        severity: Severity::Error,
        message: format!(
            "the {what} `{}` ({}) is kept in `{place}` for the life of the process: it is never \
             given back, and the pool can neither check nor replace it (after a database restart \
             or failover, every use of it fails until the process restarts)",
            p.ctor, def.library
        ),
        help: format!(
            "keep the pool in `{place}` instead, and check a connection out where it is used \
             (it goes back to the pool when dropped)"
        ),
        label: Some((p.at, format!("kept in `{}` here", field.field))),
        related: Vec::new(),
        fix: None,
    }
}

/// Python: a session a project function returns (`def new_session(): return SessionLocal()`),
/// taken where the caller runs per request or per call and never closed there (no `with`, no
/// `close()`, not returned, not handed on, not kept on an owner): the same leak as a session
/// opened in place, one call away.
fn from_factories(cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
    use crate::facts::{Guard, Returned};
    let mut factories: std::collections::HashMap<(usize, usize), (usize, usize)> =
        std::collections::HashMap::new();
    for (fi, file) in cx.files.iter().enumerate() {
        if file.source.lang != Lang::Py {
            continue;
        }
        for (si, s) in file.facts.sessions.iter().enumerate() {
            // Sessions and connections (a client a factory returns is `per-request-client`'s),
            // from a function nothing memoises (`@lru_cache` returns one for every call).
            if s.returned
                && !s.in_generator
                && s.sql_state.is_none()
                && matches!(
                    s.kind,
                    ClientKind::Session | ClientKind::Checkout | ClientKind::Connection
                )
                && s.scope.kind == ScopeKind::Function
                && let Some(f) = s.in_fn
                && !file
                    .facts
                    .functions
                    .get(f)
                    .is_some_and(|func| func.guard.is_guarded())
            {
                factories.entry((fi, f)).or_insert((fi, si));
            }
        }
    }
    if factories.is_empty() {
        return;
    }
    for (fi, file) in cx.files.iter().enumerate() {
        if file.source.lang != Lang::Py || crate::pools::is_auxiliary(&file.source.rel) {
            continue;
        }
        for (ci, call) in file.facts.calls.iter().enumerate() {
            let Some(target) = cx.graph.call_targets.get(&(fi, ci)) else {
                continue;
            };
            let Some(&(sf, si)) = factories.get(target) else {
                continue;
            };
            if (call.released && !call.release_unguarded)
                || call.handed
                || call.returned != Returned::No
                || call.guard != Guard::None
                || !matches!(
                    call.scope.kind,
                    ScopeKind::Handler | ScopeKind::Function | ScopeKind::Loop
                )
                || call
                    .in_fn
                    .is_some_and(|f| cx.graph.startup_only.contains(&(fi, f)))
            {
                continue;
            }
            let Some(session) = cx.files[sf].facts.sessions.get(si) else {
                continue;
            };
            let library = cx
                .catalog
                .by_id(&session.client)
                .map(|d| d.library.as_str())
                .unwrap_or("");
            let release = session.release.as_deref().unwrap_or("close");
            out.push(Finding {
                rule: META.id,
                file: fi,
                span: call.span,
                severity: Severity::Warning,
                message: format!(
                    "{} `{}()` returns (`{}`, {library}) is {} here",
                    noun(session),
                    call.callee,
                    session.ctor,
                    if call.released {
                        "not closed when an exception is raised"
                    } else {
                        "never closed"
                    }
                ),
                help: format!(
                    "open it with `with {}() as …:` or call `{release}()` in a `finally`",
                    call.callee
                ),
                label: None,
                related: vec![(sf, session.span, format!("`{}` opens it here", session.ctor))],
                fix: None,
            });
        }
    }
}

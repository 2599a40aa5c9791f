//! `per-request-client` (CL101): a client or pool built per request, per render or per call.
//! Docs: rules/per-request-client.md

use crate::callgraph::{CallGraph, FnId, Origin, PerRequest};
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::facts::{ClientKind, FileFacts, Guard, Returned, Scope, ScopeKind};
use crate::rules::{ProjectCx, Check, with_article};
use crate::fixgen::shared_client;
use crate::source::{Lang, SourceFile, Span};

crate::declare_rule! {
    PerRequestClient {
        id: "per-request-client",
        code: "CL101",
        summary: "a client or connection pool is built inside a request handler, a component body or a function called per request",
        langs: [Lang::Ts, Lang::Tsx, Lang::Js, Lang::Py, Lang::Rs],
        severity: Error,
        fix: Sometimes,
    }
}

impl Check for PerRequestClient {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, file) in cx.files.iter().enumerate() {
            let facts = &file.facts;
            for (ci, c) in facts.clients.iter().enumerate() {
                if !c.kind.is_long_lived()
                    || guarded(facts, c.guard, c.in_fn)
                    || wraps_shared_pool(cx, fi, ci)
                {
                    continue;
                }
                let edge_ok = cx.catalog.by_id(&c.client).is_some_and(|d| d.edge_ok) && c.released;
                let what = Built::Client { file: fi, idx: ci };
                let verdict = judge(
                    cx.graph, fi, facts, &c.scope, c.in_fn, c.released, c.returned, c.kind,
                );
                emit(cx, out, what, verdict, edge_ok);
            }
            for (ci, call) in facts.calls.iter().enumerate() {
                let Some(target) = cx.graph.call_targets.get(&(fi, ci)) else {
                    continue;
                };
                if !cx.graph.is_factory(*target) || guarded(facts, call.guard, call.in_fn) {
                    continue;
                }
                if let Some(Origin::Client { file: of, idx }) = cx.graph.factories.get(target)
                    && wraps_shared_pool(cx, *of, *idx)
                {
                    continue;
                }
                let verdict = match judge(
                    cx.graph,
                    fi,
                    facts,
                    &call.scope,
                    call.in_fn,
                    call.released,
                    call.returned,
                    ClientKind::Pool,
                ) {
                    // A factory calling a factory is judged at its own callers.
                    Verdict::Factory { .. } => Verdict::Silent,
                    v => v,
                };
                emit(
                    cx,
                    out,
                    Built::Call {
                        file: fi,
                        idx: ci,
                        target: *target,
                    },
                    verdict,
                    false,
                );
            }
        }
    }
}

/// Is client `idx` of `file` built on an existing pool (`redis.Redis(connection_pool=POOL)`,
/// catalogue `shared_pool_options`)? Then building it per call opens nothing.
fn wraps_shared_pool(cx: &ProjectCx<'_>, file: usize, idx: usize) -> bool {
    let Some(f) = cx.files.get(file) else {
        return false;
    };
    let Some(c) = f.facts.clients.get(idx) else {
        return false;
    };
    let Some(def) = cx.catalog.by_id(&c.client) else {
        return false;
    };
    !def.shared_pool_options.is_empty()
        && f.facts.client_config(idx).is_some_and(|cfg| {
            def.shared_pool_options
                .iter()
                .any(|k| cfg.option(k).is_some())
        })
}

/// The construction or factory call being judged.
#[derive(Clone, Copy)]
enum Built {
    Client {
        file: usize,
        idx: usize,
    },
    Call {
        file: usize,
        idx: usize,
        target: FnId,
    },
}

enum Verdict {
    Silent,
    /// Runs per request / render / iteration: the scope says which.
    PerRequest {
        scope: Scope,
        via: Option<PerRequest>,
    },
    /// In a plain function, never released: a new client per call.
    PerCall,
    /// Returns the client: judged at its call sites; `true` when the project has none.
    Factory {
        uncalled: bool,
    },
}

fn guarded(facts: &FileFacts, guard: Guard, mut in_fn: Option<usize>) -> bool {
    if guard.is_guarded() {
        return true;
    }
    while let Some(f) = facts.function(in_fn) {
        if f.guard.is_guarded() {
            return true;
        }
        in_fn = f.parent;
    }
    false
}

/// The nearest enclosing function (itself or an ancestor) that runs per request.
fn per_request_fn(
    graph: &CallGraph,
    file: usize,
    facts: &FileFacts,
    mut in_fn: Option<usize>,
) -> Option<PerRequest> {
    while let Some(i) = in_fn {
        if let Some(p) = graph.per_request.get(&(file, i)) {
            return Some(p.clone());
        }
        in_fn = facts.function(Some(i)).and_then(|f| f.parent);
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn judge(
    graph: &CallGraph,
    file: usize,
    facts: &FileFacts,
    scope: &Scope,
    in_fn: Option<usize>,
    released: bool,
    returned: Returned,
    kind: ClientKind,
) -> Verdict {
    match scope.kind {
        ScopeKind::Module | ScopeKind::Startup | ScopeKind::Test | ScopeKind::Effect => {
            Verdict::Silent
        }
        ScopeKind::Handler | ScopeKind::Component | ScopeKind::Loop => Verdict::PerRequest {
            scope: scope.clone(),
            via: None,
        },
        ScopeKind::Function => {
            // Returning the client hands it over (a factory, judged at its callers); returning
            // something derived from it (`client.db(name)`) does not: the client leaks here.
            if returned == Returned::Direct {
                let uncalled = in_fn.is_some_and(|f| !graph.callers.contains_key(&(file, f)));
                return Verdict::Factory { uncalled };
            }
            if let Some(via) = per_request_fn(graph, file, facts, in_fn) {
                return Verdict::PerRequest {
                    scope: scope.clone(),
                    via: Some(via),
                };
            }
            let runs_once = in_fn.is_some_and(|f| graph.startup_only.contains(&(file, f)));
            if kind == ClientKind::Throwaway || released || runs_once {
                Verdict::Silent
            } else {
                Verdict::PerCall
            }
        }
    }
}

fn emit(cx: &ProjectCx<'_>, out: &mut Vec<Finding>, built: Built, verdict: Verdict, edge_ok: bool) {
    let (file, span, ctor, noun, scope) = describe(cx, built);
    let f = &cx.files[file];
    let mut related = Vec::new();
    if let Built::Call { target, .. } = built
        && let Some(Origin::Client { file: of, idx }) = cx.graph.factories.get(&target)
        && let Some(c) = cx.files[*of].facts.clients.get(*idx)
    {
        related.push((*of, c.span, format!("`{}` builds the client here", c.ctor)));
    }
    let is_factory = matches!(verdict, Verdict::Factory { .. });
    if matches!(verdict, Verdict::PerCall | Verdict::Factory { .. }) && per_call_ok(cx, built) {
        return;
    }
    let (severity, message, label, help) = match verdict {
        Verdict::Silent => return,
        Verdict::PerRequest { .. } if edge_ok => return,
        Verdict::Factory { uncalled } => {
            let application = f.source.project.application;
            if !(uncalled && application) || matches!(built, Built::Call { .. }) {
                return;
            }
            (
                Severity::Warning,
                format!(
                    "{ctor} in `{}` builds a new {noun} on every call, and no caller was found",
                    scope.name.as_deref().unwrap_or("this function")
                ),
                None,
                format!(
                    "{} If it is only called once at startup, keep it; otherwise cache the {noun}.",
                    shared_help(f.source.lang, "")
                ),
            )
        }
        Verdict::PerCall => (
            Severity::Warning,
            format!(
                "{ctor} in `{}` builds a new {noun} on every call and never closes it",
                scope.name.as_deref().unwrap_or("this function")
            ),
            None,
            shared_help(f.source.lang, ""),
        ),
        Verdict::PerRequest { scope: s, via } => {
            let (when, label) = match (&via, s.kind) {
                (Some(p), _) => {
                    let (when, where_) = via_text(cx, p);
                    (
                        when,
                        scope_label(&s).map(|sp| {
                            (
                                sp,
                                format!(
                                    "`{}` runs {where_}",
                                    s.name.as_deref().unwrap_or("this function")
                                ),
                            )
                        }),
                    )
                }
                (None, ScopeKind::Component) => (
                    "on every render".to_string(),
                    scope_label(&s)
                        .map(|sp| (sp, format!("{} renders many times", describe_scope(&s)))),
                ),
                (None, ScopeKind::Loop) => ("on every iteration of a loop".to_string(), None),
                (None, _) if s.framework() == "actix-worker" => {
                    ("once per worker thread".to_string(), None)
                }
                (None, _) => (
                    "on every request".to_string(),
                    scope_label(&s)
                        .map(|sp| (sp, format!("{} runs on every request", describe_scope(&s)))),
                ),
            };
            let framework = match &via {
                Some(PerRequest::HandlerRef { framework, .. }) => framework.clone(),
                Some(PerRequest::CalledFrom(call)) => cx.files[call.0]
                    .facts
                    .calls
                    .get(call.1)
                    .map(|c| c.scope.framework().to_string())
                    .unwrap_or_default(),
                None => s.framework().to_string(),
            };
            let in_what = if via.is_none() && s.kind != ScopeKind::Loop {
                format!(" in {}", describe_scope(&s))
            } else {
                String::new()
            };
            (
                Severity::Error,
                format!("{ctor}{in_what} builds a new {noun} {when}"),
                label,
                shared_help(f.source.lang, &framework),
            )
        }
    };
    let fix = match built {
        _ if !cx.memo.fix_allowed(file, f.source.text.len()) => None,
        Built::Client { idx, .. } => {
            let c = &f.facts.clients[idx];
            let def = cx.catalog.by_id(&c.client);
            let releases = def.map(|d| d.release.clone()).unwrap_or_default();
            let movable =
                !def.is_some_and(|d| d.loop_bound || d.call_ctors(&c.ctor).any(|k| k.loop_bound));
            singleton_fix(&f.source, c, def)
                .or_else(|| default_connection_fix(&f.source, c, def))
                .or_else(|| shared_fix(&f.source, c, def))
                .or_else(|| with_loop_fix(&f.source, c))
                .or_else(|| {
                    (!is_factory && movable)
                        .then(|| {
                            let export = shared_client::find_export(cx, file, idx, None);
                            // The project's shared client, imported under the local's name
                            // where the local declaration can go.
                            let value_import = export
                                .as_ref()
                                .filter(|e| e.form == shared_client::SharedForm::Value)
                                .and_then(|e| {
                                    let local = c.binding.as_deref()?;
                                    // Pool tuning of its own gives way to the shared client's.
                                    shared_client::dropped_options(f.source.slice(c.span))?;
                                    if !shared_client::substitutable(cx, e) {
                                        return None;
                                    }
                                    let target = &cx.files[e.file].source;
                                    if f.source.lang == Lang::Py {
                                        return Some(crate::fixgen::py_line_after_imports(
                                            &f.source.text,
                                            Some(c.anchors.module_insert?),
                                            &shared_client::py_import(target, &e.name, local)?,
                                        ));
                                    }
                                    shared_client::import_edit(
                                        &f.source,
                                        target,
                                        e,
                                        local,
                                        c.anchors.module_insert,
                                    )
                                });
                            value_import
                                .and_then(|i| hoist_fix(&f.source, c, &releases, Some(i)))
                                .or_else(|| {
                                    shared_client::shared_expr_fix(
                                        cx,
                                        file,
                                        idx,
                                        export.as_ref()?,
                                        &releases,
                                    )
                                })
                                .or_else(|| hoist_fix(&f.source, c, &releases, None))
                                .or_else(|| with_hoist_fix(&f.source, c))
                        })
                        .flatten()
                })
                .or_else(|| factory_fix(cx, file, idx, file))
        }
        Built::Call { target, .. } => match cx.graph.factories.get(&target) {
            Some(Origin::Client { file: of, idx })
                if (*of, Some(target.1))
                    == (
                        target.0,
                        cx.files[*of].facts.clients.get(*idx).and_then(|c| c.in_fn),
                    ) =>
            {
                factory_fix(cx, *of, *idx, file)
            }
            _ => None,
        },
    }
    .or_else(|| {
        Some(Fix {
            message: format!("Share one client: {help}"),
            applicability: Applicability::DisplayOnly,
            edits: Vec::new(),
            related_edits: Vec::new(),
        })
    });
    out.push(Finding {
        rule: META.id,
        file,
        span,
        severity,
        message,
        help,
        label,
        related,
        fix,
    });
}

/// Is the client (built here, or by the factory a call reaches) one the catalogue says may be
/// built per call of a plain function (`boto3.Session()`)?
fn per_call_ok(cx: &ProjectCx<'_>, built: Built) -> bool {
    let site = match built {
        Built::Client { file, idx } => cx.files[file].facts.clients.get(idx),
        Built::Call { target, .. } => match cx.graph.factories.get(&target) {
            Some(Origin::Client { file, idx }) => cx.files[*file].facts.clients.get(*idx),
            None => None,
        },
    };
    let Some(c) = site else { return false };
    let Some(def) = cx.catalog.by_id(&c.client) else {
        return false;
    };
    def.call_ctors(&c.ctor).any(|k| k.per_call_ok)
}

/// (file, span, constructor text, what it builds, scope) of a judged site.
fn describe(cx: &ProjectCx<'_>, built: Built) -> (usize, Span, String, String, Scope) {
    match built {
        Built::Client { file, idx } => {
            let c = &cx.files[file].facts.clients[idx];
            let lib = cx
                .catalog
                .by_id(&c.client)
                .map(|d| d.library.clone())
                .unwrap_or_else(|| c.client.clone());
            (
                file,
                c.span,
                format!("`{}`", c.ctor),
                format!("{lib} {}", kind_noun(c.kind)),
                c.scope.clone(),
            )
        }
        Built::Call { file, idx, target } => {
            let call = &cx.files[file].facts.calls[idx];
            let noun = match cx.graph.factories.get(&target) {
                Some(Origin::Client { file: of, idx: ci }) => cx.files[*of]
                    .facts
                    .clients
                    .get(*ci)
                    .map(|c| {
                        let lib = cx
                            .catalog
                            .by_id(&c.client)
                            .map(|d| d.library.clone())
                            .unwrap_or_else(|| c.client.clone());
                        format!("{lib} {} (through `{}`)", kind_noun(c.kind), c.ctor)
                    })
                    .unwrap_or_else(|| "client".into()),
                None => "client".into(),
            };
            (
                file,
                call.span,
                format!("`{}()`", call.callee),
                noun,
                call.scope.clone(),
            )
        }
    }
}

fn kind_noun(kind: ClientKind) -> &'static str {
    match kind {
        ClientKind::Pool => "connection pool",
        ClientKind::Client => "client",
        ClientKind::Connection => "connection",
        ClientKind::Throwaway => "client (and connection)",
        ClientKind::Sdk => "client",
        ClientKind::Session | ClientKind::Checkout => "session",
    }
}

fn scope_label(s: &Scope) -> Option<Span> {
    s.span
}

fn via_text(cx: &ProjectCx<'_>, p: &PerRequest) -> (String, String) {
    match p {
        PerRequest::HandlerRef {
            file, framework, ..
        } => (
            "on every request".into(),
            format!(
                "on every request: it is registered as {} handler in {}",
                with_article(framework_name(framework)),
                cx.files[*file].source.display
            ),
        ),
        PerRequest::CalledFrom((file, idx)) => {
            let call = &cx.files[*file].facts.calls[*idx];
            let caller = describe_scope(&call.scope);
            let when = match call.scope.kind {
                ScopeKind::Component => "on every render",
                ScopeKind::Loop => "on every iteration of a loop",
                _ => "on every request",
            };
            (
                when.into(),
                format!(
                    "{when}: it is called from {caller} ({}:{})",
                    cx.files[*file].source.display,
                    cx.files[*file].source.position(call.span.start).line
                ),
            )
        }
    }
}

fn framework_name(f: &str) -> &str {
    match f {
        "next-route" => "Next.js route",
        "next-page" => "Next.js page",
        "next-api" => "Next.js API route",
        "next-middleware" => "Next.js middleware",
        "next-ssr" => "getServerSideProps",
        "server-action" => "server action",
        "express" => "Express",
        "koa" => "Koa",
        "fastify" => "Fastify",
        "hono" => "Hono",
        "trpc" => "tRPC",
        "fastapi" => "FastAPI",
        "flask" => "Flask",
        "django" => "Django",
        "celery" => "Celery",
        "lambda" => "Lambda",
        "axum" => "axum",
        "actix" | "actix-worker" => "actix-web",
        "rocket" => "Rocket",
        "tonic" => "tonic",
        other => other,
    }
}

fn describe_scope(s: &Scope) -> String {
    let name = s
        .name
        .as_deref()
        .map(|n| format!(" `{n}`"))
        .unwrap_or_default();
    let what = match (s.kind, s.framework()) {
        (_, "next-route") => "Next.js route handler",
        (_, "next-page") => "server component",
        (_, "next-api") => "API route",
        (_, "next-middleware") => "middleware",
        (_, "next-ssr") => "getServerSideProps",
        (_, "server-action") => "server action",
        (_, "react-hook") => "hook",
        (ScopeKind::Component, _) => "component",
        (_, "actix-worker") => "the `HttpServer::new` app factory",
        (_, "celery") => "Celery task",
        (_, "lambda") => "Lambda handler",
        (_, "trpc") => "tRPC procedure",
        (ScopeKind::Handler, f) if !f.is_empty() => {
            return format!("{} handler{name}", framework_name(f));
        }
        (ScopeKind::Handler, _) => "request handler",
        _ => "function",
    };
    format!("{what}{name}")
}

/// The fix, in words, for the framework at hand.
fn shared_help(lang: Lang, framework: &str) -> String {
    let s = match framework {
        "next-route" | "next-page" | "next-api" | "next-middleware" | "next-ssr"
        | "server-action" => {
            "create the client once in a shared module (e.g. `lib/db.ts`, cached on `globalThis` so hot reloads reuse it) and import it here"
        }
        "express" | "koa" | "fastify" | "hono" | "trpc" => {
            "create the client once at module scope (e.g. in `db.ts`) and import it in your handlers"
        }
        "react-component" | "react-hook" => {
            "create the client once outside the component (module scope), memoize it with `useMemo`/`useState(() => …)`, or use the SDK's singleton (`StreamChat.getInstance`, `StreamVideoClient.getOrCreateInstance`)"
        }
        "fastapi" => {
            "create the engine/client once at module scope or in the FastAPI `lifespan`, and hand out per-request sessions with a dependency (`Depends(get_session)`)"
        }
        "flask" => {
            "create the engine/client once at module scope or in `create_app()`, and reuse it in views"
        }
        "django" => {
            "create the client once at module scope (or use Django's `DATABASES` connection handling) and reuse it in views"
        }
        "celery" => {
            "create the client once per worker process at module scope (or in a `worker_process_init` handler)"
        }
        "lambda" => {
            "create the client outside the handler, at module scope, so warm invocations reuse it"
        }
        "axum" => {
            "build the pool once in `main` and share it with `Router::with_state(...)` / `State<...>` (it is cheap to clone)"
        }
        "actix" => {
            "build the pool once in `main` and share it with `App::app_data(web::Data::new(...))`"
        }
        "actix-worker" => {
            "`HttpServer::new` runs its closure once per worker: build the pool before `HttpServer::new` and move a clone (`web::Data`) into the closure"
        }
        "rocket" => {
            "build it once and share it with `rocket::build().manage(...)` and a `&State<...>` parameter"
        }
        "tonic" => "build it once and store it in the service struct",
        _ => match lang {
            Lang::Py => {
                "create it once at module scope, or cache the getter with `@functools.lru_cache`, and reuse it"
            }
            Lang::Rs => {
                "create it once (in `main`, or in a `static` `LazyLock`) and pass it in; clients and pools are cheap to clone"
            }
            _ => "create it once at module scope and reuse it (or pass it in)",
        },
    };
    s.to_string()
}

/// Hoist `const client = new X(static args);` out of the handler: one shared declaration at
/// the end of the module (TS/JS, Python; it runs when the module loads, before any request) or a
/// `static` `LazyLock` (Rust, for `Type::new()`), and the local statement removed (TS/JS, Python)
/// or bound to the shared one (Rust). Only for clients the handler does not close (closing a
/// shared client would break the next request) and whose arguments use nothing local.
fn hoist_fix(
    source: &SourceFile,
    c: &crate::facts::ClientSite,
    releases: &[String],
    shared_import: Option<Edit>,
) -> Option<Fix> {
    // A single connection (pg `Client`, `psycopg2.connect`) must not be shared: it needs a pool.
    // In a loop of a Python or Rust function, static arguments cannot use the loop variable (a
    // local); a loop at module scope binds module-level names, which `args_are_static` does not
    // see, and the TS front-end does not count loop variables as locals.
    if !c.anchors.args_are_static
        || c.kind == ClientKind::Connection
        || (c.scope.kind == ScopeKind::Loop
            && (c.in_fn.is_none() || !matches!(source.lang, Lang::Py | Lang::Rs)))
    {
        return None;
    }
    let name = c.binding.as_deref()?;
    let stmt = c.anchors.statement?;
    let text = source.text.as_str();
    // Built only under a condition (`if (env.REDIS_HOST) { … }`): at module scope it would be
    // built unconditionally.
    if in_conditional_block(source, stmt.start as usize) {
        return None;
    }
    let ctor = source.slice(c.span).trim();
    let stmt_text = source.slice(stmt).trim().trim_end_matches(';').trim();
    // A construction over several lines keeps its shape at module level: its continuation lines
    // lose the statement's indentation.
    let stmt_indent = crate::fixgen::own_line(source, stmt).0.start as usize;
    let stmt_indent = &text[stmt_indent..stmt.start as usize];
    let moved_ctor = dedent_continuation(ctor, stmt_indent);
    let nl = crate::fixgen::newline(text);
    let eof = Span::new(text.len(), text.len());
    let sep = if text.ends_with('\n') { "" } else { nl };
    // The whole line of the statement, and whether it stands alone on it.
    let (line, alone) = crate::fixgen::own_line(source, stmt);
    let mut edits = Vec::new();
    if c.released {
        // The handler closes its client: a shared one must stay open, so the closes go.
        let removed = shared_client::remove_releases(source, stmt, name, releases)?;
        edits.extend(removed);
    }
    match source.lang {
        Lang::Rs => {
            let path = ctor.strip_suffix("::new()");
            let (Some(path), true) = (path, stmt_text == format!("let {name} = {ctor}")) else {
                return rust_static_fix(source, c);
            };
            let shared = name.to_uppercase();
            if text.contains(&format!("static {shared}:")) {
                return None;
            }
            edits.push(Edit {
                span: stmt,
                content: format!("let {name} = {shared}.clone();"),
            });
            edits.push(Edit {
                span: eof,
                content: format!("{sep}{nl}static {shared}: std::sync::LazyLock<{path}> = std::sync::LazyLock::new({path}::new);{nl}"),
            });
        }
        Lang::Py => {
            if stmt_text != format!("{name} = {ctor}") || !alone || uses_request_context(ctor) {
                return None;
            }
            let decl = format!("{name} = {moved_ctor}");
            edits.push(Edit {
                span: line,
                content: String::new(),
            });
            if let Some(import) = shared_import {
                // The project already shares one: import it rather than make another. The name
                // must be free at module level.
                if text.lines().any(|l| {
                    l.starts_with(&format!("{name} ="))
                        || l.starts_with(&format!("{name}:"))
                        || ((l.starts_with("from ") || l.starts_with("import "))
                            && l.split([' ', ',']).any(|w| w == name))
                }) {
                    return None;
                }
                return Some(import_shared(source, ctor, line, name, edits, import));
            }
            if !has_module_line(text, &decl) {
                if text.lines().any(|l| {
                    l.starts_with(&format!("{name} =")) || l.starts_with(&format!("{name}:"))
                }) {
                    return None;
                }
                edits.push(Edit {
                    span: eof,
                    content: format!("{sep}{nl}{nl}{decl}{nl}"),
                });
            }
        }
        _ => {
            let keyword = ["const ", "let ", "var "]
                .into_iter()
                .find(|k| stmt_text.starts_with(k))?;
            if stmt_text != format!("{keyword}{name} = {ctor}") || !alone {
                return None;
            }
            let decl = format!("const {name} = {moved_ctor};");
            edits.push(Edit {
                span: line,
                content: String::new(),
            });
            if let Some(import) = shared_import {
                // The project already shares one: import it rather than make another.
                if text.lines().any(|l| {
                    ["const ", "let ", "var ", "export const ", "import "]
                        .iter()
                        .any(|k| l.starts_with(k) && l.contains(&format!(" {name} ")))
                        || l.contains(&format!("{{ {name} }}"))
                }) {
                    return None;
                }
                return Some(import_shared(source, ctor, line, name, edits, import));
            }
            if !has_module_line(text, &decl) {
                if text.lines().any(|l| {
                    ["const ", "let ", "var ", "export const "]
                        .iter()
                        .any(|k| l.starts_with(&format!("{k}{name} ")))
                }) {
                    return None;
                }
                edits.push(Edit {
                    span: eof,
                    content: format!("{sep}{nl}{decl}{nl}"),
                });
            }
        }
    }
    Some(Fix {
        message: format!(
            "Share one `{name}` for the whole module instead of building it per request"
        ),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// Rust: the construction, wherever it is (a `let`, a struct field, an argument), replaced by a
/// clone of one `static` client: `Client::new()` → `CLIENT.clone()` with `static CLIENT:
/// std::sync::LazyLock<Client> = std::sync::LazyLock::new(Client::new);` at the end of the
/// module; a builder chain that ends in `.expect(…)` / `.unwrap()` moves into the initialiser
/// whole. Clients, pools and SDK clients are cheap clones sharing one pool (reqwest, sqlx,
/// deadpool). Not for single connections, fallible constructions handled with `?` or a `match`,
/// `async` ones, or arguments using anything local.
fn rust_static_fix(source: &SourceFile, c: &crate::facts::ClientSite) -> Option<Fix> {
    if source.lang != Lang::Rs
        || !c.anchors.args_are_static
        || !matches!(
            c.kind,
            ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
        )
    {
        return None;
    }
    let text = source.text.as_str();
    let ctor = source.slice(c.span).trim();
    if ctor.contains(".await") || ctor.contains('?') {
        return None;
    }
    let is_path = |p: &str| {
        !p.is_empty()
            && p.split("::").all(|seg| {
                !seg.is_empty() && seg.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
            })
    };
    let after = &text[c.span.end as usize..];
    let (path, init, taken) = if let Some(path) = ctor.strip_suffix("::new()") {
        (path, format!("{path}::new"), 0)
    } else {
        // `reqwest::Client::builder()….build()` then `.expect("…")` or `.unwrap()`.
        let path = &ctor[..ctor.find("::builder()")?];
        let rest = after.trim_start();
        let skipped = after.len() - rest.len();
        let tail_len = if rest.starts_with(".unwrap()") {
            ".unwrap()".len()
        } else if let Some(args) = rest.strip_prefix(".expect(") {
            let close = args.find(')')?;
            // A plain string message only.
            let msg = args[..close].trim();
            if !(msg.starts_with('"') && msg.ends_with('"') && !msg[1..msg.len() - 1].contains('"'))
            {
                return None;
            }
            ".expect(".len() + close + 1
        } else {
            return None;
        };
        let stmt_indent = crate::fixgen::own_line(source, c.span).0.start as usize;
        let indent = &text[stmt_indent..c.span.start as usize];
        let indent: String = indent.chars().take_while(|ch| ch.is_whitespace()).collect();
        let whole = &text[c.span.start as usize..c.span.end as usize + skipped + tail_len];
        (
            path,
            format!("|| {}", dedent_continuation(whole, &indent)),
            skipped + tail_len,
        )
    };
    if !is_path(path) {
        return None;
    }
    let base = c
        .binding
        .as_deref()
        .unwrap_or_else(|| path.rsplit("::").next().unwrap_or(path))
        .to_uppercase();
    let decl_of = |n: &str| {
        format!("static {n}: std::sync::LazyLock<{path}> = std::sync::LazyLock::new({init});")
    };
    // The first free name, or one already declared identically (another finding's fix).
    let name = (0..10)
        .map(|i| {
            if i == 0 {
                base.clone()
            } else {
                format!("{base}_{i}")
            }
        })
        .find(|n| !text.contains(&format!("static {n}:")) || text.contains(&decl_of(n)))?;
    let nl = crate::fixgen::newline(text);
    // Used in place (`Client::new().get(url)`): the static derefs to the client.
    let end = c.span.end as usize + taken;
    let used_in_place = taken == 0 && text[end..].starts_with('.');
    let mut edits = vec![Edit {
        span: Span::new(c.span.start as usize, end),
        content: if used_in_place {
            name.clone()
        } else {
            format!("{name}.clone()")
        },
    }];
    if !text.contains(&decl_of(&name)) {
        let sep = if text.ends_with('\n') { "" } else { nl };
        edits.push(Edit {
            span: Span::new(text.len(), text.len()),
            content: format!("{sep}{nl}{}{nl}", decl_of(&name)),
        });
    }
    Some(Fix {
        message: format!("Share one client: a clone of `static {name}` instead of a new one"),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// `text` with `indent` removed from the start of every line but the first (lines that do not
/// start with it are kept as they are).
fn dedent_continuation(text: &str, indent: &str) -> String {
    // Inside a multi-line string the indentation is the string's content.
    let multiline_string = text.contains("\"\"\"") || text.contains("\'\'\'") || text.contains('`');
    if multiline_string || indent.is_empty() || !indent.chars().all(|c| c == ' ' || c == '\t') {
        return text.to_string();
    }
    text.split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| match l.strip_prefix(indent) {
            Some(rest) if i > 0 => rest,
            _ => l,
        })
        .collect()
}

/// The hoist's edits (the local declaration `line` removed) completed into a fix importing the
/// project's shared client as `name`, the import `ctor` leaves unused dropped.
fn import_shared(
    source: &SourceFile,
    ctor: &str,
    line: Span,
    name: &str,
    mut edits: Vec<Edit>,
    import: Edit,
) -> Fix {
    edits.push(import);
    shared_client::push_apart(
        &mut edits,
        shared_client::unused_import_edit(source, ctor, &[line]),
    );
    Fix {
        message: format!("Import the project's shared client as `{name}`"),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    }
}

/// Does a Python construction use Flask / Django request-context objects (`current_app`,
/// `request`, `g`, `session`)? They do not exist when the module loads.
fn uses_request_context(ctor: &str) -> bool {
    // Comments are not code (`# per-request client` names no `request`).
    let mut code = String::new();
    for line in ctor.lines() {
        let mut quote: Option<char> = None;
        for ch in line.chars() {
            match quote {
                Some(q) if ch == q => quote = None,
                Some(_) => {}
                None if ch == '#' => break,
                None if ch == '"' || ch == '\'' => quote = Some(ch),
                None => {}
            }
            code.push(ch);
        }
        code.push('\n');
    }
    code.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .any(|w| matches!(w, "current_app" | "request" | "g" | "session"))
}

/// Is `decl` already a module-level line (an identical client hoisted before)?
fn has_module_line(text: &str, decl: &str) -> bool {
    text.lines().any(|l| l == decl)
}

/// `new StreamChat(key)` in a component → `StreamChat.getInstance(key)`: the library's stored
/// singleton, with the same arguments (catalogue `singleton_fix`).
fn singleton_fix(
    source: &SourceFile,
    c: &crate::facts::ClientSite,
    def: Option<&crate::catalog::ClientDef>,
) -> Option<Fix> {
    let def = def?;
    let sf = def.singleton_fix.as_ref()?;
    let text = source.slice(c.span);
    let ctor = def.constructors.iter().find_map(|k| k.new.as_deref())?;
    let args = text.strip_prefix("new ")?.trim_start().strip_prefix(ctor)?;
    let inner = args.trim_start().strip_prefix('(')?;
    if sf.object_arg && !inner.trim_start().starts_with('{') {
        return None;
    }
    Some(Fix {
        message: format!("Use the SDK's singleton: `{}(…)`", sf.call),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: c.span,
            content: format!("{}{}", sf.call, args),
        }],
        related_edits: Vec::new(),
    })
}

/// `await mongoose.connect(uri);` → `if (mongoose.connection.readyState === 0) await
/// mongoose.connect(uri);` (catalogue `default_connection`), when the statement is the connect call
/// alone.
fn default_connection_fix(
    source: &SourceFile,
    c: &crate::facts::ClientSite,
    def: Option<&crate::catalog::ClientDef>,
) -> Option<Fix> {
    let guard = def?.default_connection.as_ref()?;
    let stmt = c.anchors.statement?;
    let text = source.slice(c.span);
    if !text
        .strip_prefix(guard.call.as_str())
        .is_some_and(|rest| rest.trim_start().starts_with('('))
    {
        return None;
    }
    let before = source.slice(Span::new(stmt.start as usize, c.span.start as usize));
    let after = source.slice(Span::new(c.span.end as usize, stmt.end as usize));
    let before = before.trim();
    if !(before.is_empty() || before == "await") || !matches!(after.trim(), "" | ";") {
        return None;
    }
    Some(Fix {
        message: format!(
            "Connect only while disconnected: `if ({}) …`",
            guard.condition
        ),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: Span::new(stmt.start as usize, stmt.start as usize),
            content: format!("if ({}) ", guard.condition),
        }],
        related_edits: Vec::new(),
    })
}

/// `httpx.get(url)` / `reqwest::get(url)` → the same call on one shared client (catalogue
/// `shared`), declared once in the module.
fn shared_fix(
    source: &SourceFile,
    c: &crate::facts::ClientSite,
    def: Option<&crate::catalog::ClientDef>,
) -> Option<Fix> {
    let shared = def?.shared.as_ref()?;
    let text = source.slice(c.span);
    let open = text.find('(')?;
    let (callee, args) = text.split_at(open);
    let sep = if source.lang == Lang::Rs { "::" } else { "." };
    let method = callee
        .trim()
        .strip_prefix(&shared.prefix)?
        .strip_prefix(sep)?;
    if method.is_empty() || !method.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
        return None;
    }
    let call = shared
        .call
        .replace("{name}", &shared.name)
        .replace("{method}", method)
        .replace("{args}", args);
    let mut edits = vec![Edit {
        span: c.span,
        content: call,
    }];
    let full = source.text.as_str();
    let nl = crate::fixgen::newline(full);
    if !full.lines().any(|l| l.trim() == shared.declare) {
        // A name of ours already taken by something else: leave it to the user.
        if full.contains(&shared.name) {
            return None;
        }
        let insert = if shared.at_end {
            None
        } else {
            c.anchors.module_insert
        };
        edits.push(match insert {
            Some(at) => Edit {
                span: Span::new(at as usize, at as usize),
                content: format!("{nl}{}{nl}", shared.declare),
            },
            None => {
                let sep = if full.ends_with('\n') { "" } else { nl };
                Edit {
                    span: Span::new(full.len(), full.len()),
                    content: format!("{sep}{nl}{}{nl}", shared.declare),
                }
            }
        });
    }
    Some(Fix {
        message: format!("Reuse one client: call `{}` instead", shared.name),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// Python: `for x in xs:` / `async with Client() as c:` (the `with` alone in the loop, using
/// nothing the loop binds) → the two headers swapped: one client, opened around the loop.
fn with_loop_fix(source: &SourceFile, c: &crate::facts::ClientSite) -> Option<Fix> {
    if c.scope.kind != ScopeKind::Loop {
        return None;
    }
    let w = c.anchors.with_stmt.as_ref()?;
    let loop_header = w.loop_header?;
    let (a, b) = (source.slice(loop_header), source.slice(w.header));
    if loop_header.end > w.header.start {
        return None;
    }
    Some(Fix {
        message: "Open the client once, around the loop".into(),
        applicability: Applicability::Unsafe,
        edits: vec![
            Edit {
                span: loop_header,
                content: b.to_string(),
            },
            Edit {
                span: w.header,
                content: a.to_string(),
            },
        ],
        related_edits: Vec::new(),
    })
}

/// Python: `async with httpx.AsyncClient(…) as client:` in a handler, with arguments that use
/// nothing of the request → `client = httpx.AsyncClient(…)` once at the end of the module, the
/// `with` line removed and its block dedented. Only for a one-item header written
/// `[async ]with <construction> as <name>:` on one line, a block without multi-line strings
/// (dedenting would change them), and a name the function binds nowhere else.
fn with_hoist_fix(source: &SourceFile, c: &crate::facts::ClientSite) -> Option<Fix> {
    if source.lang != Lang::Py
        || !c.anchors.args_are_static
        || c.kind == ClientKind::Connection
        || (c.scope.kind == ScopeKind::Loop && c.in_fn.is_none())
    {
        return None;
    }
    let w = c.anchors.with_stmt.as_ref()?;
    let text = source.text.as_str();
    let ctor = source.slice(c.span);
    let header = source.slice(w.header);
    let name = header
        .strip_prefix("async ")
        .unwrap_or(header)
        .strip_prefix("with ")?
        .trim_start()
        .strip_prefix(ctor)?
        .trim_start()
        .strip_prefix("as ")?
        .trim()
        .strip_suffix(':')?
        .trim();
    if name.is_empty() || !name.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
        return None;
    }
    if uses_request_context(ctor) {
        return None;
    }
    // The header alone on its line (a trailing comment aside).
    let (line, alone) = crate::fixgen::own_line(source, w.header);
    if !alone {
        return None;
    }
    let (line_start, line_end) = (line.start as usize, line.end as usize);
    let base = w.header.start as usize - line_start;
    if in_conditional_block(source, line_start) {
        return None;
    }
    // The block: the following lines indented deeper (blank lines included).
    let mut end = line_end;
    let mut body_indent: Option<usize> = None;
    let mut pos = line_end;
    while pos < text.len() {
        let next = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = &text[pos..next];
        if !line.trim().is_empty() {
            let ind = line.len() - line.trim_start().len();
            if ind <= base {
                break;
            }
            body_indent = Some(body_indent.map_or(ind, |b| b.min(ind)));
            end = next;
        }
        pos = next;
    }
    let body_indent = body_indent?;
    let body = &text[line_end..end];
    if body.contains("\"\"\"") || body.contains("'''") || body.contains('\t') {
        return None;
    }
    // The name bound elsewhere in the function would stay local (and unbound here).
    // (The header itself, possibly over several lines, binds it: not counted.)
    let fn_text = enclosing_def(text, line_start, base).replacen(header, "", 1);
    let binds = |l: &str| {
        let t = l.trim_start();
        t.starts_with(&format!("{name} ="))
            || t.starts_with(&format!("{name}: "))
            || t.contains(&format!(" as {name}")) && !t.contains(ctor)
    };
    if fn_text.lines().any(binds)
        || text
            .lines()
            .any(|l| l.starts_with(&format!("{name} =")) && l != format!("{name} = {ctor}"))
    {
        return None;
    }
    let cut = body_indent - base;
    let dedented: String = body
        .split_inclusive('\n')
        .map(|l| {
            if l.trim().is_empty() {
                l.trim_start_matches([' ']).to_string()
            } else {
                l[cut.min(l.len() - l.trim_start().len())..].to_string()
            }
        })
        .collect();
    let decl = format!(
        "{name} = {}",
        dedent_continuation(ctor, &text[line_start..w.header.start as usize])
    );
    let nl = crate::fixgen::newline(text);
    let mut edits = vec![Edit {
        span: Span::new(line_start, end),
        content: dedented,
    }];
    if !has_module_line(text, &decl) {
        let sep = if text.ends_with('\n') { "" } else { nl };
        edits.push(Edit {
            span: Span::new(text.len(), text.len()),
            content: format!("{sep}{nl}{nl}{decl}{nl}"),
        });
    }
    Some(Fix {
        message: format!(
            "Share one `{name}` for the whole module instead of opening it per request"
        ),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// Is the line at `pos` inside an `if` / `else` / `elif` / `case` / `match` / `switch` block?
/// Read from indentation: the nearest line above indented less is the block's header.
fn in_conditional_block(source: &SourceFile, pos: usize) -> bool {
    let text = source.text.as_str();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let at = source.lines.line_of(u32::try_from(pos).unwrap_or(u32::MAX));
    let own = indent_of(source.slice(source.lines.line_span(text, at)));
    for line in (0..at).rev() {
        let line = source.slice(source.lines.line_span(text, line));
        if line.trim().is_empty() || indent_of(line) >= own {
            continue;
        }
        let t = line.trim();
        let t = t.strip_prefix('}').unwrap_or(t).trim_start();
        return [
            "if ", "if(", "else", "elif ", "case ", "default:", "switch", "match ",
        ]
        .iter()
        .any(|k| t.starts_with(k));
    }
    false
}

/// The text of the Python `def` enclosing the line at `line_start` (indented `indent`): from the
/// nearest `def` / `async def` line above indented less, to the next line indented as little.
fn enclosing_def(text: &str, line_start: usize, indent: usize) -> &str {
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut start = 0;
    let mut def_indent = 0;
    let mut pos = line_start;
    while pos > 0 {
        let prev = text[..pos - 1].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line = &text[prev..pos];
        let t = line.trim_start();
        if (t.starts_with("def ") || t.starts_with("async def ")) && indent_of(line) < indent {
            start = prev;
            def_indent = indent_of(line);
            break;
        }
        pos = prev;
    }
    let mut end = text.len();
    let mut p = text[start..]
        .find('\n')
        .map(|i| start + i + 1)
        .unwrap_or(text.len());
    while p < text.len() {
        let next = text[p..]
            .find('\n')
            .map(|i| p + i + 1)
            .unwrap_or(text.len());
        let line = &text[p..next];
        if !line.trim().is_empty() && indent_of(line) <= def_indent {
            end = p;
            break;
        }
        p = next;
    }
    &text[start..end]
}

/// A factory (`def get_engine(): return create_engine(URL)`, `function getDb() { return new
/// MongoClient(uri) }`) made to build its client once: `@functools.cache` (Python) or a
/// module-level cache (`??=`, on `globalThis` in Next.js apps). The edit is in the factory's
/// file (`at`), for a finding in `from`. Only for a free function without parameters whose
/// construction is its return value and uses nothing local, when no caller closes what it gets
/// (a shared client must stay open).
fn factory_fix(cx: &ProjectCx<'_>, at: usize, idx: usize, from: usize) -> Option<Fix> {
    let file = cx.files.get(at)?;
    let facts = &file.facts;
    let c = facts.clients.get(idx)?;
    let fn_idx = c.in_fn?;
    let f = facts.functions.get(fn_idx)?;
    // Callers that close the client they get would close the shared one.
    let closes = cx.graph.callers.get(&(at, fn_idx)).is_some_and(|calls| {
        calls.iter().any(|(cf, ci)| {
            cx.files
                .get(*cf)
                .and_then(|x| x.facts.calls.get(*ci))
                .is_some_and(|call| call.released)
        })
    });
    if closes
        || c.guard.is_guarded()
        || !matches!(
            c.kind,
            ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
        )
    {
        return None;
    }
    // Rust: a parameterless free function whose whole body is cached (a `LazyLock` initialiser
    // or an `async` body kept in a `OnceLock`) may build its client from locals.
    let rust_whole_fn = file.source.lang == Lang::Rs
        && !(f.method || f.parent.is_some() || f.params != 0)
        && c.returned == Returned::Direct;
    if !c.anchors.args_are_static && !rust_whole_fn {
        return None;
    }
    // The project already shares one: the factory hands that out instead.
    let shared = c
        .anchors
        .args_are_static
        .then(|| shared_client::find_export(cx, at, idx, None))
        .flatten()
        .and_then(|e| {
            let releases = cx
                .catalog
                .by_id(&c.client)
                .map(|d| d.release.clone())
                .unwrap_or_default();
            shared_client::shared_expr_fix(cx, at, idx, &e, &releases)
        });
    if let Some(fix) = shared {
        return Some(if at == from {
            fix
        } else {
            Fix {
                related_edits: fix.edits.into_iter().map(|e| (at, e)).collect(),
                edits: Vec::new(),
                ..fix
            }
        });
    }
    let source = &file.source;
    // Rust: the construction inside the factory (`Self { client: Client::new(), … }`) becomes
    // a clone of one `static` client, whatever else the factory builds.
    let whole_body = !(f.method || f.parent.is_some() || f.params != 0)
        && c.returned == Returned::Direct
        && rust_lazy_body(&source.text, f.span).is_some();
    if source.lang == Lang::Rs
        && !whole_body
        && c.anchors.args_are_static
        && let Some(fix) = rust_static_fix(source, c)
    {
        return Some(if at == from {
            fix
        } else {
            Fix {
                related_edits: fix.edits.into_iter().map(|e| (at, e)).collect(),
                edits: Vec::new(),
                ..fix
            }
        });
    }
    if f.method || f.parent.is_some() || f.params != 0 || c.returned != Returned::Direct {
        return None;
    }
    let text = source.text.as_str();
    let nl = crate::fixgen::newline(text);
    let mut edits = Vec::new();
    match source.lang {
        Lang::Py => {
            let def_line = f.def_line? as usize;
            let line = &text[def_line..];
            let indent = &line[..line.len() - line.trim_start().len()];
            // `@cache` on an `async def` would cache one coroutine, awaited twice.
            if line.trim_start().starts_with("async ") {
                return None;
            }
            let has_import = text.lines().any(|l| l.trim() == "import functools");
            edits.push(Edit {
                span: Span::new(def_line, def_line),
                content: format!("{indent}@functools.cache{nl}"),
            });
            if !has_import {
                edits.push(crate::fixgen::py_line_after_imports(
                    text,
                    c.anchors.module_insert,
                    "import functools",
                ));
            }
        }
        Lang::Ts | Lang::Tsx | Lang::Js => {
            if !c.anchors.direct_return {
                return None;
            }
            let ctor_text = source.slice(c.span);
            let base = cache_name(&c.ctor);
            let name = (0..10)
                .map(|i| {
                    if i == 0 {
                        base.clone()
                    } else {
                        format!("{base}{i}")
                    }
                })
                .find(|n| !text.contains(n.as_str()))?;
            let ty = if source.lang == Lang::Js {
                None
            } else {
                Some(ts_type(ctor_text)?)
            };
            let (decl, expr) = if file.source.project.nextjs {
                let g = format!("{name}Global");
                let decl = match &ty {
                    Some(t) => format!("const {g} = globalThis as unknown as {{ {name}?: {t} }};"),
                    None => format!("const {g} = globalThis;"),
                };
                (decl, format!("({g}.{name} ??= {ctor_text})"))
            } else {
                let decl = match &ty {
                    Some(t) => format!("let {name}: {t} | undefined;"),
                    None => format!("let {name};"),
                };
                (decl, format!("({name} ??= {ctor_text})"))
            };
            edits.push(Edit {
                span: c.span,
                content: expr,
            });
            let at = c.anchors.module_insert.map(|a| a as usize).unwrap_or(0);
            let content = if at == 0 {
                format!("{decl}{nl}")
            } else {
                format!("{nl}{decl}")
            };
            edits.push(Edit {
                span: Span::new(at, at),
                content,
            });
        }
        Lang::Rs => edits
            .push(rust_lazy_body(text, f.span).or_else(|| rust_async_memo(text, f.span, &f.name))?),
        _ => return None,
    }
    let message = format!("Build it once: cache `{}` where it is defined", f.name);
    let (edits, related_edits) = if at == from {
        (edits, Vec::new())
    } else {
        (Vec::new(), edits.into_iter().map(|e| (at, e)).collect())
    };
    Some(Fix {
        message,
        applicability: Applicability::Unsafe,
        edits,
        related_edits,
    })
}

/// `_prismaClient` for `new PrismaClient()`, `_postgres` for `postgres()`.
fn cache_name(ctor: &str) -> String {
    let head = ctor.trim_start_matches("new ");
    let head = head.split('(').next().unwrap_or(head);
    let last = head.rsplit(['.', ':']).next().unwrap_or(head);
    let mut chars = last.chars();
    match chars.next() {
        Some(first) if first.is_alphabetic() => {
            format!("_{}{}", first.to_lowercase(), chars.as_str())
        }
        _ => "_client".into(),
    }
}

/// The TypeScript type of a construction: `X` for `new X(…)` (type arguments kept),
/// `ReturnType<typeof f>` for `f(…)`.
fn ts_type(ctor_text: &str) -> Option<String> {
    let open = ctor_text.find('(')?;
    let head = ctor_text[..open].trim();
    if head == "new" {
        return None;
    }
    let ident = |t: &str| {
        !t.is_empty()
            && t.chars().all(|ch| {
                ch.is_alphanumeric() || matches!(ch, '_' | '$' | '.' | '<' | '>' | ',' | ' ')
            })
    };
    if let Some(ty) = head.strip_prefix("new ") {
        let ty = ty.trim();
        return ident(ty).then(|| ty.to_string());
    }
    (ident(head) && !head.contains('<')).then(|| format!("ReturnType<typeof {head}>"))
}

/// A parameterless Rust function `… fn name() -> RET { BODY }` as written, from its name span.
struct RustFnText<'a> {
    /// The line up to the name (`pub async fn `).
    header: &'a str,
    /// The indentation of that line.
    indent: &'a str,
    /// The return type: non-empty, without `where`, of names, paths and `<…>` only.
    ret: &'a str,
    /// The body's braces.
    open: usize,
    close: usize,
    body: &'a str,
}

fn rust_fn_text(text: &str, name: Span) -> Option<RustFnText<'_>> {
    let line_start = text[..name.start as usize]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let rest = text[name.end as usize..]
        .trim_start()
        .strip_prefix('(')?
        .trim_start()
        .strip_prefix(')')?;
    let rest = rest.trim_start().strip_prefix("->")?;
    let open_rel = rest.find('{')?;
    let ret = rest[..open_rel].trim();
    if ret.is_empty()
        || ret.contains("where")
        || !ret
            .chars()
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | ':' | '<' | '>' | ',' | ' '))
    {
        return None;
    }
    let open = text.len() - rest.len() + open_rel;
    let close = matching_brace(text, open)?;
    let line = &text[line_start..];
    Some(RustFnText {
        header: &text[line_start..name.start as usize],
        indent: &line[..line.len() - line.trim_start().len()],
        ret,
        open,
        close,
        body: &text[open + 1..close],
    })
}

/// A function body's lines one level (four spaces) deeper, without its first and last newlines.
fn indent_body(body: &str, nl: &str) -> String {
    body.trim_matches(|c| c == '\n' || c == '\r')
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join(nl)
}

/// Rust: `fn http_client() -> reqwest::Client { BODY }` → `{ static SHARED: LazyLock<reqwest::Client>
/// = LazyLock::new(|| { BODY }); SHARED.clone() }`: the body becomes the lazy initialiser and
/// every call clones the one client (reqwest, sqlx, redis and mongodb clients are cheap handles).
/// `name` is the function's name span. Only for `fn name() -> Type {` without generics, `async`,
/// `?`, `.await` or a `Result` / `Option` / `impl` return type.
fn rust_lazy_body(text: &str, name: Span) -> Option<Edit> {
    let f = rust_fn_text(text, name)?;
    let ret = f.ret;
    if ["Result", "Option", "impl", "Self", "&"].iter().any(|w| {
        ret.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '&'))
            .any(|t| t == *w)
    }) {
        return None;
    }
    // The header before the name must not be `async` (a lazy initialiser cannot await).
    if f.header.contains("async") {
        return None;
    }
    let body = f.body;
    if body.contains('?')
        || body.contains(".await")
        || body.contains("return")
        || body.contains("self")
        || may_hold_multiline_string(body)
    {
        return None;
    }
    let indent = f.indent;
    let nl = crate::fixgen::newline(text);
    let inner = indent_body(body, nl);
    Some(Edit {
        span: Span::new(f.open, f.close + 1),
        content: format!(
            "{{{nl}{indent}    static SHARED: std::sync::LazyLock<{ret}> = std::sync::LazyLock::new(|| {{{nl}{inner}{nl}{indent}    }});{nl}{indent}    SHARED.clone(){nl}{indent}}}"
        ),
    })
}

/// The offset of the `}` matching the `{` at `open` (string literals with unbalanced braces
/// would mislead it; the fixed file is re-parsed, and a broken result dropped).
fn matching_brace(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, ch) in text.get(open..)?.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Lines that may sit inside a multi-line string literal (raw strings, an odd number of quotes
/// on a line, a line continuation): re-indenting them would change the string.
fn may_hold_multiline_string(body: &str) -> bool {
    // A raw string starts with `r"` or `r#` after something that is not part of a name.
    let raw = body.match_indices('r').any(|(i, _)| {
        matches!(body.as_bytes().get(i + 1), Some(b'"' | b'#'))
            && !body[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == '_')
    });
    raw || body.contains("\\\n")
        || body.lines().any(|l| {
            l.replace("\\\\", "")
                .replace("\\\"", "")
                .matches('"')
                .count()
                % 2
                == 1
        })
}

/// Rust: `async fn get_pool() -> anyhow::Result<PgPool> { BODY }` → the pool is kept in a
/// `static` `OnceLock` the first successful call fills; BODY moves unchanged into a nested
/// `async fn get_pool_uncached()`. Only for `async fn name() -> T` or `-> …Result<T, …>` without
/// generics, `self` or a multi-line string in BODY. Two first calls racing may both build one;
/// the second is dropped.
fn rust_async_memo(text: &str, name: Span, fn_name: &str) -> Option<Edit> {
    let f = rust_fn_text(text, name)?;
    if !f.header.split_whitespace().any(|w| w == "async") {
        return None;
    }
    let ret = f.ret;
    // `…Result<T>` / `…Result<T, E>`: the value type is the first argument.
    let (ty, fallible) = match ret.find('<') {
        Some(lt) if ret[..lt].rsplit("::").next() == Some("Result") => {
            let args = ret[lt + 1..].strip_suffix('>')?;
            let mut depth = 0i32;
            let mut end = args.len();
            for (i, ch) in args.char_indices() {
                match ch {
                    '<' => depth += 1,
                    '>' => depth -= 1,
                    ',' if depth == 0 => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            (args[..end].trim(), true)
        }
        _ => (ret, false),
    };
    let words = |t: &str| {
        t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| matches!(w, "Option" | "impl" | "Self" | "dyn"))
    };
    if ty.is_empty() || words(ty) {
        return None;
    }
    let body = f.body;
    let inner_name = format!("{fn_name}_uncached");
    let cache = format!("{}_CACHE", fn_name.to_uppercase());
    if body.contains("self")
        || body.contains("Self")
        || body.contains(&inner_name)
        || text.contains(&cache)
        || may_hold_multiline_string(body)
    {
        return None;
    }
    let indent = f.indent;
    let nl = crate::fixgen::newline(text);
    let inner = indent_body(body, nl);
    let u = "    ";
    let (ok_cached, q, ok_built) = if fallible {
        ("Ok(cached.clone())", "?", "Ok(built)")
    } else {
        ("cached.clone()", "", "built")
    };
    let content = [
        "{".to_string(),
        format!(
            "{indent}{u}static {cache}: std::sync::OnceLock<{ty}> = std::sync::OnceLock::new();"
        ),
        format!("{indent}{u}if let Some(cached) = {cache}.get() {{"),
        format!("{indent}{u}{u}return {ok_cached};"),
        format!("{indent}{u}}}"),
        format!("{indent}{u}async fn {inner_name}() -> {ret} {{"),
        inner,
        format!("{indent}{u}}}"),
        format!("{indent}{u}let built = {inner_name}().await{q};"),
        format!("{indent}{u}let _ = {cache}.set(built.clone());"),
        format!("{indent}{u}{ok_built}"),
        format!("{indent}}}"),
    ]
    .join(nl);
    Some(Edit {
        span: Span::new(f.open, f.close + 1),
        content,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn name_span(text: &str, name: &str) -> Span {
        let at = text.find(&format!("fn {name}")).unwrap() + 3;
        Span::new(at, at + name.len())
    }

    #[test]
    fn rust_factory_body_becomes_a_lazy_initialiser() {
        let text =
            "pub fn pool() -> PgPool {\n    PgPoolOptions::new().connect_lazy(URL).unwrap()\n}\n";
        let e = rust_lazy_body(text, name_span(text, "pool")).unwrap();
        let (fixed, n) = crate::fix::apply_edits(text, &[e]);
        assert_eq!(n, 1);
        assert_eq!(
            fixed,
            "pub fn pool() -> PgPool {\n    static SHARED: std::sync::LazyLock<PgPool> = std::sync::LazyLock::new(|| {\n        PgPoolOptions::new().connect_lazy(URL).unwrap()\n    });\n    SHARED.clone()\n}\n"
        );
        assert!(crate::fix::parses(Lang::Rs, &fixed));
    }

    #[test]
    fn rust_async_factory_is_kept_in_a_once_lock() {
        let text = "async fn get_pool() -> anyhow::Result<PgPool> {\n    let url = database_url()?;\n    Ok(PgPool::connect(&url).await?)\n}\n";
        let e = rust_async_memo(text, name_span(text, "get_pool"), "get_pool").unwrap();
        let (fixed, _) = crate::fix::apply_edits(text, &[e]);
        assert_eq!(
            fixed,
            "async fn get_pool() -> anyhow::Result<PgPool> {\n    static GET_POOL_CACHE: std::sync::OnceLock<PgPool> = std::sync::OnceLock::new();\n    if let Some(cached) = GET_POOL_CACHE.get() {\n        return Ok(cached.clone());\n    }\n    async fn get_pool_uncached() -> anyhow::Result<PgPool> {\n        let url = database_url()?;\n        Ok(PgPool::connect(&url).await?)\n    }\n    let built = get_pool_uncached().await?;\n    let _ = GET_POOL_CACHE.set(built.clone());\n    Ok(built)\n}\n"
        );
        assert!(crate::fix::parses(Lang::Rs, &fixed));
        // `Result<T, E>`: the value type is the first argument.
        let text = "pub async fn db() -> Result<PgPool, sqlx::Error> {\n    PgPool::connect(URL).await\n}\n";
        let e = rust_async_memo(text, name_span(text, "db"), "db").unwrap();
        assert!(e.content.contains("OnceLock<PgPool>"), "{}", e.content);
        // Not async, an `Option`, `self`, or a multi-line string in the body: no edit.
        for (text, name) in [
            ("fn c() -> PgPool {\n    make()\n}\n", "c"),
            (
                "async fn c() -> Option<PgPool> {\n    make().await\n}\n",
                "c",
            ),
            (
                "async fn c() -> PgPool {\n    let s = \"a\n b\";\n    make(s).await\n}\n",
                "c",
            ),
            (
                "async fn c() -> PgPool {\n    make(r#\"x\"#).await\n}\n",
                "c",
            ),
        ] {
            assert!(
                rust_async_memo(text, name_span(text, name), name).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn rust_factory_fix_refuses_what_a_lazy_lock_cannot_hold() {
        for text in [
            "fn c() -> reqwest::Result<Client> {\n    Client::builder().build()\n}\n",
            "async fn c() -> PgPool {\n    PgPool::connect(URL).await.unwrap()\n}\n",
            "fn c() -> Client {\n    Client::builder().build().map_err(log)?\n}\n",
            "fn c<T>() -> Client {\n    Client::new()\n}\n",
            "fn c() -> impl Clone {\n    Client::new()\n}\n",
        ] {
            assert!(
                rust_lazy_body(text, name_span(text, "c")).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn conditional_blocks_are_seen_from_indentation() {
        let project = || std::sync::Arc::new(crate::project::Project::with_deps(&[]));
        let ts = "function f() {\n  if (env.REDIS_HOST) {\n    const r = new Redis();\n  }\n  const s = new Redis();\n}\n";
        let f = SourceFile::in_memory("a.ts", ts, project()).unwrap();
        assert!(in_conditional_block(&f, ts.find("const r").unwrap()));
        assert!(!in_conditional_block(&f, ts.find("const s").unwrap()));
        let py = "def f():\n    if url:\n        e = create_engine(url)\n    else:\n        e = None\n    r = Redis()\n";
        let f = SourceFile::in_memory("a.py", py, project()).unwrap();
        assert!(in_conditional_block(&f, py.find("e = create").unwrap()));
        assert!(in_conditional_block(&f, py.find("e = None").unwrap()));
        assert!(!in_conditional_block(&f, py.find("r = Redis").unwrap()));
        // Classic Mac line endings are lines too.
        let mac = py.replace('\n', "\r");
        let f = SourceFile::in_memory("a.py", &mac, project()).unwrap();
        assert!(in_conditional_block(&f, mac.find("e = create").unwrap()));
        assert!(!in_conditional_block(&f, mac.find("r = Redis").unwrap()));
    }

    #[test]
    fn hoisted_continuation_lines_lose_the_statement_indent() {
        assert_eq!(
            dedent_continuation("httpx.AsyncClient(\n        base_url=URL,\n    )", "    "),
            "httpx.AsyncClient(\n    base_url=URL,\n)"
        );
        assert_eq!(
            dedent_continuation("new Pool({\n    sql: `a\n    b`,\n  })", "  "),
            "new Pool({\n    sql: `a\n    b`,\n  })"
        );
    }

    #[test]
    fn cache_names_and_types_follow_the_constructor() {
        assert_eq!(cache_name("new PrismaClient()"), "_prismaClient");
        assert_eq!(cache_name("postgres()"), "_postgres");
        assert_eq!(cache_name("new Redis.Cluster()"), "_cluster");
        assert_eq!(
            ts_type("new PrismaClient({ log: [] })").as_deref(),
            Some("PrismaClient")
        );
        assert_eq!(
            ts_type("createClient({ url })").as_deref(),
            Some("ReturnType<typeof createClient>")
        );
        assert_eq!(ts_type("new (getCtor())()"), None);
    }
}

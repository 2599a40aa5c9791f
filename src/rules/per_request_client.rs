//! `per-request-client` (CL101): a client or pool built per request, per render or per call.
//! Docs: rules/per-request-client.md

use crate::callgraph::{CallGraph, FnId, Origin, PerRequest};
use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::facts::{
    ClientKind, FileFacts, Guard, FINITE_LOOP, INFERRED, ITEMS_LOOP, Returned, Scope, ScopeKind,
};
use crate::rules::{ProjectCx, Check, with_article};
use crate::fixgen::hoist::*;
use crate::fixgen::memoize::*;
use crate::fixgen::share::*;
use crate::fixgen::shared_client;
use crate::source::{Lang, Span};

mod describe;
use describe::*;

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
                    || (guarded(facts, c.guard, c.in_fn)
                        && !owned_by_per_request_instance(cx, fi, c))
                    || wraps_shared_pool(cx, fi, ci)
                    || opened_from_local_client(file, ci)
                    || dialect_only(cx, fi, ci)
                    || given_by_callers(cx, fi, c.in_fn, c.fallback_param.as_ref())
                    || left_out_by_callers(cx, fi, c.in_fn, c.needs_param.as_ref())
                {
                    continue;
                }
                let edge_ok = cx.catalog.by_id(&c.client).is_some_and(|d| d.edge_ok) && c.released;
                let what = Built::Client { file: fi, idx: ci };
                // Rust drops a local client when its function ends (`Drop`); one handed to what
                // a parameter holds (`setup_handlers(app, pool)`) is kept there: no leak.
                let released = c.released || c.handed || file.source.lang == Lang::Rs;
                let verdict = judge(
                    cx.graph,
                    fi,
                    facts,
                    &c.scope,
                    c.in_fn,
                    released,
                    c.returned,
                    c.kind,
                    file.source.project.application,
                );
                emit(cx, out, what, verdict, edge_ok);
            }
            for (ci, call) in facts.calls.iter().enumerate() {
                let Some(target) = cx.graph.call_targets.get(&(fi, ci)) else {
                    continue;
                };
                if !cx.graph.is_factory(*target)
                    || guarded(facts, call.guard, call.in_fn)
                    || given_by_callers(cx, fi, call.in_fn, call.fallback_param.as_ref())
                    || left_out_by_callers(cx, fi, call.in_fn, call.needs_param.as_ref())
                    || builds_only_when_given(cx, *target, call)
                {
                    continue;
                }
                if let Some(Origin::Client { file: of, idx }) = cx.graph.factories.get(target)
                    && (wraps_shared_pool(cx, *of, *idx) || dialect_only(cx, *of, *idx))
                {
                    continue;
                }
                // Stored per element (`clients.push(make_client(t))`): as often as the function.
                let mut scope = call.scope.clone();
                if call.collected && scope.kind == ScopeKind::Loop {
                    scope.kind = ScopeKind::Function;
                }
                let verdict = match judge(
                    cx.graph,
                    fi,
                    facts,
                    &scope,
                    call.in_fn,
                    // As for a construction: Rust drops what a factory gave it when the
                    // function returns (or whoever it handed the value on to does).
                    call.released || call.handed || file.source.lang == Lang::Rs,
                    call.returned,
                    cx.graph.origin_kind(|f| &cx.files[f].facts, *target),
                    file.source.project.application,
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

/// Is connection `idx` opened from a client the same function built before it, unguarded
/// (`let c = redis::Client::open(url)?; let con = c.get_multiplexed_async_connection().await?`)?
/// One bug, reported once: at the client, whose fix (build it once) removes both.
fn opened_from_local_client(file: &crate::facts::CheckedFile, idx: usize) -> bool {
    let facts = &file.facts;
    let Some(c) = facts.clients.get(idx) else {
        return false;
    };
    let text = file.source.slice(c.span);
    // `Client::open(url).and_then(|client| client.get_connection())`: opened in a closure
    // given the client the chain just built.
    let chained = |o: &crate::facts::ClientSite| {
        o.span.end <= c.span.start
            && file
                .source
                .text
                .get(o.span.end as usize..c.span.start as usize)
                .and_then(|between| {
                    // (Past line comments: `Client::open(url) // why` then `.and_then(…)`.)
                    let mut rest = between.trim_start();
                    while rest.starts_with("//") {
                        rest = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
                    }
                    let rest = rest.strip_prefix('.')?.trim_start();
                    let rest = ["and_then", "map", "then"]
                        .iter()
                        .find_map(|m| rest.strip_prefix(m))?
                        .trim_start()
                        .strip_prefix('(')?
                        .trim_start();
                    let rest = rest.strip_prefix("move").unwrap_or(rest).trim_start();
                    let (name, tail) = rest.strip_prefix('|')?.split_once('|')?;
                    let name = name.trim().trim_start_matches("mut ").trim();
                    (tail.trim().is_empty() && !name.is_empty()).then_some(name)
                })
                .and_then(|name| text.strip_prefix(name))
                .is_some_and(|rest| rest.trim_start().starts_with('.'))
    };
    c.kind == ClientKind::Connection
        && c.in_fn.is_some()
        && facts.clients[..idx].iter().any(|o| {
            o.in_fn == c.in_fn
                && o.family == c.family
                && matches!(o.kind, ClientKind::Client | ClientKind::Pool)
                && o.guard == Guard::None
                && o.scope.kind == c.scope.kind
                && (o.binding.as_deref().is_some_and(|b| {
                    // `client.get_connection()`, or the method on the next line
                    text.strip_prefix(b)
                        .is_some_and(|rest| rest.trim_start().starts_with('.'))
                }) || chained(o))
        })
}

/// Is client `idx` built on a URL naming no server (`create_engine("postgresql://")`, an engine
/// kept for its dialect's type tables)? It never connects, so it opens no pool.
fn dialect_only(cx: &ProjectCx<'_>, file: usize, idx: usize) -> bool {
    let Some(f) = cx.files.get(file) else {
        return false;
    };
    let config = crate::pools::config_of(f, idx);
    match crate::pools::url_ref(cx.files, file, config).map(|(_, u)| u) {
        Some(crate::facts::UrlRef::Literal { text, .. }) => text
            .split_once("://")
            .is_some_and(|(scheme, rest)| {
                !scheme.starts_with("sqlite") && rest.trim_matches('/').is_empty()
            }),
        _ => false,
    }
}

/// Is client `idx` of `file` built on an existing pool (`redis.Redis(connection_pool=POOL)`,
/// catalogue `shared_pool_options`), pinned to one request's target (`per_target_options`), or
/// bound to the credentials its caller gave (`credential_options`)? Then building it per call
/// is no pool that should have been shared.
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
    if def.shared_pool_options.is_empty()
        && def.per_target_options.is_empty()
        && def.credential_options.is_empty()
    {
        return false;
    }
    f.facts.client_config(idx).is_some_and(|cfg| {
        def.shared_pool_options
            .iter()
            .chain(&def.per_target_options)
            .any(|k| cfg.option(k).is_some())
            || (!c.anchors.args_are_static
                && cfg.options.iter().any(|o| {
                    def.credential_options.iter().any(|k| {
                        o.key == *k
                            || o.key.strip_prefix(k.as_str()).is_some_and(|r| r.starts_with('.'))
                    }) && callers_credentials(&o.value, f.source.slice(o.span))
                }))
    })
}

/// Is a credential option's value the caller's (a parameter or a local: `aws_key`,
/// `creds["AccessKeyId"]`), not the process's (a module constant, `settings.AWS_KEY`, what
/// the instance was configured with: `self._secrets["aws_secret_access_key"]`)? Module
/// constants are followed into literals; an environment lookup alone leaves the
/// construction's arguments static, which the caller checks.
fn callers_credentials(v: &crate::facts::OptValue, text: &str) -> bool {
    let t = text.trim_start_matches(['&', '*', '(']).trim_start();
    let process = ["self.", "this.", "settings.", "config.", "os.environ", "process.env", "env::"];
    match v {
        _ if process.iter().any(|p| t.starts_with(p)) => false,
        crate::facts::OptValue::Name(n) => !n.contains('.') && !n.contains("::"),
        crate::facts::OptValue::Unknown => true,
        _ => false,
    }
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

/// Built only when the caller gives no value for a parameter (`engine or self.create_client()`),
/// and the callers that run often give one (see [`CallGraph::fallback_given`]).
fn given_by_callers(
    cx: &ProjectCx<'_>,
    fi: usize,
    in_fn: Option<usize>,
    param: Option<&(String, u32)>,
) -> bool {
    match (in_fn, param) {
        (Some(f), Some(p)) => cx.graph.fallback_given(|i| &*cx.files[i].facts, (fi, f), p),
        _ => false,
    }
}

/// Built only when its function is given a parameter (`if new_connection:`) that none of the
/// callers running it often give.
fn left_out_by_callers(
    cx: &ProjectCx<'_>,
    fi: usize,
    in_fn: Option<usize>,
    param: Option<&(String, u32)>,
) -> bool {
    match (in_fn, param) {
        (Some(f), Some(p)) => {
            cx.graph
                .needed_param_left_out(|i| &*cx.files[i].facts, (fi, f), p)
        }
        _ => false,
    }
}

/// A factory that hands out a client only when given a parameter (`def bus(new_connection=False):
/// if new_connection: conn = connect() … yield conn`), called without it: it hands out what it
/// already holds.
fn builds_only_when_given(
    cx: &ProjectCx<'_>,
    (tf, tfn): crate::callgraph::FnId,
    call: &crate::facts::CallSite,
) -> bool {
    let facts = &cx.files[tf].facts;
    let handed_out = |in_fn: Option<usize>, returned: Returned| {
        in_fn == Some(tfn) && returned != Returned::No
    };
    let mut needs = facts
        .calls
        .iter()
        .filter(|c| handed_out(c.in_fn, c.returned))
        .map(|c| c.needs_param.as_ref())
        .chain(
            facts
                .clients
                .iter()
                .filter(|c| handed_out(c.in_fn, c.returned))
                .map(|c| c.needs_param.as_ref()),
        )
        .peekable();
    needs.peek().is_some() && needs.all(|p| p.is_some_and(|(name, index)| !call.gives(name, *index)))
}

/// A client kept on `self` by a constructor (`self.s3 = boto3.client("s3")` in `__init__`)
/// lives as long as the instance; when the class is instantiated per request
/// (`ReceiptWriter(request.id)` in a handler), so is the client.
fn owned_by_per_request_instance(
    cx: &ProjectCx<'_>,
    fi: usize,
    c: &crate::facts::ClientSite,
) -> bool {
    let facts = &cx.files[fi].facts;
    // (TS/JS: built from the instance's own data, `new pg.Client({ connectionString:
    // this.connectionString })`, it reaches whatever each caller names: a connection per
    // target, not one shared client built again.)
    let per_target = cx.files[fi].source.lang.is_js_family() && !c.anchors.args_are_static;
    c.guard == Guard::Owner
        && !per_target
        && c.in_fn.is_some_and(|f| {
            // Instantiated by the project's own per-request code (`new CdrWriter(evt)` in an
            // event handler), or registered as per call; not a class handed to a library that
            // may build it once (`api.registerPlatform(NAME, Platform)`).
            cx.graph.per_request.get(&(fi, f)).is_some_and(|p| {
                !matches!(p, PerRequest::HandlerRef { framework, .. } if framework == INFERRED)
            })
                && facts.function(Some(f)).is_some_and(|fun| {
                    fun.method
                        && fun.guard == Guard::None
                        && matches!(fun.scope.name.as_deref(), Some("__init__" | "constructor"))
                })
        })
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
    application: bool,
) -> Verdict {
    match scope.kind {
        ScopeKind::Module | ScopeKind::Startup | ScopeKind::Test | ScopeKind::Effect => {
            Verdict::Silent
        }
        // A guessed callback without a receiver returning the client (collectd's
        // `PluginManager::plugins` → the plugin holding it) builds what the library keeps.
        ScopeKind::Handler
            if scope.framework() == INFERRED
                && returned == Returned::Direct
                && facts
                    .function(in_fn)
                    .is_some_and(|f| f.owner.is_some() && f.method && !f.receiver) =>
        {
            Verdict::Silent
        }
        ScopeKind::Handler | ScopeKind::Component | ScopeKind::Loop => Verdict::PerRequest {
            scope: scope.clone(),
            via: None,
        },
        ScopeKind::Function => {
            // A function a framework calls itself (registered by name, or implementing its
            // trait) runs per request even when it returns what it built: tRPC's
            // `createContext` returning `{ limiter }`.
            if let Some(via) = per_request_fn(graph, file, facts, in_fn)
                && matches!(
                    via,
                    PerRequest::HandlerRef { .. } | PerRequest::Implements { .. }
                )
            {
                return Verdict::PerRequest {
                    scope: scope.clone(),
                    via: Some(via),
                };
            }
            // Returning the client, or something that holds it (`client.db(name)`), hands it
            // over: a factory, judged at its callers (when it has none, a derived handle is
            // judged here: the client leaks in this function).
            if returned == Returned::Direct
                || returned == Returned::Derived
                    && in_fn.is_some_and(|f| graph.is_factory((file, f)))
            {
                let uncalled = in_fn.is_some_and(|f| !graph.callers.contains_key(&(file, f)));
                return Verdict::Factory { uncalled };
            }
            if let Some(via) = per_request_fn(graph, file, facts, in_fn) {
                return Verdict::PerRequest {
                    scope: scope.clone(),
                    via: Some(via),
                };
            }
            // A library function that hands the client on inside what it returns
            // (`return { connection, prefix }`, `return drizzle(pool)`) and that nothing in its
            // package calls is API, like a factory: its callers are in other packages.
            let uncalled = in_fn.is_some_and(|f| !graph.callers.contains_key(&(file, f)));
            if returned == Returned::Derived && uncalled && !application {
                return Verdict::Silent;
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

/// The framework whose handler runs the construction: its own scope's, the one it is
/// registered with, or its caller's.
fn framework_of(cx: &ProjectCx<'_>, s: &Scope, via: Option<&PerRequest>) -> String {
    match via {
        Some(
            PerRequest::HandlerRef { framework, .. } | PerRequest::Implements { framework, .. },
        ) => framework.clone(),
        Some(PerRequest::CalledFrom(call)) => cx.files[call.0]
            .facts
            .calls
            .get(call.1)
            .map(|c| c.scope.framework().to_string())
            .unwrap_or_default(),
        None => s.framework().to_string(),
    }
}

fn emit(cx: &ProjectCx<'_>, out: &mut Vec<Finding>, built: Built, verdict: Verdict, edge_ok: bool) {
    // The framework of the handler it runs in, when it runs in one of its own (not called from
    // one): a fix may use what that framework shares with it.
    let handler_framework = match &verdict {
        Verdict::PerRequest { scope, via } if !matches!(via, Some(PerRequest::CalledFrom(_))) => {
            framework_of(cx, scope, via.as_ref())
        }
        _ => String::new(),
    };
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
    if in_loop(cx, &verdict) && built_def(cx, built).is_some_and(|d| d.reconnects) {
        return;
    }
    if closed_per_item(cx, built, &verdict) || unpooled(cx, built) {
        return;
    }
    // Tests, examples, benchmarks and scripts run as one-off processes: a client per loop
    // iteration, per inferred callback or per call of a helper there is a batch job's, not a
    // server's. A known framework's handler or a component in them still counts.
    // (A command-line crate whose `main` loops until the process stops, a consumer taking
    // its settings from flags, serves: what that loop builds is per message.)
    // (Also a function registered in such a file by a shape connlint infers: a plopfile's
    // `plop.setActionType("register", register)` runs it once per invocation.)
    let registered_in_auxiliary = matches!(&verdict, Verdict::PerRequest {
        via: Some(PerRequest::HandlerRef { file: rf, framework, .. }), ..
    } if framework == INFERRED
        && crate::pools::is_auxiliary_module(cx.catalog, &cx.files[*rf].source, &cx.files[*rf].facts));
    // (But a build tool's configuration file registers its callbacks for each item of the
    // build: a Contentlayer resolver per document, a bundler plugin's hook per module.)
    let config_callback = match &verdict {
        Verdict::PerRequest { scope: s, via } => {
            s.kind == ScopeKind::Handler
                && (crate::pools::is_config_file(&f.source.rel)
                    || matches!(via, Some(PerRequest::HandlerRef { file: rf, .. })
                        if crate::pools::is_config_file(&cx.files[*rf].source.rel)))
        }
        _ => false,
    };
    if (crate::pools::is_auxiliary_module(cx.catalog, &f.source, &f.facts)
        || crate::pools::is_auxiliary_project(&f.source.project.root)
        || f.source.project.test_support
        || registered_in_auxiliary)
        && !config_callback
        && !matches!(&verdict, Verdict::PerRequest { scope: s, .. }
            if matches!(s.kind, ScopeKind::Handler | ScopeKind::Component)
                && s.framework() != INFERRED)
        && !(f.source.lang == Lang::Rs
            && !crate::pools::is_auxiliary(&f.source.rel)
            && !crate::pools::is_auxiliary_project(&f.source.project.root)
            && !f.source.project.test_support
            && in_startup_loop(cx, built, &verdict))
    {
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
            // An exported factory whose module other files import is used there in a way
            // connlint does not follow (handed by name to a container, `{ useFactory:
            // createPool }`, a blueprint's `f!(crate::db::pool)`), or not at all (dead code
            // builds nothing): its callers are unknown, not absent, and it hands the client
            // over to them.
            // (The function a construction is built in; none for a factory's call.)
            let builder = match built {
                Built::Client { idx, .. } => f
                    .facts
                    .clients
                    .get(idx)
                    .and_then(|c| c.in_fn)
                    .and_then(|i| f.facts.functions.get(i)),
                Built::Call { .. } => None,
            };
            if builder.is_some_and(|func| func.exported) && shared_client::importers(cx, file) > 0
            {
                return;
            }
            // Handed on as a value (`get_engine(name, self._create_engine)`): whatever gets it
            // calls it, as often as it sees fit (a registry that caches what it builds).
            if builder.is_some_and(|func| func.value_ref) {
                return;
            }
            // A method handing its client over (`ClickHouseConnectionPool.get_connection`) is
            // called through instances connlint does not follow: its callers are unknown too.
            if builder.is_some_and(|func| func.method) {
                return;
            }
            (
                Severity::Warning,
                format!(
                    "{ctor} in {} builds a new {noun} on every call, and no caller was found",
                    fn_name(&scope)
                ),
                None,
                format!(
                    "if it is only called once at start-up, keep it; otherwise {}",
                    shared_help(f.source.lang, "")
                ),
            )
        }
        Verdict::PerCall => (
            Severity::Warning,
            format!(
                "{ctor} in {} builds a new {noun} on every call and never closes it",
                fn_name(&scope)
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
                                format!("{} runs {where_}", fn_name(&s)),
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
                (None, _) if is_job_framework(s.framework()) => (
                    "on every job".to_string(),
                    scope_label(&s)
                        .map(|sp| (sp, format!("{} runs once per job", describe_scope(&s)))),
                ),
                (None, _) if s.framework() == "rerun" => ("on every rerun of the script".to_string(), None),
                (None, _) if s.framework() == INFERRED => (
                    "on every event".to_string(),
                    scope_label(&s).map(|sp| {
                        (
                            sp,
                            format!(
                                "{} probably runs once per event: {} the shape of a registration (a key, then a callback), though connlint does not know its library",
                                describe_scope(&s),
                                if s.name.as_deref().is_some_and(|n| n.contains('(')) {
                                    "the call has"
                                } else {
                                    "it is handed to a call that has"
                                }
                            ),
                        )
                    }),
                ),
                (None, _) if s.framework() == "event" => (
                    "on every event".to_string(),
                    scope_label(&s).map(|sp| {
                        (
                            sp,
                            format!(
                                "{} runs once per event: connlint reads this call as registering a callback",
                                describe_scope(&s)
                            ),
                        )
                    }),
                ),
                (None, _) if s.framework() == "per-call" => (
                    "on every call".to_string(),
                    scope_label(&s).map(|sp| {
                        (sp, format!("{} runs on every call: the framework builds a new instance of its class for each call of a method it registers", describe_scope(&s)))
                    }),
                ),
                (None, _) if s.framework() == "clone" => (
                    "on every clone".to_string(),
                    scope_label(&s).map(|sp| {
                        (sp, "`clone` runs whenever the value is copied: servers clone their handler or state for every connection or request".to_string())
                    }),
                ),
                (None, _) if s.framework() == "endpoint" => (
                    "on every call".to_string(),
                    scope_label(&s)
                        .map(|sp| (sp, format!("{} runs once per call", describe_scope(&s)))),
                ),
                (None, _) if s.framework() == "channels" => (
                    "on every message".to_string(),
                    scope_label(&s)
                        .map(|sp| (sp, format!("{} runs once per message", describe_scope(&s)))),
                ),
                (None, _) => (
                    "on every request".to_string(),
                    scope_label(&s)
                        .map(|sp| (sp, format!("{} runs on every request", describe_scope(&s)))),
                ),
            };
            let framework = framework_of(cx, &s, via.as_ref());
            // Through a caller: name the function that builds it and where it is called from,
            // or the message reads as if the construction itself sat in that loop or handler.
            let (in_what, from) = match &via {
                None if s.kind != ScopeKind::Loop => (format!(" in {}", describe_scope(&s)), String::new()),
                None => (String::new(), String::new()),
                Some(PerRequest::CalledFrom(call)) if s.name.is_some() => {
                    (format!(" in {}", fn_name(&s)), called_from(cx, *call))
                }
                // Registered by reference (`button.clicked.connect(self.on_refresh)`): the label
                // says where; the message names the function.
                Some(PerRequest::HandlerRef { .. }) if s.name.is_some() => {
                    (format!(" in {}", fn_name(&s)), String::new())
                }
                Some(_) => (String::new(), String::new()),
            };
            // A registration read from its shape only: probably, and a warning.
            let inferred = match &via {
                Some(PerRequest::CalledFrom(call)) => root_of(cx, *call).1 == INFERRED,
                _ => framework == INFERRED,
            };
            (
                if inferred {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                format!(
                    "{ctor}{in_what} {}builds a new {noun} {when}{from}",
                    if inferred { "probably " } else { "" }
                ),
                label,
                shared_help(f.source.lang, &framework),
            )
        }
    };
    let fix = match built {
        _ if !cx.memo.fix_allowed(file, f.source.text.len()) => None,
        Built::Client { idx, .. } => {
            construction_fix(cx, file, idx, &handler_framework, !is_factory)
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
                factory_fix(cx, *of, *idx, file).or_else(|| {
                    // A factory that hands out a handle (`return client.db(name)`): the
                    // construction itself moves out of it, as in a plain function.
                    let c = cx.files[*of].facts.clients.get(*idx)?;
                    if c.returned != Returned::Derived || !cx.memo.fix_allowed(*of, cx.files[*of].source.text.len()) {
                        return None;
                    }
                    let fix = construction_fix(cx, *of, *idx, "", true)?;
                    Some(if *of == file {
                        fix
                    } else {
                        Fix {
                            related_edits: fix.edits.into_iter().map(|e| (*of, e)).collect(),
                            edits: Vec::new(),
                            ..fix
                        }
                    })
                })
            }
            _ => None,
        },
    }
    .or_else(|| {
        // Another module builds the same client: say which one to share.
        let keeper = match built {
            Built::Client { idx, .. } => shared_client::rival_keeper(cx, file, idx),
            Built::Call { .. } => None,
        };
        let message = match keeper {
            Some(k) => format!(
                "Share one client: `{}` builds the same client; export it from there and import it here (a second shared copy would duplicate it)",
                cx.files[k].source.display
            ),
            None => format!("Share one client: {help}"),
        };
        Some(Fix {
            message,
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

/// The fix for construction `idx` of `file`: the library's singleton or default connection, a
/// shared client, the framework's state, or (when `hoist`) the construction moved out of the
/// per-request code.
fn construction_fix(
    cx: &ProjectCx<'_>,
    file: usize,
    idx: usize,
    handler_framework: &str,
    hoist: bool,
) -> Option<Fix> {
    let f = &cx.files[file];
    let c = f.facts.clients.get(idx)?;
    let def = cx.catalog.by_id(&c.client);
    let releases = def.map(|d| d.release.clone()).unwrap_or_default();
    let movable =
        !def.is_some_and(|d| d.loop_bound || d.call_ctors(&c.ctor).any(|k| k.loop_bound));
    let hot_reload = def.is_some_and(|d| d.hot_reload);
    singleton_fix(&f.source, c, def)
        .or_else(|| default_connection_fix(&f.source, c, def))
        .or_else(|| shared_fix(&f.source, c, def))
        .or_else(|| {
            crate::fixgen::rust_state::state_fix(cx, file, idx, handler_framework)
        })
        .or_else(|| with_loop_fix(&f.source, c))
        .or_else(|| {
            (hoist && movable)
                .then(|| {
                    let export = shared_client::find_export(cx, file, idx, None);
                    // The project's shared client, imported under the local's name
                    // where the local declaration can go.
                    let value_import = export
                        .as_ref()
                        .filter(|e| e.form == shared_client::SharedForm::Value)
                        .and_then(|e| shared_client::value_import(cx, file, idx, e));
                    value_import
                        .and_then(|i| hoist_fix(&f.source, c, &releases, Some(i), hot_reload))
                        .or_else(|| {
                            shared_client::shared_expr_fix(
                                cx,
                                file,
                                idx,
                                export.as_ref()?,
                                &releases,
                            )
                        })
                        .or_else(|| {
                            shared_client::may_create_shared(cx, file, idx)
                                .then(|| hoist_fix(&f.source, c, &releases, None, hot_reload))
                                .flatten()
                        })
                        .or_else(|| with_hoist_fix(&f.source, c))
                })
                .flatten()
        })
}

/// Does the verdict come from a loop (the construction's own scope, or the caller it runs
/// from)?
fn in_loop(cx: &ProjectCx<'_>, verdict: &Verdict) -> bool {
    match verdict {
        Verdict::PerRequest { scope, via } => match via {
            None => scope.kind == ScopeKind::Loop,
            Some(PerRequest::CalledFrom(call)) => root_kind(cx, *call) == ScopeKind::Loop,
            Some(PerRequest::HandlerRef { .. } | PerRequest::Implements { .. }) => false,
        },
        _ => false,
    }
}

/// Is it closed where it is built, per item of a loop over a collection a function builds
/// (`for stat in stats: dump(stat)`, `dump` opening `with requests.Session()`), in code that
/// does not itself run per request? A batch over items opening one client per item and closing
/// it runs a known number of times, not once per request.
fn closed_per_item(cx: &ProjectCx<'_>, built: Built, verdict: &Verdict) -> bool {
    // (The file, and the function the site is in, of a site closed where it is built.)
    let (file, in_fn, released, serves_loop, session_loop) = match built {
        Built::Client { file, idx } => cx.files[file]
            .facts
            .clients
            .get(idx)
            .map(|c| (file, c.in_fn, c.released, c.serves_loop, c.session_loop)),
        Built::Call { file, idx, .. } => cx.files[file]
            .facts
            .calls
            .get(idx)
            .map(|c| (file, c.in_fn, c.released, c.serves_loop, false)),
    }
    .unwrap_or((0, None, false, false, false));
    if !released {
        return false;
    }
    // One session per call, closed, called from a loop (`while (!stopping) { await
    // runSession() }`, `runSession` serving a `while (!stopping)` FETCH loop on its client): a
    // reconnect loop, one connection per session.
    if session_loop
        && let Verdict::PerRequest {
            via: Some(PerRequest::CalledFrom(call)),
            ..
        } = verdict
        && chain_root(cx, *call).is_ok_and(|(_, c)| c.scope.kind == ScopeKind::Loop)
    {
        return true;
    }
    // Or per item of any loop that does not run until stopped, when the client itself serves a
    // loop of its own: one client per batch (`for chunk in chunks: send_all(chunk)`, `send_all`
    // opening `async with ClientSession()` for its `for item in chunk:`).
    let finite = |s: &Scope| {
        s.kind == ScopeKind::Loop
            && (s.framework() == FINITE_LOOP || (serves_loop && s.framework() == ITEMS_LOOP))
    };
    match verdict {
        Verdict::PerRequest { scope, via: None } => {
            finite(scope)
                && per_request_fn(cx.graph, file, &cx.files[file].facts, in_fn).is_none()
        }
        Verdict::PerRequest {
            via: Some(PerRequest::CalledFrom(call)),
            ..
        } => chain_root(cx, *call).is_ok_and(|(_, c)| finite(&c.scope)),
        _ => false,
    }
}

/// Does the verdict come from a loop in start-up code (`main`'s `loop { let m =
/// consumer.next().await?; … }`)? Start-up loops are per iteration only when they run until
/// the process stops (a loop over a list there builds once per item and is silent).
fn in_startup_loop(cx: &ProjectCx<'_>, built: Built, verdict: &Verdict) -> bool {
    let fn_kind = |file: usize, in_fn: Option<usize>| {
        cx.files[file]
            .facts
            .function(in_fn)
            .map(|f| f.scope.kind)
    };
    match verdict {
        Verdict::PerRequest { scope, via: None } => {
            scope.kind == ScopeKind::Loop
                && match built {
                    Built::Client { file, idx } => cx.files[file]
                        .facts
                        .clients
                        .get(idx)
                        .is_some_and(|c| fn_kind(file, c.in_fn) == Some(ScopeKind::Startup)),
                    Built::Call { file, idx, .. } => cx.files[file]
                        .facts
                        .calls
                        .get(idx)
                        .is_some_and(|c| fn_kind(file, c.in_fn) == Some(ScopeKind::Startup)),
                }
        }
        Verdict::PerRequest {
            via: Some(PerRequest::CalledFrom(call)),
            ..
        } => chain_root(cx, *call).is_ok_and(|(at, c)| {
            c.scope.kind == ScopeKind::Loop && fn_kind(at.0, c.in_fn) == Some(ScopeKind::Startup)
        }),
        _ => false,
    }
}

/// The catalogue entry of the client built here, or by the factory a call reaches.
fn built_def<'c>(cx: &'c ProjectCx<'_>, built: Built) -> Option<&'c crate::catalog::ClientDef> {
    let (file, idx) = origin(cx, built)?;
    let c = cx.files[file].facts.clients.get(idx)?;
    cx.catalog.by_id(&c.client)
}

/// Where the client is built: here, or by the factory a call reaches (file, client index).
fn origin(cx: &ProjectCx<'_>, built: Built) -> Option<(usize, usize)> {
    match built {
        Built::Client { file, idx } => Some((file, idx)),
        Built::Call { target, .. } => cx
            .graph
            .factories
            .get(&target)
            .map(|Origin::Client { file, idx }| (*file, *idx)),
    }
}

/// Is the client (built here, or by the factory a call reaches) set to keep no connections
/// (`create_engine(url, poolclass=NullPool)`), or built where it keeps none (reqwest in a
/// Cloudflare Worker): one per request or per job holds nothing open between uses (a Celery
/// task's engine, a CLI block's)?
fn unpooled(cx: &ProjectCx<'_>, built: Built) -> bool {
    let Some((file, idx)) = origin(cx, built) else {
        return false;
    };
    built_def(cx, built).is_some_and(|def| {
        crate::pools::unpooled(def, crate::pools::config_of(&cx.files[file], idx))
            || def
                .unpooled_with
                .iter()
                .any(|d| cx.files[file].source.project.has_dep(d))
    })
}

/// Is the client (built here, or by the factory a call reaches) one the catalogue says may be
/// built per call of a plain function (`boto3.Session()`)?
fn per_call_ok(cx: &ProjectCx<'_>, built: Built) -> bool {
    let Some(c) = origin(cx, built).and_then(|(file, idx)| cx.files[file].facts.clients.get(idx))
    else {
        return false;
    };
    let Some(def) = cx.catalog.by_id(&c.client) else {
        return false;
    };
    c.per_call_ok || def.call_ctors(&c.ctor).any(|k| k.per_call_ok)
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
                format!("{lib} {}", c.kind.noun()),
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
                        format!("{lib} {} (through `{}`)", c.kind.noun(), c.ctor)
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

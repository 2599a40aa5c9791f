//! How `per-request-client` names where a construction runs: the scope, the framework, the
//! chain of calls from the loop or handler it starts in (` ← function `save` ← Flask handler`).

use super::*;

/// Task queues and workers: their functions run once per job (message), not per request.
pub(super) fn is_job_framework(framework: &str) -> bool {
    matches!(
        framework,
        "celery" | "huey" | "prefect" | "dramatiq" | "rq" | "arq" | "job"
    )
}

pub(super) fn scope_label(s: &Scope) -> Option<Span> {
    s.span
}

pub(super) fn via_text(cx: &ProjectCx<'_>, p: &PerRequest) -> (String, String) {
    match p {
        PerRequest::HandlerRef {
            file, framework, ..
        } => {
            if framework == INFERRED {
                return (
                    "on every event".into(),
                    format!(
                        "on every event: {} hands it to a call that has the shape of a registration (a key, then a callback), though connlint does not know its library",
                        cx.files[*file].source.display
                    ),
                );
            }
            let (when, what) = if is_job_framework(framework) {
                ("on every job", "job")
            } else if framework == "event" {
                ("on every event", "callback")
            } else {
                ("on every request", "handler")
            };
            (
                when.into(),
                format!(
                    "{when}: it is registered as {} {what} in {}",
                    with_article(framework_name(framework)),
                    cx.files[*file].source.display
                ),
            )
        }
        PerRequest::Implements { .. } => (
            "on every request".into(),
            format!("on every request: it {}", implements_text(cx, p)),
        ),
        PerRequest::CalledFrom((file, idx)) => {
            let call = &cx.files[*file].facts.calls[*idx];
            let caller = describe_call_site(&call.scope);
            let (kind, framework) = root_of(cx, (*file, *idx));
            let when = match kind {
                ScopeKind::Component => "on every render",
                ScopeKind::Loop => "on every iteration of a loop",
                _ if is_job_framework(framework) => "on every job",
                _ if framework == "event" || framework == INFERRED => "on every event",
                _ if framework == "channels" => "on every message",
                _ if framework == "per-call" || framework == "endpoint" => "on every call",
                _ if framework == "clone" => "on every clone",
                _ if framework == "rerun" => "on every rerun of the script",
                _ => "on every request",
            };
            (
                when.into(),
                format!(
                    "{when}: it is called from {caller} ({}:{}){}",
                    cx.files[*file].source.display,
                    cx.files[*file].source.position(call.span.start).line,
                    chain_rest(cx, (*file, *idx))
                ),
            )
        }
    }
}

/// `implements \`Inventory\`, a tarpc service (src/service.rs:12)`.
pub(super) fn implements_text(cx: &ProjectCx<'_>, p: &PerRequest) -> String {
    let PerRequest::Implements {
        file,
        idx,
        framework,
    } = p
    else {
        return String::new();
    };
    let f = &cx.files[*file];
    match f.facts.callback_traits.get(*idx) {
        Some(t) => format!(
            "implements `{}`, {} service ({}:{})",
            t.name,
            with_article(framework_name(framework)),
            f.source.display,
            f.source.position(t.span.start).line
        ),
        None => String::new(),
    }
}

/// Where a call is made: its scope, or the loop it is in (`a loop in \`main\``).
pub(super) fn describe_call_site(s: &Scope) -> String {
    if s.kind == ScopeKind::Loop {
        return match s.name.as_deref() {
            Some(n) => format!("a loop in `{n}`"),
            None => "a loop at module scope".to_string(),
        };
    }
    describe_scope(s)
}

/// The rest of a call chain above its first call, up to where it starts running many times:
/// ` ← function \`save\` (app/orders.py:12) ← Flask handler \`create\` (app/api.py:30)`, or
/// ` ← … registered as an Express handler in src/app.ts`. Empty for a chain of one call.
pub(super) fn chain_rest(cx: &ProjectCx<'_>, mut call: (usize, usize)) -> String {
    const MAX_SHOWN: usize = 6;
    let mut out = String::new();
    for depth in 0..256 {
        let Some((_, next)) = up_from(cx, call) else {
            break;
        };
        match next {
            Some(PerRequest::CalledFrom(up)) => {
                if depth + 1 >= MAX_SHOWN {
                    out.push_str(" ← …");
                    break;
                }
                let u = &cx.files[up.0].facts.calls[up.1];
                out.push_str(&format!(
                    " ← {} ({}:{})",
                    describe_call_site(&u.scope),
                    cx.files[up.0].source.display,
                    cx.files[up.0].source.position(u.span.start).line
                ));
                call = *up;
            }
            Some(PerRequest::HandlerRef {
                file, framework, ..
            }) => {
                out.push_str(&format!(
                    " ← registered as {} handler in {}",
                    with_article(framework_name(framework)),
                    cx.files[*file].source.display
                ));
                break;
            }
            Some(p @ PerRequest::Implements { .. }) => {
                out.push_str(&format!(" ← {}", implements_text(cx, p)));
                break;
            }
            None => break,
        }
    }
    out
}

/// A call, and why the plain function it is made in runs many times (none when it is made
/// elsewhere: a handler, a loop, a component).
pub(super) fn up_from<'c>(
    cx: &'c ProjectCx<'_>,
    call: (usize, usize),
) -> Option<(&'c crate::facts::CallSite, Option<&'c PerRequest>)> {
    let c = cx.files[call.0].facts.calls.get(call.1)?;
    let next = c
        .in_fn
        .filter(|_| c.scope.kind == ScopeKind::Function)
        .and_then(|f| cx.graph.per_request.get(&(call.0, f)));
    Some((c, next))
}

/// What makes a call chain run many times: the scope kind at its root (`poll` called from a
/// loop runs on every iteration, and so does what `poll` calls).
pub(super) fn root_kind(cx: &ProjectCx<'_>, call: (usize, usize)) -> ScopeKind {
    root_of(cx, call).0
}

/// The scope kind and framework at the root of a call chain: a helper two calls below a Celery
/// task runs once per job, not per request.
/// ` (it is called from a loop in \`sync\`)`, or through helpers: ` (it is called from function
/// \`fetch\`, which runs in a loop in \`sync\`)`.
pub(super) fn called_from(cx: &ProjectCx<'_>, first: (usize, usize)) -> String {
    let Some(direct) = cx.files[first.0].facts.calls.get(first.1) else {
        return String::new();
    };
    let mut call = first;
    let mut root = direct;
    for _ in 0..256 {
        let Some((c, next)) = up_from(cx, call) else {
            break;
        };
        root = c;
        match next {
            Some(PerRequest::CalledFrom(up)) => call = *up,
            _ => break,
        }
    }
    let shown = describe_call_site(&direct.scope);
    if call == first || root.scope.kind == ScopeKind::Function {
        format!(" (it is called from {shown})")
    } else {
        format!(
            " (it is called from {shown}, which runs in {})",
            describe_call_site(&root.scope)
        )
    }
}

pub(super) fn root_of<'c>(cx: &'c ProjectCx<'_>, call: (usize, usize)) -> (ScopeKind, &'c str) {
    match chain_root(cx, call) {
        Ok((_, c)) => (c.scope.kind, c.scope.framework()),
        Err(framework) => (ScopeKind::Handler, framework),
    }
}

/// Where a call chain starts: the first call site, going up from `call`, whose function does
/// not itself run because of its callers (`Ok`, with its id); or, when the chain reaches a
/// handler reference or a framework's trait, that framework (`Err`; `""` for a chain connlint
/// cannot follow to its end).
pub(super) fn chain_root<'c>(
    cx: &'c ProjectCx<'_>,
    mut call: (usize, usize),
) -> Result<((usize, usize), &'c crate::facts::CallSite), &'c str> {
    for _ in 0..256 {
        let Some((c, next)) = up_from(cx, call) else {
            break;
        };
        match next {
            Some(PerRequest::CalledFrom(up)) => call = *up,
            Some(
                PerRequest::HandlerRef { framework, .. } | PerRequest::Implements { framework, .. },
            ) => return Err(framework.as_str()),
            None => return Ok((call, c)),
        }
    }
    Err("")
}

pub(super) fn framework_name(f: &str) -> &str {
    match f {
        "next-route" => "Next.js route",
        "next-page" => "Next.js page",
        "next-api" => "Next.js API route",
        "file-route" => "file-based route",
        "next-middleware" => "Next.js middleware",
        "next-ssr" => "getServerSideProps",
        "server-action" => "server action",
        "express" => "Express",
        "koa" => "Koa",
        "fastify" => "Fastify",
        "hono" => "Hono",
        "hapi" => "hapi",
        "trpc" => "tRPC",
        "graphql" => "GraphQL resolver",
        "nestjs" => "NestJS",
        "fastapi" => "FastAPI",
        "flask" => "Flask",
        "django" => "Django",
        "celery" => "Celery",
        "starlette" => "Starlette",
        "aiohttp" => "aiohttp",
        "sanic" => "Sanic",
        "quart" => "Quart",
        "litestar" => "Litestar",
        "bottle" => "Bottle",
        "pyramid" => "Pyramid",
        "tornado" => "Tornado",
        "falcon" => "Falcon",
        "dramatiq" => "Dramatiq",
        "rq" => "RQ",
        "huey" => "Huey",
        "prefect" => "Prefect",
        "arq" => "arq",
        "channels" => "Channels",
        "sveltekit" => "SvelteKit",
        "remix" => "Remix",
        "nuxt" => "Nuxt",
        "astro" => "Astro",
        "poem" => "poem",
        "warp" => "warp",
        "hyper" => "hyper",
        "lambda" => "Lambda",
        "gcf" => "Cloud Functions",
        "axum" => "axum",
        "actix" | "actix-worker" => "actix-web",
        "rocket" => "Rocket",
        "tonic" => "tonic",
        "job" => "worker",
        other => other,
    }
}

pub(super) fn describe_scope(s: &Scope) -> String {
    let name = s
        .name
        .as_deref()
        .map(|n| format!(" `{n}`"))
        .unwrap_or_default();
    let what = match (s.kind, s.framework()) {
        (_, "next-route") => "Next.js route handler",
        (_, "next-page") => "server component",
        (_, "next-api") => "API route",
        (_, "file-route") => "file-based route handler",
        (_, "next-middleware") => "middleware",
        (_, "next-ssr") => "getServerSideProps",
        (_, "server-action") => "server action",
        (_, "customfunction") => "custom function",
        (_, "react-hook") => "hook",
        (ScopeKind::Component, _) => "component",
        (_, "actix-worker") => "the `HttpServer::new` app factory",
        (_, "celery") => "Celery task",
        (_, "huey") => "Huey task",
        (_, "prefect") => "Prefect task",
        (_, "arq") => "arq job",
        (_, "channels") => "Channels consumer method",
        (_, "per-call") => "constructor",
        (_, "endpoint") => "endpoint",
        (_, "clone") => "`Clone` impl",
        (_, "dramatiq") => "Dramatiq actor",
        (_, "rq") => "RQ job",
        (_, "lambda") => "Lambda handler",
        (_, "gcf") => "Cloud Function",
        (_, "trpc") => "tRPC procedure",
        (_, "graphql") => "GraphQL resolver",
        // Named after the registration (`socket.on("chat")`) or after the function registered.
        (_, "event") if s.name.as_deref().is_some_and(|n| n.contains('(')) => "the callback of",
        (_, "rerun") => "a script re-run on every interaction or session",
        (_, "event") if s.name.is_none() => "a registered callback",
        (_, "event") => "callback",
        (_, INFERRED) if s.name.as_deref().is_some_and(|n| n.contains('(')) => "the callback of",
        (_, INFERRED) if s.name.is_none() => "a callback",
        (_, INFERRED) => "callback",
        (ScopeKind::Handler, f) if !f.is_empty() => {
            return format!("{} handler{name}", framework_name(f));
        }
        (ScopeKind::Handler, _) => "request handler",
        _ => "function",
    };
    format!("{what}{name}")
}

/// A function as messages name it: `` `handle` ``, or "an anonymous function" (a callback
/// written in place has no name to quote).
pub(super) fn fn_name(scope: &Scope) -> String {
    match scope.name.as_deref() {
        Some(name) => format!("`{name}`"),
        None => "an anonymous function".to_string(),
    }
}

//! Using a shared client instead of a new one: the project's exported client, the library's
//! singleton API, or its default connection.

use crate::diagnostic::{Edit, Fix};
use crate::fixgen::shared_client;
use crate::source::{Lang, SourceFile, Span};

/// The hoist's edits (the local declaration `line` removed) completed into a fix importing the
/// project's shared client as `name`, the import `ctor` leaves unused dropped.
pub(crate) fn import_shared(
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
    Fix::unsafe_edits(
        format!("Import the project's shared client as `{name}`"),
        edits,
    )
}

/// Does a Python construction use Flask / Django request-context objects (`current_app`,
/// `request`, `g`, `session`)? They do not exist when the module loads.
pub(crate) fn uses_request_context(ctor: &str) -> bool {
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
pub(crate) fn has_module_line(text: &str, decl: &str) -> bool {
    text.lines().any(|l| l == decl)
}

/// `new StreamChat(key)` in a component → `StreamChat.getInstance(key)`: the library's stored
/// singleton, with the same arguments (catalogue `singleton_fix`).
pub(crate) fn singleton_fix(
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
    Some(Fix::unsafe_edits(
        format!("Use the SDK's singleton: `{}(…)`", sf.call),
        vec![Edit {
            span: c.span,
            content: format!("{}{}", sf.call, args),
        }],
    ))
}

/// `await mongoose.connect(uri);` → `if (mongoose.connection.readyState === 0) await
/// mongoose.connect(uri);` (catalogue `default_connection`), when the statement is the connect call
/// alone.
pub(crate) fn default_connection_fix(
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
    Some(Fix::unsafe_edits(
        format!(
            "Connect only while disconnected: `if ({}) …`",
            guard.condition
        ),
        vec![Edit {
            span: Span::new(stmt.start as usize, stmt.start as usize),
            content: format!("if ({}) ", guard.condition),
        }],
    ))
}

/// `httpx.get(url)` / `reqwest::get(url)` → the same call on one shared client (catalogue
/// `shared`), declared once in the module.
pub(crate) fn shared_fix(
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
    let full = source.text.as_ref();
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
    Some(Fix::unsafe_edits(
        format!("Reuse one client: call `{}` instead", shared.name),
        edits,
    ))
}

/// The fix, in words, for the framework at hand.
pub(crate) fn shared_help(lang: Lang, framework: &str) -> String {
    let s = match framework {
        "next-route" | "next-page" | "next-api" | "next-middleware" | "next-ssr"
        | "server-action" => {
            "create the client once in a shared module (e.g. `lib/db.ts`, cached on `globalThis` so hot reloads reuse it) and import it here"
        }
        "express" | "koa" | "fastify" | "hono" | "hapi" | "trpc" => {
            "create the client once at module scope (e.g. in `db.ts`) and import it in your handlers"
        }
        "nestjs" => {
            "provide the client once (a provider such as a `PrismaService` that extends `PrismaClient`, or `useFactory`) and inject it into the controller's constructor"
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
        "arq" => {
            "create the client once in the worker's `on_startup` hook, keep it in `ctx`, close it in `on_shutdown`, and use `ctx[...]` in jobs"
        }
        "rerun" => {
            "build it in a function decorated with `@st.cache_resource` and call that: the cache keeps one client across reruns and sessions"
        }
        "event" => {
            "create the client once (at module scope or where the callback is registered) and use it in the callback, which runs once per event"
        }
        "channels" => {
            "create the client once at module scope (or use the channel layer) and reuse it in every consumer; a consumer instance lives for one connection"
        }
        "dramatiq" | "rq" | "huey" | "prefect" => {
            "create the client once per worker process, at module scope, and reuse it in every job"
        }
        "sveltekit" => {
            "create the client once in a server-only module (e.g. `src/lib/server/db.ts`) and import it in your `load` functions and endpoints"
        }
        "astro" => {
            "create the client once in a module (e.g. `src/lib/db.ts`) and import it in your endpoints"
        }
        "remix" => {
            "create the client once in a server-only module (e.g. `app/db.server.ts`) and import it in your loaders and actions"
        }
        "nuxt" => {
            "create the client once in a server utility (e.g. `server/utils/db.ts`, auto-imported) and reuse it in your event handlers"
        }
        "clone" => {
            "build the client once and keep it in the value, so that `clone` copies the handle (`self.client.clone()`, cheap: clones share the client's pool)"
        }
        "gcf" => {
            "create the client outside the function, at module scope, so warm instances reuse it"
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
        "hyper" => {
            "build it once in `main` and move a clone into the `service_fn` closure (clients and pools are cheap to clone)"
        }
        "warp" => {
            "build it once in `main` and hand a clone to each request with a filter (`warp::any().map(move || client.clone())`, then `.and(with_client)`)"
        }
        "poem" => {
            "build it once in `main` and share it with `Route::new()….data(...)` and a `Data<&T>` parameter"
        }
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

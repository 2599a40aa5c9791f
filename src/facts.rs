//! Language-neutral facts, the only thing rules see.
//!
//! A front-end (`src/lang/*.rs`) reads one file and fills a [`FileFacts`]. It knows syntax and
//! frameworks; it knows nothing about rules. Rules read facts; they never parse.

use crate::source::Span;
use std::sync::Arc;

/// What kind of code encloses a construction: how often does it run?
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
pub enum ScopeKind {
    /// Top level of a module: runs once per process (per hot reload in Next.js dev).
    Module,
    /// A request handler, route, server action, view, task or Lambda handler: runs per request.
    Handler,
    /// A React component body or hook body: runs on every render.
    Component,
    /// The callback of `useEffect` / `useLayoutEffect` / `useInsertionEffect`: runs per mount.
    Effect,
    /// `main`, lifespan/startup hooks, scripts, seeds, config files: runs once.
    Startup,
    /// Tests, fixtures, benches.
    Test,
    /// Any other function: how often it runs depends on its callers.
    Function,
    /// The body of a loop (or of a `map`/`forEach` callback) inside a function.
    Loop,
}

impl ScopeKind {
    pub fn name(self) -> &'static str {
        match self {
            ScopeKind::Module => "module",
            ScopeKind::Handler => "handler",
            ScopeKind::Component => "component",
            ScopeKind::Effect => "effect",
            ScopeKind::Startup => "startup",
            ScopeKind::Test => "test",
            ScopeKind::Function => "function",
            ScopeKind::Loop => "loop",
        }
    }
}

/// The framework tag of a callback handed to a call that has the shape of a registration (a
/// key, then a callback: `bot.command("start", cb)`) which the catalogue does not name: it
/// probably runs once per event, and the rules say so with a lower severity.
pub const INFERRED: &str = "inferred";

/// The framework tag of a loop scope ([`ScopeKind::Loop`]) over a collection its own function
/// builds (a literal, a comprehension, a range): it runs a known, finite number of times per
/// call of that function, a batch over items rather than a stream of requests.
pub const FINITE_LOOP: &str = "each";

/// The framework tag of a loop scope over the items of a collection that is neither built by
/// its own function nor a stream (`for chunk in chunks:`, `chunks` computed or given): it runs
/// once per item, however many, but not until the process stops.
pub const ITEMS_LOOP: &str = "items";

/// The enclosing scope of a site.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The framework or reason that made this scope what it is, for messages and help:
    /// e.g. `next-route`, `next-page`, `server-action`, `express`, `react-component`, `fastapi`,
    /// `flask`, `django`, `celery`, `lambda`, `axum`, `actix`, `actix-worker`, `rocket`, `tonic`.
    pub framework: Option<Arc<str>>,
    /// The innermost named function, e.g. `GET`, `list_users`, `ChatPage`. Shared (`Arc`):
    /// every site in a function holds its scope.
    pub name: Option<Arc<str>>,
    /// The span of that function's name (or header), for a secondary label.
    pub span: Option<Span>,
}

impl Scope {
    pub fn module() -> Self {
        Scope {
            kind: ScopeKind::Module,
            framework: None,
            name: None,
            span: None,
        }
    }
    pub fn new(kind: ScopeKind) -> Self {
        Scope {
            kind,
            framework: None,
            name: None,
            span: None,
        }
    }
    pub fn framework(&self) -> &str {
        self.framework.as_deref().unwrap_or("")
    }
}

/// What keeps a construction from running more than once.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Guard {
    None,
    /// `globalThis.x ??= …`, `global._x`, `globalForPrisma.prisma ?? new PrismaClient()`.
    GlobalCache,
    /// A module-level variable or map that caches it: `if (!cached) cached = …`, `global X` +
    /// `if X is None`, `_engines[key] = …`, `clients.set(id, client)`.
    ModuleCache,
    /// `useMemo`, `useState(() => …)`, `useRef` init, `@lru_cache` / `@cache`.
    Memo,
    /// `LazyLock`, `OnceLock`, `once_cell`, `lazy_static!`, `get_or_init`.
    Lazy,
    /// A library's own singleton API: `StreamChat.getInstance`, `getOrCreateInstance`,
    /// `createBrowserClient`.
    SingletonApi,
    /// Stored on an owning object: `self._engine = …`, `this.client = …`.
    Owner,
}

impl Guard {
    pub fn is_guarded(self) -> bool {
        !matches!(self, Guard::None)
    }
}

/// Does the enclosing function hand the client to its caller?
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default,
)]
pub enum Returned {
    #[default]
    No,
    /// `return client`, `return new X()`, `yield engine`, `return { client }`, a tail expression.
    Direct,
    /// Something derived from the fresh client is returned (`return client.db(name)`): the
    /// caller gets a handle, the client itself is never closed.
    Derived,
}

/// The kind of resource a catalogue entry builds (see `rules/catalog/*.toml`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ClientKind {
    /// Owns a pool of connections (PrismaClient, pg Pool, SQLAlchemy engine, sqlx PgPool).
    Pool,
    /// A client object that owns connections (MongoClient, ioredis, reqwest::Client, httpx.Client).
    Client,
    /// A single connection opened on the spot (pg Client, psycopg2.connect, tokio_postgres::connect).
    Connection,
    /// A call that builds and drops a client internally (`reqwest::get`, `httpx.get`).
    Throwaway,
    /// A realtime / BaaS SDK client (StreamChat, StreamVideoClient, Supabase, socket.io, Pusher, Ably).
    Sdk,
    /// A unit of work checked out of a pool or engine (SQLAlchemy Session); per request is normal.
    Session,
    /// A connection checked out of a pool (`pool.connect()`, `getconn()`); must be released.
    Checkout,
}

impl ClientKind {
    /// What a message calls one: `connection pool`, `client`, `session`.
    pub fn noun(self) -> &'static str {
        match self {
            ClientKind::Pool => "connection pool",
            ClientKind::Client | ClientKind::Sdk => "client",
            ClientKind::Connection => "connection",
            ClientKind::Throwaway => "client (and connection)",
            ClientKind::Session | ClientKind::Checkout => "session",
        }
    }

    /// Kinds that must be long-lived: building one per request or render is the bug.
    pub fn is_long_lived(self) -> bool {
        matches!(
            self,
            ClientKind::Pool
                | ClientKind::Client
                | ClientKind::Connection
                | ClientKind::Throwaway
                | ClientKind::Sdk
        )
    }
}

/// A construction of a client, pool, connection or SDK client that the catalogue knows.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct ClientSite {
    /// Catalogue id, e.g. `prisma`, `pg-pool`, `sqlalchemy-engine`, `sqlx-pool`.
    pub client: String,
    /// Database / service family, e.g. `postgres`, `mongodb`, `redis`, `http`, `stream`.
    pub family: String,
    pub kind: ClientKind,
    /// The constructor as a user would name it: `new PrismaClient()`, `create_async_engine()`,
    /// `PgPool::connect()`.
    pub ctor: String,
    /// The whole construction expression.
    pub span: Span,
    pub scope: Scope,
    pub guard: Guard,
    /// The local name it is bound to, if any (`const prisma = new PrismaClient()`).
    pub binding: Option<String>,
    /// A release method of this client is called on it in the same function, or it is opened
    /// by `with` / `async with` / `using`, or closed in a `finally`.
    pub released: bool,
    /// Handed, in the same function, to a call beside one of the function's parameters
    /// (`setup_handlers(app.web_app, pool)`): kept by what the caller gave, not leaked there.
    #[serde(default)]
    pub handed: bool,
    pub returned: Returned,
    /// Index into [`FileFacts::functions`] of the innermost enclosing named function.
    pub in_fn: Option<usize>,
    /// Pool-size settings written at the construction (`pool_size=20`, `max: 50`).
    pub pool: Vec<PoolSetting>,
    /// Where a fix can act (filled where the front-end knows; rules decide what to do).
    pub anchors: FixAnchors,
    /// The catalogue's constructor says a plain function may build it per call (`per_call_ok`:
    /// Mongoose's `connect`, the process's default connection), whatever local name the
    /// construction uses (`import { connect as connectToDb } from "mongoose"`).
    #[serde(default)]
    pub per_call_ok: bool,
    /// Python: built only when the caller gives no value for this parameter (`engine or
    /// create_engine(url)`): its name and position (not counting `self`), for the callers.
    #[serde(default)]
    pub fallback_param: Option<(String, u32)>,
    /// Python: built only when the caller gives this parameter, whose default is falsy
    /// (`if new_connection: conn = connect()` in `def bus(new_connection=False)`): its name and
    /// position (not counting `self`), for the callers.
    #[serde(default)]
    pub needs_param: Option<(String, u32)>,
    /// Python: used inside a loop of its own function after it is built (`async with
    /// ClientSession() as s: for item in batch: await send(s, item)`): one client serves a batch
    /// of items.
    #[serde(default)]
    pub serves_loop: bool,
    /// TS/JS: used, after it is built, by a loop of its own function that runs until stopped
    /// (`while (!stopping) { await mz.query("FETCH …") }`, `for await`): one session's
    /// connection, however many events it serves.
    #[serde(default)]
    pub session_loop: bool,
}

/// Byte anchors that let rules build fixes without touching syntax.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct FixAnchors {
    /// The whole statement holding the construction (`const prisma = new PrismaClient();`).
    pub statement: Option<Span>,
    /// Where a new module-level statement can be inserted (after the last import).
    pub module_insert: Option<u32>,
    /// The construction's arguments do not mention parameters or locals of the enclosing
    /// function, so it can be hoisted to module scope unchanged.
    pub args_are_static: bool,
    /// The construction is itself the value the function hands back (`return new X(…)`, an
    /// arrow's expression body, `return create_engine(…)`, a Rust tail expression), not a local
    /// configured first.
    pub direct_return: bool,
    /// Python: the construction is a context manager of a `with` / `async with` statement.
    pub with_stmt: Option<WithAnchors>,
    /// TS/JS: the innermost function around the construction is `async` (an `await` written in
    /// its place is valid).
    pub in_async_fn: bool,
}

/// A `with` / `async with` statement that opens the client (Python).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct WithAnchors {
    /// The header, from `async`/`with` to the colon included (`async with httpx.AsyncClient() as c:`).
    pub header: Span,
    /// Set when the `with` is the only statement of a `for` / `async for` / `while` loop body and
    /// its header uses no name bound by the loop (its targets, or anything assigned in its body):
    /// the loop's header up to its colon included (`for url in urls:`). Swapping the two headers'
    /// texts opens the client once, around the loop.
    pub loop_header: Option<Span>,
}

/// A function (or method, or named closure) defined in the file.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct FnFact {
    pub name: String,
    /// The name (or the header where there is no name token).
    pub span: Span,
    /// Exported / public: other modules can import it.
    pub exported: bool,
    /// The scope of the function's own body.
    pub scope: Scope,
    /// A guard on the whole function (`@lru_cache`, `@cache`).
    pub guard: Guard,
    /// Index of the enclosing function, for nested functions.
    pub parent: Option<usize>,
    /// Parameters, not counting `self` / `cls` (Python) or a receiver (Rust).
    pub params: u32,
    /// A method of a class / impl / object literal, not a free function.
    pub method: bool,
    /// Python: the start of the `def` line (after any decorators), where a decorator line can be
    /// inserted with the def's indentation; TS/Rust: `None`.
    pub def_line: Option<u32>,
    /// Rust: the type of the `impl` block a method belongs to (`OAuthService` for
    /// `OAuthService::new`), so that calls are resolved to the right `new`; `None` elsewhere.
    pub owner: Option<String>,
    /// Rust: the function takes `self` (`&self`, `self: Arc<Self>`), so `x.name()` may call it.
    pub receiver: bool,
    /// The file uses the function's name as a value (Python `get_engine(name,
    /// self._create_engine)`, `callbacks=[on_row]`; TS/JS a member of a module-level object
    /// literal, `const RedisPubSub = { createPublisher }`): whatever gets it calls it, at a
    /// frequency no call site shows.
    #[serde(default)]
    pub value_ref: bool,
}

/// A module another file refers to, as candidate module keys (see [`FileFacts::module_keys`]).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct ModuleRef {
    /// Normalised module keys, relative to the project root, without extension, with `/`:
    /// `lib/db` for `@/lib/db`, `./db` (from `lib/x.ts`), `lib.db` (Python) or `crate::lib::db`.
    /// Shared: every call site through one import holds the same list.
    pub candidates: std::sync::Arc<[String]>,
}

impl ModuleRef {
    /// Does this reference name a file with these module keys? Keys match exactly, or at a `/`
    /// boundary by suffix (a package root connlint did not see, such as `src/` or `backend/`).
    pub fn names_any(&self, keys: &[String]) -> bool {
        self.candidates.iter().any(|c| {
            keys.iter().any(|k| {
                k == c
                    || (k.len() > c.len()
                        && k.ends_with(c.as_str())
                        && k.as_bytes()[k.len() - c.len() - 1] == b'/')
            })
        })
    }
}

/// A call to a plain function that may be a client factory (defined in this file or imported).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct CallSite {
    /// The callee as written: `getDb`, `db.get_engine`, `db::pool`.
    pub callee: String,
    /// The function's own name: `getDb`, `get_engine`, `pool`.
    pub name: String,
    /// Where the function is defined: `None` means this file (a local function or unresolved).
    pub module: Option<ModuleRef>,
    pub span: Span,
    pub scope: Scope,
    pub guard: Guard,
    pub binding: Option<String>,
    pub released: bool,
    /// Python: released by a plain call only, in no `finally` and not by the very next
    /// statement (`s = db.get_session()`, …, `s.close()`): an exception in between leaks it.
    #[serde(default)]
    pub release_unguarded: bool,
    /// As [`ClientSite::handed`].
    #[serde(default)]
    pub handed: bool,
    pub returned: Returned,
    pub in_fn: Option<usize>,
    /// A method call (`config.get_pool()`, `this.orders.place()`). Rust: the receiver's type is
    /// unknown, so it is resolved only to a project method with a receiver whose name is unique
    /// in the project. TS / Python: recorded only when [`CallSite::receiver`] is known.
    pub method: bool,
    /// TS / Python: the class the receiver is an instance of, when the file says
    /// (`this.m()` in `class A`; `this.repo.m()` with `constructor(private repo: Repo)`;
    /// `const svc = new Svc()`; `self.repo = Repo()`), and where that class comes from.
    pub receiver: Option<Receiver>,
    /// Rust: called in a loop that stores what the call returns per element (`clients.push((t,
    /// make_client(t).await?))`): when the callee hands back the client it builds, one is kept
    /// per element, built as often as the loop's function runs.
    #[serde(default)]
    pub collected: bool,
    /// As [`ClientSite::fallback_param`].
    #[serde(default)]
    pub fallback_param: Option<(String, u32)>,
    /// As [`ClientSite::needs_param`].
    #[serde(default)]
    pub needs_param: Option<(String, u32)>,
    /// As [`ClientSite::serves_loop`], for what the call returns.
    #[serde(default)]
    pub serves_loop: bool,
    /// Python: the arguments given, for a callee's `fallback_param`: how many by position and
    /// the keywords' names (`None`: not recorded, `*args` / `**kwargs` given).
    #[serde(default)]
    pub given: Option<(u32, Vec<String>)>,
    /// The first argument's text, normalised by [`arg_key`] (`config.TIMESCALE_URI`,
    /// `app.config["SQLALCHEMY_DATABASE_URI"]`, `cfg.database_url` for `&cfg.database_url`):
    /// what a factory that builds its client from its parameter connects to, as its callers
    /// name it. `None`: no argument, or one too long to compare.
    #[serde(default)]
    pub first_arg: Option<String>,
}

impl CallSite {
    /// Does the call give parameter `name` at position `index` (not counting `self`), by
    /// position or keyword? A call unpacking arguments (`*args`, `**kwargs`) may give anything.
    pub fn gives(&self, name: &str, index: u32) -> bool {
        self.given.as_ref().is_none_or(|(positional, keywords)| {
            *positional > index || keywords.iter().any(|k| k == name)
        })
    }
}

/// An argument's text as a key that different spellings of one value share: whitespace,
/// borrows and dereferences, and conversions that keep the value (`.clone()`, `.as_str()`,
/// `.to_string()`, `?`, `.await`, a TS non-null `!`) removed. `None` for a text too long to be
/// a name or a lookup.
pub fn arg_key(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.len() > 160 {
        return None;
    }
    let mut t = t;
    loop {
        let before = t.len();
        for p in ["&mut ", "&mut", "&", "*"] {
            t = t.strip_prefix(p).unwrap_or(t).trim_start();
        }
        for s in [
            ".clone()",
            ".as_str()",
            ".to_string()",
            ".as_ref()",
            ".to_owned()",
            ".into()",
            ".as_deref()",
            "?",
            ".await",
            "!",
        ] {
            t = t.strip_suffix(s).unwrap_or(t).trim_end();
        }
        if t.len() == before {
            break;
        }
    }
    let key: String = t.split_whitespace().collect();
    (!key.is_empty()).then_some(key)
}

/// The class of a method call's receiver (see [`CallSite::receiver`]).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Receiver {
    /// The class's name (`InventoryService`).
    pub class: String,
    /// The module the class is imported from; `None`: declared in this file.
    pub module: Option<ModuleRef>,
}

/// A function named as a request handler somewhere other than its definition
/// (`app.get("/", listUsers)`, `.route("/", get(handlers::list))`, `.to(index)`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct HandlerRef {
    pub name: String,
    /// `None`: a function of this file.
    pub module: Option<ModuleRef>,
    pub framework: String,
    pub span: Span,
}

/// A pool-size setting: `pool_size=20`, `max: 50`, `connection_limit=5`, `.max_connections(50)`.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct PoolSetting {
    pub key: String,
    pub value: PoolValue,
    pub span: Span,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolValue {
    Bounded(u64),
    Unbounded,
    /// A value connlint could not evaluate (a variable, an env lookup).
    Unknown,
}

/// How a session, connection or checked-out client is closed (for `unclosed-session`).
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, Default,
)]
pub enum Closing {
    /// Closed on every path: `with` / `async with` (when the library's context manager closes),
    /// `try … finally: close()`, `using` / `await using`.
    Always,
    /// Someone else closes it: returned to the caller, stored on an owner (`self.x`, `this.x`) or
    /// in module state.
    HandedOver,
    /// Closed, but not on every path (not in `finally`; after a generator's `yield` without
    /// `try/finally`): an exception leaks it.
    NotOnErrorPaths,
    /// Never closed.
    #[default]
    Never,
}

/// A session, connection or pooled client checked out in a function (catalogue kinds
/// `session`, `checkout`, `connection`, and clients marked `must_close`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct SessionSite {
    /// Catalogue id.
    pub client: String,
    pub kind: ClientKind,
    /// As written, short: `SessionLocal()`, `pool.connect()`, `psycopg2.connect()`.
    pub ctor: String,
    pub span: Span,
    pub binding: Option<String>,
    pub closing: Closing,
    /// The release method to call (`close`, `release`, `end`, `putconn`), for messages and fixes.
    pub release: Option<String>,
    pub scope: Scope,
    pub in_fn: Option<usize>,
    /// The function is a generator (Python `yield`): a FastAPI / pytest dependency.
    pub in_generator: bool,
    /// Python: returned to the caller (`return SessionLocal()`): the function is a factory of
    /// sessions, and its callers must close what it gives them.
    #[serde(default)]
    pub returned: bool,
    /// Where a fix can act.
    pub anchors: SessionAnchors,
    /// Raw SQL opened session state on the checkout (`BEGIN`) that some path does not end:
    /// the site is that statement, and the pooled connection goes back to the pool with it.
    pub sql_state: Option<SqlState>,
    /// TS/JS: a checkout on a name imported from the project (`import { db } from "./db";
    /// db.connect()`): a checkout only if that module keeps a client of the entry `on` under
    /// that name, which the project pass checks.
    #[serde(default)]
    pub receiver_import: Option<ImportedReceiver>,
    /// TS/JS: a `return` between the acquisition and its release, or the `try` whose `finally`
    /// releases it (`const c = await pool.connect(); if (!session) return …; try { … } finally {
    /// c.release() }`): that path leaves it checked out ([`Closing::NotOnErrorPaths`]).
    #[serde(default)]
    pub early_return: Option<Span>,
    /// The release `early_return` skips is in that `try`'s `finally` (a fix wrapping the rest
    /// in a `try` of its own would release it twice); otherwise it is a plain call after the
    /// `return` (`if (seen) return; … client.release()`).
    #[serde(default)]
    pub early_before_try: bool,
}

/// A receiver imported from a module of the project (see [`SessionSite::receiver_import`]).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct ImportedReceiver {
    pub module: ModuleRef,
    /// The exported name (`db`).
    pub name: String,
    /// The catalogue id the module's client must be (`pg-pool`).
    pub on: String,
}

/// Session state opened by raw SQL on a pooled connection (see [`SessionSite::sql_state`]).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct SqlState {
    /// `transaction`, `cursor held across transactions` (catalogue `what`).
    pub what: String,
    /// The opening statement, short: `BEGIN`, `DECLARE export_cur CURSOR WITH HOLD …`.
    pub statement: String,
    /// The statements that end it, for the help: `COMMIT` / `ROLLBACK`.
    pub ends: String,
    /// A `continue` or `break` leaves it open: the loop goes on, so it matters even in code
    /// that runs once (`main`'s polling loop).
    #[serde(default)]
    pub loop_exit: bool,
}

/// Fix anchors of a session site.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct SessionAnchors {
    /// The statement that acquires it (`db = SessionLocal()`).
    pub statement: Option<Span>,
    /// What a `try … finally` fix wraps: the statements after it up to the end of the block.
    /// Python refines it, and leaves it `None` where wrapping could change behaviour: it ends at
    /// a plain release statement of the same block (closed on the happy path only: the fix moves
    /// that release into `finally`), and for a construction that is not bound but evaluated
    /// first in its statement (`r = await aiohttp.ClientSession().get(u)`) it starts at the
    /// acquiring statement itself (the fix binds the construction to a fresh name first).
    pub rest_of_block: Option<Span>,
    /// Indentation of the acquiring statement.
    pub indent: String,
}

/// Something an effect acquires (catalogue `[[effect]]` pairs, or a client built in it).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Acquisition {
    /// Catalogue effect pair id (`event-listener`, `interval`, `websocket`, ...), or
    /// `client:<catalogue id>` for a client constructed inside the effect.
    pub pair: String,
    /// The acquiring call as written, short: `window.addEventListener("resize", onResize)`.
    pub call: String,
    pub span: Span,
    /// What its result is bound to: `const id = setInterval(…)` → `id`; `ref.current = …` →
    /// `ref.current`; destructuring binds the leaf (`{ data: { subscription } }` → `subscription`).
    pub binding: Option<String>,
    /// The receiver's text: `window` in `window.addEventListener(…)`, `client` in `client.connectUser(…)`.
    pub receiver: Option<String>,
    /// The arguments' source texts, whitespace collapsed; an inline function is recorded as
    /// `<function literal at S..E>` (byte span), with `, typed by its call` when its TS
    /// parameters take their types from the call.
    pub args: Vec<String>,
    /// The `signal` option passed, as text (`controller.signal`, `signal`).
    pub signal: Option<String>,
    /// The effect returns the acquisition's result as its cleanup (`return onSnapshot(…)`),
    /// or stores it where its cleanup releases it (`cleanups.push(onSnapshot(…))`,
    /// `const subs = [channel.on(…)]` with `subs.forEach((s) => s.unsubscribe())`).
    pub returned: bool,
    /// The effect-body statement holding it (for a fix that binds an unbound acquisition or an
    /// inline handler); `Some` only when the names its release would use are visible in the
    /// cleanup the fix extends.
    pub statement: Option<Span>,
    /// Made in a function other code calls later, not in the effect's own run: a callback
    /// given to a listener, observer or subscription (`new ResizeObserver(() => …)`), a local
    /// function only such callbacks use, or one that returns it to callers that keep it
    /// (`const schedule = (fn) => setTimeout(fn, 50)`). A one-shot timer there is no leak.
    pub in_callback: bool,
    /// The abort signal given when the receiver was built
    /// (`const sub = new SSEStreamSubscription(url, { signal: abort.signal })` for
    /// `sub.subscribe()`), resolved like [`Acquisition::signal`]: aborting it ends what the
    /// receiver started.
    pub receiver_signal: Option<String>,
    /// Other names the effect stores its receiver's or its result's root under, as
    /// `(root, alias)`: `joined = lobby` gives `("lobby", "joined")`, so that a cleanup's
    /// `joined.leave()` releases `lobby.join()`.
    pub aliases: Vec<(String, String)>,
    /// Where a fix can release it when the cleanup cannot name what it acquired (TS/JS): see
    /// [`NestedAnchors`]. `None` otherwise.
    pub nested: Option<NestedAnchors>,
    /// What the effect gives the acquisition to watch (`observer.observe(el)`: `el`), canonical,
    /// for pairs whose catalogue entry names a `target_method`; a release of one target
    /// (`unobserve(el)`) releases only that one.
    #[serde(default)]
    pub targets: Vec<String>,
    /// Where the file defines the function it is handed by name (`setTimeout(poll, 1000)` and
    /// `const poll = () => …`): a one-shot re-arms only when that function requests it again.
    #[serde(default)]
    pub callback_def: Option<Span>,
}

/// An acquisition that is the whole of its own statement (`await client.connectUser(…);`,
/// `const ws = new WebSocket(url);`, `setTimeout(…);`) inside blocks (`if`, `try`) or functions
/// the effect runs (an async init function, an async IIFE, a `.then` callback), never in a
/// loop: a fix declares `let release = () => {};` at the top of the effect body, assigns the
/// release to it next to the acquisition, and calls it in the cleanup.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct NestedAnchors {
    /// The acquisition's own statement.
    pub own: Span,
    /// That statement declares the acquisition's binding (`const ws = new WebSocket(url);`):
    /// the release goes after it, otherwise before it.
    pub declares: bool,
    /// The start of the effect body's first statement.
    pub body_start: u32,
}

/// A call made by an effect's cleanup (directly, in nested callbacks such as
/// `connecting.then(() => client.disconnectUser())`, or in same-file helpers it calls).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct CleanupCall {
    /// The function or method name: `removeEventListener`, `clearInterval`, `unsubscribe`, `unsub`.
    pub callee: String,
    pub receiver: Option<String>,
    pub args: Vec<String>,
    pub span: Span,
}

/// The cleanup an effect returns (or `componentWillUnmount`, or Vue `onUnmounted`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Cleanup {
    pub span: Span,
    pub calls: Vec<CleanupCall>,
}

/// A React effect (`useEffect`, `useLayoutEffect`, `useInsertionEffect`), a class component's
/// `componentDidMount`, or a Vue `onMounted`.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct EffectFact {
    /// `useEffect`, `useLayoutEffect`, `useInsertionEffect`, `componentDidMount`, `onMounted`.
    pub hook: String,
    /// The hook call (or the method name).
    pub span: Span,
    /// The enclosing component or hook.
    pub component: Option<String>,
    pub acquisitions: Vec<Acquisition>,
    /// `None`: no cleanup is returned.
    pub cleanup: Option<Cleanup>,
    pub anchors: EffectAnchors,
    /// Where the release belongs when it is not in the cleanup the hook returns: the unmount
    /// method of a component's lifecycle (`componentWillUnmount`, `disconnectedCallback`).
    #[serde(default)]
    pub release_hook: Option<String>,
    /// The hook runs once per mount of its component: a mount method, `onMounted`, a React
    /// effect with an empty dependency list.
    #[serde(default)]
    pub once_per_mount: bool,
}

/// Where a fix can add or extend a cleanup.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct EffectAnchors {
    /// Offset just before the closing `}` of the effect callback's block body (no cleanup yet).
    pub body_end: Option<u32>,
    /// Offset just before the closing `}` of the returned cleanup's block body.
    pub cleanup_end: Option<u32>,
    /// The cleanup is an expression-bodied arrow (`return () => x.close()`): its body's span.
    pub cleanup_expr: Option<Span>,
    /// Indentation of the statements inside the effect body.
    pub indent: String,
}

/// An option written at a construction: a keyword argument (`pool_size=20`), an object
/// property (`max: 20`, nested keys joined with `.`: `connect_args.statement_cache_size`), or a
/// builder method (`.max_connections(20)`). Module constants are followed.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct OptionFact {
    pub key: String,
    pub value: OptValue,
    pub span: Span,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub enum OptValue {
    Int(i64),
    Str(String),
    Bool(bool),
    /// `None`, `null`, `undefined`.
    Null,
    /// A name connlint does not evaluate but rules may recognise (`NullPool`, `pool.NullPool`).
    Name(String),
    /// Anything else (a call, an env lookup, arithmetic).
    Unknown,
}

impl OptValue {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            OptValue::Int(n) => Some(*n),
            _ => None,
        }
    }
}

/// Where a client's connection URL comes from.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub enum UrlRef {
    /// A string literal (or module constant) in the code.
    Literal { text: String, span: Span },
    /// An environment variable: `process.env.DATABASE_URL`, `os.environ["DATABASE_URL"]`,
    /// `os.getenv("DATABASE_URL")`, `settings.DATABASE_URL`, `env::var("DATABASE_URL")`.
    /// `fallback`: the literal the code uses when the variable is unset
    /// (`os.environ.get("DATABASE_URL", "postgresql://…")`, `process.env.X ?? "…"`,
    /// `env::var("X").unwrap_or_else(|_| "…".into())`), read when no dotenv file defines it.
    Env {
        name: String,
        span: Span,
        #[serde(default)]
        fallback: Option<(String, Span)>,
    },
}

/// The options and URL written at one construction (`FileFacts::clients[client]`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Default)]
pub struct ClientConfig {
    /// Index into [`FileFacts::clients`].
    pub client: usize,
    pub options: Vec<OptionFact>,
    pub url: Option<UrlRef>,
    /// The URL is what a project function returns (`create_engine(get_database_url())`, the
    /// function imported from another module): resolved in the project pass against that
    /// module's [`FileFacts::url_returns`] (see `pools::url_ref`).
    pub url_call: Option<UrlCall>,
}

/// A call to a project function whose value is a connection URL.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct UrlCall {
    /// The function's own name.
    pub name: String,
    /// Where it is defined: `None` for this file.
    pub module: Option<ModuleRef>,
}

/// A module-level function whose every `return` gives the same URL (`def database_url():
/// return os.environ["DATABASE_URL"]`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct UrlReturn {
    pub name: String,
    pub url: UrlRef,
}

impl ClientConfig {
    /// The option written under `key`, if any.
    pub fn option(&self, key: &str) -> Option<&OptionFact> {
        self.options.iter().find(|o| o.key == key)
    }
}

impl UrlRef {
    /// The environment variable, for `UrlRef::Env`.
    pub fn env_name(&self) -> Option<&str> {
        match self {
            UrlRef::Env { name, .. } => Some(name),
            UrlRef::Literal { .. } => None,
        }
    }

    /// The literal text and its span, for `UrlRef::Literal`.
    pub fn literal(&self) -> Option<(&str, Span)> {
        match self {
            UrlRef::Literal { text, span } => Some((text, *span)),
            UrlRef::Env { .. } => None,
        }
    }
}

/// A connection URL written in a dotenv file or a string literal.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct ConnUrl {
    /// The variable it is assigned to (dotenv `DATABASE_URL=…`), if any.
    pub var: Option<String>,
    /// The URL: the literal's value (escapes decoded).
    pub text: String,
    /// Where it is written (inside the quotes); the same text as `text` unless the literal has
    /// escapes, so an edit must find `text` in it (or give up).
    pub span: Span,
}

/// Everything a front-end learned about one file.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct FileFacts {
    /// The keys other files use to import this module (see [`ModuleRef`]): for
    /// `src/lib/db.ts` → `src/lib/db`; for `app/db/__init__.py` → `app/db`; for
    /// `src/db/mod.rs` → `src/db`.
    pub module_keys: Vec<String>,
    pub clients: Vec<ClientSite>,
    pub functions: Vec<FnFact>,
    pub calls: Vec<CallSite>,
    pub handler_refs: Vec<HandlerRef>,
    /// Effects and their cleanups (TS/JS).
    pub effects: Vec<EffectFact>,
    /// Sessions, connections and checkouts opened in functions.
    pub sessions: Vec<SessionSite>,
    /// Code that only runs in production (`if (process.env.NODE_ENV === "production") { … }`, the
    /// `else` of a `=== "development"` test): Next.js hot reloads cannot re-run it.
    pub production_only: Vec<Span>,
    /// Options and URLs of the constructions in `clients`.
    pub client_configs: Vec<ClientConfig>,
    /// Connection URLs (dotenv values, string literals that are database URLs).
    pub urls: Vec<ConnUrl>,
    /// Project modules this file imports (for "the module most imported").
    pub imports: Vec<ModuleRef>,
    /// Syntax errors the parser recovered from (the facts are partial around them).
    pub syntax_errors: Vec<Span>,
    /// What the front-end saw but could not read (an unterminated quote in a dotenv value):
    /// reported under `errors` with their place, so a degraded result is never silent.
    pub notes: Vec<Note>,
    /// Functions that return a connection URL, for clients elsewhere built on their result.
    pub url_returns: Vec<UrlReturn>,
    /// The file runs as a process of its own (a script, a binary; see `lang::is_entry_script`):
    /// found by the front-end stage when the file is extracted, so that rules and fix builders
    /// read it as a fact instead of asking a front-end. (Whether a module imports it is the
    /// reader's part.)
    #[serde(default)]
    pub entry_script: bool,
    /// A module in a scripts folder that its host loads as a plugin (it runs nothing when
    /// loaded and subclasses a dependency's class: Hummingbot's `scripts/` strategies): not a
    /// one-off script, whatever its folder.
    #[serde(default)]
    pub hosted_plugin: bool,
    /// Rust: traits this file declares whose implementations a framework calls per request.
    #[serde(default)]
    pub callback_traits: Vec<CallbackTrait>,
    /// Rust: the `impl Trait for Type` blocks of this file whose trait is the project's own.
    #[serde(default)]
    pub trait_impls: Vec<TraitImpl>,
    /// Rust: struct fields (and statics) declared to hold checked-out connections or transactions.
    #[serde(default)]
    pub checkout_fields: Vec<CheckoutField>,
    /// Rust: values built by a call and put into a collection reached through a struct field (or a
    /// static).
    #[serde(default)]
    pub parked: Vec<Parked>,
    /// TS/JS: project modules whose exports this file re-exports (`export * from "./Database"`,
    /// `export { initDatabase } from "./Database"`): a barrel (`index.ts`) a caller imports
    /// from stands for them.
    #[serde(default)]
    pub reexports: Vec<ModuleRef>,
    /// Rust: project modules this file declares only for tests (`#[cfg(test)] mod testutils;`):
    /// the code of those files is test code (see [`FileFacts::make_test`]).
    #[serde(default)]
    pub test_modules: Vec<ModuleRef>,
    /// Rust: project modules this file declares only with a Cargo feature (`#[cfg(feature =
    /// "postgres")] mod postgres;`), and the feature.
    #[serde(default)]
    pub feature_modules: Vec<(ModuleRef, String)>,
    /// Rust: the feature this file's module is declared under, by its parent module (set by the
    /// extraction stage from the other files' `feature_modules`).
    #[serde(default)]
    pub cfg_feature: Option<String>,
    /// TS / Python: module-level tables of functions other modules may import and call through
    /// (`export const commands = { remind, related }`, `HANDLERS = {"created": on_created}`):
    /// a call of `commands[name](…)` in another file is a call of each member.
    #[serde(default)]
    pub tables: Vec<DispatchTable>,
    /// TS/JS: components this file mounts as an application's root (`createApp(App)`,
    /// `createRoot(el).render(<App />)`): they live as long as the page.
    #[serde(default)]
    pub root_mounts: Vec<RootMount>,
    /// TS/JS: custom elements this file defines (`customElements.define("org-nav", OrgNav)`),
    /// as (tag, class), and the tags its script creates (`document.createElement("org-nav")`,
    /// `<org-nav>` in a template): an element only markup places lives as long as its page.
    #[serde(default)]
    pub custom_elements: Vec<(String, String)>,
    #[serde(default)]
    pub created_tags: Vec<String>,
    /// TS/JS: the function this module exports as its default (`module.exports = patch`,
    /// `export default function patch() {…}`): what `require("./patch")()` calls.
    #[serde(default)]
    pub default_export: Option<String>,
    /// TS: module-level aliases of a value's type (`export type Db = typeof pool`), as (alias,
    /// value): a parameter typed `Db` in another file is that value.
    #[serde(default)]
    pub type_aliases: Vec<(String, String)>,
}

/// A component mounted as an application's root (see [`FileFacts::root_mounts`]).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct RootMount {
    /// The component's name in the mounting file.
    pub name: String,
    /// Where it is imported from (`None`: declared in the mounting file).
    pub module: Option<ModuleRef>,
}

/// The custom-element tags (lowercase names with a `-`) a text writes: markup (`<org-nav`, in a
/// page, a template string or JSX) and `createElement("org-nav")`. Each is given to `found` as
/// it is met (repeats included). Read from the text alone, comments too.
pub fn element_tags(text: &str, mut found: impl FnMut(&str)) {
    let mut take = |rest: &str| {
        let name = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
            .next()
            .unwrap_or("");
        if name.contains('-') && name.starts_with(|c: char| c.is_ascii_lowercase()) {
            found(name);
        }
    };
    for (i, _) in text.match_indices('<') {
        take(&text[i + 1..]);
    }
    for (i, m) in text.match_indices("createElement(") {
        let rest = text[i + m.len()..].trim_start();
        if let Some(q) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        {
            take(&rest[q.len_utf8()..]);
        }
    }
}

/// A module-level object / dict of functions (see [`FileFacts::tables`]).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct DispatchTable {
    pub name: String,
    /// Each member function: its name, and where it is defined (`None`: this file).
    pub members: Vec<(String, Option<ModuleRef>)>,
}

impl FileFacts {
    /// Read every scope of this file as test code: the file is a module only tests declare.
    pub fn make_test(&mut self) {
        let scopes = self
            .clients
            .iter_mut()
            .map(|c| &mut c.scope)
            .chain(self.functions.iter_mut().map(|f| &mut f.scope))
            .chain(self.calls.iter_mut().map(|c| &mut c.scope))
            .chain(self.sessions.iter_mut().map(|s| &mut s.scope))
            .chain(self.parked.iter_mut().map(|p| &mut p.scope));
        for scope in scopes {
            scope.kind = ScopeKind::Test;
        }
    }
}

/// A struct field, or a `static`, whose type holds connections checked out of a pool, or
/// transactions holding one (a catalogue `checkout` / `session` entry by its `type_path`):
/// `held: Arc<Mutex<HashMap<SocketAddr, PooledConnection<'static, M>>>>`, `static OPEN:
/// LazyLock<Mutex<HashMap<Uuid, Transaction<'static, MySql>>>>`.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct CheckoutField {
    /// The struct (`Leases`); empty for a `static`, whose name is `field`.
    pub owner: String,
    pub field: String,
    /// Catalogue id of what it holds.
    pub client: String,
    /// The field's name.
    pub span: Span,
    /// Held in a struct's own collection (`sessions: HashMap<String, PoolConnection<…>>`), not
    /// one shared between tasks: it outlives a call only when the struct does (one built at
    /// start-up: an actor, a registry).
    #[serde(default)]
    pub own: bool,
    /// Holds one checkout, in no collection (`ledger: PooledConnection<'static, M>`, `static
    /// META: OnceLock<Mutex<PooledConnection<M>>>`): what is put there stays as long as its
    /// owner does.
    #[serde(default)]
    pub single: bool,
}

/// A value built by a call and put into a collection reached through a struct field or a
/// `static`: `self.held.lock().await.insert(peer, conn)` after `let conn =
/// pool.get_owned().await?` (`field` is `held`), `OPEN.lock().await.insert(token, tx)` (`field`
/// is `OPEN`, `owner` none).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Parked {
    /// The type whose field it is (`Leases` for `self`, `BotCtx` for `ctx: &BotCtx`), if known.
    pub owner: Option<String>,
    pub field: String,
    /// The call that built it, short (`pool.get_owned()`).
    pub ctor: String,
    /// That call.
    pub span: Span,
    /// The call that puts it into the collection (`….insert(peer, conn)`).
    pub at: Span,
    pub scope: Scope,
    pub in_fn: Option<usize>,
    /// Rust: no collection nor field, but a local checkout (`field` is its name) that a loop
    /// which does not end uses after it (`let mut conn = pool.get_conn()?; for event in
    /// listener.listen() { conn.exec_drop(…)?; }`): `at` is that loop.
    #[serde(default)]
    pub across_loop: bool,
    /// With `across_loop`: the loop does not use it; it is only still in scope, never dropped
    /// (`let mut boot = pool.acquire().await?; load(&mut boot).await?; loop { … }`).
    #[serde(default)]
    pub idle: bool,
}

/// A trait declared under an attribute that makes a framework call its implementations per
/// request (catalogue `[registration] trait_attributes`: tarpc's `#[tarpc::service] trait
/// Inventory { … }`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct CallbackTrait {
    pub name: String,
    /// The crate of the attribute (`tarpc`), for messages.
    pub framework: String,
    /// The trait's name.
    pub span: Span,
}

/// An implementation of a trait of the project (`impl Inventory for InventoryServer`), in any
/// module: if the trait is a [`CallbackTrait`], its methods run per request.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct TraitImpl {
    /// The trait's name (`Inventory`).
    pub name: String,
    /// Where the trait is declared: `None` for this file.
    pub module: Option<ModuleRef>,
    /// Its methods: indices into [`FileFacts::functions`].
    pub functions: Vec<usize>,
}

/// Something a front-end could not read, at `span`.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Note {
    pub span: Span,
    pub message: String,
}

impl FileFacts {
    /// Gives back what the lists of a finished extraction over-allocated: facts are held to
    /// the end of a run, and a list grown by doubling holds up to twice what it uses.
    pub fn shrink(&mut self) {
        // Destructured so that a new list cannot be forgotten here.
        let FileFacts {
            module_keys,
            clients,
            functions,
            calls,
            handler_refs,
            effects,
            sessions,
            production_only,
            client_configs,
            urls,
            imports,
            syntax_errors,
            notes,
            url_returns,
            entry_script: _,
            hosted_plugin: _,
            callback_traits,
            trait_impls,
            checkout_fields,
            parked,
            reexports,
            test_modules,
            feature_modules,
            cfg_feature: _,
            tables,
            root_mounts,
            custom_elements,
            created_tags,
            default_export: _,
            type_aliases,
        } = self;
        type_aliases.shrink_to_fit();
        module_keys.shrink_to_fit();
        clients.shrink_to_fit();
        functions.shrink_to_fit();
        calls.shrink_to_fit();
        handler_refs.shrink_to_fit();
        effects.shrink_to_fit();
        sessions.shrink_to_fit();
        production_only.shrink_to_fit();
        client_configs.shrink_to_fit();
        urls.shrink_to_fit();
        imports.shrink_to_fit();
        syntax_errors.shrink_to_fit();
        notes.shrink_to_fit();
        url_returns.shrink_to_fit();
        callback_traits.shrink_to_fit();
        trait_impls.shrink_to_fit();
        checkout_fields.shrink_to_fit();
        parked.shrink_to_fit();
        reexports.shrink_to_fit();
        test_modules.shrink_to_fit();
        feature_modules.shrink_to_fit();
        tables.shrink_to_fit();
        root_mounts.shrink_to_fit();
        custom_elements.shrink_to_fit();
        created_tags.shrink_to_fit();
    }

    pub fn function(&self, idx: Option<usize>) -> Option<&FnFact> {
        idx.and_then(|i| self.functions.get(i))
    }

    /// The options and URL of `clients[idx]`, if the front-end recorded any.
    /// The options of client `idx` (`client_configs` is sorted by client: see `lang::extract`).
    pub fn client_config(&self, idx: usize) -> Option<&ClientConfig> {
        let at = self.client_configs.partition_point(|c| c.client < idx);
        self.client_configs.get(at).filter(|c| c.client == idx)
    }
}

/// One checked file: its source and facts (shared: the many files a run reads but does not
/// parse share one empty set).
pub struct CheckedFile {
    pub source: crate::source::SourceFile,
    pub facts: std::sync::Arc<FileFacts>,
}

#[cfg(test)]
mod tests {
    use super::arg_key;

    #[test]
    fn spellings_of_one_argument_share_a_key() {
        // Borrows, clones and awaits of one value are one value; two config keys are two.
        assert_eq!(
            arg_key("&cfg.database_url"),
            arg_key("cfg.database_url.clone()")
        );
        assert_eq!(arg_key("url.as_str()"), Some("url".to_string()));
        assert_eq!(
            arg_key("app.config[ \"DB\" ]"),
            Some("app.config[\"DB\"]".to_string())
        );
        assert_ne!(
            arg_key("config.TIMESCALE_URI"),
            arg_key("config.DATABASE_URI")
        );
        assert_eq!(arg_key("  "), None);
        assert_eq!(arg_key(&"x".repeat(200)), None);
    }
}

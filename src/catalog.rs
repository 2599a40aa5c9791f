//! The catalogue: what connlint knows about client libraries, as data.
//!
//! `rules/catalog/{typescript,python,rust}.toml` are embedded in the binary and parsed once.
//! Users add libraries with `[[catalog.client]]` in their config, in the same schema.
//! Adding a library never needs Rust code.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::facts::ClientKind;

/// One client library entry.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClientDef {
    /// Unique id, e.g. `prisma`, `pg-pool`, `sqlalchemy-engine`, `sqlx-pool`.
    pub id: String,
    /// Config `[[catalog.client]]` entries only: `typescript`, `python` or `rust`.
    #[serde(default)]
    pub language: Option<String>,
    /// The package / distribution / crate, for messages: `@prisma/client`, `SQLAlchemy`, `sqlx`.
    pub library: String,
    /// Database or service family: `postgres`, `mysql`, `mongodb`, `redis`, `sql`, `http`, ...
    pub family: String,
    pub kind: ClientKind,
    /// Import sources that give identity.
    /// - TS/JS: module specifiers (`pg`, `@prisma/client`); a `*` matches any characters.
    /// - Python: module paths (`sqlalchemy`, `sqlalchemy.ext.asyncio`).
    /// - Rust: crate names (`sqlx`, `reqwest`).
    pub modules: Vec<String>,
    /// How a client is built.
    #[serde(default)]
    pub constructors: Vec<CtorDef>,
    /// APIs that return the library's own stored singleton (never flagged as per-request).
    #[serde(default)]
    pub singletons: Vec<CtorDef>,
    /// Methods that close / release / dispose of the client.
    #[serde(default)]
    pub release: Vec<String>,
    /// Next.js: a module-scope client of this library must be cached on `globalThis`.
    #[serde(default)]
    pub hot_reload: bool,
    /// Documented to be created and closed per request in edge handlers (Neon).
    #[serde(default)]
    pub edge_ok: bool,
    /// Pool-size keys (options / keyword arguments / builder methods) with their defaults.
    #[serde(default)]
    pub pool_keys: Vec<PoolKeyDef>,
    /// A link to the library's guidance, printed in help.
    #[serde(default)]
    pub docs: Option<String>,
    /// TS/JS: methods whose result is the client itself (`client.connect()` on a MongoClient,
    /// `pool.promise()` on mysql2), so `return client.connect()` hands the client over.
    #[serde(default)]
    pub returns_self: Vec<String>,
    /// TS/JS: methods that return a handle bound to the client (`client.db(name)` on a
    /// MongoClient, `pool.connect()` on a pg Pool): returning one hands out the live client
    /// (`Returned::Derived`). Returning the result of any other method (query data) does not.
    #[serde(default)]
    pub handles: Vec<String>,
    /// Python: `with X(...) as c:` does not close the client: its context manager only ends a
    /// transaction (psycopg2's connection commits or rolls back and stays open).
    #[serde(default)]
    pub with_keeps_open: bool,
    /// Python: methods whose result keeps the connection reachable (`conn.cursor()`: the cursor's
    /// `.connection`), so `return conn.cursor()` hands the connection over to the caller.
    #[serde(default)]
    pub owner_handles: Vec<String>,
    /// Python: a construction given a connection someone else holds (`Session(bind=connection)`
    /// in an event listener, `Session(bind=op.get_bind())` in a migration) owns nothing to close.
    #[serde(default)]
    pub borrows: Option<BorrowedBind>,
    /// The environment variable the library reads its URL from when the code gives none
    /// (Prisma: `DATABASE_URL`, named in `schema.prisma`), and the options that give one.
    #[serde(default)]
    pub default_url_env: Option<DefaultUrlEnv>,
    /// The release is a method of the pool the connection came from, taking the connection:
    /// `pool.putconn(conn)`, `await pool.release(conn)` (not `conn.release()`).
    #[serde(default)]
    pub release_on_owner: bool,
    /// Settings needed behind a transaction-mode pooler (`pooler-prepared-statements`).
    #[serde(default)]
    pub pooler: Vec<PoolerRequirement>,
    /// A client (kind `client`) that must be closed when it is opened inside a function
    /// (`httpx.Client`, `aiohttp.ClientSession`, `requests.Session`): `unclosed-session` checks it.
    #[serde(default)]
    pub must_close: bool,
    /// The library's singleton API that replaces a `new` construction with the same arguments
    /// (`StreamChat.getInstance` for `new StreamChat(…)`): the `per-request-client` fix.
    #[serde(default)]
    pub singleton_fix: Option<SingletonFix>,
    /// Python: must be created inside a running event loop (`aiohttp.ClientSession`), so a fix
    /// never moves it to module scope.
    #[serde(default)]
    pub loop_bound: bool,
    /// Options that hand the client an existing pool (`redis.Redis(connection_pool=POOL)`): built
    /// per call with one, it opens nothing of its own.
    #[serde(default)]
    pub shared_pool_options: Vec<String>,
    /// Options that pin the client to what one request resolved (undici's `connect.lookup`
    /// answering with an address validated against SSRF): built per request with one, it is
    /// per-target by design, not a pool that should have been shared.
    #[serde(default)]
    pub per_target_options: Vec<String>,
    /// Rust: the client's type by its crate's root path (`sqlx::PgPool`), for a fix that names
    /// it (an axum `State<…>` extractor) when nothing in the project writes it.
    #[serde(default)]
    pub type_path: Option<String>,
    /// A long-lived stream (a WebSocket to an upstream) that clients reopen in a loop when it
    /// drops: a loop around it is a reconnect loop, not a new connection per item, so
    /// `per-request-client` judges it only in handlers and renders.
    #[serde(default)]
    pub reconnects: bool,
    /// Rust: constructors that return the client itself rather than a `Result` or a future
    /// (`reqwest::Client::new`), so a fix may replace the construction without its `?`.
    #[serde(default)]
    pub infallible: Vec<String>,
    /// Names that list the library's own live instances (firebase-admin's `getApps`, Python's
    /// `_apps` / `get_app`): a construction under a condition that reads them (`if
    /// (!getApps().length) initializeApp()`, `if not firebase_admin._apps:`), or in the `except`
    /// of a `try` that asks them first (Python), reuses the library's singleton.
    #[serde(default)]
    pub registry: Vec<String>,
    /// A throwaway call (`httpx.get(url)`) rewritten to a shared client: the `per-request-client` fix.
    #[serde(default)]
    pub shared: Option<SharedClient>,
    /// A call that connects the library's one default connection (`mongoose.connect`): modules
    /// calling it share that connection (no duplicate clients), and the `per-request-client`
    /// fix makes a call per request connect only while disconnected
    /// (`if (mongoose.connection.readyState === 0) await mongoose.connect(uri);`).
    #[serde(default)]
    pub default_connection: Option<DefaultConnection>,
}

/// See [`ClientDef::default_connection`].
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DefaultConnection {
    /// The callee as written (`mongoose.connect`); other spellings get no edit.
    pub call: String,
    /// The condition under which it still connects (`mongoose.connection.readyState === 0`).
    pub condition: String,
}

/// A `new X(…)` construction rewritten to the library's singleton API.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SingletonFix {
    /// The singleton call that replaces `new <ctor>` (`StreamChat.getInstance`).
    pub call: String,
    /// Only when the arguments are one object literal (`new StreamVideoClient({ apiKey, … })`).
    #[serde(default)]
    pub object_arg: bool,
}

/// How a throwaway call becomes a call on one shared client.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SharedClient {
    /// The callee as written before the method (`httpx`, `reqwest`); other spellings (an alias,
    /// a bare imported `get`) get no edit.
    pub prefix: String,
    /// The shared client's name (`_HTTPX_CLIENT`).
    pub name: String,
    /// Its module-level declaration.
    pub declare: String,
    /// The replacement call: `{name}`, `{method}` and `{args}` (the parenthesised arguments as
    /// written) are substituted.
    pub call: String,
    /// Rust: declare at the end of the file (a `static`); otherwise after the imports.
    #[serde(default)]
    pub at_end: bool,
}

/// See [`ClientDef::borrows`]: the keyword argument, and what its value looks like when it is a
/// connection the caller holds: a call of one of `calls` (`op.get_bind()`,
/// `session.connection()`) or a name containing one of `names` (`connection`, `conn`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BorrowedBind {
    pub keyword: String,
    #[serde(default)]
    pub calls: Vec<String>,
    #[serde(default)]
    pub names: Vec<String>,
}

/// One way to build a client.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CtorDef {
    /// TS/JS: `new <path>(…)`, e.g. `PrismaClient`, `Redis.Cluster`.
    pub new: Option<String>,
    /// A call of `<path>(…)`: TS/JS an export (`createPool`, `default`, `MongoClient.connect`);
    /// Python an attribute path under a module (`create_engine`, `Redis.from_url`);
    /// Rust a path suffix under the crate (`PgPool::connect`, `Client::new`, `get`).
    pub call: Option<String>,
    /// A builder: the construction is the call of one of these methods on a chain that starts
    /// with `call` (`PgPoolOptions::new` … `.connect(url)`).
    pub then: Vec<String>,
    /// Rust: `call` names a type rather than a function, and the construction is one of the
    /// `then` methods called on any value of that type: `client.get_connection()` on a
    /// `redis::Client`, `cfg.create_pool(..)` on a `deadpool_postgres::Config`. The front-end
    /// knows the receiver's type from a local built by the type's struct literal or one of its
    /// associated functions (`Config::new()`, `Client::open(url)?`), a typed parameter or
    /// extractor (`State<redis::Client>`), a typed `let`, or a struct field declared in the file.
    /// Matched by [`LangCatalog::match_rs_value`], never by [`LangCatalog::match_rs`].
    pub on_type: bool,
    /// TS/JS and Python: `call` is a method called on an instance of the catalogue entry with
    /// this id (`pool.connect()` on a `pg-pool`, `engine.connect()` on a `sqlalchemy-engine`);
    /// `call = "()"` means calling the instance itself (`SessionLocal()` on a
    /// `sqlalchemy-sessionmaker`). The front-end knows the receiver from a binding of that
    /// entry's construction in the file, or, for an imported receiver, from its name.
    pub on: Option<String>,
    /// TS/JS: the call builds a client only when its first argument has one of these shapes:
    /// `url` (a string or template literal, or `process.env.X` / `env.X`) or `{key}` (an object
    /// literal with that key). Empty: any arguments. (`drizzle(url)` builds a pool;
    /// `drizzle(pool)` / `drizzle({ client })` wraps one.)
    pub first_arg: Vec<String>,
    /// Python: this constructor must run inside a running event loop
    /// (`psycopg_pool.AsyncConnectionPool`): a fix never moves it to module scope.
    pub loop_bound: bool,
    /// Building one per call of a plain function is the library's own advice (boto3 sessions
    /// are not thread-safe): `per-request-client` judges it only in handlers, renders and loops.
    pub per_call_ok: bool,
    /// TS/JS: with `on`, the method's name is the library's own (`createQueryRunner`): an
    /// imported or returned receiver of any name is an instance when the file imports, or the
    /// project depends on, the library (not only a receiver named like `pool`).
    pub named_method: bool,
}

impl ClientDef {
    /// The constructors called `call` that a construction written `ctor` (`boto3.Session()`,
    /// `psycopg_pool.AsyncConnectionPool(…)`) uses, for per-constructor flags.
    pub fn call_ctors<'d>(&'d self, ctor: &'d str) -> impl Iterator<Item = &'d CtorDef> + 'd {
        let name = ctor.split('(').next().unwrap_or("");
        self.constructors.iter().filter(move |k| {
            k.call
                .as_deref()
                .is_some_and(|call| name == call || name.ends_with(&format!(".{call}")))
        })
    }
}

impl CtorDef {
    /// The path of this constructor (`new` or `call`).
    pub fn path(&self) -> &str {
        self.new.as_deref().or(self.call.as_deref()).unwrap_or("")
    }
    pub fn is_new(&self) -> bool {
        self.new.is_some()
    }
}

/// A pool-size key and its default.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PoolKeyDef {
    pub key: String,
    #[serde(default)]
    pub default: Option<u64>,
    /// Added to the pool maximum (SQLAlchemy `max_overflow`).
    #[serde(default)]
    pub additive: bool,
    /// Values that mean "no limit" (`-1`, `None`).
    #[serde(default)]
    pub unbounded: Vec<String>,
    /// A minimum (`min_size`): not part of the pool's maximum.
    #[serde(default)]
    pub min: bool,
    /// A query parameter of the connection URL (`connection_limit`, `maxPoolSize`) rather than an
    /// option of the constructor.
    #[serde(default)]
    pub url: bool,
    /// A default that depends on the machine: `per_cpu × CPUs + plus` (Prisma ≤ 6's
    /// `connection_limit`, `num_physical_cpus * 2 + 1`). Used by `connlint budget` with
    /// `[budget] cpus`; rules, which judge what is written, leave it alone.
    #[serde(default)]
    pub cpu_default: Option<CpuDefault>,
}

/// `per_cpu × CPUs + plus`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CpuDefault {
    pub per_cpu: u64,
    #[serde(default)]
    pub plus: u64,
}

/// An implicit URL source (see [`ClientDef::default_url_env`]).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DefaultUrlEnv {
    pub var: String,
    /// Options (top-level keys) that give the URL explicitly, or replace the connection.
    #[serde(default)]
    pub unless: Vec<String>,
}

/// What a client needs behind a transaction-mode pooler (PgBouncer / Supavisor `:6543`), where
/// prepared statements do not work (`pooler-prepared-statements`). Each requirement is one
/// option or URL parameter with its accepted values.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PoolerRequirement {
    /// Constructor options, any of which may carry the setting (`prepare`,
    /// `connect_args.statement_cache_size`, `kwargs.prepare_threshold`, `poolclass`).
    #[serde(default)]
    pub options: Vec<String>,
    /// A URL query parameter (`pgbouncer`).
    #[serde(default)]
    pub url_param: Option<String>,
    /// Accepted values, as written (`false`, `0`, `None`, `NullPool`, `true`); the first is
    /// what the fix writes.
    pub equals: Vec<String>,
    /// Any value written for the option meets the requirement (a function the library calls,
    /// such as SQLAlchemy's `prepared_statement_name_func`); `equals` is then only what the fix
    /// writes.
    #[serde(default)]
    pub any_value: bool,
    /// Only when the URL's scheme is this (`postgresql+asyncpg` for SQLAlchemy over asyncpg).
    #[serde(default)]
    pub when_scheme: Option<String>,
    /// What to write, for the help: `prepare: false`.
    pub fix: String,
    /// The import the accepted value needs, added with the fix
    /// (`from sqlalchemy.pool import NullPool`).
    #[serde(default)]
    pub import: Option<String>,
    /// Keyword options the accepted value does not take, removed with the fix (`NullPool`
    /// rejects `pool_size` and `max_overflow`).
    #[serde(default)]
    pub drops: Vec<String>,
    /// The library reads its URL from the environment by itself (Prisma's `DATABASE_URL`): a
    /// dotenv URL is judged even when no construction in the code reads it.
    #[serde(default)]
    pub dotenv: Option<DotenvRequirement>,
}

/// See [`PoolerRequirement::dotenv`].
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DotenvRequirement {
    /// Projects depending on one of these packages.
    pub deps: Vec<String>,
    /// The library, for the message: `Prisma`.
    pub name: String,
    /// Variables whose name contains one of these are left alone (`DIRECT` for the direct URL
    /// that migrations use).
    #[serde(default)]
    pub skip_vars: Vec<String>,
    pub help: String,
}

/// Calls that register a callback with something that calls it back once per event, whatever
/// library it comes from (`socket.on("message", cb)`, `cron.schedule(expr, cb)`,
/// `setInterval(cb, ms)`): the callback runs per event, as a request handler does. Framework
/// knowledge as data: the front-ends only match these names.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct RegistrationDef {
    /// Methods (`x.on(…)`) whose callback argument runs per event.
    pub methods: Vec<String>,
    /// Plain functions (`setInterval(cb)`) whose callback argument runs per event.
    pub functions: Vec<String>,
    /// Classes whose constructor takes a callback run per event (`new Worker(queue, cb)`).
    pub classes: Vec<String>,
    /// Object keys of a callback handed over in an options object (`consumer.run({ eachMessage })`).
    pub keys: Vec<String>,
    /// Event names whose callback runs once, not per event (`server.on("listening", cb)`,
    /// `process.on("SIGTERM", cb)`): a registration with one of these as its first argument is
    /// not one.
    pub once_events: Vec<String>,
    /// Attributes that register the function (or every method of the impl block) they sit on
    /// with something that calls it per request or event (`#[handler]`, `#[server]`,
    /// `#[tauri::command]`, async-graphql's `#[Object]`): matched on the last path segment.
    pub attributes: Vec<String>,
    /// Traits whose implementations a library calls back per event (serenity's
    /// `EventHandler`, actix's `Handler<M>`, tower's `Service`, jsonrpsee's generated
    /// `*RpcServer`; one `*` stands for any text): their methods run per event, except the
    /// ones named in `once_events` (`ready`, `poll_ready`).
    pub traits: Vec<String>,
    /// Functions that register an instance whose public methods something calls per request
    /// (gRPC's generated `add_GreeterServicer_to_server(Greeter(), server)`); one `*` stands
    /// for any text.
    pub instance_functions: Vec<String>,
    /// GraphQL root types of a resolver map (`{ Query: { product: (_, args) => … } }`): the
    /// functions under them, and under the other types of a map that has one, run per
    /// request (Apollo Server, GraphQL Yoga, Mercurius, graphql-tools' `makeExecutableSchema`).
    pub resolver_types: Vec<String>,
}

/// Does `name` match one of `patterns` (the catalogue's `instance_functions`: one `*` stands
/// for any text)?
pub fn matches_pattern(patterns: &[String], name: &str) -> bool {
    patterns.iter().any(|p| match p.split_once('*') {
        Some((head, tail)) => {
            name.len() >= head.len() + tail.len() && name.starts_with(head) && name.ends_with(tail)
        }
        None => p == name,
    })
}

/// Frameworks that run a script again, top to bottom, on every user interaction (Streamlit):
/// its module scope runs per rerun, except what the framework's cache decorators keep.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct RerunDef {
    /// Modules whose scripts are re-run (`streamlit`): a file importing one and calling it at
    /// module scope (`st.title(…)`) is such a script.
    pub modules: Vec<String>,
    /// Their cache decorators (`@st.cache_resource`): a function under one runs once.
    pub cache: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct CatalogFile {
    registration: RegistrationDef,
    rerun: RerunDef,
    generic_release: Vec<String>,
    duplicates_ok_families: Vec<String>,
    sql_families: Vec<String>,
    client: Vec<ClientDef>,
    effect: Vec<EffectPairDef>,
    dom_event: Vec<DomEventDef>,
    url_options: Vec<String>,
    deriving_methods: Vec<String>,
    positional_options: Vec<PositionalOptionsDef>,
}

/// A config constructor that takes options by position (Rust: deadpool's
/// `PoolConfig::new(max_size)`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PositionalOptionsDef {
    #[serde(rename = "type")]
    pub ty: String,
    pub function: String,
    /// The option each argument sets, in order.
    pub keys: Vec<String>,
}

/// How a cleanup call is matched with an acquisition of an effect pair (`effect-missing-cleanup`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Matching {
    /// Same receiver, same event (first argument), same handler (second argument, when both
    /// give one): `addEventListener` / `removeEventListener`, `on` / `off`.
    Listener,
    /// A release method on the same receiver: `connectUser` / `disconnectUser`, `join` / `leave`.
    Receiver,
    /// Released through the bound result: passed to a release function (`clearInterval(id)`,
    /// `removeChannel(ch)`), a release method called on it (`ws.close()`), or called itself
    /// when it is a disposer (`unsubscribe()`).
    Binding,
}

/// An acquire / release pair of effects (TS/JS), e.g. `setInterval` / `clearInterval`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EffectPairDef {
    pub id: String,
    /// What it is, for messages: `event listener`, `interval`, `WebSocket`.
    pub what: String,
    /// Methods that acquire, on any receiver: `addEventListener`, `connectUser`.
    #[serde(default)]
    pub methods: Vec<String>,
    /// Global (or imported) functions that acquire: `setInterval`, `onSnapshot`.
    #[serde(default)]
    pub calls: Vec<String>,
    /// Global constructors that acquire: `WebSocket`, `ResizeObserver`.
    #[serde(default)]
    pub new: Vec<String>,
    /// Only in files that import one of these modules (`firebase/firestore` for `onSnapshot`).
    #[serde(default)]
    pub modules: Vec<String>,
    /// Only when the receiver's text contains this (`call` for Stream's `call.join()`).
    #[serde(default)]
    pub receiver_contains: Option<String>,
    /// Methods or functions that release it.
    pub release: Vec<String>,
    /// Methods that release every acquisition of the pair on their receiver
    /// (`removeAllChannels`, `removeAllListeners`).
    #[serde(default)]
    pub release_all: Vec<String>,
    pub matching: Matching,
    /// The call returns its own disposer (`onSnapshot`, zustand `subscribe`): calling the
    /// bound result releases it.
    #[serde(default)]
    pub disposer: bool,
    /// A `{ signal }` option with `controller.abort()` in the cleanup releases it.
    #[serde(default)]
    pub signal: bool,
    /// A one-shot (a timeout, an animation frame): it leaks less, so a warning, and none when
    /// requested from a listener's or an observer's callback.
    #[serde(default)]
    pub one_shot: bool,
    /// The name a fix gives the result it binds (`intervalId`); `resource` when unset.
    #[serde(default)]
    pub fix_binding: Option<String>,
    /// The bound result is itself the release function (`unsubscribe()`): `always`, or only
    /// when it is bound under `fix_binding` (`when-fix-binding`). Otherwise a fix calls it by
    /// a name that says so (`unsub…`, `dispose…`) or calls the release method on it.
    #[serde(default)]
    pub result_is_release: ResultIsRelease,
    /// The release function is a method of the acquisition's receiver, given the bound result
    /// (`navigator.geolocation.clearWatch(watchId)`).
    #[serde(default)]
    pub release_on_receiver: bool,
    /// The method that gives the acquisition something to watch (`observe`): each target must
    /// be released by one of `release_target` (`unobserve(el)`) unless a `release` frees all.
    #[serde(default)]
    pub target_method: Option<String>,
    #[serde(default)]
    pub release_target: Vec<String>,
}

/// When calling the bound result of a disposer releases it (see [`EffectPairDef`]).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ResultIsRelease {
    #[default]
    ByName,
    Always,
    WhenFixBinding,
}

/// The type of a listener's event argument on a DOM target, where lib.dom makes it certain:
/// a fix that moves an inline handler into a `const` annotates its parameter with it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DomEventDef {
    #[serde(rename = "type")]
    pub ty: String,
    pub events: Vec<String>,
    /// Receivers, as written: `window`, `document`.
    pub targets: Vec<String>,
}

/// The catalogue of one language family.
#[derive(Debug, Clone, Default)]
pub struct LangCatalog {
    pub clients: Vec<ClientDef>,
    /// Effect acquire / release pairs (TS/JS).
    pub effects: Vec<EffectPairDef>,
    /// DOM event types by target (TS), first match wins.
    pub dom_events: Vec<DomEventDef>,
    /// The schemes of connection URLs (from `databases.toml`, copied into each language's
    /// catalogue for its front-end).
    pub url_schemes: Vec<String>,
    /// Option keys (the last segment) whose value is the connection URL (`connectionString`,
    /// `dsn`).
    pub url_options: Vec<String>,
    /// Methods whose result keeps the client alive (Rust: mongodb's `client.database(..)`):
    /// returning it hands the client over.
    pub deriving_methods: Vec<String>,
    /// Config constructors that take options by position.
    pub positional_options: Vec<PositionalOptionsDef>,
    /// Methods that release a value whose library is unknown (what a project helper returns):
    /// the catalogue file's top-level `generic_release`.
    pub generic_release: Vec<String>,
    /// Calls whose callback runs once per event (see [`RegistrationDef`]).
    pub registration: RegistrationDef,
    /// Frameworks that re-run a script on every interaction (see [`RerunDef`]).
    pub rerun: RerunDef,
    /// Families of which a project may well hold several long-lived clients (HTTP clients, AWS
    /// SDK clients, Redis connections): `duplicate-client-module` leaves them alone.
    pub duplicates_ok_families: Vec<String>,
    /// The database families that family `sql` (a client for any SQL database: an ORM, bb8)
    /// may stand for: `duplicate-client-module` groups an `sql` client with the one such
    /// family's clients on the same database (a bb8 pool and a deadpool pool on `DATABASE_URL`).
    pub sql_families: Vec<String>,
    /// Which entries name a module, built on first use from `clients` (change `clients` through
    /// [`LangCatalog::extend`], which drops it).
    index: std::sync::OnceLock<ModuleIndex>,
}

/// The entries that give identity to a module: exact names by hash, the few patterns with `*`
/// by scan. Every construction and import is matched against the catalogue, and a scan of every
/// entry's modules for each was 4 % of a run's CPU.
#[derive(Debug, Clone, Default)]
struct ModuleIndex {
    exact: foldhash::HashMap<String, Vec<usize>>,
    /// A pattern, where its first `*` is, and its entry.
    patterns: Vec<(String, usize, usize)>,
    /// Entries by the first `.`-separated segment of their modules (Python: `sqlalchemy` for
    /// `sqlalchemy.ext.asyncio`), in catalogue order.
    roots: foldhash::HashMap<String, Vec<usize>>,
}

impl ModuleIndex {
    fn new(clients: &[ClientDef]) -> ModuleIndex {
        let mut index = ModuleIndex::default();
        for (i, c) in clients.iter().enumerate() {
            for m in &c.modules {
                let root = index
                    .roots
                    .entry(m.split('.').next().unwrap_or("").to_string())
                    .or_default();
                if root.last() != Some(&i) {
                    root.push(i);
                }
                if let Some(star) = m.find('*') {
                    index.patterns.push((m.clone(), star, i));
                } else {
                    let list = index.exact.entry(m.clone()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        index
    }

    /// The positions in `clients` of the entries naming `module`, in catalogue order.
    fn clients(&self, module: &str) -> std::borrow::Cow<'_, [usize]> {
        let exact = self.exact.get(module).map(Vec::as_slice).unwrap_or(&[]);
        let mut wild = self
            .patterns
            .iter()
            // What comes before the first `*` rules out nearly every module, cheaply.
            .filter(|(p, star, _)| module.starts_with(&p[..*star]) && wildcard_match(p, module))
            .map(|(_, _, i)| *i)
            .peekable();
        if wild.peek().is_none() {
            return std::borrow::Cow::Borrowed(exact);
        }
        let mut all: Vec<usize> = exact.iter().copied().chain(wild).collect();
        all.sort_unstable();
        all.dedup();
        std::borrow::Cow::Owned(all)
    }
}

/// How a constructor matched.
#[derive(Debug, Clone, Copy)]
pub struct CtorMatch<'a> {
    pub client: &'a ClientDef,
    pub ctor: &'a CtorDef,
    /// The match is a singleton API (`StreamChat.getInstance`).
    pub singleton: bool,
}

impl LangCatalog {
    pub fn parse(text: &str) -> Result<LangCatalog, toml::de::Error> {
        let f: CatalogFile = toml::from_str(text)?;
        Ok(LangCatalog {
            clients: f.client,
            effects: f.effect,
            dom_events: f.dom_event,
            url_schemes: Vec::new(),
            url_options: f.url_options,
            deriving_methods: f.deriving_methods,
            positional_options: f.positional_options,
            generic_release: f.generic_release,
            registration: f.registration,
            rerun: f.rerun,
            duplicates_ok_families: f.duplicates_ok_families,
            sql_families: f.sql_families,
            index: std::sync::OnceLock::new(),
        })
    }

    /// The entries with a module whose first `.`-separated segment is `qualified`'s, in
    /// catalogue order: the only ones whose modules can prefix it.
    fn clients_by_root(&self, qualified: &str) -> impl Iterator<Item = &ClientDef> {
        let index = self.index.get_or_init(|| ModuleIndex::new(&self.clients));
        let root = qualified.split('.').next().unwrap_or("");
        index
            .roots
            .get(root)
            .into_iter()
            .flatten()
            .filter_map(|i| self.clients.get(*i))
    }

    /// The entries naming `module` (a JS specifier, a Python package, a Rust crate), in
    /// catalogue order.
    fn clients_of(&self, module: &str) -> impl Iterator<Item = &ClientDef> {
        let index = self.index.get_or_init(|| ModuleIndex::new(&self.clients));
        let ids = index.clients(module);
        (0..ids.len()).filter_map(move |k| self.clients.get(ids[k]))
    }

    pub fn by_id(&self, id: &str) -> Option<&ClientDef> {
        self.clients.iter().find(|c| c.id == id)
    }

    /// A method called on an instance of entry `on_id` (`connect` on `pg-pool`; `()` for calling
    /// the instance itself), from the entries' `on` constructors.
    pub fn match_on(&self, on_id: &str, method: &str) -> Option<CtorMatch<'_>> {
        self.find(
            |_| true,
            |ctor| ctor.on.as_deref() == Some(on_id) && ctor.call.as_deref() == Some(method),
        )
    }

    /// Entries with constructors on instances of `on_id`, and those methods.
    pub fn methods_on(&self, on_id: &str) -> impl Iterator<Item = (&ClientDef, &CtorDef)> + '_ {
        let on_id = on_id.to_string();
        self.clients.iter().flat_map(move |c| {
            let on_id = on_id.clone();
            c.constructors
                .iter()
                .filter(move |k| k.on.as_deref() == Some(on_id.as_str()))
                .map(move |k| (c, k))
        })
    }

    pub fn effect(&self, id: &str) -> Option<&EffectPairDef> {
        self.effects.iter().find(|e| e.id == id)
    }

    /// The DOM type of `event`'s listener argument on `receiver` (`"message"` on `window`:
    /// `MessageEvent`), where the catalogue's `[[dom_event]]` makes it certain.
    pub fn dom_event_type(&self, receiver: Option<&str>, event: &str) -> Option<&str> {
        let receiver = receiver?.trim();
        let ev = event
            .strip_prefix(['"', '\''])
            .and_then(|e| e.strip_suffix(['"', '\'']))?;
        self.dom_events
            .iter()
            .find(|d| d.targets.iter().any(|t| t == receiver) && d.events.iter().any(|e| e == ev))
            .map(|d| d.ty.as_str())
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = ClientDef>) {
        for c in more {
            self.clients.retain(|old| old.id != c.id);
            self.clients.push(c);
        }
        self.index = std::sync::OnceLock::new();
    }

    /// Does any entry give identity to this module specifier / module path / crate?
    pub fn knows_module(&self, module: &str) -> bool {
        self.clients_of(module).next().is_some()
    }

    /// TS/JS: match a construction `new <path>(…)` / `<path>(…)` whose root identifier was
    /// imported from `module`. `path` is relative to the module's exports, `.`-separated; the
    /// front-end resolves `import x from 'm'` to `default`, `import * as x` and `require('m')`
    /// to `*`. Members of a default or namespace import are matched as exports
    /// (`mysql.createPool` ≡ `createPool`), and `*` matches a `default` constructor.
    pub fn match_js(&self, module: &str, path: &str, is_new: bool) -> Option<CtorMatch<'_>> {
        let stripped = path
            .strip_prefix("default.")
            .or_else(|| path.strip_prefix("*."))
            .unwrap_or(path);
        let as_default = if path == "*" { "default" } else { path };
        self.find_in(self.clients_of(module), |ctor| {
            if ctor.on.is_some() {
                return false;
            }
            let want_new = ctor.is_new();
            if want_new != is_new {
                return false;
            }
            let p = ctor.path();
            p == path || p == stripped || p == as_default
        })
    }

    /// Python: match a call of a fully qualified name (`sqlalchemy.ext.asyncio.create_async_engine`,
    /// `redis.Redis.from_url`), resolved through the file's imports.
    pub fn match_py(&self, qualified: &str) -> Option<CtorMatch<'_>> {
        for client in self.clients_by_root(qualified) {
            for module in &client.modules {
                let Some(rest) = qualified
                    .strip_prefix(module.as_str())
                    .and_then(|r| r.strip_prefix('.'))
                else {
                    continue;
                };
                if let Some(ctor) = client
                    .singletons
                    .iter()
                    .find(|c| c.on.is_none() && c.path() == rest)
                {
                    return Some(CtorMatch {
                        client,
                        ctor,
                        singleton: true,
                    });
                }
                if let Some(ctor) = client
                    .constructors
                    .iter()
                    .find(|c| c.on.is_none() && c.path() == rest)
                {
                    return Some(CtorMatch {
                        client,
                        ctor,
                        singleton: false,
                    });
                }
            }
        }
        None
    }

    /// Rust: match a call of a full path (`sqlx::postgres::PgPool::connect`), resolved through
    /// the file's `use` items. The first segment must be one of the entry's crates and the path
    /// must end with the constructor's path (`PgPool::connect`), so re-exports match.
    /// For builders, `path` is the start of the chain (`PgPoolOptions::new`) and `then` the
    /// terminal method; pass `then: None` for a plain call.
    pub fn match_rs(&self, path: &[String], then: Option<&str>) -> Option<CtorMatch<'_>> {
        let first = path.first()?;
        for client in self.clients_of(first) {
            let check = |ctor: &CtorDef| {
                if ctor.on_type {
                    return false;
                }
                let want: Vec<&str> = ctor.path().split("::").collect();
                let suffix_ok = path.len() > want.len()
                    && path[path.len() - want.len()..]
                        .iter()
                        .map(String::as_str)
                        .eq(want.iter().copied());
                let then_ok = match then {
                    None => ctor.then.is_empty(),
                    Some(m) => ctor.then.iter().any(|t| t == m),
                };
                suffix_ok && then_ok
            };
            if let Some(ctor) = client.singletons.iter().find(|c| check(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: true,
                });
            }
            if let Some(ctor) = client.constructors.iter().find(|c| check(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: false,
                });
            }
        }
        None
    }

    /// Rust: match a method call `value.method(..)` on a value whose type is the full path
    /// `type_path` (`redis::Client`, `deadpool_postgres::Config`), against the entries'
    /// `on_type` constructors. As in [`LangCatalog::match_rs`], the first segment must be one of
    /// the entry's crates and the path must end with the constructor's `call`.
    pub fn match_rs_value(&self, type_path: &[String], method: &str) -> Option<CtorMatch<'_>> {
        let first = type_path.first()?;
        for client in self.clients_of(first) {
            let check = |ctor: &CtorDef| {
                let want: Vec<&str> = ctor.path().split("::").collect();
                ctor.on_type
                    && ctor.then.iter().any(|t| t == method)
                    && type_path.len() > want.len()
                    && type_path[type_path.len() - want.len()..]
                        .iter()
                        .map(String::as_str)
                        .eq(want.iter().copied())
            };
            if let Some(ctor) = client.singletons.iter().find(|c| check(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: true,
                });
            }
            if let Some(ctor) = client.constructors.iter().find(|c| check(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: false,
                });
            }
        }
        None
    }

    /// Rust: like [`LangCatalog::match_rs_value`] when the receiver's type is unknown but the
    /// file refers to crate `krate`: the `on_type` constructor of an entry of that crate whose
    /// `then` lists `method` (the methods are specific enough: `get_multiplexed_async_connection`,
    /// `create_pool`).
    pub fn match_rs_method_in(&self, krate: &str, method: &str) -> Option<CtorMatch<'_>> {
        self.find(
            |c| c.modules.iter().any(|m| m == krate),
            |ctor| ctor.on_type && ctor.then.iter().any(|t| t == method),
        )
    }

    /// Is `method` a release method of this client (`close`, `end`, `$disconnect`, ...)?
    pub fn is_release(&self, client_id: &str, method: &str) -> bool {
        self.by_id(client_id)
            .is_some_and(|c| c.release.iter().any(|r| r == method))
    }

    /// Words whose absence proves a file builds no catalogue client (for the prefilter). With
    /// `dotted`, module names are dotted paths (Python: `sqlalchemy.orm` → `sqlalchemy`);
    /// otherwise a dot is part of a package's name (`socket.io-client`).
    pub fn trigger_words(&self, dotted: bool) -> Vec<String> {
        // Identity always comes from an import of one of the entry's modules, so a file that
        // never names the module (its package, top-level Python package or crate) cannot build
        // one of its clients.
        let mut words: Vec<String> = Vec::new();
        for c in &self.clients {
            for m in &c.modules {
                let root = if m.starts_with('@') {
                    m.splitn(3, '/').take(2).collect::<Vec<_>>().join("/")
                } else {
                    let seps: &[char] = if dotted { &['/', '.'] } else { &['/'] };
                    m.split(seps).next().unwrap_or(m).to_string()
                };
                // Wildcard patterns (`*/generated/prisma`): their longest literal part.
                let word = root
                    .split('*')
                    .chain(m.split('*'))
                    .filter(|p| !p.is_empty() && !p.contains('*'))
                    .max_by_key(|p| p.len())
                    .unwrap_or("");
                let word = if m.contains('*') {
                    word.trim_matches('/')
                } else {
                    root.as_str()
                };
                if word.len() >= 2 {
                    words.push(word.to_string());
                }
            }
        }
        words.sort();
        words.dedup();
        words
    }

    fn find(
        &self,
        client_ok: impl Fn(&ClientDef) -> bool,
        ctor_ok: impl Fn(&CtorDef) -> bool,
    ) -> Option<CtorMatch<'_>> {
        self.find_in(self.clients.iter().filter(|c| client_ok(c)), ctor_ok)
    }

    fn find_in<'a>(
        &self,
        clients: impl Iterator<Item = &'a ClientDef>,
        ctor_ok: impl Fn(&CtorDef) -> bool,
    ) -> Option<CtorMatch<'a>> {
        for client in clients {
            if let Some(ctor) = client.singletons.iter().find(|c| ctor_ok(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: true,
                });
            }
            if let Some(ctor) = client.constructors.iter().find(|c| ctor_ok(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: false,
                });
            }
        }
        None
    }
}

/// `*` matches any run of characters (including `/`); everything else literally.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let Some((first, rest_pattern)) = pattern.split_once('*') else {
        return pattern == text;
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let mut parts = rest_pattern.split('*').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(pos) => rest = &rest[pos + part.len()..],
            None => return false,
        }
    }
    true
}

/// The whole catalogue: one [`LangCatalog`] per language family, and what they share about
/// database servers.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub js: LangCatalog,
    pub py: LangCatalog,
    pub rs: LangCatalog,
    pub db: Databases,
    /// [`Catalog::tuning_keys`], computed on first use (fix builders ask once per finding).
    tuning: std::sync::OnceLock<Vec<String>>,
}

/// `rules/catalog/databases.toml`: database servers, URL schemes and parameters, and the options
/// every language's clients share.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Databases {
    pub other_url_schemes: Vec<String>,
    pub url_pool_keys: Vec<String>,
    pub tuning_options: Vec<String>,
    pub shared_benign_options: Vec<String>,
    pub url_default_family: String,
    pub database: Vec<DatabaseDef>,
    pub pooler: Vec<PoolerDef>,
}

/// A connection pooler recognised from a URL (`databases.toml`'s `[[pooler]]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PoolerDef {
    pub name: String,
    pub mode: PoolerMode,
    #[serde(default)]
    pub schemes: Vec<String>,
    #[serde(default)]
    pub host_suffix: Option<String>,
    #[serde(default)]
    pub host_contains: Option<String>,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub or_no_port: bool,
    #[serde(default)]
    pub param: Option<PoolerParam>,
    /// Why a pool behind it is limited, for messages (session mode).
    #[serde(default)]
    pub why: Option<String>,
    /// What to do instead, for the help (session mode).
    #[serde(default)]
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PoolerMode {
    Session,
    Transaction,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PoolerParam {
    pub name: String,
    pub value: String,
}

/// A database server family (`family` in client entries).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseDef {
    pub family: String,
    /// URL schemes, lower case, without a driver suffix.
    #[serde(default)]
    pub schemes: Vec<String>,
    /// The per-pool limit when `[budget.family]` does not set one (MongoDB's driver default).
    #[serde(default)]
    pub pool_limit: Option<PoolLimit>,
    /// Long-lived pools count toward the project's total against `max_connections`.
    #[serde(default = "yes")]
    pub server_total: bool,
    /// Judged only when `[budget.family]` names the family (Redis).
    #[serde(default)]
    pub only_when_budgeted: bool,
    /// The server's own default connection limit (MySQL's 151), used by `connlint budget` when
    /// `[budget] max_connections` is not set.
    #[serde(default)]
    pub server_default: Option<PoolLimit>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolLimit {
    pub max: u64,
    pub why: String,
}

impl Databases {
    pub fn parse(text: &str) -> Result<Databases, toml::de::Error> {
        toml::from_str(text)
    }

    pub fn family(&self, family: &str) -> Option<&DatabaseDef> {
        self.database.iter().find(|d| d.family == family)
    }

    /// The family of a URL scheme (`mongodb` for `mongodb`), else `url_default_family`.
    pub fn family_of_scheme(&self, scheme: &str) -> &str {
        self.database
            .iter()
            .find(|d| d.schemes.iter().any(|s| s == scheme))
            .map(|d| d.family.as_str())
            .unwrap_or(self.url_default_family.as_str())
    }

    /// Every scheme that makes a string a connection URL.
    pub fn url_schemes(&self) -> Vec<String> {
        self.database
            .iter()
            .flat_map(|d| d.schemes.iter())
            .chain(&self.other_url_schemes)
            .cloned()
            .collect()
    }
}

pub const TYPESCRIPT_TOML: &str = include_str!("../rules/catalog/typescript.toml");
pub const PYTHON_TOML: &str = include_str!("../rules/catalog/python.toml");
pub const RUST_TOML: &str = include_str!("../rules/catalog/rust.toml");
pub const DATABASES_TOML: &str = include_str!("../rules/catalog/databases.toml");

/// An error in one of the embedded catalogue files (a bug caught by `tests`, never by users).
#[derive(Debug)]
pub struct CatalogError {
    pub file: &'static str,
    pub error: toml::de::Error,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rules/catalog/{}: {}", self.file, self.error)
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// Add a client library from configuration (`[[catalog.client]]`) to the catalogue of its
    /// language: `python`, `rust`, or `typescript` (the JS family).
    pub fn add_client(&mut self, language: &str, def: ClientDef) {
        let target = match language {
            "python" => &mut self.py,
            "rust" => &mut self.rs,
            _ => &mut self.js,
        };
        target.extend([def]);
        self.tuning = std::sync::OnceLock::new();
    }

    /// Options a construction may set and still be replaced by a shared client: the tuning
    /// options and every client's pool keys.
    pub fn tuning_keys(&self) -> Vec<&str> {
        self.tuning
            .get_or_init(|| {
                let pool_keys = [&self.js, &self.py, &self.rs]
                    .into_iter()
                    .flat_map(|lc| &lc.clients)
                    .flat_map(|c| &c.pool_keys)
                    .map(|k| k.key.clone());
                let mut keys: Vec<String> = self
                    .db
                    .tuning_options
                    .iter()
                    .cloned()
                    .chain(pool_keys)
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .iter()
            .map(String::as_str)
            .collect()
    }

    /// Parse the embedded catalogue files.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        let parse = |file: &'static str, text: &str| {
            LangCatalog::parse(text).map_err(|error| CatalogError { file, error })
        };
        let db = Databases::parse(DATABASES_TOML).map_err(|error| CatalogError {
            file: "databases.toml",
            error,
        })?;
        let mut cat = Catalog {
            js: parse("typescript.toml", TYPESCRIPT_TOML)?,
            py: parse("python.toml", PYTHON_TOML)?,
            rs: parse("rust.toml", RUST_TOML)?,
            db,
            tuning: std::sync::OnceLock::new(),
        };
        let schemes = cat.db.url_schemes();
        for lc in [&mut cat.js, &mut cat.py, &mut cat.rs] {
            lc.url_schemes = schemes.clone();
        }
        Ok(cat)
    }

    /// The built-in catalogue, parsed once. If an embedded file fails to parse (a build that
    /// the test suite would have rejected), the catalogue is empty rather than a panic, and
    /// [`Catalog::shared_error`] says why (the CLI refuses to run on it).
    pub fn shared() -> &'static Catalog {
        static EMPTY: LazyLock<Catalog> = LazyLock::new(Catalog::default);
        match Self::shared_result() {
            Ok(c) => c,
            Err(_) => &EMPTY,
        }
    }

    /// Why the built-in catalogue is empty, when it failed to parse.
    pub fn shared_error() -> Option<&'static CatalogError> {
        Self::shared_result().as_ref().err()
    }

    fn shared_result() -> &'static Result<Catalog, CatalogError> {
        static BUILTIN: LazyLock<Result<Catalog, CatalogError>> = LazyLock::new(Catalog::builtin);
        &BUILTIN
    }

    /// The catalogue of a language.
    pub fn for_lang(&self, lang: crate::source::Lang) -> &LangCatalog {
        use crate::source::Lang;
        match lang {
            Lang::Ts | Lang::Tsx | Lang::Js => &self.js,
            Lang::Py => &self.py,
            Lang::Rs | Lang::Env => &self.rs,
        }
    }

    /// Find an entry by id in any language.
    pub fn by_id(&self, id: &str) -> Option<&ClientDef> {
        self.js
            .by_id(id)
            .or_else(|| self.py.by_id(id))
            .or_else(|| self.rs.by_id(id))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_parses_and_ids_are_unique() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        // `by_id` looks in every language: an id used twice would name the wrong library.
        let mut all: Vec<&str> = [&cat.js, &cat.py, &cat.rs]
            .iter()
            .flat_map(|lc| lc.clients.iter().map(|c| c.id.as_str()))
            .collect();
        all.sort_unstable();
        for w in all.windows(2) {
            assert_ne!(
                w[0], w[1],
                "catalogue id `{}` is used in two languages",
                w[0]
            );
        }
        for lc in [&cat.js, &cat.py, &cat.rs] {
            assert!(!lc.clients.is_empty());
            let mut ids: Vec<&str> = lc.clients.iter().map(|c| c.id.as_str()).collect();
            ids.sort();
            let n = ids.len();
            ids.dedup();
            assert_eq!(n, ids.len(), "duplicate ids");
            for c in &lc.clients {
                assert!(!c.modules.is_empty(), "{} has no modules", c.id);
                assert!(
                    !c.constructors.is_empty() || !c.singletons.is_empty(),
                    "{} has no constructor",
                    c.id
                );
                for ctor in c.constructors.iter().chain(&c.singletons) {
                    assert!(
                        ctor.new.is_some() != ctor.call.is_some(),
                        "{}: a constructor has exactly one of `new` / `call`",
                        c.id
                    );
                }
            }
        }
    }

    #[test]
    fn wildcard() {
        assert!(wildcard_match("*/generated/prisma", "../generated/prisma"));
        assert!(wildcard_match("@prisma/client*", "@prisma/client/edge"));
        assert!(!wildcard_match("pg", "pg-promise"));
        assert!(wildcard_match("pg", "pg"));
        assert!(wildcard_match("a*b*c", "axxbyyc"));
        assert!(!wildcard_match("a*b*c", "acb"));
        assert!(!wildcard_match("ab*ab", "ab"));
        assert!(wildcard_match("*", ""));
    }

    /// The module index finds exactly the entries a scan of every entry's modules finds, in
    /// the same order, and follows `extend` after it was first used.
    #[test]
    fn module_index_agrees_with_a_scan() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        for lc in [&cat.js, &cat.py, &cat.rs] {
            let mut modules: Vec<String> = lc
                .clients
                .iter()
                .flat_map(|c| c.modules.iter().cloned())
                .collect();
            modules.extend(
                [
                    "../generated/prisma",
                    "@prisma/client/edge",
                    "@aws-sdk/client-s3",
                    "aws_sdk_s3",
                    "mqtt/dist/mqtt",
                    "pg-promise",
                    "./db",
                    "",
                ]
                .map(String::from),
            );
            for m in &modules {
                let scanned: Vec<&str> = lc
                    .clients
                    .iter()
                    .filter(|c| c.modules.iter().any(|p| wildcard_match(p, m)))
                    .map(|c| c.id.as_str())
                    .collect();
                let indexed: Vec<&str> = lc.clients_of(m).map(|c| c.id.as_str()).collect();
                assert_eq!(indexed, scanned, "{m}");
                let dotted = format!("{m}.Client");
                let by_root: Vec<&str> =
                    lc.clients_by_root(&dotted).map(|c| c.id.as_str()).collect();
                for c in lc.clients.iter().filter(|c| {
                    c.modules.iter().any(|p| {
                        dotted
                            .strip_prefix(p.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                    })
                }) {
                    assert!(by_root.contains(&c.id.as_str()), "{dotted}: {}", c.id);
                }
            }
        }
        let mut js = cat.js.clone();
        assert!(!js.knows_module("my-lib") && !js.knows_module("@my/lib"));
        let more = LangCatalog::parse(
            "[[client]]\nid = \"my-lib\"\nlibrary = \"my-lib\"\nfamily = \"sql\"\nkind = \"pool\"\nmodules = [\"my-lib\", \"@my/*\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        js.extend(more.clients);
        assert!(js.knows_module("my-lib") && js.knows_module("@my/lib"));
    }

    #[test]
    fn js_matching_follows_imports() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            cat.js
                .match_js("@prisma/client", "PrismaClient", true)
                .map(|m| m.client.id.as_str()),
            Some("prisma")
        );
        assert!(
            cat.js
                .match_js("@prisma/client", "PrismaClient", false)
                .is_none()
        );
        assert_eq!(
            cat.js
                .match_js("pg", "Pool", true)
                .map(|m| m.client.id.as_str()),
            Some("pg-pool")
        );
        assert!(cat.js.match_js("./my-pool", "Pool", true).is_none());
        assert_eq!(
            cat.js
                .match_js("mysql2/promise", "default.createPool", false)
                .map(|m| m.client.id.as_str()),
            Some("mysql2-pool")
        );
        assert_eq!(
            cat.js
                .match_js("postgres", "default", false)
                .map(|m| m.client.id.as_str()),
            Some("postgres-js")
        );
        assert_eq!(
            cat.js
                .match_js("postgres", "*", false)
                .map(|m| m.client.id.as_str()),
            Some("postgres-js")
        );
        let s = cat
            .js
            .match_js("stream-chat", "StreamChat.getInstance", false);
        assert!(s.is_some_and(|m| m.singleton));
    }

    #[test]
    fn py_and_rs_matching() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            cat.py
                .match_py("sqlalchemy.ext.asyncio.create_async_engine")
                .map(|m| m.client.id.as_str()),
            Some("sqlalchemy-engine")
        );
        assert!(cat.py.match_py("mylib.create_engine").is_none());
        let p = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
        assert_eq!(
            cat.rs
                .match_rs(&p("sqlx::postgres::PgPool::connect"), None)
                .map(|m| m.client.id.as_str()),
            Some("sqlx-pool")
        );
        assert_eq!(
            cat.rs
                .match_rs(&p("reqwest::Client::new"), None)
                .map(|m| m.client.id.as_str()),
            Some("reqwest-client")
        );
        assert!(cat.rs.match_rs(&p("mycrate::Client::new"), None).is_none());
        assert_eq!(
            cat.rs
                .match_rs(&p("sqlx::postgres::PgPoolOptions::new"), Some("connect"))
                .map(|m| m.client.id.as_str()),
            Some("sqlx-pool")
        );
    }
}

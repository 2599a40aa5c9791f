//! The schema of a catalogue entry: a client library (`[[client]]`), how it is built, shared,
//! released and configured, and the effect pairs, as read from the TOML.

use super::*;

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
    /// - Rust: crate names (`sqlx`, `reqwest`), also as another crate re-exports them
    ///   (`use r2d2_postgres::postgres::Client`, `google_sheets4::hyper_util::…`).
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
    /// TS/JS: option keys that make a construction one user's, built per request by design
    /// (supabase-js given `accessToken`: no auth client, no refresh timer, no socket until a
    /// channel subscribes). A construction passing one of them is no client to share.
    #[serde(default)]
    pub per_user_options: Vec<String>,
    /// TS/JS: the name the library's documentation gives the value a curried constructor
    /// (`call = "default()"`: pg-promise's `pgp = pgPromise(opts)`, then `pgp(cn)`) is called on:
    /// a call of that name imported from the project, in a project depending on the library,
    /// builds one.
    #[serde(default)]
    pub instance_names: Vec<String>,
    /// Pool-size keys (options / keyword arguments / builder methods) with their defaults.
    #[serde(default)]
    pub pool_keys: Vec<PoolKeyDef>,
    /// Python: names for a constructor's leading positional arguments, read as the options of
    /// those names when not given by keyword (psycopg2's `ThreadedConnectionPool(5, 50, dsn)`:
    /// `minconn`, `maxconn`).
    #[serde(default)]
    pub positional_options: Vec<String>,
    /// A link to the library's guidance, printed in help.
    #[serde(default)]
    pub docs: Option<String>,
    /// TS/JS: methods whose result is the client itself (`client.connect()` on a MongoClient,
    /// `pool.promise()` on mysql2), so `return client.connect()` hands the client over.
    #[serde(default)]
    pub returns_self: Vec<String>,
    /// TS/JS and Python: methods that return a handle bound to the client (`client.db(name)` on
    /// a MongoClient, `pool.connect()` on a pg Pool, pymongo's `client.get_database()`):
    /// returning one hands out the live client (`Returned::Derived`). Returning the result of
    /// any other method (query data) does not.
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
    /// TS/JS: a construction given, under option `keyword`, a client held in a variable or a
    /// field (`new Queue(name, { connection })`) reuses it and opens nothing.
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
    /// Options that select one logical database on the server (redis-py's `db=`, ioredis's
    /// `db`): clients that give it different values reach different stores, so they are not
    /// duplicates of each other.
    #[serde(default)]
    pub select_options: Vec<String>,
    /// Options that pin the client to what one request resolved (undici's `connect.lookup`
    /// answering with an address validated against SSRF): built per request with one, it is
    /// per-target by design, not a pool that should have been shared.
    #[serde(default)]
    pub per_target_options: Vec<String>,
    /// Options that give the client its credentials (boto3's `aws_access_key_id`, the AWS SDK's
    /// `credentials`): written with what the enclosing function was given or computed (a
    /// parameter, a local: `aws_access_key_id=aws_key`, `credentials: assumed.Credentials`),
    /// the client is bound to the caller's principal, one per set of credentials by design.
    #[serde(default)]
    pub credential_options: Vec<String>,
    /// Settings that make the pool keep no connections (`poolclass=NullPool`: SQLAlchemy opens
    /// and closes one per checkout), as `option=value`: such a client holds nothing between
    /// uses, so no pool size applies to it and the budget does not count it.
    #[serde(default)]
    pub unpooled_options: Vec<String>,
    /// Dependencies that make the client keep no connections wherever it is built: reqwest in
    /// a Cloudflare Worker (`worker`) is compiled to WebAssembly, where each request goes
    /// through the host's `fetch` and the client holds no pool.
    #[serde(default)]
    pub unpooled_with: Vec<String>,
    /// Rust: the client's type by its crate's root path (`sqlx::PgPool`), for a fix that names
    /// it (an axum `State<…>` extractor) when nothing in the project writes it. For a `checkout`
    /// or `session` (`sqlx::Transaction`), the type by which a struct field holding such values
    /// is recognised (`unclosed-session`): a path under one of the entry's `modules` whose last
    /// segment is this one's; such an entry needs no constructor.
    #[serde(default)]
    pub type_path: Option<String>,
    /// A long-lived stream (a WebSocket to an upstream) that clients reopen in a loop when it
    /// drops: a loop around it is a reconnect loop, not a new connection per item, so
    /// `per-request-client` judges it only in handlers and renders.
    #[serde(default)]
    pub reconnects: bool,
    /// A general-purpose client of a family the catalogue allows several of
    /// (`duplicates_ok_families`: Redis, where queues and subscribers each need their own
    /// connection): one is meant to serve every module, so two modules that each build one for
    /// the same server are duplicates, unless one of them subscribes (see
    /// `subscriber_methods`).
    #[serde(default)]
    pub one_per_process: bool,
    /// A transaction taken from a pool (`const trx = await db.transaction()`): it ends with a
    /// commit when the work succeeds and a rollback otherwise, so `unclosed-session` offers no
    /// `finally` fix and says to end it on every path.
    #[serde(default)]
    pub transaction: bool,
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
    /// Rust: builder calls that give the client state of one session (reqwest's
    /// `cookie_store(true)`, `cookie_provider(jar)`: a cookie jar): one built with them is a
    /// session, built per session by design, and no shared client is expected of it.
    pub session_calls: Vec<String>,
}

/// A file-based router's handlers (see [`RegistrationDef::file_routes`]).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FileRouteDef {
    /// For readers of the catalogue.
    pub framework: String,
    /// The project depends on one of these.
    pub dependencies: Vec<String>,
    /// Folders, relative to the project's root, whose files (at any depth) are routes; none:
    /// any folder (the files are known by their `suffixes`).
    pub dirs: Vec<String>,
    /// The exports the router calls per request (`default`, `GET`, `handler`); `*`: every one.
    pub exports: Vec<String>,
    /// When the export is an object: its methods the platform calls per event (Pipedream's
    /// `export default { props, async run() { … } }`), rather than the export itself.
    pub methods: Vec<String>,
    /// When set, only files whose name (before its extension) ends with one of these are routes
    /// (Expo Router's API routes: `app/orders+api.ts`).
    pub suffixes: Vec<String>,
    /// Instead of a dependency: a file of one of these names in the project's folder or up to
    /// three folders above it (a DigitalOcean Functions `project.yml` above each function's own
    /// `package.json`), holding `above_contains` when set.
    pub above: Vec<String>,
    pub above_contains: Option<String>,
}

impl FileRouteDef {
    /// Does `root` (a project's folder) sit under one of [`FileRouteDef::above`]?
    pub fn marked_above(&self, root: &std::path::Path) -> bool {
        !self.above.is_empty()
            && root.ancestors().take(4).any(|dir| {
                self.above.iter().any(|name| {
                    let path = dir.join(name);
                    match &self.above_contains {
                        None => path.is_file(),
                        Some(word) => crate::readfile::read_regular_text(&path, 256 * 1024)
                            .is_ok_and(|text| text.contains(word.as_str())),
                    }
                })
            })
    }
}

impl RegistrationDef {
    /// Is `method` one of `methods`: by name, or by a pattern with `*` (`add*Listener`)?
    pub fn lists_method(&self, method: &str) -> bool {
        matches_pattern(&self.methods, method)
    }
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
    /// Receivers whose registration-named methods run the function at once instead (Python:
    /// `executor.submit(load)` is not Gradio's `box.submit(fn)`), by a word of their name.
    pub not_receivers: Vec<String>,
    /// Methods (`x.on(…)`) whose callback argument runs per event.
    pub methods: Vec<String>,
    /// Plain functions (`setInterval(cb)`) whose callback argument runs per event; TS/JS:
    /// `module:name` for one imported by name from that module (`node:http:createServer`).
    pub functions: Vec<String>,
    /// Classes whose constructor takes a callback run per event (`new Worker(queue, cb)`).
    pub classes: Vec<String>,
    /// Object keys of a callback handed over in an options object (`consumer.run({ eachMessage })`).
    pub keys: Vec<String>,
    /// TS/JS: documentation-comment tags that register the function they document with a host
    /// that calls it per use (`@customfunction`: Excel's and Google Sheets' custom functions,
    /// run per recalculation of each cell that calls them).
    pub doc_tags: Vec<String>,
    /// TS/JS: modules whose exports' `map`, `flatMap`, `filter` … transform one value (an
    /// effect, an option, a result), not each element of an array: a callback handed to
    /// `Effect.map` runs once per evaluation of the effect, not per element (`*` wildcards).
    pub value_modules: Vec<String>,
    /// Event names whose callback runs once, not per event (`server.on("listening", cb)`,
    /// `process.on("SIGTERM", cb)`): a registration with one of these as its first argument is
    /// not one.
    pub once_events: Vec<String>,
    /// Attributes that register the function (or every method of the impl block) they sit on
    /// with something that calls it per request or event (`#[handler]`, `#[server]`,
    /// `#[tauri::command]`, async-graphql's `#[Object]`): matched on the last path segment, or
    /// on the whole path for a name written with `::`.
    pub attributes: Vec<String>,
    /// Rust: attributes on a function whose nested functions the library registers as
    /// callables (starlark's `#[starlark_module] fn globals(builder: &mut GlobalsBuilder) { fn
    /// fx_rate(…) }`): the function runs once, where the module is built; each nested function
    /// runs per call a script makes. On an inline module (`#[vmod] mod tenant { pub fn
    /// lookup(…) }`), its public functions run per call.
    #[serde(default)]
    pub module_attributes: Vec<String>,
    /// Rust: bridge crates that export a module's public functions to a host language, each
    /// called per call the host makes (flutter_rust_bridge's `crate::api`, its default
    /// `rust_input`): `{ dependency = "flutter_rust_bridge", module = "api", once = ["init"] }`.
    #[serde(default)]
    pub exported_modules: Vec<ExportedModuleDef>,
    /// Rust: UI frameworks whose function components run again on every render (Dioxus's and
    /// Freya's `#[component] fn Panel() -> Element`, Yew's `#[function_component]`): by
    /// attribute, or by an UpperCamelCase name returning one of `returns`.
    #[serde(default)]
    pub components: Vec<ComponentDef>,
    /// Rust: attributes that make the function a job a queue's worker runs once per job
    /// (sqlxmq's `#[job]`, `#[celery::task]`): matched like `attributes`.
    pub job_attributes: Vec<String>,
    /// Traits whose implementations a library calls back per event (serenity's
    /// `EventHandler`, actix's `Handler<M>`, tower's `Service`, jsonrpsee's generated
    /// `*RpcServer`; one `*` stands for any text): their methods run per event, except the
    /// ones named in `once_events` (`ready`, `poll_ready`).
    pub traits: Vec<String>,
    /// Rust: methods and functions (by their last path segment) whose callback, a closure or a
    /// function named by path, runs once per job a worker takes off its queue (apalis's
    /// `WorkerBuilder::build_fn(f)`): connlint says "per job" for them.
    pub jobs: Vec<String>,
    /// Rust: attributes on a trait declaration that make a framework call the trait's
    /// implementations per request (tarpc's `#[tarpc::service] trait Inventory { … }`): the
    /// methods of an `impl` of that trait, in any module of the project, run per request.
    /// Matched on the last path segment.
    pub trait_attributes: Vec<String>,
    /// Rust: build-dependencies that generate a service trait from an interface file (capnpc,
    /// protoc-grpcio, thrift): in a crate using one, an impl of a trait no source file declares
    /// is that generated service's, called back per request.
    pub codegen_build_deps: Vec<String>,
    /// Functions that register an instance whose public methods something calls per request
    /// (gRPC's generated `add_GreeterServicer_to_server(Greeter(), server)`); one `*` stands
    /// for any text.
    pub instance_functions: Vec<String>,
    /// Python: base classes, as `module:Class`, whose subclasses a framework instantiates for
    /// every call it makes (Label Studio's ML backends: `LabelStudioMLBase`, built per
    /// `/predict` and `/webhook` request): their `__init__` and `setup` run per call.
    pub per_call_bases: Vec<String>,
    /// GraphQL root types of a resolver map (`{ Query: { product: (_, args) => … } }`): the
    /// functions under them, and under the other types of a map that has one, run per
    /// request (Apollo Server, GraphQL Yoga, Mercurius, graphql-tools' `makeExecutableSchema`).
    pub resolver_types: Vec<String>,
    /// TS/JS: the types of a web framework's request or per-request context, as `module:Type`
    /// (`@adonisjs/core/http:HttpContext`, `fastify:FastifyRequest`, `h3:H3Event`): a function
    /// with a parameter annotated with one, imported from that module, runs per request
    /// (a middleware's `handle(ctx: HttpContext, next)`, an error handler, a helper a route
    /// hands its context to).
    pub request_types: Vec<String>,
    /// TS/JS: the types of a web framework's application instance, as `module:Type`
    /// (`fastify:FastifyInstance`): a module-level function taking one and returning nothing
    /// configures the application (a Fastify plugin, `export default async function
    /// routes(fastify: FastifyInstance)`), once, when it is registered at start-up.
    pub app_types: Vec<String>,
    /// Python: the parameter lists (after `self`) of a `__call__` that a server calls once per
    /// request, a calling convention rather than a registration (Django middleware's
    /// `request`, ASGI's `scope, receive, send`, WSGI's `environ, start_response`): such a
    /// method runs per request; its class's `__init__` runs where the object is built.
    pub call_signatures: Vec<Vec<String>>,
    /// Python: functions and methods that run a function they are handed at once, in a thread
    /// or a worker (`asyncio.to_thread(check, dn)`, `loop.run_in_executor(None, check, dn)`,
    /// Twisted's `deferToThread(check, dn)`): the function then runs as often as that call,
    /// as if called there.
    #[serde(default)]
    pub runners: Vec<String>,
    /// Python: decorators of a framework that calls the function they sit on once per request
    /// or event, named with the modules they come from (`[[registration.decorators]]`).
    pub decorators: Vec<FrameworkDecoratorsDef>,
    /// TS/JS: functions of a framework that wrap the handler they are given and whose result the
    /// framework calls per request or event (Convex's `action({ args, handler })`,
    /// `httpAction(fn)`), named with the modules they come from (`[[registration.wrappers]]`;
    /// a module may be a pattern with `*`).
    pub wrappers: Vec<FrameworkDecoratorsDef>,
    /// TS/JS: file-based routers outside Next.js (`[[registration.file_routes]]`): in a project
    /// depending on one of `dependencies`, the `exports` of a file under one of `dirs` run per
    /// request.
    pub file_routes: Vec<FileRouteDef>,
    /// TS/JS: dependency-injection scopes that build a provider per request or operation, as
    /// `module:value` (`@nestjs/common:Scope.REQUEST`, `graphql-modules:Scope.Operation`): the
    /// constructor of a class declared `@Injectable({ scope: <value> })` in a project depending
    /// on the module runs per request.
    pub request_scopes: Vec<String>,
    /// Rust: traits a connection pool calls to open (and check) its own connections
    /// (deadpool's `managed::Manager`, bb8's and r2d2's `ManageConnection`), as
    /// `crate::…::Trait`: an implementation's methods run once per pooled connection, as the
    /// pool needs one, so what they connect is the pool's, not a client per event.
    pub pool_manager_traits: Vec<String>,
    /// What the shape of an unknown registration may not be (`[registration.inferred]`).
    pub inferred: InferredDef,
}

/// A component model whose mount and unmount are methods of one class or one options object
/// (`[[lifecycle]]`: React class components, Lit and other custom elements, Angular components,
/// Vue's options API): what a mount method acquires, an unmount method of the same container
/// must release.
/// Elements a component owns (TS): a DOM listener added to one of them lives and dies with the
/// element, so an effect that never removes it leaks nothing once the component is gone. An
/// element is owned when it is reached through one of the component's refs (`ref.current`,
/// Vue's `editor.value`, Svelte's `bind:this` variable), is the component itself (`this` in a
/// custom element's or a Lit element's lifecycle, `this.$el`, `this.shadowRoot`), or was built
/// by the effect (`document.createElement("button")`); and so are the elements found from an
/// owned one (`el.querySelectorAll("pre")`, a helper given `root.children`) and the items of
/// such a list (`buttons.forEach((b) => …)`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct OwnedElementsDef {
    /// The effect pairs whose acquisitions this applies to: DOM listeners (`event-listener`).
    pub pairs: Vec<String>,
    /// Calls whose result is a ref: `useRef`, `createRef`, `useTemplateRef`, `ref`.
    pub ref_calls: Vec<String>,
    /// The field of a ref that holds its element: `current`, `value`.
    pub ref_fields: Vec<String>,
    /// Markup attributes binding an element to a variable of the script: `bind:this`.
    pub bind_attributes: Vec<String>,
    /// JSX attributes handing an element to a ref: `ref={tableRef}` makes `tableRef.current`
    /// the element (a ref the component was given, `forwardRef`'s, too).
    pub ref_attributes: Vec<String>,
    /// Fields of a component instance that are its own DOM: `$el`, `$refs`, `shadowRoot`.
    pub instance_fields: Vec<String>,
    /// Methods that build an element: `createElement`, `cloneNode`.
    pub element_calls: Vec<String>,
    /// Decorators that fill a class field with an element of the component's own DOM (Lit's
    /// `@query("#save")`).
    pub query_decorators: Vec<String>,
    /// Mount methods of element classes (`connectedCallback`): in them, a field the class never
    /// sets, on a class extending a project base element, is an element the base built.
    pub element_lifecycles: Vec<String>,
    /// Base classes of the platform and of frameworks (`HTMLElement`, `LitElement`): they set
    /// no element fields for their subclasses.
    pub element_bases: Vec<String>,
    /// Hooks that give the component an instance the library builds for it and destroys when it
    /// unmounts (`const [ref, api] = useEmblaCarousel()`): what is registered on such an
    /// instance, whatever the pair, goes with it.
    pub instance_calls: Vec<String>,
    /// Hooks that keep a value the component builds for itself (`const emitter = useMemo(() =>
    /// new EventEmitter2(), [])`): an object built there with `new` is the component's, and
    /// what is registered on it, whatever the pair, goes with it.
    pub memo_calls: Vec<String>,
    /// Types of such instances, for state a child component fills with one
    /// (`useState<CarouselApi>()` set through `<Carousel setApi={setApi}>`).
    pub instance_types: Vec<String>,
    /// Pairs whose acquisitions on a selection of owned elements go with the elements (D3's
    /// `selection.on("mouseover", f)`: `emitter-listener`).
    pub selection_pairs: Vec<String>,
    /// Modules whose functions wrap elements in a selection (`d3.select(svgRef.current)`):
    /// a value built from an owned element by one of them, and what is chained from it
    /// (`svg.append("g").selectAll("path").join("path")`), selects owned elements.
    pub selection_modules: Vec<String>,
    /// Methods only a selection has (`attr`, `data`, `join`): a listener added to a chain
    /// through one of them (`g.selectAll("circle").data(d).join("circle").on("click", f)`) is
    /// on the elements the chain selected, in a file importing one of `selection_modules`.
    #[serde(default)]
    pub selection_methods: Vec<String>,
    /// Functions of `selection_modules` that build a behaviour of their own
    /// (`d3.zoom().on("zoom", f)`): its listeners go with it and with what it is called on.
    #[serde(default)]
    pub selection_factories: Vec<String>,
}

/// Calls that mount an application's root component (`createApp(App)`, `createRoot(el).render(<App
/// />)`, Svelte's `mount(App, …)`, `new Vue({ render: (h) => h(App) })`): the root lives as long
/// as the page or the terminal app, so what it acquires once per mount it acquires once.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct RootMountDef {
    /// Function or method names (`createApp`, `render`), or constructors with `new` (`Vue`).
    pub calls: Vec<String>,
    /// A called function imported by name must come from one of these modules; a method
    /// (`root.render`) or a global (a CDN build's `Vue.createApp`) counts when its receiver is
    /// not imported from another module.
    pub modules: Vec<String>,
    /// Words that make a file worth parsing for these calls, though it imports no client
    /// library (`createRoot`): an entry file mounting the root.
    pub words: Vec<String>,
    /// When not empty, one of these words must appear too (`.mount(` with `createApp(`, a name
    /// that server frameworks give their application factories as well).
    pub with: Vec<String>,
}

/// See [`RegistrationDef::components`].
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ComponentDef {
    /// For messages: `Dioxus`.
    pub framework: String,
    /// The project depends on one of these.
    pub dependencies: Vec<String>,
    /// Attributes that make a function a component (`component`).
    pub attributes: Vec<String>,
    /// Return types that make a function with an UpperCamelCase name one (`Element`).
    pub returns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct LifecycleDef {
    /// The framework, for readers of the catalogue and for messages.
    pub framework: String,
    /// `class`: methods of a class that extends another or carries a decorator; `object`: methods
    /// of a component's options object (a `.vue` file's `export default { … }`, or the argument
    /// of one of `object_calls`).
    pub container: String,
    /// Methods that run once per mount and may acquire (`componentDidMount`, `mounted`).
    pub mount: Vec<String>,
    /// Methods that run once per unmount, where the release belongs (`componentWillUnmount`).
    pub unmount: Vec<String>,
    /// `object` containers: calls whose options-object argument is a component
    /// (`defineComponent`, `Vue.extend`).
    pub object_calls: Vec<String>,
    /// The unmount method to name when the component has none, under an older major version of
    /// the framework (Vue 2's `beforeDestroy`, not Vue 3's `beforeUnmount`).
    #[serde(default)]
    pub legacy_unmount: Option<LegacyUnmountDef>,
    /// Calls in a mount method that register a cleanup for the unmount: a method of these names
    /// given one of the unmount methods' names behind `prefix` and a function (Vue 2's
    /// `this.$once('hook:beforeDestroy', () => …)`); that function is the component's cleanup.
    #[serde(default)]
    pub unmount_events: Option<UnmountEventsDef>,
}

/// See [`RegistrationDef::exported_modules`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedModuleDef {
    pub dependency: String,
    /// The module under `src/` (`api`: `src/api.rs`, `src/api/**`).
    pub module: String,
    /// Attribute arguments that mark a function run once (`#[frb(init)]`).
    #[serde(default)]
    pub once: Vec<String>,
}

/// See [`LifecycleDef::unmount_events`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnmountEventsDef {
    pub methods: Vec<String>,
    pub prefix: String,
}

/// See [`LifecycleDef::legacy_unmount`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegacyUnmountDef {
    /// The framework's package (`vue`).
    pub dependency: String,
    /// Packages whose major versions follow the framework's (Nuxt 2 runs Vue 2): a project that
    /// names one of them and not the framework itself is read by that package's major version.
    #[serde(default)]
    pub also: Vec<String>,
    /// Its major versions up to this one use `hook`.
    pub up_to_major: u32,
    pub hook: String,
}

/// A registration the catalogue does not name is still recognised by its shape: a callback
/// handed to a method after a name, a path or a schedule (`bot.command("start", cb)`,
/// `x.at("/orders", get(h))`, `@broker.handle("orders")`, `new CronJob("0 * * * *", cb)`).
/// connlint then says the callback *looks* per event and reports with a lower severity. These
/// lists hold the shapes that are not registrations: callbacks run once per call (`fs.readFile(
/// "x", cb)`, `tracer.startActiveSpan("name", fn)`, `str.replace("a", fn)`), stores and
/// caches (`defineStore("cart", setup)`, `cache.wrap("key", fn)`), tests and command lines.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct InferredDef {
    /// Method names whose callback is not registered (run at once, or never per event).
    pub not_methods: Vec<String>,
    /// `not_methods` as a set, built on first use: every Rust method call asks.
    #[serde(skip)]
    pub not_methods_set: std::sync::OnceLock<std::collections::HashSet<String>>,
    /// Method names that never register, by prefix and suffix: tracing wrappers named by a
    /// team (`traceWithEnv("call", fn)`, `withSpan("load", fn)`, `timed_block`). A name that
    /// is only the prefix or suffix is in `not_methods` if meant.
    pub not_prefixes: Vec<String>,
    pub not_suffixes: Vec<String>,
    /// Python: names of `not_methods` that do register when a decorator gives them a key first
    /// (gidgethub's `@router.register("issues", action="opened")`); without one they do not
    /// (`@admin.register(Model)`, `@handler.register(int)`). TS/JS: names of `not_methods` that
    /// register when given an event named with `:` namespaces first (Kuzzle's
    /// `app.hook.register("document:afterDelete", cb)`; not `container.register("db", f)`).
    pub keyed_methods: Vec<String>,
    /// Python: methods that register a callback given first, then the name it is called by
    /// (WAMP's `session.register(self.reserve, "com.shop.reserve")`): read as registrations
    /// when the name is a dotted, slashed or `:`-namespaced key, even when `not_methods` lists
    /// the method.
    pub callback_first_methods: Vec<String>,
    /// Modules whose objects' methods never register (Node's `fs`, `child_process`; one `*`
    /// stands for any text: `node:*`).
    pub not_modules: Vec<String>,
    /// Command-line frameworks: in a file importing one, `x.command("serve", handler)` runs once
    /// per invocation, and no shape is read as a registration.
    pub cli_modules: Vec<String>,
    /// Rust: crates that serve (web and RPC servers, consumers, runtimes for functions): a
    /// crate depending on one of `cli_modules` and on none of these is a command-line tool, its
    /// loops and inferred callbacks a one-off run's.
    pub server_modules: Vec<String>,
    /// Methods whose key is a command's name, not an event's (`bot.command("start", …)`): the
    /// once-only event names (`start`) do not apply to them.
    pub command_methods: Vec<String>,
    /// Python: keywords of a decorator call that give a period (`interval=60.0`, `cron="…"`):
    /// the decorated function runs on every tick.
    pub schedule_keywords: Vec<String>,
    /// TS/JS: keys by which an options object handed to a call names its event or job (`name`,
    /// `id`, `topic`): its function-valued properties then probably run per event. Python: the
    /// keyword arguments by which a dependency's bare decorator names its job
    /// (`@action(name="lookup_order_status")`).
    pub object_keys: Vec<String>,
    /// TS/JS: the keys of an observer object handed to a method (`stream.addListener({ next:
    /// (ev) => …, error, complete })`, RxJS's `subscribe({ next })`) whose function runs once
    /// per value the stream emits.
    #[serde(default)]
    pub observer_keys: Vec<String>,
    /// TS/JS: the properties of an object that hold its callbacks by name (`bot.events`,
    /// a template engine's `env.filters`): a function assigned into one (`env.filters.stock =
    /// async (sku) => …`) is the object's to call, probably per event or per use.
    #[serde(default)]
    pub registry_properties: Vec<String>,
    /// Python / Rust: method names that say they register an event callback, as prefixes and
    /// suffixes (`on_`: `@app.on_message(…)`; `_handler`: `@dp.message_handler(…)`), when no
    /// name or path is given.
    pub event_prefixes: Vec<String>,
    pub event_suffixes: Vec<String>,
    /// Rust: verbs that, before an event suffix, name the registration itself, not a once-only
    /// event (`register_callback`, `add_handler`: per event, though `register` alone is once).
    pub registering_verbs: Vec<String>,
    /// Rust: methods of a dependency's trait named as one-shot conversions or builders
    /// (`into_resource`, `init_pool`), by prefix: called once where the value is
    /// made, not per event.
    pub once_prefixes: Vec<String>,
    /// Endings of such methods' names that say the same (`handle_startup`).
    #[serde(default)]
    pub once_suffixes: Vec<String>,
    /// Rust: methods of a dependency's trait its host calls once, as it starts what implements
    /// the trait (an X-Plane plugin's `Plugin::start`, `init`): start-up code, whose clients
    /// live as long as the implementation (kept on `Self`).
    #[serde(default)]
    pub startup_methods: Vec<String>,
    /// Rust: names of a protocol's once-per-process handshake events (git-lfs's custom
    /// transfer agents get `init` once): an arm of a `match` on the event's name answering one
    /// (`"init" => …`, `Event::Init(i) => …`) runs once, like a slot filled when empty.
    #[serde(default)]
    pub handshake_events: Vec<String>,
    /// Rust: type-name suffixes of configuration (`StorageConfig`, `ClientOptions`): a
    /// dependency trait's method that builds `Self` from one is a constructor (a registry's
    /// `try_from_config`), called once per object, which keeps what it builds.
    #[serde(default)]
    pub config_types: Vec<String>,
    /// Rust: type-name suffixes of what happens (`CoapRequest`, `WindowEvent`): a closure whose
    /// first input is typed as one, handed to a method, probably runs once per such thing
    /// (coap's `server.run(|request: Box<CoapRequest<_>>| …)`).
    #[serde(default)]
    pub event_types: Vec<String>,
    /// Rust: methods that return a value's event setters (winsafe's `btn.on()`): a closure
    /// handed to any method of what they return (`btn.on().bn_clicked(move || …)`,
    /// `wnd.on().wm_timer(ID, move || …)`) probably runs once per event.
    #[serde(default)]
    pub event_receivers: Vec<String>,
    /// Python: the methods of a class deriving from a dependency's class that nothing in the
    /// file calls are the dependency's to call, probably per event (a coordinator's
    /// `_async_update_data`, a spider's `parse`), except these once-only names (a name may be
    /// qualified by the base class, `SimpleService.check`: once only in its subclasses)...
    /// A base imported from a package the project does not hold is a dependency's too, whether
    /// or not a manifest names it (StackStorm's `st2reactor`, provided by the platform).
    pub once_methods: Vec<String>,
    /// Python: text (matched without regard to case) of schema statements: a probable callback
    /// whose body runs one (`CREATE TABLE`) sets a schema up, once per deploy or migration,
    /// not per event.
    #[serde(default)]
    pub setup_statements: Vec<String>,
    /// ... and the classes derived from these modules' (models, schemas, settings, enums: their
    /// methods are the project's own API).
    pub not_base_modules: Vec<String>,
    /// Rust: a dependency's attribute on a function exports it to whatever calls it, probably
    /// per call (`#[polars_expr]`, `#[wasm_bindgen::prelude::wasm_bindgen]`), except these, which only wrap it where
    /// it is (memoising, tracing, tests, entry points, tasks spawned once).
    pub not_attributes: Vec<String>,
}

/// A framework that loads a folder named like a one-off tree as its application code: Hubot
/// requires every file of `scripts/`, and those chat handlers run for the bot's whole life.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AppFolderDef {
    /// The dependency that loads it (`hubot`).
    pub dependency: String,
    /// Folders relative to the project root (`scripts`).
    pub folders: Vec<String>,
}

/// One framework's registering decorators (Python: Dash's `callback`, discord.py's `command`,
/// nameko's `rpc`). A name counts only when it is the framework's: imported from one of
/// `modules` (`from dash import callback`), an attribute of such an import
/// (`@commands.command()`), or a method of an object built at module level from one of its
/// classes, directly or through a class of the file deriving from one (`app = Dash(__name__)` +
/// `@app.callback(…)`; `bot = GuildBot(…)` with `class GuildBot(commands.Bot)`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FrameworkDecoratorsDef {
    /// The framework, for readers of the catalogue (`Dash`).
    pub framework: String,
    /// Modules (and their submodules) the decorators come from (`dash`, `discord`).
    pub modules: Vec<String>,
    /// The decorators' names, the last segment (`callback`, `command`).
    pub names: Vec<String>,
    /// The framework builds a new instance of the class holding such a method for every call
    /// (nameko's service workers): that class's `__init__` runs per call too. A class carrying
    /// one of the decorators itself (Pyro5's `@expose` on the class) counts as well.
    pub per_call_instance: bool,
    /// Texts that, in one of the class's decorators, make its instance one for the process
    /// (Pyro5's `@behavior(instance_mode="single")`).
    pub single_instance: Vec<String>,
    /// The framework runs the function again whenever a value it takes changes (a marimo cell's
    /// parameters are the other cells' values it reads): with parameters it runs per
    /// interaction, without any it runs once.
    pub reactive_params: bool,
    /// TS/JS wrappers: the wrapped function runs once per registration, at start-up, not per
    /// request (a Fastify plugin, `fp(async (fastify) => …)`, runs when `app.register` loads it).
    pub once: bool,
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
    /// Functions, by full path, whose module-level call makes the file such a script on its
    /// own (`bokeh.io.curdoc`: `bokeh serve` runs an app's `main.py` once per browser session).
    #[serde(default)]
    pub markers: Vec<String>,
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
    /// Receivers, by the last name of their text, whose methods of this name acquire nothing
    /// to release (`pushManager.subscribe(…)`: a push subscription outlives the page on
    /// purpose, the server sends to it).
    #[serde(default)]
    pub not_receivers: Vec<String>,
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
    /// A one-shot reported only when it lasts: it re-arms (its callback, or the function it is
    /// given by name, requests it again: an animation loop, a polling chain) or its callback
    /// acquires something (a socket, a listener). One that focuses an input, resets a flag or
    /// fixes a layout holds nothing once it fired.
    #[serde(default)]
    pub only_when_lasting: bool,
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
    /// Receiver matching: the release names the key the acquisition was given first
    /// (Sendbird's `removeGroupChannelHandler(key)` for `addGroupChannelHandler(key, handler)`),
    /// which a fix repeats.
    #[serde(default)]
    pub release_keyed: bool,
    /// The release function is this field of the result (`leave` of Liveblocks'
    /// `const { room, leave } = client.enterRoom(…)`): destructured under it, it releases.
    #[serde(default)]
    pub disposer_field: Option<String>,
    /// Events their target fires once (`load`, `DOMContentLoaded`): a listener for one holds
    /// nothing once it came. (`{ once: true }` is read for every listener.)
    #[serde(default)]
    pub once_events: Vec<String>,
    /// Calls whose result completes by itself after its value came (Relay's `fetchQuery(…)`,
    /// rxjs `ajax(…)`): a subscription taken right on one holds nothing once it completed.
    #[serde(default)]
    pub completing_calls: Vec<String>,
    /// Operators that make what they are piped into complete after one value (`take(1)`,
    /// `first()`), as written in a `.pipe(…)` of the receiver.
    #[serde(default)]
    pub completing_operators: Vec<String>,
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

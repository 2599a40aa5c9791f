//! The JSON Schema of the configuration (`connlint.toml`, `.connlint.toml`, `[tool.connlint]`),
//! for editors (Taplo / Even Better TOML complete and check a file with it) and for the docs:
//! `connlint.schema.json` and the book's configuration reference are generated from it
//! (`tests/docs.rs`).
//!
//! The top-level tables come from the types `config` deserializes (`RawConfig`, `RawBudget`).
//! A `[[catalog.client]]` entry is deserialized as the catalogue's own `ClientDef`; the types
//! below mirror it (and its parts) field for field for the schema only, and `tests/docs.rs`
//! fails when they drift from the catalogue's.
#![allow(dead_code)] // Read by the schema derive only.

use schemars::JsonSchema;
use serde_json::{Value, json};

use super::{RawConfig, RuleNames};

/// The JSON Schema (draft 2020-12) of a configuration file, with the registry's rule ids.
pub fn json_schema(names: &RuleNames) -> Value {
    let settings = schemars::generate::SchemaSettings::draft2020_12();
    let schema = settings
        .into_generator()
        .into_root_schema_for::<RawConfig>();
    let mut value = schema.to_value();
    drop_nulls(&mut value);
    let mut ids = (names.ids)();
    ids.sort_unstable();
    if let Some(rule) = value.pointer_mut("/$defs/RuleName") {
        let description = rule.get("description").cloned().unwrap_or(Value::Null);
        *rule = json!({
            "description": description,
            "anyOf": [
                { "enum": ids },
                { "type": "string", "pattern": "^[Cc][Ll][0-9]{3}$" }
            ]
        });
    }
    // `[severity]`'s keys are rule names too (schemars describes a map's values only).
    if let Some(Value::Object(severity)) = value.pointer_mut("/properties/severity") {
        severity.insert(
            "propertyNames".into(),
            json!({ "$ref": "#/$defs/RuleName" }),
        );
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "$id".into(),
            json!("https://github.com/connlint/connlint/blob/main/connlint.schema.json"),
        );
    }
    value
}

/// TOML has no null: an optional key is one that may be left out. Removes the `null` that
/// schemars allows for an `Option` (`"type": ["string", "null"]`, `"anyOf": [{…}, {"type":
/// "null"}]`) and `"default": null`.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alternatives)) = map.get("anyOf") {
                let rest: Vec<&Value> = alternatives
                    .iter()
                    .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                    .collect();
                if rest.len() == 1
                    && let Value::Object(inner) = rest[0].clone()
                {
                    map.remove("anyOf");
                    map.extend(inner);
                }
            }
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// A rule id (`per-request-client`) or code (`CL101`).
#[derive(JsonSchema)]
pub(crate) struct RuleName(String);

/// A count of connections or processes: a whole number, at least 1.
pub(crate) struct Count;

impl JsonSchema for Count {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A count of connections or processes: a whole number, at least 1.",
            "type": "integer",
            "minimum": 1
        })
    }
}

/// A rule's level.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    Error,
    Warning,
}

/// The languages a `[[catalog.client]]` entry may name.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Language {
    Typescript,
    Python,
    Rust,
}

/// The kind of resource a catalogue entry builds.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ClientKind {
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

/// A client library: how it is imported and built, how it is released, and its pool-size keys
/// (the built-in catalogue's `[[client]]` entries have the same fields).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClientDef {
    /// Unique id, e.g. `prisma`, `pg-pool`, `sqlalchemy-engine`, `sqlx-pool`.
    id: String,
    /// The language whose code uses the library: `typescript` (also JavaScript), `python` or
    /// `rust`.
    language: Language,
    /// The package / distribution / crate, for messages: `@prisma/client`, `SQLAlchemy`, `sqlx`.
    library: String,
    /// Database or service family: `postgres`, `mysql`, `mongodb`, `redis`, `sql`, `http`, ...
    family: String,
    kind: ClientKind,
    /// Import sources that give identity.
    /// - TS/JS: module specifiers (`pg`, `@prisma/client`); a `*` matches any characters.
    /// - Python: module paths (`sqlalchemy`, `sqlalchemy.ext.asyncio`).
    /// - Rust: crate names (`sqlx`, `reqwest`).
    modules: Vec<String>,
    /// How a client is built.
    #[serde(default)]
    constructors: Vec<CtorDef>,
    /// APIs that return the library's own stored singleton (never flagged as per-request).
    #[serde(default)]
    singletons: Vec<CtorDef>,
    /// Methods that close / release / dispose of the client.
    #[serde(default)]
    release: Vec<String>,
    /// Next.js: a module-scope client of this library must be cached on `globalThis`.
    #[serde(default)]
    hot_reload: bool,
    /// Documented to be created and closed per request in edge handlers (Neon).
    #[serde(default)]
    edge_ok: bool,
    /// TS/JS: option keys that make a construction one user's, built per request by design
    /// (supabase-js given `accessToken`): such a construction is not reported.
    #[serde(default)]
    per_user_options: Vec<String>,
    /// TS/JS: the conventional name of the value a curried constructor (`call = "default()"`)
    /// is called on (`pgp` for pg-promise), for when it is imported from the project.
    #[serde(default)]
    instance_names: Vec<String>,
    /// Pool-size keys (options / keyword arguments / builder methods) with their defaults.
    #[serde(default)]
    pool_keys: Vec<PoolKeyDef>,
    /// Python: names for a constructor's leading positional arguments, read as the options of
    /// those names when not given by keyword (psycopg2's `ThreadedConnectionPool(5, 50, dsn)`:
    /// `minconn`, `maxconn`).
    #[serde(default)]
    positional_options: Vec<String>,
    /// A link to the library's guidance, printed in help.
    #[serde(default)]
    docs: Option<String>,
    /// TS/JS: methods whose result is the client itself (`client.connect()` on a MongoClient,
    /// `pool.promise()` on mysql2), so `return client.connect()` hands the client over.
    #[serde(default)]
    returns_self: Vec<String>,
    /// TS/JS and Python: methods that return a handle bound to the client (`client.db(name)` on
    /// a MongoClient, `pool.connect()` on a pg Pool, pymongo's `client.get_database()`):
    /// returning one hands out the live client (`Returned::Derived`). Returning the result of
    /// any other method (query data) does not.
    #[serde(default)]
    handles: Vec<String>,
    /// Python: `with X(...) as c:` does not close the client: its context manager only ends a
    /// transaction (psycopg2's connection commits or rolls back and stays open).
    #[serde(default)]
    with_keeps_open: bool,
    /// Python: methods whose result keeps the connection reachable (`conn.cursor()`: the cursor's
    /// `.connection`), so `return conn.cursor()` hands the connection over to the caller.
    #[serde(default)]
    owner_handles: Vec<String>,
    /// Python: a construction given a connection someone else holds (`Session(bind=connection)`
    /// in an event listener, `Session(bind=op.get_bind())` in a migration) owns nothing to close.
    #[serde(default)]
    borrows: Option<BorrowedBind>,
    /// The environment variable the library reads its URL from when the code gives none
    /// (Prisma: `DATABASE_URL`, named in `schema.prisma`), and the options that give one.
    #[serde(default)]
    default_url_env: Option<DefaultUrlEnv>,
    /// The release is a method of the pool the connection came from, taking the connection:
    /// `pool.putconn(conn)`, `await pool.release(conn)` (not `conn.release()`).
    #[serde(default)]
    release_on_owner: bool,
    /// Settings needed behind a transaction-mode pooler (`pooler-prepared-statements`).
    #[serde(default)]
    pooler: Vec<PoolerRequirement>,
    /// A client (kind `client`) that must be closed when it is opened inside a function
    /// (`httpx.Client`, `aiohttp.ClientSession`, `requests.Session`): `unclosed-session` checks it.
    #[serde(default)]
    must_close: bool,
    /// The library's singleton API that replaces a `new` construction with the same arguments
    /// (`StreamChat.getInstance` for `new StreamChat(…)`): the `per-request-client` fix.
    #[serde(default)]
    singleton_fix: Option<SingletonFix>,
    /// Python: must be created inside a running event loop (`aiohttp.ClientSession`), so a fix
    /// never moves it to module scope.
    #[serde(default)]
    loop_bound: bool,
    /// Options that hand the client an existing pool (`redis.Redis(connection_pool=POOL)`): built
    /// per call with one, it opens nothing of its own.
    #[serde(default)]
    shared_pool_options: Vec<String>,
    /// Options that select one logical database on the server (redis-py's `db=`): clients that
    /// give it different values reach different stores, so they are not duplicates.
    #[serde(default)]
    select_options: Vec<String>,
    /// Options that pin the client to what one request resolved (undici's `connect.lookup`
    /// answering with an address validated against SSRF): built per request with one, it is
    /// per-target by design, not a pool that should have been shared.
    #[serde(default)]
    per_target_options: Vec<String>,
    /// Options that give the client its credentials (boto3's `aws_access_key_id`): written with
    /// a parameter or a local of the enclosing function, the client is bound to the caller's
    /// principal, one per set of credentials by design.
    #[serde(default)]
    credential_options: Vec<String>,
    /// Settings that make the pool keep no connections (`poolclass=NullPool`), as
    /// `option=value`: no pool size applies and the budget does not count it.
    #[serde(default)]
    unpooled_options: Vec<String>,
    /// Dependencies that make the client keep no connections wherever it is built (reqwest in
    /// a Cloudflare Worker, `worker`: WebAssembly, each request through the host's `fetch`).
    #[serde(default)]
    unpooled_with: Vec<String>,
    /// Rust: the client's type by its crate's root path (`sqlx::PgPool`), for a fix that names
    /// it (an axum `State<…>` extractor) when nothing in the project writes it.
    #[serde(default)]
    type_path: Option<String>,
    /// A long-lived stream (a WebSocket to an upstream) that clients reopen in a loop when it
    /// drops: a loop around it is a reconnect loop, not a new connection per item, so
    /// `per-request-client` judges it only in handlers and renders.
    #[serde(default)]
    reconnects: bool,
    /// A general-purpose client of a family the catalogue allows several of (Redis, where queues
    /// and subscribers each need their own connection): one is meant to serve every module, so
    /// two modules that each build one for the same server are duplicates, unless one of them
    /// subscribes.
    #[serde(default)]
    one_per_process: bool,
    /// A transaction taken from a pool (`const trx = await db.transaction()`): it ends with a
    /// commit when the work succeeds and a rollback otherwise, so `unclosed-session` offers no
    /// `finally` fix and says to end it on every path.
    #[serde(default)]
    transaction: bool,
    /// Rust: constructors that return the client itself rather than a `Result` or a future
    /// (`reqwest::Client::new`), so a fix may replace the construction without its `?`.
    #[serde(default)]
    infallible: Vec<String>,
    /// Names that list the library's own live instances (firebase-admin's `getApps`, Python's
    /// `_apps` / `get_app`): a construction under a condition that reads them (`if
    /// (!getApps().length) initializeApp()`, `if not firebase_admin._apps:`), or in the `except`
    /// of a `try` that asks them first (Python), reuses the library's singleton.
    #[serde(default)]
    registry: Vec<String>,
    /// A throwaway call (`httpx.get(url)`) rewritten to a shared client: the `per-request-client` fix.
    #[serde(default)]
    shared: Option<SharedClient>,
    /// A call that connects the library's one default connection (`mongoose.connect`): modules
    /// calling it share that connection (no duplicate clients), and the `per-request-client`
    /// fix makes a call per request connect only while disconnected
    /// (`if (mongoose.connection.readyState === 0) await mongoose.connect(uri);`).
    #[serde(default)]
    default_connection: Option<DefaultConnection>,
}

/// One way to build a client.
#[derive(JsonSchema, Default, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct CtorDef {
    /// TS/JS: `new <path>(…)`, e.g. `PrismaClient`, `Redis.Cluster`.
    new: Option<String>,
    /// A call of `<path>(…)`: TS/JS an export (`createPool`, `default`, `MongoClient.connect`);
    /// Python an attribute path under a module (`create_engine`, `Redis.from_url`);
    /// Rust a path suffix under the crate (`PgPool::connect`, `Client::new`, `get`).
    call: Option<String>,
    /// A builder: the construction is the call of one of these methods on a chain that starts
    /// with `call` (`PgPoolOptions::new` … `.connect(url)`).
    then: Vec<String>,
    /// Rust: `call` names a type rather than a function, and the construction is one of the
    /// `then` methods called on any value of that type: `client.get_connection()` on a
    /// `redis::Client`, `cfg.create_pool(..)` on a `deadpool_postgres::Config`. The front-end
    /// knows the receiver's type from a local built by the type's struct literal or one of its
    /// associated functions (`Config::new()`, `Client::open(url)?`), a typed parameter or
    /// extractor (`State<redis::Client>`), a typed `let`, or a struct field declared in the file.
    /// Matched by `match_rs_value`, never by `match_rs`.
    on_type: bool,
    /// TS/JS and Python: `call` is a method called on an instance of the catalogue entry with
    /// this id (`pool.connect()` on a `pg-pool`, `engine.connect()` on a `sqlalchemy-engine`);
    /// `call = "()"` means calling the instance itself (`SessionLocal()` on a
    /// `sqlalchemy-sessionmaker`). The front-end knows the receiver from a binding of that
    /// entry's construction in the file, or, for an imported receiver, from its name.
    on: Option<String>,
    /// TS/JS: the call builds a client only when its first argument has one of these shapes:
    /// `url` (a string or template literal, or `process.env.X` / `env.X`) or `{key}` (an object
    /// literal with that key). Empty: any arguments. (`drizzle(url)` builds a pool;
    /// `drizzle(pool)` / `drizzle({ client })` wraps one.)
    first_arg: Vec<String>,
    /// Python: this constructor must run inside a running event loop
    /// (`psycopg_pool.AsyncConnectionPool`): a fix never moves it to module scope.
    loop_bound: bool,
    /// Building one per call of a plain function is the library's own advice (boto3 sessions
    /// are not thread-safe): `per-request-client` judges it only in handlers, renders and loops.
    per_call_ok: bool,
    /// TS/JS: with `on`, the method's name is the library's own (`createQueryRunner`): an
    /// imported or returned receiver of any name is an instance when the file imports, or the
    /// project depends on, the library (not only a receiver named like `pool`).
    named_method: bool,
    /// Rust: builder calls that give the client state of one session (reqwest's
    /// `cookie_store(true)`, `cookie_provider(jar)`: a cookie jar): one built with them is a
    /// session, built per session by design, and no shared client is expected of it.
    session_calls: Vec<String>,
}

/// A pool-size key and its default.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PoolKeyDef {
    key: String,
    #[serde(default)]
    default: Option<u64>,
    /// Added to the pool maximum (SQLAlchemy `max_overflow`).
    #[serde(default)]
    additive: bool,
    /// Values that mean "no limit" (`-1`, `None`).
    #[serde(default)]
    unbounded: Vec<String>,
    /// A minimum (`min_size`): not part of the pool's maximum.
    #[serde(default)]
    min: bool,
    /// A query parameter of the connection URL (`connection_limit`, `maxPoolSize`) rather than an
    /// option of the constructor.
    #[serde(default)]
    url: bool,
    /// A default that depends on the machine: `per_cpu × CPUs + plus` (Prisma ≤ 6's
    /// `connection_limit`, `num_physical_cpus * 2 + 1`). Used by `connlint budget` with
    /// `[budget] cpus`; rules, which judge what is written, leave it alone.
    #[serde(default)]
    cpu_default: Option<CpuDefault>,
}

/// `per_cpu × CPUs + plus`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CpuDefault {
    per_cpu: u64,
    #[serde(default)]
    plus: u64,
}

/// An implicit URL source (see `default_url_env`).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DefaultUrlEnv {
    var: String,
    /// Options (top-level keys) that give the URL explicitly, or replace the connection.
    #[serde(default)]
    unless: Vec<String>,
}

/// What a client needs behind a transaction-mode pooler (PgBouncer / Supavisor `:6543`), where
/// prepared statements do not work (`pooler-prepared-statements`). Each requirement is one
/// option or URL parameter with its accepted values.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PoolerRequirement {
    /// Constructor options, any of which may carry the setting (`prepare`,
    /// `connect_args.statement_cache_size`, `kwargs.prepare_threshold`, `poolclass`).
    #[serde(default)]
    options: Vec<String>,
    /// A URL query parameter (`pgbouncer`).
    #[serde(default)]
    url_param: Option<String>,
    /// Accepted values, as written (`false`, `0`, `None`, `NullPool`, `true`); the first is
    /// what the fix writes.
    equals: Vec<String>,
    /// Any value written for the option meets the requirement (a function the library calls,
    /// such as SQLAlchemy's `prepared_statement_name_func`); `equals` is then only what the fix
    /// writes.
    #[serde(default)]
    any_value: bool,
    /// Only when the URL's scheme is this (`postgresql+asyncpg` for SQLAlchemy over asyncpg).
    #[serde(default)]
    when_scheme: Option<String>,
    /// What to write, for the help: `prepare: false`.
    fix: String,
    /// The import the accepted value needs, added with the fix
    /// (`from sqlalchemy.pool import NullPool`).
    #[serde(default)]
    import: Option<String>,
    /// Keyword options the accepted value does not take, removed with the fix (`NullPool`
    /// rejects `pool_size` and `max_overflow`).
    #[serde(default)]
    drops: Vec<String>,
    /// The library reads its URL from the environment by itself (Prisma's `DATABASE_URL`): a
    /// dotenv URL is judged even when no construction in the code reads it.
    #[serde(default)]
    dotenv: Option<DotenvRequirement>,
}

/// See `dotenv`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DotenvRequirement {
    /// Projects depending on one of these packages.
    deps: Vec<String>,
    /// The library, for the message: `Prisma`.
    name: String,
    /// Variables whose name contains one of these are left alone (`DIRECT` for the direct URL
    /// that migrations use).
    #[serde(default)]
    skip_vars: Vec<String>,
    help: String,
}

/// A `new X(…)` construction rewritten to the library's singleton API.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SingletonFix {
    /// The singleton call that replaces `new <ctor>` (`StreamChat.getInstance`).
    call: String,
    /// Only when the arguments are one object literal (`new StreamVideoClient({ apiKey, … })`).
    #[serde(default)]
    object_arg: bool,
}

/// How a throwaway call becomes a call on one shared client.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SharedClient {
    /// The callee as written before the method (`httpx`, `reqwest`); other spellings (an alias,
    /// a bare imported `get`) get no edit.
    prefix: String,
    /// The shared client's name (`_HTTPX_CLIENT`).
    name: String,
    /// Its module-level declaration.
    declare: String,
    /// The replacement call: `{name}`, `{method}` and `{args}` (the parenthesised arguments as
    /// written) are substituted.
    call: String,
    /// Rust: declare at the end of the file (a `static`); otherwise after the imports.
    #[serde(default)]
    at_end: bool,
}

/// See `borrows`: the keyword argument, and what its value looks like when it is a
/// connection the caller holds: a call of one of `calls` (`op.get_bind()`,
/// `session.connection()`) or a name containing one of `names` (`connection`, `conn`).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BorrowedBind {
    keyword: String,
    #[serde(default)]
    calls: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
}

/// See `default_connection`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DefaultConnection {
    /// The callee as written (`mongoose.connect`); other spellings get no edit.
    call: String,
    /// The condition under which it still connects (`mongoose.connection.readyState === 0`).
    condition: String,
}

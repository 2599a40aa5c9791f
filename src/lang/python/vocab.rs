//! Word lists of the Python front-end: `with`-able and closing names, route and startup
//! decorators, Celery signals, memo decorators, class-based view methods, route registrars,
//! third-party and standard-library module names.

// ---------------------------------------------------------------------------------------------
// Vocabulary (frameworks, not libraries)
// ---------------------------------------------------------------------------------------------

/// Pseudo release methods: opened by `with` / `enter_context`, or wrapped in `closing(…)`.
pub(super) const WITH: &str = "__with__";

pub(super) const CLOSED: &str = "__closing__";

/// Builtins that read their arguments and keep nothing: a client given to one beside a
/// parameter is not handed to the parameter (`isinstance(pool, cls)`).
pub(super) const HANDED_NOT: &[&str] = &[
    "print",
    "isinstance",
    "issubclass",
    "len",
    "repr",
    "str",
    "id",
    "type",
    "getattr",
    "hasattr",
    "bool",
    "format",
    "vars",
    "dir",
    "hash",
    "callable",
    "super",
];

/// `@<x>.<method>(…)` decorators that register a per-request route.
pub(super) const ROUTE_DECORATORS: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "options",
    "head",
    "trace",
    "api_route",
    "websocket",
    "route",
    "websocket_route",
];

/// Frameworks whose route decorators are bare names imported from them (`from litestar
/// import get` + `@get("/")`), with their tag.
pub(super) const BARE_ROUTE_FRAMEWORKS: &[(&str, &str)] =
    &[("litestar", "litestar"), ("bottle", "bottle")];

/// Decorators of task queues (`@dramatiq.actor`, `from rq.decorators import job` + `@job(…)`),
/// the module they must come from, and their tag: the function runs once per message.
pub(super) const TASK_DECORATORS: &[(&str, &str)] = &[("actor", "dramatiq"), ("job", "rq")];

/// arq worker settings (class attributes of `WorkerSettings` or keywords of `Worker(…)`): the
/// job functions (`functions`, `cron_jobs`) and the hooks that run once per worker.
pub(super) const ARQ_SETTINGS: &[&str] = &["functions", "cron_jobs", "on_startup", "on_shutdown"];

/// Base classes of Django Channels consumers (`channels.generic.websocket`, `channels.consumer`).
pub(super) const CHANNELS_CONSUMERS: &[&str] = &[
    "WebsocketConsumer",
    "JsonWebsocketConsumer",
    "AsyncConsumer",
    "SyncConsumer",
    "AsyncHttpConsumer",
];

/// Channels consumer methods that run once per connection, not per message.
pub(super) const CHANNELS_CONNECTION_METHODS: &[&str] = &[
    "connect",
    "disconnect",
    "websocket_connect",
    "websocket_disconnect",
];

/// Base classes of Tornado handlers (`tornado.web.RequestHandler`, `WebSocketHandler`).
pub(super) const TORNADO_HANDLERS: &[&str] = &["RequestHandler", "WebSocketHandler"];

/// Tornado methods run per request or per WebSocket connection, beyond the HTTP verbs.
pub(super) const TORNADO_METHODS: &[&str] = &["prepare", "open", "on_message"];

/// Falcon responder names (`on_get`, and suffixed routes' `on_get_item`).
pub(super) const FALCON_RESPONDERS: &[&str] = &[
    "on_get",
    "on_post",
    "on_put",
    "on_patch",
    "on_delete",
    "on_head",
    "on_options",
    "on_websocket",
];

/// Flask hooks that run on every request.
pub(super) const FLASK_REQUEST_HOOKS: &[&str] =
    &["before_request", "after_request", "teardown_request"];

/// Decorators that run a function once, at startup (Panther's `@Event.startup`, Silverback's
/// `@bot.on_worker_startup()`, once per worker process).
pub(super) const STARTUP_DECORATORS: &[&str] = &[
    "before_first_request",
    "before_serving",
    "on_startup",
    "startup",
    "on_worker_startup",
];

/// Celery signals whose receivers run once per worker process.
pub(super) const CELERY_SIGNALS: &[&str] = &[
    "worker_process_init",
    "worker_init",
    "celeryd_init",
    "on_after_configure",
    "on_after_finalize",
    "beat_init",
];

/// Memoising decorators (`@lru_cache`, `@functools.cache`, `@cached_property`).
pub(super) const MEMO_DECORATORS: &[&str] =
    &["lru_cache", "cache", "cached_property", "alru_cache"];

/// Methods of class-based views that run per request.
pub(super) const CBV_METHODS: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "list",
    "retrieve",
    "create",
    "update",
    "partial_update",
    "destroy",
    "dispatch",
];

/// Last names of calls that register handlers by reference (see `Pre::scan_call`).
pub(super) const ROUTE_REGISTRARS: &[&str] = &[
    "path",
    "re_path",
    "url",
    "add_url_rule",
    "add_api_route",
    "add_api_websocket_route",
    "Route",
    "WebSocketRoute",
    "Path",
    "WebSocketPath",
    "Gateway",
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "view",
    "route",
    "add_get",
    "add_post",
    "add_put",
    "add_patch",
    "add_delete",
    "add_head",
    "add_view",
    "add_route",
    "add_task",
    "BackgroundTask",
    "enqueue",
    "enqueue_call",
    "enqueue_in",
    "enqueue_at",
];

/// Function names that run once, at startup (an application factory: Flask's `create_app`,
/// Pecan's `setup_app`, an extension's `init_app`).
pub(super) const STARTUP_NAMES: &[&str] = &[
    "main",
    "create_app",
    "make_app",
    "setup_app",
    "init_app",
    "build_app",
    "app_factory",
    "create_application",
    "lifespan",
];

/// Installed packages often imported without being a declared dependency under the same name:
/// never project modules.
pub(super) const THIRD_PARTY: &[&str] = &[
    "fastapi",
    "starlette",
    "flask",
    "quart",
    "django",
    "rest_framework",
    "ninja",
    "celery",
    "kombu",
    "pydantic",
    "pydantic_settings",
    "sqlmodel",
    "uvicorn",
    "gunicorn",
    "jwt",
    "jose",
    "passlib",
    "bcrypt",
    "dotenv",
    "yaml",
    "pytest",
    "pytest_asyncio",
    "numpy",
    "pandas",
    "aiohttp",
    "boto3",
    "botocore",
    "requests",
    "httpx",
    "werkzeug",
    "jinja2",
    "click",
    "typer",
    "alembic",
    "structlog",
    "sentry_sdk",
    "tenacity",
    "orjson",
    "ujson",
    "attr",
    "attrs",
    "marshmallow",
    "flask_sqlalchemy",
    "flask_login",
    "flask_cors",
    "flask_restful",
    "flask_restx",
    "flask_migrate",
    "mangum",
    "aws_lambda_powertools",
    "anyio",
    "trio",
    "openai",
    "anthropic",
    "google",
    "azure",
    "stripe",
    "bs4",
    "lxml",
    "PIL",
    "dateutil",
    "pytz",
    "tqdm",
    "rich",
    "loguru",
    "rq",
    "dramatiq",
    "grpc",
    "websockets",
    "socketio",
    "channels",
    "asgiref",
    "itsdangerous",
    "cryptography",
    "msgpack",
    "invoke",
    "fabric",
    "mock",
    "bson",
    "freezegun",
    "factory",
    "faker",
    "hypothesis",
    "sklearn",
    "scipy",
    "torch",
    "tensorflow",
    "langchain",
];

/// Standard-library modules not already known to `modules::py_module`.
pub(super) const STDLIB_EXTRA: &[&str] = &[
    "base64",
    "hashlib",
    "hmac",
    "secrets",
    "string",
    "textwrap",
    "traceback",
    "warnings",
    "weakref",
    "copy",
    "pickle",
    "csv",
    "decimal",
    "fractions",
    "glob",
    "shutil",
    "tempfile",
    "socket",
    "ssl",
    "signal",
    "inspect",
    "importlib",
    "operator",
    "statistics",
    "struct",
    "zipfile",
    "gzip",
    "heapq",
    "bisect",
    "queue",
    "multiprocessing",
    "concurrent",
    "email",
    "smtplib",
    "argparse",
    "configparser",
    "unittest",
    "platform",
    "getpass",
    "calendar",
    "zoneinfo",
    "ipaddress",
    "types",
    "pprint",
    "atexit",
    "builtins",
    "codecs",
    "locale",
    "mimetypes",
    "shlex",
    "contextvars",
    "selectors",
    "array",
    "binascii",
    "html",
    "xml",
    "wsgiref",
    "select",
];

/// Modules that hold models and schemas, whose `ChatSession` / `SessionOut` classes are not
/// session factories.
pub(super) const MODEL_MODULES: &[&str] = &[
    "models",
    "model",
    "schemas",
    "schema",
    "entities",
    "entity",
    "domain",
    "dto",
    "types",
    "serializers",
];

/// Function-like names that a session heuristic must not take for a sessionmaker instance
/// (`get_session()`, `create_session()` are functions with their own lifecycle).
pub(super) const VERB_PREFIXES: &[&str] = &[
    "get_", "create_", "make_", "new_", "open_", "build_", "init_", "provide_", "with_", "use_",
    "yield_", "close_", "_get_", "_create_", "_make_", "_new_", "_open_",
];

/// Endings of a function's name that say it is about sessions (a SQL filter or an id) or acts
/// on one (`session_commit`, `db_session_cleanup`), rather than opening one.
pub(super) const NOT_SESSION_SUFFIXES: &[&str] = &[
    "_filter",
    "_query",
    "_stmt",
    "_clause",
    "_condition",
    "_count",
    "_id",
    "_ids",
    "_commit",
    "_rollback",
    "_close",
    "_remove",
    "_cleanup",
    "_clear",
    "_flush",
    "_expire",
    "_reset",
    "_dispose",
    "_teardown",
    "_end",
    "_save",
    "_delete",
    "_update",
    "_check",
    "_exists",
    "_refresh",
    "_add",
    "_set",
];

/// Words that qualify a `…_session()` getter as another protocol's session, not a database's
/// (`http_session()` hands out a `requests.Session`, `browser_session()` a browser's).
pub(super) const NOT_DB_SESSION_WORDS: &[&str] = &[
    "http",
    "https",
    "web",
    "api",
    "rest",
    "requests",
    "aiohttp",
    "httpx",
    "browser",
    "ssh",
    "sftp",
    "ftp",
    "boto",
    "boto3",
    "aws",
    "spark",
    "tf",
    "onnx",
    "ort",
    "user",
    "login",
    "auth",
    "chat",
    "ws",
    "websocket",
    "grpc",
    "selenium",
    "playwright",
    "oauth",
    "cookie",
];

/// A FastAPI-style session dependency by its name (`get_db`, `get_session`,
/// `get_async_session`, `get_db_session`): a generator that yields a session.
pub(super) fn is_session_dependency(name: &str) -> bool {
    name.strip_prefix("get_")
        .is_some_and(|rest| rest == "db" || rest.ends_with("session") || rest.ends_with("_db"))
}

/// The name word a receiver of an `on` constructor has when its construction is not visible:
/// the last word of the entry id (`sqlalchemy-engine` → `engine`, `asyncpg-pool` → `pool`), and
/// `session` for a `…-sessionmaker`.
pub(super) fn receiver_hint(on_id: &str) -> &str {
    let last = on_id.rsplit('-').next().unwrap_or(on_id);
    last.strip_suffix("maker").unwrap_or(last)
}

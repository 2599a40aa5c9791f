//! Python front-end (tree-sitter-python).
//!
//! One parse per file (a parser per thread), then:
//! 1. a pre-pass over the tree collects imports (`import a.b as c`, `from a import b as c`,
//!    relative imports with their level), module-level names, the functions defined in the file,
//!    the functions called from `if __name__ == "__main__":`, functions passed as `lifespan=`,
//!    FastAPI `X = Annotated[…, Depends(f)]` aliases and functions referenced as handlers
//!    (Django `path("x/", views.f)`, Flask `add_url_rule(view_func=f)`, aiohttp `web.get("/", f)`,
//!    Starlette `Route("/", f)`, FastAPI `add_api_route("/", f)`);
//! 2. one walk with an explicit context stack (scope, guard, enclosing function, loops) records
//!    functions, catalogue constructions and calls of functions that may be client factories;
//! 3. facts that depend on the rest of a function body (a release call on the binding, a
//!    `return` of it, the binding stored into module state, locals in the arguments) are filled
//!    when the walk leaves the function, from the few nodes it gathered there (no second walk);
//! 4. sessions, connections and checkouts opened in functions (`unclosed-session`): catalogue
//!    constructions of kind `session` / `checkout` / `connection` or marked `must_close`, and
//!    calls on instances of other entries (`on` constructors: `SessionLocal()` on a sessionmaker,
//!    `engine.connect()`, `pool.getconn()`, `pool.acquire()`). How each is closed (`with`,
//!    `closing(…)`, a release in a `finally:`, returned, stored on an owner) is decided with the
//!    other deferred facts, from the same gathered nodes.
//!
//! The front-end knows frameworks (FastAPI, Flask, Django, Celery, Lambda, aiohttp, Starlette),
//! never libraries: library identity comes from the catalogue (`rules/catalog/python.toml`).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use tree_sitter::{Node, Parser, Tree};

use crate::catalog::{ClientDef, CtorMatch, LangCatalog};
use crate::facts::{
    CallSite, ClientConfig, ClientKind, ClientSite, Closing, ConnUrl, FileFacts, FixAnchors,
    FnFact, Guard, HandlerRef, ModuleRef, OptValue, OptionFact, Returned, Scope, ScopeKind,
    SessionAnchors, SessionSite, UrlRef, WithAnchors,
};
use crate::lang::ParseError;
use crate::lang::dotenv::is_connection_url;
use crate::lang::modules::py_module;
use crate::source::{SourceFile, Span};

thread_local! {
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

fn new_parser() -> Result<Parser, ParseError> {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_python::LANGUAGE.into())
        .map_err(|e| ParseError {
            message: format!("cannot load the tree-sitter Python grammar: {e}"),
            span: None,
        })?;
    Ok(parser)
}

fn no_tree() -> ParseError {
    ParseError {
        message: "tree-sitter-python returned no tree".to_string(),
        span: None,
    }
}

/// Parse with this thread's parser (created on first use).
fn parse(text: &str) -> Result<Tree, ParseError> {
    PARSER.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            // Re-entrant use (never expected): parse with a fresh parser.
            return new_parser()?.parse(text, None).ok_or_else(no_tree);
        };
        if slot.is_none() {
            *slot = Some(new_parser()?);
        }
        match slot.as_mut() {
            Some(parser) => parser.parse(text, None).ok_or_else(no_tree),
            None => Err(no_tree()),
        }
    })
}

/// Extract the facts of one Python file.
pub fn extract(file: &SourceFile, catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    let tree = parse(&file.text)?;
    let root = tree.root_node();
    let pre = Pre::collect(file, catalog, root);
    let mut walker = Walker::new(file, catalog, pre, root);
    walker.scan_module_bindings(root);
    walker.walk(root);
    if let Some(module) = walker.accs.pop() {
        walker.finish_body(module);
    }
    walker.finalize();
    Ok(walker.facts)
}

/// Does the text parse without any ERROR or MISSING node?
pub fn parses_cleanly(text: &str) -> bool {
    parse(text).is_ok_and(|tree| !tree.root_node().has_error())
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (frameworks, not libraries)
// ---------------------------------------------------------------------------------------------

/// Pseudo release methods: opened by `with` / `enter_context`, or wrapped in `closing(…)`.
const WITH: &str = "__with__";
const CLOSED: &str = "__closing__";

/// Release methods for calls of unknown type (factories).
const GENERIC_RELEASE: &[&str] = &[
    "close",
    "end",
    "dispose",
    "$disconnect",
    "disconnect",
    "quit",
    "release",
    "aclose",
    "shutdown",
];

/// `@<x>.<method>(…)` decorators that register a per-request route.
const ROUTE_DECORATORS: &[&str] = &[
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

/// Flask hooks that run on every request.
const FLASK_REQUEST_HOOKS: &[&str] = &["before_request", "after_request", "teardown_request"];

/// Decorators that run a function once, at startup.
const STARTUP_DECORATORS: &[&str] = &["before_first_request", "before_serving", "on_startup"];

/// Celery signals whose receivers run once per worker process.
const CELERY_SIGNALS: &[&str] = &[
    "worker_process_init",
    "worker_init",
    "celeryd_init",
    "on_after_configure",
    "on_after_finalize",
    "beat_init",
];

/// Memoising decorators (`@lru_cache`, `@functools.cache`, `@cached_property`).
const MEMO_DECORATORS: &[&str] = &["lru_cache", "cache", "cached_property", "alru_cache"];

/// Methods of class-based views that run per request.
const CBV_METHODS: &[&str] = &[
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
const ROUTE_REGISTRARS: &[&str] = &[
    "path",
    "re_path",
    "url",
    "add_url_rule",
    "add_api_route",
    "add_api_websocket_route",
    "Route",
    "WebSocketRoute",
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
];

/// Function names that run once, at startup.
const STARTUP_NAMES: &[&str] = &["main", "create_app", "make_app", "lifespan"];

/// Installed packages often imported without being a declared dependency under the same name:
/// never project modules.
const THIRD_PARTY: &[&str] = &[
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
const STDLIB_EXTRA: &[&str] = &[
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

// ---------------------------------------------------------------------------------------------
// Node kinds of the hot loops
// ---------------------------------------------------------------------------------------------

/// The node kinds the walks branch on. `Node::kind()` measures and validates a C string on
/// every call; the walks look kinds up by numeric id in a table built once instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Other,
    FunctionDef,
    ClassDef,
    Lambda,
    Block,
    Comprehension,
    If,
    Decorator,
    Call,
    Import,
    KeywordArg,
    WithItem,
    Global,
    Assignment,
    BindsLeft,
    AsPatternTarget,
    NamedExpr,
    Return,
    Identifier,
    Attribute,
    Subscript,
    Str,
}

static KINDS: LazyLock<Vec<K>> = LazyLock::new(|| {
    let lang: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
    (0..lang.node_kind_count())
        .map(|id| {
            let id = u16::try_from(id).unwrap_or(u16::MAX);
            if !lang.node_kind_is_named(id) {
                return K::Other;
            }
            match lang.node_kind_for_id(id).unwrap_or("") {
                "function_definition" => K::FunctionDef,
                "class_definition" => K::ClassDef,
                "lambda" => K::Lambda,
                "block" => K::Block,
                "list_comprehension"
                | "set_comprehension"
                | "dictionary_comprehension"
                | "generator_expression" => K::Comprehension,
                "if_statement" => K::If,
                "decorator" => K::Decorator,
                "call" => K::Call,
                "import_statement" | "import_from_statement" => K::Import,
                "keyword_argument" => K::KeywordArg,
                "with_item" => K::WithItem,
                "global_statement" => K::Global,
                "assignment" => K::Assignment,
                "augmented_assignment" | "for_statement" | "for_in_clause" => K::BindsLeft,
                "as_pattern_target" => K::AsPatternTarget,
                "named_expression" => K::NamedExpr,
                "return_statement" | "yield" => K::Return,
                "identifier" => K::Identifier,
                "attribute" => K::Attribute,
                "subscript" => K::Subscript,
                "string" => K::Str,
                _ => K::Other,
            }
        })
        .collect()
});

fn k(node: Node) -> K {
    KINDS
        .get(usize::from(node.kind_id()))
        .copied()
        .unwrap_or(K::Other)
}

// ---------------------------------------------------------------------------------------------
// Small syntax helpers
// ---------------------------------------------------------------------------------------------

fn text<'s>(node: Node, src: &'s str) -> &'s str {
    src.get(node.byte_range()).unwrap_or("")
}

fn span(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

/// The text without whitespace (`redis . Redis` → `redis.Redis`), for display and comparison.
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\\')
        .collect()
}

/// `a.b.c` as segments, for identifiers and attribute chains of identifiers.
fn dotted<'s>(node: Node, src: &'s str) -> Option<Vec<&'s str>> {
    let mut segs = Vec::new();
    let mut cur = node;
    loop {
        match k(cur) {
            K::Identifier => {
                segs.push(text(cur, src));
                break;
            }
            K::Attribute => {
                segs.push(text(cur.child_by_field_name("attribute")?, src));
                cur = cur.child_by_field_name("object")?;
            }
            _ => return None,
        }
    }
    segs.reverse();
    Some(segs)
}

/// The root identifier of an attribute / subscript / call chain (`a` for `a.b[c].d`).
fn root_ident<'s>(node: Node, src: &'s str) -> Option<&'s str> {
    let mut cur = node;
    loop {
        match k(cur) {
            K::Identifier => return Some(text(cur, src)),
            K::Attribute => cur = cur.child_by_field_name("object")?,
            K::Subscript => cur = cur.child_by_field_name("value")?,
            _ => return None,
        }
    }
}

/// Through parentheses and `await`.
fn strip(node: Node) -> Node {
    let mut cur = node;
    loop {
        match cur.kind() {
            "parenthesized_expression" | "await" => match cur.named_child(0) {
                Some(inner) => cur = inner,
                None => return cur,
            },
            _ => return cur,
        }
    }
}

/// From the named statement after `st` to the last of its block, by cursor (`next_named_sibling`
/// walks the parent's children from the first: a long block made this quadratic).
fn rest_of_block(st: Node) -> Option<Span> {
    let parent = st.parent()?;
    let mut cursor = parent.walk();
    cursor.goto_first_child_for_byte(st.end_byte())?;
    while cursor.node().start_byte() < st.end_byte() || !cursor.node().is_named() {
        if !cursor.goto_next_sibling() {
            return None;
        }
    }
    let first = cursor.node();
    let mut cursor = parent.walk();
    cursor.goto_last_child();
    while !cursor.node().is_named() {
        if !cursor.goto_previous_sibling() {
            return None;
        }
    }
    let last = cursor.node();
    (last.end_byte() >= first.start_byte()).then(|| Span::new(first.start_byte(), last.end_byte()))
}

fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|n| n.kind() != "comment")
        .collect()
}

/// Positional arguments and keyword arguments of a call.
fn call_args(call: Node) -> (Vec<Node>, Vec<(Node, Node)>) {
    let mut positional = Vec::new();
    let mut keywords = Vec::new();
    let Some(args) = call.child_by_field_name("arguments") else {
        return (positional, keywords);
    };
    for a in named_children(args) {
        if a.kind() == "keyword_argument" {
            if let (Some(n), Some(v)) = (
                a.child_by_field_name("name"),
                a.child_by_field_name("value"),
            ) {
                keywords.push((n, v));
            }
        } else if !matches!(a.kind(), "list_splat" | "dictionary_splat") {
            positional.push(a);
        }
    }
    (positional, keywords)
}

fn keyword<'t>(keywords: &[(Node<'t>, Node<'t>)], name: &str, src: &str) -> Option<Node<'t>> {
    keywords
        .iter()
        .find(|(n, _)| text(*n, src) == name)
        .map(|(_, v)| *v)
}

/// Names of a function's parameters, in order (`self` included).
fn param_names<'t, 's>(params: Node<'t>, src: &'s str) -> Vec<(&'s str, Node<'t>)> {
    let mut out = Vec::new();
    for p in named_children(params) {
        let name = match p.kind() {
            "identifier" => Some(p),
            "typed_parameter" => p.named_child(0).map(|c| {
                if matches!(c.kind(), "list_splat_pattern" | "dictionary_splat_pattern") {
                    c.named_child(0).unwrap_or(c)
                } else {
                    c
                }
            }),
            "default_parameter" | "typed_default_parameter" => p.child_by_field_name("name"),
            "list_splat_pattern" | "dictionary_splat_pattern" => p.named_child(0),
            _ => None,
        };
        if let Some(n) = name.filter(|n| n.kind() == "identifier") {
            out.push((text(n, src), p));
        }
    }
    out
}

/// Identifiers bound by an assignment target (`a`, `a, b`, `(a, [b, *c])`).
fn bind_targets(node: Node, src: &str, out: &mut HashSet<String>) {
    match node.kind() {
        "identifier" => {
            out.insert(text(node, src).to_string());
        }
        "pattern_list"
        | "tuple_pattern"
        | "list_pattern"
        | "tuple"
        | "list"
        | "expression_list"
        | "parenthesized_expression"
        | "list_splat_pattern"
        | "as_pattern_target" => {
            for c in named_children(node) {
                bind_targets(c, src, out);
            }
        }
        _ => {}
    }
}

/// Every name bound anywhere under `node`: assignment, `for`, `with … as`, `except … as` and
/// walrus targets, `del`, imports (every identifier of the statement), `def` / `class` names.
fn bound_names_in(node: Node, src: &str, out: &mut HashSet<String>) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match n.kind() {
            "assignment" | "augmented_assignment" | "for_statement" | "for_in_clause" => {
                if let Some(l) = n.child_by_field_name("left") {
                    bind_targets(l, src, out);
                }
            }
            "as_pattern_target" | "delete_statement" => bind_targets(n, src, out),
            "named_expression" | "function_definition" | "class_definition" => {
                if let Some(name) = n.child_by_field_name("name") {
                    out.insert(text(name, src).to_string());
                }
            }
            "identifier"
                if n.parent().is_some_and(|p| {
                    p.kind().starts_with("import")
                        || p.kind() == "dotted_name"
                        || p.kind() == "aliased_import"
                }) =>
            {
                out.insert(text(n, src).to_string());
            }
            _ => {}
        }
        stack.extend(named_children(n));
    }
}

/// The statement that runs right after `stmt` on its normal path: its next sibling, or, for the
/// last statement of an `if` / `elif` / `else` body, a `try:` body (without `else:` /
/// `finally:`) or an `except` handler (without `finally:`), what follows the compound statement.
fn next_statement(stmt: Node) -> Option<Node> {
    let mut cur = stmt;
    for _ in 0..8 {
        let mut next = cur.next_named_sibling();
        while let Some(n) = next.filter(|n| n.kind() == "comment") {
            next = n.next_named_sibling();
        }
        if next.is_some() {
            return next;
        }
        let block = cur.parent().filter(|b| b.kind() == "block")?;
        let holder = block.parent()?;
        let has = |n: Node, kind: &str| named_children(n).iter().any(|c| c.kind() == kind);
        cur = match holder.kind() {
            "if_statement" => holder,
            "elif_clause" | "else_clause" => {
                holder.parent().filter(|p| p.kind() == "if_statement")?
            }
            "try_statement" if !has(holder, "else_clause") && !has(holder, "finally_clause") => {
                holder
            }
            "except_clause" | "except_group_clause" => holder
                .parent()
                .filter(|t| t.kind() == "try_statement" && !has(*t, "finally_clause"))?,
            _ => return None,
        };
    }
    None
}

/// The object a chain of calls, attributes and subscripts starts from (`conn` in `await
/// conn.execute(q).all()`), through parentheses and `await`.
fn chain_root(node: Node) -> Node {
    let mut cur = node;
    loop {
        let next = match cur.kind() {
            "parenthesized_expression" | "await" => cur.named_child(0),
            "call" => cur.child_by_field_name("function"),
            "attribute" => cur.child_by_field_name("object"),
            "subscript" => cur.child_by_field_name("value"),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return cur,
        }
    }
}

/// A compound statement's header, from its first keyword to its colon included (`async with
/// X() as c:`, `for x in xs:`).
fn header_span(stmt: Node) -> Option<Span> {
    let mut cursor = stmt.walk();
    let colon = stmt
        .children(&mut cursor)
        .find(|c| c.kind() == ":" && !c.is_named())?;
    Some(Span::new(stmt.start_byte(), colon.end_byte()))
}

fn is_main_guard(node: Node, src: &str) -> bool {
    let Some(cond) = node.child_by_field_name("condition") else {
        return false;
    };
    if cond.kind() != "comparison_operator" {
        return false;
    }
    let t = compact(text(cond, src));
    t == "__name__==\"__main__\""
        || t == "__name__=='__main__'"
        || t == "\"__main__\"==__name__"
        || t == "'__main__'==__name__"
}

/// The offset of the start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> u32 {
    let start = text
        .get(..at)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    u32::try_from(start).unwrap_or(u32::MAX)
}

/// The offset just after the line holding byte `end`.
fn line_after(text: &str, end: usize) -> u32 {
    let off = match text.get(end..).and_then(|rest| rest.find('\n')) {
        Some(i) => end + i + 1,
        None => text.len(),
    };
    u32::try_from(off).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------------------------
// Pre-pass
// ---------------------------------------------------------------------------------------------

/// What a local name was imported as.
#[derive(Debug, Clone)]
struct Import {
    /// The dotted path of the bound object (`sqlalchemy`, `sqlalchemy.ext.asyncio.create_async_engine`,
    /// `views` for `from . import views`).
    path: String,
    /// Leading dots of a relative import.
    level: usize,
    /// Bound by `from m import name`: a member of a module, or a submodule.
    member: bool,
}

/// A function referenced as a handler: `(expression, framework)`.
type RefCandidate<'t> = (Node<'t>, &'static str);

#[derive(Default)]
struct Pre<'t> {
    imports: HashMap<String, Import>,
    /// `from m import *` (absolute only).
    wildcard: Vec<String>,
    /// Names bound at module level (assignments, defs, classes), excluding imports.
    module_names: HashSet<String>,
    /// Names of non-method functions defined anywhere in the file.
    local_fns: HashSet<String>,
    /// Functions called (or referenced) from `if __name__ == "__main__":`.
    main_called: HashSet<String>,
    /// Functions passed as `lifespan=`.
    lifespan_fns: HashSet<String>,
    /// Same-file functions referenced as handlers, with their framework.
    handler_names: HashMap<String, &'static str>,
    handler_refs: Vec<HandlerRef>,
    /// `X = Annotated[T, Depends(f)]` at module level: alias → the `f` expressions.
    dep_aliases: HashMap<String, Vec<Node<'t>>>,
    module_insert: u32,
    /// Top-level packages of the catalogue's modules (`sqlalchemy`, `redis`, `mysql`).
    cat_tops: HashSet<String>,
    imports_fastapi: bool,
    imports_flask: bool,
    imports_aiohttp: bool,
    /// The file imports click or typer (`@x.command` is a CLI entry point).
    imports_cli: bool,
    /// Names of methods defined in the file (for `self.method()` calls).
    local_methods: HashSet<String>,
    /// Module-level assignments to a plain name (`POOL_SIZE = 20`, `DATABASE_URL =
    /// os.getenv("DATABASE_URL")`), in source order: the values options and URLs follow.
    consts: HashMap<String, Vec<Node<'t>>>,
    /// Project modules this file imports (deduplicated).
    project_imports: Vec<ModuleRef>,
}

impl<'t> Pre<'t> {
    fn collect(file: &SourceFile, catalog: &LangCatalog, root: Node<'t>) -> Pre<'t> {
        let src = file.text.as_str();
        let mut pre = Pre {
            cat_tops: catalog
                .clients
                .iter()
                .flat_map(|c| c.modules.iter())
                .map(|m| m.split('.').next().unwrap_or(m).to_string())
                .collect(),
            ..Pre::default()
        };
        let mut refs: Vec<RefCandidate<'t>> = Vec::new();
        let mut main_blocks: Vec<Node<'t>> = Vec::new();

        // Module level: names, main guard, aliases, the last import.
        let mut last_import_end: Option<usize> = None;
        for stmt in named_children(root) {
            match stmt.kind() {
                "import_statement" | "import_from_statement" | "future_import_statement" => {
                    last_import_end = Some(stmt.end_byte());
                }
                "if_statement" if is_main_guard(stmt, src) => main_blocks.push(stmt),
                _ => {}
            }
            pre.module_statement(stmt, src);
        }
        pre.module_insert = last_import_end.map(|e| line_after(src, e)).unwrap_or(0);

        // The whole tree: imports, function names, handler references, `lifespan=`.
        let mut cursor = root.walk();
        'outer: loop {
            let node = cursor.node();
            match k(node) {
                K::Import => pre.record_import(node, src, file),
                K::FunctionDef => {
                    if let Some(n) = node.child_by_field_name("name") {
                        let name = text(n, src).to_string();
                        if is_method(node) {
                            pre.local_methods.insert(name);
                        } else {
                            pre.local_fns.insert(name);
                        }
                    }
                }
                K::Call => pre.scan_call(node, src, file, &mut refs),
                K::KeywordArg => {
                    if let (Some(n), Some(v)) = (
                        node.child_by_field_name("name"),
                        node.child_by_field_name("value"),
                    ) && text(n, src) == "lifespan"
                        && v.kind() == "identifier"
                    {
                        pre.lifespan_fns.insert(text(v, src).to_string());
                    }
                }
                _ => {}
            }
            crate::lang::budget::tick();
            if cursor.goto_first_child() {
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    continue 'outer;
                }
                if !cursor.goto_parent() {
                    break 'outer;
                }
            }
        }

        // Functions named inside the main guard.
        for block in main_blocks {
            let mut c = block.walk();
            'm: loop {
                let n = c.node();
                if n.kind() == "identifier" {
                    let name = text(n, src);
                    if pre.local_fns.contains(name) {
                        pre.main_called.insert(name.to_string());
                    }
                }
                if c.goto_first_child() {
                    continue;
                }
                loop {
                    if c.goto_next_sibling() {
                        continue 'm;
                    }
                    if !c.goto_parent() {
                        break 'm;
                    }
                }
            }
        }

        // Handler references, now that local functions and imports are known.
        for (expr, framework) in refs {
            let Some(segs) = dotted(expr, src) else {
                continue;
            };
            if segs.len() == 1 && pre.local_fns.contains(segs[0]) {
                pre.handler_names.insert(segs[0].to_string(), framework);
                pre.handler_refs.push(HandlerRef {
                    name: segs[0].to_string(),
                    module: None,
                    framework: framework.to_string(),
                    span: span(expr),
                });
            } else if let Some((name, Some(module))) = pre.project_target(&segs, file) {
                pre.handler_refs.push(HandlerRef {
                    name,
                    module: Some(module),
                    framework: framework.to_string(),
                    span: span(expr),
                });
            }
        }
        pre
    }

    /// Names bound by a module-level statement (recursing into `if`/`try`/`with` blocks).
    fn module_statement(&mut self, stmt: Node<'t>, src: &str) {
        match stmt.kind() {
            "expression_statement" => {
                for e in named_children(stmt) {
                    if e.kind() == "assignment" {
                        let mut names = HashSet::new();
                        let mut plain: Vec<&str> = Vec::new();
                        let mut cur = Some(e);
                        while let Some(a) = cur.filter(|a| a.kind() == "assignment") {
                            if let Some(left) = a.child_by_field_name("left") {
                                bind_targets(left, src, &mut names);
                                if left.kind() == "identifier" {
                                    plain.push(text(left, src));
                                }
                            }
                            cur = a.child_by_field_name("right");
                        }
                        if let Some(right) = cur {
                            for n in plain {
                                self.consts.entry(n.to_string()).or_default().push(right);
                            }
                            let deps = depends_args(right, src);
                            if !deps.is_empty() {
                                for n in &names {
                                    self.dep_aliases.insert(n.clone(), deps.clone());
                                }
                            }
                        }
                        self.module_names.extend(names);
                    }
                }
            }
            "function_definition" | "class_definition" => {
                if let Some(n) = stmt.child_by_field_name("name") {
                    self.module_names.insert(text(n, src).to_string());
                }
            }
            "decorated_definition" => {
                if let Some(d) = stmt.child_by_field_name("definition") {
                    self.module_statement(d, src);
                }
            }
            "if_statement" | "try_statement" | "with_statement" | "elif_clause" | "else_clause"
            | "except_clause" | "finally_clause" | "block" => {
                for c in named_children(stmt) {
                    if matches!(
                        c.kind(),
                        "block"
                            | "elif_clause"
                            | "else_clause"
                            | "except_clause"
                            | "finally_clause"
                    ) || stmt.kind() == "block"
                    {
                        self.module_statement(c, src);
                    }
                }
            }
            _ => {}
        }
    }

    fn record_import(&mut self, node: Node, src: &str, file: &SourceFile) {
        let top_level = node.parent().is_some_and(|p| p.kind() == "module");
        let add = |pre: &mut Pre, local: String, imp: Import| {
            if imp.level == 0 {
                let top = imp.path.split('.').next().unwrap_or("");
                if top == "fastapi" || top == "starlette" {
                    pre.imports_fastapi = true;
                }
                if top == "flask" || top == "quart" {
                    pre.imports_flask = true;
                }
                if top == "aiohttp" {
                    pre.imports_aiohttp = true;
                }
                if top == "click" || top == "typer" {
                    pre.imports_cli = true;
                }
            }
            if top_level {
                pre.imports.insert(local, imp);
            } else {
                pre.imports.entry(local).or_insert(imp);
            }
        };
        let mut cursor = node.walk();
        match node.kind() {
            "import_statement" => {
                let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
                for name in names {
                    match name.kind() {
                        "dotted_name" => {
                            let full = compact(text(name, src));
                            self.note_import(&full, 0, file);
                            let first = full.split('.').next().unwrap_or("").to_string();
                            add(
                                self,
                                first.clone(),
                                Import {
                                    path: first,
                                    level: 0,
                                    member: false,
                                },
                            );
                        }
                        "aliased_import" => {
                            if let (Some(n), Some(a)) = (
                                name.child_by_field_name("name"),
                                name.child_by_field_name("alias"),
                            ) {
                                let full = compact(text(n, src));
                                self.note_import(&full, 0, file);
                                add(
                                    self,
                                    text(a, src).to_string(),
                                    Import {
                                        path: full,
                                        level: 0,
                                        member: false,
                                    },
                                );
                            }
                        }
                        _ => {}
                    }
                }
            }
            "import_from_statement" => {
                let Some(module_node) = node.child_by_field_name("module_name") else {
                    return;
                };
                let (module, level) = match module_node.kind() {
                    "relative_import" => {
                        let mut level = 0;
                        let mut module = String::new();
                        for c in named_children(module_node) {
                            match c.kind() {
                                "import_prefix" => {
                                    level = text(c, src).chars().filter(|ch| *ch == '.').count()
                                }
                                "dotted_name" => module = compact(text(c, src)),
                                _ => {}
                            }
                        }
                        (module, level)
                    }
                    _ => (compact(text(module_node, src)), 0),
                };
                let join = |name: &str| {
                    if module.is_empty() {
                        name.to_string()
                    } else {
                        format!("{module}.{name}")
                    }
                };
                if !module.is_empty() || level > 0 {
                    self.note_import(&module, level, file);
                }
                let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
                for name in names {
                    // `from app import db`: `db` may be a submodule (importing it runs the package
                    // too). Names spelled like classes or constants are not modules.
                    let imported = match name.kind() {
                        "aliased_import" => name.child_by_field_name("name"),
                        _ => Some(name),
                    };
                    if let Some(n) = imported
                        && text(n, src).starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                    {
                        self.note_import(&join(&compact(text(n, src))), level, file);
                    }
                    match name.kind() {
                        "dotted_name" => {
                            let n = compact(text(name, src));
                            add(
                                self,
                                n.clone(),
                                Import {
                                    path: join(&n),
                                    level,
                                    member: true,
                                },
                            );
                        }
                        "aliased_import" => {
                            if let (Some(n), Some(a)) = (
                                name.child_by_field_name("name"),
                                name.child_by_field_name("alias"),
                            ) {
                                add(
                                    self,
                                    text(a, src).to_string(),
                                    Import {
                                        path: join(&compact(text(n, src))),
                                        level,
                                        member: true,
                                    },
                                );
                            }
                        }
                        _ => {}
                    }
                }
                if level == 0
                    && named_children(node)
                        .iter()
                        .any(|c| c.kind() == "wildcard_import")
                {
                    if module.starts_with("fastapi") || module.starts_with("starlette") {
                        self.imports_fastapi = true;
                    }
                    if module.starts_with("flask") {
                        self.imports_flask = true;
                    }
                    self.wildcard.push(module);
                }
            }
            _ => {}
        }
    }

    /// Record an import of a project module (`imports` facts): packages and the standard library
    /// are not recorded.
    fn note_import(&mut self, module: &str, level: usize, file: &SourceFile) {
        if let Some(m) = project_module(module, level, file, &self.cat_tops)
            && m.candidates.iter().any(|c| !c.is_empty())
            && !self.project_imports.contains(&m)
        {
            self.project_imports.push(m);
        }
    }

    /// Does the import bound to `local` come from a module starting with one of `prefixes`?
    fn imported_from(&self, local: &str, prefixes: &[&str]) -> bool {
        self.imports.get(local).is_some_and(|imp| {
            imp.level == 0
                && prefixes
                    .iter()
                    .any(|p| imp.path == *p || imp.path.starts_with(&format!("{p}.")))
        }) || (!self.imports.contains_key(local)
            && self.wildcard.iter().any(|w| {
                prefixes
                    .iter()
                    .any(|p| w == p || w.starts_with(&format!("{p}.")))
            }))
    }

    /// Handler references and `lifespan=` in one call.
    fn scan_call(
        &mut self,
        call: Node<'t>,
        src: &str,
        file: &SourceFile,
        refs: &mut Vec<RefCandidate<'t>>,
    ) {
        let Some(func) = call.child_by_field_name("function") else {
            return;
        };
        // Most calls are not route registrations: decide on the callee's last name first.
        let last_name = match func.kind() {
            "identifier" => Some(func),
            "attribute" => func.child_by_field_name("attribute"),
            _ => None,
        };
        if !last_name.is_some_and(|n| ROUTE_REGISTRARS.contains(&text(n, src))) {
            return;
        }
        let Some(segs) = dotted(func, src) else {
            return;
        };
        let Some(&last) = segs.last() else { return };
        let (positional, keywords) = call_args(call);
        let mut push = |expr: Option<Node<'t>>, framework: &'static str| {
            if let Some(e) = expr.filter(|e| matches!(e.kind(), "identifier" | "attribute")) {
                refs.push((e, framework));
            }
        };
        let first_is_string = positional
            .first()
            .is_some_and(|a| a.kind() == "string" || a.kind() == "concatenated_string");
        match last {
            "path" | "re_path" | "url" => {
                let django = if segs.len() == 1 {
                    self.imported_from(segs[0], &["django"]) || file.rel.ends_with("urls.py")
                } else {
                    self.imported_from(segs[0], &["django"])
                };
                if django && first_is_string {
                    push(
                        positional
                            .get(1)
                            .copied()
                            .or_else(|| keyword(&keywords, "view", src)),
                        "django",
                    );
                }
            }
            "add_url_rule" => {
                push(
                    keyword(&keywords, "view_func", src).or_else(|| positional.get(2).copied()),
                    "flask",
                );
            }
            // `background_tasks.add_task(f, …)` / `BackgroundTask(f)`: run after each response.
            "add_task" if segs.len() >= 2 => push(positional.first().copied(), "fastapi"),
            "BackgroundTask" if self.imported_from(segs[0], &["starlette", "fastapi"]) => {
                push(positional.first().copied(), "fastapi")
            }
            "add_api_route" | "add_api_websocket_route" => {
                push(
                    keyword(&keywords, "endpoint", src).or_else(|| positional.get(1).copied()),
                    "fastapi",
                );
            }
            "Route" | "WebSocketRoute"
                if self.imported_from(segs[0], &["starlette", "fastapi"]) =>
            {
                push(
                    keyword(&keywords, "endpoint", src).or_else(|| positional.get(1).copied()),
                    "starlette",
                );
            }
            "get" | "post" | "put" | "patch" | "delete" | "head" | "options" | "view" | "route"
                if segs.len() == 2 && self.imported_from(segs[0], &["aiohttp"]) =>
            {
                let idx = if last == "route" { 2 } else { 1 };
                push(
                    keyword(&keywords, "handler", src).or_else(|| positional.get(idx).copied()),
                    "aiohttp",
                );
            }
            "add_get" | "add_post" | "add_put" | "add_patch" | "add_delete" | "add_head"
            | "add_view"
                if segs.len() >= 2 =>
            {
                push(
                    keyword(&keywords, "handler", src).or_else(|| positional.get(1).copied()),
                    "aiohttp",
                );
            }
            "add_route" if segs.len() >= 2 => {
                if positional.len() >= 3 {
                    push(positional.get(2).copied(), "aiohttp");
                } else if self.imports_aiohttp {
                    push(keyword(&keywords, "handler", src), "aiohttp");
                } else {
                    push(
                        positional
                            .get(1)
                            .copied()
                            .or_else(|| keyword(&keywords, "endpoint", src)),
                        "starlette",
                    );
                }
            }
            _ => {}
        }
    }

    /// A call target that may be a project function: `(name, module)`; module `None` for a
    /// function of this file. `None` when it names a package, the standard library or nothing known.
    fn project_target(
        &self,
        segs: &[&str],
        file: &SourceFile,
    ) -> Option<(String, Option<ModuleRef>)> {
        let first = *segs.first()?;
        if segs.len() == 1 && self.local_fns.contains(first) {
            return Some((first.to_string(), None));
        }
        let imp = self.imports.get(first)?;
        // `Class()`, `Class.method()`, `obj.attr.method()` on an imported object: not a module function.
        let upper = |s: &&str| s.starts_with(|c: char| c.is_ascii_uppercase());
        if segs.iter().any(upper) || (imp.member && segs.len() > 2) {
            return None;
        }
        let mut full: Vec<&str> = imp.path.split('.').filter(|s| !s.is_empty()).collect();
        full.extend_from_slice(&segs[1..]);
        let (name, module) = full.split_last()?;
        if module.is_empty() && imp.level == 0 {
            return None;
        }
        let module = module.join(".");
        let m = project_module(&module, imp.level, file, &self.cat_tops)?;
        Some((name.to_string(), Some(m)))
    }
}

/// A module of this project (`None` for packages and the standard library).
fn project_module(
    module: &str,
    level: usize,
    file: &SourceFile,
    cat_tops: &HashSet<String>,
) -> Option<ModuleRef> {
    if level == 0 {
        let top = module.split('.').next().unwrap_or(module);
        if top.is_empty()
            || THIRD_PARTY.contains(&top)
            || STDLIB_EXTRA.contains(&top)
            || cat_tops.contains(top)
        {
            return None;
        }
    }
    py_module(&file.rel, module, level, |pkg| file.project.has_dep(pkg))
}

/// `Depends(f)` / `Security(f)` calls anywhere under `node`: the `f` expressions.
fn depends_args<'t>(node: Node<'t>, src: &str) -> Vec<Node<'t>> {
    depends_calls(node, src)
        .into_iter()
        .map(|(_, f)| f)
        .collect()
}

/// Is this `def` a method (directly in a class body)?
fn is_method(def: Node) -> bool {
    let mut p = def.parent();
    if p.is_some_and(|n| n.kind() == "decorated_definition") {
        p = p.and_then(|n| n.parent());
    }
    p.filter(|n| n.kind() == "block")
        .and_then(|b| b.parent())
        .is_some_and(|c| c.kind() == "class_definition")
}

// ---------------------------------------------------------------------------------------------
// File classification
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Normal,
    Test,
    Startup,
}

fn file_kind(rel: &str) -> (FileKind, bool) {
    let parts: Vec<&str> = rel.split('/').collect();
    let (file, dirs) = match parts.split_last() {
        Some((f, d)) => (*f, d),
        None => (rel, &[][..]),
    };
    let views = file == "views.py" || dirs.last() == Some(&"views");
    let test = file == "conftest.py"
        || file.starts_with("test_")
        || file.ends_with("_test.py")
        || dirs.iter().any(|d| *d == "tests" || *d == "test");
    if test {
        return (FileKind::Test, views);
    }
    let startup = matches!(
        file,
        "manage.py" | "env.py" | "gunicorn.conf.py" | "gunicorn_conf.py"
    ) || dirs
        .iter()
        .any(|d| matches!(*d, "alembic" | "migrations" | "scripts"))
        || dirs
            .windows(2)
            .any(|w| w[0] == "management" && w[1] == "commands");
    if startup {
        return (FileKind::Startup, views);
    }
    (FileKind::Normal, views)
}

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
struct ClassInfo {
    /// Last segments of the base classes (`View`, `APIView`, `TestCase`).
    bases: Vec<String>,
    is_test: bool,
}

struct Frame<'t> {
    /// The node that opened this frame (popped when the walk leaves it).
    node_id: usize,
    scope: Scope,
    guard: Guard,
    fn_idx: Option<usize>,
    /// The function (or module) whose body holds this frame: where deferred facts are found.
    owner: Node<'t>,
    /// Set on class-body frames.
    class: Option<ClassInfo>,
    /// The module frame (and the main guard): defs here are top level.
    top_level: bool,
}

#[derive(Debug, Clone, Copy)]
enum SiteRef {
    Client(usize),
    Call(usize),
}

/// A site whose release / return / guard is decided once the owning function is known.
struct Pending<'t> {
    site: SiteRef,
    owner: Node<'t>,
    /// The name (or `self.x` path) holding the value in the function.
    key: Option<String>,
    /// Left side of the assignment holding it.
    target: Option<Node<'t>>,
    /// `X` of `X.setdefault(k, <site>)`.
    store_recv: Option<Node<'t>>,
    args: Option<Node<'t>>,
    scope_kind: ScopeKind,
    /// `key` holds a value derived from the site, not the site itself.
    derived: bool,
}

/// What one function body does (found by one scan per function that holds a site).
#[derive(Default)]
struct BodyInfo<'t> {
    globals: HashSet<String>,
    params: HashSet<String>,
    locals: HashSet<String>,
    /// `(receiver, method)` of calls of release-like methods, anywhere (nested closures too);
    /// method [`WITH`] for `with x:` / `enter_context(x)`, [`CLOSED`] for `closing(x)`.
    releases: Vec<(String, String)>,
    returns: Vec<Node<'t>>,
    assigns: Vec<(Node<'t>, Node<'t>)>,
    /// `(X, value)` of `X.setdefault(k, value)`.
    stores: Vec<(Node<'t>, Node<'t>)>,
    /// The function body holds a `yield` (not counting nested functions).
    is_generator: bool,
    /// Ids of the values of `yield` (also in `returns`): yielding is not handing over.
    yields: HashSet<usize>,
    /// Calls of release-like methods, `true` when made by a nested function.
    release_calls: Vec<(Node<'t>, bool)>,
    /// `(receiver, method)` of release methods passed as values: `stack.callback(conn.close)`.
    release_refs: Vec<(String, String)>,
    /// The assignments `name = value` of `assigns` by the text of their value (as written and
    /// compacted), built on first use by [`Walker::aliases`].
    alias_index: std::cell::OnceCell<HashMap<String, Vec<usize>>>,
}

/// How a construction sits in its statement.
#[derive(Default)]
struct Climb<'t> {
    binding: Option<String>,
    key: Option<String>,
    target: Option<Node<'t>>,
    store_recv: Option<Node<'t>>,
    /// Closed by `contextlib.closing(…)`.
    released: bool,
    /// Opened by `with` / `async with` / `ExitStack.enter_context(…)`: released unless the
    /// catalogue says its context manager keeps it open.
    with_released: bool,
    returned: Returned,
    statement: Option<Span>,
    /// `key` holds something derived from the client (`X(...).pool`, `X(...).db("app")`), not
    /// the client itself.
    derived: bool,
    /// `returned` comes from a `yield`, not a `return`.
    by_yield: bool,
    /// Passed straight to a class-like call (`UserRepository(SessionLocal())`): it owns it.
    ctor_arg: bool,
    /// The statement holding the construction.
    stmt: Option<Node<'t>>,
}

/// Each identifier of a body and its spans (see [`Walker::idents_of`]).
type IdentIndex = HashMap<String, Vec<(usize, usize)>>;

/// The most statements a `try … finally` fix wraps (see [`Walker::wrap_region`]).
const MAX_WRAPPED: usize = 200;

struct Walker<'a, 't> {
    file: &'a SourceFile,
    src: &'a str,
    cat: &'a LangCatalog,
    pre: Pre<'t>,
    file_kind: FileKind,
    views_file: bool,
    frames: Vec<Frame<'t>>,
    /// Ancestors of the current node, the current node last.
    path: Vec<Node<'t>>,
    decorator_depth: usize,
    /// The tree holds ERROR / MISSING nodes somewhere.
    has_errors: bool,
    pending: Vec<Pending<'t>>,
    /// One accumulator per enclosing function (the module's first).
    accs: Vec<BodyAcc<'t>>,
    /// Body facts of the functions (and the module) that hold a pending site, by owner node id.
    bodies: HashMap<usize, BodyInfo<'t>>,
    release_names: HashSet<String>,
    /// Sessions waiting for their function's body facts.
    session_pending: Vec<SessionPending<'t>>,
    /// What the `on` constructors of the catalogue need (built once per file).
    on: OnIndex<'a>,
    /// Catalogue entries bound to names at module level or to attribute paths (`engine`,
    /// `SessionLocal`, `self.pool`): receivers of `on` constructors.
    bound: HashMap<String, &'a str>,
    /// Catalogue entries bound to local names: `(function node id, name)`.
    local_bound: HashMap<(usize, String), &'a str>,
    /// Every name or path bound (anywhere) to an instance of a factory entry (`SessionLocal`):
    /// a cheap test before the lookups of a plain call.
    factory_keys: HashSet<String>,
    /// Constructions whose options and URL are read once their function's body is known:
    /// `(index into clients, call, owner)`.
    config_pending: Vec<(usize, Node<'t>, Node<'t>)>,
    facts: FileFacts,
    /// Per function body (by node id): each identifier's spans, field names left out; built
    /// once per body for [`Walker::mentioned_outside`] (a scan of the body per session was
    /// quadratic in a function of thousands of sessions).
    idents: std::cell::RefCell<HashMap<usize, std::rc::Rc<IdentIndex>>>,
}

/// The catalogue's `on` constructors, indexed for the walk.
#[derive(Default)]
struct OnIndex<'a> {
    /// Methods that check something out of an instance (`connect`, `getconn`, `acquire`).
    methods: HashSet<&'a str>,
    /// Entries whose instances are called to build a session (`sqlalchemy-sessionmaker`): they
    /// are factories, not sessions themselves.
    factories: Vec<&'a str>,
    /// Entries with `on` constructors whose library this file or project uses.
    present: HashSet<&'a str>,
}

/// A session site whose closing is decided once its function's body is known.
struct SessionPending<'t> {
    idx: usize,
    owner: Node<'t>,
    /// The site's call.
    call: Node<'t>,
    key: Option<String>,
    target: Option<Node<'t>>,
    store_recv: Option<Node<'t>>,
    /// Decided by the site's own position (`with`, `closing(…)`, `return`).
    closing: Option<Closing>,
    release: Vec<String>,
    with_keeps_open: bool,
    /// The statement holding the construction.
    stmt: Option<Node<'t>>,
    /// Not bound, and evaluated first in its statement (`X().get(u)`): a fix can bind it
    /// just before the statement.
    hoistable: bool,
}

/// The name word a receiver of an `on` constructor has when its construction is not visible:
/// the last word of the entry id (`sqlalchemy-engine` → `engine`, `asyncpg-pool` → `pool`), and
/// `session` for a `…-sessionmaker`.
fn receiver_hint(on_id: &str) -> &str {
    let last = on_id.rsplit('-').next().unwrap_or(on_id);
    last.strip_suffix("maker").unwrap_or(last)
}

impl<'a> OnIndex<'a> {
    fn build(cat: &'a LangCatalog, pre: &Pre, file: &SourceFile) -> Self {
        let mut idx = OnIndex::default();
        for c in &cat.clients {
            for ctor in &c.constructors {
                let (Some(on), Some(call)) = (ctor.on.as_deref(), ctor.call.as_deref()) else {
                    continue;
                };
                if call == "()" {
                    if !idx.factories.contains(&on) {
                        idx.factories.push(on);
                    }
                } else {
                    idx.methods.insert(call);
                }
                if !idx.present.contains(on)
                    && cat.by_id(on).is_some_and(|d| library_used(d, pre, file))
                {
                    idx.present.insert(on);
                }
            }
        }
        idx
    }
}

/// Does the project depend on the entry's library, or the file import one of its modules?
fn library_used(def: &ClientDef, pre: &Pre, file: &SourceFile) -> bool {
    let project = &file.project;
    if project.has_dep(&def.library) {
        return true;
    }
    def.modules.iter().any(|m| {
        let top = m.split('.').next().unwrap_or(m);
        // `psycopg2-binary`; `psycopg[pool]` for `psycopg_pool`.
        let base = top.split('_').next().unwrap_or(top);
        project.has_dep(top)
            || project.has_dep(&format!("{top}-binary"))
            || project.has_dep(base)
            || pre
                .imports
                .values()
                .any(|imp| imp.level == 0 && imp.path.split('.').next() == Some(top))
            || pre
                .wildcard
                .iter()
                .any(|w| w.split('.').next() == Some(top))
    })
}

/// Where a release call sits relative to the acquisition.
enum Position {
    /// In the `finally:` of a `try` that ends after the acquisition: runs on every path.
    Finally,
    /// In a lambda or nested function: someone else calls it.
    Deferred,
    /// Straight-line code: skipped when an exception is raised before it.
    Plain,
}

fn release_position(call: Node, owner: Node, site: Node) -> Position {
    let mut cur = call;
    while let Some(parent) = cur.parent() {
        if parent.id() == owner.id() {
            break;
        }
        match parent.kind() {
            "lambda" | "function_definition" => return Position::Deferred,
            "finally_clause"
                if parent
                    .parent()
                    .is_some_and(|t| t.end_byte() > site.start_byte()) =>
            {
                return Position::Finally;
            }
            _ => {}
        }
        cur = parent;
    }
    Position::Plain
}

/// Modules that hold models and schemas, whose `ChatSession` / `SessionOut` classes are not
/// session factories.
const MODEL_MODULES: &[&str] = &[
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
const VERB_PREFIXES: &[&str] = &[
    "get_", "create_", "make_", "new_", "open_", "build_", "init_", "provide_", "with_", "use_",
    "yield_", "close_", "_get_", "_create_", "_make_", "_new_", "_open_",
];

/// The nodes of one function body that deferred facts need, gathered by the main walk:
/// assignments, `global`, binders, returns and yields, `with` items and release-like calls.
/// Release calls and `with` items of nested functions are added (marked nested) when the walk
/// leaves them.
struct BodyAcc<'t> {
    owner: Node<'t>,
    nodes: Vec<(Node<'t>, bool)>,
    /// A site of this function waits for its body facts.
    pending: bool,
}

impl<'a, 't> Walker<'a, 't> {
    fn new(file: &'a SourceFile, cat: &'a LangCatalog, pre: Pre<'t>, root: Node<'t>) -> Self {
        let (file_kind, views_file) = file_kind(&file.rel);
        let mut release_names: HashSet<String> =
            GENERIC_RELEASE.iter().map(|s| s.to_string()).collect();
        for c in &cat.clients {
            release_names.extend(c.release.iter().cloned());
        }
        let facts = FileFacts {
            handler_refs: pre.handler_refs.clone(),
            imports: pre.project_imports.clone(),
            ..Default::default()
        };
        let on = OnIndex::build(cat, &pre, file);
        Walker {
            file,
            src: file.text.as_str(),
            cat,
            pre,
            file_kind,
            views_file,
            frames: vec![Frame {
                node_id: root.id(),
                scope: Scope::module(),
                guard: Guard::None,
                fn_idx: None,
                owner: root,
                class: None,
                top_level: true,
            }],
            path: Vec::with_capacity(64),
            decorator_depth: 0,
            has_errors: root.has_error(),
            pending: Vec::new(),
            accs: vec![BodyAcc {
                owner: root,
                nodes: Vec::new(),
                pending: false,
            }],
            bodies: HashMap::new(),
            release_names,
            session_pending: Vec::new(),
            idents: Default::default(),
            on,
            bound: HashMap::new(),
            local_bound: HashMap::new(),
            factory_keys: HashSet::new(),
            config_pending: Vec::new(),
            facts,
        }
    }

    fn top(&self) -> &Frame<'t> {
        // The module frame is never popped.
        &self.frames[self.frames.len() - 1]
    }

    fn walk(&mut self, root: Node<'t>) {
        let mut cursor = root.walk();
        'outer: loop {
            let node = cursor.node();
            self.path.push(node);
            self.enter(node);
            crate::lang::budget::tick();
            if cursor.goto_first_child() {
                continue;
            }
            loop {
                let n = cursor.node();
                self.leave(n);
                self.path.pop();
                if cursor.goto_next_sibling() {
                    continue 'outer;
                }
                if !cursor.goto_parent() {
                    break 'outer;
                }
            }
        }
    }

    fn enter(&mut self, node: Node<'t>) {
        if self.has_errors && (node.is_error() || node.is_missing()) {
            self.facts.syntax_errors.push(span(node));
        }
        let kind = k(node);
        match kind {
            K::FunctionDef => self.enter_function(node),
            K::ClassDef => self.enter_class(node),
            K::Lambda => self.enter_lambda(node),
            K::Block => {
                if let Some(parent) = self.parent_of_current()
                    && matches!(parent.kind(), "for_statement" | "while_statement")
                    && parent.child_by_field_name("body") == Some(node)
                {
                    self.push_loop(node);
                }
            }
            K::Comprehension => self.push_loop(node),
            K::If if self.frames.len() == 1 && is_main_guard(node, self.src) => {
                let top = self.top();
                let frame = Frame {
                    node_id: node.id(),
                    scope: Scope {
                        kind: ScopeKind::Startup,
                        framework: Some("startup".to_string()),
                        name: None,
                        span: None,
                    },
                    guard: Guard::None,
                    fn_idx: None,
                    owner: top.owner,
                    class: None,
                    top_level: true,
                };
                self.frames.push(frame);
            }
            K::Decorator => self.decorator_depth += 1,
            K::Call => self.on_call(node),
            K::Attribute if self.accs.len() > 1 => self.on_attribute(node),
            K::Str => self.on_string(node),
            K::WithItem
            | K::Global
            | K::Assignment
            | K::BindsLeft
            | K::AsPatternTarget
            | K::NamedExpr
            | K::Return => self.record(node, kind),
            _ => {}
        }
    }

    fn leave(&mut self, node: Node<'t>) {
        if k(node) == K::Decorator {
            self.decorator_depth = self.decorator_depth.saturating_sub(1);
        }
        if self.frames.len() > 1 && self.top().node_id == node.id() {
            let frame = self.frames.pop();
            // A function frame owns its body: its facts are complete now.
            if frame.is_some_and(|f| f.owner.id() == f.node_id)
                && self.accs.len() > 1
                && let Some(acc) = self.accs.pop()
            {
                self.finish_body(acc);
            }
        }
    }

    /// Record a node that deferred facts may need in the innermost function's accumulator.
    fn record(&mut self, node: Node<'t>, kind: K) {
        let module = self.accs.len() == 1;
        if module && !matches!(kind, K::Call | K::WithItem) {
            return;
        }
        if let Some(acc) = self.accs.last_mut() {
            acc.nodes.push((node, false));
        }
    }

    /// A function's body is complete: build its facts if a site waits for them, and hand its
    /// release calls to the enclosing function (a closure releasing the client counts there).
    fn finish_body(&mut self, acc: BodyAcc<'t>) {
        if acc.pending {
            let info = self.body_info(acc.owner, &acc.nodes);
            self.bodies.insert(acc.owner.id(), info);
        }
        // Module facts never look inside definitions.
        if self.accs.len() > 1
            && let Some(parent) = self.accs.last_mut()
        {
            parent.nodes.extend(
                acc.nodes
                    .iter()
                    .filter(|(n, _)| matches!(k(*n), K::Call | K::WithItem))
                    .map(|(n, _)| (*n, true)),
            );
        }
    }

    fn parent_of_current(&self) -> Option<Node<'t>> {
        let n = self.path.len();
        (n >= 2).then(|| self.path[n - 2])
    }

    fn push_loop(&mut self, node: Node<'t>) {
        let top = self.top();
        let scope = if top.scope.kind == ScopeKind::Function {
            Scope {
                kind: ScopeKind::Loop,
                framework: None,
                name: top.scope.name.clone(),
                span: top.scope.span,
            }
        } else {
            top.scope.clone()
        };
        let frame = Frame {
            node_id: node.id(),
            scope,
            guard: top.guard,
            fn_idx: top.fn_idx,
            owner: top.owner,
            class: None,
            top_level: false,
        };
        self.frames.push(frame);
    }

    fn enter_lambda(&mut self, node: Node<'t>) {
        // `map(lambda t: …, xs)` runs per element: a loop.
        let n = self.path.len();
        let in_map = n >= 3
            && self.path[n - 2].kind() == "argument_list"
            && self.path[n - 3].kind() == "call"
            && self.path[n - 3]
                .child_by_field_name("function")
                .is_some_and(|f| matches!(text(f, self.src), "map" | "filter"));
        if in_map {
            self.push_loop(node);
            return;
        }
        let top = self.top();
        let frame = Frame {
            node_id: node.id(),
            scope: top.scope.clone(),
            guard: top.guard,
            fn_idx: top.fn_idx,
            owner: top.owner,
            class: None,
            top_level: false,
        };
        self.frames.push(frame);
    }

    fn enter_class(&mut self, node: Node<'t>) {
        let src = self.src;
        let mut info = ClassInfo::default();
        if let Some(sup) = node.child_by_field_name("superclasses") {
            for b in named_children(sup) {
                if let Some(segs) = dotted(b, src)
                    && let Some(last) = segs.last()
                {
                    info.bases.push((*last).to_string());
                }
            }
        }
        let name = node
            .child_by_field_name("name")
            .map(|n| text(n, src))
            .unwrap_or("");
        info.is_test =
            name.starts_with("Test") || info.bases.iter().any(|b| b.ends_with("TestCase"));
        let top = self.top();
        let frame = Frame {
            node_id: node.id(),
            scope: top.scope.clone(),
            guard: top.guard,
            fn_idx: top.fn_idx,
            owner: top.owner,
            class: Some(info),
            top_level: false,
        };
        self.frames.push(frame);
    }

    fn enter_function(&mut self, node: Node<'t>) {
        let src = self.src;
        let Some(name_node) = node.child_by_field_name("name") else {
            // A broken definition: keep the enclosing scope.
            let top = self.top();
            let frame = Frame {
                node_id: node.id(),
                scope: top.scope.clone(),
                guard: top.guard,
                fn_idx: top.fn_idx,
                owner: top.owner,
                class: None,
                top_level: false,
            };
            self.frames.push(frame);
            return;
        };
        let name = text(name_node, src).to_string();
        let decorators: Vec<Node<'t>> = match self.parent_of_current() {
            Some(p) if p.kind() == "decorated_definition" => named_children(p)
                .into_iter()
                .filter(|d| d.kind() == "decorator")
                .collect(),
            _ => Vec::new(),
        };
        let top = self.top();
        let class = top.class.clone();
        let parent_scope = top.scope.clone();
        let parent_fn = top.fn_idx;
        let top_level = top.top_level;
        let params: Vec<(&str, Node)> = node
            .child_by_field_name("parameters")
            .map(|p| param_names(p, src))
            .unwrap_or_default();
        let (kind, framework, guard) = self.classify(
            &name,
            &decorators,
            class.as_ref(),
            &parent_scope,
            top_level,
            &params,
        );
        let scope = Scope {
            kind,
            framework: framework.map(str::to_string),
            name: Some(name.clone()),
            span: Some(span(name_node)),
        };
        let idx = self.facts.functions.len();
        self.facts.functions.push(FnFact {
            name,
            span: span(name_node),
            exported: top_level && class.is_none(),
            scope: scope.clone(),
            guard,
            parent: parent_fn,
            params: u32::try_from(
                params
                    .iter()
                    .enumerate()
                    .filter(|(i, (n, _))| !(*i == 0 && matches!(*n, "self" | "cls")))
                    .count(),
            )
            .unwrap_or(u32::MAX),
            method: is_method(node),
            def_line: Some(line_start(src, node.start_byte())),
            owner: None,
            receiver: false,
        });
        self.frames.push(Frame {
            node_id: node.id(),
            scope: scope.clone(),
            guard,
            fn_idx: Some(idx),
            owner: node,
            class: None,
            top_level: false,
        });
        self.accs.push(BodyAcc {
            owner: node,
            nodes: Vec::new(),
            pending: false,
        });
        self.depends_sites(node, &decorators, &scope, idx);
    }

    /// The scope kind, framework and guard of a function's own body.
    fn classify(
        &self,
        name: &str,
        decorators: &[Node<'t>],
        class: Option<&ClassInfo>,
        parent: &Scope,
        top_level: bool,
        params: &[(&str, Node)],
    ) -> (ScopeKind, Option<&'static str>, Guard) {
        let src = self.src;
        let project = &self.file.project;
        let mut guard = Guard::None;
        let mut handler: Option<&'static str> = None;
        let mut startup = false;
        let mut test = false;
        for d in decorators {
            let Some(expr) = d.named_child(0) else {
                continue;
            };
            let (callee, call) = if expr.kind() == "call" {
                (expr.child_by_field_name("function"), Some(expr))
            } else {
                (Some(expr), None)
            };
            let Some(segs) = callee.and_then(|c| dotted(c, src)) else {
                continue;
            };
            let Some(&last) = segs.last() else { continue };
            if MEMO_DECORATORS.contains(&last) || (last == "cached" && segs.len() == 1) {
                guard = Guard::Memo;
                continue;
            }
            if last == "fixture" {
                test = true;
                continue;
            }
            if segs.len() >= 2 && ROUTE_DECORATORS.contains(&last) {
                handler = Some(self.web_tag(last));
                continue;
            }
            if segs.len() >= 2 && last == "middleware" {
                handler = Some("fastapi");
                continue;
            }
            if segs.len() >= 2 && FLASK_REQUEST_HOOKS.contains(&last) {
                handler = Some("flask");
                continue;
            }
            if last == "on_event" || (last == "command" && segs.len() >= 2 && self.pre.imports_cli)
            {
                startup = true;
                continue;
            }
            if STARTUP_DECORATORS.contains(&last) || segs.iter().any(|s| CELERY_SIGNALS.contains(s))
            {
                startup = true;
                continue;
            }
            if last == "receiver"
                && let Some(c) = call
                && call_args(c)
                    .0
                    .iter()
                    .any(|a| CELERY_SIGNALS.contains(&text(*a, src)))
            {
                startup = true;
                continue;
            }
            if matches!(last, "shared_task" | "periodic_task")
                || (last == "task" && segs.len() >= 2)
            {
                handler = Some("celery");
                continue;
            }
            if last == "task" && segs.len() == 1 {
                if self.pre.imported_from("task", &["invoke", "fabric"]) {
                    startup = true;
                } else {
                    handler = Some("celery");
                }
                continue;
            }
            if last == "api_view" || (last == "action" && class.is_some()) {
                handler = Some("django");
                continue;
            }
        }

        match self.file_kind {
            FileKind::Test => return (ScopeKind::Test, Some("test"), guard),
            FileKind::Startup => return (ScopeKind::Startup, Some("startup"), guard),
            FileKind::Normal => {}
        }
        if test || name.starts_with("test_") || class.is_some_and(|c| c.is_test) {
            return (ScopeKind::Test, Some("test"), guard);
        }
        if let Some(fw) = handler {
            return (ScopeKind::Handler, Some(fw), guard);
        }
        if startup {
            return (ScopeKind::Startup, Some("startup"), guard);
        }
        if class.is_none()
            && let Some(fw) = self.pre.handler_names.get(name)
        {
            return (ScopeKind::Handler, Some(*fw), guard);
        }
        if STARTUP_NAMES.contains(&name)
            || (class.is_none()
                && (self.pre.main_called.contains(name) || self.pre.lifespan_fns.contains(name)))
            || (name == "ready"
                && class.is_some_and(|c| c.bases.iter().any(|b| b.ends_with("AppConfig"))))
        {
            return (ScopeKind::Startup, Some("startup"), guard);
        }
        let non_self: Vec<&str> = params
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| *n != "self" && *n != "cls")
            .collect();
        if self.views_file
            && top_level
            && class.is_none()
            && params.first().map(|(n, _)| *n) == Some("request")
        {
            return (ScopeKind::Handler, Some("django"), guard);
        }
        if let Some(c) = class
            && CBV_METHODS.contains(&name)
        {
            let tag = c.bases.iter().find_map(|b| {
                if b.ends_with("MethodView") {
                    Some("flask")
                } else if b.ends_with("HTTPEndpoint") {
                    Some("starlette")
                } else if b.ends_with("Resource") {
                    let flask = project.has_dep("flask")
                        || project.has_dep("flask-restful")
                        || project.has_dep("flask-restx")
                        || self.pre.imports_flask;
                    Some(if flask && !project.has_dep("django") {
                        "flask"
                    } else {
                        "django"
                    })
                } else if b.ends_with("View") || b.ends_with("ViewSet") || b.ends_with("APIView") {
                    Some("django")
                } else {
                    None
                }
            });
            if let Some(fw) = tag {
                return (ScopeKind::Handler, Some(fw), guard);
            }
        }
        if non_self.len() == 2 && non_self[0] == "event" && non_self[1] == "context" {
            return (ScopeKind::Handler, Some("lambda"), guard);
        }
        if matches!(
            parent.kind,
            ScopeKind::Handler | ScopeKind::Startup | ScopeKind::Test
        ) {
            return (
                parent.kind,
                parent.framework.as_deref().map(static_tag),
                guard,
            );
        }
        (ScopeKind::Function, None, guard)
    }

    /// The framework of a route decorator `@x.<method>(…)`.
    fn web_tag(&self, method: &str) -> &'static str {
        // The file's own imports decide when they name exactly one of the two.
        match (self.pre.imports_fastapi, self.pre.imports_flask) {
            (true, false) => return "fastapi",
            (false, true) => return "flask",
            _ => {}
        }
        let project = &self.file.project;
        let fastapi = project.has_dep("fastapi") || project.has_dep("starlette");
        let flask = project.has_dep("flask") || project.has_dep("quart");
        let fastapi_only = fastapi && !flask;
        if method == "route" {
            return if fastapi_only { "fastapi" } else { "flask" };
        }
        if flask && !fastapi {
            "flask"
        } else {
            "fastapi"
        }
    }

    /// FastAPI `Depends(f)` in a function's parameters (or its route decorator's
    /// `dependencies=[…]`), and parameters typed with an `Annotated[…, Depends(f)]` alias: calls of
    /// `f` from this function (FastAPI runs them per request).
    fn depends_sites(&mut self, def: Node<'t>, decorators: &[Node<'t>], scope: &Scope, idx: usize) {
        let src = self.src;
        let mut found: Vec<(Node<'t>, Node<'t>, Option<String>)> = Vec::new(); // (site node, target expr, binding)
        if let Some(params) = def.child_by_field_name("parameters") {
            for (pname, pnode) in param_names(params, src) {
                for target in depends_calls(pnode, src) {
                    found.push((target.0, target.1, Some(pname.to_string())));
                }
                if !self.pre.dep_aliases.is_empty()
                    && let Some(ty) = pnode.child_by_field_name("type")
                {
                    let mut cursor = ty.walk();
                    'outer: loop {
                        let n = cursor.node();
                        if n.kind() == "identifier"
                            && let Some(targets) = self.pre.dep_aliases.get(text(n, src))
                        {
                            for t in targets {
                                found.push((ty, *t, Some(pname.to_string())));
                            }
                        }
                        crate::lang::budget::tick();
                        if cursor.goto_first_child() {
                            continue;
                        }
                        loop {
                            if cursor.goto_next_sibling() {
                                continue 'outer;
                            }
                            if !cursor.goto_parent() {
                                break 'outer;
                            }
                        }
                    }
                }
            }
        }
        for d in decorators {
            for target in depends_calls(*d, src) {
                found.push((target.0, target.1, None));
            }
        }
        for (site, target, binding) in found {
            let Some(segs) = dotted(target, src) else {
                continue;
            };
            let Some((name, module)) = self.pre.project_target(&segs, self.file) else {
                continue;
            };
            self.facts.calls.push(CallSite {
                callee: compact(text(target, src)),
                name,
                module,
                span: span(site),
                scope: scope.clone(),
                guard: Guard::None,
                binding,
                released: false,
                returned: Returned::No,
                in_fn: Some(idx),
                method: false,
            });
        }
    }

    fn on_call(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(func) = call.child_by_field_name("function") else {
            return;
        };
        let method = match k(func) {
            K::Attribute => func.child_by_field_name("attribute").map(|a| text(a, src)),
            K::Identifier => Some(text(func, src)),
            _ => None,
        };
        if method.is_some_and(|m| {
            self.release_names.contains(m)
                || matches!(
                    m,
                    "enter_context" | "enter_async_context" | "closing" | "aclosing" | "setdefault"
                )
        }) {
            self.record(call, K::Call);
        }
        // A session or checkout taken from an instance (`SessionLocal()`, `engine.connect()`).
        if self.top().fn_idx.is_some()
            && self.decorator_depth == 0
            && let Some(m) = self.on_match(call, func)
        {
            self.session_site(call, func, m.client);
        }
        // Cheap exit: only names that are imported or defined here can matter.
        let Some(root) = root_ident(func, src) else {
            return;
        };
        let known = self.pre.imports.contains_key(root) || self.pre.local_fns.contains(root);
        if !known && self.pre.wildcard.is_empty() {
            // `self.helper()` / `cls.helper()`: a method of this file, resolved by name.
            if (root == "self" || root == "cls")
                && self.decorator_depth == 0
                && func.kind() == "attribute"
                && func
                    .child_by_field_name("object")
                    .is_some_and(|o| o.kind() == "identifier")
                && let Some(m) = func.child_by_field_name("attribute")
                && self.pre.local_methods.contains(text(m, src))
            {
                let name = text(m, src).to_string();
                self.call_site(call, func, name, None);
            }
            return;
        }
        let Some(segs) = dotted(func, src) else {
            return;
        };
        if let Some(m) = self.match_catalog(&segs) {
            self.client_site(call, func, m);
            return;
        }
        if self.decorator_depth > 0 || !known {
            return;
        }
        if let Some((name, module)) = self.pre.project_target(&segs, self.file) {
            self.call_site(call, func, name, module);
        }
    }

    fn match_catalog(&self, segs: &[&str]) -> Option<CtorMatch<'a>> {
        let first = *segs.first()?;
        let rest = &segs[1..];
        if let Some(imp) = self.pre.imports.get(first) {
            let top = imp.path.split('.').next().unwrap_or("");
            if imp.level > 0
                || self.pre.local_fns.contains(first)
                || !self.pre.cat_tops.contains(top)
            {
                return None;
            }
            let mut q = imp.path.clone();
            for s in rest {
                q.push('.');
                q.push_str(s);
            }
            return self.cat.match_py(&q);
        }
        if self.pre.local_fns.contains(first) || self.pre.module_names.contains(first) {
            return None;
        }
        self.pre
            .wildcard
            .iter()
            .find_map(|w| self.cat.match_py(&format!("{w}.{}", segs.join("."))))
    }

    fn client_site(&mut self, call: Node<'t>, func: Node<'t>, m: CtorMatch<'a>) {
        let climb = self.climb();
        let top = self.top();
        let (fn_idx, owner) = (top.fn_idx, top.owner);
        let bind_key = climb.key.clone().filter(|_| !climb.derived);
        let ident_target = climb.target.is_none_or(|t| t.kind() == "identifier");
        let guard = if m.singleton {
            Guard::SingletonApi
        } else {
            top.guard
        };
        let site = ClientSite {
            client: m.client.id.clone(),
            family: m.client.family.clone(),
            kind: m.client.kind,
            ctor: format!("{}()", compact(text(func, self.src))),
            span: span(call),
            scope: top.scope.clone(),
            guard,
            binding: climb.binding.clone(),
            released: climb.released || (climb.with_released && !m.client.with_keeps_open),
            returned: climb.returned,
            in_fn: top.fn_idx,
            pool: Vec::new(),
            anchors: FixAnchors {
                statement: climb.statement,
                module_insert: Some(self.pre.module_insert),
                args_are_static: false,
                direct_return: self.direct_return(),
                with_stmt: self.with_anchors(),
                in_async_fn: false,
            },
        };
        let pending = Pending {
            site: SiteRef::Client(self.facts.clients.len()),
            owner: top.owner,
            key: climb.key,
            target: climb.target,
            store_recv: climb.store_recv,
            args: call.child_by_field_name("arguments"),
            scope_kind: top.scope.kind,
            derived: climb.derived,
        };
        self.config_pending
            .push((self.facts.clients.len(), call, owner));
        self.facts.clients.push(site);
        self.pending.push(pending);
        if let Some(acc) = self.accs.last_mut() {
            acc.pending = true;
        }
        // Remember what the name holds: a receiver of `on` constructors (`engine.connect()`).
        let def = m.client;
        if let Some(key) = bind_key {
            if self.on.factories.contains(&def.id.as_str()) {
                self.factory_keys.insert(key.clone());
            }
            let fn_local =
                fn_idx.is_some() && ident_target && !self.pre.module_names.contains(&key);
            if fn_idx.is_some() {
                self.local_bound
                    .insert((owner.id(), key.clone()), def.id.as_str());
            }
            if !fn_local {
                self.bound.entry(key).or_insert(def.id.as_str());
            }
        }
        let checked = matches!(
            def.kind,
            ClientKind::Session | ClientKind::Checkout | ClientKind::Connection
        ) || def.must_close;
        if checked && !m.singleton && !self.on.factories.contains(&def.id.as_str()) {
            self.session_site(call, func, def);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Sessions (`unclosed-session`)
    // -----------------------------------------------------------------------------------------

    /// The current call is itself the value a `return` hands back (`return create_engine(URL)`,
    /// `return await asyncpg.create_pool(dsn)`, through parentheses).
    fn direct_return(&self) -> bool {
        let Some(mut cur) = self.path.last().copied() else {
            return false;
        };
        for p in self.path.iter().rev().skip(1) {
            match p.kind() {
                "parenthesized_expression" | "await" => {}
                "return_statement" => return p.named_child(0) == Some(cur),
                _ => return false,
            }
            cur = *p;
        }
        false
    }

    /// The current call is the context manager of a `with` / `async with` item (`async with
    /// httpx.AsyncClient() as c:`): the header, and the loop header a swap may trade it with.
    fn with_anchors(&self) -> Option<WithAnchors> {
        let mut cur = self.path.last().copied()?;
        let mut item = None;
        for p in self.path.iter().rev().skip(1) {
            match p.kind() {
                "parenthesized_expression" => {}
                "as_pattern" if p.named_child(0) == Some(cur) => {}
                "with_item" if p.child_by_field_name("value") == Some(cur) => {
                    item = Some(*p);
                    break;
                }
                _ => return None,
            }
            cur = *p;
        }
        let stmt = item?
            .parent()
            .filter(|c| c.kind() == "with_clause")?
            .parent()
            .filter(|w| w.kind() == "with_statement")?;
        Some(WithAnchors {
            header: header_span(stmt)?,
            loop_header: self.loop_around(stmt),
        })
    }

    /// The header of the loop whose body is only `with_stmt`, when swapping the two headers
    /// changes nothing but how often the client is opened: the loop has no `else:`, the `with`
    /// header uses no name the loop binds (its targets, anything bound in its body), and the
    /// loop header no name the `with` binds.
    fn loop_around(&self, with_stmt: Node<'t>) -> Option<Span> {
        let src = self.src;
        let body = with_stmt.parent().filter(|b| b.kind() == "block")?;
        let stmts = named_children(body)
            .into_iter()
            .filter(|c| c.kind() != "comment")
            .count();
        let lp = body.parent()?;
        if stmts != 1
            || !matches!(lp.kind(), "for_statement" | "while_statement")
            || lp.child_by_field_name("body") != Some(body)
            || lp.child_by_field_name("alternative").is_some()
        {
            return None;
        }
        let mut bound = HashSet::new();
        if let Some(left) = lp.child_by_field_name("left") {
            bind_targets(left, src, &mut bound);
        }
        bound_names_in(body, src, &mut bound);
        let bound: Vec<String> = bound.into_iter().collect();
        let clause = named_children(with_stmt)
            .into_iter()
            .find(|c| c.kind() == "with_clause")?;
        let mut with_targets = HashSet::new();
        for item in named_children(clause) {
            let Some(v) = item.child_by_field_name("value") else {
                continue;
            };
            let (value, alias) = if v.kind() == "as_pattern" {
                (v.named_child(0)?, v.child_by_field_name("alias"))
            } else {
                (v, None)
            };
            if self.mentions(value, &bound) {
                return None;
            }
            if let Some(a) = alias {
                bind_targets(a, src, &mut with_targets);
            }
        }
        let with_targets: Vec<String> = with_targets.into_iter().collect();
        let loop_expr = lp
            .child_by_field_name("right")
            .or_else(|| lp.child_by_field_name("condition"))?;
        if self.mentions(loop_expr, &with_targets) {
            return None;
        }
        header_span(lp)
    }

    /// Module-level names bound to catalogue constructions (`engine = create_engine(…)`,
    /// `SessionLocal = sessionmaker(…)`), before the walk: functions defined above them use them.
    fn scan_module_bindings(&mut self, root: Node<'t>) {
        if self.on.methods.is_empty() && self.on.factories.is_empty() {
            return;
        }
        let mut stack: Vec<Node<'t>> = named_children(root);
        while let Some(stmt) = stack.pop() {
            match stmt.kind() {
                "expression_statement" => {
                    for e in named_children(stmt) {
                        if e.kind() == "assignment" {
                            self.bind_module_assignment(e);
                        }
                    }
                }
                "if_statement" | "try_statement" | "with_statement" | "elif_clause"
                | "else_clause" | "except_clause" | "finally_clause" | "block" => {
                    stack.extend(named_children(stmt));
                }
                _ => {}
            }
        }
    }

    fn bind_module_assignment(&mut self, assignment: Node<'t>) {
        let src = self.src;
        let mut targets = Vec::new();
        let mut cur = Some(assignment);
        let mut right = None;
        while let Some(a) = cur.filter(|a| a.kind() == "assignment") {
            if let Some(l) = a.child_by_field_name("left") {
                targets.push(l);
            }
            right = a.child_by_field_name("right");
            cur = right;
        }
        let Some(call) = right.map(strip).filter(|r| r.kind() == "call") else {
            return;
        };
        let Some(segs) = call
            .child_by_field_name("function")
            .and_then(|f| dotted(f, src))
        else {
            return;
        };
        let Some(m) = self.match_catalog(&segs) else {
            return;
        };
        let id = m.client.id.as_str();
        for t in targets {
            if matches!(t.kind(), "identifier" | "attribute") {
                let key = compact(text(t, src));
                if self.on.factories.contains(&id) {
                    self.factory_keys.insert(key.clone());
                }
                self.bound.insert(key, id);
            }
        }
    }

    /// The catalogue entry a name or attribute path holds, from a construction bound to it.
    fn bound_entry(&self, key: &str) -> Option<&'a str> {
        let owner = self.top().owner.id();
        self.local_bound
            .get(&(owner, key.to_string()))
            .or_else(|| self.bound.get(key))
            .copied()
    }

    /// A call that takes a session or checkout from an instance of a catalogue entry:
    /// `engine.connect()`, `pool.getconn()`, `SessionLocal()`, `db.SessionLocal()`.
    ///
    /// The instance is known from a binding of its construction in this file (module level,
    /// the same function, or an attribute path such as `self.engine`). Otherwise it is guessed
    /// from its name (see [`receiver_hint`]) when the entry's library is used by the project or
    /// the file: a receiver named like `engine` / `db_pool` / `request.app.state.pool` for a
    /// method (never for a `sessionmaker`, whose method `begin` is also a `Session` method), and,
    /// for calling an instance without arguments, a name imported from a project module that
    /// contains `session` (`SessionLocal()`, `AsyncSessionLocal()`, `async_session()`), does not
    /// read like a function (`get_session()`, `create_session()`) and does not come from a
    /// models / schemas module (`ChatSession()` is a model).
    fn on_match(&self, call: Node<'t>, func: Node<'t>) -> Option<CtorMatch<'a>> {
        let src = self.src;
        match k(func) {
            K::Attribute => {
                let method = text(func.child_by_field_name("attribute")?, src);
                if self.on.methods.contains(method) {
                    let recv = func.child_by_field_name("object")?;
                    if let Some(id) = self.bound_entry(&compact(text(recv, src))) {
                        return self.cat.match_on(id, method);
                    }
                    let last = match k(recv) {
                        K::Identifier => text(recv, src),
                        K::Attribute => text(recv.child_by_field_name("attribute")?, src),
                        _ => return None,
                    }
                    .to_ascii_lowercase();
                    return self.cat.clients.iter().find_map(|client| {
                        client
                            .constructors
                            .iter()
                            .find(|ctor| {
                                ctor.call.as_deref() == Some(method)
                                    && ctor.on.as_deref().is_some_and(|on| {
                                        !self.on.factories.contains(&on)
                                            && self.on.present.contains(on)
                                            && last.contains(receiver_hint(on))
                                    })
                            })
                            .map(|ctor| CtorMatch {
                                client,
                                ctor,
                                singleton: false,
                            })
                    });
                }
            }
            K::Identifier => {}
            _ => return None,
        }
        if self.on.factories.is_empty() {
            return None;
        }
        let callee = text(func, src);
        let key: std::borrow::Cow<str> = if callee.contains(char::is_whitespace) {
            compact(callee).into()
        } else {
            callee.into()
        };
        if self.factory_keys.contains(key.as_ref()) {
            return self
                .bound_entry(&key)
                .and_then(|id| self.cat.match_on(id, "()"));
        }
        let imp = self.pre.imports.get(root_ident(func, src)?)?;
        let no_args = call
            .child_by_field_name("arguments")
            .is_none_or(|a| a.named_child_count() == 0);
        let segs = dotted(func, src)?;
        let name = segs.last()?.to_ascii_lowercase();
        let from_models = imp
            .path
            .split('.')
            .chain(segs.iter().copied())
            .any(|m| MODEL_MODULES.contains(&m));
        if !no_args
            || from_models
            || VERB_PREFIXES.iter().any(|p| name.starts_with(p))
            || !self.is_project_import(imp)
        {
            return None;
        }
        self.on.factories.iter().find_map(|f| {
            (self.on.present.contains(f) && name.contains(receiver_hint(f)))
                .then(|| self.cat.match_on(f, "()"))
                .flatten()
        })
    }

    /// Does the import bind something of this project (not a package or the standard library)?
    fn is_project_import(&self, imp: &Import) -> bool {
        if imp.level > 0 {
            return true;
        }
        let module = if imp.member {
            imp.path.rsplit_once('.').map_or("", |(m, _)| m)
        } else {
            imp.path.as_str()
        };
        !module.is_empty() && project_module(module, 0, self.file, &self.pre.cat_tops).is_some()
    }

    /// Record a session, connection or checkout opened in a function; its closing is decided
    /// here when its position settles it (`with`, `closing(…)`, `return`), else in
    /// [`Walker::finish_sessions`].
    fn session_site(&mut self, call: Node<'t>, func: Node<'t>, def: &'a ClientDef) {
        let sp = span(call);
        if self.facts.sessions.last().is_some_and(|s| s.span == sp) {
            return;
        }
        let src = self.src;
        // Through methods that return the object itself:
        // `engine.connect().execution_options(isolation_level="AUTOCOMMIT")`.
        let mut n = self.path.len();
        while n >= 3
            && !def.returns_self.is_empty()
            && let (Some(attr), Some(outer)) = (self.path.get(n - 2), self.path.get(n - 3))
            && attr.kind() == "attribute"
            && attr.child_by_field_name("object") == self.path.get(n - 1).copied()
            && outer.kind() == "call"
            && outer.child_by_field_name("function") == Some(*attr)
            && attr
                .child_by_field_name("attribute")
                .is_some_and(|m| def.returns_self.iter().any(|r| r == text(m, src)))
        {
            n -= 2;
        }
        let climb = self.climb_from(n);
        let top = self.top();
        let (Some(fn_idx), owner, scope) = (top.fn_idx, top.owner, top.scope.clone()) else {
            return;
        };
        let closing = if climb.released || (climb.with_released && !def.with_keeps_open) {
            Some(Closing::Always)
        } else if climb.ctor_arg || (climb.returned == Returned::Direct && !climb.by_yield) {
            Some(Closing::HandedOver)
        } else {
            None
        };
        let rest_of_block = climb.stmt.and_then(rest_of_block);
        let indent = climb
            .stmt
            .map(|st| {
                let start = st.start_byte();
                let line_start = src
                    .get(..start)
                    .and_then(|b| b.rfind('\n'))
                    .map_or(0, |i| i + 1);
                src.get(line_start..start)
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect::<String>()
            })
            .unwrap_or_default();
        let ctor = format!("{}()", compact(text(func, src)));
        // `await client.aclose()` for the async flavour of a client that has both.
        let release = if ctor.contains("Async") && def.release.iter().any(|r| r == "aclose") {
            Some("aclose".to_string())
        } else {
            def.release.first().cloned()
        };
        let key = climb.key.clone().filter(|_| !climb.derived);
        if let Some(key) = &key {
            self.local_bound
                .insert((owner.id(), key.clone()), def.id.as_str());
        }
        let idx = self.facts.sessions.len();
        self.facts.sessions.push(SessionSite {
            client: def.id.clone(),
            kind: def.kind,
            ctor,
            span: sp,
            binding: climb.binding.clone(),
            closing: closing.unwrap_or(Closing::Never),
            release,
            scope,
            in_fn: Some(fn_idx),
            in_generator: false,
            anchors: SessionAnchors {
                statement: climb.statement,
                rest_of_block,
                indent,
            },
        });
        self.session_pending.push(SessionPending {
            idx,
            owner,
            call,
            key,
            target: climb.target,
            store_recv: climb.store_recv,
            closing,
            release: def.release.clone(),
            with_keeps_open: def.with_keeps_open,
            stmt: climb.stmt,
            hoistable: (climb.key.is_none() || climb.derived)
                && climb.binding.is_none()
                && self.evaluated_first(),
        });
        if let Some(acc) = self.accs.last_mut() {
            acc.pending = true;
        }
    }

    /// A release method named without calling it, inside a function: it may be handed to
    /// someone who calls it later (`stack.callback(conn.close)`, `add_task(db.close)`).
    fn on_attribute(&mut self, node: Node<'t>) {
        let Some(attr) = node.child_by_field_name("attribute") else {
            return;
        };
        if !self.release_names.contains(text(attr, self.src)) {
            return;
        }
        if self
            .parent_of_current()
            .is_some_and(|p| p.kind() == "call" && p.child_by_field_name("function") == Some(node))
        {
            return;
        }
        self.record(node, K::Attribute);
    }

    fn finish_sessions(&mut self, bodies: &HashMap<usize, BodyInfo<'t>>) {
        let pending = std::mem::take(&mut self.session_pending);
        let empty = BodyInfo::default();
        for p in &pending {
            let info = bodies.get(&p.owner.id()).unwrap_or(&empty);
            let mut closing = match p.closing {
                Some(c) => c,
                None => self.session_closing(p, info),
            };
            let binding = self
                .facts
                .sessions
                .get(p.idx)
                .and_then(|s| s.binding.clone());
            let aliases = binding
                .as_deref()
                .map(|b| self.aliases(info, b))
                .unwrap_or_default();
            // Released by the very next statement (`conn = connect()` last in a `try:` whose
            // handlers leave, then `conn.close()`): nothing can raise in between.
            if closing == Closing::NotOnErrorPaths
                && p.stmt
                    .and_then(next_statement)
                    .is_some_and(|n| self.is_release_stmt(n, &aliases, &p.release))
            {
                closing = Closing::Always;
            }
            let region = match closing {
                Closing::Never | Closing::NotOnErrorPaths => {
                    self.wrap_region(p, closing, binding.as_deref(), &aliases, info)
                }
                _ => None,
            };
            if let Some(s) = self.facts.sessions.get_mut(p.idx) {
                s.closing = closing;
                s.in_generator = info.is_generator;
                s.anchors.rest_of_block = region;
            }
        }
    }

    /// The construction is the first thing its statement evaluates (`X().get(u)`, `r = await
    /// X().get(u)`, `async with X().get(u) as r:`): binding it to a name just before the
    /// statement keeps the order of evaluation.
    fn evaluated_first(&self) -> bool {
        let Some(call) = self.path.last().copied() else {
            return false;
        };
        let mut cur = call;
        for p in self.path.iter().rev().skip(1) {
            let first = match p.kind() {
                // `(await X()).m()`: the bound name would need the `await` too.
                "await" => cur != call,
                "parenthesized_expression" => true,
                "attribute" => p.child_by_field_name("object") == Some(cur),
                "call" => p.child_by_field_name("function") == Some(cur),
                "subscript" => p.child_by_field_name("value") == Some(cur),
                "assignment" => p.child_by_field_name("right") == Some(cur),
                "as_pattern" => p.named_child(0) == Some(cur),
                "with_item" => p.child_by_field_name("value") == Some(cur),
                "with_clause" => p.named_child(0) == Some(cur),
                "expression_statement" | "with_statement" => {
                    return p.parent().is_some_and(|b| b.kind() == "block");
                }
                _ => false,
            };
            if !first {
                return false;
            }
            cur = *p;
        }
        false
    }

    /// Is `stmt` a plain statement releasing one of `aliases` (`conn.close()`, `await
    /// conn.close()`, `pool.putconn(conn)`)?
    fn is_release_stmt(&self, stmt: Node<'t>, aliases: &[String], release: &[String]) -> bool {
        if stmt.kind() != "expression_statement" || stmt.named_child_count() != 1 {
            return false;
        }
        let mut e = stmt.named_child(0);
        while let Some(n) = e.filter(|n| matches!(n.kind(), "await" | "parenthesized_expression")) {
            e = n.named_child(0);
        }
        e.is_some_and(|c| c.kind() == "call" && self.releases(c, aliases, release))
    }

    /// What a `try … finally` fix wraps (see [`SessionAnchors::rest_of_block`]), or `None` where
    /// wrapping could change what the code does:
    /// - never closed and bound: the statements after the acquisition to the end of its block,
    ///   when the name is used nowhere else in the function;
    /// - never closed, not bound but evaluated first (`r = await X().get(u)`): the acquiring
    ///   statement and the rest of the block (the fix binds the construction first);
    /// - closed on the happy path by a plain statement of the same block: the statements up to
    ///   and including that release (the fix moves it into `finally:`).
    ///
    /// Refused: nothing to wrap, a statement sharing the acquisition's line (multi-line strings
    /// are fine: the rule keeps their lines as they are), a syntax error, a `yield` other than `yield
    /// <name>` (a generator dependency), a `return` of something that lives on the client (a
    /// value derived from it, or a direct call on it: `return session.query(User)`), another
    /// release, or — for a bound name — rebinding it or a nested function using it.
    fn wrap_region(
        &self,
        p: &SessionPending<'t>,
        closing: Closing,
        binding: Option<&str>,
        aliases: &[String],
        info: &BodyInfo<'t>,
    ) -> Option<Span> {
        let src = self.src;
        let stmt = p.stmt?;
        stmt.parent().filter(|b| b.kind() == "block")?;
        let line_head = src.get(line_start(src, stmt.start_byte()) as usize..stmt.start_byte())?;
        if !line_head.trim().is_empty() {
            return None;
        }
        // The statements after it in its block, by cursor (`next_named_sibling` walks the
        // parent's children from the first: quadratic over a long block); a region longer than
        // [`MAX_WRAPPED`] statements is not a fix anyone would take.
        let mut after = Vec::new();
        let mut cursor = stmt.parent()?.walk();
        cursor.goto_first_child_for_byte(stmt.start_byte())?;
        while cursor.node().id() != stmt.id() {
            if !cursor.goto_next_sibling() {
                return None;
            }
        }
        while cursor.goto_next_sibling() {
            let n = cursor.node();
            if !n.is_named() {
                continue;
            }
            if after.len() == MAX_WRAPPED {
                return None;
            }
            after.push(n);
        }
        let hoist = binding.is_none();
        // `with psycopg2.connect() as conn:` does not close: the fix is `closing(…)`, not a
        // `try` after the block.
        if (hoist && !(p.key.is_none() && p.hoistable))
            || (!hoist && stmt.kind() == "with_statement")
        {
            return None;
        }
        let region: Vec<Node<'t>> = match closing {
            Closing::Never if hoist => std::iter::once(stmt).chain(after).collect(),
            Closing::Never => after,
            Closing::NotOnErrorPaths if !hoist => {
                let at = after
                    .iter()
                    .position(|n| self.is_release_stmt(*n, aliases, &p.release))?;
                let rel = after[at];
                if rel.start_position().row != rel.end_position().row {
                    return None;
                }
                after.truncate(at + 1);
                after
            }
            _ => return None,
        };
        let wrapped: Vec<Node<'t>> = region
            .iter()
            .copied()
            .filter(|n| n.kind() != "comment")
            .collect();
        let released_at_end = closing == Closing::NotOnErrorPaths;
        let body = if released_at_end {
            &wrapped[..wrapped.len().saturating_sub(1)]
        } else {
            &wrapped[..]
        };
        let first = body.first()?;
        if !hoist && first.start_position().row == stmt.end_position().row {
            return None;
        }
        let (start, end) = (region.first()?, region.last()?);
        let span_ = Span::new(start.start_byte(), end.end_byte());
        // Names that hold the client or something derived from it.
        let mut derived: HashSet<String> = aliases.iter().cloned().collect();
        if hoist {
            match stmt.kind() {
                "expression_statement" => {
                    if let Some(a) = stmt.named_child(0).filter(|a| a.kind() == "assignment")
                        && let Some(l) = a.child_by_field_name("left")
                    {
                        bind_targets(l, src, &mut derived);
                    }
                }
                _ => {
                    if let Some(clause) = named_children(stmt)
                        .into_iter()
                        .find(|c| c.kind() == "with_clause")
                    {
                        bound_names_in(clause, src, &mut derived);
                    }
                }
            }
        }
        // One step further: what a call on the client returns (`cur = conn.cursor()`, `r =
        // await session.get(u)`); not values computed from those (`data = r.json()`).
        for (l, r) in &info.assigns {
            if self.is_exact(chain_root(*r), aliases) {
                bind_targets(*l, src, &mut derived);
            }
        }
        let derived: Vec<String> = derived.into_iter().collect();
        for n in body {
            if !self.wrappable(*n, binding, aliases, &derived, &p.release) {
                return None;
            }
        }
        if let Some(name) = binding {
            let names = [name.to_string()];
            let mut rebound = HashSet::new();
            for n in body {
                bound_names_in(*n, src, &mut rebound);
            }
            if rebound.contains(name) {
                return None;
            }
            // Used elsewhere in the function (before, or after the block): closing it at the
            // end of the block would break that use.
            if closing == Closing::Never
                && self.mentioned_outside(p.owner, &names, stmt.start_byte(), span_.end as usize)
            {
                return None;
            }
        }
        Some(span_)
    }

    /// Can `node` (a statement a fix wraps) move into a `try:` body? See [`Walker::wrap_region`].
    fn wrappable(
        &self,
        node: Node<'t>,
        binding: Option<&str>,
        aliases: &[String],
        derived: &[String],
        release: &[String],
    ) -> bool {
        let src = self.src;
        let mut stack = vec![(node, false)];
        while let Some((n, nested)) = stack.pop() {
            if n.is_error() || n.is_missing() {
                return false;
            }
            let mut inner = nested;
            match n.kind() {
                "function_definition" | "lambda" | "class_definition" => {
                    if binding.is_some() && self.mentions(n, aliases) {
                        return false;
                    }
                    inner = true;
                }
                "yield" if !nested => {
                    let v = n.named_child(0).map(strip);
                    let own = binding.is_some_and(|b| {
                        v.is_some_and(|v| v.kind() == "identifier" && text(v, src) == b)
                    });
                    if !own {
                        return false;
                    }
                }
                "return_statement" if !nested => {
                    if let Some(v) = n.named_child(0) {
                        let mut v = strip(v);
                        while v.kind() == "await" {
                            match v.named_child(0) {
                                Some(x) => v = strip(x),
                                None => break,
                            }
                        }
                        if self.is_exact(v, derived) {
                            return false;
                        }
                        let on_client = v.kind() == "call"
                            && v.child_by_field_name("function")
                                .filter(|f| f.kind() == "attribute")
                                .and_then(|f| f.child_by_field_name("object"))
                                .is_some_and(|o| self.is_exact(o, aliases));
                        if on_client {
                            return false;
                        }
                    }
                }
                "call" if !aliases.is_empty() && self.releases(n, aliases, release) => {
                    return false;
                }
                _ => {}
            }
            stack.extend(named_children(n).into_iter().map(|c| (c, inner)));
        }
        true
    }

    /// Is one of `names` used in `owner`'s body outside the bytes `from..to`?
    fn mentioned_outside(&self, owner: Node<'t>, names: &[String], from: usize, to: usize) -> bool {
        let Some(body) = owner.child_by_field_name("body") else {
            return true;
        };
        let index = self.idents_of(body);
        names.iter().any(|name| {
            index
                .get(name)
                .is_some_and(|spans| spans.iter().any(|(s, e)| !(*s >= from && *e <= to)))
        })
    }

    /// The identifiers of `body` (field names aside) and their spans, once per body.
    fn idents_of(&self, body: Node<'t>) -> std::rc::Rc<IdentIndex> {
        if let Some(known) = self.idents.borrow().get(&body.id()) {
            return known.clone();
        }
        let mut index = IdentIndex::new();
        let mut stack = vec![body];
        while let Some(n) = stack.pop() {
            crate::lang::budget::tick();
            if n.kind() == "identifier" {
                let field_name = n.parent().is_some_and(|p| {
                    p.child_by_field_name("attribute") == Some(n)
                        || (p.kind() == "keyword_argument"
                            && p.child_by_field_name("name") == Some(n))
                });
                if !field_name {
                    index
                        .entry(text(n, self.src).to_string())
                        .or_default()
                        .push((n.start_byte(), n.end_byte()));
                }
            }
            stack.extend(named_children(n));
        }
        let index = std::rc::Rc::new(index);
        self.idents.borrow_mut().insert(body.id(), index.clone());
        index
    }

    /// How a session whose own position does not settle it is closed, from its function body.
    fn session_closing(&self, p: &SessionPending<'t>, info: &BodyInfo<'t>) -> Closing {
        let stored = p.target.is_some_and(|t| self.stored_away(t, info, false))
            || p.store_recv
                .is_some_and(|r| self.stored_away(r, info, true));
        let Some(key) = p.key.as_deref() else {
            return if stored {
                Closing::HandedOver
            } else {
                Closing::Never
            };
        };
        let aliases = self.aliases(info, key);
        let mut released = false;
        let mut deferred = false;
        for &(c, nested) in &info.release_calls {
            if !self.releases(c, &aliases, &p.release) {
                continue;
            }
            if nested {
                deferred = true;
                continue;
            }
            match release_position(c, p.owner, p.call) {
                Position::Finally => return Closing::Always,
                Position::Deferred => deferred = true,
                Position::Plain => released = true,
            }
        }
        if self.session_returned(info, &aliases) {
            return Closing::HandedOver;
        }
        if released {
            return Closing::NotOnErrorPaths;
        }
        let with_later = info.releases.iter().any(|(r, m)| {
            aliases.contains(r) && (m == CLOSED || (m == WITH && !p.with_keeps_open))
        });
        let ref_passed = info
            .release_refs
            .iter()
            .any(|(r, m)| aliases.contains(r) && p.release.contains(m));
        if stored || with_later || ref_passed || deferred || self.stored_later(info, &aliases) {
            return Closing::HandedOver;
        }
        Closing::Never
    }

    /// `key` and the local names assigned from it (`conn = db`).
    fn aliases(&self, info: &BodyInfo<'t>, key: &str) -> Vec<String> {
        // Two passes over the assignments in order, each adding `name` when its value is
        // exactly an alias known at that point (`is_exact`); through an index of the values,
        // so that a body of thousands of assignments and sessions stays linear.
        let index = info.alias_index.get_or_init(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, (l, r)) in info.assigns.iter().enumerate() {
                let v = strip(*r);
                if l.kind() != "identifier"
                    || !matches!(v.kind(), "identifier" | "attribute" | "subscript")
                {
                    continue;
                }
                let t = text(v, self.src);
                let c = compact(t);
                if c != t {
                    index.entry(c).or_default().push(i);
                }
                index.entry(t.to_string()).or_default().push(i);
            }
            index
        });
        let matching = |alias: &str| index.get(alias).map_or(&[][..], Vec::as_slice);
        let mut aliases = vec![key.to_string()];
        let mut known: HashSet<String> = aliases.iter().cloned().collect();
        for _ in 0..2 {
            let mut changed = false;
            let mut queue: std::collections::BTreeSet<usize> = aliases
                .iter()
                .flat_map(|a| matching(a).iter().copied())
                .collect();
            while let Some(i) = queue.pop_first() {
                let Some((l, _)) = info.assigns.get(i) else {
                    continue;
                };
                let name = text(*l, self.src);
                if known.insert(name.to_string()) {
                    aliases.push(name.to_string());
                    changed = true;
                    queue.extend(matching(name).iter().copied().filter(|j| *j > i));
                }
            }
            if !changed {
                break;
            }
        }
        aliases
    }

    /// Is `call` a release of one of `aliases`: a release method called on it (`db.close()`),
    /// or on anything with it as the first argument (`pool.putconn(conn)`, `pool.release(conn)`)?
    fn releases(&self, call: Node<'t>, aliases: &[String], release: &[String]) -> bool {
        let src = self.src;
        let Some(f) = call
            .child_by_field_name("function")
            .filter(|f| f.kind() == "attribute")
        else {
            return false;
        };
        let (Some(obj), Some(attr)) = (
            f.child_by_field_name("object"),
            f.child_by_field_name("attribute"),
        ) else {
            return false;
        };
        if !release.iter().any(|r| r == text(attr, src)) {
            return false;
        }
        let recv = compact(text(obj, src));
        aliases.contains(&recv)
            || call_args(call)
                .0
                .first()
                .is_some_and(|a| aliases.contains(&compact(text(strip(*a), src))))
    }

    /// Does the function `return` (not `yield`) one of `aliases`, in a container, or passed to
    /// a class (`return UserRepository(session)`)?
    fn session_returned(&self, info: &BodyInfo<'t>, aliases: &[String]) -> bool {
        let src = self.src;
        info.returns
            .iter()
            .filter(|r| !info.yields.contains(&r.id()))
            .any(|r| {
                let v = strip(*r);
                if self.is_exact(v, aliases) {
                    return true;
                }
                match v.kind() {
                    "tuple" | "list" | "expression_list" | "dictionary" => {
                        named_children(v).into_iter().any(|el| {
                            let el = if el.kind() == "pair" {
                                el.child_by_field_name("value").unwrap_or(el)
                            } else {
                                el
                            };
                            self.is_exact(strip(el), aliases)
                        })
                    }
                    "call" => {
                        let class_like = v
                            .child_by_field_name("function")
                            .and_then(|f| dotted(f, src))
                            .and_then(|segs| segs.last().copied())
                            .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_uppercase()));
                        let (positional, keywords) = call_args(v);
                        class_like
                            && positional
                                .iter()
                                .chain(keywords.iter().map(|(_, v)| v))
                                .any(|a| self.is_exact(*a, aliases))
                    }
                    _ => false,
                }
            })
    }

    /// Is one of `aliases` stored later where it outlives the call (`self.db = db`, `g.db = db`,
    /// `request.state.db = db`, `_conns[k] = conn`, `global CONN; CONN = conn`)?
    fn stored_later(&self, info: &BodyInfo<'t>, aliases: &[String]) -> bool {
        info.assigns.iter().any(|(l, r)| {
            (l.kind() != "identifier" || info.globals.contains(text(*l, self.src)))
                && self.is_exact(*r, aliases)
                && !aliases.contains(&compact(text(*l, self.src)))
                && self.stored_away(*l, info, false)
        }) || info
            .stores
            .iter()
            .any(|(recv, v)| self.is_exact(*v, aliases) && self.stored_away(*recv, info, true))
    }

    /// Does storing into `node` (an assignment target, or a container when `container`) keep
    /// the value beyond the call: an owner (`self`, `cls`), a parameter object, a global or
    /// module-level state (incl. imported objects such as Flask's `g`)?
    fn stored_away(&self, node: Node, info: &BodyInfo<'t>, container: bool) -> bool {
        let src = self.src;
        let root = match node.kind() {
            "identifier" => {
                let name = text(node, src);
                if !container {
                    return info.globals.contains(name);
                }
                name
            }
            "attribute" | "subscript" => match root_ident(node, src) {
                Some(r) => r,
                None => return false,
            },
            _ => return false,
        };
        root == "self"
            || root == "cls"
            || info.params.contains(root)
            || info.globals.contains(root)
            || (!info.locals.contains(root)
                && (self.pre.module_names.contains(root) || self.pre.imports.contains_key(root)))
    }

    fn call_site(
        &mut self,
        call: Node<'t>,
        func: Node<'t>,
        name: String,
        module: Option<ModuleRef>,
    ) {
        let climb = self.climb();
        let top = self.top();
        let site = CallSite {
            callee: compact(text(func, self.src)),
            name,
            module,
            span: span(call),
            scope: top.scope.clone(),
            guard: top.guard,
            binding: climb.binding.clone(),
            released: climb.released || climb.with_released,
            returned: climb.returned,
            in_fn: top.fn_idx,
            method: false,
        };
        let pending = Pending {
            site: SiteRef::Call(self.facts.calls.len()),
            owner: top.owner,
            key: climb.key,
            target: climb.target,
            store_recv: climb.store_recv,
            args: call.child_by_field_name("arguments"),
            scope_kind: top.scope.kind,
            derived: climb.derived,
        };
        self.facts.calls.push(site);
        self.pending.push(pending);
        if let Some(acc) = self.accs.last_mut() {
            acc.pending = true;
        }
    }

    /// Climb from the current call to its statement: binding, `with`, `return`, store targets.
    fn climb(&self) -> Climb<'t> {
        self.climb_from(self.path.len())
    }

    /// [`Walker::climb`] from the ancestor `path[n - 1]` of the current node.
    fn climb_from(&self, n: usize) -> Climb<'t> {
        let src = self.src;
        let mut c = Climb::default();
        let n = n.min(self.path.len());
        if n == 0 {
            return c;
        }
        let mut cur = self.path[n - 1];
        let mut direct = true;
        let mut container = false;
        // Through `X(...).attr`, `X(...).method(...)`, `X(...)[k]`: a value derived from the client.
        let mut derived = false;
        // The value of a keyword argument (`Repo(session=X())`), until its argument list.
        let mut kw_direct = false;
        for i in (0..n - 1).rev() {
            let p = self.path[i];
            match p.kind() {
                "parenthesized_expression"
                | "await"
                | "conditional_expression"
                | "boolean_operator" => {}
                "attribute"
                    if direct && !container && p.child_by_field_name("object") == Some(cur) =>
                {
                    derived = true
                }
                "subscript"
                    if direct && !container && p.child_by_field_name("value") == Some(cur) =>
                {
                    derived = true
                }
                "call" if derived && direct && p.child_by_field_name("function") == Some(cur) => {}
                "tuple" | "list" | "expression_list" | "set" | "dictionary" => container = true,
                "pair" => {
                    if p.child_by_field_name("value") == Some(cur) {
                        container = true;
                    } else {
                        direct = false;
                    }
                }
                "as_pattern" => {
                    if direct
                        && !container
                        && !derived
                        && let Some(alias) = p.child_by_field_name("alias")
                    {
                        let mut names = HashSet::new();
                        bind_targets(alias, src, &mut names);
                        if names.len() == 1 {
                            let name = names.into_iter().next();
                            c.binding = name.clone();
                            c.key = name;
                        }
                    }
                }
                "with_item" => {
                    if direct && !container && !derived {
                        c.with_released = true;
                    }
                    direct = false;
                }
                "assignment" => {
                    if direct
                        && !container
                        && p.child_by_field_name("right") == Some(cur)
                        && let Some(left) = p.child_by_field_name("left")
                    {
                        match left.kind() {
                            "identifier" if derived => {
                                c.key = Some(text(left, src).to_string());
                                c.target = Some(left);
                                c.derived = true;
                            }
                            "identifier" => {
                                let name = text(left, src).to_string();
                                c.binding = Some(name.clone());
                                c.key = Some(name);
                                c.target = Some(left);
                            }
                            "attribute" | "subscript" => {
                                c.key = Some(compact(text(left, src)));
                                c.target = Some(left);
                                c.derived = derived;
                            }
                            _ => {}
                        }
                    }
                    direct = false;
                }
                "named_expression" => {
                    if direct
                        && !container
                        && !derived
                        && let Some(name) = p.child_by_field_name("name")
                    {
                        let name = text(name, src).to_string();
                        c.binding = Some(name.clone());
                        c.key = Some(name);
                    }
                    direct = false;
                }
                "return_statement" | "yield" => {
                    if c.returned == Returned::No {
                        c.returned = if direct && !derived {
                            Returned::Direct
                        } else {
                            Returned::Derived
                        };
                        c.by_yield = p.kind() == "yield";
                    }
                }
                "keyword_argument" => {
                    kw_direct = direct
                        && !container
                        && !derived
                        && p.child_by_field_name("value") == Some(cur);
                    direct = false;
                }
                "argument_list" => {
                    if (direct || kw_direct) && !container && !derived && i >= 1 {
                        let outer = self.path[i - 1];
                        if outer.kind() == "call"
                            && let Some(f) = outer.child_by_field_name("function")
                            && let Some(segs) = dotted(f, src)
                            && segs
                                .last()
                                .is_some_and(|l| l.starts_with(|ch: char| ch.is_ascii_uppercase()))
                        {
                            c.ctor_arg = true;
                        }
                    }
                    kw_direct = false;
                    if direct && !container && i >= 1 {
                        let outer = self.path[i - 1];
                        if outer.kind() == "call"
                            && let Some(f) = outer.child_by_field_name("function")
                            && let Some(segs) = dotted(f, src)
                            && let Some(&last) = segs.last()
                        {
                            match last {
                                "enter_context" | "enter_async_context" if !derived => {
                                    c.with_released = true
                                }
                                "closing" | "aclosing" if !derived => c.released = true,
                                "setdefault" if segs.len() >= 2 => {
                                    let (positional, _) = call_args(outer);
                                    if positional.get(1) == Some(&cur) {
                                        c.store_recv = f.child_by_field_name("object");
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    direct = false;
                }
                "lambda" | "function_definition" | "class_definition" => direct = false,
                "block" | "module" => {
                    c.statement = Some(span(cur));
                    c.stmt = Some(cur);
                    break;
                }
                _ => direct = false,
            }
            cur = p;
        }
        c
    }

    // -----------------------------------------------------------------------------------------
    // Deferred facts
    // -----------------------------------------------------------------------------------------

    fn finalize(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let bodies = std::mem::take(&mut self.bodies);
        let empty = BodyInfo::default();
        for p in &pending {
            let info = bodies.get(&p.owner.id()).unwrap_or(&empty);
            let module = p.owner.kind() == "module";
            let (mut released, mut returned, mut guard, client_id) = match p.site {
                SiteRef::Client(i) => match self.facts.clients.get(i) {
                    Some(s) => (s.released, s.returned, s.guard, Some(s.client.clone())),
                    None => continue,
                },
                SiteRef::Call(i) => match self.facts.calls.get(i) {
                    Some(s) => (s.released, s.returned, s.guard, None),
                    None => continue,
                },
            };
            let is_release = |m: &str| match &client_id {
                _ if m == CLOSED => true,
                Some(id) if m == WITH => !self.cat.by_id(id).is_some_and(|c| c.with_keeps_open),
                None if m == WITH => true,
                Some(id) => self.cat.is_release(id, m),
                None => GENERIC_RELEASE.contains(&m),
            };
            if let Some(key) = p.key.as_deref() {
                if !released && !p.derived {
                    released = info.releases.iter().any(|(r, m)| r == key && is_release(m));
                }
                if returned == Returned::No && !module {
                    returned = match self.returned_of(info, key) {
                        Returned::Direct if p.derived => Returned::Derived,
                        r => r,
                    };
                }
            }
            if guard == Guard::None && !module {
                if let Some(t) = p.target {
                    guard = self.target_guard(t, info, p.scope_kind);
                }
                if guard == Guard::None
                    && let Some(r) = p.store_recv
                {
                    guard = self.container_guard(r, info, p.scope_kind);
                }
                if guard == Guard::None
                    && let Some(key) = p.key.as_deref()
                {
                    guard = self.stored_guard(info, key, p.scope_kind);
                }
            }
            let args_static = module || p.args.is_none_or(|a| self.args_static(a, info));
            match p.site {
                SiteRef::Client(i) => {
                    if let Some(s) = self.facts.clients.get_mut(i) {
                        s.released = released;
                        s.returned = returned;
                        s.guard = guard;
                        s.anchors.args_are_static = args_static;
                    }
                }
                SiteRef::Call(i) => {
                    if let Some(s) = self.facts.calls.get_mut(i) {
                        s.released = released;
                        s.returned = returned;
                        s.guard = guard;
                    }
                }
            }
        }
        self.finish_configs(&bodies);
        self.finish_sessions(&bodies);
    }

    /// The body facts of a function (or the module) from the nodes the walk gathered:
    /// globals, locals, releases, returns, stores.
    fn body_info(&self, owner: Node<'t>, nodes: &[(Node<'t>, bool)]) -> BodyInfo<'t> {
        let src = self.src;
        let mut info = BodyInfo::default();
        if owner.kind() != "module"
            && let Some(params) = owner.child_by_field_name("parameters")
        {
            for (name, _) in param_names(params, src) {
                info.params.insert(name.to_string());
                info.locals.insert(name.to_string());
            }
        }
        for &(node, nested) in nodes {
            match k(node) {
                K::Call => self.scan_call(node, !nested, &mut info),
                K::WithItem => {
                    if let Some(v) = node.child_by_field_name("value") {
                        let v = if v.kind() == "as_pattern" {
                            v.named_child(0).unwrap_or(v)
                        } else {
                            v
                        };
                        let v = strip(v);
                        if matches!(k(v), K::Identifier | K::Attribute) {
                            info.releases
                                .push((compact(text(v, src)), WITH.to_string()));
                        }
                    }
                }
                _ if nested => {}
                K::Global => {
                    for c in named_children(node) {
                        if k(c) == K::Identifier {
                            info.globals.insert(text(c, src).to_string());
                        }
                    }
                }
                K::Assignment => {
                    if let (Some(l), Some(r)) = (
                        node.child_by_field_name("left"),
                        node.child_by_field_name("right"),
                    ) {
                        info.assigns.push((l, r));
                        bind_targets(l, src, &mut info.locals);
                    }
                }
                K::BindsLeft => {
                    if let Some(l) = node.child_by_field_name("left") {
                        bind_targets(l, src, &mut info.locals);
                    }
                }
                K::AsPatternTarget => bind_targets(node, src, &mut info.locals),
                K::NamedExpr => {
                    if let Some(n) = node.child_by_field_name("name") {
                        info.locals.insert(text(n, src).to_string());
                    }
                }
                K::Return => {
                    let is_yield = node.kind() == "yield";
                    info.is_generator |= is_yield;
                    if let Some(v) = node.named_child(0) {
                        info.returns.push(v);
                        if is_yield {
                            info.yields.insert(v.id());
                        }
                    }
                }
                K::Attribute => {
                    if let (Some(obj), Some(attr)) = (
                        node.child_by_field_name("object"),
                        node.child_by_field_name("attribute"),
                    ) {
                        info.release_refs
                            .push((compact(text(obj, src)), text(attr, src).to_string()));
                    }
                }
                _ => {}
            }
        }
        for g in &info.globals {
            info.locals.remove(g);
        }
        info
    }

    fn scan_call(&self, call: Node<'t>, top: bool, info: &mut BodyInfo<'t>) {
        let src = self.src;
        let Some(f) = call.child_by_field_name("function") else {
            return;
        };
        let method = match f.kind() {
            "attribute" => f.child_by_field_name("attribute").map(|a| text(a, src)),
            "identifier" => Some(text(f, src)),
            _ => None,
        };
        let Some(method) = method else { return };
        match method {
            "enter_context" | "enter_async_context" | "closing" | "aclosing" => {
                if let Some(arg) = call_args(call).0.first().map(|a| strip(*a))
                    && matches!(arg.kind(), "identifier" | "attribute")
                {
                    let how = if method.starts_with("enter") {
                        WITH
                    } else {
                        CLOSED
                    };
                    info.releases
                        .push((compact(text(arg, src)), how.to_string()));
                }
            }
            "setdefault" if top && f.kind() == "attribute" => {
                if let (Some(obj), Some(v)) =
                    (f.child_by_field_name("object"), call_args(call).0.get(1))
                {
                    info.stores.push((obj, *v));
                }
            }
            _ if f.kind() == "attribute" && self.release_names.contains(method) => {
                if let Some(obj) = f.child_by_field_name("object") {
                    info.releases
                        .push((compact(text(obj, src)), method.to_string()));
                }
                info.release_calls.push((call, !top));
            }
            _ => {}
        }
    }

    /// Does the function hand `key` (or something derived from it) to its caller?
    fn returned_of(&self, info: &BodyInfo<'t>, key: &str) -> Returned {
        if info.returns.is_empty() {
            return Returned::No;
        }
        let mut aliases: Vec<String> = vec![key.to_string()];
        let mut derived: Vec<String> = Vec::new();
        for _ in 0..3 {
            let mut changed = false;
            for (l, r) in &info.assigns {
                if l.kind() != "identifier" {
                    continue;
                }
                let name = text(*l, self.src);
                if aliases.iter().chain(&derived).any(|a| a == name) {
                    continue;
                }
                if self.is_exact(*r, &aliases) {
                    aliases.push(name.to_string());
                    changed = true;
                } else if self.mentions(*r, &aliases) || self.mentions(*r, &derived) {
                    derived.push(name.to_string());
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut best = Returned::No;
        for r in &info.returns {
            let v = strip(*r);
            if self.is_exact(v, &aliases) {
                return Returned::Direct;
            }
            if matches!(
                v.kind(),
                "tuple" | "list" | "expression_list" | "dictionary"
            ) {
                for el in named_children(v) {
                    let el = if el.kind() == "pair" {
                        el.child_by_field_name("value").unwrap_or(el)
                    } else {
                        el
                    };
                    if self.is_exact(strip(el), &aliases) {
                        return Returned::Direct;
                    }
                }
            }
            if self.mentions(v, &aliases) || self.mentions(v, &derived) {
                best = Returned::Derived;
            }
        }
        best
    }

    fn is_exact(&self, node: Node, names: &[String]) -> bool {
        let n = strip(node);
        matches!(n.kind(), "identifier" | "attribute" | "subscript") && {
            let t = text(n, self.src);
            names
                .iter()
                .any(|k| k == t || (t.len() > k.len() && compact(t) == *k))
        }
    }

    /// Does an identifier (or attribute path) in `names` occur under `node`?
    fn mentions(&self, node: Node, names: &[String]) -> bool {
        if names.is_empty() {
            return false;
        }
        let mut cursor = node.walk();
        'outer: loop {
            let n = cursor.node();
            let field = cursor.field_name();
            if matches!(k(n), K::Identifier | K::Attribute)
                && field != Some("attribute")
                && field != Some("name")
            {
                let t = text(n, self.src);
                if names.iter().any(|k| k == t) {
                    return true;
                }
            }
            crate::lang::budget::tick();
            if cursor.goto_first_child() {
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    continue 'outer;
                }
                if !cursor.goto_parent() {
                    break 'outer;
                }
            }
        }
        false
    }

    /// The guard given by storing into `target` (`global X` name, `self.x`, module-level state).
    fn target_guard(&self, target: Node, info: &BodyInfo<'t>, kind: ScopeKind) -> Guard {
        let src = self.src;
        match target.kind() {
            "identifier" => {
                if info.globals.contains(text(target, src)) {
                    Guard::ModuleCache
                } else {
                    Guard::None
                }
            }
            "attribute" | "subscript" => {
                let Some(root) = root_ident(target, src) else {
                    return Guard::None;
                };
                let per_request = matches!(kind, ScopeKind::Handler | ScopeKind::Loop);
                if root == "self" || root == "cls" {
                    if per_request {
                        Guard::None
                    } else {
                        Guard::Owner
                    }
                } else if info.globals.contains(root)
                    || (!info.locals.contains(root)
                        && (self.pre.module_names.contains(root)
                            || self.pre.imports.contains_key(root)))
                {
                    Guard::ModuleCache
                } else if info.params.contains(root) && !per_request {
                    Guard::Owner
                } else {
                    Guard::None
                }
            }
            _ => Guard::None,
        }
    }

    /// The guard given by storing into the container `recv` (`_cache.setdefault(k, …)`).
    fn container_guard(&self, recv: Node, info: &BodyInfo<'t>, kind: ScopeKind) -> Guard {
        if recv.kind() != "identifier" {
            return self.target_guard(recv, info, kind);
        }
        let name = text(recv, self.src);
        let module_level =
            self.pre.module_names.contains(name) || self.pre.imports.contains_key(name);
        if info.globals.contains(name) || (module_level && !info.locals.contains(name)) {
            Guard::ModuleCache
        } else if (name == "self" || name == "cls" || info.params.contains(name))
            && !matches!(kind, ScopeKind::Handler | ScopeKind::Loop)
        {
            Guard::Owner
        } else {
            Guard::None
        }
    }

    /// The guard given by later storing the binding: `_engines[k] = engine`, `self.x = engine`.
    fn stored_guard(&self, info: &BodyInfo<'t>, key: &str, kind: ScopeKind) -> Guard {
        let names = [key.to_string()];
        for (l, r) in &info.assigns {
            if (l.kind() != "identifier" || info.globals.contains(text(*l, self.src)))
                && self.is_exact(*r, &names)
                && compact(text(*l, self.src)) != key
            {
                let g = self.target_guard(*l, info, kind);
                if g != Guard::None {
                    return g;
                }
            }
        }
        for (recv, v) in &info.stores {
            if self.is_exact(*v, &names) {
                let g = self.container_guard(*recv, info, kind);
                if g != Guard::None {
                    return g;
                }
            }
        }
        Guard::None
    }

    /// No identifier in the arguments is a parameter or a local of the function.
    fn args_static(&self, args: Node, info: &BodyInfo<'t>) -> bool {
        let mut cursor = args.walk();
        'outer: loop {
            let n = cursor.node();
            let field = cursor.field_name();
            if n.kind() == "identifier" && field != Some("attribute") && field != Some("name") {
                let t = text(n, self.src);
                if info.locals.contains(t) && !info.globals.contains(t) {
                    return false;
                }
            }
            crate::lang::budget::tick();
            if cursor.goto_first_child() {
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    continue 'outer;
                }
                if !cursor.goto_parent() {
                    break 'outer;
                }
            }
        }
        true
    }
}

// ---------------------------------------------------------------------------------------------
// Options, URLs (`client_configs`, `urls`)
// ---------------------------------------------------------------------------------------------

/// Keyword arguments that carry a connection URL.
const URL_KEYWORDS: &[&str] = &[
    "url",
    "dsn",
    "uri",
    "conninfo",
    "database_url",
    "db_url",
    "connection_string",
    "connection_url",
    "host",
];

/// Functions that read an environment variable, by qualified name: the variable is the first
/// argument (`os.getenv("DATABASE_URL")`, python-decouple's `config("DATABASE_URL")`).
const ENV_CALLS: &[&str] = &[
    "os.getenv",
    "os.environ.get",
    "os.environ.setdefault",
    "decouple.config",
];

/// Methods that keep a URL what it is (`os.environ["DATABASE_URL"].replace("postgres://",
/// "postgresql://")`, pydantic's `settings.DATABASE_URL.unicode_string()`).
const URL_PASSTHROUGH: &[&str] = &[
    "replace",
    "strip",
    "rstrip",
    "lstrip",
    "unicode_string",
    "get_secret_value",
    "render_as_string",
];

/// How deep names are followed (`URL = DATABASE_URL`, `DATABASE_URL = os.getenv(…)`).
const MAX_FOLLOW: u8 = 8;

/// Where the names of a construction's arguments are looked up: the body of the function that
/// holds it (`None`: module level), and the offset before which assignments count.
#[derive(Clone, Copy)]
struct Ctx<'b, 't> {
    info: Option<&'b BodyInfo<'t>>,
    before: usize,
    depth: u8,
}

/// What a name holds where it is used.
enum Lookup<'t> {
    /// The right sides of the assignments that may reach the use; `true`: module level.
    Values(Vec<Node<'t>>, bool),
    /// A parameter, or a local bound by something else than a plain assignment.
    Opaque,
    /// Not bound in this file (imported, a builtin, a class or function name).
    Unbound,
}

/// Through parentheses.
fn unparen(node: Node) -> Node {
    let mut cur = node;
    while cur.kind() == "parenthesized_expression" {
        match cur.named_child(0) {
            Some(inner) => cur = inner,
            None => break,
        }
    }
    cur
}

/// The right side of `a = b = value`.
fn rhs(node: Node) -> Node {
    let mut cur = node;
    while cur.kind() == "assignment" {
        match cur.child_by_field_name("right") {
            Some(r) => cur = r,
            None => break,
        }
    }
    cur
}

/// The text of a plain string literal (no f-string, no bytes) and its span without quotes.
fn plain_string(node: Node, src: &str) -> Option<(String, Span)> {
    if node.kind() != "string" {
        return None;
    }
    let mut start = None;
    let mut end = None;
    let mut cursor = node.walk();
    for c in node.children(&mut cursor) {
        match c.kind() {
            "string_start" => start = Some(c),
            "string_end" => end = Some(c),
            "interpolation" => return None,
            _ => {}
        }
    }
    let (start, end) = (start?, end?);
    if text(start, src)
        .chars()
        .any(|c| matches!(c, 'f' | 'F' | 'b' | 'B' | 't' | 'T'))
    {
        return None;
    }
    let sp = Span::new(start.end_byte(), end.start_byte().max(start.end_byte()));
    Some((src.get(sp.range())?.to_string(), sp))
}

/// A Python integer literal (`20`, `20_000`, `0x10`).
fn parse_int(t: &str) -> Option<i64> {
    let t: String = t.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = lower.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else {
        lower.parse().ok()
    }
}

/// A name that holds settings (`settings`, `config`, `app_settings`, `Config`, `cfg`).
fn settings_name(name: &str) -> bool {
    let l = name.trim_start_matches('_').to_ascii_lowercase();
    l.ends_with("settings") || l.ends_with("config") || matches!(l.as_str(), "conf" | "cfg")
}

/// An environment variable name that reads like a URL (`DATABASE_URL`, `MONGO_URI`, `PG_DSN`).
fn url_like_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    u.contains("URL") || u.contains("URI") || u.contains("DSN")
}

/// Two URL references name the same thing (spans aside).
fn same_url(a: &UrlRef, b: &UrlRef) -> bool {
    match (a, b) {
        (UrlRef::Literal { text: x, .. }, UrlRef::Literal { text: y, .. }) => x == y,
        (UrlRef::Env { name: x, .. }, UrlRef::Env { name: y, .. }) => x == y,
        _ => false,
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// A string literal that is a connection URL (`urls`), with the variable it is assigned to.
    fn on_string(&mut self, node: Node<'t>) {
        let src = self.src;
        if !text(node, src).contains("://")
            || node
                .parent()
                .is_some_and(|p| p.kind() == "concatenated_string")
        {
            return;
        }
        let Some((url, sp)) = plain_string(node, src) else {
            return;
        };
        // Templates (`'postgresql://{}@db'.format(…)`, `'…%s…' % x`) are not URLs.
        if url.contains(char::is_whitespace)
            || url.contains(['{', '}'])
            || url.contains("%s")
            || url.contains("%(")
            || !is_connection_url(&url)
        {
            return;
        }
        let var = self.url_var(node);
        self.facts.urls.push(ConnUrl {
            var,
            text: url,
            span: sp,
        });
    }

    /// The variable a URL literal is assigned to (`DATABASE_URL = "postgres://…"`; a field of a
    /// pydantic settings class, upper-cased), or the environment variable it is the default of
    /// (`os.getenv("DATABASE_URL", "postgres://…")`).
    fn url_var(&self, node: Node<'t>) -> Option<String> {
        let src = self.src;
        let up = |n: Node<'t>| {
            let mut cur = n;
            while let Some(p) = cur
                .parent()
                .filter(|p| p.kind() == "parenthesized_expression")
            {
                cur = p;
            }
            cur
        };
        let mut cur = up(node);
        let mut env = None;
        if let Some(args) = cur.parent().filter(|p| p.kind() == "argument_list")
            && let Some(call) = args.parent()
            && call.kind() == "call"
            && call
                .child_by_field_name("function")
                .is_some_and(|f| self.is_env_callee(f))
        {
            let (positional, _) = call_args(call);
            if positional.first() != Some(&cur) {
                env = positional
                    .first()
                    .and_then(|a| plain_string(*a, src))
                    .map(|(name, _)| name);
                cur = up(call);
            }
        }
        let assigned = cur
            .parent()
            .filter(|p| p.kind() == "assignment" && p.child_by_field_name("right") == Some(cur))
            .and_then(|a| {
                let left = a.child_by_field_name("left")?;
                if left.kind() != "identifier" {
                    return None;
                }
                let name = text(left, src);
                let in_settings_class = a
                    .parent()
                    .filter(|p| p.kind() == "expression_statement")
                    .and_then(|p| p.parent())
                    .filter(|b| b.kind() == "block")
                    .and_then(|b| b.parent())
                    .filter(|c| c.kind() == "class_definition")
                    .and_then(|c| c.child_by_field_name("superclasses"))
                    .is_some_and(|sup| {
                        named_children(sup).into_iter().any(|b| {
                            dotted(b, src)
                                .and_then(|segs| segs.last().copied())
                                .is_some_and(|l| l.ends_with("Settings"))
                        })
                    });
                Some(if in_settings_class {
                    name.to_ascii_uppercase()
                } else {
                    name.to_string()
                })
            });
        assigned.or(env)
    }

    /// The qualified name of a dotted expression through the file's imports
    /// (`environ.get` after `from os import environ` → `os.environ.get`).
    fn qualify(&self, node: Node) -> Option<String> {
        let segs = dotted(node, self.src)?;
        let (first, rest) = segs.split_first()?;
        let imp = self.pre.imports.get(*first)?;
        if imp.level > 0 {
            return None;
        }
        let mut q = imp.path.clone();
        for s in rest {
            q.push('.');
            q.push_str(s);
        }
        Some(q)
    }

    fn is_env_callee(&self, func: Node) -> bool {
        self.qualify(func)
            .is_some_and(|q| ENV_CALLS.contains(&q.as_str()))
    }

    /// A builtin (`str`, `dict`) that the file does not shadow.
    fn is_builtin(&self, node: Node, name: &str) -> bool {
        node.kind() == "identifier"
            && text(node, self.src) == name
            && !self.pre.imports.contains_key(name)
            && !self.pre.local_fns.contains(name)
            && !self.pre.module_names.contains(name)
    }

    /// `settings.DATABASE_URL`, `config.database_url`, `get_settings().DATABASE_URL`,
    /// `self.settings.db_url`: the attribute's name, upper-cased (pydantic settings read the
    /// environment variable of that name).
    fn settings_attr(&self, node: Node) -> Option<String> {
        if node.kind() != "attribute" {
            return None;
        }
        let src = self.src;
        let attr = text(node.child_by_field_name("attribute")?, src);
        let obj = unparen(node.child_by_field_name("object")?);
        let holder = match obj.kind() {
            "identifier" => settings_name(text(obj, src)),
            "attribute" => obj
                .child_by_field_name("attribute")
                .is_some_and(|a| settings_name(text(a, src))),
            "call" => obj
                .child_by_field_name("function")
                .and_then(|f| dotted(f, src))
                .and_then(|segs| segs.last().copied())
                .is_some_and(settings_name),
            _ => false,
        };
        holder.then(|| attr.to_ascii_uppercase())
    }

    /// An environment lookup: `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X", d)`,
    /// `settings.X`.
    fn env_ref(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> Option<UrlRef> {
        let name = match node.kind() {
            "attribute" => self.settings_attr(node)?,
            "subscript" => {
                let value = node.child_by_field_name("value")?;
                if self.qualify(value).as_deref() != Some("os.environ") {
                    return None;
                }
                let key = node.child_by_field_name("subscript")?;
                match self.eval_value(key, ctx) {
                    OptValue::Str(s) => s,
                    _ => return None,
                }
            }
            "call" => {
                let func = node.child_by_field_name("function")?;
                if !self.is_env_callee(func) {
                    return None;
                }
                let (positional, keywords) = call_args(node);
                let key = positional
                    .first()
                    .copied()
                    .or_else(|| keyword(&keywords, "key", self.src))?;
                match self.eval_value(key, ctx) {
                    OptValue::Str(s) => s,
                    _ => return None,
                }
            }
            _ => return None,
        };
        (!name.is_empty()).then(|| UrlRef::Env {
            name,
            span: span(node),
        })
    }

    /// What `name` holds at `ctx`.
    fn lookup(&self, name: &str, ctx: Ctx<'_, 't>) -> Lookup<'t> {
        let src = self.src;
        if let Some(info) = ctx.info
            && info.locals.contains(name)
        {
            let values: Vec<Node<'t>> = info
                .assigns
                .iter()
                .filter(|(l, _)| {
                    l.kind() == "identifier" && text(*l, src) == name && l.start_byte() < ctx.before
                })
                .map(|(_, r)| rhs(*r))
                .collect();
            return if values.is_empty() {
                Lookup::Opaque
            } else {
                Lookup::Values(values, false)
            };
        }
        let limit = if ctx.info.is_some() {
            usize::MAX
        } else {
            ctx.before
        };
        let values: Vec<Node<'t>> = self
            .pre
            .consts
            .get(name)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|r| r.start_byte() < limit)
                    .collect()
            })
            .unwrap_or_default();
        if values.is_empty() {
            Lookup::Unbound
        } else {
            Lookup::Values(values, true)
        }
    }

    /// The assignments of `name` worth following, with the context to read each in: an
    /// assignment that derives the name from itself (`URL = URL.replace(…)`) keeps what it had.
    /// `Err(true)`: bound, but not to anything connlint can follow (a parameter, a loop variable,
    /// too deep); `Err(false)`: not bound in this file.
    #[allow(clippy::type_complexity)]
    fn reaching<'b>(
        &self,
        name: &str,
        ctx: Ctx<'b, 't>,
    ) -> Result<Vec<(Node<'t>, Ctx<'b, 't>)>, bool> {
        if ctx.depth >= MAX_FOLLOW {
            return Err(true);
        }
        let (values, module) = match self.lookup(name, ctx) {
            Lookup::Values(v, m) => (v, m),
            Lookup::Opaque => return Err(true),
            Lookup::Unbound => return Err(false),
        };
        let names = [name.to_string()];
        let own: Vec<Node<'t>> = values
            .into_iter()
            .filter(|v| !self.mentions(*v, &names))
            .collect();
        if own.is_empty() {
            return Err(true);
        }
        Ok(own
            .into_iter()
            .map(|v| {
                (
                    v,
                    Ctx {
                        info: if module { None } else { ctx.info },
                        before: v.start_byte(),
                        depth: ctx.depth + 1,
                    },
                )
            })
            .collect())
    }

    /// The value of an option, following names to their assignments.
    fn eval_value(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> OptValue {
        let src = self.src;
        let node = unparen(node);
        match node.kind() {
            "integer" => parse_int(text(node, src)).map_or(OptValue::Unknown, OptValue::Int),
            "unary_operator" => {
                let op = node.child_by_field_name("operator").map(|o| text(o, src));
                let arg = node.child_by_field_name("argument").map(unparen);
                match (op, arg) {
                    (Some(op @ ("-" | "+")), Some(a)) if a.kind() == "integer" => {
                        match parse_int(text(a, src)) {
                            Some(n) if op == "-" => OptValue::Int(-n),
                            Some(n) => OptValue::Int(n),
                            None => OptValue::Unknown,
                        }
                    }
                    _ => OptValue::Unknown,
                }
            }
            "true" => OptValue::Bool(true),
            "false" => OptValue::Bool(false),
            "none" => OptValue::Null,
            "string" => {
                plain_string(node, src).map_or(OptValue::Unknown, |(s, _)| OptValue::Str(s))
            }
            "concatenated_string" => {
                let mut joined = String::new();
                for part in named_children(node) {
                    match plain_string(part, src) {
                        Some((s, _)) => joined.push_str(&s),
                        None => return OptValue::Unknown,
                    }
                }
                OptValue::Str(joined)
            }
            "identifier" => {
                let name = text(node, src);
                match self.reaching(name, ctx) {
                    Ok(values) => {
                        let mut out: Option<OptValue> = None;
                        for (v, c) in values {
                            let val = self.eval_value(v, c);
                            match &out {
                                None => out = Some(val),
                                Some(prev) if *prev == val => {}
                                Some(_) => return OptValue::Unknown,
                            }
                        }
                        out.unwrap_or(OptValue::Unknown)
                    }
                    Err(true) => OptValue::Unknown,
                    Err(false) => {
                        let known = self.pre.imports.contains_key(name)
                            || self.pre.module_names.contains(name)
                            || name.starts_with(|c: char| c.is_ascii_uppercase());
                        if known {
                            OptValue::Name(name.to_string())
                        } else {
                            OptValue::Unknown
                        }
                    }
                }
            }
            "attribute" if self.settings_attr(node).is_none() => {
                let Some(segs) = dotted(node, src) else {
                    return OptValue::Unknown;
                };
                let (Some(first), Some(last)) = (segs.first(), segs.last()) else {
                    return OptValue::Unknown;
                };
                if self.pre.imports.contains_key(*first)
                    || last.starts_with(|c: char| c.is_ascii_uppercase())
                {
                    OptValue::Name((*last).to_string())
                } else {
                    OptValue::Unknown
                }
            }
            _ => OptValue::Unknown,
        }
    }

    /// The entries of a mapping written as a dict literal, `dict(k=v)`, or a name bound to one:
    /// `(key, value, where to read the value)`.
    #[allow(clippy::type_complexity)]
    fn mapping_of<'b>(
        &self,
        node: Node<'t>,
        ctx: Ctx<'b, 't>,
    ) -> Option<Vec<(String, Node<'t>, Ctx<'b, 't>)>> {
        let src = self.src;
        let node = unparen(node);
        match node.kind() {
            "dictionary" => {
                let mut out = Vec::new();
                for c in named_children(node) {
                    match c.kind() {
                        "pair" => {
                            if let (Some(k), Some(v)) =
                                (c.child_by_field_name("key"), c.child_by_field_name("value"))
                                && let Some((key, _)) = plain_string(unparen(k), src)
                            {
                                out.push((key, v, ctx));
                            }
                        }
                        "dictionary_splat" => {
                            if let Some(inner) = c.named_child(0)
                                && let Some(more) = self.mapping_of(inner, ctx)
                            {
                                out.extend(more);
                            }
                        }
                        _ => {}
                    }
                }
                Some(out)
            }
            "call" => {
                let func = node.child_by_field_name("function")?;
                if !self.is_builtin(func, "dict") {
                    return None;
                }
                let (positional, keywords) = call_args(node);
                let mut out = match positional.first() {
                    Some(p) => self.mapping_of(*p, ctx)?,
                    None => Vec::new(),
                };
                for (k, v) in keywords {
                    out.push((text(k, src).to_string(), v, ctx));
                }
                Some(out)
            }
            "identifier" => {
                let values = self.reaching(text(node, src), ctx).ok()?;
                match values.as_slice() {
                    [(v, c)] => self.mapping_of(*v, *c),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Where a URL argument comes from: a string literal, an environment lookup, or a name bound
    /// to one of those. f-strings, `.format()` and arithmetic give nothing.
    fn url_of(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> Option<UrlRef> {
        let src = self.src;
        let node = unparen(node);
        match node.kind() {
            "string" => {
                let (t, sp) = plain_string(node, src)?;
                t.contains("://")
                    .then_some(UrlRef::Literal { text: t, span: sp })
            }
            "identifier" => {
                let values = self.reaching(text(node, src), ctx).ok()?;
                let mut out: Option<UrlRef> = None;
                for (v, c) in values {
                    let u = self.url_of(v, c)?;
                    match &out {
                        None => out = Some(u),
                        Some(prev) if same_url(prev, &u) => {}
                        Some(_) => return None,
                    }
                }
                out
            }
            "attribute" | "subscript" => self.env_ref(node, ctx),
            // `os.getenv("DATABASE_URL") or DEFAULT_URL`: the environment wins when it is set.
            "boolean_operator"
                if node
                    .child_by_field_name("operator")
                    .is_some_and(|o| text(o, src) == "or") =>
            {
                let left = node.child_by_field_name("left")?;
                let right = node.child_by_field_name("right")?;
                self.url_of(left, ctx).or_else(|| self.url_of(right, ctx))
            }
            "call" => {
                if let Some(env) = self.env_ref(node, ctx) {
                    return Some(env);
                }
                let func = node.child_by_field_name("function")?;
                if self.is_builtin(func, "str") {
                    let (positional, _) = call_args(node);
                    return self.url_of(*positional.first()?, ctx);
                }
                if func.kind() == "attribute"
                    && func
                        .child_by_field_name("attribute")
                        .is_some_and(|m| URL_PASSTHROUGH.contains(&text(m, src)))
                {
                    return self.url_of(func.child_by_field_name("object")?, ctx);
                }
                None
            }
            _ => None,
        }
    }

    /// An option (a keyword argument or a mapping entry), nested mappings flattened with `.`.
    fn push_option(
        &self,
        key: String,
        value: Node<'t>,
        ctx: Ctx<'_, 't>,
        out: &mut Vec<OptionFact>,
        nesting: u8,
    ) {
        if nesting < 4
            && let Some(entries) = self.mapping_of(value, ctx)
        {
            for (k, v, c) in entries {
                self.push_option(format!("{key}.{k}"), v, c, out, nesting + 1);
            }
            return;
        }
        out.push(OptionFact {
            key,
            value: self.eval_value(value, ctx),
            span: span(unparen(value)),
        });
    }

    /// The options and URL written at a construction.
    fn client_config(&self, client: usize, call: Node<'t>, ctx: Ctx<'_, 't>) -> ClientConfig {
        let src = self.src;
        let (positional, keywords) = call_args(call);
        let mut options = Vec::new();
        for (k, v) in &keywords {
            self.push_option(text(*k, src).to_string(), *v, ctx, &mut options, 0);
        }
        // `create_engine(url, **ENGINE_OPTIONS)`.
        if let Some(args) = call.child_by_field_name("arguments") {
            for a in named_children(args) {
                if a.kind() == "dictionary_splat"
                    && let Some(inner) = a.named_child(0)
                    && let Some(entries) = self.mapping_of(inner, ctx)
                {
                    for (k, v, c) in entries {
                        self.push_option(k, v, c, &mut options, 0);
                    }
                }
            }
        }
        let url_like = |u: &UrlRef| match u {
            UrlRef::Literal { .. } => true,
            UrlRef::Env { name, .. } => url_like_var(name),
        };
        // The first positional argument, or a later one that reads like a URL
        // (`SimpleConnectionPool(1, 10, DATABASE_URL)`), or `url=` / `dsn=` / `host="mongodb://…"`.
        let url = positional
            .iter()
            .enumerate()
            .find_map(|(i, a)| self.url_of(*a, ctx).filter(|u| i == 0 || url_like(u)))
            .or_else(|| {
                keywords.iter().find_map(|(k, v)| {
                    let key = text(*k, src);
                    URL_KEYWORDS
                        .contains(&key)
                        .then(|| self.url_of(*v, ctx))
                        .flatten()
                        .filter(|u| key != "host" || url_like(u))
                })
            });
        ClientConfig {
            client,
            options,
            url,
        }
    }

    fn finish_configs(&mut self, bodies: &HashMap<usize, BodyInfo<'t>>) {
        let pending = std::mem::take(&mut self.config_pending);
        for (client, call, owner) in pending {
            let info = if owner.kind() == "module" {
                None
            } else {
                bodies.get(&owner.id())
            };
            let ctx = Ctx {
                info,
                before: call.start_byte(),
                depth: 0,
            };
            let config = self.client_config(client, call, ctx);
            if !config.options.is_empty() || config.url.is_some() {
                self.facts.client_configs.push(config);
            }
        }
    }
}

/// `Depends(f)` / `Security(f)` calls under a node: `(call, f)`.
fn depends_calls<'t>(node: Node<'t>, src: &str) -> Vec<(Node<'t>, Node<'t>)> {
    let mut out = Vec::new();
    let mut cursor = node.walk();
    'outer: loop {
        let n = cursor.node();
        if n.kind() == "call"
            && let Some(f) = n.child_by_field_name("function")
            && let Some(segs) = dotted(f, src)
            && matches!(segs.last(), Some(&"Depends") | Some(&"Security"))
        {
            let (positional, keywords) = call_args(n);
            if let Some(arg) = positional
                .first()
                .copied()
                .or_else(|| keyword(&keywords, "dependency", src))
            {
                out.push((n, arg));
            }
        }
        crate::lang::budget::tick();
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                continue 'outer;
            }
            if !cursor.goto_parent() {
                break 'outer;
            }
        }
    }
    out
}

/// Framework tags are a closed set of static strings; map an owned tag back to it.
fn static_tag(tag: &str) -> &'static str {
    const TAGS: &[&str] = &[
        "fastapi",
        "flask",
        "django",
        "celery",
        "lambda",
        "aiohttp",
        "starlette",
        "startup",
        "test",
    ];
    TAGS.iter()
        .find(|t| **t == tag)
        .copied()
        .unwrap_or("startup")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::Catalog;
    use crate::facts::ClientKind;
    use crate::project::Project;

    fn facts_with(rel: &str, src: &str, deps: &[&str]) -> FileFacts {
        let file = SourceFile::in_memory(rel, src, Arc::new(Project::with_deps(deps)))
            .expect("a .py path");
        extract(&file, &Catalog::builtin().expect("catalogue").py).expect("facts")
    }

    fn facts(rel: &str, src: &str) -> FileFacts {
        facts_with(
            rel,
            src,
            &[
                "fastapi",
                "sqlalchemy",
                "pymongo",
                "redis",
                "httpx",
                "boto3",
                "celery",
            ],
        )
    }

    fn client<'f>(f: &'f FileFacts, ctor: &str) -> &'f ClientSite {
        f.clients
            .iter()
            .find(|c| c.ctor == ctor)
            .unwrap_or_else(|| panic!("no client {ctor} in {:#?}", f.clients))
    }

    fn call<'f>(f: &'f FileFacts, name: &str) -> &'f CallSite {
        f.calls
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no call {name} in {:#?}", f.calls))
    }

    fn func<'f>(f: &'f FileFacts, name: &str) -> &'f FnFact {
        f.functions
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no fn {name}"))
    }

    #[test]
    fn grammar_loads_and_parses() {
        let mut parser = new_parser().expect("tree-sitter-python loads with tree-sitter 0.27");
        assert!(parser.parse("x = 1\n", None).is_some());
        assert!(parses_cleanly("def f(x):\n    return x\n"));
        assert!(!parses_cleanly("def f(:\n    return x\n"));
        assert!(!parses_cleanly("d = {'a': 1 'b': 2}\n"));
    }

    #[test]
    fn seed_engine_in_fastapi_router() {
        let src = "\
from fastapi import APIRouter
from sqlalchemy.ext.asyncio import create_async_engine
from app.config import settings

router = APIRouter(prefix='/users')

@router.get('/')
async def list_users():
    engine = create_async_engine(settings.DATABASE_URL, pool_size=20, max_overflow=30)
    return []
";
        let f = facts("app/routers/users.py", src);
        let c = client(&f, "create_async_engine()");
        assert_eq!(c.client, "sqlalchemy-engine");
        assert_eq!(c.kind, ClientKind::Pool);
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert_eq!(c.scope.framework(), "fastapi");
        assert_eq!(c.scope.name.as_deref(), Some("list_users"));
        assert_eq!(c.guard, Guard::None);
        assert_eq!(c.binding.as_deref(), Some("engine"));
        assert!(!c.released);
        assert_eq!(c.returned, Returned::No);
        assert_eq!(
            f.function(c.in_fn).map(|x| x.name.as_str()),
            Some("list_users")
        );
        assert!(c.anchors.args_are_static);
        let cfg = &f.client_configs[0];
        assert_eq!(cfg.client, 0);
        assert_eq!(
            cfg.options
                .iter()
                .map(|o| (o.key.as_str(), o.value.as_int()))
                .collect::<Vec<_>>(),
            vec![("pool_size", Some(20)), ("max_overflow", Some(30))]
        );
        let Some(UrlRef::Env { name, span }) = &cfg.url else {
            panic!("{:?}", cfg.url)
        };
        assert_eq!(name, "DATABASE_URL");
        assert_eq!(&src[span.range()], "settings.DATABASE_URL");
        assert_eq!(
            f.imports,
            vec![
                ModuleRef {
                    candidates: vec!["app/config".into(), "src/app/config".into()]
                },
                ModuleRef {
                    candidates: vec![
                        "app/config/settings".into(),
                        "src/app/config/settings".into()
                    ]
                },
            ]
        );
        let stmt = c.anchors.statement.expect("statement");
        assert!(src[stmt.range()].starts_with("engine = create_async_engine("));
        let insert = c.anchors.module_insert.expect("insert") as usize;
        assert!(src[..insert].ends_with("from app.config import settings\n"));
        assert!(f.syntax_errors.is_empty());
    }

    #[test]
    fn identity_follows_imports() {
        let f = facts(
            "app/db.py",
            "\
import sqlalchemy as sa
import redis.asyncio as aioredis
import mysql.connector
from sqlalchemy.ext.asyncio import create_async_engine as cae
from psycopg2 import pool
from mylib import create_engine

a = sa.create_engine(URL)
b = cae(URL)
c = aioredis.from_url(URL)
d = create_engine(URL)
e = pool.ThreadedConnectionPool(1, 10, DSN)
g = mysql.connector.connect(host='db')
",
        );
        let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
        assert_eq!(
            ids,
            [
                "sqlalchemy-engine",
                "sqlalchemy-engine",
                "redis-py",
                "psycopg2-pool",
                "mysql-connector-connection"
            ]
        );
        assert_eq!(f.clients[0].ctor, "sa.create_engine()");
        assert!(
            f.clients
                .iter()
                .all(|c| c.scope.kind == ScopeKind::Module && c.in_fn.is_none())
        );
    }

    #[test]
    fn a_local_function_shadows_nothing_it_did_not_import() {
        let f = facts(
            "app/x.py",
            "def MongoClient(uri):\n    return uri\n\ndef view():\n    return MongoClient('x')\n",
        );
        assert!(f.clients.is_empty());
        assert_eq!(call(&f, "MongoClient").module, None);
    }

    #[test]
    fn wildcard_and_local_imports() {
        let f = facts(
            "app/views.py",
            "from sqlalchemy import *\n\ndef report(request):\n    import redis\n    r = redis.Redis()\n    e = create_engine(URL)\n",
        );
        assert_eq!(client(&f, "redis.Redis()").scope.kind, ScopeKind::Handler);
        assert_eq!(client(&f, "create_engine()").scope.framework(), "django");
    }

    #[test]
    fn requests_get_is_not_a_client_but_httpx_get_is_throwaway() {
        let f = facts(
            "app/main.py",
            "import httpx, requests\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get('/')\ndef h():\n    requests.get(U)\n    s = requests.Session()\n    return httpx.get(U).json()\n",
        );
        assert_eq!(f.clients.len(), 2);
        assert_eq!(client(&f, "requests.Session()").kind, ClientKind::Client);
        let t = client(&f, "httpx.get()");
        assert_eq!(t.kind, ClientKind::Throwaway);
        assert_eq!(t.returned, Returned::Derived);
        assert!(f.calls.is_empty(), "{:?}", f.calls);
    }

    #[test]
    fn depends_is_a_call_from_the_handler() {
        let src = "\
from typing import Annotated
from fastapi import Depends, FastAPI
from sqlalchemy import create_engine
from app.deps import get_session

app = FastAPI()
SessionDep = Annotated[object, Depends(get_session)]

def get_engine():
    return create_engine(URL)

@app.get('/reports')
def reports(engine = Depends(get_engine), s: SessionDep = None, t: Annotated[int, Depends(get_session)] = 0):
    return 1
";
        let f = facts("app/main.py", src);
        let factory = client(&f, "create_engine()");
        assert_eq!(factory.scope.kind, ScopeKind::Function);
        assert_eq!(factory.returned, Returned::Direct);
        let c = call(&f, "get_engine");
        assert_eq!(c.module, None);
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert_eq!(c.binding.as_deref(), Some("engine"));
        assert_eq!(&src[c.span.range()], "Depends(get_engine)");
        let sessions: Vec<&CallSite> = f.calls.iter().filter(|c| c.name == "get_session").collect();
        assert_eq!(sessions.len(), 2);
        assert!(sessions.iter().all(|c| {
            c.scope.kind == ScopeKind::Handler
                && c.module
                    .as_ref()
                    .is_some_and(|m| m.candidates[0] == "app/deps")
        }));
        assert!(
            sessions
                .iter()
                .any(|c| &src[c.span.range()] == "SessionDep")
        );
    }

    #[test]
    fn factory_calls_across_modules() {
        let src = "\
from flask import Blueprint
from shop.db import get_client
from shop import db
from ..db import get_engine
from . import helpers
from fastapi import FastAPI
import os

bp = Blueprint('p', __name__)

@bp.route('/')
def index():
    a = get_client()
    b = db.get_client()
    c = get_engine()
    helpers.build()
    os.getenv('X')
    FastAPI()
    return a
";
        let f = facts_with("shop/views/products.py", src, &["flask"]);
        let a = &f.calls[0];
        assert_eq!(
            (a.callee.as_str(), a.name.as_str()),
            ("get_client", "get_client")
        );
        assert_eq!(
            a.module.as_ref().map(|m| m.candidates[0].as_str()),
            Some("shop/db")
        );
        assert_eq!(a.scope.framework(), "flask");
        assert_eq!(a.returned, Returned::Direct);
        let b = &f.calls[1];
        assert_eq!(b.callee, "db.get_client");
        assert_eq!(
            b.module.as_ref().map(|m| m.candidates[0].as_str()),
            Some("shop/db")
        );
        let c = call(&f, "get_engine");
        assert_eq!(
            c.module.as_ref().map(|m| m.candidates.clone()),
            Some(vec!["shop/db".to_string()])
        );
        let h = call(&f, "build");
        assert_eq!(
            h.module.as_ref().map(|m| m.candidates[0].as_str()),
            Some("shop/views/helpers")
        );
        assert_eq!(f.calls.len(), 4, "{:?}", f.calls);
    }

    #[test]
    fn object_methods_and_classes_are_not_factory_calls() {
        let f = facts(
            "app/main.py",
            "from app.repo import users, AuditLog\nfrom app.models import User\nfrom . import views\n\ndef h():\n    users.get(1)\n    users.db.find()\n    AuditLog.client()\n    User(name='x')\n    views.UserView.as_view()\n",
        );
        assert_eq!(f.calls.len(), 1, "{:?}", f.calls);
        assert_eq!(f.calls[0].callee, "users.get");
    }

    #[test]
    fn memo_and_module_caches_guard() {
        let src = "\
import functools
from functools import lru_cache
from pymongo import MongoClient
from sqlalchemy import create_engine

_engine = None
_clients = {}
_engines: dict = {}

@lru_cache(maxsize=1)
def get_engine():
    return create_engine(URL)

@functools.cache
def get_mongo():
    return MongoClient(URI)

def lazy():
    global _engine
    if _engine is None:
        _engine = create_engine(URL)
    return _engine

def per_tenant(t):
    if t not in _clients:
        _clients[t] = MongoClient(t)
    return _clients[t]

def via_setdefault(url):
    return _engines.setdefault(url, create_engine(url))

def stored(url):
    engine = create_engine(url)
    _engines[url] = engine
    return engine

def shadowed(url):
    _clients = {}
    _clients[url] = MongoClient(url)

def no_global():
    _engine = create_engine(URL)
    return _engine
";
        let f = facts("app/db.py", src);
        let g: Vec<(Guard, Returned)> = f.clients.iter().map(|c| (c.guard, c.returned)).collect();
        assert_eq!(
            g,
            [
                (Guard::Memo, Returned::Direct),
                (Guard::Memo, Returned::Direct),
                (Guard::ModuleCache, Returned::Direct),
                (Guard::ModuleCache, Returned::Direct),
                (Guard::ModuleCache, Returned::Derived),
                (Guard::ModuleCache, Returned::Direct),
                (Guard::None, Returned::No),
                (Guard::None, Returned::Direct),
            ]
        );
        assert_eq!(func(&f, "get_engine").guard, Guard::Memo);
        assert_eq!(func(&f, "get_mongo").guard, Guard::Memo);
        assert_eq!(func(&f, "lazy").guard, Guard::None);
        assert!(
            f.clients
                .iter()
                .all(|c| c.scope.kind == ScopeKind::Function)
        );
    }

    #[test]
    fn owners_are_self_and_parameters_but_not_in_handlers() {
        let src = "\
from django.views import View
from pymongo import MongoClient

class Repo:
    def __init__(self, uri):
        self._client = MongoClient(uri)

    @classmethod
    def shared(cls):
        cls._client = MongoClient(URI)
        return cls._client

async def on_startup(app):
    app['mongo'] = MongoClient(URI)

class Detail(View):
    def get(self, request, pk):
        self.client = MongoClient(URI)
        return None
";
        let f = facts_with("shop/views.py", src, &["django", "pymongo"]);
        let g: Vec<(Guard, ScopeKind)> =
            f.clients.iter().map(|c| (c.guard, c.scope.kind)).collect();
        assert_eq!(
            g,
            [
                (Guard::Owner, ScopeKind::Function),
                (Guard::Owner, ScopeKind::Function),
                (Guard::Owner, ScopeKind::Function),
                (Guard::None, ScopeKind::Handler),
            ]
        );
        assert_eq!(f.clients[1].returned, Returned::Direct);
        assert_eq!(f.clients[3].scope.framework(), "django");
        assert_eq!(f.clients[3].scope.name.as_deref(), Some("get"));
        assert!(!func(&f, "__init__").exported);
        assert!(func(&f, "on_startup").exported);
    }

    #[test]
    fn startup_scopes() {
        let src = "\
from contextlib import asynccontextmanager
from fastapi import FastAPI
from sqlalchemy import create_engine
from celery.signals import worker_process_init

@asynccontextmanager
async def app_lifespan(app):
    app.state.engine = create_engine(URL)
    yield

app = FastAPI(lifespan=app_lifespan)

@app.on_event('startup')
def startup():
    e1 = create_engine(URL)

@worker_process_init.connect
def init_worker(**kw):
    e2 = create_engine(URL)

def create_app():
    e3 = create_engine(URL)

def run():
    e4 = create_engine(URL)

def helper():
    e5 = create_engine(URL)

if __name__ == '__main__':
    e6 = create_engine(URL)
    run()
";
        let f = facts("app/main.py", src);
        let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
        use ScopeKind::*;
        assert_eq!(
            kinds,
            [
                Startup, Startup, Startup, Startup, Startup, Function, Startup
            ]
        );
        assert!(
            f.clients
                .iter()
                .filter(|c| c.scope.kind == Startup)
                .all(|c| c.scope.framework() == "startup")
        );
        assert_eq!(f.clients[6].in_fn, None);
    }

    #[test]
    fn route_decorators_pick_the_framework() {
        let flask = "from . import bp\nimport redis\n@bp.route('/a')\ndef a():\n    redis.Redis()\n@bp.get('/b')\ndef b():\n    redis.Redis()\n@bp.before_request\ndef c():\n    redis.Redis()\n";
        let f = facts_with("shop/api.py", flask, &["flask", "redis"]);
        assert!(
            f.clients
                .iter()
                .all(|c| c.scope.kind == ScopeKind::Handler && c.scope.framework() == "flask")
        );
        assert_eq!(f.clients.len(), 3);
        let fastapi = "from . import router\nimport redis\n@router.get('/b')\ndef b():\n    redis.Redis()\n@router.websocket('/ws')\nasync def ws(sock):\n    redis.Redis()\n";
        let f = facts_with("app/api.py", fastapi, &["fastapi", "redis"]);
        assert!(f.clients.iter().all(|c| c.scope.framework() == "fastapi"));
        let both = "from flask import Flask\nimport redis\napp = Flask(__name__)\n@app.get('/')\ndef i():\n    redis.Redis()\n";
        let f = facts_with("app.py", both, &["fastapi", "flask", "redis"]);
        assert_eq!(f.clients[0].scope.framework(), "flask");
    }

    #[test]
    fn django_views_celery_and_lambda() {
        let views = "\
from pymongo import MongoClient
from rest_framework.decorators import api_view
from rest_framework.viewsets import ViewSet

def product_list(request):
    MongoClient(URI)

def helper(x):
    MongoClient(URI)

@api_view(['GET'])
def reviews(req):
    MongoClient(URI)

class Products(ViewSet):
    def list(self, request):
        MongoClient(URI)
";
        let f = facts_with(
            "shop/views/products.py",
            views,
            &["django", "djangorestframework", "pymongo"],
        );
        let s: Vec<(ScopeKind, &str)> = f
            .clients
            .iter()
            .map(|c| (c.scope.kind, c.scope.framework()))
            .collect();
        assert_eq!(
            s,
            [
                (ScopeKind::Handler, "django"),
                (ScopeKind::Function, ""),
                (ScopeKind::Handler, "django"),
                (ScopeKind::Handler, "django")
            ]
        );
        // `request` first is a view only in views modules.
        let f = facts_with(
            "shop/services.py",
            "from pymongo import MongoClient\ndef f(request):\n    MongoClient(U)\n",
            &["django"],
        );
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Function);

        let tasks = "\
from celery import shared_task
from worker.celery_app import app
import boto3

@shared_task(bind=True)
def a(self):
    boto3.client('s3')

@app.task
def b():
    boto3.client('s3')

def handler(event, context):
    boto3.client('s3')

def lambda_handler(event: dict, context) -> dict:
    boto3.resource('dynamodb')
";
        let f = facts("worker/tasks.py", tasks);
        let s: Vec<&str> = f.clients.iter().map(|c| c.scope.framework()).collect();
        assert_eq!(s, ["celery", "celery", "lambda", "lambda"]);
        assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Handler));
    }

    #[test]
    fn handler_refs_classify_same_file_functions() {
        let src = "\
from django.urls import path
from . import views
from .health import liveness
import redis

def stats(request):
    redis.Redis()

urlpatterns = [
    path('stats/', stats),
    path('users/', views.user_list, name='users'),
    path('live/', liveness),
    path('cbv/', views.Detail.as_view()),
]
";
        let f = facts_with("api/urls.py", src, &["django", "redis"]);
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
        assert_eq!(f.clients[0].scope.framework(), "django");
        let refs: Vec<(&str, Option<&str>)> = f
            .handler_refs
            .iter()
            .map(|h| {
                (
                    h.name.as_str(),
                    h.module.as_ref().map(|m| m.candidates[0].as_str()),
                )
            })
            .collect();
        assert_eq!(
            refs,
            [
                ("stats", None),
                ("user_list", Some("api/views")),
                ("liveness", Some("api/health"))
            ]
        );

        let flask = "\
import httpx
from flask import Flask
app = Flask(__name__)
def contacts():
    httpx.Client()
app.add_url_rule('/c', view_func=contacts)
";
        let f = facts_with("app.py", flask, &["flask", "httpx"]);
        assert_eq!(f.clients[0].scope.framework(), "flask");
        assert_eq!(f.handler_refs[0].framework, "flask");

        let aio = "\
import aiohttp
from aiohttp import web
from starlette.routing import Route
async def a(request):
    aiohttp.ClientSession()
async def b(request):
    aiohttp.ClientSession()
async def c(request):
    aiohttp.ClientSession()
def make_app():
    app = web.Application()
    app.add_routes([web.get('/a', a)])
    app.router.add_post('/b', b)
    return [Route('/c', endpoint=c)]
";
        let f = facts_with("server.py", aio, &["aiohttp", "starlette"]);
        let s: Vec<&str> = f.clients.iter().map(|c| c.scope.framework()).collect();
        assert_eq!(s, ["aiohttp", "aiohttp", "starlette"]);
        assert_eq!(func(&f, "make_app").scope.kind, ScopeKind::Startup);
    }

    #[test]
    fn background_tasks_run_per_request() {
        let src = "\
import httpx
from fastapi import BackgroundTasks, FastAPI
from app.mail import send_receipt

app = FastAPI()

def audit(event):
    httpx.Client().post(URL, json=event)

@app.post('/orders')
def create(background_tasks: BackgroundTasks):
    background_tasks.add_task(audit, {'kind': 'order'})
    background_tasks.add_task(send_receipt, 'a@b.c')
";
        let f = facts("app/main.py", src);
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
        let refs: Vec<(&str, bool)> = f
            .handler_refs
            .iter()
            .map(|h| (h.name.as_str(), h.module.is_some()))
            .collect();
        assert_eq!(refs, [("audit", false), ("send_receipt", true)]);
    }

    #[test]
    fn loops_and_closures() {
        let src = "\
from sqlalchemy import create_engine
from fastapi import FastAPI
app = FastAPI()

def per_tenant(tenants):
    for t in tenants:
        create_engine(t.url)
    while True:
        create_engine(URL)
    [create_engine(u) for u in urls]
    list(map(lambda u: create_engine(u), urls))
    for e in [create_engine(URL)]:
        pass
    f = lambda: create_engine(URL)

@app.get('/')
def route(urls):
    for u in urls:
        create_engine(u)
    def inner():
        return create_engine(URL)
    return inner()

for u in URLS:
    create_engine(u)
";
        let f = facts("app/x.py", src);
        let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
        use ScopeKind::*;
        assert_eq!(
            kinds,
            [
                Loop, Loop, Loop, Loop, Function, Function, Handler, Handler, Module
            ]
        );
        assert_eq!(f.clients[0].scope.name.as_deref(), Some("per_tenant"));
        assert_eq!(f.clients[0].scope.framework, None);
        let inner = func(&f, "inner");
        assert_eq!(inner.scope.kind, Handler);
        assert_eq!(inner.parent, Some(1));
        assert_eq!(
            f.function(f.clients[7].in_fn).map(|x| x.name.as_str()),
            Some("inner")
        );
    }

    #[test]
    fn released_and_returned() {
        let src = "\
import httpx
from pymongo import MongoClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from contextlib import ExitStack

def a():
    with httpx.Client() as c:
        return c.get(U)

async def b():
    async with httpx.AsyncClient() as c:
        yield c

def c():
    client = MongoClient(U)
    try:
        return client.db.find()
    finally:
        client.close()

def d():
    engine = create_engine(U)
    engine.close()

def e():
    engine = create_engine(U)
    engine.dispose()

def f():
    return sessionmaker(bind=create_engine(U))

def g():
    client = MongoClient(U)
    return {'client': client, 'n': 1}

def h():
    client = MongoClient(U)
    db = client.app
    return db

def i():
    with ExitStack() as stack:
        client = stack.enter_context(MongoClient(U))

def j():
    return MongoClient(U)

def k():
    client = MongoClient(U)
    def cleanup():
        client.close()
    return cleanup
";
        let f = facts("app/x.py", src);
        let got: Vec<(bool, Returned)> = f
            .clients
            .iter()
            .filter(|c| c.kind != ClientKind::Session)
            .map(|c| (c.released, c.returned))
            .collect();
        use Returned::*;
        assert_eq!(
            got,
            [
                (true, Derived),
                (true, Direct),
                (true, Derived),
                (false, No),
                (true, No),
                (false, Derived),
                (false, Direct),
                (false, Derived),
                (true, No),
                (false, Direct),
                (true, No),
            ]
        );
        assert_eq!(f.clients[0].binding.as_deref(), Some("c"));
    }

    #[test]
    fn self_method_calls_and_cli_commands() {
        let src = "\
import boto3
import click

class Connector:
    def _client(self):
        return boto3.client('s3')

    def download(self, key):
        self._client().download_file('b', key, '/tmp/x')
        self.other.close()
        self.undefined()

@click.command()
def sync():
    boto3.client('s3')
";
        let f = facts("app/connector.py", src);
        assert_eq!(f.calls.len(), 1, "{:?}", f.calls);
        let c = call(&f, "_client");
        assert_eq!(
            (c.callee.as_str(), c.module.is_none()),
            ("self._client", true)
        );
        assert_eq!(
            f.function(c.in_fn).map(|x| x.name.as_str()),
            Some("download")
        );
        assert_eq!(client(&f, "boto3.client()").returned, Returned::Direct);
        assert_eq!(f.clients[1].scope.kind, ScopeKind::Startup);
    }

    #[test]
    fn values_derived_from_a_client() {
        let src = "\
import redis
from pymongo import MongoClient

_DBS = {}

class RedisClient:
    _pool = None

    def _init_pool(self):
        if RedisClient._pool is None:
            RedisClient._pool = redis.from_url(URL).connection_pool

def a():
    db = MongoClient(U).get_database('x')
    return db

def b():
    with MongoClient(U).start_session() as s:
        pass

def c(k):
    _DBS[k] = MongoClient(k)['app']
    return _DBS[k]

def d():
    db = MongoClient(U).app
    db.close()
";
        let f = facts("app/x.py", src);
        let got: Vec<(Guard, bool, Returned, Option<&str>)> = f
            .clients
            .iter()
            .map(|c| (c.guard, c.released, c.returned, c.binding.as_deref()))
            .collect();
        use Returned::*;
        assert_eq!(
            got,
            [
                (Guard::ModuleCache, false, No, None),
                (Guard::None, false, Derived, None),
                (Guard::None, false, No, None),
                (Guard::ModuleCache, false, Derived, None),
                (Guard::None, false, No, None),
            ]
        );
    }

    #[test]
    fn psycopg2_with_commits_but_does_not_close() {
        let src = "\
import psycopg2
from contextlib import closing, ExitStack

def a():
    with psycopg2.connect(DSN) as conn:
        pass

def b():
    with closing(psycopg2.connect(DSN)) as conn:
        pass

def c():
    conn = psycopg2.connect(DSN)
    with conn:
        pass

def d(stack: ExitStack):
    conn = stack.enter_context(psycopg2.connect(DSN))

def e():
    conn = psycopg2.connect(DSN)
    with closing(conn):
        pass
";
        let f = facts_with("app/x.py", src, &["psycopg2-binary"]);
        let got: Vec<bool> = f.clients.iter().map(|c| c.released).collect();
        assert_eq!(got, [false, true, false, false, true]);
    }

    #[test]
    fn factory_calls_get_generic_release_and_bindings() {
        let src = "\
from app.db import get_client

def a():
    with get_client() as c:
        pass

def b():
    client = get_client()
    client.close()

def c():
    return get_client()
";
        let f = facts("app/x.py", src);
        let got: Vec<(Option<&str>, bool, Returned)> = f
            .calls
            .iter()
            .map(|c| (c.binding.as_deref(), c.released, c.returned))
            .collect();
        assert_eq!(
            got,
            [
                (Some("c"), true, Returned::No),
                (Some("client"), true, Returned::No),
                (None, false, Returned::Direct)
            ]
        );
    }

    #[test]
    fn args_are_static_only_without_locals() {
        let src = "\
import os
from sqlalchemy import create_engine
URL = os.environ['URL']

def a():
    return create_engine(URL, pool_size=5)

def b(url):
    return create_engine(url)

def c():
    url = os.environ['X']
    return create_engine(url)

def d():
    return create_engine(os.environ['X'], connect_args={'sslmode': 'require'})
";
        let f = facts("app/x.py", src);
        let got: Vec<bool> = f
            .clients
            .iter()
            .map(|c| c.anchors.args_are_static)
            .collect();
        assert_eq!(got, [true, false, false, true]);
    }

    #[test]
    fn test_files_and_test_functions() {
        let src =
            "from sqlalchemy import create_engine\ndef make():\n    return create_engine(U)\n";
        for rel in [
            "tests/helpers.py",
            "app/test_db.py",
            "conftest.py",
            "app/db_test.py",
        ] {
            let f = facts(rel, src);
            assert_eq!(f.clients[0].scope.kind, ScopeKind::Test, "{rel}");
            assert_eq!(f.clients[0].scope.framework(), "test");
        }
        let f = facts(
            "app/db.py",
            "import pytest\nfrom sqlalchemy import create_engine\n@pytest.fixture\ndef engine():\n    yield create_engine(U)\ndef test_x():\n    create_engine(U)\n",
        );
        assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Test));
        for rel in [
            "scripts/seed.py",
            "alembic/env.py",
            "manage.py",
            "app/management/commands/sync.py",
        ] {
            let f = facts(rel, src);
            assert_eq!(f.clients[0].scope.kind, ScopeKind::Startup, "{rel}");
        }
    }

    #[test]
    fn syntax_errors_keep_the_facts_around_them() {
        let src = "\
from fastapi import APIRouter
from sqlalchemy.ext.asyncio import create_async_engine
router = APIRouter()
LABELS = {'a': 1 'b': 2}

@router.get('/x')
async def x():
    engine = create_async_engine(URL)

def broken(:
    pass

@router.get('/y')
async def y():
    engine = create_async_engine(URL)
";
        let f = facts("app/routers/x.py", src);
        assert!(!f.syntax_errors.is_empty());
        assert_eq!(f.clients.len(), 2);
        assert!(
            f.clients
                .iter()
                .all(|c| c.scope.kind == ScopeKind::Handler && c.scope.framework() == "fastapi")
        );
        assert!(!parses_cleanly(src));
    }

    #[test]
    fn nothing_to_see() {
        let f = facts("app/empty.py", "");
        assert_eq!(f, FileFacts::default());
        let f = facts(
            "app/plain.py",
            "def f(x):\n    return g(x)\n\ndef g(y):\n    return y\n",
        );
        assert_eq!(f.functions.len(), 2);
        assert!(
            f.functions
                .iter()
                .all(|x| x.exported && x.scope.kind == ScopeKind::Function)
        );
        assert_eq!(call(&f, "g").in_fn, Some(0));
        assert_eq!(call(&f, "g").returned, Returned::Direct);
    }

    // -----------------------------------------------------------------------------------------
    // Sessions (`unclosed-session`)
    // -----------------------------------------------------------------------------------------

    fn sessions(f: &FileFacts) -> Vec<(&str, Closing)> {
        f.sessions
            .iter()
            .map(|s| (s.ctor.as_str(), s.closing))
            .collect()
    }

    #[test]
    fn seed_generator_dependencies() {
        let src = "\
from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

def get_db_happy_path():
    db = SessionLocal()
    yield db
    db.close()

def get_db_never():
    db = SessionLocal()
    yield db

def get_db_finally():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()

def get_db_with():
    with SessionLocal() as db:
        yield db

def make_session():
    return SessionLocal()

def report():
    with engine.connect() as conn:
        return conn.execute(text('select 1')).all()

def leak():
    conn = engine.connect()
    return conn.execute(text('select 1')).all()

def first_user():
    return SessionLocal().query(User).first()

engine = create_engine(URL)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
module_session = SessionLocal()
";
        let f = facts("app/database.py", src);
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("SessionLocal()", NotOnErrorPaths),
                ("SessionLocal()", Never),
                ("SessionLocal()", Always),
                ("SessionLocal()", Always),
                ("SessionLocal()", HandedOver),
                ("engine.connect()", Always),
                ("engine.connect()", Never),
                ("SessionLocal()", Never),
            ]
        );
        let s = &f.sessions[0];
        assert_eq!(s.client, "sqlalchemy-sessionmaker-session");
        assert_eq!(s.kind, ClientKind::Session);
        assert_eq!(s.binding.as_deref(), Some("db"));
        assert_eq!(s.release.as_deref(), Some("close"));
        assert!(s.in_generator);
        assert_eq!(s.scope.kind, ScopeKind::Function);
        assert_eq!(
            f.function(s.in_fn).map(|x| x.name.as_str()),
            Some("get_db_happy_path")
        );
        assert_eq!(&src[s.span.range()], "SessionLocal()");
        assert_eq!(
            &src[s.anchors.statement.expect("statement").range()],
            "db = SessionLocal()"
        );
        assert_eq!(
            &src[s.anchors.rest_of_block.expect("rest").range()],
            "yield db\n    db.close()"
        );
        assert_eq!(s.anchors.indent, "    ");
        let leak = &f.sessions[6];
        assert_eq!(leak.client, "sqlalchemy-connection");
        assert_eq!(leak.kind, ClientKind::Checkout);
        assert!(!leak.in_generator);
        // The sessionmaker itself is a factory, not a session; module level is not recorded.
        assert!(f.sessions.iter().all(|s| s.in_fn.is_some()));
        // Nothing changes for per-request-client: no client sites for the checkouts.
        assert!(
            f.clients
                .iter()
                .all(|c| c.client != "sqlalchemy-connection")
        );
    }

    #[test]
    fn imported_session_factories_and_async_sessions() {
        let src = "\
from typing import AsyncGenerator
from fastapi import Depends
from app.database import AsyncSessionLocal, SessionLocal, get_session, engine
from app.models import ChatSession
from app.schemas import session as session_schemas
from app.http import ApiSession
from .db import async_session

def models():
    chat = ChatSession()
    out = session_schemas.SessionOut()
    api = ApiSession(base_url=URL)

async def get_db() -> AsyncGenerator:
    async with AsyncSessionLocal() as session:
        yield session

async def get_db_finally():
    session = AsyncSessionLocal()
    try:
        yield session
    finally:
        await session.close()

async def get_db_try_except():
    async with AsyncSessionLocal() as session:
        try:
            yield session
        finally:
            await session.close()

def sync_job():
    db = SessionLocal()
    db.execute(q)
    db.commit()

async def other():
    s = get_session()
    async with async_session() as s2, s2.begin():
        pass
    async with engine.begin() as conn:
        await conn.run_sync(create_all)
";
        let f = facts_with("app/deps.py", src, &["fastapi", "sqlalchemy"]);
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("AsyncSessionLocal()", Always),
                ("AsyncSessionLocal()", Always),
                ("AsyncSessionLocal()", Always),
                ("SessionLocal()", Never),
                ("async_session()", Always),
                ("engine.begin()", Always),
            ]
        );
        assert!(f.sessions[0].in_generator);
        assert!(!f.sessions[3].in_generator);
        // Without SQLAlchemy in the project or the file, names prove nothing.
        let f = facts_with("app/deps.py", src, &["fastapi"]);
        assert!(f.sessions.is_empty(), "{:?}", sessions(&f));
    }

    #[test]
    fn direct_sessions_and_connections() {
        let src = "\
import asyncpg
import psycopg
import psycopg2
from contextlib import closing, ExitStack
from sqlalchemy.orm import Session
from app.db import engine

def a():
    conn = psycopg2.connect(DSN)
    cur = conn.cursor()
    cur.execute('select 1')
    return cur.fetchall()

def b():
    with psycopg2.connect(DSN) as conn:
        with conn.cursor() as cur:
            cur.execute('select 1')

def c():
    conn = psycopg2.connect(DSN)
    try:
        with conn.cursor() as cur:
            cur.execute('select 1')
    finally:
        conn.close()

def d():
    conn = psycopg2.connect(DSN)
    rows = conn.cursor().fetchall()
    conn.close()
    return rows

def e():
    with closing(psycopg2.connect(DSN)) as conn:
        pass

async def f():
    conn = await asyncpg.connect(DSN)
    return await conn.fetch('select 1')

async def g():
    conn = await asyncpg.connect(DSN)
    try:
        return await conn.fetch('select 1')
    finally:
        await conn.close()

def h():
    with psycopg.connect(DSN) as conn:
        conn.execute('select 1')

async def i():
    aconn = await psycopg.AsyncConnection.connect(DSN)
    await aconn.execute('select 1')

def j():
    with Session(engine) as session:
        session.add(x)
        with session.begin():
            pass
    s = Session(engine)
    s.begin()

def k(stack: ExitStack):
    conn = stack.enter_context(psycopg2.connect(DSN))
    s = stack.enter_context(Session(engine))

def l():
    with engine.connect().execution_options(isolation_level='AUTOCOMMIT') as conn:
        conn.execute(q)
    engine.connect().execution_options(x=1).execute(q)
";
        let f = facts_with(
            "app/views.py",
            src,
            &["psycopg2-binary", "psycopg", "asyncpg", "sqlalchemy"],
        );
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("psycopg2.connect()", Never),
                ("psycopg2.connect()", Never),
                ("psycopg2.connect()", Always),
                ("psycopg2.connect()", NotOnErrorPaths),
                ("psycopg2.connect()", Always),
                ("asyncpg.connect()", Never),
                ("asyncpg.connect()", Always),
                ("psycopg.connect()", Always),
                ("psycopg.AsyncConnection.connect()", Never),
                ("Session()", Always),
                ("Session()", Never),
                ("psycopg2.connect()", Never),
                ("Session()", Always),
                ("engine.connect()", Always),
                ("engine.connect()", Never),
            ]
        );
        assert_eq!(f.sessions[0].kind, ClientKind::Connection);
        assert_eq!(f.sessions[9].client, "sqlalchemy-session");
    }

    #[test]
    fn pool_checkouts() {
        let src = "\
import asyncpg
from psycopg2 import pool as pg_pool
from psycopg_pool import ConnectionPool
from fastapi import FastAPI, Request

db_pool = pg_pool.SimpleConnectionPool(1, 10, DSN)
pg3 = ConnectionPool(DSN)
app = FastAPI()

def a():
    conn = db_pool.getconn()
    try:
        return conn.cursor().fetchall()
    finally:
        db_pool.putconn(conn)

def b():
    conn = db_pool.getconn()
    rows = conn.cursor().fetchall()
    db_pool.putconn(conn)
    return rows

def c():
    conn = db_pool.getconn()
    with conn:
        conn.cursor().execute('update t set x = 1')

def d():
    with pg3.connection() as conn:
        conn.execute('select 1')
    conn = pg3.connection()

@app.get('/x')
async def e(request: Request):
    async with request.app.state.pool.acquire() as conn:
        return await conn.fetch('select 1')

@app.get('/y')
async def f(request: Request):
    pool = request.app.state.pool
    conn = await pool.acquire()
    try:
        return await conn.fetch('select 1')
    finally:
        await pool.release(conn)

@app.get('/z')
async def g(request: Request):
    conn = await request.app.state.pool.acquire()
    return await conn.fetch('select 1')

def h(lock):
    lock.acquire()
    sem = object()
    sem.acquire()
";
        let f = facts_with(
            "app/main.py",
            src,
            &["fastapi", "psycopg2-binary", "psycopg-pool", "asyncpg"],
        );
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("db_pool.getconn()", Always),
                ("db_pool.getconn()", NotOnErrorPaths),
                ("db_pool.getconn()", Never),
                ("pg3.connection()", Always),
                ("pg3.connection()", Never),
                ("request.app.state.pool.acquire()", Always),
                ("pool.acquire()", Always),
                ("request.app.state.pool.acquire()", Never),
            ]
        );
        let ids: Vec<&str> = f.sessions.iter().map(|s| s.client.as_str()).collect();
        assert_eq!(
            ids,
            [
                "psycopg2-pool-checkout",
                "psycopg2-pool-checkout",
                "psycopg2-pool-checkout",
                "psycopg-pool-connection",
                "psycopg-pool-connection",
                "asyncpg-pool-checkout",
                "asyncpg-pool-checkout",
                "asyncpg-pool-checkout",
            ]
        );
        assert_eq!(f.sessions[0].release.as_deref(), Some("putconn"));
        assert_eq!(f.sessions[4].release, None);
        assert_eq!(f.sessions[7].scope.kind, ScopeKind::Handler);
        // An imported pool, known by its name.
        let f = facts_with(
            "app/repo.py",
            "from app.db import pool\n\ndef a():\n    conn = pool.getconn()\n    return conn\n",
            &["psycopg2-binary"],
        );
        assert_eq!(sessions(&f), [("pool.getconn()", HandedOver)]);
    }

    /// `(ctor line, closing, what a `try` would wrap)` of every session.
    fn regions<'s>(f: &FileFacts, src: &'s str) -> Vec<(usize, Closing, Option<&'s str>)> {
        f.sessions
            .iter()
            .map(|s| {
                (
                    src[..s.span.start as usize].lines().count(),
                    s.closing,
                    s.anchors.rest_of_block.map(|r| &src[r.range()]),
                )
            })
            .collect()
    }

    #[test]
    fn what_a_try_finally_fix_may_wrap() {
        let src = "\
import aiohttp
import asyncpg
import psycopg2

def never(dsn):
    conn = psycopg2.connect(dsn)  # trailing
    cur = conn.cursor()
    return cur.fetchone()

async def happy_path(dsn):
    conn = await asyncpg.connect(dsn)
    total = await conn.fetchval('select 1')
    await conn.close()
    return total

async def unbound(url):
    resp = await aiohttp.ClientSession().get(url)
    print(resp.status)

async def unbound_with(url):
    async with aiohttp.ClientSession().get(url) as r:
        return r.status

async def not_first(url):
    print(len(url), await aiohttp.ClientSession().get(url))

async def awaited_ctor(dsn):
    return (await asyncpg.connect(dsn)).is_closed()

def nothing_after(dsn):
    conn = psycopg2.connect(dsn)

def same_line(dsn):
    conn = psycopg2.connect(dsn); conn.cursor().execute('x')

def multi_line_string(dsn):
    conn = psycopg2.connect(dsn)
    conn.cursor().execute(\"\"\"
        select 1
    \"\"\")

def f_string_on_one_line(dsn, t):
    conn = psycopg2.connect(dsn)
    conn.cursor().execute(f'select * from {t}')

async def returns_a_handle(url):
    session = aiohttp.ClientSession()
    resp = await session.get(url)
    return resp

async def returns_a_call_on_it(url):
    session = aiohttp.ClientSession()
    session.headers.update({'a': 'b'})
    return await session.get(url)

async def returns_data(url):
    session = aiohttp.ClientSession()
    resp = await session.get(url)
    data = await resp.json()
    return data

def streams(dsn):
    conn = psycopg2.connect(dsn)
    for row in conn.cursor():
        yield row

def dependency():
    db = psycopg2.connect(DSN)
    yield db

def used_after_the_block(dsn, a):
    if a:
        conn = psycopg2.connect(dsn)
        conn.autocommit = True
    else:
        conn = psycopg2.connect(dsn)
    return conn.cursor().fetchall()

def rebound(dsn):
    conn = psycopg2.connect(dsn)
    conn.cursor().execute('x')
    conn = None

def closure(dsn):
    conn = psycopg2.connect(dsn)
    return_later(lambda: conn.cursor())

def released_in_a_branch(dsn, a):
    conn = psycopg2.connect(dsn)
    if a:
        conn.close()
        return
    conn.cursor().execute('x')
    conn.close()

def multi_line_release(pool):
    conn = pool.getconn()
    conn.cursor().execute('x')
    pool.putconn(
        conn)

async def released_next(dsn):
    try:
        probe = await asyncpg.connect(dsn)
    except OSError:
        return
    await probe.close()

def released_next_after_if(dsn, a):
    if a:
        conn = psycopg2.connect(dsn)
    else:
        conn = psycopg2.connect(dsn)
    conn.close()

def not_next_after_try_else(dsn):
    try:
        conn = psycopg2.connect(dsn)
    except OSError:
        return
    else:
        log('connected')
    conn.close()
";
        let f = facts_with(
            "app/jobs.py",
            src,
            &["aiohttp", "asyncpg", "psycopg2-binary"],
        );
        use Closing::*;
        assert_eq!(
            regions(&f, src),
            [
                (
                    6,
                    Never,
                    Some("# trailing\n    cur = conn.cursor()\n    return cur.fetchone()")
                ),
                (
                    11,
                    NotOnErrorPaths,
                    Some("total = await conn.fetchval('select 1')\n    await conn.close()")
                ),
                (
                    17,
                    Never,
                    Some("resp = await aiohttp.ClientSession().get(url)\n    print(resp.status)")
                ),
                (
                    21,
                    Never,
                    Some(
                        "async with aiohttp.ClientSession().get(url) as r:\n        return r.status"
                    )
                ),
                (25, Never, None),
                (28, Never, None),
                (31, Never, None),
                (34, Never, None),
                // A multi-line string: the rule keeps its lines as they are.
                (
                    37,
                    Never,
                    Some("conn.cursor().execute(\"\"\"\n        select 1\n    \"\"\")")
                ),
                (
                    43,
                    Never,
                    Some("conn.cursor().execute(f'select * from {t}')")
                ),
                (47, Never, None),
                (52, Never, None),
                (
                    57,
                    Never,
                    Some(
                        "resp = await session.get(url)\n    data = await resp.json()\n    return data"
                    )
                ),
                (63, Never, None),
                (68, Never, Some("yield db")),
                (73, Never, None),
                (76, Never, None),
                (80, Never, None),
                (85, Never, None),
                (89, NotOnErrorPaths, None),
                (97, NotOnErrorPaths, None),
                (104, Always, None),
                (111, Always, None),
                (113, Always, None),
                (118, NotOnErrorPaths, None),
            ]
        );
    }

    #[test]
    fn handed_over_sessions() {
        let src = "\
import psycopg2
import requests
from contextlib import ExitStack
from flask import g
from sqlalchemy.orm import Session, sessionmaker
from app.db import engine

SessionLocal = sessionmaker(bind=engine)
_CONN = None

class UserRepository:
    def __init__(self):
        self.session = SessionLocal()

    def close(self):
        self.session.close()

def get_db():
    if 'db' not in g:
        g.db = psycopg2.connect(DSN)
    return g.db

async def db_middleware(request, call_next):
    request.state.db = SessionLocal()
    return await call_next(request)

async def db_middleware_finally(request, call_next):
    try:
        request.state.db = SessionLocal()
        response = await call_next(request)
    finally:
        request.state.db.close()
    return response

def make_http():
    s = requests.Session()
    s.headers['x'] = 'y'
    return s

def repo():
    return UserRepository(SessionLocal())

def repo2():
    session = SessionLocal()
    return UserRepository(session=session)

def global_conn():
    global _CONN
    if _CONN is None:
        _CONN = psycopg2.connect(DSN)
    return _CONN

def callback(stack: ExitStack):
    conn = psycopg2.connect(DSN)
    stack.callback(conn.close)

def later_with():
    s = Session(engine)
    with s:
        pass

def pair():
    conn = psycopg2.connect(DSN)
    return conn, conn.cursor()

def stored(request):
    db = SessionLocal()
    request.state.db = db

def closed_in_closure(background_tasks):
    db = SessionLocal()
    background_tasks.add_task(lambda: db.close())
";
        let f = facts_with(
            "app/x.py",
            src,
            &["flask", "psycopg2", "requests", "sqlalchemy"],
        );
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("SessionLocal()", HandedOver),
                ("psycopg2.connect()", HandedOver),
                ("SessionLocal()", HandedOver),
                ("SessionLocal()", Always),
                ("requests.Session()", HandedOver),
                ("SessionLocal()", HandedOver),
                ("SessionLocal()", HandedOver),
                ("psycopg2.connect()", HandedOver),
                ("psycopg2.connect()", HandedOver),
                ("Session()", HandedOver),
                ("psycopg2.connect()", HandedOver),
                ("SessionLocal()", HandedOver),
                ("SessionLocal()", HandedOver),
            ]
        );
    }

    #[test]
    fn clients_that_must_be_closed() {
        let src = "\
import aiohttp
import httpx
import redis

SHARED = httpx.AsyncClient()

async def a():
    client = httpx.AsyncClient()
    r = await client.get(URL)
    return r.json()

async def b():
    async with httpx.AsyncClient() as c:
        return (await c.get(URL)).json()

async def c():
    session = aiohttp.ClientSession()
    try:
        async with session.get(URL) as r:
            return await r.json()
    finally:
        await session.close()

async def d():
    client = httpx.AsyncClient()
    data = (await client.get(URL)).json()
    await client.aclose()
    return data

def e():
    r = redis.Redis()
    return r.get('x')
";
        let f = facts_with("app/x.py", src, &["httpx", "aiohttp", "redis"]);
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("httpx.AsyncClient()", Never),
                ("httpx.AsyncClient()", Always),
                ("aiohttp.ClientSession()", Always),
                ("httpx.AsyncClient()", NotOnErrorPaths),
            ]
        );
        assert_eq!(f.sessions[0].kind, ClientKind::Client);
        assert_eq!(f.sessions[0].release.as_deref(), Some("aclose"));
        assert_eq!(f.sessions[2].release.as_deref(), Some("close"));
    }

    #[test]
    fn tests_and_fixtures_keep_their_scope() {
        let src = "\
import pytest
from sqlalchemy.orm import Session
from app.database import SessionLocal, engine

@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()

def test_connect():
    conn = engine.connect()
    assert conn
";
        let f = facts_with("tests/conftest.py", src, &["sqlalchemy", "pytest"]);
        assert_eq!(f.sessions.len(), 2);
        assert!(f.sessions.iter().all(|s| s.scope.kind == ScopeKind::Test));
        assert!(f.sessions[0].in_generator);
    }

    #[test]
    fn sessions_are_not_guessed_from_unrelated_names() {
        let src = "\
from app.engine import engine
from app.sessions import get_session, session_scope

def a(session):
    session.begin()
    engine.connect('topic', cb)
    s = get_session()
    with session_scope() as s2:
        pass
";
        // No SQLAlchemy anywhere: nothing.
        let f = facts_with("app/x.py", src, &["pyttsx3"]);
        assert!(f.sessions.is_empty(), "{:?}", sessions(&f));
        // With SQLAlchemy: the engine's checkout and the context manager named like a
        // session factory; `session.begin()` (a Session method) and `get_session()` are not.
        let f = facts_with("app/x.py", src, &["sqlalchemy"]);
        assert_eq!(
            sessions(&f),
            [
                ("engine.connect()", Closing::Never),
                ("session_scope()", Closing::Always)
            ]
        );
    }

    #[test]
    fn factories_on_owners_and_lifespans() {
        let src = "\
import httpx
from contextlib import asynccontextmanager
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine


class Database:
    def __init__(self, url: str) -> None:
        self.engine = create_async_engine(url)
        self.session_factory = async_sessionmaker(self.engine, expire_on_commit=False)

    async def session(self):
        async with self.session_factory() as s:
            yield s

    async def leak(self):
        s = self.session_factory()
        conn = await self.engine.connect()
        return await s.execute(q)


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = httpx.AsyncClient()
    yield
    await app.state.http.aclose()


def last():
    s = self_factory = None
    conn = httpx.Client()
";
        let f = facts("app/db.py", src);
        use Closing::*;
        assert_eq!(
            sessions(&f),
            [
                ("self.session_factory()", Always),
                ("self.session_factory()", Never),
                ("self.engine.connect()", Never),
                // Stored on the app, closed after `yield` without `finally`: the facts say so;
                // the scope (Startup) lets the rule decide.
                ("httpx.AsyncClient()", NotOnErrorPaths),
                ("httpx.Client()", Never),
            ]
        );
        assert_eq!(f.sessions[3].scope.kind, ScopeKind::Startup);
        assert!(f.sessions[3].in_generator);
        // The last statement of its block: nothing after it to wrap.
        let last = &f.sessions[4];
        assert_eq!(last.anchors.rest_of_block, None);
        assert_eq!(last.anchors.indent, "    ");
        assert_eq!(
            &src[last.anchors.statement.expect("statement").range()],
            "conn = httpx.Client()"
        );
    }

    // -----------------------------------------------------------------------------------------
    // Options, URLs, imports (issue 4)
    // -----------------------------------------------------------------------------------------

    // -----------------------------------------------------------------------------------------
    // Anchors for per-request fixes
    // -----------------------------------------------------------------------------------------

    #[test]
    fn functions_know_params_methods_and_def_lines() {
        let src = "\
import functools

def get_engine():
    return create_engine(URL)

@app.get(\"/\")
@other
async def handler(request, *args, limit: int = 10, **kw):
    pass

class Repo:
    def __init__(self, url):
        self.url = url

    @classmethod
    def build(cls):
        def inner(x, /, *, y):
            pass
        return cls()

    @staticmethod
    def helper(a, b):
        pass
";
        let f = facts("app/db.py", src);
        let at = |name: &str| {
            let x = func(&f, name);
            (
                x.params,
                x.method,
                &src[x.def_line.expect("def line") as usize..][..12],
            )
        };
        assert_eq!(at("get_engine"), (0, false, "def get_engi"));
        // After the decorators, from the start of the line (`async` included).
        assert_eq!(at("handler"), (4, false, "async def ha"));
        assert_eq!(at("__init__"), (1, true, "    def __in"));
        assert_eq!(at("build"), (0, true, "    def buil"));
        assert_eq!(at("inner"), (2, false, "        def "));
        assert_eq!(at("helper"), (2, true, "    def help"));
    }

    #[test]
    fn direct_returns() {
        let src = "\
import httpx
import asyncpg
from sqlalchemy import create_engine

def a():
    return create_engine(URL)

async def b():
    return await asyncpg.create_pool(DSN)

def c():
    return (httpx.Client(timeout=5))

def d():
    engine = create_engine(URL)
    return engine

def e():
    return create_engine(URL).connect()

def f():
    return [httpx.Client()]
";
        let f = facts("app/db.py", src);
        let direct: Vec<(&str, bool)> = f
            .clients
            .iter()
            .map(|c| {
                (
                    f.function(c.in_fn).map_or("", |x| x.name.as_str()),
                    c.anchors.direct_return,
                )
            })
            .collect();
        assert_eq!(
            direct,
            [
                ("a", true),
                ("b", true),
                ("c", true),
                ("d", false),
                ("e", false),
                ("f", false),
            ]
        );
    }

    #[test]
    fn with_statements_and_the_loops_around_them() {
        let src = "\
import httpx

async def fetch_all(urls):
    for url in urls:
        async with httpx.AsyncClient(timeout=5) as client:  # one per url
            await client.get(url)

async def keyed(items):
    async for item in items:
        # comments do not count as statements
        async with httpx.AsyncClient(base_url=item.base) as client:
            await client.get(\"/\")

def polling():
    while running():
        with httpx.Client() as client:
            client.get(URL)
            token = client.get(AUTH).text

def uses_a_body_name():
    token = None
    for _ in range(3):
        with httpx.Client(headers={\"t\": token}) as client:
            token = client.get(AUTH).text

def two_statements(urls):
    for url in urls:
        print(url)
        with httpx.Client() as client:
            client.get(url)

def with_else(urls):
    for url in urls:
        with httpx.Client() as client:
            client.get(url)
    else:
        pass

def loop_uses_the_target():
    for page in client.pages():
        with httpx.Client() as client:
            client.get(page)

def not_a_loop():
    with httpx.Client() as c, c.stream(\"GET\", URL) as r:
        r.read()

def inside_the_item():
    for url in urls:
        with wrap(httpx.Client()) as c:
            c.get(url)

def reuses_its_own_target(urls):
    client = None
    for url in urls:
        with httpx.Client(cookies=client.cookies if client else None) as client:
            client.get(url)
";
        let f = facts("app/fetch.py", src);
        let anchors: Vec<(&str, Option<&str>, Option<&str>)> = f
            .clients
            .iter()
            .map(|c| {
                let w = c.anchors.with_stmt.as_ref();
                (
                    f.function(c.in_fn).map_or("", |x| x.name.as_str()),
                    w.map(|w| &src[w.header.range()]),
                    w.and_then(|w| w.loop_header).map(|l| &src[l.range()]),
                )
            })
            .collect();
        assert_eq!(
            anchors,
            [
                (
                    "fetch_all",
                    Some("async with httpx.AsyncClient(timeout=5) as client:"),
                    Some("for url in urls:")
                ),
                (
                    "keyed",
                    Some("async with httpx.AsyncClient(base_url=item.base) as client:"),
                    None
                ),
                (
                    "polling",
                    Some("with httpx.Client() as client:"),
                    Some("while running():")
                ),
                (
                    "uses_a_body_name",
                    Some("with httpx.Client(headers={\"t\": token}) as client:"),
                    None
                ),
                (
                    "two_statements",
                    Some("with httpx.Client() as client:"),
                    None
                ),
                ("with_else", Some("with httpx.Client() as client:"), None),
                (
                    "loop_uses_the_target",
                    Some("with httpx.Client() as client:"),
                    None
                ),
                (
                    "not_a_loop",
                    Some("with httpx.Client() as c, c.stream(\"GET\", URL) as r:"),
                    None
                ),
                ("inside_the_item", None, None),
                (
                    "reuses_its_own_target",
                    Some(
                        "with httpx.Client(cookies=client.cookies if client else None) as client:"
                    ),
                    None
                ),
            ]
        );
    }

    fn config<'f>(f: &'f FileFacts, ctor: &str) -> &'f ClientConfig {
        let idx = f
            .clients
            .iter()
            .position(|c| c.ctor == ctor)
            .unwrap_or_else(|| panic!("no client {ctor} in {:#?}", f.clients));
        f.client_config(idx)
            .unwrap_or_else(|| panic!("no config for {ctor} in {:#?}", f.client_configs))
    }

    fn opt<'c>(c: &'c ClientConfig, key: &str) -> &'c OptValue {
        &c.option(key)
            .unwrap_or_else(|| panic!("no option {key} in {:#?}", c.options))
            .value
    }

    fn env_name(c: &ClientConfig) -> Option<&str> {
        c.url.as_ref().and_then(UrlRef::env_name)
    }

    fn literal(c: &ClientConfig) -> Option<&str> {
        c.url.as_ref().and_then(UrlRef::literal).map(|(t, _)| t)
    }

    fn nth_config(f: &FileFacts, n: usize) -> &ClientConfig {
        f.client_configs
            .iter()
            .find(|c| c.client == n)
            .unwrap_or_else(|| panic!("no config for client {n} in {:#?}", f.client_configs))
    }

    #[test]
    fn keyword_options_and_nested_dicts() {
        let src = "\
from sqlalchemy import create_engine, pool
from sqlalchemy.pool import NullPool
from sqlalchemy.ext.asyncio import create_async_engine

engine = create_engine(
    DATABASE_URL,
    pool_size=20,
    max_overflow=30,
    poolclass=NullPool,
    pool_pre_ping=True,
    echo=False,
    isolation_level='AUTOCOMMIT',
    pool_recycle=20_000,
    pool_timeout=-1,
    execution_options=None,
    connect_args={
        'statement_cache_size': 0,
        \"prepared_statement_cache_size\": 0,
        'server_settings': {'jit': 'off'},
    },
)
other = create_async_engine('postgresql+asyncpg://u:p@db.example.com:6543/app', poolclass=pool.NullPool)
";
        let f = facts("app/db.py", src);
        let c = config(&f, "create_engine()");
        assert_eq!(opt(c, "pool_size"), &OptValue::Int(20));
        assert_eq!(opt(c, "max_overflow"), &OptValue::Int(30));
        assert_eq!(opt(c, "poolclass"), &OptValue::Name("NullPool".into()));
        assert_eq!(opt(c, "pool_pre_ping"), &OptValue::Bool(true));
        assert_eq!(opt(c, "echo"), &OptValue::Bool(false));
        assert_eq!(
            opt(c, "isolation_level"),
            &OptValue::Str("AUTOCOMMIT".into())
        );
        assert_eq!(opt(c, "pool_recycle"), &OptValue::Int(20_000));
        assert_eq!(opt(c, "pool_timeout"), &OptValue::Int(-1));
        assert_eq!(opt(c, "execution_options"), &OptValue::Null);
        assert_eq!(
            opt(c, "connect_args.statement_cache_size"),
            &OptValue::Int(0)
        );
        assert_eq!(
            opt(c, "connect_args.prepared_statement_cache_size"),
            &OptValue::Int(0)
        );
        assert_eq!(
            opt(c, "connect_args.server_settings.jit"),
            &OptValue::Str("off".into())
        );
        assert!(c.options.iter().all(|o| o.key != "connect_args"));
        let size = c.options.iter().find(|o| o.key == "pool_size").unwrap();
        assert_eq!(&src[size.span.range()], "20");
        // `DATABASE_URL` is not defined anywhere: no URL.
        assert_eq!(c.url, None);

        let o = config(&f, "create_async_engine()");
        assert_eq!(opt(o, "poolclass"), &OptValue::Name("NullPool".into()));
        let Some(UrlRef::Literal { text, span }) = &o.url else {
            panic!("{:?}", o.url)
        };
        assert_eq!(text, "postgresql+asyncpg://u:p@db.example.com:6543/app");
        assert_eq!(&src[span.range()], text);
        // The literal is also a URL fact, not assigned to a variable.
        assert!(f.urls.iter().any(|u| u.text == *text && u.var.is_none()));
    }

    #[test]
    fn other_libraries_and_values() {
        let src = "\
import psycopg
import pymongo
import redis
from psycopg_pool import ConnectionPool

conn = psycopg.connect(conninfo=DSN, prepare_threshold=None, autocommit=True)
pool = ConnectionPool('postgresql://u@h:6543/db', max_size=0x10, kwargs={'prepare_threshold': None})
mongo = pymongo.MongoClient(host='mongodb://mongo:27017', maxPoolSize=200)
cache = redis.Redis(host='localhost', port=6379, max_connections=None)
plain = redis.Redis()
";
        let f = facts_with(
            "app/db.py",
            src,
            &["psycopg", "psycopg-pool", "pymongo", "redis"],
        );
        let c = config(&f, "psycopg.connect()");
        assert_eq!(opt(c, "prepare_threshold"), &OptValue::Null);
        assert_eq!(opt(c, "autocommit"), &OptValue::Bool(true));
        // A name defined nowhere in the file: a name, and no URL.
        assert_eq!(opt(c, "conninfo"), &OptValue::Name("DSN".into()));
        assert_eq!(c.url, None);
        let p = config(&f, "ConnectionPool()");
        assert_eq!(opt(p, "max_size"), &OptValue::Int(16));
        assert_eq!(opt(p, "kwargs.prepare_threshold"), &OptValue::Null);
        assert_eq!(literal(p), Some("postgresql://u@h:6543/db"));
        let m = config(&f, "pymongo.MongoClient()");
        assert_eq!(opt(m, "maxPoolSize"), &OptValue::Int(200));
        assert_eq!(literal(m), Some("mongodb://mongo:27017"));
        let r = config(&f, "redis.Redis()");
        assert_eq!(opt(r, "max_connections"), &OptValue::Null);
        assert_eq!(opt(r, "port"), &OptValue::Int(6379));
        // `host='localhost'` is not a URL.
        assert_eq!(r.url, None);
        // No options, no URL: no config.
        let plain = f
            .clients
            .iter()
            .rposition(|c| c.ctor == "redis.Redis()")
            .unwrap();
        assert!(f.client_configs.iter().all(|c| c.client != plain));
        assert_eq!(f.client_configs.len(), 4);
    }

    #[test]
    fn module_constants_are_followed() {
        let src = "\
import os
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

POOL_SIZE = 20
MAX_OVERFLOW: int = 30
OVERFLOW = MAX_OVERFLOW
TIMEOUT = int(os.getenv('POOL_TIMEOUT', '30'))
CONNECT_ARGS = {'statement_cache_size': 0}
ENGINE_OPTIONS = dict(pool_pre_ping=True, echo=False)
if os.getenv('DEBUG'):
    RECYCLE = 60
else:
    RECYCLE = 600
DATABASE_URL = 'postgresql://app@db:5432/app'

def get_engine(size):
    limit = 5
    overflow = limit
    return create_engine(
        DATABASE_URL,
        pool_size=POOL_SIZE,
        max_overflow=OVERFLOW,
        pool_timeout=TIMEOUT,
        connect_args=CONNECT_ARGS,
        pool_recycle=RECYCLE,
        pool_use_lifo=size,
        echo_pool=overflow,
        hide_parameters=POOL_SIZE * 2,
        **ENGINE_OPTIONS,
    )

engine = get_engine(1)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
";
        let f = facts("app/db.py", src);
        let c = config(&f, "create_engine()");
        assert_eq!(opt(c, "pool_size"), &OptValue::Int(20));
        assert_eq!(opt(c, "max_overflow"), &OptValue::Int(30));
        assert_eq!(opt(c, "pool_timeout"), &OptValue::Unknown);
        assert_eq!(
            opt(c, "connect_args.statement_cache_size"),
            &OptValue::Int(0)
        );
        // Two different values at module level: not known.
        assert_eq!(opt(c, "pool_recycle"), &OptValue::Unknown);
        // `**ENGINE_OPTIONS`.
        assert_eq!(opt(c, "pool_pre_ping"), &OptValue::Bool(true));
        assert_eq!(opt(c, "echo"), &OptValue::Bool(false));
        // A parameter is not evaluated; a local is followed.
        assert_eq!(opt(c, "pool_use_lifo"), &OptValue::Unknown);
        assert_eq!(opt(c, "echo_pool"), &OptValue::Int(5));
        assert_eq!(opt(c, "hide_parameters"), &OptValue::Unknown);
        let size = c.options.iter().find(|o| o.key == "pool_size").unwrap();
        assert_eq!(&src[size.span.range()], "POOL_SIZE");
        assert_eq!(literal(c), Some("postgresql://app@db:5432/app"));
        // `sessionmaker(bind=engine)`: options, no URL.
        let s = config(&f, "sessionmaker()");
        assert_eq!(s.url, None);
        assert_eq!(opt(s, "autoflush"), &OptValue::Bool(false));
        assert_eq!(opt(s, "bind"), &OptValue::Unknown);
        // The URL literal is a fact with its constant.
        let u = f
            .urls
            .iter()
            .find(|u| u.text == "postgresql://app@db:5432/app")
            .unwrap();
        assert_eq!(u.var.as_deref(), Some("DATABASE_URL"));
        assert_eq!(&src[u.span.range()], "postgresql://app@db:5432/app");
    }

    #[test]
    fn constants_defined_after_a_module_level_construction_do_not_count() {
        let src = "\
from sqlalchemy import create_engine
engine = create_engine(URL, pool_size=SIZE)
SIZE = 5
URL = 'postgresql://late/db'
";
        let f = facts("app/db.py", src);
        let c = config(&f, "create_engine()");
        assert_eq!(opt(c, "pool_size"), &OptValue::Name("SIZE".into()));
        assert_eq!(c.url, None);
    }

    #[test]
    fn urls_from_the_environment() {
        let src = "\
import os
from os import environ, getenv
from decouple import config as env_config
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine
import redis
import pymongo
from app.core.config import settings, get_settings

DATABASE_URL = os.getenv('DATABASE_URL', 'postgresql://localhost/dev')
if DATABASE_URL.startswith('postgres://'):
    DATABASE_URL = DATABASE_URL.replace('postgres://', 'postgresql://', 1)

e1 = create_engine(os.environ['PRIMARY_URL'])
e2 = create_engine(os.environ.get('REPLICA_URL'), pool_size=5)
e3 = create_engine(getenv('ANALYTICS_URL', 'postgresql://x/y'))
e4 = create_engine(environ['REPORTS_URL'])
e5 = create_engine(DATABASE_URL)
e6 = create_async_engine(settings.DATABASE_URL)
e7 = create_async_engine(str(settings.sqlalchemy_database_uri))
e8 = create_async_engine(get_settings().database_url)
e9 = create_engine(env_config('LEGACY_URL'))
r1 = redis.Redis.from_url(os.environ['REDIS_URL'].strip())
m1 = pymongo.MongoClient(host=os.getenv('MONGO_URI'))
m2 = pymongo.MongoClient(host=os.getenv('MONGO_HOST'))

def make(config):
    url = os.environ['WORKER_URL']
    return create_engine(url)

def make_other(self_url):
    url = self_url
    return create_engine(url=url)

def from_config(config):
    return create_engine(config.DATABASE_URL)

def fallback():
    return create_engine(os.getenv('FALLBACK_URL') or 'postgresql://localhost/fallback')
";
        let f = facts_with(
            "app/db.py",
            src,
            &["sqlalchemy", "redis", "pymongo", "python-decouple"],
        );
        let names: Vec<Option<&str>> = (0..f.clients.len())
            .map(|i| {
                f.client_configs
                    .iter()
                    .find(|c| c.client == i)
                    .and_then(env_name)
            })
            .collect();
        assert_eq!(
            names,
            vec![
                Some("PRIMARY_URL"),
                Some("REPLICA_URL"),
                Some("ANALYTICS_URL"),
                Some("REPORTS_URL"),
                Some("DATABASE_URL"),
                Some("DATABASE_URL"),
                Some("SQLALCHEMY_DATABASE_URI"),
                Some("DATABASE_URL"),
                Some("LEGACY_URL"),
                Some("REDIS_URL"),
                Some("MONGO_URI"),
                None,
                Some("WORKER_URL"),
                None,
                Some("DATABASE_URL"),
                Some("FALLBACK_URL"),
            ]
        );
        // The Env span is the lookup.
        let Some(UrlRef::Env { span, .. }) = &nth_config(&f, 0).url else {
            panic!()
        };
        assert_eq!(&src[span.range()], "os.environ['PRIMARY_URL']");
        let Some(UrlRef::Env { span, .. }) = &nth_config(&f, 4).url else {
            panic!()
        };
        assert_eq!(
            &src[span.range()],
            "os.getenv('DATABASE_URL', 'postgresql://localhost/dev')"
        );
        // An env lookup as an option value is not evaluated.
        assert_eq!(opt(nth_config(&f, 1), "pool_size"), &OptValue::Int(5));
        // Defaults of env lookups are URL facts named after the variable they default.
        let dev = f
            .urls
            .iter()
            .find(|u| u.text == "postgresql://localhost/dev")
            .unwrap();
        assert_eq!(dev.var.as_deref(), Some("DATABASE_URL"));
        let xy = f
            .urls
            .iter()
            .find(|u| u.text == "postgresql://x/y")
            .unwrap();
        assert_eq!(xy.var.as_deref(), Some("ANALYTICS_URL"));
        // `'postgres://'` alone is not a URL.
        assert_eq!(f.urls.len(), 3);
    }

    #[test]
    fn formatted_urls_are_not_urls() {
        let src = "\
import os
from sqlalchemy import create_engine

USER = os.getenv('DB_USER')
URL = f'postgresql://{USER}@db:5432/app'
OTHER = 'postgresql://{}@db/app'.format(USER)
JOINED = 'postgresql://' + USER + '@db/app'

a = create_engine(URL, pool_size=10)
b = create_engine(OTHER)
c = create_engine(JOINED)
d = create_engine(f'postgresql://{USER}@db/app')
";
        let f = facts("app/db.py", src);
        assert_eq!(f.clients.len(), 4);
        assert_eq!(f.client_configs.len(), 1);
        assert_eq!(nth_config(&f, 0).url, None);
        assert!(f.urls.is_empty(), "{:?}", f.urls);
    }

    #[test]
    fn url_literals_and_settings_fields() {
        let src = "\
from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    database_url: str = 'postgresql+asyncpg://app:pw@aws-0-eu.pooler.supabase.com:6543/postgres'
    redis_url = (\"redis://cache:6379/0\")
    docs_url: str = 'https://example.com/docs'

class Plain:
    url = 'mysql://root@localhost/app'

TEST_URLS = ['mongodb://localhost:27017/test']
note = 'see postgres://host/db for details'
raw = r'postgresql://raw@host/db'
";
        let f = facts("app/config.py", src);
        let got: Vec<(Option<&str>, &str)> = f
            .urls
            .iter()
            .map(|u| (u.var.as_deref(), u.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("DATABASE_URL"),
                    "postgresql+asyncpg://app:pw@aws-0-eu.pooler.supabase.com:6543/postgres"
                ),
                (Some("REDIS_URL"), "redis://cache:6379/0"),
                (Some("url"), "mysql://root@localhost/app"),
                (None, "mongodb://localhost:27017/test"),
                (Some("raw"), "postgresql://raw@host/db"),
            ]
        );
        for u in &f.urls {
            assert_eq!(&src[u.span.range()], u.text);
        }
    }

    #[test]
    fn project_imports() {
        let src = "\
import os
import sqlalchemy as sa
from fastapi import APIRouter
from app.db import engine, SessionLocal
from app.db import get_db
from app import models
from . import views
from .services.users import UserService
from ..core.config import settings
import app.utils.cache as cache
import numpy

def f():
    from app.tasks import run
";
        let f = facts("app/routers/users.py", src);
        let keys: Vec<&str> = f.imports.iter().map(|m| m.candidates[0].as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "app/db",
                "app/db/engine",
                "app/db/get_db",
                "app",
                "app/models",
                "app/routers",
                "app/routers/views",
                "app/routers/services/users",
                "app/core/config",
                "app/core/config/settings",
                "app/utils/cache",
                "app/tasks",
                "app/tasks/run",
            ]
        );
        // Packages and the standard library are not recorded; each module once.
        assert_eq!(f.imports[0].candidates, vec!["app/db", "src/app/db"]);
        let files = facts_with(
            "app/x.py",
            "import redis\nfrom redis import Redis\n",
            &["redis"],
        );
        assert!(files.imports.is_empty());
    }
}

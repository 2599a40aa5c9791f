//! TypeScript / TSX / JavaScript front-end (tree-sitter).
//!
//! One parse per file (one parser per grammar per thread), then two passes over the tree:
//!
//! 1. a pre-pass collects what the walk needs to know before it reaches it: imports (ESM,
//!    `require`, `await import`), module-level variables and the ones assigned at run time,
//!    `globalThis` aliases, function names, functions named as request handlers (routers, tRPC,
//!    Next.js exports) or run once (`main()` at top level, Fastify plugins), components that
//!    render JSX, exported names and the file's directives (`"use server"`, `"use client"`);
//! 2. the walk keeps an explicit context stack (scope, memo, enclosing named function, loops)
//!    and records client constructions, calls to possible factories and functions. What depends
//!    on code after a construction (a later `client.close()`, `return client`, `cached = client`)
//!    is resolved when its function is left.
//!
//! Lifecycle facts are gathered when the walk meets their construct, over its own subtree:
//! effects (React `useEffect` and friends, class components' `componentDidMount` /
//! `componentWillUnmount`, Vue `onMounted` / `onUnmounted`) with what they acquire and what
//! their cleanup calls; sessions (pool checkouts, single connections) with how they are closed;
//! and the code that only runs in production (`if (process.env.NODE_ENV === "production")`).
//!
//! Configuration facts are read at each construction: its object-literal options (nested objects
//! flattened with `.`, module constants and locals followed), where its connection URL comes
//! from (a literal, or an environment variable through `process.env`, `import.meta.env`, a t3-env
//! `env` module, and the locals bound from them), connection-URL string literals anywhere, and
//! the project modules the file imports.
//!
//! The front-end knows syntax and frameworks (Next.js, Express, Koa, Fastify, Hono, tRPC,
//! React, Vue); client libraries and effect pairs come from the catalogue only.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use tree_sitter::{Node, Parser, Tree};

use crate::catalog::{
    ClientDef, CtorDef, CtorMatch, EffectPairDef, LangCatalog, Matching, wildcard_match,
};
use crate::facts::{
    Acquisition, CallSite, Cleanup, CleanupCall, ClientConfig, ClientKind, ClientSite, Closing,
    ConnUrl, EffectAnchors, EffectFact, FileFacts, FixAnchors, FnFact, Guard, HandlerRef,
    ModuleRef, NestedAnchors, OptValue, OptionFact, Returned, Scope, ScopeKind, SessionAnchors,
    SessionSite, UrlRef,
};
use crate::lang::ParseError;
use crate::lang::dotenv::is_connection_url;
use crate::lang::modules::js_module;
use crate::source::{Lang, SourceFile, Span};

thread_local! {
    /// `[typescript, tsx]`, created on first use on each thread.
    static PARSERS: RefCell<[Option<Parser>; 2]> = const { RefCell::new([None, None]) };
}

fn parse(lang: Lang, text: &str) -> Result<Tree, ParseError> {
    let tsx = !matches!(lang, Lang::Ts);
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let slot = &mut parsers[usize::from(tsx)];
        if slot.is_none() {
            let language = if tsx {
                tree_sitter_typescript::LANGUAGE_TSX.into()
            } else {
                tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into()
            };
            let mut parser = Parser::new();
            parser.set_language(&language).map_err(|e| ParseError {
                message: format!("cannot load the TypeScript grammar: {e}"),
                span: None,
            })?;
            *slot = Some(parser);
        }
        let parser = slot.as_mut().ok_or_else(|| ParseError {
            message: "no TypeScript parser".into(),
            span: None,
        })?;
        parser.parse(text, None).ok_or_else(|| ParseError {
            message: "the TypeScript parser gave up on this file".into(),
            span: None,
        })
    })
}

/// Does the text parse without any error or missing node?
pub fn parses_cleanly(lang: Lang, text: &str) -> bool {
    parse(lang, text).is_ok_and(|t| !t.root_node().has_error())
}

/// Extract the facts of one TypeScript / TSX / JavaScript file.
pub fn extract(file: &SourceFile, catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    let tree = parse(file.lang, &file.text)?;
    let root = tree.root_node();
    let info = FileInfo::new(file);
    let mut pre = Pre::new(file, catalog, info);
    pre.run(root);
    let mut walker = Walker::new(file, catalog, pre, info);
    walker.walk(root);
    Ok(walker.finish())
}

// ------------------------------------------------------------------------------------------
// Vocabulary (frameworks, not libraries)

const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const ROUTE_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "del", "all", "use", "options", "head",
];
const TRPC_METHODS: &[&str] = &["query", "mutation", "subscription"];
const LOOP_METHODS: &[&str] = &[
    "map",
    "flatMap",
    "forEach",
    "filter",
    "reduce",
    "reduceRight",
    "some",
    "every",
    "find",
    "findIndex",
];
const EFFECT_HOOKS: &[&str] = &["useEffect", "useLayoutEffect", "useInsertionEffect"];
/// Hooks whose first argument is an initialiser run once per component instance.
const MEMO_HOOKS: &[&str] = &["useMemo", "useState"];
/// Hooks whose first argument is a value kept across renders (`useState(new X())`).
const MEMO_VALUE_HOOKS: &[&str] = &["useState", "useRef"];
/// Wrappers that run their function once per process (or per key): `memoize(fn)`,
/// `singleton("redis", initRedis)`, `once(fn)`. Not React's `cache`, which memoizes per request.
const MEMO_WRAPPERS: &[&str] = &[
    "memoize",
    "memoizeOne",
    "pMemoize",
    "once",
    "lazy",
    "singleton",
    "getSingleton",
    "createSingleton",
];

/// Is the `index`-th argument of a call to `callee` (its last name) run once by a memoizer?
/// `once` must be given the function first: `emitter.once("event", fn)` runs `fn` once per
/// registration, which is not once per process.
fn is_memo_arg(callee: &str, index: usize) -> bool {
    MEMO_WRAPPERS.contains(&callee) && (index == 0 || !matches!(callee, "once" | "lazy"))
}
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
const GLOBALS: &[&str] = &["globalThis", "global", "window"];
const PAGE_FILES: &[&str] = &[
    "page",
    "layout",
    "template",
    "default",
    "not-found",
    "error",
    "loading",
];

fn is_fn_kind(kind: &str) -> bool {
    matches!(
        kind,
        "function_declaration"
            | "generator_function_declaration"
            | "function_expression"
            | "generator_function"
            | "arrow_function"
            | "method_definition"
    )
}

fn is_loop_kind(kind: &str) -> bool {
    matches!(
        kind,
        "for_statement" | "for_in_statement" | "while_statement" | "do_statement"
    )
}

fn is_pascal(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn is_hook_name(name: &str) -> bool {
    name.strip_prefix("use")
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_uppercase())
}

// ------------------------------------------------------------------------------------------
// Small syntax helpers

fn span(n: Node) -> Span {
    Span::new(n.start_byte(), n.end_byte())
}

fn text<'s>(n: Node, src: &'s str) -> &'s str {
    src.get(n.byte_range()).unwrap_or("")
}

fn field<'t>(n: Node<'t>, name: &str) -> Option<Node<'t>> {
    n.child_by_field_name(name)
}

fn is_field(parent: Node, name: &str, child: Node) -> bool {
    field(parent, name).is_some_and(|c| c.id() == child.id())
}

fn named_kids<'t>(n: Node<'t>) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|k| k.kind() != "comment")
        .collect()
}

fn first_named<'t>(n: Node<'t>) -> Option<Node<'t>> {
    let mut c = n.walk();
    n.named_children(&mut c).find(|k| k.kind() != "comment")
}

fn token<'t>(n: Node<'t>, token: &str) -> Option<Node<'t>> {
    let mut c = n.walk();
    n.children(&mut c)
        .find(|k| !k.is_named() && k.kind() == token)
}

/// Strip parentheses, type casts, non-null assertions and `await`.
fn unwrap_value(mut n: Node) -> Node {
    loop {
        let inner = match n.kind() {
            "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "await_expression"
            | "instantiation_expression" => first_named(n),
            "type_assertion" => n.named_child(n.named_child_count().saturating_sub(1) as u32),
            _ => None,
        };
        match inner {
            Some(i) => n = i,
            None => return n,
        }
    }
}

/// The content of a string literal node (without quotes).
fn string_value<'s>(n: Node, src: &'s str) -> Option<&'s str> {
    if n.kind() != "string" {
        return None;
    }
    let t = text(n, src);
    t.get(1..t.len().saturating_sub(1))
}

/// The name a property key / method name stands for.
fn key_name<'s>(n: Node, src: &'s str) -> Option<&'s str> {
    match n.kind() {
        "property_identifier" | "identifier" | "private_property_identifier" => Some(text(n, src)),
        "string" => string_value(n, src),
        _ => None,
    }
}

/// The last name of a callee: `useEffect`, `React.useEffect` → `useEffect`.
fn callee_name<'s>(callee: Node, src: &'s str) -> Option<&'s str> {
    let c = unwrap_value(callee);
    match c.kind() {
        "identifier" => Some(text(c, src)),
        "member_expression" => field(c, "property").map(|p| text(p, src)),
        _ => None,
    }
}

/// Does a module-level function start the HTTP server (`app.listen(port)`,
/// `http.createServer(app).listen(…)`)? It runs once, at startup, whoever calls it.
fn starts_server(f: Node<'_>, src: &str) -> bool {
    src.get(f.byte_range()).is_some_and(|t| {
        t.contains(".listen(")
            && (t.contains("express()")
                || t.contains("createServer(")
                || t.contains("fastify(")
                || t.contains("new Koa(")
                || t.contains("new Hono("))
    })
}

/// Is the innermost function around `at` declared `async`?
fn in_async_fn(at: At<'_, '_>) -> bool {
    let mut cur = at;
    while let Some(p) = cur.up() {
        if matches!(
            p.node.kind(),
            "function_declaration"
                | "function_expression"
                | "function"
                | "arrow_function"
                | "method_definition"
                | "generator_function_declaration"
                | "generator_function"
        ) {
            let mut walk = p.node.walk();
            return p.node.children(&mut walk).any(|ch| ch.kind() == "async");
        }
        cur = p;
    }
    false
}

/// A node and its ancestors (nearest last). The traversals keep this stack, so walking up is
/// O(1): tree-sitter's `Node::parent` searches down from the root on every call, which is
/// quadratic on deep or wide trees.
#[derive(Clone, Copy)]
struct At<'p, 't> {
    node: Node<'t>,
    anc: &'p [Node<'t>],
}

impl<'p, 't> At<'p, 't> {
    fn up(self) -> Option<At<'p, 't>> {
        let (last, rest) = self.anc.split_last()?;
        Some(At {
            node: *last,
            anc: rest,
        })
    }

    fn parent(self) -> Option<Node<'t>> {
        self.anc.last().copied()
    }
}

/// `f` is the `index`-th argument of `call`.
fn arg_position<'p, 't>(f: At<'p, 't>) -> Option<(At<'p, 't>, usize)> {
    let args = f.up()?;
    if args.node.kind() != "arguments" {
        return None;
    }
    let call = args.up()?;
    if !matches!(call.node.kind(), "call_expression" | "new_expression") {
        return None;
    }
    named_kids(args.node)
        .iter()
        .position(|a| a.id() == f.node.id())
        .map(|i| (call, i))
}

/// Arguments of a call or `new` (empty for a tagged template).
fn call_args(call: Node) -> Vec<Node> {
    match field(call, "arguments") {
        Some(a) if a.kind() == "arguments" => named_kids(a),
        _ => Vec::new(),
    }
}

/// `(() => …)()`, `(async function () {…})()`, `new Promise((resolve) => …)`.
fn is_iife(f: At, src: &str) -> bool {
    let mut cur = f;
    while let Some(p) = cur.up() {
        if p.node.kind() == "parenthesized_expression" {
            cur = p;
            continue;
        }
        if p.node.kind() == "call_expression" && is_field(p.node, "function", cur.node) {
            return true;
        }
        break;
    }
    if let Some((call, 0)) = arg_position(f) {
        return call.node.kind() == "new_expression"
            && field(call.node, "constructor").is_some_and(|c| text(c, src) == "Promise");
    }
    false
}

/// Root identifier and first member of a value chain: `client.db(x).collection(y)` →
/// (`client`, `db`); `client` → (`client`, None). `None` if the chain starts with a call result.
fn root_of<'s>(n: Node, src: &'s str) -> Option<(&'s str, Option<&'s str>)> {
    let mut cur = unwrap_value(n);
    let mut method = None;
    loop {
        match cur.kind() {
            "identifier" => return Some((text(cur, src), method)),
            "this" => return Some(("this", method)),
            "member_expression" => {
                method = field(cur, "property").map(|p| text(p, src));
                cur = unwrap_value(field(cur, "object")?);
            }
            "subscript_expression" => cur = unwrap_value(field(cur, "object")?),
            "call_expression" => {
                let f = unwrap_value(field(cur, "function")?);
                if f.kind() != "member_expression" {
                    return None;
                }
                cur = f;
            }
            _ => return None,
        }
    }
}

/// A callee made only of names: `client.close`, `db.$client.end`, `this.pool.end`.
fn dotted_path(n: Node, src: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let mut cur = unwrap_value(n);
    loop {
        match cur.kind() {
            "identifier" | "this" => {
                parts.push(text(cur, src));
                break;
            }
            "member_expression" => {
                parts.push(text(field(cur, "property")?, src));
                cur = unwrap_value(field(cur, "object")?);
            }
            _ => return None,
        }
        if parts.len() > 16 {
            return None;
        }
    }
    parts.reverse();
    Some(parts.join("."))
}

/// Identifiers bound by a pattern (`x`, `{ a, b: c }`, `[d, ...e]`), skipping type annotations.
fn pattern_names(n: Node, src: &str, out: &mut Vec<String>) {
    match n.kind() {
        "identifier" | "shorthand_property_identifier_pattern" => {
            out.push(text(n, src).to_string())
        }
        "type_annotation" | "type_arguments" | "type_parameters" => {}
        "pair_pattern" => {
            if let Some(v) = field(n, "value") {
                pattern_names(v, src, out);
            }
        }
        "assignment_pattern" | "object_assignment_pattern" => {
            if let Some(l) = field(n, "left").or_else(|| first_named(n)) {
                pattern_names(l, src, out);
            }
        }
        "required_parameter" | "optional_parameter" => {
            if let Some(p) = field(n, "pattern") {
                pattern_names(p, src, out);
            }
        }
        _ => {
            for k in named_kids(n) {
                pattern_names(k, src, out);
            }
        }
    }
}

/// Visit every node with its ancestors: `f(at, entering)`.
fn traverse<'t>(root: Node<'t>, mut f: impl FnMut(At<'_, 't>, bool)) {
    let mut stack: Vec<Node<'t>> = Vec::new();
    let mut cursor = root.walk();
    loop {
        crate::lang::budget::tick();
        let node = cursor.node();
        f(At { node, anc: &stack }, true);
        stack.push(node);
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            let node = cursor.node();
            stack.pop();
            f(At { node, anc: &stack }, false);
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// How a function got its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    /// `function f() {}`
    Decl,
    /// `const f = () => …`, `f = function () {}`
    Var,
    /// `export const GET = withAuth(async () => …)`, `const Chat = memo(() => …)`
    Wrapper,
    /// Methods, object members, class fields, `exports.f = …`
    Member,
}

struct FnName<'p, 't> {
    name: String,
    span: Span,
    kind: NameKind,
    /// The node that carries the name (declaration, declarator, pair, method, assignment).
    anchor: At<'p, 't>,
}

fn fn_name<'p, 't>(f: At<'p, 't>, src: &str) -> Option<FnName<'p, 't>> {
    let mk = |n: Node, kind, anchor| {
        Some(FnName {
            name: text(n, src).trim_matches(['"', '\'']).to_string(),
            span: span(n),
            kind,
            anchor,
        })
    };
    let fnode = f.node;
    match fnode.kind() {
        "function_declaration" | "generator_function_declaration" => {
            mk(field(fnode, "name")?, NameKind::Decl, f)
        }
        "method_definition" => {
            let n = field(fnode, "name")?;
            key_name(n, src)?;
            mk(n, NameKind::Member, f)
        }
        _ => {
            let p = f.up()?;
            let pn = p.node;
            match pn.kind() {
                "variable_declarator" if is_field(pn, "value", fnode) => {
                    let n = field(pn, "name")?;
                    return if n.kind() == "identifier" {
                        mk(n, NameKind::Var, p)
                    } else {
                        None
                    };
                }
                "pair" if is_field(pn, "value", fnode) => {
                    let n = field(pn, "key")?;
                    key_name(n, src)?;
                    return mk(n, NameKind::Member, p);
                }
                "public_field_definition" => {
                    let n = field(pn, "name")?;
                    key_name(n, src)?;
                    return mk(n, NameKind::Member, p);
                }
                "assignment_expression" if is_field(pn, "right", fnode) => {
                    let l = field(pn, "left")?;
                    return match l.kind() {
                        "identifier" => mk(l, NameKind::Var, p),
                        "member_expression" if text(l, src) != "module.exports" => {
                            mk(field(l, "property")?, NameKind::Member, p)
                        }
                        _ => None,
                    };
                }
                _ => {}
            }
            if let Some(n) = field(fnode, "name") {
                return mk(n, NameKind::Member, f);
            }
            // A wrapper at module level: `export const GET = withAuth(async () => …)`.
            let mut cur = f;
            while let Some((call, _)) = arg_position(cur) {
                let callee = field(call.node, "function")
                    .and_then(|c| callee_name(c, src))
                    .unwrap_or("");
                if is_hook_name(callee) || LOOP_METHODS.contains(&callee) || callee.is_empty() {
                    return None;
                }
                cur = call;
            }
            if cur.node.id() == fnode.id() {
                return None;
            }
            let decl = cur.up()?;
            if decl.node.kind() != "variable_declarator" || !is_field(decl.node, "value", cur.node)
            {
                return None;
            }
            let stmt = decl.up()?;
            let top = stmt
                .parent()
                .is_some_and(|s| matches!(s.kind(), "program" | "export_statement"));
            let n = field(decl.node, "name")?;
            if top && n.kind() == "identifier" {
                mk(n, NameKind::Wrapper, decl)
            } else {
                None
            }
        }
    }
}

/// The number of parameters a function declares (a TypeScript `this` parameter excluded).
fn param_count(f: Node) -> u32 {
    if field(f, "parameter").is_some() {
        return 1;
    }
    let Some(params) = field(f, "parameters") else {
        return 0;
    };
    let n = named_kids(params)
        .into_iter()
        .filter(|p| {
            let pat = field(*p, "pattern").unwrap_or(*p);
            pat.kind() != "this"
        })
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Names a statement declares in its block: `const`/`let`/`var` declarations, functions,
/// classes (also behind `export`).
fn declared_names(st: Node, src: &str, out: &mut Vec<String>) {
    match st.kind() {
        "lexical_declaration" | "variable_declaration" => {
            for d in named_kids(st) {
                if d.kind() == "variable_declarator"
                    && let Some(name) = field(d, "name")
                {
                    pattern_names(name, src, out);
                }
            }
        }
        "function_declaration"
        | "generator_function_declaration"
        | "class_declaration"
        | "abstract_class_declaration" => {
            if let Some(name) = field(st, "name") {
                out.push(text(name, src).to_string());
            }
        }
        _ => {}
    }
}

/// Does the function declare a parameter without a type annotation (`e => …`, `(e) => …`)?
fn has_untyped_params(f: Node) -> bool {
    if field(f, "parameter").is_some() {
        return true;
    }
    field(f, "parameters").is_some_and(|ps| {
        named_kids(ps).into_iter().any(|p| {
            matches!(p.kind(), "required_parameter" | "optional_parameter")
                && field(p, "type").is_none()
                && field(p, "pattern").is_none_or(|x| x.kind() != "this")
        })
    })
}

/// A class method, a class field holding a function, or an object-literal member: not a free
/// function (nor one assigned to `exports.f`).
fn is_method(f: Node, n: &FnName) -> bool {
    n.kind == NameKind::Member
        && (f.kind() == "method_definition"
            || matches!(n.anchor.node.kind(), "pair" | "public_field_definition"))
}

/// Does the function body start with the directive `"use server"`?
fn has_use_server(f: Node, src: &str) -> bool {
    let Some(body) = field(f, "body") else {
        return false;
    };
    if body.kind() != "statement_block" {
        return false;
    }
    for st in named_kids(body) {
        if st.kind() != "expression_statement" {
            return false;
        }
        match first_named(st).and_then(|s| string_value(s, src)) {
            Some("use server") => return true,
            Some(_) => continue,
            None => return false,
        }
    }
    false
}

// ------------------------------------------------------------------------------------------
// File context

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    App,
    Test,
    Startup,
}

#[derive(Debug, Clone, Copy)]
struct FileInfo {
    role: Role,
    /// `app/**/route.*`
    route: bool,
    /// `app/**/{page,layout,…}.*`
    page: bool,
    /// `middleware.*` / `proxy.*` at the root or in `src/` of a Next.js project
    middleware: bool,
    /// `pages/api/**`
    pages_api: bool,
    /// `pages/**`
    pages_dir: bool,
    /// Components are possible (TSX / JS grammar).
    jsx: bool,
    /// The project uses React (hooks may live in `.ts` files).
    react: bool,
    /// Framework tag for router callbacks.
    router: &'static str,
}

impl FileInfo {
    fn new(file: &SourceFile) -> Self {
        let rel = file.rel.trim_start_matches("./");
        let segs: Vec<&str> = rel.split('/').collect();
        let name = segs.last().copied().unwrap_or("");
        let dirs = &segs[..segs.len().saturating_sub(1)];
        let stem = name.split('.').next().unwrap_or(name);
        let app_dir = segs.first() == Some(&"app")
            || (segs.first() == Some(&"src") && segs.get(1) == Some(&"app"));
        let pages_dir = segs.first() == Some(&"pages")
            || (segs.first() == Some(&"src") && segs.get(1) == Some(&"pages"));
        // Inside Next.js routing directories, `test/` or `scripts/` are URL segments.
        let routed = app_dir || pages_dir;
        let test = name.contains(".test.")
            || name.contains(".spec.")
            || dirs.iter().any(|d| {
                matches!(*d, "__tests__" | "__mocks__")
                    || (!routed && matches!(*d, "test" | "tests" | "e2e" | "cypress"))
            });
        let startup = (!routed
            && dirs
                .iter()
                .any(|d| matches!(*d, "scripts" | "migrations" | "seeds" | "seeders")))
            // Seed scripts (`seed.ts`, `test-cards-seed.ts`, `seed-users.ts`) and what sits
            // beside Prisma's schema (`prisma/seed.ts`): run by hand, never by the app.
            || stem == "seed"
            || ["-seed", "_seed", ".seed"].iter().any(|s| stem.ends_with(s))
            || ["seed-", "seed_"].iter().any(|s| stem.starts_with(s))
            || (!routed && dirs.first() == Some(&"prisma"))
            || name.contains(".config.")
            || stem == "instrumentation";
        let role = if test {
            Role::Test
        } else if startup {
            Role::Startup
        } else {
            Role::App
        };
        let pages_api = pages_dir
            && (segs.get(1) == Some(&"api") || segs.get(2) == Some(&"api") && segs[0] == "src");
        let p = &file.project;
        let root_file = dirs.is_empty() || dirs == ["src"];
        let router = if p.has_dep("express") {
            "express"
        } else if p.has_dep("fastify") {
            "fastify"
        } else if p.has_dep("hono") {
            "hono"
        } else if p.has_dep("koa") || p.has_dep("@koa/router") || p.has_dep("koa-router") {
            "koa"
        } else {
            "express"
        };
        FileInfo {
            role,
            route: app_dir && stem == "route",
            page: app_dir && PAGE_FILES.contains(&stem),
            middleware: p.nextjs && root_file && matches!(stem, "middleware" | "proxy"),
            pages_api,
            pages_dir,
            jsx: !matches!(file.lang, Lang::Ts),
            react: ["react", "preact", "react-native", "next"]
                .iter()
                .any(|d| p.has_dep(d)),
            router,
        }
    }
}

// ------------------------------------------------------------------------------------------
// Pre-pass

#[derive(Debug, Clone)]
struct Import {
    module: String,
    /// `default`, `*`, or the export name, followed by member names.
    path: String,
    /// The project-local module, if the specifier names one.
    local: Option<ModuleRef>,
}

/// A function that something other than its position makes special.
#[derive(Debug, Clone, Copy)]
enum Special {
    /// Called per request by a framework; the span labels an anonymous callback.
    Handler(&'static str, Span),
    /// Run once (Fastify plugin, `listen` callback).
    Startup,
}

struct Pre<'a, 't> {
    file: &'a SourceFile,
    catalog: &'a LangCatalog,
    src: &'a str,
    info: FileInfo,
    imports: HashMap<String, Import>,
    module_vars: HashSet<String>,
    /// Roots of assignment targets anywhere (`cached = …`, `cache.conn = …`, `n++`).
    assigned: HashSet<String>,
    global_aliases: HashSet<String>,
    /// Functions callable by a bare name (declarations, `const f = …`).
    fn_names: HashSet<String>,
    /// Same-file functions named as handlers, by name.
    handler_names: HashMap<String, &'static str>,
    startup_names: HashSet<String>,
    /// Function nodes made special by where they are passed.
    callbacks: HashMap<usize, Special>,
    /// Named functions whose body renders JSX.
    jsx_fns: HashSet<usize>,
    exported_names: HashSet<String>,
    use_server: bool,
    use_client: bool,
    /// Functions passed by name to a memoizer (`singleton("redis", initializeRedis)`): their
    /// body runs once.
    memo_fns: HashSet<String>,
    module_insert: u32,
    refs: Vec<HandlerRef>,
    pending: Vec<(Node<'t>, Special)>,
    /// Module-level bindings (`const MAX = 20`, `const url = process.env.X`,
    /// `const { DATABASE_URL } = process.env`), for option values and URLs.
    consts: HashMap<String, Bound<'t>>,
    /// Project modules imported (ESM, `require`, `import()`, `export … from`), de-duplicated.
    local_imports: Vec<ModuleRef>,
}

impl<'a, 't> Pre<'a, 't> {
    fn new(file: &'a SourceFile, catalog: &'a LangCatalog, info: FileInfo) -> Self {
        Pre {
            file,
            catalog,
            src: &file.text,
            info,
            imports: HashMap::new(),
            module_vars: HashSet::new(),
            assigned: HashSet::new(),
            global_aliases: HashSet::new(),
            fn_names: HashSet::new(),
            handler_names: HashMap::new(),
            startup_names: HashSet::new(),
            callbacks: HashMap::new(),
            jsx_fns: HashSet::new(),
            exported_names: HashSet::new(),
            use_server: false,
            use_client: false,
            memo_fns: HashSet::new(),
            module_insert: 0,
            refs: Vec::new(),
            pending: Vec::new(),
            consts: HashMap::new(),
            local_imports: Vec::new(),
        }
    }

    fn run(&mut self, root: Node<'t>) {
        self.top_level(root);
        let mut fn_stack: Vec<(usize, bool)> = Vec::new();
        let src = self.src;
        traverse(root, |at, entering| {
            let n = at.node;
            if !n.is_named() {
                return;
            }
            let kind = n.kind();
            if is_fn_kind(kind) {
                if entering {
                    let name = fn_name(at, src);
                    if let Some(fname) = &name
                        && matches!(
                            fname.kind,
                            NameKind::Decl | NameKind::Var | NameKind::Wrapper
                        )
                    {
                        self.fn_names.insert(fname.name.clone());
                    }
                    fn_stack.push((n.id(), name.is_some()));
                } else {
                    fn_stack.pop();
                }
                return;
            }
            if !entering {
                return;
            }
            match kind {
                "import_statement" => self.import(n),
                "export_statement" => {
                    if let Some(m) = field(n, "source").and_then(|s| string_value(s, src)) {
                        self.note_import(m);
                    }
                }
                "variable_declarator" => self.declarator(n),
                "assignment_expression" | "augmented_assignment_expression" => {
                    if let Some((root, _)) = field(n, "left").and_then(|l| root_of(l, src)) {
                        self.assigned.insert(root.to_string());
                    }
                }
                "update_expression" => {
                    if let Some((root, _)) = field(n, "argument").and_then(|l| root_of(l, src)) {
                        self.assigned.insert(root.to_string());
                    }
                }
                "call_expression" => {
                    if let Some(m) = self.required_module(n) {
                        self.note_import(m);
                    }
                    self.registration(n);
                    self.memo_call(n);
                }
                "jsx_element" | "jsx_self_closing_element" => {
                    if let Some((id, _)) = fn_stack.iter().rev().find(|(_, named)| *named) {
                        self.jsx_fns.insert(*id);
                    }
                }
                _ => {}
            }
        });
        for (node, special) in std::mem::take(&mut self.pending) {
            self.handler_arg(node, special, 0);
        }
    }

    /// `singleton("redis", initializeRedis)`, `memoize(getClient)`: names of functions handed
    /// to a memoizer.
    fn memo_call(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(callee) = field(call, "function").and_then(|c| callee_name(c, src)) else {
            return;
        };
        if !MEMO_WRAPPERS.contains(&callee) {
            return;
        }
        for (i, a) in call_args(call).into_iter().enumerate() {
            let a = unwrap_value(a);
            if a.kind() == "identifier" && is_memo_arg(callee, i) {
                self.memo_fns.insert(text(a, src).to_string());
            }
        }
    }

    fn local_module(&self, spec: &str) -> Option<ModuleRef> {
        if self.catalog.knows_module(spec) {
            return None;
        }
        let project = &self.file.project;
        js_module(&self.file.rel, spec, |pkg| project.has_dep(pkg))
    }

    /// A module the file imports: recorded when it is a project module.
    fn note_import(&mut self, spec: &str) {
        if let Some(m) = self.local_module(spec)
            && !self.local_imports.contains(&m)
        {
            self.local_imports.push(m);
        }
    }

    fn add_import(&mut self, local: &str, module: &str, path: String) {
        let local_module = self.local_module(module);
        self.imports.insert(
            local.to_string(),
            Import {
                module: module.to_string(),
                path,
                local: local_module,
            },
        );
    }

    fn import(&mut self, n: Node<'t>) {
        let src = self.src;
        let Some(module) = field(n, "source").and_then(|s| string_value(s, src)) else {
            return;
        };
        self.note_import(module);
        for clause in named_kids(n) {
            match clause.kind() {
                "import_clause" => {
                    for c in named_kids(clause) {
                        match c.kind() {
                            "identifier" => self.add_import(text(c, src), module, "default".into()),
                            "namespace_import" => {
                                if let Some(id) = first_named(c) {
                                    self.add_import(text(id, src), module, "*".into());
                                }
                            }
                            "named_imports" => {
                                for spec in named_kids(c) {
                                    let Some(name) = field(spec, "name") else {
                                        continue;
                                    };
                                    let name_s = key_name(name, src).unwrap_or("");
                                    let local = field(spec, "alias")
                                        .map(|a| text(a, src))
                                        .unwrap_or(name_s);
                                    self.add_import(local, module, name_s.to_string());
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "import_require_clause" => {
                    if let Some(id) = first_named(clause).filter(|i| i.kind() == "identifier") {
                        self.add_import(text(id, src), module, "*".into());
                    }
                }
                _ => {}
            }
        }
    }

    /// `require('m')` / `import('m')` (possibly awaited): the module name.
    fn required_module(&self, n: Node) -> Option<&'a str> {
        let n = unwrap_value(n);
        if n.kind() != "call_expression" {
            return None;
        }
        let f = field(n, "function")?;
        if !(f.kind() == "import" || (f.kind() == "identifier" && text(f, self.src) == "require")) {
            return None;
        }
        string_value(*call_args(n).first()?, self.src)
    }

    fn declarator(&mut self, n: Node<'t>) {
        let src = self.src;
        let (Some(name), Some(value)) = (field(n, "name"), field(n, "value")) else {
            return;
        };
        let v = unwrap_value(value);
        // `require('m')`, `await import('m')`, `require('m').X`
        let (module, base) = if let Some(m) = self.required_module(v) {
            (Some(m.to_string()), "*".to_string())
        } else if v.kind() == "member_expression"
            && let Some(m) = field(v, "object").and_then(|o| self.required_module(o))
        {
            let prop = field(v, "property").map(|p| text(p, src)).unwrap_or("");
            (Some(m.to_string()), prop.to_string())
        } else if v.kind() == "identifier"
            && name.kind() == "object_pattern"
            && let Some(imp) = self.imports.get(text(v, src))
        {
            // `import pg from 'pg'; const { Pool } = pg;`
            (Some(imp.module.clone()), imp.path.clone())
        } else {
            (None, String::new())
        };
        if let Some(module) = module {
            match name.kind() {
                "identifier" => self.add_import(text(name, src), &module, base),
                "object_pattern" => {
                    for p in named_kids(name) {
                        let (key, local) = match p.kind() {
                            "shorthand_property_identifier_pattern" => (text(p, src), text(p, src)),
                            "pair_pattern" => {
                                let key =
                                    field(p, "key").and_then(|k| key_name(k, src)).unwrap_or("");
                                let mut v = field(p, "value");
                                if let Some(a) = v.filter(|a| a.kind() == "assignment_pattern") {
                                    v = field(a, "left");
                                }
                                match v.filter(|v| v.kind() == "identifier") {
                                    Some(v) => (key, text(v, src)),
                                    None => continue,
                                }
                            }
                            _ => continue,
                        };
                        let path = if base == "*" {
                            key.to_string()
                        } else {
                            format!("{base}.{key}")
                        };
                        self.add_import(local, &module, path);
                    }
                }
                _ => {}
            }
            return;
        }
        if name.kind() == "identifier" && v.kind() == "identifier" {
            let target = text(v, src);
            if GLOBALS.contains(&target) || self.global_aliases.contains(target) {
                self.global_aliases.insert(text(name, src).to_string());
            }
        }
    }

    fn top_level(&mut self, root: Node<'t>) {
        let src = self.src;
        let mut directives = true;
        for st in named_kids(root) {
            if st.kind() == "hash_bang_line" {
                continue;
            }
            if directives
                && st.kind() == "expression_statement"
                && let Some(d) = first_named(st).and_then(|s| string_value(s, src))
            {
                match d {
                    "use server" => self.use_server = true,
                    "use client" => self.use_client = true,
                    _ => {}
                }
                // New module-level code goes after the directives at least.
                self.module_insert = u32::try_from(st.end_byte()).unwrap_or(0);
                continue;
            }
            directives = false;
            match st.kind() {
                "import_statement" => {
                    self.module_insert = u32::try_from(st.end_byte()).unwrap_or(0)
                }
                "lexical_declaration" | "variable_declaration" => {
                    // `const { Pool } = require("pg")` is an import too.
                    let requires = named_kids(st).into_iter().any(|d| {
                        field(d, "value").is_some_and(|v| {
                            let v = unwrap_value(v);
                            self.required_module(v).is_some()
                                || (v.kind() == "member_expression"
                                    && field(v, "object")
                                        .is_some_and(|o| self.required_module(o).is_some()))
                        })
                    });
                    if requires {
                        self.module_insert = u32::try_from(st.end_byte()).unwrap_or(0);
                    }
                    self.module_declaration(st, false)
                }
                "export_statement" => self.export(st),
                "expression_statement" => self.top_expression(st),
                "if_statement" => {
                    if let Some(c) = field(st, "consequence") {
                        let stmts = if c.kind() == "statement_block" {
                            named_kids(c)
                        } else {
                            vec![c]
                        };
                        for s in stmts
                            .into_iter()
                            .filter(|s| s.kind() == "expression_statement")
                        {
                            self.top_call(s);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn module_declaration(&mut self, decl: Node<'t>, exported: bool) {
        let src = self.src;
        for d in named_kids(decl)
            .into_iter()
            .filter(|d| d.kind() == "variable_declarator")
        {
            let Some(name) = field(d, "name") else {
                continue;
            };
            let mut names = Vec::new();
            pattern_names(name, src, &mut names);
            if exported {
                self.exported_names.extend(names.iter().cloned());
            }
            if name.kind() == "identifier"
                && let Some(value) = field(d, "value")
            {
                let as_name = text(name, src);
                if exported {
                    self.named_export(as_name, value);
                }
            }
            if let Some(value) = field(d, "value") {
                bindings_of(name, value, src, |local, b| {
                    self.consts.insert(local.to_string(), b);
                });
            }
            self.module_vars.extend(names);
        }
    }

    fn export(&mut self, st: Node<'t>) {
        let src = self.src;
        if let Some(source) = field(st, "source").and_then(|s| string_value(s, src)) {
            // `export { GET, POST } from './handlers'`
            if !self.info.route {
                return;
            }
            let module = self.local_module(source);
            for clause in named_kids(st)
                .into_iter()
                .filter(|c| c.kind() == "export_clause")
            {
                for spec in named_kids(clause) {
                    let Some(name) = field(spec, "name").and_then(|n| key_name(n, src)) else {
                        continue;
                    };
                    let as_name = field(spec, "alias")
                        .and_then(|a| key_name(a, src))
                        .unwrap_or(name);
                    if HTTP_METHODS.contains(&as_name) && module.is_some() {
                        self.refs.push(HandlerRef {
                            name: name.to_string(),
                            module: module.clone(),
                            framework: "next-route".into(),
                            span: span(spec),
                        });
                    }
                }
            }
            return;
        }
        if let Some(decl) = field(st, "declaration") {
            match decl.kind() {
                "function_declaration"
                | "generator_function_declaration"
                | "class_declaration"
                | "abstract_class_declaration" => {
                    if let Some(name) = field(decl, "name") {
                        let name = text(name, src);
                        self.exported_names.insert(name.to_string());
                        if decl.kind() != "class_declaration" {
                            self.named_export(name, decl);
                        }
                    }
                }
                "lexical_declaration" | "variable_declaration" => {
                    self.module_declaration(decl, true)
                }
                _ => {}
            }
        }
        if let Some(kw) = token(st, "default")
            && let Some(v) = field(st, "value").or_else(|| field(st, "declaration"))
        {
            self.default_export(v, span(kw));
        }
        for clause in named_kids(st)
            .into_iter()
            .filter(|c| c.kind() == "export_clause")
        {
            for spec in named_kids(clause) {
                let Some(name) = field(spec, "name") else {
                    continue;
                };
                let local = text(name, src);
                let as_name = field(spec, "alias")
                    .and_then(|a| key_name(a, src))
                    .unwrap_or(local);
                self.exported_names.insert(local.to_string());
                if as_name == "default" {
                    self.default_export(name, span(spec));
                } else {
                    self.named_export(as_name, name);
                }
            }
        }
    }

    /// `export … <as_name> = <value>`: Next.js names that frameworks call per request.
    fn named_export(&mut self, as_name: &str, value: Node<'t>) {
        let fw = if self.info.route && HTTP_METHODS.contains(&as_name) {
            "next-route"
        } else if self.info.middleware && as_name == "middleware" {
            "next-middleware"
        } else if self.info.page && as_name == "generateMetadata" {
            "next-page"
        } else if self.info.pages_dir && as_name == "getServerSideProps" {
            "next-ssr"
        } else {
            return;
        };
        self.pending
            .push((value, Special::Handler(fw, span(value))));
    }

    fn default_export(&mut self, v: Node<'t>, label: Span) {
        let src = self.src;
        match v.kind() {
            "identifier" => {
                self.exported_names.insert(text(v, src).to_string());
            }
            "new_expression" => {
                if let Some(c) = field(v, "constructor").filter(|c| c.kind() == "identifier") {
                    self.exported_names.insert(text(c, src).to_string());
                }
            }
            "object" => {
                for k in named_kids(v) {
                    if k.kind() == "shorthand_property_identifier" {
                        self.exported_names.insert(text(k, src).to_string());
                    } else if k.kind() == "pair"
                        && let Some(val) = field(k, "value").filter(|x| x.kind() == "identifier")
                    {
                        self.exported_names.insert(text(val, src).to_string());
                    }
                }
            }
            _ => {}
        }
        let fw = if self.info.pages_api {
            "next-api"
        } else if self.info.page && !self.use_client {
            "next-page"
        } else if self.info.middleware {
            "next-middleware"
        } else {
            return;
        };
        self.pending.push((v, Special::Handler(fw, label)));
    }

    /// Top-level expression statements: `module.exports = …`, `exports.f = …`, `main()`.
    fn top_expression(&mut self, st: Node<'t>) {
        let src = self.src;
        let Some(e) = first_named(st) else { return };
        if e.kind() == "assignment_expression"
            && let (Some(l), Some(r)) = (field(e, "left"), field(e, "right"))
        {
            let lt = text(l, src);
            if lt == "module.exports" {
                let r = unwrap_value(r);
                self.default_export(r, span(l));
            } else if (lt.starts_with("exports.") || lt.starts_with("module.exports."))
                && let Some(r) = Some(unwrap_value(r)).filter(|r| r.kind() == "identifier")
            {
                self.exported_names.insert(text(r, src).to_string());
            }
            return;
        }
        self.top_call(st);
    }

    /// `main()`, `main().catch(…)`, `void main()`, `await main()`: a function run once.
    fn top_call(&mut self, st: Node<'t>) {
        let src = self.src;
        let Some(mut e) = first_named(st) else { return };
        loop {
            e = unwrap_value(e);
            if e.kind() == "unary_expression" {
                match field(e, "argument") {
                    Some(a) => e = a,
                    None => return,
                }
                continue;
            }
            if e.kind() != "call_expression" {
                return;
            }
            let Some(f) = field(e, "function").map(unwrap_value) else {
                return;
            };
            match f.kind() {
                "identifier" => {
                    self.startup_names.insert(text(f, src).to_string());
                    return;
                }
                "member_expression" => match field(f, "object") {
                    Some(o) => e = o,
                    None => return,
                },
                _ => return,
            }
        }
    }

    /// Router registrations, tRPC procedures, Fastify plugins.
    fn registration(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(callee) = field(call, "function").map(unwrap_value) else {
            return;
        };
        if callee.kind() != "member_expression" {
            return;
        }
        let Some(prop) = field(callee, "property").map(|p| text(p, src)) else {
            return;
        };
        if !(ROUTE_METHODS.contains(&prop)
            || TRPC_METHODS.contains(&prop)
            || matches!(prop, "route" | "register" | "listen"))
        {
            return;
        }
        let args = call_args(call);
        let Some(first) = args.first().copied() else {
            return;
        };
        let router = self.info.router;
        let label = span(callee);
        if TRPC_METHODS.contains(&prop) {
            let f = unwrap_value(first);
            if matches!(
                f.kind(),
                "arrow_function" | "function_expression" | "identifier" | "member_expression"
            ) {
                let prop_span = field(callee, "property").map(span).unwrap_or(label);
                self.pending
                    .push((first, Special::Handler("trpc", prop_span)));
            }
            return;
        }
        match prop {
            "route" if unwrap_value(first).kind() == "object" => {
                self.pending.push((first, Special::Handler(router, label)));
            }
            "use" => {
                for a in args
                    .iter()
                    .filter(|a| !matches!(a.kind(), "string" | "template_string"))
                {
                    self.pending.push((*a, Special::Handler(router, label)));
                }
            }
            "register" => self.pending.push((first, Special::Startup)),
            "listen" => {
                if let Some(last) = args
                    .last()
                    .filter(|a| matches!(a.kind(), "arrow_function" | "function_expression"))
                {
                    self.pending.push((*last, Special::Startup));
                }
            }
            p if ROUTE_METHODS.contains(&p) => {
                let path_first = self.is_path(first);
                if path_first {
                    for a in &args[1..] {
                        self.pending.push((*a, Special::Handler(router, label)));
                    }
                } else if field(callee, "object").is_some_and(|o| self.is_route_chain(o)) {
                    for a in &args {
                        self.pending.push((*a, Special::Handler(router, label)));
                    }
                }
            }
            _ => {}
        }
    }

    fn is_path(&self, n: Node) -> bool {
        let t = match n.kind() {
            "string" => string_value(n, self.src).unwrap_or(""),
            "template_string" => text(n, self.src).get(1..).unwrap_or(""),
            _ => return false,
        };
        t.starts_with('/') || t.starts_with('*')
    }

    /// `router.route('/x')` or `router.route('/x').get(h)`.
    fn is_route_chain(&self, n: Node) -> bool {
        let mut cur = unwrap_value(n);
        for _ in 0..16 {
            if cur.kind() != "call_expression" {
                return false;
            }
            let Some(callee) = field(cur, "function").filter(|c| c.kind() == "member_expression")
            else {
                return false;
            };
            let prop = field(callee, "property")
                .map(|p| text(p, self.src))
                .unwrap_or("");
            if prop == "route" {
                return call_args(cur).first().is_some_and(|a| self.is_path(*a));
            }
            if !ROUTE_METHODS.contains(&prop) {
                return false;
            }
            match field(callee, "object") {
                Some(o) => cur = unwrap_value(o),
                None => return false,
            }
        }
        false
    }

    /// A value given to a framework: a function literal, a same-file function, an imported
    /// handler, a wrapper call around one of those, or Fastify's `{ handler }`.
    fn handler_arg(&mut self, n: Node<'t>, special: Special, depth: u8) {
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind() {
            "arrow_function"
            | "function_expression"
            | "generator_function"
            | "function_declaration"
            | "generator_function_declaration" => {
                self.callbacks.insert(n.id(), special);
            }
            "identifier" => {
                let name = text(n, src);
                match special {
                    Special::Startup => {
                        if self.fn_names.contains(name) {
                            self.startup_names.insert(name.to_string());
                        }
                    }
                    Special::Handler(fw, _) => {
                        if let Some(imp) = self.imports.get(name) {
                            if let Some(module) = imp.local.clone() {
                                let export = imp.path.rsplit('.').next().unwrap_or(name);
                                let export = if matches!(export, "default" | "*") {
                                    name
                                } else {
                                    export
                                };
                                self.refs.push(HandlerRef {
                                    name: export.to_string(),
                                    module: Some(module),
                                    framework: fw.into(),
                                    span: span(n),
                                });
                            }
                        } else if self.fn_names.contains(name) {
                            self.handler_names.insert(name.to_string(), fw);
                            self.refs.push(HandlerRef {
                                name: name.to_string(),
                                module: None,
                                framework: fw.into(),
                                span: span(n),
                            });
                        }
                    }
                }
            }
            "member_expression" => {
                let Special::Handler(fw, _) = special else {
                    return;
                };
                let Some(prop) = field(n, "property").map(|p| text(p, src)) else {
                    return;
                };
                let Some((root, _)) = root_of(n, src) else {
                    return;
                };
                if let Some(imp) = self.imports.get(root) {
                    if let Some(module) = imp.local.clone() {
                        self.refs.push(HandlerRef {
                            name: prop.to_string(),
                            module: Some(module),
                            framework: fw.into(),
                            span: span(n),
                        });
                    }
                } else if self.module_vars.contains(root) {
                    self.handler_names.insert(prop.to_string(), fw);
                    self.refs.push(HandlerRef {
                        name: prop.to_string(),
                        module: None,
                        framework: fw.into(),
                        span: span(n),
                    });
                }
            }
            "call_expression" if depth < 3 => {
                for a in call_args(n) {
                    self.handler_arg(a, special, depth + 1);
                }
            }
            "object" if depth < 3 => {
                for p in named_kids(n).into_iter().filter(|p| p.kind() == "pair") {
                    let key = field(p, "key").and_then(|k| key_name(k, src));
                    if key == Some("handler")
                        && let Some(v) = field(p, "value")
                    {
                        self.handler_arg(v, special, depth + 1);
                    }
                }
                for m in named_kids(n)
                    .into_iter()
                    .filter(|m| m.kind() == "method_definition")
                {
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some("handler") {
                        self.callbacks.insert(m.id(), special);
                    }
                }
            }
            _ => {}
        }
    }
}

// ------------------------------------------------------------------------------------------
// Walk

/// One entry of the context stack: a function or a loop.
struct Ctx {
    node_id: usize,
    scope: Scope,
    memo: bool,
    fn_idx: Option<usize>,
    is_fn: bool,
}

#[derive(Debug, Clone, Copy)]
enum SiteRef {
    Client(usize),
    Call(usize),
}

#[derive(Debug, Clone)]
struct Site {
    r: SiteRef,
    /// Another name whose release closes this client (`mongoose` for `mongoose.connect()`).
    extra_root: Option<String>,
}

#[derive(Debug, Default)]
struct Ret {
    /// Names returned as they are (`return client`, `return { client }`).
    direct: Vec<String>,
    /// Roots of values derived from a name, with the first member (`client.db()` → client, db).
    derived: Vec<(String, Option<String>)>,
}

#[derive(Debug)]
struct Alias {
    name: String,
    root: String,
    method: Option<String>,
}

/// Per function (the module is frame 0).
#[derive(Debug, Default)]
struct Frame {
    /// Sites are resolved (released, stored) here rather than in the enclosing function.
    boundary: bool,
    /// A `map` / `forEach` callback: what it returns goes to the iteration, not to a caller.
    loop_cb: bool,
    locals: Vec<String>,
    returns: Vec<Ret>,
    /// Dotted callees of calls that may release something (`client.close`).
    releases: Vec<String>,
    stores: Vec<(String, Guard)>,
    aliases: Vec<Alias>,
    own: Vec<Site>,
    pending: Vec<Site>,
}

struct FnClass {
    scope: Scope,
    memo: bool,
    boundary: bool,
    loop_cb: bool,
}

struct Walker<'a, 't> {
    src: &'a str,
    catalog: &'a LangCatalog,
    pre: Pre<'a, 't>,
    info: FileInfo,
    facts: FileFacts,
    ctxs: Vec<Ctx>,
    frames: Vec<Frame>,
    release_words: HashSet<String>,
    hooks_ok: bool,
    /// The tree's root, for the lifecycle analyses.
    root: Option<Node<'t>>,
    /// Named functions and declared names, built on first need (see [`FnIndex`]).
    index: Option<FnIndex<'t>>,
    /// Holders of catalogue clients built in the file (`pool`, `this.pool`) → catalogue id: the
    /// receivers of checkouts (`pool.connect()`).
    instances: HashMap<String, String>,
    /// `const isProd = process.env.NODE_ENV === "production"`: names of environment tests.
    env_flags: HashMap<String, EnvTest>,
    /// Methods that check a connection out of a catalogue pool (`connect`, `getConnection`).
    checkout_methods: HashSet<String>,
    /// Locals bound so far in the open functions, with the depth of the frame that declares
    /// them (module-level bindings are [`Pre::consts`]).
    bindings: Vec<(usize, String, Bound<'t>)>,
    /// Per statement block (by node id), its `if (…) return …;` statements without `else`, in
    /// order: read once per block, not once per site (a block of thousands of statements).
    early_returns: std::cell::RefCell<HashMap<usize, std::rc::Rc<[Node<'t>]>>>,
}

impl<'a, 't> Walker<'a, 't> {
    fn new(
        file: &'a SourceFile,
        catalog: &'a LangCatalog,
        pre: Pre<'a, 't>,
        info: FileInfo,
    ) -> Self {
        let mut release_words: HashSet<String> =
            GENERIC_RELEASE.iter().map(|s| s.to_string()).collect();
        for c in &catalog.clients {
            for r in &c.release {
                release_words.insert(r.rsplit('.').next().unwrap_or(r).to_string());
            }
        }
        let module_scope = match info.role {
            Role::Test => tagged(ScopeKind::Test, "test"),
            Role::Startup => tagged(ScopeKind::Startup, "startup"),
            Role::App => Scope::module(),
        };
        let hooks_ok = info.jsx
            || info.react
            || pre
                .imports
                .values()
                .any(|i| matches!(i.module.as_str(), "react" | "preact" | "react-native"));
        Walker {
            src: &file.text,
            catalog,
            pre,
            info,
            facts: FileFacts::default(),
            ctxs: vec![Ctx {
                node_id: usize::MAX,
                scope: module_scope,
                memo: false,
                fn_idx: None,
                is_fn: false,
            }],
            frames: vec![Frame {
                boundary: true,
                ..Frame::default()
            }],
            release_words,
            hooks_ok,
            root: None,
            index: None,
            instances: HashMap::new(),
            env_flags: HashMap::new(),
            checkout_methods: catalog
                .clients
                .iter()
                .flat_map(|c| &c.constructors)
                .filter(|k| k.on.is_some())
                .filter_map(|k| k.call.clone())
                .collect(),
            bindings: Vec::new(),
            early_returns: Default::default(),
        }
    }

    fn walk(&mut self, root: Node<'t>) {
        self.root = Some(root);
        traverse(root, |at, entering| {
            if entering {
                self.enter(at);
            } else {
                self.leave(at.node);
            }
        });
    }

    fn finish(mut self) -> FileFacts {
        if let Some(mut module) = self.frames.pop() {
            self.close_frame(&mut module);
        }
        self.facts.handler_refs = std::mem::take(&mut self.pre.refs);
        self.facts.handler_refs.sort_by_key(|r| r.span.start);
        self.facts.imports = std::mem::take(&mut self.pre.local_imports);
        self.facts
    }

    fn ctx(&self) -> &Ctx {
        // The module context is never popped.
        &self.ctxs[self.ctxs.len() - 1]
    }

    fn frame(&mut self) -> &mut Frame {
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn enter(&mut self, at: At<'_, 't>) {
        let node = at.node;
        if node.is_error() || node.is_missing() {
            self.facts.syntax_errors.push(span(node));
        }
        if !node.is_named() {
            return;
        }
        let kind = node.kind();
        if is_fn_kind(kind) {
            self.enter_fn(at);
            return;
        }
        match kind {
            k if is_loop_kind(k) => {
                let parent = self.ctx();
                let ctx = Ctx {
                    node_id: node.id(),
                    scope: loopify(&parent.scope),
                    memo: parent.memo,
                    fn_idx: parent.fn_idx,
                    is_fn: false,
                };
                self.ctxs.push(ctx);
            }
            "new_expression" => self.new_expression(at),
            "call_expression" => {
                self.lifecycle_call(at);
                self.call_expression(at);
            }
            "class_declaration" | "class" | "abstract_class_declaration" => {
                self.class_component(at)
            }
            "if_statement" | "ternary_expression" => self.env_branch(node),
            "string" | "template_string" => self.url_literal(at),
            "variable_declarator" => self.declarator(node),
            "assignment_expression" | "augmented_assignment_expression" => self.assignment(node),
            "return_statement" => {
                if let Some(e) = first_named(node) {
                    let ret = self.analyze_ret(e);
                    self.frame().returns.push(ret);
                }
            }
            "yield_expression" => {
                if let Some(e) = first_named(node) {
                    let ret = self.analyze_ret(e);
                    self.frame().returns.push(ret);
                }
            }
            _ => {}
        }
    }

    fn leave(&mut self, node: Node<'t>) {
        if self.ctxs.len() > 1 && self.ctx().node_id == node.id() {
            let ctx = self.ctxs.pop();
            if ctx.is_some_and(|c| c.is_fn)
                && let Some(mut frame) = self.frames.pop()
            {
                self.close_frame(&mut frame);
                if let Some(parent) = self.frames.last_mut() {
                    parent.releases.append(&mut frame.releases);
                    parent.stores.append(&mut frame.stores);
                    parent.pending.append(&mut frame.pending);
                }
                let depth = self.frames.len();
                self.bindings.retain(|(d, _, _)| *d <= depth);
            }
        }
    }

    // -------------------------------------------------------------------- functions

    fn enter_fn(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let f = at.node;
        let name = fn_name(at, src);
        let class = self.classify_fn(at, name.as_ref());
        let parent_fn = self.ctx().fn_idx;
        // Run once by a memoizer: handed to it inline (`singleton("k", () => …)`) or by name
        // (`singleton("k", initializeRedis)`, the function declared anywhere in the file).
        let memo_fn = arg_position(at).is_some_and(|(call, i)| {
            field(call.node, "function")
                .and_then(|c| callee_name(c, src))
                .is_some_and(|c| is_memo_arg(c, i))
        }) || name.as_ref().is_some_and(|n| {
            matches!(n.kind, NameKind::Decl | NameKind::Var) && self.pre.memo_fns.contains(&n.name)
        });
        let fn_idx = if let Some(n) = &name {
            let exported = self.is_exported(at, n);
            self.facts.functions.push(FnFact {
                name: n.name.clone(),
                span: n.span,
                exported,
                scope: class.scope.clone(),
                guard: if memo_fn { Guard::Memo } else { Guard::None },
                parent: parent_fn,
                params: param_count(f),
                method: is_method(f, n),
                def_line: None,
                owner: None,
                receiver: false,
            });
            Some(self.facts.functions.len() - 1)
        } else {
            parent_fn
        };
        let mut frame = Frame {
            boundary: class.boundary,
            loop_cb: class.loop_cb,
            ..Frame::default()
        };
        for p in [field(f, "parameters"), field(f, "parameter")]
            .into_iter()
            .flatten()
        {
            pattern_names(p, src, &mut frame.locals);
        }
        if f.kind() == "arrow_function"
            && let Some(body) = field(f, "body").filter(|b| b.kind() != "statement_block")
        {
            frame.returns.push(self.analyze_ret(body));
        }
        self.frames.push(frame);
        self.ctxs.push(Ctx {
            node_id: f.id(),
            scope: class.scope,
            memo: class.memo || memo_fn,
            fn_idx,
            is_fn: true,
        });
    }

    fn classify_fn(&self, at: At<'_, 't>, name: Option<&FnName<'_, 't>>) -> FnClass {
        let src = self.src;
        let f = at.node;
        let parent = self.ctx();
        let named = |kind: ScopeKind, fw: Option<&str>| Scope {
            kind,
            framework: fw.map(String::from),
            name: name
                .map(|n| n.name.clone())
                .or_else(|| parent.scope.name.clone()),
            span: name.map(|n| n.span).or(parent.scope.span),
        };
        let boundary = |scope: Scope| FnClass {
            scope,
            memo: parent.memo,
            boundary: true,
            loop_cb: false,
        };
        let position = arg_position(at);
        let callee = position
            .and_then(|(call, _)| field(call.node, "function"))
            .and_then(|c| callee_name(c, src))
            .unwrap_or("");
        let first_arg = position.is_some_and(|(_, i)| i == 0);
        let mut memo = parent.memo;
        if position.is_some_and(|(_, i)| is_memo_arg(callee, i)) {
            memo = true;
        }

        match self.info.role {
            Role::Test => {
                return FnClass {
                    memo,
                    ..boundary(named(ScopeKind::Test, Some("test")))
                };
            }
            Role::Startup => {
                return FnClass {
                    memo,
                    ..boundary(named(ScopeKind::Startup, Some("startup")))
                };
            }
            Role::App => {}
        }
        if first_arg && EFFECT_HOOKS.contains(&callee) {
            return FnClass {
                scope: Scope {
                    kind: ScopeKind::Effect,
                    framework: None,
                    name: parent.scope.name.clone(),
                    span: parent.scope.span,
                },
                memo: false,
                boundary: true,
                loop_cb: false,
            };
        }
        if first_arg && MEMO_HOOKS.contains(&callee) {
            return FnClass {
                scope: parent.scope.clone(),
                memo: true,
                boundary: true,
                loop_cb: false,
            };
        }
        if let Some(special) = self.pre.callbacks.get(&f.id()) {
            let scope = match *special {
                Special::Handler(fw, label) => match name {
                    Some(_) => named(ScopeKind::Handler, Some(fw)),
                    None => Scope {
                        kind: ScopeKind::Handler,
                        framework: Some(fw.into()),
                        name: None,
                        span: Some(label),
                    },
                },
                Special::Startup => named(ScopeKind::Startup, Some("startup")),
            };
            return FnClass {
                memo,
                ..boundary(scope)
            };
        }
        if has_use_server(f, src) {
            return FnClass {
                memo,
                ..boundary(named(ScopeKind::Handler, Some("server-action")))
            };
        }
        let at_module = self.ctxs.len() == 1;
        if let Some(n) = name {
            let nm = n.name.as_str();
            let scope = if let Some(fw) = self.pre.handler_names.get(nm) {
                named(ScopeKind::Handler, Some(fw))
            } else if nm == "getServerSideProps" {
                named(ScopeKind::Handler, Some("next-ssr"))
            } else if self.pre.use_server && at_module {
                named(ScopeKind::Handler, Some("server-action"))
            } else if (at_module
                && (self.pre.startup_names.contains(nm) || starts_server(f, self.src)))
                // A NestJS / Angular provider factory: called once, when the module is built.
                || nm == "useFactory"
            {
                named(ScopeKind::Startup, Some("startup"))
            } else if is_hook_name(nm) && self.hooks_ok {
                named(ScopeKind::Component, Some("react-hook"))
            } else if is_pascal(nm) && self.info.jsx && self.pre.jsx_fns.contains(&f.id()) {
                named(ScopeKind::Component, Some("react-component"))
            } else if matches!(parent.scope.kind, ScopeKind::Module | ScopeKind::Component) {
                // A named function inside a component body (`const handleSubmit = async () =>
                // …`) runs per event, not per render.
                named(ScopeKind::Function, None)
            } else {
                named(parent.scope.kind, parent.scope.framework.as_deref())
            };
            return FnClass {
                memo,
                ..boundary(scope)
            };
        }
        if is_iife(at, src) {
            return FnClass {
                scope: parent.scope.clone(),
                memo,
                boundary: false,
                loop_cb: false,
            };
        }
        if position.is_some()
            && LOOP_METHODS.contains(&callee)
            && parent.scope.kind != ScopeKind::Module
        {
            return FnClass {
                scope: loopify(&parent.scope),
                memo,
                boundary: true,
                loop_cb: true,
            };
        }
        if self.pre.use_server && at_module {
            return FnClass {
                memo,
                ..boundary(named(ScopeKind::Handler, Some("server-action")))
            };
        }
        if parent.scope.kind == ScopeKind::Module {
            return FnClass {
                memo,
                ..boundary(named(ScopeKind::Function, None))
            };
        }
        FnClass {
            scope: parent.scope.clone(),
            memo,
            boundary: false,
            loop_cb: false,
        }
    }

    fn is_exported(&self, f: At<'_, 't>, n: &FnName<'_, 't>) -> bool {
        let src = self.src;
        let parent_is_export = |x: At| x.parent().is_some_and(|p| p.kind() == "export_statement");
        let anchor = n.anchor;
        match n.kind {
            NameKind::Decl => parent_is_export(f) || self.pre.exported_names.contains(&n.name),
            NameKind::Var | NameKind::Wrapper => {
                if anchor.node.kind() == "assignment_expression" {
                    return false;
                }
                let decl = anchor.up();
                let top = decl
                    .and_then(|d| d.parent())
                    .is_some_and(|p| p.kind() == "program");
                decl.is_some_and(parent_is_export)
                    || (top && self.pre.exported_names.contains(&n.name))
            }
            NameKind::Member => {
                if anchor.node.kind() == "assignment_expression" {
                    return field(anchor.node, "left").is_some_and(|l| {
                        let t = text(l, src);
                        t.starts_with("exports.") || t.starts_with("module.exports.")
                    });
                }
                let mut cur = anchor.up();
                for _ in 0..8 {
                    let Some(c) = cur else { return false };
                    let cn = c.node;
                    match cn.kind() {
                        "class_body"
                        | "object"
                        | "arguments"
                        | "call_expression"
                        | "parenthesized_expression"
                        | "as_expression"
                        | "satisfies_expression" => cur = c.up(),
                        "class_declaration" | "class" | "abstract_class_declaration" => {
                            return parent_is_export(c)
                                || field(cn, "name").is_some_and(|x| {
                                    self.pre.exported_names.contains(text(x, src))
                                });
                        }
                        "variable_declarator" => {
                            return c.up().is_some_and(parent_is_export)
                                || field(cn, "name").is_some_and(|x| {
                                    self.pre.exported_names.contains(text(x, src))
                                });
                        }
                        "export_statement" => return true,
                        "assignment_expression" => {
                            return field(cn, "left").is_some_and(|l| {
                                let t = text(l, src);
                                t == "module.exports"
                                    || t.starts_with("exports.")
                                    || t.starts_with("module.exports.")
                            });
                        }
                        _ => return false,
                    }
                }
                false
            }
        }
    }

    // -------------------------------------------------------------------- statements

    fn declarator(&mut self, n: Node<'t>) {
        let src = self.src;
        let Some(name) = field(n, "name") else { return };
        if self.frames.len() > 1 {
            let mut names = Vec::new();
            pattern_names(name, src, &mut names);
            self.frame().locals.extend(names);
            if let Some(value) = field(n, "value") {
                let depth = self.frames.len();
                let bindings = &mut self.bindings;
                bindings_of(name, value, src, |local, b| {
                    bindings.push((depth, local.to_string(), b));
                });
            }
        }
        if name.kind() == "identifier"
            && let Some(value) = field(n, "value")
            && let Some(test) = self.env_test(value, 0)
        {
            self.env_flags.insert(text(name, src).to_string(), test);
        }
        if name.kind() == "identifier"
            && let Some(value) = field(n, "value")
            && let Some((root, method)) = root_of(value, src)
        {
            let alias = Alias {
                name: text(name, src).to_string(),
                root: root.to_string(),
                method: method.map(String::from),
            };
            self.frame().aliases.push(alias);
        }
    }

    fn assignment(&mut self, n: Node<'t>) {
        let src = self.src;
        let (Some(left), Some(right)) = (field(n, "left"), field(n, "right")) else {
            return;
        };
        let guard = self.classify_target(left);
        if guard != Guard::None {
            let mut roots = Vec::new();
            self.value_roots(right, &mut roots, 0);
            let frame = self.frame();
            for r in roots {
                frame.stores.push((r, guard));
            }
        }
        if left.kind() == "identifier"
            && let Some((root, method)) = root_of(right, src)
        {
            let alias = Alias {
                name: text(left, src).to_string(),
                root: root.to_string(),
                method: method.map(String::from),
            };
            self.frame().aliases.push(alias);
        }
    }

    fn value_roots(&self, n: Node, out: &mut Vec<String>, depth: u8) {
        if depth > 4 {
            return;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind() {
            "object" => {
                for k in named_kids(n) {
                    match k.kind() {
                        "shorthand_property_identifier" => out.push(text(k, src).to_string()),
                        "pair" => {
                            if let Some(v) = field(k, "value") {
                                self.value_roots(v, out, depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "array" => {
                for k in named_kids(n) {
                    self.value_roots(k, out, depth + 1);
                }
            }
            "binary_expression" | "ternary_expression" => {
                for f in ["left", "right", "consequence", "alternative"] {
                    if let Some(v) = field(n, f) {
                        self.value_roots(v, out, depth + 1);
                    }
                }
            }
            _ => {
                if let Some((root, _)) = root_of(n, src) {
                    out.push(root.to_string());
                }
            }
        }
    }

    fn analyze_ret(&self, e: Node) -> Ret {
        let mut ret = Ret::default();
        self.ret_into(e, true, &mut ret, 0);
        ret
    }

    fn ret_into(&self, n: Node, direct: bool, out: &mut Ret, depth: u8) {
        if depth > 6 {
            return;
        }
        let src = self.src;
        let n = unwrap_value(n);
        let push = |out: &mut Ret, name: &str, method: Option<&str>| {
            if direct && method.is_none() {
                out.direct.push(name.to_string());
            } else {
                out.derived
                    .push((name.to_string(), method.map(String::from)));
            }
        };
        match n.kind() {
            "identifier" => push(out, text(n, src), None),
            "object" => {
                for k in named_kids(n) {
                    match k.kind() {
                        "shorthand_property_identifier" => push(out, text(k, src), None),
                        "pair" => {
                            if let Some(v) = field(k, "value") {
                                self.ret_into(v, direct, out, depth + 1);
                            }
                        }
                        "spread_element" => {
                            if let Some(v) = first_named(k) {
                                self.ret_into(v, direct, out, depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "array" => {
                for k in named_kids(n) {
                    self.ret_into(k, direct, out, depth + 1);
                }
            }
            "ternary_expression" | "binary_expression" => {
                for f in ["left", "right", "consequence", "alternative"] {
                    if let Some(v) = field(n, f) {
                        self.ret_into(v, direct, out, depth + 1);
                    }
                }
            }
            "member_expression" | "subscript_expression" | "call_expression" => {
                if let Some((root, method)) = root_of(n, src) {
                    out.derived
                        .push((root.to_string(), method.map(String::from)));
                }
                if n.kind() == "call_expression" {
                    for a in call_args(n) {
                        self.ret_into(a, false, out, depth + 1);
                    }
                }
            }
            "new_expression" => {
                for a in call_args(n) {
                    self.ret_into(a, false, out, depth + 1);
                }
            }
            _ => {}
        }
    }

    // -------------------------------------------------------------------- names and targets

    fn is_local(&self, name: &str) -> bool {
        self.frames[1..]
            .iter()
            .any(|f| f.locals.iter().any(|l| l == name))
    }

    fn is_module_var(&self, name: &str) -> bool {
        self.pre.module_vars.contains(name) && !self.is_local(name)
    }

    fn is_global(&self, name: &str) -> bool {
        (GLOBALS.contains(&name) && !self.is_local(name)) || self.pre.global_aliases.contains(name)
    }

    /// What kind of state an assignment target (or a `??` left operand) is.
    fn classify_target(&self, n: Node) -> Guard {
        let src = self.src;
        let n = unwrap_value(n);
        let in_fn = self.frames.len() > 1;
        match n.kind() {
            "identifier" => {
                let name = text(n, src);
                if in_fn && self.is_module_var(name) {
                    Guard::ModuleCache
                } else {
                    Guard::None
                }
            }
            "member_expression" | "subscript_expression" => {
                let Some(obj) = field(n, "object").map(unwrap_value) else {
                    return Guard::None;
                };
                let prop = field(n, "property").map(|p| text(p, src));
                let mut root = obj;
                while matches!(root.kind(), "member_expression" | "subscript_expression") {
                    match field(root, "object") {
                        Some(o) => root = unwrap_value(o),
                        None => return Guard::None,
                    }
                }
                match root.kind() {
                    "this" => Guard::Owner,
                    "identifier" => {
                        let name = text(root, src);
                        if self.is_global(name) {
                            Guard::GlobalCache
                        } else if prop == Some("current")
                            && obj.kind() == "identifier"
                            && !self.is_module_var(name)
                        {
                            Guard::Memo
                        } else if in_fn && self.is_module_var(name) {
                            Guard::ModuleCache
                        } else {
                            Guard::None
                        }
                    }
                    _ => Guard::None,
                }
            }
            _ => Guard::None,
        }
    }

    // -------------------------------------------------------------------- sites

    fn new_expression(&mut self, at: At<'_, 't>) {
        let n = at.node;
        let Some(ctor) = field(n, "constructor") else {
            return;
        };
        let Some((module, path, _)) = self.resolve(ctor) else {
            return;
        };
        if let Some(m) = self.catalog.match_js(&module, &path, true) {
            self.add_client(at, ctor, m, true);
        }
    }

    fn call_expression(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let n = at.node;
        let Some(callee) = field(n, "function") else {
            return;
        };
        let callee_u = unwrap_value(callee);
        if callee_u.kind() == "member_expression" {
            let prop = field(callee_u, "property")
                .map(|p| text(p, src))
                .unwrap_or("");
            if self.release_words.contains(prop)
                && let Some(path) = dotted_path(callee_u, src)
            {
                self.frame().releases.push(path);
            }
            if matches!(prop, "set" | "push" | "add" | "unshift")
                && let Some(obj) = field(callee_u, "object")
            {
                let guard = self.classify_target_object(obj);
                if guard != Guard::None {
                    let args = call_args(n);
                    let value = if prop == "set" {
                        args.get(1)
                    } else {
                        args.first()
                    };
                    if let Some(v) = value {
                        let mut roots = Vec::new();
                        self.value_roots(*v, &mut roots, 0);
                        let frame = self.frame();
                        for r in roots {
                            frame.stores.push((r, guard));
                        }
                    }
                }
            }
        }
        if let Some((module, path, local)) = self.resolve(callee_u) {
            if let Some(m) = self.catalog.match_js(&module, &path, false) {
                if first_arg_ok(m.ctor, n, src) {
                    self.add_client(at, callee_u, m, false);
                }
                return;
            }
            if let Some(module_ref) = local {
                // (b) an imported function, (c) `mod.fn()` on an imported module
                let (name, ok) = match callee_u.kind() {
                    "identifier" => {
                        let export = path.rsplit('.').next().unwrap_or("");
                        let name = if matches!(export, "default" | "*") {
                            text(callee_u, src)
                        } else {
                            export
                        };
                        (name.to_string(), !path.contains('.'))
                    }
                    _ => {
                        let prop = field(callee_u, "property")
                            .map(|p| text(p, src))
                            .unwrap_or("");
                        let one_level = field(callee_u, "object")
                            .is_some_and(|o| unwrap_value(o).kind() == "identifier");
                        (prop.to_string(), one_level)
                    }
                };
                if ok && !name.is_empty() {
                    self.add_call(at, callee_u, name, Some(module_ref));
                }
            }
            return;
        }
        if callee_u.kind() == "identifier" {
            let name = text(callee_u, src);
            if self.pre.fn_names.contains(name) && name != "require" {
                self.add_call(at, callee_u, name.to_string(), None);
            }
        }
    }

    /// `this.clients`, `cache`, `globalThis.clients`: the state a `.set(…)` stores into.
    fn classify_target_object(&self, obj: Node) -> Guard {
        let obj = unwrap_value(obj);
        match obj.kind() {
            "identifier" => {
                let name = text(obj, self.src);
                if self.is_global(name) {
                    Guard::GlobalCache
                } else if self.frames.len() > 1 && self.is_module_var(name) {
                    Guard::ModuleCache
                } else {
                    Guard::None
                }
            }
            _ => self.classify_target(obj),
        }
    }

    /// Resolve a callee / constructor to (module, export path, project-local module) through
    /// the file's imports.
    fn resolve(&self, callee: Node) -> Option<(String, String, Option<ModuleRef>)> {
        let src = self.src;
        let mut members: Vec<&str> = Vec::new();
        let mut cur = unwrap_value(callee);
        loop {
            match cur.kind() {
                "member_expression" => {
                    members.push(field(cur, "property").map(|p| text(p, src))?);
                    cur = unwrap_value(field(cur, "object")?);
                }
                "identifier" => {
                    let imp = self.pre.imports.get(text(cur, src))?;
                    let mut path = imp.path.clone();
                    for m in members.iter().rev() {
                        path.push('.');
                        path.push_str(m);
                    }
                    return Some((imp.module.clone(), path, imp.local.clone()));
                }
                "call_expression" => {
                    // `require('knex')({...})`, `new (require('pg').Pool)()`
                    let module = self.pre.required_module(cur)?;
                    let mut path = String::from("*");
                    for m in members.iter().rev() {
                        path.push('.');
                        path.push_str(m);
                    }
                    let local = self.pre.local_module(module);
                    return Some((module.to_string(), path, local));
                }
                _ => return None,
            }
        }
    }

    fn add_client(&mut self, at: At<'_, 't>, callee: Node<'t>, m: CtorMatch<'_>, is_new: bool) {
        let src = self.src;
        let def = m.client;
        let n = at.node;
        let mut vc = self.value_context(at);
        if vc.member.is_some() || vc.via_arg {
            // Query data is not the client: `const rows = await new Pool().query(…)`.
            let link = vc.link(&def.returns_self, &def.handles);
            if link == Returned::No {
                vc.binding = None;
            }
            if vc.returned != Returned::No {
                vc.returned = link;
            }
        }
        let root = root_of(callee, src).map(|(r, _)| r);
        let mut guard = if m.singleton {
            Guard::SingletonApi
        } else {
            vc.guard
        };
        if guard == Guard::None {
            guard = self.early_return_guard(at, root);
        }
        if guard == Guard::None && self.ctx().memo {
            guard = Guard::Memo;
        }
        let ctor_text = display_callee(text(callee, src));
        let ctor = if is_new {
            format!("new {ctor_text}()")
        } else {
            format!("{ctor_text}()")
        };
        let anchors = FixAnchors {
            statement: statement_of(at).map(span),
            module_insert: Some(self.pre.module_insert),
            args_are_static: self.args_are_static(n),
            direct_return: self.is_direct_return(at),
            in_async_fn: in_async_fn(at),
            ..Default::default()
        };
        let ctx = self.ctx();
        let site = ClientSite {
            client: def.id.clone(),
            family: def.family.clone(),
            kind: def.kind,
            ctor,
            span: span(n),
            scope: ctx.scope.clone(),
            guard,
            binding: vc.binding.clone(),
            released: vc.using,
            returned: vc.returned,
            in_fn: ctx.fn_idx,
            pool: Vec::new(),
            anchors,
        };
        self.facts.clients.push(site);
        let idx = self.facts.clients.len() - 1;
        if let Some(config) = self.client_config(idx, n, def) {
            self.facts.client_configs.push(config);
        }
        if let Some(holder) = holder_text(at, src) {
            self.instances.insert(holder, def.id.clone());
        }
        if !m.singleton && (def.kind == ClientKind::Connection || def.must_close) {
            self.connection_session(at, def, is_new, &ctor_text, &vc);
        }
        let extra_root = (callee.kind() == "member_expression" && !is_new)
            .then(|| root.map(String::from))
            .flatten();
        let r = SiteRef::Client(self.facts.clients.len() - 1);
        self.frame().own.push(Site { r, extra_root });
    }

    fn add_call(
        &mut self,
        at: At<'_, 't>,
        callee: Node<'t>,
        name: String,
        module: Option<ModuleRef>,
    ) {
        let n = at.node;
        let vc = self.value_context(at);
        let ctx = self.ctx();
        let guard = if vc.guard == Guard::None && ctx.memo {
            Guard::Memo
        } else {
            vc.guard
        };
        let site = CallSite {
            callee: text(callee, self.src).split_whitespace().collect(),
            name,
            module,
            span: span(n),
            scope: ctx.scope.clone(),
            guard,
            binding: vc.binding,
            released: vc.using,
            returned: vc.returned,
            in_fn: ctx.fn_idx,
            method: false,
        };
        self.facts.calls.push(site);
        let r = SiteRef::Call(self.facts.calls.len() - 1);
        self.frame().own.push(Site {
            r,
            extra_root: None,
        });
    }

    fn args_are_static(&self, n: Node) -> bool {
        if self.frames.len() == 1 {
            return true;
        }
        let Some(args) = field(n, "arguments") else {
            return true;
        };
        let mut ok = true;
        traverse(args, |a, entering| {
            let k = a.node;
            if !entering || !ok {
                return;
            }
            match k.kind() {
                "this" => ok = false,
                "identifier" | "shorthand_property_identifier"
                    if self.is_local(text(k, self.src)) =>
                {
                    ok = false;
                }
                _ => {}
            }
        });
        ok
    }

    /// Walk up from a construction through the expression that holds it: its binding, whether
    /// it is returned, and the guard the holder implies.
    fn value_context(&self, at: At<'_, 't>) -> ValueContext {
        let src = self.src;
        let mut out = ValueContext {
            binding: None,
            returned: Returned::No,
            guard: Guard::None,
            using: false,
            member: None,
            via_arg: false,
        };
        let mut cur = at;
        let mut wrapped = false;
        while let Some(p) = cur.up() {
            let (pn, cn) = (p.node, cur.node);
            match pn.kind() {
                "await_expression"
                | "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "non_null_expression"
                | "type_assertion" => {}
                "member_expression" if is_field(pn, "object", cn) => {
                    // `new X().connect()`, `mongoose.connect(…).then(…)`: the chain's value.
                    if out.member.is_none() && !out.via_arg {
                        out.member = field(pn, "property").map(|x| text(x, src).to_string());
                    }
                    if let Some(call) = p.up().filter(|c| {
                        c.node.kind() == "call_expression" && is_field(c.node, "function", pn)
                    }) {
                        cur = call;
                        continue;
                    }
                }
                "arguments" => {
                    let Some(call) = p.up() else { break };
                    let name = field(call.node, "function")
                        .and_then(|c| callee_name(c, src))
                        .unwrap_or("");
                    let first = named_kids(pn).first().is_some_and(|a| a.id() == cn.id());
                    if first && MEMO_VALUE_HOOKS.contains(&name) {
                        out.guard = Guard::Memo;
                        break;
                    }
                    if name == "set"
                        && let Some(obj) = field(call.node, "function")
                            .map(unwrap_value)
                            .and_then(|c| field(c, "object"))
                    {
                        let g = self.classify_target_object(obj);
                        if g != Guard::None {
                            out.guard = g;
                            break;
                        }
                    }
                    out.via_arg = true;
                    cur = call;
                    continue;
                }
                "pair" if is_field(pn, "value", cn) => wrapped = true,
                "object" | "array" | "spread_element" => wrapped = true,
                "ternary_expression" if !is_field(pn, "condition", cn) => {}
                "binary_expression" => {
                    let op = field(pn, "operator").map(|o| text(o, src)).unwrap_or("");
                    if !matches!(op, "??" | "||") || !is_field(pn, "right", cn) {
                        break;
                    }
                    if let Some(l) = field(pn, "left") {
                        let g = self.classify_target(l);
                        if g != Guard::None && out.guard == Guard::None {
                            out.guard = g;
                        }
                    }
                }
                "augmented_assignment_expression" | "assignment_expression" => {
                    if !is_field(pn, "right", cn) {
                        break;
                    }
                    if let Some(l) = field(pn, "left") {
                        let g = self.classify_target(l);
                        if g != Guard::None && out.guard == Guard::None {
                            out.guard = g;
                        }
                        if l.kind() == "identifier" && !wrapped {
                            out.binding = Some(text(l, src).to_string());
                        }
                    }
                    // tree-sitter-typescript 0.23 reads `using x = …` as an assignment.
                    out.using = statement_of(p).is_some_and(|s| {
                        let t = text(s, src);
                        t.starts_with("using ") || t.starts_with("await using ")
                    });
                    break;
                }
                "variable_declarator" => {
                    if is_field(pn, "value", cn)
                        && !wrapped
                        && let Some(name) = field(pn, "name").filter(|x| x.kind() == "identifier")
                    {
                        out.binding = Some(text(name, src).to_string());
                    }
                    break;
                }
                "return_statement" | "yield_expression" => {
                    out.returned = out.link(&[], &[]);
                    break;
                }
                "arrow_function" => {
                    if is_field(pn, "body", cn) && !self.is_loop_callback(p) {
                        out.returned = out.link(&[], &[]);
                    }
                    break;
                }
                _ => break,
            }
            cur = p;
        }
        out
    }

    /// The construction is itself the value its function returns: `return new X(…)`,
    /// `return createClient(…)`, through parentheses, `as T`, `satisfies T`, `<T>x`; or the
    /// expression body of an arrow (`const getDb = () => new MongoClient(uri)`), not a `map`
    /// callback's.
    fn is_direct_return(&self, at: At<'_, 't>) -> bool {
        let mut cur = at;
        while let Some(p) = cur.up() {
            match p.node.kind() {
                "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "type_assertion" => cur = p,
                "return_statement" => return true,
                "arrow_function" => {
                    return is_field(p.node, "body", cur.node) && !self.is_loop_callback(p);
                }
                _ => return false,
            }
        }
        false
    }

    fn is_loop_callback(&self, f: At) -> bool {
        arg_position(f)
            .and_then(|(call, _)| field(call.node, "function"))
            .and_then(|c| callee_name(c, self.src))
            .is_some_and(|c| LOOP_METHODS.contains(&c))
    }

    /// `if (cached) return cached;` / `if (isConnected) return;` before the construction in
    /// the same function, or an `if` around it testing such state: state that makes it run once.
    fn early_return_guard(&self, at: At<'_, 't>, ctor_root: Option<&str>) -> Guard {
        let src = self.src;
        let mut cur = at;
        while let Some(p) = cur.up() {
            if is_fn_kind(p.node.kind()) && !is_iife(p, src) {
                break;
            }
            // `if (mongoose.connection.readyState === 0) await mongoose.connect(uri);`
            if p.node.kind() == "if_statement"
                && is_field(p.node, "consequence", cur.node)
                && field(p.node, "alternative").is_none()
                && let Some(cond) = field(p.node, "condition")
            {
                let g = self.condition_guard(cond, ctor_root);
                if g != Guard::None {
                    return g;
                }
            }
            if p.node.kind() == "statement_block" {
                for &st in self.early_returns_of(p.node).iter() {
                    if st.id() == cur.node.id() || st.start_byte() >= cur.node.start_byte() {
                        break;
                    }
                    if let Some(cond) = field(st, "condition") {
                        let g = self.condition_guard(cond, ctor_root);
                        if g != Guard::None {
                            return g;
                        }
                    }
                }
            }
            cur = p;
        }
        Guard::None
    }

    /// The `if` statements of `block` without `else` whose consequence returns (`if (x) return
    /// x;`, `if (x) { …; return x; }`), in order; computed once per block.
    fn early_returns_of(&self, block: Node<'t>) -> std::rc::Rc<[Node<'t>]> {
        if let Some(known) = self.early_returns.borrow().get(&block.id()) {
            return known.clone();
        }
        let list: std::rc::Rc<[Node<'t>]> = named_kids(block)
            .into_iter()
            .filter(|st| {
                st.kind() == "if_statement"
                    && field(*st, "alternative").is_none()
                    && field(*st, "consequence").is_some_and(|c| match c.kind() {
                        "return_statement" => true,
                        "statement_block" => named_kids(c)
                            .last()
                            .is_some_and(|l| l.kind() == "return_statement"),
                        _ => false,
                    })
            })
            .collect();
        self.early_returns
            .borrow_mut()
            .insert(block.id(), list.clone());
        list
    }

    fn condition_guard(&self, cond: Node, ctor_root: Option<&str>) -> Guard {
        let src = self.src;
        let mut guard = Guard::None;
        traverse(cond, |a, entering| {
            let k = a.node;
            if !entering || guard != Guard::None {
                return;
            }
            match k.kind() {
                "this" => guard = Guard::Owner,
                "identifier" => {
                    let name = text(k, src);
                    if self.is_global(name) {
                        guard = Guard::GlobalCache;
                    } else if (self.is_module_var(name) && self.pre.assigned.contains(name))
                        || ctor_root == Some(name)
                    {
                        guard = Guard::ModuleCache;
                    }
                }
                _ => {}
            }
        });
        guard
    }

    // -------------------------------------------------------------------- resolution

    fn close_frame(&mut self, frame: &mut Frame) {
        for site in std::mem::take(&mut frame.own) {
            self.resolve_returned(frame, &site);
            frame.pending.push(site);
        }
        if frame.boundary {
            for site in std::mem::take(&mut frame.pending) {
                self.resolve_boundary(frame, &site);
            }
        }
    }

    /// Binding, returned, and the catalogue's `returns_self` / `handles` (`None` for a call:
    /// the callee's type is unknown, so any member of it counts as a handle).
    fn site_binding(&self, r: SiteRef) -> (Option<String>, Returned, Option<Links<'_>>) {
        match r {
            SiteRef::Client(i) => match self.facts.clients.get(i) {
                Some(c) => {
                    let def = self.catalog.by_id(&c.client);
                    let selfm = def.map(|d| d.returns_self.as_slice()).unwrap_or(&[]);
                    let handles = def.map(|d| d.handles.as_slice()).unwrap_or(&[]);
                    (c.binding.clone(), c.returned, Some((selfm, handles)))
                }
                None => (None, Returned::No, None),
            },
            SiteRef::Call(i) => match self.facts.calls.get(i) {
                Some(c) => (c.binding.clone(), c.returned, None),
                None => (None, Returned::No, None),
            },
        }
    }

    fn resolve_returned(&mut self, frame: &Frame, site: &Site) {
        let (binding, returned, known) = self.site_binding(site.r);
        if returned != Returned::No || frame.loop_cb {
            return;
        }
        let Some(b) = binding else { return };
        // What a member `m` of the client gives: the client, a handle, or data.
        let link = |m: Option<&String>| -> Returned {
            match (m, known) {
                (None, _) => Returned::Direct,
                (Some(m), Some((selfm, handles))) => {
                    if selfm.contains(m) {
                        Returned::Direct
                    } else if handles.contains(m) {
                        Returned::Derived
                    } else {
                        Returned::No
                    }
                }
                (Some(_), None) => Returned::Derived,
            }
        };
        let mut direct: Vec<&str> = vec![b.as_str()];
        let mut derived: Vec<&str> = Vec::new();
        for a in &frame.aliases {
            if a.root == b && a.name != b {
                match link(a.method.as_ref()) {
                    Returned::Direct => direct.push(&a.name),
                    Returned::Derived => derived.push(&a.name),
                    Returned::No => {}
                }
            }
        }
        let mut result = Returned::No;
        for r in &frame.returns {
            if r.direct.iter().any(|d| direct.contains(&d.as_str())) {
                result = Returned::Direct;
                break;
            }
            if r.direct.iter().any(|d| derived.contains(&d.as_str())) {
                result = Returned::Derived;
            }
            for (root, method) in &r.derived {
                let root = root.as_str();
                let got = if direct.contains(&root) {
                    // `return drizzle(client)` (method None: passed as an argument) is a handle.
                    if method.is_none() {
                        Returned::Derived
                    } else {
                        link(method.as_ref())
                    }
                } else if derived.contains(&root) {
                    Returned::Derived
                } else {
                    Returned::No
                };
                if got == Returned::Direct {
                    result = Returned::Direct;
                } else if got == Returned::Derived && result == Returned::No {
                    result = Returned::Derived;
                }
            }
            if result == Returned::Direct {
                break;
            }
        }
        match site.r {
            SiteRef::Client(i) => {
                if let Some(c) = self.facts.clients.get_mut(i) {
                    c.returned = result;
                }
            }
            SiteRef::Call(i) => {
                if let Some(c) = self.facts.calls.get_mut(i) {
                    c.returned = result;
                }
            }
        }
    }

    fn resolve_boundary(&mut self, frame: &Frame, site: &Site) {
        let (binding, _, _) = self.site_binding(site.r);
        let mut names: Vec<&str> = Vec::new();
        if let Some(b) = &binding {
            names.push(b);
            for a in &frame.aliases {
                if &a.root == b && a.method.is_none() {
                    names.push(&a.name);
                }
            }
        }
        if let Some(extra) = &site.extra_root {
            names.push(extra);
        }
        let release: Vec<&str> = match site.r {
            SiteRef::Client(i) => self
                .facts
                .clients
                .get(i)
                .and_then(|c| self.catalog.by_id(&c.client))
                .map(|d| d.release.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            SiteRef::Call(_) => GENERIC_RELEASE.to_vec(),
        };
        let released = names.iter().any(|n| {
            release.iter().any(|r| {
                frame.releases.iter().any(|p| {
                    p.len() == n.len() + 1 + r.len()
                        && p.starts_with(n)
                        && p.ends_with(r)
                        && p.as_bytes()[n.len()] == b'.'
                })
            })
        });
        let store_guard = binding.as_ref().and_then(|b| {
            let mut all: Vec<&str> = vec![b.as_str()];
            all.extend(
                frame
                    .aliases
                    .iter()
                    .filter(|a| &a.root == b)
                    .map(|a| a.name.as_str()),
            );
            frame
                .stores
                .iter()
                .find(|(root, _)| all.contains(&root.as_str()))
                .map(|(_, g)| *g)
        });
        match site.r {
            // A value derived from a client closed in the same function is data, not a handle.
            SiteRef::Client(i) => {
                if let Some(c) = self.facts.clients.get_mut(i) {
                    c.released |= released;
                    if c.released && c.returned == Returned::Derived {
                        c.returned = Returned::No;
                    }
                    if c.guard == Guard::None
                        && let Some(g) = store_guard
                    {
                        c.guard = g;
                    }
                }
            }
            SiteRef::Call(i) => {
                if let Some(c) = self.facts.calls.get_mut(i) {
                    c.released |= released;
                    if c.released && c.returned == Returned::Derived {
                        c.returned = Returned::No;
                    }
                    if c.guard == Guard::None
                        && let Some(g) = store_guard
                    {
                        c.guard = g;
                    }
                }
            }
        }
    }
}

/// A catalogue entry's `returns_self` and `handles`.
type Links<'c> = (&'c [String], &'c [String]);

#[derive(Debug)]
struct ValueContext {
    binding: Option<String>,
    returned: Returned,
    guard: Guard,
    using: bool,
    /// The first member called on the construction (`connect` in `new X().connect()`).
    member: Option<String>,
    /// The construction is an argument of a call (`drizzle(new Pool())`).
    via_arg: bool,
}

impl ValueContext {
    /// What the holding expression is, relative to the construction. Without catalogue
    /// knowledge (`returns_self` and `handles` empty), any chain counts as a handle.
    fn link(&self, returns_self: &[String], handles: &[String]) -> Returned {
        let generic = returns_self.is_empty() && handles.is_empty();
        match &self.member {
            None if self.via_arg => Returned::Derived,
            None => Returned::Direct,
            Some(m) if returns_self.contains(m) => {
                if self.via_arg {
                    Returned::Derived
                } else {
                    Returned::Direct
                }
            }
            Some(m) if generic || handles.contains(m) => Returned::Derived,
            Some(_) => Returned::No,
        }
    }
}

fn tagged(kind: ScopeKind, fw: &str) -> Scope {
    Scope {
        kind,
        framework: Some(fw.into()),
        name: None,
        span: None,
    }
}

/// The scope of a loop body (or `map` callback) inside `outer`.
fn loopify(outer: &Scope) -> Scope {
    match outer.kind {
        ScopeKind::Function | ScopeKind::Loop => Scope {
            kind: ScopeKind::Loop,
            framework: None,
            name: outer.name.clone(),
            span: outer.span,
        },
        _ => outer.clone(),
    }
}

/// The statement holding a node (the `export` statement around a declaration).
fn statement_of<'t>(n: At<'_, 't>) -> Option<Node<'t>> {
    let mut cur = n;
    while let Some(p) = cur.up() {
        let k = p.node.kind();
        if k.ends_with("_statement") || k == "lexical_declaration" || k == "variable_declaration" {
            if let Some(e) = p.parent().filter(|e| e.kind() == "export_statement") {
                return Some(e);
            }
            return Some(p.node);
        }
        if is_fn_kind(k) || k == "program" {
            return None;
        }
        cur = p;
    }
    None
}

fn display_callee(t: &str) -> String {
    let compact: String = t.split_whitespace().collect();
    if compact.len() > 40 {
        compact.rsplit('.').next().unwrap_or(&compact).to_string()
    } else {
        compact
    }
}

/// Does the first argument have one of the shapes the constructor requires?
fn first_arg_ok(ctor: &CtorDef, call: Node, src: &str) -> bool {
    if ctor.first_arg.is_empty() {
        return true;
    }
    let Some(first) = call_args(call).first().map(|a| unwrap_value(*a)) else {
        return false;
    };
    ctor.first_arg.iter().any(|shape| {
        if shape == "url" {
            match first.kind() {
                "string" | "template_string" => true,
                "member_expression" => {
                    let t = text(first, src);
                    t.starts_with("process.env") || t.starts_with("env.") || t.contains(".env.")
                }
                _ => false,
            }
        } else if let Some(key) = shape.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            first.kind() == "object"
                && named_kids(first).iter().any(|p| match p.kind() {
                    "pair" => field(*p, "key").and_then(|k| key_name(k, src)) == Some(key),
                    "shorthand_property_identifier" => text(*p, src) == key,
                    _ => false,
                })
        } else {
            false
        }
    })
}

// ------------------------------------------------------------------------------------------
// Lifecycle: effects and their cleanups, sessions and checkouts, production-only code
//
// These analyses run when the walk meets the construct (an effect hook call, a class, a
// checkout, an `if`), over that construct's own subtree: effects and checkouts are small, so
// re-reading them costs little and keeps the main walk unchanged.

/// Vue (composition API): the hook whose callback acquires, and those whose callbacks clean up.
const VUE_MOUNT: &str = "onMounted";
const VUE_UNMOUNT: &[&str] = &["onUnmounted", "onBeforeUnmount", "onScopeDispose"];
/// Where Vue's hooks come from. Nuxt auto-imports them: no import at all is fine too.
const VUE_MODULES: &[&str] = &["vue", "@vue/*", "vue-demi", "#imports", "#app", "nuxt/app"];
/// React class components.
const CLASS_MOUNT: &str = "componentDidMount";
const CLASS_UNMOUNT: &str = "componentWillUnmount";
/// How many helper functions an analysis follows at most (from a cleanup, or from
/// `componentDidMount`).
const MAX_HELPERS: usize = 32;
/// Functions that run the callback they are given once, as part of the caller's own run (array
/// methods, promise continuations, one-shot schedulers): a callback given to anything else
/// (`addEventListener`, `subscribe`, `on`, `new ResizeObserver`) runs later, on events.
const RUN_ONCE_CALLERS: &[&str] = &[
    "then",
    "catch",
    "finally",
    "forEach",
    "map",
    "flatMap",
    "filter",
    "reduce",
    "reduceRight",
    "some",
    "every",
    "find",
    "findIndex",
    "findLast",
    "sort",
    "setTimeout",
    "requestAnimationFrame",
    "requestIdleCallback",
    "queueMicrotask",
    "startTransition",
    "flushSync",
    "unstable_batchedUpdates",
    "batch",
    "act",
    "call",
    "apply",
];

/// An environment test: does the consequent (`.0`) / the alternative (`.1`) only run in
/// production? `process.env.NODE_ENV === "production"` is `(true, false)`.
type EnvTest = (bool, bool);

/// Named functions of the file and every name it declares, for following helpers and for
/// telling a global (`setInterval`) from a local or a prop of the same name.
struct FnIndex<'t> {
    /// Function name → (function node, byte range of the scope that declares it).
    fns: HashMap<String, Vec<(Node<'t>, std::ops::Range<usize>)>>,
    /// Variables, parameters, functions and classes declared anywhere (imports excluded).
    declared: HashSet<String>,
}

impl<'t> FnIndex<'t> {
    fn build(root: Node<'t>, src: &str) -> Self {
        let mut fns: HashMap<String, Vec<(Node<'t>, std::ops::Range<usize>)>> = HashMap::new();
        let mut declared: HashSet<String> = HashSet::new();
        let mut scopes: Vec<std::ops::Range<usize>> = Vec::new();
        scopes.push(0..src.len());
        traverse(root, |at, entering| {
            let n = at.node;
            if !n.is_named() {
                return;
            }
            let kind = n.kind();
            if is_fn_kind(kind) {
                if !entering {
                    scopes.pop();
                    return;
                }
                if let Some(fname) = fn_name(at, src)
                    && matches!(fname.kind, NameKind::Decl | NameKind::Var)
                {
                    let scope = scopes.last().cloned().unwrap_or(0..src.len());
                    declared.insert(fname.name.clone());
                    fns.entry(fname.name).or_default().push((n, scope));
                }
                let mut names = Vec::new();
                for p in [field(n, "parameters"), field(n, "parameter")]
                    .into_iter()
                    .flatten()
                {
                    pattern_names(p, src, &mut names);
                }
                declared.extend(names);
                scopes.push(n.byte_range());
                return;
            }
            if !entering {
                return;
            }
            let mut names = Vec::new();
            match kind {
                "variable_declarator" => {
                    if let Some(name) = field(n, "name") {
                        pattern_names(name, src, &mut names);
                    }
                }
                "class_declaration" | "abstract_class_declaration" => {
                    if let Some(name) = field(n, "name") {
                        names.push(text(name, src).to_string());
                    }
                }
                "catch_clause" => {
                    if let Some(p) = field(n, "parameter") {
                        pattern_names(p, src, &mut names);
                    }
                }
                _ => {}
            }
            declared.extend(names);
        });
        FnIndex { fns, declared }
    }

    /// The function `name` visible at byte `at`: the one declared in the innermost scope
    /// around `at`.
    fn lookup(&self, name: &str, at: usize) -> Option<Node<'t>> {
        self.fns
            .get(name)?
            .iter()
            .filter(|(_, r)| r.contains(&at))
            .min_by_key(|(_, r)| r.len())
            .map(|(n, _)| *n)
    }

    /// Functions assigned to the variable `name` inside the scope that declares the function
    /// [`FnIndex::lookup`] finds (`let stop = () => {}; … stop = () => client.close();`): a call
    /// of `name` may run any of them.
    fn reassigned(&self, name: &str, at: usize) -> Vec<Node<'t>> {
        let Some(entries) = self.fns.get(name) else {
            return Vec::new();
        };
        let Some((decl, scope)) = entries
            .iter()
            .filter(|(_, r)| r.contains(&at))
            .min_by_key(|(_, r)| r.len())
        else {
            return Vec::new();
        };
        entries
            .iter()
            .filter(|(n, _)| n.id() != decl.id() && scope.contains(&n.start_byte()))
            .filter(|(n, _)| {
                n.parent()
                    .is_some_and(|p| p.kind() == "assignment_expression")
            })
            .map(|(n, _)| *n)
            .collect()
    }
}

/// What an effect is made of, before its facts are built.
struct EffectParts<'t> {
    hook: String,
    span: Span,
    component: Option<String>,
    /// Where acquisitions are looked for (the effect callback, `componentDidMount`).
    bodies: Vec<Node<'t>>,
    /// Values the effect callback returns (React): an acquisition returned is its own cleanup.
    returns: Vec<Node<'t>>,
    /// Cleanup functions: the returned function, `componentWillUnmount`, Vue `onUnmounted`
    /// callbacks.
    cleanup_fns: Vec<Node<'t>>,
    /// Returned disposers (`return unsubscribe`): the cleanup calls them.
    disposers: Vec<(String, Span)>,
    /// Some other value is returned (`return subscribe(…)`): a cleanup whose calls are unknown.
    opaque: Option<Span>,
    /// A class component's body, for `this.helper()`.
    class_body: Option<Node<'t>>,
    /// Values pushed into an array of cleanups the cleanup calls
    /// (`cleanups.push(onSnapshot(…))`): an acquisition pushed there is its own cleanup.
    pushed: HashSet<usize>,
    /// Calls and constructions stored in an array or set whose elements the cleanup releases
    /// one by one (`subs.forEach((s) => s.unsubscribe())`), with the names it releases them
    /// with (`unsubscribe`).
    released_elements: HashMap<usize, Vec<String>>,
    /// The dependency array's entries (canonical texts) of a React effect.
    deps: Vec<String>,
    anchors: EffectAnchors,
}

impl<'t> EffectParts<'t> {
    fn new(hook: &str, span: Span, component: Option<String>) -> Self {
        EffectParts {
            hook: hook.to_string(),
            span,
            component,
            bodies: Vec::new(),
            returns: Vec::new(),
            cleanup_fns: Vec::new(),
            disposers: Vec::new(),
            opaque: None,
            class_body: None,
            pushed: HashSet::new(),
            released_elements: HashMap::new(),
            deps: Vec::new(),
            anchors: EffectAnchors::default(),
        }
    }
}

/// Canonical text of an expression, so that texts written differently compare equal:
/// whitespace and comments dropped (one space kept between two word characters), quotes
/// normalised to `"` (a template literal without `${…}` too), `?.` → `.` (`f?.()` → `f()`,
/// `a?.[i]` → `a[i]`), non-null assertions (`ref.current!.close`) dropped.
fn canon(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            space = true;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        let spaced = space;
        if space {
            if out.chars().last().is_some_and(word) && word(c) {
                out.push(' ');
            }
            space = false;
        }
        match c {
            '\'' | '"' | '`' => {
                let mut body = String::new();
                let mut template = false;
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        body.push(chars[i]);
                        body.push(chars[i + 1]);
                        i += 2;
                        continue;
                    }
                    if c == '`' && chars[i] == '$' && chars.get(i + 1) == Some(&'{') {
                        template = true;
                    }
                    body.push(chars[i]);
                    i += 1;
                }
                let q = if template { '`' } else { '"' };
                out.push(q);
                out.push_str(&body);
                out.push(q);
            }
            '?' if chars.get(i + 1) == Some(&'.')
                && !chars.get(i + 2).is_some_and(|d| d.is_ascii_digit()) =>
            {
                if !matches!(chars.get(i + 2), Some('(') | Some('[')) {
                    out.push('.');
                }
                i += 1;
            }
            '!' if !spaced
                && out
                    .chars()
                    .last()
                    .is_some_and(|p| word(p) || p == ')' || p == ']')
                && chars.get(i + 1) != Some(&'=') => {}
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Waiting inside a promise: `new Promise((resolve) => setTimeout(resolve, ms))`,
/// `new Promise((r) => window.addEventListener("focus", () => r(), { once: true }))`. The
/// timer or listener only settles the promise (its arguments use the executor's `resolve`).
fn is_promise_wait(a: At, src: &str) -> bool {
    let args: Vec<String> = call_args(a.node)
        .into_iter()
        .map(|x| text(x, src).to_string())
        .collect();
    let mentions = |name: &str| {
        args.iter().any(|t| {
            t.match_indices(name).any(|(i, _)| {
                let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
                !t[..i].chars().next_back().is_some_and(word)
                    && !t[i + name.len()..].chars().next().is_some_and(word)
            })
        })
    };
    let mut cur = a;
    while let Some(p) = cur.up() {
        if is_fn_kind(p.node.kind()) {
            let resolve = [field(p.node, "parameters"), field(p.node, "parameter")]
                .into_iter()
                .flatten()
                .next()
                .and_then(|ps| {
                    let mut names = Vec::new();
                    pattern_names(ps, src, &mut names);
                    names.into_iter().next()
                });
            let executor = arg_position(p).is_some_and(|(call, i)| {
                i == 0
                    && call.node.kind() == "new_expression"
                    && field(call.node, "constructor").is_some_and(|c| text(c, src) == "Promise")
            });
            return executor && resolve.is_some_and(|r| mentions(&r));
        }
        cur = p;
    }
    false
}

/// `text` with a helper's parameter replaced by the argument it was called with (`s` or
/// `s.x` for the parameter `s`).
fn substitute(text: &str, subst: &HashMap<String, String>) -> String {
    if let Some(v) = subst.get(text) {
        return v.clone();
    }
    if let Some((head, rest)) = text.split_once('.')
        && let Some(v) = subst.get(head)
    {
        return format!("{v}.{rest}");
    }
    text.to_string()
}

/// Source text for messages: on one line, without the spaces a chain's line breaks leave.
fn display_text(t: &str) -> String {
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(" .", ".")
        .replace(" ?.", "?.")
}

/// The leading whitespace of the line holding byte `at`.
fn line_indent(src: &str, at: usize) -> String {
    let start = src
        .get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    src.get(start..)
        .unwrap_or("")
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// What an effect stores in an array of cleanups (see [`Walker::array_cleanups`]).
#[derive(Default)]
struct StoredCleanups<'t> {
    /// Functions pushed (inline, or same-file functions by name).
    fns: Vec<Node<'t>>,
    /// Other names pushed (`unsubscribe`, `sub.unsubscribe`): disposers the cleanup calls.
    disposers: Vec<(String, Span)>,
    /// Calls and constructions pushed (`cleanups.push(onSnapshot(…))`).
    pushed: HashSet<usize>,
}

/// The array (or set) a loop goes through: `cleanups.splice(0)`, `cleanups.slice()` →
/// `cleanups`.
fn array_of<'t>(mut x: Node<'t>, src: &str) -> Option<Node<'t>> {
    for _ in 0..4 {
        x = unwrap_value(x);
        let inner = (x.kind() == "call_expression")
            .then(|| field(x, "function").map(unwrap_value))
            .flatten()
            .filter(|c| c.kind() == "member_expression")
            .filter(|c| {
                matches!(
                    field(*c, "property").map(|p| text(p, src)),
                    Some("splice" | "slice" | "reverse")
                )
            })
            .and_then(|c| field(c, "object"));
        match inner {
            Some(i) => x = i,
            None => break,
        }
    }
    matches!(x.kind(), "identifier" | "member_expression").then_some(x)
}

/// See [`NestedAnchors`]: the acquisition `a`'s own statement, when every construct between it
/// and the effect callback's body block runs once per effect run.
fn nested_anchors(a: At<'_, '_>, parts: &EffectParts<'_>, src: &str) -> Option<NestedAnchors> {
    let block = parts
        .bodies
        .first()
        .and_then(|cb| field(*cb, "body"))
        .filter(|b| b.kind() == "statement_block")?;
    let body_start = named_kids(block).first()?.start_byte();
    // The acquisition's own statement: `x(…);`, `await x(…);`, `const v = await x(…);`.
    let mut cur = a;
    let (own, declares) = loop {
        let p = cur.up()?;
        match p.node.kind() {
            "await_expression" | "parenthesized_expression" | "non_null_expression" => cur = p,
            "expression_statement" => break (p, false),
            "variable_declarator" if is_field(p.node, "value", cur.node) => {
                let decl = p.up()?;
                if !matches!(
                    decl.node.kind(),
                    "lexical_declaration" | "variable_declaration"
                ) || named_kids(decl.node).len() != 1
                    || field(p.node, "name").is_none_or(|n| n.kind() != "identifier")
                {
                    return None;
                }
                break (decl, true);
            }
            _ => return None,
        }
    };
    // Up to the effect body: blocks, conditionals, `try`, and functions run from there.
    let mut cur = own;
    loop {
        let p = cur.up()?;
        if p.node.id() == block.id() {
            break;
        }
        match p.node.kind() {
            "statement_block"
            | "if_statement"
            | "else_clause"
            | "try_statement"
            | "catch_clause"
            | "finally_clause"
            | "function_declaration"
            | "arrow_function"
            | "function_expression"
            | "function"
            | "call_expression"
            | "member_expression"
            | "parenthesized_expression"
            | "expression_statement"
            | "await_expression"
            | "variable_declarator"
            | "lexical_declaration" => cur = p,
            // A promise callback runs once; `forEach`, `map` or a listener's may run many times.
            "arguments"
                if p.parent()
                    .and_then(|call| field(call, "function"))
                    .and_then(|f| field(f, "property"))
                    .is_some_and(|prop| {
                        matches!(text(prop, src), "then" | "catch" | "finally")
                    }) =>
            {
                cur = p
            }
            _ => return None,
        }
    }
    Some(NestedAnchors {
        own: span(own.node),
        declares,
        body_start: u32::try_from(body_start).ok()?,
    })
}

/// The callback of `xs.map(cb)` (also `Array.from(xs, cb)`), when it is a function literal.
fn map_callback<'t>(v: Node<'t>, src: &str) -> Option<Node<'t>> {
    if v.kind() != "call_expression" {
        return None;
    }
    let callee = field(v, "function").map(unwrap_value)?;
    let args = call_args(v);
    let cb = match (callee.kind(), text(callee, src)) {
        ("member_expression", "Array.from") => *args.get(1)?,
        ("member_expression", _) if text(field(callee, "property")?, src) == "map" => {
            *args.first()?
        }
        _ => return None,
    };
    matches!(
        cb.kind(),
        "arrow_function" | "function_expression" | "function"
    )
    .then_some(cb)
}

/// What a function literal returns: an arrow's expression body, or the values of the `return`
/// statements of its own body (not of nested functions).
fn returned_values(f: Node<'_>) -> Vec<Node<'_>> {
    let Some(body) = field(f, "body") else {
        return Vec::new();
    };
    if body.kind() != "statement_block" {
        return vec![unwrap_value(body)];
    }
    let mut out = Vec::new();
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        for k in named_kids(n) {
            match k.kind() {
                "return_statement" => out.extend(named_kids(k).into_iter().map(unwrap_value)),
                "arrow_function"
                | "function_expression"
                | "function_declaration"
                | "class_body" => {}
                _ => stack.push(k),
            }
        }
    }
    out
}

/// How a cleanup releases each element of an array or set.
#[derive(Debug, Clone, PartialEq)]
enum ElementUse {
    /// A method called on it: `subs.forEach((s) => s.unsubscribe())` → `unsubscribe`.
    Method(String),
    /// A function it is passed to: `timers.forEach(clearTimeout)`,
    /// `for (const t of timers) clearTimeout(t)` → `clearTimeout` (canonical text).
    PassedTo(String),
}

/// An array or set whose elements `n` releases one by one (see [`ElementUse`]), with how.
fn element_release<'t>(n: Node<'t>, src: &str) -> Option<(Node<'t>, Vec<ElementUse>)> {
    // What `body` does with `param`: `param.m()`, `g(param)`.
    let uses_of = |body: Node, param: &str| {
        let mut out = Vec::new();
        traverse(body, |a, entering| {
            if !entering || a.node.kind() != "call_expression" {
                return;
            }
            let Some(callee) = field(a.node, "function").map(unwrap_value) else {
                return;
            };
            let is_param = |x: Node| {
                let x = unwrap_value(x);
                x.kind() == "identifier" && text(x, src) == param
            };
            if callee.kind() == "member_expression"
                && field(callee, "object").is_some_and(is_param)
                && let Some(m) = field(callee, "property")
            {
                out.push(ElementUse::Method(text(m, src).to_string()));
            } else if call_args(a.node).first().is_some_and(|x| is_param(*x))
                && dotted_path(callee, src).is_some()
            {
                out.push(ElementUse::PassedTo(canon(text(callee, src))));
            }
        });
        out
    };
    let (array, uses) = match n.kind() {
        "call_expression" => {
            let callee = unwrap_value(field(n, "function")?);
            if callee.kind() != "member_expression"
                || !matches!(text(field(callee, "property")?, src), "forEach" | "map")
            {
                return None;
            }
            let cb = unwrap_value(*call_args(n).first()?);
            let uses = if is_fn_kind(cb.kind()) {
                let mut params = Vec::new();
                for p in [field(cb, "parameters"), field(cb, "parameter")]
                    .into_iter()
                    .flatten()
                {
                    pattern_names(p, src, &mut params);
                }
                uses_of(field(cb, "body")?, params.first()?)
            } else {
                dotted_path(cb, src)?;
                vec![ElementUse::PassedTo(canon(text(cb, src)))]
            };
            (array_of(field(callee, "object")?, src)?, uses)
        }
        "for_in_statement" => {
            token(n, "of")?;
            let left = unwrap_value(field(n, "left")?);
            if left.kind() != "identifier" {
                return None;
            }
            let uses = uses_of(field(n, "body")?, text(left, src));
            (array_of(field(n, "right")?, src)?, uses)
        }
        _ => return None,
    };
    (!uses.is_empty()).then_some((array, uses))
}

/// An array whose elements `n` calls: `cleanups.forEach((f) => f())` (also `.map`, through
/// `.splice(0)` / `.slice()` / `.reverse()`) and `for (const c of cleanups) c()`.
fn called_elements<'t>(n: Node<'t>, src: &str) -> Option<Node<'t>> {
    // Does `f`'s body call `param`?
    let calls_param = |f: Node, param: &str| {
        let mut found = false;
        traverse(f, |a, entering| {
            if entering
                && !found
                && a.node.kind() == "call_expression"
                && field(a.node, "function")
                    .map(unwrap_value)
                    .is_some_and(|c| c.kind() == "identifier" && text(c, src) == param)
            {
                found = true;
            }
        });
        found
    };
    let array_of = |x: Node<'t>| array_of(x, src);
    match n.kind() {
        "call_expression" => {
            let callee = unwrap_value(field(n, "function")?);
            if callee.kind() != "member_expression"
                || !matches!(text(field(callee, "property")?, src), "forEach" | "map")
            {
                return None;
            }
            let cb = unwrap_value(*call_args(n).first()?);
            if !is_fn_kind(cb.kind()) {
                return None;
            }
            let mut params = Vec::new();
            for p in [field(cb, "parameters"), field(cb, "parameter")]
                .into_iter()
                .flatten()
            {
                pattern_names(p, src, &mut params);
            }
            let param = params.first()?;
            if !calls_param(field(cb, "body")?, param) {
                return None;
            }
            array_of(field(callee, "object")?)
        }
        "for_in_statement" => {
            token(n, "of")?;
            let left = unwrap_value(field(n, "left")?);
            if left.kind() != "identifier" {
                return None;
            }
            if !calls_param(field(n, "body")?, text(left, src)) {
                return None;
            }
            array_of(field(n, "right")?)
        }
        _ => None,
    }
}

/// Values returned by the function whose block is `body` (not by nested functions).
fn top_returns<'t>(body: Node<'t>, out: &mut Vec<Node<'t>>) {
    let mut skipping: Option<usize> = None;
    traverse(body, |a, entering| {
        let n = a.node;
        if let Some(s) = skipping {
            if !entering && n.id() == s {
                skipping = None;
            }
            return;
        }
        if !entering {
            return;
        }
        if is_fn_kind(n.kind()) && n.id() != body.id() {
            skipping = Some(n.id());
            return;
        }
        if n.kind() == "return_statement"
            && let Some(v) = first_named(n)
        {
            out.push(unwrap_value(v));
        }
    });
}

/// Calls and constructions below `n` in its receiver chain: `a.b(x).c(y)` → `a.b(x)`.
fn chain_inner(n: Node, out: &mut HashSet<usize>) {
    let mut cur = n;
    for _ in 0..64 {
        if cur.kind() != "call_expression" {
            return;
        }
        let Some(callee) = field(cur, "function").map(unwrap_value) else {
            return;
        };
        if callee.kind() != "member_expression" {
            return;
        }
        let Some(mut obj) = field(callee, "object").map(unwrap_value) else {
            return;
        };
        while obj.kind() == "member_expression" {
            match field(obj, "object") {
                Some(o) => obj = unwrap_value(o),
                None => return,
            }
        }
        if !matches!(obj.kind(), "call_expression" | "new_expression") {
            return;
        }
        out.insert(obj.id());
        cur = obj;
    }
}

/// A pattern's single leaf (`{ data: { subscription } }` → `subscription`); with several
/// leaves, the one nested deepest if it is the only one that deep.
fn pattern_leaf(p: Node, src: &str) -> Option<String> {
    fn walk(n: Node, src: &str, depth: usize, out: &mut Vec<(String, usize)>) {
        match n.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                out.push((text(n, src).to_string(), depth))
            }
            "pair_pattern" => {
                if let Some(v) = field(n, "value") {
                    walk(v, src, depth, out);
                }
            }
            "object_pattern" | "array_pattern" => {
                for k in named_kids(n) {
                    walk(k, src, depth + 1, out);
                }
            }
            "assignment_pattern" | "object_assignment_pattern" => {
                if let Some(l) = field(n, "left").or_else(|| first_named(n)) {
                    walk(l, src, depth, out);
                }
            }
            _ => {}
        }
    }
    let mut leaves = Vec::new();
    walk(p, src, 0, &mut leaves);
    let max = leaves.iter().map(|(_, d)| *d).max()?;
    let mut deepest = leaves.into_iter().filter(|(_, d)| *d == max);
    let first = deepest.next()?;
    if deepest.next().is_some() {
        return None;
    }
    Some(first.0)
}

/// What a value is stored into, as canonical text: `const x = …` → `x`, `x = …`,
/// `ref.current = …` → `ref.current`, `this.x = …` → `this.x`, destructuring → its leaf;
/// through `await`, parentheses, casts, `a ?? …` / `a || …` and conditional arms.
fn holder_text(at: At, src: &str) -> Option<String> {
    let mut cur = at;
    while let Some(p) = cur.up() {
        let (pn, cn) = (p.node, cur.node);
        match pn.kind() {
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "type_assertion" => {}
            "binary_expression" => {
                let op = field(pn, "operator").map(|o| text(o, src)).unwrap_or("");
                if !matches!(op, "??" | "||") || !is_field(pn, "right", cn) {
                    return None;
                }
            }
            "ternary_expression" if !is_field(pn, "condition", cn) => {}
            "variable_declarator" => {
                if !is_field(pn, "value", cn) {
                    return None;
                }
                let name = field(pn, "name")?;
                return match name.kind() {
                    "identifier" => Some(text(name, src).to_string()),
                    _ => pattern_leaf(name, src),
                };
            }
            // A class field: `pool = new Pool();` is `this.pool`.
            "public_field_definition" => {
                if !is_field(pn, "value", cn) {
                    return None;
                }
                return Some(format!("this.{}", key_name(field(pn, "name")?, src)?));
            }
            "assignment_expression" | "augmented_assignment_expression" => {
                if !is_field(pn, "right", cn) {
                    return None;
                }
                let left = unwrap_value(field(pn, "left")?);
                return match left.kind() {
                    "identifier" | "member_expression" | "subscript_expression" => {
                        Some(canon(text(left, src)))
                    }
                    _ => pattern_leaf(left, src),
                };
            }
            _ => return None,
        }
        cur = p;
    }
    None
}

/// `call` runs the callback it is given once (see [`RUN_ONCE_CALLERS`]).
fn runs_once(call: Node, src: &str) -> bool {
    let Some(callee) = field(call, "function").map(unwrap_value) else {
        // `new ResizeObserver(cb)`: kept; `new Promise(executor)` is an IIFE.
        return false;
    };
    let name = match callee.kind() {
        "identifier" => text(callee, src),
        "member_expression" => field(callee, "property")
            .map(|p| text(p, src))
            .unwrap_or(""),
        _ => return false,
    };
    RUN_ONCE_CALLERS.contains(&name)
}

/// Is `name` referenced under `root` (outside the `skip` nodes) and does `ok` hold for every
/// such reference? Stops at the first that fails.
fn every_reference<'t>(
    root: Node<'t>,
    src: &str,
    name: &str,
    skip: &[Node<'t>],
    mut ok: impl FnMut(At<'_, 't>) -> bool,
) -> bool {
    let mut refs = 0;
    let mut all = true;
    traverse(root, |r, entering| {
        let n = r.node;
        if !entering
            || !all
            || n.kind() != "identifier"
            || text(n, src) != name
            || skip
                .iter()
                .any(|s| s.byte_range().contains(&n.start_byte()))
        {
            return;
        }
        refs += 1;
        all = ok(r);
    });
    refs > 0 && all
}

/// The name a function is bound to, with the node that binds it: `const f = () => …`
/// (also `const f = cond ? g : () => …`), `function f() {}`, `x.onload = () => …` (the
/// property's name).
fn bound_fn_name<'t>(f: At<'_, 't>, src: &str) -> Option<(String, Node<'t>)> {
    if f.node.kind() == "function_declaration" {
        return Some((text(field(f.node, "name")?, src).to_string(), f.node));
    }
    let mut cur = f;
    while let Some(p) = cur.up() {
        let (pn, cn) = (p.node, cur.node);
        match pn.kind() {
            "parenthesized_expression" | "as_expression" | "satisfies_expression" => {}
            "ternary_expression" if !is_field(pn, "condition", cn) => {}
            "binary_expression" if is_field(pn, "right", cn) => {}
            "variable_declarator" => {
                let name = field(pn, "name").filter(|n| n.kind() == "identifier")?;
                return is_field(pn, "value", cn).then(|| (text(name, src).to_string(), pn));
            }
            "assignment_expression" if is_field(pn, "right", cn) => {
                let left = unwrap_value(field(pn, "left")?);
                let name = match left.kind() {
                    "identifier" => left,
                    "member_expression" => field(left, "property")?,
                    _ => return None,
                };
                return Some((text(name, src).to_string(), pn));
            }
            _ => return None,
        }
        cur = p;
    }
    None
}

/// The statement holding a node, as a position (see [`statement_of`]).
fn statement_at<'p, 't>(n: At<'p, 't>) -> Option<At<'p, 't>> {
    let mut cur = n;
    while let Some(p) = cur.up() {
        let k = p.node.kind();
        if k.ends_with("_statement") || k == "lexical_declaration" || k == "variable_declaration" {
            if let Some(e) = p.up().filter(|e| e.node.kind() == "export_statement") {
                return Some(e);
            }
            return Some(p);
        }
        if is_fn_kind(k) || k == "program" {
            return None;
        }
        cur = p;
    }
    None
}

impl<'a, 't> Walker<'a, 't> {
    fn ensure_index(&mut self) {
        if self.index.is_none()
            && let Some(root) = self.root
        {
            self.index = Some(FnIndex::build(root, self.src));
        }
    }

    fn lookup_fn(&self, name: &str, at: usize) -> Option<Node<'t>> {
        self.index.as_ref()?.lookup(name, at)
    }

    fn declared(&self, name: &str) -> bool {
        self.index
            .as_ref()
            .is_some_and(|i| i.declared.contains(name))
    }

    /// Canonical text of a value (see [`canon`]).
    fn ctext(&self, n: Node) -> String {
        canon(text(unwrap_value(n), self.src))
    }

    fn imports_any(&self, modules: &[String]) -> bool {
        self.pre
            .imports
            .values()
            .any(|i| modules.iter().any(|m| wildcard_match(m, &i.module)))
    }

    /// The file imports, or the project depends on, one of the entry's modules.
    fn uses_library(&self, def: &ClientDef) -> bool {
        let project = &self.pre.file.project;
        self.imports_any(&def.modules)
            || def
                .modules
                .iter()
                .any(|m| !m.contains('*') && project.has_dep(m))
    }

    /// A Vue lifecycle hook (`onMounted`, `onUnmounted`, …) by its local name. Call
    /// [`Walker::ensure_index`] first.
    fn is_vue_hook(&self, name: &str) -> bool {
        match self.pre.imports.get(name) {
            Some(imp) => VUE_MODULES.iter().any(|m| wildcard_match(m, &imp.module)),
            None => {
                !self.declared(name)
                    && ["vue", "nuxt"]
                        .iter()
                        .any(|d| self.pre.file.project.has_dep(d))
            }
        }
    }

    /// Calls that start something with a lifecycle: effect hooks, Vue `onMounted`, checkouts.
    fn lifecycle_call(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let n = at.node;
        let Some(callee) = field(n, "function").map(unwrap_value) else {
            return;
        };
        let name = match callee.kind() {
            "identifier" => text(callee, src),
            "member_expression" => field(callee, "property")
                .map(|p| text(p, src))
                .unwrap_or(""),
            _ => return,
        };
        if EFFECT_HOOKS.contains(&name) {
            self.react_effect(at, name);
        } else if name == VUE_MOUNT && callee.kind() == "identifier" {
            self.ensure_index();
            if self.is_vue_hook(name) {
                self.vue_effect(at);
            }
        } else if callee.kind() == "member_expression" && self.checkout_methods.contains(name) {
            self.checkout(at, callee, name);
        }
    }

    // -------------------------------------------------------------------- effects

    /// `useEffect(() => { …; return cleanup }, deps)` (also `useLayoutEffect`,
    /// `useInsertionEffect`, `React.useEffect`).
    fn react_effect(&mut self, at: At<'_, 't>, hook: &str) {
        let call = at.node;
        let Some(cb) = call_args(call).first().map(|a| unwrap_value(*a)) else {
            return;
        };
        if !matches!(cb.kind(), "arrow_function" | "function_expression") {
            return;
        }
        self.ensure_index();
        let mut parts = EffectParts::new(hook, span(call), self.ctx().scope.name.clone());
        parts.bodies.push(cb);
        if let Some(deps) = call_args(call).get(1).map(|d| unwrap_value(*d))
            && deps.kind() == "array"
        {
            parts.deps = named_kids(deps)
                .into_iter()
                .map(|d| self.ctext(d))
                .collect();
        }
        let mut returns = Vec::new();
        match field(cb, "body") {
            Some(b) if b.kind() == "statement_block" => top_returns(b, &mut returns),
            Some(b) => returns.push(unwrap_value(b)),
            None => {}
        }
        for r in &returns {
            self.returned_cleanup(*r, &mut parts, 0);
        }
        parts.returns = returns;
        parts.anchors = self.effect_anchors(cb, call, parts.cleanup_fns.first().copied());
        let fact = self.build_effect(parts);
        self.facts.effects.push(fact);
    }

    /// What a returned value contributes to the cleanup.
    fn returned_cleanup(&self, r: Node<'t>, parts: &mut EffectParts<'t>, depth: u8) {
        if depth > 4 {
            return;
        }
        let r = unwrap_value(r);
        match r.kind() {
            "arrow_function" | "function_expression" => parts.cleanup_fns.push(r),
            "identifier" => {
                let name = text(r, self.src);
                if name == "undefined" {
                    return;
                }
                match self.lookup_fn(name, r.start_byte()) {
                    Some(f) => parts.cleanup_fns.push(f),
                    None => parts.disposers.push((name.to_string(), span(r))),
                }
            }
            "member_expression" | "subscript_expression" => {
                parts.disposers.push((self.ctext(r), span(r)))
            }
            "ternary_expression" => {
                for f in ["consequence", "alternative"] {
                    if let Some(v) = field(r, f) {
                        self.returned_cleanup(v, parts, depth + 1);
                    }
                }
            }
            "binary_expression" => {
                let op = field(r, "operator")
                    .map(|o| text(o, self.src))
                    .unwrap_or("");
                if matches!(op, "||" | "??")
                    && let Some(l) = field(r, "left")
                {
                    self.returned_cleanup(l, parts, depth + 1);
                }
                if matches!(op, "&&" | "||" | "??")
                    && let Some(v) = field(r, "right")
                {
                    self.returned_cleanup(v, parts, depth + 1);
                }
            }
            "call_expression" | "new_expression" => {
                parts.opaque.get_or_insert(span(r));
            }
            _ => {}
        }
    }

    /// A React class component: `componentDidMount` acquires, `componentWillUnmount` cleans up.
    fn class_component(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let class = at.node;
        if !named_kids(class)
            .iter()
            .any(|k| k.kind() == "class_heritage")
        {
            return;
        }
        let Some(body) = field(class, "body") else {
            return;
        };
        let method = |name: &str| {
            named_kids(body).into_iter().find(|m| {
                m.kind() == "method_definition"
                    && field(*m, "name").and_then(|k| key_name(k, src)) == Some(name)
            })
        };
        let Some(mount) = method(CLASS_MOUNT) else {
            return;
        };
        let unmount = method(CLASS_UNMOUNT);
        self.ensure_index();
        let name = field(class, "name")
            .map(|n| text(n, src).to_string())
            .or_else(|| {
                at.up()
                    .filter(|d| d.node.kind() == "variable_declarator")
                    .and_then(|d| field(d.node, "name"))
                    .map(|n| text(n, src).to_string())
            });
        let label = field(mount, "name").map(span).unwrap_or(span(mount));
        let mut parts = EffectParts::new(CLASS_MOUNT, label, name);
        parts.class_body = Some(body);
        parts.bodies.push(mount);
        parts.cleanup_fns.extend(unmount);
        parts.anchors = self.effect_anchors(mount, mount, unmount);
        let fact = self.build_effect(parts);
        self.facts.effects.push(fact);
    }

    /// Vue: `onMounted(() => …)`, cleaned up by the `onUnmounted` / `onBeforeUnmount` /
    /// `onScopeDispose` callbacks registered in the same setup function or composable.
    fn vue_effect(&mut self, at: At<'_, 't>) {
        let call = at.node;
        let Some(cb) = call_args(call).first().map(|a| unwrap_value(*a)) else {
            return;
        };
        if !matches!(cb.kind(), "arrow_function" | "function_expression") {
            return;
        }
        let host = at
            .anc
            .iter()
            .rev()
            .find(|n| is_fn_kind(n.kind()))
            .copied()
            .or(self.root);
        let mut parts = EffectParts::new(VUE_MOUNT, span(call), self.ctx().scope.name.clone());
        parts.bodies.push(cb);
        if let Some(host) = host {
            let src = self.src;
            let mut skipping: Option<usize> = None;
            let mut cleanups = Vec::new();
            traverse(host, |a, entering| {
                let n = a.node;
                if let Some(s) = skipping {
                    if !entering && n.id() == s {
                        skipping = None;
                    }
                    return;
                }
                if !entering {
                    return;
                }
                if is_fn_kind(n.kind()) && n.id() != host.id() {
                    skipping = Some(n.id());
                    return;
                }
                if n.kind() != "call_expression" {
                    return;
                }
                let Some(f) = field(n, "function").map(unwrap_value) else {
                    return;
                };
                let name = text(f, src);
                if f.kind() == "identifier"
                    && VUE_UNMOUNT.contains(&name)
                    && self.is_vue_hook(name)
                    && let Some(c) = call_args(n).first().map(|x| unwrap_value(*x))
                {
                    match c.kind() {
                        "arrow_function" | "function_expression" => cleanups.push(c),
                        "identifier" => {
                            if let Some(h) = self.lookup_fn(text(c, src), c.start_byte()) {
                                cleanups.push(h);
                            }
                        }
                        _ => {}
                    }
                }
            });
            parts.cleanup_fns = cleanups;
        }
        parts.anchors = self.effect_anchors(cb, call, parts.cleanup_fns.first().copied());
        let fact = self.build_effect(parts);
        self.facts.effects.push(fact);
    }

    fn effect_anchors(
        &self,
        body_fn: Node<'t>,
        hook: Node<'t>,
        cleanup: Option<Node<'t>>,
    ) -> EffectAnchors {
        let src = self.src;
        let block = field(body_fn, "body").filter(|b| b.kind() == "statement_block");
        let end_of = |b: Node| u32::try_from(b.end_byte().saturating_sub(1)).ok();
        let (cleanup_end, cleanup_expr) = match cleanup.and_then(|c| field(c, "body")) {
            Some(b) if b.kind() == "statement_block" => (end_of(b), None),
            Some(b) => (None, Some(span(b))),
            None => (None, None),
        };
        let indent = block
            .and_then(first_named)
            .map(|s| line_indent(src, s.start_byte()))
            .unwrap_or_else(|| format!("{}  ", line_indent(src, hook.start_byte())));
        EffectAnchors {
            body_end: block.and_then(end_of),
            cleanup_end,
            cleanup_expr,
            indent,
        }
    }

    /// A method of the class (`this.name`), or a function-valued class field.
    fn class_member(&self, class_body: Node<'t>, name: &str) -> Option<Node<'t>> {
        let src = self.src;
        for m in named_kids(class_body) {
            match m.kind() {
                "method_definition"
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some(name) =>
                {
                    return Some(m);
                }
                "public_field_definition" => {
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some(name)
                        && let Some(v) = field(m, "value").map(unwrap_value)
                        && is_fn_kind(v.kind())
                    {
                        return Some(v);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Fields of a class component that hold objects it creates (`emitter = new Emitter()`,
    /// `this.store = new Store(this)` in the constructor): listeners on them go with the
    /// instance.
    fn instance_owned(&self, class_body: Node<'t>, owned: &mut HashSet<String>) {
        let src = self.src;
        for m in named_kids(class_body) {
            match m.kind() {
                "public_field_definition" => {
                    if let (Some(name), Some(v)) = (field(m, "name"), field(m, "value"))
                        && unwrap_value(v).kind() == "new_expression"
                        && let Some(name) = key_name(name, src)
                    {
                        owned.insert(format!("this.{name}"));
                    }
                }
                "method_definition"
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some("constructor") =>
                {
                    traverse(m, |a, entering| {
                        let n = a.node;
                        if entering
                            && n.kind() == "new_expression"
                            && let Some(h) = holder_text(a, src)
                            && h.starts_with("this.")
                        {
                            owned.insert(h);
                        }
                    });
                }
                _ => {}
            }
        }
    }

    /// The same-file function a call enters: `helper()` or, in a class, `this.helper()`.
    fn helper_of(&self, call: Node<'t>, class_body: Option<Node<'t>>) -> Option<Node<'t>> {
        let callee = unwrap_value(field(call, "function")?);
        match callee.kind() {
            "identifier" => self.lookup_fn(text(callee, self.src), callee.start_byte()),
            "member_expression" => {
                let obj = unwrap_value(field(callee, "object")?);
                if obj.kind() != "this" {
                    return None;
                }
                let prop = text(field(callee, "property")?, self.src);
                self.class_member(class_body?, prop)
            }
            _ => None,
        }
    }

    fn build_effect(&self, mut parts: EffectParts<'t>) -> EffectFact {
        let mut visited: HashSet<usize> = HashSet::new();
        let mut calls: Vec<CleanupCall> = Vec::new();
        let mut arrays: Vec<String> = Vec::new();
        self.follow_cleanup(
            parts.cleanup_fns.clone(),
            parts.class_body,
            &mut visited,
            &mut calls,
            &mut arrays,
        );
        // `return () => cleanups.forEach((f) => f())` calls what the effect pushed there.
        if !arrays.is_empty() {
            let stored = self.array_cleanups(&parts.bodies, &arrays);
            parts.disposers.extend(stored.disposers);
            parts.pushed = stored.pushed;
            let mut more = Vec::new();
            self.follow_cleanup(
                stored.fns,
                parts.class_body,
                &mut visited,
                &mut calls,
                &mut more,
            );
        }
        // `return () => controller.abort()` also runs what the effect registered on that
        // controller's signal: `signal.addEventListener("abort", () => observer.disconnect())`.
        let aborted: Vec<String> = calls
            .iter()
            .filter(|c| c.callee == "abort")
            .filter_map(|c| c.receiver.clone())
            .collect();
        if !aborted.is_empty() {
            let listeners = self.abort_listeners(&parts.bodies, &aborted);
            let mut more = Vec::new();
            self.follow_cleanup(
                listeners,
                parts.class_body,
                &mut visited,
                &mut calls,
                &mut more,
            );
        }
        // `subs.forEach((s) => s.unsubscribe())` releases what the effect stored in `subs`.
        self.element_releases(&mut parts, &mut calls);
        calls.sort_by_key(|c| (c.span.start, c.span.end));
        calls.dedup();
        for (name, sp) in &parts.disposers {
            calls.push(CleanupCall {
                callee: name.clone(),
                receiver: None,
                args: Vec::new(),
                span: *sp,
            });
        }
        let cleanup =
            if parts.cleanup_fns.is_empty() && parts.disposers.is_empty() && parts.opaque.is_none()
            {
                None
            } else {
                let sp = parts
                    .cleanup_fns
                    .first()
                    .map(|f| span(*f))
                    .or(parts.disposers.first().map(|d| d.1))
                    .or(parts.opaque)
                    .unwrap_or(parts.span);
                Some(Cleanup { span: sp, calls })
            };
        let acquisitions = self.find_acquisitions(&parts, &visited);
        // `useEffect(() => window.addEventListener(…))` returns what the acquisition returns:
        // no cleanup unless that is a disposer.
        let cleanup = cleanup.filter(|_| {
            let only_opaque = parts.cleanup_fns.is_empty() && parts.disposers.is_empty();
            !only_opaque
                || !acquisitions
                    .iter()
                    .any(|a| Some(a.span) == parts.opaque && !a.returned)
        });
        EffectFact {
            hook: parts.hook,
            span: parts.span,
            component: parts.component,
            acquisitions,
            cleanup,
            anchors: parts.anchors,
        }
    }

    /// The calls made by cleanup functions, following the same-file helpers they call. A
    /// helper's parameters stand for the arguments it was called with (`stopPinging(ping)` →
    /// `clearInterval(id)` is `clearInterval(ping)`). `visited` collects the functions read.
    fn follow_cleanup(
        &self,
        fns: Vec<Node<'t>>,
        class_body: Option<Node<'t>>,
        visited: &mut HashSet<usize>,
        calls: &mut Vec<CleanupCall>,
        arrays: &mut Vec<String>,
    ) {
        let mut work: Vec<(Node<'t>, HashMap<String, String>)> =
            fns.into_iter().map(|f| (f, HashMap::new())).collect();
        while let Some((f, subst)) = work.pop() {
            if visited.len() >= MAX_HELPERS || !visited.insert(f.id()) {
                continue;
            }
            traverse(f, |a, entering| {
                let n = a.node;
                if !entering {
                    return;
                }
                if let Some(arr) = called_elements(n, self.src) {
                    arrays.push(substitute(&self.ctext(arr), &subst));
                }
                if n.kind() != "call_expression" {
                    return;
                }
                if let Some(mut c) = self.cleanup_call(n, class_body) {
                    if !subst.is_empty() {
                        if c.receiver.is_none() {
                            c.callee = substitute(&c.callee, &subst);
                        }
                        c.receiver = c.receiver.map(|r| substitute(&r, &subst));
                        c.args = c.args.iter().map(|x| substitute(x, &subst)).collect();
                    }
                    calls.push(c);
                }
                // `stop()` where the effect assigned `stop = () => client.close()`.
                if let Some(callee) = field(n, "function").map(unwrap_value)
                    && callee.kind() == "identifier"
                    && let Some(index) = self.index.as_ref()
                {
                    for g in index.reassigned(text(callee, self.src), callee.start_byte()) {
                        if !visited.contains(&g.id()) {
                            work.push((g, subst.clone()));
                        }
                    }
                }
                if let Some(h) = self.helper_of(n, class_body)
                    && !visited.contains(&h.id())
                {
                    let mut params = Vec::new();
                    for p in [field(h, "parameters"), field(h, "parameter")]
                        .into_iter()
                        .flatten()
                    {
                        if p.kind() == "identifier" {
                            params.push(Some(text(p, self.src).to_string()));
                            continue;
                        }
                        for k in named_kids(p) {
                            let pat = match k.kind() {
                                "required_parameter" | "optional_parameter" => field(k, "pattern"),
                                _ => Some(k),
                            };
                            params.push(
                                pat.filter(|x| x.kind() == "identifier")
                                    .map(|x| text(x, self.src).to_string()),
                            );
                        }
                    }
                    let args = call_args(n);
                    let mut inner = HashMap::new();
                    for (p, arg) in params.into_iter().zip(args) {
                        if let Some(p) = p {
                            inner.insert(p, substitute(&self.ctext(arg), &subst));
                        }
                    }
                    work.push((h, inner));
                }
            });
        }
    }

    /// The values the effect stores in the arrays or sets `arrays` (canonical texts), with the
    /// array's text: `cleanups.push(x)` (also `unshift`, a set's `add`), `const cleanups = [x]`,
    /// `const timers = items.map((i) => x)` (what the callback returns).
    fn stored_values(&self, bodies: &[Node<'t>], arrays: &[String]) -> Vec<(String, Node<'t>)> {
        let src = self.src;
        let mut values: Vec<(String, Node<'t>)> = Vec::new();
        for body in bodies {
            traverse(*body, |a, entering| {
                let n = a.node;
                if !entering {
                    return;
                }
                match n.kind() {
                    "call_expression" => {
                        let Some(callee) = field(n, "function").map(unwrap_value) else {
                            return;
                        };
                        if callee.kind() != "member_expression"
                            || !matches!(
                                field(callee, "property").map(|p| text(p, src)),
                                Some("push" | "unshift" | "add")
                            )
                        {
                            return;
                        }
                        if let Some(arr) = field(callee, "object").map(|o| self.ctext(o))
                            && arrays.contains(&arr)
                        {
                            values.extend(call_args(n).into_iter().map(|v| (arr.clone(), v)));
                        }
                    }
                    "variable_declarator" => {
                        if let (Some(name), Some(v)) = (field(n, "name"), field(n, "value"))
                            && name.kind() == "identifier"
                            && arrays.iter().any(|x| x == text(name, src))
                            && unwrap_value(v).kind() == "array"
                        {
                            let arr = text(name, src).to_string();
                            values.extend(
                                named_kids(unwrap_value(v))
                                    .into_iter()
                                    .map(|v| (arr.clone(), v)),
                            );
                        }
                        if let (Some(name), Some(v)) = (field(n, "name"), field(n, "value"))
                            && name.kind() == "identifier"
                            && arrays.iter().any(|x| x == text(name, src))
                            && let Some(cb) = map_callback(unwrap_value(v), src)
                        {
                            let arr = text(name, src).to_string();
                            values
                                .extend(returned_values(cb).into_iter().map(|v| (arr.clone(), v)));
                        }
                    }
                    _ => {}
                }
            });
        }
        values
    }

    /// Releases of elements of arrays or sets by the cleanup functions `fns`
    /// (`subs.forEach((s) => s.unsubscribe())`, `timers.forEach(clearTimeout)`): a release
    /// call for each value the effect stores there by name, and the release names of each
    /// call or construction stored there directly.
    fn element_releases(&self, parts: &mut EffectParts<'t>, calls: &mut Vec<CleanupCall>) {
        let src = self.src;
        let mut uses: Vec<(String, Vec<ElementUse>)> = Vec::new();
        for f in &parts.cleanup_fns {
            traverse(*f, |a, entering| {
                if entering && let Some((arr, u)) = element_release(a.node, src) {
                    uses.push((self.ctext(arr), u));
                }
            });
        }
        if uses.is_empty() {
            return;
        }
        let names: Vec<String> = uses.iter().map(|u| u.0.clone()).collect();
        for (arr, v) in self.stored_values(&parts.bodies, &names) {
            let v = unwrap_value(v);
            for (_, us) in uses.iter().filter(|u| u.0 == arr) {
                for u in us {
                    match v.kind() {
                        "identifier" | "member_expression" => {
                            let value = self.ctext(v);
                            let call = match u {
                                ElementUse::Method(m) => CleanupCall {
                                    callee: m.clone(),
                                    receiver: Some(value),
                                    args: Vec::new(),
                                    span: span(v),
                                },
                                ElementUse::PassedTo(g) => {
                                    let (recv, callee) = match g.rsplit_once('.') {
                                        Some((r, c)) => (Some(r.to_string()), c.to_string()),
                                        None => (None, g.clone()),
                                    };
                                    CleanupCall {
                                        callee,
                                        receiver: recv,
                                        args: vec![value],
                                        span: span(v),
                                    }
                                }
                            };
                            calls.push(call);
                        }
                        "call_expression" | "new_expression" => {
                            let name = match u {
                                ElementUse::Method(m) => m.clone(),
                                ElementUse::PassedTo(g) => {
                                    g.rsplit('.').next().unwrap_or(g).to_string()
                                }
                            };
                            parts
                                .released_elements
                                .entry(v.id())
                                .or_default()
                                .push(name);
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// What the effect stores in the arrays of cleanups `arrays` (canonical texts):
    /// `cleanups.push(() => ro.disconnect())`, `cleanups.push(unsubscribe)`,
    /// `cleanups.push(onSnapshot(…))`, `const cleanups = [stop]`.
    fn array_cleanups(&self, bodies: &[Node<'t>], arrays: &[String]) -> StoredCleanups<'t> {
        let src = self.src;
        let mut out = StoredCleanups::default();
        let values = self
            .stored_values(bodies, arrays)
            .into_iter()
            .map(|(_, v)| v);
        for v in values {
            let v = unwrap_value(v);
            match v.kind() {
                k if is_fn_kind(k) => out.fns.push(v),
                "identifier" => match self.lookup_fn(text(v, src), v.start_byte()) {
                    Some(f) => out.fns.push(f),
                    None => out.disposers.push((text(v, src).to_string(), span(v))),
                },
                "member_expression" => out.disposers.push((self.ctext(v), span(v))),
                "call_expression" | "new_expression" => {
                    out.pushed.insert(v.id());
                }
                _ => {}
            }
        }
        out
    }

    /// Functions the effect registers on the signal of one of the `aborted` controllers:
    /// `signal.addEventListener("abort", () => { … })` where `signal` is `controller.signal`
    /// (directly, or bound by `const { signal } = controller`).
    fn abort_listeners(&self, bodies: &[Node<'t>], aborted: &[String]) -> Vec<Node<'t>> {
        let src = self.src;
        let mut out = Vec::new();
        for body in bodies {
            traverse(*body, |a, entering| {
                let n = a.node;
                if !entering || n.kind() != "call_expression" {
                    return;
                }
                let Some(callee) = field(n, "function").map(unwrap_value) else {
                    return;
                };
                if callee.kind() != "member_expression"
                    || field(callee, "property").map(|p| text(p, src)) != Some("addEventListener")
                {
                    return;
                }
                let args = call_args(n);
                if args.first().and_then(|e| string_value(*e, src)) != Some("abort") {
                    return;
                }
                let Some(obj) = field(callee, "object") else {
                    return;
                };
                let sig = self.resolve_signal(self.ctext(obj), bodies);
                if !aborted.iter().any(|c| sig == format!("{c}.signal")) {
                    return;
                }
                let Some(handler) = args.get(1).map(|h| unwrap_value(*h)) else {
                    return;
                };
                if is_fn_kind(handler.kind()) {
                    out.push(handler);
                } else if handler.kind() == "identifier"
                    && let Some(f) = self.lookup_fn(text(handler, src), handler.start_byte())
                {
                    out.push(f);
                }
            });
        }
        out
    }

    /// A call made by a cleanup. A function kept in a ref (`ref.current()`) or, in a class, in
    /// a field that is not a method (`this.unsubscribe()`) is recorded as a call of
    /// `ref.current` / `this.unsubscribe`, so that a disposer bound there is seen called.
    ///
    /// A function written inline as an argument is a new function object, equal to nothing the
    /// effect registered (`removeEventListener("x", () => f())` removes nothing): its text is
    /// replaced by `<function literal at S..E>` (its byte span), so it matches no acquisition.
    fn cleanup_call(&self, n: Node, class_body: Option<Node<'t>>) -> Option<CleanupCall> {
        let src = self.src;
        let callee = unwrap_value(field(n, "function")?);
        let args: Vec<String> = call_args(n)
            .into_iter()
            .map(|a| {
                let u = unwrap_value(a);
                if is_fn_kind(u.kind()) {
                    format!("<function literal at {}..{}>", u.start_byte(), u.end_byte())
                } else {
                    self.ctext(a)
                }
            })
            .collect();
        let (name, receiver) = match callee.kind() {
            "identifier" => (text(callee, src).to_string(), None),
            "member_expression" => {
                let prop = text(field(callee, "property")?, src);
                let obj = field(callee, "object")?;
                let stored = unwrap_value(obj).kind() == "this"
                    && class_body.is_some_and(|b| self.class_member(b, prop).is_none());
                if prop == "current" || stored {
                    (self.ctext(callee), None)
                } else {
                    (prop.to_string(), Some(self.ctext(obj)))
                }
            }
            _ => return None,
        };
        Some(CleanupCall {
            callee: name,
            receiver,
            args,
            span: span(n),
        })
    }

    fn find_acquisitions(
        &self,
        parts: &EffectParts<'t>,
        skip: &HashSet<usize>,
    ) -> Vec<Acquisition> {
        let src = self.src;
        let mut found: Vec<(Node<'t>, Acquisition)> = Vec::new();
        // What the effect creates or acquires (`const ws = new WebSocket(…)`,
        // `socketRef.current = io(…)`, `const channel = pusher.subscribe(…)`): listeners on it
        // go away with it.
        let mut owned: HashSet<String> = HashSet::new();
        if let Some(body) = parts.class_body {
            self.instance_owned(body, &mut owned);
        }
        let mut bodies: Vec<Node<'t>> = parts.bodies.clone();
        let mut seen: HashSet<usize> = HashSet::new();
        let mut i = 0;
        while i < bodies.len() && i < MAX_HELPERS {
            let body = bodies[i];
            i += 1;
            if !seen.insert(body.id()) {
                continue;
            }
            let mut more: Vec<Node<'t>> = Vec::new();
            let mut skipping: Option<usize> = None;
            traverse(body, |a, entering| {
                let n = a.node;
                if let Some(s) = skipping {
                    if !entering && n.id() == s {
                        skipping = None;
                    }
                    return;
                }
                if !entering {
                    return;
                }
                if n.id() != body.id() && skip.contains(&n.id()) {
                    skipping = Some(n.id());
                    return;
                }
                // Functions handed out in an object (`{ onChange: (cb) => emitter.on(cb) }`,
                // an API the component builds) run when someone else calls them.
                if n.id() != body.id()
                    && (n.kind() == "method_definition"
                        || (is_fn_kind(n.kind()) && a.parent().is_some_and(|p| p.kind() == "pair")))
                {
                    skipping = Some(n.id());
                    return;
                }
                if !matches!(n.kind(), "call_expression" | "new_expression") {
                    return;
                }
                if n.kind() == "new_expression"
                    && let Some(h) = holder_text(a, src)
                {
                    owned.insert(h);
                }
                if let Some(acq) = self.acquisition(a, parts) {
                    if let Some(b) = &acq.binding {
                        owned.insert(b.clone());
                    }
                    found.push((n, acq));
                }
                // A class component's `componentDidMount` often acquires in helpers.
                if parts.class_body.is_some()
                    && n.kind() == "call_expression"
                    && let Some(h) = self.helper_of(n, parts.class_body)
                    && !skip.contains(&h.id())
                {
                    more.push(h);
                }
            });
            bodies.extend(more);
        }
        let mut inner: HashSet<usize> = HashSet::new();
        for (n, _) in &found {
            chain_inner(*n, &mut inner);
        }
        // A listener (or a receiver-matched acquisition such as `connectUser`) on something the
        // effect creates itself lives and dies with that object: the object is what must be
        // released (and is an acquisition of its own when it holds a connection).
        let on_owned = |a: &Acquisition| {
            let by_receiver = self
                .catalog
                .effect(&a.pair)
                .is_some_and(|p| matches!(p.matching, Matching::Listener | Matching::Receiver));
            let owned_text = |r: &str| {
                owned.contains(r)
                    || r.char_indices().any(|(i, c)| {
                        c == '.' && r.get(..i).is_some_and(|head| owned.contains(head))
                    })
            };
            // `signal.addEventListener("abort", …)` with `const { signal } = controller` on a
            // controller the effect creates: the signal is the controller's.
            by_receiver
                && a.receiver.as_ref().is_some_and(|r| {
                    owned_text(r) || owned_text(&self.resolve_signal(r.clone(), &parts.bodies))
                })
        };
        let mut out: Vec<Acquisition> = found
            .into_iter()
            .filter(|(n, a)| !inner.contains(&n.id()) && !on_owned(a))
            .map(|(_, a)| a)
            .collect();
        out.sort_by_key(|a| a.span.start);
        out.dedup_by_key(|a| a.span);
        out
    }

    /// A catalogue client built here (kinds sdk / client / connection, not a singleton API).
    fn client_acquisition(&self, n: Node) -> Option<String> {
        let (callee, is_new) = match n.kind() {
            "new_expression" => (field(n, "constructor")?, true),
            _ => (field(n, "function")?, false),
        };
        let (module, path, _) = self.resolve(callee)?;
        let m = self.catalog.match_js(&module, &path, is_new)?;
        let kind_ok = matches!(
            m.client.kind,
            ClientKind::Sdk | ClientKind::Client | ClientKind::Connection
        );
        if m.singleton || !kind_ok || (!is_new && !first_arg_ok(m.ctor, n, self.src)) {
            return None;
        }
        Some(m.client.id.clone())
    }

    /// The catalogue effect pair a call or construction acquires, with its receiver. Pairs
    /// limited to some modules (React Native's `addEventListener`, pusher-js `subscribe`) are
    /// tried first, so the more specific pair wins.
    fn effect_pair(
        &self,
        n: Node<'t>,
        bodies: &[Node<'t>],
    ) -> Option<(&'a EffectPairDef, Option<Node<'t>>)> {
        let src = self.src;
        let catalog: &'a LangCatalog = self.catalog;
        let modules_ok = |p: &EffectPairDef| p.modules.is_empty() || self.imports_any(&p.modules);
        let ordered = catalog
            .effects
            .iter()
            .filter(|p| !p.modules.is_empty())
            .chain(catalog.effects.iter().filter(|p| p.modules.is_empty()));
        match n.kind() {
            "new_expression" => {
                let ctor = dotted_path(field(n, "constructor")?, src)?;
                let found = ordered
                    .into_iter()
                    .find(|p| p.new.contains(&ctor) && modules_ok(p));
                found.map(|p| (p, None))
            }
            "call_expression" => {
                let callee = unwrap_value(field(n, "function")?);
                match callee.kind() {
                    "member_expression" => {
                        let prop = text(field(callee, "property")?, src);
                        let obj = field(callee, "object")?;
                        let path = dotted_path(callee, src);
                        let recv = self.ctext(obj).to_ascii_lowercase();
                        let recv_ok = |needle: &str| {
                            let needle = needle.to_ascii_lowercase();
                            recv.contains(&needle)
                                || self
                                    .bound_value(obj, bodies)
                                    .is_some_and(|v| v.to_ascii_lowercase().contains(&needle))
                        };
                        let found = ordered.into_iter().find(|p| {
                            let by_method = p.methods.iter().any(|m| m == prop)
                                && p.receiver_contains.as_deref().is_none_or(recv_ok);
                            let by_call = path
                                .as_ref()
                                .is_some_and(|pp| p.calls.iter().any(|c| c == pp));
                            (by_method || by_call) && modules_ok(p)
                        });
                        found.map(|p| (p, Some(obj)))
                    }
                    "identifier" => {
                        let local = text(callee, src);
                        // Imported: the export's name (`import { onSnapshot as listen }`).
                        // Declared in the file (a prop, a local helper): not the global.
                        let name = match self.pre.imports.get(local) {
                            Some(imp) => match imp.path.rsplit('.').next() {
                                Some("default" | "*") | None => local,
                                Some(export) => export,
                            },
                            None if self.declared(local) => return None,
                            None => local,
                        };
                        let found = ordered
                            .into_iter()
                            .find(|p| p.calls.iter().any(|c| c == name) && modules_ok(p));
                        found.map(|p| (p, None))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn acquisition(&self, a: At<'_, 't>, parts: &EffectParts<'t>) -> Option<Acquisition> {
        let src = self.src;
        let n = a.node;
        // `this.subscribe()` in a class that defines `subscribe`: the helper's body is what
        // acquires (it is followed), not the call.
        if n.kind() == "call_expression"
            && parts.class_body.is_some()
            && self.helper_of(n, parts.class_body).is_some()
        {
            return None;
        }
        let (pair, receiver, disposer, by_binding) = if let Some(id) = self.client_acquisition(n) {
            (format!("client:{id}"), None, false, false)
        } else {
            let (p, recv) = self.effect_pair(n, &parts.bodies)?;
            // `streamChatManager.connectUser(…)` on the project's own wrapper (imported from a
            // project module) shares only the method's name with the SDK: the wrapper manages
            // the connection's lifecycle itself.
            let by_method = field(n, "function")
                .map(unwrap_value)
                .and_then(|c| field(c, "property"))
                .is_some_and(|m| p.methods.iter().any(|x| x == text(m, src)));
            if by_method && recv.is_some_and(|r| self.is_project_wrapper(r)) {
                return None;
            }
            (
                p.id.clone(),
                recv,
                p.disposer,
                p.matching == Matching::Binding,
            )
        };
        if is_promise_wait(a, src) {
            return None;
        }
        let mut binding = holder_text(a, src);
        // `channel.subscribe()` on a bound channel (Supabase: `subscribe` returns the channel
        // itself, released with `removeChannel(channel)`): the receiver stands for the result.
        if binding.is_none()
            && disposer
            && by_binding
            && let Some(r) = receiver
                .map(unwrap_value)
                .filter(|r| r.kind() == "identifier")
        {
            binding = Some(text(r, src).to_string());
        }
        // Returned as the cleanup: only a disposer is one (`return onSnapshot(…)`); an
        // interval id or a socket returned from an effect is not a function React can call.
        // Stored in an array whose elements the cleanup releases one by one
        // (`subs.forEach((s) => s.unsubscribe())`).
        let releases: &[String] = match pair.strip_prefix("client:") {
            Some(id) => self
                .catalog
                .by_id(id)
                .map(|d| &d.release[..])
                .unwrap_or(&[]),
            None => self
                .catalog
                .effect(&pair)
                .map(|p| &p.release[..])
                .unwrap_or(&[]),
        };
        let element_released = parts.released_elements.get(&n.id()).is_some_and(|ms| {
            ms.iter().any(|m| {
                releases
                    .iter()
                    .any(|r| r.rsplit('.').next() == Some(m.as_str()))
            })
        });
        let returned = element_released
            || disposer
                && (parts.pushed.contains(&n.id())
                    || parts.returns.iter().any(|r| {
                        r.id() == n.id()
                            || (r.kind() == "identifier"
                                && binding.as_deref() == Some(text(*r, src)))
                    }));
        // A function written inline is a new object, equal to nothing a cleanup can name: it is
        // recorded as `<function literal at START..END>` (its byte span), like the cleanup's
        // inline functions (see [`Walker::cleanup_call`]), so that a fix can bind it to a name.
        // In TypeScript, a parameter without a type annotation takes its type from the call
        // (`(event) => …` is a `MessageEvent` handler): `, typed by its call` is appended,
        // since the function moved to a `const` of its own would lose that type.
        let ts = matches!(self.pre.file.lang, Lang::Ts | Lang::Tsx);
        let args: Vec<String> = call_args(n)
            .into_iter()
            .map(|x| {
                let u = unwrap_value(x);
                if is_fn_kind(u.kind()) {
                    let typed_by_call = if ts && has_untyped_params(u) {
                        ", typed by its call"
                    } else {
                        ""
                    };
                    format!(
                        "<function literal at {}..{}{typed_by_call}>",
                        u.start_byte(),
                        u.end_byte()
                    )
                } else {
                    self.ctext(x)
                }
            })
            .collect();
        // Listener releases repeat the event and the handler; the others name only the binding
        // or the receiver.
        let listener = self
            .catalog
            .effect(&pair)
            .is_some_and(|p| p.matching == Matching::Listener);
        let statement = self.effect_statement(a, parts, receiver, binding.as_deref(), listener);
        let binding_root = binding
            .as_deref()
            .map(|b| b.split(['.', '[']).next().unwrap_or(b).to_string());
        Some(Acquisition {
            pair,
            call: self.short_call(n),
            span: span(n),
            binding,
            receiver: receiver.map(|r| self.ctext(r)),
            args,
            signal: self.signal_of(n, &parts.bodies),
            returned,
            statement,
            in_callback: self.in_callback(a),
            aliases: self.acquisition_aliases(receiver, binding_root.as_deref(), parts),
            receiver_signal: (n.kind() == "call_expression")
                .then(|| self.receiver_signal(n, &parts.bodies))
                .flatten(),
            nested: nested_anchors(a, parts, src),
        })
    }

    /// Whether the acquisition `a` (found by a walk from an effect body, `a.anc[0]`) runs in a
    /// function that other code calls later rather than in the effect's own run (see
    /// [`Acquisition::in_callback`]).
    fn in_callback(&self, a: At<'_, 't>) -> bool {
        let Some(root) = a.anc.first().copied() else {
            return false;
        };
        if self.deferred_at(a, root, 0) {
            return true;
        }
        // `const schedule = (fn) => setTimeout(fn, 50); idleRef.current = schedule(run)`: the
        // nearest function returns the acquisition to callers that keep it.
        let mut cur = a;
        while let Some(p) = cur.up() {
            let k = p.node.kind();
            if is_fn_kind(k) {
                return p.node.id() != root.id() && self.returned_to_holders(p, root);
            }
            let through = matches!(
                k,
                "parenthesized_expression"
                    | "as_expression"
                    | "satisfies_expression"
                    | "non_null_expression"
                    | "return_statement"
            );
            if !through {
                return false;
            }
            if k == "return_statement" {
                // `return setTimeout(…)` directly in the function's body block.
                let block = p.up().filter(|b| b.node.kind() == "statement_block");
                match block.and_then(|b| b.up()) {
                    Some(f) if is_fn_kind(f.node.kind()) && f.node.id() != root.id() => {
                        return self.returned_to_holders(f, root);
                    }
                    _ => return false,
                }
            }
            cur = p;
        }
        false
    }

    /// Some function between `a` and `root` runs on events (see [`Walker::fn_deferred`]).
    fn deferred_at(&self, a: At<'_, 't>, root: Node<'t>, depth: u8) -> bool {
        if depth > 3 {
            return false;
        }
        (1..a.anc.len()).rev().any(|i| {
            let f = At {
                node: a.anc[i],
                anc: &a.anc[..i],
            };
            is_fn_kind(f.node.kind())
                && f.node.id() != root.id()
                && self.fn_deferred(f, root, depth)
        })
    }

    /// A function written in an effect body runs later, on events: it is given to a call that
    /// keeps it (`addEventListener`, `on`, `subscribe`, `new ResizeObserver(…)`; not
    /// `then`, `forEach`, `setTimeout`, an IIFE), assigned to an event property
    /// (`ws.onmessage = …`), or bound to a name that only such calls and functions use.
    fn fn_deferred(&self, f: At<'_, 't>, root: Node<'t>, depth: u8) -> bool {
        let src = self.src;
        if is_iife(f, src) {
            return false;
        }
        if let Some((call, _)) = arg_position(f) {
            return !runs_once(call.node, src);
        }
        let Some((name, decl)) = bound_fn_name(f, src) else {
            return false;
        };
        if name.starts_with("on")
            && decl.kind() == "assignment_expression"
            && field(decl, "left").is_some_and(|l| l.kind() == "member_expression")
        {
            return true;
        }
        every_reference(root, src, &name, &[f.node, decl], |r| {
            let handed = arg_position(r).is_some_and(|(call, _)| !runs_once(call.node, src));
            handed || self.deferred_at(r, root, depth + 1)
        })
    }

    /// Every use of the function `f` (bound to a name) calls it and keeps the result:
    /// `idleRef.current = schedule(run)`.
    fn returned_to_holders(&self, f: At<'_, 't>, root: Node<'t>) -> bool {
        let src = self.src;
        let Some((name, decl)) = bound_fn_name(f, src) else {
            return false;
        };
        every_reference(root, src, &name, &[decl], |r| {
            r.up().is_some_and(|c| {
                c.node.kind() == "call_expression"
                    && is_field(c.node, "function", r.node)
                    && holder_text(c, src).is_some()
            })
        })
    }

    /// The statement of the effect callback's own body that holds an acquisition (the call's
    /// own statement, or the `if`, loop or async IIFE around it), when every name a release
    /// would use (the binding's, the receiver's and, `with_args`, the event's and the
    /// handler's roots) is in scope in the cleanup a fix would extend (the first one the effect
    /// returns, or one added at the end of the body). `None` when one of them is declared in a
    /// nested function or block that the cleanup is not in (`const place = …` inside an async
    /// IIFE), or when the acquisition is in a helper or an expression-bodied effect.
    fn effect_statement(
        &self,
        a: At<'_, 't>,
        parts: &EffectParts<'t>,
        receiver: Option<Node<'t>>,
        binding: Option<&str>,
        with_args: bool,
    ) -> Option<Span> {
        let src = self.src;
        let block = parts
            .bodies
            .first()
            .and_then(|cb| field(*cb, "body"))
            .filter(|b| b.kind() == "statement_block")?;
        // Names declared between the effect body and the acquisition, in scopes that do not
        // also hold the cleanup a fix would extend (`if (el) { let t; …; return () => … }`).
        let cleanup_at = parts.cleanup_fns.first().map(|f| f.start_byte());
        let mut nested: Vec<String> = Vec::new();
        let mut top = None;
        let mut cur = a;
        while let Some(p) = cur.up() {
            if p.node.id() == block.id() {
                top = Some(cur.node);
                break;
            }
            if cleanup_at.is_some_and(|c| p.node.byte_range().contains(&c)) {
                cur = p;
                continue;
            }
            let k = p.node.kind();
            if is_fn_kind(k) {
                for ps in [field(p.node, "parameters"), field(p.node, "parameter")]
                    .into_iter()
                    .flatten()
                {
                    pattern_names(ps, src, &mut nested);
                }
                if let Some(name) = field(p.node, "name") {
                    nested.push(text(name, src).to_string());
                }
            } else if matches!(
                k,
                "statement_block" | "program" | "switch_body" | "switch_case"
            ) {
                for st in named_kids(p.node) {
                    declared_names(st, src, &mut nested);
                }
            } else if matches!(k, "for_statement" | "for_in_statement") {
                for f in ["initializer", "left"] {
                    if let Some(x) = field(p.node, f) {
                        declared_names(x, src, &mut nested);
                        if f == "left"
                            && ["const", "let", "var"]
                                .iter()
                                .any(|t| token(p.node, t).is_some())
                        {
                            pattern_names(x, src, &mut nested);
                        }
                    }
                }
            } else if k == "catch_clause"
                && let Some(x) = field(p.node, "parameter")
            {
                pattern_names(x, src, &mut nested);
            }
            cur = p;
        }
        let top = top?;
        if !nested.is_empty() {
            let mut roots: Vec<String> = Vec::new();
            if let Some(b) = binding {
                roots.push(b.split(['.', '[']).next().unwrap_or(b).to_string());
            }
            let args = if with_args {
                call_args(a.node)
            } else {
                Vec::new()
            };
            for x in receiver.into_iter().chain(args.into_iter().take(2)) {
                let x = unwrap_value(x);
                if is_fn_kind(x.kind()) {
                    continue;
                }
                match root_of(x, src) {
                    Some((r, _)) => roots.push(r.to_string()),
                    // A value the release would repeat but connlint cannot follow.
                    None if !matches!(x.kind(), "string" | "number" | "true" | "false") => {
                        return None;
                    }
                    None => {}
                }
            }
            if roots.iter().any(|r| nested.contains(r)) {
                return None;
            }
        }
        Some(span(top))
    }

    /// The canonical text of the value a local of the effect is bound to
    /// (`const c = client.call("default", id)` → `client.call("default",id)`).
    fn bound_value(&self, name: Node, bodies: &[Node<'t>]) -> Option<String> {
        let name = unwrap_value(name);
        if name.kind() != "identifier" {
            return None;
        }
        let want = text(name, self.src);
        let mut found = None;
        for body in bodies {
            traverse(*body, |a, entering| {
                let d = a.node;
                if !entering || found.is_some() || d.kind() != "variable_declarator" {
                    return;
                }
                if field(d, "name").is_some_and(|x| text(x, self.src) == want)
                    && let Some(v) = field(d, "value")
                {
                    found = Some(self.ctext(v));
                }
            });
        }
        found
    }

    /// The aliases (see [`Walker::aliases_of`]) of the roots of an acquisition's receiver and
    /// binding, as `(root, alias)` pairs.
    fn acquisition_aliases(
        &self,
        receiver: Option<Node<'t>>,
        binding_root: Option<&str>,
        parts: &EffectParts<'t>,
    ) -> Vec<(String, String)> {
        let mut roots: Vec<&str> = Vec::new();
        if let Some((r, _)) = receiver.and_then(|r| root_of(r, self.src))
            && r != "this"
        {
            roots.push(r);
        }
        roots.extend(binding_root);
        roots.dedup();
        roots
            .into_iter()
            .flat_map(|r| {
                self.aliases_of(r, parts)
                    .into_iter()
                    .map(move |al| (r.to_string(), al))
            })
            .collect()
    }

    /// Other names the effect stores the value of its local `name` under, where its cleanup
    /// may release it: `joined = lobby`, `const current = socket`, `ref.current = ws`, and
    /// the state `spring` for `setSpring(newSpring)` when `spring` is one of the effect's
    /// dependencies (the run that the change starts returns the cleanup that sees it; with
    /// other dependencies the cleanup sees the state of an older render).
    fn aliases_of(&self, name: &str, parts: &EffectParts<'t>) -> Vec<String> {
        let src = self.src;
        let is_name = |x: Node| {
            let x = unwrap_value(x);
            x.kind() == "identifier" && text(x, src) == name
        };
        let mut out: Vec<String> = Vec::new();
        let mut setters: Vec<String> = Vec::new();
        for body in &parts.bodies {
            traverse(*body, |a, entering| {
                let n = a.node;
                if !entering {
                    return;
                }
                match n.kind() {
                    "assignment_expression" => {
                        if field(n, "right").is_some_and(is_name)
                            && let Some(left) = field(n, "left").map(unwrap_value)
                            && matches!(left.kind(), "identifier" | "member_expression")
                        {
                            out.push(self.ctext(left));
                        }
                    }
                    "variable_declarator" => {
                        if field(n, "value").is_some_and(is_name)
                            && let Some(left) =
                                field(n, "name").filter(|l| l.kind() == "identifier")
                        {
                            out.push(text(left, src).to_string());
                        }
                    }
                    "call_expression" => {
                        if let Some(f) = field(n, "function").map(unwrap_value)
                            && f.kind() == "identifier"
                            && text(f, src).starts_with("set")
                            && call_args(n).len() == 1
                            && call_args(n).first().is_some_and(|x| is_name(*x))
                        {
                            setters.push(text(f, src).to_string());
                        }
                    }
                    _ => {}
                }
            });
        }
        if !setters.is_empty()
            && let Some(root) = self.root
        {
            // `const [spring, setSpring] = useState(…)`
            traverse(root, |a, entering| {
                let d = a.node;
                if !entering || d.kind() != "variable_declarator" {
                    return;
                }
                let (Some(pat), Some(v)) = (field(d, "name"), field(d, "value").map(unwrap_value))
                else {
                    return;
                };
                let is_state = v.kind() == "call_expression"
                    && field(v, "function")
                        .and_then(|f| dotted_path(f, src))
                        .is_some_and(|p| p == "useState" || p.ends_with(".useState"));
                let names = named_kids(pat);
                if pat.kind() != "array_pattern" || !is_state || names.len() != 2 {
                    return;
                }
                let (state, setter) = (text(names[0], src), text(names[1], src));
                if setters.iter().any(|s| s == setter) && parts.deps.iter().any(|d| d == state) {
                    out.push(state.to_string());
                }
            });
        }
        out.retain(|x| x != name);
        out.sort();
        out.dedup();
        out
    }

    /// The value a local of the effect (`name`) is declared with.
    fn declared_value(&self, name: &str, bodies: &[Node<'t>]) -> Option<Node<'t>> {
        let mut found = None;
        for body in bodies {
            traverse(*body, |a, entering| {
                let d = a.node;
                if !entering || found.is_some() || d.kind() != "variable_declarator" {
                    return;
                }
                if field(d, "name").is_some_and(|x| text(x, self.src) == name) {
                    found = field(d, "value").map(unwrap_value);
                }
            });
        }
        found
    }

    /// The abort signal given when the receiver of the call `n` was built:
    /// `const sub = new SSEStreamSubscription(url, { signal: abort.signal })` (the options
    /// also through a local: `const opts = { signal }`, `const opts = (id) => ({ signal, … })`)
    /// for `sub.subscribe()`.
    fn receiver_signal(&self, n: Node<'t>, bodies: &[Node<'t>]) -> Option<String> {
        let src = self.src;
        let callee = unwrap_value(field(n, "function")?);
        let obj = unwrap_value(field(callee, "object")?);
        if obj.kind() != "identifier" {
            return None;
        }
        let built = self.declared_value(text(obj, src), bodies)?;
        if !matches!(built.kind(), "new_expression" | "call_expression") {
            return None;
        }
        let mut work: Vec<(Node<'t>, u8)> = call_args(built).into_iter().map(|a| (a, 0)).collect();
        while let Some((x, depth)) = work.pop() {
            let x = unwrap_value(x);
            if depth > 3 {
                continue;
            }
            match x.kind() {
                "object" => {
                    for k in named_kids(x) {
                        match k.kind() {
                            "pair"
                                if field(k, "key").and_then(|x| key_name(x, src))
                                    == Some("signal") =>
                            {
                                let sig = field(k, "value").map(|v| self.ctext(v))?;
                                return Some(self.resolve_signal(sig, bodies));
                            }
                            "shorthand_property_identifier" if text(k, src) == "signal" => {
                                return Some(self.resolve_signal("signal".to_string(), bodies));
                            }
                            _ => {}
                        }
                    }
                }
                "identifier" => {
                    if let Some(v) = self.declared_value(text(x, src), bodies) {
                        work.push((v, depth + 1));
                    }
                }
                "call_expression" => {
                    let f = field(x, "function").map(unwrap_value);
                    if let Some(f) = f.filter(|f| f.kind() == "identifier")
                        && let Some(v) = self.declared_value(text(f, src), bodies)
                        && v.kind() == "arrow_function"
                        && let Some(b) = field(v, "body")
                    {
                        work.push((b, depth + 1));
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The `signal` option of a call (`{ signal: controller.signal }`, `{ signal }`), resolved
    /// through `const signal = controller.signal` / `const { signal } = controller`.
    fn signal_of(&self, n: Node, bodies: &[Node<'t>]) -> Option<String> {
        let src = self.src;
        let mut sig = None;
        for a in call_args(n).into_iter().map(unwrap_value) {
            if a.kind() != "object" {
                continue;
            }
            for k in named_kids(a) {
                match k.kind() {
                    "pair" if field(k, "key").and_then(|x| key_name(x, src)) == Some("signal") => {
                        sig = field(k, "value").map(|v| self.ctext(v));
                    }
                    "shorthand_property_identifier" if text(k, src) == "signal" => {
                        sig = Some("signal".to_string());
                    }
                    _ => {}
                }
            }
        }
        Some(self.resolve_signal(sig?, bodies))
    }

    /// A signal's canonical text resolved through the effect's locals: `signal` bound by
    /// `const signal = controller.signal` or `const { signal } = controller` is
    /// `controller.signal`; anything else is returned as it is.
    fn resolve_signal(&self, sig: String, bodies: &[Node<'t>]) -> String {
        let src = self.src;
        if sig.contains('.')
            || !sig
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            return sig;
        }
        let mut resolved = None;
        for body in bodies {
            traverse(*body, |a, entering| {
                let d = a.node;
                if !entering || resolved.is_some() || d.kind() != "variable_declarator" {
                    return;
                }
                let (Some(name), Some(value)) = (field(d, "name"), field(d, "value")) else {
                    return;
                };
                let v = unwrap_value(value);
                if dotted_path(v, src).is_none() {
                    return;
                }
                match name.kind() {
                    "identifier" if text(name, src) == sig => resolved = Some(self.ctext(v)),
                    "object_pattern" => {
                        let binds = named_kids(name).into_iter().any(|p| match p.kind() {
                            "shorthand_property_identifier_pattern" => {
                                text(p, src) == sig && sig == "signal"
                            }
                            "pair_pattern" => {
                                field(p, "key").and_then(|x| key_name(x, src)) == Some("signal")
                                    && field(p, "value").is_some_and(|x| text(x, src) == sig)
                            }
                            _ => false,
                        });
                        if binds {
                            resolved = Some(format!("{}.signal", self.ctext(v)));
                        }
                    }
                    _ => {}
                }
            });
        }
        resolved.unwrap_or(sig)
    }

    /// The acquiring call, short: `window.addEventListener("resize", onResize)`,
    /// `supabase.channel("room").on(…).subscribe()`.
    fn short_call(&self, n: Node) -> String {
        match n.kind() {
            "new_expression" => {
                let ctor = field(n, "constructor")
                    .map(|c| self.short_expr(c, 0))
                    .unwrap_or_default();
                format!("new {ctor}({})", self.short_args(n))
            }
            _ => {
                let callee = field(n, "function")
                    .map(|c| self.short_expr(c, 0))
                    .unwrap_or_default();
                format!("{callee}({})", self.short_args(n))
            }
        }
    }

    fn short_expr(&self, n: Node, depth: u8) -> String {
        let n = unwrap_value(n);
        if depth < 12 {
            match n.kind() {
                "member_expression" => {
                    if let (Some(o), Some(p)) = (field(n, "object"), field(n, "property")) {
                        return format!("{}.{}", self.short_expr(o, depth + 1), text(p, self.src));
                    }
                }
                "call_expression" => {
                    if let Some(f) = field(n, "function") {
                        return format!(
                            "{}({})",
                            self.short_expr(f, depth + 1),
                            self.short_args(n)
                        );
                    }
                }
                _ => {}
            }
        }
        let t = display_text(text(n, self.src));
        if t.chars().count() > 40 {
            "…".to_string()
        } else {
            t
        }
    }

    fn short_args(&self, call: Node) -> String {
        let args: Vec<String> = call_args(call)
            .into_iter()
            .map(|a| {
                let a = unwrap_value(a);
                let t = display_text(text(a, self.src));
                if is_fn_kind(a.kind()) || t.chars().count() > 32 {
                    "…".to_string()
                } else {
                    t
                }
            })
            .collect();
        args.join(", ")
    }

    // -------------------------------------------------------------------- sessions

    /// A checkout: `pool.connect()` / `pool.getConnection()` on an instance of the entry named
    /// by a catalogue constructor's `on`. The receiver is an instance when it holds a
    /// construction of that entry in this file (`const pool = new Pool()`, `this.pool = …`).
    /// Otherwise (a pool imported from the project, a parameter, `db.pool`) a name heuristic
    /// applies: the receiver's last name contains `pool` (any case) and the file imports, or
    /// the project depends on, the entry's library (`pg` for `pg-pool`). Callback-style calls
    /// (`pool.connect((err, client, done) => …)`) and `.then(…)` chains are left alone: the
    /// connection lives in a callback.
    fn checkout(&mut self, at: At<'_, 't>, callee: Node<'t>, method: &str) {
        let src = self.src;
        let catalog: &'a LangCatalog = self.catalog;
        let cands: Vec<(&'a ClientDef, &'a CtorDef)> = catalog
            .clients
            .iter()
            .flat_map(|c| {
                c.constructors
                    .iter()
                    .filter(|k| k.on.is_some() && k.call.as_deref() == Some(method))
                    .map(move |k| (c, k))
            })
            .collect();
        if cands.is_empty() {
            return;
        }
        let n = at.node;
        if call_args(n)
            .iter()
            .any(|a| is_fn_kind(unwrap_value(*a).kind()))
        {
            return;
        }
        if at.parent().is_some_and(|p| p.kind() == "member_expression") {
            return;
        }
        let Some(path) = field(callee, "object").and_then(|o| dotted_path(o, src)) else {
            return;
        };
        let chosen = match self.instances.get(&canon(&path)) {
            Some(id) => cands
                .iter()
                .find(|(_, k)| k.on.as_deref() == Some(id.as_str())),
            None => {
                let last = path.rsplit('.').next().unwrap_or(&path);
                if !last.to_ascii_lowercase().contains("pool") {
                    return;
                }
                cands.iter().find(|(_, k)| {
                    k.on.as_deref()
                        .and_then(|on| catalog.by_id(on))
                        .is_some_and(|d| self.uses_library(d))
                })
            }
        };
        let Some((def, _)) = chosen.copied() else {
            return;
        };
        let vc = self.value_context(at);
        let ctor = format!("{}.{method}()", display_callee(&path));
        self.add_session(at, def, ctor, &vc);
    }

    /// A single connection (catalogue kind `connection`, or a client marked `must_close`)
    /// opened in a function. One built with `new` holds no connection until it is
    /// `connect()`ed (pg's `new Client()`), so it counts only when the same function (or the
    /// chain) connects it; a call (`mysql.createConnection()`) connects at once.
    fn connection_session(
        &mut self,
        at: At<'_, 't>,
        def: &ClientDef,
        is_new: bool,
        ctor_text: &str,
        vc: &ValueContext,
    ) {
        let src = self.src;
        let connected = !is_new
            || vc.member.as_deref() == Some("connect")
            || vc.binding.as_deref().is_some_and(|b| {
                let host = at
                    .anc
                    .iter()
                    .rev()
                    .find(|n| is_fn_kind(n.kind()))
                    .copied()
                    .or(self.root);
                let mut found = false;
                if let Some(host) = host {
                    traverse(host, |a, entering| {
                        let n = a.node;
                        if !entering || found || n.kind() != "call_expression" {
                            return;
                        }
                        if let Some(c) = field(n, "function").map(unwrap_value)
                            && c.kind() == "member_expression"
                            && field(c, "property").is_some_and(|p| text(p, src) == "connect")
                            && field(c, "object").is_some_and(|o| self.ctext(o) == b)
                        {
                            found = true;
                        }
                    });
                }
                found
            });
        if !connected {
            return;
        }
        let ctor = if is_new {
            format!("new {ctor_text}()")
        } else {
            format!("{ctor_text}()")
        };
        self.add_session(at, def, ctor, vc);
    }

    fn add_session(&mut self, at: At<'_, 't>, def: &ClientDef, ctor: String, vc: &ValueContext) {
        let src = self.src;
        let host = at
            .anc
            .iter()
            .rev()
            .find(|n| is_fn_kind(n.kind()))
            .copied()
            .or(self.root);
        let stored = matches!(
            vc.guard,
            Guard::Owner | Guard::ModuleCache | Guard::GlobalCache
        );
        let closing = if vc.using {
            Closing::Always
        } else if vc.returned != Returned::No || stored {
            Closing::HandedOver
        } else {
            match host {
                Some(h) => self.closing(at.node, vc.binding.as_deref(), &def.release, h),
                None => Closing::Never,
            }
        };
        let stmt = statement_at(at);
        let rest_of_block = stmt.and_then(|s| {
            let parent = s.parent()?;
            if !matches!(parent.kind(), "statement_block" | "program" | "switch_case") {
                return None;
            }
            let after: Vec<Node> = named_kids(parent)
                .into_iter()
                .filter(|k| k.start_byte() >= s.node.end_byte())
                .collect();
            let (first, last) = (after.first()?, after.last()?);
            Some(Span::new(first.start_byte(), last.end_byte()))
        });
        let anchors = SessionAnchors {
            statement: stmt.map(|s| span(s.node)),
            rest_of_block,
            indent: stmt
                .map(|s| line_indent(src, s.node.start_byte()))
                .unwrap_or_default(),
        };
        let ctx = self.ctx();
        let site = SessionSite {
            client: def.id.clone(),
            kind: def.kind,
            ctor,
            span: span(at.node),
            binding: vc.binding.clone(),
            closing,
            release: def.release.first().cloned(),
            scope: ctx.scope.clone(),
            in_fn: ctx.fn_idx,
            in_generator: false,
            anchors,
        };
        self.facts.sessions.push(site);
    }

    /// How the value bound to `binding` is closed in `host` (the enclosing function).
    fn closing(
        &self,
        acq: Node<'t>,
        binding: Option<&str>,
        release: &[String],
        host: Node<'t>,
    ) -> Closing {
        let Some(b) = binding else {
            return Closing::Never;
        };
        let src = self.src;
        let release: Vec<&str> = release
            .iter()
            .map(|r| r.rsplit('.').next().unwrap_or(r))
            .collect();
        let acq_range = acq.byte_range();
        // Does a `try` statement guard the acquisition (around it, or after it)?
        let guards = |t: Node| {
            (t.start_byte() <= acq_range.start && acq_range.end <= t.end_byte())
                || t.start_byte() >= acq_range.end
        };
        let mut handed = false;
        let mut in_finally = false;
        let mut released = false;
        let mut in_catch: Vec<(usize, usize)> = Vec::new();
        let mut in_body: HashSet<usize> = HashSet::new();
        let mut positions: Vec<usize> = Vec::new();
        traverse(host, |a, entering| {
            let n = a.node;
            if !entering {
                return;
            }
            match n.kind() {
                "call_expression" => {
                    let Some(c) = field(n, "function").map(unwrap_value) else {
                        return;
                    };
                    if c.kind() != "member_expression" {
                        return;
                    }
                    let prop = field(c, "property").map(|p| text(p, src)).unwrap_or("");
                    let on_b = field(c, "object").is_some_and(|o| self.ctext(o) == b);
                    if !on_b || !release.contains(&prop) || n.start_byte() < acq_range.end {
                        return;
                    }
                    released = true;
                    positions.push(n.start_byte());
                    for (i, anc) in a.anc.iter().enumerate().rev() {
                        let Some(t) = i.checked_sub(1).and_then(|j| a.anc.get(j)) else {
                            continue;
                        };
                        if t.kind() != "try_statement" || !guards(*t) {
                            continue;
                        }
                        match anc.kind() {
                            "finally_clause" => in_finally = true,
                            "catch_clause" => in_catch.push((t.id(), t.end_byte())),
                            "statement_block" if is_field(*t, "body", *anc) => {
                                in_body.insert(t.id());
                            }
                            _ => {}
                        }
                    }
                }
                "return_statement" => {
                    let nested = a.anc.iter().skip(1).any(|x| is_fn_kind(x.kind()));
                    if !nested
                        && let Some(v) = first_named(n)
                        && self.analyze_ret(v).direct.iter().any(|d| d == b)
                    {
                        handed = true;
                    }
                }
                "assignment_expression" => {
                    let (Some(l), Some(r)) = (field(n, "left"), field(n, "right")) else {
                        return;
                    };
                    let mut roots = Vec::new();
                    self.value_roots(r, &mut roots, 0);
                    if roots.iter().any(|x| x == b) && self.is_shared_target(l) {
                        handed = true;
                    }
                }
                _ => {}
            }
        });
        if handed {
            Closing::HandedOver
        } else if in_finally {
            Closing::Always
        } else if in_catch
            .iter()
            .any(|(t, end)| in_body.contains(t) || positions.iter().any(|p| p >= end))
        {
            // Released in the `catch` and in the `try` block (or after the `try`): every path.
            Closing::Always
        } else if released {
            Closing::NotOnErrorPaths
        } else {
            Closing::Never
        }
    }

    /// State that outlives the function: `this.x`, a module-level variable, a global.
    fn is_shared_target(&self, target: Node) -> bool {
        let t = unwrap_value(target);
        let mut root = t;
        while matches!(root.kind(), "member_expression" | "subscript_expression") {
            match field(root, "object") {
                Some(o) => root = unwrap_value(o),
                None => return false,
            }
        }
        match root.kind() {
            "this" => t.id() != root.id(),
            "identifier" => {
                let name = text(root, self.src);
                self.is_module_var(name) || self.is_global(name)
            }
            _ => false,
        }
    }

    // -------------------------------------------------------------------- production only

    /// `process.env.NODE_ENV === "production"` and friends: which branch runs in production
    /// only. `None`: not an environment test.
    fn env_test(&self, n: Node, depth: u8) -> Option<EnvTest> {
        if depth > 6 {
            return None;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind() {
            "binary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                let (l, r) = (field(n, "left")?, field(n, "right")?);
                match op {
                    "===" | "==" | "!==" | "!=" => {
                        let is_env = |x: Node| {
                            let x = unwrap_value(x);
                            matches!(x.kind(), "member_expression" | "subscript_expression")
                                && x.byte_range().len() < 64
                                && matches!(
                                    canon(text(x, src)).as_str(),
                                    "process.env.NODE_ENV" | "process.env[\"NODE_ENV\"]"
                                )
                        };
                        let value = if is_env(l) {
                            string_value(unwrap_value(r), src)
                        } else if is_env(r) {
                            string_value(unwrap_value(l), src)
                        } else {
                            None
                        }?;
                        let prod = match value {
                            "production" => true,
                            "development" => false,
                            _ => return None,
                        };
                        let eq = op.starts_with('=');
                        Some(if eq == prod {
                            (true, false)
                        } else {
                            (false, true)
                        })
                    }
                    "&&" => {
                        let a = self.env_test(l, depth + 1);
                        let b = self.env_test(r, depth + 1);
                        if a.is_none() && b.is_none() {
                            return None;
                        }
                        let c = a.is_some_and(|x| x.0) || b.is_some_and(|x| x.0);
                        Some((c, false))
                    }
                    "||" => {
                        let a = self.env_test(l, depth + 1);
                        let b = self.env_test(r, depth + 1);
                        if a.is_none() && b.is_none() {
                            return None;
                        }
                        let c = a.is_some_and(|x| x.0) && b.is_some_and(|x| x.0);
                        let alt = a.is_some_and(|x| x.1) || b.is_some_and(|x| x.1);
                        Some((c, alt))
                    }
                    _ => None,
                }
            }
            "unary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                if op != "!" {
                    return None;
                }
                let (c, alt) = self.env_test(field(n, "argument")?, depth + 1)?;
                Some((alt, c))
            }
            "identifier" => self.env_flags.get(text(n, src)).copied(),
            "member_expression" => match canon(text(n, src)).as_str() {
                "import.meta.env.PROD" => Some((true, false)),
                "import.meta.env.DEV" => Some((false, true)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `if` / `?:` on an environment test: record the branch that only runs in production.
    fn env_branch(&mut self, n: Node<'t>) {
        let Some(cond) = field(n, "condition") else {
            return;
        };
        let Some((c, alt)) = self.env_test(cond, 0) else {
            return;
        };
        if c && let Some(x) = field(n, "consequence") {
            self.facts.production_only.push(span(x));
        }
        if alt && let Some(x) = field(n, "alternative") {
            let x = if x.kind() == "else_clause" {
                first_named(x).unwrap_or(x)
            } else {
                x
            };
            self.facts.production_only.push(span(x));
        }
    }
}

// ------------------------------------------------------------------------------------------
// Configuration: options, connection URLs and imports
//
// Read at each construction, over its own arguments: object literals (or names bound to one)
// in any position are flattened into dotted keys; values are evaluated when they are literals
// or names bound to literals; URLs are followed through names to a literal or an environment
// variable.

/// What a name is bound to, for following values.
#[derive(Debug, Clone, Copy)]
enum Bound<'t> {
    /// `const x = value`
    Value(Node<'t>),
    /// `const { key: x } = object` (also `const { x } = object`): the object and the key node.
    Field(Node<'t>, Node<'t>),
}

/// The names a declaration binds to values: `x = v` → `x`; `{ a, b: c } = v` → `a` (`v.a`) and
/// `c` (`v.b`). Nested patterns and rest elements bind nothing followable.
fn bindings_of<'t>(name: Node<'t>, value: Node<'t>, src: &str, mut f: impl FnMut(&str, Bound<'t>)) {
    match name.kind() {
        "identifier" => f(text(name, src), Bound::Value(value)),
        "object_pattern" => {
            for p in named_kids(name) {
                match p.kind() {
                    "shorthand_property_identifier_pattern" => {
                        f(text(p, src), Bound::Field(value, p));
                    }
                    "object_assignment_pattern" => {
                        if let Some(l) = field(p, "left").or_else(|| first_named(p))
                            && l.kind() == "shorthand_property_identifier_pattern"
                        {
                            f(text(l, src), Bound::Field(value, l));
                        }
                    }
                    "pair_pattern" => {
                        let (Some(key), Some(mut v)) = (field(p, "key"), field(p, "value")) else {
                            continue;
                        };
                        if v.kind() == "assignment_pattern"
                            && let Some(l) = field(v, "left")
                        {
                            v = l;
                        }
                        if v.kind() == "identifier" {
                            f(text(v, src), Bound::Field(value, key));
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// The name of a key node (a property key, or a shorthand pattern).
fn bound_key<'s>(key: Node, src: &'s str) -> Option<&'s str> {
    match key.kind() {
        "shorthand_property_identifier_pattern" | "shorthand_property_identifier" => {
            Some(text(key, src))
        }
        _ => key_name(key, src),
    }
}

/// How deep names and objects are followed.
const MAX_FOLLOW: u8 = 8;
/// How deep nested option objects are flattened.
const MAX_NESTING: u8 = 4;

/// Option keys (last segment) whose value is the connection URL.
const URL_KEYS: &[&str] = &[
    "url",
    "uri",
    "dsn",
    "connectionString",
    "connectionURI",
    "connectionUri",
    "connectionUrl",
    "connectionURL",
    "datasourceUrl",
    "databaseUrl",
    "databaseURL",
    // knex and drizzle: `connection: process.env.DATABASE_URL` (an object is flattened).
    "connection",
];

/// Last words of names that designate a project's own wrapper around an SDK
/// (`streamChatManager`, `ChatService`, `socket_controller`): its methods only share names with
/// the SDK's, and it manages its own lifecycle.
const WRAPPER_NOUNS: &[&str] = &[
    "manager",
    "service",
    "controller",
    "helper",
    "wrapper",
    "facade",
    "registry",
    "coordinator",
    "orchestrator",
];

/// A JS integer literal (`20`, `20_000`, `0x10`, `10n`); `None` for fractions and exponents.
fn parse_js_int(t: &str) -> Option<i64> {
    let t: String = t.chars().filter(|c| *c != '_').collect();
    let l = t.to_ascii_lowercase();
    let l = l.strip_suffix('n').unwrap_or(&l);
    if let Some(h) = l.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = l.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = l.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else {
        l.parse().ok()
    }
}

/// A string literal's or substitution-free template literal's text and its span without the
/// quotes.
fn literal_text<'s>(n: Node, src: &'s str) -> Option<(&'s str, Span)> {
    match n.kind() {
        "string" => {}
        "template_string" => {
            if named_kids(n)
                .iter()
                .any(|k| k.kind() == "template_substitution")
            {
                return None;
            }
        }
        _ => return None,
    }
    let (start, end) = (n.start_byte() + 1, n.end_byte().saturating_sub(1));
    if end < start {
        return None;
    }
    Some((src.get(start..end)?, Span::new(start, end)))
}

/// `DATABASE_URL`, `MONGO_URI`, `PG_DSN`: a variable that reads like a URL.
fn url_like_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    u.contains("URL") || u.contains("URI") || u.contains("DSN")
}

/// `API_KEY`, `STREAM_SECRET`, `AUTH_TOKEN`: a variable that is surely not a URL.
fn secret_like_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    ["KEY", "SECRET", "TOKEN", "PASSWORD", "USER", "NAME"]
        .iter()
        .any(|w| u.contains(w))
}

/// `DATABASE_URL`, `REDIS_HOST_2`: an environment variable's name.
fn env_name_like(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The words of an identifier, lower-cased: `streamChatManager` → `stream`, `chat`, `manager`.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '$' || c.is_ascii_digit() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// `streamChatManager`, `ChatService`: the name of a project's wrapper object.
fn is_wrapper_name(name: &str) -> bool {
    name_words(name)
        .last()
        .is_some_and(|w| WRAPPER_NOUNS.contains(&w.as_str()))
}

/// A project module that exports the validated environment (t3-env's `@/env`, `~/env.mjs`,
/// `./env/server`).
fn is_env_module(spec: &str) -> bool {
    spec.split('/').any(|seg| {
        let stem = seg.split('.').next().unwrap_or(seg);
        stem == "env"
    })
}

impl<'a, 't> Walker<'a, 't> {
    /// What a name is bound to where it is used: a local of the open functions, else a
    /// module-level binding. `None` for a parameter, a reassigned name or an unknown one.
    fn bound(&self, name: &str) -> Option<Bound<'t>> {
        if self.pre.assigned.contains(name) {
            return None;
        }
        if let Some((_, _, b)) = self.bindings.iter().rev().find(|(_, n, _)| n == name) {
            return Some(*b);
        }
        if self.is_local(name) {
            return None;
        }
        self.pre.consts.get(name).copied()
    }

    /// The object literal a value is, or is bound to (`const opts = { … }`, `config.pool`).
    fn object_of(&self, n: Node<'t>, depth: u8) -> Option<Node<'t>> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let n = unwrap_value(n);
        match n.kind() {
            "object" => Some(n),
            "identifier" | "shorthand_property_identifier" => {
                let v = self.bound_node(text(n, self.src), depth)?;
                self.object_of(v, depth + 1)
            }
            "member_expression" | "subscript_expression" => {
                let v = self.member_value(n, depth)?;
                self.object_of(v, depth + 1)
            }
            _ => None,
        }
    }

    /// The value node a name is bound to (through destructuring of a known object).
    fn bound_node(&self, name: &str, depth: u8) -> Option<Node<'t>> {
        match self.bound(name)? {
            Bound::Value(v) => Some(v),
            Bound::Field(obj, key) => {
                let key = bound_key(key, self.src)?;
                self.property_value(obj, key, depth + 1)
            }
        }
    }

    /// `obj.key` where `obj` is (bound to) an object literal: the property's value node (a
    /// shorthand property stands for its own name).
    fn property_value(&self, obj: Node<'t>, key: &str, depth: u8) -> Option<Node<'t>> {
        let src = self.src;
        let o = self.object_of(obj, depth + 1)?;
        let mut found = None;
        for k in named_kids(o) {
            match k.kind() {
                "pair" if field(k, "key").and_then(|x| key_name(x, src)) == Some(key) => {
                    found = field(k, "value");
                }
                "shorthand_property_identifier" if text(k, src) == key => found = Some(k),
                _ => {}
            }
        }
        found
    }

    /// `config.pool.max`, `config["max"]` on an object literal: the value node.
    fn member_value(&self, n: Node<'t>, depth: u8) -> Option<Node<'t>> {
        let src = self.src;
        let obj = field(n, "object")?;
        let key = match n.kind() {
            "member_expression" => text(field(n, "property")?, src),
            _ => string_value(unwrap_value(field(n, "index")?), src)?,
        };
        self.property_value(obj, key, depth + 1)
    }

    /// An object holding environment variables: `process.env`, `import.meta.env`, `Bun.env`,
    /// the `env` of a t3-env module or of SvelteKit's `$env/dynamic/*`, a local bound to one of
    /// those, or a parameter named `env` (Cloudflare Workers' bindings).
    fn is_env_object(&self, n: Node<'t>, depth: u8) -> bool {
        if depth > MAX_FOLLOW {
            return false;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind() {
            "member_expression" => {
                n.byte_range().len() < 48
                    && matches!(
                        canon(text(n, src)).as_str(),
                        "process.env" | "import.meta.env" | "Bun.env" | "globalThis.process.env"
                    )
            }
            "identifier" => {
                let name = text(n, src);
                if let Some(imp) = self.pre.imports.get(name)
                    && !self.is_local(name)
                {
                    return (imp.local.is_some() && is_env_module(&imp.module))
                        || imp.module.starts_with("$env/dynamic/");
                }
                match self.bound(name) {
                    Some(Bound::Value(v)) => self.is_env_object(v, depth + 1),
                    Some(Bound::Field(..)) => false,
                    None => name == "env" && self.is_local(name),
                }
            }
            _ => false,
        }
    }

    /// The environment variable a value reads: `process.env.X`, `process.env["X"]`,
    /// `import.meta.env.X`, `env.X` (t3-env), `Deno.env.get("X")`, `getEnv("X")`, a SvelteKit
    /// `$env/static/*` import, `const { X } = process.env`, or a name bound to one of those.
    fn env_var(&self, n: Node<'t>, depth: u8) -> Option<String> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind() {
            "member_expression" => {
                let obj = field(n, "object")?;
                let prop = text(field(n, "property")?, src);
                self.is_env_object(obj, depth + 1).then(|| prop.to_string())
            }
            "subscript_expression" => {
                let obj = field(n, "object")?;
                let key = string_value(unwrap_value(field(n, "index")?), src)?;
                self.is_env_object(obj, depth + 1).then(|| key.to_string())
            }
            "identifier" | "shorthand_property_identifier" => {
                let name = text(n, src);
                if let Some(imp) = self.pre.imports.get(name)
                    && !self.is_local(name)
                    && imp.module.starts_with("$env/static/")
                {
                    return Some(imp.path.clone());
                }
                match self.bound(name)? {
                    Bound::Value(v) => self.env_var(v, depth + 1),
                    Bound::Field(obj, key) => {
                        let key = bound_key(key, src)?;
                        if self.is_env_object(obj, depth + 1) {
                            Some(key.to_string())
                        } else {
                            let v = self.property_value(obj, key, depth + 1)?;
                            self.env_var(v, depth + 1)
                        }
                    }
                }
            }
            "call_expression" => {
                let callee = unwrap_value(field(n, "function")?);
                let args = call_args(n);
                let first = string_value(unwrap_value(*args.first()?), src)?;
                let getter = match callee.kind() {
                    "member_expression" => canon(text(callee, src)) == "Deno.env.get",
                    "identifier" => {
                        let name = text(callee, src);
                        name_words(name).iter().any(|w| w == "env") && env_name_like(first)
                    }
                    _ => false,
                };
                getter.then(|| first.to_string())
            }
            _ => None,
        }
    }

    /// An option's value: literals, names bound to literals (module constants, locals),
    /// `Number(x)` / `parseInt(x)` of those; names connlint does not evaluate stay names; env
    /// lookups, calls and arithmetic are unknown.
    fn eval_opt(&self, n: Node<'t>, depth: u8) -> OptValue {
        if depth > MAX_FOLLOW {
            return OptValue::Unknown;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind() {
            "number" => parse_js_int(text(n, src)).map_or(OptValue::Unknown, OptValue::Int),
            "unary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                match (
                    op,
                    field(n, "argument").map(|a| self.eval_opt(a, depth + 1)),
                ) {
                    ("-", Some(OptValue::Int(v))) => OptValue::Int(-v),
                    ("+", Some(OptValue::Int(v))) => OptValue::Int(v),
                    _ => OptValue::Unknown,
                }
            }
            "string" | "template_string" => literal_text(n, src)
                .map_or(OptValue::Unknown, |(t, _)| OptValue::Str(t.to_string())),
            "true" => OptValue::Bool(true),
            "false" => OptValue::Bool(false),
            "null" | "undefined" => OptValue::Null,
            "identifier" | "shorthand_property_identifier" => {
                let name = text(n, src);
                if name == "undefined" {
                    return OptValue::Null;
                }
                if let Some(v) = self.bound_node(name, depth) {
                    return self.eval_opt(v, depth + 1);
                }
                let known = !self.is_local(name)
                    && (self.pre.imports.contains_key(name)
                        || self.pre.module_vars.contains(name)
                        || is_pascal(name));
                if known && self.env_var(n, depth + 1).is_none() {
                    OptValue::Name(name.to_string())
                } else {
                    OptValue::Unknown
                }
            }
            "member_expression" | "subscript_expression" => {
                if self.env_var(n, depth + 1).is_some() {
                    return OptValue::Unknown;
                }
                if let Some(v) = self.member_value(n, depth) {
                    return self.eval_opt(v, depth + 1);
                }
                match dotted_path(n, src) {
                    Some(path) => {
                        let root = path.split('.').next().unwrap_or("");
                        let known = !self.is_local(root)
                            && (self.pre.imports.contains_key(root) || is_pascal(root));
                        if known {
                            OptValue::Name(path)
                        } else {
                            OptValue::Unknown
                        }
                    }
                    None => OptValue::Unknown,
                }
            }
            "call_expression" => {
                let callee = field(n, "function").map(|c| text(unwrap_value(c), src));
                let Some(first) = call_args(n).first().copied() else {
                    return OptValue::Unknown;
                };
                if !matches!(
                    callee,
                    Some("Number" | "parseInt" | "Number.parseInt" | "Math.floor")
                ) {
                    return OptValue::Unknown;
                }
                match self.eval_opt(first, depth + 1) {
                    OptValue::Int(v) => OptValue::Int(v),
                    OptValue::Str(s) => s
                        .trim()
                        .parse::<i64>()
                        .map_or(OptValue::Unknown, OptValue::Int),
                    _ => OptValue::Unknown,
                }
            }
            _ => OptValue::Unknown,
        }
    }

    /// Where a URL value comes from: a string literal holding `://`, an environment variable,
    /// or a name bound to one of those; `a ?? b` / `a || b` take the first that is known, a
    /// template that is only `${x}` is `x`. Anything else gives nothing.
    fn url_of(&self, n: Node<'t>, depth: u8) -> Option<UrlRef> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let src = self.src;
        let n = unwrap_value(n);
        if let Some(name) = self.env_var(n, depth + 1) {
            return Some(UrlRef::Env {
                name,
                span: span(n),
            });
        }
        match n.kind() {
            "string" | "template_string" => {
                if let Some((t, sp)) = literal_text(n, src) {
                    return t.contains("://").then(|| UrlRef::Literal {
                        text: t.to_string(),
                        span: sp,
                    });
                }
                // `${process.env.DATABASE_URL}` and nothing else.
                let kids = named_kids(n);
                match kids.as_slice() {
                    [one] if one.kind() == "template_substitution" => {
                        self.url_of(first_named(*one)?, depth + 1)
                    }
                    _ => None,
                }
            }
            "binary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                if !matches!(op, "??" | "||") {
                    return None;
                }
                let left = field(n, "left").and_then(|l| self.url_of(l, depth + 1));
                left.or_else(|| field(n, "right").and_then(|r| self.url_of(r, depth + 1)))
            }
            "identifier" | "shorthand_property_identifier" => {
                let v = self.bound_node(text(n, src), depth)?;
                self.url_of(v, depth + 1)
            }
            "member_expression" | "subscript_expression" => {
                let v = self.member_value(n, depth)?;
                self.url_of(v, depth + 1)
            }
            "call_expression" => {
                // `String(url)`, `url.toString()`, `url.trim()`
                let callee = unwrap_value(field(n, "function")?);
                match callee.kind() {
                    "identifier" if text(callee, src) == "String" => {
                        self.url_of(*call_args(n).first()?, depth + 1)
                    }
                    "member_expression"
                        if field(callee, "property")
                            .is_some_and(|p| matches!(text(p, src), "toString" | "trim")) =>
                    {
                        self.url_of(field(callee, "object")?, depth + 1)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The properties of an options object, nested objects flattened with `.`: (key, value
    /// node). A spread of a known object (`...base`) adds its properties; computed keys and
    /// methods are skipped.
    fn flatten(&self, obj: Node<'t>, prefix: &str, out: &mut Vec<(String, Node<'t>)>, nesting: u8) {
        let src = self.src;
        for k in named_kids(obj) {
            let (key, value) = match k.kind() {
                "pair" => {
                    let (Some(key), Some(value)) = (
                        field(k, "key").and_then(|x| key_name(x, src)),
                        field(k, "value"),
                    ) else {
                        continue;
                    };
                    (key, value)
                }
                "shorthand_property_identifier" => (text(k, src), k),
                "spread_element" => {
                    if nesting < MAX_NESTING
                        && let Some(inner) = first_named(k).and_then(|x| self.object_of(x, 0))
                    {
                        self.flatten(inner, prefix, out, nesting + 1);
                    }
                    continue;
                }
                _ => continue,
            };
            let full = if prefix.is_empty() {
                key.to_string()
            } else {
                format!("{prefix}.{key}")
            };
            match self.object_of(value, 0) {
                Some(inner) if nesting < MAX_NESTING => {
                    self.flatten(inner, &full, out, nesting + 1)
                }
                _ => out.push((full, value)),
            }
        }
    }

    /// The options and URL written at construction `call` (client `client` of the file).
    fn client_config(
        &self,
        client: usize,
        call: Node<'t>,
        def: &ClientDef,
    ) -> Option<ClientConfig> {
        let args = call_args(call);
        let mut entries: Vec<(String, Node<'t>)> = Vec::new();
        for a in &args {
            if let Some(obj) = self.object_of(*a, 0) {
                self.flatten(obj, "", &mut entries, 0);
            }
        }
        // A later property wins over an earlier one of the same key (`{ ...base, max: 5 }`).
        let mut seen: HashSet<String> = HashSet::new();
        entries.reverse();
        entries.retain(|(k, _)| seen.insert(k.clone()));
        entries.reverse();
        let options: Vec<OptionFact> = entries
            .iter()
            .map(|(k, v)| OptionFact {
                key: k.clone(),
                value: self.eval_opt(*v, 0),
                span: span(unwrap_value(*v)),
            })
            .collect();
        // The first positional argument, unless it is an options object. An environment
        // variable there must read like a URL, or be the only plain argument
        // (`new Sequelize(DB_NAME, DB_USER, DB_PASSWORD)` names no URL).
        let plain_args = args
            .iter()
            .filter(|a| {
                let u = unwrap_value(**a);
                self.object_of(u, 0).is_none() && !is_fn_kind(u.kind())
            })
            .count();
        let positional = args
            .first()
            .filter(|a| self.object_of(**a, 0).is_none())
            .and_then(|a| self.url_of(*a, 0))
            .filter(|u| match u {
                UrlRef::Literal { .. } => true,
                UrlRef::Env { name, .. } => {
                    url_like_var(name) || (plain_args == 1 && !secret_like_var(name))
                }
            });
        let from_options = || {
            entries.iter().find_map(|(k, v)| {
                let last = k.rsplit('.').next().unwrap_or(k);
                let u = self.url_of(*v, 0)?;
                let ok = match &u {
                    UrlRef::Literal { text, .. } => {
                        URL_KEYS.contains(&last) || is_connection_url(text)
                    }
                    UrlRef::Env { name, .. } => {
                        URL_KEYS.contains(&last) || (last == "host" && url_like_var(name))
                    }
                };
                ok.then_some(u)
            })
        };
        let implicit = || {
            let implicit = def.default_url_env.as_ref()?;
            let given = entries.iter().any(|(k, _)| {
                let head = k.split('.').next().unwrap_or(k);
                implicit.unless.iter().any(|u| u == head)
            });
            (!given).then(|| UrlRef::Env {
                name: implicit.var.clone(),
                span: span(call),
            })
        };
        let url = positional.or_else(from_options).or_else(implicit);
        (!options.is_empty() || url.is_some()).then_some(ClientConfig {
            client,
            options,
            url,
        })
    }

    /// A string literal (or substitution-free template) that is a connection URL.
    fn url_literal(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let n = at.node;
        if !text(n, src).contains("://") {
            return;
        }
        let Some((t, sp)) = literal_text(n, src) else {
            return;
        };
        if t.contains(char::is_whitespace) || !is_connection_url(t) {
            return;
        }
        let var = self.url_var(at);
        self.facts.urls.push(ConnUrl {
            var,
            text: t.to_string(),
            span: sp,
        });
    }

    /// The variable a URL literal is assigned to (`const DATABASE_URL = "postgres://…"`,
    /// `process.env.DATABASE_URL = …`, an upper-case property `DATABASE_URL: "…"`), or the
    /// environment variable it is the fallback of (`process.env.DATABASE_URL ?? "postgres://…"`).
    fn url_var(&self, at: At<'_, 't>) -> Option<String> {
        let src = self.src;
        let mut cur = at;
        while let Some(p) = cur.up() {
            let (pn, cn) = (p.node, cur.node);
            match pn.kind() {
                "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "non_null_expression"
                | "type_assertion" => {}
                "binary_expression" => {
                    let op = field(pn, "operator").map(|o| text(o, src)).unwrap_or("");
                    if !matches!(op, "??" | "||") || !is_field(pn, "right", cn) {
                        return None;
                    }
                    return field(pn, "left").and_then(|l| self.env_var(l, 0));
                }
                "variable_declarator" => {
                    let name = field(pn, "name").filter(|x| x.kind() == "identifier")?;
                    return is_field(pn, "value", cn).then(|| text(name, src).to_string());
                }
                "assignment_expression" | "augmented_assignment_expression" => {
                    let left = unwrap_value(field(pn, "left")?);
                    if !is_field(pn, "right", cn) {
                        return None;
                    }
                    return match left.kind() {
                        "identifier" => Some(text(left, src).to_string()),
                        _ => self.env_var(left, 0),
                    };
                }
                "pair" => {
                    let key = field(pn, "key").and_then(|k| key_name(k, src))?;
                    return (is_field(pn, "value", cn) && env_name_like(key))
                        .then(|| key.to_string());
                }
                _ => return None,
            }
            cur = p;
        }
        None
    }

    /// A project's own wrapper around an SDK, by the receiver of a call: an identifier imported
    /// from a project module (not shadowed in the file) whose name says it is one
    /// (`streamChatManager`). Call [`Walker::ensure_index`] first.
    fn is_project_wrapper(&self, receiver: Node) -> bool {
        let r = unwrap_value(receiver);
        if r.kind() != "identifier" {
            return false;
        }
        let name = text(r, self.src);
        !self.declared(name)
            && self
                .pre
                .imports
                .get(name)
                .is_some_and(|i| i.local.is_some())
            && is_wrapper_name(name)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::catalog::TYPESCRIPT_TOML;
    use crate::project::Project;
    use std::sync::Arc;

    fn facts(rel: &str, deps: &[&str], text: &str) -> FileFacts {
        let project = Arc::new(Project::with_deps(deps));
        let file = SourceFile::in_memory(rel, text, project).expect("known extension");
        let cat = LangCatalog::parse(TYPESCRIPT_TOML).expect("catalogue parses");
        extract(&file, &cat).expect("extracts")
    }

    fn one_client(f: &FileFacts) -> &ClientSite {
        assert_eq!(f.clients.len(), 1, "{:#?}", f.clients);
        &f.clients[0]
    }

    #[test]
    fn both_grammars_load() {
        assert!(parses_cleanly(Lang::Ts, "const x: number = 1;"));
        assert!(parses_cleanly(Lang::Tsx, "const x = <div>{1}</div>;"));
        assert!(parses_cleanly(Lang::Js, "const x = <div/>;"));
        assert!(!parses_cleanly(Lang::Ts, "const = ;"));
    }

    #[test]
    fn next_route_handler_builds_mongo_client() {
        let f = facts(
            "app/api/users/route.ts",
            &["next", "mongodb"],
            r#"import { MongoClient } from "mongodb";
export async function GET(req: Request) {
  const client = new MongoClient(process.env.MONGODB_URI!);
  try {
    await client.connect();
    return Response.json(await client.db().collection("u").find().toArray());
  } finally {
    await client.close();
  }
}
"#,
        );
        let c = one_client(&f);
        assert_eq!(c.client, "mongodb");
        assert_eq!(c.ctor, "new MongoClient()");
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert_eq!(c.scope.framework(), "next-route");
        assert_eq!(c.scope.name.as_deref(), Some("GET"));
        assert_eq!(c.guard, Guard::None);
        assert_eq!(c.binding.as_deref(), Some("client"));
        assert!(c.released);
        assert_eq!(c.in_fn, Some(0));
        assert!(f.functions[0].exported);
        assert!(c.anchors.args_are_static);
    }

    #[test]
    fn mongodb_factory_returns_derived_and_calls_are_recorded() {
        let lib = facts(
            "lib/mongodb.ts",
            &["next", "mongodb"],
            r#"import { MongoClient } from "mongodb";
const uri = process.env.MONGODB_URI as string;
export async function connectToDatabase() {
  const client = new MongoClient(uri);
  await client.connect();
  return client.db("x");
}
"#,
        );
        let c = one_client(&lib);
        assert_eq!(c.scope.kind, ScopeKind::Function);
        assert_eq!(c.returned, Returned::Derived);
        assert!(!c.released);
        assert_eq!(c.guard, Guard::None);
        assert!(lib.functions[0].exported);

        let route = facts(
            "app/api/posts/route.ts",
            &["next", "mongodb"],
            r#"import { NextResponse } from "next/server";
import { connectToDatabase } from "@/lib/mongodb";
export const GET = async () => {
  const db = await connectToDatabase();
  return NextResponse.json(await db.collection("posts").find().toArray());
};
"#,
        );
        assert!(route.clients.is_empty());
        assert_eq!(route.calls.len(), 1, "{:#?}", route.calls);
        let call = &route.calls[0];
        assert_eq!(call.name, "connectToDatabase");
        assert_eq!(call.scope.kind, ScopeKind::Handler);
        assert_eq!(call.scope.framework(), "next-route");
        let m = call.module.as_ref().expect("local module");
        assert_eq!(
            m.candidates,
            vec!["lib/mongodb".to_string(), "src/lib/mongodb".to_string()]
        );
        assert_eq!(call.binding.as_deref(), Some("db"));
    }

    #[test]
    fn returned_direct_through_connect_and_object() {
        let f = facts(
            "lib/db.ts",
            &["mongodb"],
            r#"import { MongoClient } from "mongodb";
import { PrismaClient } from "@prisma/client";
import { Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
export async function a() { const client = new MongoClient(u); return client.connect(); }
export async function b() { const client = new MongoClient(u); await client.connect(); return { client, db: client.db() }; }
export const c = () => new MongoClient(u);
export function d() { return new MongoClient(u).connect(); }
export function e() { return new MongoClient(u).db("x"); }
export async function f() { const c = new MongoClient(u); const users = await c.db().collection("u").find().toArray(); return users; }
export async function g() { const c = new MongoClient(u); const db = c.db(); return db.collection("u"); }
export async function h() { const prisma = new PrismaClient(); return prisma.user.findMany(); }
export async function i() { const pool = new Pool(); return drizzle(pool); }
export async function j() { const pool = new Pool(); return (await pool.query("select 1")).rows; }
"#,
        );
        let r: Vec<Returned> = f.clients.iter().map(|c| c.returned).collect();
        use Returned::{Derived, Direct, No};
        assert_eq!(
            r,
            vec![
                Direct, Direct, Direct, Direct, Derived, Derived, Derived, No, Derived, No
            ]
        );
    }

    #[test]
    fn with_mongodb_global_cache_is_guarded() {
        let f = facts(
            "lib/mongodb.ts",
            &["next", "mongodb"],
            r#"import { MongoClient, ServerApiVersion } from "mongodb";
if (!process.env.MONGODB_URI) {
  throw new Error('Invalid/Missing environment variable: "MONGODB_URI"');
}
const uri = process.env.MONGODB_URI;
const options = { serverApi: { version: ServerApiVersion.v1, strict: true, deprecationErrors: true } };
let client: MongoClient;
let clientPromise: Promise<MongoClient>;
if (process.env.NODE_ENV === "development") {
  let globalWithMongo = global as typeof globalThis & { _mongoClientPromise?: Promise<MongoClient> };
  if (!globalWithMongo._mongoClientPromise) {
    client = new MongoClient(uri, options);
    globalWithMongo._mongoClientPromise = client.connect();
  }
  clientPromise = globalWithMongo._mongoClientPromise;
} else {
  client = new MongoClient(uri, options);
  clientPromise = client.connect();
}
export default clientPromise;
"#,
        );
        assert_eq!(f.clients.len(), 2);
        assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Module));
        assert_eq!(f.clients[0].guard, Guard::GlobalCache);
    }

    #[test]
    fn global_for_prisma_singletons() {
        let f = facts(
            "lib/prisma.ts",
            &["next", "@prisma/client"],
            r#"import { PrismaClient } from "@prisma/client";
const globalForPrisma = globalThis as unknown as { prisma: PrismaClient | undefined };
export const prisma = globalForPrisma.prisma ?? new PrismaClient({ log: ["query"] });
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
"#,
        );
        let c = one_client(&f);
        assert_eq!(c.guard, Guard::GlobalCache);
        assert_eq!(c.scope.kind, ScopeKind::Module);
        assert_eq!(c.binding.as_deref(), Some("prisma"));

        let f = facts(
            "src/lib/db.ts",
            &["next", "@prisma/client"],
            r#"import { PrismaClient } from "@prisma/client";
const prismaClientSingleton = () => {
  return new PrismaClient();
};
declare const globalThis: { prismaGlobal: ReturnType<typeof prismaClientSingleton> } & typeof global;
const prisma = globalThis.prismaGlobal ?? prismaClientSingleton();
export default prisma;
if (process.env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;
"#,
        );
        let c = one_client(&f);
        assert_eq!(c.returned, Returned::Direct);
        assert_eq!(c.scope.kind, ScopeKind::Function);
        assert_eq!(f.calls.len(), 1);
        assert_eq!(f.calls[0].guard, Guard::GlobalCache);
        assert_eq!(f.calls[0].scope.kind, ScopeKind::Module);
        assert_eq!(f.calls[0].module, None);

        let f = facts(
            "lib/db.ts",
            &["next", "@prisma/client"],
            "import { PrismaClient } from '@prisma/client';\nglobalThis.prisma ??= new PrismaClient();\n",
        );
        assert_eq!(one_client(&f).guard, Guard::GlobalCache);
    }

    #[test]
    fn server_component_page_is_a_handler() {
        let f = facts(
            "app/dashboard/page.tsx",
            &["next", "react", "@prisma/client"],
            r#"import { PrismaClient } from "@prisma/client";
export default async function Page() {
  const prisma = new PrismaClient();
  const users = await prisma.user.findMany();
  return <ul>{users.map((u) => <li key={u.id}>{u.name}</li>)}</ul>;
}
"#,
        );
        let c = one_client(&f);
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert_eq!(c.scope.framework(), "next-page");
        assert_eq!(c.scope.name.as_deref(), Some("Page"));
    }

    #[test]
    fn client_components_and_hooks() {
        let src = r#""use client";
import { useEffect, useMemo, useState, useRef } from "react";
import { StreamChat } from "stream-chat";
import { StreamVideoClient } from "@stream-io/video-react-sdk";

export function ChatPage({ apiKey }: { apiKey: string }) {
  const client = new StreamChat(apiKey);
  return <div>{client.userID}</div>;
}

export const VideoPage = ({ apiKey, user, token }: Props) => {
  const memo = useMemo(() => new StreamVideoClient({ apiKey, user, token }), [apiKey]);
  const [state] = useState(() => new StreamChat(apiKey));
  const single = StreamVideoClient.getOrCreateInstance({ apiKey, user, token });
  const chat = StreamChat.getInstance(apiKey);
  const ref = useRef<StreamChat | null>(null);
  if (!ref.current) ref.current = new StreamChat(apiKey);
  useEffect(() => {
    const c = new StreamVideoClient({ apiKey, user, token });
    return () => { c.disconnectUser(); };
  }, []);
  return <div />;
};

export function useVideoClient(apiKey: string, user: User, token: string) {
  const client = new StreamVideoClient({ apiKey, user, token });
  return client;
}
"#;
        let f = facts("components/chat.tsx", &["next", "react"], src);
        let got: Vec<(ScopeKind, Guard, &str)> = f
            .clients
            .iter()
            .map(|c| (c.scope.kind, c.guard, c.scope.framework()))
            .collect();
        assert_eq!(
            got,
            vec![
                (ScopeKind::Component, Guard::None, "react-component"),
                (ScopeKind::Component, Guard::Memo, "react-component"),
                (ScopeKind::Component, Guard::Memo, "react-component"),
                (ScopeKind::Component, Guard::SingletonApi, "react-component"),
                (ScopeKind::Component, Guard::SingletonApi, "react-component"),
                (ScopeKind::Component, Guard::Memo, "react-component"),
                (ScopeKind::Effect, Guard::None, ""),
                (ScopeKind::Component, Guard::None, "react-hook"),
            ]
        );
        assert!(f.clients[6].released);
        assert_eq!(f.clients[7].returned, Returned::Direct);
    }

    #[test]
    fn hook_in_a_ts_file_of_a_react_project() {
        let f = facts(
            "src/hooks/useChat.ts",
            &["react", "stream-chat"],
            "import { StreamChat } from 'stream-chat';\nexport function useChat(key: string) {\n  const client = new StreamChat(key);\n  return client;\n}\n",
        );
        let c = one_client(&f);
        assert_eq!(c.scope.kind, ScopeKind::Component);
        assert_eq!(c.scope.framework(), "react-hook");
    }

    #[test]
    fn express_inline_and_named_handlers() {
        let f = facts(
            "src/routes/users.ts",
            &["express", "pg"],
            r#"import { Router } from "express";
import { Pool } from "pg";
import * as userController from "../controllers/user";
import { createUser } from "../controllers/user";
import asyncHandler from "express-async-handler";
const router = Router();
router.get("/", async (req, res) => {
  const pool = new Pool();
  res.json((await pool.query("select 1")).rows);
});
router.get("/all", userController.list);
router.post("/", asyncHandler(createUser));
router.delete("/:id", remove);
async function remove(req, res) {
  const pool = new Pool();
  await pool.query("delete");
}
export default router;
"#,
        );
        assert_eq!(f.clients.len(), 2);
        assert!(
            f.clients
                .iter()
                .all(|c| c.scope.kind == ScopeKind::Handler && c.scope.framework() == "express")
        );
        assert_eq!(f.clients[1].scope.name.as_deref(), Some("remove"));
        let refs: Vec<(&str, bool)> = f
            .handler_refs
            .iter()
            .map(|r| (r.name.as_str(), r.module.is_some()))
            .collect();
        assert_eq!(
            refs,
            vec![("list", true), ("createUser", true), ("remove", false)]
        );
        assert_eq!(
            f.handler_refs[0]
                .module
                .as_ref()
                .map(|m| m.candidates.clone()),
            Some(vec!["src/controllers/user".to_string()])
        );
    }

    #[test]
    fn fastify_hono_koa_trpc() {
        let f = facts(
            "src/server.ts",
            &["fastify", "ioredis"],
            r#"import Fastify from "fastify";
import Redis from "ioredis";
const app = Fastify();
app.get("/a", async (request, reply) => { const r = new Redis(); return r.get("x"); });
app.route({ method: "GET", url: "/b", handler: async (request, reply) => { const r = new Redis.Cluster([]); } });
app.register(async (instance) => { const r = new Redis(); instance.decorate("redis", r); });
"#,
        );
        let got: Vec<(ScopeKind, &str)> = f
            .clients
            .iter()
            .map(|c| (c.scope.kind, c.scope.framework()))
            .collect();
        assert_eq!(
            got,
            vec![
                (ScopeKind::Handler, "fastify"),
                (ScopeKind::Handler, "fastify"),
                (ScopeKind::Startup, "startup")
            ]
        );

        let f = facts(
            "src/index.ts",
            &["hono", "postgres"],
            "import { Hono } from 'hono';\nimport postgres from 'postgres';\nconst app = new Hono();\napp.get('/users', async (c) => {\n  const sql = postgres(c.env.DATABASE_URL);\n  return c.json(await sql`select 1`);\n});\nexport default app;\n",
        );
        assert_eq!(one_client(&f).scope.framework(), "hono");
        assert_eq!(one_client(&f).client, "postgres-js");

        let f = facts(
            "src/app.js",
            &["koa", "@koa/router", "mysql2"],
            "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst mysql = require('mysql2/promise');\nconst router = new Router();\nrouter.get('/users', async (ctx) => {\n  const conn = await mysql.createConnection(process.env.DATABASE_URL);\n  ctx.body = await conn.query('select 1');\n});\n",
        );
        let c = one_client(&f);
        assert_eq!(
            (c.scope.kind, c.scope.framework(), c.client.as_str()),
            (ScopeKind::Handler, "koa", "mysql2-connection")
        );

        let f = facts(
            "src/server/routers/user.ts",
            &["@trpc/server", "pg"],
            "import { Pool } from 'pg';\nexport const userRouter = router({\n  list: publicProcedure.query(async () => {\n    const pool = new Pool();\n    return (await pool.query('select 1')).rows;\n  }),\n});\n",
        );
        assert_eq!(one_client(&f).scope.framework(), "trpc");
    }

    #[test]
    fn server_actions_pages_api_and_ssr() {
        let f = facts(
            "app/actions.ts",
            &["next", "@prisma/client"],
            "\"use server\";\nimport { PrismaClient } from '@prisma/client';\nexport async function createUser(data: FormData) {\n  const prisma = new PrismaClient();\n  await prisma.user.create({ data: {} });\n}\n",
        );
        assert_eq!(one_client(&f).scope.framework(), "server-action");

        let f = facts(
            "app/users/page.tsx",
            &["next", "@prisma/client"],
            "import { PrismaClient } from '@prisma/client';\nexport default function Page() {\n  async function create() {\n    \"use server\";\n    const prisma = new PrismaClient();\n  }\n  return <form action={create} />;\n}\n",
        );
        assert_eq!(one_client(&f).scope.framework(), "server-action");

        let f = facts(
            "pages/api/users.ts",
            &["next", "pg"],
            "import { Client } from 'pg';\nasync function handler(req, res) {\n  const client = new Client();\n  await client.connect();\n  res.json({});\n}\nexport default handler;\n",
        );
        let c = one_client(&f);
        assert_eq!(
            (c.scope.kind, c.scope.framework(), c.kind),
            (
                ScopeKind::Handler,
                "next-api",
                crate::facts::ClientKind::Connection
            )
        );

        let f = facts(
            "pages/users.tsx",
            &["next", "pg"],
            "import { Pool } from 'pg';\nexport const getServerSideProps = async () => {\n  const pool = new Pool();\n  return { props: {} };\n};\n",
        );
        assert_eq!(one_client(&f).scope.framework(), "next-ssr");
    }

    #[test]
    fn scripts_main_and_tests_are_silent_scopes() {
        let f = facts(
            "scripts/seed.ts",
            &["@prisma/client"],
            "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nasync function main() { const p = new PrismaClient(); }\nmain().catch(console.error).finally(() => prisma.$disconnect());\n",
        );
        assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Startup));
        assert!(f.clients[0].released);

        let f = facts(
            "src/seed.ts",
            &["pg"],
            "import { Pool } from 'pg';\nasync function run() { const pool = new Pool(); }\nvoid run();\n",
        );
        assert_eq!(one_client(&f).scope.kind, ScopeKind::Startup);

        let f = facts(
            "src/db.test.ts",
            &["pg"],
            "import { Pool } from 'pg';\ndescribe('db', () => { it('works', async () => { const pool = new Pool(); }); });\n",
        );
        assert_eq!(one_client(&f).scope.kind, ScopeKind::Test);
    }

    #[test]
    fn plain_helpers_release_and_loops() {
        let f = facts(
            "src/lib/report.ts",
            &["pg"],
            r#"import { Client, Pool } from "pg";
export async function countUsers() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query("select count(*) from users")).rows[0];
  } finally {
    await client.end();
  }
}
export async function leaky() {
  const client = new Client();
  await client.connect();
  await client.query("select 1");
}
export async function perTenant(urls: string[]) {
  return Promise.all(urls.map(async (url) => new Pool({ connectionString: url })));
}
export async function loop(urls: string[]) {
  for (const url of urls) {
    const pool = new Pool({ connectionString: url });
  }
}
"#,
        );
        let got: Vec<(ScopeKind, bool, Returned)> = f
            .clients
            .iter()
            .map(|c| (c.scope.kind, c.released, c.returned))
            .collect();
        assert_eq!(
            got,
            vec![
                (ScopeKind::Function, true, Returned::No),
                (ScopeKind::Function, false, Returned::No),
                (ScopeKind::Loop, false, Returned::No),
                (ScopeKind::Loop, false, Returned::No),
            ]
        );
        assert!(!f.clients[2].anchors.args_are_static);
    }

    #[test]
    fn module_caches() {
        let f = facts(
            "lib/dbConnect.ts",
            &["mongoose"],
            r#"import mongoose from "mongoose";
let cached = (global as any).mongoose;
if (!cached) cached = (global as any).mongoose = { conn: null, promise: null };
async function dbConnect() {
  if (cached.conn) return cached.conn;
  if (!cached.promise) {
    cached.promise = mongoose.connect(process.env.MONGODB_URI!, { bufferCommands: false }).then((m) => m);
  }
  cached.conn = await cached.promise;
  return cached.conn;
}
export default dbConnect;
"#,
        );
        let c = one_client(&f);
        assert_eq!(c.client, "mongoose");
        assert_eq!(c.guard, Guard::ModuleCache);

        let f = facts(
            "src/db.ts",
            &["mongoose", "pg"],
            r#"import mongoose from "mongoose";
import { Pool } from "pg";
let isConnected = false;
export const connectDB = async () => {
  if (isConnected) return;
  await mongoose.connect(process.env.MONGO_URI!);
  isConnected = true;
};
let pool: Pool | undefined;
export function getPool() {
  if (!pool) pool = new Pool();
  return pool;
}
const pools = new Map<string, Pool>();
export function poolFor(url: string) {
  const p = new Pool({ connectionString: url });
  pools.set(url, p);
  return p;
}
class Db {
  constructor() { this.pool = new Pool(); }
}
"#,
        );
        let g: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
        assert_eq!(
            g,
            vec![
                Guard::ModuleCache,
                Guard::ModuleCache,
                Guard::ModuleCache,
                Guard::Owner
            ]
        );
    }

    #[test]
    fn imports_require_and_namespaces() {
        let f = facts(
            "src/a.js",
            &[],
            r#"const { Pool } = require("pg");
const Redis = require("ioredis");
const knex = require("knex")({ client: "pg" });
import * as Ably from "ably";
import pg from "pg";
const { Client } = pg;
const a = new Pool();
const b = new Redis();
const c = new Ably.Realtime({ key: "x" });
const d = new pg.Pool();
const e = new Client();
"#,
        );
        let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "knex",
                "pg-pool",
                "ioredis",
                "ably-realtime",
                "pg-pool",
                "pg-client"
            ]
        );
        // identity comes from imports
        let f = facts(
            "src/b.ts",
            &[],
            "import { Pool } from './my-pool';\nconst p = new Pool();\n",
        );
        assert!(f.clients.is_empty());
    }

    #[test]
    fn drizzle_url_form_only() {
        let f = facts(
            "src/db.ts",
            &["drizzle-orm", "pg"],
            r#"import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
export const a = drizzle(process.env.DATABASE_URL!);
export const b = drizzle({ connection: { connectionString: process.env.DATABASE_URL } });
const pool = new Pool();
export const c = drizzle(pool);
export const d = drizzle({ client: pool });
"#,
        );
        let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
        assert_eq!(ids, vec!["drizzle-postgres", "drizzle-postgres", "pg-pool"]);
    }

    #[test]
    fn neon_edge_handler_released_by_wait_until() {
        let f = facts(
            "app/api/posts/route.ts",
            &["next", "@neondatabase/serverless"],
            "import { Pool } from '@neondatabase/serverless';\nexport const runtime = 'edge';\nexport async function GET(req: Request, ctx: any) {\n  const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n  const { rows } = await pool.query('select 1');\n  ctx.waitUntil(pool.end());\n  return Response.json(rows);\n}\n",
        );
        let c = one_client(&f);
        assert_eq!(c.client, "neon-pool");
        assert!(c.released);
    }

    #[test]
    fn syntax_errors_keep_facts() {
        let f = facts(
            "app/api/raw/route.ts",
            &["next", "@prisma/client"],
            "import { PrismaClient } from '@prisma/client';\nexport async function GET() {\n  const prisma = new PrismaClient();\n  const rows = await prisma.$queryRaw<User[]>`SELECT * FROM users`;\n  return Response.json(rows) +;\n}\n",
        );
        assert!(!f.syntax_errors.is_empty());
        assert_eq!(one_client(&f).scope.framework(), "next-route");
    }

    #[test]
    fn next_wrappers_and_export_aliases() {
        let f = facts(
            "app/api/items/route.ts",
            &["next", "pg"],
            "import { Pool } from 'pg';\nexport const POST = withAuth(async (req) => {\n  const pool = new Pool();\n});\nasync function handler(req) { const pool = new Pool(); }\nexport { handler as PUT };\n",
        );
        let got: Vec<(&str, Option<&str>)> = f
            .clients
            .iter()
            .map(|c| (c.scope.framework(), c.scope.name.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("next-route", Some("POST")),
                ("next-route", Some("handler"))
            ]
        );
    }

    #[test]
    fn module_level_closures_are_functions_and_iife_is_module() {
        let f = facts(
            "src/index.ts",
            &["pg"],
            "import { Pool } from 'pg';\nsetInterval(() => { const p = new Pool(); }, 1000);\n(async () => { const q = new Pool(); })();\n",
        );
        let k: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
        assert_eq!(k, vec![ScopeKind::Function, ScopeKind::Module]);
    }

    #[test]
    fn catalogue_constructors_by_import() {
        let f = facts(
            "src/lib/clients.ts",
            &[],
            r#"import { MongoClient } from "mongodb";
import mongoose from "mongoose";
import { Cluster, Redis } from "ioredis";
import IORedis from "ioredis";
import { createClient as createRedis } from "redis";
import { createClient } from "@supabase/supabase-js";
import { createBrowserClient, createServerClient } from "@supabase/ssr";
import { neon, Pool as NeonPool } from "@neondatabase/serverless";
import { createClient as createWs } from "graphql-ws";
import Pusher from "pusher-js";
import io from "socket.io-client";
import { DataSource } from "typeorm";
import { Sequelize } from "sequelize";
import knex from "knex";
const a = MongoClient.connect(url);
const b = mongoose.createConnection(url);
const c = new IORedis.Cluster([]);
const d = new Redis();
const e = createRedis({ url });
const f = createClient(url, key);
const g = createBrowserClient(url, key);
const h = createServerClient(url, key, { cookies });
const i = neon(url);
const j = new NeonPool({ connectionString: url });
const k = createWs({ url });
const l = new Pusher(key);
const m = io(url);
const n = new DataSource({ type: "postgres" });
const o = new Sequelize(url);
const p = knex({ client: "pg" });
const q = new Cluster([]);
"#,
        );
        let got: Vec<(&str, Guard)> = f
            .clients
            .iter()
            .map(|c| (c.client.as_str(), c.guard))
            .collect();
        assert_eq!(
            got,
            vec![
                ("mongodb", Guard::None),
                ("mongoose", Guard::None),
                ("ioredis", Guard::None),
                ("ioredis", Guard::None),
                ("node-redis", Guard::None),
                ("supabase-js", Guard::None),
                ("supabase-ssr-browser", Guard::SingletonApi),
                ("neon-pool", Guard::None),
                ("graphql-ws", Guard::None),
                ("pusher-js", Guard::None),
                ("socket-io-client", Guard::None),
                ("typeorm", Guard::None),
                ("sequelize", Guard::None),
                ("knex", Guard::None),
                ("ioredis", Guard::None),
            ]
        );
        let ctors: Vec<&str> = f.clients.iter().map(|c| c.ctor.as_str()).collect();
        assert_eq!(
            &ctors[..3],
            &[
                "MongoClient.connect()",
                "mongoose.createConnection()",
                "new IORedis.Cluster()"
            ]
        );
        assert!(
            f.calls.is_empty(),
            "package calls are not recorded: {:#?}",
            f.calls
        );
    }

    #[test]
    fn dynamic_import_using_and_local_aliases() {
        let f = facts(
            "src/jobs/sync.ts",
            &["pg"],
            r#"export async function sync() {
  const { Pool } = await import("pg");
  await using pool = new Pool();
  await pool.query("select 1");
}
export async function cached() {
  const g = globalThis as unknown as { pool?: any };
  const { Client } = await import("pg");
  if (!g.pool) {
    g.pool = new Client();
  }
  return g.pool;
}
"#,
        );
        assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
        assert!(f.clients[0].released);
        assert_eq!(f.clients[1].guard, Guard::GlobalCache);
    }

    #[test]
    fn route_reexports_and_imported_handlers() {
        let f = facts(
            "app/api/auth/[...nextauth]/route.ts",
            &["next", "next-auth"],
            "export { GET, POST } from '@/lib/handlers';\n",
        );
        let refs: Vec<(&str, &str)> = f
            .handler_refs
            .iter()
            .map(|r| (r.name.as_str(), r.framework.as_str()))
            .collect();
        assert_eq!(refs, vec![("GET", "next-route"), ("POST", "next-route")]);
        assert_eq!(
            f.handler_refs[0]
                .module
                .as_ref()
                .map(|m| m.candidates[0].as_str()),
            Some("lib/handlers")
        );

        let f = facts(
            "src/app/api/users/route.ts",
            &["next"],
            "import { listUsers } from '@/server/users';\nexport const GET = withAuth(listUsers);\n",
        );
        assert_eq!(f.handler_refs.len(), 1);
        assert_eq!(f.handler_refs[0].name, "listUsers");

        let f = facts(
            "src/routes.ts",
            &["express"],
            "import express from 'express';\nimport users from './controllers/users';\nconst app = express();\napp.route('/users').get(users.list).post(users.create);\n",
        );
        let names: Vec<&str> = f.handler_refs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["list", "create"]);
    }

    #[test]
    fn functions_and_exports() {
        let f = facts(
            "src/controllers/user.js",
            &["express"],
            r#"exports.show = async (req, res) => {};
const list = async (req, res) => {};
function helper() {}
module.exports.list = list;
class UserService { async find() {} }
export default new UserService();
export const ctrl = { async create(req, res) {}, remove: async (req, res) => {} };
"#,
        );
        let got: Vec<(&str, bool)> = f
            .functions
            .iter()
            .map(|x| (x.name.as_str(), x.exported))
            .collect();
        assert_eq!(
            got,
            vec![
                ("show", true),
                ("list", true),
                ("helper", false),
                ("find", true),
                ("create", true),
                ("remove", true)
            ]
        );
    }

    #[test]
    fn calls_to_local_and_imported_functions() {
        let f = facts(
            "app/api/items/route.ts",
            &["next", "zod"],
            r#"import * as db from "../../../lib/db";
import getPool from "@/lib/pool";
import { z } from "zod";
export async function GET() {
  const pool = getPool();
  const client = await db.connect();
  try {
    return Response.json(await load(client));
  } finally {
    await client.close();
  }
}
async function load(c) { return z.string().parse(await c.query()); }
"#,
        );
        let got: Vec<(&str, &str, bool, bool)> = f
            .calls
            .iter()
            .map(|c| {
                (
                    c.callee.as_str(),
                    c.name.as_str(),
                    c.module.is_some(),
                    c.released,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("getPool", "getPool", true, false),
                ("db.connect", "connect", true, true),
                ("load", "load", false, false)
            ]
        );
        assert!(f.calls.iter().all(|c| c.scope.kind == ScopeKind::Handler));
    }

    #[test]
    fn module_insert_after_imports_requires_and_directives() {
        let text = "\"use client\";\nimport { io } from 'socket.io-client';\nconst x = 1;\nexport function Chat() { const s = io(); return <div />; }\n";
        let f = facts("components/chat.tsx", &["react"], text);
        let want = text.find("const x").map(|i| i as u32 - 1);
        assert_eq!(one_client(&f).anchors.module_insert, want);
        let text = "\"use client\";\nexport function Chat() { const s = require('socket.io-client').io(); return <div />; }\n";
        let f = facts("components/chat.jsx", &["react"], text);
        assert_eq!(one_client(&f).anchors.module_insert, Some(13));
        let text = "const { Pool } = require('pg');\nconst app = 1;\nfunction f() { return new Pool(); }\n";
        let f = facts("src/db.js", &[], text);
        assert_eq!(one_client(&f).anchors.module_insert, Some(31));
        assert_eq!(
            one_client(&f).anchors.statement.map(|s| &text[s.range()]),
            Some("return new Pool();")
        );
    }

    // ---------------------------------------------------------------- lifecycle facts

    fn one_effect(f: &FileFacts) -> &EffectFact {
        assert_eq!(f.effects.len(), 1, "{:#?}", f.effects);
        &f.effects[0]
    }

    fn acq<'f>(e: &'f EffectFact, pair: &str) -> &'f Acquisition {
        e.acquisitions
            .iter()
            .find(|a| a.pair == pair)
            .unwrap_or_else(|| panic!("no {pair} in {:#?}", e.acquisitions))
    }

    fn cleanup_calls(e: &EffectFact) -> Vec<String> {
        e.cleanup
            .as_ref()
            .map(|c| {
                c.calls
                    .iter()
                    .map(|c| match &c.receiver {
                        Some(r) => format!("{r}.{}({})", c.callee, c.args.join(",")),
                        None => format!("{}({})", c.callee, c.args.join(",")),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn canonical_texts() {
        assert_eq!(
            canon("window . addEventListener"),
            "window.addEventListener"
        );
        assert_eq!(canon("'resize'"), "\"resize\"");
        assert_eq!(canon("`resize`"), "\"resize\"");
        assert_eq!(canon("`id-${x}`"), "`id-${x}`");
        assert_eq!(canon("ref.current?.close"), "ref.current.close");
        assert_eq!(canon("unsub?.()"), "unsub()");
        assert_eq!(canon("ref.current!.close()"), "ref.current.close()");
        assert_eq!(canon("a !== b"), "a!==b");
        assert_eq!(canon("typeof  x"), "typeof x");
        assert_eq!(canon("f(a, /* c */ b)"), "f(a,b)");
        assert_eq!(canon("x ? .5 : 1"), "x?.5:1");
        assert_eq!(canon("'it\\'s'"), "\"it\\'s\"");
    }

    #[test]
    fn effect_stream_chat_seed_forms() {
        // Seed 003: `connectUser` in an effect; the fix disconnects through the promise.
        let f = facts(
            "src/components/messaging/MessagingTab.tsx",
            &["next", "react", "stream-chat"],
            r#"import { useEffect, useState } from "react";
import { StreamChat } from "stream-chat";
const client = StreamChat.getInstance(process.env.NEXT_PUBLIC_STREAM_KEY!);
export function MessagingTab({ user, token }: Props) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const connecting = client.connectUser({ id: user.id }, token);
    connecting.then(() => setReady(true));
    return () => {
      setReady(false);
      connecting.then(() => client.disconnectUser());
    };
  }, [user.id, token]);
  return <div>{ready ? "ok" : "…"}</div>;
}
"#,
        );
        let e = one_effect(&f);
        assert_eq!(e.hook, "useEffect");
        assert_eq!(e.component.as_deref(), Some("MessagingTab"));
        assert_eq!(e.acquisitions.len(), 1, "{:#?}", e.acquisitions);
        let a = acq(e, "stream-connect-user");
        assert_eq!(a.receiver.as_deref(), Some("client"));
        assert_eq!(a.binding.as_deref(), Some("connecting"));
        assert_eq!(a.call, "client.connectUser({ id: user.id }, token)");
        assert!(
            cleanup_calls(e).contains(&"client.disconnectUser()".to_string()),
            "{:?}",
            cleanup_calls(e)
        );
        assert!(e.anchors.cleanup_end.is_some());
        assert!(e.anchors.body_end.is_some());
        assert_eq!(e.anchors.indent, "    ");

        // Without cleanup, and a client built inside the effect.
        let f = facts(
            "src/app/[locale]/VideoCall/hooks/useVideoCallSimple.ts",
            &["next", "react", "@stream-io/video-react-sdk"],
            r#"import { useEffect, useState } from "react";
import { StreamVideoClient, Call } from "@stream-io/video-react-sdk";
export function useVideoCallSimple(apiKey: string, user: User, token: string, callId: string) {
  const [call, setCall] = useState<Call>();
  useEffect(() => {
    const client = new StreamVideoClient({ apiKey, user, token });
    const c = client.call("default", callId);
    c.join({ create: true });
    setCall(c);
  }, [callId]);
  return call;
}
"#,
        );
        let e = one_effect(&f);
        assert_eq!(e.component.as_deref(), Some("useVideoCallSimple"));
        assert!(e.cleanup.is_none());
        assert_eq!(
            acq(e, "client:stream-video").binding.as_deref(),
            Some("client")
        );
        assert_eq!(acq(e, "stream-call-join").receiver.as_deref(), Some("c"));
        assert_eq!(e.acquisitions.len(), 2);
        // Just before the closing `}` of the effect's body.
        assert_eq!(
            e.anchors.body_end,
            Some(u32::try_from(f_text_pos("}, [callId]);")).unwrap())
        );
    }

    /// Where a snippet of the last test source starts (helper for anchor checks).
    fn f_text_pos(needle: &str) -> usize {
        let text = r#"import { useEffect, useState } from "react";
import { StreamVideoClient, Call } from "@stream-io/video-react-sdk";
export function useVideoCallSimple(apiKey: string, user: User, token: string, callId: string) {
  const [call, setCall] = useState<Call>();
  useEffect(() => {
    const client = new StreamVideoClient({ apiKey, user, token });
    const c = client.call("default", callId);
    c.join({ create: true });
    setCall(c);
  }, [callId]);
  return call;
}
"#;
        text.find(needle).unwrap()
    }

    #[test]
    fn effect_bindings_chains_signals() {
        let f = facts(
            "src/components/Room.tsx",
            &["react", "@supabase/supabase-js"],
            r#"import { useEffect, useRef } from "react";
import { supabase } from "../lib/supabase";
export default function Room({ id }: { id: string }) {
  const ws = useRef<WebSocket | null>(null);
  const timer = useRef<number>();
  useEffect(() => {
    const channel = supabase
      .channel(`room-${id}`)
      .on("postgres_changes", { event: "INSERT", schema: "public" }, (p) => console.log(p))
      .subscribe();
    const { data: { subscription } } = supabase.auth.onAuthStateChange((_e, s) => {});
    ws.current = new WebSocket(URL);
    timer.current = window.setInterval(() => {}, 500);
    const controller = new AbortController();
    const { signal } = controller;
    window.addEventListener('resize', onResize, { signal });
    document.addEventListener("keydown", onKey, { signal: controller.signal, capture: true });
    const other = supabase.channel("x");
    other.subscribe();
    return () => {
      supabase.removeChannel(channel);
      subscription?.unsubscribe();
      ws.current!.close();
      window.clearInterval(timer.current);
      controller.abort();
      window.removeEventListener("scroll", () => onScroll());
    };
  }, [id]);
  return <p />;
}
"#,
        );
        let e = one_effect(&f);
        let sub: Vec<&Acquisition> = e
            .acquisitions
            .iter()
            .filter(|a| a.pair == "subscription")
            .collect();
        assert_eq!(sub.len(), 2, "{:#?}", e.acquisitions);
        assert_eq!(sub[0].binding.as_deref(), Some("channel"));
        assert_eq!(
            sub[0].call,
            "supabase.channel(`room-${id}`).on(\"postgres_changes\", …, …).subscribe()"
        );
        // The receiver stands for the result of an unbound `channel.subscribe()`.
        assert_eq!(sub[1].binding.as_deref(), Some("other"));
        // The chain's inner `on(…)` is not an acquisition of its own.
        assert!(e.acquisitions.iter().all(|a| a.pair != "emitter-listener"));
        assert_eq!(
            acq(e, "auth-listener").binding.as_deref(),
            Some("subscription")
        );
        assert_eq!(acq(e, "websocket").binding.as_deref(), Some("ws.current"));
        let interval = acq(e, "interval");
        assert_eq!(interval.binding.as_deref(), Some("timer.current"));
        assert_eq!(interval.receiver.as_deref(), Some("window"));
        let listeners: Vec<&Acquisition> = e
            .acquisitions
            .iter()
            .filter(|a| a.pair == "event-listener")
            .collect();
        assert_eq!(listeners.len(), 2);
        assert_eq!(listeners[0].signal.as_deref(), Some("controller.signal"));
        assert_eq!(listeners[0].args[0], "\"resize\"");
        assert_eq!(listeners[1].signal.as_deref(), Some("controller.signal"));
        let calls = cleanup_calls(e);
        assert!(
            calls
                .iter()
                .any(|c| c
                    .starts_with("window.removeEventListener(\"scroll\",<function literal at ")),
            "{calls:?}"
        );
        for want in [
            "supabase.removeChannel(channel)",
            "subscription.unsubscribe()",
            "ws.current.close()",
            "window.clearInterval(timer.current)",
            "controller.abort()",
        ] {
            assert!(calls.contains(&want.to_string()), "{want} not in {calls:?}");
        }
    }

    #[test]
    fn effect_cleanup_forms() {
        let f = facts(
            "src/hooks/useFeed.ts",
            &["react", "firebase", "socket.io-client"],
            r#"import { useEffect, useLayoutEffect } from "react";
import * as React from "react";
import { onSnapshot, collection, onAuthStateChanged } from "firebase/firestore";
import { socket } from "../socket";
function detach(s) { s.off("message", onMessage); again(s); }
function again(s) { detach(s); }
export function useFeed(db, auth, onValue) {
  useEffect(() => onSnapshot(collection(db, "feed"), (s) => {}), [db]);
  useEffect(() => {
    const unsub = onAuthStateChanged(auth, () => {});
    onValue(1);
    return unsub;
  }, [auth]);
  useLayoutEffect(() => {
    socket.on("message", onMessage);
    const id = setInterval(tick, 1000);
    function cleanup() {
      clearInterval(id);
      detach(socket);
    }
    return cleanup;
  }, []);
  useEffect(() => window.addEventListener("online", onOnline), []);
  React.useEffect(() => {
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const ro = new ResizeObserver(() => {});
    ro.observe(document.body);
    const t = setTimeout(() => {}, 10);
    if (!db) return;
    return () => ro.disconnect();
  });
}
"#,
        );
        assert_eq!(f.effects.len(), 5, "{:#?}", f.effects);
        // Returning what `addEventListener` returns is no cleanup.
        let e = &f.effects[3];
        assert!(!acq(e, "event-listener").returned);
        assert!(e.cleanup.is_none());
        // `return onSnapshot(…)` (arrow expression body).
        let e = &f.effects[0];
        let a = acq(e, "firebase-listener");
        assert!(a.returned);
        assert!(e.cleanup.is_some());
        // `return unsub`: a disposer, recorded as a call of `unsub`; `onValue` is a parameter.
        let e = &f.effects[1];
        assert_eq!(e.acquisitions.len(), 1, "{:#?}", e.acquisitions);
        let a = acq(e, "auth-listener");
        assert!(a.returned);
        assert_eq!(a.binding.as_deref(), Some("unsub"));
        assert_eq!(cleanup_calls(e), vec!["unsub()".to_string()]);
        // A cleanup declared in the effect and returned by name, with a module-level helper
        // (recursive: followed once).
        let e = &f.effects[2];
        assert_eq!(e.hook, "useLayoutEffect");
        let calls = cleanup_calls(e);
        assert!(
            calls.contains(&"clearInterval(id)".to_string()),
            "{calls:?}"
        );
        // `detach(socket)`: the helper's parameter stands for its argument.
        assert!(
            calls.contains(&"socket.off(\"message\",onMessage)".to_string()),
            "{calls:?}"
        );
        assert_eq!(e.acquisitions.len(), 2, "{:#?}", e.acquisitions);
        assert_eq!(
            acq(e, "emitter-listener").receiver.as_deref(),
            Some("socket")
        );
        assert!(e.anchors.cleanup_end.is_some());
        // `React.useEffect`, an early `return;`, an expression-bodied cleanup.
        let e = &f.effects[4];
        assert_eq!(e.hook, "useEffect");
        assert_eq!(cleanup_calls(e), vec!["ro.disconnect()".to_string()]);
        assert_eq!(acq(e, "observer").binding.as_deref(), Some("ro"));
        assert_eq!(acq(e, "timeout").binding.as_deref(), Some("t"));
        assert!(e.anchors.cleanup_expr.is_some());
        assert_eq!(e.anchors.cleanup_end, None);
    }

    #[test]
    fn effect_pairs_follow_modules_receivers_and_locals() {
        let f = facts(
            "src/Live.jsx",
            &["react", "pusher-js", "@stream-io/video-react-sdk"],
            r#"import { useEffect } from "react";
import Pusher from "pusher-js";
import { useCall } from "@stream-io/video-react-sdk";
const pusher = new Pusher("key", { cluster: "eu" });
export function Live({ room, setInterval }) {
  const call = useCall();
  useEffect(() => {
    const channel = pusher.subscribe(room);
    channel.bind("update", onUpdate);
    call.join();
    game.join();
    setInterval(1);
    return () => {
      channel.unbind("update", onUpdate);
      pusher.unsubscribe(room);
    };
  }, [room]);
  return null;
}
"#,
        );
        let e = one_effect(&f);
        let pairs: Vec<&str> = e.acquisitions.iter().map(|a| a.pair.as_str()).collect();
        // `channel.bind(…)` goes with the subscription it is bound on.
        assert_eq!(pairs, vec!["pusher-subscribe", "stream-call-join"]);

        // React Native: `addEventListener` returns a subscription.
        let f = facts(
            "src/useAppState.ts",
            &["react", "react-native"],
            r#"import { useEffect } from "react";
import { AppState } from "react-native";
export function useAppState(cb) {
  useEffect(() => {
    const sub = AppState.addEventListener("change", cb);
    return () => sub.remove();
  }, [cb]);
}
"#,
        );
        let e = one_effect(&f);
        assert_eq!(acq(e, "app-state-listener").binding.as_deref(), Some("sub"));
        assert_eq!(cleanup_calls(e), vec!["sub.remove()".to_string()]);
    }

    #[test]
    fn listeners_on_objects_the_effect_creates_go_with_them() {
        let f = facts(
            "src/Feed.tsx",
            &["react", "socket.io-client"],
            r#"import { useEffect, useRef } from "react";
import { io } from "socket.io-client";
import { socket as shared } from "./socket";
export function Feed({ url }) {
  const sref = useRef(null);
  useEffect(() => {
    const ws = new WebSocket(url);
    ws.addEventListener("message", onMessage);
    sref.current = io(url);
    sref.current.on("message", onMessage);
    shared.on("message", onMessage);
    return () => {
      ws.close();
      sref.current.disconnect();
    };
  }, [url]);
  return null;
}
"#,
        );
        let e = one_effect(&f);
        let got: Vec<(&str, Option<&str>)> = e
            .acquisitions
            .iter()
            .map(|a| {
                (
                    a.pair.as_str(),
                    a.receiver.as_deref().or(a.binding.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("websocket", Some("ws")),
                ("client:socket-io-client", Some("sref.current")),
                ("emitter-listener", Some("shared")),
            ]
        );
    }

    #[test]
    fn class_component_effects() {
        let f = facts(
            "src/Clock.jsx",
            &["react"],
            r#"import React from "react";
export default class Clock extends React.Component {
  state = { now: Date.now() };
  componentDidMount() {
    this.timer = setInterval(() => this.setState({ now: Date.now() }), 1000);
    this.listen();
  }
  listen() {
    window.addEventListener("resize", this.onResize);
  }
  onResize = () => this.forceUpdate();
  componentWillUnmount() {
    this.stop();
  }
  stop() {
    clearInterval(this.timer);
  }
  render() {
    return <time>{this.state.now}</time>;
  }
}
"#,
        );
        let e = one_effect(&f);
        assert_eq!(e.hook, "componentDidMount");
        assert_eq!(e.component.as_deref(), Some("Clock"));
        assert_eq!(acq(e, "interval").binding.as_deref(), Some("this.timer"));
        let l = acq(e, "event-listener");
        assert_eq!(
            l.args,
            vec!["\"resize\"".to_string(), "this.onResize".to_string()]
        );
        let calls = cleanup_calls(e);
        assert!(
            calls.contains(&"clearInterval(this.timer)".to_string()),
            "{calls:?}"
        );
        assert!(e.anchors.cleanup_end.is_some() && e.anchors.body_end.is_some());

        // A disposer kept on the instance.
        let f = facts(
            "src/Cart.jsx",
            &["react"],
            r#"import React from "react";
import { store } from "./store";
export class Cart extends React.PureComponent {
  componentDidMount() {
    this.unsubscribe = store.subscribe(() => this.forceUpdate());
  }
  componentWillUnmount() {
    this.unsubscribe();
  }
  render() { return null; }
}
"#,
        );
        let e = one_effect(&f);
        assert_eq!(
            acq(e, "subscription").binding.as_deref(),
            Some("this.unsubscribe")
        );
        assert_eq!(cleanup_calls(e), vec!["this.unsubscribe()".to_string()]);

        // No `componentWillUnmount`: no cleanup. A class without `extends` is not a component.
        let f = facts(
            "src/Ticker.js",
            &["react"],
            r#"import { Component } from "react";
export class Ticker extends Component {
  componentDidMount() { this.id = setInterval(this.tick, 1000); }
  render() { return null; }
}
class Plain { componentDidMount() { setInterval(f, 1); } }
"#,
        );
        let e = one_effect(&f);
        assert!(e.cleanup.is_none());
    }

    #[test]
    fn vue_composables() {
        let f = facts(
            "src/composables/useWindowSize.ts",
            &["vue"],
            r#"import { ref, onMounted, onBeforeUnmount } from "vue";
export function useWindowSize() {
  const width = ref(window.innerWidth);
  const update = () => (width.value = window.innerWidth);
  onMounted(() => {
    window.addEventListener("resize", update);
    const es = new EventSource("/events");
  });
  onBeforeUnmount(() => window.removeEventListener("resize", update));
  return { width };
}
"#,
        );
        let e = one_effect(&f);
        assert_eq!(e.hook, "onMounted");
        assert_eq!(e.component.as_deref(), Some("useWindowSize"));
        assert_eq!(e.acquisitions.len(), 2);
        assert_eq!(
            cleanup_calls(e),
            vec!["window.removeEventListener(\"resize\",update)".to_string()]
        );
        assert!(e.anchors.cleanup_expr.is_some());

        // Nuxt auto-imports: no import; a local `onMounted` is not Vue's.
        let f = facts(
            "composables/useTicker.ts",
            &["nuxt"],
            "export const useTicker = () => { onMounted(() => { setInterval(tick, 1000); }); };\n",
        );
        assert!(one_effect(&f).cleanup.is_none());
        let f = facts(
            "src/x.ts",
            &["vue"],
            "function onMounted(f) { f(); }\nexport function g() { onMounted(() => setInterval(t, 1)); }\n",
        );
        assert!(f.effects.is_empty());
    }

    fn one_session(f: &FileFacts) -> &SessionSite {
        assert_eq!(f.sessions.len(), 1, "{:#?}", f.sessions);
        &f.sessions[0]
    }

    #[test]
    fn pg_checkouts() {
        let text = r#"import { Pool } from "pg";
const pool = new Pool({ max: 10 });
export async function leak(id: string) {
  const client = await pool.connect();
  const { rows } = await client.query("select * from users where id = $1", [id]);
  return rows[0];
}
export async function happyPath() {
  const client = await pool.connect();
  const r = await client.query("select 1");
  client.release();
  return r.rows;
}
export async function onlyInCatch() {
  const client = await pool.connect();
  try {
    return (await client.query("select 1")).rows;
  } catch (e) {
    client.release();
    throw e;
  }
}
export async function finallyRelease() {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}
export async function bothPaths() {
  const client = await pool.connect();
  try {
    await client.query("x");
  } catch (e) {
    client.release(true);
    throw e;
  }
  client.release();
}
export async function handOver() {
  return pool.connect();
}
export async function handOver2() {
  const c = await pool.connect();
  return c;
}
export function callbackStyle() {
  pool.connect((err, client, done) => { done(); });
  pool.connect().then((c) => c.release());
}
"#;
        let f = facts("src/db/users.ts", &["pg", "express"], text);
        let closing: Vec<(String, Closing)> = f
            .sessions
            .iter()
            .map(|s| {
                let name = f
                    .function(s.in_fn)
                    .map(|x| x.name.clone())
                    .unwrap_or_default();
                (name, s.closing)
            })
            .collect();
        let want: Vec<(String, Closing)> = [
            ("leak", Closing::Never),
            ("happyPath", Closing::NotOnErrorPaths),
            ("onlyInCatch", Closing::NotOnErrorPaths),
            ("finallyRelease", Closing::Always),
            ("bothPaths", Closing::Always),
            ("handOver", Closing::HandedOver),
            ("handOver2", Closing::HandedOver),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b))
        .collect();
        assert_eq!(closing, want);
        let s = &f.sessions[0];
        assert_eq!(s.client, "pg-pool-checkout");
        assert_eq!(s.kind, ClientKind::Checkout);
        assert_eq!(s.ctor, "pool.connect()");
        assert_eq!(s.release.as_deref(), Some("release"));
        assert_eq!(s.binding.as_deref(), Some("client"));
        assert_eq!(s.scope.kind, ScopeKind::Function);
        assert_eq!(&text[s.span.range()], "pool.connect()");
        assert_eq!(
            s.anchors.statement.map(|x| &text[x.range()]),
            Some("const client = await pool.connect();")
        );
        assert_eq!(
            s.anchors.rest_of_block.map(|x| &text[x.range()]),
            Some(
                "const { rows } = await client.query(\"select * from users where id = $1\", [id]);\n  return rows[0];"
            )
        );
        assert_eq!(s.anchors.indent, "  ");
    }

    #[test]
    fn checkout_receivers() {
        // Imported from the project: the name heuristic, only where pg is used.
        let text = r#"import { pool } from "@/lib/db";
import db from "../db";
export async function GET() {
  const client = await pool.connect();
  try { return Response.json((await client.query("select 1")).rows); } finally { client.release(); }
}
export async function POST() {
  const c = await db.pgPool.connect();
  await c.query("x");
}
export async function other(socket) {
  await socket.connect();
}
"#;
        let f = facts("app/api/x/route.ts", &["next", "pg"], text);
        assert_eq!(f.sessions.len(), 2, "{:#?}", f.sessions);
        assert_eq!(f.sessions[0].closing, Closing::Always);
        assert_eq!(f.sessions[0].scope.kind, ScopeKind::Handler);
        assert_eq!(f.sessions[1].ctor, "db.pgPool.connect()");
        assert_eq!(f.sessions[1].closing, Closing::Never);
        let f = facts("app/api/x/route.ts", &["next", "mongodb"], text);
        assert!(f.sessions.is_empty());

        // Bound in the file: a class field, `this.pool`, mysql2 and neon pools.
        let f = facts(
            "src/repo.ts",
            &["mysql2"],
            r#"import mysql from "mysql2/promise";
import { createClient } from "redis";
export class Repo {
  pool = mysql.createPool({ uri: process.env.DATABASE_URL });
  redisPool = createClient();
  async find(id: number) {
    const conn = await this.pool.getConnection();
    try {
      const [rows] = await conn.query("select 1");
      return rows;
    } finally {
      conn.release();
    }
  }
  async ping() { await this.redisPool.connect(); }
}
"#,
        );
        let s = one_session(&f);
        assert_eq!(s.client, "mysql2-pool-checkout");
        assert_eq!(s.ctor, "this.pool.getConnection()");
        assert_eq!(s.closing, Closing::Always);
    }

    #[test]
    fn single_connections() {
        let f = facts(
            "src/jobs.js",
            &["pg", "mysql2"],
            r#"const { Client } = require("pg");
const mysql = require("mysql2/promise");
async function report() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const res = await client.query("select count(*) from orders");
  console.log(res.rows);
}
async function unconnected() {
  const client = new Client();
  return client.escapeLiteral("x");
}
async function closed() {
  const client = new Client();
  await client.connect();
  try { await client.query("x"); } finally { await client.end(); }
}
async function legacy() {
  const conn = await mysql.createConnection({ host: "db" });
  const [rows] = await conn.execute("select 1");
  await conn.end();
  return rows;
}
async function usingIt() {
  await using conn = await mysql.createConnection({ host: "db" });
}
module.exports = { report, unconnected, closed, legacy, usingIt };
"#,
        );
        let got: Vec<(&str, &str, Closing)> = f
            .sessions
            .iter()
            .map(|s| (s.client.as_str(), s.ctor.as_str(), s.closing))
            .collect();
        assert_eq!(
            got,
            vec![
                ("pg-client", "new Client()", Closing::Never),
                ("pg-client", "new Client()", Closing::Always),
                (
                    "mysql2-connection",
                    "mysql.createConnection()",
                    Closing::NotOnErrorPaths
                ),
                (
                    "mysql2-connection",
                    "mysql.createConnection()",
                    Closing::Always
                ),
            ]
        );
        assert_eq!(f.sessions[0].release.as_deref(), Some("end"));
    }

    #[test]
    fn production_only_branches() {
        let text = r#"import { PrismaClient } from "@prisma/client";
import { MongoClient } from "mongodb";
const isProd = process.env.NODE_ENV === "production";
let prisma: PrismaClient;
if (process.env.NODE_ENV === "production") {
  prisma = new PrismaClient();
} else {
  if (!global.prisma) global.prisma = new PrismaClient();
  prisma = global.prisma;
}
export const db = process.env.NODE_ENV === 'production' ? new PrismaClient() : (globalThis.prisma ??= new PrismaClient());
if (isProd) { new MongoClient("a"); }
if (process.env.NODE_ENV !== "production") { dev(); } else { new MongoClient("b"); }
if ("development" == process.env.NODE_ENV) dev(); else new MongoClient("c");
if (process.env.NODE_ENV !== "development" && ok) { new MongoClient("d"); }
if (!isProd) { dev(); }
if (process.env.NODE_ENV === "test") { new MongoClient("e"); }
"#;
        let f = facts("lib/db.ts", &["next", "@prisma/client", "mongodb"], text);
        let spans: Vec<&str> = f.production_only.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            spans,
            vec![
                "{\n  prisma = new PrismaClient();\n}",
                "new PrismaClient()",
                "{ new MongoClient(\"a\"); }",
                "{ new MongoClient(\"b\"); }",
                "new MongoClient(\"c\");",
                "{ new MongoClient(\"d\"); }",
            ]
        );
        let inside = |c: &ClientSite| f.production_only.iter().any(|p| p.contains(c.span));
        let unguarded_dev: Vec<&ClientSite> = f
            .clients
            .iter()
            .filter(|c| c.guard == Guard::None && !inside(c))
            .collect();
        assert_eq!(unguarded_dev.len(), 1, "{unguarded_dev:#?}");
        assert_eq!(
            &text[unguarded_dev[0].span.range()],
            "new MongoClient(\"e\")"
        );
    }

    #[test]
    fn canonical_global_caches_at_module_scope() {
        let cases = [
            "import { PrismaClient } from '@prisma/client';\nexport const prisma = (globalThis.prisma ??= new PrismaClient());\n",
            "import { PrismaClient } from '@prisma/client';\nglobalThis.prisma ||= new PrismaClient();\nexport const prisma = globalThis.prisma;\n",
            r#"import { PrismaClient } from "@prisma/client";
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
"#,
            r#"import { PrismaClient } from "@prisma/client";
const globalForPrisma = global as unknown as { prisma: PrismaClient };
export const prisma = globalForPrisma.prisma || new PrismaClient({ log: ["query"] });
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
"#,
            r#"import { MongoClient } from "mongodb";
const uri = process.env.MONGODB_URI!;
const options = {};
let client: MongoClient;
if (process.env.NODE_ENV === "development") {
  let globalWithMongo = global as typeof globalThis & { _mongoClient?: MongoClient };
  if (!globalWithMongo._mongoClient) {
    globalWithMongo._mongoClient = new MongoClient(uri, options);
  }
  client = globalWithMongo._mongoClient;
}
export default client;
"#,
        ];
        for text in cases {
            let f = facts("lib/db.ts", &["next", "@prisma/client", "mongodb"], text);
            let c = one_client(&f);
            assert_eq!(c.scope.kind, ScopeKind::Module, "{text}");
            assert_eq!(c.guard, Guard::GlobalCache, "{text}");
        }
        // The with-mongodb example: the development branch caches, the other is production only.
        let text = r#"import { MongoClient } from "mongodb";
const uri = process.env.MONGODB_URI!;
let client: MongoClient;
if (process.env.NODE_ENV === "development") {
  let globalWithMongo = global as typeof globalThis & { _mongoClient?: MongoClient };
  if (!globalWithMongo._mongoClient) {
    globalWithMongo._mongoClient = new MongoClient(uri);
  }
  client = globalWithMongo._mongoClient;
} else {
  client = new MongoClient(uri);
}
export default client;
"#;
        let f = facts("lib/mongodb.ts", &["next", "mongodb"], text);
        assert_eq!(f.clients.len(), 2);
        assert_eq!(f.clients[0].guard, Guard::GlobalCache);
        assert_eq!(f.clients[1].guard, Guard::None);
        assert!(
            f.production_only
                .iter()
                .any(|p| p.contains(f.clients[1].span))
        );
        assert!(
            !f.production_only
                .iter()
                .any(|p| p.contains(f.clients[0].span))
        );
    }

    #[test]
    fn deep_and_wide_files_stay_linear() {
        let depth = 2000;
        let mut text = String::from("import { Pool } from 'pg';\nconst x = ");
        text.push_str(&"(() => ".repeat(depth));
        text.push_str("new Pool()");
        text.push_str(&")".repeat(depth));
        text.push_str(";\nconst y = ");
        text.push_str(&vec!["a"; 20_000].join(" + "));
        text.push_str(";\n");
        for i in 0..5_000 {
            text.push_str(&format!("export async function f{i}() {{ return g(); }}\n"));
        }
        let t = std::time::Instant::now();
        let f = facts("src/deep.ts", &["pg"], &text);
        assert_eq!(f.clients.len(), 1);
        assert_eq!(f.functions.len(), 5_000);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            t.elapsed()
        );
    }

    // -------------------------------------------------------------------- configuration

    /// The config of client `i`, by the client's index.
    fn config(f: &FileFacts, i: usize) -> &ClientConfig {
        f.client_config(i)
            .unwrap_or_else(|| panic!("no config for client {i}: {:#?}", f.client_configs))
    }

    fn opt<'f>(c: &'f ClientConfig, key: &str) -> &'f OptValue {
        &c.option(key)
            .unwrap_or_else(|| panic!("no option {key}: {:#?}", c.options))
            .value
    }

    fn env_name(c: &ClientConfig) -> Option<&str> {
        c.url.as_ref().and_then(UrlRef::env_name)
    }

    fn literal_url(c: &ClientConfig) -> Option<&str> {
        c.url.as_ref().and_then(UrlRef::literal).map(|(t, _)| t)
    }

    #[test]
    fn pg_and_postgres_js_options_and_env_urls() {
        let text = r#"import { Pool } from "pg";
import postgres from "postgres";
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  idleTimeoutMillis: 30_000,
  ssl: { rejectUnauthorized: false },
});
export function makeSql() {
  const url = process.env.POOLER_URL!;
  return postgres(url, { prepare: false, max: 10 });
}
"#;
        let f = facts("lib/db.ts", &["pg", "postgres"], text);
        assert_eq!(f.clients.len(), 2);
        let c = config(&f, 0);
        assert_eq!(opt(c, "max"), &OptValue::Int(20));
        assert_eq!(opt(c, "idleTimeoutMillis"), &OptValue::Int(30000));
        assert_eq!(opt(c, "ssl.rejectUnauthorized"), &OptValue::Bool(false));
        assert_eq!(opt(c, "connectionString"), &OptValue::Unknown);
        assert_eq!(env_name(c), Some("DATABASE_URL"));
        let max = c.options.iter().find(|o| o.key == "max").unwrap();
        assert_eq!(&text[max.span.range()], "20");
        let Some(UrlRef::Env { span, .. }) = &c.url else {
            panic!()
        };
        assert_eq!(&text[span.range()], "process.env.DATABASE_URL");

        let c = config(&f, 1);
        assert_eq!(opt(c, "prepare"), &OptValue::Bool(false));
        assert_eq!(opt(c, "max"), &OptValue::Int(10));
        assert_eq!(env_name(c), Some("POOLER_URL"), "through `const url = …!`");
    }

    #[test]
    fn nested_options_and_module_constants() {
        let f = facts(
            "src/db.ts",
            &["knex", "sequelize", "drizzle-orm", "pg"],
            r#"import knex from "knex";
import { Sequelize } from "sequelize";
import { drizzle } from "drizzle-orm/node-postgres";
const POOL_MAX = 60;
export const MIN = -1;
const base = { min: 2, max: 4 };
let changed = 5;
changed = 6;
export const db = knex({ client: "pg", connection: process.env.DATABASE_URL, pool: { ...base, max: 50 } });
export const sequelize = new Sequelize(process.env.DATABASE_URL ?? "", {
  dialect: "postgres",
  logging: false,
  pool: { max: POOL_MAX, min: MIN, idle: changed, acquire: Number(POOL_MAX), evict: Number(process.env.X) },
});
export const orm = drizzle({ connection: { connectionString: process.env.PG_URL, max: 5 } });
"#,
        );
        assert_eq!(f.clients.len(), 3, "{:#?}", f.clients);
        let k = config(&f, 0);
        assert_eq!(opt(k, "client"), &OptValue::Str("pg".into()));
        assert_eq!(opt(k, "pool.max"), &OptValue::Int(50), "a later key wins");
        assert_eq!(opt(k, "pool.min"), &OptValue::Int(2), "through the spread");
        assert_eq!(env_name(k), Some("DATABASE_URL"));
        let s = config(&f, 1);
        assert_eq!(opt(s, "pool.max"), &OptValue::Int(60));
        assert_eq!(opt(s, "pool.min"), &OptValue::Int(-1));
        assert_eq!(
            opt(s, "pool.idle"),
            &OptValue::Name("changed".into()),
            "reassigned: not followed"
        );
        assert_eq!(opt(s, "pool.acquire"), &OptValue::Int(60));
        assert_eq!(opt(s, "pool.evict"), &OptValue::Unknown);
        assert_eq!(opt(s, "logging"), &OptValue::Bool(false));
        assert_eq!(env_name(s), Some("DATABASE_URL"), "through `?? \"\"`");
        let d = config(&f, 2);
        assert_eq!(opt(d, "connection.max"), &OptValue::Int(5));
        assert_eq!(env_name(d), Some("PG_URL"));
    }

    #[test]
    fn prisma_urls_explicit_and_implicit() {
        let text = r#"import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
export const a = new PrismaClient();
export const b = new PrismaClient({ datasources: { db: { url: process.env.POOLED_DATABASE_URL } } });
export const c = new PrismaClient({ datasourceUrl: "postgresql://u:p@db.example.com:6543/app?pgbouncer=true", log: ["query"] });
const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
export const d = new PrismaClient({ adapter });
"#;
        let f = facts("lib/prisma.ts", &["@prisma/client"], text);
        assert_eq!(f.clients.len(), 4);
        let a = config(&f, 0);
        assert!(a.options.is_empty());
        assert_eq!(env_name(a), Some("DATABASE_URL"));
        let Some(UrlRef::Env { span, .. }) = &a.url else {
            panic!()
        };
        assert_eq!(&text[span.range()], "new PrismaClient()");
        let b = config(&f, 1);
        assert_eq!(opt(b, "datasources.db.url"), &OptValue::Unknown);
        assert_eq!(env_name(b), Some("POOLED_DATABASE_URL"));
        let c = config(&f, 2);
        assert_eq!(
            literal_url(c),
            Some("postgresql://u:p@db.example.com:6543/app?pgbouncer=true")
        );
        let Some(UrlRef::Literal { span, text: t }) = &c.url else {
            panic!()
        };
        assert_eq!(&text[span.range()], t.as_str());
        assert_eq!(opt(c, "log"), &OptValue::Unknown);
        let d = config(&f, 3);
        assert_eq!(d.url, None, "a driver adapter brings its own URL");
        assert_eq!(opt(d, "adapter"), &OptValue::Unknown);
    }

    #[test]
    fn mongo_mysql_redis_urls() {
        let f = facts(
            "lib/clients.ts",
            &["mongodb", "mongoose", "mysql2", "ioredis", "redis"],
            r#"import { MongoClient, ServerApiVersion } from "mongodb";
import mongoose from "mongoose";
import mysql from "mysql2/promise";
import Redis from "ioredis";
import { createClient } from "redis";
const uri = process.env.MONGODB_URI as string;
const options = { maxPoolSize: 200, serverApi: { version: ServerApiVersion.v1, strict: true } };
export const mongo = new MongoClient(uri, options);
export const conn = mongoose.connect(process.env["MONGO_URL"]!, { maxPoolSize: 50 });
export const pool = mysql.createPool(process.env.MYSQL_URL!);
export const redis = new Redis("redis://localhost:6379/0");
export const r2 = new Redis(6379, "localhost");
export const r3 = createClient({ url: `${process.env.REDIS_URL}` });
export const my2 = mysql.createPool({ host: "localhost", user: "root", connectionLimit: 10 });
"#,
        );
        assert_eq!(f.clients.len(), 7, "{:#?}", f.clients);
        let m = config(&f, 0);
        assert_eq!(env_name(m), Some("MONGODB_URI"));
        assert_eq!(opt(m, "maxPoolSize"), &OptValue::Int(200));
        assert_eq!(
            opt(m, "serverApi.version"),
            &OptValue::Name("ServerApiVersion.v1".into())
        );
        assert_eq!(opt(m, "serverApi.strict"), &OptValue::Bool(true));
        let g = config(&f, 1);
        assert_eq!(env_name(g), Some("MONGO_URL"));
        assert_eq!(opt(g, "maxPoolSize"), &OptValue::Int(50));
        assert_eq!(env_name(config(&f, 2)), Some("MYSQL_URL"));
        assert_eq!(literal_url(config(&f, 3)), Some("redis://localhost:6379/0"));
        assert!(
            f.client_configs.iter().all(|c| c.client != 4),
            "no URL, no options"
        );
        assert_eq!(env_name(config(&f, 5)), Some("REDIS_URL"));
        let my = config(&f, 6);
        assert_eq!(my.url, None, "a host is not a URL");
        assert_eq!(opt(my, "connectionLimit"), &OptValue::Int(10));
        assert_eq!(opt(my, "host"), &OptValue::Str("localhost".into()));
    }

    #[test]
    fn environment_forms() {
        let f = facts(
            "src/server/db.ts",
            &["pg", "postgres", "ioredis"],
            r#"import { Pool } from "pg";
import postgres from "postgres";
import Redis from "ioredis";
import { env } from "~/env.mjs";
import { DATABASE_URL as STATIC_URL } from "$env/static/private";
const { DATABASE_URL, REDIS_URL: redisUrl } = process.env;
export const a = new Pool({ connectionString: env.DATABASE_URL });
export const b = postgres(import.meta.env.VITE_DB_URL);
export const c = new Pool({ connectionString: DATABASE_URL });
export const d = new Redis(redisUrl);
export const e = postgres(STATIC_URL);
export function make() {
  const { PG_URL: url = "" } = process.env;
  return postgres(url, { max: 1 });
}
export function other() {
  return postgres(url);
}
export const g = new Pool({ connectionString: `postgres://${host}/db` });
"#,
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
                Some("DATABASE_URL"),
                Some("VITE_DB_URL"),
                Some("DATABASE_URL"),
                Some("REDIS_URL"),
                Some("DATABASE_URL"),
                Some("PG_URL"),
                None,
                None
            ]
        );
        assert!(
            f.client_configs.iter().all(|c| c.client != 6),
            "a local of another function"
        );
        assert_eq!(config(&f, 7).url, None, "a template with substitutions");
        assert_eq!(opt(config(&f, 7), "connectionString"), &OptValue::Unknown);
    }

    #[test]
    fn positional_arguments_that_name_no_url() {
        let f = facts(
            "src/db.ts",
            &["sequelize", "stream-chat"],
            r#"import { Sequelize } from "sequelize";
import { StreamChat } from "stream-chat";
export const s = new Sequelize(process.env.DB_NAME!, process.env.DB_USER!, process.env.DB_PASSWORD, { dialect: "mysql" });
export const chat = new StreamChat(process.env.STREAM_KEY!, process.env.STREAM_SECRET);
export const t = new Sequelize(process.env.DB_CONNECTION!);
"#,
        );
        assert_eq!(config(&f, 0).url, None);
        assert_eq!(
            opt(config(&f, 0), "dialect"),
            &OptValue::Str("mysql".into())
        );
        assert!(f.client_configs.iter().all(|c| c.client != 1));
        assert_eq!(
            env_name(config(&f, 2)),
            Some("DB_CONNECTION"),
            "the only argument"
        );
    }

    #[test]
    fn option_values() {
        let f = facts(
            "src/db.ts",
            &["pg"],
            r#"import { Pool } from "pg";
import { poolSize } from "./settings";
const SIZE = 0x10;
const LIMITS = { max: 25, nested: { idle: 1000 } };
export function make(n: number) {
  const local = 7;
  return new Pool({
    a: null, b: undefined, c: SIZE, d: poolSize, e: n, f: local, g: LIMITS.max,
    h: LIMITS.nested.idle, i: getMax(), j: 2 * 10, k: 1.5, l: "x", m: `y`, SIZE,
    n: parseInt("12", 10), o: +3,
  });
}
"#,
        );
        let c = config(&f, 0);
        assert_eq!(opt(c, "a"), &OptValue::Null);
        assert_eq!(opt(c, "b"), &OptValue::Null);
        assert_eq!(opt(c, "c"), &OptValue::Int(16));
        assert_eq!(opt(c, "d"), &OptValue::Name("poolSize".into()));
        assert_eq!(opt(c, "e"), &OptValue::Unknown, "a parameter");
        assert_eq!(opt(c, "f"), &OptValue::Int(7));
        assert_eq!(opt(c, "g"), &OptValue::Int(25));
        assert_eq!(opt(c, "h"), &OptValue::Int(1000));
        assert_eq!(opt(c, "i"), &OptValue::Unknown);
        assert_eq!(opt(c, "j"), &OptValue::Unknown);
        assert_eq!(opt(c, "k"), &OptValue::Unknown);
        assert_eq!(opt(c, "l"), &OptValue::Str("x".into()));
        assert_eq!(opt(c, "m"), &OptValue::Str("y".into()));
        assert_eq!(opt(c, "SIZE"), &OptValue::Int(16), "shorthand");
        assert_eq!(opt(c, "n"), &OptValue::Int(12));
        assert_eq!(opt(c, "o"), &OptValue::Int(3));
        assert_eq!(c.url, None);
    }

    #[test]
    fn connection_url_literals() {
        let text = r#"import { Pool } from "pg";
const DATABASE_URL = "postgresql://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?pgbouncer=true";
const fallback = process.env.MONGO_URI ?? `mongodb://localhost:27017/app`;
const config = { REDIS_URL: "redis://cache:6379", site: "https://example.com" };
process.env.TEST_DB = "mysql://root@localhost/test";
const notes = "see postgres://docs for details";
const pool = new Pool({ connectionString: "postgres://localhost/dev" });
"#;
        let f = facts("src/config.ts", &["pg"], text);
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
                    "postgresql://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?pgbouncer=true"
                ),
                (Some("MONGO_URI"), "mongodb://localhost:27017/app"),
                (Some("REDIS_URL"), "redis://cache:6379"),
                (Some("TEST_DB"), "mysql://root@localhost/test"),
                (None, "postgres://localhost/dev"),
            ]
        );
        for u in &f.urls {
            assert_eq!(&text[u.span.range()], u.text);
        }
        // The option's literal URL and the URL fact share a span.
        let Some(UrlRef::Literal { span, .. }) = &config(&f, 0).url else {
            panic!()
        };
        assert_eq!(Some(*span), f.urls.last().map(|u| u.span));
    }

    #[test]
    fn project_imports() {
        let f = facts(
            "app/api/users/route.ts",
            &["next", "@prisma/client", "pg"],
            r#"import { prisma } from "@/lib/prisma";
import type { User } from "@/lib/prisma";
import { Pool } from "pg";
import { NextResponse } from "next/server";
import { PrismaClient } from "../../../generated/prisma";
import "./side-effect";
export { helper } from "../../../lib/helpers";
export * from "@/lib/types";
const { redis } = require("../../../lib/redis");
async function later() {
  const m = await import("@/lib/mongo");
  return m;
}
"#,
        );
        let got: Vec<Vec<String>> = f.imports.iter().map(|m| m.candidates.clone()).collect();
        assert_eq!(
            got,
            vec![
                vec!["lib/prisma".to_string(), "src/lib/prisma".to_string()],
                vec!["app/api/users/side-effect".to_string()],
                vec!["lib/helpers".to_string()],
                vec!["lib/types".to_string(), "src/lib/types".to_string()],
                vec!["lib/redis".to_string()],
                vec!["lib/mongo".to_string(), "src/lib/mongo".to_string()],
            ]
        );
    }

    #[test]
    fn effects_on_a_project_wrapper_are_not_acquisitions() {
        // Seed 003: the project's `streamChatManager` manages the connection; components must
        // not disconnect it. The SDK client imported from the same module still counts, and so
        // does a listener on an imported socket.
        let f = facts(
            "src/components/messaging/MessagingTab.tsx",
            &["next", "react", "stream-chat", "socket.io-client"],
            r#""use client";
import { useEffect, useState } from "react";
import { streamChatManager, chatClient } from "@/utils/stream-chat-client";
import { socket } from "@/lib/socket";
export function MessagingTab({ userId, token, userData }: Props) {
  const [client, setClient] = useState(null);
  useEffect(() => {
    streamChatManager.connectUser(userId, token, userData).then(setClient);
  }, [userId, token]);
  useEffect(() => {
    chatClient.connectUser({ id: userId }, token);
  }, [userId, token]);
  useEffect(() => {
    socket.on("message", onMessage);
  }, []);
  return <div />;
}
"#,
        );
        assert_eq!(f.effects.len(), 3);
        assert!(f.effects[0].acquisitions.is_empty(), "{:#?}", f.effects[0]);
        assert_eq!(
            f.effects[1].acquisitions[0].receiver.as_deref(),
            Some("chatClient")
        );
        assert_eq!(f.effects[2].acquisitions[0].pair, "emitter-listener");
        assert!(is_wrapper_name("streamChatManager"));
        assert!(is_wrapper_name("ChatService"));
        assert!(is_wrapper_name("socket_controller"));
        assert!(!is_wrapper_name("chatClient"));
        assert!(!is_wrapper_name("serviceClient"));
    }

    #[test]
    fn memoizer_wrappers_guard_their_functions() {
        let f = facts(
            "src/services/cache.server.ts",
            &["ioredis", "express"],
            r#"import { Redis } from "ioredis";
import { EventEmitter } from "node:events";
import { singleton } from "~/utils/singleton";
export const metadata = singleton("metadata", initializeMetadata);
function initializeRedis() {
  return new Redis();
}
const redis = singleton("cache", initializeRedis);
function initializeMetadata() {
  const client = new Redis();
  return { get: (k: string) => client.get(k) };
}
export function getStore() {
  return singleton("store", () => new Store(new Redis()));
}
const events = new EventEmitter();
export function onReady() {
  events.once("ready", () => new Redis());
  return withRetry(() => new Redis());
}
"#,
        );
        let guard_of = |name: &str| {
            f.functions
                .iter()
                .find(|x| x.name == name)
                .map(|x| x.guard)
                .expect("function")
        };
        assert_eq!(guard_of("initializeRedis"), Guard::Memo);
        assert_eq!(guard_of("initializeMetadata"), Guard::Memo);
        assert_eq!(guard_of("getStore"), Guard::None);
        assert_eq!(guard_of("onReady"), Guard::None);
        let g: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
        assert_eq!(
            g,
            vec![
                Guard::Memo,
                Guard::Memo,
                Guard::Memo,
                Guard::None,
                Guard::None
            ]
        );
    }

    #[test]
    fn abort_listeners_release_when_the_cleanup_aborts() {
        let f = facts(
            "src/components/Guard.tsx",
            &["react"],
            r#"import { useEffect } from "react";
export function Guard({ el, outer }: Props) {
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      const observer = new ResizeObserver(place);
      observer.observe(el);
      window.addEventListener("resize", place);
      signal.addEventListener("abort", () => {
        observer.disconnect();
        window.removeEventListener("resize", place);
      });
      controller.signal.addEventListener("abort", stop);
      outer.signal.addEventListener("abort", () => clearTimeout(t));
    })();
    function stop() { cancelAnimationFrame(raf); }
    return () => controller.abort();
  }, [el]);
  return null;
}
"#,
        );
        let e = one_effect(&f);
        // Listeners on the effect's own controller are not acquisitions; the one on a
        // controller from outside is.
        let calls: Vec<&str> = e.acquisitions.iter().map(|a| a.call.as_str()).collect();
        assert_eq!(
            calls,
            vec![
                "new ResizeObserver(place)",
                "window.addEventListener(\"resize\", place)",
                "outer.signal.addEventListener(\"abort\", …)"
            ]
        );
        // What the abort listeners of `controller` do is part of the cleanup; `outer`'s is not.
        assert_eq!(
            cleanup_calls(e),
            vec![
                "observer.disconnect()",
                "window.removeEventListener(\"resize\",place)",
                "cancelAnimationFrame(raf)",
                "controller.abort()"
            ]
        );
    }

    #[test]
    fn cleanup_arrays_run_what_was_pushed() {
        let f = facts(
            "src/hooks/useRect.ts",
            &["react", "firebase"],
            r#"import { useEffect } from "react";
import { onSnapshot } from "firebase/firestore";
export function useRect(el: HTMLElement, q: Query) {
  useEffect(() => {
    const cleanups: Array<() => void> = [];
    const ro = new ResizeObserver(update);
    cleanups.push(() => ro.disconnect());
    cleanups.push(onSnapshot(q, update));
    const unsub = api.subscribe(update);
    cleanups.push(unsub);
    return () => {
      for (const c of cleanups) c();
    };
  }, [el]);
  useEffect(() => {
    const other: Array<() => void> = [];
    const id = setInterval(update, 100);
    other.push(() => clearInterval(id));
    return () => other.forEach((f) => console.log(f));
  }, []);
}
"#,
        );
        assert_eq!(f.effects.len(), 2);
        let e = &f.effects[0];
        assert_eq!(cleanup_calls(e), vec!["ro.disconnect()", "c()", "unsub()"],);
        assert!(
            acq(e, "firebase-listener").returned,
            "{:#?}",
            e.acquisitions
        );
        // The second effect never calls the functions it stored.
        let calls = cleanup_calls(&f.effects[1]);
        assert!(
            !calls.iter().any(|c| c.starts_with("clearInterval")),
            "{calls:?}"
        );
    }

    #[test]
    fn callbacks_element_releases_signals_and_aliases() {
        let f = facts(
            "src/hooks/useLive.ts",
            &["react"],
            r#"import { useEffect, useState } from "react";
export function useLive(el: HTMLElement, channel: Channel, url: string, sys: System) {
  const [spring, setSpring] = useState(null);
  useEffect(() => {
    const ro = new ResizeObserver(() => requestAnimationFrame(measure));
    const onMsg = () => setTimeout(ping, 10);
    channel.on("message", onMsg);
    fetchAll().then(() => setTimeout(done, 10));
    const schedule = (fn) => setTimeout(fn, 50);
    idle.current = schedule(send);
    const subs = [channel.on("read", sync)];
    const timers = new Set();
    const t = setInterval(poll, 100);
    timers.add(t);
    return () => {
      subs.forEach((s) => s.unsubscribe());
      timers.forEach(clearInterval);
    };
  }, [el]);
  useEffect(() => {
    const abort = new AbortController();
    const opts = { signal: abort.signal };
    const sub = new SSEStreamSubscription(url, opts);
    sub.subscribe();
    let joined = null;
    const chat = sys.chat;
    chat.connectUser(user, token);
    joined = chat;
    const s = sys.createSpring();
    setSpring(s);
    s.addListener(listener);
    return () => abort.abort();
  }, [url, spring]);
}
"#,
        );
        assert_eq!(f.effects.len(), 2);
        let e = &f.effects[0];
        let timer = |callee: &str| {
            e.acquisitions
                .iter()
                .find(|a| a.call.contains(callee))
                .unwrap_or_else(|| panic!("{callee}: {:#?}", e.acquisitions))
        };
        // Callbacks of an observer and a listener run on events; a promise continuation and
        // the effect itself do not; a function returning its timer to a kept call hands it on.
        assert!(timer("requestAnimationFrame(measure)").in_callback);
        assert!(timer("setTimeout(ping").in_callback);
        assert!(!timer("setTimeout(done").in_callback);
        assert!(timer("setTimeout(fn").in_callback);
        assert!(!timer("setInterval").in_callback);
        // Elements released one by one.
        assert!(timer("channel.on(\"read\"").returned);
        assert!(
            cleanup_calls(e).iter().any(|c| c == "clearInterval(t)"),
            "{:?}",
            cleanup_calls(e)
        );
        let e = &f.effects[1];
        let sub = acq(e, "subscription");
        assert_eq!(sub.receiver_signal.as_deref(), Some("abort.signal"));
        let aliases = |pair: &str| acq(e, pair).aliases.clone();
        assert_eq!(
            aliases("stream-connect-user"),
            vec![("chat".to_string(), "joined".to_string())]
        );
        // `spring` is a dependency: the run its change starts sees it.
        assert_eq!(
            aliases("emitter-listener"),
            vec![("s".to_string(), "spring".to_string())]
        );
    }

    #[test]
    fn factory_facts_params_methods_and_direct_returns() {
        let f = facts(
            "src/lib/db.ts",
            &["@prisma/client", "mongodb", "redis", "express"],
            r#"import { PrismaClient } from "@prisma/client";
import { MongoClient } from "mongodb";
import { createClient } from "redis";
export function getPrisma() {
  return new PrismaClient();
}
export const getDb = () => new MongoClient(process.env.MONGODB_URI!);
export function getRedis(url: string, db: number) {
  return (createClient({ url, database: db }) as RedisClientType);
}
export function configured(this: Window, url: string) {
  const client = new MongoClient(url);
  client.on("open", () => {});
  return client;
}
export const connect = async () => (await new MongoClient("mongodb://x").connect());
class Repo {
  client() {
    return createClient() satisfies Client;
  }
  pool = (size: number) => new PrismaClient();
}
export const api = {
  make(a, b, c) {
    return new PrismaClient();
  },
};
export const all = (urls: string[]) => urls.map((u) => new MongoClient(u));
"#,
        );
        let fun = |name: &str| {
            f.functions
                .iter()
                .find(|x| x.name == name)
                .unwrap_or_else(|| panic!("no {name} in {:#?}", f.functions))
        };
        let shape = |name: &str| (fun(name).params, fun(name).method);
        assert_eq!(shape("getPrisma"), (0, false));
        assert_eq!(shape("getDb"), (0, false));
        assert_eq!(shape("getRedis"), (2, false));
        assert_eq!(shape("configured"), (1, false));
        assert_eq!(shape("client"), (0, true));
        assert_eq!(shape("pool"), (1, true));
        assert_eq!(shape("make"), (3, true));
        assert_eq!(shape("all"), (1, false));
        let direct: Vec<(&str, bool)> = f
            .clients
            .iter()
            .map(|c| (c.ctor.as_str(), c.anchors.direct_return))
            .collect();
        assert_eq!(
            direct,
            vec![
                ("new PrismaClient()", true),
                ("new MongoClient()", true),
                ("createClient()", true),
                // Configured first, then returned by name.
                ("new MongoClient()", false),
                // Returned through `await` and `.connect()`.
                ("new MongoClient()", false),
                ("createClient()", true),
                ("new PrismaClient()", true),
                ("new PrismaClient()", true),
                // A `map` callback's value goes to the array.
                ("new MongoClient()", false),
            ]
        );
    }

    #[test]
    fn module_level_lazy_caches_are_module_caches() {
        let f = facts(
            "src/lib/db.ts",
            &["pg", "mongodb"],
            r#"import { Pool } from "pg";
import { MongoClient } from "mongodb";
let _db: Pool | undefined;
export function db() {
  return (_db ??= new Pool({ connectionString: process.env.DATABASE_URL }));
}
let _mongo: MongoClient | null = null;
export function mongo() {
  if (!_mongo) _mongo = new MongoClient(process.env.MONGODB_URI!);
  return _mongo;
}
"#,
        );
        let g: Vec<(Guard, bool)> = f
            .clients
            .iter()
            .map(|c| (c.guard, c.anchors.direct_return))
            .collect();
        assert_eq!(
            g,
            vec![(Guard::ModuleCache, false), (Guard::ModuleCache, false)]
        );
    }

    #[test]
    fn acquisition_statements_only_where_the_cleanup_sees_their_names() {
        let f = facts(
            "src/hooks/useThings.ts",
            &["react"],
            r#"import { useEffect } from "react";
export function useThings(ref, socket, onMsg, el) {
  useEffect(() => {
    setInterval(poll, 1000);
    void (async () => {
      const place = () => {};
      window.addEventListener("resize", place);
      await ready;
      socket.on("msg", onMsg);
    })();
  }, []);
  useEffect(() => {
    if (ref.current) {
      let t;
      const onScroll = () => {
        t = setTimeout(done, 150);
      };
      el.addEventListener("scroll", onScroll);
      return () => el.removeEventListener("scroll", onScroll);
    }
  }, [ref]);
  useEffect(() => {
    if (el) {
      const ws = new WebSocket(url);
      ws.addEventListener("message", onMessage);
    }
    return () => {};
  }, [el]);
}
"#,
        );
        let stmt = |e: usize, call: &str| {
            let a = f.effects[e]
                .acquisitions
                .iter()
                .find(|a| a.call.starts_with(call))
                .unwrap_or_else(|| panic!("no {call} in {:#?}", f.effects[e].acquisitions));
            a.statement.map(|s| s.start)
        };
        // Its own statement.
        assert!(stmt(0, "setInterval").is_some());
        // `place` is declared inside the async IIFE: the cleanup cannot name it.
        assert_eq!(stmt(0, "window.addEventListener"), None);
        // `socket` and `onMsg` are parameters of the hook: the IIFE's statement holds it.
        assert!(stmt(0, "socket.on").is_some());
        assert_ne!(stmt(0, "socket.on"), stmt(0, "setInterval"));
        // `t` is declared in the block that also returns the cleanup.
        assert!(stmt(1, "setTimeout").is_some());
        // `ws` is declared in an `if` block; the cleanup is outside it.
        assert_eq!(stmt(2, "new WebSocket"), None);
    }
}

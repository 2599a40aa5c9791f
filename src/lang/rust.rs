//! Rust front-end (syn).
//!
//! One `syn::parse_file` per file, then three passes over the tree:
//! 1. [`MacroStore`]: the bodies of macros that hold code connlint cares about (`lazy_static!`,
//!    `thread_local!`, Rocket's `routes![..]`, and expression macros such as
//!    `tokio::join!(..)` and `vec![..]`) are parsed once.
//! 2. [`Pre`]: `use` items (local name → full path, globs), the file's modules, functions, types,
//!    statics and struct fields, and the functions named by reference as request handlers
//!    (axum `get(h)` / `.route("/", get(h).post(h2))`, actix `.to(h)`, `service_fn(h)`,
//!    `routes![h]`).
//! 3. [`Walker`]: one walk with a context stack (scope kind, framework, guard, enclosing function,
//!    closures) that emits client sites, functions, call sites and handler refs.
//!
//! Identity comes from `use` items: `Client::new()` is reqwest's only if `Client` resolves to a
//! path under the `reqwest` crate. Library knowledge comes from the catalogue
//! (`rules/catalog/rust.toml`), framework knowledge (axum, actix-web, Rocket, tonic,
//! lambda_runtime) lives here.

use std::collections::{HashMap, HashSet};

use proc_macro2::{LineColumn, TokenStream, TokenTree};
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{
    Attribute, Block, Expr, ExprCall, ExprClosure, ExprMethodCall, FnArg, Ident, ImplItemFn,
    ItemFn, ItemImpl, ItemMod, Macro, Pat, Signature, Stmt, Token, Type, UseTree, Visibility,
};

use crate::catalog::{CtorMatch, LangCatalog};
use crate::facts::{
    CallSite, ClientConfig, ClientSite, ConnUrl, FileFacts, FixAnchors, FnFact, Guard, HandlerRef,
    ModuleRef, OptValue, OptionFact, Returned, Scope, ScopeKind, UrlRef,
};
use crate::lang::ParseError;
use crate::lang::dotenv::is_connection_url;
use crate::lang::modules::{module_keys, rs_module};
use crate::source::{Lang, SourceFile, Span};

/// Release method names used for call sites, whose type is unknown.
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
/// axum `routing::*` functions (and `MethodRouter` methods) that take a handler.
const AXUM_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "trace", "connect", "any",
];
/// axum extractors that make an async fn a handler (with generic arguments: `State<AppState>`).
const EXTRACTORS: &[&str] = &["State", "Path", "Query", "Json", "Extension", "Form"];
/// actix-web / Rocket route attributes.
const ROUTE_ATTRS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "route",
];
/// Methods whose arguments run once: `OnceLock::get_or_init(|| …)`, `Once::call_once(|| …)`.
const LAZY_METHODS: &[&str] = &[
    "get_or_init",
    "get_or_try_init",
    "get_or_init_async",
    "get_or_try_init_async",
    "call_once",
    "call_once_force",
];
/// Types whose `new(..)` defers its argument to a one-time initialisation.
const LAZY_TYPES: &[&str] = &["LazyLock", "Lazy", "LazyCell"];
/// Methods that hand their receiver's value through (for bindings and returns).
/// Methods of the standard library's collections, smart pointers and conversion traits: a call of
/// one is never taken for a project method of the same name.
const STD_METHODS: &[&str] = &[
    "get",
    "get_mut",
    "insert",
    "remove",
    "push",
    "pop",
    "send",
    "clone",
    "lock",
    "read",
    "write",
    "iter",
    "iter_mut",
    "into_iter",
    "len",
    "is_empty",
    "map",
    "next",
    "into",
    "as_ref",
    "as_mut",
    "to_string",
    "to_owned",
    "contains",
    "extend",
    "take",
    "split",
    "join",
    "entry",
    "borrow",
    "borrow_mut",
    "collect",
    "filter",
    "find",
];

const PASSTHROUGH: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_or_else",
    "unwrap_or_default",
    "unwrap_or",
    "unwrap_unchecked",
    "context",
    "with_context",
    "wrap_err",
    "wrap_err_with",
    "map_err",
    "ok",
    "into",
    "clone",
    "to_owned",
];
/// Methods whose result is a handle that keeps the client alive (mongodb `client.database(..)`):
/// returning it hands the client over (`Returned::Derived`). Any other method call on a client
/// in a returned expression (`client.get(url).send().await?.text().await`) returns data, and
/// the client is dropped at the end of the function.
const DERIVING: &[&str] = &["database", "default_database", "collection", "db"];
/// Callbacks that run once per element of any receiver.
const LOOP_ALWAYS: &[&str] = &[
    "for_each",
    "try_for_each",
    "for_each_concurrent",
    "try_for_each_concurrent",
    "par_for_each",
];
/// Callbacks that run once per element when the receiver is an iterator chain.
const LOOP_ON_ITER: &[&str] = &[
    "map",
    "filter_map",
    "flat_map",
    "then",
    "and_then",
    "inspect",
    "fold",
    "try_fold",
];
/// Methods that make a chain an iterator.
const ITER_METHODS: &[&str] = &[
    "iter",
    "into_iter",
    "iter_mut",
    "par_iter",
    "into_par_iter",
    "par_iter_mut",
    "values",
    "values_mut",
    "keys",
    "drain",
    "chunks",
    "windows",
    "lines",
    "enumerate",
    "zip",
    "skip",
    "take",
    "rev",
    "cloned",
    "copied",
];
/// Wrapper types seen through when typing a value (`State<redis::Client>`, `Arc<Client>`).
const WRAPPERS: &[&str] = &["Arc", "Rc", "Box", "Data", "State", "Extension"];
/// Macros whose body is comma-separated expressions that may build clients
/// (`tokio::try_join!(PgPool::connect(a), PgPool::connect(b))`, `vec![Client::new(); n]` is not
/// one). Other macro bodies are not parsed: re-parsing every `println!` / `quote!` costs more
/// than the whole walk.
const EXPR_MACROS: &[&str] = &["vec", "join", "try_join", "dbg"];
/// Crates that are never part of the project.
const STD_CRATES: &[&str] = &["std", "core", "alloc", "proc_macro", "test"];

/// Extract the facts of one Rust file.
pub fn extract(file: &SourceFile, catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    let result = extract_inner(file, catalog);
    // Every span of this file is dead now: reset proc-macro2's thread-local source map, which
    // otherwise grows with every file parsed on this (rayon) thread.
    proc_macro2::extra::invalidate_current_thread_spans();
    result
}

fn extract_inner(file: &SourceFile, catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    let conv = Conv::new(file);
    let ast = syn::parse_file(&file.text).map_err(|e| {
        let at = e.span().start();
        let what = e.to_string();
        // proc-macro2's lexer error says nothing about the cause.
        let what = if what == "cannot parse string into token stream" {
            "unbalanced delimiter or invalid token".to_string()
        } else {
            what
        };
        ParseError {
            message: format!(
                "Rust syntax error (syn) at line {}, column {}: {what}",
                at.line,
                at.column + 1
            ),
            span: conv.try_span(e.span()),
        }
    })?;
    let macros = MacroStore::collect(&ast);
    let pre = Pre::collect(&ast, &macros, file, &conv);
    let mut walker = Walker::new(file, catalog, &pre, &macros, &conv);
    walker.visit_file(&ast);
    Ok(walker.facts)
}

// ---------------------------------------------------------------------------------------------
// Spans

/// Converts proc-macro2 line/column positions (1-based line, 0-based column in chars) to bytes.
struct Conv<'a> {
    text: &'a str,
    /// Where each line starts as proc-macro2 counts lines: after `\n` only (a lone `\r` does
    /// not end one there, unlike in [`LineIndex`]).
    starts: Vec<usize>,
    /// Lines without a multi-byte character: a column is then a byte count (a span on a long
    /// line no longer costs a walk from the line's start).
    ascii: Vec<bool>,
    /// `syn::parse_file` strips a BOM, shifting the columns of line 1 by one char.
    bom: bool,
}

impl<'a> Conv<'a> {
    fn new(file: &'a SourceFile) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(
                file.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let ascii = starts
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let end = starts.get(i + 1).copied().unwrap_or(file.text.len());
                file.text
                    .as_bytes()
                    .get(*s..end)
                    .is_some_and(<[u8]>::is_ascii)
            })
            .collect();
        Conv {
            text: &file.text,
            starts,
            ascii,
            bom: file.text.starts_with('\u{feff}'),
        }
    }

    fn offset(&self, lc: LineColumn) -> Option<usize> {
        let mut column = lc.column;
        if self.bom && lc.line == 1 {
            column += 1;
        }
        let line = lc.line.checked_sub(1)?;
        let start = *self.starts.get(line)?;
        if self.ascii.get(line) == Some(&true) {
            let end = self.starts.get(line + 1).map_or(self.text.len(), |e| e - 1);
            return (start + column <= end).then_some(start + column);
        }
        let rest = self.text.get(start..)?;
        let mut chars = rest.char_indices();
        for _ in 0..column {
            match chars.next() {
                Some((_, '\n')) | None => return None,
                Some(_) => {}
            }
        }
        Some(start + chars.next().map_or(rest.len(), |(i, _)| i))
    }

    fn try_span(&self, s: proc_macro2::Span) -> Option<Span> {
        let start = self.offset(s.start())?;
        let end = self.offset(s.end()).unwrap_or(start).max(start);
        Some(Span::new(start, end))
    }

    fn span(&self, s: proc_macro2::Span) -> Span {
        self.try_span(s).unwrap_or_default()
    }

    fn of<T: Spanned + ?Sized>(&self, node: &T) -> Span {
        self.span(node.span())
    }
}

fn macro_key(m: &Macro) -> (usize, usize) {
    let lc = m.path.span().start();
    (lc.line, lc.column)
}

// ---------------------------------------------------------------------------------------------
// Small syntax helpers

fn seg_names(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

fn last_ident(path: &syn::Path) -> Option<String> {
    path.segments.last().map(|s| s.ident.to_string())
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A single-identifier path expression: `pool`.
fn expr_ident(e: &Expr) -> Option<String> {
    match e {
        Expr::Path(p)
            if p.qself.is_none()
                && p.path.leading_colon.is_none()
                && p.path.segments.len() == 1 =>
        {
            p.path.segments.first().map(|s| s.ident.to_string())
        }
        Expr::Paren(p) => expr_ident(&p.expr),
        Expr::Group(g) => expr_ident(&g.expr),
        _ => None,
    }
}

/// The name a pattern binds (the first identifier of a tuple: `let (client, conn) = …`).
fn pat_binding(p: &Pat) -> Option<String> {
    match p {
        Pat::Ident(i) => Some(i.ident.to_string()),
        Pat::Type(t) => pat_binding(&t.pat),
        Pat::Reference(r) => pat_binding(&r.pat),
        Pat::Paren(p) => pat_binding(&p.pat),
        Pat::Tuple(t) => t.elems.iter().find_map(pat_binding),
        Pat::TupleStruct(t) => t.elems.iter().find_map(pat_binding),
        _ => None,
    }
}

/// The value an initialiser binds, seen through `.await`, `?`, `unwrap()`, `Some(..)`,
/// `Arc::new(..)`, `match x { .. }`: the expression whose span a construction would have.
fn value_core(e: &Expr) -> &Expr {
    match e {
        Expr::Await(a) => value_core(&a.base),
        Expr::Try(t) => value_core(&t.expr),
        Expr::Paren(p) => value_core(&p.expr),
        Expr::Group(g) => value_core(&g.expr),
        Expr::Cast(c) => value_core(&c.expr),
        Expr::Match(m) => value_core(&m.expr),
        Expr::MethodCall(m) if PASSTHROUGH.contains(&m.method.to_string().as_str()) => {
            value_core(&m.receiver)
        }
        Expr::Call(c) if c.args.len() == 1 && is_wrapper_call(&c.func) => match c.args.first() {
            Some(a) => value_core(a),
            None => e,
        },
        _ => e,
    }
}

/// `Some(..)`, `Ok(..)`, `Arc::new(..)`, `web::Data::new(..)`, `Mutex::new(..)`.
fn is_wrapper_call(func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let names = seg_names(&p.path);
    match names.as_slice() {
        [one] => matches!(one.as_str(), "Some" | "Ok"),
        [.., ty, f] => {
            f == "new"
                && matches!(
                    ty.as_str(),
                    "Arc" | "Rc" | "Box" | "Data" | "Mutex" | "RwLock" | "RefCell"
                )
        }
        _ => false,
    }
}

/// The root of a method chain, through `.await`, `?`, parentheses and any method call.
fn chain_root(e: &Expr) -> &Expr {
    match e {
        Expr::MethodCall(m) => chain_root(&m.receiver),
        Expr::Await(a) => chain_root(&a.base),
        Expr::Try(t) => chain_root(&t.expr),
        Expr::Paren(p) => chain_root(&p.expr),
        Expr::Group(g) => chain_root(&g.expr),
        _ => e,
    }
}

/// The root of a value seen only through value-preserving steps (`?`, `.await`, `unwrap()`).
fn passthrough_root(e: &Expr) -> &Expr {
    match e {
        Expr::MethodCall(m) if PASSTHROUGH.contains(&m.method.to_string().as_str()) => {
            passthrough_root(&m.receiver)
        }
        Expr::Await(a) => passthrough_root(&a.base),
        Expr::Try(t) => passthrough_root(&t.expr),
        Expr::Paren(p) => passthrough_root(&p.expr),
        Expr::Group(g) => passthrough_root(&g.expr),
        _ => e,
    }
}

/// The variable at the root of a place expression: `CACHE` in `*CACHE.lock().unwrap()`, `self`
/// in `self.client`.
fn place_root(e: &Expr) -> Option<String> {
    match e {
        Expr::Field(f) => place_root(&f.base),
        Expr::Index(i) => place_root(&i.expr),
        Expr::MethodCall(m) => place_root(&m.receiver),
        Expr::Unary(u) => place_root(&u.expr),
        Expr::Paren(p) => place_root(&p.expr),
        Expr::Await(a) => place_root(&a.base),
        Expr::Try(t) => place_root(&t.expr),
        _ => expr_ident(e),
    }
}

/// Is this an iterator chain (`urls.iter()…`, `(0..n)`, `stream::iter(..)`)?
fn is_iter_chain(e: &Expr) -> bool {
    match e {
        Expr::MethodCall(m) => {
            ITER_METHODS.contains(&m.method.to_string().as_str()) || is_iter_chain(&m.receiver)
        }
        Expr::Range(_) => true,
        Expr::Paren(p) => is_iter_chain(&p.expr),
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => last_ident(&p.path)
                .is_some_and(|l| matches!(l.as_str(), "iter" | "repeat" | "from_iter")),
            _ => false,
        },
        _ => false,
    }
}

fn collect_token_idents(ts: &TokenStream, out: &mut Vec<String>) {
    for tt in ts.clone() {
        match tt {
            TokenTree::Ident(i) => out.push(i.to_string()),
            TokenTree::Group(g) => collect_token_idents(&g.stream(), out),
            _ => {}
        }
    }
}

/// The name a plain pattern binds (`x`, `mut x`, `x: T`), not destructuring.
fn simple_binding(p: &Pat) -> Option<String> {
    match p {
        Pat::Ident(i) if i.subpat.is_none() => Some(i.ident.to_string()),
        Pat::Type(t) => simple_binding(&t.pat),
        _ => None,
    }
}

/// The span of a string literal's text, without quotes (`r#"…"#` too).
fn lit_text_span(conv: &Conv<'_>, text: &str, lit: &syn::LitStr) -> Span {
    let whole = conv.of(lit);
    let Some(src) = text.get(whole.range()) else {
        return whole;
    };
    let open = src.find('"').map_or(0, |i| i + 1);
    let close = src.rfind('"').unwrap_or(src.len());
    if close < open {
        return whole;
    }
    let start = whole.start as usize;
    Span::new(start + open, start + close)
}

/// Files of targets that can name this package's library crate by its name.
fn is_bin_target(rel: &str) -> bool {
    rel == "src/main.rs"
        || ["src/bin/", "tests/", "examples/", "benches/"]
            .iter()
            .any(|p| rel.starts_with(p))
}

fn attr_last(a: &Attribute) -> Option<String> {
    last_ident(a.path())
}

/// `#[cfg(test)]`, `#[cfg(all(test, feature = "x"))]` (but not `#[cfg(not(test))]`).
fn is_cfg_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        if !a.path().is_ident("cfg") {
            return false;
        }
        let syn::Meta::List(list) = &a.meta else {
            return false;
        };
        let mut idents = Vec::new();
        collect_token_idents(&list.tokens, &mut idents);
        idents.iter().any(|i| i == "test") && !idents.iter().any(|i| i == "not")
    })
}

fn is_test_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        attr_last(a).is_some_and(|l| {
            matches!(
                l.as_str(),
                "test" | "bench" | "rstest" | "test_case" | "quickcheck"
            )
        })
    })
}

/// `#[tokio::main]`, `#[actix_web::main]`, `#[launch]`, `#[rocket::main]`, `#[shuttle_runtime::main]`.
fn is_main_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        let names = seg_names(a.path());
        match names.last().map(String::as_str) {
            Some("main") => names.len() >= 2,
            Some("launch") => true,
            _ => false,
        }
    })
}

fn is_memo_attr(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| attr_last(a).is_some_and(|l| matches!(l.as_str(), "cached" | "once" | "memoize")))
}

fn is_pub(v: &Visibility) -> bool {
    !matches!(v, Visibility::Inherited)
}

/// The role a file's path gives all of its functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileRole {
    Normal,
    Test,
    Startup,
}

fn file_role(rel: &str) -> FileRole {
    let parts: Vec<&str> = rel.split('/').collect();
    let (name, dirs) = match parts.split_last() {
        Some((n, d)) => (*n, d),
        None => (rel, &[][..]),
    };
    if name == "build.rs" {
        return FileRole::Startup;
    }
    if dirs.iter().any(|d| *d == "tests" || *d == "benches") {
        return FileRole::Test;
    }
    if dirs.contains(&"examples") {
        return FileRole::Startup;
    }
    if matches!(name, "tests.rs" | "test.rs")
        || name.ends_with("_test.rs")
        || name.ends_with("_tests.rs")
    {
        return FileRole::Test;
    }
    FileRole::Normal
}

// ---------------------------------------------------------------------------------------------
// Pass 1: macro bodies

enum MacroContent {
    /// Rocket `routes![a, b::c]`.
    Routes(Vec<syn::Path>),
    /// `lazy_static! { static ref X: T = e; }`, `thread_local! { static X: T = e; }`: names and
    /// initialisers.
    Lazy(Vec<(String, Expr)>),
    /// The body of an expression macro of [`EXPR_MACROS`] (`tokio::join!(a, b)`, `vec![..]`).
    Exprs(Vec<Expr>),
}

#[derive(Default)]
struct MacroStore {
    by_key: HashMap<(usize, usize), MacroContent>,
}

impl MacroStore {
    fn collect(ast: &syn::File) -> Self {
        let mut store = MacroStore::default();
        store.visit_file(ast);
        store
    }

    fn get(&self, m: &Macro) -> Option<&MacroContent> {
        self.by_key.get(&macro_key(m))
    }
}

fn parse_lazy_statics(input: ParseStream) -> syn::Result<Vec<(String, Expr)>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        input.parse::<Token![static]>()?;
        if input.peek(Token![ref]) {
            input.parse::<Token![ref]>()?;
        }
        let name = input.parse::<Ident>()?.to_string();
        input.parse::<Token![:]>()?;
        input.parse::<Type>()?;
        input.parse::<Token![=]>()?;
        out.push((name, input.parse::<Expr>()?));
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        }
    }
    Ok(out)
}

impl<'ast> Visit<'ast> for MacroStore {
    fn visit_macro(&mut self, m: &'ast Macro) {
        if m.tokens.is_empty() {
            return;
        }
        let content = match last_ident(&m.path).as_deref() {
            Some("routes") => m
                .parse_body_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .ok()
                .map(|p| MacroContent::Routes(p.into_iter().collect())),
            Some("lazy_static" | "thread_local") => m
                .parse_body_with(parse_lazy_statics)
                .ok()
                .map(MacroContent::Lazy),
            Some(name) if EXPR_MACROS.contains(&name) => m
                .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                .ok()
                .map(|p| MacroContent::Exprs(p.into_iter().collect())),
            _ => None,
        };
        if let Some(c) = content {
            self.by_key.insert(macro_key(m), c);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pass 2: declarations, imports and handler references

/// Where a path to an item lives.
enum Place {
    /// This file (a local function, an inline module, `Self`).
    SameFile,
    /// Another module of the project.
    Module(ModuleRef),
    /// A dependency or the standard library.
    External,
}

/// A function named by reference where a framework calls it per request.
struct RawRef<'ast> {
    target: &'ast syn::Path,
    framework: &'static str,
}

/// What the whole file declares, known before the walk.
struct Pre<'ast> {
    rel: String,
    deps_axum: bool,
    deps_actix: bool,
    deps_rocket: bool,
    deps_tonic: bool,
    /// `use` items: local name → full path.
    uses: HashMap<String, Vec<String>>,
    /// `use x::*` prefixes.
    globs: Vec<Vec<String>>,
    /// First segments of the full paths of `use` items (`diesel_async`, `crate`).
    use_roots: HashSet<String>,
    /// `mod x;` (a module in another file).
    file_mods: HashSet<String>,
    /// `mod x { … }`.
    inline_mods: HashSet<String>,
    /// Free functions defined anywhere in the file.
    fns: HashSet<String>,
    /// Struct / enum / type alias names.
    types: HashSet<String>,
    /// Method names of `impl` blocks.
    methods: HashSet<String>,
    statics: HashSet<String>,
    /// Named struct fields → their type (for `state.redis.get_connection()`).
    fields: HashMap<String, &'ast Type>,
    /// First segments of multi-segment paths and `use` items: the crates the file mentions.
    crates: HashSet<String>,
    raw_refs: Vec<RawRef<'ast>>,
    /// Functions of this file named as handlers, with their framework.
    local_handlers: HashMap<String, &'static str>,
    handler_refs: Vec<HandlerRef>,
    module_insert: u32,
    /// `const` / `static` items (any depth, first wins) and `lazy_static!` names → initialiser.
    consts: HashMap<String, &'ast Expr>,
    /// Free functions without parameters → body (`fn database_url() -> String { … }`).
    nullary_fns: HashMap<String, &'ast Block>,
    /// String literals that are connection URLs.
    urls: Vec<ConnUrl>,
    /// `use` items outside `#[cfg(test)]` code, with the inline modules around them.
    use_items: Vec<(&'ast UseTree, usize)>,
    /// `mod x;` declarations outside `#[cfg(test)]` code: the inline module path and the name.
    mod_decls: Vec<(Vec<String>, String)>,
    /// Project modules this file imports (`mod x;`, `use crate::x::…`).
    imports: Vec<ModuleRef>,
}

impl<'ast> Pre<'ast> {
    fn collect(
        ast: &'ast syn::File,
        macros: &'ast MacroStore,
        file: &SourceFile,
        conv: &Conv<'_>,
    ) -> Self {
        let project = &file.project;
        let mut pre = Pre {
            rel: file.rel.clone(),
            deps_axum: project.has_dep("axum"),
            deps_actix: project.has_dep("actix-web"),
            deps_rocket: project.has_dep("rocket"),
            deps_tonic: project.has_dep("tonic"),
            uses: HashMap::new(),
            globs: Vec::new(),
            use_roots: HashSet::new(),
            file_mods: HashSet::new(),
            inline_mods: HashSet::new(),
            fns: HashSet::new(),
            types: HashSet::new(),
            methods: HashSet::new(),
            statics: HashSet::new(),
            fields: HashMap::new(),
            crates: HashSet::new(),
            raw_refs: Vec::new(),
            local_handlers: HashMap::new(),
            handler_refs: Vec::new(),
            module_insert: 0,
            consts: HashMap::new(),
            nullary_fns: HashMap::new(),
            urls: Vec::new(),
            use_items: Vec::new(),
            mod_decls: Vec::new(),
            imports: Vec::new(),
        };
        for item in &ast.items {
            if matches!(item, syn::Item::Use(_) | syn::Item::ExternCrate(_)) {
                pre.module_insert = conv.of(item).end;
            }
        }
        let mut v = PreVisitor {
            pre: &mut pre,
            macros,
            text: &file.text,
            conv,
            route_depth: 0,
            candidates: Vec::new(),
            named: HashMap::new(),
            mod_path: Vec::new(),
            test_mods: 0,
        };
        v.visit_file(ast);
        let candidates = std::mem::take(&mut v.candidates);
        pre.use_roots = pre
            .uses
            .values()
            .filter_map(|full| full.first().cloned())
            .chain(pre.globs.iter().filter_map(|g| g.first().cloned()))
            .collect();
        // axum routing functions are recognised once all `use` items are known.
        for c in candidates {
            if pre.is_axum_router_fn(c.callee) || (c.in_route && pre.is_unbound_name(c.callee)) {
                pre.raw_refs.push(RawRef {
                    target: c.target,
                    framework: "axum",
                });
            }
        }
        let raw = std::mem::take(&mut pre.raw_refs);
        for r in &raw {
            pre.add_handler_ref(r, conv, file);
        }
        pre.imports = pre.collect_imports(file);
        pre
    }

    fn is_external_crate(&self, name: &str, project: &crate::project::Project) -> bool {
        STD_CRATES.contains(&name) || project.has_dep(name)
    }

    /// A path with its first segment replaced through the `use` items.
    fn resolve(&self, path: &syn::Path) -> Vec<String> {
        let names = seg_names(path);
        if path.leading_colon.is_some() {
            return names;
        }
        self.resolve_names(names)
    }

    fn resolve_names(&self, mut names: Vec<String>) -> Vec<String> {
        let Some(first) = names.first() else {
            return names;
        };
        if let Some(full) = self.uses.get(first) {
            let mut out = full.clone();
            out.extend(names.drain(1..));
            return out;
        }
        names
    }

    /// Is a call of `callee` an axum routing function (`get`, `routing::post`, `axum::routing::any`)?
    fn is_axum_router_fn(&self, callee: &syn::Path) -> bool {
        let names = seg_names(callee);
        let Some(last) = names.last() else {
            return false;
        };
        if !AXUM_METHODS.contains(&last.as_str()) && last != "on" {
            return false;
        }
        let resolved = self.resolve(callee);
        if resolved.first().is_some_and(|f| f == "axum") {
            return true;
        }
        let first = names.first().map(String::as_str).unwrap_or("");
        if self.uses.contains_key(first) || (names.len() == 1 && self.fns.contains(first)) {
            return false;
        }
        let axum_glob = self
            .globs
            .iter()
            .any(|g| g.first().is_some_and(|f| f == "axum"));
        (names.len() == 1 || first == "routing") && (axum_glob || self.deps_axum)
    }

    /// Per-request middleware: axum `middleware::from_fn(f)` / `from_fn_with_state(state, f)` /
    /// `map_request(f)`, actix-web `middleware::from_fn(f)`. The framework and the index of the
    /// function argument.
    fn middleware(&self, callee: &syn::Path) -> Option<(&'static str, usize)> {
        let last = last_ident(callee)?;
        let idx = match last.as_str() {
            "from_fn" | "map_request" | "map_response" => 0,
            "from_fn_with_state" | "map_request_with_state" | "map_response_with_state" => 1,
            _ => return None,
        };
        let resolved = self.resolve(callee);
        let fw = match resolved.first().map(String::as_str) {
            Some("axum") => "axum",
            Some("actix_web") => "actix",
            Some(root) if STD_CRATES.contains(&root) => return None,
            _ if self.deps_axum => "axum",
            _ if self.deps_actix => "actix",
            _ => return None,
        };
        Some((fw, idx))
    }

    /// A single name that no `use` item or local function defines.
    fn is_unbound_name(&self, path: &syn::Path) -> bool {
        let names = seg_names(path);
        match names.as_slice() {
            [one] => !self.uses.contains_key(one) && !self.fns.contains(one),
            _ => false,
        }
    }

    /// Where the item at the end of a resolved path lives.
    fn place_of(
        &self,
        resolved: &[String],
        written_len: usize,
        inline_depth: usize,
        project: &crate::project::Project,
    ) -> Place {
        let Some((name, module)) = resolved.split_last() else {
            return Place::External;
        };
        let mut module: Vec<String> = module.to_vec();
        // `Type::method`: the module is the type's.
        let via_type = module
            .last()
            .is_some_and(|t| starts_upper(t) || t == "Self");
        if via_type {
            let ty = module.pop().unwrap_or_default();
            if module.is_empty() {
                let local = ty == "Self" || self.types.contains(&ty);
                return if local && self.methods.contains(name) {
                    Place::SameFile
                } else {
                    Place::External
                };
            }
        }
        if module.is_empty() {
            return if written_len == 1 && self.fns.contains(name) {
                Place::SameFile
            } else {
                Place::External
            };
        }
        let first = module.first().map(String::as_str).unwrap_or("");
        match first {
            "crate" => Place::Module(self.module_ref(&module)),
            "self" | "super" if inline_depth > 0 => Place::SameFile,
            "self" if module.len() == 1 => Place::SameFile,
            "self" | "super" => Place::Module(self.module_ref(&module)),
            _ if self.inline_mods.contains(first) => Place::SameFile,
            _ if self.file_mods.contains(first) => Place::Module(self.module_ref(&module)),
            _ if self.is_external_crate(first, project) => Place::External,
            // Reached through a `use` of a crate that is not a dependency: this package's own
            // library crate (`use myapp::db;` in `src/main.rs`).
            _ if written_len < resolved.len() || self.uses.contains_key(first) => {
                let mut segs = vec!["crate".to_string()];
                segs.extend(module.iter().skip(1).cloned());
                Place::Module(self.module_ref(&segs))
            }
            _ => Place::External,
        }
    }

    /// `mod x;` declarations and `use` items of project modules, as module references (one per
    /// module; the file's own module is left out).
    fn collect_imports(&self, file: &SourceFile) -> Vec<ModuleRef> {
        let own = module_keys(&self.rel, Lang::Rs);
        let mut seen: HashSet<Vec<String>> = HashSet::new();
        let mut out = Vec::new();
        let mut refs = Vec::new();
        for (path, name) in &self.mod_decls {
            let mut segs = vec!["self".to_string()];
            segs.extend(path.iter().cloned());
            segs.push(name.clone());
            refs.push(rs_module(&self.rel, &segs));
        }
        for (tree, depth) in &self.use_items {
            let mut modules = Vec::new();
            self.use_modules(tree, &mut Vec::new(), &mut modules);
            for m in modules {
                refs.push(self.import_ref(m, *depth, file));
            }
        }
        for m in refs.into_iter().flatten() {
            let is_own = m.candidates.first().is_some_and(|c| own.contains(c));
            if !m.candidates.is_empty() && !is_own && seen.insert(m.candidates.clone()) {
                out.push(m);
            }
        }
        out
    }

    /// The module each leaf of a `use` tree imports from: `crate::db` for `use crate::db;`,
    /// `use crate::db::Pool;` and `use crate::db::*;`; for a lowercase leaf under a module
    /// (`use crate::db::pool;`), the leaf itself when the file uses it as a path prefix
    /// (`pool::get()`), else its parent (a function).
    fn use_modules(&self, tree: &UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let leaf = |name: &str, local: &str, prefix: &[String]| -> Vec<String> {
            let mut m = prefix.to_vec();
            if name != "self" && self.is_module_leaf(prefix, name, local) {
                m.push(name.to_string());
            }
            m
        };
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_modules(&p.tree, prefix, out);
                prefix.pop();
            }
            UseTree::Name(n) => {
                let name = n.ident.to_string();
                out.push(leaf(&name, &name, prefix));
            }
            UseTree::Rename(r) => {
                out.push(leaf(&r.ident.to_string(), &r.rename.to_string(), prefix));
            }
            UseTree::Glob(_) => out.push(prefix.clone()),
            UseTree::Group(g) => {
                for t in &g.items {
                    self.use_modules(t, prefix, out);
                }
            }
        }
    }

    fn is_module_leaf(&self, prefix: &[String], name: &str, local: &str) -> bool {
        if starts_upper(name) {
            return false;
        }
        let anchors = prefix
            .iter()
            .all(|s| matches!(s.as_str(), "crate" | "self" | "super"));
        let crate_root = match prefix {
            [one] => !self.file_mods.contains(one) && !self.inline_mods.contains(one),
            _ => false,
        };
        anchors || crate_root || self.crates.contains(local)
    }

    /// The project module a `use` path names, if it is one (`depth`: inline modules around it).
    fn import_ref(&self, segs: Vec<String>, depth: usize, file: &SourceFile) -> Option<ModuleRef> {
        let first = segs.first()?.as_str();
        let anchored = matches!(first, "crate" | "self" | "super");
        // `use crate::db; use db::Pool;`
        let segs = if !anchored && self.uses.get(first).is_some_and(|f| f.len() > 1) {
            self.resolve_names(segs)
        } else {
            segs
        };
        let first = segs.first()?.as_str();
        match first {
            "crate" => rs_module(&self.rel, &segs),
            "self" => {
                let next = segs.get(1)?;
                if depth > 0 || self.inline_mods.contains(next) {
                    return None;
                }
                rs_module(&self.rel, &segs)
            }
            "super" => {
                let ups = segs.iter().take_while(|s| *s == "super").count();
                if ups <= depth {
                    return None;
                }
                let mut rel = vec!["super".to_string(); ups - depth];
                rel.extend(segs.iter().skip(ups).cloned());
                rs_module(&self.rel, &rel)
            }
            _ if depth > 0 || self.inline_mods.contains(first) => None,
            _ if self.file_mods.contains(first) => {
                let mut rel = vec!["self".to_string()];
                rel.extend(segs.iter().cloned());
                rs_module(&self.rel, &rel)
            }
            // This package's library crate, from a binary, test, example or bench target
            // (`use myapp::db;` in `src/main.rs`): any crate that is not a dependency.
            _ if is_bin_target(&self.rel)
                && !file.project.deps.is_empty()
                && !self.is_external_crate(first, &file.project) =>
            {
                let mut key = vec!["src".to_string()];
                key.extend(segs.iter().skip(1).cloned());
                Some(ModuleRef {
                    candidates: vec![key.join("/")],
                })
            }
            _ => None,
        }
    }

    fn module_ref(&self, segments: &[String]) -> ModuleRef {
        rs_module(&self.rel, segments).unwrap_or_default()
    }

    /// The place of a bare name `f` with no `use` and no local definition: a local glob import.
    fn glob_place(&self, project: &crate::project::Project) -> Option<Place> {
        let local: Vec<&Vec<String>> = self
            .globs
            .iter()
            .filter(|g| {
                g.first().is_some_and(|f| {
                    matches!(f.as_str(), "crate" | "self" | "super")
                        || self.file_mods.contains(f)
                        || self.inline_mods.contains(f)
                })
            })
            .collect();
        let [only] = local.as_slice() else {
            return None;
        };
        let mut probe = (*only).clone();
        probe.push("f".into());
        match self.place_of(&probe, 2, 0, project) {
            Place::External => None,
            p => Some(p),
        }
    }

    fn add_handler_ref(&mut self, r: &RawRef<'ast>, conv: &Conv<'_>, file: &SourceFile) {
        let Some(name) = last_ident(r.target) else {
            return;
        };
        let written = r.target.segments.len();
        let span = conv.of(r.target);
        let place = if written == 1 && self.fns.contains(&name) && !self.uses.contains_key(&name) {
            Place::SameFile
        } else if written == 1 && !self.uses.contains_key(&name) {
            self.glob_place(&file.project).unwrap_or(Place::SameFile)
        } else {
            let resolved = self.resolve(r.target);
            self.place_of(&resolved, written, 0, &file.project)
        };
        let module = match place {
            Place::SameFile => {
                self.local_handlers
                    .entry(name.clone())
                    .or_insert(r.framework);
                None
            }
            Place::Module(m) => Some(m),
            Place::External => return,
        };
        self.handler_refs.push(HandlerRef {
            name,
            module,
            framework: r.framework.to_string(),
            span,
        });
    }
}

struct AxumCandidate<'ast> {
    callee: &'ast syn::Path,
    target: &'ast syn::Path,
    /// Inside the arguments of `.route(..)`.
    in_route: bool,
}

struct PreVisitor<'p, 'ast> {
    pre: &'p mut Pre<'ast>,
    macros: &'ast MacroStore,
    text: &'p str,
    conv: &'p Conv<'p>,
    route_depth: usize,
    candidates: Vec<AxumCandidate<'ast>>,
    /// String literals that are the value of a variable, constant or field, with its name.
    named: HashMap<*const syn::LitStr, String>,
    /// Inline modules around the item being visited.
    mod_path: Vec<String>,
    /// Depth of `#[cfg(test)]` modules.
    test_mods: usize,
}

fn collect_use(tree: &UseTree, prefix: &mut Vec<String>, pre: &mut Pre<'_>) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            collect_use(&p.tree, prefix, pre);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                if let Some(last) = prefix.last() {
                    pre.uses
                        .entry(last.clone())
                        .or_insert_with(|| prefix.clone());
                }
            } else {
                let mut full = prefix.clone();
                full.push(name.clone());
                pre.uses.entry(name).or_insert(full);
            }
        }
        UseTree::Rename(r) => {
            let rename = r.rename.to_string();
            if rename == "_" {
                return;
            }
            let mut full = prefix.clone();
            if r.ident != "self" {
                full.push(r.ident.to_string());
            }
            pre.uses.entry(rename).or_insert(full);
        }
        UseTree::Glob(_) => pre.globs.push(prefix.clone()),
        UseTree::Group(g) => {
            for t in &g.items {
                collect_use(t, prefix, pre);
            }
        }
    }
}

impl<'ast> PreVisitor<'_, 'ast> {
    /// Remember that the string literals `value` evaluates to are named `name`.
    fn name_value(&mut self, name: &str, value: &'ast Expr) {
        let mut lits = Vec::new();
        string_values(value, &mut lits);
        for l in lits {
            self.named.insert(l, name.to_string());
        }
    }
}

/// The string literals an expression evaluates to: `"…"`, `String::from("…")`, `"…".to_string()`,
/// `Some("…")`, and the fallback of `env::var("X").unwrap_or("…".into())`; `LazyLock::new(|| "…")`.
fn string_values(e: &Expr, out: &mut Vec<*const syn::LitStr>) {
    match e {
        Expr::Lit(l) => {
            if let syn::Lit::Str(s) = &l.lit {
                out.push(s);
            }
        }
        Expr::Reference(r) => string_values(&r.expr, out),
        Expr::Paren(p) => string_values(&p.expr, out),
        Expr::Group(g) => string_values(&g.expr, out),
        Expr::Try(t) => string_values(&t.expr, out),
        Expr::Await(a) => string_values(&a.base, out),
        Expr::Block(b) => {
            if let Some(t) = block_tail(&b.block) {
                string_values(t, out);
            }
        }
        Expr::Closure(c) => string_values(&c.body, out),
        Expr::Call(c) if c.args.len() == 1 => {
            if let Expr::Path(p) = &*c.func
                && let Some(last) = last_ident(&p.path)
                && (matches!(last.as_str(), "Some" | "Ok" | "from" | "new")
                    || is_wrapper_call(&c.func))
                && let Some(a) = c.args.first()
            {
                string_values(a, out);
            }
        }
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            if matches!(
                method.as_str(),
                "unwrap_or" | "unwrap_or_else" | "or" | "or_else" | "get_or_init"
            ) && let Some(a) = m.args.first()
            {
                string_values(a, out);
            }
            if m.args.is_empty() || PASSTHROUGH.contains(&method.as_str()) {
                string_values(&m.receiver, out);
            }
        }
        _ => {}
    }
}

fn first_use_segment(tree: &UseTree) -> Option<String> {
    match tree {
        UseTree::Path(p) => Some(p.ident.to_string()),
        UseTree::Name(n) => Some(n.ident.to_string()),
        UseTree::Rename(r) => Some(r.ident.to_string()),
        _ => None,
    }
}

/// `get(h)`, `get(h).post(h2)`, `on(filter, h)`, `MethodRouter::new()…`: an axum method router.
fn is_method_router(e: &Expr) -> bool {
    match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let names = seg_names(&p.path);
                names
                    .last()
                    .is_some_and(|l| AXUM_METHODS.contains(&l.as_str()) || l == "on")
                    || names.ends_with(&["MethodRouter".to_string(), "new".to_string()])
            }
            _ => false,
        },
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            (AXUM_METHODS.contains(&method.as_str()) || method == "on")
                && is_method_router(&m.receiver)
        }
        Expr::Paren(p) => is_method_router(&p.expr),
        _ => false,
    }
}

fn path_arg(e: &Expr) -> Option<&syn::Path> {
    match e {
        Expr::Path(p) if p.qself.is_none() => Some(&p.path),
        _ => None,
    }
}

impl<'ast> Visit<'ast> for PreVisitor<'_, 'ast> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        crate::lang::budget::tick();
        visit::visit_expr(self, e);
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        if let Some(first) = first_use_segment(&u.tree) {
            self.pre.crates.insert(first);
        }
        let mut prefix = Vec::new();
        collect_use(&u.tree, &mut prefix, self.pre);
        if self.test_mods == 0 {
            self.pre.use_items.push((&u.tree, self.mod_path.len()));
        }
    }

    fn visit_item_extern_crate(&mut self, e: &'ast syn::ItemExternCrate) {
        let name = e.ident.to_string();
        if let Some((_, rename)) = &e.rename {
            self.pre.uses.insert(rename.to_string(), vec![name.clone()]);
        }
        self.pre.crates.insert(name);
    }

    fn visit_item_mod(&mut self, m: &'ast ItemMod) {
        let name = m.ident.to_string();
        let test = is_cfg_test(&m.attrs);
        if test {
            self.test_mods += 1;
        }
        if m.content.is_some() {
            self.pre.inline_mods.insert(name.clone());
            self.mod_path.push(name);
            visit::visit_item_mod(self, m);
            self.mod_path.pop();
        } else {
            if self.test_mods == 0 {
                self.pre
                    .mod_decls
                    .push((self.mod_path.clone(), name.clone()));
            }
            self.pre.file_mods.insert(name);
        }
        if test {
            self.test_mods -= 1;
        }
    }

    fn visit_item_const(&mut self, c: &'ast syn::ItemConst) {
        self.pre
            .consts
            .entry(c.ident.to_string())
            .or_insert(&c.expr);
        self.name_value(&c.ident.to_string(), &c.expr);
        visit::visit_item_const(self, c);
    }

    fn visit_local(&mut self, l: &'ast syn::Local) {
        if let (Some(name), Some(init)) = (simple_binding(&l.pat), &l.init) {
            self.name_value(&name, &init.expr);
        }
        visit::visit_local(self, l);
    }

    fn visit_field_value(&mut self, f: &'ast syn::FieldValue) {
        if let syn::Member::Named(id) = &f.member {
            self.name_value(&id.to_string(), &f.expr);
        }
        visit::visit_field_value(self, f);
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        let name = match &*a.left {
            Expr::Field(f) => match &f.member {
                syn::Member::Named(id) => Some(id.to_string()),
                syn::Member::Unnamed(_) => None,
            },
            e => expr_ident(e),
        };
        if let Some(name) = name {
            self.name_value(&name, &a.right);
        }
        visit::visit_expr_assign(self, a);
    }

    fn visit_expr_lit(&mut self, l: &'ast syn::ExprLit) {
        if let syn::Lit::Str(s) = &l.lit {
            let text = s.value();
            if is_connection_url(&text) {
                let key: *const syn::LitStr = s;
                self.pre.urls.push(ConnUrl {
                    var: self.named.get(&key).cloned(),
                    text,
                    span: lit_text_span(self.conv, self.text, s),
                });
            }
        }
    }

    // The values of doc comments and `#[x = "…"]` attributes are not code.
    fn visit_attribute(&mut self, a: &'ast Attribute) {
        self.visit_path(a.path());
    }

    fn visit_item_fn(&mut self, f: &'ast ItemFn) {
        self.pre.fns.insert(f.sig.ident.to_string());
        if f.sig.inputs.is_empty() {
            self.pre
                .nullary_fns
                .entry(f.sig.ident.to_string())
                .or_insert(&f.block);
        }
        visit::visit_item_fn(self, f);
    }

    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.pre.types.insert(s.ident.to_string());
        if let syn::Fields::Named(named) = &s.fields {
            for f in &named.named {
                if let Some(id) = &f.ident {
                    self.pre.fields.entry(id.to_string()).or_insert(&f.ty);
                }
            }
        }
        visit::visit_item_struct(self, s);
    }

    fn visit_item_enum(&mut self, e: &'ast syn::ItemEnum) {
        self.pre.types.insert(e.ident.to_string());
        visit::visit_item_enum(self, e);
    }

    fn visit_item_type(&mut self, t: &'ast syn::ItemType) {
        self.pre.types.insert(t.ident.to_string());
        visit::visit_item_type(self, t);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast ImplItemFn) {
        self.pre.methods.insert(f.sig.ident.to_string());
        visit::visit_impl_item_fn(self, f);
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        self.pre.statics.insert(s.ident.to_string());
        self.pre
            .consts
            .entry(s.ident.to_string())
            .or_insert(&s.expr);
        self.name_value(&s.ident.to_string(), &s.expr);
        visit::visit_item_static(self, s);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() >= 2
            && p.leading_colon.is_none()
            && let Some(first) = p.segments.first()
        {
            let name = first.ident.to_string();
            if !self.pre.crates.contains(&name) {
                self.pre.crates.insert(name);
            }
        }
        visit::visit_path(self, p);
    }

    fn visit_expr_call(&mut self, c: &'ast ExprCall) {
        if let Expr::Path(p) = &*c.func {
            let names = seg_names(&p.path);
            let last = names.last().map(String::as_str).unwrap_or("");
            let target = if last == "on" {
                c.args.iter().nth(1)
            } else {
                c.args.first()
            };
            if AXUM_METHODS.contains(&last) || last == "on" {
                if let Some(t) = target.and_then(path_arg) {
                    // Decided after the walk, once every `use` item is known.
                    self.candidates.push(AxumCandidate {
                        callee: &p.path,
                        target: t,
                        in_route: self.route_depth > 0,
                    });
                }
            } else if last == "service_fn" {
                if let Some(t) = c.args.first().and_then(path_arg) {
                    self.pre.raw_refs.push(RawRef {
                        target: t,
                        framework: "lambda",
                    });
                }
            } else if let Some((framework, idx)) = self.pre.middleware(&p.path) {
                if let Some(t) = c.args.iter().nth(idx).and_then(path_arg) {
                    self.pre.raw_refs.push(RawRef {
                        target: t,
                        framework,
                    });
                }
            } else if last == "to"
                && (names
                    .first()
                    .is_some_and(|f| f == "web" || f == "actix_web")
                    || self.pre.deps_actix)
                && let Some(t) = c.args.first().and_then(path_arg)
            {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "actix",
                });
            }
        }
        visit::visit_expr_call(self, c);
    }

    fn visit_expr_method_call(&mut self, m: &'ast ExprMethodCall) {
        let method = m.method.to_string();
        let single = if m.args.len() == 1 {
            m.args.first().and_then(path_arg)
        } else {
            None
        };
        if let Some(t) = single {
            if method == "to" {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "actix",
                });
            } else if (AXUM_METHODS.contains(&method.as_str()) && is_method_router(&m.receiver))
                || (method == "fallback" && self.pre.deps_axum)
            {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "axum",
                });
            }
        }
        if method == "route" {
            self.visit_expr(&m.receiver);
            self.route_depth += 1;
            for a in &m.args {
                self.visit_expr(a);
            }
            self.route_depth -= 1;
            return;
        }
        visit::visit_expr_method_call(self, m);
    }

    fn visit_macro(&mut self, m: &'ast Macro) {
        match self.macros.get(m) {
            Some(MacroContent::Routes(paths)) => {
                for p in paths {
                    self.pre.raw_refs.push(RawRef {
                        target: p,
                        framework: "rocket",
                    });
                }
            }
            Some(MacroContent::Lazy(statics)) => {
                for (name, e) in statics {
                    self.pre.consts.entry(name.clone()).or_insert(e);
                    self.name_value(name, e);
                    self.visit_expr(e);
                }
            }
            Some(MacroContent::Exprs(exprs)) => {
                for e in exprs {
                    self.visit_expr(e);
                }
            }
            None => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pass 3: the walk

/// The context of the code being walked.
#[derive(Debug, Clone)]
struct Ctx {
    kind: ScopeKind,
    framework: Option<&'static str>,
    /// Innermost named function.
    fn_idx: Option<usize>,
    guard: Guard,
    /// The innermost function-like body is a closure or an async block (its value is not
    /// what the named function returns).
    closure: bool,
}

/// Does this function body start a server (`axum::serve(…)`, `HttpServer::new(…)….run()`,
/// `rocket::build()`, tonic's `Server::builder()`, warp's `serve`)?
fn starts_server(body: &str) -> bool {
    body.contains("axum::serve(")
        || (body.contains("HttpServer::new(") && body.contains(".run()"))
        || body.contains("rocket::build()")
        || (body.contains("Server::builder()") && body.contains(".serve("))
        || body.contains("warp::serve(")
        || (body.contains("TcpListener::bind(") && body.contains("serve("))
}

/// Where a function is defined.
#[derive(Debug, Clone, Copy, Default)]
struct FnPlace {
    /// A free function (`fn` item), not a method.
    free: bool,
    /// A method of `impl Trait for T` or a trait's default method (public through the trait).
    trait_impl: bool,
    /// A method of a tonic service impl (`#[tonic::async_trait] impl Greeter for MyGreeter`).
    tonic: bool,
}

/// What a closure argument becomes.
#[derive(Debug, Clone, Copy)]
enum ClosureRole {
    Handler(&'static str),
    Loop,
}

/// What the walker knows about a local variable.
#[derive(Debug, Clone, Default)]
struct LocalInfo {
    /// The resolved call at the root of its initialiser (`PgPoolOptions::new` for
    /// `let opts = PgPoolOptions::new().max_connections(5)`): a builder's start.
    start: Option<Vec<String>>,
    /// Its type, when known (`redis::Client`).
    ty: Option<Vec<String>>,
}

/// What a function hands to its caller.
#[derive(Debug, Default)]
struct Returns {
    direct_names: HashSet<String>,
    derived_names: HashSet<String>,
    direct_spans: HashSet<Span>,
    derived_spans: HashSet<Span>,
}

#[derive(Debug, Clone, Copy)]
enum Pending {
    Client(usize, bool),
    Call(usize, bool),
}

struct FnState<'ast> {
    sig: Option<&'ast Signature>,
    body: &'ast Block,
    locals: HashMap<String, LocalInfo>,
    /// `(receiver, method)` of method calls on plain variables, closures included.
    calls_on: Vec<(String, String)>,
    stored_static: HashSet<String>,
    stored_self: HashSet<String>,
    returns: Returns,
    /// Parameter and local names, computed when first needed.
    names: Option<HashSet<String>>,
    pending: Vec<Pending>,
    /// `let x = …` bindings in source order (closures included), for options and URLs.
    bindings: Vec<Binding<'ast>>,
    /// `x.field = …` assignments in source order.
    field_sets: Vec<FieldSet<'ast>>,
}

/// `let name = init;`: visible from `end` on.
struct Binding<'ast> {
    name: String,
    init: &'ast Expr,
    start: usize,
    end: usize,
}

/// `root.field = value;` (also `root.a.field = value`): visible from `end` on.
struct FieldSet<'ast> {
    root: String,
    field: String,
    value: &'ast Expr,
    end: usize,
}

struct Walker<'a, 'ast> {
    file: &'a SourceFile,
    catalog: &'a LangCatalog,
    pre: &'a Pre<'ast>,
    macros: &'ast MacroStore,
    conv: &'a Conv<'a>,
    facts: FileFacts,
    role: FileRole,
    ctx: Vec<Ctx>,
    fns: Vec<FnState<'ast>>,
    stmts: Vec<Span>,
    /// `let x = <core>`: the span of the core value and the name.
    lets: Vec<(Span, String)>,
    /// `self.x = <core>` / `STATIC = <core>`: the span of the core value and its guard.
    assign_guards: Vec<(Span, Guard)>,
    /// Calls already covered by a builder chain that starts with them.
    consumed: HashSet<Span>,
    /// `let` bindings inside the `static` / `const` initialiser being walked.
    static_bindings: Vec<Binding<'ast>>,
    next_closure: Option<ClosureRole>,
    test_depth: usize,
    inline_depth: usize,
    /// The self type of the `impl` block being walked.
    impl_owner: Option<String>,
}

impl<'a, 'ast> Walker<'a, 'ast> {
    fn new(
        file: &'a SourceFile,
        catalog: &'a LangCatalog,
        pre: &'a Pre<'ast>,
        macros: &'ast MacroStore,
        conv: &'a Conv<'a>,
    ) -> Self {
        let facts = FileFacts {
            handler_refs: pre.handler_refs.clone(),
            urls: pre.urls.clone(),
            imports: pre.imports.clone(),
            ..FileFacts::default()
        };
        Walker {
            file,
            catalog,
            pre,
            macros,
            conv,
            facts,
            role: file_role(&file.rel),
            ctx: vec![Ctx {
                kind: ScopeKind::Module,
                framework: None,
                fn_idx: None,
                guard: Guard::None,
                closure: false,
            }],
            fns: Vec::new(),
            stmts: Vec::new(),
            lets: Vec::new(),
            assign_guards: Vec::new(),
            consumed: HashSet::new(),
            static_bindings: Vec::new(),
            next_closure: None,
            test_depth: 0,
            inline_depth: 0,
            impl_owner: None,
        }
    }

    fn ctx(&self) -> Ctx {
        self.ctx.last().cloned().unwrap_or(Ctx {
            kind: ScopeKind::Module,
            framework: None,
            fn_idx: None,
            guard: Guard::None,
            closure: false,
        })
    }

    fn with_ctx(&mut self, ctx: Ctx, f: impl FnOnce(&mut Self)) {
        self.ctx.push(ctx);
        f(self);
        self.ctx.pop();
    }

    fn scope(&self, ctx: &Ctx) -> Scope {
        let f = self.facts.function(ctx.fn_idx);
        Scope {
            kind: ctx.kind,
            framework: ctx.framework.map(String::from),
            name: f.map(|f| f.name.clone()),
            span: f.map(|f| f.span),
        }
    }

    fn in_test(&self) -> bool {
        self.role == FileRole::Test || self.test_depth > 0 || self.ctx().kind == ScopeKind::Test
    }

    // --- functions -------------------------------------------------------------------------

    /// Classify a function from its attributes, name, parameters and the file.
    fn classify_fn(
        &self,
        attrs: &[Attribute],
        sig: &Signature,
        place: FnPlace,
    ) -> (ScopeKind, Option<&'static str>) {
        let FnPlace { free, tonic, .. } = place;
        let name = sig.ident.to_string();
        if self.in_test() || is_test_attr(attrs) || is_cfg_test(attrs) {
            return (ScopeKind::Test, Some("test"));
        }
        if self.role == FileRole::Startup
            || is_main_attr(attrs)
            || (free && name == "main" && self.fns.is_empty())
        {
            return (ScopeKind::Startup, Some("startup"));
        }
        if let Some(fw) = self.route_attr(attrs) {
            return (ScopeKind::Handler, Some(fw));
        }
        if attrs
            .iter()
            .any(|a| attr_last(a).is_some_and(|l| l == "debug_handler"))
        {
            return (ScopeKind::Handler, Some("axum"));
        }
        if free && let Some(fw) = self.pre.local_handlers.get(&name) {
            return (ScopeKind::Handler, Some(fw));
        }
        if tonic {
            return (ScopeKind::Handler, Some("tonic"));
        }
        if let Some(fw) = self.extractor_framework(sig) {
            return (ScopeKind::Handler, Some(fw));
        }
        (ScopeKind::Function, None)
    }

    /// actix-web / Rocket route attributes: `#[get("/")]`, `#[actix_web::post("/")]`, `#[rocket::get("/")]`.
    fn route_attr(&self, attrs: &[Attribute]) -> Option<&'static str> {
        for a in attrs {
            let names = seg_names(a.path());
            let Some(last) = names.last() else { continue };
            if !ROUTE_ATTRS.contains(&last.as_str()) {
                continue;
            }
            let first = names.first().map(String::as_str).unwrap_or("");
            let resolved_first = self
                .pre
                .uses
                .get(first)
                .and_then(|p| p.first())
                .map(String::as_str)
                .unwrap_or(first);
            let fw = match (names.len(), resolved_first) {
                (_, "rocket") => "rocket",
                (_, "actix_web") => "actix",
                (1, _) if self.pre.deps_rocket && !self.pre.deps_actix => "rocket",
                (1, _) => "actix",
                _ => continue,
            };
            return Some(fw);
        }
        None
    }

    /// `async fn h(State(s): State<AppState>, Json(body): Json<T>)` → axum; `web::Data<T>` /
    /// `HttpRequest` → actix.
    fn extractor_framework(&self, sig: &Signature) -> Option<&'static str> {
        sig.asyncness?;
        for input in &sig.inputs {
            let FnArg::Typed(pt) = input else { continue };
            let mut ty = &*pt.ty;
            while let Type::Reference(r) = ty {
                ty = &r.elem;
            }
            let Type::Path(tp) = ty else { continue };
            let names = seg_names(&tp.path);
            let Some(last) = tp.path.segments.last() else {
                continue;
            };
            let last_name = last.ident.to_string();
            let generic = matches!(last.arguments, syn::PathArguments::AngleBracketed(_));
            let resolved = self.pre.resolve(&tp.path);
            let root = resolved.first().map(String::as_str).unwrap_or("");
            let actix = root == "actix_web"
                || names.len() >= 2 && names.get(names.len() - 2).is_some_and(|s| s == "web");
            if last_name == "HttpRequest" && (root == "actix_web" || self.pre.deps_actix) {
                return Some("actix");
            }
            if !generic
                || !(EXTRACTORS.contains(&last_name.as_str()) || (actix && last_name == "Data"))
            {
                continue;
            }
            if actix {
                return Some("actix");
            }
            if root == "axum" || self.pre.deps_axum || !self.pre.deps_actix {
                return Some("axum");
            }
            return Some("actix");
        }
        None
    }

    fn enter_fn(
        &mut self,
        attrs: &'ast [Attribute],
        vis: &Visibility,
        sig: &'ast Signature,
        block: &'ast Block,
        place: FnPlace,
    ) {
        let (mut kind, mut framework) = self.classify_fn(attrs, sig, place);
        // A function that starts the server runs once, whoever calls it (`run_server()` called
        // from `main` through the library crate).
        if kind == ScopeKind::Function && starts_server(self.file.slice(self.conv.of(block))) {
            (kind, framework) = (ScopeKind::Startup, Some("startup"));
        }
        let trait_impl = place.trait_impl;
        let memo = is_memo_attr(attrs);
        let parent = self.ctx().fn_idx;
        let idx = self.facts.functions.len();
        let span = self.conv.of(&sig.ident);
        self.facts.functions.push(FnFact {
            name: sig.ident.to_string(),
            span,
            exported: is_pub(vis) || trait_impl,
            scope: Scope {
                kind,
                framework: framework.map(String::from),
                name: Some(sig.ident.to_string()),
                span: Some(span),
            },
            guard: if memo { Guard::Memo } else { Guard::None },
            parent,
            params: u32::try_from(
                sig.inputs
                    .iter()
                    .filter(|a| matches!(a, FnArg::Typed(_)))
                    .count(),
            )
            .unwrap_or(u32::MAX),
            method: !place.free,
            def_line: None,
            owner: if place.free {
                None
            } else {
                self.impl_owner.clone()
            },
            receiver: sig.receiver().is_some(),
        });
        let mut state = FnState {
            sig: Some(sig),
            body: block,
            locals: HashMap::new(),
            calls_on: Vec::new(),
            stored_static: HashSet::new(),
            stored_self: HashSet::new(),
            returns: Returns::default(),
            names: None,
            pending: Vec::new(),
            bindings: Vec::new(),
            field_sets: Vec::new(),
        };
        for input in &sig.inputs {
            if let FnArg::Typed(pt) = input
                && let Some(name) = pat_binding(&pt.pat)
            {
                let ty = self.value_type(&pt.ty);
                state.locals.insert(name, LocalInfo { start: None, ty });
            }
        }
        collect_returns(block, self.conv, &mut state.returns);
        self.fns.push(state);
        let ctx = Ctx {
            kind,
            framework,
            fn_idx: Some(idx),
            guard: if memo { Guard::Memo } else { Guard::None },
            closure: false,
        };
        let lets = std::mem::take(&mut self.lets);
        let assigns = std::mem::take(&mut self.assign_guards);
        self.with_ctx(ctx, |w| w.visit_block(block));
        self.lets = lets;
        self.assign_guards = assigns;
        if let Some(state) = self.fns.pop() {
            self.finish_fn(state);
        }
    }

    fn finish_fn(&mut self, state: FnState<'ast>) {
        for p in &state.pending {
            match *p {
                Pending::Client(i, closure) => {
                    let Some(site) = self.facts.clients.get(i) else {
                        continue;
                    };
                    let (released, returned, guard) =
                        self.judge(&state, site.binding.as_deref(), site.span, closure, |m| {
                            self.catalog.is_release(&site.client, m)
                        });
                    let direct = !closure && state.returns.direct_spans.contains(&site.span);
                    if let Some(site) = self.facts.clients.get_mut(i) {
                        site.released = released;
                        site.returned = returned;
                        site.anchors.direct_return = direct;
                        if site.guard == Guard::None {
                            site.guard = guard;
                        }
                    }
                }
                Pending::Call(i, closure) => {
                    let Some(call) = self.facts.calls.get(i) else {
                        continue;
                    };
                    let (released, returned, guard) =
                        self.judge(&state, call.binding.as_deref(), call.span, closure, |m| {
                            GENERIC_RELEASE.contains(&m)
                        });
                    if let Some(call) = self.facts.calls.get_mut(i) {
                        call.released = released;
                        call.returned = returned;
                        if call.guard == Guard::None {
                            call.guard = guard;
                        }
                    }
                }
            }
        }
    }

    /// Released / returned / stored, from what the function does with the value.
    fn judge(
        &self,
        state: &FnState<'ast>,
        binding: Option<&str>,
        span: Span,
        closure: bool,
        is_release: impl Fn(&str) -> bool,
    ) -> (bool, Returned, Guard) {
        let released =
            binding.is_some_and(|b| state.calls_on.iter().any(|(r, m)| r == b && is_release(m)));
        let r = &state.returns;
        let returned = if closure {
            Returned::No
        } else if r.direct_spans.contains(&span)
            || binding.is_some_and(|b| r.direct_names.contains(b))
        {
            Returned::Direct
        } else if r.derived_spans.contains(&span)
            || binding.is_some_and(|b| r.derived_names.contains(b))
        {
            Returned::Derived
        } else {
            Returned::No
        };
        let guard = match binding {
            Some(b) if state.stored_static.contains(b) => Guard::ModuleCache,
            Some(b) if state.stored_self.contains(b) => Guard::Owner,
            _ => Guard::None,
        };
        (released, returned, guard)
    }

    // --- types and locals ------------------------------------------------------------------

    /// The full path of a value's type, through references and `Arc` / `State` / `web::Data`.
    fn value_type(&self, ty: &Type) -> Option<Vec<String>> {
        match ty {
            Type::Reference(r) => self.value_type(&r.elem),
            Type::Paren(p) => self.value_type(&p.elem),
            Type::Group(g) => self.value_type(&g.elem),
            Type::Path(tp) if tp.qself.is_none() => {
                let last = tp.path.segments.last()?;
                if WRAPPERS.contains(&last.ident.to_string().as_str())
                    && let syn::PathArguments::AngleBracketed(args) = &last.arguments
                {
                    let inner = args.args.iter().find_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })?;
                    return self.value_type(inner);
                }
                Some(self.pre.resolve(&tp.path))
            }
            _ => None,
        }
    }

    fn local(&self, name: &str) -> Option<&LocalInfo> {
        self.fns.last().and_then(|f| f.locals.get(name))
    }

    /// `Client::open` → `Client` (an associated function of a type returns that type, usually).
    fn type_of_call(resolved: &[String]) -> Option<Vec<String>> {
        let n = resolved.len();
        if n >= 2 && resolved.get(n - 2).is_some_and(|t| starts_upper(t)) {
            return Some(resolved[..n - 1].to_vec());
        }
        None
    }

    /// What a `let` initialiser tells about the variable.
    fn local_info(&self, init: &Expr) -> LocalInfo {
        let mut info = LocalInfo::default();
        if let Expr::Call(c) = chain_root(init)
            && let Expr::Path(p) = &*c.func
        {
            info.start = Some(self.pre.resolve(&p.path));
        }
        match passthrough_root(init) {
            Expr::Call(c) => {
                if let Expr::Path(p) = &*c.func {
                    info.ty = Self::type_of_call(&self.pre.resolve(&p.path));
                }
            }
            Expr::Struct(s) => info.ty = Some(self.pre.resolve(&s.path)),
            // actix-web `req.app_data::<web::Data<redis::Client>>()`.
            Expr::MethodCall(mc) if mc.method == "app_data" => {
                let ty = mc.turbofish.as_ref().and_then(|t| {
                    t.args.iter().find_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    })
                });
                info.ty = ty.and_then(|t| self.value_type(t));
            }
            e => {
                if let Some(other) = expr_ident(e).and_then(|n| self.local(&n)) {
                    info.ty.clone_from(&other.ty);
                    if info.start.is_none() {
                        info.start.clone_from(&other.start);
                    }
                }
            }
        }
        info
    }

    fn fn_names(&mut self) -> Option<&HashSet<String>> {
        let state = self.fns.last_mut()?;
        if state.names.is_none() {
            let mut c = NameCollector::default();
            if let Some(sig) = state.sig {
                c.visit_signature(sig);
            }
            c.visit_block(state.body);
            state.names = Some(c.names);
        }
        state.names.as_ref()
    }

    /// No identifier of the construction is a parameter or local of the enclosing function.
    fn args_are_static(&mut self, idents: &[String]) -> bool {
        match self.fn_names() {
            Some(names) => !idents.iter().any(|i| names.contains(i)),
            None => true,
        }
    }

    // --- sites -----------------------------------------------------------------------------

    fn binding_for(&self, span: Span) -> Option<String> {
        self.lets
            .iter()
            .rev()
            .find(|(s, _)| *s == span)
            .map(|(_, n)| n.clone())
    }

    fn anchors(&mut self, idents: &[String]) -> FixAnchors {
        FixAnchors {
            statement: self.stmts.last().copied(),
            module_insert: Some(self.pre.module_insert),
            args_are_static: self.args_are_static(idents),
            ..Default::default()
        }
    }

    fn add_client(&mut self, m: CtorMatch<'_>, span: Span, ctor: String, idents: &[String]) {
        let ctx = self.ctx();
        let mut guard = if m.singleton {
            Guard::SingletonApi
        } else {
            ctx.guard
        };
        if guard == Guard::None
            && let Some((_, g)) = self.assign_guards.iter().rev().find(|(s, _)| *s == span)
        {
            guard = *g;
        }
        let site = ClientSite {
            client: m.client.id.clone(),
            family: m.client.family.clone(),
            kind: m.client.kind,
            ctor,
            span,
            scope: self.scope(&ctx),
            guard,
            binding: self.binding_for(span),
            released: false,
            returned: Returned::No,
            in_fn: ctx.fn_idx,
            pool: Vec::new(),
            anchors: self.anchors(idents),
        };
        let i = self.facts.clients.len();
        self.facts.clients.push(site);
        if let Some(state) = self.fns.last_mut() {
            state.pending.push(Pending::Client(i, ctx.closure));
        }
    }

    fn add_call(
        &mut self,
        callee: String,
        name: String,
        module: Option<ModuleRef>,
        span: Span,
        method: bool,
    ) {
        let ctx = self.ctx();
        let mut guard = ctx.guard;
        if guard == Guard::None
            && let Some((_, g)) = self.assign_guards.iter().rev().find(|(s, _)| *s == span)
        {
            guard = *g;
        }
        let call = CallSite {
            callee,
            name,
            module,
            span,
            scope: self.scope(&ctx),
            guard,
            binding: self.binding_for(span),
            released: false,
            returned: Returned::No,
            in_fn: ctx.fn_idx,
            method,
        };
        let i = self.facts.calls.len();
        self.facts.calls.push(call);
        if let Some(state) = self.fns.last_mut() {
            state.pending.push(Pending::Call(i, ctx.closure));
        }
    }

    /// A plain call of a resolved path: `PgPool::connect`, `reqwest::get`. Falls back on glob
    /// imports of catalogue crates (`use sqlx::postgres::*;` + `PgPool::connect`).
    fn match_call(&self, resolved: &[String]) -> Option<(CtorMatch<'a>, Vec<String>)> {
        let catalog: &'a LangCatalog = self.catalog;
        if let Some(m) = catalog.match_rs(resolved, None) {
            return Some((m, resolved.to_vec()));
        }
        if !self.glob_ok(resolved) {
            return None;
        }
        for g in &self.pre.globs {
            if g.first().is_some_and(|f| catalog.knows_module(f)) {
                let mut full = g.clone();
                full.extend(resolved.iter().cloned());
                if let Some(m) = catalog.match_rs(&full, None) {
                    return Some((m, full));
                }
            }
        }
        None
    }

    /// May a glob import (`use sqlx::postgres::*;`) supply the crate of this resolved path? Only
    /// when its first segment is a bare name nothing else defines: not a crate or module, not a
    /// local type, not the root of a `use` item (`bb8::Pool` after
    /// `use diesel_async::pooled_connection::bb8` is resolved already).
    fn glob_ok(&self, resolved: &[String]) -> bool {
        let Some(first) = resolved.first() else {
            return false;
        };
        let pre = self.pre;
        !(self.catalog.knows_module(first)
            || matches!(first.as_str(), "crate" | "self" | "super" | "Self")
            || STD_CRATES.contains(&first.as_str())
            || self.file.project.has_dep(first)
            || pre.use_roots.contains(first)
            || pre.file_mods.contains(first)
            || pre.inline_mods.contains(first)
            || pre.types.contains(first))
    }

    fn match_builder(&self, start: &[String], method: &str) -> Option<CtorMatch<'a>> {
        let catalog: &'a LangCatalog = self.catalog;
        if let Some(m) = catalog.match_rs(start, Some(method)) {
            return Some(m);
        }
        if !self.glob_ok(start) {
            return None;
        }
        self.pre
            .globs
            .iter()
            .filter(|g| g.first().is_some_and(|f| catalog.knows_module(f)))
            .find_map(|g| {
                let mut full = g.clone();
                full.extend(start.iter().cloned());
                catalog.match_rs(&full, Some(method))
            })
    }

    fn match_value(&self, ty: &[String], method: &str) -> Option<CtorMatch<'a>> {
        let catalog: &'a LangCatalog = self.catalog;
        if let Some(m) = catalog.match_rs_value(ty, method) {
            return Some(m);
        }
        if !self.glob_ok(ty) {
            return None;
        }
        self.pre
            .globs
            .iter()
            .filter(|g| g.first().is_some_and(|f| catalog.knows_module(f)))
            .find_map(|g| {
                let mut full = g.clone();
                full.extend(ty.iter().cloned());
                catalog.match_rs_value(&full, method)
            })
    }

    /// A receiver whose type this file does not show (`state.redis` of an `AppState` declared
    /// elsewhere): a method specific to one catalogue crate the file mentions
    /// (`state.redis.get_multiplexed_async_connection()` in a file that uses `redis`). Only for
    /// method names with an underscore (`create_pool`, `get_connection`, never `connect`) that
    /// the file does not define itself, and, unless the method creates a pool, only when the
    /// receiver's name hints at the type (`redis`, `redis_client`, `client`): a wrapper's
    /// `self.store.get_connection()` is not redis-rs's.
    fn match_unknown_receiver(&self, method: &str, receiver: &str) -> Option<CtorMatch<'a>> {
        if !method.contains('_') || self.pre.methods.contains(method) {
            return None;
        }
        let catalog: &'a LangCatalog = self.catalog;
        let mut crates: Vec<&String> = self
            .pre
            .crates
            .iter()
            .filter(|c| catalog.knows_module(c))
            .collect();
        crates.sort();
        let receiver = receiver.to_ascii_lowercase();
        crates.into_iter().find_map(|c| {
            let m = catalog.match_rs_method_in(c, method)?;
            let ty = m
                .ctor
                .path()
                .rsplit("::")
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let hinted = method.contains("pool")
                || receiver.contains(&ty)
                || (ty.starts_with("conf") && receiver.contains("cfg"))
                || c.split('_').any(|part| receiver.contains(part));
            hinted.then_some(m)
        })
    }

    /// A method call that ends a builder chain or is a constructor method on a typed value.
    /// Returns the match, a display name, and the span of the chain's root call (consumed).
    fn match_method(
        &self,
        m: &'ast ExprMethodCall,
        method: &str,
    ) -> Option<(CtorMatch<'a>, String, Option<Span>)> {
        let root = chain_root(&m.receiver);
        let display = |def_path: &str| format!("{def_path}().{method}()");
        match root {
            Expr::Call(c) => {
                let Expr::Path(p) = &*c.func else { return None };
                let resolved = self.pre.resolve(&p.path);
                let root_span = Some(self.conv.of(c));
                if let Some(mm) = self.match_builder(&resolved, method) {
                    return Some((mm, display(mm.ctor.path()), root_span));
                }
                let ty = Self::type_of_call(&resolved)?;
                let mm = self.match_value(&ty, method)?;
                Some((mm, format!("{}::{method}()", mm.ctor.path()), root_span))
            }
            Expr::Struct(s) => {
                let ty = self.pre.resolve(&s.path);
                let mm = self.match_value(&ty, method)?;
                Some((mm, format!("{}::{method}()", mm.ctor.path()), None))
            }
            Expr::Field(f) => {
                let field = match &f.member {
                    syn::Member::Named(id) => id.to_string(),
                    syn::Member::Unnamed(_) => return None,
                };
                let mm = match self.pre.fields.get(&field).and_then(|t| self.value_type(t)) {
                    Some(ty) => self.match_value(&ty, method),
                    None => self.match_unknown_receiver(method, &field),
                }?;
                Some((mm, format!("{}::{method}()", mm.ctor.path()), None))
            }
            e => {
                let name = expr_ident(e)?;
                if let Some(info) = self.local(&name) {
                    if let Some(start) = &info.start
                        && let Some(mm) = self.match_builder(start, method)
                    {
                        return Some((mm, display(mm.ctor.path()), None));
                    }
                    if let Some(ty) = &info.ty {
                        let mm = self.match_value(ty, method)?;
                        return Some((mm, format!("{}::{method}()", mm.ctor.path()), None));
                    }
                    if info.start.is_some() {
                        return None;
                    }
                }
                let mm = match self.pre.fields.get(&name).and_then(|t| self.value_type(t)) {
                    Some(ty) => self.match_value(&ty, method),
                    None => self.match_unknown_receiver(method, &name),
                }?;
                Some((mm, format!("{}::{method}()", mm.ctor.path()), None))
            }
        }
    }

    /// A call of a function of the project (`pool()`, `db::pool()`, `crate::db::pool()`,
    /// `Api::new()`), or `None` for calls into dependencies.
    fn call_target(&self, path: &syn::Path) -> Option<(String, String, Option<ModuleRef>)> {
        if path.leading_colon.is_some() {
            return None;
        }
        let names = seg_names(path);
        let name = names.last()?.clone();
        let callee = names.join("::");
        let project = &self.file.project;
        let place = if names.len() == 1 {
            if starts_upper(&name) {
                return None;
            }
            if self.pre.uses.contains_key(&name) {
                let resolved = self.pre.resolve(path);
                self.pre.place_of(&resolved, 1, self.inline_depth, project)
            } else if self.pre.fns.contains(&name) {
                Place::SameFile
            } else {
                self.pre.glob_place(project)?
            }
        } else {
            let resolved = self.pre.resolve(path);
            self.pre
                .place_of(&resolved, names.len(), self.inline_depth, project)
        };
        match place {
            Place::SameFile => Some((callee, name, None)),
            Place::Module(m) => Some((callee, name, Some(m))),
            Place::External => None,
        }
    }

    /// Visit call arguments under a context override (a guard, a closure role).
    fn visit_args(
        &mut self,
        args: impl IntoIterator<Item = &'ast Expr>,
        guard: Option<Guard>,
        closure: Option<ClosureRole>,
    ) {
        for arg in args {
            let mut ctx = self.ctx();
            if let Some(g) = guard {
                ctx.guard = g;
            }
            self.with_ctx(ctx, |w| {
                // A constructor passed as a function value: `LazyLock::new(reqwest::Client::new)`.
                if let Expr::Path(p) = arg
                    && p.qself.is_none()
                    && p.path.segments.len() >= 2
                {
                    let resolved = w.pre.resolve(&p.path);
                    if let Some((m, full)) = w.match_call(&resolved) {
                        let span = w.conv.of(p);
                        let ctor = ctor_display(m.ctor.path(), &full);
                        w.add_client(m, span, ctor, &[]);
                    }
                }
                if matches!(arg, Expr::Closure(_)) {
                    w.next_closure = closure;
                }
                w.visit_expr(arg);
                w.next_closure = None;
            });
        }
    }
}

/// `PgPool::connect()`; single-segment paths keep their crate: `tokio_postgres::connect()`.
fn ctor_display(def_path: &str, resolved: &[String]) -> String {
    if def_path.contains("::") {
        format!("{def_path}()")
    } else {
        format!("{}()", resolved.join("::"))
    }
}

/// Identifiers an expression mentions (paths of one segment, and identifiers inside macros).
#[derive(Default)]
struct IdentCollector {
    idents: Vec<String>,
}

impl<'ast> Visit<'ast> for IdentCollector {
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.qself.is_none()
            && p.path.segments.len() == 1
            && let Some(s) = p.path.segments.first()
        {
            self.idents.push(s.ident.to_string());
        }
    }
    fn visit_macro(&mut self, m: &'ast Macro) {
        collect_token_idents(&m.tokens, &mut self.idents);
    }
}

/// Every name a function binds (parameters, `let`, closure parameters, `for` patterns).
#[derive(Default)]
struct NameCollector {
    names: HashSet<String>,
}

impl<'ast> Visit<'ast> for NameCollector {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.names.insert(p.ident.to_string());
        visit::visit_pat_ident(self, p);
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

// --- returns ------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Direct,
    Derived,
}

/// Collect what a function body returns: its tail expression and every `return` (not those of
/// closures, async blocks or nested items).
fn collect_returns(block: &Block, conv: &Conv<'_>, out: &mut Returns) {
    if let Some(Stmt::Expr(e, None)) = block.stmts.last() {
        returned_expr(e, Mode::Direct, conv, out);
    }
    let mut rc = ReturnCollector { conv, out };
    rc.visit_block(block);
}

struct ReturnCollector<'c, 'o> {
    conv: &'c Conv<'c>,
    out: &'o mut Returns,
}

impl<'ast> Visit<'ast> for ReturnCollector<'_, '_> {
    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        if let Some(e) = &r.expr {
            returned_expr(e, Mode::Direct, self.conv, self.out);
        }
    }
    fn visit_expr_closure(&mut self, _: &'ast ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

fn block_tail(b: &Block) -> Option<&Expr> {
    match b.stmts.last() {
        Some(Stmt::Expr(e, None)) => Some(e),
        _ => None,
    }
}

/// Record the values a returned expression hands over (`Direct`) or derives from (`Derived`).
fn returned_expr(e: &Expr, mode: Mode, conv: &Conv<'_>, out: &mut Returns) {
    let span = conv.of(e);
    match mode {
        Mode::Direct => out.direct_spans.insert(span),
        Mode::Derived => out.derived_spans.insert(span),
    };
    match e {
        Expr::Path(_) => {
            if let Some(n) = expr_ident(e) {
                match mode {
                    Mode::Direct => out.direct_names.insert(n),
                    Mode::Derived => out.derived_names.insert(n),
                };
            }
        }
        Expr::Await(a) => returned_expr(&a.base, mode, conv, out),
        Expr::Try(t) => returned_expr(&t.expr, mode, conv, out),
        Expr::Paren(p) => returned_expr(&p.expr, mode, conv, out),
        Expr::Group(g) => returned_expr(&g.expr, mode, conv, out),
        Expr::Cast(c) => returned_expr(&c.expr, mode, conv, out),
        Expr::Call(c) => {
            // `Ok(x)`, `Some(x)`, `Arc::new(x)`, `AppState::new(x)`, `Json(x)`: the value moves
            // into what is returned. A plain function call returns something else.
            let wraps = match &*c.func {
                Expr::Path(p) => {
                    let names = seg_names(&p.path);
                    let n = names.len();
                    names
                        .last()
                        .is_some_and(|l| starts_upper(l) || l == "new" || l == "from")
                        || (n >= 2 && names.get(n - 2).is_some_and(|t| starts_upper(t)))
                }
                _ => false,
            };
            if wraps {
                for a in &c.args {
                    returned_expr(a, mode, conv, out);
                }
            }
        }
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            if PASSTHROUGH.contains(&method.as_str()) {
                returned_expr(&m.receiver, mode, conv, out);
            } else if DERIVING.contains(&method.as_str()) {
                returned_expr(&m.receiver, Mode::Derived, conv, out);
            } else if expr_ident(chain_root(&m.receiver)).is_none() {
                // `Router::new().with_state(pool)`, `builder.pool(pool).build()`: moved in.
                for a in &m.args {
                    returned_expr(a, mode, conv, out);
                }
            }
        }
        Expr::Struct(s) => {
            for f in &s.fields {
                returned_expr(&f.expr, mode, conv, out);
            }
        }
        Expr::Tuple(t) => {
            for x in &t.elems {
                returned_expr(x, mode, conv, out);
            }
        }
        Expr::Array(a) => {
            for x in &a.elems {
                returned_expr(x, mode, conv, out);
            }
        }
        Expr::Block(b) => {
            if let Some(t) = block_tail(&b.block) {
                returned_expr(t, mode, conv, out);
            }
        }
        Expr::Unsafe(b) => {
            if let Some(t) = block_tail(&b.block) {
                returned_expr(t, mode, conv, out);
            }
        }
        Expr::If(i) => {
            if let Some(t) = block_tail(&i.then_branch) {
                returned_expr(t, mode, conv, out);
            }
            if let Some((_, els)) = &i.else_branch {
                returned_expr(els, mode, conv, out);
            }
        }
        Expr::Match(m) => {
            for arm in &m.arms {
                returned_expr(&arm.body, mode, conv, out);
            }
        }
        _ => {}
    }
}

// --- the visitor --------------------------------------------------------------------------------

impl<'ast> Visit<'ast> for Walker<'_, 'ast> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        crate::lang::budget::tick();
        visit::visit_expr(self, e);
    }

    fn visit_item_fn(&mut self, f: &'ast ItemFn) {
        let place = FnPlace {
            free: true,
            ..FnPlace::default()
        };
        self.enter_fn(&f.attrs, &f.vis, &f.sig, &f.block, place);
    }

    fn visit_item_impl(&mut self, i: &'ast ItemImpl) {
        let tonic = i.trait_.is_some()
            && self.pre.deps_tonic
            && i.attrs
                .iter()
                .any(|a| attr_last(a).is_some_and(|l| l == "async_trait"));
        let test = is_cfg_test(&i.attrs);
        if test {
            self.test_depth += 1;
        }
        let place = FnPlace {
            free: false,
            trait_impl: i.trait_.is_some(),
            tonic,
        };
        let owner = match &*i.self_ty {
            syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let outer = std::mem::replace(&mut self.impl_owner, owner);
        for item in &i.items {
            match item {
                syn::ImplItem::Fn(f) => self.enter_fn(&f.attrs, &f.vis, &f.sig, &f.block, place),
                other => self.visit_impl_item(other),
            }
        }
        self.impl_owner = outer;
        if test {
            self.test_depth -= 1;
        }
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            let place = FnPlace {
                trait_impl: true,
                ..FnPlace::default()
            };
            self.enter_fn(&f.attrs, &Visibility::Inherited, &f.sig, block, place);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast ItemMod) {
        let test = is_cfg_test(&m.attrs);
        if test {
            self.test_depth += 1;
        }
        self.inline_depth += 1;
        visit::visit_item_mod(self, m);
        self.inline_depth -= 1;
        if test {
            self.test_depth -= 1;
        }
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        self.lazy_item(self.conv.of(s), &s.expr);
    }

    fn visit_item_const(&mut self, c: &'ast syn::ItemConst) {
        self.lazy_item(self.conv.of(c), &c.expr);
    }

    fn visit_impl_item_const(&mut self, c: &'ast syn::ImplItemConst) {
        self.lazy_item(self.conv.of(c), &c.expr);
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        let span = self.conv.of(m);
        self.stmts.push(span);
        self.visit_macro(&m.mac);
        self.stmts.pop();
    }

    fn visit_macro(&mut self, m: &'ast Macro) {
        let macros = self.macros;
        match macros.get(m) {
            Some(MacroContent::Lazy(statics)) => {
                let test = self.in_test();
                let ctx = Ctx {
                    kind: if test {
                        ScopeKind::Test
                    } else {
                        ScopeKind::Module
                    },
                    framework: if test { Some("test") } else { None },
                    fn_idx: None,
                    guard: Guard::Lazy,
                    closure: false,
                };
                let fns = std::mem::take(&mut self.fns);
                self.static_bindings.clear();
                self.with_ctx(ctx, |w| {
                    for (_, e) in statics {
                        w.visit_expr(e);
                    }
                });
                self.fns = fns;
            }
            Some(MacroContent::Exprs(exprs)) => {
                for e in exprs {
                    self.visit_expr(e);
                }
            }
            Some(MacroContent::Routes(_)) | None => {}
        }
    }

    fn visit_stmt(&mut self, s: &'ast Stmt) {
        self.stmts.push(self.conv.of(s));
        visit::visit_stmt(self, s);
        self.stmts.pop();
    }

    fn visit_local(&mut self, l: &'ast syn::Local) {
        let Some(init) = &l.init else { return };
        if let Some(n) = simple_binding(&l.pat) {
            let span = self.conv.of(l);
            let binding = Binding {
                name: n,
                init: &init.expr,
                start: span.start as usize,
                end: span.end as usize,
            };
            match self.fns.last_mut() {
                Some(state) => state.bindings.push(binding),
                None => self.static_bindings.push(binding),
            }
        }
        let name = pat_binding(&l.pat);
        if let Some(n) = &name {
            let mut info = self.local_info(&init.expr);
            if let Pat::Type(pt) = &l.pat
                && let Some(ty) = self.value_type(&pt.ty)
            {
                info.ty = Some(ty);
            }
            if let Some(state) = self.fns.last_mut() {
                state.locals.insert(n.clone(), info);
            }
        }
        let pushed = match &name {
            Some(n) => {
                let core = self.conv.of(value_core(&init.expr));
                self.lets.push((core, n.clone()));
                true
            }
            None => false,
        };
        self.visit_expr(&init.expr);
        if pushed {
            self.lets.pop();
        }
        if let Some((_, diverge)) = &init.diverge {
            self.visit_expr(diverge);
        }
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        match pat_binding(&l.pat) {
            Some(n) => {
                let core = self.conv.of(value_core(&l.expr));
                self.lets.push((core, n));
                self.visit_expr(&l.expr);
                self.lets.pop();
            }
            None => self.visit_expr(&l.expr),
        }
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        self.record_assign(a);
        let core = self.conv.of(value_core(&a.right));
        let root = place_root(&a.left);
        let target_static = root
            .as_deref()
            .is_some_and(|r| self.pre.statics.contains(r) || is_all_caps(r));
        let target_self = root.as_deref() == Some("self") && !matches!(&*a.left, Expr::Path(_));
        let value_name = expr_ident(value_core(&a.right));
        let mut pushed = false;
        if target_static {
            self.assign_guards.push((core, Guard::ModuleCache));
            pushed = true;
            if let (Some(v), Some(state)) = (value_name, self.fns.last_mut()) {
                state.stored_static.insert(v);
            }
        } else if target_self {
            self.assign_guards.push((core, Guard::Owner));
            pushed = true;
            if let (Some(v), Some(state)) = (value_name, self.fns.last_mut()) {
                state.stored_self.insert(v);
            }
        } else if let Some(n) = expr_ident(&a.left) {
            self.lets.push((core, n.clone()));
            let info = self.local_info(&a.right);
            if let Some(state) = self.fns.last_mut()
                && (info.start.is_some() || info.ty.is_some())
            {
                state.locals.insert(n, info);
            }
            self.visit_expr(&a.right);
            self.lets.pop();
            return;
        }
        self.visit_expr(&a.left);
        self.visit_expr(&a.right);
        if pushed {
            self.assign_guards.pop();
        }
    }

    fn visit_expr_call(&mut self, c: &'ast ExprCall) {
        let mut guard = None;
        let mut closure = None;
        if let Expr::Path(p) = &*c.func
            && p.qself.is_none()
        {
            let span = self.conv.of(c);
            let resolved = self.pre.resolve(&p.path);
            if let Some((m, full)) = self.match_call(&resolved) {
                if !self.consumed.contains(&span) {
                    let mut ic = IdentCollector::default();
                    for a in &c.args {
                        ic.visit_expr(a);
                    }
                    let i = self.facts.clients.len();
                    self.add_client(m, span, ctor_display(m.ctor.path(), &full), &ic.idents);
                    self.add_config(i, Construction::Call(c));
                }
            } else if let Some((callee, name, module)) = self.call_target(&p.path) {
                self.add_call(callee, name, module, span, false);
            }
            let n = resolved.len();
            let last = resolved.last().map(String::as_str).unwrap_or("");
            let type_seg = if n >= 2 {
                resolved.get(n - 2).map(String::as_str).unwrap_or("")
            } else {
                ""
            };
            if last == "new" && type_seg == "HttpServer" {
                closure = Some(ClosureRole::Handler("actix-worker"));
            } else if last == "service_fn" {
                closure = Some(ClosureRole::Handler("lambda"));
            } else if let Some((fw, _)) = self.pre.middleware(&p.path) {
                closure = Some(ClosureRole::Handler(fw));
            } else if last == "new" && LAZY_TYPES.contains(&type_seg) {
                guard = Some(Guard::Lazy);
            } else if (AXUM_METHODS.contains(&last) || last == "on")
                && self.pre.is_axum_router_fn(&p.path)
            {
                closure = Some(ClosureRole::Handler("axum"));
            }
        }
        self.visit_expr(&c.func);
        self.visit_args(&c.args, guard, closure);
    }

    fn visit_expr_method_call(&mut self, m: &'ast ExprMethodCall) {
        let method = m.method.to_string();
        if let Some(recv) = expr_ident(&m.receiver)
            && let Some(state) = self.fns.last_mut()
        {
            state.calls_on.push((recv, method.clone()));
        }
        let matched = self.match_method(m, &method);
        if matched.is_none()
            && !PASSTHROUGH.contains(&method.as_str())
            && !STD_METHODS.contains(&method.as_str())
        {
            // A call of a method that may be the project's own (`config.postgres.get_pool()`),
            // named by its receiver as written (`self` alone for a call on the caller's type).
            let span = self.conv.of(m);
            let receiver: String = self
                .file
                .slice(self.conv.of(&m.receiver))
                .split_whitespace()
                .collect();
            let callee = if receiver.len() <= 60 {
                format!("{receiver}.{method}")
            } else {
                format!("….{method}")
            };
            self.add_call(callee, method.clone(), None, span, true);
        }
        if let Some((mm, ctor, root)) = matched {
            let span = self.conv.of(m);
            if !self.consumed.contains(&span) {
                let mut ic = IdentCollector::default();
                ic.visit_expr(&m.receiver);
                for a in &m.args {
                    ic.visit_expr(a);
                }
                let i = self.facts.clients.len();
                self.add_client(mm, span, ctor, &ic.idents);
                self.add_config(i, Construction::Method(m));
            }
            if let Some(r) = root {
                self.consumed.insert(r);
            }
        }
        let mut guard = None;
        let mut closure = None;
        if LAZY_METHODS.contains(&method.as_str()) {
            guard = Some(Guard::Lazy);
        }
        let recv_root = place_root(&m.receiver);
        if recv_root
            .as_deref()
            .is_some_and(|r| self.pre.statics.contains(r) || is_all_caps(r))
        {
            guard.get_or_insert(Guard::ModuleCache);
            if let Some(state) = self.fns.last_mut() {
                for a in &m.args {
                    if let Some(v) = expr_ident(value_core(a)) {
                        state.stored_static.insert(v);
                    }
                }
            }
        } else if recv_root.as_deref() == Some("self")
            && matches!(&*m.receiver, Expr::Field(_))
            && let Some(state) = self.fns.last_mut()
        {
            for a in &m.args {
                if let Some(v) = expr_ident(value_core(a)) {
                    state.stored_self.insert(v);
                }
            }
        }
        if LOOP_ALWAYS.contains(&method.as_str())
            || (LOOP_ON_ITER.contains(&method.as_str()) && is_iter_chain(&m.receiver))
        {
            closure = Some(ClosureRole::Loop);
        }
        self.visit_expr(&m.receiver);
        self.visit_args(&m.args, guard, closure);
    }

    fn visit_expr_closure(&mut self, c: &'ast ExprClosure) {
        let role = self.next_closure.take();
        let mut ctx = self.ctx();
        ctx.closure = true;
        match role {
            Some(ClosureRole::Handler(fw)) if ctx.kind != ScopeKind::Test => {
                ctx.kind = ScopeKind::Handler;
                ctx.framework = Some(fw);
            }
            Some(ClosureRole::Loop) => {
                ctx.kind = loop_kind(ctx.kind);
                if ctx.kind == ScopeKind::Loop {
                    ctx.framework = None;
                }
            }
            _ => {}
        }
        self.with_ctx(ctx, |w| visit::visit_expr_closure(w, c));
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        self.next_closure = None;
        let mut ctx = self.ctx();
        ctx.closure = true;
        self.with_ctx(ctx, |w| visit::visit_expr_async(w, a));
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        self.in_loop(|w| w.visit_block(&f.body));
    }

    fn visit_expr_while(&mut self, wh: &'ast syn::ExprWhile) {
        self.visit_expr(&wh.cond);
        self.in_loop(|w| w.visit_block(&wh.body));
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.in_loop(|w| w.visit_block(&l.body));
    }
}

// --- options and URLs ---------------------------------------------------------------------------

/// How many locals and constants option and URL resolution follows in a row.
const MAX_DEPTH: usize = 8;
/// Suffixes of type names whose values configure a client (`PgConnectOptions`, `PoolConfig`,
/// `ClientOptions`, `deadpool_postgres::Config`, `ConfigBuilder`).
const CONFIG_SUFFIXES: &[&str] = &[
    "Options",
    "Config",
    "Opts",
    "Builder",
    "Settings",
    "Cfg",
    "Configuration",
];
/// Config constructors that take options positionally: `(type, function, keys)`
/// (deadpool `PoolConfig::new(max_size)`).
const POSITIONAL_OPTIONS: &[(&str, &str, &[&str])] = &[("PoolConfig", "new", &["max_size"])];

fn is_config_type(name: &str) -> bool {
    CONFIG_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Option keys that hold the connection URL.
fn is_url_key(key: &str) -> bool {
    matches!(
        key,
        "url" | "uri" | "dsn" | "database_url" | "db_url" | "connection_string" | "connection_url"
    )
}

/// `env::var`, `std::env::var_os`, `dotenvy::var`, `dotenv::var`.
fn is_env_fn(resolved: &[String]) -> bool {
    match resolved {
        [.., m, f] if m == "env" && (f == "var" || f == "var_os") => true,
        [first, .., f] => (first == "dotenvy" || first == "dotenv") && f == "var",
        _ => false,
    }
}

/// A value seen through `&`, parentheses, `?`, `.await`, casts, `Some(..)`, `Arc::new(..)` and
/// `unwrap()`-like methods.
fn peel(e: &Expr) -> &Expr {
    match e {
        Expr::Reference(r) => peel(&r.expr),
        Expr::Paren(p) => peel(&p.expr),
        Expr::Group(g) => peel(&g.expr),
        Expr::Try(t) => peel(&t.expr),
        Expr::Await(a) => peel(&a.base),
        Expr::Cast(c) => peel(&c.expr),
        Expr::MethodCall(m) if PASSTHROUGH.contains(&m.method.to_string().as_str()) => {
            peel(&m.receiver)
        }
        Expr::Call(c) if c.args.len() == 1 && is_wrapper_call(&c.func) => match c.args.first() {
            Some(a) => peel(a),
            None => e,
        },
        _ => e,
    }
}

/// What a construction is, for its options and URL.
#[derive(Clone, Copy)]
enum Construction<'ast> {
    /// `PgPool::connect(&url)`, `Client::open(url)`.
    Call(&'ast ExprCall),
    /// The terminal call of a builder chain or a method on a config value:
    /// `PgPoolOptions::new().max_connections(5).connect(&url)`, `cfg.create_pool(..)`.
    Method(&'ast ExprMethodCall),
}

/// What a name stands for at a position.
enum Found<'ast> {
    /// A `let` (its initialiser and where it starts) or a constant (position 0).
    Value(&'ast Expr, usize),
    /// A parameter, or a local bound in a way that is not followed.
    Opaque,
    Nothing,
}

/// The options and URL gathered for one construction.
#[derive(Default)]
struct ConfigAcc {
    options: Vec<OptionFact>,
    url: Option<UrlRef>,
}

impl<'ast> Walker<'_, 'ast> {
    fn add_config(&mut self, client: usize, cons: Construction<'ast>) {
        let mut acc = ConfigAcc::default();
        match cons {
            Construction::Call(c) => {
                let pos = self.conv.of(c).start as usize;
                acc.url = c.args.first().and_then(|a| self.url_from(a, pos, 0));
                for a in &c.args {
                    self.arg_options(a, pos, 0, &mut acc);
                }
            }
            Construction::Method(m) => {
                let pos = self.conv.of(m).start as usize;
                acc.url = m.args.first().and_then(|a| self.url_from(a, pos, 0));
                self.chain_options(&m.receiver, pos, 0, &mut acc);
                for a in &m.args {
                    self.arg_options(a, pos, 0, &mut acc);
                }
            }
        }
        if !acc.options.is_empty() || acc.url.is_some() {
            self.facts.client_configs.push(ClientConfig {
                client,
                options: acc.options,
                url: acc.url,
            });
        }
    }

    /// `x = …` and `x.field = …` in the current function, for later constructions.
    fn record_assign(&mut self, a: &'ast syn::ExprAssign) {
        let span = self.conv.of(a);
        let Some(state) = self.fns.last_mut() else {
            return;
        };
        match &*a.left {
            Expr::Field(f) => {
                if let (syn::Member::Named(field), Some(root)) = (&f.member, place_root(&f.base)) {
                    state.field_sets.push(FieldSet {
                        root,
                        field: field.to_string(),
                        value: &a.right,
                        end: span.end as usize,
                    });
                }
            }
            left => {
                if let Some(name) = expr_ident(left) {
                    state.bindings.push(Binding {
                        name,
                        init: &a.right,
                        start: span.start as usize,
                        end: span.end as usize,
                    });
                }
            }
        }
    }

    /// What `name` stands for at byte `pos`: the last `let` before it in the current function, a
    /// parameter, or a constant of the file.
    fn lookup(&self, name: &str, pos: usize) -> Found<'ast> {
        let state = self.fns.last();
        let bindings = state.map_or(&self.static_bindings, |s| &s.bindings);
        if let Some(b) = bindings
            .iter()
            .rev()
            .find(|b| b.name == name && b.end <= pos)
        {
            return Found::Value(b.init, b.start);
        }
        if state.is_some_and(|s| s.locals.contains_key(name)) {
            return Found::Opaque;
        }
        match self.pre.consts.get(name) {
            Some(e) => Found::Value(e, 0),
            None => Found::Nothing,
        }
    }

    /// The value of an option as written: literals, `None`, names, constants and locals bound
    /// to them; anything else is unknown.
    fn eval(&self, e: &'ast Expr, pos: usize, depth: usize) -> OptValue {
        match peel(e) {
            Expr::Lit(l) => match &l.lit {
                syn::Lit::Int(i) => i
                    .base10_parse::<i64>()
                    .map_or(OptValue::Unknown, OptValue::Int),
                syn::Lit::Str(s) => OptValue::Str(s.value()),
                syn::Lit::Bool(b) => OptValue::Bool(b.value),
                _ => OptValue::Unknown,
            },
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
                match self.eval(&u.expr, pos, depth) {
                    OptValue::Int(n) => n.checked_neg().map_or(OptValue::Unknown, OptValue::Int),
                    _ => OptValue::Unknown,
                }
            }
            Expr::Path(p) if p.qself.is_none() => {
                let names = seg_names(&p.path);
                match names.as_slice() {
                    [one] if one == "None" => OptValue::Null,
                    [one] => match self.lookup(one, pos) {
                        Found::Value(init, at) if depth < MAX_DEPTH => {
                            self.eval(init, at, depth + 1)
                        }
                        Found::Nothing if starts_upper(one) && !is_all_caps(one) => {
                            OptValue::Name(one.clone())
                        }
                        _ => OptValue::Unknown,
                    },
                    // An enum variant or unit struct (`PgSslMode::Disable`), not a constant of
                    // another module.
                    [.., last] if starts_upper(last) && !is_all_caps(last) => {
                        OptValue::Name(last.clone())
                    }
                    _ => OptValue::Unknown,
                }
            }
            // `String::from("…")`, `"…".to_string()`.
            Expr::Call(c) if c.args.len() == 1 => {
                let from_string = matches!(&*c.func, Expr::Path(p)
                    if seg_names(&p.path).ends_with(&["String".to_string(), "from".to_string()]));
                match c.args.first() {
                    Some(a) if from_string => match self.eval(a, pos, depth) {
                        v @ OptValue::Str(_) => v,
                        _ => OptValue::Unknown,
                    },
                    _ => OptValue::Unknown,
                }
            }
            Expr::MethodCall(m) if m.args.is_empty() && m.method == "to_string" => {
                match self.eval(&m.receiver, pos, depth) {
                    v @ OptValue::Str(_) => v,
                    _ => OptValue::Unknown,
                }
            }
            _ => OptValue::Unknown,
        }
    }

    /// Where a URL value comes from: a string literal (or a constant or local holding one), an
    /// environment variable (`env::var("X")`, `dotenvy::var("X")`, `env!("X")`), through `&`,
    /// `?`, `.expect(..)`, `.unwrap_or(..)`, `.parse()`, `X::from_str(..)`, `LazyLock::new(|| ..)`.
    fn url_from(&self, e: &'ast Expr, pos: usize, depth: usize) -> Option<UrlRef> {
        match e {
            Expr::Reference(r) => self.url_from(&r.expr, pos, depth),
            Expr::Paren(p) => self.url_from(&p.expr, pos, depth),
            Expr::Group(g) => self.url_from(&g.expr, pos, depth),
            Expr::Try(t) => self.url_from(&t.expr, pos, depth),
            Expr::Await(a) => self.url_from(&a.base, pos, depth),
            Expr::Cast(c) => self.url_from(&c.expr, pos, depth),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                self.url_from(&u.expr, pos, depth)
            }
            Expr::Lit(l) => match &l.lit {
                syn::Lit::Str(s) => Some(UrlRef::Literal {
                    text: s.value(),
                    span: lit_text_span(self.conv, &self.file.text, s),
                }),
                _ => None,
            },
            Expr::Path(_) => {
                let name = expr_ident(e)?;
                match self.lookup(&name, pos) {
                    Found::Value(init, at) if depth < MAX_DEPTH => {
                        self.url_from(init, at, depth + 1)
                    }
                    _ => None,
                }
            }
            Expr::Call(c) => self.url_from_call(c, pos, depth),
            Expr::MethodCall(m) => {
                if let Some(u) = self.url_from(&m.receiver, pos, depth) {
                    return Some(u);
                }
                // The fallback of `env::var("X").unwrap_or("postgres://…".into())` when the
                // receiver is something else.
                match m.method.to_string().as_str() {
                    "unwrap_or" | "or" | "unwrap_or_else" | "or_else" => {
                        self.url_from(m.args.first()?, pos, depth)
                    }
                    _ => None,
                }
            }
            Expr::Macro(m) => {
                let name = last_ident(&m.mac.path)?;
                if !matches!(name.as_str(), "env" | "option_env" | "dotenv") {
                    return None;
                }
                let var = m
                    .mac
                    .parse_body_with(Punctuated::<syn::LitStr, Token![,]>::parse_terminated)
                    .ok()?;
                Some(UrlRef::Env {
                    name: var.first()?.value(),
                    span: self.conv.of(m),
                })
            }
            Expr::Field(f) => self.url_from_field(f, pos, depth),
            Expr::Block(b) => self.url_from(block_tail(&b.block)?, pos, depth),
            Expr::Closure(c) => self.url_from(&c.body, pos, depth),
            _ => None,
        }
    }

    fn url_from_call(&self, c: &'ast ExprCall, pos: usize, depth: usize) -> Option<UrlRef> {
        let Expr::Path(p) = &*c.func else { return None };
        // `database_url()`: a function of this file returning `env::var("DATABASE_URL")…`
        // (its locals are not followed).
        if c.args.is_empty() {
            let name = p.path.get_ident()?.to_string();
            let body = self.pre.nullary_fns.get(&name)?;
            if depth >= MAX_DEPTH || self.pre.uses.contains_key(&name) {
                return None;
            }
            return self.url_from(block_tail(body)?, 0, depth + 1);
        }
        let first = c.args.first()?;
        let resolved = self.pre.resolve(&p.path);
        if is_env_fn(&resolved) {
            return match self.eval(first, pos, depth) {
                OptValue::Str(name) => Some(UrlRef::Env {
                    name,
                    span: self.conv.of(c),
                }),
                _ => None,
            };
        }
        let n = resolved.len();
        let type_seg = if n >= 2 { resolved.get(n - 2) } else { None };
        // `Some(url)`, `Arc::new(url)`, `String::from(url)`, `PgConnectOptions::from_str(&url)`,
        // `Client::open(url)`, `LazyLock::new(|| env::var("X").unwrap())`: the first argument.
        if is_wrapper_call(&c.func) || type_seg.is_some_and(|t| starts_upper(t)) {
            return self.url_from(first, pos, depth);
        }
        None
    }

    /// `cfg.url` after `cfg.url = Some(…)`; `config.database_url` / `settings.database_url`
    /// (a settings struct read from the environment) → `DATABASE_URL`.
    fn url_from_field(&self, f: &'ast syn::ExprField, pos: usize, depth: usize) -> Option<UrlRef> {
        let syn::Member::Named(field) = &f.member else {
            return None;
        };
        let field = field.to_string();
        if let Some(root) = expr_ident(&f.base)
            && let Some(state) = self.fns.last()
            && let Some(set) = state
                .field_sets
                .iter()
                .rev()
                .find(|s| s.root == root && s.field == field && s.end <= pos)
        {
            if depth >= MAX_DEPTH {
                return None;
            }
            return self.url_from(set.value, set.end, depth + 1);
        }
        let base = match &*f.base {
            Expr::Field(b) => match &b.member {
                syn::Member::Named(id) => id.to_string(),
                syn::Member::Unnamed(_) => return None,
            },
            Expr::MethodCall(m) => m.method.to_string(),
            b => expr_ident(b)?,
        }
        .to_ascii_lowercase();
        let configish = base.contains("config")
            || base.contains("settings")
            || matches!(base.as_str(), "cfg" | "conf" | "env");
        let lower = field.to_ascii_lowercase();
        let urlish = lower.ends_with("url") || lower.ends_with("uri") || lower.ends_with("dsn");
        (configish && urlish).then(|| UrlRef::Env {
            name: field.to_ascii_uppercase(),
            span: self.conv.of(f),
        })
    }

    /// Does this value configure a client (a config type's struct literal, constructor or
    /// builder chain, `s.parse::<PgConnectOptions>()`, or a local bound to one)?
    fn is_config_value(&self, e: &'ast Expr, pos: usize, depth: usize) -> bool {
        match peel(e) {
            Expr::Struct(s) => last_ident(&s.path).is_some_and(|t| is_config_type(&t)),
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => {
                    let names = seg_names(&p.path);
                    let n = names.len();
                    n >= 2 && names.get(n - 2).is_some_and(|t| is_config_type(t))
                }
                _ => false,
            },
            Expr::MethodCall(m) => {
                let turbofish = m.turbofish.as_ref().is_some_and(|t| {
                    t.args.iter().any(|a| match a {
                        syn::GenericArgument::Type(Type::Path(tp)) => {
                            last_ident(&tp.path).is_some_and(|t| is_config_type(&t))
                        }
                        _ => false,
                    })
                });
                turbofish || self.is_config_value(&m.receiver, pos, depth)
            }
            e @ Expr::Path(_) => {
                let Some(name) = expr_ident(e) else {
                    return false;
                };
                let typed = self
                    .local(&name)
                    .and_then(|l| l.ty.as_ref())
                    .and_then(|t| t.last())
                    .is_some_and(|t| is_config_type(t));
                typed
                    || match self.lookup(&name, pos) {
                        Found::Value(init, at) if depth < MAX_DEPTH => {
                            self.is_config_value(init, at, depth + 1)
                        }
                        _ => false,
                    }
            }
            _ => false,
        }
    }

    /// The options of the construction's own chain, in source order: builder methods with one
    /// argument (`.max_connections(50)`), the root call (`PoolConfig::new(40)`, the URL of
    /// `Config::from_url(url)`), a struct literal root, or the local the chain starts from with
    /// its `x.field = …` assignments.
    fn chain_options(&self, e: &'ast Expr, pos: usize, depth: usize, acc: &mut ConfigAcc) {
        match e {
            Expr::MethodCall(m) => {
                self.chain_options(&m.receiver, pos, depth, acc);
                let method = m.method.to_string();
                if m.args.len() == 1
                    && !PASSTHROUGH.contains(&method.as_str())
                    && let Some(a) = m.args.first()
                {
                    self.push_option("", &method, a, pos, depth, acc);
                }
            }
            Expr::Await(a) => self.chain_options(&a.base, pos, depth, acc),
            Expr::Try(t) => self.chain_options(&t.expr, pos, depth, acc),
            Expr::Paren(p) => self.chain_options(&p.expr, pos, depth, acc),
            Expr::Group(g) => self.chain_options(&g.expr, pos, depth, acc),
            Expr::Reference(r) => self.chain_options(&r.expr, pos, depth, acc),
            Expr::Call(c) if c.args.len() == 1 && is_wrapper_call(&c.func) => {
                if let Some(a) = c.args.first() {
                    self.chain_options(a, pos, depth, acc);
                }
            }
            Expr::Call(c) => self.root_call_options(c, pos, depth, acc),
            Expr::Struct(s) => self.struct_options(s, "", pos, depth, acc),
            Expr::Path(_) => {
                let Some(name) = expr_ident(e) else { return };
                if let Found::Value(init, at) = self.lookup(&name, pos)
                    && depth < MAX_DEPTH
                {
                    self.chain_options(init, at, depth + 1, acc);
                }
                self.field_set_options(&name, pos, depth, acc);
            }
            _ => {}
        }
    }

    fn root_call_options(&self, c: &'ast ExprCall, pos: usize, depth: usize, acc: &mut ConfigAcc) {
        if let Expr::Path(p) = &*c.func
            && let [.., ty, f] = seg_names(&p.path).as_slice()
        {
            for (t, func, keys) in POSITIONAL_OPTIONS {
                if ty == t && f == func {
                    for (key, a) in keys.iter().zip(&c.args) {
                        self.push_option("", key, a, pos, depth, acc);
                    }
                }
            }
        }
        if acc.url.is_none() {
            acc.url = c.args.first().and_then(|a| self.url_from(a, pos, depth));
        }
        for a in &c.args {
            self.arg_options(a, pos, depth, acc);
        }
    }

    /// The options of a value passed to the construction, when it is a config: a config
    /// struct, builder or constructor, or a local bound to one (with its `x.field = …`).
    fn arg_options(&self, e: &'ast Expr, pos: usize, depth: usize, acc: &mut ConfigAcc) {
        let e = peel(e);
        if let Some(name) = expr_ident(e) {
            if self.is_config_value(e, pos, depth)
                && let Found::Value(init, at) = self.lookup(&name, pos)
                && depth < MAX_DEPTH
            {
                self.chain_options(init, at, depth + 1, acc);
            }
            self.field_set_options(&name, pos, depth, acc);
        } else if self.is_config_value(e, pos, depth) {
            self.chain_options(e, pos, depth, acc);
        }
    }

    /// `name.field = value` assignments before `pos`.
    fn field_set_options(&self, name: &str, pos: usize, depth: usize, acc: &mut ConfigAcc) {
        let Some(state) = self.fns.last() else { return };
        for set in state
            .field_sets
            .iter()
            .filter(|s| s.root == name && s.end <= pos)
        {
            self.push_option("", &set.field, set.value, set.end, depth, acc);
        }
    }

    fn struct_options(
        &self,
        s: &'ast syn::ExprStruct,
        prefix: &str,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        for f in &s.fields {
            if let syn::Member::Named(id) = &f.member {
                self.push_option(prefix, &id.to_string(), &f.expr, pos, depth, acc);
            }
        }
    }

    /// One option `prefix + key = value`. A nested config (`pool: Some(PoolConfig { max_size: 40,
    /// .. })`, `cfg.pool = Some(PoolConfig::new(40))`) contributes its own options instead, under
    /// the same prefix; another nested struct literal under `key.`.
    fn push_option(
        &self,
        prefix: &str,
        key: &str,
        value: &'ast Expr,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        let inner = peel(value);
        if let Expr::Struct(s) = inner {
            if last_ident(&s.path).is_some_and(|t| is_config_type(&t)) {
                self.struct_options(s, prefix, pos, depth, acc);
            } else {
                self.struct_options(s, &format!("{prefix}{key}."), pos, depth, acc);
            }
            return;
        }
        if depth < MAX_DEPTH && self.is_config_value(inner, pos, depth) {
            self.arg_options(inner, pos, depth + 1, acc);
            return;
        }
        if is_url_key(key) && acc.url.is_none() {
            acc.url = self.url_from(value, pos, depth);
        }
        acc.options.push(OptionFact {
            key: format!("{prefix}{key}"),
            value: self.eval(value, pos, depth),
            span: self.conv.of(value_core(value)),
        });
    }
}

fn loop_kind(k: ScopeKind) -> ScopeKind {
    match k {
        ScopeKind::Function | ScopeKind::Loop => ScopeKind::Loop,
        other => other,
    }
}

impl<'ast> Walker<'_, 'ast> {
    fn in_loop(&mut self, f: impl FnOnce(&mut Self)) {
        let mut ctx = self.ctx();
        ctx.kind = loop_kind(ctx.kind);
        if ctx.kind == ScopeKind::Loop {
            ctx.framework = None;
        }
        self.with_ctx(ctx, f);
    }

    /// A `static` / `const` initialiser: runs once (`LazyLock::new(|| …)`), at module scope.
    fn lazy_item(&mut self, span: Span, expr: &'ast Expr) {
        let test = self.in_test();
        let ctx = Ctx {
            kind: if test {
                ScopeKind::Test
            } else {
                ScopeKind::Module
            },
            framework: if test { Some("test") } else { None },
            fn_idx: None,
            guard: Guard::Lazy,
            closure: false,
        };
        // Module-level sites are final at once; keep them out of the enclosing fn's pending list.
        let fns = std::mem::take(&mut self.fns);
        self.static_bindings.clear();
        self.stmts.push(span);
        self.with_ctx(ctx, |w| w.visit_expr(expr));
        self.stmts.pop();
        self.fns = fns;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::Catalog;
    use crate::project::Project;

    fn facts_with(rel: &str, deps: &[&str], text: &str) -> FileFacts {
        let file = SourceFile::in_memory(rel, text, Arc::new(Project::with_deps(deps))).unwrap();
        let cat = Catalog::builtin().unwrap();
        extract(&file, &cat.rs).unwrap()
    }

    #[test]
    fn method_calls_are_named_by_their_receiver() {
        let src = r#"
struct Store { inner: Inner }
impl Store {
    fn open(&self) -> u8 {
        let n = self.pool();
        let m = self.inner.pool();
        let k = CACHE.get(&1);
        n + m + k
    }
}
"#;
        let f = facts(src);
        let methods: Vec<&str> = f
            .calls
            .iter()
            .filter(|c| c.method)
            .map(|c| c.callee.as_str())
            .collect();
        // `self.pool()` is a call on the caller's own type, `self.inner.pool()` is not, and a
        // standard-library method (`get`) is never taken for the project's.
        assert_eq!(methods, ["self.pool", "self.inner.pool"]);
    }

    fn facts(text: &str) -> FileFacts {
        facts_with(
            "src/main.rs",
            &["axum", "sqlx", "reqwest", "tokio", "serde"],
            text,
        )
    }

    fn line_of(text: &str, span: Span) -> usize {
        text[..span.start as usize].matches('\n').count() + 1
    }

    fn only_client(f: &FileFacts) -> &ClientSite {
        assert_eq!(f.clients.len(), 1, "{:#?}", f.clients);
        &f.clients[0]
    }

    #[test]
    fn axum_handler_with_state_extractor_builds_pool() {
        let src = r#"
use axum::extract::State;
use sqlx::PgPool;

async fn list_users(State(state): State<AppState>) -> Result<String, Error> {
    let pool = PgPool::connect(&state.url).await?;
    Ok(String::new())
}
"#;
        let f = facts(src);
        let c = only_client(&f);
        assert_eq!(c.client, "sqlx-pool");
        assert_eq!(c.kind, crate::facts::ClientKind::Pool);
        assert_eq!(c.ctor, "PgPool::connect()");
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert_eq!(c.scope.framework(), "axum");
        assert_eq!(c.scope.name.as_deref(), Some("list_users"));
        assert_eq!(c.binding.as_deref(), Some("pool"));
        assert_eq!(c.returned, Returned::No);
        assert_eq!(c.guard, Guard::None);
        assert_eq!(c.in_fn, Some(0));
        assert_eq!(&src[c.span.range()], "PgPool::connect(&state.url)");
        assert!(!c.anchors.args_are_static);
        assert_eq!(
            &src[c.anchors.statement.unwrap().range()],
            "let pool = PgPool::connect(&state.url).await?;"
        );
        assert_eq!(f.functions[0].scope.kind, ScopeKind::Handler);
    }

    #[test]
    fn reqwest_identity_comes_from_use() {
        let qualified = facts("async fn h(Json(b): Json<In>) { let c = reqwest::Client::new(); }");
        assert_eq!(only_client(&qualified).client, "reqwest-client");
        assert_eq!(only_client(&qualified).scope.kind, ScopeKind::Handler);
        let used =
            facts("use reqwest::Client;\nasync fn h(Json(b): Json<In>) { let c = Client::new(); }");
        assert_eq!(only_client(&used).ctor, "Client::new()");
        let own = facts(
            "use crate::client::Client;\nasync fn h(Json(b): Json<In>) { let c = Client::new(); }",
        );
        assert!(own.clients.is_empty());
        let unresolved = facts("async fn h(Json(b): Json<In>) { let c = Client::new(); }");
        assert!(unresolved.clients.is_empty());
        let renamed = facts(
            "use reqwest as http;\nfn h() { let c = http::Client::builder().build().unwrap(); }",
        );
        let c = only_client(&renamed);
        assert_eq!(c.ctor, "Client::builder().build()");
        assert_eq!(c.binding.as_deref(), Some("c"));
        assert_eq!(c.scope.kind, ScopeKind::Function);
    }

    #[test]
    fn handler_refs_from_routes() {
        let src = r#"
mod handlers;
use axum::{routing::{get, post}, Router};

async fn health() -> &'static str { "ok" }

#[tokio::main]
async fn main() {
    let app = Router::new()
        .route("/users", get(handlers::list_users).post(handlers::create_user))
        .route("/health", get(health));
}
"#;
        let f = facts(src);
        let names: Vec<(&str, Option<Vec<String>>)> = f
            .handler_refs
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.module.as_ref().map(|m| m.candidates.clone()),
                )
            })
            .collect();
        assert!(
            names.contains(&("list_users", Some(vec!["src/handlers".to_string()]))),
            "{names:?}"
        );
        assert!(
            names.contains(&("create_user", Some(vec!["src/handlers".to_string()]))),
            "{names:?}"
        );
        assert!(names.contains(&("health", None)), "{names:?}");
        assert!(f.handler_refs.iter().all(|r| r.framework == "axum"));
        let health = f.functions.iter().find(|x| x.name == "health").unwrap();
        assert_eq!(health.scope.kind, ScopeKind::Handler);
        let main = f.functions.iter().find(|x| x.name == "main").unwrap();
        assert_eq!(main.scope.kind, ScopeKind::Startup);
    }

    #[test]
    fn main_builds_pool_with_state_is_startup() {
        let src = r#"
use sqlx::postgres::PgPoolOptions;
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new().max_connections(5).connect(&std::env::var("DATABASE_URL")?).await?;
    let app = Router::new().route("/", get(root)).with_state(pool);
    Ok(())
}
"#;
        let f = facts(src);
        let c = only_client(&f);
        assert_eq!(c.scope.kind, ScopeKind::Startup);
        assert_eq!(c.scope.framework(), "startup");
        assert_eq!(c.ctor, "PgPoolOptions::new().connect()");
        assert!(
            src[c.span.range()].starts_with("PgPoolOptions::new().max_connections(5).connect(")
        );
        assert!(c.anchors.args_are_static);
    }

    #[test]
    fn lazy_statics_are_guarded() {
        let src = r#"
use std::sync::{LazyLock, OnceLock};
use reqwest::Client;
static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(reqwest::Client::new);
static CLIENT2: LazyLock<Client> = LazyLock::new(|| Client::new());
static CELL: OnceLock<Client> = OnceLock::new();
fn client() -> &'static Client {
    CELL.get_or_init(|| Client::builder().build().unwrap())
}
lazy_static::lazy_static! {
    static ref C3: Client = Client::new();
}
"#;
        let f = facts(src);
        assert_eq!(f.clients.len(), 4, "{:#?}", f.clients);
        for c in &f.clients {
            assert_eq!(c.guard, Guard::Lazy, "{c:?}");
        }
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Module);
        assert_eq!(f.clients[2].scope.kind, ScopeKind::Function);
    }

    #[test]
    fn factory_returns_and_call_sites() {
        let db = r#"
use sqlx::{postgres::PgPoolOptions, PgPool};
pub async fn pool() -> PgPool {
    PgPoolOptions::new().max_connections(5).connect(&url()).await.unwrap()
}
pub async fn pool2() -> Result<PgPool, sqlx::Error> {
    let p = PgPool::connect("postgres://x").await?;
    Ok(p)
}
pub fn client() -> reqwest::Client { let c = reqwest::Client::new(); c.clone() }
pub async fn fetch(u: &str) -> String {
    let c = reqwest::Client::new();
    c.get(u).send().await.unwrap().text().await.unwrap()
}
pub async fn db() -> mongodb::Database {
    let client = mongodb::Client::with_uri_str("mongodb://x").await.unwrap();
    client.database("app")
}
fn url() -> String { String::new() }
"#;
        let f = facts_with("src/db.rs", &["sqlx", "reqwest", "mongodb"], db);
        let r: Vec<Returned> = f.clients.iter().map(|c| c.returned).collect();
        assert_eq!(
            r,
            vec![
                Returned::Direct,
                Returned::Direct,
                Returned::Direct,
                Returned::No,
                Returned::Derived
            ]
        );
        assert!(
            f.functions
                .iter()
                .find(|x| x.name == "pool")
                .unwrap()
                .exported
        );
        assert!(
            !f.functions
                .iter()
                .find(|x| x.name == "url")
                .unwrap()
                .exported
        );
        let calls: Vec<_> = f.calls.iter().filter(|c| !c.method).collect();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "url");
        assert!(calls[0].module.is_none());

        let handlers = r#"
use crate::db;
use crate::db::pool2;
use axum::extract::State;
pub async fn list(State(s): State<AppState>) {
    let pool = db::pool().await;
    let p2 = pool2().await.unwrap();
    let p3 = crate::db::pool().await;
    let n = serde_json::to_string(&1);
}
"#;
        let f = facts_with("src/handlers.rs", &["sqlx", "axum", "serde_json"], handlers);
        let calls: Vec<(&str, &str, Vec<String>)> = f
            .calls
            .iter()
            .map(|c| {
                (
                    c.callee.as_str(),
                    c.name.as_str(),
                    c.module.clone().unwrap().candidates,
                )
            })
            .collect();
        assert_eq!(
            calls,
            vec![
                ("db::pool", "pool", vec!["src/db".to_string()]),
                ("pool2", "pool2", vec!["src/db".to_string()]),
                ("crate::db::pool", "pool", vec!["src/db".to_string()]),
            ]
        );
        assert!(f.calls.iter().all(|c| c.scope.kind == ScopeKind::Handler));
        assert_eq!(f.calls[0].binding.as_deref(), Some("pool"));
    }

    #[test]
    fn actix_attributes_to_and_worker_closure() {
        let src = r#"
use actix_web::{get, web, App, HttpServer, HttpResponse};
use sqlx::PgPool;

#[get("/")]
async fn index() -> HttpResponse {
    let (client, connection) = tokio_postgres::connect("host=localhost", tokio_postgres::NoTls).await.unwrap();
    HttpResponse::Ok().finish()
}

async fn other() -> HttpResponse { HttpResponse::Ok().finish() }

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let url = std::env::var("DATABASE_URL").unwrap();
    HttpServer::new(move || {
        let pool = PgPool::connect_lazy(&url).unwrap();
        App::new().app_data(web::Data::new(pool)).service(index).route("/o", web::get().to(other))
    })
    .bind(("0.0.0.0", 8080))?
    .run()
    .await
}
"#;
        let f = facts_with("src/main.rs", &["actix-web", "sqlx", "tokio-postgres"], src);
        assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
        let pg = &f.clients[0];
        assert_eq!(pg.client, "tokio-postgres");
        assert_eq!(pg.ctor, "tokio_postgres::connect()");
        assert_eq!(pg.binding.as_deref(), Some("client"));
        assert_eq!(
            (pg.scope.kind, pg.scope.framework()),
            (ScopeKind::Handler, "actix")
        );
        let pool = &f.clients[1];
        assert_eq!(
            (pool.scope.kind, pool.scope.framework()),
            (ScopeKind::Handler, "actix-worker")
        );
        assert_eq!(pool.scope.name.as_deref(), Some("main"));
        assert_eq!(pool.returned, Returned::No);
        let r = &f.handler_refs;
        assert!(
            r.iter()
                .any(|r| r.name == "other" && r.framework == "actix" && r.module.is_none())
        );
        let other = f.functions.iter().find(|x| x.name == "other").unwrap();
        assert_eq!(other.scope.framework(), "actix");
    }

    #[test]
    fn tests_and_cfg_test_are_test_scope() {
        let src = r#"
#[cfg(test)]
mod tests {
    use super::*;
    #[tokio::test]
    async fn builds() { let pool = sqlx::PgPool::connect("x").await.unwrap(); }
    fn helper() { let c = reqwest::Client::new(); }
}
#[sqlx::test]
async fn t2(pool: sqlx::PgPool) { let c = reqwest::Client::new(); }
"#;
        let f = facts(src);
        assert_eq!(f.clients.len(), 3);
        assert!(
            f.clients
                .iter()
                .all(|c| c.scope.kind == ScopeKind::Test && c.scope.framework() == "test")
        );
        let it = facts_with(
            "tests/api.rs",
            &[],
            "fn setup() { let c = reqwest::Client::new(); }",
        );
        assert_eq!(only_client(&it).scope.kind, ScopeKind::Test);
        let b = facts_with(
            "build.rs",
            &[],
            "fn main() {} fn gen() { let c = reqwest::Client::new(); }",
        );
        assert_eq!(only_client(&b).scope.kind, ScopeKind::Startup);
    }

    #[test]
    fn loops_and_iterator_callbacks() {
        let src = r#"
use reqwest::Client;
fn crawl(urls: Vec<String>) {
    for url in urls.iter() { let c = Client::new(); }
    urls.iter().map(|u| Client::new()).count();
    let maybe = Some(1).map(|_| Client::new());
}
"#;
        let f = facts(src);
        let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
        assert_eq!(
            kinds,
            vec![ScopeKind::Loop, ScopeKind::Loop, ScopeKind::Function]
        );
        assert_eq!(f.clients[0].scope.name.as_deref(), Some("crawl"));
    }

    #[test]
    fn plain_helper_and_release() {
        let src = r#"
use sqlx::PgPool;
async fn job() {
    let pool = PgPool::connect("postgres://x").await.unwrap();
    sqlx::query("select 1").execute(&pool).await.unwrap();
    pool.close().await;
}
async fn notify(u: &str) {
    let c = reqwest::Client::new();
    c.post(u).send().await.ok();
}
"#;
        let f = facts(src);
        assert!(f.clients[0].released);
        assert!(!f.clients[1].released);
        assert_eq!(f.clients[1].returned, Returned::No);
        assert_eq!(f.clients[1].scope.kind, ScopeKind::Function);
    }

    #[test]
    fn rocket_and_lambda() {
        let src = r#"
#[macro_use] extern crate rocket;
#[get("/")]
async fn index() -> String { let c = reqwest::Client::new(); String::new() }
#[launch]
fn rocket() -> _ { rocket::build().mount("/", routes![index]) }
"#;
        let f = facts_with("src/main.rs", &["rocket", "reqwest"], src);
        assert_eq!(only_client(&f).scope.framework(), "rocket");
        assert!(
            f.handler_refs
                .iter()
                .any(|r| r.name == "index" && r.framework == "rocket")
        );
        assert_eq!(
            f.functions
                .iter()
                .find(|x| x.name == "rocket")
                .unwrap()
                .scope
                .kind,
            ScopeKind::Startup
        );

        let src = r#"
use lambda_runtime::{service_fn, LambdaEvent, Error};
async fn handler(event: LambdaEvent<Value>) -> Result<Value, Error> {
    let client = mongodb::Client::with_uri_str("mongodb://x").await?;
    Ok(event.payload)
}
#[tokio::main]
async fn main() -> Result<(), Error> {
    lambda_runtime::run(service_fn(handler)).await?;
    lambda_runtime::run(service_fn(|e: LambdaEvent<Value>| async move { let c = reqwest::Client::new(); Ok::<_, Error>(()) })).await
}
"#;
        let f = facts_with(
            "src/main.rs",
            &["lambda_runtime", "mongodb", "reqwest"],
            src,
        );
        assert_eq!(f.clients.len(), 2);
        assert_eq!(
            (f.clients[0].scope.kind, f.clients[0].scope.framework()),
            (ScopeKind::Handler, "lambda")
        );
        assert_eq!(f.clients[0].client, "mongodb-client");
        assert_eq!(
            (f.clients[1].scope.kind, f.clients[1].scope.framework()),
            (ScopeKind::Handler, "lambda")
        );
        assert!(
            f.handler_refs
                .iter()
                .any(|r| r.name == "handler" && r.framework == "lambda")
        );
    }

    #[test]
    fn redis_get_connection_on_typed_client() {
        let src = r#"
use axum::extract::State;
struct AppState { redis: redis::Client }
async fn a(State(client): State<redis::Client>) {
    let mut con = client.get_connection().unwrap();
}
async fn b(State(state): State<Arc<AppState>>) {
    let mut con = state.redis.get_multiplexed_async_connection().await.unwrap();
}
fn c(url: &str) {
    let client = redis::Client::open(url).unwrap();
    let con = client.get_connection().unwrap();
    let con2 = redis::Client::open(url).unwrap().get_connection().unwrap();
}
fn d(pool: &r2d2::Pool<redis::Client>) { let con = pool.get().unwrap(); let x = thing.connect(); }
fn f(req: HttpRequest) {
    let rc = req.app_data::<web::Data<redis::Client>>();
    let c = rc.unwrap().get_connection();
}
async fn e(State(s): State<Shared>) {
    let c1 = s.store.get_connection();
    let c2 = s.redis_client.get_async_connection().await;
}
"#;
        let f = facts_with("src/main.rs", &["axum", "redis", "r2d2"], src);
        let got: Vec<(&str, &str)> = f
            .clients
            .iter()
            .map(|c| (c.client.as_str(), c.ctor.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("redis-connection", "Client::get_connection()"),
                (
                    "redis-connection",
                    "Client::get_multiplexed_async_connection()"
                ),
                ("redis-client", "Client::open()"),
                ("redis-connection", "Client::get_connection()"),
                ("redis-connection", "Client::get_connection()"),
                ("redis-connection", "Client::get_connection()"),
                ("redis-connection", "Client::get_async_connection()"),
            ]
        );
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
        assert_eq!(f.clients[1].binding.as_deref(), Some("con"));
    }

    #[test]
    fn deadpool_bb8_diesel() {
        let src = r#"
use deadpool_postgres::{Config, Runtime, ManagerConfig};
use tokio_postgres::NoTls;
fn a() {
    let mut cfg = Config::new();
    cfg.dbname = Some("x".into());
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls).unwrap();
}
fn b(settings: Settings) { let pool = settings.pg.create_pool(None, NoTls).unwrap(); }
fn c() { let pool = deadpool_postgres::Config { dbname: None, ..Default::default() }.create_pool(None, NoTls); }
async fn d(mgr: M) { let pool = bb8::Pool::builder().max_size(15).build(mgr).await.unwrap(); }
fn e(url: &str) {
    let conn = diesel::pg::PgConnection::establish(url).unwrap();
    let manager = diesel::r2d2::ConnectionManager::<diesel::PgConnection>::new(url);
    let pool = diesel::r2d2::Pool::builder().max_size(4).build(manager).unwrap();
}
"#;
        let f = facts_with(
            "src/main.rs",
            &["deadpool-postgres", "tokio-postgres", "bb8", "diesel"],
            src,
        );
        let got: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "deadpool-postgres",
                "deadpool-postgres",
                "deadpool-postgres",
                "bb8-pool",
                "diesel-pg-connection",
                "r2d2-pool"
            ]
        );
    }

    #[test]
    fn builder_start_bound_to_a_local() {
        let src = r#"
use sqlx::postgres::PgPoolOptions;
async fn make(url: &str) -> sqlx::PgPool {
    let opts = PgPoolOptions::new().max_connections(3);
    let pool = opts.connect(url).await.unwrap();
    pool
}
"#;
        let f = facts(src);
        let c = only_client(&f);
        assert_eq!(c.client, "sqlx-pool");
        assert_eq!(c.returned, Returned::Direct);
        assert_eq!(&src[c.span.range()], "opts.connect(url)");
    }

    #[test]
    fn globs_do_not_override_use_items() {
        let src = r#"
use diesel::prelude::*;
use diesel_async::pooled_connection::bb8;
async fn init(config: C) { let pool = bb8::Pool::builder().build(config).await.unwrap(); }
"#;
        let f = facts_with("src/main.rs", &["diesel", "diesel-async"], src);
        assert_eq!(only_client(&f).client, "diesel-async-pool");
    }

    #[test]
    fn middleware_functions_run_per_request() {
        let src = r#"
use axum::middleware::{self, Next};
async fn auth(req: Request, next: Next) -> Response {
    let c = reqwest::Client::new();
    next.run(req).await
}
fn app() -> Router {
    let it = std::iter::from_fn(counter);
    Router::new().layer(middleware::from_fn(auth)).layer(middleware::from_fn(|req: Request, next: Next| async move {
        let p = sqlx::PgPool::connect("x").await;
        next.run(req).await
    }))
}
"#;
        let f = facts(src);
        assert!(
            f.handler_refs
                .iter()
                .any(|r| r.name == "auth" && r.framework == "axum")
        );
        assert!(!f.handler_refs.iter().any(|r| r.name == "counter"));
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
        assert_eq!(
            (f.clients[1].scope.kind, f.clients[1].scope.framework()),
            (ScopeKind::Handler, "axum")
        );
    }

    #[test]
    fn bindings_typed_lets_and_macros() {
        let src = r#"
use tokio_postgres::NoTls;
async fn h(req: actix_web::HttpRequest) {
    if let Ok(pool) = sqlx::PgPool::connect("x").await { pool.close().await; }
    let cfg: tokio_postgres::Config = "host=x".parse().unwrap();
    let (client, conn) = cfg.connect(NoTls).await.unwrap();
    let (a, b) = tokio::join!(reqwest::get("https://a"), reqwest::get("https://b"));
}
thread_local! {
    static HTTP: reqwest::Client = reqwest::Client::new();
}
"#;
        let f = facts_with(
            "src/api.rs",
            &["actix-web", "sqlx", "tokio-postgres", "reqwest", "tokio"],
            src,
        );
        let got: Vec<(&str, Option<&str>, bool, ScopeKind, Guard)> = f
            .clients
            .iter()
            .map(|c| {
                (
                    c.client.as_str(),
                    c.binding.as_deref(),
                    c.released,
                    c.scope.kind,
                    c.guard,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "sqlx-pool",
                    Some("pool"),
                    true,
                    ScopeKind::Handler,
                    Guard::None
                ),
                (
                    "tokio-postgres",
                    Some("client"),
                    false,
                    ScopeKind::Handler,
                    Guard::None
                ),
                ("reqwest-get", None, false, ScopeKind::Handler, Guard::None),
                ("reqwest-get", None, false, ScopeKind::Handler, Guard::None),
                (
                    "reqwest-client",
                    None,
                    false,
                    ScopeKind::Module,
                    Guard::Lazy
                ),
            ]
        );
        assert_eq!(f.clients[0].scope.framework(), "actix");
        let insert = f.clients[0].anchors.module_insert.unwrap() as usize;
        assert_eq!(&src[..insert], "\nuse tokio_postgres::NoTls;");
    }

    #[test]
    fn more_handler_refs_and_own_crate_modules() {
        let src = r#"
use axum::routing::{on, MethodFilter};
use myapp::handlers;
use myapp::db::pool;
fn routes(app: App) {
    let r = Router::new()
        .route("/a", on(MethodFilter::GET, handlers::a))
        .fallback(not_found);
    let s = App::new().default_service(web::to(handlers::b));
    let p = pool();
}
async fn not_found() {}
"#;
        let f = facts_with("src/main.rs", &["axum", "actix-web"], src);
        let refs: Vec<(&str, &str, Option<Vec<String>>)> = f
            .handler_refs
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.framework.as_str(),
                    r.module.clone().map(|m| m.candidates),
                )
            })
            .collect();
        assert!(
            refs.contains(&("a", "axum", Some(vec!["src/handlers".to_string()]))),
            "{refs:?}"
        );
        assert!(
            refs.contains(&("b", "actix", Some(vec!["src/handlers".to_string()]))),
            "{refs:?}"
        );
        assert!(refs.contains(&("not_found", "axum", None)), "{refs:?}");
        let calls: Vec<_> = f.calls.iter().filter(|c| !c.method).collect();
        assert_eq!(calls.len(), 1);
        assert_eq!(
            calls[0].module.clone().unwrap().candidates,
            vec!["src/db".to_string()]
        );
    }

    #[test]
    fn glob_import_of_catalogue_crate() {
        let f = facts("use sqlx::postgres::*;\nfn a() { let p = PgPool::connect_lazy(\"x\"); }");
        assert_eq!(only_client(&f).client, "sqlx-pool");
    }

    #[test]
    fn reqwest_get_is_throwaway() {
        let f = facts(
            "async fn h(Query(q): Query<Q>) { let body = reqwest::get(\"https://x\").await; }",
        );
        let c = only_client(&f);
        assert_eq!(c.kind, crate::facts::ClientKind::Throwaway);
        assert_eq!(c.ctor, "reqwest::get()");
        // axum's `get` is not reqwest's.
        let f = facts("use axum::routing::get;\nfn r() { let x = get(h); }");
        assert!(f.clients.is_empty());
    }

    #[test]
    fn guards_owner_and_module_cache() {
        let src = r#"
static CACHE: Mutex<Option<reqwest::Client>> = Mutex::new(None);
impl Api {
    fn init(&mut self) { self.client = reqwest::Client::new(); }
}
fn get() {
    let c = reqwest::Client::new();
    *CACHE.lock().unwrap() = Some(c);
}
"#;
        let f = facts(src);
        assert_eq!(f.clients[0].guard, Guard::Owner);
        assert_eq!(f.clients[1].guard, Guard::ModuleCache);
    }

    #[test]
    fn tonic_service_methods_are_handlers() {
        let src = r#"
#[tonic::async_trait]
impl Greeter for MyGreeter {
    async fn say_hello(&self, request: Request<HelloRequest>) -> Result<Response<HelloReply>, Status> {
        let c = reqwest::Client::new();
        todo!()
    }
}
"#;
        let f = facts_with("src/server.rs", &["tonic", "reqwest"], src);
        assert_eq!(only_client(&f).scope.framework(), "tonic");
        assert!(f.functions[0].exported);
    }

    #[test]
    fn type_method_calls_are_call_sites() {
        let src = r#"
use crate::github::GithubClient;
struct Local;
impl Local { fn new() -> Self { Local } }
async fn h(Json(b): Json<B>) {
    let gh = GithubClient::new();
    let l = Local::new();
    let s = String::new();
}
"#;
        let f = facts(src);
        let calls: Vec<(&str, Option<Vec<String>>)> = f
            .calls
            .iter()
            .map(|c| (c.callee.as_str(), c.module.clone().map(|m| m.candidates)))
            .collect();
        assert_eq!(
            calls,
            vec![
                ("GithubClient::new", Some(vec!["src/github".to_string()])),
                ("Local::new", None)
            ]
        );
    }

    #[test]
    fn syntax_error_is_a_parse_error() {
        let file = SourceFile::in_memory(
            "src/lib.rs",
            "fn main() {\n  let x = ;\n}\n",
            Arc::new(Project::with_deps(&[])),
        )
        .unwrap();
        let cat = Catalog::builtin().unwrap();
        let err = extract(&file, &cat.rs).unwrap_err();
        assert!(
            err.message.starts_with(
                "Rust syntax error (syn) at line 2, column 11: expected an expression"
            ),
            "{}",
            err.message
        );
        let span = err.span.unwrap();
        assert_eq!(line_of(&file.text, span), 2);
        let unbalanced = SourceFile::in_memory(
            "src/lib.rs",
            "fn a() {\n  f(1;\n}\n",
            Arc::new(Project::with_deps(&[])),
        )
        .unwrap();
        let err = extract(&unbalanced, &cat.rs).unwrap_err();
        assert!(
            err.message.contains("unbalanced delimiter"),
            "{}",
            err.message
        );
        // Extraction keeps working on the same thread after the spans were invalidated.
        let ok = facts("fn a() { let c = reqwest::Client::new(); }");
        assert_eq!(ok.clients.len(), 1);
    }

    #[test]
    fn bom_and_unicode_spans() {
        let src = "\u{feff}fn a() { let é = reqwest::Client::new(); }";
        let f = facts(src);
        assert_eq!(&src[only_client(&f).span.range()], "reqwest::Client::new()");
    }

    #[test]
    fn nested_closures_inherit_handler_and_release_in_closure() {
        let src = r#"
async fn h(State(s): State<S>) {
    tokio::spawn(async move {
        let pool = sqlx::PgPool::connect("x").await.unwrap();
        let f = || pool.close();
    });
}
"#;
        let f = facts(src);
        let c = only_client(&f);
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert!(c.released);
    }

    // --- issue 4: options, URLs, imports -----------------------------------------------------

    fn config_of(f: &FileFacts, client: usize) -> &ClientConfig {
        f.client_config(client)
            .unwrap_or_else(|| panic!("no config for client {client}: {:#?}", f.client_configs))
    }

    fn opt<'f>(c: &'f ClientConfig, key: &str) -> &'f OptValue {
        &c.option(key)
            .unwrap_or_else(|| panic!("no option {key}: {:#?}", c.options))
            .value
    }

    fn env_name(c: &ClientConfig) -> Option<&str> {
        c.url.as_ref().and_then(UrlRef::env_name)
    }

    fn literal(c: &ClientConfig) -> Option<(&str, Span)> {
        c.url.as_ref().and_then(UrlRef::literal)
    }

    #[test]
    fn sqlx_builder_options_and_env_url() {
        let src = r#"
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(50)
        .min_connections(5)
        .acquire_timeout(Duration::from_secs(3))
        .max_lifetime(None)
        .connect(&url)
        .await?;
    Ok(())
}
"#;
        let f = facts(src);
        assert_eq!(only_client(&f).client, "sqlx-pool");
        let c = config_of(&f, 0);
        assert_eq!(opt(c, "max_connections"), &OptValue::Int(50));
        assert_eq!(opt(c, "min_connections"), &OptValue::Int(5));
        assert_eq!(opt(c, "acquire_timeout"), &OptValue::Unknown);
        assert_eq!(opt(c, "max_lifetime"), &OptValue::Null);
        let keys: Vec<&str> = c.options.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "max_connections",
                "min_connections",
                "acquire_timeout",
                "max_lifetime"
            ]
        );
        assert_eq!(&src[c.options[0].span.range()], "50");
        assert_eq!(env_name(c), Some("DATABASE_URL"));
        // Through `env::var` with `use std::env`, `.expect(..)` and `dotenvy::var`.
        for init in [
            "env::var(\"DATABASE_URL\").expect(\"set DATABASE_URL\")",
            "dotenvy::var(\"DATABASE_URL\").unwrap()",
            "env::var(\"DATABASE_URL\").unwrap_or_else(|_| \"postgres://localhost/app\".into())",
            "env::var(\"DATABASE_URL\").unwrap_or(String::from(\"postgres://localhost/app\"))",
        ] {
            let src = format!(
                "use std::env;\nasync fn a() {{ let url = {init}; let p = sqlx::PgPool::connect(&url).await; }}"
            );
            let f = facts(&src);
            assert_eq!(env_name(config_of(&f, 0)), Some("DATABASE_URL"), "{init}");
        }
    }

    #[test]
    fn constants_literals_and_negative_values() {
        let src = r##"
use sqlx::postgres::{PgPool, PgPoolOptions};
const MAX: u32 = 20_000;
const MIN: i64 = -1;
const DB_URL: &str = "postgres://app:secret@db.example.com:6543/app";
async fn a() {
    let pool = PgPoolOptions::new().max_connections(MAX).min_connections(MIN).connect(DB_URL).await;
}
async fn b() {
    let n = 7;
    let pool = PgPoolOptions::new().max_connections(n as u32).connect(r#"postgres://localhost/b"#).await;
}
"##;
        let f = facts(src);
        assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
        let c = config_of(&f, 0);
        assert_eq!(opt(c, "max_connections"), &OptValue::Int(20_000));
        assert_eq!(opt(c, "min_connections"), &OptValue::Int(-1));
        let (text, span) = literal(c).unwrap();
        assert_eq!(text, "postgres://app:secret@db.example.com:6543/app");
        assert_eq!(&src[span.range()], text);
        let c = config_of(&f, 1);
        assert_eq!(opt(c, "max_connections"), &OptValue::Int(7));
        let (text, span) = literal(c).unwrap();
        assert_eq!(&src[span.range()], text);
        // `urls`: the constant's value and the raw string.
        assert_eq!(f.urls.len(), 2, "{:#?}", f.urls);
        assert_eq!(f.urls[0].var.as_deref(), Some("DB_URL"));
        assert_eq!(&src[f.urls[0].span.range()], f.urls[0].text);
        assert_eq!(f.urls[1].text, "postgres://localhost/b");
        assert_eq!(&src[f.urls[1].span.range()], "postgres://localhost/b");
    }

    #[test]
    fn builder_bound_to_a_local_and_connect_options() {
        let src = r#"
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::str::FromStr;
async fn a(url: &str) {
    let opts = PgPoolOptions::new().max_connections(5);
    let pool = opts.connect(url).await;
}
async fn b() -> Result<(), sqlx::Error> {
    let url = std::env::var("POOLER_URL").unwrap();
    let opts = PgConnectOptions::from_str(&url)?.statement_cache_capacity(0);
    let pool = PgPoolOptions::new().max_connections(10).connect_with(opts).await?;
    Ok(())
}
async fn c() {
    let url = std::env::var("DATABASE_URL").unwrap();
    let opts: PgConnectOptions = url.parse().unwrap();
    let pool = PgPool::connect_with(opts.statement_cache_capacity(0)).await;
}
async fn d() {
    let pool = PgPool::connect_lazy_with(
        "postgres://localhost/d".parse::<PgConnectOptions>().unwrap().statement_cache_capacity(100),
    );
}
"#;
        let f = facts(src);
        assert_eq!(f.clients.len(), 4, "{:#?}", f.clients);
        let a = config_of(&f, 0);
        assert_eq!(opt(a, "max_connections"), &OptValue::Int(5));
        assert!(a.url.is_none());
        let b = config_of(&f, 1);
        assert_eq!(opt(b, "max_connections"), &OptValue::Int(10));
        assert_eq!(opt(b, "statement_cache_capacity"), &OptValue::Int(0));
        assert_eq!(env_name(b), Some("POOLER_URL"));
        let c = config_of(&f, 2);
        assert_eq!(opt(c, "statement_cache_capacity"), &OptValue::Int(0));
        assert_eq!(env_name(c), Some("DATABASE_URL"));
        let d = config_of(&f, 3);
        assert_eq!(opt(d, "statement_cache_capacity"), &OptValue::Int(100));
        assert_eq!(literal(d).map(|l| l.0), Some("postgres://localhost/d"));
    }

    #[test]
    fn deadpool_config_locals_and_struct_literals() {
        let src = r#"
use deadpool_postgres::{Config, PoolConfig, Runtime, ManagerConfig, RecyclingMethod};
use tokio_postgres::NoTls;
const URL: &str = "postgres://localhost/app";
fn a() -> deadpool_postgres::Pool {
    let mut cfg = Config::new();
    cfg.url = Some(dotenvy::var("DATABASE_URL").expect("DATABASE_URL"));
    cfg.pool = Some(PoolConfig::new(40));
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.create_pool(Some(Runtime::Tokio1), NoTls).unwrap()
}
fn b() {
    let pool = Config {
        url: Some(URL.to_string()),
        pool: Some(PoolConfig { max_size: 16, ..Default::default() }),
        ..Default::default()
    }
    .create_pool(None, NoTls);
}
fn c() {
    let mut cfg = Config::new();
    let pc = PoolConfig { max_size: 8, ..Default::default() };
    cfg.pool = Some(pc);
    let pool = cfg.create_pool(None, NoTls);
}
"#;
        let f = facts_with(
            "src/db.rs",
            &["deadpool-postgres", "tokio-postgres", "dotenvy"],
            src,
        );
        assert_eq!(f.clients.len(), 3, "{:#?}", f.clients);
        let a = config_of(&f, 0);
        assert_eq!(opt(a, "max_size"), &OptValue::Int(40));
        assert_eq!(
            &src[a
                .options
                .iter()
                .find(|o| o.key == "max_size")
                .unwrap()
                .span
                .range()],
            "40"
        );
        assert_eq!(opt(a, "recycling_method"), &OptValue::Name("Fast".into()));
        assert_eq!(env_name(a), Some("DATABASE_URL"));
        let b = config_of(&f, 1);
        assert_eq!(opt(b, "max_size"), &OptValue::Int(16));
        assert_eq!(
            opt(b, "url"),
            &OptValue::Str("postgres://localhost/app".into())
        );
        assert_eq!(literal(b).map(|l| l.0), Some("postgres://localhost/app"));
        let c = config_of(&f, 2);
        assert_eq!(opt(c, "max_size"), &OptValue::Int(8));
    }

    #[test]
    fn bb8_r2d2_redis_mongodb_tokio_postgres() {
        let src = r#"
use bb8_postgres::PostgresConnectionManager;
use mongodb::{options::ClientOptions, Client};
use tokio_postgres::NoTls;
async fn a() {
    let url = std::env::var("DATABASE_URL").unwrap();
    let manager = PostgresConnectionManager::new_from_stringlike(&url, NoTls).unwrap();
    let pool = bb8::Pool::builder().max_size(30).min_idle(Some(5)).build(manager).await.unwrap();
}
fn b() {
    let manager = r2d2_postgres::PostgresConnectionManager::new("host=localhost".parse().unwrap(), NoTls);
    let pool = r2d2::Pool::builder().max_size(15).build(manager).unwrap();
}
fn c() {
    let client = redis::Client::open("redis://127.0.0.1/").unwrap();
    let con = client.get_connection().unwrap();
}
async fn d() -> mongodb::error::Result<()> {
    let uri = std::env::var("MONGODB_URI").expect("MONGODB_URI");
    let mut options = ClientOptions::parse(&uri).await?;
    options.max_pool_size = Some(50);
    let client = Client::with_options(options)?;
    let other = Client::with_uri_str(&uri).await?;
    Ok(())
}
async fn e() {
    let url = std::env::var("DATABASE_URL").expect("set");
    let (client, connection) = tokio_postgres::connect(&url, NoTls).await.unwrap();
}
"#;
        let f = facts_with(
            "src/db.rs",
            &[
                "bb8",
                "bb8-postgres",
                "r2d2",
                "r2d2-postgres",
                "redis",
                "mongodb",
                "tokio-postgres",
            ],
            src,
        );
        let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
        assert_eq!(
            ids,
            [
                "bb8-pool",
                "r2d2-pool",
                "redis-client",
                "redis-connection",
                "mongodb-client",
                "mongodb-client",
                "tokio-postgres"
            ]
        );
        let bb8 = config_of(&f, 0);
        assert_eq!(opt(bb8, "max_size"), &OptValue::Int(30));
        assert_eq!(opt(bb8, "min_idle"), &OptValue::Int(5));
        assert_eq!(env_name(bb8), Some("DATABASE_URL"));
        let r2d2 = config_of(&f, 1);
        assert_eq!(opt(r2d2, "max_size"), &OptValue::Int(15));
        assert_eq!(
            literal(config_of(&f, 2)).map(|l| l.0),
            Some("redis://127.0.0.1/")
        );
        // The connection opened from a client knows the client's URL.
        assert_eq!(
            literal(config_of(&f, 3)).map(|l| l.0),
            Some("redis://127.0.0.1/")
        );
        let mongo = config_of(&f, 4);
        assert_eq!(opt(mongo, "max_pool_size"), &OptValue::Int(50));
        assert_eq!(env_name(mongo), Some("MONGODB_URI"));
        assert_eq!(env_name(config_of(&f, 5)), Some("MONGODB_URI"));
        assert_eq!(env_name(config_of(&f, 6)), Some("DATABASE_URL"));
    }

    #[test]
    fn urls_through_statics_macros_and_settings() {
        let src = r#"
use std::sync::LazyLock;
use sqlx::PgPool;
static DATABASE_URL: LazyLock<String> =
    LazyLock::new(|| std::env::var("DATABASE_URL").expect("DATABASE_URL"));
lazy_static::lazy_static! {
    static ref REPLICA_URL: String = std::env::var("REPLICA_URL").unwrap();
}
async fn a() { let p = PgPool::connect(&DATABASE_URL).await; }
async fn b() { let p = PgPool::connect(&REPLICA_URL).await; }
async fn c() { let p = PgPool::connect(env!("BUILD_DATABASE_URL")).await; }
async fn d(config: &Config) { let p = PgPool::connect(&config.database_url).await; }
async fn e(state: &AppState) { let p = PgPool::connect(&state.settings.database_url).await; }
async fn f() {
    let url = std::env::var("DATABASE_URL").unwrap();
    let url = format!("{url}?sslmode=require");
    let p = PgPool::connect(&url).await;
}
async fn g(url: String) { let p = PgPool::connect(&url).await; }
"#;
        let f = facts(src);
        assert_eq!(f.clients.len(), 7, "{:#?}", f.clients);
        assert_eq!(env_name(config_of(&f, 0)), Some("DATABASE_URL"));
        assert_eq!(env_name(config_of(&f, 1)), Some("REPLICA_URL"));
        assert_eq!(env_name(config_of(&f, 2)), Some("BUILD_DATABASE_URL"));
        assert_eq!(env_name(config_of(&f, 3)), Some("DATABASE_URL"));
        assert_eq!(env_name(config_of(&f, 4)), Some("DATABASE_URL"));
        // A formatted URL and a parameter: unknown, no config at all.
        assert!(
            f.client_configs
                .iter()
                .all(|c| c.client != 5 && c.client != 6)
        );
    }

    #[test]
    fn urls_in_code() {
        let src = r#"
/// Connects to postgres://docs.example.com/db by default.
#[doc = "postgres://attr.example.com/db"]
const FALLBACK: &str = "postgresql://app@localhost:5432/app";
fn a() {
    let url = "mysql://root@localhost/shop";
    let not_url = "https://example.com";
    let cfg = Settings { redis_url: "redis://cache:6379".into(), ..Default::default() };
    let pool = sqlx::PgPool::connect_lazy("postgres://localhost/test");
    let env_url = std::env::var("X").unwrap_or_else(|_| String::from("postgres://localhost/dev"));
}
"#;
        let f = facts(src);
        let got: Vec<(Option<&str>, &str)> = f
            .urls
            .iter()
            .map(|u| (u.var.as_deref(), u.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("FALLBACK"), "postgresql://app@localhost:5432/app"),
                (Some("url"), "mysql://root@localhost/shop"),
                (Some("redis_url"), "redis://cache:6379"),
                (None, "postgres://localhost/test"),
                (Some("env_url"), "postgres://localhost/dev"),
            ]
        );
        for u in &f.urls {
            assert_eq!(&src[u.span.range()], u.text);
        }
    }

    #[test]
    fn urls_in_static_initialisers_and_helper_functions() {
        let src = r#"
use std::sync::LazyLock;
use sqlx::postgres::{PgPool, PgPoolOptions};
fn database_url() -> String {
    dotenvy::dotenv().ok();
    std::env::var("DATABASE_URL").expect("DATABASE_URL must be set")
}
pub static POOL: LazyLock<PgPool> = LazyLock::new(|| {
    PgPoolOptions::new().max_connections(10).connect_lazy(&database_url()).expect("url")
});
pub static JOBS: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("JOBS_DATABASE_URL").expect("set");
    PgPool::connect_lazy(&url).expect("valid")
});
pub static OTHER: LazyLock<PgPool> = LazyLock::new(|| PgPool::connect_lazy(&url).unwrap());
"#;
        let f = facts(src);
        assert_eq!(f.clients.len(), 3, "{:#?}", f.clients);
        let pool = config_of(&f, 0);
        assert_eq!(env_name(pool), Some("DATABASE_URL"));
        assert_eq!(opt(pool, "max_connections"), &OptValue::Int(10));
        assert_eq!(env_name(config_of(&f, 1)), Some("JOBS_DATABASE_URL"));
        // `url` of another static's initialiser is not visible.
        assert!(f.client_configs.iter().all(|c| c.client != 2));
    }

    #[test]
    fn self_referencing_values_terminate() {
        let src = r#"
const A: u32 = B;
const B: u32 = A;
fn a() {
    let mut cfg = deadpool_postgres::Config::new();
    cfg.url = cfg.url.clone();
    cfg.url = Some(cfg.url.unwrap_or_default());
    let url = url;
    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(A).connect_lazy(&url);
    let p2 = cfg.create_pool(None, tokio_postgres::NoTls);
}
"#;
        let f = facts_with(
            "src/db.rs",
            &["sqlx", "deadpool-postgres", "tokio-postgres"],
            src,
        );
        assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
        assert_eq!(opt(config_of(&f, 0), "max_connections"), &OptValue::Unknown);
        assert!(config_of(&f, 0).url.is_none());
    }

    fn import_keys(f: &FileFacts) -> Vec<String> {
        f.imports.iter().map(|m| m.candidates.join("|")).collect()
    }

    #[test]
    fn imports_from_mod_and_use() {
        let src = r#"
mod db;
mod handlers;
#[cfg(test)]
mod tests;
mod inline {
    mod nested;
    use super::db::Pool;
}
use crate::config::Settings;
use crate::routes::list_users;
use crate::state::{self, AppState};
use crate::db::pool;
use crate::AppError;
use db::connect;
use sqlx::PgPool;
use std::sync::Arc;
fn f() { let p = pool::get(); }
"#;
        let f = facts(src);
        assert_eq!(
            import_keys(&f),
            [
                "src/db",
                "src/handlers",
                "src/inline/nested",
                "src/config",
                "src/routes",
                "src/state",
                "src/db/pool",
            ]
        );
    }

    #[test]
    fn imports_from_a_nested_module_and_own_crate() {
        let src = r#"
use super::common::helper;
use super::super::models::User;
use self::extract::Auth;
use crate::db;
mod extract;
#[cfg(test)]
mod tests { use super::*; use crate::testing::setup; }
mod inner { use super::helper; use self::x::y; }
"#;
        let f = facts_with("src/handlers/users.rs", &["axum", "sqlx"], src);
        assert_eq!(
            import_keys(&f),
            [
                "src/handlers/users/extract",
                "src/handlers/common",
                "src/models",
                "src/db",
            ]
        );
        // A binary naming its own library crate.
        let f = facts_with(
            "src/main.rs",
            &["axum", "sqlx"],
            "use myapp::db::get_pool;\nuse myapp::{routes, AppState};\nuse sqlx::PgPool;\nfn main() {}",
        );
        // `AppState` lives in the library root, whose key (`src`) is also `src/main.rs`'s own.
        assert_eq!(import_keys(&f), ["src/db", "src/routes"]);
    }

    #[test]
    fn url_spans_hold_their_text() {
        // Found by fuzzing (fuzz/regressions/rust): a URL in a block of a closure argument.
        let text = "fn main() {\n    let rt = tokio::runtime::Runtime::new().unwrap();\n    rt.block_on(async {\n        for _ in 0..100 {\n            let pool = sqlx::PgPool::connect(\"postgres://localhost/ledger_bench\").await.unwrap();\n            pool.close().await;\n        }\n    });\n}\n";
        let f = facts(text);
        assert!(!f.urls.is_empty());
        for u in &f.urls {
            assert_eq!(&text[u.span.range()], u.text, "{u:?}");
        }
    }
}

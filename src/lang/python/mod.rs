//! Python front-end (tree-sitter-python).
//!
//! One parse per file (a parser per thread), one cursor walk that lists its nodes in document
//! order ([`Flat`]), then, over that list:
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

use crate::catalog::{ClientDef, CtorMatch, FrameworkDecoratorsDef, LangCatalog};
use crate::facts::{
    CallSite, ClientConfig, ClientKind, ClientSite, Closing, ConnUrl, FileFacts, FixAnchors,
    FnFact, Guard, HandlerRef, ModuleRef, OptValue, OptionFact, Returned, Scope, ScopeKind,
    SessionAnchors, SessionSite, UrlRef, WithAnchors,
};
use crate::lang::FieldExt;
use crate::lang::KindExt;
use crate::lang::ParseError;
use crate::lang::dotenv::is_connection_url;
use crate::lang::flat::Flat;
use crate::lang::modules::py_module;
use crate::source::{SourceFile, Span};
use std::cell::RefCell;
/// The front-end's maps and sets hash with foldhash: their keys are short names, and SipHash was
/// 1.2-1.3 % of a run.
type HashMap<K, V> = foldhash::HashMap<K, V>;
type HashSet<T> = foldhash::HashSet<T>;
use std::sync::LazyLock;
use tree_sitter::{Node, Parser, Tree};

mod early_return;
mod files;
mod flow;
mod frameworks;
mod frequency;
mod guards;
mod inferred;
mod loops;
mod options;
mod prepass;
mod scopes;
mod sessions;
mod sites;
mod syntax;
mod vocab;
use files::*;
use prepass::*;
use scopes::*;
use sites::*;
use syntax::*;
use vocab::*;

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
        message: format!(
            "the Python parser gave up on this file after {} s (a pathological nesting?)",
            crate::lang::PARSE_BUDGET.as_secs()
        ),
        span: None,
    }
}

/// Parse with this thread's parser (created on first use).
pub(crate) fn parse(text: &str) -> Result<Tree, ParseError> {
    PARSER.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            // Re-entrant use (never expected): parse with a fresh parser.
            return crate::lang::parse_bounded(&mut new_parser()?, text).ok_or_else(no_tree);
        };
        if slot.is_none() {
            *slot = Some(new_parser()?);
        }
        match slot.as_mut() {
            Some(parser) => crate::lang::parse_bounded(parser, text).ok_or_else(no_tree),
            None => Err(no_tree()),
        }
    })
}

/// Extract the facts of one Python file.
pub fn extract(file: &SourceFile, catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    let tree = parse(&file.text)?;
    let root = tree.root_node();
    let flat = Flat::new(root);
    let pre = Pre::collect(file, catalog, &flat, root);
    let mut walker = Walker::new(file, catalog, pre, &flat, root);
    walker.scan_module_bindings(root);
    walker.walk(root);
    if let Some(module) = walker.accs.pop() {
        walker.finish_body(module);
    }
    walker.finalize();
    walker.mark_handed_functions();
    walker.facts.tables = walker.module_tables();
    Ok(walker.facts)
}

/// Does the text parse without any ERROR or MISSING node?
/// The project modules a Python file imports, from its `import a.b` / `from .x import y` lines
/// (without parsing; `from pkg import mod` also names `pkg.mod`, which may be a module).
pub fn scan_imports(rel: &str, text: &str) -> Vec<ModuleRef> {
    let mut out = Vec::new();
    let mut push = |module: &str, level: usize| {
        if let Some(m) = py_module(rel, module, level, |_| false) {
            out.push(m);
        }
    };
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let line = line.trim_start();
        if let Some(rest) = line.strip_prefix("import ") {
            for part in rest.split(',') {
                let name = part.split_whitespace().next().unwrap_or("");
                if !name.is_empty() {
                    push(name, 0);
                }
            }
        } else if let Some(rest) = line.strip_prefix("from ") {
            let Some((module, names)) = rest.split_once(" import ") else {
                continue;
            };
            let module = module.trim();
            let level = module.chars().take_while(|c| *c == '.').count();
            let dotted = &module[level..];
            let mut names = names.trim().to_string();
            // `from x import (\n a,\n b,\n)`
            if names.starts_with('(') && !names.contains(')') {
                for more in lines.by_ref() {
                    names.push_str(more);
                    if more.contains(')') {
                        break;
                    }
                }
            }
            if !dotted.is_empty() {
                push(dotted, level);
            } else if level > 0 {
                push("", level);
            }
            for name in names
                .trim_matches(|c| c == '(' || c == ')')
                .split(',')
                .filter_map(|n| n.split_whitespace().next())
                .filter(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_') && !n.is_empty())
            {
                if dotted.is_empty() {
                    push(name, level);
                } else {
                    push(&format!("{dotted}.{name}"), level);
                }
            }
        }
    }
    out
}

pub fn parses_cleanly(text: &str) -> bool {
    parse(text).is_ok_and(|tree| !tree.root_node().has_error())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

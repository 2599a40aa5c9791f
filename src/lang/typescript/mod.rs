//! TypeScript / TSX / JavaScript front-end (tree-sitter).
//!
//! One parse per file (one parser per grammar per thread), one cursor walk that lists its nodes
//! in document order ([`Flat`]; the passes and the walks of the analyses below iterate that
//! list), then two passes over the tree:
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

use crate::catalog::{
    ClientDef, CtorDef, CtorMatch, EffectPairDef, LangCatalog, Matching, wildcard_match,
};
use crate::facts::{
    Acquisition, CallSite, Cleanup, CleanupCall, ClientConfig, ClientKind, ClientSite, Closing,
    ConnUrl, EffectAnchors, EffectFact, FileFacts, FixAnchors, FnFact, Guard, HandlerRef,
    ModuleRef, NestedAnchors, OptValue, OptionFact, Returned, Scope, ScopeKind, SessionAnchors,
    SessionSite, UrlRef,
};
use crate::lang::KindExt;
use crate::lang::ParseError;
use crate::lang::dotenv::is_connection_url;
use crate::lang::flat::Flat;
use crate::lang::modules::js_module;
use crate::source::{Lang, SourceFile, Span};
use std::cell::RefCell;
/// The front-end's maps and sets hash with foldhash: their keys are short names, and SipHash was
/// 1.2-1.3 % of a run.
type HashMap<K, V> = foldhash::HashMap<K, V>;
type HashSet<T> = foldhash::HashSet<T>;
use tree_sitter::{Node, Parser, Tree};

mod acquisitions;
mod calls;
mod declared;
mod effect_parts;
mod effects;
mod elements;
mod frameworks;
mod handler_args;
mod inferred;
mod lifecycles;
mod listeners;
mod loops;
mod options;
mod prepass;
mod registrations;
mod returns;
mod roots;
mod scopes;
mod session_state;
mod sessions;
mod sfc;
mod sites;
mod syntax;
mod values;
mod vocab;
use effect_parts::*;
use elements::ElementRefs;
use options::*;
use prepass::*;
use returns::{iife_call_of, returned_param};
use scopes::*;
use sites::*;
use syntax::*;
use values::*;
use vocab::*;

thread_local! {
    /// `[typescript, tsx]`, created on first use on each thread.
    static PARSERS: RefCell<[Option<Parser>; 2]> = const { RefCell::new([None, None]) };
}

pub(crate) fn parse(lang: Lang, text: &str) -> Result<Tree, ParseError> {
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
        let scripts = if tsx { None } else { sfc::script_ranges(text) };
        let tree = match scripts {
            // a component without a script: nothing to read
            Some(ranges) if ranges.is_empty() => parser.parse("", None),
            Some(ranges) => {
                let set = parser.set_included_ranges(&ranges);
                let tree = set
                    .ok()
                    .and_then(|()| crate::lang::parse_bounded(parser, text));
                // the parser is reused for the next file, which is read whole
                let _ = parser.set_included_ranges(&[]);
                tree
            }
            None => crate::lang::parse_bounded(parser, text),
        };
        tree.ok_or_else(|| ParseError {
            message: format!(
                "the TypeScript parser gave up on this file after {} s (a pathological nesting?)",
                crate::lang::PARSE_BUDGET.as_secs()
            ),
            span: None,
        })
    })
}

/// Does the text parse without any error or missing node?
pub fn parses_cleanly(lang: Lang, text: &str) -> bool {
    parse(lang, text).is_ok_and(|t| !t.root_node().has_error())
}

/// The import specifiers a file names, found without parsing: the string after `from`,
/// `import`, `require(` or `import(` (comments and other strings may add a few spurious ones;
/// callers match them against files that exist).
pub fn scan_import_specifiers(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr2(b'"', b'\'', &bytes[i..]) {
        i += at;
        let q = bytes[i];
        let Some(len) = memchr::memchr2(q, b'\n', &bytes[i + 1..]) else {
            break;
        };
        let end = i + 1 + len;
        let before = text[..i].trim_end();
        let before = before
            .strip_suffix('(')
            .map(str::trim_end)
            .unwrap_or(before);
        let keyword = ["from", "import", "require"].iter().any(|k| {
            before.ends_with(k)
                && !before[..before.len() - k.len()]
                    .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
        });
        if keyword && bytes.get(end) == Some(&q) && !type_only(before) {
            out.push(&text[i + 1..end]);
        }
        i = end + 1;
    }
    out
}

/// Does the statement that `… from` ends start `import type` or `export type` (an import
/// TypeScript erases)?
fn type_only(before: &str) -> bool {
    before.ends_with("from")
        && ["import", "export"]
            .iter()
            .filter_map(|k| before.rfind(k).map(|i| (i, k.len())))
            .max()
            .is_some_and(|(i, len)| before[i + len..].trim_start().starts_with("type "))
}

/// A file that only its folder makes a script: beside Prisma's schema (`prisma/db.ts`), where
/// seeds live, but also where some projects keep the client the app imports.
fn script_by_folder(rel: &str) -> bool {
    rel.trim_start_matches("./").starts_with("prisma/")
}

/// A file that is a script unless the app imports it: [`script_by_folder`], or one a
/// `package.json` script runs (`"db:truncate": "tsx ./server/db/reset.ts"`).
fn script_unless_imported(file: &SourceFile) -> bool {
    let rel = file.rel.trim_start_matches("./");
    script_by_folder(rel) || file.project.script_files.iter().any(|f| f == rel)
}

/// Which of `sources` application code imports, among the files only their folder or a
/// `package.json` script makes scripts (`prisma/client.ts` imported by a route): by a text scan of the other files' imports,
/// within one project. Empty work when no such file is in the run.
pub fn imported_by_app(
    sources: &[SourceFile],
    imports_of: impl Fn(&SourceFile) -> Vec<crate::facts::ModuleRef>,
) -> Vec<bool> {
    let mut marks = vec![false; sources.len()];
    let is_js = |s: &SourceFile| matches!(s.lang, Lang::Ts | Lang::Tsx | Lang::Js);
    let candidates: Vec<(usize, Vec<String>)> = sources
        .iter()
        .enumerate()
        .filter(|(_, s)| is_js(s) && script_unless_imported(s))
        .map(|(i, s)| (i, crate::lang::modules::module_keys(&s.rel, s.lang)))
        .collect();
    if candidates.is_empty() {
        return marks;
    }
    for s in sources.iter().filter(|s| is_js(s)) {
        if script_unless_imported(s) || !prepass::app_by_path(s) {
            continue;
        }
        for m in imports_of(s) {
            for (i, keys) in &candidates {
                if sources[*i].project.root == s.project.root && m.names_any(keys) {
                    marks[*i] = true;
                }
            }
        }
    }
    marks
}

/// Extract the facts of one TypeScript / TSX / JavaScript file.
pub fn extract(file: &SourceFile, catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    let tree = parse(file.lang, &file.text)?;
    let root = tree.root_node();
    let flat = Flat::new(root);
    let info = FileInfo::new(file, catalog.app_folder(&file.project, &file.rel));
    let mut pre = Pre::new(file, &flat, catalog, info);
    pre.run(root);
    let mut walker = Walker::new(file, catalog, pre, info);
    walker.walk(root);
    Ok(walker.finish())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

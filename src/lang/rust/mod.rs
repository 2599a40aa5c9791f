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

use crate::catalog::{CtorMatch, LangCatalog};
use crate::facts::{
    CallSite, ClientConfig, ClientSite, ConnUrl, FileFacts, FixAnchors, FnFact, Guard, HandlerRef,
    ModuleRef, OptValue, OptionFact, Returned, Scope, ScopeKind, UrlRef,
};
use crate::lang::ParseError;
use crate::lang::dotenv::is_connection_url;
use crate::lang::inferred::INFERRED;
use crate::lang::modules::{module_keys, rs_module};
use crate::source::{Lang, SourceFile, Span};
use proc_macro2::{LineColumn, TokenStream, TokenTree};
use std::collections::{HashMap, HashSet};
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{
    Attribute, Block, Expr, ExprCall, ExprClosure, ExprMethodCall, FnArg, Ident, ImplItemFn,
    ItemFn, ItemImpl, ItemMod, Macro, Pat, Signature, Stmt, Token, Type, UseTree, Visibility,
};

mod callbacks;
mod extent;
mod held;
mod loops;
mod macros;
mod options;
mod prepass;
mod returns;
mod scopes;
mod session_state;
mod sessions;
mod slots;
pub mod state;
mod syntax;
mod vocab;
use macros::*;
use options::*;
use prepass::*;
use returns::*;
use scopes::*;
use syntax::*;
use vocab::*;

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
    let pre = Pre::collect(&ast, &macros, file, &conv, catalog);
    let mut walker = Walker::new(file, catalog, &pre, &macros, &conv);
    walker.visit_file(&ast);
    let mut facts = walker.facts;
    facts.module_keys = inline_module_keys(&file.rel, &ast);
    Ok(facts)
}

/// The file's module keys, and those of its top-level inline modules (`pub mod db { … }` in
/// `src/lib.rs` is `src/db`, which `use myapp::db;` names), outside `#[cfg(test)]`.
fn inline_module_keys(rel: &str, ast: &syn::File) -> Vec<String> {
    let mut keys = module_keys(rel, crate::source::Lang::Rs);
    let base = keys.first().cloned().unwrap_or_default();
    for item in &ast.items {
        if let syn::Item::Mod(m) = item
            && m.content.is_some()
            && !is_cfg_test(&m.attrs)
        {
            let name = m.ident.to_string();
            keys.push(if base.is_empty() {
                name
            } else {
                format!("{base}/{name}")
            });
        }
    }
    keys
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

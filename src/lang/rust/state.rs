//! What an axum router or an actix-web app already shares with its handlers, read for fixes:
//! `.with_state(x)` (axum) and `.app_data(web::Data::new(x))` (actix-web), `x` followed through
//! the `let`s of the function that registers it (`let state = Arc::new(AppState { db: pool })`);
//! a handler's signature (its `State(..)` / `web::Data<..>` parameters) and the `let` holding a
//! construction; a file's `use` names and struct fields. Byte spans only: nothing of syn leaves
//! this module.

use super::syntax::{Conv, seg_names};
use crate::source::{SourceFile, Span};
use std::collections::HashMap;
use syn::visit::{self, Visit};
use syn::{Expr, FnArg, Item, Pat, Stmt, Type, UseTree};

/// The web framework sharing the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Web {
    /// `Router::with_state(x)`, read with `State<T>`.
    Axum,
    /// `App::app_data(web::Data::new(x))`, read with `web::Data<T>`.
    Actix,
}

/// One state an app shares.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedState {
    pub web: Web,
    /// The function registering it (where its routes usually are).
    pub in_fn: Span,
    /// Its type as written: a `let x: T` annotation (`web::Data<…>` unwrapped), `S` for a struct
    /// literal, `Arc<S>` for `Arc::new(S { … })` (the `Arc` path as written).
    pub ty: Option<String>,
    pub content: Content,
}

/// What the shared state holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// The value itself: the expression that builds or holds it, through `let`s.
    Value(Span),
    /// A struct literal: each named field and its value's expression, through `let`s.
    Struct {
        name: String,
        fields: Vec<(String, Span)>,
    },
}

/// A function parameter as far as shared state goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub span: Span,
    /// `pool` in `State(pool): State<T>` or `pool: web::Data<T>`.
    pub binding: Option<String>,
    /// The last segment of the type's path: `State`, `Data`, `Json`, …
    pub wrapper: Option<String>,
    /// `T` of `State<T>` / `Data<T>` as written.
    pub inner: Option<String>,
}

/// The free function holding a construction.
#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    pub name: String,
    /// The whole item, attributes included.
    pub span: Span,
    /// Just after the parameters' `(`.
    pub params_open: usize,
    pub params: Vec<Param>,
    /// The direct `let NAME = INIT;` statement of the body whose `INIT` holds the construction.
    pub local: Option<Local>,
    /// Inside an inline `mod m { … }`: the file's `use`s do not reach it.
    pub in_mod: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Local {
    pub binding: String,
    pub stmt: Span,
    pub init: Span,
}

/// A struct's named fields: (name, type as written, `pub` in any form).
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    pub name: String,
    pub fields: Vec<(String, String, bool)>,
}

/// Everything of one file the fix needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateFacts {
    pub states: Vec<SharedState>,
    /// Local name → full path of the file's top-level `use` items (globs left out).
    pub uses: HashMap<String, String>,
    pub structs: Vec<StructDef>,
    /// Every parameter of a free function typed `State<…>` / `…Data<…>`: (wrapper, inner).
    pub extractors: Vec<(String, String)>,
    /// The handler holding the span asked for, if any.
    pub handler: Option<Handler>,
    /// The modules the file declares (`mod state;`): a `use state::AppState` names one of them.
    pub mods: Vec<String>,
}

/// Read `file` (parsed again with syn); `at`: a construction whose enclosing free function is
/// wanted as [`StateFacts::handler`]. `None` when the file does not parse.
pub fn read(file: &SourceFile, at: Option<Span>) -> Option<StateFacts> {
    let out = read_inner(file, at);
    proc_macro2::extra::invalidate_current_thread_spans();
    out
}

fn read_inner(file: &SourceFile, at: Option<Span>) -> Option<StateFacts> {
    let ast = syn::parse_file(&file.text).ok()?;
    let conv = Conv::new(file);
    let mut r = Reader {
        conv: &conv,
        text: &file.text,
        at,
        facts: StateFacts::default(),
        mod_depth: 0,
    };
    for item in &ast.items {
        match item {
            Item::Use(u) => use_names(&u.tree, String::new(), &mut r.facts.uses),
            Item::Mod(m) => r.facts.mods.push(m.ident.to_string()),
            _ => {}
        }
    }
    r.visit_file(&ast);
    Some(r.facts)
}

fn use_names(tree: &UseTree, prefix: String, out: &mut HashMap<String, String>) {
    let join = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}::{name}")
        }
    };
    match tree {
        UseTree::Path(p) => use_names(&p.tree, join(&p.ident.to_string()), out),
        UseTree::Name(n) if n.ident == "self" => {
            if let Some(last) = prefix.rsplit("::").next() {
                out.insert(last.to_string(), prefix.clone());
            }
        }
        UseTree::Name(n) => {
            out.insert(n.ident.to_string(), join(&n.ident.to_string()));
        }
        UseTree::Rename(r) => {
            out.insert(r.rename.to_string(), join(&r.ident.to_string()));
        }
        UseTree::Group(g) => {
            for t in &g.items {
                use_names(t, prefix.clone(), out);
            }
        }
        UseTree::Glob(_) => {}
    }
}

struct Reader<'a> {
    conv: &'a Conv<'a>,
    text: &'a str,
    at: Option<Span>,
    facts: StateFacts,
    /// How many inline `mod`s the walk is in.
    mod_depth: usize,
}

/// A `let` of a function body: (name, type as written, its value, where the statement ends).
struct Let<'e> {
    name: String,
    ty: Option<Span>,
    init: &'e Expr,
    end: usize,
}

/// Every `let NAME[: T] = INIT;` of a function, closures and blocks included.
struct Lets<'e> {
    all: Vec<Let<'e>>,
    /// The function's parameters: (name, type as written).
    params: Vec<(String, Span)>,
}

struct LetCollector<'e, 'c> {
    conv: &'c Conv<'c>,
    lets: Vec<Let<'e>>,
}

impl<'e> Visit<'e> for LetCollector<'e, '_> {
    fn visit_local(&mut self, l: &'e syn::Local) {
        let (pat, ty) = match &l.pat {
            Pat::Type(t) => (&*t.pat, Some(self.conv.of(&*t.ty))),
            p => (p, None),
        };
        if let (Pat::Ident(id), Some(init)) = (pat, &l.init)
            && id.by_ref.is_none()
            && id.subpat.is_none()
        {
            self.lets.push(Let {
                name: id.ident.to_string(),
                ty,
                init: &init.expr,
                end: self.conv.of(l).end as usize,
            });
        }
        visit::visit_local(self, l);
    }
    // Items nested in a function have their own scope.
    fn visit_item(&mut self, _: &'e Item) {}
}

impl<'a> Reader<'a> {
    fn slice(&self, s: Span) -> &'a str {
        self.text
            .get(s.start as usize..s.end as usize)
            .unwrap_or("")
    }

    /// The state `e` (an argument of `with_state` / `app_data` at byte `at`) resolves to, and
    /// whether a `Data::new(…)` wraps it.
    fn resolve(
        &self,
        e: &Expr,
        lets: &Lets<'_>,
        at: usize,
        depth: u8,
    ) -> (Option<String>, Content, bool) {
        let here = Content::Value(self.conv.of(e));
        if depth > 6 {
            return (None, here, false);
        }
        match e {
            Expr::Paren(p) => self.resolve(&p.expr, lets, at, depth + 1),
            Expr::Group(g) => self.resolve(&g.expr, lets, at, depth + 1),
            Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => {
                self.resolve(&m.receiver, lets, at, depth + 1)
            }
            Expr::Call(c) if c.args.len() == 1 => {
                let Expr::Path(p) = &*c.func else {
                    return (None, here, false);
                };
                let segs = seg_names(&p.path);
                let n = segs.len();
                let tail = |a: &str, b: &str| n >= 2 && segs[n - 2] == a && segs[n - 1] == b;
                let Some(arg) = c.args.first() else {
                    return (None, here, false);
                };
                if tail("Arc", "new") {
                    let (ty, content, _) = self.resolve(arg, lets, at, depth + 1);
                    // The `Arc` path as written: `Arc`, `std::sync::Arc`.
                    let func = self.slice(self.conv.of(&p.path));
                    let arc = func
                        .strip_suffix("new")
                        .and_then(|f| f.trim_end().strip_suffix("::"));
                    let ty = match (ty, arc) {
                        (Some(t), Some(a)) => Some(format!("{}<{t}>", a.trim())),
                        _ => None,
                    };
                    (ty, content, false)
                } else if tail("Data", "new") {
                    let (ty, content, _) = self.resolve(arg, lets, at, depth + 1);
                    (ty, content, true)
                } else {
                    (None, here, false)
                }
            }
            Expr::Struct(s) if s.rest.is_none() && s.qself.is_none() => {
                let name = self.slice(self.conv.of(&s.path)).to_string();
                let mut fields = Vec::new();
                for f in &s.fields {
                    let syn::Member::Named(id) = &f.member else {
                        continue;
                    };
                    let value = self.value_span(&f.expr, lets, at, depth + 1);
                    fields.push((id.to_string(), value));
                }
                (Some(name.clone()), Content::Struct { name, fields }, false)
            }
            Expr::Path(_) => {
                let Some(name) = super::syntax::expr_ident(e) else {
                    return (None, here, false);
                };
                let Some(l) = lets.find(&name, at) else {
                    // A parameter (`fn app(pool: PgPool) -> Router`): its type as written.
                    return match lets.params.iter().find(|(n, _)| *n == name) {
                        Some((_, ty)) => {
                            let t = self.slice(*ty);
                            (Some(unwrap_data(t).to_string()), here, unwrap_data(t) != t)
                        }
                        None => (None, here, false),
                    };
                };
                let (ty, content, data) =
                    self.resolve(l.init, lets, l.end.saturating_sub(1), depth + 1);
                let written = l.ty.map(|t| unwrap_data(self.slice(t)).to_string());
                let data = data
                    || l.ty
                        .is_some_and(|t| unwrap_data(self.slice(t)) != self.slice(t));
                (written.or(ty), content, data)
            }
            _ => (None, here, false),
        }
    }

    /// A field's value: the expression building it, through `let`s and `.clone()`.
    fn value_span(&self, e: &Expr, lets: &Lets<'_>, at: usize, depth: u8) -> Span {
        match e {
            Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() && depth < 8 => {
                self.value_span(&m.receiver, lets, at, depth + 1)
            }
            Expr::Paren(p) if depth < 8 => self.value_span(&p.expr, lets, at, depth + 1),
            Expr::Path(_) if depth < 8 => {
                match super::syntax::expr_ident(e).and_then(|n| lets.find(&n, at)) {
                    Some(l) => self.value_span(l.init, lets, l.end.saturating_sub(1), depth + 1),
                    None => self.conv.of(e),
                }
            }
            _ => self.conv.of(e),
        }
    }

    fn read_fn(&mut self, f: &syn::ItemFn) {
        let span = self.conv.of(f);
        // The states this function registers.
        let mut calls = StateCalls::default();
        calls.visit_block(&f.block);
        if !calls.found.is_empty() {
            let mut collector = LetCollector {
                conv: self.conv,
                lets: Vec::new(),
            };
            collector.visit_block(&f.block);
            let params = f
                .sig
                .inputs
                .iter()
                .filter_map(|a| match a {
                    FnArg::Typed(t) => match &*t.pat {
                        Pat::Ident(id) => Some((id.ident.to_string(), self.conv.of(&*t.ty))),
                        _ => None,
                    },
                    FnArg::Receiver(_) => None,
                })
                .collect();
            let lets = Lets {
                all: collector.lets,
                params,
            };
            for (web, arg) in calls.found {
                let at = self.conv.of(arg).start as usize;
                let (ty, content, data) = self.resolve(arg, &lets, at, 0);
                // actix-web finds `web::Data<T>` only where a `Data` was registered.
                if web == Web::Actix && !data {
                    continue;
                }
                self.facts.states.push(SharedState {
                    web,
                    in_fn: span,
                    ty,
                    content,
                });
            }
        }
        let params = f
            .sig
            .inputs
            .iter()
            .filter_map(|a| match a {
                FnArg::Typed(t) => Some(self.param(&t.pat, &t.ty)),
                FnArg::Receiver(_) => None,
            })
            .collect::<Vec<_>>();
        for p in &params {
            if let (Some(w), Some(i)) = (&p.wrapper, &p.inner)
                && (w == "State" || w == "Data")
            {
                self.facts.extractors.push((w.clone(), i.clone()));
            }
        }
        let body = self.conv.of(&*f.block);
        if let Some(at) = self.at
            && body.start <= at.start
            && at.end <= body.end
        {
            let local = f.block.stmts.iter().find_map(|s| match s {
                Stmt::Local(l) => {
                    let pat = match &l.pat {
                        Pat::Type(t) => &*t.pat,
                        p => p,
                    };
                    let (Pat::Ident(id), Some(init)) = (pat, &l.init) else {
                        return None;
                    };
                    let init_span = self.conv.of(&*init.expr);
                    (id.by_ref.is_none()
                        && id.subpat.is_none()
                        && init.diverge.is_none()
                        && init_span.start <= at.start
                        && at.end <= init_span.end)
                        .then(|| Local {
                            binding: id.ident.to_string(),
                            stmt: self.conv.of(l),
                            init: init_span,
                        })
                }
                _ => None,
            });
            let open = self.conv.span(f.sig.paren_token.span.open()).end as usize;
            self.facts.handler = Some(Handler {
                name: f.sig.ident.to_string(),
                span,
                params_open: open,
                params,
                local,
                in_mod: self.mod_depth > 0,
            });
        }
    }

    fn param(&self, pat: &Pat, ty: &Type) -> Param {
        let binding = match pat {
            Pat::Ident(id) => Some(id.ident.to_string()),
            Pat::TupleStruct(ts) if ts.elems.len() == 1 => match ts.elems.first() {
                Some(Pat::Ident(id)) => Some(id.ident.to_string()),
                _ => None,
            },
            _ => None,
        };
        let (wrapper, inner) = match ty {
            Type::Path(p) if p.qself.is_none() => match p.path.segments.last() {
                Some(last) => {
                    let inner = match &last.arguments {
                        syn::PathArguments::AngleBracketed(a) if a.args.len() == 1 => a
                            .args
                            .first()
                            .map(|g| self.slice(self.conv.of(g)).to_string()),
                        _ => None,
                    };
                    (Some(last.ident.to_string()), inner)
                }
                None => (None, None),
            },
            _ => (None, None),
        };
        Param {
            span: Span::new(
                self.conv.of(pat).start as usize,
                self.conv.of(ty).end as usize,
            ),
            binding,
            wrapper,
            inner,
        }
    }
}

impl<'e> Lets<'e> {
    /// The last `let name` ending before byte `at`.
    fn find(&self, name: &str, at: usize) -> Option<&Let<'e>> {
        self.all.iter().rfind(|l| l.name == name && l.end <= at)
    }
}

/// `web::Data<T>` / `Data<T>` / `actix_web::web::Data<T>` → `T`; anything else unchanged.
fn unwrap_data(ty: &str) -> &str {
    let t = ty.trim();
    ["actix_web::web::Data<", "web::Data<", "Data<"]
        .iter()
        .find_map(|p| t.strip_prefix(p).and_then(|r| r.strip_suffix('>')))
        .map_or(t, str::trim)
}

/// The arguments of `.with_state(x)` / `.app_data(x)` calls in a function body.
#[derive(Default)]
struct StateCalls<'e> {
    found: Vec<(Web, &'e Expr)>,
}

impl<'e> Visit<'e> for StateCalls<'e> {
    fn visit_expr_method_call(&mut self, m: &'e syn::ExprMethodCall) {
        if m.args.len() == 1
            && let Some(arg) = m.args.first()
        {
            if m.method == "with_state" {
                self.found.push((Web::Axum, arg));
            } else if m.method == "app_data" {
                self.found.push((Web::Actix, arg));
            }
        }
        visit::visit_expr_method_call(self, m);
    }
    fn visit_item(&mut self, _: &'e Item) {}
}

impl<'ast> Visit<'ast> for Reader<'_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.read_fn(f);
    }
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.mod_depth += 1;
        visit::visit_item_mod(self, m);
        self.mod_depth -= 1;
    }
    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        if let syn::Fields::Named(named) = &s.fields {
            let fields = named
                .named
                .iter()
                .filter_map(|f| {
                    Some((
                        f.ident.as_ref()?.to_string(),
                        self.slice(self.conv.of(&f.ty)).to_string(),
                        !matches!(f.vis, syn::Visibility::Inherited),
                    ))
                })
                .collect();
            self.facts.structs.push(StructDef {
                name: s.ident.to_string(),
                fields,
            });
        }
    }
}

/// Does `span` lie within `outer`?
pub fn within(span: Span, outer: Span) -> bool {
    outer.start <= span.start && span.end <= outer.end
}

//! What a function returns and the walker's `Visit` implementation: return collectors, block
//! tails, returned expressions, and the visit of every expression.

use super::*;

/// `PgPool::connect()`; single-segment paths keep their crate: `tokio_postgres::connect()`.
pub(super) fn ctor_display(def_path: &str, resolved: &[String]) -> String {
    if def_path.contains("::") {
        format!("{def_path}()")
    } else {
        format!("{}()", resolved.join("::"))
    }
}

/// Identifiers an expression mentions (paths of one segment, and identifiers inside macros).
#[derive(Default)]
pub(super) struct IdentCollector {
    pub(super) idents: Vec<String>,
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
pub(super) struct NameCollector {
    pub(super) names: HashSet<String>,
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
pub(super) enum Mode {
    Direct,
    Derived,
}

/// Collect what a function body returns: its tail expression and every `return` (not those of
/// closures, async blocks or nested items).
/// What return collection reads: positions, and the methods whose result keeps the client alive
/// (the catalogue's `deriving_methods`).
pub(super) struct Rx<'c> {
    pub(super) conv: &'c Conv<'c>,
    pub(super) deriving: &'c [String],
}

pub(super) fn collect_returns(block: &Block, rx: &Rx<'_>, out: &mut Returns) {
    if let Some(Stmt::Expr(e, None)) = block.stmts.last() {
        returned_expr(e, Mode::Direct, rx, out);
    }
    let mut rc = ReturnCollector { rx, out };
    rc.visit_block(block);
}

pub(super) struct ReturnCollector<'c, 'o> {
    pub(super) rx: &'c Rx<'c>,
    pub(super) out: &'o mut Returns,
}

impl<'ast> Visit<'ast> for ReturnCollector<'_, '_> {
    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        if let Some(e) = &r.expr {
            returned_expr(e, Mode::Direct, self.rx, self.out);
        }
    }
    fn visit_expr_closure(&mut self, _: &'ast ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

pub(super) fn block_tail(b: &Block) -> Option<&Expr> {
    match b.stmts.last() {
        Some(Stmt::Expr(e, None)) => Some(e),
        _ => None,
    }
}

/// Record the values a returned expression hands over (`Direct`) or derives from (`Derived`).
pub(super) fn returned_expr(e: &Expr, mode: Mode, rx: &Rx<'_>, out: &mut Returns) {
    let span = rx.conv.of(e);
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
        Expr::Await(a) => returned_expr(&a.base, mode, rx, out),
        Expr::Try(t) => returned_expr(&t.expr, mode, rx, out),
        Expr::Paren(p) => returned_expr(&p.expr, mode, rx, out),
        Expr::Group(g) => returned_expr(&g.expr, mode, rx, out),
        Expr::Cast(c) => returned_expr(&c.expr, mode, rx, out),
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
                    returned_expr(a, mode, rx, out);
                }
            }
        }
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            // `Client::default().with_url(url).with_database("ledger")`: a `with_*` method
            // (the builder-lite convention) hands back its receiver, configured.
            if PASSTHROUGH.contains(&method.as_str()) || method.starts_with("with_") {
                returned_expr(&m.receiver, mode, rx, out);
            } else if rx.deriving.contains(&method)
                // `Client::open(url).and_then(|c| c.get_connection())`: what the closure makes
                // of the value is returned.
                || (matches!(method.as_str(), "and_then" | "map")
                    && matches!(m.args.first(), Some(Expr::Closure(_))))
            {
                returned_expr(&m.receiver, Mode::Derived, rx, out);
            } else if expr_ident(chain_root(&m.receiver)).is_none() {
                // `Router::new().with_state(pool)`, `builder.pool(pool).build()`: moved in.
                for a in &m.args {
                    returned_expr(a, mode, rx, out);
                }
            }
        }
        Expr::Struct(s) => {
            for f in &s.fields {
                returned_expr(&f.expr, mode, rx, out);
            }
        }
        Expr::Tuple(t) => {
            for x in &t.elems {
                returned_expr(x, mode, rx, out);
            }
        }
        Expr::Array(a) => {
            for x in &a.elems {
                returned_expr(x, mode, rx, out);
            }
        }
        Expr::Block(b) => {
            if let Some(t) = block_tail(&b.block) {
                returned_expr(t, mode, rx, out);
            }
        }
        Expr::Unsafe(b) => {
            if let Some(t) = block_tail(&b.block) {
                returned_expr(t, mode, rx, out);
            }
        }
        Expr::If(i) => {
            if let Some(t) = block_tail(&i.then_branch) {
                returned_expr(t, mode, rx, out);
            }
            if let Some((_, els)) = &i.else_branch {
                returned_expr(els, mode, rx, out);
            }
        }
        Expr::Match(m) => {
            for arm in &m.arms {
                returned_expr(&arm.body, mode, rx, out);
            }
        }
        _ => {}
    }
}

impl<'ast> Visit<'ast> for Walker<'_, 'ast> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        crate::lang::budget::tick();
        visit::visit_expr(self, e);
    }

    fn visit_block(&mut self, b: &'ast syn::Block) {
        self.miss_branches
            .extend(super::loops::after_empty_slot_guard(b, self.conv));
        self.miss_branches
            .extend(super::slots::taken_or_built(b, self.conv));
        visit::visit_block(self, b);
    }

    fn visit_expr_if(&mut self, i: &'ast syn::ExprIf) {
        if super::loops::fills_missing_file(&i.cond)
            || super::loops::fills_empty_slot(&i.cond, &i.then_branch)
            || super::loops::fills_missing_key(&i.cond, &i.then_branch)
        {
            let branch = self.conv.of(&i.then_branch);
            self.miss_branches.push(branch);
        }
        visit::visit_expr_if(self, i);
    }

    fn visit_item_fn(&mut self, f: &'ast ItemFn) {
        let place = FnPlace {
            free: true,
            exported: self.callable_mods > 0
                && self.fns.is_empty()
                && matches!(f.vis, Visibility::Public(_)),
            ..FnPlace::default()
        };
        self.enter_fn(&f.attrs, &f.vis, &f.sig, &f.block, place);
    }

    fn visit_item_impl(&mut self, i: &'ast ItemImpl) {
        // (The service trait tonic generates lives in a `<service>_server` module:
        // `use proto::greeter_server::Greeter`. Other `async_trait` impls of a crate that also
        // uses tonic are its own traits.)
        let tonic = i.trait_.as_ref().is_some_and(|(_, path, _)| {
            let resolved = self.pre.resolve(path);
            // Through the generated module, or by a bare name no `use` names, unless the file's
            // glob imports are all of other modules (`use tremor_connectors::prelude::*`: that
            // prelude's trait).
            resolved.iter().any(|s| s.ends_with("_server"))
                || resolved.len() == 1
                    && path.segments.len() == 1
                    && (self.pre.globs.is_empty()
                        || self
                            .pre
                            .globs
                            .iter()
                            .any(|g| g.iter().any(|s| s.ends_with("_server"))))
        }) && self.pre.deps_tonic
            && i.attrs
                .iter()
                .any(|a| attr_last(a).is_some_and(|l| l == "async_trait"));
        let test = is_cfg_test(&i.attrs);
        if test {
            self.test_depth += 1;
        }
        let reg = &self.catalog.registration;
        let by_trait = i.trait_.as_ref().is_some_and(|(_, path, _)| {
            path.segments
                .last()
                .is_some_and(|s| crate::catalog::matches_pattern(&reg.traits, &s.ident.to_string()))
        });
        let by_attr = i
            .attrs
            .iter()
            .any(|a| attr_last(a).is_some_and(|l| reg.attributes.contains(&l)));
        // A trait of a dependency: the path's first segment, through the `use` items, is a
        // crate the manifest names (`tower_lsp::LanguageServer`), not `std` nor the project.
        // A bare name no `use` resolves, beside a dependency's glob import (`use
        // pingora::prelude::*; impl ProxyHttp for Gateway`), is that dependency's too.
        // (Not a crate of the same workspace: its callers are the project's own code.)
        // (The compiler's crates, `extern crate rustc_lint;` under `rustc_private` in a lint
        // library, are dependencies no manifest names.)
        let dep = |c: &str| {
            !STD_CRATES.contains(&c)
                && (self.file.project.has_crate(c) || c.starts_with("rustc_"))
                && !self.file.project.workspace_crates.contains(c)
        };
        // A service trait a build script generates (capnpc, protoc-grpcio, thrift: catalogue
        // `codegen_build_deps`): `impl telemetry::Server for Collector`, `impl Ledger for
        // LedgerService` through `crate::protos::…`, where no source file declares it.
        // (A pattern names a family: `*-generator`, varlink's `varlink_generator`.)
        let project = &self.file.project;
        let codegen = reg.codegen_build_deps.iter().any(|d| {
            if d.contains('*') {
                let d = crate::project::normalise_dep(d);
                project
                    .deps
                    .iter()
                    .any(|x| crate::catalog::wildcard_match(&d, x))
            } else {
                project.has_dep(d)
            }
        });
        // The trait's path through the `use` items, once.
        let trait_path = i
            .trait_
            .as_ref()
            .map(|(_, path, _)| (path, self.pre.resolve(path)));
        let external_trait = trait_path.as_ref().is_some_and(|(path, resolved)| {
            let generated = codegen
                && resolved.last().is_some_and(|t| {
                    !STD_TRAITS.contains(&t.as_str()) && !self.pre.traits.contains(t)
                })
                && resolved.first().is_none_or(|c| {
                    !STD_CRATES.contains(&c.as_str())
                        && !self.file.project.workspace_crates.contains(c)
                });
            generated
                || resolved.first().is_some_and(|c| dep(c))
                || (path.segments.len() == 1
                    && resolved.len() == 1
                    && !STD_TRAITS.contains(&resolved[0].as_str())
                    && self
                        .pre
                        .globs
                        .iter()
                        .any(|g| g.first().is_some_and(|c| dep(c))))
        });
        // A pool's connection manager (`impl managed::Manager for RedisManager`): matched on
        // the crate and the trait's name, whatever path between them.
        let pool_manager = trait_path.as_ref().is_some_and(|(_, resolved)| {
            reg.pool_manager_traits
                .iter()
                .any(|t| names_crate_item(t, resolved))
        });
        let clone_impl = trait_path.as_ref().is_some_and(|(path, resolved)| {
            path.segments.last().is_some_and(|s| s.ident == "Clone")
                && matches!(
                    resolved.first().map(String::as_str),
                    Some("Clone" | "std" | "core")
                )
        });
        let place = FnPlace {
            free: false,
            trait_impl: i.trait_.is_some(),
            external_trait,
            pool_manager,
            clone_impl,
            tonic,
            registered: if by_trait {
                Some("event")
            } else if by_attr {
                Some("endpoint")
            } else {
                None
            },
            exported: false,
        };
        let owner = match &*i.self_ty {
            syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        let outer = std::mem::replace(&mut self.impl_owner, owner);
        let mut methods = Vec::new();
        for item in &i.items {
            match item {
                syn::ImplItem::Fn(f) => {
                    methods.push(self.facts.functions.len());
                    self.enter_fn(&f.attrs, &f.vis, &f.sig, &f.block, place);
                }
                other => self.visit_impl_item(other),
            }
        }
        self.impl_owner = outer;
        if let Some((_, path, _)) = &i.trait_
            && !self.in_test()
            && let Some((name, module)) =
                self.pre
                    .project_item(path, self.inline_depth, &self.file.project)
        {
            self.facts.trait_impls.push(crate::facts::TraitImpl {
                name,
                module,
                functions: methods,
            });
        }
        if test {
            self.test_depth -= 1;
        }
    }

    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.record_checkout_fields(s);
        visit::visit_item_struct(self, s);
    }

    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        // `#[tarpc::service] trait Inventory { … }`: its implementations, wherever they are,
        // run per request (the catalogue's `[registration] trait_attributes`).
        let attrs = &self.catalog.registration.trait_attributes;
        if !self.in_test()
            && let Some(a) = t
                .attrs
                .iter()
                .find(|a| attr_last(a).is_some_and(|l| attrs.contains(&l)))
        {
            let resolved = self.pre.resolve(a.path());
            let framework = match resolved.as_slice() {
                [krate, _, ..] => krate.clone(),
                _ => "rpc".to_string(),
            };
            self.facts
                .callback_traits
                .push(crate::facts::CallbackTrait {
                    name: t.ident.to_string(),
                    framework,
                    span: self.conv.of(&t.ident),
                });
        }
        visit::visit_item_trait(self, t);
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
        // A callable module (`#[vmod] mod tenant { … }`: a Varnish VMOD's functions, run from
        // VCL per request): its public functions are called per call.
        let callable = m
            .attrs
            .iter()
            .any(|a| attr_named(a, &self.catalog.registration.module_attributes));
        self.callable_mods += usize::from(callable);
        self.inline_depth += 1;
        visit::visit_item_mod(self, m);
        self.inline_depth -= 1;
        self.callable_mods -= usize::from(callable);
        if test {
            self.test_depth -= 1;
        }
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        self.record_checkout_static(s);
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
        self.walk_macro(m);
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
        self.record_deref_parked(a);
        let core = self.conv.of(value_core(&a.right));
        let root = place_root(&a.left);
        let is_static = |r: &str| self.pre.statics.contains(r) || is_all_caps(r);
        // (Or through a guard of one: `let mut slot = POOL.lock().await; *slot = Some(pool)`.)
        let through_guard = matches!(&*a.left, Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)))
            && root.as_deref().is_some_and(|r| {
                matches!(self.lookup(r, self.conv.of(a).start as usize),
                    Found::Value(init, _) if place_root(init).as_deref().is_some_and(is_static))
            });
        let target_static = root.as_deref().is_some_and(is_static) || through_guard;
        let target_self = root.as_deref() == Some("self") && !matches!(&*a.left, Expr::Path(_));
        let value_name = stored_name(&a.right);
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
        if matches!(&*a.left, Expr::Field(_)) {
            self.visit_stored(&a.right);
        } else {
            self.visit_expr(&a.right);
        }
        if pushed {
            self.assign_guards.pop();
        }
    }

    fn visit_expr_struct(&mut self, st: &'ast syn::ExprStruct) {
        // `ClientOptions { before_send: Some(Arc::new(move |event| …)), .. }`: kept on a field.
        self.record_struct_parked(st);
        self.visit_path(&st.path);
        for f in &st.fields {
            self.visit_stored(&f.expr);
        }
        if let Some(rest) = &st.rest {
            self.visit_expr(rest);
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
                let first = c
                    .args
                    .first()
                    .and_then(|a| crate::facts::arg_key(self.file.slice(self.conv.of(a))));
                if let Some(call) = self.facts.calls.last_mut() {
                    call.first_arg = first;
                }
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
                closure = Some(ClosureRole::Handler(self.pre.service_fn_framework));
            } else if last == "fn_service" {
                // ntex's and actix-service's `fn_service(|req| …)`: a service per request.
                let ntex = self.file.project.has_crate("ntex");
                closure = Some(ClosureRole::Handler(if ntex {
                    "ntex"
                } else {
                    "actix-service"
                }));
            } else if let Some((fw, _)) = self.pre.middleware(&p.path) {
                closure = Some(ClosureRole::Handler(fw));
            } else if self.catalog.registration.jobs.iter().any(|f| f == last) {
                closure = Some(ClosureRole::Handler("job"));
            } else if self.catalog.registration.functions.iter().any(|f| {
                // `*Callback::new` (a pattern with its type): opcua's `DataChangeCallback::new(
                // move |value, item| …)`.
                match f.split_once("::") {
                    Some(_) => crate::catalog::wildcard_match(f, &format!("{type_seg}::{last}")),
                    None => f == last,
                }
            }) {
                // A callback run once per event (`teloxide::repl(bot, |bot, msg| …)`,
                // `Job::new_async(schedule, |id, l| …)`): the catalogue's `[registration]`.
                closure = Some(ClosureRole::Handler("event"));
            } else if last == "new" && LAZY_TYPES.contains(&type_seg) {
                guard = Some(Guard::Lazy);
            } else if last.starts_with("use_") && self.ctx().kind == ScopeKind::Component {
                // A component's hook (`use_hook(|| reqwest::Client::new())`, `use_signal`,
                // `use_memo`): what its closure builds is kept across renders.
                guard = Some(Guard::Memo);
            } else if (AXUM_METHODS.contains(&last) || last == "on")
                && self.pre.is_axum_router_fn(&p.path)
            {
                closure = Some(ClosureRole::Handler("axum"));
            } else if n >= 2
                && resolved.first().is_some_and(|c| {
                    !STD_CRATES.contains(&c.as_str()) && self.file.project.has_crate(c)
                })
                && inferred_callbacks(
                    &self.catalog.registration.inferred,
                    &self.catalog.registration.once_events,
                    last,
                    &c.func,
                    &c.args,
                )
                .is_some()
            {
                // A dependency's function of a registration's shape, a key then a callback
                // (`rosrust::subscribe("/fleet/battery", 50, move |msg| …)`): probably per event.
                closure = Some(ClosureRole::Handler(INFERRED));
            } else if self.dependency_constructor_callback(&resolved, &c.args) {
                // A dependency's type built on a callback that takes what happens
                // (`simple_server::Server::new(|request, response| …)`): probably per event.
                closure = Some(ClosureRole::Handler(INFERRED));
            }
        }
        self.visit_expr(&c.func);
        self.visit_args(&c.args, guard, closure);
    }

    fn visit_expr_method_call(&mut self, m: &'ast ExprMethodCall) {
        let method = m.method.to_string();
        self.record_parked(m, &method);
        if let Some(recv) = expr_ident(&m.receiver)
            && let Some(state) = self.fns.last_mut()
        {
            state.calls_on.push((recv, method.clone()));
        }
        let matched = self.match_method(m, &method);
        if matched.is_none()
            && !PASSTHROUGH.contains(&method.as_str())
            && (!STD_METHODS.contains(&method.as_str())
                || self.receiver_origin(&m.receiver) == Some(true))
            && !self.dependency_receiver(&m.receiver)
        {
            // A call of a method that may be the project's own (`config.postgres.get_pool()`),
            // named by its receiver as written (`self` alone for a call on the caller's type).
            let span = self.conv.of(m);
            let receiver_span = self.conv.of(&m.receiver);
            // Only a short receiver is written out: reading a long chain's text at every link
            // would cost its length each time.
            let receiver: String = if receiver_span.len() <= 240 {
                self.file.slice(receiver_span).split_whitespace().collect()
            } else {
                String::new()
            };
            let callee = if !receiver.is_empty() && receiver.len() <= 60 {
                format!("{receiver}.{method}")
            } else {
                format!("….{method}")
            };
            self.add_call(callee, method.clone(), None, span, true);
        }
        if CALL_IN_PLACE.contains(&method.as_str()) {
            for a in &m.args {
                if let Expr::Path(p) = a
                    && p.qself.is_none()
                    && let Some((callee, name, module)) = self.call_target(&p.path)
                {
                    self.add_call(callee, name, module, self.conv.of(p), false);
                }
            }
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
        } else if KEYED_CACHE_METHODS.contains(&method.as_str()) {
            // `regional.entry(region).or_insert_with(|| Client::from_conf(conf))`: built once
            // per key, a per-key cache.
            guard = Some(Guard::ModuleCache);
        }
        let recv_root = place_root(&m.receiver);
        if recv_root
            .as_deref()
            .is_some_and(|r| self.pre.statics.contains(r) || is_all_caps(r))
        {
            guard.get_or_insert(Guard::ModuleCache);
            if let Some(state) = self.fns.last_mut() {
                for a in &m.args {
                    // `STATIC.set(client)`, and `STATIC.get_or_init(|| client)`: a closure that
                    // hands over a value built before it.
                    let a = match a {
                        Expr::Closure(c) if c.inputs.is_empty() => &*c.body,
                        other => other,
                    };
                    if let Some(v) = stored_name(a) {
                        state.stored_static.insert(v);
                    }
                }
            }
        } else if recv_root.as_deref() == Some("self")
            && matches!(&*m.receiver, Expr::Field(_))
            && let Some(state) = self.fns.last_mut()
        {
            for a in &m.args {
                if let Some(v) = stored_name(a) {
                    state.stored_self.insert(v);
                }
            }
        } else if matches!(method.as_str(), "insert" | "or_insert")
            && let Some(state) = self.fns.last_mut()
        {
            // `pools.insert(tenant, pool.clone())`: kept in a map beyond the call, built once
            // per key (a per-tenant cache), not once per call.
            // (`entry.insert(value)`, `set.insert(value)`: the only argument is the value.)
            for a in m
                .args
                .iter()
                .skip(usize::from(method == "insert" && m.args.len() > 1))
            {
                if let Some(v) = stored_name(a) {
                    state.stored_keyed.insert(v);
                }
            }
        }
        let kept = super::loops::collected_by(m, self.conv);
        self.collected.extend(kept);
        if LOOP_ALWAYS.contains(&method.as_str())
            && !is_iter_chain(&m.receiver)
            && (method.ends_with("_concurrent") || super::syntax::awaited_spine(&m.receiver))
        {
            closure = Some(ClosureRole::StreamLoop);
        } else if LOOP_ALWAYS.contains(&method.as_str())
            || (LOOP_ON_ITER.contains(&method.as_str()) && is_iter_chain(&m.receiver))
        {
            closure = Some(ClosureRole::Loop);
        } else if WARP_HANDLER_METHODS.contains(&method.as_str())
            && self.pre.is_warp_chain(&m.receiver)
        {
            closure = Some(ClosureRole::Handler("warp"));
        } else if self.catalog.registration.jobs.contains(&method) {
            // `WorkerBuilder::new("digest").build_fn(|job: Digest| async move { … })`.
            closure = Some(ClosureRole::Handler("job"));
        } else if self.catalog.registration.methods.contains(&method) {
            // `socket.on("message", |s, Data(d)| async move { … })`: once per event.
            closure = Some(ClosureRole::Handler("event"));
        } else if inferred_callbacks(
            &self.catalog.registration.inferred,
            &self.catalog.registration.once_events,
            &method,
            &m.receiver,
            &m.args,
        )
        .is_some()
        {
            // A call of a registration's shape the catalogue does not name
            // (`bus.subscribe_to("orders", |m| async move { … })`): probably once per event.
            closure = Some(ClosureRole::Handler(INFERRED));
        } else if !crate::lang::inferred::denied(&self.catalog.registration.inferred, &method)
            && (super::callbacks::listener_chain(&m.receiver)
                && m.args.iter().any(super::callbacks::closure_with_inputs)
                || m.args.iter().any(|a| {
                    super::callbacks::closure_takes_event(
                        a,
                        &self.catalog.registration.inferred.event_types,
                    )
                }))
        {
            // (Or a closure typed as taking a request or an event, handed to any method: coap's
            // `server.run(|request: Box<CoapRequest<_>>| …)`.)
            // A callback set on a listener's builder (pipewire's `registry.add_listener_local()
            // .global(move |global| …).register()`): probably once per event.
            closure = Some(ClosureRole::Handler(INFERRED));
        } else if matches!(&*m.receiver, Expr::MethodCall(r) if r.args.is_empty()
                && self.catalog.registration.inferred.event_receivers.iter().any(|e| r.method == e))
            && m.args.iter().any(|a| {
                super::callbacks::wrapped_closure(a).is_some() || matches!(a, Expr::Closure(_))
            })
            && !crate::lang::inferred::denied(&self.catalog.registration.inferred, &method)
            && !crate::lang::inferred::name_words(&method)
                .iter()
                .any(|w| self.catalog.registration.once_events.iter().any(|o| o == w))
        {
            // `btn.on().bn_clicked(move || …)`: the event setters of what `on()` returns.
            closure = Some(ClosureRole::Handler(INFERRED));
        } else if event_callback_method(&self.catalog.registration, &method)
            && !m.args.iter().any(|a| {
                matches!(a, Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. })
                    if self.catalog.registration.once_events.contains(&s.value()))
            })
        {
            // A method named for an event (`ui.on_print_labels(move || …)`, a GUI toolkit's
            // generated callback setter): probably once per event, unless once-only.
            closure = Some(ClosureRole::Handler(INFERRED));
        }
        self.visit_expr(&m.receiver);
        self.visit_args(&m.args, guard, closure);
    }

    fn visit_expr_closure(&mut self, c: &'ast ExprClosure) {
        let role = self.next_closure.take().or_else(|| {
            self.returned_callback(c)
                .then_some(ClosureRole::Handler(INFERRED))
        });
        let mut ctx = self.ctx();
        ctx.closure = true;
        match role {
            Some(ClosureRole::Handler(fw)) if ctx.kind != ScopeKind::Test => {
                ctx.kind = ScopeKind::Handler;
                ctx.framework = Some(fw);
                ctx.handler_closure = true;
            }
            Some(ClosureRole::Loop) => {
                ctx.kind = loop_kind(ctx.kind);
                if ctx.kind == ScopeKind::Loop {
                    ctx.framework = None;
                }
            }
            Some(ClosureRole::StreamLoop) => {
                ctx.kind = match ctx.kind {
                    ScopeKind::Startup => ScopeKind::Loop,
                    k => loop_kind(k),
                };
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

    /// A `for` loop over a stream of requests or messages runs until the process stops, in
    /// start-up code too, and a `match` on its item is no dispatcher: every arm runs per message
    /// of its kind (see [`Walker::iterates_stream`]).
    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        let (fanned, workers) = super::loops::fanned_out(f, self.conv);
        self.retry_kept.extend(fanned);
        self.exit_branches.extend(workers);
        let stream = self.iterates_stream(f);
        if !stream {
            let kept = super::loops::collected(&f.body, self.conv);
            self.collected.extend(kept);
        }
        let bound = simple_binding(&f.pat).filter(|_| !stream);
        if let Some(name) = &bound {
            self.for_loops
                .push((self.ctx.len() + 1, name.clone(), self.ctx()));
        }
        if stream {
            self.in_open_loop(&f.body, |w| w.visit_block(&f.body));
        } else {
            self.in_loop(&f.body, |w| w.visit_block(&f.body));
        }
        if bound.is_some() {
            self.for_loops.pop();
        }
    }

    /// `for effect in effects { match effect { Effect::Fetch => fetch(), … } }` is a dispatcher:
    /// each arm runs for the items of one kind, not on every iteration, so the arms keep the
    /// scope outside the loop (a bare `match` in a `loop {}` / `while` still runs per message).
    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        let once = &self.catalog.registration.inferred.handshake_events;
        self.miss_branches
            .extend(super::loops::once_event_arms(m, once, self.conv));
        let outer = self.for_loops.last().and_then(|(depth, name, outer)| {
            let on_item = match_root(&m.expr).is_some_and(|r| &r == name);
            (on_item && *depth == self.ctx.len() && self.ctx().kind == ScopeKind::Loop)
                .then(|| outer.clone())
        });
        // `match redis::Client::open(url) { Ok(client) => … }` binds the value as `let` does.
        // (`let client = match Client::open(url) { Ok(c) => c, Err(e) => return }`: the arm
        // hands the value to the `let`, whose name it keeps.)
        let core = self.conv.of(value_core(&m.expr));
        let let_named = unwraps(m) && self.lets.last().is_some_and(|(s, _)| *s == core);
        match m
            .arms
            .iter()
            .find_map(|a| ok_arm_binding(&a.pat))
            .filter(|_| !let_named)
        {
            Some(n) => {
                // What the arms do with the name is what they do with the value (`Ok(tx) =>
                // { …; open.insert(id, tx) }` parks the transaction).
                let whole = self.conv.of(&*m.expr);
                if let Some(state) = self.fns.last_mut() {
                    state.bindings.push(Binding {
                        name: n.clone(),
                        init: &m.expr,
                        start: whole.start as usize,
                        end: whole.end as usize,
                    });
                }
                self.lets.push((core, n));
                self.visit_expr(&m.expr);
                self.lets.pop();
            }
            None => self.visit_expr(&m.expr),
        }
        let Some(outer) = outer else {
            for arm in &m.arms {
                self.visit_arm(arm);
            }
            return;
        };
        self.with_ctx(outer, |w| {
            for arm in &m.arms {
                w.visit_arm(arm);
            }
        });
    }

    fn visit_expr_while(&mut self, wh: &'ast syn::ExprWhile) {
        self.visit_expr(&wh.cond);
        self.in_open_loop(&wh.body, |w| w.visit_block(&wh.body));
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.in_open_loop(&l.body, |w| w.visit_block(&l.body));
    }
}

impl<'a, 'ast> Walker<'a, 'ast> {
    /// A value stored on a field (`server.command = …`, `Options { before_send: … }`): a
    /// closure with parameters kept there (through `Some`, `Arc::new`, `Box::new`) is a callback
    /// of something that calls it back, probably once per event (it takes what the event
    /// brings).
    pub(super) fn visit_stored(&mut self, value: &'ast Expr) {
        let mut stored = value;
        while let Expr::Call(c) = stored
            && c.args.len() == 1
            && is_wrapper_call(&c.func)
            && let Some(inner) = c.args.first()
        {
            stored = inner;
        }
        match stored {
            Expr::Closure(c) if !c.inputs.is_empty() => {
                self.next_closure = Some(ClosureRole::Handler(INFERRED));
                self.visit_expr_closure(c);
            }
            _ => self.visit_expr(value),
        }
    }
    /// `signer.update(…)` after `let mut signer = Signer::new(…)?`, `Signer` a dependency's
    /// type (`use openssl::sign::Signer`) or the standard library's: the dependency's method,
    /// never a function of the project that happens to share its name.
    pub(super) fn dependency_receiver(&self, recv: &Expr) -> bool {
        self.receiver_origin(recv) == Some(false)
    }

    /// Where the type of a local bound to `T::new(…)` (`T::open(…)?`) is defined: `Some(true)`
    /// in this crate (this file's type, or one a `use crate::…` / `use sink::…` of a module of
    /// the project names: `sink.push(q)` is `Sink::push`, not `Vec::push`), `Some(false)` in a
    /// dependency or the standard library.
    pub(super) fn receiver_origin(&self, recv: &Expr) -> Option<bool> {
        let name = expr_ident(recv)?;
        let b = self
            .fns
            .last()
            // (The nearest bindings only: a body of thousands of them stays linear.)
            .and_then(|s| s.bindings.iter().rev().take(256).find(|b| b.name == name))?;
        // `let mut remote = Remote { … }`: a value of a type the file declares.
        if let Expr::Struct(st) = value_core(b.init) {
            return st
                .path
                .segments
                .last()
                .is_some_and(|s| self.pre.types.contains(&s.ident.to_string()))
                .then_some(true);
        }
        let Expr::Call(c) = value_core(b.init) else {
            return None;
        };
        let Expr::Path(p) = &*c.func else {
            return None;
        };
        let segs = seg_names(&p.path);
        let ty = segs.len().checked_sub(2).and_then(|i| segs.get(i))?;
        if self.pre.types.contains(ty) {
            return Some(true);
        }
        let root = match self.pre.uses.get(ty) {
            Some(full) => full.first(),
            None if segs.len() > 2 => segs.first(),
            None => None,
        }?;
        if STD_CRATES.contains(&root.as_str())
            || (!matches!(root.as_str(), "crate" | "self" | "super")
                && self.file.project.has_crate(root))
        {
            Some(false)
        } else if matches!(root.as_str(), "crate" | "self" | "super")
            || self.pre.file_mods.contains(root)
            || self.pre.inline_mods.contains(root)
        {
            Some(true)
        } else {
            None
        }
    }
}

/// Names stored beyond the call (in a static, on `self`, in a map) take with them what was
/// moved into them through the function's `let`s: `let executor = Arc::new(ImapExecutor::new(id,
/// pool)); cache.insert(id, executor)` keeps `pool` in the map too.
pub(super) fn stored_through_lets(state: &mut FnState<'_>, rx: &Rx<'_>) {
    let mut moved: Vec<(String, Vec<String>)> = Vec::new();
    for b in &state.bindings {
        let mut out = Returns::default();
        returned_expr(b.init, Mode::Direct, rx, &mut out);
        out.direct_names.remove(&b.name);
        if !out.direct_names.is_empty() {
            moved.push((b.name.clone(), out.direct_names.into_iter().collect()));
        }
    }
    if moved.is_empty() {
        return;
    }
    for set in [
        &mut state.stored_static,
        &mut state.stored_self,
        &mut state.stored_keyed,
    ] {
        for _ in 0..8 {
            let before = set.len();
            for (name, inner) in &moved {
                if set.contains(name) {
                    set.extend(inner.iter().cloned());
                }
            }
            if set.len() == before {
                break;
            }
        }
    }
}

impl<'ast> Walker<'_, 'ast> {
    /// Released / returned / stored, from what the function does with the value.
    pub(super) fn judge(
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
            Some(b) if state.stored_keyed.contains(b) => Guard::Memo,
            _ => Guard::None,
        };
        (released, returned, guard)
    }
}

//! The walk: function places and classification (handler, startup, test, cached getter),
//! closures, bindings, client sites and where their values go.

use super::*;

// ---------------------------------------------------------------------------------------------
// Pass 3: the walk

/// The context of the code being walked.
#[derive(Debug, Clone)]
pub(super) struct Ctx {
    pub(super) kind: ScopeKind,
    pub(super) framework: Option<&'static str>,
    /// Innermost named function.
    pub(super) fn_idx: Option<usize>,
    pub(super) guard: Guard,
    /// The innermost function-like body is a closure or an async block (its value is not
    /// what the named function returns).
    pub(super) closure: bool,
    /// A closure the framework calls per request (`.route("/", get(|| async { … }))`): the
    /// enclosing function is not the handler, so findings do not name it.
    pub(super) handler_closure: bool,
}

/// Does this function body start a server (`axum::serve(…)`, `HttpServer::new(…)….run()`,
/// `rocket::build()`, tonic's `Server::builder()`, warp's `serve`)?
pub(super) fn starts_server(body: &str) -> bool {
    body.contains("axum::serve(")
        || (body.contains("HttpServer::new(") && body.contains(".run()"))
        || body.contains("rocket::build()")
        || (body.contains("Server::builder()") && body.contains(".serve("))
        || body.contains("warp::serve(")
        || (body.contains("TcpListener::bind(") && body.contains("serve("))
}

/// Where a function is defined.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct FnPlace {
    /// A free function (`fn` item), not a method.
    pub(super) free: bool,
    /// A method of `impl Trait for T` or a trait's default method (public through the trait).
    pub(super) trait_impl: bool,
    /// A method of a tonic service impl (`#[tonic::async_trait] impl Greeter for MyGreeter`).
    pub(super) tonic: bool,
    /// A method of an impl the catalogue's `[registration]` names: an impl of one of its
    /// `traits` (per event) or under one of its `attributes` (per request).
    pub(super) registered: Option<&'static str>,
    /// A method of an impl of a trait of a dependency (not the project's, not the standard
    /// library's): its `async fn`s are what that library calls back (`impl LanguageServer for
    /// Backend { async fn hover(…) }`), probably per event.
    pub(super) external_trait: bool,
    /// A method of an impl of a pool's connection manager trait (catalogue
    /// `pool_manager_traits`): the pool calls it as it needs a connection, so what it opens
    /// is the pool's own.
    pub(super) pool_manager: bool,
    /// A method of `impl Clone for T`: `clone` runs whenever the value is copied (a server
    /// clones its handler or state for every connection or request).
    pub(super) clone_impl: bool,
    /// A public function of an inline module under one of the catalogue's `module_attributes`
    /// (`#[vmod] mod tenant { pub fn lookup(…) }`): the host calls it per call.
    pub(super) exported: bool,
}

/// What a closure argument becomes.
#[derive(Debug, Clone, Copy)]
pub(super) enum ClosureRole {
    Handler(&'static str),
    Loop,
    /// A callback a stream calls per item until it ends (`client.stream_notifications().await?
    /// .try_for_each(|ev| …)`): per item in start-up code too, as an open loop is.
    StreamLoop,
}

/// What the walker knows about a local variable.
#[derive(Debug, Clone, Default)]
pub(super) struct LocalInfo {
    /// The resolved call at the root of its initialiser (`PgPoolOptions::new` for
    /// `let opts = PgPoolOptions::new().max_connections(5)`): a builder's start.
    pub(super) start: Option<Vec<String>>,
    /// Its type, when known (`redis::Client`).
    pub(super) ty: Option<Vec<String>>,
}

/// What a function hands to its caller.
#[derive(Debug, Default)]
pub(super) struct Returns {
    pub(super) direct_names: HashSet<String>,
    pub(super) derived_names: HashSet<String>,
    pub(super) direct_spans: HashSet<Span>,
    pub(super) derived_spans: HashSet<Span>,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Pending {
    Client(usize, bool),
    Call(usize, bool),
}

pub(super) struct FnState<'ast> {
    pub(super) sig: Option<&'ast Signature>,
    pub(super) body: &'ast Block,
    pub(super) locals: HashMap<String, LocalInfo>,
    /// `(receiver, method)` of method calls on plain variables, closures included.
    pub(super) calls_on: Vec<(String, String)>,
    pub(super) stored_static: HashSet<String>,
    pub(super) stored_self: HashSet<String>,
    /// Locals inserted into a map (`pools.insert(key, pool)`): cached per key.
    pub(super) stored_keyed: HashSet<String>,
    pub(super) returns: Returns,
    /// Parameter and local names, computed when first needed.
    pub(super) names: Option<HashSet<String>>,
    pub(super) pending: Vec<Pending>,
    /// `let x = …` bindings in source order (closures included), for options and URLs.
    pub(super) bindings: Vec<Binding<'ast>>,
    /// `x.field = …` assignments in source order.
    pub(super) field_sets: Vec<FieldSet<'ast>>,
}

/// `let name = init;`: visible from `end` on.
pub(super) struct Binding<'ast> {
    pub(super) name: String,
    pub(super) init: &'ast Expr,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// `root.field = value;` (also `root.a.field = value`): visible from `end` on.
pub(super) struct FieldSet<'ast> {
    pub(super) root: String,
    pub(super) field: String,
    pub(super) value: &'ast Expr,
    pub(super) end: usize,
}

pub(super) struct Walker<'a, 'ast> {
    pub(super) file: &'a SourceFile,
    pub(super) catalog: &'a LangCatalog,
    pub(super) pre: &'a Pre<'ast>,
    pub(super) macros: &'ast MacroStore,
    pub(super) conv: &'a Conv<'a>,
    pub(super) facts: FileFacts,
    pub(super) role: FileRole,
    pub(super) ctx: Vec<Ctx>,
    pub(super) fns: Vec<FnState<'ast>>,
    pub(super) stmts: Vec<Span>,
    /// `let x = <core>`: the span of the core value and the name.
    pub(super) lets: Vec<(Span, String)>,
    /// `self.x = <core>` / `STATIC = <core>`: the span of the core value and its guard.
    pub(super) assign_guards: Vec<(Span, Guard)>,
    /// Calls already covered by a builder chain that starts with them.
    pub(super) consumed: HashSet<Span>,
    /// `let` bindings inside the `static` / `const` initialiser being walked.
    pub(super) static_bindings: Vec<Binding<'ast>>,
    pub(super) next_closure: Option<ClosureRole>,
    pub(super) test_depth: usize,
    pub(super) inline_depth: usize,
    /// Inline modules being walked under one of the catalogue's `module_attributes`.
    pub(super) callable_mods: usize,
    /// The self type of the `impl` block being walked.
    pub(super) impl_owner: Option<String>,
    /// Enclosing `for` loops: the ctx depth of the loop body, the name the loop binds, and the
    /// ctx outside the loop (a `match` on that name dispatches; see `visit_expr_match`).
    pub(super) for_loops: Vec<(usize, String, Ctx)>,
    /// Constructions and calls whose value a retry loop in a plain function keeps (see
    /// `Walker::note_retry`).
    pub(super) retry_kept: HashSet<Span>,
    /// Constructions and calls whose value a loop stores per element (`loops::collected`,
    /// `loops::collected_by`).
    pub(super) collected: HashSet<Span>,
    /// The branches of the loops walked so far that end their loop
    /// ([`super::loops::exit_branches`]), and the workers a range loop spawns
    /// ([`super::loops::fanned_out`]): what runs there runs at the function's frequency.
    pub(super) exit_branches: Vec<Span>,
    /// The `then` branches of `if !path.exists() { … }`: what they run fills an on-disk cache,
    /// once per missing file (see [`super::loops::fills_missing_file`]).
    pub(super) miss_branches: Vec<Span>,
}

impl<'a, 'ast> Walker<'a, 'ast> {
    pub(super) fn new(
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
            test_modules: pre.test_modules.clone(),
            feature_modules: pre.feature_modules.clone(),
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
                handler_closure: false,
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
            callable_mods: 0,
            impl_owner: None,
            for_loops: Vec::new(),
            retry_kept: HashSet::new(),
            collected: HashSet::new(),
            exit_branches: Vec::new(),
            miss_branches: Vec::new(),
        }
    }

    pub(super) fn ctx(&self) -> Ctx {
        self.ctx.last().cloned().unwrap_or(Ctx {
            kind: ScopeKind::Module,
            framework: None,
            fn_idx: None,
            guard: Guard::None,
            closure: false,
            handler_closure: false,
        })
    }

    pub(super) fn with_ctx(&mut self, ctx: Ctx, f: impl FnOnce(&mut Self)) {
        self.ctx.push(ctx);
        f(self);
        self.ctx.pop();
    }

    pub(super) fn scope(&self, ctx: &Ctx) -> Scope {
        let f = self
            .facts
            .function(ctx.fn_idx)
            .filter(|_| !ctx.handler_closure);
        Scope {
            kind: ctx.kind,
            framework: ctx.framework.map(std::sync::Arc::from),
            name: f.map(|f| f.name.as_str().into()),
            span: f.map(|f| f.span),
        }
    }

    pub(super) fn in_test(&self) -> bool {
        self.role == FileRole::Test || self.test_depth > 0 || self.ctx().kind == ScopeKind::Test
    }

    // --- functions -------------------------------------------------------------------------

    /// Classify a function from its attributes, name, parameters and the file.
    pub(super) fn classify_fn(
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
        if free && self.pre.startup_handed.contains(&name) {
            return (ScopeKind::Startup, Some("startup"));
        }
        // A pool's own connection factory runs as often as the pool needs a connection: what
        // it opens is bounded by the pool, as what start-up code builds is.
        if place.pool_manager {
            return (ScopeKind::Startup, Some("pool-manager"));
        }
        if let Some(fw) = self.route_attr(attrs) {
            return (ScopeKind::Handler, Some(fw));
        }
        if free && self.component_fn(attrs, sig) {
            return (ScopeKind::Component, Some("component"));
        }
        // A callable module's body runs once; the functions it declares, per call.
        if attrs
            .iter()
            .any(|a| attr_named(a, &self.catalog.registration.module_attributes))
        {
            return (ScopeKind::Startup, Some("callable-module"));
        }
        if self.ctx().framework == Some("callable-module") || place.exported {
            return (ScopeKind::Handler, Some("endpoint"));
        }
        if attrs
            .iter()
            .any(|a| attr_last(a).is_some_and(|l| l == "debug_handler"))
        {
            return (ScopeKind::Handler, Some("axum"));
        }
        // An endpoint attribute says more than the call registering it (dropshot's
        // `#[endpoint]` fn handed to `api.register(…)`, a name worker queues use too).
        // (Not one its author marks `#[allow(dead_code)]`: a command left out of the handler
        // list, which nothing calls.)
        if attrs
            .iter()
            .any(|a| attr_named(a, &self.catalog.registration.attributes))
            && !allows_dead_code(attrs)
        {
            return (ScopeKind::Handler, Some("endpoint"));
        }
        if attrs
            .iter()
            .any(|a| attr_named(a, &self.catalog.registration.job_attributes))
        {
            return (ScopeKind::Handler, Some("job"));
        }
        if free && let Some(fw) = self.pre.local_handlers.get(&name) {
            return (ScopeKind::Handler, Some(fw));
        }
        if tonic {
            return (ScopeKind::Handler, Some("tonic"));
        }
        if place.clone_impl && name == "clone" {
            return (ScopeKind::Handler, Some("clone"));
        }
        // An exported constructor (pyo3's `#[new]`, `#[wasm_bindgen(constructor)]`,
        // `#[napi(constructor)]`) runs once per object, which keeps what it builds.
        if constructor_attr(attrs) {
            return (ScopeKind::Function, None);
        }
        if let Some(fw) = place.registered
            && !self.catalog.registration.once_events.contains(&name)
        {
            return (ScopeKind::Handler, Some(fw));
        }
        if let Some(fw) = self.extractor_framework(sig) {
            return (ScopeKind::Handler, Some(fw));
        }
        // A method of a dependency's trait: the library calls it back, probably per event or
        // per frame (`async fn hover`, eframe's `fn update`; not its once-only methods:
        // `initialize`, `shutdown`, a plugin's `build`).
        let reg = &self.catalog.registration;
        if place.external_trait && reg.inferred.startup_methods.contains(&name) {
            return (ScopeKind::Startup, Some(INFERRED));
        }
        if place.external_trait
            && !reg.once_events.contains(&name)
            && !super::callbacks::builds_self_from_config(sig, &reg.inferred.config_types)
            && !reg
                .inferred
                .once_prefixes
                .iter()
                .any(|p| name.starts_with(p.as_str()))
            && !reg
                .inferred
                .once_suffixes
                .iter()
                .any(|p| name.ends_with(p.as_str()))
        {
            return (ScopeKind::Handler, Some(INFERRED));
        }
        // An attribute of a registration's shape the catalogue does not name
        // (`#[route("/orders")]`): probably per request.
        if inferred_attr(&self.catalog.registration.inferred, attrs) {
            return (ScopeKind::Handler, Some(INFERRED));
        }
        // (Not a once-only entry point: `#[sqlite_entrypoint] fn sqlite3_geocode_init`; one the
        // attribute names for its callers, `#[native(name = "Garage_Load")]`, is called by that
        // name, as often as they like.)
        if self.dependency_attr(attrs)
            && (!self.once_only_name(&name, &["load", "entrypoint"])
                || (super::callbacks::names_itself(attrs)
                    && !self.catalog.registration.once_events.contains(&name)))
        {
            return (ScopeKind::Handler, Some(INFERRED));
        }
        // `#[no_mangle] pub extern "C" fn plugin_on_event(…)`: exported to whatever loads the
        // library (a plugin host, another language), which calls it as often as it likes; not
        // its once-only entry points (`plugin_init`, `on_load`, `shutdown`). Without
        // `no_mangle`, an `extern "C" fn` is a callback handed to C by pointer (a Zabbix
        // module's item table, a signal handler): the same.
        if free
            && sig
                .abi
                .as_ref()
                .is_some_and(|abi| abi.name.as_ref().is_none_or(|n| n.value() != "Rust"))
            && !self.once_only_name(&name, &["load", "unload"])
        {
            return (ScopeKind::Handler, Some(INFERRED));
        }
        // Exported by a bridge module (`extern "RustQt"`, `extern "Rust"` in a `#[cxx::bridge]`):
        // QML or C++ calls it, probably per event; not a once-only name (`initialize`).
        if self.pre.bridge_exports.contains(&name)
            && !self.catalog.registration.once_events.contains(&name)
        {
            return (ScopeKind::Handler, Some(INFERRED));
        }
        (ScopeKind::Function, None)
    }

    /// actix-web / Rocket route attributes: `#[get("/")]`, `#[actix_web::post("/")]`, `#[rocket::get("/")]`.
    pub(super) fn route_attr(&self, attrs: &[Attribute]) -> Option<&'static str> {
        for a in attrs {
            let names = seg_names(a.path());
            let Some(last) = names.last() else { continue };
            let first = names.first().map(String::as_str).unwrap_or("");
            let resolved_first = self
                .pre
                .uses
                .get(first)
                .and_then(|p| p.first())
                .map(String::as_str)
                .unwrap_or(first);
            // poem: `#[handler]` (`use poem::handler`) or `#[poem::handler]`.
            if last == "handler" && resolved_first == "poem" {
                return Some("poem");
            }
            if !ROUTE_ATTRS.contains(&last.as_str()) {
                continue;
            }
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
    pub(super) fn extractor_framework(&self, sig: &Signature) -> Option<&'static str> {
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

    /// Is this public function in a module a bridge crate exports to a host language (the
    /// catalogue's `exported_modules`: flutter_rust_bridge's `src/api/`), not marked once-only?
    fn exported_fn(&self, attrs: &[Attribute]) -> bool {
        let rel = self.file.rel.as_str();
        self.catalog.registration.exported_modules.iter().any(|m| {
            self.file.project.has_dep(&m.dependency)
                && (rel.starts_with(&format!("src/{}/", m.module))
                    || rel == format!("src/{}.rs", m.module))
                && !attrs.iter().any(|a| {
                    let t = match &a.meta {
                        syn::Meta::List(l) => l.tokens.to_string(),
                        _ => String::new(),
                    };
                    m.once.iter().any(|o| {
                        t.split(|c: char| !c.is_alphanumeric() && c != '_')
                            .any(|w| w == o)
                    })
                })
        })
    }

    pub(super) fn enter_fn(
        &mut self,
        attrs: &'ast [Attribute],
        vis: &Visibility,
        sig: &'ast Signature,
        block: &'ast Block,
        place: FnPlace,
    ) {
        let (mut kind, mut framework) = self.classify_fn(attrs, sig, place);
        if kind == ScopeKind::Function && place.free && is_pub(vis) && self.exported_fn(attrs) {
            (kind, framework) = (ScopeKind::Handler, Some("endpoint"));
        }
        // A function that starts the server runs once, whoever calls it (`run_server()` called
        // from `main` through the library crate).
        if kind == ScopeKind::Function && starts_server(self.file.slice(self.conv.of(block))) {
            (kind, framework) = (ScopeKind::Startup, Some("startup"));
        }
        let trait_impl = place.trait_impl;
        let memo = is_memo_attr(attrs) || super::slots::memoized_by_map(block, self.conv);
        let parent = self.ctx().fn_idx;
        let idx = self.facts.functions.len();
        let span = self.conv.of(&sig.ident);
        self.facts.functions.push(FnFact {
            name: sig.ident.to_string(),
            span,
            exported: is_pub(vis) || trait_impl,
            scope: Scope {
                kind,
                framework: framework.map(std::sync::Arc::from),
                name: Some(sig.ident.to_string().into()),
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
            value_ref: false,
        });
        let mut state = FnState {
            sig: Some(sig),
            body: block,
            locals: HashMap::new(),
            calls_on: Vec::new(),
            stored_static: HashSet::new(),
            stored_self: HashSet::new(),
            stored_keyed: HashSet::new(),
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
        let rx = Rx {
            conv: self.conv,
            deriving: &self.catalog.deriving_methods,
        };
        collect_returns(block, &rx, &mut state.returns);
        self.fns.push(state);
        let ctx = Ctx {
            kind,
            framework,
            fn_idx: Some(idx),
            guard: if memo { Guard::Memo } else { Guard::None },
            closure: false,
            handler_closure: false,
        };
        let lets = std::mem::take(&mut self.lets);
        let assigns = std::mem::take(&mut self.assign_guards);
        self.with_ctx(ctx, |w| w.visit_block(block));
        if let Some(scope) = self.facts.functions.get(idx).map(|f| f.scope.clone()) {
            self.session_state(block, sig, idx, &scope);
            self.held_across_loops(block, idx, &scope);
        }
        self.lets = lets;
        self.assign_guards = assigns;
        if let Some(state) = self.fns.pop() {
            self.finish_fn(state);
        }
    }

    pub(super) fn finish_fn(&mut self, mut state: FnState<'ast>) {
        let rx = Rx {
            conv: self.conv,
            deriving: &self.catalog.deriving_methods,
        };
        stored_through_lets(&mut state, &rx);
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
                            self.catalog.generic_release.iter().any(|r| r == m)
                        });
                    if let Some(call) = self.facts.calls.get_mut(i) {
                        call.released = released;
                        call.returned = returned;
                        // (Stored on `self` or in a static per event, not under a key: see
                        // `add_call`; `match self.log_take() { Ok(id) => *LAST = Some(id), … }`
                        // in a callback runs each time.)
                        let per_event = matches!(guard, Guard::Owner | Guard::ModuleCache)
                            && call.scope.kind == ScopeKind::Handler
                            && !call
                                .binding
                                .as_deref()
                                .is_some_and(|b| state.stored_keyed.contains(b));
                        if call.guard == Guard::None && !per_event {
                            call.guard = guard;
                        }
                    }
                }
            }
        }
    }

    // --- types and locals ------------------------------------------------------------------

    /// The full path of a value's type, through references and `Arc` / `State` / `web::Data`.
    pub(super) fn value_type(&self, ty: &Type) -> Option<Vec<String>> {
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

    pub(super) fn local(&self, name: &str) -> Option<&LocalInfo> {
        self.fns.last().and_then(|f| f.locals.get(name))
    }

    /// `Client::open` → `Client` (an associated function of a type returns that type, usually).
    pub(super) fn type_of_call(resolved: &[String]) -> Option<Vec<String>> {
        let n = resolved.len();
        if n >= 2 && resolved.get(n - 2).is_some_and(|t| starts_upper(t)) {
            return Some(resolved[..n - 1].to_vec());
        }
        None
    }

    /// What a `let` initialiser tells about the variable.
    pub(super) fn local_info(&self, init: &Expr) -> LocalInfo {
        let mut info = LocalInfo::default();
        // `match Client::open(url) { Ok(c) => c, Err(e) => return }`: the value unwrapped.
        let init = match init {
            Expr::Match(m) if unwraps(m) => &*m.expr,
            e => e,
        };
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

    pub(super) fn fn_names(&mut self) -> Option<&HashSet<String>> {
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
    pub(super) fn args_are_static(&mut self, idents: &[String]) -> bool {
        match self.fn_names() {
            Some(names) => !idents.iter().any(|i| names.contains(i)),
            None => true,
        }
    }

    // --- sites -----------------------------------------------------------------------------

    pub(super) fn binding_for(&self, span: Span) -> Option<String> {
        self.lets
            .iter()
            .rev()
            .find(|(s, _)| *s == span)
            .map(|(_, n)| n.clone())
    }

    pub(super) fn anchors(&mut self, idents: &[String]) -> FixAnchors {
        FixAnchors {
            statement: self.stmts.last().copied(),
            module_insert: Some(self.pre.module_insert),
            args_are_static: self.args_are_static(idents),
            ..Default::default()
        }
    }

    pub(super) fn add_client(
        &mut self,
        m: CtorMatch<'_>,
        span: Span,
        ctor: String,
        idents: &[String],
    ) {
        // (A session: built with a cookie jar of its own, `cookie_provider(jar)`.)
        let chain: String = self.file.slice(span).split_whitespace().collect();
        if m.ctor
            .session_calls
            .iter()
            .any(|c| chain.contains(&format!(".{c}(")))
        {
            return;
        }
        let mut ctx = self.site_ctx(span);
        // One built per element and stored with it ([`super::loops::collected`]): as often as
        // the function runs.
        if ctx.kind == ScopeKind::Loop && self.collected.contains(&span) {
            ctx.kind = ScopeKind::Function;
        }
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
        // (Built to fill an empty cache slot: `if slot.is_none() { *slot = Some(…) }`.)
        if guard == Guard::None && self.in_miss_branch(span) {
            guard = Guard::Memo;
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
            handed: false,
            returned: Returned::No,
            in_fn: ctx.fn_idx,
            per_call_ok: m.ctor.per_call_ok,
            fallback_param: None,
            needs_param: None,
            serves_loop: false,
            session_loop: false,
            pool: Vec::new(),
            anchors: self.anchors(idents),
        };
        let i = self.facts.clients.len();
        self.facts.clients.push(site);
        if let Some(state) = self.fns.last_mut() {
            state.pending.push(Pending::Client(i, ctx.closure));
        }
    }

    pub(super) fn add_call(
        &mut self,
        callee: String,
        name: String,
        module: Option<ModuleRef>,
        span: Span,
        method: bool,
    ) {
        let ctx = self.site_ctx(span);
        let mut guard = ctx.guard;
        // (Its result stored on `self` by code that runs per event, as in `self.status = match
        // self.check_in() { … }` in an event handler, runs each time.)
        if guard == Guard::None
            && let Some((_, g)) = self.assign_guards.iter().rev().find(|(s, _)| *s == span)
            && !(*g == Guard::Owner && ctx.kind == ScopeKind::Handler)
        {
            guard = *g;
        }
        if guard == Guard::None && self.in_miss_branch(span) {
            guard = Guard::Memo;
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
            release_unguarded: false,
            handed: false,
            returned: Returned::No,
            in_fn: ctx.fn_idx,
            method,
            receiver: None,
            fallback_param: None,
            needs_param: None,
            serves_loop: false,
            given: None,
            collected: ctx.kind == ScopeKind::Loop && self.collected.contains(&span),
            first_arg: None,
        };
        let i = self.facts.calls.len();
        self.facts.calls.push(call);
        if let Some(state) = self.fns.last_mut() {
            state.pending.push(Pending::Call(i, ctx.closure));
        }
    }

    /// A plain call of a resolved path: `PgPool::connect`, `reqwest::get`. Falls back on glob
    /// imports of catalogue crates (`use sqlx::postgres::*;` + `PgPool::connect`).
    pub(super) fn match_call(&self, resolved: &[String]) -> Option<(CtorMatch<'a>, Vec<String>)> {
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
    pub(super) fn glob_ok(&self, resolved: &[String]) -> bool {
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

    pub(super) fn match_builder(&self, start: &[String], method: &str) -> Option<CtorMatch<'a>> {
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

    pub(super) fn match_value(&self, ty: &[String], method: &str) -> Option<CtorMatch<'a>> {
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
    pub(super) fn match_unknown_receiver(
        &self,
        method: &str,
        receiver: &str,
    ) -> Option<CtorMatch<'a>> {
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
    pub(super) fn match_method(
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
                // `config().connect(NoTls)` on the file's `fn config() -> Config`, or
                // `config()?.connect(NoTls)` on `fn config() -> Result<Config, Error>`.
                let ty = match resolved.as_slice() {
                    [name] => self
                        .pre
                        .fn_returns
                        .get(name)
                        .and_then(|t| self.value_type(ok_type(t)))?,
                    _ => Self::type_of_call(&resolved)?,
                };
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
    pub(super) fn call_target(
        &self,
        path: &syn::Path,
    ) -> Option<(String, String, Option<ModuleRef>)> {
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
    pub(super) fn visit_args(
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
                {
                    let resolved = w.pre.resolve(&p.path);
                    let span = w.conv.of(p);
                    match w.match_call(&resolved) {
                        Some((m, full)) if p.path.segments.len() >= 2 => {
                            let ctor = ctor_display(m.ctor.path(), &full);
                            w.add_client(m, span, ctor, &[]);
                        }
                        // A project function run once to fill a cache: `static ANALYTICS:
                        // Lazy<Analytics> = Lazy::new(Analytics::new)` calls it, once.
                        None if guard.is_some() => {
                            if let Some((callee, name, module)) = w.call_target(&p.path) {
                                w.add_call(callee, name, module, span, false);
                            }
                        }
                        _ => {}
                    }
                }
                // (A closure wrapped on its way in, `update_hook(Some(move |…| …))`, too.)
                let arg = match super::callbacks::wrapped_closure(arg) {
                    Some(inner) if closure.is_some() => inner,
                    _ => arg,
                };
                if matches!(arg, Expr::Closure(_)) {
                    w.next_closure = closure;
                }
                w.visit_expr(arg);
                w.next_closure = None;
            });
        }
    }
}

/// A constructor's attribute: `#[new]`, `#[constructor]`, `#[uniffi::constructor]`, or one
/// given `constructor` (`#[wasm_bindgen(constructor)]`, `#[napi(constructor)]`).
fn constructor_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        attr_last(a).is_some_and(|l| l == "new" || l == "constructor")
            || matches!(&a.meta, syn::Meta::List(l)
                if l.tokens.clone().into_iter().any(|t| t.to_string() == "constructor"))
    })
}

/// The lowercase words of a camel-case name: `OnLoad` → `on`, `load`.
pub(super) fn split_camel(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in w.chars() {
        if c.is_uppercase() && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

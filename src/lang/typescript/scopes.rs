//! The scope walk: frames for functions, classes and modules, how each function is classified
//! (handler, component, hook, module scope, script, test), declarations and assignments.

use super::loops::is_retry_loop;
use super::*;

// ------------------------------------------------------------------------------------------
// Walk

/// One entry of the context stack: a function or a loop.
pub(super) struct Ctx {
    pub(super) node_id: usize,
    pub(super) scope: Scope,
    pub(super) memo: bool,
    pub(super) fn_idx: Option<usize>,
    pub(super) is_fn: bool,
    /// This function has its own `fn_idx` (it is named, or returned by a named function).
    pub(super) own_fn: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum SiteRef {
    Client(usize),
    Call(usize),
}

#[derive(Debug, Clone)]
pub(super) struct Site {
    pub(super) r: SiteRef,
    /// Other names whose release closes this client (`mongoose` for `mongoose.connect()`, the
    /// callback parameter it is handed to).
    pub(super) extra_roots: Vec<String>,
    /// The function's own object it is handed to unnamed (`container.bind(T)
    /// .toConstantValue(new S3Client())`): returned with that object.
    pub(super) held_by: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct Ret {
    /// Names returned as they are (`return client`, `return { client }`).
    pub(super) direct: Vec<String>,
    /// Roots of values derived from a name, with the first member (`client.db()` → client, db).
    pub(super) derived: Vec<(String, Option<String>)>,
}

#[derive(Debug)]
pub(super) struct Alias {
    pub(super) name: String,
    pub(super) root: String,
    pub(super) method: Option<String>,
}

/// Per function (the module is frame 0).
#[derive(Debug, Default)]
pub(super) struct Frame {
    /// Sites are resolved (released, stored) here rather than in the enclosing function.
    pub(super) boundary: bool,
    /// A `map` / `forEach` callback: what it returns goes to the iteration, not to a caller.
    pub(super) loop_cb: bool,
    pub(super) locals: Vec<String>,
    /// The function's parameters (also in `locals`).
    pub(super) params: Vec<String>,
    pub(super) returns: Vec<Ret>,
    /// Dotted callees of calls that may release something (`client.close`).
    pub(super) releases: Vec<String>,
    /// Releases written in a closure the function returns to its caller (`return { close:
    /// () => store.destroy() }`): the caller gets the client with the means to end it.
    pub(super) closers: Vec<String>,
    /// Names handed to an imported object's method (`R.setup(knexInstance)`): it keeps them.
    pub(super) handed: Vec<String>,
    /// (object, name): a name handed to a method of a local object (`container.bind(T)
    /// .toConstantValue(redis)`): returned with the object.
    pub(super) held: Vec<(String, String)>,
    pub(super) stores: Vec<(String, Guard)>,
    pub(super) aliases: Vec<Alias>,
    pub(super) own: Vec<Site>,
    pub(super) pending: Vec<Site>,
    /// An immediately invoked function whose result is cached (`this.s3 ??= (async () => {
    /// … return { client }; })()`): what it returns takes this guard.
    pub(super) iife_guard: Option<Guard>,
    /// Locals standing for `this` (`const node = this`).
    pub(super) this_aliases: Vec<String>,
}

pub(super) struct FnClass {
    pub(super) scope: Scope,
    pub(super) memo: bool,
    pub(super) boundary: bool,
    pub(super) loop_cb: bool,
}

/// A chain's root and the member nearest it (see [`root_of`]).
pub(super) type ChainRoot<'a> = Option<(&'a str, Option<&'a str>)>;

pub(super) struct Walker<'a, 't> {
    pub(super) src: &'a str,
    pub(super) catalog: &'a LangCatalog,
    pub(super) pre: Pre<'a, 't>,
    pub(super) info: FileInfo,
    pub(super) facts: FileFacts,
    pub(super) ctxs: Vec<Ctx>,
    pub(super) frames: Vec<Frame>,
    pub(super) release_words: HashSet<String>,
    pub(super) hooks_ok: bool,
    /// The tree's root, for the lifecycle analyses.
    pub(super) root: Option<Node<'t>>,
    /// The tree has an ERROR or MISSING node somewhere (else no node needs asking).
    pub(super) has_errors: bool,
    /// Named functions and declared names, built on first need (see [`FnIndex`]).
    pub(super) index: Option<FnIndex<'t>>,
    /// Nodes of returned closures read so far (see [`Walker::closure_roots`]).
    pub(super) closure_reads: std::cell::Cell<usize>,
    /// Whether the file binds an object literal at module scope (a dispatch table), asked once.
    pub(super) object_tables: std::cell::OnceCell<bool>,
    /// [`Walker::chain_root`]'s answers by node id.
    pub(super) chain_roots: std::cell::RefCell<HashMap<usize, ChainRoot<'a>>>,
    /// Holders of catalogue clients built in the file (`pool`, `this.pool`) → catalogue id: the
    /// receivers of checkouts (`pool.connect()`).
    pub(super) instances: HashMap<String, String>,
    /// `const isProd = process.env.NODE_ENV === "production"`: names of environment tests.
    pub(super) env_flags: HashMap<String, EnvTest>,
    /// Methods that check a connection out of a catalogue pool (`connect`, `getConnection`).
    pub(super) checkout_methods: HashSet<String>,
    /// Locals bound so far in the open functions, with the depth of the frame that declares
    /// them (module-level bindings are [`Pre::consts`]).
    pub(super) bindings: Vec<(usize, String, Bound<'t>)>,
    /// Per statement block (by node id), its `if (…) return …;` statements without `else`, in
    /// order: read once per block, not once per site (a block of thousands of statements).
    pub(super) early_returns: std::cell::RefCell<HashMap<usize, std::rc::Rc<[Node<'t>]>>>,
    /// Per function body: its loops that run until stopped ([`super::loops::open_loops`]).
    pub(super) open_loops: std::cell::RefCell<HashMap<usize, std::rc::Rc<super::loops::OpenLoops>>>,
    /// The file's refs and markup-bound elements (see `elements.rs`), read on first use.
    pub(super) element_refs: std::cell::OnceCell<ElementRefs>,
    /// How deep [`Walker::element_field`] is in fields set from fields (bounds cycles).
    pub(super) field_depth: std::cell::Cell<usize>,
    /// Per class body (by node id), the values its code assigns to each `this.F`, read once.
    pub(super) field_values: std::cell::RefCell<HashMap<usize, std::rc::Rc<FieldValues<'t>>>>,
}

/// A class's `this.F = value` assignments, by field name.
pub(super) type FieldValues<'t> = HashMap<String, Vec<Node<'t>>>;

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn new(
        file: &'a SourceFile,
        catalog: &'a LangCatalog,
        pre: Pre<'a, 't>,
        info: FileInfo,
    ) -> Self {
        let mut release_words: HashSet<String> = catalog.generic_release.iter().cloned().collect();
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
                own_fn: false,
            }],
            frames: vec![Frame {
                boundary: true,
                ..Frame::default()
            }],
            release_words,
            hooks_ok,
            root: None,
            has_errors: false,
            index: None,
            closure_reads: std::cell::Cell::new(0),
            object_tables: std::cell::OnceCell::new(),
            chain_roots: std::cell::RefCell::new(HashMap::default()),
            instances: HashMap::default(),
            env_flags: HashMap::default(),
            checkout_methods: catalog
                .clients
                .iter()
                .flat_map(|c| &c.constructors)
                .filter(|k| k.on.is_some())
                .filter_map(|k| k.call.clone())
                .collect(),
            bindings: Vec::new(),
            element_refs: std::cell::OnceCell::new(),
            field_depth: std::cell::Cell::new(0),
            field_values: Default::default(),
            early_returns: Default::default(),
            open_loops: Default::default(),
        }
    }

    pub(super) fn walk(&mut self, root: Node<'t>) {
        self.root = Some(root);
        self.has_errors = root.has_error();
        traverse_kinds(self.pre.flat, root, |at, kind, named, entering| {
            if entering {
                self.enter(at, kind, named);
            } else {
                self.leave(at);
            }
        });
    }

    pub(super) fn finish(mut self) -> FileFacts {
        if let Some(mut module) = self.frames.pop() {
            self.close_frame(&mut module);
        }
        self.facts.handler_refs = std::mem::take(&mut self.pre.refs);
        self.facts.handler_refs.sort_by_key(|r| r.span.start);
        self.facts.tables = self.exported_tables();
        self.facts.created_tags = super::roots::created_tags(self.src);
        self.facts.imports = std::mem::take(&mut self.pre.local_imports);
        self.facts.reexports = std::mem::take(&mut self.pre.reexports);
        self.facts.default_export = self.pre.default_fn.take();
        self.facts.type_aliases = std::mem::take(&mut self.pre.type_of).into_iter().collect();
        self.facts.type_aliases.sort();
        self.facts
    }

    pub(super) fn ctx(&self) -> &Ctx {
        // The module context is never popped.
        &self.ctxs[self.ctxs.len() - 1]
    }

    pub(super) fn frame(&mut self) -> &mut Frame {
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    pub(super) fn enter(&mut self, at: At<'_, 't>, kind: &str, named: bool) {
        let node = at.node;
        if self.has_errors && (node.is_error() || node.is_missing()) {
            self.facts.syntax_errors.push(span(node));
        }
        if !named {
            return;
        }
        if is_fn_kind(kind) {
            self.enter_fn(at);
            return;
        }
        match kind {
            k if is_loop_kind(k) => {
                let parent = self.ctx();
                // In start-up code and at module scope a loop runs once over a finite set,
                // unless it runs until the process stops (`while (true) { await
                // redis.brpop(…) }`, `for await (const msg of consumer)`): per iteration then.
                let scope = if matches!(parent.scope.kind, ScopeKind::Startup | ScopeKind::Module)
                    && self.runs_until_stopped(node, parent.fn_idx)
                {
                    Scope {
                        kind: ScopeKind::Loop,
                        framework: None,
                        name: parent.scope.name.clone(),
                        span: parent.scope.span,
                    }
                } else if parent.scope.kind == ScopeKind::Function && is_retry_loop(node) {
                    // A retry (`for (let i = 1; i <= n; i++) { try { await connect(); break; }
                    // catch { … } }`): it builds once per call of its function.
                    parent.scope.clone()
                } else if parent.scope.kind == ScopeKind::Function
                    && super::loops::over_finite_collection(node, self.src)
                {
                    // Once per item of a list written in the code, then done.
                    Scope {
                        framework: Some(std::sync::Arc::from(crate::facts::FINITE_LOOP)),
                        ..loopify(&parent.scope)
                    }
                } else {
                    loopify(&parent.scope)
                };
                let ctx = Ctx {
                    node_id: node.id(),
                    scope,
                    memo: parent.memo,
                    fn_idx: parent.fn_idx,
                    is_fn: false,
                    own_fn: false,
                };
                self.ctxs.push(ctx);
            }
            "new_expression" => {
                self.new_expression(at);
                self.new_project_class(at);
                self.root_mount(at);
            }
            "call_expression" => {
                self.lifecycle_call(at);
                self.call_expression(at);
                self.root_mount(at);
            }
            "class_declaration" | "class" | "abstract_class_declaration" => {
                self.lifecycle_class(at)
            }
            "object" => self.lifecycle_object(at),
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

    pub(super) fn leave(&mut self, at: At<'_, 't>) {
        let node = at.node;
        if self.ctxs.len() > 1 && self.ctx().node_id == node.id() {
            let ctx = self.ctxs.pop();
            if ctx.is_some_and(|c| c.is_fn)
                && let Some(mut frame) = self.frames.pop()
            {
                self.close_frame(&mut frame);
                // A closure a plain function returns to its caller (`return { close: () =>
                // pool.close() }`) releases nothing here: the caller gets the client with the
                // means to end it (its releases are `closers`: the client is handed back).
                // (An effect's returned cleanup is React's to call.)
                let closer = returned_fn(at) && self.ctx().scope.kind == ScopeKind::Function;
                if let Some(parent) = self.frames.last_mut() {
                    if closer {
                        parent.closers.append(&mut frame.releases);
                    }
                    parent.closers.append(&mut frame.closers);
                    parent.releases.append(&mut frame.releases);
                    parent.handed.append(&mut frame.handed);
                    parent.stores.append(&mut frame.stores);
                    parent.pending.append(&mut frame.pending);
                }
                let depth = self.frames.len();
                self.bindings.retain(|(d, _, _)| *d <= depth);
            }
        }
    }

    // -------------------------------------------------------------------- functions

    pub(super) fn enter_fn(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let f = at.node;
        let name = fn_name(at, src);
        let class = self.classify_fn(at, name.as_ref());
        let parent_fn = self.ctx().fn_idx;
        // Run once by a memoizer: handed to it inline (`singleton("k", () => …)`) or by name
        // (`singleton("k", initializeRedis)`, the function declared anywhere in the file).
        let memo_fn = arg_position(at).is_some_and(|(call, i)| {
            field(call.node, "function").is_some_and(|c| {
                callee_name(c, src).is_some_and(|n| is_memo_arg(n, i)) || cache_wrap(c, i, src)
            })
        }) || name.as_ref().is_some_and(|n| {
            matches!(n.kind, NameKind::Decl | NameKind::Var) && self.pre.memo_fns.contains(&n.name)
        });
        let fn_idx = if let Some(n) = &name {
            let exported = self.is_exported(at, n);
            // A class's constructor runs where the class is instantiated (`new Catalog(…)`): in
            // the call graph it goes by the class's name (its scope keeps `constructor`).
            let graph_name = (n.name == "constructor" && f.kind_name() == "method_definition")
                .then(|| {
                    at.up()
                        .filter(|b| b.node.kind_name() == "class_body")
                        .and_then(|b| b.up())
                        .and_then(|c| field(c.node, "name"))
                        .map(|c| text(c, src).to_string())
                })
                .flatten()
                .unwrap_or_else(|| n.name.clone());
            let (owner, receiver) = self.fn_owner(f, at, n);
            self.facts.functions.push(FnFact {
                name: graph_name,
                span: n.span,
                exported,
                scope: class.scope.clone(),
                guard: if memo_fn { Guard::Memo } else { Guard::None },
                parent: parent_fn,
                params: param_count(f),
                method: is_method(f, n),
                def_line: None,
                owner,
                receiver,
                value_ref: false,
            });
            Some(self.facts.functions.len() - 1)
        } else if let Some(factory) = self.returned_by(at) {
            // `function makeHandler(deps) { return async (event) => … }`: the function a factory
            // returns runs where it is handed, not where the factory is called. In the call graph
            // it goes by `makeHandler()` (a registration given `makeHandler(deps)` names it).
            // (Factories of factories are named to eight levels, `f()()…`: closures returning
            // closures a hundred thousand deep would otherwise spell quadratic names.)
            let (graph_name, exported) = match self.facts.functions.get(factory) {
                Some(p) if p.name.ends_with(&"()".repeat(8)) => (p.name.clone(), p.exported),
                Some(p) => (format!("{}()", p.name), p.exported),
                None => (String::new(), false),
            };
            self.facts.functions.push(FnFact {
                name: graph_name,
                span: span(f),
                exported,
                scope: class.scope.clone(),
                guard: if memo_fn { Guard::Memo } else { Guard::None },
                parent: parent_fn,
                params: param_count(f),
                method: false,
                def_line: None,
                owner: None,
                receiver: false,
                value_ref: false,
            });
            Some(self.facts.functions.len() - 1)
        } else {
            parent_fn
        };
        let own_fn = fn_idx != parent_fn;
        let mut frame = Frame {
            boundary: class.boundary,
            loop_cb: class.loop_cb,
            iife_guard: iife_call(at)
                .map(|call| self.value_context(call).guard)
                .filter(|g| *g != Guard::None),
            ..Frame::default()
        };
        for p in [field(f, "parameters"), field(f, "parameter")]
            .into_iter()
            .flatten()
        {
            pattern_names(p, src, &mut frame.params);
        }
        frame.locals.extend(frame.params.iter().cloned());
        if f.kind_name() == "arrow_function"
            && let Some(body) = field(f, "body").filter(|b| b.kind_name() != "statement_block")
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
            own_fn,
        });
    }

    /// The named function of the enclosing scope that returns the anonymous function at `at`
    /// directly (`return async (event) => …`, `const make = (deps) => (event) => …`).
    fn returned_by(&self, at: At<'_, 't>) -> Option<usize> {
        let ctx = self.ctx();
        if !ctx.is_fn || !ctx.own_fn {
            return None;
        }
        let up = at.up()?;
        let owner = match up.node.kind_name() {
            "return_statement" => {
                let mut cur = up.up();
                while let Some(c) = cur {
                    if is_fn_kind(c.node.kind_name()) {
                        break;
                    }
                    cur = c.up();
                }
                cur?.node
            }
            "arrow_function" if is_field(up.node, "body", at.node) => up.node,
            _ => return None,
        };
        (owner.id() == ctx.node_id).then_some(ctx.fn_idx).flatten()
    }

    pub(super) fn classify_fn(&self, at: At<'_, 't>, name: Option<&FnName<'_, 't>>) -> FnClass {
        let src = self.src;
        let f = at.node;
        let parent = self.ctx();
        let named = |kind: ScopeKind, fw: Option<&str>| Scope {
            kind,
            framework: fw.map(std::sync::Arc::from),
            name: name
                .map(|n| std::sync::Arc::from(n.name.as_str()))
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
            // (A configuration file's registered callbacks are read below.)
            Role::Startup
                if !(self.info.config
                    && matches!(self.pre.callbacks.get(&f.id()), Some(Special::Handler(..)))) =>
            {
                return FnClass {
                    memo,
                    ..boundary(named(ScopeKind::Startup, Some("startup")))
                };
            }
            Role::App | Role::Startup => {}
        }
        let member_callee = position
            .and_then(|(call, _)| field(call.node, "function"))
            .is_some_and(|c| unwrap_value(c).kind_name() == "member_expression");
        let vue_lifecycle = first_arg
            && !member_callee
            && (VUE_LIFECYCLE.contains(&callee)
                && match self.pre.imports.get(callee) {
                    Some(imp) => VUE_MODULES.iter().any(|m| wildcard_match(m, &imp.module)),
                    None => {
                        !self.pre.fn_names.contains(callee)
                            && ["vue", "nuxt"]
                                .iter()
                                .any(|d| self.pre.file.project.has_dep(d))
                    }
                }
                || (callee == SVELTE_MOUNT || SVELTE_UNMOUNT.contains(&callee))
                    && self.pre.imports.get(callee).is_some_and(|imp| {
                        SVELTE_MODULES
                            .iter()
                            .any(|m| wildcard_match(m, &imp.module))
                    }));
        if first_arg
            && ((EFFECT_HOOKS.contains(&callee) && self.is_react_hook(callee, member_callee))
                || (!member_callee && self.is_signal_effect(callee))
                || vue_lifecycle
                || position
                    .and_then(|(call, _)| field(call.node, "function"))
                    .is_some_and(|c| self.is_svelte_rune(unwrap_value(c))))
        {
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
        // A callback React keeps for later (`useCallback(() => …, deps)`) and an inline event
        // handler (`onClick={() => …}`) run per event, not per render: like a named function
        // of the component's body.
        if parent.scope.kind == ScopeKind::Component {
            // Named after what holds it: `const ping = useCallback(…)`, `onClick={…}`.
            let holder = if first_arg
                && callee == "useCallback"
                && self.is_react_hook(callee, member_callee)
            {
                Some(callback_variable(at, src))
            } else if position.is_some()
                && is_hook_name(callee)
                && !RENDER_TIME_HOOKS.contains(&callee)
                && !self.pre.fn_names.contains(callee)
            {
                // A function given to a custom hook (`useEventWithLoading(async (v) => …)`,
                // `useMutation(fn)`) is kept for the events the hook wires up, not run per
                // render.
                Some(Some(callee))
            } else {
                jsx_attribute_of(at, src).map(Some)
            };
            if let Some(holder) = holder {
                let mut scope = named(ScopeKind::Function, None);
                if name.is_none()
                    && let Some(h) = holder
                {
                    scope.name = Some(std::sync::Arc::from(h));
                }
                return FnClass {
                    memo,
                    ..boundary(scope)
                };
            }
        }
        // (A guess gives way to a registration the catalogue names around it: a method of the
        // options object a known call takes.)
        let guessed = |s: &Special| matches!(s, Special::Handler(fw, _) if *fw == crate::lang::inferred::INFERRED);
        if let Some(special) = self.pre.callbacks.get(&f.id())
            && !(guessed(special) && self.registration_of(at).is_some_and(|(_, _, inf)| !inf))
        {
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
        // Registered by a tag of its documentation comment (`@customfunction`): the host calls
        // it per use.
        if let Some(tag) = doc_tag(self.pre.flat, f, src, &self.catalog.registration.doc_tags) {
            return FnClass {
                memo,
                ..boundary(named(ScopeKind::Handler, Some(tag.trim_start_matches('@'))))
            };
        }
        // Run in place: an immediately invoked function, a promise's executor (`new
        // Promise((resolve) => …)`, also Bluebird's), never a registration.
        if is_iife(at, src) {
            return FnClass {
                scope: parent.scope.clone(),
                memo,
                boundary: false,
                loop_cb: false,
            };
        }
        // A callback registered with something that calls it back once per event (the
        // catalogue's `[registration]`): `socket.on("message", cb)`, `setInterval(cb, ms)`,
        // `consumer.run({ eachMessage })`.
        // Nested registrations (`io.on("connection", s => s.on("message", cb))`) name the inner one.
        if (matches!(
            parent.scope.kind,
            ScopeKind::Module | ScopeKind::Startup | ScopeKind::Function | ScopeKind::Loop
        ) || parent.scope.framework() == "event")
            && let Some((call, label, inferred)) = self.registration_of(at)
        {
            return FnClass {
                memo,
                ..boundary(Scope {
                    kind: ScopeKind::Handler,
                    framework: Some(std::sync::Arc::from(if inferred {
                        crate::lang::inferred::INFERRED
                    } else {
                        "event"
                    })),
                    name: Some(std::sync::Arc::from(label.as_str())),
                    span: Some(span(call)),
                })
            };
        }
        // A GraphQL resolver map's field resolver: `{ Query: { product: async (_, a) => … } }`.
        if let Some(label) = self.resolver_of(at) {
            return FnClass {
                memo,
                ..boundary(Scope {
                    kind: ScopeKind::Handler,
                    framework: Some(std::sync::Arc::from("graphql")),
                    name: Some(std::sync::Arc::from(label.as_str())),
                    span: Some(span(f)),
                })
            };
        }
        let at_module = self.ctxs.len() == 1;
        if let Some(n) = name {
            let nm = n.name.as_str();
            let nest = self.pre.file.project.has_dep("@nestjs/common");
            let project = &self.pre.file.project;
            // (Only a constructor can be a request-scoped provider's.)
            let scoped = (nm == "constructor")
                .then(|| {
                    self.catalog
                        .registration
                        .request_scopes
                        .iter()
                        .filter_map(|e| e.rsplit_once(':'))
                        .find(|(m, v)| {
                            project.has_dep(m)
                                && super::frameworks::request_scoped_ctor(self.pre.flat, f, src, v)
                        })
                        .map(|(m, _)| if m == "@nestjs/common" { "nestjs" } else { m })
                })
                .flatten();
            let scope = if nest && nest_handler(self.pre.flat, f, src) {
                named(ScopeKind::Handler, Some("nestjs"))
            } else if let Some(fw) = scoped {
                named(ScopeKind::Handler, Some(fw))
            } else if let Some(fw) = self.pre.handler_names.get(nm) {
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
            } else if self.resolver_typed(at) {
                // `export const product: QueryResolvers['product'] = async ({ id }) => …`
                // (graphql-codegen's types: Redwood services, Apollo, Yoga).
                named(ScopeKind::Handler, Some("graphql"))
            } else if let Some(fw) = self.decorated_handler(f) {
                // A method a framework's route decorator registers (`@get("/x")` from
                // `@loopback/rest`), or the constructor of a class the framework instantiates
                // per request (catalogue `[[registration.decorators]]`).
                named(ScopeKind::Handler, Some(fw.as_str()))
            } else if self.dependency_method(f, at, nm) {
                // `class ArenaRoom extends Room { async onLeave(client) { … } }`: the library
                // calls it back, probably per event.
                named(ScopeKind::Handler, Some(crate::lang::inferred::INFERRED))
            } else if at_module
                && self
                    .typed_param(f, &self.catalog.registration.app_types)
                    .is_some()
                && super::effect_parts::returned_values(f).is_empty()
            {
                // `export default async function routes(fastify: FastifyInstance)`: a plugin
                // configuring the application, run when it is registered at start-up.
                named(ScopeKind::Startup, Some("startup"))
            } else if parent.scope.kind != ScopeKind::Component && self.request_param(f).is_some() {
                // A function taking a web framework's request or context (`handle(ctx:
                // HttpContext, next)`): whatever calls it, it runs per request.
                named(ScopeKind::Handler, Some("request"))
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
        if !matches!(parent.scope.kind, ScopeKind::Handler | ScopeKind::Component)
            && let Some(ty) = self.request_param(f)
        {
            return FnClass {
                memo,
                ..boundary(Scope {
                    kind: ScopeKind::Handler,
                    framework: Some(std::sync::Arc::from("request")),
                    name: Some(std::sync::Arc::from(format!("taking a `{ty}`").as_str())),
                    span: Some(span(f)),
                })
            };
        }
        // A continuation of start-up code (`app.prepare().then(async () => { … })` at module
        // scope) runs once, as the code it continues.
        if member_callee
            && matches!(callee, "then" | "catch" | "finally")
            && matches!(parent.scope.kind, ScopeKind::Module | ScopeKind::Startup)
        {
            return FnClass {
                memo,
                ..boundary(named(ScopeKind::Startup, Some("startup")))
            };
        }
        if position.is_some()
            && LOOP_METHODS.contains(&callee)
            && parent.scope.kind != ScopeKind::Module
            && !self.value_transform(position.map(|(call, _)| call.node))
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

    /// The function declared at the top level of the file under `name` (`function f() {}`,
    /// `const f = () => …`, exported or not).
    pub(super) fn top_level_fn(&self, name: &str) -> Option<Node<'t>> {
        let root = self.root?;
        named_kids(root).into_iter().find_map(|st| {
            let st = if st.kind_name() == "export_statement" {
                field(st, "declaration")?
            } else {
                st
            };
            match st.kind_name() {
                "function_declaration" => field(st, "name")
                    .filter(|n| text(*n, self.src) == name)
                    .map(|_| st),
                "lexical_declaration" | "variable_declaration" => {
                    named_kids(st).into_iter().find_map(|d| {
                        let v = field(d, "value").map(unwrap_value)?;
                        (field(d, "name").is_some_and(|n| text(n, self.src) == name)
                            && is_fn_kind(v.kind_name()))
                        .then_some(v)
                    })
                }
                _ => None,
            }
        })
    }

    pub(super) fn is_exported(&self, f: At<'_, 't>, n: &FnName<'_, 't>) -> bool {
        let src = self.src;
        let parent_is_export = |x: At| {
            x.parent()
                .is_some_and(|p| p.kind_name() == "export_statement")
        };
        let anchor = n.anchor;
        match n.kind {
            NameKind::Decl => parent_is_export(f) || self.pre.exported_names.contains(&n.name),
            NameKind::Var | NameKind::Wrapper => {
                if anchor.node.kind_name() == "assignment_expression" {
                    return false;
                }
                let decl = anchor.up();
                let top = decl
                    .and_then(|d| d.parent())
                    .is_some_and(|p| p.kind_name() == "program");
                decl.is_some_and(parent_is_export)
                    || (top && self.pre.exported_names.contains(&n.name))
            }
            NameKind::Member => {
                if anchor.node.kind_name() == "assignment_expression" {
                    return field(anchor.node, "left").is_some_and(|l| {
                        let t = text(l, src);
                        t.starts_with("exports.") || t.starts_with("module.exports.")
                    });
                }
                let mut cur = anchor.up();
                for _ in 0..8 {
                    let Some(c) = cur else { return false };
                    let cn = c.node;
                    match cn.kind_name() {
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

    pub(super) fn declarator(&mut self, n: Node<'t>) {
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
        if name.kind_name() == "identifier"
            && let Some(value) = field(n, "value")
            && let Some(test) = self.env_test(value, 0)
        {
            self.env_flags.insert(text(name, src).to_string(), test);
        }
        if name.kind_name() == "identifier"
            && let Some(value) = field(n, "value")
        {
            // `const node = this` (Node-RED nodes, pre-arrow callbacks): `node.pool = …` is on
            // the instance.
            if unwrap_value(value).kind_name() == "this" {
                let local = text(name, src).to_string();
                self.frame().this_aliases.push(local);
            }
            self.alias(name, value);
        }
    }

    pub(super) fn assignment(&mut self, n: Node<'t>) {
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
        if left.kind_name() == "identifier" {
            self.alias(left, right);
        }
    }

    /// Variable `name`, assigned `value`, stands for what `value` is built from (see
    /// [`alias_roots`]).
    /// (Awaited, a chain gives what its last method resolves to: `await client.db("w")
    /// .collection("p").findOne({ path })` is a document, data.)
    fn alias(&mut self, name: Node<'t>, value: Node<'t>) {
        let src = self.src;
        // (The grammar may read `await client.db(d).findOne(q)` as a call of a chain whose
        // root is awaited: the text says what the statement waits for.)
        let awaited = text(value, src)
            .trim_start_matches('(')
            .trim_start()
            .starts_with("await ");
        let last = outermost_method(value, src).filter(|_| awaited);
        for (root, method) in alias_roots(value, src) {
            let alias = Alias {
                name: text(name, src).to_string(),
                root: root.to_string(),
                method: method.and(last).or(method).map(String::from),
            };
            self.frame().aliases.push(alias);
        }
    }

    pub(super) fn value_roots(&self, n: Node, out: &mut Vec<String>, depth: u8) {
        if depth > 4 {
            return;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind_name() {
            "object" => {
                for k in named_kids(n) {
                    match k.kind_name() {
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
}

/// A NestJS controller, resolver or gateway method that the framework calls per request or
/// message: decorated with a route (`@Get()`, `@Post(':id')`, …), GraphQL (`@Query()`,
/// `@Mutation()`) or message decorator, in a class decorated `@Controller`, `@Resolver` or
/// `@WebSocketGateway`.
fn nest_handler<'t>(flat: &Flat<'t>, f: Node<'t>, src: &str) -> bool {
    if f.kind_name() != "method_definition" {
        return false;
    }
    if !method_decorators(flat, f)
        .into_iter()
        .any(|d| NEST_HANDLER_DECORATORS.contains(&decorator_name(d, src)))
    {
        return false;
    }
    class_decorated(flat, f, |d| {
        NEST_CLASS_DECORATORS.contains(&decorator_name(d, src))
    })
}

/// Does the class of method `f` carry a decorator that `is` accepts (on the class, or on the
/// `export` statement that declares it)?
pub(super) fn class_decorated<'t>(flat: &Flat<'t>, f: Node<'t>, is: impl Fn(Node) -> bool) -> bool {
    let Some(class) = flat.parent(f).and_then(|b| flat.parent(b)) else {
        return false;
    };
    let on = |n: Node| {
        let mut cursor = n.walk();
        for c in n.named_children(&mut cursor) {
            if c.kind_name() == "decorator" && is(c) {
                return true;
            }
        }
        false
    };
    on(class)
        || flat
            .parent(class)
            .is_some_and(|e| e.kind_name() == "export_statement" && on(e))
}

/// The attribute whose value function `at` is (`onClick={() => …}` → `onClick`).
fn jsx_attribute_of<'s>(at: At<'_, '_>, src: &'s str) -> Option<&'s str> {
    let expr = at.up()?;
    if expr.node.kind_name() != "jsx_expression" {
        return None;
    }
    let attr = expr.parent().filter(|p| p.kind_name() == "jsx_attribute")?;
    attr.named_child(0).map(|n| text(n, src))
}

/// The variable a `useCallback(fn, deps)` whose first argument is `at` is assigned to
/// (`const ping = useCallback(…)` → `ping`).
fn callback_variable<'s>(at: At<'_, '_>, src: &'s str) -> Option<&'s str> {
    let call = at.up()?.up()?;
    let mut p = call.up()?;
    while matches!(
        p.node.kind_name(),
        "parenthesized_expression" | "as_expression"
    ) {
        p = p.up()?;
    }
    if p.node.kind_name() != "variable_declarator" {
        return None;
    }
    field(p.node, "name")
        .filter(|n| n.kind_name() == "identifier")
        .map(|n| text(n, src))
}

impl<'t> Walker<'_, 't> {
    /// `Type.field` when the function `at` is a field resolver of a GraphQL resolver map: the
    /// value (or method) of a key of an object that is the value of a root type key (the
    /// catalogue's `resolver_types`: `Query`, `Mutation`, `Subscription`), or of another type's
    /// key in a map that has a root type.
    fn resolver_of(&self, at: At<'_, 't>) -> Option<String> {
        let types = &self.catalog.registration.resolver_types;
        if types.is_empty() {
            return None;
        }
        let src = self.src;
        let key_text = |n: Node<'t>, name: &'static str| {
            field(n, name).map(|k| text(k, src).trim_matches(|c| c == '"' || c == '\''))
        };
        let (member, field_name) = if at.node.kind_name() == "method_definition" {
            (at, key_text(at.node, "name")?)
        } else {
            let pair = at.up().filter(|p| p.node.kind_name() == "pair")?;
            (pair, key_text(pair.node, "key")?)
        };
        let object = member.up().filter(|o| o.node.kind_name() == "object")?;
        let type_pair = object.up().filter(|p| p.node.kind_name() == "pair")?;
        let type_name = key_text(type_pair.node, "key")?;
        let is_root = |t: &str| types.iter().any(|x| x == t);
        if !is_root(type_name) {
            let map = type_pair.up().filter(|o| o.node.kind_name() == "object")?;
            let mut cursor = map.node.walk();
            let has_root = map
                .node
                .named_children(&mut cursor)
                .any(|p| p.kind_name() == "pair" && key_text(p, "key").is_some_and(is_root));
            if !has_root {
                return None;
            }
        }
        Some(format!("{type_name}.{field_name}"))
    }
}

/// Is function `node` part of what its enclosing function returns (`return () => c.close()`,
/// `return { async close() { await c.end() } }`)? From the walk's ancestors.
fn returned_fn(at: At) -> bool {
    for x in at.anc.iter().rev() {
        match x.kind_name() {
            "return_statement" => return true,
            "object"
            | "pair"
            | "array"
            | "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression" => {}
            _ => return false,
        }
    }
    false
}

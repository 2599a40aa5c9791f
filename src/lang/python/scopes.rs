//! The scope walk: frames for modules, classes, functions and lambdas, and how each function is
//! classified (route, view, task, startup, test, cached getter).

use super::*;
use crate::lang::inferred::INFERRED;

// ---------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
pub(super) struct ClassInfo {
    /// Last segments of the base classes (`View`, `APIView`, `TestCase`).
    pub(super) bases: Vec<String>,
    pub(super) is_test: bool,
    pub(super) name: String,
    /// One of its bases is a dependency's class (see [`Pre::dependency_base`]).
    pub(super) dependency_base: bool,
}

pub(super) struct Frame<'t> {
    /// The node that opened this frame (popped when the walk leaves it).
    pub(super) node_id: usize,
    pub(super) scope: Scope,
    pub(super) guard: Guard,
    pub(super) fn_idx: Option<usize>,
    /// The function (or module) whose body holds this frame: where deferred facts are found.
    pub(super) owner: Node<'t>,
    /// Set on class-body frames.
    pub(super) class: Option<ClassInfo>,
    /// The module frame (and the main guard): defs here are top level.
    pub(super) top_level: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum SiteRef {
    Client(usize),
    Call(usize),
}

/// A site whose release / return / guard is decided once the owning function is known.
pub(super) struct Pending<'t> {
    pub(super) site: SiteRef,
    pub(super) owner: Node<'t>,
    /// The name (or `self.x` path) holding the value in the function.
    pub(super) key: Option<String>,
    /// Left side of the assignment holding it.
    pub(super) target: Option<Node<'t>>,
    /// Left side of the assignment holding the object built on it (see [`Climb::owner_target`]).
    pub(super) owner_target: Option<Node<'t>>,
    /// `X` of `X.setdefault(k, <site>)`.
    pub(super) store_recv: Option<Node<'t>>,
    pub(super) args: Option<Node<'t>>,
    pub(super) scope_kind: ScopeKind,
    /// `key` holds a value derived from the site, not the site itself.
    pub(super) derived: bool,
}

/// What one function body does (found by one scan per function that holds a site).
#[derive(Default)]
pub(super) struct BodyInfo<'t> {
    pub(super) globals: HashSet<String>,
    pub(super) params: HashSet<String>,
    pub(super) locals: HashSet<String>,
    /// `(receiver, method)` of calls of release-like methods, anywhere (nested closures too);
    /// method [`WITH`] for `with x:` / `enter_context(x)`, [`CLOSED`] for `closing(x)`.
    pub(super) releases: Vec<(String, String)>,
    pub(super) returns: Vec<Node<'t>>,
    pub(super) assigns: Vec<(Node<'t>, Node<'t>)>,
    /// `(X, value)` of `X.setdefault(k, value)`.
    pub(super) stores: Vec<(Node<'t>, Node<'t>)>,
    /// `(module, value)` of a store-named function of a project module given the value
    /// (`clients.register(engine=engine)`): kept for a client, not for a call's result.
    pub(super) module_stores: Vec<(Node<'t>, Node<'t>)>,
    /// The function body holds a `yield` (not counting nested functions).
    pub(super) is_generator: bool,
    /// Ids of the values of `yield` (also in `returns`): yielding is not handing over.
    pub(super) yields: HashSet<usize>,
    /// Calls of release-like methods, `true` when made by a nested function.
    pub(super) release_calls: Vec<(Node<'t>, bool)>,
    /// `(receiver, method)` of release methods passed as values: `stack.callback(conn.close)`.
    pub(super) release_refs: Vec<(String, String)>,
    /// Names handed to a call of the function's own body beside one of its parameters (or
    /// something of one): `setup_handlers(serverapp.web_app, pool, s3)` → `pool`, `s3`.
    pub(super) handed: Vec<String>,
    /// The assignments `name = value` of `assigns` by the text of their value (as written and
    /// compacted), built on first use by [`Walker::aliases`].
    pub(super) alias_index: std::cell::OnceCell<HashMap<String, Vec<usize>>>,
    /// The function is a `__call__` method (its start byte): its instance existed before the
    /// call and outlives it, so what it keeps on `self`, and reads first, is a cache across
    /// calls, even when each call is a request.
    pub(super) self_outlives_call: Option<usize>,
}

/// How a construction sits in its statement.
#[derive(Default)]
pub(super) struct Climb<'t> {
    pub(super) binding: Option<String>,
    pub(super) key: Option<String>,
    pub(super) target: Option<Node<'t>>,
    pub(super) store_recv: Option<Node<'t>>,
    /// Closed by `contextlib.closing(…)`.
    pub(super) released: bool,
    /// Opened by `with` / `async with` / `ExitStack.enter_context(…)`: released unless the
    /// catalogue says its context manager keeps it open.
    pub(super) with_released: bool,
    pub(super) returned: Returned,
    pub(super) statement: Option<Span>,
    /// `key` holds something derived from the client (`X(...).pool`, `X(...).db("app")`), not
    /// the client itself.
    pub(super) derived: bool,
    /// `returned` comes from a `yield`, not a `return`.
    pub(super) by_yield: bool,
    /// Passed straight to a class-like call (`UserRepository(SessionLocal())`): it owns it.
    pub(super) ctor_arg: bool,
    /// Where the object of the class built on it is stored (`_client = Minio(http_client=
    /// PoolManager())`): the argument is kept as long as that object.
    pub(super) owner_target: Option<Node<'t>>,
    /// The statement holding the construction.
    pub(super) stmt: Option<Node<'t>>,
}

/// Each identifier of a body and its spans (see [`Walker::idents_of`]).
pub(super) type IdentIndex = HashMap<String, Vec<(usize, usize)>>;

/// The most statements a `try … finally` fix wraps (see [`Walker::wrap_region`]).
pub(super) const MAX_WRAPPED: usize = 200;

pub(super) struct Walker<'a, 't> {
    /// The statements of function bodies, by function (see [`Walker::body_statements`]).
    pub(super) body_stmts: std::cell::RefCell<HashMap<usize, std::rc::Rc<Vec<Node<'t>>>>>,
    /// Names handed as values to project functions (see [`Walker::note_handed_functions`]).
    pub(super) handed_fns: HashSet<String>,
    /// Probable registrations that return the callbacks they define: node id → those names.
    pub(super) builders: HashMap<usize, Vec<String>>,
    /// A `for` body's id → the names it stores per element (see [`Walker::kept_per_element`]).
    pub(super) per_element: HashMap<usize, HashSet<&'a str>>,
    pub(super) file: &'a SourceFile,
    pub(super) src: &'a str,
    pub(super) cat: &'a LangCatalog,
    pub(super) pre: Pre<'t>,
    /// The tree's nodes, walked once (parents come from here too).
    pub(super) flat: &'a Flat<'t>,
    pub(super) file_kind: FileKind,
    pub(super) views_file: bool,
    pub(super) frames: Vec<Frame<'t>>,
    /// Ancestors of the current node, the current node last.
    pub(super) path: Vec<Node<'t>>,
    pub(super) decorator_depth: usize,
    /// The tree holds ERROR / MISSING nodes somewhere.
    pub(super) has_errors: bool,
    pub(super) pending: Vec<Pending<'t>>,
    /// One accumulator per enclosing function (the module's first).
    pub(super) accs: Vec<BodyAcc<'t>>,
    /// Body facts of the functions (and the module) that hold a pending site, by owner node id.
    pub(super) bodies: HashMap<usize, BodyInfo<'t>>,
    pub(super) release_names: HashSet<String>,
    /// Sessions waiting for their function's body facts.
    pub(super) session_pending: Vec<SessionPending<'t>>,
    /// What the `on` constructors of the catalogue need (built once per file).
    pub(super) on: OnIndex<'a>,
    /// Catalogue entries bound to names at module level or to attribute paths (`engine`,
    /// `SessionLocal`, `self.pool`): receivers of `on` constructors.
    pub(super) bound: HashMap<String, &'a str>,
    /// Catalogue entries bound to local names: `(function node id, name)`.
    pub(super) local_bound: HashMap<(usize, String), &'a str>,
    /// Names bound to an instance of a class of the project (`handler = EventHandler()`), by
    /// `(owner node id, name)`: the module holding the class (`None`: this file), where a method
    /// called on the name (`handler.handle(m)`) is looked up.
    pub(super) instances: HashMap<(usize, String), Option<ModuleRef>>,
    /// Every name or path bound (anywhere) to an instance of a factory entry (`SessionLocal`):
    /// a cheap test before the lookups of a plain call.
    pub(super) factory_keys: HashSet<String>,
    /// Constructions whose options and URL are read once their function's body is known:
    /// `(index into clients, call, owner)`.
    pub(super) config_pending: Vec<(usize, Node<'t>, Node<'t>)>,
    /// Module-level functions that may return a connection URL (they read the environment
    /// or hold a URL): their returns are read in `finish_configs`.
    pub(super) url_fn_candidates: Vec<Node<'t>>,
    pub(super) facts: FileFacts,
    /// Per function body (by node id): each identifier's spans, field names left out; built
    /// once per body for [`Walker::mentioned_outside`] (a scan of the body per session was
    /// quadratic in a function of thousands of sessions).
    pub(super) idents: std::cell::RefCell<HashMap<usize, std::rc::Rc<IdentIndex>>>,
    /// The file indexes a name it imports (`HANDLERS[kind]`, `HANDLERS.get(kind)`): it may
    /// call through a table of another module (see [`Walker::dispatch_call`]).
    pub(super) indexes_imports: std::cell::OnceCell<bool>,
}

/// The catalogue's `on` constructors, indexed for the walk.
#[derive(Default)]
pub(super) struct OnIndex<'a> {
    /// Methods that check something out of an instance (`connect`, `getconn`, `acquire`).
    pub(super) methods: HashSet<&'a str>,
    /// Entries whose instances are called to build a session (`sqlalchemy-sessionmaker`): they
    /// are factories, not sessions themselves.
    pub(super) factories: Vec<&'a str>,
    /// Entries with `on` constructors whose library this file or project uses.
    pub(super) present: HashSet<&'a str>,
}

/// A session site whose closing is decided once its function's body is known.
pub(super) struct SessionPending<'t> {
    pub(super) idx: usize,
    pub(super) owner: Node<'t>,
    /// The site's call.
    pub(super) call: Node<'t>,
    pub(super) key: Option<String>,
    pub(super) target: Option<Node<'t>>,
    pub(super) store_recv: Option<Node<'t>>,
    /// Decided by the site's own position (`with`, `closing(…)`, `return`).
    pub(super) closing: Option<Closing>,
    pub(super) release: Vec<String>,
    pub(super) with_keeps_open: bool,
    /// The statement holding the construction.
    pub(super) stmt: Option<Node<'t>>,
    /// Not bound, and evaluated first in its statement (`X().get(u)`): a fix can bind it
    /// just before the statement.
    pub(super) hoistable: bool,
}

impl<'a> OnIndex<'a> {
    pub(super) fn build(cat: &'a LangCatalog, pre: &Pre, file: &SourceFile) -> Self {
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
                    && cat
                        .by_id(on)
                        .is_some_and(|d| super::frameworks::library_used(d, pre, file))
                {
                    idx.present.insert(on);
                }
            }
        }
        idx
    }
}

/// The nodes of one function body that deferred facts need, gathered by the main walk:
/// assignments, `global`, binders, returns and yields, `with` items and release-like calls.
/// Release calls and `with` items of nested functions are added (marked nested) when the walk
/// leaves them.
pub(super) struct BodyAcc<'t> {
    pub(super) owner: Node<'t>,
    pub(super) nodes: Vec<(Node<'t>, bool)>,
    /// A site of this function waits for its body facts.
    pub(super) pending: bool,
}

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn new(
        file: &'a SourceFile,
        cat: &'a LangCatalog,
        pre: Pre<'t>,
        flat: &'a Flat<'t>,
        root: Node<'t>,
    ) -> Self {
        let (mut file_kind, views_file) = file_kind(&file.rel);
        // An Alembic revision wherever it lives (`op` from `alembic`): run once by a migration.
        if file_kind == FileKind::Normal
            && (pre.module_reads_argv
                || pre.imports.values().any(|i| {
                    i.level == 0 && (i.path == "alembic.op" || i.path == "alembic.context")
                }))
        {
            file_kind = FileKind::Startup;
        }
        // A plugin its host loads from a scripts folder is not a script.
        let hosted_plugin = file_kind == FileKind::Startup && hosted_plugin(file, &pre);
        if hosted_plugin {
            file_kind = FileKind::Normal;
        }
        let mut release_names: HashSet<String> = cat.generic_release.iter().cloned().collect();
        for c in &cat.clients {
            release_names.extend(c.release.iter().cloned());
        }
        let facts = FileFacts {
            handler_refs: pre.handler_refs.clone(),
            imports: pre.project_imports.clone(),
            hosted_plugin,
            ..Default::default()
        };
        let on = OnIndex::build(cat, &pre, file);
        let rerun_script = pre.rerun_script && file_kind == FileKind::Normal;
        Walker {
            builders: HashMap::default(),
            body_stmts: Default::default(),
            handed_fns: HashSet::default(),
            file,
            src: file.text.as_ref(),
            cat,
            pre,
            flat,
            file_kind,
            views_file,
            frames: vec![Frame {
                node_id: root.id(),
                // A script the framework re-runs on every interaction: its top level runs per
                // rerun, like a request handler.
                scope: if rerun_script {
                    Scope {
                        kind: ScopeKind::Handler,
                        framework: Some("rerun".into()),
                        name: None,
                        span: None,
                    }
                } else {
                    Scope::module()
                },
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
            bodies: HashMap::default(),
            release_names,
            session_pending: Vec::new(),
            idents: Default::default(),
            indexes_imports: Default::default(),
            on,
            bound: HashMap::default(),
            local_bound: HashMap::default(),
            instances: HashMap::default(),
            per_element: HashMap::default(),
            factory_keys: HashSet::default(),
            config_pending: Vec::new(),
            url_fn_candidates: Vec::new(),
            facts,
        }
    }

    pub(super) fn top(&self) -> &Frame<'t> {
        // The module frame is never popped.
        &self.frames[self.frames.len() - 1]
    }

    pub(super) fn walk(&mut self, root: Node<'t>) {
        let flat = self.flat;
        flat.walk(root, |node, kind_id, entering| {
            if entering {
                self.path.push(node);
                self.enter(node, k_of(kind_id));
            } else {
                self.leave(node, k_of(kind_id));
                self.path.pop();
            }
        });
    }

    pub(super) fn enter(&mut self, node: Node<'t>, kind: K) {
        if self.has_errors && (node.is_error() || node.is_missing()) {
            self.facts.syntax_errors.push(span(node));
        }
        self.enter_outer_iterable(node);
        match kind {
            K::FunctionDef => self.enter_function(node),
            K::ClassDef => self.enter_class(node),
            K::Lambda => self.enter_lambda(node),
            K::Block => {
                if let Some(parent) = self.parent_of_current()
                    && matches!(parent.kind_name(), "for_statement" | "while_statement")
                    && parent.field("body") == Some(node)
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
                        framework: Some("startup".into()),
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

    pub(super) fn leave(&mut self, node: Node<'t>, kind: K) {
        if kind == K::Decorator {
            self.decorator_depth = self.decorator_depth.saturating_sub(1);
        }
        // `while`: a comprehension's outer iterable can itself open a frame on the same node.
        while self.frames.len() > 1 && self.top().node_id == node.id() {
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
    pub(super) fn record(&mut self, node: Node<'t>, kind: K) {
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
    pub(super) fn finish_body(&mut self, acc: BodyAcc<'t>) {
        // A module-level function that may return a URL (`def database_url(): return
        // os.environ["DATABASE_URL"]`): other modules build clients on its result.
        let at_module = self
            .flat
            .parent(acc.owner)
            .map(|p| {
                if p.kind_name() == "decorated_definition" {
                    self.flat.parent(p)
                } else {
                    Some(p)
                }
            })
            .is_some_and(|p| p.is_some_and(|p| p.kind_name() == "module"));
        let url_candidate = at_module
            && acc.owner.kind_name() == "function_definition"
            && acc
                .nodes
                .iter()
                .any(|(n, nested)| !nested && k(*n) == K::Return)
            && ["environ", "getenv", "://", "settings", "config"]
                .iter()
                .any(|w| text(acc.owner, self.src).contains(w));
        if url_candidate {
            self.url_fn_candidates.push(acc.owner);
        }
        if acc.pending || url_candidate {
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

    /// A loop body (`node`) of a loop that runs until the process stops: a `while` loop that
    /// neither breaks nor returns, or leaves only to end and serves after its last exit (one
    /// that leaves once it worked is a retry: `while True: try: engine = …; break`), or a `for` loop over a client this scope built (`for msg in consumer:`,
    /// `for m in pubsub.listen():`), which yields messages as they come.
    pub(super) fn runs_until_stopped(&self, node: Node<'t>) -> bool {
        let Some(parent) = self.parent_of_current() else {
            return false;
        };
        match parent.kind_name() {
            "while_statement" => super::loops::serves_until_stopped(node, self.src),
            // `async for changes in awatch(inbox):`: an async stream, consumed until the
            // process stops (as TS reads `for await`).
            "for_statement" if super::syntax::is_async_for(parent) => {
                !super::loops::leaves_loop(node)
            }
            "for_statement" => {
                let Some(iterable) = parent.field("right") else {
                    return false;
                };
                // The lines of standard input (`for raw in sys.stdin:`, a PowerDNS pipe backend
                // or a Squid helper fed one request per line): requests as they come, until EOF.
                let it = compact(text(iterable, self.src));
                if matches!(it.as_str(), "sys.stdin" | "sys.stdin.buffer")
                    || it.starts_with("fileinput.input(")
                    || it.starts_with("iter(sys.stdin.readline")
                {
                    return !super::loops::leaves_loop(node);
                }
                let Some(name) = super::syntax::iterated_name(iterable, self.src) else {
                    return false;
                };
                let fn_idx = self.top().fn_idx;
                let owner = self.top().owner;
                self.facts
                    .clients
                    .iter()
                    .any(|c| c.in_fn == fn_idx && c.binding.as_deref() == Some(name))
                    // Or over what a project function returned, a client by its name (`for msg
                    // in consumer:`), not a collection (`queues = selected_queues()`).
                    || (!plural(name)
                        && self
                            .pending
                            .iter()
                            .any(|p| p.owner == owner && p.key.as_deref() == Some(name)))
            }
            _ => false,
        }
    }

    pub(super) fn parent_of_current(&self) -> Option<Node<'t>> {
        let n = self.path.len();
        (n >= 2).then(|| self.path[n - 2])
    }

    pub(super) fn push_loop(&mut self, node: Node<'t>) {
        let top = self.top();
        // At module scope and in start-up code a loop usually runs once over a finite set; one
        // that runs until the process stops is what serves (`while True:` polling a queue,
        // `for msg in consumer:`): per iteration there too.
        let open = matches!(top.scope.kind, ScopeKind::Startup | ScopeKind::Module)
            && self.runs_until_stopped(node);
        // A fallback loop tries one way after another until one works (`for scraper in
        // scrapers: try: content = await scrape(scraper); break / except: continue`): it runs
        // as often as its function does, not once per item.
        // A reconnect loop's iteration lasts as long as the stream it consumes: what it builds
        // serves one connection, however many events come through it. A wait loop tries a
        // probe until it answers (`while …: if up(url): return True; time.sleep(0.5)`).
        let scope = if (top.scope.kind == ScopeKind::Function
            && !super::loops::is_fallback_loop(node)
            && !super::loops::is_reconnect_loop(node)
            && !super::loops::is_wait_loop(node, self.src))
            || open
        {
            Scope {
                kind: ScopeKind::Loop,
                framework: super::loops::finite_tag(self.parent_of_current(), open, self.src)
                    .or_else(|| self.items_tag(node, open)),
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

    pub(super) fn enter_lambda(&mut self, node: Node<'t>) {
        // `map(lambda t: …, xs)` runs per element: a loop.
        let n = self.path.len();
        let in_map = n >= 3
            && self.path[n - 2].kind_name() == "argument_list"
            && self.path[n - 3].kind_name() == "call"
            && self.path[n - 3]
                .field("function")
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

    pub(super) fn enter_class(&mut self, node: Node<'t>) {
        let src = self.src;
        let mut info = ClassInfo::default();
        if let Some(sup) = node.field("superclasses") {
            for b in named_children(sup) {
                info.dependency_base |= self.pre.dependency_base(b, src, self.file);
                if let Some(segs) = dotted(b, src)
                    && let Some(last) = segs.last()
                {
                    info.bases.push((*last).to_string());
                    // And what it inherits through classes of the file (`ReportHandler(BaseHandler)`).
                    if segs.len() == 1 {
                        info.bases.extend(self.pre.inherited_bases(last, src));
                    }
                }
            }
        }
        let name = node.field("name").map(|n| text(n, src)).unwrap_or("");
        info.name = name.to_string();
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

    pub(super) fn enter_function(&mut self, node: Node<'t>) {
        let src = self.src;
        let Some(name_node) = node.field("name") else {
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
            Some(p) if p.kind_name() == "decorated_definition" => named_children(p)
                .into_iter()
                .filter(|d| d.kind_name() == "decorator")
                .collect(),
            _ => Vec::new(),
        };
        let top = self.top();
        let class = top.class.clone();
        let parent_scope = top.scope.clone();
        let parent_fn = top.fn_idx;
        let top_level = top.top_level;
        let params: Vec<(&str, Node)> = node
            .field("parameters")
            .map(|p| param_names(p, src))
            .unwrap_or_default();
        let (kind, framework, mut guard) = self.classify(
            &name,
            &decorators,
            class.as_ref(),
            &parent_scope,
            top_level,
            &params,
        );
        let owner = top.owner;
        let (kind, framework) =
            self.settle_inferred(node, owner, &name, &parent_scope, kind, framework);
        if guard == Guard::None && memoized_by_dict(node, src) {
            guard = Guard::ModuleCache;
        }
        if guard == Guard::None
            && class.is_some()
            && super::syntax::hand_written_pool_method(node, src)
        {
            guard = Guard::Owner;
        }
        let scope = Scope {
            kind,
            framework: framework.map(std::sync::Arc::from),
            name: Some(name.as_str().into()),
            span: Some(span(name_node)),
        };
        let idx = self.facts.functions.len();
        // A static or class method of a module-level class is called by its class's name from
        // other modules (`ClientBuilder.build()`): it is exported, and owned by its class.
        let static_of = class
            .as_ref()
            .filter(|c| !c.name.is_empty() && parent_fn.is_none())
            .filter(|_| {
                decorators
                    .iter()
                    .any(|d| super::syntax::static_or_class_method(*d, src))
            })
            .map(|c| c.name.clone());
        // A class's `__init__` runs where the class is called (`ReceiptWriter(id)`): it goes
        // by the class's name in the call graph (its scope keeps `__init__`).
        let name = match class.as_ref() {
            Some(c) if name == "__init__" && !c.name.is_empty() => c.name.clone(),
            _ => name,
        };
        self.facts.functions.push(FnFact {
            name,
            span: span(name_node),
            exported: (top_level && class.is_none())
                || static_of.as_ref().is_some_and(|c| !c.starts_with('_')),
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
            method: is_method(node, self.flat),
            def_line: Some(line_start(src, node.start_byte())),
            owner: static_of,
            receiver: false,
            value_ref: false,
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
    pub(super) fn classify(
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
        let mut inferred_reg = false;
        // Decorated by a dependency's decorator that is none of the catalogue's neutral ones
        // (`@iterm2.StatusBarRPC` on a function nested in `main`): handed to the library.
        let mut dependency_decorated = false;
        let cli_modules: Vec<&str> = if decorators.is_empty() {
            Vec::new()
        } else {
            self.pre
                .inferred
                .cli_modules
                .iter()
                .map(String::as_str)
                .collect()
        };
        for d in decorators {
            let Some(expr) = d.named_child(0) else {
                continue;
            };
            let (callee, call) = if expr.kind_name() == "call" {
                (expr.field("function"), Some(expr))
            } else {
                (Some(expr), None)
            };
            let Some(segs) = callee.and_then(|c| dotted(c, src)) else {
                continue;
            };
            let Some(&last) = segs.last() else { continue };
            if !self.pre.inferred.not_methods.iter().any(|m| m == last)
                && !MEMO_DECORATORS.contains(&last)
                && self.dependency_decorator(*d)
            {
                dependency_decorated = true;
            }
            if MEMO_DECORATORS.contains(&last)
                || (last == "cached" && segs.len() == 1)
                || (segs.len() >= 2 && self.pre.rerun_cache.contains(last))
            {
                guard = Guard::Memo;
                continue;
            }
            if last == "fixture" {
                test = true;
                continue;
            }
            // A framework's registering decorator (the catalogue's `[[registration.decorators]]`:
            // Dash's `@callback`, discord.py's `@bot.command()`, nameko's `@rpc`).
            if let Some(def) = self.pre.framework_decorator(&segs, src) {
                // A receiver of a once-only signal (`@receiver(post_migrate)`) runs once.
                let once_signal = call
                    .and_then(|c| c.field("arguments"))
                    .and_then(|a| a.named_child(0))
                    .and_then(|a| dotted(a, src))
                    .and_then(|s| s.last().copied())
                    .is_some_and(|n| self.pre.reg_once.contains(n));
                // A reactive cell without inputs (`@app.cell def _():`) runs once.
                if once_signal
                    || def.reactive_params
                        && params.iter().all(|(n, _)| matches!(*n, "self" | "cls"))
                {
                    startup = true;
                } else {
                    handler = Some("event");
                }
                continue;
            }
            if segs.len() >= 2 && ROUTE_DECORATORS.contains(&last) {
                handler = Some(self.web_tag(last));
                continue;
            }
            // Litestar's and Bottle's bare route decorators (`@get("/users")`).
            if segs.len() == 1
                && ROUTE_DECORATORS.contains(&last)
                && let Some(fw) = BARE_ROUTE_FRAMEWORKS
                    .iter()
                    .find(|(m, _)| self.pre.imported_from(last, &[m]))
            {
                handler = Some(fw.1);
                continue;
            }
            if last == "view_config" && self.pre.imported_from(segs[0], &["pyramid"]) {
                handler = Some("pyramid");
                continue;
            }
            // Google Cloud Functions: `@functions_framework.http` / `.cloud_event` run per
            // invocation.
            if matches!(last, "http" | "cloud_event" | "typed")
                && self.pre.imported_from(segs[0], &["functions_framework"])
            {
                handler = Some("gcf");
                continue;
            }
            // Task queues whose functions run once per message.
            if let Some(fw) = TASK_DECORATORS
                .iter()
                .find(|(d, m)| last == *d && self.pre.imported_from(segs[0], &[m]))
            {
                handler = Some(fw.1);
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
            // A command-line framework's own decorator (click's `@command`, Cement's `@ex`):
            // the command runs once per invocation.
            if last == "on_event"
                || (last == "command" && segs.len() >= 2 && self.pre.imports_cli)
                || self.pre.imported_from(segs[0], &cli_modules)
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
            // Prefect tasks (`from prefect import task`, `@prefect.task`) run once per task
            // run, often many per flow.
            if last == "task" && self.pre.imported_from(segs[0], &["prefect"]) {
                handler = Some("prefect");
                continue;
            }
            if matches!(last, "shared_task" | "periodic_task")
                || (last == "task" && segs.len() >= 2)
            {
                // `@huey.task()` / `@huey.periodic_task()` on a `RedisHuey` instance.
                let huey = project.has_dep("huey") && !project.has_dep("celery");
                handler = Some(if huey { "huey" } else { "celery" });
                continue;
            }
            // A decorator that registers the function with something calling it once per event
            // (the catalogue's `[registration]`: `@client.event`, `@socketio.on("chat")`,
            // `@broker.subscriber("orders")`), unless for a once-only event.
            if segs.len() >= 2 && handler.is_none() && self.pre.reg_method(last) {
                let once = call.is_some_and(|c| {
                    call_args(c)
                        .0
                        .first()
                        .is_some_and(|a| self.pre.names_once_event(*a, src))
                });
                if !once {
                    handler = Some("event");
                    continue;
                }
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
            // A decorator the catalogue does not name with a registration's shape: a method of
            // an object given a key (`@broker.handle("orders")`, `@app.job("0 3 * * *")`) or
            // named for events (`@app.on_message(…)`, `@dp.message_handler(…)`).
            if segs.len() >= 2 && self.pre.inferred_decorator(&segs, call, src)
                || segs.len() == 1 && self.pre.inferred_bare_decorator(last, call, src, self.file)
            {
                inferred_reg = true;
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
            // A console script's function (`[project.scripts] app = "app.cli:run"`).
            || (class.is_none()
                && top_level
                && self.file.project.entry_points.iter().any(|(m, f)| {
                    f == name && crate::project::is_python_module(&self.file.rel, m)
                }))
            || (name == "ready"
                && class.is_some_and(|c| c.bases.iter().any(|b| b.ends_with("AppConfig"))))
            // Handed to a command-line framework: `fire.Fire(GraphOps)` runs one method.
            || (top_level && class.is_none() && self.pre.cli_entries.contains(name))
            || class.is_some_and(|c| {
                self.pre.cli_entries.contains(&c.name)
                    || (self.pre.cli && self.pre.main_called.contains(&c.name))
            })
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
        // An instance registered with something that calls its public methods per request
        // (the catalogue's `[registration] instance_functions`: gRPC servicers).
        if let Some(c) = class
            && !name.starts_with('_')
            && self.pre.registered_classes.contains(&c.name)
        {
            return (ScopeKind::Handler, Some("route"), guard);
        }
        // A callable object a server calls per request (the catalogue's `[registration]
        // call_signatures`: Django middleware's `__call__(self, request)`, ASGI's `scope,
        // receive, send`).
        if class.is_some()
            && name == "__call__"
            && self.pre.call_signatures.iter().any(|sig| {
                !sig.is_empty()
                    && non_self.len() >= sig.len()
                    && sig.iter().zip(&non_self).all(|(a, b)| a == b)
            })
        {
            return (ScopeKind::Handler, None, guard);
        }
        // A class a framework builds anew for every call of the methods it registers (the
        // catalogue's `per_call_instance`: nameko services): its `__init__` runs per call.
        if let Some(c) = class
            && name == "__init__"
            && self.pre.per_call_classes.contains(&c.name)
        {
            return (ScopeKind::Handler, Some("per-call"), guard);
        }
        // A subclass of a base the framework instantiates per call (the catalogue's
        // `per_call_bases`: Label Studio's `LabelStudioMLBase`): its initialisers run per call.
        // The base may be named through its module (`flx.PyWidget` after `from flexx import flx`).
        if let Some(c) = class
            && matches!(name, "__init__" | "setup" | "init")
            && self.cat.registration.per_call_bases.iter().any(|b| {
                b.split_once(':').is_some_and(|(module, base)| {
                    c.bases.iter().any(|x| {
                        (x == base
                            && (self.pre.imported_from(base, &[module])
                                || self.base_through_module(&c.name, base, module)))
                            || x.strip_suffix(base)
                                .and_then(|r| r.strip_suffix('.'))
                                .is_some_and(|r| {
                                    let root = r.split('.').next().unwrap_or(r);
                                    self.pre.imported_from(root, &[module])
                                })
                    })
                })
            })
        {
            return (ScopeKind::Handler, Some("per-call"), guard);
        }
        if let Some(c) = class
            && (c
                .bases
                .iter()
                .any(|b| TORNADO_HANDLERS.iter().any(|t| b.ends_with(t))))
            && (CBV_METHODS.contains(&name) || TORNADO_METHODS.contains(&name))
        {
            return (ScopeKind::Handler, Some("tornado"), guard);
        }
        // Django Channels consumers: one instance per connection, its methods run per message
        // (`connect` / `disconnect` once per connection: what `connect` keeps on `self` and
        // `disconnect` closes lives as long as the socket).
        if let Some(c) = class
            && !name.starts_with("__")
            && !CHANNELS_CONNECTION_METHODS.contains(&name)
            && c.bases
                .iter()
                .any(|b| CHANNELS_CONSUMERS.iter().any(|t| b.ends_with(t)))
            && (self.pre.imports_from_module(&["channels"]) || project.has_dep("channels"))
        {
            return (ScopeKind::Handler, Some("channels"), guard);
        }
        // Falcon resources: plain classes whose `on_get` / `on_post_item` … the router calls.
        if class.is_some()
            && FALCON_RESPONDERS
                .iter()
                .any(|r| name == *r || name.strip_prefix(r).is_some_and(|s| s.starts_with('_')))
            && (self.pre.imported_from("falcon", &["falcon"]) || project.has_dep("falcon"))
        {
            return (ScopeKind::Handler, Some("falcon"), guard);
        }
        // Django builds a class-based view anew for every request (`as_view()`), so its
        // `__init__` and `setup` run per request too.
        let django_init = matches!(name, "__init__" | "setup") && project.has_dep("django");
        if let Some(c) = class
            && (CBV_METHODS.contains(&name) || django_init)
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
            if let Some(fw) = tag
                && (!django_init || CBV_METHODS.contains(&name) || fw == "django")
            {
                return (ScopeKind::Handler, Some(fw), guard);
            }
        }
        if non_self.len() == 2 && non_self[0] == "event" && non_self[1] == "context" {
            return (ScopeKind::Handler, Some("lambda"), guard);
        }
        if inferred_reg {
            return (ScopeKind::Handler, Some(INFERRED), guard);
        }
        if class.is_some_and(|c| self.dependency_callback(c, name, decorators))
            || (class.is_none() && top_level && self.host_hook(name, decorators))
        {
            return (ScopeKind::Handler, Some(INFERRED), guard);
        }
        // A function nested in start-up code and handed to a library by its decorator runs
        // when the library calls it, not once with the start-up code.
        if parent.kind == ScopeKind::Startup && !top_level && dependency_decorated {
            return (ScopeKind::Function, None, guard);
        }
        // A function defined at the top of a re-run script runs when it is called (the call
        // graph follows the calls its top level makes on each rerun), not on its own.
        if matches!(
            parent.kind,
            ScopeKind::Handler | ScopeKind::Startup | ScopeKind::Test
        ) && !(top_level && parent.framework() == "rerun")
        {
            return (
                parent.kind,
                parent.framework.as_deref().map(static_tag),
                guard,
            );
        }
        (ScopeKind::Function, None, guard)
    }

    /// The framework of a route decorator `@x.<method>(…)`.
    pub(super) fn web_tag(&self, method: &str) -> &'static str {
        // The file's own imports decide when they name exactly one of the two.
        match (self.pre.imports_fastapi, self.pre.imports_flask) {
            (true, false) => return "fastapi",
            (false, true) => return "flask",
            _ => {}
        }
        let project = &self.file.project;
        let fastapi = project.has_dep("fastapi") || project.has_dep("starlette");
        let flask = project.has_dep("flask") || project.has_dep("quart");
        if !fastapi && !flask {
            // aiohttp's `@routes.get`, Sanic's and Quart's `@app.get` / `@bp.route`: the file's
            // imports first, then the project's dependencies.
            if self.pre.imports_aiohttp {
                return "aiohttp";
            }
            let tags = ["sanic", "quart"];
            if let Some(fw) = tags
                .into_iter()
                .find(|d| self.pre.imports_from_module(&[d]))
                .or_else(|| tags.into_iter().find(|d| project.has_dep(d)))
            {
                return fw;
            }
        }
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
}

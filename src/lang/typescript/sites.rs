//! Client construction sites: what a `new`/call builds, where its value goes (returned, stored,
//! cached, passed), guards and early returns, and resolution through helpers.

use super::*;

/// How far [`Walker::early_return_guard`] climbs from a construction.
const MAX_GUARD_LEVELS: usize = 200;

impl<'a, 't> Walker<'a, 't> {
    // -------------------------------------------------------------------- names and targets

    pub(super) fn is_local(&self, name: &str) -> bool {
        self.frames[1..]
            .iter()
            .any(|f| f.locals.iter().any(|l| l == name))
    }

    /// Is `name` a variable of an enclosing function (not this one's), assigned from a plain
    /// function (not a handler): state the closure keeps between calls (`let pool` of a
    /// plugin factory, filled by its `start()` and ended by its `stop()`).
    fn is_captured_var(&self, name: &str) -> bool {
        let n = self.frames.len();
        n > 2
            && self.ctx().scope.kind == ScopeKind::Function
            && !self.frames[n - 1].locals.iter().any(|l| l == name)
            && self.frames[1..n - 1]
                .iter()
                .any(|f| f.locals.iter().any(|l| l == name))
    }

    pub(super) fn is_module_var(&self, name: &str) -> bool {
        self.pre.module_vars.contains(name) && !self.is_local(name)
    }

    /// Is `name` a parameter of a plain function (not a handler) that the walk is in: an
    /// object its caller hands over (`(app) => { app.set("db", knex(config)) }`, a Feathers
    /// `app.configure` function, a plugin's setup). What is stored on it is the caller's.
    fn is_owner_param(&self, name: &str) -> bool {
        self.frames.len() > 1
            && self.ctx().scope.kind == ScopeKind::Function
            // (Its own or an enclosing function's: `.then((client) => { logger.client = client
            // })` inside `connect(logger)`.)
            && self.frames[1..]
                .iter()
                .any(|f| f.params.iter().any(|p| p == name))
    }

    pub(super) fn is_global(&self, name: &str) -> bool {
        (GLOBALS.contains(&name) && !self.is_local(name)) || self.pre.global_aliases.contains(name)
    }

    /// What kind of state an assignment target (or a `??` left operand) is.
    pub(super) fn classify_target(&self, n: Node) -> Guard {
        let src = self.src;
        let n = unwrap_value(n);
        let in_fn = self.frames.len() > 1;
        match n.kind_name() {
            "identifier" => {
                let name = text(n, src);
                if in_fn && self.is_module_var(name) {
                    Guard::ModuleCache
                } else if self.is_captured_var(name) {
                    Guard::Owner
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
                while matches!(
                    root.kind_name(),
                    "member_expression" | "subscript_expression"
                ) {
                    match field(root, "object") {
                        Some(o) => root = unwrap_value(o),
                        None => return Guard::None,
                    }
                }
                match self.this_or_kind(root) {
                    // On the instance, built once per instance: unless the instance itself is
                    // built per request (a request-scoped provider's constructor).
                    "this"
                        if self.ctx().scope.kind == ScopeKind::Handler
                            && self.ctx().scope.name.as_deref() == Some("constructor") =>
                    {
                        Guard::None
                    }
                    "this" => Guard::Owner,
                    "identifier" => {
                        let name = text(root, src);
                        if self.is_global(name) {
                            Guard::GlobalCache
                        } else if obj.kind_name() == "identifier"
                            && self.pre.module_classes.contains(name)
                            && !self.is_local(name)
                        {
                            // `Db.#client = new PrismaClient()`: a static field, filled once.
                            Guard::ModuleCache
                        } else if prop == Some("current")
                            && obj.kind_name() == "identifier"
                            && !self.is_module_var(name)
                        {
                            Guard::Memo
                        } else if in_fn && self.is_module_var(name) {
                            Guard::ModuleCache
                        } else if in_fn
                            && !self.is_local(name)
                            && self.pre.imports.contains_key(name)
                        {
                            // An object another module shares (`api.mongo = …` on Actionhero's
                            // `api`): kept there for every module that imports it.
                            Guard::ModuleCache
                        } else if self.is_owner_param(name) {
                            Guard::Owner
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

    /// Is `callee` a React state setter: named as React's convention names one (`setSocket`),
    /// and neither a function of this file nor an import (so: destructured from a hook,
    /// `const [socket, setSocket] = useState(…)`)?
    pub(super) fn is_state_setter(&self, callee: Node<'t>) -> bool {
        let name = text(callee, self.src);
        callee.kind_name() == "identifier"
            && is_state_setter_name(name)
            && !self.pre.fn_names.contains(name)
            && !self.pre.imports.contains_key(name)
    }

    pub(super) fn call_expression(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let n = at.node;
        let Some(callee) = field(n, "function") else {
            return;
        };
        let callee_u = unwrap_value(callee);
        // A release written as a function of the value (`deleteApp(app)` in firebase-admin):
        // recorded as the method it stands for (`app.deleteApp`).
        // So is a helper named for one (`closeConnectionSafely(conn, "producer")`,
        // `disconnectDb(client)`): recorded as the release its name starts with.
        if callee_u.kind_name() == "identifier"
            && let Some(word) = release_word_of(text(callee_u, src), &self.release_words)
            && let Some(arg) = call_args(n).first().map(|a| unwrap_value(*a))
            && arg.kind_name() == "identifier"
        {
            let path = format!("{}.{word}", text(arg, src));
            self.frame().releases.push(path);
        }
        // A React state setter (`setSocket(socket)`, `setSession((old) => ({ socket }))`): the
        // component's state owns the value from then on (the next update or an unmount hook
        // closes it), as an owning object would.
        if self.is_state_setter(callee_u)
            && let Some(arg) = call_args(n).first().map(|a| unwrap_value(*a))
        {
            let mut roots = Vec::new();
            match arg.kind_name() {
                "arrow_function" | "function_expression" | "function" => {
                    for v in returned_values(arg) {
                        self.value_roots(v, &mut roots, 0);
                    }
                }
                _ => self.value_roots(arg, &mut roots, 0),
            }
            let frame = self.frame();
            for r in roots {
                frame.stores.push((r, Guard::Owner));
            }
        }
        if callee_u.kind_name() == "member_expression" {
            let prop = field(callee_u, "property")
                .map(|p| text(p, src))
                .unwrap_or("");
            if self.release_words.contains(prop)
                && let Some(path) = dotted_path(callee_u, src)
            {
                self.frame().releases.push(path);
            }
            // Handed to an imported library object that keeps it (`R.setup(knexInstance)`,
            // redbean-node's global), or to what a parameter holds (a DI container's
            // `container.register({ redis: asValue(connection) })`): that object owns it.
            if let Some(obj) = field(callee_u, "object").map(unwrap_value)
                && obj.kind_name() == "identifier"
                && ((self.pre.imports.contains_key(text(obj, src))
                    && !self.is_local(text(obj, src)))
                    || self.is_owner_param(text(obj, src)))
            {
                // (A callback it installs on that object, `api.use((req, res, next) => …)`,
                // keeps what it uses too; one it runs on an event or at shutdown only uses it.)
                let closures = matches!(prop, "use" | "register" | "decorate" | "provide");
                // (A shorthand in its options counts when what the call builds is kept on an
                // object: `this.pubsub = await KafkaPubSub.create({ kafka, topic })`; not when
                // it is only used, `https.get(url, { agent }, cb)`.)
                let kept = kept_on_object(n);
                let handed: Vec<String> = call_args(n)
                    .into_iter()
                    .flat_map(|a| {
                        let mut names = handed_names(a, src, closures);
                        if kept {
                            names.extend(shorthand_names(a, src));
                        }
                        names
                    })
                    .collect();
                self.frame().handed.extend(handed);
            }
            // Handed to an object the function built (`container.bind(T).toConstantValue(redis)`):
            // it goes wherever that object goes (`return container`).
            if let Some(root) = self.own_object(n) {
                let held: Vec<(String, String)> = call_args(n)
                    .into_iter()
                    .flat_map(|a| handed_names(a, src, false))
                    .filter(|h| h != root)
                    .map(|h| (root.to_string(), h))
                    .collect();
                self.frame().held.extend(held);
            }
            // (`store.setState({ socket })`: a module-level store, zustand's or Redux-like.)
            if matches!(prop, "set" | "push" | "add" | "unshift" | "setState")
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
        if let Some(m) = self.curried_construction(callee_u) {
            self.add_client(at, callee_u, m, false);
            return;
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
                let (name, ok) = match callee_u.kind_name() {
                    "identifier" => (
                        export_name(&path, text(callee_u, src)).to_string(),
                        !path.contains('.'),
                    ),
                    // `require("./boot/patch")()`: the module's default export.
                    "call_expression" => ("default".to_string(), true),
                    _ => {
                        let prop = field(callee_u, "property")
                            .map(|p| text(p, src))
                            .unwrap_or("");
                        let one_level = field(callee_u, "object")
                            .is_some_and(|o| unwrap_value(o).kind_name() == "identifier");
                        (prop.to_string(), one_level)
                    }
                };
                if ok && !name.is_empty() {
                    self.add_call(at, callee_u, name, Some(module_ref));
                }
            }
            return;
        }
        if self.dispatch_call(at, callee_u) {
            return;
        }
        if callee_u.kind_name() == "identifier" {
            let name = text(callee_u, src);
            if self.pre.fn_names.contains(name) && name != "require" {
                self.add_call(at, callee_u, name.to_string(), None);
            }
        } else {
            self.method_call(at, callee_u);
        }
    }

    /// `this.clients`, `cache`, `globalThis.clients`: the state a `.set(…)` stores into.
    pub(super) fn classify_target_object(&self, obj: Node) -> Guard {
        let obj = unwrap_value(obj);
        match obj.kind_name() {
            "identifier" => {
                let name = text(obj, self.src);
                if self.is_global(name) {
                    Guard::GlobalCache
                } else if self.frames.len() > 1 && self.is_module_var(name) {
                    Guard::ModuleCache
                } else if self.is_owner_param(name) {
                    // `app.set("postgresqlClient", db)` on the app the caller passed in
                    Guard::Owner
                } else if self.ctx().scope.kind == ScopeKind::Loop {
                    // A loop of a plain function that fills a list kept beyond it (`for (…) {
                    // workers.push(new Worker(…)) }` at start-up): N clients on purpose, each
                    // kept, not one per iteration thrown away.
                    Guard::Owner
                } else {
                    Guard::None
                }
            }
            _ => self.classify_target(obj),
        }
    }

    pub(super) fn add_client(
        &mut self,
        at: At<'_, 't>,
        callee: Node<'t>,
        m: CtorMatch<'_>,
        is_new: bool,
    ) {
        let src = self.src;
        let def = m.client;
        let n = at.node;
        if !def.per_user_options.is_empty() && self.passes_option(n, &def.per_user_options) {
            return;
        }
        // Handed a client it reuses (`new Queue(name, { connection })`): it opens nothing.
        if let Some(b) = &def.borrows
            && self.borrowed_option(n, &b.keyword)
        {
            return;
        }
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
            guard = self.early_return_guard(at, root, &def.registry);
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
        // Kept on the instance by its constructor and ended by one of its methods
        // (`this._client = new pg.Client(…)`, `await this._client.end()` in `runQuery`'s
        // `finally`): the instance releases it.
        let released_by_instance = guard == Guard::Owner
            && ctx.scope.name.as_deref() == Some("constructor")
            && instance_releases(at, src, &def.release);
        let site = ClientSite {
            client: def.id.clone(),
            family: def.family.clone(),
            kind: def.kind,
            ctor,
            span: span(n),
            scope: ctx.scope.clone(),
            guard,
            binding: vc.binding.clone(),
            released: vc.using || released_by_instance,
            handed: false,
            returned: vc.returned,
            in_fn: ctx.fn_idx,
            per_call_ok: m.ctor.per_call_ok,
            fallback_param: None,
            needs_param: None,
            serves_loop: false,
            session_loop: vc
                .binding
                .as_deref()
                .is_some_and(|b| self.serves_open_loop(n, b)),
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
        let extra_roots = (callee.kind_name() == "member_expression" && !is_new)
            .then(|| root.map(String::from))
            .flatten()
            .or_else(|| vc.holder.clone())
            .into_iter()
            .chain(vc.delivered.iter().cloned())
            .collect();
        let r = SiteRef::Client(self.facts.clients.len() - 1);
        let held_by = vc.held_by.clone();
        self.frame().own.push(Site {
            r,
            extra_roots,
            held_by,
        });
    }

    /// Is `binding`, built at `site`, used by a loop of the function around it that starts after
    /// it and runs until stopped (`while (!stopping) { await mz.query("FETCH …") }`)? The function
    /// then holds one session on it.
    fn serves_open_loop(&self, site: Node<'t>, binding: &str) -> bool {
        let Some(body) = fn_body_of(site) else {
            return false;
        };
        let loops = self
            .open_loops
            .borrow_mut()
            .entry(body.id())
            .or_insert_with(|| std::rc::Rc::new(super::loops::open_loops(body, self.src)))
            .clone();
        loops
            .iter()
            .any(|(start, names)| *start >= site.end_byte() && names.contains(binding))
    }

    pub(super) fn args_are_static(&self, n: Node) -> bool {
        if self.frames.len() == 1 {
            return true;
        }
        let Some(args) = field(n, "arguments") else {
            return true;
        };
        let mut ok = true;
        traverse_flat(self.pre.flat, args, |a, entering| {
            let k = a.node;
            if !entering || !ok {
                return;
            }
            match k.kind_name() {
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

    /// `if (cached) return cached;` / `if (isConnected) return;` before the construction in
    /// the same function, or an `if` around it testing such state: state that makes it run once.
    /// At most [`MAX_GUARD_LEVELS`] levels up.
    pub(super) fn early_return_guard(
        &self,
        at: At<'_, 't>,
        ctor_root: Option<&str>,
        registry: &[String],
    ) -> Guard {
        let src = self.src;
        let mut cur = at;
        // A guard sits a few levels above the construction; a climb through thousands of
        // levels (a sum of 5,000 terms) is not looking at one any more.
        let mut levels = 0;
        while let Some(p) = cur.up() {
            levels += 1;
            if levels > MAX_GUARD_LEVELS || (is_fn_kind(p.node.kind_name()) && !is_iife(p, src)) {
                break;
            }
            // `getApps().length ? getApp() : initializeApp(config)`, `getApps()[0] ??
            // initializeApp(config)`: the library's registry is read first.
            let test = match p.node.kind_name() {
                "ternary_expression" => field(p.node, "condition"),
                "binary_expression"
                    if field(p.node, "right").is_some_and(|r| r.id() == cur.node.id()) =>
                {
                    field(p.node, "left")
                }
                _ => None,
            };
            if !registry.is_empty()
                && let Some(cond) = test
                && self.condition_guard(cond, None, registry) == Guard::SingletonApi
            {
                return Guard::SingletonApi;
            }
            // `if (mongoose.connection.readyState === 0) await mongoose.connect(uri);`
            if p.node.kind_name() == "if_statement"
                && is_field(p.node, "consequence", cur.node)
                && field(p.node, "alternative").is_none()
                && let Some(cond) = field(p.node, "condition")
            {
                let g = self.condition_guard(cond, ctor_root, registry);
                if g != Guard::None {
                    return g;
                }
                if fills_missing_key(cond, cur.node, src) {
                    return Guard::Memo;
                }
            }
            if p.node.kind_name() == "statement_block" {
                for &st in self.early_returns_of(p.node).iter() {
                    if st.id() == cur.node.id() || st.start_byte() >= cur.node.start_byte() {
                        break;
                    }
                    if let Some(cond) = field(st, "condition") {
                        let g = self.condition_guard(cond, ctor_root, registry);
                        if g != Guard::None {
                            return g;
                        }
                        if once_flag(p.node, st, cond, cur.node, src) {
                            return Guard::Memo;
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
    pub(super) fn early_returns_of(&self, block: Node<'t>) -> std::rc::Rc<[Node<'t>]> {
        if let Some(known) = self.early_returns.borrow().get(&block.id()) {
            return known.clone();
        }
        let list: std::rc::Rc<[Node<'t>]> = named_kids(block)
            .into_iter()
            .filter(|st| {
                st.kind_name() == "if_statement"
                    && field(*st, "alternative").is_none()
                    && field(*st, "consequence").is_some_and(|c| match c.kind_name() {
                        "return_statement" => true,
                        "statement_block" => named_kids(c)
                            .last()
                            .is_some_and(|l| l.kind_name() == "return_statement"),
                        _ => false,
                    })
            })
            .collect();
        self.early_returns
            .borrow_mut()
            .insert(block.id(), list.clone());
        list
    }

    /// `Queue.instance` or `Queue.instances.has(k)` where `Queue` is a class of this module: a
    /// static field read (not a static method call such as `Queue.isValid(x)`).
    pub(super) fn is_static_field_read(&self, ident: Node, name: &str) -> bool {
        if !self.pre.module_classes.contains(name) || self.is_local(name) {
            return false;
        }
        let Some(member) = ident.parent().filter(|p| {
            p.kind_name() == "member_expression"
                && field(*p, "object").is_some_and(|o| o.id() == ident.id())
        }) else {
            return false;
        };
        !member.parent().is_some_and(|c| {
            c.kind_name() == "call_expression"
                && field(c, "function").is_some_and(|f| f.id() == member.id())
        })
    }

    pub(super) fn condition_guard(
        &self,
        cond: Node,
        ctor_root: Option<&str>,
        registry: &[String],
    ) -> Guard {
        let src = self.src;
        let mut guard = Guard::None;
        traverse_flat(self.pre.flat, cond, |a, entering| {
            let k = a.node;
            if !entering || guard != Guard::None {
                return;
            }
            match k.kind_name() {
                // `if (this.client) return this.client`, `if (this.connected) return`: state of
                // the instance the class assigns (not `this.bot.username`, a comparison).
                // (Not `if (!this.pool) return`: the work waits for the state, it does not
                // reuse it.)
                "this" if self.this_state(k) && !negated(k, src) => guard = Guard::Owner,
                // `admin.apps.length`: the registry read as a property of the library.
                "property_identifier" if registry.iter().any(|r| r == text(k, src)) => {
                    guard = Guard::SingletonApi;
                }
                // `message.u._id === botUserId`: data compared with data, not state tested.
                "identifier" if compared_with_data(self.pre.flat, k, src) => {}
                "identifier" => {
                    let name = text(k, src);
                    if registry.iter().any(|r| r == name) {
                        guard = Guard::SingletonApi;
                    } else if self.instances.contains_key(name) && !self.is_local(name) {
                        // A client the module holds (`if (await cooldowns.exists(key)) return`
                        // on a Redis client): data asked of a server, not state kept here.
                    } else if self.is_global(name) {
                        guard = Guard::GlobalCache;
                    } else if (self.is_module_var(name)
                        && (self.pre.assigned.contains(name)
                            || self.pre.cache_written.contains(name)))
                        || ctor_root == Some(name)
                        || self.is_static_field_read(k, name)
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

    pub(super) fn close_frame(&mut self, frame: &mut Frame) {
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
    pub(super) fn site_binding(&self, r: SiteRef) -> (Option<String>, Returned, Option<Links<'_>>) {
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

    pub(super) fn resolve_returned(&mut self, frame: &Frame, site: &Site) {
        let (binding, returned, known) = self.site_binding(site.r);
        if returned != Returned::No || frame.loop_cb {
            return;
        }
        let Some(b) = binding.or_else(|| site.held_by.clone()) else {
            return;
        };
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
        // (The objects it was handed to: returned with them.)
        let holders: Vec<&str> = frame
            .held
            .iter()
            .filter(|(_, v)| direct.contains(&v.as_str()))
            .map(|(h, _)| h.as_str())
            .collect();
        direct.extend(holders);
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
        // Built in a cached immediately invoked function: run once, on a miss; returned from
        // it, kept under its cache (`names ??= (async () => { const c = new Client(); …
        // return rows })()`).
        let guard = frame.iife_guard;
        if guard.is_some() {
            result = Returned::No;
        }
        match site.r {
            SiteRef::Client(i) => {
                if let Some(c) = self.facts.clients.get_mut(i) {
                    c.returned = result;
                    // Handed back from inside a loop of a plain function, the client ends the
                    // loop (`while (true) { const pool = new Pool(); try { …; return pool }
                    // catch { … } }`): a retry, built once per call, not once per iteration.
                    // (A loop that runs until the process stops never returns.)
                    if result == Returned::Direct && c.scope.kind == ScopeKind::Loop {
                        c.scope.kind = ScopeKind::Function;
                    }
                    if let Some(g) = guard {
                        c.guard = g;
                    }
                }
            }
            SiteRef::Call(i) => {
                if let Some(c) = self.facts.calls.get_mut(i) {
                    c.returned = result;
                    if let Some(g) = guard {
                        c.guard = g;
                    }
                }
            }
        }
    }

    pub(super) fn resolve_boundary(&mut self, frame: &Frame, site: &Site) {
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
        names.extend(site.extra_roots.iter().map(String::as_str));
        let release: Vec<&str> = match site.r {
            SiteRef::Client(i) => self
                .facts
                .clients
                .get(i)
                .and_then(|c| self.catalog.by_id(&c.client))
                .map(|d| d.release.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            SiteRef::Call(_) => self
                .catalog
                .generic_release
                .iter()
                .map(String::as_str)
                .collect(),
        };
        let releases_in = |paths: &[String]| {
            names.iter().any(|n| {
                release.iter().any(|r| {
                    paths.iter().any(|p| {
                        p.len() == n.len() + 1 + r.len()
                            && p.starts_with(n)
                            && p.ends_with(r)
                            && p.as_bytes()[n.len()] == b'.'
                    })
                })
            })
        };
        let released = names.iter().any(|n| frame.handed.iter().any(|h| h == n))
            || releases_in(&frame.releases);
        // Ended by a closure handed back to the caller: the caller owns it from then on.
        let handed_back = releases_in(&frame.closers);
        let mut all: Vec<&str> = Vec::new();
        if let Some(b) = &binding {
            all.push(b.as_str());
            // (Not data read through it: `const stats = await client.db(d).collection(c)
            // .findOne(q)` kept on a parameter's page is a document, not the client.)
            let (_, _, known) = self.site_binding(site.r);
            let handle = |m: Option<&String>| match (m, known) {
                (Some(m), Some((selfm, handles))) if !selfm.is_empty() || !handles.is_empty() => {
                    selfm.contains(m) || handles.contains(m)
                }
                _ => true,
            };
            all.extend(
                frame
                    .aliases
                    .iter()
                    .filter(|a| &a.root == b && handle(a.method.as_ref()))
                    .map(|a| a.name.as_str()),
            );
        }
        // What holds it (a wrapper stored in a cache) keeps it.
        all.extend(site.extra_roots.iter().map(String::as_str));
        let store_guard = frame
            .stores
            .iter()
            .find(|(root, _)| all.contains(&root.as_str()))
            .map(|(_, g)| *g);
        match site.r {
            // A value derived from a client closed in the same function is data, not a handle.
            SiteRef::Client(i) => {
                if let Some(c) = self.facts.clients.get_mut(i) {
                    c.released |= released;
                    c.handed |= handed_back;
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
                    c.handed |= handed_back;
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
pub(super) type Links<'c> = (&'c [String], &'c [String]);

pub(super) fn tagged(kind: ScopeKind, fw: &str) -> Scope {
    Scope {
        kind,
        framework: Some(fw.into()),
        name: None,
        span: None,
    }
}

/// The scope of a loop body (or `map` callback) inside `outer`.
pub(super) fn loopify(outer: &Scope) -> Scope {
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
pub(super) fn statement_of<'t>(n: At<'_, 't>) -> Option<Node<'t>> {
    let mut cur = n;
    while let Some(p) = cur.up() {
        let k = p.node.kind_name();
        if k.ends_with("_statement") || k == "lexical_declaration" || k == "variable_declaration" {
            if let Some(e) = p.parent().filter(|e| e.kind_name() == "export_statement") {
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

pub(super) fn display_callee(t: &str) -> String {
    let compact: String = t.split_whitespace().collect();
    if compact.len() > 40 {
        compact.rsplit('.').next().unwrap_or(&compact).to_string()
    } else {
        compact
    }
}

/// Does the first argument have one of the shapes the constructor requires?
pub(super) fn first_arg_ok(ctor: &CtorDef, call: Node, src: &str) -> bool {
    if ctor.first_arg.is_empty() {
        return true;
    }
    let Some(first) = call_args(call).first().map(|a| unwrap_value(*a)) else {
        return false;
    };
    ctor.first_arg.iter().any(|shape| {
        if shape == "url" {
            match first.kind_name() {
                "string" | "template_string" => true,
                "member_expression" => {
                    let t = text(first, src);
                    t.starts_with("process.env") || t.starts_with("env.") || t.contains(".env.")
                }
                _ => false,
            }
        } else if let Some(key) = shape.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            first.kind_name() == "object"
                && named_kids(first).iter().any(|p| match p.kind_name() {
                    "pair" => field(*p, "key").and_then(|k| key_name(k, src)) == Some(key),
                    "shorthand_property_identifier" => text(*p, src) == key,
                    _ => false,
                })
        } else {
            false
        }
    })
}

/// The release a function's name stands for: the name itself (`deleteApp`), or its first
/// camelCase word (`closeConnectionSafely` → `close`).
fn release_word_of<'n>(name: &'n str, release_words: &HashSet<String>) -> Option<&'n str> {
    if release_words.contains(name) {
        return Some(name);
    }
    let first = name
        .find(|c: char| c.is_ascii_uppercase())
        .map_or(name, |i| &name[..i]);
    (first.len() < name.len() && release_words.contains(first)).then_some(first)
}

/// Is `ident` one side of an equality whose other side is not a literal (`message.u._id ===
/// botUserId`)? Such a test compares data; `state === "ready"` or `client == null` tests state.
fn compared_with_data<'t>(flat: &Flat<'t>, ident: Node<'t>, src: &str) -> bool {
    // (`seen.get(id) === fingerprint`: what a map holds for the key, compared with this
    // event's data, is a deduplication, not a cached client.)
    let mut ident = ident;
    if let Some(m) = flat.parent(ident).filter(|m| {
        m.kind_name() == "member_expression"
            && field(*m, "object").is_some_and(|o| o.id() == ident.id())
            && field(*m, "property").is_some_and(|p| text(p, src) == "get")
    }) && let Some(call) = flat.parent(m).filter(|c| {
        c.kind_name() == "call_expression"
            && field(*c, "function").is_some_and(|f| f.id() == m.id())
    }) {
        ident = call;
    }
    let Some(p) = flat
        .parent(ident)
        .filter(|p| p.kind_name() == "binary_expression")
    else {
        return false;
    };
    let op = field(p, "operator").map(|o| text(o, src)).unwrap_or("");
    if !matches!(op, "===" | "==" | "!==" | "!=") {
        return false;
    }
    let other = if field(p, "left").is_some_and(|l| l.id() == ident.id()) {
        field(p, "right")
    } else {
        field(p, "left")
    };
    other.map(unwrap_value).is_some_and(|o| {
        let literal = matches!(
            o.kind_name(),
            "string" | "number" | "true" | "false" | "null" | "undefined" | "template_string"
        ) || (o.kind_name() == "identifier" && text(o, src) == "undefined");
        !literal
    })
}

/// Is what the call returns (awaited or not) assigned to an object's member (`this.pubsub =
/// await KafkaPubSub.create({ … })`)?
fn kept_on_object(call: Node) -> bool {
    let mut cur = call;
    while let Some(p) = cur.parent() {
        match p.kind_name() {
            "await_expression" | "parenthesized_expression" => cur = p,
            "assignment_expression" => {
                return field(p, "right").is_some_and(|r| r.id() == cur.id())
                    && field(p, "left").is_some_and(|l| l.kind_name() == "member_expression");
            }
            _ => return false,
        }
    }
    false
}

/// `if (isRunning) return; isRunning = true;` before `at` in `block`: a flag the function tests
/// and then raises, so what follows runs once.
fn once_flag(block: Node, early: Node, cond: Node, at: Node, src: &str) -> bool {
    let flag = unwrap_value(cond);
    if !matches!(flag.kind_name(), "identifier" | "member_expression") {
        return false;
    }
    let flag = text(flag, src);
    named_kids(block)
        .into_iter()
        .skip_while(|s| s.id() != early.id())
        .take_while(|s| s.start_byte() < at.start_byte())
        .any(|s| {
            s.kind_name() == "expression_statement"
                && s.named_child(0).is_some_and(|e| {
                    e.kind_name() == "assignment_expression"
                        && field(e, "left").is_some_and(|l| text(l, src) == flag)
                        && field(e, "right").is_some_and(|r| text(r, src) == "true")
                })
        })
}

/// The body of the function around `n`, within 64 levels.
fn fn_body_of(n: Node<'_>) -> Option<Node<'_>> {
    let mut f = n.parent();
    for _ in 0..64 {
        let p = f?;
        if is_fn_kind(p.kind_name()) {
            return field(p, "body");
        }
        f = p.parent();
    }
    None
}

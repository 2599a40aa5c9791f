//! Where a construction's value goes: climbing to its statement, returns, stores, memo and
//! container guards, and finishing each function's body.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// Climb from the current call to its statement: binding, `with`, `return`, store targets.
    pub(super) fn climb(&self) -> Climb<'t> {
        self.climb_from(self.path.len())
    }

    /// [`Walker::climb`] from the ancestor `path[n - 1]` of the current node.
    pub(super) fn climb_from(&self, n: usize) -> Climb<'t> {
        let src = self.src;
        let mut c = Climb::default();
        let n = n.min(self.path.len());
        if n == 0 {
            return c;
        }
        let mut cur = self.path[n - 1];
        let mut direct = true;
        let mut container = false;
        // Through `X(...).attr`, `X(...).method(...)`, `X(...)[k]`: a value derived from the client.
        let mut derived = false;
        // ... and through a call on it (`X(...).get(u).json()`): data, not the client.
        let mut called = false;
        // The value of a keyword argument (`Repo(session=X())`), until its argument list.
        let mut kw_direct = false;
        // Where the class built on it (`Minio(http_client=PoolManager())`) is, in `path`.
        let mut ctor_at: Option<usize> = None;
        for i in (0..n - 1).rev() {
            let p = self.path[i];
            match p.kind_name() {
                "parenthesized_expression"
                | "await"
                | "conditional_expression"
                | "boolean_operator" => {}
                "attribute" if direct && !container && p.field("object") == Some(cur) => {
                    // `engine.connect().close()`: released where it is made.
                    if !derived
                        && p.field("attribute")
                            .is_some_and(|a| self.release_names.contains(text(a, src)))
                        && i > 0
                        && self.path[i - 1].kind_name() == "call"
                    {
                        c.released = true;
                    }
                    derived = true
                }
                "subscript" if direct && !container && p.field("value") == Some(cur) => {
                    derived = true
                }
                "call" if derived && direct && p.field("function") == Some(cur) => called = true,
                "tuple" | "list" | "expression_list" | "set" | "dictionary" => container = true,
                "pair" => {
                    if p.field("value") == Some(cur) {
                        container = true;
                    } else {
                        direct = false;
                    }
                }
                "as_pattern" => {
                    if direct
                        && !container
                        && !derived
                        && let Some(alias) = p.field("alias")
                    {
                        let mut names = HashSet::default();
                        bind_targets(alias, src, &mut names);
                        if names.len() == 1 {
                            let name = names.into_iter().next();
                            c.binding = name.clone();
                            c.key = name;
                        }
                    }
                }
                "with_item" => {
                    if direct && !container && !derived {
                        c.with_released = true;
                    }
                    direct = false;
                }
                "assignment" => {
                    if direct
                        && !container
                        && p.field("right") == Some(cur)
                        && let Some(left) = p.field("left")
                    {
                        match left.kind_name() {
                            "identifier" if derived => {
                                c.key = Some(text(left, src).to_string());
                                c.target = Some(left);
                                c.derived = true;
                            }
                            "identifier" => {
                                let name = text(left, src).to_string();
                                c.binding = Some(name.clone());
                                c.key = Some(name);
                                c.target = Some(left);
                            }
                            "attribute" | "subscript" => {
                                c.key = Some(compact(text(left, src)));
                                c.target = Some(left);
                                c.derived = derived;
                            }
                            // `self.engine, self.Session = make_session_factory(url)`.
                            "pattern_list" | "tuple_pattern" | "list_pattern" => {
                                c.target = Some(left);
                                c.derived = derived;
                            }
                            _ => {}
                        }
                    } else if direct
                        && container
                        && !derived
                        && p.field("right") == Some(cur)
                        && let Some(left) = p
                            .field("left")
                            .filter(|l| matches!(l.kind_name(), "attribute" | "subscript"))
                    {
                        // `self.conn = [boto3.client("s3")]`: a container kept on the object
                        // keeps what it holds.
                        c.target = Some(left);
                    }
                    direct = false;
                }
                "named_expression" => {
                    if direct
                        && !container
                        && !derived
                        && let Some(name) = p.field("name")
                    {
                        let name = text(name, src).to_string();
                        c.binding = Some(name.clone());
                        c.key = Some(name);
                    }
                    direct = false;
                }
                "return_statement" | "yield" => {
                    if c.returned == Returned::No {
                        c.returned = if direct && !derived {
                            Returned::Direct
                        } else if direct && called {
                            Returned::No
                        } else {
                            Returned::Derived
                        };
                        c.by_yield = p.kind_name() == "yield";
                    }
                }
                "keyword_argument" => {
                    kw_direct = direct && !container && !derived && p.field("value") == Some(cur);
                    direct = false;
                }
                "argument_list" => {
                    if (direct || kw_direct) && !container && !derived && i >= 1 {
                        let outer = self.path[i - 1];
                        // `Store(conn)`, or `cls(conn)` in a classmethod: the instance built
                        // keeps what it is given.
                        if outer.kind_name() == "call"
                            && let Some(f) = outer.field("function")
                            && let Some(segs) = dotted(f, src)
                            && (segs.as_slice() == ["cls"]
                                || segs.last().is_some_and(|l| class_like(l)))
                        {
                            c.ctor_arg = true;
                            ctor_at = Some(i);
                        }
                    }
                    kw_direct = false;
                    // `super().__init__(make_engine(url))`: the base class keeps it on the
                    // instance.
                    if direct && !container && !derived && i >= 1 {
                        let outer = self.path[i - 1];
                        if let Some(f) = outer.field("function").filter(|f| {
                            f.kind_name() == "attribute"
                                && f.field("attribute")
                                    .is_some_and(|a| text(a, src) == "__init__")
                        }) && let Some(o) = f.field("object").filter(|o| {
                            o.kind_name() == "call"
                                && o.field("function").is_some_and(|g| text(g, src) == "super")
                        }) {
                            c.store_recv = Some(o);
                        }
                    }
                    if direct && !container && i >= 1 {
                        let outer = self.path[i - 1];
                        if outer.kind_name() == "call"
                            && let Some(f) = outer.field("function")
                            && let Some(segs) = dotted(f, src)
                            && let Some(&last) = segs.last()
                        {
                            match last {
                                "enter_context" | "enter_async_context" if !derived => {
                                    c.with_released = true
                                }
                                "closing" | "aclosing" if !derived => c.released = true,
                                "setdefault" if segs.len() >= 2 => {
                                    let (positional, _) = call_args(outer);
                                    if positional.get(1) == Some(&cur) {
                                        c.store_recv = f.field("object");
                                    }
                                }
                                // `Base.__init__(self, engine)`: the base class keeps it on
                                // the instance.
                                "__init__" if segs.len() >= 2 && !derived => {
                                    let (positional, _) = call_args(outer);
                                    if let Some(first) = positional.first()
                                        && text(*first, src) == "self"
                                        && *first != cur
                                    {
                                        c.store_recv = Some(*first);
                                    }
                                }
                                // `setattr(context.user_data, "pool", make_pool())`: kept on
                                // the object, as `context.user_data.pool = make_pool()` is.
                                "setattr" if segs.len() == 1 => {
                                    let (positional, _) = call_args(outer);
                                    if positional.get(2) == Some(&cur) {
                                        c.store_recv = positional.first().copied();
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    direct = false;
                }
                "lambda" | "function_definition" | "class_definition" => direct = false,
                "block" | "module" => {
                    c.statement = Some(span(cur));
                    c.stmt = Some(cur);
                    break;
                }
                _ => direct = false,
            }
            cur = p;
        }
        if let Some(i) = ctor_at {
            c.owner_target = self.climb_from(i).target;
        }
        c
    }

    // -----------------------------------------------------------------------------------------
    // Deferred facts
    // -----------------------------------------------------------------------------------------

    pub(super) fn finalize(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let bodies = std::mem::take(&mut self.bodies);
        let empty = BodyInfo::default();
        for p in &pending {
            let info = bodies.get(&p.owner.id()).unwrap_or(&empty);
            let module = p.owner.kind_name() == "module";
            let (mut released, mut returned, mut guard, client_id) = match p.site {
                SiteRef::Client(i) => match self.facts.clients.get(i) {
                    Some(s) => (s.released, s.returned, s.guard, Some(s.client.clone())),
                    None => continue,
                },
                SiteRef::Call(i) => match self.facts.calls.get(i) {
                    Some(s) => (s.released, s.returned, s.guard, None),
                    None => continue,
                },
            };
            let is_release = |m: &str| match &client_id {
                _ if m == CLOSED => true,
                Some(id) if m == WITH => !self.cat.by_id(id).is_some_and(|c| c.with_keeps_open),
                None if m == WITH => true,
                Some(id) => self.cat.is_release(id, m),
                None => self.cat.generic_release.iter().any(|r| r == m),
            };
            let mut handed = false;
            if let Some(key) = p.key.as_deref() {
                if !released && !p.derived {
                    // Closed, or its release method handed to what runs it later
                    // (`atexit.register(pool.close)`).
                    released = info
                        .releases
                        .iter()
                        .chain(&info.release_refs)
                        .any(|(r, m)| r == key && is_release(m));
                }
                handed = !p.derived && info.handed.iter().any(|h| h == key);
                // Built once, then used by a `while` loop that follows it in the same function
                // (a worker thread's `session = requests.Session()` then `while not stop: …`):
                // it lives as long as the loop, which is the point.
                if !handed
                    && !released
                    && !module
                    && !p.derived
                    && p.scope_kind == ScopeKind::Function
                {
                    let at = match p.site {
                        SiteRef::Client(i) => self.facts.clients.get(i).map(|s| s.span.end),
                        SiteRef::Call(i) => self.facts.calls.get(i).map(|s| s.span.end),
                    };
                    handed = at.is_some_and(|at| self.kept_for_loop(p.owner, key, at));
                }
                if returned == Returned::No && !module {
                    let def = client_id.as_deref().and_then(|id| self.cat.by_id(id));
                    let owner_handles = def.map(|d| d.owner_handles.as_slice()).unwrap_or(&[]);
                    let handles = def.map(|d| d.handles.as_slice()).unwrap_or(&[]);
                    returned = match self.returned_of(info, key, owner_handles, handles) {
                        Returned::Direct if p.derived => Returned::Derived,
                        r => r,
                    };
                }
            }
            if guard == Guard::None && !module {
                if let Some(t) = p.target.or(p.owner_target) {
                    guard = self.target_guard(t, info, p.scope_kind);
                }
                if guard == Guard::None
                    && let Some(r) = p.store_recv
                {
                    guard = self.container_guard(r, info, p.scope_kind);
                }
                if guard == Guard::None
                    && let Some(key) = p.key.as_deref()
                {
                    let call_site = matches!(p.site, SiteRef::Call(_));
                    let handles = client_id
                        .as_deref()
                        .and_then(|id| self.cat.by_id(id))
                        .map(|d| d.handles.as_slice())
                        .unwrap_or(&[]);
                    guard = self.stored_guard(info, key, p.scope_kind, call_site, handles);
                }
                if guard == Guard::None {
                    let at = match p.site {
                        SiteRef::Client(i) => self.facts.clients.get(i).map(|s| s.span.start),
                        SiteRef::Call(i) => self.facts.calls.get(i).map(|s| s.span.start),
                    };
                    if at.is_some_and(|at| self.result_cached(p.owner, info, at)) {
                        guard = Guard::ModuleCache;
                    } else if let Some(g) = at.and_then(|at| self.flag_guard(p.owner, info, at)) {
                        guard = g;
                    }
                }
            }
            let args_static = module || p.args.is_none_or(|a| self.args_static(a, info));
            // (Read only for a closed site, the only kind `per-request-client` asks it of: a
            // walk of the function's body per site.)
            let serves_loop = released
                && !module
                && !p.derived
                && p.key.as_deref().is_some_and(|key| {
                    let at = match p.site {
                        SiteRef::Client(i) => self.facts.clients.get(i).map(|s| s.span.end),
                        SiteRef::Call(i) => self.facts.calls.get(i).map(|s| s.span.end),
                    };
                    at.is_some_and(|at| self.serves_loop(p.owner, key, at))
                });
            match p.site {
                SiteRef::Client(i) => {
                    if let Some(s) = self.facts.clients.get_mut(i) {
                        s.released = released;
                        s.handed = handed;
                        s.returned = returned;
                        s.guard = guard;
                        s.anchors.args_are_static = args_static;
                        s.serves_loop = serves_loop;
                        // Handed back from inside a loop of a plain function, the client ends
                        // the loop (`for attempt in range(10): engine = create_engine(url);
                        // try: …; return engine`): a retry, built once per call, not once per
                        // iteration. (A loop that runs until the process stops never returns.)
                        if returned == Returned::Direct && s.scope.kind == ScopeKind::Loop {
                            s.scope.kind = ScopeKind::Function;
                        }
                    }
                }
                SiteRef::Call(i) => {
                    let unguarded = released && self.release_unguarded(p, info);
                    if let Some(s) = self.facts.calls.get_mut(i) {
                        s.released = released;
                        s.release_unguarded = unguarded;
                        s.serves_loop = serves_loop;
                        s.handed = handed;
                        s.returned = returned;
                        s.guard = guard;
                    }
                }
            }
        }
        self.finish_configs(&bodies);
        self.finish_sessions(&bodies);
    }

    /// The body facts of a function (or the module) from the nodes the walk gathered:
    /// globals, locals, releases, returns, stores.
    pub(super) fn body_info(&self, owner: Node<'t>, nodes: &[(Node<'t>, bool)]) -> BodyInfo<'t> {
        let src = self.src;
        let mut info = BodyInfo {
            self_outlives_call: (owner.kind_name() == "function_definition"
                && owner
                    .field("name")
                    .is_some_and(|n| text(n, src) == "__call__"))
            .then(|| owner.start_byte()),
            ..BodyInfo::default()
        };
        if owner.kind_name() != "module"
            && let Some(params) = owner.field("parameters")
        {
            for (name, _) in param_names(params, src) {
                info.params.insert(name.to_string());
                info.locals.insert(name.to_string());
            }
        }
        for &(node, nested) in nodes {
            // ... or hands it to a call there (`TokenAuthMiddleware(app, client)` in a
            // PasteDeploy filter factory's `def _filter(app)`).
            if nested
                && k(node) == K::Call
                && let Some(args) = node.field("arguments")
            {
                for a in named_children(args) {
                    let a = match a.kind_name() {
                        "keyword_argument" => a.field("value").unwrap_or(a),
                        _ => a,
                    };
                    let name = text(a, src);
                    if a.kind_name() == "identifier"
                        && !info.params.contains(name)
                        && name != "self"
                        && !info.handed.iter().any(|h| h == name)
                    {
                        info.handed.push(name.to_string());
                    }
                }
            }
            match k(node) {
                // Used by a nested function (`@pgq.entrypoint("deliver") async def deliver(job):
                // … await http.post(…)`, `async with pool.acquire()`): the closure keeps the
                // client as long as whatever holds the closure, so the function hands it on.
                K::Attribute | K::Call
                    if nested
                        && let Some(root) = node
                            .field(if k(node) == K::Call {
                                "function"
                            } else {
                                "object"
                            })
                            .map(|f| match f.kind_name() {
                                "attribute" => f.field("object").unwrap_or(f),
                                _ => f,
                            })
                            .and_then(|o| root_ident(o, src))
                        && !info.params.contains(root)
                        && root != "self"
                        && !info.handed.iter().any(|h| h == root) =>
                {
                    info.handed.push(root.to_string());
                    if k(node) == K::Call {
                        self.scan_call(node, false, &mut info);
                    }
                }
                K::Call => self.scan_call(node, !nested, &mut info),
                K::WithItem => {
                    if let Some(v) = node.field("value") {
                        let v = if v.kind_name() == "as_pattern" {
                            v.named_child(0).unwrap_or(v)
                        } else {
                            v
                        };
                        let v = strip(v);
                        if matches!(k(v), K::Identifier | K::Attribute) {
                            info.releases
                                .push((compact(text(v, src)), WITH.to_string()));
                        }
                    }
                }
                _ if nested => {}
                K::Global => {
                    for c in named_children(node) {
                        if k(c) == K::Identifier {
                            info.globals.insert(text(c, src).to_string());
                        }
                    }
                }
                K::Assignment => {
                    if let (Some(l), Some(r)) = (node.field("left"), node.field("right")) {
                        info.assigns.push((l, r));
                        bind_targets(l, src, &mut info.locals);
                    }
                }
                K::BindsLeft => {
                    if let Some(l) = node.field("left") {
                        bind_targets(l, src, &mut info.locals);
                    }
                }
                K::AsPatternTarget => bind_targets(node, src, &mut info.locals),
                K::NamedExpr => {
                    if let Some(n) = node.field("name") {
                        info.locals.insert(text(n, src).to_string());
                    }
                }
                K::Return => {
                    let is_yield = node.kind_name() == "yield";
                    info.is_generator |= is_yield;
                    if let Some(v) = node.named_child(0) {
                        info.returns.push(v);
                        if is_yield {
                            info.yields.insert(v.id());
                        }
                    }
                }
                K::Attribute => {
                    if let (Some(obj), Some(attr)) = (node.field("object"), node.field("attribute"))
                    {
                        info.release_refs
                            .push((compact(text(obj, src)), text(attr, src).to_string()));
                    }
                }
                _ => {}
            }
        }
        for g in &info.globals {
            info.locals.remove(g);
        }
        info
    }

    pub(super) fn scan_call(&self, call: Node<'t>, top: bool, info: &mut BodyInfo<'t>) {
        let src = self.src;
        let Some(f) = call.field("function") else {
            return;
        };
        let method = match f.kind_name() {
            "attribute" => f.field("attribute").map(|a| text(a, src)),
            "identifier" => Some(text(f, src)),
            _ => None,
        };
        let Some(method) = method else { return };
        if top {
            self.scan_handed(call, f, info);
        }
        match method {
            "enter_context" | "enter_async_context" | "closing" | "aclosing" => {
                if let Some(arg) = call_args(call).0.first().map(|a| strip(*a))
                    && matches!(arg.kind_name(), "identifier" | "attribute")
                {
                    let how = if method.starts_with("enter") {
                        WITH
                    } else {
                        CLOSED
                    };
                    info.releases
                        .push((compact(text(arg, src)), how.to_string()));
                }
            }
            // `threading.Thread(target=run, args=(query, conn))`, `executor.submit(run, conn)`:
            // handed to another thread, which owns it from then on (closing it is its job).
            "Thread" | "Process" | "submit" | "run_in_executor" => {
                let (positional, keywords) = call_args(call);
                let mut handed: Vec<Node> = Vec::new();
                for (k, v) in keywords {
                    if matches!(text(k, src), "args" | "kwargs") {
                        handed.extend(match v.kind_name() {
                            "tuple" | "list" => named_children(v),
                            "dictionary" => named_children(v)
                                .into_iter()
                                .filter_map(|p| p.field("value"))
                                .collect(),
                            _ => vec![v],
                        });
                    }
                }
                if matches!(method, "submit" | "run_in_executor") {
                    handed.extend(positional.iter().skip(1).copied());
                }
                for v in handed {
                    let v = strip(v);
                    if v.kind_name() == "identifier" {
                        info.releases
                            .push((text(v, src).to_string(), CLOSED.to_string()));
                    }
                }
            }
            "setdefault" if top && f.kind_name() == "attribute" => {
                if let (Some(obj), Some(v)) = (f.field("object"), call_args(call).0.get(1)) {
                    info.stores.push((obj, *v));
                }
            }
            _ if top
                && f.kind_name() == "attribute"
                && self.cat.store_methods.iter().any(|m| m == method) =>
            {
                // (`clients.register(engine=engine)`, `attachments.store(ticket_id, …)`: a
                // function of a project module, which may keep a client it is given; what
                // another call returned, it keeps as data, not as a cache of that call.)
                let module_function = f.field("object").is_some_and(|o| {
                    o.kind_name() == "identifier"
                        && self
                            .pre
                            .project_target(&[text(o, src), method], self.file)
                            .is_some_and(|(_, m)| m.is_some())
                });
                if let Some(obj) = f.field("object") {
                    let (positional, keywords) = call_args(call);
                    for v in positional
                        .into_iter()
                        .chain(keywords.into_iter().map(|(_, v)| v))
                    {
                        if module_function {
                            info.module_stores.push((obj, v));
                        } else {
                            info.stores.push((obj, v));
                        }
                    }
                }
            }
            _ if f.kind_name() == "attribute" && self.release_names.contains(method) => {
                if let Some(obj) = f.field("object") {
                    info.releases
                        .push((compact(text(obj, src)), method.to_string()));
                }
                info.release_calls.push((call, !top));
            }
            // A project helper that closes what it is given (`_safe_close_session(session)` in
            // `finally`): named for a release, it releases its first argument.
            _ if super::sessions::releasing_helper(method) => {
                info.release_calls.push((call, !top));
            }
            _ => {}
        }
    }

    /// A call of the function's own body given one of its parameters (or something of one:
    /// `serverapp.web_app`, `self`) and local names (`setup_handlers(serverapp.web_app, pool,
    /// s3)`): the names go to what the caller gave, which keeps them. Not the function's own
    /// calls on the names themselves (`pool.execute(query, params)`), nor builtins.
    fn scan_handed(&self, call: Node<'t>, callee: Node<'t>, info: &mut BodyInfo<'t>) {
        let src = self.src;
        if callee.kind_name() == "identifier" && HANDED_NOT.contains(&text(callee, src)) {
            return;
        }
        let (positional, keywords) = call_args(call);
        let args: Vec<Node> = positional
            .into_iter()
            .chain(keywords.into_iter().map(|(_, v)| v))
            .map(strip)
            .collect();
        let root = |n: Node| root_ident(n, src);
        let receiver = match callee.kind_name() {
            "attribute" => callee.field("object").and_then(root),
            _ => None,
        };
        let is_param = |n: Node| {
            root(n).is_some_and(|r| {
                (info.params.contains(r) || r == "self" || r == "cls") && Some(r) != receiver
            })
        };
        // `super().__init__(boto3_client=client)`: the instance's base keeps it.
        let to_base = callee.kind_name() == "attribute"
            && callee
                .field("attribute")
                .is_some_and(|m| text(m, src) == "__init__")
            && callee.field("object").is_some_and(|o| {
                o.kind_name() == "call"
                    && o.field("function").is_some_and(|f| text(f, src) == "super")
            });
        let beside_param = to_base
            || args.iter().any(|a| is_param(*a))
            || receiver.is_some_and(|r| info.params.contains(r) || r == "self");
        if !beside_param {
            return;
        }
        for a in args {
            if a.kind_name() == "identifier"
                && !info.params.contains(text(a, src))
                && Some(text(a, src)) != receiver
            {
                info.handed.push(text(a, src).to_string());
            }
        }
    }

    /// Does the function hand `key` (or something derived from it) to its caller?
    pub(super) fn returned_of(
        &self,
        info: &BodyInfo<'t>,
        key: &str,
        owner_handles: &[String],
        handle_methods: &[String],
    ) -> Returned {
        if info.returns.is_empty() {
            return Returned::No;
        }
        let mut aliases: Vec<String> = vec![key.to_string()];
        let mut derived: Vec<String> = Vec::new();
        let mut handles: Vec<String> = Vec::new();
        for _ in 0..3 {
            let mut changed = false;
            for (l, r) in &info.assigns {
                if l.kind_name() != "identifier" {
                    continue;
                }
                let name = text(*l, self.src);
                if aliases.iter().chain(&derived).any(|a| a == name) {
                    continue;
                }
                if self.is_exact(*r, &aliases) {
                    aliases.push(name.to_string());
                    changed = true;
                } else if self.mentions(*r, &aliases) || self.mentions(*r, &derived) {
                    // A path into the client (`db = client.app`, `client["app"]`) is a handle;
                    // what a call gives (`r = client.get(url)`) is data.
                    if self.is_path(*r, &aliases)
                        || self.is_path(*r, &handles)
                        || self.is_owner_handle(strip(*r), &aliases, handle_methods)
                        || self.wraps(*r, &aliases)
                    {
                        handles.push(name.to_string());
                    }
                    derived.push(name.to_string());
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut best = Returned::No;
        for r in &info.returns {
            let v = strip(*r);
            if self.is_exact(v, &aliases) || self.is_owner_handle(v, &aliases, owner_handles) {
                return Returned::Direct;
            }
            if matches!(
                v.kind_name(),
                "tuple" | "list" | "expression_list" | "dictionary"
            ) {
                for el in named_children(v) {
                    let el = if el.kind_name() == "pair" {
                        el.field("value").unwrap_or(el)
                    } else {
                        el
                    };
                    if self.is_exact(strip(el), &aliases) {
                        return Returned::Direct;
                    }
                }
            }
            // A path into the client (`client["app"]`, `client.app`, a local bound to one) hands
            // it over; what a call on it gives (`client.app.find_one(…)`, `r = client.get(u)`;
            // `return r.text`) is data: the client is not returned.
            // An instance built on the client (`return cls(conn, http)`, `return Store(pool)`)
            // keeps it: the caller gets it with the instance.
            // (And a path into a handle: `client.get_default_database()["jobs"]`.)
            let mut base = v;
            while let Some(inner) = match base.kind_name() {
                "subscript" => base.field("value"),
                "attribute" => base.field("object"),
                _ => None,
            } {
                base = strip(inner);
            }
            if self.is_path(v, &aliases)
                || self.is_path(v, &handles)
                || self.is_owner_handle(v, &aliases, handle_methods)
                || (base != v && self.is_owner_handle(base, &aliases, handle_methods))
                || self.wraps(v, &aliases)
            {
                best = Returned::Derived;
            }
        }
        best
    }

    /// An object built with the client itself as an argument (`Wrapper(pool)`, or a class's
    /// constructor method: `FastMCP.from_openapi(client=client)`): it keeps the client.
    pub(super) fn wraps(&self, node: Node, names: &[String]) -> bool {
        self.built_on(node, names, true)
    }

    /// `conn.cursor()` for a client whose cursor keeps it (catalogue `owner_handles`); also a
    /// handle of a handle (`client.get_database_client(db).get_container_client(c)`).
    pub(super) fn is_owner_handle(&self, node: Node, names: &[String], methods: &[String]) -> bool {
        let mut n = node;
        for _ in 0..8 {
            let Some(f) = (n.kind_name() == "call")
                .then(|| n.field("function"))
                .flatten()
                .filter(|f| f.kind_name() == "attribute")
            else {
                return false;
            };
            if !f
                .field("attribute")
                .is_some_and(|m| methods.iter().any(|x| x == text(m, self.src)))
            {
                return false;
            }
            let Some(o) = f.field("object").map(strip) else {
                return false;
            };
            if self.is_exact(o, names) {
                return true;
            }
            n = o;
        }
        false
    }

    /// Is `node` one of `names`, or an attribute or subscript path into one (`client.app`,
    /// `client["app"].users`), with no call on the way?
    pub(super) fn is_path(&self, node: Node, names: &[String]) -> bool {
        let mut n = strip(node);
        for _ in 0..64 {
            if self.is_exact(n, names) {
                return true;
            }
            n = match n.kind_name() {
                "attribute" => match n.field("object") {
                    Some(o) => strip(o),
                    None => return false,
                },
                "subscript" => match n.field("value") {
                    Some(v) => strip(v),
                    None => return false,
                },
                _ => return false,
            };
        }
        false
    }

    pub(super) fn is_exact(&self, node: Node, names: &[String]) -> bool {
        let n = strip(node);
        matches!(n.kind_name(), "identifier" | "attribute" | "subscript") && {
            let t = text(n, self.src);
            names
                .iter()
                .any(|k| k == t || (t.len() > k.len() && compact(t) == *k))
        }
    }

    /// Does an identifier (or attribute path) in `names` occur under `node`?
    pub(super) fn mentions(&self, node: Node, names: &[String]) -> bool {
        if names.is_empty() {
            return false;
        }
        let mut cursor = node.walk();
        'outer: loop {
            let n = cursor.node();
            let field = cursor.field_name();
            if matches!(k(n), K::Identifier | K::Attribute)
                && field != Some("attribute")
                && field != Some("name")
            {
                let t = text(n, self.src);
                if names.iter().any(|k| k == t) {
                    return true;
                }
            }
            if !advance(&mut cursor) {
                break 'outer;
            }
        }
        false
    }

    /// The guard given by storing into `target` (`global X` name, `self.x`, module-level state).
    pub(super) fn target_guard(
        &self,
        target: Node<'t>,
        info: &BodyInfo<'t>,
        kind: ScopeKind,
    ) -> Guard {
        self.target_guard_at(target, info, kind, true)
    }

    /// [`Self::target_guard`]; `follow`: a local container bound once to state of a longer life
    /// (`clients = bot.memory["search"]`, then `clients[url] = client`) is that state.
    fn target_guard_at(
        &self,
        target: Node<'t>,
        info: &BodyInfo<'t>,
        kind: ScopeKind,
        follow: bool,
    ) -> Guard {
        let src = self.src;
        match target.kind_name() {
            // `self.engine, self.Session = make_session_factory(url)`: what the call gives is
            // kept where its elements go; the longest-lived of them counts.
            "pattern_list" | "tuple_pattern" | "list_pattern" => named_children(target)
                .into_iter()
                .map(|el| self.target_guard_at(el, info, kind, follow))
                .find(|g| *g != Guard::None)
                .unwrap_or(Guard::None),
            "identifier" => {
                if info.globals.contains(text(target, src)) {
                    Guard::ModuleCache
                } else {
                    Guard::None
                }
            }
            "attribute" | "subscript" => {
                let Some(root) = root_ident(target, src).or_else(|| container_root(target, src))
                else {
                    return Guard::None;
                };
                let per_request = matches!(kind, ScopeKind::Handler | ScopeKind::Loop);
                if root == "self" || root == "cls" {
                    // A `ThreadLocalSessionFactory.__call__` keeping its session on
                    // `self._local`, read first (`try: return self._local.session`): the
                    // object serves every request, and so does what it caches.
                    let cached_on_caller = info.self_outlives_call.is_some_and(|start| {
                        src.get(start..target.start_byte())
                            .is_some_and(|before| before.contains(text(target, src)))
                    });
                    if per_request
                        && !cached_on_caller
                        && !memo_tested(target, src)
                        && !self.released_by_sibling(target)
                    {
                        Guard::None
                    } else {
                        Guard::Owner
                    }
                } else if info.globals.contains(root)
                    || (!info.locals.contains(root)
                        && (self.pre.module_names.contains(root)
                            || self.pre.imports.contains_key(root)))
                {
                    Guard::ModuleCache
                } else if info.params.contains(root) && !per_request {
                    Guard::Owner
                } else if follow && info.locals.contains(root) {
                    let bound: Vec<Node> = info
                        .assigns
                        .iter()
                        .filter(|(l, _)| l.kind_name() == "identifier" && text(*l, src) == root)
                        .map(|(_, r)| strip(*r))
                        .collect();
                    match bound.as_slice() {
                        [r] if matches!(r.kind_name(), "attribute" | "subscript") => {
                            self.target_guard_at(*r, info, kind, false)
                        }
                        // `store = get_app_local_store()`, read (`store.get(key)`) before the
                        // client is stored there (`store[key] = client`): a store a getter
                        // keeps, used as a cache.
                        [r] if r.kind_name() == "call"
                            && !per_request
                            && r.field("function").is_some_and(|f| {
                                !matches!(
                                    text(f, src),
                                    "dict"
                                        | "list"
                                        | "set"
                                        | "defaultdict"
                                        | "OrderedDict"
                                        | "collections.defaultdict"
                                        | "collections.OrderedDict"
                                )
                            })
                            && src.get(r.end_byte()..target.start_byte()).is_some_and(
                                |between| {
                                    between.contains(&format!("{root}.get("))
                                        || between.contains(&format!("{root}["))
                                },
                            ) =>
                        {
                            Guard::ModuleCache
                        }
                        _ => Guard::None,
                    }
                } else {
                    Guard::None
                }
            }
            _ => Guard::None,
        }
    }

    /// Does a `while` loop among the function's statements after byte `at` use `key`?
    pub(super) fn kept_for_loop(&self, owner: Node<'t>, key: &str, at: u32) -> bool {
        let names = [key.to_string()];
        self.body_statements(owner)
            .iter()
            .filter(|st| st.start_byte() as u32 >= at)
            .any(|st| st.kind_name() == "while_statement" && self.mentions(*st, &names))
    }

    /// `{"archive": pool, "coordinator": c}`, `[pool]`, `(pool, redis)`: a literal holding the
    /// value itself, which keeps it where the literal is stored.
    pub(super) fn in_literal(&self, value: Node, names: &[String]) -> bool {
        let v = strip(value);
        match v.kind_name() {
            "dictionary" => named_children(v).iter().any(|p| {
                p.kind_name() == "pair" && p.field("value").is_some_and(|x| self.is_exact(x, names))
            }),
            "list" | "tuple" | "set" => named_children(v).iter().any(|x| self.is_exact(*x, names)),
            _ => false,
        }
    }

    /// `LightningStub(channel)`, `Repository(session=session)`: an object of a class built on the
    /// value, which keeps it (a gRPC stub keeps its channel).
    pub(super) fn wrapped_in_class(&self, value: Node, names: &[String]) -> bool {
        self.built_on(value, names, false)
    }

    /// A call of a class (`Wrapper(pool)`; with `constructor_methods`, also a class's method:
    /// `FastMCP.from_openapi(client=pool)`), or of a catalogue constructor (`sessionmaker(engine)`:
    /// a session factory keeps its engine), given one of `names` as an argument.
    fn built_on(&self, value: Node, names: &[String], constructor_methods: bool) -> bool {
        let v = strip(value);
        if v.kind_name() != "call" {
            return false;
        }
        let segs = v.field("function").and_then(|f| dotted(f, self.src));
        let ctor = segs.as_ref().is_some_and(|segs| match segs.as_slice() {
            [.., ty, _] if constructor_methods && class_like(ty) => true,
            // `cls(conn, http)` in a classmethod builds the class.
            [only] if *only == "cls" => true,
            [.., last] => class_like(last),
            [] => false,
        }) || segs
            .as_ref()
            .is_some_and(|segs| self.match_catalog(segs).is_some());
        let (positional, keywords) = call_args(v);
        // (Or inside a collection given: `Application(routes, resources={"engine": engine})`.)
        let held = |a: Node| {
            self.is_exact(a, names)
                || matches!(
                    strip(a).kind_name(),
                    "dictionary" | "list" | "tuple" | "set"
                ) && named_children(strip(a)).into_iter().any(|el| {
                    let el = if el.kind_name() == "pair" {
                        el.field("value").unwrap_or(el)
                    } else {
                        el
                    };
                    self.is_exact(el, names)
                })
        };
        ctor && positional
            .iter()
            .chain(keywords.iter().map(|(_, v)| v))
            .any(|a| held(*a))
    }

    /// The guard given by storing into the container `recv` (`_cache.setdefault(k, …)`).
    pub(super) fn container_guard(
        &self,
        recv: Node<'t>,
        info: &BodyInfo<'t>,
        kind: ScopeKind,
    ) -> Guard {
        // `super()`: the instance itself.
        let is_super = recv.kind_name() == "call"
            && recv
                .field("function")
                .is_some_and(|f| text(f, self.src) == "super");
        if recv.kind_name() != "identifier" && !is_super {
            return self.target_guard(recv, info, kind);
        }
        let name = if is_super {
            "self"
        } else {
            text(recv, self.src)
        };
        let module_level =
            self.pre.module_names.contains(name) || self.pre.imports.contains_key(name);
        if info.globals.contains(name) || (module_level && !info.locals.contains(name)) {
            Guard::ModuleCache
        } else if (name == "self" || name == "cls" || info.params.contains(name))
            && !matches!(kind, ScopeKind::Handler | ScopeKind::Loop)
        {
            Guard::Owner
        } else {
            Guard::None
        }
    }

    /// The guard given by later storing the binding: `_engines[k] = engine`, `self.x = engine`.
    pub(super) fn stored_guard(
        &self,
        info: &BodyInfo<'t>,
        key: &str,
        kind: ScopeKind,
        call_site: bool,
        handles: &[String],
    ) -> Guard {
        let names = [key.to_string()];
        for (l, r) in &info.assigns {
            // (Or a handle that shares the client's connections: `self.blob =
            // client.get_blob_client(…)` keeps `client`; catalogue `handles`.)
            if (l.kind_name() != "identifier" || info.globals.contains(text(*l, self.src)))
                && (self.is_exact(*r, &names)
                    || self.wrapped_in_class(*r, &names)
                    || self.in_literal(*r, &names)
                    || self.is_owner_handle(strip(*r), &names, handles))
                && compact(text(*l, self.src)) != key
            {
                let g = self.target_guard(*l, info, kind);
                if g != Guard::None {
                    return g;
                }
            }
        }
        let module_stores = if call_site {
            &[][..]
        } else {
            &info.module_stores[..]
        };
        for (recv, v) in info.stores.iter().chain(module_stores) {
            if self.is_exact(*v, &names) {
                // A loop of a plain function filling an object's container (`for _ in
                // range(self.min_size): self.pool.put(get_client())`) builds a pool: each
                // client is kept, not replaced at the next iteration.
                let kind = if kind == ScopeKind::Loop {
                    ScopeKind::Function
                } else {
                    kind
                };
                let g = self.container_guard(*recv, info, kind);
                if g != Guard::None {
                    return g;
                }
            }
        }
        Guard::None
    }

    /// No identifier in the arguments is a parameter or a local of the function.
    pub(super) fn args_static(&self, args: Node, info: &BodyInfo<'t>) -> bool {
        let mut cursor = args.walk();
        'outer: loop {
            let n = cursor.node();
            let field = cursor.field_name();
            if n.kind_name() == "identifier" && field != Some("attribute") && field != Some("name")
            {
                let t = text(n, self.src);
                if info.locals.contains(t) && !info.globals.contains(t) {
                    return false;
                }
            }
            if !advance(&mut cursor) {
                break 'outer;
            }
        }
        true
    }
}

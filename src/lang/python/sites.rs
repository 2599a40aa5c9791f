//! Client construction sites: catalogue matches, direct returns, loops around them, module
//! bindings and FastAPI `Depends` chains.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// FastAPI `Depends(f)` in a function's parameters (or its route decorator's
    /// `dependencies=[…]`), and parameters typed with an `Annotated[…, Depends(f)]` alias: calls of
    /// `f` from this function (FastAPI runs them per request).
    pub(super) fn depends_sites(
        &mut self,
        def: Node<'t>,
        decorators: &[Node<'t>],
        scope: &Scope,
        idx: usize,
    ) {
        let src = self.src;
        let mut found: Vec<(Node<'t>, Node<'t>, Option<String>)> = Vec::new(); // (site node, target expr, binding)
        if let Some(params) = def.field("parameters") {
            for (pname, pnode) in param_names(params, src) {
                for target in depends_calls(pnode, src) {
                    found.push((target.0, target.1, Some(pname.to_string())));
                }
                if !self.pre.dep_aliases.is_empty()
                    && let Some(ty) = pnode.field("type")
                {
                    let mut cursor = ty.walk();
                    'outer: loop {
                        let n = cursor.node();
                        if n.kind_name() == "identifier"
                            && let Some(targets) = self.pre.dep_aliases.get(text(n, src))
                        {
                            for t in targets {
                                found.push((ty, *t, Some(pname.to_string())));
                            }
                        }
                        if !advance(&mut cursor) {
                            break 'outer;
                        }
                    }
                }
            }
        }
        for d in decorators {
            for target in depends_calls(*d, src) {
                found.push((target.0, target.1, None));
            }
        }
        for (site, target, binding) in found {
            let Some(segs) = dotted(target, src) else {
                continue;
            };
            let Some((name, module)) = self.pre.project_target(&segs, self.file) else {
                continue;
            };
            self.facts.calls.push(CallSite {
                callee: compact(text(target, src)),
                name,
                module,
                span: span(site),
                scope: scope.clone(),
                guard: Guard::None,
                binding,
                released: false,
                release_unguarded: false,
                handed: false,
                returned: Returned::No,
                in_fn: Some(idx),
                method: false,
                receiver: None,
                fallback_param: None,
                needs_param: None,
                serves_loop: false,
                given: None,
                collected: false,
                first_arg: None,
            });
        }
    }

    pub(super) fn on_call(&mut self, call: Node<'t>) {
        self.note_handed_functions(call);
        self.runner_call(call);
        let src = self.src;
        let Some(func) = call.field("function") else {
            return;
        };
        let method = match k(func) {
            K::Attribute => func.field("attribute").map(|a| text(a, src)),
            K::Identifier => Some(text(func, src)),
            _ => None,
        };
        if method.is_some_and(|m| {
            self.release_names.contains(m)
                || super::sessions::releasing_helper(m)
                || (k(func) == K::Attribute && self.cat.store_methods.iter().any(|s| s == m))
                || matches!(
                    m,
                    "enter_context"
                        | "enter_async_context"
                        | "closing"
                        | "aclosing"
                        | "setdefault"
                        | "Thread"
                        | "Process"
                        | "submit"
                        | "run_in_executor"
                )
        }) || (self.accs.len() > 1
            && (k(func) == K::Attribute
                || call
                    .field("arguments")
                    .is_some_and(|a| a.named_child_count() >= 2)))
        {
            // (A call given two arguments or more may hand a client to a parameter's object:
            // `setup_handlers(app, pool)`; a method called in a nested function may use a client
            // its closure keeps: `async with pool.acquire()` in a registered job.)
            self.record(call, K::Call);
        }
        // `db = next(get_db())`: a generator dependency pulled by hand, outside FastAPI's
        // dependency injection; nothing resumes it, so the session it yields is this code's to
        // close.
        if self.top().fn_idx.is_some()
            && self.decorator_depth == 0
            && let Some((inner, dep)) = self.pulled_dependency(call, func)
        {
            self.session_site(call, dep, inner);
            return;
        }
        // A session or checkout taken from an instance (`SessionLocal()`, `engine.connect()`).
        if self.top().fn_idx.is_some()
            && self.decorator_depth == 0
            && let Some(m) = self.on_match(call, func)
        {
            self.session_site(call, func, m.client);
        }
        if self.decorator_depth == 0 && self.dispatch_call(call, func) {
            return;
        }
        // Cheap exit: only names that are imported or defined here can matter.
        let Some(root) = root_ident(func, src) else {
            // `Wizard().run()`: a method of a class of the project, on an instance built in
            // place.
            if self.decorator_depth == 0
                && let Some((name, module)) = self.built_in_place_method(func)
            {
                self.call_site(call, func, name, module);
            }
            return;
        };
        let known = self.pre.imports.contains_key(root) || self.pre.local_fns.contains(root);
        if !known && self.decorator_depth == 0 {
            // `handler.handle(m)` on an instance of a class of the project (`handler =
            // EventHandler()`): that class's method, looked up by name in the class's module.
            if let Some((name, module)) = self.instance_method(func) {
                self.call_site(call, func, name, module);
                return;
            }
            // `handler = EventHandler()` with the class defined in this file.
            if self.pre.classes.contains(root) && text(func, src) == root {
                self.remember_instance(None);
            }
        }
        if !known && self.pre.wildcard.is_empty() {
            // `self.helper()` / `cls.helper()`: a method of this file, resolved by name.
            if (root == "self" || root == "cls")
                && self.decorator_depth == 0
                && func.kind_name() == "attribute"
                && func
                    .field("object")
                    .is_some_and(|o| o.kind_name() == "identifier")
                && let Some(m) = func.field("attribute")
                && self.pre.local_methods.contains(text(m, src))
            {
                let name = text(m, src).to_string();
                self.call_site(call, func, name, None);
            }
            // `PopulateDatabase(uri)` with the class defined in this file: it runs the class's
            // `__init__`, which goes by the class's name (as for an imported class).
            if self.decorator_depth == 0
                && func.kind_name() == "identifier"
                && self.pre.classes.contains(root)
            {
                self.call_site(call, func, root.to_string(), None);
            }
            return;
        }
        let Some(segs) = dotted(func, src) else {
            return;
        };
        if let Some(m) = self.match_catalog(&segs) {
            self.client_site(call, func, m);
            return;
        }
        if self.decorator_depth > 0 || !known {
            return;
        }
        if let Some((name, module)) = self.pre.project_target(&segs, self.file) {
            self.call_site(call, func, name, module);
        }
    }

    /// A call through a dispatch table (`HANDLERS[msg["type"]](msg)`, `handler =
    /// HANDLERS.get(kind)` then `handler(msg)`) with `HANDLERS` a module-level dict of functions
    /// (`{"created": on_created}`): a call of each of them.
    fn dispatch_call(&mut self, call: Node<'t>, func: Node<'t>) -> bool {
        let src = self.src;
        // Most files hold no module-level dict of functions: an imported table is then the only
        // one a call may go through (looked for below only when the callee's shape asks).
        let tables = self
            .pre
            .consts
            .values()
            .any(|vs| vs.iter().any(|v| v.kind_name() == "dictionary"));
        // `X[k]` or `X.get(k)`: the table's name.
        let table_of = |n: Node<'t>| -> Option<&'a str> {
            match n.kind_name() {
                "subscript" => n
                    .field("value")
                    .filter(|v| v.kind_name() == "identifier")
                    .map(|v| text(v, src)),
                "call" => n
                    .field("function")
                    .filter(|f| f.kind_name() == "attribute")
                    .filter(|f| f.field("attribute").is_some_and(|a| text(a, src) == "get"))
                    .and_then(|f| f.field("object"))
                    .filter(|o| o.kind_name() == "identifier")
                    .map(|o| text(o, src)),
                _ => None,
            }
        };
        let table = match func.kind_name() {
            "subscript" | "call" => table_of(func),
            "identifier"
                if !self.pre.local_fns.contains(text(func, src))
                    && !self.pre.imports.contains_key(text(func, src))
                    && !super::vocab::HANDED_NOT.contains(&text(func, src))
                    && !matches!(
                        text(func, src),
                        "int"
                            | "float"
                            | "list"
                            | "dict"
                            | "set"
                            | "tuple"
                            | "range"
                            | "enumerate"
                            | "zip"
                            | "sorted"
                            | "min"
                            | "max"
                            | "sum"
                            | "any"
                            | "all"
                            | "open"
                            | "iter"
                            | "next"
                            | "map"
                            | "filter"
                            | "setattr"
                    )
                    // (Last: a scan of the file, once.)
                    && (tables || self.indexes_imports()) =>
            {
                let name = text(func, src);
                let owner = self.top().owner;
                self.flat
                    .nodes(owner)
                    .filter(|n| n.kind_name() == "assignment" && n.end_byte() <= call.start_byte())
                    .filter(|n| n.field("left").is_some_and(|l| text(l, src) == name))
                    .filter_map(|n| n.field("right"))
                    .last()
                    .and_then(table_of)
            }
            _ => None,
        };
        let Some(table) = table else {
            return false;
        };
        if self.pre.imports.contains_key(table) {
            // A table of another module (`from .handlers import HANDLERS`): a call of its
            // name there, which the call graph reads through that module's `tables`.
            return match self.pre.project_target(&[table], self.file) {
                Some((name, Some(module))) => {
                    self.call_site(call, func, name, Some(module));
                    true
                }
                _ => false,
            };
        }
        if !tables {
            return false;
        }
        let Some(dict) = self
            .pre
            .consts
            .get(table)
            .and_then(|vs| vs.iter().find(|v| v.kind_name() == "dictionary"))
            .copied()
        else {
            return false;
        };
        let mut any = false;
        for pair in named_children(dict) {
            let Some(v) = pair
                .field("value")
                .filter(|v| matches!(v.kind_name(), "identifier" | "attribute"))
            else {
                continue;
            };
            let Some(segs) = dotted(v, src) else {
                continue;
            };
            if let Some((name, module)) = self.pre.project_target(&segs, self.file) {
                self.call_site(call, v, name, module);
                any = true;
            }
        }
        any
    }

    /// `engine or self.create_client()`, `create_engine(url) if engine is None else engine`
    /// with `engine` a parameter of the function: built only when the caller gives none. The
    /// parameter's name and position (not counting `self` / `cls`), for the callers.
    pub(super) fn param_fallback(&self, call: Node<'t>) -> Option<(String, u32)> {
        let src = self.src;
        let owner = self.top().owner;
        let params = owner
            .field("parameters")
            .filter(|_| owner.kind_name() == "function_definition")?;
        let names: Vec<&str> = param_names(params, src)
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| !matches!(*p, "self" | "cls"))
            .collect();
        let param = |n: Option<Node>| {
            n.filter(|n| n.kind_name() == "identifier")
                .and_then(|n| names.iter().position(|p| *p == text(n, src)))
        };
        let is_param = |n: Option<Node>| param(n).is_some();
        let found = |n: Option<Node>| {
            param(n).and_then(|i| Some((names.get(i)?.to_string(), u32::try_from(i).ok()?)))
        };
        let mut cur = call;
        while let Some(p) = self.flat.parent(cur) {
            match p.kind_name() {
                "await" | "parenthesized_expression" => cur = p,
                "boolean_operator" => {
                    let or = p.field("operator").is_some_and(|o| text(o, src) == "or")
                        && p.field("right") == Some(cur);
                    return if or { found(p.field("left")) } else { None };
                }
                // `X() if p is None else p`, `p if p is not None else X()`, `p if p else X()`.
                "conditional_expression" => {
                    let kids = named_children(p);
                    let [a, cond, b] = kids.as_slice() else {
                        return None;
                    };
                    let tested = match cond.kind_name() {
                        "comparison_operator" => cond.named_child(0),
                        "not_operator" => cond.field("argument"),
                        _ => Some(*cond),
                    };
                    let other = if *a == cur { *b } else { *a };
                    let same = (*a == cur || *b == cur)
                        && is_param(tested)
                        && tested.map(|t| text(t, src)) == Some(text(other, src));
                    return if same { found(Some(other)) } else { None };
                }
                _ => return None,
            }
        }
        None
    }

    /// The arguments a call gives: how many by position and the keywords' names; `None` when
    /// it unpacks (`*args`, `**kwargs`): anything may be given.
    pub(super) fn given_args(&self, call: Node<'t>) -> Option<(u32, Vec<String>)> {
        let src = self.src;
        let args = call.field("arguments")?;
        let mut positional = 0u32;
        let mut keywords = Vec::new();
        for a in named_children(args) {
            match a.kind_name() {
                "keyword_argument" => {
                    keywords.extend(a.field("name").map(|n| text(n, src).to_string()));
                }
                "list_splat" | "dictionary_splat" => return None,
                "comment" => {}
                _ => positional += 1,
            }
        }
        Some((positional, keywords))
    }

    /// Does the file index a name it imports (`X[k]`, `X.get(k)`)? Once per file.
    fn indexes_imports(&self) -> bool {
        *self.indexes_imports.get_or_init(|| {
            let src = self.src;
            let imported = |n: Option<Node>| {
                n.is_some_and(|n| {
                    n.kind_name() == "identifier" && self.pre.imports.contains_key(text(n, src))
                })
            };
            let Some(root) = self.frames.first().map(|f| f.owner) else {
                return false;
            };
            self.flat.nodes(root).any(|n| match n.kind_name() {
                "subscript" => imported(n.field("value")),
                "attribute" => {
                    n.field("attribute").is_some_and(|a| text(a, src) == "get")
                        && imported(n.field("object"))
                }
                _ => false,
            })
        })
    }

    /// The module-level dicts of functions (`HANDLERS = {"created": on_created}`), for calls
    /// through them from other modules.
    pub(super) fn module_tables(&self) -> Vec<crate::facts::DispatchTable> {
        let src = self.src;
        let mut tables: Vec<crate::facts::DispatchTable> = Vec::new();
        for (name, values) in &self.pre.consts {
            let [dict] = values.as_slice() else { continue };
            if dict.kind_name() != "dictionary" {
                continue;
            }
            let members: Vec<(String, Option<ModuleRef>)> = named_children(*dict)
                .into_iter()
                .filter_map(|pair| pair.field("value"))
                .filter(|v| matches!(v.kind_name(), "identifier" | "attribute"))
                .filter_map(|v| dotted(v, src))
                .filter_map(|segs| self.pre.project_target(&segs, self.file))
                .collect();
            if !members.is_empty() {
                tables.push(crate::facts::DispatchTable {
                    name: name.clone(),
                    members,
                });
            }
        }
        tables.sort_by(|a, b| a.name.cmp(&b.name));
        tables
    }

    pub(super) fn match_catalog(&self, segs: &[&str]) -> Option<CtorMatch<'a>> {
        let first = *segs.first()?;
        let rest = &segs[1..];
        if let Some(imp) = self.pre.imports.get(first) {
            let top = imp.path.split('.').next().unwrap_or("");
            if imp.level > 0
                || self.pre.local_fns.contains(first)
                || !self.pre.cat_tops.contains(top)
            {
                return None;
            }
            let mut q = imp.path.clone();
            for s in rest {
                q.push('.');
                q.push_str(s);
            }
            return self.cat.match_py(&q);
        }
        if self.pre.local_fns.contains(first) || self.pre.module_names.contains(first) {
            return None;
        }
        self.pre
            .wildcard
            .iter()
            .find_map(|w| self.cat.match_py(&format!("{w}.{}", segs.join("."))))
    }

    /// A construction the library's own registry guards, within its function: under a condition
    /// that reads it (`if not firebase_admin._apps:`, `… if firebase_admin._apps else …`), or
    /// in the `except` of a `try` that asks it first (`try: return get_app() except ValueError:`).
    pub(super) fn registry_guarded(&self, call: Node<'t>, registry: &[String]) -> bool {
        if registry.is_empty() {
            return false;
        }
        let src = self.src;
        let reads = |n: Node| {
            let t = text(n, src);
            registry.iter().any(|r| {
                t.match_indices(r.as_str()).any(|(i, _)| {
                    let before = t[..i].chars().next_back();
                    let after = t[i + r.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            })
        };
        let mut child = call;
        let mut node = call.parent();
        while let Some(n) = node {
            match n.kind_name() {
                "function_definition" | "lambda" | "class_definition" | "module" => return false,
                "if_statement" | "elif_clause" | "while_statement"
                    if n.field("condition").is_some_and(|c| c != child && reads(c)) =>
                {
                    return true;
                }
                // `get_app() if firebase_admin._apps else initialize_app(cred)`.
                "conditional_expression"
                    if named_children(n)
                        .get(1)
                        .is_some_and(|c| *c != child && reads(*c)) =>
                {
                    return true;
                }
                "except_clause" => {
                    if let Some(body) = n
                        .parent()
                        .filter(|t| t.kind_name() == "try_statement")
                        .and_then(|t| t.field("body"))
                        && reads(body)
                    {
                        return true;
                    }
                }
                _ => {}
            }
            child = n;
            node = n.parent();
        }
        false
    }

    /// Is the construction stored into a container that an enclosing `if` checks first:
    /// `if "db" not in st.session_state: st.session_state["db"] = connect()`, `if tenant not in
    /// POOLS: POOLS[tenant] = create_engine(url)`? Then it is built once per key.
    pub(super) fn container_guarded(&self, call: Node<'t>, target: Node<'t>) -> bool {
        let container = match target.kind_name() {
            "subscript" => target.field("value"),
            "attribute" => target.field("object"),
            _ => None,
        };
        let Some(container) = container.map(|c| compact(text(c, self.src))) else {
            return false;
        };
        let checked = format!("notin{container}");
        let mut node = call.parent();
        while let Some(n) = node {
            match n.kind_name() {
                "function_definition" | "lambda" | "class_definition" | "module" => return false,
                "if_statement" | "elif_clause"
                    if n.field("condition")
                        .is_some_and(|c| compact(text(c, self.src)).contains(&checked)) =>
                {
                    return true;
                }
                _ => {}
            }
            node = n.parent();
        }
        false
    }

    pub(super) fn client_site(&mut self, call: Node<'t>, func: Node<'t>, m: CtorMatch<'a>) {
        let climb = self.climb();
        let top = self.top();
        let (fn_idx, owner) = (top.fn_idx, top.owner);
        let bind_key = climb.key.clone().filter(|_| !climb.derived);
        let ident_target = climb.target.is_none_or(|t| t.kind_name() == "identifier");
        let guard = if m.singleton || self.registry_guarded(call, &m.client.registry) {
            Guard::SingletonApi
        } else if climb
            .target
            .is_some_and(|t| self.container_guarded(call, t) || self.closed_before(call, t))
        {
            Guard::ModuleCache
        } else {
            top.guard
        };
        let fallback_param = self.param_fallback(call);
        let needs_param = self.param_needed(call);
        let site = ClientSite {
            client: m.client.id.clone(),
            family: m.client.family.clone(),
            kind: m.client.kind,
            ctor: format!("{}()", compact(text(func, self.src))),
            span: span(call),
            scope: top.scope.clone(),
            guard,
            binding: climb.binding.clone(),
            released: climb.released || (climb.with_released && !m.client.with_keeps_open),
            handed: false,
            returned: climb.returned,
            in_fn: top.fn_idx,
            per_call_ok: m.ctor.per_call_ok,
            fallback_param,
            needs_param,
            serves_loop: false,
            session_loop: false,
            pool: Vec::new(),
            anchors: FixAnchors {
                statement: climb.statement,
                module_insert: Some(self.pre.module_insert),
                args_are_static: false,
                direct_return: self.direct_return(),
                with_stmt: self.with_anchors(),
                in_async_fn: false,
            },
        };
        let pending = Pending {
            site: SiteRef::Client(self.facts.clients.len()),
            owner: top.owner,
            key: climb.key,
            target: climb.target,
            owner_target: climb.owner_target,
            store_recv: climb.store_recv,
            args: call.field("arguments"),
            scope_kind: top.scope.kind,
            derived: climb.derived,
        };
        self.config_pending
            .push((self.facts.clients.len(), call, owner));
        self.facts.clients.push(site);
        self.pending.push(pending);
        if let Some(acc) = self.accs.last_mut() {
            acc.pending = true;
        }
        // Remember what the name holds: a receiver of `on` constructors (`engine.connect()`).
        let def = m.client;
        if let Some(key) = bind_key {
            if self.on.factories.contains(&def.id.as_str()) {
                self.factory_keys.insert(key.clone());
            }
            let fn_local =
                fn_idx.is_some() && ident_target && !self.pre.module_names.contains(&key);
            if fn_idx.is_some() {
                self.local_bound
                    .insert((owner.id(), key.clone()), def.id.as_str());
            }
            if !fn_local {
                self.bound.entry(key).or_insert(def.id.as_str());
            }
        }
        let checked = matches!(
            def.kind,
            ClientKind::Session | ClientKind::Checkout | ClientKind::Connection
        ) || def.must_close;
        if checked && !m.singleton && !self.on.factories.contains(&def.id.as_str()) {
            self.session_site(call, func, def);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Sessions (`unclosed-session`)
    // -----------------------------------------------------------------------------------------

    /// The current call is itself the value a `return` hands back (`return create_engine(URL)`,
    /// `return await asyncpg.create_pool(dsn)`, through parentheses).
    pub(super) fn direct_return(&self) -> bool {
        let Some(mut cur) = self.path.last().copied() else {
            return false;
        };
        for p in self.path.iter().rev().skip(1) {
            match p.kind_name() {
                "parenthesized_expression" | "await" => {}
                "return_statement" => return p.named_child(0) == Some(cur),
                _ => return false,
            }
            cur = *p;
        }
        false
    }

    /// The current call is the context manager of a `with` / `async with` item (`async with
    /// httpx.AsyncClient() as c:`): the header, and the loop header a swap may trade it with.
    pub(super) fn with_anchors(&self) -> Option<WithAnchors> {
        let mut cur = self.path.last().copied()?;
        let mut item = None;
        for p in self.path.iter().rev().skip(1) {
            match p.kind_name() {
                "parenthesized_expression" => {}
                "as_pattern" if p.named_child(0) == Some(cur) => {}
                "with_item" if p.field("value") == Some(cur) => {
                    item = Some(*p);
                    break;
                }
                _ => return None,
            }
            cur = *p;
        }
        let stmt = item?
            .parent()
            .filter(|c| c.kind_name() == "with_clause")?
            .parent()
            .filter(|w| w.kind_name() == "with_statement")?;
        Some(WithAnchors {
            header: header_span(stmt)?,
            loop_header: self.loop_around(stmt),
        })
    }

    /// The header of the loop whose body is only `with_stmt`, when swapping the two headers
    /// changes nothing but how often the client is opened: the loop has no `else:`, the `with`
    /// header uses no name the loop binds (its targets, anything bound in its body), and the
    /// loop header no name the `with` binds.
    pub(super) fn loop_around(&self, with_stmt: Node<'t>) -> Option<Span> {
        let src = self.src;
        let body = with_stmt.parent().filter(|b| b.kind_name() == "block")?;
        let stmts = named_children(body)
            .into_iter()
            .filter(|c| c.kind_name() != "comment")
            .count();
        let lp = body.parent()?;
        if stmts != 1
            || !matches!(lp.kind_name(), "for_statement" | "while_statement")
            || lp.field("body") != Some(body)
            || lp.field("alternative").is_some()
        {
            return None;
        }
        let mut bound = HashSet::default();
        if let Some(left) = lp.field("left") {
            bind_targets(left, src, &mut bound);
        }
        bound_names_in(body, src, &mut bound);
        let bound: Vec<String> = bound.into_iter().collect();
        let clause = named_children(with_stmt)
            .into_iter()
            .find(|c| c.kind_name() == "with_clause")?;
        let mut with_targets = HashSet::default();
        for item in named_children(clause) {
            let Some(v) = item.field("value") else {
                continue;
            };
            let (value, alias) = if v.kind_name() == "as_pattern" {
                (v.named_child(0)?, v.field("alias"))
            } else {
                (v, None)
            };
            if self.mentions(value, &bound) {
                return None;
            }
            if let Some(a) = alias {
                bind_targets(a, src, &mut with_targets);
            }
        }
        let with_targets: Vec<String> = with_targets.into_iter().collect();
        let loop_expr = lp.field("right").or_else(|| lp.field("condition"))?;
        if self.mentions(loop_expr, &with_targets) {
            return None;
        }
        header_span(lp)
    }

    /// Module-level names bound to catalogue constructions (`engine = create_engine(…)`,
    /// `SessionLocal = sessionmaker(…)`), before the walk: functions defined above them use them.
    pub(super) fn scan_module_bindings(&mut self, root: Node<'t>) {
        if self.on.methods.is_empty() && self.on.factories.is_empty() {
            return;
        }
        let mut stack: Vec<Node<'t>> = named_children(root);
        while let Some(stmt) = stack.pop() {
            match stmt.kind_name() {
                "expression_statement" => {
                    for e in named_children(stmt) {
                        if e.kind_name() == "assignment" {
                            self.bind_module_assignment(e);
                        }
                    }
                }
                "if_statement" | "try_statement" | "with_statement" | "elif_clause"
                | "else_clause" | "except_clause" | "finally_clause" | "block" => {
                    stack.extend(named_children(stmt));
                }
                _ => {}
            }
        }
    }

    pub(super) fn bind_module_assignment(&mut self, assignment: Node<'t>) {
        let src = self.src;
        let mut targets = Vec::new();
        let mut cur = Some(assignment);
        let mut right = None;
        while let Some(a) = cur.filter(|a| a.kind_name() == "assignment") {
            if let Some(l) = a.field("left") {
                targets.push(l);
            }
            right = a.field("right");
            cur = right;
        }
        let Some(call) = right.map(strip).filter(|r| r.kind_name() == "call") else {
            return;
        };
        let Some(segs) = call.field("function").and_then(|f| dotted(f, src)) else {
            return;
        };
        let Some(m) = self.match_catalog(&segs) else {
            return;
        };
        let id = m.client.id.as_str();
        for t in targets {
            if matches!(t.kind_name(), "identifier" | "attribute") {
                let key = compact(text(t, src));
                if self.on.factories.contains(&id) {
                    self.factory_keys.insert(key.clone());
                }
                self.bound.insert(key, id);
            }
        }
    }

    /// The catalogue entry a name or attribute path holds, from a construction bound to it: in
    /// this function, an enclosing one (a closure's `archive.acquire()` with `archive =
    /// await asyncpg.create_pool(…)` around it), or the module.
    pub(super) fn bound_entry(&self, key: &str) -> Option<&'a str> {
        let key = key.to_string();
        let mut seen = usize::MAX;
        self.frames
            .iter()
            .rev()
            .map(|f| f.owner.id())
            .filter(|o| std::mem::replace(&mut seen, *o) != *o)
            .find_map(|o| self.local_bound.get(&(o, key.clone())))
            .or_else(|| self.bound.get(&key))
            .copied()
    }

    /// A call that takes a session or checkout from an instance of a catalogue entry:
    /// `engine.connect()`, `pool.getconn()`, `SessionLocal()`, `db.SessionLocal()`.
    ///
    /// The instance is known from a binding of its construction in this file (module level,
    /// the same function, or an attribute path such as `self.engine`). Otherwise it is guessed
    /// from its name (see [`receiver_hint`]) when the entry's library is used by the project or
    /// the file: a receiver named like `engine` / `db_pool` / `request.app.state.pool` for a
    /// method (never for a `sessionmaker`, whose method `begin` is also a `Session` method), and,
    /// for calling an instance without arguments, a name imported from a project module that
    /// contains `session` (`SessionLocal()`, `AsyncSessionLocal()`, `async_session()`), does not
    /// read like a function (`get_session()`, `create_session()`) and does not come from a
    /// models / schemas module (`ChatSession()` is a model).
    pub(super) fn on_match(&self, call: Node<'t>, func: Node<'t>) -> Option<CtorMatch<'a>> {
        let src = self.src;
        match k(func) {
            K::Attribute => {
                let method = text(func.field("attribute")?, src);
                if self.on.methods.contains(method) {
                    let recv = func.field("object")?;
                    if let Some(id) = self.bound_entry(&compact(text(recv, src))) {
                        return self.cat.match_on(id, method);
                    }
                    let last = match k(recv) {
                        K::Identifier => text(recv, src).to_string(),
                        K::Attribute => text(recv.field("attribute")?, src).to_string(),
                        // A getter's result: `get_pool().getconn()`.
                        K::Call => dotted(recv.field("function")?, src)?
                            .last()
                            .copied()?
                            .to_string(),
                        // Kept in a mapping under its name: `ctx["pool"].acquire()`,
                        // `request.app["db"].acquire()`.
                        K::Subscript => {
                            super::options::plain_string(recv.field("subscript")?, src)?.0
                        }
                        _ => return None,
                    }
                    .to_ascii_lowercase();
                    return self.cat.clients.iter().find_map(|client| {
                        client
                            .constructors
                            .iter()
                            .find(|ctor| {
                                ctor.call.as_deref() == Some(method)
                                    && ctor.on.as_deref().is_some_and(|on| {
                                        !self.on.factories.contains(&on)
                                            && self.on.present.contains(on)
                                            && last.contains(receiver_hint(on))
                                    })
                            })
                            .map(|ctor| CtorMatch {
                                client,
                                ctor,
                                singleton: false,
                            })
                    });
                }
            }
            K::Identifier => {}
            _ => return None,
        }
        if self.on.factories.is_empty() {
            return None;
        }
        let callee = text(func, src);
        let key: std::borrow::Cow<str> =
            if callee.len() > 256 || callee.contains(char::is_whitespace) {
                compact(callee).into()
            } else {
                callee.into()
            };
        if self.factory_keys.contains(key.as_ref()) {
            return self
                .bound_entry(&key)
                .and_then(|id| self.cat.match_on(id, "()"));
        }
        let imp = self.pre.imports.get(root_ident(func, src)?)?;
        let no_args = call
            .field("arguments")
            .is_none_or(|a| a.named_child_count() == 0);
        let segs = dotted(func, src)?;
        let name = segs.last()?.to_ascii_lowercase();
        let from_models = imp
            .path
            .split('.')
            .chain(segs.iter().copied())
            .any(|m| MODEL_MODULES.contains(&m));
        // A name about sessions or acting on one, not one (`content_persisting_sessions_filter()`
        // builds a SQL condition on a chat-sessions table; `session_commit()` commits the
        // module's session); a result thrown away was never a session to use...
        // ... or another protocol's (`http_session()`).
        let about = name.contains("sessions")
            || NOT_SESSION_SUFFIXES.iter().any(|s| name.ends_with(s))
            || name
                .split('_')
                .any(|w| super::vocab::NOT_DB_SESSION_WORDS.contains(&w));
        // The hint must end the name, bar a maker's suffix (`SessionLocal`, `async_session`,
        // `ReadSessionFactory`): `BrowserSessionRecordingService()` is a service.
        let stem = {
            let mut stem = name.trim_end_matches('_');
            for suffix in ["local", "factory", "maker", "scope", "cls", "class"] {
                stem = stem
                    .strip_suffix(suffix)
                    .unwrap_or(stem)
                    .trim_end_matches('_');
            }
            stem
        };
        // ... nor is what is raised (`raise InvalidAuthenticationSession()`: an exception).
        let discarded = call
            .parent()
            .is_some_and(|p| matches!(p.kind_name(), "expression_statement" | "raise_statement"));
        // A models module may keep the session maker too (`SessionLocal = sessionmaker(engine)`
        // beside the tables): a name with a maker's suffix is one there as well.
        let maker = stem.len() < name.trim_end_matches('_').len();
        if !no_args
            || (from_models && !maker)
            || about
            || discarded
            || VERB_PREFIXES.iter().any(|p| name.starts_with(p))
            || !self.is_project_import(imp)
        {
            return None;
        }
        // A project module named after a library (`from flexget.utils import requests`, a
        // wrapper of requests) makes `requests.Session()` that library's, not a sessionmaker's.
        let (path, _) = segs.split_at(segs.len() - 1);
        let libraries: Vec<&str> = imp
            .path
            .split('.')
            .chain(path.iter().copied())
            .filter(|m| self.pre.cat_tops.contains(*m))
            .collect();
        self.on.factories.iter().find_map(|f| {
            let own = self.cat.by_id(f).is_some_and(|def| {
                libraries.iter().all(|lib| {
                    def.modules
                        .iter()
                        .any(|m| m.split('.').next() == Some(*lib))
                })
            });
            (own && self.on.present.contains(f) && stem.ends_with(receiver_hint(f)))
                .then(|| self.cat.match_on(f, "()"))
                .flatten()
        })
    }

    /// Does the import bind something of this project (not a package or the standard library)?
    pub(super) fn is_project_import(&self, imp: &Import) -> bool {
        if imp.level > 0 {
            return true;
        }
        let module = if imp.member {
            imp.path.rsplit_once('.').map_or("", |(m, _)| m)
        } else {
            imp.path.as_str()
        };
        !module.is_empty() && project_module(module, 0, self.file, &self.pre.cat_tops).is_some()
    }
}

/// `Depends(f)` / `Security(f)` calls under a node: `(call, f)`.
pub(super) fn depends_calls<'t>(node: Node<'t>, src: &str) -> Vec<(Node<'t>, Node<'t>)> {
    let mut out = Vec::new();
    let mut cursor = node.walk();
    'outer: loop {
        let n = cursor.node();
        if n.kind_name() == "call"
            && let Some(f) = n.field("function")
            && let Some(segs) = dotted(f, src)
            && matches!(segs.last(), Some(&"Depends") | Some(&"Security"))
        {
            let (positional, keywords) = call_args(n);
            if let Some(arg) = positional
                .first()
                .copied()
                .or_else(|| keyword(&keywords, "dependency", src))
            {
                out.push((n, arg));
            }
        }
        if !advance(&mut cursor) {
            break 'outer;
        }
    }
    out
}

/// Framework tags are a closed set of static strings; map an owned tag back to it.
pub(super) fn static_tag(tag: &str) -> &'static str {
    pub(super) const TAGS: &[&str] = &[
        "event",
        "rerun",
        "fastapi",
        "flask",
        "django",
        "celery",
        "lambda",
        "aiohttp",
        "starlette",
        "sanic",
        "quart",
        "litestar",
        "bottle",
        "pyramid",
        "tornado",
        "falcon",
        "channels",
        "per-call",
        "gcf",
        "dramatiq",
        "rq",
        "huey",
        "prefect",
        "arq",
        "startup",
        "test",
    ];
    TAGS.iter()
        .find(|t| **t == tag)
        .copied()
        .unwrap_or("startup")
}

impl<'a, 't> Walker<'a, 't> {
    /// `next(get_db())` with the builtin `next` and a session dependency of this project
    /// (defined here or imported, named like `get_db` / `get_session`): the catalogue's session
    /// entry of the project's ORM, and the dependency's callee.
    pub(super) fn pulled_dependency(
        &self,
        call: Node<'t>,
        func: Node<'t>,
    ) -> Option<(&'a ClientDef, Node<'t>)> {
        let src = self.src;
        if func.kind_name() != "identifier"
            || text(func, src) != "next"
            || self.pre.imports.contains_key("next")
            || self.pre.local_fns.contains("next")
        {
            return None;
        }
        let (positional, _) = call_args(call);
        let inner = strip(*positional.first()?);
        if inner.kind_name() != "call" {
            return None;
        }
        let dep = inner.field("function")?;
        if dep.kind_name() != "identifier" {
            return None;
        }
        let name = text(dep, src);
        let known = self.pre.imports.contains_key(name) || self.pre.local_fns.contains(name);
        if !known || !is_session_dependency(name) {
            return None;
        }
        let project = &self.file.project;
        let id = if project.has_dep("sqlmodel") && !project.has_dep("sqlalchemy") {
            "sqlmodel-session"
        } else {
            "sqlalchemy-session"
        };
        Some((self.cat.by_id(id)?, dep))
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// Functions of this file handed as values to a function of the project
    /// (`get_engine(name, self._create_engine)`, with `get_engine` imported from a project
    /// module or defined here): that function calls them, as often as it sees fit (a registry
    /// that caches what they build). Recorded per call as the walk meets it; see
    /// [`FnFact::value_ref`].
    pub(super) fn note_handed_functions(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(f) = call.field("function").filter(|f| k(*f) == K::Identifier) else {
            return;
        };
        let name = text(f, src);
        let project_fn = self.pre.local_fns.contains(name)
            || self
                .pre
                .imports
                .get(name)
                .is_some_and(|imp| self.is_project_import(imp));
        if !project_fn {
            return;
        }
        let (positional, keywords) = call_args(call);
        for a in positional
            .into_iter()
            .chain(keywords.into_iter().map(|(_, v)| v))
        {
            let name = match k(a) {
                K::Identifier => Some(text(a, src)),
                K::Attribute
                    if a.field("object")
                        .is_some_and(|o| matches!(text(o, src), "self" | "cls")) =>
                {
                    a.field("attribute").map(|x| text(x, src))
                }
                _ => None,
            };
            if let Some(n) = name {
                self.handed_fns.insert(n.to_string());
            }
        }
    }

    /// Marks the functions [`Walker::note_handed_functions`] saw handed on.
    pub(super) fn mark_handed_functions(&mut self) {
        for func in &mut self.facts.functions {
            if self.handed_fns.contains(&func.name) {
                func.value_ref = true;
            }
        }
    }
}

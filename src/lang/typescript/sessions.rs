//! Sessions and checkouts (`pool.connect()`, single connections) and whether every path
//! releases them.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    // -------------------------------------------------------------------- sessions

    /// A checkout: `pool.connect()` / `pool.getConnection()` on an instance of the entry named
    /// by a catalogue constructor's `on`. The receiver is an instance when it holds a
    /// construction of that entry in this file (`const pool = new Pool()`, `this.pool = …`).
    /// Otherwise (a pool imported from the project, a parameter, `db.pool`) a name heuristic
    /// applies: the receiver's last name contains `pool` (any case), or it is a local bound to
    /// a call of a function whose name does (`const primary = warehousePool("eu")`), and the
    /// file imports, or the project depends on, the entry's library (`pg` for `pg-pool`). Callback-style calls
    /// (`pool.connect((err, client, done) => …)`, `sequelize.transaction(run)`) and `.then(…)` chains are left alone: the
    /// connection lives in a callback.
    pub(super) fn checkout(&mut self, at: At<'_, 't>, callee: Node<'t>, method: &str) {
        let src = self.src;
        let catalog: &'a LangCatalog = self.catalog;
        let cands: Vec<(&'a ClientDef, &'a CtorDef)> = catalog
            .clients
            .iter()
            .flat_map(|c| {
                c.constructors
                    .iter()
                    .filter(|k| k.on.is_some() && k.call.as_deref() == Some(method))
                    .map(move |k| (c, k))
            })
            .collect();
        if cands.is_empty() {
            return;
        }
        let n = at.node;
        // (A callback by name too: `sequelize.transaction(run)` with `const run = async (t) =>
        // …` manages the transaction around it.)
        if call_args(n).iter().any(|a| {
            let a = unwrap_value(*a);
            is_fn_kind(a.kind_name())
                || (a.kind_name() == "identifier" && self.pre.fn_names.contains(text(a, src)))
        }) {
            return;
        }
        if at
            .parent()
            .is_some_and(|p| p.kind_name() == "member_expression")
        {
            return;
        }
        let object = field(callee, "object").map(unwrap_value);
        // A pool the library hands back from its own store (`oracledb.getPool(alias)`).
        let stored = object
            .filter(|o| o.kind_name() == "call_expression")
            .and_then(|o| field(o, "function"))
            .and_then(|f| self.resolve(f))
            .and_then(|(module, path, _)| catalog.singleton_js(&module, &path))
            .map(|d| d.id.clone());
        // A pool a project function returns, checked out from at once (`getPool().getConnection()`):
        // read by that function's name, like `const pool = getPool()`.
        let made_by = object
            .filter(|o| o.kind_name() == "call_expression")
            .and_then(|o| field(o, "function"))
            .and_then(|c| callee_name(c, src))
            .map(str::to_ascii_lowercase);
        let Some(path) = object.and_then(|o| {
            if stored.is_some() || made_by.is_some() {
                Some(self.ctext(o))
            } else {
                dotted_path(o, src)
            }
        }) else {
            return;
        };
        let known = stored
            .as_ref()
            .or_else(|| self.instances.get(&canon(&path)));
        // Nothing here builds it: what its declared type says (`db: Pool`, `this.db` with
        // `private db: pg.Pool`, `db: Db` with `type Db = typeof pool`).
        let declared = known
            .is_none()
            .then(|| object.and_then(|o| self.declared_receiver(at, o)))
            .flatten();
        let declared_entry = match &declared {
            Some(super::declared::Declared::Entry(id)) => Some(id),
            _ => None,
        };
        let chosen = match known.or(declared_entry) {
            Some(id) => cands
                .iter()
                .find(|(_, k)| k.on.as_deref() == Some(id.as_str())),
            None => {
                // The receiver's last name says what it is: `pool`, or the family of the entry
                // it is an instance of (`kafka.producer()`).
                let last = made_by.clone().unwrap_or_else(|| {
                    path.rsplit('.')
                        .next()
                        .unwrap_or(&path)
                        .to_ascii_lowercase()
                });
                // ... or the function it was built by: `const primary = warehousePool("eu")`.
                let maker = self
                    .bindings
                    .iter()
                    .rev()
                    .find(|(_, name, _)| *name == path)
                    .map(|(_, _, b)| b)
                    .or_else(|| self.pre.consts.get(&path))
                    .and_then(|b| match b {
                        Bound::Value(v) => Some(unwrap_value(*v)),
                        Bound::Field(..) => None,
                    })
                    .filter(|v| v.kind_name() == "call_expression")
                    .and_then(|v| field(v, "function"))
                    .and_then(|c| callee_name(c, src))
                    .map(str::to_ascii_lowercase)
                    .or_else(|| made_by.clone())
                    .unwrap_or_default();
                // An instance of some other class (`const changes = new
                // ChangeStreamMultiplexer(…)`, or a field typed with a project class: `const
                // stream = this.#streamer` with `#streamer: ChangeStreamMultiplexer`): its
                // `reserve()` is that class's, not the library's named method.
                let foreign = self.foreign_instance(at.node, &path);
                cands.iter().find(|(c, k)| {
                    k.on.as_deref()
                        .and_then(|on| catalog.by_id(on))
                        .is_some_and(|d| {
                            (k.named_method && !foreign
                                || last.contains("pool")
                                || last.contains(d.family.as_str())
                                || maker.contains("pool")
                                || named_like_ctor(&last, d)
                                || (!foreign && self.given_back_later(at, &c.release)))
                                && self.uses_library(d)
                        })
                })
            }
        };
        // A receiver imported from a module of the project (`import { db } from "./db"`): a
        // checkout of the entry whose library this file uses, if that module keeps such a
        // client under that name (the project pass checks).
        let mut imported: Option<crate::facts::ImportedReceiver> = None;
        let chosen = chosen.or_else(|| {
            let (module, name) = match &declared {
                // A type the project exports (`import type { Db } from "./db"`).
                Some(super::declared::Declared::Project(m, n)) => (m.clone(), n.clone()),
                _ => {
                    let o = object.filter(|o| o.kind_name() == "identifier")?;
                    let imp = self.pre.imports.get(text(o, src))?;
                    let module = imp.local.clone()?;
                    if matches!(imp.path.as_str(), "default" | "*") || imp.path.contains('.') {
                        return None;
                    }
                    (module, imp.path.clone())
                }
            };
            let found = cands.iter().find(|(d, k)| {
                !d.kind.is_long_lived()
                    && k.on
                        .as_deref()
                        .and_then(|on| catalog.by_id(on))
                        .is_some_and(|p| self.uses_library(p))
            })?;
            imported = Some(crate::facts::ImportedReceiver {
                module,
                name,
                on: found.1.on.clone()?,
            });
            Some(found)
        });
        let Some((def, ctor)) = chosen.copied() else {
            return;
        };
        // A long-lived client made from an instance (`kafka.producer()`): judged like a
        // construction (per request, per call), not as a checkout.
        if def.kind.is_long_lived() {
            let m = crate::catalog::CtorMatch {
                client: def,
                ctor,
                singleton: false,
            };
            self.add_client(at, callee, m, false);
            return;
        }
        let vc = self.value_context(at);
        let ctor = format!("{}.{method}()", display_callee(&path));
        let before = self.facts.sessions.len();
        self.add_session(at, def, ctor, &vc);
        // The pool itself closed in a `finally` around the checkout (`const ds = new
        // DataSource(…); try { ds.createQueryRunner() … } finally { await ds.destroy() }`):
        // closing it ends the checkout too.
        let pool_closed = ctor_on_release(catalog, chosen)
            .is_some_and(|release| self.closed_in_finally(n, &path, release));
        for s in &mut self.facts.sessions[before..] {
            if let Some(r) = &imported {
                s.receiver_import = Some(r.clone());
            }
            if pool_closed && s.sql_state.is_none() {
                s.closing = Closing::Always;
            }
        }
    }

    /// Is what this call returns given back by a method that only a pool's checkout has
    /// (`const client = await shared.connect(); … client.release()`: pg's `release`, not a
    /// generic `close` or `end`) somewhere in the same function? The receiver is then a pool,
    /// whatever its name.
    fn given_back_later(&self, at: At<'_, 't>, release: &[String]) -> bool {
        let Some(binding) = self.value_context(at).binding else {
            return false;
        };
        let names: Vec<&String> = release
            .iter()
            .filter(|m| !matches!(m.as_str(), "close" | "end" | "destroy" | "dispose" | "quit"))
            .collect();
        if names.is_empty() {
            return false;
        }
        let mut body = at.node;
        while let Some(p) = body.parent() {
            if is_fn_kind(p.kind_name()) {
                break;
            }
            body = p;
        }
        let mut hit = false;
        for m in names {
            method_calls(&[body], m, self.src, |_, obj| {
                hit |= self.ctext(obj) == binding;
            });
        }
        hit
    }

    /// Is `receiver.m()` (`m` one of `release`) called in the `finally` of a `try` of the
    /// function of `n` that holds `n` or comes after it? (A throw before such a `try` leaks the
    /// pool itself, which is the pool's finding, not the checkout's.)
    fn closed_in_finally(&self, n: Node<'t>, receiver: &str, release: &[String]) -> bool {
        let mut body = n;
        while let Some(p) = body.parent() {
            crate::lang::budget::tick();
            if is_fn_kind(p.kind_name()) {
                break;
            }
            body = p;
        }
        let mut hit = false;
        traverse(body, |a, entering| {
            if !entering || hit || a.node.kind_name() != "try_statement" {
                return;
            }
            if a.node.end_byte() < n.start_byte() {
                return;
            }
            let Some(fin) = field(a.node, "finalizer") else {
                return;
            };
            for m in release {
                method_calls(&[fin], m, self.src, |_, obj| {
                    hit |= self.ctext(obj) == receiver;
                });
            }
        });
        hit
    }

    /// A single connection (catalogue kind `connection`, or a client marked `must_close`)
    /// opened in a function. One built with `new` holds no connection until it is
    /// `connect()`ed (pg's `new Client()`), so it counts only when the same function (or the
    /// chain) connects it; a call (`mysql.createConnection()`) connects at once.
    pub(super) fn connection_session(
        &mut self,
        at: At<'_, 't>,
        def: &ClientDef,
        is_new: bool,
        ctor_text: &str,
        vc: &ValueContext,
    ) {
        let src = self.src;
        let connected = !is_new
            || vc.member.as_deref() == Some("connect")
            || vc.binding.as_deref().is_some_and(|b| {
                let host = at
                    .anc
                    .iter()
                    .rev()
                    .find(|n| is_fn_kind(n.kind_name()))
                    .copied()
                    .or(self.root);
                let mut found = false;
                if let Some(host) = host {
                    traverse_flat(self.pre.flat, host, |a, entering| {
                        let n = a.node;
                        if !entering || found || n.kind_name() != "call_expression" {
                            return;
                        }
                        if let Some(c) = field(n, "function").map(unwrap_value)
                            && c.kind_name() == "member_expression"
                            && field(c, "property").is_some_and(|p| text(p, src) == "connect")
                            && field(c, "object").is_some_and(|o| self.ctext(o) == b)
                        {
                            found = true;
                        }
                    });
                }
                found
            });
        if !connected {
            return;
        }
        let ctor = if is_new {
            format!("new {ctor_text}()")
        } else {
            format!("{ctor_text}()")
        };
        self.add_session(at, def, ctor, vc);
    }

    pub(super) fn add_session(
        &mut self,
        at: At<'_, 't>,
        def: &ClientDef,
        ctor: String,
        vc: &ValueContext,
    ) {
        let src = self.src;
        let host = at
            .anc
            .iter()
            .rev()
            .find(|n| is_fn_kind(n.kind_name()))
            .copied()
            .or(self.root);
        let stored = matches!(
            vc.guard,
            Guard::Owner | Guard::ModuleCache | Guard::GlobalCache
        );
        let closing = if vc.using {
            (Closing::Always, None, false)
        } else if vc.returned != Returned::No || stored {
            (Closing::HandedOver, None, false)
        } else {
            match host {
                Some(h) => self.closing(at.node, vc.binding.as_deref(), &def.release, h),
                None => (Closing::Never, None, false),
            }
        };
        let (closing, early_return, early_before_try) = closing;
        let stmt = statement_at(at);
        let rest_of_block = stmt.and_then(|s| {
            let parent = s.parent()?;
            if !matches!(
                parent.kind_name(),
                "statement_block" | "program" | "switch_case"
            ) {
                return None;
            }
            let after: Vec<Node> = named_kids(parent)
                .into_iter()
                .filter(|k| k.start_byte() >= s.node.end_byte())
                .collect();
            let (first, last) = (after.first()?, after.last()?);
            Some(Span::new(first.start_byte(), last.end_byte()))
        });
        let anchors = SessionAnchors {
            statement: stmt.map(|s| span(s.node)),
            rest_of_block,
            indent: stmt
                .map(|s| line_indent(src, s.node.start_byte()))
                .unwrap_or_default(),
        };
        let ctx = self.ctx();
        let site = SessionSite {
            client: def.id.clone(),
            kind: def.kind,
            ctor,
            span: span(at.node),
            binding: vc.binding.clone(),
            closing,
            release: def.release.first().cloned(),
            scope: ctx.scope.clone(),
            in_fn: ctx.fn_idx,
            in_generator: false,
            returned: false,
            anchors,
            sql_state: None,
            receiver_import: None,
            early_return,
            early_before_try,
        };
        self.facts.sessions.push(site);
        // Raw `BEGIN` on a pooled client released on every path, that an error path leaves
        // open (a client not released on every path is reported as it is).
        if def.kind == ClientKind::Checkout
            && closing == Closing::Always
            && let (Some(h), Some(b)) = (host, vc.binding.as_deref())
        {
            self.sql_state(h, b, at.node.end_byte(), def);
        }
    }

    /// How the value bound to `binding` is closed in `host` (the enclosing function), and the
    /// `return` that leaves before the `try` releasing it, if one does.
    pub(super) fn closing(
        &self,
        acq: Node<'t>,
        binding: Option<&str>,
        release: &[String],
        host: Node<'t>,
    ) -> (Closing, Option<Span>, bool) {
        let Some(b) = binding else {
            return (Closing::Never, None, false);
        };
        let src = self.src;
        let release: Vec<&str> = release
            .iter()
            .map(|r| r.rsplit('.').next().unwrap_or(r))
            .collect();
        let acq_range = acq.byte_range();
        // Does a `try` statement guard the acquisition (around it, or after it)?
        let guards = |t: Node| {
            (t.start_byte() <= acq_range.start && acq_range.end <= t.end_byte())
                || t.start_byte() >= acq_range.end
        };
        let mut handed = false;
        let mut in_finally = false;
        let mut released = false;
        let mut in_catch: Vec<(usize, usize)> = Vec::new();
        let mut in_body: HashSet<usize> = HashSet::default();
        // The last release in a guarding `try`'s block.
        let mut body_last = 0;
        let mut positions: Vec<usize> = Vec::new();
        // Released by the very next statement: nothing in between can throw.
        let mut at_once = false;
        // `return`s of this function after the acquisition, and the starts of the `try`s after
        // it whose `finally` releases it.
        let mut leaves: Vec<(Span, usize)> = Vec::new();
        let mut finally_after: Vec<usize> = Vec::new();
        let mut finally_around = false;
        let mut holders: Vec<String> = Vec::new();
        // Locals it is moved to (`client = candidate` once a retry loop connects): releasing
        // one releases it.
        let mut renamed: Vec<String> = Vec::new();
        traverse_flat(self.pre.flat, host, |a, entering| {
            let n = a.node;
            if !entering {
                return;
            }
            match n.kind_name() {
                "call_expression" => {
                    let Some(c) = field(n, "function").map(unwrap_value) else {
                        return;
                    };
                    // (Or a transaction helper imported from another module, handed it:
                    // `commit(conn)`, `rollback(conn)`, EverShop's postgres-query-builder, ends
                    // the transaction and releases the connection.)
                    let helper = c.kind_name() == "identifier"
                        && matches!(text(c, src), "commit" | "rollback")
                        && self.pre.imports.contains_key(text(c, src))
                        && call_args(n)
                            .first()
                            .is_some_and(|x| self.ctext(unwrap_value(*x)) == b);
                    if c.kind_name() != "member_expression" && !helper {
                        return;
                    }
                    let prop = field(c, "property").map(|p| text(p, src)).unwrap_or("");
                    let on_b = field(c, "object").is_some_and(|o| {
                        let o = self.ctext(unwrap_value(o));
                        o == b || renamed.contains(&o)
                    });
                    if !helper && (!on_b || !release.contains(&prop))
                        || n.start_byte() < acq_range.end
                    {
                        return;
                    }
                    // Released by a callback registered for an event (`server.once('close', ()
                    // => listener.end())`, `process.on('SIGTERM', …)`): a connection that lives
                    // until that event, by design.
                    if on_event_callback(a.anc, src) {
                        handed = true;
                        return;
                    }
                    released = true;
                    positions.push(n.start_byte());
                    if statement_follows(acq, n) || promise_finally(a.anc, src) {
                        at_once = true;
                    }
                    for (i, anc) in a.anc.iter().enumerate().rev() {
                        let Some(t) = i.checked_sub(1).and_then(|j| a.anc.get(j)) else {
                            continue;
                        };
                        if t.kind_name() != "try_statement" || !guards(*t) {
                            continue;
                        }
                        match anc.kind_name() {
                            "finally_clause" => {
                                in_finally = true;
                                if t.start_byte() >= acq_range.end {
                                    finally_after.push(t.start_byte());
                                } else {
                                    finally_around = true;
                                }
                            }
                            "catch_clause" => in_catch.push((t.id(), t.end_byte())),
                            "statement_block" if is_field(*t, "body", *anc) => {
                                in_body.insert(t.id());
                                body_last = body_last.max(n.start_byte());
                            }
                            _ => {}
                        }
                    }
                }
                "return_statement" => {
                    let nested = a.anc.iter().skip(1).any(|x| is_fn_kind(x.kind_name()));
                    if !nested && n.start_byte() >= acq_range.end {
                        // (With the start of its block: a release there before it covers it,
                        // `if (!s) { client.release(); return … }`.)
                        let block = n.parent().map_or(n.start_byte(), |p| p.start_byte());
                        leaves.push((span(n), block));
                    }
                    if !nested
                        && let Some(v) = first_named(n)
                        && (self
                            .analyze_ret(v)
                            .direct
                            .iter()
                            .any(|d| d == b || holders.contains(d))
                            || wrapped_in_call(unwrap_value(v), b, |x| self.ctext(x)))
                    {
                        handed = true;
                    }
                }
                // A local wrapping it (`const tx = new PgTransaction(client)`): returning
                // that hands the connection over with it.
                "variable_declarator" => {
                    if let (Some(name), Some(v)) = (field(n, "name"), field(n, "value"))
                        && name.kind_name() == "identifier"
                        && wrapped_in_call(unwrap_value(v), b, |x| self.ctext(x))
                    {
                        holders.push(text(name, src).to_string());
                    }
                }
                "assignment_expression" => {
                    let (Some(l), Some(r)) = (field(n, "left"), field(n, "right")) else {
                        return;
                    };
                    let mut roots = Vec::new();
                    self.value_roots(r, &mut roots, 0);
                    if roots.iter().any(|x| x == b) && self.is_shared_target(l) {
                        handed = true;
                    } else if l.kind_name() == "identifier"
                        && unwrap_value(r).kind_name() == "identifier"
                        && text(unwrap_value(r), src) == b
                        && n.start_byte() >= acq_range.end
                    {
                        renamed.push(text(l, src).to_string());
                    }
                }
                _ => {}
            }
        });
        // The first `return` before `limit` with no release in its block before it.
        let return_before = |limit: usize| {
            leaves
                .iter()
                .find(|(r, block)| {
                    (r.start as usize) < limit
                        && !positions
                            .iter()
                            .any(|p| *p >= *block && *p < r.start as usize)
                })
                .map(|(r, _)| *r)
        };
        // Released in a `finally` that starts after a `return` the acquisition reaches first.
        let early = (in_finally && !finally_around && !at_once)
            .then(|| finally_after.iter().min().copied())
            .flatten()
            .and_then(return_before);
        if handed {
            (Closing::HandedOver, None, false)
        } else if early.is_some() {
            (Closing::NotOnErrorPaths, early, true)
        } else if in_finally || at_once {
            (Closing::Always, None, false)
        } else if in_catch
            .iter()
            .any(|(t, end)| in_body.contains(t) || positions.iter().any(|p| p >= end))
        {
            // Released in the `catch` and in the `try` block (or after the `try`): every path,
            // but a `return` in that block before its release (`if (dup) { await
            // conn.rollback(); return }` ahead of `conn.release()`) leaves it out (and a `try`
            // of its own around the rest would release it twice: no fix).
            match return_before(body_last) {
                Some(r) => (Closing::NotOnErrorPaths, Some(r), true),
                None => (Closing::Always, None, false),
            }
        } else if released {
            // A `return` before the last release with no release in its block before it
            // (`if (seen.rowCount) return;` ahead of `client.release()`) leaves it out on a
            // path that raises nothing.
            let last = positions.iter().max().copied().unwrap_or(0);
            (Closing::NotOnErrorPaths, return_before(last), false)
        } else {
            (Closing::Never, None, false)
        }
    }

    /// A node's kind, `this` for a local standing for it (`const node = this`).
    pub(super) fn this_or_kind<'n>(&self, n: Node<'n>) -> &'n str {
        let alias = n.kind_name() == "identifier"
            && self
                .frames
                .iter()
                .any(|f| f.this_aliases.iter().any(|a| a == text(n, self.src)));
        if alias { "this" } else { n.kind_name() }
    }

    /// State that outlives the function: `this.x`, a module-level variable, a global.
    pub(super) fn is_shared_target(&self, target: Node) -> bool {
        let t = unwrap_value(target);
        let mut root = t;
        while matches!(
            root.kind_name(),
            "member_expression" | "subscript_expression"
        ) {
            match field(root, "object") {
                Some(o) => root = unwrap_value(o),
                None => return false,
            }
        }
        match root.kind_name() {
            "this" => t.id() != root.id(),
            "identifier" => {
                let name = text(root, self.src);
                self.is_module_var(name) || self.is_global(name)
            }
            _ => false,
        }
    }
}

/// Is the statement holding `release` (`client.release();`) the one right after the statement
/// holding `acq` (`const client = await pool.connect();`), in the same block?
fn statement_follows(acq: Node, release: Node) -> bool {
    fn statement(n: Node) -> Option<Node> {
        let mut cur = n;
        while let Some(p) = cur.parent() {
            crate::lang::budget::tick();
            if matches!(p.kind_name(), "statement_block" | "program") {
                return Some(cur);
            }
            cur = p;
        }
        None
    }
    match (statement(acq), statement(release)) {
        (Some(a), Some(r)) => {
            r.kind_name() == "expression_statement"
                && a.next_named_sibling().is_some_and(|n| n.id() == r.id())
                && r.named_child(0).map(unwrap_value).is_some_and(|e| {
                    e.id() == release.id()
                        || (e.kind_name() == "await_expression"
                            && e.named_child(0).is_some_and(|c| c.id() == release.id()))
                })
        }
        _ => false,
    }
}

/// Is `v` a call handed `b` as an argument (`return createDBClient(reserved, () =>
/// reserved.release())`): what it returns wraps the connection, and its caller releases it.
fn wrapped_in_call(v: Node, b: &str, ctext: impl Fn(Node) -> String) -> bool {
    matches!(v.kind_name(), "call_expression" | "new_expression")
        && call_args(v).iter().any(|a| ctext(unwrap_value(*a)) == b)
}

/// The method a callback is handed to: the `x.method` callee (a member expression) of the call
/// whose argument is the innermost function among `anc` (a node's ancestors, innermost last).
fn callback_method<'t>(anc: &[Node<'t>]) -> Option<Node<'t>> {
    let i = anc.iter().rposition(|x| is_fn_kind(x.kind_name()))?;
    let call = anc[..i]
        .iter()
        .rev()
        .take(2)
        .find(|x| x.kind_name() == "call_expression")?;
    field(*call, "function")
        .map(unwrap_value)
        .filter(|f| f.kind_name() == "member_expression")
}

/// Is the innermost function among `anc` a callback handed to an event registration:
/// `x.on(…)`, `x.once(…)`, `x.addListener(…)`, `x.addEventListener(…)`, `x.onClose(…)`?
fn on_event_callback(anc: &[Node], src: &str) -> bool {
    let Some(prop) = callback_method(anc)
        .and_then(|f| field(f, "property"))
        .map(|p| text(p, src))
    else {
        return false;
    };
    EVENT_REGISTRATIONS.contains(&prop)
        || prop
            .strip_prefix("on")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Is the innermost function around a release the callback of a promise chain's `.finally(…)`,
/// or of a `.then(…)` chained after a `.catch(…)` (`….catch(log).then(() => client.end())`)?
/// It runs whether the chain failed or not.
fn promise_finally(anc: &[Node], src: &str) -> bool {
    let Some(f) = callback_method(anc) else {
        return false;
    };
    let property = |m: Node| field(m, "property").map(|p| text(p, src));
    match property(f) {
        Some("finally") => true,
        Some("then") => {
            field(f, "object")
                .map(unwrap_value)
                .filter(|o| o.kind_name() == "call_expression")
                .and_then(|o| field(o, "function"))
                .map(unwrap_value)
                .filter(|g| g.kind_name() == "member_expression")
                .and_then(property)
                == Some("catch")
        }
        _ => false,
    }
}

/// Is a receiver's last name the word the entry's constructor is called by (`driver.session()`
/// for neo4j's `neo4j.driver(url)`)? Only a distinctive word: five letters or more, and not one
/// every library uses (`client`, `connect`, `create`).
fn named_like_ctor(last: &str, def: &ClientDef) -> bool {
    def.constructors.iter().any(|k| {
        let word = k
            .path()
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        word.len() >= 5
            && !matches!(word.as_str(), "client" | "connect" | "create" | "default")
            && last.contains(word.as_str())
    })
}

/// The release methods of the entry a checkout's constructor is taken `on` (a `DataSource`'s
/// `destroy`).
fn ctor_on_release<'c>(
    catalog: &'c LangCatalog,
    chosen: Option<&(&ClientDef, &CtorDef)>,
) -> Option<&'c [String]> {
    let on = chosen?.1.on.as_deref()?;
    catalog.by_id(on).map(|d| d.release.as_slice())
}

impl<'t> Walker<'_, 't> {
    /// Is local `path` bound to an instance of a class that is not a library's: a `new` of a
    /// class the file names, or a field of the enclosing class declared with a type imported
    /// from the project? (A library's own constructions are known instances already.)
    fn foreign_instance(&self, at: Node<'t>, path: &str) -> bool {
        let src = self.src;
        let Some(v) = self
            .bindings
            .iter()
            .rev()
            .find(|(_, name, _)| *name == path)
            .map(|(_, _, b)| b)
            .and_then(|b| match b {
                Bound::Value(v) => Some(unwrap_value(*v)),
                Bound::Field(..) => None,
            })
        else {
            return false;
        };
        match v.kind_name() {
            "new_expression" => field(v, "constructor")
                .and_then(|c| callee_name(c, src))
                .is_some_and(|c| {
                    self.pre
                        .imports
                        .get(c)
                        .is_none_or(|imp| imp.local.is_some())
                }),
            "member_expression" => {
                if field(v, "object").is_none_or(|o| o.kind_name() != "this") {
                    return false;
                }
                let Some(prop) = field(v, "property").map(|p| text(p, src)) else {
                    return false;
                };
                let mut cur = at.parent();
                while let Some(c) = cur {
                    if c.kind_name() == "class_body" {
                        return named_kids(c).into_iter().any(|m| {
                            m.kind_name() == "public_field_definition"
                                && field(m, "name").is_some_and(|n| text(n, src) == prop)
                                && field(m, "type")
                                    .and_then(first_named)
                                    .filter(|t| t.kind_name() == "type_identifier")
                                    .and_then(|t| self.pre.imports.get(text(t, src)))
                                    .is_some_and(|imp| imp.local.is_some())
                        });
                    }
                    cur = c.parent();
                }
                false
            }
            _ => false,
        }
    }
}

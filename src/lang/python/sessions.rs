//! Sessions and connections (`with`, `Session()`, `pool.connection()`): whether every path
//! closes them, and what a try/finally or `with` fix may wrap.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// Record a session, connection or checkout opened in a function; its closing is decided
    /// here when its position settles it (`with`, `closing(…)`, `return`), else in
    /// [`Walker::finish_sessions`].
    pub(super) fn session_site(&mut self, call: Node<'t>, func: Node<'t>, def: &'a ClientDef) {
        let sp = span(call);
        if self.facts.sessions.last().is_some_and(|s| s.span == sp) {
            return;
        }
        let src = self.src;
        if def.borrows.as_ref().is_some_and(|b| borrows(call, b, src)) {
            return;
        }
        // Through methods that return the object itself:
        // `engine.connect().execution_options(isolation_level="AUTOCOMMIT")`.
        let mut n = self.path.len();
        while n >= 3
            && !def.returns_self.is_empty()
            && let (Some(attr), Some(outer)) = (self.path.get(n - 2), self.path.get(n - 3))
            && attr.kind_name() == "attribute"
            && attr.field("object") == self.path.get(n - 1).copied()
            && outer.kind_name() == "call"
            && outer.field("function") == Some(*attr)
            && attr
                .field("attribute")
                .is_some_and(|m| def.returns_self.iter().any(|r| r == text(m, src)))
        {
            n -= 2;
        }
        let climb = self.climb_from(n);
        let top = self.top();
        let (Some(fn_idx), owner, scope) = (top.fn_idx, top.owner, top.scope.clone()) else {
            return;
        };
        let closing = if climb.released || (climb.with_released && !def.with_keeps_open) {
            Some(Closing::Always)
        } else if climb.ctor_arg || (climb.returned == Returned::Direct && !climb.by_yield) {
            Some(Closing::HandedOver)
        } else {
            None
        };
        let rest_of_block = climb.stmt.and_then(rest_of_block);
        let indent = climb
            .stmt
            .map(|st| {
                let start = st.start_byte();
                let line_start = src
                    .get(..start)
                    .and_then(|b| b.rfind('\n'))
                    .map_or(0, |i| i + 1);
                src.get(line_start..start)
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect::<String>()
            })
            .unwrap_or_default();
        let ctor = format!("{}()", compact(text(func, src)));
        // `await client.aclose()` for the async flavour of a client that has both.
        let release = if ctor.contains("Async") && def.release.iter().any(|r| r == "aclose") {
            Some("aclose".to_string())
        } else {
            def.release.first().cloned()
        };
        let key = climb.key.clone().filter(|_| !climb.derived);
        if let Some(key) = &key {
            self.local_bound
                .insert((owner.id(), key.clone()), def.id.as_str());
        }
        let idx = self.facts.sessions.len();
        self.facts.sessions.push(SessionSite {
            client: def.id.clone(),
            kind: def.kind,
            ctor,
            span: sp,
            binding: climb.binding.clone(),
            closing: closing.unwrap_or(Closing::Never),
            release,
            scope,
            in_fn: Some(fn_idx),
            in_generator: false,
            returned: climb.returned == Returned::Direct && !climb.by_yield,
            anchors: SessionAnchors {
                statement: climb.statement,
                rest_of_block,
                indent,
            },
            sql_state: None,
            receiver_import: None,
            early_return: None,
            early_before_try: false,
        });
        self.session_pending.push(SessionPending {
            idx,
            owner,
            call,
            key,
            target: climb.target,
            store_recv: climb.store_recv,
            closing,
            release: def.release.clone(),
            with_keeps_open: def.with_keeps_open,
            stmt: climb.stmt,
            hoistable: (climb.key.is_none() || climb.derived)
                && climb.binding.is_none()
                && self.evaluated_first(),
        });
        if let Some(acc) = self.accs.last_mut() {
            acc.pending = true;
        }
    }

    /// A release method named without calling it, inside a function: it may be handed to
    /// someone who calls it later (`stack.callback(conn.close)`, `add_task(db.close)`).
    pub(super) fn on_attribute(&mut self, node: Node<'t>) {
        let Some(attr) = node.field("attribute") else {
            return;
        };
        if !self.release_names.contains(text(attr, self.src)) {
            return;
        }
        if self
            .parent_of_current()
            .is_some_and(|p| p.kind_name() == "call" && p.field("function") == Some(node))
        {
            return;
        }
        self.record(node, K::Attribute);
    }

    pub(super) fn finish_sessions(&mut self, bodies: &HashMap<usize, BodyInfo<'t>>) {
        let pending = std::mem::take(&mut self.session_pending);
        let empty = BodyInfo::default();
        for p in &pending {
            let info = bodies.get(&p.owner.id()).unwrap_or(&empty);
            let mut closing = match p.closing {
                Some(c) => c,
                None => {
                    let (closing, factory) = self.session_closing(p, info);
                    if factory && let Some(s) = self.facts.sessions.get_mut(p.idx) {
                        s.returned = true;
                    }
                    closing
                }
            };
            let binding = self
                .facts
                .sessions
                .get(p.idx)
                .and_then(|s| s.binding.clone());
            let aliases = binding
                .as_deref()
                .map(|b| self.aliases(info, b))
                .unwrap_or_default();
            // Released by the very next statement (`conn = connect()` last in a `try:` whose
            // handlers leave, then `conn.close()`): nothing can raise in between.
            if closing == Closing::NotOnErrorPaths
                && p.stmt
                    .and_then(next_statement)
                    .is_some_and(|n| self.is_release_stmt(n, &aliases, &p.release))
            {
                closing = Closing::Always;
            }
            // Opened once, then used by a `while` loop that follows it (a worker's connection):
            // it lives as long as the loop.
            if matches!(closing, Closing::Never | Closing::NotOnErrorPaths)
                && p.owner.kind_name() != "module"
                && let Some(b) = binding.as_deref()
                && self.kept_for_loop(p.owner, b, p.call.end_byte() as u32)
            {
                closing = Closing::HandedOver;
            }
            // Released in a `finally`, but a `return` before that `try` leaves it out.
            let early = (closing == Closing::Always && p.closing.is_none())
                .then(|| self.return_before_release(p, info, binding.as_deref()?, &aliases))
                .flatten();
            if early.is_some() {
                closing = Closing::NotOnErrorPaths;
            }
            let region = match closing {
                Closing::Never | Closing::NotOnErrorPaths if early.is_none() => {
                    self.wrap_region(p, closing, binding.as_deref(), &aliases, info)
                }
                _ => None,
            };
            if let Some(s) = self.facts.sessions.get_mut(p.idx) {
                s.closing = closing;
                s.in_generator = info.is_generator;
                s.anchors.rest_of_block = region;
                if let Some(r) = early {
                    s.early_return = Some(span(r));
                    s.early_before_try = true;
                }
            }
        }
    }

    /// A `return` between the statement that took the session and the `try` whose `finally`
    /// releases it (see [`super::early_return`]).
    fn return_before_release(
        &self,
        p: &SessionPending<'t>,
        info: &BodyInfo<'t>,
        binding: &str,
        aliases: &[String],
    ) -> Option<Node<'t>> {
        let stmt = p.stmt?;
        let try_stmt = info.release_calls.iter().find_map(|&(c, nested)| {
            if nested || !self.releases(c, aliases, &p.release) {
                return None;
            }
            let mut cur = c;
            while let Some(parent) = cur.parent() {
                if parent.id() == p.owner.id() {
                    return None;
                }
                if parent.kind_name() == "finally_clause" {
                    return parent.parent();
                }
                cur = parent;
            }
            None
        })?;
        super::early_return::return_before_finally(stmt, try_stmt, binding, self.src)
    }

    /// The construction is the first thing its statement evaluates (`X().get(u)`, `r = await
    /// X().get(u)`, `async with X().get(u) as r:`): binding it to a name just before the
    /// statement keeps the order of evaluation.
    pub(super) fn evaluated_first(&self) -> bool {
        let Some(call) = self.path.last().copied() else {
            return false;
        };
        let mut cur = call;
        for p in self.path.iter().rev().skip(1) {
            let first = match p.kind_name() {
                // `(await X()).m()`: the bound name would need the `await` too.
                "await" => cur != call,
                "parenthesized_expression" => true,
                "attribute" => p.field("object") == Some(cur),
                "call" => p.field("function") == Some(cur),
                "subscript" => p.field("value") == Some(cur),
                "assignment" => p.field("right") == Some(cur),
                "as_pattern" => p.named_child(0) == Some(cur),
                "with_item" => p.field("value") == Some(cur),
                "with_clause" => p.named_child(0) == Some(cur),
                "expression_statement" | "with_statement" => {
                    return p.parent().is_some_and(|b| b.kind_name() == "block");
                }
                _ => false,
            };
            if !first {
                return false;
            }
            cur = *p;
        }
        false
    }

    /// Where the calls releasing `aliases` stand, relative to `site` in `owner`: any in a
    /// `finally` around it, any deferred (in a nested function or closure), any plain.
    fn release_spread(
        &self,
        info: &BodyInfo<'t>,
        aliases: &[String],
        release: &[String],
        owner: Node<'t>,
        site: Node<'t>,
    ) -> (bool, bool, bool) {
        let (mut finally, mut deferred, mut plain, mut reraise) = (false, false, false, false);
        for &(c, nested) in &info.release_calls {
            if !self.releases(c, aliases, release) {
                continue;
            }
            if nested {
                deferred = true;
                continue;
            }
            match release_position(c, owner, site, self.src) {
                Position::Finally => finally = true,
                Position::Deferred => deferred = true,
                Position::Plain => plain = true,
                Position::Reraise => reraise = true,
            }
        }
        // `except Exception: pool.putconn(conn, close=True); raise` beside a release on the
        // way out (`else: pool.putconn(conn)`): every path, as a `finally` would.
        (finally || (reraise && plain), deferred, plain)
    }

    /// What a project factory returned (`session = db.get_session()`) closed by plain calls
    /// only: in no `finally`, not by the statement right after, not by `with`/`closing`.
    pub(super) fn release_unguarded(&self, p: &Pending<'t>, info: &BodyInfo<'t>) -> bool {
        let (Some(key), Some(target)) = (p.key.as_deref(), p.target) else {
            return false;
        };
        let aliases = self.aliases(info, key);
        let release = &self.cat.generic_release;
        if p.derived
            || info
                .releases
                .iter()
                .any(|(r, m)| aliases.contains(r) && (m == WITH || m == CLOSED))
        {
            return false;
        }
        let (finally, deferred, plain) =
            self.release_spread(info, &aliases, release, p.owner, target);
        if finally || deferred {
            return false;
        }
        let stmt = target
            .parent()
            .filter(|a| a.kind_name() == "assignment")
            .and_then(|a| a.parent());
        plain
            && !stmt
                .and_then(next_statement)
                .is_some_and(|n| self.is_release_stmt(n, &aliases, release))
    }

    /// Is `stmt` a plain statement releasing one of `aliases` (`conn.close()`, `await
    /// conn.close()`, `pool.putconn(conn)`)?
    pub(super) fn is_release_stmt(
        &self,
        stmt: Node<'t>,
        aliases: &[String],
        release: &[String],
    ) -> bool {
        if stmt.kind_name() != "expression_statement" || stmt.named_child_count() != 1 {
            return false;
        }
        let mut e = stmt.named_child(0);
        while let Some(n) =
            e.filter(|n| matches!(n.kind_name(), "await" | "parenthesized_expression"))
        {
            e = n.named_child(0);
        }
        e.is_some_and(|c| c.kind_name() == "call" && self.releases(c, aliases, release))
    }

    /// What a `try … finally` fix wraps (see [`SessionAnchors::rest_of_block`]), or `None` where
    /// wrapping could change what the code does:
    /// - never closed and bound: the statements after the acquisition to the end of its block,
    ///   when the name is used nowhere else in the function;
    /// - never closed, not bound but evaluated first (`r = await X().get(u)`): the acquiring
    ///   statement and the rest of the block (the fix binds the construction first);
    /// - closed on the happy path by a plain statement of the same block: the statements up to
    ///   and including that release (the fix moves it into `finally:`).
    ///
    /// Refused: nothing to wrap, a statement sharing the acquisition's line (multi-line strings
    /// are fine: the rule keeps their lines as they are), a syntax error, a `yield` other than `yield
    /// <name>` (a generator dependency), a `return` of something that lives on the client (a
    /// value derived from it, or a direct call on it: `return session.query(User)`), another
    /// release, or — for a bound name — rebinding it or a nested function using it.
    pub(super) fn wrap_region(
        &self,
        p: &SessionPending<'t>,
        closing: Closing,
        binding: Option<&str>,
        aliases: &[String],
        info: &BodyInfo<'t>,
    ) -> Option<Span> {
        let src = self.src;
        let stmt = p.stmt?;
        stmt.parent().filter(|b| b.kind_name() == "block")?;
        let line_head = src.get(line_start(src, stmt.start_byte()) as usize..stmt.start_byte())?;
        if !line_head.trim().is_empty() {
            return None;
        }
        // The statements after it in its block, by cursor (`next_named_sibling` walks the
        // parent's children from the first: quadratic over a long block); a region longer than
        // [`MAX_WRAPPED`] statements is not a fix anyone would take.
        let mut after = Vec::new();
        let mut cursor = stmt.parent()?.walk();
        cursor.goto_first_child_for_byte(stmt.start_byte())?;
        while cursor.node().id() != stmt.id() {
            if !cursor.goto_next_sibling() {
                return None;
            }
        }
        while cursor.goto_next_sibling() {
            let n = cursor.node();
            if !n.is_named() {
                continue;
            }
            if after.len() == MAX_WRAPPED {
                return None;
            }
            after.push(n);
        }
        let hoist = binding.is_none();
        // `with psycopg2.connect() as conn:` does not close: the fix is `closing(…)`, not a
        // `try` after the block.
        if (hoist && !(p.key.is_none() && p.hoistable))
            || (!hoist && stmt.kind_name() == "with_statement")
        {
            return None;
        }
        let region: Vec<Node<'t>> = match closing {
            Closing::Never if hoist => std::iter::once(stmt).chain(after).collect(),
            Closing::Never => after,
            Closing::NotOnErrorPaths if !hoist => {
                let at = after
                    .iter()
                    .position(|n| self.is_release_stmt(*n, aliases, &p.release))?;
                let rel = after[at];
                if rel.start_position().row != rel.end_position().row {
                    return None;
                }
                after.truncate(at + 1);
                after
            }
            _ => return None,
        };
        let wrapped: Vec<Node<'t>> = region
            .iter()
            .copied()
            .filter(|n| n.kind_name() != "comment")
            .collect();
        let released_at_end = closing == Closing::NotOnErrorPaths;
        let body = if released_at_end {
            &wrapped[..wrapped.len().saturating_sub(1)]
        } else {
            &wrapped[..]
        };
        let first = body.first()?;
        if !hoist && first.start_position().row == stmt.end_position().row {
            return None;
        }
        let (start, end) = (region.first()?, region.last()?);
        let span_ = Span::new(start.start_byte(), end.end_byte());
        // Names that hold the client or something derived from it.
        let mut derived: HashSet<String> = aliases.iter().cloned().collect();
        if hoist {
            match stmt.kind_name() {
                "expression_statement" => {
                    if let Some(a) = stmt
                        .named_child(0)
                        .filter(|a| a.kind_name() == "assignment")
                        && let Some(l) = a.field("left")
                    {
                        bind_targets(l, src, &mut derived);
                    }
                }
                _ => {
                    if let Some(clause) = named_children(stmt)
                        .into_iter()
                        .find(|c| c.kind_name() == "with_clause")
                    {
                        bound_names_in(clause, src, &mut derived);
                    }
                }
            }
        }
        // One step further: what a call on the client returns (`cur = conn.cursor()`, `r =
        // await session.get(u)`); not values computed from those (`data = r.json()`).
        for (l, r) in &info.assigns {
            if self.is_exact(chain_root(*r), aliases) {
                bind_targets(*l, src, &mut derived);
            }
        }
        let derived: Vec<String> = derived.into_iter().collect();
        for n in body {
            if !self.wrappable(*n, binding, aliases, &derived, &p.release) {
                return None;
            }
        }
        if let Some(name) = binding {
            let names = [name.to_string()];
            let mut rebound = HashSet::default();
            for n in body {
                bound_names_in(*n, src, &mut rebound);
            }
            if rebound.contains(name) {
                return None;
            }
            // Used elsewhere in the function (before, or after the block): closing it at the
            // end of the block would break that use.
            if closing == Closing::Never
                && self.mentioned_outside(p.owner, &names, stmt.start_byte(), span_.end as usize)
            {
                return None;
            }
        }
        Some(span_)
    }

    /// Can `node` (a statement a fix wraps) move into a `try:` body? See [`Walker::wrap_region`].
    pub(super) fn wrappable(
        &self,
        node: Node<'t>,
        binding: Option<&str>,
        aliases: &[String],
        derived: &[String],
        release: &[String],
    ) -> bool {
        let src = self.src;
        let mut stack = vec![(node, false)];
        while let Some((n, nested)) = stack.pop() {
            if n.is_error() || n.is_missing() {
                return false;
            }
            let mut inner = nested;
            match n.kind_name() {
                "function_definition" | "lambda" | "class_definition" => {
                    if binding.is_some() && self.mentions(n, aliases) {
                        return false;
                    }
                    inner = true;
                }
                "yield" if !nested => {
                    let v = n.named_child(0).map(strip);
                    let own = binding.is_some_and(|b| {
                        v.is_some_and(|v| v.kind_name() == "identifier" && text(v, src) == b)
                    });
                    if !own {
                        return false;
                    }
                }
                "return_statement" if !nested => {
                    if let Some(v) = n.named_child(0) {
                        let mut v = strip(v);
                        while v.kind_name() == "await" {
                            match v.named_child(0) {
                                Some(x) => v = strip(x),
                                None => break,
                            }
                        }
                        if self.is_exact(v, derived) {
                            return false;
                        }
                        let on_client = v.kind_name() == "call"
                            && v.field("function")
                                .filter(|f| f.kind_name() == "attribute")
                                .and_then(|f| f.field("object"))
                                .is_some_and(|o| self.is_exact(o, aliases));
                        if on_client {
                            return false;
                        }
                    }
                }
                "call" if !aliases.is_empty() && self.releases(n, aliases, release) => {
                    return false;
                }
                _ => {}
            }
            stack.extend(named_children(n).into_iter().map(|c| (c, inner)));
        }
        true
    }

    /// Is one of `names` used in `owner`'s body outside the bytes `from..to`?
    pub(super) fn mentioned_outside(
        &self,
        owner: Node<'t>,
        names: &[String],
        from: usize,
        to: usize,
    ) -> bool {
        let Some(body) = owner.field("body") else {
            return true;
        };
        let index = self.idents_of(body);
        names.iter().any(|name| {
            index
                .get(name)
                .is_some_and(|spans| spans.iter().any(|(s, e)| !(*s >= from && *e <= to)))
        })
    }

    /// The identifiers of `body` (field names aside) and their spans, once per body.
    pub(super) fn idents_of(&self, body: Node<'t>) -> std::rc::Rc<IdentIndex> {
        if let Some(known) = self.idents.borrow().get(&body.id()) {
            return known.clone();
        }
        let mut index = IdentIndex::default();
        // Each node with its parent (`Node::parent` descends from the root on every call).
        let mut stack = vec![(body, None::<Node<'t>>)];
        while let Some((n, parent)) = stack.pop() {
            crate::lang::budget::tick();
            if n.kind_name() == "identifier" {
                let field_name = parent.or_else(|| n.parent()).is_some_and(|p| {
                    p.field("attribute") == Some(n)
                        || (p.kind_name() == "keyword_argument" && p.field("name") == Some(n))
                });
                if !field_name {
                    index
                        .entry(text(n, self.src).to_string())
                        .or_default()
                        .push((n.start_byte(), n.end_byte()));
                }
            }
            stack.extend(named_children(n).into_iter().map(|c| (c, Some(n))));
        }
        let index = std::rc::Rc::new(index);
        self.idents.borrow_mut().insert(body.id(), index.clone());
        index
    }

    /// The catalogue's `owner_handles` of session `idx`'s entry (`cursor`: a cursor keeps its
    /// connection).
    fn owner_handles_of(&self, idx: usize) -> &[String] {
        self.facts
            .sessions
            .get(idx)
            .and_then(|s| self.cat.by_id(&s.client))
            .map(|d| d.owner_handles.as_slice())
            .unwrap_or(&[])
    }

    /// How a session whose own position does not settle it is closed, from its function body,
    /// and whether the function is a factory of sessions: it hands the session over by a
    /// `return` of its local name (`s = SessionLocal(); …; return s`), not kept on an object
    /// first (`self._conn = conn; return conn`, `g.db = connect(…); return g.db`: a cache
    /// something else closes).
    pub(super) fn session_closing(
        &self,
        p: &SessionPending<'t>,
        info: &BodyInfo<'t>,
    ) -> (Closing, bool) {
        let stored = p.target.is_some_and(|t| self.stored_away(t, info, false))
            || p.store_recv
                .is_some_and(|r| self.stored_away(r, info, true));
        let Some(key) = p.key.as_deref() else {
            return if stored {
                (Closing::HandedOver, false)
            } else {
                (Closing::Never, false)
            };
        };
        let aliases = self.aliases(info, key);
        let (finally, deferred, released) =
            self.release_spread(info, &aliases, &p.release, p.owner, p.call);
        if finally {
            return (Closing::Always, false);
        }
        let owner_handles = self.owner_handles_of(p.idx);
        if self.session_returned(info, &aliases, owner_handles) {
            let factory =
                !key.contains(['.', '[']) && !stored && !self.stored_later(info, &aliases);
            return (Closing::HandedOver, factory);
        }
        if released {
            return (Closing::NotOnErrorPaths, false);
        }
        let with_later = info.releases.iter().any(|(r, m)| {
            aliases.contains(r) && (m == CLOSED || (m == WITH && !p.with_keeps_open))
        });
        let ref_passed = info
            .release_refs
            .iter()
            .any(|(r, m)| aliases.contains(r) && p.release.contains(m));
        // Handed to what a parameter holds, or kept by a nested function that uses it.
        let handed = info.handed.iter().any(|h| aliases.contains(h));
        if stored
            || with_later
            || ref_passed
            || deferred
            || handed
            || self.stored_later(info, &aliases)
        {
            return (Closing::HandedOver, false);
        }
        (Closing::Never, false)
    }

    /// `key` and the local names assigned from it (`conn = db`).
    pub(super) fn aliases(&self, info: &BodyInfo<'t>, key: &str) -> Vec<String> {
        // Two passes over the assignments in order, each adding `name` when its value is
        // exactly an alias known at that point (`is_exact`); through an index of the values,
        // so that a body of thousands of assignments and sessions stays linear.
        let index = info.alias_index.get_or_init(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, (l, r)) in info.assigns.iter().enumerate() {
                let v = strip(*r);
                if l.kind_name() != "identifier"
                    || !matches!(v.kind_name(), "identifier" | "attribute" | "subscript")
                {
                    continue;
                }
                let t = text(v, self.src);
                let c = compact(t);
                if c != t {
                    index.entry(c).or_default().push(i);
                }
                index.entry(t.to_string()).or_default().push(i);
            }
            index
        });
        let matching = |alias: &str| index.get(alias).map_or(&[][..], Vec::as_slice);
        let mut aliases = vec![key.to_string()];
        let mut known: HashSet<String> = aliases.iter().cloned().collect();
        for _ in 0..2 {
            let mut changed = false;
            let mut queue: std::collections::BTreeSet<usize> = aliases
                .iter()
                .flat_map(|a| matching(a).iter().copied())
                .collect();
            while let Some(i) = queue.pop_first() {
                let Some((l, _)) = info.assigns.get(i) else {
                    continue;
                };
                let name = text(*l, self.src);
                if known.insert(name.to_string()) {
                    aliases.push(name.to_string());
                    changed = true;
                    queue.extend(matching(name).iter().copied().filter(|j| *j > i));
                }
            }
            if !changed {
                break;
            }
        }
        aliases
    }

    /// Is `call` a release of one of `aliases`: a release method called on it (`db.close()`),
    /// or on anything with it as the first argument (`pool.putconn(conn)`, `pool.release(conn)`)?
    pub(super) fn releases(&self, call: Node<'t>, aliases: &[String], release: &[String]) -> bool {
        let src = self.src;
        let helper = call.field("function").and_then(|f| match f.kind_name() {
            "identifier" => Some(text(f, src)),
            "attribute" => f.field("attribute").map(|a| text(a, src)),
            _ => None,
        });
        if helper.is_some_and(releasing_helper)
            && call_args(call)
                .0
                .first()
                .is_some_and(|a| aliases.contains(&compact(text(strip(*a), src))))
        {
            return true;
        }
        let Some(f) = call
            .field("function")
            .filter(|f| f.kind_name() == "attribute")
        else {
            return false;
        };
        let (Some(obj), Some(attr)) = (f.field("object"), f.field("attribute")) else {
            return false;
        };
        if !release.iter().any(|r| r == text(attr, src)) {
            return false;
        }
        let recv = compact(text(obj, src));
        aliases.contains(&recv)
            || call_args(call)
                .0
                .first()
                .is_some_and(|a| aliases.contains(&compact(text(strip(*a), src))))
    }

    /// Does the function `return` (not `yield`) one of `aliases`, in a container, or passed to
    /// a class (`return UserRepository(session)`)?
    pub(super) fn session_returned(
        &self,
        info: &BodyInfo<'t>,
        aliases: &[String],
        owner_handles: &[String],
    ) -> bool {
        info.returns
            .iter()
            .filter(|r| !info.yields.contains(&r.id()))
            .any(|r| {
                let v = strip(*r);
                if self.is_exact(v, aliases) || self.is_owner_handle(v, aliases, owner_handles) {
                    return true;
                }
                match v.kind_name() {
                    "tuple" | "list" | "expression_list" | "dictionary" => {
                        named_children(v).into_iter().any(|el| {
                            let el = if el.kind_name() == "pair" {
                                el.field("value").unwrap_or(el)
                            } else {
                                el
                            };
                            self.is_exact(strip(el), aliases)
                        })
                    }
                    "call" => self.wrapped_in_class(v, aliases),
                    // `server = FastMCP.from_openapi(client=client); return server`
                    "identifier" => {
                        let name = text(v, self.src);
                        info.assigns.iter().any(|(l, r)| {
                            l.kind_name() == "identifier"
                                && text(*l, self.src) == name
                                && self.wraps(*r, aliases)
                        })
                    }
                    _ => false,
                }
            })
    }

    /// Is one of `aliases` stored later where it outlives the call (`self.db = db`, `g.db = db`,
    /// `request.state.db = db`, `_conns[k] = conn`, `global CONN; CONN = conn`)?
    pub(super) fn stored_later(&self, info: &BodyInfo<'t>, aliases: &[String]) -> bool {
        // (Or an object built on it, kept there: `self._jira = JiraClient(session, base_url)`.)
        info.assigns.iter().any(|(l, r)| {
            (l.kind_name() != "identifier" || info.globals.contains(text(*l, self.src)))
                && (self.is_exact(*r, aliases) || self.wrapped_in_class(*r, aliases))
                && !aliases.contains(&compact(text(*l, self.src)))
                && self.stored_away(*l, info, false)
        }) || info
            .stores
            .iter()
            .any(|(recv, v)| self.is_exact(*v, aliases) && self.stored_away(*recv, info, true))
    }

    /// Does storing into `node` (an assignment target, or a container when `container`) keep
    /// the value beyond the call: an owner (`self`, `cls`), a parameter object, a global or
    /// module-level state (incl. imported objects such as Flask's `g`)?
    pub(super) fn stored_away(&self, node: Node, info: &BodyInfo<'t>, container: bool) -> bool {
        let src = self.src;
        let root = match node.kind_name() {
            "identifier" => {
                let name = text(node, src);
                if !container {
                    return info.globals.contains(name);
                }
                name
            }
            "attribute" | "subscript" => match root_ident(node, src) {
                Some(r) => r,
                None => return false,
            },
            _ => return false,
        };
        root == "self"
            || root == "cls"
            || info.params.contains(root)
            || info.globals.contains(root)
            || (!info.locals.contains(root)
                && (self.pre.module_names.contains(root) || self.pre.imports.contains_key(root)))
    }

    pub(super) fn call_site(
        &mut self,
        call: Node<'t>,
        func: Node<'t>,
        name: String,
        module: Option<ModuleRef>,
    ) {
        let climb = self.climb();
        // `handler = EventHandler()`: what the name holds, for the methods called on it.
        if class_like(&name)
            && let Some(b) = climb.binding.as_ref().filter(|_| !climb.derived)
        {
            let owner = self.top().owner.id();
            self.instances.insert((owner, b.clone()), module.clone());
        }
        let collected = self.kept_per_element(call, func, climb.binding.as_deref());
        let top = self.top();
        let fallback_param = self.param_fallback(call);
        let needs_param = self.param_needed(call);
        let given = self.given_args(call);
        let first_arg = call_args(call)
            .0
            .first()
            .and_then(|a| crate::facts::arg_key(text(*a, self.src)));
        // `reporter.conn = store.ensure_alive(reporter.conn)`: stored back where its argument
        // came from, the value is kept and replaced only when the callee decides (a reconnect),
        // not built anew per call.
        let refreshes = climb.target.is_some_and(|t| {
            let t = compact(text(t, self.src));
            call_args(call)
                .0
                .iter()
                .any(|a| compact(text(strip(*a), self.src)) == t)
        });
        let refreshes = refreshes || climb.target.is_some_and(|t| self.closed_before(call, t));
        let site = CallSite {
            callee: compact(text(func, self.src)),
            name,
            module,
            span: span(call),
            scope: top.scope.clone(),
            guard: if refreshes {
                Guard::ModuleCache
            } else {
                top.guard
            },
            binding: climb.binding.clone(),
            released: climb.released || climb.with_released,
            release_unguarded: false,
            handed: false,
            returned: climb.returned,
            in_fn: top.fn_idx,
            method: false,
            receiver: None,
            fallback_param,
            needs_param,
            serves_loop: false,
            given,
            collected,
            first_arg,
        };
        let pending = Pending {
            site: SiteRef::Call(self.facts.calls.len()),
            owner: top.owner,
            key: climb.key,
            target: climb.target,
            owner_target: climb.owner_target,
            store_recv: climb.store_recv,
            args: call.field("arguments"),
            scope_kind: top.scope.kind,
            derived: climb.derived,
        };
        self.facts.calls.push(site);
        self.pending.push(pending);
        if let Some(acc) = self.accs.last_mut() {
            acc.pending = true;
        }
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// The current call builds an instance of a class of the project, the class in `module`
    /// (`None`: this file): remember the name it is bound to.
    pub(super) fn remember_instance(&mut self, module: Option<ModuleRef>) {
        let climb = self.climb();
        if climb.derived {
            return;
        }
        if let Some(b) = climb.binding {
            let owner = self.top().owner.id();
            self.instances.insert((owner, b), module);
        }
    }

    /// `name.method` where `name` holds an instance of a class of the project, bound earlier in
    /// this function (or else at module level): the method's name and the module of its class.
    pub(super) fn instance_method(&self, func: Node<'t>) -> Option<(String, Option<ModuleRef>)> {
        if self.instances.is_empty() || func.kind_name() != "attribute" {
            return None;
        }
        let obj = func
            .field("object")
            .filter(|o| o.kind_name() == "identifier")?;
        let method = func.field("attribute")?;
        let name = text(obj, self.src).to_string();
        let module_owner = self.frames.first().map(|f| f.owner.id());
        let module = self
            .instances
            .get(&(self.top().owner.id(), name.clone()))
            .or_else(|| self.instances.get(&(module_owner?, name)))?;
        Some((text(method, self.src).to_string(), module.clone()))
    }

    /// Is `target` (`self.engine`) released by another method of the class (`def onStopped(self,
    /// context): self.engine.dispose()`)? Then the method keeping it there opens what that one
    /// closes: a lifecycle's pair of hooks (NiFi's `onScheduled` / `onStopped`), run once per
    /// start, not per event.
    pub(super) fn released_by_sibling(&self, target: Node<'t>) -> bool {
        let src = self.src;
        let want = compact(text(target, src));
        let ancestor = |n: Node<'t>, kind: &str| {
            let mut cur = n.parent();
            while let Some(p) = cur {
                if p.kind_name() == kind {
                    return Some(p);
                }
                cur = p.parent();
            }
            None
        };
        let Some(method) = ancestor(target, "function_definition") else {
            return false;
        };
        // (A method of the class: its body's item, decorated or not.)
        let Some(class) = method
            .parent()
            .filter(|p| p.kind_name() == "decorated_definition")
            .or(Some(method))
            .and_then(|m| m.parent())
            .and_then(|b| b.parent())
            .filter(|c| c.kind_name() == "class_definition")
        else {
            return false;
        };
        let Some(body) = class.field("body") else {
            return false;
        };
        named_children(body).into_iter().any(|item| {
            let f = match item.kind_name() {
                "decorated_definition" => item.field("definition"),
                "function_definition" => Some(item),
                _ => None,
            };
            // (A method that stops something: `onStopped`, `shutdown`, `teardown`; not the
            // end of a request, Tornado's `on_finish`, nor of a connection, `on_close`.)
            let stops = |f: Node| {
                f.field("name").is_some_and(|n| {
                    crate::lang::inferred::name_words(text(n, src))
                        .iter()
                        .any(|w| {
                            matches!(
                                w.as_str(),
                                "stop"
                                    | "stopped"
                                    | "shutdown"
                                    | "dispose"
                                    | "destroy"
                                    | "terminate"
                                    | "teardown"
                                    | "unload"
                                    | "disable"
                                    | "unscheduled"
                                    | "deactivate"
                                    | "cleanup"
                            )
                        })
                })
            };
            f.is_some_and(|f| {
                f.id() != method.id() && stops(f) && {
                    let t = compact(text(f, src));
                    self.release_names
                        .iter()
                        .any(|m| t.contains(&format!("{want}.{m}(")))
                }
            })
        })
    }

    /// `Class(…).method` with `Class` a class of this file or imported from the project: the
    /// method's name and the module of its class.
    pub(super) fn built_in_place_method(
        &self,
        func: Node<'t>,
    ) -> Option<(String, Option<ModuleRef>)> {
        if func.kind_name() != "attribute" {
            return None;
        }
        let obj = func.field("object").filter(|o| o.kind_name() == "call")?;
        let class = obj
            .field("function")
            .filter(|f| f.kind_name() == "identifier")?;
        let class = text(class, self.src);
        let method = text(func.field("attribute")?, self.src).to_string();
        if self.pre.classes.contains(class) {
            return Some((method, None));
        }
        if !class_like(class) {
            return None;
        }
        let (_, module) = self.pre.project_target(&[class], self.file)?;
        Some((method, Some(module?)))
    }
}

/// Is the construction `call` given a connection someone else holds (the catalogue's
/// `borrows`: `Session(bind=connection)`, `Session(bind=op.get_bind())`)?
fn borrows(call: Node, b: &crate::catalog::BorrowedBind, src: &str) -> bool {
    let (_, keywords) = call_args(call);
    let Some(value) = keyword(&keywords, &b.keyword, src) else {
        return false;
    };
    let value = strip(value);
    match value.kind_name() {
        "call" => value
            .field("function")
            .filter(|f| f.kind_name() == "attribute")
            .and_then(|f| f.field("attribute"))
            .is_some_and(|m| b.calls.iter().any(|c| c == text(m, src))),
        "identifier" | "attribute" => {
            let name = text(value, src);
            let last = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
            b.names.iter().any(|n| last.contains(n.as_str()))
        }
        _ => false,
    }
}

/// Where a release call sits relative to the acquisition.
pub(super) enum Position {
    /// In the `finally:` of a `try` that ends after the acquisition: runs on every path.
    Finally,
    /// In a lambda or nested function: someone else calls it.
    Deferred,
    /// Straight-line code: skipped when an exception is raised before it.
    Plain,
    /// In an `except` that catches any exception and raises it again, of a `try` that ends
    /// after the acquisition: the exception path.
    Reraise,
}

pub(super) fn release_position(call: Node, owner: Node, site: Node, src: &str) -> Position {
    let mut cur = call;
    while let Some(parent) = cur.parent() {
        if parent.id() == owner.id() {
            break;
        }
        match parent.kind_name() {
            "lambda" | "function_definition" => return Position::Deferred,
            // In another branch of an `if` than the acquisition (`if msg == "startup": state[
            // "http"] = Client() … elif msg == "shutdown": state["http"].close()`): released
            // when another event takes that branch, not on the way out of this one.
            "elif_clause" | "else_clause" | "block"
                if parent.parent().is_some_and(|i| {
                    i.kind_name() == "if_statement"
                        && i.start_byte() <= site.start_byte()
                        && site.end_byte() <= i.end_byte()
                        && !(parent.start_byte() <= site.start_byte()
                            && site.end_byte() <= parent.end_byte())
                        && (parent.kind_name() != "block"
                            || i.field("consequence")
                                .is_some_and(|c| c.id() == parent.id()))
                }) =>
            {
                return Position::Deferred;
            }
            "finally_clause"
                if parent
                    .parent()
                    .is_some_and(|t| t.end_byte() > site.start_byte()) =>
            {
                return Position::Finally;
            }
            "except_clause"
                if parent
                    .parent()
                    .is_some_and(|t| t.end_byte() > site.start_byte())
                    && catches_all_and_reraises(parent, src) =>
            {
                return Position::Reraise;
            }
            _ => {}
        }
        cur = parent;
    }
    Position::Plain
}

/// `except:`, `except Exception:` or `except BaseException [as e]:` whose block ends with a bare
/// `raise` (or `raise e`).
fn catches_all_and_reraises(clause: Node, src: &str) -> bool {
    let kids = named_children(clause);
    let Some(block) = kids.iter().rev().find(|k| k.kind_name() == "block") else {
        return false;
    };
    let broad = kids.iter().filter(|k| k.kind_name() != "block").all(|k| {
        let t = match k.kind_name() {
            "as_pattern" => k.named_child(0).map_or("", |n| text(n, src)),
            _ => text(*k, src),
        };
        matches!(t, "Exception" | "BaseException")
    });
    broad
        && named_children(*block)
            .last()
            .is_some_and(|st| st.kind_name() == "raise_statement")
}

/// A helper named for releasing what it is given (`_safe_close_session`, `close_connection`,
/// `release_conn`, `dispose_engine`), not a release method itself (`close`).
pub(super) fn releasing_helper(name: &str) -> bool {
    let n = name.trim_start_matches('_').to_ascii_lowercase();
    [
        "close_",
        "release_",
        "dispose_",
        "safe_close",
        "_close",
        "cleanup_",
    ]
    .iter()
    .any(|w| n.contains(w))
}

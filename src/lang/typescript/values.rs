//! Where a construction's value goes: bound, returned, stored, wrapped, handed to a call or to
//! a callback (`ValueContext`).

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// The object whose method `call` calls, when the current function built it (a local, not
    /// a parameter): `container` in `container.bind(T).toConstantValue(x)`. What is handed to
    /// it goes wherever it goes ([`Frame::held`], [`Site::held_by`]).
    pub(super) fn own_object(&self, call: Node<'t>) -> Option<&'a str> {
        let frame = self
            .frames
            .last()
            .filter(|f| self.frames.len() > 1 && !f.locals.is_empty())?;
        let object = field(call, "function")
            .map(unwrap_value)
            .and_then(|c| field(c, "object"))?;
        let (root, _) = self.chain_root(object)?;
        (frame.locals.iter().any(|l| l == root) && !frame.params.iter().any(|p| p == root))
            .then_some(root)
    }

    /// [`root_of`], remembered for every link of the chain on the way down: the walk asks it of
    /// each call of a chain, outermost first, and a chain may be thousands of links long.
    pub(super) fn chain_root(&self, n: Node<'t>) -> Option<(&'a str, Option<&'a str>)> {
        let src = self.src;
        let mut cache = self.chain_roots.borrow_mut();
        if let Some(r) = cache.get(&n.id()) {
            return *r;
        }
        // The links from `n` down, then what is below the last: the root (its method is the
        // property of the member nearest it), a link already known, or no root.
        let mut links: Vec<Node<'t>> = vec![n];
        let mut cur = unwrap_value(n);
        let below = loop {
            crate::lang::budget::tick();
            if let Some(r) = cache.get(&cur.id()) {
                break *r;
            }
            match chain_link(cur, src) {
                ChainLink::Root(root) => break Some((root, None)),
                ChainLink::Next(next) => {
                    links.push(cur);
                    cur = next;
                }
                ChainLink::Broken => break None,
            }
        };
        let mut out = below;
        for link in links.iter().rev() {
            if let Some((root, method)) = out
                && method.is_none()
                && link.kind_name() == "member_expression"
            {
                out = Some((root, field(*link, "property").map(|p| text(p, src))));
            }
            cache.insert(link.id(), out);
        }
        out
    }

    /// Walk up from a construction through the expression that holds it: its binding, whether
    /// it is returned, and the guard the holder implies.
    pub(super) fn value_context(&self, at: At<'_, 't>) -> ValueContext {
        let src = self.src;
        let mut out = ValueContext {
            binding: None,
            returned: Returned::No,
            guard: Guard::None,
            using: false,
            member: None,
            via_arg: false,
            holder: None,
            held_by: None,
            delivered: delivered_by_callback(at.node, src).into_iter().collect(),
        };
        let mut cur = at;
        let mut wrapped = false;
        while let Some(p) = cur.up() {
            let (pn, cn) = (p.node, cur.node);
            match pn.kind_name() {
                "await_expression"
                | "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "non_null_expression"
                | "type_assertion" => {}
                "member_expression" if is_field(pn, "object", cn) => {
                    // `new X().connect()`, `mongoose.connect(…).then(…)`: the chain's value.
                    if out.member.is_none() && !out.via_arg {
                        out.member = field(pn, "property").map(|x| text(x, src).to_string());
                        // `MongoClient.connect(url).then((client) => { this.client = client })`:
                        // the continuation's parameter is the client.
                        if out.member.as_deref() == Some("then")
                            && let Some(call) = p.up()
                            && let Some(cb) = call_args(call.node).first().map(|a| unwrap_value(*a))
                            && let Some(name) = param_name(cb, 0)
                        {
                            out.delivered.push(text(name, src).to_string());
                        }
                    }
                    if let Some(call) = p.up().filter(|c| {
                        c.node.kind_name() == "call_expression" && is_field(c.node, "function", pn)
                    }) {
                        cur = call;
                        continue;
                    }
                }
                "arguments" => {
                    let Some(call) = p.up() else { break };
                    let name = field(call.node, "function")
                        .and_then(|c| callee_name(c, src))
                        .unwrap_or("");
                    let first = named_kids(pn).first().is_some_and(|a| a.id() == cn.id());
                    if first && MEMO_VALUE_HOOKS.contains(&name) {
                        out.guard = Guard::Memo;
                        break;
                    }
                    if name == "set"
                        && let Some(obj) = field(call.node, "function")
                            .map(unwrap_value)
                            .and_then(|c| field(c, "object"))
                    {
                        let g = self.classify_target_object(obj);
                        if g != Guard::None {
                            out.guard = g;
                            break;
                        }
                    }
                    // Handed to a React state setter (`setSocket(io(url))`): see
                    // `Walker::is_state_setter`.
                    if first
                        && field(call.node, "function")
                            .map(unwrap_value)
                            .is_some_and(|c| self.is_state_setter(c))
                    {
                        out.guard = Guard::Owner;
                        break;
                    }
                    // A function of this file that returns that argument
                    // (`withLogging(new Redis(url))`) passes the value through.
                    let index = named_kids(pn).iter().position(|a| a.id() == cn.id());
                    let passes_through = field(call.node, "function")
                        .map(unwrap_value)
                        .filter(|c| c.kind_name() == "identifier")
                        .and_then(|c| self.top_level_fn(text(c, src)))
                        .and_then(|f| returned_param(f, src))
                        .is_some_and(|i| Some(i) == index);
                    if !passes_through {
                        out.via_arg = true;
                    }
                    // Handed to a method of an object this function built (`container.bind(T)
                    // .toConstantValue(new S3Client())`).
                    if out.held_by.is_none() {
                        out.held_by = self.own_object(call.node).map(String::from);
                    }
                    cur = call;
                    continue;
                }
                "pair" if is_field(pn, "value", cn) => wrapped = true,
                "object" | "array" | "spread_element" => wrapped = true,
                "ternary_expression" if !is_field(pn, "condition", cn) => {}
                "binary_expression" => {
                    let op = field(pn, "operator").map(|o| text(o, src)).unwrap_or("");
                    if !matches!(op, "??" | "||") || !is_field(pn, "right", cn) {
                        break;
                    }
                    if let Some(l) = field(pn, "left") {
                        let g = self.classify_target(l);
                        // A `globalThis` cache that is read (`g.prisma ?? new PrismaClient()`)
                        // but never written back caches nothing: every load builds a client.
                        let stored = g != Guard::GlobalCache
                            || self
                                .pre
                                .assigned_paths
                                .contains(&target_key(text(unwrap_value(l), src)));
                        if g != Guard::None && stored && out.guard == Guard::None {
                            out.guard = g;
                        }
                    }
                }
                "augmented_assignment_expression" | "assignment_expression" => {
                    if !is_field(pn, "right", cn) {
                        break;
                    }
                    if let Some(l) = field(pn, "left") {
                        let g = self.classify_target(l);
                        if g != Guard::None && out.guard == Guard::None {
                            out.guard = g;
                        }
                        if l.kind_name() == "identifier" && !wrapped {
                            out.binding = Some(text(l, src).to_string());
                        } else if l.kind_name() == "identifier" {
                            out.holder = Some(text(l, src).to_string());
                        }
                    }
                    // tree-sitter-typescript 0.23 reads `using x = …` as an assignment.
                    out.using = statement_of(p).is_some_and(|s| {
                        let t = text(s, src);
                        t.starts_with("using ") || t.starts_with("await using ")
                    });
                    break;
                }
                "variable_declarator" => {
                    if is_field(pn, "value", cn)
                        && let Some(pattern) = field(pn, "name")
                            .filter(|x| matches!(x.kind_name(), "object_pattern" | "array_pattern"))
                        && !wrapped
                        && out.member.is_none()
                        && !out.via_arg
                    {
                        pattern_names(pattern, src, &mut out.delivered);
                    }
                    if is_field(pn, "value", cn)
                        && let Some(name) =
                            field(pn, "name").filter(|x| x.kind_name() == "identifier")
                    {
                        if wrapped {
                            out.holder = Some(text(name, src).to_string());
                        } else {
                            out.binding = Some(text(name, src).to_string());
                        }
                    }
                    break;
                }
                "return_statement" | "yield_expression" => {
                    // Returned from an immediately invoked function: the value of the call
                    // (`this.s3 ??= (async () => { return new S3Client() })()`).
                    if pn.kind_name() == "return_statement"
                        && let Some(call) = iife_call_of(p)
                    {
                        cur = call;
                        continue;
                    }
                    out.returned = out.link(&[], &[]);
                    break;
                }
                "arrow_function" => {
                    if is_field(pn, "body", cn) {
                        if let Some(call) = iife_call(p) {
                            cur = call;
                            continue;
                        }
                        if !self.is_loop_callback(p) {
                            out.returned = out.link(&[], &[]);
                        }
                    }
                    break;
                }
                _ => break,
            }
            cur = p;
        }
        out
    }

    /// The construction is itself the value its function returns: `return new X(…)`,
    /// `return createClient(…)`, through parentheses, `as T`, `satisfies T`, `<T>x`; or the
    /// expression body of an arrow (`const getDb = () => new MongoClient(uri)`), not a `map`
    /// callback's.
    pub(super) fn is_direct_return(&self, at: At<'_, 't>) -> bool {
        let mut cur = at;
        while let Some(p) = cur.up() {
            match p.node.kind_name() {
                "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "type_assertion" => cur = p,
                "return_statement" => return true,
                "arrow_function" => {
                    return is_field(p.node, "body", cur.node) && !self.is_loop_callback(p);
                }
                _ => return false,
            }
        }
        false
    }

    pub(super) fn is_loop_callback(&self, f: At<'_, 't>) -> bool {
        let call = arg_position(f).map(|(call, _)| call.node);
        call.and_then(|c| field(c, "function"))
            .and_then(|c| callee_name(c, self.src))
            .is_some_and(|c| LOOP_METHODS.contains(&c))
            && !self.value_transform(call)
    }

    /// Is `call` a `map`/`flatMap`/… of a module that transforms one value (the catalogue's
    /// `[registration] value_modules`: `Effect.map(f)`, `O.map(f)` from fp-ts), whose callback
    /// runs once, not per element?
    pub(super) fn value_transform(&self, call: Option<Node<'t>>) -> bool {
        let modules = &self.catalog.registration.value_modules;
        let Some(object) = call
            .and_then(|c| field(c, "function"))
            .map(unwrap_value)
            .filter(|c| c.kind_name() == "member_expression")
            .and_then(|c| field(c, "object"))
            .filter(|o| o.kind_name() == "identifier")
        else {
            return false;
        };
        self.pre
            .imports
            .get(text(object, self.src))
            .is_some_and(|imp| modules.iter().any(|m| wildcard_match(m, &imp.module)))
    }
}

#[derive(Debug)]
pub(super) struct ValueContext {
    pub(super) binding: Option<String>,
    pub(super) returned: Returned,
    pub(super) guard: Guard,
    pub(super) using: bool,
    /// The first member called on the construction (`connect` in `new X().connect()`).
    pub(super) member: Option<String>,
    /// The construction is an argument of a call (`drizzle(new Pool())`).
    pub(super) via_arg: bool,
    /// The variable holding a value the construction is wrapped in (`db = new Kysely({ dialect:
    /// new PostgresDialect({ pool: new pg.Pool() }) })` → `db`): caching it caches the client.
    pub(super) holder: Option<String>,
    /// See [`Site::held_by`].
    pub(super) held_by: Option<String>,
    /// The callback parameter the construction hands its value to (`conn` in
    /// `amqp.connect(url, (err, conn) => …)`, `client` in `….then((client) => …)`), or the
    /// names a destructuring binds from it (`const { queue, worker } = createQueue(…)`): what
    /// is done with them (`this.conn = conn`, `conn.close()`, `this.queues.set(k, queue)`) is
    /// done to the client.
    pub(super) delivered: Vec<String>,
}

impl ValueContext {
    /// What the holding expression is, relative to the construction. Without catalogue
    /// knowledge (`returns_self` and `handles` empty), any chain counts as a handle.
    pub(super) fn link(&self, returns_self: &[String], handles: &[String]) -> Returned {
        let generic = returns_self.is_empty() && handles.is_empty();
        match &self.member {
            None if self.via_arg => Returned::Derived,
            None => Returned::Direct,
            Some(m) if returns_self.contains(m) => {
                if self.via_arg {
                    Returned::Derived
                } else {
                    Returned::Direct
                }
            }
            Some(m) if generic || handles.contains(m) => Returned::Derived,
            Some(_) => Returned::No,
        }
    }
}

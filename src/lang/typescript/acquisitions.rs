//! What an effect acquires (connections, listeners, timers, subscriptions), deferred work,
//! bindings, aliases and abort signals.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn acquisition(
        &self,
        a: At<'_, 't>,
        parts: &EffectParts<'t>,
    ) -> Option<Acquisition> {
        let src = self.src;
        let n = a.node;
        // `this.subscribe()` in a class that defines `subscribe`: the helper's body is what
        // acquires (it is followed), not the call.
        if n.kind_name() == "call_expression"
            && parts.class_body.is_some()
            && self.helper_of(n, parts.class_body).is_some()
        {
            return None;
        }
        let (pair, receiver, disposer, by_binding) = if let Some(id) = self.client_acquisition(n) {
            (format!("client:{id}"), None, false, false)
        } else {
            let (p, recv) = self.effect_pair(n, &parts.bodies)?;
            // `streamChatManager.connectUser(…)` on the project's own wrapper (imported from a
            // project module) shares only the method's name with the SDK: the wrapper manages
            // the connection's lifecycle itself.
            let by_method = field(n, "function")
                .map(unwrap_value)
                .and_then(|c| field(c, "property"))
                .is_some_and(|m| p.methods.iter().any(|x| x == text(m, src)));
            if by_method && recv.is_some_and(|r| self.is_project_wrapper(r)) {
                return None;
            }
            // `selection.on("dblclick.zoom", null)`: a listener set to nothing removes one
            // (d3, jQuery-style APIs), it does not add one.
            if p.matching == Matching::Listener
                && call_args(n)
                    .get(1)
                    .is_some_and(|h| matches!(text(unwrap_value(*h), src), "null" | "undefined"))
            {
                return None;
            }
            (
                p.id.clone(),
                recv,
                p.disposer,
                p.matching == Matching::Binding,
            )
        };
        if is_promise_wait(a, src) {
            return None;
        }
        let mut binding = holder_text(a, src);
        // `subscription.add(route.queryParams.subscribe(…))`: RxJS's parent subscription takes
        // the child, and unsubscribing the parent unsubscribes it.
        if binding.is_none()
            && disposer
            && let Some(args) = a.node.parent().filter(|p| p.kind_name() == "arguments")
            && let Some(call) = args.parent().filter(|c| c.kind_name() == "call_expression")
            && let Some(callee) = field(call, "function").map(unwrap_value)
            && callee.kind_name() == "member_expression"
            && field(callee, "property").is_some_and(|p| text(p, src) == "add")
            && let Some(parent) = field(callee, "object")
        {
            binding = Some(self.ctext(parent));
        }
        // A client the effect closes itself (`try { … } finally { await client.end() }` in an
        // async IIFE, `.finally(() => client.end())`) and returns no cleanup: closed when its
        // work ends, not left for a cleanup.
        if parts.returns.is_empty()
            && parts.cleanup_fns.is_empty()
            && let Some(id) = pair.strip_prefix("client:")
            && let Some(b) = binding.as_deref()
            && let Some(def) = self.catalog.by_id(id)
        {
            let mut closed = false;
            for m in &def.release {
                method_calls(&parts.bodies, m, src, |_, object| {
                    closed |= text(object, src) == b;
                });
            }
            if closed {
                return None;
            }
        }
        // `const { room, leave } = client.enterRoom(…)`: the result's disposer, destructured
        // under its release's name, is what releases it.
        if let Some(p) = self.catalog.effect(&pair)
            && let Some(field) = &p.disposer_field
            && let Some(d) = destructured_release(a, std::slice::from_ref(field), src)
        {
            binding = Some(d);
        }
        // `channel.subscribe()` on a bound channel (Supabase: `subscribe` returns the channel
        // itself, released with `removeChannel(channel)`): the receiver stands for the result.
        if binding.is_none()
            && disposer
            && by_binding
            && let Some(r) = receiver
                .map(unwrap_value)
                .filter(|r| r.kind_name() == "identifier")
            // (Not a module's client, `pubnub.subscribe({ channels })`: the effect did not build
            // it, and its release names what to leave, `pubnub.unsubscribe({ channels })`.)
            && !self.pre.imports.contains_key(text(r, src))
            && !self.pre.module_vars.contains(text(r, src))
        {
            binding = Some(text(r, src).to_string());
        }
        // Returned as the cleanup: only a disposer is one (`return onSnapshot(…)`); an
        // interval id or a socket returned from an effect is not a function React can call.
        // Stored in an array whose elements the cleanup releases one by one
        // (`subs.forEach((s) => s.unsubscribe())`).
        let releases: &[String] = match pair.strip_prefix("client:") {
            Some(id) => self
                .catalog
                .by_id(id)
                .map(|d| &d.release[..])
                .unwrap_or(&[]),
            None => self
                .catalog
                .effect(&pair)
                .map(|p| &p.release[..])
                .unwrap_or(&[]),
        };
        let element_released = parts.released_elements.get(&n.id()).is_some_and(|ms| {
            ms.iter().any(|m| {
                releases
                    .iter()
                    .any(|r| r.rsplit('.').next() == Some(m.as_str()))
            })
        });
        let returned = element_released
            || self.handed_to_returned_call(n, binding.as_deref(), parts)
            || disposer && self.returned_to_cleanup_holder(a, binding.as_deref(), parts)
            || disposer
                && (parts.pushed.contains(&n.id())
                    || parts.returns.iter().any(|r| {
                        r.id() == n.id()
                            || (r.kind_name() == "identifier"
                                && binding.as_deref() == Some(text(*r, src)))
                    }));
        // A function written inline is a new object, equal to nothing a cleanup can name: it is
        // recorded as `<function literal at START..END>` (its byte span), like the cleanup's
        // inline functions (see [`Walker::cleanup_call`]), so that a fix can bind it to a name.
        // In TypeScript, a parameter without a type annotation takes its type from the call
        // (`(event) => …` is a `MessageEvent` handler): `, typed by its call` is appended,
        // since the function moved to a `const` of its own would lose that type.
        let ts = matches!(self.pre.file.lang, Lang::Ts | Lang::Tsx);
        let args: Vec<String> = call_args(n)
            .into_iter()
            .map(|x| {
                let u = unwrap_value(x);
                if is_fn_kind(u.kind_name()) {
                    let typed_by_call = if ts && has_untyped_params(u) {
                        ", typed by its call"
                    } else {
                        ""
                    };
                    format!(
                        "<function literal at {}..{}{typed_by_call}>",
                        u.start_byte(),
                        u.end_byte()
                    )
                } else {
                    self.ctext(x)
                }
            })
            .collect();
        // Listener releases repeat the event and the handler; the others name only the binding
        // or the receiver.
        let listener = self
            .catalog
            .effect(&pair)
            .is_some_and(|p| p.matching == Matching::Listener);
        let statement = self.effect_statement(a, parts, receiver, binding.as_deref(), listener);
        let binding_root = binding
            .as_deref()
            .map(|b| b.split(['.', '[']).next().unwrap_or(b).to_string());
        // A listener's handler by name, which the effect may store under another name for its
        // cleanup (`editor._onClick = onClick` … `removeEventListener("click", editor._onClick)`).
        let handler = listener
            .then(|| args.get(1))
            .flatten()
            .filter(|h| {
                h.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            })
            .cloned();
        let aliases = self.acquisition_aliases(
            receiver,
            [binding_root.as_deref(), handler.as_deref()],
            parts,
            a,
        );
        Some(Acquisition {
            pair,
            call: self.short_call(n),
            span: span(n),
            binding,
            receiver: receiver.map(|r| self.ctext(r)),
            args,
            signal: self.signal_of(n, &parts.bodies),
            returned,
            statement,
            in_callback: self.in_callback(a),
            aliases,
            receiver_signal: (n.kind_name() == "call_expression")
                .then(|| self.receiver_signal(n, &parts.bodies))
                .flatten(),
            nested: nested_anchors(a, parts, src),
            targets: Vec::new(),
            callback_def: call_args(n)
                .first()
                .map(|x| unwrap_value(*x))
                .filter(|x| x.kind_name() == "identifier")
                .and_then(|x| self.lookup_fn(text(x, src), n.start_byte()))
                .map(span),
        })
    }

    /// Whether the acquisition `a` (found by a walk from an effect body, `a.anc[0]`) runs in a
    /// function that other code calls later rather than in the effect's own run (see
    /// [`Acquisition::in_callback`]).
    pub(super) fn in_callback(&self, a: At<'_, 't>) -> bool {
        let Some(root) = a.anc.first().copied() else {
            return false;
        };
        if self.deferred_at(a, root, 0) {
            return true;
        }
        // `const schedule = (fn) => setTimeout(fn, 50); idleRef.current = schedule(run)`: the
        // nearest function returns the acquisition to callers that keep it.
        let mut cur = a;
        while let Some(p) = cur.up() {
            let k = p.node.kind_name();
            if is_fn_kind(k) {
                return p.node.id() != root.id() && self.returned_to_holders(p, root);
            }
            let through = matches!(
                k,
                "parenthesized_expression"
                    | "as_expression"
                    | "satisfies_expression"
                    | "non_null_expression"
                    | "return_statement"
            );
            if !through {
                return false;
            }
            if k == "return_statement" {
                // `return setTimeout(…)` directly in the function's body block.
                let block = p.up().filter(|b| b.node.kind_name() == "statement_block");
                match block.and_then(|b| b.up()) {
                    Some(f) if is_fn_kind(f.node.kind_name()) && f.node.id() != root.id() => {
                        return self.returned_to_holders(f, root);
                    }
                    _ => return false,
                }
            }
            cur = p;
        }
        false
    }

    /// Some function between `a` and `root` runs on events (see [`Walker::fn_deferred`]).
    pub(super) fn deferred_at(&self, a: At<'_, 't>, root: Node<'t>, depth: u8) -> bool {
        if depth > 3 {
            return false;
        }
        (1..a.anc.len()).rev().any(|i| {
            let f = At {
                node: a.anc[i],
                anc: &a.anc[..i],
            };
            is_fn_kind(f.node.kind_name())
                && f.node.id() != root.id()
                && self.fn_deferred(f, root, depth)
        })
    }

    /// A function written in an effect body runs later, on events: it is given to a call that
    /// keeps it (`addEventListener`, `on`, `subscribe`, `new ResizeObserver(…)`; not
    /// `then`, `forEach`, `setTimeout`, an IIFE), assigned to an event property
    /// (`ws.onmessage = …`), or bound to a name that only such calls and functions use.
    pub(super) fn fn_deferred(&self, f: At<'_, 't>, root: Node<'t>, depth: u8) -> bool {
        let src = self.src;
        if is_iife(f, src) {
            return false;
        }
        if let Some((call, _)) = arg_position(f) {
            return !runs_once(call.node, src);
        }
        let Some((name, decl)) = bound_fn_name(f, src) else {
            return false;
        };
        if name.starts_with("on")
            && decl.kind_name() == "assignment_expression"
            && field(decl, "left").is_some_and(|l| l.kind_name() == "member_expression")
        {
            return true;
        }
        every_reference(root, src, &name, &[f.node, decl], |r| {
            let handed = arg_position(r).is_some_and(|(call, _)| !runs_once(call.node, src));
            handed || self.deferred_at(r, root, depth + 1)
        })
    }

    /// Handed to the call whose result the effect returns: `$effect(() => mergeUnlisten(
    /// a.on(…), b.subscribe(…)))`, `return combine(unsub, off)`, or pushed into an array the
    /// returned call is given (`fns.push(x.subscribe(…)); return mergeUnlisten(...fns)`). An
    /// effect may only return its cleanup, so a call building it from the acquisition's result
    /// makes that result part of the cleanup.
    pub(super) fn handed_to_returned_call(
        &self,
        n: Node<'t>,
        binding: Option<&str>,
        parts: &EffectParts<'t>,
    ) -> bool {
        let src = self.src;
        let pushed_into = n
            .parent()
            .filter(|p| p.kind_name() == "arguments")
            .and_then(|args| args.parent())
            .filter(|c| c.kind_name() == "call_expression")
            .and_then(|c| field(c, "function"))
            .map(unwrap_value)
            .filter(|m| {
                m.kind_name() == "member_expression"
                    && field(*m, "property")
                        .is_some_and(|p| matches!(text(p, src), "push" | "unshift"))
            })
            .and_then(|m| field(m, "object"))
            .map(unwrap_value)
            .filter(|o| o.kind_name() == "identifier")
            .map(|o| text(o, src));
        let names = |x: Node<'t>| {
            x.kind_name() == "identifier"
                && (binding == Some(text(x, src)) || pushed_into == Some(text(x, src)))
        };
        parts.returns.iter().any(|r| {
            let r = unwrap_value(*r);
            if !matches!(r.kind_name(), "call_expression" | "new_expression") || r.id() == n.id() {
                return false;
            }
            call_args(r).into_iter().any(|arg| {
                let mut arg = unwrap_value(arg);
                if arg.kind_name() == "spread_element"
                    && let Some(inner) = arg.named_child(0)
                {
                    arg = unwrap_value(inner);
                }
                arg.id() == n.id()
                    || names(arg)
                    || (arg.kind_name() == "array"
                        && named_kids(arg).into_iter().any(|e| {
                            let e = unwrap_value(e);
                            e.id() == n.id() || names(e)
                        }))
            })
        })
    }

    /// A disposer a local function of the effect returns (`async function init() { const
    /// unsub = await client.subscribe(cb); return unsub }`), whose promise the effect keeps
    /// (`const initPromise = init()`) and the cleanup settles (`initPromise.then((u) => u())`).
    pub(super) fn returned_to_cleanup_holder(
        &self,
        a: At<'_, 't>,
        binding: Option<&str>,
        parts: &EffectParts<'t>,
    ) -> bool {
        let src = self.src;
        let Some(root) = a.anc.first().copied() else {
            return false;
        };
        let mut cur = a;
        let f = loop {
            let Some(p) = cur.up() else {
                return false;
            };
            if is_fn_kind(p.node.kind_name()) {
                break p;
            }
            cur = p;
        };
        if f.node.id() == root.id() {
            return false;
        }
        let returns_it = returned_values(f.node).into_iter().any(|r| {
            let r = unwrap_value(r);
            r.id() == a.node.id()
                || (r.kind_name() == "identifier" && binding == Some(text(r, src)))
        });
        let Some((name, decl)) = returns_it.then(|| bound_fn_name(f, src)).flatten() else {
            return false;
        };
        let mut holders: Vec<String> = Vec::new();
        every_reference(root, src, &name, &[decl], |r| {
            if let Some(c) = r.up().filter(|c| {
                c.node.kind_name() == "call_expression" && is_field(c.node, "function", r.node)
            }) && let Some(h) = holder_text(c, src)
            {
                holders.push(h);
            }
            true
        });
        parts.cleanup_fns.iter().any(|c| {
            let t = text(*c, src);
            holders.iter().any(|h| t.contains(&format!("{h}.then(")))
        })
    }

    /// Every use of the function `f` (bound to a name) calls it and keeps the result:
    /// `idleRef.current = schedule(run)`.
    pub(super) fn returned_to_holders(&self, f: At<'_, 't>, root: Node<'t>) -> bool {
        let src = self.src;
        let Some((name, decl)) = bound_fn_name(f, src) else {
            return false;
        };
        every_reference(root, src, &name, &[decl], |r| {
            r.up().is_some_and(|c| {
                c.node.kind_name() == "call_expression"
                    && is_field(c.node, "function", r.node)
                    && holder_text(c, src).is_some()
            })
        })
    }

    /// The statement of the effect callback's own body that holds an acquisition (the call's
    /// own statement, or the `if`, loop or async IIFE around it), when every name a release
    /// would use (the binding's, the receiver's and, `with_args`, the event's and the
    /// handler's roots) is in scope in the cleanup a fix would extend (the first one the effect
    /// returns, or one added at the end of the body). `None` when one of them is declared in a
    /// nested function or block that the cleanup is not in (`const place = …` inside an async
    /// IIFE), or when the acquisition is in a helper or an expression-bodied effect.
    pub(super) fn effect_statement(
        &self,
        a: At<'_, 't>,
        parts: &EffectParts<'t>,
        receiver: Option<Node<'t>>,
        binding: Option<&str>,
        with_args: bool,
    ) -> Option<Span> {
        let src = self.src;
        let block = parts
            .bodies
            .first()
            .and_then(|cb| field(*cb, "body"))
            .filter(|b| b.kind_name() == "statement_block")?;
        // Names declared between the effect body and the acquisition, in scopes that do not
        // also hold the cleanup a fix would extend (`if (el) { let t; …; return () => … }`).
        let cleanup_at = parts.cleanup_fns.first().map(|f| f.start_byte());
        let mut nested: Vec<String> = Vec::new();
        let mut top = None;
        let mut cur = a;
        while let Some(p) = cur.up() {
            if p.node.id() == block.id() {
                top = Some(cur.node);
                break;
            }
            if cleanup_at.is_some_and(|c| p.node.byte_range().contains(&c)) {
                cur = p;
                continue;
            }
            let k = p.node.kind_name();
            if is_fn_kind(k) {
                for ps in [field(p.node, "parameters"), field(p.node, "parameter")]
                    .into_iter()
                    .flatten()
                {
                    pattern_names(ps, src, &mut nested);
                }
                if let Some(name) = field(p.node, "name") {
                    nested.push(text(name, src).to_string());
                }
            } else if matches!(
                k,
                "statement_block" | "program" | "switch_body" | "switch_case"
            ) {
                for st in named_kids(p.node) {
                    declared_names(st, src, &mut nested);
                }
            } else if matches!(k, "for_statement" | "for_in_statement") {
                for f in ["initializer", "left"] {
                    if let Some(x) = field(p.node, f) {
                        declared_names(x, src, &mut nested);
                        if f == "left"
                            && ["const", "let", "var"]
                                .iter()
                                .any(|t| token(p.node, t).is_some())
                        {
                            pattern_names(x, src, &mut nested);
                        }
                    }
                }
            } else if k == "catch_clause"
                && let Some(x) = field(p.node, "parameter")
            {
                pattern_names(x, src, &mut nested);
            }
            cur = p;
        }
        let top = top?;
        if !nested.is_empty() {
            let mut roots: Vec<String> = Vec::new();
            if let Some(b) = binding {
                roots.push(b.split(['.', '[']).next().unwrap_or(b).to_string());
            }
            let args = if with_args {
                call_args(a.node)
            } else {
                Vec::new()
            };
            for x in receiver.into_iter().chain(args.into_iter().take(2)) {
                let x = unwrap_value(x);
                if is_fn_kind(x.kind_name()) {
                    continue;
                }
                match root_of(x, src) {
                    Some((r, _)) => roots.push(r.to_string()),
                    // A value the release would repeat but connlint cannot follow.
                    None if !matches!(x.kind_name(), "string" | "number" | "true" | "false") => {
                        return None;
                    }
                    None => {}
                }
            }
            if roots.iter().any(|r| nested.contains(r)) {
                return None;
            }
        }
        Some(span(top))
    }

    /// The canonical text of the value a local of the effect is bound to
    /// (`const c = client.call("default", id)` → `client.call("default",id)`).
    pub(super) fn bound_value(&self, name: Node, bodies: &[Node<'t>]) -> Option<String> {
        let name = unwrap_value(name);
        if name.kind_name() != "identifier" {
            return None;
        }
        let want = text(name, self.src);
        let mut found = None;
        for body in bodies {
            traverse_flat(self.pre.flat, *body, |a, entering| {
                let d = a.node;
                if !entering || found.is_some() || d.kind_name() != "variable_declarator" {
                    return;
                }
                if field(d, "name").is_some_and(|x| text(x, self.src) == want)
                    && let Some(v) = field(d, "value")
                {
                    found = Some(self.ctext(v));
                }
            });
        }
        found
    }

    /// The aliases (see [`Walker::aliases_of`]) of the roots of an acquisition's receiver, its
    /// binding and a listener's handler, as `(root, alias)` pairs.
    pub(super) fn acquisition_aliases(
        &self,
        receiver: Option<Node<'t>>,
        names: [Option<&str>; 2],
        parts: &EffectParts<'t>,
        at: At<'_, 't>,
    ) -> Vec<(String, String)> {
        // A helper the mount calls (`this.open()`, which does `const ws = new WebSocket(…);
        // this.ws = ws`): its own body is where the local gets its other names.
        let helper = at
            .anc
            .iter()
            .rev()
            .find(|n| is_fn_kind(n.kind_name()))
            .copied()
            .filter(|f| !parts.bodies.iter().any(|b| b.id() == f.id()));
        let mut roots: Vec<&str> = Vec::new();
        if let Some((r, _)) = receiver.and_then(|r| root_of(r, self.src))
            && r != "this"
        {
            roots.push(r);
        }
        roots.extend(names.into_iter().flatten());
        roots.dedup();
        roots
            .into_iter()
            .flat_map(|r| {
                self.aliases_of(r, parts, helper)
                    .into_iter()
                    .map(move |al| (r.to_string(), al))
            })
            .collect()
    }

    /// Other names the effect stores the value of its local `name` under, where its cleanup
    /// may release it: `joined = lobby`, `const current = socket`, `ref.current = ws`, and
    /// the state `spring` for `setSpring(newSpring)` when `spring` is one of the effect's
    /// dependencies (the run that the change starts returns the cleanup that sees it; with
    /// other dependencies the cleanup sees the state of an older render).
    pub(super) fn aliases_of(
        &self,
        name: &str,
        parts: &EffectParts<'t>,
        helper: Option<Node<'t>>,
    ) -> Vec<String> {
        let src = self.src;
        let is_name = |x: Node| {
            let x = unwrap_value(x);
            x.kind_name() == "identifier" && text(x, src) == name
        };
        let mut out: Vec<String> = Vec::new();
        let mut setters: Vec<String> = Vec::new();
        for body in parts.bodies.iter().copied().chain(helper) {
            traverse_flat(self.pre.flat, body, |a, entering| {
                let n = a.node;
                if !entering {
                    return;
                }
                match n.kind_name() {
                    "assignment_expression" => {
                        if field(n, "right").is_some_and(is_name)
                            && let Some(left) = field(n, "left").map(unwrap_value)
                            && matches!(left.kind_name(), "identifier" | "member_expression")
                        {
                            out.push(self.ctext(left));
                        }
                    }
                    "variable_declarator" => {
                        if field(n, "value").is_some_and(is_name)
                            && let Some(left) =
                                field(n, "name").filter(|l| l.kind_name() == "identifier")
                        {
                            out.push(text(left, src).to_string());
                        }
                    }
                    "call_expression" => {
                        if let Some(f) = field(n, "function").map(unwrap_value)
                            && f.kind_name() == "identifier"
                            && text(f, src).starts_with("set")
                            && call_args(n).len() == 1
                            && call_args(n).first().is_some_and(|x| is_name(*x))
                        {
                            setters.push(text(f, src).to_string());
                        }
                    }
                    _ => {}
                }
            });
        }
        if !setters.is_empty()
            && let Some(root) = self.root
        {
            // `const [spring, setSpring] = useState(…)`
            traverse_flat(self.pre.flat, root, |a, entering| {
                let d = a.node;
                if !entering || d.kind_name() != "variable_declarator" {
                    return;
                }
                let (Some(pat), Some(v)) = (field(d, "name"), field(d, "value").map(unwrap_value))
                else {
                    return;
                };
                let is_state = v.kind_name() == "call_expression"
                    && field(v, "function")
                        .and_then(|f| dotted_path(f, src))
                        .is_some_and(|p| p == "useState" || p.ends_with(".useState"));
                let names = named_kids(pat);
                if pat.kind_name() != "array_pattern" || !is_state || names.len() != 2 {
                    return;
                }
                let (state, setter) = (text(names[0], src), text(names[1], src));
                if setters.iter().any(|s| s == setter) && parts.deps.iter().any(|d| d == state) {
                    out.push(state.to_string());
                }
            });
        }
        out.retain(|x| x != name);
        out.sort();
        out.dedup();
        out
    }

    /// The value a local of the effect (`name`) is declared with.
    pub(super) fn declared_value(&self, name: &str, bodies: &[Node<'t>]) -> Option<Node<'t>> {
        let mut found = None;
        for body in bodies {
            traverse_flat(self.pre.flat, *body, |a, entering| {
                let d = a.node;
                if !entering || found.is_some() || d.kind_name() != "variable_declarator" {
                    return;
                }
                if field(d, "name").is_some_and(|x| text(x, self.src) == name) {
                    found = field(d, "value").map(unwrap_value);
                }
            });
        }
        found
    }

    /// The abort signal given when the receiver of the call `n` was built:
    /// `const sub = new SSEStreamSubscription(url, { signal: abort.signal })` (the options
    /// also through a local: `const opts = { signal }`, `const opts = (id) => ({ signal, … })`)
    /// for `sub.subscribe()`.
    pub(super) fn receiver_signal(&self, n: Node<'t>, bodies: &[Node<'t>]) -> Option<String> {
        let src = self.src;
        let callee = unwrap_value(field(n, "function")?);
        let obj = unwrap_value(field(callee, "object")?);
        if obj.kind_name() != "identifier" {
            return None;
        }
        let built = self.declared_value(text(obj, src), bodies)?;
        if !matches!(built.kind_name(), "new_expression" | "call_expression") {
            return None;
        }
        let mut work: Vec<(Node<'t>, u8)> = call_args(built).into_iter().map(|a| (a, 0)).collect();
        while let Some((x, depth)) = work.pop() {
            let x = unwrap_value(x);
            if depth > 3 {
                continue;
            }
            match x.kind_name() {
                "object" => {
                    for k in named_kids(x) {
                        match k.kind_name() {
                            "pair"
                                if field(k, "key").and_then(|x| key_name(x, src))
                                    == Some("signal") =>
                            {
                                let sig = field(k, "value").map(|v| self.ctext(v))?;
                                return Some(self.resolve_signal(sig, bodies));
                            }
                            "shorthand_property_identifier" if text(k, src) == "signal" => {
                                return Some(self.resolve_signal("signal".to_string(), bodies));
                            }
                            _ => {}
                        }
                    }
                }
                "identifier" => {
                    if let Some(v) = self.declared_value(text(x, src), bodies) {
                        work.push((v, depth + 1));
                    }
                }
                "call_expression" => {
                    let f = field(x, "function").map(unwrap_value);
                    if let Some(f) = f.filter(|f| f.kind_name() == "identifier")
                        && let Some(v) = self.declared_value(text(f, src), bodies)
                        && v.kind_name() == "arrow_function"
                        && let Some(b) = field(v, "body")
                    {
                        work.push((b, depth + 1));
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The `signal` option of a call (`{ signal: controller.signal }`, `{ signal }`), resolved
    /// through `const signal = controller.signal` / `const { signal } = controller`.
    pub(super) fn signal_of(&self, n: Node, bodies: &[Node<'t>]) -> Option<String> {
        let src = self.src;
        let mut sig = None;
        for a in call_args(n).into_iter().map(unwrap_value) {
            if a.kind_name() != "object" {
                continue;
            }
            for k in named_kids(a) {
                match k.kind_name() {
                    "pair" if field(k, "key").and_then(|x| key_name(x, src)) == Some("signal") => {
                        sig = field(k, "value").map(|v| self.ctext(v));
                    }
                    "shorthand_property_identifier" if text(k, src) == "signal" => {
                        sig = Some("signal".to_string());
                    }
                    _ => {}
                }
            }
        }
        Some(self.resolve_signal(sig?, bodies))
    }

    /// A signal's canonical text resolved through the effect's locals: `signal` bound by
    /// `const signal = controller.signal` or `const { signal } = controller` is
    /// `controller.signal`; anything else is returned as it is.
    pub(super) fn resolve_signal(&self, sig: String, bodies: &[Node<'t>]) -> String {
        let src = self.src;
        if sig.contains('.')
            || !sig
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            return sig;
        }
        let mut resolved = None;
        for body in bodies {
            traverse_flat(self.pre.flat, *body, |a, entering| {
                let d = a.node;
                if !entering || resolved.is_some() || d.kind_name() != "variable_declarator" {
                    return;
                }
                let (Some(name), Some(value)) = (field(d, "name"), field(d, "value")) else {
                    return;
                };
                let v = unwrap_value(value);
                if dotted_path(v, src).is_none() {
                    return;
                }
                match name.kind_name() {
                    "identifier" if text(name, src) == sig => resolved = Some(self.ctext(v)),
                    "object_pattern" => {
                        let binds = named_kids(name).into_iter().any(|p| match p.kind_name() {
                            "shorthand_property_identifier_pattern" => {
                                text(p, src) == sig && sig == "signal"
                            }
                            "pair_pattern" => {
                                field(p, "key").and_then(|x| key_name(x, src)) == Some("signal")
                                    && field(p, "value").is_some_and(|x| text(x, src) == sig)
                            }
                            _ => false,
                        });
                        if binds {
                            resolved = Some(format!("{}.signal", self.ctext(v)));
                        }
                    }
                    _ => {}
                }
            });
        }
        resolved.unwrap_or(sig)
    }

    /// The acquiring call, short: `window.addEventListener("resize", onResize)`,
    /// `supabase.channel("room").on(…).subscribe()`.
    pub(super) fn short_call(&self, n: Node) -> String {
        match n.kind_name() {
            "new_expression" => {
                let ctor = field(n, "constructor")
                    .map(|c| self.short_expr(c, 0))
                    .unwrap_or_default();
                format!("new {ctor}({})", self.short_args(n))
            }
            _ => {
                let callee = field(n, "function")
                    .map(|c| self.short_expr(c, 0))
                    .unwrap_or_default();
                format!("{callee}({})", self.short_args(n))
            }
        }
    }

    pub(super) fn short_expr(&self, n: Node, depth: u8) -> String {
        let n = unwrap_value(n);
        if depth < 12 {
            match n.kind_name() {
                "member_expression" => {
                    if let (Some(o), Some(p)) = (field(n, "object"), field(n, "property")) {
                        return format!("{}.{}", self.short_expr(o, depth + 1), text(p, self.src));
                    }
                }
                "call_expression" => {
                    if let Some(f) = field(n, "function") {
                        return format!(
                            "{}({})",
                            self.short_expr(f, depth + 1),
                            self.short_args(n)
                        );
                    }
                }
                _ => {}
            }
        }
        let t = display_text(text(n, self.src));
        if t.chars().count() > 40 {
            "…".to_string()
        } else {
            t
        }
    }

    pub(super) fn short_args(&self, call: Node) -> String {
        let args: Vec<String> = call_args(call)
            .into_iter()
            .map(|a| {
                let a = unwrap_value(a);
                let t = display_text(text(a, self.src));
                if is_fn_kind(a.kind_name()) || t.chars().count() > 32 {
                    "…".to_string()
                } else {
                    t
                }
            })
            .collect();
        args.join(", ")
    }
}

/// The local a destructuring of the acquisition's result binds one of `release` to (`leave` in
/// `const { room, leave } = client.enterRoom(…)`, `stop` in `{ leave: stop }`).
fn destructured_release(at: At, release: &[String], src: &str) -> Option<String> {
    let mut cur = at;
    let decl = loop {
        let p = cur.up()?;
        match p.node.kind_name() {
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression" => cur = p,
            "variable_declarator" => break p.node,
            _ => return None,
        }
    };
    let pattern = field(decl, "name").filter(|n| n.kind_name() == "object_pattern")?;
    named_kids(pattern)
        .into_iter()
        .find_map(|k| match k.kind_name() {
            "shorthand_property_identifier_pattern" => {
                let name = text(k, src);
                release.iter().any(|r| r == name).then(|| name.to_string())
            }
            "pair_pattern" => {
                let key = field(k, "key").and_then(|x| key_name(x, src))?;
                let value = field(k, "value").filter(|v| v.kind_name() == "identifier")?;
                release
                    .iter()
                    .any(|r| r == key)
                    .then(|| text(value, src).to_string())
            }
            _ => None,
        })
}

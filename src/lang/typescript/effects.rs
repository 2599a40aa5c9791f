//! Effects (`useEffect`, Vue `onMounted`, class `componentDidMount`): what they acquire and
//! whether their cleanup releases it.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn ensure_index(&mut self) {
        if self.index.is_none()
            && let Some(root) = self.root
        {
            self.index = Some(FnIndex::build(self.pre.flat, root, self.src));
        }
    }

    pub(super) fn lookup_fn(&self, name: &str, at: usize) -> Option<Node<'t>> {
        self.index.as_ref()?.lookup(name, at)
    }

    pub(super) fn declared(&self, name: &str) -> bool {
        self.index
            .as_ref()
            .is_some_and(|i| i.declared.contains(name))
    }

    /// Canonical text of a value (see [`canon`]).
    pub(super) fn ctext(&self, n: Node) -> String {
        canon(text(unwrap_value(n), self.src))
    }

    pub(super) fn imports_any(&self, modules: &[String]) -> bool {
        self.pre
            .imports
            .values()
            .any(|i| modules.iter().any(|m| wildcard_match(m, &i.module)))
    }

    /// The file imports, or the project depends on, one of the entry's modules.
    pub(super) fn uses_library(&self, def: &ClientDef) -> bool {
        let project = &self.pre.file.project;
        self.imports_any(&def.modules)
            || def
                .modules
                .iter()
                .any(|m| !m.contains('*') && project.has_dep(m))
    }

    /// Calls that start something with a lifecycle: effect hooks, Vue `onMounted`, checkouts.
    pub(super) fn lifecycle_call(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let n = at.node;
        let Some(callee) = field(n, "function").map(unwrap_value) else {
            return;
        };
        let name = match callee.kind_name() {
            "identifier" => text(callee, src),
            "member_expression" => field(callee, "property")
                .map(|p| text(p, src))
                .unwrap_or(""),
            _ => return,
        };
        if self.is_svelte_rune(callee) {
            self.react_effect(at, "$effect");
        } else if (EFFECT_HOOKS.contains(&name)
            && self.is_react_hook(name, callee.kind_name() == "member_expression"))
            || (callee.kind_name() == "identifier" && self.is_signal_effect(name))
        {
            // A hook called inside another effect's callback breaks React's rules of hooks
            // (and throws when run): not an effect of its own. (Nested a thousand deep, each
            // would read all those inside it.)
            let nested = EFFECT_HOOKS.contains(&name)
                && at.anc.iter().any(|a| {
                    a.kind_name() == "call_expression"
                        && field(*a, "function")
                            .and_then(|c| callee_name(c, src))
                            .is_some_and(|c| EFFECT_HOOKS.contains(&c))
                });
            if !nested {
                self.react_effect(at, name);
            }
        } else if name == VUE_MOUNT && callee.kind_name() == "identifier" {
            self.ensure_index();
            if self.is_vue_hook(name) {
                self.vue_effect(at);
            }
        } else if name == SVELTE_MOUNT
            && callee.kind_name() == "identifier"
            && self.is_svelte_hook(name)
        {
            self.ensure_index();
            self.vue_effect(at);
        } else if callee.kind_name() == "member_expression" && self.checkout_methods.contains(name)
        {
            self.checkout(at, callee, name);
        }
    }

    // -------------------------------------------------------------------- effects

    /// `useEffect(() => { …; return cleanup }, deps)` (also `useLayoutEffect`,
    /// `useInsertionEffect`, `React.useEffect`).
    pub(super) fn react_effect(&mut self, at: At<'_, 't>, hook: &str) {
        let call = at.node;
        let Some(cb) = call_args(call).first().map(|a| unwrap_value(*a)) else {
            return;
        };
        if !matches!(cb.kind_name(), "arrow_function" | "function_expression") {
            return;
        }
        self.ensure_index();
        let mut parts = EffectParts::new(
            hook,
            span(call),
            self.ctx().scope.name.as_deref().map(String::from),
        );
        parts.bodies.push(cb);
        if let Some(deps) = call_args(call).get(1).map(|d| unwrap_value(*d))
            && deps.kind_name() == "array"
        {
            parts.deps = named_kids(deps)
                .into_iter()
                .map(|d| self.ctext(d))
                .collect();
            parts.once = parts.deps.is_empty() && hook != "$effect";
        }
        let mut returns = Vec::new();
        match field(cb, "body") {
            Some(b) if b.kind_name() == "statement_block" => top_returns(b, &mut returns),
            Some(b) => returns.push(comma_value(b)),
            None => {}
        }
        for r in &returns {
            self.returned_cleanup(*r, &mut parts, 0);
        }
        parts.returns = returns;
        // Svelte 5: what a `$effect` keeps in the component's state may be released by the
        // component's `onDestroy` (`onDestroy(() => es?.close())`).
        if hook == "$effect"
            && let Some(host) = at
                .anc
                .iter()
                .rev()
                .find(|n| is_fn_kind(n.kind_name()))
                .copied()
                .or(self.root)
        {
            let more = self.unmount_callbacks(host);
            parts.cleanup_fns.extend(more);
        }
        parts.anchors = self.effect_anchors(cb, call, parts.cleanup_fns.first().copied());
        let fact = self.build_effect(parts);
        self.facts.effects.push(fact);
    }

    /// What a returned value contributes to the cleanup.
    pub(super) fn returned_cleanup(&self, r: Node<'t>, parts: &mut EffectParts<'t>, depth: u8) {
        if depth > 4 {
            return;
        }
        let r = unwrap_value(r);
        match r.kind_name() {
            "arrow_function" | "function_expression" => parts.cleanup_fns.push(r),
            "identifier" => {
                let name = text(r, self.src);
                if name == "undefined" {
                    return;
                }
                match self.lookup_fn(name, r.start_byte()) {
                    Some(f) => parts.cleanup_fns.push(f),
                    None => parts.disposers.push((name.to_string(), span(r))),
                }
            }
            "member_expression" | "subscript_expression" => {
                parts.disposers.push((self.ctext(r), span(r)))
            }
            "ternary_expression" => {
                for f in ["consequence", "alternative"] {
                    if let Some(v) = field(r, f) {
                        self.returned_cleanup(v, parts, depth + 1);
                    }
                }
            }
            "binary_expression" => {
                let op = field(r, "operator")
                    .map(|o| text(o, self.src))
                    .unwrap_or("");
                if matches!(op, "||" | "??")
                    && let Some(l) = field(r, "left")
                {
                    self.returned_cleanup(l, parts, depth + 1);
                }
                if matches!(op, "&&" | "||" | "??")
                    && let Some(v) = field(r, "right")
                {
                    self.returned_cleanup(v, parts, depth + 1);
                }
            }
            "call_expression" | "new_expression" => {
                parts.opaque.get_or_insert(span(r));
            }
            _ => {}
        }
    }

    /// Vue: `onMounted(() => …)`, cleaned up by the `onUnmounted` / `onBeforeUnmount` /
    /// `onScopeDispose` callbacks registered in the same setup function or composable. Svelte:
    /// `onMount(() => …)`, cleaned up by the function it returns or by an `onDestroy` callback.
    pub(super) fn vue_effect(&mut self, at: At<'_, 't>) {
        let svelte = field(at.node, "function")
            .is_some_and(|f| text(unwrap_value(f), self.src) == SVELTE_MOUNT);
        let call = at.node;
        let Some(cb) = call_args(call).first().map(|a| unwrap_value(*a)) else {
            return;
        };
        if !matches!(cb.kind_name(), "arrow_function" | "function_expression") {
            return;
        }
        let host = at
            .anc
            .iter()
            .rev()
            .find(|n| is_fn_kind(n.kind_name()))
            .copied()
            .or(self.root);
        let mut parts = EffectParts::new(
            if svelte { SVELTE_MOUNT } else { VUE_MOUNT },
            span(call),
            self.ctx().scope.name.as_deref().map(String::from),
        );
        parts.bodies.push(cb);
        parts.once = true;
        if svelte {
            let mut returns = Vec::new();
            match field(cb, "body") {
                Some(b) if b.kind_name() == "statement_block" => top_returns(b, &mut returns),
                Some(b) => returns.push(comma_value(b)),
                None => {}
            }
            for r in &returns {
                self.returned_cleanup(*r, &mut parts, 0);
            }
            parts.returns = returns;
        }
        if let Some(host) = host {
            let cleanups = self.unmount_callbacks(host);
            parts.cleanup_fns.extend(cleanups);
        }
        // `onMounted(() => { …; onUnmounted(() => …) })`: Vue registers a hook called while
        // another runs on the same component.
        if !svelte {
            let inner = self.unmount_callbacks(cb);
            parts.cleanup_fns.extend(inner);
        }
        parts.anchors = self.effect_anchors(cb, call, parts.cleanup_fns.first().copied());
        let fact = self.build_effect(parts);
        self.facts.effects.push(fact);
    }

    pub(super) fn effect_anchors(
        &self,
        body_fn: Node<'t>,
        hook: Node<'t>,
        cleanup: Option<Node<'t>>,
    ) -> EffectAnchors {
        let src = self.src;
        let block = field(body_fn, "body").filter(|b| b.kind_name() == "statement_block");
        let end_of = |b: Node| u32::try_from(b.end_byte().saturating_sub(1)).ok();
        let (cleanup_end, cleanup_expr) = match cleanup.and_then(|c| field(c, "body")) {
            Some(b) if b.kind_name() == "statement_block" => (end_of(b), None),
            Some(b) => (None, Some(span(b))),
            None => (None, None),
        };
        let indent = block
            .and_then(first_named)
            .map(|s| line_indent(src, s.start_byte()))
            .unwrap_or_else(|| format!("{}  ", line_indent(src, hook.start_byte())));
        EffectAnchors {
            body_end: block.and_then(end_of),
            cleanup_end,
            cleanup_expr,
            indent,
        }
    }

    /// A method of the class (`this.name`), or a function-valued class field.
    pub(super) fn class_member(&self, class_body: Node<'t>, name: &str) -> Option<Node<'t>> {
        let src = self.src;
        for m in named_kids(class_body) {
            match m.kind_name() {
                "method_definition"
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some(name) =>
                {
                    return Some(m);
                }
                "public_field_definition" => {
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some(name)
                        && let Some(v) = field(m, "value").map(unwrap_value)
                        && is_fn_kind(v.kind_name())
                    {
                        return Some(v);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The same-file function a call enters: `helper()` or, in a class, `this.helper()`.
    pub(super) fn helper_of(
        &self,
        call: Node<'t>,
        class_body: Option<Node<'t>>,
    ) -> Option<Node<'t>> {
        let callee = unwrap_value(field(call, "function")?);
        match callee.kind_name() {
            "identifier" => self.lookup_fn(text(callee, self.src), callee.start_byte()),
            "member_expression" => {
                let obj = unwrap_value(field(callee, "object")?);
                if obj.kind_name() != "this" {
                    return None;
                }
                let prop = text(field(callee, "property")?, self.src);
                self.class_member(class_body?, prop)
            }
            _ => None,
        }
    }

    pub(super) fn build_effect(&self, mut parts: EffectParts<'t>) -> EffectFact {
        let mut visited: HashSet<usize> = HashSet::default();
        let mut calls: Vec<CleanupCall> = Vec::new();
        let mut arrays: Vec<String> = Vec::new();
        self.follow_cleanup(
            parts.cleanup_fns.clone(),
            parts.class_body,
            &mut visited,
            &mut calls,
            &mut arrays,
        );
        // `return () => cleanups.forEach((f) => f())` calls what the effect pushed there.
        if !arrays.is_empty() {
            let stored = self.array_cleanups(&parts.bodies, &arrays);
            parts.disposers.extend(stored.disposers);
            parts.pushed = stored.pushed;
            let mut more = Vec::new();
            self.follow_cleanup(
                stored.fns,
                parts.class_body,
                &mut visited,
                &mut calls,
                &mut more,
            );
        }
        // `return () => controller.abort()` also runs what the effect registered on that
        // controller's signal: `signal.addEventListener("abort", () => observer.disconnect())`.
        let aborted: Vec<String> = calls
            .iter()
            .filter(|c| c.callee == "abort")
            .filter_map(|c| c.receiver.clone())
            .collect();
        if !aborted.is_empty() {
            let listeners = self.abort_listeners(&parts.bodies, &aborted);
            let mut more = Vec::new();
            self.follow_cleanup(
                listeners,
                parts.class_body,
                &mut visited,
                &mut calls,
                &mut more,
            );
        }
        // `subs.forEach((s) => s.unsubscribe())` releases what the effect stored in `subs`.
        self.element_releases(&mut parts, &mut calls);
        calls.sort_by_key(|c| (c.span.start, c.span.end));
        calls.dedup();
        for (name, sp) in &parts.disposers {
            calls.push(CleanupCall {
                callee: name.clone(),
                receiver: None,
                args: Vec::new(),
                span: *sp,
            });
        }
        let cleanup =
            if parts.cleanup_fns.is_empty() && parts.disposers.is_empty() && parts.opaque.is_none()
            {
                None
            } else {
                let sp = parts
                    .cleanup_fns
                    .first()
                    .map(|f| span(*f))
                    .or(parts.disposers.first().map(|d| d.1))
                    .or(parts.opaque)
                    .unwrap_or(parts.span);
                Some(Cleanup { span: sp, calls })
            };
        let acquisitions = self.find_acquisitions(&parts, &visited);
        // `useEffect(() => window.addEventListener(…))` returns what the acquisition returns:
        // no cleanup unless that is a disposer.
        let cleanup = cleanup.filter(|_| {
            let only_opaque = parts.cleanup_fns.is_empty() && parts.disposers.is_empty();
            !only_opaque
                || !acquisitions
                    .iter()
                    .any(|a| Some(a.span) == parts.opaque && !a.returned)
        });
        EffectFact {
            hook: parts.hook,
            span: parts.span,
            component: parts.component,
            acquisitions,
            cleanup,
            anchors: parts.anchors,
            release_hook: parts.release_hook,
            once_per_mount: parts.once,
        }
    }

    /// The calls made by cleanup functions, following the same-file helpers they call. A
    /// helper's parameters stand for the arguments it was called with (`stopPinging(ping)` →
    /// `clearInterval(id)` is `clearInterval(ping)`). `visited` collects the functions read.
    pub(super) fn follow_cleanup(
        &self,
        fns: Vec<Node<'t>>,
        class_body: Option<Node<'t>>,
        visited: &mut HashSet<usize>,
        calls: &mut Vec<CleanupCall>,
        arrays: &mut Vec<String>,
    ) {
        let mut work: Vec<(Node<'t>, HashMap<String, String>)> =
            fns.into_iter().map(|f| (f, HashMap::default())).collect();
        while let Some((f, subst)) = work.pop() {
            if visited.len() >= MAX_HELPERS || !visited.insert(f.id()) {
                continue;
            }
            traverse_flat(self.pre.flat, f, |a, entering| {
                let n = a.node;
                if !entering {
                    return;
                }
                if let Some(arr) = called_elements(n, self.src) {
                    arrays.push(substitute(&self.ctext(arr), &subst));
                }
                if n.kind_name() != "call_expression" {
                    return;
                }
                if let Some(mut c) = self.cleanup_call(n, class_body) {
                    if !subst.is_empty() {
                        if c.receiver.is_none() {
                            c.callee = substitute(&c.callee, &subst);
                        }
                        c.receiver = c.receiver.map(|r| substitute(&r, &subst));
                        c.args = c.args.iter().map(|x| substitute(x, &subst)).collect();
                    }
                    calls.push(c);
                }
                // `handle.then((h) => h.remove())`: what `h` stands for is `handle`'s value.
                if let Some((cb, inner)) = self.promise_then(n, &subst)
                    && !visited.contains(&cb.id())
                {
                    work.push((cb, inner));
                }
                // `stop()` where the effect assigned `stop = () => client.close()`.
                if let Some(callee) = field(n, "function").map(unwrap_value)
                    && callee.kind_name() == "identifier"
                    && let Some(index) = self.index.as_ref()
                {
                    for g in index.reassigned(text(callee, self.src), callee.start_byte()) {
                        if !visited.contains(&g.id()) {
                            work.push((g, subst.clone()));
                        }
                    }
                }
                if let Some(h) = self.helper_of(n, class_body)
                    && !visited.contains(&h.id())
                {
                    work.push((h, self.call_subst(h, n, &subst)));
                }
            });
        }
    }

    /// The values the effect stores in the arrays or sets `arrays` (canonical texts), with the
    /// array's text: `cleanups.push(x)` (also `unshift`, a set's `add`), `const cleanups = [x]`,
    /// `const timers = items.map((i) => x)` (what the callback returns).
    pub(super) fn stored_values(
        &self,
        bodies: &[Node<'t>],
        arrays: &[String],
    ) -> Vec<(String, Node<'t>)> {
        let src = self.src;
        let mut values: Vec<(String, Node<'t>)> = Vec::new();
        for body in bodies {
            traverse_flat(self.pre.flat, *body, |a, entering| {
                let n = a.node;
                if !entering {
                    return;
                }
                match n.kind_name() {
                    "call_expression" => {
                        let Some(callee) = field(n, "function").map(unwrap_value) else {
                            return;
                        };
                        if callee.kind_name() != "member_expression"
                            || !matches!(
                                field(callee, "property").map(|p| text(p, src)),
                                Some("push" | "unshift" | "add")
                            )
                        {
                            return;
                        }
                        if let Some(arr) = field(callee, "object").map(|o| self.ctext(o))
                            && arrays.contains(&arr)
                        {
                            values.extend(call_args(n).into_iter().map(|v| (arr.clone(), v)));
                        }
                    }
                    "variable_declarator" => {
                        if let (Some(name), Some(v)) = (field(n, "name"), field(n, "value"))
                            && name.kind_name() == "identifier"
                            && arrays.iter().any(|x| x == text(name, src))
                            && unwrap_value(v).kind_name() == "array"
                        {
                            let arr = text(name, src).to_string();
                            values.extend(
                                named_kids(unwrap_value(v))
                                    .into_iter()
                                    .map(|v| (arr.clone(), v)),
                            );
                        }
                        if let (Some(name), Some(v)) = (field(n, "name"), field(n, "value"))
                            && name.kind_name() == "identifier"
                            && arrays.iter().any(|x| x == text(name, src))
                            && let Some(cb) = map_callback(unwrap_value(v), src)
                        {
                            let arr = text(name, src).to_string();
                            values
                                .extend(returned_values(cb).into_iter().map(|v| (arr.clone(), v)));
                        }
                    }
                    _ => {}
                }
            });
        }
        values
    }

    /// Releases of elements of arrays or sets by the cleanup functions `fns`
    /// (`subs.forEach((s) => s.unsubscribe())`, `timers.forEach(clearTimeout)`): a release
    /// call for each value the effect stores there by name, and the release names of each
    /// call or construction stored there directly.
    pub(super) fn element_releases(
        &self,
        parts: &mut EffectParts<'t>,
        calls: &mut Vec<CleanupCall>,
    ) {
        let src = self.src;
        let mut uses: Vec<(String, Vec<ElementUse>)> = Vec::new();
        for f in &parts.cleanup_fns {
            traverse_flat(self.pre.flat, *f, |a, entering| {
                if entering && let Some((arr, u)) = element_release(a.node, src) {
                    uses.push((self.ctext(arr), u));
                }
            });
        }
        if uses.is_empty() {
            return;
        }
        let names: Vec<String> = uses.iter().map(|u| u.0.clone()).collect();
        for (arr, v) in self.stored_values(&parts.bodies, &names) {
            let v = unwrap_value(v);
            for (_, us) in uses.iter().filter(|u| u.0 == arr) {
                for u in us {
                    match v.kind_name() {
                        "identifier" | "member_expression" => {
                            let value = self.ctext(v);
                            let call = match u {
                                ElementUse::Method(m) => CleanupCall {
                                    callee: m.clone(),
                                    receiver: Some(value),
                                    args: Vec::new(),
                                    span: span(v),
                                },
                                ElementUse::PassedTo(g) => {
                                    let (recv, callee) = match g.rsplit_once('.') {
                                        Some((r, c)) => (Some(r.to_string()), c.to_string()),
                                        None => (None, g.clone()),
                                    };
                                    CleanupCall {
                                        callee,
                                        receiver: recv,
                                        args: vec![value],
                                        span: span(v),
                                    }
                                }
                            };
                            calls.push(call);
                        }
                        "call_expression" | "new_expression" => {
                            let name = match u {
                                ElementUse::Method(m) => m.clone(),
                                ElementUse::PassedTo(g) => {
                                    g.rsplit('.').next().unwrap_or(g).to_string()
                                }
                            };
                            parts
                                .released_elements
                                .entry(v.id())
                                .or_default()
                                .push(name);
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// What the effect stores in the arrays of cleanups `arrays` (canonical texts):
    /// `cleanups.push(() => ro.disconnect())`, `cleanups.push(unsubscribe)`,
    /// `cleanups.push(onSnapshot(…))`, `const cleanups = [stop]`.
    pub(super) fn array_cleanups(
        &self,
        bodies: &[Node<'t>],
        arrays: &[String],
    ) -> StoredCleanups<'t> {
        let src = self.src;
        let mut out = StoredCleanups::default();
        let values = self
            .stored_values(bodies, arrays)
            .into_iter()
            .map(|(_, v)| v);
        for v in values {
            let v = unwrap_value(v);
            match v.kind_name() {
                k if is_fn_kind(k) => out.fns.push(v),
                "identifier" => match self.lookup_fn(text(v, src), v.start_byte()) {
                    Some(f) => out.fns.push(f),
                    None => out.disposers.push((text(v, src).to_string(), span(v))),
                },
                "member_expression" => out.disposers.push((self.ctext(v), span(v))),
                "call_expression" | "new_expression" => {
                    out.pushed.insert(v.id());
                }
                _ => {}
            }
        }
        out
    }

    /// Functions the effect registers on the signal of one of the `aborted` controllers:
    /// `signal.addEventListener("abort", () => { … })` where `signal` is `controller.signal`
    /// (directly, or bound by `const { signal } = controller`).
    pub(super) fn abort_listeners(&self, bodies: &[Node<'t>], aborted: &[String]) -> Vec<Node<'t>> {
        let src = self.src;
        let mut out = Vec::new();
        method_calls(bodies, "addEventListener", src, |n, obj| {
            let args = call_args(n);
            if args.first().and_then(|e| string_value(*e, src)) != Some("abort") {
                return;
            }
            let sig = self.resolve_signal(self.ctext(obj), bodies);
            if !aborted.iter().any(|c| sig == format!("{c}.signal")) {
                return;
            }
            let Some(handler) = args.get(1).map(|h| unwrap_value(*h)) else {
                return;
            };
            if is_fn_kind(handler.kind_name()) {
                out.push(handler);
            } else if handler.kind_name() == "identifier"
                && let Some(f) = self.lookup_fn(text(handler, src), handler.start_byte())
            {
                out.push(f);
            }
        });
        out
    }

    /// A call made by a cleanup. A function kept in a ref (`ref.current()`) or, in a class, in
    /// a field that is not a method (`this.unsubscribe()`) is recorded as a call of
    /// `ref.current` / `this.unsubscribe`, so that a disposer bound there is seen called; a
    /// local declared from a path (`const el = ref.current`) stands for that path.
    /// A function written inline as an argument is a new function object, equal to nothing the
    /// effect registered (`removeEventListener("x", () => f())` removes nothing): its text is
    /// replaced by `<function literal at S..E>` (its byte span), so it matches no acquisition.
    pub(super) fn cleanup_call(
        &self,
        n: Node,
        class_body: Option<Node<'t>>,
    ) -> Option<CleanupCall> {
        let src = self.src;
        let callee = unwrap_value(field(n, "function")?);
        let args: Vec<String> = call_args(n)
            .into_iter()
            .map(|a| {
                // `clearInterval(timerRef.current ?? undefined)`: what it releases is the left.
                let mut a = a;
                while let u = unwrap_value(a)
                    && u.kind_name() == "binary_expression"
                    && field(u, "operator").is_some_and(|o| matches!(text(o, src), "??" | "||"))
                    && let Some(left) = field(u, "left")
                {
                    a = left;
                }
                let u = unwrap_value(a);
                if is_fn_kind(u.kind_name()) {
                    format!("<function literal at {}..{}>", u.start_byte(), u.end_byte())
                } else {
                    self.ctext(a)
                }
            })
            .collect();
        let (name, receiver) = match callee.kind_name() {
            "identifier" => (text(callee, src).to_string(), None),
            "member_expression" => {
                let prop = text(field(callee, "property")?, src);
                let obj = field(callee, "object")?;
                let stored = unwrap_value(obj).kind_name() == "this"
                    && class_body.is_some_and(|b| self.class_member(b, prop).is_none());
                if prop == "current" || stored {
                    (self.ctext(callee), None)
                } else {
                    let target = local_alias(obj, n, src).unwrap_or(obj);
                    (prop.to_string(), Some(self.ctext(target)))
                }
            }
            _ => return None,
        };
        Some(CleanupCall {
            callee: name,
            receiver,
            args,
            span: span(n),
        })
    }

    pub(super) fn find_acquisitions(
        &self,
        parts: &EffectParts<'t>,
        skip: &HashSet<usize>,
    ) -> Vec<Acquisition> {
        let src = self.src;
        let mut found: Vec<(Node<'t>, Acquisition)> = Vec::new();
        // What the effect creates or acquires (`const ws = new WebSocket(…)`,
        // `socketRef.current = io(…)`, `const channel = pusher.subscribe(…)`): listeners on it
        // go away with it.
        let mut owned: HashSet<String> = HashSet::default();
        if let Some(body) = parts.class_body {
            self.instance_owned(body, &mut owned);
        }
        // The effect's locals holding its component's elements, for what is built on them.
        let owned_element_locals = std::cell::OnceCell::new();
        let mut bodies: Vec<Node<'t>> = parts.bodies.clone();
        let mut seen: HashSet<usize> = HashSet::default();
        // Same-file functions the effect calls for their side effects (`subscribe();`): what
        // they acquire is the effect's, out of its cleanup's sight (no fix can name it there).
        let mut helpers: HashSet<usize> = HashSet::default();
        // What each helper's parameters stand for where the effect calls it (`addListeners(types,
        // listener)`), so that its acquisitions read as its cleanup helper's releases do.
        let mut helper_subst: HashMap<usize, HashMap<String, String>> = HashMap::default();
        let mut i = 0;
        while i < bodies.len() && i < MAX_HELPERS {
            let body = bodies[i];
            i += 1;
            if !seen.insert(body.id()) {
                continue;
            }
            let in_helper = helpers.contains(&body.id());
            let mut more: Vec<Node<'t>> = Vec::new();
            let mut skipping: Option<usize> = None;
            traverse_flat(self.pre.flat, body, |a, entering| {
                let n = a.node;
                if let Some(s) = skipping {
                    if !entering && n.id() == s {
                        skipping = None;
                    }
                    return;
                }
                if !entering {
                    return;
                }
                if n.id() != body.id() && skip.contains(&n.id()) {
                    skipping = Some(n.id());
                    return;
                }
                // An effect hook called inside (only a Svelte `$effect` may nest; React's hooks
                // may not): its own effect, judged on its own.
                if n.id() != body.id()
                    && n.kind_name() == "call_expression"
                    && field(n, "function")
                        .and_then(|c| callee_name(c, src))
                        .is_some_and(|c| EFFECT_HOOKS.contains(&c) || c == "$effect")
                {
                    skipping = Some(n.id());
                    return;
                }
                // Functions handed out in an object (`{ onChange: (cb) => emitter.on(cb) }`,
                // an API the component builds) or stored on one (`flushRef.current = () => …`)
                // run when someone else calls them.
                let stored_on_member = |p: Node<'t>| {
                    p.kind_name() == "assignment_expression"
                        && is_field(p, "right", n)
                        && field(p, "left").is_some_and(|l| l.kind_name() == "member_expression")
                };
                if n.id() != body.id()
                    && (n.kind_name() == "method_definition"
                        || (is_fn_kind(n.kind_name())
                            && a.parent()
                                .is_some_and(|p| p.kind_name() == "pair" || stored_on_member(p))))
                {
                    skipping = Some(n.id());
                    return;
                }
                // `const ws = wsRef.current` after `wsRef.current = new WebSocket(url)`: the
                // same object under a local name, when the cleanup releases what the ref holds
                // (`wsRef.current?.close()`; a handle kept on a ref is otherwise trusted to be
                // released elsewhere, and its listeners are what is left to judge).
                if n.kind_name() == "variable_declarator"
                    && let (Some(name), Some(value)) = (field(n, "name"), field(n, "value"))
                    && name.kind_name() == "identifier"
                    && matches!(
                        unwrap_value(value).kind_name(),
                        "identifier" | "member_expression"
                    )
                {
                    let path = self.ctext(unwrap_value(value));
                    if owned.contains(&path)
                        && (!path.contains('.') || cleanup_calls_on(parts, &path, src))
                    {
                        owned.insert(text(name, src).to_string());
                    }
                }
                if !matches!(n.kind_name(), "call_expression" | "new_expression") {
                    return;
                }
                // (And an element it makes: `const overlay = document.createElement("div")`.)
                if (n.kind_name() == "new_expression" || self.makes_element(n))
                    && let Some(h) = holder_text(a, src)
                {
                    owned.insert(h);
                } else if n.kind_name() == "call_expression"
                    && let Some(h) = holder_text(a, src)
                    && self.built_from_owned(n, parts, &owned_element_locals)
                {
                    // `this.cm = CodeMirror.fromTextArea(this.$refs.cm)`: an editor built on the
                    // component's own element goes with it, and so do listeners on it.
                    owned.insert(h);
                }
                if let Some(mut acq) = self.acquisition(a, parts) {
                    if let Some(b) = &acq.binding {
                        owned.insert(b.clone());
                    }
                    // A local function that acquires and returns the function releasing it
                    // (`const attach = (ts) => { ts.forEach((t) => t.addEventListener(…));
                    // return () => ts.forEach((t) => t.removeEventListener(…)) }`): its
                    // caller holds the release.
                    if self.returns_its_release(a, body, &acq) {
                        return;
                    }
                    if in_helper {
                        acq.statement = None;
                        acq.nested = None;
                        if let Some(m) = helper_subst.get(&body.id()) {
                            acq.receiver = acq.receiver.map(|r| substitute(&r, m));
                            acq.args = acq.args.iter().map(|x| substitute(x, m)).collect();
                        }
                    }
                    // A helper keeping its handle on a ref (`pulse.current = …`) may release it.
                    // One-shot timers a helper requests are its own business (a focus, a
                    // re-render on the next tick).
                    // A handle the helper passes on (`setSocket(ws)`, `current = ws`, `return
                    // ws`) is released by whoever it went to.
                    let kept_elsewhere = in_helper
                        && (acq.binding.as_deref().is_some_and(|b| b.contains('.'))
                            || self.catalog.effect(&acq.pair).is_some_and(|p| p.one_shot)
                            || acq
                                .binding
                                .as_deref()
                                .is_some_and(|b| escapes(body, b, src)));
                    let one_shot = self.catalog.effect(&acq.pair).is_some_and(|p| p.one_shot);
                    if !(kept_elsewhere || one_shot && cancelled_by_flag(parts, n, src)) {
                        found.push((n, acq));
                    }
                }
                // `subscribe();` calling a function of this file (module scope or the
                // component's body) whose result is dropped: it acquires for the effect.
                if parts.class_body.is_none()
                    && n.kind_name() == "call_expression"
                    && a.parent()
                        .is_some_and(|p| p.kind_name() == "expression_statement")
                    && !in_nested_fn(a, body)
                    && let Some(callee) = field(n, "function").map(unwrap_value)
                    && callee.kind_name() == "identifier"
                    && let Some(h) = self.lookup_fn(text(callee, src), n.start_byte())
                    && !skip.contains(&h.id())
                    && !parts.bodies.iter().any(|b| b.id() == h.id())
                {
                    helpers.insert(h.id());
                    helper_subst
                        .entry(h.id())
                        .or_insert_with(|| self.call_subst(h, n, &HashMap::default()));
                    more.push(h);
                }
                // A class component's `componentDidMount` often acquires in helpers.
                if parts.class_body.is_some()
                    && n.kind_name() == "call_expression"
                    && let Some(h) = self.helper_of(n, parts.class_body)
                    && !skip.contains(&h.id())
                {
                    // A function of the module (not a method of the class) is a helper like an
                    // effect's: a handle it returns (`this.observer = observe(…)`) goes to the
                    // component, which releases it in `componentWillUnmount` or not.
                    if field(n, "function")
                        .map(unwrap_value)
                        .is_some_and(|c| c.kind_name() == "identifier")
                    {
                        helpers.insert(h.id());
                    }
                    more.push(h);
                }
            });
            bodies.extend(more);
        }
        found.truncate(MAX_EFFECT_ACQUISITIONS);
        let mut inner: HashSet<usize> = HashSet::default();
        for (n, _) in &found {
            chain_inner(*n, &mut inner);
        }
        // A listener (or a receiver-matched acquisition such as `connectUser`) on something the
        // effect creates itself lives and dies with that object: the object is what must be
        // released (and is an acquisition of its own when it holds a connection).
        let on_owned = |a: &Acquisition| {
            let by_receiver = self
                .catalog
                .effect(&a.pair)
                .is_some_and(|p| matches!(p.matching, Matching::Listener | Matching::Receiver));
            let owned_text = |r: &str| {
                owned.contains(r)
                    || r.char_indices().any(|(i, c)| {
                        c == '.' && r.get(..i).is_some_and(|head| owned.contains(head))
                    })
            };
            // `signal.addEventListener("abort", …)` with `const { signal } = controller` on a
            // controller the effect creates: the signal is the controller's.
            // `createZoom().scaleExtent(…).on("zoom", …)`: a listener on an object a plain call
            // has just built (the chain starts with a call) lives and dies with that object.
            let built_here = |r: &str| {
                // `new Pickr({ … }).on("init", …)`: built by a constructor.
                let r = r.strip_prefix("new ").unwrap_or(r);
                let end = r
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(r.len());
                let rest = &r[end..];
                // Type arguments: `zoom<HTMLDivElement, unknown>()`.
                let rest = match rest.strip_prefix('<') {
                    Some(t) => t.find('>').map_or(rest, |i| &t[i + 1..]),
                    None => rest,
                };
                end > 0 && rest.starts_with('(')
            };
            by_receiver
                && a.receiver.as_ref().is_some_and(|r| {
                    owned_text(r)
                        || owned_text(&self.resolve_signal(r.clone(), &parts.bodies))
                        || (built_here(r)
                            && self
                                .catalog
                                .effect(&a.pair)
                                .is_some_and(|p| p.matching == Matching::Listener))
                        || self.on_owned_element(&a.pair, r, parts)
                })
        };
        let mut out: Vec<Acquisition> = found
            .into_iter()
            .filter(|(n, a)| {
                !inner.contains(&n.id())
                    && !on_owned(a)
                    && !self.re_registered(a, &bodies)
                    && !self.swapped(*n, a, &parts.bodies)
                    && !self.released_by_its_callback(*n, a, &parts.bodies)
                    && !self.released_later(*n, a)
                    && !self.released_in_component(*n, a)
                    && !self.on_callback_local(*n, a, &parts.bodies)
                    && !self.fires_once(a)
            })
            .map(|(_, a)| a)
            .collect();
        out.sort_by_key(|a| a.span.start);
        out.dedup_by_key(|a| a.span);
        for a in &mut out {
            self.watched_targets(a, &parts.bodies);
        }
        out
    }

    /// Is acquisition `a` (of an effect body or helper `body`) made in a function nested in
    /// `body` (at any depth) that returns a function calling one of the acquisition's releases?
    fn returns_its_release(&self, a: At<'_, 't>, body: Node<'t>, acq: &Acquisition) -> bool {
        let Some(pair) = self.catalog.effect(&acq.pair) else {
            return false;
        };
        let mut cur = a;
        while let Some(up) = cur.up() {
            let f = up.node;
            if f.id() == body.id() {
                return false;
            }
            if is_fn_kind(f.kind_name())
                && returned_values(f).into_iter().any(|v| {
                    let v = unwrap_value(v);
                    is_fn_kind(v.kind_name()) && {
                        let t = text(v, self.src);
                        pair.release
                            .iter()
                            .chain(&pair.release_all)
                            .any(|r| t.contains(&format!("{}(", r.rsplit('.').next().unwrap_or(r))))
                    }
                })
            {
                return true;
            }
            cur = up;
        }
        false
    }

    /// `observer.observe(el)` calls in the effect's bodies for an acquisition bound to
    /// `observer`, when its pair names a `target_method`: what it watches, canonical.
    pub(super) fn watched_targets(&self, a: &mut Acquisition, bodies: &[Node<'t>]) {
        let Some(method) = self
            .catalog
            .effect(&a.pair)
            .and_then(|p| p.target_method.as_deref())
        else {
            return;
        };
        let Some(binding) = a.binding.clone() else {
            return;
        };
        method_calls(bodies, method, self.src, |n, obj| {
            if self.ctext(obj) != binding {
                return;
            }
            if let Some(t) = call_args(n).first() {
                let t = self.ctext(*t);
                if !a.targets.contains(&t) {
                    a.targets.push(t);
                }
            }
        });
    }

    /// A catalogue client built here (kinds sdk / client / connection, not a singleton API).
    pub(super) fn client_acquisition(&self, n: Node) -> Option<String> {
        let (callee, is_new) = match n.kind_name() {
            "new_expression" => (field(n, "constructor")?, true),
            _ => (field(n, "function")?, false),
        };
        let (module, path, _) = self.resolve(callee)?;
        let m = self.catalog.match_js(&module, &path, is_new)?;
        let kind_ok = matches!(
            m.client.kind,
            ClientKind::Sdk | ClientKind::Client | ClientKind::Connection
        );
        if m.singleton || !kind_ok || (!is_new && !first_arg_ok(m.ctor, n, self.src)) {
            return None;
        }
        Some(m.client.id.clone())
    }

    /// The catalogue effect pair a call or construction acquires, with its receiver. Pairs
    /// limited to some modules (React Native's `addEventListener`, pusher-js `subscribe`) are
    /// tried first, so the more specific pair wins.
    pub(super) fn effect_pair(
        &self,
        n: Node<'t>,
        bodies: &[Node<'t>],
    ) -> Option<(&'a EffectPairDef, Option<Node<'t>>)> {
        let src = self.src;
        let catalog: &'a LangCatalog = self.catalog;
        let modules_ok = |p: &EffectPairDef| p.modules.is_empty() || self.imports_any(&p.modules);
        let ordered = catalog
            .effects
            .iter()
            .filter(|p| !p.modules.is_empty())
            .chain(catalog.effects.iter().filter(|p| p.modules.is_empty()));
        match n.kind_name() {
            "new_expression" => {
                let ctor = dotted_path(field(n, "constructor")?, src)?;
                let found = ordered
                    .into_iter()
                    .find(|p| p.new.contains(&ctor) && modules_ok(p));
                found.map(|p| (p, None))
            }
            "call_expression" => {
                let callee = unwrap_value(field(n, "function")?);
                match callee.kind_name() {
                    "member_expression" => {
                        let prop = text(field(callee, "property")?, src);
                        let obj = field(callee, "object")?;
                        let path = dotted_path(callee, src);
                        // Asked only of a method some pair names: the text of a receiver may
                        // be most of the file (a long chain), and every call of it is asked.
                        let recv_text = std::cell::OnceCell::new();
                        let recv = || {
                            recv_text
                                .get_or_init(|| self.ctext(obj).to_ascii_lowercase())
                                .as_str()
                        };
                        let recv_ok = |needle: &str| {
                            let needle = needle.to_ascii_lowercase();
                            recv().contains(&needle)
                                || self
                                    .bound_value(obj, bodies)
                                    .is_some_and(|v| v.to_ascii_lowercase().contains(&needle))
                        };
                        let found = ordered.into_iter().find(|p| {
                            let by_method = p.methods.iter().any(|m| m == prop)
                                && p.receiver_contains.as_deref().is_none_or(recv_ok)
                                && !p.not_receivers.iter().any(|r| {
                                    recv().rsplit('.').next()
                                        == Some(r.to_ascii_lowercase().as_str())
                                });
                            let by_call = path
                                .as_ref()
                                .is_some_and(|pp| p.calls.iter().any(|c| c == pp));
                            (by_method || by_call) && modules_ok(p)
                        });
                        found.map(|p| (p, Some(obj)))
                    }
                    "identifier" => {
                        let local = text(callee, src);
                        // Imported: the export's name (`import { onSnapshot as listen }`).
                        // Declared in the file (a prop, a local helper): not the global.
                        let name = match self.pre.imports.get(local) {
                            Some(imp) => match imp.path.rsplit('.').next() {
                                Some("default" | "*") | None => local,
                                Some(export) => export,
                            },
                            None if self.declared(local) => return None,
                            None => local,
                        };
                        let found = ordered
                            .into_iter()
                            .find(|p| p.calls.iter().any(|c| c == name) && modules_ok(p));
                        found.map(|p| (p, None))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// Is the node at `at` inside a function nested in `body` (a callback, an event handler), not
/// run by `body` itself? From the walk's ancestors (`at` comes from a walk of `body`).
pub(super) fn in_nested_fn(at: At, body: Node) -> bool {
    for x in at.anc.iter().rev() {
        if x.id() == body.id() {
            return false;
        }
        if is_fn_kind(x.kind_name()) {
            return true;
        }
    }
    false
}

/// Does the local `name` leave `body`: passed to a call, assigned to something else, returned,
/// or put in an object or array?
fn escapes(body: Node, name: &str, src: &str) -> bool {
    let mut out = false;
    traverse(body, |at, entering| {
        let n = at.node;
        if out || !entering || text(n, src) != name {
            return;
        }
        if n.kind_name() == "shorthand_property_identifier" {
            out = true;
            return;
        }
        if n.kind_name() != "identifier" {
            return;
        }
        out = n.parent().is_some_and(|p| match p.kind_name() {
            "arguments" | "return_statement" | "array" | "pair" => true,
            "assignment_expression" | "variable_declarator" => {
                field(p, "right")
                    .or_else(|| field(p, "value"))
                    .map(|v| v.id())
                    == Some(n.id())
            }
            _ => false,
        });
    });
    out
}

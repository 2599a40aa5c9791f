//! Components whose mount and unmount are methods of one container (the catalogue's
//! `[[lifecycle]]`): a class (React class components, Lit and other custom elements, Angular
//! components) or an options object (Vue's options API). What a mount method acquires, an
//! unmount method of the same container must release. Also the unmount callbacks a setup
//! function or a component script registers (Vue's `onUnmounted`, Svelte's `onDestroy`).

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// A class with a base class or a decorator (`class Feed extends LitElement`,
    /// `@Component(…) class Ticker`): one effect per mount method a lifecycle names.
    pub(super) fn lifecycle_class(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let class = at.node;
        let framed = named_kids(class)
            .iter()
            .any(|k| matches!(k.kind_name(), "class_heritage" | "decorator"))
            || at
                .up()
                .filter(|p| p.node.kind_name() == "export_statement")
                .is_some_and(|p| {
                    named_kids(p.node)
                        .iter()
                        .any(|k| k.kind_name() == "decorator")
                });
        if !framed {
            return;
        }
        let Some(body) = field(class, "body") else {
            return;
        };
        let name = field(class, "name")
            .map(|n| text(n, src).to_string())
            .or_else(|| {
                at.up()
                    .filter(|d| d.node.kind_name() == "variable_declarator")
                    .and_then(|d| field(d.node, "name"))
                    .map(|n| text(n, src).to_string())
            });
        self.lifecycle_effects(body, name, "class");
    }

    /// A component's options object: a `.vue` file's `export default { … }`, or the argument of
    /// one of a lifecycle's `object_calls` (`defineComponent({ … })`, `Vue.extend({ … })`).
    pub(super) fn lifecycle_object(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let obj = at.node;
        let Some(up) = at.up() else {
            return;
        };
        let component = match up.node.kind_name() {
            "export_statement" => self.pre.file.rel.ends_with(".vue"),
            "arguments" => up
                .up()
                .filter(|c| matches!(c.node.kind_name(), "call_expression" | "new_expression"))
                .and_then(|c| field(c.node, "function").or_else(|| field(c.node, "constructor")))
                .and_then(|f| callee_name(f, src))
                .is_some_and(|callee| {
                    self.catalog
                        .lifecycles
                        .iter()
                        .any(|d| d.object_calls.iter().any(|c| c == callee))
                }),
            _ => false,
        };
        if !component {
            return;
        }
        // Named after its `name: "…"` option, or its file.
        let name = named_kids(obj)
            .into_iter()
            .filter(|p| p.kind_name() == "pair")
            .find(|p| field(*p, "key").and_then(|k| key_name(k, src)) == Some("name"))
            .and_then(|p| field(p, "value"))
            .and_then(|v| string_value(v, src).map(String::from))
            .or_else(|| {
                let file = self.pre.file.rel.rsplit('/').next().unwrap_or("");
                file.split('.').next().map(String::from)
            });
        self.lifecycle_effects(obj, name, "object");
    }

    /// One effect per mount method of the container that a lifecycle of this kind names, with
    /// the container's unmount method (if any) as its cleanup.
    fn lifecycle_effects(&mut self, body: Node<'t>, name: Option<String>, container: &str) {
        let src = self.src;
        let method = |m: &str| {
            named_kids(body).into_iter().find(|k| {
                k.kind_name() == "method_definition"
                    && field(*k, "name").and_then(|n| key_name(n, src)) == Some(m)
            })
        };
        let mut found: Vec<(String, Node<'t>, Vec<Node<'t>>, String)> = Vec::new();
        for def in self
            .catalog
            .lifecycles
            .iter()
            .filter(|d| d.container == container)
        {
            let unmount = def.unmount.iter().find_map(|u| method(u).map(|n| (u, n)));
            let project = &self.pre.file.project;
            let legacy = def.legacy_unmount.as_ref().filter(|l| {
                std::iter::once(&l.dependency)
                    .chain(&l.also)
                    .find_map(|d| project.dep_majors.get(d))
                    .is_some_and(|m| *m <= l.up_to_major)
            });
            let release = unmount
                .map(|(u, _)| u.clone())
                .or_else(|| legacy.map(|l| l.hook.clone()))
                .or_else(|| def.unmount.first().cloned())
                .unwrap_or_default();
            for m in &def.mount {
                if let Some(mount) = method(m) {
                    let mut cleanups: Vec<Node<'t>> = unmount.map(|(_, n)| n).into_iter().collect();
                    if let Some(ev) = &def.unmount_events {
                        cleanups.extend(self.hook_event_cleanups(mount, ev, &def.unmount));
                    }
                    found.push((m.clone(), mount, cleanups, release.clone()));
                }
            }
        }
        if found.is_empty() {
            return;
        }
        self.ensure_index();
        for (hook, mount, cleanups, release) in found {
            let label = field(mount, "name").map(span).unwrap_or(span(mount));
            let mut parts = EffectParts::new(&hook, label, name.clone());
            parts.class_body = Some(body);
            parts.bodies.push(mount);
            parts.anchors = self.effect_anchors(mount, mount, cleanups.first().copied());
            parts.cleanup_fns.extend(cleanups);
            parts.release_hook = Some(release);
            parts.once = true;
            let fact = self.build_effect(parts);
            self.facts.effects.push(fact);
        }
    }

    /// The function a cleanup registration is given: written in place, or named (a function of
    /// the file).
    fn cleanup_fn(&self, c: Node<'t>) -> Option<Node<'t>> {
        let c = unwrap_value(c);
        match c.kind_name() {
            "arrow_function" | "function_expression" => Some(c),
            "identifier" => self.lookup_fn(text(c, self.src), c.start_byte()),
            _ => None,
        }
    }

    /// The functions a mount method registers for an unmount hook event
    /// (`this.$once('hook:beforeDestroy', () => …)`): cleanups of the component.
    fn hook_event_cleanups(
        &self,
        mount: Node<'t>,
        ev: &crate::catalog::UnmountEventsDef,
        unmount: &[String],
    ) -> Vec<Node<'t>> {
        let src = self.src;
        let mut out = Vec::new();
        traverse_flat(self.pre.flat, mount, |a, entering| {
            let n = a.node;
            if !entering || n.kind_name() != "call_expression" {
                return;
            }
            let Some(f) = field(n, "function").filter(|f| f.kind_name() == "member_expression")
            else {
                return;
            };
            if !field(f, "property").is_some_and(|p| ev.methods.iter().any(|m| m == text(p, src))) {
                return;
            }
            let args = call_args(n);
            let event = args.first().and_then(|e| string_value(*e, src));
            let hooked = event
                .and_then(|e| e.strip_prefix(ev.prefix.as_str()))
                .is_some_and(|h| unmount.iter().any(|u| u == h));
            if let (true, Some(c)) = (hooked, args.get(1)) {
                out.extend(self.cleanup_fn(*c));
            }
        });
        out
    }

    /// The callbacks a component's setup function or script (`host`) registers for its
    /// unmount: Vue's `onUnmounted` / `onBeforeUnmount` / `onScopeDispose`, Svelte's
    /// `onDestroy` (given inline or by name) and the function Svelte's `onMount` returns.
    pub(super) fn unmount_callbacks(&self, host: Node<'t>) -> Vec<Node<'t>> {
        let src = self.src;
        let mut skipping: Option<usize> = None;
        let mut cleanups = Vec::new();
        traverse_flat(self.pre.flat, host, |a, entering| {
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
            if is_fn_kind(n.kind_name()) && n.id() != host.id() {
                skipping = Some(n.id());
                return;
            }
            if n.kind_name() != "call_expression" {
                return;
            }
            let Some(f) = field(n, "function").map(unwrap_value) else {
                return;
            };
            let name = text(f, src);
            if f.kind_name() == "identifier"
                && (VUE_UNMOUNT.contains(&name) && self.is_vue_hook(name)
                    || SVELTE_UNMOUNT.contains(&name) && self.is_svelte_hook(name))
                && let Some(c) = call_args(n).first().map(|x| unwrap_value(*x))
            {
                cleanups.extend(self.cleanup_fn(c));
            }
            // Svelte's `onMount(() => { …; return () => observer?.disconnect() })`: the
            // function it returns runs at unmount too.
            if f.kind_name() == "identifier"
                && name == "onMount"
                && self.is_svelte_hook(name)
                && let Some(c) = call_args(n).first().map(|x| unwrap_value(*x))
                && is_fn_kind(c.kind_name())
            {
                cleanups.extend(
                    returned_values(c)
                        .into_iter()
                        .filter(|r| is_fn_kind(r.kind_name())),
                );
            }
        });
        cleanups
    }
}

//! Acquisitions that look held but are not: listeners added again right after the same
//! target's listeners for that event were removed, or moved by the callback that adds them from
//! the target it had before to the new one; handles the function that took them releases itself.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// A listener that the callback adding it also removes, same event and handler, from the
    /// target it had before (Lexical's `editor.registerRootListener((root, prev) => {
    /// prev?.removeEventListener("pointermove", f); root?.addEventListener("pointermove", f) })`):
    /// the callback moves it between targets, and its owner calls it once more, with no new
    /// target, when it unregisters.
    pub(super) fn swapped(&self, n: Node<'t>, a: &Acquisition, effect_bodies: &[Node<'t>]) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        let (Some(receiver), [event, handler, ..]) = (&a.receiver, a.args.as_slice()) else {
            return false;
        };
        if pair.matching != Matching::Listener {
            return false;
        }
        let mut f = n.parent();
        while let Some(p) = f {
            crate::lang::budget::tick();
            if effect_bodies.iter().any(|b| b.id() == p.id()) {
                return false;
            }
            if matches!(
                p.kind_name(),
                "arrow_function" | "function_expression" | "function_declaration"
            ) {
                break;
            }
            f = p.parent();
        }
        let Some(callback) = f else {
            return false;
        };
        let mut hit = false;
        for m in &pair.release {
            method_calls(&[callback], m, self.src, |call, obj| {
                let args = call_args(call);
                hit |= &self.ctext(obj) != receiver
                    && args.first().is_some_and(|e| &self.ctext(*e) == event)
                    && args.get(1).is_some_and(|h| &self.ctext(*h) == handler);
            });
        }
        hit
    }

    /// A listener a callback adds and its own code removes again, same target, event and
    /// handler: in the callback, in a function nested in it (a timer 300 ms later, a player's
    /// `dispose` handler) or, for a callback that is not the effect's own function, in the
    /// function around it (`onMouseenter` adds what its sibling `onMouseleave` removes). It
    /// lasts as long as that work, not as long as the component.
    pub(super) fn released_by_its_callback(
        &self,
        n: Node<'t>,
        a: &Acquisition,
        effect_bodies: &[Node<'t>],
    ) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        let (Some(receiver), [event, handler, ..]) = (&a.receiver, a.args.as_slice()) else {
            return false;
        };
        if pair.matching != Matching::Listener || handler.starts_with('<') {
            return false;
        }
        let is_effect = |f: Node<'t>| {
            effect_bodies
                .iter()
                .any(|b| b.id() == f.id() || field(f, "body").is_some_and(|fb| fb.id() == b.id()))
        };
        // A callback: run later on events, or handed to a call (a timer's, a `forEach`'s); not a
        // helper the effect calls (`enableListeners()`), whose sibling may never run.
        let Some(callback) = enclosing_fn(n).filter(|f| {
            !is_effect(*f)
                && (a.in_callback || f.parent().is_some_and(|p| p.kind_name() == "arguments"))
        }) else {
            return false;
        };
        let mut scopes = vec![callback];
        // (Not the component holding the effect: its other functions run at any time.)
        let holds_effect = |f: Node<'t>| {
            effect_bodies
                .iter()
                .any(|b| f.start_byte() <= b.start_byte() && b.end_byte() <= f.end_byte())
        };
        if let Some(outer) = enclosing_fn(callback).filter(|f| !is_effect(*f) && !holds_effect(*f))
        {
            scopes.push(outer);
        }
        let mut hit = false;
        for m in &pair.release {
            method_calls(&scopes, m, self.src, |call, obj| {
                let args = call_args(call);
                hit |= &self.ctext(obj) == receiver
                    && args.first().is_some_and(|e| &self.ctext(*e) == event)
                    && args.get(1).is_some_and(|h| &self.ctext(*h) == handler);
            });
            if hit {
                break;
            }
        }
        hit
    }

    /// A listener added right after the same target's listeners for that event were removed
    /// (`group.off("pointerdown"); group.on("pointerdown", onClick)`): each run replaces the
    /// previous handler, so they never pile up.
    pub(super) fn re_registered(&self, a: &Acquisition, bodies: &[Node<'t>]) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        let (Some(receiver), Some(event)) = (&a.receiver, a.args.first()) else {
            return false;
        };
        if pair.matching != Matching::Listener {
            return false;
        }
        let mut hit = false;
        for m in &pair.release {
            method_calls(bodies, m, self.src, |call, obj| {
                hit |= call.end_byte() <= a.span.start as usize
                    && &self.ctext(obj) == receiver
                    && call_args(call)
                        .first()
                        .is_some_and(|e| &self.ctext(*e) == event);
            });
        }
        hit
    }

    /// A handle bound to a local that the function taking it releases later in its own body
    /// (`const timer = setInterval(tick, 100); await upload(); clearInterval(timer)`): it lasts
    /// as long as that work, not as long as the component.
    pub(super) fn released_later(&self, n: Node<'t>, a: &Acquisition) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        let Some(binding) = a.binding.as_deref().filter(|b| !b.contains('.')) else {
            return false;
        };
        if pair.matching != Matching::Binding {
            return false;
        }
        let Some(body) = enclosing_fn(n).and_then(|f| field(f, "body")) else {
            return false;
        };
        let src = self.src;
        let mut found = false;
        traverse(body, |at, entering| {
            let c = at.node;
            if found
                || !entering
                || c.start_byte() < n.end_byte()
                || c.kind_name() != "call_expression"
                || super::effects::in_nested_fn(at, body)
            {
                return;
            }
            let Some(callee) = field(c, "function").map(unwrap_value) else {
                return;
            };
            found = match callee.kind_name() {
                // `clearInterval(timer)`
                "identifier" => {
                    pair.release.iter().any(|r| r == text(callee, src))
                        && call_args(c)
                            .first()
                            .is_some_and(|x| text(unwrap_value(*x), src) == binding)
                }
                // `ws.close()`
                "member_expression" => {
                    field(callee, "property")
                        .is_some_and(|p| pair.release.iter().any(|r| r == text(p, src)))
                        && field(callee, "object")
                            .is_some_and(|o| text(unwrap_value(o), src) == binding)
                }
                _ => false,
            };
        });
        found
    }

    /// A listener the component removes in code of its own elsewhere, every listener of its
    /// event at once (`off(event)` with no handler), on the same object under a longer path
    /// (kpi's form builder: `survey.rows.on("change", cb)` in the helper an effect calls, and
    /// `currentApp.survey.rows.off("change")` in the helper the unmount cleanup calls): the
    /// component does release it, in another effect's cleanup. (A removal naming a handler or
    /// options is judged where it is, with the effect's own cleanup.)
    pub(super) fn released_in_component(&self, n: Node<'t>, a: &Acquisition) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        let (Some(receiver), [event, ..]) = (&a.receiver, a.args.as_slice()) else {
            return false;
        };
        if pair.matching != Matching::Listener || receiver.contains('(') {
            return false;
        }
        let unquote = |s: &str| {
            s.trim_matches(|c| matches!(c, '"' | '\'' | '`'))
                .to_string()
        };
        let event = unquote(event);
        let mut outer = None;
        let mut p = n.parent();
        while let Some(x) = p {
            crate::lang::budget::tick();
            if is_fn_kind(x.kind_name()) {
                outer = Some(x);
            }
            p = x.parent();
        }
        let Some(body) = outer.and_then(|f| field(f, "body")) else {
            return false;
        };
        let src = self.src;
        let suffix = format!(".{receiver}");
        let mut found = false;
        traverse(body, |at, entering| {
            let c = at.node;
            if found || !entering || c.kind_name() != "call_expression" {
                return;
            }
            let Some(callee) = field(c, "function").map(unwrap_value) else {
                return;
            };
            found = callee.kind_name() == "member_expression"
                && field(callee, "property")
                    .is_some_and(|p| pair.release.iter().any(|r| r == text(p, src)))
                && field(callee, "object").is_some_and(|o| {
                    let o = self.ctext(unwrap_value(o)).replace("?.", ".");
                    o == *receiver || o.ends_with(&suffix)
                })
                && matches!(call_args(c).as_slice(), [x] if unquote(&self.ctext(unwrap_value(*x))) == event);
        });
        found
    }

    /// A listener a callback adds to an object it has just got itself (`swReg.addEventListener(
    /// "updatefound", () => { const w = swReg.installing; w.addEventListener("statechange", …)
    /// })`): it lives and dies with that object, once per event of the outer registration,
    /// which is what holds (and is judged on its own).
    pub(super) fn on_callback_local(
        &self,
        n: Node<'t>,
        a: &Acquisition,
        effect_bodies: &[Node<'t>],
    ) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        let Some(receiver) = a.receiver.as_deref() else {
            return false;
        };
        if pair.matching != Matching::Listener
            || !receiver
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            return false;
        }
        // A callback others call later (a listener's, a subscription's), not a helper the
        // effect runs.
        let Some(callback) = enclosing_fn(n).filter(|_| a.in_callback) else {
            return false;
        };
        if effect_bodies.iter().any(|b| {
            b.id() == callback.id() || field(callback, "body").is_some_and(|cb| cb.id() == b.id())
        }) {
            return false;
        }
        let Some(body) = field(callback, "body") else {
            return false;
        };
        let src = self.src;
        let mut declared = false;
        traverse(body, |at, entering| {
            let d = at.node;
            if entering
                && !declared
                && d.kind_name() == "variable_declarator"
                && d.start_byte() < n.start_byte()
                && field(d, "name").is_some_and(|x| text(x, src) == receiver)
                && !super::effects::in_nested_fn(at, body)
            {
                declared = true;
            }
        });
        declared
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// A listener that removes itself after its first event (`{ once: true }`), or one for an
    /// event its target fires once (the catalogue's `once_events`: `load`,
    /// `DOMContentLoaded`): it holds nothing once that event has come. So does a subscription
    /// to what completes by itself (`fetchQuery(…).subscribe(…)`).
    pub(super) fn fires_once(&self, a: &Acquisition) -> bool {
        let Some(pair) = self.catalog.effect(&a.pair) else {
            return false;
        };
        if pair.matching != Matching::Listener {
            return a
                .receiver
                .as_deref()
                .is_some_and(|r| completes_by_itself(pair, r));
        }
        let event = a.args.first().map(|e| e.trim_matches(['"', '\'', '`']));
        if event.is_some_and(|e| pair.once_events.iter().any(|o| o == e)) {
            return true;
        }
        a.args.iter().skip(2).any(|o| {
            let compact: String = o.chars().filter(|c| !c.is_whitespace()).collect();
            compact.contains("once:true")
        }) || self.removes_itself(a, &pair.release)
    }

    /// Is the listener a function of the file that removes itself from the same target when it
    /// runs (`function onQuiet() { …; document.removeEventListener("network-quiesced",
    /// onQuiet) }`)? Like `{ once: true }`: it holds nothing once its event came.
    fn removes_itself(&self, a: &Acquisition, release: &[String]) -> bool {
        let (Some(recv), Some(event), Some(handler)) =
            (a.receiver.as_deref(), a.args.first(), a.args.get(1))
        else {
            return false;
        };
        let Some(f) = self.top_level_fn(handler) else {
            return false;
        };
        let body: String = text(f, self.src)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (recv, event): (String, String) = (
            recv.chars().filter(|c| !c.is_whitespace()).collect(),
            event.chars().filter(|c| !c.is_whitespace()).collect(),
        );
        release
            .iter()
            .any(|r| body.contains(&format!("{recv}.{r}({event},{handler})")))
    }
}

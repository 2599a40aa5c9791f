//! Listeners that look held but are not: added again right after the same target's listeners
//! for that event were removed, or moved by the callback that adds them from the target it had
//! before to the new one.

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
}

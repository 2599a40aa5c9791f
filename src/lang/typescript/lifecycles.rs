//! Components whose mount and unmount are methods of one class (React class components): what
//! the mount method acquires, the unmount method must release.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// A React class component: `componentDidMount` acquires, `componentWillUnmount` cleans up.
    pub(super) fn class_component(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let class = at.node;
        if !named_kids(class)
            .iter()
            .any(|k| k.kind_name() == "class_heritage")
        {
            return;
        }
        let Some(body) = field(class, "body") else {
            return;
        };
        let method = |name: &str| {
            named_kids(body).into_iter().find(|m| {
                m.kind_name() == "method_definition"
                    && field(*m, "name").and_then(|k| key_name(k, src)) == Some(name)
            })
        };
        let Some(mount) = method(CLASS_MOUNT) else {
            return;
        };
        let unmount = method(CLASS_UNMOUNT);
        self.ensure_index();
        let name = field(class, "name")
            .map(|n| text(n, src).to_string())
            .or_else(|| {
                at.up()
                    .filter(|d| d.node.kind_name() == "variable_declarator")
                    .and_then(|d| field(d.node, "name"))
                    .map(|n| text(n, src).to_string())
            });
        let label = field(mount, "name").map(span).unwrap_or(span(mount));
        let mut parts = EffectParts::new(CLASS_MOUNT, label, name);
        parts.class_body = Some(body);
        parts.bodies.push(mount);
        parts.cleanup_fns.extend(unmount);
        parts.anchors = self.effect_anchors(mount, mount, unmount);
        let fact = self.build_effect(parts);
        self.facts.effects.push(fact);
    }
}

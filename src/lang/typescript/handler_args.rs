//! The values a registration is given, read as handlers: a function literal, a function of the
//! file or an imported one, a wrapper or a factory call around one (`makeHandler(deps)`: what the
//! factory returns is the handler), or Fastify's `{ handler }`.

use super::prepass::{Pre, Special};
use super::*;

impl<'a, 't> Pre<'a, 't> {
    /// A value given to a framework: a function literal, a same-file function, an imported
    /// handler, a wrapper call around one of those, or Fastify's `{ handler }`.
    pub(super) fn handler_arg(&mut self, n: Node<'t>, special: Special, depth: u8) {
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind_name() {
            "arrow_function"
            | "function_expression"
            | "generator_function"
            | "function_declaration"
            | "generator_function_declaration"
            // (A method of an options object: `Sentry.init({ beforeSend(event) { … } })`; a
            // known registration's reading of it stays.)
            | "method_definition" => {
                if n.kind_name() == "method_definition" {
                    self.callbacks.entry(n.id()).or_insert(special);
                } else {
                    self.callbacks.insert(n.id(), special);
                }
            }
            "identifier" | "shorthand_property_identifier" => {
                let name = text(n, src);
                match special {
                    Special::Startup => {
                        if self.fn_names.contains(name) {
                            self.startup_names.insert(name.to_string());
                        }
                    }
                    Special::Handler(fw, _) => self.named_handler(n, fw, false),
                }
            }
            "member_expression" => {
                let Special::Handler(fw, _) = special else {
                    return;
                };
                let Some(prop) = field(n, "property").map(|p| text(p, src)) else {
                    return;
                };
                let Some((root, _)) = root_of(n, src) else {
                    return;
                };
                if let Some(imp) = self.imports.get(root) {
                    if let Some(module) = imp.local.clone() {
                        self.refs.push(HandlerRef {
                            name: prop.to_string(),
                            module: Some(module),
                            framework: fw.into(),
                            span: span(n),
                        });
                    }
                } else if self.module_vars.contains(root)
                    // `this.on("stateChange", this.onStateChange)`: a method of the class (not a
                    // getter: `app.use(path, this.app)` hands over what `get app()` returns).
                    || root == "this"
                        && field(n, "object").is_some_and(|o| unwrap_value(o).kind_name() == "this")
                        && !class_getter(n, prop, src)
                {
                    self.handler_names.insert(prop.to_string(), fw);
                    self.refs.push(HandlerRef {
                        name: prop.to_string(),
                        module: None,
                        framework: fw.into(),
                        span: span(n),
                    });
                }
            }
            // `this.onStateChange.bind(this)`: the function bound.
            "call_expression"
                if depth < 3
                    && field(n, "function").is_some_and(|c| {
                        c.kind_name() == "member_expression"
                            && field(c, "property").is_some_and(|p| text(p, src) == "bind")
                    }) =>
            {
                if let Some(f) = field(n, "function").and_then(|c| field(c, "object")) {
                    self.handler_arg(f, special, depth + 1);
                }
            }
            "call_expression" if depth < 3 => {
                // `subscribe("orders", makeOrderHandler(deps))`: what the factory returns is the
                // handler (`makeOrderHandler()` in the call graph).
                if let Special::Handler(fw, _) = special
                    && let Some(c) = field(n, "function").filter(|c| c.kind_name() == "identifier")
                {
                    self.named_handler(c, fw, true);
                }
                for a in call_args(n) {
                    self.handler_arg(a, special, depth + 1);
                }
            }
            "object" if depth < 3 => {
                for p in named_kids(n)
                    .into_iter()
                    .filter(|p| p.kind_name() == "pair")
                {
                    let key = field(p, "key").and_then(|k| key_name(k, src));
                    if key == Some("handler")
                        && let Some(v) = field(p, "value")
                    {
                        self.handler_arg(v, special, depth + 1);
                    }
                }
                for m in named_kids(n)
                    .into_iter()
                    .filter(|m| m.kind_name() == "method_definition")
                {
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some("handler") {
                        self.callbacks.insert(m.id(), special);
                    }
                }
            }
            _ => {}
        }
    }

    /// A function named by `n`, imported from a project module or of this file, is a handler;
    /// with `returned`, what it returns is (`makeHandler` of `bus.on("x", makeHandler(deps))`:
    /// `makeHandler()` in the call graph).
    fn named_handler(&mut self, n: Node<'t>, fw: &'static str, returned: bool) {
        let name = text(n, self.src);
        let graph_name = |f: &str| {
            if returned {
                format!("{f}()")
            } else {
                f.to_string()
            }
        };
        if let Some(imp) = self.imports.get(name) {
            if let Some(module) = imp.local.clone() {
                let export = export_name(&imp.path, name);
                self.refs.push(HandlerRef {
                    name: graph_name(export),
                    module: Some(module),
                    framework: fw.into(),
                    span: span(n),
                });
            }
        } else if self.fn_names.contains(name) {
            if !returned {
                self.handler_names.insert(name.to_string(), fw);
            }
            self.refs.push(HandlerRef {
                name: graph_name(name),
                module: None,
                framework: fw.into(),
                span: span(n),
            });
        }
    }
}

/// Does the class around `n` declare a getter `name` (`get app() { … }`)?
fn class_getter(n: Node, name: &str, src: &str) -> bool {
    let mut cur = n.parent();
    while let Some(p) = cur {
        crate::lang::budget::tick();
        if p.kind_name() == "class_body" {
            return named_kids(p).into_iter().any(|m| {
                m.kind_name() == "method_definition"
                    && field(m, "name").is_some_and(|k| text(k, src) == name)
                    && (0..m.child_count())
                        .filter_map(|i| m.child(i))
                        .any(|c| c.kind_name() == "get")
            });
        }
        cur = p.parent();
    }
    false
}

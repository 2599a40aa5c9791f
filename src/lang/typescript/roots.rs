//! Root components: what a file mounts as an application's root (the catalogue's
//! `[[root_mount]]`: `createApp(App)`, `createRoot(el).render(<StrictMode><App /></StrictMode>)`,
//! `new Vue({ render: (h) => h(App) })`, Svelte's `mount(App, { target })` and `new App({ target
//! })`). A root lives as long as the page, so what it acquires once per mount is acquired once.

use super::*;
use crate::facts::RootMount;

impl<'a, 't> Walker<'a, 't> {
    /// A call or construction that may mount a root component.
    pub(super) fn root_mount(&mut self, at: At<'_, 't>) {
        if self.ctx().scope.kind == ScopeKind::Test {
            return;
        }
        self.custom_element(at.node);
        if self.catalog.root_mounts.is_empty() {
            return;
        }
        let src = self.src;
        let n = at.node;
        let callee = match n.kind_name() {
            "call_expression" => field(n, "function"),
            "new_expression" => field(n, "constructor"),
            _ => return,
        };
        let Some(callee) = callee.map(unwrap_value) else {
            return;
        };
        let mut names: Vec<String> = Vec::new();
        if self.mounts_root(callee) {
            for a in call_args(n) {
                root_components(unwrap_value(a), src, &mut names, 0);
            }
        } else if n.kind_name() == "new_expression"
            && callee.kind_name() == "identifier"
            && self.svelte_component(text(callee, src))
            && call_args(n)
                .first()
                .is_some_and(|o| has_key(unwrap_value(*o), "target", src))
        {
            // Svelte 3 and 4: `new App({ target: document.body })`.
            names.push(text(callee, src).to_string());
        }
        for name in names {
            let module = match self.pre.imports.get(&name) {
                // A package's component (`StrictMode`, a router) is not the project's.
                Some(imp) => match &imp.local {
                    Some(m) => Some(m.clone()),
                    None => continue,
                },
                None => None,
            };
            let mount = RootMount { name, module };
            if !self.facts.root_mounts.contains(&mount) {
                self.facts.root_mounts.push(mount);
            }
        }
    }

    /// Is `callee` one of the catalogue's root-mounting calls? A function imported by name must
    /// come from the entry's modules; a method or a global counts unless its receiver is
    /// imported from another module.
    fn mounts_root(&self, callee: Node) -> bool {
        let src = self.src;
        // The receiver's root (`ReactDOM` of `ReactDOM.render`); none for a call's result
        // (`createRoot(el).render(…)`).
        let (name, owner) = match callee.kind_name() {
            "identifier" => (text(callee, src), Some(text(callee, src))),
            "member_expression" => {
                let Some(p) = field(callee, "property") else {
                    return false;
                };
                let name = text(p, src);
                // (The root only of a mounting call's name: every call of a chain asks.)
                if !self
                    .catalog
                    .root_mounts
                    .iter()
                    .any(|d| d.calls.iter().any(|c| c == name))
                {
                    return false;
                }
                let root = field(callee, "object")
                    .and_then(|o| root_of(o, src))
                    .map(|(r, _)| r);
                (name, root)
            }
            _ => return false,
        };
        self.catalog.root_mounts.iter().any(|d| {
            d.calls.iter().any(|c| c == name)
                && match owner.map(|o| (o, self.pre.imports.get(o))) {
                    Some((_, Some(imp))) => {
                        d.modules.iter().any(|m| wildcard_match(m, &imp.module))
                    }
                    Some((o, None)) => !self.pre.fn_names.contains(o),
                    None => true,
                }
        })
    }

    /// A component imported from a project `.svelte` file.
    fn svelte_component(&self, name: &str) -> bool {
        self.pre
            .imports
            .get(name)
            .is_some_and(|i| i.local.is_some() && i.module.ends_with(".svelte"))
    }
}

/// The project components a mounting call's argument names: a component (`App`), the elements
/// of a JSX tree (`<StrictMode><App /></StrictMode>`), what an options object's `render`
/// function renders (`{ render: (h) => h(App) }`).
fn root_components(n: Node, src: &str, out: &mut Vec<String>, depth: u8) {
    if depth > 8 {
        return;
    }
    let component = |name: &str| name.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    match n.kind_name() {
        "identifier" => {
            let name = text(n, src);
            if component(name) {
                out.push(name.to_string());
            }
        }
        "parenthesized_expression" => {
            for k in named_kids(n) {
                root_components(k, src, out, depth + 1);
            }
        }
        "jsx_element" | "jsx_self_closing_element" => {
            let open = if n.kind_name() == "jsx_element" {
                named_kids(n)
                    .into_iter()
                    .find(|k| k.kind_name() == "jsx_opening_element")
            } else {
                Some(n)
            };
            if let Some(tag) = open.and_then(|o| field(o, "name"))
                && tag.kind_name() == "identifier"
                && component(text(tag, src))
            {
                out.push(text(tag, src).to_string());
            }
            if n.kind_name() == "jsx_element" {
                for k in named_kids(n) {
                    if matches!(k.kind_name(), "jsx_element" | "jsx_self_closing_element") {
                        root_components(k, src, out, depth + 1);
                    }
                }
            }
        }
        "object" => {
            for p in named_kids(n) {
                if p.kind_name() == "pair"
                    && field(p, "key").and_then(|k| key_name(k, src)) == Some("render")
                    && let Some(f) = field(p, "value").map(unwrap_value)
                    && let Some(body) = field(f, "body")
                {
                    let call = match body.kind_name() {
                        "statement_block" => named_kids(body)
                            .into_iter()
                            .find(|s| s.kind_name() == "return_statement")
                            .and_then(first_named),
                        _ => Some(body),
                    };
                    if let Some(c) = call
                        .map(unwrap_value)
                        .filter(|c| c.kind_name() == "call_expression")
                        && let Some(first) = call_args(c).first()
                    {
                        root_components(unwrap_value(*first), src, out, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

fn has_key(obj: Node, key: &str, src: &str) -> bool {
    obj.kind_name() == "object"
        && named_kids(obj).into_iter().any(|p| {
            matches!(p.kind_name(), "pair" | "shorthand_property_identifier")
                && (field(p, "key").and_then(|k| key_name(k, src)) == Some(key)
                    || text(p, src) == key)
        })
}

impl<'a, 't> Walker<'a, 't> {
    /// `customElements.define("org-nav", OrgNav)`: the file defines custom element `org-nav`,
    /// whose class is `OrgNav` ([`crate::facts::FileFacts::custom_elements`]).
    fn custom_element(&mut self, call: Node<'t>) {
        if call.kind_name() != "call_expression" {
            return;
        }
        let src = self.src;
        let Some(callee) = field(call, "function").map(unwrap_value) else {
            return;
        };
        let callee = text(callee, src);
        if callee != "customElements.define" && callee != "window.customElements.define" {
            return;
        }
        let args = call_args(call);
        let (Some(tag), Some(class)) = (args.first(), args.get(1)) else {
            return;
        };
        let tag = unwrap_value(*tag);
        let class = unwrap_value(*class);
        if tag.kind_name() != "string" || class.kind_name() != "identifier" {
            return;
        }
        let tag = text(tag, src)
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string();
        let entry = (tag, text(class, src).to_string());
        if !self.facts.custom_elements.contains(&entry) {
            self.facts.custom_elements.push(entry);
        }
    }
}

/// The custom-element tags a script's text creates: `createElement("org-nav")` and markup in
/// its strings, templates or JSX (`<org-nav`). Read from the text, comments included (a tag a
/// comment names counts as created: the element is then not said to live with its page).
pub(super) fn created_tags(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    crate::facts::element_tags(text, |name| {
        if !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::created_tags;

    #[test]
    fn tags_a_script_creates() {
        let text = r#"
            const card = document.createElement("row-card");
            el.innerHTML = `<status-badge state="ok"></status-badge>`;
            const view = <div><org-nav /></div>;
            const plain = document.createElement("div");
            if (a < b) {}
        "#;
        assert_eq!(created_tags(text), ["status-badge", "org-nav", "row-card"]);
        assert!(created_tags("customElements.define(\"row-card\", RowCard)").is_empty());
    }
}

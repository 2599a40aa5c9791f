//! Elements a component owns (the catalogue's `[owned_elements]`): a DOM listener an effect adds
//! to one of them lives and dies with the element, so leaving it in place leaks nothing once the
//! component is gone. Owned: what the component's refs hold (`ref.current`, Vue's
//! `editor.value`), the variables its markup binds (Svelte's `bind:this={dialog}`), the component
//! itself in a class lifecycle (`this`, `this.shadowRoot`, `this.$el`), what the effect builds
//! (`document.createElement("button")`), and what is found from an owned element
//! (`root.querySelectorAll("pre")`, `findFocusable(dialog.children)`, the items of such a list).

use super::*;

/// The names of a file that hold a component's elements.
#[derive(Debug, Default)]
pub(super) struct ElementRefs {
    /// Bound to a ref (`const box = useRef(null)`): `box.current` is the element.
    refs: HashSet<String>,
    /// Bound to an element by the markup (`bind:this={dialog}`): `dialog` is the element.
    bound: HashSet<String>,
    /// Bound to an instance a library builds for the component and destroys with it
    /// (`const [emblaRef, api] = useEmblaCarousel()`, `useState<CarouselApi>()`).
    instances: HashSet<String>,
}

/// How many rounds of `a = b` propagation among an effect's locals are followed.
const ROUNDS: usize = 4;

impl<'a, 't> Walker<'a, 't> {
    /// Is `receiver` (an acquisition's receiver, canonical text) an element the component that
    /// runs effect `parts` owns, for a pair the catalogue says dies with its element?
    pub(super) fn on_owned_element(
        &self,
        pair: &str,
        receiver: &str,
        parts: &EffectParts<'t>,
    ) -> bool {
        let def = &self.catalog.owned_elements;
        if self
            .element_refs()
            .instances
            .contains(leading_name(receiver))
        {
            return true;
        }
        if !def.pairs.iter().any(|p| p == pair) {
            return def.selection_pairs.iter().any(|p| p == pair)
                && (self.selection_chain(receiver)
                    || self
                        .selection_locals(parts)
                        .contains(leading_name(receiver)));
        }
        let locals = self.owned_locals(parts);
        self.owned_path(receiver, parts, &locals)
    }

    /// Does `call` make an element of its own: a chain through one of the catalogue's
    /// `element_calls` (`document.createElement("div")`), or a D3 chain on one
    /// ([`Walker::selection_chain`]: `d3.select(this.container).append("svg").attr(…)`)?
    /// Listeners on it go away with it.
    pub(super) fn makes_element(&self, call: Node<'t>) -> bool {
        let def = &self.catalog.owned_elements;
        let mut cur = call;
        for _ in 0..16 {
            let Some(callee) = (cur.kind_name() == "call_expression")
                .then(|| field(cur, "function").map(unwrap_value))
                .flatten()
                .filter(|c| c.kind_name() == "member_expression")
            else {
                break;
            };
            if field(callee, "property").is_some_and(|p| {
                let p = text(p, self.src);
                def.element_calls.iter().any(|e| e == p)
            }) {
                return true;
            }
            match field(callee, "object").map(unwrap_value) {
                Some(o) => cur = o,
                None => break,
            }
        }
        call.kind_name() == "call_expression" && self.selection_chain(&self.ctext(call))
    }

    /// Is `receiver` a D3 chain on the component's elements (catalogue `selection_methods`,
    /// `selection_factories`), in a file importing one of `selection_modules`: `nodes
    /// .selectAll("circle").data(d).join("circle")`, `d3.zoom().scaleExtent([1, 8])`? Not one
    /// that selects the window, the document or its body.
    fn selection_chain(&self, receiver: &str) -> bool {
        let def = &self.catalog.owned_elements;
        let imports: Vec<&str> = self
            .pre
            .imports
            .iter()
            .filter(|(_, imp)| def.selection_modules.contains(&imp.module))
            .map(|(name, _)| name.as_str())
            .collect();
        if imports.is_empty() || leading_name(receiver).is_empty() {
            return false;
        }
        let global = ["window", "document", "globalThis", "self"];
        if global.contains(&leading_name(receiver))
            || global
                .iter()
                .any(|g| receiver.contains(&format!("select({g}")))
        {
            return false;
        }
        def.selection_methods
            .iter()
            .any(|m| receiver.contains(&format!(".{m}(")))
            || imports.iter().any(|i| {
                // (`d3.zoom<SVGSVGElement, unknown>()`: type arguments too.)
                def.selection_factories.iter().any(|f| {
                    [format!("{i}.{f}"), f.clone()].iter().any(|head| {
                        receiver
                            .strip_prefix(head.as_str())
                            .is_some_and(|rest| rest.starts_with(['(', '<']))
                    })
                })
            })
    }

    /// The effect's locals that hold a selection of owned elements (catalogue
    /// `selection_modules`): `d3.select(svgRef.current)`, and what is chained from such a local
    /// (`svg.append("g")`).
    fn selection_locals(&self, parts: &EffectParts<'t>) -> HashSet<String> {
        let src = self.src;
        let def = &self.catalog.owned_elements;
        let mut out: HashSet<String> = HashSet::default();
        if def.selection_modules.is_empty() {
            return out;
        }
        let owned = self.owned_locals(parts);
        for _ in 0..ROUNDS {
            let before = out.len();
            for body in &parts.bodies {
                traverse_flat(self.pre.flat, *body, |a, entering| {
                    let n = a.node;
                    if !entering || n.kind_name() != "variable_declarator" {
                        return;
                    }
                    let (Some(name), Some(value)) = (field(n, "name"), field(n, "value")) else {
                        return;
                    };
                    if name.kind_name() != "identifier" || out.contains(text(name, src)) {
                        return;
                    }
                    // The name the chain starts from (`d3` of `d3.select(x).append("g")`, or
                    // `select` of `select(x)` imported from `d3-selection`).
                    let bare = field(unwrap_value(value), "function")
                        .map(unwrap_value)
                        .filter(|f| f.kind_name() == "identifier")
                        .map(|f| text(f, src));
                    let Some(root) = bare.or_else(|| root_of(value, src).map(|(r, _)| r)) else {
                        return;
                    };
                    let wraps = self
                        .pre
                        .imports
                        .get(root)
                        .is_some_and(|imp| def.selection_modules.contains(&imp.module))
                        && self.owned_value(value, parts, &owned);
                    if wraps || out.contains(root) {
                        out.insert(text(name, src).to_string());
                    }
                });
            }
            if out.len() == before {
                break;
            }
        }
        out
    }

    /// Fields of a class component that hold objects it creates (`emitter = new Emitter()`,
    /// `this.store = new Store(this)` in the constructor): listeners on them go with the
    /// instance.
    pub(super) fn instance_owned(&self, class_body: Node<'t>, owned: &mut HashSet<String>) {
        let src = self.src;
        for m in named_kids(class_body) {
            match m.kind_name() {
                "public_field_definition" => {
                    if let (Some(name), Some(v)) = (field(m, "name"), field(m, "value"))
                        && unwrap_value(v).kind_name() == "new_expression"
                        && let Some(name) = key_name(name, src)
                    {
                        owned.insert(format!("this.{name}"));
                    }
                }
                "method_definition"
                    if field(m, "name").and_then(|k| key_name(k, src)) == Some("constructor") =>
                {
                    traverse_flat(self.pre.flat, m, |a, entering| {
                        let n = a.node;
                        if entering
                            && n.kind_name() == "new_expression"
                            && let Some(h) = holder_text(a, src)
                            && h.starts_with("this.")
                        {
                            owned.insert(h);
                        }
                    });
                }
                _ => {}
            }
        }
    }

    /// Does `call` build something from an element the component owns
    /// (`CodeMirror.fromTextArea(this.$refs.cm, …)`, `new Pickr({ el: ref.current })`)? What
    /// it builds lives and dies with that element.
    /// `locals`: the effect's [`Self::owned_locals`], computed on first need.
    pub(super) fn built_from_owned(
        &self,
        call: Node<'t>,
        parts: &EffectParts<'t>,
        locals: &std::cell::OnceCell<HashSet<String>>,
    ) -> bool {
        let args: Vec<Node<'t>> = call_args(call)
            .into_iter()
            .map(unwrap_value)
            .filter(|a| !is_fn_kind(a.kind_name()))
            .collect();
        if args.is_empty() {
            return false;
        }
        let locals = locals.get_or_init(|| self.owned_locals(parts));
        args.into_iter().any(|a| match a.kind_name() {
            // An options object naming the element (`{ el: ref.current }`).
            "object" => named_kids(a).into_iter().any(|p| {
                p.kind_name() == "pair"
                    && field(p, "value").is_some_and(|v| self.owned_value(v, parts, locals))
            }),
            _ => self.owned_value(a, parts, locals),
        })
    }

    fn element_refs(&self) -> &ElementRefs {
        self.element_refs.get_or_init(|| {
            let def = &self.catalog.owned_elements;
            let src = self.src;
            let mut out = ElementRefs::default();
            if let Some(root) = self.root {
                traverse_flat(self.pre.flat, root, |a, entering| {
                    let n = a.node;
                    if !entering || n.kind_name() != "variable_declarator" {
                        return;
                    }
                    let (Some(name), Some(value)) = (field(n, "name"), field(n, "value")) else {
                        return;
                    };
                    let v = unwrap_value(value);
                    if v.kind_name() != "call_expression" {
                        return;
                    }
                    let callee = field(v, "function").and_then(|c| callee_name(c, src));
                    if name.kind_name() == "identifier"
                        && callee.is_some_and(|c| def.ref_calls.iter().any(|r| r == c))
                    {
                        out.refs.insert(text(name, src).to_string());
                    }
                    if callee.is_some_and(|c| def.instance_calls.iter().any(|r| r == c)) {
                        // Every name the hook's result is bound to.
                        traverse_flat(self.pre.flat, name, |b, entering| {
                            if entering && b.node.kind_name().ends_with("identifier") {
                                out.instances.insert(text(b.node, src).to_string());
                            }
                        });
                    }
                    // `const emitter = useMemo(() => new EventEmitter2(), [])`: an object the
                    // component builds for itself and drops with itself. (Not one that holds
                    // something of its own, `new WebSocket(url)`: an acquisition the catalogue
                    // names, whose listeners say it is never released.)
                    let acquires = |r: Node<'t>| {
                        field(r, "constructor").is_some_and(|c| {
                            let class = text(c, src);
                            let class = class.rsplit('.').next().unwrap_or(class);
                            self.catalog
                                .effects
                                .iter()
                                .any(|e| e.new.iter().any(|n| n == class))
                        })
                    };
                    if name.kind_name() == "identifier"
                        && callee.is_some_and(|c| def.memo_calls.iter().any(|m| m == c))
                        && call_args(v).first().is_some_and(|f| {
                            let f = unwrap_value(*f);
                            is_fn_kind(f.kind_name())
                                && returned_values(f).first().is_some_and(|r| {
                                    r.kind_name() == "new_expression" && !acquires(*r)
                                })
                        })
                    {
                        out.instances.insert(text(name, src).to_string());
                    }
                    // `const [api, setApi] = useState<CarouselApi>()`: the state's value.
                    let typed = field(v, "type_arguments").is_some_and(|t| {
                        text(t, src)
                            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                            .any(|w| def.instance_types.iter().any(|ty| ty == w))
                    });
                    if typed
                        && name.kind_name() == "array_pattern"
                        && let Some(first) = named_kids(name).first()
                        && first.kind_name() == "identifier"
                    {
                        out.instances.insert(text(*first, src).to_string());
                    }
                });
            }
            // JSX `ref={tableRef}` (a forwarded ref too): `tableRef.current` is the element.
            for attr in &def.ref_attributes {
                let pat = format!(" {attr}={{");
                let mut rest = src;
                while let Some(i) = rest.find(pat.as_str()) {
                    rest = &rest[i + pat.len()..];
                    let name: String = rest
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                        .collect();
                    if !name.is_empty() {
                        out.refs.insert(name);
                    }
                }
            }
            for attr in &def.bind_attributes {
                let mut rest = src;
                while let Some(i) = rest.find(attr.as_str()) {
                    rest = &rest[i + attr.len()..];
                    let Some(inner) = rest.trim_start().strip_prefix('=') else {
                        continue;
                    };
                    let inner = inner.trim_start().trim_start_matches(['{', '"', '\'']);
                    let name: String = inner
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                        .collect();
                    if !name.is_empty() {
                        out.bound.insert(name);
                    }
                }
            }
            out
        })
    }

    /// Does canonical path `path` (`ref.current`, `this.shadowRoot`, `buttons[0]`) reach an owned
    /// element?
    fn owned_path(&self, path: &str, parts: &EffectParts<'t>, locals: &HashSet<String>) -> bool {
        let def = &self.catalog.owned_elements;
        let root = leading_name(path);
        let next = path[root.len()..]
            .strip_prefix('.')
            .map(leading_name)
            .unwrap_or("");
        if root == "this" {
            // The component itself, in a class lifecycle (a custom element, a Lit element), or
            // its own DOM (`this.$el`, `this.shadowRoot`), or a field holding an element of it.
            let Some(body) = parts.class_body else {
                return false;
            };
            return next.is_empty()
                || def.instance_fields.iter().any(|f| f == next)
                || self.element_field(body, next, parts, locals);
        }
        if root.is_empty() {
            return false;
        }
        let refs = self.element_refs();
        locals.contains(root)
            || refs.bound.contains(root)
            || (refs.refs.contains(root) && def.ref_fields.iter().any(|f| f == next))
    }

    /// Does field `name` of a custom element (`this.save`) hold one of its own elements? It
    /// does when the class sets it only from owned elements (`this.save =
    /// this._shadow.getElementById("save")`, `document.createElement("button")`), when a
    /// decorator fills it from the element's DOM (Lit's `@query("#save")`), or, in an element
    /// class's lifecycle, when the class never sets it and extends a project base element
    /// (the base built it; `element_bases` are the platform's and frameworks' bases, which
    /// hold no such fields). A field the class sets from anything else (a parameter, a
    /// global bus) is not owned.
    fn element_field(
        &self,
        class_body: Node<'t>,
        name: &str,
        parts: &EffectParts<'t>,
        locals: &HashSet<String>,
    ) -> bool {
        let depth = self.field_depth.get();
        if depth > 3 {
            return false;
        }
        self.field_depth.set(depth + 1);
        let owned = self.element_field_set(class_body, name, parts, locals);
        self.field_depth.set(depth);
        owned
    }

    fn element_field_set(
        &self,
        class_body: Node<'t>,
        name: &str,
        parts: &EffectParts<'t>,
        locals: &HashSet<String>,
    ) -> bool {
        let def = &self.catalog.owned_elements;
        let src = self.src;
        let mut values: Vec<Node<'t>> = Vec::new();
        let mut declared = false;
        for m in named_kids(class_body) {
            if m.kind_name() == "public_field_definition"
                && field(m, "name").and_then(|k| key_name(k, src)) == Some(name)
            {
                declared = true;
                let queried = named_kids(m).into_iter().any(|d| {
                    d.kind_name() == "decorator"
                        && named_kids(d)
                            .first()
                            .and_then(|c| match c.kind_name() {
                                "call_expression" => field(*c, "function"),
                                _ => Some(*c),
                            })
                            .and_then(|c| callee_name(c, src))
                            .is_some_and(|c| def.query_decorators.iter().any(|q| q == c))
                });
                if queried {
                    return true;
                }
                if let Some(v) = field(m, "value") {
                    values.push(v);
                }
            }
        }
        if let Some(assigned) = self.field_values(class_body).get(name) {
            values.extend(assigned.iter().copied());
        }
        if values.is_empty() {
            return !declared
                && def.element_lifecycles.contains(&parts.hook)
                && class_body
                    .parent()
                    .and_then(|c| {
                        named_kids(c)
                            .into_iter()
                            .find(|k| k.kind_name() == "class_heritage")
                    })
                    .and_then(|h| {
                        named_kids(h)
                            .into_iter()
                            .find(|k| k.kind_name() == "extends_clause")
                            .and_then(|e| field(e, "value"))
                    })
                    .and_then(|b| callee_name(b, src))
                    .is_some_and(|b| !def.element_bases.iter().any(|e| e == b));
        }
        values.into_iter().all(|v| {
            let v = unwrap_value(v);
            // `this.helper()`: what a method returns is not known here (`this.attachShadow()`
            // is the element's own).
            let method_call = v.kind_name() == "call_expression"
                && field(v, "function").is_some_and(|c| {
                    c.kind_name() == "member_expression"
                        && field(c, "object").is_some_and(|x| x.kind_name() == "this")
                        && field(c, "property")
                            .is_some_and(|p| !def.element_calls.iter().any(|e| e == text(p, src)))
                });
            // (A field set from fields, `this.save = this._shadow.getElementById(…)`, is
            // followed through them, as deep as `field_depth` allows.)
            !method_call && self.owned_value(v, parts, locals)
        })
    }

    /// The values class `class_body` assigns to each of its fields (`this.save = …`), read in
    /// one walk of the class, the first time one of its fields is asked about.
    fn field_values(&self, class_body: Node<'t>) -> std::rc::Rc<FieldValues<'t>> {
        if let Some(v) = self.field_values.borrow().get(&class_body.id()) {
            return v.clone();
        }
        let src = self.src;
        let mut out: FieldValues<'t> = HashMap::default();
        traverse_flat(self.pre.flat, class_body, |a, entering| {
            let n = a.node;
            if entering
                && n.kind_name() == "assignment_expression"
                && let (Some(l), Some(r)) = (field(n, "left"), field(n, "right"))
                && l.kind_name() == "member_expression"
                && field(l, "object").is_some_and(|o| o.kind_name() == "this")
                && let Some(p) = field(l, "property")
            {
                out.entry(text(p, src).to_string()).or_default().push(r);
            }
        });
        let out = std::rc::Rc::new(out);
        self.field_values
            .borrow_mut()
            .insert(class_body.id(), out.clone());
        out
    }

    /// Is the value `v` an owned element (or a list of them)?
    fn owned_value(&self, v: Node<'t>, parts: &EffectParts<'t>, locals: &HashSet<String>) -> bool {
        let def = &self.catalog.owned_elements;
        let v = unwrap_value(v);
        match v.kind_name() {
            "identifier" | "this" | "member_expression" | "subscript_expression" => {
                if self.owned_path(&self.ctext(v), parts, locals) {
                    return true;
                }
                field(v, "object").is_some_and(|o| self.owned_value(o, parts, locals))
            }
            "call_expression" => {
                let Some(callee) = field(v, "function").map(unwrap_value) else {
                    return false;
                };
                if callee.kind_name() == "member_expression" {
                    let prop = field(callee, "property").map(|p| text(p, self.src));
                    if prop.is_some_and(|p| def.element_calls.iter().any(|e| e == p)) {
                        return true;
                    }
                    if field(callee, "object").is_some_and(|o| self.owned_value(o, parts, locals)) {
                        return true;
                    }
                }
                // A helper or `Array.from` given an owned element gives its elements.
                call_args(v).into_iter().any(|a| {
                    !is_fn_kind(unwrap_value(a).kind_name()) && self.owned_value(a, parts, locals)
                })
            }
            _ => false,
        }
    }

    /// The effect's locals that hold owned elements: bound or assigned from one, or the item of
    /// a `forEach` / `for … of` over a list of them.
    fn owned_locals(&self, parts: &EffectParts<'t>) -> HashSet<String> {
        let src = self.src;
        let mut owned: HashSet<String> = HashSet::default();
        for _ in 0..ROUNDS {
            let before = owned.len();
            for body in &parts.bodies {
                traverse_flat(self.pre.flat, *body, |a, entering| {
                    let n = a.node;
                    if !entering {
                        return;
                    }
                    let (name, value) = match n.kind_name() {
                        "variable_declarator" => (field(n, "name"), field(n, "value")),
                        "assignment_expression" => (field(n, "left"), field(n, "right")),
                        "for_in_statement" => (field(n, "left"), field(n, "right")),
                        "call_expression" => {
                            // `list.forEach((item) => …)`: the callback's first parameter.
                            let Some(callee) = field(n, "function").map(unwrap_value) else {
                                return;
                            };
                            let iterates = callee.kind_name() == "member_expression"
                                && field(callee, "property").is_some_and(|p| {
                                    matches!(
                                        text(p, src),
                                        "forEach" | "map" | "filter" | "some" | "every"
                                    )
                                });
                            let param = call_args(n)
                                .first()
                                .map(|f| unwrap_value(*f))
                                .filter(|f| is_fn_kind(f.kind_name()))
                                .and_then(|f| param_name(f, 0));
                            match (iterates, param) {
                                (true, Some(p)) => (Some(p), field(callee, "object")),
                                _ => return,
                            }
                        }
                        _ => return,
                    };
                    let (Some(name), Some(value)) = (name, value) else {
                        return;
                    };
                    let name = match name.kind_name() {
                        "identifier" => text(name, src),
                        // `for (const b of buttons)`
                        "lexical_declaration" | "variable_declaration" => {
                            match named_kids(name).first().and_then(|d| field(*d, "name")) {
                                Some(x) if x.kind_name() == "identifier" => text(x, src),
                                _ => return,
                            }
                        }
                        _ => return,
                    };
                    if !owned.contains(name) && self.owned_value(value, parts, &owned) {
                        owned.insert(name.to_string());
                    }
                });
            }
            if owned.len() == before {
                break;
            }
        }
        owned
    }
}

/// The name a canonical path starts with: `ref` of `ref.current`, `this` of `this.$refs.box`.
fn leading_name(path: &str) -> &str {
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(path.len());
    &path[..end]
}

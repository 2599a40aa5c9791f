//! Framework knowledge the catalogue gives as data and the front-end reads off the code: request
//! and context parameter types, route decorators, and classes instantiated with `new`.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// Is the effect hook `name` React's? `React.useEffect` (`member`), one imported from React
    /// (or Preact), or one neither imported nor declared in the file; not a function of that
    /// name imported from another module or written in this one.
    pub(super) fn is_react_hook(&self, name: &str, member: bool) -> bool {
        if member {
            return true;
        }
        match self.pre.imports.get(name) {
            Some(imp) => REACT_MODULES.iter().any(|m| wildcard_match(m, &imp.module)),
            None => !self.pre.fn_names.contains(name),
        }
    }

    /// `useSignalEffect` imported from Preact's signals.
    pub(super) fn is_signal_effect(&self, name: &str) -> bool {
        name == SIGNAL_EFFECT
            && self.pre.imports.get(name).is_some_and(|imp| {
                SIGNAL_MODULES
                    .iter()
                    .any(|m| wildcard_match(m, &imp.module))
            })
    }

    /// A Vue lifecycle hook (`onMounted`, `onUnmounted`, …) by its local name. Call
    /// [`Walker::ensure_index`] first.
    pub(super) fn is_vue_hook(&self, name: &str) -> bool {
        match self.pre.imports.get(name) {
            Some(imp) => VUE_MODULES.iter().any(|m| wildcard_match(m, &imp.module)),
            None => {
                !self.declared(name)
                    && ["vue", "nuxt"]
                        .iter()
                        .any(|d| self.pre.file.project.has_dep(d))
            }
        }
    }

    /// A Svelte lifecycle function (`onMount`, `onDestroy`), imported from Svelte.
    pub(super) fn is_svelte_hook(&self, name: &str) -> bool {
        self.pre.imports.get(name).is_some_and(|imp| {
            SVELTE_MODULES
                .iter()
                .any(|m| wildcard_match(m, &imp.module))
        })
    }

    /// Svelte 5's effect rune (`$effect(() => { …; return cleanup })`, `$effect.pre`): a
    /// compiler global of `.svelte` files and `.svelte.ts` / `.svelte.js` modules, like React's
    /// `useEffect` (its returned function runs before each re-run and on destroy).
    pub(super) fn is_svelte_rune(&self, callee: Node<'t>) -> bool {
        let rel = &self.pre.file.rel;
        matches!(text(callee, self.src), "$effect" | "$effect.pre")
            && (rel.ends_with(".svelte") || rel.contains(".svelte."))
            && !self.pre.imports.contains_key("$effect")
            && !self.pre.fn_names.contains("$effect")
    }

    /// `new X(…)` of a catalogue client.
    pub(super) fn new_expression(&mut self, at: At<'_, 't>) {
        let n = at.node;
        let Some(ctor) = field(n, "constructor") else {
            return;
        };
        let Some((module, path, _)) = self.resolve(ctor) else {
            return;
        };
        if let Some(m) = self.catalog.match_js(&module, &path, true) {
            self.add_client(at, ctor, m, true);
        }
    }

    /// The request type (catalogue `request_types`) one of `f`'s parameters is annotated with,
    /// imported from its framework's module.
    pub(super) fn request_param(&self, f: Node<'t>) -> Option<String> {
        self.typed_param(f, &self.catalog.registration.request_types)
    }

    /// The type of `types` (`module:Type`) one of `f`'s parameters is annotated with, imported
    /// from its module.
    pub(super) fn typed_param(&self, f: Node<'t>, types: &[String]) -> Option<String> {
        if types.is_empty() {
            return None;
        }
        let params = field(f, "parameters")?;
        named_kids(params).into_iter().find_map(|p| {
            let ann = field(p, "type")?;
            let mut ty = first_named(ann)?;
            if ty.kind_name() == "generic_type" {
                ty = field(ty, "name")?;
            }
            if ty.kind_name() != "type_identifier" {
                return None;
            }
            let local = text(ty, self.src);
            let imp = self.pre.imports.get(local)?;
            let exported = imp.path.split('.').next().unwrap_or(local);
            types
                .iter()
                .any(|t| {
                    t.split_once(':')
                        .is_some_and(|(m, name)| name == exported && wildcard_match(m, &imp.module))
                })
                .then(|| exported.to_string())
        })
    }

    /// The framework of the catalogue's `[[registration.decorators]]` whose decorator, imported
    /// from one of its modules, sits on method `f`; for a constructor, on any method of its
    /// class when the framework builds the class per call (`per_call_instance`).
    pub(super) fn decorated_handler(&self, f: Node<'t>) -> Option<String> {
        let defs = &self.catalog.registration.decorators;
        if defs.is_empty() || f.kind_name() != "method_definition" {
            return None;
        }
        let src = self.src;
        let of = |m: Node<'t>| -> Option<&crate::catalog::FrameworkDecoratorsDef> {
            method_decorators(self.pre.flat, m)
                .into_iter()
                .find_map(|d| {
                    let imp = self.pre.imports.get(decorator_name(d, src))?;
                    let exported = imp.path.split('.').next().unwrap_or("");
                    defs.iter().find(|def| {
                        def.names.iter().any(|n| n == exported)
                            && def.modules.iter().any(|m| {
                                imp.module == *m || imp.module.starts_with(&format!("{m}/"))
                            })
                    })
                })
        };
        if field(f, "name").is_some_and(|n| text(n, src) == "constructor") {
            let body = f.parent()?;
            let mut cursor = body.walk();
            let methods: Vec<Node<'t>> = body
                .named_children(&mut cursor)
                .filter(|m| m.kind_name() == "method_definition")
                .collect();
            return methods
                .into_iter()
                .filter_map(of)
                .find(|def| def.per_call_instance)
                .map(|def| def.framework.clone());
        }
        of(f).map(|def| def.framework.clone())
    }

    /// Is function `at` the value of a variable annotated with a GraphQL resolver type
    /// (`QueryResolvers['product']`, `MutationResolvers`: a catalogue `resolver_types` root
    /// followed by `Resolvers`, as graphql-codegen names them)?
    pub(super) fn resolver_typed(&self, at: At<'_, 't>) -> bool {
        let Some(decl) = at
            .up()
            .filter(|p| p.node.kind_name() == "variable_declarator")
        else {
            return false;
        };
        let Some(ty) = field(decl.node, "type") else {
            return false;
        };
        let t = text(ty, self.src).trim_start_matches(':').trim();
        self.catalog.registration.resolver_types.iter().any(|r| {
            t.strip_prefix(r.as_str())
                .is_some_and(|rest| rest.starts_with("Resolvers"))
        })
    }

    /// `new Catalog(…)` of a project class: a call of its constructor (which goes by the
    /// class's name in the call graph).
    pub(super) fn new_project_class(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let Some(ctor) = field(at.node, "constructor").map(unwrap_value) else {
            return;
        };
        if ctor.kind_name() != "identifier" {
            return;
        }
        let name = text(ctor, src);
        match self.resolve(ctor) {
            Some((_, path, Some(module_ref))) => {
                let export = path.rsplit('.').next().unwrap_or("");
                let name = if matches!(export, "default" | "*") || path.contains('.') {
                    name
                } else {
                    export
                };
                self.add_call(at, ctor, name.to_string(), Some(module_ref));
            }
            Some(_) => {}
            None if self.pre.class_names.contains(name) => {
                self.add_call(at, ctor, name.to_string(), None);
            }
            None => {}
        }
    }
}

impl<'a, 't> Pre<'a, 't> {
    /// Is `export` of this file a handler a file-based router calls per request (the
    /// catalogue's `[[registration.file_routes]]`: a Gatsby Function's default export in
    /// `src/api/`, a Vercel function's in `api/`)?
    pub(super) fn file_route(&self, export: &str) -> bool {
        self.file_route_def(export).is_some()
    }

    /// The `[[registration.file_routes]]` entry that makes `export` of this file a handler.
    pub(super) fn file_route_def(&self, export: &str) -> Option<&'a crate::catalog::FileRouteDef> {
        let rel = self.file.rel.trim_start_matches("./");
        let catalog: &'a LangCatalog = self.catalog;
        catalog.registration.file_routes.iter().find(|r| {
            r.exports.iter().any(|e| e == export || e == "*")
                && (r.dependencies.iter().any(|d| self.file.project.has_dep(d))
                    || r.marked_above(&self.file.project.root))
                && (r.dirs.is_empty()
                    || r.dirs.iter().any(|d| {
                        rel.strip_prefix(d.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                    }))
                && (r.suffixes.is_empty() || {
                    let name = rel.rsplit('/').next().unwrap_or(rel);
                    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
                    r.suffixes.iter().any(|x| stem.ends_with(x.as_str()))
                })
        })
    }

    /// A function named under a registration key of an options object (`consumer.run({
    /// eachMessage: onMessage })`, tRPC's `createHTTPServer({ router, createContext })`, the
    /// catalogue's `[registration] keys`): it runs per event.
    pub(super) fn registration_keys(&mut self, call: Node<'t>) {
        let src = self.src;
        let reg = &self.catalog.registration;
        for (k, v) in option_entries(call, src) {
            if reg.keys.iter().any(|x| x == k)
                && matches!(
                    unwrap_value(v).kind_name(),
                    "identifier" | "member_expression" | "shorthand_property_identifier"
                )
            {
                self.pending
                    .push((v, Special::Handler("event", span(call))));
            }
        }
    }
}

impl<'t> Walker<'_, 't> {
    /// The registration a callback is handed to (the call's function, and a label such as
    /// `socket.on("message")`): as an argument of one of the catalogue's registration methods or
    /// functions, or as the value of a registration key of an options object passed to a call.
    /// The flag is set for a registration inferred from the call's shape.
    pub(super) fn registration_of<'p>(&self, at: At<'p, 't>) -> Option<(Node<'t>, String, bool)> {
        let reg = &self.catalog.registration;
        let src = self.src;
        let callee =
            |call: Node<'t>| field(call, "function").or_else(|| field(call, "constructor"));
        let label = |call: Node<'t>| -> Option<(Node<'t>, String)> {
            let func = callee(call)?;
            let func_text = if call.kind_name() == "new_expression" {
                format!("new {}", text(func, src))
            } else {
                text(func, src).to_string()
            };
            let args = field(call, "arguments")?;
            let first = args.named_child(0);
            let event = first
                .filter(|a| matches!(a.kind_name(), "string" | "template_string" | "regex"))
                .map(|a| text(a, src));
            Some((
                func,
                match event {
                    Some(e) if e.len() <= 60 => format!("{func_text}({e})"),
                    _ => format!("{func_text}(…)"),
                },
            ))
        };
        let registered = |call: Node<'t>| -> bool {
            let Some(func) = callee(call) else {
                return false;
            };
            if call.kind_name() == "new_expression" {
                let class = text(func, src);
                return reg
                    .classes
                    .iter()
                    .any(|c| c == class.rsplit('.').next().unwrap_or(class));
            }
            let named = match unwrap_value(func).kind_name() {
                "member_expression" => field(unwrap_value(func), "property").is_some_and(|p| {
                    let method = text(p, src);
                    // Or named with its receiver's last name (`rpc.provide`: deepstream's
                    // `client.rpc.provide(name, cb)`, where a bare `provide` is dependency
                    // injection's).
                    let receiver = field(unwrap_value(func), "object")
                        .map(unwrap_value)
                        .and_then(|o| match o.kind_name() {
                            "member_expression" => field(o, "property"),
                            "identifier" => Some(o),
                            _ => None,
                        })
                        .map(|r| text(r, src));
                    reg.lists_method(method)
                        || receiver.is_some_and(|r| reg.lists_method(&format!("{r}.{method}")))
                }),
                "identifier" => self.pre.registration_function(text(func, src)),
                _ => false,
            };
            if !named {
                return false;
            }
            // `server.on("listening", cb)`: once, not per event.
            let first = field(call, "arguments").and_then(|a| a.named_child(0));
            !first
                .filter(|a| a.kind_name() == "string")
                .is_some_and(|a| {
                    let e = text(a, src).trim_matches(|c| c == '"' || c == '\'' || c == '`');
                    reg.once_events.iter().any(|o| o == e)
                })
        };
        if let Some((call, i)) = arg_position(at) {
            if registered(call.node) {
                return label(call.node).map(|(f, l)| (f, l, false));
            }
            // A call of a registration's shape that the catalogue does not name: the callback
            // follows a key (`bot.command("start", ctx => …)`), or an options object that
            // names its event or job (`ai.defineTool({ name: "lookup", … }, async (input) => …)`).
            let keyed = self.pre.inferred_key(call.node).is_some_and(|k| i > k);
            let named_before = || {
                let def = &reg.inferred;
                callee(call.node)
                    .and_then(|f| callee_name(f, src))
                    .is_some_and(|m| !crate::lang::inferred::denied(def, m) && !reg.lists_method(m))
                    && call_args(call.node).iter().take(i).any(|a| {
                        let a = unwrap_value(*a);
                        a.kind_name() == "object" && self.pre.names_its_event(a)
                    })
                    && self.pre.object_registration(call.node)
            };
            return (keyed || named_before())
                .then(|| label(call.node))
                .flatten()
                .map(|(f, l)| (f, l, true));
        }
        // `consumer.run({ eachMessage: async (…) => … })`, or a method of the options object
        // (`Server.configure({ async onStoreDocument(data) { … } })`).
        let (key_node, object) = if at.node.kind_name() == "method_definition" {
            (field(at.node, "name")?, at.up())
        } else {
            let pair = at.up().filter(|p| p.node.kind_name() == "pair")?;
            (field(pair.node, "key")?, pair.up())
        };
        let key = text(key_node, src).trim_matches(|c| c == '"' || c == '\'');
        let object = object.filter(|o| o.node.kind_name() == "object")?;
        let known = reg.keys.iter().any(|k| k == key);
        // Not a key the catalogue names: a callback of an options object that names its job or
        // event (`workflow.task({ name: "load", fn })`, `createTool({ id: "lookup", execute })`,
        // `service({ name: "orders", handlers: { place } })`) probably runs per event.
        let object = if known {
            object
        } else {
            let def = &reg.inferred;
            if def.once_methods.iter().any(|m| m == key) || reg.once_events.iter().any(|e| e == key)
            {
                return None;
            }
            // The object holding it, or one holding that object under a key, up to two
            // levels (Prisma's `$extends({ name: "audit", query: { $allModels: {
            // $allOperations(…) } } })`).
            let outer = |o: At<'p, 't>| -> Option<At<'p, 't>> {
                o.up()
                    .filter(|p| p.node.kind_name() == "pair")
                    .and_then(|p| p.up())
                    .filter(|o| o.node.kind_name() == "object")
            };
            let nested = outer(object);
            let nested2 = nested.and_then(outer);
            [Some(object), nested, nested2]
                .into_iter()
                .flatten()
                .find(|o| self.pre.names_its_event(o.node))?
        };
        // An object typed as a library's (`export const invoice: ConductorWorker = {
        // taskDefName: "generate_invoice", execute: async (task) => … }`): the library holds it
        // and calls its callbacks, per event.
        if !known && let Some(ty) = self.dependency_typed(object) {
            return Some((ty, format!("{}({{ {key} }})", text(ty, src)), true));
        }
        // A configuration module's hooks (`cube.js`'s `module.exports = { queryRewrite }`,
        // `export default { queryRewrite }`): the host loads the module and calls them.
        if known && let Some(up) = object.up() {
            let exported = match up.node.kind_name() {
                "assignment_expression" => {
                    field(up.node, "left").is_some_and(|l| text(l, src) == "module.exports")
                }
                "export_statement" => true,
                _ => false,
            };
            if exported {
                return Some((key_node, format!("the exported hook `{key}`"), false));
            }
        }
        let args = object.up().filter(|a| a.node.kind_name() == "arguments")?;
        let call = args
            .up()
            .filter(|c| matches!(c.node.kind_name(), "call_expression" | "new_expression"))?;
        let func = callee(call.node)?;
        if !known && !self.pre.object_registration(call.node) {
            return None;
        }
        Some((func, format!("{}({{ {key} }})", text(func, src)), !known))
    }
}

impl<'t> Walker<'_, 't> {
    /// The type an object literal is declared with when a dependency exports it: `const w:
    /// ConductorWorker = { … }` or `{ … } satisfies ConductorWorker`, with `ConductorWorker`
    /// imported from a package (not the project, not a `not_modules` one).
    fn dependency_typed(&self, object: At<'_, 't>) -> Option<Node<'t>> {
        let src = self.src;
        let up = object.up()?;
        let ty = match up.node.kind_name() {
            "variable_declarator" => field(up.node, "type")
                .and_then(first_named)
                .filter(|t| matches!(t.kind_name(), "type_identifier" | "generic_type")),
            "satisfies_expression" => named_kids(up.node)
                .into_iter()
                .nth(1)
                .filter(|t| matches!(t.kind_name(), "type_identifier" | "generic_type")),
            _ => None,
        }?;
        let name_node = if ty.kind_name() == "generic_type" {
            field(ty, "name").or_else(|| first_named(ty))?
        } else {
            ty
        };
        let imp = self.pre.imports.get(text(name_node, src))?;
        let def = &self.catalog.registration.inferred;
        (imp.local.is_none()
            && !imp.module.starts_with('.')
            && !def
                .not_modules
                .iter()
                .any(|m| wildcard_match(m, &imp.module)))
        .then_some(name_node)
    }

    /// Is this `this` the root of `this.x`, a field the file assigns (`this.client = …`,
    /// `this.connected = true`)? Such a field is the instance's state a guard may test.
    pub(super) fn this_state(&self, this: Node<'_>) -> bool {
        let Some(member) = this.parent().filter(|p| {
            p.kind_name() == "member_expression"
                && field(*p, "object").is_some_and(|o| o.id() == this.id())
        }) else {
            return false;
        };
        let key = target_key(text(member, self.src));
        self.pre.assigned_paths.contains(&key) && !stop_flag(member, self.src)
    }
}

/// `this.stopped` in `if (this.stopped) return`, set `true` by a method of the class named for
/// an ending (`shutdown() { this.stopped = true }`): the state says the instance is finished,
/// not that the work below was done before.
fn stop_flag(member: Node<'_>, src: &str) -> bool {
    let Some(prop) = field(member, "property").map(|p| text(p, src)) else {
        return false;
    };
    let mut class = member.parent();
    while let Some(c) = class {
        crate::lang::budget::tick();
        if c.kind_name() == "class_body" {
            break;
        }
        class = c.parent();
    }
    let Some(body) = class else {
        return false;
    };
    named_kids(body)
        .into_iter()
        .filter(|m| m.kind_name() == "method_definition")
        .filter(|m| {
            field(*m, "name").is_some_and(|n| {
                matches!(
                    text(n, src),
                    "shutdown" | "stop" | "close" | "dispose" | "destroy" | "terminate" | "end"
                )
            })
        })
        .any(|m| {
            let mut found = false;
            traverse(m, |a, entering| {
                let n = a.node;
                if !entering || n.kind_name() != "assignment_expression" {
                    return;
                }
                let left = field(n, "left").map(unwrap_value);
                found |= left.is_some_and(|l| {
                    l.kind_name() == "member_expression"
                        && field(l, "object").is_some_and(|o| o.kind_name() == "this")
                        && field(l, "property").is_some_and(|p| text(p, src) == prop)
                }) && field(n, "right").is_some_and(|r| text(r, src) == "true");
            });
            found
        })
}

impl<'a, 't> Pre<'a, 't> {
    /// A function assigned to an object's events (`bot.events.messageCreate = onMessageCreate`,
    /// Discordeno) or another of its registries (`[registration.inferred] registry_properties`:
    /// a template engine's `env.filters.stock = async (sku) => …`) runs once per event or use:
    /// probably (the shape, not a known library, says so).
    pub(super) fn event_property(&mut self, assign: Node<'t>, left: Node<'t>) {
        let src = self.src;
        let Some(value) = field(assign, "right") else {
            return;
        };
        let v = unwrap_value(value);
        if !matches!(
            v.kind_name(),
            "identifier" | "member_expression" | "arrow_function" | "function_expression"
        ) || left.kind_name() != "member_expression"
        {
            return;
        }
        let on_events = field(left, "object")
            .and_then(|o| dotted_path(unwrap_value(o), src))
            .is_some_and(|p| {
                p.rsplit('.').next().is_some_and(|last| {
                    self.catalog
                        .registration
                        .inferred
                        .registry_properties
                        .iter()
                        .any(|r| r == last)
                })
            });
        if on_events {
            self.pending.push((
                value,
                Special::Handler(crate::lang::inferred::INFERRED, span(left)),
            ));
        }
    }
}

/// The constructor of a provider declared `@Injectable({ scope: Scope.REQUEST })` (NestJS) or
/// with another of the catalogue's `request_scopes` (graphql-modules' `Scope.Operation`): the
/// container builds one per request.
pub(super) fn request_scoped_ctor<'t>(
    flat: &Flat<'t>,
    f: Node<'t>,
    src: &str,
    scope: &str,
) -> bool {
    if f.kind_name() != "method_definition"
        || field(f, "name").is_none_or(|n| text(n, src) != "constructor")
    {
        return false;
    }
    let want = format!("scope:{scope}");
    super::scopes::class_decorated(flat, f, |d| {
        let t: String = text(d, src).split_whitespace().collect();
        // `Scope.Operation`, not `Scope.OperationLog`.
        t.starts_with("@Injectable(")
            && t.match_indices(want.as_str()).any(|(i, _)| {
                !t[i + want.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
    })
}

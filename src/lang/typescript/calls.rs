//! Calls the call graph follows: to functions of the file or of project modules
//! ([`Walker::add_call`], the callee resolved through the imports by [`Walker::resolve`]), and
//! method calls whose receiver's class the file states: `this.place()` in `class Orders`,
//! `this.inventory.reserve()` with `constructor(private inventory: InventoryService)` (NestJS,
//! Angular, tsyringe, InversifyJS inject this way), a typed field (`private repo: Repo`,
//! `cache = new Cache()`), and a local bound to a construction (`const svc = new Svc()`). Such a
//! call is recorded as a method [`CallSite`] with its [`Receiver`], so that the project pass can
//! follow a request from a controller into the service method that builds a client.

use super::*;
use crate::facts::Receiver;
use crate::lang::inferred;

/// What the pre-pass learns of receivers' classes.
#[derive(Debug, Default)]
pub(super) struct ReceiverTypes {
    /// (class, field) → the field's class: parameter properties, typed fields, fields assigned
    /// a construction.
    fields: HashMap<(String, String), String>,
    /// `const svc = new Svc()` anywhere in the file, by the local's name; `None` where one name
    /// is bound to two classes.
    locals: HashMap<String, Option<String>>,
    /// class → the root name of the class it extends (`Room` for `extends Room<State>`,
    /// `colyseus` for `extends colyseus.Room`).
    bases: HashMap<String, String>,
    /// class → the root names of the interfaces it implements (`SpanExporter` for `implements
    /// SpanExporter`).
    interfaces: HashMap<String, Vec<String>>,
    /// Property names the file reads (`this.refresh`, `room.onLeave`), from the tree.
    attrs: HashSet<String>,
}

impl ReceiverTypes {
    /// The class field `field` of class `class` is declared with, or built from.
    pub(super) fn field_class(&self, class: &str, field: &str) -> Option<&str> {
        self.fields
            .get(&(class.to_string(), field.to_string()))
            .map(String::as_str)
    }

    pub(super) fn attr_used(&mut self, name: &str) {
        if !self.attrs.contains(name) {
            self.attrs.insert(name.to_string());
        }
    }
}

/// The class a type annotation names: `InventoryService`, `Repo<User>` → `Repo`.
fn annotated_class(annotation: Node, src: &str) -> Option<String> {
    let ty = first_named(annotation)?;
    let name = match ty.kind_name() {
        "type_identifier" => ty,
        "generic_type" => field(ty, "name").filter(|n| n.kind_name() == "type_identifier")?,
        _ => return None,
    };
    Some(text(name, src).to_string())
}

/// The class a `new K(…)` builds, when it is a plain name.
fn constructed_class(value: Node, src: &str) -> Option<String> {
    let v = unwrap_value(value);
    if v.kind_name() != "new_expression" {
        return None;
    }
    let ctor = unwrap_value(field(v, "constructor")?);
    (ctor.kind_name() == "identifier").then(|| text(ctor, src).to_string())
}

/// The name of the class whose body `at` is in, if any (the nearest class).
pub(super) fn enclosing_class(at: At<'_, '_>, src: &str) -> Option<String> {
    let mut cur = at;
    while let Some(p) = cur.up() {
        if matches!(
            p.node.kind_name(),
            "class_declaration" | "abstract_class_declaration" | "class"
        ) {
            return field(p.node, "name").map(|n| text(n, src).to_string());
        }
        cur = p;
    }
    None
}

impl<'a, 't> Pre<'a, 't> {
    /// A class's typed fields: `constructor(private readonly repo: Repo)`, `private repo:
    /// Repo;`, `cache = new Cache();`.
    pub(super) fn class_fields(&mut self, class: Node<'t>) {
        let src = self.src;
        let (Some(name), Some(body)) = (field(class, "name"), field(class, "body")) else {
            return;
        };
        let class_name = text(name, src);
        let base = named_kids(class)
            .into_iter()
            .find(|k| k.kind_name() == "class_heritage")
            .and_then(|h| {
                named_kids(h)
                    .into_iter()
                    .find(|k| k.kind_name() == "extends_clause")
            })
            .and_then(|e| field(e, "value"))
            .and_then(|v| root_of(v, src))
            .map(|(root, _)| root.to_string());
        if let Some(base) = base {
            self.receivers.bases.insert(class_name.to_string(), base);
        }
        let interfaces: Vec<String> = named_kids(class)
            .into_iter()
            .filter(|k| k.kind_name() == "class_heritage")
            .flat_map(named_kids)
            .filter(|k| k.kind_name() == "implements_clause")
            .flat_map(named_kids)
            .filter_map(|t| {
                let t = if t.kind_name() == "generic_type" {
                    field(t, "name")?
                } else {
                    t
                };
                let root = text(t, src).split('.').next()?;
                Some(root.to_string())
            })
            .collect();
        if !interfaces.is_empty() {
            self.receivers
                .interfaces
                .insert(class_name.to_string(), interfaces);
        }
        for member in named_kids(body) {
            match member.kind_name() {
                "public_field_definition" => {
                    let Some(key) = field(member, "name") else {
                        continue;
                    };
                    let ty = field(member, "type")
                        .and_then(|t| annotated_class(t, src))
                        .or_else(|| field(member, "value").and_then(|v| constructed_class(v, src)));
                    if let Some(ty) = ty {
                        self.receivers
                            .fields
                            .insert((class_name.to_string(), text(key, src).to_string()), ty);
                    }
                }
                "method_definition"
                    if field(member, "name").is_some_and(|n| text(n, src) == "constructor") =>
                {
                    let Some(params) = field(member, "parameters") else {
                        continue;
                    };
                    for p in named_kids(params) {
                        // Only parameter properties become fields.
                        let property = p.children(&mut p.walk()).any(|c| {
                            matches!(c.kind_name(), "accessibility_modifier" | "readonly")
                        });
                        let (Some(pat), Some(ty)) = (field(p, "pattern"), field(p, "type")) else {
                            continue;
                        };
                        if property
                            && pat.kind_name() == "identifier"
                            && let Some(ty) = annotated_class(ty, src)
                        {
                            self.receivers
                                .fields
                                .insert((class_name.to_string(), text(pat, src).to_string()), ty);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// `const svc = new Svc()`: the local's class.
    pub(super) fn new_binding(&mut self, declarator: Node<'t>) {
        let src = self.src;
        let (Some(name), Some(value)) = (field(declarator, "name"), field(declarator, "value"))
        else {
            return;
        };
        if name.kind_name() != "identifier" {
            return;
        }
        let Some(class) = constructed_class(value, src) else {
            return;
        };
        self.receivers
            .locals
            .entry(text(name, src).to_string())
            .and_modify(|c| {
                if c.as_deref() != Some(class.as_str()) {
                    *c = None;
                }
            })
            .or_insert(Some(class));
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// Resolve a callee / constructor to (module, export path, project-local module) through
    /// the file's imports.
    pub(super) fn resolve(&self, callee: Node) -> Option<(String, String, Option<ModuleRef>)> {
        let src = self.src;
        let mut members: Vec<&str> = Vec::new();
        let mut cur = unwrap_value(callee);
        loop {
            match cur.kind_name() {
                "member_expression" => {
                    members.push(field(cur, "property").map(|p| text(p, src))?);
                    cur = unwrap_value(field(cur, "object")?);
                }
                "identifier" => {
                    let imp = self.pre.imports.get(text(cur, src))?;
                    let mut path = imp.path.clone();
                    for m in members.iter().rev() {
                        path.push('.');
                        path.push_str(m);
                    }
                    return Some((imp.module.clone(), path, imp.local.clone()));
                }
                "call_expression" => {
                    // `require('knex')({...})`, `new (require('pg').Pool)()`
                    let module = self.pre.required_module(cur)?;
                    let mut path = String::from("*");
                    for m in members.iter().rev() {
                        path.push('.');
                        path.push_str(m);
                    }
                    let local = self.pre.local_module(module);
                    return Some((module.to_string(), path, local));
                }
                _ => return None,
            }
        }
    }

    pub(super) fn add_call(
        &mut self,
        at: At<'_, 't>,
        callee: Node<'t>,
        name: String,
        module: Option<ModuleRef>,
    ) {
        let n = at.node;
        let vc = self.value_context(at);
        let ctx = self.ctx();
        let guard = if vc.guard == Guard::None && ctx.memo {
            Guard::Memo
        } else if vc.guard == Guard::None {
            // `if (Queue.instance) return Queue.instance;` before `createRedis()`: the call runs
            // once, like a construction under the same guard.
            self.early_return_guard(at, None, &[])
        } else {
            vc.guard
        };
        let site = CallSite {
            callee: text(callee, self.src).split_whitespace().collect(),
            name,
            module,
            span: span(n),
            scope: ctx.scope.clone(),
            guard,
            binding: vc.binding.clone(),
            released: vc.using,
            release_unguarded: false,
            handed: false,
            returned: vc.returned,
            in_fn: ctx.fn_idx,
            method: false,
            receiver: None,
            fallback_param: None,
            needs_param: None,
            serves_loop: false,
            given: None,
            collected: false,
            first_arg: n
                .child_by_field_name("arguments")
                .and_then(|a| a.named_child(0))
                .filter(|a| a.kind_name() != "spread_element")
                .and_then(|a| crate::facts::arg_key(text(a, self.src))),
        };
        self.facts.calls.push(site);
        let r = SiteRef::Call(self.facts.calls.len() - 1);
        self.frame().own.push(Site {
            r,
            extra_roots: vc.delivered,
            held_by: vc.held_by,
        });
    }

    /// A call through a dispatch table (`const handler = handlers[subject]; await
    /// handler(body)`, `routes[kind](req)`) with `handlers` a module-level object literal of
    /// functions (`{ "invoice.issued": handleInvoiceIssued }`): a call of each of them. A table
    /// imported from a project module (`import { commands } from "./commands"`) is a call of
    /// its name there, which the call graph reads through that module's
    /// [`crate::facts::FileFacts::tables`].
    pub(super) fn dispatch_call(&mut self, at: At<'_, 't>, callee: Node<'t>) -> bool {
        let src = self.src;
        // Cheap exit: most files hold no module-level object literal and import no project
        // module.
        let tables = *self.object_tables.get_or_init(|| {
            self.pre
                .consts
                .values()
                .any(|b| matches!(b, Bound::Value(v) if unwrap_value(*v).kind_name() == "object"))
        });
        if !tables && self.pre.local_imports.is_empty() {
            return false;
        }
        let entry = match callee.kind_name() {
            "subscript_expression" => Some(callee),
            "identifier" => {
                let name = text(callee, src);
                self.bindings
                    .iter()
                    .rev()
                    .find(|(_, local, _)| local == name)
                    .and_then(|(_, _, b)| match b {
                        Bound::Value(v) => Some(unwrap_value(*v)),
                        Bound::Field(..) => None,
                    })
                    .filter(|v| v.kind_name() == "subscript_expression")
            }
            _ => None,
        };
        let Some(table) = entry
            .and_then(|e| field(e, "object"))
            .map(unwrap_value)
            .filter(|t| t.kind_name() == "identifier")
        else {
            return false;
        };
        let Some(Bound::Value(obj)) = self.pre.consts.get(text(table, src)) else {
            // Imported from a project module: a call of the table's name there.
            let name = text(table, src);
            if let Some((_, path, Some(module_ref))) = self.resolve(table)
                && !path.contains('.')
            {
                self.add_call(
                    at,
                    table,
                    export_name(&path, name).to_string(),
                    Some(module_ref),
                );
                return true;
            }
            return false;
        };
        let defined: HashSet<&str> = self
            .facts
            .functions
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        let members = self.table_members(*obj, &defined);
        let mut any = false;
        for (f, name, module) in members {
            self.add_call(at, f, name, module);
            any = true;
        }
        any
    }

    /// The functions an object literal holds by name (`{ remind, "invoice.issued":
    /// handleInvoiceIssued }`): each one's node, its name where it is defined, and that module
    /// (`None`: this file). Empty for anything else. `defined`: the names of this file's
    /// functions so far, which a function written in the table goes by.
    pub(super) fn table_members(
        &self,
        obj: Node<'t>,
        defined: &HashSet<&str>,
    ) -> Vec<(Node<'t>, String, Option<ModuleRef>)> {
        let src = self.src;
        let obj = unwrap_value(obj);
        if obj.kind_name() != "object" {
            return Vec::new();
        }
        let mut out = Vec::new();
        for p in named_kids(obj) {
            // A function written in the table (`async join(ctx) { … }`, `join: async (ctx) =>
            // …`): a function of this file by its key.
            let inline = match p.kind_name() {
                "method_definition" => Some(p),
                "pair" => field(p, "value")
                    .map(unwrap_value)
                    .filter(|v| matches!(v.kind_name(), "arrow_function" | "function_expression"))
                    .map(|_| p),
                _ => None,
            };
            if let Some(m) = inline
                && let Some(key) = field(
                    m,
                    if m.kind_name() == "pair" {
                        "key"
                    } else {
                        "name"
                    },
                )
                .and_then(|k| key_name(k, src))
                && defined.contains(key)
            {
                out.push((m, key.to_string(), None));
                continue;
            }
            let value = match p.kind_name() {
                "pair" => field(p, "value").map(unwrap_value),
                "shorthand_property_identifier" => Some(p),
                _ => None,
            };
            let Some(f) = value.filter(|v| {
                matches!(
                    v.kind_name(),
                    "identifier" | "shorthand_property_identifier"
                )
            }) else {
                continue;
            };
            let name = text(f, src);
            if self.pre.fn_names.contains(name) {
                out.push((f, name.to_string(), None));
            } else if let Some(imp) = self.pre.imports.get(name)
                && let Some(module_ref) = imp.local.clone()
                && !imp.path.contains('.')
            {
                // (`resolve` reads identifiers; a shorthand member is one too.)
                out.push((
                    f,
                    export_name(&imp.path, name).to_string(),
                    Some(module_ref),
                ));
            }
        }
        out
    }

    /// The file's exported tables of functions, for calls through them from other modules.
    /// The functions of this file any module-level table holds are used as values (see
    /// [`crate::facts::FnFact::value_ref`]): whoever takes them from the table calls them.
    pub(super) fn exported_tables(&mut self) -> Vec<crate::facts::DispatchTable> {
        let mut tables: Vec<crate::facts::DispatchTable> = Vec::new();
        let mut held: HashSet<String> = HashSet::default();
        let defined: HashSet<&str> = self
            .facts
            .functions
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        for (name, b) in &self.pre.consts {
            let Bound::Value(v) = b else { continue };
            let members: Vec<(String, Option<ModuleRef>)> = self
                .table_members(*v, &defined)
                .into_iter()
                .map(|(_, n, m)| (n, m))
                .collect();
            held.extend(
                members
                    .iter()
                    .filter(|(_, m)| m.is_none())
                    .map(|(n, _)| n.clone()),
            );
            if !members.is_empty() && self.pre.exported_names.contains(name.as_str()) {
                tables.push(crate::facts::DispatchTable {
                    name: name.clone(),
                    members,
                });
            }
        }
        for func in &mut self.facts.functions {
            if held.contains(&func.name) || self.pre.handed.contains(&func.name) {
                func.value_ref = true;
            }
        }
        tables.sort_by(|a, b| a.name.cmp(&b.name));
        tables
    }

    /// `this.m()`, `this.field.m()`, `svc.m()`: a call to a project method, when the receiver's
    /// class is declared in this file or imported from a project module.
    pub(super) fn method_call(&mut self, at: At<'_, 't>, callee: Node<'t>) {
        let src = self.src;
        if callee.kind_name() != "member_expression" {
            return;
        }
        let (Some(object), Some(prop)) = (field(callee, "object"), field(callee, "property"))
        else {
            return;
        };
        let object = unwrap_value(object);
        let types = &self.pre.receivers;
        let class = match object.kind_name() {
            "this" => enclosing_class(at, src),
            "member_expression" => {
                let inner = field(object, "object").map(unwrap_value);
                if inner.is_some_and(|i| i.kind_name() == "this") {
                    let owner = enclosing_class(at, src);
                    field(object, "property").and_then(|f| {
                        types
                            .fields
                            .get(&(owner?, text(f, src).to_string()))
                            .cloned()
                    })
                } else {
                    None
                }
            }
            "identifier" => types.locals.get(text(object, src)).cloned().flatten(),
            _ => None,
        };
        let Some(class) = class else {
            return;
        };
        let receiver = if let Some(imp) = self.pre.imports.get(class.as_str()) {
            let Some(module) = imp.local.clone() else {
                return;
            };
            // `import { Orders as O }` names the class `Orders` in its file.
            let export = imp.path.as_str();
            let class = if export.contains('.') || matches!(export, "default" | "*") {
                class
            } else {
                export.to_string()
            };
            Receiver {
                class,
                module: Some(module),
            }
        } else if self.pre.class_names.contains(class.as_str()) {
            Receiver {
                class,
                module: None,
            }
        } else {
            return;
        };
        let name = text(prop, src).to_string();
        self.add_call(at, callee, name, None);
        if let Some(c) = self.facts.calls.last_mut() {
            c.method = true;
            c.receiver = Some(receiver);
        }
    }

    /// A method of a class extending a dependency's class (`class ArenaRoom extends Room`, from
    /// `colyseus`) that nothing in the file calls, undecorated and not once-only
    /// (`[registration.inferred] once_methods`): the dependency calls it back, probably per event
    /// (`onLeave`, `onMessage`). Not for the classes of `not_base_modules` (components, models,
    /// emitters), nor in a command-line file.
    pub(super) fn dependency_method(&self, f: Node<'t>, at: At<'_, 't>, name: &str) -> bool {
        if f.kind_name() != "method_definition"
            || name == "constructor"
            || self.pre.cli_file
            || named_kids(f).iter().any(|k| k.kind_name() == "decorator")
            || self
                .pre
                .flat
                .prev_named_sibling(f)
                .is_some_and(|p| p.kind_name() == "decorator")
        {
            return false;
        }
        let Some((class, true)) = self.method_owner(f, at) else {
            return false;
        };
        let def = &self.catalog.registration.inferred;
        // Its base class, or an interface it implements (`implements SpanExporter`): a
        // dependency's, which calls the methods back.
        let receivers = &self.pre.receivers;
        // (Not an interface of a package of the same repository: `implements ServiceInterface`
        // from a `workspace:^` sibling is the project's own contract.)
        let project = &self.pre.file.project;
        let interfaces = receivers
            .interfaces
            .get(&class)
            .into_iter()
            .flatten()
            .filter_map(|b| self.pre.imports.get(b.as_str()))
            .filter(|imp| !project.workspace_deps.contains(&imp.module));
        let dependency = receivers
            .bases
            .get(&class)
            .and_then(|b| self.pre.imports.get(b.as_str()))
            .into_iter()
            .chain(interfaces)
            .any(|imp| {
                imp.local.is_none()
                    && !def
                        .not_base_modules
                        .iter()
                        .any(|m| wildcard_match(m, &imp.module))
            });
        dependency && !inferred::once_method(def, name) && !self.pre.receivers.attrs.contains(name)
    }

    /// A function's class and whether it takes `this` ([`FnFact::owner`], `receiver`): a
    /// method's, not a constructor's (it goes by the class's name).
    pub(super) fn fn_owner(
        &self,
        f: Node<'t>,
        at: At<'_, 't>,
        n: &FnName,
    ) -> (Option<String>, bool) {
        if is_method(f, n) && n.name != "constructor" {
            self.method_owner(f, at)
                .map_or((None, false), |(c, r)| (Some(c), r))
        } else {
            (None, false)
        }
    }

    /// The class a method defined at `at` belongs to, and whether it is an instance method.
    pub(super) fn method_owner(&self, f: Node<'t>, at: At<'_, 't>) -> Option<(String, bool)> {
        let member = if f.kind_name() == "method_definition" {
            f
        } else {
            at.up()
                .map(|p| p.node)
                .filter(|p| p.kind_name() == "public_field_definition")?
        };
        let flat = self.pre.flat;
        let body = flat
            .parent(member)
            .filter(|b| b.kind_name() == "class_body")?;
        let class = flat.parent(body).and_then(|c| field(c, "name"))?;
        let is_static = member
            .children(&mut member.walk())
            .any(|c| c.kind_name() == "static");
        Some((text(class, self.src).to_string(), !is_static))
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// A call of what a library's export returns (a catalogue constructor `call = "default()"`):
    /// `pgPromise(opts)(cn)`, or `pgp(cn)` with `const pgp = pgPromise(opts)` in this file, or
    /// `pgp` imported from the project when the entry's `instance_names` name it.
    pub(super) fn curried_construction(&self, callee: Node<'t>) -> Option<CtorMatch<'a>> {
        let src = self.src;
        let catalog: &'a LangCatalog = self.catalog;
        let init = match callee.kind_name() {
            "call_expression" => callee,
            "identifier" => {
                let name = text(callee, src);
                if self.is_local(name) {
                    return None;
                }
                match self.pre.consts.get(name) {
                    Some(Bound::Value(v)) => unwrap_value(*v),
                    _ => {
                        let imp = self.pre.imports.get(name)?;
                        imp.local.as_ref()?;
                        let (client, ctor) = catalog.clients.iter().find_map(|c| {
                            (c.instance_names.iter().any(|x| x == name) && self.uses_library(c))
                                .then(|| {
                                    c.constructors
                                        .iter()
                                        .find(|k| {
                                            k.call.as_deref().is_some_and(|p| p.ends_with("()"))
                                        })
                                        .map(|k| (c, k))
                                })
                                .flatten()
                        })?;
                        return Some(CtorMatch {
                            client,
                            ctor,
                            singleton: false,
                        });
                    }
                }
            }
            _ => return None,
        };
        if init.kind_name() != "call_expression" {
            return None;
        }
        let f = unwrap_value(field(init, "function")?);
        let (module, path, _) = self.resolve(f)?;
        catalog.match_js(&module, &format!("{path}()"), false)
    }
}

//! Registrations the catalogue does not name, read by their shape (see
//! [`crate::lang::inferred`]): decorators and calls whose function probably runs per event.

use super::options::plain_string;
use super::*;
use crate::lang::inferred::{self, INFERRED};

impl<'t> Pre<'t> {
    /// Is `arg` a string naming a once-only event (`"startup"`): a registration for it is not one.
    pub(super) fn names_once_event(&self, arg: Node<'_>, src: &str) -> bool {
        arg.kind_name() == "string"
            && self
                .reg_once
                .contains(text(arg, src).trim_matches(|c| c == '"' || c == '\''))
    }

    /// A method call the catalogue does not name that has the shape of a registration: a key
    /// (a path, a name without spaces, a cron schedule) as a positional argument, then a
    /// function of the project, positional or by keyword (`app.add_url_rule("/orders",
    /// view_func=orders)`, `dispatcher.map("/temp", on_temp)`, `nc.subscribe("orders",
    /// cb=handle)`): that function probably runs per event ([`INFERRED`]). Not one: a method
    /// of `[registration.inferred] not_methods`, a call on an import of its `not_modules`, a
    /// once-only event, anything in a command-line file.
    pub(super) fn inferred_registration(
        &self,
        call: Node<'t>,
        src: &str,
        file: &SourceFile,
        refs: &mut Vec<RefCandidate<'t>>,
    ) {
        let Some(func) = call.field("function") else {
            return;
        };
        if self.handler_object(call, func, src, file, refs) {
            return;
        }
        let Some(method) = func.field("attribute").map(|n| text(n, src)) else {
            return;
        };
        let def = &self.inferred;
        if !self.cli
            && def.callback_first_methods.iter().any(|m| m == method)
            && let Some(args) = call.field("arguments")
            && let [cb, key] = named_children(args).as_slice()
            && matches!(cb.kind_name(), "identifier" | "attribute")
            && key.kind_name() == "string"
            && let Some((v, _)) = plain_string(*key, src)
            && inferred::key_of(&v).is_some()
            && v.contains(['.', '/', ':'])
            && !self.reg_once.contains(v.as_str())
            && self.project_function(*cb, src)
        {
            refs.push((*cb, INFERRED));
            return;
        }
        if self.cli || inferred::denied(def, method) {
            return;
        }
        if let Some(segs) = dotted(func, src)
            && let Some(first) = segs.first()
        {
            let modules: Vec<&str> = def.not_modules.iter().map(String::as_str).collect();
            if self.imported_from(first, &modules) {
                return;
            }
        }
        let command = def.command_methods.iter().any(|m| m == method);
        let Some(args) = call.field("arguments") else {
            return;
        };
        // A method named for the event given the function alone (xonsh's
        // `events.on_postcommand(record)`, `signal.on_change(refresh)`): per event.
        if self.per_event_name(method) {
            // (Not for a once-only event named by a constant: `loop.add_signal_handler(
            // signal.SIGTERM, shutdown)`.)
            let once = args.named_child(0).is_some_and(|a| {
                constant_key(a, src)
                    && self
                        .reg_once
                        .contains(text(a, src).rsplit('.').next().unwrap_or(""))
            });
            if !once {
                self.function_args(args, src, refs);
            }
            return;
        }
        let mut keyed = false;
        let mut namespaced = false;
        let mut found: Vec<Node<'t>> = Vec::new();
        for a in named_children(args) {
            match a.kind_name() {
                "string" if !keyed => {
                    let Some((v, _)) = plain_string(a, src) else {
                        return;
                    };
                    if !command && self.reg_once.contains(v.as_str()) {
                        return;
                    }
                    // (A method named for registering takes a label too: Binary Ninja's
                    // `PluginCommand.register_for_function("Sync\\Push", "…", push)`.)
                    let label = method.starts_with("register")
                        && !v.trim().is_empty()
                        && v.len() <= 80
                        && !v.contains('\n');
                    if inferred::key_of(&v).is_none() && !label {
                        return;
                    }
                    keyed = true;
                }
                "identifier" | "attribute" if keyed => found.push(a),
                // An event named by a constant (WeeWX's `self.bind(weewx.NEW_ARCHIVE_RECORD,
                // self.on_record)`, wxPython's `self.Bind(wx.EVT_BUTTON, self.on_click)`), not
                // a once-only one (`signal.SIGTERM`).
                "identifier" | "attribute" if !keyed && !namespaced && constant_key(a, src) => {
                    let name = text(a, src).rsplit('.').next().unwrap_or("");
                    if self.reg_once.contains(name) {
                        return;
                    }
                    keyed = true;
                }
                "keyword_argument" if keyed => {
                    if let Some(v) = a
                        .field("value")
                        .filter(|v| matches!(v.kind_name(), "identifier" | "attribute"))
                    {
                        found.push(v);
                    }
                }
                // One namespace before the key (`hass.services.async_register(DOMAIN,
                // "refresh", handle_refresh)`).
                "identifier" | "attribute" if !keyed && !namespaced => namespaced = true,
                _ if !keyed => return,
                _ => {}
            }
        }
        for f in found {
            if self.project_function(f, src) {
                refs.push((f, INFERRED));
            }
        }
    }

    /// May this call be a registration the catalogue does not name, to read once the imports
    /// are known ([`Pre::inferred_registration`]): a method given two arguments or more, or
    /// named for an event (`events.on_postcommand(record)`); a handler class's construction.
    pub(super) fn maybe_registration(
        &self,
        func: Node<'t>,
        last_name: Option<Node<'t>>,
        args: Node<'t>,
        src: &str,
    ) -> bool {
        let name = last_name.map(|n| text(n, src));
        (func.kind_name() == "attribute"
            && (args.named_child_count() >= 2
                || name.is_some_and(|n| inferred::event_method(&self.inferred, n))))
            || name.is_some_and(handler_class)
    }

    /// Every argument that may name a function of the project, positional or by keyword, as an
    /// inferred handler reference.
    fn function_args(&self, args: Node<'t>, src: &str, refs: &mut Vec<RefCandidate<'t>>) {
        for a in named_children(args) {
            let f = match a.kind_name() {
                "identifier" | "attribute" => a,
                "keyword_argument" => match a.field("value") {
                    Some(v) if matches!(v.kind_name(), "identifier" | "attribute") => v,
                    _ => continue,
                },
                _ => continue,
            };
            if self.project_function(f, src) {
                refs.push((f, INFERRED));
            }
        }
    }

    /// May this name be a function of the project (a value such as `models.CASCADE` resolves
    /// to nothing anyway): a name of this file's functions or of a project import; an attribute
    /// (a bound method, a module's function) is left to the resolution.
    fn project_function(&self, f: Node<'t>, src: &str) -> bool {
        if f.kind_name() != "identifier" || self.local_fns.contains(text(f, src)) {
            return true;
        }
        self.imports.get(text(f, src)).is_some_and(|imp| {
            imp.level > 0
                || !self
                    .cat_tops
                    .contains(imp.path.split('.').next().unwrap_or(""))
        })
    }

    /// A dependency's handler class given a function of the project (`MessageHandler(
    /// handlers.on_text, filters.text)` of pywa, handed to `wa.add_handlers(…)`): the object
    /// exists to call that function back, per event. Not a class of `not_modules` (logging's
    /// `StreamHandler`). Whether it was a dependency's handler class, registering or not.
    fn handler_object(
        &self,
        call: Node<'t>,
        func: Node<'t>,
        src: &str,
        file: &SourceFile,
        refs: &mut Vec<RefCandidate<'t>>,
    ) -> bool {
        let Some(segs) = dotted(func, src) else {
            return false;
        };
        let (Some(first), Some(last)) = (segs.first(), segs.last()) else {
            return false;
        };
        if !handler_class(last) {
            return false;
        }
        let modules: Vec<&str> = self
            .inferred
            .not_modules
            .iter()
            .map(String::as_str)
            .collect();
        if !self.dependency_import(first, file) {
            return false;
        }
        if self.cli || self.imported_from(first, &modules) {
            return true;
        }
        let Some(args) = call.field("arguments") else {
            return true;
        };
        self.function_args(args, src, refs);
        true
    }

    /// Does a decorator the catalogue does not name have a registration's shape: `@x.m(key, …)`
    /// with a key first (a path, a name, a schedule), or `@x.m(…)` whose name says it
    /// registers an event callback (`on_message`, `message_handler`), unless for a once-only
    /// event (`on_startup`)? Not in a command-line file, nor for `not_methods` or decorators of
    /// `not_modules` (`@pytest.mark.parametrize("x", …)`, `@mock.patch("m.f")`).
    pub(super) fn inferred_decorator(
        &self,
        segs: &[&str],
        call: Option<Node<'t>>,
        src: &str,
    ) -> bool {
        let (Some(first), Some(last)) = (segs.first(), segs.last()) else {
            return false;
        };
        let def = &self.inferred;
        let modules: Vec<&str> = def.not_modules.iter().map(String::as_str).collect();
        // A period given by keyword (`@kopf.timer(GROUP, VERSION, PLURAL, interval=60.0)`,
        // `@app.periodic(seconds=30)`): the function runs on every tick (even
        // under a name that is no registration otherwise: `timer` is also a timing decorator's).
        let wrapper = ["cache", "memo", "limit", "retry", "throttle"]
            .iter()
            .any(|w| last.to_ascii_lowercase().contains(w));
        if let Some(c) = call
            && !wrapper
            && !self.cli
            && !self.imported_from(first, &modules)
            && super::syntax::call_args(c).1.iter().any(|(k, v)| {
                def.schedule_keywords.iter().any(|s| s == text(*k, src))
                    && matches!(v.kind_name(), "integer" | "float" | "string")
            })
        {
            return true;
        }
        let key = call
            .and_then(|c| c.field("arguments"))
            .and_then(|a| a.named_child(0))
            .and_then(|a| plain_string(a, src))
            .map(|(v, _)| v);
        // `@app.cli.command("seed")`: a command line's.
        if (inferred::denied(def, last)
            && !(key.is_some() && def.keyed_methods.iter().any(|m| m == last)))
            || segs.contains(&"cli")
            || self.cli
            || self.imported_from(first, &modules)
        {
            return false;
        }
        let command = def.command_methods.iter().any(|m| m == last);
        if let Some(k) = key {
            return inferred::key_of(&k).is_some()
                && (command || !self.reg_once.contains(k.as_str()));
        }
        // A constant naming the events first (itchat's `@itchat.msg_register(TEXT)`, `([TEXT,
        // MAP])`, `(ContentType.TEXT)`): a key too, for a method named for registering (not a
        // setting: `@cache.memoize(TIMEOUT)`, `@limiter.limit(RATE)`).
        const REGISTERING: &[&str] = &[
            "register",
            "handler",
            "handle",
            "on",
            "subscribe",
            "listen",
            "listener",
            "receiver",
            "consumer",
            "event",
            "message",
            "msg",
            "command",
        ];
        if !wrapper
            && inferred::name_words(last)
                .iter()
                .any(|w| REGISTERING.contains(&w.as_str()))
            && call
                .and_then(|c| c.field("arguments"))
                .and_then(|a| a.named_child(0))
                .is_some_and(|a| constant_key(a, src))
        {
            return true;
        }
        // By its name alone: a method of an object (`@app.on_message`, `@bus.on_refund` with
        // `from .bus import bus`) or a module's event decorator (Chainlit's `@cl.on_message`
        // after `import chainlit as cl`), unless the event is a once-only one
        // (`@bentoml.on_deployment`, `@cl.on_app_startup`).
        self.per_event_name(last)
    }

    /// Is `name` a method named for an event (`on_message`, `message_handler`) that is not a
    /// once-only one (`on_startup`)?
    fn per_event_name(&self, name: &str) -> bool {
        let def = &self.inferred;
        inferred::event_method(def, name)
            && !def
                .event_prefixes
                .iter()
                .filter_map(|p| name.strip_prefix(p.as_str()))
                .chain(
                    def.event_suffixes
                        .iter()
                        .filter_map(|x| name.strip_suffix(x.as_str())),
                )
                .any(|e| self.reg_once.contains(e) || self.reg_once.contains(e.trim_matches('_')))
    }

    /// A dependency's own decorator, imported by name and given a key first (Tartiflette's
    /// `@Resolver("Query.order")`, `@Subscription("Subscription.orderUpdated")`): it registers
    /// the function for that key, like `@x.m(key)`. Not one of `not_modules` or a project
    /// module, nor a wrapper (`cache`, `retry`, `timeout`, `trace`…), nor in a command line.
    pub(super) fn inferred_bare_decorator(
        &self,
        name: &str,
        call: Option<Node<'t>>,
        src: &str,
        file: &SourceFile,
    ) -> bool {
        let def = &self.inferred;
        let modules: Vec<&str> = def.not_modules.iter().map(String::as_str).collect();
        let lower = name.to_ascii_lowercase();
        if self.cli
            || inferred::denied(def, name)
            || inferred::denied(def, &lower)
            || self.imported_from(name, &modules)
            || [
                "cache", "memo", "limit", "retry", "throttle", "time", "trace", "log", "profile",
            ]
            .iter()
            .any(|w| lower.contains(w))
        {
            return false;
        }
        let dependency = self.dependency_import(name, file);
        // The key first, or given by name (`@action(name="lookup_order_status")`: NeMo
        // Guardrails' actions, run per dialog turn), a name the catalogue's `object_keys` lists.
        let args = call.and_then(|c| c.field("arguments"));
        let key = args
            .and_then(|a| a.named_child(0))
            .and_then(|a| plain_string(a, src))
            .or_else(|| {
                named_children(args?).into_iter().find_map(|k| {
                    (k.kind_name() == "keyword_argument"
                        && k.field("name")
                            .is_some_and(|n| def.object_keys.iter().any(|o| o == text(n, src))))
                    .then(|| k.field("value"))
                    .flatten()
                    .and_then(|v| plain_string(v, src))
                })
            })
            .map(|(v, _)| v);
        dependency
            && key.is_some_and(|k| {
                inferred::key_of(&k).is_some() && !self.reg_once.contains(k.as_str())
            })
    }

    /// Is this base class (`DataUpdateCoordinator[dict]`, `scrapy.Spider`) a dependency's: imported
    /// from a package that is neither the project's nor in `[registration.inferred]
    /// not_base_modules`?
    pub(super) fn dependency_base(&self, base: Node<'t>, src: &str, file: &SourceFile) -> bool {
        let base = if base.kind_name() == "subscript" {
            match base.field("value") {
                Some(v) => v,
                None => return false,
            }
        } else {
            base
        };
        let Some(segs) = dotted(base, src) else {
            return false;
        };
        let Some(first) = segs.first() else {
            return false;
        };
        let not: Vec<&str> = self
            .inferred
            .not_base_modules
            .iter()
            .map(String::as_str)
            .collect();
        let provided = |imp: &super::prepass::Import| {
            // (No package of the project by that name: the environment provides it.)
            let top = imp.path.split('.').next().unwrap_or("");
            imp.level == 0
                && !top.is_empty()
                && !crate::lang::modules::is_py_stdlib(top)
                && file.project.root.is_dir()
                && !file.project.has_py_package(top, &file.rel)
        };
        self.imports.get(*first).is_some_and(|imp| {
            !in_package(&imp.path, &not) && (self.dependency_import(first, file) || provided(imp))
        })
    }

    /// Is `local` imported from a package that is not the project's (absolute, and no module
    /// of the project by that path)?
    fn dependency_import(&self, local: &str, file: &SourceFile) -> bool {
        self.imports.get(local).is_some_and(|imp| {
            imp.level == 0 && project_module(&imp.path, 0, file, &self.cat_tops).is_none()
        })
    }

    /// Does the file read like a command line: it imports argparse (or reads `sys.argv` at
    /// module level)? A name and a callback there are a sub-command, run once.
    pub(super) fn cli_file(&self) -> bool {
        self.module_reads_argv
            || self.imports.values().any(|imp| {
                self.inferred
                    .cli_modules
                    .iter()
                    .any(|m| in_package(&imp.path, &[m.as_str()]))
            })
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// A decorator imported from a dependency of the project, bare or called (`@step` from
    /// `llama_index.core.workflow`): the framework marking a method it calls. Not the standard
    /// library's (`@property`, `@staticmethod`, `@functools.cache`, `@abstractmethod`), nor the
    /// catalogue's `not_modules`.
    pub(super) fn dependency_decorator(&self, d: Node<'t>) -> bool {
        let src = self.src;
        let expr = d.named_child(0).unwrap_or(d);
        let expr = match expr.kind_name() {
            "call" => expr.field("function").unwrap_or(expr),
            _ => expr,
        };
        let Some(root) = root_ident(expr, src) else {
            return false;
        };
        let modules: Vec<&str> = self
            .pre
            .inferred
            .not_modules
            .iter()
            .map(String::as_str)
            .collect();
        self.pre.imports.get(root).is_some_and(|imp| {
            let top = imp.path.split('.').next().unwrap_or("");
            imp.level == 0
                && !crate::lang::modules::is_py_stdlib(top)
                && project_module(&imp.path, 0, self.file, &self.pre.cat_tops).is_none()
                && !self.pre.imported_from(root, &modules)
        })
    }

    /// A method of a class deriving from a dependency's class that nothing in the file calls:
    /// the dependency calls it back, probably per event (Home Assistant's `_async_update_data`,
    /// a spider's `parse`, a log handler's `emit`), unless once-only, or decorated other than by
    /// a dependency's decorator.
    pub(super) fn dependency_callback(
        &self,
        class: &ClassInfo,
        name: &str,
        decorators: &[Node<'t>],
    ) -> bool {
        // (A class method too: Maltego's `DiscoverableTransform.create_entities(cls, request,
        // response)`; not an alternative constructor, `from_config`.)
        let class_method = |d: &Node<'t>| {
            super::syntax::static_or_class_method(*d, self.src) && !name.starts_with("from_")
        };
        class.dependency_base
            && decorators
                .iter()
                .all(|d| class_method(d) || self.dependency_decorator(*d))
            && !name.starts_with("__")
            && !self.pre.cli
            && !inferred::once_method(&self.pre.inferred, name)
            && !class
                .bases
                .iter()
                .any(|b| inferred::once_method(&self.pre.inferred, &format!("{b}.{name}")))
            && !self.pre.attrs_used.contains(name)
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// The kind of a function's body once what the body says is read: a probable callback
    /// running schema statements sets a schema up (no evidence); a probable registration that
    /// returns the callbacks it defines (a Prodigy recipe's `return {"update": update, …}`)
    /// builds them once, and each callback it returns probably runs per event.
    pub(super) fn settle_inferred(
        &mut self,
        node: Node<'t>,
        owner: Node<'t>,
        name: &str,
        parent: &Scope,
        kind: ScopeKind,
        framework: Option<&'static str>,
    ) -> (ScopeKind, Option<&'static str>) {
        let src = self.src;
        if framework == Some(INFERRED) {
            if super::syntax::runs_setup_statements(node, src, &self.pre.inferred.setup_statements)
            {
                return (ScopeKind::Function, None);
            }
            let callbacks = super::syntax::returned_callbacks(node, src);
            if !callbacks.is_empty() {
                self.builders.insert(node.id(), callbacks);
                return (ScopeKind::Startup, Some("startup"));
            }
        }
        if parent.kind == ScopeKind::Startup
            && self
                .builders
                .get(&owner.id())
                .is_some_and(|callbacks| callbacks.iter().any(|c| c == name))
        {
            return (ScopeKind::Handler, Some(INFERRED));
        }
        (kind, framework)
    }

    /// Is `base` a base of class `class` written through its module's import (`class
    /// ArchiveMilter(Milter.Base)` after `import Milter`)?
    pub(super) fn base_through_module(&self, class: &str, base: &str, module: &str) -> bool {
        self.pre.class_bases.get(class).is_some_and(|bases| {
            bases.iter().any(|b| {
                text(*b, self.src)
                    .rsplit_once('.')
                    .is_some_and(|(alias, last)| {
                        last == base && self.pre.imported_from(alias, &[module])
                    })
            })
        })
    }

    /// A top-level function named for an event in camelCase (`onCommand`, `onHeartbeat`) that
    /// nothing in the file calls or names: the host that loads the file calls it by that name,
    /// per event (a Domoticz plugin's `onCommand`), unless the event is a once-only one
    /// (`onStart` → `on_start`, the catalogue's `once_methods`). (Not a snake_case `on_created`:
    /// as often the project's own handler, named in another module's dispatch table, where the
    /// call graph follows it.)
    pub(super) fn host_hook(&self, name: &str, decorators: &[Node<'t>]) -> bool {
        let def = &self.pre.inferred;
        let Some(rest) = name
            .strip_prefix("on")
            .filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
        else {
            return false;
        };
        if !decorators.is_empty() || self.pre.cli {
            return false;
        }
        let mut snake = String::from("on");
        for c in rest.chars() {
            if c.is_ascii_uppercase() {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        if inferred::once_method(def, name) || inferred::once_method(def, &snake) {
            return false;
        }
        // Named nowhere else in the file (`onCommand(…)`, `handlers = [onCommand]`), comments
        // aside; an attribute of the same name (`_plugin.onCommand(…)`) is another function.
        let src = self.src;
        let bytes = src.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        !src.match_indices(name).any(|(i, _)| {
            let end = i + name.len();
            let line = &src[src[..i].rfind('\n').map_or(0, |n| n + 1)..i];
            !src[..i].ends_with("def ")
                && !line.contains('#')
                && (i == 0 || (!word(bytes[i - 1]) && bytes[i - 1] != b'.'))
                && bytes.get(end).is_none_or(|b| !word(*b))
        })
    }
}

/// A class named for calling something back (`MessageHandler`, `CallbackQueryHandler`,
/// `EventListener`) or for serving with it (pynumaflow's `MapServer(enrich)`, `SinkServer(sink)`:
/// a server calls the function it is given per request): CamelCase, ending in `Handler`,
/// `Listener`, `Callback` or `Server`.
pub(super) fn handler_class(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && ["Handler", "Listener", "Callback", "Server"]
            .iter()
            .any(|s| name.len() > s.len() && name.ends_with(s))
}

/// An upper-case constant (`TEXT`, `ContentType.TEXT`), or a list or tuple of them: the events a
/// decorator registers its function for.
fn constant_key(a: Node, src: &str) -> bool {
    match a.kind_name() {
        "identifier" | "attribute" => {
            let name = text(a, src).rsplit('.').next().unwrap_or("");
            name.len() >= 2
                && name.starts_with(|c: char| c.is_ascii_uppercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        }
        "list" | "tuple" => {
            let kids = named_children(a);
            !kids.is_empty() && kids.into_iter().all(|k| constant_key(k, src))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::handler_class;

    #[test]
    fn handler_classes_are_named_for_calling_back() {
        assert!(handler_class("MessageHandler"));
        assert!(handler_class("CallbackQueryHandler"));
        assert!(handler_class("ChangeListener"));
        assert!(!handler_class("Handler"));
        assert!(!handler_class("message_handler"));
        assert!(!handler_class("HandlerRegistry"));
        assert!(handler_class("MapServer"));
        assert!(!handler_class("Server"));
        assert!(!handler_class("ServerConfig"));
    }
}

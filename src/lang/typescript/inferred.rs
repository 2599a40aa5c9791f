//! Registrations the catalogue does not name, read by their shape (see
//! [`crate::lang::inferred`]): which calls' callbacks probably run per event.

use super::prepass::Special;
use super::*;
use crate::lang::inferred::{self, INFERRED};

impl<'a, 't> Pre<'a, 't> {
    /// A call the catalogue does not name that has the shape of a registration: a method
    /// (`bot.command("start", …)`, `channel.bind("order", …)`, `app.addHook("onRequest", …)`)
    /// or a constructor (`new CronJob("0 * * * *", …)`, a schedule only) given a key, a path,
    /// a name or a schedule, before its callbacks (see [`crate::lang::inferred`]). The index of
    /// that key: the arguments after it are the callbacks. Not a registration: a method of the
    /// catalogue's `[registration.inferred] not_methods` (`fs.readFile("x", cb)`'s kind), one
    /// called on an import of its `not_modules`, a once-only event, and anything in a file
    /// that imports a command-line framework.
    /// Does this options object name its event or job: a property of the catalogue's
    /// `[registration.inferred] object_keys` (`name`, `id`, `topic`) given a name-like string?
    pub(super) fn names_its_event(&self, object: Node<'t>) -> bool {
        let src = self.src;
        let keys = &self.catalog.registration.inferred.object_keys;
        named_kids(object).into_iter().any(|p| {
            p.kind_name() == "pair"
                && field(p, "key")
                    .and_then(|k| key_name(k, src))
                    .is_some_and(|k| keys.iter().any(|x| x == k))
                && field(p, "value")
                    .map(unwrap_value)
                    .filter(|v| v.kind_name() == "string")
                    .and_then(|v| string_value(v, src))
                    .is_some_and(|v| inferred::key_of(v).is_some())
        })
    }

    /// May `call`, given an options object that names its event, register its callbacks? Not
    /// one called on an import of `not_modules`, nor anything in a file importing a
    /// command-line framework. (`not_methods` are names of the key-then-callback shape: a
    /// workflow's `task({ name, fn })` is no `gulp.task("build", fn)`.)
    pub(super) fn object_registration(&self, call: Node<'t>) -> bool {
        let src = self.src;
        let def = &self.catalog.registration.inferred;
        let is_new = call.kind_name() == "new_expression";
        let Some(callee) = field(call, if is_new { "constructor" } else { "function" }) else {
            return false;
        };
        let callee = unwrap_value(callee);
        let not_module = root_of(callee, src).is_some_and(|(root, _)| {
            self.imports.get(root).is_some_and(|imp| {
                def.not_modules
                    .iter()
                    .any(|m| wildcard_match(m, &imp.module))
            })
        });
        !not_module && !self.cli_file
    }

    /// The module's export is a function a host calls with itself: a task runner's task file
    /// (`module.exports = function (grunt) { grunt.registerTask(…) }`, its first parameter
    /// named for one of the catalogue's `cli_modules` the project depends on) is a
    /// command-line file, each task a run of the command. And a plugin's factory, in a package
    /// that names its hosts among its `peerDependencies` (a Babel, Rollup, Vite or esbuild
    /// plugin): the object it returns, named (`name: "glossary"`, see
    /// [`Pre::names_its_event`]), holds hooks the host calls back per file, module or node
    /// (`pre(file)`, `post()`, `transform(code, id)`, a `visitor`'s methods, one object down):
    /// each probably per event, except the `once_methods` (`buildStart`, `config`, …).
    pub(super) fn plugin_factory(&mut self, v: Node<'t>, label: Span) {
        let src = self.src;
        let v = unwrap_value(v);
        if !matches!(
            v.kind_name(),
            "function_expression" | "arrow_function" | "function_declaration" | "function"
        ) {
            return;
        }
        let def = &self.catalog.registration.inferred;
        let first = field(v, "parameters")
            .and_then(|ps| named_kids(ps).into_iter().next())
            .or_else(|| field(v, "parameter"))
            .map(|p| text(field(p, "pattern").unwrap_or(p), src));
        if first.is_some_and(|name| {
            def.cli_modules.iter().any(|m| m == name) && self.file.project.has_dep(name)
        }) {
            self.cli_file = true;
            return;
        }
        if self.file.project.plugin_hosts.is_empty() {
            return;
        }
        let Some(obj) = returned_object(v) else {
            return;
        };
        if !self.names_its_event(obj) {
            return;
        }
        self.host_hooks(obj, Special::Handler(INFERRED, label));
    }

    /// The functions of an object a host calls back (a plugin's hooks), one object down too
    /// (`visitor: { StringLiteral(path) { … } }`), as `special`; not its `once_methods`.
    fn host_hooks(&mut self, obj: Node<'t>, special: Special) {
        let src = self.src;
        let def = &self.catalog.registration.inferred;
        for (key, value) in object_entries(obj, src) {
            if inferred::once_method(def, key) {
                continue;
            }
            let inner = unwrap_value(value);
            let hooks = if inner.kind_name() == "object" {
                object_entries(inner, src)
            } else {
                vec![(key, value)]
            };
            for (_, h) in hooks {
                match unwrap_value(h).kind_name() {
                    "method_definition" => {
                        self.callbacks.insert(h.id(), special);
                    }
                    "arrow_function" | "function_expression" | "function" => {
                        self.pending.push((h, special));
                    }
                    _ => {}
                }
            }
        }
    }

    /// A module-level object typed by an interface of a host the package names among its
    /// `peerDependencies` (`const parser: Parser = { async parse(text, options) { … } }` in a
    /// Prettier plugin, `const rule: Rule.RuleModule = { create(context) { … } }` in an ESLint
    /// one): the host calls its functions back, probably per item (a file, a node, a
    /// document), one object down too; not its `once_methods`.
    fn host_typed_hooks(&mut self, decl: Node<'t>) {
        let src = self.src;
        let (Some(ty), Some(obj)) = (field(decl, "type"), field(decl, "value").map(unwrap_value))
        else {
            return;
        };
        let ty = text(ty, src).trim_start_matches(':').trim();
        let root = ty
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .next()
            .unwrap_or("");
        let hosted = self.imports.get(root).is_some_and(|imp| {
            imp.local.is_none()
                && self
                    .file
                    .project
                    .plugin_hosts
                    .iter()
                    .any(|h| imp.module == *h || imp.module.starts_with(&format!("{h}/")))
        });
        if !hosted {
            return;
        }
        self.host_hooks(obj, Special::Handler(INFERRED, span(decl)));
    }

    /// Unknown registrations by their shape, now that the imports are known: the callbacks
    /// after a registration's key, and those in a dependency constructor's options. A function
    /// a known registration names keeps its framework (`router.delete("/:id", remove)`).
    pub(super) fn infer_registrations(&mut self) {
        for decl in std::mem::take(&mut self.typed_objects) {
            self.host_typed_hooks(decl);
        }
        let known: HashSet<usize> = self.pending.iter().map(|(n, _)| n.id()).collect();
        for (v, label) in std::mem::take(&mut self.observers) {
            if !known.contains(&v.id()) {
                self.pending.push((v, Special::Handler(INFERRED, label)));
            }
        }
        for (call, in_fn) in std::mem::take(&mut self.maybe_registrations) {
            let label = span(call);
            let Some(key) = self.inferred_key(call) else {
                let mut callbacks = self.constructor_callbacks(call, in_fn);
                callbacks.extend(self.event_method_callbacks(call));
                for v in callbacks {
                    if !known.contains(&v.id()) {
                        self.pending.push((v, Special::Handler(INFERRED, label)));
                    }
                }
                continue;
            };
            for a in call_args(call).into_iter().skip(key + 1) {
                if !known.contains(&a.id())
                    && matches!(
                        unwrap_value(a).kind_name(),
                        "identifier" | "member_expression"
                    )
                {
                    self.pending.push((a, Special::Handler(INFERRED, label)));
                }
            }
        }
    }

    /// The callbacks a dependency's constructor takes, in place or in its options object (`new
    /// Provider(issuer, { findAccount, extraTokenClaims: async (ctx, token) => … })`): the
    /// library keeps them and calls them back, probably per event. Not a once-only method's
    /// (`setup`, `init`: the catalogue's `[registration.inferred] once_methods`), nor a
    /// constructor of `not_modules` or of the project's own classes.
    /// The same for a dependency's factory function given an options object at module scope
    /// (`export const auth = betterAuth({ emailAndPassword: { sendResetPassword: async (…) =>
    /// … } })`), through nested option objects (three levels: `databaseHooks.session.create`).
    /// The functions of an observer object handed to a method: the value of an
    /// `[registration.inferred] observer_keys` property (`next`) written in place (`stream
    /// .addListener({ next: (ev) => void onTx(ev), error, complete })`), which runs once per
    /// value the stream emits. Not in a command-line file.
    pub(super) fn observer_callbacks(&self, call: Node<'t>) -> Vec<Node<'t>> {
        let keys = &self.catalog.registration.inferred.observer_keys;
        let method = call.kind_name() == "call_expression"
            && field(call, "function")
                .map(unwrap_value)
                .is_some_and(|c| c.kind_name() == "member_expression");
        if self.cli_file || !method || keys.is_empty() {
            return Vec::new();
        }
        call_args(call)
            .into_iter()
            .flat_map(|a| object_entries(unwrap_value(a), self.src))
            .filter(|(k, v)| {
                (keys.iter().any(|x| x == k) || self.event_key(k))
                    && matches!(
                        unwrap_value(*v).kind_name(),
                        "arrow_function" | "function_expression" | "method_definition"
                    )
            })
            .map(|(_, v)| v)
            .collect()
    }

    /// Is an observer's property named for an event (`onMessage`, `onmessage`, `onData`), not
    /// a once-only one (`onReady`, `onopen`, `onerror`: the catalogue's `once_methods` and
    /// `once_events`)? Horizon's `.stream({ onmessage: (record) => … })` runs it per record.
    /// So is a hook named for what it runs before or after (`Sentry.init({ beforeSend })`,
    /// `ky.create({ hooks: { afterResponse } })`): per event it intercepts.
    fn event_key(&self, key: &str) -> bool {
        let hook = ["before", "after"]
            .iter()
            .find_map(|p| key.strip_prefix(p))
            .filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
        let Some(rest) = hook.or_else(|| key.strip_prefix("on")) else {
            return false;
        };
        let Some(first) = rest.chars().next() else {
            return false;
        };
        let reg = &self.catalog.registration;
        let once = |e: &str| {
            reg.once_events.iter().any(|o| o.eq_ignore_ascii_case(e))
                || crate::lang::inferred::once_method(&reg.inferred, key)
        };
        // `onMessage`, or DOM-style `onmessage` (a word of four letters or more: not `once`,
        // `only`).
        (first.is_ascii_uppercase()
            || (hook.is_none() && rest.len() >= 4 && rest.chars().all(|c| c.is_ascii_lowercase())))
            && !once(rest)
    }

    /// The callbacks handed to a method named for its event, given them alone (an Avro IPC
    /// server's `.onTransfer(function (…) { … })`, an editor's `.onDidChangeContent(cb)`): the
    /// receiver calls them back once per event. Not a once-only event's (`onReady`, `onClose`),
    /// a `not_methods` name, a method of an import of `not_modules`, nor in a command-line file.
    pub(super) fn event_method_callbacks(&self, call: Node<'t>) -> Vec<Node<'t>> {
        let src = self.src;
        let def = &self.catalog.registration.inferred;
        let Some(callee) = event_method_callee(call, src, &def.command_methods) else {
            return Vec::new();
        };
        let method = field(callee, "property").map_or("", |p| text(p, src));
        let command = def.command_methods.iter().any(|m| m == method);
        let not_module = root_of(callee, src).is_some_and(|(root, _)| {
            self.imports.get(root).is_some_and(|imp| {
                def.not_modules
                    .iter()
                    .any(|m| wildcard_match(m, &imp.module))
            })
        });
        if self.cli_file
            || not_module
            || !(command || self.event_key(method))
            || (!command && inferred::denied(def, method))
            || self.catalog.registration.lists_method(method)
        {
            return Vec::new();
        }
        let args = call_args(call);
        let callbacks: Vec<Node<'t>> = args
            .iter()
            .copied()
            .filter(|a| {
                let u = unwrap_value(*a);
                match u.kind_name() {
                    "arrow_function" | "function_expression" => true,
                    "identifier" => self.fn_names.contains(text(u, src)),
                    _ => false,
                }
            })
            .collect();
        if callbacks.len() == args.len() {
            callbacks
        } else {
            Vec::new()
        }
    }

    fn constructor_callbacks(&self, call: Node<'t>, in_fn: bool) -> Vec<Node<'t>> {
        let src = self.src;
        let def = &self.catalog.registration.inferred;
        let is_new = call.kind_name() == "new_expression";
        // (Options may come from a function returning them: Contentlayer's
        // `defineDocumentType(() => ({ computedFields: { views: { resolve } } }))`.)
        let thunk = !is_new && thunk_options_call(call);
        if self.cli_file || !(is_new || thunk || options_call(call)) {
            return Vec::new();
        }
        let callee = field(call, if is_new { "constructor" } else { "function" }).map(unwrap_value);
        // A factory by its own name (`betterAuth`) or a dependency's static one
        // (`BrowserView.defineRPC({ handlers: { requests: { search } } })`, not `config.get`:
        // the root must be an import, below), at module scope.
        if !is_new && in_fn {
            return Vec::new();
        }
        // A dependency's static factory (`BrowserView.defineRPC({ … })`) is given its options
        // first; not a container's or a cache's method (`container.register("db", { useFactory
        // })`: the catalogue's `not_methods`).
        if let Some(c) = callee.filter(|c| !is_new && c.kind_name() == "member_expression") {
            let method = field(c, "property").map(|p| text(p, src)).unwrap_or("");
            let options_first = call_args(call)
                .first()
                .is_some_and(|a| unwrap_value(*a).kind_name() == "object");
            if !options_first || def.not_methods.iter().any(|m| m == method) {
                return Vec::new();
            }
        }
        let dependency = callee
            .and_then(|c| root_of(c, src))
            .and_then(|(root, _)| self.imports.get(root))
            .is_some_and(|imp| {
                imp.local.is_none()
                    && !def
                        .not_modules
                        .iter()
                        .chain(&def.not_base_modules)
                        .any(|m| wildcard_match(m, &imp.module))
            });
        if !dependency {
            return Vec::new();
        }
        // A callback written in place among its arguments (passport's `new LocalStrategy(opts,
        // async (email, password, done) => …)`, run per login).
        let mut out: Vec<Node<'t>> = if is_new {
            call_args(call)
                .into_iter()
                .filter(|a| {
                    matches!(
                        unwrap_value(*a).kind_name(),
                        "arrow_function" | "function_expression"
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut level: Vec<(&str, Node<'t>)> = option_entries(call, src);
        if thunk {
            level.extend(
                call_args(call)
                    .into_iter()
                    .filter_map(thunk_options)
                    .flat_map(|o| object_entries(o, src)),
            );
        }
        for depth in 0..4 {
            let mut next = Vec::new();
            for (k, v) in level {
                if def.once_methods.iter().any(|m| m == k) {
                    continue;
                }
                let u = unwrap_value(v);
                let callback = match u.kind_name() {
                    "arrow_function" | "function_expression" | "method_definition" => true,
                    "identifier" | "shorthand_property_identifier" => {
                        let name = text(u, src);
                        self.fn_names.contains(name)
                            || self.imports.get(name).is_some_and(|i| i.local.is_some())
                    }
                    "object" if depth < 3 && !is_new => {
                        next.extend(object_entries(u, src));
                        false
                    }
                    _ => false,
                };
                if callback {
                    out.push(v);
                }
            }
            level = next;
        }
        out
    }

    pub(super) fn inferred_key(&self, call: Node<'t>) -> Option<usize> {
        if !registration_shaped(call, self.src) {
            return None;
        }
        let src = self.src;
        let reg = &self.catalog.registration;
        let def = &reg.inferred;
        let is_new = call.kind_name() == "new_expression";
        let callee = unwrap_value(field(
            call,
            if is_new { "constructor" } else { "function" },
        )?);
        let mut command = false;
        if !is_new && callee.kind_name() == "identifier" {
            // A global or imported function named for registering (FiveM's `onNet("garage:
            // store", cb)` and `RegisterCommand("impound", cb)`, `addHandler(…)`).
            let name = text(callee, src);
            let words = inferred::name_words(name);
            let verb = words.first().map(String::as_str);
            let registers = words.len() > 1
                && matches!(
                    verb,
                    Some("on" | "register" | "add" | "subscribe" | "listen" | "handle")
                );
            if !registers || inferred::denied(def, name) || reg.lists_method(name) {
                return None;
            }
        } else if !is_new {
            if callee.kind_name() != "member_expression" {
                return None;
            }
            let method = text(field(callee, "property")?, src);
            // A `keyed_methods` name registers when given an event named with namespaces first
            // (Kuzzle's `app.pipe.register("generic:document:afterWrite", cb)`), not a service
            // name (`container.register("db", factory)`).
            let keyed = || {
                def.keyed_methods.iter().any(|m| m == method)
                    && call_args(call)
                        .first()
                        .and_then(|a| string_value(unwrap_value(*a), src))
                        .is_some_and(namespaced_event)
            };
            if (inferred::denied(def, method) || reg.lists_method(method)) && !keyed() {
                return None;
            }
            command = def.command_methods.iter().any(|m| m == method);
        }
        if let Some((root, _)) = root_of(callee, src)
            && self.imports.get(root).is_some_and(|imp| {
                def.not_modules
                    .iter()
                    .any(|m| wildcard_match(m, &imp.module))
            })
        {
            return None;
        }
        if self.cli_file {
            return None;
        }
        let args = call_args(call);
        let (i, key) = args.iter().enumerate().find_map(|(i, a)| {
            let a = unwrap_value(*a);
            // A pattern the event must match (Hubot's `robot.respond(/deploy (\w+)/i, cb)`,
            // `bot.hears(/hello/, cb)`): a name for the events it handles.
            if a.kind_name() == "regex" {
                return Some((i, inferred::Key::Name));
            }
            // A constant naming it (`server.bind(BASE_DN, onBind)`, `queue.process(Jobs.
            // SEND_MAIL, send)`): a name.
            if constant_key(a, src) {
                return Some((i, inferred::Key::Name));
            }
            let v = match a.kind_name() {
                "string" => string_value(a, src)?,
                "template_string" if named_kids(a).is_empty() => text(a, src).trim_matches('`'),
                _ => return None,
            };
            if !command && reg.once_events.iter().any(|e| e == v) {
                return Some((usize::MAX, inferred::Key::Name));
            }
            Some((i, inferred::key_of(v)?))
        })?;
        if i == usize::MAX {
            return None;
        }
        // A callback must follow the key; a constructor given a name or a path
        // (`new Scenes.WizardScene("refund", async (ctx) => …, …)`) only with one written inline.
        let inline_only = is_new && key != inferred::Key::Schedule;
        args[i + 1..]
            .iter()
            .any(|a| match unwrap_value(*a).kind_name() {
                "arrow_function" | "function_expression" => true,
                "identifier" | "member_expression" => !inline_only,
                _ => false,
            })
            .then_some(i)
    }
}

/// The cheap part of [`Pre::inferred_key`], first (most calls fail it): a string argument
/// followed by a function, a name or a member.
/// `x.onSomething(…)` given only functions: the callee, a member whose method is `on` and a
/// capitalised word (`onTransfer`, `onDidChangeContent`); or a command's action chained on the
/// command it runs for (Vorpal's `vorpal.command("order <id>", "…").action(async function
/// (args) { … })`: a `command_methods` name given functions only, on a call of one given a
/// string first).
pub(super) fn event_method_callee<'t>(
    call: Node<'t>,
    src: &str,
    command_methods: &[String],
) -> Option<Node<'t>> {
    if call.kind_name() != "call_expression" {
        return None;
    }
    let callee = unwrap_value(field(call, "function")?);
    let method = text(field(callee, "property")?, src);
    let args = call_args(call);
    let command = |m: &str| command_methods.iter().any(|c| c == m);
    // (Through the chain's other links: `.command("reindex <sku>").option("-d").action(…)`.)
    let action_of_command = command(method) && {
        let mut link = field(callee, "object").map(unwrap_value);
        let mut found = false;
        for _ in 0..8 {
            let Some(o) = link.filter(|o| o.kind_name() == "call_expression") else {
                break;
            };
            let f = field(o, "function").map(unwrap_value);
            if f.and_then(|f| field(f, "property"))
                .is_some_and(|p| command(text(p, src)))
            {
                found = call_args(o).first().is_some_and(|a| {
                    matches!(unwrap_value(*a).kind_name(), "string" | "template_string")
                });
                break;
            }
            link = f.and_then(|f| field(f, "object")).map(unwrap_value);
        }
        found
    };
    (callee.kind_name() == "member_expression"
        && (action_of_command
            || method
                .strip_prefix("on")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase())))
        && !args.is_empty()
        && args.iter().all(|a| {
            matches!(
                unwrap_value(*a).kind_name(),
                "arrow_function" | "function_expression" | "identifier"
            )
        }))
    .then_some(callee)
}

pub(super) fn registration_shaped(call: Node, src: &str) -> bool {
    let mut keyed = false;
    for a in call_args(call) {
        let a = unwrap_value(a);
        if !keyed && constant_key(a, src) {
            keyed = true;
            continue;
        }
        match a.kind_name() {
            "string" | "template_string" | "regex" => keyed = true,
            "arrow_function" | "function_expression" | "identifier" | "member_expression"
                if keyed =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// A constant by its name (`BASE_DN`, `Topics.ORDER_PLACED`): upper-case words, at least two
/// letters; or a member of an enum-like namespace, both capitalised (`Events.MessageCreate`,
/// `RoomEvent.Timeline`, `ScryptedInterface.MotionSensor`).
pub(super) fn constant_key(a: Node, src: &str) -> bool {
    if enum_member(a, src) {
        return true;
    }
    let name = match a.kind_name() {
        "identifier" => text(a, src),
        "member_expression" => match field(a, "property") {
            Some(p) => text(p, src),
            None => return false,
        },
        _ => return false,
    };
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().filter(char::is_ascii_uppercase).count() >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// `Events.MessageCreate`: a capitalised member (with a lower-case letter: `Topics.ORDER_PLACED`
/// is [`constant_key`]'s) of a capitalised name.
fn enum_member(a: Node, src: &str) -> bool {
    if a.kind_name() != "member_expression" {
        return false;
    }
    let (Some(o), Some(p)) = (field(a, "object"), field(a, "property")) else {
        return false;
    };
    let pascal = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars().any(|c| c.is_ascii_lowercase())
            && s.chars().all(|c| c.is_ascii_alphanumeric())
    };
    o.kind_name() == "identifier" && pascal(text(o, src)) && pascal(text(p, src))
}

/// `document:afterDelete`, `generic:document:afterWrite`: an event named by two or more words
/// joined with `:`.
fn namespaced_event(v: &str) -> bool {
    let parts: Vec<&str> = v.split(':').collect();
    let colons = parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        });
    // ... or a remote method's dotted name (rpc-websockets' `server.register("orders.create",
    // cb)`): identifiers, the last no file's extension (`"config.json"`).
    let parts: Vec<&str> = v.split('.').collect();
    let dots = parts.len() >= 2
        && parts.iter().all(|p| {
            p.starts_with(|c: char| c.is_ascii_alphabetic())
                && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        && parts.last().is_some_and(|l| !FILE_EXTENSIONS.contains(l));
    colons || dots
}

/// Extensions of files a dotted key may name.
const FILE_EXTENSIONS: &[&str] = &[
    "js", "mjs", "cjs", "ts", "mts", "cts", "tsx", "jsx", "json", "css", "scss", "less", "html",
    "htm", "md", "yml", "yaml", "toml", "txt", "svg", "png", "jpg", "jpeg", "gif", "env", "sql",
    "hbs", "ejs", "pug", "vue", "svelte", "xml", "csv", "wasm", "map", "lock", "ini", "conf",
];

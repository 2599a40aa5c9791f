//! The pre-pass over a file: imports, module-level names, function and class references,
//! `Depends(...)` arguments, and what kind of file this is (test, migration, settings, script).

use super::*;
use crate::catalog::InferredDef;
use crate::lang::inferred::INFERRED;

// ---------------------------------------------------------------------------------------------
// Pre-pass
// ---------------------------------------------------------------------------------------------

/// What a local name was imported as.
#[derive(Debug, Clone)]
pub(super) struct Import {
    /// The dotted path of the bound object (`sqlalchemy`, `sqlalchemy.ext.asyncio.create_async_engine`,
    /// `views` for `from . import views`).
    pub(super) path: String,
    /// Leading dots of a relative import.
    pub(super) level: usize,
    /// Bound by `from m import name`: a member of a module, or a submodule.
    pub(super) member: bool,
}

/// A function referenced as a handler: `(expression, framework)`.
pub(super) type RefCandidate<'t> = (Node<'t>, &'static str);

#[derive(Default)]
pub(super) struct Pre<'t> {
    /// The catalogue's `[registration]`: methods and keyword arguments that hand a callback to
    /// something calling it once per event, and the once-only events.
    pub(super) reg_methods: HashSet<String>,
    pub(super) reg_keys: HashSet<String>,
    /// The catalogue's `[registration] functions`, as dotted paths (`hyperdiv.run`): a call of
    /// one, through the file's imports, hands its first function argument to what runs it per
    /// event.
    pub(super) reg_functions: HashSet<String>,
    /// The catalogue's `[registration] not_receivers`.
    pub(super) reg_not_receivers: Vec<String>,
    pub(super) reg_once: HashSet<String>,
    /// The catalogue's `[registration] instance_functions` (`add_*_to_server`).
    pub(super) reg_instance: Vec<String>,
    /// The catalogue's `[registration] call_signatures`: a `__call__` taking one of these
    /// parameter lists runs per request.
    pub(super) call_signatures: Vec<Vec<String>>,
    /// Classes whose instance is handed to one of them: their public methods run per request.
    pub(super) registered_classes: HashSet<String>,
    /// The catalogue's `[[registration.decorators]]`: frameworks' registering decorators.
    pub(super) reg_decorators: Vec<FrameworkDecoratorsDef>,
    /// Classes holding a method one of them registers, for a framework that builds an instance
    /// per call (`per_call_instance`: nameko services): their `__init__` runs per call.
    pub(super) per_call_classes: HashSet<String>,
    /// Names of the module-level classes.
    pub(super) classes: HashSet<String>,
    /// Module-level classes and the expressions of their bases (`class GuildBot(commands.Bot)`).
    pub(super) class_bases: HashMap<String, Vec<Node<'t>>>,
    /// A script that a framework re-runs on every interaction (the catalogue's `[rerun]`:
    /// Streamlit): it imports one of those modules and calls it at module scope (`st.title(…)`).
    pub(super) rerun_script: bool,
    /// That framework's cache decorators (`cache_resource`).
    pub(super) rerun_cache: HashSet<String>,
    pub(super) imports: HashMap<String, Import>,
    /// `from m import *` (absolute only).
    pub(super) wildcard: Vec<String>,
    /// Names bound at module level (assignments, defs, classes), excluding imports.
    pub(super) module_names: HashSet<String>,
    /// Names of non-method functions defined anywhere in the file.
    pub(super) local_fns: HashSet<String>,
    /// Functions called (or referenced) from `if __name__ == "__main__":`.
    pub(super) main_called: HashSet<String>,
    /// Functions and classes handed to a command-line framework (`fire.Fire(GraphOps)`): they
    /// (and a class's methods) run once per invocation.
    pub(super) cli_entries: HashSet<String>,
    /// Functions passed as `lifespan=`.
    pub(super) lifespan_fns: HashSet<String>,
    /// Same-file functions referenced as handlers, with their framework.
    pub(super) handler_names: HashMap<String, &'static str>,
    pub(super) handler_refs: Vec<HandlerRef>,
    /// `X = Annotated[T, Depends(f)]` at module level: alias → the `f` expressions.
    pub(super) dep_aliases: HashMap<String, Vec<Node<'t>>>,
    pub(super) module_insert: u32,
    /// Top-level packages of the catalogue's modules (`sqlalchemy`, `redis`, `mysql`).
    pub(super) cat_tops: HashSet<String>,
    pub(super) imports_fastapi: bool,
    pub(super) imports_flask: bool,
    pub(super) imports_aiohttp: bool,
    /// The file imports click or typer (`@x.command` is a CLI entry point).
    pub(super) imports_cli: bool,
    /// Module-level code reads the command line (`sys.argv`, `parser.parse_args()`): a script.
    pub(super) module_reads_argv: bool,
    /// Loading the module runs nothing: no main guard, no `def main`, no call at module level
    /// (assignments aside).
    pub(super) loads_quietly: bool,
    /// Names of methods defined in the file (for `self.method()` calls).
    pub(super) local_methods: HashSet<String>,
    /// Module-level assignments to a plain name (`POOL_SIZE = 20`, `DATABASE_URL =
    /// os.getenv("DATABASE_URL")`), in source order: the values options and URLs follow.
    pub(super) consts: HashMap<String, Vec<Node<'t>>>,
    /// Project modules this file imports (deduplicated).
    pub(super) project_imports: Vec<ModuleRef>,
    /// The catalogue's `[registration.inferred]`: what the shape of an unknown registration may
    /// not be.
    pub(super) inferred: InferredDef,
    /// Calls no catalogue registration names, read by their shape once the imports are known.
    pub(super) maybe_regs: Vec<Node<'t>>,
    /// [`Pre::cli_file`] once every import is known (after the walk).
    pub(super) cli: bool,
    /// Attribute names the file reads (`self.refresh`, `obj.emit`), from the tree: a method the
    /// file calls is its own helper, not a dependency's callback.
    pub(super) attrs_used: HashSet<String>,
}

impl<'t> Pre<'t> {
    pub(super) fn collect(
        file: &SourceFile,
        catalog: &LangCatalog,
        flat: &Flat<'t>,
        root: Node<'t>,
    ) -> Pre<'t> {
        let src = file.text.as_ref();
        let mut pre = Pre {
            cat_tops: catalog
                .clients
                .iter()
                .flat_map(|c| c.modules.iter())
                .map(|m| m.split('.').next().unwrap_or(m).to_string())
                .collect(),
            reg_methods: catalog.registration.methods.iter().cloned().collect(),
            reg_keys: catalog.registration.keys.iter().cloned().collect(),
            reg_functions: catalog.registration.functions.iter().cloned().collect(),
            reg_not_receivers: catalog.registration.not_receivers.clone(),
            reg_once: catalog.registration.once_events.iter().cloned().collect(),
            reg_instance: catalog.registration.instance_functions.clone(),
            call_signatures: catalog.registration.call_signatures.clone(),
            reg_decorators: catalog.registration.decorators.clone(),
            rerun_cache: catalog.rerun.cache.iter().cloned().collect(),
            inferred: catalog.registration.inferred.clone(),
            loads_quietly: true,
            ..Pre::default()
        };
        let mut refs: Vec<RefCandidate<'t>> = Vec::new();
        let mut main_blocks: Vec<Node<'t>> = Vec::new();
        // The bodies of `def main():`, where only what is called counts (a callback handed to a
        // consumer there runs per event).
        let mut main_bodies: Vec<Node<'t>> = Vec::new();
        let mut arq: Vec<(&str, Node<'t>)> = Vec::new();
        let mut decorators: Vec<Node<'t>> = Vec::new();

        // Module level: names, main guard, aliases, the last import.
        let mut last_import_end: Option<usize> = None;
        for stmt in named_children(root) {
            match stmt.kind_name() {
                "import_statement" | "import_from_statement" | "future_import_statement" => {
                    last_import_end = Some(stmt.end_byte());
                }
                "if_statement" if is_main_guard(stmt, src) => {
                    pre.loads_quietly = false;
                    main_blocks.push(stmt)
                }
                // A script's `def main():` (`asyncio.run(main_async())` in it): its body runs
                // once as well.
                "function_definition" | "decorated_definition" => {
                    let def = if stmt.kind_name() == "decorated_definition" {
                        stmt.field("definition")
                    } else {
                        Some(stmt)
                    };
                    if let Some(body) = def
                        .filter(|d| d.field("name").is_some_and(|n| text(n, src) == "main"))
                        .and_then(|d| d.field("body"))
                    {
                        pre.loads_quietly = false;
                        main_bodies.push(body);
                    }
                }
                // A module that reads its command line as it is imported is a script:
                // `args = parser.parse_args()`, `migrate(sys.argv[1])` at module level (not a settings
                // module's `TESTING = "test" in sys.argv`).
                "expression_statement" => {
                    let t = text(stmt, src);
                    if t.contains("sys.argv[") || t.contains(".parse_args(") {
                        pre.module_reads_argv = true;
                        pre.loads_quietly = false;
                    }
                    if stmt
                        .named_child(0)
                        .is_some_and(|e| matches!(e.kind_name(), "call" | "await"))
                    {
                        pre.loads_quietly = false;
                    }
                }
                _ => {}
            }
            pre.module_statement(stmt, src);
        }
        pre.module_insert = last_import_end.map(|e| line_after(src, e)).unwrap_or(0);

        // The whole tree: imports, function names, handler references, `lifespan=`.
        for (node, kind_id) in flat.kinds(root) {
            match k_of(kind_id) {
                K::Import => pre.record_import(node, src, file),
                K::FunctionDef => {
                    if let Some(n) = node.field("name") {
                        let name = text(n, src).to_string();
                        if is_method(node, flat) {
                            pre.local_methods.insert(name);
                        } else {
                            pre.local_fns.insert(name);
                        }
                    }
                }
                K::Call => pre.scan_call(node, src, file, &mut refs),
                // (Not `super().f(…)`: an override calling what it overrides.)
                K::Attribute => {
                    let on_super = node.field("object").map(|o| text(o, src));
                    if let Some(a) = node.field("attribute")
                        && !on_super.is_some_and(|o| o.starts_with("super("))
                    {
                        pre.attrs_used.insert(text(a, src).to_string());
                    }
                }
                K::Decorator => decorators.push(node),
                K::KeywordArg => {
                    if let (Some(n), Some(v)) = (node.field("name"), node.field("value")) {
                        let key = text(n, src);
                        if key == "lifespan" && v.kind_name() == "identifier" {
                            pre.lifespan_fns.insert(text(v, src).to_string());
                        } else if ARQ_SETTINGS.contains(&key) {
                            arq.push((key, v));
                        }
                    }
                }
                // arq's `class WorkerSettings: functions = [send_email]; on_startup = startup`.
                K::Assignment => {
                    if let (Some(l), Some(v)) = (node.field("left"), node.field("right"))
                        && l.kind_name() == "identifier"
                        && ARQ_SETTINGS.contains(&text(l, src))
                        && in_class_body(node)
                    {
                        arq.push((text(l, src), v));
                    }
                }
                _ => {}
            }
        }

        // A re-run script: a module-level call of a re-running framework (`st.title(…)`; its
        // cache decorators and `st.secrets` alone do not make a script).
        if !catalog.rerun.modules.is_empty() || !catalog.rerun.markers.is_empty() {
            let reruns: Vec<&str> = catalog.rerun.modules.iter().map(String::as_str).collect();
            let markers = &catalog.rerun.markers;
            pre.rerun_script = named_children(root).into_iter().any(|stmt| {
                let expr = match stmt.kind_name() {
                    "expression_statement" => stmt.named_child(0),
                    _ => None,
                };
                let call = expr.map(|e| {
                    if e.kind_name() == "assignment" {
                        e.field("right").unwrap_or(e)
                    } else {
                        e
                    }
                });
                call.filter(|c| c.kind_name() == "call")
                    .and_then(|c| c.field("function"))
                    .and_then(|f| dotted(f, src))
                    .is_some_and(|segs| {
                        // `doc = curdoc()` (`from bokeh.io import curdoc`), or the module's
                        // path written out.
                        let full = (!markers.is_empty())
                            .then(|| pre.qualified(&segs))
                            .flatten()
                            .unwrap_or_default();
                        markers.contains(&full)
                            || (segs.len() >= 2
                                && !pre.rerun_cache.contains(segs[segs.len() - 1])
                                && pre.imported_from(segs[0], &reruns))
                    })
            });
        }

        // Functions named inside the main guard (or `main`) run once, unless named inside a loop that runs
        // until the process stops (`while True:` polling, `for msg in consumer:`): those run per
        // iteration (the walk gives such a loop its own scope).
        let ctor_names: HashSet<&str> = catalog
            .clients
            .iter()
            .flat_map(|c| c.constructors.iter())
            .filter_map(|k| k.call.as_deref())
            .map(|c| c.rsplit('.').next().unwrap_or(c))
            .collect();
        // (Not a `main` a framework runs per event: handed to a registration (Hyperdiv's
        // `hd.run(main)`), or registered by its decorator (`@app.get("/")`, `@bus.on("x")`).)
        let registered_main = refs
            .iter()
            .any(|(n, _)| n.kind_name() == "identifier" && text(*n, src) == "main");
        main_bodies.retain(|body| {
            !registered_main
                && !body
                    .parent()
                    .and_then(|d| d.parent())
                    .filter(|d| d.kind_name() == "decorated_definition")
                    .is_some_and(|d| {
                        named_children(d)
                            .into_iter()
                            .filter(|x| x.kind_name() == "decorator")
                            .any(|x| super::frameworks::registering_decorator(&pre, x, src))
                    })
        });
        let main_blocks = main_blocks
            .into_iter()
            .map(|b| (b, false))
            .chain(main_bodies.into_iter().map(|b| (b, true)));
        for (block, calls_only) in main_blocks {
            let clients = super::loops::client_names(block, flat, src, &ctor_names);
            // (Functions defined in the block run when called, not with it: the calls in
            // `@iterm2.StatusBarRPC async def ci_status(…)` inside `main` are not main's.)
            let mut open: Vec<(usize, usize)> = flat
                .nodes(block)
                .filter_map(|n| {
                    let body = n.field("body")?;
                    let runs_on = match n.kind_name() {
                        "while_statement" => super::loops::serves_until_stopped(body, src),
                        "for_statement" => n
                            .field("right")
                            .is_some_and(|it| super::loops::iterates_client(it, src, &clients)),
                        "function_definition" | "lambda" => true,
                        _ => false,
                    };
                    runs_on.then(|| (body.start_byte(), body.end_byte()))
                })
                .collect();
            // Loop and function bodies nest or are disjoint: the outermost ones, in order, for a
            // binary search.
            let mut outer: Vec<(usize, usize)> = Vec::with_capacity(open.len());
            open.sort_unstable();
            for (a, b) in open {
                if outer.last().is_none_or(|&(_, e)| a >= e) {
                    outer.push((a, b));
                }
            }
            let inside_open = |at: usize| {
                let i = outer.partition_point(|&(a, _)| a <= at);
                i > 0 && at < outer[i - 1].1
            };
            for n in flat.nodes(block) {
                if n.kind_name() == "identifier" {
                    let name = text(n, src);
                    let at = n.start_byte();
                    let called = || super::syntax::called_for_itself(n, src);
                    // (A class too: `PublishSwatches().run()` in a command line's main guard
                    // runs the one method its base calls, once.)
                    if (pre.local_fns.contains(name) || pre.class_bases.contains_key(name))
                        && !inside_open(at)
                        && (!calls_only || called())
                    {
                        pre.main_called.insert(name.to_string());
                    }
                }
            }
        }

        // arq worker settings, once the imports are known: its functions run once per job, its
        // `on_startup` / `on_shutdown` once per worker.
        if !arq.is_empty() && (pre.imports_from_module(&["arq"]) || file.project.has_dep("arq")) {
            for (key, value) in arq {
                if matches!(key, "on_startup" | "on_shutdown") {
                    if value.kind_name() == "identifier" {
                        pre.lifespan_fns.insert(text(value, src).to_string());
                    }
                    continue;
                }
                let items = match value.kind_name() {
                    "list" | "tuple" | "set" => named_children(value),
                    _ => continue,
                };
                for item in items {
                    // `func(download, timeout=60)`, `cron(cleanup, hour=3)`: the first argument.
                    let target = if item.kind_name() == "call" {
                        call_args(item).0.first().copied()
                    } else {
                        Some(item)
                    };
                    if let Some(t) = target {
                        refs.push((t, "arq"));
                    }
                }
            }
        }

        // Classes a framework builds per call (nameko services): a method of the class body
        // carries one of its registering decorators (`@rpc`), now that imports are known.
        // A class carrying such a decorator itself (Pyro5's `@expose` on the class) counts too,
        // unless one of its decorators makes its instance one for the process.
        if pre.reg_decorators.iter().any(|d| d.per_call_instance) {
            for d in decorators {
                let decorated = d.parent();
                let on_class = decorated
                    .and_then(|p| p.field("definition"))
                    .filter(|c| c.kind_name() == "class_definition");
                let class = on_class.or_else(|| {
                    decorated
                        .and_then(|p| p.parent())
                        .and_then(|b| b.parent())
                        .filter(|c| c.kind_name() == "class_definition")
                });
                let Some(class) = class else { continue };
                let Some(def) = decorator_segs(d, src)
                    .and_then(|segs| pre.framework_decorator(&segs, src))
                    .filter(|def| def.per_call_instance)
                else {
                    continue;
                };
                // The class's own decorators (`@behavior(instance_mode="single")`).
                let single = class.parent().is_some_and(|p| {
                    p.kind_name() == "decorated_definition"
                        && named_children(p).into_iter().any(|x| {
                            x.kind_name() == "decorator"
                                && def
                                    .single_instance
                                    .iter()
                                    .any(|m| text(x, src).contains(m.as_str()))
                        })
                });
                if !single && let Some(name) = class.field("name") {
                    pre.per_call_classes.insert(text(name, src).to_string());
                }
            }
        }

        // Unknown registrations by their shape, now that the imports are known.
        pre.cli = pre.imports_cli || pre.cli_file();
        for call in std::mem::take(&mut pre.maybe_regs) {
            pre.inferred_registration(call, src, file, &mut refs);
        }

        // Handler references, now that local functions and imports are known.
        // A function a known registration names keeps its framework: a shape read after it
        // (`app.add_url_rule("/x", view_func=v)` is Flask's) adds nothing.
        let known: HashSet<&str> = refs
            .iter()
            .filter(|(_, fw)| *fw != INFERRED)
            .map(|(e, _)| text(*e, src))
            .collect();
        for (expr, framework) in refs {
            if framework == INFERRED && known.contains(text(expr, src)) {
                continue;
            }
            let Some(segs) = dotted(expr, src) else {
                continue;
            };
            if segs.len() == 1 && pre.local_fns.contains(segs[0]) {
                pre.handler_names.insert(segs[0].to_string(), framework);
                pre.handler_refs.push(HandlerRef {
                    name: segs[0].to_string(),
                    module: None,
                    framework: framework.to_string(),
                    span: span(expr),
                });
            } else if let [obj, m] = segs.as_slice()
                && !pre.imports.contains_key(*obj)
                && pre.local_methods.contains(*m)
            {
                // A bound method of a class of this file (`bot.on_message`, `self.on_tick`).
                pre.handler_refs.push(HandlerRef {
                    name: (*m).to_string(),
                    module: None,
                    framework: framework.to_string(),
                    span: span(expr),
                });
            } else if let Some((name, Some(module))) =
                pre.project_target(&segs, file).or_else(|| {
                    // A bound method of an instance of a project class (`channel.on("message",
                    // handler.on_message)` after `handler = TelemetryChannel(...)`).
                    let [obj, m] = segs.as_slice() else {
                        return None;
                    };
                    if pre.imports.contains_key(*obj) {
                        return None;
                    }
                    let class = instance_class(obj, expr, src).and_then(|c| dotted(c, src))?;
                    pre.project_target(&[class.as_slice(), &[*m]].concat(), file)
                })
            {
                pre.handler_refs.push(HandlerRef {
                    name,
                    module: Some(module),
                    framework: framework.to_string(),
                    span: span(expr),
                });
            }
        }
        pre
    }

    /// Names bound by a module-level statement (recursing into `if`/`try`/`with` blocks).
    pub(super) fn module_statement(&mut self, stmt: Node<'t>, src: &str) {
        match stmt.kind_name() {
            "expression_statement" => {
                for e in named_children(stmt) {
                    if e.kind_name() == "assignment" {
                        let mut names = HashSet::default();
                        let mut plain: Vec<&str> = Vec::new();
                        let mut cur = Some(e);
                        while let Some(a) = cur.filter(|a| a.kind_name() == "assignment") {
                            if let Some(left) = a.field("left") {
                                bind_targets(left, src, &mut names);
                                if left.kind_name() == "identifier" {
                                    plain.push(text(left, src));
                                }
                            }
                            cur = a.field("right");
                        }
                        if let Some(right) = cur {
                            for n in plain {
                                self.consts.entry(n.to_string()).or_default().push(right);
                            }
                            let deps = depends_args(right, src);
                            if !deps.is_empty() {
                                for n in &names {
                                    self.dep_aliases.insert(n.clone(), deps.clone());
                                }
                            }
                        }
                        self.module_names.extend(names);
                    }
                }
            }
            "function_definition" | "class_definition" => {
                if let Some(n) = stmt.field("name") {
                    self.module_names.insert(text(n, src).to_string());
                    if stmt.kind_name() == "class_definition" {
                        self.classes.insert(text(n, src).to_string());
                    }
                    if let Some(sup) = stmt.field("superclasses") {
                        let bases = named_children(sup)
                            .into_iter()
                            .filter(|b| b.kind_name() != "keyword_argument")
                            .collect();
                        self.class_bases.insert(text(n, src).to_string(), bases);
                    }
                }
            }
            "decorated_definition" => {
                if let Some(d) = stmt.field("definition") {
                    self.module_statement(d, src);
                }
            }
            "if_statement" | "try_statement" | "with_statement" | "elif_clause" | "else_clause"
            | "except_clause" | "finally_clause" | "block" => {
                for c in named_children(stmt) {
                    if matches!(
                        c.kind_name(),
                        "block"
                            | "elif_clause"
                            | "else_clause"
                            | "except_clause"
                            | "finally_clause"
                    ) || stmt.kind_name() == "block"
                    {
                        self.module_statement(c, src);
                    }
                }
            }
            _ => {}
        }
    }

    pub(super) fn record_import(&mut self, node: Node, src: &str, file: &SourceFile) {
        let top_level = node.parent().is_some_and(|p| p.kind_name() == "module");
        let add = |pre: &mut Pre, local: String, imp: Import| {
            if imp.level == 0 {
                let top = imp.path.split('.').next().unwrap_or("");
                if top == "fastapi" || top == "starlette" {
                    pre.imports_fastapi = true;
                }
                if top == "flask" || top == "quart" {
                    pre.imports_flask = true;
                }
                if top == "aiohttp" {
                    pre.imports_aiohttp = true;
                }
                if top == "click" || top == "typer" {
                    pre.imports_cli = true;
                }
            }
            if top_level {
                pre.imports.insert(local, imp);
            } else {
                pre.imports.entry(local).or_insert(imp);
            }
        };
        let mut cursor = node.walk();
        match node.kind_name() {
            "import_statement" => {
                let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
                for name in names {
                    match name.kind_name() {
                        "dotted_name" => {
                            let full = compact(text(name, src));
                            self.note_import(&full, 0, file);
                            let first = full.split('.').next().unwrap_or("").to_string();
                            add(
                                self,
                                first.clone(),
                                Import {
                                    path: first,
                                    level: 0,
                                    member: false,
                                },
                            );
                        }
                        "aliased_import" => {
                            if let (Some(n), Some(a)) = (name.field("name"), name.field("alias")) {
                                let full = compact(text(n, src));
                                self.note_import(&full, 0, file);
                                add(
                                    self,
                                    text(a, src).to_string(),
                                    Import {
                                        path: full,
                                        level: 0,
                                        member: false,
                                    },
                                );
                            }
                        }
                        _ => {}
                    }
                }
            }
            "import_from_statement" => {
                let Some(module_node) = node.field("module_name") else {
                    return;
                };
                let (module, level) = match module_node.kind_name() {
                    "relative_import" => {
                        let mut level = 0;
                        let mut module = String::new();
                        for c in named_children(module_node) {
                            match c.kind_name() {
                                "import_prefix" => {
                                    level = text(c, src).chars().filter(|ch| *ch == '.').count()
                                }
                                "dotted_name" => module = compact(text(c, src)),
                                _ => {}
                            }
                        }
                        (module, level)
                    }
                    _ => (compact(text(module_node, src)), 0),
                };
                let join = |name: &str| {
                    if module.is_empty() {
                        name.to_string()
                    } else {
                        format!("{module}.{name}")
                    }
                };
                if !module.is_empty() || level > 0 {
                    self.note_import(&module, level, file);
                }
                let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
                for name in names {
                    // `from app import db`: `db` may be a submodule (importing it runs the package
                    // too). Names spelled like classes or constants are not modules.
                    let imported = match name.kind_name() {
                        "aliased_import" => name.field("name"),
                        _ => Some(name),
                    };
                    if let Some(n) = imported
                        && text(n, src).starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                    {
                        self.note_import(&join(&compact(text(n, src))), level, file);
                    }
                    match name.kind_name() {
                        "dotted_name" => {
                            let n = compact(text(name, src));
                            add(
                                self,
                                n.clone(),
                                Import {
                                    path: join(&n),
                                    level,
                                    member: true,
                                },
                            );
                        }
                        "aliased_import" => {
                            if let (Some(n), Some(a)) = (name.field("name"), name.field("alias")) {
                                add(
                                    self,
                                    text(a, src).to_string(),
                                    Import {
                                        path: join(&compact(text(n, src))),
                                        level,
                                        member: true,
                                    },
                                );
                            }
                        }
                        _ => {}
                    }
                }
                if level == 0
                    && named_children(node)
                        .iter()
                        .any(|c| c.kind_name() == "wildcard_import")
                {
                    if module.starts_with("fastapi") || module.starts_with("starlette") {
                        self.imports_fastapi = true;
                    }
                    if module.starts_with("flask") {
                        self.imports_flask = true;
                    }
                    self.wildcard.push(module);
                }
            }
            _ => {}
        }
    }

    /// Record an import of a project module (`imports` facts): packages and the standard library
    /// are not recorded.
    pub(super) fn note_import(&mut self, module: &str, level: usize, file: &SourceFile) {
        if let Some(m) = project_module(module, level, file, &self.cat_tops)
            && m.candidates.iter().any(|c| !c.is_empty())
            && !self.project_imports.contains(&m)
        {
            self.project_imports.push(m);
        }
    }

    /// Some absolute import of the file comes from one of `prefixes` (`rq`, `rq.decorators`).
    pub(super) fn imports_from_module(&self, prefixes: &[&str]) -> bool {
        self.imports
            .values()
            .any(|imp| imp.level == 0 && in_package(&imp.path, prefixes))
    }

    /// Does the import bound to `local` come from a module starting with one of `prefixes`?
    pub(super) fn imported_from(&self, local: &str, prefixes: &[&str]) -> bool {
        self.imports
            .get(local)
            .is_some_and(|imp| imp.level == 0 && in_package(&imp.path, prefixes))
            || (!self.imports.contains_key(local)
                && self.wildcard.iter().any(|w| in_package(w, prefixes)))
    }

    /// A callback handed to a registration (the catalogue's `[registration]`): a registration
    /// method's first function argument, unless for a once-only event, or a registration
    /// keyword's value (`fn=predict`), as a handler reference tagged `event`.
    fn scan_registration(
        &mut self,
        call: Node<'t>,
        func: Node<'t>,
        last_name: Option<Node<'t>>,
        src: &str,
        refs: &mut Vec<RefCandidate<'t>>,
    ) {
        let method = (func.kind_name() == "attribute"
            && last_name.is_some_and(|n| self.reg_method(text(n, src))))
            || (!self.reg_functions.is_empty() && self.reg_function(func, src));
        let method = method
            && !func.field("object").is_some_and(|o| {
                let recv = text(o, src).to_ascii_lowercase();
                // A once-only signal (`worker_process_init.connect(init_worker)`).
                let signal = recv.rsplit('.').next().unwrap_or(&recv);
                self.reg_once.contains(signal)
                    || self
                        .reg_not_receivers
                        .iter()
                        .any(|w| recv.contains(w.as_str()))
            });
        let Some(args) = call.field("arguments") else {
            return;
        };
        if !method && self.maybe_registration(func, last_name, args, src) {
            self.maybe_regs.push(call);
        }
        // Without allocating: most calls are neither registrations nor take a callback keyword.
        let mut cursor = args.walk();
        let mut first_positional = true;
        // The callback is found (the first function named), or the event is a once-only one.
        let mut done = false;
        for a in args.named_children(&mut cursor) {
            match a.kind_name() {
                "keyword_argument" => {
                    // A registration method's callback may come by any keyword
                    // (`nc.subscribe("orders", cb=handle)`); a registration keyword counts
                    // anywhere (`gr.Interface(fn=predict)`), but not in a command-line file
                    // (argparse's `set_defaults(func=backfill)` runs once).
                    if let (Some(k), Some(v)) = (a.field("name"), a.field("value"))
                        && matches!(v.kind_name(), "identifier" | "attribute")
                        && (method || self.reg_keys.contains(text(k, src)))
                        && !self.cli_file()
                    {
                        refs.push((v, "event"));
                    }
                }
                "string" if method && first_positional => {
                    done = self.names_once_event(a, src);
                    first_positional = false;
                }
                "identifier" if method && !done => {
                    refs.push((a, "event"));
                    done = true;
                    first_positional = false;
                }
                // A function of another module or a bound method (`scheduler.add_job(jobs.export,
                // "cron")`, `client.add_event_callback(bot.on_message, RoomMessageText)`). Not the
                // end of the search: an attribute may be a value (`bus.subscribe(topics.ORDERS,
                // handle)`), and one naming no function of the project resolves to nothing.
                "attribute" if method && !done => {
                    refs.push((a, "event"));
                    first_positional = false;
                }
                // A lambda that only calls a function (`sensor.listen(lambda event:
                // incidents.on_collision(run_id, event))`): that function is the callback.
                "lambda" if method && !done => {
                    if let Some(f) = a
                        .field("body")
                        .filter(|b| b.kind_name() == "call")
                        .and_then(|b| b.field("function"))
                        .filter(|f| matches!(f.kind_name(), "identifier" | "attribute"))
                    {
                        refs.push((f, "event"));
                        done = true;
                    }
                    first_positional = false;
                }
                // A handler object built in the registration: python-telegram-bot's
                // `app.add_handler(CommandHandler("start", start))`, `MessageHandler(filters.TEXT,
                // echo)`: its first function argument is the callback (the string is a command,
                // not an event).
                "call" if method && !done => {
                    if let Some(inner) = a.field("arguments") {
                        let mut c = inner.walk();
                        if let Some(f) = inner
                            .named_children(&mut c)
                            .find(|x| x.kind_name() == "identifier")
                        {
                            refs.push((f, "event"));
                            done = true;
                        }
                    }
                    first_positional = false;
                }
                _ => first_positional = false,
            }
        }
    }

    /// Handler references and `lifespan=` in one call.
    pub(super) fn scan_call(
        &mut self,
        call: Node<'t>,
        src: &str,
        file: &SourceFile,
        refs: &mut Vec<RefCandidate<'t>>,
    ) {
        let Some(func) = call.field("function") else {
            return;
        };
        // Most calls are not route registrations: decide on the callee's last name first.
        let last_name = match func.kind_name() {
            "identifier" => Some(func),
            "attribute" => func.field("attribute"),
            _ => None,
        };
        // aiohttp's `app.cleanup_ctx.append(ctx)` / `app.on_startup.append(init)`: run once.
        if last_name.is_some_and(|n| text(n, src) == "append")
            && let Some(list) = func.field("object").and_then(|o| o.field("attribute"))
            && matches!(
                text(list, src),
                "cleanup_ctx" | "on_startup" | "on_shutdown" | "on_cleanup"
            )
            && let Some(arg) = call
                .field("arguments")
                .and_then(|a| a.named_child(0))
                .filter(|a| a.kind_name() == "identifier")
        {
            self.lifespan_fns.insert(text(arg, src).to_string());
            return;
        }
        // An instance handed to a registration (`add_GreeterServicer_to_server(Greeter(),
        // server)`): its class's public methods run per request.
        if let Some(n) = last_name
            && crate::catalog::matches_pattern(&self.reg_instance, text(n, src))
            && let Some(arg) = call.field("arguments").and_then(|a| a.named_child(0))
        {
            let class = match arg.kind_name() {
                "call" => arg.field("function"),
                _ => Some(arg),
            };
            if let Some(segs) = class.and_then(|c| dotted(c, src))
                && let Some(last) = segs.last()
            {
                self.registered_classes.insert((*last).to_string());
            }
        }
        // A function or class handed to a command-line framework (`fire.Fire(GraphOps)`,
        // `typer.run(main)`, `clize.run(export)`): one command per invocation.
        if let Some(root) = root_ident(func, src)
            && self.imports.get(root).is_some_and(|imp| {
                imp.level == 0
                    && self
                        .inferred
                        .cli_modules
                        .iter()
                        .any(|m| in_package(&imp.path, &[m.as_str()]))
            })
            && let Some(args) = call.field("arguments")
        {
            for a in named_children(args) {
                let a = if a.kind_name() == "keyword_argument" {
                    a.field("value").unwrap_or(a)
                } else {
                    a
                };
                // Several commands at once: `fire.Fire({"export": export})`,
                // `tyro.extras.subcommand_cli_from_dict({...})`, `defopt.run([load, dump])`.
                let items = match a.kind_name() {
                    "dictionary" => named_children(a)
                        .into_iter()
                        .filter_map(|p| p.field("value"))
                        .collect(),
                    "list" | "tuple" | "set" => named_children(a),
                    _ => vec![a],
                };
                for a in items.into_iter().filter(|a| a.kind_name() == "identifier") {
                    self.cli_entries.insert(text(a, src).to_string());
                }
            }
        }
        // A callback handed to a registration (`scheduler.add_job(sweep, "interval")`,
        // `btn.click(lookup)`, `gr.Interface(fn=predict)`): it runs once per event.
        self.scan_registration(call, func, last_name, src, refs);
        if !last_name.is_some_and(|n| ROUTE_REGISTRARS.contains(&text(n, src))) {
            return;
        }
        let Some(segs) = dotted(func, src) else {
            return;
        };
        let Some(&last) = segs.last() else { return };
        let (positional, keywords) = call_args(call);
        let mut push = |expr: Option<Node<'t>>, framework: &'static str| {
            if let Some(e) = expr.filter(|e| matches!(e.kind_name(), "identifier" | "attribute")) {
                refs.push((e, framework));
            }
        };
        let first_is_string = positional
            .first()
            .is_some_and(|a| a.kind_name() == "string" || a.kind_name() == "concatenated_string");
        match last {
            "path" | "re_path" | "url" => {
                let django = if segs.len() == 1 {
                    self.imported_from(segs[0], &["django"]) || file.rel.ends_with("urls.py")
                } else {
                    self.imported_from(segs[0], &["django"])
                };
                if django && first_is_string {
                    push(
                        positional
                            .get(1)
                            .copied()
                            .or_else(|| keyword(&keywords, "view", src)),
                        "django",
                    );
                }
            }
            "add_url_rule" => {
                push(
                    keyword(&keywords, "view_func", src).or_else(|| positional.get(2).copied()),
                    "flask",
                );
            }
            // `background_tasks.add_task(f, …)` / `BackgroundTask(f)`: run after each response.
            "add_task" if segs.len() >= 2 => push(positional.first().copied(), "fastapi"),
            // RQ: `queue.enqueue(send_report, user_id)` runs the function in a worker, per job.
            "enqueue" | "enqueue_call" | "enqueue_in" | "enqueue_at"
                if segs.len() >= 2 && self.imports_from_module(&["rq"]) =>
            {
                push(
                    keyword(&keywords, "func", src).or_else(|| {
                        let at = if matches!(last, "enqueue_in" | "enqueue_at") {
                            1
                        } else {
                            0
                        };
                        positional.get(at).copied()
                    }),
                    "rq",
                )
            }
            "BackgroundTask" if self.imported_from(segs[0], &["starlette", "fastapi"]) => {
                push(positional.first().copied(), "fastapi")
            }
            "add_api_route" | "add_api_websocket_route" => {
                push(
                    keyword(&keywords, "endpoint", src).or_else(|| positional.get(1).copied()),
                    "fastapi",
                );
            }
            // Lilya's and Esmerald's `Path("/items/{sku}", handlers.get_item)`: a route path,
            // then the handler (pathlib's `Path` takes no function).
            "Path" | "WebSocketPath" | "Gateway"
                if positional.len() >= 2
                    && positional.first().is_some_and(|a| {
                        super::options::plain_string(*a, src)
                            .is_some_and(|(t, _)| t.starts_with('/'))
                    }) =>
            {
                push(positional.get(1).copied(), "route");
            }
            "Route" | "WebSocketRoute"
                if self.imported_from(segs[0], &["starlette", "fastapi"]) =>
            {
                push(
                    keyword(&keywords, "endpoint", src).or_else(|| positional.get(1).copied()),
                    "starlette",
                );
            }
            "get" | "post" | "put" | "patch" | "delete" | "head" | "options" | "view" | "route"
                if segs.len() == 2 && self.imported_from(segs[0], &["aiohttp"]) =>
            {
                let idx = if last == "route" { 2 } else { 1 };
                push(
                    keyword(&keywords, "handler", src).or_else(|| positional.get(idx).copied()),
                    "aiohttp",
                );
            }
            "add_get" | "add_post" | "add_put" | "add_patch" | "add_delete" | "add_head"
            | "add_view"
                if segs.len() >= 2 =>
            {
                push(
                    keyword(&keywords, "handler", src).or_else(|| positional.get(1).copied()),
                    "aiohttp",
                );
            }
            "add_route" if segs.len() >= 2 => {
                if positional.len() >= 3 {
                    push(positional.get(2).copied(), "aiohttp");
                } else if self.imports_aiohttp {
                    push(keyword(&keywords, "handler", src), "aiohttp");
                } else {
                    push(
                        positional
                            .get(1)
                            .copied()
                            .or_else(|| keyword(&keywords, "endpoint", src)),
                        "starlette",
                    );
                }
            }
            _ => {}
        }
    }

    /// A call target that may be a project function: `(name, module)`; module `None` for a
    /// function of this file. `None` when it names a package, the standard library or nothing known.
    /// A name imported from a module of this project (`from app.config import DATABASE_URL`):
    /// its name there and the module.
    pub(super) fn imported_project_name(
        &self,
        local: &str,
        file: &SourceFile,
    ) -> Option<(String, ModuleRef)> {
        let imp = self.imports.get(local).filter(|i| i.member)?;
        let (module, name) = match imp.path.rsplit_once('.') {
            Some((m, n)) => (m, n),
            None => ("", imp.path.as_str()),
        };
        if module.is_empty() && imp.level == 0 {
            return None;
        }
        Some((
            name.to_string(),
            project_module(module, imp.level, file, &self.cat_tops)?,
        ))
    }

    pub(super) fn project_target(
        &self,
        segs: &[&str],
        file: &SourceFile,
    ) -> Option<(String, Option<ModuleRef>)> {
        let first = *segs.first()?;
        if segs.len() == 1 && self.local_fns.contains(first) {
            return Some((first.to_string(), None));
        }
        let imp = self.imports.get(first)?;
        // `Class.method()`, `obj.attr.method()` on an imported object: not a module function.
        // `Class()` alone is: it runs the class's `__init__`, which goes by the class's name.
        let upper = |s: &&str| class_like(s);
        let mut full: Vec<&str> = imp.path.split('.').filter(|s| !s.is_empty()).collect();
        full.extend_from_slice(&segs[1..]);
        // `Builder.build()` on a class imported from the project (`from app.clients import
        // Builder`, `from app import clients; clients.Builder.build()`): the class's static or
        // class method, found by the class's module and the callee's owner.
        if segs.len() > 1 && full.len() >= 3 {
            let (name, rest) = full.split_last()?;
            let (class, module) = rest.split_last()?;
            let lower_path = segs[..segs.len() - 1]
                .iter()
                .rev()
                .skip(1)
                .all(|s| !upper(s));
            if upper(class) && !upper(name) && lower_path && !module.is_empty() {
                let m = project_module(&module.join("."), imp.level, file, &self.cat_tops)?;
                return Some((name.to_string(), Some(m)));
            }
        }
        if (segs.len() > 1 && segs.iter().any(upper)) || (imp.member && segs.len() > 2) {
            return None;
        }
        let (name, module) = full.split_last()?;
        if module.is_empty() && imp.level == 0 {
            return None;
        }
        let module = module.join(".");
        let m = project_module(&module, imp.level, file, &self.cat_tops)?;
        Some((name.to_string(), Some(m)))
    }
}

/// A module of this project (`None` for packages and the standard library).
pub(super) fn project_module(
    module: &str,
    level: usize,
    file: &SourceFile,
    cat_tops: &HashSet<String>,
) -> Option<ModuleRef> {
    if level == 0 {
        let top = module.split('.').next().unwrap_or(module);
        if top.is_empty()
            || THIRD_PARTY.contains(&top)
            || STDLIB_EXTRA.contains(&top)
            || cat_tops.contains(top)
        {
            return None;
        }
    }
    py_module(&file.rel, module, level, |pkg| {
        file.project.has_dep_family(pkg)
    })
}

/// `Depends(f)` / `Security(f)` calls anywhere under `node`: the `f` expressions.
pub(super) fn depends_args<'t>(node: Node<'t>, src: &str) -> Vec<Node<'t>> {
    depends_calls(node, src)
        .into_iter()
        .map(|(_, f)| f)
        .collect()
}

/// Is this `def` a method (directly in a class body)?
pub(super) fn is_method<'t>(def: Node<'t>, flat: &Flat<'t>) -> bool {
    let mut p = flat.parent(def);
    if p.is_some_and(|n| n.kind_name() == "decorated_definition") {
        p = p.and_then(|n| flat.parent(n));
    }
    p.filter(|n| n.kind_name() == "block")
        .and_then(|b| flat.parent(b))
        .is_some_and(|c| c.kind_name() == "class_definition")
}

/// `path` is one of `prefixes` or a module under one (`rq.decorators` under `rq`).
pub(super) fn in_package(path: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    })
}

/// The dotted name a decorator calls or names (`["bot", "command"]` for `@bot.command()`).
pub(super) fn decorator_segs<'s>(decorator: Node, src: &'s str) -> Option<Vec<&'s str>> {
    let expr = decorator.named_child(0)?;
    let callee = if expr.kind_name() == "call" {
        expr.field("function")?
    } else {
        expr
    };
    dotted(callee, src)
}

/// Is this statement directly in a class body (`class WorkerSettings: functions = [...]`)?
fn in_class_body(node: Node) -> bool {
    let stmt = node
        .parent()
        .filter(|p| p.kind_name() == "expression_statement");
    stmt.and_then(|s| s.parent())
        .filter(|b| b.kind_name() == "block")
        .and_then(|b| b.parent())
        .is_some_and(|c| c.kind_name() == "class_definition")
}

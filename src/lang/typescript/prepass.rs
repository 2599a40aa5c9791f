//! The pre-pass over a file: imports, exports, module declarations, route registrations and
//! handler references, before the scope walk.

use super::*;

// ------------------------------------------------------------------------------------------
// File context

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    App,
    Test,
    Startup,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct FileInfo {
    pub(super) role: Role,
    /// `app/**/route.*`
    pub(super) route: bool,
    /// `app/**/{page,layout,…}.*`
    pub(super) page: bool,
    /// `middleware.*` / `proxy.*` at the root or in `src/` of a Next.js project
    pub(super) middleware: bool,
    /// `pages/api/**`
    pub(super) pages_api: bool,
    /// `pages/**`
    pub(super) pages_dir: bool,
    /// Components are possible (TSX / JS grammar).
    pub(super) jsx: bool,
    /// The project uses React (hooks may live in `.ts` files).
    pub(super) react: bool,
    /// Framework tag for router callbacks.
    pub(super) router: &'static str,
    /// A SvelteKit file whose exports the framework calls per request.
    pub(super) sveltekit: Option<SvelteFile>,
    /// A Remix / React Router framework-mode module under `app/` (`loader`, `action`).
    pub(super) remix: bool,
    /// An Astro endpoint (`src/pages/**`) or `src/middleware.ts`.
    pub(super) astro: bool,
    /// An AWS Lambda project (`@types/aws-lambda`, `serverless`, `@middy/core` …): an exported
    /// `handler` runs per invocation.
    pub(super) lambda: bool,
    /// A build tool's configuration file (`contentlayer.config.ts`, `vite.config.ts`): run once
    /// per build, but the callbacks it registers (a resolver per document, a plugin's hook per
    /// module) run per item.
    pub(super) config: bool,
}

/// SvelteKit's server files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SvelteFile {
    /// `+server.ts`: `GET`, `POST`, … and `fallback`.
    Endpoint,
    /// `+page.server.ts` / `+layout.server.ts`: `load` and `actions`.
    Load,
    /// `hooks.server.ts`: `handle`, `handleFetch`.
    Hooks,
}

/// Application code by path: not a test, a script, a seed or a config file.
pub(super) fn app_by_path(file: &SourceFile) -> bool {
    FileInfo::new(file, false).role == Role::App
}

impl FileInfo {
    /// `app_folder`: a dependency loads the file's folder as application code (the catalogue's
    /// `app_folders`: Hubot's `scripts/`), whatever its name says.
    pub(super) fn new(file: &SourceFile, app_folder: bool) -> Self {
        let rel = file.rel.trim_start_matches("./");
        let segs: Vec<&str> = rel.split('/').collect();
        let name = segs.last().copied().unwrap_or("");
        let dirs = &segs[..segs.len().saturating_sub(1)];
        let stem = name.split('.').next().unwrap_or(name);
        let app_dir = segs.first() == Some(&"app")
            || (segs.first() == Some(&"src") && segs.get(1) == Some(&"app"));
        let pages_dir = segs.first() == Some(&"pages")
            || (segs.first() == Some(&"src") && segs.get(1) == Some(&"pages"));
        // Inside Next.js routing directories, `test/` or `scripts/` are URL segments.
        let routed = app_dir || pages_dir;
        // A package of its own for end-to-end tests (`playwright/package.json`): paths inside
        // it are relative to it.
        let test_package = file
            .project
            .root
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| matches!(n, "e2e" | "cypress" | "playwright" | "tests"));
        let test = test_package
            || name.contains(".test.")
            || name.contains(".spec.")
            // Benchmarks beside the code (Vitest's `initial-sync.bench.ts`).
            || name.contains(".bench.")
            // Test helpers beside the code (`server.test-utils.ts`).
            || name.contains(".test-")
            || is_test_setup(name)
            || imports_test_runner(&file.text)
            || dirs.iter().any(|d| {
                matches!(*d, "__tests__" | "__mocks__")
                    || TEST_HELPER_DIRS.contains(d)
                    || (!routed
                        && matches!(*d, "test" | "tests" | "e2e" | "cypress" | "playwright"))
            });
        let startup = (!routed
            && !app_folder
            && dirs
                .iter()
                .any(|d| matches!(*d, "scripts" | "bin" | "migrations" | "seeds" | "seeders")))
            // Seed scripts (`seed.ts`, `test-cards-seed.ts`, `seed-users.ts`) and what sits
            // beside Prisma's schema (`prisma/seed.ts`): run by hand, never by the app.
            || stem == "seed"
            || ["-seed", "_seed", ".seed"].iter().any(|s| stem.ends_with(s))
            || ["seed-", "seed_"].iter().any(|s| stem.starts_with(s))
            || (!routed && dirs.first() == Some(&"prisma") && !file.imported_by_app)
            || name.contains(".config.")
            || stem == "instrumentation"
            // A file a `package.json` script runs as a one-off job (`"migration:run": "tsx
            // migration.ts"`), unless the app imports it.
            || (!file.imported_by_app && file.project.script_files.iter().any(|f| f == rel));
        let role = if test {
            Role::Test
        } else if startup {
            Role::Startup
        } else {
            Role::App
        };
        let pages_api = pages_dir
            && (segs.get(1) == Some(&"api") || segs.get(2) == Some(&"api") && segs[0] == "src");
        let p = &file.project;
        let root_file = dirs.is_empty() || dirs == ["src"];
        let router = if p.has_dep("express") {
            "express"
        } else if p.has_dep("fastify") {
            "fastify"
        } else if p.has_dep("hono") {
            "hono"
        } else if p.has_dep("koa") || p.has_dep("@koa/router") || p.has_dep("koa-router") {
            "koa"
        } else if p.has_dep("@hapi/hapi") {
            "hapi"
        } else {
            "express"
        };
        let sveltekit = if !p.has_dep("@sveltejs/kit") {
            None
        } else if stem == "+server" {
            Some(SvelteFile::Endpoint)
        } else if name.starts_with("+page.server.") || name.starts_with("+layout.server.") {
            Some(SvelteFile::Load)
        } else if name.starts_with("hooks.server.") {
            Some(SvelteFile::Hooks)
        } else {
            None
        };
        let remix = (segs.first() == Some(&"app") || (app_dir && segs.first() == Some(&"src")))
            && REMIX_DEPS.iter().any(|d| p.has_dep(d));
        // Astro endpoints (`src/pages/**/*.ts` exporting `GET`, `POST`, … or `ALL`) and its
        // middleware (`src/middleware.ts` exporting `onRequest`) run per request.
        let astro = p.has_dep("astro")
            && ((pages_dir && segs.first() == Some(&"src"))
                || (dirs == ["src"] && stem == "middleware"));
        FileInfo {
            sveltekit,
            remix,
            astro,
            // (Or a Nuclio function: its spec names the exported `handler`.)
            lambda: LAMBDA_DEPS.iter().any(|d| p.has_dep(d)) || p.function_spec,
            config: role == Role::Startup && name.contains(".config."),
            role,
            route: app_dir && stem == "route",
            page: app_dir && PAGE_FILES.contains(&stem),
            middleware: p.nextjs && root_file && matches!(stem, "middleware" | "proxy"),
            pages_api,
            pages_dir,
            jsx: !matches!(file.lang, Lang::Ts),
            react: ["react", "preact", "react-native", "next"]
                .iter()
                .any(|d| p.has_dep(d)),
            router,
        }
    }
}

// ------------------------------------------------------------------------------------------
// Pre-pass

#[derive(Debug, Clone)]
pub(super) struct Import {
    pub(super) module: String,
    /// `default`, `*`, or the export name, followed by member names.
    pub(super) path: String,
    /// The project-local module, if the specifier names one.
    pub(super) local: Option<ModuleRef>,
}

/// A function that something other than its position makes special.
#[derive(Debug, Clone, Copy)]
pub(super) enum Special {
    /// Called per request by a framework; the span labels an anonymous callback.
    Handler(&'static str, Span),
    /// Run once (Fastify plugin, `listen` callback).
    Startup,
}

pub(super) struct Pre<'a, 't> {
    pub(super) file: &'a SourceFile,
    /// The file's nodes in document order, for the walks.
    pub(super) flat: &'a Flat<'t>,
    pub(super) catalog: &'a LangCatalog,
    pub(super) src: &'a str,
    pub(super) info: FileInfo,
    pub(super) imports: HashMap<String, Import>,
    pub(super) module_vars: HashSet<String>,
    /// Roots of assignment targets anywhere (`cached = …`, `cache.conn = …`, `n++`).
    pub(super) assigned: HashSet<String>,
    /// Names a `.set(…)` / `.add(…)` writes to (`infoCache.set(id, info)`): maps and sets that
    /// may cache what a function computes.
    pub(super) cache_written: HashSet<String>,
    /// Classes declared at module scope: their static fields are module-level state
    /// (`static #client` filled once by a getter is a cache).
    pub(super) module_classes: HashSet<String>,
    /// Whole assignment targets, canonical (`globalForPrisma.prisma`, see [`target_key`]).
    pub(super) assigned_paths: HashSet<String>,
    pub(super) global_aliases: HashSet<String>,
    /// Functions callable by a bare name (declarations, `const f = …`).
    pub(super) fn_names: HashSet<String>,
    /// Classes declared in the file (`class Catalog { … }`): `new Catalog()` calls its
    /// constructor.
    pub(super) class_names: HashSet<String>,
    /// Same-file functions named as handlers, by name.
    pub(super) handler_names: HashMap<String, &'static str>,
    pub(super) startup_names: HashSet<String>,
    /// Function nodes made special by where they are passed.
    pub(super) callbacks: HashMap<usize, Special>,
    /// Named functions whose body renders JSX.
    pub(super) jsx_fns: HashSet<usize>,
    pub(super) exported_names: HashSet<String>,
    /// The function named as the module's default export (see
    /// [`crate::facts::FileFacts::default_export`]).
    pub(super) default_fn: Option<String>,
    pub(super) use_server: bool,
    pub(super) use_client: bool,
    /// Functions passed by name to a memoizer (`singleton("redis", initializeRedis)`): their
    /// body runs once.
    pub(super) memo_fns: HashSet<String>,
    pub(super) module_insert: u32,
    pub(super) refs: Vec<HandlerRef>,
    pub(super) pending: Vec<(Node<'t>, Special)>,
    /// Module-level bindings (`const MAX = 20`, `const url = process.env.X`,
    /// `const { DATABASE_URL } = process.env`), for option values and URLs.
    pub(super) consts: HashMap<String, Bound<'t>>,
    /// Project modules imported (ESM, `require`, `import()`, `export … from`), de-duplicated.
    pub(super) local_imports: Vec<ModuleRef>,
    /// Project modules re-exported (`export * from "./db"`).
    pub(super) reexports: Vec<ModuleRef>,
    /// Calls no catalogue registration names, to be read by their shape once the imports are
    /// known (see [`Pre::inferred_key`]).
    /// Calls that may register callbacks, with whether each is inside a function (known from
    /// the walk: asking the tree climbs from the root once per ancestor).
    pub(super) maybe_registrations: Vec<(Node<'t>, bool)>,
    /// Whether the walk is inside a function now.
    pub(super) in_fn: bool,
    /// The per-value callbacks of observer objects handed to methods (see
    /// [`Pre::observer_callbacks`]), with the call's span.
    pub(super) observers: Vec<(Node<'t>, Span)>,
    /// Module-level declarators with a type annotation and an object literal value, read once
    /// the imports are known (see [`Pre::host_typed_hooks`]).
    pub(super) typed_objects: Vec<Node<'t>>,
    /// The file imports a command-line framework (`[registration.inferred] cli_modules`): no
    /// shape is read as a registration in it. Known once the walk is over.
    pub(super) cli_file: bool,
    /// Receivers' classes: typed fields and locals bound to a construction.
    pub(super) receivers: super::calls::ReceiverTypes,
    /// Module-level type aliases of a value's type (`type Db = typeof pool`): alias → value.
    pub(super) type_of: HashMap<String, String>,
    /// Names handed as a call's arguments (`provideFactory("db", createDbPool)`): a function of
    /// the file named so is called by whatever takes it (see `FnFact::value_ref`).
    pub(super) handed: HashSet<String>,
}

impl<'a, 't> Pre<'a, 't> {
    pub(super) fn new(
        file: &'a SourceFile,
        flat: &'a Flat<'t>,
        catalog: &'a LangCatalog,
        info: FileInfo,
    ) -> Self {
        Pre {
            file,
            flat,
            catalog,
            src: &file.text,
            info,
            imports: HashMap::default(),
            module_vars: HashSet::default(),
            assigned: HashSet::default(),
            cache_written: HashSet::default(),
            assigned_paths: HashSet::default(),
            module_classes: HashSet::default(),
            global_aliases: HashSet::default(),
            fn_names: HashSet::default(),
            class_names: HashSet::default(),
            handler_names: HashMap::default(),
            startup_names: HashSet::default(),
            callbacks: HashMap::default(),
            jsx_fns: HashSet::default(),
            exported_names: HashSet::default(),
            default_fn: None,
            use_server: false,
            use_client: false,
            memo_fns: HashSet::default(),
            module_insert: 0,
            refs: Vec::new(),
            pending: Vec::new(),
            maybe_registrations: Vec::new(),
            in_fn: false,
            observers: Vec::new(),
            typed_objects: Vec::new(),
            cli_file: false,
            receivers: Default::default(),
            type_of: HashMap::default(),
            handed: HashSet::default(),
            consts: HashMap::default(),
            local_imports: Vec::new(),
            reexports: Vec::new(),
        }
    }

    pub(super) fn run(&mut self, root: Node<'t>) {
        self.top_level(root);
        let mut fn_stack: Vec<(usize, bool)> = Vec::new();
        let src = self.src;
        traverse_kinds(self.flat, root, |at, kind, named, entering| {
            let n = at.node;
            if !named {
                return;
            }
            if is_fn_kind(kind) {
                if entering {
                    let name = fn_name(at, src);
                    if let Some(fname) = &name
                        && matches!(
                            fname.kind,
                            NameKind::Decl | NameKind::Var | NameKind::Wrapper
                        )
                    {
                        self.fn_names.insert(fname.name.clone());
                    }
                    fn_stack.push((n.id(), name.is_some()));
                } else {
                    fn_stack.pop();
                }
                self.in_fn = !fn_stack.is_empty();
                return;
            }
            if !entering {
                return;
            }
            if matches!(kind, "class_declaration" | "abstract_class_declaration")
                && let Some(name) = field(n, "name")
            {
                self.class_names.insert(text(name, src).to_string());
            }
            match kind {
                "import_statement" => self.import(n),
                "export_statement" => {
                    if let Some(m) = field(n, "source").and_then(|s| string_value(s, src))
                        && !text(n, src).starts_with("export type ")
                    {
                        self.note_import(m, true);
                    }
                }
                "variable_declarator" => {
                    if !self.in_fn
                        && field(n, "type").is_some()
                        && field(n, "value")
                            .is_some_and(|v| unwrap_value(v).kind_name() == "object")
                    {
                        self.typed_objects.push(n);
                    }
                    self.declarator(n);
                    self.new_binding(n);
                }
                "class_declaration" | "abstract_class_declaration" => {
                    self.class_fields(n);
                    let flat = self.flat;
                    let top = flat.parent(n).is_some_and(|p| {
                        p.kind_name() == "program"
                            || (p.kind_name() == "export_statement"
                                && flat.parent(p).is_some_and(|g| g.kind_name() == "program"))
                    });
                    if top && let Some(name) = field(n, "name") {
                        self.module_classes.insert(text(name, src).to_string());
                    }
                }
                "member_expression" => {
                    if let Some(p) = field(n, "property") {
                        self.receivers.attr_used(text(p, src));
                    }
                }
                "arguments" => {
                    for a in named_kids(n) {
                        if a.kind_name() == "identifier" {
                            self.handed.insert(text(a, src).to_string());
                        }
                    }
                }
                "assignment_expression" | "augmented_assignment_expression" => {
                    if let Some((root, _)) = field(n, "left").and_then(|l| root_of(l, src)) {
                        self.assigned.insert(root.to_string());
                    }
                    if let Some(l) = field(n, "left") {
                        self.assigned_paths.insert(target_key(text(l, src)));
                        self.event_property(n, l);
                    }
                }
                "update_expression" => {
                    if let Some((root, _)) = field(n, "argument").and_then(|l| root_of(l, src)) {
                        self.assigned.insert(root.to_string());
                    }
                }
                "call_expression" => {
                    if let Some(m) = self.required_module(n) {
                        self.note_import(m, false);
                    }
                    if let Some(f) =
                        field(n, "function").filter(|f| f.kind_name() == "member_expression")
                        && field(f, "property")
                            .is_some_and(|p| matches!(text(p, src), "set" | "add"))
                        && let Some(o) =
                            field(f, "object").filter(|o| o.kind_name() == "identifier")
                    {
                        self.cache_written.insert(text(o, src).to_string());
                    }
                    self.registration(n);
                    self.event_registration(n);
                    self.wrapper_call(n);
                    self.memo_call(n);
                }
                "new_expression" => self.event_registration(n),
                "jsx_element" | "jsx_self_closing_element" => {
                    if let Some((id, _)) = fn_stack.iter().rev().find(|(_, named)| *named) {
                        self.jsx_fns.insert(*id);
                    }
                }
                _ => {}
            }
        });
        // Unknown registrations by their shape, now that the imports are known; a function a
        // known registration names keeps its framework (`router.delete("/:id", remove)`).
        let cli = &self.catalog.registration.inferred.cli_modules;
        self.cli_file = self.cli_file
            || self
                .imports
                .values()
                .any(|imp| cli.iter().any(|m| wildcard_match(m, &imp.module)));
        self.infer_registrations();
        for (node, special) in std::mem::take(&mut self.pending) {
            self.handler_arg(node, special, 0);
        }
    }

    /// `singleton("redis", initializeRedis)`, `memoize(getClient)`, `getOrCreate(cache, key,
    /// build)`: names of functions handed to a memoizer.
    pub(super) fn memo_call(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(callee) = field(call, "function").and_then(|c| callee_name(c, src)) else {
            return;
        };
        for (i, a) in call_args(call).into_iter().enumerate() {
            let a = unwrap_value(a);
            if a.kind_name() == "identifier" && is_memo_arg(callee, i) {
                self.memo_fns.insert(text(a, src).to_string());
            }
        }
    }

    pub(super) fn local_module(&self, spec: &str) -> Option<ModuleRef> {
        if self.catalog.knows_module(spec) {
            return None;
        }
        let p = &self.file.project;
        js_module(&self.file.rel, spec, &p.ts_paths, |d| p.has_dep(d))
    }

    /// A module the file imports: recorded when it is a project module.
    /// `reexport`: `export … from spec`, which also stands for the module.
    pub(super) fn note_import(&mut self, spec: &str, reexport: bool) {
        if let Some(m) = self.local_module(spec) {
            if reexport && !self.reexports.contains(&m) {
                self.reexports.push(m.clone());
            }
            if !self.local_imports.contains(&m) {
                self.local_imports.push(m);
            }
        }
    }

    pub(super) fn add_import(&mut self, local: &str, module: &str, path: String) {
        let local_module = self.local_module(module);
        self.imports.insert(
            local.to_string(),
            Import {
                module: module.to_string(),
                path,
                local: local_module,
            },
        );
    }

    pub(super) fn import(&mut self, n: Node<'t>) {
        let src = self.src;
        let Some(module) = field(n, "source").and_then(|s| string_value(s, src)) else {
            return;
        };
        // (`import type { User } from "./entity"` loads nothing: TypeScript erases it.)
        if !type_only_import(n, src) {
            self.note_import(module, false);
        }
        for clause in named_kids(n) {
            match clause.kind_name() {
                "import_clause" => {
                    for c in named_kids(clause) {
                        match c.kind_name() {
                            "identifier" => self.add_import(text(c, src), module, "default".into()),
                            "namespace_import" => {
                                if let Some(id) = first_named(c) {
                                    self.add_import(text(id, src), module, "*".into());
                                }
                            }
                            "named_imports" => {
                                for spec in named_kids(c) {
                                    let Some(name) = field(spec, "name") else {
                                        continue;
                                    };
                                    let name_s = key_name(name, src).unwrap_or("");
                                    let local = field(spec, "alias")
                                        .map(|a| text(a, src))
                                        .unwrap_or(name_s);
                                    self.add_import(local, module, name_s.to_string());
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "import_require_clause" => {
                    if let Some(id) = first_named(clause).filter(|i| i.kind_name() == "identifier")
                    {
                        self.add_import(text(id, src), module, "*".into());
                    }
                }
                _ => {}
            }
        }
    }

    /// `require('m')` / `import('m')` (possibly awaited): the module name.
    pub(super) fn required_module(&self, n: Node) -> Option<&'a str> {
        let n = unwrap_value(n);
        if n.kind_name() != "call_expression" {
            return None;
        }
        let f = field(n, "function")?;
        if !(f.kind_name() == "import"
            || (f.kind_name() == "identifier" && text(f, self.src) == "require"))
        {
            return None;
        }
        string_value(*call_args(n).first()?, self.src)
    }

    pub(super) fn declarator(&mut self, n: Node<'t>) {
        let src = self.src;
        let (Some(name), Some(value)) = (field(n, "name"), field(n, "value")) else {
            return;
        };
        let v = unwrap_value(value);
        // `require('m')`, `await import('m')`, `require('m').X`
        let (module, base) = if let Some(m) = self.required_module(v) {
            (Some(m.to_string()), "*".to_string())
        } else if v.kind_name() == "member_expression"
            && let Some(m) = field(v, "object").and_then(|o| self.required_module(o))
        {
            let prop = field(v, "property").map(|p| text(p, src)).unwrap_or("");
            (Some(m.to_string()), prop.to_string())
        } else if v.kind_name() == "identifier"
            && name.kind_name() == "object_pattern"
            && let Some(imp) = self.imports.get(text(v, src))
        {
            // `import pg from 'pg'; const { Pool } = pg;`
            (Some(imp.module.clone()), imp.path.clone())
        } else {
            (None, String::new())
        };
        if let Some(module) = module {
            match name.kind_name() {
                "identifier" => self.add_import(text(name, src), &module, base),
                "object_pattern" => {
                    for p in named_kids(name) {
                        let (key, local) = match p.kind_name() {
                            "shorthand_property_identifier_pattern" => (text(p, src), text(p, src)),
                            "pair_pattern" => {
                                let key =
                                    field(p, "key").and_then(|k| key_name(k, src)).unwrap_or("");
                                let mut v = field(p, "value");
                                if let Some(a) = v.filter(|a| a.kind_name() == "assignment_pattern")
                                {
                                    v = field(a, "left");
                                }
                                match v.filter(|v| v.kind_name() == "identifier") {
                                    Some(v) => (key, text(v, src)),
                                    None => continue,
                                }
                            }
                            _ => continue,
                        };
                        let path = if base == "*" {
                            key.to_string()
                        } else {
                            format!("{base}.{key}")
                        };
                        self.add_import(local, &module, path);
                    }
                }
                _ => {}
            }
            return;
        }
        if name.kind_name() == "identifier" && v.kind_name() == "identifier" {
            let target = text(v, src);
            if GLOBALS.contains(&target) || self.global_aliases.contains(target) {
                self.global_aliases.insert(text(name, src).to_string());
            }
        }
    }

    pub(super) fn top_level(&mut self, root: Node<'t>) {
        let src = self.src;
        let mut directives = true;
        for st in named_kids(root) {
            if st.kind_name() == "hash_bang_line" {
                continue;
            }
            if directives
                && st.kind_name() == "expression_statement"
                && let Some(d) = first_named(st).and_then(|s| string_value(s, src))
            {
                match d {
                    "use server" => self.use_server = true,
                    "use client" => self.use_client = true,
                    _ => {}
                }
                // New module-level code goes after the directives at least.
                self.module_insert = u32::try_from(st.end_byte()).unwrap_or(0);
                continue;
            }
            directives = false;
            match st.kind_name() {
                "import_statement" => {
                    self.module_insert = u32::try_from(st.end_byte()).unwrap_or(0)
                }
                "lexical_declaration" | "variable_declaration" => {
                    // `const { Pool } = require("pg")` is an import too.
                    let requires = named_kids(st).into_iter().any(|d| {
                        field(d, "value").is_some_and(|v| {
                            let v = unwrap_value(v);
                            self.required_module(v).is_some()
                                || (v.kind_name() == "member_expression"
                                    && field(v, "object")
                                        .is_some_and(|o| self.required_module(o).is_some()))
                        })
                    });
                    if requires {
                        self.module_insert = u32::try_from(st.end_byte()).unwrap_or(0);
                    }
                    self.module_declaration(st, false)
                }
                "export_statement" => {
                    if let Some(d) = field(st, "declaration") {
                        self.type_alias(d);
                    }
                    self.export(st)
                }
                "type_alias_declaration" => self.type_alias(st),
                "expression_statement" => self.top_expression(st),
                "if_statement" => {
                    if let Some(c) = field(st, "consequence") {
                        let stmts = if c.kind_name() == "statement_block" {
                            named_kids(c)
                        } else {
                            vec![c]
                        };
                        for s in stmts
                            .into_iter()
                            .filter(|s| s.kind_name() == "expression_statement")
                        {
                            self.top_call(s);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn module_declaration(&mut self, decl: Node<'t>, exported: bool) {
        let src = self.src;
        for d in named_kids(decl)
            .into_iter()
            .filter(|d| d.kind_name() == "variable_declarator")
        {
            let Some(name) = field(d, "name") else {
                continue;
            };
            let mut names = Vec::new();
            pattern_names(name, src, &mut names);
            if exported {
                self.exported_names.extend(names.iter().cloned());
            }
            if name.kind_name() == "identifier"
                && let Some(value) = field(d, "value")
            {
                let as_name = text(name, src);
                if exported {
                    self.named_export(as_name, value);
                }
            }
            if let Some(value) = field(d, "value") {
                bindings_of(name, value, src, |local, b| {
                    self.consts.insert(local.to_string(), b);
                });
            }
            self.module_vars.extend(names);
        }
    }

    /// `type Db = typeof pool`: the alias names the type of module value `pool`.
    fn type_alias(&mut self, d: Node<'t>) {
        if d.kind_name() != "type_alias_declaration" {
            return;
        }
        let src = self.src;
        let (Some(name), Some(value)) = (field(d, "name"), field(d, "value")) else {
            return;
        };
        if value.kind_name() != "type_query" {
            return;
        }
        if let Some(v) = first_named(value).filter(|v| v.kind_name() == "identifier") {
            self.type_of
                .insert(text(name, src).to_string(), text(v, src).to_string());
        }
    }

    pub(super) fn export(&mut self, st: Node<'t>) {
        let src = self.src;
        if let Some(source) = field(st, "source").and_then(|s| string_value(s, src)) {
            // `export { GET, POST } from './handlers'`
            if !self.info.route {
                return;
            }
            let module = self.local_module(source);
            for clause in named_kids(st)
                .into_iter()
                .filter(|c| c.kind_name() == "export_clause")
            {
                for spec in named_kids(clause) {
                    let Some(name) = field(spec, "name").and_then(|n| key_name(n, src)) else {
                        continue;
                    };
                    let as_name = field(spec, "alias")
                        .and_then(|a| key_name(a, src))
                        .unwrap_or(name);
                    if HTTP_METHODS.contains(&as_name) && module.is_some() {
                        self.refs.push(HandlerRef {
                            name: name.to_string(),
                            module: module.clone(),
                            framework: "next-route".into(),
                            span: span(spec),
                        });
                    }
                }
            }
            return;
        }
        if let Some(decl) = field(st, "declaration") {
            match decl.kind_name() {
                "function_declaration"
                | "generator_function_declaration"
                | "class_declaration"
                | "abstract_class_declaration" => {
                    if let Some(name) = field(decl, "name") {
                        let name = text(name, src);
                        self.exported_names.insert(name.to_string());
                        if decl.kind_name() != "class_declaration" {
                            self.named_export(name, decl);
                        }
                    }
                }
                "lexical_declaration" | "variable_declaration" => {
                    self.module_declaration(decl, true)
                }
                _ => {}
            }
        }
        if let Some(kw) = token(st, "default")
            && let Some(v) = field(st, "value").or_else(|| field(st, "declaration"))
        {
            self.default_export(v, span(kw));
        }
        for clause in named_kids(st)
            .into_iter()
            .filter(|c| c.kind_name() == "export_clause")
        {
            for spec in named_kids(clause) {
                let Some(name) = field(spec, "name") else {
                    continue;
                };
                let local = text(name, src);
                let as_name = field(spec, "alias")
                    .and_then(|a| key_name(a, src))
                    .unwrap_or(local);
                self.exported_names.insert(local.to_string());
                if as_name == "default" {
                    self.default_export(name, span(spec));
                } else {
                    self.named_export(as_name, name);
                }
            }
        }
    }

    /// `export … <as_name> = <value>`: Next.js names that frameworks call per request.
    pub(super) fn named_export(&mut self, as_name: &str, value: Node<'t>) {
        let fw = if self.info.route && HTTP_METHODS.contains(&as_name) {
            "next-route"
        } else if self.info.middleware && as_name == "middleware" {
            "next-middleware"
        } else if self.info.page && as_name == "generateMetadata" {
            "next-page"
        } else if self.info.pages_dir && as_name == "getServerSideProps" {
            "next-ssr"
        } else if let Some(kind) = self.info.sveltekit {
            let per_request = match kind {
                SvelteFile::Endpoint => HTTP_METHODS.contains(&as_name) || as_name == "fallback",
                SvelteFile::Load => as_name == "load",
                SvelteFile::Hooks => matches!(as_name, "handle" | "handleFetch"),
            };
            if kind == SvelteFile::Load && as_name == "actions" {
                // `export const actions = { default: async (e) => …, login() { … } }`
                self.object_members(value, Special::Handler("sveltekit", span(value)), None);
                return;
            }
            if !per_request {
                return;
            }
            "sveltekit"
        } else if self.info.remix && matches!(as_name, "loader" | "action") {
            "remix"
        } else if self.info.astro
            && (HTTP_METHODS.contains(&as_name) || matches!(as_name, "ALL" | "onRequest"))
        {
            "astro"
        } else if as_name == "handler"
            && (self.info.lambda || self.imports.values().any(|i| i.module == "aws-lambda"))
        {
            "lambda"
        } else if self.file_route(as_name) {
            "file-route"
        } else {
            return;
        };
        self.pending
            .push((value, Special::Handler(fw, span(value))));
    }

    /// Every function member of an object literal (or those `names` names), as `special`.
    fn object_members(&mut self, obj: Node<'t>, special: Special, names: Option<&[String]>) {
        let obj = unwrap_value(obj);
        if obj.kind_name() != "object" {
            return;
        }
        for m in named_kids(obj) {
            let key = match m.kind_name() {
                "pair" => field(m, "key"),
                "method_definition" => field(m, "name"),
                _ => continue,
            };
            if names.is_some_and(|ns| {
                !key.and_then(|k| key_name(k, self.src))
                    .is_some_and(|k| ns.iter().any(|x| x == k))
            }) {
                continue;
            }
            match m.kind_name() {
                "pair" => {
                    if let Some(v) = field(m, "value") {
                        self.pending.push((v, special));
                    }
                }
                _ => {
                    self.callbacks.insert(m.id(), special);
                }
            }
        }
    }

    pub(super) fn default_export(&mut self, v: Node<'t>, label: Span) {
        let src = self.src;
        self.plugin_factory(v, label);
        match v.kind_name() {
            "identifier" => {
                self.exported_names.insert(text(v, src).to_string());
                self.default_fn = Some(text(v, src).to_string());
            }
            "function_declaration" | "function_expression" | "generator_function_declaration" => {
                self.default_fn = field(v, "name").map(|n| text(n, src).to_string());
            }
            "new_expression" => {
                if let Some(c) = field(v, "constructor").filter(|c| c.kind_name() == "identifier") {
                    self.exported_names.insert(text(c, src).to_string());
                }
            }
            "object" => {
                for k in named_kids(v) {
                    if k.kind_name() == "shorthand_property_identifier" {
                        self.exported_names.insert(text(k, src).to_string());
                    } else if k.kind_name() == "pair"
                        && let Some(val) =
                            field(k, "value").filter(|x| x.kind_name() == "identifier")
                    {
                        self.exported_names.insert(text(val, src).to_string());
                    }
                }
            }
            _ => {}
        }
        // Nuxt / Nitro / h3: `export default defineEventHandler(async (event) => …)`.
        if v.kind_name() == "call_expression"
            && field(v, "function").is_some_and(|c| {
                c.kind_name() == "identifier" && EVENT_HANDLERS.contains(&text(c, src))
            })
        {
            self.pending.push((v, Special::Handler("nuxt", label)));
            return;
        }
        let fw = if self.info.pages_api {
            "next-api"
        } else if self.info.page && !self.use_client {
            "next-page"
        } else if self.info.middleware {
            "next-middleware"
        } else if let Some(def) = self.file_route_def("default") {
            // `export default { type: "source", async run() { … } }`: the methods it names.
            if !def.methods.is_empty() && unwrap_value(v).kind_name() == "object" {
                let special = Special::Handler("file-route", label);
                self.object_members(v, special, Some(&def.methods));
                return;
            }
            "file-route"
        } else {
            return;
        };
        self.pending.push((v, Special::Handler(fw, label)));
    }

    /// Top-level expression statements: `module.exports = …`, `exports.f = …`, `main()`.
    pub(super) fn top_expression(&mut self, st: Node<'t>) {
        let src = self.src;
        let Some(e) = first_named(st) else { return };
        if e.kind_name() == "assignment_expression"
            && let (Some(l), Some(r)) = (field(e, "left"), field(e, "right"))
        {
            let lt = text(l, src);
            if lt == "module.exports" {
                let r = unwrap_value(r);
                self.default_export(r, span(l));
            } else if (lt.starts_with("exports.") || lt.starts_with("module.exports."))
                && lt.ends_with(".handler")
                && self.info.lambda
                && is_fn_kind(unwrap_value(r).kind_name())
            {
                // `exports.handler = async (event, context) => …`: a serverless function's entry.
                self.pending
                    .push((unwrap_value(r), Special::Handler("lambda", span(l))));
            } else if (lt.starts_with("exports.") || lt.starts_with("module.exports."))
                && let Some(r) = Some(unwrap_value(r)).filter(|r| r.kind_name() == "identifier")
            {
                self.exported_names.insert(text(r, src).to_string());
                // `exports.main = main` where a file-based platform calls `main` per request.
                let name = lt.rsplit('.').next().unwrap_or("");
                if self.file_route(name) {
                    self.pending
                        .push((r, Special::Handler("file-route", span(l))));
                }
            }
            return;
        }
        self.top_call(st);
    }

    /// `main()`, `main().catch(…)`, `void main()`, `await main()`: a function run once.
    pub(super) fn top_call(&mut self, st: Node<'t>) {
        let src = self.src;
        let Some(mut e) = first_named(st) else { return };
        loop {
            e = unwrap_value(e);
            if e.kind_name() == "unary_expression" {
                match field(e, "argument") {
                    Some(a) => e = a,
                    None => return,
                }
                continue;
            }
            if e.kind_name() != "call_expression" {
                return;
            }
            let Some(f) = field(e, "function").map(unwrap_value) else {
                return;
            };
            match f.kind_name() {
                "identifier" => {
                    self.startup_names.insert(text(f, src).to_string());
                    return;
                }
                "member_expression" => match field(f, "object") {
                    Some(o) => e = o,
                    None => return,
                },
                _ => return,
            }
        }
    }

    /// A function named (not written inline) in a call that registers it to be called back per
    /// event (the catalogue's `[registration]`: `setInterval(tick, ms)`, `socket.on("message",
    /// onMessage)`, `new Cron("*/5 * * * *", opts, rollup)`): it runs per event. Inline callbacks
    /// are classified where they are written.
    /// A framework's wrapper (`[[registration.wrappers]]`: Convex's `internalAction({ handler })`)
    /// given a handler: the framework calls it per request or event (or once, at start-up, for
    /// a `once` wrapper: a Fastify plugin).
    fn wrapper_call(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(callee) = field(call, "function")
            .map(unwrap_value)
            .filter(|c| c.kind_name() == "identifier")
        else {
            return;
        };
        let Some(imp) = self.imports.get(text(callee, src)) else {
            return;
        };
        let export = imp.path.split('.').next().unwrap_or("");
        let wrapper = self.catalog.registration.wrappers.iter().find(|w| {
            w.names.iter().any(|n| n == export)
                && w.modules.iter().any(|m| wildcard_match(m, &imp.module))
        });
        if let Some(w) = wrapper {
            let label = span(callee);
            for a in call_args(call) {
                let special = if w.once {
                    Special::Startup
                } else {
                    Special::Handler("event", label)
                };
                self.pending.push((a, special));
            }
        }
    }

    pub(super) fn is_path(&self, n: Node) -> bool {
        let t = match n.kind_name() {
            "string" => string_value(n, self.src).unwrap_or(""),
            "template_string" => text(n, self.src).get(1..).unwrap_or(""),
            _ => return false,
        };
        t.starts_with('/') || t.starts_with('*')
    }

    /// `router.route('/x')` or `router.route('/x').get(h)`.
    pub(super) fn is_route_chain(&self, n: Node) -> bool {
        let mut cur = unwrap_value(n);
        for _ in 0..16 {
            if cur.kind_name() != "call_expression" {
                return false;
            }
            let Some(callee) =
                field(cur, "function").filter(|c| c.kind_name() == "member_expression")
            else {
                return false;
            };
            let prop = field(callee, "property")
                .map(|p| text(p, self.src))
                .unwrap_or("");
            if prop == "route" {
                return call_args(cur).first().is_some_and(|a| self.is_path(*a));
            }
            if !ROUTE_METHODS.contains(&prop) {
                return false;
            }
            match field(callee, "object") {
                Some(o) => cur = unwrap_value(o),
                None => return false,
            }
        }
        false
    }
}

/// `import type { A } from "m"`, `import { type A, type B } from "m"`: an import TypeScript
/// erases, so that the module is not loaded.
fn type_only_import(n: Node, src: &str) -> bool {
    if text(n, src).starts_with("import type ") {
        return true;
    }
    let clauses: Vec<Node> = named_kids(n)
        .into_iter()
        .filter(|c| c.kind_name() == "import_clause")
        .collect();
    let [clause] = clauses.as_slice() else {
        return false;
    };
    let kids = named_kids(*clause);
    let [named] = kids.as_slice() else {
        return false;
    };
    let specs = named_kids(*named);
    named.kind_name() == "named_imports"
        && !specs.is_empty()
        && specs.iter().all(|s| text(*s, src).starts_with("type "))
}

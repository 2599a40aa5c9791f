//! The pre-pass over a file: `use` items, statics and lazy initialisers, functions, route
//! registrations (axum, actix, rocket) and string values, before the walk.

use super::*;

// ---------------------------------------------------------------------------------------------
// Pass 2: declarations, imports and handler references

/// Where a path to an item lives.
pub(super) enum Place {
    /// This file (a local function, an inline module, `Self`).
    SameFile,
    /// Another module of the project.
    Module(ModuleRef),
    /// A dependency or the standard library.
    External,
}

/// A function named by reference where a framework calls it per request.
pub(super) struct RawRef<'ast> {
    pub(super) target: &'ast syn::Path,
    pub(super) framework: &'static str,
}

/// What the whole file declares, known before the walk.
pub(super) struct Pre<'ast> {
    pub(super) rel: String,
    pub(super) deps_axum: bool,
    /// `service_fn(h)` is the AWS Lambda runtime's (a project depending on `lambda_runtime` or
    /// `lambda_http`), else hyper's or tower's: either way `h` runs per request.
    pub(super) service_fn_framework: &'static str,
    pub(super) deps_actix: bool,
    pub(super) deps_rocket: bool,
    pub(super) deps_tonic: bool,
    /// `use` items: local name → full path.
    pub(super) uses: HashMap<String, Vec<String>>,
    /// `use x::*` prefixes.
    pub(super) globs: Vec<Vec<String>>,
    /// First segments of the full paths of `use` items (`diesel_async`, `crate`).
    pub(super) use_roots: HashSet<String>,
    /// `mod x;` (a module in another file).
    pub(super) file_mods: HashSet<String>,
    /// `mod x { … }`.
    pub(super) inline_mods: HashSet<String>,
    /// Free functions defined anywhere in the file.
    pub(super) fns: HashSet<String>,
    /// Struct / enum / type alias names.
    pub(super) types: HashSet<String>,
    /// `type Held = PooledConnection<'static, M>;` → its type.
    pub(super) aliases: HashMap<String, &'ast Type>,
    /// Method names of `impl` blocks.
    pub(super) methods: HashSet<String>,
    pub(super) statics: HashSet<String>,
    /// Traits this file declares.
    pub(super) traits: HashSet<String>,
    /// Named struct fields → their type (for `state.redis.get_connection()`).
    pub(super) fields: HashMap<String, &'ast Type>,
    /// First segments of multi-segment paths and `use` items: the crates the file mentions.
    pub(super) crates: HashSet<String>,
    pub(super) raw_refs: Vec<RawRef<'ast>>,
    /// Functions handed to a call of a registration's shape the catalogue does not name
    /// ([`inferred_callbacks`]): added after the others, unless one of them names the function.
    pub(super) inferred_refs: Vec<&'ast syn::Path>,
    /// Functions of this file whose first input is typed as what happens (see
    /// [`super::callbacks::takes_event`]), and functions named as arguments of calls of a
    /// function that is not one of this file's (with that callee's name).
    pub(super) event_fns: HashSet<String>,
    pub(super) handed_fns: Vec<(String, &'ast syn::Path)>,
    /// Functions of this file handed to a method with a once-only schedule (`add_systems(Startup,
    /// connect_db)`): they run once, at start-up.
    pub(super) startup_handed: HashSet<String>,
    /// Functions of this file named as handlers, with their framework.
    pub(super) local_handlers: HashMap<String, &'static str>,
    /// Functions a bridge module exports to another language (`#[cxx_qt::bridge] mod qobject {
    /// extern "RustQt" { #[qinvokable] fn lookup_sku(…); } }`, cxx's `extern "Rust"`): the
    /// other side calls them, as often as it likes; their bodies are this file's functions or
    /// methods of that name.
    pub(super) bridge_exports: HashSet<String>,
    pub(super) handler_refs: Vec<HandlerRef>,
    pub(super) module_insert: u32,
    /// `const` / `static` items (any depth, first wins) and `lazy_static!` names → initialiser.
    pub(super) consts: HashMap<String, &'ast Expr>,
    /// Free functions without parameters → body (`fn database_url() -> String { … }`).
    pub(super) nullary_fns: HashMap<String, &'ast Block>,
    /// The declared return types of the file's free functions (`fn config() -> Config`), for a
    /// method called on their result (`config().connect(NoTls)`).
    pub(super) fn_returns: HashMap<String, &'ast Type>,
    /// String literals that are connection URLs.
    pub(super) urls: Vec<ConnUrl>,
    /// `use` items outside `#[cfg(test)]` code, with the inline modules around them.
    pub(super) use_items: Vec<(&'ast UseTree, usize)>,
    /// `mod x;` declarations outside `#[cfg(test)]` code: the inline module path and the name.
    pub(super) mod_decls: Vec<(Vec<String>, String)>,
    /// `mod x;` declarations inside `#[cfg(test)]` code (`#[cfg(test)] pub mod testutils;`).
    pub(super) test_mod_decls: Vec<(Vec<String>, String)>,
    /// Project modules this file imports (`mod x;`, `use crate::x::…`).
    pub(super) imports: Vec<ModuleRef>,
    /// Project modules this file declares only for tests.
    pub(super) test_modules: Vec<ModuleRef>,
    /// `mod x;` declarations under `#[cfg(feature = "…")]`: the inline module path, the name and
    /// the feature.
    pub(super) feature_mod_decls: Vec<(Vec<String>, String, String)>,
    /// Project modules this file declares only with a feature, and the feature.
    pub(super) feature_modules: Vec<(ModuleRef, String)>,
}

impl<'ast> Pre<'ast> {
    pub(super) fn collect(
        ast: &'ast syn::File,
        macros: &'ast MacroStore,
        file: &SourceFile,
        conv: &Conv<'_>,
        catalog: &LangCatalog,
    ) -> Self {
        let project = &file.project;
        let mut pre = Pre {
            rel: file.rel.clone(),
            deps_axum: project.has_dep("axum"),
            service_fn_framework: if project.has_dep("lambda_runtime")
                || project.has_dep("lambda_http")
                || project.has_dep("lambda-runtime")
                || project.has_dep("lambda-http")
            {
                "lambda"
            } else {
                "hyper"
            },
            deps_actix: project.has_dep("actix-web"),
            deps_rocket: project.has_dep("rocket"),
            deps_tonic: project.has_dep("tonic"),
            uses: HashMap::new(),
            globs: Vec::new(),
            use_roots: HashSet::new(),
            file_mods: HashSet::new(),
            inline_mods: HashSet::new(),
            fns: HashSet::new(),
            types: HashSet::new(),
            aliases: HashMap::new(),
            methods: HashSet::new(),
            statics: HashSet::new(),
            traits: HashSet::new(),
            fields: HashMap::new(),
            crates: HashSet::new(),
            raw_refs: Vec::new(),
            inferred_refs: Vec::new(),
            event_fns: HashSet::new(),
            handed_fns: Vec::new(),
            startup_handed: HashSet::default(),
            local_handlers: HashMap::new(),
            bridge_exports: HashSet::new(),
            handler_refs: Vec::new(),
            module_insert: 0,
            consts: HashMap::new(),
            nullary_fns: HashMap::new(),
            fn_returns: HashMap::new(),
            urls: Vec::new(),
            use_items: Vec::new(),
            mod_decls: Vec::new(),
            test_mod_decls: Vec::new(),
            imports: Vec::new(),
            test_modules: Vec::new(),
            feature_mod_decls: Vec::new(),
            feature_modules: Vec::new(),
        };
        for item in &ast.items {
            if matches!(item, syn::Item::Use(_) | syn::Item::ExternCrate(_)) {
                pre.module_insert = conv.of(item).end;
            }
        }
        let mut v = PreVisitor {
            pre: &mut pre,
            macros,
            text: &file.text,
            conv,
            route_depth: 0,
            candidates: Vec::new(),
            named: HashMap::new(),
            mod_path: Vec::new(),
            test_mods: 0,
            url_schemes: &catalog.url_schemes,
            registration: &catalog.registration,
        };
        v.visit_file(ast);
        let candidates = std::mem::take(&mut v.candidates);
        pre.use_roots = pre
            .uses
            .values()
            .filter_map(|full| full.first().cloned())
            .chain(pre.globs.iter().filter_map(|g| g.first().cloned()))
            .collect();
        // axum routing functions are recognised once all `use` items are known.
        for c in candidates {
            if pre.is_axum_router_fn(c.callee) || (c.in_route && pre.is_unbound_name(c.callee)) {
                pre.raw_refs.push(RawRef {
                    target: c.target,
                    framework: "axum",
                });
            }
        }
        let mut raw = std::mem::take(&mut pre.raw_refs);
        let known: HashSet<String> = raw.iter().filter_map(|r| last_ident(r.target)).collect();
        super::callbacks::event_fn_refs(&mut pre);
        for t in std::mem::take(&mut pre.inferred_refs) {
            if last_ident(t).is_some_and(|l| !known.contains(&l)) {
                raw.push(RawRef {
                    target: t,
                    framework: INFERRED,
                });
            }
        }
        for r in &raw {
            pre.add_handler_ref(r, conv, file);
        }
        pre.imports = pre.collect_imports(file);
        pre.test_modules = pre
            .test_mod_decls
            .iter()
            .filter_map(|(path, name)| pre.declared_module(path, name))
            .collect();
        pre.feature_modules = pre
            .feature_mod_decls
            .iter()
            .filter_map(|(path, name, feature)| {
                Some((pre.declared_module(path, name)?, feature.clone()))
            })
            .collect();
        pre
    }

    pub(super) fn is_external_crate(&self, name: &str, project: &crate::project::Project) -> bool {
        STD_CRATES.contains(&name) || project.has_dep(name)
    }

    /// A path with its first segment replaced through the `use` items.
    pub(super) fn resolve(&self, path: &syn::Path) -> Vec<String> {
        let names = seg_names(path);
        if path.leading_colon.is_some() {
            return names;
        }
        self.resolve_names(names)
    }

    pub(super) fn resolve_names(&self, mut names: Vec<String>) -> Vec<String> {
        let Some(first) = names.first() else {
            return names;
        };
        if let Some(full) = self.uses.get(first) {
            let mut out = full.clone();
            out.extend(names.drain(1..));
            return out;
        }
        names
    }

    /// Is a call of `callee` an axum routing function (`get`, `routing::post`, `axum::routing::any`)?
    pub(super) fn is_axum_router_fn(&self, callee: &syn::Path) -> bool {
        let names = seg_names(callee);
        let Some(last) = names.last() else {
            return false;
        };
        if !AXUM_METHODS.contains(&last.as_str()) && last != "on" {
            return false;
        }
        let resolved = self.resolve(callee);
        if resolved.first().is_some_and(|f| f == "axum") {
            return true;
        }
        let first = names.first().map(String::as_str).unwrap_or("");
        if self.uses.contains_key(first) || (names.len() == 1 && self.fns.contains(first)) {
            return false;
        }
        let axum_glob = self
            .globs
            .iter()
            .any(|g| g.first().is_some_and(|f| f == "axum"));
        (names.len() == 1 || first == "routing") && (axum_glob || self.deps_axum)
    }

    /// Is `e` a warp filter chain (`warp::path!("x").and(warp::post()).and(with_db(db))`)? Its
    /// root call or macro, or a filter combined into it with `.and(…)` / `.or(…)`, is `warp::…`.
    pub(super) fn is_warp_chain(&self, e: &Expr) -> bool {
        let mut e = e;
        loop {
            match e {
                Expr::MethodCall(m) => {
                    if m.args.iter().any(|a| self.is_warp_root(a)) {
                        return true;
                    }
                    e = &m.receiver;
                }
                Expr::Paren(p) => e = &p.expr,
                other => return self.is_warp_root(other),
            }
        }
    }

    /// `warp::any()`, `warp::path!(…)`, `path("x")` with `use warp::path`.
    fn is_warp_root(&self, e: &Expr) -> bool {
        let path = match e {
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => &p.path,
                _ => return false,
            },
            Expr::Macro(m) => &m.mac.path,
            _ => return false,
        };
        self.resolve(path).first().is_some_and(|f| f == "warp")
    }

    /// Per-request middleware: axum `middleware::from_fn(f)` / `from_fn_with_state(state, f)` /
    /// `map_request(f)`, actix-web `middleware::from_fn(f)`. The framework and the index of the
    /// function argument.
    pub(super) fn middleware(&self, callee: &syn::Path) -> Option<(&'static str, usize)> {
        let last = last_ident(callee)?;
        let idx = match last.as_str() {
            "from_fn" | "map_request" | "map_response" => 0,
            "from_fn_with_state" | "map_request_with_state" | "map_response_with_state" => 1,
            _ => return None,
        };
        let resolved = self.resolve(callee);
        let fw = match resolved.first().map(String::as_str) {
            Some("axum") => "axum",
            Some("actix_web") => "actix",
            Some(root) if STD_CRATES.contains(&root) => return None,
            _ if self.deps_axum => "axum",
            _ if self.deps_actix => "actix",
            _ => return None,
        };
        Some((fw, idx))
    }

    /// A single name that no `use` item or local function defines.
    pub(super) fn is_unbound_name(&self, path: &syn::Path) -> bool {
        let names = seg_names(path);
        match names.as_slice() {
            [one] => !self.uses.contains_key(one) && !self.fns.contains(one),
            _ => false,
        }
    }

    /// Where the item at the end of a resolved path lives.
    pub(super) fn place_of(
        &self,
        resolved: &[String],
        written_len: usize,
        inline_depth: usize,
        project: &crate::project::Project,
    ) -> Place {
        let Some((name, module)) = resolved.split_last() else {
            return Place::External;
        };
        let mut module: Vec<String> = module.to_vec();
        // `Type::method`: the module is the type's.
        let via_type = module
            .last()
            .is_some_and(|t| starts_upper(t) || t == "Self");
        if via_type {
            let ty = module.pop().unwrap_or_default();
            if module.is_empty() {
                let local = ty == "Self" || self.types.contains(&ty);
                return if local && self.methods.contains(name) {
                    Place::SameFile
                } else {
                    Place::External
                };
            }
        }
        if module.is_empty() {
            return if written_len == 1 && self.fns.contains(name) {
                Place::SameFile
            } else {
                Place::External
            };
        }
        let first = module.first().map(String::as_str).unwrap_or("");
        match first {
            "crate" => Place::Module(self.module_ref(&module)),
            "self" | "super" if inline_depth > 0 => Place::SameFile,
            "self" if module.len() == 1 => Place::SameFile,
            "self" | "super" => Place::Module(self.module_ref(&module)),
            _ if self.inline_mods.contains(first) => Place::SameFile,
            _ if self.file_mods.contains(first) => Place::Module(self.module_ref(&module)),
            _ if self.is_external_crate(first, project) => Place::External,
            // A function of the library's root, from a binary: `billing::connect_pool(20)` in
            // `src/bin/web.rs` (the package's library crate, by name).
            _ if is_bin_target(&self.rel)
                && module.len() == 1
                && project.lib_crate.as_deref() == Some(first) =>
            {
                Place::Module(ModuleRef {
                    candidates: vec!["src/lib".to_string()].into(),
                })
            }
            // A crate that is not a dependency, from a binary, test, example or bench target:
            // this package's own library crate, written out (`ledger::db::init_pool()` in
            // `src/bin/worker.rs`) or through a `use` (`use ledger::db;`). Its modules live under
            // `src/`, whichever target names them.
            // (At least a module under the crate: `web::to(h)` with `web` not imported is
            // some crate's, not this package's root.)
            _ if is_bin_target(&self.rel) && !project.deps.is_empty() && module.len() >= 2 => {
                let mut key = vec!["src".to_string()];
                key.extend(module.iter().skip(1).cloned());
                Place::Module(ModuleRef {
                    candidates: vec![key.join("/")].into(),
                })
            }
            // Reached through a `use` of a crate that is not a dependency: this package's own
            // library crate (`use myapp::db;`).
            _ if written_len < resolved.len() || self.uses.contains_key(first) => {
                let mut segs = vec!["crate".to_string()];
                segs.extend(module.iter().skip(1).cloned());
                Place::Module(self.module_ref(&segs))
            }
            _ => Place::External,
        }
    }

    /// `mod x;` declarations and `use` items of project modules, as module references (one per
    /// module; the file's own module is left out).
    pub(super) fn collect_imports(&self, file: &SourceFile) -> Vec<ModuleRef> {
        let own = module_keys(&self.rel, Lang::Rs);
        let mut seen: HashSet<std::sync::Arc<[String]>> = HashSet::new();
        let mut out = Vec::new();
        let mut refs = Vec::new();
        for (path, name) in &self.mod_decls {
            refs.push(self.declared_module(path, name));
        }
        for (tree, depth) in &self.use_items {
            let mut modules = Vec::new();
            self.use_modules(tree, &mut Vec::new(), &mut modules);
            for m in modules {
                refs.push(self.import_ref(m, *depth, file));
            }
        }
        for m in refs.into_iter().flatten() {
            let is_own = m.candidates.first().is_some_and(|c| own.contains(c));
            if !m.candidates.is_empty() && !is_own && seen.insert(m.candidates.clone()) {
                out.push(m);
            }
        }
        out
    }

    /// The module a `mod name;` declaration (inside inline modules `path`) names.
    fn declared_module(&self, path: &[String], name: &str) -> Option<ModuleRef> {
        let mut segs = vec!["self".to_string()];
        segs.extend(path.iter().cloned());
        segs.push(name.to_string());
        rs_module(&self.rel, &segs)
    }

    /// The module each leaf of a `use` tree imports from: `crate::db` for `use crate::db;`,
    /// `use crate::db::Pool;` and `use crate::db::*;`; for a lowercase leaf under a module
    /// (`use crate::db::pool;`), the leaf itself when the file uses it as a path prefix
    /// (`pool::get()`), else its parent (a function).
    pub(super) fn use_modules(
        &self,
        tree: &UseTree,
        prefix: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) {
        let leaf = |name: &str, local: &str, prefix: &[String]| -> Vec<String> {
            let mut m = prefix.to_vec();
            if name != "self" && self.is_module_leaf(prefix, name, local) {
                m.push(name.to_string());
            }
            m
        };
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_modules(&p.tree, prefix, out);
                prefix.pop();
            }
            UseTree::Name(n) => {
                let name = n.ident.to_string();
                out.push(leaf(&name, &name, prefix));
            }
            UseTree::Rename(r) => {
                out.push(leaf(&r.ident.to_string(), &r.rename.to_string(), prefix));
            }
            UseTree::Glob(_) => out.push(prefix.clone()),
            UseTree::Group(g) => {
                for t in &g.items {
                    self.use_modules(t, prefix, out);
                }
            }
        }
    }

    pub(super) fn is_module_leaf(&self, prefix: &[String], name: &str, local: &str) -> bool {
        if starts_upper(name) {
            return false;
        }
        let anchors = prefix
            .iter()
            .all(|s| matches!(s.as_str(), "crate" | "self" | "super"));
        let crate_root = match prefix {
            [one] => !self.file_mods.contains(one) && !self.inline_mods.contains(one),
            _ => false,
        };
        anchors || crate_root || self.crates.contains(local)
    }

    /// The project module a `use` path names, if it is one (`depth`: inline modules around it).
    pub(super) fn import_ref(
        &self,
        segs: Vec<String>,
        depth: usize,
        file: &SourceFile,
    ) -> Option<ModuleRef> {
        let first = segs.first()?.as_str();
        let anchored = matches!(first, "crate" | "self" | "super");
        // `use crate::db; use db::Pool;`
        let segs = if !anchored && self.uses.get(first).is_some_and(|f| f.len() > 1) {
            self.resolve_names(segs)
        } else {
            segs
        };
        let first = segs.first()?.as_str();
        match first {
            "crate" => rs_module(&self.rel, &segs),
            "self" => {
                let next = segs.get(1)?;
                if depth > 0 || self.inline_mods.contains(next) {
                    return None;
                }
                rs_module(&self.rel, &segs)
            }
            "super" => {
                let ups = segs.iter().take_while(|s| *s == "super").count();
                if ups <= depth {
                    return None;
                }
                let mut rel = vec!["super".to_string(); ups - depth];
                rel.extend(segs.iter().skip(ups).cloned());
                rs_module(&self.rel, &rel)
            }
            _ if depth > 0 || self.inline_mods.contains(first) => None,
            _ if self.file_mods.contains(first) => {
                let mut rel = vec!["self".to_string()];
                rel.extend(segs.iter().cloned());
                rs_module(&self.rel, &rel)
            }
            // This package's library crate, from a binary, test, example or bench target
            // (`use myapp::db;` in `src/main.rs`): any crate that is not a dependency.
            _ if is_bin_target(&self.rel)
                && !file.project.deps.is_empty()
                && !self.is_external_crate(first, &file.project) =>
            {
                let mut key = vec!["src".to_string()];
                key.extend(segs.iter().skip(1).cloned());
                Some(ModuleRef {
                    candidates: vec![key.join("/")].into(),
                })
            }
            _ => None,
        }
    }

    /// An item of the project named by `path` (a trait in `impl Inventory for Server`): its name
    /// and, unless this file declares it, the module that does. `None` for a dependency's or the
    /// standard library's (`fmt::Display`, `tower::Service`).
    pub(super) fn project_item(
        &self,
        path: &syn::Path,
        inline_depth: usize,
        project: &crate::project::Project,
    ) -> Option<(String, Option<ModuleRef>)> {
        let name = last_ident(path)?;
        if path.segments.len() == 1 && !self.uses.contains_key(&name) {
            return Some((name, None));
        }
        let resolved = self.resolve(path);
        // `place_of` reads a last segment in capitals as a type's method; an item's module is
        // the path before it.
        let (_, module) = resolved.split_last()?;
        let mut probe = module.to_vec();
        probe.push("f".into());
        match self.place_of(&probe, probe.len(), inline_depth, project) {
            Place::SameFile => Some((name, None)),
            Place::Module(m) => Some((name, Some(m))),
            Place::External => None,
        }
    }

    pub(super) fn module_ref(&self, segments: &[String]) -> ModuleRef {
        rs_module(&self.rel, segments).unwrap_or_default()
    }

    /// The place of a bare name `f` with no `use` and no local definition: a local glob import.
    pub(super) fn glob_place(&self, project: &crate::project::Project) -> Option<Place> {
        let local: Vec<&Vec<String>> = self
            .globs
            .iter()
            .filter(|g| {
                g.first().is_some_and(|f| {
                    matches!(f.as_str(), "crate" | "self" | "super")
                        || self.file_mods.contains(f)
                        || self.inline_mods.contains(f)
                })
            })
            .collect();
        let [only] = local.as_slice() else {
            return None;
        };
        let mut probe = (*only).clone();
        probe.push("f".into());
        match self.place_of(&probe, 2, 0, project) {
            Place::External => None,
            p => Some(p),
        }
    }

    pub(super) fn add_handler_ref(&mut self, r: &RawRef<'ast>, conv: &Conv<'_>, file: &SourceFile) {
        let Some(name) = last_ident(r.target) else {
            return;
        };
        let written = r.target.segments.len();
        let span = conv.of(r.target);
        let place = if written == 1 && self.fns.contains(&name) && !self.uses.contains_key(&name) {
            Place::SameFile
        } else if written == 1 && !self.uses.contains_key(&name) {
            self.glob_place(&file.project).unwrap_or(Place::SameFile)
        } else {
            let resolved = self.resolve(r.target);
            self.place_of(&resolved, written, 0, &file.project)
        };
        let module = match place {
            Place::SameFile => {
                self.local_handlers
                    .entry(name.clone())
                    .or_insert(r.framework);
                None
            }
            Place::Module(m) => Some(m),
            Place::External => return,
        };
        self.handler_refs.push(HandlerRef {
            name,
            module,
            framework: r.framework.to_string(),
            span,
        });
    }
}

pub(super) struct AxumCandidate<'ast> {
    pub(super) callee: &'ast syn::Path,
    pub(super) target: &'ast syn::Path,
    /// Inside the arguments of `.route(..)`.
    pub(super) in_route: bool,
}

pub(super) struct PreVisitor<'p, 'ast> {
    pub(super) pre: &'p mut Pre<'ast>,
    pub(super) macros: &'ast MacroStore,
    pub(super) text: &'p str,
    pub(super) conv: &'p Conv<'p>,
    pub(super) route_depth: usize,
    pub(super) candidates: Vec<AxumCandidate<'ast>>,
    /// String literals that are the value of a variable, constant or field, with its name.
    pub(super) named: HashMap<*const syn::LitStr, String>,
    /// Inline modules around the item being visited.
    pub(super) mod_path: Vec<String>,
    /// Depth of `#[cfg(test)]` modules.
    pub(super) test_mods: usize,
    /// What makes a string a connection URL (the catalogue's schemes).
    pub(super) url_schemes: &'p [String],
    /// The calls that register a callback run per event or per job (the catalogue's).
    pub(super) registration: &'p crate::catalog::RegistrationDef,
}

pub(super) fn collect_use(tree: &UseTree, prefix: &mut Vec<String>, pre: &mut Pre<'_>) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            collect_use(&p.tree, prefix, pre);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                if let Some(last) = prefix.last() {
                    pre.uses
                        .entry(last.clone())
                        .or_insert_with(|| prefix.clone());
                }
            } else {
                let mut full = prefix.clone();
                full.push(name.clone());
                pre.uses.entry(name).or_insert(full);
            }
        }
        UseTree::Rename(r) => {
            let rename = r.rename.to_string();
            if rename == "_" {
                return;
            }
            let mut full = prefix.clone();
            if r.ident != "self" {
                full.push(r.ident.to_string());
            }
            pre.uses.entry(rename).or_insert(full);
        }
        UseTree::Glob(_) => pre.globs.push(prefix.clone()),
        UseTree::Group(g) => {
            for t in &g.items {
                collect_use(t, prefix, pre);
            }
        }
    }
}

impl<'ast> PreVisitor<'_, 'ast> {
    /// Remember that the string literals `value` evaluates to are named `name`.
    pub(super) fn name_value(&mut self, name: &str, value: &'ast Expr) {
        let mut lits = Vec::new();
        string_values(value, &mut lits);
        for l in lits {
            self.named.insert(l, name.to_string());
        }
    }
}

impl<'ast> PreVisitor<'_, 'ast> {
    /// Functions named by path where a catalogue `[registration]` call takes its callback
    /// (`client.add_event_handler(archive::on_message)`, `socket.on("message", on_message)`,
    /// `WorkerBuilder::new("digest").build_fn(jobs::send_digest)`): each runs once per event, or
    /// per job. A registration for a once event (`on("ready", f)`) is none.
    pub(super) fn registration_refs(
        &mut self,
        name: &str,
        method: bool,
        args: &'ast Punctuated<Expr, Token![,]>,
    ) {
        let reg = self.registration;
        let listed = |l: &[String]| l.iter().any(|x| x == name);
        let framework = if listed(&reg.jobs) {
            "job"
        } else if (method && listed(&reg.methods)) || (!method && listed(&reg.functions)) {
            "event"
        } else {
            return;
        };
        if let Some(Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        })) = args.first()
            && reg.once_events.contains(&s.value())
        {
            return;
        }
        for a in args {
            if let Some(t) = path_arg(a)
                && last_ident(t).is_some_and(|l| !starts_upper(&l) && !is_all_caps(&l))
            {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework,
                });
            }
        }
    }
}

impl<'ast> Visit<'ast> for PreVisitor<'_, 'ast> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        crate::lang::budget::tick();
        visit::visit_expr(self, e);
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        if let Some(first) = first_use_segment(&u.tree) {
            self.pre.crates.insert(first);
        }
        let mut prefix = Vec::new();
        collect_use(&u.tree, &mut prefix, self.pre);
        if self.test_mods == 0 {
            self.pre.use_items.push((&u.tree, self.mod_path.len()));
        }
    }

    fn visit_item_extern_crate(&mut self, e: &'ast syn::ItemExternCrate) {
        let name = e.ident.to_string();
        if let Some((_, rename)) = &e.rename {
            self.pre.uses.insert(rename.to_string(), vec![name.clone()]);
        }
        self.pre.crates.insert(name);
    }

    fn visit_item_mod(&mut self, m: &'ast ItemMod) {
        let name = m.ident.to_string();
        let test = is_cfg_test(&m.attrs);
        if test {
            self.test_mods += 1;
        }
        if let Some((_, items)) = &m.content
            && self.test_mods == 0
            && m.attrs.iter().any(|a| {
                a.path().segments.len() >= 2
                    || a.path()
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "bridge")
            })
        {
            for item in items {
                if let syn::Item::ForeignMod(f) = item
                    && f.abi
                        .name
                        .as_ref()
                        .is_some_and(|n| n.value().starts_with("Rust"))
                {
                    for fi in &f.items {
                        if let syn::ForeignItem::Fn(func) = fi {
                            self.pre.bridge_exports.insert(func.sig.ident.to_string());
                        }
                    }
                }
            }
        }
        if m.content.is_some() {
            self.pre.inline_mods.insert(name.clone());
            self.mod_path.push(name);
            visit::visit_item_mod(self, m);
            self.mod_path.pop();
        } else {
            if self.test_mods == 0 {
                if let Some(feature) = cfg_feature(&m.attrs) {
                    self.pre
                        .feature_mod_decls
                        .push((self.mod_path.clone(), name.clone(), feature));
                }
                self.pre
                    .mod_decls
                    .push((self.mod_path.clone(), name.clone()));
            } else {
                self.pre
                    .test_mod_decls
                    .push((self.mod_path.clone(), name.clone()));
            }
            self.pre.file_mods.insert(name);
        }
        if test {
            self.test_mods -= 1;
        }
    }

    fn visit_item_const(&mut self, c: &'ast syn::ItemConst) {
        self.pre
            .consts
            .entry(c.ident.to_string())
            .or_insert(&c.expr);
        self.name_value(&c.ident.to_string(), &c.expr);
        visit::visit_item_const(self, c);
    }

    fn visit_local(&mut self, l: &'ast syn::Local) {
        if let (Some(name), Some(init)) = (simple_binding(&l.pat), &l.init) {
            self.name_value(&name, &init.expr);
        }
        visit::visit_local(self, l);
    }

    fn visit_field_value(&mut self, f: &'ast syn::FieldValue) {
        if let syn::Member::Named(id) = &f.member {
            self.name_value(&id.to_string(), &f.expr);
        }
        visit::visit_field_value(self, f);
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        let name = match &*a.left {
            Expr::Field(f) => match &f.member {
                syn::Member::Named(id) => Some(id.to_string()),
                syn::Member::Unnamed(_) => None,
            },
            e => expr_ident(e),
        };
        if let Some(name) = name {
            self.name_value(&name, &a.right);
        }
        visit::visit_expr_assign(self, a);
    }

    fn visit_expr_lit(&mut self, l: &'ast syn::ExprLit) {
        if let syn::Lit::Str(s) = &l.lit {
            let text = s.value();
            if is_connection_url(&text, self.url_schemes) {
                let key: *const syn::LitStr = s;
                self.pre.urls.push(ConnUrl {
                    var: self.named.get(&key).cloned(),
                    text,
                    span: lit_text_span(self.conv, self.text, s),
                });
            }
        }
    }

    // The values of doc comments and `#[x = "…"]` attributes are not code.
    fn visit_attribute(&mut self, a: &'ast Attribute) {
        self.visit_path(a.path());
    }

    fn visit_item_fn(&mut self, f: &'ast ItemFn) {
        self.pre.fns.insert(f.sig.ident.to_string());
        if super::callbacks::takes_event(&f.sig, &self.registration.inferred.event_types) {
            self.pre.event_fns.insert(f.sig.ident.to_string());
        }
        if let syn::ReturnType::Type(_, ty) = &f.sig.output {
            self.pre
                .fn_returns
                .entry(f.sig.ident.to_string())
                .or_insert(ty);
        }
        if f.sig.inputs.is_empty() {
            self.pre
                .nullary_fns
                .entry(f.sig.ident.to_string())
                .or_insert(&f.block);
        }
        visit::visit_item_fn(self, f);
    }

    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.pre.types.insert(s.ident.to_string());
        if let syn::Fields::Named(named) = &s.fields {
            for f in &named.named {
                if let Some(id) = &f.ident {
                    self.pre.fields.entry(id.to_string()).or_insert(&f.ty);
                }
            }
        }
        visit::visit_item_struct(self, s);
    }

    fn visit_item_enum(&mut self, e: &'ast syn::ItemEnum) {
        self.pre.types.insert(e.ident.to_string());
        visit::visit_item_enum(self, e);
    }

    fn visit_item_type(&mut self, t: &'ast syn::ItemType) {
        self.pre.types.insert(t.ident.to_string());
        self.pre.aliases.entry(t.ident.to_string()).or_insert(&t.ty);
        visit::visit_item_type(self, t);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast ImplItemFn) {
        self.pre.methods.insert(f.sig.ident.to_string());
        visit::visit_impl_item_fn(self, f);
    }

    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        self.pre.traits.insert(t.ident.to_string());
        visit::visit_item_trait(self, t);
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        self.pre.statics.insert(s.ident.to_string());
        self.pre
            .consts
            .entry(s.ident.to_string())
            .or_insert(&s.expr);
        self.name_value(&s.ident.to_string(), &s.expr);
        visit::visit_item_static(self, s);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() >= 2
            && p.leading_colon.is_none()
            && let Some(first) = p.segments.first()
        {
            let name = first.ident.to_string();
            if !self.pre.crates.contains(&name) {
                self.pre.crates.insert(name);
            }
        }
        visit::visit_path(self, p);
    }

    fn visit_expr_call(&mut self, c: &'ast ExprCall) {
        if let Expr::Path(p) = &*c.func {
            let names = seg_names(&p.path);
            let last = names.last().map(String::as_str).unwrap_or("");
            self.registration_refs(last, false, &c.args);
            let handed = c.args.iter().filter_map(path_arg);
            self.pre
                .handed_fns
                .extend(handed.map(|a| (last.to_string(), a)));
            let target = if last == "on" {
                c.args.iter().nth(1)
            } else {
                c.args.first()
            };
            if AXUM_METHODS.contains(&last) || last == "on" {
                if let Some(t) = target.and_then(path_arg) {
                    // Decided after the walk, once every `use` item is known.
                    self.candidates.push(AxumCandidate {
                        callee: &p.path,
                        target: t,
                        in_route: self.route_depth > 0,
                    });
                }
            } else if last == "service_fn" {
                if let Some(t) = c.args.first().and_then(path_arg) {
                    self.pre.raw_refs.push(RawRef {
                        target: t,
                        framework: self.pre.service_fn_framework,
                    });
                }
            } else if let Some((framework, idx)) = self.pre.middleware(&p.path) {
                if let Some(t) = c.args.iter().nth(idx).and_then(path_arg) {
                    self.pre.raw_refs.push(RawRef {
                        target: t,
                        framework,
                    });
                }
            } else if last == "to"
                && (names
                    .first()
                    .is_some_and(|f| f == "web" || f == "actix_web")
                    || self.pre.deps_actix)
                && let Some(t) = c.args.first().and_then(path_arg)
            {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "actix",
                });
            }
        }
        visit::visit_expr_call(self, c);
    }

    fn visit_expr_method_call(&mut self, m: &'ast ExprMethodCall) {
        let method = m.method.to_string();
        let single = if m.args.len() == 1 {
            m.args.first().and_then(path_arg)
        } else {
            None
        };
        if let Some(t) = single {
            if method == "to" {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "actix",
                });
            } else if (AXUM_METHODS.contains(&method.as_str()) && is_method_router(&m.receiver))
                || (method == "fallback" && self.pre.deps_axum)
            {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "axum",
                });
            } else if WARP_HANDLER_METHODS.contains(&method.as_str())
                && self.pre.is_warp_chain(&m.receiver)
            {
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "warp",
                });
            } else if AXUM_METHODS.contains(&method.as_str()) && names_route_path(&m.receiver) {
                // A path and a handler, whatever the framework: `app.at("/orders").post(h)`
                // (tide), `router.path("/x").get(h)`.
                self.pre.raw_refs.push(RawRef {
                    target: t,
                    framework: "route",
                });
            }
        }
        if !is_method_router(&m.receiver) {
            self.registration_refs(&method, true, &m.args);
        }
        let reg = self.registration;
        let listed = reg.methods.contains(&method) || reg.jobs.contains(&method);
        // A function of the project handed by name to a method (`Controller::new(api,
        // cfg).run(reconcile, error_policy, ctx)`): whatever calls it back, it is called back,
        // most often per event. Not iterator and `Option`/`Result` combinators (per element or
        // once), nor the catalogue's `not_methods`.
        if !listed
            && !crate::lang::inferred::denied(&reg.inferred, &method)
            && !LOOP_ALWAYS.contains(&method.as_str())
            && !LOOP_ON_ITER.contains(&method.as_str())
        {
            // Handed with a schedule that runs once (`app.add_systems(Startup, connect_db)`):
            // run once, at start-up.
            // (Or by a method named for once: pavex's `bp.singleton(f!(crate::db::pool))`,
            // actix's `App::configure(routes)`, Tauri's `.setup(init)`.)
            let once = ONCE_REGISTRATIONS.contains(&method.as_str())
                || m.args.iter().any(|a| {
                    path_arg(a).and_then(last_ident).is_some_and(|l| {
                        let l = l.to_ascii_lowercase();
                        l.ends_with("startup") || reg.once_events.contains(&l)
                    })
                });
            let mut paths = Vec::new();
            for a in &m.args {
                handed_paths(a, 0, self.macros, &mut paths);
            }
            if once {
                self.pre
                    .startup_handed
                    .extend(paths.iter().filter_map(|p| last_ident(p)));
            } else {
                self.pre.inferred_refs.extend(paths);
            }
        }
        if !listed
            && let Some(start) = inferred_callbacks(
                &reg.inferred,
                &reg.once_events,
                &method,
                &m.receiver,
                &m.args,
            )
        {
            let mut paths = Vec::new();
            for a in m.args.iter().skip(start) {
                callback_paths(a, 0, &mut paths);
            }
            self.pre.inferred_refs.extend(paths);
        }
        if method == "route" {
            self.visit_expr(&m.receiver);
            self.route_depth += 1;
            for a in &m.args {
                self.visit_expr(a);
            }
            self.route_depth -= 1;
            return;
        }
        visit::visit_expr_method_call(self, m);
    }

    /// A table entry naming its command and its function (`inventory::submit! { Command { name:
    /// "geo.lookup", run: geocode } }`, `Route { path: "/orders", handler: list }`): whatever
    /// reads the table calls the function once per command, probably (a registration by its
    /// shape: a key, then a function of the project).
    fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
        const KEY_FIELDS: &[&str] = &["name", "path", "route", "command", "topic", "event"];
        let keyed = s.fields.iter().any(|f| {
            let field = match &f.member {
                syn::Member::Named(i) => i.to_string(),
                syn::Member::Unnamed(_) => return false,
            };
            let Expr::Lit(l) = &f.expr else { return false };
            let syn::Lit::Str(v) = &l.lit else {
                return false;
            };
            let v = v.value();
            crate::lang::inferred::key_of(&v).is_some()
                && (KEY_FIELDS.contains(&field.as_str()) || v.contains(['.', '/', ':']))
        });
        if keyed {
            for f in &s.fields {
                if let Some(p) = path_arg(&f.expr)
                    && last_ident(p).is_some_and(|l| l.starts_with(|c: char| c.is_lowercase()))
                {
                    self.pre.inferred_refs.push(p);
                }
            }
        }
        visit::visit_expr_struct(self, s);
    }

    fn visit_macro(&mut self, m: &'ast Macro) {
        match self.macros.get(m) {
            Some(MacroContent::Routes(paths)) => {
                for p in paths {
                    self.pre.raw_refs.push(RawRef {
                        target: p,
                        framework: "rocket",
                    });
                }
            }
            Some(MacroContent::Lazy(statics)) => {
                for (name, e) in statics {
                    self.pre.consts.entry(name.clone()).or_insert(e);
                    self.name_value(name, e);
                    self.visit_expr(e);
                }
            }
            Some(MacroContent::Exprs(exprs)) => {
                for e in exprs {
                    self.visit_expr(e);
                }
            }
            Some(MacroContent::Fns(fns)) => {
                for f in fns {
                    self.visit_item_fn(f);
                }
            }
            None => {}
        }
    }
}

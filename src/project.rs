//! Project context: what a file's project is (Next.js? FastAPI? a library?) and what it depends
//! on. A project is the nearest directory holding `package.json`, `pyproject.toml`,
//! `setup.py`, `requirements*.txt` or `Cargo.toml`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod workspace;
use workspace::{lib_name, membership};

/// Context of one project root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    /// The project's root directory (where its manifest is); the walk root when none was found.
    pub root: PathBuf,
    /// Dependency names: npm packages, Python distributions (lower-case, `-` for `_`), crates.
    pub deps: BTreeSet<String>,
    /// `next` is a dependency or a `next.config.*` exists.
    pub nextjs: bool,
    /// Deployed on a serverless platform (`vercel.json`, `netlify.toml`, `serverless.yml`,
    /// SAM `template.yaml`, or `@vercel/*` / `mangum` / `lambda_runtime` / `serverless*`
    /// dependencies).
    pub serverless: bool,
    /// An application (a web framework dependency, a binary, a private package that exports
    /// nothing to its workspace) rather than a library whose API may hand out clients.
    pub application: bool,
    /// Manifests found at the root, for messages (`package.json`, `pyproject.toml`, ...).
    pub manifests: Vec<String>,
    /// Manifests that exist but could not be used (unreadable, malformed), with the reason and
    /// the line when known: the project's context is incomplete, and the run says so.
    pub problems: Vec<ManifestProblem>,
    /// Rust: the name the package's library crate goes by in its binaries (`[lib] name`, or
    /// the package name with `-` as `_`), when it has one (`src/lib.rs`).
    pub lib_crate: Option<String>,
    /// JS/TS files, relative to the root, that a `package.json` script runs as a one-off
    /// process (`"migration:run": "tsx migration.ts"`, `"db:seed": "node ./scripts/seed.js"`);
    /// not the app itself (the scripts that start or serve it: [`APP_SCRIPTS`]).
    pub script_files: Vec<String>,
    /// Python console scripts (`[project.scripts]`, `[project.gui-scripts]`,
    /// `[tool.poetry.scripts]`) and the application factories a Procfile's servers call
    /// (`gunicorn 'app.web:make_wsgi()'`): `(module, function)` pairs such as `("app.cli",
    /// "run")`. Each runs once per process, as `main` does.
    pub entry_points: Vec<(String, String)>,
    /// TS/JS path aliases of the root's `tsconfig.json` / `jsconfig.json` (`compilerOptions.paths`
    /// under `baseUrl`): `("@spacebar/database*", ["src/database*"])`, targets relative to the
    /// root. `extends` is not followed.
    pub ts_paths: Vec<(String, Vec<String>)>,
    /// Rust: a workspace crate the other crates of its workspace take only as a
    /// dev-dependency (`crates_io_test_db`): test support, like a `tests/` folder.
    pub test_support: bool,
    /// Rust: the library crates of the other members of its workspace (`arroyo_operator` for
    /// `crates/arroyo-connectors`): the project's own code, not a dependency's, though the
    /// manifest names them.
    pub workspace_crates: BTreeSet<String>,
    /// TS/JS: the `dev` script runs a file of the project rather than `next dev` (`nodemon -x
    /// ts-node server/index.ts`): a custom server, restarted as a whole process on a change.
    pub custom_dev_server: bool,
    /// npm dependencies' major versions, as their `package.json` ranges start (`^2.6.12` → 2).
    pub dep_majors: std::collections::BTreeMap<String, u32>,
    /// package.json dependencies on packages of the same repository (`workspace:^`, `file:…`,
    /// `link:…`): the project's own code, not a library's.
    pub workspace_deps: BTreeSet<String>,
    /// Transaction-mode poolers the project configures itself: a `pgbouncer.ini` (at the root or
    /// two folders down) whose `pool_mode` is `transaction` or `statement`, with the port it
    /// listens on (see [`crate::pgbouncer::project_poolers`]).
    pub transaction_poolers: Vec<crate::pgbouncer::ProjectPooler>,
    /// npm: the package's `peerDependencies`: the hosts that load it (a Babel or Rollup plugin
    /// names `@babel/core` or `rollup`). A package with any is a plugin of its host.
    pub plugin_hosts: BTreeSet<String>,
    /// A function platform's spec names an exported function its entry, called per event: a
    /// Nuclio `function.yaml` (`kind: NuclioFunction`, `handler: main:handler`).
    pub function_spec: bool,
}

/// Does `base` hold a Python package or module named `top` (`top/`, `top.py`)?
fn holds_py_module(base: &Path, top: &str) -> bool {
    base.join(top).is_dir() || base.join(format!("{top}.py")).is_file()
}

/// `package.json` scripts that run the application rather than a one-off job: `start`, `dev`,
/// `serve`, `preview`, `watch`, and their variants (`start:prod`, `dev:server`).
const APP_SCRIPTS: &[&str] = &["start", "dev", "serve", "server", "preview", "watch"];

/// The major version a dependency range starts with: `^2.6.12`, `~2.7`, `2.x`, `>=3.0.0` → the
/// first number; `latest`, `workspace:*`, a URL → none.
fn major_of(range: &str) -> Option<u32> {
    let digits: String = range
        .trim()
        .trim_start_matches(['^', '~', '=', '>', '<', 'v', ' '])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The JS/TS files a script's command runs (a token with a JS/TS extension that is not a flag's
/// value: `tsx -r dotenv/config ./server/db/reset.ts` → `server/db/reset.ts`).
fn script_files(command: &str) -> Vec<String> {
    const EXTS: &[&str] = &[".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];
    // What runs a file (`node scripts/seed.js`, `npx tsx src/backfill.ts`); another tool given
    // a file (`pd publish components/x.mjs`, `eslint src/a.ts`) does not run it.
    const RUNNERS: &[&str] = &[
        "node",
        "tsx",
        "ts-node",
        "ts-node-esm",
        "bun",
        "deno",
        "esno",
        "esrun",
        "vite-node",
        "babel-node",
        "node-ts",
        "zx",
        "jiti",
        "sucrase-node",
        "swc-node",
        "tsm",
    ];
    let mut out = Vec::new();
    let is_code = |t: &str| EXTS.iter().any(|e| t.ends_with(e)) && !t.contains("://");
    for part in command.split(['&', ';', '|']) {
        let mut after_flag = false;
        let mut after_config = false;
        let mut runner = false;
        for tok in part.split_whitespace() {
            let tok = tok.trim_matches(['"', '\'', '`']);
            if tok.starts_with('-') {
                // `--config x.ts`, `-r x`: the next token is the flag's value.
                after_flag = !tok.contains('=');
                // A tool's configuration module (`better-auth generate --config ./auth.cli.ts`)
                // is loaded by that tool's process: a one-off, like a script it runs.
                after_config = after_flag && tok == "--config";
                if let Some(v) = tok.strip_prefix("--config=")
                    && is_code(v)
                {
                    out.push(v.trim_start_matches("./").to_string());
                }
                continue;
            }
            if std::mem::take(&mut after_config) && is_code(tok) {
                out.push(tok.trim_start_matches("./").to_string());
            }
            let value = std::mem::take(&mut after_flag);
            let base = tok.rsplit('/').next().unwrap_or(tok);
            if RUNNERS.contains(&base) {
                runner = true;
                continue;
            }
            if !value && runner && is_code(tok) {
                out.push(tok.trim_start_matches("./").to_string());
            }
        }
    }
    out
}

/// A manifest the project context could not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestProblem {
    /// The manifest's file name (`package.json`, …), in the project root.
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

const WEB_FRAMEWORKS: &[&str] = &[
    // JS
    "next",
    "express",
    "koa",
    "fastify",
    "hono",
    "@nestjs/core",
    "@remix-run/node",
    "@sveltejs/kit",
    "nuxt",
    "react",
    "react-dom",
    "@trpc/server",
    "elysia",
    // Python
    "fastapi",
    "flask",
    "django",
    "starlette",
    "aiohttp",
    "celery",
    "sanic",
    "litestar",
    "quart",
    "tornado",
    "djangorestframework",
    "mangum",
    // Rust
    "axum",
    "actix-web",
    "rocket",
    "warp",
    "tonic",
    "poem",
    "lambda_runtime",
    "lambda_http",
];

impl Project {
    /// A project with no manifest (tests, single files).
    pub fn detached(root: PathBuf) -> Self {
        Project {
            root,
            application: true,
            ..Default::default()
        }
    }

    /// A synthetic project for tests and in-memory checks.
    pub fn with_deps(deps: &[&str]) -> Self {
        let mut p = Project::detached(PathBuf::from("."));
        p.deps = deps.iter().map(|d| normalise_dep(d)).collect();
        p.nextjs = p.deps.contains("next");
        p
    }

    pub fn has_dep(&self, name: &str) -> bool {
        self.deps.contains(&normalise_dep(name))
    }

    /// Python: is `top` (an import's top-level package) provided by a dependency whose
    /// distribution name extends it (`llama_index` by `llama-index-core`, `google` by
    /// `google-cloud-storage`)? Namespace packages ship in many distributions.
    pub fn has_dep_family(&self, top: &str) -> bool {
        if self.has_dep(top) {
            return true;
        }
        let prefix = format!("{}-", normalise_dep(top));
        let family = self
            .deps
            .range(prefix.clone()..)
            .next()
            .is_some_and(|d| d.starts_with(&prefix));
        // Not when the project has a package of that name itself (`api/` beside `api-client`).
        family
            && !["", "src"]
                .iter()
                .any(|d| holds_py_module(&self.root.join(d), top))
    }

    /// Python: does the project hold a package or module named `top` where an absolute import
    /// of the file at `rel` finds it: at the root (or the two folders above it), under `src/`,
    /// or beside the file or one of its folders (a script's sibling modules)? An import of
    /// anything else comes from what the environment provides (StackStorm's `st2reactor`,
    /// Zope, a platform's SDK), a dependency whether or not a manifest names it.
    pub fn has_py_package(&self, top: &str, rel: &str) -> bool {
        let here = |base: &Path| holds_py_module(base, top);
        // (The root may be the package itself, `openlibrary/setup.py`: its folder and those
        // above it count.)
        if self.root.ancestors().take(3).any(here) || here(&self.root.join("src")) {
            return true;
        }
        let mut dir = Path::new(rel).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            if here(&self.root.join(d)) {
                return true;
            }
            dir = d.parent();
        }
        false
    }

    /// Rust: is `name` (a path's first segment) a crate of a dependency: named in the manifest,
    /// or the library of a package whose name extends it (`rig` of `rig-core`)? The test of
    /// [`Project::has_dep_family`].
    pub fn has_crate(&self, name: &str) -> bool {
        // (A package named `lib<name>` often names its library `<name>`: libcosmic's `cosmic`.)
        self.has_dep_family(name) || self.has_dep(&format!("lib{name}"))
    }

    /// Is `dir` a project root (does it hold a manifest)?
    pub fn is_root(dir: &Path) -> bool {
        ROOT_FILES.iter().any(|m| dir.join(m).is_file())
    }

    /// Read the manifests in `root`. Unreadable or malformed manifests are skipped: a broken
    /// `package.json` must not stop the lint of the sources.
    pub fn load(root: &Path) -> Project {
        let mut p = Project {
            root: root.to_path_buf(),
            ..Default::default()
        };
        let mut private = false;
        let mut declares_api = false;
        let mut has_binary = false;
        let (mut netlify, mut netlify_functions) = (false, false);
        if let Some(text) = read_or_note(root, "package.json", &mut p.problems) {
            p.manifests.push("package.json".into());
            let parsed = serde_json::from_str::<serde_json::Value>(&text);
            if let Err(e) = &parsed {
                p.problems.push(ManifestProblem {
                    file: "package.json".into(),
                    line: u32::try_from(e.line()).ok(),
                    column: u32::try_from(e.column()).ok(),
                    message: format!(
                        "malformed package.json ({e}); the project's dependencies are unknown"
                    ),
                });
            }
            if let Ok(json) = parsed {
                for key in [
                    "dependencies",
                    "devDependencies",
                    "peerDependencies",
                    "optionalDependencies",
                ] {
                    match json.get(key) {
                        Some(serde_json::Value::Object(obj)) => {
                            p.deps.extend(obj.keys().map(|k| normalise_dep(k)));
                            if key == "peerDependencies" {
                                p.plugin_hosts.extend(obj.keys().map(|k| normalise_dep(k)));
                            }
                            for (name, range) in obj {
                                if let Some(major) = range.as_str().and_then(major_of) {
                                    p.dep_majors.insert(normalise_dep(name), major);
                                }
                                if range.as_str().is_some_and(|r| {
                                    ["workspace:", "file:", "link:", "portal:"]
                                        .iter()
                                        .any(|w| r.starts_with(w))
                                }) {
                                    p.workspace_deps.insert(normalise_dep(name));
                                }
                            }
                        }
                        None | Some(serde_json::Value::Null) => {}
                        // `"dependencies": ["next", 5]`: npm would refuse it; so do the rules.
                        Some(_) => p.problems.push(ManifestProblem {
                            file: "package.json".into(),
                            line: None,
                            column: None,
                            message: format!(
                                "`{key}` in package.json is not an object of package names and versions; it is ignored"
                            ),
                        }),
                    }
                }
                if let Some(serde_json::Value::Object(scripts)) = json.get("scripts") {
                    for (name, cmd) in scripts {
                        let base = name.split(':').next().unwrap_or(name);
                        if name == "dev"
                            && let Some(cmd) = cmd.as_str()
                        {
                            p.custom_dev_server =
                                !cmd.contains("next dev") && !script_files(cmd).is_empty();
                        }
                        if APP_SCRIPTS.contains(&base) {
                            continue;
                        }
                        if let Some(cmd) = cmd.as_str() {
                            p.script_files.extend(script_files(cmd));
                        }
                    }
                }
                // A private package is an application, unless it declares what it exports to
                // the other packages of its workspace (`exports`, `types`): a library.
                let library = ["exports", "types", "typings"]
                    .iter()
                    .any(|k| json.get(*k).is_some());
                declares_api = library;
                private = !library
                    && json
                        .get("private")
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false);
            }
        }
        for name in ["tsconfig.json", "jsconfig.json"] {
            if p.ts_paths.is_empty()
                && let Some(text) = read_or_note(root, name, &mut p.problems)
            {
                // The JSON5 parser recurses: a hostile file nested thousands deep would
                // overflow the stack, so such a file is refused before it is parsed.
                let parsed = if nesting_depth(&text) > MAX_JSON_DEPTH {
                    Err(format!("nested more than {MAX_JSON_DEPTH} levels deep"))
                } else {
                    json5::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
                };
                match parsed {
                    Ok(doc) => p.ts_paths = ts_paths(&doc),
                    Err(e) => p.problems.push(ManifestProblem {
                        file: name.into(),
                        line: None,
                        column: None,
                        message: format!(
                            "malformed {name} ({e}); its path aliases are not followed"
                        ),
                    }),
                }
            }
        }
        if let Some(text) = read_or_note(root, "pyproject.toml", &mut p.problems) {
            p.manifests.push("pyproject.toml".into());
            let parsed = toml::from_str::<toml::Table>(&text);
            if let Err(e) = &parsed {
                p.problems.push(toml_problem("pyproject.toml", &text, e));
            }
            if let Ok(doc) = parsed {
                collect_pyproject_deps(&doc, &mut p.deps);
                if doc.get("project").and_then(|v| v.get("scripts")).is_some() {
                    has_binary = true;
                }
                p.entry_points = python_entry_points(&doc);
            }
        }
        if let Some(text) = read(root, "Procfile") {
            p.entry_points.extend(app_factories(&text));
        }
        if let Ok(entries) = std::fs::read_dir(root) {
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(String::from))
                .collect();
            names.sort();
            for name in &names {
                if name.starts_with("requirements")
                    && name.ends_with(".txt")
                    && let Some(text) = read(root, name)
                {
                    p.manifests.push(name.clone());
                    p.deps.extend(text.lines().filter_map(requirement_name));
                }
                if name.starts_with("next.config.") {
                    p.nextjs = true;
                }
                // A `netlify.toml` that only publishes a static site (a docs folder) runs no
                // code: serverless only with functions or a framework Netlify runs as functions.
                if name == "netlify.toml" {
                    netlify_functions |= read(root, name).is_some_and(|t| t.contains("functions"))
                        || root.join("netlify/functions").is_dir();
                    netlify = true;
                }
                if matches!(
                    name.as_str(),
                    "vercel.json"
                        | "serverless.yml"
                        | "serverless.yaml"
                        | "template.yaml"
                        | "samconfig.toml"
                ) {
                    p.serverless = true;
                }
                if matches!(name.as_str(), "function.yaml" | "function.yml") {
                    p.function_spec |=
                        read(root, name).is_some_and(|t| t.contains("NuclioFunction"));
                }
            }
            if names.iter().any(|n| n == "setup.py") {
                p.manifests.push("setup.py".into());
            }
        }
        if let Some(text) = read_or_note(root, "Cargo.toml", &mut p.problems) {
            p.manifests.push("Cargo.toml".into());
            let parsed = toml::from_str::<toml::Table>(&text);
            if let Err(e) = &parsed {
                p.problems.push(toml_problem("Cargo.toml", &text, e));
            }
            if let Ok(doc) = parsed {
                for key in ["dependencies", "dev-dependencies", "build-dependencies"] {
                    if let Some(t) = doc.get(key).and_then(|v| v.as_table()) {
                        p.deps.extend(t.keys().map(|k| normalise_dep(k)));
                    }
                }
                if let Some(t) = doc
                    .get("workspace")
                    .and_then(|w| w.get("dependencies"))
                    .and_then(|v| v.as_table())
                {
                    p.deps.extend(t.keys().map(|k| normalise_dep(k)));
                }
                if doc.get("bin").is_some() {
                    has_binary = true;
                }
                if root.join("src/lib.rs").is_file() {
                    p.lib_crate = lib_name(&doc);
                }
                if let Some(name) = doc
                    .get("package")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                {
                    (p.test_support, p.workspace_crates) = membership(root, name);
                }
            }
            if root.join("src/main.rs").is_file() || root.join("src/bin").is_dir() {
                has_binary = true;
            }
        }
        p.nextjs |= p.deps.contains("next");
        p.serverless |= netlify
            && (netlify_functions
                || p.nextjs
                || ["@remix-run/node", "@sveltejs/kit", "nuxt", "astro"]
                    .iter()
                    .any(|f| p.deps.contains(*f)));
        p.serverless |= p.deps.iter().any(|d| {
            d.starts_with("@vercel/")
                || d == "mangum"
                || d == "lambda_runtime"
                || d == "lambda_http"
                || d == "@netlify/functions"
                // The Serverless Framework and its plugins (`serverless-offline`, …).
                || d == "serverless"
                || d.starts_with("serverless-")
        });
        let framework = WEB_FRAMEWORKS
            .iter()
            .any(|f| p.deps.contains(&normalise_dep(f)));
        // A package that declares what it exports (`exports`, `types`) is a library even when
        // it depends on a framework (a workspace's shared package with React components or
        // Express middleware): what it hands out is used by other packages. A Next.js app is
        // never one.
        p.application = if declares_api && !p.nextjs {
            has_binary
        } else {
            framework
                || has_binary
                || private
                || p.manifests.iter().any(|m| m.starts_with("requirements"))
        };
        p.transaction_poolers = crate::pgbouncer::project_poolers(root);
        p
    }
}

/// The files that hold connlint's configuration (besides a `pyproject.toml` with
/// `[tool.connlint]`), in the order they are looked for; `config` reads them.
pub const CONFIG_FILES: [&str; 2] = ["connlint.toml", ".connlint.toml"];

/// The files that make a directory a project root (see [`Project::is_root`]).
pub const ROOT_FILES: [&str; 5] = [
    "package.json",
    "pyproject.toml",
    "setup.py",
    "Cargo.toml",
    "requirements.txt",
];

/// Read a manifest; one that exists but cannot be read is noted in `problems`.
fn read_or_note(root: &Path, name: &str, problems: &mut Vec<ManifestProblem>) -> Option<String> {
    let path = root.join(name);
    if !path.is_file() {
        return None;
    }
    let text = read(root, name);
    if text.is_none() {
        let why = match crate::readfile::read_regular_text(&path, crate::readfile::MAX_AUX_READ) {
            Err(e) => format!("cannot read {name}: {e}"),
            Ok(_) => format!("{name} is over 4 MiB"),
        };
        problems.push(ManifestProblem {
            file: name.into(),
            line: None,
            column: None,
            message: format!("{why}; the project's dependencies are unknown"),
        });
    }
    text
}

fn toml_problem(file: &str, text: &str, e: &toml::de::Error) -> ManifestProblem {
    let at = e.span().map(|s| {
        let before = &text[..s.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    });
    ManifestProblem {
        file: file.into(),
        line: at.and_then(|(l, _)| u32::try_from(l).ok()),
        column: at.and_then(|(_, c)| u32::try_from(c).ok()),
        message: format!(
            "malformed {file} ({}); the project's dependencies are unknown",
            e.message().trim()
        ),
    }
}

fn read(root: &Path, name: &str) -> Option<String> {
    let path = root.join(name);
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > 4 * 1024 * 1024 {
        return None;
    }
    crate::readfile::read_regular_text(&path, 4 * 1024 * 1024).ok()
}

/// Lower-case; Python's `_`/`.` become `-` (PEP 503), so `SQLAlchemy` ≡ `sqlalchemy`.
/// The deepest a tsconfig may nest (real ones nest three or four levels).
const MAX_JSON_DEPTH: usize = 64;

/// How deep `{` / `[` nest in a JSON5 text, strings and comments aside (a cheap bound checked
/// before parsing).
fn nesting_depth(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    max
}

/// `compilerOptions.paths` of a tsconfig, each target joined to `baseUrl` and normalised
/// (`./src/*` → `src/*`).
fn ts_paths(doc: &serde_json::Value) -> Vec<(String, Vec<String>)> {
    let opts = doc.get("compilerOptions");
    let base = opts
        .and_then(|o| o.get("baseUrl"))
        .and_then(|b| b.as_str())
        .unwrap_or(".");
    let Some(paths) = opts
        .and_then(|o| o.get("paths"))
        .and_then(|p| p.as_object())
    else {
        return Vec::new();
    };
    let join = |t: &str| -> Option<String> {
        let mut out: Vec<&str> = Vec::new();
        for seg in base.split('/').chain(t.split('/')) {
            match seg {
                "" | "." => {}
                ".." => {
                    out.pop()?;
                }
                s => out.push(s),
            }
        }
        Some(out.join("/"))
    };
    paths
        .iter()
        .filter_map(|(pattern, targets)| {
            let targets: Vec<String> = targets
                .as_array()?
                .iter()
                .filter_map(|t| t.as_str().and_then(join))
                .collect();
            (!targets.is_empty()).then(|| (pattern.clone(), targets))
        })
        .collect()
}

/// The application factories a process command calls (`gunicorn 'shop.web:make_wsgi()'`,
/// `uvicorn --factory shop.main:build`, `flask --app 'shop:create_app()' run`): the server
/// calls each once per worker process, as `(module, function)`. (Not a target without the call
/// or `--factory`: `gunicorn shop.wsgi:application` names the callable run per request.)
fn app_factories(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let factory_flag = line.split_whitespace().any(|w| w == "--factory");
        for word in line.split(|c: char| c.is_whitespace() || c == '\'' || c == '"' || c == '=') {
            let Some((module, rest)) = word.split_once(':') else {
                continue;
            };
            let (func, called) = match rest.split_once('(') {
                Some((f, _)) => (f, true),
                None => (rest, false),
            };
            let ident = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
            };
            if (called || factory_flag)
                && ident(module)
                && ident(func)
                && module.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && !func.contains('.')
            {
                out.push((module.to_string(), func.to_string()));
            }
        }
    }
    out
}

/// `module:function` targets of a pyproject's console and GUI scripts.
fn python_entry_points(doc: &toml::Table) -> Vec<(String, String)> {
    let tables = [
        doc.get("project").and_then(|v| v.get("scripts")),
        doc.get("project").and_then(|v| v.get("gui-scripts")),
        doc.get("tool")
            .and_then(|v| v.get("poetry"))
            .and_then(|v| v.get("scripts")),
    ];
    let mut out = Vec::new();
    for t in tables.into_iter().flatten() {
        let Some(t) = t.as_table() else { continue };
        for v in t.values() {
            // Poetry also takes `{ callable = "pkg.mod:fn" }`.
            let target = v
                .as_str()
                .or_else(|| v.get("callable").and_then(|c| c.as_str()));
            if let Some((module, func)) = target.and_then(|s| s.split_once(':')) {
                let func = func.split(['.', ' ', '[']).next().unwrap_or(func).trim();
                if !module.trim().is_empty() && !func.is_empty() {
                    out.push((module.trim().to_string(), func.to_string()));
                }
            }
        }
    }
    out
}

/// Is a Python file at `rel` (relative to the project root, `/` separators) the module `module`
/// (`app.cli` for `app/cli.py`, `src/app/cli.py` or `app/cli/__init__.py`)?
pub fn is_python_module(rel: &str, module: &str) -> bool {
    let path = module.replace('.', "/");
    let stem = rel
        .strip_suffix("/__init__.py")
        .or_else(|| rel.strip_suffix(".py"));
    stem.is_some_and(|s| {
        s == path
            || (s.len() > path.len()
                && s.ends_with(path.as_str())
                && s.as_bytes()[s.len() - path.len() - 1] == b'/')
    })
}

pub fn normalise_dep(name: &str) -> String {
    if name.starts_with('@') {
        return name.to_ascii_lowercase();
    }
    name.to_ascii_lowercase().replace(['_', '.'], "-")
}

/// `SQLAlchemy[asyncio]>=2.0 ; python_version > "3.8"` → `sqlalchemy`.
fn requirement_name(line: &str) -> Option<String> {
    let line = line.split('#').next()?.trim();
    if line.is_empty() || line.starts_with('-') {
        return None;
    }
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .unwrap_or(line.len());
    let name = &line[..end];
    (!name.is_empty()).then(|| normalise_dep(name))
}

fn collect_pyproject_deps(doc: &toml::Table, out: &mut BTreeSet<String>) {
    let project = doc.get("project");
    if let Some(arr) = project
        .and_then(|p| p.get("dependencies"))
        .and_then(|v| v.as_array())
    {
        out.extend(
            arr.iter()
                .filter_map(|v| v.as_str())
                .filter_map(requirement_name),
        );
    }
    if let Some(t) = project
        .and_then(|p| p.get("optional-dependencies"))
        .and_then(|v| v.as_table())
    {
        for arr in t.values().filter_map(|v| v.as_array()) {
            out.extend(
                arr.iter()
                    .filter_map(|v| v.as_str())
                    .filter_map(requirement_name),
            );
        }
    }
    if let Some(t) = doc.get("dependency-groups").and_then(|v| v.as_table()) {
        for arr in t.values().filter_map(|v| v.as_array()) {
            out.extend(
                arr.iter()
                    .filter_map(|v| v.as_str())
                    .filter_map(requirement_name),
            );
        }
    }
    // Poetry
    let poetry = doc.get("tool").and_then(|t| t.get("poetry"));
    for key in ["dependencies", "dev-dependencies"] {
        if let Some(t) = poetry.and_then(|p| p.get(key)).and_then(|v| v.as_table()) {
            out.extend(
                t.keys()
                    .filter(|k| *k != "python")
                    .map(|k| normalise_dep(k)),
            );
        }
    }
    if let Some(groups) = poetry
        .and_then(|p| p.get("group"))
        .and_then(|v| v.as_table())
    {
        for g in groups.values() {
            if let Some(t) = g.get("dependencies").and_then(|v| v.as_table()) {
                out.extend(t.keys().map(|k| normalise_dep(k)));
            }
        }
    }
    // The project itself, named in its own extras (`"private-gpt[sdk-openai]"` in private-gpt's
    // `optional-dependencies`), is not a dependency: its package is the project's own code.
    if let Some(name) = project.and_then(|p| p.get("name")).and_then(|v| v.as_str()) {
        out.remove(&normalise_dep(name));
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn major_versions_from_ranges() {
        assert_eq!(major_of("^2.6.12"), Some(2));
        assert_eq!(major_of("~3.4"), Some(3));
        assert_eq!(major_of(">=10.0.0"), Some(10));
        assert_eq!(major_of("2.x"), Some(2));
        assert_eq!(major_of("latest"), None);
        assert_eq!(major_of("workspace:*"), None);
    }

    use super::*;

    #[test]
    #[allow(clippy::unwrap_used)]
    fn own_extras_are_not_dependencies() {
        let doc: toml::Table = toml::from_str(
            "[project]\nname = \"private-gpt\"\ndependencies = [\"qdrant-client\"]\n\
             [project.optional-dependencies]\nllm = [\"private_gpt[sdk]\", \"openai\"]\n",
        )
        .unwrap();
        let mut deps = BTreeSet::new();
        collect_pyproject_deps(&doc, &mut deps);
        assert!(deps.contains("qdrant-client") && deps.contains("openai"));
        assert!(!deps.contains("private-gpt"), "{deps:?}");
    }

    #[test]
    fn files_a_script_runs() {
        assert_eq!(
            script_files("tsx -r dotenv/config ./server/db/reset.ts && node dist/x.mjs"),
            ["server/db/reset.ts", "dist/x.mjs"]
        );
        // A flag's value is not what the command runs; a tool's configuration module is loaded
        // by the tool's own process.
        assert!(script_files("tsx -r ./preload.ts").is_empty());
        assert_eq!(
            script_files("drizzle-kit generate --config ./drizzle.config.ts"),
            ["drizzle.config.ts"]
        );
        assert_eq!(
            script_files("pnpm dlx @better-auth/cli generate --config=auth.cli.ts --yes"),
            ["auth.cli.ts"]
        );
        assert_eq!(script_files("node --import=tsx \"seed.ts\""), ["seed.ts"]);
        // A tool given a file does not run it: `pd publish` uploads a Pipedream component.
        assert!(script_files("pd publish components/app/sources/new/new.mjs").is_empty());
        assert_eq!(
            script_files("npx tsx scripts/backfill.ts"),
            ["scripts/backfill.ts"]
        );
    }

    #[test]
    fn procfile_app_factories() {
        let text = "web: gunicorn --workers 3 'shop.web:make_wsgi()'\n\
                    api: uvicorn --factory shop.api:build --port $PORT\n\
                    old: gunicorn shop.wsgi:application\n\
                    worker: python -m shop.worker\n";
        assert_eq!(
            app_factories(text),
            [
                ("shop.web".to_string(), "make_wsgi".to_string()),
                ("shop.api".to_string(), "build".to_string())
            ]
        );
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn app_scripts_name_no_script_files() {
        let dir = std::env::temp_dir().join(format!("connlint-scripts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("package.json"),
            r#"{"scripts": {"dev": "tsx watch server.ts", "start:prod": "node server.js", "db:seed": "tsx db/seed.ts"}}"#,
        )
        .unwrap();
        let p = Project::load(&dir);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(p.script_files, ["db/seed.ts"]);
    }

    #[test]
    fn nesting_depth_skips_strings_and_comments() {
        assert_eq!(
            nesting_depth(
                r#"{"a": [1, {"b": "[[[{"}], // [[[
        /* {{{ */ "c": '\'{'}"#
            ),
            3
        );
        assert_eq!(nesting_depth(&"[".repeat(100_000)), 100_000);
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn console_scripts_are_entry_points() {
        let doc: toml::Table = toml::from_str(
            r#"
[project.scripts]
app = "app.cli:run"
[project.gui-scripts]
viewer = "app.gui:main [extra]"
[tool.poetry.scripts]
worker = { callable = "app.worker:start" }
broken = "no-colon"
"#,
        )
        .unwrap();
        let mut got = python_entry_points(&doc);
        got.sort();
        assert_eq!(
            got,
            [
                ("app.cli".to_string(), "run".to_string()),
                ("app.gui".to_string(), "main".to_string()),
                ("app.worker".to_string(), "start".to_string()),
            ]
        );
        assert!(is_python_module("src/app/cli.py", "app.cli"));
        assert!(is_python_module("app/cli/__init__.py", "app.cli"));
        assert!(!is_python_module("src/myapp/cli.py", "app.cli"));
        assert!(!is_python_module("app/cli.ts", "app.cli"));
    }

    #[test]
    fn requirement_lines() {
        assert_eq!(
            requirement_name("SQLAlchemy[asyncio]>=2.0"),
            Some("sqlalchemy".into())
        );
        assert_eq!(
            requirement_name("psycopg2_binary==2.9 # pinned"),
            Some("psycopg2-binary".into())
        );
        assert_eq!(requirement_name("-r base.txt"), None);
        assert_eq!(requirement_name("   "), None);
    }

    #[test]
    fn serverless_framework_plugins_mark_serverless() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join("package.json"),
            r#"{"name":"lambdas","dependencies":{"@prisma/client":"6"},"devDependencies":{"serverless-offline":"14"}}"#,
        )?;
        assert!(Project::load(dir.path()).serverless);
        std::fs::write(
            dir.path().join("package.json"),
            r#"{"name":"api","dependencies":{"express":"4"}}"#,
        )?;
        assert!(!Project::load(dir.path()).serverless);
        Ok(())
    }

    #[test]
    fn workspace_members_are_the_projects_own_crates() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let ws = dir.path();
        std::fs::write(
            ws.join("Cargo.toml"),
            "[workspace]\nmembers = [\"crates/*\"]\n",
        )?;
        for (name, manifest) in [
            ("operator", "[package]\nname = \"flow-operator\"\n"),
            (
                "codec",
                "[package]\nname = \"flow-codec\"\n[lib]\nname = \"codec\"\n",
            ),
            (
                "connectors",
                "[package]\nname = \"flow-connectors\"\n[dependencies]\n\
                 flow-operator = { path = \"../operator\" }\nredis = \"0.27\"\n",
            ),
        ] {
            std::fs::create_dir_all(ws.join("crates").join(name))?;
            std::fs::write(ws.join("crates").join(name).join("Cargo.toml"), manifest)?;
        }
        let p = Project::load(&ws.join("crates/connectors"));
        assert!(p.has_crate("flow_operator") && p.has_crate("redis"));
        assert!(
            p.workspace_crates.contains("flow_operator"),
            "{:?}",
            p.workspace_crates
        );
        assert!(p.workspace_crates.contains("codec"));
        assert!(
            !p.workspace_crates.contains("flow_connectors")
                && !p.workspace_crates.contains("redis")
        );
        // A crate alone has no siblings.
        let alone = tempfile::tempdir()?;
        std::fs::write(
            alone.path().join("Cargo.toml"),
            "[package]\nname = \"solo\"\n",
        )?;
        assert!(Project::load(alone.path()).workspace_crates.is_empty());
        Ok(())
    }

    #[test]
    fn a_netlify_site_without_functions_is_not_serverless() -> Result<(), Box<dyn std::error::Error>>
    {
        // A Python app whose `netlify.toml` publishes its documentation (mealie's).
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join("pyproject.toml"),
            "[project]\nname='x'\ndependencies=['fastapi', 'SQLAlchemy>=2']\n",
        )?;
        std::fs::write(
            dir.path().join("netlify.toml"),
            "[build]\npublish = \"docs/site/\"\ncommand = \"mkdocs build\"\n",
        )?;
        assert!(!Project::load(dir.path()).serverless);
        std::fs::write(
            dir.path().join("netlify.toml"),
            "[build]\npublish = \"dist\"\n[functions]\ndirectory = \"netlify/functions\"\n",
        )?;
        assert!(Project::load(dir.path()).serverless);
        let next = tempfile::tempdir()?;
        std::fs::write(
            next.path().join("package.json"),
            r#"{"dependencies":{"next":"15"}}"#,
        )?;
        std::fs::write(
            next.path().join("netlify.toml"),
            "[build]\npublish = \".next\"\n",
        )?;
        assert!(Project::load(next.path()).serverless);
        Ok(())
    }

    #[test]
    fn python_packages_the_project_holds() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let root = dir.path().join("pack");
        std::fs::create_dir_all(root.join("lib"))?;
        std::fs::create_dir_all(root.join("src/app"))?;
        std::fs::create_dir_all(root.join("sensors"))?;
        std::fs::write(root.join("sensors/helpers.py"), "")?;
        std::fs::write(root.join("requirements.txt"), "pymongo\n")?;
        let p = Project::load(&root);
        let rel = "sensors/queue.py";
        assert!(p.has_py_package("lib", rel));
        assert!(p.has_py_package("app", rel));
        assert!(p.has_py_package("helpers", rel));
        // The root itself, when it is the package (`openlibrary/setup.py`).
        assert!(p.has_py_package("pack", rel));
        assert!(!p.has_py_package("st2reactor", rel));
        Ok(())
    }

    #[test]
    fn a_nuclio_spec_names_a_function_entry() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join("function.yaml"),
            "apiVersion: nuclio.io/v1\nkind: NuclioFunction\nspec:\n  handler: main:handler\n",
        )?;
        assert!(Project::load(dir.path()).function_spec);
        let other = tempfile::tempdir()?;
        std::fs::write(other.path().join("function.yaml"), "name: lint\n")?;
        assert!(!Project::load(other.path()).function_spec);
        Ok(())
    }

    #[test]
    fn a_lib_prefixed_package_provides_its_crate() {
        // libcosmic's library is `cosmic`: `use cosmic::Application` names a dependency.
        let p = Project::with_deps(&["libcosmic", "reqwest"]);
        assert!(p.has_crate("cosmic") && p.has_crate("reqwest"));
        assert!(!p.has_crate("iced"));
    }

    #[test]
    fn loads_manifests() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join("package.json"),
            r#"{"name":"web","dependencies":{"next":"15","@prisma/client":"6"}}"#,
        )?;
        std::fs::write(dir.path().join("vercel.json"), "{}")?;
        let p = Project::load(dir.path());
        assert!(p.nextjs && p.serverless && p.application);
        assert!(p.has_dep("@prisma/client"));

        let lib = tempfile::tempdir()?;
        std::fs::write(
            lib.path().join("pyproject.toml"),
            "[project]\nname='x'\ndependencies=['SQLAlchemy>=2']\n",
        )?;
        let p = Project::load(lib.path());
        assert!(p.has_dep("sqlalchemy") && !p.application && !p.nextjs);

        // A workspace package that declares its exports is a library, React dependency or not;
        // a Next.js app stays an application whatever it declares.
        let shared = tempfile::tempdir()?;
        std::fs::write(
            shared.path().join("package.json"),
            r#"{"name":"@acme/shared","private":true,"exports":{".":"./src/index.ts"},"dependencies":{"react":"19"}}"#,
        )?;
        assert!(!Project::load(shared.path()).application);
        let app = tempfile::tempdir()?;
        std::fs::write(
            app.path().join("package.json"),
            r#"{"name":"web","private":true,"types":"./next-env.d.ts","dependencies":{"next":"15"}}"#,
        )?;
        assert!(Project::load(app.path()).application);

        let broken = tempfile::tempdir()?;
        std::fs::write(broken.path().join("package.json"), "{ not json")?;
        let p = Project::load(broken.path());
        assert!(p.deps.is_empty());
        Ok(())
    }
}

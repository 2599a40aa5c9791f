//! One language's catalogue, indexed for lookup: which entry a module, a constructor or a
//! method belongs to.

use super::*;

/// The catalogue of one language family.
#[derive(Debug, Clone, Default)]
pub struct LangCatalog {
    pub clients: Vec<ClientDef>,
    /// Effect acquire / release pairs (TS/JS).
    pub effects: Vec<EffectPairDef>,
    /// DOM event types by target (TS), first match wins.
    pub dom_events: Vec<DomEventDef>,
    /// The schemes of connection URLs (from `databases.toml`, copied into each language's
    /// catalogue for its front-end).
    pub url_schemes: Vec<String>,
    /// Option keys (the last segment) whose value is the connection URL (`connectionString`,
    /// `dsn`).
    pub url_options: Vec<String>,
    /// Methods whose result keeps the client alive (Rust: mongodb's `client.database(..)`):
    /// returning it hands the client over.
    pub deriving_methods: Vec<String>,
    /// Config constructors that take options by position.
    pub positional_options: Vec<PositionalOptionsDef>,
    /// Methods that release a value whose library is unknown (what a project helper returns):
    /// the catalogue file's top-level `generic_release`.
    pub generic_release: Vec<String>,
    /// Calls whose callback runs once per event (see [`RegistrationDef`]).
    pub registration: RegistrationDef,
    /// Component models with mount and unmount methods (TS, see [`LifecycleDef`]).
    pub lifecycles: Vec<LifecycleDef>,
    /// Calls that mount an application's root component (TS, see [`RootMountDef`]).
    pub root_mounts: Vec<RootMountDef>,
    /// What makes an element the component's own (TS, see [`OwnedElementsDef`]).
    pub owned_elements: OwnedElementsDef,
    /// Frameworks that re-run a script on every interaction (see [`RerunDef`]).
    pub rerun: RerunDef,
    /// Families of which a project may well hold several long-lived clients (HTTP clients, AWS
    /// SDK clients, Redis connections): `duplicate-client-module` leaves them alone.
    pub duplicates_ok_families: Vec<String>,
    /// Methods that put a client in subscriber mode or take a subscriber connection from it
    /// (`sub.subscribe(…)`, `client.get_async_pubsub()`): a module calling one on its client
    /// needs that client of its own.
    pub subscriber_methods: Vec<String>,
    /// Options, written without spaces, that dedicate a client to one job (ioredis's
    /// `maxRetriesPerRequest:null`, which BullMQ requires of its workers' connections): such
    /// a client is no module's general client, and `duplicate-client-module` leaves it alone.
    pub dedicated_options: Vec<String>,
    /// The database families that family `sql` (a client for any SQL database: an ORM, bb8)
    /// may stand for: `duplicate-client-module` groups an `sql` client with the one such
    /// family's clients on the same database (a bb8 pool and a deadpool pool on `DATABASE_URL`).
    pub sql_families: Vec<String>,
    /// Pool methods that check a connection out (Rust: `pool.acquire()`, `pool.get()`).
    pub checkout_methods: Vec<String>,
    /// Rust: the types of a single connection a function may be handed (`postgres::Client`,
    /// `sqlx::PgConnection`), as `crate::…::Type`: raw SQL that opens session state on such a
    /// parameter and some path leaves open leaves the caller's connection in it.
    pub connection_types: Vec<String>,
    /// Methods that keep what they are given on their receiver (Python:
    /// `clients.register(engine=engine)`): a client handed to one on long-lived state is kept.
    pub store_methods: Vec<String>,
    /// Frameworks that load a folder named like a one-off tree (`scripts/`) as application code
    /// (Hubot's chat scripts): see [`AppFolderDef`].
    pub app_folders: Vec<AppFolderDef>,
    /// Session state raw SQL opens on a connection (from `databases.toml`, copied into each
    /// language's catalogue for its front-end).
    pub session_states: Vec<SessionStateDef>,
    /// Which entries name a module, built on first use from `clients` (change `clients` through
    /// [`LangCatalog::extend`], which drops it).
    pub(super) index: std::sync::OnceLock<ModuleIndex>,
}

/// The entries that give identity to a module: exact names by hash, the few patterns with `*`
/// by scan. Every construction and import is matched against the catalogue, and a scan of every
/// entry's modules for each was 4 % of a run's CPU.
#[derive(Debug, Clone, Default)]
pub(super) struct ModuleIndex {
    pub(super) exact: foldhash::HashMap<String, Vec<usize>>,
    /// A pattern, where its first `*` is, and its entry.
    pub(super) patterns: Vec<(String, usize, usize)>,
    /// Entries by the first `.`-separated segment of their modules (Python: `sqlalchemy` for
    /// `sqlalchemy.ext.asyncio`), in catalogue order.
    pub(super) roots: foldhash::HashMap<String, Vec<usize>>,
}

impl ModuleIndex {
    pub(super) fn new(clients: &[ClientDef]) -> ModuleIndex {
        let mut index = ModuleIndex::default();
        for (i, c) in clients.iter().enumerate() {
            for m in &c.modules {
                let root = index
                    .roots
                    .entry(m.split('.').next().unwrap_or("").to_string())
                    .or_default();
                if root.last() != Some(&i) {
                    root.push(i);
                }
                if let Some(star) = m.find('*') {
                    index.patterns.push((m.clone(), star, i));
                } else {
                    let list = index.exact.entry(m.clone()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        index
    }

    /// The positions in `clients` of the entries naming `module`, in catalogue order.
    pub(super) fn clients(&self, module: &str) -> std::borrow::Cow<'_, [usize]> {
        let exact = self.exact.get(module).map(Vec::as_slice).unwrap_or(&[]);
        let mut wild = self
            .patterns
            .iter()
            // What comes before the first `*` rules out nearly every module, cheaply.
            .filter(|(p, star, _)| module.starts_with(&p[..*star]) && wildcard_match(p, module))
            .map(|(_, _, i)| *i)
            .peekable();
        if wild.peek().is_none() {
            return std::borrow::Cow::Borrowed(exact);
        }
        let mut all: Vec<usize> = exact.iter().copied().chain(wild).collect();
        all.sort_unstable();
        all.dedup();
        std::borrow::Cow::Owned(all)
    }
}

/// How a constructor matched.
#[derive(Debug, Clone, Copy)]
pub struct CtorMatch<'a> {
    pub client: &'a ClientDef,
    pub ctor: &'a CtorDef,
    /// The match is a singleton API (`StreamChat.getInstance`).
    pub singleton: bool,
}

impl LangCatalog {
    /// May a project hold several long-lived clients of entry `def` (of `family`) in different
    /// modules? Yes for the `duplicates_ok_families`, unless the entry is `one_per_process`.
    pub fn duplicates_ok(&self, family: &str, def: Option<&ClientDef>) -> bool {
        self.duplicates_ok_families.iter().any(|f| f == family)
            && !def.is_some_and(|d| d.one_per_process)
    }

    pub fn parse(text: &str) -> Result<LangCatalog, toml::de::Error> {
        let f: CatalogFile = toml::from_str(text)?;
        Ok(LangCatalog {
            clients: f.client,
            effects: f.effect,
            dom_events: f.dom_event,
            url_schemes: Vec::new(),
            url_options: f.url_options,
            deriving_methods: f.deriving_methods,
            positional_options: f.positional_options,
            generic_release: f.generic_release,
            registration: f.registration,
            lifecycles: f.lifecycle,
            root_mounts: f.root_mount,
            owned_elements: f.owned_elements,
            rerun: f.rerun,
            duplicates_ok_families: f.duplicates_ok_families,
            subscriber_methods: f.subscriber_methods,
            dedicated_options: f.dedicated_options,
            sql_families: f.sql_families,
            checkout_methods: f.checkout_methods,
            connection_types: f.connection_types,
            store_methods: f.store_methods,
            app_folders: f.app_folders,
            session_states: Vec::new(),
            index: std::sync::OnceLock::new(),
        })
    }

    /// Rust: is `project` a command-line tool (a `cli_modules` dependency, no `server_modules`
    /// one)? Each run is one invocation, as a script's is.
    pub fn cli_tool(&self, project: &crate::project::Project) -> bool {
        let inferred = &self.registration.inferred;
        !inferred.server_modules.is_empty()
            && inferred.cli_modules.iter().any(|m| project.has_dep(m))
            && !inferred.server_modules.iter().any(|m| project.has_dep(m))
    }

    /// Is the file at `rel` in a folder a dependency of `project` loads as application code
    /// (`scripts/` in a Hubot project), though its name says one-off?
    pub fn app_folder(&self, project: &crate::project::Project, rel: &str) -> bool {
        self.app_folders.iter().any(|a| {
            project.has_dep(&a.dependency)
                && a.folders.iter().any(|f| {
                    rel.strip_prefix(f.as_str())
                        .is_some_and(|r| r.starts_with('/'))
                })
        })
    }

    /// The entries with a module whose first `.`-separated segment is `qualified`'s, in
    /// catalogue order: the only ones whose modules can prefix it.
    pub(super) fn clients_by_root(&self, qualified: &str) -> impl Iterator<Item = &ClientDef> {
        let index = self.index.get_or_init(|| ModuleIndex::new(&self.clients));
        let root = qualified.split('.').next().unwrap_or("");
        index
            .roots
            .get(root)
            .into_iter()
            .flatten()
            .filter_map(|i| self.clients.get(*i))
    }

    /// The entries naming `module` (a JS specifier, a Python package, a Rust crate), in
    /// catalogue order.
    pub(super) fn clients_of(&self, module: &str) -> impl Iterator<Item = &ClientDef> {
        let index = self.index.get_or_init(|| ModuleIndex::new(&self.clients));
        let ids = index.clients(module);
        (0..ids.len()).filter_map(move |k| self.clients.get(ids[k]))
    }

    pub fn by_id(&self, id: &str) -> Option<&ClientDef> {
        self.clients.iter().find(|c| c.id == id)
    }

    /// A method called on an instance of entry `on_id` (`connect` on `pg-pool`; `()` for calling
    /// the instance itself), from the entries' `on` constructors.
    pub fn match_on(&self, on_id: &str, method: &str) -> Option<CtorMatch<'_>> {
        self.find(
            |_| true,
            |ctor| ctor.on.as_deref() == Some(on_id) && ctor.call.as_deref() == Some(method),
        )
    }

    /// Entries with constructors on instances of `on_id`, and those methods.
    pub fn methods_on(&self, on_id: &str) -> impl Iterator<Item = (&ClientDef, &CtorDef)> + '_ {
        let on_id = on_id.to_string();
        self.clients.iter().flat_map(move |c| {
            let on_id = on_id.clone();
            c.constructors
                .iter()
                .filter(move |k| k.on.as_deref() == Some(on_id.as_str()))
                .map(move |k| (c, k))
        })
    }

    pub fn effect(&self, id: &str) -> Option<&EffectPairDef> {
        self.effects.iter().find(|e| e.id == id)
    }

    /// The DOM type of `event`'s listener argument on `receiver` (`"message"` on `window`:
    /// `MessageEvent`), where the catalogue's `[[dom_event]]` makes it certain.
    pub fn dom_event_type(&self, receiver: Option<&str>, event: &str) -> Option<&str> {
        let receiver = receiver?.trim();
        let ev = event
            .strip_prefix(['"', '\''])
            .and_then(|e| e.strip_suffix(['"', '\'']))?;
        self.dom_events
            .iter()
            .find(|d| d.targets.iter().any(|t| t == receiver) && d.events.iter().any(|e| e == ev))
            .map(|d| d.ty.as_str())
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = ClientDef>) {
        for c in more {
            self.clients.retain(|old| old.id != c.id);
            self.clients.push(c);
        }
        self.index = std::sync::OnceLock::new();
    }

    /// Does any entry give identity to this module specifier / module path / crate?
    pub fn knows_module(&self, module: &str) -> bool {
        self.clients_of(module).next().is_some()
    }

    /// TS/JS: match a construction `new <path>(…)` / `<path>(…)` whose root identifier was
    /// imported from `module`. `path` is relative to the module's exports, `.`-separated; the
    /// front-end resolves `import x from 'm'` to `default`, `import * as x` and `require('m')`
    /// to `*`. Members of a default or namespace import are matched as exports
    /// (`mysql.createPool` ≡ `createPool`), and `*` matches a `default` constructor.
    pub fn match_js(&self, module: &str, path: &str, is_new: bool) -> Option<CtorMatch<'_>> {
        let stripped = strip_js_namespace(path);
        let as_default = if path == "*" { "default" } else { path };
        self.find_in(self.clients_of(module), |ctor| {
            if ctor.on.is_some() {
                return false;
            }
            let want_new = ctor.is_new();
            if want_new != is_new {
                return false;
            }
            let p = ctor.path();
            p == path
                || p == stripped
                || p == as_default
                // `*Client`: every `<Service>Client` a family of packages exports
                // (`@aws-sdk/client-translate`'s `TranslateClient`).
                || (p.contains('*') && wildcard_match(p, stripped))
        })
    }

    /// TS/JS: the entry whose stored-singleton API (`singletons`) a call of `path` imported
    /// from `module` is (`oracledb.getPool(alias)`: the pool `createPool` made).
    pub fn singleton_js(&self, module: &str, path: &str) -> Option<&ClientDef> {
        let stripped = strip_js_namespace(path);
        self.clients_of(module).find(|c| {
            c.singletons
                .iter()
                .any(|k| k.on.is_none() && (k.path() == path || k.path() == stripped))
        })
    }

    /// Python: match a call of a fully qualified name (`sqlalchemy.ext.asyncio.create_async_engine`,
    /// `redis.Redis.from_url`), resolved through the file's imports.
    pub fn match_py(&self, qualified: &str) -> Option<CtorMatch<'_>> {
        for client in self.clients_by_root(qualified) {
            for module in &client.modules {
                let Some(rest) = qualified
                    .strip_prefix(module.as_str())
                    .and_then(|r| r.strip_prefix('.'))
                else {
                    continue;
                };
                if let Some(ctor) = client
                    .singletons
                    .iter()
                    .find(|c| c.on.is_none() && c.path() == rest)
                {
                    return Some(CtorMatch {
                        client,
                        ctor,
                        singleton: true,
                    });
                }
                if let Some(ctor) = client
                    .constructors
                    .iter()
                    .find(|c| c.on.is_none() && c.path() == rest)
                {
                    return Some(CtorMatch {
                        client,
                        ctor,
                        singleton: false,
                    });
                }
            }
        }
        None
    }

    /// Rust: match a call of a full path (`sqlx::postgres::PgPool::connect`), resolved through
    /// the file's `use` items. The first segment must be one of the entry's crates and the path
    /// must end with the constructor's path (`PgPool::connect`), so re-exports match.
    /// For builders, `path` is the start of the chain (`PgPoolOptions::new`) and `then` the
    /// terminal method; pass `then: None` for a plain call.
    pub fn match_rs(&self, path: &[String], then: Option<&str>) -> Option<CtorMatch<'_>> {
        // A crate another crate re-exports (`r2d2_postgres::postgres::Client::connect`,
        // `google_sheets4::hyper_util::client::legacy::Client::builder`): matched from the
        // catalogued crate it names. (Not a path of the project's own: `crate::db::redis::…`.)
        let external = path
            .first()
            .is_some_and(|f| !matches!(f.as_str(), "crate" | "self" | "super"));
        let skips = if external { path.len().min(3) } else { 1 };
        (0..skips).find_map(|skip| {
            let rest = &path[skip..];
            (skip == 0
                || rest
                    .first()
                    .is_some_and(|c| self.clients_of(c).next().is_some()))
            .then(|| self.match_rs_from(rest, then))
            .flatten()
        })
    }

    fn match_rs_from(&self, path: &[String], then: Option<&str>) -> Option<CtorMatch<'_>> {
        let first = path.first()?;
        let check = |ctor: &CtorDef| {
            if ctor.on_type {
                return false;
            }
            let want: Vec<&str> = ctor.path().split("::").collect();
            let suffix_ok = path.len() > want.len()
                && path[path.len() - want.len()..]
                    .iter()
                    .map(String::as_str)
                    .eq(want.iter().copied());
            let then_ok = match then {
                None => ctor.then.is_empty(),
                Some(m) => ctor.then.iter().any(|t| t == m),
            };
            suffix_ok && then_ok
        };
        self.find_in(self.clients_of(first), check)
    }

    /// Rust: match a method call `value.method(..)` on a value whose type is the full path
    /// `type_path` (`redis::Client`, `deadpool_postgres::Config`), against the entries'
    /// `on_type` constructors. As in [`LangCatalog::match_rs`], the first segment must be one of
    /// the entry's crates and the path must end with the constructor's `call`.
    pub fn match_rs_value(&self, type_path: &[String], method: &str) -> Option<CtorMatch<'_>> {
        let first = type_path.first()?;
        let check = |ctor: &CtorDef| {
            let want: Vec<&str> = ctor.path().split("::").collect();
            ctor.on_type
                && ctor.then.iter().any(|t| t == method)
                && type_path.len() > want.len()
                && type_path[type_path.len() - want.len()..]
                    .iter()
                    .map(String::as_str)
                    .eq(want.iter().copied())
        };
        self.find_in(self.clients_of(first), check)
    }

    /// Rust: like [`LangCatalog::match_rs_value`] when the receiver's type is unknown but the
    /// file refers to crate `krate`: the `on_type` constructor of an entry of that crate whose
    /// `then` lists `method` (the methods are specific enough: `get_multiplexed_async_connection`,
    /// `create_pool`).
    pub fn match_rs_method_in(&self, krate: &str, method: &str) -> Option<CtorMatch<'_>> {
        self.find(
            |c| c.modules.iter().any(|m| m == krate),
            |ctor| ctor.on_type && ctor.then.iter().any(|t| t == method),
        )
    }

    /// Is `method` a release method of this client (`close`, `end`, `$disconnect`, ...)?
    pub fn is_release(&self, client_id: &str, method: &str) -> bool {
        self.by_id(client_id)
            .is_some_and(|c| c.release.iter().any(|r| r == method))
    }

    /// Words whose absence proves a file builds no catalogue client (for the prefilter). With
    /// `dotted`, module names are dotted paths (Python: `sqlalchemy.orm` → `sqlalchemy`);
    /// otherwise a dot is part of a package's name (`socket.io-client`).
    pub fn trigger_words(&self, dotted: bool) -> Vec<String> {
        // Identity always comes from an import of one of the entry's modules, so a file that
        // never names the module (its package, top-level Python package or crate) cannot build
        // one of its clients.
        let mut words: Vec<String> = Vec::new();
        for c in &self.clients {
            for m in &c.modules {
                let root = if m.starts_with('@') {
                    m.splitn(3, '/').take(2).collect::<Vec<_>>().join("/")
                } else {
                    let seps: &[char] = if dotted { &['/', '.'] } else { &['/'] };
                    m.split(seps).next().unwrap_or(m).to_string()
                };
                // Wildcard patterns (`*/generated/prisma`): their longest literal part.
                let word = root
                    .split('*')
                    .chain(m.split('*'))
                    .filter(|p| !p.is_empty() && !p.contains('*'))
                    .max_by_key(|p| p.len())
                    .unwrap_or("");
                let word = if m.contains('*') {
                    // `*/generated/*`: `generated/`, a path fragment matched as it is written.
                    let start = word.trim_start_matches('/');
                    if start.trim_end_matches('/').contains('/') || !start.ends_with('/') {
                        start.trim_end_matches('/')
                    } else {
                        start
                    }
                } else {
                    root.as_str()
                };
                if word.len() >= 2 {
                    words.push(word.to_string());
                }
            }
        }
        words.sort();
        words.dedup();
        words
    }

    pub(super) fn find(
        &self,
        client_ok: impl Fn(&ClientDef) -> bool,
        ctor_ok: impl Fn(&CtorDef) -> bool,
    ) -> Option<CtorMatch<'_>> {
        self.find_in(self.clients.iter().filter(|c| client_ok(c)), ctor_ok)
    }

    pub(super) fn find_in<'a>(
        &self,
        clients: impl Iterator<Item = &'a ClientDef>,
        ctor_ok: impl Fn(&CtorDef) -> bool,
    ) -> Option<CtorMatch<'a>> {
        for client in clients {
            if let Some(ctor) = client.singletons.iter().find(|c| ctor_ok(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: true,
                });
            }
            if let Some(ctor) = client.constructors.iter().find(|c| ctor_ok(c)) {
                return Some(CtorMatch {
                    client,
                    ctor,
                    singleton: false,
                });
            }
        }
        None
    }
}

/// `*` matches any run of characters (including `/`); everything else literally.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let Some((first, rest_pattern)) = pattern.split_once('*') else {
        return pattern == text;
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let mut parts = rest_pattern.split('*').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(pos) => rest = &rest[pos + part.len()..],
            None => return false,
        }
    }
    true
}

/// An import path without its default or namespace import (`default.Pool`, `*.Pool` → `Pool`).
fn strip_js_namespace(path: &str) -> &str {
    path.strip_prefix("default.")
        .or_else(|| path.strip_prefix("*."))
        .unwrap_or(path)
}

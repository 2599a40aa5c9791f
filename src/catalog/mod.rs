//! The catalogue: what connlint knows about client libraries, as data.
//!
//! `rules/catalog/{typescript,python,rust}.toml` are embedded in the binary and parsed once.
//! Users add libraries with `[[catalog.client]]` in their config, in the same schema.
//! Adding a library never needs Rust code.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::facts::ClientKind;

mod databases;
mod index;
mod schema;

pub use databases::*;
pub use index::*;
pub use schema::*;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct CatalogFile {
    registration: RegistrationDef,
    rerun: RerunDef,
    generic_release: Vec<String>,
    duplicates_ok_families: Vec<String>,
    subscriber_methods: Vec<String>,
    #[serde(default)]
    dedicated_options: Vec<String>,
    sql_families: Vec<String>,
    client: Vec<ClientDef>,
    effect: Vec<EffectPairDef>,
    dom_event: Vec<DomEventDef>,
    url_options: Vec<String>,
    deriving_methods: Vec<String>,
    positional_options: Vec<PositionalOptionsDef>,
    lifecycle: Vec<LifecycleDef>,
    root_mount: Vec<RootMountDef>,
    owned_elements: OwnedElementsDef,
    checkout_methods: Vec<String>,
    connection_types: Vec<String>,
    store_methods: Vec<String>,
    app_folders: Vec<AppFolderDef>,
}

/// The whole catalogue: one [`LangCatalog`] per language family, and what they share about
/// database servers.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub js: LangCatalog,
    pub py: LangCatalog,
    pub rs: LangCatalog,
    pub db: Databases,
    /// [`Catalog::tuning_keys`], computed on first use (fix builders ask once per finding).
    tuning: std::sync::OnceLock<Vec<String>>,
}

pub const TYPESCRIPT_TOML: &str = include_str!("../../rules/catalog/typescript.toml");
pub const PYTHON_TOML: &str = include_str!("../../rules/catalog/python.toml");
pub const RUST_TOML: &str = include_str!("../../rules/catalog/rust.toml");
pub const DATABASES_TOML: &str = include_str!("../../rules/catalog/databases.toml");

/// An error in one of the embedded catalogue files (a bug caught by `tests`, never by users).
#[derive(Debug)]
pub struct CatalogError {
    pub file: &'static str,
    pub error: toml::de::Error,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rules/catalog/{}: {}", self.file, self.error)
    }
}

impl std::error::Error for CatalogError {}

impl Catalog {
    /// Add a client library from configuration (`[[catalog.client]]`) to the catalogue of its
    /// language: `python`, `rust`, or `typescript` (the JS family).
    pub fn add_client(&mut self, language: &str, def: ClientDef) {
        let target = match language {
            "python" => &mut self.py,
            "rust" => &mut self.rs,
            _ => &mut self.js,
        };
        target.extend([def]);
        self.tuning = std::sync::OnceLock::new();
    }

    /// Options a construction may set and still be replaced by a shared client: the tuning
    /// options and every client's pool keys.
    pub fn tuning_keys(&self) -> Vec<&str> {
        self.tuning
            .get_or_init(|| {
                let pool_keys = [&self.js, &self.py, &self.rs]
                    .into_iter()
                    .flat_map(|lc| &lc.clients)
                    .flat_map(|c| &c.pool_keys)
                    .map(|k| k.key.clone());
                let mut keys: Vec<String> = self
                    .db
                    .tuning_options
                    .iter()
                    .cloned()
                    .chain(pool_keys)
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .iter()
            .map(String::as_str)
            .collect()
    }

    /// Parse the embedded catalogue files.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        let parse = |file: &'static str, text: &str| {
            LangCatalog::parse(text).map_err(|error| CatalogError { file, error })
        };
        let db = Databases::parse(DATABASES_TOML).map_err(|error| CatalogError {
            file: "databases.toml",
            error,
        })?;
        let mut cat = Catalog {
            js: parse("typescript.toml", TYPESCRIPT_TOML)?,
            py: parse("python.toml", PYTHON_TOML)?,
            rs: parse("rust.toml", RUST_TOML)?,
            db,
            tuning: std::sync::OnceLock::new(),
        };
        let schemes = cat.db.url_schemes();
        for lc in [&mut cat.js, &mut cat.py, &mut cat.rs] {
            lc.url_schemes = schemes.clone();
            lc.session_states = cat.db.session_state.clone();
        }
        Ok(cat)
    }

    /// The built-in catalogue, parsed once. If an embedded file fails to parse (a build that
    /// the test suite would have rejected), the catalogue is empty rather than a panic, and
    /// [`Catalog::shared_error`] says why (the CLI refuses to run on it).
    pub fn shared() -> &'static Catalog {
        static EMPTY: LazyLock<Catalog> = LazyLock::new(Catalog::default);
        match Self::shared_result() {
            Ok(c) => c,
            Err(_) => &EMPTY,
        }
    }

    /// Why the built-in catalogue is empty, when it failed to parse.
    pub fn shared_error() -> Option<&'static CatalogError> {
        Self::shared_result().as_ref().err()
    }

    fn shared_result() -> &'static Result<Catalog, CatalogError> {
        static BUILTIN: LazyLock<Result<Catalog, CatalogError>> = LazyLock::new(Catalog::builtin);
        &BUILTIN
    }

    /// The catalogue of a language.
    pub fn for_lang(&self, lang: crate::source::Lang) -> &LangCatalog {
        use crate::source::Lang;
        match lang {
            Lang::Ts | Lang::Tsx | Lang::Js => &self.js,
            Lang::Py => &self.py,
            Lang::Rs | Lang::Env => &self.rs,
        }
    }

    /// Find an entry by id in any language.
    pub fn by_id(&self, id: &str) -> Option<&ClientDef> {
        self.js
            .by_id(id)
            .or_else(|| self.py.by_id(id))
            .or_else(|| self.rs.by_id(id))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_parses_and_ids_are_unique() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        // `by_id` looks in every language: an id used twice would name the wrong library.
        let mut all: Vec<&str> = [&cat.js, &cat.py, &cat.rs]
            .iter()
            .flat_map(|lc| lc.clients.iter().map(|c| c.id.as_str()))
            .collect();
        all.sort_unstable();
        for w in all.windows(2) {
            assert_ne!(
                w[0], w[1],
                "catalogue id `{}` is used in two languages",
                w[0]
            );
        }
        for lc in [&cat.js, &cat.py, &cat.rs] {
            assert!(!lc.clients.is_empty());
            let mut ids: Vec<&str> = lc.clients.iter().map(|c| c.id.as_str()).collect();
            ids.sort();
            let n = ids.len();
            ids.dedup();
            assert_eq!(n, ids.len(), "duplicate ids");
            for c in &lc.clients {
                assert!(!c.modules.is_empty(), "{} has no modules", c.id);
                // A Rust checkout is known by its type where a collection of them is declared.
                let by_type = matches!(c.kind, ClientKind::Checkout | ClientKind::Session)
                    && c.type_path.is_some();
                assert!(
                    !c.constructors.is_empty() || !c.singletons.is_empty() || by_type,
                    "{} has no constructor",
                    c.id
                );
                for ctor in c.constructors.iter().chain(&c.singletons) {
                    assert!(
                        ctor.new.is_some() != ctor.call.is_some(),
                        "{}: a constructor has exactly one of `new` / `call`",
                        c.id
                    );
                }
            }
        }
    }

    #[test]
    fn wildcard() {
        assert!(wildcard_match("*/generated/prisma", "../generated/prisma"));
        assert!(wildcard_match("@prisma/client*", "@prisma/client/edge"));
        assert!(!wildcard_match("pg", "pg-promise"));
        assert!(wildcard_match("pg", "pg"));
        assert!(wildcard_match("a*b*c", "axxbyyc"));
        assert!(!wildcard_match("a*b*c", "acb"));
        assert!(!wildcard_match("ab*ab", "ab"));
        assert!(wildcard_match("*", ""));
    }

    /// The module index finds exactly the entries a scan of every entry's modules finds, in
    /// the same order, and follows `extend` after it was first used.
    #[test]
    fn module_index_agrees_with_a_scan() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        for lc in [&cat.js, &cat.py, &cat.rs] {
            let mut modules: Vec<String> = lc
                .clients
                .iter()
                .flat_map(|c| c.modules.iter().cloned())
                .collect();
            modules.extend(
                [
                    "../generated/prisma",
                    "@prisma/client/edge",
                    "@aws-sdk/client-s3",
                    "aws_sdk_s3",
                    "mqtt/dist/mqtt",
                    "pg-promise",
                    "./db",
                    "",
                ]
                .map(String::from),
            );
            for m in &modules {
                let scanned: Vec<&str> = lc
                    .clients
                    .iter()
                    .filter(|c| c.modules.iter().any(|p| wildcard_match(p, m)))
                    .map(|c| c.id.as_str())
                    .collect();
                let indexed: Vec<&str> = lc.clients_of(m).map(|c| c.id.as_str()).collect();
                assert_eq!(indexed, scanned, "{m}");
                let dotted = format!("{m}.Client");
                let by_root: Vec<&str> =
                    lc.clients_by_root(&dotted).map(|c| c.id.as_str()).collect();
                for c in lc.clients.iter().filter(|c| {
                    c.modules.iter().any(|p| {
                        dotted
                            .strip_prefix(p.as_str())
                            .is_some_and(|r| r.starts_with('.'))
                    })
                }) {
                    assert!(by_root.contains(&c.id.as_str()), "{dotted}: {}", c.id);
                }
            }
        }
        let mut js = cat.js.clone();
        assert!(!js.knows_module("my-lib") && !js.knows_module("@my/lib"));
        let more = LangCatalog::parse(
            "[[client]]\nid = \"my-lib\"\nlibrary = \"my-lib\"\nfamily = \"sql\"\nkind = \"pool\"\nmodules = [\"my-lib\", \"@my/*\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        js.extend(more.clients);
        assert!(js.knows_module("my-lib") && js.knows_module("@my/lib"));
    }

    #[test]
    fn js_matching_follows_imports() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            cat.js
                .match_js("@prisma/client", "PrismaClient", true)
                .map(|m| m.client.id.as_str()),
            Some("prisma")
        );
        assert!(
            cat.js
                .match_js("@prisma/client", "PrismaClient", false)
                .is_none()
        );
        assert_eq!(
            cat.js
                .match_js("pg", "Pool", true)
                .map(|m| m.client.id.as_str()),
            Some("pg-pool")
        );
        assert!(cat.js.match_js("./my-pool", "Pool", true).is_none());
        assert_eq!(
            cat.js
                .match_js("mysql2/promise", "default.createPool", false)
                .map(|m| m.client.id.as_str()),
            Some("mysql2-pool")
        );
        assert_eq!(
            cat.js
                .match_js("postgres", "default", false)
                .map(|m| m.client.id.as_str()),
            Some("postgres-js")
        );
        assert_eq!(
            cat.js
                .match_js("postgres", "*", false)
                .map(|m| m.client.id.as_str()),
            Some("postgres-js")
        );
        let s = cat
            .js
            .match_js("stream-chat", "StreamChat.getInstance", false);
        assert!(s.is_some_and(|m| m.singleton));
    }

    #[test]
    fn py_and_rs_matching() {
        let cat = Catalog::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            cat.py
                .match_py("sqlalchemy.ext.asyncio.create_async_engine")
                .map(|m| m.client.id.as_str()),
            Some("sqlalchemy-engine")
        );
        assert!(cat.py.match_py("mylib.create_engine").is_none());
        let p = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
        assert_eq!(
            cat.rs
                .match_rs(&p("sqlx::postgres::PgPool::connect"), None)
                .map(|m| m.client.id.as_str()),
            Some("sqlx-pool")
        );
        assert_eq!(
            cat.rs
                .match_rs(&p("reqwest::Client::new"), None)
                .map(|m| m.client.id.as_str()),
            Some("reqwest-client")
        );
        assert!(cat.rs.match_rs(&p("mycrate::Client::new"), None).is_none());
        assert_eq!(
            cat.rs
                .match_rs(&p("sqlx::postgres::PgPoolOptions::new"), Some("connect"))
                .map(|m| m.client.id.as_str()),
            Some("sqlx-pool")
        );
    }
}

//! Pool sizes and connection URLs of client constructions, from facts and the catalogue: the
//! arithmetic behind `oversized-pool` and `pooler-prepared-statements`. Language-neutral.

use crate::catalog::ClientDef;
use crate::connurl::ParsedUrl;
use crate::facts::CheckedFile;
use crate::facts::{ClientConfig, OptValue, UrlRef};
use crate::source::{Lang, Span};

/// Where a URL was found: (file index, span of the URL text).
pub type UrlLoc = (usize, Span);

/// A client's resolved connection URL.
#[derive(Debug, Clone)]
pub struct ResolvedUrl {
    pub text: String,
    pub parsed: ParsedUrl,
    /// The raw scheme (`postgresql+asyncpg`).
    pub raw_scheme: String,
    pub loc: UrlLoc,
    /// The environment variable it came through, if any.
    pub var: Option<String>,
}

/// The config of client `idx` of a file, if the front-end recorded one.
pub fn config_of(file: &CheckedFile, idx: usize) -> Option<&ClientConfig> {
    file.facts.client_config(idx)
}

/// A client's URL and the file it is written in: the construction's own, or what the project
/// function it is built on returns (`create_engine(get_database_url())`, the function in this
/// module or imported from another of the same project).
pub fn url_ref<'f>(
    files: &'f [CheckedFile],
    file: usize,
    config: Option<&'f ClientConfig>,
) -> Option<(usize, &'f UrlRef)> {
    let config = config?;
    if let Some(url) = &config.url {
        return Some((file, url));
    }
    let call = config.url_call.as_ref()?;
    let returned = |fi: usize| {
        files[fi]
            .facts
            .url_returns
            .iter()
            .find(|r| r.name == call.name)
            .map(|r| (fi, &r.url))
    };
    let Some(module) = &call.module else {
        return returned(file);
    };
    let root = &files[file].source.project.root;
    files
        .iter()
        .enumerate()
        .filter(|(_, f)| &f.source.project.root == root && module.names_any(&f.facts.module_keys))
        .find_map(|(fi, _)| returned(fi))
}

/// Resolve a client's URL: a literal in the code, or an environment variable defined in a dotenv
/// file of the same project (`.env`, then `.env.local`, … in name order).
pub fn resolve_url(
    files: &[CheckedFile],
    file: usize,
    config: Option<&ClientConfig>,
) -> Option<ResolvedUrl> {
    let (at, url) = url_ref(files, file, config)?;
    match url {
        UrlRef::Literal { text, span } => make(text, (at, *span), None),
        UrlRef::Env { name, fallback, .. } => env_url(files, file, name).or_else(|| {
            let (text, span) = fallback.as_ref()?;
            make(text, (at, *span), None)
        }),
    }
}

/// A PostgreSQL client configured by options rather than a URL (`postgres({ host, port: 6543
/// })`, `asyncpg.create_pool(host=…, port=6543)`): the URL its `host` and `port` stand for, located
/// at the `port` option (a host connlint cannot read stands as `host`). Only with a port written
/// as a number: without one, nothing says which pooler mode it reaches.
pub fn options_url(
    files: &[CheckedFile],
    file: usize,
    config: Option<&ClientConfig>,
) -> Option<ResolvedUrl> {
    let config = config?;
    let client = files.get(file)?.facts.clients.get(config.client)?;
    if client.family != "postgres" {
        return None;
    }
    let port = config.option("port")?;
    let n = port.value.as_int()?;
    let host = match config.option("host").map(|h| &h.value) {
        Some(OptValue::Str(h)) if !h.is_empty() && !h.contains(['/', '@', ' ']) => h.as_str(),
        _ => "host",
    };
    make(
        &format!("postgresql://{host}:{n}/"),
        (file, port.span),
        None,
    )
}

/// The value of `name` in the dotenv files of `file`'s project.
pub fn env_url(files: &[CheckedFile], file: usize, name: &str) -> Option<ResolvedUrl> {
    let root = &files[file].source.project.root;
    let mut candidates: Vec<(usize, &CheckedFile)> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.source.lang == Lang::Env && &f.source.project.root == root)
        .collect();
    candidates.sort_by_key(|(_, f)| env_file_rank(&f.source.rel));
    candidates.into_iter().find_map(|(fi, f)| {
        f.facts
            .urls
            .iter()
            .find(|u| u.var.as_deref() == Some(name))
            .and_then(|u| make(&u.text, (fi, u.span), Some(name.to_string())))
    })
}

/// `.env` first, then `.env.local`, `.env.development`, …, examples last.
fn env_file_rank(rel: &str) -> (u8, String) {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let rank = match name {
        ".env" => 0,
        ".env.local" => 1,
        n if n.contains("example") || n.contains("sample") || n.contains("template") => 3,
        _ => 2,
    };
    (rank, rel.to_string())
}

fn make(text: &str, loc: UrlLoc, var: Option<String>) -> Option<ResolvedUrl> {
    let parsed = ParsedUrl::parse(text)?;
    let raw_scheme = text.split("://").next().unwrap_or("").to_ascii_lowercase();
    Some(ResolvedUrl {
        text: text.to_string(),
        parsed,
        raw_scheme,
        loc,
        var,
    })
}

/// Does the construction set one of the client's `unpooled_options` (`poolclass=NullPool`):
/// a pool that keeps no connections?
pub fn unpooled(def: &ClientDef, config: Option<&ClientConfig>) -> bool {
    let Some(config) = config else { return false };
    def.unpooled_options.iter().any(|o| {
        let Some((key, want)) = o.split_once('=') else {
            return false;
        };
        config
            .option(key.trim())
            .and_then(|opt| value_text(&opt.value))
            .is_some_and(|v| v == want.trim())
    })
}

/// A value as written, for comparisons with catalogue strings (`false`, `0`, `None`, `NullPool`).
pub fn value_text(v: &OptValue) -> Option<String> {
    Some(match v {
        OptValue::Int(n) => n.to_string(),
        OptValue::Str(s) => s.clone(),
        OptValue::Bool(b) => b.to_string(),
        OptValue::Null => "None".to_string(),
        OptValue::Name(n) => n.rsplit(['.', ':']).next().unwrap_or(n).to_string(),
        OptValue::Unknown => return None,
    })
}

/// One term of a pool's maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub key: String,
    pub value: u64,
    /// Where it is written (`None`: the library default).
    pub at: Option<(usize, Span)>,
}

/// A pool's maximum number of connections.
#[derive(Debug, Clone, PartialEq)]
pub enum PoolMax {
    Bounded(Vec<Term>),
    /// A setting that means "no limit" (`max_overflow=-1`), where it is written.
    Unbounded {
        key: String,
        at: (usize, Span),
    },
    /// Not known (a variable, or no default in the catalogue).
    Unknown,
}

impl PoolMax {
    pub fn total(&self) -> Option<u64> {
        match self {
            PoolMax::Bounded(t) => Some(sum(t.iter().map(|t| t.value))),
            _ => None,
        }
    }
}

/// A sum of connection counts that saturates instead of wrapping (a value written as
/// `connection_limit=99999999999999999999` is "more than any server allows", not a small number).
pub fn sum(values: impl IntoIterator<Item = u64>) -> u64 {
    values.into_iter().fold(0, u64::saturating_add)
}

/// A count written in a URL parameter: digits (a sign allowed), saturating at the integer's
/// bounds when too long to fit; `None` when not a number.
pub fn parse_count(v: &str) -> Option<i64> {
    let v = v.trim();
    let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(v.parse::<i64>().unwrap_or(if v.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

/// The largest minimum size written in a pool's options (`min_connections(5)`,
/// `PoolConstraints::new(20, …)`), if any.
pub fn written_min(def: &ClientDef, config: Option<&ClientConfig>) -> Option<u64> {
    def.pool_keys
        .iter()
        .filter(|k| k.min && !k.url)
        .filter_map(|k| config.and_then(|c| c.option(&k.key)))
        .filter_map(|o| o.value.as_int())
        .filter_map(|n| u64::try_from(n).ok())
        .max()
}

/// The maximum of a pool from its options, URL parameters and the catalogue's defaults:
/// the first (non-minimum, non-additive) size key, plus the additive ones
/// (`pool_size` + `max_overflow`).
pub fn pool_max(
    def: &ClientDef,
    file: usize,
    config: Option<&ClientConfig>,
    url: Option<&ResolvedUrl>,
) -> PoolMax {
    let mut base: Option<Term> = None;
    let mut extra: Vec<Term> = Vec::new();
    for key in def.pool_keys.iter().filter(|k| !k.min) {
        let written: Option<(Option<i64>, String, (usize, Span))> = if key.url {
            url.and_then(|u| {
                u.parsed
                    .param(&key.key)
                    .map(|v| (parse_count(v), v.to_string(), u.loc))
            })
        } else {
            config.and_then(|c| c.option(&key.key)).map(|o| {
                (
                    o.value.as_int(),
                    value_text(&o.value).unwrap_or_default(),
                    (file, o.span),
                )
            })
        };
        let term = match written {
            Some((_, text, at)) if key.unbounded.contains(&text) => {
                return PoolMax::Unbounded {
                    key: key.key.clone(),
                    at,
                };
            }
            Some((Some(n), _, at)) => Some(Term {
                key: key.key.clone(),
                value: u64::try_from(n).unwrap_or(0),
                at: Some(at),
            }),
            // Written, but not a number connlint can evaluate: stay silent.
            Some((None, _, _)) => return PoolMax::Unknown,
            None => key.default.map(|d| Term {
                key: key.key.clone(),
                value: d,
                at: None,
            }),
        };
        let Some(term) = term else { continue };
        if key.additive {
            extra.push(term);
        } else if base
            .as_ref()
            .is_none_or(|b| b.at.is_none() && term.at.is_some())
        {
            // An explicit key wins over another key's default (`maxPoolSize` in the URL over
            // the option default).
            base = Some(term);
        }
    }
    match base {
        Some(b) => {
            let mut terms = vec![b];
            terms.extend(extra);
            PoolMax::Bounded(terms)
        }
        None => PoolMax::Unknown,
    }
}

/// `pool_size 20 + max_overflow 30 = 50`, `max 40`, `maxPoolSize 100 (default)`.
pub fn arithmetic(terms: &[Term]) -> String {
    let parts: Vec<String> = terms
        .iter()
        .map(|t| {
            if t.at.is_some() {
                format!("{} {}", t.key, t.value)
            } else {
                format!("{} {} (default)", t.key, t.value)
            }
        })
        .collect();
    let total = sum(terms.iter().map(|t| t.value));
    if terms.len() > 1 {
        format!("{} = {total}", parts.join(" + "))
    } else {
        parts.join("")
    }
}

/// Paths whose code is not the running application: scripts, tests, seeds, migrations, examples.
/// Is a project (a manifest's directory) itself a test, example, benchmark or script tree of a
/// larger repository (`examples/autopilot/benchmarks/pyproject.toml`, `integration/rust/Cargo.toml`)?
/// Read from the last three directories of its root.
pub fn is_auxiliary_project(root: &std::path::Path) -> bool {
    let names: Vec<&str> = root
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    names.iter().rev().take(3).any(|n| {
        matches!(
            *n,
            "examples"
                | "benchmarks"
                | "benches"
                | "tests"
                | "e2e"
                | "e2e_test"
                | "e2e_tests"
                | "e2e-test"
                | "e2e-tests"
                | "integration"
                | "integration-tests"
                | "integration_tests"
                | "scripts"
        )
    })
}

/// [`is_auxiliary`], unless a dependency of the file's project loads that folder as application
/// code (the catalogue's `app_folders`: Hubot's `scripts/`).
pub fn is_auxiliary_file(
    catalog: &crate::catalog::Catalog,
    source: &crate::source::SourceFile,
) -> bool {
    let lang = catalog.for_lang(source.lang);
    (is_auxiliary(&source.rel) && !lang.app_folder(&source.project, &source.rel))
        || lang.cli_tool(&source.project)
}

/// [`is_auxiliary_file`], unless the front-end found the file to be a plugin its host loads
/// (see [`crate::facts::FileFacts::hosted_plugin`]).
pub fn is_auxiliary_module(
    catalog: &crate::catalog::Catalog,
    source: &crate::source::SourceFile,
    facts: &crate::facts::FileFacts,
) -> bool {
    !facts.hosted_plugin && is_auxiliary_file(catalog, source)
}

/// A tool's configuration file (`vite.config.ts`, `contentlayer.config.ts`).
pub fn is_config_file(rel: &str) -> bool {
    rel.rsplit('/').next().unwrap_or("").contains(".config.")
}

pub fn is_auxiliary(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or("");
    rel.split('/').any(|s| {
        matches!(
            s,
            "scripts"
                | "script"
                | "tests"
                | "test"
                | "__tests__"
                | "e2e"
                | "e2e_test"
                | "e2e_tests"
                | "e2e-tests"
                | "migrations"
                // Alembic script directories of extensions (`ckanext/x/migration/x/env.py`),
                // sea-orm's `migration` crate.
                | "migration"
                | "alembic"
                // Alembic's script directory under another name (`database/revisions/env.py`)
                | "revisions"
                | "seeds"
                | "examples"
                | "benches"
                | "benchmarks"
                | "bench"
        )
    }) || rel.split('/').next().is_some_and(|top| {
        // A repository's top-level integration-test tree (`integration/…`), not an
        // `app/integrations/stripe.ts` module.
        matches!(top, "integration" | "integration-tests" | "integration_tests")
    }) || name.contains(".test.")
        // Test helpers beside the code (`database.test-utils.ts`, `test-utils.ts`).
        || name.contains(".test-")
        || name.starts_with("test-utils.")
        || name.starts_with("test_utils.")
        || name.contains(".spec.")
        // Benchmarks beside the code (Vitest's `initial-sync.bench.ts`).
        || name.contains(".bench.")
        || name.starts_with("test_")
        || name.ends_with("_test.py")
        || name == "conftest.py"
        || name.starts_with("seed")
        || name.starts_with("migrate")
        || name.contains(".config.")
        // Jest / Vitest environments and setup files (`test-environment.js`, `jest.setup.ts`).
        || name.starts_with("test-environment")
        || name.starts_with("jest.")
        || name.starts_with("vitest.")
        // Task runners' files, each task run once per invocation (doit, nox, Fabric, gulp, Grunt).
        || matches!(name, "dodo.py" | "noxfile.py" | "fabfile.py")
        || name.starts_with("gulpfile.")
        // A code generator's file (Plop): each generator and action runs once per invocation.
        || name.starts_with("plopfile.")
        || name.starts_with("Gruntfile.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auxiliary_trees_and_projects() {
        assert!(is_auxiliary("integration/two_pc/crash_recovery.py"));
        assert!(is_auxiliary("src/benchmarks/run.py"));
        assert!(!is_auxiliary("app/integrations/stripe.ts"));
        assert!(!is_auxiliary("src/integration/mod.rs"));
        assert!(is_auxiliary("ckanext/tracking/migration/tracking/env.py"));
        assert!(is_auxiliary("ops/dodo.py"));
        assert!(is_auxiliary("gulpfile.js"));
        assert!(is_auxiliary("plopfile.mjs"));
        assert!(is_auxiliary("src/db/initial-sync.bench.pg.ts"));
        assert!(!is_auxiliary("src/db/bench.ts"));
        assert!(!is_auxiliary("app/tasks/dodo_helpers.py"));
        let p = std::path::Path::new;
        assert!(is_auxiliary_project(p(
            "/repo/examples/autopilot/benchmarks"
        )));
        assert!(is_auxiliary_project(p("/repo/integration/rust")));
        assert!(!is_auxiliary_project(p("/repo/apps/web")));
        assert!(!is_auxiliary_project(p(
            "/home/me/examples-shop/apps/api/server"
        )));
    }
}

//! Configuration: `connlint.toml`, `.connlint.toml`, or `[tool.connlint]` in `pyproject.toml`;
//! the nearest ancestor of the checked path wins (or `--config FILE`).
//!
//! ```toml
//! select = ["per-request-client"]        # rules to run (ids or codes); default: all
//! ignore = ["CL102"]                     # rules not to run
//! exclude = ["legacy/**", "*.gen.ts"]    # paths not to check (relative to this file)
//! [severity]
//! per-request-client = "warning"
//! [per-file-ignores]
//! "scripts/**" = ["per-request-client"]
//! [budget]
//! max_connections = 100                  # the database server's limit
//! ```
//!
//! Unknown keys, wrong types and unknown rule ids are errors that point at the line and column
//! of the config file (miette), and make the run exit with code 2.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::SourceSpan;

use crate::source::Span;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;

mod schema;
pub use schema::json_schema;

/// The rule names configuration accepts. Configuration sits below the rules (they read it), so
/// the layer above passes the registry's names in: `rules::NAMES`.
#[derive(Debug, Clone, Copy)]
pub struct RuleNames {
    /// An id (`per-request-client`) or a code (`CL101`) to its id.
    pub resolve: fn(&str) -> Option<&'static str>,
    /// Every id, for the help of an unknown name.
    pub ids: fn() -> Vec<&'static str>,
}

/// A configuration error, with the place in the file.
#[derive(Debug)]
pub struct ConfigError {
    pub message: String,
    pub path: PathBuf,
    /// The lines of the file the error points at (see [`crate::snippet`]), and the span in them.
    pub src: crate::snippet::Excerpt,
    pub span: Option<SourceSpan>,
    /// The place in the file (bytes), when known.
    pub at: Option<Span>,
    pub help: Option<String>,
}

impl std::error::Error for ConfigError {}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid configuration in {}: {}",
            self.path.display(),
            self.message
        )
    }
}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("connlint::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.clone()) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_primary_with_span(Some(self.message.clone()), span),
        )))
    }
}

/// The `[budget]` table: the connection budget pools are compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    /// The database server's connection limit.
    pub max_connections: u64,
    /// Processes or instances that each hold every pool.
    pub instances: Option<u64>,
    /// Instances assumed for serverless projects (Vercel, Netlify, Lambda).
    pub serverless_instances: u64,
    /// The largest acceptable single pool (default: a quarter of `max_connections`).
    pub pool_max: Option<u64>,
    /// Supabase session-mode pooler: clients per role and database are capped at its pool size.
    pub session_pooler: u64,
    /// Per-family maxima for a single pool (e.g. `mongodb = 100`).
    pub family: BTreeMap<String, u64>,
    /// CPUs of the machines the processes run on: what CPU-derived defaults (Celery's
    /// concurrency, PM2 `max`, `multiprocessing.cpu_count()`) evaluate to.
    pub cpus: u64,
    /// Server connection limits by database: a URL's environment variable (`DATABASE_URL`),
    /// a host, or a family (`mongodb = 500` for an Atlas M0).
    pub limits: BTreeMap<String, u64>,
    /// What a process loads when its command does not say (`rq worker`, a supervisor): by
    /// process name, Python modules (`app.jobs`) or files (`src/worker.ts`), relative to the
    /// process's directory.
    pub entries: BTreeMap<String, Vec<String>>,
    /// The environment variable holding the URL of the live PostgreSQL server `connlint
    /// budget` reads (as `--database-url` does), when it is set.
    pub database_url_env: Option<String>,
}

fn default_max_connections() -> u64 {
    100
}
fn default_serverless_instances() -> u64 {
    10
}
fn default_session_pooler() -> u64 {
    15
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            max_connections: default_max_connections(),
            instances: None,
            serverless_instances: default_serverless_instances(),
            pool_max: None,
            session_pooler: default_session_pooler(),
            family: BTreeMap::new(),
            cpus: 2,
            limits: BTreeMap::new(),
            entries: BTreeMap::new(),
            database_url_env: None,
        }
    }
}

/// A connlint configuration: `connlint.toml`, `.connlint.toml`, or the `[tool.connlint]` table
/// of a `pyproject.toml`. The nearest one above a checked file governs it.
#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "connlint configuration")]
struct RawConfig {
    /// Rules to run, by id or code; the default is every rule. `--select` replaces it.
    #[serde(default)]
    #[schemars(with = "Option<Vec<schema::RuleName>>")]
    select: Option<Vec<Spanned<String>>>,
    /// Rules not to run, by id or code. `--ignore` adds to it.
    #[serde(default)]
    #[schemars(with = "Vec<schema::RuleName>")]
    ignore: Vec<Spanned<String>>,
    /// Paths not to check: globs relative to this file's directory (`legacy/**`, `**/*.gen.ts`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    exclude: Vec<Spanned<String>>,
    /// A rule's level, by id or code: `"error"` or `"warning"`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<schema::RuleName, schema::Level>")]
    severity: BTreeMap<String, Spanned<String>>,
    /// Rules not to run on some files: a glob relative to this file's directory, and the rules
    /// (ids or codes) it turns off.
    #[serde(default, rename = "per-file-ignores")]
    #[schemars(with = "BTreeMap<String, Vec<schema::RuleName>>")]
    per_file_ignores: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
    /// The connection budget that `oversized-pool` and `connlint budget` compare pools with.
    #[serde(default)]
    budget: Option<RawBudget>,
    /// Client libraries to add to the built-in catalogue.
    #[serde(default)]
    catalog: Option<RawCatalog>,
}

/// `[budget]` as written: every number keeps its place in the file, so that a value that cannot
/// be right (`max_connections = 0`, a negative size) is an error pointing at it.
#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The connection budget: the limits `oversized-pool` and `connlint budget` compare pools with."
)]
struct RawBudget {
    /// The database server's connection limit.
    #[schemars(with = "Option<u64>", range(min = 1), extend("default" = 100))]
    max_connections: Option<Spanned<i64>>,
    /// Processes or instances that each hold every pool (default: what the deployment files
    /// say, else 1).
    #[schemars(with = "Option<u64>", range(min = 1))]
    instances: Option<Spanned<i64>>,
    /// Instances assumed for serverless projects (Vercel, Netlify, Lambda).
    #[schemars(with = "Option<u64>", range(min = 1), extend("default" = 10))]
    serverless_instances: Option<Spanned<i64>>,
    /// The largest acceptable single pool (default: a quarter of `max_connections`); at most
    /// `max_connections`.
    #[schemars(with = "Option<u64>", range(min = 1))]
    pool_max: Option<Spanned<i64>>,
    /// The pool size of a Supabase session-mode pooler: clients per role and database are
    /// capped at it.
    #[schemars(with = "Option<u64>", range(min = 1), extend("default" = 15))]
    session_pooler: Option<Spanned<i64>>,
    /// CPUs of the machines the processes run on: what CPU-derived defaults (Celery's
    /// concurrency, PM2 `max`, Prisma's `connection_limit`) evaluate to in `connlint budget`.
    #[schemars(with = "Option<u64>", range(min = 1), extend("default" = 2))]
    cpus: Option<Spanned<i64>>,
    /// The largest single pool per database family (`mongodb = 100`).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, schema::Count>")]
    family: BTreeMap<String, Spanned<i64>>,
    /// Server connection limits by database: a URL's environment variable (`DATABASE_URL`), a
    /// host, or a family (`mongodb = 500` for an Atlas M0).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, schema::Count>")]
    limits: BTreeMap<String, Spanned<i64>>,
    /// What a process loads when its command does not say (`rq worker`, a supervisor): by
    /// process name, Python modules (`app.jobs`) or files (`src/worker.ts`), relative to the
    /// process's directory.
    #[serde(default)]
    entries: BTreeMap<String, Vec<String>>,
    /// The environment variable holding the URL of the live PostgreSQL server that `connlint
    /// budget` reads (as `--database-url` does), when it is set.
    database_url_env: Option<String>,
}

/// `[catalog]`: additions to the built-in catalogue.
#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    /// `[[catalog.client]]`: a client library connlint does not know, in the built-in
    /// catalogue's schema (`rules/catalog/*.toml`), plus its `language`.
    #[serde(default)]
    #[schemars(with = "Vec<schema::ClientDef>")]
    client: Vec<Spanned<crate::catalog::ClientDef>>,
}

/// A loaded, validated configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from (`None`: defaults).
    pub path: Option<PathBuf>,
    pub select: Option<Vec<&'static str>>,
    pub ignore: Vec<&'static str>,
    pub exclude: Option<GlobSet>,
    pub severity: BTreeMap<&'static str, Severity>,
    pub per_file_ignores: Vec<(GlobSet, Vec<&'static str>)>,
    pub budget: Budget,
    /// Client libraries added by `[[catalog.client]]`, per language (`typescript`, `python`, `rust`).
    pub clients: Vec<(String, crate::catalog::ClientDef)>,
}

impl Config {
    /// The built-in catalogue extended with this config's `[[catalog.client]]` entries.
    pub fn catalog(&self) -> crate::catalog::Catalog {
        let mut cat = crate::catalog::Catalog::shared().clone();
        for (lang, def) in &self.clients {
            cat.add_client(lang, def.clone());
        }
        cat
    }

    /// The directory paths in this config are relative to.
    pub fn root(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// Rules ignored for a file (path relative to the config's directory).
    pub fn ignored_for(&self, rel: &str) -> Vec<&'static str> {
        self.per_file_ignores
            .iter()
            .filter(|(g, _)| g.is_match(rel))
            .flat_map(|(_, r)| r.iter().copied())
            .collect()
    }
}

const NAMES: [&str; 2] = crate::project::CONFIG_FILES;

/// The configuration file of directory `dir` itself, if it has one: `connlint.toml`, then
/// `.connlint.toml`, then a `pyproject.toml` with a `[tool.connlint]` table.
pub fn config_file_in(dir: &Path) -> Option<PathBuf> {
    config_file_with(dir, &|_, _| None)
}

/// Whether directory `dir` holds a file `name`, when the caller already knows (a directory the
/// walk listed), so that nothing need be asked of the file system.
pub type KnownFiles<'a> = &'a dyn Fn(&Path, &str) -> Option<bool>;

/// [`config_file_in`], asking `known` first.
fn config_file_with(dir: &Path, known: KnownFiles<'_>) -> Option<PathBuf> {
    let is_file = |name: &str| known(dir, name).unwrap_or_else(|| dir.join(name).is_file());
    for name in NAMES {
        if is_file(name) {
            return Some(dir.join(name));
        }
    }
    let py = dir.join("pyproject.toml");
    (is_file("pyproject.toml")
        && crate::readfile::read_regular_text(&py, crate::readfile::MAX_AUX_READ)
            .is_ok_and(|text| text.contains("[tool.connlint")))
    .then_some(py)
}

/// Find the configuration for `start` (a file or directory): the nearest ancestor holding
/// `connlint.toml`, `.connlint.toml` or a `pyproject.toml` with `[tool.connlint]`.
pub fn discover(start: &Path, names: &RuleNames) -> Result<Config, Box<ConfigError>> {
    let abs = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    let dir = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent().unwrap_or(Path::new("/"))
    };
    match dir.ancestors().find_map(config_file_in) {
        Some(p) => load(&p, names),
        None => Ok(Config::default()),
    }
}

/// Each file's nearest configuration, found once per directory and loaded once per file (the
/// result of a run never depends on the order of its paths). Thread-safe.
#[derive(Debug)]
pub struct Resolver {
    names: RuleNames,
    /// Directory (absolute) → the configuration file governing it, if any.
    by_dir: std::sync::Mutex<std::collections::HashMap<PathBuf, Option<PathBuf>>>,
    /// Configuration file → its loaded configuration.
    loaded: std::sync::Mutex<std::collections::HashMap<PathBuf, std::sync::Arc<Config>>>,
}

impl Resolver {
    pub fn new(names: RuleNames) -> Resolver {
        Resolver {
            names,
            by_dir: Default::default(),
            loaded: Default::default(),
        }
    }

    /// The configuration governing `file` (a path to a file, which need not exist), or `None`
    /// when no ancestor directory holds one.
    pub fn for_file(
        &self,
        file: &Path,
    ) -> Result<Option<std::sync::Arc<Config>>, Box<ConfigError>> {
        self.for_file_with(file, &|_, _| None)
    }

    /// [`Resolver::for_file`], asking `known` which files a directory holds first.
    pub fn for_file_with(
        &self,
        file: &Path,
        known: KnownFiles<'_>,
    ) -> Result<Option<std::sync::Arc<Config>>, Box<ConfigError>> {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let dir = abs.parent().unwrap_or(Path::new("/"));
        let Some(path) = self.file_for_dir(dir, known) else {
            return Ok(None);
        };
        if let Some(c) = self.loaded.lock().ok().and_then(|m| m.get(&path).cloned()) {
            return Ok(Some(c));
        }
        let c = std::sync::Arc::new(load(&path, &self.names)?);
        if let Ok(mut m) = self.loaded.lock() {
            m.insert(path, c.clone());
        }
        Ok(Some(c))
    }

    fn file_for_dir(&self, dir: &Path, known: KnownFiles<'_>) -> Option<PathBuf> {
        if let Some(hit) = self.by_dir.lock().ok().and_then(|m| m.get(dir).cloned()) {
            return hit;
        }
        // Walk up until a directory already known or one holding a configuration.
        let mut visited = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(hit) = self.by_dir.lock().ok().and_then(|m| m.get(d).cloned()) {
                found = hit;
                break;
            }
            visited.push(d.to_path_buf());
            if let Some(p) = config_file_with(d, known) {
                found = Some(p);
                break;
            }
        }
        if let Ok(mut m) = self.by_dir.lock() {
            for d in visited {
                m.insert(d, found.clone());
            }
        }
        found
    }
}

/// Load a config file (`connlint.toml`-style, or a `pyproject.toml`).
pub fn load(path: &Path, names: &RuleNames) -> Result<Config, Box<ConfigError>> {
    let text =
        crate::readfile::read_regular_text(path, crate::readfile::MAX_AUX_READ).map_err(|e| {
            Box::new(ConfigError {
                message: format!("cannot read: {e}"),
                path: path.to_path_buf(),
                src: crate::snippet::of_text(&path.display().to_string(), "", Span::new(0, 0)).0,
                span: None,
                at: None,
                help: None,
            })
        })?;
    parse(path, &text, names)
}

/// Parse and validate config text; `path` decides whether it is a `pyproject.toml`.
pub fn parse(path: &Path, text: &str, names: &RuleNames) -> Result<Config, Box<ConfigError>> {
    let err = |message: String, span: Option<std::ops::Range<usize>>, help: Option<String>| {
        let at = span
            .clone()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end.max(r.start)));
        let (src, shown) = crate::snippet::of_text(&path.display().to_string(), text, at);
        Box::new(ConfigError {
            message,
            path: path.to_path_buf(),
            src,
            span: span.as_ref().map(|_| shown),
            at: span.map(|_| at),
            help,
        })
    };
    let de_err = |e: toml::de::Error| err(e.message().trim().to_string(), e.span(), None);
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let raw: RawConfig = if is_pyproject {
        // Parse the whole file for its spans; then the `[tool.connlint]` table alone.
        let _: toml::Table = toml::from_str(text).map_err(de_err)?;
        match find_table(text, "tool.connlint") {
            Some(range) => {
                // Sub-tables `[tool.connlint.severity]` become `[severity]`, padded with spaces
                // (allowed in table headers) so that offsets stay those of the file.
                let inner = text[range.clone()].replace("[tool.connlint.", "[              ");
                toml::from_str(&inner).map_err(|e| {
                    let span = e.span().map(|s| s.start + range.start..s.end + range.start);
                    err(e.message().trim().to_string(), span, None)
                })?
            }
            None => RawConfig::default(),
        }
    } else {
        toml::from_str(text).map_err(de_err)?
    };

    let rule = |s: &Spanned<String>| -> Result<&'static str, Box<ConfigError>> {
        (names.resolve)(s.get_ref()).ok_or_else(|| {
            let known = (names.ids)();
            err(
                format!("unknown rule `{}`", s.get_ref()),
                Some(s.span()),
                Some(format!("known rules: {}", known.join(", "))),
            )
        })
    };
    // Budget numbers: counts of connections or processes, at least 1.
    let count = |name: &str, v: &Spanned<i64>| -> Result<u64, Box<ConfigError>> {
        u64::try_from(*v.get_ref())
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| {
                err(
                    format!("`{name}` must be at least 1, not {}", v.get_ref()),
                    Some(v.span()),
                    Some(
                        "a connection limit, pool size or process count is a positive whole number"
                            .into(),
                    ),
                )
            })
    };
    let mut budget = Budget::default();
    if let Some(b) = &raw.budget {
        if let Some(v) = &b.max_connections {
            budget.max_connections = count("max_connections", v)?;
        }
        if let Some(v) = &b.instances {
            budget.instances = Some(count("instances", v)?);
        }
        if let Some(v) = &b.serverless_instances {
            budget.serverless_instances = count("serverless_instances", v)?;
        }
        if let Some(v) = &b.pool_max {
            budget.pool_max = Some(count("pool_max", v)?);
        }
        if let Some(v) = &b.session_pooler {
            budget.session_pooler = count("session_pooler", v)?;
        }
        if let Some(v) = &b.cpus {
            budget.cpus = count("cpus", v)?;
        }
        for (key, v) in &b.limits {
            budget
                .limits
                .insert(key.clone(), count(&format!("limits.{key}"), v)?);
        }
        budget.entries.clone_from(&b.entries);
        budget.database_url_env.clone_from(&b.database_url_env);
        for (family, v) in &b.family {
            budget
                .family
                .insert(family.clone(), count(&format!("family.{family}"), v)?);
        }
        if let (Some(pool_max), Some(v)) = (budget.pool_max, &b.pool_max)
            && pool_max > budget.max_connections
        {
            return Err(err(
                format!(
                    "`pool_max` ({pool_max}) is larger than `max_connections` ({})",
                    budget.max_connections
                ),
                Some(v.span()),
                Some("one pool cannot hold more connections than the server accepts".into()),
            ));
        }
    }
    let mut cfg = Config {
        path: Some(path.to_path_buf()),
        budget,
        ..Config::default()
    };
    if let Some(sel) = &raw.select {
        cfg.select = Some(sel.iter().map(rule).collect::<Result<_, _>>()?);
    }
    cfg.ignore = raw.ignore.iter().map(rule).collect::<Result<_, _>>()?;
    for (name, sev) in &raw.severity {
        let Some(id) = (names.resolve)(name) else {
            return Err(err(
                format!("unknown rule `{name}` in [severity]"),
                Some(sev.span()),
                None,
            ));
        };
        let Some(s) = Severity::parse(sev.get_ref()) else {
            return Err(err(
                format!("unknown severity `{}`", sev.get_ref()),
                Some(sev.span()),
                Some("use \"error\" or \"warning\"".into()),
            ));
        };
        cfg.severity.insert(id, s);
    }
    let glob = |g: &Spanned<String>| {
        Glob::new(g.get_ref()).map_err(|e| err(format!("invalid glob: {e}"), Some(g.span()), None))
    };
    if !raw.exclude.is_empty() {
        let mut b = GlobSetBuilder::new();
        for g in &raw.exclude {
            b.add(glob(g)?);
        }
        cfg.exclude = Some(
            b.build()
                .map_err(|e| err(format!("invalid exclude: {e}"), None, None))?,
        );
    }
    if let Some(catalog) = raw.catalog {
        for entry in catalog.client {
            let span = entry.span();
            let def = entry.into_inner();
            let lang = match def.language.as_deref() {
                Some(l @ ("typescript" | "python" | "rust")) => l.to_string(),
                Some(other) => {
                    return Err(err(
                        format!("unknown language `{other}` in [[catalog.client]]"),
                        Some(span),
                        Some("use \"typescript\", \"python\" or \"rust\"".into()),
                    ));
                }
                None => {
                    return Err(err(
                        "a [[catalog.client]] entry needs `language`".into(),
                        Some(span),
                        Some("add `language = \"typescript\"` (or \"python\", \"rust\")".into()),
                    ));
                }
            };
            if def.constructors.is_empty() && def.singletons.is_empty() {
                return Err(err(
                    format!("[[catalog.client]] `{}` has no constructors", def.id),
                    Some(span),
                    None,
                ));
            }
            cfg.clients.push((lang, def));
        }
    }
    for (pattern, rules_list) in &raw.per_file_ignores {
        let g = Glob::new(pattern).map_err(|e| {
            err(
                format!("invalid glob `{pattern}`: {e}"),
                Some(rules_list.span()),
                None,
            )
        })?;
        let set = GlobSetBuilder::new().add(g).build().map_err(|e| {
            err(
                format!("invalid glob `{pattern}`: {e}"),
                Some(rules_list.span()),
                None,
            )
        })?;
        let ids = rules_list
            .get_ref()
            .iter()
            .map(rule)
            .collect::<Result<Vec<_>, _>>()?;
        cfg.per_file_ignores.push((set, ids));
    }
    Ok(cfg)
}

/// The byte range of a `[name]` table's body (up to the next table header) in TOML text.
fn find_table(text: &str, name: &str) -> Option<std::ops::Range<usize>> {
    let header = format!("[{name}]");
    let mut offset = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if let Some(s) = start {
            if t.starts_with('[')
                && !t.starts_with(&format!("[{name}."))
                && !t.starts_with(&format!("[[{name}."))
            {
                return Some(s..offset);
            }
        } else if t == header {
            start = Some(offset + line.len());
        } else if t.starts_with(&format!("[{name}.")) || t.starts_with(&format!("[[{name}.")) {
            // Only sub-tables (`[tool.connlint.budget]` without `[tool.connlint]`): the
            // table starts at the first of them.
            start = Some(offset);
        }
        offset += line.len();
    }
    start.map(|s| s..text.len())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn position(text: &str, cfg_err: &ConfigError) -> (usize, usize) {
        let off = cfg_err.at.map(|s| s.start as usize).unwrap();
        let line = text[..off].matches('\n').count() + 1;
        let col = off - text[..off].rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
        (line, col)
    }

    #[test]
    fn valid_config() {
        let text = "select = [\"per-request-client\"]\nexclude = [\"legacy/**\"]\n[severity]\nCL101 = \"warning\"\n[per-file-ignores]\n\"scripts/**\" = [\"CL101\"]\n[budget]\nmax_connections = 200\n";
        let c = parse(Path::new("connlint.toml"), text, &crate::rules::NAMES).unwrap();
        assert_eq!(c.select, Some(vec!["per-request-client"]));
        assert_eq!(
            c.severity.get("per-request-client"),
            Some(&Severity::Warning)
        );
        assert_eq!(c.ignored_for("scripts/seed.ts"), vec!["per-request-client"]);
        assert!(c.ignored_for("app/route.ts").is_empty());
        assert!(c.exclude.as_ref().unwrap().is_match("legacy/a/b.ts"));
        assert_eq!(c.budget.max_connections, 200);
        assert_eq!(c.budget.session_pooler, 15);
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let text = "select = []\nselectt = [\"x\"]\n";
        let e = parse(Path::new("connlint.toml"), text, &crate::rules::NAMES).unwrap_err();
        assert!(e.message.contains("selectt"), "{}", e.message);
        assert_eq!(position(text, &e), (2, 1));
    }

    #[test]
    fn unknown_rule_points_at_the_value() {
        let text = "ignore = [\"per-request-client\", \"no-such-rule\"]\n";
        let e = parse(Path::new("connlint.toml"), text, &crate::rules::NAMES).unwrap_err();
        assert!(e.message.contains("no-such-rule"));
        assert_eq!(position(text, &e), (1, 33));
    }

    #[test]
    fn wrong_type() {
        let text = "[budget]\nmax_connections = \"lots\"\n";
        let e = parse(Path::new("connlint.toml"), text, &crate::rules::NAMES).unwrap_err();
        assert_eq!(position(text, &e).0, 2);
    }

    #[test]
    fn pyproject_sub_tables_without_the_table_itself() {
        let text = "[project]\nname = \"x\"\n\n[tool.connlint.budget]\ninstances = 6\n\n[tool.ruff]\nline-length = 100\n";
        let c = parse(Path::new("pyproject.toml"), text, &crate::rules::NAMES).unwrap();
        assert_eq!(c.budget.instances, Some(6));
    }

    #[test]
    fn pyproject_tool_table() {
        let text = "[project]\nname = \"x\"\n\n[tool.connlint]\nignore = [\"CL101\"]\n\n[tool.connlint.severity]\nper-request-client = \"warning\"\n\n[tool.ruff]\nline-length = 100\n";
        let c = parse(Path::new("pyproject.toml"), text, &crate::rules::NAMES).unwrap();
        assert_eq!(c.ignore, vec!["per-request-client"]);
        assert_eq!(
            c.severity.get("per-request-client"),
            Some(&Severity::Warning)
        );
        let bad = "[project]\nname = \"x\"\n\n[tool.connlint]\nignroe = [\"CL101\"]\n";
        let e = parse(Path::new("pyproject.toml"), bad, &crate::rules::NAMES).unwrap_err();
        assert_eq!(position(bad, &e), (5, 1));
    }

    #[test]
    fn catalog_entries_extend_the_builtin_catalogue() {
        let text = "[[catalog.client]]\nlanguage = \"python\"\nid = \"acme\"\nlibrary = \"acme-db\"\nfamily = \"postgres\"\nkind = \"pool\"\nmodules = [\"acme_db\"]\nconstructors = [{ call = \"connect_pool\" }]\n";
        let c = parse(Path::new("connlint.toml"), text, &crate::rules::NAMES).unwrap();
        let cat = c.catalog();
        assert_eq!(
            cat.py
                .match_py("acme_db.connect_pool")
                .map(|m| m.client.id.as_str()),
            Some("acme")
        );
        let bad = "[[catalog.client]]\nlanguage = \"cobol\"\nid = \"x\"\nlibrary = \"x\"\nfamily = \"x\"\nkind = \"pool\"\nmodules = [\"x\"]\nconstructors = [{ call = \"x\" }]\n";
        assert!(
            parse(Path::new("connlint.toml"), bad, &crate::rules::NAMES)
                .unwrap_err()
                .message
                .contains("cobol")
        );
        let typo = "[[catalog.client]]\nlanguage = \"python\"\nid = \"x\"\nlibary = \"x\"\n";
        let e = parse(Path::new("connlint.toml"), typo, &crate::rules::NAMES).unwrap_err();
        assert!(e.message.contains("libary"), "{}", e.message);
        assert_eq!(position(typo, &e).0, 4);
    }

    #[test]
    fn discovery_finds_the_nearest_ancestor() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("app/api")).unwrap();
        std::fs::write(
            dir.path().join("connlint.toml"),
            "ignore = [\"per-request-client\"]\n",
        )
        .unwrap();
        let c = discover(&dir.path().join("app/api"), &crate::rules::NAMES).unwrap();
        assert_eq!(c.ignore, vec!["per-request-client"]);
        std::fs::write(dir.path().join("app/.connlint.toml"), "").unwrap();
        let c = discover(&dir.path().join("app/api"), &crate::rules::NAMES).unwrap();
        assert!(c.ignore.is_empty());
    }
}

//! The connection budget: every long-lived pool, times the processes that hold it, summed per
//! database and compared with the server's limit. One computation with two views: the
//! `connlint budget` report and `oversized-pool`'s project-total finding.
//!
//! A pool is held by every process that loads it: a process of the deployment descriptions
//! ([`crate::deploy`]) loads its entry point (`app.main` of `gunicorn app.main:app`, `app.tasks`
//! of `celery -A app.tasks worker`, `dist/server.js` of `node`) and what that imports,
//! transitively ([`crate::imports`]): the gunicorn workers hold the web engine, the Celery
//! children the worker's. A process whose entry point is unknown (`rq worker`, a binary) holds
//! every pool of its runtime under its directory, and is marked assumed. A serverless project's
//! pools are held by `[budget] serverless_instances` instances; without a description, by
//! `[budget] instances` or one process.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::catalog::PoolerMode;
use crate::cx::ProjectCx;
use crate::deploy::{Deployment, Ignored, Process, Runtime};
use crate::facts::{ScopeKind, UrlRef};
use crate::pools::{self, PoolMax};
use crate::source::{Lang, Span};

/// The whole report.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Budget {
    /// CPUs assumed for CPU-derived defaults (`[budget] cpus`).
    pub cpus: u64,
    pub databases: Vec<Database>,
    /// The processes found (index = [`Holder::process`]).
    pub processes: Vec<Process>,
    /// Deployment descriptions read and not counted, and why.
    pub ignored: Vec<Ignored>,
    /// What the live server says (`--database-url`), beside the static budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<crate::livedb::Server>,
    /// `[budget] database_url_env`: the variable holding the live server's URL.
    #[serde(skip)]
    pub database_url_env: Option<String>,
}

/// One database: its pools and their sum against its limit.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Database {
    /// The URL's environment variable (`DATABASE_URL`), else its host, else the family with
    /// "(URL not found)".
    pub name: String,
    pub family: String,
    pub pools: Vec<Pool>,
    /// The sum of every pool's connections (pools of unknown size left out).
    pub total: u64,
    /// A pool has no upper bound (`max_overflow=-1`): the total is a floor.
    pub unbounded: bool,
    pub limit: Option<Limit>,
    /// When over its limit: the largest connections per process for each pool of known size
    /// that make the pools fit, in proportion to today's sizes ([`advise`]).
    pub advice: Vec<Advice>,
}

/// A pool's largest size per process that fits its database's limit.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Advice {
    pub path: String,
    pub line: u32,
    /// Connections one process may open today.
    pub now: u64,
    /// At most this many per process.
    pub max: u64,
    pub processes: u64,
    /// `max × processes`.
    pub connections: u64,
}

impl Database {
    /// `limit - total` (negative: overshoot).
    pub fn headroom(&self) -> Option<i64> {
        let limit = i64::try_from(self.limit.as_ref()?.value).ok()?;
        Some(limit.saturating_sub(i64::try_from(self.total).unwrap_or(i64::MAX)))
    }

    pub fn over(&self) -> bool {
        self.headroom().is_some_and(|h| h < 0)
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Limit {
    pub value: u64,
    /// Where it comes from (`[budget] max_connections`, the Supabase session pooler).
    pub why: String,
    /// Not configured: a default connlint assumes.
    pub assumed: bool,
}

/// A long-lived pool or client.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pool {
    #[serde(skip)]
    pub file: usize,
    #[serde(skip)]
    pub span: Span,
    pub path: String,
    pub line: u32,
    pub library: String,
    /// The construction as written (`create_engine`, `new Pool`).
    pub ctor: String,
    /// Connections one process may open; `None`: unknown (a variable) or unbounded.
    pub max: Option<u64>,
    /// `pool_size 20 + max_overflow 30 = 50`, `max 10 (default)`, `unbounded (max_overflow)`.
    pub max_text: String,
    /// Every term is the library's default: nothing is written.
    pub default: bool,
    /// Minimum / idle settings as written (`min_size 10`), or their defaults.
    pub min: Vec<String>,
    pub holders: Vec<Holder>,
    /// Processes that each hold this pool.
    pub processes: u64,
    /// `max × processes`.
    pub connections: u64,
}

/// Who holds a pool, and how many of them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Holder {
    /// Index into [`Budget::processes`]; `None` for a configured or assumed multiplier.
    pub process: Option<usize>,
    pub name: String,
    pub count: u64,
    /// Where the count comes from when no process description gives it, or why the process is
    /// assumed to hold the pool.
    pub why: String,
    /// How the process reaches the pool's file: the file, the module that imports it, … up to
    /// the process's entry point (`backend/app/db.py`, `backend/app/main.py`, `gunicorn
    /// app.main:app`). Empty when the process's entry point is unknown.
    pub chain: Vec<String>,
    /// The process's entry point is unknown: it is assumed to load every module of its
    /// runtime under its directory.
    pub assumed: bool,
}

/// What each process of the deployment loads.
struct Loads {
    /// Per process: the files it loads, each with the file it was reached from (`None`: an
    /// entry); `None` when it loads everything of its runtime under its directory.
    reach: Vec<Option<BTreeMap<usize, Option<usize>>>>,
    /// Per process: why it is assumed to load everything (empty: it does so by design, as
    /// `next start` loads every route).
    why: Vec<String>,
    /// Per process: its entry point as written (`gunicorn app.main:app`).
    entry: Vec<String>,
    /// Per process: a Rust binary's `main` file (`src/bin/worker.rs`, `src/main.rs`), whose
    /// start-up decides which pool-building functions it runs.
    native_entry: Vec<Option<usize>>,
}

/// The files each process loads, from its entry point through the import graph.
fn loads(cx: &ProjectCx<'_>, deployment: &Deployment) -> Loads {
    let lists = cx
        .memo
        .importer_lists
        .get_or_init(|| crate::imports::importer_lists(cx.files));
    let imports = crate::imports::imports_of(lists);
    let by_path: HashMap<PathBuf, usize> = cx
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (std::path::absolute(&f.source.path).unwrap_or_default(), i))
        .collect();
    let mut out = Loads {
        reach: Vec::new(),
        why: Vec::new(),
        entry: Vec::new(),
        native_entry: Vec::new(),
    };
    for p in &deployment.processes {
        out.native_entry.push(if p.runtime == Runtime::Native {
            native_entry(p).iter().find_map(|c| by_path.get(c).copied())
        } else {
            None
        });
        let mut entries: Vec<usize> = Vec::new();
        let mut written: Vec<String> = Vec::new();
        if let Some(e) = &p.entry {
            written.push(e.strip_prefix(&p.dir).unwrap_or(e).display().to_string());
            entries.extend(entry_files(e).iter().filter_map(|c| by_path.get(c)));
        }
        for m in &p.modules {
            written.push(m.clone());
            entries.extend(
                module_files(&p.dir, m)
                    .iter()
                    .filter_map(|c| by_path.get(c)),
            );
        }
        // `[budget.entries] jobs = ["app.jobs"]`: what the command does not say.
        let configured = cx
            .configs
            .iter()
            .find_map(|c| c.budget.entries.get(&p.name))
            .filter(|_| written.is_empty() && p.entry.is_none());
        for e in configured.into_iter().flatten() {
            written.push(e.clone());
            let files: Vec<PathBuf> = if e.contains('/') || e.contains('\\') {
                entry_files(&p.dir.join(e))
            } else {
                module_files(&p.dir, e)
            };
            entries.extend(files.iter().filter_map(|c| by_path.get(c)));
        }
        entries.sort_unstable();
        entries.dedup();
        // A celery `-A proj` names `proj.celery` or `proj`: one of them is enough.
        let shown: Vec<String> = if p.server.starts_with("celery") && written.len() == 2 {
            written.split_off(1)
        } else {
            written.clone()
        };
        out.entry.push(if shown.is_empty() {
            p.server.clone()
        } else {
            format!("{} {}", p.server, shown.join(" "))
        });
        if !entries.is_empty() {
            out.reach
                .push(Some(crate::imports::reached_from(&imports, &entries)));
            out.why.push(String::new());
            continue;
        }
        out.reach.push(None);
        out.why.push(match (p.runtime, written.is_empty()) {
            (Runtime::Native, _) => String::new(),
            (Runtime::Node, true) if p.server.starts_with("next") => String::new(),
            (_, true) => format!(
                "`{}` names no entry point connlint follows: assumed to load every module under {} (name what it loads in connlint.toml: [budget.entries] {} = [\"app.jobs\"])",
                p.server,
                display_dir(&p.dir),
                p.name
            ),
            (_, false) => format!(
                "its entry point ({}) is not among the checked files: assumed to load every module under {}",
                written.join(", "),
                display_dir(&p.dir)
            ),
        });
    }
    out
}

/// The `main` file a Rust binary process may run: `src/bin/NAME.rs`, `src/bin/NAME/main.rs`,
/// else `src/main.rs` (`binary `NAME`` as the command reader names it).
fn native_entry(p: &crate::deploy::Process) -> Vec<PathBuf> {
    let name = p
        .server
        .strip_prefix("binary `")
        .and_then(|s| s.strip_suffix('`'))
        .unwrap_or("");
    let mut out = Vec::new();
    if !name.is_empty() {
        out.push(p.dir.join("src/bin").join(format!("{name}.rs")));
        out.push(p.dir.join("src/bin").join(name).join("main.rs"));
    }
    out.push(p.dir.join("src/main.rs"));
    out
}

/// A directory as the run shows paths (relative to the working directory when under it).
fn display_dir(dir: &Path) -> String {
    let shown = crate::deploy::display(dir);
    if shown.is_empty() {
        ".".into()
    } else {
        format!("{shown}/")
    }
}

/// of a build output (`dist/server.js` ← `src/server.ts`).
fn entry_files(e: &Path) -> Vec<PathBuf> {
    let mut out = vec![e.to_path_buf(), e.with_extension("js")];
    let text = e.display().to_string();
    for out_dir in ["/dist/", "/build/", "/out/", "/lib/"] {
        // The last such folder: the project's own path may hold one (`/home/u/build/app/…`).
        if let Some((head, tail)) = text.rsplit_once(out_dir) {
            let src = PathBuf::from(format!("{head}/src/{tail}"));
            for ext in ["ts", "js", "mts", "tsx"] {
                out.push(src.with_extension(ext));
            }
        }
    }
    out
}

/// The files a Python module may be, under the process's directory (or its `src/`).
fn module_files(dir: &Path, module: &str) -> Vec<PathBuf> {
    let rel = module.replace('.', "/");
    let mut out = Vec::new();
    for base in [dir.to_path_buf(), dir.join("src")] {
        out.push(base.join(format!("{rel}.py")));
        out.push(base.join(&rel).join("__init__.py"));
    }
    out
}

fn runtime_of(lang: Lang) -> Option<Runtime> {
    match lang {
        Lang::Py => Some(Runtime::Python),
        Lang::Ts | Lang::Tsx | Lang::Js => Some(Runtime::Node),
        Lang::Rs => Some(Runtime::Native),
        _ => None,
    }
}

/// Compute the budget of everything in `cx`, with the processes of its deployment.
pub fn compute(cx: &ProjectCx<'_>) -> Budget {
    let deployment = cx.deployment;
    let mut out = Budget {
        cpus: cx.config_of(0).budget.cpus,
        processes: deployment.processes.clone(),
        ignored: deployment.ignored.clone(),
        databases: Vec::new(),
        server: None,
        database_url_env: cx
            .configs
            .iter()
            .find_map(|c| c.budget.database_url_env.clone()),
    };
    let mut databases: BTreeMap<String, Database> = BTreeMap::new();
    let loads = loads(cx, deployment);
    for (fi, file) in cx.files.iter().enumerate() {
        // Scripts and tests run as processes of their own, not in the deployed ones (a
        // `wait-for-redis.py` in a container's entrypoint), unless a deployed process runs it
        // (`node server.js`).
        let runs_it = || {
            if cx.deployment.processes.is_empty() {
                return false;
            }
            let abs = std::path::absolute(&file.source.path).unwrap_or_default();
            cx.deployment.processes.iter().any(|p| {
                p.entry
                    .as_ref()
                    .is_some_and(|e| *e == abs || e.with_extension("js") == abs)
            })
        };
        if pools::is_auxiliary(&file.source.rel) || (file.facts.entry_script && !runs_it()) {
            continue;
        }
        let budget = &cx.config_of(fi).budget;
        for (ci, c) in file.facts.clients.iter().enumerate() {
            // Built once: at module scope, in start-up code, under a cache, or by a function
            // only start-up code calls that keeps what it builds (`def init_engine()` called
            // from `create_app()`, `fn init_pool()` called from `main`).
            let startup_factory = c.scope.kind == ScopeKind::Function
                && !c.released
                && c.in_fn
                    .is_some_and(|f| cx.graph.startup_only.contains(&(fi, f)));
            let long_lived = c.scope.kind == ScopeKind::Module
                || c.scope.kind == ScopeKind::Startup
                || startup_factory
                || (c.guard.is_guarded() && c.scope.kind != ScopeKind::Test);
            if !long_lived {
                continue;
            }
            let Some(def) = cx.catalog.by_id(&c.client) else {
                continue;
            };
            if cx.catalog.db.family(&def.family).is_none() || def.pool_keys.is_empty() {
                continue;
            }
            let config = pools::config_of(file, ci);
            // A pool that keeps no connections (`poolclass=NullPool`) holds none between uses.
            if pools::unpooled(def, config) {
                continue;
            }
            let url_ref = pools::url_ref(cx.files, fi, config).map(|(_, u)| u);
            // The URL: in the code or a dotenv file, else in the environment the deployment
            // gives the processes running this file.
            let url = pools::resolve_url(cx.files, fi, config)
                .or_else(|| deployment_url(cx, fi, url_ref, deployment, c.span));
            let mut max = pools::pool_max(def, fi, config, url.as_ref());
            let mut cpu_note = None;
            if max == PoolMax::Unknown
                && let Some(key) = def.pool_keys.iter().find(|k| {
                    k.cpu_default.is_some()
                        && url
                            .as_ref()
                            .is_none_or(|u| u.parsed.param(&k.key).is_none())
                        && config.is_none_or(|c| c.option(&k.key).is_none())
                })
                && let Some(d) = key.cpu_default
            {
                let cpus = budget.cpus;
                max = PoolMax::Bounded(vec![pools::Term {
                    key: key.key.clone(),
                    value: d.per_cpu.saturating_mul(cpus).saturating_add(d.plus),
                    at: None,
                }]);
                cpu_note = Some(format!(
                    "CPUs × {} + {} with {cpus} CPUs assumed ([budget] cpus)",
                    d.per_cpu, d.plus
                ));
            }
            let (max_n, max_text, default, unbounded) = match &max {
                PoolMax::Bounded(terms) => (
                    Some(pools::sum(terms.iter().map(|t| t.value))),
                    match &cpu_note {
                        Some(n) => format!("{}: {n}", pools::arithmetic(terms)),
                        None => pools::arithmetic(terms),
                    },
                    terms.iter().all(|t| t.at.is_none()),
                    false,
                ),
                PoolMax::Unbounded { key, .. } => {
                    (None, format!("unbounded (`{key}`)"), false, true)
                }
                PoolMax::Unknown => (None, "unknown (not a literal)".into(), false, false),
            };
            let mut min = Vec::new();
            for key in def.pool_keys.iter().filter(|k| k.min) {
                let written = if key.url {
                    url.as_ref()
                        .and_then(|u| u.parsed.param(&key.key).map(str::to_string))
                } else {
                    config
                        .and_then(|c| c.option(&key.key))
                        .and_then(|o| pools::value_text(&o.value))
                };
                match (written, key.default) {
                    (Some(v), _) => min.push(format!("{} {v}", key.key)),
                    (None, Some(d)) => min.push(format!("{} {d} (default)", key.key)),
                    (None, None) => {}
                }
            }
            // A Rust pool built by a start-up function exists in the binaries whose start-up
            // calls it (`db::init_pool()` from `src/bin/web.rs`'s `main`).
            let rust_roots = (file.source.lang == Lang::Rs && startup_factory)
                .then_some(c.in_fn)
                .flatten()
                .map(|f| {
                    cx.graph.startup_roots((fi, f), |(cf, ci)| {
                        let call = &cx.files[cf].facts.calls[ci];
                        (call.scope.kind, call.in_fn)
                    })
                });
            let holders = holders_of(cx, fi, deployment, &loads, rust_roots.as_ref());
            let processes = pools::sum(holders.iter().map(|h| h.count));
            let connections = max_n.unwrap_or(0).saturating_mul(processes);
            // Which database: the URL's variable, else its host.
            let family = url
                .as_ref()
                .map(|u| cx.catalog.db.family_of_scheme(&u.parsed.scheme).to_string())
                .filter(|f| !f.is_empty() && f != "sql")
                .unwrap_or_else(|| def.family.clone());
            let name = match (url_ref, &url) {
                (Some(UrlRef::Env { name, .. }), _) => name.clone(),
                (_, Some(u)) if !u.parsed.host.is_empty() => u.parsed.host.clone(),
                _ => format!("{family} (URL not found)"),
            };
            let at = file.source.position(c.span.start);
            let pool = Pool {
                file: fi,
                span: c.span,
                path: file.source.display.clone(),
                line: at.line,
                library: def.library.clone(),
                ctor: c.ctor.clone(),
                max: max_n,
                max_text,
                default,
                min,
                holders,
                processes,
                connections,
            };
            let db = databases.entry(name.clone()).or_insert_with(|| Database {
                name: name.clone(),
                family: family.clone(),
                pools: Vec::new(),
                total: 0,
                unbounded: false,
                limit: None,
                advice: Vec::new(),
            });
            if db.family == "sql" {
                db.family = family.clone();
            }
            db.total = db.total.saturating_add(connections);
            db.unbounded |= unbounded;
            if db.limit.is_none() {
                db.limit = limit_for(cx, budget, &name, &family, url.as_ref(), deployment);
            }
            db.pools.push(pool);
        }
    }
    out.databases = databases.into_values().collect();
    advise(&mut out);
    out
}

/// Each pool's share of its database's budget, as Markdown (the LSP's hover on a pool):
/// (file index, the construction's span, text).
pub fn shares(b: &Budget) -> Vec<(usize, Span, String)> {
    let mut out = Vec::new();
    for d in &b.databases {
        let limit = match (&d.limit, d.headroom()) {
            (Some(l), Some(h)) if h < 0 => format!(
                "limit {} ({}): **{} over**",
                l.value,
                l.why,
                h.unsigned_abs()
            ),
            (Some(l), Some(h)) => format!("limit {} ({}): {h} to spare", l.value, l.why),
            _ => "limit unknown".to_string(),
        };
        for p in &d.pools {
            let holders: Vec<String> = p
                .holders
                .iter()
                .map(|h| format!("{} {}", h.name, h.count))
                .collect();
            let percent = p
                .connections
                .saturating_mul(100)
                .checked_div(d.total)
                .unwrap_or(0);
            let mut text = format!(
                "**connlint budget**: `{}` opens up to {} per process ({}) × {} = **{}** of `{}`'s {} connections ({percent} %), {limit}",
                p.ctor,
                p.max.map_or("?".to_string(), |m| m.to_string()),
                p.max_text,
                if holders.is_empty() {
                    "no process".to_string()
                } else {
                    holders.join(" + ")
                },
                p.connections,
                d.name,
                d.total
            );
            if let Some(a) = d
                .advice
                .iter()
                .find(|a| a.path == p.path && a.line == p.line)
            {
                text.push_str(&format!(". To fit, at most {} per process here.", a.max));
            }
            text.push_str("\n\n`connlint budget` shows the whole sum.");
            out.push((p.file, p.span, text));
        }
    }
    out
}

/// What-if: other replica counts for named processes, another limit for every database (or
/// for the named ones). Totals and advice are recomputed. Errors name an unknown process.
pub fn what_if(
    b: &mut Budget,
    replicas: &[(String, u64)],
    max_connections: &[(Option<String>, u64)],
) -> Result<(), String> {
    for (name, n) in replicas {
        let mut found = false;
        for p in b.processes.iter_mut().filter(|p| &p.name == name) {
            p.replicas = crate::deploy::Count {
                value: (*n).max(1),
                at: None,
                note: format!("--replicas {name}={n}"),
            };
            found = true;
        }
        if !found {
            let known: Vec<&str> = b.processes.iter().map(|p| p.name.as_str()).collect();
            return Err(if known.is_empty() {
                format!("--replicas {name}={n}: no process was found to scale")
            } else {
                format!(
                    "--replicas {name}={n}: no process named `{name}` (processes: {})",
                    known.join(", ")
                )
            });
        }
    }
    for (name, n) in max_connections {
        if let Some(name) = name
            && !b.databases.iter().any(|d| &d.name == name)
        {
            let known: Vec<&str> = b.databases.iter().map(|d| d.name.as_str()).collect();
            return Err(format!(
                "--max-connections {name}={n}: no database named `{name}` (databases: {})",
                known.join(", ")
            ));
        }
        for d in b
            .databases
            .iter_mut()
            .filter(|d| name.as_ref().is_none_or(|x| *x == d.name))
        {
            d.limit = Some(Limit {
                value: *n,
                why: "--max-connections".into(),
                assumed: false,
            });
        }
    }
    let processes = b.processes.clone();
    for d in &mut b.databases {
        let mut total = 0u64;
        for pool in &mut d.pools {
            for h in &mut pool.holders {
                if let Some(p) = h.process.and_then(|i| processes.get(i)) {
                    h.count = p.total();
                }
            }
            pool.processes = pools::sum(pool.holders.iter().map(|h| h.count));
            pool.connections = pool.max.unwrap_or(0).saturating_mul(pool.processes);
            total = total.saturating_add(pool.connections);
        }
        d.total = total;
    }
    advise(b);
    Ok(())
}

/// For each database over its limit: the largest connections per process for each pool of
/// known size, in proportion to today's sizes, whose sum fits the limit (none when even one
/// connection per process does not).
pub fn advise(b: &mut Budget) {
    for d in &mut b.databases {
        d.advice.clear();
        let Some(limit) = d.limit.as_ref().map(|l| l.value) else {
            continue;
        };
        if !d.over() || d.unbounded {
            continue;
        }
        let sized: Vec<&Pool> = d
            .pools
            .iter()
            .filter(|p| p.max.is_some_and(|m| m > 0) && p.processes > 0)
            .collect();
        // The pools of unknown size stay as they are; the rest share what is left.
        let fixed: u64 = d
            .pools
            .iter()
            .filter(|p| p.max.is_none() || p.processes == 0)
            .map(|p| p.connections)
            .sum();
        let room = limit.saturating_sub(fixed);
        let total: u64 = sized.iter().map(|p| p.connections).sum();
        if total == 0 {
            continue;
        }
        let mut caps: Vec<u64> = sized
            .iter()
            .map(|p| {
                let now = p.max.unwrap_or(0);
                let scaled = u128::from(now) * u128::from(room) / u128::from(total);
                u64::try_from(scaled).unwrap_or(u64::MAX).clamp(1, now)
            })
            .collect();
        let used = |caps: &[u64]| -> u64 {
            caps.iter()
                .zip(&sized)
                .map(|(c, p)| c.saturating_mul(p.processes))
                .sum()
        };
        // Rounding down fits already; if the floor of one per process does not, say nothing.
        while used(&caps) > room {
            let Some((i, _)) = caps
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 1)
                .max_by_key(|(i, c)| c.saturating_mul(sized[*i].processes))
            else {
                break;
            };
            caps[i] -= 1;
        }
        if used(&caps) > room {
            continue;
        }
        // Rounding down left room: give it back, one connection at a time, to the pools that
        // lost the most to rounding (never above today's size).
        let mut order: Vec<usize> = (0..sized.len()).collect();
        order.sort_by_key(|i| {
            let now = u128::from(sized[*i].max.unwrap_or(0));
            std::cmp::Reverse((now * u128::from(room)) % u128::from(total))
        });
        for i in order {
            let step = sized[i].processes;
            if caps[i] < sized[i].max.unwrap_or(0) && used(&caps).saturating_add(step) <= room {
                caps[i] += 1;
            }
        }
        d.advice = sized
            .iter()
            .zip(caps)
            .map(|(p, cap)| Advice {
                path: p.path.clone(),
                line: p.line,
                now: p.max.unwrap_or(0),
                max: cap,
                processes: p.processes,
                connections: cap.saturating_mul(p.processes),
            })
            .collect();
    }
}

/// A URL the deployment sets in the environment of the processes running file `fi`, for a
/// client that reads it from that variable.
fn deployment_url(
    cx: &ProjectCx<'_>,
    fi: usize,
    url_ref: Option<&UrlRef>,
    deployment: &Deployment,
    span: Span,
) -> Option<pools::ResolvedUrl> {
    let Some(UrlRef::Env { name, .. }) = url_ref else {
        return None;
    };
    let source = &cx.files[fi].source;
    let abs = std::path::absolute(&source.path).unwrap_or_else(|_| source.path.clone());
    let e = deployment
        .env_urls
        .iter()
        .find(|e| &e.name == name && abs.starts_with(&e.dir))?;
    let parsed = crate::connurl::ParsedUrl::parse(&e.value)?;
    Some(pools::ResolvedUrl {
        text: e.value.clone(),
        raw_scheme: e
            .value
            .split("://")
            .next()
            .unwrap_or("")
            .to_ascii_lowercase(),
        parsed,
        loc: (fi, span),
        var: Some(name.clone()),
    })
}

/// The processes holding a pool written in file `fi`.
fn holders_of(
    cx: &ProjectCx<'_>,
    fi: usize,
    deployment: &Deployment,
    loads: &Loads,
    rust_roots: Option<&std::collections::BTreeSet<usize>>,
) -> Vec<Holder> {
    let source = &cx.files[fi].source;
    let budget = &cx.config_of(fi).budget;
    let assumed_count = |name: &str, count: u64, why: &str| Holder {
        process: None,
        name: name.into(),
        count,
        why: why.into(),
        chain: Vec::new(),
        assumed: false,
    };
    if source.project.serverless {
        return vec![match budget.instances {
            Some(n) => assumed_count("instances", n, "[budget] instances"),
            None => assumed_count(
                "serverless instances",
                budget.serverless_instances,
                "a serverless project: each instance has its own pools ([budget] serverless_instances)",
            ),
        }];
    }
    let abs = std::path::absolute(&source.path).unwrap_or_else(|_| source.path.clone());
    let runtime = runtime_of(source.lang);
    let candidates: Vec<(usize, &crate::deploy::Process)> = deployment
        .processes
        .iter()
        .enumerate()
        .filter(|(_, p)| Some(p.runtime) == runtime && abs.starts_with(&p.dir))
        .collect();
    let held: Vec<Holder> = candidates
        .iter()
        .filter_map(|(i, p)| {
            // A Rust binary runs the pool-building functions its start-up calls.
            if let (Some(roots), Some(Some(entry))) = (rust_roots, loads.native_entry.get(*i)) {
                if !roots.contains(entry) {
                    return None;
                }
                return Some(Holder {
                    process: Some(*i),
                    name: format!("{} ({})", p.name, p.server),
                    count: p.total(),
                    why: String::new(),
                    chain: vec![
                        cx.files[fi].source.display.clone(),
                        cx.files[*entry].source.display.clone(),
                        p.server.clone(),
                    ],
                    assumed: false,
                });
            }
            let chain = match loads.reach.get(*i)? {
                Some(r) => {
                    // The file, then each importer it was reached from, up to the entry.
                    let mut chain = Vec::new();
                    let mut at = Some(fi);
                    while let Some(f) = at {
                        chain.push(cx.files[f].source.display.clone());
                        at = *r.get(&f)?;
                        if chain.len() > 64 {
                            break;
                        }
                    }
                    chain.push(loads.entry.get(*i).cloned().unwrap_or_default());
                    chain
                }
                None => Vec::new(),
            };
            let why = loads.why.get(*i).cloned().unwrap_or_default();
            Some(Holder {
                process: Some(*i),
                name: format!("{} ({})", p.name, p.server),
                count: p.total(),
                assumed: !why.is_empty(),
                why,
                chain,
            })
        })
        .collect();
    // Processes run this code: the pool is held by those that load its file (none: it is in
    // no process's imports).
    if !candidates.is_empty() {
        return held;
    }
    match budget.instances {
        Some(n) => vec![assumed_count("instances", n, "[budget] instances")],
        None => vec![assumed_count(
            "one process",
            1,
            "no deployment description runs this code; set [budget] instances",
        )],
    }
}

/// The server limit of a database: `[budget.limits]` by variable, host or family; a Supabase
/// session-mode pooler's pool size; `[budget] max_connections` for relational databases.
fn limit_for(
    cx: &ProjectCx<'_>,
    budget: &crate::config::Budget,
    name: &str,
    family: &str,
    url: Option<&pools::ResolvedUrl>,
    deployment: &Deployment,
) -> Option<Limit> {
    let host = url.map(|u| u.parsed.host.as_str()).unwrap_or("");
    for key in [name, host, family] {
        if let Some(n) = budget.limits.get(key) {
            return Some(Limit {
                value: *n,
                why: format!("[budget.limits] {key}"),
                assumed: false,
            });
        }
    }
    if let Some(p) = url.and_then(|u| u.parsed.pooler(&cx.catalog.db.pooler, PoolerMode::Session)) {
        return Some(Limit {
            value: budget.session_pooler,
            why: format!("{} ([budget] session_pooler)", p.name),
            assumed: false,
        });
    }
    if let Some(server) = deployment
        .servers
        .iter()
        .find(|s| !host.is_empty() && s.host == host)
    {
        return Some(Limit {
            value: server.max_connections,
            why: format!("max_connections of `{}` at {}", server.host, server.at),
            assumed: false,
        });
    }
    let db = cx.catalog.db.family(family)?;
    // Redis accepts ~10,000 clients: no limit unless configured.
    if !db.server_total || db.only_when_budgeted {
        return None;
    }
    let assumed = budget.max_connections == crate::config::Budget::default().max_connections;
    if !assumed {
        return Some(Limit {
            value: budget.max_connections,
            why: "[budget] max_connections".into(),
            assumed,
        });
    }
    // The server's own default (the catalogue's), else the configured default.
    Some(match &db.server_default {
        Some(d) => Limit {
            value: d.max,
            why: format!("{}; set [budget] max_connections", d.why),
            assumed,
        },
        None => Limit {
            value: budget.max_connections,
            why: "[budget] max_connections (default)".into(),
            assumed,
        },
    })
}

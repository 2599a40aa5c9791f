//! The connection budget: every long-lived pool, times the processes that hold it, summed per
//! database and compared with the server's limit. One computation with two views: the
//! `connlint budget` report and `oversized-pool`'s project-total finding.
//!
//! A pool is held by every process whose code contains it: the processes of the deployment
//! descriptions ([`crate::deploy`]) of the pool's runtime whose directory holds its file (a
//! FastAPI app's engine is held by the gunicorn workers and by the Celery children, each with
//! its own copy). A serverless project's pools are held by `[budget] serverless_instances`
//! instances; without a description, by `[budget] instances` or one process.

use std::collections::BTreeMap;

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
    /// Where the count comes from when no process description gives it.
    pub why: String,
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
    };
    let mut databases: BTreeMap<String, Database> = BTreeMap::new();
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
        if pools::is_auxiliary(&file.source.rel)
            || (crate::lang::is_entry_script(&file.source) && !runs_it())
        {
            continue;
        }
        let budget = &cx.config_of(fi).budget;
        for (ci, c) in file.facts.clients.iter().enumerate() {
            let long_lived = c.scope.kind == ScopeKind::Module
                || c.scope.kind == ScopeKind::Startup
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
            let holders = holders_of(cx, fi, deployment);
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
    out
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
fn holders_of(cx: &ProjectCx<'_>, fi: usize, deployment: &Deployment) -> Vec<Holder> {
    let source = &cx.files[fi].source;
    let budget = &cx.config_of(fi).budget;
    if source.project.serverless {
        return vec![match budget.instances {
            Some(n) => Holder {
                process: None,
                name: "instances".into(),
                count: n,
                why: "[budget] instances".into(),
            },
            None => Holder {
                process: None,
                name: "serverless instances".into(),
                count: budget.serverless_instances,
                why: "a serverless project: each instance has its own pools ([budget] serverless_instances)".into(),
            },
        }];
    }
    let abs = std::path::absolute(&source.path).unwrap_or_else(|_| source.path.clone());
    let runtime = runtime_of(source.lang);
    let held: Vec<Holder> = deployment
        .processes
        .iter()
        .enumerate()
        .filter(|(_, p)| Some(p.runtime) == runtime && abs.starts_with(&p.dir))
        .map(|(i, p)| Holder {
            process: Some(i),
            name: format!("{} ({})", p.name, p.server),
            count: p.total(),
            why: String::new(),
        })
        .collect();
    if !held.is_empty() {
        return held;
    }
    match budget.instances {
        Some(n) => vec![Holder {
            process: None,
            name: "instances".into(),
            count: n,
            why: "[budget] instances".into(),
        }],
        None => vec![Holder {
            process: None,
            name: "one process".into(),
            count: 1,
            why: "no deployment description runs this code; set [budget] instances".into(),
        }],
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

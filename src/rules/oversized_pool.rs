//! `oversized-pool` (CL301): pool settings above the connection budget. Docs: rules/oversized-pool.md

use std::collections::HashSet;

use crate::diagnostic::{Finding, Severity};
use crate::catalog::PoolerMode;
use crate::facts::ScopeKind;
use crate::fixgen::options::{default_fix, fit_fix};
use crate::pools::{self, PoolMax, ResolvedUrl};
use crate::rules::{Check, ProjectCx};
use crate::source::{Lang, Span};

crate::declare_rule! {
    OversizedPool {
        id: "oversized-pool",
        code: "CL301",
        summary: "pool settings (in code, connection URLs or dotenv files) exceed the connection budget",
        langs: [Lang::Ts, Lang::Js, Lang::Py, Lang::Rs, Lang::Env],
        severity: Error,
        fix: Sometimes,
    }
}

impl Check for OversizedPool {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        let mut reported: HashSet<(usize, Span)> = HashSet::new();
        // Constructions already reported as too big by themselves.
        let mut too_big: HashSet<(usize, Span)> = HashSet::new();
        for (fi, file) in cx.files.iter().enumerate() {
            if pools::is_auxiliary_module(cx.catalog, &file.source, &file.facts) {
                continue;
            }
            // Each file is judged by the budget of the configuration governing it.
            let budget = &cx.config_of(fi).budget;
            let project = &file.source.project;
            let instances = budget
                .instances
                .unwrap_or(if project.serverless {
                    budget.serverless_instances
                } else {
                    1
                })
                .max(1);
            // Say where an instance count nobody wrote comes from (the serverless default).
            let times = |total: u64| {
                if instances <= 1 {
                    String::new()
                } else if budget.instances.is_none() {
                    format!(
                        " × {instances} instances (assumed for a serverless deployment; set `[budget] instances`) = {total}"
                    )
                } else {
                    format!(" × {instances} instances = {total}")
                }
            };
            for (ci, c) in file.facts.clients.iter().enumerate() {
                if matches!(c.scope.kind, ScopeKind::Test) {
                    continue;
                }
                let Some(def) = cx.catalog.by_id(&c.client) else {
                    continue;
                };
                // Database servers only (the catalogue's `[[database]]`); some are judged only
                // when `[budget.family]` names them (Redis accepts ~10,000 clients).
                let Some(database) = cx.catalog.db.family(&def.family) else {
                    continue;
                };
                if def.pool_keys.is_empty()
                    || (database.only_when_budgeted && !budget.family.contains_key(&def.family))
                {
                    continue;
                }
                let config = pools::config_of(file, ci);
                if pools::unpooled(def, config) {
                    continue;
                }
                let url = pools::resolve_url(cx.files, fi, config);
                let max = pools::pool_max(def, fi, config, url.as_ref());
                let (limit, why, instead) = limit_for(cx, budget, &def.family, url.as_ref());
                match &max {
                    PoolMax::Unbounded { key, at } => {
                        if reported.insert(*at) {
                            let mut f = finding(*at, Severity::Error, format!("`{key}` makes the {} pool of `{}` unbounded: it can open connections until the server refuses them", def.library, c.ctor), format!("set a finite `{key}` within the budget ({limit} {why})"));
                            f.related = built_here(cx, *at, fi, c);
                            out.push(f);
                        }
                    }
                    PoolMax::Bounded(terms) => {
                        let per_process = pools::sum(terms.iter().map(|t| t.value));
                        let total = per_process.saturating_mul(instances);
                        if total <= limit {
                            continue;
                        }
                        // Report where the largest written value is (a URL parameter in a dotenv
                        // file, an option), or at the construction when only defaults apply.
                        let at = terms
                            .iter()
                            .filter_map(|t| t.at)
                            .next()
                            .unwrap_or((fi, c.span));
                        too_big.insert((fi, c.span));
                        if !reported.insert(at) {
                            continue;
                        }
                        let serverless = times(total);
                        let mut f = finding(
                            at,
                            Severity::Error,
                            format!(
                                "{} connections per process{serverless} for `{}` ({}), budget {limit} {why}",
                                pools::arithmetic(terms),
                                c.ctor,
                                def.library
                            ),
                            help(instead, limit, instances),
                        );
                        f.related = built_here(cx, at, fi, c);
                        let per_instance = (limit / instances).max(1);
                        // A written minimum above the new maximum would make the pool refuse
                        // its options (`PoolConstraints::new(30, 25)` panics): no fix then.
                        f.fix = if pools::written_min(def, config)
                            .is_some_and(|m| m > per_instance)
                        {
                            None
                        } else {
                            fit_fix(cx, terms, per_instance)
                                .or_else(|| default_fix(cx, fi, c.span, terms, per_instance))
                        };
                        out.push(f);
                    }
                    PoolMax::Unknown => {}
                }
            }
            // Dotenv and literal URLs that size a pool by themselves (`connection_limit=`,
            // `maxPoolSize=`, `pool_max=`), whichever client reads them.
            for u in &file.facts.urls {
                let Some(parsed) = crate::connurl::ParsedUrl::parse(&u.text) else {
                    continue;
                };
                for key in &cx.catalog.db.url_pool_keys {
                    let Some(n) = parsed
                        .param(key)
                        .and_then(pools::parse_count)
                        .and_then(|n| u64::try_from(n).ok())
                    else {
                        continue;
                    };
                    let family = cx.catalog.db.family_of_scheme(&parsed.scheme);
                    let resolved = ResolvedUrl {
                        text: u.text.clone(),
                        raw_scheme: parsed.scheme.clone(),
                        parsed: parsed.clone(),
                        loc: (fi, u.span),
                        var: u.var.clone(),
                    };
                    let (limit, why, instead) = limit_for(cx, budget, family, Some(&resolved));
                    let total = n.saturating_mul(instances);
                    if total > limit && reported.insert((fi, u.span)) {
                        let serverless = times(total);
                        let mut f = finding(
                            (fi, u.span),
                            Severity::Error,
                            format!(
                                "`{key}={n}` in {} allows {n} connections per process{serverless}, budget {limit} {why}",
                                u.var.as_deref().unwrap_or("this URL")
                            ),
                            help(instead, limit, instances),
                        );
                        let term = pools::Term {
                            key: key.clone(),
                            value: n,
                            at: Some((fi, u.span)),
                        };
                        f.fix = fit_fix(cx, &[term], (limit / instances).max(1));
                        out.push(f);
                    }
                }
            }
        }
        // The project total: every long-lived pool, times the processes that hold it, per
        // database against its limit; the numbers of `connlint budget`.
        let budget = crate::budget::compute(cx);
        for db in &budget.databases {
            let Some(limit) = &db.limit else { continue };
            // One pool in one process is judged by itself above.
            if db.total <= limit.value || (db.pools.len() < 2 && db.pools.iter().all(|p| p.processes <= 1)) {
                continue;
            }
            let Some(first) = db.pools.iter().max_by_key(|p| p.connections) else {
                continue;
            };
            // Its largest pool is reported by itself already: one finding for one change.
            if too_big.contains(&(first.file, first.span)) {
                continue;
            }
            let list: Vec<String> = db
                .pools
                .iter()
                .map(term)
                .collect();
            let mut f = finding(
                (first.file, first.span),
                Severity::Error,
                format!(
                    "the long-lived pools of {} open up to {} connections ({}), above its limit {} ({})",
                    db.name,
                    db.total,
                    list.join(" + "),
                    limit.value,
                    limit.why
                ),
                {
                    // The budget's advice, when the pools can fit: this pool's share first.
                    let own = db
                        .advice
                        .iter()
                        .find(|a| a.path == first.path && a.line == first.line);
                    let advice = match own {
                        Some(a) => format!(
                            "to fit {}, this pool at most {} per process (from {}) and the others as `connlint budget` advises; or ",
                            limit.value, a.max, a.now
                        ),
                        None => String::new(),
                    };
                    format!("{advice}shrink the pools or the processes that hold them, share one pool between modules, or put a pooler (PgBouncer / Supavisor transaction mode) in front; `connlint budget` shows the whole sum; set `[budget] max_connections` if your server allows more")
                },
            );
            f.related = db
                .pools
                .iter()
                .filter(|p| !(p.file == first.file && p.span == first.span))
                .map(|p| {
                    (
                        p.file,
                        p.span,
                        format!("{} counts", term(p)),
                    )
                })
                .collect();
            out.push(f);
        }
    }
}

/// `` `new Pool()` 25 ``, `` `create_engine()` 10 × 14 processes = 140 ``.
fn term(p: &crate::budget::Pool) -> String {
    let max = p.max.map_or_else(|| "?".to_string(), |m| m.to_string());
    if p.processes == 1 {
        format!("`{}` {max}", p.ctor)
    } else {
        format!("`{}` {max} × {} processes = {}", p.ctor, p.processes, p.connections)
    }
}

/// The per-pool limit for a family and URL, why, and what to do instead of a big pool behind a
/// session-mode pooler (the catalogue's `help`).
fn limit_for<'c>(
    cx: &ProjectCx<'c>,
    budget: &crate::config::Budget,
    family: &str,
    url: Option<&ResolvedUrl>,
) -> (u64, String, Option<&'c str>) {
    let poolers = &cx.catalog.db.pooler;
    if let Some(p) = url.and_then(|u| u.parsed.pooler(poolers, PoolerMode::Session)) {
        let why = p.why.as_deref().map(|w| format!(": {w}")).unwrap_or_default();
        return (
            budget.session_pooler,
            format!("({}{why})", p.name),
            p.help.as_deref(),
        );
    }
    if let Some(n) = budget.family.get(family) {
        return (*n, format!("([budget.family] {family})"), None);
    }
    if let Some(l) = cx.catalog.db.family(family).and_then(|d| d.pool_limit.as_ref()) {
        return (l.max, format!("({})", l.why), None);
    }
    match budget.pool_max {
        Some(n) => (n, "([budget] pool_max)".into(), None),
        None => (
            budget.max_connections / 4,
            format!("(a quarter of max_connections {})", budget.max_connections),
            None,
        ),
    }
}

fn help(instead: Option<&str>, limit: u64, instances: u64) -> String {
    let per_instance = if instances > 1 {
        format!(
            " ({} per instance across {instances} instances)",
            limit / instances
        )
    } else {
        String::new()
    };
    match instead {
        Some(instead) => format!(
            "keep pool size + overflow at or below {limit}{per_instance}, or {instead}"
        ),
        None => format!(
            "lower it to at most {limit}{per_instance}, or raise `[budget]` in connlint.toml if your database allows more"
        ),
    }
}



/// Where the pool is built, when the finding is on one of its options on another line (or in
/// another file: a dotenv URL).
fn built_here(
    cx: &ProjectCx<'_>,
    at: (usize, Span),
    fi: usize,
    c: &crate::facts::ClientSite,
) -> Vec<(usize, Span, String)> {
    let line = |(f, s): (usize, Span)| cx.files[f].source.lines().line_of(s.start);
    if at.0 == fi && line(at) == line((fi, c.span)) {
        return Vec::new();
    }
    vec![(fi, c.span, format!("the `{}` pool it sizes", c.ctor))]
}

fn finding(at: (usize, Span), severity: Severity, message: String, help: String) -> Finding {
    Finding {
        rule: META.id,
        file: at.0,
        span: at.1,
        severity,
        message,
        help,
        label: None,
        related: Vec::new(),
        fix: None,
    }
}

//! `pooler-prepared-statements` (CL302): a transaction-mode pooler URL (PgBouncer / Supavisor on
//! `:6543`, Neon `-pooler`, `pgbouncer=true`) used by a client whose prepared statements are
//! still on. Docs: rules/pooler-prepared-statements.md

use std::collections::HashSet;

use crate::catalog::{DotenvRequirement, PoolerRequirement};
use crate::connurl::ParsedUrl;
use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::facts::ClientConfig;
use crate::fixgen::options::{requirement_fix, url_param_fix};
use crate::pools::{self, ResolvedUrl};
use crate::rules::{Check, ProjectCx};
use crate::source::Lang;

crate::declare_rule! {
    PoolerPreparedStatements {
        id: "pooler-prepared-statements",
        code: "CL302",
        summary: "a transaction-mode pooler URL is used with prepared statements still on",
        langs: [Lang::Ts, Lang::Js, Lang::Py, Lang::Env],
        severity: Error,
        fix: Sometimes,
    }
}

impl Check for PoolerPreparedStatements {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        // Variables that a client of the catalogue reads (judged with the client).
        let mut seen_vars: HashSet<(std::path::PathBuf, String)> = HashSet::new();
        for (fi, file) in cx.files.iter().enumerate() {
            for (ci, c) in file.facts.clients.iter().enumerate() {
                let Some(def) = cx.catalog.by_id(&c.client) else {
                    continue;
                };
                let config = pools::config_of(file, ci);
                let (url, from_options) = match pools::resolve_url(cx.files, fi, config) {
                    Some(u) => (u, false),
                    None => match pools::options_url(cx.files, fi, config) {
                        Some(u) => (u, true),
                        None => continue,
                    },
                };
                if let Some(var) = &url.var {
                    seen_vars.insert((file.source.project.root.clone(), var.clone()));
                }
                // (Or a port the project's own PgBouncer config pools by transaction on.)
                let own = file
                    .source
                    .project
                    .transaction_poolers
                    .iter()
                    .find(|p| url.parsed.port == Some(p.port));
                if def.pooler.is_empty()
                    || !(url.parsed.is_transaction_pooler(&cx.catalog.db.pooler) || own.is_some())
                {
                    continue;
                }
                for req in def.pooler.iter().filter(|r| applies(r, &url)) {
                    if met(req, config, &url.parsed) {
                        continue;
                    }
                    let source = url
                        .var
                        .as_deref()
                        .map(|v| format!("`{v}`"))
                        .unwrap_or_else(|| {
                            if from_options { "its host and port" } else { "its URL" }.into()
                        });
                    out.push(Finding {
                        rule: META.id,
                        file: fi,
                        span: c.span,
                        severity: Severity::Error,
                        message: format!(
                            "`{}` connects through a transaction-mode pooler ({source}: {}{}) with prepared statements on",
                            c.ctor,
                            describe(&url.parsed),
                            own.map(|p| format!(", PgBouncer's `pool_mode = transaction` in {}", p.config))
                                .unwrap_or_default()
                        ),
                        help: format!("{}: transaction poolers hand each transaction to any server connection, so prepared statements fail (`prepared statement \"s0\" does not exist`)", req.fix),
                        label: None,
                        related: vec![(url.loc.0, url.loc.1, "the pooler URL".into())],
                        fix: requirement_fix(cx, fi, c, req, &url).or_else(|| {
                            Some(Fix {
                                message: format!("Turn prepared statements off: `{}`", req.fix),
                                applicability: Applicability::DisplayOnly,
                                edits: Vec::new(),
                                related_edits: Vec::new(),
                            })
                        }),
                    });
                }
            }
        }
        // Dotenv-only: a project that depends on a library reading its URL from the
        // environment by itself (Prisma's `DATABASE_URL`), whose URL points at a transaction
        // pooler without the parameter the library needs there, when no construction in the
        // code reads that variable. The catalogue's `pooler.dotenv` says which.
        let dotenv_reqs: Vec<(&PoolerRequirement, &DotenvRequirement, &str)> = cx
            .catalog
            .js
            .clients
            .iter()
            .flat_map(|def| &def.pooler)
            .filter_map(|r| Some((r, r.dotenv.as_ref()?, r.url_param.as_deref()?)))
            .collect();
        for (fi, file) in cx.files.iter().enumerate() {
            if file.source.lang != Lang::Env {
                continue;
            }
            for (req, dotenv, param) in &dotenv_reqs {
                if !dotenv.deps.iter().any(|d| file.source.project.has_dep(d)) {
                    continue;
                }
                let Some(value) = req.equals.first() else {
                    continue;
                };
                for u in &file.facts.urls {
                    let Some(var) = &u.var else { continue };
                    if seen_vars.contains(&(file.source.project.root.clone(), var.clone()))
                        || dotenv.skip_vars.iter().any(|s| var.contains(s.as_str()))
                    {
                        continue;
                    }
                    let Some(p) = ParsedUrl::parse(&u.text) else {
                        continue;
                    };
                    if p.is_transaction_pooler(&cx.catalog.db.pooler) && !met(req, None, &p) {
                        out.push(Finding {
                            rule: META.id,
                            file: fi,
                            span: u.span,
                            severity: Severity::Error,
                            message: format!(
                                "`{var}` points at a transaction-mode pooler ({}) without `{param}={value}`, which {} needs there",
                                describe(&p),
                                dotenv.name
                            ),
                            help: dotenv.help.clone(),
                            label: None,
                            related: Vec::new(),
                            fix: if p.param(param).is_none() {
                                url_param_fix(&file.source, u.span, &u.text, param, value)
                            } else {
                                None
                            },
                        });
                    }
                }
            }
        }
    }
}

fn applies(req: &PoolerRequirement, url: &ResolvedUrl) -> bool {
    req.when_scheme
        .as_deref()
        .is_none_or(|s| url.raw_scheme == s)
}

fn met(req: &PoolerRequirement, config: Option<&ClientConfig>, url: &ParsedUrl) -> bool {
    if let Some(p) = &req.url_param {
        return url
            .param(p)
            .is_some_and(|v| req.equals.iter().any(|e| e.eq_ignore_ascii_case(v)));
    }
    let Some(config) = config else { return false };
    if req.any_value {
        return config.options.iter().any(|o| req.options.contains(&o.key));
    }
    config
        .options
        .iter()
        .filter(|o| req.options.contains(&o.key))
        .filter_map(|o| pools::value_text(&o.value))
        .any(|v| {
            req.equals
                .iter()
                .any(|e| e.eq_ignore_ascii_case(&v) || (e == "None" && v == "null"))
        })
}

fn describe(u: &ParsedUrl) -> String {
    match u.port {
        Some(p) => format!("{}:{p}", u.host),
        None => u.host.clone(),
    }
}

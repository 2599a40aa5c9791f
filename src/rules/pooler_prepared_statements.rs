//! `pooler-prepared-statements` (CL302): a transaction-mode pooler URL (PgBouncer / Supavisor on
//! `:6543`, Neon `-pooler`, `pgbouncer=true`) used by a client whose prepared statements are
//! still on. Docs: rules/pooler-prepared-statements.md

use std::collections::HashSet;

use crate::catalog::PoolerRequirement;
use crate::connurl::ParsedUrl;
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::facts::ClientConfig;
use crate::pools::{self, ResolvedUrl};
use crate::rules::{Check, ProjectCx};
use crate::source::{Lang, SourceFile, Span};

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
                let Some(url) = pools::resolve_url(cx.files, fi, config) else {
                    continue;
                };
                if let Some(var) = &url.var {
                    seen_vars.insert((file.source.project.root.clone(), var.clone()));
                }
                if def.pooler.is_empty() || !url.parsed.is_transaction_pooler() {
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
                        .unwrap_or_else(|| "its URL".into());
                    out.push(Finding {
                        rule: META.id,
                        file: fi,
                        span: c.span,
                        severity: Severity::Error,
                        message: format!(
                            "`{}` connects through a transaction-mode pooler ({source}: {}) with prepared statements on",
                            c.ctor,
                            describe(&url.parsed)
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
        // Dotenv-only: a Prisma project whose URL points at a transaction pooler without
        // `pgbouncer=true`, when no construction in the code reads that variable.
        for (fi, file) in cx.files.iter().enumerate() {
            if file.source.lang != Lang::Env
                || !file.source.project.has_dep("@prisma/client")
                    && !file.source.project.has_dep("prisma")
            {
                continue;
            }
            for u in &file.facts.urls {
                let Some(var) = &u.var else { continue };
                if seen_vars.contains(&(file.source.project.root.clone(), var.clone()))
                    || var.contains("DIRECT")
                {
                    continue;
                }
                let Some(p) = ParsedUrl::parse(&u.text) else {
                    continue;
                };
                if p.is_transaction_pooler() && p.param("pgbouncer").is_none_or(|v| v != "true") {
                    out.push(Finding {
                        rule: META.id,
                        file: fi,
                        span: u.span,
                        severity: Severity::Error,
                        message: format!("`{var}` points at a transaction-mode pooler ({}) without `pgbouncer=true`, which Prisma needs there", describe(&p)),
                        help: "add `pgbouncer=true` to the URL (and a `directUrl` without it for migrations)".into(),
                        label: None,
                        related: Vec::new(),
                        fix: if p.param("pgbouncer").is_none() {
                            pgbouncer_fix(&file.source, u.span, &u.text)
                        } else {
                            None
                        },
                    });
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

/// Append `pgbouncer=true` to a dotenv URL (`…/db?sslmode=require` → `…&pgbouncer=true`).
fn pgbouncer_fix(source: &SourceFile, span: Span, url: &str) -> Option<Fix> {
    Some(Fix {
        message: "Add `pgbouncer=true` to the URL".into(),
        applicability: Applicability::Unsafe,
        edits: vec![url_param_edit(source, span, url, "pgbouncer", "true")?],
        related_edits: Vec::new(),
    })
}

/// An edit appending `param=value` to the URL `url` written inside `span`.
fn url_param_edit(
    source: &SourceFile,
    span: Span,
    url: &str,
    param: &str,
    value: &str,
) -> Option<Edit> {
    let written = source.slice(span);
    let end = span.start as usize + written.find(url)? + url.len();
    let sep = if url.contains('?') { "&" } else { "?" };
    Some(Edit {
        span: Span::new(end, end),
        content: format!("{sep}{param}={value}"),
    })
}

/// The edit a requirement allows: its URL parameter appended where the URL is written (a dotenv
/// file or a literal, possibly in another file), or its option added to the construction's call
/// (`statement_cache_size=0`, `connect_args={"statement_cache_size": 0}`, `prepare: false`) when
/// the call does not set that option already. Unsafe: it changes how the client talks to the
/// database.
fn requirement_fix(
    cx: &ProjectCx<'_>,
    fi: usize,
    c: &crate::facts::ClientSite,
    req: &PoolerRequirement,
    url: &ResolvedUrl,
) -> Option<Fix> {
    let value = req.equals.first()?;
    if let Some(param) = &req.url_param {
        // Written with another value: the user chose it; do not add a second one.
        if url.parsed.param(param).is_some() {
            return None;
        }
        let (uf, span) = url.loc;
        let edit = url_param_edit(&cx.files.get(uf)?.source, span, &url.text, param, value)?;
        let (edits, related_edits) = if uf == fi {
            (vec![edit], Vec::new())
        } else {
            (Vec::new(), vec![(uf, edit)])
        };
        return Some(Fix {
            message: format!("Add `{param}={value}` to the URL"),
            applicability: Applicability::Unsafe,
            edits,
            related_edits,
        });
    }
    let source = &cx.files.get(fi)?.source;
    let call = source.slice(c.span);
    let close = call.rfind(')')?;
    if !call[close + 1..].trim().is_empty() {
        return None;
    }
    let literal = |v: &str| {
        matches!(v, "0" | "None" | "False" | "True" | "false" | "true") || v.parse::<i64>().is_ok()
    };
    let option = req.options.first()?;
    let inner = call[..close].trim_end();
    let (addition, message) = match source.lang {
        Lang::Py => {
            let (key, text) = match option.split_once('.') {
                None => (option.as_str(), format!("{option}={value}")),
                Some((outer, leaf)) => (outer, format!("{outer}={{\"{leaf}\": {value}}}")),
            };
            if !(literal(value) || req.import.is_some())
                || option.matches('.').count() > 1
                || call.contains(&format!("{key}="))
            {
                return None;
            }
            (text.clone(), text)
        }
        Lang::Ts | Lang::Tsx | Lang::Js => {
            if option.contains('.') || !literal(value) || call.contains(&format!("{option}:")) {
                return None;
            }
            let text = format!("{option}: {value}");
            if call.matches('{').count() == 0 {
                (format!("{{ {text} }}"), text)
            } else {
                // `postgres(url, { max: 1 })`: into the trailing options object.
                let obj = inner.strip_suffix('}')?.trim_end();
                if call.matches('{').count() != 1 || obj.ends_with('{') {
                    return None;
                }
                let at = c.span.start as usize + obj.len();
                let sep = if obj.ends_with(',') { " " } else { ", " };
                return Some(Fix {
                    message: format!("Pass `{text}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: Span::new(at, at),
                        content: format!("{sep}{text}"),
                    }],
                    related_edits: Vec::new(),
                });
            }
        }
        _ => return None,
    };
    let dropped = if source.lang == Lang::Py {
        drop_keywords(call, &req.drops)?
    } else {
        Vec::new()
    };
    if let Some((first, rest)) = dropped.split_first() {
        // `create_engine(url, pool_size=20, max_overflow=10)` → `create_engine(url,
        // poolclass=NullPool)`: the first rejected keyword becomes the option, the others go
        // (each with what separates it from the next argument).
        let base = c.span.start as usize;
        let spans = arg_spans(call)?;
        let mut edits = vec![Edit {
            span: Span::new(base + first.0, base + first.1),
            content: addition.clone(),
        }];
        for (s, e) in rest {
            let i = spans.iter().position(|x| x == &(*s, *e))?;
            let span = match spans.get(i + 1) {
                Some(next) => Span::new(base + s, base + next.0),
                None => Span::new(base + spans.get(i.checked_sub(1)?)?.1, base + e),
            };
            edits.push(Edit {
                span,
                content: String::new(),
            });
        }
        if let Some(import) = &req.import
            && !source.text.lines().any(|l| l.trim() == import)
        {
            edits.push(crate::fixgen::py_line_after_imports(
                &source.text,
                c.anchors.module_insert,
                import,
            ));
        }
        let names: Vec<String> = dropped
            .iter()
            .filter_map(|(s, e)| call.get(*s..*e)?.split('=').next())
            .map(|k| format!("`{}`", k.trim()))
            .collect();
        return Some(Fix {
            message: format!(
                "Pass `{message}` instead of {}, which it rejects",
                names.join(", ")
            ),
            applicability: Applicability::Unsafe,
            edits,
            related_edits: Vec::new(),
        });
    }
    let at = c.span.start as usize + inner.len();
    let sep = if inner.ends_with('(') {
        ""
    } else if inner.ends_with(',') {
        " "
    } else {
        ", "
    };
    let mut edits = vec![Edit {
        span: Span::new(at, at),
        content: format!("{sep}{addition}"),
    }];
    if let Some(import) = &req.import
        && !source.text.lines().any(|l| l.trim() == import)
    {
        edits.push(crate::fixgen::py_line_after_imports(
            &source.text,
            c.anchors.module_insert,
            import,
        ));
    }
    Some(Fix {
        message: format!("Pass `{message}`"),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// The top-level arguments of a call's text, as byte ranges into it, trimmed (`f(a, b=[1, 2])`
/// → `a`, `b=[1, 2]`); Python comments between them are skipped. `None` when a string or
/// bracket is left open.
fn arg_spans(call: &str) -> Option<Vec<(usize, usize)>> {
    let open = call.find('(')?;
    let close = call.rfind(')')?;
    let inner = call.get(open + 1..close)?;
    let mut out = Vec::new();
    let (mut depth, mut quote, mut comment) = (0i32, None::<char>, false);
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    for (i, ch) in inner.char_indices() {
        if comment {
            comment = ch != '\n';
            continue;
        }
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' => quote = Some(ch),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    if let Some(s) = start.take() {
                        out.push((open + 1 + s, open + 1 + end));
                    }
                    continue;
                }
                '#' => {
                    comment = true;
                    continue;
                }
                _ => {}
            },
        }
        if !ch.is_whitespace() || quote.is_some() {
            start.get_or_insert(i);
            end = i + ch.len_utf8();
        }
    }
    if depth != 0 || quote.is_some() {
        return None;
    }
    if let Some(s) = start {
        out.push((open + 1 + s, open + 1 + end));
    }
    Some(out)
}

/// The keyword arguments of `call` named in `drops` (`pool_size=20`), as byte ranges.
fn drop_keywords(call: &str, drops: &[String]) -> Option<Vec<(usize, usize)>> {
    if drops.is_empty() {
        return Some(Vec::new());
    }
    Some(
        arg_spans(call)?
            .into_iter()
            .filter(|(s, e)| {
                call[*s..*e]
                    .split_once('=')
                    .is_some_and(|(k, _)| drops.iter().any(|d| d == k.trim()))
            })
            .collect(),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn arguments_split_at_the_top_level() {
        let args = |c: &str| -> Vec<String> {
            arg_spans(c)
                .unwrap()
                .into_iter()
                .map(|(s, e)| c[s..e].to_string())
                .collect()
        };
        assert_eq!(
            args("create_engine(url, connect_args={\"a\": 1, \"b\": (2, 3)}, echo=True,)"),
            vec!["url", "connect_args={\"a\": 1, \"b\": (2, 3)}", "echo=True"]
        );
        assert_eq!(
            args("e(  # primary, with a comma\n    url,\n    pool_size=5,  # tuned\n)"),
            vec!["url", "pool_size=5"]
        );
        let call = "e(url, pool_size=5, max_overflow=0, pool_pre_ping=True)";
        let dropped: Vec<&str> = drop_keywords(call, &["pool_size".into(), "max_overflow".into()])
            .unwrap()
            .into_iter()
            .map(|(s, e)| &call[s..e])
            .collect();
        assert_eq!(dropped, vec!["pool_size=5", "max_overflow=0"]);
        assert!(arg_spans("e(url, \"open)").is_none());
    }
}

//! `hot-reload-client` (CL102): a module-scope database client in a Next.js app that is not
//! cached on `globalThis`, so every hot reload in development opens a new pool.
//! Docs: rules/hot-reload-client.md

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::facts::{Guard, ScopeKind};
use crate::rules::{ProjectCx, Check};
use crate::fixgen::shared_client;
use crate::source::Lang;

crate::declare_rule! {
    HotReloadClient {
        id: "hot-reload-client",
        code: "CL102",
        summary: "a module-scope database client in a Next.js app is not cached on `globalThis`, so every hot reload opens a new pool",
        langs: [Lang::Ts, Lang::Js],
        severity: Error,
        fix: Sometimes,
    }
}

impl Check for HotReloadClient {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, file) in cx.files.iter().enumerate() {
            if !file.source.lang.is_js_family() || !file.source.project.nextjs {
                continue;
            }
            let facts = &file.facts;
            for (ci, c) in facts.clients.iter().enumerate() {
                if c.scope.kind != ScopeKind::Module || c.guard != Guard::None {
                    continue;
                }
                let Some(def) = cx.catalog.js.by_id(&c.client) else {
                    continue;
                };
                if !def.hot_reload || facts.production_only.iter().any(|p| p.contains(c.span)) {
                    continue;
                }
                let name = c.binding.as_deref().unwrap_or("client");
                // The project already shares a cached client of the same library and database
                // (`lib/prisma.ts` on `globalThis`): import it rather than cache a second one.
                let allowed = cx.memo.fix_allowed(fi, file.source.text.len());
                let shared = shared_client::find_export(cx, fi, ci, None)
                    .filter(|_| allowed)
                    .filter(|e| {
                        cx.files[e.file]
                            .facts
                            .clients
                            .get(e.client)
                            .is_some_and(|k| k.guard.is_guarded())
                    })
                    .and_then(|e| crate::fixgen::import_shared::import_fix(cx, fi, ci, e.file));
                let fix = shared.or_else(|| {
                    c.anchors.statement.filter(|_| allowed).and_then(|stmt| {
                        let ctor_text = file.source.slice(c.span);
                        rewrite(
                            file.source.slice(stmt),
                            name,
                            ctor_text,
                            file.source.lang == Lang::Ts,
                        )
                        .map(|text| Fix {
                            message: "Cache the client on `globalThis`".into(),
                            applicability: Applicability::Unsafe,
                            edits: vec![Edit {
                                span: stmt,
                                content: text,
                            }],
                            related_edits: Vec::new(),
                        })
                    })
                });
                out.push(Finding {
                    rule: META.id,
                    file: fi,
                    span: c.span,
                    severity: Severity::Error,
                    message: format!(
                        "`{}` at module scope opens a new {} pool on every hot reload in `next dev`",
                        c.ctor, def.library
                    ),
                    help: format!(
                        "cache it on `globalThis`: `const g = globalThis as unknown as {{ {name}?: T }}; export const {name} = g.{name} ?? {}; if (process.env.NODE_ENV !== \"production\") g.{name} = {name};`",
                        c.ctor.trim_end_matches("()").to_string() + "(…)"
                    ),
                    label: None,
                    related: Vec::new(),
                    fix,
                });
            }
        }
    }
}

/// `export const prisma = new PrismaClient();` → the `globalThis` cache form, or `None` when the
/// statement is not a plain declaration of the construction.
fn rewrite(stmt: &str, name: &str, ctor: &str, typescript: bool) -> Option<String> {
    let (export, rest) = match stmt.strip_prefix("export ") {
        Some(r) => ("export ", r),
        None => ("", stmt),
    };
    let rest = rest
        .strip_prefix("const ")
        .or_else(|| rest.strip_prefix("let "))
        .or_else(|| rest.strip_prefix("var "))?;
    let rest = rest.strip_prefix(name)?;
    let (annotation, rest) = match rest.trim_start().strip_prefix(':') {
        Some(r) => {
            let eq = r.find('=')?;
            (Some(r[..eq].trim()), &r[eq..])
        }
        None => (None, rest.trim_start()),
    };
    let value = rest.strip_prefix('=')?.trim();
    let value = value.strip_suffix(';').unwrap_or(value).trim();
    if value != ctor.trim() {
        return None;
    }
    let cache = format!("globalFor{}", capitalised(name));
    let ty = match annotation {
        Some(t) => t.to_string(),
        None => match ctor.trim().strip_prefix("new ") {
            Some(c) => c.split(['(', '<']).next().unwrap_or(c).trim().to_string(),
            None => format!(
                "ReturnType<typeof {}>",
                ctor.split(['(', '<']).next().unwrap_or(ctor).trim()
            ),
        },
    };
    let cast = if typescript {
        format!(" as unknown as {{ {name}?: {ty} }}")
    } else {
        String::new()
    };
    Some(format!(
        "const {cache} = globalThis{cast};\n{export}const {name} = {cache}.{name} ?? {ctor};\nif (process.env.NODE_ENV !== \"production\") {cache}.{name} = {name};"
    ))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_declarations() {
        assert_eq!(
            rewrite(
                "export const prisma = new PrismaClient();",
                "prisma",
                "new PrismaClient()",
                true
            )
            .as_deref(),
            Some(
                "const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };\nexport const prisma = globalForPrisma.prisma ?? new PrismaClient();\nif (process.env.NODE_ENV !== \"production\") globalForPrisma.prisma = prisma;"
            )
        );
        assert_eq!(
            rewrite("const sql = postgres(url)", "sql", "postgres(url)", true).as_deref(),
            Some(
                "const globalForSql = globalThis as unknown as { sql?: ReturnType<typeof postgres> };\nconst sql = globalForSql.sql ?? postgres(url);\nif (process.env.NODE_ENV !== \"production\") globalForSql.sql = sql;"
            )
        );
        assert!(
            rewrite(
                "const client = new MongoClient(uri), other = 1;",
                "client",
                "new MongoClient(uri)",
                false
            )
            .is_none()
        );
        assert!(rewrite("const { a } = makeIt();", "a", "makeIt()", false).is_none());
    }
}

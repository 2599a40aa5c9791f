//! `hot-reload-client` (CL102): a module-scope database client in a Next.js app that is not
//! cached on `globalThis`, so every hot reload in development opens a new pool.
//! Docs: rules/hot-reload-client.md

use crate::diagnostic::{Finding, Severity};
use crate::facts::{Guard, ScopeKind};
use crate::rules::{ProjectCx, Check};
use crate::fixgen::global_cache::{global_cache_fix, store_back_fix};
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
        let mut bundled: Option<std::collections::BTreeSet<usize>> = None;
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
                // A custom server (`nodemon -x ts-node server/index.ts` that calls `next({ dev
                // })` itself) restarts as a whole process: only the modules Next.js bundles
                // (pages, app routes, middleware, what they import) are hot-reloaded.
                if file.source.project.custom_dev_server
                    && !bundled.get_or_insert_with(|| next_bundled(cx)).contains(&fi)
                {
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
                // Another module keeps a client of the same database: caching this one too
                // would leave two; only the module `duplicate-client-module` keeps is cached.
                let fix = shared.or_else(|| {
                    c.anchors
                        .statement
                        .filter(|_| allowed && shared_client::may_create_shared(cx, fi, ci))
                        .and_then(|stmt| {
                            global_cache_fix(&file.source, stmt, name, c.span)
                                .or_else(|| store_back_fix(&file.source, stmt, name, c.span))
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

/// The files Next.js bundles: its entry points (`pages/`, `app/`, `src/pages/`, `src/app/`,
/// `middleware.*`, `instrumentation.*`) and what they import, transitively.
fn next_bundled(cx: &ProjectCx<'_>) -> std::collections::BTreeSet<usize> {
    let entries: Vec<usize> = cx
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.source.lang.is_js_family() && is_next_entry(&f.source))
        .map(|(i, _)| i)
        .collect();
    let lists = shared_client::importer_lists_memo(cx);
    let imports = crate::imports::imports_of(lists);
    crate::imports::reached_from(&imports, &entries)
        .into_keys()
        .collect()
}

/// Is this file a Next.js entry: under a `pages` or `app` folder at its project's top or under
/// `src/`, or its middleware or instrumentation file there?
fn is_next_entry(source: &crate::source::SourceFile) -> bool {
    // (`rel` is the path in the project.)
    let parts: Vec<&str> = source.rel.trim_start_matches("./").split('/').collect();
    let parts = match parts.first() {
        Some(&"src") => &parts[1..],
        _ => &parts[..],
    };
    match parts {
        [dir, _, ..] => matches!(*dir, "pages" | "app"),
        [file] => matches!(
            file.split('.').next(),
            Some("middleware" | "instrumentation")
        ),
        [] => false,
    }
}

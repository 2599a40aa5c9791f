//! `hot-reload-client` (CL102): a module-scope database client in a Next.js app that is not
//! cached on `globalThis`, so every hot reload in development opens a new pool.
//! Docs: rules/hot-reload-client.md

use crate::diagnostic::{Finding, Severity};
use crate::facts::{Guard, ScopeKind};
use crate::rules::{FixAvailability, ProjectCx, Rule, RuleMeta};
use crate::source::Lang;

pub static META: RuleMeta = RuleMeta {
    id: "hot-reload-client",
    code: "CL102",
    summary: "a module-scope database client in a Next.js app is not cached on `globalThis`, so every hot reload opens a new pool",
    langs: &[Lang::Ts, Lang::Js],
    default_severity: Severity::Error,
    fix: FixAvailability::None,
    doc: include_str!("../../rules/hot-reload-client.md"),
};

pub struct HotReloadClient;

impl Rule for HotReloadClient {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, file) in cx.files.iter().enumerate() {
            if !file.source.lang.is_js_family() || !file.source.project.nextjs {
                continue;
            }
            let facts = &file.facts;
            for c in &facts.clients {
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
                    fix: None,
                });
            }
        }
    }
}

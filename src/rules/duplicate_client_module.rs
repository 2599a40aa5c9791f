//! `duplicate-client-module` (CL103): several modules of one project each keep their own
//! long-lived client of one database family. Docs: rules/duplicate-client-module.md

use std::collections::BTreeMap;

use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::facts::{ClientKind, Guard, ScopeKind};
use crate::lang::modules::module_matches;
use crate::pools;
use crate::rules::{FixAvailability, ProjectCx, Rule, RuleMeta};
use crate::source::{Lang, SourceFile, Span};

pub static META: RuleMeta = RuleMeta {
    id: "duplicate-client-module",
    code: "CL103",
    summary: "several modules of one project each keep their own long-lived client of the same database",
    langs: &[Lang::Ts, Lang::Js, Lang::Py, Lang::Rs],
    default_severity: Severity::Warning,
    fix: FixAvailability::None,
    doc: include_str!("../../rules/duplicate-client-module.md"),
};

pub struct DuplicateClientModule;

/// (project root, family, database URL variable or text).
type GroupKey = (std::path::PathBuf, String, String);

/// Families where several clients are normal: HTTP clients, AWS service clients, and Redis
/// (a subscriber needs a connection of its own).
const SKIP_FAMILIES: &[&str] = &["http", "aws", "redis"];

impl Rule for DuplicateClientModule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        // (project root, family) → the first long-lived site of each file.
        let mut groups: BTreeMap<GroupKey, BTreeMap<usize, (Span, String)>> = BTreeMap::new();
        for (fi, file) in cx.files.iter().enumerate() {
            if pools::is_auxiliary(&file.source.rel) {
                continue;
            }
            for (ci, c) in file.facts.clients.iter().enumerate() {
                let long_lived = c.scope.kind == ScopeKind::Module
                    || (c.guard.is_guarded()
                        && !matches!(c.scope.kind, ScopeKind::Test | ScopeKind::Startup));
                // A library's stored singleton (`StreamVideoClient.getOrCreateInstance`) is
                // one client however many modules ask for it.
                if !long_lived
                    || c.guard == Guard::SingletonApi
                    || !matches!(
                        c.kind,
                        ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
                    )
                    || SKIP_FAMILIES.contains(&c.family.as_str())
                {
                    continue;
                }
                let database = match pools::config_of(file, ci).and_then(|cfg| cfg.url.as_ref()) {
                    Some(crate::facts::UrlRef::Env { name, .. }) => name.clone(),
                    Some(crate::facts::UrlRef::Literal { text, .. }) => text.clone(),
                    None => String::new(),
                };
                groups
                    .entry((file.source.project.root.clone(), c.family.clone(), database))
                    .or_default()
                    .entry(fi)
                    .or_insert((c.span, c.ctor.clone()));
            }
        }
        let importers = |fi: usize| {
            let keys = &cx.files[fi].facts.module_keys;
            cx.files
                .iter()
                .enumerate()
                .filter(|(other, f)| {
                    *other != fi && f.facts.imports.iter().any(|m| module_matches(m, keys))
                })
                .count()
        };
        for ((_, family, _), mut sites) in groups {
            // Scripts run as processes of their own: their clients are not duplicates of the
            // application's.
            // So do serverless functions (each handler module is deployed on its own).
            sites.retain(|fi, _| {
                let source = &cx.files[*fi].source;
                importers(*fi) > 0
                    || !(is_entry_script(source)
                        || source.project.serverless && !source.project.nextjs)
            });
            if sites.len() < 2 {
                continue;
            }
            // Keep the module most imported by the others.
            let Some(keep) = sites
                .keys()
                .copied()
                .max_by_key(|fi| (importers(*fi), std::cmp::Reverse(*fi)))
            else {
                continue;
            };
            let keep_path = cx.files[keep].source.display.clone();
            for (fi, (span, ctor)) in &sites {
                let others: Vec<(usize, Span, String)> = sites
                    .iter()
                    .filter(|(o, _)| *o != fi)
                    .map(|(o, (s, c))| (*o, *s, format!("another `{c}` client of {family}")))
                    .collect();
                let most = if importers(keep) > 0 {
                    " (the module most imported)"
                } else {
                    ""
                };
                let help = if *fi == keep {
                    format!(
                        "keep this module as the one {family} client and import it everywhere else ({} other module(s) build their own)",
                        others.len()
                    )
                } else {
                    format!(
                        "import the client from `{keep_path}`{most} instead of building another one here"
                    )
                };
                out.push(Finding {
                    rule: META.id,
                    file: *fi,
                    span: *span,
                    severity: Severity::Warning,
                    message: format!(
                        "`{ctor}` is one of {} modules that each keep their own {family} client",
                        sites.len()
                    ),
                    fix: Some(Fix {
                        message: if *fi == keep {
                            format!("Keep this module's {family} client and import it elsewhere")
                        } else {
                            format!("Import the client from `{keep_path}`")
                        },
                        applicability: Applicability::DisplayOnly,
                        edits: Vec::new(),
                        related_edits: Vec::new(),
                    }),
                    help,
                    label: None,
                    related: others,
                });
            }
        }
    }
}

/// A file that runs as a process of its own and that no module imports (checked by the caller):
/// a JS/TS module that exports nothing (`main().finally(() => prisma.$disconnect())`, outside a
/// Next.js app whose pages and routes all run in one server), a Python module with an
/// `if __name__ == "__main__":` block, or a Rust binary under `src/bin/`.
fn is_entry_script(source: &SourceFile) -> bool {
    let text = source.text.as_str();
    match source.lang {
        Lang::Ts | Lang::Tsx | Lang::Js => {
            !source.project.nextjs
                && !text.contains("export ")
                && !text.contains("module.exports")
                && !text.contains("exports.")
        }
        Lang::Py => {
            text.contains("if __name__ == \"__main__\"")
                || text.contains("if __name__ == '__main__'")
        }
        Lang::Rs => source.rel.replace('\\', "/").contains("src/bin/"),
        Lang::Env => false,
    }
}

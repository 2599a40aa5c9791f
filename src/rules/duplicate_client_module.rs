//! `duplicate-client-module` (CL103): several modules of one project each keep their own
//! long-lived client of one database family. Docs: rules/duplicate-client-module.md

use std::collections::BTreeMap;

use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::facts::{ClientKind, Guard, ScopeKind};
use crate::pools;
use crate::rules::{ProjectCx, Check};
use crate::fixgen::shared_client;
use crate::source::{Lang, Span};

crate::declare_rule! {
    DuplicateClientModule {
        id: "duplicate-client-module",
        code: "CL103",
        summary: "several modules of one project each keep their own long-lived client of the same database",
        langs: [Lang::Ts, Lang::Js, Lang::Py, Lang::Rs],
        severity: Warning,
        fix: Sometimes,
    }
}

/// (project root, family, database URL variable or text).
type GroupKey = (std::path::PathBuf, String, String);

/// The other modules named in a finding's related locations (the kept one first).
const MAX_RELATED: usize = 5;

impl Check for DuplicateClientModule {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        // (project root, family) → the first long-lived site of each file.
        let mut groups: BTreeMap<GroupKey, BTreeMap<usize, (Span, String, usize)>> =
            BTreeMap::new();
        for (fi, file) in cx.files.iter().enumerate() {
            if pools::is_auxiliary(&file.source.rel) {
                continue;
            }
            for (ci, c) in file.facts.clients.iter().enumerate() {
                let long_lived = c.scope.kind == ScopeKind::Module
                    || (c.guard.is_guarded()
                        && !matches!(c.scope.kind, ScopeKind::Test | ScopeKind::Startup));
                // A library's stored singleton (`StreamVideoClient.getOrCreateInstance`) is
                // one client however many modules ask for it; so is its default connection
                // (`mongoose.connect`).
                let default_connection = cx
                    .catalog
                    .by_id(&c.client)
                    .and_then(|d| d.default_connection.as_ref())
                    .is_some_and(|d| file.source.slice(c.span).starts_with(d.call.as_str()));
                if !long_lived
                    || default_connection
                    || c.guard == Guard::SingletonApi
                    || !matches!(
                        c.kind,
                        ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
                    )
                    || cx
                        .catalog
                        .for_lang(file.source.lang)
                        .duplicates_ok_families
                        .contains(&c.family)
                {
                    continue;
                }
                let url = pools::url_ref(cx.files, fi, pools::config_of(file, ci));
                let database = match url.map(|(_, u)| u) {
                    Some(crate::facts::UrlRef::Env { name, .. }) => name.clone(),
                    Some(crate::facts::UrlRef::Literal { text, .. }) => text.clone(),
                    None => String::new(),
                };
                groups
                    .entry((file.source.project.root.clone(), c.family.clone(), database))
                    .or_default()
                    .entry(fi)
                    .or_insert((c.span, c.ctor.clone(), ci));
            }
        }
        let importers = |fi: usize| shared_client::importers(cx, fi);
        for ((_, family, _), mut sites) in groups {
            // Scripts run as processes of their own: their clients are not duplicates of the
            // application's.
            // So do serverless functions (each handler module is deployed on its own).
            // A module that holds a Lambda handler is a function of its own too.
            sites.retain(|fi, _| {
                let file = &cx.files[*fi];
                let source = &file.source;
                let lambda = file
                    .facts
                    .functions
                    .iter()
                    .any(|f| f.scope.framework.as_deref() == Some("lambda"));
                importers(*fi) > 0
                    || !(crate::lang::is_entry_script(source)
                        || lambda
                        || source.project.serverless && !source.project.nextjs)
            });
            if sites.len() < 2 {
                continue;
            }
            // Keep a module whose client is meant to be shared: exported (`export const prisma`,
            // a public module-level name, `clientPromise`, a cached getter) or built under a
            // cache (`globalThis`, a lazy global); then the one most imported by the others;
            // then an exported one; then the first.
            let Some(keep) = sites.keys().copied().max_by_key(|fi| {
                shared_client::keep_rank(cx, *fi, sites.get(fi).map(|(_, _, ci)| *ci))
            }) else {
                continue;
            };
            let keep_path = cx.files[keep].source.display.clone();
            let most =
                if importers(keep) > 0 && sites.keys().all(|o| importers(*o) <= importers(keep)) {
                    " (the module most imported)"
                } else {
                    ""
                };
            for (fi, (span, ctor, ci)) in &sites {
                // The problem (and its fix) is in the other modules: the kept one is named in
                // their related locations, not reported itself.
                if *fi == keep {
                    continue;
                }
                // The one to keep and a few others, in file order: the message gives the count (listing
                // all of them made the report quadratic in the modules: 4,000 modules, 16 M
                // related locations).
                let mut room = MAX_RELATED - 1;
                let others: Vec<(usize, Span, String)> = sites
                    .iter()
                    .filter(|(o, _)| *o != fi)
                    .filter(|(o, _)| {
                        **o == keep
                            || room.checked_sub(1).is_some_and(|r| {
                                room = r;
                                true
                            })
                    })
                    .map(|(o, (s, c, _))| {
                        let what = if *o == keep {
                            format!("the `{c}` client of {family} to keep")
                        } else {
                            format!("another `{c}` client of {family}")
                        };
                        (*o, *s, what)
                    })
                    .collect();
                let help = format!(
                    "import the client from `{keep_path}`{most} instead of building another one here"
                );
                out.push(Finding {
                    rule: META.id,
                    file: *fi,
                    span: *span,
                    severity: Severity::Warning,
                    message: format!(
                        "`{ctor}` is one of {} modules that each keep their own {family} client",
                        sites.len()
                    ),
                    fix: crate::fixgen::import_shared::import_fix(cx, *fi, *ci, keep).or(Some(Fix {
                        message: format!("Import the client from `{keep_path}`"),
                        applicability: Applicability::DisplayOnly,
                        edits: Vec::new(),
                        related_edits: Vec::new(),
                    })),
                    help,
                    label: None,
                    related: others,
                });
            }
        }
    }
}

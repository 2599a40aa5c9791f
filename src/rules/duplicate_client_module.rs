//! `duplicate-client-module` (CL103): several modules of one project each keep their own
//! long-lived client of one database family. Docs: rules/duplicate-client-module.md

use std::collections::{BTreeMap, BTreeSet};

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
                // Built once: at module scope, under a cache, or by a function that only start-up
                // code calls (`pub async fn init_pool() -> PgPool` called from `main`), which keeps
                // it (it is not closed before the function returns).
                // (Kept on an instance that per-request code builds, `new MentionHandler(note)`
                // per mention, it lives as long as one request: `per-request-client`'s.)
                let per_request_owner = c.guard == crate::facts::Guard::Owner
                    && c.in_fn.is_some_and(|f| cx.graph.per_request.contains_key(&(fi, f)));
                // Kept on an instance whose constructor is called, but not only by start-up
                // code (`with PostgresClient().get_live_session()` in a worker's loop): the
                // instance, and its client, may be one per use.
                let transient_owner = c.guard == crate::facts::Guard::Owner
                    && c.in_fn.is_some_and(|f| {
                        cx.graph
                            .callers
                            .get(&(fi, f))
                            .is_some_and(|calls| !calls.is_empty())
                            && !cx.graph.startup_only.contains(&(fi, f))
                    });
                let long_lived = c.scope.kind == ScopeKind::Module
                    || (c.guard.is_guarded()
                        && !per_request_owner
                        && !transient_owner
                        && !matches!(c.scope.kind, ScopeKind::Test | ScopeKind::Startup))
                    || startup_factory(cx, fi, c)
                    || framework_setup_hook(cx, fi, c)
                    // (Rust: built in `main` and not closed there, it lives as long as the
                    // process, like a static.)
                    || (file.source.lang == Lang::Rs
                        && c.scope.kind == ScopeKind::Startup
                        && !c.released);
                // A library's stored singleton (`StreamVideoClient.getOrCreateInstance`) is
                // one client however many modules ask for it; so is its default connection
                // (`mongoose.connect`).
                let default_connection = cx
                    .catalog
                    .by_id(&c.client)
                    .and_then(|d| d.default_connection.as_ref())
                    .is_some_and(|d| file.source.slice(c.span).starts_with(d.call.as_str()));
                let lang = cx.catalog.for_lang(file.source.lang);
                let def = cx.catalog.by_id(&c.client);
                if !long_lived
                    || default_connection
                    || c.guard == Guard::SingletonApi
                    || !(matches!(
                        c.kind,
                        ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
                    )
                        // A single connection kept for the life of the process: one a Rust
                        // struct holds (`postgres::Client` in an X-Plane plugin's state), or a
                        // module-level one (a batch job's function opening its own is not).
                        || c.kind == ClientKind::Connection
                            && (file.source.lang == Lang::Rs || c.scope.kind == ScopeKind::Module))
                    || lang.duplicates_ok(&c.family, def)
                    || lang.duplicates_ok_families.contains(&c.family)
                        && (subscribes(file, c, &lang.subscriber_methods)
                            || dedicated(file, c, &lang.dedicated_options))
                {
                    continue;
                }
                let url = pools::url_ref(cx.files, fi, pools::config_of(file, ci));
                let database = match url.map(|(_, u)| u) {
                    Some(crate::facts::UrlRef::Env { name, .. }) => name.clone(),
                    Some(crate::facts::UrlRef::Literal { text, .. }) => text.clone(),
                    None => String::new(),
                };
                // A cached factory that builds its client from what its caller gives
                // (`createClient(config)` under `getSingleton(`mongodb-${destination.id}`, …)`)
                // keeps one client per target: a per-tenant cache, not a second module for one
                // database. (Called only from start-up code, the same factory is a module's pool.)
                let per_target = database.is_empty()
                    && c.scope.kind != ScopeKind::Module
                    && !c.anchors.args_are_static
                    && c
                        .in_fn
                        .and_then(|f| file.facts.functions.get(f))
                        .is_some_and(|f| f.params > 0)
                    && !built_by_startup_call(cx, fi, c)
                    && !framework_setup_hook(cx, fi, c);
                if per_target {
                    continue;
                }
                groups
                    .entry((file.source.project.root.clone(), c.family.clone(), database))
                    .or_default()
                    .entry(fi)
                    .or_insert((c.span, c.ctor.clone(), ci));
            }
        }
        merge_sql_groups(cx, &mut groups);
        merge_unknown_targets(&mut groups);
        let importers = |fi: usize| shared_client::importers(cx, fi);
        for ((_, family, _), mut sites) in groups {
            // `redis.StrictRedis(…, db=config.KV_JOB_DB_INDEX)` and `…, db=…EVENTS…)`: two
            // logical databases of one server, told apart by the option's text. A site is a
            // duplicate of another that selects the same one. One that does not say uses its
            // URL's (or the default, the same as `db=0`): a module that selects one explicitly
            // beside it keeps its data apart on purpose (Warehouse's sessions on `REDIS_URL/2`,
            // its XML-RPC cache on `db=redis_db`).
            let selected: BTreeMap<usize, Option<&str>> = sites
                .iter()
                .map(|(fi, (_, _, ci))| {
                    let sel = selected_database(cx, *fi, *ci)
                        .map(|t| t.rsplit('=').next().unwrap_or(t).trim())
                        .filter(|t| *t != "0");
                    (*fi, sel)
                })
                .collect();
            sites.retain(|fi, _| {
                let mine = selected.get(fi).copied().flatten();
                selected
                    .iter()
                    .any(|(o, theirs)| o != fi && *theirs == mine)
            });
            // Scripts run as processes of their own: their clients are not duplicates of the
            // application's.
            // So do serverless functions (each handler module is deployed on its own).
            // A module that holds a Lambda handler is a function of its own too.
            // An entry script that serves (its own functions are handlers: an MCP or bot
            // server started by `python server.py`) is the application's process, not a one-off.
            sites.retain(|fi, _| {
                let file = &cx.files[*fi];
                let source = &file.source;
                let lambda = file
                    .facts
                    .functions
                    .iter()
                    .any(|f| f.scope.framework.as_deref() == Some("lambda"));
                let serves = file
                    .facts
                    .functions
                    .iter()
                    .any(|f| f.scope.kind == ScopeKind::Handler);
                // (A Python file of statements only, no function or class, that uses its client
                // at the top level, `r.publish(…)`, run as `python sockettest.py`: a script,
                // like one with a `__main__` guard. A module does no I/O when imported.)
                let statements_only = source.lang == Lang::Py
                    && file.facts.functions.is_empty()
                    && file.facts.clients.iter().any(|c| {
                        c.scope.kind == ScopeKind::Module
                            && c.binding.as_deref().is_some_and(|b| {
                                source.text.lines().any(|l| {
                                    l.strip_prefix(b).is_some_and(|r| r.starts_with('.'))
                                })
                            })
                    });
                importers(*fi) > 0
                    || !((file.facts.entry_script || statements_only) && !serves
                        || lambda
                        || source.project.serverless && !source.project.nextjs)
            });
            // A client built by a start-up function belongs to the processes whose start-up
            // reaches it: two such clients are duplicates only when one start-up reaches both
            // (a web binary's pool and a worker binary's pool are one each per process).
            let roots: BTreeMap<usize, Option<BTreeSet<usize>>> = sites
                .iter()
                .map(|(fi, (_, _, ci))| {
                    let c = &cx.files[*fi].facts.clients[*ci];
                    // (A framework's set-up hook has no start-up of the project's, and a
                    // function no start-up code seen reaches may run in any process.)
                    let r = (c.scope.kind == ScopeKind::Function
                        && !framework_setup_hook(cx, *fi, c))
                    .then(|| c.in_fn.map(|f| startup_roots(cx, (*fi, f))).unwrap_or_default())
                    .filter(|r| !r.is_empty())
                    .map(|r| processes_of(cx, r));
                    (*fi, r)
                })
                .collect();
            sites.retain(|fi, _| match roots.get(fi) {
                Some(Some(mine)) => roots.iter().any(|(o, theirs)| {
                    o != fi && theirs.as_ref().is_none_or(|t| !t.is_disjoint(mine))
                }),
                _ => true,
            });
            // A client built from its function's parameter connects to what the callers give
            // (`init_db_connection(app.config["SQLALCHEMY_DATABASE_URI"])` beside
            // `timescale.init_db_connection(app.config["SQLALCHEMY_TIMESCALE_URI"])`): two such
            // modules whose callers never name the same value reach different databases.
            let given: BTreeMap<usize, Option<BTreeSet<&str>>> = sites
                .iter()
                .map(|(fi, (_, _, ci))| (*fi, callers_first_args(cx, *fi, *ci)))
                .collect();
            sites.retain(|fi, _| match given.get(fi) {
                Some(Some(mine)) => given.iter().any(|(o, theirs)| {
                    o != fi && theirs.as_ref().is_none_or(|t| !t.is_disjoint(mine))
                }),
                _ => true,
            });
            // Rust modules compiled under different Cargo features (`#[cfg(feature =
            // "postgres")] mod postgres;` beside `#[cfg(feature = "sqlite")] mod sqlite;`) are
            // alternative back-ends, not duplicates.
            let feature = |fi: &usize| cx.files[*fi].facts.cfg_feature.as_deref();
            let features: Vec<(usize, Option<&str>)> =
                sites.keys().map(|fi| (*fi, feature(fi))).collect();
            sites.retain(|fi, _| {
                let mine = feature(fi);
                features
                    .iter()
                    .any(|(o, theirs)| o != fi && (mine.is_none() || theirs.is_none() || mine == *theirs))
            });
            // Modules loaded by different processes are not duplicates: a web entry point and a
            // worker entry point that each import their own `db` module hold one pool each. Only
            // where every process that loads each module is known (entry scripts found by
            // following the imports up); a module reached from anything else may share a process
            // with any other.
            // (One walk up the imports per module: bounded to groups of a few modules, so that
            // thousands of generated modules stay linear.)
            let procs: BTreeMap<usize, BTreeSet<Option<usize>>> = if sites.len() <= 64 {
                sites
                    .keys()
                    .map(|fi| (*fi, shared_client::process_roots(cx, *fi)))
                    .collect()
            } else {
                BTreeMap::new()
            };
            let known = |r: &BTreeSet<Option<usize>>| !r.is_empty() && r.iter().all(Option::is_some);
            sites.retain(|fi, _| {
                let Some(mine) = procs.get(fi).filter(|m| known(m)) else {
                    return true;
                };
                procs
                    .iter()
                    .any(|(o, theirs)| o != fi && (!known(theirs) || !theirs.is_disjoint(mine)))
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
                // Only when it is the one most imported (a tie says nothing).
                if importers(keep) > 0
                    && sites
                        .keys()
                        .all(|o| *o == keep || importers(*o) < importers(keep))
                {
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

/// A client of family `sql` (an ORM, bb8) on a known database joins the clients of the one SQL
/// family (`postgres`, `mysql`, …) on that database in its project: one database, two pools.
/// The text of the option that selects one logical database of the server (the catalogue's
/// `select_options`: redis-py's `db=`), when the construction gives one.
fn selected_database<'c>(cx: &'c ProjectCx<'_>, fi: usize, ci: usize) -> Option<&'c str> {
    let file = &cx.files[fi];
    let def = cx.catalog.by_id(&file.facts.clients.get(ci)?.client)?;
    let opt = pools::config_of(file, ci)?
        .options
        .iter()
        .find(|o| def.select_options.contains(&o.key))?;
    Some(file.source.slice(opt.span))
}

fn merge_sql_groups(
    cx: &ProjectCx<'_>,
    groups: &mut BTreeMap<GroupKey, BTreeMap<usize, (Span, String, usize)>>,
) {
    let generic: Vec<GroupKey> = groups
        .keys()
        .filter(|(_, family, database)| family == "sql" && !database.is_empty())
        .cloned()
        .collect();
    for key in generic {
        let Some(first) = groups.get(&key).and_then(|g| g.keys().next().copied()) else {
            continue;
        };
        let families = &cx.catalog.for_lang(cx.files[first].source.lang).sql_families;
        merge_into_only(groups, &key, |(root, family, database)| {
            *root == key.0 && *database == key.2 && families.contains(family)
        });
    }
}

/// Move group `key` into the one other group `is_target` accepts, when there is exactly one.
fn merge_into_only(
    groups: &mut BTreeMap<GroupKey, BTreeMap<usize, (Span, String, usize)>>,
    key: &GroupKey,
    is_target: impl Fn(&GroupKey) -> bool,
) {
    let targets: Vec<GroupKey> = groups
        .keys()
        .filter(|k| *k != key && is_target(k))
        .cloned()
        .collect();
    if let [target] = targets.as_slice()
        && let Some(moved) = groups.remove(key)
    {
        let into = groups.entry(target.clone()).or_default();
        for (fi, site) in moved {
            into.entry(fi).or_insert(site);
        }
    }
}

/// Does the module put client `c` in subscriber mode, or take a subscriber connection from it
/// (`subscriber.subscribe("orders")`, `client.get_async_pubsub()`)? Then it needs a client of
/// its own. Asked only of the families the catalogue otherwise allows several of.
fn subscribes(
    file: &crate::facts::CheckedFile,
    c: &crate::facts::ClientSite,
    methods: &[String],
) -> bool {
    if methods.is_empty() {
        return false;
    }
    let built = file.source.slice(c.span);
    let text: &str = &file.source.text;
    methods.iter().any(|m| {
        built.contains(&format!(".{m}("))
            || c.binding
                .as_deref()
                .is_some_and(|b| text.contains(&format!("{b}.{m}(")))
    })
}

/// Is the client built with an option that dedicates it to one job (see
/// `LangCatalog::dedicated_options`)?
fn dedicated(file: &crate::facts::CheckedFile, c: &crate::facts::ClientSite, options: &[String]) -> bool {
    if options.is_empty() {
        return false;
    }
    let built: String = file
        .source
        .slice(c.span)
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .collect();
    options.iter().any(|o| built.contains(o.as_str()))
}

/// Clients whose target is not in the code (`redis.Redis(host=os.environ["REDIS_HOST"])`) join
/// the clients of their family in the project that name one, when those all name the same one
/// (`redis.Redis.from_url(REDIS_URL)` in another module): one server, two pools. Where the
/// project names two targets of the family, which one an unnamed client reaches is unknown, and
/// so is whether two unnamed ones reach the same (a log transport given `MONGODB_LOGS_URI` by its
/// caller, a file store given `DATABASE_URI`): they are not reported as one another's duplicates.
fn merge_unknown_targets(groups: &mut BTreeMap<GroupKey, BTreeMap<usize, (Span, String, usize)>>) {
    let unknown: Vec<GroupKey> = groups
        .keys()
        .filter(|(_, _, database)| database.is_empty())
        .cloned()
        .collect();
    for key in unknown {
        let named = |(root, family, database): &GroupKey| {
            *root == key.0 && *family == key.1 && !database.is_empty()
        };
        if groups.keys().filter(|k| named(k)).count() >= 2 {
            groups.remove(&key);
            continue;
        }
        merge_into_only(groups, &key, named);
    }
}

/// A client built in a plain function that runs once (only start-up code, module scope or a
/// cache calls it, transitively) and that outlives the function: not closed in it.
fn startup_factory(cx: &ProjectCx<'_>, fi: usize, c: &crate::facts::ClientSite) -> bool {
    c.scope.kind == ScopeKind::Function
        && !c.released
        && c.in_fn.is_some_and(|f| cx.graph.startup_only.contains(&(fi, f)))
}

/// A client built and kept by a framework's set-up hook: a function named as a once-only
/// callback (`[registration.inferred] once_methods`: a Haraka plugin's `exports.register`, a
/// Django app's `ready`) that nothing in the project calls, so the framework calls it, once.
fn framework_setup_hook(cx: &ProjectCx<'_>, fi: usize, c: &crate::facts::ClientSite) -> bool {
    let file = &cx.files[fi];
    let once = &cx.catalog.for_lang(file.source.lang).registration.inferred.once_methods;
    // (It keeps what it builds: on its object or module state, or handed on. A local it only
    // uses is gone when the hook returns: an exported `run(interaction)` a command table
    // calls per interaction builds one per call, `per-request-client`'s.)
    let kept = c.guard.is_guarded() || c.handed || c.returned != crate::facts::Returned::No;
    c.scope.kind == ScopeKind::Function
        && !c.released
        && kept
        && c.in_fn.is_some_and(|f| {
            file.facts.function(Some(f)).is_some_and(|fun| {
                fun.parent.is_none() && once.contains(&fun.name)
            }) && cx.graph.callers.get(&(fi, f)).is_none_or(Vec::is_empty)
        })
}

/// The files whose start-up code (or module scope) reaches function `f` through calls.
/// Is the function around `c` called, without a cache around the call, from start-up code (a
/// module's or `main`'s statements, or a function only they call)? A call under a keyed cache
/// (`getSingleton(key, () => createClient(config))`) runs once per key, not once.
fn built_by_startup_call(cx: &ProjectCx<'_>, fi: usize, c: &crate::facts::ClientSite) -> bool {
    let Some(f) = c.in_fn else {
        return false;
    };
    cx.graph.callers.get(&(fi, f)).is_some_and(|calls| {
        calls.iter().any(|&(cf, ci)| {
            let call = &cx.files[cf].facts.calls[ci];
            !call.guard.is_guarded()
                && match call.scope.kind {
                    ScopeKind::Module | ScopeKind::Startup => true,
                    ScopeKind::Function => call
                        .in_fn
                        .is_some_and(|p| cx.graph.startup_only.contains(&(cf, p))),
                    _ => false,
                }
        })
    })
}

/// What the callers of the function around client `ci` give as its first argument, when the
/// client's target is not in the code (its URL is the function's to receive) and every caller
/// names one: `None` when any does not, or the function takes nothing.
fn callers_first_args<'c>(cx: &'c ProjectCx<'_>, fi: usize, ci: usize) -> Option<BTreeSet<&'c str>> {
    let file = &cx.files[fi];
    let c = file.facts.clients.get(ci)?;
    if c.scope.kind == ScopeKind::Module || c.anchors.args_are_static {
        return None;
    }
    if pools::url_ref(cx.files, fi, pools::config_of(file, ci)).is_some() {
        return None;
    }
    let f = c.in_fn?;
    if file.facts.functions.get(f).is_none_or(|fun| fun.params == 0) {
        return None;
    }
    let calls = cx.graph.callers.get(&(fi, f))?;
    let mut out = BTreeSet::new();
    for &(cf, call) in calls {
        out.insert(cx.files[cf].facts.calls.get(call)?.first_arg.as_deref()?);
    }
    (!out.is_empty()).then_some(out)
}

/// The processes the files of `roots` run in: a root that is no process of its own stands for
/// the entry points that load it, where those are all known (`src/bin/worker.rs`); in Rust, a
/// module no binary root loads is the crate's one binary (`tasks.rs`, a handler module of
/// `main.rs`: `usize::MAX`). Otherwise (a Python or JS module some framework loads) it stands
/// for itself.
fn processes_of(cx: &ProjectCx<'_>, roots: BTreeSet<usize>) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for r in roots {
        let procs = crate::fixgen::shared_client::process_roots(cx, r);
        let rust = cx.files[r].source.lang == Lang::Rs;
        if procs.is_empty() || procs.contains(&None) && !rust {
            out.insert(r);
        } else {
            out.extend(procs.into_iter().map(|p| p.unwrap_or(usize::MAX)));
        }
    }
    out
}

fn startup_roots(cx: &ProjectCx<'_>, f: crate::callgraph::FnId) -> BTreeSet<usize> {
    cx.graph.startup_roots(f, |(cf, ci)| {
        let call = &cx.files[cf].facts.calls[ci];
        (call.scope.kind, call.in_fn)
    })
}

//! The project pass over facts: which call reaches which function (within a file and across the
//! files of one project), which functions are client factories, and which functions run per
//! request. Language-neutral: it only reads facts and module keys.

use std::collections::HashMap;

use crate::facts::{CallSite, ClientKind, FileFacts, Guard, Returned, ScopeKind};

/// A function: (file index, index into that file's `functions`).
pub type FnId = (usize, usize);
/// A call site: (file index, index into that file's `calls`).
pub type CallId = (usize, usize);

/// Where the client a factory hands out is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `FileFacts::clients[idx]` of `file`.
    Client { file: usize, idx: usize },
}

/// Why a function runs per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PerRequest {
    /// Named as a handler elsewhere (`app.get("/", h)`, `get(handlers::h)`): (file, ref index).
    HandlerRef {
        file: usize,
        idx: usize,
        framework: String,
    },
    /// Called from a per-request scope: the call.
    CalledFrom(CallId),
    /// A method of an implementation of a trait a framework calls per request (a tarpc
    /// service): the file declaring the trait and its index in `callback_traits`.
    Implements {
        file: usize,
        idx: usize,
        framework: String,
    },
}

#[derive(Debug, Default)]
pub struct CallGraph {
    pub call_targets: HashMap<CallId, FnId>,
    /// Rust: a method call dispatched through a trait object or a generic (`plugin.handle(ev)`
    /// with `plugins: Vec<Box<dyn EventPlugin>>`) whose name only the project's implementations
    /// of one trait define: it may run any of them. Never in `call_targets`.
    pub dyn_targets: HashMap<CallId, Vec<FnId>>,
    pub callers: HashMap<FnId, Vec<CallId>>,
    /// Functions that return a client they (or a factory they call) build, unguarded.
    pub factories: HashMap<FnId, Origin>,
    /// Plain functions that run per request, and why.
    pub per_request: HashMap<FnId, PerRequest>,
    /// Plain functions that are called, and only from module scope, startup code or tests
    /// (`connectDB()` awaited at the top of `server.ts`): they run once.
    pub startup_only: std::collections::HashSet<FnId>,
}

/// One file as the project pass sees it.
pub struct Unit<'a> {
    /// Files with the same project id belong to one project; calls never cross projects.
    pub project: usize,
    pub facts: &'a FileFacts,
}

impl CallGraph {
    /// The files whose start-up code (or module scope) reaches function `f` through calls,
    /// tests left out; `site` gives a call's scope kind and enclosing function.
    pub fn startup_roots(
        &self,
        f: FnId,
        site: impl Fn(CallId) -> (ScopeKind, Option<usize>),
    ) -> std::collections::BTreeSet<usize> {
        let mut roots = std::collections::BTreeSet::new();
        let mut seen = std::collections::BTreeSet::from([f]);
        let mut todo = vec![f];
        while let Some(f) = todo.pop() {
            for &(cf, ci) in self.callers.get(&f).into_iter().flatten() {
                match site((cf, ci)) {
                    (ScopeKind::Test, _) => {}
                    (ScopeKind::Function, Some(p)) => {
                        if seen.insert((cf, p)) {
                            todo.push((cf, p));
                        }
                    }
                    _ => {
                        roots.insert(cf);
                    }
                }
            }
        }
        roots
    }

    pub fn build(units: &[Unit<'_>]) -> CallGraph {
        let mut g = CallGraph::default();
        // Functions by name, for resolution.
        let mut by_name: HashMap<&str, Vec<FnId>> = HashMap::new();
        for (fi, u) in units.iter().enumerate() {
            for (i, f) in u.facts.functions.iter().enumerate() {
                by_name.entry(f.name.as_str()).or_default().push((fi, i));
            }
        }
        // Rust methods: `pricing::OAuthService::new(…)` calls the `new` of `impl OAuthService`,
        // not another type's `new` (`Self::new` the caller's own type). Only where candidates
        // know their owner; otherwise by name alone.
        // TS / Python: `Database.connect()` calls the static `connect` of class `Database`;
        // `utils.connect()` (a module) the free function.
        let owner_hint = |from: usize, callee: &str, in_fn: Option<usize>| -> Option<String> {
            let sep = if callee.contains("::") { "::" } else { "." };
            let mut segs = callee.rsplit(sep);
            segs.next();
            let ty = segs.next()?;
            if matches!(ty, "Self" | "self" | "cls" | "this") {
                return units[from].facts.function(in_fn)?.owner.clone();
            }
            ty.starts_with(|c: char| c.is_ascii_uppercase())
                .then(|| ty.to_string())
        };
        let resolve_call = |from: usize,
                            name: &str,
                            callee: &str,
                            in_fn: Option<usize>,
                            module: Option<&crate::facts::ModuleRef>|
         -> Option<FnId> {
            let cands = by_name.get(name)?;
            if !cands
                .iter()
                .any(|(f, i)| units[*f].facts.functions[*i].owner.is_some())
            {
                return None;
            }
            let hint = owner_hint(from, callee, in_fn);
            // A TS / Python `Name.f()` whose `Name` is no project class is a namespace import.
            let hint = hint.filter(|h| {
                callee.contains("::")
                    || cands
                        .iter()
                        .any(|(f, i)| units[*f].facts.functions[*i].owner.as_ref() == Some(h))
            });
            let owned: Vec<FnId> = cands
                .iter()
                .filter(|(f, i)| units[*f].facts.functions[*i].owner == hint)
                .filter(|(f, _)| match module {
                    None => *f == from,
                    Some(m) => {
                        units[*f].project == units[from].project
                            && (*f == from || m.names_any(&units[*f].facts.module_keys))
                    }
                })
                .copied()
                .collect();
            owned.first().copied()
        };
        // Exported tables of functions, by name.
        let mut tables: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (fi, u) in units.iter().enumerate() {
            for (ti, t) in u.facts.tables.iter().enumerate() {
                tables.entry(t.name.as_str()).or_default().push((fi, ti));
            }
        }
        // The files that re-export other modules (barrels), the only ones a miss looks through.
        let barrels: Vec<usize> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| !u.facts.reexports.is_empty())
            .map(|(i, _)| i)
            .collect();
        let resolve = |from: usize,
                       name: &str,
                       module: Option<&crate::facts::ModuleRef>,
                       at: u32|
         -> Option<FnId> {
            // `require("./boot/patch")()`: the function that module exports as its default.
            let name = match module {
                Some(m) if name == "default" => units
                    .iter()
                    .enumerate()
                    .find(|(f, u)| {
                        *f != from
                            && u.project == units[from].project
                            && m.names_any(&u.facts.module_keys)
                    })
                    .and_then(|(_, u)| u.facts.default_export.as_deref())?,
                _ => name,
            };
            let cands = by_name.get(name)?;
            match module {
                None => {
                    // A function of the same file; prefer a top-level one, and of several (`def
                    // connect_db()` in each branch of an `if`), the nearest defined before the
                    // call.
                    let same: Vec<&FnId> = cands.iter().filter(|(f, _)| *f == from).collect();
                    let top: Vec<&&FnId> = same
                        .iter()
                        .filter(|(f, i)| units[*f].facts.functions[*i].parent.is_none())
                        .collect();
                    top.iter()
                        .filter(|(f, i)| units[*f].facts.functions[*i].span.start <= at)
                        .max_by_key(|(f, i)| units[*f].facts.functions[*i].span.start)
                        .or_else(|| top.first())
                        .map(|id| ***id)
                        .or_else(|| same.first().map(|id| **id))
                }
                Some(m) => {
                    let defined_in = |f: usize, m: &crate::facts::ModuleRef| {
                        f != from
                            && units[f].project == units[from].project
                            && m.names_any(&units[f].facts.module_keys)
                    };
                    // Top-level functions, and what a factory returns (`makeHandler()`).
                    let top = |(f, i): &&FnId| {
                        let func = &units[*f].facts.functions[*i];
                        func.parent.is_none() || func.name.ends_with("()")
                    };
                    let direct = cands
                        .iter()
                        .filter(top)
                        .find(|(f, _)| defined_in(*f, m))
                        .copied();
                    // Through a barrel (`index.ts`: `export * from "./Database"`), two deep.
                    direct.or_else(|| {
                        let mut through: Vec<&crate::facts::ModuleRef> = Vec::new();
                        let mut level: Vec<&crate::facts::ModuleRef> = vec![m];
                        for _ in 0..2 {
                            let next: Vec<&crate::facts::ModuleRef> = barrels
                                .iter()
                                .filter(|f| level.iter().any(|m| defined_in(**f, m)))
                                .flat_map(|f| units[*f].facts.reexports.iter())
                                .collect();
                            through.extend(next.iter().copied());
                            level = next;
                            if level.is_empty() {
                                break;
                            }
                        }
                        cands
                            .iter()
                            .filter(top)
                            .find(|(f, _)| through.iter().any(|r| defined_in(*f, r)))
                            .copied()
                    })
                }
            }
        };
        // The project trait each Rust method implements (`impl EventPlugin for Ledger`).
        let mut impl_of: HashMap<FnId, (usize, &str)> = HashMap::new();
        for (fi, u) in units.iter().enumerate() {
            for imp in &u.facts.trait_impls {
                for &f in &imp.functions {
                    impl_of.insert((fi, f), (u.project, imp.name.as_str()));
                }
            }
        }
        // Rust method calls (`config.postgres.get_pool()`): the receiver's type is unknown, so
        // `self.m()` resolves among the caller's own type, and any other receiver only to the one
        // function of that name in the project, when it takes `self`.
        let resolve_method = |from: usize, c: &CallSite| -> Option<FnId> {
            let same_project = |(f, _): &&FnId| units[*f].project == units[from].project;
            let cands: Vec<&FnId> = by_name
                .get(c.name.as_str())?
                .iter()
                .filter(same_project)
                .collect();
            let fun = |(f, i): &FnId| &units[*f].facts.functions[*i];
            // TS / Python: the receiver's class is known (`this.orders.place()` with
            // `constructor(private orders: Orders)`): that class's method, in this file or the
            // module it is imported from.
            if let Some(r) = &c.receiver {
                return cands
                    .into_iter()
                    .find(|id| {
                        fun(id).receiver
                            && fun(id).owner.as_deref() == Some(r.class.as_str())
                            && match &r.module {
                                None => id.0 == from,
                                Some(m) => {
                                    id.0 != from && m.names_any(&units[id.0].facts.module_keys)
                                }
                            }
                    })
                    .copied();
            }
            if c.callee.strip_suffix(c.name.as_str()) == Some("self.") {
                let owner = units[from].facts.function(c.in_fn)?.owner.clone()?;
                return cands
                    .into_iter()
                    .find(|id| fun(id).receiver && fun(id).owner.as_ref() == Some(&owner))
                    .copied();
            }
            // (Free functions of the same name, `runbooks::search` beside `Plugin::search`, are
            // no method's target.)
            let methods: Vec<&FnId> = cands.into_iter().filter(|id| fun(id).receiver).collect();
            match methods.as_slice() {
                [only] => Some(**only),
                _ => None,
            }
        };
        // ... and of several, all implementations of one project trait: dynamic dispatch.
        let resolve_dyn = |from: usize, c: &CallSite| -> Vec<FnId> {
            if c.receiver.is_some() || c.callee.strip_suffix(c.name.as_str()) == Some("self.") {
                return Vec::new();
            }
            let Some(cands) = by_name.get(c.name.as_str()) else {
                return Vec::new();
            };
            let cands: Vec<FnId> = cands
                .iter()
                .filter(|(f, _)| units[*f].project == units[from].project)
                .copied()
                .collect();
            let first = cands.first().and_then(|id| impl_of.get(id));
            let one_trait = cands.len() > 1
                && first.is_some()
                && cands.iter().all(|id| {
                    units[id.0].facts.functions[id.1].receiver && impl_of.get(id) == first
                });
            if one_trait { cands } else { Vec::new() }
        };
        for (fi, u) in units.iter().enumerate() {
            for (ci, c) in u.facts.calls.iter().enumerate() {
                if c.method {
                    if let Some(target) = resolve_method(fi, c) {
                        if c.in_fn.map(|f| (fi, f)) != Some(target) {
                            g.call_targets.insert((fi, ci), target);
                            g.callers.entry(target).or_default().push((fi, ci));
                        }
                    } else {
                        let targets: Vec<FnId> = resolve_dyn(fi, c)
                            .into_iter()
                            .filter(|t| c.in_fn.map(|f| (fi, f)) != Some(*t))
                            .collect();
                        for &t in &targets {
                            g.callers.entry(t).or_default().push((fi, ci));
                        }
                        if !targets.is_empty() {
                            g.dyn_targets.insert((fi, ci), targets);
                        }
                    }
                    continue;
                }
                let owned = by_name.get(c.name.as_str()).is_some_and(|cands| {
                    cands
                        .iter()
                        .any(|(f, i)| units[*f].facts.functions[*i].owner.is_some())
                });
                // `_plugin.onCommand(…)` on an instance of a class of the file: its method, not
                // the top-level function of the same name.
                let instance = (c.module.is_none()
                    && c.callee.contains('.')
                    && !c.callee.starts_with("self.")
                    && !c.callee.starts_with("this."))
                .then(|| by_name.get(c.name.as_str()))
                .flatten()
                .and_then(|cands| {
                    cands
                        .iter()
                        .find(|(f, i)| {
                            *f == fi && u.facts.functions[*i].method && c.in_fn != Some(*i)
                        })
                        .copied()
                });
                let target = if owned {
                    resolve_call(fi, &c.name, &c.callee, c.in_fn, c.module.as_ref())
                } else if instance.is_some() {
                    instance
                } else {
                    resolve(fi, &c.name, c.module.as_ref(), c.span.start)
                };
                // TS / Python `self._connect()` resolves to the nearest method of that name; the
                // other methods of the file so named are overrides in subclasses (`class
                // Redshift(PostgreSQL)`) the call may run as well.
                if let Some(t) = target
                    && (c.callee.starts_with("self.") || c.callee.starts_with("this."))
                    && u.facts.functions[t.1].method
                {
                    let overrides: Vec<FnId> = by_name
                        .get(c.name.as_str())
                        .into_iter()
                        .flatten()
                        .filter(|id| {
                            id.0 == fi
                                && **id != t
                                && c.in_fn != Some(id.1)
                                && u.facts.functions[id.1].method
                        })
                        .copied()
                        .collect();
                    for &o in &overrides {
                        g.callers.entry(o).or_default().push((fi, ci));
                    }
                    if !overrides.is_empty() {
                        g.dyn_targets.insert((fi, ci), overrides);
                    }
                }
                // Rust: `open::file_pool(…)` with a `mod open` per `#[cfg(…)]` in the file: one
                // is compiled, and which is not known here, so each is a target.
                if let Some(t) = target
                    && c.module.is_none()
                    && t.0 == fi
                    && c.callee.contains("::")
                    && u.facts.functions[t.1].owner.is_none()
                {
                    let alternatives: Vec<FnId> = by_name
                        .get(c.name.as_str())
                        .into_iter()
                        .flatten()
                        .filter(|id| id.0 == fi)
                        .filter(|id| {
                            let f = &u.facts.functions[id.1];
                            **id != t
                                && c.in_fn != Some(id.1)
                                && f.parent.is_none()
                                && f.owner.is_none()
                                && !f.method
                        })
                        .copied()
                        .collect();
                    for &o in &alternatives {
                        g.callers.entry(o).or_default().push((fi, ci));
                    }
                    if !alternatives.is_empty() {
                        g.dyn_targets.insert((fi, ci), alternatives);
                    }
                }
                // A table of functions another module exports (`commands[name](…)` with
                // `import { commands } from "./commands"`): a call of each member.
                if target.is_none()
                    && let Some(m) = c.module.as_ref()
                {
                    let members: Vec<FnId> = tables
                        .get(c.name.as_str())
                        .into_iter()
                        .flatten()
                        .filter(|(tf, _)| {
                            *tf != fi
                                && units[*tf].project == u.project
                                && m.names_any(&units[*tf].facts.module_keys)
                        })
                        .flat_map(|&(tf, ti)| {
                            units[tf].facts.tables[ti].members.iter().filter_map(
                                move |(name, module)| resolve(tf, name, module.as_ref(), u32::MAX),
                            )
                        })
                        .filter(|t| c.in_fn.map(|f| (fi, f)) != Some(*t))
                        .collect();
                    for &t in &members {
                        g.callers.entry(t).or_default().push((fi, ci));
                    }
                    if !members.is_empty() {
                        g.dyn_targets.insert((fi, ci), members);
                    }
                }
                if let Some(target) = target {
                    // A function calling itself recursively is not a caller for our purposes.
                    if c.in_fn.map(|f| (fi, f)) == Some(target) {
                        continue;
                    }
                    g.call_targets.insert((fi, ci), target);
                    g.callers.entry(target).or_default().push((fi, ci));
                }
            }
        }
        for (fi, u) in units.iter().enumerate() {
            for (ri, r) in u.facts.handler_refs.iter().enumerate() {
                if let Some(target) = resolve(fi, &r.name, r.module.as_ref(), r.span.start) {
                    g.per_request
                        .entry(target)
                        .or_insert(PerRequest::HandlerRef {
                            file: fi,
                            idx: ri,
                            framework: r.framework.clone(),
                        });
                }
            }
        }

        // Rust: the methods of an `impl` of a trait declared as a service a framework calls per
        // request (`#[tarpc::service] trait Inventory`), in the same file or the module named.
        let mut callback_traits: HashMap<(usize, &str), Vec<(usize, usize)>> = HashMap::new();
        for (fi, u) in units.iter().enumerate() {
            for (ti, t) in u.facts.callback_traits.iter().enumerate() {
                callback_traits
                    .entry((u.project, t.name.as_str()))
                    .or_default()
                    .push((fi, ti));
            }
        }
        if !callback_traits.is_empty() {
            for (fi, u) in units.iter().enumerate() {
                for imp in &u.facts.trait_impls {
                    let declared = callback_traits
                        .get(&(u.project, imp.name.as_str()))
                        .into_iter()
                        .flatten()
                        .find(|(df, _)| match &imp.module {
                            None => *df == fi,
                            Some(m) => m.names_any(&units[*df].facts.module_keys),
                        });
                    let Some(&(df, ti)) = declared else { continue };
                    let framework = units[df].facts.callback_traits[ti].framework.clone();
                    for &f in &imp.functions {
                        g.per_request
                            .entry((fi, f))
                            .or_insert(PerRequest::Implements {
                                file: df,
                                idx: ti,
                                framework: framework.clone(),
                            });
                    }
                }
            }
        }

        let fn_of = |file: usize, idx: Option<usize>| {
            idx.and_then(|i| units[file].facts.functions.get(i).map(|f| (i, f)))
        };
        let plain = |file: usize, idx: Option<usize>| {
            fn_of(file, idx)
                .is_some_and(|(_, f)| f.scope.kind == ScopeKind::Function && f.guard == Guard::None)
        };

        // Factories: functions returning a fresh, unguarded client.
        for (fi, u) in units.iter().enumerate() {
            for (ci, c) in u.facts.clients.iter().enumerate() {
                // Returning something that holds the client (`return client.db(name)`,
                // `return drizzle(pool)`) hands the client over too, when the function has
                // callers to judge instead.
                let hands_over = match c.returned {
                    Returned::Direct => true,
                    // (What a throwaway call gives is a response: data, not a client.)
                    Returned::Derived => {
                        c.kind != ClientKind::Throwaway
                            && !c.released
                            && c.in_fn.is_some_and(|f| g.callers.contains_key(&(fi, f)))
                    }
                    Returned::No => false,
                };
                if c.kind.is_long_lived()
                    && c.guard == Guard::None
                    && hands_over
                    && c.scope.kind == ScopeKind::Function
                    && plain(fi, c.in_fn)
                    && let Some(f) = c.in_fn
                {
                    g.factories
                        .entry((fi, f))
                        .or_insert(Origin::Client { file: fi, idx: ci });
                }
            }
        }
        // Calls made inside each function, for the propagations below (each is linear: a
        // worklist by levels instead of rounds over every call; a chain of 8,000 helpers took
        // seconds as rounds).
        let mut calls_in: HashMap<FnId, Vec<CallId>> = HashMap::new();
        for (fi, u) in units.iter().enumerate() {
            for (ci, c) in u.facts.calls.iter().enumerate() {
                if let Some(f) = c.in_fn {
                    calls_in.entry((fi, f)).or_default().push((fi, ci));
                }
            }
        }

        // ... and functions returning what a factory returns, transitively. Level by level,
        // each level's calls in file and call order, so that of two origins the first call wins
        // exactly as it did.
        let mut level: Vec<FnId> = g.factories.keys().copied().collect();
        while !level.is_empty() {
            let mut candidates: Vec<CallId> = level
                .iter()
                .filter_map(|f| g.callers.get(f))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let mut added: Vec<(FnId, Origin)> = Vec::new();
            for (fi, ci) in candidates {
                let c = &units[fi].facts.calls[ci];
                let Some(origin) = g
                    .call_targets
                    .get(&(fi, ci))
                    .and_then(|t| g.factories.get(t))
                else {
                    continue;
                };
                if c.guard == Guard::None
                    && c.returned == Returned::Direct
                    && c.scope.kind == ScopeKind::Function
                    && plain(fi, c.in_fn)
                    && let Some(f) = c.in_fn
                    && !g.factories.contains_key(&(fi, f))
                {
                    added.push(((fi, f), *origin));
                }
            }
            level.clear();
            for (k, v) in added {
                if let std::collections::hash_map::Entry::Vacant(e) = g.factories.entry(k) {
                    e.insert(v);
                    level.push(k);
                }
            }
        }

        // Per-request functions: called, unguarded, from a per-request scope. The first level is
        // every call from a handler, component or loop, and from the functions already known to
        // run per request (handler references); then the calls made inside each newly found one.
        let per_request_call =
            |g: &CallGraph, fi: usize, ci: usize, target: FnId| -> Option<FnId> {
                let c = &units[fi].facts.calls[ci];
                if g.per_request.contains_key(&target) || g.factories.contains_key(&target) {
                    return None;
                }
                let target_plain = fn_of(target.0, Some(target.1))
                    .is_some_and(|(_, f)| f.scope.kind == ScopeKind::Function);
                // (Its result kept on an object, `self.last_results = found`, is no cache of what
                // the target builds and does not return: factories are judged at their calls. A
                // call under a flag of the object, `if not self._ready: self._load()`, is.)
                let result_kept = c.guard == Guard::Owner && c.binding.is_some();
                if !target_plain || (c.guard != Guard::None && !result_kept) {
                    return None;
                }
                // (In a loop that keeps what it calls per element, `relays[host] = relay` after
                // `relay.start()`, the callee runs as often as the loop's function.)
                let from_per_request = match c.scope.kind {
                    ScopeKind::Loop if c.collected => c
                        .in_fn
                        .is_some_and(|f| g.per_request.contains_key(&(fi, f))),
                    ScopeKind::Handler | ScopeKind::Component | ScopeKind::Loop => true,
                    ScopeKind::Function => c
                        .in_fn
                        .is_some_and(|f| g.per_request.contains_key(&(fi, f))),
                    _ => false,
                };
                from_per_request.then_some(target)
            };
        let mut candidates: Vec<CallId> = Vec::new();
        for (fi, u) in units.iter().enumerate() {
            for (ci, c) in u.facts.calls.iter().enumerate() {
                let from_known = c
                    .in_fn
                    .is_some_and(|f| g.per_request.contains_key(&(fi, f)));
                if from_known
                    || matches!(
                        c.scope.kind,
                        ScopeKind::Handler | ScopeKind::Component | ScopeKind::Loop
                    )
                {
                    candidates.push((fi, ci));
                }
            }
        }
        while !candidates.is_empty() {
            let added: Vec<(FnId, PerRequest)> = candidates
                .iter()
                .flat_map(|&(fi, ci)| g.targets((fi, ci)).map(move |t| (fi, ci, t)))
                .filter_map(|(fi, ci, t)| {
                    per_request_call(&g, fi, ci, t).map(|t| (t, PerRequest::CalledFrom((fi, ci))))
                })
                .collect();
            candidates.clear();
            for (k, v) in added {
                if let std::collections::hash_map::Entry::Vacant(e) = g.per_request.entry(k) {
                    e.insert(v);
                    candidates.extend(calls_in.get(&k).into_iter().flatten().copied());
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
        }

        // Startup-only functions: every caller runs once (module, startup, test scope, a guarded
        // call, or a startup-only function): the greatest such set, from the optimistic side,
        // removing a function as soon as one of its callers does not run once.
        let candidates: Vec<FnId> = g
            .callers
            .keys()
            .copied()
            .filter(|f| !g.per_request.contains_key(f))
            .filter(|f| {
                fn_of(f.0, Some(f.1)).is_some_and(|(_, fun)| fun.scope.kind == ScopeKind::Function)
            })
            // Called only by tests: the application reaches it some way connlint cannot see
            // (a dict of handlers, a method on an instance); tests say nothing of how often.
            .filter(|f| {
                g.callers.get(f).is_some_and(|calls| {
                    calls
                        .iter()
                        .any(|&(cf, ci)| units[cf].facts.calls[ci].scope.kind != ScopeKind::Test)
                })
            })
            .collect();
        let mut once: std::collections::HashSet<FnId> = candidates.iter().copied().collect();
        // A call runs once when guarded or at module/startup/test scope; from a function, when
        // that function is (still) in `once`.
        let runs_once = |once: &std::collections::HashSet<FnId>, (cf, ci): CallId| {
            let c = &units[cf].facts.calls[ci];
            // (A call cached on an object, `if self.baseline is None: self.baseline = f()`, runs
            // once per object, and there may be many.)
            if c.guard.is_guarded() && c.guard != crate::facts::Guard::Owner {
                return true;
            }
            match c.scope.kind {
                ScopeKind::Module | ScopeKind::Startup | ScopeKind::Test => true,
                ScopeKind::Function => c.in_fn.is_some_and(|p| once.contains(&(cf, p))),
                _ => false,
            }
        };
        let mut removed: Vec<FnId> = candidates
            .iter()
            .copied()
            .filter(|f| {
                !g.callers
                    .get(f)
                    .is_some_and(|calls| calls.iter().all(|&c| runs_once(&once, c)))
            })
            .collect();
        for f in &removed {
            once.remove(f);
        }
        while let Some(f) = removed.pop() {
            // Calls made inside `f` no longer run once: their targets may fall too.
            for &(cf, ci) in calls_in.get(&f).into_iter().flatten() {
                let targets: Vec<FnId> = g.targets((cf, ci)).collect();
                for t in targets {
                    if once.contains(&t)
                        && !g
                            .callers
                            .get(&t)
                            .is_some_and(|calls| calls.iter().all(|&c| runs_once(&once, c)))
                    {
                        once.remove(&t);
                        removed.push(t);
                    }
                }
            }
        }
        g.startup_only = once;
        g
    }

    /// What a call may run: its one resolved target, or the implementations a dynamically
    /// dispatched method call may reach.
    pub fn targets(&self, call: CallId) -> impl Iterator<Item = FnId> + '_ {
        self.call_targets
            .get(&call)
            .into_iter()
            .chain(self.dyn_targets.get(&call).into_iter().flatten())
            .copied()
    }

    pub fn is_factory(&self, f: FnId) -> bool {
        self.factories.contains_key(&f)
    }

    /// The kind of client factory `f` builds (a pool when it hands on a factory's result): a
    /// throwaway call's helper (`def up(u): return httpx.get(u).is_success`) is judged as the
    /// call, in handlers, components and loops only.
    pub fn origin_kind<'f>(&self, facts: impl Fn(usize) -> &'f FileFacts, f: FnId) -> ClientKind {
        match self.factories.get(&f) {
            Some(Origin::Client { file, idx }) => facts(*file)
                .clients
                .get(*idx)
                .map_or(ClientKind::Pool, |c| c.kind),
            _ => ClientKind::Pool,
        }
    }

    /// A construction that only runs when the caller gives no value for parameter `param` of
    /// function `f` (`engine or create_engine(url)`): do the callers that run it often give
    /// one? True when `f` has callers and none of those that leave the parameter out runs per
    /// request, per event or per iteration (a call giving `*args` / `**kwargs` may give it).
    pub fn fallback_given<'f>(
        &self,
        facts: impl Fn(usize) -> &'f FileFacts,
        f: FnId,
        param: &(String, u32),
    ) -> bool {
        self.often_callers_all(facts, f, |gives| gives, param)
    }

    /// A construction that only runs when the caller gives parameter `param` of function `f`
    /// (`if new_connection: conn = connect()`): do the callers that run it often leave it out?
    /// True when `f` has callers and none of those that give it (or may: `*args` /
    /// `**kwargs`) runs per request, per event or per iteration.
    pub fn needed_param_left_out<'f>(
        &self,
        facts: impl Fn(usize) -> &'f FileFacts,
        f: FnId,
        param: &(String, u32),
    ) -> bool {
        self.often_callers_all(facts, f, |gives| !gives, param)
    }

    /// True when `f` has callers and each of those that runs often passes `ok` on whether it
    /// gives `param` (a call unpacking arguments may give anything).
    fn often_callers_all<'f>(
        &self,
        facts: impl Fn(usize) -> &'f FileFacts,
        f: FnId,
        ok: impl Fn(bool) -> bool,
        param: &(String, u32),
    ) -> bool {
        let Some(callers) = self.callers.get(&f) else {
            return false;
        };
        let (name, index) = param;
        callers.iter().all(|&(cf, ci)| {
            let Some(c) = facts(cf).calls.get(ci) else {
                return true;
            };
            let gives = c.gives(name, *index);
            let often = matches!(
                c.scope.kind,
                ScopeKind::Handler | ScopeKind::Component | ScopeKind::Loop
            ) || c
                .in_fn
                .is_some_and(|g| self.per_request.contains_key(&(cf, g)));
            ok(gives) || !often
        })
    }
}

//! The prefilter: most files of a real repository cannot contain a finding, and parsing is the
//! expensive part. A file is parsed only when its text contains a catalogue trigger word (a
//! constructor or module name of its language), or — in later rounds — the name of a function
//! that builds or reaches a client in an already parsed file (so cross-file factory calls and
//! handler references are still seen).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::catalog::Catalog;
use crate::facts::{CheckedFile, FileFacts, ModuleRef};
use crate::source::{Lang, SourceFile};

/// Trigger words per language family (JS, Python, Rust).
/// Python: the words are the checkout methods only; the libraries are found by their imports
/// (the top-level packages, `Words::3`), not by words that are also common prose (`session`,
/// `engine`, `pool`, `requests`).
#[derive(PartialEq)]
struct Words(
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Lifecycle,
    RootPairs,
);

/// JS/TS: root-mount words that count only with a second word (`createApp(` with `.mount(`; the
/// catalogue's `[[root_mount]] with`).
#[derive(PartialEq)]
struct RootPairs(Vec<String>, Vec<String>);

/// JS/TS: the mount methods of the catalogue's `[[lifecycle]]` component models (`mounted(`,
/// `connectedCallback(`) and what an effect acquires (`setInterval`, `addEventListener`,
/// `WebSocket`): a file with one of each is parsed. Components are many and most acquire
/// nothing, so a mount method alone does not make a file worth parsing.
#[derive(PartialEq)]
struct Lifecycle(Vec<String>, Vec<String>);

impl Words {
    fn of(catalog: &Catalog) -> Words {
        let mut py = words(&catalog.py, &strings(PY_EXTRA), false);
        let roots = catalog.py.trigger_words(true);
        py.retain(|w| !roots.contains(w));
        Words(
            words(&catalog.js, &js_extra(&catalog.js), true),
            py,
            words(&catalog.rs, &rs_extra(&catalog.rs), false),
            roots,
            lifecycle_words(&catalog.js),
            root_pairs(&catalog.js),
        )
    }
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

/// Does this Python text import one of these top-level packages (`import redis`, `import
/// sqlalchemy as sa`, `from sqlalchemy.orm import Session`, also indented in a `try:`)?
fn imports_package(text: &str, roots: &std::collections::HashSet<String>) -> bool {
    fn root_of(m: &str) -> &str {
        m.split('.').next().unwrap_or("").trim()
    }
    text.lines().any(|line| {
        let line = line.trim_start();
        if let Some(rest) = line.strip_prefix("import ") {
            rest.split(',')
                .filter_map(|p| p.split_whitespace().next())
                .any(|m| roots.contains(root_of(m)))
        } else if let Some(rest) = line.strip_prefix("from ") {
            rest.split_whitespace()
                .next()
                .is_some_and(|m| !m.starts_with('.') && roots.contains(root_of(m)))
        } else {
            false
        }
    })
}

/// Trigger automata per language family.
pub struct Prefilter {
    /// What the prefilter is (a hash of its words), for caches of what it decided.
    pub id: u128,
    js: Option<AhoCorasick>,
    py: Option<AhoCorasick>,
    py_packages: std::collections::HashSet<String>,
    rs: Option<AhoCorasick>,
    /// See [`Lifecycle`].
    js_mounts: Option<AhoCorasick>,
    js_acquire: Option<AhoCorasick>,
    /// See [`RootPairs`].
    js_root: Option<AhoCorasick>,
    js_root_with: Option<AhoCorasick>,
}

fn build(words: &[String]) -> Option<AhoCorasick> {
    if words.is_empty() {
        return None;
    }
    // A DFA: built once per run (a few hundred words), it scans every file's text, and
    // scanning is what costs (the default contiguous NFA was ~5 % of a run's CPU).
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .ok()
}

/// Framework words that make a file worth parsing even when it imports no client library:
/// effects (whose acquisitions are browser APIs), and sessions or checkouts whose receiver is
/// imported from the project (`SessionLocal()`, `pool.connect()`).
const JS_EXTRA: &[&str] = &[
    "useEffect",
    "useLayoutEffect",
    "useInsertionEffect",
    "useSignalEffect",
    "componentDidMount",
    "onMounted",
    "onMount",
    "$effect",
];
/// JS/TS extra words: the effect hooks, and the calls mounting an application's root (the
/// catalogue's `[[root_mount]] words`), for the entry file that mounts a root component.
fn js_extra(catalog: &crate::catalog::LangCatalog) -> Vec<String> {
    let mut w = strings(JS_EXTRA);
    w.extend(
        catalog
            .root_mounts
            .iter()
            .filter(|d| d.with.is_empty())
            .flat_map(|d| d.words.iter().cloned()),
    );
    w
}
/// See [`RootPairs`].
fn root_pairs(catalog: &crate::catalog::LangCatalog) -> RootPairs {
    let paired = || catalog.root_mounts.iter().filter(|d| !d.with.is_empty());
    let mut first: Vec<String> = paired().flat_map(|d| d.words.iter().cloned()).collect();
    let mut second: Vec<String> = paired().flat_map(|d| d.with.iter().cloned()).collect();
    for list in [&mut first, &mut second] {
        list.sort();
        list.dedup();
    }
    RootPairs(first, second)
}
/// The largest file a lifecycle's words alone make worth parsing (see [`Lifecycle`]).
const LIFECYCLE_MAX_BYTES: usize = 128 * 1024;

/// See [`Lifecycle`].
fn lifecycle_words(catalog: &crate::catalog::LangCatalog) -> Lifecycle {
    let mut mounts: Vec<String> = catalog
        .lifecycles
        .iter()
        .flat_map(|l| l.mount.iter())
        .map(|m| format!("{m}("))
        .collect();
    // Not the pairs of a library (a file using one imports it, and its module is a trigger word
    // already), nor one-shot timers and frames (a warning at most, and in most components).
    let mut acquire: Vec<String> = catalog
        .effects
        .iter()
        .filter(|e| e.modules.is_empty() && !e.one_shot)
        .flat_map(|e| e.methods.iter().chain(&e.calls).chain(&e.new))
        .map(|w| w.rsplit('.').next().unwrap_or(w).to_string())
        .filter(|w| w.len() >= 3)
        .collect();
    for list in [&mut mounts, &mut acquire] {
        list.sort();
        list.dedup();
    }
    Lifecycle(mounts, acquire)
}

/// Sessions and checkouts whose receiver comes from the project (`SessionLocal()`,
/// `pool.connect()`) are found by the later rounds (the file imports the module keeping the
/// client) or by the checkout methods below; nothing extra by name.
const PY_EXTRA: &[&str] = &[];

/// Rust: a trait declared under one of the catalogue's `trait_attributes` (`#[tarpc::service]`)
/// makes its implementations in other files per request, whatever the declaring file imports.
fn rs_extra(catalog: &crate::catalog::LangCatalog) -> Vec<String> {
    let attrs = &catalog.registration.trait_attributes;
    let mut extra: Vec<String> = attrs.iter().map(|a| format!("::{a}]")).collect();
    extra.extend(attrs.iter().map(|a| format!("#[{a}]")));
    extra
}

fn words(catalog: &crate::catalog::LangCatalog, extra: &[String], quoted: bool) -> Vec<String> {
    let mut w: Vec<String> = if quoted {
        // JS module specifiers only appear in import strings: match them with their quote
        // (`"pg"`, `'pg/…`), or `ably` would match every "probably".
        catalog
            .trigger_words(false)
            .into_iter()
            .flat_map(|m| {
                if m.contains('/') && !m.starts_with('@') {
                    // a wildcard fragment such as `generated/prisma`
                    return vec![m];
                }
                if m.ends_with(['-', '_', '/']) {
                    // the literal start of a wildcard package (`@aws-sdk/client-*`)
                    return ['"', '\'', '`']
                        .into_iter()
                        .map(|q| format!("{q}{m}"))
                        .collect();
                }
                ['"', '\'', '`']
                    .into_iter()
                    .flat_map(|q| [format!("{q}{m}{q}"), format!("{q}{m}/")])
                    .collect()
            })
            .collect()
    } else {
        // Python's words are dotted module paths; Rust's crate names have no dot.
        catalog.trigger_words(true)
    };
    w.extend(extra.iter().cloned());
    // Checkouts are methods on a pool that may be imported from the project (`pool.connect()`).
    for c in &catalog.clients {
        for k in c.constructors.iter().filter(|k| k.on.is_some()) {
            if let Some(m) = k.call.as_deref().filter(|m| *m != "()") {
                w.push(format!(".{m}("));
            }
        }
    }
    w.sort();
    w.dedup();
    w
}

impl Prefilter {
    pub fn new(catalog: &Catalog) -> Prefilter {
        Self::of_words(&Words::of(catalog))
    }

    fn of_words(w: &Words) -> Prefilter {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for list in [&w.0, &w.1, &w.2, &w.3, &w.4.0, &w.4.1, &w.5.0, &w.5.1] {
            for word in list {
                h.update(word.as_bytes());
                h.update(&[0]);
            }
            h.update(&[1]);
        }
        Prefilter {
            id: h.digest128(),
            js: build(&w.0),
            py: build(&w.1),
            py_packages: w.3.iter().cloned().collect(),
            rs: build(&w.2),
            js_mounts: build(&w.4.0),
            js_acquire: build(&w.4.1),
            js_root: build(&w.5.0),
            js_root_with: build(&w.5.1),
        }
    }

    /// The prefilter of a catalogue, built once per distinct set of trigger words and then
    /// shared: building the automata costs far more than checking one file, and the language
    /// server and `--stdin-filename` check one file per run.
    pub fn for_catalog(catalog: &Catalog) -> Arc<Prefilter> {
        static CACHE: Mutex<Vec<(Words, Arc<Prefilter>)>> = Mutex::new(Vec::new());
        let w = Words::of(catalog);
        if let Ok(cache) = CACHE.lock()
            && let Some((_, p)) = cache.iter().find(|(k, _)| *k == w)
        {
            return p.clone();
        }
        let p = Arc::new(Self::of_words(&w));
        if let Ok(mut cache) = CACHE.lock() {
            // A handful of configurations at most in one process; keep the newest few.
            if cache.len() >= 8 {
                cache.remove(0);
            }
            cache.push((w, p.clone()));
        }
        p
    }

    /// Must this file be parsed in the first round? (`true` when in doubt.)
    pub fn triggers(&self, lang: Lang, text: &str) -> bool {
        if lang == Lang::Py {
            return imports_package(text, &self.py_packages)
                || self.py.as_ref().is_some_and(|ac| ac.is_match(text));
        }
        let ac = match lang {
            Lang::Ts | Lang::Tsx | Lang::Js => &self.js,
            Lang::Py => &self.py,
            Lang::Rs => &self.rs,
            Lang::Env => return true,
        };
        // A component is a hand-written file: a bundle (`vendor/quasar.umd.js`) is not one.
        let lifecycle = || {
            matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
                && text.len() <= LIFECYCLE_MAX_BYTES
                && self.js_mounts.as_ref().is_some_and(|m| m.is_match(text))
                && self.js_acquire.as_ref().is_some_and(|a| a.is_match(text))
        };
        let root = || {
            matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
                && self.js_root.as_ref().is_some_and(|r| r.is_match(text))
                && self.js_root_with.as_ref().is_some_and(|w| w.is_match(text))
        };
        match ac {
            Some(ac) => ac.is_match(text) || lifecycle() || root(),
            None => true,
        }
    }
}

/// Names of functions through which a client can be reached from another file: exported
/// top-level plain functions that build an unguarded client, or call one of `known`, and the
/// methods of top-level Python classes that do (an importer may hand one on as a bound method:
/// `channel.on("message", handler.relay)`). Nested functions, handlers and components are
/// never called across files by name.
pub fn reaching_names(facts: &FileFacts, known: &BTreeSet<String>) -> BTreeSet<String> {
    use crate::facts::{Guard, ScopeKind};
    // Functions of this file that reach a client, to a fixpoint within the file: a private
    // helper that builds a client makes its exported callers reaching too. A worklist over the
    // calls by callee name keeps this linear (a chain of 8,000 helpers took 13 s as rounds).
    let mut reaching = vec![false; facts.functions.len()];
    let mut queue: Vec<usize> = Vec::new();
    let mark = |reaching: &mut Vec<bool>, queue: &mut Vec<usize>, mut f: Option<usize>| {
        while let Some(i) = f {
            match reaching.get_mut(i) {
                Some(r) if !*r => {
                    *r = true;
                    queue.push(i);
                }
                Some(_) => break,
                None => {}
            }
            f = facts.function(Some(i)).and_then(|fun| fun.parent);
        }
    };
    for c in facts
        .clients
        .iter()
        .filter(|c| c.guard == Guard::None && c.kind.is_long_lived())
    {
        mark(&mut reaching, &mut queue, c.in_fn);
    }
    let mut local_calls: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, c) in facts.calls.iter().enumerate() {
        if known.contains(&c.name) {
            mark(&mut reaching, &mut queue, c.in_fn);
        }
        if c.module.is_none() {
            local_calls.entry(c.name.as_str()).or_default().push(i);
        }
    }
    while let Some(f) = queue.pop() {
        let Some(name) = facts.functions.get(f).map(|fun| fun.name.as_str()) else {
            continue;
        };
        for &ci in local_calls.get(name).map(Vec::as_slice).unwrap_or(&[]) {
            mark(&mut reaching, &mut queue, facts.calls[ci].in_fn);
        }
    }
    let mut names: BTreeSet<String> = facts
        .functions
        .iter()
        .zip(&reaching)
        .filter(|(f, r)| {
            // (Methods: Python's, the only ones with a `def` line.)
            **r && f.parent.is_none()
                && (f.exported || (f.method && f.def_line.is_some()))
                && f.scope.kind == ScopeKind::Function
        })
        .map(|(f, _)| f.name.clone())
        .collect();
    // A table of functions holding one that reaches a client (`export const handlers = {
    // produce }`): a file calling through it reaches the client too.
    let reaching_here: std::collections::HashSet<&str> = facts
        .functions
        .iter()
        .zip(&reaching)
        .filter(|(_, r)| **r)
        .map(|(f, _)| f.name.as_str())
        .collect();
    for t in &facts.tables {
        let reaches = t.members.iter().any(|(name, module)| match module {
            Some(_) => known.contains(name),
            None => reaching_here.contains(name.as_str()),
        });
        if reaches {
            names.insert(t.name.clone());
        }
    }
    names
}

/// What later rounds look for in the files not parsed yet: the modules through which a client
/// is reached (a module keeping a client, or exporting a function that builds or reaches one),
/// and the modules a client's URL helper lives in.
pub struct Targets {
    list: Vec<Target>,
    /// Every `/`-suffix of every target's module keys (an import candidate matches a key
    /// exactly or as such a suffix, see `ModuleRef::names_any`) → targets.
    by_suffix: HashMap<String, Vec<usize>>,
    /// `create_engine(get_database_url())` with the helper imported: its module.
    url_modules: Vec<(PathBuf, ModuleRef)>,
}

struct Target {
    root: PathBuf,
    /// Importing the module is enough (it keeps a client: its importers count).
    any: bool,
    /// Otherwise the importer must name one of these (its exported reaching functions).
    names: NameMatcher,
}

impl Targets {
    /// The targets of the parsed files, each with its own reaching names (see
    /// [`reaching_names`], with every name known).
    pub fn of<'f>(files: impl Iterator<Item = (&'f CheckedFile, &'f BTreeSet<String>)>) -> Targets {
        use crate::facts::ScopeKind;
        let mut t = Targets {
            list: Vec::new(),
            by_suffix: HashMap::new(),
            url_modules: Vec::new(),
        };
        for (f, names) in files {
            let facts = &f.facts;
            let root = &f.source.project.root;
            for u in facts
                .client_configs
                .iter()
                .filter_map(|c| c.url_call.as_ref())
            {
                if let Some(m) = &u.module {
                    t.url_modules.push((root.clone(), m.clone()));
                }
            }
            let any = facts
                .clients
                .iter()
                .any(|c| c.scope.kind == ScopeKind::Module || c.guard.is_guarded());
            if !any && names.is_empty() {
                continue;
            }
            let keys = if facts.module_keys.is_empty() {
                crate::lang::modules::module_keys(&f.source.rel, f.source.lang)
            } else {
                facts.module_keys.clone()
            };
            let idx = t.list.len();
            t.list.push(Target {
                root: root.clone(),
                any,
                names: NameMatcher::new(names),
            });
            for k in &keys {
                let mut rest = k.as_str();
                loop {
                    t.by_suffix.entry(rest.to_string()).or_default().push(idx);
                    match rest.find('/') {
                        Some(i) => rest = &rest[i + 1..],
                        None => break,
                    }
                }
            }
        }
        t
    }

    /// Barrels not parsed (`index.ts`: `export * from "./Database"`): importing one is
    /// importing what it re-exports, so its module keys lead to the targets its imports reach.
    /// Two rounds, for a barrel of barrels.
    pub fn through_barrels<'s>(&mut self, barrels: &[(&'s SourceFile, &'s [ModuleRef])]) {
        for _ in 0..2 {
            let mut added = false;
            for (s, imports) in barrels {
                let reached: Vec<usize> = imports
                    .iter()
                    .flat_map(|r| r.candidates.iter())
                    .flat_map(|c| self.by_suffix.get(c).map(Vec::as_slice).unwrap_or(&[]))
                    .copied()
                    .filter(|&i| self.list.get(i).is_some_and(|t| t.root == s.project.root))
                    .collect();
                if reached.is_empty() {
                    continue;
                }
                for k in crate::lang::modules::module_keys(&s.rel, s.lang) {
                    let mut rest = k.as_str();
                    loop {
                        let entry = self.by_suffix.entry(rest.to_string()).or_default();
                        for &i in &reached {
                            if !entry.contains(&i) {
                                entry.push(i);
                                added = true;
                            }
                        }
                        match rest.find('/') {
                            Some(i) => rest = &rest[i + 1..],
                            None => break,
                        }
                    }
                }
            }
            if !added {
                break;
            }
        }
    }

    /// Must this not yet parsed file (which imports `imports`) be parsed? `Names`: if its text
    /// names one of what these targets export (see [`Targets::names_in`]).
    pub fn import_match(&self, source: &SourceFile, imports: &[ModuleRef]) -> ImportMatch {
        let root = &source.project.root;
        // The file's own module keys, only when a URL helper's module may be it.
        if self.url_modules.iter().any(|(r, _)| r == root) {
            let keys = crate::lang::modules::module_keys(&source.rel, source.lang);
            if self
                .url_modules
                .iter()
                .any(|(r, m)| r == root && m.names_any(&keys))
            {
                return ImportMatch::Any;
            }
        }
        let mut named: Vec<usize> = Vec::new();
        for c in imports.iter().flat_map(|r| r.candidates.iter()) {
            for &i in self.by_suffix.get(c).map(Vec::as_slice).unwrap_or(&[]) {
                let t = &self.list[i];
                if &t.root != root {
                    continue;
                }
                if t.any {
                    return ImportMatch::Any;
                }
                named.push(i);
            }
        }
        if named.is_empty() {
            ImportMatch::None
        } else {
            named.sort_unstable();
            named.dedup();
            ImportMatch::Names(named)
        }
    }

    /// Does `text` name one of what these targets export?
    pub fn names_in(&self, targets: &[usize], text: &str) -> bool {
        targets
            .iter()
            .any(|&i| self.list.get(i).is_some_and(|t| t.names.matches(text)))
    }
}

/// How a file's imports meet the targets.
pub enum ImportMatch {
    None,
    /// It imports a module keeping a client, or is the module of a URL helper: parse it.
    Any,
    /// It imports modules exporting these reaching functions: parse it if it names one.
    Names(Vec<usize>),
}

/// Finds whole-word occurrences of names.
pub struct NameMatcher {
    ac: Option<AhoCorasick>,
}

impl NameMatcher {
    pub fn new(names: &BTreeSet<String>) -> NameMatcher {
        let words: Vec<&String> = names.iter().filter(|n| n.len() >= 2).collect();
        let ac = if words.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(words)
                .ok()
        };
        NameMatcher { ac }
    }

    pub fn matches(&self, text: &str) -> bool {
        let Some(ac) = &self.ac else { return false };
        let bytes = text.as_bytes();
        let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
        ac.find_overlapping_iter(text).any(|m| {
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            !before.is_some_and(ident) && !after.is_some_and(ident)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_files_trigger_by_import_not_by_prose() {
        let roots: std::collections::HashSet<String> =
            ["sqlalchemy".to_string(), "redis".to_string()].into();
        assert!(imports_package("import sqlalchemy as sa\n", &roots));
        assert!(imports_package(
            "try:\n    from redis.asyncio import Redis\nexcept ImportError:\n    pass\n",
            &roots
        ));
        assert!(imports_package("import os, redis\n", &roots));
        // Words in prose, and relative or other packages' imports, do not trigger.
        assert!(!imports_package(
            "# the engine keeps a pool per session\nimport os\n",
            &roots
        ));
        assert!(!imports_package(
            "from .engine import create_engine\n",
            &roots
        ));
        assert!(!imports_package("from redisearch import Client\n", &roots));
    }

    #[test]
    fn whole_words_only() {
        let names: BTreeSet<String> = ["getDb".to_string()].into();
        let m = NameMatcher::new(&names);
        assert!(m.matches("const db = await getDb();"));
        assert!(!m.matches("const db = await getDbName();"));
        assert!(!m.matches("nothing here"));
    }

    #[test]
    fn catalogue_words_trigger() {
        let p = Prefilter::new(Catalog::shared());
        assert!(p.triggers(Lang::Ts, "import { PrismaClient } from '@prisma/client'"));
        assert!(p.triggers(Lang::Js, "const { Pool } = require(\"pg\");"));
        assert!(p.triggers(Lang::Ts, "import mysql from 'mysql2/promise';"));
        assert!(!p.triggers(Lang::Ts, "// this is probably fine, see upgrade.jpg"));
        assert!(!p.triggers(
            Lang::Ts,
            "export const add = (a: number, b: number) => a + b;"
        ));
        assert!(p.triggers(Lang::Env, ""));
        assert!(p.triggers(Lang::Py, "from sqlalchemy.ext import asyncio"));
        assert!(p.triggers(Lang::Rs, "use sqlx::postgres::PgPoolOptions;"));
        assert!(!p.triggers(Lang::Rs, "fn new() -> Self { Self::get().connect() }"));
        // A trait whose implementations elsewhere run per request (catalogue `trait_attributes`).
        assert!(p.triggers(Lang::Rs, "#[tarpc::service]\npub trait Inventory {}"));
    }

    #[test]
    fn root_mounts_trigger_with_their_pair() {
        let p = Prefilter::new(Catalog::shared());
        // An entry file mounting a Vue root, though it imports no client library.
        assert!(p.triggers(
            Lang::Ts,
            "import App from './App.vue';\ncreateApp(App).mount('#app');"
        ));
        // A server framework's application factory of the same name does not.
        assert!(!p.triggers(
            Lang::Ts,
            "export function createApp() { const app = new Koa(); return app; }"
        ));
        // A word with no pair in the catalogue is enough alone.
        assert!(p.triggers(Lang::Tsx, "createRoot(el).render(<App />);"));
    }

    #[test]
    fn trigger_words_are_module_roots() {
        let words = Catalog::shared().js.trigger_words(false);
        assert!(words.contains(&"@prisma/client".to_string()), "{words:?}");
        // A dot is part of a JS package's name.
        assert!(words.contains(&"socket.io-client".to_string()), "{words:?}");
        let p = Prefilter::new(Catalog::shared());
        assert!(p.triggers(Lang::Ts, "import io from 'socket.io-client';\nio(url);"));
        assert!(!p.triggers(Lang::Ts, "import x from 'socket';"));
        assert!(words.contains(&"generated/prisma".to_string()), "{words:?}");
        assert!(words.contains(&"mysql2".to_string()));
        assert!(
            !words
                .iter()
                .any(|w| w == "Pool" || w == "default" || w.contains('*'))
        );
    }
}

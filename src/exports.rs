//! What the modules of a project export, for sharing clients across them: the export index of
//! each file, the export of a shared client and how other modules reach it, and the per-run memo
//! the rules and fix builders fill on first use (exports, importers, groups by library and
//! database, and each file's fix-scan budget). Computed by `fixgen::shared_client`; held by the
//! project context (`cx`) that rules see.

use std::collections::HashMap;

/// How the other modules reach a shared client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedForm {
    /// The client itself: `export const prisma = …`, a module-level `engine = create_engine(…)`.
    Value,
    /// A promise of the connected client, as in Next.js's MongoDB example
    /// (`clientPromise = client.connect()`; `export default clientPromise`): `await clientPromise`.
    Promise,
    /// A cached getter without parameters (`@lru_cache def get_client(): return MongoClient(…)`):
    /// `get_client()`.
    Factory,
}

/// A project module exporting a long-lived client: its file index, the exported name and how
/// it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedExport {
    pub file: usize,
    /// The shared client's index in that file's `clients`.
    pub client: usize,
    pub name: String,
    pub form: SharedForm,
    /// Exported as the module's default (`export default clientPromise`).
    pub default: bool,
    /// A getter that is `async`: its result is awaited (`await getClient()`).
    pub awaited: bool,
    /// A getter that returns the client inside an object or a tuple: how to take it from the
    /// result, `.client` for `return { client, db }` (`(await connectToDatabase()).client`),
    /// `[0]` for Python's `return client, db` (`get_db()[0]`).
    pub field: Option<String>,
    /// A class singleton: the exported name is the class, and this its static getter
    /// (`Database.getInstance()`).
    pub via: Option<String>,
}

impl SharedExport {
    /// The expression that stands for the shared client, `local` being the imported name.
    pub fn expr(&self, local: &str) -> String {
        let call = match self.form {
            SharedForm::Value => local.to_string(),
            SharedForm::Promise => format!("await {local}"),
            SharedForm::Factory => {
                let callee = match &self.via {
                    Some(method) => format!("{local}.{method}"),
                    None => local.to_string(),
                };
                if self.awaited {
                    format!("await {callee}()")
                } else {
                    format!("{callee}()")
                }
            }
        };
        match &self.field {
            Some(field) if self.awaited => format!("({call}){field}"),
            Some(field) => format!("{call}{field}"),
            None => call,
        }
    }

    /// How a message names it: `` `prisma` ``, `` `await clientPromise` ``, `` `get_client()` ``.
    pub fn shown(&self) -> String {
        format!("`{}`", self.expr(&self.name))
    }
}

/// What the module's text exports, read once per file (the checks below run once per client
/// and per finding: scanning the text each time was quadratic on large files).
#[derive(Debug, Default)]
pub struct ExportIndex {
    /// `export const|let|var name`, `export { name, … }`.
    pub(crate) named: std::collections::HashSet<String>,
    /// `export function name(`, `export async function name(`.
    pub(crate) functions: std::collections::HashSet<String>,
    /// `export default name;`: every such line's name.
    pub(crate) defaults: std::collections::HashSet<String>,
    /// `= name.connect()`: for each `name`, the byte offsets of the `=`.
    pub(crate) connects: std::collections::HashMap<String, Vec<usize>>,
    /// Every receiver of `.connect()`.
    pub(crate) connected: std::collections::HashSet<String>,
    /// `let name: Promise<…>` and `export let name: Promise<…>` declarations, in order.
    pub(crate) promise_lets: Vec<String>,
}

pub(crate) fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_' || ch == '$'
}

impl ExportIndex {
    pub fn new(text: &str) -> Self {
        let mut ix = ExportIndex::default();
        // The identifier right after each `keyword`, when the character after it is accepted.
        let after = |keyword: &str,
                     ends: &dyn Fn(char) -> bool,
                     into: &mut std::collections::HashSet<String>| {
            for (i, m) in text.match_indices(keyword) {
                let rest = &text[i + m.len()..];
                let end = rest.find(|ch: char| !is_ident(ch)).unwrap_or(rest.len());
                if end > 0 && rest[end..].chars().next().is_some_and(ends) {
                    into.insert(rest[..end].to_string());
                }
            }
        };
        for k in ["export const ", "export let ", "export var "] {
            after(k, &|ch| !is_ident(ch), &mut ix.named);
        }
        // A class is imported by name like a constant (`import { Database } from "./db"`).
        for k in ["export class ", "export abstract class "] {
            after(k, &|ch| !is_ident(ch), &mut ix.named);
        }
        for k in ["export function ", "export async function "] {
            after(
                k,
                &|ch| ch == '(' || ch == '<' || ch == ' ',
                &mut ix.functions,
            );
        }
        for line in text.lines() {
            let t = line.trim();
            if let Some(list) = t.strip_prefix("export {") {
                ix.named
                    .extend(list.split(['}', ',']).map(|part| part.trim().to_string()));
            }
            if let Some(rest) = t.strip_prefix("export default ") {
                let rest = rest.trim().trim_end_matches(';').trim();
                // `export default class Database {`: the class's name.
                let rest = match rest.strip_prefix("class ") {
                    Some(class) => class.split(|ch: char| !is_ident(ch)).next().unwrap_or(""),
                    None => rest,
                };
                ix.defaults.insert(rest.to_string());
            }
            let t = line.trim_start();
            if let Some(rest) = t
                .strip_prefix("let ")
                .or_else(|| t.strip_prefix("export let "))
                && let Some((name, ty)) = rest.split_once(':')
                && ty.trim_start().starts_with("Promise<")
            {
                ix.promise_lets.push(name.trim().to_string());
            }
        }
        for (i, _) in text.match_indices(".connect()") {
            let before = &text[..i];
            let start = before.rfind(|ch: char| !is_ident(ch)).map_or(0, |j| {
                j + before[j..].chars().next().map_or(1, char::len_utf8)
            });
            let name = &before[start..];
            if name.is_empty() {
                continue;
            }
            ix.connected.insert(name.to_string());
            if let Some(eq) = before[..start].strip_suffix("= ") {
                ix.connects
                    .entry(name.to_string())
                    .or_default()
                    .push(eq.len());
            }
        }
        ix
    }

    /// Is `name` exported by name (`export const name`, `export { name }`)?
    pub fn exports(&self, name: &str) -> bool {
        self.named.contains(name)
    }

    /// Is function `name` exported by name (`export function name`, `export async function
    /// name`, `export const name = …`, `export { name }`)?
    pub(crate) fn exports_fn(&self, name: &str) -> bool {
        self.exports(name) || self.functions.contains(name)
    }

    /// How the module exports `name`: `Some(false)` by name, `Some(true)` as its default.
    pub(crate) fn exported_as(&self, name: &str) -> Option<bool> {
        if self.exports(name) {
            Some(false)
        } else {
            self.defaults.contains(name).then_some(true)
        }
    }
}

/// A group of clients that one module should keep: the project's root, the language (0 for
/// JS/TS, 1 for Python), the family and the database (an environment variable's name or a URL).
pub(crate) type RivalKey = (std::path::PathBuf, u8, String, Option<String>);

/// Work shared by the rules of one run, computed on first use: what each file exports and
/// which of its clients it shares, and how many modules import each file.
#[derive(Debug, Default)]
pub struct Memo {
    /// Boxed, like the other per-file cells: a cell per file read, filled for a few.
    pub(crate) texts: Vec<std::sync::OnceLock<Box<ExportIndex>>>,
    pub(crate) exports: Vec<std::sync::OnceLock<Vec<Option<SharedExport>>>>,
    /// How many other files of the project import each file (one pass over every import).
    pub(crate) importers: std::sync::OnceLock<Vec<usize>>,
    /// For every file, the files of its project that import it.
    pub(crate) importer_lists: std::sync::OnceLock<Vec<Vec<usize>>>,
    pub(crate) shared: std::sync::OnceLock<Vec<(usize, usize)>>,
    pub(crate) groups: std::sync::OnceLock<HashMap<GroupKey, Vec<(usize, usize)>>>,
    /// The modules that may keep a shared client, by project, language, family and database
    /// (`shared_client::rival_keeper`): built in one pass, so a project with thousands of
    /// findings does not scan every file for each.
    pub(crate) rivals: std::sync::OnceLock<HashMap<RivalKey, Vec<usize>>>,
    /// Bytes of each file the fix builders have been charged for (see [`Memo::fix_allowed`]).
    pub(crate) fix_scans: Vec<std::sync::atomic::AtomicU64>,
    /// Rust: what each file shares with handlers (axum / actix-web state), read once a fix asks.
    pub(crate) rust_states:
        Vec<std::sync::OnceLock<Option<Box<crate::lang::rust::state::StateFacts>>>>,
    /// The custom-element tags the run's pages and templates write (`effect-missing-cleanup` reads them).
    pub(crate) page_tags: std::sync::OnceLock<std::collections::HashSet<String>>,
}

/// How many bytes of one file the fix builders of one run may scan: they read the text around
/// (and sometimes all of) the file for each finding, so a file with thousands of findings (a
/// minified bundle) would cost findings × size. Past it, findings come without a fix.
pub const FIX_SCAN_BUDGET: u64 = 256 * 1024 * 1024;

impl Memo {
    pub fn new(files: usize) -> Self {
        fn cells<T>(n: usize) -> Vec<std::sync::OnceLock<T>> {
            (0..n).map(|_| std::sync::OnceLock::new()).collect()
        }
        Memo {
            texts: cells(files),
            exports: cells(files),
            importers: std::sync::OnceLock::new(),
            importer_lists: std::sync::OnceLock::new(),
            shared: std::sync::OnceLock::new(),
            groups: std::sync::OnceLock::new(),
            rivals: std::sync::OnceLock::new(),
            rust_states: cells(files),
            page_tags: std::sync::OnceLock::new(),
            fix_scans: (0..files)
                .map(|_| std::sync::atomic::AtomicU64::new(0))
                .collect(),
        }
    }

    /// May one more fix be built for `file` (of `len` bytes)? Charges the file's size, at
    /// least 4 KiB, against [`FIX_SCAN_BUDGET`].
    pub fn fix_allowed(&self, file: usize, len: usize) -> bool {
        let Some(spent) = self.fix_scans.get(file) else {
            return true;
        };
        let cost = u64::try_from(len).unwrap_or(u64::MAX).max(4096);
        let before = spent.fetch_add(cost, std::sync::atomic::Ordering::Relaxed);
        before.saturating_add(cost) <= FIX_SCAN_BUDGET
    }
}

/// What makes two constructions the same shared client: the project, the language family, the
/// catalogue entry and the database (URL variable); without a URL variable to compare, the
/// construction's text (`boto3.client("s3")` is not `boto3.resource("dynamodb")`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupKey {
    pub(crate) root: std::path::PathBuf,
    pub(crate) py: bool,
    pub(crate) client: String,
    pub(crate) db: Option<String>,
    pub(crate) text: Option<String>,
}

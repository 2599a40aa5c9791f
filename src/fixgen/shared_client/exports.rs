//! Which module of the project exports a long-lived client that others may share: the
//! export index of each file, the export of each client, importers, groups by library and
//! database, and the per-run memo of all this.

use super::*;

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
}

impl SharedExport {
    /// The expression that stands for the shared client, `local` being the imported name.
    pub fn expr(&self, local: &str) -> String {
        match self.form {
            SharedForm::Value => local.to_string(),
            SharedForm::Promise => format!("await {local}"),
            SharedForm::Factory => format!("{local}()"),
        }
    }

    /// How a message names it: `` `prisma` ``, `` `await clientPromise` ``, `` `get_client()` ``.
    pub fn shown(&self) -> String {
        format!("`{}`", self.expr(&self.name))
    }
}

/// How `file`'s client `ki` is shared with other modules, if it is: a long-lived client bound
/// to an exported name (TS/JS: `export const`, `export { }`, `export default`; Python: any
/// public module-level name), a promise of it (`clientPromise`), or a cached getter returning it.
pub fn export_of(cx: &ProjectCx<'_>, file: usize, ki: usize) -> Option<SharedExport> {
    cx.memo
        .exports
        .get(file)?
        .get_or_init(|| {
            (0..cx.files.get(file).map_or(0, |f| f.facts.clients.len()))
                .map(|ki| compute_export_of(cx, file, ki))
                .collect()
        })
        .get(ki)?
        .clone()
}

/// What the module's text exports, read once per file (the checks below run once per client
/// and per finding: scanning the text each time was quadratic on large files).
#[derive(Debug, Default)]
pub struct ExportIndex {
    /// `export const|let|var name`, `export { name, … }`.
    pub(super) named: std::collections::HashSet<String>,
    /// `export function name(`, `export async function name(`.
    pub(super) functions: std::collections::HashSet<String>,
    /// `export default name;`: every such line's name.
    pub(super) defaults: std::collections::HashSet<String>,
    /// `= name.connect()`: for each `name`, the byte offsets of the `=`.
    pub(super) connects: std::collections::HashMap<String, Vec<usize>>,
    /// Every receiver of `.connect()`.
    pub(super) connected: std::collections::HashSet<String>,
    /// `let name: Promise<…>` and `export let name: Promise<…>` declarations, in order.
    pub(super) promise_lets: Vec<String>,
}

pub(super) fn is_ident(ch: char) -> bool {
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
                ix.defaults
                    .insert(rest.trim().trim_end_matches(';').trim().to_string());
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
    pub(super) fn exports_fn(&self, name: &str) -> bool {
        self.exports(name) || self.functions.contains(name)
    }

    /// How the module exports `name`: `Some(false)` by name, `Some(true)` as its default.
    pub(super) fn exported_as(&self, name: &str) -> Option<bool> {
        if self.exports(name) {
            Some(false)
        } else {
            self.defaults.contains(name).then_some(true)
        }
    }
}

/// Work shared by the rules of one run, computed on first use: what each file exports and
/// which of its clients it shares, and how many modules import each file.
#[derive(Debug, Default)]
pub struct Memo {
    pub(super) texts: Vec<std::sync::OnceLock<ExportIndex>>,
    pub(super) exports: Vec<std::sync::OnceLock<Vec<Option<SharedExport>>>>,
    pub(super) importers: Vec<std::sync::OnceLock<usize>>,
    pub(super) shared: std::sync::OnceLock<Vec<(usize, usize)>>,
    pub(super) groups: std::sync::OnceLock<HashMap<GroupKey, Vec<(usize, usize)>>>,
    /// Bytes of each file the fix builders have been charged for (see [`Memo::fix_allowed`]).
    pub(super) fix_scans: Vec<std::sync::atomic::AtomicU64>,
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
            importers: cells(files),
            shared: std::sync::OnceLock::new(),
            groups: std::sync::OnceLock::new(),
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

/// Every TS/JS and Python client the project's modules share (`export_of` is `Some`), in file
/// and site order.
pub(super) fn shared_clients<'c>(cx: &'c ProjectCx<'_>) -> &'c [(usize, usize)] {
    cx.memo.shared.get_or_init(|| {
        let mut out = Vec::new();
        for (i, f) in cx.files.iter().enumerate() {
            if !(is_js(f.source.lang) || f.source.lang == Lang::Py) {
                continue;
            }
            for ki in 0..f.facts.clients.len() {
                if export_of(cx, i, ki).is_some() {
                    out.push((i, ki));
                }
            }
        }
        out
    })
}

pub(super) fn export_index<'c>(cx: &'c ProjectCx<'_>, file: usize) -> Option<&'c ExportIndex> {
    let text = cx.files.get(file)?.source.text.as_str();
    Some(
        cx.memo
            .texts
            .get(file)?
            .get_or_init(|| ExportIndex::new(text)),
    )
}

pub(super) fn compute_export_of(
    cx: &ProjectCx<'_>,
    file: usize,
    ki: usize,
) -> Option<SharedExport> {
    let f = cx.files.get(file)?;
    let k: &ClientSite = f.facts.clients.get(ki)?;
    let text = f.source.text.as_str();
    let py = f.source.lang == Lang::Py;
    let make = |name: &str, form: SharedForm, default: bool| SharedExport {
        file,
        client: ki,
        name: name.to_string(),
        form,
        default,
    };
    // A cached getter without parameters that returns the client it builds.
    if let Some(getter) = f.facts.function(k.in_fn) {
        let cached = getter.guard.is_guarded() || (!py && k.guard.is_guarded());
        let header = line_before(text, getter.span.start as usize);
        let public = if py {
            !getter.name.starts_with('_')
        } else {
            getter.exported && export_index(cx, file)?.exports_fn(&getter.name)
        };
        if cached
            && public
            && getter.params == 0
            && !getter.method
            && getter.parent.is_none()
            && k.returned == Returned::Direct
            && !header.contains("async ")
        {
            return Some(make(&getter.name, SharedForm::Factory, false));
        }
        return None;
    }
    let long_lived = k.scope.kind == ScopeKind::Module || (!py && k.guard.is_guarded());
    if !long_lived {
        return None;
    }
    let name = k.binding.as_deref()?;
    if py {
        return (!name.starts_with('_') && !name.contains('.'))
            .then(|| make(name, SharedForm::Value, false));
    }
    let ix = export_index(cx, file)?;
    // `clientPromise = client.connect()`, exported: the module shares the promise.
    for &i in ix.connects.get(name).map_or(&[][..], Vec::as_slice) {
        let before = text[..i].trim_end();
        let promise = before.rsplit(|ch: char| !is_ident(ch)).next().unwrap_or("");
        if promise.is_empty()
            || promise.starts_with('_') && before.ends_with(&format!(".{promise}"))
        {
            continue;
        }
        if let Some(default) = ix.exported_as(promise) {
            return Some(make(promise, SharedForm::Promise, default));
        }
    }
    // The Next.js example assigns the promise from the global cache in development
    // (`clientPromise = globalWithMongo._mongoClientPromise`): look for its declaration too.
    if ix.connected.contains(name) {
        for promise in &ix.promise_lets {
            if let Some(default) = ix.exported_as(promise) {
                return Some(make(promise, SharedForm::Promise, default));
            }
        }
    }
    ix.exported_as(name)
        .map(|default| make(name, SharedForm::Value, default))
}

/// The text of the line before byte `at`, as `text[..at].lines().last()` gives it, but reading
/// back at most 160 bytes (a minified file is one line).
pub(super) fn line_before(text: &str, at: usize) -> &str {
    let Some(head) = text.get(..at) else {
        return "";
    };
    let head = head.strip_suffix('\n').unwrap_or(head);
    let head = head.strip_suffix('\r').unwrap_or(head);
    let mut window = head.len().saturating_sub(160);
    while !head.is_char_boundary(window) {
        window += 1;
    }
    let from = head[window..]
        .rfind('\n')
        .map_or(window, |i| window + i + 1);
    &head[from..]
}

/// The module (other than `fi`, or `only` when given) of `fi`'s project that shares a
/// long-lived client of the same catalogue entry and database (URL variable) as `c`; the most
/// imported one when there are several. Never a module that imports `fi` (the import the fix
/// adds would close a cycle).
pub fn find_export(
    cx: &ProjectCx<'_>,
    fi: usize,
    ci: usize,
    only: Option<usize>,
) -> Option<SharedExport> {
    let me = cx.files.get(fi)?;
    if !is_js(me.source.lang) && me.source.lang != Lang::Py {
        return None;
    }
    // The candidates of the same group, most imported first (file order among equals): the
    // first one allowed is the answer.
    let group = shared_groups(cx).get(&group_key(cx, fi, ci)?)?;
    for &(i, ki) in group {
        let Some(f) = cx.files.get(i) else {
            continue;
        };
        if i == fi
            || only.is_some_and(|o| o != i)
            || f.facts
                .imports
                .iter()
                .any(|m| m.names_any(&me.facts.module_keys))
        {
            continue;
        }
        if let Some(export) = export_of(cx, i, ki) {
            return Some(export);
        }
    }
    None
}

/// What makes two constructions the same shared client: the project, the language family, the
/// catalogue entry and the database (URL variable); without a URL variable to compare, the
/// construction's text (`boto3.client("s3")` is not `boto3.resource("dynamodb")`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupKey {
    pub(super) root: std::path::PathBuf,
    pub(super) py: bool,
    pub(super) client: String,
    pub(super) db: Option<String>,
    pub(super) text: Option<String>,
}

pub(super) fn group_key(cx: &ProjectCx<'_>, fi: usize, ci: usize) -> Option<GroupKey> {
    let f = cx.files.get(fi)?;
    let c = f.facts.clients.get(ci)?;
    let db = crate::pools::config_of(f, ci)
        .and_then(|cfg| cfg.url.as_ref())
        .and_then(|u| u.env_name().map(str::to_string));
    let text = db.is_none().then(|| {
        f.source
            .slice(c.span)
            .split_whitespace()
            .collect::<String>()
    });
    Some(GroupKey {
        root: f.source.project.root.clone(),
        py: f.source.lang == Lang::Py,
        client: c.client.clone(),
        db,
        text,
    })
}

/// The shared clients by [`GroupKey`], each group most imported first, file order among equals.
pub(super) fn shared_groups<'c>(
    cx: &'c ProjectCx<'_>,
) -> &'c HashMap<GroupKey, Vec<(usize, usize)>> {
    cx.memo.groups.get_or_init(|| {
        let mut groups: HashMap<GroupKey, Vec<(usize, usize)>> = HashMap::new();
        for &(i, ki) in shared_clients(cx) {
            if let Some(key) = group_key(cx, i, ki) {
                groups.entry(key).or_default().push((i, ki));
            }
        }
        for group in groups.values_mut() {
            group.sort_by_key(|(i, _)| std::cmp::Reverse(importers(cx, *i)));
        }
        groups
    })
}

/// How many other files of the run import module `fi`.
pub fn importers(cx: &ProjectCx<'_>, fi: usize) -> usize {
    match cx.memo.importers.get(fi) {
        Some(cell) => *cell.get_or_init(|| count_importers(cx, fi)),
        None => count_importers(cx, fi),
    }
}

pub(super) fn count_importers(cx: &ProjectCx<'_>, fi: usize) -> usize {
    let keys = &cx.files[fi].facts.module_keys;
    let root = &cx.files[fi].source.project.root;
    cx.files
        .iter()
        .enumerate()
        .filter(|(other, f)| {
            *other != fi
                && &f.source.project.root == root
                && f.facts.imports.iter().any(|m| m.names_any(keys))
        })
        .count()
}

pub(super) fn is_js(lang: Lang) -> bool {
    matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
}

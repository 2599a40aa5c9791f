//! Fix helpers shared by `per-request-client` and `duplicate-client-module` (TS/JS, Python):
//! find the module of the project that shares a long-lived client of the same library and
//! database (`export const prisma = globalForPrisma.prisma ?? new PrismaClient()`, a
//! `clientPromise`, an `@lru_cache` getter), decide whether it may stand in for a local
//! construction, and write the edits: the import, the construction replaced by the shared client,
//! the local closes removed (a `try` left with an empty `finally` unwrapped).

use std::collections::HashMap;

use crate::cx::ProjectCx;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::facts::{ClientKind, ClientSite, Returned, ScopeKind};
use crate::source::{Lang, SourceFile, Span};

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
    named: std::collections::HashSet<String>,
    /// `export function name(`, `export async function name(`.
    functions: std::collections::HashSet<String>,
    /// `export default name;`: every such line's name.
    defaults: std::collections::HashSet<String>,
    /// `= name.connect()`: for each `name`, the byte offsets of the `=`.
    connects: std::collections::HashMap<String, Vec<usize>>,
    /// Every receiver of `.connect()`.
    connected: std::collections::HashSet<String>,
    /// `let name: Promise<…>` and `export let name: Promise<…>` declarations, in order.
    promise_lets: Vec<String>,
}

fn is_ident(ch: char) -> bool {
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
    fn exports_fn(&self, name: &str) -> bool {
        self.exports(name) || self.functions.contains(name)
    }

    /// How the module exports `name`: `Some(false)` by name, `Some(true)` as its default.
    fn exported_as(&self, name: &str) -> Option<bool> {
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
    texts: Vec<std::sync::OnceLock<ExportIndex>>,
    exports: Vec<std::sync::OnceLock<Vec<Option<SharedExport>>>>,
    importers: Vec<std::sync::OnceLock<usize>>,
    shared: std::sync::OnceLock<Vec<(usize, usize)>>,
    groups: std::sync::OnceLock<HashMap<GroupKey, Vec<(usize, usize)>>>,
    /// Bytes of each file the fix builders have been charged for (see [`Memo::fix_allowed`]).
    fix_scans: Vec<std::sync::atomic::AtomicU64>,
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
fn shared_clients<'c>(cx: &'c ProjectCx<'_>) -> &'c [(usize, usize)] {
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

fn export_index<'c>(cx: &'c ProjectCx<'_>, file: usize) -> Option<&'c ExportIndex> {
    let text = cx.files.get(file)?.source.text.as_str();
    Some(
        cx.memo
            .texts
            .get(file)?
            .get_or_init(|| ExportIndex::new(text)),
    )
}

fn compute_export_of(cx: &ProjectCx<'_>, file: usize, ki: usize) -> Option<SharedExport> {
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
fn line_before(text: &str, at: usize) -> &str {
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
                .any(|m| crate::lang::modules::module_matches(m, &me.facts.module_keys))
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
    root: std::path::PathBuf,
    py: bool,
    client: String,
    db: Option<String>,
    text: Option<String>,
}

fn group_key(cx: &ProjectCx<'_>, fi: usize, ci: usize) -> Option<GroupKey> {
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
fn shared_groups<'c>(cx: &'c ProjectCx<'_>) -> &'c HashMap<GroupKey, Vec<(usize, usize)>> {
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

/// The construction replaced, in place, by the project's shared client: `new MongoClient(uri)`
/// → `await clientPromise`, `MongoClient(settings.MONGO_URI)` → `get_client()`, `new
/// PrismaClient()` → `prisma`, with the import added and the local closes removed (a shared
/// client must stay open). Works where a hoist cannot (inside an `if`, a loop, an expression).
/// Only for a construction that configures nothing but its URL and pool tuning (the shared
/// client's settings apply), of the same library and database, and not a single connection.
pub fn shared_expr_fix(
    cx: &ProjectCx<'_>,
    file: usize,
    idx: usize,
    export: &SharedExport,
    releases: &[String],
) -> Option<Fix> {
    let f = cx.files.get(file)?;
    let c = f.facts.clients.get(idx)?;
    let source = &f.source;
    let text = source.text.as_str();
    if c.kind == ClientKind::Connection
        || c.anchors.with_stmt.is_some()
        || (export.form == SharedForm::Promise && !c.anchors.in_async_fn)
    {
        return None;
    }
    let ctor_text = source.slice(c.span);
    let dropped = dropped_options(ctor_text)?;
    if !substitutable(cx, export) {
        return None;
    }
    let mut edits = Vec::new();
    if c.released {
        let (Some(name), Some(stmt)) = (c.binding.as_deref(), c.anchors.statement) else {
            return None;
        };
        edits.extend(remove_releases(source, stmt, name, releases)?);
    }
    let target = &cx.files.get(export.file)?.source;
    let local = export.name.as_str();
    // The name must be free in this file, or already imported from that module.
    let word = |t: &str| {
        t.split(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$'))
            .any(|w| w == local)
    };
    let stem = target
        .rel
        .rsplit('/')
        .next()
        .and_then(|n| n.split('.').next())
        .unwrap_or("");
    let imported = text.lines().any(|l| {
        (l.starts_with("import ") || l.starts_with("from ") || l.contains("require("))
            && word(l)
            && l.contains(stem)
    });
    if !imported {
        if word(text) {
            return None;
        }
        edits.push(if source.lang == Lang::Py {
            py_import_edit(text, target, local, c.anchors.module_insert)?
        } else {
            import_edit(source, target, export, local, c.anchors.module_insert)?
        });
    }
    let mut expr = export.expr(local);
    // `new MongoClient(uri).db()` → `(await clientPromise).db()`.
    if export.form == SharedForm::Promise && text[c.span.end as usize..].starts_with(['.', '[']) {
        expr = format!("({expr})");
    }
    edits.push(Edit {
        span: c.span,
        content: expr,
    });
    push_apart(&mut edits, unused_import_edit(source, ctor_text, &[c.span]));
    let dropped = if dropped.is_empty() {
        String::new()
    } else {
        format!(
            " (its own {} {} dropped: the shared client's settings apply)",
            dropped
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if dropped.len() == 1 { "is" } else { "are" }
        )
    };
    Some(Fix {
        message: format!(
            "Use the project's shared client, {} from `{}`{dropped}",
            export.shown(),
            target.display
        ),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// Edits deleting the statements that release `name` (`await client.close();`) in the block of
/// `stmt`, after it; a Python block left empty gets `pass`. `None` when a release has another form.
pub fn remove_releases(
    source: &SourceFile,
    stmt: Span,
    name: &str,
    releases: &[String],
) -> Option<Vec<Edit>> {
    let text = source.text.as_str();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let stmt_line_start = text[..stmt.start as usize]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let base = indent_of(&text[stmt_line_start..]);
    let mut pos = text[stmt.end as usize..]
        .find('\n')
        .map(|i| stmt.end as usize + i + 1)?;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = &text[pos..end];
        if !line.trim().is_empty() && indent_of(line) < base {
            break;
        }
        lines.push((pos, line));
        pos = end;
    }
    let is_release = |l: &str| {
        let t = l.trim().trim_end_matches(';').trim();
        let t = t.strip_prefix("await ").unwrap_or(t);
        releases.iter().any(|r| t == format!("{name}.{r}()"))
    };
    let mut edits = Vec::new();
    let mut removed = 0;
    for (i, (start, line)) in lines.iter().enumerate() {
        if !is_release(line) {
            continue;
        }
        removed += 1;
        if let Some(unwrap) = unwrap_try(source, &lines, i) {
            edits.extend(unwrap);
            continue;
        }
        let alone_in_block = source.lang == Lang::Py && {
            let prev = lines[..i]
                .iter()
                .rev()
                .map(|(_, l)| *l)
                .find(|l| !l.trim().is_empty() && !is_release(l));
            let next = lines[i + 1..]
                .iter()
                .map(|(_, l)| *l)
                .find(|l| !l.trim().is_empty() && !is_release(l));
            prev.is_some_and(|p| p.trim_end().ends_with(':'))
                && next.is_none_or(|n| indent_of(n) < indent_of(line))
        };
        let content = if alone_in_block {
            format!(
                "{}pass{}",
                &line[..indent_of(line)],
                if line.ends_with('\n') { "\n" } else { "" }
            )
        } else {
            String::new()
        };
        edits.push(Edit {
            span: Span::new(*start, start + line.len()),
            content,
        });
    }
    // Every release must have been a plain statement we removed.
    let mentions = lines
        .iter()
        .filter(|(_, l)| releases.iter().any(|r| l.contains(&format!("{name}.{r}("))))
        .count();
    (mentions == removed && removed > 0).then_some(edits)
}

/// When the release at `lines[i]` is all its `finally` holds and the `try` has no `catch` /
/// `except`, the edits that unwrap the `try` instead of leaving an empty `finally`: the `try`
/// and `finally` lines (and the closing brace) deleted, the body dedented one level. `None` when
/// the shape differs, the body holds a multi-line string (dedenting would change it), or (TS) a
/// name the body declares is declared elsewhere in the file too.
fn unwrap_try(source: &SourceFile, lines: &[(usize, &str)], i: usize) -> Option<Vec<Edit>> {
    let py = source.lang == Lang::Py;
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let blank = |l: &str| l.trim().is_empty();
    let pi = (0..i).rev().find(|&k| !blank(lines[k].1))?;
    let (_, finally) = lines[pi];
    let fi = indent_of(finally);
    if finally.trim() != if py { "finally:" } else { "} finally {" } {
        return None;
    }
    let ni = (i + 1..lines.len()).find(|&k| !blank(lines[k].1));
    let close = if py {
        if ni.is_some_and(|k| indent_of(lines[k].1) > fi) {
            return None;
        }
        None
    } else {
        let k = ni?;
        if lines[k].1.trim() != "}" || indent_of(lines[k].1) != fi {
            return None;
        }
        Some(k)
    };
    let ti = (0..pi)
        .rev()
        .find(|&k| !blank(lines[k].1) && indent_of(lines[k].1) <= fi)?;
    let (_, try_line) = lines[ti];
    if indent_of(try_line) != fi || try_line.trim() != if py { "try:" } else { "try {" } {
        return None;
    }
    let body = &lines[ti + 1..pi];
    let first = body.iter().find(|(_, l)| !blank(l))?.1;
    let depth = indent_of(first).checked_sub(fi).filter(|d| *d > 0)?;
    let unit = &first[fi..fi + depth];
    let text = source.text.as_str();
    for (_, l) in body {
        if blank(l) {
            continue;
        }
        if !l.starts_with(&first[..fi + depth])
            || l.contains(if py { "\"\"\"" } else { "`" })
            || (py && l.contains("\'\'\'"))
        {
            return None;
        }
        if !py && indent_of(l) == fi + depth {
            let t = l.trim_start();
            if let Some(decl) = ["const ", "let ", "var "]
                .iter()
                .find_map(|k| t.strip_prefix(k))
            {
                let name: String = decl
                    .chars()
                    .take_while(|ch| ch.is_alphanumeric() || *ch == '_' || *ch == '$')
                    .collect();
                let declared = ["const ", "let ", "var "]
                    .iter()
                    .map(|k| {
                        text.matches(&format!("{k}{name} ")).count()
                            + text.matches(&format!("{k}{name}=")).count()
                    })
                    .sum::<usize>();
                if name.is_empty() || declared > 1 {
                    return None;
                }
            }
        }
    }
    let whole = |k: usize| Span::new(lines[k].0, lines[k].0 + lines[k].1.len());
    let mut edits = vec![
        Edit {
            span: whole(ti),
            content: String::new(),
        },
        Edit {
            span: whole(pi),
            content: String::new(),
        },
        Edit {
            span: whole(i),
            content: String::new(),
        },
    ];
    if let Some(k) = close {
        edits.push(Edit {
            span: whole(k),
            content: String::new(),
        });
    }
    for (start, l) in body {
        if !blank(l) {
            let at = start + fi;
            edits.push(Edit {
                span: Span::new(at, at + unit.len()),
                content: String::new(),
            });
        }
    }
    Some(edits)
}

/// Add `extra` to a fix's edits unless it overlaps or touches one of them (an import
/// inserted right after the import line `extra` would delete): an unused import left behind is
/// better than edits that cannot all apply.
pub fn push_apart(edits: &mut Vec<Edit>, extra: Option<Edit>) {
    let Some(x) = extra else { return };
    let apart = edits
        .iter()
        .all(|e| e.span.end < x.span.start || x.span.end < e.span.start);
    if apart {
        edits.push(x);
    }
}

/// The name a construction is written with: `MongoClient` for `new MongoClient(uri)` and
/// `MongoClient(URI)`, `create_engine` for `create_engine(url)`; `None` through a module
/// (`pg.Pool`, `redis.from_url`), whose import other code may still use.
fn ctor_ident(ctor_text: &str) -> Option<&str> {
    let head = ctor_text
        .trim_start()
        .strip_prefix("new ")
        .unwrap_or(ctor_text.trim_start());
    let ident = &head[..head.find('(')?];
    let ident = ident.trim();
    (!ident.is_empty()
        && ident
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$'))
    .then_some(ident)
}

/// When the construction `ctor_text` was the last use of its imported name (every other
/// occurrence of the word is in `removed` spans or on its import line), the edit that drops the
/// name from a one-line `import { A, B } from "m";` / `import A from "m";` (TS/JS) or `from m
/// import A, B` (Python): the whole line when nothing else is left.
pub fn unused_import_edit(source: &SourceFile, ctor_text: &str, removed: &[Span]) -> Option<Edit> {
    let ident = ctor_ident(ctor_text)?;
    let text = source.text.as_str();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let uses: Vec<usize> = text
        .match_indices(ident)
        .filter(|(i, _)| {
            !text[..*i].chars().next_back().is_some_and(word)
                && !text[i + ident.len()..].chars().next().is_some_and(word)
        })
        .map(|(i, _)| i)
        .collect();
    let mut import: Option<(usize, &str)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let here = uses.iter().any(|u| (pos..pos + line.len()).contains(u));
        let t = line.trim();
        let is_import = (t.starts_with("import ") && t.contains(" from "))
            || (source.lang == Lang::Py && t.starts_with("from ") && t.contains(" import "));
        if here && is_import {
            if import.is_some() {
                return None;
            }
            import = Some((pos, line));
        }
        pos += line.len();
    }
    let (start, line) = import?;
    let outside = uses.iter().filter(|u| {
        !(start..start + line.len()).contains(*u)
            && !removed
                .iter()
                .any(|r| (r.start as usize..r.end as usize).contains(*u))
    });
    if outside.count() > 0 {
        return None;
    }
    let body = line.trim_end_matches(['\n', '\r']);
    let whole = Edit {
        span: Span::new(start, start + line.len()),
        content: String::new(),
    };
    if body.contains(['#', '(', '\\']) || body.contains("//") || body.contains("/*") {
        return None;
    }
    // The names between `{`…`}` (TS/JS) or after `import` (Python).
    let (names_at, names): (usize, &str) = if source.lang == Lang::Py {
        let at = body.find(" import ")? + " import ".len();
        (at, &body[at..])
    } else if let (Some(open), Some(close)) = (body.find('{'), body.find('}')) {
        if body[..open].trim() != "import" {
            return None;
        }
        (open + 1, &body[open + 1..close])
    } else {
        // `import MongoClient from "mongodb";`
        let default = body.strip_prefix("import ")?.split(" from ").next()?.trim();
        return (default == ident).then_some(whole);
    };
    let parts: Vec<&str> = names
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if !parts.contains(&ident) {
        return None;
    }
    let kept: Vec<&str> = parts.into_iter().filter(|p| *p != ident).collect();
    if kept.is_empty() {
        return Some(whole);
    }
    let rebuilt = if source.lang == Lang::Py {
        kept.join(", ")
    } else {
        format!(" {} ", kept.join(", "))
    };
    let end = names_at + names.len();
    Some(Edit {
        span: Span::new(start + names_at, start + end),
        content: rebuilt,
    })
}

/// How many other files of the run import module `fi`.
pub fn importers(cx: &ProjectCx<'_>, fi: usize) -> usize {
    match cx.memo.importers.get(fi) {
        Some(cell) => *cell.get_or_init(|| count_importers(cx, fi)),
        None => count_importers(cx, fi),
    }
}

fn count_importers(cx: &ProjectCx<'_>, fi: usize) -> usize {
    let keys = &cx.files[fi].facts.module_keys;
    let root = &cx.files[fi].source.project.root;
    cx.files
        .iter()
        .enumerate()
        .filter(|(other, f)| {
            *other != fi
                && &f.source.project.root == root
                && f.facts
                    .imports
                    .iter()
                    .any(|m| crate::lang::modules::module_matches(m, keys))
        })
        .count()
}

fn is_js(lang: Lang) -> bool {
    matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
}

/// Python: `from core.mongo import client` (or `… import client as mongo`) for the module at
/// `target` (relative to the project root; a `src/` layout's prefix dropped).
pub fn py_import(target: &SourceFile, export: &str, local: &str) -> Option<String> {
    let rel = target.rel.strip_prefix("src/").unwrap_or(&target.rel);
    let stem = rel.strip_suffix(".py")?;
    let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
    if stem.is_empty()
        || stem
            .split('/')
            .any(|p| p.is_empty() || p.contains(['-', '.', ' ']))
    {
        return None;
    }
    let module = stem.replace('/', ".");
    Some(if export == local {
        format!("from {module} import {export}")
    } else {
        format!("from {module} import {export} as {local}")
    })
}

/// Python: the edit importing `name` from the module at `target`: added to an existing
/// one-line `from module import a, b` of that module, or as a line after the last import.
fn py_import_edit(
    text: &str,
    target: &SourceFile,
    name: &str,
    insert: Option<u32>,
) -> Option<Edit> {
    let line = py_import(target, name, name)?;
    let prefix = line.strip_suffix(name)?;
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        if body.starts_with(prefix) && !body.contains(['(', '\\', '#', ';']) {
            let at = pos + body.trim_end().len();
            return Some(Edit {
                span: Span::new(at, at),
                content: format!(", {name}"),
            });
        }
        pos += l.len();
    }
    Some(crate::fixgen::py_line_after_imports(text, insert, &line))
}

/// Pool tuning a construction may set and still be replaced by the shared client: sizes,
/// timeouts and health checks change how many connections there are, not what a query does.
/// (Not `ssl`, `database`, `schema`, `decode_responses`, `log`, `echo`: those change behaviour.)
const TUNING: &[&str] = &[
    // node-postgres, mysql2, postgres.js, ioredis
    "max",
    "min",
    "idleTimeoutMillis",
    "connectionTimeoutMillis",
    "allowExitOnIdle",
    "maxUses",
    "connectionLimit",
    "maxIdle",
    "idleTimeout",
    "queueLimit",
    "waitForConnections",
    "idle_timeout",
    "max_lifetime",
    "connect_timeout",
    // MongoDB (both drivers)
    "maxPoolSize",
    "minPoolSize",
    "maxIdleTimeMS",
    "maxConnecting",
    "waitQueueTimeoutMS",
    "serverSelectionTimeoutMS",
    "connectTimeoutMS",
    "socketTimeoutMS",
    // SQLAlchemy, psycopg_pool, redis-py
    "pool_size",
    "max_overflow",
    "pool_timeout",
    "pool_recycle",
    "pool_pre_ping",
    "pool_use_lifo",
    "min_size",
    "max_size",
    "max_connections",
    "socket_timeout",
    "socket_connect_timeout",
    "health_check_interval",
];

/// What replacing the construction by the shared client would drop: `Some([])` when it
/// configures nothing but where to connect (`new PrismaClient()`, `create_engine(URL)`,
/// `new Pool({ connectionString })`), `Some(["max"])` for pool tuning only (`TUNING`: the shared
/// client's own settings apply instead), `None` when it sets anything else (a statement timeout,
/// `ssl`, a schema) or more than a URL positionally.
pub fn dropped_options(ctor_text: &str) -> Option<Vec<String>> {
    options_within(ctor_text, TUNING)
}

/// Options a shared client may set and still stand in for a local one: pool tuning, what only
/// shows in its logs, and how it secures its connection to the same server (`ssl`, `tls`).
/// (`decode_responses`, `namedPlaceholders`, a schema, an isolation level change what the code
/// receives or does: a local client replaced by such a shared one would change too.)
const SHARED_BENIGN: &[&str] = &[
    "ssl",
    "tls",
    "log",
    "echo",
    "echo_pool",
    "logging_name",
    "application_name",
    "appname",
    "connectionName",
    "name",
];

/// May the shared client (`export`) stand in for others: it sets nothing but its URL, pool
/// tuning and logging?
pub fn substitutable(cx: &ProjectCx<'_>, export: &SharedExport) -> bool {
    let Some(f) = cx.files.get(export.file) else {
        return false;
    };
    let Some(k) = f.facts.clients.get(export.client) else {
        return false;
    };
    let keys: Vec<&str> = TUNING.iter().chain(SHARED_BENIGN).copied().collect();
    let text = f.source.text.as_str();
    let ctor = f.source.slice(k.span);
    // `new MongoClient(uri, options)` with `const options = { maxPoolSize: 5 };`: the options
    // object as written where it is declared.
    let resolved = ctor
        .find('(')
        .zip(ctor.rfind(')'))
        .and_then(|(open, close)| {
            let args = split_top(ctor.get(open + 1..close)?);
            let mut parts = Vec::new();
            for (i, a) in args.iter().enumerate() {
                let ident = i > 0
                    && a.chars()
                        .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$');
                if !ident {
                    parts.push(a.clone());
                    continue;
                }
                let decl = ["const ", "let ", "var "].iter().find_map(|kw| {
                    text.find(&format!("{kw}{a} = {{"))
                        .map(|at| at + kw.len() + a.len() + 3)
                })?;
                let body = &text[decl..];
                let mut depth = 0i32;
                let end = body.char_indices().find_map(|(j, ch)| {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(j + 1);
                            }
                        }
                        _ => {}
                    }
                    None
                })?;
                parts.push(body[..end].to_string());
            }
            Some(format!("x({})", parts.join(", ")))
        });
    match resolved {
        Some(call) => options_within(&call, &keys).is_some(),
        None => options_within(ctor, &keys).is_some(),
    }
}

/// The keys of `keys` the construction sets (`None` when it sets anything else but its URL).
fn options_within(ctor_text: &str, keys: &[&str]) -> Option<Vec<String>> {
    let open = ctor_text.find('(')?;
    let close = ctor_text.rfind(')')?;
    if close < open {
        return None;
    }
    let args = split_top(&ctor_text[open + 1..close]);
    let mut dropped = Vec::new();
    let mut tuning = |key: &str| {
        let key = key.trim().trim_matches(['"', '\'']);
        if keys.contains(&key) {
            dropped.push(key.to_string());
            true
        } else {
            matches!(key, "connectionString" | "uri" | "url" | "datasourceUrl")
        }
    };
    for (i, arg) in args.iter().enumerate() {
        let ok = if let Some(obj) = arg.strip_prefix('{').and_then(|o| o.strip_suffix('}')) {
            // `{ connectionString: url, max: 20 }` (the URL, or the options after it).
            split_top(obj).iter().all(|kv| match kv.split_once(':') {
                Some((k, _)) => tuning(k),
                None => false,
            })
        } else if let Some((k, _)) = arg.split_once('=').filter(|(k, v)| {
            !v.starts_with('=') && k.trim().chars().all(|ch| ch.is_alphanumeric() || ch == '_')
        }) {
            // Python keywords: `pool_size=20`.
            tuning(k)
        } else {
            // One positional: the URL.
            i == 0
        };
        if !ok {
            return None;
        }
    }
    Some(dropped)
}

/// The top-level comma-separated parts of `s` (brackets, braces, parentheses and quotes nest).
fn split_top(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    for ch in s.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' | '`' => quote = Some(ch),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            },
        }
        cur.push(ch);
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The edit importing `export` into `source` as `local`, after its last import (`insert`),
/// in the file's style: ES `import` or CommonJS `require`, its quotes, its semicolons and a `.js`
/// extension when its relative imports carry one.
pub fn import_edit(
    source: &SourceFile,
    target: &SourceFile,
    export: &SharedExport,
    local: &str,
    insert: Option<u32>,
) -> Option<Edit> {
    let default = export.default;
    let export = export.name.as_str();
    let spec = relative_specifier(&source.rel, &target.rel)?;
    let text = source.text.as_str();
    let import_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("import ") || l.contains("require("))
        .collect();
    let cjs = !text.lines().any(|l| l.starts_with("import ")) && text.contains("require(");
    let single = import_lines.iter().filter(|l| l.contains('\'')).count()
        > import_lines.iter().filter(|l| l.contains('"')).count();
    let semi = import_lines.is_empty() || import_lines.iter().any(|l| l.trim_end().ends_with(';'));
    // ESM projects (`"type": "module"`, NodeNext) write the extension: follow either file.
    let js_ext = |t: &str| {
        t.lines()
            .filter(|l| l.starts_with("import ") || l.contains("require(") || l.contains(" from "))
            .any(|l| l.contains(".js\"") || l.contains(".js'"))
    };
    let ext = if js_ext(text) || js_ext(&target.text) {
        ".js"
    } else {
        ""
    };
    let q = if single { '\'' } else { '"' };
    let semi = if semi { ";" } else { "" };
    if default && cjs {
        return None;
    }
    let names = if default {
        local.to_string()
    } else if export == local {
        export.to_string()
    } else if cjs {
        format!("{export}: {local}")
    } else {
        format!("{export} as {local}")
    };
    let stmt = if cjs {
        format!("const {{ {names} }} = require({q}{spec}{ext}{q}){semi}")
    } else if default {
        format!("import {names} from {q}{spec}{ext}{q}{semi}")
    } else {
        format!("import {{ {names} }} from {q}{spec}{ext}{q}{semi}")
    };
    let nl = crate::fixgen::newline(text);
    let at = insert.map(|a| a as usize).unwrap_or(0);
    Some(Edit {
        span: Span::new(at, at),
        content: if at == 0 {
            format!("{stmt}{nl}")
        } else {
            format!("{nl}{stmt}")
        },
    })
}

/// `../lib/prisma` from `app/api/users/route.ts` to `lib/prisma.ts` (both relative to the
/// project root, with `/`).
fn relative_specifier(from: &str, to: &str) -> Option<String> {
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let (to_dir, file) = to_parts.split_at(to_parts.len().checked_sub(1)?);
    let stem = file.first()?.rsplit_once('.').map(|(s, _)| s)?;
    let common = from_dir
        .iter()
        .zip(to_dir.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_string(); from_dir.len() - common];
    parts.extend(to_dir[common..].iter().map(|s| s.to_string()));
    parts.push(stem.to_string());
    let joined = parts.join("/");
    Some(if joined.starts_with("..") {
        joined
    } else {
        format!("./{joined}")
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn relative_specifiers() {
        assert_eq!(
            relative_specifier("app/api/users/route.ts", "lib/prisma.ts").as_deref(),
            Some("../../../lib/prisma")
        );
        assert_eq!(
            relative_specifier("lib/auth.ts", "lib/prisma.ts").as_deref(),
            Some("./prisma")
        );
        assert_eq!(
            relative_specifier("src/routes/a.js", "src/db/pool.js").as_deref(),
            Some("../db/pool")
        );
    }

    #[test]
    fn only_url_arguments() {
        let only_url_args = |t: &str| dropped_options(t).is_some_and(|d| d.is_empty());
        assert!(only_url_args("new PrismaClient()"));
        assert!(only_url_args("create_engine(settings.DATABASE_URL)"));
        assert!(only_url_args(
            "new Pool({ connectionString: process.env.DATABASE_URL })"
        ));
        assert!(!only_url_args(
            "new Pool({ connectionString: url, max: 60 })"
        ));
        assert!(!only_url_args("create_engine(URL, pool_size=2)"));
        assert!(!only_url_args("MongoClient(host=HOST)"));
        assert!(!only_url_args("new PrismaClient({ log: [\"query\"] })"));
    }

    /// `text` with `remove_releases` applied for the statement on its first line holding `let`
    /// / `const` / `=`.
    fn released(rel: &str, text: &str) -> Option<String> {
        let project = std::sync::Arc::new(crate::project::Project::with_deps(&[]));
        let source = SourceFile::in_memory(rel, text, project)?;
        let start = text.find("client =").map(|i| {
            text[..i].rfind('\n').map(|n| n + 1).unwrap_or(0)
                + text[text[..i].rfind('\n').map(|n| n + 1).unwrap_or(0)..]
                    .find(|c: char| !c.is_whitespace())
                    .unwrap_or(0)
        })?;
        let end = start + text[start..].find('\n')?;
        let edits = remove_releases(
            &source,
            Span::new(start, end),
            "client",
            &["close".to_string()],
        )?;
        Some(crate::fix::apply_edits(text, &edits).0)
    }

    #[test]
    fn a_finally_left_empty_unwraps_its_try() {
        let ts = "async function f() {\n  const client = x;\n  try {\n    await client.q();\n    return 1;\n  } finally {\n    await client.close();\n  }\n}\n";
        assert_eq!(
            released("a.ts", ts).unwrap(),
            "async function f() {\n  const client = x;\n  await client.q();\n  return 1;\n}\n"
        );
        let py = "def f():\n    client = x\n    try:\n        return client.q()\n    finally:\n        client.close()\n";
        assert_eq!(
            released("a.py", py).unwrap(),
            "def f():\n    client = x\n    return client.q()\n"
        );
        // A `catch` keeps the `try`: only the release goes.
        let caught = "async function f() {\n  const client = x;\n  try {\n    await client.q();\n  } catch (e) {\n    log(e);\n  } finally {\n    await client.close();\n  }\n}\n";
        assert_eq!(
            released("a.ts", caught).unwrap(),
            caught.replace("    await client.close();\n", "")
        );
        // A name the body declares that is declared elsewhere too stays inside its block.
        let clash = "async function f() {\n  const client = x;\n  try {\n    const rows = await client.q();\n  } finally {\n    await client.close();\n  }\n  const rows = 2;\n}\n";
        assert_eq!(
            released("a.ts", clash).unwrap(),
            clash.replace("    await client.close();\n", "")
        );
    }

    fn drop_import(rel: &str, text: &str, ctor: &str) -> Option<String> {
        let project = std::sync::Arc::new(crate::project::Project::with_deps(&[]));
        let source = SourceFile::in_memory(rel, text, project)?;
        let at = text.rfind(ctor)?;
        let span = Span::new(at, at + ctor.len());
        let e = unused_import_edit(&source, ctor, &[span])?;
        Some(crate::fix::apply_edits(text, &[e]).0)
    }

    #[test]
    fn an_import_left_unused_goes() {
        let ts = "import { MongoClient } from \"mongodb\";\nimport x from \"y\";\nconst c = new MongoClient(uri);\n";
        assert_eq!(
            drop_import("a.ts", ts, "new MongoClient(uri)").unwrap(),
            "import x from \"y\";\nconst c = new MongoClient(uri);\n"
        );
        let ts =
            "import { MongoClient, type Db } from \"mongodb\";\nconst c = new MongoClient(uri);\n";
        assert_eq!(
            drop_import("a.ts", ts, "new MongoClient(uri)").unwrap(),
            "import { type Db } from \"mongodb\";\nconst c = new MongoClient(uri);\n"
        );
        let py = "from pymongo import DESCENDING, MongoClient\nc = MongoClient(URI)\n";
        assert_eq!(
            drop_import("a.py", py, "MongoClient(URI)").unwrap(),
            "from pymongo import DESCENDING\nc = MongoClient(URI)\n"
        );
        // Still used elsewhere (a type annotation), or through a module: kept.
        let ts = "import { MongoClient } from \"mongodb\";\nlet k: MongoClient;\nconst c = new MongoClient(uri);\n";
        assert_eq!(drop_import("a.ts", ts, "new MongoClient(uri)"), None);
        let ts = "import pg from \"pg\";\nconst c = new pg.Pool();\n";
        assert_eq!(drop_import("a.ts", ts, "new pg.Pool()"), None);
    }

    #[test]
    fn pool_tuning_may_be_dropped_nothing_else() {
        let d = |t: &str| dropped_options(t);
        assert_eq!(
            d("new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 15 })"),
            Some(vec!["max".to_string()])
        );
        assert_eq!(
            d("create_async_engine(settings.DATABASE_URL, pool_pre_ping=True)"),
            Some(vec!["pool_pre_ping".to_string()])
        );
        assert_eq!(
            d("new MongoClient(uri, { maxPoolSize: 10 })"),
            Some(vec!["maxPoolSize".to_string()])
        );
        assert_eq!(d("new PrismaClient()"), Some(vec![]));
        assert_eq!(d("new Pool({ connectionString: url, ssl: true })"), None);
        assert_eq!(d("create_engine(URL, echo=True)"), None);
        assert_eq!(d("redis.Redis(host, 6379)"), None);
        assert_eq!(d("new Pool({ ...config, max: 5 })"), None);
        assert_eq!(d("create_engine(URL, **opts)"), None);
    }

    #[test]
    fn exports_by_name_only() {
        let exports = |text: &str, name: &str| ExportIndex::new(text).exports(name);
        assert!(exports(
            "export const prisma =\n  g.prisma ?? new PrismaClient();",
            "prisma"
        ));
        assert!(exports(
            "const pool = new Pool();\nexport { pool, other };",
            "pool"
        ));
        assert!(!exports("export const prismaClient = x;", "prisma"));
        assert!(!exports("const prisma = new PrismaClient();", "prisma"));
        let ix = ExportIndex::new(
            "let clientPromise: Promise<MongoClient>;\nclientPromise = client.connect();\nexport default clientPromise;\nexport async function getDb() {}",
        );
        assert_eq!(ix.exported_as("clientPromise"), Some(true));
        assert_eq!(ix.connects.get("client").map(Vec::len), Some(1));
        assert!(ix.connected.contains("client") && !ix.connected.contains("lient"));
        assert_eq!(ix.promise_lets, vec!["clientPromise".to_string()]);
        assert!(ix.exports_fn("getDb") && !ix.exports_fn("getD"));
        assert_eq!(line_before("ab\ncd\nfunction", 6), "cd");
        assert_eq!(line_before(&"x".repeat(500), 500).len(), 160);
    }
}

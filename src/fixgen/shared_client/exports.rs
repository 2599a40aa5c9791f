//! Which module of the project exports a long-lived client that others may share: the
//! export index of each file, the export of each client, importers, groups by library and
//! database, and the per-run memo of all this.

use super::*;
use crate::exports::is_ident;
pub use crate::exports::{ExportIndex, FIX_SCAN_BUDGET, GroupKey, Memo, SharedExport, SharedForm};

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
    let text = cx.files.get(file)?.source.text.as_ref();
    Some(
        cx.memo
            .texts
            .get(file)?
            .get_or_init(|| Box::new(ExportIndex::new(text))),
    )
}

pub(super) fn compute_export_of(
    cx: &ProjectCx<'_>,
    file: usize,
    ki: usize,
) -> Option<SharedExport> {
    let f = cx.files.get(file)?;
    let k: &ClientSite = f.facts.clients.get(ki)?;
    let text = f.source.text.as_ref();
    let py = f.source.lang == Lang::Py;
    let make = |name: &str, form: SharedForm, default: bool| SharedExport {
        file,
        client: ki,
        name: name.to_string(),
        form,
        default,
        awaited: false,
        field: None,
        via: None,
    };
    // A cached getter without parameters that returns the client it builds.
    if let Some(getter) = f.facts.function(k.in_fn) {
        // Python: `@lru_cache` on the getter, or `global _client` + `if _client is None:`.
        let cached = getter.guard.is_guarded()
            || if py {
                k.guard == crate::facts::Guard::ModuleCache
            } else {
                k.guard.is_guarded()
            };
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
        {
            // `async function connectToDatabase() { …; return { client, db }; }`: awaited, and
            // the client taken from the object (TS/JS; Python getters return it directly).
            let awaited = !py && header.contains("async ");
            let returned = if py {
                py_returned_field(text, getter.span, k.binding.as_deref())
            } else {
                returned_field(text, getter.span.end as usize, k.binding.as_deref())
            };
            let field = match returned {
                Some(field) => field,
                // `@lru_cache def get_client(): return MongoClient(…)`: the call is the client.
                None if py && k.binding.is_none() => None,
                // Returned in a form connlint does not read: not offered.
                None => return None,
            };
            if py && header.contains("async ") {
                return None;
            }
            return Some(SharedExport {
                awaited,
                field,
                ..make(&getter.name, SharedForm::Factory, false)
            });
        }
        // A class singleton: `export class Database { static getInstance() { if
        // (!Database.instance) Database.instance = new Pool(…); return Database.instance; } }`.
        if !py
            && getter.method
            && getter.params == 0
            && getter.parent.is_none()
            && k.guard.is_guarded()
            && header.trim_start().starts_with("static ")
            && let Some(class) = enclosing_class(text, getter.span.start as usize)
            && let Some(default) = export_index(cx, file)?.exported_as(class)
            && static_singleton(text, getter.span.end as usize, k.span.start as usize, class)
        {
            return Some(SharedExport {
                awaited: header.contains("async "),
                via: Some(getter.name.clone()),
                ..make(class, SharedForm::Factory, default)
            });
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
    // `export const clientPromise = new MongoClient(uri).connect()`: the name holds what the
    // chained call returns (a promise of the client), not the client.
    let chained = text[k.span.end as usize..].trim_start();
    if chained.starts_with('.') || chained.starts_with("?.") {
        let call = chained.trim_start_matches('?').trim_start_matches('.');
        if call.starts_with("connect(") {
            return ix
                .exported_as(name)
                .map(|default| make(name, SharedForm::Promise, default));
        }
        return None;
    }
    ix.exported_as(name)
        .map(|default| make(name, SharedForm::Value, default))
}

/// How a getter whose body starts after byte `from` returns its client `binding`:
/// `Some(None)` for `return client`, `Some(Some("client"))` for `return { client, db }` or
/// `return { client: client, db }`; `None` when neither is found.
pub(super) fn returned_field(
    text: &str,
    from: usize,
    binding: Option<&str>,
) -> Option<Option<String>> {
    let binding = binding?;
    let body = function_body(text, from)?;
    let mut direct = false;
    let mut field = None;
    let mut rest = body;
    while let Some(i) = rest.find("return") {
        let after = rest[i + "return".len()..].trim_start();
        let ident_before = rest[..i].chars().next_back().is_some_and(is_ident);
        rest = &rest[i + "return".len()..];
        if ident_before {
            continue;
        }
        if let Some(obj) = after.strip_prefix('{') {
            let inner = braced(obj)?;
            for part in super::split_top(inner) {
                let (key, value) = match part.split_once(':') {
                    Some((k, v)) => (k.trim(), v.trim()),
                    None => (part.trim(), part.trim()),
                };
                if value == binding && key.chars().all(is_ident) {
                    field = Some(format!(".{key}"));
                }
            }
        } else {
            let word: String = after.chars().take_while(|c| is_ident(*c)).collect();
            if word == binding {
                direct = true;
            }
        }
    }
    match (field, direct) {
        (Some(f), false) => Some(Some(f)),
        (None, true) => Some(None),
        _ => None,
    }
}

/// How a Python getter (its text at `span`) returns its client `binding`: `Some(None)` for
/// `return client`, `Some(Some("[0]"))` for a tuple `return client, client[name]`; `None`
/// when it returns it otherwise, or the binding some other way too.
pub(super) fn py_returned_field(
    text: &str,
    span: Span,
    binding: Option<&str>,
) -> Option<Option<String>> {
    let binding = binding?;
    let body = py_block(text, span.start as usize)?;
    let mut found: Option<Option<String>> = None;
    for line in body.lines() {
        let Some(value) = line.trim_start().strip_prefix("return ") else {
            continue;
        };
        let value = value.split('#').next().unwrap_or("").trim();
        let value = value
            .strip_prefix('(')
            .and_then(|v| v.strip_suffix(')'))
            .unwrap_or(value);
        let this = if value == binding {
            None
        } else {
            let parts = super::split_top(value);
            let at = parts.iter().position(|p| p.trim() == binding)?;
            if parts.len() < 2 {
                return None;
            }
            Some(format!("[{at}]"))
        };
        if found.as_ref().is_some_and(|f| *f != this) {
            return None;
        }
        found = Some(this);
    }
    found
}

/// The indented block of the Python `def` whose name is at byte `at`: the lines after the
/// header's first line, up to the first non-blank line indented no deeper than the header.
fn py_block(text: &str, at: usize) -> Option<&str> {
    let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let indent = |l: &str| l.len() - l.trim_start().len();
    let header = indent(text.get(line_start..)?.lines().next()?);
    let body_start = line_start + text.get(line_start..)?.find('\n')? + 1;
    let mut end = body_start;
    for line in text.get(body_start..)?.split_inclusive('\n') {
        if !line.trim().is_empty() && indent(line) <= header {
            break;
        }
        end += line.len();
    }
    text.get(body_start..end)
}

/// Does the static getter whose body starts after byte `from` assign the client built at byte
/// `ctor` to a static field of `class` (`Database.instance = new Pool(…)`, `this.instance ??=
/// …`) and return that field, and only it?
pub(super) fn static_singleton(text: &str, from: usize, ctor: usize, class: &str) -> bool {
    let Some(before) = text.get(..ctor) else {
        return false;
    };
    let before = before.trim_end();
    let Some(target) = ["??=", "||=", "="]
        .iter()
        .find_map(|op| before.strip_suffix(op))
        .map(str::trim_end)
    else {
        return false;
    };
    let target = target
        .rsplit(|ch: char| !(is_ident(ch) || ch == '.'))
        .next()
        .unwrap_or("");
    let Some(field) = target
        .strip_prefix(class)
        .or_else(|| target.strip_prefix("this"))
        .and_then(|f| f.strip_prefix('.'))
        .filter(|f| !f.is_empty() && f.chars().all(is_ident))
    else {
        return false;
    };
    let Some(body) = function_body(text, from) else {
        return false;
    };
    let returns: Vec<&str> = body
        .match_indices("return")
        .filter(|(i, _)| !body[..*i].chars().next_back().is_some_and(is_ident))
        .map(|(i, _)| {
            body[i + "return".len()..]
                .trim_start()
                .split([';', '\n', '}'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches('!')
        })
        .collect();
    !returns.is_empty()
        && returns.iter().all(|r| {
            *r == format!("{class}.{field}")
                || *r == format!("this.{field}")
                || *r == format!("{class}.{field} as any")
        })
}

/// The name of the class whose body holds byte `at` (TS/JS), found by text: the nearest
/// `class Name` before it whose braces enclose it.
pub(super) fn enclosing_class(text: &str, at: usize) -> Option<&str> {
    let head = text.get(..at)?;
    let mut end = head.len();
    while let Some(i) = head[..end].rfind("class ") {
        end = i;
        if head[..i].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let name: &str = {
            let rest = &head[i + "class ".len()..];
            let len = rest.find(|ch: char| !is_ident(ch)).unwrap_or(rest.len());
            &rest[..len]
        };
        let open = i + head[i..].find('{')?;
        let body = braced(text.get(open + 1..)?)?;
        if !name.is_empty() && open + 1 + body.len() >= at {
            return Some(name);
        }
    }
    None
}

/// The text between the first `{` after byte `from` and its matching `}` (strings and
/// comments skipped roughly).
fn function_body(text: &str, from: usize) -> Option<&str> {
    let rest = text.get(from..)?;
    let open = rest.find('{')?;
    let inner = &rest[open + 1..];
    braced(inner)
}

/// `inner` up to the `}` closing a brace opened just before it.
fn braced(inner: &str) -> Option<&str> {
    let mut depth = 1i32;
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, ch) in inner.char_indices() {
        match quote {
            Some(q) if ch == q && prev != '\\' => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' | '`' => quote = Some(ch),
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return inner.get(..i);
                    }
                }
                _ => {}
            },
        }
        prev = ch;
    }
    None
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

pub(super) fn group_key(cx: &ProjectCx<'_>, fi: usize, ci: usize) -> Option<GroupKey> {
    let f = cx.files.get(fi)?;
    let c = f.facts.clients.get(ci)?;
    let db = crate::pools::url_ref(cx.files, fi, crate::pools::config_of(f, ci))
        .and_then(|(_, u)| u.env_name().map(str::to_string));
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
    cx.memo
        .importers
        .get_or_init(|| importer_counts(cx))
        .get(fi)
        .copied()
        .unwrap_or(0)
}

/// For every file, how many other files of its project import it.
fn importer_counts(cx: &ProjectCx<'_>) -> Vec<usize> {
    cx.memo
        .importer_lists
        .get_or_init(|| importer_lists(cx))
        .iter()
        .map(Vec::len)
        .collect()
}

/// For every file, the other files of its project that import it (see [`crate::imports`]).
pub fn importer_lists(cx: &ProjectCx<'_>) -> Vec<Vec<usize>> {
    crate::imports::importer_lists(cx.files)
}

/// Every file's importers, computed once per project.
pub fn importer_lists_memo<'c>(cx: &'c ProjectCx<'_>) -> &'c [Vec<usize>] {
    cx.memo.importer_lists.get_or_init(|| importer_lists(cx))
}

/// The processes that load file `fi` (see [`crate::imports::process_roots`]).
pub fn process_roots(cx: &ProjectCx<'_>, fi: usize) -> std::collections::BTreeSet<Option<usize>> {
    crate::imports::process_roots(cx.files, importer_lists_memo(cx), fi)
}

pub(super) fn is_js(lang: Lang) -> bool {
    matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
}

/// May a fix make client `ci` of file `fi` a new long-lived client (hoist it to module scope,
/// cache its factory)? Not when another module of the project builds a client of the same
/// library family and database: two long-lived ones would be a `duplicate-client-module`
/// finding the fix created. Then one module is the keeper, chosen as `duplicate-client-module`
/// chooses the module to keep ([`keep_rank`]), and only it may; the others import it once it
/// shares its client, or get no fix.
pub fn may_create_shared(cx: &ProjectCx<'_>, fi: usize, ci: usize) -> bool {
    cx.files
        .get(fi)
        .is_some_and(|f| f.facts.clients.get(ci).is_some())
        && rival_keeper(cx, fi, ci).is_none()
}

/// The module that keeps the project's client of the same family and database as client `ci`
/// of `fi`, when it is another module (see [`may_create_shared`]).
pub fn rival_keeper(cx: &ProjectCx<'_>, fi: usize, ci: usize) -> Option<usize> {
    let me = cx.files.get(fi)?;
    let c = me.facts.clients.get(ci)?;
    // What `duplicate-client-module` leaves alone: Rust (no shared exports to import), families
    // the catalogue allows several of, and modules that run as processes of their own (scripts,
    // serverless functions) unless others import them.
    let class = lang_class(me.source.lang)?;
    if cx
        .catalog
        .for_lang(me.source.lang)
        .duplicates_ok(&c.family, cx.catalog.by_id(&c.client))
        || own_process(cx, fi)
    {
        return None;
    }
    let key = (
        me.source.project.root.clone(),
        class,
        c.family.clone(),
        client_database(cx, fi, ci),
    );
    let rivals = cx.memo.rivals.get_or_init(|| rival_index(cx)).get(&key)?;
    // The two best-ranked modules of the group: the best that is not this one.
    let best = rivals.iter().copied().find(|&i| i != fi)?;
    (rival_rank(cx, best, &c.family) > keep_rank(cx, fi, Some(ci))).then_some(best)
}

/// How a module ranks to keep its family's client (see [`keep_rank`]), by its first client of
/// that family.
fn rival_rank(
    cx: &ProjectCx<'_>,
    i: usize,
    family: &str,
) -> (bool, usize, bool, bool, std::cmp::Reverse<usize>) {
    let k = cx.files[i]
        .facts
        .clients
        .iter()
        .position(|o| o.family == family);
    keep_rank(cx, i, k)
}

/// JS/TS files are one language here (0), Python another (1); Rust has no shared exports.
fn lang_class(lang: Lang) -> Option<u8> {
    if is_js(lang) {
        Some(0)
    } else if lang == Lang::Py {
        Some(1)
    } else {
        None
    }
}

/// The database client `k` of file `f` connects to: an environment variable's name or a URL.
fn client_database(cx: &ProjectCx<'_>, f: usize, k: usize) -> Option<String> {
    let file = &cx.files[f];
    crate::pools::url_ref(cx.files, f, crate::pools::config_of(file, k)).map(|(_, u)| match u {
        crate::facts::UrlRef::Env { name, .. } => name.clone(),
        crate::facts::UrlRef::Literal { text, .. } => text.clone(),
    })
}

/// A module that runs as a process of its own (a script, a serverless function) that no module
/// imports.
fn own_process(cx: &ProjectCx<'_>, i: usize) -> bool {
    let s = &cx.files[i].source;
    importers(cx, i) == 0
        && (cx.files[i].facts.entry_script || s.project.serverless && !s.project.nextjs)
}

/// The two best-ranked modules that may keep a shared client, under each group their
/// long-lived clients belong to: one pass over the project.
fn rival_index(cx: &ProjectCx<'_>) -> HashMap<crate::exports::RivalKey, Vec<usize>> {
    let mut index: HashMap<crate::exports::RivalKey, Vec<usize>> = HashMap::new();
    for (i, f) in cx.files.iter().enumerate() {
        let Some(class) = lang_class(f.source.lang) else {
            continue;
        };
        if f.facts.clients.is_empty()
            || crate::pools::is_auxiliary(&f.source.rel)
            || own_process(cx, i)
        {
            continue;
        }
        for (k, o) in f.facts.clients.iter().enumerate() {
            if o.guard == crate::facts::Guard::SingletonApi
                || matches!(o.scope.kind, ScopeKind::Test)
                || !matches!(
                    o.kind,
                    ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
                )
            {
                continue;
            }
            let key = (
                f.source.project.root.clone(),
                class,
                o.family.clone(),
                client_database(cx, i, k),
            );
            let list = index.entry(key).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // As `duplicate-client-module` groups them: clients with no target in the code join the
    // family's one named target, when there is one (both ways, so either may be the rival).
    let unknown: Vec<crate::exports::RivalKey> =
        index.keys().filter(|k| k.3.is_none()).cloned().collect();
    for key in unknown {
        let named: Vec<crate::exports::RivalKey> = index
            .keys()
            .filter(|k| k.0 == key.0 && k.1 == key.1 && k.2 == key.2 && k.3.is_some())
            .cloned()
            .collect();
        if let [target] = named.as_slice() {
            let mut merged = index.get(target).cloned().unwrap_or_default();
            for i in index.get(&key).into_iter().flatten() {
                if !merged.contains(i) {
                    merged.push(*i);
                }
            }
            index.insert(key, merged.clone());
            index.insert(target.clone(), merged);
        }
    }
    // Only the two best of each group are ever asked for.
    for (key, list) in &mut index {
        list.sort_by_cached_key(|&i| std::cmp::Reverse(rival_rank(cx, i, &key.2)));
        list.truncate(2);
    }
    index
}

/// How `duplicate-client-module` ranks the modules of a group to keep one (the highest): a
/// client meant to be shared (exported, or built under a cache), then the most imported
/// module, then exported, then cached, then the first file.
pub fn keep_rank(
    cx: &ProjectCx<'_>,
    fi: usize,
    ci: Option<usize>,
) -> (bool, usize, bool, bool, std::cmp::Reverse<usize>) {
    let exported = ci.is_some_and(|ci| export_of(cx, fi, ci).is_some());
    let guarded = ci.is_some_and(|ci| {
        cx.files[fi]
            .facts
            .clients
            .get(ci)
            .is_some_and(|c| c.guard.is_guarded())
    });
    (
        exported || guarded,
        importers(cx, fi),
        exported,
        guarded,
        std::cmp::Reverse(fi),
    )
}

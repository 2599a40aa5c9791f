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
    let text = f.source.text.as_ref();
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

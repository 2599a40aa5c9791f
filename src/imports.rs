//! The project's import graph: which checked files import which, as the front-ends' import
//! facts and module keys say (one pass over every import). Who loads a module (its importers,
//! up to the entry scripts), and what a process loads (its entry point's imports, down,
//! transitively). Knows no rule.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::facts::CheckedFile;

/// For every file, the other files of its project that import it (each once): one pass over
/// every import, each candidate looked up among the files' module keys and their suffixes at a
/// `/` (as [`crate::facts::ModuleRef::names_any`] matches them).
pub fn importer_lists(files: &[CheckedFile]) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in files.iter().enumerate() {
        for k in &f.facts.module_keys {
            by_key.entry(k.as_str()).or_default().push(i);
            for (slash, _) in k.match_indices('/') {
                by_key.entry(&k[slash + 1..]).or_default().push(i);
            }
        }
    }
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
    // The last importer listed for each file, so that an importer counts once.
    let mut counted_for: Vec<usize> = vec![usize::MAX; files.len()];
    for (j, f) in files.iter().enumerate() {
        for c in f.facts.imports.iter().flat_map(|m| m.candidates.iter()) {
            for &i in by_key
                .get(c.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if i != j
                    && counted_for[i] != j
                    && files[i].source.project.root == f.source.project.root
                {
                    counted_for[i] = j;
                    lists[i].push(j);
                }
            }
        }
    }
    lists
}

/// The processes that load file `fi`, as far as the checked files show: the entry scripts
/// (`if __name__ == "__main__":`, a JS file that exports nothing, a Rust `src/bin/*`) that
/// import it, directly or through other modules. A module reached from anything else (a route
/// file a framework loads, a module nobody checked imports) belongs to the one process the
/// framework runs, written `None`. Linear in the import edges: one walk up from `fi`.
pub fn process_roots(
    files: &[CheckedFile],
    lists: &[Vec<usize>],
    fi: usize,
) -> BTreeSet<Option<usize>> {
    let mut roots = BTreeSet::new();
    let mut seen = vec![false; files.len()];
    let mut todo = vec![fi];
    if let Some(s) = seen.get_mut(fi) {
        *s = true;
    }
    while let Some(f) = todo.pop() {
        let importers = lists.get(f).map(Vec::as_slice).unwrap_or_default();
        // (A JS module that exports nothing but that another module imports is loaded for its
        // side effects, `import './schema/similar.js'`, in its importer's process.)
        let side_effects = !importers.is_empty() && files[f].source.lang.is_js_family();
        if crate::lang::is_entry_script(&files[f].source) && !side_effects {
            roots.insert(Some(f));
            continue;
        }
        if importers.is_empty() {
            roots.insert(None);
        }
        for &i in importers {
            if !seen[i] {
                seen[i] = true;
                todo.push(i);
            }
        }
    }
    roots
}

/// What a process loads: the files reached from `entries` (file indices) through their imports,
/// transitively, each with the file it was first reached from (`None` for an entry). `imports`
/// is the forward graph ([`imports_of`]). Linear in the edges.
pub fn reached_from(imports: &[Vec<usize>], entries: &[usize]) -> BTreeMap<usize, Option<usize>> {
    let mut reached: BTreeMap<usize, Option<usize>> = BTreeMap::new();
    let mut todo: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    for &e in entries {
        if reached.insert(e, None).is_none() {
            todo.push_back(e);
        }
    }
    while let Some(f) = todo.pop_front() {
        for &i in imports.get(f).map(Vec::as_slice).unwrap_or_default() {
            if let std::collections::btree_map::Entry::Vacant(v) = reached.entry(i) {
                v.insert(Some(f));
                todo.push_back(i);
            }
        }
    }
    reached
}

/// The forward graph: for every file, the files it imports (from [`importer_lists`]).
pub fn imports_of(importers: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); importers.len()];
    for (i, list) in importers.iter().enumerate() {
        for &j in list {
            if let Some(o) = out.get_mut(j) {
                o.push(i);
            }
        }
    }
    out
}

//! Cargo workspaces: which crates a workspace holds and what each depends on, read once per
//! workspace manifest.

use super::read;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where crate `name` (at `root`) stands in its workspace, the nearest ancestor whose
/// `Cargo.toml` has `[workspace]` (three levels up at most; its crates are the `Cargo.toml`
/// files three levels under it): whether the other crates take it only as a dev-dependency
/// (test support), and the library crates of those others, by the names `use` paths give them
/// (`arroyo-operator` → `arroyo_operator`). Outside a workspace: `(false, {})`.
pub(super) fn membership(root: &Path, name: &str) -> (bool, BTreeSet<String>) {
    let Some(ws) = root.ancestors().skip(1).take(3).find(|d| {
        read(d, "Cargo.toml").is_some_and(|t| {
            toml::from_str::<toml::Table>(&t).is_ok_and(|doc| doc.contains_key("workspace"))
        })
    }) else {
        return (false, BTreeSet::new());
    };
    let crates = workspace_deps(ws);
    let (mut dev, mut normal) = (false, false);
    let mut siblings = BTreeSet::new();
    for c in crates.iter().filter(|c| c.dir != root) {
        dev |= c.dev.contains(name);
        normal |= c.normal.contains(name);
        siblings.extend(c.lib.clone());
    }
    (dev && !normal, siblings)
}

/// A crate's library name in paths: `[lib] name`, else the package's, `-` as `_`.
pub(super) fn lib_name(doc: &toml::Table) -> Option<String> {
    doc.get("lib")
        .and_then(|l| l.get("name"))
        .or_else(|| doc.get("package").and_then(|p| p.get("name")))
        .and_then(|n| n.as_str())
        .map(|n| n.replace('-', "_"))
}

/// What one crate of a workspace depends on, by section.
struct CrateDeps {
    dir: PathBuf,
    /// Its library's name in paths ([`lib_name`]).
    lib: Option<String>,
    dev: BTreeSet<String>,
    normal: BTreeSet<String>,
}

/// The crates of the workspace at `ws` (the `Cargo.toml` files three levels under it), read
/// once per workspace manifest (by its modification time: the language server lives on while it
/// is edited); each of its crates asks.
fn workspace_deps(ws: &Path) -> Arc<Vec<CrateDeps>> {
    type Key = (PathBuf, Option<std::time::SystemTime>);
    type Cache = std::sync::Mutex<std::collections::HashMap<Key, Arc<Vec<CrateDeps>>>>;
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key: Key = (
        ws.to_path_buf(),
        std::fs::metadata(ws.join("Cargo.toml"))
            .and_then(|m| m.modified())
            .ok(),
    );
    if let Ok(map) = cache.lock()
        && let Some(hit) = map.get(&key)
    {
        return hit.clone();
    }
    let keys = |t: Option<&toml::Value>| -> BTreeSet<String> {
        t.and_then(|t| t.as_table())
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default()
    };
    let crates: Vec<CrateDeps> = walkdir::WalkDir::new(ws)
        .max_depth(3)
        .into_iter()
        .filter_entry(|e| {
            // (The workspace's own folder may be a hidden one: `~/.cache/…`, a temporary dir.)
            let n = e.file_name().to_str().unwrap_or("");
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && (n == "target" || n == "node_modules" || n.starts_with('.')))
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "Cargo.toml")
        .filter_map(|e| {
            let dir = e.path().parent()?.to_path_buf();
            let doc = toml::from_str::<toml::Table>(&read(&dir, "Cargo.toml")?).ok()?;
            let mut normal = keys(doc.get("dependencies"));
            normal.extend(keys(doc.get("build-dependencies")));
            Some(CrateDeps {
                dir,
                lib: lib_name(&doc),
                dev: keys(doc.get("dev-dependencies")),
                normal,
            })
        })
        .collect();
    let crates = Arc::new(crates);
    if let Ok(mut map) = cache.lock() {
        map.insert(key, crates.clone());
    }
    crates
}

//! Discovery: walk the given paths, honour `.gitignore` / `.ignore` (through the `ignore`
//! crate's gitignore matcher), skip default-excluded directories, pick languages by extension,
//! and attach each file to its project (nearest manifest).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;
use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::diagnostic::FileError;
use crate::project::Project;
use crate::source::Lang;

/// Minified files found in a walk are not checked (named explicitly, they are).
pub fn is_minified_name(name: &str) -> bool {
    [".min.js", ".min.mjs", ".min.cjs"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Directories never walked into (unless named explicitly).
pub const DEFAULT_EXCLUDES: &[&str] = &[
    "node_modules",
    "target",
    ".venv",
    "venv",
    "dist",
    "build",
    ".next",
    "__pycache__",
    ".git",
    ".hg",
    ".svn",
    ".turbo",
    ".vercel",
    ".output",
    ".nuxt",
    ".svelte-kit",
    "coverage",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".tox",
    "site-packages",
    ".cargo",
];

/// A file to check.
#[derive(Debug, Clone)]
pub struct Discovered {
    pub path: PathBuf,
    /// Relative to the working directory, `/`-separated.
    pub display: String,
    /// Relative to the project root, `/`-separated.
    pub rel: String,
    pub lang: Lang,
    pub project: Arc<Project>,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<Discovered>,
    /// Deployment descriptions (Procfile, Dockerfile, Compose and Kubernetes files) met on
    /// the walk: the processes of the connection budget.
    pub deploy_files: Vec<PathBuf>,
    pub errors: Vec<FileError>,
}

/// Options of a walk.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Extra exclude globs (config `exclude`), matched against the path relative to the working
    /// directory and against each path component's name.
    pub exclude: Option<GlobSet>,
    /// The directory `exclude` globs are relative to (the config file's); default: the working
    /// directory.
    pub exclude_root: Option<PathBuf>,
    /// Walk into directories that `.gitignore` excludes.
    pub no_ignore: bool,
}

/// A fatal discovery error (a path argument that does not exist).
#[derive(Debug)]
pub struct MissingPath(pub PathBuf);

impl std::fmt::Display for MissingPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: no such file or directory", self.0.display())
    }
}

pub fn discover(paths: &[PathBuf], opts: &WalkOptions) -> Result<Discovery, MissingPath> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut out = Discovery::default();
    let mut projects = ProjectCache::default();
    let mut seen = std::collections::HashSet::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|_| MissingPath(root.clone()))?;
        if meta.is_file() {
            if let Some(e) = non_utf8_name(root, &cwd) {
                out.errors.push(e);
                continue;
            }
            // Named explicitly: checked when its language is known, even if gitignored.
            if let Some(lang) = Lang::from_path(root)
                && !excluded(opts, root, &cwd)
            {
                push(&mut out, &mut projects, &mut seen, root, lang, &cwd);
            }
            continue;
        }
        walk_dir(root, opts, &cwd, &mut out, &mut projects, &mut seen);
    }
    out.files.sort_by(|a, b| a.display.cmp(&b.display));
    out.deploy_files.sort();
    out.deploy_files.dedup();
    Ok(out)
}

fn excluded(opts: &WalkOptions, path: &Path, cwd: &Path) -> bool {
    let Some(set) = &opts.exclude else {
        return false;
    };
    let shown = display_path(path, cwd);
    set.is_match(&shown) || path.components().any(|c| set.is_match(c.as_os_str()))
}

fn walk_dir(
    root: &Path,
    opts: &WalkOptions,
    cwd: &Path,
    out: &mut Discovery,
    projects: &mut ProjectCache,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    // Ignore files of the ancestors (up to the repository root) apply too.
    let mut stack: Vec<(PathBuf, Gitignore)> = Vec::new();
    if !opts.no_ignore {
        let abs = absolute(root);
        let mut ancestors: Vec<PathBuf> = Vec::new();
        for dir in abs.ancestors().skip(1) {
            ancestors.push(dir.to_path_buf());
            if dir.join(".git").exists() {
                break;
            }
        }
        for dir in ancestors.into_iter().rev() {
            if let Some(gi) = load_ignore(&dir) {
                stack.push((dir, gi));
            }
        }
    }
    let mut it = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| display_path(p, cwd)).unwrap_or_default();
                let dangling = err
                    .io_error()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                    && err.path().is_some_and(|p| {
                        std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
                    });
                let message = if err.loop_ancestor().is_some() {
                    "symlink loop; not followed".to_string()
                } else if dangling {
                    "skipped: broken symbolic link".to_string()
                } else {
                    format!(
                        "cannot read: {}",
                        err.io_error()
                            .map(|e| e.to_string())
                            .unwrap_or_else(|| err.to_string())
                    )
                };
                out.errors.push(FileError::new(path, message));
                continue;
            }
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_dir();
        let abs = absolute_in(path, cwd);
        if !opts.no_ignore {
            while stack.last().is_some_and(|(d, _)| !abs.starts_with(d)) {
                stack.pop();
            }
        }
        if entry.depth() > 0 {
            let name = entry.file_name().to_string_lossy();
            if is_dir && DEFAULT_EXCLUDES.contains(&name.as_ref()) {
                it.skip_current_dir();
                continue;
            }
            // Minified bundles (`bundle.min.js`) are built output, not code anyone edits.
            if !is_dir && is_minified_name(&name) {
                continue;
            }
            if excluded(opts, path, cwd) {
                if is_dir {
                    it.skip_current_dir();
                }
                continue;
            }
            let lang = if is_dir { None } else { Lang::from_path(path) };
            if !opts.no_ignore && is_ignored(&stack, &abs, is_dir) && lang != Some(Lang::Env) {
                if is_dir {
                    it.skip_current_dir();
                }
                continue;
            }
        }
        if is_dir {
            if !opts.no_ignore
                && let Some(gi) = load_ignore(&abs)
            {
                stack.push((abs.clone(), gi));
            }
            continue;
        }
        if let Some(e) = non_utf8_name(path, cwd) {
            out.errors.push(e);
            continue;
        }
        if let Some(lang) = Lang::from_path(path) {
            push(out, projects, seen, path, lang, cwd);
        } else if crate::deploy::is_deploy_file(path) {
            out.deploy_files.push(abs);
        }
    }
}

/// A file whose name is not valid UTF-8 but would be checked by its extension: listed as
/// skipped (paths in every output format are UTF-8), never silently left out.
fn non_utf8_name(path: &Path, cwd: &Path) -> Option<FileError> {
    let name = path.file_name()?;
    if name.to_str().is_some() {
        return None;
    }
    let lossy = PathBuf::from(name.to_string_lossy().into_owned());
    Lang::from_path(&lossy)?;
    Some(FileError::new(
        display_path(path, cwd),
        "skipped: the file name is not valid UTF-8",
    ))
}

fn is_ignored(stack: &[(PathBuf, Gitignore)], abs: &Path, is_dir: bool) -> bool {
    // The innermost ignore file that has an opinion wins.
    for (_, gi) in stack.iter().rev() {
        match gi.matched_path_or_any_parents(abs, is_dir) {
            Match::Ignore(_) => return true,
            Match::Whitelist(_) => return false,
            Match::None => {}
        }
    }
    false
}

fn load_ignore(dir: &Path) -> Option<Gitignore> {
    let mut builder = GitignoreBuilder::new(dir);
    let mut any = false;
    for name in [".gitignore", ".ignore"] {
        let p = dir.join(name);
        if p.is_file() && builder.add(&p).is_none() {
            any = true;
        }
    }
    if !any {
        return None;
    }
    builder.build().ok()
}

fn push(
    out: &mut Discovery,
    projects: &mut ProjectCache,
    seen: &mut std::collections::HashSet<PathBuf>,
    path: &Path,
    lang: Lang,
    cwd: &Path,
) {
    let abs = absolute_in(path, cwd);
    if !seen.insert(abs.clone()) {
        return;
    }
    let project = projects.project_of(&abs, cwd);
    let rel = abs
        .strip_prefix(&project.root)
        .map(slash)
        .unwrap_or_else(|_| display_path(path, cwd));
    out.files.push(Discovered {
        path: path.to_path_buf(),
        display: display_path(path, cwd),
        rel,
        lang,
        project,
    });
}

/// Nearest-manifest projects, cached per directory.
#[derive(Default)]
struct ProjectCache {
    by_dir: HashMap<PathBuf, Arc<Project>>,
}

impl ProjectCache {
    fn project_of(&mut self, abs_file: &Path, cwd: &Path) -> Arc<Project> {
        let dir = abs_file.parent().unwrap_or(Path::new("/")).to_path_buf();
        if let Some(p) = self.by_dir.get(&dir) {
            return p.clone();
        }
        let mut visited = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(p) = self.by_dir.get(d) {
                found = Some(p.clone());
                break;
            }
            visited.push(d.to_path_buf());
            if Project::is_root(d) {
                found = Some(Arc::new(Project::load(d)));
                break;
            }
            if d.join(".git").exists() {
                break;
            }
        }
        let project = found.unwrap_or_else(|| Arc::new(Project::detached(absolute(cwd))));
        for d in visited {
            self.by_dir.insert(d, project.clone());
        }
        project
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// [`absolute`] given the working directory `cwd` (what `std::env::current_dir` gave): no
/// `getcwd` per path of the walk.
fn absolute_in(p: &Path, cwd: &Path) -> PathBuf {
    if p.is_relative() && cwd.is_absolute() {
        absolute(&cwd.join(p))
    } else {
        absolute(p)
    }
}

fn slash(p: &Path) -> String {
    p.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            std::path::Component::ParentDir => Some("..".to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The path relative to the working directory, with `/`.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let abs = absolute_in(path, cwd);
    match abs.strip_prefix(cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => slash(rel),
        _ => {
            let s = slash(path);
            if path.is_absolute() {
                format!("/{s}")
            } else {
                s
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn walks_with_gitignore_and_default_excludes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("node_modules/pg")).unwrap();
        std::fs::create_dir_all(root.join("app/api")).unwrap();
        std::fs::create_dir_all(root.join("generated")).unwrap();
        std::fs::write(root.join(".gitignore"), "generated/\n.env.local\n").unwrap();
        std::fs::write(
            root.join("package.json"),
            r#"{"dependencies":{"next":"15"}}"#,
        )
        .unwrap();
        std::fs::write(root.join("node_modules/pg/index.js"), "x").unwrap();
        std::fs::write(root.join("generated/a.ts"), "x").unwrap();
        std::fs::write(root.join("app/api/route.ts"), "x").unwrap();
        std::fs::write(root.join(".env.local"), "DATABASE_URL=x").unwrap();
        std::fs::write(root.join("README.md"), "x").unwrap();
        std::fs::write(root.join("app/vendor.min.js"), "x").unwrap();
        let d = discover(&[root.to_path_buf()], &WalkOptions::default()).unwrap();
        let rels: Vec<&str> = d.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, vec![".env.local", "app/api/route.ts"]);
        assert!(d.files[1].project.nextjs);
        // Named explicitly, a minified file is checked.
        let d = discover(&[root.join("app/vendor.min.js")], &WalkOptions::default()).unwrap();
        assert_eq!(d.files.len(), 1);
    }

    #[test]
    fn missing_path_is_an_error() {
        assert!(
            discover(
                &[PathBuf::from("/definitely/not/here")],
                &WalkOptions::default()
            )
            .is_err()
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        std::fs::write(dir.path().join("a/x.py"), "import os\n").unwrap();
        let d = discover(&[dir.path().to_path_buf()], &WalkOptions::default()).unwrap();
        assert_eq!(d.files.len(), 1);
        assert!(d.errors.iter().any(|e| e.message.contains("symlink loop")));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_file_names_are_listed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.ts");
        std::fs::write(dir.path().join(name), "x").unwrap();
        std::fs::write(
            dir.path().join(std::ffi::OsStr::from_bytes(b"n\xe9.txt")),
            "x",
        )
        .unwrap();
        let d = discover(&[dir.path().to_path_buf()], &WalkOptions::default()).unwrap();
        assert!(d.files.is_empty());
        assert_eq!(d.errors.len(), 1, "{:?}", d.errors);
        assert!(d.errors[0].message.contains("not valid UTF-8"));
        assert!(d.errors[0].path.ends_with("caf\u{fffd}.ts"));
        let d = discover(&[dir.path().join(name)], &WalkOptions::default()).unwrap();
        assert_eq!(d.errors.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn broken_symlinks_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("missing.env"), dir.path().join(".env"))
            .unwrap();
        let d = discover(&[dir.path().to_path_buf()], &WalkOptions::default()).unwrap();
        assert_eq!(d.errors.len(), 1);
        assert_eq!(d.errors[0].message, "skipped: broken symbolic link");
    }
}

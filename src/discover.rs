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

/// A directory whose JavaScript, Python and Rust are build output (`build/lib/pkg/*.py`
/// setuptools leaves, a bundler's `build/static/js`), but whose TypeScript sources are not: no
/// build writes `.ts` (declarations, `.d.ts`, are no sources), and JavaScript projects keep their
/// build plugins there (`build/cdn-upload-plugin.ts`, run by a watching bundler).
pub const SOURCES_ONLY_EXCLUDES: &[&str] = &["build"];

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
    /// Pages and server templates (`.html`, Jinja, ERB, …) met on the walk: where custom
    /// elements are placed by markup (see [`is_markup_file`]).
    pub markup_files: Vec<PathBuf>,
    pub errors: Vec<FileError>,
    /// What the walk learnt of the directories it listed (see [`Markers::has_file`]).
    pub(crate) markers: Markers,
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
    let mut seen = Seen::default();
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
                let abs = absolute_in(root, &cwd);
                push(&mut out, &mut projects, &mut seen, (root, abs), lang, &cwd);
            }
            continue;
        }
        walk_dir(root, opts, &cwd, &mut out, &mut projects, &mut seen);
    }
    out.markers = projects.markers;
    out.files.sort_by(|a, b| a.display.cmp(&b.display));
    out.deploy_files.sort();
    out.deploy_files.dedup();
    out.markup_files.sort();
    out.markup_files.dedup();
    Ok(out)
}

/// How many markup files a walk keeps (a site of generated pages stays bounded).
const MAX_MARKUP_FILES: usize = 20_000;

/// A page or a server-side template, by its extension: HTML, and the template languages that
/// write HTML (Django / Jinja, ERB, Handlebars, Nunjucks, EJS, Twig, Liquid, Razor, PHP).
pub fn is_markup_file(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "html"
            | "htm"
            | "xhtml"
            | "jinja"
            | "jinja2"
            | "j2"
            | "erb"
            | "hbs"
            | "handlebars"
            | "njk"
            | "ejs"
            | "twig"
            | "liquid"
            | "cshtml"
            | "razor"
            | "php"
    )
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
    seen: &mut Seen,
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
    // The files found, resolved to their projects once every directory has been listed: which
    // manifests a directory holds is then known from the walk, without a probe per name.
    let mut found: Vec<(PathBuf, PathBuf, Lang)> = Vec::new();
    // Folders holding `*.dist-info` (see below): their files are not checked.
    let mut vendored: Vec<PathBuf> = Vec::new();
    // `build` folders (see [`SOURCES_ONLY_EXCLUDES`]): only their TypeScript is checked.
    let mut outputs: Vec<PathBuf> = Vec::new();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                // A directory that could not be listed is probed instead.
                if let Some(p) = err.path() {
                    projects.markers.unlisted(&absolute_in(p, cwd));
                }
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
        if entry.depth() > 0 {
            projects
                .markers
                .note(&abs, entry.file_name(), entry.file_type().is_file());
        }
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
            if is_dir && SOURCES_ONLY_EXCLUDES.contains(&name.as_ref()) {
                outputs.push(abs.clone());
            }
            // Packages pip installed into the tree (`pip install -t libs …`: `libs/` holds
            // `SQLAlchemy-2.0.37.dist-info`): vendored third-party code, like `site-packages`
            // (not when the folder itself is what was named).
            if is_dir && name.ends_with(".dist-info") {
                if entry.depth() > 1
                    && let Some(parent) = abs.parent()
                {
                    vendored.push(parent.to_path_buf());
                }
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
        if is_dir && entry.depth() > 0 && entry.file_name().to_str().is_none() {
            // Paths in every output format are UTF-8: the directory is listed, once, not
            // printed lossily under each of its files.
            out.errors.push(FileError::new(
                display_path(path, cwd),
                "skipped: the directory name is not valid UTF-8 (its files were not checked)",
            ));
            it.skip_current_dir();
            continue;
        }
        if is_dir {
            projects.markers.listed(&abs);
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
            found.push((path.to_path_buf(), abs, lang));
        } else if outputs.iter().any(|o| abs.starts_with(o)) {
            continue;
        } else if crate::deploy::is_deploy_file(path) {
            out.deploy_files.push(abs);
        } else if is_markup_file(path) && out.markup_files.len() < MAX_MARKUP_FILES {
            out.markup_files.push(abs);
        }
    }
    for (path, abs, lang) in found {
        if vendored.iter().any(|v| abs.starts_with(v)) {
            continue;
        }
        if !matches!(lang, Lang::Ts | Lang::Tsx) && outputs.iter().any(|o| abs.starts_with(o)) {
            continue;
        }
        push(out, projects, seen, (&path, abs), lang, cwd);
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

/// Add the file at `path` (`abs`: its absolute path, see [`absolute_in`]), once.
fn push(
    out: &mut Discovery,
    projects: &mut ProjectCache,
    seen: &mut Seen,
    (path, abs): (&Path, PathBuf),
    lang: Lang,
    cwd: &Path,
) {
    let project = projects.project_of(&abs, cwd);
    let display = display_of(path, &abs, cwd);
    let rel = abs
        .strip_prefix(&project.root)
        .map(slash)
        .unwrap_or_else(|_| display.clone());
    if !seen.insert(abs) {
        return;
    }
    out.files.push(Discovered {
        path: path.to_path_buf(),
        display,
        rel,
        lang,
        project,
    });
}

/// The absolute paths of the files found so far.
type Seen = std::collections::HashSet<PathBuf, foldhash::fast::RandomState>;

/// Nearest-manifest projects, cached per directory.
/// The names of interest (manifests, `.git`) each directory the walk listed holds, so that
/// finding a file's project asks the file system nothing for those directories.
#[derive(Debug, Default)]
pub(crate) struct Markers {
    /// Directory → a bit per root or configuration file present (as a file) and one for `.git`
    /// (at all).
    dirs: HashMap<PathBuf, u8, foldhash::fast::RandomState>,
}

/// The bit of `.git` in [`Markers`]; bit `i` below it: [`crate::project::ROOT_FILES`]`[i]`;
/// the bits above it: the configuration files ([`crate::project::CONFIG_FILES`]).
const GIT: u8 = 1 << crate::project::ROOT_FILES.len();
// Every recorded name has a bit of the `u8`.
const _: () =
    assert!(crate::project::ROOT_FILES.len() + 1 + crate::project::CONFIG_FILES.len() <= 8);

/// The bit of a name [`Markers`] records.
fn marker_bit(name: &std::ffi::OsStr) -> Option<u8> {
    if name == ".git" {
        return Some(GIT);
    }
    let roots = crate::project::ROOT_FILES.iter();
    let configs = crate::project::CONFIG_FILES.iter();
    roots.chain(configs).position(|m| name == *m).map(|i| {
        if i < crate::project::ROOT_FILES.len() {
            1 << i
        } else {
            GIT << (i + 1 - crate::project::ROOT_FILES.len())
        }
    })
}

impl Markers {
    /// `dir` is being listed in full.
    fn listed(&mut self, dir: &Path) {
        self.dirs.entry(dir.to_path_buf()).or_insert(0);
    }

    /// `dir` could not be listed in full: ask the file system.
    fn unlisted(&mut self, dir: &Path) {
        self.dirs.remove(dir);
    }

    /// The walk met `abs` (named `name`; a file, symbolic links followed, or not).
    fn note(&mut self, abs: &Path, name: &std::ffi::OsStr, is_file: bool) {
        let Some(bit) = marker_bit(name) else {
            return;
        };
        if (is_file || bit == GIT)
            && let Some(dir) = abs.parent()
            && let Some(bits) = self.dirs.get_mut(dir)
        {
            *bits |= bit;
        }
    }

    /// Is `dir` a project root (see [`Project::is_root`])?
    fn is_root(&self, dir: &Path) -> bool {
        match self.dirs.get(dir) {
            Some(bits) => bits & (GIT - 1) != 0,
            None => Project::is_root(dir),
        }
    }

    /// Does `dir` hold a file `name` (one of the recorded names), if the walk listed it?
    pub(crate) fn has_file(&self, dir: &Path, name: &str) -> Option<bool> {
        let bit = marker_bit(name.as_ref())?;
        self.dirs.get(dir).map(|bits| bits & bit != 0)
    }

    /// Does `dir` hold `.git`?
    fn has_git(&self, dir: &Path) -> bool {
        match self.dirs.get(dir) {
            Some(bits) => bits & GIT != 0,
            None => dir.join(".git").exists(),
        }
    }
}

#[derive(Default)]
struct ProjectCache {
    by_dir: HashMap<PathBuf, Arc<Project>, foldhash::fast::RandomState>,
    markers: Markers,
    /// The directory asked last and its project (a directory's files come together).
    last: Option<(PathBuf, Arc<Project>)>,
}

impl ProjectCache {
    fn project_of(&mut self, abs_file: &Path, cwd: &Path) -> Arc<Project> {
        let dir = abs_file.parent().unwrap_or(Path::new("/"));
        if let Some((d, p)) = &self.last
            && d == dir
        {
            return p.clone();
        }
        let project = self.lookup(dir, cwd);
        self.last = Some((dir.to_path_buf(), project.clone()));
        project
    }

    fn lookup(&mut self, dir: &Path, cwd: &Path) -> Arc<Project> {
        if let Some(p) = self.by_dir.get(dir) {
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
            if self.markers.is_root(d) {
                found = Some(Arc::new(Project::load(d)));
                break;
            }
            if self.markers.has_git(d) {
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
pub(crate) fn absolute_in(p: &Path, cwd: &Path) -> PathBuf {
    if p.is_relative() && cwd.is_absolute() {
        absolute(&cwd.join(p))
    } else {
        absolute(p)
    }
}

fn slash(p: &Path) -> String {
    let mut out = String::with_capacity(p.as_os_str().len());
    for c in p.components() {
        let part = match c {
            std::path::Component::Normal(s) => s.to_string_lossy(),
            std::path::Component::ParentDir => "..".into(),
            _ => continue,
        };
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(&part);
    }
    out
}

/// The path relative to the working directory, with `/`.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    display_of(path, &absolute_in(path, cwd), cwd)
}

/// [`display_path`] given the path's absolute form `abs`.
fn display_of(path: &Path, abs: &Path, cwd: &Path) -> String {
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
    fn pages_and_templates_are_markup() {
        for name in [
            "views/settings.html",
            "templates/base.jinja2",
            "app/views/a.html.erb",
            "x.njk",
        ] {
            assert!(is_markup_file(Path::new(name)), "{name}");
        }
        for name in ["src/app.ts", "README.md", "Dockerfile", "index"] {
            assert!(!is_markup_file(Path::new(name)), "{name}");
        }
    }

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

    /// A `build` folder's JavaScript, Python and Rust are build output; its TypeScript (a
    /// bundler's plugins) is source and checked.
    #[test]
    fn build_folders_keep_their_typescript_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("build/static/js")).unwrap();
        std::fs::create_dir_all(root.join("build/lib/shop")).unwrap();
        std::fs::write(root.join("package.json"), r#"{"dependencies":{"pg":"8"}}"#).unwrap();
        std::fs::write(root.join("build/cdn-upload-plugin.ts"), "x").unwrap();
        std::fs::write(root.join("build/types.d.ts"), "x").unwrap();
        std::fs::write(root.join("build/static/js/main.4f2a.js"), "x").unwrap();
        std::fs::write(root.join("build/lib/shop/db.py"), "x = 1\n").unwrap();
        std::fs::write(root.join("build/Dockerfile"), "FROM node\n").unwrap();
        let d = discover(&[root.to_path_buf()], &WalkOptions::default()).unwrap();
        let rels: Vec<&str> = d.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, vec!["build/cdn-upload-plugin.ts"]);
        assert!(d.deploy_files.is_empty(), "{:?}", d.deploy_files);
        // Named, the folder is checked whole.
        let d = discover(&[root.join("build")], &WalkOptions::default()).unwrap();
        assert_eq!(d.files.len(), 3);
    }

    /// A folder pip installed packages into (it holds `*.dist-info`) is vendored code: skipped,
    /// unless it is the folder named.
    #[test]
    fn folders_of_installed_packages_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("libs/SQLAlchemy-2.0.37.dist-info")).unwrap();
        std::fs::create_dir_all(root.join("libs/sqlalchemy")).unwrap();
        std::fs::create_dir_all(root.join("app")).unwrap();
        std::fs::write(root.join("requirements.txt"), "flask\n").unwrap();
        std::fs::write(root.join("libs/sqlalchemy/engine.py"), "x = 1\n").unwrap();
        std::fs::write(root.join("libs/six.py"), "x = 1\n").unwrap();
        std::fs::write(root.join("app/main.py"), "x = 1\n").unwrap();
        let d = discover(&[root.to_path_buf()], &WalkOptions::default()).unwrap();
        let rels: Vec<&str> = d.files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, vec!["app/main.py"]);
        let d = discover(&[root.join("libs")], &WalkOptions::default()).unwrap();
        assert_eq!(d.files.len(), 2);
    }

    /// The projects found from what the walk listed are those `Project::is_root` finds, even
    /// where a manifest sorts after the sources, is a directory, or is a symbolic link.
    #[test]
    fn projects_from_the_walk_match_the_file_system() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        for d in ["a/sub", "b/requirements.txt", "c", "d/.git", "d/e"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        let files = [
            "a/index.ts",
            "a/package.json",
            "a/sub/x.py",
            "b/y.py",
            "c/lib.rs",
            "manifest.toml",
            "d/e/z.ts",
            "top.ts",
            "zz/package.json",
        ];
        std::fs::create_dir_all(root.join("zz")).unwrap();
        for f in files {
            std::fs::write(root.join(f), "x").unwrap();
        }
        std::fs::write(root.join("package.json"), "{}").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("manifest.toml"), root.join("c/Cargo.toml")).unwrap();
        let d = discover(std::slice::from_ref(&root), &WalkOptions::default()).unwrap();
        let got: Vec<(String, PathBuf)> = d
            .files
            .iter()
            .map(|f| (f.display.clone(), f.project.root.clone()))
            .collect();
        assert!(got.len() >= 6, "{got:?}");
        for f in &d.files {
            // What the probes of the file system say, walking up to `.git` or the filesystem.
            let abs = std::path::absolute(&f.path).unwrap();
            let expected = abs
                .ancestors()
                .skip(1)
                .take_while(|a| a.starts_with(dir.path()))
                .find(|a| Project::is_root(a));
            let stop = abs.ancestors().skip(1).find(|a| a.join(".git").exists());
            let expected = match (expected, stop) {
                (Some(e), Some(s)) if !e.starts_with(s) => None,
                (e, _) => e,
            };
            match expected {
                Some(e) => assert_eq!(f.project.root, e, "{}", f.display),
                None => assert!(
                    !f.project.root.starts_with(&root) || f.project.root == root,
                    "{}",
                    f.display
                ),
            }
        }
        let root_of = |name: &str| {
            d.files
                .iter()
                .find(|f| f.display.ends_with(name))
                .map(|f| f.project.root.clone())
                .unwrap()
        };
        assert_eq!(root_of("a/index.ts"), root.join("a"));
        assert_eq!(root_of("a/sub/x.py"), root.join("a"));
        #[cfg(unix)]
        assert_eq!(root_of("c/lib.rs"), root.join("c"));
        assert_eq!(root_of("b/y.py"), root, "b/requirements.txt is a directory");
        assert_eq!(root_of("top.ts"), root);
        assert_ne!(root_of("d/e/z.ts"), root, "d/.git ends the search");
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
        // A directory whose name is not UTF-8: listed once, its files not printed lossily.
        let dir = tempfile::tempdir().unwrap();
        let sub = dir
            .path()
            .join(std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9"));
        std::fs::create_dir_all(sub.join("api")).unwrap();
        std::fs::write(sub.join("api/route.ts"), "x").unwrap();
        std::fs::write(sub.join("db.py"), "x").unwrap();
        std::fs::write(dir.path().join("ok.ts"), "x").unwrap();
        let d = discover(&[dir.path().to_path_buf()], &WalkOptions::default()).unwrap();
        assert_eq!(d.files.len(), 1, "{:?}", d.files);
        assert_eq!(d.errors.len(), 1, "{:?}", d.errors);
        assert!(
            d.errors[0]
                .message
                .contains("directory name is not valid UTF-8")
        );
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

//! The pipeline: discover → read → front-end (parallel, rayon) → project pass → rules →
//! suppressions, selection and severities → sorted diagnostics.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::cache::FactCache;
use crate::callgraph::{CallGraph, Unit};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, FileError, Finding, Related, ResolvedEdit, Severity};
use crate::discover::{self, Discovered, WalkOptions};
use crate::facts::CheckedFile;
use crate::lang;
use crate::prefilter::{self, Prefilter};
use crate::project::Project;
use crate::rules::{self, ProjectCx, Rule};
use crate::source::SourceFile;
use crate::suppress::Suppressions;

/// The stack of the threads that parse (rayon's workers): see [`lang::WORKER_STACK`].
pub const WORKER_STACK: usize = lang::WORKER_STACK;

/// Give rayon's global pool [`WORKER_STACK`]-sized stacks (call once, before any parallel work;
/// the CLI and the language server do). Later calls, and a pool already built, are left alone.
pub fn init_worker_stacks() {
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .build_global();
}

/// Files larger than this are skipped with a note (generated bundles, dumps).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 * 1024 * 1024;

/// What a run checks and how.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Rules to run (ids); `None` = all. With [`Settings::nearest_config`], this replaces each
    /// configuration's `select` (a flag wins over a file).
    pub select: Option<Vec<&'static str>>,
    /// Rules not to run; added to each configuration's `ignore`.
    pub ignore: Vec<&'static str>,
    /// Severity overrides per rule id.
    pub severity: HashMap<&'static str, Severity>,
    pub walk: WalkOptions,
    pub max_file_size: u64,
    pub catalog: Arc<Catalog>,
    /// Worker threads; `None` = one per core.
    pub threads: Option<usize>,
    /// Skip parsing files that cannot contain a finding (see `prefilter.rs`).
    pub prefilter: bool,
    /// Also give each long-lived pool's share of its database's budget (the LSP's hover).
    pub pool_shares: bool,
    /// The configuration of files no configuration file governs (and of every file unless
    /// `nearest_config`): per-file ignores and budget (paths relative to its directory).
    pub config: Arc<Config>,
    /// Each file uses the configuration nearest to it (`connlint.toml`, `.connlint.toml`,
    /// `[tool.connlint]`), as the CLI does without `--config` / `--isolated`.
    pub nearest_config: bool,
    /// Where configurations are found and loaded, once per directory.
    pub resolver: Arc<crate::config::Resolver>,
    /// The incremental cache of per-file facts (`None`: parse every file).
    pub cache: Option<Arc<FactCache>>,
    /// Leave generated and minified files out, with a note (see [`crate::generated`]).
    pub skip_generated: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            select: None,
            ignore: Vec::new(),
            severity: HashMap::new(),
            walk: WalkOptions::default(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            catalog: Arc::new(Catalog::shared().clone()),
            threads: None,
            prefilter: true,
            pool_shares: false,
            config: Arc::new(Config::default()),
            nearest_config: false,
            resolver: Arc::new(crate::config::Resolver::new(crate::rules::NAMES)),
            cache: None,
            skip_generated: true,
        }
    }
}

impl Settings {
    /// Settings from a configuration file (CLI flags are applied on top by the caller).
    pub fn from_config(config: Config) -> Self {
        let mut walk = WalkOptions::default();
        if let Some(set) = &config.exclude {
            walk.exclude = Some(set.clone());
            walk.exclude_root = config.root().map(Path::to_path_buf);
        }
        Settings {
            catalog: Arc::new(config.catalog()),
            select: config.select.clone(),
            ignore: config.ignore.clone(),
            severity: config.severity.iter().map(|(k, v)| (*k, *v)).collect(),
            walk,
            config: Arc::new(config),
            ..Settings::default()
        }
    }

    /// Only `rule` enabled (tests, fixtures).
    pub fn only(rule: &'static str) -> Self {
        Settings {
            select: Some(vec![rule]),
            ..Settings::default()
        }
    }

    pub fn rules(&self) -> Vec<&'static dyn Rule> {
        rules::ALL
            .iter()
            .copied()
            .filter(|r| {
                self.select
                    .as_ref()
                    .is_none_or(|s| s.contains(&r.meta().id))
            })
            .filter(|r| !self.ignore.contains(&r.meta().id))
            .collect()
    }

    /// The effective settings of the files `config` governs (`None`: the base settings).
    fn profile(&self, config: Option<Arc<Config>>) -> Profile {
        let Some(config) = config else {
            return Profile {
                rules: self.rules().iter().map(|r| r.meta().id).collect(),
                severity: self.severity.clone(),
                catalog: self.catalog.clone(),
                context: catalog_key(&self.config),
                config: self.config.clone(),
            };
        };
        let select = self.select.clone().or_else(|| config.select.clone());
        let rules = rules::ALL
            .iter()
            .map(|r| r.meta().id)
            .filter(|id| select.as_ref().is_none_or(|s| s.contains(id)))
            .filter(|id| !self.ignore.contains(id) && !config.ignore.contains(id))
            .collect();
        let mut severity: HashMap<&'static str, Severity> =
            config.severity.iter().map(|(k, v)| (*k, *v)).collect();
        severity.extend(self.severity.iter().map(|(k, v)| (*k, *v)));
        let catalog = if config.clients.is_empty() {
            self.catalog.clone()
        } else {
            Arc::new(config.catalog())
        };
        Profile {
            rules,
            severity,
            catalog,
            context: catalog_key(&config),
            config,
        }
    }
}

/// The effective settings of the files one configuration governs.
#[derive(Debug, Clone)]
struct Profile {
    config: Arc<Config>,
    catalog: Arc<Catalog>,
    /// Rule ids enabled.
    rules: Vec<&'static str>,
    severity: HashMap<&'static str, Severity>,
    /// A hash of what this configuration changes in the facts (its catalogue additions).
    context: u128,
}

fn catalog_key(config: &Config) -> u128 {
    xxhash_rust::xxh3::xxh3_128(format!("{:?}", config.clients).as_bytes())
}

/// The profiles of a run and the profile of each file.
#[derive(Debug, Clone)]
struct Profiles {
    list: Vec<Profile>,
}

impl Profiles {
    /// Resolve the profile of every path (in order).
    fn resolve<'p>(
        settings: &Settings,
        paths: impl Iterator<Item = &'p Path>,
        known: crate::config::KnownFiles<'_>,
    ) -> Result<(Profiles, Vec<usize>), RunError> {
        let mut profiles = Profiles {
            list: vec![settings.profile(None)],
        };
        // A directory's files share its configuration: resolve once per run of them (the
        // walk gives a directory's files together).
        let mut last: Option<(&Path, usize)> = None;
        let of = paths
            .map(|p| {
                let dir = p.parent().unwrap_or(Path::new(""));
                match last {
                    Some((d, i)) if d == dir => Ok(i),
                    _ => {
                        let i = profiles.index_for(settings, p, known)?;
                        last = Some((dir, i));
                        Ok(i)
                    }
                }
            })
            .collect::<Result<_, _>>()?;
        Ok((profiles, of))
    }

    /// The profile of the file at `path` (0: the base settings), added when its configuration
    /// has none yet.
    fn index_for(
        &mut self,
        settings: &Settings,
        path: &Path,
        known: crate::config::KnownFiles<'_>,
    ) -> Result<usize, RunError> {
        if !settings.nearest_config {
            return Ok(0);
        }
        let Some(config) = settings
            .resolver
            .for_file_with(path, known)
            .map_err(RunError::Config)?
        else {
            return Ok(0);
        };
        if let Some(i) = self
            .list
            .iter()
            .skip(1)
            .position(|p| p.config.path == config.path)
        {
            return Ok(i + 1);
        }
        self.list.push(settings.profile(Some(config)));
        Ok(self.list.len() - 1)
    }

    /// The catalogue rules and the prefilter use: the base one, with every configuration's
    /// additions when several configurations add clients.
    fn union_catalog(&self, settings: &Settings) -> Arc<Catalog> {
        let extra: Vec<&Profile> = self
            .list
            .iter()
            .filter(|p| !Arc::ptr_eq(&p.catalog, &settings.catalog))
            .collect();
        match extra.as_slice() {
            [] => settings.catalog.clone(),
            [one] => one.catalog.clone(),
            _ => {
                let mut cat = (*settings.catalog).clone();
                let mut seen = BTreeSet::new();
                for p in extra {
                    for (lang, def) in &p.config.clients {
                        if seen.insert((lang.clone(), def.id.clone())) {
                            cat.add_client(lang, def.clone());
                        }
                    }
                }
                Arc::new(cat)
            }
        }
    }
}

pub use crate::diagnostic::Report;

/// A fatal error of a run (exit code 2).
#[derive(Debug)]
pub enum RunError {
    MissingPath(PathBuf),
    ThreadPool(String),
    /// A configuration file that cannot be used (shown with miette, pointing at the line).
    Config(Box<crate::config::ConfigError>),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::MissingPath(p) => write!(f, "{}: no such file or directory", p.display()),
            RunError::ThreadPool(e) => write!(f, "cannot start worker threads: {e}"),
            RunError::Config(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// The files of a run, read: those to report on and, for files named explicitly, the other
/// files of their projects (whose facts the project pass needs: a factory in `lib/`, the other
/// duplicate modules, the project's pools).
#[derive(Clone)]
pub struct Workset {
    pub sources: Vec<SourceFile>,
    /// Display paths of the files to report on; `None`: every file.
    pub requested: Option<BTreeSet<String>>,
    /// Files that could not be read (already limited to the requested ones).
    pub errors: Vec<FileError>,
    /// The profile of each source.
    profile_of: Vec<usize>,
    profiles: Arc<Profiles>,
    /// Deployment descriptions found on the walk (absolute paths).
    pub deploy_files: Vec<PathBuf>,
}

impl Workset {
    /// Replace the text of the source `display` (fixes, editor buffers).
    pub fn set_text(&mut self, display: &str, text: String) {
        if let Some(s) = self.sources.iter_mut().find(|s| s.display == display) {
            *s = s.with_text(text);
        }
    }
}

/// The directory whose files give an explicitly named file its context: the nearest ancestor
/// holding a project manifest (package.json, pyproject.toml, Cargo.toml, …) or `.git`.
pub fn context_root(file: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    abs.ancestors()
        .skip(1)
        .find(|d| Project::is_root(d) || d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Check files and directories.
pub fn check_paths(paths: &[PathBuf], settings: &Settings) -> Result<Report, RunError> {
    let mut work = read_workset(paths, None, settings, true)?;
    // A one-shot run holds the facts of the files it parses, not their texts: each is let go
    // once extracted and read again only if a finding, a fix or a code frame needs it.
    let sources = std::mem::take(&mut work.sources);
    run_in_pool(settings, || {
        check_sources_of(&work, sources, true, settings)
    })
}

/// Discover and read the files under `paths` (for `--fix`, which works on texts in memory).
/// Unreadable files are left out: there is nothing to fix in them.
pub fn load_sources(paths: &[PathBuf], settings: &Settings) -> Result<Vec<SourceFile>, RunError> {
    Ok(load_workset(paths, None, settings)?.sources)
}

/// Discover and read what checking `paths` needs. Files named explicitly bring the other files
/// of their project (see [`context_root`]) as context; only the files named, and the files under
/// directories named, are reported on. `overlay` is a buffer (`--stdin-filename`, an editor)
/// read in place of the file at its path, which need not exist.
pub fn load_workset(
    paths: &[PathBuf],
    overlay: Option<(&Path, &str)>,
    settings: &Settings,
) -> Result<Workset, RunError> {
    read_workset(paths, overlay, settings, false)
}

/// [`load_workset`]; with `defer`, the texts of the files the prefilter's first round passes by
/// are let go as they are read (what its later rounds need is kept: the size and the imports),
/// so that a run holds the texts of the files it parses, not of the whole tree (and a one-shot
/// check lets go of those too once their facts are extracted: see [`check_paths`]). A one-shot
/// check defers; the editor and `--fix`, which keep or rewrite texts, do not.
fn read_workset(
    paths: &[PathBuf],
    overlay: Option<(&Path, &str)>,
    settings: &Settings,
    defer: bool,
) -> Result<Workset, RunError> {
    // The working directory, asked once (`std::path::absolute` asks it for every path).
    let cwd = std::env::current_dir().unwrap_or_default();
    let abs = |p: &Path| discover::absolute_in(p, &cwd);
    let dirs: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| abs(p))
        .collect();
    let mut explicit: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !p.is_dir())
        .map(|p| abs(p))
        .collect();
    if let Some((p, _)) = overlay {
        explicit.push(abs(p));
    }
    // Project roots of explicit files that no directory argument already covers.
    let mut roots: Vec<PathBuf> = Vec::new();
    for f in &explicit {
        if let Some(root) = context_root(f)
            && !dirs.iter().any(|d| root.starts_with(d))
            && !roots.contains(&root)
        {
            roots.push(root);
        }
    }
    let mut walk_paths: Vec<PathBuf> = paths.to_vec();
    if let Some((p, _)) = overlay
        && !p.exists()
    {
        // A new buffer: nothing on disk to discover.
        walk_paths.retain(|q| q != p);
    }
    walk_paths.extend(roots.iter().cloned());
    let found =
        discover::discover(&walk_paths, &settings.walk).map_err(|m| RunError::MissingPath(m.0))?;
    let mut files = found.files;
    let deploy_files = found.deploy_files;
    if let Some((p, _)) = overlay
        && !files.iter().any(|d| abs(&d.path) == abs(p))
        && let Some(d) = discovered(p)
    {
        files.push(d);
    }
    // Which files are reported on: all, unless context was added.
    let is_requested = |path: &Path| {
        let a = abs(path);
        explicit.contains(&a) || dirs.iter().any(|d| a.starts_with(d))
    };
    let requested: Option<BTreeSet<String>> = (!roots.is_empty()).then(|| {
        files
            .iter()
            .filter(|d| is_requested(&d.path))
            .map(|d| d.display.clone())
            .collect()
    });
    let known = |dir: &Path, name: &str| found.markers.has_file(dir, name);
    let (profiles, profile_of) =
        Profiles::resolve(settings, files.iter().map(|d| d.path.as_path()), &known)?;
    // A configuration's `exclude` applies to the files it governs (paths relative to it).
    let mut kept = Vec::with_capacity(files.len());
    for (d, p) in files.into_iter().zip(profile_of) {
        let config = &profiles.list[p].config;
        if p != 0 && config_excludes(config, &d.path) {
            continue;
        }
        kept.push((d, p));
    }
    let overlay_abs = overlay.map(|(p, t)| (abs(p), t));
    let prefilter = (defer && settings.prefilter)
        .then(|| Prefilter::for_catalog(&profiles.union_catalog(settings)));
    // With the cache, what is kept of a passed-by file is stored under its metadata: a warm run
    // does not read it at all.
    let stat_cache = settings.cache.as_deref().filter(|_| prefilter.is_some());
    let stat_context: HashMap<PathBuf, u128> = kept
        .iter()
        .map(|(d, _)| (d.project.root.clone(), d.project.clone()))
        .collect::<HashMap<_, _>>()
        .into_iter()
        .map(|(root, project)| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            h.update(format!("{project:?}").as_bytes());
            if let Some(pf) = &prefilter {
                h.update(&pf.id.to_le_bytes());
            }
            h.update(&settings.max_file_size.to_le_bytes());
            (root, h.digest128())
        })
        .collect();
    let deferred_source = |d: Discovered, deferred: crate::source::Deferred| {
        let mut source =
            SourceFile::new(d.path, d.display, d.rel, d.lang, String::new(), d.project);
        source.deferred = Some(Arc::new(deferred));
        source
    };
    // The imports kept of the files passed by, one list per distinct module: most files of a
    // project import the same few modules.
    let interned: Mutex<HashSet<Arc<[String]>>> = Mutex::new(HashSet::new());
    let intern = |keys: Arc<[String]>| -> Arc<[String]> {
        let Ok(mut set) = interned.lock() else {
            return keys;
        };
        if let Some(k) = set.get(&keys) {
            return k.clone();
        }
        set.insert(keys.clone());
        keys
    };
    let read: Vec<Result<(SourceFile, usize), FileError>> = kept
        .into_par_iter()
        .map(|(d, p)| {
            let is_overlay = overlay_abs
                .as_ref()
                .is_some_and(|(o, _)| *o == abs(&d.path));
            let stat_key = stat_cache.filter(|_| !is_overlay).and_then(|_| {
                let meta = std::fs::metadata(&d.path).ok()?;
                let context = stat_context
                    .get(&d.project.root)
                    .copied()
                    .unwrap_or_default();
                crate::cache::FactCache::stat_key(&abs(&d.path), &meta, context)
            });
            if let (Some(cache), Some(key)) = (stat_cache, stat_key)
                && let Some(mut deferred) = cache.get_passed_by(key)
            {
                for m in &mut deferred.imports {
                    *m = intern(m.clone());
                }
                return Ok((deferred_source(d, deferred), p));
            }
            let text = match &overlay_abs {
                Some((o, t)) if *o == abs(&d.path) => t.to_string(),
                _ => read_text(&d.path, settings.max_file_size)
                    .map_err(|message| FileError::new(d.display.clone(), message))?,
            };
            if let Some(pf) = &prefilter
                && !pf.triggers(d.lang, &text)
                // A suppression comment is checked even in a file nothing else is found in.
                && memchr::memmem::find(text.as_bytes(), b"connlint").is_none()
                && let Some(imports) = lang::scan_imports_of(d.lang, &d.rel, &text)
            {
                let mut imports: Vec<Arc<[String]>> =
                    imports.into_iter().map(|m| intern(m.candidates)).collect();
                // Held for every file passed by, to the later rounds: no room to grow.
                imports.shrink_to_fit();
                let deferred = crate::source::Deferred {
                    bytes: text.len() as u64,
                    imports,
                };
                drop(text);
                if let (Some(cache), Some(key)) = (stat_cache, stat_key) {
                    cache.put_passed_by(key, &deferred);
                }
                return Ok((deferred_source(d, deferred), p));
            }
            if settings.skip_generated
                && let Some(why) = crate::generated::reason(&d.rel, &text)
            {
                return Err(FileError {
                    deliberate: true,
                    ..FileError::new(
                        d.display.clone(),
                        format!("skipped: {why} (--no-skip-generated checks it)"),
                    )
                });
            }
            Ok((
                SourceFile::new(d.path, d.display, d.rel, d.lang, text, d.project),
                p,
            ))
        })
        .collect();
    let mut sources = Vec::new();
    let mut profile_of = Vec::new();
    let mut errors = found.errors;
    for r in read {
        match r {
            Ok((s, p)) => {
                sources.push(s);
                profile_of.push(p);
            }
            Err(e) => errors.push(e),
        }
    }
    if let Some(req) = &requested {
        // Context files' problems are not the user's question; discovery errors under a
        // directory argument are.
        errors.retain(|e| req.contains(&e.path) || is_requested(Path::new(&e.path)));
    }
    // Manifests that could not be used, once per project of a file asked about: the project's
    // context (framework, dependencies) is incomplete, and the findings may be too.
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut seen_projects = BTreeSet::new();
    for s in &sources {
        if requested.as_ref().is_some_and(|r| !r.contains(&s.display))
            || !seen_projects.insert(s.project.root.clone())
        {
            continue;
        }
        for p in &s.project.problems {
            errors.push(FileError {
                path: discover::display_path(&s.project.root.join(&p.file), &cwd),
                line: p.line,
                column: p.column,
                message: p.message.clone(),
                deliberate: false,
            });
        }
    }
    Ok(Workset {
        sources,
        requested,
        errors,
        profile_of,
        profiles: Arc::new(profiles),
        deploy_files,
    })
}

/// The file at `path` as a walk would find it (language, project, display and project-relative
/// paths), whether or not it exists on disk (a new editor buffer).
pub fn discovered(path: &Path) -> Option<Discovered> {
    let lang = crate::source::Lang::from_path(path)?;
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let project = context_root(path)
        .filter(|r| Project::is_root(r))
        .map(|r| Arc::new(Project::load(&r)))
        .unwrap_or_else(|| Arc::new(Project::detached(cwd.clone())));
    let a = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let rel = a
        .strip_prefix(&project.root)
        .map(|r| r.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| discover::display_path(path, &cwd));
    Some(Discovered {
        path: path.to_path_buf(),
        display: discover::display_path(path, &cwd),
        rel,
        lang,
        project,
    })
}

impl Workset {
    /// The source read from `path` (compared as absolute paths).
    pub fn find(&self, path: &Path) -> Option<&SourceFile> {
        let a = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.sources
            .iter()
            .find(|s| std::path::absolute(&s.path).is_ok_and(|p| p == a))
    }

    /// Put `text` in place of the file at `path`, adding the file when the workset does not hold
    /// it yet (a new buffer). Returns `false` when connlint does not read such a file.
    pub fn upsert(&mut self, path: &Path, text: String, settings: &Settings) -> bool {
        if let Some(display) = self.find(path).map(|s| s.display.clone()) {
            self.set_text(&display, text);
            return true;
        }
        let Some(d) = discovered(path) else {
            return false;
        };
        // A configuration that cannot be loaded leaves the file with the base settings.
        let profile = Arc::make_mut(&mut self.profiles)
            .index_for(settings, path, &|_, _| None)
            .unwrap_or(0);
        self.sources.push(SourceFile::new(
            d.path, d.display, d.rel, d.lang, text, d.project,
        ));
        self.profile_of.push(profile);
        true
    }

    /// A copy holding only the sources `keep` accepts (the projects of an editor's open files).
    pub fn subset(&self, keep: impl Fn(&SourceFile) -> bool) -> Workset {
        let mut sources = Vec::new();
        let mut profile_of = Vec::new();
        for (s, p) in self.sources.iter().zip(&self.profile_of) {
            if keep(s) {
                sources.push(s.clone());
                profile_of.push(*p);
            }
        }
        Workset {
            sources,
            requested: self.requested.clone(),
            errors: Vec::new(),
            profile_of,
            profiles: self.profiles.clone(),
            deploy_files: self.deploy_files.clone(),
        }
    }

    /// Drop the file at `path` (deleted on disk).
    pub fn remove(&mut self, path: &Path) {
        let a = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let keep: Vec<bool> = self
            .sources
            .iter()
            .map(|s| std::path::absolute(&s.path).map_or(true, |p| p != a))
            .collect();
        let mut k = keep.iter();
        self.sources.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        self.profile_of.retain(|_| *k.next().unwrap_or(&true));
    }
}

/// Does `config`'s `exclude` match `path` (relative to the config's directory, or any of the
/// path's components)?
fn config_excludes(config: &Config, path: &Path) -> bool {
    let Some(set) = &config.exclude else {
        return false;
    };
    let rel = config_relative(path, config.root());
    set.is_match(&rel)
        || Path::new(&rel)
            .components()
            .any(|c| set.is_match(c.as_os_str()))
}

/// Check one in-memory buffer (LSP, `--stdin-filename`, tests). `path` decides the language and
/// the project; the project's other files on disk give it its context (a factory it calls, the
/// other modules keeping a client), and only the buffer is reported on.
pub fn check_source(path: &Path, text: &str, settings: &Settings) -> Report {
    match load_workset(&[], Some((path, text)), settings) {
        Ok(work) => check_workset(&work, settings),
        Err(e) => Report {
            errors: vec![FileError::new(
                discover::display_path(path, &std::env::current_dir().unwrap_or_default()),
                e.to_string(),
            )],
            ..Report::default()
        },
    }
}

/// Check already-loaded sources as one run (tests and the LSP); every source is reported on.
pub fn check_sources(sources: Vec<SourceFile>, settings: &Settings) -> Report {
    check_workset(&Workset::of_sources(sources, settings), settings)
}

impl Workset {
    /// A workset of loaded sources, every one reported on. A configuration that cannot be
    /// loaded leaves its files with the base settings and is listed under the errors.
    pub fn of_sources(sources: Vec<SourceFile>, settings: &Settings) -> Workset {
        let (profiles, profile_of, errors) = match Profiles::resolve(
            settings,
            sources.iter().map(|s| s.path.as_path()),
            &|_, _| None,
        ) {
            Ok((p, of)) => (p, of, Vec::new()),
            Err(e) => {
                let no_config = Settings {
                    nearest_config: false,
                    ..settings.clone()
                };
                let n = sources.len();
                let base = Profiles {
                    list: vec![no_config.profile(None)],
                };
                (
                    base,
                    vec![0; n],
                    vec![FileError::new(String::new(), e.to_string())],
                )
            }
        };
        Workset {
            sources,
            requested: None,
            errors,
            profile_of,
            profiles: Arc::new(profiles),
            deploy_files: Vec::new(),
        }
    }
}

/// Check a [`Workset`]: parse (prefiltered, cached), run the project pass and the rules, and
/// report on the requested files.
pub fn check_workset(work: &Workset, settings: &Settings) -> Report {
    check_sources_of(work, work.sources.clone(), false, settings)
}

/// [`check_workset`] over `sources` (the workset's, or taken from it); with `release`, each
/// text is let go once its facts are extracted (see [`crate::source::Text`]).
fn check_sources_of(
    work: &Workset,
    sources: Vec<SourceFile>,
    release: bool,
    settings: &Settings,
) -> Report {
    let catalog = work.profiles.union_catalog(settings);
    let started = std::time::Instant::now();
    let (files, mut errors, mut stats) = extract_all(work, sources, release, &catalog, settings);
    stats.extract_secs = started.elapsed().as_secs_f64();
    let started = std::time::Instant::now();
    let mut report = run_rules(files, work, &catalog, settings.pool_shares);
    stats.project_secs = started.elapsed().as_secs_f64();
    report.stats = stats;
    errors.extend(work.errors.iter().cloned());
    if let Some(req) = &work.requested {
        errors.retain(|e| req.contains(&e.path) || work.errors.contains(e));
    }
    errors.append(&mut report.errors);
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    errors.dedup();
    report.errors = errors;
    report
}

fn run_in_pool<T: Send>(settings: &Settings, f: impl FnOnce() -> T + Send) -> Result<T, RunError> {
    match settings.threads {
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .stack_size(WORKER_STACK)
                .build()
                .map_err(|e| RunError::ThreadPool(e.to_string()))?;
            Ok(pool.install(f))
        }
        None => Ok(f()),
    }
}

fn extract(source: &SourceFile, catalog: &Catalog) -> Result<crate::facts::FileFacts, FileError> {
    // Nothing a file contains may end the run: a panic in a front-end is this file's error, and
    // so is a file that takes longer than its budget (see `lang::budget`).
    let budget = lang::budget::for_len(source.text.len());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _deadline = lang::budget::Deadline::start(budget);
        lang::extract(source, catalog).map(|mut facts| {
            facts.entry_script = lang::is_entry_script(source);
            facts
        })
    }))
    .unwrap_or_else(|payload| {
        let message = if payload.is::<lang::budget::OverBudget>() {
            format!(
                "skipped: took longer than its budget of {:.1} s (a pathological file?)",
                budget.as_secs_f64()
            )
        } else {
            "internal error in the parser (please report this file)".into()
        };
        Err(lang::ParseError {
            message,
            span: None,
        })
    });
    result.map_err(|e| {
        let at = e.span.map(|s| source.position(s.start));
        FileError {
            path: source.display.clone(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
            message: if e.message.starts_with("skipped") {
                e.message
            } else {
                format!("cannot parse: {}", e.message)
            },
            deliberate: false,
        }
    })
}

/// Extract through the cache: facts of an unchanged file (same text, path, project context and
/// configuration, same connlint build) are read back instead of parsed.
fn extract_cached(
    source: &SourceFile,
    profile: &Profile,
    project_keys: &HashMap<PathBuf, u128>,
    cache: Option<&FactCache>,
) -> Result<crate::facts::FileFacts, FileError> {
    let Some(cache) = cache else {
        return extract(source, &profile.catalog);
    };
    let project = project_keys
        .get(&source.project.root)
        .copied()
        .unwrap_or_default();
    let key = FactCache::key(source, project ^ profile.context);
    if let Some(facts) = cache.get(key) {
        return Ok(facts);
    }
    let facts = extract(source, &profile.catalog)?;
    cache.put(key, &facts);
    Ok(facts)
}

/// Read a file as text, refusing binary, non-UTF-8 and oversized files.
pub(crate) fn read_text(path: &Path, max: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        // `app/zero.ts -> /dev/zero`, a FIFO named `pipe.ts`: never opened.
        return Err("skipped: not a regular file (a FIFO, a device or a socket)".to_string());
    }
    if meta.len() > max {
        return Err(format!(
            "skipped: {} bytes is over the {} byte limit",
            meta.len(),
            max
        ));
    }
    let bytes =
        crate::readfile::read_regular(path, max).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("skipped: UTF-16 text (connlint reads UTF-8; re-encode the file)".to_string());
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("skipped: binary file".to_string());
    }
    // Every file found is read and checked, most only to be passed by: validation by SIMD (std's
    // was 2-3 % of a run's CPU).
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        let at = simdutf8::compat::from_utf8(&bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        return Err(format!("skipped: not valid UTF-8 (byte {at})"));
    }
    // SAFETY: `bytes` was just checked to be UTF-8.
    let mut text = unsafe { String::from_utf8_unchecked(bytes) };
    if text.starts_with('\u{feff}') {
        // Positions are reported as editors show them, without the BOM; `--fix` re-reads the
        // file and keeps its BOM.
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// A checked file and the profile it is judged by.
struct Checked {
    file: CheckedFile,
    profile: usize,
}

fn extract_all(
    work: &Workset,
    sources: Vec<SourceFile>,
    release: bool,
    catalog: &Catalog,
    settings: &Settings,
) -> (Vec<Checked>, Vec<FileError>, crate::diagnostic::RunStats) {
    let mut stats = crate::diagnostic::RunStats {
        files_read: sources.len(),
        bytes_read: sources
            .iter()
            .map(|s| s.deferred.as_ref().map_or(s.text.len() as u64, |d| d.bytes))
            .sum(),
        ..Default::default()
    };
    // Parse only the files the prefilter lets through.
    let prefilter = settings.prefilter.then(|| Prefilter::for_catalog(catalog));
    let project_keys: HashMap<PathBuf, u128> = sources
        .iter()
        .map(|s| (s.project.root.clone(), s.project.clone()))
        .collect::<HashMap<_, _>>()
        .into_iter()
        .map(|(root, p)| {
            (
                root,
                xxhash_rust::xxh3::xxh3_128(format!("{p:?}").as_bytes()),
            )
        })
        .collect();
    let cache = settings.cache.as_deref();
    let profiles = &work.profiles.list;
    // A suppression comment is read by every run: a file holding one keeps its text.
    let let_go = |source: SourceFile| {
        if release && source.deferred.is_none() && !crate::suppress::mentions(&source.text) {
            let entry_script = lang::is_entry_script(&source);
            source.released(entry_script)
        } else {
            source
        }
    };
    let parse = |(source, profile): (SourceFile, usize)| -> Result<Checked, FileError> {
        let mut facts = extract_cached(&source, &profiles[profile], &project_keys, cache)?;
        facts.shrink();
        Ok(Checked {
            file: CheckedFile {
                source: let_go(source),
                facts: Arc::new(facts),
            },
            profile,
        })
    };
    let triggered: Vec<bool> = sources
        .par_iter()
        .map(|s| {
            s.deferred.is_none()
                && prefilter
                    .as_ref()
                    .is_none_or(|p| p.triggers(s.lang, &s.text))
        })
        .collect();
    let mut errors = Vec::new();
    let mut pending: Vec<(SourceFile, usize)> = Vec::new();
    let mut first: Vec<(SourceFile, usize)> = Vec::new();
    let imported = lang::imported_by_app(&sources);
    for (((mut s, p), t), imported) in sources
        .into_iter()
        .zip(&work.profile_of)
        .zip(triggered)
        .zip(imported)
    {
        s.imported_by_app = imported;
        if t {
            first.push((s, *p));
        } else {
            pending.push((s, *p));
        }
    }
    // Every file read ends up here (the unparsed with empty facts): sized once, not by doubling.
    let mut files: Vec<Checked> = Vec::with_capacity(first.len() + pending.len());
    let mut known = BTreeSet::new();
    // The reaching names of each file of `files` (see `prefilter::reaching_names`).
    let mut reaching: Vec<BTreeSet<String>> = Vec::new();
    let mut batch = first;
    // What each pending file imports, scanned once, when first needed (`None`: a language whose
    // later rounds go by names only).
    let mut pending_imports: Vec<Option<Vec<crate::facts::ModuleRef>>> = Vec::new();
    let mut stems: BTreeSet<String> = BTreeSet::new();
    let mut followed_stems: BTreeSet<String> = BTreeSet::new();
    let mut scanned = false;
    // Round 1 parses the triggered files; later rounds parse the files that import a module
    // through which a client is reached (and name what it exports), or, in Rust, that mention
    // such a function, until nothing new is found.
    loop {
        stats.parsed_per_round.push(batch.len());
        stats.bytes_parsed += batch.iter().map(|(s, _)| s.text.len() as u64).sum::<u64>();
        stats
            .parsed_paths
            .extend(batch.iter().map(|(s, _)| s.display.clone()));
        let parsed: Vec<Result<Checked, FileError>> = batch.into_par_iter().map(parse).collect();
        for r in parsed {
            match r {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        // Names through which a client is reached, to a fixpoint over every parsed file, and
        // each file's own reaching names (for the targets). A file's reaching names depend on
        // the names known only through the names it calls: the files of earlier rounds are
        // asked again only when a name they call is added.
        let mut names = known.clone();
        let new: Vec<BTreeSet<String>> = files[reaching.len()..]
            .par_iter()
            .map(|f| prefilter::reaching_names(&f.file.facts, &names))
            .collect();
        reaching.extend(new);
        let mut added: BTreeSet<String> = reaching
            .iter()
            .flatten()
            .filter(|n| !names.contains(*n))
            .cloned()
            .collect();
        while !added.is_empty() {
            names.extend(added.iter().cloned());
            let again: Vec<(usize, BTreeSet<String>)> = files
                .par_iter()
                .enumerate()
                .filter(|(_, f)| f.file.facts.calls.iter().any(|c| added.contains(&c.name)))
                .map(|(i, f)| (i, prefilter::reaching_names(&f.file.facts, &names)))
                .collect();
            added.clear();
            for (i, r) in again {
                added.extend(r.iter().filter(|n| !names.contains(*n)).cloned());
                reaching[i] = r;
            }
        }
        let per_file = reaching.iter();
        // Rust files are followed by name: a module keeping a client is named by its stem
        // where it is used (`db::POOL`), and counts for duplicate-client-module.
        for f in files
            .iter()
            .filter(|f| f.file.source.lang == crate::source::Lang::Rs)
        {
            let facts = &f.file.facts;
            let keeps_client = facts
                .clients
                .iter()
                .any(|c| c.scope.kind == crate::facts::ScopeKind::Module || c.guard.is_guarded());
            if let Some(stem) = keeps_client
                .then(|| facts.module_keys.first())
                .flatten()
                .and_then(|k| k.rsplit('/').next())
                && stem.len() >= 2
            {
                stems.insert(stem.to_string());
            }
        }
        let mut fresh: BTreeSet<String> = names.difference(&known).cloned().collect();
        fresh.extend(stems.difference(&followed_stems).cloned());
        followed_stems.clone_from(&stems);
        known = names;
        if pending.is_empty() {
            break;
        }
        if !scanned {
            // A file let go hands over the imports it kept (not needed after this scan).
            pending_imports = pending
                .par_iter_mut()
                .map(|(s, _)| match s.deferred.as_mut().and_then(Arc::get_mut) {
                    Some(d) => Some(
                        std::mem::take(&mut d.imports)
                            .into_iter()
                            .map(|candidates| crate::facts::ModuleRef { candidates })
                            .collect(),
                    ),
                    None => lang::scan_imports(s),
                })
                .collect();
            scanned = true;
        }
        let targets = prefilter::Targets::of(files.iter().map(|f| &f.file).zip(per_file));
        let matcher = prefilter::NameMatcher::new(&fresh);
        // A file let go is read again when its imports make it a candidate: as a hit, or to
        // see whether it names what its import exports.
        let read_again = |s: &SourceFile| -> Result<String, FileError> {
            read_text(&s.path, settings.max_file_size)
                .map_err(|message| FileError::new(s.display.clone(), message))
        };
        let reread = |s: &SourceFile| read_again(s).map(|t| s.with_text(t));
        let decided: Vec<(bool, Option<Result<SourceFile, FileError>>)> = pending
            .par_iter()
            .zip(&pending_imports)
            .map(|((s, _), imports)| match imports {
                Some(imports) => match targets.import_match(s, imports) {
                    prefilter::ImportMatch::None => (false, None),
                    prefilter::ImportMatch::Any => (true, s.deferred.as_ref().map(|_| reread(s))),
                    prefilter::ImportMatch::Names(idx) => {
                        if s.deferred.is_none() {
                            return (targets.names_in(&idx, &s.text), None);
                        }
                        // Only a file that names what it imports is made a source again.
                        match read_again(s) {
                            Ok(text) => {
                                let wanted = targets.names_in(&idx, &text);
                                (wanted, wanted.then(|| Ok(s.with_text(text))))
                            }
                            Err(e) => (true, Some(Err(e))),
                        }
                    }
                },
                None => (matcher.matches(&s.text), None),
            })
            .collect();
        let mut hit = Vec::new();
        let mut rest = Vec::new();
        let mut rest_imports = Vec::new();
        for ((p, imports), (h, read)) in pending.into_iter().zip(pending_imports).zip(decided) {
            if !h {
                rest.push(p);
                rest_imports.push(imports);
                continue;
            }
            match read {
                Some(Ok(f)) => hit.push((f, p.1)),
                Some(Err(e)) => errors.push(e),
                None => hit.push(p),
            }
        }
        pending = rest;
        pending_imports = rest_imports;
        if hit.is_empty() {
            break;
        }
        batch = hit;
    }
    // Unparsed files were still read and checked: they count, with empty facts, except for
    // what they import (scanned for the later rounds), so that the import graph runs through
    // them: `app/main.py` imports `app/routes.py`, which imports the engine's module
    // (`connlint budget` follows a process from its entry point).
    let no_facts = Arc::new(crate::facts::FileFacts::default());
    if !scanned {
        pending_imports = vec![None; pending.len()];
    }
    for ((source, profile), imports) in pending.into_iter().zip(pending_imports) {
        let facts = match imports {
            Some(imports) if !imports.is_empty() => Arc::new(crate::facts::FileFacts {
                module_keys: lang::modules::module_keys(&source.rel, source.lang),
                imports,
                ..Default::default()
            }),
            _ => no_facts.clone(),
        };
        files.push(Checked {
            file: CheckedFile {
                source: let_go(source),
                facts,
            },
            profile,
        });
    }
    // Display paths are unique: an unstable sort needs no scratch copy of the list.
    files.sort_unstable_by(|a, b| a.file.source.display.cmp(&b.file.source.display));
    for f in &files {
        let source = &f.file.source;
        for note in &f.file.facts.notes {
            let at = source.position(note.span.start);
            errors.push(FileError {
                path: source.display.clone(),
                line: Some(at.line),
                column: Some(at.column),
                message: note.message.clone(),
                deliberate: false,
            });
        }
    }
    (files, errors, stats)
}

/// The call graph of `files`, by project: calls never cross projects.
fn project_graph(files: &[CheckedFile]) -> CallGraph {
    let mut project_ids: HashMap<PathBuf, usize> = HashMap::new();
    let units: Vec<Unit<'_>> = files
        .iter()
        .map(|f| {
            let n = project_ids.len();
            let project = *project_ids
                .entry(f.source.project.root.clone())
                .or_insert(n);
            Unit {
                project,
                facts: &f.facts,
            }
        })
        .collect();
    CallGraph::build(&units)
}

/// The connection budget of `paths` (`connlint budget`): the same facts and deployment
/// descriptions as a check, the same computation as `oversized-pool`'s project total.
pub fn budget_paths(
    paths: &[PathBuf],
    settings: &Settings,
) -> Result<crate::budget::Budget, RunError> {
    let work = read_workset(paths, None, settings, true)?;
    run_in_pool(settings, || {
        let catalog = work.profiles.union_catalog(settings);
        let (checked, _, _) = extract_all(&work, work.sources.clone(), false, &catalog, settings);
        let (files, profile_of): (Vec<CheckedFile>, Vec<usize>) =
            checked.into_iter().map(|c| (c.file, c.profile)).unzip();
        let configs: Vec<&Config> = profile_of
            .iter()
            .map(|p| work.profiles.list[*p].config.as_ref())
            .collect();
        let graph = project_graph(&files);
        let memo = crate::exports::Memo::new(files.len());
        let deployment = deployment_of(&work, &files, &configs);
        let cx = ProjectCx {
            files: &files,
            graph: &graph,
            catalog: &catalog,
            configs: &configs,
            suppressions: &[],
            memo: &memo,
            deployment: &deployment,
        };
        crate::budget::compute(&cx)
    })
}

fn run_rules(checked: Vec<Checked>, work: &Workset, catalog: &Catalog, shares: bool) -> Report {
    let (files, profile_of): (Vec<CheckedFile>, Vec<usize>) =
        checked.into_iter().map(|c| (c.file, c.profile)).unzip();
    let profiles = &work.profiles.list;
    let configs: Vec<&Config> = profile_of
        .iter()
        .map(|p| profiles[*p].config.as_ref())
        .collect();
    let graph = project_graph(&files);
    let memo = crate::exports::Memo::new(files.len());
    let deployment = deployment_of(work, &files, &configs);
    let cx = ProjectCx {
        files: &files,
        graph: &graph,
        catalog,
        configs: &configs,
        suppressions: &[],
        memo: &memo,
        deployment: &deployment,
    };
    // Every rule some file enables; each finding is then judged by its own file's profile.
    let used: BTreeSet<usize> = profile_of.iter().copied().collect();
    let enabled: Vec<&'static dyn Rule> = rules::ALL
        .iter()
        .copied()
        .filter(|r| {
            used.iter()
                .any(|p| profiles[*p].rules.contains(&r.meta().id))
        })
        .collect();
    let (judges, others): (Vec<&dyn Rule>, Vec<&dyn Rule>) = enabled
        .into_iter()
        .partition(|r| rules::judges_suppressions(r.meta().id));
    let mut findings: Vec<Finding> = others
        .par_iter()
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            rule.check(&cx, &mut out);
            out
        })
        .collect();

    let mut suppressions: Vec<Suppressions> = files
        .par_iter()
        .zip(&profile_of)
        .map(|(f, p)| {
            let found = Suppressions::scan(&f.source);
            // Which rules ran matters only to a file's comments (most files have none).
            if found.items.is_empty() {
                return found;
            }
            Suppressions {
                ran: rules_ran_on(f, &profiles[*p]),
                ..found
            }
        })
        .collect();
    let requested = |f: &CheckedFile| {
        work.requested
            .as_ref()
            .is_none_or(|r| r.contains(&f.source.display))
    };
    // The suppression rules judge the comments by what was suppressed before them.
    run_judges(&judges, &cx, &mut suppressions, &mut findings);
    let checked: Vec<String> = files
        .iter()
        .filter(|f| requested(f))
        .map(|f| f.source.display.clone())
        .collect();
    let mut report = Report {
        files_checked: checked.len(),
        checked,
        ..Report::default()
    };
    if shares {
        report.pools = crate::budget::shares(&crate::budget::compute(&cx))
            .into_iter()
            .filter(|(fi, _, _)| files.get(*fi).is_some_and(&requested))
            .map(|(fi, span, text)| crate::diagnostic::PoolShare {
                path: files[fi].source.display.clone(),
                span,
                text,
            })
            .collect();
    }
    for f in findings {
        let Some(rule) = rules::lookup(f.rule) else {
            continue;
        };
        let file = &files[f.file];
        let profile = &profiles[profile_of[f.file]];
        if !requested(file) || !profile.rules.contains(&f.rule) {
            continue;
        }
        // A text let go and changed on disk since: its spans no longer hold (see `Text`).
        let stale = |i: &usize| files.get(*i).is_some_and(|f| f.source.text.is_stale());
        let involved = std::iter::once(&f.file)
            .chain(f.related.iter().map(|(i, _, _)| i))
            .chain(
                f.fix
                    .iter()
                    .flat_map(|x| x.related_edits.iter().map(|(i, _)| i)),
            );
        if let Some(changed) = involved.into_iter().find(|i| stale(i)) {
            report.errors.push(FileError::new(
                files[*changed].source.display.clone(),
                "changed on disk during the run: its findings are left out (check it again)"
                    .to_string(),
            ));
            continue;
        }
        let line = file.source.lines().line_of(f.span.start);
        if suppressions[f.file].is_suppressed(
            f.rule,
            rule.meta().code,
            line,
            rules::judges_suppressions(f.rule),
        ) {
            continue;
        }
        let config = &profile.config;
        if !config.per_file_ignores.is_empty() {
            let rel = config_relative(&file.source.path, config.root());
            if config.ignored_for(&rel).contains(&f.rule) {
                continue;
            }
        }
        let severity = profile.severity.get(f.rule).copied().unwrap_or(f.severity);
        report
            .sources
            .entry(file.source.display.clone())
            .or_insert_with(|| file.source.text.arc());
        let related = f
            .related
            .iter()
            .map(|(fi, span, message)| {
                let rf = &files[*fi];
                report
                    .sources
                    .entry(rf.source.display.clone())
                    .or_insert_with(|| rf.source.text.arc());
                Related {
                    path: rf.source.display.clone(),
                    span: *span,
                    start: rf.source.position(span.start),
                    message: message.clone(),
                }
            })
            .collect();
        let fix = f.fix.map(|fix| {
            let own = fix.edits.iter().map(|e| (file, e));
            let others = fix
                .related_edits
                .iter()
                .filter_map(|(i, e)| files.get(*i).map(|f| (f, e)));
            let edits = own
                .chain(others)
                .map(|(f, e)| ResolvedEdit {
                    path: f.source.display.clone(),
                    span: e.span,
                    start: f.source.position(e.span.start),
                    end: f.source.position(e.span.end),
                    content: e.content.clone(),
                })
                .collect();
            (fix, edits)
        });
        report.diagnostics.push(Diagnostic {
            rule: rule.meta().id,
            code: rule.meta().code,
            severity,
            path: file.source.display.clone(),
            span: f.span,
            start: file.source.position(f.span.start),
            end: file.source.position(f.span.end),
            message: f.message,
            help: f.help,
            label: f.label,
            related,
            fix,
        });
    }
    report.diagnostics.sort_by(|a, b| {
        (a.path.as_str(), a.start, a.rule, a.end).cmp(&(b.path.as_str(), b.start, b.rule, b.end))
    });
    report
        .diagnostics
        .dedup_by(|a, b| a.path == b.path && a.span == b.span && a.rule == b.rule);
    drop_yielding(&mut report.diagnostics);
    // The facts of every file are freed on a thread of their own: freeing thousands of small
    // lists takes longer than the rest of a warm run's report (a process that ends first
    // needs not wait for it).
    let _ = std::thread::Builder::new()
        .name("connlint-free".into())
        .spawn(move || drop((files, graph)));
    report
}

/// One finding per bug: leave out a finding whose rule yields to another rule reported at the
/// same place (`RuleMeta::yields_to`). `diagnostics` are sorted by path and start.
fn drop_yielding(diagnostics: &mut Vec<Diagnostic>) {
    let yields = |d: &Diagnostic| rules::lookup(d.rule).map_or(&[][..], |r| r.meta().yields_to);
    if !diagnostics.iter().any(|d| !yields(d).is_empty()) {
        return;
    }
    let keep: Vec<bool> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let to = yields(d);
            let same_place = |o: &&Diagnostic| o.path == d.path && o.start == d.start;
            to.is_empty()
                || !diagnostics[..i]
                    .iter()
                    .rev()
                    .take_while(same_place)
                    .chain(diagnostics[i + 1..].iter().take_while(same_place))
                    .any(|o| to.contains(&o.rule))
        })
        .collect();
    let mut at = 0;
    diagnostics.retain(|_| {
        at += 1;
        keep[at - 1]
    });
}

/// The rules of `ran` that ran on `file` (those its per-file ignores leave).
fn rules_ran_on(file: &CheckedFile, profile: &Profile) -> Vec<&'static str> {
    let config = &profile.config;
    if config.per_file_ignores.is_empty() {
        return profile.rules.clone();
    }
    let ignored = config.ignored_for(&config_relative(&file.source.path, config.root()));
    profile
        .rules
        .iter()
        .copied()
        .filter(|r| !ignored.contains(r))
        .collect()
}

/// A path relative to the config file's directory (or as given), with `/`.
fn config_relative(path: &Path, root: Option<&Path>) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let rel = root.and_then(|r| abs.strip_prefix(r).ok()).unwrap_or(path);
    rel.to_string_lossy()
        .replace('\\', "/")
        .trim_start_matches("./")
        .to_string()
}

/// Run the rules that judge suppression comments (`judges`, in order), each after marking which
/// suppressions the findings so far (`findings`, of every file of `cx`) used; their findings are
/// added to `findings`.
/// The processes of the workset's deployment descriptions. They run from the common directory
/// of the projects checked when a description does not say where (a Kubernetes command).
fn deployment_of(
    work: &Workset,
    files: &[CheckedFile],
    configs: &[&Config],
) -> crate::deploy::Deployment {
    if work.deploy_files.is_empty() {
        return crate::deploy::Deployment::default();
    }
    let mut root: Option<PathBuf> = None;
    for f in files {
        let r = std::path::absolute(&f.source.project.root)
            .unwrap_or_else(|_| f.source.project.root.clone());
        root = Some(match root {
            None => r,
            Some(prev) => prev
                .ancestors()
                .find(|a| r.starts_with(a))
                .map(Path::to_path_buf)
                .unwrap_or(prev),
        });
    }
    let root = root.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
    let cpus = configs.first().map_or(2, |c| c.budget.cpus);
    crate::deploy::discover(&work.deploy_files, &root, cpus)
}

fn run_judges(
    judges: &[&dyn Rule],
    cx: &ProjectCx<'_>,
    suppressions: &mut [Suppressions],
    findings: &mut Vec<Finding>,
) {
    let mut marked = 0;
    for rule in judges {
        for f in &findings[marked..] {
            let (Some(s), Some(file), Some(r)) = (
                suppressions.get_mut(f.file),
                cx.files.get(f.file),
                rules::lookup(f.rule),
            ) else {
                continue;
            };
            s.mark(
                f.rule,
                r.meta().code,
                file.source.lines().line_of(f.span.start),
                rules::judges_suppressions(f.rule),
            );
        }
        marked = findings.len();
        let cx = ProjectCx {
            suppressions,
            ..*cx
        };
        rule.check(&cx, findings);
    }
}

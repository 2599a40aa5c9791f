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

mod extract;
mod judge;
mod profile;
mod workset;

use extract::*;
pub use judge::*;
use profile::*;
pub use workset::*;

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

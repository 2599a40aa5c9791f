//! The pipeline: discover → read → front-end (parallel, rayon) → project pass → rules →
//! suppressions, selection and severities → sorted diagnostics.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::callgraph::{CallGraph, Unit};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, FileError, Finding, Related, ResolvedEdit, Severity};
use crate::discover::{self, Discovered, WalkOptions};
use crate::lang;
use crate::prefilter::{self, Prefilter};
use crate::project::Project;
use crate::rules::{self, CheckedFile, ProjectCx, Rule};
use crate::source::SourceFile;
use crate::suppress::Suppressions;

/// Files larger than this are skipped with a note (generated bundles, dumps).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 * 1024 * 1024;

/// What a run checks and how.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Rules to run (ids); `None` = all.
    pub select: Option<Vec<&'static str>>,
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
    /// The configuration file's per-file ignores and budget (paths relative to its directory).
    pub config: Arc<Config>,
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
            config: Arc::new(Config::default()),
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
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<FileError>,
    pub files_checked: usize,
    /// The text of every file a diagnostic points into, by display path (for snippets).
    pub sources: BTreeMap<String, Arc<str>>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// A fatal error of a run (exit code 2).
#[derive(Debug)]
pub enum RunError {
    MissingPath(PathBuf),
    ThreadPool(String),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::MissingPath(p) => write!(f, "{}: no such file or directory", p.display()),
            RunError::ThreadPool(e) => write!(f, "cannot start worker threads: {e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// Check files and directories.
pub fn check_paths(paths: &[PathBuf], settings: &Settings) -> Result<Report, RunError> {
    let found =
        discover::discover(paths, &settings.walk).map_err(|m| RunError::MissingPath(m.0))?;
    run_in_pool(settings, || {
        let (files, mut errors) = load_and_extract(found.files, settings);
        let mut report = run_rules(files, settings);
        errors.extend(found.errors);
        errors.append(&mut report.errors);
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        report.errors = errors;
        report
    })
}

/// Discover and read the files under `paths` (for `--fix`, which works on texts in memory).
/// Unreadable files are left out: there is nothing to fix in them.
pub fn load_sources(paths: &[PathBuf], settings: &Settings) -> Result<Vec<SourceFile>, RunError> {
    let found =
        discover::discover(paths, &settings.walk).map_err(|m| RunError::MissingPath(m.0))?;
    Ok(found
        .files
        .into_par_iter()
        .filter_map(|d| {
            let text = read_text(&d.path, settings.max_file_size).ok()?;
            Some(SourceFile::new(
                d.path, d.display, d.rel, d.lang, text, d.project,
            ))
        })
        .collect())
}

/// Check one in-memory buffer (LSP, `--stdin-filename`, tests). `path` decides the language and
/// the project (its nearest manifest on disk, if any).
pub fn check_source(path: &Path, text: &str, settings: &Settings) -> Report {
    let Some(lang) = crate::source::Lang::from_path(path) else {
        return Report::default();
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let project = abs
        .ancestors()
        .skip(1)
        .find(|d| Project::is_root(d))
        .map(|d| Arc::new(Project::load(d)))
        .unwrap_or_else(|| Arc::new(Project::detached(cwd.clone())));
    let rel = abs
        .strip_prefix(&project.root)
        .map(|r| r.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| discover::display_path(path, &cwd));
    let source = SourceFile::new(
        path.to_path_buf(),
        discover::display_path(path, &cwd),
        rel,
        lang,
        text.to_string(),
        project,
    );
    check_sources(vec![source], settings)
}

/// Check already-loaded sources as one run (tests and the LSP).
pub fn check_sources(sources: Vec<SourceFile>, settings: &Settings) -> Report {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for source in sources {
        match extract(&source, &settings.catalog) {
            Ok(facts) => files.push(CheckedFile { source, facts }),
            Err(e) => errors.push(e),
        }
    }
    let mut report = run_rules(files, settings);
    report.errors.extend(errors);
    report
}

fn run_in_pool<T: Send>(settings: &Settings, f: impl FnOnce() -> T + Send) -> Result<T, RunError> {
    match settings.threads {
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| RunError::ThreadPool(e.to_string()))?;
            Ok(pool.install(f))
        }
        None => Ok(f()),
    }
}

fn extract(source: &SourceFile, catalog: &Catalog) -> Result<crate::facts::FileFacts, FileError> {
    lang::extract(source, catalog).map_err(|e| {
        let at = e
            .span
            .map(|s| {
                let p = source.position(s.start);
                format!(":{}:{}", p.line, p.column)
            })
            .unwrap_or_default();
        FileError {
            path: format!("{}{at}", source.display),
            message: format!("cannot parse: {}", e.message),
        }
    })
}

/// Read a file as text, refusing binary, non-UTF-8 and oversized files.
fn read_text(path: &Path, max: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > max {
        return Err(format!(
            "skipped: {} bytes is over the {} byte limit",
            meta.len(),
            max
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err("skipped: binary file".to_string());
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "skipped: not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.starts_with('\u{feff}') {
        // Positions are reported as editors show them, without the BOM; `--fix` re-reads the
        // file and keeps its BOM.
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

fn load_and_extract(
    found: Vec<Discovered>,
    settings: &Settings,
) -> (Vec<CheckedFile>, Vec<FileError>) {
    // Read every file (in parallel); parse only those the prefilter lets through.
    let prefilter = settings
        .prefilter
        .then(|| Prefilter::new(&settings.catalog));
    let loaded: Vec<Result<(SourceFile, bool), FileError>> = found
        .into_par_iter()
        .map(|d| {
            let text = read_text(&d.path, settings.max_file_size).map_err(|message| FileError {
                path: d.display.clone(),
                message,
            })?;
            let parse = prefilter.as_ref().is_none_or(|p| p.triggers(d.lang, &text));
            Ok((
                SourceFile::new(d.path, d.display, d.rel, d.lang, text, d.project),
                parse,
            ))
        })
        .collect();
    let mut errors = Vec::new();
    let mut pending: Vec<SourceFile> = Vec::new();
    let mut first: Vec<SourceFile> = Vec::new();
    for r in loaded {
        match r {
            Ok((s, true)) => first.push(s),
            Ok((s, false)) => pending.push(s),
            Err(e) => errors.push(e),
        }
    }
    let mut files = Vec::new();
    let mut known = BTreeSet::new();
    let mut batch = first;
    // Round 1 parses the triggered files; later rounds parse files that mention a function
    // through which a client is reached, until nothing new is found.
    loop {
        let parsed: Vec<Result<CheckedFile, FileError>> = batch
            .into_par_iter()
            .map(|source| {
                let facts = extract(&source, &settings.catalog)?;
                Ok(CheckedFile { source, facts })
            })
            .collect();
        for r in parsed {
            match r {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        // Names through which a client is reached, to a fixpoint over every parsed file.
        let mut names = known.clone();
        loop {
            let before = names.len();
            let more: Vec<BTreeSet<String>> = files
                .par_iter()
                .map(|f| prefilter::reaching_names(&f.facts, &names))
                .collect();
            names.extend(more.into_iter().flatten());
            if names.len() == before {
                break;
            }
        }
        // Files that import a module keeping a long-lived client count for
        // duplicate-client-module ("the module most imported"): follow the module's name.
        for f in &files {
            let keeps_client =
                f.facts.clients.iter().any(|c| {
                    c.scope.kind == crate::facts::ScopeKind::Module || c.guard.is_guarded()
                });
            if let Some(stem) = keeps_client
                .then(|| f.facts.module_keys.first())
                .flatten()
                .and_then(|k| k.rsplit('/').next())
                && stem.len() >= 2
            {
                names.insert(stem.to_string());
            }
        }
        let fresh: BTreeSet<String> = names.difference(&known).cloned().collect();
        if fresh.is_empty() || pending.is_empty() {
            break;
        }
        known = names;
        let matcher = prefilter::NameMatcher::new(&fresh);
        let (hit, rest): (Vec<SourceFile>, Vec<SourceFile>) = pending
            .into_par_iter()
            .partition(|s| matcher.matches(&s.text));
        pending = rest;
        if hit.is_empty() {
            break;
        }
        batch = hit;
    }
    // Unparsed files were still read and checked: they count, with empty facts.
    for source in pending {
        files.push(CheckedFile {
            source,
            facts: crate::facts::FileFacts::default(),
        });
    }
    files.sort_by(|a, b| a.source.display.cmp(&b.source.display));
    (files, errors)
}

fn run_rules(files: Vec<CheckedFile>, settings: &Settings) -> Report {
    // Projects by root; calls never cross projects.
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
    let graph = CallGraph::build(&units);
    let cx = ProjectCx {
        files: &files,
        graph: &graph,
        catalog: &settings.catalog,
        config: &settings.config,
        suppressions: &[],
    };
    let (judges, others): (Vec<&dyn Rule>, Vec<&dyn Rule>) = settings
        .rules()
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

    let ran: Vec<&'static str> = settings.rules().iter().map(|r| r.meta().id).collect();
    let mut suppressions: Vec<Suppressions> = files
        .par_iter()
        .map(|f| Suppressions {
            ran: rules_ran_on(f, &ran, settings),
            ..Suppressions::scan(&f.source)
        })
        .collect();
    // The suppression rules judge the comments by what was suppressed before them.
    crate::suppress::run_judges(&judges, &cx, &mut suppressions, &mut findings);
    let mut report = Report {
        files_checked: files.len(),
        ..Report::default()
    };
    for f in findings {
        let Some(rule) = rules::lookup(f.rule) else {
            continue;
        };
        let file = &files[f.file];
        let line = file.source.lines.line_of(f.span.start);
        if suppressions[f.file].is_suppressed(f.rule, rule.meta().code, line) {
            continue;
        }
        if !settings.config.per_file_ignores.is_empty() {
            let rel = config_relative(&file.source.path, settings.config.root());
            if settings.config.ignored_for(&rel).contains(&f.rule) {
                continue;
            }
        }
        let severity = settings.severity.get(f.rule).copied().unwrap_or(f.severity);
        report
            .sources
            .entry(file.source.display.clone())
            .or_insert_with(|| Arc::from(file.source.text.as_str()));
        let related = f
            .related
            .iter()
            .map(|(fi, span, message)| {
                let rf = &files[*fi];
                report
                    .sources
                    .entry(rf.source.display.clone())
                    .or_insert_with(|| Arc::from(rf.source.text.as_str()));
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
    report
}

/// The rules of `ran` that ran on `file` (those its per-file ignores leave).
fn rules_ran_on(
    file: &CheckedFile,
    ran: &[&'static str],
    settings: &Settings,
) -> Vec<&'static str> {
    if settings.config.per_file_ignores.is_empty() {
        return ran.to_vec();
    }
    let ignored = settings
        .config
        .ignored_for(&config_relative(&file.source.path, settings.config.root()));
    ran.iter()
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

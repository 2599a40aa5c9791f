//! Reading: the walk, the files of a run read into a [`Workset`] (with their profiles and the
//! other files of their projects), the text of one file.

use super::*;

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
    pub(super) profile_of: Vec<usize>,
    pub(super) profiles: Arc<Profiles>,
    /// Deployment descriptions found on the walk (absolute paths).
    pub deploy_files: Vec<PathBuf>,
    /// Pages and templates of the walk (see [`crate::discover::is_markup_file`]).
    pub markup_files: Vec<PathBuf>,
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

/// [`load_workset`]; with `defer`, the texts of the files the prefilter's first round passes by
/// are let go as they are read (what its later rounds need is kept: the size and the imports),
/// so that a run holds the texts of the files it parses, not of the whole tree (and a one-shot
/// check lets go of those too once their facts are extracted: see [`check_paths`]). A one-shot
/// check defers; the editor and `--fix`, which keep or rewrite texts, do not.
pub(super) fn read_workset(
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
    let markup_files = found.markup_files;
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
                && let Some(imports) = lang::scan_imports_of(d.lang, &d.rel, &text, &d.project.ts_paths)
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
        markup_files,
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
            markup_files: self.markup_files.clone(),
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
pub(super) fn config_excludes(config: &Config, path: &Path) -> bool {
    let Some(set) = &config.exclude else {
        return false;
    };
    let rel = config_relative(path, config.root());
    set.is_match(&rel)
        || Path::new(&rel)
            .components()
            .any(|c| set.is_match(c.as_os_str()))
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
            markup_files: Vec::new(),
        }
    }
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
    // Binary: NUL bytes in the first 8 KiB, unless they are a trace in otherwise plain text. Source
    // can hold a stray NUL (Wekan writes one inside a JavaScript template literal, as a key
    // separator); such a file is text and is checked.
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let controls = head
        .iter()
        .filter(|&&b| {
            b != 0 && b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b)
        })
        .count();
    if nuls > 0 && (nuls > 4 || controls > 0) {
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

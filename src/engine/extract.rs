//! The front-end stage: each file's facts extracted (in parallel, through the cache, in
//! prefilter rounds), and the project's call graph.

use super::*;

pub(super) fn extract(
    source: &SourceFile,
    catalog: &Catalog,
) -> Result<crate::facts::FileFacts, FileError> {
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
pub(super) fn extract_cached(
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

/// A checked file and the profile it is judged by.
pub(super) struct Checked {
    pub(super) file: CheckedFile,
    pub(super) profile: usize,
}

pub(super) fn extract_all(
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
            // A struct declared to keep checkouts is named where one is parked in it
            // (`state.pinned.lock().await.insert(peer, conn)` with `state: &AppState`).
            stems.extend(facts.checkout_fields.iter().map(|c| c.owner.clone()));
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
        let mut targets = prefilter::Targets::of(files.iter().map(|f| &f.file).zip(per_file));
        let barrels: Vec<(&SourceFile, &[crate::facts::ModuleRef])> = pending
            .iter()
            .zip(&pending_imports)
            .filter(|((s, _), _)| is_barrel(s))
            .filter_map(|((s, _), imports)| imports.as_deref().map(|i| (s, i)))
            .collect();
        if !barrels.is_empty() {
            targets.through_barrels(&barrels);
        }
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
                // A JS/TS barrel (`index.ts`: `export * from "./Database"`) names nothing it
                // exports, so it is not parsed: what it imports is what it re-exports.
                reexports: if is_barrel(&source) {
                    imports.clone()
                } else {
                    Vec::new()
                },
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
    mark_test_modules(&mut files);
    mark_feature_modules(&mut files);
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

/// Files that a module of their own project declares only for tests (`#[cfg(test)] mod
/// testutils;`) hold test code, whatever their names.
fn mark_test_modules(files: &mut [Checked]) {
    let marks = declared_by(files, |f| f.test_modules.iter().map(|m| (m, ())).collect());
    for (c, mark) in files.iter_mut().zip(marks) {
        if mark.is_some() {
            std::sync::Arc::make_mut(&mut c.file.facts).make_test();
        }
    }
}

/// Files that a module of their own project declares only with a Cargo feature (`#[cfg(feature
/// = "sqlite")] mod sqlite;`): compiled only in builds with that feature.
fn mark_feature_modules(files: &mut [Checked]) {
    let marks = declared_by(files, |f| {
        f.feature_modules
            .iter()
            .map(|(m, x)| (m, x.clone()))
            .collect()
    });
    for (c, mark) in files.iter_mut().zip(marks) {
        if mark.is_some() {
            std::sync::Arc::make_mut(&mut c.file.facts).cfg_feature = mark;
        }
    }
}

/// For each file, what the first declaration naming it (from any file of its project) carries:
/// `declared` lists a file's declarations of modules, each with its payload.
fn declared_by<'f, T: Clone>(
    files: &'f [Checked],
    declared: impl Fn(&'f crate::facts::FileFacts) -> Vec<(&'f crate::facts::ModuleRef, T)>,
) -> Vec<Option<T>> {
    let all: Vec<(&PathBuf, &crate::facts::ModuleRef, T)> = files
        .iter()
        .flat_map(|c| {
            let root = &c.file.source.project.root;
            declared(&c.file.facts)
                .into_iter()
                .map(move |(m, t)| (root, m, t))
        })
        .collect();
    if all.is_empty() {
        return vec![None; files.len()];
    }
    files
        .iter()
        .map(|c| {
            all.iter().find_map(|(root, m, t)| {
                (**root == c.file.source.project.root && m.names_any(&c.file.facts.module_keys))
                    .then(|| t.clone())
            })
        })
        .collect()
}

/// The call graph of `files`, by project: calls never cross projects.
pub(super) fn project_graph(files: &[CheckedFile]) -> CallGraph {
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

/// A JS/TS `index` module: a barrel, by convention.
fn is_barrel(source: &crate::source::SourceFile) -> bool {
    use crate::source::Lang;
    matches!(source.lang, Lang::Ts | Lang::Tsx | Lang::Js)
        && source
            .rel
            .rsplit('/')
            .next()
            .is_some_and(|n| n.split('.').next() == Some("index"))
}

//! The rules stage: the project pass and the rules over the extracted facts, suppressions,
//! selection and severities; the judges of the deployment (`connlint budget`).

use super::*;

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
            markup: &work.markup_files,
        };
        crate::budget::compute(&cx)
    })
}

pub(super) fn run_rules(
    checked: Vec<Checked>,
    work: &Workset,
    catalog: &Catalog,
    shares: bool,
) -> Report {
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
        markup: &work.markup_files,
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
pub(super) fn drop_yielding(diagnostics: &mut Vec<Diagnostic>) {
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
pub(super) fn rules_ran_on(file: &CheckedFile, profile: &Profile) -> Vec<&'static str> {
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
pub(super) fn config_relative(path: &Path, root: Option<&Path>) -> String {
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
pub(super) fn deployment_of(
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

pub(super) fn run_judges(
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

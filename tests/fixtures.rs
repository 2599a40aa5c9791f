//! Every fixture case through the whole pipeline, one named test per case and check, so that
//! `cargo test --test fixtures -- per-request-client/bad-next-route` runs one case (a
//! `libtest-mimic` harness; `--list` shows them all). For each case
//! `fixtures/<rule-id>/<case>/` (a small project):
//!
//! - `<rule>/<case>`: run with only its rule enabled (every rule for `invalid-suppression` /
//!   `unused-suppression`, which judge the others' suppressions), the exact set of
//!   (file, line[, severity]) found equals the `expect:` markers in the sources, so a false
//!   positive fails as loudly as a miss. Markers: `// expect: <rule-id>` or
//!   `# expect: <rule-id>[warning]` at the end of the reported line.
//! - `<rule>/<case>/render` (bad cases): what a user sees (miette, no colour) matches its insta
//!   snapshot in `fixtures/<rule>/snapshots/`.
//! - `<rule>/<case>/fix-all` (bad cases): every fix of every rule applied at once; the result
//!   re-parses, no finding of any rule appears that was not there (per file and rule), a second
//!   run changes nothing.
//! - `<rule>/<case>/fix` (bad cases with a fix): every fix applied; the result re-parses, the
//!   fixed findings are gone, no new finding (of any rule) appears, a second run changes nothing, and the diff
//!   matches its `.fixed` snapshot.
//!
//! Plus `prefilter-never-changes-results` over the whole tree.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use connlint::diagnostic::Applicability;
use connlint::report::human::{self, HumanOptions};
use connlint::{Report, Settings, check_paths, fix};
use libtest_mimic::{Arguments, Failed, Trial};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// All case directories: (rule id, case dir relative to the crate root).
fn cases() -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    for rule in connlint::rules::ALL {
        let id = rule.meta().id;
        let dir = Path::new("fixtures").join(id);
        let Ok(entries) = std::fs::read_dir(root().join(&dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "snapshots")
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| (id, dir.join(n))));
    }
    out
}

fn walk_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// (display path, line, severity if given) of every `expect: <rule>` marker under `case`.
fn expected(rule: &str, case: &Path) -> BTreeSet<(String, u32, Option<String>)> {
    let mut files = Vec::new();
    walk_files(&root().join(case), &mut files);
    let marker = format!("expect: {rule}");
    let mut set = BTreeSet::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let display = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for (i, line) in text.lines().enumerate() {
            if let Some(pos) = line.find(&marker) {
                let rest = &line[pos + marker.len()..];
                let sev = rest
                    .strip_prefix('[')
                    .and_then(|r| r.split(']').next())
                    .map(String::from);
                set.insert((display.clone(), i as u32 + 1, sev));
            }
        }
    }
    set
}

/// Only `rule`, with the case's own `connlint.toml` (budgets, catalogue entries) applied. The
/// rules that judge suppression comments run with every rule (which the comments suppress); only
/// their own findings are compared with the markers.
fn settings_for(rule: &'static str, case: &Path) -> Settings {
    let config = connlint::config::discover(&root().join(case), &connlint::rules::NAMES)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut settings = Settings::from_config(config);
    settings.select = (!connlint::rules::judges_suppressions(rule)).then(|| vec![rule]);
    settings.ignore.clear();
    settings
}

fn markers(rule: &'static str, case: &Path) -> Result<(), Failed> {
    let report = check_paths(
        std::slice::from_ref(&case.to_path_buf()),
        &settings_for(rule, case),
    )?;
    let want = expected(rule, case);
    let got: BTreeSet<(String, u32, Option<String>)> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| {
            let sev = want
                .iter()
                .find(|(p, l, s)| p == &d.path && *l == d.start.line && s.is_some())
                .map(|_| d.severity.as_str().to_string());
            (d.path.clone(), d.start.line, sev)
        })
        .collect();
    let name = case.display().to_string();
    if name.contains("/good-") && !want.is_empty() {
        return Err("a good-* case must have no expect markers".into());
    }
    if name.contains("/bad-") && want.is_empty() {
        return Err("a bad-* case needs at least one expect marker".into());
    }
    if got != want {
        let missing: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        let details: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| {
                format!(
                    "    {}:{}: {} {}",
                    d.path,
                    d.start.line,
                    d.severity.as_str(),
                    d.message
                )
            })
            .collect();
        return Err(format!(
            "missing (expected, not reported): {missing:?}\nunexpected (reported, not expected): {extra:?}\nreported:\n{}",
            details.join("\n")
        )
        .into());
    }
    if !name.contains("syntax")
        && !name.contains("broken")
        && let Some(e) = report.errors.first()
    {
        return Err(format!("unexpected file error {}: {}", e.path, e.message).into());
    }
    Ok(())
}

fn render(rule: &'static str, case: &Path) -> Result<(), Failed> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let report = check_paths(
        std::slice::from_ref(&case.to_path_buf()),
        &settings_for(rule, case),
    )?;
    let rendered = human::render(
        &report,
        HumanOptions {
            color: false,
            width: 100,
        },
    );
    insta::with_settings!({
        snapshot_path => root().join("fixtures").join(rule).join("snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => case.display().to_string(),
    }, {
        insta::assert_snapshot!(name, rendered);
    });
    Ok(())
}

fn counts(r: &Report) -> BTreeMap<(String, &'static str), usize> {
    let mut m = BTreeMap::new();
    for d in &r.diagnostics {
        *m.entry((d.path.clone(), d.rule)).or_default() += 1;
    }
    m
}

/// Apply every fix; `Ok(false)` when the case has none.
fn fixes(rule: &'static str, case: &Path) -> Result<bool, Failed> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let settings = settings_for(rule, case);
    let sources =
        connlint::engine::load_sources(std::slice::from_ref(&case.to_path_buf()), &settings)?;
    let before = connlint::check_sources(sources.clone(), &settings);
    let sources_before = sources.clone();
    let outcome = fix::fix_sources(sources, &settings, Applicability::Unsafe);
    if !outcome.dropped.is_empty() {
        return Err(format!("fixes dropped: {:?}", outcome.dropped).into());
    }
    if outcome.changed.is_empty() {
        // A case that lost its fixes must not keep a snapshot of them.
        let stale = root()
            .join("fixtures")
            .join(rule)
            .join("snapshots")
            .join(format!("{name}.fixed.snap"));
        if stale.exists() {
            return Err(format!("{} is stale: the case has no fix", stale.display()).into());
        }
        return Ok(false);
    }
    still_parses(&outcome)?;
    // Fixed findings are gone; nothing new appears, of this rule or of any other.
    let (b, a) = (counts(&before), counts(&outcome.remaining));
    for (k, n) in &a {
        if b.get(k).is_none_or(|m| n > m) {
            return Err(format!("new finding {k:?} after fixing").into());
        }
    }
    no_new_findings(&settings, &sources_before, &outcome.sources)?;
    if !outcome.remaining.diagnostics.iter().all(|d| {
        d.fix
            .as_ref()
            .is_none_or(|(f, _)| f.applicability == Applicability::DisplayOnly)
    }) {
        return Err("fixes left after fixing".into());
    }
    stable(&settings, &outcome)?;
    let diff = fix::unified_diff(&outcome);
    insta::with_settings!({
        snapshot_path => root().join("fixtures").join(rule).join("snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => format!("fixes applied to {}", case.display()),
    }, {
        insta::assert_snapshot!(format!("{name}.fixed"), diff);
    });
    Ok(true)
}

/// Every rule's findings, per (file, rule), before and after: none may be new (issue 19: a fix
/// never trades one finding for another, such as a hoisted client that duplicates the project's
/// shared one).
fn no_new_findings(
    settings: &Settings,
    before: &[connlint::source::SourceFile],
    after: &[connlint::source::SourceFile],
) -> Result<(), Failed> {
    let all = Settings {
        select: None,
        ..settings.clone()
    };
    let b = counts(&connlint::check_sources(before.to_vec(), &all));
    let a = counts(&connlint::check_sources(after.to_vec(), &all));
    for (k, n) in &a {
        if b.get(k).is_none_or(|m| n > m) {
            return Err(format!("fixing introduced a finding of another rule: {k:?}").into());
        }
    }
    Ok(())
}

/// Every fix of every rule applied to a bad case at once: every file still parses, no finding
/// of any rule appears that was not there before, a second run changes nothing.
fn all_fixes(case: &Path) -> Result<(), Failed> {
    let config = connlint::config::discover(&root().join(case), &connlint::rules::NAMES)
        .unwrap_or_else(|e| panic!("{e}"));
    let settings = Settings::from_config(config);
    let sources =
        connlint::engine::load_sources(std::slice::from_ref(&case.to_path_buf()), &settings)?;
    let outcome = fix::fix_sources(sources.clone(), &settings, Applicability::Unsafe);
    still_parses(&outcome)?;
    no_new_findings(&settings, &sources, &outcome.sources)?;
    stable(&settings, &outcome)
}

/// Every file a fix changed still parses (if it parsed before).
fn still_parses(outcome: &fix::FixOutcome) -> Result<(), Failed> {
    for s in &outcome.sources {
        let Some((_, _, old, new)) = outcome.changed.iter().find(|c| c.0 == s.display) else {
            continue;
        };
        if fix::parses(s.lang, old) && !fix::parses(s.lang, new) {
            return Err(format!("{} no longer parses:\n{new}", s.display).into());
        }
    }
    Ok(())
}

/// A second run of the fixes changes nothing.
fn stable(settings: &Settings, outcome: &fix::FixOutcome) -> Result<(), Failed> {
    let again = fix::fix_sources(outcome.sources.clone(), settings, Applicability::Unsafe);
    if !again.changed.is_empty() {
        return Err(format!(
            "a second --fix changed {:?}",
            again.changed.iter().map(|c| &c.0).collect::<Vec<_>>()
        )
        .into());
    }
    Ok(())
}

fn prefilter_never_changes_results() -> Result<(), Failed> {
    let all = vec![PathBuf::from("fixtures")];
    let with = check_paths(&all, &Settings::default())?;
    let without = check_paths(
        &all,
        &Settings {
            prefilter: false,
            ..Settings::default()
        },
    )?;
    let key = |r: &Report| {
        r.diagnostics
            .iter()
            .map(|d| (d.path.clone(), d.start, d.rule))
            .collect::<Vec<_>>()
    };
    if key(&with) != key(&without) || with.files_checked != without.files_checked {
        return Err("the prefilter changed the findings on fixtures/".into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    std::env::set_current_dir(root()).unwrap();
    let cases = cases();
    assert!(!cases.is_empty(), "no fixture cases found");
    let mut trials = vec![Trial::test(
        "prefilter-never-changes-results",
        prefilter_never_changes_results,
    )];
    // Some bad case must have a fix (or the fix checks prove nothing).
    let any_fix = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for (rule, case) in cases {
        let id = format!("{rule}/{}", case.file_name().unwrap().to_string_lossy());
        let bad = id.contains("/bad-");
        if bad {
            let c = case.clone();
            trials.push(Trial::test(format!("{id}/render"), move || {
                render(rule, &c)
            }));
            let c = case.clone();
            trials.push(Trial::test(format!("{id}/fix-all"), move || all_fixes(&c)));
            let (c, any) = (case.clone(), any_fix.clone());
            trials.push(Trial::test(format!("{id}/fix"), move || {
                if fixes(rule, &c)? {
                    any.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                Ok(())
            }));
        }
        trials.push(Trial::test(id, move || markers(rule, &case)));
    }
    let filtered = args.filter.is_some() || !args.skip.is_empty();
    let conclusion = libtest_mimic::run(&args, trials);
    if !filtered
        && !args.list
        && conclusion.num_failed == 0
        && conclusion.num_passed > 0
        && !any_fix.load(std::sync::atomic::Ordering::Relaxed)
    {
        eprintln!("no fixture case has a fix");
        std::process::exit(101);
    }
    conclusion.exit();
}

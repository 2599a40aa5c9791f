//! Runs every fixture case through the whole pipeline with only its rule enabled (every rule for
//! `invalid-suppression` / `unused-suppression`, which judge the others' suppressions) and compares
//! the exact set of (file, line[, severity]) found with the `expect:` markers in the sources, so
//! a false positive fails as loudly as a miss. Bad cases also get an insta snapshot of what a user
//! sees (miette rendering, no colour).
//!
//! Layout: `fixtures/<rule-id>/<case>/…` — each case is a small project. Markers:
//! `// expect: <rule-id>` or `# expect: <rule-id>[warning]` at the end of the reported line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use connlint::report::human::{self, HumanOptions};
use connlint::{Settings, check_paths};

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
    let config = connlint::config::discover(&root().join(case)).unwrap_or_else(|e| panic!("{e}"));
    let mut settings = Settings::from_config(config);
    settings.select = (!connlint::rules::judges_suppressions(rule)).then(|| vec![rule]);
    settings.ignore.clear();
    settings
}

#[test]
fn every_case_fires_exactly_on_its_markers() {
    std::env::set_current_dir(root()).unwrap();
    let cases = cases();
    assert!(!cases.is_empty(), "no fixture cases found");
    let mut failures = Vec::new();
    for (rule, case) in &cases {
        let report = check_paths(std::slice::from_ref(case), &settings_for(rule, case)).unwrap();
        let want = expected(rule, case);
        let got: BTreeSet<(String, u32, Option<String>)> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == *rule)
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
            failures.push(format!("{name}: a good-* case must have no expect markers"));
        }
        if name.contains("/bad-") && want.is_empty() {
            failures.push(format!(
                "{name}: a bad-* case needs at least one expect marker"
            ));
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
            failures.push(format!(
                "{name}:\n  missing (expected, not reported): {missing:?}\n  unexpected (reported, not expected): {extra:?}\n  reported:\n{}",
                details.join("\n")
            ));
        }
        for e in &report.errors {
            if !name.contains("syntax") && !name.contains("broken") {
                failures.push(format!(
                    "{name}: unexpected file error {}: {}",
                    e.path, e.message
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixture cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn bad_cases_render_as_snapshotted() {
    std::env::set_current_dir(root()).unwrap();
    for (rule, case) in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("bad-") {
            continue;
        }
        let report = check_paths(std::slice::from_ref(&case), &settings_for(rule, &case)).unwrap();
        let rendered = human::render(
            &report,
            HumanOptions {
                color: false,
                width: 100,
            },
        );
        let snapshot_dir = root().join("fixtures").join(rule).join("snapshots");
        insta::with_settings!({
            snapshot_path => snapshot_dir,
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => case.display().to_string(),
        }, {
            insta::assert_snapshot!(name, rendered);
        });
    }
}

#[test]
fn the_prefilter_never_changes_results() {
    std::env::set_current_dir(root()).unwrap();
    let all = vec![PathBuf::from("fixtures")];
    let with = check_paths(&all, &Settings::default()).unwrap();
    let without = check_paths(
        &all,
        &Settings {
            prefilter: false,
            ..Settings::default()
        },
    )
    .unwrap();
    let key = |r: &connlint::Report| {
        r.diagnostics
            .iter()
            .map(|d| (d.path.clone(), d.start, d.rule))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&with), key(&without));
    assert_eq!(with.files_checked, without.files_checked);
}

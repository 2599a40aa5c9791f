//! Every fix applied to every bad fixture: the result re-parses, the fixed findings are gone, no
//! new finding appears, a second run changes nothing, and the diff matches an insta snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use connlint::diagnostic::Applicability;
use connlint::{Report, Settings, fix};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn counts(r: &Report) -> BTreeMap<(String, &'static str), usize> {
    let mut m = BTreeMap::new();
    for d in &r.diagnostics {
        *m.entry((d.path.clone(), d.rule)).or_default() += 1;
    }
    m
}

#[test]
fn fixes_reparse_remove_their_findings_and_converge() {
    std::env::set_current_dir(root()).unwrap();
    let mut fixed_cases = 0;
    for rule in connlint::rules::ALL {
        let id = rule.meta().id;
        let Ok(entries) = std::fs::read_dir(root().join("fixtures").join(id)) else {
            continue;
        };
        let mut cases: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        cases.sort();
        for case in cases {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("bad-") {
                continue;
            }
            let rel = Path::new("fixtures").join(id).join(&name);
            let config =
                connlint::config::discover(&root().join(&rel)).unwrap_or_else(|e| panic!("{e}"));
            let mut settings = Settings::from_config(config);
            // The suppression rules judge what the others found: run them with every rule.
            settings.select = (!connlint::rules::judges_suppressions(id)).then(|| vec![id]);
            settings.ignore.clear();
            let sources =
                connlint::engine::load_sources(std::slice::from_ref(&rel), &settings).unwrap();
            let before = connlint::check_sources(sources.clone(), &settings);
            let outcome = fix::fix_sources(sources, &settings, Applicability::Unsafe);
            assert!(outcome.dropped.is_empty(), "{name}: {:?}", outcome.dropped);
            if outcome.changed.is_empty() {
                continue;
            }
            fixed_cases += 1;
            for s in &outcome.sources {
                let (_, _, old, new) = match outcome.changed.iter().find(|c| c.0 == s.display) {
                    Some(c) => c,
                    None => continue,
                };
                if fix::parses(s.lang, old) {
                    assert!(
                        fix::parses(s.lang, new),
                        "{name}: {} no longer parses:\n{new}",
                        s.display
                    );
                }
            }
            // Fixed findings are gone; nothing new appears.
            let (b, a) = (counts(&before), counts(&outcome.remaining));
            for (k, n) in &a {
                assert!(
                    b.get(k).is_some_and(|m| n <= m),
                    "{name}: new finding {k:?} after fixing"
                );
            }
            assert!(
                outcome.remaining.diagnostics.iter().all(|d| d
                    .fix
                    .as_ref()
                    .is_none_or(|(f, _)| f.applicability == Applicability::DisplayOnly)),
                "{name}: fixes left after fixing"
            );
            // A second run changes nothing.
            let again = fix::fix_sources(outcome.sources.clone(), &settings, Applicability::Unsafe);
            assert!(
                again.changed.is_empty(),
                "{name}: a second --fix changed {:?}",
                again.changed.iter().map(|c| &c.0).collect::<Vec<_>>()
            );
            let diff = fix::unified_diff(&outcome);
            insta::with_settings!({
                snapshot_path => root().join("fixtures").join(id).join("snapshots"),
                prepend_module_to_snapshot => false,
                omit_expression => true,
                description => format!("fixes applied to {}", rel.display()),
            }, {
                insta::assert_snapshot!(format!("{name}.fixed"), diff);
            });
        }
    }
    assert!(fixed_cases > 0, "no fixture has a fix");
}

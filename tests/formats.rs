//! CI outputs as a CI system reads them: SARIF validated against the published SARIF 2.1.0 schema,
//! JUnit XML parsed back, GitLab Code Quality, GitHub annotations, and files that could not be
//! read or parsed listed in every format.
//!
//! `tests/sarif-schema-2.1.0.json` is `sarif-2.1.0.json` from the npm package
//! `@microsoft/sarif-multitool-linux` 5.7.0 (Microsoft's SARIF SDK, the schema its validator uses).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod common;

use assert_cmd::Command;
use common::{FACTORY, PACKAGE, ROUTE, write};
use serde_json::Value;

fn connlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("connlint").unwrap();
    c.current_dir(dir).arg("--no-cache");
    c
}

/// A project with a finding that has a related location in another file and a fix editing that
/// file, a file in a directory whose name needs escaping, a binary file and a Rust syntax error.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", PACKAGE);
    write(dir.path(), "lib/db.ts", FACTORY);
    write(dir.path(), "app/api/[id]/route.ts", ROUTE);
    std::fs::write(dir.path().join("lib/blob.ts"), b"\x00\x01\x02").unwrap();
    write(
        dir.path(),
        "src/broken.rs",
        "use sqlx::PgPool;\nfn main( {\n",
    );
    dir
}

fn run(dir: &Path, format: &str) -> (String, i32) {
    let out = connlint(dir)
        .args(["--format", format, "."])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn sarif_is_valid_against_the_published_schema_and_complete() {
    let dir = project();
    let (text, code) = run(dir.path(), "sarif");
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema does catch a broken document (the test can fail).
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(validator.iter_errors(&broken).next().is_some());

    let run = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("file:///")
    );
    // Every rule, with its documentation.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), connlint::rules::ALL.len());
    for r in rules {
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(r["help"]["markdown"].as_str().unwrap().contains("## "));
        assert!(r["helpUri"].as_str().unwrap().ends_with(".md"));
        assert!(
            ["error", "warning"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = run["results"].as_array().unwrap();
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "per-request-client")
        .unwrap();
    let i = r["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[i]["id"], "per-request-client");
    assert_eq!(r["level"], "error");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "app/api/%5Bid%5D/route.ts");
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(loc["region"]["startLine"], 4);
    assert_eq!(loc["region"]["startColumn"], 18);
    assert_eq!(loc["region"]["snippet"]["text"], "getClient()");
    assert_eq!(
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "lib/db.ts"
    );
    // The fix edits the factory, in its own file.
    let change = &r["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "lib/db.ts");
    assert!(!change["replacements"].as_array().unwrap().is_empty());
    // Unreadable and unparsable files are notifications, with their place.
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    let broken = notes
        .iter()
        .find(|n| {
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/broken.rs"
        })
        .unwrap();
    assert_eq!(broken["level"], "error");
    assert_eq!(
        broken["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_fingerprints_survive_unrelated_edits_above() {
    let dir = project();
    let fp = |dir: &Path| {
        let (text, _) = run(dir, "sarif");
        let doc: Value = serde_json::from_str(&text).unwrap();
        let r = doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "per-request-client")
            .unwrap()
            .clone();
        (
            r["partialFingerprints"]["connlint/v1"]
                .as_str()
                .unwrap()
                .to_string(),
            r["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
        )
    };
    let (before, line_before) = fp(dir.path());
    write(
        dir.path(),
        "app/api/[id]/route.ts",
        &format!("// a comment\n\n{ROUTE}"),
    );
    let (after, line_after) = fp(dir.path());
    assert_eq!(before, after);
    assert_ne!(line_before, line_after);
    // A different construction is a different finding.
    write(
        dir.path(),
        "app/api/[id]/route.ts",
        &ROUTE.replace("getClient();", "getClient( );"),
    );
    assert_ne!(fp(dir.path()).0, before);
}

#[test]
fn junit_has_a_testcase_per_file_and_a_failure_per_finding() {
    let dir = project();
    write(dir.path(), "lib/clean.ts", "export const x = 1;\n");
    let (text, code) = run(dir.path(), "junit");
    assert_eq!(code, 1);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    // Parse it back with a real XML reader.
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut cases = Vec::new();
    let mut failures = Vec::new();
    let mut errors = 0;
    let mut suite_attrs = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let attr = |k: &str| {
                    e.attributes()
                        .filter_map(Result::ok)
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                };
                match e.name().as_ref() {
                    "testcase" => cases.push(attr("name").unwrap()),
                    "failure" => failures.push(attr("type").unwrap()),
                    "error" => errors += 1,
                    "testsuite" => {
                        suite_attrs = vec![attr("tests"), attr("failures"), attr("errors")]
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    cases.sort();
    assert_eq!(
        cases,
        vec![
            "app/api/[id]/route.ts",
            "lib/blob.ts",
            "lib/clean.ts",
            "lib/db.ts",
            "src/broken.rs",
        ]
    );
    assert_eq!(failures, vec!["per-request-client"]);
    assert_eq!(errors, 2);
    assert_eq!(
        suite_attrs,
        vec![Some("5".into()), Some("1".into()), Some("2".into())]
    );
}

#[test]
fn gitlab_code_quality() {
    let dir = project();
    let (text, code) = run(dir.path(), "gitlab");
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&text).unwrap();
    let items = v.as_array().unwrap();
    let f = items
        .iter()
        .find(|i| i["check_name"] == "per-request-client")
        .unwrap();
    assert_eq!(f["severity"], "major");
    assert_eq!(f["location"]["path"], "app/api/[id]/route.ts");
    assert_eq!(f["location"]["lines"]["begin"], 4);
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 32);
    assert!(f["description"].as_str().unwrap().contains("getClient()"));
    let errs: Vec<&Value> = items
        .iter()
        .filter(|i| i["check_name"] == "file-error")
        .collect();
    assert_eq!(errs.len(), 2);
    // Fingerprints are unique in a report (GitLab deduplicates on them).
    let mut fps: Vec<&str> = items
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fps.sort();
    fps.dedup();
    assert_eq!(fps.len(), items.len());
}

#[test]
fn file_errors_appear_in_every_format() {
    let dir = project();
    // JSON: a path, and the place in its own fields.
    let (text, _) = run(dir.path(), "json");
    let v: Value = serde_json::from_str(&text).unwrap();
    let errs = v["errors"].as_array().unwrap();
    let broken = errs.iter().find(|e| e["path"] == "src/broken.rs").unwrap();
    assert_eq!(broken["line"], 2);
    assert!(broken["column"].as_u64().is_some());
    let blob = errs.iter().find(|e| e["path"] == "lib/blob.ts").unwrap();
    assert!(blob["line"].is_null());
    // GitHub annotations.
    let (text, _) = run(dir.path(), "github");
    assert!(
        text.lines()
            .any(|l| l.starts_with("::warning file=src/broken.rs,line=2,")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("::warning file=lib/blob.ts,") && l.contains("binary")),
        "{text}"
    );
    // Human, concise too: on stderr, with the place.
    for args in [vec!["."], vec!["--quiet", "."]] {
        let out = connlint(dir.path()).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("src/broken.rs:2:"), "{stderr}");
        assert!(
            stderr.contains("lib/blob.ts: skipped: binary file"),
            "{stderr}"
        );
    }
}

#[test]
fn strict_fails_when_a_file_could_not_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", PACKAGE);
    write(dir.path(), "lib/ok.ts", "export const x = 1;\n");
    connlint(dir.path()).arg(".").assert().code(0);
    connlint(dir.path())
        .args(["--strict", "."])
        .assert()
        .code(0);
    std::fs::write(dir.path().join("lib/blob.ts"), b"\x00\x01").unwrap();
    connlint(dir.path()).arg(".").assert().code(0);
    connlint(dir.path())
        .args(["--strict", "."])
        .assert()
        .code(1);
    connlint(dir.path())
        .args(["--strict", "--exit-zero", "."])
        .assert()
        .code(0);
}

/// Every `connlint check …` command of the CI examples runs as written (no usage error) and
/// writes what the CI system expects.
#[test]
fn the_ci_examples_run_as_written() {
    let dir = project();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut commands = 0;
    for example in [
        "examples/github-actions.yml",
        "examples/gitlab-ci.yml",
        "packaging/gitlab/connlint.gitlab-ci.yml",
        "README.md",
        "docs/src/integrations/ci.md",
        "docs/src/integrations/pre-commit.md",
    ] {
        // The GitLab template's variables, at their defaults.
        let text = std::fs::read_to_string(root.join(example))
            .unwrap()
            .replace("$CONNLINT_ARGS", "")
            .replace("$CONNLINT_PATHS", ".");
        for line in text.lines() {
            // Commands in YAML: `- run: connlint check …`, `- connlint check …`.
            let Some(at) = line.find("connlint check") else {
                continue;
            };
            let before = line[..at].trim();
            if !(before.ends_with(':') || before.ends_with('-')) {
                continue;
            }
            let command = &line[at + "connlint ".len()..];
            let (command, redirect) = match command.split_once(" > ") {
                Some((c, file)) => (c, Some(file.trim())),
                None => (command, None),
            };
            let args: Vec<&str> = command.split_whitespace().collect();
            let out = Command::cargo_bin("connlint")
                .unwrap()
                .current_dir(dir.path())
                .env("CONNLINT_CACHE_DIR", dir.path().join(".cache"))
                .args(&args)
                .output()
                .unwrap();
            let code = out.status.code().unwrap();
            assert!(
                code <= 1,
                "{example}: `{line}` exited {code}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            if args.contains(&"--exit-zero") {
                assert_eq!(code, 0, "{example}: `{line}`");
            }
            if let Some(file) = redirect {
                assert!(
                    !out.stdout.is_empty(),
                    "{example}: `{line}` wrote nothing to {file}"
                );
                if file.ends_with(".json") || file.ends_with(".sarif") {
                    serde_json::from_slice::<Value>(&out.stdout).unwrap();
                }
            }
            commands += 1;
        }
    }
    // Every `connlint check` line of the examples, the GitLab template and the book's CI and
    // pre-commit pages (6 today).
    assert!(commands >= 6, "{commands}");
}

#[test]
fn sarif_paths_outside_the_working_directory_are_file_uris() {
    let dir = project();
    let sub = dir.path().join("app");
    let out = connlint(&sub)
        .args(["--format", "sarif", "../lib/db.ts", "../app/api"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &doc["runs"][0]["results"][0];
    // Both the result (`../app/api/…`) and its related location (`../lib/db.ts`) lie outside
    // `app/`'s parent-less view: absolute file URIs, no `..`, no base.
    for (loc, tail) in [
        (&r["locations"][0], "/app/api/%5Bid%5D/route.ts"),
        (&r["relatedLocations"][0], "/lib/db.ts"),
    ] {
        let art = &loc["physicalLocation"]["artifactLocation"];
        assert!(art.get("uriBaseId").is_none(), "{art}");
        let got = art["uri"].as_str().unwrap();
        assert!(got.starts_with("file:///") && got.ends_with(tail), "{got}");
        assert!(!got.contains(".."), "{got}");
    }
    // From the project root, the same files are relative to %SRCROOT%.
    let (text, _) = run(dir.path(), "sarif");
    let doc: Value = serde_json::from_str(&text).unwrap();
    let art = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(art["uriBaseId"], "%SRCROOT%");
}

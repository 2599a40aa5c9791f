//! What a CI gate or a pre-commit hook depends on: suppressions that report themselves,
//! baselines, fixes that fail loudly, and mistyped subcommands.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod common;

use common::{OVERSIZED, connlint, oversized_project, write, write_engine_factory};
use predicates::prelude::*;

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap()
}

const PACKAGE: &str =
    r#"{"name":"web","private":true,"dependencies":{"next":"15.0.0","mongodb":"6.0.0"}}"#;

fn route(name: &str) -> String {
    format!(
        "import {{ MongoClient }} from \"mongodb\";\n\nexport async function GET() {{\n  const client = new MongoClient(process.env.MONGODB_URI!);\n  const rows = await client.db().collection(\"{name}\").find().toArray();\n  return Response.json(rows);\n}}\n"
    )
}

fn next_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", PACKAGE);
    write(dir.path(), "app/api/users/route.ts", &route("users"));
    dir
}

// ---------------------------------------------------------------- suppressions

#[test]
fn unused_suppressions_are_reported_and_fixed_away() {
    let dir = next_project();
    let root = dir.path();
    let suppressed = route("users").replace(
        "  const client",
        "  // connlint-ignore: per-request-client, CL301 -- admin route\n  const client",
    );
    write(root, "app/api/users/route.ts", &suppressed);
    write(
        root,
        "lib/util.ts",
        "// connlint-ignore-file: duplicate-client-module\nexport const x = 1; // connlint-ignore\n/* connlint-ignore: per-request-client */ export const y = 2;\n",
    );
    connlint()
        .current_dir(root)
        .args(["--quiet"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "app/api/users/route.ts:4:6: warning[unused-suppression] unused suppression: `CL301` suppressed nothing here",
        ))
        .stdout(predicate::str::contains(
            "lib/util.ts:1:4: warning[unused-suppression] unused suppression: `duplicate-client-module` suppressed nothing in this file",
        ))
        .stdout(predicate::str::contains("lib/util.ts:2:24: warning[unused-suppression] unused suppression: this `connlint-ignore` suppressed nothing"))
        .stdout(predicate::str::contains("lib/util.ts:3:4: warning[unused-suppression]"))
        .stdout(predicate::str::contains("per-request-client]").not());
    // Only rules that ran are judged: without oversized-pool, `CL301` is left alone, and so are
    // the comments that name no rule (they stand for every rule).
    connlint()
        .current_dir(root)
        .args([
            "--quiet",
            "--ignore",
            "oversized-pool,duplicate-client-module",
        ])
        .assert()
        .stdout(predicate::str::contains("CL301").not())
        .stdout(predicate::str::contains("duplicate-client-module").not())
        .stdout(predicate::str::contains("lib/util.ts:2:").not())
        .stdout(predicate::str::contains(
            "lib/util.ts:3:4: warning[unused-suppression]",
        ));
    // --fix (safe) removes them; the used name stays; a second --fix changes nothing.
    connlint()
        .current_dir(root)
        .args(["--fix", "--color", "never"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fixed 4 finding(s) in 2 file(s)."));
    assert_eq!(
        read(root, "app/api/users/route.ts"),
        route("users").replace(
            "  const client",
            "  // connlint-ignore: per-request-client -- admin route\n  const client",
        )
    );
    assert_eq!(
        read(root, "lib/util.ts"),
        "export const x = 1;\nexport const y = 2;\n"
    );
    connlint()
        .current_dir(root)
        .args(["--fix", "--color", "never"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fixed 0 finding(s) in 0 file(s)."));
}

#[test]
fn suppressions_of_the_suppression_rules() {
    let dir = next_project();
    let root = dir.path();
    // A file-level suppression keeps the stale comments, and is itself used.
    write(
        root,
        "lib/util.ts",
        "// connlint-ignore-file: unused-suppression -- generated\n// connlint-ignore: per-request-client\nexport const x = 1; // connlint-ignore\n",
    );
    write(root, "app/api/users/route.ts", "export const y = 1;\n");
    connlint()
        .current_dir(root)
        .args(["--quiet"])
        .assert()
        .code(0)
        .stdout("");
    // A blanket `connlint-ignore` cannot silence the report about itself.
    write(
        root,
        "lib/util.ts",
        "export const x = 1; // connlint-ignore: all\n",
    );
    connlint()
        .current_dir(root)
        .args(["--quiet"])
        .assert()
        .stdout(predicate::str::contains("`all` suppressed nothing here"));
}

#[test]
fn invalid_suppressions_name_the_closest_rule() {
    let dir = next_project();
    let root = dir.path();
    let typo = route("users").replace(
        "  const client",
        "  // connlint-ignore: per-request-clinet -- admin route\n  const client",
    );
    write(root, "app/api/users/route.ts", &typo);
    connlint()
        .current_dir(root)
        .args(["--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "`per-request-clinet` is not a connlint rule",
        ))
        .stdout(predicate::str::contains(
            "did you mean `per-request-client`?",
        ))
        // The typo suppressed nothing: the finding is still reported.
        .stdout(predicate::str::contains("per-request-client[CL101]"));
    connlint()
        .current_dir(root)
        .args(["--quiet", "--ignore", "CL901"])
        .assert()
        .stdout(predicate::str::contains("invalid-suppression").not());
    connlint()
        .args(["explain", "CL902"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# unused-suppression (CL902)"));
    connlint()
        .arg("rules")
        .assert()
        .stdout(predicate::str::contains("invalid-suppression"));
}

// ---------------------------------------------------------------- baselines

fn json(root: &Path, args: &[&str]) -> (serde_json::Value, i32) {
    let out = connlint()
        .current_dir(root)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_baseline_hides_recorded_findings_and_lists_stale_ones() {
    let dir = next_project();
    let root = dir.path();
    write(root, "app/api/orders/route.ts", &route("orders"));
    connlint()
        .current_dir(root)
        .args(["--write-baseline", "ci/connlint-baseline.json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot write baseline"));
    std::fs::create_dir(root.join("ci")).unwrap();
    connlint()
        .current_dir(root)
        .args(["--write-baseline", "ci/connlint-baseline.json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "Wrote 2 finding(s) to the baseline ci/connlint-baseline.json.",
        ));
    let file: serde_json::Value =
        serde_json::from_str(&read(root, "ci/connlint-baseline.json")).unwrap();
    assert_eq!(file["version"], 1);
    let entries = file["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    // Paths relative to the baseline's directory; a 32-hex-digit fingerprint.
    assert_eq!(entries[0]["path"], "../app/api/orders/route.ts");
    assert_eq!(entries[0]["rule"], "per-request-client");
    assert_eq!(entries[0]["fingerprint"].as_str().unwrap().len(), 32);
    assert!(
        entries[0]["message"]
            .as_str()
            .unwrap()
            .contains("MongoClient")
    );

    let baseline = ["--baseline", "ci/connlint-baseline.json"];
    let (doc, code) = json(root, &baseline);
    assert_eq!((code, doc["diagnostics"].as_array().unwrap().len()), (0, 0));
    assert_eq!(doc["baseline"]["matched"], 2);
    assert_eq!(doc["baseline"]["stale"], serde_json::json!([]));

    // Lines added above keep the finding baselined, also from another working directory.
    write(
        root,
        "app/api/users/route.ts",
        &format!(
            "// Users.\n\nexport const dynamic = \"force-dynamic\";\n{}",
            route("users")
        ),
    );
    connlint()
        .current_dir(root.join("app"))
        .args(["--baseline", "../ci/connlint-baseline.json", "."])
        .assert()
        .code(0);
    // A new finding is reported, and only it.
    write(root, "app/api/items/route.ts", &route("items"));
    let (doc, code) = json(root, &baseline);
    let paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!((code, paths), (1, vec!["app/api/items/route.ts"]));
    // A fixed finding shows up as stale: in JSON, and as a note in human output.
    std::fs::remove_file(root.join("app/api/items/route.ts")).unwrap();
    write(root, "app/api/orders/route.ts", "export const y = 1;\n");
    let (doc, code) = json(root, &baseline);
    assert_eq!(code, 0);
    let stale = doc["baseline"]["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0]["path"], "app/api/orders/route.ts");
    assert_eq!(stale[0]["rule"], "per-request-client");
    connlint()
        .current_dir(root)
        .args(baseline)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "1 baseline entry no longer match a finding",
        ))
        .stderr(predicate::str::contains(
            "app/api/orders/route.ts: per-request-client:",
        ));
    // Checking another part of the project says nothing about this one.
    write(root, "lib/x.ts", "export const z = 1;\n");
    let (doc, _) = json(root, &["--baseline", "ci/connlint-baseline.json", "lib"]);
    assert_eq!(doc["baseline"]["stale"], serde_json::json!([]));
}

#[test]
fn a_missing_or_corrupt_baseline_is_an_error() {
    let dir = next_project();
    let root = dir.path();
    connlint()
        .current_dir(root)
        .args(["--baseline", "nope.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read baseline nope.json"));
    write(root, "b.json", "{\"version\": 1, \"entries\": [");
    connlint()
        .current_dir(root)
        .args(["--baseline", "b.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "baseline b.json is not valid JSON",
        ));
    write(root, "b.json", "{\"version\": 7, \"entries\": []}");
    connlint()
        .current_dir(root)
        .args(["--baseline", "b.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has version 7"));
}

// ---------------------------------------------------------------- fixes that cannot be written

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_never_rewritten() {
    use std::os::unix::fs::MetadataExt;
    let dir = oversized_project();
    let root = dir.path();
    // Another file that could be fixed: --fix writes every file or none.
    write(
        root,
        "app/other.py",
        "x = 1  # connlint-ignore: oversized-pool\n",
    );
    let db = root.join("app/db.py");
    chmod(&db, 0o444);
    let before = std::fs::metadata(&db).unwrap();
    connlint()
        .current_dir(root)
        .args(["--unsafe-fixes", "--color", "never"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: app/db.py: read-only file; the fix was not written",
        ))
        // The findings are still reported.
        .stdout(predicate::str::contains("oversized-pool[CL301]"))
        .stdout(predicate::str::contains("unused-suppression[CL902]"))
        .stdout(predicate::str::contains("Fixed 0 finding(s) in 0 file(s)."));
    assert_eq!(read(root, "app/db.py"), OVERSIZED);
    assert_eq!(
        read(root, "app/other.py"),
        "x = 1  # connlint-ignore: oversized-pool\n"
    );
    let after = std::fs::metadata(&db).unwrap();
    assert_eq!(
        (after.ino(), after.mode(), after.uid()),
        (before.ino(), before.mode(), before.uid())
    );
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(root.join("app"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_fails_the_fix() {
    let dir = oversized_project();
    let root = dir.path();
    chmod(&root.join("app"), 0o555);
    // Root may write into a read-only directory: then the permission does not bind.
    let binds = std::fs::write(root.join("app/probe"), "").is_err();
    let _ = std::fs::remove_file(root.join("app/probe"));
    let out = connlint()
        .current_dir(root)
        .args(["--unsafe-fixes", "--color", "never"])
        .output()
        .unwrap();
    chmod(&root.join("app"), 0o755);
    if binds {
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("error: app/db.py: cannot write"),
            "{stderr}"
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("oversized-pool[CL301]"));
        assert_eq!(read(root, "app/db.py"), OVERSIZED);
    } else {
        assert_eq!(out.status.code(), Some(0));
    }
}

#[cfg(unix)]
#[test]
fn a_fixed_file_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = oversized_project();
    let db = dir.path().join("app/db.py");
    // Only root can give a file away; elsewhere there is nothing to check.
    if std::os::unix::fs::chown(&db, Some(4321), Some(4321)).is_err() {
        return;
    }
    connlint()
        .current_dir(dir.path())
        .arg("--unsafe-fixes")
        .assert()
        .code(0);
    let meta = std::fs::metadata(&db).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
    assert!(read(dir.path(), "app/db.py").contains("pool_size=25"));
}

#[test]
fn only_unsafe_fixes_say_so() {
    let dir = oversized_project();
    let root = dir.path();
    connlint()
        .current_dir(root)
        .arg("--diff")
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains(
            "1 fix available with --unsafe-fixes.",
        ));
    connlint()
        .current_dir(root)
        .args(["--fix", "--format", "json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "1 fix available with --unsafe-fixes.",
        ));
    connlint()
        .current_dir(root)
        .args(["--fix", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 fixable with --unsafe-fixes."));
    connlint()
        .current_dir(root)
        .args(["--diff", "--unsafe-fixes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("available with").not());
    assert_eq!(read(root, "app/db.py"), OVERSIZED);
}

#[test]
fn fixed_counts_findings_not_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_engine_factory(root);
    let route = |name: &str| {
        format!(
            "from fastapi import APIRouter\nfrom sqlalchemy import text\n\nfrom app.deps import get_engine\n\nrouter = APIRouter()\n\n\n@router.get(\"/{name}\")\ndef {name}():\n    with get_engine().connect() as conn:\n        return conn.execute(text(\"select 1\")).all()\n"
        )
    };
    write(root, "app/report.py", &route("report"));
    write(root, "app/export.py", &route("export"));
    // Two findings (one per route), one fix of two edits (`import functools`, `@functools.cache`)
    // that both share: two findings fixed, in one file.
    let (doc, _) = json(root, &["--isolated"]);
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2);
    assert!(
        diags
            .iter()
            .all(|d| d["fix"]["edits"].as_array().unwrap().len() >= 2)
    );
    connlint()
        .current_dir(root)
        .args(["--isolated", "--unsafe-fixes", "--color", "never"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fixed 2 finding(s) in 1 file(s)."));
}

// ---------------------------------------------------------------- mistyped subcommands

#[test]
fn a_mistyped_subcommand_is_named() {
    let dir = next_project();
    let root = dir.path();
    for (args, wrong, right) in [
        (&["chek"][..], "chek", "check"),
        (&["explian", "per-request-client"][..], "explian", "explain"),
        (&["rule"][..], "rule", "rules"),
    ] {
        connlint()
            .current_dir(root)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "unknown command `{wrong}`; did you mean `{right}`?"
            )));
    }
    // An existing path of that name is checked.
    write(root, "chek/a.ts", "export const a = 1;\n");
    connlint().current_dir(root).arg("chek").assert().code(0);
    // A path that looks like one is not a command.
    connlint()
        .current_dir(root)
        .arg("chek.ts")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
}

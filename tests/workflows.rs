//! Where users run connlint: files passed one by one (pre-commit, `--stdin-filename`) judged with
//! their whole project, the configuration nearest to each file, and the incremental cache.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod common;

use assert_cmd::Command;
use common::{FACTORY, PACKAGE, ROUTE, write};
use predicates::prelude::*;
use serde_json::Value;

fn connlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("connlint").unwrap();
    c.current_dir(dir).env_remove("CONNLINT_CACHE_DIR");
    c
}

/// (path, line, rule) of every diagnostic of a JSON run.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, u64, String)> {
    let out = connlint(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const CACHED: &str = r#"import { MongoClient } from "mongodb";

const g = globalThis as unknown as { mongo?: MongoClient };
export const client = g.mongo ?? new MongoClient(process.env.MONGODB_URI!);
if (process.env.NODE_ENV !== "production") g.mongo = client;
"#;

/// A Next.js app: a route calling a client factory in `lib/`, and two modules each keeping a
/// MongoDB client (duplicates of each other).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", PACKAGE);
    write(dir.path(), "lib/db.ts", FACTORY);
    write(dir.path(), "app/api/users/route.ts", ROUTE);
    write(dir.path(), "lib/mongodb.ts", CACHED);
    write(dir.path(), "lib/mongo-client.ts", CACHED);
    dir
}

#[test]
fn a_file_passed_alone_gets_the_findings_of_a_whole_project_run() {
    let dir = project();
    let whole = findings(dir.path(), &["."]);
    assert!(
        whole
            .iter()
            .any(|f| f.0 == "app/api/users/route.ts" && f.2 == "per-request-client"),
        "{whole:?}"
    );
    assert!(
        whole
            .iter()
            .any(|f| f.0 == "lib/mongodb.ts" && f.2 == "duplicate-client-module"),
        "{whole:?}"
    );
    // Each file alone (as pre-commit passes them), and several together: exactly the whole run's
    // findings located in those files.
    for files in [
        vec!["app/api/users/route.ts"],
        vec!["lib/mongodb.ts"],
        vec!["lib/mongo-client.ts", "app/api/users/route.ts"],
        vec!["lib/db.ts"],
    ] {
        let alone = findings(dir.path(), &files);
        let expected: Vec<_> = whole
            .iter()
            .filter(|f| files.contains(&f.0.as_str()))
            .cloned()
            .collect();
        assert_eq!(alone, expected, "{files:?}");
    }
    // From a subdirectory, with a path relative to it.
    let sub = findings(&dir.path().join("app"), &["api/users/route.ts"]);
    assert_eq!(sub.len(), 1);
    assert_eq!(sub[0].0, "api/users/route.ts");
    // The file count is the files asked about, not the project's.
    connlint(dir.path())
        .args(["--format", "json", "app/api/users/route.ts"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(r#""files_checked": 1"#));
}

#[test]
fn stdin_filename_is_judged_with_its_project() {
    let dir = project();
    let out = connlint(dir.path())
        .args([
            "--format",
            "json",
            "--stdin-filename",
            "app/api/users/route.ts",
        ])
        .write_stdin(ROUTE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(d[0]["rule"], "per-request-client");
    assert_eq!(d[0]["path"], "app/api/users/route.ts");
    // The buffer, not the file on disk, is what is checked: a fixed buffer is clean.
    let fixed = ROUTE.replace("const client = getClient();", "const client = shared;");
    connlint(dir.path())
        .args(["--stdin-filename", "app/api/users/route.ts"])
        .write_stdin(fixed)
        .assert()
        .code(0);
    // A new file that does not exist yet still sees the project.
    connlint(dir.path())
        .args(["--quiet", "--stdin-filename", "app/api/new/route.ts"])
        .write_stdin(ROUTE)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("app/api/new/route.ts:4:18"));
}

#[test]
fn problems_of_context_files_are_not_reported() {
    let dir = project();
    std::fs::write(dir.path().join("lib/blob.ts"), b"\x00\x01binary").unwrap();
    write(dir.path(), "lib/broken.rs", "fn main( {\n");
    let out = connlint(dir.path())
        .args(["--format", "json", "app/api/users/route.ts"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"].as_array().unwrap().len(), 0, "{v}");
    // ...but they are when asked about.
    let out = connlint(dir.path())
        .args(["--format", "json", "lib/blob.ts"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"].as_array().unwrap().len(), 1, "{v}");
}

/// Two services, each with its own configuration.
fn two_services() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for svc in ["web", "svc"] {
        write(dir.path(), &format!("{svc}/package.json"), PACKAGE);
        write(dir.path(), &format!("{svc}/lib/db.ts"), FACTORY);
        write(dir.path(), &format!("{svc}/app/api/users/route.ts"), ROUTE);
    }
    write(
        dir.path(),
        "web/connlint.toml",
        "ignore = [\"per-request-client\"]\n",
    );
    write(
        dir.path(),
        "svc/connlint.toml",
        "[severity]\nper-request-client = \"warning\"\n",
    );
    dir
}

#[test]
fn each_file_uses_its_nearest_configuration_whatever_the_order_of_paths() {
    let dir = two_services();
    let a = connlint(dir.path())
        .args(["--format", "json", "web", "svc"])
        .output()
        .unwrap();
    let b = connlint(dir.path())
        .args(["--format", "json", "svc", "web"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.status.code(), b.status.code());
    let v: Value = serde_json::from_slice(&a.stdout).unwrap();
    let d = v["diagnostics"].as_array().unwrap();
    // web ignores the rule; svc makes it a warning (so the run passes).
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(d[0]["path"], "svc/app/api/users/route.ts");
    assert_eq!(d[0]["severity"], "warning");
    assert_eq!(a.status.code(), Some(0));
    // Flags still win over every file, and --config overrides them all.
    connlint(dir.path())
        .args([
            "--quiet",
            "--select",
            "per-request-client",
            "--strict",
            "web",
            "svc",
        ])
        .assert()
        .code(1);
    write(
        dir.path(),
        "strict.toml",
        "select = [\"per-request-client\"]\n",
    );
    let out = findings(dir.path(), &["--config", "strict.toml", "svc", "web"]);
    assert_eq!(out.len(), 2, "{out:?}");
    // A nested configuration governs its subtree only.
    write(
        dir.path(),
        "svc/app/connlint.toml",
        "ignore = [\"per-request-client\"]\n",
    );
    assert!(findings(dir.path(), &["svc", "web"]).is_empty());
}

#[test]
fn a_nested_configuration_excludes_its_own_paths() {
    let dir = two_services();
    write(dir.path(), "svc/connlint.toml", "exclude = [\"app/**\"]\n");
    write(dir.path(), "web/connlint.toml", "");
    let out = findings(dir.path(), &["."]);
    assert!(
        out.iter().any(|f| f.0 == "web/app/api/users/route.ts"),
        "{out:?}"
    );
    assert!(!out.iter().any(|f| f.0.starts_with("svc/app/")), "{out:?}");
}

#[test]
fn impossible_budget_values_are_errors_at_their_line() {
    let dir = project();
    for (text, line, what) in [
        ("[budget]\nmax_connections = 0\n", 2, "max_connections"),
        ("[budget]\ninstances = 2\npool_max = -5\n", 3, "pool_max"),
        ("\n[budget.family]\nmongodb = 0\n", 3, "family.mongodb"),
        (
            "[budget]\nmax_connections = 20\npool_max = 50\n",
            3,
            "larger than",
        ),
    ] {
        write(dir.path(), "connlint.toml", text);
        connlint(dir.path())
            .args(["--color", "never", "."])
            .env("NO_COLOR", "1")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(what))
            .stderr(predicate::str::contains(format!("connlint.toml:{line}:")));
    }
    // An unknown rule in per-file-ignores, in a nested configuration found only for one file.
    std::fs::remove_file(dir.path().join("connlint.toml")).unwrap();
    write(
        dir.path(),
        "lib/.connlint.toml",
        "[per-file-ignores]\n\"*.ts\" = [\"no-such-rule\"]\n",
    );
    connlint(dir.path())
        .arg("lib/db.ts")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-rule"));
}

#[test]
fn the_cache_answers_unchanged_files_and_follows_edits() {
    let dir = project();
    std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    let cold = connlint(dir.path())
        .args(["--format", "json", "-v", "."])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&cold.stderr);
    assert!(stderr.contains("0 answered from the cache"), "{stderr}");
    let cache = dir.path().join(".connlint_cache");
    assert!(cache.join(".gitignore").is_file());
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    // Warm: same output, nothing parsed; from a subdirectory the repository's cache is used.
    let warm = connlint(dir.path())
        .args(["--format", "json", "-v", "."])
        .output()
        .unwrap();
    assert_eq!(cold.stdout, warm.stdout);
    let stderr = String::from_utf8_lossy(&warm.stderr);
    assert!(stderr.contains(", 0 parsed"), "{stderr}");
    connlint(&dir.path().join("app"))
        .args(["-v", "api/users/route.ts"])
        .assert()
        .stderr(predicate::str::contains(", 0 parsed"));
    assert!(!dir.path().join("app/.connlint_cache").exists());
    // An edit is seen: the factory becomes a cached singleton, the route is clean.
    write(
        dir.path(),
        "lib/db.ts",
        "import { client } from \"./mongodb\";\n\nexport function getClient() {\n  return client;\n}\n",
    );
    let after = findings(dir.path(), &["app/api/users/route.ts"]);
    assert!(after.is_empty(), "{after:?}");
    // The configuration is part of the key: a catalogue entry added in config is seen.
    // --no-cache neither reads nor writes it.
    let other = tempfile::tempdir().unwrap();
    write(other.path(), "package.json", PACKAGE);
    write(other.path(), "app/api/users/route.ts", ROUTE);
    connlint(other.path())
        .args(["--no-cache", "-v", "."])
        .assert()
        .stderr(predicate::str::contains("(no cache)"));
    assert!(!other.path().join(".connlint_cache").exists());
    // A corrupt cache is ignored.
    std::fs::write(cache.join("facts-v1.bin"), b"garbage").unwrap();
    let again = connlint(dir.path())
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    let uncached = connlint(dir.path())
        .args(["--format", "json", "--no-cache", "."])
        .output()
        .unwrap();
    assert_eq!(again.stdout, uncached.stdout);
    assert_eq!(again.status.code(), uncached.status.code());
}

#[test]
fn a_warm_run_reads_again_a_passed_by_file_that_changed() {
    // A file the prefilter passes by is remembered by its size and modification time, so a
    // warm run does not read it; once edited (to import a client library), it is read and
    // checked again.
    let dir = project();
    write(
        dir.path(),
        "app/api/orders/route.ts",
        "export async function GET() {\n  return Response.json([]);\n}\n",
    );
    let cache = tempfile::tempdir().unwrap();
    let run = |dir: &Path| {
        let out = connlint(dir)
            .args(["--format", "json", "--cache-dir"])
            .arg(cache.path())
            .arg(".")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let cold = run(dir.path());
    assert!(!cold.contains("app/api/orders/route.ts"), "{cold}");
    assert_eq!(run(dir.path()), cold);
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        dir.path(),
        "app/api/orders/route.ts",
        "import { MongoClient } from \"mongodb\";\n\nexport async function GET() {\n  const client = new MongoClient(process.env.MONGODB_URI!);\n  return Response.json(await client.db().collection(\"o\").find().toArray());\n}\n",
    );
    let warm = run(dir.path());
    assert!(warm.contains("app/api/orders/route.ts"), "{warm}");
}

#[test]
fn a_catalogue_entry_in_config_invalidates_cached_facts() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\ndependencies = [\"fastapi\", \"acme-db\"]\n",
    );
    write(
        dir.path(),
        "app/main.py",
        "from fastapi import FastAPI\nimport acme_db\n\napp = FastAPI()\n\n@app.get(\"/\")\ndef index():\n    pool = acme_db.connect_pool()\n    return pool.fetch()\n",
    );
    assert!(findings(dir.path(), &["."]).is_empty());
    write(
        dir.path(),
        "connlint.toml",
        "[[catalog.client]]\nlanguage = \"python\"\nid = \"acme\"\nlibrary = \"acme-db\"\nfamily = \"postgres\"\nkind = \"pool\"\nmodules = [\"acme_db\"]\nconstructors = [{ call = \"connect_pool\" }]\n",
    );
    let out = findings(dir.path(), &["."]);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].2, "per-request-client");
}

/// An edit that keeps a file's size and modification time (`cp -p`, `rsync -t`, tar) is seen by
/// a warm run: a file the prefilter passed by, edited to build a client per request with the
/// same number of bytes and its old mtime put back, is parsed and reported.
#[test]
fn the_cache_sees_an_edit_that_keeps_size_and_mtime() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"name":"w","private":true,"dependencies":{"express":"4.21.0","pg":"8.13.0"}}"#,
    );
    let quiet = "import express from \"express\";\nexport const r = express.Router();\nr.get(\"/\", (_q, s) => { s.json({ ok: 1 }); });\n";
    let leaky = "import { Pool } from \"pg\";\nimport express from \"express\";\nexport const r = express.Router();\nr.get(\"/\", async (_q, s) => { s.json(await new Pool().query(\"x\")); });\n";
    // The same length: pad the quiet text with spaces in a comment.
    let padded = format!("{quiet}//{}\n", " ".repeat(leaky.len() - quiet.len() - 3));
    assert_eq!(padded.len(), leaky.len());
    write(dir.path(), "routes.ts", &padded);
    let path = dir.path().join("routes.ts");
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert!(findings(dir.path(), &["."]).is_empty());
    // Warm once more (the file is passed by from the cache), then the same-size edit.
    assert!(findings(dir.path(), &["."]).is_empty());
    std::fs::write(&path, leaky).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    let after = findings(dir.path(), &["."]);
    assert!(
        after
            .iter()
            .any(|(_, _, rule)| rule == "per-request-client"),
        "{after:?}"
    );
}

//! The command line as a user drives it: exit codes, formats, errors that never panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{OVERSIZED, connlint, oversized_project, write, write_engine_factory};
use predicates::prelude::*;

const PACKAGE: &str =
    r#"{"name":"web","private":true,"dependencies":{"next":"15.0.0","mongodb":"6.0.0"}}"#;
const BAD_ROUTE: &str = r#"import { MongoClient } from "mongodb";

export async function GET() {
  const client = new MongoClient(process.env.MONGODB_URI!);
  const users = await client.db().collection("users").find().toArray();
  return Response.json(users);
}
"#;
const GOOD_LIB: &str = r#"import { MongoClient } from "mongodb";

const globalForMongo = globalThis as unknown as { mongo?: MongoClient };
export const client = globalForMongo.mongo ?? new MongoClient(process.env.MONGODB_URI!);
if (process.env.NODE_ENV !== "production") globalForMongo.mongo = client;
"#;

fn bad_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", PACKAGE);
    write(dir.path(), "app/api/users/route.ts", BAD_ROUTE);
    write(dir.path(), "lib/mongodb.ts", GOOD_LIB);
    dir
}

#[test]
fn clean_project_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", PACKAGE);
    write(dir.path(), "lib/mongodb.ts", GOOD_LIB);
    connlint()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "No connection problems found in 1 file.",
        ));
}

#[test]
fn findings_exit_one_with_snippet_rule_and_help() {
    let dir = bad_project();
    connlint()
        .current_dir(dir.path())
        .args(["check", ".", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("per-request-client[CL101]"))
        .stdout(predicate::str::contains("app/api/users/route.ts:4:18"))
        .stdout(predicate::str::contains(
            "new MongoClient(process.env.MONGODB_URI!)",
        ))
        .stdout(predicate::str::contains("help:"))
        .stdout(predicate::str::contains(
            "Found 1 error and 0 warnings in 2 files.",
        ));
}

#[test]
fn default_command_is_check_of_the_current_directory() {
    let dir = bad_project();
    connlint().current_dir(dir.path()).assert().code(1);
    connlint()
        .current_dir(dir.path())
        .arg("app")
        .assert()
        .code(1);
}

#[test]
fn json_document_follows_the_contract() {
    let dir = bad_project();
    let out = connlint()
        .current_dir(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "connlint");
    assert_eq!(v["files_checked"], 2);
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "per-request-client");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "app/api/users/route.ts");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(18))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(4), Some(59))
    );
    assert!(d["message"].as_str().unwrap().contains("MongoClient"));
    assert!(!d["help"].as_str().unwrap().is_empty());
    // The construction uses nothing of the request: an unsafe fix hoists it out of the handler.
    assert_eq!(d["fix"]["applicability"], "unsafe");
    let edits = d["fix"]["edits"].as_array().unwrap();
    assert!(!edits.is_empty());
    for e in edits {
        for k in ["line", "column", "end_line", "end_column"] {
            assert!(e[k].as_u64().is_some_and(|n| n >= 1), "{e}");
        }
        assert!(e["content"].is_string());
    }
    assert!(d["related"].as_array().unwrap().is_empty());
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn github_annotations() {
    let dir = bad_project();
    connlint()
        .current_dir(dir.path())
        .args(["--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "::error file=app/api/users/route.ts,line=4,col=18,",
        ));
}

#[test]
fn exit_zero_and_strict() {
    let dir = bad_project();
    connlint()
        .current_dir(dir.path())
        .arg("--exit-zero")
        .assert()
        .code(0);
    // Warnings alone pass unless --strict.
    let w = tempfile::tempdir().unwrap();
    write(
        w.path(),
        "package.json",
        r#"{"private":true,"dependencies":{"pg":"8","express":"4"}}"#,
    );
    write(
        w.path(),
        "src/report.ts",
        "import { Client } from \"pg\";\n\nexport async function countUsers(): Promise<number> {\n  const client = new Client();\n  await client.connect();\n  const r = await client.query(\"select count(*) from users\");\n  return Number(r.rows[0].count);\n}\n",
    );
    // (only per-request-client: the same code is also an unclosed-session error)
    let per_request = ["--select", "per-request-client"];
    connlint()
        .current_dir(w.path())
        .args(per_request)
        .args(["--format", "json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"warning\""));
    connlint()
        .current_dir(w.path())
        .args(per_request)
        .arg("--strict")
        .assert()
        .code(1);
}

#[test]
fn select_and_ignore_take_ids_and_codes() {
    let dir = bad_project();
    connlint()
        .current_dir(dir.path())
        .args(["--ignore", "per-request-client"])
        .assert()
        .code(0);
    connlint()
        .current_dir(dir.path())
        .args(["--select", "CL101"])
        .assert()
        .code(1);
    connlint()
        .current_dir(dir.path())
        .args(["--select", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `no-such-rule`"));
}

#[test]
fn usage_errors_exit_two() {
    connlint().arg("--no-such-flag").assert().code(2);
    connlint().args(["--format", "xml"]).assert().code(2);
    connlint()
        .arg("/definitely/not/a/path")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or directory"));
    connlint().args(["-j", "0", "."]).assert().code(2);
}

#[test]
fn rules_and_explain() {
    connlint()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("CL101  per-request-client"));
    let out = connlint()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "per-request-client")
    );
    connlint()
        .args(["explain", "per-request-client"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## Why is this bad?"));
    connlint()
        .args(["explain", "cl101"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# per-request-client"));
    connlint()
        .args(["explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule"));
}

#[test]
fn unreadable_inputs_are_listed_not_fatal() {
    let dir = bad_project();
    std::fs::write(
        dir.path().join("app/binary.ts"),
        b"\x00\x01\x02PrismaClient",
    )
    .unwrap();
    std::fs::write(dir.path().join("app/latin1.py"), b"x = '\xe9'\n").unwrap();
    write(
        dir.path(),
        "src/broken.rs",
        "use sqlx::PgPool;\nfn main( {\n",
    );
    let big = "// x\n".repeat(600_000);
    write(dir.path(), "app/huge.js", &big);
    let out = connlint()
        .current_dir(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let errors: Vec<String> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e["path"], e["message"]))
        .collect();
    let joined = errors.join("\n");
    assert!(
        joined.contains("app/binary.ts") && joined.contains("binary"),
        "{joined}"
    );
    assert!(
        joined.contains("app/latin1.py") && joined.contains("UTF-8"),
        "{joined}"
    );
    assert!(
        joined.contains("src/broken.rs") && joined.contains("cannot parse"),
        "{joined}"
    );
    assert!(
        joined.contains("app/huge.js") && joined.contains("limit"),
        "{joined}"
    );
    // The readable file is still checked.
    assert_eq!(v["diagnostics"][0]["path"], "app/api/users/route.ts");
}

#[test]
fn a_stray_nul_in_source_text_does_not_make_it_binary() {
    // Wekan keeps a NUL inside a template literal as a key separator; the file is text and its
    // handler still builds a pool per call.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"name":"x","dependencies":{"pg":"^8.12.0"}}"#,
    );
    std::fs::write(
        dir.path().join("keys.js"),
        b"const { Pool } = require('pg');\nconst key = (a, b) => `${a}\x00${b}`;\nexports.handler = async (event) => {\n  const pool = new Pool();\n  return key(event.a, await pool.query('SELECT 1'));\n};\n",
    )
    .unwrap();
    let out = connlint()
        .current_dir(dir.path())
        .args(["--format", "json", "--no-cache"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "{v}");
    assert_eq!(v["diagnostics"][0]["path"], "keys.js", "{v}");
    assert_eq!(v["diagnostics"][0]["line"], 4, "{v}");
}

#[test]
fn stdin_filename_checks_a_buffer() {
    let dir = bad_project();
    connlint()
        .current_dir(dir.path())
        .args([
            "--stdin-filename",
            "app/api/orders/route.ts",
            "--format",
            "json",
        ])
        .write_stdin(BAD_ROUTE)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "\"path\": \"app/api/orders/route.ts\"",
        ));
}

#[test]
fn suppression_comments() {
    let dir = bad_project();
    let suppressed = BAD_ROUTE.replace(
        "  const client = new MongoClient",
        "  // connlint-ignore: per-request-client -- short-lived admin route\n  const client = new MongoClient",
    );
    write(dir.path(), "app/api/users/route.ts", &suppressed);
    connlint().current_dir(dir.path()).assert().code(0);
}

#[test]
fn gitignored_directories_are_skipped() {
    let dir = bad_project();
    write(dir.path(), ".gitignore", "app/api/\n");
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    connlint().current_dir(dir.path()).assert().code(0);
    connlint()
        .current_dir(dir.path())
        .arg("--no-ignore")
        .assert()
        .code(1);
}

#[test]
fn config_file_selects_ignores_and_excludes() {
    let dir = bad_project();
    write(
        dir.path(),
        "connlint.toml",
        "[per-file-ignores]\n\"app/api/**\" = [\"per-request-client\"]\n",
    );
    connlint().current_dir(dir.path()).assert().code(0);
    write(dir.path(), "connlint.toml", "exclude = [\"app/api/**\"]\n");
    connlint()
        .current_dir(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"files_checked\": 1"));
    write(
        dir.path(),
        "connlint.toml",
        "[severity]\nper-request-client = \"warning\"\n",
    );
    connlint()
        .current_dir(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning"));
    // Found from a subdirectory too, and --isolated ignores it.
    connlint()
        .current_dir(dir.path().join("app"))
        .assert()
        .code(0);
    connlint()
        .current_dir(dir.path())
        .arg("--isolated")
        .assert()
        .code(1);
    // pyproject.toml [tool.connlint]
    std::fs::remove_file(dir.path().join("connlint.toml")).unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\n\n[tool.connlint]\nignore = [\"CL101\"]\n",
    );
    connlint().current_dir(dir.path()).assert().code(0);
}

#[test]
fn bad_config_points_at_the_line_and_exits_two() {
    let dir = bad_project();
    write(
        dir.path(),
        "connlint.toml",
        "select = [\"per-request-client\"]\n\n[severity]\nper-request-client = \"fatal\"\n",
    );
    connlint()
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown severity `fatal`"))
        .stderr(predicate::str::contains("connlint.toml:4:22"));
    write(dir.path(), "connlint.toml", "selct = []\n");
    connlint()
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("selct"));
    write(
        dir.path(),
        "connlint.toml",
        "ignore = [\"per-request-clients\"]\n",
    );
    connlint()
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule `per-request-clients`",
        ));
    connlint()
        .current_dir(dir.path())
        .args(["--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = oversized_project();
    connlint()
        .current_dir(dir.path())
        .args(["--diff", "--unsafe-fixes"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-    pool_size=40,"))
        .stdout(predicate::str::contains("+    pool_size=25,"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("app/db.py")).unwrap(),
        OVERSIZED
    );
    // Safe fixes only: an unsafe fix is not applied, so there is no diff.
    connlint()
        .current_dir(dir.path())
        .arg("--diff")
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fix_applies_unsafe_fixes_only_when_asked_and_converges() {
    let dir = oversized_project();
    connlint()
        .current_dir(dir.path())
        .arg("--fix")
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("app/db.py")).unwrap(),
        OVERSIZED
    );
    connlint()
        .current_dir(dir.path())
        .args(["--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("1 fixable with --unsafe-fixes."));
    connlint()
        .current_dir(dir.path())
        .arg("--unsafe-fixes")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fixed 1 finding(s) in 1 file(s)."));
    let fixed = std::fs::read_to_string(dir.path().join("app/db.py")).unwrap();
    assert_eq!(fixed, OVERSIZED.replace("pool_size=40", "pool_size=25"));
    connlint()
        .current_dir(dir.path())
        .arg("--unsafe-fixes")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fixed 0 finding(s) in 0 file(s)."));
}

#[test]
fn fix_keeps_crlf_line_endings() {
    let dir = oversized_project();
    let crlf = OVERSIZED.replace('\n', "\r\n");
    write(dir.path(), "app/db.py", &crlf);
    connlint()
        .current_dir(dir.path())
        .arg("--unsafe-fixes")
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("app/db.py")).unwrap();
    assert_eq!(fixed, crlf.replace("pool_size=40", "pool_size=25"));
}

#[test]
fn config_catalog_entries_add_an_in_house_client() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"billing\"\ndependencies = [\"fastapi\", \"acme-db\"]\n",
    );
    write(
        dir.path(),
        "app/routes.py",
        "from acme_db import connect_pool\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get(\"/invoices\")\nasync def invoices():\n    pool = connect_pool(\"postgresql://billing@db/billing\")\n    return await pool.fetch(\"select * from invoices\")\n",
    );
    // Unknown to the built-in catalogue: silent.
    connlint().current_dir(dir.path()).assert().code(0);
    write(
        dir.path(),
        "connlint.toml",
        "[[catalog.client]]\nlanguage = \"python\"\nid = \"acme-db\"\nlibrary = \"acme-db\"\nfamily = \"postgres\"\nkind = \"pool\"\nmodules = [\"acme_db\"]\nconstructors = [{ call = \"connect_pool\" }]\nrelease = [\"close\"]\n",
    );
    connlint()
        .current_dir(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"rule\": \"per-request-client\""))
        .stdout(predicate::str::contains("\"line\": 9"));
    write(
        dir.path(),
        "connlint.toml",
        "[[catalog.client]]\nlanguage = \"python\"\nid = \"acme-db\"\n",
    );
    connlint()
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing field"));
}

/// A library nobody at connlint has heard of, described only in the project's `connlint.toml`,
/// gets the same findings and fixes as a built-in one: library knowledge is data. Its own pool
/// key (`maxConns`) counts as pool tuning, so the route's client is replaced by the shared one.
#[test]
fn a_made_up_library_from_config_gets_findings_and_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "package.json",
        r#"{"dependencies":{"next":"15.0.0","@acme/db":"1.0.0"}}"#,
    );
    write(
        root,
        "app/api/invoices/route.ts",
        "import { AcmeClient } from \"@acme/db\";\n\nexport async function GET() {\n  const db = new AcmeClient({ url: process.env.ACME_URL, maxConns: 5 });\n  const rows = await db.query(\"select 1\");\n  return Response.json(rows);\n}\n",
    );
    write(
        root,
        "lib/acme.ts",
        "import { AcmeClient } from \"@acme/db\";\n\nexport const acme = new AcmeClient({ url: process.env.ACME_URL });\n",
    );
    write(
        root,
        "app/jobs.py",
        "from acme_db import connect_pool\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get(\"/invoices\")\nasync def invoices():\n    pool = connect_pool(\"postgresql://billing@db/billing\")\n    return await pool.fetch(\"select * from invoices\")\n",
    );
    // Unknown to the built-in catalogue: silent.
    connlint()
        .current_dir(root)
        .args(["--isolated", "."])
        .assert()
        .code(0);
    write(
        root,
        "connlint.toml",
        "[[catalog.client]]\nlanguage = \"typescript\"\nid = \"acme-db\"\nlibrary = \"@acme/db\"\nfamily = \"postgres\"\nkind = \"pool\"\nmodules = [\"@acme/db\"]\nconstructors = [{ new = \"AcmeClient\" }]\nrelease = [\"close\"]\nhot_reload = true\npool_keys = [{ key = \"maxConns\", default = 10 }]\n\n[[catalog.client]]\nlanguage = \"python\"\nid = \"acme-db-py\"\nlibrary = \"acme-db\"\nfamily = \"postgres\"\nkind = \"pool\"\nmodules = [\"acme_db\"]\nconstructors = [{ call = \"connect_pool\" }]\nrelease = [\"close\"]\n",
    );
    let out = connlint()
        .current_dir(root)
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String, bool)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["fix"]["edits"].as_array().is_some_and(|e| !e.is_empty()),
            )
        })
        .collect();
    for want in [
        ("per-request-client", "app/api/invoices/route.ts"),
        ("hot-reload-client", "lib/acme.ts"),
        ("per-request-client", "app/jobs.py"),
    ] {
        assert!(
            found
                .iter()
                .any(|(r, p, fix)| r == want.0 && p == want.1 && *fix),
            "{want:?} with a fix not in {found:?}"
        );
    }
    // The fixes apply, and nothing is left to report.
    connlint()
        .current_dir(root)
        .args(["--unsafe-fixes", "."])
        .assert()
        .code(0);
    let route = std::fs::read_to_string(root.join("app/api/invoices/route.ts")).unwrap();
    assert!(route.contains("import { acme as db } from"), "{route}");
    assert!(!route.contains("new AcmeClient"), "{route}");
    let lib = std::fs::read_to_string(root.join("lib/acme.ts")).unwrap();
    assert!(lib.contains("globalThis"), "{lib}");
    let py = std::fs::read_to_string(root.join("app/jobs.py")).unwrap();
    assert!(
        py.contains("\npool = connect_pool(") && !py.contains("    pool = connect_pool("),
        "{py}"
    );
    connlint().current_dir(root).arg(".").assert().code(0);
}

#[test]
fn a_factory_is_fixed_where_it_is_defined() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_engine_factory(root);
    let route = "from fastapi import APIRouter\nfrom sqlalchemy import text\n\nfrom app.deps import get_engine\n\nrouter = APIRouter()\n\n\n@router.get(\"/report\")\ndef report():\n    with get_engine().connect() as conn:\n        return conn.execute(text(\"select 1\")).all()\n";
    write(root, "app/routes.py", route);
    // JSON: the finding is at the call, its edits are in the factory's file and say so.
    let out = connlint()
        .current_dir(root)
        .args(["check", "--isolated", "--format", "json", "."])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "per-request-client")
        .expect("a per-request finding");
    assert_eq!(d["path"], "app/routes.py");
    let edits = d["fix"]["edits"].as_array().unwrap();
    assert!(!edits.is_empty());
    assert!(
        edits.iter().all(|e| e["path"] == "app/deps.py"),
        "{edits:?}"
    );
    // --unsafe-fixes writes the factory's file, leaves the route alone, and the finding is gone.
    connlint()
        .current_dir(root)
        .args(["check", "--isolated", "--unsafe-fixes", "."])
        .assert()
        .success();
    let deps = std::fs::read_to_string(root.join("app/deps.py")).unwrap();
    assert!(deps.contains("import functools\n"), "{deps}");
    assert!(
        deps.contains("@functools.cache\ndef get_engine():"),
        "{deps}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("app/routes.py")).unwrap(),
        route
    );
}

#[test]
fn projects_checked_together_do_not_count_each_others_imports() {
    // Two Next.js apps in one run, each with two modules exporting a client of one database;
    // app `b` imports its `lib/auth` from many routes. In app `a` (routes import `lib/db` only),
    // `lib/db.ts` is the module to keep, whatever app `b` imports.
    let dir = tempfile::tempdir().unwrap();
    const PLAIN: &str = "import { MongoClient } from \"mongodb\";\nexport const client = new MongoClient(process.env.MONGODB_URI!);\nexport async function users() {\n  return client.db().collection(\"users\").find().toArray();\n}\n";
    const PLAIN_EXPORTED: &str = "import { MongoClient } from \"mongodb\";\nexport const client = new MongoClient(process.env.MONGODB_URI!);\n";
    for app in ["a", "b"] {
        write(dir.path(), &format!("{app}/package.json"), PACKAGE);
        write(dir.path(), &format!("{app}/lib/auth.ts"), PLAIN);
        write(dir.path(), &format!("{app}/lib/db.ts"), PLAIN_EXPORTED);
    }
    write(
        dir.path(),
        "a/app/api/x/route.ts",
        "import { client } from \"@/lib/db\";\nexport async function GET() {\n  return Response.json(await client.db().collection(\"x\").countDocuments());\n}\n",
    );
    for r in ["one", "two", "three"] {
        write(
            dir.path(),
            &format!("b/app/api/{r}/route.ts"),
            "import { users } from \"@/lib/auth\";\nexport async function GET() {\n  return Response.json(await users());\n}\n",
        );
    }
    let out = connlint()
        .args([
            "check",
            "--isolated",
            "--format",
            "json",
            "--select",
            "duplicate-client-module",
            ".",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    paths.sort();
    assert_eq!(paths, ["a/lib/auth.ts", "b/lib/db.ts"], "{doc}");
}

/// `connlint explain --why PATH:LINE` prints the line's findings with the chain that makes the
/// line run many times; a line without one exits 1; a malformed place exits 2.
#[test]
fn explain_why_prints_the_chain() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/per-request-client/bad-rs-tokio-accept-loop-in-main");
    let out = assert_cmd::Command::cargo_bin("connlint")
        .unwrap()
        .current_dir(&dir)
        .env_remove("CONNLINT_CACHE_DIR")
        .args(["explain", "--why", "src/conn.rs:7"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.starts_with("src/conn.rs:6:16: per-request-client (CL101, error)"),
        "{text}"
    );
    assert!(
        text.contains("why:  `handle` runs on every iteration of a loop: it is called from a loop in `main` (src/main.rs:14)"),
        "{text}"
    );
    let none = assert_cmd::Command::cargo_bin("connlint")
        .unwrap()
        .current_dir(&dir)
        .args(["explain", "--why", "src/conn.rs:1"])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stdout).contains("no finding on this line"));
    for bad in ["src/conn.rs", "src/conn.rs:0", "missing.rs:3"] {
        let out = assert_cmd::Command::cargo_bin("connlint")
            .unwrap()
            .current_dir(&dir)
            .args(["explain", "--why", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

/// One bug, one finding: a `requests.Session()` built per request and never closed is reported
/// by `per-request-client` alone; with that rule ignored or suppressed, `unclosed-session` reports it.
#[test]
fn one_finding_per_bug_across_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "requirements.txt", "fastapi\nrequests\n");
    let app = "import requests\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/a\")\ndef a():\n    s = requests.Session()\n    return s.get(\"https://x\").json()\n";
    write(dir.path(), "app.py", app);
    let rules_at_line_9 = |args: &[&str]| -> Vec<String> {
        let out = connlint()
            .current_dir(dir.path())
            .args(["check", ".", "--no-cache", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["line"] == 9)
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules_at_line_9(&[]), ["per-request-client"]);
    assert_eq!(
        rules_at_line_9(&["--ignore", "per-request-client"]),
        ["unclosed-session"]
    );
    write(
        dir.path(),
        "app.py",
        &app.replace(
            "requests.Session()",
            "requests.Session()  # connlint-ignore: per-request-client",
        ),
    );
    assert_eq!(rules_at_line_9(&[]), ["unclosed-session"]);
}

/// `--fix` on a symlinked source file fixes the file the link points to and keeps the link.
#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink() {
    let dir = oversized_project();
    let text = std::fs::read_to_string(dir.path().join("app/db.py")).unwrap();
    write(dir.path(), "shared/db_impl.py", &text);
    std::fs::remove_file(dir.path().join("app/db.py")).unwrap();
    std::os::unix::fs::symlink("../shared/db_impl.py", dir.path().join("app/db.py")).unwrap();
    connlint()
        .current_dir(dir.path())
        .args(["--unsafe-fixes", "app/db.py"])
        .assert()
        .code(0);
    let link = std::fs::symlink_metadata(dir.path().join("app/db.py")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let fixed = std::fs::read_to_string(dir.path().join("shared/db_impl.py")).unwrap();
    assert_eq!(fixed, text.replace("pool_size=40", "pool_size=25"));
}

/// `--fix` on a file the user may write but whose group the user is not in: a rename could not
/// keep the group, so the fix is written in place, keeping owner, group and permissions. (Run as
/// root, the test plays that user with `runuser -u nobody`; as another user it cannot set the
/// scene and says so.)
#[cfg(unix)]
#[test]
fn fix_keeps_a_group_the_user_is_not_in() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root {
        eprintln!("skipped: needs root to make a file whose group its writer is not in");
        return;
    }
    let dir = oversized_project();
    let uid = |name: &str| {
        let out = std::process::Command::new("id")
            .args(["-u", name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<u32>()
            .unwrap()
    };
    let nobody = uid("nobody");
    // Everything the user needs: the directories, and the project's files.
    for entry in walkdir::WalkDir::new(dir.path()) {
        let entry = entry.unwrap();
        std::os::unix::fs::chown(entry.path(), Some(nobody), None).unwrap();
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let file = dir.path().join("app/db.py");
    let text = std::fs::read_to_string(&file).unwrap();
    // Owned by the user, in group root (gid 0), which `nobody` is not in.
    std::os::unix::fs::chown(&file, Some(nobody), Some(0)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = std::process::Command::new("runuser")
        .args(["-u", "nobody", "--"])
        .arg(assert_cmd::cargo::cargo_bin("connlint"))
        .args(["--no-cache", "--unsafe-fixes", "app/db.py"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o777),
        (nobody, 0, 0o640)
    );
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(fixed, text.replace("pool_size=40", "pool_size=25"));
    // No staged copy left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("app"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("connlint-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

//! Inputs that used to end the whole run (a stack overflow inside `syn`, a C assertion inside
//! tree-sitter's Python scanner): each run must finish with exit 0/1, valid JSON, the hostile file
//! listed or checked, and the other files' findings kept.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{connlint, write};
use serde_json::Value;

const BAD_PY: &str = "from fastapi import FastAPI\nimport sqlalchemy\n\napp = FastAPI()\n\n@app.get(\"/\")\ndef index():\n    engine = sqlalchemy.create_engine(\"postgresql://x\")\n    return engine.connect()\n";

/// `connlint --no-cache --format json .` in `dir`: the exit code and the report.
fn check_json(dir: &std::path::Path) -> (Option<i32>, Value) {
    let out = connlint()
        .current_dir(dir)
        .args(["--no-cache", "--format", "json", "."])
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), v)
}

/// The entry of `v[list]` (`errors`, `diagnostics`) for `path`.
fn entry<'v>(v: &'v Value, list: &str, path: &str) -> &'v Value {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == path)
        .unwrap_or_else(|| panic!("no {list} entry for {path}: {v}"))
}

fn nested_ifs(n: usize) -> String {
    let mut s = String::from("import sqlalchemy\n\ndef f():\n");
    for i in 0..n {
        s.push_str(&format!("{}if x:\n", "    ".repeat(i + 1)));
    }
    s.push_str(&format!(
        "{}engine = sqlalchemy.create_engine(\"x\")\n",
        "    ".repeat(n + 1)
    ));
    s
}

#[test]
fn deep_nesting_never_ends_the_run() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"api\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    );
    write(dir.path(), "app/main.py", BAD_PY);
    // Python nested 600 levels: tree-sitter's scanner would abort the process.
    write(dir.path(), "app/deep_indent.py", &nested_ifs(600));
    // Rust: 3,000 nested parentheses and a 10,000-term sum (syn recursed past the stack).
    let parens = format!(
        "use sqlx::PgPool;\nfn main() {{ let x = {}1{}; }}\n",
        "(".repeat(3000),
        ")".repeat(3000)
    );
    write(dir.path(), "src/parens.rs", &parens);
    // 100,000 nested generics: past what even 256 MiB of stack holds for syn; listed, skipped.
    write(
        dir.path(),
        "src/generics.rs",
        &format!(
            "use sqlx::PgPool;\ntype T = {}u8{};\nfn main() {{}}\n",
            "Vec<".repeat(100_000),
            ">".repeat(100_000)
        ),
    );
    let sum = vec!["1"; 10_000].join(" + ");
    write(
        dir.path(),
        "src/sum.rs",
        &format!("use sqlx::PgPool;\nfn main() {{ let x = {sum}; }}\n"),
    );
    // TS: 5,000 nested functions under a documentation comment, and 2,000 nested classes
    // (a climb to the parent per function or method made these quadratic in depth).
    write(
        dir.path(),
        "web/deep.ts",
        &format!(
            "import {{ Pool }} from \"pg\";\n/** @customfunction */\n{}new Pool();\n{}",
            "function f() {\n".repeat(5000),
            "}\n".repeat(5000)
        ),
    );
    write(
        dir.path(),
        "web/classes.ts",
        &format!(
            "import {{ Pool }} from \"pg\";\n{}new Pool();\n{}",
            "class A {\n  /** @customfunction */\n  m() {\n".repeat(2000),
            "}}\n".repeat(2000)
        ),
    );
    let out = connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--no-skip-generated", "--format", "json", "."])
        .output()
        .unwrap();
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = v["errors"].as_array().unwrap();
    let deep = errors
        .iter()
        .find(|e| e["path"] == "app/deep_indent.py")
        .unwrap_or_else(|| panic!("{v}"));
    assert!(
        deep["message"].as_str().unwrap().contains("levels deep"),
        "{deep}"
    );
    assert!(
        errors.iter().any(|e| e["path"] == "src/generics.rs"
            && e["message"]
                .as_str()
                .unwrap()
                .contains("nesting deeper than")),
        "{v}"
    );
    // The other files were checked: the per-request engine in main.py is still reported.
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == "app/main.py" && d["rule"] == "per-request-client"),
        "{v}"
    );
    // Checked: main.py, parens.rs, sum.rs, deep.ts, classes.ts (the skipped files are listed,
    // not counted).
    assert_eq!(v["files_checked"], 5, "{v}");
}

#[test]
fn a_tsconfig_nested_too_deep_is_refused_not_a_crash() {
    // The JSON5 parser recurses; a tsconfig nested 200,000 deep would overflow the stack.
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{{\"a\": {}{}}}", "[".repeat(200_000), "]".repeat(200_000));
    write(dir.path(), "web/tsconfig.json", &deep);
    write(
        dir.path(),
        "web/package.json",
        "{\"dependencies\": {\"pg\": \"8\"}}",
    );
    write(dir.path(), "web/lib/db.ts", common::FACTORY);
    let (code, v) = check_json(dir.path());
    assert!(matches!(code, Some(0 | 1)), "{v}");
    let e = entry(&v, "errors", "web/tsconfig.json");
    assert!(
        e["message"].as_str().unwrap().contains("nested more than"),
        "{e}"
    );
    assert_eq!(v["files_checked"], 1, "{v}");
}

#[test]
fn malformed_manifests_are_reported_not_silently_ignored() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "web/package.json",
        "{\n  \"dependencies\": {\n    \"next\": ,\n  }\n}\n",
    );
    write(dir.path(), "web/lib/db.ts", common::FACTORY);
    write(
        dir.path(),
        "api/pyproject.toml",
        "[project\nname = \"api\"\n",
    );
    write(dir.path(), "api/app/main.py", BAD_PY);
    let (code, v) = check_json(dir.path());
    assert!(matches!(code, Some(0 | 1)));
    let errors = v["errors"].as_array().unwrap();
    let pkg = entry(&v, "errors", "web/package.json");
    assert_eq!(pkg["line"], 3, "{pkg}");
    assert!(
        pkg["message"]
            .as_str()
            .unwrap()
            .contains("malformed package.json")
    );
    let py = errors
        .iter()
        .find(|e| e["path"] == "api/pyproject.toml")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(py["line"], 1, "{py}");
    // The sources are still checked; --strict fails on the degraded context.
    assert_eq!(v["files_checked"], 2, "{v}");
    connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--strict", "--exit-zero", "."])
        .assert()
        .code(0);
    connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--strict", "web/lib/db.ts"])
        .assert()
        .code(1);
}

/// A minified bundle: one line of ~300 KB holding 3,000 constructions. The default (human)
/// report used to copy the whole file per finding and hand miette the megabyte-long line (a
/// minute, then a panic "Formatting argument out of range"): each snippet now shows a window of
/// the line, cut with `…`, at the right line and column.
#[test]
fn minified_lines_render_as_windows() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"dependencies":{"pg":"8.0.0","next":"15.0.0"}}"#,
    );
    let mut bundle = String::from("import {Pool as M} from \"pg\";");
    for i in 0..3000 {
        bundle.push_str(&format!(
            "var a{i}=new M({{max:5}});function f{i}(x){{var c=new M();return a{i}.query(x)}};"
        ));
    }
    write(dir.path(), "src/bundle.js", &bundle);
    let out = connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--no-skip-generated", "src/bundle.js"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The last function's construction, at its true column, shown inside a cut window.
    let last = bundle.rfind("var c=new M()").unwrap() + "var c=".len();
    let header = format!("src/bundle.js:1:{}]", last + 1);
    let at = stdout
        .find(&header)
        .unwrap_or_else(|| panic!("no {header}"));
    let snippet = stdout[at..].lines().nth(1).unwrap();
    assert!(
        snippet.starts_with(" 1 │ …") && snippet.contains("{var c=new M();return a2999.query(x)}"),
        "{snippet}"
    );
    assert!(snippet.chars().count() < 300, "{snippet}");
    // Every line of the report is short: no line of the bundle was printed whole.
    assert!(stdout.lines().all(|l| l.len() < 1000));
    assert!(
        stdout.contains("and 3000 warnings in 1 file."),
        "{}",
        &stdout[stdout.len() - 300..]
    );
}

/// A dotenv URL connlint cannot read is listed under `errors` at its line; a pool size too large
/// for any integer is "more than any server allows", not silence (it wrapped, or was dropped).
#[test]
fn dotenv_values_it_cannot_read_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"dependencies":{"@prisma/client":"5.0.0","next":"15.0.0"}}"#,
    );
    write(
        dir.path(),
        ".env",
        "DATABASE_URL=\"postgresql://u:p@db.example.com:5432/app?connection_limit=99999999999999999999999\"\nDIRECT_URL=\"postgresql://u:p@db.example.com:5432/app\n",
    );
    write(
        dir.path(),
        "lib/db.ts",
        "import { PrismaClient } from \"@prisma/client\";\nexport const prisma = new PrismaClient();\n",
    );
    let (code, v) = check_json(dir.path());
    assert!(matches!(code, Some(0 | 1)));
    let err = entry(&v, "errors", ".env");
    assert_eq!(err["line"], 2, "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("DIRECT_URL"),
        "{err}"
    );
    let pool = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "oversized-pool")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(pool["path"], ".env", "{pool}");
    assert!(
        pool["message"]
            .as_str()
            .unwrap()
            .contains("9223372036854775807"),
        "{pool}"
    );
}

/// Unreadable files and folders (as a user who may not read them: root reads everything, so
/// as root the run is dropped to `nobody` with `setpriv`) are listed under `errors` and the
/// rest of the project is still checked.
#[cfg(unix)]
#[test]
fn unreadable_files_are_listed_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"api\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    );
    write(dir.path(), "app/main.py", BAD_PY);
    write(dir.path(), "app/locked.py", BAD_PY);
    write(dir.path(), "secret/s.py", BAD_PY);
    let mode = |p: &str, m: u32| {
        std::fs::set_permissions(dir.path().join(p), std::fs::Permissions::from_mode(m)).unwrap()
    };
    for d in [".", "app"] {
        mode(d, 0o755);
    }
    mode("app/main.py", 0o644);
    mode("pyproject.toml", 0o644);
    mode("app/locked.py", 0o000);
    mode("secret", 0o700);
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("connlint");
    let mut cmd = if root {
        // The binary must be reachable by `nobody` too.
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd
        .current_dir(dir.path())
        .args(["--no-cache", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<(&str, &str)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect();
    for p in ["app/locked.py", "secret"] {
        assert!(
            errors
                .iter()
                .any(|(path, m)| *path == p && m.contains("Permission denied")),
            "{p}: {errors:?}"
        );
    }
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == "app/main.py")
    );
    // Give the folder back so that it can be removed.
    mode("secret", 0o755);
    mode("secret/s.py", 0o644);
    mode("app/locked.py", 0o644);
}

/// Classic Mac line endings (`\r` alone): every finding at its own line in every language (they
/// were all reported at line 1; in Rust, syn counts lines by `\n` only and the spans were lost).
#[test]
fn lone_carriage_returns_place_findings_on_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "Cargo.toml",
        "[package]\nname = \"api\"\nversion = \"0.1.0\"\n[dependencies]\naxum = \"0.7\"\nsqlx = \"0.7\"\n",
    );
    let rust = "use axum::{routing::get, Router};\nuse sqlx::PgPool;\n\nasync fn handler() -> String {\n    let pool = PgPool::connect(\"postgres://x\").await.unwrap();\n    String::new()\n}\n\nfn app() -> Router {\n    Router::new().route(\"/\", get(handler))\n}\n";
    write(dir.path(), "src/main.rs", &rust.replace('\n', "\r"));
    write(
        dir.path(),
        "py/pyproject.toml",
        "[project]\nname = \"api\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    );
    write(dir.path(), "py/app/main.py", &BAD_PY.replace('\n', "\r"));
    let (_, v) = check_json(dir.path());
    let at = |path: &str| {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path)
            .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
            .unwrap_or_else(|| panic!("{path}: {v}"))
    };
    assert_eq!(at("src/main.rs"), (5, 16));
    assert_eq!(at("py/app/main.py"), (8, 14));
}

/// A file that takes longer than its time budget is listed under `errors` and the run goes on
/// (the budget is forced to 0 ms here: any file with more than a few hundred nodes is over it).
#[test]
fn a_file_over_its_time_budget_is_listed_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"api\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    );
    write(dir.path(), "app/main.py", BAD_PY);
    let mut big = String::from("import sqlalchemy\n");
    for i in 0..3000 {
        big.push_str(&format!(
            "def f{i}(x):\n    return sqlalchemy.text(x) + {i}\n"
        ));
    }
    write(dir.path(), "app/big.py", &big);
    let out = connlint()
        .current_dir(dir.path())
        .env("CONNLINT_FILE_BUDGET_MS", "0")
        .args(["--no-cache", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing printed by a panic hook: the unwinding is silent.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let big = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "app/big.py")
        .unwrap_or_else(|| panic!("{v}"));
    assert!(
        big["message"]
            .as_str()
            .unwrap()
            .contains("longer than its budget"),
        "{big}"
    );
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == "app/main.py")
    );
}

/// The hostile set of `benches/hostile.py` (small scale; its time bounds are the benchmark's,
/// run on a release build) and corrupted copies of the fixture projects (`benches/corrupt.py`):
/// every run ends with exit 0/1/2 and a JSON report, and no file changes without `--fix`.
#[test]
fn hostile_and_corrupted_inputs_end_well() {
    let bin = assert_cmd::cargo::cargo_bin("connlint");
    let root = env!("CARGO_MANIFEST_DIR");
    for (script, args) in [
        ("benches/hostile.py", vec!["--scale", "0.05", "--no-time"]),
        ("benches/corrupt.py", vec!["-n", "60", "--seed", "3"]),
    ] {
        let out = std::process::Command::new("python3")
            .arg(format!("{root}/{script}"))
            .args(&args)
            .arg("--bin")
            .arg(&bin)
            .output()
            .unwrap_or_else(|e| panic!("python3 {script}: {e}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{script}:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!stdout.contains("FAIL"), "{stdout}");
    }
}

/// `mkfifo PATH`.
#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success());
}

/// A symlink to `/dev/zero` named like a source file, FIFOs named like a source file and a dotenv
/// file: listed as not regular files, never opened (no hang, no unbounded read), the rest checked.
/// The same for a FIFO given as the configuration or the baseline.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "requirements.txt", "fastapi\nsqlalchemy\n");
    write(dir.path(), "app/main.py", BAD_PY);
    std::fs::create_dir_all(dir.path().join("app/api")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("app/api/zero.ts")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("app/zero.py")).unwrap();
    mkfifo(&dir.path().join("pipe.ts"));
    mkfifo(&dir.path().join(".env.local"));
    let started = std::time::Instant::now();
    let (code, v) = check_json(dir.path());
    assert_eq!(code, Some(1));
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert_eq!(
        entry(&v, "diagnostics", "app/main.py")["rule"],
        "per-request-client"
    );
    for name in ["app/api/zero.ts", "app/zero.py", "pipe.ts", ".env.local"] {
        let e = entry(&v, "errors", name);
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("not a regular file"),
            "{name}: {e}"
        );
    }
    // A FIFO as the configuration or the baseline: an error, at once.
    mkfifo(&dir.path().join("conf.toml"));
    mkfifo(&dir.path().join("baseline.json"));
    for args in [
        vec!["check", "--config", "conf.toml", "."],
        vec!["check", "--baseline", "baseline.json", "."],
    ] {
        let out = connlint()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// `"dependencies": ["next", 5]` is named, not passed over; a UTF-16 source is called UTF-16,
/// not binary.
#[test]
fn odd_manifests_and_utf16_sources_are_named() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"name":"w","dependencies":["next",5]}"#,
    );
    write(dir.path(), "lib/db.ts", common::FACTORY);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "import { Pool } from 'pg';\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(dir.path().join("lib/legacy.ts"), utf16).unwrap();
    let (_, v) = check_json(dir.path());
    let pkg = entry(&v, "errors", "package.json");
    assert!(
        pkg["message"]
            .as_str()
            .unwrap()
            .contains("`dependencies` in package.json is not an object"),
        "{pkg}"
    );
    let legacy = entry(&v, "errors", "lib/legacy.ts");
    assert!(
        legacy["message"].as_str().unwrap().contains("UTF-16"),
        "{legacy}"
    );
}

/// Generated and minified files are skipped with a note, by default: a file whose header says
/// it is generated, a bundle of very long lines (discovery leaves `.min.js` out already). They do not fail `--strict`;
/// `--no-skip-generated` checks them.
#[test]
fn generated_files_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"dependencies":{"pg":"8.0.0","next":"15.0.0"}}"#,
    );
    let route = "import { Pool } from 'pg';\nexport async function GET() { const p = new Pool(); return p.query('x'); }\n";
    write(dir.path(), "app/api/a/route.ts", route);
    write(
        dir.path(),
        "app/api/b/route.ts",
        &format!("// Code generated by openapi-gen. DO NOT EDIT.\n{route}"),
    );
    let mut bundle = String::from("import {Pool as M} from \"pg\";");
    for i in 0..2000 {
        bundle.push_str(&format!(
            "export async function GET{i}(){{var c=new M();return c.query(1)}};"
        ));
    }
    write(dir.path(), "app/api/c/route.js", &bundle);
    let (code, v) = check_json(dir.path());
    assert_eq!(code, Some(1));
    let findings: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(findings, ["app/api/a/route.ts"], "{v}");
    for (path, why) in [
        ("app/api/b/route.ts", "generated-code header"),
        ("app/api/c/route.js", "minified code"),
    ] {
        let m = entry(&v, "errors", path)["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            m.starts_with("skipped: ") && m.contains(why) && m.contains("--no-skip-generated"),
            "{path}: {m}"
        );
    }
    // Without the finding, --strict passes despite the notes.
    std::fs::remove_file(dir.path().join("app/api/a/route.ts")).unwrap();
    let strict = connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--strict", "."])
        .output()
        .unwrap();
    assert_eq!(
        strict.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&strict.stderr)
    );
    assert!(String::from_utf8_lossy(&strict.stderr).contains("app/api/c/route.js"));
    // --no-skip-generated checks them all.
    let out = connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--no-skip-generated", "--format", "json", "."])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for path in ["app/api/b/route.ts", "app/api/c/route.js"] {
        assert!(
            v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["path"] == path),
            "{path}: {}",
            v["errors"]
        );
    }
    assert!(
        v["errors"].as_array().unwrap().is_empty(),
        "{}",
        v["errors"]
    );
}

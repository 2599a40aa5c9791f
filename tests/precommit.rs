//! The pre-commit hooks, driven by the real `pre-commit` (PyPI) in a real git repository.
//!
//! The hook definitions are read from `.pre-commit-hooks.yaml` (by pre-commit's own YAML library)
//! and installed as `repo: local` hooks whose entry is the binary just built, so the test does not
//! `cargo install` again. `pre-commit` is taken from `$CONNLINT_PRE_COMMIT` (what `.ci/run` sets),
//! else installed once into a throwaway venv under Cargo's target directory (needs PyPI).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{FACTORY, PACKAGE, ROUTE, pypi_tool, write};

fn pre_commit() -> PathBuf {
    pypi_tool(
        "CONNLINT_PRE_COMMIT",
        "pre-commit-venv",
        "pre-commit>=3,<5",
        "pre-commit",
    )
}

fn run(dir: &Path, program: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", dir.join(".pre-commit-home"))
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env_remove("CONNLINT_CACHE_DIR")
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) -> Output {
    run(dir, Path::new("git"), args)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A `.pre-commit-config.yaml` with the manifest's hooks as local hooks running `binary`.
fn local_config(pre_commit: &Path, binary: &Path) -> String {
    let python = pre_commit.parent().unwrap().join("python");
    let python = if python.is_file() {
        python
    } else {
        PathBuf::from("python3")
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml");
    let script = r#"
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
local = []
for h in hooks:
    assert h["language"] == "rust", h
    assert h.get("require_serial") is True, h
    h = dict(h)
    # The binary just built replaces `cargo install`: same arguments, same file selection.
    h["entry"] = sys.argv[2] + h["entry"][len("connlint"):]
    h["language"] = "system"
    local.append(h)
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}))
"#;
    let out = Command::new(python)
        .args(["-c", script])
        .arg(manifest)
        .arg(binary)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8(out.stdout).unwrap()
}

/// The common route, importing the factory by a relative path (no tsconfig paths here).
fn route() -> String {
    ROUTE.replace("@/lib/db", "../../../lib/db")
}
const CACHED_FACTORY: &str = r#"import { MongoClient } from "mongodb";

const g = globalThis as unknown as { mongo?: MongoClient };

export function getClient() {
  g.mongo ??= new MongoClient(process.env.MONGODB_URI!);
  return g.mongo;
}
"#;

#[test]
fn pre_commit_blocks_a_commit_that_calls_a_factory_per_request_and_passes_once_fixed() {
    let pre_commit = pre_commit();
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_connlint"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert!(git(root, &["init", "-q"]).status.success());
    write(root, "package.json", PACKAGE);
    write(root, ".gitignore", ".pre-commit-home/\n");
    write(
        root,
        ".pre-commit-config.yaml",
        &local_config(&pre_commit, &binary),
    );
    let install = run(root, &pre_commit, &["install"]);
    assert!(install.status.success(), "{}", text(&install));

    // First commit: the factory alone (a warning at most: it passes).
    write(root, "lib/db.ts", FACTORY);
    git(root, &["add", "-A"]);
    let first = git(root, &["commit", "-q", "-m", "factory"]);
    assert!(first.status.success(), "{}", text(&first));

    // Second commit stages only the route; pre-commit passes only it to connlint, which must
    // still see the factory in lib/ and refuse the commit, naming the rule.
    write(root, "app/api/users/route.ts", &route());
    git(root, &["add", "app/api/users/route.ts"]);
    let bad = git(root, &["commit", "-q", "-m", "route"]);
    let out = text(&bad);
    assert!(!bad.status.success(), "the commit must be refused:\n{out}");
    assert!(out.contains("per-request-client"), "{out}");
    assert!(out.contains("app/api/users/route.ts"), "{out}");
    // One finding, in the staged file (the factory is its related location), per hook.
    assert!(
        out.contains("Found 1 error and 0 warnings in 1 file."),
        "{out}"
    );

    // Fixed where the client is built: the route's commit goes through.
    write(root, "lib/db.ts", CACHED_FACTORY);
    git(root, &["add", "-A"]);
    let good = git(root, &["commit", "-q", "-m", "route, cached client"]);
    assert!(good.status.success(), "{}", text(&good));

    // The fix hook runs too (on a clean tree it passes and changes nothing).
    let fix = run(root, &pre_commit, &["run", "connlint-fix", "--all-files"]);
    assert!(fix.status.success(), "{}", text(&fix));
    assert!(git(root, &["diff", "--quiet"]).status.success());

    // Languages without a tag in pre-commit's tagger (.mts) still reach the hook.
    write(
        root,
        "app/api/x/route.mts",
        "import { MongoClient } from \"mongodb\";\n\nexport async function GET() {\n  const c = new MongoClient(process.env.MONGODB_URI!);\n  return Response.json(await c.db().collection(\"x\").findOne());\n}\n",
    );
    git(root, &["add", "-A"]);
    let mts = git(root, &["commit", "-q", "-m", "mts route"]);
    let out = text(&mts);
    assert!(!mts.status.success(), "{out}");
    assert!(out.contains("app/api/x/route.mts"), "{out}");
}

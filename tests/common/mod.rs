//! What several integration tests share: writing project files and a small Next.js project whose
//! route calls a client factory in `lib/`.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

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

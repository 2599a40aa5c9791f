//! Unit tests of this front-end, by concern; shared helpers here.

use super::*;

#[test]
fn relative_specifiers() {
    assert_eq!(
        relative_specifier("app/api/users/route.ts", "lib/prisma.ts").as_deref(),
        Some("../../../lib/prisma")
    );
    assert_eq!(
        relative_specifier("lib/auth.ts", "lib/prisma.ts").as_deref(),
        Some("./prisma")
    );
    assert_eq!(
        relative_specifier("src/routes/a.js", "src/db/pool.js").as_deref(),
        Some("../db/pool")
    );
}

#[test]
fn only_url_arguments() {
    let only_url_args = |t: &str| {
        dropped_options(crate::catalog::Catalog::shared(), t).is_some_and(|d| d.is_empty())
    };
    assert!(only_url_args("new PrismaClient()"));
    assert!(only_url_args("create_engine(settings.DATABASE_URL)"));
    assert!(only_url_args(
        "new Pool({ connectionString: process.env.DATABASE_URL })"
    ));
    assert!(!only_url_args(
        "new Pool({ connectionString: url, max: 60 })"
    ));
    assert!(!only_url_args("create_engine(URL, pool_size=2)"));
    assert!(!only_url_args("MongoClient(host=HOST)"));
    assert!(!only_url_args("new PrismaClient({ log: [\"query\"] })"));
}

/// `text` with `remove_releases` applied for the statement on its first line holding `let`
/// / `const` / `=`.
fn released(rel: &str, text: &str) -> Option<String> {
    let project = std::sync::Arc::new(crate::project::Project::with_deps(&[]));
    let source = SourceFile::in_memory(rel, text, project)?;
    let start = text.find("client =").map(|i| {
        text[..i].rfind('\n').map(|n| n + 1).unwrap_or(0)
            + text[text[..i].rfind('\n').map(|n| n + 1).unwrap_or(0)..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(0)
    })?;
    let end = start + text[start..].find('\n')?;
    let edits = remove_releases(
        &source,
        Span::new(start, end),
        "client",
        &["close".to_string()],
    )?;
    Some(crate::fix::apply_edits(text, &edits).0)
}

#[test]
fn a_finally_left_empty_unwraps_its_try() {
    let ts = "async function f() {\n  const client = x;\n  try {\n    await client.q();\n    return 1;\n  } finally {\n    await client.close();\n  }\n}\n";
    assert_eq!(
        released("a.ts", ts).unwrap(),
        "async function f() {\n  const client = x;\n  await client.q();\n  return 1;\n}\n"
    );
    let py = "def f():\n    client = x\n    try:\n        return client.q()\n    finally:\n        client.close()\n";
    assert_eq!(
        released("a.py", py).unwrap(),
        "def f():\n    client = x\n    return client.q()\n"
    );
    // A `catch` keeps the `try`: only the release goes.
    let caught = "async function f() {\n  const client = x;\n  try {\n    await client.q();\n  } catch (e) {\n    log(e);\n  } finally {\n    await client.close();\n  }\n}\n";
    assert_eq!(
        released("a.ts", caught).unwrap(),
        caught.replace("    await client.close();\n", "")
    );
    // A name the body declares that is declared elsewhere too stays inside its block.
    let clash = "async function f() {\n  const client = x;\n  try {\n    const rows = await client.q();\n  } finally {\n    await client.close();\n  }\n  const rows = 2;\n}\n";
    assert_eq!(
        released("a.ts", clash).unwrap(),
        clash.replace("    await client.close();\n", "")
    );
    // Destructured names are followed: unwrapped when each is declared once in the block...
    let destructured = "async function f() {\n  const client = x;\n  try {\n    const { rows, rowCount: n } = await client.q();\n    return [rows, n];\n  } finally {\n    await client.close();\n  }\n}\nasync function g() {\n  const { rows } = await y();\n}\n";
    assert_eq!(
        released("a.ts", destructured).unwrap(),
        "async function f() {\n  const client = x;\n  const { rows, rowCount: n } = await client.q();\n  return [rows, n];\n}\nasync function g() {\n  const { rows } = await y();\n}\n"
    );
    // ...and not when the block destructures one of them again.
    let twice = "async function f() {\n  const client = x;\n  try {\n    const { rows } = await client.q();\n  } finally {\n    await client.close();\n  }\n  const [rows] = z;\n}\n";
    assert_eq!(
        released("a.ts", twice).unwrap(),
        twice.replace("    await client.close();\n", "")
    );
}

#[test]
fn python_getters_return_the_client_alone_or_first_in_a_tuple() {
    let text = "_c = None\n\ndef get_db():\n    global _c\n    if _c is None:\n        _c = M()\n    return _c, _c[\"shop\"]\n\ndef other():\n    return 1\n";
    let at = Span::new(
        text.find("get_db").unwrap(),
        text.find("get_db").unwrap() + 6,
    );
    assert_eq!(
        py_returned_field(text, at, Some("_c")),
        Some(Some("[0]".into()))
    );
    let alone = text.replace("return _c, _c[\"shop\"]", "return _c");
    assert_eq!(py_returned_field(&alone, at, Some("_c")), Some(None));
    // Returned in two ways: not read.
    let mixed = text.replace(
        "    if _c is None:",
        "    if flag:\n        return _c\n    if _c is None:",
    );
    assert_eq!(py_returned_field(&mixed, at, Some("_c")), None);
    // A derived handle is not the client.
    let derived = text.replace("return _c, _c[\"shop\"]", "return _c[\"shop\"]");
    assert_eq!(py_returned_field(&derived, at, Some("_c")), None);
}

#[test]
fn class_singletons_are_read_by_their_static_getter() {
    let text = "export class Db {\n  private static instance?: Pool;\n  static get() {\n    if (!Db.instance) {\n      Db.instance = new Pool();\n    }\n    return Db.instance;\n  }\n}\n";
    let name = text.find("get()").unwrap();
    let ctor = text.find("new Pool").unwrap();
    assert_eq!(enclosing_class(text, name), Some("Db"));
    assert!(static_singleton(text, name + 3, ctor, "Db"));
    let this = text.replace("Db.instance = new", "this.instance ??= new");
    let ctor2 = this.find("new Pool").unwrap();
    assert!(static_singleton(&this, name + 3, ctor2, "Db"));
    // Returns something else too: not a singleton.
    let other = text.replace(
        "    return Db.instance;",
        "    if (x) return new Pool();\n    return Db.instance;",
    );
    assert!(!static_singleton(&other, name + 3, ctor, "Db"));
    // Outside any class.
    assert_eq!(enclosing_class("class A {}\nfunction f() {}\n", 15), None);
}

fn drop_import(rel: &str, text: &str, ctor: &str) -> Option<String> {
    let project = std::sync::Arc::new(crate::project::Project::with_deps(&[]));
    let source = SourceFile::in_memory(rel, text, project)?;
    let at = text.rfind(ctor)?;
    let span = Span::new(at, at + ctor.len());
    let e = unused_import_edit(&source, ctor, &[span])?;
    Some(crate::fix::apply_edits(text, &[e]).0)
}

#[test]
fn an_import_left_unused_goes() {
    let ts = "import { MongoClient } from \"mongodb\";\nimport x from \"y\";\nconst c = new MongoClient(uri);\n";
    assert_eq!(
        drop_import("a.ts", ts, "new MongoClient(uri)").unwrap(),
        "import x from \"y\";\nconst c = new MongoClient(uri);\n"
    );
    let ts = "import { MongoClient, type Db } from \"mongodb\";\nconst c = new MongoClient(uri);\n";
    assert_eq!(
        drop_import("a.ts", ts, "new MongoClient(uri)").unwrap(),
        "import { type Db } from \"mongodb\";\nconst c = new MongoClient(uri);\n"
    );
    let py = "from pymongo import DESCENDING, MongoClient\nc = MongoClient(URI)\n";
    assert_eq!(
        drop_import("a.py", py, "MongoClient(URI)").unwrap(),
        "from pymongo import DESCENDING\nc = MongoClient(URI)\n"
    );
    // Still used elsewhere (a type annotation): kept.
    let ts = "import { MongoClient } from \"mongodb\";\nlet k: MongoClient;\nconst c = new MongoClient(uri);\n";
    assert_eq!(drop_import("a.ts", ts, "new MongoClient(uri)"), None);
    // Through a module: the module's import goes when nothing else uses it.
    let ts = "import pg from \"pg\";\nconst c = new pg.Pool();\n";
    assert_eq!(
        drop_import("a.ts", ts, "new pg.Pool()").unwrap(),
        "const c = new pg.Pool();\n"
    );
    let ts = "import * as pg from \"pg\";\nconst c = new pg.Pool();\n";
    assert_eq!(
        drop_import("a.ts", ts, "new pg.Pool()").unwrap(),
        "const c = new pg.Pool();\n"
    );
    let ts =
        "import pg from \"pg\";\npg.types.setTypeParser(20, Number);\nconst c = new pg.Pool();\n";
    assert_eq!(drop_import("a.ts", ts, "new pg.Pool()"), None);
}

#[test]
fn pool_tuning_may_be_dropped_nothing_else() {
    let d = |t: &str| dropped_options(crate::catalog::Catalog::shared(), t);
    assert_eq!(
        d("new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 15 })"),
        Some(vec!["max".to_string()])
    );
    assert_eq!(
        d("create_async_engine(settings.DATABASE_URL, pool_pre_ping=True)"),
        Some(vec!["pool_pre_ping".to_string()])
    );
    assert_eq!(
        d("new MongoClient(uri, { maxPoolSize: 10 })"),
        Some(vec!["maxPoolSize".to_string()])
    );
    assert_eq!(d("new PrismaClient()"), Some(vec![]));
    assert_eq!(d("new Pool({ connectionString: url, ssl: true })"), None);
    assert_eq!(d("create_engine(URL, echo=True)"), None);
    assert_eq!(d("redis.Redis(host, 6379)"), None);
    assert_eq!(d("new Pool({ ...config, max: 5 })"), None);
    assert_eq!(d("create_engine(URL, **opts)"), None);
}

#[test]
fn exports_by_name_only() {
    let exports = |text: &str, name: &str| ExportIndex::new(text).exports(name);
    assert!(exports(
        "export const prisma =\n  g.prisma ?? new PrismaClient();",
        "prisma"
    ));
    assert!(exports(
        "const pool = new Pool();\nexport { pool, other };",
        "pool"
    ));
    assert!(!exports("export const prismaClient = x;", "prisma"));
    assert!(!exports("const prisma = new PrismaClient();", "prisma"));
    let ix = ExportIndex::new(
        "let clientPromise: Promise<MongoClient>;\nclientPromise = client.connect();\nexport default clientPromise;\nexport async function getDb() {}",
    );
    assert_eq!(ix.exported_as("clientPromise"), Some(true));
    assert_eq!(ix.connects.get("client").map(Vec::len), Some(1));
    assert!(ix.connected.contains("client") && !ix.connected.contains("lient"));
    assert_eq!(ix.promise_lets, vec!["clientPromise".to_string()]);
    assert!(ix.exports_fn("getDb") && !ix.exports_fn("getD"));
    assert_eq!(line_before("ab\ncd\nfunction", 6), "cd");
    assert_eq!(line_before(&"x".repeat(500), 500).len(), 160);
}

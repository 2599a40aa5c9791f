use super::*;

fn one_session(f: &FileFacts) -> &SessionSite {
    assert_eq!(f.sessions.len(), 1, "{:#?}", f.sessions);
    &f.sessions[0]
}

#[test]
fn pg_checkouts() {
    let text = r#"import { Pool } from "pg";
const pool = new Pool({ max: 10 });
export async function leak(id: string) {
  const client = await pool.connect();
  const { rows } = await client.query("select * from users where id = $1", [id]);
  return rows[0];
}
export async function happyPath() {
  const client = await pool.connect();
  const r = await client.query("select 1");
  client.release();
  return r.rows;
}
export async function onlyInCatch() {
  const client = await pool.connect();
  try {
    return (await client.query("select 1")).rows;
  } catch (e) {
    client.release();
    throw e;
  }
}
export async function finallyRelease() {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}
export async function bothPaths() {
  const client = await pool.connect();
  try {
    await client.query("x");
  } catch (e) {
    client.release(true);
    throw e;
  }
  client.release();
}
export async function handOver() {
  return pool.connect();
}
export async function handOver2() {
  const c = await pool.connect();
  return c;
}
export function callbackStyle() {
  pool.connect((err, client, done) => { done(); });
  pool.connect().then((c) => c.release());
}
"#;
    let f = facts("src/db/users.ts", &["pg", "express"], text);
    let closing: Vec<(String, Closing)> = f
        .sessions
        .iter()
        .map(|s| {
            let name = f
                .function(s.in_fn)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            (name, s.closing)
        })
        .collect();
    let want: Vec<(String, Closing)> = [
        ("leak", Closing::Never),
        ("happyPath", Closing::NotOnErrorPaths),
        ("onlyInCatch", Closing::NotOnErrorPaths),
        ("finallyRelease", Closing::Always),
        ("bothPaths", Closing::Always),
        ("handOver", Closing::HandedOver),
        ("handOver2", Closing::HandedOver),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b))
    .collect();
    assert_eq!(closing, want);
    let s = &f.sessions[0];
    assert_eq!(s.client, "pg-pool-checkout");
    assert_eq!(s.kind, ClientKind::Checkout);
    assert_eq!(s.ctor, "pool.connect()");
    assert_eq!(s.release.as_deref(), Some("release"));
    assert_eq!(s.binding.as_deref(), Some("client"));
    assert_eq!(s.scope.kind, ScopeKind::Function);
    assert_eq!(&text[s.span.range()], "pool.connect()");
    assert_eq!(
        s.anchors.statement.map(|x| &text[x.range()]),
        Some("const client = await pool.connect();")
    );
    assert_eq!(
        s.anchors.rest_of_block.map(|x| &text[x.range()]),
        Some(
            "const { rows } = await client.query(\"select * from users where id = $1\", [id]);\n  return rows[0];"
        )
    );
    assert_eq!(s.anchors.indent, "  ");
}

#[test]
fn checkout_receivers() {
    // Imported from the project: the name heuristic, only where pg is used.
    let text = r#"import { pool } from "@/lib/db";
import db from "../db";
export async function GET() {
  const client = await pool.connect();
  try { return Response.json((await client.query("select 1")).rows); } finally { client.release(); }
}
export async function POST() {
  const c = await db.pgPool.connect();
  await c.query("x");
}
export async function other(socket) {
  await socket.connect();
}
"#;
    let f = facts("app/api/x/route.ts", &["next", "pg"], text);
    assert_eq!(f.sessions.len(), 2, "{:#?}", f.sessions);
    assert_eq!(f.sessions[0].closing, Closing::Always);
    assert_eq!(f.sessions[0].scope.kind, ScopeKind::Handler);
    assert_eq!(f.sessions[1].ctor, "db.pgPool.connect()");
    assert_eq!(f.sessions[1].closing, Closing::Never);
    let f = facts("app/api/x/route.ts", &["next", "mongodb"], text);
    assert!(f.sessions.is_empty());

    // Bound in the file: a class field, `this.pool`, mysql2 and neon pools.
    let f = facts(
        "src/repo.ts",
        &["mysql2"],
        r#"import mysql from "mysql2/promise";
import { createClient } from "redis";
export class Repo {
  pool = mysql.createPool({ uri: process.env.DATABASE_URL });
  redisPool = createClient();
  async find(id: number) {
    const conn = await this.pool.getConnection();
    try {
      const [rows] = await conn.query("select 1");
      return rows;
    } finally {
      conn.release();
    }
  }
  async ping() { await this.redisPool.connect(); }
}
"#,
    );
    let s = one_session(&f);
    assert_eq!(s.client, "mysql2-pool-checkout");
    assert_eq!(s.ctor, "this.pool.getConnection()");
    assert_eq!(s.closing, Closing::Always);
}

#[test]
fn single_connections() {
    let f = facts(
        "src/jobs.js",
        &["pg", "mysql2"],
        r#"const { Client } = require("pg");
const mysql = require("mysql2/promise");
async function report() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const res = await client.query("select count(*) from orders");
  console.log(res.rows);
}
async function unconnected() {
  const client = new Client();
  return client.escapeLiteral("x");
}
async function closed() {
  const client = new Client();
  await client.connect();
  try { await client.query("x"); } finally { await client.end(); }
}
async function legacy() {
  const conn = await mysql.createConnection({ host: "db" });
  const [rows] = await conn.execute("select 1");
  await conn.end();
  return rows;
}
async function usingIt() {
  await using conn = await mysql.createConnection({ host: "db" });
}
module.exports = { report, unconnected, closed, legacy, usingIt };
"#,
    );
    let got: Vec<(&str, &str, Closing)> = f
        .sessions
        .iter()
        .map(|s| (s.client.as_str(), s.ctor.as_str(), s.closing))
        .collect();
    assert_eq!(
        got,
        vec![
            ("pg-client", "new Client()", Closing::Never),
            ("pg-client", "new Client()", Closing::Always),
            (
                "mysql2-connection",
                "mysql.createConnection()",
                Closing::NotOnErrorPaths
            ),
            (
                "mysql2-connection",
                "mysql.createConnection()",
                Closing::Always
            ),
        ]
    );
    assert_eq!(f.sessions[0].release.as_deref(), Some("end"));
}

#[test]
fn production_only_branches() {
    let text = r#"import { PrismaClient } from "@prisma/client";
import { MongoClient } from "mongodb";
const isProd = process.env.NODE_ENV === "production";
let prisma: PrismaClient;
if (process.env.NODE_ENV === "production") {
  prisma = new PrismaClient();
} else {
  if (!global.prisma) global.prisma = new PrismaClient();
  prisma = global.prisma;
}
export const db = process.env.NODE_ENV === 'production' ? new PrismaClient() : (globalThis.prisma ??= new PrismaClient());
if (isProd) { new MongoClient("a"); }
if (process.env.NODE_ENV !== "production") { dev(); } else { new MongoClient("b"); }
if ("development" == process.env.NODE_ENV) dev(); else new MongoClient("c");
if (process.env.NODE_ENV !== "development" && ok) { new MongoClient("d"); }
if (!isProd) { dev(); }
if (process.env.NODE_ENV === "test") { new MongoClient("e"); }
"#;
    let f = facts("lib/db.ts", &["next", "@prisma/client", "mongodb"], text);
    let spans: Vec<&str> = f.production_only.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(
        spans,
        vec![
            "{\n  prisma = new PrismaClient();\n}",
            "new PrismaClient()",
            "{ new MongoClient(\"a\"); }",
            "{ new MongoClient(\"b\"); }",
            "new MongoClient(\"c\");",
            "{ new MongoClient(\"d\"); }",
        ]
    );
    let inside = |c: &ClientSite| f.production_only.iter().any(|p| p.contains(c.span));
    let unguarded_dev: Vec<&ClientSite> = f
        .clients
        .iter()
        .filter(|c| c.guard == Guard::None && !inside(c))
        .collect();
    assert_eq!(unguarded_dev.len(), 1, "{unguarded_dev:#?}");
    assert_eq!(
        &text[unguarded_dev[0].span.range()],
        "new MongoClient(\"e\")"
    );
}

#[test]
fn canonical_global_caches_at_module_scope() {
    let cases = [
        "import { PrismaClient } from '@prisma/client';\nexport const prisma = (globalThis.prisma ??= new PrismaClient());\n",
        "import { PrismaClient } from '@prisma/client';\nglobalThis.prisma ||= new PrismaClient();\nexport const prisma = globalThis.prisma;\n",
        r#"import { PrismaClient } from "@prisma/client";
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
"#,
        r#"import { PrismaClient } from "@prisma/client";
const globalForPrisma = global as unknown as { prisma: PrismaClient };
export const prisma = globalForPrisma.prisma || new PrismaClient({ log: ["query"] });
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
"#,
        r#"import { MongoClient } from "mongodb";
const uri = process.env.MONGODB_URI!;
const options = {};
let client: MongoClient;
if (process.env.NODE_ENV === "development") {
  let globalWithMongo = global as typeof globalThis & { _mongoClient?: MongoClient };
  if (!globalWithMongo._mongoClient) {
    globalWithMongo._mongoClient = new MongoClient(uri, options);
  }
  client = globalWithMongo._mongoClient;
}
export default client;
"#,
    ];
    for text in cases {
        let f = facts("lib/db.ts", &["next", "@prisma/client", "mongodb"], text);
        let c = one_client(&f);
        assert_eq!(c.scope.kind, ScopeKind::Module, "{text}");
        assert_eq!(c.guard, Guard::GlobalCache, "{text}");
    }
    // The with-mongodb example: the development branch caches, the other is production only.
    let text = r#"import { MongoClient } from "mongodb";
const uri = process.env.MONGODB_URI!;
let client: MongoClient;
if (process.env.NODE_ENV === "development") {
  let globalWithMongo = global as typeof globalThis & { _mongoClient?: MongoClient };
  if (!globalWithMongo._mongoClient) {
    globalWithMongo._mongoClient = new MongoClient(uri);
  }
  client = globalWithMongo._mongoClient;
} else {
  client = new MongoClient(uri);
}
export default client;
"#;
    let f = facts("lib/mongodb.ts", &["next", "mongodb"], text);
    assert_eq!(f.clients.len(), 2);
    assert_eq!(f.clients[0].guard, Guard::GlobalCache);
    assert_eq!(f.clients[1].guard, Guard::None);
    assert!(
        f.production_only
            .iter()
            .any(|p| p.contains(f.clients[1].span))
    );
    assert!(
        !f.production_only
            .iter()
            .any(|p| p.contains(f.clients[0].span))
    );
}

#[test]
fn deep_and_wide_files_stay_linear() {
    let depth = 2000;
    let mut text = String::from("import { Pool } from 'pg';\nconst x = ");
    text.push_str(&"(() => ".repeat(depth));
    text.push_str("new Pool()");
    text.push_str(&")".repeat(depth));
    text.push_str(";\nconst y = ");
    text.push_str(&vec!["a"; 20_000].join(" + "));
    text.push_str(";\n");
    for i in 0..5_000 {
        text.push_str(&format!("export async function f{i}() {{ return g(); }}\n"));
    }
    let t = std::time::Instant::now();
    let f = facts("src/deep.ts", &["pg"], &text);
    assert_eq!(f.clients.len(), 1);
    assert_eq!(f.functions.len(), 5_000);
    assert!(
        t.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn raw_begin_on_a_released_checkout_needs_a_rollback_in_catch() {
    let text = r#"import { Pool } from "pg";
const pool = new Pool();
export async function bad(id) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE t SET x = 1 WHERE id = $1", [id]);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}
export async function good(id) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE t SET x = 1 WHERE id = $1", [id]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}
"#;
    let f = facts("src/orders.ts", &["pg"], text);
    let states: Vec<(u32, crate::facts::Closing)> = f
        .sessions
        .iter()
        .filter(|s| s.sql_state.is_some())
        .map(|s| (s.span.start, s.closing))
        .collect();
    let first_begin = text.find("client.query(\"BEGIN\")").expect("begin") as u32;
    assert_eq!(
        states,
        vec![(first_begin, crate::facts::Closing::NotOnErrorPaths)]
    );
}

#[test]
fn a_return_before_the_releasing_try_leaves_the_checkout() {
    let text = r#"import { Pool } from "pg";
const pool = new Pool();
export async function early(user?: string) {
  const client = await pool.connect();
  if (!user) {
    return null;
  }
  try {
    return await client.query("select 1");
  } finally {
    client.release();
  }
}
export async function releasedFirst(user?: string) {
  const client = await pool.connect();
  if (!user) {
    client.release();
    return null;
  }
  try {
    return await client.query("select 1");
  } finally {
    client.release();
  }
}
"#;
    let f = facts("src/notes.ts", &["pg"], text);
    let closings: Vec<(crate::facts::Closing, bool)> = f
        .sessions
        .iter()
        .map(|s| (s.closing, s.early_return.is_some()))
        .collect();
    assert_eq!(
        closings,
        [
            (crate::facts::Closing::NotOnErrorPaths, true),
            (crate::facts::Closing::Always, false)
        ]
    );
    let r = f.sessions[0].early_return.map(|s| &text[s.range()]);
    assert_eq!(r, Some("return null;"));
}

#[test]
fn imported_transaction_helpers_give_the_connection_back() {
    // EverShop's postgres-query-builder: `commit(conn)` / `rollback(conn)` end the transaction
    // and release the connection.
    let text = r#"import { commit, rollback, startTransaction } from "@evershop/postgres-query-builder";
import type { Pool } from "pg";
export async function provision(pool: Pool) {
  const conn = await pool.connect();
  try {
    await startTransaction(conn);
    await conn.query("insert into t values (1)");
    await commit(conn);
  } catch (e) {
    await rollback(conn);
    throw e;
  }
}
"#;
    let f = facts(
        "src/provision.ts",
        &["pg", "@evershop/postgres-query-builder"],
        text,
    );
    assert!(
        f.sessions.iter().all(|s| s.closing != Closing::Never),
        "{:#?}",
        f.sessions
    );
}

#[test]
fn a_checkout_wrapped_in_what_a_function_returns_is_handed_over() {
    let text = r#"import postgres from "postgres";
export function createDBClient(client: postgres.Sql, release: () => void = () => {}) {
  return {
    release,
    reserve: async () => {
      const reserved = await client.reserve();
      return createDBClient(reserved, () => {
        reserved.release();
      });
    },
  };
}
"#;
    let f = facts("src/db.ts", &["postgres"], text);
    assert_eq!(one_session(&f).closing, Closing::HandedOver);
}

#[test]
fn a_promise_chain_ending_after_its_catch_always_closes() {
    let text = r#"import { Client } from "pg";
export function afterCatch() {
  const client = new Client();
  return client.connect().then(() => client.query("select 1")).catch(log).then(() => client.end());
}
export function inFinally() {
  const client = new Client();
  return client.connect().then(() => client.query("select 1")).finally(() => client.end());
}
export function thenOnly() {
  const client = new Client();
  return client.connect().then(() => client.query("select 1")).then(() => client.end());
}
"#;
    let f = facts("src/export.ts", &["pg"], text);
    let closing: Vec<Closing> = f.sessions.iter().map(|s| s.closing).collect();
    assert_eq!(
        closing,
        [Closing::Always, Closing::Always, Closing::NotOnErrorPaths],
        "{:#?}",
        f.sessions
    );
}

#[test]
fn a_checkout_from_the_pool_a_getter_returns() {
    let text = r#"import mysql from "mysql2/promise";
import { getPool } from "./db";
export async function onPush(repo: string) {
  const conn = await getPool().getConnection();
  await conn.query("select 1");
}
"#;
    let f = facts("src/hooks.ts", &["mysql2"], text);
    let s = one_session(&f);
    assert_eq!(s.closing, Closing::Never);
}

#[test]
fn checkout_wrapped_in_a_returned_local_is_handed_over() {
    let text = r#"import { Pool } from "pg";
const pool = new Pool();
class Tx { constructor(c: unknown) {} }
export async function begin() {
  const client = await pool.connect();
  const tx = new Tx(client);
  try {
    await client.query("BEGIN");
    return tx;
  } catch (e) {
    client.release();
    throw e;
  }
}
export async function audit() {
  const client = await pool.connect();
  const tx = new Tx(client);
  try {
    return (await client.query("select 1")).rowCount;
  } catch (e) {
    client.release();
    throw e;
  }
}
"#;
    let f = facts("src/db.ts", &["pg"], text);
    let closing: Vec<Closing> = f.sessions.iter().map(|s| s.closing).collect();
    assert_eq!(
        closing,
        vec![Closing::HandedOver, Closing::NotOnErrorPaths],
        "{:#?}",
        f.sessions
    );
}

#[test]
fn checkouts_on_receivers_typed_as_pools() {
    // Parameters and fields declared with the library's pool class, or with a type alias of a
    // pool's type: checkouts. Typed with a project's type: the project pass confirms (`./db`
    // must keep a pool under `Db`; `./relay` keeps none under `Relay`). Untyped: not.
    let text = r#"import pg from "pg";
import { Pool } from "pg";
import type { Db } from "./db";
import { Relay } from "./relay";
const main = new Pool();
type Main = typeof main;
export async function a(pool: Pool) { const c = await pool.connect(); }
export async function b(store: pg.Pool) { const c = await store.connect(); }
export async function c(db: Db) { const c = await db.connect(); }
export async function d(m: Main) { const c = await m.connect(); }
export class Repo {
  constructor(private readonly db: Pool) {}
  async e() { const c = await this.db.connect(); }
}
export async function f(link: Relay) { const c = await link.connect(); }
export async function g(link) { const c = await link.connect(); }
"#;
    let f = facts("src/repo.ts", &["pg"], text);
    let lines: Vec<usize> = f
        .sessions
        .iter()
        .map(|s| text[..s.span.start as usize].lines().count())
        .collect();
    assert_eq!(lines, vec![7, 8, 9, 10, 13, 15], "{:#?}", f.sessions);
    let imported: Vec<Option<&str>> = f
        .sessions
        .iter()
        .map(|s| s.receiver_import.as_ref().map(|r| r.name.as_str()))
        .collect();
    assert_eq!(
        imported,
        vec![None, None, Some("Db"), None, None, Some("Relay")]
    );
    assert_eq!(
        f.type_aliases,
        vec![("Main".to_string(), "main".to_string())]
    );
}

#[test]
fn checkout_of_an_untyped_receiver_given_back_by_release() {
    // What `connect()` returns is given back with pg's `release()`: a pool's checkout, whatever
    // the receiver's name. A generic `end()` says nothing; nor does a result never given back.
    let text = r#"import pg from "pg";
export async function a(shared, d) { const c = await shared.connect(); await c.query("x"); c.release(); }
export async function b(tunnel) { const s = await tunnel.connect(); s.end(); }
export async function c(link) { const x = await link.connect(); }
"#;
    let f = facts("reporters/db.mjs", &["pg"], text);
    let lines: Vec<usize> = f
        .sessions
        .iter()
        .map(|s| text[..s.span.start as usize].lines().count())
        .collect();
    assert_eq!(lines, vec![2], "{:#?}", f.sessions);
}

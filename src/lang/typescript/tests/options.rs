use super::*;
use crate::lang::testkit::*;

// -------------------------------------------------------------------- configuration

#[test]
fn pg_and_postgres_js_options_and_env_urls() {
    let text = r#"import { Pool } from "pg";
import postgres from "postgres";
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  idleTimeoutMillis: 30_000,
  ssl: { rejectUnauthorized: false },
});
export function makeSql() {
  const url = process.env.POOLER_URL!;
  return postgres(url, { prepare: false, max: 10 });
}
"#;
    let f = facts("lib/db.ts", &["pg", "postgres"], text);
    assert_eq!(f.clients.len(), 2);
    let c = config(&f, 0);
    assert_eq!(opt(c, "max"), &OptValue::Int(20));
    assert_eq!(opt(c, "idleTimeoutMillis"), &OptValue::Int(30000));
    assert_eq!(opt(c, "ssl.rejectUnauthorized"), &OptValue::Bool(false));
    assert_eq!(opt(c, "connectionString"), &OptValue::Unknown);
    assert_eq!(env_name(c), Some("DATABASE_URL"));
    let max = c.options.iter().find(|o| o.key == "max").unwrap();
    assert_eq!(&text[max.span.range()], "20");
    let Some(UrlRef::Env { span, .. }) = &c.url else {
        panic!()
    };
    assert_eq!(&text[span.range()], "process.env.DATABASE_URL");

    let c = config(&f, 1);
    assert_eq!(opt(c, "prepare"), &OptValue::Bool(false));
    assert_eq!(opt(c, "max"), &OptValue::Int(10));
    assert_eq!(env_name(c), Some("POOLER_URL"), "through `const url = …!`");
}

#[test]
fn nested_options_and_module_constants() {
    let f = facts(
        "src/db.ts",
        &["knex", "sequelize", "drizzle-orm", "pg"],
        r#"import knex from "knex";
import { Sequelize } from "sequelize";
import { drizzle } from "drizzle-orm/node-postgres";
const POOL_MAX = 60;
export const MIN = -1;
const base = { min: 2, max: 4 };
let changed = 5;
changed = 6;
export const db = knex({ client: "pg", connection: process.env.DATABASE_URL, pool: { ...base, max: 50 } });
export const sequelize = new Sequelize(process.env.DATABASE_URL ?? "", {
  dialect: "postgres",
  logging: false,
  pool: { max: POOL_MAX, min: MIN, idle: changed, acquire: Number(POOL_MAX), evict: Number(process.env.X) },
});
export const orm = drizzle({ connection: { connectionString: process.env.PG_URL, max: 5 } });
"#,
    );
    assert_eq!(f.clients.len(), 3, "{:#?}", f.clients);
    let k = config(&f, 0);
    assert_eq!(opt(k, "client"), &OptValue::Str("pg".into()));
    assert_eq!(opt(k, "pool.max"), &OptValue::Int(50), "a later key wins");
    assert_eq!(opt(k, "pool.min"), &OptValue::Int(2), "through the spread");
    assert_eq!(env_name(k), Some("DATABASE_URL"));
    let s = config(&f, 1);
    assert_eq!(opt(s, "pool.max"), &OptValue::Int(60));
    assert_eq!(opt(s, "pool.min"), &OptValue::Int(-1));
    assert_eq!(
        opt(s, "pool.idle"),
        &OptValue::Name("changed".into()),
        "reassigned: not followed"
    );
    assert_eq!(opt(s, "pool.acquire"), &OptValue::Int(60));
    assert_eq!(opt(s, "pool.evict"), &OptValue::Unknown);
    assert_eq!(opt(s, "logging"), &OptValue::Bool(false));
    assert_eq!(env_name(s), Some("DATABASE_URL"), "through `?? \"\"`");
    let d = config(&f, 2);
    assert_eq!(opt(d, "connection.max"), &OptValue::Int(5));
    assert_eq!(env_name(d), Some("PG_URL"));
}

#[test]
fn prisma_urls_explicit_and_implicit() {
    let text = r#"import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
export const a = new PrismaClient();
export const b = new PrismaClient({ datasources: { db: { url: process.env.POOLED_DATABASE_URL } } });
export const c = new PrismaClient({ datasourceUrl: "postgresql://u:p@db.example.com:6543/app?pgbouncer=true", log: ["query"] });
const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
export const d = new PrismaClient({ adapter });
"#;
    let f = facts("lib/prisma.ts", &["@prisma/client"], text);
    assert_eq!(f.clients.len(), 4);
    let a = config(&f, 0);
    assert!(a.options.is_empty());
    assert_eq!(env_name(a), Some("DATABASE_URL"));
    let Some(UrlRef::Env { span, .. }) = &a.url else {
        panic!()
    };
    assert_eq!(&text[span.range()], "new PrismaClient()");
    let b = config(&f, 1);
    assert_eq!(opt(b, "datasources.db.url"), &OptValue::Unknown);
    assert_eq!(env_name(b), Some("POOLED_DATABASE_URL"));
    let c = config(&f, 2);
    assert_eq!(
        literal_url(c),
        Some("postgresql://u:p@db.example.com:6543/app?pgbouncer=true")
    );
    let Some(UrlRef::Literal { span, text: t }) = &c.url else {
        panic!()
    };
    assert_eq!(&text[span.range()], t.as_str());
    assert_eq!(opt(c, "log"), &OptValue::Unknown);
    let d = config(&f, 3);
    assert_eq!(d.url, None, "a driver adapter brings its own URL");
    assert_eq!(opt(d, "adapter"), &OptValue::Unknown);
}

#[test]
fn mongo_mysql_redis_urls() {
    let f = facts(
        "lib/clients.ts",
        &["mongodb", "mongoose", "mysql2", "ioredis", "redis"],
        r#"import { MongoClient, ServerApiVersion } from "mongodb";
import mongoose from "mongoose";
import mysql from "mysql2/promise";
import Redis from "ioredis";
import { createClient } from "redis";
const uri = process.env.MONGODB_URI as string;
const options = { maxPoolSize: 200, serverApi: { version: ServerApiVersion.v1, strict: true } };
export const mongo = new MongoClient(uri, options);
export const conn = mongoose.connect(process.env["MONGO_URL"]!, { maxPoolSize: 50 });
export const pool = mysql.createPool(process.env.MYSQL_URL!);
export const redis = new Redis("redis://localhost:6379/0");
export const r2 = new Redis(6379, "localhost");
export const r3 = createClient({ url: `${process.env.REDIS_URL}` });
export const my2 = mysql.createPool({ host: "localhost", user: "root", connectionLimit: 10 });
"#,
    );
    assert_eq!(f.clients.len(), 7, "{:#?}", f.clients);
    let m = config(&f, 0);
    assert_eq!(env_name(m), Some("MONGODB_URI"));
    assert_eq!(opt(m, "maxPoolSize"), &OptValue::Int(200));
    assert_eq!(
        opt(m, "serverApi.version"),
        &OptValue::Name("ServerApiVersion.v1".into())
    );
    assert_eq!(opt(m, "serverApi.strict"), &OptValue::Bool(true));
    let g = config(&f, 1);
    assert_eq!(env_name(g), Some("MONGO_URL"));
    assert_eq!(opt(g, "maxPoolSize"), &OptValue::Int(50));
    assert_eq!(env_name(config(&f, 2)), Some("MYSQL_URL"));
    assert_eq!(literal_url(config(&f, 3)), Some("redis://localhost:6379/0"));
    assert!(
        f.client_configs.iter().all(|c| c.client != 4),
        "no URL, no options"
    );
    assert_eq!(env_name(config(&f, 5)), Some("REDIS_URL"));
    let my = config(&f, 6);
    assert_eq!(my.url, None, "a host is not a URL");
    assert_eq!(opt(my, "connectionLimit"), &OptValue::Int(10));
    assert_eq!(opt(my, "host"), &OptValue::Str("localhost".into()));
}

#[test]
fn environment_forms() {
    let f = facts(
        "src/server/db.ts",
        &["pg", "postgres", "ioredis"],
        r#"import { Pool } from "pg";
import postgres from "postgres";
import Redis from "ioredis";
import { env } from "~/env.mjs";
import { DATABASE_URL as STATIC_URL } from "$env/static/private";
const { DATABASE_URL, REDIS_URL: redisUrl } = process.env;
export const a = new Pool({ connectionString: env.DATABASE_URL });
export const b = postgres(import.meta.env.VITE_DB_URL);
export const c = new Pool({ connectionString: DATABASE_URL });
export const d = new Redis(redisUrl);
export const e = postgres(STATIC_URL);
export function make() {
  const { PG_URL: url = "" } = process.env;
  return postgres(url, { max: 1 });
}
export function other() {
  return postgres(url);
}
export const g = new Pool({ connectionString: `postgres://${host}/db` });
"#,
    );
    let names: Vec<Option<&str>> = (0..f.clients.len())
        .map(|i| {
            f.client_configs
                .iter()
                .find(|c| c.client == i)
                .and_then(env_name)
        })
        .collect();
    assert_eq!(
        names,
        vec![
            Some("DATABASE_URL"),
            Some("VITE_DB_URL"),
            Some("DATABASE_URL"),
            Some("REDIS_URL"),
            Some("DATABASE_URL"),
            Some("PG_URL"),
            None,
            None
        ]
    );
    assert!(
        f.client_configs.iter().all(|c| c.client != 6),
        "a local of another function"
    );
    assert_eq!(
        config(&f, 7).url,
        None,
        "a template whose host is a substitution"
    );
    assert_eq!(opt(config(&f, 7), "connectionString"), &OptValue::Unknown);
}

#[test]
fn positional_arguments_that_name_no_url() {
    let f = facts(
        "src/db.ts",
        &["sequelize", "stream-chat"],
        r#"import { Sequelize } from "sequelize";
import { StreamChat } from "stream-chat";
export const s = new Sequelize(process.env.DB_NAME!, process.env.DB_USER!, process.env.DB_PASSWORD, { dialect: "mysql" });
export const chat = new StreamChat(process.env.STREAM_KEY!, process.env.STREAM_SECRET);
export const t = new Sequelize(process.env.DB_CONNECTION!);
"#,
    );
    assert_eq!(config(&f, 0).url, None);
    assert_eq!(
        opt(config(&f, 0), "dialect"),
        &OptValue::Str("mysql".into())
    );
    assert!(f.client_configs.iter().all(|c| c.client != 1));
    assert_eq!(
        env_name(config(&f, 2)),
        Some("DB_CONNECTION"),
        "the only argument"
    );
}

#[test]
fn option_values() {
    let f = facts(
        "src/db.ts",
        &["pg"],
        r#"import { Pool } from "pg";
import { poolSize } from "./settings";
const SIZE = 0x10;
const LIMITS = { max: 25, nested: { idle: 1000 } };
export function make(n: number) {
  const local = 7;
  return new Pool({
    a: null, b: undefined, c: SIZE, d: poolSize, e: n, f: local, g: LIMITS.max,
    h: LIMITS.nested.idle, i: getMax(), j: 2 * 10, k: 1.5, l: "x", m: `y`, SIZE,
    n: parseInt("12", 10), o: +3,
  });
}
"#,
    );
    let c = config(&f, 0);
    assert_eq!(opt(c, "a"), &OptValue::Null);
    assert_eq!(opt(c, "b"), &OptValue::Null);
    assert_eq!(opt(c, "c"), &OptValue::Int(16));
    assert_eq!(opt(c, "d"), &OptValue::Name("poolSize".into()));
    assert_eq!(opt(c, "e"), &OptValue::Unknown, "a parameter");
    assert_eq!(opt(c, "f"), &OptValue::Int(7));
    assert_eq!(opt(c, "g"), &OptValue::Int(25));
    assert_eq!(opt(c, "h"), &OptValue::Int(1000));
    assert_eq!(opt(c, "i"), &OptValue::Unknown);
    assert_eq!(opt(c, "j"), &OptValue::Unknown);
    assert_eq!(opt(c, "k"), &OptValue::Unknown);
    assert_eq!(opt(c, "l"), &OptValue::Str("x".into()));
    assert_eq!(opt(c, "m"), &OptValue::Str("y".into()));
    assert_eq!(opt(c, "SIZE"), &OptValue::Int(16), "shorthand");
    assert_eq!(opt(c, "n"), &OptValue::Int(12));
    assert_eq!(opt(c, "o"), &OptValue::Int(3));
    assert_eq!(c.url, None);
}

#[test]
fn connection_url_literals() {
    let text = r#"import { Pool } from "pg";
const DATABASE_URL = "postgresql://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?pgbouncer=true";
const fallback = process.env.MONGO_URI ?? `mongodb://localhost:27017/app`;
const config = { REDIS_URL: "redis://cache:6379", site: "https://example.com" };
process.env.TEST_DB = "mysql://root@localhost/test";
const notes = "see postgres://docs for details";
const pool = new Pool({ connectionString: "postgres://localhost/dev" });
"#;
    let f = facts("src/config.ts", &["pg"], text);
    let got: Vec<(Option<&str>, &str)> = f
        .urls
        .iter()
        .map(|u| (u.var.as_deref(), u.text.as_ref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("DATABASE_URL"),
                "postgresql://u:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?pgbouncer=true"
            ),
            (Some("MONGO_URI"), "mongodb://localhost:27017/app"),
            (Some("REDIS_URL"), "redis://cache:6379"),
            (Some("TEST_DB"), "mysql://root@localhost/test"),
            (None, "postgres://localhost/dev"),
        ]
    );
    for u in &f.urls {
        assert_eq!(&text[u.span.range()], u.text);
    }
    // The option's literal URL and the URL fact share a span.
    let Some(UrlRef::Literal { span, .. }) = &config(&f, 0).url else {
        panic!()
    };
    assert_eq!(Some(*span), f.urls.last().map(|u| u.span));
}

#[test]
fn urls_written_with_interpolations_keep_their_written_host() {
    let f = facts(
        "src/db.ts",
        &["postgres"],
        r#"import postgres from "postgres";
export const a = postgres(`postgres://u:${process.env.PW}@db.example.com:6543/app`);
export const b = postgres(`postgres://${process.env.HOST}:5432/app`);
export const c = postgres("postgres://u:" + pw + "@db.example.com:5432/app");
"#,
    );
    assert_eq!(
        literal_url(config(&f, 0)),
        Some("postgres://u:x@db.example.com:6543/app")
    );
    assert!(
        f.client_config(1).is_none_or(|c| c.url.is_none()),
        "the host is interpolated"
    );
    assert_eq!(
        literal_url(config(&f, 2)),
        Some("postgres://u:x@db.example.com:5432/app")
    );
}

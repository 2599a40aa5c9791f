use super::*;

#[test]
fn next_route_handler_builds_mongo_client() {
    let f = facts(
        "app/api/users/route.ts",
        &["next", "mongodb"],
        r#"import { MongoClient } from "mongodb";
export async function GET(req: Request) {
  const client = new MongoClient(process.env.MONGODB_URI!);
  try {
    await client.connect();
    return Response.json(await client.db().collection("u").find().toArray());
  } finally {
    await client.close();
  }
}
"#,
    );
    let c = one_client(&f);
    assert_eq!(c.client, "mongodb");
    assert_eq!(c.ctor, "new MongoClient()");
    assert_eq!(c.scope.kind, ScopeKind::Handler);
    assert_eq!(c.scope.framework(), "next-route");
    assert_eq!(c.scope.name.as_deref(), Some("GET"));
    assert_eq!(c.guard, Guard::None);
    assert_eq!(c.binding.as_deref(), Some("client"));
    assert!(c.released);
    assert_eq!(c.in_fn, Some(0));
    assert!(f.functions[0].exported);
    assert!(c.anchors.args_are_static);
}

#[test]
fn mongodb_factory_returns_derived_and_calls_are_recorded() {
    let lib = facts(
        "lib/mongodb.ts",
        &["next", "mongodb"],
        r#"import { MongoClient } from "mongodb";
const uri = process.env.MONGODB_URI as string;
export async function connectToDatabase() {
  const client = new MongoClient(uri);
  await client.connect();
  return client.db("x");
}
"#,
    );
    let c = one_client(&lib);
    assert_eq!(c.scope.kind, ScopeKind::Function);
    assert_eq!(c.returned, Returned::Derived);
    assert!(!c.released);
    assert_eq!(c.guard, Guard::None);
    assert!(lib.functions[0].exported);

    let route = facts(
        "app/api/posts/route.ts",
        &["next", "mongodb"],
        r#"import { NextResponse } from "next/server";
import { connectToDatabase } from "@/lib/mongodb";
export const GET = async () => {
  const db = await connectToDatabase();
  return NextResponse.json(await db.collection("posts").find().toArray());
};
"#,
    );
    assert!(route.clients.is_empty());
    assert_eq!(route.calls.len(), 1, "{:#?}", route.calls);
    let call = &route.calls[0];
    assert_eq!(call.name, "connectToDatabase");
    assert_eq!(call.scope.kind, ScopeKind::Handler);
    assert_eq!(call.scope.framework(), "next-route");
    let m = call.module.as_ref().expect("local module");
    assert_eq!(
        m.candidates.to_vec(),
        vec!["lib/mongodb".to_string(), "src/lib/mongodb".to_string()]
    );
    assert_eq!(call.binding.as_deref(), Some("db"));
}

#[test]
fn returned_direct_through_connect_and_object() {
    let f = facts(
        "lib/db.ts",
        &["mongodb"],
        r#"import { MongoClient } from "mongodb";
import { PrismaClient } from "@prisma/client";
import { Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
export async function a() { const client = new MongoClient(u); return client.connect(); }
export async function b() { const client = new MongoClient(u); await client.connect(); return { client, db: client.db() }; }
export const c = () => new MongoClient(u);
export function d() { return new MongoClient(u).connect(); }
export function e() { return new MongoClient(u).db("x"); }
export async function f() { const c = new MongoClient(u); const users = await c.db().collection("u").find().toArray(); return users; }
export async function g() { const c = new MongoClient(u); const db = c.db(); return db.collection("u"); }
export async function h() { const prisma = new PrismaClient(); return prisma.user.findMany(); }
export async function i() { const pool = new Pool(); return drizzle(pool); }
export async function j() { const pool = new Pool(); return (await pool.query("select 1")).rows; }
"#,
    );
    let r: Vec<Returned> = f.clients.iter().map(|c| c.returned).collect();
    use Returned::{Derived, Direct, No};
    assert_eq!(
        r,
        vec![
            // (f: an awaited chain ending in `toArray()` gives documents, not the client.)
            Direct, Direct, Direct, Direct, Derived, No, Derived, No, Derived, No
        ]
    );
}

#[test]
fn with_mongodb_global_cache_is_guarded() {
    let f = facts(
        "lib/mongodb.ts",
        &["next", "mongodb"],
        r#"import { MongoClient, ServerApiVersion } from "mongodb";
if (!process.env.MONGODB_URI) {
  throw new Error('Invalid/Missing environment variable: "MONGODB_URI"');
}
const uri = process.env.MONGODB_URI;
const options = { serverApi: { version: ServerApiVersion.v1, strict: true, deprecationErrors: true } };
let client: MongoClient;
let clientPromise: Promise<MongoClient>;
if (process.env.NODE_ENV === "development") {
  let globalWithMongo = global as typeof globalThis & { _mongoClientPromise?: Promise<MongoClient> };
  if (!globalWithMongo._mongoClientPromise) {
    client = new MongoClient(uri, options);
    globalWithMongo._mongoClientPromise = client.connect();
  }
  clientPromise = globalWithMongo._mongoClientPromise;
} else {
  client = new MongoClient(uri, options);
  clientPromise = client.connect();
}
export default clientPromise;
"#,
    );
    assert_eq!(f.clients.len(), 2);
    assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Module));
    assert_eq!(f.clients[0].guard, Guard::GlobalCache);
}

#[test]
fn global_for_prisma_singletons() {
    let f = facts(
        "lib/prisma.ts",
        &["next", "@prisma/client"],
        r#"import { PrismaClient } from "@prisma/client";
const globalForPrisma = globalThis as unknown as { prisma: PrismaClient | undefined };
export const prisma = globalForPrisma.prisma ?? new PrismaClient({ log: ["query"] });
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
"#,
    );
    let c = one_client(&f);
    assert_eq!(c.guard, Guard::GlobalCache);
    assert_eq!(c.scope.kind, ScopeKind::Module);
    assert_eq!(c.binding.as_deref(), Some("prisma"));

    let f = facts(
        "src/lib/db.ts",
        &["next", "@prisma/client"],
        r#"import { PrismaClient } from "@prisma/client";
const prismaClientSingleton = () => {
  return new PrismaClient();
};
declare const globalThis: { prismaGlobal: ReturnType<typeof prismaClientSingleton> } & typeof global;
const prisma = globalThis.prismaGlobal ?? prismaClientSingleton();
export default prisma;
if (process.env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;
"#,
    );
    let c = one_client(&f);
    assert_eq!(c.returned, Returned::Direct);
    assert_eq!(c.scope.kind, ScopeKind::Function);
    assert_eq!(f.calls.len(), 1);
    assert_eq!(f.calls[0].guard, Guard::GlobalCache);
    assert_eq!(f.calls[0].scope.kind, ScopeKind::Module);
    assert_eq!(f.calls[0].module, None);

    let f = facts(
        "lib/db.ts",
        &["next", "@prisma/client"],
        "import { PrismaClient } from '@prisma/client';\nglobalThis.prisma ??= new PrismaClient();\n",
    );
    assert_eq!(one_client(&f).guard, Guard::GlobalCache);
}

#[test]
fn server_component_page_is_a_handler() {
    let f = facts(
        "app/dashboard/page.tsx",
        &["next", "react", "@prisma/client"],
        r#"import { PrismaClient } from "@prisma/client";
export default async function Page() {
  const prisma = new PrismaClient();
  const users = await prisma.user.findMany();
  return <ul>{users.map((u) => <li key={u.id}>{u.name}</li>)}</ul>;
}
"#,
    );
    let c = one_client(&f);
    assert_eq!(c.scope.kind, ScopeKind::Handler);
    assert_eq!(c.scope.framework(), "next-page");
    assert_eq!(c.scope.name.as_deref(), Some("Page"));
}

#[test]
fn client_components_and_hooks() {
    let src = r#""use client";
import { useEffect, useMemo, useState, useRef } from "react";
import { StreamChat } from "stream-chat";
import { StreamVideoClient } from "@stream-io/video-react-sdk";

export function ChatPage({ apiKey }: { apiKey: string }) {
  const client = new StreamChat(apiKey);
  return <div>{client.userID}</div>;
}

export const VideoPage = ({ apiKey, user, token }: Props) => {
  const memo = useMemo(() => new StreamVideoClient({ apiKey, user, token }), [apiKey]);
  const [state] = useState(() => new StreamChat(apiKey));
  const single = StreamVideoClient.getOrCreateInstance({ apiKey, user, token });
  const chat = StreamChat.getInstance(apiKey);
  const ref = useRef<StreamChat | null>(null);
  if (!ref.current) ref.current = new StreamChat(apiKey);
  useEffect(() => {
    const c = new StreamVideoClient({ apiKey, user, token });
    return () => { c.disconnectUser(); };
  }, []);
  return <div />;
};

export function useVideoClient(apiKey: string, user: User, token: string) {
  const client = new StreamVideoClient({ apiKey, user, token });
  return client;
}
"#;
    let f = facts("components/chat.tsx", &["next", "react"], src);
    let got: Vec<(ScopeKind, Guard, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.guard, c.scope.framework()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ScopeKind::Component, Guard::None, "react-component"),
            (ScopeKind::Component, Guard::Memo, "react-component"),
            (ScopeKind::Component, Guard::Memo, "react-component"),
            (ScopeKind::Component, Guard::SingletonApi, "react-component"),
            (ScopeKind::Component, Guard::SingletonApi, "react-component"),
            (ScopeKind::Component, Guard::Memo, "react-component"),
            (ScopeKind::Effect, Guard::None, ""),
            (ScopeKind::Component, Guard::None, "react-hook"),
        ]
    );
    assert!(f.clients[6].released);
    assert_eq!(f.clients[7].returned, Returned::Direct);
}

#[test]
fn hook_in_a_ts_file_of_a_react_project() {
    let f = facts(
        "src/hooks/useChat.ts",
        &["react", "stream-chat"],
        "import { StreamChat } from 'stream-chat';\nexport function useChat(key: string) {\n  const client = new StreamChat(key);\n  return client;\n}\n",
    );
    let c = one_client(&f);
    assert_eq!(c.scope.kind, ScopeKind::Component);
    assert_eq!(c.scope.framework(), "react-hook");
}

#[test]
fn express_inline_and_named_handlers() {
    let f = facts(
        "src/routes/users.ts",
        &["express", "pg"],
        r#"import { Router } from "express";
import { Pool } from "pg";
import * as userController from "../controllers/user";
import { createUser } from "../controllers/user";
import asyncHandler from "express-async-handler";
const router = Router();
router.get("/", async (req, res) => {
  const pool = new Pool();
  res.json((await pool.query("select 1")).rows);
});
router.get("/all", userController.list);
router.post("/", asyncHandler(createUser));
router.delete("/:id", remove);
async function remove(req, res) {
  const pool = new Pool();
  await pool.query("delete");
}
export default router;
"#,
    );
    assert_eq!(f.clients.len(), 2);
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind == ScopeKind::Handler && c.scope.framework() == "express")
    );
    assert_eq!(f.clients[1].scope.name.as_deref(), Some("remove"));
    let refs: Vec<(&str, bool)> = f
        .handler_refs
        .iter()
        .map(|r| (r.name.as_str(), r.module.is_some()))
        .collect();
    assert_eq!(
        refs,
        vec![("list", true), ("createUser", true), ("remove", false)]
    );
    assert_eq!(
        f.handler_refs[0]
            .module
            .as_ref()
            .map(|m| m.candidates.to_vec()),
        Some(vec!["src/controllers/user".to_string()])
    );
}

#[test]
fn fastify_hono_koa_trpc() {
    let f = facts(
        "src/server.ts",
        &["fastify", "ioredis"],
        r#"import Fastify from "fastify";
import Redis from "ioredis";
const app = Fastify();
app.get("/a", async (request, reply) => { const r = new Redis(); return r.get("x"); });
app.route({ method: "GET", url: "/b", handler: async (request, reply) => { const r = new Redis.Cluster([]); } });
app.register(async (instance) => { const r = new Redis(); instance.decorate("redis", r); });
"#,
    );
    let got: Vec<(ScopeKind, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ScopeKind::Handler, "fastify"),
            (ScopeKind::Handler, "fastify"),
            (ScopeKind::Startup, "startup")
        ]
    );

    // A Fastify plugin (`fastify-plugin`'s wrapper, or a function taking the application that
    // returns nothing) runs once, when registered; a helper returning a client does not.
    let f = facts(
        "src/plugins.ts",
        &["fastify", "fastify-plugin", "ioredis"],
        r#"import fp from "fastify-plugin";
import { FastifyInstance } from "fastify";
import Redis from "ioredis";
export const limiter = fp((fastify: FastifyInstance, _o: unknown, done: () => void) => { const r = new Redis(); done(); });
export default async function routes(fastify: FastifyInstance) { const r = new Redis(); fastify.decorate("r", r); }
export function helper(fastify: FastifyInstance) { return new Redis(); }
"#,
    );
    let got: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        got,
        vec![ScopeKind::Startup, ScopeKind::Startup, ScopeKind::Function]
    );

    let f = facts(
        "src/index.ts",
        &["hono", "postgres"],
        "import { Hono } from 'hono';\nimport postgres from 'postgres';\nconst app = new Hono();\napp.get('/users', async (c) => {\n  const sql = postgres(c.env.DATABASE_URL);\n  return c.json(await sql`select 1`);\n});\nexport default app;\n",
    );
    assert_eq!(one_client(&f).scope.framework(), "hono");
    assert_eq!(one_client(&f).client, "postgres-js");

    let f = facts(
        "src/app.js",
        &["koa", "@koa/router", "mysql2"],
        "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst mysql = require('mysql2/promise');\nconst router = new Router();\nrouter.get('/users', async (ctx) => {\n  const conn = await mysql.createConnection(process.env.DATABASE_URL);\n  ctx.body = await conn.query('select 1');\n});\n",
    );
    let c = one_client(&f);
    assert_eq!(
        (c.scope.kind, c.scope.framework(), c.client.as_str()),
        (ScopeKind::Handler, "koa", "mysql2-connection")
    );

    let f = facts(
        "src/server/routers/user.ts",
        &["@trpc/server", "pg"],
        "import { Pool } from 'pg';\nexport const userRouter = router({\n  list: publicProcedure.query(async () => {\n    const pool = new Pool();\n    return (await pool.query('select 1')).rows;\n  }),\n});\n",
    );
    assert_eq!(one_client(&f).scope.framework(), "trpc");
}

#[test]
fn server_actions_pages_api_and_ssr() {
    let f = facts(
        "app/actions.ts",
        &["next", "@prisma/client"],
        "\"use server\";\nimport { PrismaClient } from '@prisma/client';\nexport async function createUser(data: FormData) {\n  const prisma = new PrismaClient();\n  await prisma.user.create({ data: {} });\n}\n",
    );
    assert_eq!(one_client(&f).scope.framework(), "server-action");

    let f = facts(
        "app/users/page.tsx",
        &["next", "@prisma/client"],
        "import { PrismaClient } from '@prisma/client';\nexport default function Page() {\n  async function create() {\n    \"use server\";\n    const prisma = new PrismaClient();\n  }\n  return <form action={create} />;\n}\n",
    );
    assert_eq!(one_client(&f).scope.framework(), "server-action");

    let f = facts(
        "pages/api/users.ts",
        &["next", "pg"],
        "import { Client } from 'pg';\nasync function handler(req, res) {\n  const client = new Client();\n  await client.connect();\n  res.json({});\n}\nexport default handler;\n",
    );
    let c = one_client(&f);
    assert_eq!(
        (c.scope.kind, c.scope.framework(), c.kind),
        (
            ScopeKind::Handler,
            "next-api",
            crate::facts::ClientKind::Connection
        )
    );

    let f = facts(
        "pages/users.tsx",
        &["next", "pg"],
        "import { Pool } from 'pg';\nexport const getServerSideProps = async () => {\n  const pool = new Pool();\n  return { props: {} };\n};\n",
    );
    assert_eq!(one_client(&f).scope.framework(), "next-ssr");
}

#[test]
fn scripts_main_and_tests_are_silent_scopes() {
    let f = facts(
        "scripts/seed.ts",
        &["@prisma/client"],
        "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nasync function main() { const p = new PrismaClient(); }\nmain().catch(console.error).finally(() => prisma.$disconnect());\n",
    );
    assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Startup));
    assert!(f.clients[0].released);

    let f = facts(
        "src/seed.ts",
        &["pg"],
        "import { Pool } from 'pg';\nasync function run() { const pool = new Pool(); }\nvoid run();\n",
    );
    assert_eq!(one_client(&f).scope.kind, ScopeKind::Startup);

    let f = facts(
        "src/db.test.ts",
        &["pg"],
        "import { Pool } from 'pg';\ndescribe('db', () => { it('works', async () => { const pool = new Pool(); }); });\n",
    );
    assert_eq!(one_client(&f).scope.kind, ScopeKind::Test);
}

#[test]
fn plain_helpers_release_and_loops() {
    let f = facts(
        "src/lib/report.ts",
        &["pg"],
        r#"import { Client, Pool } from "pg";
export async function countUsers() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query("select count(*) from users")).rows[0];
  } finally {
    await client.end();
  }
}
export async function leaky() {
  const client = new Client();
  await client.connect();
  await client.query("select 1");
}
export async function perTenant(urls: string[]) {
  return Promise.all(urls.map(async (url) => new Pool({ connectionString: url })));
}
export async function loop(urls: string[]) {
  for (const url of urls) {
    const pool = new Pool({ connectionString: url });
  }
}
"#,
    );
    let got: Vec<(ScopeKind, bool, Returned)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.released, c.returned))
        .collect();
    assert_eq!(
        got,
        vec![
            (ScopeKind::Function, true, Returned::No),
            (ScopeKind::Function, false, Returned::No),
            (ScopeKind::Loop, false, Returned::No),
            (ScopeKind::Loop, false, Returned::No),
        ]
    );
    assert!(!f.clients[2].anchors.args_are_static);
}

#[test]
fn module_caches() {
    let f = facts(
        "lib/dbConnect.ts",
        &["mongoose"],
        r#"import mongoose from "mongoose";
let cached = (global as any).mongoose;
if (!cached) cached = (global as any).mongoose = { conn: null, promise: null };
async function dbConnect() {
  if (cached.conn) return cached.conn;
  if (!cached.promise) {
    cached.promise = mongoose.connect(process.env.MONGODB_URI!, { bufferCommands: false }).then((m) => m);
  }
  cached.conn = await cached.promise;
  return cached.conn;
}
export default dbConnect;
"#,
    );
    let c = one_client(&f);
    assert_eq!(c.client, "mongoose");
    assert_eq!(c.guard, Guard::ModuleCache);

    let f = facts(
        "src/db.ts",
        &["mongoose", "pg"],
        r#"import mongoose from "mongoose";
import { Pool } from "pg";
let isConnected = false;
export const connectDB = async () => {
  if (isConnected) return;
  await mongoose.connect(process.env.MONGO_URI!);
  isConnected = true;
};
let pool: Pool | undefined;
export function getPool() {
  if (!pool) pool = new Pool();
  return pool;
}
const pools = new Map<string, Pool>();
export function poolFor(url: string) {
  const p = new Pool({ connectionString: url });
  pools.set(url, p);
  return p;
}
class Db {
  constructor() { this.pool = new Pool(); }
}
"#,
    );
    let g: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
    assert_eq!(
        g,
        vec![
            Guard::ModuleCache,
            Guard::ModuleCache,
            Guard::ModuleCache,
            Guard::Owner
        ]
    );
}

#[test]
fn imports_require_and_namespaces() {
    let f = facts(
        "src/a.js",
        &[],
        r#"const { Pool } = require("pg");
const Redis = require("ioredis");
const knex = require("knex")({ client: "pg" });
import * as Ably from "ably";
import pg from "pg";
const { Client } = pg;
const a = new Pool();
const b = new Redis();
const c = new Ably.Realtime({ key: "x" });
const d = new pg.Pool();
const e = new Client();
"#,
    );
    let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "knex",
            "pg-pool",
            "ioredis",
            "ably-realtime",
            "pg-pool",
            "pg-client"
        ]
    );
    // identity comes from imports
    let f = facts(
        "src/b.ts",
        &[],
        "import { Pool } from './my-pool';\nconst p = new Pool();\n",
    );
    assert!(f.clients.is_empty());
}

#[test]
fn drizzle_url_form_only() {
    let f = facts(
        "src/db.ts",
        &["drizzle-orm", "pg"],
        r#"import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
export const a = drizzle(process.env.DATABASE_URL!);
export const b = drizzle({ connection: { connectionString: process.env.DATABASE_URL } });
const pool = new Pool();
export const c = drizzle(pool);
export const d = drizzle({ client: pool });
"#,
    );
    let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
    assert_eq!(ids, vec!["drizzle-postgres", "drizzle-postgres", "pg-pool"]);
}

#[test]
fn neon_edge_handler_released_by_wait_until() {
    let f = facts(
        "app/api/posts/route.ts",
        &["next", "@neondatabase/serverless"],
        "import { Pool } from '@neondatabase/serverless';\nexport const runtime = 'edge';\nexport async function GET(req: Request, ctx: any) {\n  const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n  const { rows } = await pool.query('select 1');\n  ctx.waitUntil(pool.end());\n  return Response.json(rows);\n}\n",
    );
    let c = one_client(&f);
    assert_eq!(c.client, "neon-pool");
    assert!(c.released);
}

#[test]
fn syntax_errors_keep_facts() {
    let f = facts(
        "app/api/raw/route.ts",
        &["next", "@prisma/client"],
        "import { PrismaClient } from '@prisma/client';\nexport async function GET() {\n  const prisma = new PrismaClient();\n  const rows = await prisma.$queryRaw<User[]>`SELECT * FROM users`;\n  return Response.json(rows) +;\n}\n",
    );
    assert!(!f.syntax_errors.is_empty());
    assert_eq!(one_client(&f).scope.framework(), "next-route");
}

#[test]
fn next_wrappers_and_export_aliases() {
    let f = facts(
        "app/api/items/route.ts",
        &["next", "pg"],
        "import { Pool } from 'pg';\nexport const POST = withAuth(async (req) => {\n  const pool = new Pool();\n});\nasync function handler(req) { const pool = new Pool(); }\nexport { handler as PUT };\n",
    );
    let got: Vec<(&str, Option<&str>)> = f
        .clients
        .iter()
        .map(|c| (c.scope.framework(), c.scope.name.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("next-route", Some("POST")),
            ("next-route", Some("handler"))
        ]
    );
}

#[test]
fn module_level_closures_are_functions_and_iife_is_module() {
    let f = facts(
        "src/index.ts",
        &["pg"],
        "import { Pool } from 'pg';\nsetInterval(() => { const p = new Pool(); }, 1000);\n(async () => { const q = new Pool(); })();\n",
    );
    let k: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    // `setInterval`'s callback runs once per tick: a registration (the catalogue's
    // `[registration]`), named after the call.
    assert_eq!(k, vec![ScopeKind::Handler, ScopeKind::Module]);
    assert_eq!(f.clients[0].scope.framework(), "event");
    assert_eq!(f.clients[0].scope.name.as_deref(), Some("setInterval(…)"));
    // A module-level closure handed to anything else is a plain function.
    let f = facts(
        "src/index.ts",
        &["pg"],
        "import { Pool } from 'pg';\nretry(() => { const p = new Pool(); });\nserver.on('listening', () => { const q = new Pool(); });\n",
    );
    let k: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(k, vec![ScopeKind::Function, ScopeKind::Function]);
    // An array method's callback is not a registration: a plain closure at module scope, a
    // loop body in a function.
    let f = facts(
        "src/index.ts",
        &["pg"],
        "import { Pool } from 'pg';\nconst ok = ['a'].every((u) => { const p = new Pool(); return !!p; });\nfunction check(us: string[]) { return us.every((u) => { const q = new Pool(); return !!q; }); }\n",
    );
    let k: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(k, vec![ScopeKind::Function, ScopeKind::Loop]);
}

#[test]
fn catalogue_constructors_by_import() {
    let f = facts(
        "src/lib/clients.ts",
        &[],
        r#"import { MongoClient } from "mongodb";
import mongoose from "mongoose";
import { Cluster, Redis } from "ioredis";
import IORedis from "ioredis";
import { createClient as createRedis } from "redis";
import { createClient } from "@supabase/supabase-js";
import { createBrowserClient, createServerClient } from "@supabase/ssr";
import { neon, Pool as NeonPool } from "@neondatabase/serverless";
import { createClient as createWs } from "graphql-ws";
import Pusher from "pusher-js";
import io from "socket.io-client";
import { DataSource } from "typeorm";
import { Sequelize } from "sequelize";
import knex from "knex";
const a = MongoClient.connect(url);
const b = mongoose.createConnection(url);
const c = new IORedis.Cluster([]);
const d = new Redis();
const e = createRedis({ url });
const f = createClient(url, key);
const g = createBrowserClient(url, key);
const h = createServerClient(url, key, { cookies });
const i = neon(url);
const j = new NeonPool({ connectionString: url });
const k = createWs({ url });
const l = new Pusher(key);
const m = io(url);
const n = new DataSource({ type: "postgres" });
const o = new Sequelize(url);
const p = knex({ client: "pg" });
const q = new Cluster([]);
"#,
    );
    let got: Vec<(&str, Guard)> = f
        .clients
        .iter()
        .map(|c| (c.client.as_str(), c.guard))
        .collect();
    assert_eq!(
        got,
        vec![
            ("mongodb", Guard::None),
            ("mongoose", Guard::None),
            ("ioredis", Guard::None),
            ("ioredis", Guard::None),
            ("node-redis", Guard::None),
            ("supabase-js", Guard::None),
            ("supabase-ssr-browser", Guard::SingletonApi),
            ("neon-pool", Guard::None),
            ("graphql-ws", Guard::None),
            ("pusher-js", Guard::None),
            ("socket-io-client", Guard::None),
            ("typeorm", Guard::None),
            ("sequelize", Guard::None),
            ("knex", Guard::None),
            ("ioredis", Guard::None),
        ]
    );
    let ctors: Vec<&str> = f.clients.iter().map(|c| c.ctor.as_str()).collect();
    assert_eq!(
        &ctors[..3],
        &[
            "MongoClient.connect()",
            "mongoose.createConnection()",
            "new IORedis.Cluster()"
        ]
    );
    assert!(
        f.calls.is_empty(),
        "package calls are not recorded: {:#?}",
        f.calls
    );
}

#[test]
fn dynamic_import_using_and_local_aliases() {
    let f = facts(
        "src/jobs/sync.ts",
        &["pg"],
        r#"export async function sync() {
  const { Pool } = await import("pg");
  await using pool = new Pool();
  await pool.query("select 1");
}
export async function cached() {
  const g = globalThis as unknown as { pool?: any };
  const { Client } = await import("pg");
  if (!g.pool) {
    g.pool = new Client();
  }
  return g.pool;
}
"#,
    );
    assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
    assert!(f.clients[0].released);
    assert_eq!(f.clients[1].guard, Guard::GlobalCache);
}

#[test]
fn route_reexports_and_imported_handlers() {
    let f = facts(
        "app/api/auth/[...nextauth]/route.ts",
        &["next", "next-auth"],
        "export { GET, POST } from '@/lib/handlers';\n",
    );
    let refs: Vec<(&str, &str)> = f
        .handler_refs
        .iter()
        .map(|r| (r.name.as_str(), r.framework.as_str()))
        .collect();
    assert_eq!(refs, vec![("GET", "next-route"), ("POST", "next-route")]);
    assert_eq!(
        f.handler_refs[0]
            .module
            .as_ref()
            .map(|m| m.candidates[0].as_str()),
        Some("lib/handlers")
    );

    let f = facts(
        "src/app/api/users/route.ts",
        &["next"],
        "import { listUsers } from '@/server/users';\nexport const GET = withAuth(listUsers);\n",
    );
    assert_eq!(f.handler_refs.len(), 1);
    assert_eq!(f.handler_refs[0].name, "listUsers");

    let f = facts(
        "src/routes.ts",
        &["express"],
        "import express from 'express';\nimport users from './controllers/users';\nconst app = express();\napp.route('/users').get(users.list).post(users.create);\n",
    );
    let names: Vec<&str> = f.handler_refs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, vec!["list", "create"]);
}

#[test]
fn functions_and_exports() {
    let f = facts(
        "src/controllers/user.js",
        &["express"],
        r#"exports.show = async (req, res) => {};
const list = async (req, res) => {};
function helper() {}
module.exports.list = list;
class UserService { async find() {} }
export default new UserService();
export const ctrl = { async create(req, res) {}, remove: async (req, res) => {} };
"#,
    );
    let got: Vec<(&str, bool)> = f
        .functions
        .iter()
        .map(|x| (x.name.as_str(), x.exported))
        .collect();
    assert_eq!(
        got,
        vec![
            ("show", true),
            ("list", true),
            ("helper", false),
            ("find", true),
            ("create", true),
            ("remove", true)
        ]
    );
}

#[test]
fn calls_to_local_and_imported_functions() {
    let f = facts(
        "app/api/items/route.ts",
        &["next", "zod"],
        r#"import * as db from "../../../lib/db";
import getPool from "@/lib/pool";
import { z } from "zod";
export async function GET() {
  const pool = getPool();
  const client = await db.connect();
  try {
    return Response.json(await load(client));
  } finally {
    await client.close();
  }
}
async function load(c) { return z.string().parse(await c.query()); }
"#,
    );
    let got: Vec<(&str, &str, bool, bool)> = f
        .calls
        .iter()
        .map(|c| {
            (
                c.callee.as_str(),
                c.name.as_str(),
                c.module.is_some(),
                c.released,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("getPool", "getPool", true, false),
            ("db.connect", "connect", true, true),
            ("load", "load", false, false)
        ]
    );
    assert!(f.calls.iter().all(|c| c.scope.kind == ScopeKind::Handler));
}

#[test]
fn module_insert_after_imports_requires_and_directives() {
    let text = "\"use client\";\nimport { io } from 'socket.io-client';\nconst x = 1;\nexport function Chat() { const s = io(); return <div />; }\n";
    let f = facts("components/chat.tsx", &["react"], text);
    let want = text.find("const x").map(|i| i as u32 - 1);
    assert_eq!(one_client(&f).anchors.module_insert, want);
    let text = "\"use client\";\nexport function Chat() { const s = require('socket.io-client').io(); return <div />; }\n";
    let f = facts("components/chat.jsx", &["react"], text);
    assert_eq!(one_client(&f).anchors.module_insert, Some(13));
    let text =
        "const { Pool } = require('pg');\nconst app = 1;\nfunction f() { return new Pool(); }\n";
    let f = facts("src/db.js", &[], text);
    assert_eq!(one_client(&f).anchors.module_insert, Some(31));
    assert_eq!(
        one_client(&f).anchors.statement.map(|s| &text[s.range()]),
        Some("return new Pool();")
    );
}

#[test]
fn project_imports() {
    let f = facts(
        "app/api/users/route.ts",
        &["next", "@prisma/client", "pg"],
        r#"import { prisma } from "@/lib/prisma";
import type { User } from "@/lib/prisma";
import { Pool } from "pg";
import { NextResponse } from "next/server";
import { PrismaClient } from "../../../generated/prisma";
import "./side-effect";
export { helper } from "../../../lib/helpers";
export * from "@/lib/types";
const { redis } = require("../../../lib/redis");
async function later() {
  const m = await import("@/lib/mongo");
  return m;
}
"#,
    );
    let got: Vec<Vec<String>> = f.imports.iter().map(|m| m.candidates.to_vec()).collect();
    assert_eq!(
        got,
        vec![
            vec!["lib/prisma".to_string(), "src/lib/prisma".to_string()],
            vec!["app/api/users/side-effect".to_string()],
            vec!["lib/helpers".to_string()],
            vec!["lib/types".to_string(), "src/lib/types".to_string()],
            vec!["lib/redis".to_string()],
            vec!["lib/mongo".to_string(), "src/lib/mongo".to_string()],
        ]
    );
}

#[test]
fn module_level_lazy_caches_are_module_caches() {
    let f = facts(
        "src/lib/db.ts",
        &["pg", "mongodb"],
        r#"import { Pool } from "pg";
import { MongoClient } from "mongodb";
let _db: Pool | undefined;
export function db() {
  return (_db ??= new Pool({ connectionString: process.env.DATABASE_URL }));
}
let _mongo: MongoClient | null = null;
export function mongo() {
  if (!_mongo) _mongo = new MongoClient(process.env.MONGODB_URI!);
  return _mongo;
}
"#,
    );
    let g: Vec<(Guard, bool)> = f
        .clients
        .iter()
        .map(|c| (c.guard, c.anchors.direct_return))
        .collect();
    assert_eq!(
        g,
        vec![(Guard::ModuleCache, false), (Guard::ModuleCache, false)]
    );
}

#[test]
fn a_handler_factory_returns_the_handler() {
    // The function a factory returns has a function of its own, `makeHandler()`, ...
    let lib = facts(
        "src/handlers.ts",
        &["pg"],
        r#"import pg from "pg";
export function makeHandler(tag: string) {
  const label = tag.toUpperCase();
  return async (event: { id: string }) => {
    const wms = new pg.Pool({ max: 2 });
    await wms.query("SELECT $1", [label, event.id]);
    await wms.end();
  };
}
export const curried = (tag: string) => async (event: { id: string }) => {
  await fetch(tag + event.id);
};
"#,
    );
    let names: Vec<&str> = lib.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["makeHandler", "makeHandler()", "curried", "curried()"]
    );
    assert_eq!(lib.functions[1].parent, Some(0));
    assert!(lib.functions[1].exported);
    assert_eq!(one_client(&lib).in_fn, Some(1));
    // ... which a registration given the factory's call names.
    let server = facts(
        "src/server.ts",
        &["@dapr/dapr"],
        r#"import { DaprServer } from "@dapr/dapr";
import { makeHandler } from "./handlers";
const server = new DaprServer({});
server.pubsub.subscribe("pubsub", "orders.created", makeHandler("a"));
"#,
    );
    let refs: Vec<&str> = server
        .handler_refs
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(refs, vec!["makeHandler()"]);
}

#[test]
fn operation_scoped_graphql_modules_providers_are_built_per_request() {
    let text = r#"import { Injectable, Scope } from "graphql-modules";
import { MongoClient } from "mongodb";
@Injectable({ scope: Scope.Operation })
export class PerOperation { constructor() { const a = new MongoClient("mongodb://x"); } }
@Injectable({ scope: Scope.OperationLog })
export class Other { constructor() { const b = new MongoClient("mongodb://x"); } }
"#;
    let f = facts("src/providers.ts", &["graphql-modules", "mongodb"], text);
    let kinds: Vec<_> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework().to_string()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ScopeKind::Handler, "graphql-modules".to_string()),
            (ScopeKind::Function, String::new()),
        ]
    );
}

#[test]
fn a_branch_filling_the_key_it_found_missing_runs_once_per_key() {
    let text = r#"
import Redis from "ioredis";
export class Queues {
  private queues = new Map<string, unknown>();
  private byName: Record<string, Redis> = {};
  process(name: string) {
    if (!this.queues.has(name)) {
      const connection = new Redis(process.env.REDIS_URL);
      this.queues.set(name, { connection });
    }
    if (!this.queues.has(name)) {
      const other = new Redis(process.env.OTHER_URL);
      other.publish("seen", name);
      this.queues.set(name + "!", {});
    }
  }
}
"#;
    let f = facts("src/queues.ts", &["ioredis"], text);
    let guards: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
    assert_eq!(guards, [Guard::Memo, Guard::None]);
}

#[test]
fn every_export_of_a_telefunc_file_runs_per_call() {
    let text = r#"import pg from 'pg'
export async function onLoad(days: number) {
  const p = new pg.Pool({ max: 2 })
  return p
}
"#;
    let f = facts("src/reports/reports.telefunc.ts", &["pg", "telefunc"], text);
    assert_eq!(one_client(&f).scope.kind, ScopeKind::Handler);
    // The same export in another file is the project's own function.
    let f = facts("src/reports/reports.ts", &["pg", "telefunc"], text);
    assert_eq!(one_client(&f).scope.kind, ScopeKind::Function);
}

#[test]
fn a_start_up_loop_that_serves_after_its_exit_runs_per_iteration() {
    // A menu loop: reads a command, leaves on `quit`, then serves it (per iteration); a probe
    // loop: leaves once the probe succeeds, then only waits (once).
    let f = facts(
        "src/main.ts",
        &["pg"],
        "import pg from 'pg';
async function main() {
  while (true) {
    const action = await ask();
    if (action === 'quit') break;
    const menu = new pg.Client();
    await menu.connect();
  }
  while (true) {
    const probe = new pg.Pool();
    if (await probe.query('SELECT 1')) break;
    console.warn('not ready');
    await sleep(1000);
  }
}
main();
",
    );
    let k: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(k, vec![ScopeKind::Loop, ScopeKind::Startup]);
}

#[test]
fn a_documentation_tag_registers_the_function() {
    // `@customfunction` (Office's and Google Sheets' custom functions): the host calls the
    // function per recalculation of each cell. Only in a `/** … */` comment right before the
    // function (or its `export`); a tag with a longer name is another tag.
    let f = facts(
        "src/functions.ts",
        &["pg"],
        "import { Pool } from 'pg';\n/**\n * @customfunction QUOTE\n */\nexport async function quote(s: string) { const a = new Pool(); return s; }\n/** @customfunctions */\nexport function other() { const b = new Pool(); }\n// @customfunction\nfunction plain() { const c = new Pool(); }\n/** @customfunction */\nexport const arrow = async () => { const d = new Pool(); };\n",
    );
    let k: Vec<(ScopeKind, String)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework().to_string()))
        .collect();
    assert_eq!(
        k,
        vec![
            (ScopeKind::Handler, "customfunction".to_string()),
            (ScopeKind::Function, String::new()),
            (ScopeKind::Function, String::new()),
            (ScopeKind::Handler, "customfunction".to_string()),
        ]
    );
}

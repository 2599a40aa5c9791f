//! Method calls whose receiver's class the file states.

use super::*;

fn method_call<'f>(f: &'f FileFacts, callee: &str) -> &'f CallSite {
    f.calls
        .iter()
        .find(|c| c.callee == callee)
        .unwrap_or_else(|| {
            panic!(
                "no call {callee}: {:?}",
                f.calls.iter().map(|c| &c.callee).collect::<Vec<_>>()
            )
        })
}

#[test]
fn injected_field_this_and_local_receivers() {
    let text = r#"import { Injectable } from "@nestjs/common";
import { InventoryService } from "./inventory.service";
import { Ledger as L } from "./ledger";
@Injectable()
export class Orders {
  private audit: Audit;
  cache = new Cache();
  constructor(private readonly inventory: InventoryService, plain: InventoryService) {}
  async place() {
    await this.inventory.reserve(1);
    await this.audit.write();
    await this.cache.warm();
    this.total();
    const l = new L();
    l.post();
  }
  total() {}
}
class Audit { write() {} }
class Cache { warm() {} }
"#;
    let f = facts("src/orders.ts", &["@nestjs/common"], text);
    let r = method_call(&f, "this.inventory.reserve");
    assert!(r.method);
    let recv = r.receiver.as_ref().expect("receiver");
    assert_eq!(recv.class, "InventoryService");
    assert!(recv.module.as_ref().is_some_and(|m| {
        m.candidates
            .iter()
            .any(|c| c.ends_with("inventory.service"))
    }));
    for (callee, class) in [
        ("this.audit.write", "Audit"),
        ("this.cache.warm", "Cache"),
        ("this.total", "Orders"),
    ] {
        let recv = method_call(&f, callee).receiver.as_ref().expect(callee);
        assert_eq!((recv.class.as_str(), recv.module.is_none()), (class, true));
    }
    // `import { Ledger as L }`: the class is `Ledger` in its file.
    let recv = method_call(&f, "l.post").receiver.as_ref().expect("l.post");
    assert_eq!(recv.class, "Ledger");
    // Methods know their class; the constructor goes by the class's name, unowned.
    let place = f
        .functions
        .iter()
        .find(|x| x.name == "place")
        .expect("place");
    assert_eq!(
        (place.owner.as_deref(), place.receiver),
        (Some("Orders"), true)
    );
    let ctor = f
        .functions
        .iter()
        .find(|x| x.name == "Orders")
        .expect("ctor");
    assert_eq!(ctor.owner, None);
}

#[test]
fn unknown_receivers_are_not_method_calls() {
    let text = r#"import { Pool } from "pg";
const pool = new Pool();
export class Repo {
  constructor(private db: Pool, private other) {}
  async q(x: any) {
    await pool.query("SELECT 1");
    await this.db.query("SELECT 1");
    await this.other.run();
    await x.run();
  }
}
"#;
    let f = facts("src/repo.ts", &["pg"], text);
    assert!(
        f.calls.iter().all(|c| !c.method),
        "{:?}",
        f.calls.iter().map(|c| &c.callee).collect::<Vec<_>>()
    );
}

#[test]
fn uncalled_methods_of_a_dependency_class_are_inferred_callbacks() {
    let text = r#"import { Room } from "colyseus";
import { Component } from "react";
import { Base } from "./base";
import { Pool } from "pg";
export class Arena extends Room<State> {
  async onLeave() { const a = new Pool(); }
  async onJoin() { await this.helper(); }
  async helper() { const b = new Pool(); }
  async onDispose() { const c = new Pool(); }
}
class View extends Component { tick() { const d = new Pool(); } }
class Local extends Base { refresh() { const e = new Pool(); } }
"#;
    let f = facts("src/rooms.ts", &["colyseus", "react", "pg"], text);
    let scope = |name: &str| {
        let at = text.find(&format!("const {name} ")).expect("in text");
        f.clients
            .iter()
            .find(|c| (c.span.start as usize) > at && (c.span.start as usize) < at + 12)
            .map(|c| (c.scope.kind, c.scope.framework().to_string()))
            .expect("client")
    };
    assert_eq!(
        scope("a"),
        (ScopeKind::Handler, crate::facts::INFERRED.to_string())
    );
    // Called by the file, once-only, a component's, a project base class's.
    for name in ["b", "c", "d", "e"] {
        assert_ne!(scope(name).1, crate::facts::INFERRED, "{name}");
    }
}

#[test]
fn exported_tables_and_calls_through_an_imported_table() {
    // The table's module: members defined here and imported.
    let f = facts(
        "src/commands/index.ts",
        &[],
        r#"import type { Command } from './types.js';
import { remind } from './remind.js';
import { related } from './related.js';
const local = async () => 1;
export const commands: Record<string, Command> = {
  remind,
  related,
  local,
  ping: async ({ reply }) => reply('pong'),
};
const hidden = { remind };
"#,
    );
    assert_eq!(f.tables.len(), 1, "{:#?}", f.tables);
    let t = &f.tables[0];
    assert_eq!(t.name, "commands");
    let names: Vec<(&str, bool)> = t
        .members
        .iter()
        .map(|(n, m)| (n.as_str(), m.is_some()))
        .collect();
    // (`ping` is written in the table: a function of this file by its key.)
    assert_eq!(
        names,
        [
            ("remind", true),
            ("related", true),
            ("local", false),
            ("ping", false)
        ]
    );
    // A caller: the entry taken from the imported table, then called.
    let f = facts(
        "src/bot.ts",
        &[],
        r#"import { commands } from './commands/index.js';
export async function onMention(name: string) {
  const command = commands[name];
  if (!command) return;
  await command({ name });
}
"#,
    );
    let call = f
        .calls
        .iter()
        .find(|c| c.name == "commands")
        .unwrap_or_else(|| panic!("{:#?}", f.calls));
    assert!(call.module.is_some());
    assert!(f.tables.is_empty());
}

#[test]
fn callbacks_given_to_custom_hooks_run_per_event_not_per_render() {
    let f = facts(
        "src/Login.tsx",
        &["react", "socket.io-client"],
        r#"import { io } from "socket.io-client";
import { useEventWithLoading } from "./hooks";
export function Login() {
  const [submit] = useEventWithLoading(async (v: { ws: string }) => {
    const socket = io(`/${v.ws}`);
    socket.emit("hello");
  });
  const live = io("/render");
  return <button onClick={() => submit({ ws: "a" })}>go</button>;
}
"#,
    );
    let kinds: Vec<(String, ScopeKind)> = f
        .clients
        .iter()
        .map(|c| (c.ctor.clone(), c.scope.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("io()".to_string(), ScopeKind::Function),
            ("io()".to_string(), ScopeKind::Component)
        ]
    );
}

#[test]
fn values_kept_by_stores_tables_and_promises() {
    let f = facts(
        "src/store.ts",
        &["socket.io-client", "zustand", "mongodb", "redis"],
        r#"import { io } from "socket.io-client";
import { create } from "zustand";
import { createClient } from "redis";
const useSocketStore = create(() => ({ socket: null }));
export function connectWorkspace(id: string) {
  const socket = io(`/${id}`);
  useSocketStore.setState({ socket });
}
export class Adapter {
  constructor(client) { this.client = client; }
  createSession() {
    const session = this.client.startSession();
    return Promise.resolve(session);
  }
}
function createPublisher(url) {
  return createClient({ url });
}
const PubSub = { createPublisher };
export { PubSub };
"#,
    );
    let socket = f
        .clients
        .iter()
        .find(|c| c.ctor == "io()")
        .unwrap_or_else(|| panic!("{:#?}", f.clients));
    assert_eq!(socket.guard, Guard::ModuleCache);
    assert!(
        !f.sessions.is_empty()
            && f.sessions
                .iter()
                .all(|s| s.closing == crate::facts::Closing::HandedOver),
        "{:#?}",
        f.sessions
    );
    let publisher = f
        .functions
        .iter()
        .find(|x| x.name == "createPublisher")
        .unwrap_or_else(|| panic!("{:#?}", f.functions));
    assert!(publisher.value_ref);
}

#[test]
fn tables_hold_functions_written_in_them() {
    let f = facts(
        "src/handlers.ts",
        &[],
        r#"type Handler = (ctx: unknown) => Promise<unknown>;
export const requestHandlers: Record<string, Handler> = {
  async join(ctx) {
    return ctx;
  },
  leave: async (ctx) => ctx,
};
"#,
    );
    let names: Vec<&str> = f.functions.iter().map(|x| x.name.as_str()).collect();
    let members: Vec<&str> = f
        .tables
        .iter()
        .flat_map(|t| t.members.iter().map(|(n, _)| n.as_str()))
        .collect();
    assert_eq!(members, ["join", "leave"], "{names:?}");
}

#[test]
fn released_by_a_closure_handed_back_to_the_caller() {
    let text = r#"import { createStore } from "./store";
export async function setup() {
  const store = createStore();
  return { async close() { store.destroy(); } };
}
export async function leaky() {
  const store = createStore();
  return { async close() { } };
}
"#;
    let f = facts("src/ext.ts", &[], text);
    let handed: Vec<bool> = f
        .calls
        .iter()
        .filter(|c| c.callee == "createStore")
        .map(|c| c.handed)
        .collect();
    assert_eq!(handed, vec![true, false]);
}

#[test]
fn loops_over_collections_written_in_the_code_are_finite() {
    let text = r#"import { Client } from "pg";
const REGIONS = ["eu", "us"] as const;
export async function a() { for (const r of REGIONS) { const c = new Client(); await c.end(); } }
export async function b() { for (const r of ["x", "y"]) { const c = new Client(); await c.end(); } }
export async function c(rows: string[]) { for (const r of rows) { const c = new Client(); await c.end(); } }
export async function d() { let xs = ["x"]; for (const r of xs) { const c = new Client(); await c.end(); } }
"#;
    let f = facts("src/regions.ts", &["pg"], text);
    let tags: Vec<&str> = f.clients.iter().map(|c| c.scope.framework()).collect();
    let each = crate::facts::FINITE_LOOP;
    assert_eq!(tags, vec![each, each, "", ""]);
}

/// A local looked up from a map, tested, then built and put back under the same key: the
/// construction is guarded (a keyed cache), not a factory's fresh client.
#[test]
fn a_looked_up_local_filled_on_a_miss_is_a_memo() {
    let src = |set: &str| {
        format!(
            r#"import {{ Queue }} from "bullmq";
const queues = new Map<string, Queue>();
export const getQueue = (name: string): Queue => {{
  let queue = queues.get(name);
  if (!queue) {{
    queue = new Queue(name, {{ connection: {{ host: "r" }} }});
    {set}
  }}
  return queue;
}};
"#
        )
    };
    let kept = facts("src/q.ts", &["bullmq"], &src("queues.set(name, queue);"));
    assert_eq!(one_client(&kept).guard, Guard::Memo);
    let lost = facts("src/q.ts", &["bullmq"], &src("console.log(name);"));
    assert_eq!(one_client(&lost).guard, Guard::None);
}

/// `if (running) return; running = true;` before the construction: a flag raised once.
#[test]
fn a_raised_once_flag_guards_what_follows() {
    let src = |raise: &str| {
        format!(
            r#"import {{ Worker }} from "bullmq";
export function consumer() {{
  let running = false;
  return async function start(topics: string[]) {{
    if (running) return;
    {raise}
    for (const t of topics) new Worker(t, async () => {{}}, {{ connection: {{ host: "r" }} }});
  }};
}}
"#
        )
    };
    let once = facts("src/w.ts", &["bullmq"], &src("running = true;"));
    assert_eq!(one_client(&once).guard, Guard::Memo);
    let again = facts("src/w.ts", &["bullmq"], &src("running = false;"));
    assert_eq!(one_client(&again).guard, Guard::None);
}

/// `Effect.map(f)` (a module of the catalogue's `value_modules`) runs `f` once; an array's
/// `map` runs it per element.
#[test]
fn a_value_modules_map_is_no_loop() {
    let src = |recv: &str| {
        format!(
            r#"import {{ createClient }} from "@clickhouse/client";
import {{ Effect }} from "effect";
export const make = (urls: string[]) => {recv}.map((u) => createClient({{ url: String(u) }}));
"#
        )
    };
    let effect = facts(
        "src/c.ts",
        &["@clickhouse/client", "effect"],
        &src("Effect"),
    );
    assert_eq!(one_client(&effect).scope.kind, ScopeKind::Function);
    let array = facts("src/c.ts", &["@clickhouse/client", "effect"], &src("urls"));
    assert_eq!(one_client(&array).scope.kind, ScopeKind::Loop);
}

/// A BullMQ Queue handed an ioredis instance reuses it (`borrows`); given options, it is a
/// client of its own. A Worker always is.
#[test]
fn a_queue_handed_a_connection_borrows_it() {
    let f = facts(
        "src/b.ts",
        &["bullmq", "ioredis"],
        r#"import { Queue, Worker } from "bullmq";
export function board(connection: unknown, names: string[]) {
  const shared = names.map((n) => new Queue(n, { connection }));
  const own = names.map((n) => new Queue(n, { connection: { host: "r" } }));
  const workers = names.map((n) => new Worker(n, async () => {}, { connection }));
  return [shared, own, workers];
}
"#,
    );
    let ctors: Vec<&str> = f.clients.iter().map(|c| c.ctor.as_str()).collect();
    assert_eq!(ctors, ["new Queue()", "new Worker()"], "{:#?}", f.clients);
}

/// `if (seen.get(id) === fingerprint) return; seen.set(id, fingerprint)`: what the map holds
/// compared with the event's data deduplicates events; it caches no client.
#[test]
fn a_map_lookup_compared_with_data_is_no_cache() {
    let src = |test: &str| {
        format!(
            r#"import {{ MongoClient }} from "mongodb";
const seen = new Map<string, MongoClient>();
export async function onOrder(order: Order, id: string) {{
  if ({test}) return;
  seen.set(id, order.status);
  const mongo = new MongoClient(process.env.URL);
  await mongo.connect();
}}
"#
        )
    };
    let dedupe = facts(
        "src/h.ts",
        &["mongodb"],
        &src("seen.get(id) === order.status"),
    );
    assert_eq!(one_client(&dedupe).guard, Guard::None);
    let cached = facts("src/h.ts", &["mongodb"], &src("seen.get(id)"));
    assert_ne!(one_client(&cached).guard, Guard::None);
}

/// A client used by a `while (!stopping)` loop of its own function holds a session; one used
/// once, or in a loop over items, does not.
#[test]
fn session_loops() {
    let text = r#"import pg from "pg";
let stopping = false;
export async function reindex(shards: { dsn: string }[]) {
  for (const shard of shards) {
    const a = new pg.Client({ connectionString: shard.dsn });
    await a.query("REINDEX");
  }
}
async function session() {
  const c = new pg.Client({ connectionString: process.env.MZ });
  while (!stopping) {
    await c.query("FETCH ALL c");
  }
}
async function once() {
  const d = new pg.Client({ connectionString: process.env.DB });
  await d.query("SELECT 1");
}
"#;
    let f = facts("src/ops.ts", &["pg"], text);
    let flags: Vec<bool> = f.clients.iter().map(|c| c.session_loop).collect();
    assert_eq!(flags, [false, true, false]);
}

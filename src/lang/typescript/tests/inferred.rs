//! Registrations read by their shape (`[registration.inferred]`).

use super::*;
use crate::facts::INFERRED;

fn scope_of<'f>(f: &'f FileFacts, line_text: &str, text: &str) -> &'f Scope {
    let at = text.find(line_text).expect("in text");
    &f.clients
        .iter()
        .find(|c| {
            (c.span.start as usize) >= at && (c.span.start as usize) < at + line_text.len() + 8
        })
        .unwrap_or_else(|| {
            panic!(
                "no client at {line_text}: {:#?}",
                f.clients
                    .iter()
                    .map(|c| (c.span, c.scope.framework()))
                    .collect::<Vec<_>>()
            )
        })
        .scope
}

#[test]
fn key_then_callback_is_an_inferred_registration() {
    let text = r#"import { Pool } from "pg";
import { Bot } from "grammy";
const bot = new Bot("t");
bot.hears("price", async () => { const p1 = new Pool(); });
bot.command("start", async () => { const p2 = new Pool(); });
new CronJob("*/5 * * * *", async () => { const p3 = new Pool(); });
"#;
    let f = facts("src/bot.ts", &["pg", "grammy"], text);
    for line in ["const p1", "const p2", "const p3"] {
        let s = scope_of(&f, line, text);
        assert_eq!(s.kind, ScopeKind::Handler, "{line}");
        assert_eq!(s.framework(), INFERRED, "{line}");
    }
}

#[test]
fn named_callback_after_a_key_is_inferred() {
    let text = r#"import { Pool } from "pg";
async function onOrder() { const p = new Pool(); }
channel.bind("order.created", onOrder);
"#;
    let f = facts("src/live.ts", &["pg"], text);
    let s = scope_of(&f, "const p", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
}

#[test]
fn shapes_that_are_not_registrations_stay_plain_functions() {
    let text = r#"import { Pool } from "pg";
import * as fs from "node:fs";
fs.readFile("seed.sql", () => { const a = new Pool(); });
cache.wrap("users", async () => { const b = new Pool(); });
bus.hook("ready", async () => { const c = new Pool(); });
bus.emit2("a sentence here", async () => { const d = new Pool(); });
"#;
    let f = facts("src/x.ts", &["pg"], text);
    for line in ["const a", "const b", "const c", "const d"] {
        assert_ne!(scope_of(&f, line, text).framework(), INFERRED, "{line}");
    }
}

#[test]
fn known_registrations_keep_their_framework() {
    let text = r#"import express from "express";
import { Pool } from "pg";
const app = express();
app.delete("/:id", remove);
async function remove(req, res) { const p = new Pool(); }
"#;
    let f = facts("src/app.ts", &["express", "pg"], text);
    assert_eq!(scope_of(&f, "const p", text).framework(), "express");
}

#[test]
fn command_line_files_have_no_inferred_registrations() {
    let text = r#"import yargs from "yargs";
import { Pool } from "pg";
yargs(process.argv).command("backfill", "copy", {}, async () => { const p = new Pool(); });
"#;
    let f = facts("src/cli.ts", &["yargs", "pg"], text);
    assert_ne!(scope_of(&f, "const p", text).framework(), INFERRED);
}

#[test]
fn callbacks_two_objects_down_an_options_object_that_names_itself_are_inferred() {
    let text = r#"import Redis from "ioredis";
export const prisma = base.$extends({
  name: "cache",
  query: { $allModels: { async $allOperations({ args, query }) { const r = new Redis(); return query(args); } } },
  result: { user: { full: { compute(u) { const deep = new Redis(); return u; } } } },
});
"#;
    let f = facts("src/db.ts", &["ioredis"], text);
    let s = scope_of(&f, "const r", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
    // Three objects down is too far from the name to say.
    let s = scope_of(&f, "const deep", text);
    assert_ne!(s.framework(), INFERRED);
}

#[test]
fn callbacks_in_a_dependency_factorys_options_are_inferred() {
    let text = r#"import { Pool } from "pg";
import { betterAuth } from "better-auth";
import { configure } from "./local";
export const auth = betterAuth({
  emailAndPassword: { sendResetPassword: async () => { const p1 = new Pool(); } },
  databaseHooks: { session: { create: { before: async () => { const p2 = new Pool(); } } } },
  setup: async () => { const p3 = new Pool(); },
});
export const mine = configure({ onEvent: async () => { const p4 = new Pool(); } });
export function later() {
  return betterAuth({ hooks: { after: async () => { const p5 = new Pool(); } } });
}
"#;
    let f = facts("src/auth.ts", &["pg", "better-auth"], text);
    for line in ["const p1", "const p2"] {
        let s = scope_of(&f, line, text);
        assert_eq!(s.kind, ScopeKind::Handler, "{line}");
        assert_eq!(s.framework(), INFERRED, "{line}");
    }
    // A once-only key, the project's own factory, and a call inside a function are not.
    for line in ["const p3", "const p4", "const p5"] {
        assert_ne!(scope_of(&f, line, text).kind, ScopeKind::Handler, "{line}");
    }
}

#[test]
fn dependency_interfaces_and_inline_constructor_callbacks_are_called_back() {
    let text = r#"import { Pool } from "pg";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { Strategy } from "passport-local";
import type { Contract } from "@acme/core";
export class Exporter implements SpanExporter {
  private stopped = false;
  export(spans: unknown[]) { if (this.stopped) return; const p1 = new Pool(); }
  shutdown() { this.stopped = true; }
}
export class Own implements Contract {
  build() { const p2 = new Pool(); }
}
new Strategy(async (user, pw, done) => { const p3 = new Pool(); });
"#;
    let f = facts_with(
        "src/app.ts",
        &["pg", "@opentelemetry/sdk-trace-base", "passport-local"],
        &["@acme/core"],
        text,
    );
    for line in ["const p1", "const p3"] {
        let s = scope_of(&f, line, text);
        assert_eq!(
            (s.kind, s.framework()),
            (ScopeKind::Handler, INFERRED),
            "{line}"
        );
    }
    assert_eq!(scope_of(&f, "const p2", text).kind, ScopeKind::Function);
    let p1 = f.clients.first().map(|c| c.guard);
    assert_eq!(p1, Some(crate::facts::Guard::None));
}

#[test]
fn a_plugin_factorys_named_hooks_run_per_event_once_hooks_aside() {
    let text = r#"const { Pool } = require("pg");
module.exports = function plugin(api, options) {
  return {
    name: "sku-names",
    buildStart() { const p1 = new Pool(); },
    pre(file) { const p2 = new Pool(); },
    visitor: { StringLiteral(path) { const p3 = new Pool(); } },
  };
};
"#;
    let mut project = Project::with_deps(&["pg", "@babel/core"]);
    project.plugin_hosts.insert("@babel/core".to_string());
    let file = SourceFile::in_memory("src/index.js", text, Arc::new(project)).expect("js");
    let f = extract(&file, &crate::catalog::Catalog::shared().js).expect("extracts");
    assert_ne!(scope_of(&f, "const p1", text).kind, ScopeKind::Handler);
    for line in ["const p2", "const p3"] {
        let s = scope_of(&f, line, text);
        assert_eq!(
            (s.kind, s.framework()),
            (ScopeKind::Handler, INFERRED),
            "{line}"
        );
    }
    // The same factory in a package no host loads (no peerDependencies) is the project's own.
    let g = facts("src/index.js", &["pg"], text);
    assert_ne!(scope_of(&g, "const p2", text).kind, ScopeKind::Handler);
}

#[test]
fn a_task_file_handed_its_runner_is_a_command_line_file() {
    let text = r#"const { Pool } = require("pg");
module.exports = function (grunt) {
  grunt.registerTask("export", "Export", function () { const p = new Pool(); });
};
"#;
    let f = facts("tasks/export.js", &["pg", "grunt"], text);
    assert_ne!(scope_of(&f, "const p", text).kind, ScopeKind::Handler);
}

#[test]
fn a_dotted_remote_method_name_registers_its_handler() {
    let text = r#"import { Pool } from "pg";
server.register("orders.create", async (params) => { const p1 = new Pool(); });
container.register("config.json", () => { const p2 = new Pool(); });
"#;
    let f = facts("src/index.ts", &["pg", "rpc-websockets"], text);
    let s = scope_of(&f, "const p1", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
    assert_ne!(scope_of(&f, "const p2", text).kind, ScopeKind::Handler);
}

#[test]
fn node_http_servers_call_back_per_request() {
    let text = r#"import http from "node:http";
import { Pool } from "pg";
http.createServer(async (req, res) => { const p = new Pool(); res.end(); }).listen(3000);
"#;
    let f = facts("src/server.ts", &["pg"], text);
    assert_eq!(scope_of(&f, "const p", text).kind, ScopeKind::Handler);
}

#[test]
fn node_servers_imported_by_name_call_back_per_request_but_not_dangers_schedule() {
    let text = r#"import { createServer } from "node:http";
import { schedule } from "danger";
import { Pool } from "pg";
createServer(async (req, res) => { const p1 = new Pool(); res.end(); }).listen(3000);
schedule(async () => { const p2 = new Pool(); });
"#;
    let f = facts("src/server.ts", &["pg", "danger"], text);
    assert_eq!(scope_of(&f, "const p1", text).kind, ScopeKind::Handler);
    assert_ne!(scope_of(&f, "const p2", text).kind, ScopeKind::Handler);
}

#[test]
fn an_options_object_naming_its_keyword_holds_a_callback() {
    let text = r#"import Ajv from "ajv";
import { Pool } from "pg";
const ajv = new Ajv();
ajv.addKeyword({ keyword: "noOpenOrder", async: true, validate: async (s, v) => { const p = new Pool(); return true; } });
"#;
    let f = facts("src/keywords.ts", &["pg", "ajv"], text);
    let s = scope_of(&f, "const p", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
}

#[test]
fn a_global_function_named_for_registering_given_a_key_and_a_callback() {
    let text = r#"import { Pool } from "pg";
onNet("garage:store", async () => { const p1 = new Pool(); });
RegisterCommand("impound", async () => { const p2 = new Pool(); }, false);
translate("garage:store", async () => { const p3 = new Pool(); });
"#;
    let f = facts("src/server.ts", &["pg"], text);
    for line in ["const p1", "const p2"] {
        assert_eq!(scope_of(&f, line, text).framework(), INFERRED, "{line}");
    }
    assert_ne!(scope_of(&f, "const p3", text).framework(), INFERRED);
}

#[test]
fn listen_for_an_event_registers_listen_on_a_port_runs_once() {
    // `device.listen(ScryptedInterface.MotionSensor, cb)` / `listen("doorbell", cb)`: per event;
    // `server.listen(PORT, cb)` / `listen(Config.Port, cb)`: once, when listening. An enum
    // member is a key elsewhere too (`client.handle(Events.MessageCreate, cb)`).
    let text = r#"import { Pool } from "pg";
device.listen(ScryptedInterface.MotionSensor, () => { const p1 = new Pool(); });
device.listen("doorbell", () => { const p2 = new Pool(); });
client.handle(Events.MessageCreate, () => { const p3 = new Pool(); });
server.listen(PORT, () => { const p4 = new Pool(); });
server.listen(Config.Port, () => { const p5 = new Pool(); });
server.listen(8080, "0.0.0.0", () => { const p6 = new Pool(); });
"#;
    let f = facts("src/main.ts", &["pg"], text);
    for line in ["const p1", "const p2", "const p3"] {
        assert_eq!(scope_of(&f, line, text).kind, ScopeKind::Handler, "{line}");
    }
    for line in ["const p4", "const p5", "const p6"] {
        assert_eq!(scope_of(&f, line, text).kind, ScopeKind::Startup, "{line}");
    }
}

#[test]
fn dependency_injection_providers_register_nothing_and_hand_functions_on() {
    // typed-inject's `provideFactory("db", createDbPool, Scope.Singleton)` calls the factory
    // once per injector: no registration; the factory is handed on (called by what takes it).
    let text = r#"import pg from "pg";
import { createInjector, Scope } from "typed-inject";
export function createDbPool(): pg.Pool { return new pg.Pool(); }
export const injector = createInjector().provideFactory("db", createDbPool, Scope.Singleton);
"#;
    let f = facts("src/container.ts", &["pg", "typed-inject"], text);
    let s = scope_of(&f, "new pg.Pool", text);
    assert_eq!(s.kind, ScopeKind::Function);
    let func = f
        .functions
        .iter()
        .find(|x| x.name == "createDbPool")
        .expect("fn");
    assert!(func.value_ref);
}

#[test]
fn a_dependencys_static_factory_given_options_first_holds_callbacks() {
    let text = r#"import { Pool } from "pg";
import { BrowserView } from "electrobun/bun";
import { container } from "tsyringe";
export const rpc = BrowserView.defineRPC({ handlers: { requests: { search: async () => { const p1 = new Pool(); } } } });
container.register("db", { useFactory: () => { const p2 = new Pool(); return p2; } });
"#;
    let f = facts("src/index.ts", &["pg", "electrobun", "tsyringe"], text);
    assert_eq!(scope_of(&f, "const p1", text).kind, ScopeKind::Handler);
    assert_eq!(scope_of(&f, "const p1", text).framework(), INFERRED);
    // (A container's method is given a name first: no options object of callbacks.)
    assert_ne!(scope_of(&f, "const p2", text).kind, ScopeKind::Handler);
}

#[test]
fn a_factory_given_a_function_returning_its_options_holds_their_callbacks() {
    let text = r#"import { defineDocumentType } from "contentlayer2/source-files";
import { Pool } from "pg";
export const Post = defineDocumentType(() => ({
  name: "Post",
  computedFields: {
    views: { type: "number", resolve: async (doc) => { const p1 = new Pool(); } },
  },
}));
"#;
    let f = facts("lib/docs.ts", &["pg", "contentlayer2"], text);
    let s = scope_of(&f, "const p1", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
    // In the build tool's configuration file too: the file runs once per build, the resolver
    // once per document.
    let g = facts("contentlayer.config.ts", &["pg", "contentlayer2"], text);
    let s = scope_of(&g, "const p1", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
}

#[test]
fn an_object_typed_by_a_host_interface_holds_hooks_per_item() {
    let text = r#"import type { Parser } from "prettier";
import { Pool } from "pg";
const parser: Parser = {
  async parse(text) { const p1 = new Pool(); },
  init() { const p2 = new Pool(); },
};
const other: Options = { parse(text) { const p3 = new Pool(); } };
"#;
    let mut project = Project::with_deps(&["pg", "prettier"]);
    project.plugin_hosts.insert("prettier".to_string());
    let file = SourceFile::in_memory("src/index.ts", text, Arc::new(project)).expect("ts");
    let f = extract(&file, &crate::catalog::Catalog::shared().js).expect("extracts");
    let s = scope_of(&f, "const p1", text);
    assert_eq!((s.kind, s.framework()), (ScopeKind::Handler, INFERRED));
    // A once-only method, and an object typed by something no host declares, stay as they are.
    assert_ne!(scope_of(&f, "const p2", text).kind, ScopeKind::Handler);
    assert_ne!(scope_of(&f, "const p3", text).kind, ScopeKind::Handler);
    // Without the host among the package's peerDependencies, the type says nothing.
    let g = facts("src/index.ts", &["pg", "prettier"], text);
    assert_ne!(scope_of(&g, "const p1", text).kind, ScopeKind::Handler);
}

/// A function assigned into an object's registry (`[registration.inferred]
/// registry_properties`: `env.filters`, `bot.events`) is the object's to call per use; one
/// assigned to another property is a plain value.
#[test]
fn a_function_assigned_into_a_registry_property_runs_per_use() {
    let text = r#"import { Pool } from "pg";
export function register(env: Env, bot: Bot) {
  env.filters.stock = async (sku: string) => { const p1 = new Pool(); };
  bot.events.messageCreate = async () => { const p2 = new Pool(); };
  env.options.loader = async () => { const p3 = new Pool(); };
}
"#;
    let f = facts("src/filters.ts", &["pg"], text);
    for line in ["const p1", "const p2"] {
        let s = scope_of(&f, line, text);
        assert_eq!(
            (s.kind, s.framework()),
            (ScopeKind::Handler, INFERRED),
            "{line}"
        );
    }
    assert_ne!(scope_of(&f, "const p3", text).framework(), INFERRED);
}

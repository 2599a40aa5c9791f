//! `connlint lsp` driven over stdio with JSON-RPC, as an editor drives it: initialize, open,
//! diagnostics at the right ranges (UTF-16 and UTF-8), code actions applied, edits, findings that
//! depend on other files, pull diagnostics, a broken file, shutdown.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use common::{CLOCK, ROUTE, next_app, write};
use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    inbox: Receiver<Value>,
    next: u64,
    /// Notifications read while waiting for something else.
    seen: Vec<Value>,
}

fn uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

impl Client {
    fn start(root: &Path, capabilities: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_connlint"))
            .arg("lsp")
            .current_dir(root)
            .env("CONNLINT_CACHE_DIR", root.join(".cache"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, inbox) = channel();
        std::thread::spawn(move || {
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        len = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            inbox,
            next: 0,
            seen: Vec::new(),
        };
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": capabilities,
                "initializationOptions": { "unsafeFixes": false },
            }),
        );
        assert!(
            init["capabilities"]["codeActionProvider"].is_object(),
            "{init}"
        );
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_vec(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn recv(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.inbox.recv_timeout(left) {
            Ok(v) => v,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server in time"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.recv(deadline);
            if msg["id"] == id && msg.get("method").is_none() {
                assert!(msg.get("error").is_none(), "{method}: {msg}");
                return msg["result"].clone();
            }
            self.seen.push(msg);
        }
    }

    /// The next `publishDiagnostics` for `uri` that satisfies `pred`.
    fn diagnostics(&mut self, uri: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + WAIT;
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && pred(m["params"]["diagnostics"].as_array().unwrap())
        };
        if let Some(i) = self.seen.iter().rposition(matches) {
            let m = self.seen.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let msg = self.recv(deadline);
            if matches(&msg) {
                return msg["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.seen.push(msg);
        }
    }

    /// The code actions offered for diagnostic `d` of document `uri`.
    fn actions_for(&mut self, uri: &str, d: &Value) -> Vec<Value> {
        let actions = self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d] } }),
        );
        actions.as_array().unwrap().clone()
    }

    /// The action for `d` whose title starts with `prefix`.
    fn action(&mut self, uri: &str, d: &Value, prefix: &str) -> Value {
        let actions = self.actions_for(uri, d);
        actions
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with(prefix))
            .unwrap_or_else(|| panic!("no action `{prefix}…` in {actions:?}"))
            .clone()
    }

    fn open(&mut self, path: &Path, language: &str, text: &str) -> String {
        let u = uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": u, "languageId": language, "version": 1, "text": text } }),
        );
        u
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Apply LSP text edits (UTF-16 positions) to `text`, as an editor does.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| {
        let (line, ch) = (
            pos["line"].as_u64().unwrap() as usize,
            pos["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

#[test]
fn diagnostics_quick_fix_and_edit_clear_the_finding() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    let path = dir.path().join("app/clock.tsx");
    let u = c.open(&path, "typescriptreact", CLOCK);
    let diags = c.diagnostics(&u, |d| !d.is_empty());
    assert_eq!(codes(&diags), vec!["effect-missing-cleanup"]);
    let d = &diags[0];
    assert_eq!(d["source"], "connlint");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["range"]["start"], json!({ "line": 5, "character": 4 }));
    assert!(
        d["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("effect-missing-cleanup.md")
    );
    // The quick fix, applied as an editor does, then sent back as a change.
    let actions = c.actions_for(&u, d);
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.iter().any(|t| t.starts_with("Fix: ")), "{titles:?}");
    assert!(
        titles.contains(&"Ignore `effect-missing-cleanup` on this line"),
        "{titles:?}"
    );
    let fix = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Fix: "))
        .unwrap();
    let edits = fix["edit"]["changes"][&u].as_array().unwrap();
    let fixed = apply(CLOCK, edits);
    assert!(fixed.contains("clearInterval("), "{fixed}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    assert!(c.diagnostics(&u, |d| d.is_empty()).is_empty());
    // Hover on nothing is null; an incremental change brings the finding back.
    let lines: Vec<&str> = fixed.lines().collect();
    let line = lines
        .iter()
        .position(|l| l.contains("clearInterval"))
        .unwrap();
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 3 }, "contentChanges": [{
            "range": { "start": { "line": line, "character": 0 }, "end": { "line": line + 1, "character": 0 } },
            "text": "",
        }] }),
    );
    let back = c.diagnostics(&u, |d| !d.is_empty());
    assert_eq!(codes(&back), vec!["effect-missing-cleanup"]);
    // The ignore action silences it.
    let ignore = c.action(&u, &back[0], "Ignore");
    let current = {
        let mut t: Vec<&str> = fixed.split_inclusive('\n').collect();
        t.remove(line);
        t.concat()
    };
    let ignored = apply(&current, ignore["edit"]["changes"][&u].as_array().unwrap());
    assert!(
        ignored.contains("// connlint-ignore: effect-missing-cleanup"),
        "{ignored}"
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 4 }, "contentChanges": [{ "text": ignored }] }),
    );
    assert!(c.diagnostics(&u, |d| d.is_empty()).is_empty());
    c.shutdown();
}

#[test]
fn a_route_sees_the_factory_of_an_unopened_file_and_hover_shows_the_rule() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    let u = c.open(
        &dir.path().join("app/api/users/route.ts"),
        "typescript",
        ROUTE,
    );
    let diags = c.diagnostics(&u, |d| !d.is_empty());
    assert_eq!(codes(&diags), vec!["per-request-client"]);
    assert_eq!(
        diags[0]["range"]["start"],
        json!({ "line": 3, "character": 17 })
    );
    let related = &diags[0]["relatedInformation"][0];
    assert!(
        related["location"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/lib/db.ts")
    );
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 3, "character": 20 } }),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("per-request-client"), "{md}");
    // Why the line runs per request, as `connlint explain --why` says it.
    assert!(
        md.contains("why: Next.js route handler `GET` runs on every request"),
        "{md}"
    );
    assert!(md.contains("## What it does"), "{md}");
    // The quick fix edits the factory, in another file.
    let fix = c.action(&u, &diags[0], "Fix: ");
    let lib = uri(&dir.path().join("lib/db.ts"));
    assert!(fix["edit"]["changes"][&lib].is_array(), "{fix}");
    c.shutdown();
}

#[test]
fn positions_count_utf16_units_or_utf8_bytes_as_negotiated() {
    let dir = next_app();
    let text = "import { MongoClient } from \"mongodb\";\n\nexport async function GET() {\n  const label = \"😀é\"; const client = new MongoClient(process.env.MONGODB_URI!);\n  return Response.json(await client.db().collection(\"u\").findOne({ label }));\n}\n";
    let path = dir.path().join("app/api/emoji/route.ts");
    let col_chars = text.lines().nth(3).unwrap().find("new").unwrap();
    // 😀 is 4 bytes and 2 UTF-16 units, é 2 bytes and 1 unit.
    for (caps, expected) in [
        (json!({}), col_chars - 3),
        (
            json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
            col_chars,
        ),
    ] {
        let mut c = Client::start(dir.path(), caps);
        let u = c.open(&path, "typescript", text);
        let diags = c.diagnostics(&u, |d| !d.is_empty());
        assert_eq!(diags[0]["code"], "per-request-client");
        assert_eq!(
            diags[0]["range"]["start"],
            json!({ "line": 3, "character": expected })
        );
        c.shutdown();
    }
}

#[test]
fn a_second_buffer_changes_the_first_files_project_findings() {
    let dir = next_app();
    let module = "import { MongoClient } from \"mongodb\";\n\nexport const client = new MongoClient(process.env.MONGODB_URI!);\n";
    write(dir.path(), "lib/mongodb.ts", module);
    let mut c = Client::start(dir.path(), json!({}));
    let first = c.open(&dir.path().join("lib/mongodb.ts"), "typescript", module);
    // Alone, it is reported for hot reloads only, not as a duplicate.
    let alone = c.diagnostics(&first, |d| !d.is_empty());
    assert_eq!(codes(&alone), vec!["hot-reload-client"]);
    // A new, unsaved second module with its own client: the first is now a duplicate of it
    // (the rule keeps one module, `lib/mongo.ts`, and reports the others).
    let second = c.open(&dir.path().join("lib/mongo.ts"), "typescript", module);
    let d = c.diagnostics(&first, |d| {
        d.iter().any(|x| x["code"] == "duplicate-client-module")
    });
    let dup = d
        .iter()
        .find(|x| x["code"] == "duplicate-client-module")
        .unwrap();
    assert!(
        dup["relatedInformation"][0]["location"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/lib/mongo.ts"),
        "{dup}"
    );
    // Deleting the client from the second buffer clears the first.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": second, "version": 2 }, "contentChanges": [{ "text": "export const x = 1;\n" }] }),
    );
    c.diagnostics(&first, |d| {
        !d.iter().any(|x| x["code"] == "duplicate-client-module")
    });
    c.shutdown();
}

#[test]
fn pull_diagnostics_for_clients_that_ask() {
    let dir = next_app();
    let mut c = Client::start(
        dir.path(),
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }),
    );
    let u = c.open(&dir.path().join("app/clock.tsx"), "typescriptreact", CLOCK);
    let report = c.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": u } }),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(
        codes(report["items"].as_array().unwrap()),
        vec!["effect-missing-cleanup"]
    );
    assert!(
        !c.seen
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "a pull client is not pushed to"
    );
    c.shutdown();
}

#[test]
fn a_broken_file_keeps_the_server_alive_and_fix_all_applies_safe_fixes() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    let rs = c.open(
        &dir.path().join("src/main.rs"),
        "rust",
        &"fn main() { (".repeat(50),
    );
    let py = c.open(
        &dir.path().join("app/x.py"),
        "python",
        "def f(:\n  x = \n\0\u{feff}",
    );
    let _ = (rs, py);
    // Still answering, with results for a good file.
    let u = c.open(&dir.path().join("app/clock.tsx"), "typescriptreact", CLOCK);
    assert_eq!(
        codes(&c.diagnostics(&u, |d| !d.is_empty())),
        vec!["effect-missing-cleanup"]
    );
    // An unused suppression has a safe fix: source.fixAll applies it.
    let text = format!("// connlint-ignore: per-request-client\n{CLOCK}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    c.diagnostics(&u, |d| d.iter().any(|x| x["code"] == "unused-suppression"));
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": u },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    let all = actions.as_array().unwrap();
    assert_eq!(all.len(), 1, "{actions}");
    assert_eq!(all[0]["kind"], "source.fixAll.connlint");
    let fixed = apply(&text, all[0]["edit"]["changes"][&u].as_array().unwrap());
    assert_eq!(
        fixed, CLOCK,
        "only the safe fix (the unused comment) is applied"
    );
    c.shutdown();
}

#[test]
fn configuration_edits_and_settings_re_lint() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    let u = c.open(&dir.path().join("app/clock.tsx"), "typescriptreact", CLOCK);
    assert_eq!(
        codes(&c.diagnostics(&u, |d| !d.is_empty())),
        vec!["effect-missing-cleanup"]
    );
    // A new connlint.toml ignoring the rule, announced as a watched-file change.
    write(
        dir.path(),
        "connlint.toml",
        "ignore = [\"effect-missing-cleanup\"]\n",
    );
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&dir.path().join("connlint.toml")), "type": 1 }] }),
    );
    c.diagnostics(&u, |d| d.is_empty());
    // A setting naming another configuration file (like --config) brings it back.
    write(
        dir.path(),
        "strict.toml",
        "select = [\"effect-missing-cleanup\"]\n",
    );
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "connlint": { "configPath": dir.path().join("strict.toml") } } }),
    );
    assert_eq!(
        codes(&c.diagnostics(&u, |d| !d.is_empty())),
        vec!["effect-missing-cleanup"]
    );
    // A broken configuration is reported to the user, and the server keeps answering.
    write(dir.path(), "strict.toml", "select = [\"no-such-rule\"]\n");
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "connlint": { "configPath": dir.path().join("strict.toml"), "unsafeFixes": true } } }),
    );
    let deadline = Instant::now() + WAIT;
    loop {
        let m = c.recv(deadline);
        if m["method"] == "window/showMessage" {
            assert!(
                m["params"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("no-such-rule"),
                "{m}"
            );
            break;
        }
    }
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(hover.is_null());
    c.shutdown();
}

#[test]
fn the_stdio_flag_that_some_clients_add_is_accepted() {
    let dir = next_app();
    let out = Command::new(env!("CARGO_BIN_EXE_connlint"))
        .args(["lsp", "--stdio"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    // Standard input closed before `initialize`: a protocol error, not a usage error (2 from clap
    // with "unexpected argument").
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("unexpected argument"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hover_on_a_pool_shows_its_share_of_the_database_budget() {
    // A copy of fixtures/budget/reachability: gunicorn (4 workers) loads the web engine (10):
    // 40 of DATABASE_URL's 82, limit 60.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/budget/reachability");
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "connlint.toml",
        "backend/requirements.txt",
        "backend/Procfile",
        "backend/app/__init__.py",
        "backend/app/db.py",
        "backend/app/routes.py",
        "backend/app/main.py",
        "backend/app/worker_db.py",
        "backend/app/tasks.py",
        "web/package.json",
        "web/vercel.json",
        "web/.env",
        "web/lib/prisma.ts",
    ] {
        write(
            dir.path(),
            rel,
            &std::fs::read_to_string(src.join(rel)).unwrap(),
        );
    }
    let mut c = Client::start(dir.path(), json!({}));
    let path = dir.path().join("backend/app/db.py");
    let text = std::fs::read_to_string(&path).unwrap();
    let u = c.open(&path, "python", &text);
    // The project-total finding of oversized-pool is on the same construction.
    c.diagnostics(&u, |d| !d.is_empty());
    let line = text
        .lines()
        .position(|l| l.contains("pool_size=5"))
        .unwrap();
    let character = text.lines().nth(line).unwrap().find("pool_size").unwrap();
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": line, "character": character } }),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**connlint budget**"), "{md}");
    assert!(
        md.contains("= **40** of `DATABASE_URL`'s 82 connections (48 %)"),
        "{md}"
    );
    assert!(md.contains("limit 60"), "{md}");
    assert!(md.contains("at most 7 per process here"), "{md}");
    // A line with no pool and no finding: nothing.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(hover.is_null());
    c.shutdown();
}

impl Client {
    /// Raw bytes on the server's input, as a broken client would write them.
    fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next message with no method whose `id` is `id` (a response).
    fn response(&mut self, id: &Value) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.recv(deadline);
            if &msg["id"] == id && msg.get("method").is_none() {
                return msg;
            }
            self.seen.push(msg);
        }
    }
}

fn framed(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn malformed_messages_are_answered_and_the_session_goes_on() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    // Each bad message gets an error with a null id; a good request after all of them is
    // still answered.
    for (bytes, code) in [
        (framed("{not json"), -32700),
        (framed("[]"), -32600),
        (framed("42"), -32600),
        (
            framed(r#"{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}"#),
            -32600,
        ),
        (b"this is not a header\r\n\r\n".to_vec(), -32700),
        (b"Content-Length: -5\r\n\r\n".to_vec(), -32700),
    ] {
        c.raw(&bytes);
        let reply = c.response(&Value::Null);
        assert_eq!(reply["error"]["code"], code, "{reply}");
    }
    // A second initialize is refused, not "method not found".
    c.send(json!({ "jsonrpc": "2.0", "id": 900, "method": "initialize", "params": { "capabilities": {} } }));
    let reply = c.response(&json!(900));
    assert_eq!(reply["error"]["code"], -32600, "{reply}");
    // Still alive: a hover on a file it knows is answered.
    let u = uri(&dir.path().join("app/api/users/route.ts"));
    c.send(
        json!({ "jsonrpc": "2.0", "id": 901, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } } }),
    );
    assert!(c.response(&json!(901)).get("error").is_none());
    // After shutdown, a request is an InvalidRequest; exit then ends with code 0.
    c.send(json!({ "jsonrpc": "2.0", "id": 902, "method": "shutdown" }));
    assert!(c.response(&json!(902))["result"].is_null());
    c.send(
        json!({ "jsonrpc": "2.0", "id": 903, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } } }),
    );
    assert_eq!(c.response(&json!(903))["error"]["code"], -32600);
    c.notify("exit", json!({}));
    let status = wait_exit(&mut c.child);
    assert_eq!(status, Some(0));
}

#[test]
fn an_oversized_content_length_is_refused_without_allocating_it() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    c.raw(b"Content-Length: 99999999999999\r\n\r\n");
    let reply = c.response(&Value::Null);
    assert_eq!(reply["error"]["code"], -32700, "{reply}");
    assert!(
        reply["error"]["message"]
            .as_str()
            .unwrap()
            .contains("over the"),
        "{reply}"
    );
    // Alive (its bytes would be read and dropped as they come), not aborted.
    std::thread::sleep(Duration::from_millis(300));
    assert!(c.child.try_wait().unwrap().is_none());
    let _ = c.child.kill();
}

#[test]
fn exit_without_shutdown_ends_with_code_1() {
    let dir = next_app();
    let mut c = Client::start(dir.path(), json!({}));
    c.notify("exit", json!({}));
    assert_eq!(wait_exit(&mut c.child), Some(1));
}

/// The exit code of the server, waited for (at most [`WAIT`]).
fn wait_exit(child: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s.code();
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A writer whose bytes the test reads back after the session.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn lsp_frame(body: &[u8]) -> Vec<u8> {
    let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    f.extend_from_slice(body);
    f
}

/// The frames a server wrote, as JSON (panics on a frame that is not a JSON-RPC message).
fn frames_written(bytes: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let end = rest.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let header = std::str::from_utf8(&rest[..end]).unwrap();
        let len: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let v: Value = serde_json::from_slice(&rest[end + 4..end + 4 + len]).unwrap();
        assert_eq!(v["jsonrpc"], "2.0");
        out.push(v);
        rest = &rest[end + 4 + len..];
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any sequence of well-formed and malformed pieces between `initialize` and `shutdown`:
    /// the session ends, cleanly (exit code 0's `true`), every frame written is JSON-RPC, and
    /// the `shutdown` after the garbage is answered.
    #[test]
    fn any_bytes_between_initialize_and_shutdown_leave_the_session_standing(
        pieces in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::Just(lsp_frame(b"{oops")),
            proptest::prelude::Just(lsp_frame(b"[]")),
            proptest::prelude::Just(lsp_frame(b"42")),
            proptest::prelude::Just(lsp_frame(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)),
            proptest::prelude::Just(lsp_frame(br#"{"jsonrpc":"2.0","id":5,"method":"no/such"}"#)),
            proptest::prelude::Just(lsp_frame(br#"{"jsonrpc":"2.0","id":6,"method":"initialize","params":{"capabilities":{}}}"#)),
            proptest::prelude::Just(b"X-Nonsense\r\n\r\n".to_vec()),
            proptest::prelude::Just(b"Content-Length: -4\r\n\r\n".to_vec()),
            proptest::prelude::Just(b"Content-Length: 99999999999999\r\n\r\n".to_vec()),
            proptest::prelude::Strategy::prop_map("[ -~]{0,40}\r\n\r\n", |s| s.into_bytes()),
            proptest::prelude::Strategy::prop_map(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64), |b| lsp_frame(&b)),
        ], 0..12)
    ) {
        let mut input = lsp_frame(br#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#);
        input.extend(lsp_frame(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#));
        for p in &pieces {
            input.extend_from_slice(p);
        }
        input.extend(lsp_frame(br#"{"jsonrpc":"2.0","id":"end","method":"shutdown"}"#));
        input.extend(lsp_frame(br#"{"jsonrpc":"2.0","method":"exit"}"#));
        let out = Shared::default();
        let clean = connlint::lsp::run(std::io::Cursor::new(input), out.clone()).unwrap();
        let frames = frames_written(&out.0.lock().unwrap());
        // A huge Content-Length swallows what follows (its bytes are read and dropped): the
        // shutdown may be gone with it; otherwise it is answered and the exit is clean.
        let swallowed = pieces.iter().any(|p| p.starts_with(b"Content-Length: 99999999999999"));
        if !swallowed {
            proptest::prop_assert!(clean);
            proptest::prop_assert!(frames.iter().any(|f| f["id"] == "end" && f.get("result").is_some()), "{frames:?}");
        }
    }
}

//! `connlint lsp`: a language server (LSP 3.17 over stdio, on `lsp-server` + `lsp-types`).
//!
//! It runs the library's pipeline — the same [`Workset`](crate::engine::Workset), project pass,
//! rules and fixes as the CLI — over the workspace folders, with each open buffer's text in place
//! of its file. The main thread only reads messages and hands them to one worker thread
//! ([`server::Server`]), which owns the state, batches and debounces edits, lints (in rayon's
//! pool, with the facts cache), publishes or answers diagnostics, and answers code actions and
//! hovers. A panic while linting is caught and logged; the server keeps running.
//!
//! Layout: `convert.rs` (positions in UTF-8 or UTF-16, URIs), `server.rs` (state and handlers).

pub mod convert;
mod server;
pub mod transport;

use lsp_server::{Connection, Message, RequestId, Response};
use serde_json::{Value, json};

use convert::Encoding;

/// Serve on standard input and output until the client says `exit`: `Ok(true)` after a
/// `shutdown` (exit code 0), `Ok(false)` when `exit` (or the end of input) came without one
/// (exit code 1, as LSP 3.17 says).
pub fn run_stdio() -> Result<bool, String> {
    run(std::io::BufReader::new(std::io::stdin()), std::io::stdout())
}

/// Serve one session read from `input` and written to `output` (standard input and output, or
/// bytes in the fuzz target and tests), with the stdio transport: see [`run_stdio`].
pub fn run(
    input: impl std::io::BufRead + Send + 'static,
    output: impl std::io::Write + Send + 'static,
) -> Result<bool, String> {
    let (to_server, server_in) = crossbeam_channel::unbounded::<Message>();
    let (server_out, to_client) = crossbeam_channel::unbounded::<Message>();
    let (replies, replies_out) = crossbeam_channel::unbounded::<Value>();
    // The reader ends with its input; nobody waits for it (a client that never closes its end
    // must not keep the process alive after `exit`).
    std::thread::Builder::new()
        .name("connlint-lsp-read".into())
        .spawn(move || transport::read_loop(input, &to_server, &replies))
        .map_err(|e| e.to_string())?;
    let writer = std::thread::Builder::new()
        .name("connlint-lsp-write".into())
        .spawn(move || transport::write_loop(output, &to_client, &replies_out))
        .map_err(|e| e.to_string())?;
    let clean = serve(Connection {
        sender: server_out,
        receiver: server_in,
    })?;
    // `serve` dropped its sender: the writer flushes what is left (the reader's reply sender
    // may live on with it: the writer drains the server's messages first).
    let _ = writer.join();
    Ok(clean)
}

/// What the client told `initialize`, as far as the server cares.
#[derive(Debug, Clone)]
pub struct ClientInfo {
    pub encoding: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`) instead of receiving them.
    pub pull: bool,
    /// The client re-pulls every document on `workspace/diagnostic/refresh`.
    pub refresh: bool,
    /// The client accepts `client/registerCapability` for file watchers.
    pub watch: bool,
    pub roots: Vec<std::path::PathBuf>,
    pub options: server::Options,
}

impl ClientInfo {
    fn from_params(params: &Value) -> ClientInfo {
        let caps = &params["capabilities"];
        let offers_utf8 = caps["general"]["positionEncodings"]
            .as_array()
            .is_some_and(|a| a.iter().any(|e| e == "utf-8"));
        let mut roots: Vec<std::path::PathBuf> = params["workspaceFolders"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|f| f["uri"].as_str())
                    .filter_map(|u| u.parse().ok())
                    .filter_map(|u| convert::path_of(&u))
                    .collect()
            })
            .unwrap_or_default();
        if roots.is_empty()
            && let Some(root) = params["rootUri"]
                .as_str()
                .and_then(|u| u.parse().ok())
                .and_then(|u| convert::path_of(&u))
        {
            roots.push(root);
        }
        ClientInfo {
            encoding: if offers_utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            },
            pull: caps["textDocument"]["diagnostic"].is_object(),
            refresh: caps["workspace"]["diagnostics"]["refreshSupport"] == true,
            watch: caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] == true,
            roots,
            options: server::Options::from_value(&params["initializationOptions"]),
        }
    }

    fn capabilities(&self) -> Value {
        let mut caps = json!({
            "positionEncoding": self.encoding.name(),
            "textDocumentSync": {
                "openClose": true,
                "change": 2,
                "save": { "includeText": false },
            },
            "codeActionProvider": {
                "codeActionKinds": ["quickfix", server::FIX_ALL],
                "resolveProvider": false,
            },
            "hoverProvider": true,
            "workspace": {
                "workspaceFolders": { "supported": true, "changeNotifications": true },
            },
        });
        if self.pull {
            caps["diagnosticProvider"] = json!({
                "identifier": "connlint",
                "interFileDependencies": true,
                "workspaceDiagnostics": false,
            });
        }
        caps
    }
}

/// Serve one connection (stdio, or an in-memory pair in tests); `Ok(true)` when it ended with
/// `shutdown` then `exit`.
pub fn serve(connection: Connection) -> Result<bool, String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let client = ClientInfo::from_params(&params);
    connection
        .initialize_finish(
            id,
            json!({
                "capabilities": client.capabilities(),
                "serverInfo": { "name": "connlint", "version": env!("CARGO_PKG_VERSION") },
            }),
        )
        .map_err(|e| e.to_string())?;

    let (jobs, inbox) = crossbeam_channel::unbounded::<server::Job>();
    let out = connection.sender.clone();
    let worker = std::thread::Builder::new()
        .name("connlint-lsp".into())
        // Deeply nested files recurse in the front-ends; give the worker room.
        .stack_size(crate::engine::WORKER_STACK)
        .spawn(move || server::Server::new(out, client).run(inbox))
        .map_err(|e| e.to_string())?;
    let mut jobs = Some(jobs);
    let mut worker = Some(worker);
    let mut stop = |jobs: &mut Option<crossbeam_channel::Sender<server::Job>>| {
        // The worker finishes what it holds, saves the cache, and ends.
        jobs.take();
        if let Some(w) = worker.take() {
            let _ = w.join();
        }
    };
    let mut shut_down = false;
    let refuse = |id: RequestId, message: &str| {
        let _ = connection.sender.send(Message::Response(Response::new_err(
            id,
            lsp_server::ErrorCode::InvalidRequest as i32,
            message.to_string(),
        )));
    };
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                // LSP 3.17: after `shutdown`, every request is an InvalidRequest; `initialize`
                // comes once.
                if shut_down {
                    refuse(req.id, "the server is shutting down");
                    continue;
                }
                if req.method == "initialize" {
                    refuse(req.id, "the server is already initialized");
                    continue;
                }
                if req.method == "shutdown" {
                    stop(&mut jobs);
                    shut_down = true;
                    let _ = connection
                        .sender
                        .send(Message::Response(Response::new_ok(req.id, Value::Null)));
                    continue;
                }
                if let Some(j) = &jobs {
                    let _ = j.send(server::Job::Request(req));
                }
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    stop(&mut jobs);
                    return Ok(shut_down);
                }
                if shut_down {
                    continue;
                }
                if n.method == "$/cancelRequest" {
                    let id = n
                        .params
                        .get("id")
                        .cloned()
                        .and_then(|v| serde_json::from_value::<RequestId>(v).ok());
                    if let (Some(id), Some(j)) = (id, &jobs) {
                        let _ = j.send(server::Job::Cancel(id));
                    }
                    continue;
                }
                if let Some(j) = &jobs {
                    let _ = j.send(server::Job::Notification(n));
                }
            }
            Message::Response(_) => {}
        }
    }
    stop(&mut jobs);
    Ok(shut_down)
}

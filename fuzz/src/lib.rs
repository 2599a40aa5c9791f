//! What the fuzz targets share: a front-end run the way the engine runs it (on a thread with the
//! engine's stack, so the depth limits are the real ones) but without its `catch_unwind`, so
//! that a panic is a crash the fuzzer reports; and the invariants every fact must keep.

use std::sync::{Arc, OnceLock};

use connlint::catalog::Catalog;
use connlint::facts::FileFacts;
use connlint::project::Project;
use connlint::source::{SourceFile, Span};

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("the bundled catalogue loads"))
}

fn project() -> Arc<Project> {
    static PROJECT: OnceLock<Arc<Project>> = OnceLock::new();
    PROJECT
        .get_or_init(|| {
            Arc::new(Project::with_deps(&[
                "next",
                "react",
                "pg",
                "mongodb",
                "@prisma/client",
                "stream-chat",
                "fastapi",
                "sqlalchemy",
                "redis",
                "axum",
                "sqlx",
            ]))
        })
        .clone()
}

type Job = Box<dyn FnOnce() + Send>;
type Outcome = std::thread::Result<()>;

/// Run `job` on one long-lived thread with the engine's stack (a thread per input cost more
/// than the parse), passing a panic back to the caller: the fuzzer sees it as a crash.
pub fn on_worker(job: Job) {
    use std::sync::Mutex;
    use std::sync::mpsc::{Receiver, Sender, channel};
    static WORKER: OnceLock<Mutex<(Sender<Job>, Receiver<Outcome>)>> = OnceLock::new();
    let worker = WORKER.get_or_init(|| {
        let (job_tx, job_rx) = channel::<Job>();
        let (out_tx, out_rx) = channel::<Outcome>();
        std::thread::Builder::new()
            .stack_size(connlint::engine::WORKER_STACK)
            .spawn(move || {
                for job in job_rx {
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    if out_tx.send(r).is_err() {
                        break;
                    }
                }
            })
            .expect("a thread");
        Mutex::new((job_tx, out_rx))
    });
    let guard = worker.lock().unwrap_or_else(|e| e.into_inner());
    guard.0.send(job).expect("the worker runs");
    if let Err(panic) = guard.1.recv().expect("the worker answers") {
        std::panic::resume_unwind(panic);
    }
}

/// Extract `data` as the file `rel` and check the facts; panics (a crash) when an invariant
/// breaks or the front-end panics.
pub fn extract(rel: &'static str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.to_string();
    on_worker(Box::new(move || {
        let Some(file) = SourceFile::in_memory(rel, &text, project()) else {
            return;
        };
        if let Ok(facts) = connlint::lang::extract(&file, catalog()) {
            check_facts(&file, &facts);
        }
    }));
}

fn check_span(file: &SourceFile, what: &str, s: Span) {
    let text = &file.text;
    assert!(
        s.start <= s.end && (s.end as usize) <= text.len(),
        "{what} span {s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize),
        "{what} span {s:?} inside a character"
    );
    // Every position a report would print converts.
    let _ = file.position(s.start);
    let _ = file.lines().utf16_position(text, s.end);
}

pub fn check_facts(file: &SourceFile, f: &FileFacts) {
    for c in &f.clients {
        check_span(file, "client", c.span);
        assert!(c.span.start < c.span.end, "a client's span {:?} is empty", c.span);
        if let Some(s) = c.anchors.statement {
            check_span(file, "client statement", s);
        }
        if let Some(at) = c.anchors.module_insert {
            check_span(file, "module insert", Span { start: at, end: at });
        }
    }
    for x in &f.functions {
        check_span(file, "function", x.span);
    }
    for x in &f.calls {
        check_span(file, "call", x.span);
    }
    for x in &f.handler_refs {
        check_span(file, "handler ref", x.span);
    }
    for x in &f.effects {
        check_span(file, "effect", x.span);
    }
    for x in &f.sessions {
        check_span(file, "session", x.span);
    }
    for x in &f.urls {
        check_span(file, "url", x.span);
        // The fuzz build must not set `cfg(fuzzing)` (run_all.sh and smoke.sh pass
        // `--no-cfg-fuzzing`): proc-macro2 turns its span locations off under that cfg, which
        // would make every Rust span 0..0.
        // `text` is the literal's value, `span` where it is written: they differ only by escapes
        // (fixes that edit a URL find its text in the span or give up).
        let written = file.slice(x.span);
        if !written.contains('\\') {
            assert_eq!(written, x.text, "a URL's span holds its text");
        }
    }
    for s in f.production_only.iter().chain(&f.syntax_errors) {
        check_span(file, "region", *s);
    }
    for n in &f.notes {
        check_span(file, "note", n.span);
    }
}

/// A writer whose bytes the caller reads back once the session ended.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// One language-server session over `data` (see the `lsp` target); panics when the server
/// panics or writes a frame that is not a JSON-RPC message.
pub fn lsp_session(data: &[u8]) {
    let root = std::env::temp_dir().join("connlint-fuzz-lsp-root");
    let _ = std::fs::create_dir_all(&root);
    let uri = format!("file://{}", root.display());
    let mut input = frame(&format!(
        r#"{{"jsonrpc":"2.0","id":0,"method":"initialize","params":{{"rootUri":"{uri}","capabilities":{{}}}}}}"#
    ));
    input.extend(frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#));
    input.extend_from_slice(data);
    input.extend(frame(r#"{"jsonrpc":"2.0","id":"end","method":"shutdown"}"#));
    input.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
    let out = Shared::default();
    let _ = connlint::lsp::run(std::io::Cursor::new(input), out.clone());
    let bytes = out.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let mut rest = &bytes[..];
    while !rest.is_empty() {
        let header_end = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a frame's headers end");
        let header = std::str::from_utf8(&rest[..header_end]).expect("UTF-8 headers");
        let len: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .and_then(|v| v.trim().parse().ok())
            .expect("a Content-Length");
        let body = &rest[header_end + 4..header_end + 4 + len];
        let v: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
        assert_eq!(v["jsonrpc"], "2.0", "{v}");
        rest = &rest[header_end + 4 + len..];
    }
}

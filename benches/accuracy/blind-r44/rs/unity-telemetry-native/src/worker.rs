use std::sync::Mutex;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Receiver, RecvTimeoutError, Sender};
use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Serialize, Clone, Copy)]
pub struct Event {
    pub kind: u32,
    pub x: f32,
    pub y: f32,
    pub z: f32,
    pub frame: u64,
}

pub enum Command {
    Record(Event),
    Flush,
    Shutdown,
}

/// Handle kept in the plugin's static; the thread it starts owns the HTTP
/// client and the offline spool for the whole game session.
pub struct Worker {
    tx: Sender<Command>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Worker {
    pub fn spawn(endpoint: String, api_key: String, spool_path: String) -> Result<Worker, Box<dyn std::error::Error>> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        let spool = Connection::open(&spool_path)?;
        spool.execute_batch(
            "CREATE TABLE IF NOT EXISTS spool (id INTEGER PRIMARY KEY, body TEXT NOT NULL);",
        )?;

        // Frame events are dropped rather than blocking the render thread when the queue is full.
        let (tx, rx) = bounded::<Command>(4096);
        let thread = thread::Builder::new()
            .name("vantage-telemetry".into())
            .spawn(move || run(rx, http, spool, endpoint, api_key))?;

        Ok(Worker { tx, thread: Mutex::new(Some(thread)) })
    }

    pub fn send(&self, cmd: Command) {
        let _ = self.tx.try_send(cmd);
    }

    pub fn shutdown(&self) {
        let _ = self.tx.send(Command::Shutdown);
        if let Some(handle) = self.thread.lock().ok().and_then(|mut t| t.take()) {
            let _ = handle.join();
        }
    }
}

fn run(rx: Receiver<Command>, http: reqwest::blocking::Client, spool: Connection, endpoint: String, api_key: String) {
    let mut batch: Vec<Event> = Vec::with_capacity(512);
    let mut last_flush = Instant::now();

    loop {
        let cmd = rx.recv_timeout(Duration::from_secs(1));
        let flush = match cmd {
            Ok(Command::Record(e)) => {
                batch.push(e);
                batch.len() >= 512 || last_flush.elapsed() > Duration::from_secs(10)
            }
            Ok(Command::Flush) => true,
            Ok(Command::Shutdown) | Err(RecvTimeoutError::Disconnected) => {
                ship(&http, &spool, &endpoint, &api_key, &mut batch);
                return;
            }
            Err(RecvTimeoutError::Timeout) => last_flush.elapsed() > Duration::from_secs(10),
        };
        if flush {
            ship(&http, &spool, &endpoint, &api_key, &mut batch);
            last_flush = Instant::now();
        }
    }
}

fn ship(http: &reqwest::blocking::Client, spool: &Connection, endpoint: &str, api_key: &str, batch: &mut Vec<Event>) {
    if batch.is_empty() {
        return;
    }
    let body = serde_json::to_string(&*batch).unwrap_or_default();
    batch.clear();

    let sent = http
        .post(endpoint)
        .bearer_auth(api_key)
        .header("content-type", "application/json")
        .body(body.clone())
        .send()
        .map(|r| r.status().is_success())
        .unwrap_or(false);

    if !sent {
        // Offline: keep the batch and retry it on the next successful send.
        let _ = spool.execute("INSERT INTO spool (body) VALUES (?1)", params![body]);
        return;
    }

    let pending: Vec<(i64, String)> = spool
        .prepare("SELECT id, body FROM spool ORDER BY id LIMIT 20")
        .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .unwrap_or_default();
    for (id, old) in pending {
        let ok = http
            .post(endpoint)
            .bearer_auth(api_key)
            .header("content-type", "application/json")
            .body(old)
            .send()
            .map(|r| r.status().is_success())
            .unwrap_or(false);
        if !ok {
            break;
        }
        let _ = spool.execute("DELETE FROM spool WHERE id = ?1", params![id]);
    }
}

//! The only thread that talks to the network. It owns one Postgres connection and one
//! HTTP client for the lifetime of the agent.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use postgres::{Client, NoTls};
use serde::Serialize;

pub enum ProcessEvent {
    Start { pid: u32, parent: u32, image: String },
    Stop { pid: u32 },
}

pub struct Settings {
    pub database_url: String,
    pub alert_url: Option<String>,
    pub watch_images: Vec<String>,
}

impl Settings {
    pub fn from_env() -> Settings {
        Settings {
            database_url: std::env::var("AUDIT_DATABASE_URL").expect("AUDIT_DATABASE_URL"),
            alert_url: std::env::var("AUDIT_ALERT_URL").ok(),
            watch_images: vec!["psexec.exe".into(), "mimikatz.exe".into(), "procdump.exe".into()],
        }
    }
}

#[derive(Serialize)]
struct Alert<'a> {
    host: &'a str,
    pid: u32,
    image: &'a str,
}

fn connect_with_retry(url: &str) -> Client {
    let mut delay = Duration::from_secs(1);
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => break client,
            Err(e) => {
                log::warn!("audit db not reachable ({e}); retrying in {delay:?}");
                std::thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
}

pub fn run(settings: Settings, rx: Receiver<ProcessEvent>) {
    let host = std::env::var("COMPUTERNAME").unwrap_or_default();
    let mut db = connect_with_retry(&settings.database_url);
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client");

    let mut batch: Vec<ProcessEvent> = Vec::with_capacity(256);
    let mut last_flush = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(ev) => {
                if let ProcessEvent::Start { pid, image, .. } = &ev {
                    let lower = image.to_ascii_lowercase();
                    if let Some(url) = &settings.alert_url {
                        if settings.watch_images.iter().any(|w| lower.ends_with(w.as_str())) {
                            let alert = Alert { host: &host, pid: *pid, image };
                            if let Err(e) = http.post(url).json(&alert).send() {
                                log::error!("alert failed: {e}");
                            }
                        }
                    }
                }
                batch.push(ev);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }

        if batch.len() >= 200 || (!batch.is_empty() && last_flush.elapsed() > Duration::from_secs(5)) {
            if db.is_closed() {
                db = connect_with_retry(&settings.database_url);
            }
            if let Err(e) = flush(&mut db, &host, &batch) {
                log::error!("flush of {} events failed: {e}", batch.len());
            }
            batch.clear();
            last_flush = Instant::now();
        }
    }

    if !batch.is_empty() {
        let _ = flush(&mut db, &host, &batch);
    }
    let _ = db.close();
}

fn flush(db: &mut Client, host: &str, batch: &[ProcessEvent]) -> Result<(), postgres::Error> {
    let mut tx = db.transaction()?;
    for ev in batch {
        match ev {
            ProcessEvent::Start { pid, parent, image } => {
                tx.execute(
                    "INSERT INTO process_starts (host, pid, parent_pid, image, seen_at) VALUES ($1, $2, $3, $4, now())",
                    &[&host, &(*pid as i64), &(*parent as i64), image],
                )?;
            }
            ProcessEvent::Stop { pid } => {
                tx.execute(
                    "UPDATE process_starts SET stopped_at = now() \
                     WHERE host = $1 AND pid = $2 AND stopped_at IS NULL",
                    &[&host, &(*pid as i64)],
                )?;
            }
        }
    }
    tx.commit()
}

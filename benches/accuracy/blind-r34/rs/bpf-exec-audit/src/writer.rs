use std::sync::LazyLock;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossbeam_channel::{Receiver, RecvTimeoutError};
use postgres::{Client, NoTls, Statement};

pub struct ExecEvent {
    pub pid: i32,
    pub uid: i32,
    pub comm: String,
    pub filename: String,
}

const WATCHED: &[&str] = &["/usr/bin/nc", "/usr/bin/ncat", "/usr/bin/socat", "/tmp/"];

static ALERTS: LazyLock<ureq::Agent> = LazyLock::new(|| {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .build()
});

fn connect_with_retry(url: &str) -> Result<Client> {
    let mut delay = Duration::from_millis(500);
    let mut attempt = 1;
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if attempt < 8 => {
                eprintln!("postgres unavailable (attempt {attempt}): {e}");
                std::thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(15));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn flush(client: &mut Client, insert: &Statement, batch: &mut Vec<ExecEvent>) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut tx = client.transaction()?;
    for ev in batch.iter() {
        tx.execute(insert, &[&ev.pid, &ev.uid, &ev.comm, &ev.filename])?;
    }
    tx.commit()?;
    batch.clear();
    Ok(())
}

fn alert(ev: &ExecEvent) {
    let Ok(url) = std::env::var("ALERT_WEBHOOK") else { return };
    let _ = ALERTS.post(&url).send_json(ureq::json!({
        "text": format!("suspicious exec: {} (pid {}, uid {}) -> {}", ev.comm, ev.pid, ev.uid, ev.filename)
    }));
}

pub fn run(rx: Receiver<ExecEvent>) -> Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let mut client = connect_with_retry(&url)?;
    let insert = client.prepare(
        "INSERT INTO exec_events (pid, uid, comm, filename, seen_at) VALUES ($1, $2, $3, $4, now())",
    )?;

    let mut batch = Vec::with_capacity(512);
    let mut last_flush = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(ev) => {
                if WATCHED.iter().any(|w| ev.filename.starts_with(w)) {
                    alert(&ev);
                }
                batch.push(ev);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if batch.len() >= 512 || last_flush.elapsed() >= Duration::from_secs(2) {
            flush(&mut client, &insert, &mut batch)?;
            last_flush = Instant::now();
        }
    }

    flush(&mut client, &insert, &mut batch)?;
    client.close()?;
    Ok(())
}

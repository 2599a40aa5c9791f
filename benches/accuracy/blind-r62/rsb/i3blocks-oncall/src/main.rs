//! i3blocks blocklet with `interval=persist` + `format=json`: i3blocks starts
//! this process once per bar and replaces the block text with every JSON line
//! we print. Click events arrive as JSON lines on stdin.
//!
//! Left click acknowledges my oldest open incident through the incident API,
//! right click opens the on-call dashboard.

use std::env;
use std::io::{self, BufRead, Write};
use std::process::Command;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use postgres::{Client, NoTls};
use serde::Deserialize;
use serde_json::json;

struct Config {
    db_url: String,
    api_url: String,
    api_token: String,
    engineer: String,
    dashboard_url: String,
}

#[derive(Deserialize)]
struct Click {
    button: u8,
}

struct Summary {
    open: i64,
    unacked: i64,
    worst_severity: Option<String>,
}

fn main() -> Result<()> {
    let cfg = Config {
        db_url: env::var("ONCALL_DATABASE_URL").context("ONCALL_DATABASE_URL")?,
        api_url: env::var("ONCALL_API_URL").unwrap_or_else(|_| "https://oncall.internal".into()),
        api_token: env::var("ONCALL_API_TOKEN").context("ONCALL_API_TOKEN")?,
        engineer: env::var("ONCALL_ENGINEER").or_else(|_| env::var("USER"))?,
        dashboard_url: env::var("ONCALL_DASHBOARD_URL").unwrap_or_else(|_| "https://oncall.internal/me".into()),
    };

    // Both clients live as long as the bar does.
    let mut db = connect_with_retry(&cfg.db_url, 5)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;

    let (click_tx, click_rx) = mpsc::channel::<Click>();
    thread::spawn(move || read_clicks(click_tx));

    loop {
        let line = match summary(&mut db, &cfg.engineer) {
            Ok(s) => render(&s),
            Err(_) => {
                // Only a dead connection is replaced; a failed query on a live one is just retried next tick.
                if db.is_closed() {
                    if let Ok(fresh) = connect_with_retry(&cfg.db_url, 1) {
                        db = fresh;
                    }
                }
                json!({ "full_text": " oncall ?", "color": "#888888" }).to_string()
            }
        };
        let mut out = io::stdout().lock();
        writeln!(out, "{line}")?;
        out.flush()?;
        drop(out);

        match click_rx.recv_timeout(Duration::from_secs(30)) {
            Ok(click) => handle_click(&cfg, &http, &mut db, &click),
            Err(RecvTimeoutError::Timeout) => {}
            // stdin closed: the bar went away, so do we.
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

fn connect_with_retry(url: &str, attempts: u32) -> Result<Client> {
    for attempt in 1..=attempts {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) if attempt == attempts => bail!("on-call database unreachable: {e}"),
            Err(_) => thread::sleep(Duration::from_secs(2 * u64::from(attempt))),
        }
    }
    bail!("no connection attempts made")
}

fn read_clicks(tx: Sender<Click>) {
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { return };
        if let Ok(click) = serde_json::from_str::<Click>(&line) {
            if tx.send(click).is_err() {
                return;
            }
        }
    }
}

fn summary(db: &mut Client, engineer: &str) -> Result<Summary> {
    let row = db.query_one(
        "SELECT count(*), count(*) FILTER (WHERE acked_at IS NULL), \
                (array_agg(severity ORDER BY severity_rank DESC))[1] \
         FROM incidents WHERE assignee = $1 AND resolved_at IS NULL",
        &[&engineer],
    )?;
    Ok(Summary { open: row.get(0), unacked: row.get(1), worst_severity: row.get(2) })
}

fn render(s: &Summary) -> String {
    let color = match (s.unacked, s.worst_severity.as_deref()) {
        (0, _) if s.open == 0 => "#8fbc8f",
        (0, _) => "#f0c674",
        (_, Some("critical")) => "#ff5555",
        _ => "#ffaa00",
    };
    json!({
        "full_text": format!(" {} open / {} unacked", s.open, s.unacked),
        "short_text": format!(" {}", s.unacked),
        "color": color,
    })
    .to_string()
}

fn handle_click(cfg: &Config, http: &reqwest::blocking::Client, db: &mut Client, click: &Click) {
    match click.button {
        1 => {
            let oldest = db
                .query_opt(
                    "SELECT id FROM incidents WHERE assignee = $1 AND acked_at IS NULL \
                     AND resolved_at IS NULL ORDER BY opened_at LIMIT 1",
                    &[&cfg.engineer],
                )
                .ok()
                .flatten();
            if let Some(row) = oldest {
                let id: i64 = row.get(0);
                let _ = http
                    .post(format!("{}/api/incidents/{id}/ack", cfg.api_url))
                    .bearer_auth(&cfg.api_token)
                    .send();
            }
        }
        3 => {
            let _ = Command::new("xdg-open").arg(&cfg.dashboard_url).spawn();
        }
        _ => {}
    }
}

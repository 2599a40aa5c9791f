mod db;

use std::env;
use std::time::Duration;

use anyhow::Result;
use mysql::prelude::*;
use mysql::Pool;
use serde_json::json;
use systemd::journal::{JournalRecord, OpenOptions};

const WATCHED_UNITS: &[&str] = &["nginx.service", "postgresql.service", "app-api.service"];

fn field<'a>(rec: &'a JournalRecord, key: &str) -> &'a str {
    rec.get(key).map(String::as_str).unwrap_or("")
}

fn handle(pool: &Pool, http: &reqwest::blocking::Client, pager: &str, rec: &JournalRecord) -> Result<()> {
    let priority: u8 = field(rec, "PRIORITY").parse().unwrap_or(6);
    if priority > 3 {
        return Ok(());
    }
    let unit = field(rec, "_SYSTEMD_UNIT");
    let message = field(rec, "MESSAGE");
    let host = field(rec, "_HOSTNAME");

    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT INTO journal_alerts (host, unit, priority, message) VALUES (?, ?, ?, ?)",
        (host, unit, priority, message),
    )?;
    let recent: Option<u64> = conn.exec_first(
        "SELECT COUNT(*) FROM journal_alerts WHERE unit = ? AND created_at > NOW() - INTERVAL 5 MINUTE",
        (unit,),
    )?;

    if recent.unwrap_or(0) == 1 {
        http.post(pager)
            .json(&json!({ "summary": format!("{unit} on {host}: {message}"), "severity": "error" }))
            .send()?
            .error_for_status()?;
    }
    Ok(())
}

fn main() -> Result<()> {
    let pool = db::connect_with_retry(&env::var("MYSQL_URL")?, 10)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    let pager = env::var("PAGER_URL")?;

    let mut journal = OpenOptions::default().system(true).local_only(true).open()?;
    for unit in WATCHED_UNITS {
        journal.match_add("_SYSTEMD_UNIT", *unit)?;
        journal.match_or()?;
    }
    journal.seek_tail()?;

    loop {
        match journal.await_next_entry(None)? {
            Some(rec) => {
                if let Err(e) = handle(&pool, &http, &pager, &rec) {
                    eprintln!("alert: {e:#}");
                }
            }
            None => continue,
        }
    }
}

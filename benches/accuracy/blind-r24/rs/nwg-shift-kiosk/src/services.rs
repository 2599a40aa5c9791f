use std::cell::RefCell;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

#[derive(Serialize)]
struct PunchDto {
    local_id: i64,
    badge: String,
    direction: String,
    at: String,
    kiosk: String,
}

/// Everything the kiosk talks to. Built exactly once in main() and owned by
/// the UI struct for the lifetime of the process.
pub struct Services {
    db: RefCell<Connection>,
    http: reqwest::blocking::Client,
    api_base: String,
    kiosk_id: String,
}

impl Services {
    pub fn open() -> Result<Self, Box<dyn std::error::Error>> {
        let path = std::env::var("KIOSK_DB").unwrap_or_else(|_| r"C:\ProgramData\ShiftKiosk\punches.db".into());
        let db = Connection::open(path)?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS punches (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 badge TEXT NOT NULL,
                 direction TEXT NOT NULL,
                 at TEXT NOT NULL,
                 synced INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE IF NOT EXISTS roster (badge TEXT PRIMARY KEY, name TEXT NOT NULL);",
        )?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self {
            db: RefCell::new(db),
            http,
            api_base: std::env::var("HR_API").unwrap_or_else(|_| "https://hr.internal.example/api".into()),
            kiosk_id: std::env::var("COMPUTERNAME").unwrap_or_else(|_| "kiosk".into()),
        })
    }

    pub fn record_punch(&self, badge: &str, direction: &str) -> rusqlite::Result<String> {
        let db = self.db.borrow();
        db.execute(
            "INSERT INTO punches (badge, direction, at) VALUES (?1, ?2, ?3)",
            params![badge, direction, chrono::Local::now().to_rfc3339()],
        )?;
        let name: Option<String> = db
            .query_row("SELECT name FROM roster WHERE badge = ?1", [badge], |r| r.get(0))
            .optional()?;
        Ok(name.unwrap_or_else(|| badge.to_string()))
    }

    pub fn push_pending(&self) -> Result<usize, Box<dyn std::error::Error>> {
        let db = self.db.borrow();
        let mut stmt = db.prepare_cached(
            "SELECT id, badge, direction, at FROM punches WHERE synced = 0 ORDER BY id LIMIT 200",
        )?;
        let batch: Vec<PunchDto> = stmt
            .query_map([], |r| {
                Ok(PunchDto {
                    local_id: r.get(0)?,
                    badge: r.get(1)?,
                    direction: r.get(2)?,
                    at: r.get(3)?,
                    kiosk: self.kiosk_id.clone(),
                })
            })?
            .collect::<Result<_, _>>()?;
        if batch.is_empty() {
            return Ok(0);
        }
        self.http
            .post(format!("{}/punches/batch", self.api_base))
            .json(&batch)
            .send()?
            .error_for_status()?;
        let last = batch.last().map(|p| p.local_id).unwrap_or(0);
        db.execute("UPDATE punches SET synced = 1 WHERE synced = 0 AND id <= ?1", [last])?;
        Ok(batch.len())
    }
}

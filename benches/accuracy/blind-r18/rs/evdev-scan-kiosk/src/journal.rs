use anyhow::Result;
use rusqlite::{params, Connection};

use crate::catalog::CatalogItem;

/// Local scan journal; one SQLite connection opened in main for the life of
/// the kiosk process.
pub struct Journal {
    conn: Connection,
}

impl Journal {
    pub fn open(path: &str) -> Result<Self> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS scans (
                 id INTEGER PRIMARY KEY,
                 warehouse TEXT NOT NULL,
                 code TEXT NOT NULL,
                 name TEXT,
                 unit_price REAL,
                 scanned_at TEXT NOT NULL DEFAULT (datetime('now'))
             );",
        )?;
        Ok(Self { conn })
    }

    pub fn record(&self, warehouse: &str, code: &str, item: Option<&CatalogItem>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO scans (warehouse, code, name, unit_price) VALUES (?1, ?2, ?3, ?4)",
        )?;
        stmt.execute(params![
            warehouse,
            code,
            item.map(|i| i.name.as_str()),
            item.map(|i| i.unit_price)
        ])?;
        Ok(())
    }
}

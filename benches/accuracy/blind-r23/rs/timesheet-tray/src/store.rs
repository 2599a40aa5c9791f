use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Entry {
    pub id: i64,
    pub project: String,
    pub started_at: i64,
    pub stopped_at: i64,
}

/// Local timesheet database; one connection for the life of the app.
pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS entries (
                 id INTEGER PRIMARY KEY,
                 project TEXT NOT NULL,
                 started_at INTEGER NOT NULL,
                 stopped_at INTEGER,
                 synced INTEGER NOT NULL DEFAULT 0
             );",
        )?;
        Ok(Self { conn })
    }

    pub fn running(&self) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row("SELECT project FROM entries WHERE stopped_at IS NULL", [], |r| r.get(0))
            .optional()
    }

    pub fn start(&self, project: &str, now: i64) -> rusqlite::Result<()> {
        self.conn.execute(
            "UPDATE entries SET stopped_at = ?1 WHERE stopped_at IS NULL",
            params![now],
        )?;
        self.conn.execute(
            "INSERT INTO entries (project, started_at) VALUES (?1, ?2)",
            params![project, now],
        )?;
        Ok(())
    }

    pub fn stop(&self, now: i64) -> rusqlite::Result<usize> {
        self.conn.execute(
            "UPDATE entries SET stopped_at = ?1 WHERE stopped_at IS NULL",
            params![now],
        )
    }

    pub fn unsynced(&self) -> rusqlite::Result<Vec<Entry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, project, started_at, stopped_at FROM entries \
             WHERE synced = 0 AND stopped_at IS NOT NULL ORDER BY id LIMIT 500",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Entry { id: r.get(0)?, project: r.get(1)?, started_at: r.get(2)?, stopped_at: r.get(3)? })
        })?;
        rows.collect()
    }

    pub fn mark_synced(&mut self, ids: &[i64]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached("UPDATE entries SET synced = 1 WHERE id = ?1")?;
            for id in ids {
                stmt.execute(params![id])?;
            }
        }
        tx.commit()
    }
}

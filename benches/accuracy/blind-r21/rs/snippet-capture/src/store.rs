use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

pub struct Store {
    conn: Connection,
}

/// Opens (and migrates) the local history database. Called once at start-up.
pub fn open(path: &Path) -> anyhow::Result<Store> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS snippets (
             id INTEGER PRIMARY KEY,
             digest TEXT NOT NULL UNIQUE,
             body TEXT NOT NULL,
             shared INTEGER NOT NULL DEFAULT 0,
             synced INTEGER NOT NULL DEFAULT 0,
             captured_at TEXT NOT NULL DEFAULT (datetime('now'))
         );",
    )?;
    Ok(Store { conn })
}

impl Store {
    /// Returns the new row id, or None when the same text was captured before.
    pub fn insert(&self, body: &str, shared: bool) -> anyhow::Result<Option<i64>> {
        let digest = hex::encode(Sha256::digest(body.as_bytes()));
        let existing: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM snippets WHERE digest = ?1")?
            .query_row(params![digest], |r| r.get(0))
            .optional()?;
        if existing.is_some() {
            return Ok(None);
        }
        self.conn
            .prepare_cached("INSERT INTO snippets (digest, body, shared) VALUES (?1, ?2, ?3)")?
            .execute(params![digest, body, shared])?;
        Ok(Some(self.conn.last_insert_rowid()))
    }

    pub fn pending_shared(&self, limit: usize) -> anyhow::Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, body FROM snippets WHERE shared = 1 AND synced = 0 ORDER BY id LIMIT ?1")?;
        let rows = stmt
            .query_map(params![limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    pub fn mark_synced(&mut self, ids: &[i64]) -> anyhow::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached("UPDATE snippets SET synced = 1 WHERE id = ?1")?;
            for id in ids {
                stmt.execute(params![id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

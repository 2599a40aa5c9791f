use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub body: String,
    pub created_at: String,
}

/// Wraps the one SQLite connection the app opens at start-up.
pub struct NotesStore {
    conn: Connection,
}

pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("field-notes")
        .join("notes.db")
}

impl NotesStore {
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS notes (
                 id INTEGER PRIMARY KEY,
                 body TEXT NOT NULL,
                 created_at TEXT NOT NULL DEFAULT (datetime('now')),
                 synced INTEGER NOT NULL DEFAULT 0
             );",
        )?;
        Ok(Self { conn })
    }

    pub fn insert(&self, body: &str) -> rusqlite::Result<i64> {
        self.conn
            .prepare_cached("INSERT INTO notes (body) VALUES (?1)")?
            .execute(params![body])?;
        Ok(self.conn.last_insert_rowid())
    }

    fn query(&self, sql: &str, limit: i64) -> rusqlite::Result<Vec<Note>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![limit], |r| {
            Ok(Note { id: r.get(0)?, body: r.get(1)?, created_at: r.get(2)? })
        })?;
        rows.collect()
    }

    pub fn recent(&self, limit: i64) -> rusqlite::Result<Vec<Note>> {
        self.query("SELECT id, body, created_at FROM notes ORDER BY id DESC LIMIT ?1", limit)
    }

    pub fn unsynced(&self) -> rusqlite::Result<Vec<Note>> {
        self.query("SELECT id, body, created_at FROM notes WHERE synced = 0 ORDER BY id LIMIT ?1", 500)
    }

    pub fn mark_synced(&self, ids: &[i64]) -> rusqlite::Result<()> {
        // Rolled back automatically if any statement fails.
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut stmt = tx.prepare_cached("UPDATE notes SET synced = 1 WHERE id = ?1")?;
            for id in ids {
                stmt.execute(params![id])?;
            }
        }
        tx.commit()
    }
}

use std::path::PathBuf;

use rusqlite::{params, Connection};

pub fn default_path() -> PathBuf {
    let mut p = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    p.push(".local/share/notes-cursive/notes.db");
    p
}

/// Single SQLite connection owned by the UI thread for the life of the app.
pub struct NoteStore {
    conn: Connection,
}

impl NoteStore {
    pub fn open(path: &std::path::Path) -> rusqlite::Result<Self> {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS notes (
                 id INTEGER PRIMARY KEY,
                 title TEXT NOT NULL,
                 body TEXT NOT NULL,
                 updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
             );",
        )?;
        Ok(Self { conn })
    }

    pub fn titles(&self) -> rusqlite::Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, title FROM notes ORDER BY updated_at DESC")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }

    pub fn body(&self, id: i64) -> rusqlite::Result<String> {
        self.conn.query_row("SELECT body FROM notes WHERE id = ?1", params![id], |r| r.get(0))
    }

    pub fn insert(&self, title: &str, body: &str) -> rusqlite::Result<i64> {
        self.conn.execute("INSERT INTO notes (title, body) VALUES (?1, ?2)", params![title, body])?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn all_as_json(&self) -> rusqlite::Result<Vec<serde_json::Value>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, title, body, updated_at FROM notes")?;
        let rows = stmt.query_map([], |r| {
            Ok(serde_json::json!({
                "id": r.get::<_, i64>(0)?,
                "title": r.get::<_, String>(1)?,
                "body": r.get::<_, String>(2)?,
                "updated_at": r.get::<_, String>(3)?,
            }))
        })?;
        rows.collect()
    }
}

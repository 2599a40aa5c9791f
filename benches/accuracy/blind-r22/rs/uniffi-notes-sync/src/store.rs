use rusqlite::{params, Connection, OptionalExtension};

use crate::Note;

/// The app's single SQLite handle, owned by `NotesEngine`.
pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open(path: &str) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS notes (
                 id TEXT PRIMARY KEY, body TEXT NOT NULL,
                 updated_at INTEGER NOT NULL, dirty INTEGER NOT NULL DEFAULT 0);
             CREATE TABLE IF NOT EXISTS sync_state (k TEXT PRIMARY KEY, v INTEGER NOT NULL);",
        )?;
        Ok(Self { conn })
    }

    pub fn upsert(&self, note: &Note) -> rusqlite::Result<()> {
        self.conn.execute(
            "INSERT INTO notes (id, body, updated_at, dirty) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(id) DO UPDATE SET body = ?2, updated_at = ?3, dirty = ?4",
            params![note.id, note.body, note.updated_at, note.dirty],
        )?;
        Ok(())
    }

    pub fn all(&self) -> rusqlite::Result<Vec<Note>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, body, updated_at, dirty FROM notes ORDER BY updated_at DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok(Note { id: r.get(0)?, body: r.get(1)?, updated_at: r.get(2)?, dirty: r.get(3)? })
        })?;
        rows.collect()
    }

    pub fn dirty(&self) -> rusqlite::Result<Vec<Note>> {
        Ok(self.all()?.into_iter().filter(|n| n.dirty).collect())
    }

    pub fn last_sync(&self) -> rusqlite::Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT v FROM sync_state WHERE k = 'last_sync'", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    pub fn apply_server(&mut self, server: &[Note], pushed: &[Note], now: i64) -> rusqlite::Result<u32> {
        let tx = self.conn.transaction()?;
        for n in pushed {
            tx.execute("UPDATE notes SET dirty = 0 WHERE id = ?1 AND updated_at = ?2", params![n.id, n.updated_at])?;
        }
        let mut changed = 0;
        for n in server {
            changed += tx.execute(
                "INSERT INTO notes (id, body, updated_at, dirty) VALUES (?1, ?2, ?3, 0)
                 ON CONFLICT(id) DO UPDATE SET body = ?2, updated_at = ?3, dirty = 0
                 WHERE notes.updated_at < ?3 AND notes.dirty = 0",
                params![n.id, n.body, n.updated_at],
            )? as u32;
        }
        tx.execute(
            "INSERT INTO sync_state (k, v) VALUES ('last_sync', ?1) ON CONFLICT(k) DO UPDATE SET v = ?1",
            params![now],
        )?;
        tx.commit()?;
        Ok(changed)
    }
}

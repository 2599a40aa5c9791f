//! Local high-score table on the cabinet's SD card.

use rusqlite::{params, Connection};

pub struct LocalScores {
    conn: Connection,
}

impl LocalScores {
    pub fn open(path: &str) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS scores (
                 id INTEGER PRIMARY KEY,
                 initials TEXT NOT NULL,
                 score INTEGER NOT NULL,
                 at TEXT NOT NULL DEFAULT (datetime('now'))
             );",
        )?;
        Ok(Self { conn })
    }

    /// True if the score would make the local top ten.
    pub fn qualifies(&self, score: u32) -> rusqlite::Result<bool> {
        let tenth: Option<u32> = self
            .conn
            .prepare_cached("SELECT score FROM scores ORDER BY score DESC LIMIT 1 OFFSET 9")?
            .query_row([], |r| r.get(0))
            .ok();
        Ok(score > 0 && tenth.map_or(true, |t| score > t))
    }

    pub fn save(&self, initials: &str, score: u32) -> rusqlite::Result<()> {
        self.conn
            .prepare_cached("INSERT INTO scores (initials, score) VALUES (?1, ?2)")?
            .execute(params![initials, score])?;
        Ok(())
    }
}

/// The emulator wrapper writes the final score of each game here.
pub fn read_last_score() -> Option<u32> {
    std::fs::read_to_string("/run/cabinet/last_score")
        .ok()?
        .trim()
        .parse()
        .ok()
}

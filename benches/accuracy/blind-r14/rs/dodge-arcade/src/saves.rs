use ggez::GameError;
use rusqlite::{params, Connection};

/// Local run history, one SQLite file next to the binary.
pub struct Saves {
    conn: Connection,
}

impl Saves {
    pub fn open(path: &str) -> Result<Self, GameError> {
        let conn = Connection::open(path).map_err(|e| GameError::CustomError(e.to_string()))?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, points INTEGER NOT NULL, played_at TEXT DEFAULT CURRENT_TIMESTAMP)",
        )
        .map_err(|e| GameError::CustomError(e.to_string()))?;
        Ok(Self { conn })
    }

    pub fn record(&self, points: u32) {
        let _ = self.conn.execute("INSERT INTO runs (points) VALUES (?1)", params![points]);
    }

    pub fn best(&self) -> u32 {
        self.conn
            .query_row("SELECT COALESCE(MAX(points), 0) FROM runs", [], |r| r.get(0))
            .unwrap_or(0)
    }
}

use std::time::Duration;

use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Serialize)]
struct Submission<'a> {
    player: &'a str,
    score: u64,
}

/// Local high-score table plus the online leaderboard.
/// Owned by the GameState, so it lives for the whole session.
pub struct Board {
    db: Connection,
    agent: ureq::Agent,
    player: String,
    endpoint: String,
}

impl Board {
    pub fn open() -> Result<Board, Box<dyn std::error::Error>> {
        let dir = std::env::var("XDG_DATA_HOME").unwrap_or_else(|_| ".".into());
        let db = Connection::open(format!("{dir}/orbit-dodge.db"))?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS scores (id INTEGER PRIMARY KEY, score INTEGER NOT NULL, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )?;
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(3)).build();
        Ok(Board {
            db,
            agent,
            player: std::env::var("USER").unwrap_or_else(|_| "anon".into()),
            endpoint: "https://scores.orbitdodge.example/api/submit".into(),
        })
    }

    pub fn record(&mut self, score: u64) -> Result<(), Box<dyn std::error::Error>> {
        let mut stmt = self.db.prepare_cached("INSERT INTO scores (score) VALUES (?1)")?;
        stmt.execute(params![score as i64])?;

        let best: i64 = self.db.query_row("SELECT MAX(score) FROM scores", [], |r| r.get(0))?;
        if score as i64 >= best {
            self.agent
                .post(&self.endpoint)
                .send_json(Submission { player: &self.player, score })?;
        }
        Ok(())
    }
}

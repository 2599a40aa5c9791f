use std::time::Duration;

use rusqlite::{params, Connection};

/// Local high-score table plus optional push to the arcade's online leaderboard.
pub struct Board {
    db: Connection,
    remote: Option<(ureq::Agent, String)>,
}

impl Board {
    pub fn open(path: &str, leaderboard_url: Option<String>) -> rusqlite::Result<Self> {
        let db = Connection::open(path)?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS scores (name TEXT NOT NULL, points INTEGER NOT NULL, at TEXT DEFAULT CURRENT_TIMESTAMP)",
        )?;
        let remote = leaderboard_url.map(|url| {
            let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(3)).build();
            (agent, url)
        });
        Ok(Self { db, remote })
    }

    pub fn submit(&mut self, name: &str, points: u32) -> Result<(), Box<dyn std::error::Error>> {
        self.db
            .prepare_cached("INSERT INTO scores (name, points) VALUES (?1, ?2)")?
            .execute(params![name, points])?;
        if let Some((agent, url)) = &self.remote {
            agent
                .post(url)
                .send_json(serde_json::json!({ "cabinet": "hall-b-03", "name": name, "points": points }))?;
        }
        Ok(())
    }

    pub fn top(&self, n: usize) -> rusqlite::Result<Vec<(String, u32)>> {
        let mut stmt = self.db.prepare_cached("SELECT name, points FROM scores ORDER BY points DESC LIMIT ?1")?;
        let rows = stmt.query_map(params![n as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }
}

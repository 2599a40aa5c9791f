//! Score persistence. `Board::open` is called once from `Stage::new`; the
//! HTTP client lives on a single uploader thread fed through a channel, so
//! the render loop never blocks on the network.

use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::Duration;

use rusqlite::Connection;

pub struct Board {
    db: Connection,
    uploads: Sender<(u64, i64)>,
}

impl Board {
    pub fn open(path: &str) -> anyhow::Result<Board> {
        let db = Connection::open(path)?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS rounds (round INTEGER, ms INTEGER, at TEXT DEFAULT CURRENT_TIMESTAMP)",
        )?;

        let (tx, rx) = mpsc::channel::<(u64, i64)>();
        let booth = std::env::var("LEADERBOARD_URL")
            .unwrap_or_else(|_| "http://leaderboard.booth.local/api/rounds".into());
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;
        thread::spawn(move || {
            for (round, ms) in rx {
                let body = serde_json::json!({ "kiosk": "hall-b-2", "round": round, "ms": ms });
                if let Err(e) = http.post(&booth).json(&body).send() {
                    eprintln!("leaderboard upload failed: {e}");
                }
            }
        });

        Ok(Board { db, uploads: tx })
    }

    /// Called on each completed round (key press).
    pub fn record(&mut self, round: u64, ms: i64) {
        let mut stmt = match self.db.prepare_cached("INSERT INTO rounds (round, ms) VALUES (?1, ?2)") {
            Ok(s) => s,
            Err(e) => {
                eprintln!("score store: {e}");
                return;
            }
        };
        if let Err(e) = stmt.execute((round as i64, ms)) {
            eprintln!("score store: {e}");
        }
        let _ = self.uploads.send((round, ms));
    }
}

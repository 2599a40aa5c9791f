use std::time::Duration;

use rusqlite::{params, Connection};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Departure {
    pub departs_at: String,
    pub route: String,
    pub destination: String,
    pub delayed_min: i64,
}

/// Owns the HTTP client for the realtime API and the local fallback cache.
/// Built once in `setup`; every refresh reuses both.
pub struct Board {
    stop_code: String,
    api_base: String,
    http: reqwest::blocking::Client,
    cache: Connection,
}

impl Board {
    pub fn open(stop_code: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(4))
            .user_agent("platform-board/0.3")
            .build()?;
        let cache = Connection::open("departures-cache.sqlite3")?;
        cache.execute_batch(
            "CREATE TABLE IF NOT EXISTS departures (
                 stop_code TEXT NOT NULL,
                 departs_at TEXT NOT NULL,
                 route TEXT NOT NULL,
                 destination TEXT NOT NULL,
                 delayed_min INTEGER NOT NULL
             );",
        )?;
        Ok(Self {
            stop_code: stop_code.to_string(),
            api_base: std::env::var("REALTIME_API").unwrap_or_else(|_| "https://rt.transit.example/v1".to_string()),
            http,
            cache,
        })
    }

    /// Returns (rows, stale). Falls back to the sqlite cache when the API is down.
    pub fn fetch(&self) -> (Vec<Departure>, bool) {
        let url = format!("{}/stops/{}/departures?limit=12", self.api_base, self.stop_code);
        match self.http.get(url).send().and_then(|r| r.error_for_status()).and_then(|r| r.json::<Vec<Departure>>()) {
            Ok(rows) => {
                self.store(&rows);
                (rows, false)
            }
            Err(err) => {
                eprintln!("realtime API unavailable: {}", err);
                (self.cached(), true)
            }
        }
    }

    fn store(&self, rows: &[Departure]) {
        let _ = self.cache.execute("DELETE FROM departures WHERE stop_code = ?1", params![self.stop_code]);
        let mut stmt = match self
            .cache
            .prepare_cached("INSERT INTO departures VALUES (?1, ?2, ?3, ?4, ?5)")
        {
            Ok(stmt) => stmt,
            Err(_) => return,
        };
        for d in rows {
            let _ = stmt.execute(params![self.stop_code, d.departs_at, d.route, d.destination, d.delayed_min]);
        }
    }

    fn cached(&self) -> Vec<Departure> {
        let mut stmt = match self.cache.prepare_cached(
            "SELECT departs_at, route, destination, delayed_min FROM departures \
             WHERE stop_code = ?1 ORDER BY departs_at",
        ) {
            Ok(stmt) => stmt,
            Err(_) => return Vec::new(),
        };
        stmt.query_map(params![self.stop_code], |row| {
            Ok(Departure {
                departs_at: row.get(0)?,
                route: row.get(1)?,
                destination: row.get(2)?,
                delayed_min: row.get(3)?,
            })
        })
        .map(|it| it.filter_map(Result::ok).collect())
        .unwrap_or_default()
    }
}

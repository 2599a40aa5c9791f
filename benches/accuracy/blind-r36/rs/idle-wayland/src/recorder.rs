use std::thread;
use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::{Client, NoTls};
use serde_json::json;

/// Connects at start-up, retrying while the database comes up with the session.
pub fn connect_with_retry(dsn: &str) -> anyhow::Result<Client> {
    let mut delay = Duration::from_secs(1);
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Client::connect(dsn, NoTls) {
            Ok(client) => break Ok(client),
            Err(e) if attempt < 8 => {
                log::warn!("database not reachable yet (attempt {attempt}): {e}");
                thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(30));
            }
            Err(e) => break Err(e.into()),
        }
    }
}

pub struct Recorder {
    user: String,
    dsn: String,
    db: Client,
    http: reqwest::blocking::Client,
    presence_url: String,
    idle_since: Option<DateTime<Utc>>,
}

impl Recorder {
    pub fn new(user: String, dsn: String, db: Client, http: reqwest::blocking::Client) -> Self {
        let presence_url = std::env::var("PRESENCE_URL")
            .unwrap_or_else(|_| "http://presence.internal/api/v1/status".into());
        Recorder { user, dsn, db, http, presence_url, idle_since: None }
    }

    /// The long-lived client is only replaced when the server has dropped it.
    fn ensure_connected(&mut self) -> anyhow::Result<()> {
        if self.db.is_closed() {
            log::info!("database connection lost; reconnecting");
            self.db = connect_with_retry(&self.dsn)?;
        }
        Ok(())
    }

    pub fn idle_started(&mut self) {
        self.idle_since = Some(Utc::now());
        let _ = self
            .http
            .put(&self.presence_url)
            .json(&json!({ "user": self.user, "status": "away" }))
            .send();
    }

    pub fn idle_ended(&mut self) -> anyhow::Result<()> {
        let Some(since) = self.idle_since.take() else { return Ok(()) };
        let now = Utc::now();
        self.ensure_connected()?;
        self.db.execute(
            "INSERT INTO idle_periods (username, started_at, ended_at) VALUES ($1, $2, $3)",
            &[&self.user, &since, &now],
        )?;
        self.http
            .put(&self.presence_url)
            .json(&json!({ "user": self.user, "status": "active" }))
            .send()?;
        Ok(())
    }
}

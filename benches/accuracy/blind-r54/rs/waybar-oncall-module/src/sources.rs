//! Data sources for the module: the incidents database and the on-call API.

use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Deserialize;

/// Connects at start-up, retrying a few times; returns as soon as one
/// attempt succeeds.
pub fn connect_with_retry(dsn: &str, attempts: u32) -> Option<Client> {
    for attempt in 1..=attempts {
        match Client::connect(dsn, NoTls) {
            Ok(client) => return Some(client),
            Err(err) => {
                eprintln!("waybar-oncall: connect attempt {attempt} failed: {err}");
                sleep(Duration::from_secs(3));
            }
        }
    }
    None
}

pub fn open_incidents(db: &mut Client) -> Result<i64, postgres::Error> {
    let row = db.query_one(
        "SELECT count(*) FROM incidents WHERE resolved_at IS NULL AND severity <= 2",
        &[],
    )?;
    Ok(row.get(0))
}

#[derive(Deserialize)]
struct Shift {
    user: String,
}

/// Small wrapper around the on-call REST API; the HTTP client is built once
/// and reused for every refresh.
pub struct OnCallApi {
    http: reqwest::blocking::Client,
    base: String,
    token: String,
}

impl OnCallApi {
    pub fn new(base: String, token: String) -> Self {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("http client");
        Self { http, base, token }
    }

    pub fn current_primary(&self) -> Option<String> {
        let res = self
            .http
            .get(format!("{}/api/v1/schedules/platform/current", self.base))
            .bearer_auth(&self.token)
            .send()
            .ok()?;
        if !res.status().is_success() {
            return None;
        }
        res.json::<Shift>().ok().map(|s| s.user)
    }
}

use std::time::Duration;

use postgres::NoTls;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Entry {
    pub player: String,
    pub score: u32,
}

/// HTTP client for the public leaderboard API.
pub fn api_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .user_agent("rocket-dodge/0.3")
        .build()
        .expect("failed to build HTTP client")
}

pub fn fetch_leaderboard(client: &reqwest::blocking::Client) -> Result<Vec<Entry>, reqwest::Error> {
    client
        .get("https://scores.rocket-dodge.example/api/top?limit=5")
        .send()?
        .error_for_status()?
        .json()
}

pub fn save_score(player: &str, score: u32) -> Result<(), postgres::Error> {
    let url = std::env::var("SCORES_DB_URL")
        .unwrap_or_else(|_| "postgres://game:game@localhost/scores".to_string());
    let mut db = postgres::Client::connect(&url, NoTls)?;
    db.execute(
        "INSERT INTO scores (player, score, played_at) VALUES ($1, $2, now())",
        &[&player, &(score as i32)],
    )?;
    Ok(())
}

use std::env;
use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Deserialize;

#[derive(Deserialize)]
struct StatusResponse {
    indicator: String,
    description: String,
}

pub fn on_call_now() -> Result<Option<String>, postgres::Error> {
    let url = env::var("ROTA_DATABASE_URL").unwrap_or_else(|_| "host=localhost user=rota dbname=rota".into());
    let mut client = Client::connect(&url, NoTls)?;
    let row = client.query_opt(
        "SELECT engineer FROM rota WHERE now() BETWEEN starts_at AND ends_at LIMIT 1",
        &[],
    )?;
    Ok(row.map(|r| r.get::<_, String>(0)))
}

pub fn status_of(service: &str) -> Result<String, reqwest::Error> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let base = env::var("STATUS_API").unwrap_or_else(|_| "https://status.internal".into());
    let s: StatusResponse = http
        .get(format!("{base}/api/v2/components/{service}.json"))
        .send()?
        .json()?;
    Ok(format!("{service}: {} ({})", s.indicator, s.description))
}

use redis::Commands;
use serde::Deserialize;

const TTL_SECS: u64 = 900;

pub fn redis_url() -> String {
    std::env::var("FX_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/4".into())
}

pub fn directory_url() -> String {
    std::env::var("BANK_DIRECTORY_URL").unwrap_or_else(|_| "http://bank-directory.internal".into())
}

fn key(from: &str, to: &str) -> String {
    format!("fx:{}:{}", from.to_ascii_uppercase(), to.to_ascii_uppercase())
}

pub fn cached(con: &mut redis::Connection, from: &str, to: &str) -> Option<f64> {
    con.get::<_, Option<f64>>(key(from, to)).ok().flatten()
}

pub fn store(con: &mut redis::Connection, from: &str, to: &str, rate: f64) {
    let _: redis::RedisResult<()> = con.set_ex(key(from, to), rate, TTL_SECS);
}

#[derive(Deserialize)]
struct RateResponse {
    rate: f64,
}

pub fn fetch(http: &reqwest::blocking::Client, from: &str, to: &str) -> reqwest::Result<f64> {
    let base = std::env::var("FX_API_URL").unwrap_or_else(|_| "http://fx-rates.internal/v1".into());
    let resp: RateResponse = http
        .get(format!("{base}/rates/{}/{}", from.to_ascii_uppercase(), to.to_ascii_uppercase()))
        .send()?
        .error_for_status()?
        .json()?;
    Ok(resp.rate)
}

//! Mid-market rates from the treasury API, memoised for 60 seconds per
//! FPM worker.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;

static HTTP: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .pool_idle_timeout(Duration::from_secs(30))
        .user_agent("fx_ext/0.5")
        .build()
        .expect("reqwest client")
});

static MEMO: LazyLock<Mutex<HashMap<(String, String), (f64, Instant)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

const TTL: Duration = Duration::from_secs(60);

#[derive(Deserialize)]
struct RateResponse {
    mid: f64,
}

fn treasury_url() -> String {
    std::env::var("TREASURY_URL").unwrap_or_else(|_| "https://treasury.internal".to_string())
}

pub fn mid_rate(from: &str, to: &str) -> reqwest::Result<f64> {
    let key = (from.to_string(), to.to_string());
    if let Some((rate, at)) = MEMO.lock().unwrap().get(&key) {
        if at.elapsed() < TTL {
            return Ok(*rate);
        }
    }

    let resp: RateResponse = HTTP
        .get(format!("{}/v1/rates/{from}/{to}", treasury_url()))
        .send()?
        .error_for_status()?
        .json()?;

    MEMO.lock().unwrap().insert(key, (resp.mid, Instant::now()));
    Ok(resp.mid)
}

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::{fx_url, PricingError};

/// One agent (connection pool) for the whole JVM process.
static AGENT: LazyLock<ureq::Agent> = LazyLock::new(|| {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(2))
        .max_idle_connections_per_host(4)
        .build()
});

static RATES: LazyLock<Mutex<HashMap<(String, String), (f64, Instant)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

const TTL: Duration = Duration::from_secs(300);

#[derive(Deserialize)]
struct RateResponse {
    rate: f64,
}

pub(crate) fn rate(from: &str, to: &str) -> Result<f64, PricingError> {
    if from == to {
        return Ok(1.0);
    }
    let key = (from.to_string(), to.to_string());
    if let Some((rate, at)) = RATES.lock().unwrap().get(&key) {
        if at.elapsed() < TTL {
            return Ok(*rate);
        }
    }

    let resp: RateResponse = AGENT
        .get(&format!("{}/v1/rates", fx_url()?))
        .query("from", from)
        .query("to", to)
        .call()
        .map_err(|e| PricingError::Fx(e.to_string()))?
        .into_json()
        .map_err(|e| PricingError::Fx(e.to_string()))?;

    RATES.lock().unwrap().insert(key, (resp.rate, Instant::now()));
    Ok(resp.rate)
}

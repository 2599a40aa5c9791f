//! Host functions exposed to the promotion rules.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mysql::prelude::Queryable;
use mysql::Pool;
use serde::Deserialize;

const FX_TTL: Duration = Duration::from_secs(300);

#[derive(Default)]
pub struct FxCache {
    rates: HashMap<String, (f64, Instant)>,
}

#[derive(Deserialize)]
struct FxQuote {
    rate: f64,
}

#[derive(Clone)]
pub struct Host {
    pool: Pool,
    agent: ureq::Agent,
    fx_url: Arc<str>,
    fx_cache: Arc<Mutex<FxCache>>,
}

impl Host {
    pub fn new(pool: Pool, agent: ureq::Agent, fx_url: String, cache: FxCache) -> Self {
        Self { pool, agent, fx_url: fx_url.into(), fx_cache: Arc::new(Mutex::new(cache)) }
    }

    /// Loyalty tier from the CRM replica; unknown customers are "standard".
    pub fn customer_tier(&self, customer_id: &str) -> String {
        let lookup = self.pool.get_conn().and_then(|mut conn| {
            conn.exec_first::<String, _, _>(
                "SELECT loyalty_tier FROM customers WHERE id = ? AND deleted_at IS NULL",
                (customer_id,),
            )
        });
        match lookup {
            Ok(Some(tier)) => tier,
            Ok(None) => "standard".to_string(),
            Err(e) => {
                log::warn!("tier lookup for {customer_id} failed: {e}");
                "standard".to_string()
            }
        }
    }

    /// EUR conversion rate, cached for five minutes per currency.
    pub fn fx_rate(&self, currency: &str) -> f64 {
        if currency.eq_ignore_ascii_case("EUR") {
            return 1.0;
        }
        if let Some((rate, at)) = self.fx_cache.lock().unwrap().rates.get(currency) {
            if at.elapsed() < FX_TTL {
                return *rate;
            }
        }
        let quote = self
            .agent
            .get(&format!("{}/rates/EUR/{currency}", self.fx_url))
            .call()
            .map_err(|e| e.to_string())
            .and_then(|r| r.into_json::<FxQuote>().map_err(|e| e.to_string()));
        match quote {
            Ok(q) => {
                self.fx_cache.lock().unwrap().rates.insert(currency.to_string(), (q.rate, Instant::now()));
                q.rate
            }
            Err(e) => {
                log::warn!("fx rate for {currency} unavailable: {e}");
                1.0
            }
        }
    }
}

use std::collections::HashMap;
use std::time::{Duration, Instant};

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::Mutex;

const TTL: Duration = Duration::from_secs(60);

/// USD prices written by the pricing job into `token_prices`, cached for a
/// minute so every transfer does not hit the database.
pub struct PriceCache {
    pool: PgPool,
    cache: Mutex<HashMap<String, (f64, Instant)>>,
}

impl PriceCache {
    pub async fn new(database_url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new().max_connections(3).connect(database_url).await?;
        Ok(Self { pool, cache: Mutex::new(HashMap::new()) })
    }

    pub async fn usd(&self, symbol: &str) -> Result<f64, sqlx::Error> {
        let mut cache = self.cache.lock().await;
        if let Some((price, at)) = cache.get(symbol) {
            if at.elapsed() < TTL {
                return Ok(*price);
            }
        }
        let price: f64 = sqlx::query_scalar(
            "SELECT usd FROM token_prices WHERE symbol = $1 ORDER BY observed_at DESC LIMIT 1",
        )
        .bind(symbol)
        .fetch_optional(&self.pool)
        .await?
        .unwrap_or(0.0);
        cache.insert(symbol.to_string(), (price, Instant::now()));
        Ok(price)
    }
}

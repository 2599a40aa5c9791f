use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct AppState {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub alert_webhook: String,
}

impl AppState {
    /// Called once from main before the endpoint starts accepting connections.
    pub async fn init() -> anyhow::Result<Arc<Self>> {
        let url = std::env::var("DATABASE_URL")?;

        // Postgres may still be starting when the unit comes up: retry, then give up.
        let mut attempt = 0u32;
        let pool = loop {
            match PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(3))
                .connect(&url)
                .await
            {
                Ok(pool) => break pool,
                Err(e) if attempt < 8 => {
                    attempt += 1;
                    tracing::warn!(attempt, error = %e, "database not ready, retrying");
                    tokio::time::sleep(Duration::from_millis(500 * 2u64.pow(attempt.min(5)))).await;
                }
                Err(e) => return Err(e.into()),
            }
        };

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .pool_max_idle_per_host(4)
            .build()?;

        Ok(Arc::new(Self {
            pool,
            http,
            alert_webhook: std::env::var("ALERT_WEBHOOK")
                .unwrap_or_else(|_| "https://hooks.example.com/sensors".into()),
        }))
    }
}

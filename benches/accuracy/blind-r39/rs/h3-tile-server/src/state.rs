use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct AppState {
    pub pool: PgPool,
    pub upstream: reqwest::Client,
    pub upstream_base: String,
}

impl AppState {
    /// Called once from main before the QUIC endpoint starts accepting.
    pub async fn init() -> anyhow::Result<Arc<AppState>> {
        let url = std::env::var("POSTGIS_URL")?;
        let mut attempt = 0u32;
        let pool = loop {
            attempt += 1;
            match PgPoolOptions::new()
                .max_connections(16)
                .min_connections(2)
                .acquire_timeout(Duration::from_secs(3))
                .connect(&url)
                .await
            {
                Ok(pool) => break pool,
                Err(e) if attempt < 6 => {
                    tracing::warn!(attempt, error = %e, "postgis not reachable, retrying");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => return Err(e.into()),
            }
        };

        let upstream = reqwest::Client::builder()
            .pool_max_idle_per_host(8)
            .timeout(Duration::from_secs(4))
            .build()?;

        Ok(Arc::new(AppState {
            pool,
            upstream,
            upstream_base: std::env::var("UPSTREAM_TILES")
                .unwrap_or_else(|_| "https://tiles.example-cdn.net".into()),
        }))
    }
}

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

pub struct AppState {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub site: String,
}

impl AppState {
    /// Called once from main. The gateway boots before the uplink is up,
    /// so the first connect is retried; afterwards the pool reconnects by itself.
    pub async fn init() -> anyhow::Result<Self> {
        let url = std::env::var("COLDCHAIN_DATABASE_URL")?;
        let mut wait = Duration::from_secs(2);
        let pool = loop {
            match PgPoolOptions::new().max_connections(5).connect(&url).await {
                Ok(pool) => break pool,
                Err(e) => {
                    tracing::warn!(error = %e, "database unreachable, retrying in {wait:?}");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(120));
                }
            }
        };
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .pool_idle_timeout(Duration::from_secs(90))
            .build()?;
        Ok(AppState { pool, http, site: std::env::var("SITE_ID").unwrap_or_else(|_| "store-a".into()) })
    }
}

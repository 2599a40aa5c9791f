//! Large-transfer alerts: written to the same indexer database, read by the
//! compliance dashboard.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct AlertSink {
    pool: PgPool,
    threshold_usd: f64,
}

impl AlertSink {
    pub async fn connect() -> anyhow::Result<Self> {
        let url = std::env::var("DATABASE_URL")?;
        let pool = PgPoolOptions::new().max_connections(100)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await?;
        let threshold_usd = std::env::var("ALERT_THRESHOLD_USD")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(250_000.0);
        Ok(AlertSink { pool, threshold_usd })
    }

    pub async fn maybe_alert(&self, tx_hash: &str, from: &str, to: &str, usd: f64) -> anyhow::Result<()> {
        if usd < self.threshold_usd {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO transfer_alerts (tx_hash, from_addr, to_addr, usd_value) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(tx_hash)
        .bind(from)
        .bind(to)
        .bind(usd)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

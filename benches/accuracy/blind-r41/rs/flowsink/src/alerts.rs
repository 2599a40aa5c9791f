use std::collections::HashMap;
use std::net::SocketAddr;

use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::FlowRow;

/// Raises a volumetric alert when one destination receives too much in one export.
pub struct AlertSink {
    pool: PgPool,
    bytes_threshold: u64,
}

impl AlertSink {
    pub async fn connect(database_url: &str) -> Result<Self, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect(database_url)
            .await?;
        let bytes_threshold = std::env::var("ALERT_BYTES_THRESHOLD")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(500_000_000);
        Ok(Self { pool, bytes_threshold })
    }

    pub async fn check(&self, exporter: SocketAddr, rows: &[FlowRow]) -> Result<(), sqlx::Error> {
        let mut per_dst: HashMap<&str, u64> = HashMap::new();
        for row in rows {
            *per_dst.entry(row.dst.as_str()).or_default() += u64::from(row.bytes);
        }
        for (dst, bytes) in per_dst.into_iter().filter(|(_, b)| *b >= self.bytes_threshold) {
            sqlx::query("INSERT INTO ddos_alerts (exporter, dst, bytes, seen_at) VALUES ($1, $2, $3, now())")
                .bind(exporter.to_string())
                .bind(dst)
                .bind(bytes as i64)
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }
}

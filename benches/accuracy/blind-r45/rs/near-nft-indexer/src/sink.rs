use serde::Deserialize;
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::Settings;

#[derive(Debug, Deserialize)]
pub struct NftEvent {
    pub standard: String,
    pub version: String,
    pub event: String,
    pub data: serde_json::Value,
}

/// Writer for the public events database that the marketplace API reads.
pub struct EventSink {
    pool: PgPool,
}

impl EventSink {
    pub async fn connect(settings: &Settings) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(&settings.events_db_url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn write(&self, height: u64, events: &[NftEvent]) -> sqlx::Result<()> {
        let mut tx = self.pool.begin().await?;
        for ev in events {
            sqlx::query(
                "INSERT INTO nft_events (block_height, standard, version, event, data)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(height as i64)
            .bind(&ev.standard)
            .bind(&ev.version)
            .bind(&ev.event)
            .bind(&ev.data)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

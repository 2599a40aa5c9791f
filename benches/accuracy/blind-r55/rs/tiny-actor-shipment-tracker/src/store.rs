//! Persistence helpers. They borrow the shared pool; nothing here creates connections.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Deserialize, Debug, Clone)]
pub struct ScanEvent {
    pub tracking_number: String,
    pub status: String,
    pub location: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

pub async fn last_cursor(pool: &PgPool, carrier: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT cursor FROM carrier_cursors WHERE carrier = $1")
        .bind(carrier)
        .fetch_optional(pool)
        .await
}

/// Stores one page of scan events and the new cursor atomically.
pub async fn save_page(
    pool: &PgPool,
    carrier: &str,
    events: &[ScanEvent],
    next_cursor: &str,
) -> Result<usize, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut inserted = 0;
    for ev in events {
        let res = sqlx::query(
            "INSERT INTO scan_events (carrier, tracking_number, status, location, occurred_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(carrier)
        .bind(&ev.tracking_number)
        .bind(&ev.status)
        .bind(&ev.location)
        .bind(ev.occurred_at)
        .execute(&mut *tx)
        .await?;
        inserted += res.rows_affected() as usize;
    }
    sqlx::query(
        "INSERT INTO carrier_cursors (carrier, cursor) VALUES ($1, $2) \
         ON CONFLICT (carrier) DO UPDATE SET cursor = EXCLUDED.cursor",
    )
    .bind(carrier)
    .bind(next_cursor)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(inserted)
}

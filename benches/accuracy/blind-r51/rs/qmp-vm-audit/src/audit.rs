//! Append-only audit trail of everything the monitor reports.
use std::env;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Postgres;

use crate::qmp::QmpEvent;

pub async fn init() -> Result<PgPool, sqlx::Error> {
    let url = env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new().max_connections(4).connect(&url).await
}

/// Writes audit rows on a dedicated connection so bursts of events
/// (e.g. BLOCK_JOB_* during backups) never wait for a free pool slot.
pub struct Recorder {
    conn: PoolConnection<Postgres>,
}

impl Recorder {
    pub async fn new(pool: &PgPool) -> Result<Self, sqlx::Error> {
        let conn = pool.acquire().await?;
        Ok(Recorder { conn })
    }

    pub async fn record(&mut self, vm: &str, event: &QmpEvent) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO vm_audit (vm, event, data, occurred_at) \
             VALUES ($1, $2, $3, to_timestamp($4))",
        )
        .bind(vm)
        .bind(&event.event)
        .bind(&event.data)
        .bind(event.epoch_seconds())
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }
}

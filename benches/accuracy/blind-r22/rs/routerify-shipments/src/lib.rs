pub mod db {
    use std::time::Duration;

    use sqlx::postgres::{PgPool, PgPoolOptions};

    /// Each process (web, carrier-feed, backfill) calls this once from main.
    /// Retries while Postgres is still coming up after a deploy.
    pub async fn make_pool(max_connections: u32) -> anyhow::Result<PgPool> {
        let url = std::env::var("DATABASE_URL")?;
        let mut attempt = 1u32;
        loop {
            let result = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(5))
                .connect(&url)
                .await;
            match result {
                Ok(pool) => return Ok(pool),
                Err(e) if attempt < 6 => {
                    tracing::warn!(attempt, "database not ready yet: {e}");
                    tokio::time::sleep(Duration::from_secs(u64::from(attempt) * 2)).await;
                    attempt += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

pub mod model {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, sqlx::FromRow)]
    pub struct Shipment {
        pub id: i64,
        pub order_ref: String,
        pub carrier: String,
        pub tracking_no: Option<String>,
        pub status: String,
        pub updated_at: DateTime<Utc>,
    }

    #[derive(Debug, Deserialize)]
    pub struct CarrierEvent {
        pub tracking_no: String,
        pub status: String,
        pub location: Option<String>,
        pub occurred_at: DateTime<Utc>,
    }

    pub async fn apply_event(pool: &sqlx::PgPool, ev: &CarrierEvent) -> Result<bool, sqlx::Error> {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE shipments SET status = $2, updated_at = $3 \
             WHERE tracking_no = $1 AND updated_at < $3",
        )
        .bind(&ev.tracking_no)
        .bind(&ev.status)
        .bind(ev.occurred_at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "INSERT INTO shipment_events (tracking_no, status, location, occurred_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&ev.tracking_no)
        .bind(&ev.status)
        .bind(&ev.location)
        .bind(ev.occurred_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(updated > 0)
    }
}

//! Lid open/close events, used to compute screen-time and suspend statistics.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;

use crate::AcpiEvent;

pub struct LidLog {
    pool: PgPool,
    host: String,
}

impl LidLog {
    pub async fn connect(url: &str, host: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .idle_timeout(Duration::from_secs(300))
            .connect(url)
            .await?;
        Ok(LidLog { pool, host: host.to_string() })
    }

    pub async fn record(&self, ev: &AcpiEvent) -> anyhow::Result<()> {
        let state = ev.args.first().map(String::as_str).unwrap_or("unknown");

        let mut tx = self.pool.begin().await?;
        let previous = sqlx::query(
            "SELECT state, changed_at FROM lid_state WHERE host = $1 FOR UPDATE",
        )
        .bind(&self.host)
        .fetch_optional(&mut *tx)
        .await?;

        if let Some(row) = previous {
            let prev_state: String = row.try_get("state")?;
            if prev_state == state {
                // acpid sometimes repeats events after resume; nothing changed.
                return Ok(());
            }
        }

        sqlx::query(
            "INSERT INTO lid_state (host, state, changed_at) VALUES ($1, $2, now()) \
             ON CONFLICT (host) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at",
        )
        .bind(&self.host)
        .bind(state)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO lid_events (host, state, seen_at) VALUES ($1, $2, now())")
            .bind(&self.host)
            .bind(state)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

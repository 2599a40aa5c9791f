//! Shared pieces of the two binaries:
//!   eve-router  long-running service, Suricata's eve-log unix_stream peer
//!   eve-prune   one-off retention job run daily by a systemd timer
//! They are separate processes; each opens its own pool exactly once.

pub mod event;

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Pool factory. Called once from each binary's main.
pub async fn connect_db(max_connections: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("EVE_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}

/// Deletes alerts older than `days`, in batches so the service keeps inserting.
pub async fn prune_alerts(pool: &PgPool, days: i32) -> sqlx::Result<u64> {
    let mut total = 0;
    loop {
        let deleted = sqlx::query(
            "DELETE FROM ids_alerts WHERE id IN ( \
               SELECT id FROM ids_alerts WHERE seen_at < now() - make_interval(days => $1) LIMIT 5000)",
        )
        .bind(days)
        .execute(pool)
        .await?
        .rows_affected();
        total += deleted;
        if deleted == 0 {
            return Ok(total);
        }
    }
}

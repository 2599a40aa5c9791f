use std::time::Duration;

use sqlx::PgPool;
use tracing::{error, info};

/// Holds that were never completed (no 0220 advice) expire after 7 days.
pub async fn sweeper(pool: PgPool) {
    let mut conn = match pool.acquire().await {
        Ok(c) => c,
        Err(e) => return error!(error = %e, "sweeper could not get a ledger connection"),
    };
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        match sqlx::query(
            "UPDATE authorizations SET status = 'expired' \
             WHERE status = 'held' AND created_at < now() - interval '7 days'",
        )
        .execute(&mut *conn)
        .await
        {
            Ok(done) if done.rows_affected() > 0 => info!(expired = done.rows_affected(), "holds expired"),
            Ok(_) => {}
            Err(e) => error!(error = %e, "sweep failed"),
        }
    }
}

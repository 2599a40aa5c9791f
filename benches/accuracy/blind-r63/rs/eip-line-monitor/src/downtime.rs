//! Rolls raw fault rows up into downtime windows every 15 minutes.

use std::time::Duration;

use sqlx::PgPool;

pub async fn reporter(pool: PgPool, line_id: String) {
    let mut every = tokio::time::interval(Duration::from_secs(15 * 60));
    loop {
        every.tick().await;
        let res = sqlx::query(
            "INSERT INTO downtime_windows (line_id, started_at, ended_at, fault_code) \
             SELECT line_id, observed_at, lead(observed_at) OVER w, fault_code \
               FROM line_faults \
              WHERE line_id = $1 AND observed_at > now() - interval '1 hour' \
             WINDOW w AS (PARTITION BY line_id ORDER BY observed_at) \
             ON CONFLICT (line_id, started_at) DO UPDATE SET ended_at = EXCLUDED.ended_at",
        )
        .bind(&line_id)
        .execute(&pool)
        .await;
        if let Err(err) = res {
            tracing::warn!(error = %err, "downtime roll-up failed");
        }
    }
}

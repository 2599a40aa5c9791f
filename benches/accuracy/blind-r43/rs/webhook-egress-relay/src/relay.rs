use std::time::Duration;

use sqlx::PgPool;

/// Polls the outbox every two seconds, forever.
pub async fn run(pool: PgPool, http: reqwest::Client) -> anyhow::Result<()> {
    // Keep one connection for the poll query so polling never waits on the pool.
    let mut conn = pool.acquire().await?;
    let mut tick = tokio::time::interval(Duration::from_secs(2));

    loop {
        tick.tick().await;

        let batch: Vec<(i64, String, serde_json::Value)> = sqlx::query_as(
            "SELECT id, target_url, payload FROM webhook_outbox
             WHERE delivered_at IS NULL AND attempts < 10
             ORDER BY id LIMIT 50",
        )
        .fetch_all(&mut *conn)
        .await?;

        for (id, url, payload) in batch {
            let delivered = match http.post(&url).json(&payload).send().await {
                Ok(resp) => resp.status().is_success(),
                Err(e) => {
                    tracing::warn!(id, error = %e, "delivery failed");
                    false
                }
            };
            mark(&pool, id, delivered).await?;
        }
    }
}

async fn mark(pool: &PgPool, id: i64, delivered: bool) -> Result<(), sqlx::Error> {
    let sql = if delivered {
        "UPDATE webhook_outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1"
    } else {
        "UPDATE webhook_outbox SET attempts = attempts + 1, next_try_at = now() + interval '1 minute' WHERE id = $1"
    };
    sqlx::query(sql).bind(id).execute(pool).await?;
    Ok(())
}

/// Hourly cleanup of delivered rows; uses the shared pool per run.
pub async fn prune(pool: PgPool) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let res = sqlx::query(
            "DELETE FROM webhook_outbox WHERE delivered_at < now() - interval '7 days'",
        )
        .execute(&pool)
        .await;
        if let Err(e) = res {
            tracing::warn!(error = %e, "outbox prune failed");
        }
    }
}

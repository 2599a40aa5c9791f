use sqlx::{PgPool, Row};

#[derive(Clone, Debug, Default)]
pub struct QueueRow {
    pub queue: String,
    pub ready: i64,
    pub running: i64,
    pub failed: i64,
}

#[derive(Clone, Debug)]
pub struct WorkerHealth {
    pub url: String,
    pub up: bool,
}

pub async fn queue_depths(pool: &PgPool) -> sqlx::Result<Vec<QueueRow>> {
    let rows = sqlx::query(
        "SELECT queue, \
                count(*) FILTER (WHERE state = 'ready')   AS ready, \
                count(*) FILTER (WHERE state = 'running') AS running, \
                count(*) FILTER (WHERE state = 'failed')  AS failed \
         FROM jobs GROUP BY queue ORDER BY queue",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| QueueRow {
            queue: r.get("queue"),
            ready: r.get("ready"),
            running: r.get("running"),
            failed: r.get("failed"),
        })
        .collect())
}

pub async fn worker_health(http: &reqwest::Client, urls: &[String]) -> Vec<WorkerHealth> {
    let mut out = Vec::with_capacity(urls.len());
    for url in urls {
        let up = matches!(http.get(url).send().await, Ok(r) if r.status().is_success());
        out.push(WorkerHealth { url: url.clone(), up });
    }
    out
}

/// Moves every failed job of a queue back to ready, in one transaction taken
/// from the shared pool (returned when the transaction ends).
pub async fn requeue_failed(pool: &PgPool, queue: &str) -> sqlx::Result<u64> {
    let mut tx = pool.begin().await?;
    let moved = sqlx::query(
        "UPDATE jobs SET state = 'ready', attempts = 0, run_at = now() \
         WHERE queue = $1 AND state = 'failed'",
    )
    .bind(queue)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("INSERT INTO job_audit (queue, action, count, at) VALUES ($1, 'requeue', $2, now())")
        .bind(queue)
        .bind(moved as i64)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(moved)
}

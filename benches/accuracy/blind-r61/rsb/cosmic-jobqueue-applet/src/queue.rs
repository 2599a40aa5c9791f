//! Data access for the applet: job counts come straight from the queue
//! database, worker liveness from the ops API.

use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;

#[derive(Debug, Clone, Default)]
pub struct QueueStats {
    pub pending: i64,
    pub failed: i64,
    pub oldest_secs: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct WorkerSummary {
    pub alive: u32,
    pub expected: u32,
}

pub fn api_base() -> String {
    std::env::var("JOBQUEUE_API").unwrap_or_else(|_| "https://ops.internal.example.com".into())
}

fn database_url() -> String {
    std::env::var("JOBQUEUE_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://applet_ro@jobs-db.internal.example.com/jobs".into())
}

/// Called on every panel refresh (the 30 s subscription tick).
pub async fn fetch_stats() -> Result<QueueStats, String> {
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&database_url())
        .await
        .map_err(|e| e.to_string())?;

    let (pending, failed, oldest): (i64, i64, Option<i64>) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE state = 'pending'), \
                count(*) FILTER (WHERE state = 'failed'), \
                EXTRACT(EPOCH FROM now() - min(enqueued_at) FILTER (WHERE state = 'pending'))::bigint \
         FROM jobs",
    )
    .fetch_one(&pool)
    .await
    .map_err(|e| e.to_string())?;

    Ok(QueueStats {
        pending,
        failed,
        oldest_secs: oldest.unwrap_or(0),
    })
}

/// Also called on every refresh tick.
pub async fn fetch_workers() -> Result<WorkerSummary, String> {
    let client = reqwest::Client::new();
    client
        .get(format!("{}/v1/workers/summary", api_base()))
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| e.to_string())?
        .json::<WorkerSummary>()
        .await
        .map_err(|e| e.to_string())
}

/// Uses the applet's shared client.
pub async fn retry_failed(http: &reqwest::Client, base: &str) -> Result<u64, String> {
    let who = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let body: serde_json::Value = http
        .post(format!("{base}/v1/jobs/retry"))
        .json(&serde_json::json!({ "state": "failed", "requested_by": who }))
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())?;
    Ok(body["requeued"].as_u64().unwrap_or(0))
}

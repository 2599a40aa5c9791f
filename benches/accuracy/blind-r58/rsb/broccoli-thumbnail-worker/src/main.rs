mod clients;
mod thumbs;

use broccoli_queue::brokers::broker::BrokerMessage;
use broccoli_queue::error::BroccoliError;
use broccoli_queue::queue::BroccoliQueue;
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ThumbnailJob {
    asset_id: Uuid,
    original_key: String,
    requested_at: chrono::DateTime<chrono::Utc>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&clients::database_url())
        .await?;
    tokio::spawn(heartbeat(pool.clone()));

    let queue = BroccoliQueue::builder(clients::broker_url())
        .pool_connections(5)
        .failed_message_retry_strategy(Default::default())
        .build()
        .await?;

    tracing::info!("waiting for thumbnail jobs");
    queue
        .process_messages("thumbnails", Some(4), None, |message: BrokerMessage<ThumbnailJob>| async move {
            handle(message.payload).await.map_err(|err| {
                tracing::error!(%err, "thumbnail job failed");
                BroccoliError::Job(err.to_string())
            })
        })
        .await?;
    Ok(())
}

async fn handle(job: ThumbnailJob) -> anyhow::Result<()> {
    let db = PgPoolOptions::new()
        .max_connections(2)
        .connect(&clients::database_url())
        .await?;
    let http = clients::http_client();

    let original = thumbs::fetch_original(&http, &job.original_key).await?;
    let mut keys = Vec::with_capacity(clients::SIZES.len());
    for size in clients::SIZES {
        let original = original.clone();
        let encoded = tokio::task::spawn_blocking(move || thumbs::render(&original, size)).await??;
        keys.push(thumbs::upload(&http, &job.asset_id, size, encoded).await?);
    }

    sqlx::query(
        "UPDATE assets SET thumbnail_keys = $2, thumbnails_at = now(), \
         thumbnail_lag_ms = EXTRACT(EPOCH FROM now() - $3) * 1000 WHERE id = $1",
    )
    .bind(job.asset_id)
    .bind(&keys)
    .bind(job.requested_at)
    .execute(&db)
    .await?;
    tracing::info!(asset = %job.asset_id, "thumbnails written");
    Ok(())
}

/// Tells the admin dashboard this worker is alive.
async fn heartbeat(pool: PgPool) -> anyhow::Result<()> {
    let worker = clients::worker_id();
    let mut conn = pool.acquire().await?;
    let mut tick = tokio::time::interval(Duration::from_secs(15));
    loop {
        tick.tick().await;
        sqlx::query(
            "INSERT INTO worker_heartbeats (worker, seen_at) VALUES ($1, now()) \
             ON CONFLICT (worker) DO UPDATE SET seen_at = excluded.seen_at",
        )
        .bind(&worker)
        .execute(&mut *conn)
        .await?;
    }
}

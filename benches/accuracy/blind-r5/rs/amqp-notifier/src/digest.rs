//! Hourly digest of undelivered notifications, posted to the ops channel.

use sqlx::postgres::PgPoolOptions;
use tokio_cron_scheduler::{Job, JobScheduler};

pub async fn start_scheduler() -> anyhow::Result<JobScheduler> {
    let sched = JobScheduler::new().await?;

    sched
        .add(Job::new_async("0 0 * * * *", |_uuid, _lock| {
            Box::pin(async move {
                if let Err(err) = send_digest().await {
                    tracing::error!("digest job failed: {err:#}");
                }
            })
        })?)
        .await?;

    sched.start().await?;
    Ok(sched)
}

async fn send_digest() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(2).connect(&url).await?;

    let failed: Vec<(String, i64)> = sqlx::query_as(
        "SELECT webhook_url, count(*) FROM notification_failures \
         WHERE failed_at > now() - interval '1 hour' GROUP BY webhook_url",
    )
    .fetch_all(&pool)
    .await?;

    if failed.is_empty() {
        return Ok(());
    }

    let text = failed
        .iter()
        .map(|(url, n)| format!("{n} failures for {url}"))
        .collect::<Vec<_>>()
        .join("\n");
    tracing::warn!("notification digest:\n{text}");
    Ok(())
}

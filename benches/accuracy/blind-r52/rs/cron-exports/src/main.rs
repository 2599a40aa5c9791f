mod jobs;

use redis::aio::ConnectionManager;
use sqlx::postgres::PgPoolOptions;
use tokio_cron_scheduler::{Job, JobScheduler};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Shared, long-lived clients for the light jobs.
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let cache = ConnectionManager::new(redis::Client::open(std::env::var("REDIS_URL")?)?).await?;

    let mut sched = JobScheduler::new().await?;

    // Every 5 minutes: refresh the leaderboard cache.
    let (p, c) = (pool.clone(), cache.clone());
    sched
        .add(Job::new_async("0 */5 * * * *", move |_id, _sched| {
            let (p, c) = (p.clone(), c.clone());
            Box::pin(async move {
                if let Err(e) = jobs::refresh_leaderboard(&p, c).await {
                    tracing::error!("leaderboard refresh failed: {e:#}");
                }
            })
        })?)
        .await?;

    // Hourly: export the last hour of orders from the reporting replica to S3.
    sched
        .add(Job::new_async("0 0 * * * *", |_id, _sched| {
            Box::pin(async move {
                if let Err(e) = jobs::export_orders_hourly().await {
                    tracing::error!("hourly export failed: {e:#}");
                }
            })
        })?)
        .await?;

    // Nightly at 02:30: purge old sessions.
    let p = pool.clone();
    sched
        .add(Job::new_async("0 30 2 * * *", move |_id, _sched| {
            let p = p.clone();
            Box::pin(async move {
                match sqlx::query("DELETE FROM sessions WHERE expires_at < now()").execute(&p).await {
                    Ok(r) => tracing::info!("purged {} sessions", r.rows_affected()),
                    Err(e) => tracing::error!("session purge failed: {e}"),
                }
            })
        })?)
        .await?;

    sched.start().await?;
    tokio::signal::ctrl_c().await?;
    sched.shutdown().await?;
    pool.close().await;
    Ok(())
}

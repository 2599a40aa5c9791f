mod workers;

use std::time::Duration;

use sidekiq::{Processor, RedisConnectionManager};
use sqlx::postgres::{PgPool, PgPoolOptions};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let database_url = std::env::var("DATABASE_URL")?;

    // The processor's fetch loop and our own enqueues use separate Redis pools,
    // so a busy processor can never starve follow-up enqueues (and vice versa).
    let fetch_redis = bb8::Pool::builder()
        .max_size(8)
        .build(RedisConnectionManager::new(redis_url.clone())?)
        .await?;
    let enqueue_redis = bb8::Pool::builder()
        .max_size(4)
        .build(RedisConnectionManager::new(redis_url)?)
        .await?;

    let db = connect_with_retry(&database_url).await?;

    let mut p = Processor::new(fetch_redis, vec!["reports".to_string()]);
    p.register(workers::MonthlyReportWorker::new(db.clone(), enqueue_redis));
    p.register(workers::ReportEmailWorker::new(db));

    tracing::info!("report worker started");
    p.run().await;
    Ok(())
}

/// Start-up only: Postgres may come up after us in docker-compose.
async fn connect_with_retry(url: &str) -> Result<PgPool, sqlx::Error> {
    let mut delay = Duration::from_millis(500);
    let mut attempt = 1;
    loop {
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 8 => {
                tracing::warn!(attempt, error = %e, "postgres not reachable yet");
                tokio::time::sleep(delay).await;
                delay *= 2;
                attempt += 1;
            }
            Err(e) => break Err(e),
        }
    }
}

use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

/// Builds the reporting pool. Called once, from main, before any job is scheduled.
/// The replica can come up after us in docker-compose, so retry a few times.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut delay = Duration::from_secs(1);
    for attempt in 1..=8 {
        match PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(err) => {
                tracing::warn!(attempt, %err, "reporting replica not reachable yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(20));
            }
        }
    }
    anyhow::bail!("gave up connecting to the reporting replica")
}

/// Refuses to run reports against the primary by mistake.
pub async fn assert_replica(pool: &PgPool) -> anyhow::Result<()> {
    let (in_recovery,): (bool,) = sqlx::query_as("SELECT pg_is_in_recovery()")
        .fetch_one(pool)
        .await?;
    if !in_recovery && std::env::var("REPORTS_ALLOW_PRIMARY").is_err() {
        anyhow::bail!("REPORTING_DATABASE_URL points at the primary; set REPORTS_ALLOW_PRIMARY=1 to override");
    }
    Ok(())
}

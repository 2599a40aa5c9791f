use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Called once from main. The proxy often starts before Postgres in the CI
/// compose stack, so wait for it instead of crash-looping.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 20 => {
                tracing::warn!("postgres not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn audit(pool: &PgPool, runner: Option<&str>, target: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO tunnel_audit (runner, target, opened_at) VALUES ($1, $2, now())")
        .bind(runner)
        .bind(target)
        .execute(pool)
        .await?;
    Ok(())
}

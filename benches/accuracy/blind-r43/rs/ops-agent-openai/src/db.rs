use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Executor;

/// Called once from main. Retries while the database is still starting (the
/// agent is launched from the same compose file), returns on first success.
pub async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let result = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(5))
            // Runs for each new physical connection the pool opens.
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute("SET application_name = 'ops-agent'; SET statement_timeout = '5s'")
                        .await?;
                    Ok(())
                })
            })
            .connect(url)
            .await;
        match result {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                eprintln!("database not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(2u64.pow(attempt.min(4)))).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

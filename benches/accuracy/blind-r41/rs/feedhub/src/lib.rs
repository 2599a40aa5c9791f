pub mod db {
    use std::time::Duration;

    use sqlx::postgres::{PgPool, PgPoolOptions};

    /// Builds the process-wide pool. Each binary calls this exactly once from `main`.
    pub async fn make_pool(max_connections: u32) -> anyhow::Result<PgPool> {
        let url = std::env::var("DATABASE_URL")?;
        let mut delay = Duration::from_millis(500);
        for attempt in 1..=8 {
            match PgPoolOptions::new().max_connections(max_connections).connect(&url).await {
                Ok(pool) => return Ok(pool),
                Err(err) => {
                    eprintln!("database not reachable (attempt {attempt}/8): {err}");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(10));
                }
            }
        }
        anyhow::bail!("database still unreachable after 8 attempts")
    }
}

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Builds the catalog pool. Each binary calls this once from `main`; the
/// retry loop only covers the database still starting up during a deploy.
pub async fn make_pool(max: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => break Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, "database not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
            }
            Err(e) => break Err(e.into()),
        }
    }
}

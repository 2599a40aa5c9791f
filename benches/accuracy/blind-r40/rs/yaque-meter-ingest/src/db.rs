use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Builds the process's pool. Each binary calls this once from `main`; the
/// loop only retries while Postgres is still coming up after a reboot.
pub async fn make_pool(max_connections: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0u32;
    loop {
        let result = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await;
        match result {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 12 => {
                attempt += 1;
                eprintln!("postgres not ready: {err} (attempt {attempt})");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(err) => return Err(err.into()),
        }
    }
}

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

const MAX_ATTEMPTS: u32 = 5;

/// Builds the console's pool. Called once from main; retries while the
/// bastion tunnel to the billing database is still coming up.
pub async fn make_pool(url: &str) -> Result<PgPool, sqlx::Error> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = PgPoolOptions::new()
            .max_connections(3)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(5))
            .idle_timeout(Duration::from_secs(600))
            .connect(url)
            .await;
        match result {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < MAX_ATTEMPTS => {
                eprintln!("billing db not reachable (attempt {}/{}): {}", attempt, MAX_ATTEMPTS, err);
                tokio::time::sleep(Duration::from_secs(2 * attempt as u64)).await;
            }
            Err(err) => return Err(err),
        }
    }
}

/// Used by `main` to warn the operator when they are pointed at a replica.
pub async fn is_primary(pool: &PgPool) -> bool {
    sqlx::query_scalar::<_, bool>("SELECT NOT pg_is_in_recovery()")
        .fetch_one(pool)
        .await
        .unwrap_or(false)
}

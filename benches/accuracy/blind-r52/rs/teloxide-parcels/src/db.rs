use sqlx::postgres::{PgPool, PgPoolOptions};
use std::time::Duration;

/// Called once from `main`. The database container usually comes up after
/// the bot in docker compose, so wait for it instead of crashing.
pub async fn connect_with_retry() -> PgPool {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(&url)
            .await
        {
            Ok(pool) => return pool,
            Err(e) if attempt < 30 => {
                log::warn!("database not ready (attempt {attempt}): {e}");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => panic!("giving up on the database after {attempt} attempts: {e}"),
        }
    }
}

pub async fn tracked_parcels(pool: &PgPool, chat_id: i64) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT number, last_status FROM parcels WHERE chat_id = $1 ORDER BY created_at")
        .bind(chat_id)
        .fetch_all(pool)
        .await
}

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Built once in main; the pool is stored in the carapax Context.
pub async fn make_pool(url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await
}

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Primary catalog pool.
pub async fn pool() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&url)
        .await
}

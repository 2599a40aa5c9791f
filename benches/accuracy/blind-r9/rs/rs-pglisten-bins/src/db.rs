use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// One pool per process. Each binary calls this once from its `main`.
pub async fn connect_pool(max: u32) -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    PgPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
}

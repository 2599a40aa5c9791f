use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Builds the process-wide pool. Called exactly once, from `main`.
pub fn build_pool() -> PgPool {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "host=localhost user=app dbname=quotes".into());
    let manager = PostgresConnectionManager::new(url.parse().expect("DATABASE_URL"), NoTls);
    r2d2::Pool::builder()
        .max_size(16)
        .connection_timeout(Duration::from_secs(3))
        .build(manager)
        .expect("postgres pool")
}

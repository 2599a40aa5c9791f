//! The reports, with a pool of their own to the same database.
use std::sync::LazyLock;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub static REPORTS_POOL: LazyLock<PgPool> = LazyLock::new(|| {
    PgPoolOptions::new()
        .max_connections(5)
        .connect_lazy(&std::env::var("DATABASE_URL").unwrap_or_default())
        .expect("valid DATABASE_URL")
});

pub async fn daily(day: i32) -> Result<i32, sqlx::Error> {
    let row: (i32,) = sqlx::query_as("select $1::int4 from pg_sleep(0.2)")
        .bind(day)
        .fetch_one(&*REPORTS_POOL)
        .await?;
    Ok(row.0)
}

//! The app's pool.
use std::sync::LazyLock;

use sqlx::postgres::{PgPool, PgPoolOptions};

fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_default()
}

pub static POOL: LazyLock<PgPool> = LazyLock::new(|| {
    PgPoolOptions::new()
        .max_connections(5)
        .connect_lazy(&database_url())
        .expect("valid DATABASE_URL")
});

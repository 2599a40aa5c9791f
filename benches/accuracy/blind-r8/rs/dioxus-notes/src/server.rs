//! Server-only resources. Compiled only with `--features server`.

use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use sqlx::sqlite::{SqlitePool, SqlitePoolOptions};

/// One pool for the whole server process; created lazily on first use by any
/// server function, then shared.
pub static POOL: LazyLock<SqlitePool> = LazyLock::new(|| {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://notes.db?mode=rwc".into());
    SqlitePoolOptions::new()
        .max_connections(4)
        .connect_lazy(&url)
        .expect("invalid DATABASE_URL")
});

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

pub fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()
            .expect("failed to build http client")
    })
}

use std::sync::OnceLock;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Called once from main.
pub async fn make_pool() -> anyhow::Result<PgPool> {
    Ok(PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&std::env::var("AP_DATABASE_URL")?)
        .await?)
}

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

/// Shared client for the document store; built on first use and reused for every mail.
pub fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("reqwest client")
    })
}

//! Process-wide resources. `init` is called exactly once from main; executors
//! reach the pool and the HTTP client through the accessors below.

use std::sync::OnceLock;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

static POOL: OnceLock<PgPool> = OnceLock::new();
static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

pub async fn init(database_url: &str) -> Result<PgPool, sqlx::Error> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await?;
    let _ = POOL.set(pool.clone());
    Ok(pool)
}

pub fn pool() -> &'static PgPool {
    POOL.get().expect("db::init must run before executors start")
}

pub fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .user_agent("invoice-jobs/0.2")
            .build()
            .expect("reqwest client")
    })
}

pub fn mailer_url() -> String {
    std::env::var("MAILER_URL").unwrap_or_else(|_| "http://mailer.internal/v1/send".into())
}

//! Client factories. Called from main() only, once per process; the job
//! state holds the results and every job run gets a cheap clone.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::Executor;

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

pub async fn make_pool() -> Result<PgPool, sqlx::Error> {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let opts: PgConnectOptions = url.parse()?;
    let opts = opts.application_name("invoicing-worker");
    let statement_timeout = env_or("PG_STATEMENT_TIMEOUT_MS", "15000");

    PgPoolOptions::new()
        .max_connections(12)
        .min_connections(2)
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(move |conn, _meta| {
            let stmt = format!("SET statement_timeout = {statement_timeout}");
            Box::pin(async move {
                conn.execute(stmt.as_str()).await?;
                Ok(())
            })
        })
        .connect_with(opts)
        .await
}

pub fn make_http() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .connect_timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(8)
        .user_agent(concat!("invoicing-worker/", env!("CARGO_PKG_VERSION")))
        .build()
}

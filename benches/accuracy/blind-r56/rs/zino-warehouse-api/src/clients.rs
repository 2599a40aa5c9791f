//! Process-wide clients. Each is created lazily on first use and then shared
//! by every request handler for the life of the process.

use sqlx::postgres::{PgPool, PgPoolOptions};
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::OnceCell;

static PG: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(3))
        .connect_lazy(&url)
        .expect("invalid DATABASE_URL")
});

static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .pool_max_idle_per_host(8)
        .build()
        .expect("reqwest client")
});

static S3: OnceCell<aws_sdk_s3::Client> = OnceCell::const_new();

pub fn pg() -> &'static PgPool {
    &PG
}

pub fn http() -> &'static reqwest::Client {
    &HTTP
}

pub async fn s3() -> &'static aws_sdk_s3::Client {
    S3.get_or_init(|| async {
        let conf = aws_config::load_from_env().await;
        aws_sdk_s3::Client::new(&conf)
    })
    .await
}

/// Carrier API handle: a cheap clone of the shared client with the base URL.
pub fn connect_carrier() -> (reqwest::Client, String) {
    let base = std::env::var("CARRIER_API_URL").unwrap_or_else(|_| "https://api.carrier.example".into());
    (HTTP.clone(), base)
}

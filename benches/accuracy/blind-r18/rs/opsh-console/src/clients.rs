use std::time::Duration;

use anyhow::{Context, Result};
use aws_config::BehaviorVersion;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn pg_pool() -> Result<PgPool> {
    let url = std::env::var("DATABASE_URL").context("DATABASE_URL must be set")?;
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&url)
        .await?;
    Ok(pool)
}

/// HTTP client for the payments provider, with the secret key baked in.
pub fn payments_api() -> Result<reqwest::Client> {
    let key = std::env::var("PAYMENTS_SECRET_KEY").context("PAYMENTS_SECRET_KEY must be set")?;
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {key}"))?);
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(20))
        .build()?;
    Ok(client)
}

pub async fn s3() -> aws_sdk_s3::Client {
    let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
    aws_sdk_s3::Client::new(&conf)
}

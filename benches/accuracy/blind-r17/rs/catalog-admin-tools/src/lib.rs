//! Shared helpers for the catalog admin command-line tools.
//! Each tool is run by hand (or from a one-shot k8s Job) and exits when done.

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn pg_pool(url: &str) -> anyhow::Result<PgPool> {
    Ok(PgPoolOptions::new().max_connections(2).connect(url).await?)
}

pub fn meili(url: &str, key: &str) -> anyhow::Result<meilisearch_sdk::client::Client> {
    Ok(meilisearch_sdk::client::Client::new(url, Some(key))?)
}

pub async fn s3() -> aws_sdk_s3::Client {
    let conf = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    aws_sdk_s3::Client::new(&conf)
}

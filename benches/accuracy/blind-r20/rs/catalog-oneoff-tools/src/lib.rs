//! Client factories shared by the one-off bins. Each bin calls them once per invocation.
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

pub async fn connect_catalog_db() -> anyhow::Result<PgPool> {
    let url = std::env::var("CATALOG_DATABASE_URL")?;
    // the Job pod can start before the cloud-sql proxy sidecar; wait for it
    for attempt in 1..=10u64 {
        match PgPoolOptions::new().max_connections(4).connect(&url).await {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                eprintln!("db not reachable yet ({e}), attempt {attempt}/10");
                tokio::time::sleep(Duration::from_secs(attempt * 2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
    unreachable!()
}

pub async fn connect_media_store() -> anyhow::Result<mongodb::Client> {
    let client = mongodb::Client::with_uri_str(std::env::var("MEDIA_MONGO_URL")?).await?;
    Ok(client)
}

pub async fn s3() -> aws_sdk_s3::Client {
    let conf = aws_config::load_from_env().await;
    aws_sdk_s3::Client::new(&conf)
}

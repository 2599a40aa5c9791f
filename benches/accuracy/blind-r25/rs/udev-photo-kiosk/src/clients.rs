//! Client construction. Both functions are called exactly once, from
//! `main`, before the udev loop starts.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use tracing::warn;

pub async fn pg_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://kiosk@photolab-db.lan:5432/photolab".into());

    // Kiosks boot before the shop router sometimes; wait for the network.
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(3)
            .acquire_timeout(Duration::from_secs(10))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 30 => {
                warn!(attempt, error = %e, "database not reachable yet");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn s3() -> aws_sdk_s3::Client {
    let config = aws_config::from_env()
        .region(aws_config::Region::new(
            std::env::var("AWS_REGION").unwrap_or_else(|_| "eu-west-1".into()),
        ))
        .load()
        .await;
    aws_sdk_s3::Client::new(&config)
}

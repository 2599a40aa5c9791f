//! Every client the worker needs; each function is called once from main.
use std::time::Duration;

use rsmq_async::{Rsmq, RsmqOptions};
use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn postgres() -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let mut attempt = 0;
    loop {
        match PgPoolOptions::new()
            .max_connections(6)
            .acquire_timeout(Duration::from_secs(10))
            .connect(&url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                attempt += 1;
                eprintln!("postgres not ready ({e}), retry {attempt}/10");
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub async fn queue() -> anyhow::Result<Rsmq> {
    let options = RsmqOptions {
        host: std::env::var("REDIS_HOST").unwrap_or_else(|_| "127.0.0.1".into()),
        ns: "media".into(),
        ..Default::default()
    };
    Ok(Rsmq::new(options).await?)
}

pub async fn s3() -> aws_sdk_s3::Client {
    let config = aws_config::load_from_env().await;
    aws_sdk_s3::Client::new(&config)
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("http client")
}

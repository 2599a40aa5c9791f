use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

#[derive(Clone)]
pub struct Services {
    pub db: PgPool,
    pub http: reqwest::Client,
    pub worker_health_urls: Vec<String>,
}

impl Services {
    pub async fn connect() -> anyhow::Result<Services> {
        let url = std::env::var("JOBS_DATABASE_URL")?;
        let mut attempts = 0;
        let db = loop {
            attempts += 1;
            match PgPoolOptions::new()
                .max_connections(3)
                .acquire_timeout(Duration::from_secs(5))
                .connect(&url)
                .await
            {
                Ok(pool) => break pool,
                Err(e) if attempts < 5 => {
                    eprintln!("queue-console: waiting for database ({e})");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                Err(e) => return Err(e.into()),
            }
        };

        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;

        let worker_health_urls = std::env::var("WORKER_HEALTH_URLS")
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();

        Ok(Services { db, http, worker_health_urls })
    }
}

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Long-lived clients, built once in main and borrowed for every shot.
pub struct Shared {
    pub s3: aws_sdk_s3::Client,
    pub bucket: String,
    pub db: PgPool,
}

impl Shared {
    pub async fn connect() -> anyhow::Result<Shared> {
        let aws = aws_config::load_from_env().await;
        let s3 = aws_sdk_s3::Client::new(&aws);
        let bucket = std::env::var("BOOTH_BUCKET").unwrap_or_else(|_| "booth-gallery".into());
        let url = std::env::var("BOOTH_DATABASE_URL")?;

        // The venue Wi-Fi is often still coming up when the laptop boots:
        // try a few times, then give up and let systemd restart us.
        let mut attempt = 0;
        let db = loop {
            attempt += 1;
            match PgPoolOptions::new()
                .max_connections(3)
                .acquire_timeout(Duration::from_secs(10))
                .connect(&url)
                .await
            {
                Ok(pool) => break pool,
                Err(e) if attempt < 8 => {
                    eprintln!("booth: database not reachable yet ({e}), attempt {attempt}");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
                Err(e) => return Err(e.into()),
            }
        };

        Ok(Shared { s3, bucket, db })
    }
}

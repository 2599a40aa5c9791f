pub mod db {
    use std::str::FromStr;
    use std::time::Duration;

    use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

    /// Builds the process-wide pool. Each binary calls this exactly once from
    /// `main`; the loop only retries while Postgres is still starting up.
    pub async fn make_pool(process: &str) -> anyhow::Result<PgPool> {
        let url = std::env::var("DATABASE_URL")?;
        let options = PgConnectOptions::from_str(&url)?.application_name(&format!("parcels-{process}"));
        let mut delay = Duration::from_millis(500);

        for attempt in 1..=8 {
            match PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(5))
                .connect_with(options.clone())
                .await
            {
                Ok(pool) => return Ok(pool),
                Err(e) => {
                    eprintln!("[{process}] postgres not reachable (attempt {attempt}): {e}");
                    smol::Timer::after(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(10));
                }
            }
        }
        anyhow::bail!("giving up on postgres after 8 attempts")
    }
}

pub mod model {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, sqlx::FromRow)]
    pub struct Parcel {
        pub code: String,
        pub status: String,
        pub carrier: String,
        pub eta: Option<chrono::NaiveDate>,
    }

    #[derive(Debug, Deserialize)]
    pub struct ScanEvent {
        pub status: String,
        pub location: String,
    }
}

use std::env;
use std::time::Duration;

use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

pub async fn connect() -> anyhow::Result<MySqlPool> {
    let pool = MySqlPoolOptions::new()
        .max_connections(12)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&env::var("DATABASE_URL")?)
        .await?;
    Ok(pool)
}

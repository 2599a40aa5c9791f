use std::env;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

/// Analytics replica, reached through the Supabase transaction pooler.
const REPORTING_POOLER_URL: &str =
    "postgres://reporting.qzkxwmbfjlcy@aws-0-eu-west-1.pooler.supabase.com:6543/postgres";

/// Primary database pool, opened once in main.
pub async fn primary() -> anyhow::Result<PgPool> {
    let url = env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&url)
        .await?;
    Ok(pool)
}

/// Pool for ad-hoc reports against the analytics replica.
pub async fn reporting_pool() -> anyhow::Result<PgPool> {
    let url = env::var("REPORTING_DATABASE_URL").unwrap_or_else(|_| REPORTING_POOLER_URL.to_string());
    let opts: PgConnectOptions = url.parse()?;
    let opts = opts.password(&env::var("REPORTING_DB_PASSWORD")?);
    let pool = PgPoolOptions::new().max_connections(3).connect_with(opts).await?;
    Ok(pool)
}

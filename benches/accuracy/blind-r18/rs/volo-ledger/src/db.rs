use std::time::Duration;

use anyhow::{Context, Result};
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Primary ledger database. Production traffic goes through the Supabase
/// transaction-mode pooler (Supavisor) on port 6543.
pub async fn ledger_pool() -> Result<PgPool> {
    let host = std::env::var("SUPABASE_POOLER_HOST").context("SUPABASE_POOLER_HOST must be set")?;
    let user = std::env::var("SUPABASE_DB_USER").context("SUPABASE_DB_USER must be set")?;
    let password = std::env::var("SUPABASE_DB_PASSWORD").context("SUPABASE_DB_PASSWORD must be set")?;
    let url = format!("postgres://{user}:{password}@{host}:6543/postgres?sslmode=require");
    let pool = PgPoolOptions::new().max_connections(10).connect(&url).await?;
    Ok(pool)
}

/// Read replica used for statements and exports.
pub async fn reporting_pool() -> Result<PgPool> {
    let url = std::env::var("REPORTING_DATABASE_URL").context("REPORTING_DATABASE_URL must be set")?;
    let pool = PgPoolOptions::new().max_connections(120).acquire_timeout(Duration::from_secs(30)).connect(&url).await?;
    Ok(pool)
}

//! Shared code for the billing binaries. Each binary is its own process
//! (web behind the load balancer, worker as a separate deployment, backfill
//! run by hand) and builds its own pool at start-up.

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

pub async fn connect_pool(max_connections: u32) -> anyhow::Result<PgPool> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}

#[derive(Debug, serde::Serialize, sqlx::FromRow)]
pub struct Invoice {
    pub id: i64,
    pub account_id: i64,
    pub amount_cents: i64,
    pub status: String,
}

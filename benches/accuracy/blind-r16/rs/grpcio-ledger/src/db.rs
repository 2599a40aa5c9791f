use std::env;
use std::time::Duration;

use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

/// Read/write pool for the ledger primary. Built once in main.
pub async fn primary_pool() -> Result<MySqlPool, sqlx::Error> {
    let url = env::var("LEDGER_DATABASE_URL").expect("LEDGER_DATABASE_URL");
    MySqlPoolOptions::new()
        .max_connections(12)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&url)
        .await
}

/// Pool against the read replica used for balance queries.
pub async fn replica_pool() -> Result<MySqlPool, sqlx::Error> {
    let url = env::var("LEDGER_REPLICA_URL").expect("LEDGER_REPLICA_URL");
    MySqlPoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await
}

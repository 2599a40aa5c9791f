//! Ledger database (Supabase).

use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

const DEFAULT_URL: &str =
    "postgres://postgres.qvhzlmrkxbnyt:ledger@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";

pub async fn ledger_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("LEDGER_DATABASE_URL").unwrap_or_else(|_| DEFAULT_URL.to_string());
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .min_connections(2)
        .acquire_timeout(Duration::from_secs(5))
        .idle_timeout(Duration::from_secs(300))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn book(
    pool: &PgPool,
    settlement_id: uuid::Uuid,
    account: &str,
    amount_minor: i64,
    currency: &str,
) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO ledger_entries (settlement_id, account, side, amount_minor, currency) \
         VALUES ($1, $2, 'credit', $3, $4), ($1, 'clearing', 'debit', $3, $4)",
    )
    .bind(settlement_id)
    .bind(account)
    .bind(amount_minor)
    .bind(currency)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE accounts SET balance_minor = balance_minor + $2 WHERE code = $1")
        .bind(account)
        .bind(amount_minor)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

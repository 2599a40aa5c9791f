use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use crate::settle::Settlement;

/// Pool for the double-entry ledger tables.
pub fn init_pool() -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    cfg.pool = Some(PoolConfig::new(12));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
    Ok(pool)
}

pub async fn book(pool: &Pool, s: &Settlement) -> anyhow::Result<i64> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;

    let existing = tx
        .query_opt("SELECT id FROM ledger_entries WHERE settlement_ref = $1", &[&s.reference])
        .await?;
    if let Some(row) = existing {
        return Ok(row.get(0));
    }

    let row = tx
        .query_one(
            "INSERT INTO ledger_entries (settlement_ref, merchant_id, amount_minor, currency, settled_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[&s.reference, &s.merchant_id, &s.amount_minor, &s.currency, &s.settled_at],
        )
        .await?;
    tx.execute(
        "UPDATE merchant_balances SET balance_minor = balance_minor + $2 WHERE merchant_id = $1",
        &[&s.merchant_id, &s.amount_minor],
    )
    .await?;
    tx.commit().await?;
    Ok(row.get(0))
}

pub async fn balance(pool: &Pool, merchant_id: &str) -> anyhow::Result<i64> {
    let client = pool.get().await?;
    let row = client
        .query_one("SELECT balance_minor FROM merchant_balances WHERE merchant_id = $1", &[&merchant_id])
        .await?;
    Ok(row.get(0))
}

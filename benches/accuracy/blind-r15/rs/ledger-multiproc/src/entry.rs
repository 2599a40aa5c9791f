use serde::Deserialize;
use sqlx::PgPool;

#[derive(Debug, Deserialize)]
pub struct Entry {
    pub reference: String,
    pub account: String,
    pub amount_cents: i64,
}

/// Applies one ledger entry idempotently. Returns false when the reference was seen before.
pub async fn apply(pool: &PgPool, e: &Entry) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO ledger_entries (reference, account, amount_cents) VALUES ($1, $2, $3) \
         ON CONFLICT (reference) DO NOTHING",
    )
    .bind(&e.reference)
    .bind(&e.account)
    .bind(e.amount_cents)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        sqlx::query("UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1")
            .bind(&e.account)
            .bind(e.amount_cents)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(inserted == 1)
}

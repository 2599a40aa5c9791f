//! Double-entry ledger writes for successful collections.

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;
use uuid::Uuid;

static LEDGER_POOL: OnceCell<PgPool> = OnceCell::const_new();

async fn pool() -> anyhow::Result<&'static PgPool> {
    LEDGER_POOL
        .get_or_try_init(|| async {
            PgPoolOptions::new()
                .max_connections(5)
                .connect(&crate::db::database_url())
                .await
        })
        .await
        .map_err(Into::into)
}

pub async fn record_collection(invoice_id: Uuid, amount_cents: i64, charge_id: &str) -> anyhow::Result<()> {
    let pool = pool().await?;
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO ledger_entries (invoice_id, account, amount_cents, reference) \
         VALUES ($1, 'accounts_receivable', $2, $3), ($1, 'cash', $4, $3)",
    )
    .bind(invoice_id)
    .bind(-amount_cents)
    .bind(charge_id)
    .bind(amount_cents)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1")
        .bind(invoice_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

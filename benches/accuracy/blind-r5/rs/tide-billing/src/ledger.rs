//! Double-entry ledger. Lives in the same Postgres database as invoices
//! (schema `ledger`), but owns its own connection handling.

use sqlx::PgPool;

#[derive(Clone)]
pub struct Ledger {
    pool: PgPool,
}

impl Ledger {
    pub async fn init() -> Result<Self, sqlx::Error> {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
        let pool = PgPool::connect(&url).await?;
        Ok(Self { pool })
    }

    pub async fn record_payment(&self, invoice_id: i64, amount_cents: i64) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO ledger.entries (account, invoice_id, debit_cents) VALUES ('cash', $1, $2)",
        )
        .bind(invoice_id)
        .bind(amount_cents)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO ledger.entries (account, invoice_id, credit_cents) VALUES ('receivables', $1, $2)",
        )
        .bind(invoice_id)
        .bind(amount_cents)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
}

//! Batch bookkeeping: a supplier upload is only visible to AP once its
//! batch_end event arrives, so the batch row is written inside a transaction
//! that stays open for the duration of the upload.

use std::collections::HashMap;

use sqlx::{PgPool, Postgres, Transaction};

pub struct Ledger {
    pool: PgPool,
    open: HashMap<String, Transaction<'static, Postgres>>,
}

impl Ledger {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, open: HashMap::new() }
    }

    pub async fn start(&mut self, batch: &str, supplier: &str) -> sqlx::Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO invoice_batches (id, supplier, status, opened_at)
             VALUES ($1, $2, 'receiving', now())",
        )
        .bind(batch)
        .bind(supplier)
        .execute(&mut *tx)
        .await?;
        self.open.insert(batch.to_string(), tx);
        Ok(())
    }

    pub async fn finish(&mut self, batch: &str, count: i64) -> sqlx::Result<()> {
        let Some(mut tx) = self.open.remove(batch) else {
            eprintln!("batch_end for unknown batch {batch}");
            return Ok(());
        };
        sqlx::query(
            "UPDATE invoice_batches SET status = 'received', expected_count = $2, closed_at = now()
             WHERE id = $1",
        )
        .bind(batch)
        .bind(count)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }

    pub fn open_batches(&self) -> usize {
        self.open.len()
    }
}

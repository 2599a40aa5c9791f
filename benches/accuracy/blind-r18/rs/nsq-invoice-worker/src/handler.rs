use anyhow::{Context, Result};
use deadpool_postgres::Pool;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct OrderCompleted {
    order_id: i64,
    customer_id: i64,
    total_cents: i64,
    currency: String,
}

pub struct InvoiceHandler {
    pool: Pool,
    accounting: reqwest::Client,
    accounting_url: String,
}

impl InvoiceHandler {
    pub fn new(pool: Pool, accounting: reqwest::Client) -> Self {
        let accounting_url = std::env::var("ACCOUNTING_API_URL")
            .unwrap_or_else(|_| "http://accounting.internal/api/invoices".into());
        Self { pool, accounting, accounting_url }
    }

    /// Runs once per NSQ message. Borrows a pooled connection for the
    /// transaction; it goes back to the pool when `client` drops.
    pub async fn handle(&self, body: &[u8]) -> Result<()> {
        let evt: OrderCompleted = serde_json::from_slice(body).context("bad payload")?;

        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                "INSERT INTO invoices (order_id, customer_id, total_cents, currency) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING RETURNING id",
                &[&evt.order_id, &evt.customer_id, &evt.total_cents, &evt.currency],
            )
            .await?;
        let Some(row) = row else {
            // already invoiced: redelivery
            tx.rollback().await?;
            return Ok(());
        };
        let invoice_id: i64 = row.get(0);
        tx.commit().await?;
        drop(client);

        self.accounting
            .post(&self.accounting_url)
            .json(&json!({
                "invoice_id": invoice_id,
                "order_id": evt.order_id,
                "amount_cents": evt.total_cents,
                "currency": evt.currency,
            }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

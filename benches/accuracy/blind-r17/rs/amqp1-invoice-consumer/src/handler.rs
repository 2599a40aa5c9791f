use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Deserialize)]
struct InvoiceIssued {
    invoice_id: String,
    customer_id: i64,
    amount: Decimal,
    currency: String,
}

/// Holds the shared pool and HTTP client; `handle` runs once per AMQP message.
pub struct InvoiceHandler {
    pool: PgPool,
    http: reqwest::Client,
    ledger_url: String,
}

impl InvoiceHandler {
    pub fn new(pool: PgPool, http: reqwest::Client, ledger_url: String) -> Self {
        Self { pool, http, ledger_url }
    }

    pub async fn handle(&self, body: &str) -> anyhow::Result<()> {
        let ev: InvoiceIssued = serde_json::from_str(body)?;

        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO invoices (id, customer_id, amount, currency) VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(&ev.invoice_id)
        .bind(ev.customer_id)
        .bind(ev.amount)
        .bind(&ev.currency)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("UPDATE customers SET balance = balance + $1 WHERE id = $2")
            .bind(ev.amount)
            .bind(ev.customer_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;

        if inserted == 1 {
            self.http
                .post(format!("{}/entries", self.ledger_url))
                .json(&serde_json::json!({
                    "ref": ev.invoice_id,
                    "account": ev.customer_id,
                    "amount": ev.amount.to_string(),
                    "currency": ev.currency,
                }))
                .send()
                .await?
                .error_for_status()?;
        }
        Ok(())
    }
}

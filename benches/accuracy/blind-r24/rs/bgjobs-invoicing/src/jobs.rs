use std::future::Future;
use std::pin::Pin;

use background_jobs_core::{Job, MaxRetries};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

pub const DEFAULT_QUEUE: &str = "default";
pub const RECEIPTS_QUEUE: &str = "receipts";

/// Cheap-to-clone handles shared by every job run.
#[derive(Clone)]
pub struct JobState {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub psp_base: String,
    pub mailer_base: String,
}

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
}

type JobFuture = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send>>;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChargeInvoice {
    pub invoice_id: i64,
}

#[derive(Deserialize)]
struct ChargeResponse {
    charge_id: String,
}

impl Job for ChargeInvoice {
    type State = JobState;
    type Error = JobError;
    type Future = JobFuture;

    const NAME: &'static str = "ChargeInvoice";
    const QUEUE: &'static str = DEFAULT_QUEUE;
    const MAX_RETRIES: MaxRetries = MaxRetries::Count(5);

    fn run(self, state: JobState) -> Self::Future {
        Box::pin(async move {
            let (customer_ref, amount_cents): (String, i64) = sqlx::query_as(
                "SELECT c.psp_customer_ref, i.total_cents FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = $1",
            )
            .bind(self.invoice_id)
            .fetch_one(&state.pool)
            .await?;

            let charge: ChargeResponse = state
                .http
                .post(format!("{}/charges", state.psp_base))
                .header("Idempotency-Key", format!("invoice-{}", self.invoice_id))
                .json(&serde_json::json!({ "customer": customer_ref, "amount": amount_cents, "currency": "eur" }))
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;

            let mut tx = state.pool.begin().await?;
            sqlx::query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1")
                .bind(self.invoice_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO payments (invoice_id, psp_charge_id, amount_cents) VALUES ($1, $2, $3)")
                .bind(self.invoice_id)
                .bind(&charge.charge_id)
                .bind(amount_cents)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SendReceipt {
    pub invoice_id: i64,
}

impl Job for SendReceipt {
    type State = JobState;
    type Error = JobError;
    type Future = JobFuture;

    const NAME: &'static str = "SendReceipt";
    const QUEUE: &'static str = RECEIPTS_QUEUE;
    const MAX_RETRIES: MaxRetries = MaxRetries::Count(10);

    fn run(self, state: JobState) -> Self::Future {
        Box::pin(async move {
            let email: String = sqlx::query_scalar(
                "SELECT c.billing_email FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = $1",
            )
            .bind(self.invoice_id)
            .fetch_one(&state.pool)
            .await?;
            state
                .http
                .post(format!("{}/send", state.mailer_base))
                .json(&serde_json::json!({ "to": email, "template": "receipt", "invoice_id": self.invoice_id }))
                .send()
                .await?
                .error_for_status()?;
            sqlx::query("UPDATE invoices SET receipt_status = 'sent' WHERE id = $1")
                .bind(self.invoice_id)
                .execute(&state.pool)
                .await?;
            Ok(())
        })
    }
}

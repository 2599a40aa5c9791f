//! Dunning workflow. pg_task stores each step as JSON in the `pg_task` table
//! and the worker calls `step()` once per due step, across all invoices.

use async_trait::async_trait;
use pg_task::{NextStep, Step, StepResult};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

pg_task::task!(Dunning { Remind, Charge, Escalate });
pg_task::scheduler!(Tasks { Dunning });

#[derive(Debug, Deserialize, Serialize)]
pub struct Remind {
    pub invoice_id: Uuid,
    pub attempt: u32,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Charge {
    pub invoice_id: Uuid,
    pub attempt: u32,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct Escalate {
    pub invoice_id: Uuid,
}

#[derive(sqlx::FromRow)]
struct Invoice {
    customer_email: String,
    payment_method_id: Option<String>,
    amount_cents: i64,
}

async fn load(db: &PgPool, id: Uuid) -> sqlx::Result<Invoice> {
    sqlx::query_as("SELECT customer_email, payment_method_id, amount_cents FROM invoices WHERE id = $1")
        .bind(id)
        .fetch_one(db)
        .await
}

#[async_trait]
impl Step<Dunning> for Remind {
    async fn step(self, db: &PgPool) -> StepResult<Dunning> {
        let inv = load(db, self.invoice_id).await?;
        crate::mailer::send_reminder(&inv.customer_email, self.invoice_id, inv.amount_cents).await?;
        NextStep::delay(Charge { invoice_id: self.invoice_id, attempt: self.attempt }, Duration::from_secs(24 * 3600))
    }
}

#[derive(Deserialize)]
struct ChargeResponse {
    id: String,
    status: String,
}

#[async_trait]
impl Step<Dunning> for Charge {
    const RETRY_LIMIT: i32 = 3;
    const RETRY_DELAY: Duration = Duration::from_secs(600);

    async fn step(self, db: &PgPool) -> StepResult<Dunning> {
        let inv = load(db, self.invoice_id).await?;
        let Some(pm) = inv.payment_method_id else {
            return NextStep::now(Escalate { invoice_id: self.invoice_id });
        };

        let psp = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()?;
        let resp: ChargeResponse = psp
            .post(format!("{}/v2/charges", std::env::var("PSP_BASE_URL")?))
            .bearer_auth(std::env::var("PSP_SECRET_KEY")?)
            .header("Idempotency-Key", format!("dunning-{}-{}", self.invoice_id, self.attempt))
            .json(&serde_json::json!({ "payment_method": pm, "amount": inv.amount_cents, "currency": "eur" }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;

        if resp.status == "succeeded" {
            crate::ledger::record_collection(self.invoice_id, inv.amount_cents, &resp.id).await?;
            return NextStep::none();
        }
        if self.attempt >= 3 {
            return NextStep::now(Escalate { invoice_id: self.invoice_id });
        }
        NextStep::delay(
            Remind { invoice_id: self.invoice_id, attempt: self.attempt + 1 },
            Duration::from_secs(3 * 24 * 3600),
        )
    }
}

#[async_trait]
impl Step<Dunning> for Escalate {
    async fn step(self, db: &PgPool) -> StepResult<Dunning> {
        sqlx::query("UPDATE invoices SET status = 'collections' WHERE id = $1")
            .bind(self.invoice_id)
            .execute(db)
            .await?;
        tracing::warn!(invoice = %self.invoice_id, "handed over to collections");
        NextStep::none()
    }
}

use aws_sdk_s3::primitives::ByteStream;
use chrono::{NaiveDate, Utc};
use rexecutor::prelude::*;
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("config: {0}")]
    Config(#[from] std::env::VarError),
    #[error("upstream: {0}")]
    Upstream(String),
}

impl ExecutionError for JobError {
    fn error_type(&self) -> &'static str {
        match self {
            JobError::Db(_) => "db",
            JobError::Config(_) => "config",
            JobError::Upstream(_) => "upstream",
        }
    }
}

fn finish(result: Result<(), JobError>) -> ExecutionResult {
    match result {
        Ok(()) => ExecutionResult::Done,
        Err(error) => ExecutionResult::Error { error: Box::new(error) },
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InvoiceRef {
    pub invoice_id: i64,
    pub customer_id: String,
}

pub struct RenderInvoice;

#[async_trait::async_trait]
impl Executor for RenderInvoice {
    type Data = InvoiceRef;
    type Metadata = ();
    const NAME: &'static str = "render_invoice";
    const MAX_ATTEMPTS: u16 = 5;

    async fn execute(job: Job<Self::Data, Self::Metadata>) -> ExecutionResult {
        finish(render_and_store(job.data).await)
    }
}

async fn render_and_store(inv: InvoiceRef) -> Result<(), JobError> {
    let pool = PgPoolOptions::new().max_connections(2).connect(&std::env::var("DATABASE_URL")?).await?;
    let lines: Vec<(String, i32, i64)> = sqlx::query_as(
        "SELECT description, quantity, unit_cents FROM invoice_lines WHERE invoice_id = $1 ORDER BY position",
    )
    .bind(inv.invoice_id)
    .fetch_all(&pool)
    .await?;

    let mut doc = format!("INVOICE {}\nCustomer: {}\n\n", inv.invoice_id, inv.customer_id);
    let mut total = 0i64;
    for (description, qty, unit) in &lines {
        total += *qty as i64 * unit;
        doc.push_str(&format!("{description:<40} {qty:>4} x {:>10.2}\n", *unit as f64 / 100.0));
    }
    doc.push_str(&format!("\nTOTAL {:>10.2}\n", total as f64 / 100.0));

    let sdk_config = aws_config::load_from_env().await;
    let s3 = aws_sdk_s3::Client::new(&sdk_config);
    let key = format!("invoices/{}/{}.txt", inv.customer_id, inv.invoice_id);
    s3.put_object()
        .bucket(std::env::var("INVOICE_BUCKET")?)
        .key(&key)
        .content_type("text/plain; charset=utf-8")
        .body(ByteStream::from(doc.into_bytes()))
        .send()
        .await
        .map_err(|e| JobError::Upstream(e.to_string()))?;

    sqlx::query("UPDATE invoices SET pdf_key = $1, total_cents = $2 WHERE id = $3")
        .bind(&key)
        .bind(total)
        .bind(inv.invoice_id)
        .execute(&pool)
        .await?;
    Ok(())
}

pub struct SendReminder;

#[async_trait::async_trait]
impl Executor for SendReminder {
    type Data = InvoiceRef;
    type Metadata = ();
    const NAME: &'static str = "send_reminder";
    const MAX_ATTEMPTS: u16 = 3;

    async fn execute(job: Job<Self::Data, Self::Metadata>) -> ExecutionResult {
        finish(remind(job.data).await)
    }
}

async fn remind(inv: InvoiceRef) -> Result<(), JobError> {
    let (email, due): (String, NaiveDate) = sqlx::query_as(
        "SELECT c.billing_email, i.due_date FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = $1",
    )
    .bind(inv.invoice_id)
    .fetch_one(crate::db::pool())
    .await?;
    let body = serde_json::json!({
        "to": email,
        "template": "invoice_overdue",
        "vars": { "invoice": inv.invoice_id, "due": due.to_string() },
    });
    crate::db::http()
        .post(crate::db::mailer_url())
        .json(&body)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| JobError::Upstream(e.to_string()))?;
    Ok(())
}

/// Daily cron: enqueue a reminder for every invoice more than `Data` days overdue.
pub struct OverdueSweep;

#[async_trait::async_trait]
impl Executor for OverdueSweep {
    type Data = i32;
    type Metadata = ();
    const NAME: &'static str = "overdue_sweep";
    const MAX_ATTEMPTS: u16 = 1;

    async fn execute(job: Job<Self::Data, Self::Metadata>) -> ExecutionResult {
        let cutoff = Utc::now().date_naive() - chrono::Days::new(job.data as u64);
        let overdue: Vec<(i64, String)> = match sqlx::query_as(
            "SELECT id, customer_id FROM invoices WHERE status = 'final' AND paid_at IS NULL AND due_date < $1",
        )
        .bind(cutoff)
        .fetch_all(crate::db::pool())
        .await
        {
            Ok(rows) => rows,
            Err(e) => return finish(Err(e.into())),
        };
        for (invoice_id, customer_id) in overdue {
            let data = InvoiceRef { invoice_id, customer_id };
            if let Err(e) = SendReminder::builder().with_data(data).enqueue().await {
                tracing::warn!(invoice_id, "could not enqueue reminder: {e}");
            }
        }
        ExecutionResult::Done
    }
}

//! Worker process: registers the executors with rexecutor and runs until
//! SIGINT. Each job is handled by the executor's `execute`, which rexecutor
//! calls once per job with no `self`, so shared state lives in db.rs.

mod db;
mod jobs;

use std::str::FromStr;

use rexecutor::prelude::*;
use rexecutor_sqlx::RexecutorPgBackend;

use jobs::{InvoiceRef, OverdueSweep, RenderInvoice, SendReminder};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pool = db::init(&database_url).await?;

    let backend = RexecutorPgBackend::from_pool(pool.clone()).await?;
    let handle = Rexecutor::new(backend)
        .with_executor::<RenderInvoice>()
        .with_executor::<SendReminder>()
        .with_cron_executor::<OverdueSweep>(cron::Schedule::from_str("0 0 7 * * *")?, 14)
        .set_global_backend()?;

    // Invoices finalised while the worker was down never got a render job.
    let missing: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, customer_id FROM invoices WHERE status = 'final' AND pdf_key IS NULL",
    )
    .fetch_all(&pool)
    .await?;
    for (invoice_id, customer_id) in missing {
        RenderInvoice::builder()
            .with_data(InvoiceRef { invoice_id, customer_id })
            .enqueue()
            .await?;
    }

    tokio::signal::ctrl_c().await?;
    tracing::info!("shutting down invoice worker");
    handle.graceful_shutdown().await?;
    pool.close().await;
    Ok(())
}

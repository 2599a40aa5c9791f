//! Invoicing worker: every minute it scans for invoices that are due and
//! enqueues background jobs to charge them and email the receipt.

use std::time::Duration;

use background_jobs_core::memory_storage::Storage;
use background_jobs_tokio::{TokioTimer, WorkerConfig};

mod clients;
mod jobs;

use jobs::{ChargeInvoice, JobState, SendReceipt, DEFAULT_QUEUE, RECEIPTS_QUEUE};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Built exactly once; the worker state closure below only clones handles.
    let state = JobState {
        pool: clients::make_pool().await?,
        http: clients::make_http()?,
        psp_base: std::env::var("PSP_BASE_URL").unwrap_or_else(|_| "https://psp.example/v2".into()),
        mailer_base: std::env::var("MAILER_URL").unwrap_or_else(|_| "http://mailer:8025".into()),
    };

    let worker_state = state.clone();
    let queue = WorkerConfig::new(Storage::new(TokioTimer), move |_queue| worker_state.clone())
        .register::<ChargeInvoice>()
        .register::<SendReceipt>()
        .set_worker_count(DEFAULT_QUEUE, 8)
        .set_worker_count(RECEIPTS_QUEUE, 2)
        .start()
        .expect("failed to start job workers");

    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let due: Vec<i64> = sqlx::query_scalar(
                    "UPDATE invoices SET status = 'queued'
                      WHERE id IN (SELECT id FROM invoices WHERE status = 'open' AND due_at <= now() LIMIT 500)
                      RETURNING id",
                )
                .fetch_all(&state.pool)
                .await
                .unwrap_or_else(|e| {
                    tracing::error!("scan failed: {e}");
                    Vec::new()
                });
                for invoice_id in due {
                    if let Err(e) = queue.queue(ChargeInvoice { invoice_id }).await {
                        tracing::error!(invoice_id, "enqueue charge failed: {e:?}");
                    }
                }
                let paid: Vec<i64> = sqlx::query_scalar(
                    "UPDATE invoices SET receipt_status = 'queued'
                      WHERE status = 'paid' AND receipt_status = 'pending'
                      RETURNING id",
                )
                .fetch_all(&state.pool)
                .await
                .unwrap_or_default();
                for invoice_id in paid {
                    if let Err(e) = queue.queue(SendReceipt { invoice_id }).await {
                        tracing::error!(invoice_id, "enqueue receipt failed: {e:?}");
                    }
                }
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    state.pool.close().await;
    Ok(())
}

mod clients;
mod jobs;
mod search;

use std::path::PathBuf;
use std::sync::Arc;

use effectum::{JobRunner, Queue, Worker};

use crate::jobs::{deliver_invoice, index_invoice, render_invoice, JobContext};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let queue = Queue::new(&PathBuf::from(
        std::env::var("QUEUE_PATH").unwrap_or_else(|_| "/var/lib/invoice-jobs/queue.db".into()),
    ))
    .await?;

    let context = Arc::new(JobContext {
        pg: clients::billing_pool(&std::env::var("BILLING_DATABASE_URL")?)?,
        http: clients::http_client()?,
        renderer_url: std::env::var("RENDERER_URL")?,
        mailer_url: std::env::var("MAILER_URL")?,
    });

    let runners = [
        JobRunner::builder("render_invoice", render_invoice).build(),
        JobRunner::builder("deliver_invoice", deliver_invoice).build(),
        JobRunner::builder("index_invoice", index_invoice).autoheartbeat(true).build(),
    ];

    let _worker = Worker::builder(&queue, context)
        .max_concurrency(8)
        .jobs(runners)
        .build()
        .await?;

    tracing::info!("invoice worker running");
    tokio::signal::ctrl_c().await?;
    queue.close(std::time::Duration::from_secs(30)).await?;
    Ok(())
}

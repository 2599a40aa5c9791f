mod db;
mod ledger;
mod mailer;
mod tasks;

use std::time::Duration;
use tasks::{Dunning, Remind, Tasks};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let pool = db::connect().await?;

    // Sweep for newly overdue invoices every 15 minutes and start a workflow for each.
    let sweep_pool = pool.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(15 * 60));
        loop {
            every.tick().await;
            match db::overdue_invoice_ids(&sweep_pool).await {
                Ok(ids) => {
                    for invoice_id in ids {
                        let task = Tasks::Dunning(Dunning::Remind(Remind { invoice_id, attempt: 1 }));
                        if let Err(e) = pg_task::enqueue(&sweep_pool, &task).await {
                            tracing::error!(%invoice_id, error = %e, "enqueue failed");
                        }
                    }
                }
                Err(e) => tracing::error!(error = %e, "overdue sweep failed"),
            }
        }
    });

    tokio::select! {
        res = pg_task::Worker::<Tasks>::new(pool).run() => res?,
        _ = tokio::signal::ctrl_c() => tracing::info!("shutting down"),
    }
    Ok(())
}

//! queue-console: an operator's full-screen view of the jobs queue.
//!
//! Run from an ops jump host (`queue-console`), it redraws every few seconds
//! with queue depths and worker health, and lets the operator requeue failed
//! jobs for the selected queue with `F`. Quit with `q`.
//!
//! Environment: JOBS_DATABASE_URL, WORKER_HEALTH_URLS (comma separated).

mod dashboard;
mod queries;
mod services;

use iocraft::prelude::*;

use crate::dashboard::Dashboard;
use crate::services::Services;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Built once, before the first frame; every component reads them from the
    // context instead of constructing its own.
    let services = Services::connect().await?;
    let pool = services.db.clone();

    element! {
        ContextProvider(value: Context::owned(services)) {
            Dashboard
        }
    }
    .fullscreen()
    .await?;

    pool.close().await;
    Ok(())
}

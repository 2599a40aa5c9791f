mod poller;
mod rollup;
mod state;
mod tenants;

use std::sync::Arc;
use std::time::Duration;

use tokio_graceful_shutdown::{SubsystemBuilder, Toplevel};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Scylla session, Redis manager and HTTP client: built exactly once.
    let state = Arc::new(state::AppState::init().await?);

    let poll_state = state.clone();
    let rollup_state = state.clone();
    Toplevel::new(move |s| async move {
        s.start(SubsystemBuilder::new("poller", move |h| poller::run(h, poll_state)));
        s.start(SubsystemBuilder::new("rollup", move |h| rollup::run(h, rollup_state)));
    })
    .catch_signals()
    .handle_shutdown_requests(Duration::from_secs(10))
    .await
    .map_err(Into::into)
}

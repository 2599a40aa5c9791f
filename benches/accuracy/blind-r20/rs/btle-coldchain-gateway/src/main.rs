use std::collections::HashSet;
use std::sync::Arc;

use btleplug::api::{Central, CentralEvent, Manager as _, Peripheral as _, ScanFilter};
use btleplug::platform::Manager;
use futures::StreamExt;

mod state;
mod tag;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    // Database pool and HTTP client are built here, once, and shared by every tag task.
    let state = Arc::new(state::AppState::init().await?);

    let manager = Manager::new().await?;
    let central = manager
        .adapters()
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no bluetooth adapter"))?;

    let mut events = central.events().await?;
    central.start_scan(ScanFilter { services: vec![tag::TEMP_SERVICE] }).await?;

    let mut tracked = HashSet::new();
    while let Some(event) = events.next().await {
        match event {
            CentralEvent::DeviceDiscovered(id) | CentralEvent::DeviceUpdated(id) => {
                if !tracked.insert(id.clone()) {
                    continue;
                }
                let peripheral = central.peripheral(&id).await?;
                let state = Arc::clone(&state);
                tokio::spawn(async move {
                    if let Err(e) = tag::track(peripheral, state).await {
                        tracing::warn!(error = %e, "tag task ended");
                    }
                });
            }
            CentralEvent::DeviceDisconnected(id) => {
                tracked.remove(&id);
            }
            _ => {}
        }
    }
    Ok(())
}

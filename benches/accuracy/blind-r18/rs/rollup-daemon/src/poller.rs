use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use serde::Deserialize;
use tokio_graceful_shutdown::SubsystemHandle;

use crate::state::AppState;

#[derive(Deserialize)]
struct Reading {
    device_id: String,
    metric: String,
    value: f64,
}

#[derive(Deserialize)]
struct Tenant {
    id: String,
    endpoint: String,
    identity_path: Option<String>,
}

/// Subsystem started once by the Toplevel; ticks every 30 s until shutdown.
pub async fn run(subsys: SubsystemHandle, state: Arc<AppState>) -> Result<()> {
    let tenants: Vec<Tenant> =
        serde_json::from_str(&std::fs::read_to_string("/etc/rollup/tenants.json")?)?;
    let mut tick = tokio::time::interval(Duration::from_secs(30));

    loop {
        tokio::select! {
            _ = subsys.on_shutdown_requested() => break,
            _ = tick.tick() => {
                for t in &tenants {
                    if let Err(e) = poll_tenant(&state, t).await {
                        eprintln!("poll {} failed: {e:#}", t.id);
                    }
                }
            }
        }
    }
    Ok(())
}

async fn poll_tenant(state: &AppState, t: &Tenant) -> Result<()> {
    let client = match &t.identity_path {
        Some(path) => state.tenants.get(&t.id, &tokio::fs::read(path).await?).await?,
        None => state.http.clone(),
    };
    let readings: Vec<Reading> = client
        .get(format!("{}/readings?since=60s", t.endpoint))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let ts = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as i64;
    for r in readings {
        state
            .scylla
            .execute_unpaged(
                &state.insert_sample,
                (r.device_id, scylla::frame::value::CqlTimestamp(ts), r.metric, r.value),
            )
            .await?;
    }
    Ok(())
}

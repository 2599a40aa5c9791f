use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use redis::AsyncCommands;
use tokio_graceful_shutdown::SubsystemHandle;

use crate::state::AppState;

/// Subsystem started once by the Toplevel; recomputes per-device averages
/// every minute and publishes them to Redis for the dashboards.
pub async fn run(subsys: SubsystemHandle, state: Arc<AppState>) -> Result<()> {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    let mut redis = state.redis.clone();

    loop {
        tokio::select! {
            _ = subsys.on_shutdown_requested() => break,
            _ = tick.tick() => {
                let rows = state
                    .scylla
                    .query_unpaged(
                        "SELECT device_id, metric, avg_value FROM telemetry.rollup_1m_latest",
                        (),
                    )
                    .await?
                    .rows_typed::<(String, String, f64)>()?;
                for row in rows {
                    let (device, metric, avg) = row?;
                    let _: () = redis
                        .set_ex(format!("rollup:{device}:{metric}"), avg, 180)
                        .await?;
                }
            }
        }
    }
    Ok(())
}

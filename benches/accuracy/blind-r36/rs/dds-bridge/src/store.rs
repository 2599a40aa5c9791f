use std::time::Duration;

use scylla::prepared_statement::PreparedStatement;
use scylla::{Session, SessionBuilder};

use crate::telemetry::Telemetry;

pub struct TelemetryStore {
    session: Session,
    insert: PreparedStatement,
}

impl TelemetryStore {
    /// Connects once at start-up; the cluster may still be electing when the
    /// depot box powers on, so retry for a while before giving up.
    pub async fn connect(nodes: &[String]) -> anyhow::Result<Self> {
        let mut attempt = 0u32;
        let session = loop {
            attempt += 1;
            match SessionBuilder::new().known_nodes(nodes).build().await {
                Ok(session) => break session,
                Err(e) if attempt < 12 => {
                    tracing::warn!(attempt, error = %e, "scylla not reachable yet");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
                Err(e) => return Err(e.into()),
            }
        };
        let insert = session
            .prepare(
                "INSERT INTO fleet.telemetry (vehicle_id, ts, depot, lat, lon, speed_kph) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .await?;
        Ok(TelemetryStore { session, insert })
    }

    pub async fn write(&self, t: &Telemetry) -> anyhow::Result<()> {
        self.session
            .execute_unpaged(
                &self.insert,
                (&t.vehicle_id, t.timestamp_ms, &t.depot, t.lat, t.lon, t.speed_kph),
            )
            .await?;
        Ok(())
    }
}

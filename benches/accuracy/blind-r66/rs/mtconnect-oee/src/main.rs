mod downtime;
mod mtconnect;
mod oee;

use std::collections::HashMap;
use std::time::Duration;

use serde::Deserialize;
use tracing::{info, warn};

#[derive(Deserialize)]
struct Plant {
    poll_seconds: u64,
    machine: Vec<Machine>,
}

#[derive(Deserialize)]
struct Machine {
    id: String,
    agent: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let plant: Plant = toml::from_str(&std::fs::read_to_string("machines.toml")?)?;
    let store = oee::OeeStore::connect().await?;
    let downtime = downtime::DowntimeLog::connect().await?;

    let mut last: HashMap<String, mtconnect::Snapshot> = HashMap::new();
    let mut tick = tokio::time::interval(Duration::from_secs(plant.poll_seconds));
    info!(machines = plant.machine.len(), "polling MTConnect agents");

    loop {
        tick.tick().await;
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;

        for m in &plant.machine {
            let xml = match http.get(format!("{}/current", m.agent)).send().await {
                Ok(resp) => resp.text().await?,
                Err(e) => {
                    warn!(machine = %m.id, "agent unreachable: {e}");
                    downtime.stopped(&m.id, "AGENT_UNREACHABLE").await?;
                    continue;
                }
            };
            let snap = mtconnect::parse_current(&xml)?;
            store
                .record_sample(&m.id, &snap, plant.poll_seconds as i32)
                .await?;

            let was_running = last.get(&m.id).map(|s| s.is_running()).unwrap_or(false);
            match (was_running, snap.is_running()) {
                (true, false) => downtime.stopped(&m.id, &snap.execution).await?,
                (false, true) => downtime.restarted(&m.id).await?,
                _ => {}
            }
            last.insert(m.id.clone(), snap);
        }
    }
}

mod dispatch;
mod store;
mod telemetry;

use std::sync::Arc;
use std::time::Duration;

use rustdds::{policy, CDRDeserializerAdapter, DomainParticipant, QosPolicyBuilder, TopicKind};
use serde_json::json;

use store::TelemetryStore;
use telemetry::Telemetry;

const OVERSPEED_KPH: f32 = 90.0;

async fn handle(store: Arc<TelemetryStore>, t: Telemetry) {
    if let Err(e) = store.write(&t).await {
        tracing::error!(vehicle = %t.vehicle_id, error = %e, "telemetry write failed");
    }
    if t.speed_kph > OVERSPEED_KPH {
        let res = match dispatch::client_for(&t.depot) {
            Ok(client) => client
                .post(dispatch::dispatch_url(&t.depot))
                .json(&json!({ "vehicle": t.vehicle_id, "speed_kph": t.speed_kph, "at": t.timestamp_ms }))
                .send()
                .await
                .map(|_| ())
                .map_err(anyhow::Error::from),
            Err(e) => Err(e),
        };
        if let Err(e) = res {
            tracing::warn!(depot = %t.depot, error = %e, "overspeed alert not delivered");
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let nodes: Vec<String> = std::env::var("SCYLLA_NODES")
        .unwrap_or_else(|_| "127.0.0.1:9042".into())
        .split(',')
        .map(str::to_owned)
        .collect();
    let store = Arc::new(TelemetryStore::connect(&nodes).await?);

    let domain_id: u16 = std::env::var("DDS_DOMAIN").unwrap_or_else(|_| "0".into()).parse()?;
    let participant = DomainParticipant::new(domain_id)?;
    let qos = QosPolicyBuilder::new()
        .reliability(policy::Reliability::Reliable { max_blocking_time: rustdds::Duration::from_millis(100) })
        .build();
    let topic = participant.create_topic(
        "rt/fleet/telemetry".to_string(),
        "fleet::Telemetry".to_string(),
        &qos,
        TopicKind::NoKey,
    )?;
    let subscriber = participant.create_subscriber(&qos)?;
    let mut reader = subscriber
        .create_datareader_no_key::<Telemetry, CDRDeserializerAdapter<Telemetry>>(&topic, None)?;

    loop {
        match reader.take_next_sample() {
            Ok(Some(sample)) => {
                let t = sample.value().clone();
                tokio::spawn(handle(store.clone(), t));
            }
            Ok(None) => tokio::time::sleep(Duration::from_millis(20)).await,
            Err(e) => {
                tracing::warn!(error = ?e, "dds read error");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
}

mod alerts;
mod db;

use rumqttc::{AsyncClient, Event, MqttOptions, Packet, QoS};
use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, Deserialize)]
struct Telemetry {
    sensor: String,
    value: f64,
    limit: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct Calibration {
    sensor: String,
    offset: f64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool()?;

    // Mark this ingest instance as started.
    let status = pool.get().await?;
    status
        .execute(
            "INSERT INTO ingest_status (instance, started_at) VALUES ($1, now()) \
             ON CONFLICT (instance) DO UPDATE SET started_at = now()",
            &[&hostname()],
        )
        .await?;

    let host = std::env::var("MQTT_HOST").unwrap_or_else(|_| "localhost".into());
    let mut opts = MqttOptions::new("greenhouse-ingest", host, 1883);
    opts.set_keep_alive(Duration::from_secs(30));
    opts.set_clean_session(false);

    let (client, mut eventloop) = AsyncClient::new(opts, 100);
    client.subscribe("greenhouse/+/telemetry", QoS::AtLeastOnce).await?;
    client.subscribe("greenhouse/+/calibrate", QoS::AtLeastOnce).await?;

    loop {
        match eventloop.poll().await {
            Ok(Event::Incoming(Packet::Publish(p))) => {
                let parts: Vec<&str> = p.topic.split('/').collect();
                let (house, kind) = match parts.as_slice() {
                    ["greenhouse", house, kind] => (house.to_string(), kind.to_string()),
                    _ => continue,
                };
                if let Err(e) = handle(&pool, &house, &kind, &p.payload).await {
                    tracing::error!(topic = %p.topic, "handling failed: {e:#}");
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!("mqtt connection error: {e}; retrying");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
}

async fn handle(pool: &deadpool_postgres::Pool, house: &str, kind: &str, payload: &[u8]) -> anyhow::Result<()> {
    match kind {
        "telemetry" => {
            let t: Telemetry = serde_json::from_slice(payload)?;
            db::insert_reading(pool, house, &t.sensor, t.value).await?;
            if let Some(limit) = t.limit {
                if t.value > limit {
                    alerts::raise(house, &t.sensor, t.value, limit).await?;
                }
            }
        }
        "calibrate" => {
            let c: Calibration = serde_json::from_slice(payload)?;
            let client = db::connect_calibration().await?;
            client
                .execute(
                    "UPDATE sensors SET offset_value = $1, calibrated_at = now() WHERE house = $2 AND sensor = $3",
                    &[&c.offset, &house, &c.sensor],
                )
                .await?;
        }
        other => tracing::debug!("ignoring {other}"),
    }
    Ok(())
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "ingest-0".into())
}

mod devices;

use std::time::Duration;

use rumqttc::{AsyncClient, Event, MqttOptions, Packet, QoS};
use scylla::SessionBuilder;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use tracing::{error, info};

#[derive(Deserialize)]
struct Reading {
    ts: i64,
    temperature: f32,
    humidity: f32,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let scylla_node = std::env::var("SCYLLA_NODE").unwrap_or_else(|_| "127.0.0.1:9042".into());
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let mut opts = MqttOptions::new("telemetry-ingest", "mqtt.internal", 1883);
    opts.set_keep_alive(Duration::from_secs(15));
    opts.set_clean_session(false);

    let (client, mut eventloop) = AsyncClient::new(opts, 64);
    client.subscribe("devices/+/telemetry", QoS::AtLeastOnce).await?;
    client.subscribe("devices/+/online", QoS::AtLeastOnce).await?;

    loop {
        let event = match eventloop.poll().await {
            Ok(ev) => ev,
            Err(e) => {
                error!(error = %e, "mqtt connection error, retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };

        let Event::Incoming(Packet::Publish(publish)) = event else { continue };
        let mut parts = publish.topic.split('/');
        let (Some("devices"), Some(device_id), Some(kind)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let device_id = device_id.to_string();

        match kind {
            "online" => {
                if let Err(e) = devices::track_online(&pool, device_id).await {
                    error!(error = %e, "could not mark device online");
                }
            }
            "telemetry" => {
                let reading: Reading = match serde_json::from_slice(&publish.payload) {
                    Ok(r) => r,
                    Err(e) => {
                        error!(error = %e, "bad telemetry payload");
                        continue;
                    }
                };

                let session = SessionBuilder::new()
                    .known_node(&scylla_node)
                    .connection_timeout(Duration::from_secs(3))
                    .build()
                    .await?;
                session
                    .query(
                        "INSERT INTO telemetry.readings (device_id, ts, temperature, humidity) VALUES (?, ?, ?, ?)",
                        (&device_id, reading.ts, reading.temperature, reading.humidity),
                    )
                    .await?;
                info!(%device_id, "stored reading");
            }
            _ => {}
        }
    }
}

mod devices;
mod storage;

use std::thread;

use rumqttd::{Broker, Config, Notification};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Reading {
    device_id: String,
    temperature_c: f64,
    battery_pct: u8,
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let settings = config::Config::builder()
        .add_source(config::File::with_name("rumqttd.toml"))
        .build()?;
    let broker_config: Config = settings.try_deserialize()?;

    let store = storage::open()?;
    let registry = devices::registry()?;

    let mut broker = Broker::new(broker_config);
    let (mut link_tx, mut link_rx) = broker.link("fleet-ingest")?;
    thread::spawn(move || {
        if let Err(e) = broker.start() {
            tracing::error!("broker stopped: {e}");
        }
    });

    link_tx.subscribe("fleet/+/telemetry")?;

    loop {
        let notification = match link_rx.recv()? {
            Some(n) => n,
            None => continue,
        };
        let Notification::Forward(forward) = notification else {
            continue;
        };

        let reading: Reading = match serde_json::from_slice(&forward.publish.payload) {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(topic = ?forward.publish.topic, "bad payload: {e}");
                continue;
            }
        };

        let Some(device) = registry.find(&reading.device_id)? else {
            tracing::warn!("unknown device {}", reading.device_id);
            continue;
        };
        store.insert(&device.site, &reading.device_id, reading.temperature_c, reading.battery_pct)?;

        let counters = redis::Client::open("redis://127.0.0.1:6379/")?;
        let mut con = counters.get_connection()?;
        redis::cmd("HINCRBY").arg(format!("fleet:msgs:{}", device.site)).arg(&reading.device_id).arg(1).query::<()>(&mut con)?;

        if reading.temperature_c > device.max_temp_c || reading.battery_pct < 10 {
            let http = reqwest::blocking::Client::new();
            let resp = http
                .post(&device.alert_webhook)
                .json(&serde_json::json!({
                    "device": reading.device_id,
                    "site": device.site,
                    "temperature_c": reading.temperature_c,
                    "battery_pct": reading.battery_pct,
                }))
                .send();
            if let Err(e) = resp {
                tracing::error!("alert webhook failed: {e}");
            }
        }
    }
}

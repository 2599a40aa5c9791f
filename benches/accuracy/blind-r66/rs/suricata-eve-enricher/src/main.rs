mod tenants;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use elasticsearch::IndexParts;
use maxminddb::{geoip2, Reader};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tracing::{info, warn};

struct State {
    geo: Reader<Vec<u8>>,
    customers: tenants::SensorsFile,
    sensor_owner: HashMap<String, String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let customers: tenants::SensorsFile =
        toml::from_str(&std::fs::read_to_string("/etc/eve-enricher/sensors.toml")?)?;
    let sensor_owner = customers
        .customers
        .iter()
        .flat_map(|(name, c)| c.sensors.iter().map(move |s| (s.clone(), name.clone())))
        .collect();
    let state = Arc::new(State {
        geo: Reader::open_readfile("/var/lib/GeoIP/GeoLite2-Country.mmdb")?,
        customers,
        sensor_owner,
    });

    let path = "/run/eve-enricher/eve.sock";
    let _ = std::fs::remove_file(path);
    let listener = UnixListener::bind(path)?;
    info!(path, "waiting for suricata");
    loop {
        // Suricata keeps one stream open and reconnects after a restart or rule reload.
        let (stream, _) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = pump(stream, &state).await {
                warn!("eve stream ended: {e:#}");
            }
        });
    }
}

async fn pump(stream: UnixStream, state: &State) -> anyhow::Result<()> {
    let mut lines = BufReader::new(stream).lines();
    while let Some(line) = lines.next_line().await? {
        let mut event: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        if event["event_type"] != "alert" {
            continue;
        }
        let sensor = event["host"].as_str().unwrap_or_default().to_string();
        let Some(customer) = state.sensor_owner.get(&sensor) else {
            warn!(%sensor, "alert from unknown sensor dropped");
            continue;
        };
        let cfg = &state.customers.customers[customer];

        for (field, geo_field) in [("src_ip", "src_geo"), ("dest_ip", "dest_geo")] {
            if let Some(ip) = event[field].as_str().and_then(|s| s.parse::<IpAddr>().ok()) {
                if let Ok(country) = state.geo.lookup::<geoip2::Country>(ip) {
                    let iso = country.country.and_then(|c| c.iso_code).unwrap_or("--");
                    event[geo_field] = json!({ "country": iso });
                }
            }
        }

        let es = tenants::client_for(customer, cfg).await?;
        let index = format!("suricata-alerts-{}", chrono::Utc::now().format("%Y.%m.%d"));
        let resp = es
            .index(IndexParts::Index(&index))
            .body(event)
            .send()
            .await?;
        if !resp.status_code().is_success() {
            warn!(%customer, status = %resp.status_code(), "index rejected");
        }
    }
    Ok(())
}

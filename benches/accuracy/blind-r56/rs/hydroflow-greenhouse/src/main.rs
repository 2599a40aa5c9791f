//! Greenhouse telemetry collector. Every sensor node sends one serialized
//! `Reading` per UDP datagram (about 2 Hz per node, ~300 nodes); a Hydroflow
//! graph fans each reading out to storage and alerting.

mod rollup;
mod store;

use hydroflow::hydroflow_syntax;
use hydroflow::util::{bind_udp_bytes, ipv4_resolve};
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reading {
    pub node: String,
    pub zone: String,
    pub metric: String,
    pub value: f64,
    pub ts_ms: i64,
}

fn threshold(metric: &str) -> Option<f64> {
    match metric {
        "temp_c" => Some(35.0),
        "humidity_pct" => Some(95.0),
        "co2_ppm" => Some(1500.0),
        _ => None,
    }
}

async fn raise_alert(http: reqwest::Client, webhook: String, r: Reading) {
    let body = serde_json::json!({
        "text": format!("{} in zone {} is {:.1} (node {})", r.metric, r.zone, r.value, r.node),
    });
    if let Err(e) = http.post(&webhook).json(&body).send().await {
        tracing::warn!(error = %e, "alert webhook failed");
    }
}

#[hydroflow::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pg = PgPoolOptions::new()
        .max_connections(3)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    tokio::task::spawn_local(rollup::run(pg.clone()));

    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
    let webhook = std::env::var("ALERT_WEBHOOK_URL")?;

    let (_outbound, inbound, local) = bind_udp_bytes(ipv4_resolve("0.0.0.0:9400")?).await;
    tracing::info!(%local, "listening for sensor datagrams");

    let mut flow = hydroflow_syntax! {
        readings = source_stream_serde(inbound)
            -> map(Result::unwrap)
            -> map(|(reading, _from): (Reading, SocketAddr)| reading)
            -> tee();

        readings
            -> for_each(|r: Reading| { tokio::task::spawn_local(store::insert(r)); });

        readings
            -> filter(|r: &Reading| threshold(&r.metric).is_some_and(|t| r.value > t))
            -> for_each(|r: Reading| {
                tokio::task::spawn_local(raise_alert(http.clone(), webhook.clone(), r));
            });
    };

    flow.run_async().await;
    Ok(())
}

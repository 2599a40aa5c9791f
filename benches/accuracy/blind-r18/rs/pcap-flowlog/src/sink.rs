use anyhow::Result;
use clickhouse::{Client, Row};
use serde::Serialize;

use crate::enrich;
use crate::flows::Flow;

#[derive(Row, Serialize)]
struct FlowRow {
    first_seen: u64,
    src: String,
    dst: String,
    sport: u16,
    dport: u16,
    proto: u8,
    packets: u64,
    bytes: u64,
    dst_asn_name: String,
}

/// ClickHouse client for the flow tables; built once in main.
pub fn client() -> Client {
    Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://127.0.0.1:8123".into()))
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "flowlog".into()))
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
        .with_database("netflow")
}

pub async fn write_flows(ch: &Client, flows: Vec<Flow>) -> Result<()> {
    let names = enrich::asn_names(&flows).await?;
    let mut insert = ch.insert("flows")?;
    for f in flows {
        insert
            .write(&FlowRow {
                first_seen: f.first_seen,
                src: f.key.src.to_string(),
                dst: f.key.dst.to_string(),
                sport: f.key.sport,
                dport: f.key.dport,
                proto: f.key.proto,
                packets: f.packets,
                bytes: f.bytes,
                dst_asn_name: names.get(&f.key.dst.to_string()).cloned().unwrap_or_default(),
            })
            .await?;
    }
    insert.end().await?;
    Ok(())
}

use std::net::SocketAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use clickhouse::Row;
use serde::Serialize;

#[derive(Debug, Row, Serialize)]
struct AccessRow {
    ts: u32,
    method: String,
    path: String,
    principal: String,
    status: u16,
    peer: String,
}

/// Ships one access-log row to ClickHouse for the compliance dashboard.
pub async fn record(method: String, path: String, principal: String, status: u16, peer: SocketAddr) {
    let row = AccessRow {
        ts: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or_default(),
        method,
        path,
        principal,
        status,
        peer: peer.ip().to_string(),
    };
    if let Err(err) = write(&row).await {
        tracing::warn!(error = %err, "access log row dropped");
    }
}

async fn write(row: &AccessRow) -> clickhouse::error::Result<()> {
    let client = clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()))
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "default".into()))
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
        .with_database("dav");
    let mut insert = client.insert("access_log")?;
    insert.write(row).await?;
    insert.end().await
}

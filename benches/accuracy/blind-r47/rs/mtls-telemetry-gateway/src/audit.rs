//! Session audit trail in ClickHouse.

use clickhouse::Row;
use serde::Serialize;

#[derive(Row, Serialize)]
struct SessionRow {
    peer: String,
    device_id: String,
    frames: u64,
    closed_at: u32,
}

pub async fn record_session(peer: &str, device_id: &str, frames: u64) -> clickhouse::error::Result<()> {
    let client = clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()))
        .with_database("fleet")
        .with_user("gateway");
    let mut insert = client.insert("gateway_sessions")?;
    insert
        .write(&SessionRow {
            peer: peer.to_string(),
            device_id: device_id.to_string(),
            frames,
            closed_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as u32)
                .unwrap_or_default(),
        })
        .await?;
    insert.end().await
}

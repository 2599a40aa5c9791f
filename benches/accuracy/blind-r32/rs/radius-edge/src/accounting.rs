use clickhouse::{Client, Row};
use serde::Serialize;

#[derive(Debug, Row, Serialize)]
pub struct AcctRow {
    pub session_id: String,
    pub username: String,
    pub status: u32,
    pub input_octets: u32,
    pub output_octets: u32,
    pub nas: String,
}

/// ClickHouse client for the accounting table.
pub fn sink() -> Client {
    Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()))
        .with_user("radius")
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
        .with_database("netops")
}

pub async fn store(client: &Client, row: AcctRow) -> clickhouse::error::Result<()> {
    let mut insert = client.insert("radius_accounting")?;
    insert.write(&row).await?;
    insert.end().await
}

//! Raw readings go to ClickHouse for the temperature history reports.
use clickhouse::{Client, Row};
use serde::Serialize;

#[derive(Row, Serialize)]
struct Reading<'a> {
    client_id: &'a str,
    topic: &'a str,
    value: f64,
}

pub async fn store(ch_url: &str, client_id: &str, topic: &str, value: f64) -> clickhouse::error::Result<()> {
    let client = Client::default().with_url(ch_url).with_database("coldchain");
    let mut insert = client.insert("readings")?;
    insert.write(&Reading { client_id, topic, value }).await?;
    insert.end().await
}

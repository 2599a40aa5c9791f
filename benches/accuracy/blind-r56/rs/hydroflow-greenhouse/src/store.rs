//! Raw readings go to ClickHouse.

use crate::Reading;
use clickhouse::Row;
use serde::Serialize;

#[derive(Row, Serialize)]
struct ReadingRow<'a> {
    node: &'a str,
    zone: &'a str,
    metric: &'a str,
    value: f64,
    ts_ms: i64,
}

fn clickhouse_url() -> String {
    std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse.greenhouse.lan:8123".into())
}

/// Called from the dataflow for every single datagram.
pub async fn insert(r: Reading) {
    let client = clickhouse::Client::default()
        .with_url(clickhouse_url())
        .with_user("telemetry")
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
        .with_database("greenhouse");

    let result = async {
        let mut insert = client.insert("readings")?;
        insert
            .write(&ReadingRow { node: &r.node, zone: &r.zone, metric: &r.metric, value: r.value, ts_ms: r.ts_ms })
            .await?;
        insert.end().await
    }
    .await;

    if let Err(e) = result {
        tracing::warn!(node = %r.node, error = %e, "clickhouse insert failed");
    }
}

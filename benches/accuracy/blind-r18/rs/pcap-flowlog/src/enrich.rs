use std::collections::HashMap;
use std::sync::LazyLock;

use anyhow::Result;
use clickhouse::{Client, Row};
use serde::Deserialize;

use crate::flows::Flow;

// ASN dictionary lives next to the flow tables.
static CH: LazyLock<Client> = LazyLock::new(|| {
    Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://127.0.0.1:8123".into()))
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "flowlog".into()))
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
        .with_database("netflow")
});

#[derive(Row, Deserialize)]
struct AsnRow {
    ip: String,
    name: String,
}

pub async fn asn_names(flows: &[Flow]) -> Result<HashMap<String, String>> {
    let ips: Vec<String> = flows.iter().map(|f| f.key.dst.to_string()).collect();
    let rows = CH
        .query(
            "SELECT ip, dictGetOrDefault('asn_dict', 'name', toIPv6(ip), '') AS name \
             FROM (SELECT arrayJoin(?) AS ip)",
        )
        .bind(ips)
        .fetch_all::<AsnRow>()
        .await?;
    Ok(rows.into_iter().map(|r| (r.ip, r.name)).collect())
}

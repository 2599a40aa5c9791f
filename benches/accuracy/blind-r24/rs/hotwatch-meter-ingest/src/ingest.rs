use std::path::Path;

use anyhow::{Context, Result};
use influxdb::InfluxDbWriteable;
use sha2::{Digest, Sha256};

use crate::audit::AuditLog;
use crate::catalog::Catalog;
use crate::parse;

/// Runs once per spool file event.
pub async fn ingest_file(catalog: &Catalog, audit: &AuditLog, path: &Path) -> Result<()> {
    let raw = tokio::fs::read_to_string(path)
        .await
        .with_context(|| format!("reading {}", path.display()))?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let checksum = hex::encode(Sha256::digest(raw.as_bytes()));

    if catalog.already_ingested(&file_name, &checksum).await? {
        tracing::debug!(%file_name, "duplicate drop, skipping");
        return Ok(());
    }

    let readings = parse::readings(&raw)?;
    if readings.is_empty() {
        return Ok(());
    }

    let influx_url = std::env::var("INFLUX_URL").unwrap_or_else(|_| "http://influxdb:8086".into());
    let token = std::env::var("INFLUX_TOKEN").unwrap_or_default();
    let influx = influxdb::Client::new(influx_url, "metering").with_token(token);

    let writes: Vec<_> = readings
        .iter()
        .cloned()
        .map(|r| r.into_query("energy"))
        .collect();
    influx.query(writes).await.context("influx write")?;

    catalog.mark_ingested(&file_name, &checksum, readings.len() as i64).await?;
    audit
        .record("meter_file_ingested", &file_name, &format!("{} readings", readings.len()))
        .await?;
    Ok(())
}

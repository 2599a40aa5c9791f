use std::sync::Arc;

use bytes::Bytes;
use serde::Deserialize;

use crate::state::AppState;

#[derive(Deserialize)]
pub struct Reading {
    pub sensor: String,
    pub metric: String,
    pub value: f64,
    pub ts: chrono::DateTime<chrono::Utc>,
}

#[derive(Deserialize)]
pub struct Batch {
    pub device: String,
    pub readings: Vec<Reading>,
}

/// Handles one bidirectional stream = one batch. Replies with the number of rows stored.
pub async fn handle_batch(state: &Arc<AppState>, raw: &[u8]) -> anyhow::Result<Bytes> {
    let batch: Batch = serde_json::from_slice(raw)?;

    let mut tx = state.pool.begin().await?;
    for r in &batch.readings {
        sqlx::query(
            "INSERT INTO readings (device, sensor, metric, value, ts) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&batch.device)
        .bind(&r.sensor)
        .bind(&r.metric)
        .bind(r.value)
        .bind(r.ts)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;

    let over: Vec<&Reading> = batch.readings.iter().filter(|r| r.metric == "temp_c" && r.value > 85.0).collect();
    if !over.is_empty() {
        let body = serde_json::json!({ "device": batch.device, "overheating": over.len() });
        if let Err(e) = state.http.post(&state.alert_webhook).json(&body).send().await {
            tracing::warn!(error = %e, "alert webhook failed");
        }
    }

    Ok(Bytes::from(format!("{{\"stored\":{}}}", batch.readings.len())))
}

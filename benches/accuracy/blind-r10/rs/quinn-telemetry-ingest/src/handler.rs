use std::sync::Arc;

use quinn::{RecvStream, SendStream};
use serde::{Deserialize, Serialize};

use crate::Shared;

#[derive(Deserialize, Serialize)]
struct Reading {
    metric: String,
    value: f64,
    ts: f64,
    #[serde(default)]
    critical: bool,
}

#[derive(Deserialize, Serialize)]
struct Batch {
    device_id: String,
    readings: Vec<Reading>,
}

/// One QUIC connection per device; each bidirectional stream carries one batch.
pub async fn connection(incoming: quinn::Incoming, shared: Arc<Shared>) -> anyhow::Result<()> {
    let conn = incoming.await?;
    tracing::debug!(peer = %conn.remote_address(), "device connected");
    loop {
        let (send, recv) = match conn.accept_bi().await {
            Err(quinn::ConnectionError::ApplicationClosed(_)) => return Ok(()),
            Err(e) => return Err(e.into()),
            Ok(streams) => streams,
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            if let Err(e) = batch(send, recv, &shared).await {
                tracing::warn!(error = %e, "batch rejected");
            }
        });
    }
}

async fn batch(mut send: SendStream, mut recv: RecvStream, shared: &Shared) -> anyhow::Result<()> {
    let body = recv.read_to_end(256 * 1024).await?;
    let batch: Batch = serde_json::from_slice(&body)?;

    let mut tx = shared.db.begin().await?;
    for r in &batch.readings {
        sqlx::query(
            "INSERT INTO readings (device_id, metric, value, ts) VALUES ($1, $2, $3, to_timestamp($4))",
        )
        .bind(&batch.device_id)
        .bind(&r.metric)
        .bind(r.value)
        .bind(r.ts)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;

    if batch.readings.iter().any(|r| r.critical) {
        shared
            .http
            .post(&shared.forward_url)
            .json(&batch)
            .send()
            .await?
            .error_for_status()?;
    }

    send.write_all(br#"{"ok":true}"#).await?;
    send.finish()?;
    Ok(())
}

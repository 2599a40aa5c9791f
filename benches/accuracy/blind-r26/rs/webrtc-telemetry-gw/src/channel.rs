use std::sync::Arc;
use std::time::Duration;

use redis::AsyncCommands;
use serde::Deserialize;
use sqlx::PgPool;
use webrtc::data_channel::data_channel_message::DataChannelMessage;
use webrtc::data_channel::RTCDataChannel;

#[derive(Deserialize)]
struct Reading {
    metric: String,
    value: f64,
    ts: i64,
}

/// Wires one device's data channel: readings in, queued commands out.
pub fn attach(dc: Arc<RTCDataChannel>, pool: PgPool, device: String) {
    let open_dc = Arc::clone(&dc);
    let open_pool = pool.clone();
    let open_device = device.clone();
    dc.on_open(Box::new(move || {
        let dc = Arc::clone(&open_dc);
        let pool = open_pool.clone();
        let device = open_device.clone();
        Box::pin(async move {
            tokio::spawn(async move {
                if let Err(e) = push_commands(dc, pool, device).await {
                    tracing::warn!(error = %e, "command pump stopped");
                }
            });
        })
    }));

    dc.on_message(Box::new(move |msg: DataChannelMessage| {
        let pool = pool.clone();
        let device = device.clone();
        Box::pin(async move {
            let Ok(reading) = serde_json::from_slice::<Reading>(&msg.data) else {
                tracing::debug!(%device, "ignoring malformed frame");
                return;
            };
            if let Err(e) = store_reading(&pool, &device, reading).await {
                tracing::warn!(%device, error = %e, "failed to store reading");
            }
        })
    }));
}

async fn store_reading(pool: &PgPool, device: &str, r: Reading) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO readings (device_id, metric, value, ts) VALUES ($1, $2, $3, to_timestamp($4))")
        .bind(device)
        .bind(&r.metric)
        .bind(r.value)
        .bind(r.ts)
        .execute(pool)
        .await?;

    let redis_client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let mut con = redis_client.get_multiplexed_async_connection().await?;
    let _: () = con.hset(format!("device:{device}:latest"), &r.metric, r.value).await?;
    Ok(())
}

async fn push_commands(dc: Arc<RTCDataChannel>, pool: PgPool, device: String) -> anyhow::Result<()> {
    let mut conn = pool.acquire().await?;
    loop {
        let pending: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, payload FROM device_commands WHERE device_id = $1 AND sent_at IS NULL ORDER BY id",
        )
        .bind(&device)
        .fetch_all(&mut *conn)
        .await?;

        for (id, payload) in pending {
            if dc.send_text(payload).await.is_ok() {
                sqlx::query("UPDATE device_commands SET sent_at = now() WHERE id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}

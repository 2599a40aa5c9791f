mod archive;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt;
use sqlx::mysql::{MySqlPool, MySqlPoolOptions};
use syslog_loose::{parse_message, Variant};
use tokio::net::UdpSocket;
use tokio::sync::Mutex;
use tokio_util::codec::BytesCodec;
use tokio_util::udp::UdpFramed;

type Buffers = Arc<Mutex<HashMap<String, Vec<String>>>>;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = MySqlPoolOptions::new()
        .max_connections(8)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let buffers: Buffers = Arc::new(Mutex::new(HashMap::new()));
    tokio::spawn(flush_loop(pool.clone(), buffers.clone()));

    let socket = UdpSocket::bind("0.0.0.0:5514").await?;
    let mut frames = UdpFramed::new(socket, BytesCodec::new());
    tracing::info!("listening for syslog on udp/5514");

    // One iteration per received datagram.
    while let Some(frame) = frames.next().await {
        let (bytes, peer) = match frame {
            Ok(frame) => frame,
            Err(e) => {
                tracing::warn!(error = %e, "bad datagram");
                continue;
            }
        };
        let pool = pool.clone();
        let buffers = buffers.clone();
        tokio::spawn(async move {
            if let Err(e) = ingest(&pool, &buffers, peer, bytes.freeze()).await {
                tracing::warn!(%peer, error = %e, "event dropped");
            }
        });
    }
    Ok(())
}

async fn ingest(pool: &MySqlPool, buffers: &Buffers, peer: SocketAddr, raw: Bytes) -> anyhow::Result<()> {
    let line = String::from_utf8_lossy(&raw).into_owned();
    let msg = parse_message(&line, Variant::Either);
    // Tenants prefix their app name: "acme.billing-api".
    let appname = msg.appname.unwrap_or("unknown");
    let tenant = appname.split_once('.').map(|(t, _)| t).unwrap_or("shared").to_owned();

    sqlx::query(
        "INSERT INTO syslog_events (tenant, host, app, severity, message, peer, received_at)
         VALUES (?, ?, ?, ?, ?, ?, NOW())",
    )
    .bind(&tenant)
    .bind(msg.hostname.unwrap_or("-"))
    .bind(appname)
    .bind(msg.severity.map(|s| format!("{s:?}")).unwrap_or_else(|| "SEV_INFO".into()))
    .bind(msg.msg)
    .bind(peer.to_string())
    .execute(pool)
    .await?;

    buffers.lock().await.entry(tenant).or_default().push(line.clone());
    Ok(())
}

/// Every 30 s, writes each tenant's buffered raw lines as one archive object.
async fn flush_loop(pool: MySqlPool, buffers: Buffers) {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        let drained: HashMap<String, Vec<String>> = std::mem::take(&mut *buffers.lock().await);
        for (tenant, lines) in drained {
            let op = match archive::operator_for(&tenant).await {
                Ok(Some(op)) => op,
                Ok(None) => continue, // tenant has no dedicated archive
                Err(e) => {
                    tracing::warn!(%tenant, error = %e, "archive operator unavailable");
                    continue;
                }
            };
            let path = format!("{}/{}.log", chrono::Utc::now().format("%Y/%m/%d"), chrono::Utc::now().timestamp_millis());
            let count = lines.len() as i64;
            if let Err(e) = op.write(&path, lines.join("\n").into_bytes()).await {
                tracing::warn!(%tenant, error = %e, "archive write failed");
                continue;
            }
            let _ = sqlx::query("INSERT INTO archive_objects (tenant, path, lines, written_at) VALUES (?, ?, ?, NOW())")
                .bind(&tenant)
                .bind(&path)
                .bind(count)
                .execute(&pool)
                .await;
        }
    }
}

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::bail;
use bytes::BytesMut;
use futures::StreamExt;
use srt_tokio::SrtSocket;

use crate::segments;
use crate::Shared;

/// Flush a segment every 6 s of media or 8 MiB, whichever comes first.
const SEGMENT_DURATION: Duration = Duration::from_secs(6);
const SEGMENT_BYTES: usize = 8 * 1024 * 1024;

/// One publishing encoder. Contribution feeds typically stay up for hours.
pub async fn run(
    shared: Arc<Shared>,
    mut socket: SrtSocket,
    channel: String,
    key: String,
) -> anyhow::Result<()> {
    let mut conn = shared.db.acquire().await?;

    let authorised: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM channels WHERE slug = $1 AND stream_key = $2 AND NOT disabled",
    )
    .bind(&channel)
    .bind(&key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((channel_id,)) = authorised else {
        bail!("bad stream key for channel {channel}");
    };

    let (session_id,): (i64,) = sqlx::query_as(
        "INSERT INTO ingest_sessions (channel_id, started_at) VALUES ($1, now()) RETURNING id",
    )
    .bind(channel_id)
    .fetch_one(&mut *conn)
    .await?;
    tracing::info!(channel, session_id, "encoder connected");

    let mut buffer = BytesMut::with_capacity(SEGMENT_BYTES);
    let mut segment_started = Instant::now();
    let mut sequence: u64 = 0;
    let mut total_bytes: u64 = 0;

    while let Some(packet) = socket.next().await {
        let (_sent_at, payload) = match packet {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(channel, "receive error: {e}");
                break;
            }
        };
        total_bytes += payload.len() as u64;
        buffer.extend_from_slice(&payload);

        if buffer.len() >= SEGMENT_BYTES || segment_started.elapsed() >= SEGMENT_DURATION {
            let segment = buffer.split().freeze();
            segments::archive(&shared, &channel, session_id, sequence, segment).await?;
            sequence += 1;
            segment_started = Instant::now();
        }
    }

    if !buffer.is_empty() {
        segments::archive(&shared, &channel, session_id, sequence, buffer.freeze()).await?;
    }

    sqlx::query("UPDATE ingest_sessions SET ended_at = now(), bytes = $2 WHERE id = $1")
        .bind(session_id)
        .bind(total_bytes as i64)
        .execute(&mut *conn)
        .await?;
    tracing::info!(channel, session_id, total_bytes, "encoder disconnected");
    Ok(())
}

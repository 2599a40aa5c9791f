//! One task per concentrator connection. Each concentrator streams lines
//! `meter_id,unix_ts,wh` and sends `FLUSH` when a batch is complete.

use std::net::SocketAddr;
use std::rc::Rc;

use serde::Serialize;
use tokio_uring::net::TcpStream;

use crate::Shared;

#[derive(Debug, Serialize)]
struct Reading {
    meter_id: String,
    ts: i64,
    wh: i64,
}

fn parse(line: &str) -> Option<Reading> {
    let mut parts = line.split(',');
    let meter_id = parts.next()?.trim().to_owned();
    let ts = parts.next()?.trim().parse().ok()?;
    let wh = parts.next()?.trim().parse().ok()?;
    Some(Reading { meter_id, ts, wh })
}

async fn store(shared: &Shared, readings: &[Reading]) -> anyhow::Result<()> {
    let mut tx = shared.pool.begin().await?;
    for r in readings {
        sqlx::query(
            "INSERT INTO meter_readings (meter_id, read_at, wh) \
             VALUES ($1, to_timestamp($2), $3) ON CONFLICT DO NOTHING",
        )
        .bind(&r.meter_id)
        .bind(r.ts as f64)
        .bind(r.wh)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;

    shared
        .grid
        .post(&shared.grid_url)
        .json(readings)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

pub async fn serve(stream: TcpStream, peer: SocketAddr, shared: Rc<Shared>) -> anyhow::Result<()> {
    let mut pending: Vec<u8> = Vec::new();
    let mut batch: Vec<Reading> = Vec::new();
    let mut buf = vec![0u8; 8 * 1024];

    loop {
        let (res, b) = stream.read(buf).await;
        buf = b;
        let n = res?;
        if n == 0 {
            break;
        }
        pending.extend_from_slice(&buf[..n]);

        while let Some(pos) = pending.iter().position(|&c| c == b'\n') {
            let line: Vec<u8> = pending.drain(..=pos).collect();
            let line = String::from_utf8_lossy(&line).trim().to_string();

            if line == "FLUSH" {
                let reply = match store(&shared, &batch).await {
                    Ok(()) => format!("OK {}\n", batch.len()),
                    Err(e) => {
                        tracing::error!(%peer, "batch failed: {e:#}");
                        "RETRY\n".to_string()
                    }
                };
                batch.clear();
                let (res, _) = stream.write_all(reply.into_bytes()).await;
                res?;
            } else if let Some(reading) = parse(&line) {
                batch.push(reading);
            } else if !line.is_empty() {
                tracing::debug!(%peer, %line, "ignoring malformed line");
            }
        }
    }

    if !batch.is_empty() {
        tracing::warn!(%peer, dropped = batch.len(), "connection closed before FLUSH");
    }
    Ok(())
}

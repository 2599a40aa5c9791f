use std::time::Duration;

use anyhow::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct TextPacket {
    pub packet_id: u32,
    pub from_node: u32,
    pub channel: u32,
    pub rx_snr: f32,
    pub text: String,
}

/// The gateway Pi often boots before the LTE modem has a link; retry until the
/// database answers, then hand the single pool to the packet loop.
pub async fn connect_with_retry(url: &str) -> Result<PgPool> {
    let mut attempt: u64 = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 15 => {
                log::warn!("database not reachable ({}), retry {} in {}s", e, attempt, attempt * 2);
                tokio::time::sleep(Duration::from_secs(attempt * 2)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Store one text message and refresh the sender's last-heard row.
/// Returns false if the mesh re-delivered a packet we already have.
pub async fn save_text(pool: &PgPool, pkt: &TextPacket) -> Result<bool> {
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO mesh_messages (packet_id, from_node, channel, body, received_at) \
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (packet_id, from_node) DO NOTHING",
    )
    .bind(pkt.packet_id as i64)
    .bind(pkt.from_node as i64)
    .bind(pkt.channel as i32)
    .bind(&pkt.text)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    sqlx::query(
        "INSERT INTO mesh_nodes (node_id, last_heard, last_snr) VALUES ($1, now(), $2) \
         ON CONFLICT (node_id) DO UPDATE SET last_heard = now(), last_snr = EXCLUDED.last_snr",
    )
    .bind(pkt.from_node as i64)
    .bind(pkt.rx_snr)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(inserted)
}

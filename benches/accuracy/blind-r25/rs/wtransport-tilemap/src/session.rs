//! One WebTransport session per editor tab. Each request arrives on its own
//! bidirectional stream as a single JSON line; the reply goes back on the
//! same stream.

use std::sync::Arc;

use redis::AsyncCommands;
use serde::Deserialize;
use tracing::info;
use wtransport::endpoint::IncomingSession;
use wtransport::{RecvStream, SendStream};

use crate::Lobby;

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Request {
    Lock { map_id: i64, tile_id: i64 },
    Unlock { map_id: i64, tile_id: i64, tiles: serde_json::Value },
    Snapshot { map_id: i64 },
}

pub async fn run(id: u64, incoming: IncomingSession, lobby: Arc<Lobby>) -> anyhow::Result<()> {
    let request = incoming.await?;
    info!(session = id, path = request.path(), "session request");
    let connection = request.accept().await?;

    loop {
        let (send, recv) = connection.accept_bi().await?;
        let lobby = lobby.clone();
        tokio::spawn(async move {
            if let Err(e) = handle_stream(&lobby, send, recv).await {
                tracing::warn!(session = id, error = %e, "stream failed");
            }
        });
    }
}

async fn handle_stream(lobby: &Lobby, mut send: SendStream, mut recv: RecvStream) -> anyhow::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    let n = recv.read(&mut buf).await?.unwrap_or(0);
    let req: Request = serde_json::from_slice(&buf[..n])?;

    let reply = match req {
        Request::Lock { map_id, tile_id } => {
            let conn = lobby.pool.get().await?;
            let row = conn
                .query_one("SELECT pg_try_advisory_lock($1, $2)", &[&(map_id as i32), &(tile_id as i32)])
                .await?;
            let got: bool = row.get(0);
            if got {
                lobby.tile_locks.insert((map_id, tile_id), conn);
            }
            serde_json::json!({ "locked": got })
        }
        Request::Unlock { map_id, tile_id, tiles } => {
            let (_, conn) = lobby
                .tile_locks
                .remove(&(map_id, tile_id))
                .ok_or_else(|| anyhow::anyhow!("tile not locked"))?;
            conn.execute(
                "UPDATE tiles SET data = $3, version = version + 1 WHERE map_id = $1 AND tile_id = $2",
                &[&map_id, &tile_id, &tiles],
            )
            .await?;
            conn.execute("SELECT pg_advisory_unlock($1, $2)", &[&(map_id as i32), &(tile_id as i32)])
                .await?;
            serde_json::json!({ "saved": true })
        }
        Request::Snapshot { map_id } => {
            let cache = redis::Client::open(lobby.redis_url.as_str())?;
            let mut con = cache.get_multiplexed_async_connection().await?;
            let cached: Option<String> = con.get(format!("map:{map_id}:snapshot")).await?;
            match cached {
                Some(s) => serde_json::from_str(&s)?,
                None => {
                    let client = lobby.pool.get().await?;
                    let row = client
                        .query_one("SELECT snapshot FROM maps WHERE id = $1", &[&map_id])
                        .await?;
                    let snap: serde_json::Value = row.get(0);
                    let _: () = con.set_ex(format!("map:{map_id}:snapshot"), snap.to_string(), 30).await?;
                    snap
                }
            }
        }
    };

    send.write_all(serde_json::to_vec(&reply)?.as_slice()).await?;
    send.finish().await?;
    Ok(())
}

mod matchlog;
mod roster;

use std::time::Duration;

use anyhow::Context;
use tokio::net::UdpSocket;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mut sdk = agones::Sdk::new(None, None)
        .await
        .context("could not reach the Agones SDK sidecar")?;

    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    let log = matchlog::MatchLog::connect(&db_url).await?;
    let roster = roster::Roster::connect(&db_url).await?;

    let health = sdk.health_check();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(2));
        loop {
            every.tick().await;
            if health.send(()).await.is_err() {
                break;
            }
        }
    });

    // Mirror every GameServer change (Ready -> Allocated -> Shutdown, label edits by the
    // allocator) into the lobby directory the matchmaker reads.
    let mut watcher = sdk.clone();
    let watch_log = log.clone();
    tokio::spawn(async move {
        let mut stream = match watcher.watch_gameserver().await {
            Ok(stream) => stream,
            Err(e) => {
                tracing::error!("watch_gameserver failed: {e}");
                return;
            }
        };
        while let Ok(Some(gs)) = stream.message().await {
            let meta = gs.object_meta.unwrap_or_default();
            let state = gs.status.map(|s| s.state).unwrap_or_default();
            let map = meta.labels.get("map").cloned().unwrap_or_else(|| "foundry".into());

            if let Err(e) = watch_log.record_state(&meta.name, &state).await {
                tracing::warn!("state log failed: {e}");
            }
            if let Err(e) = publish_lobby(&meta.name, &state, &map).await {
                tracing::warn!("lobby publish failed: {e}");
            }
        }
    });

    sdk.ready().await?;
    run_match(&log, &roster).await?;
    sdk.shutdown().await?;
    Ok(())
}

async fn publish_lobby(name: &str, state: &str, map: &str) -> anyhow::Result<()> {
    let client = redis::Client::open(std::env::var("LOBBY_REDIS_URL")?)?;
    let mut conn = client.get_multiplexed_async_connection().await?;
    redis::pipe()
        .hset(format!("arena:{name}"), "state", state)
        .hset(format!("arena:{name}"), "map", map)
        .expire(format!("arena:{name}"), 120)
        .query_async::<()>(&mut conn)
        .await?;
    Ok(())
}

async fn run_match(log: &matchlog::MatchLog, roster: &roster::Roster) -> anyhow::Result<()> {
    let socket = UdpSocket::bind("0.0.0.0:7777").await?;
    let match_id = log.open_match().await?;
    let mut buf = [0u8; 1500];

    loop {
        let (len, peer) = socket.recv_from(&mut buf).await?;
        let line = String::from_utf8_lossy(&buf[..len]);
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some("JOIN"), Some(player)) => {
                roster.add(match_id, player, &peer.to_string()).await?;
                socket.send_to(b"OK", peer).await?;
            }
            (Some("KILL"), Some(victim)) => log.kill(match_id, &peer.to_string(), victim).await?,
            (Some("END"), _) => break,
            _ => {}
        }
    }

    log.close_match(match_id).await?;
    Ok(())
}

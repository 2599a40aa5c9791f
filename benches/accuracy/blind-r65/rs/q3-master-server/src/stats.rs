//! Population history for the "most played maps" page.

use std::net::SocketAddr;

use sqlx::PgPool;

use crate::proto::Info;

pub async fn log_heartbeat(addr: SocketAddr, info: &Info) -> Result<(), sqlx::Error> {
    let url = std::env::var("STATS_DATABASE_URL").unwrap_or_else(|_| "postgres://q3stats@localhost/q3stats".into());
    let pool = PgPool::connect(&url).await?;
    let clients: i32 = info.get("clients").and_then(|v| v.parse().ok()).unwrap_or(0);
    sqlx::query(
        "INSERT INTO heartbeats (server, hostname, mapname, gametype, clients, seen_at)
         VALUES ($1, $2, $3, $4, $5, now())",
    )
    .bind(addr.to_string())
    .bind(info.get("hostname"))
    .bind(info.get("mapname"))
    .bind(info.get("gametype"))
    .bind(clients)
    .execute(&pool)
    .await?;
    pool.close().await;
    Ok(())
}

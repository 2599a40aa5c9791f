//! Which beats are shipping, and when we last heard from them.

use std::collections::HashMap;
use std::sync::LazyLock;

use anyhow::Result;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;

/// Heartbeat connection per known agent, reused for every window that agent sends.
static AGENTS: LazyLock<Mutex<HashMap<String, PoolConnection<Postgres>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn check_in(pool: &PgPool, host: &str) -> Result<()> {
    let mut agents = AGENTS.lock().await;
    if agents.contains_key(host) {
        return Ok(());
    }
    let mut conn = pool.acquire().await?;
    sqlx::query(
        "INSERT INTO beats_agents (host, first_seen, last_seen, events) VALUES ($1, now(), now(), 0) \
         ON CONFLICT (host) DO UPDATE SET last_seen = now()",
    )
    .bind(host)
    .execute(&mut *conn)
    .await?;
    agents.insert(host.to_string(), conn);
    Ok(())
}

pub async fn touch(host: &str, events: i64) -> Result<()> {
    let mut agents = AGENTS.lock().await;
    if let Some(conn) = agents.get_mut(host) {
        sqlx::query("UPDATE beats_agents SET last_seen = now(), events = events + $2 WHERE host = $1")
            .bind(host)
            .bind(events)
            .execute(&mut **conn)
            .await?;
    }
    Ok(())
}

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::RwLock;
use std::time::Duration;

use sqlx::PgPool;
use tracing::warn;

#[derive(Clone)]
pub struct Backend {
    pub name: String,
    pub addr: SocketAddr,
}

/// In-memory view of the fleet; connections only ever read it.
#[derive(Default)]
pub struct Table {
    backends: RwLock<Vec<Backend>>,
    active: RwLock<HashMap<String, usize>>,
}

impl Table {
    pub async fn refresh(&self, pool: &PgPool) -> anyhow::Result<()> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, host || ':' || port FROM submission_nodes WHERE healthy AND NOT draining",
        )
        .fetch_all(pool)
        .await?;
        let fresh = rows
            .into_iter()
            .filter_map(|(name, addr)| addr.parse().ok().map(|addr| Backend { name, addr }))
            .collect();
        *self.backends.write().unwrap() = fresh;
        Ok(())
    }

    /// Least-active-connections choice.
    pub fn pick(&self) -> Option<Backend> {
        let backends = self.backends.read().unwrap();
        let mut active = self.active.write().unwrap();
        let chosen = backends
            .iter()
            .min_by_key(|b| active.get(&b.name).copied().unwrap_or(0))?
            .clone();
        *active.entry(chosen.name.clone()).or_default() += 1;
        Some(chosen)
    }

    pub fn release(&self, name: &str) {
        if let Some(n) = self.active.write().unwrap().get_mut(name) {
            *n = n.saturating_sub(1);
        }
    }
}

pub async fn refresh_loop(table: std::sync::Arc<Table>, pool: PgPool) {
    let mut tick = tokio::time::interval(Duration::from_secs(10));
    loop {
        tick.tick().await;
        if let Err(e) = table.refresh(&pool).await {
            warn!(error = %e, "backend refresh failed; keeping previous table");
        }
    }
}

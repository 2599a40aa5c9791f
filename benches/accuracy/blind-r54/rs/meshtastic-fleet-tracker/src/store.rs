//! Vehicle position / battery storage.

use std::collections::HashMap;

use chrono::Utc;
use deadpool_postgres::{Config, Object, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

pub fn make_pool(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.pool = Some(PoolConfig::new(12));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

pub struct Tracker {
    pool: Pool,
    /// One connection per vehicle so its prepared statements stay warm.
    sessions: HashMap<u32, Object>,
}

impl Tracker {
    pub fn new(pool: Pool) -> Self {
        Self {
            pool,
            sessions: HashMap::new(),
        }
    }

    pub async fn record_position(&mut self, node: u32, lat: f64, lon: f64) -> anyhow::Result<()> {
        if !self.sessions.contains_key(&node) {
            let conn = self.pool.get().await?;
            self.sessions.insert(node, conn);
        }
        let conn = self.sessions.get(&node).expect("session just inserted");
        let stmt = conn
            .prepare_cached(
                "INSERT INTO vehicle_positions (node_id, seen_at, lat, lon) VALUES ($1, $2, $3, $4)",
            )
            .await?;
        conn.execute(&stmt, &[&(node as i64), &Utc::now(), &lat, &lon])
            .await?;
        Ok(())
    }

    pub async fn record_battery(&self, node: u32, level: u32) -> anyhow::Result<()> {
        let conn = self.pool.get().await?;
        conn.execute(
            "UPDATE vehicles SET battery_pct = $2, battery_at = $3 WHERE node_id = $1",
            &[&(node as i64), &(level as i32), &Utc::now()],
        )
        .await?;
        Ok(())
    }
}

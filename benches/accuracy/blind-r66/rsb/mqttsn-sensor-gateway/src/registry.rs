//! Enrolled motes and their topic registrations. Topic ids are persisted so a
//! gateway restart does not force every mote to re-register.
use std::collections::HashMap;

use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

pub struct Registry {
    pool: Pool,
}

impl Registry {
    pub fn connect(url: &str) -> anyhow::Result<Registry> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        cfg.pool = Some(PoolConfig::new(6));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Registry { pool })
    }

    pub async fn is_enrolled(&self, client_id: &str) -> anyhow::Result<bool> {
        let client = self.pool.get().await?;
        let row = client
            .query_opt("SELECT 1 FROM mote WHERE client_id = $1 AND retired_at IS NULL", &[&client_id])
            .await?;
        Ok(row.is_some())
    }

    pub async fn topics_for(&self, client_id: &str) -> anyhow::Result<HashMap<u16, String>> {
        let client = self.pool.get().await?;
        let rows = client
            .query("SELECT topic_id, topic FROM mote_topic WHERE client_id = $1", &[&client_id])
            .await?;
        Ok(rows.iter().map(|r| (r.get::<_, i32>(0) as u16, r.get(1))).collect())
    }

    pub async fn register_topic(&self, client_id: &str, topic: &str) -> anyhow::Result<u16> {
        let client = self.pool.get().await?;
        let row = client
            .query_one(
                "INSERT INTO mote_topic (client_id, topic, topic_id)
                 VALUES ($1, $2, (SELECT coalesce(max(topic_id), 0) + 1 FROM mote_topic WHERE client_id = $1))
                 ON CONFLICT (client_id, topic) DO UPDATE SET topic = EXCLUDED.topic
                 RETURNING topic_id",
                &[&client_id, &topic],
            )
            .await?;
        Ok(row.get::<_, i32>(0) as u16)
    }
}

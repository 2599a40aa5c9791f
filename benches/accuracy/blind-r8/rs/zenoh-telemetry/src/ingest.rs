use chrono::{DateTime, Utc};
use deadpool_redis::redis::AsyncCommands;
use deadpool_redis::Pool as RedisPool;
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Debug, Deserialize)]
pub struct Reading {
    pub device_id: String,
    pub metric: String,
    pub value: f64,
    pub ts: DateTime<Utc>,
}

/// Shared handles, built once in main; `handle` runs for every sample.
#[derive(Clone)]
pub struct Ingest {
    pub pg: PgPool,
    pub redis: RedisPool,
}

impl Ingest {
    pub async fn handle(&self, key: &str, payload: &str) -> anyhow::Result<()> {
        let reading: Reading = serde_json::from_str(payload)?;

        sqlx::query(
            "INSERT INTO readings (device_id, metric, value, ts, key_expr) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&reading.device_id)
        .bind(&reading.metric)
        .bind(reading.value)
        .bind(reading.ts)
        .bind(key)
        .execute(&self.pg)
        .await?;

        let mut conn = self.redis.get().await?;
        let latest = format!("latest:{}:{}", reading.device_id, reading.metric);
        conn.set_ex::<_, _, ()>(&latest, reading.value, 300).await?;
        conn.sadd::<_, _, ()>("devices:seen", &reading.device_id).await?;
        Ok(())
    }
}

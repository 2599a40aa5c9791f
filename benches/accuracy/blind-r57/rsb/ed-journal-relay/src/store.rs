//! Squadron travel log (jumps per commander).
use anyhow::Result;
use serde_json::Value;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Store {
    pool: PgPool,
}

impl Store {
    pub async fn connect(url: &str) -> Result<Store> {
        let pool = PgPoolOptions::new().max_connections(3).connect(url).await?;
        Ok(Store { pool })
    }

    pub async fn record_jump(&self, cmdr: &str, event: &Value) -> Result<()> {
        let system = event["StarSystem"].as_str().unwrap_or_default();
        let address = event["SystemAddress"].as_i64();
        let pos = event["StarPos"].as_array().map(|a| {
            a.iter().filter_map(Value::as_f64).collect::<Vec<f64>>()
        });
        let jump_dist = event["JumpDist"].as_f64();
        sqlx::query(
            "INSERT INTO jumps (commander, star_system, system_address, star_pos, jump_dist, jumped_at)
             VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()))",
        )
        .bind(cmdr)
        .bind(system)
        .bind(address)
        .bind(pos)
        .bind(jump_dist)
        .bind(event["timestamp"].as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

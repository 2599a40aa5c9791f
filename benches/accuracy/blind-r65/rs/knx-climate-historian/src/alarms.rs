use std::collections::HashSet;

use anyhow::Result;
use deadpool_postgres::{Config, Object, PoolConfig, Runtime};
use tokio_postgres::NoTls;

use crate::Sensor;

pub struct Alarms {
    conn: Object,
    active: HashSet<String>,
}

impl Alarms {
    pub async fn connect(url: &str) -> Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        cfg.pool = Some(PoolConfig::new(2));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        // the alarm writer keeps its own connection so raising an alarm never waits for a checkout
        let conn = pool.get().await?;
        Ok(Self { conn, active: HashSet::new() })
    }

    pub async fn check(&mut self, sensor: &Sensor, value: f64) -> Result<()> {
        let (lo, hi) = match sensor.kind.as_str() {
            "temperature" => (16.0, 28.0),
            "humidity" => (25.0, 65.0),
            "co2" => (0.0, 1200.0),
            _ => return Ok(()),
        };
        let key = format!("{}/{}", sensor.room, sensor.kind);
        let out_of_band = value < lo || value > hi;
        if out_of_band && self.active.insert(key.clone()) {
            self.conn
                .execute(
                    "INSERT INTO climate_alarms (room, kind, value, raised_at) VALUES ($1, $2, $3, now())",
                    &[&sensor.room, &sensor.kind, &value],
                )
                .await?;
        } else if !out_of_band && self.active.remove(&key) {
            self.conn
                .execute(
                    "UPDATE climate_alarms SET cleared_at = now() WHERE room = $1 AND kind = $2 AND cleared_at IS NULL",
                    &[&sensor.room, &sensor.kind],
                )
                .await?;
        }
        Ok(())
    }
}

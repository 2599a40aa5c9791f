use anyhow::Result;
use deadpool_postgres::{Config, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use crate::Sensor;

pub struct History {
    pool: Pool,
}

impl History {
    pub async fn connect(url: &str) -> Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }

    pub async fn record(&self, ga: u16, sensor: &Sensor, value: f64) -> Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO knx_readings (ts, group_address, room, kind, value) VALUES (now(), $1, $2, $3, $4)",
                &[&(ga as i32), &sensor.room, &sensor.kind, &value],
            )
            .await?;
        Ok(())
    }
}

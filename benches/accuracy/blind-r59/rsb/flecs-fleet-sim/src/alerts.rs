//! Low-battery alerts, stored for the night-shift supervisors.

use anyhow::Result;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub struct AlertLog {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
}

impl AlertLog {
    pub fn connect() -> Result<Self> {
        let url = std::env::var("FLEET_DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = r2d2::Pool::builder()
            .max_size(2)
            .min_idle(Some(1))
            .build(manager)?;
        Ok(AlertLog { pool })
    }

    pub fn low_battery(&self, robot_id: i32, pct: f32) -> Result<()> {
        let mut conn = self.pool.get()?;
        conn.execute(
            "INSERT INTO fleet_alerts (robot_id, kind, detail, raised_at)
             VALUES ($1, 'low_battery', $2, now())
             ON CONFLICT (robot_id, kind) WHERE resolved_at IS NULL DO NOTHING",
            &[&robot_id, &format!("{pct:.1}% remaining")],
        )?;
        Ok(())
    }

    pub fn resolve(&self, robot_id: i32, kind: &str) -> Result<u64> {
        let mut conn = self.pool.get()?;
        Ok(conn.execute(
            "UPDATE fleet_alerts SET resolved_at = now()
              WHERE robot_id = $1 AND kind = $2 AND resolved_at IS NULL",
            &[&robot_id, &kind],
        )?)
    }
}

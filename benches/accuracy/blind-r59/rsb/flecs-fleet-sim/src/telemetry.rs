//! Fleet registry and position history in the fleet database.

use std::sync::Mutex;

use anyhow::Result;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub struct RobotRow {
    pub id: i32,
    pub name: String,
    pub x: f32,
    pub y: f32,
    pub dx: f32,
    pub dy: f32,
    pub battery_pct: f32,
}

pub struct TelemetryStore {
    pool: r2d2::Pool<PostgresConnectionManager<NoTls>>,
    pending: Mutex<Vec<(i32, f32, f32, f32)>>,
    fleet: Mutex<usize>,
}

impl TelemetryStore {
    pub fn connect() -> Result<Self> {
        let url = std::env::var("FLEET_DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = r2d2::Pool::builder().max_size(4).build(manager)?;
        Ok(TelemetryStore { pool, pending: Mutex::new(Vec::new()), fleet: Mutex::new(0) })
    }

    pub fn load_fleet(&self) -> Result<Vec<RobotRow>> {
        let mut conn = self.pool.get()?;
        let rows = conn.query(
            "SELECT id, name, x, y, dx, dy, battery_pct FROM robots WHERE active ORDER BY id",
            &[],
        )?;
        *self.fleet.lock().unwrap() = rows.len();
        Ok(rows
            .iter()
            .map(|r| RobotRow {
                id: r.get(0),
                name: r.get(1),
                x: r.get(2),
                y: r.get(3),
                dx: r.get(4),
                dy: r.get(5),
                battery_pct: r.get(6),
            })
            .collect())
    }

    pub fn fleet_size(&self) -> usize {
        *self.fleet.lock().unwrap()
    }

    /// Buffers one sample; flushed in batches of 200.
    pub fn record(&self, id: i32, x: f32, y: f32, battery: f32) {
        let mut pending = self.pending.lock().unwrap();
        pending.push((id, x, y, battery));
        if pending.len() >= 200 {
            let batch = std::mem::take(&mut *pending);
            drop(pending);
            if let Err(e) = self.write(&batch) {
                log::warn!("dropping {} samples: {e}", batch.len());
            }
        }
    }

    pub fn flush_final(&self) -> Result<()> {
        let batch = std::mem::take(&mut *self.pending.lock().unwrap());
        self.write(&batch)
    }

    fn write(&self, batch: &[(i32, f32, f32, f32)]) -> Result<()> {
        let mut conn = self.pool.get()?;
        let mut tx = conn.transaction()?;
        let stmt = tx.prepare("INSERT INTO robot_samples (robot_id, x, y, battery_pct) VALUES ($1, $2, $3, $4)")?;
        for (id, x, y, b) in batch {
            tx.execute(&stmt, &[id, x, y, b])?;
        }
        tx.commit()?;
        Ok(())
    }
}

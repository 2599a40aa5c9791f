use std::error::Error;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

use crate::SpindleSample;

pub struct TelemetryStore {
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

impl TelemetryStore {
    pub fn connect(url: &str) -> Result<Self, Box<dyn Error>> {
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = Pool::builder().max_size(6).build(manager)?;
        Ok(Self { pool })
    }

    pub fn insert_batch(&self, batch: &[SpindleSample]) -> Result<(), Box<dyn Error>> {
        let mut client = self.pool.get()?;
        let mut tx = client.transaction()?;
        let stmt = tx.prepare(
            "INSERT INTO spindle_samples (machine_id, sampled_at, rpm, temp_c, vibration_mm_s) \
             VALUES ($1, to_timestamp($2::float8 / 1000), $3, $4, $5)",
        )?;
        for s in batch {
            tx.execute(
                &stmt,
                &[&(s.machine_id as i32), &(s.timestamp_ms as f64), &s.rpm, &s.temp_c, &s.vibration_mm_s],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

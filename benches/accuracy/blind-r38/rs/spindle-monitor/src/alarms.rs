//! Over-limit detection. Each alarm episode is written inside one transaction
//! that is kept open on its own connection until the spindle recovers, so the
//! maintenance dashboard only ever sees complete episodes.

use std::collections::HashMap;
use std::error::Error;
use std::time::Duration;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use serde_json::json;

use crate::SpindleSample;

const TEMP_LIMIT_C: f32 = 78.0;
const VIBRATION_LIMIT_MM_S: f32 = 7.1;

type PgManager = PostgresConnectionManager<NoTls>;

pub struct AlarmBook {
    pool: Pool<PgManager>,
    open: HashMap<u32, PooledConnection<PgManager>>,
    webhook: String,
}

impl AlarmBook {
    pub fn connect(url: &str, webhook: String) -> Result<Self, Box<dyn Error>> {
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        let pool = Pool::builder().max_size(4).build(manager)?;
        Ok(Self { pool, open: HashMap::new(), webhook })
    }

    pub fn evaluate(&mut self, s: &SpindleSample) {
        let over = s.temp_c > TEMP_LIMIT_C || s.vibration_mm_s > VIBRATION_LIMIT_MM_S;
        let active = self.open.contains_key(&s.machine_id);
        let result = match (over, active) {
            (true, false) => self.raise(s),
            (true, true) => self.append(s),
            (false, true) if s.online == 1 => self.clear(s),
            _ => Ok(()),
        };
        if let Err(err) = result {
            log::warn!("alarm bookkeeping failed for spindle {}: {err}", s.machine_id);
        }
    }

    fn raise(&mut self, s: &SpindleSample) -> Result<(), Box<dyn Error>> {
        let mut conn = self.pool.get()?;
        conn.batch_execute("BEGIN")?;
        conn.execute(
            "INSERT INTO alarm_episodes (machine_id, opened_at, peak_temp_c, peak_vibration_mm_s) \
             VALUES ($1, now(), $2, $3)",
            &[&(s.machine_id as i32), &s.temp_c, &s.vibration_mm_s],
        )?;
        self.open.insert(s.machine_id, conn);
        self.page_on_call(s)
    }

    fn append(&mut self, s: &SpindleSample) -> Result<(), Box<dyn Error>> {
        if let Some(conn) = self.open.get_mut(&s.machine_id) {
            conn.execute(
                "UPDATE alarm_episodes SET peak_temp_c = GREATEST(peak_temp_c, $2), \
                 peak_vibration_mm_s = GREATEST(peak_vibration_mm_s, $3) \
                 WHERE machine_id = $1 AND closed_at IS NULL",
                &[&(s.machine_id as i32), &s.temp_c, &s.vibration_mm_s],
            )?;
        }
        Ok(())
    }

    fn clear(&mut self, s: &SpindleSample) -> Result<(), Box<dyn Error>> {
        if let Some(mut conn) = self.open.remove(&s.machine_id) {
            conn.execute(
                "UPDATE alarm_episodes SET closed_at = now() WHERE machine_id = $1 AND closed_at IS NULL",
                &[&(s.machine_id as i32)],
            )?;
            conn.batch_execute("COMMIT")?;
        }
        Ok(())
    }

    fn page_on_call(&self, s: &SpindleSample) -> Result<(), Box<dyn Error>> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        http.post(&self.webhook)
            .json(&json!({
                "summary": format!("Spindle {} over limit", s.machine_id),
                "severity": "critical",
                "temp_c": s.temp_c,
                "vibration_mm_s": s.vibration_mm_s,
                "rpm": s.rpm,
            }))
            .send()?
            .error_for_status()?;
        Ok(())
    }
}

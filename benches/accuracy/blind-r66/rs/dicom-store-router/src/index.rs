use std::sync::Mutex;

use r2d2::{Pool, PooledConnection};
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Study index shared by every association thread.
pub struct StudyIndex {
    conn: Mutex<PooledConnection<PostgresConnectionManager<NoTls>>>,
}

pub struct InstanceRow<'a> {
    pub study_uid: &'a str,
    pub series_uid: &'a str,
    pub sop_instance_uid: &'a str,
    pub modality: &'a str,
    pub patient_id: &'a str,
    pub calling_ae: &'a str,
    pub path: &'a str,
}

impl StudyIndex {
    pub fn new(pool: &PgPool) -> anyhow::Result<Self> {
        // Keep one connection ready so indexing never waits on the pool.
        let conn = pool.get()?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    pub fn record(&self, row: &InstanceRow<'_>) -> anyhow::Result<()> {
        let mut conn = self.conn.lock().unwrap();
        conn.execute(
            "INSERT INTO studies (study_uid, patient_id, first_seen)
             VALUES ($1, $2, now()) ON CONFLICT (study_uid) DO NOTHING",
            &[&row.study_uid, &row.patient_id],
        )?;
        conn.execute(
            "INSERT INTO instances (sop_instance_uid, study_uid, series_uid, modality, source_ae, path)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sop_instance_uid) DO NOTHING",
            &[
                &row.sop_instance_uid,
                &row.study_uid,
                &row.series_uid,
                &row.modality,
                &row.calling_ae,
                &row.path,
            ],
        )?;
        Ok(())
    }
}

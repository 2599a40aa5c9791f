use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use serde::Deserialize;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

#[derive(Debug, Clone)]
pub struct QueueRow {
    pub queue: String,
    pub ready: i64,
    pub running: i64,
    pub failed_1h: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WorkerHealth {
    pub host: String,
    pub busy: u32,
    pub capacity: u32,
    pub last_heartbeat_secs: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub queues: Vec<QueueRow>,
    pub workers: Vec<WorkerHealth>,
}

/// Called once from main.
pub fn build_pool(database_url: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(2)
        .connection_timeout(Duration::from_secs(5))
        .build(manager)?;
    Ok(pool)
}

#[derive(Clone)]
pub struct Sources {
    pool: PgPool,
    agent: ureq::Agent,
    workers_api: String,
}

impl Sources {
    pub fn new(pool: PgPool, agent: ureq::Agent, workers_api: String) -> Self {
        Self { pool, agent, workers_api }
    }

    /// Runs on the background executor every refresh. Borrows a pooled connection
    /// for the duration of the query; it goes back to the pool at the end of scope.
    pub fn snapshot(&self) -> anyhow::Result<Snapshot> {
        let queues = {
            let mut conn = self.pool.get()?;
            conn.query(
                "SELECT queue,
                        count(*) FILTER (WHERE state = 'ready'),
                        count(*) FILTER (WHERE state = 'running'),
                        count(*) FILTER (WHERE state = 'failed' AND finished_at > now() - interval '1 hour')
                   FROM jobs GROUP BY queue ORDER BY queue",
                &[],
            )?
            .iter()
            .map(|row| QueueRow {
                queue: row.get(0),
                ready: row.get(1),
                running: row.get(2),
                failed_1h: row.get(3),
            })
            .collect()
        };

        let workers: Vec<WorkerHealth> = self
            .agent
            .get(&format!("{}/v1/workers", self.workers_api))
            .call()?
            .into_json()?;

        Ok(Snapshot { queues, workers })
    }
}

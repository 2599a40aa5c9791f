use deadpool_postgres::{Config, Pool, PoolConfig, Runtime};
use tokio_postgres::NoTls;

/// Accepted shares, written by the stratum sessions.
pub struct ShareStore {
    pub pool: Pool,
}

impl ShareStore {
    pub fn connect(url: &str) -> anyhow::Result<Self> {
        let mut cfg = Config::new();
        cfg.url = Some(url.to_string());
        cfg.pool = Some(PoolConfig::new(16));
        let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;
        Ok(Self { pool })
    }
}

pub const INSERT_SHARE: &str = "INSERT INTO shares (worker, job_id, extranonce2, ntime, nonce, difficulty, submitted_at) \
     VALUES ($1, $2, $3, $4, $5, $6, now())";

pub const WORKER_EXISTS: &str = "SELECT payout_address FROM workers WHERE name = $1 AND disabled = false";

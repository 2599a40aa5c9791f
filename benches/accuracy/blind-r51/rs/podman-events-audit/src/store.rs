use std::collections::HashMap;
use std::env;

use deadpool_postgres::{
    Config, CreatePoolError, ManagerConfig, Object, Pool, PoolError, RecyclingMethod, Runtime,
};
use tokio_postgres::NoTls;

pub fn make_pool() -> Result<Pool, CreatePoolError> {
    let mut cfg = Config::new();
    cfg.url = Some(env::var("AUDIT_DATABASE_URL").unwrap_or_else(|_| {
        "postgres://audit@localhost/container_audit".to_string()
    }));
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.create_pool(Some(Runtime::Tokio1), NoTls)
}

#[derive(Debug)]
pub enum StoreError {
    Pool(PoolError),
    Db(tokio_postgres::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Pool(e) => write!(f, "pool: {e}"),
            StoreError::Db(e) => write!(f, "db: {e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<PoolError> for StoreError {
    fn from(e: PoolError) -> Self {
        StoreError::Pool(e)
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        StoreError::Db(e)
    }
}

/// Tracks one run per container. Each running container keeps its own
/// checked-out session so the start, health and exit rows of a run are
/// written in order on the same connection.
pub struct RunTracker {
    pool: Pool,
    sessions: HashMap<String, Object>,
}

impl RunTracker {
    pub fn new(pool: Pool) -> Self {
        RunTracker { pool, sessions: HashMap::new() }
    }

    pub async fn started(&mut self, id: &str, name: &str, image: &str) -> Result<(), StoreError> {
        let session = self.pool.get().await?;
        session
            .execute(
                "INSERT INTO container_runs (container_id, name, image, started_at) \
                 VALUES ($1, $2, $3, now())",
                &[&id, &name, &image],
            )
            .await?;
        self.sessions.insert(id.to_string(), session);
        Ok(())
    }

    pub async fn health(&mut self, id: &str, status: &str) -> Result<(), StoreError> {
        if let Some(session) = self.sessions.get(id) {
            session
                .execute(
                    "UPDATE container_runs SET last_health = $2 \
                     WHERE container_id = $1 AND ended_at IS NULL",
                    &[&id, &status],
                )
                .await?;
        }
        Ok(())
    }

    pub async fn died(&mut self, id: &str, exit_code: i32) -> Result<(), StoreError> {
        let sql = "UPDATE container_runs SET ended_at = now(), exit_code = $2 \
                   WHERE container_id = $1 AND ended_at IS NULL";
        match self.sessions.get(id) {
            Some(session) => {
                session.execute(sql, &[&id, &exit_code]).await?;
            }
            None => {
                // Container started before we were running.
                let client = self.pool.get().await?;
                client.execute(sql, &[&id, &exit_code]).await?;
            }
        }
        Ok(())
    }
}

//! Shared by the three binaries. `thumbjobs-web` and `thumbjobs-worker` are
//! deployed as separate containers; each process builds exactly one pool.

use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use serde::{Deserialize, Serialize};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

#[derive(Debug, Serialize, Deserialize)]
pub struct JobMsg {
    pub job_id: i64,
    pub source_url: String,
    pub callback_url: Option<String>,
}

pub fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://thumbjobs@localhost/thumbjobs".into())
}

/// Call once from a binary's `main`.
pub fn build_pool(max_size: u32) -> Result<PgPool, Box<dyn std::error::Error>> {
    let manager = PostgresConnectionManager::new(database_url().parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(max_size).build(manager)?;
    Ok(pool)
}

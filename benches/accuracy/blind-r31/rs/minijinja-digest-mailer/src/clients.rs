//! Long-lived clients, built once by `main` and handed to everything else.

use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn pg_pool() -> anyhow::Result<PgPool> {
    let config = std::env::var("DATABASE_URL")?.parse()?;
    let pool = Pool::builder()
        .max_size(6)
        .connection_timeout(Duration::from_secs(10))
        .build(PostgresConnectionManager::new(config, NoTls))?;
    Ok(pool)
}

pub fn http_agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(15))
        .max_idle_connections_per_host(4)
        .build()
}

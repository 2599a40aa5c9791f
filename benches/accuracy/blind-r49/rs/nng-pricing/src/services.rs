use std::env;
use std::time::Duration;

use anyhow::Result;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub struct Services {
    pub pool: PgPool,
    pub fx: ureq::Agent,
    pub fx_url: String,
}

impl Services {
    pub fn build() -> Result<Self> {
        let manager = PostgresConnectionManager::new(env::var("DATABASE_URL")?.parse()?, NoTls);
        let pool = r2d2::Pool::builder()
            .max_size(8)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)?;
        let fx = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(3))
            .build();
        Ok(Self { pool, fx, fx_url: env::var("FX_URL")? })
    }
}

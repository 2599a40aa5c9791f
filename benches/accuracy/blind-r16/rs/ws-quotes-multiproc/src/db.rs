use std::env;
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PoolError};

pub type PgPool = Pool<ConnectionManager<PgConnection>>;

pub fn database_url() -> String {
    env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://quotes@localhost/quotes".into())
}

/// Each process (gateway, worker) calls this once from its `main`.
pub fn make_pool(max_size: u32) -> Result<PgPool, PoolError> {
    Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(5))
        .build(ConnectionManager::<PgConnection>::new(database_url()))
}

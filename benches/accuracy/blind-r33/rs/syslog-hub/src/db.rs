//! Shared by both binaries. Each process calls `make_pool` once from its
//! own `main`, so each process owns exactly one pool.

use std::{thread, time::Duration};

use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn make_pool(max_size: u32) -> PgPool {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let manager = PostgresConnectionManager::new(url.parse().expect("invalid DATABASE_URL"), NoTls);
    let mut attempt = 0;
    loop {
        match Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(5))
            .build(manager.clone())
        {
            Ok(pool) => return pool,
            Err(e) if attempt < 12 => {
                attempt += 1;
                log::warn!("postgres not ready ({}), retry {}/12", e, attempt);
                thread::sleep(Duration::from_secs(5));
            }
            Err(e) => panic!("could not reach postgres: {}", e),
        }
    }
}

use std::time::Duration;

use evenio::prelude::*;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// The one pool of the process; lives on the shared entity for handlers to borrow.
#[derive(Component)]
pub struct RoutingDb(pub PgPool);

/// Start-up only: the sorter cabinet often powers on before the site database server.
pub fn connect_with_retry(url: String) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    let mut attempt = 1;
    let pool = loop {
        match r2d2::Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(5))
            .build(manager.clone())
        {
            Ok(pool) => break pool,
            Err(e) if attempt < 6 => {
                eprintln!("routing db not reachable (attempt {attempt}/6): {e}");
                std::thread::sleep(Duration::from_secs(5));
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok(pool)
}

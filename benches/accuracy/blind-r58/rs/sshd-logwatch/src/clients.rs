//! Shared clients. `make_pool` is called once from `main`.

use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// The bastion boots before the security database is reachable over the
/// VPN, so keep trying for a couple of minutes before giving up.
pub fn make_pool() -> Result<PgPool> {
    let url = std::env::var("SECDB_URL").context("SECDB_URL")?;
    let config: r2d2_postgres::postgres::Config = url.parse()?;

    let mut attempts = 0;
    let pool = loop {
        attempts += 1;
        let manager = PostgresConnectionManager::new(config.clone(), NoTls);
        match Pool::builder()
            .max_size(2)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => break pool,
            Err(err) if attempts < 24 => {
                eprintln!("security db not reachable yet ({err}); retry {attempts}/24");
                thread::sleep(Duration::from_secs(5));
            }
            Err(err) => return Err(err).context("giving up on security db"),
        }
    };
    Ok(pool)
}

//! Database helpers for the pricing NIFs.

use std::error::Error;

use postgres::{Client, NoTls};
use r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

/// Catalog pool, built once from the NIF `load` callback.
///
/// The BEAM may run up to `+SDio` dirty IO schedulers at once, so the pool is
/// sized generously to avoid waiting on checkouts during sale traffic.
pub fn catalog_pool(
    url: &str,
) -> Result<Pool<PostgresConnectionManager<NoTls>>, Box<dyn Error + Send + Sync>> {
    let config: postgres::Config = url.parse()?;
    let manager = PostgresConnectionManager::new(config, NoTls);
    let pool = Pool::builder()
        .max_size(80)
        .min_idle(Some(10))
        .connection_timeout(std::time::Duration::from_secs(2))
        .build(manager)?;
    Ok(pool)
}

/// Connection to the finance ledger (separate database from the catalog).
pub fn connect_ledger() -> Result<Client, postgres::Error> {
    let url = std::env::var("LEDGER_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://ledger_writer@ledger-db:5432/ledger".to_string());
    let mut client = Client::connect(&url, NoTls)?;
    client.batch_execute("SET application_name = 'pricing_nif'")?;
    Ok(client)
}

/// Only used by the `mix pricing.check` task (runs once, then exits).
pub fn check_connectivity(url: &str) -> Result<i64, postgres::Error> {
    let mut client = Client::connect(url, NoTls)?;
    let row = client.query_one("SELECT count(*) FROM prices", &[])?;
    let n: i64 = row.get(0);
    client.close()?;
    Ok(n)
}

//! Long-lived backends, created once when Redis loads the module (MODULE LOAD / loadmodule).

use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

static PG: OnceLock<PgPool> = OnceLock::new();

static HTTP: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("geofence http client")
});

pub fn init_pg(dsn: &str) -> Result<(), String> {
    let config = dsn.parse().map_err(|e| format!("bad dsn: {e}"))?;
    let pool = r2d2::Pool::builder()
        .max_size(4)
        .connection_timeout(Duration::from_secs(2))
        .build(PostgresConnectionManager::new(config, NoTls))
        .map_err(|e| e.to_string())?;
    PG.set(pool).map_err(|_| "geofence pool already initialised".to_string())
}

pub fn pg() -> &'static PgPool {
    PG.get().expect("init_pg runs in module init")
}

pub fn http() -> &'static reqwest::blocking::Client {
    &HTTP
}

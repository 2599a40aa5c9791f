//! Shared pieces of the shop-floor binaries. Each binary is its own systemd
//! unit (its own process) and builds exactly one pool from `make_pool`, once,
//! at the top of its `main`.

pub mod db {
    use std::time::Duration;

    use r2d2_postgres::postgres::NoTls;
    use r2d2_postgres::PostgresConnectionManager;

    pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

    pub fn database_url() -> String {
        std::env::var("SHOPFLOOR_DB_URL")
            .unwrap_or_else(|_| "host=mes-db user=shopfloor dbname=mes".into())
    }

    pub fn make_pool(max_size: u32) -> anyhow::Result<PgPool> {
        let manager = PostgresConnectionManager::new(database_url().parse()?, NoTls);
        let pool = r2d2::Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(10))
            .build(manager)?;
        Ok(pool)
    }
}

pub fn station_id() -> String {
    std::env::var("STATION_ID").unwrap_or_else(|_| {
        std::fs::read_to_string("/etc/hostname")
            .map(|h| h.trim().to_string())
            .unwrap_or_else(|_| "station-unknown".into())
    })
}

//! Everything with a socket lives here and is created once by `main`.

use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub struct Services {
    pub pg: Pool<PostgresConnectionManager<NoTls>>,
    pub redis: redis::Connection,
}

impl Services {
    /// Waits for Redis (the floor controller reboots with the rack), then
    /// builds the Postgres pool. Returns on the first successful attempt.
    pub fn connect() -> anyhow::Result<Self> {
        let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
        let client = redis::Client::open(redis_url.as_str())?;
        let mut attempt = 0;
        let redis = loop {
            attempt += 1;
            match client.get_connection_with_timeout(Duration::from_secs(2)) {
                Ok(conn) => break conn,
                Err(e) if attempt < 15 => {
                    log::warn!("redis not up yet (attempt {attempt}): {e}");
                    std::thread::sleep(Duration::from_secs(2));
                }
                Err(e) => return Err(e.into()),
            }
        };

        let config = std::env::var("DATABASE_URL")?.parse()?;
        let pg = Pool::builder()
            .max_size(4)
            .build(PostgresConnectionManager::new(config, NoTls))?;
        Ok(Services { pg, redis })
    }
}

//! Backing services for the rule host functions. Built exactly once in
//! main and cloned (cheaply: every field is a handle to shared state) into
//! every Koto instance, including the ones created on script reload.

use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use std::time::Duration;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
pub type RedisPool = r2d2::Pool<redis::Client>;

#[derive(Clone)]
pub struct Services {
    pub pg: PgPool,
    pub redis: RedisPool,
    pub http: reqwest::blocking::Client,
}

impl Services {
    pub fn connect() -> anyhow::Result<Self> {
        let manager = PostgresConnectionManager::new(std::env::var("OWNERS_DSN")?.parse()?, NoTls);
        let pg = r2d2::Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(3))
            .build(manager)?;

        let redis = r2d2::Pool::builder()
            .max_size(2)
            .build(redis::Client::open(std::env::var("REDIS_URL")?)?)?;

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;

        Ok(Self { pg, redis, http })
    }
}

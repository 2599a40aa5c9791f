use std::sync::OnceLock;
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool};

pub type DbPool = Pool<ConnectionManager<PgConnection>>;

pub struct AppState {
    pub db: DbPool,
    pub http: reqwest::blocking::Client,
    pub geo_api: String,
}

impl AppState {
    /// Everything long-lived is built here, once, before the server starts.
    pub fn init() -> Self {
        let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
        let db = Pool::builder()
            .max_size(12)
            .build(ConnectionManager::<PgConnection>::new(url))
            .expect("diesel pool");
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(4))
            .build()
            .expect("http client");
        let geo_api = std::env::var("GEO_API").unwrap_or_else(|_| "https://geo.internal".into());
        Self { db, http, geo_api }
    }
}

pub type RedisPool = r2d2::Pool<redis::Client>;

static REDIS: OnceLock<RedisPool> = OnceLock::new();

/// Lazily built on first use, then shared by every request.
pub fn redis() -> &'static RedisPool {
    REDIS.get_or_init(|| {
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
        let client = redis::Client::open(url).expect("redis url");
        r2d2::Pool::builder().max_size(8).build(client).expect("redis pool")
    })
}

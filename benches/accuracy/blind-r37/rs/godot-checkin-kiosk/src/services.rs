use std::sync::OnceLock;
use std::time::Duration;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

static DB: OnceLock<PgPool> = OnceLock::new();

/// Shared pool for the whole kiosk process, built on first use.
pub fn db() -> &'static PgPool {
    DB.get_or_init(|| {
        let url = std::env::var("KIOSK_DATABASE_URL")
            .unwrap_or_else(|_| "host=db.venue.lan user=kiosk dbname=tickets".to_string());
        let manager = PostgresConnectionManager::new(url.parse().expect("bad KIOSK_DATABASE_URL"), NoTls);
        Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(5))
            .build_unchecked(manager)
    })
}

pub fn badge_api_base() -> String {
    std::env::var("BADGE_API").unwrap_or_else(|_| "http://badges.venue.lan".to_string())
}

use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

static POOL: OnceLock<PgPool> = OnceLock::new();

static LOYALTY: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("loyalty http client")
});

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS campaigns (id SERIAL PRIMARY KEY, name TEXT NOT NULL, ends_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS coupons (
    code TEXT PRIMARY KEY,
    campaign_id INT NOT NULL REFERENCES campaigns(id),
    discount_pct INT NOT NULL,
    max_uses INT NOT NULL DEFAULT 1,
    uses INT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS redemptions (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL REFERENCES coupons(code),
    member_id INT NOT NULL,
    redeemed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
";

pub fn init(database_url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(12).build(manager)?;
    POOL.set(pool).map_err(|_| "db::init called twice")?;
    Ok(())
}

pub fn pool() -> &'static PgPool {
    POOL.get().expect("db::init not called")
}

pub fn loyalty() -> &'static reqwest::blocking::Client {
    &LOYALTY
}

/// One-off schema migration for `--migrate`; the process exits right after.
pub fn migrate(database_url: &str) -> Result<(), postgres::Error> {
    let mut client = postgres::Client::connect(database_url, postgres::NoTls)?;
    client.batch_execute(SCHEMA)?;
    client.close()
}

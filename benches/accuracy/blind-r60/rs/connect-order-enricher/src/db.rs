use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use std::collections::HashMap;
use std::time::Duration;

pub type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

#[derive(Debug, Clone)]
pub struct Tenant {
    pub catalog_url: String,
    pub api_key: String,
}

/// Called once from main.
pub fn make_pool() -> anyhow::Result<Pool> {
    let manager = PostgresConnectionManager::new(std::env::var("DATABASE_URL")?.parse()?, NoTls);
    let pool = r2d2::Pool::builder()
        .max_size(2)
        .connection_timeout(Duration::from_secs(10))
        .build(manager)?;
    Ok(pool)
}

pub fn load_tenants(pool: &Pool) -> anyhow::Result<HashMap<String, Tenant>> {
    let mut conn = pool.get()?;
    let rows = conn.query(
        "SELECT slug, catalog_url, catalog_api_key FROM tenants WHERE active",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                r.get::<_, String>(0),
                Tenant { catalog_url: r.get(1), api_key: r.get(2) },
            )
        })
        .collect())
}

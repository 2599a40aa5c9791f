use cached::proc_macro::once;
use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type ControlPool = Pool<PostgresConnectionManager<NoTls>>;

/// Control-plane pool, built on first use and then returned from the cache.
#[once(sync_writes = true)]
pub fn pool() -> ControlPool {
    let url = std::env::var("CONTROL_DB_URL").expect("CONTROL_DB_URL");
    let manager = PostgresConnectionManager::new(url.parse().expect("CONTROL_DB_URL"), NoTls);
    Pool::builder().max_size(2).build(manager).expect("control pool")
}

/// Active tenants and the DSN of their routing database.
pub fn tenants() -> anyhow::Result<Vec<(String, String)>> {
    let mut conn = pool().get()?;
    let rows = conn.query("SELECT slug, routing_dsn FROM tenants WHERE active", &[])?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

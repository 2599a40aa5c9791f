use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// Builds the server's pool. Only gopherd's main calls this, once.
pub fn make_pool(url: &str, max_size: u32) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(r2d2::Pool::builder().max_size(max_size).build(manager)?)
}

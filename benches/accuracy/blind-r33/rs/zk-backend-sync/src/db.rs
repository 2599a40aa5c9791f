use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Pool for the edge routing database.
pub fn pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("ROUTING_DATABASE_URL")
        .unwrap_or_else(|_| "host=routing-db user=zksync dbname=edge".into());
    let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
    Ok(Pool::builder().max_size(4).build(manager)?)
}

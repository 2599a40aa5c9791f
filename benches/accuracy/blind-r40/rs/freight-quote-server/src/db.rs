use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

pub fn pool() -> anyhow::Result<PgPool> {
    let config = std::env::var("DATABASE_URL")?.parse()?;
    let manager = PostgresConnectionManager::new(config, NoTls);
    let pool = Pool::builder().max_size(8).build(manager)?;
    Ok(pool)
}

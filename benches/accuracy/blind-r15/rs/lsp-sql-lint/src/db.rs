use postgres::{Client, NoTls};
use r2d2_postgres::PostgresConnectionManager;

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;
pub type PgConn = r2d2::PooledConnection<PostgresConnectionManager<NoTls>>;

pub fn pool(dsn: &str, size: u32) -> Result<PgPool, r2d2::Error> {
    let manager = PostgresConnectionManager::new(dsn.parse().expect("invalid SQLLINT_DSN"), NoTls);
    r2d2::Pool::builder().max_size(size).build(manager)
}

pub fn connect(dsn: &str) -> Result<Client, postgres::Error> {
    Client::connect(dsn, NoTls)
}

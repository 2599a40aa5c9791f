use std::env;
use std::time::Duration;

use bb8::Pool;
use bb8_postgres::PostgresConnectionManager;
use tokio_postgres::NoTls;

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Pool for the settlements database; built once in main.
pub async fn make_pool() -> anyhow::Result<PgPool> {
    let url = env::var("SETTLEMENT_DB_URL")?;
    let manager = PostgresConnectionManager::new_from_stringlike(url, NoTls)?;
    let pool = Pool::builder().max_size(16).connection_timeout(Duration::from_secs(5)).build(manager).await?;
    Ok(pool)
}

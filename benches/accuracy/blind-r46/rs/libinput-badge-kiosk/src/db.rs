use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

/// Called once from main.
pub async fn make_pool(url: &str) -> anyhow::Result<PgPool> {
    Ok(PgPoolOptions::new().max_connections(2).connect(url).await?)
}

//! Session tokens, stored in the `sessions` table of the main database.

use bb8::Pool;
use bb8_postgres::PostgresConnectionManager;
use tokio_postgres::NoTls;

pub type SessionPool = Pool<PostgresConnectionManager<NoTls>>;

pub async fn connect() -> anyhow::Result<SessionPool> {
    let manager =
        PostgresConnectionManager::new_from_stringlike(std::env::var("DATABASE_URL")?, NoTls)?;
    let pool = Pool::builder().max_size(8).build(manager).await?;
    Ok(pool)
}

pub async fn create(pool: &SessionPool, user_id: i64) -> anyhow::Result<String> {
    let conn = pool.get().await?;
    let row = conn
        .query_one(
            "INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + interval '7 days') \
             RETURNING token::text",
            &[&user_id],
        )
        .await?;
    Ok(row.get(0))
}

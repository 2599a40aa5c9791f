use sqlx::postgres::{PgPool, PgPoolOptions};

/// Opens a metadata pool. Used by the write path, which needs its own
/// statement timeout so a slow fsync does not block readers.
pub async fn connect(database_url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(4)
        .after_connect(|conn, _| {
            Box::pin(async move {
                sqlx::query("SET statement_timeout = '15s'")
                    .execute(conn)
                    .await?;
                Ok(())
            })
        })
        .connect(database_url)
        .await
}

pub async fn object_size(pool: &PgPool, bucket: &str, key: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT size FROM objects WHERE bucket = $1 AND key = $2")
        .bind(bucket)
        .bind(key)
        .fetch_optional(pool)
        .await
}

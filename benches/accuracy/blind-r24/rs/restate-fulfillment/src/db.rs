use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

/// Shared pool for the whole deployment. Restate fans invocations out
/// aggressively during flash sales, so we give it plenty of headroom.
pub async fn make_pool(url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(150)
        .min_connections(20)
        .acquire_timeout(Duration::from_secs(10))
        .idle_timeout(Duration::from_secs(300))
        .connect(url)
        .await
}

/// Used by the readiness probe sidecar (`fulfillment-svc --check`).
pub async fn ping(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(pool).await?;
    Ok(())
}

/// Stock rows are created by the catalogue service; we only verify that the
/// tables we touch exist so a bad deploy fails fast instead of per invocation.
pub async fn verify_schema(pool: &PgPool) -> Result<(), sqlx::Error> {
    for table in ["orders", "stock"] {
        let exists: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = $1)",
        )
        .bind(table)
        .fetch_one(pool)
        .await?;
        if !exists {
            return Err(sqlx::Error::Protocol(format!("missing table {table}")));
        }
    }
    Ok(())
}

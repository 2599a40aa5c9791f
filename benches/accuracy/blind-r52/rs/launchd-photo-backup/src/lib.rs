//! Shared code for the two launchd agents in this package:
//!
//! * `backupd` (KeepAlive) — long-running uploader
//! * `backup-report` (StartCalendarInterval) — one process per daily run
//!
//! Each process calls `db::make_pool` exactly once.

pub mod db {
    use sqlx::postgres::{PgPool, PgPoolOptions};
    use std::time::Duration;

    /// Builds the pool for this process. The Mac may have just woken up, so
    /// wait for the network instead of failing the launchd job immediately.
    pub async fn make_pool(max_connections: u32) -> anyhow::Result<PgPool> {
        let url = std::env::var("BACKUP_DATABASE_URL")?;
        let mut delay = Duration::from_secs(1);
        for attempt in 1..=8 {
            match PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect(&url)
                .await
            {
                Ok(pool) => return Ok(pool),
                Err(e) => {
                    eprintln!("database unreachable (attempt {attempt}/8): {e}");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(60));
                }
            }
        }
        anyhow::bail!("database still unreachable after 8 attempts")
    }

    pub async fn already_uploaded(pool: &PgPool, sha256: &str) -> sqlx::Result<bool> {
        let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM uploads WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(pool)
            .await?;
        Ok(found.is_some())
    }

    pub async fn record_upload(pool: &PgPool, path: &str, sha256: &str, key: &str, bytes: i64) -> sqlx::Result<()> {
        sqlx::query("INSERT INTO uploads (path, sha256, s3_key, bytes) VALUES ($1, $2, $3, $4)")
            .bind(path)
            .bind(sha256)
            .bind(key)
            .bind(bytes)
            .execute(pool)
            .await?;
        Ok(())
    }
}

//! Transfer audit trail (who pushed/pulled which LFS object to which remote).

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::protocol::Transfer;

/// One small pool per agent process; git-lfs runs at most a handful of agent
/// processes per command, each for the duration of that command.
pub async fn open_pool() -> anyhow::Result<PgPool> {
    let url = std::env::var("LFS_AUDIT_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await?;
    Ok(pool)
}

pub async fn record(pool: &PgPool, remote: &str, operation: &str, req: &Transfer) -> sqlx::Result<()> {
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    sqlx::query(
        "INSERT INTO lfs_transfers (oid, size, remote, operation, username, at) \
         VALUES ($1, $2, $3, $4, $5, now()) \
         ON CONFLICT (oid, operation, remote) DO UPDATE SET at = excluded.at",
    )
    .bind(&req.oid)
    .bind(req.size)
    .bind(remote)
    .bind(operation)
    .bind(user)
    .execute(pool)
    .await?;
    Ok(())
}

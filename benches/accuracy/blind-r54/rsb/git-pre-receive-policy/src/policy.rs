use std::time::Duration;

use anyhow::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Protection {
    pub allow_force_push: bool,
    pub require_ci: bool,
    pub allowed_pushers: Vec<String>,
}

/// git runs the hook once per push; one short-lived connection is enough.
pub async fn connect(database_url: &str) -> Result<PgPool> {
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect(database_url)
        .await?;
    Ok(pool)
}

/// Most specific matching pattern wins (`release/*` beats `*`).
pub async fn protection_for(pool: &PgPool, repo: &str, refname: &str) -> Result<Option<Protection>> {
    let branch = refname.strip_prefix("refs/heads/").unwrap_or(refname);
    let row: Option<(bool, bool, Vec<String>)> = sqlx::query_as(
        "SELECT allow_force_push, require_ci, allowed_pushers FROM branch_protection \
         WHERE repo = $1 AND $2 LIKE replace(pattern, '*', '%') \
         ORDER BY length(pattern) DESC LIMIT 1",
    )
    .bind(repo)
    .bind(branch)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(allow_force_push, require_ci, allowed_pushers)| Protection {
        allow_force_push,
        require_ci,
        allowed_pushers,
    }))
}

pub async fn log_push(pool: &PgPool, repo: &str, pusher: &str, refname: &str, new: &str, accepted: bool) -> Result<()> {
    sqlx::query(
        "INSERT INTO push_log (repo, pusher, refname, new_sha, accepted, at) \
         VALUES ($1, $2, $3, $4, $5, now())",
    )
    .bind(repo)
    .bind(pusher)
    .bind(refname)
    .bind(new)
    .bind(accepted)
    .execute(pool)
    .await?;
    Ok(())
}

//! `sieve_script` table shared with Pigeonhole's dict storage.
use deadpool_postgres::{Config, ManagerConfig, Pool, PoolConfig, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

const QUOTA_SCRIPTS: i64 = 20;
const QUOTA_BYTES: usize = 64 * 1024;

/// Called once from `main`; every connection task shares the returned pool.
pub fn make_pool(url: &str) -> anyhow::Result<Pool> {
    let mut cfg = Config::new();
    cfg.url = Some(url.to_string());
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    cfg.pool = Some(PoolConfig::new(12));
    Ok(cfg.create_pool(Some(Runtime::Tokio1), NoTls)?)
}

pub async fn list(pool: &Pool, user: &str) -> anyhow::Result<Vec<(String, bool)>> {
    let client = pool.get().await?;
    let rows = client
        .query("SELECT name, active FROM sieve_script WHERE username = $1 ORDER BY name", &[&user])
        .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

pub async fn get(pool: &Pool, user: &str, name: &str) -> anyhow::Result<Option<String>> {
    let client = pool.get().await?;
    let row = client
        .query_opt("SELECT body FROM sieve_script WHERE username = $1 AND name = $2", &[&user, &name])
        .await?;
    Ok(row.map(|r| r.get(0)))
}

/// Returns `Ok(false)` when the user's quota would be exceeded.
pub async fn put(pool: &Pool, user: &str, name: &str, body: &str) -> anyhow::Result<bool> {
    if body.len() > QUOTA_BYTES {
        return Ok(false);
    }
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    let count: i64 = tx
        .query_one(
            "SELECT count(*) FROM sieve_script WHERE username = $1 AND name <> $2",
            &[&user, &name],
        )
        .await?
        .get(0);
    if count >= QUOTA_SCRIPTS {
        return Ok(false); // tx dropped: rolled back, connection back to the pool
    }
    tx.execute(
        "INSERT INTO sieve_script (username, name, body, active, updated_at)
         VALUES ($1, $2, $3, false, now())
         ON CONFLICT (username, name) DO UPDATE SET body = EXCLUDED.body, updated_at = now()",
        &[&user, &name, &body],
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Activating "" deactivates all scripts (RFC 5804 section 2.8).
pub async fn set_active(pool: &Pool, user: &str, name: &str) -> anyhow::Result<bool> {
    let mut client = pool.get().await?;
    let tx = client.transaction().await?;
    tx.execute("UPDATE sieve_script SET active = false WHERE username = $1", &[&user]).await?;
    if !name.is_empty() {
        let n = tx
            .execute("UPDATE sieve_script SET active = true WHERE username = $1 AND name = $2", &[&user, &name])
            .await?;
        if n == 0 {
            return Ok(false);
        }
    }
    tx.commit().await?;
    Ok(true)
}

pub async fn delete(pool: &Pool, user: &str, name: &str) -> anyhow::Result<&'static str> {
    let client = pool.get().await?;
    let n = client
        .execute(
            "DELETE FROM sieve_script WHERE username = $1 AND name = $2 AND NOT active",
            &[&user, &name],
        )
        .await?;
    Ok(if n == 1 { "OK" } else { "NO (ACTIVE) \"Script is active or does not exist\"" })
}

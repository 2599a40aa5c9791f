use sqlx::postgres::{PgPool, PgPoolOptions};

/// Main indexer pool: block rows, transfers, finality bookkeeping.
pub async fn connect(url: &str) -> Result<PgPool, sqlx::Error> {
    let pool = PgPoolOptions::new().max_connections(20).connect(url).await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// Highest block we have already committed, used to log the resume point.
pub async fn last_committed_block(pool: &PgPool) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT max(number) FROM blocks")
        .fetch_one(pool)
        .await
}

/// Counts watched-address transfers committed so far (startup banner).
pub async fn transfer_stats(pool: &PgPool) -> Result<(i64, f64), sqlx::Error> {
    let (count, usd): (i64, Option<f64>) =
        sqlx::query_as("SELECT count(*), sum(usd) FROM transfers")
            .fetch_one(pool)
            .await?;
    Ok((count, usd.unwrap_or(0.0)))
}

/// Removes rows of blocks that lost a re-org and were committed anyway
/// (only possible for re-orgs deeper than the confirmation depth).
pub async fn purge_block(pool: &PgPool, hash: &str) -> Result<u64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM transfers WHERE block_hash = $1")
        .bind(hash)
        .execute(&mut *tx)
        .await?;
    let removed = sqlx::query("DELETE FROM blocks WHERE hash = $1")
        .bind(hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(removed)
}

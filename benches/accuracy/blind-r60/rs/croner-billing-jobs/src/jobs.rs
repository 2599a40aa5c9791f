//! Job bodies. They receive shared clients; none of them builds its own.

use chrono::NaiveDate;
use serde_json::json;
use sqlx::PgPool;

pub async fn rollup_usage_for(pool: &PgPool, day: NaiveDate) -> anyhow::Result<u64> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM usage_daily WHERE day = $1")
        .bind(day)
        .execute(&mut *tx)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO usage_daily (day, account_id, units)
         SELECT $1, account_id, sum(units) FROM usage_events
         WHERE recorded_at >= $1 AND recorded_at < $1 + 1
         GROUP BY account_id",
    )
    .bind(day)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(inserted)
}

pub async fn expire_stale_carts(pool: &PgPool) -> anyhow::Result<u64> {
    let mut conn = pool.acquire().await?;
    let done = sqlx::query(
        "UPDATE carts SET state = 'expired'
         WHERE state = 'open' AND updated_at < now() - interval '2 hours'",
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done)
}

pub async fn post_sla_report(pool: &PgPool, http: &reqwest::Client, webhook: &str) -> anyhow::Result<()> {
    let (late, total): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE paid_at > due_at), count(*)
         FROM invoices WHERE due_at > now() - interval '1 hour'",
    )
    .fetch_one(pool)
    .await?;
    http.post(webhook)
        .json(&json!({ "text": format!("Invoices due last hour: {total}, paid late: {late}") }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

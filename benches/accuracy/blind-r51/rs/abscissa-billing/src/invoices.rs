use chrono::{Months, NaiveDate};
use sqlx::{PgConnection, PgPool};

/// Turns closed usage periods into invoice lines. Runs once per tick.
pub async fn sweep(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query(
        "WITH due AS ( \
             SELECT id, account_id, ended_at - started_at AS runtime, rate_cents \
               FROM usage_periods \
              WHERE ended_at IS NOT NULL AND invoiced_at IS NULL \
              ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED) \
         INSERT INTO invoice_lines (usage_id, account_id, amount_cents) \
         SELECT id, account_id, CEIL(EXTRACT(EPOCH FROM runtime) / 3600 * rate_cents)::bigint FROM due",
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();

    sqlx::query(
        "UPDATE usage_periods SET invoiced_at = now() \
          WHERE id IN (SELECT usage_id FROM invoice_lines) AND invoiced_at IS NULL",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(inserted)
}

pub async fn ids_for_month(conn: &mut PgConnection, first_day: NaiveDate) -> Result<Vec<i64>, sqlx::Error> {
    let next = first_day + Months::new(1);
    sqlx::query_scalar("SELECT id FROM invoices WHERE period_start >= $1 AND period_start < $2 ORDER BY id")
        .bind(first_day)
        .bind(next)
        .fetch_all(conn)
        .await
}

pub async fn recompute(conn: &mut PgConnection, invoice_id: i64, dry_run: bool) -> Result<i64, sqlx::Error> {
    let total: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(amount_cents), 0)::bigint FROM invoice_lines l \
           JOIN invoices i ON i.account_id = l.account_id \
          WHERE i.id = $1 AND l.created_at >= i.period_start AND l.created_at < i.period_end",
    )
    .bind(invoice_id)
    .fetch_one(&mut *conn)
    .await?;

    if !dry_run {
        sqlx::query("UPDATE invoices SET total_cents = $2 WHERE id = $1")
            .bind(invoice_id)
            .bind(total)
            .execute(&mut *conn)
            .await?;
    }
    Ok(total)
}

use sqlx::PgPool;
use tokio_cron_scheduler::{Job, JobScheduler};

async fn mark_overdue(pool: &PgPool) -> sqlx::Result<u64> {
    let res = sqlx::query(
        "UPDATE invoices SET status = 'overdue' WHERE status = 'open' AND due_at < now()",
    )
    .execute(pool)
    .await?;
    Ok(res.rows_affected())
}

async fn close_month(pool: &PgPool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO statements (account_id, period, total_cents) SELECT account_id, date_trunc('month', now() - interval '1 day'), sum(amount_cents) FROM invoices WHERE status = 'paid' GROUP BY account_id")
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = billing::connect_pool(4).await?;
    let sched = JobScheduler::new().await?;

    let p = pool.clone();
    sched
        .add(Job::new_async("0 */5 * * * *", move |_id, _lock| {
            let pool = p.clone();
            Box::pin(async move {
                match mark_overdue(&pool).await {
                    Ok(n) => tracing::info!(n, "marked invoices overdue"),
                    Err(e) => tracing::error!(error = %e, "overdue sweep failed"),
                }
            })
        })?)
        .await?;

    let p = pool.clone();
    sched
        .add(Job::new_async("0 0 2 1 * *", move |_id, _lock| {
            let pool = p.clone();
            Box::pin(async move {
                if let Err(e) = close_month(&pool).await {
                    tracing::error!(error = %e, "month close failed");
                }
            })
        })?)
        .await?;

    sched.start().await?;
    tokio::signal::ctrl_c().await?;
    Ok(())
}

use std::sync::Arc;

use delay_timer::prelude::*;

use crate::Ctx;

/// Every 10 minutes: push finalised invoices to the payment provider.
pub fn task(id: u64, ctx: Arc<Ctx>) -> Result<Task, TaskError> {
    let body = move || {
        let ctx = ctx.clone();
        async move {
            if let Err(e) = run(&ctx).await {
                tracing::error!(error = %e, "invoice push failed");
            }
        }
    };
    TaskBuilder::default()
        .set_task_id(id)
        .set_frequency_repeated_by_cron_str("0 */10 * * * * *")
        .set_maximum_parallel_runnable_num(1)
        .spawn_async_routine(body)
}

async fn run(ctx: &Ctx) -> anyhow::Result<()> {
    let mut tx = ctx.pool.begin().await?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM invoices WHERE status = 'final' ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED",
    )
    .fetch_all(&mut *tx)
    .await?;
    for id in &ids {
        ctx.http
            .post(format!("https://payments.example.com/v1/invoices/{id}/collect"))
            .send()
            .await?
            .error_for_status()?;
        sqlx::query("UPDATE invoices SET status = 'collecting' WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

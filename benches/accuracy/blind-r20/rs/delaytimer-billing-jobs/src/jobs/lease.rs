use std::sync::Arc;
use std::time::Duration;

use delay_timer::prelude::*;

use crate::Ctx;

const DUNNING_LOCK: i64 = 0x6475_6e6e;

/// Every 5 minutes: send dunning e-mails. Only one job host may do this at a time,
/// so the run takes a session advisory lock and keeps it alive in the background.
pub fn task(id: u64, ctx: Arc<Ctx>) -> Result<Task, TaskError> {
    let body = move || {
        let ctx = ctx.clone();
        async move {
            if let Err(e) = dunning(&ctx).await {
                tracing::warn!(error = %e, "dunning run failed");
            }
        }
    };
    TaskBuilder::default()
        .set_task_id(id)
        .set_frequency_repeated_by_minutes(5)
        .spawn_async_routine(body)
}

async fn dunning(ctx: &Ctx) -> anyhow::Result<()> {
    let mut conn = ctx.pool.acquire().await?;
    let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
        .bind(DUNNING_LOCK)
        .fetch_one(&mut *conn)
        .await?;
    if !got {
        return Ok(());
    }

    // keep the session (and the lock) alive while the e-mails go out
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(20));
        loop {
            tick.tick().await;
            if let Err(e) = sqlx::query("SELECT 1").execute(&mut *conn).await {
                tracing::warn!(error = %e, "lease keepalive failed");
            }
        }
    });

    let overdue: Vec<(i64, String)> = sqlx::query_as(
        "SELECT i.id, c.email FROM invoices i JOIN customers c ON c.id = i.customer_id
         WHERE i.status = 'collecting' AND i.due_at < now() - interval '3 days'",
    )
    .fetch_all(&ctx.pool)
    .await?;
    for (invoice, email) in overdue {
        ctx.http
            .post("https://mail.example.com/v3/send")
            .json(&serde_json::json!({ "to": email, "template": "dunning", "invoice": invoice }))
            .send()
            .await?;
    }
    Ok(())
}

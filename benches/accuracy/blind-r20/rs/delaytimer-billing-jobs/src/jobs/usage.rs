use std::sync::Arc;

use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::types::AttributeValue;
use delay_timer::prelude::*;

use crate::Ctx;

/// Every minute: roll up metered API usage from DynamoDB into billing line items.
pub fn task(id: u64, ctx: Arc<Ctx>) -> Result<Task, TaskError> {
    let body = move || {
        let ctx = ctx.clone();
        async move {
            if let Err(e) = rollup(&ctx).await {
                tracing::warn!(error = %e, "usage rollup failed");
            }
        }
    };
    TaskBuilder::default()
        .set_task_id(id)
        .set_frequency_repeated_by_seconds(60)
        .spawn_async_routine(body)
}

async fn rollup(ctx: &Ctx) -> anyhow::Result<()> {
    let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let ddb = aws_sdk_dynamodb::Client::new(&conf);

    let bucket = chrono::Utc::now().format("%Y-%m-%dT%H:%M").to_string();
    let out = ddb
        .query()
        .table_name("api_usage")
        .key_condition_expression("minute = :m")
        .expression_attribute_values(":m", AttributeValue::S(bucket.clone()))
        .send()
        .await?;

    for item in out.items() {
        let (Some(AttributeValue::S(account)), Some(AttributeValue::N(calls))) =
            (item.get("account_id"), item.get("calls"))
        else {
            continue;
        };
        sqlx::query(
            "INSERT INTO usage_line_items (account_id, minute, calls) VALUES ($1, $2, $3::bigint)
             ON CONFLICT (account_id, minute) DO UPDATE SET calls = EXCLUDED.calls",
        )
        .bind(account)
        .bind(&bucket)
        .bind(calls)
        .execute(&ctx.pool)
        .await?;
    }
    Ok(())
}

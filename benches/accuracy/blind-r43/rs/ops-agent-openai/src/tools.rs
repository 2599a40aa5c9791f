use async_openai::error::OpenAIError;
use async_openai::types::{ChatCompletionTool, ChatCompletionToolArgs, ChatCompletionToolType, FunctionObjectArgs};
use serde_json::{json, Value};
use sqlx::PgPool;

pub fn definitions() -> Result<Vec<ChatCompletionTool>, OpenAIError> {
    Ok(vec![
        ChatCompletionToolArgs::default()
            .r#type(ChatCompletionToolType::Function)
            .function(
                FunctionObjectArgs::default()
                    .name("lookup_order")
                    .description("Current status, carrier and last scan of an order")
                    .parameters(json!({
                        "type": "object",
                        "properties": { "order_id": { "type": "integer" } },
                        "required": ["order_id"]
                    }))
                    .build()?,
            )
            .build()?,
        ChatCompletionToolArgs::default()
            .r#type(ChatCompletionToolType::Function)
            .function(
                FunctionObjectArgs::default()
                    .name("requeue_shipment")
                    .description("Put a failed shipment label request back on the queue")
                    .parameters(json!({
                        "type": "object",
                        "properties": { "order_id": { "type": "integer" } },
                        "required": ["order_id"]
                    }))
                    .build()?,
            )
            .build()?,
    ])
}

/// Executes one tool call requested by the model. Uses the shared pool; the
/// requeue runs in a transaction that is rolled back on any early return.
pub async fn call(pool: &PgPool, name: &str, arguments: &str) -> anyhow::Result<String> {
    let args: Value = serde_json::from_str(arguments)?;
    let order_id = args["order_id"]
        .as_i64()
        .ok_or_else(|| anyhow::anyhow!("order_id missing"))?;

    match name {
        "lookup_order" => {
            let row: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
                "SELECT o.status, s.carrier, s.last_scan FROM orders o
                 LEFT JOIN shipments s ON s.order_id = o.id WHERE o.id = $1",
            )
            .bind(order_id)
            .fetch_optional(pool)
            .await?;
            Ok(match row {
                Some((status, carrier, scan)) => json!({ "status": status, "carrier": carrier, "last_scan": scan }).to_string(),
                None => format!("order {order_id} not found"),
            })
        }
        "requeue_shipment" => {
            let mut tx = pool.begin().await?;
            let updated = sqlx::query(
                "UPDATE shipments SET state = 'queued', attempts = 0
                 WHERE order_id = $1 AND state = 'failed'",
            )
            .bind(order_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if updated == 0 {
                return Ok(format!("order {order_id} has no failed shipment"));
            }
            sqlx::query("INSERT INTO ops_audit (actor, action, order_id) VALUES ('ops-agent', 'requeue', $1)")
                .bind(order_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(format!("shipment for order {order_id} requeued"))
        }
        other => Ok(format!("unknown tool {other}")),
    }
}

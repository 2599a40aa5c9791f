//! Tools the support agent may call while answering a customer question.
//! rig invokes `Tool::call` once per tool call the model makes.

use rig::completion::ToolDefinition;
use rig::tool::Tool;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Row};

#[derive(Debug, thiserror::Error)]
pub enum ToolError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Http(#[from] reqwest::Error),
    #[error("{0}")]
    Rejected(String),
}

#[derive(Deserialize)]
pub struct OrderArgs {
    order_id: i64,
}

#[derive(Serialize)]
pub struct OrderSummary {
    status: String,
    total_cents: i64,
    tracking_number: Option<String>,
}

pub struct OrderLookup {
    pub database_url: String,
}

impl Tool for OrderLookup {
    const NAME: &'static str = "order_lookup";
    type Error = ToolError;
    type Args = OrderArgs;
    type Output = OrderSummary;

    async fn definition(&self, _prompt: String) -> ToolDefinition {
        ToolDefinition {
            name: Self::NAME.to_string(),
            description: "Look up an order by id: status, total and tracking number".to_string(),
            parameters: json!({
                "type": "object",
                "properties": { "order_id": { "type": "integer" } },
                "required": ["order_id"]
            }),
        }
    }

    async fn call(&self, args: Self::Args) -> Result<Self::Output, Self::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect(&self.database_url)
            .await?;
        let row = sqlx::query("SELECT status, total_cents, tracking_number FROM orders WHERE id = $1")
            .bind(args.order_id)
            .fetch_one(&pool)
            .await?;
        Ok(OrderSummary {
            status: row.get("status"),
            total_cents: row.get("total_cents"),
            tracking_number: row.get("tracking_number"),
        })
    }
}

#[derive(Deserialize)]
pub struct EtaArgs {
    tracking_number: String,
}

pub struct ShippingEta {
    pub carrier_api: String,
}

impl Tool for ShippingEta {
    const NAME: &'static str = "shipping_eta";
    type Error = ToolError;
    type Args = EtaArgs;
    type Output = serde_json::Value;

    async fn definition(&self, _prompt: String) -> ToolDefinition {
        ToolDefinition {
            name: Self::NAME.to_string(),
            description: "Estimated delivery date for a tracking number".to_string(),
            parameters: json!({
                "type": "object",
                "properties": { "tracking_number": { "type": "string" } },
                "required": ["tracking_number"]
            }),
        }
    }

    async fn call(&self, args: Self::Args) -> Result<Self::Output, Self::Error> {
        let http = reqwest::Client::new();
        let eta = http
            .get(format!("{}/v2/track/{}", self.carrier_api, args.tracking_number))
            .send()
            .await?
            .error_for_status()?
            .json::<serde_json::Value>()
            .await?;
        Ok(eta)
    }
}

#[derive(Deserialize)]
pub struct RefundArgs {
    order_id: i64,
    reason: String,
}

pub struct IssueRefund {
    pub pool: PgPool,
}

impl Tool for IssueRefund {
    const NAME: &'static str = "issue_refund";
    type Error = ToolError;
    type Args = RefundArgs;
    type Output = String;

    async fn definition(&self, _prompt: String) -> ToolDefinition {
        ToolDefinition {
            name: Self::NAME.to_string(),
            description: "Refund a delivered order in full".to_string(),
            parameters: json!({
                "type": "object",
                "properties": {
                    "order_id": { "type": "integer" },
                    "reason": { "type": "string" }
                },
                "required": ["order_id", "reason"]
            }),
        }
    }

    async fn call(&self, args: Self::Args) -> Result<Self::Output, Self::Error> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("BEGIN").execute(&mut *conn).await?;
        let row = sqlx::query("SELECT status, total_cents FROM orders WHERE id = $1 FOR UPDATE")
            .bind(args.order_id)
            .fetch_one(&mut *conn)
            .await?;
        let status: String = row.get("status");
        if status != "delivered" {
            return Err(ToolError::Rejected(format!("order {} is {status}", args.order_id)));
        }
        let total: i64 = row.get("total_cents");
        sqlx::query("INSERT INTO refunds (order_id, amount_cents, reason) VALUES ($1, $2, $3)")
            .bind(args.order_id)
            .bind(total)
            .bind(&args.reason)
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE orders SET status = 'refunded' WHERE id = $1")
            .bind(args.order_id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("COMMIT").execute(&mut *conn).await?;
        Ok(format!("refunded {total} cents on order {}", args.order_id))
    }
}

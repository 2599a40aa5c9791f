use std::time::Duration;

use rmcp::{
    handler::server::{router::tool::ToolRouter, wrapper::Parameters},
    model::{CallToolResult, Content, ServerCapabilities, ServerInfo},
    schemars, tool, tool_handler, tool_router, ErrorData as McpError, ServerHandler,
};
use serde::Deserialize;
use sqlx::{postgres::PgPoolOptions, PgPool, Row};

#[derive(Clone)]
pub struct InventoryTools {
    pool: PgPool,
    tool_router: ToolRouter<Self>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct SkuArgs {
    /// Stock keeping unit, e.g. "BOLT-M8-40"
    pub sku: String,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct TransferArgs {
    pub sku: String,
    pub from_site: i32,
    pub to_site: i32,
    pub qty: i32,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ReportArgs {
    /// Look-back window in days
    pub since_days: i32,
}

fn internal<E: std::fmt::Display>(e: E) -> McpError {
    McpError::internal_error(e.to_string(), None)
}

#[tool_router]
impl InventoryTools {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, tool_router: Self::tool_router() }
    }

    #[tool(description = "Current stock level of a SKU at every site")]
    async fn stock_level(&self, Parameters(args): Parameters<SkuArgs>) -> Result<CallToolResult, McpError> {
        let rows = sqlx::query("SELECT site_id, qty FROM stock WHERE sku = $1 ORDER BY site_id")
            .bind(&args.sku)
            .fetch_all(&self.pool)
            .await
            .map_err(internal)?;
        let lines: Vec<String> = rows
            .iter()
            .map(|r| format!("site {}: {}", r.get::<i32, _>("site_id"), r.get::<i32, _>("qty")))
            .collect();
        Ok(CallToolResult::success(vec![Content::text(lines.join("\n"))]))
    }

    #[tool(description = "Ask the supplier portal for a current price quote")]
    async fn supplier_quote(&self, Parameters(args): Parameters<SkuArgs>) -> Result<CallToolResult, McpError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(internal)?;
        let quote: serde_json::Value = http
            .get(format!("https://portal.acme-supply.example/api/v2/quotes/{}", args.sku))
            .bearer_auth(std::env::var("SUPPLIER_TOKEN").unwrap_or_default())
            .send()
            .await
            .map_err(internal)?
            .json()
            .await
            .map_err(internal)?;
        Ok(CallToolResult::success(vec![Content::text(quote.to_string())]))
    }

    #[tool(description = "Move stock of a SKU from one site to another")]
    async fn transfer_stock(&self, Parameters(args): Parameters<TransferArgs>) -> Result<CallToolResult, McpError> {
        let mut conn = self.pool.acquire().await.map_err(internal)?;
        sqlx::query("BEGIN").execute(&mut *conn).await.map_err(internal)?;

        let available: i32 = sqlx::query_scalar("SELECT qty FROM stock WHERE sku = $1 AND site_id = $2 FOR UPDATE")
            .bind(&args.sku)
            .bind(args.from_site)
            .fetch_one(&mut *conn)
            .await
            .map_err(internal)?;
        if available < args.qty {
            return Ok(CallToolResult::error(vec![Content::text(format!(
                "only {available} units of {} at site {}",
                args.sku, args.from_site
            ))]));
        }

        sqlx::query("UPDATE stock SET qty = qty - $3 WHERE sku = $1 AND site_id = $2")
            .bind(&args.sku)
            .bind(args.from_site)
            .bind(args.qty)
            .execute(&mut *conn)
            .await
            .map_err(internal)?;
        sqlx::query(
            "INSERT INTO stock (sku, site_id, qty) VALUES ($1, $2, $3) \
             ON CONFLICT (sku, site_id) DO UPDATE SET qty = stock.qty + EXCLUDED.qty",
        )
        .bind(&args.sku)
        .bind(args.to_site)
        .bind(args.qty)
        .execute(&mut *conn)
        .await
        .map_err(internal)?;
        sqlx::query("COMMIT").execute(&mut *conn).await.map_err(internal)?;

        Ok(CallToolResult::success(vec![Content::text("transfer booked")]))
    }

    #[tool(description = "Slow-moving stock report, read from the reporting replica")]
    async fn slow_movers(&self, Parameters(args): Parameters<ReportArgs>) -> Result<CallToolResult, McpError> {
        let replica_url = std::env::var("REPLICA_DATABASE_URL").map_err(internal)?;
        let replica = PgPoolOptions::new()
            .max_connections(2)
            .connect(&replica_url)
            .await
            .map_err(internal)?;
        let rows = sqlx::query(
            "SELECT sku, SUM(qty)::int AS on_hand FROM stock s \
             WHERE NOT EXISTS (SELECT 1 FROM movements m WHERE m.sku = s.sku \
                               AND m.moved_at > now() - make_interval(days => $1)) \
             GROUP BY sku ORDER BY on_hand DESC LIMIT 50",
        )
        .bind(args.since_days)
        .fetch_all(&replica)
        .await
        .map_err(internal)?;
        let text = rows
            .iter()
            .map(|r| format!("{} ({} on hand)", r.get::<String, _>("sku"), r.get::<i32, _>("on_hand")))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(CallToolResult::success(vec![Content::text(text)]))
    }
}

#[tool_handler]
impl ServerHandler for InventoryTools {
    fn get_info(&self) -> ServerInfo {
        ServerInfo {
            instructions: Some("Warehouse inventory tools: stock levels, transfers, supplier quotes.".into()),
            capabilities: ServerCapabilities::builder().enable_tools().build(),
            ..Default::default()
        }
    }
}

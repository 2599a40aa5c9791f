use chrono::NaiveDate;
use saphir::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use sqlx::PgPool;

#[derive(Serialize, sqlx::FromRow)]
pub struct DailySales {
    pub day: NaiveDate,
    pub orders: i64,
    pub revenue_cents: i64,
}

pub struct ReportController {
    replica_url: String,
    partner_webhook: Option<String>,
}

impl ReportController {
    pub fn new(replica_url: String, partner_webhook: Option<String>) -> Self {
        Self { replica_url, partner_webhook }
    }

    async fn load_sales(&self, days: i32) -> Result<Vec<DailySales>, sqlx::Error> {
        // Reports must never hit the primary, so go to the read replica.
        let replica = PgPool::connect(&self.replica_url).await?;
        let rows = sqlx::query_as::<_, DailySales>(
            "SELECT date_trunc('day', placed_at)::date AS day, count(*) AS orders, \
             coalesce(sum(total_cents), 0)::bigint AS revenue_cents \
             FROM orders WHERE placed_at > now() - make_interval(days => $1) \
             GROUP BY 1 ORDER BY 1",
        )
        .bind(days)
        .fetch_all(&replica)
        .await?;
        replica.close().await;
        Ok(rows)
    }
}

#[controller(name = "reports", version = 1, prefix = "api")]
impl ReportController {
    #[get("/sales")]
    async fn sales(&self, days: Option<i32>) -> (u16, Json<Value>) {
        match self.load_sales(days.unwrap_or(30).clamp(1, 365)).await {
            Ok(rows) => (200, Json(json!(rows))),
            Err(e) => {
                log::error!("sales report: {e}");
                (500, Json(json!({ "error": "report unavailable" })))
            }
        }
    }

    #[post("/sales/share")]
    async fn share_with_partner(&self, days: Option<i32>) -> (u16, Json<Value>) {
        let Some(url) = self.partner_webhook.as_deref() else {
            return (409, Json(json!({ "error": "no partner webhook configured" })));
        };
        let rows = match self.load_sales(days.unwrap_or(7).clamp(1, 90)).await {
            Ok(rows) => rows,
            Err(e) => {
                log::error!("share report: {e}");
                return (500, Json(json!({ "error": "report unavailable" })));
            }
        };

        let http = reqwest::Client::new();
        match http.post(url).json(&json!({ "daily_sales": rows })).send().await {
            Ok(resp) if resp.status().is_success() => (202, Json(json!({ "shared": rows.len() }))),
            Ok(resp) => (502, Json(json!({ "error": format!("partner answered {}", resp.status()) }))),
            Err(e) => (502, Json(json!({ "error": e.to_string() }))),
        }
    }
}

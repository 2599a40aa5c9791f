/*
[dependencies]
sqlx = { version = "0.8", features = ["runtime-tokio", "tls-rustls", "postgres"] }
*/

use std::time::Duration;

use arroyo_udf_plugin::udf;
use sqlx::postgres::PgPoolOptions;

const TIER_SQL: &str = "SELECT tier FROM crm.customers WHERE id = $1 AND deleted_at IS NULL";

/// Looks up the customer's loyalty tier in the CRM database.
///
/// Returns NULL for anonymous traffic (customer_id = 0) or when the CRM is
/// unavailable, so the pipeline keeps flowing.
#[udf(unordered, allowed_in_flight = 500, timeout = "10s")]
pub async fn customer_tier(customer_id: i64) -> Option<String> {
    if customer_id <= 0 {
        return None;
    }
    let url = crate::setting("CRM_DATABASE_URL")?;

    let crm = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&url)
        .await
        .ok()?;

    let tier: Option<String> = sqlx::query_scalar(TIER_SQL)
        .bind(customer_id)
        .fetch_optional(&crm)
        .await
        .ok()
        .flatten();

    crm.close().await;
    tier.map(|t| t.to_lowercase())
}

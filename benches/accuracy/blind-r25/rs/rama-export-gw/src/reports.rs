//! Ad-hoc reports, run against the read replica.

use rama::http::{
    service::web::extract::{Json, Query},
    StatusCode,
};
use rama::Context;
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;

use crate::audit::AuditOnDrop;
use crate::AppState;

#[derive(Deserialize)]
pub struct AdhocParams {
    pub partner_id: i64,
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    pub user: String,
}

#[derive(Serialize, sqlx::FromRow)]
pub struct DailyCount {
    pub day: chrono::NaiveDate,
    pub delivered: i64,
    pub failed: i64,
}

pub async fn adhoc(
    ctx: Context<AppState>,
    Query(params): Query<AdhocParams>,
) -> Result<Json<Vec<DailyCount>>, StatusCode> {
    let _audit = AuditOnDrop::new("adhoc_report", &params.user, params.partner_id);

    // Reports are heavy; keep them off the primary pool.
    let replica = PgPoolOptions::new()
        .max_connections(2)
        .connect(&ctx.state().replica_url)
        .await
        .map_err(|_| StatusCode::SERVICE_UNAVAILABLE)?;

    let rows = sqlx::query_as::<_, DailyCount>(
        "SELECT updated_at::date AS day, \
                count(*) FILTER (WHERE status = 'delivered') AS delivered, \
                count(*) FILTER (WHERE status = 'failed') AS failed \
         FROM shipments WHERE partner_id = $1 AND updated_at::date BETWEEN $2 AND $3 \
         GROUP BY 1 ORDER BY 1",
    )
    .bind(params.partner_id)
    .bind(params.from)
    .bind(params.to)
    .fetch_all(&replica)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;

    replica.close().await;
    Ok(Json(rows))
}

pub async fn healthz(ctx: Context<AppState>) -> StatusCode {
    match sqlx::query("SELECT 1").execute(&ctx.state().pool).await {
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

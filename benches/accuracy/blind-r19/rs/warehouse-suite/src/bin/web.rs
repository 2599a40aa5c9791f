use cot::config::ProjectConfig;
use cot::json::Json;
use cot::project::RegisterAppsContext;
use cot::request::extractors::Path;
use cot::router::{Route, Router};
use cot::{App, AppBuilder, Project};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use warehouse::db;

#[derive(Serialize)]
struct StockLevel {
    sku: String,
    on_hand: i32,
    reserved: i32,
}

#[derive(Deserialize)]
struct ReserveRequest {
    order_id: i64,
    quantity: i32,
}

#[derive(Serialize)]
struct ReserveResponse {
    reserved: bool,
}

async fn stock_level(pool: PgPool, sku: String) -> cot::Result<Json<StockLevel>> {
    let (on_hand, reserved): (i32, i32) =
        sqlx::query_as("SELECT on_hand, reserved FROM stock WHERE sku = $1")
            .bind(&sku)
            .fetch_one(&pool)
            .await
            .map_err(cot::Error::internal)?;
    Ok(Json(StockLevel { sku, on_hand, reserved }))
}

async fn reserve(pool: PgPool, sku: String, req: ReserveRequest) -> cot::Result<Json<ReserveResponse>> {
    let mut tx = pool.begin().await.map_err(cot::Error::internal)?;
    let updated = sqlx::query(
        "UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2",
    )
    .bind(&sku)
    .bind(req.quantity)
    .execute(&mut *tx)
    .await
    .map_err(cot::Error::internal)?;
    if updated.rows_affected() == 0 {
        // `tx` is dropped here and rolled back.
        return Ok(Json(ReserveResponse { reserved: false }));
    }
    sqlx::query(
        "INSERT INTO outbox (topic, payload) VALUES ('stock.reserved', json_build_object('sku', $1::text, 'order_id', $2::bigint, 'qty', $3::int))",
    )
    .bind(&sku)
    .bind(req.order_id)
    .bind(req.quantity)
    .execute(&mut *tx)
    .await
    .map_err(cot::Error::internal)?;
    tx.commit().await.map_err(cot::Error::internal)?;
    Ok(Json(ReserveResponse { reserved: true }))
}

struct StockApp {
    pool: PgPool,
}

impl App for StockApp {
    fn name(&self) -> &'static str {
        "stock"
    }

    fn router(&self) -> Router {
        let level_pool = self.pool.clone();
        let reserve_pool = self.pool.clone();
        Router::with_urls([
            Route::with_handler_and_name(
                "/stock/{sku}",
                move |Path(sku): Path<String>| {
                    let pool = level_pool.clone();
                    async move { stock_level(pool, sku).await }
                },
                "stock-level",
            ),
            Route::with_handler_and_name(
                "/stock/{sku}/reserve",
                move |Path(sku): Path<String>, Json(req): Json<ReserveRequest>| {
                    let pool = reserve_pool.clone();
                    async move { reserve(pool, sku, req).await }
                },
                "stock-reserve",
            ),
        ])
    }
}

struct WarehouseProject {
    pool: PgPool,
}

impl Project for WarehouseProject {
    fn config(&self, _config_name: &str) -> cot::Result<ProjectConfig> {
        Ok(ProjectConfig::default())
    }

    fn register_apps(&self, apps: &mut AppBuilder, _context: &RegisterAppsContext) {
        apps.register_with_views(StockApp { pool: self.pool.clone() }, "/api");
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = db::make_pool("warehouse-web", 10).await?;
    cot::run_cli(WarehouseProject { pool }).await?;
    Ok(())
}

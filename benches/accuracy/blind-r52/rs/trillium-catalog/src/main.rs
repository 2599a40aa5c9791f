mod db;
mod handlers;
mod reports;

use sqlx::PgPool;
use trillium::State;
use trillium_logger::Logger;
use trillium_router::Router;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub reports: reports::ReportStore,
}

fn router() -> Router {
    Router::new()
        .get("/products/search", handlers::search)
        .get("/products/:sku", handlers::get_product)
        .get("/reports/daily-sales", handlers::daily_sales)
        .post("/shipping/quote", handlers::shipping_quote)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = db::connect().await?;
    let reports = reports::ReportStore::new().await?;
    let app = AppState { db, reports };

    let port = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    trillium_tokio::config()
        .with_host("0.0.0.0")
        .with_port(port)
        .run_async((Logger::new(), State::new(app), router()))
        .await;
    Ok(())
}

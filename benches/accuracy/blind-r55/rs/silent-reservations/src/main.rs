mod db;
mod handlers;

use std::net::SocketAddr;

use silent::prelude::*;

async fn health(_req: Request) -> Result<String> {
    sqlx::query("SELECT 1")
        .execute(db::pool())
        .await
        .map(|_| "ok".to_string())
        .map_err(|e| SilentError::business_error(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))
}

fn routes() -> Route {
    Route::new("")
        .append(Route::new("health").get(health))
        .append(
            Route::new("items").append(
                Route::new("<sku:str>")
                    .get(handlers::get_item)
                    .append(Route::new("reservations").post(handlers::reserve)),
            ),
        )
}

#[tokio::main]
async fn main() {
    logger::fmt().with_max_level(Level::INFO).init();

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pool = db::make_pool(&database_url)
        .await
        .expect("postgres never became available");
    db::install(pool);

    let addr: SocketAddr = std::env::var("LISTEN_ADDR")
        .unwrap_or_else(|_| "0.0.0.0:8000".into())
        .parse()
        .expect("LISTEN_ADDR");
    Server::new().bind(addr).serve(routes()).await;
}

use axum::{extract::Path, http::StatusCode, routing::get, Json, Router};
use serde::Serialize;
use sqlx::postgres::PgPoolOptions;

#[derive(Serialize, sqlx::FromRow)]
struct Stock {
    sku: String,
    quantity: i32,
}

async fn stock(Path(sku): Path<String>) -> Result<Json<Stock>, StatusCode> {
    let url = std::env::var("DATABASE_URL").map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&url)
        .await
        .map_err(|_| StatusCode::SERVICE_UNAVAILABLE)?;
    let row = sqlx::query_as::<_, Stock>("select sku, quantity from stock where sku = $1")
        .bind(&sku)
        .fetch_one(&pool)
        .await
        .map_err(|_| StatusCode::NOT_FOUND)?;
    Ok(Json(row))
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/stock/{sku}", get(stock));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}

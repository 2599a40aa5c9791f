//! An axum handler that builds a sqlx pool on every request, in an app without a shared state.
use axum::{extract::Path, http::StatusCode, routing::get, Router};
use sqlx::postgres::PgPoolOptions;

fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_default()
}

async fn user(Path(id): Path<i32>) -> Result<String, (StatusCode, String)> {
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&database_url())
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let row: (i32,) = sqlx::query_as("select $1::int4 from pg_sleep(0.05)")
        .bind(id)
        .fetch_one(&pool)
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(row.0.to_string())
}

#[tokio::main]
async fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
    let app = Router::new().route("/users/{id}", get(user));
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}

//! An axum app whose sqlx pool is larger than the server allows (60 against max_connections = 30).
use axum::{extract::State, http::StatusCode, routing::get, Router};
use sqlx::{postgres::PgPoolOptions, PgPool};

async fn report(State(pool): State<PgPool>) -> Result<&'static str, (StatusCode, String)> {
    sqlx::query("select pg_sleep(0.3)")
        .execute(&pool)
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok("ok")
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").unwrap_or_default();
    let pool = PgPoolOptions::new()
        .max_connections(60)
        .connect_lazy(&url)
        .unwrap();
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
    let app = Router::new().route("/report", get(report)).with_state(pool);
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}

//! An axum app whose users handler uses db.rs's pool (max 5) and whose reports use reports.rs's
//! own pool (max 5) to the same database.
mod db;
mod reports;

use axum::{extract::Path, http::StatusCode, routing::get, Router};

async fn user(Path(id): Path<i32>) -> Result<String, (StatusCode, String)> {
    let row: (i32,) = sqlx::query_as("select $1::int4 from pg_sleep(0.2)")
        .bind(id)
        .fetch_one(&*db::POOL)
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(row.0.to_string())
}

async fn report(Path(day): Path<i32>) -> Result<String, (StatusCode, String)> {
    reports::daily(day)
        .await
        .map(|d| d.to_string())
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

#[tokio::main]
async fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".into());
    let app = Router::new()
        .route("/users/{id}", get(user))
        .route("/reports/{day}", get(report));
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}

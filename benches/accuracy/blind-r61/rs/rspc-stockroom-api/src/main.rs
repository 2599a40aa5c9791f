use std::time::Duration;

use axum::routing::get;

mod api;

/// Request context handed to every procedure. Both fields are cheap handles
/// onto the pool and the HTTP client created below in `main`.
#[derive(Clone)]
pub struct Ctx {
    pub db: sqlx::PgPool,
    pub http: reqwest::Client,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = sqlx::postgres::PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()?;

    let router = api::router();

    let app = axum::Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest(
            "/rspc",
            rspc_axum::endpoint(router, move || Ctx {
                db: db.clone(),
                http: http.clone(),
            }),
        );

    let listener = tokio::net::TcpListener::bind("0.0.0.0:4000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}

mod clients;
mod extract;
mod middleware;
mod routes;

use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::Router;
use redis::aio::ConnectionManager;
use sqlx::PgPool;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub pool: PgPool,
    pub redis: ConnectionManager,
    pub http: reqwest::Client,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let state = AppState {
        pool: clients::build_pool().await?,
        redis: clients::build_redis().await?,
        http: clients::build_http()?,
    };

    let app = Router::new()
        .route("/invoices/:id", get(routes::get_invoice))
        .route("/invoices/:id/charge", post(routes::charge_invoice))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::quota))
        .with_state(state);

    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}

mod handlers;

use socketioxide::SocketIo;
use sqlx::postgres::PgPoolOptions;

#[derive(Clone)]
pub struct AppState {
    pub pg: sqlx::PgPool,
    pub redis_url: String,
    pub routing_url: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pg = PgPoolOptions::new().max_connections(80).connect(&database_url).await?;

    let state = AppState {
        pg,
        redis_url: std::env::var("REDIS_URL")?,
        routing_url: std::env::var("ROUTING_API")?,
    };

    let (layer, io) = SocketIo::builder().with_state(state).build_layer();
    io.ns("/drivers", handlers::on_connect);

    let app = axum::Router::new()
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .layer(layer);

    let listener = tokio::net::TcpListener::bind("0.0.0.0:4000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}

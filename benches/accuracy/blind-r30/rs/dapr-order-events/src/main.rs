mod handlers;

use dapr::dapr::proto::runtime::v1::app_callback_server::AppCallbackServer;
use sqlx::postgres::PgPoolOptions;
use std::time::Duration;
use tonic::transport::Server;

use crate::handlers::OrderCallbacks;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(150)
        .min_connections(20)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await?;

    let callbacks = OrderCallbacks {
        pool,
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    };

    let addr = "[::]:50051".parse()?;
    tracing::info!(%addr, "order-events app callback listening for the dapr sidecar");
    Server::builder()
        .add_service(AppCallbackServer::new(callbacks))
        .serve(addr)
        .await?;
    Ok(())
}

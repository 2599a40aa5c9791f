pub mod pb {
    tonic::include_proto!("inventory.v1");
}

mod auth;
mod clients;
mod service;

use sqlx::postgres::PgPoolOptions;
use tonic::transport::Server;

use crate::pb::inventory_server::InventoryServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(150).connect(&url).await?;

    let inventory = service::InventoryService::new(pool);
    let addr = "0.0.0.0:50051".parse()?;
    Server::builder()
        .add_service(InventoryServer::with_interceptor(inventory, auth::check_api_key))
        .serve(addr)
        .await?;
    Ok(())
}

mod service;

use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema};
use arrow_flight::flight_service_server::FlightServiceServer;
use sqlx::postgres::PgPoolOptions;
use tonic::transport::Server;

use service::WarehouseFlight;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pg = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("WAREHOUSE_DATABASE_URL")?)
        .await?;

    let orders_schema = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("sku", DataType::Utf8, false),
        Field::new("amount", DataType::Float64, false),
    ]));

    let svc = WarehouseFlight {
        pg,
        orders_schema,
        manifest_bucket: std::env::var("MANIFEST_BUCKET").unwrap_or_else(|_| "warehouse-manifests".into()),
        clickhouse_url: std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://127.0.0.1:8123".into()),
    };

    let addr = "0.0.0.0:50051".parse()?;
    tracing::info!(%addr, "flight server listening");
    Server::builder()
        .add_service(FlightServiceServer::new(svc))
        .serve(addr)
        .await?;
    Ok(())
}

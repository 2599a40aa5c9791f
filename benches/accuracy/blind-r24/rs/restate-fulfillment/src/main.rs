//! Restate deployment for order fulfillment. Registered with the Restate server via
//! `restate deployments register http://fulfillment:9080`. Every handler below is
//! invoked once per (re)tried invocation pushed by the Restate server.

use restate_sdk::prelude::*;

mod db;
mod holds;
mod orders;

use holds::{StockHold, StockHoldImpl};
use orders::{Orders, OrdersImpl};

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pool = db::make_pool(&database_url)
        .await
        .expect("cannot reach orders database");
    db::verify_schema(&pool).await.expect("schema check failed");

    let endpoint = Endpoint::builder()
        .bind(OrdersImpl::new(pool.clone()).serve())
        .bind(StockHoldImpl::new(pool).serve())
        .build();

    HttpServer::new(endpoint)
        .listen_and_serve("0.0.0.0:9080".parse().unwrap())
        .await;
}

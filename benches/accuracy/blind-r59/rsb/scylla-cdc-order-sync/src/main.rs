//! Reads the CDC log of shop.orders and applies every change to Postgres.
//! scylla-cdc asks the factory for one Consumer per CDC stream (vnode-based,
//! typically several hundred per table) and calls consume_cdc for every row
//! change in that stream.

mod consumer;
mod search;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use scylla::SessionBuilder;
use scylla_cdc::log_reader::CDCLogReaderBuilder;
use sqlx::postgres::PgPoolOptions;

use crate::consumer::OrderConsumerFactory;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info,order_cdc_sync=debug").init();

    let scylla_nodes = std::env::var("SCYLLA_NODES").unwrap_or_else(|_| "127.0.0.1:9042".into());
    let mut builder = SessionBuilder::new();
    for node in scylla_nodes.split(',') {
        builder = builder.known_node(node.trim());
    }
    let session = Arc::new(builder.build().await.context("connecting to scylla")?);

    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&std::env::var("REPORTING_DATABASE_URL")?)
        .await
        .context("connecting to reporting postgres")?;

    let factory = Arc::new(OrderConsumerFactory::new(pool.clone()));

    let (mut reader, handle) = CDCLogReaderBuilder::new()
        .session(session)
        .keyspace("shop")
        .table_name("orders")
        .window_size(Duration::from_secs(30))
        .safety_interval(Duration::from_secs(10))
        .sleep_interval(Duration::from_secs(5))
        .consumer_factory(factory)
        .build()
        .await
        .context("starting CDC log reader")?;

    tokio::select! {
        res = handle => res?,
        _ = tokio::signal::ctrl_c() => {
            tracing::info!("stopping CDC reader");
            reader.stop();
        }
    }

    pool.close().await;
    Ok(())
}

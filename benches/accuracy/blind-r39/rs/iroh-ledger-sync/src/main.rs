mod notify;
mod protocol;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use iroh::{protocol::Router, Endpoint};
use sqlx::postgres::PgPoolOptions;
use tokio::sync::Mutex;

use protocol::{LedgerProtocol, LEDGER_ALPN};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let database_url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await?;

    let endpoint = Endpoint::builder().discovery_n0().bind().await?;
    tracing::info!(node_id = %endpoint.node_id(), "ledger sync node up");

    let handler = LedgerProtocol {
        pool,
        pending: Arc::new(Mutex::new(HashMap::new())),
    };
    let router = Router::builder(endpoint).accept(LEDGER_ALPN, handler).spawn();

    tokio::signal::ctrl_c().await?;
    router.shutdown().await?;
    Ok(())
}

mod handlers;
mod store;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use coap::Server;
use coap_lite::CoapRequest;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, Transaction};
use tokio::sync::Mutex;

pub struct Gateway {
    pub pool: PgPool,
    /// firmware-log uploads in progress, keyed by device id
    pub uploads: Mutex<HashMap<String, Transaction<'static, Postgres>>>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let gw = Arc::new(Gateway { pool, uploads: Mutex::new(HashMap::new()) });

    let addr = std::env::var("COAP_BIND").unwrap_or_else(|_| "0.0.0.0:5683".into());
    let server = Server::new_udp(&addr)?;
    println!("CoAP gateway listening on {addr}");

    server
        .run(move |request: Box<CoapRequest<SocketAddr>>| {
            let gw = gw.clone();
            async move { handlers::dispatch(gw, request).await }
        })
        .await?;
    Ok(())
}

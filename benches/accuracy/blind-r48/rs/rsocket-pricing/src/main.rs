mod model;
mod responder;

use std::sync::Arc;
use std::time::Duration;

use rsocket_rust::prelude::*;
use rsocket_rust::Result;
use rsocket_rust_transport_tcp::TcpServerTransport;
use sqlx::postgres::PgPoolOptions;

use responder::{PricingResponder, Settings};

#[tokio::main]
async fn main() -> Result<()> {
    env_logger::init();

    let settings = Arc::new(Settings::from_env()?);
    let events = PgPoolOptions::new()
        .max_connections(8)
        .connect(&settings.events_url)
        .await?;
    let bind = std::env::var("PRICING_BIND").unwrap_or_else(|_| "0.0.0.0:7878".to_string());

    RSocketFactory::receive()
        .transport(TcpServerTransport::from(bind))
        .acceptor(Box::new(move |setup, _socket| {
            let tenant = setup.data_utf8().unwrap_or("public").to_string();
            log::info!("storefront connected for tenant {tenant}");
            let fx = reqwest::Client::builder()
                .timeout(Duration::from_secs(4))
                .pool_idle_timeout(Duration::from_secs(60))
                .build()?;
            Ok(Box::new(PricingResponder::new(tenant, settings.clone(), events.clone(), fx)))
        }))
        .on_start(Box::new(|| log::info!("pricing responder started")))
        .serve()
        .await
}

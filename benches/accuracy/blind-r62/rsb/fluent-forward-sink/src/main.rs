//! Receives Fluent Bit `forward` output (Forward protocol v1: MessagePack over
//! TCP) from every node in the fleet. Records are inserted into ClickHouse and
//! a per-tag/per-host last-seen table in Postgres feeds the "silent sources"
//! dashboard.

mod forward;
mod sink;

use std::env;

use anyhow::Result;
use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let bind = env::var("FORWARD_BIND").unwrap_or_else(|_| "0.0.0.0:24224".into());
    let pg_url = env::var("DATABASE_URL")?;
    let settings = sink::Settings::from_env()?;

    // One connection per fluent-bit node plus headroom for the fleet growing.
    let pg = PgPoolOptions::new().max_connections(80).connect(&pg_url).await?;

    let listener = TcpListener::bind(&bind).await?;
    tracing::info!(%bind, "forward input listening");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (socket, peer) = accepted?;
                let pg = pg.clone();
                let settings = settings.clone();
                tokio::spawn(async move {
                    if let Err(e) = forward::serve(socket, pg, settings).await {
                        tracing::warn!(%peer, error = %e, "forward connection ended with an error");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    pg.close().await;
    Ok(())
}

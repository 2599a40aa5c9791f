//! Filebeat / Winlogbeat on ~200 hosts ship with `output.logstash: hosts: ["logsink:5044"]`.
//! Each beat keeps one long-lived TCP connection and sends a window of events per flush.

mod alerts;
mod protocol;
mod registry;
mod session;

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("LOGSINK_DATABASE_URL").context("LOGSINK_DATABASE_URL")?;
    let pool = PgPoolOptions::new()
        .max_connections(12)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await
        .context("connect log database")?;

    let alerting = Arc::new(alerts::AlertConfig::from_env());

    let listener = TcpListener::bind(("0.0.0.0", 5044)).await?;
    tracing::info!("lumberjack v2 listening on :5044");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = accepted?;
                let pool = pool.clone();
                let alerting = alerting.clone();
                tokio::spawn(async move {
                    if let Err(err) = session::serve(stream, pool, alerting).await {
                        tracing::info!(%peer, error = %err, "beat connection closed");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.close().await;
    Ok(())
}

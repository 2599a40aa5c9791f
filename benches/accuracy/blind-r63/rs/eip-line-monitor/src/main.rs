mod andon;
mod config;
mod downtime;
mod poll;

use std::time::Duration;

use anyhow::{Context, Result};
use rseip::client::ab_eip::*;
use rseip::precludes::*;
use sqlx::postgres::PgPoolOptions;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();

    let cfg = config::load("line.toml")?;
    let database_url = std::env::var("MES_DATABASE_URL").context("MES_DATABASE_URL")?;

    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&database_url)
        .await
        .context("connect MES database")?;

    tokio::spawn(downtime::reporter(pool.clone(), cfg.line_id.clone()));

    let plc = connect_plc(&cfg.plc_host).await?;
    tracing::info!(line = %cfg.line_id, plc = %cfg.plc_host, "polling started");

    tokio::select! {
        res = poll::run(plc, pool, cfg) => res,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

pub async fn connect_plc(host: &str) -> Result<AbEipClient> {
    let mut delay = Duration::from_secs(1);
    loop {
        match AbEipClient::new_host_lookup(host).await {
            Ok(client) => return Ok(client.with_connection_path(PortSegment::default())),
            Err(err) => {
                tracing::warn!(%host, error = %err, "PLC not reachable, retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
}

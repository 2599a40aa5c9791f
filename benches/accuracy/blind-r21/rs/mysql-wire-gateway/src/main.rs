//! MySQL wire-protocol gateway for the legacy BI tool. Ordinary queries are
//! forwarded to the reporting replica; the virtual `events_daily` table is
//! served from ClickHouse.

mod backend;
mod locks;

use std::sync::Arc;
use std::time::Duration;

use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use opensrv_mysql::AsyncMysqlIntermediary;
use tokio::net::TcpListener;
use tracing::{info, warn};

use crate::backend::{Backend, ClickHouseSettings};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let replica_url = std::env::var("REPLICA_MYSQL_URL")?;
    let listen = std::env::var("GATEWAY_LISTEN").unwrap_or_else(|_| "0.0.0.0:3307".into());
    let clickhouse = Arc::new(ClickHouseSettings {
        url: std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://clickhouse:8123".into()),
        user: std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "bi_gateway".into()),
        password: std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default(),
        database: "analytics".into(),
    });

    // The BI tool opens one connection per dashboard widget, so be generous.
    let pool = Pool::new(
        OptsBuilder::from_opts(Opts::from_url(&replica_url)?)
            .pool_opts(
                PoolOpts::default()
                    .with_constraints(PoolConstraints::new(20, 400).expect("min <= max"))
                    .with_inactive_connection_ttl(Duration::from_secs(120)),
            )
            .stmt_cache_size(128),
    );

    let listener = TcpListener::bind(&listen).await?;
    info!(%listen, "mysql gateway listening");

    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(s) => s,
                    Err(e) => {
                        warn!("accept failed: {e}");
                        continue;
                    }
                };
                let backend = Backend::new(pool.clone(), clickhouse.clone(), peer);
                tokio::spawn(async move {
                    let (r, w) = stream.into_split();
                    if let Err(e) = AsyncMysqlIntermediary::run_on(backend, r, w).await {
                        warn!(%peer, "session ended with error: {e}");
                    }
                });
            }
        }
    }

    pool.disconnect().await?;
    Ok(())
}

mod audit;
mod ingest;
mod messages;

use std::time::Duration;

use ockam::tcp::{TcpListenerOptions, TcpTransportExtension};
use ockam::{node, Context, Result};
use sqlx::postgres::PgPoolOptions;

use crate::audit::{AuditWorker, TariffWorker};
use crate::ingest::{app_err, IngestWorker};

#[ockam::node]
async fn main(ctx: Context) -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let alert_webhook = std::env::var("ALERT_WEBHOOK").expect("ALERT_WEBHOOK must be set");
    let bind = std::env::var("RELAY_BIND").unwrap_or_else(|_| "0.0.0.0:4000".to_string());
    let overload_kw: f64 = std::env::var("OVERLOAD_KW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(250.0);

    let node = node(ctx).await?;
    let tcp = node.create_tcp_transport()?;
    let listener = tcp.listen(&bind, TcpListenerOptions::new()).await?;

    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await
        .map_err(app_err)?;

    let audit_conn = pool.acquire().await.map_err(app_err)?;
    node.start_worker("audit", AuditWorker { conn: audit_conn }).await?;
    node.flow_controls().add_consumer("audit", listener.flow_control_id());

    node.start_worker("tariff", TariffWorker { pool: pool.clone() }).await?;
    node.flow_controls().add_consumer("tariff", listener.flow_control_id());

    node.start_worker(
        "ingest",
        IngestWorker {
            database_url: database_url.clone(),
            alert_webhook,
            overload_kw,
        },
    )
    .await?;
    node.flow_controls().add_consumer("ingest", listener.flow_control_id());

    tracing::info!(%bind, "meter relay listening; workers: ingest, audit, tariff");
    // Returning without stopping the node keeps it (and its workers) running.
    Ok(())
}

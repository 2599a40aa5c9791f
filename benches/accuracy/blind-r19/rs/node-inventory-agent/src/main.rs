mod protocols;
mod service;

use std::env;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use tokio::signal::unix::{signal, SignalKind};
use ttrpc::asynchronous::Server;

use protocols::inventory_ttrpc;
use service::InventoryService;

const SOCK_PATH: &str = "/run/node-inventory/agent.sock";

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let db_url = env::var("INVENTORY_DB").unwrap_or_else(|_| "sqlite:///var/lib/node-inventory/inventory.db".into());
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(
            SqliteConnectOptions::from_str(&db_url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal),
        )
        .await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS packages (host TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL, \
         PRIMARY KEY (host, name))",
    )
    .execute(&pool)
    .await?;

    let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
    let control_plane = env::var("CONTROL_PLANE_URL").unwrap_or_else(|_| "https://fleet.internal.example".into());

    let service = Arc::new(InventoryService::new(pool.clone(), http.clone(), control_plane.clone()));
    let _ = std::fs::remove_file(SOCK_PATH);
    let mut server = Server::new()
        .bind(&format!("unix://{SOCK_PATH}"))?
        .register_service(inventory_ttrpc::create_inventory(service.clone()));
    server.start().await?;
    log::info!("ttrpc inventory service on {SOCK_PATH}");

    // Periodic heartbeat with the shared pool and client.
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    let mut term = signal(SignalKind::terminate())?;
    loop {
        tokio::select! {
            _ = term.recv() => break,
            _ = tick.tick() => {
                if let Err(e) = service.heartbeat().await {
                    log::warn!("heartbeat failed: {e:#}");
                }
            }
        }
    }

    server.shutdown().await?;
    pool.close().await;
    Ok(())
}

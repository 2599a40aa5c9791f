//! This `hub` crate is the
//! entry point of the Rust logic.

mod messages;
mod scanning;
mod sync;

use std::time::Duration;
use tokio; // Comment this line to target the web.

rinf::write_interface!();

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

#[derive(Clone)]
pub struct DockConfig {
    pub pg_dsn: String,
    pub erp_base: String,
    pub printer_base: String,
}

impl DockConfig {
    fn from_env() -> Self {
        Self {
            pg_dsn: std::env::var("DOCK_PG_DSN").unwrap_or_else(|_| {
                "host=wms-db.lan user=dock password=dock dbname=wms".to_owned()
            }),
            erp_base: std::env::var("DOCK_ERP_BASE")
                .unwrap_or_else(|_| "https://erp.lan/api/v2".to_owned()),
            printer_base: std::env::var("DOCK_PRINTER_BASE")
                .unwrap_or_else(|_| "http://zebra-dock3.lan".to_owned()),
        }
    }
}

// Use `tokio::spawn` to run concurrent tasks.
// Always use non-blocking async functions.
async fn main() {
    let config = DockConfig::from_env();

    // The label printer sits on the LAN; one client for the app's lifetime.
    let printer = reqwest::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()
        .expect("printer client");

    tokio::spawn(log_errors("scans", scanning::listen_scans(config.clone())));
    tokio::spawn(log_errors("sync", sync::listen_sync(config.clone())));
    tokio::spawn(log_errors("labels", sync::listen_print(config, printer)));
}

async fn log_errors(name: &'static str, fut: impl std::future::Future<Output = Result<()>>) {
    if let Err(err) = fut.await {
        rinf::debug_print!("{name} listener stopped: {err}");
    }
}

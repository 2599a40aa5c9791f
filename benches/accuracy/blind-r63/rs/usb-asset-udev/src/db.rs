use anyhow::{Context, Result};
use diesel::pg::PgConnection;
use diesel::Connection;

/// One connection per process. Both entry points (the udev event helper and the daily
/// reconcile) call this exactly once and the connection is closed when the process exits.
pub fn establish() -> Result<PgConnection> {
    let url = std::env::var("USB_ASSET_DATABASE_URL")
        .or_else(|_| std::fs::read_to_string("/etc/usb-asset.url").map(|s| s.trim().to_string()))
        .context("no database URL configured")?;
    // udev kills RUN programs that take too long; fail fast instead of hanging
    let url = if url.contains('?') { format!("{url}&connect_timeout=3") } else { format!("{url}?connect_timeout=3") };
    PgConnection::establish(&url).context("connect asset database")
}

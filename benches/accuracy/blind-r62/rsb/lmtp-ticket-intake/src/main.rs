//! LMTP delivery agent for the helpdesk mail domain. Postfix hands every
//! message to us over a Unix socket; each accepted recipient mailbox turns
//! the message into a new ticket or a reply on an existing one.

mod lmtp;
mod tickets;

use std::env;
use std::sync::Arc;

use anyhow::Result;
use deadpool_postgres::{Config, PoolConfig, Runtime};
use tokio::net::UnixListener;
use tokio_postgres::NoTls;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let sock_path = env::var("LMTP_SOCKET").unwrap_or_else(|_| "/run/ticket-intake/lmtp.sock".into());

    let mut cfg = Config::new();
    cfg.url = Some(env::var("DATABASE_URL")?);
    cfg.pool = Some(PoolConfig::new(12));
    let pool = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let files = tickets::Files::new(env::var("FILES_API_URL")?, env::var("FILES_API_TOKEN")?)?;
    let intake = Arc::new(tickets::Intake { pool, files });

    let _ = std::fs::remove_file(&sock_path);
    let listener = UnixListener::bind(&sock_path)?;
    tracing::info!(%sock_path, "LMTP listening");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                let intake = Arc::clone(&intake);
                tokio::spawn(async move {
                    if let Err(e) = lmtp::session(stream, intake).await {
                        tracing::warn!(error = %e, "LMTP session aborted");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}

mod attachments;
mod lmtp;
mod tickets;

use tokio::net::UnixListener;
use tracing::{info, warn};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("HELPDESK_DATABASE_URL")?;
    let bucket = std::env::var("ATTACHMENT_BUCKET")?;
    let socket_path = std::env::var("LMTP_SOCKET")
        .unwrap_or_else(|_| "/var/spool/postfix/private/helpdesk-lmtp".into());

    let tickets = tickets::TicketStore::connect(&database_url).await?;
    let attachments = attachments::AttachmentStore::connect(&database_url, bucket).await?;

    let _ = std::fs::remove_file(&socket_path);
    let listener = UnixListener::bind(&socket_path)?;
    info!(socket = %socket_path, "listening for LMTP");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                let tickets = tickets.clone();
                let attachments = attachments.clone();
                tokio::spawn(async move {
                    if let Err(err) = lmtp::serve(stream, tickets, attachments).await {
                        warn!("lmtp session ended with error: {err:#}");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    Ok(())
}

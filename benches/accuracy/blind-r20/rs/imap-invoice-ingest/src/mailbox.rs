use std::time::Duration;

use async_imap::Session;
use async_native_tls::TlsStream;
use tokio::net::TcpStream;

pub type ImapSession = Session<TlsStream<TcpStream>>;

/// Runs once at start-up: retries until the mail server accepts the login, then returns.
pub async fn connect_with_retry() -> anyhow::Result<ImapSession> {
    let host = std::env::var("IMAP_HOST")?;
    let user = std::env::var("IMAP_USER")?;
    let pass = std::env::var("IMAP_PASSWORD")?;

    let mut delay = Duration::from_secs(1);
    for attempt in 1..=8 {
        match try_connect(&host, &user, &pass).await {
            Ok(session) => return Ok(session),
            Err(e) => {
                tracing::warn!(attempt, error = %e, "IMAP login failed, retrying in {delay:?}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
    anyhow::bail!("could not log in to {host}")
}

async fn try_connect(host: &str, user: &str, pass: &str) -> anyhow::Result<ImapSession> {
    let tcp = TcpStream::connect((host, 993)).await?;
    let tls = async_native_tls::TlsConnector::new().connect(host, tcp).await?;
    let client = async_imap::Client::new(tls);
    let session = client.login(user, pass).await.map_err(|(e, _)| e)?;
    Ok(session)
}

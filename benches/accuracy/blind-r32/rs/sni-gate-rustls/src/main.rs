mod certs;
mod refresh;

use std::sync::Arc;
use std::time::Duration;

use rustls::ServerConfig;
use tokio::io::copy_bidirectional;
use tokio::net::{TcpListener, TcpStream};
use tokio_postgres::NoTls;
use tokio_rustls::TlsAcceptor;

use crate::certs::CertStore;

async fn connect_with_retry(url: &str) -> anyhow::Result<tokio_postgres::Client> {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=8 {
        match tokio_postgres::connect(url, NoTls).await {
            Ok((client, connection)) => {
                tokio::spawn(async move {
                    if let Err(err) = connection.await {
                        tracing::error!("cert db connection closed: {err}");
                    }
                });
                return Ok(client);
            }
            Err(err) => {
                tracing::warn!("cert db connect attempt {attempt} failed: {err}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    anyhow::bail!("cert database unreachable")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let db = connect_with_retry(&std::env::var("CERTS_DATABASE_URL")?).await?;
    let store = Arc::new(CertStore::default());
    refresh::load_once(&db, &store).await?;
    tokio::spawn(refresh::run(db, store.clone()));

    let config = ServerConfig::builder()
        .with_no_client_auth()
        .with_cert_resolver(store.clone());
    let acceptor = TlsAcceptor::from(Arc::new(config));

    let listener = TcpListener::bind("0.0.0.0:443").await?;
    loop {
        let (tcp, peer) = listener.accept().await?;
        let acceptor = acceptor.clone();
        let store = store.clone();
        tokio::spawn(async move {
            let mut tls = match acceptor.accept(tcp).await {
                Ok(tls) => tls,
                Err(err) => {
                    tracing::debug!(%peer, "handshake failed: {err}");
                    return;
                }
            };
            let Some(sni) = tls.get_ref().1.server_name().map(str::to_owned) else { return };
            let Some(backend) = store.backend_for(&sni) else { return };
            match TcpStream::connect(&backend).await {
                Ok(mut upstream) => {
                    let _ = copy_bidirectional(&mut tls, &mut upstream).await;
                }
                Err(err) => tracing::warn!(%sni, %backend, "upstream connect failed: {err}"),
            }
        });
    }
}

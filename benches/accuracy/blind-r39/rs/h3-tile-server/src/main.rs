mod state;
mod tiles;

use std::net::SocketAddr;
use std::sync::Arc;

use h3::error::ErrorLevel;
use quinn::crypto::rustls::QuicServerConfig;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let state = state::AppState::init().await?;

    let certs = rustls_pemfile::certs(&mut std::io::BufReader::new(std::fs::File::open("tls/cert.pem")?))
        .collect::<Result<Vec<_>, _>>()?;
    let key = rustls_pemfile::private_key(&mut std::io::BufReader::new(std::fs::File::open("tls/key.pem")?))?
        .ok_or_else(|| anyhow::anyhow!("no private key"))?;
    let mut tls = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
    tls.alpn_protocols = vec![b"h3".to_vec()];
    tls.max_early_data_size = u32::MAX;

    let server_config = quinn::ServerConfig::with_crypto(Arc::new(QuicServerConfig::try_from(tls)?));
    let addr: SocketAddr = "[::]:4433".parse()?;
    let endpoint = quinn::Endpoint::server(server_config, addr)?;
    tracing::info!(%addr, "listening (HTTP/3)");

    while let Some(incoming) = endpoint.accept().await {
        let state = state.clone();
        tokio::spawn(async move {
            let conn = match incoming.await {
                Ok(conn) => conn,
                Err(e) => {
                    tracing::debug!(error = %e, "handshake failed");
                    return;
                }
            };
            let mut h3_conn = match h3::server::Connection::new(h3_quinn::Connection::new(conn)).await {
                Ok(c) => c,
                Err(e) => {
                    tracing::debug!(error = %e, "h3 setup failed");
                    return;
                }
            };
            loop {
                match h3_conn.accept().await {
                    Ok(Some((req, stream))) => {
                        let state = state.clone();
                        tokio::spawn(async move {
                            if let Err(e) = tiles::handle(req, stream, state).await {
                                tracing::warn!(error = %e, "request failed");
                            }
                        });
                    }
                    Ok(None) => break,
                    Err(err) => match err.get_error_level() {
                        ErrorLevel::ConnectionError => break,
                        ErrorLevel::StreamError => continue,
                    },
                }
            }
        });
    }

    endpoint.wait_idle().await;
    Ok(())
}

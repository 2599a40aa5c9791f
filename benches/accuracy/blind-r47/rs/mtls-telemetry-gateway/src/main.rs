mod audit;
mod verifier;

use std::fs::File;
use std::io::BufReader;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, BufReader as AsyncBufReader};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use crate::verifier::RevocationAwareVerifier;

#[derive(Deserialize)]
struct Frame {
    device_id: String,
    metric: String,
    value: f64,
    ts: chrono::DateTime<chrono::Utc>,
}

fn load_certs(path: &str) -> anyhow::Result<Vec<rustls::pki_types::CertificateDer<'static>>> {
    let mut reader = BufReader::new(File::open(path).with_context(|| path.to_string())?);
    Ok(rustls_pemfile::certs(&mut reader).collect::<Result<Vec<_>, _>>()?)
}

fn tls_config() -> anyhow::Result<ServerConfig> {
    let mut roots = RootCertStore::empty();
    for ca in load_certs("/etc/gateway/fleet-ca.pem")? {
        roots.add(ca)?;
    }
    let webpki = WebPkiClientVerifier::builder(Arc::new(roots)).build()?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://redis:6379/2".into());
    let verifier = RevocationAwareVerifier::new(webpki, redis_url);

    let certs = load_certs("/etc/gateway/server.pem")?;
    let mut key_reader = BufReader::new(File::open("/etc/gateway/server.key")?);
    let key = rustls_pemfile::private_key(&mut key_reader)?.context("no private key")?;

    Ok(ServerConfig::builder()
        .with_client_cert_verifier(Arc::new(verifier))
        .with_single_cert(certs, key)?)
}

async fn handle(stream: tokio_rustls::server::TlsStream<tokio::net::TcpStream>, peer: SocketAddr, db: PgPool) -> anyhow::Result<()> {
    let mut lines = AsyncBufReader::new(stream).lines();
    let mut frames = 0u64;
    let mut device = String::new();
    while let Some(line) = lines.next_line().await? {
        let frame: Frame = match serde_json::from_str(&line) {
            Ok(f) => f,
            Err(e) => {
                tracing::warn!(%peer, "bad frame: {e}");
                continue;
            }
        };
        sqlx::query("INSERT INTO readings (device_id, metric, value, ts) VALUES ($1, $2, $3, $4)")
            .bind(&frame.device_id)
            .bind(&frame.metric)
            .bind(frame.value)
            .bind(frame.ts)
            .execute(&db)
            .await?;
        device = frame.device_id;
        frames += 1;
    }
    audit::record_session(&peer.to_string(), &device, frames).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let db = PgPoolOptions::new()
        .max_connections(16)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let acceptor = TlsAcceptor::from(Arc::new(tls_config()?));
    let listener = TcpListener::bind("0.0.0.0:8883").await?;
    tracing::info!("gateway listening on 8883");

    loop {
        let (tcp, peer) = listener.accept().await?;
        let acceptor = acceptor.clone();
        let db = db.clone();
        tokio::spawn(async move {
            match acceptor.accept(tcp).await {
                Ok(tls) => {
                    if let Err(e) = handle(tls, peer, db).await {
                        tracing::warn!(%peer, "session ended with error: {e:#}");
                    }
                }
                Err(e) => tracing::info!(%peer, "handshake rejected: {e}"),
            }
        });
    }
}

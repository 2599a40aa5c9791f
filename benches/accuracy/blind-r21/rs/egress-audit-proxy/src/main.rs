//! Egress audit proxy: every outbound HTTP(S) call made by the build farm goes
//! through this MITM proxy so that security can see what left the network.

mod dlp;
mod handler;

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use hudsucker::{
    certificate_authority::RcgenAuthority,
    rcgen::{CertificateParams, KeyPair},
    rustls::crypto::aws_lc_rs,
    Proxy,
};
use sqlx::postgres::PgPoolOptions;
use tracing::{error, info};

use crate::handler::AuditHandler;

async fn shutdown_signal() {
    tokio::signal::ctrl_c()
        .await
        .expect("failed to install CTRL+C handler");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let database_url = std::env::var("AUDIT_DATABASE_URL").context("AUDIT_DATABASE_URL")?;
    let dlp_endpoint = std::env::var("DLP_ENDPOINT")
        .unwrap_or_else(|_| "http://dlp-scanner.security.svc:8080/v1/scan".to_string());
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let listen: SocketAddr = std::env::var("PROXY_LISTEN")
        .unwrap_or_else(|_| "0.0.0.0:3128".into())
        .parse()?;
    let blocked: Vec<String> = std::env::var("BLOCKED_HOSTS")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();

    let pool = PgPoolOptions::new()
        .max_connections(12)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&database_url)
        .await
        .context("connecting to audit database")?;

    let key_pem = std::fs::read_to_string("/etc/egress-proxy/ca.key")?;
    let cert_pem = std::fs::read_to_string("/etc/egress-proxy/ca.cer")?;
    let key_pair = KeyPair::from_pem(&key_pem)?;
    let ca_cert = CertificateParams::from_ca_cert_pem(&cert_pem)?.self_signed(&key_pair)?;
    let ca = RcgenAuthority::new(key_pair, ca_cert, 10_000, aws_lc_rs::default_provider());

    let handler = AuditHandler::new(pool, dlp_endpoint, redis_url, blocked);

    let proxy = Proxy::builder()
        .with_addr(listen)
        .with_ca(ca)
        .with_rustls_client(aws_lc_rs::default_provider())
        .with_http_handler(handler.clone())
        .with_websocket_handler(handler)
        .with_graceful_shutdown(shutdown_signal())
        .build()?;

    info!(%listen, "egress audit proxy listening");
    if let Err(e) = proxy.start().await {
        error!("proxy stopped: {e}");
    }
    Ok(())
}

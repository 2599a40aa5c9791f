mod handler;

use std::{sync::Arc, time::Duration};

use quinn::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use sqlx::postgres::{PgPool, PgPoolOptions};

pub struct Shared {
    pub db: PgPool,
    pub http: reqwest::Client,
    pub forward_url: String,
}

/// Postgres is often still starting when the ingest node boots; wait for it.
async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut delay = Duration::from_millis(500);
    let mut attempt = 0;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 8 => {
                tracing::warn!(attempt, error = %e, "postgres not ready, retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let db = connect_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let http = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;
    let shared = Arc::new(Shared { db, http, forward_url: std::env::var("ALERT_FORWARD_URL")? });

    let cert = rcgen::generate_simple_self_signed(vec!["telemetry.local".into()])?;
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key_pair.serialize_der()));
    let server_config = quinn::ServerConfig::with_single_cert(vec![cert.cert.der().clone()], key)?;
    let endpoint = quinn::Endpoint::server(server_config, "0.0.0.0:4433".parse()?)?;
    tracing::info!("QUIC ingest listening on {}", endpoint.local_addr()?);

    while let Some(incoming) = endpoint.accept().await {
        let shared = shared.clone();
        tokio::spawn(async move {
            if let Err(e) = handler::connection(incoming, shared).await {
                tracing::warn!(error = %e, "connection ended with error");
            }
        });
    }
    Ok(())
}

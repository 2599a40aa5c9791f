use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::sign::CertifiedKey;
use tokio_postgres::Client;

use crate::certs::{CertStore, Site};

fn parse_site(cert_pem: &str, key_pem: &str, backend: String) -> anyhow::Result<Site> {
    let chain: Vec<CertificateDer<'static>> =
        rustls_pemfile::certs(&mut cert_pem.as_bytes()).collect::<Result<_, _>>()?;
    let key: PrivateKeyDer<'static> = rustls_pemfile::private_key(&mut key_pem.as_bytes())?
        .ok_or_else(|| anyhow::anyhow!("no private key"))?;
    let signing = rustls::crypto::ring::sign::any_supported_type(&key)?;
    Ok(Site { key: Arc::new(CertifiedKey::new(chain, signing)), backend })
}

pub async fn load_once(db: &Client, store: &CertStore) -> anyhow::Result<()> {
    let rows = db
        .query("SELECT hostname, cert_pem, key_pem, backend FROM vanity_domains WHERE enabled", &[])
        .await?;
    let mut sites = HashMap::with_capacity(rows.len());
    for row in rows {
        let host: String = row.get("hostname");
        match parse_site(row.get("cert_pem"), row.get("key_pem"), row.get("backend")) {
            Ok(site) => {
                sites.insert(host.to_ascii_lowercase(), site);
            }
            Err(err) => tracing::warn!(%host, "skipping bad cert: {err}"),
        }
    }
    tracing::info!("loaded {} vanity domains", sites.len());
    store.replace(sites);
    Ok(())
}

pub async fn run(db: Client, store: Arc<CertStore>) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    tick.tick().await;
    loop {
        tick.tick().await;
        if let Err(err) = load_once(&db, &store).await {
            tracing::error!("cert refresh failed: {err}");
        }
    }
}

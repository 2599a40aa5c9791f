//! FTPS drop box for logistics partners. Partners upload EDI files into their
//! own home directory; every upload is registered in the MSSQL ERP staging DB.

mod auth;
mod db;
mod events;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use libunftp::ServerBuilder;
use unftp_sbe_fs::Filesystem;

use crate::auth::PartnerAuthenticator;
use crate::events::UploadListener;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let mssql = std::env::var("ERP_MSSQL").context("ERP_MSSQL connection string")?;
    let root = PathBuf::from(std::env::var("FTP_ROOT").unwrap_or_else(|_| "/srv/dropbox".into()));
    let topic_arn = std::env::var("UPLOAD_TOPIC_ARN").context("UPLOAD_TOPIC_ARN")?;

    // Pool used by the housekeeping task below (quota + stale file sweeps).
    let pool = db::pool(&mssql).await?;
    let listener = UploadListener::connect(&mssql, topic_arn).await?;

    let sweep_pool = pool.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(900));
        loop {
            tick.tick().await;
            if let Err(e) = db::expire_stale_uploads(&sweep_pool).await {
                tracing::warn!("stale upload sweep failed: {e}");
            }
        }
    });

    let authenticator = Arc::new(PartnerAuthenticator::new(mssql.clone()));
    let server = ServerBuilder::with_authenticator(
        Box::new(move || Filesystem::new(root.clone())),
        authenticator,
    )
    .greeting("Partner drop box - authorised use only")
    .passive_ports(50000..50100)
    .idle_session_timeout(600)
    .ftps("/etc/dropbox/tls.crt", "/etc/dropbox/tls.key")
    .notify_data(listener)
    .build()?;

    server.listen("0.0.0.0:2121").await?;
    Ok(())
}

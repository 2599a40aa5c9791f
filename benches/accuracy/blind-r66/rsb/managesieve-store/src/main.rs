//! ManageSieve server for the webmail and Thunderbird's Sieve add-on. Scripts
//! live in Postgres; Dovecot/Pigeonhole reads them through a dict sieve storage
//! on the same table. Passwords are checked by Dovecot itself via the doveadm
//! HTTP API. TLS is terminated by the haproxy in front of us.
mod session;
mod store;

use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

pub struct Ctx {
    pub pool: deadpool_postgres::Pool,
    pub http: reqwest::Client,
    pub doveadm_url: String,
    pub doveadm_key: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = store::make_pool(&std::env::var("SIEVE_DB_URL").context("SIEVE_DB_URL")?)?;
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()?;
    let ctx = Arc::new(Ctx {
        pool,
        http,
        doveadm_url: std::env::var("DOVEADM_URL").unwrap_or_else(|_| "http://imap01.mail.lan:8080/doveadm/v1".into()),
        doveadm_key: std::env::var("DOVEADM_API_KEY").context("DOVEADM_API_KEY")?,
    });

    let listener = TcpListener::bind("0.0.0.0:4190").await?;
    loop {
        let (socket, peer) = listener.accept().await?;
        let ctx = Arc::clone(&ctx);
        tokio::spawn(async move {
            if let Err(e) = session::run(ctx, socket).await {
                eprintln!("managesieve {peer}: {e:#}");
            }
        });
    }
}

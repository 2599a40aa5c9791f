//! Authenticated SOCKS5 egress proxy for CI runners. Runner credentials are
//! stored (argon2-hashed) in Postgres; each accepted tunnel is audited.

mod auth;
mod db;

use std::time::Duration;

use fast_socks5::server::{Config, Socks5Server};
use tokio_stream::StreamExt;

use crate::auth::RunnerAuth;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;

    let mut config = Config::default();
    config.set_request_timeout(15);
    config.set_skip_auth(false);
    config.set_dns_resolve(true);
    let config = config.with_authentication(RunnerAuth::new(pool.clone()));

    let bind = std::env::var("PROXY_BIND").unwrap_or_else(|_| "0.0.0.0:1080".into());
    let listener = <Socks5Server<RunnerAuth>>::bind(&bind).await?.with_config(config);
    tracing::info!("socks5 egress proxy on {bind}");

    let mut incoming = listener.incoming();
    while let Some(accepted) = incoming.next().await {
        let socket = match accepted {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!("accept failed: {e}");
                continue;
            }
        };
        let pool = pool.clone();
        tokio::spawn(async move {
            match tokio::time::timeout(Duration::from_secs(30), socket.upgrade_to_socks5()).await {
                Ok(Ok(tunnel)) => {
                    let runner: Option<String> = tunnel.get_credentials().cloned();
                    let target = tunnel.target_addr().map(|a| a.to_string());
                    if let Err(e) = db::audit(&pool, runner.as_deref(), target.as_deref()).await {
                        tracing::warn!("audit insert failed: {e}");
                    }
                }
                Ok(Err(e)) => tracing::debug!("socks handshake failed: {e}"),
                Err(_) => tracing::debug!("socks handshake timed out"),
            }
        });
    }
    Ok(())
}

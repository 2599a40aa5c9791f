//! suricata.yaml:
//!   - eve-log:
//!       enabled: yes
//!       filetype: unix_stream
//!       filename: /run/suricata/eve-router.sock
//!       types: [alert]
//!
//! Suricata connects to our socket at start-up (and again after a reload or
//! restart) and writes one EVE JSON document per line for every alert.

mod route;

use std::sync::Arc;
use std::time::Duration;

use redis::aio::ConnectionManager;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::UnixListener;

use eve_router::event::Eve;

pub struct Clients {
    pub db: sqlx::PgPool,
    pub redis: ConnectionManager,
    pub http: reqwest::Client,
    pub slack_webhook: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let socket_path =
        std::env::var("EVE_SOCKET").unwrap_or_else(|_| "/run/suricata/eve-router.sock".into());
    let redis_url = std::env::var("EVE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/2".into());

    let clients = Arc::new(Clients {
        db: eve_router::connect_db(5).await?,
        redis: ConnectionManager::new(redis::Client::open(redis_url)?).await?,
        http: reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?,
        slack_webhook: std::env::var("EVE_SLACK_WEBHOOK").ok(),
    });

    let _ = tokio::fs::remove_file(&socket_path).await;
    let listener = UnixListener::bind(&socket_path)?;
    eprintln!("eve-router: listening on {socket_path}");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                let clients = Arc::clone(&clients);
                tokio::spawn(async move {
                    let mut lines = BufReader::new(stream).lines();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let Some(eve) = Eve::parse(&line) else { continue };
                        if eve.is_alert() {
                            route::alert(&clients, &eve).await;
                        }
                    }
                    eprintln!("eve-router: suricata disconnected");
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }

    clients.db.close().await;
    Ok(())
}

mod protocol;
mod session;

use std::net::SocketAddr;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use tokio_kcp::{KcpConfig, KcpListener, KcpNoDelayConfig};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let bind: SocketAddr = std::env::var("ARENA_BIND")
        .unwrap_or_else(|_| "0.0.0.0:7777".into())
        .parse()?;

    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(2))
        .connect(&database_url)
        .await?;

    let config = KcpConfig {
        nodelay: KcpNoDelayConfig::fastest(),
        session_expire: Some(Duration::from_secs(30)),
        ..Default::default()
    };
    let mut listener = KcpListener::bind(config, bind).await?;
    tracing::info!(%bind, "arena server accepting KCP sessions");

    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                tracing::warn!(error = %e, "accept failed");
                continue;
            }
        };
        let pool = pool.clone();
        let redis_url = redis_url.clone();
        tokio::spawn(async move {
            if let Err(e) = session::run(stream, pool, redis_url).await {
                tracing::info!(%peer, error = %e, "session ended with error");
            }
        });
    }
}

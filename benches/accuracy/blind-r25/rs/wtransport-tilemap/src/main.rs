use std::sync::Arc;
use std::time::Duration;

use dashmap::DashMap;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;
use tracing::{info, warn};
use wtransport::{Endpoint, Identity, ServerConfig};

mod session;

pub struct Lobby {
    pub pool: Pool,
    /// (map_id, tile_id) -> connection holding the advisory lock for that tile.
    pub tile_locks: DashMap<(i64, i64), deadpool_postgres::Object>,
    pub redis_url: String,
}

fn build_pool() -> anyhow::Result<Pool> {
    let pg: tokio_postgres::Config = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://tilemap@db.internal:5432/tilemap".into())
        .parse()?;
    let mgr = Manager::from_config(
        pg,
        NoTls,
        ManagerConfig { recycling_method: RecyclingMethod::Fast },
    );
    let pool = Pool::builder(mgr)
        .max_size(150)
        .wait_timeout(Some(Duration::from_secs(2)))
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .build()?;
    Ok(pool)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let lobby = Arc::new(Lobby {
        pool: build_pool()?,
        tile_locks: DashMap::new(),
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://redis.internal:6379".into()),
    });

    let identity = Identity::load_pemfiles("certs/cert.pem", "certs/key.pem").await?;
    let config = ServerConfig::builder()
        .with_bind_default(4433)
        .with_identity(identity)
        .keep_alive_interval(Some(Duration::from_secs(3)))
        .build();
    let server = Endpoint::server(config)?;
    info!("listening for WebTransport sessions on :4433");

    for id in 0.. {
        let incoming = server.accept().await;
        let lobby = lobby.clone();
        tokio::spawn(async move {
            if let Err(e) = session::run(id, incoming, lobby).await {
                warn!(session = id, error = %e, "session ended with error");
            }
        });
    }
    Ok(())
}

use std::net::SocketAddr;
use std::rc::Rc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};

mod conn;

pub struct Shared {
    pub pool: PgPool,
    pub grid: reqwest::Client,
    pub grid_url: String,
}

async fn connect_with_retry(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(e) if attempt < 10 => {
                tracing::warn!(attempt, "database not ready: {e}");
                tokio::time::sleep(Duration::from_secs(2 * attempt as u64)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    tokio_uring::start(async {
        let database_url = std::env::var("DATABASE_URL")?;
        let addr: SocketAddr = std::env::var("LISTEN_ADDR")
            .unwrap_or_else(|_| "0.0.0.0:7400".into())
            .parse()?;

        let shared = Rc::new(Shared {
            pool: connect_with_retry(&database_url).await?,
            grid: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()?,
            grid_url: std::env::var("GRID_OPERATOR_URL")
                .unwrap_or_else(|_| "https://api.grid-operator.example/v1/readings".into()),
        });

        let listener = tokio_uring::net::TcpListener::bind(addr)?;
        tracing::info!(%addr, "meter gateway listening");

        loop {
            let (stream, peer) = listener.accept().await?;
            let shared = shared.clone();
            tokio_uring::spawn(async move {
                if let Err(e) = conn::serve(stream, peer, shared).await {
                    tracing::warn!(%peer, "connection ended with error: {e:#}");
                }
            });
        }
    })
}

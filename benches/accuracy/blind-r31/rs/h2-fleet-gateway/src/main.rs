mod handlers;

use std::sync::Arc;
use std::time::Duration;

use dashmap::DashMap;
use sqlx::postgres::PgPoolOptions;
use tokio::net::{TcpListener, TcpStream};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub struct State {
    pub pool: sqlx::PgPool,
    pub uploads: DashMap<uuid::Uuid, sqlx::pool::PoolConnection<sqlx::Postgres>>,
    pub firmware_cdn: String,
}

async fn serve(socket: TcpStream, state: Arc<State>) -> Result<(), BoxError> {
    let mut connection = h2::server::handshake(socket).await?;
    while let Some(result) = connection.accept().await {
        let (request, respond) = result?;
        let state = state.clone();
        tokio::spawn(async move {
            handlers::handle(request, respond, state).await;
        });
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    tracing_subscriber::fmt::init();

    let pool = PgPoolOptions::new()
        .max_connections(150)
        .min_connections(20)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let state = Arc::new(State {
        pool,
        uploads: DashMap::new(),
        firmware_cdn: std::env::var("FIRMWARE_CDN").unwrap_or_else(|_| "https://fw.fleet.example".into()),
    });

    // Vehicles speak h2c (prior knowledge) over the private APN.
    let listener = TcpListener::bind("0.0.0.0:7400").await?;
    loop {
        let (socket, peer) = listener.accept().await?;
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = serve(socket, state).await {
                tracing::debug!(%peer, "h2 connection ended: {e}");
            }
        });
    }
}

mod db;
mod session;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use sqlx::PgPool;
use tokio::net::TcpListener;
use tokio::sync::broadcast;
use tracing::{info, warn};

/// Shared by every connection: the subscriber DB pool and one broadcast channel per mountpoint.
pub struct Caster {
    pub db: PgPool,
    pub mounts: Mutex<HashMap<String, broadcast::Sender<Bytes>>>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let db = db::connect_with_retry(&std::env::var("CASTER_DATABASE_URL")?).await?;
    let caster = Arc::new(Caster { db, mounts: Mutex::new(HashMap::new()) });

    let listener = TcpListener::bind("0.0.0.0:2101").await?;
    info!("NTRIP caster on :2101");
    loop {
        let (stream, peer) = listener.accept().await?;
        let caster = caster.clone();
        tokio::spawn(async move {
            if let Err(e) = session::handle(stream, peer, caster).await {
                warn!(%peer, error = %e, "ntrip session ended");
            }
        });
    }
}

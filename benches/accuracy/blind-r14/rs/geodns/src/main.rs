mod handler;
mod health;
mod pops;

use std::collections::HashSet;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use hickory_server::proto::rr::{LowerName, Name};
use hickory_server::ServerFuture;
use tokio::net::{TcpListener, UdpSocket};
use tokio::sync::RwLock;

use crate::handler::GeoHandler;
use crate::pops::PopDirectory;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();

    let healthy = Arc::new(RwLock::new(HashSet::new()));
    let http = health::http_client();
    let pops = PopDirectory::new(std::env::var("MONGODB_URI")?);

    tokio::spawn(health::watch(http, pops.clone(), healthy.clone(), Duration::from_secs(10)));

    let handler = GeoHandler {
        zone: LowerName::new(&Name::from_str("cdn.example.net.")?),
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        pops,
        healthy,
    };

    let mut server = ServerFuture::new(handler);
    server.register_socket(UdpSocket::bind("0.0.0.0:53").await?);
    server.register_listener(TcpListener::bind("0.0.0.0:53").await?, Duration::from_secs(5));
    server.block_until_done().await?;
    Ok(())
}
